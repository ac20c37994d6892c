/**
 * Participant statistics at national scale: 80 förbund × 10 years × 300 new participations a year
 * (240 000), five individual interventions per förbund. Times all statistics for one förbund-year and for
 * the whole country, on embedded PostgreSQL (PGlite) and, when DATABASE_URL is set, on the server
 * (in a fresh database that is dropped afterwards).
 */
import { dropDatabaseWhenIdle } from './support/postgres.ts';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../src/db/database.ts';
import { openEmbedded } from '../src/db/embedded.ts';
import { openServer } from '../src/db/server.ts';
import { migrate } from '../src/db/migrate.ts';
import { nationalParticipantStatistics, participantStatistics } from '../src/services/interventions/statistics.ts';

export const scale = { federations: 80, years: 10, newPerYear: 300, interventionsPerFederation: 5, firstYear: 2016 };

/** Deterministic synthetic data, generated inside the database. */
export async function seed(db: Database, s = scale): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`insert into federation (name) select 'Bänkförbund ' || lpad(g::text, 3, '0') from generate_series(1, $1::int) g`, [s.federations]);
    await tx.query(
      `insert into intervention (federation_id, name, kind, period_start)
       select f.id, 'Samordningsteam ' || k, 'individual', make_date($2::int, 1, 1) from federation f, generate_series(1, $1::int) k`,
      [s.interventionsPerFederation, s.firstYear],
    );
    await tx.query(
      `with base as (
         select f.id as fid, g, (g % $1::int) as slot,
                make_date($3::int + (g / $2::int), 1, 1) + ((g * 37) % 365) as start_date,
                60 + ((g * 53 + f.id * 11) % 900) as days
         from federation f, generate_series(0, $2::int * $4::int - 1) g),
       ivs as (select federation_id, id, row_number() over (partition by federation_id order by id) - 1 as slot from intervention)
       insert into participation (federation_id, intervention_id, code, gender, age_band, support_before, support_duration, education,
                                  start_date, end_date, exit_outcome, support_after)
       select b.fid, i.id, 'B-' || b.fid || '-' || b.g,
              (array['woman','man','woman','man','other','unknown'])[1 + (b.g * 7) % 6],
              (array['16-19','20-24','25-29','30-39','40-49','50-59','60-67'])[1 + (b.g * 3) % 7],
              (array['income_support','sickness_benefit','sickness_compensation','unemployment_benefit','none','establishment_allowance'])[1 + (b.g * 5) % 6],
              (array['lt1','1to2','2to4','gt4','gt4','unknown'])[1 + (b.g * 11) % 6],
              (array['none_completed','compulsory','upper_secondary','post_secondary','unknown'])[1 + (b.g * 13) % 5],
              b.start_date, e.end_date,
              case when e.end_date is not null then (array['work','studies','job_seeking','other_intervention','sick','moved','broke_off','other'])[1 + (b.g * 17) % 8] end,
              case when e.end_date is not null then (array['salary','study_aid','unemployment_benefit','income_support','sickness_benefit','unknown'])[1 + (b.g * 19) % 6] end
       from base b
       join ivs i on i.federation_id = b.fid and i.slot = b.slot
       cross join lateral (select case when b.start_date + b.days <= make_date($3::int + $4::int - 1, 12, 31) then b.start_date + b.days end as end_date) e`,
      [s.interventionsPerFederation, s.newPerYear, s.firstYear, s.years],
    );
    await tx.query('analyze participation');
  }, { id: 'bench' });
}

async function time<T>(fn: () => Promise<T>, runs: number): Promise<{ medianMs: number; minMs: number; maxMs: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { medianMs: r(times[Math.floor(times.length / 2)]!), minMs: r(times[0]!), maxMs: r(times[times.length - 1]!), result };
}

async function measure(kind: string, db: Database) {
  const t0 = performance.now();
  await migrate(db);
  await seed(db);
  const seedMs = Math.round(performance.now() - t0);
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from participation')) as [{ n: number }];
  const [{ id: fid }] = (await db.query<{ id: number }>('select id from federation order by id limit 1')) as [{ id: number }];
  const year = scale.firstYear + scale.years - 1;
  const one = await time(() => participantStatistics(db, fid, year), 5);
  const country = await time(() => nationalParticipantStatistics(db, year), 3);
  return {
    database: kind,
    participations: n,
    seedMs,
    oneFederationYear: { medianMs: one.medianMs, minMs: one.minMs, maxMs: one.maxMs, active: one.result.flowByGender.rowTotals![0], hiddenCells: one.result.outcomeByGender.hiddenCount + one.result.transition.hiddenCount },
    wholeCountryYear: { medianMs: country.medianMs, minMs: country.minMs, maxMs: country.maxMs, active: country.result.flowByGender.rowTotals![0] },
  };
}

export async function run(): Promise<object> {
  const results = [];
  const embedded = await openEmbedded();
  try {
    results.push(await measure('embedded (PGlite)', embedded));
  } finally {
    await embedded.close();
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `samordna_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const server = await openServer(u.toString());
    try {
      results.push(await measure('PostgreSQL server', server));
    } finally {
      await server.close();
      await dropDatabaseWhenIdle(admin, name);
    }
  }
  const markdown =
    `Scale: ${scale.federations} förbund × ${scale.years} years × ${scale.newPerYear} new participations a year, ${scale.interventionsPerFederation} interventions per förbund. ` +
    `All participant statistics (every table suppressed) for year ${scale.firstYear + scale.years - 1}.\n\n` +
    '| database | participations | seed (ms) | one förbund-year, median (ms) | whole country, median (ms) |\n|---|---:|---:|---:|---:|\n' +
    results.map((r) => `| ${r.database} | ${r.participations} | ${r.seedMs} | ${r.oneFederationYear.medianMs} | ${r.wholeCountryYear.medianMs} |`).join('\n') +
    '\n';
  return { scale, results, markdown };
}
