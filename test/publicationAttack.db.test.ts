import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/open.ts';
import type { Database } from '../src/db/database.ts';
import { registerInterventions } from '../src/cli/interventions.ts';
import { insertParticipations, listParticipations, registerParticipation } from '../src/services/interventions/participations.ts';
import { publishedStatistics } from '../src/services/interventions/publishedStatistics.ts';
import { participantStatistics } from '../src/services/interventions/statistics.ts';
import { loadAnnualReportFacts, loadBoardPackFacts, loadInterimReportFacts } from '../src/services/reports/facts.ts';
import { annualReportDocument, interimReportDocument } from '../src/services/reports/documents.ts';
import { documentText } from '../src/core/documents/walk.ts';
import { computeParticipantStatistics } from '../src/core/statistics/participantStatistics.ts';
import type { ParticipationFacts, ParticipationInput } from '../src/core/interventions/participation.ts';
import { audit, changedCells, type PublishedStatistics, type Reading } from './support/statisticsAuditor.ts';
import { putTruth } from './support/nationalControl.ts';

/**
 * The attacker of issue 27 on the readers around the statistics pages: the CLI (`insatser statistik`, its `-i`
 * form), the documents (annual report, interim report, board pack). Three teams, one of them small; every
 * reader must print the förbund-year's ONE publication, so that
 * - the per-intervention tables cannot be subtracted from the förbund's table (the CLI's `-i` form used to
 *   suppress each team on its own, and the förbund minus the two large teams gave the small one back);
 * - a document shows what the page shows, also after a closed year's participants were corrected;
 * - registering one participant in the running year changes nothing any reader prints.
 * The CLI runs in this process (commander, the same actions) over an embedded database directory.
 */
const MIN = 5;
const YEAR = 2025; // closed: published
const RUNNING = new Date().getUTCFullYear();
let dir: string;
let fid: number;
const teams: { id: number; name: string; scope: string }[] = [];
let facts: ParticipationFacts[] = [];

const base: ParticipationInput = {
  gender: 'woman', ageBand: '30-39', homeMunicipality: null, referringMemberId: null, supportBefore: 'income_support',
  supportDuration: 'gt4', education: 'compulsory', startDate: '2025-02-01', endDate: null, exitOutcome: null, supportAfter: null,
};
const many = (n: number, p: Partial<ParticipationInput>) => Array.from({ length: n }, () => ({ ...base, ...p }));

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ ...process.env, SAMORDNA_DATA_DIR: dir, DATABASE_URL: '' });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `samordna insatser …` in this process: the printed lines. */
async function cli(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerInterventions(program);
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  try {
    await program.parseAsync(['node', 'samordna', ...args]);
  } finally {
    log.mockRestore();
  }
  return out.join('\n');
}

const statistik = async (year: number, team?: string) =>
  JSON.parse(await cli('insatser', 'statistik', '-f', 'Tre team', '-y', String(year), '--format', 'json', ...(team ? ['-i', team] : []))) as PublishedStatistics;

function truthOf(year: number): Map<string, number> {
  const truth = new Map<string, number>();
  for (const { scope, list } of [{ scope: 'F', list: teams }, ...teams.map((t) => ({ scope: t.scope, list: [t] }))]) {
    putTruth(truth, `${year}/${scope}`, computeParticipantStatistics(facts, { year, minCellSize: 1, interventions: list.map((u) => ({ id: u.id, name: u.name })) }));
  }
  return truth;
}

const attack = (readings: Reading[], truth: Map<string, number>) =>
  audit(readings, {
    minCellSize: MIN,
    units: teams.map((t) => t.scope),
    unitByName: new Map(teams.map((t) => [t.name, t.scope])),
    crossScope: true,
    flowIdentity: false,
    truth: (name) => truth.get(name),
  });

