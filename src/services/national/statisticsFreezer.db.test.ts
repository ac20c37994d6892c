import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createTestDb } from '../../../test/support/db.ts';
import { loadInterventionDemo } from '../interventions/demo/loadInterventionDemo.ts';
import { federationsWithUnfrozenYears, freezeClosedYears, publishedStatistics } from '../interventions/publishedStatistics.ts';
import { startStatisticsFreezer } from './statisticsFreezer.ts';
import { startYear } from '../economy/yearCycle.ts';

/**
 * Freezing a year's publication is linear programming over all of the förbund's tables: tenths of a second at
 * Västmanland's size, seconds for a larger förbund. It must never hold the event loop for that long: it runs in
 * steps with the loop free between them, in the server's background freezer (at start, daily, and when a year
 * is started), and a read that finds a closed, unfrozen year computes it once, the same way, while other
 * requests are answered.
 */
describe('freezing the published statistics without blocking', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Frysförbundet') returning id")) as [{ id: number }];
    await loadInterventionDemo(db, fid);
  }, 120_000);
  afterAll(() => db.drop());

  it('a read of closed, unfrozen years computes them once, with the event loop never held for seconds', async () => {
    const today = new Date('2026-03-01');
    expect(await federationsWithUnfrozenYears(db, today)).toEqual([fid]);
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    const t0 = performance.now();
    // Two readers at once (a page and the API): one computation, both get the same frozen year.
    const [a, b] = await Promise.all([publishedStatistics(db, fid, 2025, { today }), publishedStatistics(db, fid, 2025, { today })]);
    const ms = performance.now() - t0;
    clearInterval(timer);
    h.disable();
    expect(a.stats?.flowByGender.rowTotals![0]).toBe(278); // the annual report's active 2025
    expect(b.stats).toEqual(a.stats);
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from statistics_snapshot where federation_id = $1', [fid])) as [{ n: number }];
    expect(n).toBe(3); // 2023, 2024, 2025 (the demo's participations start in 2023)
    // The longest the loop was held: well under a second (a step is one LP pass, ~0.2 s on a quiet machine),
    // while the whole freeze took several seconds, during which the timer kept running.
    const maxMs = h.max / 1e6;
    console.log(`freeze of 3 years: ${Math.round(ms)} ms, longest event-loop block ${Math.round(maxMs)} ms, timer ticks ${ticks}`);
    expect(maxMs).toBeLessThan(1500);
    expect(ticks).toBeGreaterThan(ms / 50 / 4);
  }, 300_000);

  it('the background freezer freezes closed years at start and when a year is started; reads then find them frozen', async () => {
    // A second förbund with a closed, unfrozen year.
    const [{ id: other }] = (await db.query<{ id: number }>("insert into federation (name) values ('Andra förbundet') returning id")) as [{ id: number }];
    await loadInterventionDemo(db, other);
    expect(await federationsWithUnfrozenYears(db)).toEqual([other]);
    const freezer = startStatisticsFreezer(db, { onError: (err) => { throw err; } });
    await freezer.idle();
    expect(await federationsWithUnfrozenYears(db)).toEqual([]);
    // The closed years, frozen in both förbund, are then published nationally once (the demo starts in 2023).
    const nationalYears = (await db.query<{ year: number }>('select year from national_publication order by year')).map((r) => r.year);
    expect(nationalYears.slice(0, 3)).toEqual([2023, 2024, 2025]); // and later years once they have closed
    // Unfreeze one year (as if it had just closed) and start a new fiscal year: the freezer takes it.
    await db.query('delete from statistics_snapshot where federation_id = $1 and year = 2025', [other]);
    expect(await federationsWithUnfrozenYears(db)).toEqual([other]);
    await startYear(db, other, 2030, { allocationOre: 100 }, { id: 'test' });
    await freezer.idle();
    expect(await federationsWithUnfrozenYears(db)).toEqual([]);
    await freezer.stop();
    // Frozen once: freezing again changes nothing.
    const before = await db.query('select year, frozen_at from statistics_snapshot where federation_id = $1 order by year', [other]);
    await freezeClosedYears(db, other, 2030);
    expect(await db.query('select year, frozen_at from statistics_snapshot where federation_id = $1 order by year', [other])).toEqual(before);
  }, 300_000);
});
