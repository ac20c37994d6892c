import type { InputProblem } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';

export interface SieImportRecord {
  readonly id: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly importedBy: string;
  readonly importedAt: string;
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly companyName: string | null;
  readonly program: string | null;
  readonly accounts: number;
  readonly vouchers: number;
  readonly transactions: number;
  readonly balances: number;
  readonly replacedAt: string | null;
  /** What the import noticed without refusing the file (e.g. an unbooked previous result). */
  readonly notices: readonly InputProblem[];
}

/** The förbund's SIE import history, newest first (replaced imports stay listed). */
export async function listSieImports(db: Queryable, federationId: number): Promise<SieImportRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select id, file_name, sha256, imported_by, to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as imported_at,
            to_char(year_start, 'YYYY-MM-DD') as year_start, to_char(year_end, 'YYYY-MM-DD') as year_end, company_name, program,
            account_count, voucher_count, transaction_count, balance_count,
            to_char(replaced_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as replaced_at, notices
     from ledger_import where federation_id = $1 order by id desc`,
    [federationId],
  );
  return rows.map((r) => ({
    id: r.id as number,
    fileName: r.file_name as string,
    sha256: r.sha256 as string,
    importedBy: r.imported_by as string,
    importedAt: r.imported_at as string,
    yearStart: r.year_start as string,
    yearEnd: r.year_end as string,
    companyName: (r.company_name as string | null) ?? null,
    program: (r.program as string | null) ?? null,
    accounts: r.account_count as number,
    vouchers: r.voucher_count as number,
    transactions: r.transaction_count as number,
    balances: r.balance_count as number,
    replacedAt: (r.replaced_at as string | null) ?? null,
    notices: (r.notices as InputProblem[] | null) ?? [],
  }));
}
