/**
 * Applications and protocols of a förbund with 20 years of meetings (issue 21): 400 protocols with 2 000
 * paragraphs and 500 applications in a fresh embedded database, then the lists and searches the pages and the
 * API run, each timed 200 times. Goal: every one under 100 ms p99.
 */
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { listApplications } from '../src/services/decisions/applications.ts';
import { listProtocols, publicNotices } from '../src/services/decisions/minutes.ts';
import type { BenchResult } from './run.ts';

const goalP99Ms = 100;
const runs = Number(process.env.BENCH_RUNS) || 200;
const words = ['arbete', 'unga', 'samverkan', 'hälsa', 'studier', 'rehabilitering', 'kartläggning', 'språk', 'vägledning', 'psykisk'];

function p99(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]!;
}

export default async function decisionsBench(): Promise<BenchResult> {
  const db = await openEmbedded();
  try {
    await migrate(db);
    const actor = { id: 'bench' };
    const fid = await db.transaction(async (tx) => {
      const [f] = await tx.query<{ id: number }>("insert into federation (name) values ('Beslutsförbundet') returning id");
      const id = f!.id;
      await tx.query(
        `insert into application (federation_id, title, status, problem, target_group, follow_up, created_by, created_at)
         select $1, 'Ansökan ' || g || ' om ' || ($2::text[])[1 + g % 10], (array['inkommen','under_beredning','till_styrelsen','atertagen'])[1 + g % 4],
           'Problem kring ' || ($2::text[])[1 + (g * 7) % 10], 'Målgrupp ' || g, 'Indikatorer', 'bench', now() - g * interval '14 days'
         from generate_series(1, 500) g`,
        [id, words],
      );
      await tx.query(
        `insert into board_meeting (federation_id, meeting_date) select $1, date '2006-01-15' + g * 18 from generate_series(1, 400) g`, [id]);
      await tx.query(
        `insert into minutes (federation_id, board_meeting_id, present, chair, secretary, adjusters, adjusted_at)
         select $1, bm.id, array['Anna','Bo','Dan'], 'Anna', 'Cecilia', array['bo@exempel.se','dan@exempel.se'], bm.meeting_date + 7
         from board_meeting bm where bm.federation_id = $1`, [id]);
      await tx.query(
        `insert into minutes_paragraph (federation_id, minutes_id, number, kind, text)
         select $1, mi.id, n, 'other', 'Styrelsen beslutar om ' || ($2::text[])[1 + (mi.id * 5 + n) % 10] || ' och lägger informationen till handlingarna. Ärende ' || n || '.'
         from minutes mi, generate_series(1, 5) n where mi.federation_id = $1`, [id, words]);
      return id;
    }, actor);
    const time = async (label: string, f: () => Promise<unknown>) => {
      await f();
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await f();
        samples.push(performance.now() - t);
      }
      return { label, p99Ms: Math.round(p99(samples) * 10) / 10, medianMs: Math.round([...samples].sort((a, b) => a - b)[samples.length >> 1]! * 10) / 10 };
    };
    const results = [
      await time('ansökningar, alla', () => listApplications(db, fid)),
      await time('ansökningar, sök "samverkan"', () => listApplications(db, fid, { text: 'samverkan' })),
      await time('ansökningar, status under beredning', () => listApplications(db, fid, { status: 'under_beredning' })),
      await time('protokoll, alla', () => listProtocols(db, fid)),
      await time('protokoll, sök "rehabilitering"', () => listProtocols(db, fid, 'rehabilitering')),
      await time('anslagstavlan', () => publicNotices(db, fid)),
    ];
    const ok = results.every((r) => r.p99Ms < goalP99Ms);
    const markdown = [
      `500 ansökningar, 400 protokoll med 2 000 paragrafer, inbäddad databas; ${runs} körningar per fråga. Mål: p99 < ${goalP99Ms} ms — ${ok ? 'uppfyllt' : 'EJ uppfyllt'}.`,
      '',
      '| fråga | median (ms) | p99 (ms) |',
      '|---|---:|---:|',
      ...results.map((r) => `| ${r.label} | ${r.medianMs} | ${r.p99Ms} |`),
    ].join('\n');
    return { name: 'decisions', title: 'Ansökningar och protokoll: listor och sökning', markdown, data: { ok, goalP99Ms, results } };
  } finally {
    await db.close();
  }
}
