import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { loginAs, type TestSession } from './support/auth.ts';
import { seedRoleWorld, type RoleWorld } from './support/roles.ts';
import { registeredRoutes } from './support/routes.ts';
import { createApp } from '../src/http/app.tsx';

/**
 * Insats staff record their own participants and activities and read their own intervention; they never
 * create grants, requisitions, staffing or goals, never change the intervention's name, budget line or owner,
 * and nothing of the economy, ledger, users or settings. Walks EVERY write route the app registers under a
 * förbund (so routes added later are covered) as an insats user of intervention X, with X's own ids in the
 * path and a body of plausible values, and expects 403 — except the participant and activity routes, which
 * must let the user in (never 403). Nothing a refused request sends may change the database.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

/**
 * The write routes insats staff may use: their own participants (and progression) and activities, and their
 * own intervention's entry in the public catalogue (issue 12: "written by the kansli or the intervention's
 * own staff"; permission catalogue:write).
 */
const insatsMayWrite = [
  /^\/f\/:federationId\/insatser\/:id(\{[^}]*\})?\/katalog$/,
  /^\/f\/:federationId\/insatser\/:id\/deltagare(\/.*)?$/,
  /^\/api\/federations\/:federationId\/interventions\/:id\/participations(\/.*)?$/,
  /^\/f\/:federationId\/strukturaktiviteter(\/.*)?$/,
  /^\/api\/federations\/:federationId\/activities(\/.*)?$/,
];
const mayWrite = (pattern: string) => insatsMayWrite.some((r) => r.test(pattern));

