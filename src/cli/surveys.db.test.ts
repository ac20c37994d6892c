/**
 * End to end: `node bin/samordna.js survey …` on a fresh embedded database, as the acceptance checks run it:
 * list the sets, create a round with codes, answer through the public page (the real app over the same data
 * directory), and read the results back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open.ts';
import { createApp } from '../http/app.tsx';

const root = new URL('../../', import.meta.url).pathname;
const source = JSON.parse(readFileSync(join(root, 'test/fixtures/vastmanland-2025.source.json'), 'utf8'));
const staff = source.indicator_survey_staff as { scales: Record<string, string[]>; questions: { nr: number; scale: string; question: string }[] };

function run(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMORDNA_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('node', ['bin/samordna.js', ...args], { cwd: root, env, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('samordna survey (CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-survey-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let sets: { id: string; group: string; version: number; name: string; statements: { id: string; text: string; scale: string[] }[] }[];
  it('survey sets --format json lists the staff set as the 2025 report prints it', async () => {
    const r = await run(['survey', 'sets', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    sets = JSON.parse(r.stdout);
    const s = sets.find((x) => x.group === 'insatspersonal')!;
    expect(s).toMatchObject({ id: 'insatspersonal-v1', version: 1 });
    expect(s.statements.map((st) => [st.text, st.scale])).toEqual(staff.questions.map((q) => [q.question, staff.scales[q.scale]]));
  }, 240_000);

  let created: { survey: number; openLink: string; codes: string[] };
  it('survey create prints the round, its open link and N code links', async () => {
    const r = await run(['survey', 'create', '--federation', 'Samordningsförbundet Västmanland', '--year', '2025', '--set', 'insatspersonal-v1', '--group', 'insatspersonal', '--codes', '6', '--format', 'json'], dir);
    expect(r.stderr).toContain('skapades');
    expect(r.code).toBe(0);
    created = JSON.parse(r.stdout);
    expect(created.survey).toBeGreaterThan(0);
    expect(created.openLink).toMatch(/^\/e\/[a-z0-9]{16}$/);
    expect(created.codes).toHaveLength(6);
    expect(new Set(created.codes).size).toBe(6);
  }, 240_000);

  it('answers through the public page, then survey results gives n and shares (hidden below 5)', async () => {
    const db = await openDatabase({ ...process.env, SAMORDNA_DATA_DIR: dir, DATABASE_URL: '' });
    try {
      const app = createApp({ db });
      const post = (path: string, fields: Record<string, string>) =>
        app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const s = sets.find((x) => x.id === 'insatspersonal-v1')!;
      // Five respondents by code: q1 answered Alltid ×3, Ofta ×2; every other statement "Aldrig"/"Inte alls".
      for (let i = 0; i < 5; i++) {
        const fields = Object.fromEntries(s.statements.map((st) => [st.id, '1']));
        fields.q1 = i < 3 ? '6' : '4';
        const res = await post(created.codes[i]!, fields);
        expect(await res.text()).toContain('Tack');
      }
      // A used code answers like an unknown one (404): a guess must not tell them apart.
      expect((await post(created.codes[0]!, { q1: '1' })).status).toBe(404);
      // One more on the open link with "vet inte" on q2: q2 keeps n = 5.
      const last = Object.fromEntries(s.statements.map((st) => [st.id, '2']));
      last.q2 = 'vet-inte';
      expect((await post(created.openLink, last)).status).toBe(200);
    } finally {
      await db.close();
    }
    // While the round is open nothing but the count of answers is shown.
    const open = await run(['survey', 'results', '--survey', String(created.survey), '--format', 'json'], dir);
    expect(open.code).toBe(0);
    const before = JSON.parse(open.stdout) as { published: boolean; responses: number; statements: { n: number | null; shares: Record<string, number>; hidden: boolean }[] };
    expect(before).toMatchObject({ published: false, responses: 6 });
    for (const st of before.statements) expect(st).toMatchObject({ n: null, shares: {}, hidden: true });
    const close = await run(['survey', 'close', '--survey', String(created.survey)], dir);
    expect(close.code).toBe(0);
    expect(close.stdout).toContain('är stängd');
    const r = await run(['survey', 'results', '--survey', String(created.survey), '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { published: boolean; statements: { statement: string; n: number; shares: Record<string, number>; hidden: boolean }[]; groups: unknown[] };
    expect(out.published).toBe(true);
    expect(out.groups).toEqual([]);
    const rows = out.statements;
    expect(rows).toHaveLength(11);
    // q1: 3 Alltid + 2 Ofta + 1 Sällan of 6 → 50 %, 33,3 %, 16,7 % → 50, 33, 17 (largest remainder).
    expect(rows[0]).toMatchObject({ statement: 'q1', n: 6, hidden: false, shares: { Aldrig: 0, Sällan: 17, Ibland: 0, Ofta: 33, 'För det mesta': 0, Alltid: 50 } });
    expect(rows[1]).toMatchObject({ statement: 'q2', n: 5, hidden: false, shares: { Aldrig: 100, Sällan: 0 } });
    expect(rows[4]).toMatchObject({ statement: 'q5', n: 6, shares: { 'Inte alls': 83, 'Till liten del': 17 } });
    for (const row of rows) expect(Object.values(row.shares).reduce((a, b) => a + b, 0)).toBe(100);
  }, 240_000);

  it('hides statements below the minimum cell size, and refuses an unknown set with a Swedish message', async () => {
    const c = await run(['survey', 'create', '--federation', 'Samordningsförbundet Västmanland', '--year', '2025', '--set', 'styrelse-sjalvskattning-v1', '--group', 'styrelse', '--format', 'json'], dir);
    const round = JSON.parse(c.stdout);
    await run(['survey', 'close', '--survey', String(round.survey)], dir);
    const r = await run(['survey', 'results', '--survey', String(round.survey), '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).statements[0]).toEqual(expect.objectContaining({ n: 0, hidden: true, shares: {} }));
    const bad = await run(['survey', 'create', '--federation', 'Samordningsförbundet Västmanland', '--year', '2025', '--set', 'finns-inte-v1', '--group', 'styrelse'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Frågesetet "finns-inte-v1" finns inte');
  }, 240_000);

  it("groups: the issue's round (5, 2 and 0 answers for three interventions) as one publication — every group hidden, n null", async () => {
    const db = await openDatabase({ ...process.env, SAMORDNA_DATA_DIR: dir, DATABASE_URL: '' });
    const ids: number[] = [];
    try {
      const [f] = await db.query<{ id: number }>("select id from federation where name = 'Samordningsförbundet Västmanland'");
      for (const name of ['Första', 'Andra', 'Tredje']) {
        const [row] = await db.query<{ id: number }>("insert into intervention (federation_id, name, kind, period_start) values ($1, $2, 'individual', '2025-01-01') returning id", [f!.id, name]);
        ids.push(row!.id);
      }
    } finally {
      await db.close();
    }
    const c = await run(['survey', 'create', '--federation', 'Samordningsförbundet Västmanland', '--year', '2025', '--set', 'insatspersonal-v1', '--group', 'insatspersonal', '--intervention', ...ids.map(String), '--format', 'json'], dir);
    const round = JSON.parse(c.stdout) as { survey: number; openLink: string };
    const app = await openDatabase({ ...process.env, SAMORDNA_DATA_DIR: dir, DATABASE_URL: '' });
    try {
      const web = createApp({ db: app });
      const s = sets.find((x) => x.id === 'insatspersonal-v1')!;
      const answer = (insats: number, q1: string) =>
        web.request(round.openLink, { method: 'POST', body: new URLSearchParams({ ...Object.fromEntries(s.statements.map((st) => [st.id, '3'])), q1, insats: String(insats) }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      for (let i = 0; i < 5; i++) expect((await answer(ids[0]!, '5')).status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await answer(ids[1]!, '1')).status).toBe(200);
    } finally {
      await app.close();
    }
    await run(['survey', 'close', '--survey', String(round.survey)], dir);
    const r = await run(['survey', 'results', '--survey', String(round.survey), '--format', 'json'], dir);
    const out = JSON.parse(r.stdout) as { statements: { n: number; hidden: boolean }[]; groups: { intervention: string; n: number | null; statements: { statement: string; shares: Record<string, number> | null; hidden: boolean }[] }[] };
    expect(out.statements[0]).toMatchObject({ n: 7, hidden: false });
    expect(out.groups.map((g) => [g.intervention, g.n, g.statements[0]!.shares, g.statements[0]!.hidden])).toEqual([
      ['Andra', null, null, true],
      ['Första', null, null, true],
      ['Tredje', null, null, true],
    ]);
  }, 240_000);

  it('refuses a personnummer in a command-line argument, without repeating it and without storing anything', async () => {
    for (const args of [
      ['--federation', 'Förbund 811218–9876'],
      ['--federation', 'Samordningsförbundet Västmanland', '--name', 'Omgång för 19811218 9876'],
    ]) {
      const r = await run(['survey', 'create', '--year', '2025', '--set', 'insatspersonal-v1', '--group', 'insatspersonal', ...args], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('personnummer');
      expect(r.stderr + r.stdout).not.toContain('9876');
    }
    const db = await openDatabase({ ...process.env, SAMORDNA_DATA_DIR: dir, DATABASE_URL: '' });
    try {
      const found = await db.query("select 1 from federation where name like '%9876%' union all select 1 from survey_round where name like '%9876%'");
      expect(found).toEqual([]);
    } finally {
      await db.close();
    }
  }, 240_000);
});