describe.skipIf(!!process.env.DATABASE_URL)('the attacker on every reader of a förbund-year (CLI, documents)', () => {
  const env = { dir: process.env.SAMORDNA_DATA_DIR };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-publication-'));
    process.env.SAMORDNA_DATA_DIR = dir;
    await withDb(async (db) => {
      [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Tre team') returning id")) as [{ id: number }];
      // Two large teams and a small one: 2 women and 1 man, all new in 2025.
      for (const [name, people] of [
        ['Stora teamet', [...many(10, {}), ...many(6, { gender: 'man', ageBand: '40-49' })]],
        ['Mellanteamet', [...many(7, { ageBand: '25-29' }), ...many(5, { gender: 'man', supportBefore: 'sickness_benefit' })]],
        ['Lilla teamet', [...many(2, { ageBand: '20-24' }), ...many(1, { gender: 'man', ageBand: '50-59' })]],
      ] as const) {
        const [{ id }] = (await db.query<{ id: number }>("insert into intervention (federation_id, name, kind, period_start) values ($1, $2, 'individual', '2024-01-01') returning id", [fid, name])) as [{ id: number }];
        await db.transaction((tx) => insertParticipations(tx, fid, id, people), { id: 'test' });
        teams.push({ id, name, scope: `i${id}` });
        facts.push(...(await listParticipations(db, fid, id)));
      }
    });
  }, 120_000);
  afterAll(() => {
    if (env.dir === undefined) delete process.env.SAMORDNA_DATA_DIR;
    else process.env.SAMORDNA_DATA_DIR = env.dir;
    rmSync(dir, { recursive: true, force: true });
  });

  it('per-intervention tables against the förbund\'s table: `insatser statistik` and its -i form read one publication; 0 cells recovered', async () => {
    const truth = truthOf(YEAR);
    const readings: Reading[] = [{ scope: 'F', year: YEAR, stats: await statistik(YEAR) }];
    for (const t of teams) readings.push({ scope: t.scope, year: YEAR, stats: await statistik(YEAR, t.name) });
    // The same publication as the API and the pages.
    await withDb(async (db) => {
      expect(readings[0]!.stats).toEqual(JSON.parse(JSON.stringify((await publishedStatistics(db, fid, YEAR)).stats)));
      for (const [i, t] of teams.entries()) expect(readings[i + 1]!.stats).toEqual(JSON.parse(JSON.stringify((await publishedStatistics(db, fid, YEAR, { interventionId: t.id })).stats)));
    });
    const result = attack(readings, truth);
    expect(result.inconsistent).toEqual([]);
    expect(result.hiddenCells).toBeGreaterThan(0);
    expect(result.recovered, result.recovered.map((c) => `${c.name} = ${c.interval.min}…${c.interval.max}`).join('\n')).toEqual([]);
  }, 240_000);

  it('control: the readers before (each team suppressed on its own, as `insatser statistik -i` did) give the small team back', async () => {
    const truth = truthOf(YEAR);
    const readings = await withDb(async (db) => {
      const out: Reading[] = [{ scope: 'F', year: YEAR, stats: JSON.parse(JSON.stringify(await participantStatistics(db, fid, YEAR))) }];
      for (const t of teams) out.push({ scope: t.scope, year: YEAR, stats: JSON.parse(JSON.stringify(await participantStatistics(db, fid, YEAR, { interventionIds: [t.id] }))) });
      return out;
    });
    const result = attack(readings, truth);
    const small = teams.find((t) => t.name === 'Lilla teamet')!.scope;
    // The small team's 2 women: the förbund minus the two large teams.
    expect(result.recovered.some((c) => c.name.startsWith(`${YEAR}/${small}/`) && c.truth === 2 && c.interval.min === 2 && c.interval.max === 2)).toBe(true);
  }, 240_000);

  it('documents against pages: after a closed year is corrected, the annual report prints the publication the page prints', async () => {
    const page = await withDb(async (db) => (await publishedStatistics(db, fid, YEAR)).stats!);
    // A late correction of the closed year: one more woman in the small team, started in 2025.
    await withDb((db) => registerParticipation(db, fid, teams[2]!.id, { ...base, ageBand: '20-24', startDate: '2025-11-03' }, { id: 'insats-test', federationId: fid }));
    const { annual, pageAfter } = await withDb(async (db) => ({
      annual: (await loadAnnualReportFacts(db, fid, YEAR)).participants,
      pageAfter: (await publishedStatistics(db, fid, YEAR)).stats,
    }));
    const api = await statistik(YEAR);
    expect(pageAfter).toEqual(page);
    expect(annual).toEqual(page);
    expect(api).toEqual(JSON.parse(JSON.stringify(page)));
    // The document prints the page's cells: every hidden cell of "Deltagare efter kön" is "–" in the report too.
    const text = await withDb(async (db) => documentText(await annualReportDocument(db, fid, YEAR)).join('\n'));
    const row = (label: string, cells: readonly (number | null)[], total: number | null) => [label, ...cells.map((v) => (v === null ? '–' : String(v))), total === null ? '–' : String(total)].join(' ');
    const flat = text.replace(/\s+/g, ' ');
    page.flowByGender.rowLabels.forEach((label, i) => expect(flat).toContain(row(label, page.flowByGender.cells[i]!, page.flowByGender.rowTotals![i]!)));
  }, 240_000);

  it('before/after one registration in the running year: no reader (CLI, interim report, board pack) prints anything that changes', async () => {
    const readAll = async () => ({
      cli: await statistik(RUNNING).catch((e: Error) => e.message),
      ...(await withDb(async (db) => ({
        interim: await loadInterimReportFacts(db, fid, RUNNING, 11),
        interimText: documentText(await interimReportDocument(db, fid, RUNNING, 11)).join('\n'),
        board: (await loadBoardPackFacts(db, fid, `${RUNNING}-11-30`)).participants,
      }))),
    });
    await withDb((db) => registerParticipation(db, fid, teams[0]!.id, { ...base, startDate: `${RUNNING}-01-10` }, { id: 'insats-test', federationId: fid }));
    const before = await readAll();
    await withDb((db) => registerParticipation(db, fid, teams[2]!.id, { ...base, gender: 'man', ageBand: '60-67', supportBefore: 'sickness_compensation', startDate: `${RUNNING}-11-02` }, { id: 'insats-test', federationId: fid }));
    const after = await readAll();
    expect(after.cli).toEqual(before.cli);
    expect(after.interim.participants).toEqual(before.interim.participants);
    expect(after.interimText).toEqual(before.interimText);
    expect(after.board).toEqual(before.board);
    // With the published year's readings the attacker's before/after comparison finds no changed cell either.
    const asReading = (s: unknown): Reading[] => (s && typeof s === 'object' ? [{ scope: 'F', year: RUNNING, stats: s as PublishedStatistics }] : []);
    expect(changedCells(asReading(before.interim.participants), asReading(after.interim.participants))).toEqual([]);
    expect(before.interimText).toContain(`Deltagarstatistiken för ${RUNNING} publiceras`);
    expect(String(before.cli)).toContain('publiceras');
  }, 240_000);
});