describe('insats staff: every write route at the HTTP level', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let w: RoleWorld;
  let insats: TestSession;
  const ids: Record<string, number> = {};
  let otherActivityId = 0;

  beforeAll(async () => {
    db = await createTestDb();
    w = await seedRoleWorld(db);
    app = createApp({ db });
    insats = await loginAs(app, w.users.insats);
    const one = async (sql: string, params: unknown[] = [w.federationId]) => Number((await db.query<{ id: number }>(sql, params))[0]?.id ?? 0);
    ids.id = w.ownInterventionId;
    ids.pid = await one('select min(id) as id from participation where federation_id = $1 and intervention_id = $2', [w.federationId, w.ownInterventionId]);
    ids.goalId = await one('select min(id) as id from goal where federation_id = $1 and intervention_id = $2', [w.federationId, w.ownInterventionId]);
    ids.memberId = await one('select min(id) as id from member where federation_id = $1');
    ids.lineId = await one('select min(id) as id from budget_line where federation_id = $1');
    ids.userId = await one("select u.id from app_user u where u.email = 'kansli@roller.se'", []);
    // An activity of its own intervention (insats staff correct their own), and one of another intervention.
    ids.activityId = await one(
      "insert into activity (federation_id, intervention_id, year, name, participants) values ($1, $2, 2025, 'Teamets träff', 8) returning id",
      [w.federationId, w.ownInterventionId],
    );
    otherActivityId = await one(
      "insert into activity (federation_id, intervention_id, year, name, participants) values ($1, $2, 2025, 'Annan insats träff', 8) returning id",
      [w.federationId, w.otherInterventionId],
    );
    expect(Object.values(ids).every((v) => v > 0)).toBe(true);
  });
  afterAll(() => db.drop());

  function fill(pattern: string): string {
    return pattern.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, (_m, name: string) =>
      String(name === 'federationId' ? w.federationId : name in ids ? ids[name] : /id$/i.test(name) ? ids.id : /month/i.test(name) ? 3 : 2025),
    );
  }

  /** Values a real form of each kind would send: enough that a missing permission check would write. */
  const plausible: Record<string, string> = {
    name: 'Omdöpt av insatspersonal',
    kind: 'individual',
    periodStart: '2024-01-01',
    ownerMemberId: '',
    budgetLineId: '',
    year: '2025',
    decided: '1000000',
    decisionDate: '2025-02-01',
    reference: 'Dnr 1',
    date: '2025-02-01',
    amount: '500000',
    note: 'x',
    role: 'kansli',
    fte: '0.5',
    text: 'Nytt mål',
    area: 'Område',
    assessment: 'met',
    participants: '12',
    email: 'ny@roller.se',
    amountKronor: '1000',
    label: 'Ny post',
    section: 'individual',
  };

  const writeRoutes = () =>
    registeredRoutes(app).filter((r) => r.method !== 'GET' && (r.path.startsWith('/f/:federationId') || r.path.startsWith('/api/federations/:federationId')));

  it('finds the write routes (grants, requisitions, the intervention itself, participants)', () => {
    const paths = writeRoutes().map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/f/:federationId/insatser/:id/beslut',
        '/f/:federationId/insatser/:id/rekvisitioner',
        '/f/:federationId/insatser/:id/andra',
        '/api/federations/:federationId/interventions/:id/grants',
        '/f/:federationId/insatser/:id/deltagare',
      ]),
    );
    expect(paths.filter(mayWrite).length).toBeGreaterThanOrEqual(4);
  });

  it('refuses every write route but its own participants and activities, and changes nothing', async () => {
    const auditBefore = (await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;
    const wrong: string[] = [];
    for (const r of writeRoutes().filter((r) => !mayWrite(r.path))) {
      const url = fill(r.path);
      const api = url.startsWith('/api/');
      const res = await insats.request(url, {
        method: r.method,
        body: api ? JSON.stringify({ ...plausible, interventionId: ids.id }) : new URLSearchParams({ ...plausible, interventionId: String(ids.id) }),
        headers: { 'content-type': api ? 'application/json' : 'application/x-www-form-urlencoded' },
      });
      if (res.status !== 403) wrong.push(`${r.method} ${url} (${r.path}) → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect((await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n).toBe(auditBefore);
    const [i] = await db.query<{ name: string }>('select name from intervention where id = $1', [ids.id]);
    expect(i!.name).toBe(w.ownInterventionName);
  });

  it('lets it in on its own participants and activities (never 403)', async () => {
    const refused: string[] = [];
    for (const r of writeRoutes().filter((r) => mayWrite(r.path))) {
      const url = fill(r.path);
      const api = url.startsWith('/api/');
      const res = await insats.request(url, {
        method: r.method,
        body: api ? JSON.stringify({ interventionId: ids.id }) : new URLSearchParams({ interventionId: String(ids.id) }),
        headers: { 'content-type': api ? 'application/json' : 'application/x-www-form-urlencoded' },
      });
      if (res.status === 403 || res.status >= 500) refused.push(`${r.method} ${url} → ${res.status}`);
    }
    expect(refused).toEqual([]);
  });

  it("cannot correct or remove another intervention's activity", async () => {
    const before = (await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;
    const page = await insats.request(`/f/${w.federationId}/strukturaktiviteter/${otherActivityId}/ta-bort`, { method: 'POST', body: new URLSearchParams({}), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(page.status).toBe(403);
    const api = await insats.request(`/api/federations/${w.federationId}/activities/${otherActivityId}`, { method: 'DELETE' });
    expect(api.status).toBe(403);
    expect((await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n).toBe(before);
  });

  it('records a participant of its own intervention, but not of another one', async () => {
    const body = new URLSearchParams({ gender: 'woman', ageBand: '25-29', supportBefore: 'income_support', supportDuration: 'lt1', education: 'upper_secondary', startDate: '2025-03-01' });
    const own = await insats.request(`/f/${w.federationId}/insatser/${ids.id}/deltagare`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(own.status).toBe(303);
    const other = await insats.request(`/f/${w.federationId}/insatser/${w.otherInterventionId}/deltagare`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(other.status).toBe(403);
    // Reads its own intervention, without the kansli's forms for money or the intervention's details.
    const page = await (await insats.request(`/f/${w.federationId}/insatser/${ids.id}`)).text();
    expect(page).toContain(w.ownInterventionName);
    expect(page).not.toContain('Spara beslut');
    expect(page).not.toContain('Spara rekvisition');
    expect(page).not.toContain('Ändra uppgifter om insatsen');
  });

  it('is a real test: the kansli may write the same routes', async () => {
    const kansli = await loginAs(app, w.users.kansli);
    const res = await kansli.request(`/f/${w.federationId}/insatser/${ids.id}/rekvisitioner`, {
      method: 'POST',
      body: new URLSearchParams({ date: '2025-02-01', amount: '1000', note: 'test' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
  });
});
