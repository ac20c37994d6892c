import type { Context, MiddlewareHandler } from 'hono';
import type { Actor, Database } from '../db/database.ts';
import { ForbiddenError, NotFoundError } from '../core/errors.ts';

/**
 * The one place where every request learns who acts and in which förbund. Access rules live here (and in
 * the permission check routes call through `ctx.can` / `requirePermission`), never in the UI.
 */
export type Permission =
  | 'federation:read'
  | 'economy:read'
  | 'economy:write'
  | 'ledger:write'
  | 'interventions:read'
  | 'interventions:write'
  | 'participants:write'
  | 'statistics:read'
  | 'audit:read'
  | 'admin';

export interface ActingUser {
  readonly id: string;
  readonly displayName: string;
}

export interface FederationRef {
  readonly id: number;
  readonly name: string;
}

export interface RequestContext {
  readonly user: ActingUser;
  /** Set on routes under a förbund (/f/:federationId/… and /api/federations/:federationId/…). */
  readonly federation: FederationRef | null;
  readonly actor: Actor;
  can(permission: Permission, scope?: { federationId?: number; interventionId?: number }): boolean;
}

export interface AppEnv {
  Variables: { ctx: RequestContext; db: Database };
}

/**
 * Who the user is. Until logins exist every request acts as the local single user of an embedded
 * installation, with every permission; authentication replaces this function and nothing else.
 */
async function resolveUser(_c: Context<AppEnv>): Promise<{ user: ActingUser; can: RequestContext['can'] }> {
  return { user: { id: 'local', displayName: 'Lokal användare' }, can: () => true };
}

/** Routes under a förbund: /f/:federationId/… (pages) and /api/federations/:federationId/… (API). */
export function federationIdInPath(path: string): string | null {
  const m = /^\/(?:f|api\/federations)\/([^/]+)(?:\/|$)/.exec(path);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function contextMiddleware(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('db', db);
    const { user, can } = await resolveUser(c);
    const raw = federationIdInPath(c.req.path);
    let federation: FederationRef | null = null;
    if (raw !== null) {
      const id = Number(raw);
      const rows = Number.isSafeInteger(id)
        ? await db.query<FederationRef>('select id, name from federation where id = $1', [id])
        : [];
      // An unknown förbund and one the user may not see look the same: 404.
      if (!rows[0] || !can('federation:read', { federationId: id })) throw new NotFoundError('Förbundet finns inte.');
      federation = rows[0];
    }
    c.set('ctx', {
      user,
      federation,
      actor: { id: user.id, federationId: federation?.id ?? null },
      can: (p, scope) => can(p, { federationId: federation?.id, ...scope }),
    });
    await next();
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
