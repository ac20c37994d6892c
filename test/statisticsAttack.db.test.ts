import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createTestDb } from './support/db.ts';
import { addTestUser, loginAs, type TestSession } from './support/auth.ts';
import { audit, changedCells, type AuditResult, type NationalReading, type PublishedStatistics, type PublishedTable, type Reading } from './support/statisticsAuditor.ts';
import { putTruth, weakenedNational } from './support/nationalControl.ts';
import { sparseComponentSolver, type SparseRun } from '../src/services/solver/sparseIntervals.ts';
import type { ComponentSolver } from '../src/core/privacy/intervals.ts';
import { freezeAllClosedYears } from '../src/services/interventions/publishedStatistics.ts';
import { createApp } from '../src/http/app.tsx';
import { loadInterventionDemo } from '../src/services/interventions/demo/loadInterventionDemo.ts';
import { insertParticipations, listParticipations, registerParticipation } from '../src/services/interventions/participations.ts';
import { computeParticipantStatistics } from '../src/core/statistics/participantStatistics.ts';
import { endedInYear, startedInYear, type ParticipationFacts, type ParticipationInput } from '../src/core/interventions/participation.ts';
import type { FederationRole } from '../src/core/access/permissions.ts';
import { loadAnnualReportFacts, loadBoardPackFacts, loadInterimReportFacts } from '../src/services/reports/facts.ts';

/**
 * The statistics attack of issue 13, replayed against the running application through the JSON API (the
 * pages and exports print the same tables): a reader in each role collects everything it may read about the
 * förbund and tries to recover hidden counts by linear programming (see test/support/statisticsAuditor.ts),
 * across pages (a), across years (b) and before/after one registration (c). Its figures go to
 * bench/results/privacy-audit.md.
 */
const MIN = 5;
const years = [2023, 2024, 2025, 2026];
let db: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let fid: number;
let units: { id: number; name: string; scope: string }[] = [];
let facts: ParticipationFacts[] = [];
let small: number;
const sessions = new Map<string, TestSession>();
const lastSparseRun: SparseRun = { components: 0, largest: 0, largestRows: 0, lps: 0 };
let sparseSolver: ComponentSolver;
const results: { attack: string; role: string; result: AuditResult; readings: number; ms: number }[] = [];
let differencing: { role: string; changed: number }[] = [];
const others: { id: number; name: string; county: string; scope: string; unit: { id: number; name: string }; facts: ParticipationFacts[] }[] = [];

const base: ParticipationInput = {
  gender: 'woman', ageBand: '30-39', homeMunicipality: null, referringMemberId: null, supportBefore: 'income_support',
  supportDuration: 'gt4', education: 'compulsory', startDate: '2024-02-01', endDate: null, exitOutcome: null, supportAfter: null,
};

async function readAll(role: string): Promise<Reading[]> {
  const s = sessions.get(role)!;
  const out: Reading[] = [];
  for (const year of years) {
    const f = await s.request(`/api/federations/${fid}/statistics?year=${year}`);
    if (f.status === 200) out.push({ scope: 'F', year, stats: (await f.json()) as PublishedStatistics });
    for (const u of units) {
      const r = await s.request(`/api/federations/${fid}/statistics?year=${year}&interventionId=${u.id}`);
      if (r.status === 200) out.push({ scope: u.scope, year, stats: (await r.json()) as PublishedStatistics });
    }
  }
  return out;
}

/**
 * What the documents print of the förbund's participants: the annual report of every year, and the interim
 * report and board pack of each year (as readings like the API's; a year not published prints none).
 */
async function readDocuments(): Promise<Reading[]> {
  const out: Reading[] = [];
  const add = (scope: string, year: number, stats: unknown) => {
    if (stats) out.push({ scope, year, stats: JSON.parse(JSON.stringify(stats)) as PublishedStatistics });
  };
  for (const year of years) {
    add('F', year, (await loadAnnualReportFacts(db, fid, year)).participants);
    add('F', year, (await loadInterimReportFacts(db, fid, year, 8)).participants);
    add('F', year, (await loadBoardPackFacts(db, fid, `${year}-09-15`)).participants);
  }
  return out;
}

