import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { addTestUser, loginAs, type TestSession } from './support/auth.ts';
import { audit, type NationalReading, type PublishedStatistics, type Reading } from './support/statisticsAuditor.ts';
import { sparseComponentSolver, type SparseRun } from '../src/services/solver/sparseIntervals.ts';
import { createApp } from '../src/http/app.tsx';
import { loadNationalSynthetic } from '../src/services/national/synthetic.ts';
import { freezeAllClosedYears } from '../src/services/interventions/publishedStatistics.ts';
import { listParticipations } from '../src/services/interventions/participations.ts';
import { computeParticipantStatistics } from '../src/core/statistics/participantStatistics.ts';
import { putTruth, weakenedNational } from './support/nationalControl.ts';
import type { ParticipationFacts } from '../src/core/interventions/participation.ts';

/**
 * Attack (d′) of statisticsAttack.db.test.ts at the synthetic set's scale (80 förbund × 5 years): a reader
 * collects every year's national tables and whatever förbund statistics its role may read, and tries to recover
 * hidden counts of any förbund over all years at once, with the flow identity per förbund, per gender and per
 * category. The national reader reads three förbund's statistics; a kansli reads its own förbund's and each of
 * its interventions'. The three are förbund whose own publications hide a yearly total in some year, so the
 * county and country totals had to be suppressed around them. Nothing may be recovered: no hidden cell pinned,
 * no unpublished count pinned or bounded within 1 … min − 1.
 */
const years = [2021, 2022, 2023, 2024, 2025];
const attacked = ['Syntetiskt förbund 29', 'Syntetiskt förbund 43', 'Syntetiskt förbund 01'];
let db: Awaited<ReturnType<typeof createTestDb>>;
const sessions = new Map<string, TestSession>();
let federations: { id: number; name: string; county: string }[];

beforeAll(async () => {
  db = await createTestDb();
  const app = createApp({ db });
  await loadNationalSynthetic(db, { id: 'test' }, { federations: 80, firstYear: years[0]!, years: years.length });
  await freezeAllClosedYears(db);
  federations = await db.query<{ id: number; name: string; county: string }>('select id, name, county from federation where synthetic order by id');
  await addTestUser(db, { email: 'national@skala.example', national: true });
  sessions.set('national', await loginAs(app, 'national@skala.example'));
  await addTestUser(db, { email: 'kansli@skala.example', federationId: federations.find((f) => f.name === attacked[0])!.id, role: 'kansli' });
  sessions.set('kansli', await loginAs(app, 'kansli@skala.example'));
}, 600_000);

afterAll(async () => {
  await db?.drop();
});

async function read(role: string, path: string): Promise<PublishedStatistics | null> {
  const r = await sessions.get(role)!.request(path);
  return r.status === 200 ? ((await r.json()) as PublishedStatistics) : null;
}

/** What a role reads: every year's national tables, and the förbund statistics it may open. */
async function collect(role: string) {
  const national: NationalReading[] = [];
  for (const year of years) {
    const t = await read(role, `/api/national/statistics?year=${year}`);
    expect(t, `national ${year}`).not.toBeNull();
    national.push({ year, tables: t as unknown as NationalReading['tables'] });
  }
  const [first, ...rest] = attacked.map((name) => federations.find((f) => f.name === name)!);
  const units = await db.query<{ id: number; name: string }>("select id, name from intervention where federation_id = $1 and kind = 'individual' order by id", [first!.id]);
  const scopeOf = new Map(federations.map((f) => [f.name, f.id === first!.id ? 'F' : `f${f.id}`]));
  const readings: Reading[] = [];
  for (const year of years) {
    const own = await read(role, `/api/federations/${first!.id}/statistics?year=${year}`);
    expect(own, `${first!.name} ${year}`).not.toBeNull();
    readings.push({ scope: 'F', year, stats: own! });
    for (const u of units) {
      const s = await read(role, `/api/federations/${first!.id}/statistics?year=${year}&interventionId=${u.id}`);
      if (s) readings.push({ scope: `i${u.id}`, year, stats: s });
    }
    for (const o of rest) {
      const s = await read(role, `/api/federations/${o!.id}/statistics?year=${year}`);
      if (s) readings.push({ scope: scopeOf.get(o!.name)!, year, stats: s });
    }
  }
  return { national, readings, units, scopeOf, countyOf: new Map(federations.map((f) => [f.name, f.county])) };
}

function attack(role: string, c: Awaited<ReturnType<typeof collect>>, national: readonly NationalReading[], run: SparseRun, solver: Awaited<ReturnType<typeof sparseComponentSolver>>) {
  return audit(c.readings, {
    minCellSize: 5,
    units: role === 'kansli' ? c.units.map((u) => `i${u.id}`) : [],
    unitByName: new Map(c.units.map((u) => [u.name, `i${u.id}`])),
    crossScope: role === 'kansli',
    flowIdentity: true,
    solveComponent: solver,
    national: { readings: national, scopeOf: c.scopeOf, countyOf: c.countyOf },
  });
}

describe('the national tables of the synthetic set (80 förbund × 5 years)', () => {
  for (const role of ['national', 'kansli']) {
    it(`${role}: (d′) at scale — the förbund statistics it may read and every year’s national tables, with the flow identity, recover nothing`, async () => {
      const c = await collect(role);
      // What each role may read: the national reader every förbund's own figures, the kansli its interventions'.
      const scopes = new Set(c.readings.map((r) => r.scope));
      if (role === 'national') expect(scopes.size).toBe(attacked.length);
      else expect(scopes.size).toBe(1 + c.units.length);
      const run: SparseRun = { components: 0, largest: 0, largestRows: 0, lps: 0 };
      const d = attack(role, c, c.national, run, await sparseComponentSolver(run));
      // The national tables do hide cells, and the system is the national one (thousands of unknowns).
      const hiddenNational = c.national.flatMap((n) => [n.tables.byCounty, n.tables.flowByGender, n.tables.byFederation].flatMap((t) => [...t.cells.flat(), ...(t.colTotals ?? [])])).filter((v) => v === null);
      expect(hiddenNational.length).toBeGreaterThan(0);
      expect(run.largest).toBeGreaterThan(1000);
      expect(d.inconsistent).toEqual([]);
      expect(d.hiddenCells).toBeGreaterThan(0);
      expect(d.recovered.map((x) => `${x.name} ∈ [${x.interval.min}, ${x.interval.max}]`)).toEqual([]);
    }, 900_000);
  }

  it('the same attack recovers cells when the county and country cells are printed unsuppressed (control)', async () => {
    const c = await collect('national');
    // The true counts of every förbund, counted here from its participations.
    const truth = new Map<string, number>();
    for (const f of federations) {
      const units = await db.query<{ id: number; name: string }>("select id, name from intervention where federation_id = $1 and kind = 'individual' order by id", [f.id]);
      const facts: ParticipationFacts[] = [];
      for (const u of units) facts.push(...(await listParticipations(db, f.id, u.id)));
      for (const year of years) putTruth(truth, `${year}/${c.scopeOf.get(f.name)}`, computeParticipantStatistics(facts, { year, minCellSize: 1, interventions: units }));
    }
    const run: SparseRun = { components: 0, largest: 0, largestRows: 0, lps: 0 };
    const d = attack('national', c, weakenedNational(c.national, c.scopeOf, c.countyOf, truth), run, await sparseComponentSolver(run));
    expect(d.inconsistent).toEqual([]);
    expect(d.recovered.length).toBeGreaterThan(0);
  }, 900_000);
});
