import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createTestDb } from './support/db.ts';
import { addTestUser, loginAs, type TestSession } from './support/auth.ts';
import { federationRowIds, fillRoute, registeredRoutes } from './support/routes.ts';
import { createApp } from '../src/http/app.tsx';
import { parseReference } from '../src/importers/reference/parseReference.ts';
import { writeReference } from '../src/importers/reference/importReference.ts';
import { seedInterventionDemo } from '../src/services/interventions/demo/loadInterventionDemo.ts';

/**
 * No input anywhere produces a 500: every route the app registers (walked, so routes other areas add are
 * covered) gets random values — control characters, huge numbers, empty, unicode, wrong JSON types, broken
 * ids — as a logged-in kansli, and may answer only 2xx, 3xx or 4xx.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

/** Field names the forms and the API use, so random values reach the validators and not only "unknown field". */
const fieldNames = [
  'year', 'ar', 'name', 'kind', 'label', 'section', 'amount', 'decided', 'decisionDate', 'reference', 'date', 'note', 'memberId', 'role', 'fte',
  'area', 'text', 'assessment', 'comment', 'gender', 'ageBand', 'homeMunicipality', 'referringMemberId', 'supportBefore', 'supportDuration',
  'education', 'startDate', 'endDate', 'exitOutcome', 'supportAfter', 'interventionId', 'participants', 'sessions', 'dayLength', 'firstDate',
  'lastDate', 'evaluationScore', 'scopeNote', 'targetGroup', 'periodStart', 'periodEnd', 'capacity', 'ownerMemberId', 'budgetLineId',
  'municipalitiesServed', 'participatingMemberIds', 'steeringGroup', 'income', 'cost', 'month', 'lineId', 'allocation', 'decidedOn', 'decision',
  'adoptedOn', 'accounts', 'object', 'sortOrder', 'email', 'password', 'lines', 'contributions', 'weights', 'stateShareBp', 'regionShareBp',
  'municipalitiesShareBp', 'municipalBasis', 'data', 'fileName', 'predecessor', 'indicator', 'score', 'measuredOn', 'openingEquity', 'employees',
  'new-section', 'new-label', 'new-income', 'new-cost', 'region', 'municipalities', 'basis', 'minCellSize', 'equityFloor', 'equityCap',
];

const nasty = fc.constantFrom(
  '', ' ', '0', '-1', '-0', '1e308', '99999999999999999999999', '10000000000,01', '9007199254740993', 'NaN', 'Infinity', '2025-02-30', '0000-00-00',
  '9999-12-31', '2025-13-01', '1,5', '2,5', '1 250 000', '−5 000', '\u0000', '\u0007\u001b[0m', 'a\u0085b', '\ud800', '🙂', 'Å'.repeat(5000), '811228-9874',
  '<script>alert(1)</script>', "'; drop table member; --", '%00', '../../etc/passwd', 'true', 'null', '[]', '{}',
);
const text = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.integer().map(String), fc.double().map(String));
const jsonValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

/** Percent-encodes UTF-8 (lone surrogates become U+FFFD, as a browser would send them). */
function encodePath(s: string): string {
  return [...new TextEncoder().encode(s)].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** A request: form fields (pages) or a JSON body (API), and sometimes a broken id in the path. */
const requestInput = fc.record({
  fields: fc.dictionary(key, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 12 }),
  json: fc.oneof({ weight: 6, arbitrary: fc.dictionary(key, jsonValue, { maxKeys: 12 }) }, { weight: 1, arbitrary: jsonValue }),
  brokenId: fc.option(
    fc.oneof(
      nasty.map(encodePath),
      fc.string({ maxLength: 20 }).map(encodePath),
      // Malformed percent-encoding, as a client may send it.
      fc.constantFrom('%', '%E0%A4%A', '%C0%AF', '%ZZ', '%00', '%2e%2e', '%FF%FE'),
    ),
    { freq: 4 },
  ),
  query: fc.option(fc.dictionary(fc.constantFrom('ar', 'year', 'sparat', 'detalj', 'format', 'fileName', 'predecessor', 'manad', 'next'), text, { maxKeys: 3 }), { freq: 3 }),
});

