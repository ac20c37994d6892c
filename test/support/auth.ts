import type { Hono } from 'hono';
import type { Database } from '../../src/db/database.ts';
import type { FederationRole } from '../../src/core/access/permissions.ts';
import { createUser } from '../../src/services/auth/users.ts';

/** The password every test user gets. */
export const testPassword = 'korrekt-häst-batteri-häftapparat';

export async function addTestUser(
  db: Database,
  u: { email: string; federationId?: number; role?: FederationRole; interventionIds?: number[]; admin?: boolean; national?: boolean },
) {
  return createUser(db, { ...u, password: testPassword }, { id: 'test' });
}

/** Interventions with the given ids in a förbund, for assigning insats users to them. */
export async function addTestInterventions(db: Pick<Database, 'query'>, federationId: number, ids: readonly number[]): Promise<void> {
  for (const id of ids) {
    await db.query(
      "insert into intervention (id, federation_id, name, kind, period_start) values ($1, $2, $3, 'individual', '2025-01-01')",
      [id, federationId, `Testinsats ${id}`],
    );
  }
}

/** The cookies a response sets, as name → value. */
export function setCookies(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('No CSRF field in the page.');
  return m[1]!;
}

export interface TestSession {
  readonly cookie: string;
  readonly csrf: string;
  /** A request with the session cookie; state-changing ones carry the CSRF header unless told not to. */
  request(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
}

/** Posts the login form as a fresh visitor (with the visitor's CSRF cookie and field) and returns the answer. */
export async function postLogin(app: Hono<any>, email: string, password: string, next = '/'): Promise<Response> {
  const page = await app.request('/login');
  const anon = setCookies(page).samordna_csrf!;
  return app.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password, _csrf: csrfFrom(await page.text()), next }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `samordna_csrf=${anon}` },
  });
}

/** Logs in through the real login form (CSRF cookie and field included) and returns the session. */
export async function loginAs(app: Hono<any>, email: string, password = testPassword): Promise<TestSession> {
  const res = await postLogin(app, email, password);
  if (res.status !== 303) throw new Error(`Login as ${email} failed: ${res.status}`);
  const token = setCookies(res).samordna_session!;
  const cookie = `samordna_session=${token}`;
  const account = await app.request('/account', { headers: { cookie } });
  const csrf = csrfFrom(await account.text());
  return {
    cookie,
    csrf,
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      const method = (init.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD' && init.csrf !== false) headers.set('x-csrf-token', csrf);
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
  };
}

/** GET as the session, following local redirects (at most five): the final path and response. */
export async function openFollowingRedirects(s: TestSession, path: string): Promise<{ path: string; status: number; html: string }> {
  let url = path;
  for (let hops = 0; hops < 5; hops++) {
    const res = await s.request(url);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, 'http://x');
      url = next.pathname + next.search;
      continue;
    }
    return { path: url, status: res.status, html: await res.text() };
  }
  throw new Error(`Too many redirects from ${path}`);
}