/** Everything the role reads of the other förbund (the national role may read every förbund's statistics). */
async function readOthers(role: string): Promise<Reading[]> {
  const s = sessions.get(role)!;
  const out: Reading[] = [];
  for (const o of others) {
    for (const year of years) {
      const r = await s.request(`/api/federations/${o.id}/statistics?year=${year}`);
      if (r.status === 200) out.push({ scope: o.scope, year, stats: (await r.json()) as PublishedStatistics });
    }
  }
  return out;
}

async function readNational(role: string): Promise<NationalReading[]> {
  const s = sessions.get(role)!;
  const out: NationalReading[] = [];
  for (const year of years) {
    const r = await s.request(`/api/national/statistics?year=${year}`);
    if (r.status === 200) out.push({ year, tables: (await r.json()) as NationalReading['tables'] });
  }
  return out;
}

/** The true counts, counted here: every table cell at minimum cell size 1, and new/ended per category. */
function truthOf(): Map<string, number> {
  const truth = new Map<string, number>();
  const put = (prefix: string, st: ReturnType<typeof computeParticipantStatistics>) => putTruth(truth, prefix, st);
  // The attacked förbund and each of its interventions; the other förbund (attack d) as wholes.
  const scopes = [
    { scope: 'F', list: units, facts },
    ...units.map((u) => ({ scope: u.scope, list: [u], facts })),
    ...others.map((o) => ({ scope: o.scope, list: [o.unit], facts: o.facts })),
  ];
  for (const year of years) {
    for (const { scope, list, facts } of scopes) {
      const opts = { year, minCellSize: 1, interventions: list.map((u) => ({ id: u.id, name: u.name })) };
      put(`${year}/${scope}`, computeParticipantStatistics(facts, opts));
      const newOnes = computeParticipantStatistics(facts.filter((p) => startedInYear(p, year)), opts);
      const ended = computeParticipantStatistics(facts.filter((p) => endedInYear(p, year)), opts);
      for (const [kind, st] of [['new', newOnes], ['ended', ended]] as const) {
        for (const t of [st.activeByAgeAndGender, st.supportBefore, st.supportDuration, st.education]) {
          t.cells.forEach((row, i) => row.forEach((v, j) => truth.set(`${year}/${scope}/${kind}:${t.key}/${i},${j}`, v!)));
        }
      }
    }
  }
  return truth;
}

let truth: Map<string, number>;
const options = (crossScope: boolean, flowIdentity: boolean) => ({
  minCellSize: MIN,
  units: units.map((u) => u.scope),
  unitByName: new Map(units.map((u) => [u.name, u.scope])),
  crossScope,
  flowIdentity,
  truth: (name: string) => truth.get(name),
});

function run(attack: string, role: string, readings: Reading[], crossScope: boolean, flowIdentity: boolean, sparse = false): AuditResult {
  const t0 = performance.now();
  Object.assign(lastSparseRun, { components: 0, largest: 0, largestRows: 0, lps: 0 });
  const result = audit(readings, { ...options(crossScope, flowIdentity), ...(sparse ? { solveComponent: sparseSolver } : {}) });
  const solver = sparse ? ` — ${lastSparseRun.components} components, largest ${lastSparseRun.largest} unknowns × ${lastSparseRun.largestRows} relations; ${lastSparseRun.lps} linear programmes (HiGHS)` : '';
  results.push({ attack: attack + solver, role, result, readings: readings.length, ms: Math.round(performance.now() - t0) });
  return result;
}

/**
 * A deliberately weakened publication of the same data, to show that the combined attack works: every table
 * with its true counts and only the small counts themselves (1 … min − 1) printed as "–" — primary suppression
 * without the complementary cells, and the series exact. ("Per insats" is kept as published.)
 */
