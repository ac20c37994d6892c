import { holdsIdentityNumber } from '../../core/privacy/identityGuard.ts';
import { crc32 } from 'node:zlib';
import type { InputProblem } from '../../core/errors.ts';
import { decodeLine, encodeCp437 } from './encoding.ts';
import type { BalanceKind, ObjectRefs, SieRecord, SieTransaction, TransactionKind } from './records.ts';
import { tokenizeLine, type SieField } from './tokenize.ts';
import { parseAmountOre, parseSieDate } from './values.ts';

/** After this many problems the parser stops collecting (the file is clearly not importable). */
export const MAX_PROBLEMS = 50;

const HEADER_LABELS = new Set([
  '#FLAGGA', '#PROGRAM', '#FORMAT', '#GEN', '#SIETYP', '#FNAMN', '#FNR', '#ORGNR', '#VALUTA', '#KPTYP', '#TAXAR',
  '#PROSA', '#FTYP', '#BKOD', '#ADRESS', '#OMFATTN',
]);
const BALANCE_LABELS: Record<string, BalanceKind> = {
  '#IB': 'IB', '#UB': 'UB', '#OIB': 'OIB', '#OUB': 'OUB', '#RES': 'RES', '#PSALDO': 'PSALDO', '#PBUDGET': 'PBUDGET',
};
const NO_FIELDS: readonly SieField[] = [];
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN = 123;
const CLOSE = 125;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}
const OBJECT_TOKEN = /"([^"]*)"|([^\s"]+)/g;

function splitObjects(list: string): string[] {
  const out: string[] = [];
  for (const m of list.matchAll(OBJECT_TOKEN)) out.push(m[1] ?? m[2]!);
  return out;
}

const TRANS_KINDS: Record<string, TransactionKind> = { '#TRANS': 'normal', '#RTRANS': 'added', '#BTRANS': 'removed' };

interface OpenVoucher {
  line: number;
  series: string;
  number: string;
  date: string;
  text: string;
  registeredOn: string | null;
  opened: boolean;
  transactions: SieTransaction[];
}

/**
 * Line-by-line SIE 4 parser (types 1–4, 4E, 4I). Feed it decoded lines in order; it returns a record when a
 * line (or, for #VER, the closing brace) completes one. Problems (malformed amounts and dates, broken voucher
 * blocks, a missing or wrong #KSUMMA) are collected with file, line and field; unknown labels and extra
 * fields are ignored as the specification demands. Holds at most one voucher in memory.
 */
export class SieParser {
  readonly problems: InputProblem[] = [];
  /** Problems found beyond MAX_PROBLEMS (not kept). */
  droppedProblems = 0;
  private voucher: OpenVoucher | null = null;
  /** Set after an #RTRANS row: the #TRANS right after it is its copy for older readers (SIE 4B, #RTRANS). */
  private pendingAdded = false;
  private checksum: { value: number; startLine: number } | null = null;
  private checksumDone = false;
  private lastLine = 0;

  private readonly file: string;
  constructor(file: string) {
    // The validator refuses such a name; the parser's own messages must not repeat it meanwhile.
    this.file = holdsIdentityNumber(file) ? 'filen' : file;
  }

