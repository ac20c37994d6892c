import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { seedSmallFederation } from './support/economy.ts';
import { addTestInterventions } from './support/auth.ts';
import { xlsxBomb } from './support/zipBomb.ts';
import { createApp } from '../src/http/app.tsx';
import { loadYearOutcome } from '../src/services/economy/index.ts';
import { writeSieFile } from '../src/importers/sie/testing/generate.ts';
import { importReferenceFile } from '../src/importers/reference/importReference.ts';
import { InputError } from '../src/core/errors.ts';

process.env.SAMORDNA_LOG = 'off';

/**
 * The upload bomb of the adversarial test (part 10): a 1.5 MB XLSX whose sheet unpacks to 1.5 GB sent the
 * server from 360 MB to 2 GB, and three at once ended the process. Every upload route that reads XLSX is
 * given it; each must answer 400 with a message, leave the data as it was, and keep the server's resident
 * memory within 300 MB of what it was before the upload.
 */
describe('upload bombs', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let seed: Awaited<ReturnType<typeof seedSmallFederation>>;
  const interventionId = 7001;
  beforeAll(async () => {
    db = await createTestDb();
    seed = await seedSmallFederation(db);
    await addTestInterventions(db, seed.federationId, [interventionId]);
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  const bomb = xlsxBomb(1500);
  const send = (path: string) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(bomb)], 'utfall.xlsx'));
    return app.request(path, { method: 'POST', body: form });
  };

  it('refuses the 1.5 GB sheet on the outcome and the participant upload, three at once, within 300 MB', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const outcomeBefore = await loadYearOutcome(db, seed.federationId, 2026);
    const participantsBefore = await db.query('select count(*)::int as n from participation');
    const paths = [`/f/${seed.federationId}/ar/2026/utfall/fil`, `/f/${seed.federationId}/insatser/${interventionId}/deltagare/import`];
    global.gc?.();
    const resting = process.memoryUsage().rss;
    let peak = resting;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const responses = await Promise.all([...paths, ...paths, paths[0]!].map(send));
    clearInterval(timer);
    for (const res of responses) {
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('packas upp till mer än 64 MB');
    }
    expect(peak - resting).toBeLessThan(300 * 1024 * 1024);
    expect(await loadYearOutcome(db, seed.federationId, 2026)).toEqual(outcomeBefore);
    expect(await db.query('select count(*)::int as n from participation')).toEqual(participantsBefore);
  });
});

/** Runs `work` and returns its result with the process's peak resident memory above what it was before (bytes). */
async function peakAbove<T>(work: () => Promise<T>): Promise<{ result: T; aboveResting: number }> {
  global.gc?.();
  const resting = process.memoryUsage().rss;
  let peak = resting;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, aboveResting: peak - resting };
  } finally {
    clearInterval(timer);
  }
}

const MB = 1024 * 1024;

/** A stream of `total` bytes: `head`, then `line` repeated (cut to length), made as it is read. */
function repeated(head: string, line: string, total: number): ReadableStream<Uint8Array> {
  const block = Buffer.from(line.repeat(Math.ceil((64 * 1024) / line.length)));
  return Readable.toWeb(
    Readable.from(
      (function* () {
        yield Buffer.from(head);
        for (let sent = head.length; sent < total; sent += block.length) yield block.subarray(0, Math.min(block.length, total - sent));
      })(),
    ),
  ) as ReadableStream<Uint8Array>;
}

const sieHead = '#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#FNAMN "Bomb AB"\r\n#RAR 0 20250101 20251231\r\n';

/**
 * SIE uploads at and beyond the limits (src/importers/sie/read.ts: 20 000 accounts, 64 kB a line; the upload
 * limit 50 MB), streamed to the import API: each refused with its message or accepted, the ledger unchanged when
 * refused, and the server's resident memory within 300 MB of what it was before. (The 48 MB file of 2.85 M
 * #KONTO lines took the server to 2 GB in the adversarial test.)
 */
