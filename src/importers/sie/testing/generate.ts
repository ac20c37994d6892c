import { crc32 } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import { loadReferenceLedger, type ReferenceLedger } from './reference-ledger.ts';

/**
 * Writes SIE 4 files whose balances and vouchers reproduce the 2025 reference (see reference-ledger.ts):
 * #RAR 0 = 2025, #RAR -1 = 2024, #IB/#UB/#RES for both years, and 2025 vouchers whose rows add up exactly to
 * every account's movement. `transactionRows` sets the size (amounts are split over more vouchers), so the
 * same figures come out of a 200-row file and a 1,000,000-row benchmark file. For tests and benchmarks.
 */
export interface GenerateOptions {
  /** Number of #TRANS rows, approximately (within a few dozen; at least one voucher per booked item). Default 400. */
  readonly transactionRows?: number;
  /** Rows of one booking per voucher (each voucher also has its bank row). Default 4. */
  readonly rowsPerVoucher?: number;
  /** Include a voucher corrected with #BTRANS / #RTRANS (and the #TRANS duplicate). Default true. */
  readonly corrections?: boolean;
  /** Wrap the items in #KSUMMA with a correct CRC-32. Default false. */
  readonly checksum?: boolean;
  /** Omit #VER entirely (SIE types 1–3: balances only). */
  readonly withoutVouchers?: boolean;
  readonly encoding?: 'cp437' | 'utf8' | 'latin1';
  readonly lineEnding?: '\r\n' | '\n';
  /** Declare this many further accounts (six digits, 400000 upwards, no balances or rows): a chart at the limit. */
  readonly extraAccounts?: number;
}

type Field = string | { objects: readonly [string, string][] } | { quoted: string };
type Item = readonly [label: string, ...fields: Field[]];
interface Row {
  readonly account: string;
  readonly objects: readonly [string, string][];
  readonly ore: number;
  readonly kind?: '#TRANS' | '#RTRANS' | '#BTRANS';
}

const q = (s: string): Field => ({ quoted: s });
const kr = (ore: number): string => {
  const sign = ore < 0 ? '-' : '';
  const a = Math.abs(ore);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

function render(item: Item): string {
  const [label, ...fields] = item;
  let s = label;
  for (const f of fields) {
    if (typeof f === 'string') s += ` ${f}`;
    else if ('quoted' in f) s += ` "${f.quoted.replace(/"/g, '\\"')}"`;
    else s += ` {${f.objects.map(([d, o]) => `${d} "${o}"`).join(' ')}}`;
  }
  return s;
}

/** The text the SIE checksum covers for one item: label and fields, without quotes, braces or spaces. */
function checksumText(item: Item): string {
  let s = item[0];
  for (const f of item.slice(1) as Field[]) {
    if (typeof f === 'string') s += f;
    else if ('quoted' in f) s += f.quoted;
    else s += f.objects.map(([d, o]) => d + o).join('');
  }
  return s;
}

/** Shares `total` pieces over items, none above its capacity (at least one each), as evenly as possible. */
export function allocateParts(capacities: readonly number[], total: number): number[] {
  const out = capacities.map(() => 1);
  let left = Math.max(0, total - out.length);
  let open = capacities.map((_, i) => i).filter((i) => capacities[i]! > 1);
  while (left > 0 && open.length) {
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      const add = Math.min(each, capacities[i]! - out[i]!, left);
      out[i]! += add;
      left -= add;
      if (left === 0) break;
    }
    open = open.filter((i) => out[i]! < capacities[i]!);
  }
  return out;
}

/** Splits `ore` into `parts` non-zero pieces of varying size that add up exactly. */
export function splitAmount(ore: number, parts: number): number[] {
  const abs = Math.abs(ore);
  const p = Math.max(1, Math.min(parts, Math.floor(abs / 100) || 1));
  const weights = Array.from({ length: p }, (_, j) => 1 + ((j * 7) % 10));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((abs * w) / total));
  out[p - 1]! += abs - out.reduce((a, b) => a + b, 0);
  return ore < 0 ? out.map((x) => -x) : out;
}

