import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { loginAs } from './support/auth.ts';
import { seedRoleWorld, type RoleWorld } from './support/roles.ts';
import { fillRoute, registeredRoutes } from './support/routes.ts';
import { createApp } from '../src/http/app.tsx';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const roles = ['kansli', 'styrelse', 'revisor', 'insats', 'national', 'admin'] as const;

/**
 * Every GET route of the app, opened as every role, against ONE table of what each role may open.
 * A cell is `+` (opens: the page, a redirect, or "not found" for an id the förbund lacks — never 403) or `-`
 * (refused, 403). Columns in the order of `roles`: kansli, styrelse, revisor, insats, national reader, system
 * administrator. Ids in the path are the insats user's own intervention, so the insats column says what its
 * own intervention's staff may open. Written from the rules (docs/…, src/core/access/permissions.ts), not
 * from the code's answers; a new GET route fails the test until it has a row.
 */
const expected: Record<string, string> = {
  //                                                            kansli styrelse revisor insats national admin
  "/static/app.css": '++++++',
  "/healthz": '++++++',
  "/": '++++++',
  "/api/federations": '++++++',
  "/api/federations/:federationId/settings": '+++---',
  "/api/federations/:federationId/members": '+++---',
  "/api/federations/:federationId/budget-lines": '+++---',
  "/api/federations/:federationId/years": '+++---',
  "/api/federations/:federationId/applications": '+++---',
  "/api/federations/:federationId/applications/:appId": '+++---',
  "/api/federations/:federationId/meetings/:mid": '+++---',
  "/api/federations/:federationId/protocols": '+++---',
  "/api/federations/:federationId/preparation-criteria": '+++---',
  "/api/federations/:federationId/applications/:appId/preparation": '+++---',
  "/api/federations/:federationId/delegation": '+++---',
  "/api/federations/:federationId/years/:year/key-figures": '+++---',
  "/api/federations/:federationId/years/:year/overview": '+++---',
  "/api/federations/:federationId/years/:year/operating-statement": '+++---',
  "/api/federations/:federationId/years/:year/export/:file": '+++---',
  "/api/federations/:federationId/years/:year/allocation": '+++---',
  "/api/federations/:federationId/years/:year/budget": '+++---',
  "/api/federations/:federationId/years/:year/outcome": '+++---',
  "/f/:federationId": '+++---',
  "/f/:federationId/ar/:year/driftredovisning": '+++---',
  "/f/:federationId/ar/:year/nyckeltal": '+++---',
  "/f/:federationId/driftredovisning": '+++---',
  "/f/:federationId/nyckeltal": '+++---',
  "/f/:federationId/budget": '+++---',
  "/f/:federationId/utfall": '+++---',
  "/f/:federationId/medelstilldelning": '+++---',
  "/f/:federationId/ar/:year/budget": '+++---',
  "/f/:federationId/ar/:year/budget/post/:lineId": '+-----',
  "/f/:federationId/medlemmar": '+++---',
  "/f/:federationId/ansokningar": '+++---',
  "/f/:federationId/ansokningar/ny": '+-----',
  "/f/:federationId/ansokningar/:appId": '+++---',
  "/f/:federationId/moten": '+++---',
  "/f/:federationId/moten/:mid": '+++---',
  "/f/:federationId/moten/:mid/kallelse": '+++---',
  "/f/:federationId/moten/:mid/protokoll": '+++---',
  "/f/:federationId/medlemmar/:memberId": '+-----',
  "/f/:federationId/ar/:year/medelstilldelning": '+++---',
  "/f/:federationId/ar/:year/utfall": '+++---',
  "/f/:federationId/ar/:year/utfall/kalla/:lineId": '+++---',
  "/f/:federationId/ar/:year/utfallsmall.xlsx": '+++---',
  "/f/:federationId/ar/:year/utfallsmall.csv": '+++---',
  "/f/:federationId/installningar": '+++---',
  "/f/:federationId/periodisering": '+++---',
  "/f/:federationId/budgetposter/:lineId": '+-----',
  "/f/:federationId/ar/:year/budget/tillaggsbudget/:revisionId": '+-----',
  "/f/:federationId/ledger/mapping/:id": '+-----',
  "/login": '++++++',
  "/account": '++++++',
  "/login/oidc": '++++++',
  "/login/oidc/callback": '++++++',
  "/login/code": '++++++',
  "/api/federations/:federationId/internal-control/:year": '+++---',
  "/api/federations/:federationId/registry": '+++---',
  "/diarium/:federationId": '++++++',
  "/f/:federationId/diarium": '+++---',
  "/f/:federationId/diarium/:entryId": '+-----',
  "/f/:federationId/dokumenthanteringsplan": '+++---',
  "/f/:federationId/dokumenthanteringsplan/:code": '+-----',
  "/f/:federationId/internkontroll": '+++---',
  "/f/:federationId/tillganglighet": '+-----',
  "/tillganglighet": '++++++',
  "/tillganglighet/:federationId": '++++++',
  "/login/enrol": '++++++',
  "/account/mfa": '++++++',
  "/f/:federationId/users": '+----+',
  "/api/federations/:federationId/users": '+----+',
  "/f/:federationId/users/:userId": '+----+',
  "/admin/users": '-----+',
  "/admin/users/:userId": '-----+',
  "/admin/federations": '-----+',
  "/admin/federations/:federationId": '-----+',
  "/inbjudan": '++++++',
  "/aterstall": '++++++',
  "/f/:federationId/audit": '+-+---',
  "/f/:federationId/audit.xlsx": '+-+---',
  "/api/federations/:federationId/audit": '+-+---',
  "/f/:federationId/insatser": '++++++',
  "/f/:federationId/insatser/:id": '++++--',
  "/f/:federationId/strukturaktiviteter": '++++--',
  "/f/:federationId/insatser/:id/deltagare": '+--+--',
  "/f/:federationId/insatser/:id/deltagare/mall.csv": '+--+--',
  "/f/:federationId/insatser/:id/deltagare/:pid/avsluta": '+--+--',
  "/f/:federationId/statistik": '+++-+-',
  "/f/:federationId/insatser/:id/statistik": '++++--',
  "/f/:federationId/insatser/:id/:file{uppfoljning-[0-9]{4}\\.(csv|xlsx)}": '++++--',
  "/api/federations/:federationId/interventions": '++++++',
  "/api/federations/:federationId/interventions/:id": '++++--',
  "/api/federations/:federationId/interventions/:id/participations": '+--+--',
  "/api/federations/:federationId/interventions/:id/participations/:pid/progression": '+--+--',
  "/api/federations/:federationId/statistics": '+++-+-',
  "/api/federations/:federationId/activities": '++++--',
  "/f/:federationId/insatser/:id/beslut/:rowId": '+-----',
  "/f/:federationId/insatser/:id/rekvisitioner/:rowId": '+-----',
  "/f/:federationId/insatser/:id/bemanning/:rowId": '+-----',
  "/f/:federationId/mal/:goalId": '+-----',
  "/f/:federationId/insatser/:id/deltagare/:pid": '+--+--',
  "/f/:federationId/strukturaktiviteter/:activityId": '+-----',
  "/f/:federationId/ledger": '+++---',
  "/api/federations/:federationId/ledger/imports": '+++---',
  "/f/:federationId/ledger/statements": '+++---',
  "/f/:federationId/ledger/statements.csv": '+++---',
  "/f/:federationId/ledger/statements.xlsx": '+++---',
  "/api/federations/:federationId/ledger/statements": '+++---',
  "/f/:federationId/ledger/mapping": '+++---',
  "/api/federations/:federationId/ledger/mapping": '+++---',
  "/api/federations/:federationId/ledger/outcome": '+++---',
  "/f/:federationId/rapporter/arsredovisning": '+++---',
  "/f/:federationId/rapporter/delarsrapport": '+++---',
  "/f/:federationId/rapporter/handlingar": '+++---',
  "/f/:federationId/arsredovisning": '+++---', // board register, meeting items, chapter status and authors: kansli, styrelse, revisor only
  "/f/:federationId/arsredovisning/:year/text/:chapter": '+++---',
  "/f/:federationId/styrelse": '+++---', // board register, meeting items, chapter status and authors: kansli, styrelse, revisor only
  "/f/:federationId/styrelse/ledamot/:id": '+-----',
  "/f/:federationId/styrelse/mote/:id": '+++---', // board register, meeting items, chapter status and authors: kansli, styrelse, revisor only
  "/f/:federationId/styrelse/mote/:id/arende/:itemId": '+-----',
  "/f/:federationId/enkater": '+++---',
  "/f/:federationId/enkater/:roundId{[0-9]+}": '+-----',
  "/f/:federationId/enkater/:roundId{[0-9]+}/affisch": '+-----',
  "/f/:federationId/enkater/:roundId{[0-9]+}/affisch.pdf": '+-----',
  "/f/:federationId/enkater/:roundId{[0-9]+}/papper": '+-----',
  "/f/:federationId/enkater/:roundId{[0-9]+}/resultat": '+++---',
  "/f/:federationId/enkater/:roundId{[0-9]+}/:file{resultat\\.(csv|xlsx)}": '+++---',
  "/f/:federationId/enkater/jamforelse": '+++---',
  "/f/:federationId/enkater/fragor": '+++---',
  "/f/:federationId/enkater/fragor/:setId{[0-9]+}/ny-version": '+-----',
  "/e/:token": '++++++',
  "/nationell": '+---+-',
  "/nationell/ekonomi": '+---+-',
  "/nationell/kon-och-avslut": '+---+-',
  "/nationell/trender": '+---+-',
  "/nationell/statistik.csv": '+---+-',
  "/api/national/statistics": '+---+-',
  "/nationell/fordelning": '+---+-',
  "/nationell/fordelning.csv": '+---+-',
  "/api/national/allocation": '+---+-',
  "/katalog": '++++++',
  "/katalog/lan/:county": '++++++',
  "/katalog/:federationId{[0-9]+}": '++++++',
  "/katalog/:federationId{[0-9]+}/insats/:interventionId{[0-9]+}": '++++++',
  "/katalog/:federationId{[0-9]+}/anslag": '++++++',
  "/katalog/:federationId{[0-9]+}/inbaddning": '++++++',
  "/api/katalog/:federationId{[0-9]+}": '++++++',
  "/f/:federationId/katalog": '++++++',
  "/f/:federationId/insatser/:id{[0-9]+}/katalog": '+--+--',
  // E-mail: the förbund's outbox and reminders are the kansli's (mail:manage).
  "/f/:federationId/epost": '+-----',
  "/api/federations/:federationId/mail": '+-----',
  // Part 16: follow-up after exit (the intervention's own staff and the kansli), progression, value per member, Uppföljning Finsam
  "/f/:federationId/insatser/:id/uppfoljning": '+--+--',
  "/f/:federationId/insatser/:id/deltagare/:pid/uppfoljning": '+--+--',
  "/api/federations/:federationId/interventions/:id/follow-ups/due": '+--+--',
  "/f/:federationId/insatser/:id/progression": '++++--',
  "/f/:federationId/insatser/:id/progression.csv": '++++--',
  "/api/federations/:federationId/interventions/:id/progression-aggregates": '++++--',
  "/f/:federationId/progression": '+-----',
  "/f/:federationId/nytta": '+++---',
  "/api/federations/:federationId/value": '+++---',
  "/f/:federationId/finsam": '+++---',
  "/f/:federationId/finsam.xlsx": '+++---',
};

describe('every GET route as every role', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let w: RoleWorld;
  beforeAll(async () => {
    db = await createTestDb();
    w = await seedRoleWorld(db);
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  it('answers each role as the table says', async () => {
    const routes = registeredRoutes(app).filter((r) => r.method === 'GET' && r.path.startsWith('/'));
    const observed: Record<string, string> = {};
    for (const role of roles) {
      const s = await loginAs(app, w.users[role]);
      for (const r of routes) {
        const path = fillRoute(r.path.replace(/:file\{uppfoljning.*?\)\}/, 'uppfoljning-2025.csv').replace(/:file\{resultat.*?\)\}/, 'resultat.csv'), w.federationId, w.ownInterventionId);
        const res = await s.request(path);
        await res.arrayBuffer();
        const cell = res.status === 403 ? '-' : res.status >= 500 ? '!' : '+';
        observed[r.path] = (observed[r.path] ?? '') + cell;
      }
    }
    expect(observed).toEqual(expected);
  }, 600_000);
});
