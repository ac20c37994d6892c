/** The reference import: all-or-nothing, with errors naming file, line and field; the database unchanged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError } from '../../core/errors.ts';
import { importReferenceFile, importReferenceText } from './importReference.ts';
import { economySnapshot } from '../../services/economy/snapshot.testing.ts';

const fixturePath = new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname;
const valid = () => JSON.parse(readFileSync(fixturePath, 'utf8')) as Record<string, any>;
const actor = { id: 'test' };
const file = 'prov.json';

/** Pretty-prints, imports and returns the InputError; also returns the line where `marker` is in the text. */
async function failing(db: Parameters<typeof importReferenceText>[0], data: unknown, marker?: string) {
  const text = typeof data === 'string' ? data : JSON.stringify(data, null, 1);
  const expectedLine = marker ? text.split('\n').findIndex((l) => l.includes(marker)) + 1 : undefined;
  const err = await importReferenceText(db, text, file, actor).then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return { err: err as InputError, expectedLine };
}

describe('import reference', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let before: string;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.drop());

  it('a failing import into an empty database leaves it empty', async () => {
    const data = valid();
    data.years[1].budget[2].cost = 'tusen';
    const empty = await economySnapshot(db);
    await failing(db, data);
    expect(await economySnapshot(db)).toBe(empty);
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from federation');
    expect(n!.n).toBe(0);
  });

  it('imports the valid file, and importing it again changes nothing', async () => {
    const r = await importReferenceFile(db, fixturePath, actor);
    expect(r.years).toEqual([2024, 2025]);
    before = await economySnapshot(db);
    await importReferenceFile(db, fixturePath, actor);
    expect(await economySnapshot(db)).toBe(before);
  });

  const cases: { name: string; mutate: (d: Record<string, any>) => void; field: string | undefined; marker?: string; message: RegExp }[] = [
    { name: 'text in an amount', mutate: (d) => (d.years[1].budget[2].cost = '1 970 400'), field: 'years[1].budget[2].cost', marker: '"1 970 400"', message: /text/ },
    { name: 'a non-integer amount', mutate: (d) => (d.years[1].outcome[2].cost = 1970400.5), field: 'years[1].outcome[2].cost', marker: '1970400.5', message: /heltal/ },
    { name: 'an unknown section', mutate: (d) => (d.years[0].outcome[1].section = 'admin'), field: 'years[0].outcome[1].section', marker: '"admin"', message: /Okänt avsnitt "admin"/ },
    { name: 'an unknown member kind', mutate: (d) => (d.members[3].kind = 'kommun'), field: 'members[3].kind', marker: '"kommun"', message: /Okänd medlemstyp "kommun"/ },
    { name: 'an unknown payer', mutate: (d) => (d.years[1].contributions[1].payer = 'Uppsala kommun'), field: 'years[1].contributions[1].payer', marker: '"Uppsala kommun"', message: /Okänd betalare/ },
    {
      name: 'contributions that do not add up to the allocation',
      mutate: (d) => (d.years[1].contributions[1].amount += 1),
      field: 'years[1].contributions',
      message: /summerar till 18958001 kr.*18958000 kr/,
    },
    {
      name: 'a duplicate line',
      mutate: (d) => d.years[1].outcome.push({ ...d.years[1].outcome[3] }),
      field: `years[1].outcome[19].label`,
      message: /finns två gånger/,
    },
    { name: 'a missing required field', mutate: (d) => delete d.years[0].outcome, field: 'years[0].outcome', message: /Obligatoriskt fält "outcome" saknas/ },
    { name: 'a missing year', mutate: (d) => delete d.years[1].year, field: 'years[1].year', message: /Obligatoriskt fält "year"/ },
    { name: 'a duplicate year', mutate: (d) => (d.years[1].year = 2024), field: 'years[1].year', message: /Året 2024 finns två gånger/ },
    { name: 'another format', mutate: (d) => (d.format = 'samordna-reference/2'), field: 'format', marker: 'samordna-reference/2', message: /inte i formatet samordna-reference\/1/ },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}, naming file, line and field, and changes nothing`, async () => {
      const d = valid();
      c.mutate(d);
      const { err, expectedLine } = await failing(db, d, c.marker);
      const p = err.problems.find((x) => x.field === c.field);
      expect(p, JSON.stringify(err.problems)).toBeDefined();
      expect(p!.file).toBe(file);
      expect(p!.message).toMatch(c.message);
      if (expectedLine) expect(p!.line).toBe(expectedLine);
      else expect(p!.line).toBeGreaterThan(0);
      expect(err.message).toContain(`${file}, rad ${p!.line}, fält "${c.field}"`);
      expect(await economySnapshot(db)).toBe(before);
    });
  }

  it('refuses a file that is not JSON, naming the line', async () => {
    const { err } = await failing(db, '{\n  "format": "samordna-reference/1",\n  "members": [ oops ]\n}');
    expect(err.problems[0]).toMatchObject({ file, line: 3 });
    expect(err.problems[0]!.message).toMatch(/inte giltig JSON/);
    expect(await economySnapshot(db)).toBe(before);
  });

  it('refuses a file that cannot be read', async () => {
    await expect(importReferenceFile(db, '/nonexistent/x.json', actor)).rejects.toThrow(/x\.json: Filen kan inte läsas/);
  });

  it('property: random mutations either import or give InputError — never a crash, never a partial import', async () => {
    const base = valid();
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    };
    walk(base, []);
    const replacement = fc.oneof(
      fc.constant(undefined), // delete
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
      fc.constantFrom('state', 'income', 'structural', 'municipality', 'Arboga kommun', '2025-13-01'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(paths.length - 1), replacement), { minLength: 1, maxLength: 3 }), async (mutations) => {
        const d = structuredClone(base);
        for (const [pi, value] of mutations) {
          const path = paths[pi]!;
          if (path.length === 0) continue;
          let parent: any = d;
          for (const k of path.slice(0, -1)) parent = parent?.[k];
          if (parent === null || typeof parent !== 'object') continue;
          const last = path[path.length - 1]!;
          if (value === undefined) {
            if (Array.isArray(parent)) parent.splice(Number(last), 1);
            else delete parent[last];
          } else parent[last] = value;
        }
        const snapshot = await economySnapshot(db);
        try {
          await importReferenceText(db, JSON.stringify(d, null, 1), file, actor);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).problems.length).toBeGreaterThan(0);
          expect(await economySnapshot(db)).toBe(snapshot);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the demo förbund has its county (issue 28: it showed as "Län saknas" in the national view)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.drop());

  it('imports federation.county from the demo file, and refuses a county that is not one of the 21 län', async () => {
    const demo = new URL('../../../demo/vastmanland.json', import.meta.url).pathname;
    await importReferenceFile(db, demo, actor);
    expect(await db.query('select name, county from federation')).toEqual([{ name: 'Samordningsförbundet Västmanland', county: 'Västmanlands län' }]);
    const data = valid();
    data.federation.name = 'Ett annat förbund';
    data.federation.county = 'Mälardalen';
    const { err, expectedLine } = await failing(db, data, '"county"');
    expect(err.problems[0]).toMatchObject({ file, line: expectedLine, field: 'federation.county' });
    expect(err.problems[0]!.message).toContain('Välj ett av Sveriges 21 län');
    expect(await db.query("select 1 from federation where name = 'Ett annat förbund'")).toEqual([]);
  });
});
