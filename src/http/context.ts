import type { Context, MiddlewareHandler } from 'hono';
import type { Actor, Database } from '../db/database.ts';
import { ForbiddenError, NotFoundError } from '../core/errors.ts';
import { can as canDo, interventionsAllowed, localPrincipal, type Permission, type Principal } from '../core/access/permissions.ts';
import { findRequestSession } from '../services/auth/sessions.ts';
import { findFederationRef } from '../services/federations/federations.ts';
import { countUsers, interventionNames } from '../services/auth/users.ts';
import { newToken } from '../services/tokens.ts';
import { anonCsrfCookie, readCookie, sessionCookie, setHttpOnlyCookie, clearCookie } from './security/cookies.ts';
import { checkCsrf } from './security/csrf.ts';

/**
 * The one place where every request learns who acts and in which förbund. Access rules live in
 * src/core/access (pure) and are applied here and through `ctx.can` / `requirePermission`, never in the UI.
 *
 * Three ways to be here:
 * - `session`: a logged-in user (cookie), with the roles the database gives them;
 * - `local`: the installation has no user accounts at all (the laptop and the demo): the request acts as
 *   the local administrator with every permission. As soon as one account exists, login is required;
 * - `anonymous`: accounts exist but no session: only the public paths (login page, styles, health check)
 *   are reachable; pages redirect to the login page, the API answers 401.
 */
export type { Permission } from '../core/access/permissions.ts';

export interface ActingUser {
  /** What the audit trail records: the user's e-mail, or "local" for the local single user. */
  readonly id: string;
  readonly displayName: string;
  /** The account's id (null for the local single user and anonymous visitors). */
  readonly userId: number | null;
}

export interface FederationRef {
  readonly id: number;
  readonly name: string;
}

export type AccessMode = 'session' | 'local' | 'anonymous';

export interface RequestContext {
  readonly user: ActingUser;
  /** Set on routes under a förbund (/f/:federationId/… and /api/federations/:federationId/…). */
  readonly federation: FederationRef | null;
  readonly actor: Actor;
  readonly mode: AccessMode;
  readonly principal: Principal;
  /** The CSRF token every form of this response must post back (see csrfField in security/csrfField.tsx). */
  readonly csrfToken: string;
  /** Hash of the session token (to end this session); null without a session. */
  readonly sessionHash: string | null;
  /**
   * The year's figures version read with the session (same statement, start of the request): pass it to
   * getYearFigures as `knownVersion` to save its own check. Null when not read (no session).
   */
  readonly figuresVersion: string | null;
  can(permission: Permission, scope?: { federationId?: number; interventionId?: number }): boolean;
  /**
   * For lists of interventions (and their participants, activities, statistics) in this förbund: 'all', or
   * the ids of the interventions the user may see with this permission (the insats role). Filter rows by it.
   */
  interventions(permission: Permission): 'all' | readonly number[];
  /** The insats role's own interventions in this förbund (for its menu and start page); empty for other roles. */
  readonly assignedInterventions: readonly AssignedIntervention[];
}

export interface AssignedIntervention {
  readonly id: number;
  readonly name: string;
  readonly kind: string;
}

export interface AppEnv {
  Variables: { ctx: RequestContext; db: Database };
}

/** Paths anyone may reach without logging in. */
export function isPublicPath(path: string): boolean {
  return path === '/login' || path === '/inbjudan' || path === '/aterstall' || path === '/login/oidc' || path === '/login/oidc/callback' || path === '/login/code' || path === '/login/enrol' || path === '/healthz' || path.startsWith('/static/') || isSurveyAnswerPath(path) || isPublicRecordsPath(path);
}

/**
 * A förbund's public duties as an authority (issue 22): its public registry and the form to request a public
 * document (/diarium/ID, /diarium/ID/begaran), and the accessibility statements (/tillganglighet/ID, and /tillganglighet listing every förbund's). These
 * paths only: the routes show what may be public and write nothing but a request's registry entry.
 */
export function isPublicRecordsPath(path: string): boolean {
  return /^\/diarium\/[0-9]{1,9}(\/begaran)?$/.test(path) || /^\/tillganglighet(\/[0-9]{1,9})?$/.test(path);
}

/**
 * The public answer pages of the indicator surveys: /e/TOKEN. Exactly one path segment of lower-case
 * letters and digits and nothing below it, so no other page can become public through this rule. They carry no förbund in the path and get no permissions: an
 * anonymous visitor there is still `anonymous` with no rights; the routes check only the token.
 */
export function isSurveyAnswerPath(path: string): boolean {
  return /^\/e\/[a-z0-9]{1,64}$/.test(path);
}

/**
 * The public catalogue of interventions (issue 12): read-only pages and open data that case workers reach
 * without an account. Only GET/HEAD, only these paths; the routes show nothing but entries marked public and
 * suppressed statistics. Everything else keeps requiring a login.
 */
export function isPublicCataloguePath(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && /^\/(katalog|api\/katalog)(\/|$)/.test(path);
}

const nobody: Principal = { local: false, admin: false, national: false, federations: new Map() };

interface Resolved {
  user: ActingUser;
  principal: Principal;
  mode: AccessMode;
  csrfToken: string;
  sessionHash: string | null;
  /** With a session: the path's förbund as read with it (undefined: not read, look it up). */
  federation?: FederationRef | null;
  figuresVersion: string | null;
}

