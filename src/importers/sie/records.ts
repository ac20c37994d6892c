/** The typed records the SIE parser emits, each with the line it came from (1-based). */

export type BalanceKind = 'IB' | 'UB' | 'OIB' | 'OUB' | 'RES' | 'PSALDO' | 'PBUDGET';

/** Dimension number → object code, e.g. { "1": "Nord", "6": "0001" }. */
export type ObjectRefs = Readonly<Record<string, string>>;

export type TransactionKind = 'normal' | 'added' | 'removed';

export interface SieTransaction {
  readonly line: number;
  /** normal = #TRANS, added = #RTRANS (its duplicate #TRANS is skipped), removed = #BTRANS (never counted). */
  readonly kind: TransactionKind;
  readonly account: string;
  readonly objects: ObjectRefs | null;
  readonly amountOre: number;
  /** ISO date; the voucher's date when the row gives none. */
  readonly date: string;
  readonly text: string | null;
}

export type SieRecord =
  | { readonly type: 'header'; readonly line: number; readonly label: string; readonly value: string; readonly fields: readonly string[] }
  | { readonly type: 'year'; readonly line: number; readonly yearIndex: number; readonly start: string; readonly end: string }
  | { readonly type: 'account'; readonly line: number; readonly account: string; readonly name: string }
  | { readonly type: 'accountType'; readonly line: number; readonly account: string; readonly accountType: string }
  | { readonly type: 'sru'; readonly line: number; readonly account: string; readonly code: string }
  | { readonly type: 'dimension'; readonly line: number; readonly dimension: string; readonly name: string; readonly parent: string | null }
  | { readonly type: 'object'; readonly line: number; readonly dimension: string; readonly code: string; readonly name: string }
  | {
      readonly type: 'balance';
      readonly line: number;
      readonly kind: BalanceKind;
      readonly yearIndex: number;
      /** YYYYMM for #PSALDO / #PBUDGET. */
      readonly period: string | null;
      readonly account: string;
      readonly objects: ObjectRefs | null;
      readonly amountOre: number;
    }
  | {
      readonly type: 'voucher';
      readonly line: number;
      readonly series: string;
      readonly number: string;
      readonly date: string;
      readonly text: string;
      readonly registeredOn: string | null;
      readonly transactions: readonly SieTransaction[];
    };

export type VoucherRecord = Extract<SieRecord, { type: 'voucher' }>;
export type BalanceRecord = Extract<SieRecord, { type: 'balance' }>;
