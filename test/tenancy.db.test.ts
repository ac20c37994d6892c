import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSet } from '../src/services/surveys/sets.ts';
import { createRound, submitAnswers } from '../src/services/surveys/rounds.ts';
import { freezeClosedYears } from '../src/services/interventions/publishedStatistics.ts';
import { createTestDb } from './support/db.ts';
import { addTestUser, loginAs, type TestSession } from './support/auth.ts';
import { createApp } from '../src/http/app.tsx';
import type { Database } from '../src/db/database.ts';
import { federationRowIds, fillRoute, hasOtherIdParam, registeredRoutes } from './support/routes.ts';
import { readFileSync } from 'node:fs';
import { parseReference } from '../src/importers/reference/parseReference.ts';
import { writeReference } from '../src/importers/reference/importReference.ts';
import { seedInterventionDemo } from '../src/services/interventions/demo/loadInterventionDemo.ts';

/**
 * Many förbund in one deployment, with no way across. Walks EVERY route the app registers (so routes other
 * areas add are covered without touching this file) as the kansli of förbund A — the widest role — against
 * förbund B's ids, and expects 403/404:
 *   1. the route under B's förbund id (and B's ids for every other id parameter);
 *   2. the route under A's own förbund id with B's ids in the other id parameters (object ids of B
 *      smuggled into A's URL);
 *   3. routes outside any förbund with B's ids, and GET routes without parameters must not show B's name.
 * Writes that a route refuses as 400 before it looks the id up are tolerated only if nothing of B changed
 * (B's audit trail stays the same length) and nothing of B is shown.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const B_NAME = 'Hemliga förbundet B';

/** Data in a förbund, so that its ids exist. Areas that add tables can seed them here too. */
async function seedFederation(db: Database, name: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [f] = await tx.query<{ id: number }>('insert into federation (name) values ($1) returning id', [name]);
    const id = f!.id;
    await tx.query("insert into member (federation_id, name, kind) values ($1, 'Försäkringskassan', 'state_fk'), ($1, 'Region', 'region')", [id]);
    await tx.query("insert into budget_line (federation_id, section, label) values ($1, 'administration', 'Kansli'), ($1, 'individual', 'Samordningsteam')", [id]);
    return id;
  }, { id: 'test' });
}

interface RouteCase {
  readonly method: string;
  readonly pattern: string;
  readonly url: string;
}