/**
 * Who the user is: the session cookie's user, the local single user, or nobody. With a session, the path's
 * förbund (`federationId`) and the figures version come in the same statement (one round trip per request).
 */
async function resolveUser(c: Context<AppEnv>, db: Database, federationId: number | null): Promise<Resolved> {
  const token = readCookie(c, sessionCookie);
  if (token) {
    const r = await findRequestSession(db, token, federationId);
    if (r) {
      const s = r.session;
      return {
        user: { id: s.user.email, displayName: s.user.displayName, userId: s.user.id },
        principal: s.principal,
        mode: 'session',
        csrfToken: s.csrfToken,
        sessionHash: s.tokenHash,
        federation: r.federation,
        figuresVersion: r.figuresVersion,
      };
    }
    clearCookie(c, sessionCookie);
  }
  // The public catalogue needs no visitor state: no database lookup, no cookie (its pages have no forms that post).
  if (isPublicCataloguePath(c.req.method, c.req.path)) {
    return { user: { id: 'anonymous', displayName: 'Ej inloggad', userId: null }, principal: nobody, mode: 'anonymous', csrfToken: '', sessionHash: null, figuresVersion: null };
  }
  let anonToken = readCookie(c, anonCsrfCookie);
  if (!anonToken) {
    anonToken = newToken();
    setHttpOnlyCookie(c, anonCsrfCookie, anonToken);
  }
  if ((await countUsers(db)) === 0) {
    return { user: { id: 'local', displayName: 'Lokal administratör', userId: null }, principal: localPrincipal, mode: 'local', csrfToken: anonToken, sessionHash: null, figuresVersion: null };
  }
  return { user: { id: 'anonymous', displayName: 'Ej inloggad', userId: null }, principal: nobody, mode: 'anonymous', csrfToken: anonToken, sessionHash: null, figuresVersion: null };
}

/** Routes under a förbund: /f/:federationId/… (pages) and /api/federations/:federationId/… (API). */
export function federationIdInPath(path: string): string | null {
  const m = /^\/(?:f|api\/federations)\/([^/]+)(?:\/|$)/.exec(path);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function contextMiddleware(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('db', db);
    const raw = federationIdInPath(c.req.path);
    const pathId = raw === null ? null : Number(raw);
    const r = await resolveUser(c, db, pathId !== null && Number.isSafeInteger(pathId) ? pathId : null);
    if (r.mode === 'anonymous' && !isPublicPath(c.req.path) && !isPublicCataloguePath(c.req.method, c.req.path)) {
      if (c.req.path.startsWith('/api/')) return c.json({ error: 'Du behöver logga in.' }, 401);
      const wanted = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/';
      return c.redirect(`/login?next=${encodeURIComponent(wanted)}`, 303);
    }
    await checkCsrf(c, r.csrfToken, r.mode, isSurveyAnswerPath(c.req.path));
    const can = (p: Permission, scope?: { federationId?: number; interventionId?: number }) => canDo(r.principal, p, scope);
    let federation: FederationRef | null = null;
    if (pathId !== null) {
      const id = pathId;
      // An unknown förbund and one the user may not see look the same: 404.
      if (!Number.isSafeInteger(id) || !can('federation:read', { federationId: id })) throw new NotFoundError('Förbundet finns inte.');
      const found = r.federation !== undefined ? r.federation : await findFederationRef(db, id);
      if (!found) throw new NotFoundError('Förbundet finns inte.');
      federation = found;
    }
    let assignedInterventions: AssignedIntervention[] = [];
    const grant = federation ? r.principal.federations.get(federation.id) : undefined;
    if (federation && grant?.role === 'insats' && grant.interventionIds.length) {
      assignedInterventions = await interventionNames(db, federation.id, grant.interventionIds);
    }
    c.set('ctx', {
      user: r.user,
      federation,
      mode: r.mode,
      principal: r.principal,
      csrfToken: r.csrfToken,
      sessionHash: r.sessionHash,
      figuresVersion: r.figuresVersion,
      actor: { id: r.user.id, federationId: federation?.id ?? null },
      can: (p, scope) => can(p, { federationId: federation?.id, ...scope }),
      interventions: (p) => (federation ? interventionsAllowed(r.principal, p, federation.id) : []),
      assignedInterventions,
    });
    await next();
    // Pages and data behind a login are not kept by browsers or proxies.
    if (r.mode === 'session' && !c.res.headers.has('cache-control')) {
      // Set on the response's own headers: c.header() after the response is made would copy it into a new one
      // through its body stream (a full fetch Response and a streamed body for every page view).
      try {
        c.res.headers.set('cache-control', 'private, no-store');
      } catch {
        c.header('cache-control', 'private, no-store');
      }
    }
  };
}

export function requirePermission(c: Context<AppEnv>, permission: Permission, scope?: { interventionId?: number }): RequestContext {
  const ctx = c.get('ctx');
  if (!ctx.can(permission, scope)) throw new ForbiddenError();
  return ctx;
}

export function requireFederation(c: Context<AppEnv>): FederationRef {
  const f = c.get('ctx').federation;
  if (!f) throw new NotFoundError('Förbundet finns inte.');
  return f;
}