  problem(line: number, message: string, field?: string): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.droppedProblems++;
      return;
    }
    this.problems.push({ file: this.file, line, ...(field ? { field } : {}), message });
  }

  /**
   * The bulk of a file read straight from its bytes: a plain #TRANS row inside an open voucher (account, an
   * optional object list of ASCII items without escapes, an amount, nothing after it), parsed without making a
   * string of the line. Returns false for any other line, which the caller then decodes and gives to pushLine;
   * for every row it accepts, the outcome is the one pushLine gives for that line.
   */
  pushPlainTransaction(buf: Buffer, start: number, end: number, line: number): boolean {
    const v = this.voucher;
    if (v === null || !v.opened || this.checksum !== null) return false;
    let i = start;
    while (i < end && (buf[i] === SPACE || buf[i] === TAB)) i++;
    // "#TRANS" and a blank
    if (end - i < 8 || buf[i] !== 35 || buf[i + 1] !== 84 || buf[i + 2] !== 82 || buf[i + 3] !== 65 || buf[i + 4] !== 78 || buf[i + 5] !== 83) return false;
    i += 6;
    if (!isSpace(buf[i]!)) return false;
    while (i < end && isSpace(buf[i]!)) i++;
    // the account: digits, then a blank
    const accountStart = i;
    let accountValue = 0;
    while (i < end && buf[i]! >= 48 && buf[i]! <= 57) accountValue = accountValue * 10 + buf[i++]! - 48;
    const accountDigits = i - accountStart;
    if (accountDigits === 0 || accountDigits > 9 || i === end || !isSpace(buf[i]!)) return false;
    while (i < end && isSpace(buf[i]!)) i++;
    // the object list: items separated by blanks, each unquoted (printable ASCII but " { } \) or quoted (printable ASCII but " \)
    let listStart = -1;
    let listEnd = -1;
    let listEmpty = true;
    if (i < end && buf[i] === OPEN) {
      listStart = ++i;
      for (;;) {
        if (i === end) return false;
        const c = buf[i]!;
        if (c === CLOSE) break;
        if (c === SPACE || c === TAB) i++;
        else if (c === QUOTE) {
          listEmpty = false;
          i++;
          while (i < end && buf[i] !== QUOTE) {
            const d = buf[i]!;
            if (d < 32 || d > 126 || d === BACKSLASH) return false;
            i++;
          }
          if (i === end) return false;
          i++;
        } else if (c > 32 && c < 127 && c !== OPEN && c !== BACKSLASH) {
          listEmpty = false;
          i++;
        } else return false;
      }
      listEnd = i++;
      if (i === end || !isSpace(buf[i]!)) return false;
      while (i < end && isSpace(buf[i]!)) i++;
    }
    // the amount, exactly as parseAmountOre reads it
    let negative = false;
    if (i < end && buf[i] === 45) {
      negative = true;
      i++;
    }
    const intStart = i;
    let kronor = 0;
    while (i < end && buf[i]! >= 48 && buf[i]! <= 57) kronor = kronor * 10 + buf[i++]! - 48;
    const intDigits = i - intStart;
    if (intDigits === 0 || intDigits > 15) return false;
    let ore = 0;
    if (i < end && (buf[i] === 46 || buf[i] === 44)) {
      i++;
      const d1 = i < end ? buf[i]! - 48 : -1;
      if (d1 < 0 || d1 > 9) return false;
      i++;
      ore = d1 * 10;
      if (i < end && buf[i]! >= 48 && buf[i]! <= 57) ore += buf[i++]! - 48;
    }
    // nothing but blanks after it
    while (i < end && (isSpace(buf[i]!) || buf[i] === 13)) i++;
    if (i !== end) return false;
    const total = kronor * 100 + ore;
    if (!Number.isSafeInteger(total)) return false;
    this.lastLine = line;
    const objects = listEmpty ? null : this.objectsFromBytes(buf, listStart, listEnd, line);
    this.pushTransaction('normal', this.accountText(buf, accountStart, accountValue, accountDigits), objects, negative && total !== 0 ? -total : total, v.date, null, line);
    return true;
  }

  /**
   * A plain #VER line read straight from its bytes: series, number, date, text and an optional registration
   * date, every field but the text ASCII (the text decides the line's encoding then, see encoding.ts), all valid,
   * nothing after them, outside any voucher. Returns false for any other line (the caller gives it to pushLine);
   * for every line it accepts, the outcome is the one pushLine gives.
   */
  pushPlainVoucher(buf: Buffer, start: number, end: number, line: number): boolean {
    if (this.voucher !== null || this.checksum !== null) return false;
    let i = start;
    while (i < end && isSpace(buf[i]!)) i++;
    // "#VER" and a blank
    if (end - i < 19 || buf[i] !== 35 || buf[i + 1] !== 86 || buf[i + 2] !== 69 || buf[i + 3] !== 82 || !isSpace(buf[i + 4]!)) return false;
    i += 5;
    while (i < end && isSpace(buf[i]!)) i++;
    const seriesStart = i;
    i = plainField(buf, i, end);
    if (i < 0) return false;
    const seriesEnd = i;
    while (i < end && isSpace(buf[i]!)) i++;
    const numberStart = i;
    i = plainField(buf, i, end);
    if (i < 0) return false;
    const numberEnd = i;
    while (i < end && isSpace(buf[i]!)) i++;
    const date = this.dateAt(buf, i, end);
    if (date === null) return false;
    i += 8;
    if (i === end || !isSpace(buf[i]!)) return false;
    while (i < end && isSpace(buf[i]!)) i++;
    // the text: quoted (any characters but a backslash or control characters) or one plain word
    let textStart = i;
    let textEnd: number;
    if (buf[i] === QUOTE) {
      textStart = ++i;
      while (i < end && buf[i] !== QUOTE) {
        const c = buf[i]!;
        if ((c < 32 && c !== TAB) || c === BACKSLASH) return false;
        i++;
      }
      if (i === end) return false;
      textEnd = i++;
    } else {
      i = plainField(buf, i, end);
      if (i < 0 || i === textStart) return false;
      textEnd = i;
    }
    let registeredOn: string | null = null;
    if (i < end && !isSpace(buf[i]!) && buf[i] !== 13) return false;
    while (i < end && isSpace(buf[i]!)) i++;
    if (i < end && buf[i] !== 13) {
      registeredOn = this.dateAt(buf, i, end);
      if (registeredOn === null) return false;
      i += 8;
    }
    while (i < end && (isSpace(buf[i]!) || buf[i] === 13)) i++;
    if (i !== end || seriesEnd === seriesStart || numberEnd === numberStart) return false;
    this.lastLine = line;
    this.voucher = {
      line,
      series: this.texts.get(buf, seriesStart, seriesEnd, fieldText),
      number: numberText(buf, numberStart, numberEnd) ?? fieldText(buf, numberStart, numberEnd),
      date,
      text: this.texts.get(buf, textStart, textEnd, decodeLine),
      registeredOn,
      opened: false,
      transactions: [],
    };
    this.pendingAdded = false;
    return true;
  }

  /** Voucher texts and series repeat: their strings are shared instead of made from the bytes every time. */
  private readonly texts = new ByteStrings();

  /** A valid date YYYYMMDD at bytes [i, i + 8) followed by a blank or the end, as an ISO date; else null. */
  private readonly dateCache = new Map<number, string | null>();
  private dateAt(buf: Buffer, i: number, end: number): string | null {
    if (end - i < 8 || (i + 8 < end && !isSpace(buf[i + 8]!) && buf[i + 8] !== 13)) return null;
    let value = 0;
    for (let k = i; k < i + 8; k++) {
      const c = buf[k]!;
      if (c < 48 || c > 57) return null;
      value = value * 10 + c - 48;
    }
    let date = this.dateCache.get(value);
    if (date === undefined) {
      date = parseSieDate(buf.toString('latin1', i, i + 8));
      if (this.dateCache.size > 5000) this.dateCache.clear();
      this.dateCache.set(value, date);
    }
    return date;
  }

  /** Account numbers as strings, one per distinct number (keyed by value and digit count: "0930" ≠ "930"). */
  private readonly accountCache = new Map<number, string>();
  private readonly fourDigitAccounts: (string | undefined)[] = new Array(10000);
  private accountText(buf: Buffer, start: number, value: number, digits: number): string {
    if (digits === 4 && value >= 1000) return (this.fourDigitAccounts[value] ??= buf.toString('latin1', start, start + 4));
    const key = value * 16 + digits;
    let text = this.accountCache.get(key);
    if (text === undefined) {
      text = buf.toString('latin1', start, start + digits);
      if (this.accountCache.size > 10000) this.accountCache.clear();
      this.accountCache.set(key, text);
    }
    return text;
  }

  /** The previous row's object list bytes and their refs: rows of a voucher usually repeat the same list. */
  private lastList: { bytes: Uint8Array; refs: ObjectRefs | null } | null = null;
  private objectsFromBytes(buf: Buffer, start: number, end: number, line: number): ObjectRefs | null {
    const last = this.lastList;
    if (last && last.bytes.length === end - start) {
      let same = true;
      for (let k = 0; k < last.bytes.length; k++) {
        if (last.bytes[k] !== buf[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return last.refs;
    }
    const problems = this.problems.length;
    const refs = this.cachedObjects(buf.toString('latin1', start, end), line);
    this.lastList = this.problems.length === problems ? { bytes: buf.slice(start, end), refs } : null;
    return refs;
  }

  /** A line that is only "{" or "}" (the other half of a voucher block's lines): what pushLine does with it. */
  pushBrace(close: boolean, line: number): SieRecord | null {
    this.lastLine = line;
    if (close) return this.closeVoucher(line);
    if (this.voucher && !this.voucher.opened) this.voucher.opened = true;
    else this.problem(line, '"{" utan föregående #VER.');
    return null;
  }

  pushLine(text: string, line: number): SieRecord | null {
    this.lastLine = line;
    const c0 = text.charCodeAt(0);
    const { label, fields, unterminated } = (c0 === 123 || c0 === 125) && text.trimEnd().length === 1 ? { label: text[0]!, fields: NO_FIELDS, unterminated: false } : tokenizeLine(text);
    if (label === '') return null;
    if (unterminated) {
      this.problem(line, 'Raden är ofullständig: ett citattecken eller en objektlista avslutas inte.', label);
      return null;
    }
    if (this.checksum && label !== '#KSUMMA' && label !== '{' && label !== '}') this.addToChecksum(label, fields);
    if (label === '{' || label === '}') return this.pushBrace(label === '}', line);
    const transKind = TRANS_KINDS[label];
    if (transKind) {
      this.transaction(transKind, fields, line);
      return null;
    }
    if (this.voucher) {
      // Another item inside a voucher block: the block was not closed.
      if (label === '#VER' || !this.voucher.opened) {
        this.problem(this.voucher.line, 'Verifikationen avslutas inte med "}".', '#VER');
        this.voucher = null;
        this.pendingAdded = false;
      } else {
        return null; // unknown sub-item of a voucher: ignored
      }
    }
    if (label === '#VER') {
      this.openVoucher(fields, line);
      return null;
    }
    if (HEADER_LABELS.has(label)) {
      const values = fields.map((f) => (typeof f === 'string' ? f : f.join(' ')));
      return { type: 'header', line, label, value: values.join(' '), fields: values };
    }
    const balanceKind = BALANCE_LABELS[label];
    if (balanceKind) return this.balance(balanceKind, fields, line);
    switch (label) {
      case '#RAR': {
        const yearIndex = this.integer(fields[0], line, 'årsnr');
        const start = this.date(fields[1], line, 'start');
        const end = this.date(fields[2], line, 'slut');
        if (yearIndex === null || !start || !end) return null;
        if (end < start) {
          this.problem(line, `Räkenskapsåret slutar (${end}) före det börjar (${start}).`, '#RAR');
          return null;
        }
        return { type: 'year', line, yearIndex, start, end };
      }
      case '#KONTO': {
        const account = this.accountNo(fields[0], line);
        return account ? { type: 'account', line, account, name: str(fields[1]) } : null;
      }
      case '#KTYP': {
        const account = this.accountNo(fields[0], line);
        const t = str(fields[1]).toUpperCase();
        if (account && !['T', 'S', 'K', 'I'].includes(t)) {
          this.problem(line, `Okänd kontotyp "${t}" (ska vara T, S, K eller I).`, 'kontotyp');
          return null;
        }
        return account ? { type: 'accountType', line, account, accountType: t } : null;
      }
      case '#SRU': {
        const account = this.accountNo(fields[0], line);
        return account ? { type: 'sru', line, account, code: str(fields[1]) } : null;
      }
      case '#DIM':
      case '#UNDERDIM': {
        const dimension = str(fields[0]);
        if (!/^\d+$/.test(dimension)) {
          this.problem(line, `Dimensionsnumret "${dimension}" är inte ett heltal.`, 'dimensionsnr');
          return null;
        }
        const parent = label === '#UNDERDIM' ? str(fields[2]) || null : null;
        return { type: 'dimension', line, dimension, name: str(fields[1]), parent };
      }
      case '#OBJEKT': {
        const dimension = str(fields[0]);
        const code = str(fields[1]);
        if (!/^\d+$/.test(dimension) || code === '') {
          this.problem(line, 'Objektet saknar dimensionsnummer eller objektkod.', '#OBJEKT');
          return null;
        }
        return { type: 'object', line, dimension, code, name: str(fields[2]) };
      }
      case '#KSUMMA':
        return this.ksumma(fields, line);
      default:
        return null; // unknown label: ignored
    }
  }

  /** Call after the last line: reports an unclosed voucher or a missing final #KSUMMA (a truncated file). */
  finish(): void {
    if (this.voucher) {
      this.problem(this.voucher.line, 'Filen tar slut inuti en verifikation (saknar "}"); filen är troligen avkortad.', '#VER');
      this.voucher = null;
    }
    if (this.checksum && !this.checksumDone) {
      this.problem(this.lastLine, 'Filen inleds med #KSUMMA men saknar den avslutande kontrollsumman; filen är troligen avkortad.', '#KSUMMA');
    }
  }

  private openVoucher(fields: readonly SieField[], line: number): void {
    const date = this.date(fields[2], line, 'verdatum');
    const regRaw = str(fields[4]);
    const registeredOn = regRaw ? parseSieDate(regRaw) : null;
    if (regRaw && !registeredOn) this.problem(line, `Registreringsdatumet "${regRaw}" är inte ett giltigt datum (ÅÅÅÅMMDD).`, 'regdatum');
    // Even a voucher with a bad date is tracked so that its block is skipped consistently.
    this.voucher = {
      line,
      series: str(fields[0]),
      number: str(fields[1]),
      date: date ?? '',
      text: str(fields[3]),
      registeredOn,
      opened: false,
      transactions: [],
    };
    this.pendingAdded = false;
  }

  private closeVoucher(line: number): SieRecord | null {
    const v = this.voucher;
    this.voucher = null;
    this.pendingAdded = false;
    if (!v || !v.opened) {
      this.problem(line, '"}" utan öppen verifikation.');
      return null;
    }
    if (!v.date) return null; // its date problem is already reported
    return { type: 'voucher', line: v.line, series: v.series, number: v.number, date: v.date, text: v.text, registeredOn: v.registeredOn, transactions: v.transactions };
  }

  private transaction(kind: TransactionKind, fields: readonly SieField[], line: number): void {
    const v = this.voucher;
    if (!v) {
      this.problem(line, 'Transaktionsraden står utanför en verifikation.', kindLabel(kind));
      return;
    }
    if (!v.opened) v.opened = true; // lenient: a #TRANS directly after #VER without "{"
    const account = this.accountNo(fields[0], line);
    let objects: ObjectRefs | null = null;
    let k = 1;
    if (Array.isArray(fields[1])) {
      objects = this.objectList(fields[1] as readonly string[], line);
      k = 2;
    }
    const amountOre = this.amount(fields[k], line, 'belopp');
    const dateText = str(fields[k + 1]);
    let date = v.date;
    if (dateText) {
      const d = parseSieDate(dateText);
      if (d) date = d;
      else this.problem(line, `Transaktionsdatumet "${dateText}" är inte ett giltigt datum (ÅÅÅÅMMDD).`, 'transdatum');
    }
    if (!account || amountOre === null) return;
    this.pushTransaction(kind, account, objects, amountOre, date, str(fields[k + 2]) || null, line);
  }

  private pushTransaction(kind: TransactionKind, account: string, objects: ObjectRefs | null, amountOre: number, date: string, text: string | null, line: number): void {
    const v = this.voucher!;
    const row: SieTransaction = { line, kind, account, objects, amountOre, date, text };
    const afterAdded = this.pendingAdded;
    this.pendingAdded = kind === 'added';
    // "If items of the type #RTRANS are handled, the following row of type #TRANS is to be ignored" (SIE 4B),
    // whatever its date or text: it is the added row's copy, and counting it would book the correction twice.
    if (kind === 'normal' && afterAdded) return;
    v.transactions.push(row);
  }

  private balance(kind: BalanceKind, fields: readonly SieField[], line: number): SieRecord | null {
    const yearIndex = this.integer(fields[0], line, 'årsnr');
    let k = 1;
    let period: string | null = null;
    if (kind === 'PSALDO' || kind === 'PBUDGET') {
      period = str(fields[1]);
      if (!/^\d{4}(0[1-9]|1[0-2])$/.test(period)) {
        this.problem(line, `Perioden "${period}" ska skrivas ÅÅÅÅMM.`, 'period');
        return null;
      }
      k = 2;
    }
    const account = this.accountNo(fields[k], line);
    let objects: ObjectRefs | null = null;
    // The object list of these items is sometimes left out (seen in the wild): read as if "{}" stood there.
    if ((kind === 'OIB' || kind === 'OUB' || kind === 'PSALDO' || kind === 'PBUDGET') && Array.isArray(fields[k + 1])) {
      objects = this.objectList(fields[k + 1] as readonly string[], line);
      k++;
    }
    const amountOre = this.amount(fields[k + 1], line, 'saldo');
    if (yearIndex === null || !account || amountOre === null) return null;
    return { type: 'balance', line, kind, yearIndex, period, account, objects, amountOre };
  }

  /** Object lists repeat (a project, a cost centre): parsed once per distinct text, shared (frozen) after that. */
  private readonly objectCache = new Map<string, ObjectRefs | null>();
  private cachedObjects(raw: string, line: number): ObjectRefs | null {
    const hit = this.objectCache.get(raw);
    if (hit !== undefined) return hit;
    const problems = this.problems.length;
    const refs = this.objectList(splitObjects(raw), line);
    if (this.problems.length === problems) {
      if (this.objectCache.size > 2000) this.objectCache.clear();
      this.objectCache.set(raw, refs ? Object.freeze(refs) : null);
    }
    return refs;
  }

  private objectList(items: readonly string[], line: number): ObjectRefs | null {
    if (items.length === 0) return null;
    if (items.length % 2 !== 0) {
      this.problem(line, 'Objektlistan ska bestå av par av dimensionsnummer och objektkod.', 'objektlista');
      return null;
    }
    const refs: Record<string, string> = {};
    for (let i = 0; i < items.length; i += 2) refs[items[i]!] = items[i + 1]!;
    return refs;
  }

  private ksumma(fields: readonly SieField[], line: number): null {
    if (fields.length === 0) {
      if (!this.checksum) this.checksum = { value: 0, startLine: line };
      return null;
    }
    if (!this.checksum || this.checksumDone) return null;
    this.checksumDone = true;
    const expected = str(fields[0]);
    const actual = this.checksum.value >>> 0;
    if (!/^-?\d+$/.test(expected) || (Number(expected) >>> 0) !== actual) {
      this.problem(line, `Kontrollsumman stämmer inte (filen anger ${expected}, innehållet ger ${actual}); filen är skadad eller ändrad.`, '#KSUMMA');
    }
    return null;
  }

  private addToChecksum(label: string, fields: readonly SieField[]): void {
    let text = label;
    for (const f of fields) text += typeof f === 'string' ? f : f.join('');
    this.checksum!.value = crc32(encodeCp437(text), this.checksum!.value);
  }

  private accountNo(field: SieField | undefined, line: number): string | null {
    const a = str(field);
    if (!/^\d+$/.test(a)) {
      this.problem(line, a ? `Kontonumret "${a}" är inte ett nummer.` : 'Kontonummer saknas.', 'konto');
      return null;
    }
    return a;
  }

  private amount(field: SieField | undefined, line: number, name: string): number | null {
    const a = str(field);
    const ore = parseAmountOre(a);
    if (ore === null) this.problem(line, a ? `Beloppet "${a}" är inte ett giltigt belopp (t.ex. -1234.50).` : 'Belopp saknas.', name);
    return ore;
  }

  private date(field: SieField | undefined, line: number, name: string): string | null {
    const a = str(field);
    const d = parseSieDate(a);
    if (!d) this.problem(line, a ? `Datumet "${a}" är inte ett giltigt datum (ÅÅÅÅMMDD).` : 'Datum saknas.', name);
    return d;
  }

  private integer(field: SieField | undefined, line: number, name: string): number | null {
    const a = str(field);
    if (!/^-?\d{1,3}$/.test(a)) {
      this.problem(line, `"${a}" är inte ett årsnummer (0, -1 …).`, name);
      return null;
    }
    return Number(a);
  }
}

/**
 * The end of a plain field starting at i: a quoted one (printable ASCII but a backslash) or an unquoted word
 * (printable ASCII but " { } and a backslash), followed by a blank or the end of the line; -1 for anything else.
 */
function plainField(buf: Buffer, i: number, end: number): number {
  if (i < end && buf[i] === QUOTE) {
    i++;
    while (i < end && buf[i] !== QUOTE) {
      const c = buf[i]!;
      if (c < 32 || c > 126 || c === BACKSLASH) return -1;
      i++;
    }
    if (i === end) return -1;
    i++;
  } else {
    while (i < end) {
      const c = buf[i]!;
      if (c === SPACE || c === TAB || c === 13) break;
      if (c < 32 || c > 126 || c === QUOTE || c === BACKSLASH || c === OPEN || c === CLOSE) return -1;
      i++;
    }
  }
  return i === end || isSpace(buf[i]!) || buf[i] === 13 ? i : -1;
}

/**
 * A small cache from short byte strings to their decoded text, keyed by a hash of the bytes and checked byte
 * by byte (a collision just decodes again). Making a string from a Buffer costs a native call per string.
 */
class ByteStrings {
  private readonly entries = new Map<number, { bytes: Uint8Array; text: string }>();

  get(buf: Buffer, start: number, end: number, decode: (buf: Buffer, start: number, end: number) => string): string {
    if (end - start > 64) return decode(buf, start, end);
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, 0x01000193);
    const hit = this.entries.get(hash);
    if (hit && hit.bytes.length === end - start) {
      let same = true;
      for (let i = start; i < end; i++) {
        if (hit.bytes[i - start] !== buf[i]) {
          same = false;
          break;
        }
      }
      if (same) return hit.text;
    }
    const text = decode(buf, start, end);
    if (this.entries.size >= 4096) this.entries.clear();
    this.entries.set(hash, { bytes: buf.slice(start, end), text });
    return text;
  }
}

/** An unquoted number without leading zeros (a voucher number), as a string without a native call; else null. */
function numberText(buf: Buffer, start: number, end: number): string | null {
  if (end - start > 15 || (buf[start] === 48 && end - start > 1)) return null;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c < 48 || c > 57) return null;
    value = value * 10 + c - 48;
  }
  return String(value);
}

/** The text of a field plainField accepted: without its quotes if quoted. */
function fieldText(buf: Buffer, start: number, end: number): string {
  return buf[start] === QUOTE ? buf.toString('latin1', start + 1, end - 1) : buf.toString('latin1', start, end);
}

function str(f: SieField | undefined): string {
  return typeof f === 'string' ? f : '';
}

function kindLabel(kind: TransactionKind): string {
  return kind === 'normal' ? '#TRANS' : kind === 'added' ? '#RTRANS' : '#BTRANS';
}