function* items(ref: ReferenceLedger, opts: GenerateOptions): Generator<Item> {
  const yield0 = (): Item[] => [];
  void yield0;
  yield ['#FLAGGA', '0'];
  yield ['#PROGRAM', q('Samordna testgenerator'), '1.0'];
  yield ['#FORMAT', 'PC8'];
  yield ['#GEN', '20260215'];
  yield ['#SIETYP', opts.withoutVouchers ? '3' : '4'];
  yield ['#FNAMN', q(ref.company)];
  yield ['#ORGNR', '222000-0000'];
  yield ['#RAR', '0', '20250101', '20251231'];
  yield ['#RAR', '-1', '20240101', '20241231'];
  yield ['#KPTYP', 'KBAS'];
  yield ['#VALUTA', 'SEK'];
  for (const a of ref.accounts) {
    yield ['#KONTO', a.account, q(a.name)];
    yield ['#KTYP', a.account, a.type];
  }
  for (let i = 0; i < (opts.extraAccounts ?? 0); i++) {
    yield ['#KONTO', String(400000 + i), q(`Konto ${400000 + i}`)];
    yield ['#KTYP', String(400000 + i), 'K'];
  }
  yield ['#DIM', '1', q('Kostnadsställe')];
  yield ['#DIM', '6', q('Projekt')];
  yield ['#OBJEKT', '1', '10', q('Kansli')];
  for (const l of ref.lines) yield ['#OBJEKT', '6', l.object, q(l.label)];
  const bal = (label: string, year: string, m: ReadonlyMap<string, number>) =>
    [...m].filter(([, v]) => v !== 0).map(([a, v]): Item => [label, year, a, kr(v * 100)]);
  yield* bal('#IB', '-1', ref.ibPrev);
  yield* bal('#UB', '-1', ref.ubPrev);
  yield* bal('#IB', '0', ref.ib);
  yield* bal('#UB', '0', ref.ub);
  yield* bal('#RES', '-1', ref.resPrev);
  yield* bal('#RES', '0', ref.res);
  if (!opts.withoutVouchers) yield* vouchers(ref, opts);
}