function weakened(readings: readonly Reading[]): Reading[] {
  const hide = (v: number | undefined) => (v === undefined ? null : v >= 1 && v < MIN ? null : v);
  const table = (prefix: string, t: PublishedTable | null): PublishedTable | null =>
    t === null || t.key === 'byIntervention'
      ? t
      : {
          ...t,
          cells: t.cells.map((row, i) => row.map((_, j) => hide(truth.get(`${prefix}/${t.key}/${i},${j}`)))),
          rowTotals: t.rowTotals && t.rowTotals.map((_, i) => hide(truth.get(`${prefix}/${t.key}/r${i}`))),
          colTotals: t.colTotals && t.colTotals.map((_, j) => hide(truth.get(`${prefix}/${t.key}/c${j}`))),
          total: t.total === null && !t.colTotals ? null : hide(truth.get(`${prefix}/${t.key}/T`)),
        };
  return readings.map(({ scope, year, stats }) => {
    const p = `${year}/${scope}`;
    const st = { ...stats } as Record<string, unknown>;
    for (const k of ['flowByGender', 'activeByAgeAndGender', 'supportBefore', 'supportDuration', 'education', 'referringMember', 'exitOutcomes', 'outcomeByGender', 'transition']) {
      st[k] = table(p, (stats as unknown as Record<string, PublishedTable | null>)[k] ?? null);
    }
    st.series = stats.series.map((q) => ({
      year: q.year,
      active: hide(truth.get(`${q.year}/${scope}/flowByGender/r0`)),
      new: hide(truth.get(`${q.year}/${scope}/flowByGender/r1`)),
      ended: hide(truth.get(`${q.year}/${scope}/flowByGender/r2`)),
    }));
    return { scope, year, stats: st as unknown as PublishedStatistics };
  });
}

const show = (r: AuditResult) => r.recovered.map((c) => `${c.name} ∈ [${c.interval.min}, ${c.interval.max}] (true ${c.truth})`).join('\n');