describe('no input produces a server error', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let session: TestSession;
  let fid: number;
  let ids: number[];

  beforeAll(async () => {
    db = await createTestDb();
    const reference = parseReference(readFileSync('test/fixtures/vastmanland.import.json', 'utf8'), 'vastmanland.import.json');
    fid = await db.transaction(async (tx) => {
      const { federationId } = await writeReference(tx, reference);
      await seedInterventionDemo(tx, federationId);
      return federationId;
    }, { id: 'test' });
    await addTestUser(db, { email: 'kansli@test.se', federationId: fid, role: 'kansli' });
    app = createApp({ db });
    session = await loginAs(app, 'kansli@test.se');
    ids = await federationRowIds(db, fid, true);
  }, 120_000);
  afterAll(() => db?.drop());

  it('a malformed year in the path is 400 on every page and API that takes one; a year the förbund does not have is 404', async () => {
    const routes = registeredRoutes(app).filter((r) => r.method === 'GET' && /:year\b/.test(r.path));
    expect(routes.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const r of routes) {
      const withYear = (year: string) => fillRoute(r.path.replace(/:year(\{[^}]*\})?/, year).replace(':file', 'driftredovisning.csv'), fid, ids[0]!);
      for (const bad of ['abc', '20255', '0999', '2025.0']) {
        const res = await session.request(withYear(bad));
        await res.arrayBuffer();
        if (res.status !== 400) wrong.push(`${r.path} year ${bad}: ${res.status}`);
      }
      const res = await session.request(withYear('2999'));
      await res.arrayBuffer();
      if (res.status !== 404) wrong.push(`${r.path} year 2999: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('every registered route answers random values with 2xx, 3xx or 4xx', async () => {
    // Routes that end the test's own session are left out (they answer 3xx for any input anyway).
    const routes = registeredRoutes(app).filter((r) => !/logout|password/.test(r.path));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let fresh = 0;
    for (const route of routes) {
      const result = await fc.check(
        fc.asyncProperty(requestInput, fc.constantFrom(...ids), async (input, otherId) => {
          let path = fillRoute(route.path, fid, otherId);
          if (input.brokenId !== null) path = route.path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, (_m, name: string) => (name === 'federationId' ? String(fid) : input.brokenId!));
          if (input.query) path += `?${new URLSearchParams(Object.entries(input.query)).toString()}`;
          const init: RequestInit = { method: route.method };
          if (route.method !== 'GET' && route.method !== 'HEAD') {
            if (path.startsWith('/api/')) {
              init.body = JSON.stringify(input.json);
              init.headers = { 'content-type': 'application/json' };
            } else {
              const form = new URLSearchParams();
              for (const [k, v] of Object.entries(input.fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
              init.body = form.toString();
              init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
            }
          }
          const res = await session.request(path, init);
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          return res.status < 500;
        }),
        { numRuns: Number(process.env.NO500_RUNS ?? 6), endOnFailure: true },
      );
      if (result.failed) failures.push(`${route.method} ${route.path}: ${JSON.stringify(result.counterexample)}`);
      // A route that ended the session or the kansli's role (e.g. removing users, signing out) is fine; the walk
      // goes on as a fresh kansli so every later route is still reached with the widest role.
      if ((await session.request(`/f/${fid}/insatser`)).status !== 200) {
        const email = `kansli${++fresh}@test.se`;
        await addTestUser(db, { email, federationId: fid, role: 'kansli' });
        session = await loginAs(app, email);
      }
    }
    if (process.env.NO500_STATS) console.log(routes.length, 'routes', [...statuses].sort());
    expect(failures).toEqual([]);
    // The walk reached the routes as the kansli (not only refusals): many answers are 2xx/3xx.
    expect([...statuses].filter(([s]) => s < 400).reduce((a, [, n]) => a + n, 0)).toBeGreaterThan(routes.length);
  }, 600_000);
});