function* vouchers(ref: ReferenceLedger, opts: GenerateOptions): Generator<Item> {
  // What to book: each entry is one amount (öre) on one account against the bank, split into several vouchers.
  const bookings: { account: string; objects: [string, string][]; ore: number; text: string }[] = [];
  for (const [account, v] of ref.res) {
    if (account === '3990' || ['4610', '4620', '5010', '6010'].includes(account)) continue; // booked per line below
    bookings.push({ account, objects: [], ore: v * 100, text: ref.accounts.find((a) => a.account === account)!.name });
  }
  for (const l of ref.lines) {
    if (l.costKr) bookings.push({ account: l.account, objects: [['6', l.object]], ore: l.costKr * 100, text: l.label });
    if (l.incomeKr) bookings.push({ account: '3990', objects: [['6', l.object]], ore: -l.incomeKr * 100, text: `${l.label}, intäkt` });
  }
  for (const [account, closing] of ref.ub) {
    if (account === '1930' || account === '2080' || account === '2099') continue;
    const delta = closing - (ref.ib.get(account) ?? 0);
    if (delta) bookings.push({ account, objects: [], ore: delta * 100, text: 'Periodisering' });
  }
  // Each voucher: up to `perVoucher` rows of one booking and the bank row against them.
  const perVoucher = Math.max(1, opts.rowsPerVoucher ?? 4);
  const target = opts.transactionRows ?? 400;
  const parts = allocateParts(bookings.map((b) => Math.max(1, Math.floor(Math.abs(b.ore) / 100))), Math.ceil((target * perVoucher) / (perVoucher + 1)));
  let number = 0;
  let bank = (ref.ib.get('1930') ?? 0) * 100;
  const voucher = function* (date: string, text: string, rows: Row[]): Generator<Item> {
    number++;
    yield ['#VER', 'A', String(number), date, q(text), '20260110'];
    yield ['{'];
    for (const r of rows) yield [r.kind ?? '#TRANS', r.account, { objects: r.objects }, kr(r.ore)];
    yield ['}'];
  };
  yield* voucher('20250430', 'Föregående års resultat förs till eget kapital', [
    { account: '2099', objects: [], ore: ref.carriedForwardKr * 100 },
    { account: '2080', objects: [], ore: -ref.carriedForwardKr * 100 },
  ]);
  let corrected = !(opts.corrections ?? true);
  for (let i = 0; i < bookings.length; i++) {
    const b = bookings[i]!;
    const amounts = splitAmount(b.ore, parts[i]!);
    const groups = Math.ceil(amounts.length / perVoucher);
    for (let g = 0; g < groups; g++) {
      const group = amounts.slice(g * perVoucher, (g + 1) * perVoucher);
      const sum = group.reduce((a, x) => a + x, 0);
      const month = 1 + Math.floor((g * 12) / groups);
      const date = b.text === 'Periodisering' ? '20251231' : `2025${String(month).padStart(2, '0')}${String(1 + ((g * 7) % 28)).padStart(2, '0')}`;
      bank -= sum;
      const rows: Row[] = [{ account: '1930', objects: [], ore: -sum }];
      for (const ore of group) {
        if (!corrected && b.objects.length && ore > 0) {
          // SIE 4B §#BTRANS/#RTRANS: the row was first booked on the wrong account, then moved.
          corrected = true;
          rows.push({ account: '4620', objects: [], ore, kind: '#BTRANS' });
          rows.push({ account: b.account, objects: b.objects, ore, kind: '#RTRANS' });
        }
        rows.push({ account: b.account, objects: b.objects, ore });
      }
      yield* voucher(date, b.text, rows);
    }
  }
  if (bank !== (ref.ub.get('1930') ?? 0) * 100) throw new Error(`Generatorn: banken slutar på ${bank} öre, inte ${ref.ub.get('1930')} kr`);
}

/** The file's lines (without line ends), as text. */
export function* generateSieLines(opts: GenerateOptions = {}, ref: ReferenceLedger = loadReferenceLedger()): Generator<string> {
  if (!opts.checksum) {
    for (const item of items(ref, opts)) yield render(item);
    return;
  }
  yield '#KSUMMA';
  let crc = 0;
  for (const item of items(ref, opts)) {
    if (item[0] !== '{' && item[0] !== '}') crc = crc32(iconv.encode(checksumText(item), 'cp437'), crc);
    yield render(item);
  }
  yield `#KSUMMA ${crc >>> 0}`;
}

function encode(text: string, encoding: GenerateOptions['encoding']): Buffer {
  return encoding === 'utf8' ? Buffer.from(text, 'utf8') : encoding === 'latin1' ? Buffer.from(text, 'latin1') : iconv.encode(text, 'cp437');
}

/** A whole (small) generated file as bytes. */
export function generateSie(opts: GenerateOptions = {}): Buffer {
  const eol = opts.lineEnding ?? '\r\n';
  return encode([...generateSieLines(opts)].join(eol) + eol, opts.encoding);
}

/** Streams a generated file to disk (for the benchmark's million-row files). Returns the #TRANS row count. */
export async function writeSieFile(path: string, opts: GenerateOptions = {}): Promise<{ transactionRows: number; bytes: number }> {
  const eol = opts.lineEnding ?? '\r\n';
  const out = createWriteStream(path);
  let rows = 0;
  let bytes = 0;
  let chunk: string[] = [];
  const flush = async () => {
    const buf = encode(chunk.join(eol) + eol, opts.encoding);
    chunk = [];
    bytes += buf.length;
    if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  for (const line of generateSieLines(opts)) {
    if (line.startsWith('#TRANS')) rows++;
    chunk.push(line);
    if (chunk.length >= 5000) await flush();
  }
  if (chunk.length) await flush();
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { transactionRows: rows, bytes };
}
