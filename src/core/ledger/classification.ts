import { InputError } from '../errors.ts';

/**
 * Which part of the statements an account belongs to. Defaults follow the BAS / Kommun-BAS classes: 1 assets
 * (10–14 fixed, 15–18 receivables, 19 cash), 2 equity and liabilities (20 equity, 21–22 provisions,
 * 23 long-term, 24–29 short-term), 3 operating income, 4–7 operating costs, 80–88 financial items (income or
 * cost by the account's balance, since BAS and Kommun-BAS number them differently), 89 year-end closing
 * (appropriations and the booked result, left out of the result). Ranges are configurable per förbund.
 */
export const accountClasses = [
  'fixed_assets',
  'receivables',
  'cash',
  'equity',
  'provisions',
  'long_term_liabilities',
  'short_term_liabilities',
  'operating_income',
  'operating_cost',
  'financial_income',
  'financial_cost',
  'financial',
  'closing',
] as const;
export type AccountClass = (typeof accountClasses)[number];

export const accountClassLabels: Record<AccountClass, string> = {
  fixed_assets: 'Anläggningstillgångar',
  receivables: 'Fordringar',
  cash: 'Kassa och bank',
  equity: 'Eget kapital',
  provisions: 'Avsättningar',
  long_term_liabilities: 'Långfristiga skulder',
  short_term_liabilities: 'Kortfristiga skulder',
  operating_income: 'Verksamhetens intäkter',
  operating_cost: 'Verksamhetens kostnader',
  financial_income: 'Finansiella intäkter',
  financial_cost: 'Finansiella kostnader',
  financial: 'Finansiella poster (intäkt eller kostnad efter saldo)',
  closing: 'Bokslutsposter (ingår inte i resultatet)',
};

export interface ClassRange {
  /** Account number prefixes of equal length, inclusive: "1900"–"1999", or "19"–"19". */
  readonly from: string;
  readonly to: string;
  readonly class: AccountClass;
}

export const defaultClassRanges: readonly ClassRange[] = [
  { from: '1000', to: '1499', class: 'fixed_assets' },
  { from: '1500', to: '1899', class: 'receivables' },
  { from: '1900', to: '1999', class: 'cash' },
  { from: '2000', to: '2099', class: 'equity' },
  { from: '2100', to: '2299', class: 'provisions' },
  { from: '2300', to: '2399', class: 'long_term_liabilities' },
  { from: '2400', to: '2999', class: 'short_term_liabilities' },
  { from: '3000', to: '3999', class: 'operating_income' },
  { from: '4000', to: '7999', class: 'operating_cost' },
  { from: '8000', to: '8899', class: 'financial' },
  { from: '8900', to: '8999', class: 'closing' },
];

/**
 * Whether an account lies in [from, to]: its first digits (as many as the range has) are compared, so the
 * range 4000–7999 holds the five-digit Kommun-BAS account 45120 and a single account 4610 holds 46101.
 */
export function inAccountRange(account: string, from: string, to: string): boolean {
  const key = account.slice(0, from.length).padEnd(from.length, '0');
  return key >= from && key <= to;
}

export function validateRange(from: string, to: string, field = 'konto'): void {
  if (!/^\d+$/.test(from) || !/^\d+$/.test(to)) throw new InputError({ field, message: 'Kontointervallet ska anges med siffror, t.ex. 4000–7999.' });
  if (from.length !== to.length) throw new InputError({ field, message: `Intervallets gränser ska ha lika många siffror (${from}–${to}).` });
  if (from > to) throw new InputError({ field, message: `Intervallet börjar efter att det slutar (${from}–${to}).` });
}

/**
 * The class of an account: the most specific range holding it (the one with the most digits, then the
 * narrowest), so a förbund can override one account inside a default range. Null when no range holds it.
 */
export function classify(account: string, ranges: readonly ClassRange[]): AccountClass | null {
  let best: ClassRange | null = null;
  for (const r of ranges) {
    if (!inAccountRange(account, r.from, r.to)) continue;
    if (!best || r.from.length > best.from.length || (r.from.length === best.from.length && Number(r.to) - Number(r.from) < Number(best.to) - Number(best.from))) best = r;
  }
  return best ? best.class : null;
}

export function isBalanceSheetClass(c: AccountClass): boolean {
  return c === 'fixed_assets' || c === 'receivables' || c === 'cash' || c === 'equity' || c === 'provisions' || c === 'long_term_liabilities' || c === 'short_term_liabilities';
}

/** A förbund's ranges on top of the defaults (its own win where they are more specific). */
export function effectiveRanges(own: readonly ClassRange[]): ClassRange[] {
  return [...defaultClassRanges, ...own];
}
