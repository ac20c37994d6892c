import type { InputProblem } from '../../core/errors.ts';
import { containsIdentityNumber } from '../../core/privacy/identityNumber.ts';
import { identityRefusalMessage } from '../../core/privacy/identityGuard.ts';
import { MAX_PROBLEMS } from './parser.ts';
import type { SieRecord, VoucherRecord } from './records.ts';
import { formatAmountOre } from './values.ts';

/** Opening and closing balance of one account in one year of the file (öre, debit positive). */
export interface AccountTotals {
  readonly account: string;
  readonly yearIndex: number;
  readonly openingOre: number;
  readonly closingOre: number;
  /** Sum of the year's counted transaction rows (year 0 only; 0 otherwise). */
  readonly movementOre: number;
}

export interface SieSummary {
  readonly years: ReadonlyMap<number, { start: string; end: string }>;
  readonly accountNames: ReadonlyMap<string, string>;
  readonly accountTypes: ReadonlyMap<string, string>;
  readonly totals: readonly AccountTotals[];
  readonly vouchers: number;
  readonly transactions: number;
  readonly company: string | null;
  readonly organisationNumber: string | null;
  readonly program: string | null;
  readonly sieType: string | null;
}

interface Acc {
  ib: number;
  ub: number;
  res: number;
  hasUb: boolean;
  hasRes: boolean;
  mov: number;
  line: number;
}

/**
 * Checks an SIE file as its records stream past (SIE 4B rules plus what an import needs): a financial year
 * (#RAR 0); every voucher balances to zero and lies inside the year; every account used is declared; for the
 * current year, opening balance + movements = closing balance (#UB) for balance sheet accounts and movements
 * = #RES for income statement accounts. Keeps one small entry per account, nothing per voucher.
 */
export class SieValidator {
  readonly problems: InputProblem[] = [];
  private readonly years = new Map<number, { start: string; end: string }>();
  private readonly names = new Map<string, string>();
  private readonly types = new Map<string, string>();
  private readonly acc = new Map<string, Acc>(); // key `${yearIndex}:${account}`
  private readonly firstUse = new Map<string, number>();
  private readonly headers = new Map<string, string>();
  private vouchers = 0;
  private transactions = 0;
  private anyUb = false;
  private anyRes = false;

  constructor(private readonly file: string) {}