describe('SIE upload bombs', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fed: number;
  const dir = mkdtempSync(join(tmpdir(), 'samordna-sie-bombs-'));
  beforeAll(async () => {
    db = await createTestDb();
    fed = (await seedSmallFederation(db)).federationId;
    app = createApp({ db });
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const upload = async (body: ReadableStream<Uint8Array>): Promise<Response> =>
    app.request(`/api/federations/${fed}/ledger/imports?fileName=bomb.se&organisationNumber=222000-0000`, { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/octet-stream' } } as RequestInit);
  const ledgerRows = async () => (await db.query<{ n: number }>('select (select count(*) from ledger_year) + (select count(*) from ledger_account) + (select count(*) from ledger_transaction) as n'))[0]!.n;

  it('refuses 48 MB of #KONTO lines (about 2 million accounts) at the first over 20 000', async () => {
    const before = await ledgerRows();
    let n = 100000;
    const lines = Readable.toWeb(
      Readable.from(
        (function* () {
          yield Buffer.from(sieHead);
          for (let sent = 0; sent < 48 * MB; ) {
            const chunk: string[] = [];
            for (let i = 0; i < 2000; i++) chunk.push(`#KONTO ${n++} "Konto"\r\n`);
            const b = Buffer.from(chunk.join(''));
            sent += b.length;
            yield b;
          }
        })(),
      ),
    ) as ReadableStream<Uint8Array>;
    const many = await peakAbove(() => upload(lines));
    expect(many.result.status).toBe(400);
    expect(await many.result.text()).toMatch(/fler än 20.000 konton/);
    expect(many.aboveResting).toBeLessThan(300 * MB);
    expect(await ledgerRows()).toBe(before);
  }, 120_000);

  it('refuses a 40 MB line with its line number, reading past it without holding it', async () => {
    const before = await ledgerRows();
    const { result: res, aboveResting } = await peakAbove(() => upload(repeated(`${sieHead}#FNAMN "`, 'x', 40 * MB)));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/längre än 65536 byte/);
    expect(aboveResting).toBeLessThan(300 * MB);
    expect(await ledgerRows()).toBe(before);
  }, 120_000);

  it('refuses a file over the 50 MB upload limit before the import reads it', async () => {
    const before = await ledgerRows();
    const { result: res, aboveResting } = await peakAbove(() => upload(repeated(sieHead, '#TRANS 1930 {} 1.00\r\n', 60 * MB)));
    expect(res.status).toBe(413);
    expect(aboveResting).toBeLessThan(300 * MB);
    expect(await ledgerRows()).toBe(before);
  }, 120_000);

  it('imports 100 000 #TRANS rows (20 000 vouchers) streamed, within 300 MB', async () => {
    const file = join(dir, 'many.se');
    await writeSieFile(file, { transactionRows: 100_000 });
    const { result: res, aboveResting } = await peakAbove(() => upload(Readable.toWeb(createReadStream(file, { highWaterMark: 256 * 1024 })) as ReadableStream<Uint8Array>));
    expect(res.status).toBe(201);
    expect((await res.json()).transactions).toBeGreaterThanOrEqual(100_000);
    expect(aboveResting).toBeLessThan(300 * MB);
  }, 300_000);
});

/**
 * The reference JSON import (`npx samordna import reference FILE`) with bombs: nesting past any reference file,
 * millions of values, a text of megabytes, and a file past the size limit. Each is refused with a Swedish
 * message, nothing is written, and memory stays within 300 MB.
 */
describe('reference JSON bombs', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  const dir = mkdtempSync(join(tmpdir(), 'samordna-json-bombs-'));
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const federations = async () => (await db.query<{ n: number }>('select count(*)::int as n from federation'))[0]!.n;
  const head = '{"format": "samordna-reference/1", "federation": {"name": ';
  const cases: [string, () => string, RegExp][] = [
    ['5 million levels of nesting', () => `${head}"F"}, "x": ${'['.repeat(5_000_000)}`, /För djupt nästlad/],
    ['4.5 million values in one array (9 MB)', () => `${head}"F"}, "years": [${'0,'.repeat(4_500_000)}0]}`, /fler än 100.000 värden/],
    ['a name of 9 million characters', () => `${head}"${'Å'.repeat(9_000_000)}"}}`, /.+/],
    ['a file of 11 MB', () => `${head}"F"}, "pad": "${' '.repeat(11 * MB)}"}`, /större än 10 MB/],
  ];
  for (const [name, make, message] of cases) {
    it(`refuses ${name}`, async () => {
      const file = join(dir, 'bomb.json');
      writeFileSync(file, make());
      const before = await federations();
      const { result: error, aboveResting } = await peakAbove(() => importReferenceFile(db, file, { id: 'test' }).then(() => null, (e: unknown) => e));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(message);
      expect((error as InputError).problems[0]?.file).toBe('bomb.json');
      expect(aboveResting).toBeLessThan(300 * MB);
      expect(await federations()).toBe(before);
    }, 120_000);
  }
});
