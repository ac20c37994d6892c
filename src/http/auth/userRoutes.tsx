import { Hono, type Context } from 'hono';
import { pathId } from '../kit/params.ts';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { confirmRemoval } from '../kit/removal.tsx';
import { formTextFields } from '../kit/requestBody.ts';
import type { FieldErrors } from '../kit/form.tsx';
import { UserPage, UsersPage, type UserPageModel, type UsersPageModel } from './usersPages.tsx';
import { factorsOf } from '../../services/auth/secondFactor.ts';
import { AdminUserPage, AdminUsersPage, type AdminUserPageModel, type AdminUsersPageModel } from './adminPages.tsx';
import type { OneTimeLink } from './linkNotice.tsx';
import { describeProblem, InputError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/input/index.ts';
import type { Database } from '../../db/database.ts';
import { listFederationUsers, listUsers } from '../../services/auth/users.ts';
import {
  changeFederationRole,
  createInstallationAccount,
  createPasswordReset,
  decideInvitation,
  inviteToFederation,
  listInvitations,
  listManagedUsers,
  listPendingApprovals,
  removeRole,
  revokeInvitation,
  setDisabled,
  setInstallationKinds,
  type Manager,
} from '../../services/auth/accounts.ts';
import { listInterventions } from '../../services/interventions/interventions.ts';
import { resetHours } from '../../core/access/accountRules.ts';
import { mailIsOn } from '../../services/mail/config.ts';

/** The förbund's interventions by id and name, for the role fields. */
async function interventionNames(db: Database, federationId: number) {
  return (await listInterventions(db, federationId)).map((i) => ({ id: i.id, name: i.name }));
}

/** The förbund's users, open invitations and interventions; `form` is a refused invitation or the link just made. */
export async function loadUsersPage(db: Database, federation: FederationRef, form: Pick<UsersPageModel, 'error' | 'fieldErrors' | 'link' | 'values'> = {}): Promise<UsersPageModel> {
  const [users, invitations, interventions] = await Promise.all([listManagedUsers(db, federation.id), listInvitations(db, federation.id), interventionNames(db, federation.id)]);
  return { federation, users, invitations, interventions, mailOn: mailIsOn(), ...form };
}

/** One user with a role in the förbund (404 for anyone else); `extra` is a refused role change or the link just made. */
export async function loadUserPage(db: Database, federation: FederationRef, userId: number, admin: boolean, extra: Pick<UserPageModel, 'error' | 'fieldErrors' | 'link'> = {}): Promise<UserPageModel> {
  const user = (await listManagedUsers(db, federation.id)).find((x) => x.id === userId);
  if (!user) throw new NotFoundError('Användaren finns inte.');
  return { federation, user, interventions: await interventionNames(db, federation.id), admin, ...extra };
}

/** Every account of the installation and the invitations of existing accounts waiting for approval; `selfUserId` is the administrator looking. */
export async function loadAdminUsersPage(db: Database, selfUserId: number | null, link?: OneTimeLink): Promise<AdminUsersPageModel> {
  const [users, pending] = await Promise.all([listUsers(db), listPendingApprovals(db)]);
  return { users, pending, selfUserId, link };
}

/** One account of the installation (404 when there is none); `selfUserId` is the administrator looking. */
export async function loadAdminUserPage(db: Database, userId: number, selfUserId: number | null, link?: OneTimeLink): Promise<AdminUserPageModel> {
  const user = (await listUsers(db)).find((x) => x.id === userId);
  if (!user) throw new NotFoundError('Användaren finns inte.');
  return { user, own: selfUserId === user.id, link, totpSince: (await factorsOf(db, user.id)).totpSince };
}

/** The system administrator manages every account; a kansli those of its own förbund. */
function managerOf(ctx: RequestContext, federationId: number): Manager {
  return ctx.can('admin') ? { kind: 'admin' } : { kind: 'kansli', federationId };
}

/** This site's address (SAMORDNA_PUBLIC_URL when the site is reached through another name). */
function siteOf(c: Context<AppEnv>): string {
  return (process.env.SAMORDNA_PUBLIC_URL || new URL(c.req.url).origin).replace(/\/$/, '');
}

/** The link a person opens, on this site. */
function linkTo(c: Context<AppEnv>, path: string, token: string): string {
  return `${siteOf(c)}${path}?t=${encodeURIComponent(token)}`;
}

async function bodyOf(c: Context<AppEnv>): Promise<{ text(name: string): string; ids(name: string): number[] }> {
  const body = await c.req.parseBody({ all: true });
  return {
    text: (name) => {
      const v = body[name];
      return typeof v === 'string' ? v : '';
    },
    ids: (name) => {
      const v = body[`${name}[]`] ?? body[name];
      const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
      // Not an id: NaN, which the service refuses with its message.
      return list.filter((x): x is string => typeof x === 'string').map((x) => {
        const id = parseId(x);
        return id.ok ? id.value : NaN;
      });
    },
  };
}

/** The installation-wide kinds ticked in a posted form (check boxes `kinds[]`). */
async function postedKinds(c: Context<AppEnv>) {
  const b = await c.req.parseBody({ all: true });
  const kinds = [b['kinds[]'] ?? b.kinds ?? []].flat().filter((x): x is string => typeof x === 'string');
  return { body: b, kinds };
}

/** User management: per förbund (kansli, system administrator) and the whole installation (administrator). */
/**
 * A refused invitation or role change: problems with a field of the form go beside that field in Swedish (the
 * services name the intervention list "interventionIds", or "intervention" when the role is set), the rest
 * above the form.
 */
function roleFormRefusal(e: InputError, extraFields: readonly string[] = []): { error?: string; fieldErrors: FieldErrors } {
  const fieldOf = (field: string | undefined) => (field === 'intervention' ? 'interventionIds' : field);
  const shown = new Set(['role', 'interventionIds', ...extraFields]);
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  for (const p of e.problems) {
    const field = fieldOf(p.field);
    if (field && shown.has(field) && !p.file && p.line == null) fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${p.message}` : p.message;
    else rest.push(describeProblem(p));
  }
  return { ...(rest.length ? { error: rest.join('\n') } : {}), fieldErrors };
}

export const authUserRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const userIdParam = (c: Context<AppEnv>) => pathId(c, 'userId');

  app.get('/f/:federationId/users', async (c) => {
    requirePermission(c, 'users:manage');
    return c.html(<UsersPage model={await loadUsersPage(db, requireFederation(c))} />);
  });

  app.get('/api/federations/:federationId/users', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'users:manage');
    return c.json(await listFederationUsers(db, f.id));
  });

  // Invite (kansli: always an invitation; system administrator: an existing account gets the role at once).
  app.post('/f/:federationId/users', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const b = await bodyOf(c);
    const values = { email: b.text('email'), displayName: b.text('displayName'), role: b.text('role'), interventionIds: b.ids('interventionIds') };
    try {
      const r = await inviteToFederation(db, f.id, values, managerOf(ctx, f.id), siteOf(c), ctx.actor);
      if (r.kind === 'attached') return redirectWithFlash(c, `/f/${f.id}/users`, 'user-role');
      const link = r.kind === 'sent' ? { text: `Inbjudan till ${r.email} är skapad.` } : { text: `Inbjudan till ${r.email} är skapad.`, link: linkTo(c, '/inbjudan', r.token) };
      return c.html(<UsersPage model={await loadUsersPage(db, f, { link })} />);
    } catch (e) {
      if (e instanceof InputError) return c.html(<UsersPage model={await loadUsersPage(db, f, { ...roleFormRefusal(e, ['email']), values })} />, 400);
      throw e;
    }
  });

  app.post('/f/:federationId/users/invitations/:invitationId/revoke', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const id = pathId(c, 'invitationId');
    confirmRemoval(await formTextFields(c), 'inbjudan');
    await revokeInvitation(db, f.id, id, managerOf(ctx, f.id), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/users`, 'invitation-revoked');
  });

  app.get('/f/:federationId/users/:userId', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    return c.html(<UserPage model={await loadUserPage(db, f, userIdParam(c), ctx.can('admin'))} />);
  });

  app.post('/f/:federationId/users/:userId/role', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const userId = userIdParam(c);
    const b = await bodyOf(c);
    try {
      await changeFederationRole(db, f.id, userId, { role: b.text('role'), interventionIds: b.ids('interventionIds') }, managerOf(ctx, f.id), ctx.actor);
    } catch (e) {
      if (e instanceof InputError) return c.html(<UserPage model={await loadUserPage(db, f, userId, ctx.can('admin'), roleFormRefusal(e))} />, 400);
      throw e;
    }
    return redirectWithFlash(c, `/f/${f.id}/users/${userId}`, 'user-role');
  });

  app.post('/f/:federationId/users/:userId/remove', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const form = await formTextFields(c);
    // Unconfirmed: a user outside the förbund is still a 404 (as every other action on it), never a question.
    if (form.bekrafta !== 'ja') await loadUserPage(db, f, userIdParam(c), ctx.can('admin'));
    confirmRemoval(form, `rollen i ${f.name}`);
    await removeRole(db, f.id, userIdParam(c), managerOf(ctx, f.id), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/users`, 'user-removed');
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/f/:federationId/users/:userId/${action}`, async (c) => {
      const f = requireFederation(c);
      const ctx = requirePermission(c, 'users:manage');
      const userId = userIdParam(c);
      await setDisabled(db, f.id, userId, disabled, managerOf(ctx, f.id), ctx.actor);
      return redirectWithFlash(c, `/f/${f.id}/users/${userId}`, disabled ? 'user-disabled' : 'user-enabled');
    });
  }

  app.post('/f/:federationId/users/:userId/reset', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const userId = userIdParam(c);
    const r = await createPasswordReset(db, f.id, userId, managerOf(ctx, f.id), siteOf(c), ctx.actor);
    const link = { text: `En länk för nytt lösenord för ${r.email} är skapad.`, ...(r.kind === 'link' ? { link: linkTo(c, '/aterstall', r.token) } : {}) };
    return c.html(<UserPage model={await loadUserPage(db, f, userId, ctx.can('admin'), { link })} />);
  });

  // The system administrator: every account, invitations of existing accounts to approve.
  app.get('/admin/users', async (c) => {
    const ctx = requirePermission(c, 'admin');
    return c.html(<AdminUsersPage model={await loadAdminUsersPage(db, ctx.user.userId)} />);
  });

  // Accounts that span förbund (administrators, national readers): the system administrator's alone.
  app.post('/admin/users', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const { body: b, kinds } = await postedKinds(c);
    const r = await createInstallationAccount(db, { email: String(b.email ?? ''), displayName: String(b.displayName ?? ''), kinds }, siteOf(c), ctx.actor);
    if (r.kind === 'granted') return redirectWithFlash(c, '/admin/users', 'user-kinds');
    const text = `Kontot för ${r.email} är skapat. Personen väljer sitt lösenord med länken (gäller i ${resetHours} timmar, en gång).`;
    const link = r.kind === 'sent' ? { text } : { text, link: linkTo(c, '/aterstall', r.token) };
    return c.html(<AdminUsersPage model={await loadAdminUsersPage(db, ctx.user.userId, link)} />);
  });

  app.get('/admin/users/:userId', async (c) => {
    const ctx = requirePermission(c, 'admin');
    return c.html(<AdminUserPage model={await loadAdminUserPage(db, userIdParam(c), ctx.user.userId)} />);
  });

  app.post('/admin/users/:userId/kinds', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const userId = userIdParam(c);
    const { kinds } = await postedKinds(c);
    await setInstallationKinds(db, userId, kinds, ctx.user.userId, ctx.actor);
    return redirectWithFlash(c, `/admin/users/${userId}`, 'user-kinds');
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/admin/users/:userId/${action}`, async (c) => {
      const ctx = requirePermission(c, 'admin');
      const userId = userIdParam(c);
      if (disabled && userId === ctx.user.userId) throw new InputError({ message: 'Du kan inte stänga av ditt eget konto.' });
      await setDisabled(db, null, userId, disabled, { kind: 'admin' }, ctx.actor);
      return redirectWithFlash(c, `/admin/users/${userId}`, disabled ? 'user-disabled' : 'user-enabled');
    });
  }

  app.post('/admin/users/:userId/reset', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const userId = userIdParam(c);
    const r = await createPasswordReset(db, null, userId, { kind: 'admin' }, siteOf(c), ctx.actor);
    const link = { text: `En länk för nytt lösenord för ${r.email} är skapad.`, ...(r.kind === 'link' ? { link: linkTo(c, '/aterstall', r.token) } : {}) };
    return c.html(<AdminUserPage model={await loadAdminUserPage(db, userId, ctx.user.userId, link)} />);
  });

  for (const [action, approve] of [['approve', true], ['decline', false]] as const) {
    app.post(`/admin/invitations/:invitationId/${action}`, async (c) => {
      const ctx = requirePermission(c, 'admin');
      // A malformed id names no invitation: the same 404 as an unknown one.
      const id = parseId(c.req.param('invitationId'));
      if (!id.ok) throw new NotFoundError('Inbjudan finns inte.');
      await decideInvitation(db, id.value, approve, ctx.actor);
      return redirectWithFlash(c, '/admin/users', 'user-role');
    });
  }
  return app;
};