  private problem(line: number | undefined, message: string, field?: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ file: this.file, ...(line ? { line } : {}), ...(field ? { field } : {}), message });
  }

  private entry(yearIndex: number, account: string, line: number): Acc {
    const key = `${yearIndex}:${account}`;
    let a = this.acc.get(key);
    if (!a) {
      a = { ib: 0, ub: 0, res: 0, hasUb: false, hasRes: false, mov: 0, line };
      this.acc.set(key, a);
    }
    return a;
  }

  private use(account: string, line: number): void {
    if (!this.firstUse.has(account)) this.firstUse.set(account, line);
  }

  /** Names and texts of the file go through the identity guard: a ledger must never carry a personnummer in. */
  private guard(text: string | null, line: number, field: string): void {
    // Most texts have no two digits in a row and cannot hold a number: skip the full check for them.
    if (text && /\d\d/.test(text) && containsIdentityNumber(text)) this.problem(line, identityRefusalMessage, field);
  }

  add(r: SieRecord): void {
    switch (r.type) {
      case 'header':
        this.guard(r.value, r.line, r.label);
        if (!this.headers.has(r.label)) this.headers.set(r.label, r.value);
        return;
      case 'object':
        this.guard(r.name, r.line, '#OBJEKT');
        return;
      case 'dimension':
        this.guard(r.name, r.line, '#DIM');
        return;
      case 'year':
        if (this.years.has(r.yearIndex)) this.problem(r.line, `Räkenskapsår ${r.yearIndex} anges två gånger.`, '#RAR');
        else this.years.set(r.yearIndex, { start: r.start, end: r.end });
        return;
      case 'account':
        this.guard(r.name, r.line, '#KONTO');
        this.names.set(r.account, r.name);
        return;
      case 'accountType':
        this.types.set(r.account, r.accountType);
        return;
      case 'balance': {
        this.use(r.account, r.line);
        if (r.objects) return; // object balances are details of the account's balance
        const a = this.entry(r.yearIndex, r.account, r.line);
        if (r.kind === 'IB') a.ib = r.amountOre;
        else if (r.kind === 'UB') {
          a.ub = r.amountOre;
          a.hasUb = true;
          if (r.yearIndex === 0) this.anyUb = true;
        } else if (r.kind === 'RES') {
          a.res = r.amountOre;
          a.hasRes = true;
          if (r.yearIndex === 0) this.anyRes = true;
        }
        return;
      }
      case 'voucher':
        this.voucher(r);
        return;
      default:
        return;
    }
  }

  /** The line of each voucher number seen, per series: a number may occur once in its series. */
  private readonly voucherNumbers = new Map<string, Map<number | string, number>>();

  private voucher(v: VoucherRecord): void {
    this.vouchers++;
    const year = this.years.get(0);
    const where = v.series || v.number ? `Verifikation ${[v.series, v.number].filter(Boolean).join(' ')}` : 'Verifikationen';
    if (v.number) {
      let seen = this.voucherNumbers.get(v.series);
      if (!seen) this.voucherNumbers.set(v.series, (seen = new Map()));
      const key = /^\d{1,15}$/.test(v.number) ? Number(v.number) : v.number;
      const first = seen.get(key);
      if (first !== undefined) this.problem(v.line, `${where} finns redan i filen (rad ${first}): ett verifikationsnummer får bara förekomma en gång i sin serie.`, 'vernr');
      else seen.set(key, v.line);
    }
    if (year && (v.date < year.start || v.date > year.end)) {
      this.problem(v.line, `${where} har datum ${v.date}, utanför räkenskapsåret ${year.start}–${year.end}.`, 'verdatum');
    }
    this.guard(v.text, v.line, '#VER');
    let sum = 0;
    for (const t of v.transactions) {
      this.guard(t.text, t.line, '#TRANS');
      this.transactions++;
      this.use(t.account, t.line);
      if (t.kind === 'removed') continue;
      sum += t.amountOre;
      this.entry(0, t.account, t.line).mov += t.amountOre;
      if (year && t.date !== v.date && (t.date < year.start || t.date > year.end)) {
        this.problem(t.line, `Transaktionsdatumet ${t.date} ligger utanför räkenskapsåret ${year.start}–${year.end}.`, 'transdatum');
      }
    }
    if (sum !== 0) this.problem(v.line, `${where} (${v.date}) balanserar inte: summan är ${formatAmountOre(sum)} kr i stället för 0.`, '#VER');
  }

  /**
   * A complete file's balances add up: the opening balances (#IB) sum to zero, and the closing balances (#UB)
   * plus the year's result (#RES) sum to zero (types 1–4E carry #RES whenever they carry #UB). A file cut off
   * in the middle of its balance lists fails here.
   */
  private checkSums(): void {
    const sums = new Map<number, { ib: number; ubRes: number; hasIb: boolean; hasUb: boolean; hasRes: boolean }>();
    for (const [key, a] of this.acc) {
      const yearIndex = Number(key.slice(0, key.indexOf(':')));
      const s = sums.get(yearIndex) ?? { ib: 0, ubRes: 0, hasIb: false, hasUb: false, hasRes: false };
      s.ib += a.ib;
      s.hasIb ||= a.ib !== 0;
      s.ubRes += (a.hasUb ? a.ub : 0) + (a.hasRes ? a.res : 0);
      s.hasUb ||= a.hasUb;
      s.hasRes ||= a.hasRes;
      sums.set(yearIndex, s);
    }
    for (const [yearIndex, s] of [...sums].sort((x, y) => y[0] - x[0])) {
      if (s.hasIb && s.ib !== 0) this.problem(undefined, `De ingående balanserna (#IB ${yearIndex}) summerar till ${formatAmountOre(s.ib)} kr i stället för 0.`, '#IB');
      if (s.hasUb && s.ubRes !== 0) {
        this.problem(undefined, `Utgående balanser (#UB ${yearIndex}) och årets resultat (#RES ${yearIndex}) summerar till ${formatAmountOre(s.ubRes)} kr i stället för 0.`, '#UB');
      }
    }
  }

  /** Whether an account belongs to the balance sheet: by #KTYP (T, S) when given, else by BAS class 1–2. */
  isBalanceAccount(account: string): boolean {
    const t = this.types.get(account);
    if (t) return t === 'T' || t === 'S';
    return account[0] === '1' || account[0] === '2';
  }

  /** Final checks; returns the per-account totals. Problems are on `problems`. */
  finish(): SieSummary {
    if (!this.years.has(0)) this.problem(undefined, 'Räkenskapsår saknas: filen har ingen rad #RAR 0 (start- och slutdatum).', '#RAR');
    if (this.names.size > 0 || this.firstUse.size > 0) {
      for (const [account, line] of this.firstUse) {
        if (!this.names.has(account)) this.problem(line, `Kontot ${account} används men är inte deklarerat med #KONTO.`, 'konto');
      }
    }
    const currentYearData = [...this.acc.keys()].some((k) => k.startsWith('0:'));
    if (!currentYearData && this.vouchers === 0) {
      this.problem(undefined, 'Filen innehåller varken saldon (#IB, #UB, #RES) eller verifikationer (#VER) för räkenskapsåret (#RAR 0); filen är tom eller avkortad.');
    }
    this.checkSums();
    const totals: AccountTotals[] = [];
    // A type 4 file declares that it holds all the year's vouchers, so its balances must follow from them even
    // when it has none (a file cut off just before its first #VER).
    const hasVouchers = this.vouchers > 0 || (this.headers.get('#SIETYP') ?? '').startsWith('4');
    for (const [key, a] of this.acc) {
      const sep = key.indexOf(':');
      const yearIndex = Number(key.slice(0, sep));
      const account = key.slice(sep + 1);
      const balance = this.isBalanceAccount(account);
      let closing: number;
      if (balance) {
        const computed = a.ib + a.mov;
        closing = a.hasUb || (yearIndex === 0 && this.anyUb) ? a.ub : computed;
        if (yearIndex === 0 && hasVouchers && this.anyUb && computed !== closing) {
          this.problem(a.line, `Konto ${account}: ingående balans ${formatAmountOre(a.ib)} + årets rörelser ${formatAmountOre(a.mov)} = ${formatAmountOre(computed)}, men utgående balans (#UB) är ${formatAmountOre(closing)}.`, '#UB');
        }
      } else {
        closing = a.hasRes || (yearIndex === 0 && this.anyRes) ? a.res : a.mov;
        if (yearIndex === 0 && hasVouchers && this.anyRes && a.mov !== closing) {
          this.problem(a.line, `Konto ${account}: årets rörelser ${formatAmountOre(a.mov)} men resultatet (#RES) är ${formatAmountOre(closing)}.`, '#RES');
        }
      }
      totals.push({ account, yearIndex, openingOre: balance ? a.ib : 0, closingOre: closing, movementOre: a.mov });
    }
    return {
      years: this.years,
      accountNames: this.names,
      accountTypes: this.types,
      totals,
      vouchers: this.vouchers,
      transactions: this.transactions,
      company: this.headers.get('#FNAMN') ?? null,
      organisationNumber: this.headers.get('#ORGNR') ?? null,
      program: this.headers.get('#PROGRAM') ?? null,
      sieType: this.headers.get('#SIETYP') ?? null,
    };
  }
}
