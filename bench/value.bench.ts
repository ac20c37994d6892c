/**
 * The value report (samhällsekonomisk effekt) over 240 000 participations: the statistics bench's synthetic
 * data (same generator), all in one förbund — 10 years × 24 000 new participations a year in five
 * interventions — so the report for the last year reads every one of them. Goal: under 1 s on the embedded
 * database (issue 23). Runs the report for the förbund and for one intervention.
 */
import type { Database } from '../src/db/database.ts';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { replaceUnitCosts } from '../src/services/value/unitCosts.ts';
import { valueReportOf } from '../src/services/value/valueReport.ts';
import { seed } from './statistics.bench.ts';

const scale = { federations: 1, years: 10, newPerYear: 24_000, interventionsPerFederation: 5, firstYear: 2016 };
const goalMs = 1000;

async function time<T>(fn: () => Promise<T>, runs: number): Promise<{ medianMs: number; maxMs: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { medianMs: r(times[Math.floor(times.length / 2)]!), maxMs: r(times[times.length - 1]!), result };
}

async function measure(db: Database) {
  await migrate(db);
  const t0 = performance.now();
  await seed(db, scale);
  const seedMs = Math.round(performance.now() - t0);
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from participation')) as [{ n: number }];
  const [{ id: fid }] = (await db.query<{ id: number }>('select id from federation order by id limit 1')) as [{ id: number }];
  const [{ id: iid }] = (await db.query<{ id: number }>('select id from intervention order by id limit 1')) as [{ id: number }];
  const year = scale.firstYear + scale.years - 1;
  await replaceUnitCosts(
    db,
    fid,
    year,
    [
      { supportSource: 'income_support', payer: 'kommun', annualOre: 75_045_00, source: 'bench' },
      { supportSource: 'sickness_benefit', payer: 'fk', annualOre: 200_000_00, source: 'bench' },
      { supportSource: 'salary', payer: 'kommun', annualOre: -30_000_00, source: 'bench' },
    ],
    { id: 'bench' },
  );
  const [{ ended }] = (await db.query<{ ended: number }>(`select count(*)::int as ended from participation where end_date between $1::date and $2::date`, [`${year}-01-01`, `${year}-12-31`])) as [{ ended: number }];
  const federation = await time(() => valueReportOf(db, fid, year), 5);
  const one = await time(() => valueReportOf(db, fid, year, { interventionId: iid }), 5);
  return { participations: n, endedInYear: ended, seedMs, federation: { medianMs: federation.medianMs, maxMs: federation.maxMs, total: federation.result.total }, intervention: { medianMs: one.medianMs, maxMs: one.maxMs } };
}

export async function run(): Promise<object> {
  const db = await openEmbedded();
  try {
    const r = await measure(db);
    const ok = r.federation.maxMs < goalMs && r.intervention.maxMs < goalMs;
    const markdown =
      `Scale: ${r.participations} participations in one förbund (${r.endedInYear} ended in ${scale.firstYear + scale.years - 1}), the statistics bench's generator. ` +
      `Goal: the value report under ${goalMs} ms on the embedded database.\n\n` +
      '| report | median (ms) | slowest of 5 (ms) |\n|---|---:|---:|\n' +
      `| förbund | ${r.federation.medianMs} | ${r.federation.maxMs} |\n| one intervention | ${r.intervention.medianMs} | ${r.intervention.maxMs} |\n\n` +
      `Goal met: ${ok ? 'yes' : 'NO'}\n`;
    return { ok, scale, ...r, markdown };
  } finally {
    await db.close();
  }
}