beforeAll(async () => {
  db = await createTestDb();
  app = createApp({ db });
  [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Angripna förbundet') returning id")) as [{ id: number }];
  await loadInterventionDemo(db, fid);
  // A small team as in the attack (b): 10 active in 2024, none ended, 2 new in 2025 (women aged 20–24).
  [{ id: small }] = (await db.query<{ id: number }>(
    "insert into intervention (federation_id, name, kind, period_start) values ($1, 'Lilla teamet', 'individual', '2024-01-01') returning id",
    [fid],
  )) as [{ id: number }];
  await db.transaction(
    (tx) =>
      insertParticipations(tx, fid, small, [
        ...Array.from({ length: 5 }, () => ({ ...base })),
        ...Array.from({ length: 5 }, () => ({ ...base, gender: 'man' as const, ageBand: '40-49' as const })),
        ...Array.from({ length: 2 }, () => ({ ...base, ageBand: '20-24' as const, startDate: '2025-03-01' })),
      ]),
    { id: 'test' },
  );
  const rows = await db.query<{ id: number; name: string }>("select id, name from intervention where federation_id = $1 and kind = 'individual' order by id", [fid]);
  units = rows.map((r) => ({ ...r, scope: `i${r.id}` }));
  for (const u of units) facts.push(...(await listParticipations(db, fid, u.id)));
  sparseSolver = await sparseComponentSolver(lastSparseRun);
  // Two more förbund for the national view (attack d): a small neighbour in the same county, one in another.
  for (const [name, county, shape] of [
    ['Grannförbundet', 'Västmanlands län', [6, 3, 1]],
    ['Fjärran förbundet', 'Uppsala län', [8, 2, 2]],
  ] as const) {
    const [{ id }] = (await db.query<{ id: number }>('insert into federation (name, county) values ($1, $2) returning id', [name, county])) as [{ id: number }];
    const [{ id: iv }] = (await db.query<{ id: number }>(
      "insert into intervention (federation_id, name, kind, period_start) values ($1, 'Teamet', 'individual', '2023-01-01') returning id",
      [id],
    )) as [{ id: number }];
    await db.transaction(
      (tx) =>
        insertParticipations(tx, id, iv, [
          ...Array.from({ length: shape[0] }, () => ({ ...base, startDate: '2023-03-01' })),
          ...Array.from({ length: shape[1] }, () => ({ ...base, gender: 'man' as const, startDate: '2024-05-01', endDate: '2025-04-30', exitOutcome: 'work' as const })),
          ...Array.from({ length: shape[2] }, () => ({ ...base, gender: 'man' as const, ageBand: '50-59' as const, startDate: '2025-02-01' })),
        ]),
      { id: 'test' },
    );
    others.push({ id, name, county, scope: name === 'Grannförbundet' ? 'N' : 'T', unit: { id: iv, name: 'Teamet' }, facts: await listParticipations(db, id, iv) });
  }
  truth = truthOf();
  await db.query("update federation set county = 'Västmanlands län' where id = $1", [fid]);
  // The years close: the server's freezer (or `samordna statistics freeze`) fixes them.
  await freezeAllClosedYears(db);
  const roles: [string, FederationRole | 'national'][] = [['kansli', 'kansli'], ['styrelse', 'styrelse'], ['revisor', 'revisor'], ['national', 'national']];
  for (const [name, role] of roles) {
    const email = `${name}@angripna.example`;
    await addTestUser(db, role === 'national' ? { email, national: true } : { email, federationId: fid, role });
    sessions.set(name, await loginAs(app, email));
  }
}, 120_000);

afterAll(async () => {
  await db?.drop();
  if (!results.length) return;
  const lines = [
    '# Privacy audit: the statistics attack',
    '',
    `${new Date().toISOString()}, Node ${process.version}. Produced by \`test/statisticsAttack.db.test.ts\` (part of \`npm test\`).`,
    '',
    'Data: the Västmanland demo (six interventions, 278 active in 2025, synthetic participations from 2023) plus a small',
    'team built like the issue\'s attack (b) (10 active in 2024, none ended, 2 new in 2025, both women aged 20–24).',
    `Minimum cell size ${MIN}. Everything each role can read through the API for ${years.join(', ')} (open years are not published): the förbund and every`,
    'intervention, every table and the series over years. The attacker solves linear programmes over all of it (see',
    '`test/support/statisticsAuditor.ts` and docs/statistics-protection.md). (a + b) is the issue\'s whole system at once: every',
    'table of the förbund, of each intervention and of each year, the förbund = the sum of its interventions cell by cell, and',
    'the flow identity per category over all years, solved as ONE linear system — too large for the dense simplex, so it goes',
    'to a sparse one (HiGHS, npm `highs`, `src/services/solver/sparseIntervals.ts`) after forced cells are filled in and independent',
    'components split off. The control row runs the same attack on a weakened publication of the same data (only the small',
    'counts hidden, no complementary cells) and must recover cells: the attack finds what there is to find.',
    '',
    '| attack | role | pages read | unknown cells | hidden cells (printed "–") | unpublished counts tied to them | recovered | time (ms) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.attack} | ${r.role} | ${r.readings} | ${r.result.unknowns} | ${r.result.hiddenCells} | ${r.result.latentCells} | ${r.result.recovered.length} | ${r.ms} |`),
    '',
    'Before the protection (commit d270038, the same data, this auditor, as kansli): (a) recovered 14, 7, 37 and 7 hidden',
    'cells for 2023–2026, (b) 131 — among them the issue\'s example: the small team\'s 2 new in 2025, both women, both',
    'with income support before.',
    '',
    '(d′) solves all closed years at once: every förbund\'s publications and the national tables of 2023–2025, with the flow',
    'identity per förbund (total, per gender, per category of its own tables). Against the national view before it linked each',
    'year to the previous one (commit da2085f, same data, same auditor) it recovered 15 hidden cells as the national reader and',
    '16 as kansli (among them the country\'s hidden active women 2023, 45, from 2024\'s active and new women, and from there the',
    'förbund\'s active women 31 and active other gender 2). Its control runs it on a national publication whose county and',
    'country cells are all printed.',
    '',
    '| attack (c): before/after one registration | role | published cells that changed |',
    '|---|---|---:|',
    ...differencing.map((d) => `| one new participant | ${d.role} | ${d.changed} |`),
    '',
  ];
  mkdirSync(new URL('../bench/results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../bench/results/privacy-audit.md', import.meta.url), lines.join('\n'));
});

describe('the attacking auditor: no published figure can be undone', () => {
  for (const role of ['kansli', 'styrelse', 'revisor', 'national']) {
    it(`${role}: everything readable — (a) the förbund against every intervention, year by year; (b) all years by the flow identity`, async () => {
      const readings = await readAll(role);
      expect(readings.length).toBeGreaterThan(0);
      if (process.env.DUMP_READINGS) writeFileSync(`${process.env.DUMP_READINGS}.${role}.json`, JSON.stringify({ readings, truth: [...truth], units }));
      const read = [...new Set(readings.map((r) => r.year))];
      // The closed years are published, for the förbund and for every intervention.
      expect(read).toEqual([2023, 2024, 2025]);
      for (const year of read) {
        await new Promise((r) => setTimeout(r, 0)); // let the test runner talk between long computations
        const a = run(`(a) across pages, ${year}`, role, readings.filter((r) => r.year === year), true, false);
        expect(a.inconsistent).toEqual([]);
        expect(a.recovered.length, show(a)).toBe(0);
      }
      await new Promise((r) => setTimeout(r, 0));
      const b = run('(b) across years, all pages', role, readings, false, true);
      expect(b.inconsistent).toEqual([]);
      expect(b.recovered.length, show(b)).toBe(0);
      // (a) and (b) as ONE system: every table of the förbund, of each intervention and of each year, their sums
      // and the flow identity, solved together.
      await new Promise((r) => setTimeout(r, 0));
      const ab = run('(a + b) one combined system: all pages, all years', role, readings, true, true, true);
      expect(ab.inconsistent).toEqual([]);
      expect(ab.hiddenCells).toBeGreaterThan(0);
      expect(ab.recovered.length, show(ab)).toBe(0);
    }, 300_000);
  }

  it('the combined attack recovers cells from a weakened publication (only the small counts hidden)', async () => {
    const weak = weakened(await readAll('kansli'));
    const ab = run('(a + b) combined, WEAKENED publication (control)', 'kansli', weak, true, true, true);
    expect(ab.inconsistent).toEqual([]);
    // It finds counts the weakened pages hide, and each one it finds is the true count (or bounds it truly).
    expect(ab.recovered.length).toBeGreaterThan(0);
    for (const c of ab.recovered.filter((x) => x.truth !== undefined)) {
      expect(c.truth!).toBeGreaterThanOrEqual(c.interval.min);
      expect(c.truth!).toBeLessThanOrEqual(c.interval.max);
    }
  }, 300_000);

  for (const role of ['national', 'kansli']) {
    it(`${role}: (d) the förbund's own publication together with the national tables (förbund, county, country) recovers nothing`, async () => {
      const own = await readAll(role);
      const rest = await readOthers(role);
      const national = await readNational(role);
      expect(national.map((n) => n.year)).toEqual([2023, 2024, 2025, 2026]);
      const scopeOf = new Map([['Angripna förbundet', 'F'], ...others.map((o) => [o.name, o.scope] as [string, string])]);
      const countyOf = new Map([['Angripna förbundet', 'Västmanlands län'], ...others.map((o) => [o.name, o.county] as [string, string])]);
      for (const year of [2023, 2024, 2025]) {
        await new Promise((r) => setTimeout(r, 0));
        const readings = [...own, ...rest].filter((r) => r.year === year);
        const t0 = performance.now();
        const d = audit(readings, { ...options(true, false), national: { readings: national.filter((n) => n.year === year), scopeOf, countyOf } });
        results.push({ attack: `(d) förbund + national tables, ${year}`, role, result: d, readings: readings.length + 1, ms: Math.round(performance.now() - t0) });
        expect(d.inconsistent).toEqual([]);
        expect(d.recovered.length, show(d)).toBe(0);
      }
      // An open year shows no participant counts nationally.
      const open = national.find((n) => n.year === 2026)!;
      expect(open.tables.byFederation.cells.flat().every((v) => v === null)).toBe(true);
    }, 300_000);
  }

  /**
   * (d′): the same, for all closed years AT ONCE: every förbund's publications and the national tables of
   * 2023–2025 in one system, with the flow identity active(Y) = active(Y−1) − ended(Y−1) + new(Y) per förbund,
   * in total, per gender and per category of its own tables (the county and country sums follow), solved with
   * the sparse solver.
   */
  const closed = [2023, 2024, 2025];
  const nationalOptions = async (role: string) => {
    const own = await readAll(role);
    const rest = await readOthers(role);
    const national = (await readNational(role)).filter((n) => closed.includes(n.year));
    const scopeOf = new Map([['Angripna förbundet', 'F'], ...others.map((o) => [o.name, o.scope] as [string, string])]);
    const countyOf = new Map([['Angripna förbundet', 'Västmanlands län'], ...others.map((o) => [o.name, o.county] as [string, string])]);
    return { readings: [...own, ...rest].filter((r) => closed.includes(r.year)), national, scopeOf, countyOf };
  };
  const runAllYears = (attack: string, role: string, readings: Reading[], national: NonNullable<Parameters<typeof audit>[1]['national']>): AuditResult => {
    const t0 = performance.now();
    Object.assign(lastSparseRun, { components: 0, largest: 0, largestRows: 0, lps: 0 });
    const d = audit(readings, { ...options(true, true), solveComponent: sparseSolver, national });
    const solver = ` — ${lastSparseRun.components} components, largest ${lastSparseRun.largest} unknowns × ${lastSparseRun.largestRows} relations; ${lastSparseRun.lps} linear programmes (HiGHS)`;
    results.push({ attack: attack + solver, role, result: d, readings: readings.length + national.readings.length, ms: Math.round(performance.now() - t0) });
    return d;
  };
  for (const role of ['national', 'kansli']) {
    it(`${role}: (d′) the förbund publications and the national tables of all closed years at once, with the flow identity, recover nothing`, async () => {
      const { readings, national, scopeOf, countyOf } = await nationalOptions(role);
      expect(national.map((n) => n.year)).toEqual(closed);
      const d = runAllYears('(d′) förbund + national tables, all years with the flow identity', role, readings, { readings: national, scopeOf, countyOf });
      expect(d.inconsistent).toEqual([]);
      expect(d.hiddenCells).toBeGreaterThan(0);
      expect(d.recovered.length, show(d)).toBe(0);
    }, 120_000);
  }

  it('(d′) recovers cells from a weakened national publication (county and country cells not suppressed)', async () => {
    const { readings, national, scopeOf, countyOf } = await nationalOptions('national');
    const d = runAllYears('(d′) all years, WEAKENED national publication (control)', 'national', readings, { readings: weakenedNational(national, scopeOf, countyOf, truth), scopeOf, countyOf });
    expect(d.inconsistent).toEqual([]);
    expect(d.recovered.length).toBeGreaterThan(0);
    for (const c of d.recovered.filter((x) => x.truth !== undefined)) {
      expect(c.truth!).toBeGreaterThanOrEqual(c.interval.min);
      expect(c.truth!).toBeLessThanOrEqual(c.interval.max);
    }
  }, 120_000);

  it('documents against pages: the annual report, interim report and board pack print the publication the API prints', async () => {
    const api = (await readAll('kansli')).filter((r) => r.scope === 'F');
    const docs = await readDocuments();
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(d.stats, `${d.year}`).toEqual(api.find((r) => r.year === d.year)?.stats);
    // No document prints a year the pages do not (2026 is open).
    expect([...new Set(docs.map((d) => d.year))]).toEqual([...new Set(api.map((r) => r.year))]);
    // Together with every page, the documents let the attacker recover nothing more (they are the same cells).
    const ab = run('(a) across pages and documents, 2025', 'kansli', [...(await readAll('kansli')), ...docs].filter((r) => r.year === 2025), true, false);
    expect(ab.inconsistent).toEqual([]);
    expect(ab.recovered.length, show(ab)).toBe(0);
  }, 300_000);

  it('attack (c): one registration changes no figure the other roles see', async () => {
    const before = new Map<string, Reading[]>();
    const docsBefore = await readDocuments();
    for (const role of ['kansli', 'styrelse', 'revisor', 'national']) before.set(role, await readAll(role));
    await registerParticipation(db, fid, small, { ...base, gender: 'man', ageBand: '60-67', startDate: '2025-06-01' }, { id: 'insats-test' });
    differencing = [];
    for (const role of ['kansli', 'styrelse', 'revisor', 'national']) {
      const changed = changedCells(before.get(role)!, await readAll(role));
      differencing.push({ role, changed: changed.length });
    }
    expect(differencing.map((d) => d.changed)).toEqual([0, 0, 0, 0]);
    // Nor in the documents (annual report, interim report, board pack).
    expect(changedCells(docsBefore, await readDocuments())).toEqual([]);
  }, 120_000);
});
