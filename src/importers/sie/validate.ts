import type { InputProblem } from '../../core/errors.ts';
import { holdsIdentityNumber, identityRefusalMessage } from '../../core/privacy/identityGuard.ts';
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
  /** What the kansli should know but that does not stop the import (Swedish, with file and line where there is one). */
  readonly notices: readonly InputProblem[];
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

/** Which balance items a year of the file has at all (SIE 4B lets a program leave out every zero balance). */
interface YearItems {
  ib: boolean;
  ub: boolean;
  res: boolean;
}

/** What the bookkeeper does when the file's own figures disagree. */
const REEXPORT = 'Filen motsäger sig själv: exportera den på nytt från bokföringsprogrammet, med alla verifikationer för räkenskapsåret (SIE typ 4).';

/**
 * Checks an SIE file as its records stream past (SIE 4B rules plus what an import needs): a financial year
 * (#RAR 0); every voucher balances to zero and lies inside the year; every account used is declared (except
 * in type 4I, where #KONTO is optional); the file agrees with itself: for the current year, opening balance +
 * movements = closing balance (#UB) per balance sheet account and movements = #RES per income statement
 * account, and for every year the movements sum to zero (ΣIB = ΣUB + ΣRES). A balance the file leaves out is
 * zero (SIE 4B, "When there is no balance"). What is legitimate but worth knowing (an unbooked result,
 * repeated voucher numbers) becomes a notice. Keeps one small entry per account, nothing per voucher.
 */
export class SieValidator {
  readonly problems: InputProblem[] = [];
  readonly notices: InputProblem[] = [];
  private readonly items = new Map<number, YearItems>();
  private readonly years = new Map<number, { start: string; end: string }>();
  private readonly names = new Map<string, string>();
  private readonly types = new Map<string, string>();
  private readonly acc = new Map<string, Acc>(); // key `${yearIndex}:${account}`
  private readonly firstUse = new Map<string, number>();
  private readonly headers = new Map<string, string>();
  private vouchers = 0;
  private transactions = 0;

  private readonly file: string;
  constructor(file: string) {
    // A file name that holds an identity number is refused, and the refusal names "filen" instead.
    this.file = holdsIdentityNumber(file) ? 'filen' : file;
    if (this.file !== file) this.problem(undefined, `Filnamnet: ${identityRefusalMessage}`, 'filnamn');
  }

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
  private guard(text: string | null, line: number, field: string, phone = false): void {
    if (text && holdsIdentityNumber(text, { phone })) this.problem(line, identityRefusalMessage, field);
  }

  private yearItems(yearIndex: number): YearItems {
    let y = this.items.get(yearIndex);
    if (!y) this.items.set(yearIndex, (y = { ib: false, ub: false, res: false }));
    return y;
  }

