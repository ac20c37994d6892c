import { redirectWithFlash } from '../kit/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { budgetProfiles, isBudgetProfile } from '../../core/economy/budgetProfile.ts';
import { InputError } from '../../core/errors.ts';
import { listBudgetProfiles, saveBudgetProfile } from '../../services/economy/index.ts';
import { formTextFields } from '../kit/requestBody.ts';
import { ProfilesPage, type ProfilesPageModel } from './profilesPage.tsx';

/** The periodisering page's model: every budget line of the förbund with its own profile, if any. */
export async function loadProfilesPage(db: Database, federation: FederationRef, canWrite: boolean): Promise<ProfilesPageModel> {
  return { federation, lines: await listBudgetProfiles(db, federation.id), canWrite };
}

/**
 * Periodisering: how each budget line's year amount falls over the months (src/core/economy/budgetProfile.ts).
 * The dashboard's forecast and budget to date follow it. Reached from the dashboard's forecast explanation.
 */
export const economyProfileRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/periodisering', async (c) => {
    requirePermission(c, 'economy:read');
    return c.html(<ProfilesPage model={await loadProfilesPage(db, requireFederation(c), c.get('ctx').can('economy:write'))} />);
  });

  app.post('/f/:federationId/periodisering', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const form = await formTextFields(c);
    const lines = await listBudgetProfiles(db, federation.id);
    const problems = lines.flatMap((l) => {
      const v = form[`profile-${l.id}`];
      return v === undefined || v === '' || isBudgetProfile(v) ? [] : [{ field: `profile-${l.id}`, message: `${l.label}: okänd periodisering.` }];
    });
    if (problems.length) throw new InputError(problems);
    for (const l of lines) {
      const v = form[`profile-${l.id}`];
      if (v === undefined) continue;
      const next = v === '' ? null : (v as (typeof budgetProfiles)[number]);
      if (next !== l.profile) await saveBudgetProfile(db, federation.id, l.id, next, ctx.actor);
    }
    return redirectWithFlash(c, `/f/${federation.id}/periodisering`, 'profile');
  });
  return app;
};