describe('tenancy: a user of förbund A reaches nothing of förbund B through any route', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let session: TestSession;
  let a: number;
  let b: number;
  let bIds: number[];
  let bRowIds: number[];

  beforeAll(async () => {
    db = await createTestDb();
    a = await seedFederation(db, 'Förbund A');
    await addTestUser(db, { email: 'kansli@a.se', federationId: a, role: 'kansli' });
    // Every id of B above every id of A, whatever the table: an id of B put where another table's id is
    // expected must never name a row of A (which A may legitimately change).
    for (const { name } of await db.query<{ name: string }>(
      "select quote_ident(schemaname) || '.' || quote_ident(sequencename) as name from pg_sequences where schemaname = current_schema()",
    )) {
      await db.query('select setval($1::regclass, 100000)', [name]);
    }
    // B holds a whole förbund's data: the reference economy (renamed) and the interventions demo with participants.
    const reference = parseReference(readFileSync('test/fixtures/vastmanland.import.json', 'utf8'), 'vastmanland.import.json');
    b = await db.transaction(async (tx) => {
      const { federationId } = await writeReference(tx, { ...reference, federationName: B_NAME });
      await seedInterventionDemo(tx, federationId);
      // The reports area: an annual report with a text and a version, the board register, a meeting with an item.
      const [ar] = await tx.query<{ id: number }>('insert into annual_report (federation_id, year) values ($1, 2025) returning id', [federationId]);
      const [rt] = await tx.query<{ id: number }>("insert into report_text (federation_id, annual_report_id, chapter, body, version, changed_by) values ($1, $2, 'chair', 'B:s text', 1, 'test') returning id", [federationId, ar!.id]);
      await tx.query("insert into report_text_version (federation_id, report_text_id, version, body, changed_by) values ($1, $2, 1, 'B:s text', 'test')", [federationId, rt!.id]);
      await tx.query("insert into annual_report_event (federation_id, annual_report_id, event, actor) values ($1, $2, 'ready', 'test')", [federationId, ar!.id]);
      await tx.query("insert into board_member (federation_id, name, seat, term_start) values ($1, 'B:s ledamot', 'ledamot', '2025-01-01')", [federationId]);
      await tx.query("insert into auditor (federation_id, name, term_start) values ($1, 'B:s revisor', '2025-01-01')", [federationId]);
      const [m] = await tx.query<{ id: number }>("insert into board_meeting (federation_id, meeting_date) values ($1, '2025-05-14') returning id", [federationId]);
      await tx.query("insert into decision_item (federation_id, board_meeting_id, title) values ($1, $2, 'B:s ärende')", [federationId, m!.id]);
      return federationId;
    }, { id: 'test' });
    // B's frozen statistics years (statistics_snapshot): their counts must never reach another förbund.
    await freezeClosedYears(db, b, 2024);
    await addTestUser(db, { email: 'kansli@b.se', federationId: b, role: 'kansli' });
    // Indicator surveys of B: a set of its own, a round with an open link and codes, answers, free text.
    const bSet = await createSet(db, b, { name: 'B:s egna frågor', group: 'remittenter', kind: 'indicator', statements: [{ indicator: '', text: 'Fungerar det?', scale: ['Nej', 'Ja'] }], freeTextPrompt: 'Något mer?' }, { id: 'test' });
    const bRound = await createRound(db, b, { set: bSet.id, year: 2025, group: 'remittenter', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: true, codes: 2 }, { id: 'test' });
    await submitAnswers(db, bRound.openLink!.slice(3), { q1: '2', fritext: 'Bra' });
    // An open invitation of B (user management), so that its id is tried too.
    await db.query(
      "insert into user_invitation (federation_id, email, role, token_hash, created_by, expires_at) values ($1, 'inbjuden@b.se', 'styrelse', 'x', 'test', now() + interval '1 day')",
      [b],
    );
    app = createApp({ db });
    session = await loginAs(app, 'kansli@a.se');
    bRowIds = await federationRowIds(db, b, true); // one id per table keeps the walk to minutes
    bIds = [b, ...bRowIds];
  });
  afterAll(() => db.drop());

  /**
   * By design every förbund is named on the national comparison (suppressed aggregates, which any kansli may
   * see: issue 12) and on the public catalogue (only what each förbund marked public, reachable without an
   * account): not a leak of B's data. They have their own tests (national.db.test.ts, catalogue.db.test.ts).
   */
  // Likewise public by law: each förbund's registry (offentlighetsprincipen: number, date, subject of what is not
  // secret) and accessibility statement (DOS-lagen), reachable without an account (src/http/records).
  const crossFederation = (path: string) => /^\/(nationell|api\/national|katalog|api\/katalog|diarium|tillganglighet)(\/|\.|$)/.test(path);
  // Ending one of one's own sessions takes the session's id: walked with B's row ids it may hit the walker's own
  // session and sign it out. Someone else's session is refused there (src/http/auth/secondFactor.db.test.ts).
  const ownSessions = (path: string) => path.startsWith('/account/sessions/');
  const routes = () => registeredRoutes(app).filter((r) => !ownSessions(r.path));

  function cases(): RouteCase[] {
    const out: RouteCase[] = [];
    for (const r of routes().filter((x) => !crossFederation(x.path))) {
      const ids = hasOtherIdParam(r.path);
      if (r.path.includes(':federationId')) {
        for (const id of ids ? bIds : [b]) out.push({ method: r.method, pattern: r.path, url: fillRoute(r.path, b, id) });
        // Under A's own förbund only B's row ids: B's förbund id could equal one of A's own row ids.
        if (ids) for (const id of bRowIds) out.push({ method: r.method, pattern: r.path, url: fillRoute(r.path, a, id) });
      } else if (ids) {
        for (const id of bIds) out.push({ method: r.method, pattern: r.path, url: fillRoute(r.path, a, id) });
      }
    }
    return out;
  }

  const auditCountOfB = async () => (await db.query<{ n: number }>('select count(*)::int as n from audit_log where federation_id = $1', [b]))[0]!.n;

  it('finds the routes to walk (the walk is not empty)', () => {
    const paths = routes().map((r) => r.path);
    expect(paths).toContain('/api/federations/:federationId/audit');
    expect(paths).toContain('/f/:federationId/users/:userId/remove');
    expect(cases().length).toBeGreaterThan(10);
  });

  it('answers 403/404 for every route and every id of förbund B, and changes nothing of B', async () => {
    const before = await auditCountOfB();
    const leaks: string[] = [];
    for (const c of cases()) {
      const res = await session.request(c.url, {
        method: c.method,
        ...(c.method === 'GET' ? {} : { body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      });
      const body = await res.text();
      const ok = res.status === 403 || res.status === 404 || (c.method !== 'GET' && res.status === 400);
      if (!ok || body.includes(B_NAME)) leaks.push(`${c.method} ${c.url} (${c.pattern}) → ${res.status}`);
    }
    expect(leaks).toEqual([]);
    expect(await auditCountOfB()).toBe(before);
  });

  it('shows nothing of förbund B on any GET route without parameters', async () => {
    const leaks: string[] = [];
    for (const r of routes().filter((r) => r.method === 'GET' && !r.path.includes(':') && !crossFederation(r.path))) {
      const res = await session.request(r.path);
      if ((await res.text()).includes(B_NAME)) leaks.push(`${r.path} → ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it('is a real test: the same walk as kansli of B reaches B', async () => {
    const bSession = await loginAs(app, 'kansli@b.se');
    expect((await bSession.request(`/api/federations/${b}/audit`)).status).toBe(200);
    expect((await bSession.request(`/f/${b}/users`)).status).toBe(200);
    expect(await (await bSession.request('/api/federations')).text()).toContain(B_NAME);
  });
});
