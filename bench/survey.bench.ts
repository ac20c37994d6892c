/**
 * Survey load: 200 respondents answering one open link at once on the embedded database (each first loads the
 * form like a browser — cookie and form token — then all 200 send at the same moment), then 200 single-use
 * codes each sent twice at once (the double submission must be refused exactly once per code). Goals: no
 * error, no lost answer (every response stored with all 11 answers), no code used twice. Default settings
 * (the open link's rate limit of 300 a minute per round included).
 */
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { startServer } from '../src/http/server.ts';
import { createUser } from '../src/services/auth/users.ts';
import { createRound } from '../src/services/surveys/rounds.ts';
import { staffSet2025 } from '../src/core/surveys/sets.ts';
import type { BenchResult } from './run.ts';

const respondents = Number(process.env.BENCH_SURVEY_RESPONDENTS) || 200;

interface Phase {
  name: string;
  requests: number;
  ok: number;
  refusedAsUsed: number;
  otherStatus: Record<string, number>;
  networkErrors: number;
  wallMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0);
}

async function loadForm(url: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(url);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('samordna_csrf='))!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  return { cookie, csrf };
}

function answers(i: number): Record<string, string> {
  return Object.fromEntries(staffSet2025.statements.map((s, k) => [s.key, String(((i + k) % 6) + 1)]));
}

async function burst(name: string, sends: (() => Promise<Response>)[]): Promise<Phase> {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let networkErrors = 0;
  const t0 = performance.now();
  await Promise.all(
    sends.map(async (send) => {
      const s = performance.now();
      try {
        const res = await send();
        await res.text();
        statuses.push(res.status);
      } catch {
        networkErrors++;
      }
      latencies.push(performance.now() - s);
    }),
  );
  const wallMs = Math.round(performance.now() - t0);
  const otherStatus: Record<string, number> = {};
  for (const s of statuses) if (s !== 200 && s !== 409) otherStatus[s] = (otherStatus[s] ?? 0) + 1;
  return {
    name,
    requests: sends.length,
    ok: statuses.filter((s) => s === 200).length,
    refusedAsUsed: statuses.filter((s) => s === 409).length,
    otherStatus,
    networkErrors,
    wallMs,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latencyMaxMs: Math.round(Math.max(...latencies)),
  };
}

export default async function (): Promise<BenchResult> {
  const db = await openEmbedded();
  await migrate(db);
  const [f] = await db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Bench') returning id");
  const fid = f!.id;
  // An account exists, so respondents are anonymous visitors, as in production.
  await createUser(db, { email: 'kansli@bench.se', password: 'bench-lösenord-som-är-långt', federationId: fid, role: 'kansli' }, { id: 'bench' });
  const round = await createRound(db, fid, { set: 'insatspersonal-v1', year: 2025, group: 'insatspersonal', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: true, codes: respondents }, { id: 'bench' });
  const server = await startServer({ db }, { port: 0 });
  try {
    const open = `${server.url}${round.openLink}`;
    const forms = await Promise.all(Array.from({ length: respondents }, () => loadForm(open)));
    const post = (url: string, form: { cookie: string; csrf: string }, i: number) => () =>
      fetch(url, {
        method: 'POST',
        body: new URLSearchParams({ ...answers(i), _csrf: form.csrf }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, origin: server.url },
      });
    const openPhase = await burst(`${respondents} respondents, one open link, at once`, forms.map((form, i) => post(open, form, i)));
    const [afterOpen] = await db.query<{ n: number; answers: number }>(
      `select count(distinct r.id)::int as n, count(a.*)::int as answers from survey_response r left join survey_answer a on a.response_id = r.id where r.round_id = $1`,
      [round.round.id],
    );

    const codeForms = await Promise.all(round.codes.map((c) => loadForm(`${server.url}${c}`)));
    const codePhase = await burst(
      `${respondents} single-use codes, each sent twice at once`,
      round.codes.flatMap((c, i) => [post(`${server.url}${c}`, codeForms[i]!, i), post(`${server.url}${c}`, codeForms[i]!, i + 1)]),
    );
    const [after] = await db.query<{ n: number; answers: number }>(
      `select count(distinct r.id)::int as n, count(a.*)::int as answers from survey_response r left join survey_answer a on a.response_id = r.id where r.round_id = $1`,
      [round.round.id],
    );
    const [unused] = await db.query<{ n: number }>('select count(*)::int as n from survey_code_unused where round_id = $1', [round.round.id]);
    const statements = staffSet2025.statements.length;
    const goals = [
      { goal: `open link: ${respondents} answered, no error`, met: openPhase.ok === respondents && openPhase.networkErrors === 0 && Object.keys(openPhase.otherStatus).length === 0 },
      { goal: `open link: no lost answer (${respondents} responses × ${statements} answers stored)`, met: afterOpen!.n === respondents && afterOpen!.answers === respondents * statements },
      { goal: 'codes: every code accepted once and refused once, no error', met: codePhase.ok === respondents && codePhase.refusedAsUsed === respondents && codePhase.networkErrors === 0 && Object.keys(codePhase.otherStatus).length === 0 },
      { goal: 'codes: no lost and no double answer; every code used', met: after!.n === 2 * respondents && after!.answers === 2 * respondents * statements && unused!.n === 0 },
    ];
    const ok = goals.every((g) => g.met);
    const row = (p: Phase) => `| ${p.name} | ${p.requests} | ${p.ok} | ${p.refusedAsUsed} | ${JSON.stringify(p.otherStatus)} | ${p.networkErrors} | ${p.wallMs} | ${p.latencyP50Ms} | ${p.latencyP99Ms} | ${p.latencyMaxMs} |`;
    const markdown = [
      'Embedded database (PGlite), one server process on loopback, default rate limits. Every respondent first loads the form (cookie and form token), then all send at once.',
      '',
      '| phase | requests | 200 Tack | 409 code used | other status | network errors | wall ms | p50 ms | p99 ms | max ms |',
      '|---|---:|---:|---:|---|---:|---:|---:|---:|---:|',
      row(openPhase),
      row(codePhase),
      '',
      `Stored after both phases: ${after!.n} responses, ${after!.answers} answers; unused codes left: ${unused!.n}.`,
      '',
      '| goal | met |',
      '|---|---|',
      ...goals.map((g) => `| ${g.goal} | ${g.met ? 'yes' : '**NO**'} |`),
    ].join('\n');
    if (!ok) process.exitCode = 1;
    return { name: 'survey', title: `Survey: ${respondents} respondents at once on one open link (embedded database)`, markdown, data: { ok, respondents, phases: [openPhase, codePhase], stored: after, unusedCodes: unused!.n, goals } };
  } finally {
    await server.close();
    await db.close();
  }
}