  add(r: SieRecord): void {
    switch (r.type) {
      case 'header':
        if (r.label === '#ORGNR' && holdsIdentityNumber(r.value.split(' ')[0]!)) {
          this.problem(r.line, 'Organisationsnumret (#ORGNR) är ett personnummer. Ett samordningsförbund har ett organisationsnummer: ändra det i bokföringsprogrammets företagsuppgifter och exportera filen igen.', '#ORGNR');
          return;
        }
        // #ADRESS kontakt utdelningsadr postadr tel: the fourth field is the company's phone number.
        if (r.label === '#ADRESS') {
          this.guard(r.fields.slice(0, 3).join(' '), r.line, r.label);
          this.guard(r.fields.slice(3).join(' '), r.line, r.label, true);
        } else this.guard(r.value, r.line, r.label);
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
        if (r.kind !== 'IB' && r.kind !== 'UB' && r.kind !== 'RES') return;
        const a = this.entry(r.yearIndex, r.account, r.line);
        const y = this.yearItems(r.yearIndex);
        if (r.kind === 'IB') {
          a.ib = r.amountOre;
          y.ib = true;
        } else if (r.kind === 'UB') {
          a.ub = r.amountOre;
          a.hasUb = true;
          y.ub = true;
        } else {
          a.res = r.amountOre;
          a.hasRes = true;
          y.res = true;
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

  /** The line of each voucher number seen, per series; and per series the first number seen twice. */
  private readonly voucherNumbers = new Map<string, Map<number | string, number>>();
  private readonly repeatedNumbers = new Map<string, { number: string; first: number; again: number; count: number }>();

  private voucher(v: VoucherRecord): void {
    this.vouchers++;
    const year = this.years.get(0);
    const where = v.series || v.number ? `Verifikation ${[v.series, v.number].filter(Boolean).join(' ')}` : 'Verifikationen';
    if (v.number) {
      let seen = this.voucherNumbers.get(v.series);
      if (!seen) this.voucherNumbers.set(v.series, (seen = new Map()));
      const key = /^\d{1,15}$/.test(v.number) ? Number(v.number) : v.number;
      // SIE 4B does not forbid a number twice in a series (programs restart or reuse them): a notice, not a refusal.
      const first = seen.get(key);
      if (first === undefined) seen.set(key, v.line);
      else {
        const r = this.repeatedNumbers.get(v.series);
        if (r) r.count++;
        else this.repeatedNumbers.set(v.series, { number: v.number, first, again: v.line, count: 1 });
      }
    }
    if (year && (v.date < year.start || v.date > year.end)) {
      this.problem(v.line, `${where} har datum ${v.date}, utanför räkenskapsåret ${year.start}–${year.end}. Exportera bara räkenskapsårets verifikationer, eller ange rätt räkenskapsår (#RAR 0).`, 'verdatum');
    }
    this.guard(v.text, v.line, '#VER');
    let sum = 0;
    for (const t of v.transactions) {
      this.guard(t.text, t.line, '#TRANS');
      this.transactions++;
      this.use(t.account, t.line);
      if (t.kind === 'removed') continue; // #BTRANS: a removed row counts for nothing, whatever its date
      sum += t.amountOre;
      this.entry(0, t.account, t.line).mov += t.amountOre;
      // An added row (#RTRANS) may be dated when the correction was made, after the year end.
      if (year && t.kind === 'normal' && t.date !== v.date && (t.date < year.start || t.date > year.end)) {
        this.problem(t.line, `Transaktionsdatumet ${t.date} ligger utanför räkenskapsåret ${year.start}–${year.end}.`, 'transdatum');
      }
    }
    if (sum !== 0) this.problem(v.line, `${where} (${v.date}) balanserar inte: summan av raderna är ${formatAmountOre(sum)} kr i stället för 0. Rätta verifikationen i bokföringsprogrammet och exportera igen.`, '#VER');
  }

  /**
   * The movements of a year sum to zero (every voucher balances), so the opening balances equal the closing
   * balances plus the result: ΣIB = ΣUB + ΣRES. Not zero each: a program that has not booked last year's result
   * to equity writes ΣIB = ΣUB + ΣRES ≠ 0, which is consistent (a notice). A year the file gives no #IB for
   * (#IB -1 is optional) is checked only when it is the current year. A file cut off inside its balance lists
   * fails here.
   */
  private checkSums(): void {
    const sums = new Map<number, { ib: number; ubRes: number }>();
    for (const [key, a] of this.acc) {
      const yearIndex = Number(key.slice(0, key.indexOf(':')));
      const s = sums.get(yearIndex) ?? { ib: 0, ubRes: 0 };
      s.ib += a.ib;
      s.ubRes += a.ub + a.res;
      sums.set(yearIndex, s);
    }
    for (const [yearIndex, s] of [...sums].sort((x, y) => y[0] - x[0])) {
      const items = this.items.get(yearIndex);
      if (!items || !(items.ub || items.res) || (!items.ib && yearIndex !== 0)) continue;
      if (s.ib !== s.ubRes) {
        this.problem(
          undefined,
          `Saldona för år ${yearIndex} (#RAR ${yearIndex}) går inte ihop: de ingående balanserna (#IB) summerar till ${formatAmountOre(s.ib)} kr, men de utgående balanserna (#UB) och resultatet (#RES) till ${formatAmountOre(s.ubRes)} kr; skillnaden ${formatAmountOre(s.ib - s.ubRes)} kr är rörelser som inte balanserar. ${REEXPORT}`,
          '#UB',
        );
      }
    }
    const opening = sums.get(0)?.ib ?? 0;
    if (this.items.get(0)?.ib && opening !== 0) {
      this.notices.push({
        file: this.file,
        field: '#IB',
        message: `Föregående års resultat är inte bokfört mot eget kapital: ${formatAmountOre(opening)} kr (de ingående balanserna summerar inte till 0). Det räknas som eget kapital i balansräkningen.`,
      });
    }
  }

  /** SIE 4B: "Either #UB for the previous year or #IB for the current year is to be present." Without any #IB 0, the opening balances are the previous year's closing ones. */
  private openingFromPreviousYear(): void {
    if (this.items.get(0)?.ib || !this.items.get(-1)?.ub) return;
    for (const [key, a] of [...this.acc]) {
      if (!key.startsWith('-1:') || !a.hasUb) continue;
      const account = key.slice(3);
      if (this.isBalanceAccount(account)) this.entry(0, account, a.line).ib = a.ub;
    }
    this.yearItems(0).ib = true;
  }

  /** Whether an account belongs to the balance sheet: by #KTYP (T, S) when given, else by BAS class 1–2. */
  isBalanceAccount(account: string): boolean {
    const t = this.types.get(account);
    if (t) return t === 'T' || t === 'S';
    return account[0] === '1' || account[0] === '2';
  }

  /** Type 4I (a file for import into a bookkeeping program): type 4 without balances. Its #KONTO are optional. */
  private isType4I(): boolean {
    return (this.headers.get('#SIETYP') ?? '').trim().startsWith('4') && this.items.size === 0;
  }

  /** Final checks; returns the per-account totals. Problems are on `problems`, notices on `notices`. */
  finish(): SieSummary {
    if (!this.years.has(0)) {
      this.problem(undefined, 'Räkenskapsåret saknas (#RAR 0): filen säger inte vilket räkenskapsår den gäller. Exportera med räkenskapsårets start- och slutdatum (SIE typ 4 med räkenskapsår).', '#RAR');
    }
    if (!this.isType4I()) {
      for (const [account, line] of this.firstUse) {
        if (!this.names.has(account)) this.problem(line, `Kontot ${account} används men är inte deklarerat med #KONTO. Exportera med kontoplanen (en #KONTO-rad för varje konto).`, 'konto');
      }
    }
    const currentYearData = [...this.acc.keys()].some((k) => k.startsWith('0:'));
    if (!currentYearData && this.vouchers === 0) {
      this.problem(undefined, 'Filen innehåller varken saldon (#IB, #UB, #RES) eller verifikationer (#VER) för räkenskapsåret (#RAR 0); filen är tom eller avkortad. Exportera med verifikationer (SIE typ 4).');
    }
    this.openingFromPreviousYear();
    this.checkSums();
    for (const [series, r] of this.repeatedNumbers) {
      const name = [series, r.number].filter(Boolean).join(' ');
      this.notices.push({
        file: this.file,
        line: r.again,
        field: 'vernr',
        message: `Verifikationsnummer upprepas i serie ${series || '(utan namn)'}: ${r.count} ${r.count === 1 ? 'verifikation har' : 'verifikationer har'} ett nummer som redan förekommit (t.ex. ${name} på rad ${r.first} och ${r.again}). Filen läses in; verifikationerna hålls isär.`,
      });
    }
    const totals: AccountTotals[] = [];
    // A type 4 file declares that it holds all the year's vouchers, so its balances must follow from them even
    // when it has none (a file cut off just before its first #VER).
    const hasVouchers = this.vouchers > 0 || (this.headers.get('#SIETYP') ?? '').trim().startsWith('4');
    const current = this.items.get(0) ?? { ib: false, ub: false, res: false };
    for (const [key, a] of this.acc) {
      const sep = key.indexOf(':');
      const yearIndex = Number(key.slice(0, sep));
      const account = key.slice(sep + 1);
      const balance = this.isBalanceAccount(account);
      // An omitted balance is zero, for every year. Only the current year of a file without any #UB (4I) or
      // #RES has its closing balance from its vouchers.
      let closing: number;
      if (balance) {
        const computed = a.ib + a.mov;
        closing = yearIndex === 0 && !current.ub ? computed : a.ub;
        if (yearIndex === 0 && hasVouchers && current.ub && computed !== closing) {
          this.problem(a.line, `Konto ${account}: ingående balans ${formatAmountOre(a.ib)} + årets rörelser ${formatAmountOre(a.mov)} = ${formatAmountOre(computed)} kr, men utgående balans (#UB) är ${formatAmountOre(closing)} kr. ${REEXPORT}`, '#UB');
        }
      } else {
        closing = yearIndex === 0 && !current.res ? a.mov : a.res;
        if (yearIndex === 0 && hasVouchers && current.res && a.mov !== closing) {
          this.problem(a.line, `Konto ${account}: årets rörelser ${formatAmountOre(a.mov)} kr, men resultatet (#RES) är ${formatAmountOre(closing)} kr. ${REEXPORT}`, '#RES');
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
      notices: this.notices,
    };
  }
}
