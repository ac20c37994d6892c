import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import {
  InvitationAcceptedPage,
  InvitationPage,
  LinkGonePage,
  PasswordResetPage,
  type InvitationPageModel,
  type PasswordResetPageModel,
} from './accountLinkPages.tsx';
import { acceptInvitation, findInvitation, findPasswordReset, usePasswordReset } from '../../services/auth/accounts.ts';
import { InputError } from '../../core/errors.ts';

/**
 * The one-time links (services/auth/accounts.ts), reachable without logging in: /inbjudan?t=… to accept an
 * invitation by choosing a password, /aterstall?t=… to set a new password. The token travels in the query
 * string and a hidden field, never in the path (the request log records paths).
 */

/** The invitation a link opens, or null when the link is gone (used, expired, revoked, unknown). */
export async function loadInvitationPage(db: Database, token: string): Promise<InvitationPageModel | null> {
  const inv = await findInvitation(db, token);
  return inv ? { token, role: inv.role, federationName: inv.federationName, email: inv.email } : null;
}

/** The account a password-reset link is for, or null when the link is gone. */
export async function loadPasswordResetPage(db: Database, token: string): Promise<PasswordResetPageModel | null> {
  const r = await findPasswordReset(db, token);
  return r ? { token, email: r.email } : null;
}

/** A refusal that names the token: the link is gone, whatever else was wrong. */
const linkGone = (e: unknown) => e instanceof InputError && e.problems.some((p) => p.field === 'token');

export const accountLinkRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const invitationPage = async (c: Context<AppEnv>, token: string) => {
    const model = await loadInvitationPage(db, token);
    if (!model) return c.html(<LinkGonePage title="Inbjudan" />, 410);
    return c.html(<InvitationPage model={model} />);
  };

  app.get('/inbjudan', (c) => invitationPage(c, c.req.query('t') ?? ''));

  app.post('/inbjudan', async (c) => {
    const body = await c.req.parseBody();
    const token = String(body.t ?? '');
    const password = String(body.password ?? '');
    try {
      if (password !== String(body.repeat ?? '')) throw new InputError({ field: 'repeat', message: 'De två lösenorden är inte lika.' });
      const r = await acceptInvitation(db, token, { password, displayName: String(body.displayName ?? '') });
      // The same answer whether the address was new or already had an account (which keeps its password).
      return c.html(<InvitationAcceptedPage email={r.email} />);
    } catch (e) {
      // A link that is gone says so; any other refusal draws the form again (app.tsx renderFormAgain).
      if (linkGone(e)) return c.html(<LinkGonePage title="Inbjudan" />, 410);
      throw e;
    }
  });

  const resetPage = async (c: Context<AppEnv>, token: string) => {
    const model = await loadPasswordResetPage(db, token);
    if (!model) return c.html(<LinkGonePage title="Nytt lösenord" />, 410);
    return c.html(<PasswordResetPage model={model} />);
  };

  app.get('/aterstall', (c) => resetPage(c, c.req.query('t') ?? ''));

  app.post('/aterstall', async (c) => {
    const body = await c.req.parseBody();
    const token = String(body.t ?? '');
    const password = String(body.password ?? '');
    try {
      if (password !== String(body.repeat ?? '')) throw new InputError({ field: 'repeat', message: 'De två lösenorden är inte lika.' });
      await usePasswordReset(db, token, password);
    } catch (e) {
      if (linkGone(e)) return c.html(<LinkGonePage title="Nytt lösenord" />, 410);
      throw e;
    }
    return redirectWithFlash(c, '/login', 'password');
  });
  return app;
};
