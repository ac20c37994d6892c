import { redirectWithFlash } from '../views/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { Form, SelectField, SubmitButton } from '../views/form.tsx';
import { budgetProfileLabels, budgetProfiles, defaultProfile, isBudgetProfile } from '../../core/economy/budgetProfile.ts';
import { sectionLabels } from '../../core/economy/types.ts';
import { InputError } from '../../core/errors.ts';
import { listBudgetProfiles, saveBudgetProfile } from '../../services/economy/index.ts';
import { formFields } from './economyShared.ts';

/**
 * Periodisering: how each budget line's year amount falls over the months (src/core/economy/budgetProfile.ts).
 * The dashboard's forecast and budget to date follow it. Reached from the dashboard's forecast explanation.
 */
export const economyProfileRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const page = async (federation: FederationRef, canWrite: boolean) => {
    const lines = await listBudgetProfiles(db, federation.id);
    const options = [
      { value: '', label: 'Standard för avsnittet' },
      ...budgetProfiles.map((p) => ({ value: p, label: budgetProfileLabels[p] })),
    ];
    return (
      <Layout title="Periodisering av budgeten" federation={federation}>
        <h1>Periodisering av budgeten</h1>
        <p>
          Periodiseringen säger hur en budgetposts årsbelopp fördelar sig över månaderna. Prognosen för helåret delar utfallet hittills med den
          andel av årsbudgeten som periodiseringen väntar sig till och med senaste månaden med utfall, och budget hittills räknas på samma sätt.
          Utan eget val är intäkter (medlemmarnas inbetalningar) kvartalsvisa och kostnader jämnt fördelade.
        </p>
        {canWrite ? (
          <Form action={`/f/${federation.id}/periodisering`} label="Periodisering per budgetpost">
            {lines.map((l) => (
              <SelectField
                name={`profile-${l.id}`}
                label={`${l.label} (${sectionLabels[l.section]}; standard: ${budgetProfileLabels[defaultProfile(l.section)]})`}
                value={l.profile ?? ''}
                options={options}
              />
            ))}
            <SubmitButton label="Spara periodiseringen" />
          </Form>
        ) : (
          <ul>
            {lines.map((l) => (
              <li>
                {l.label}: {budgetProfileLabels[l.profile ?? defaultProfile(l.section)]}
              </li>
            ))}
          </ul>
        )}
      </Layout>
    );
  };

  app.get('/f/:federationId/periodisering', async (c) => {
    requirePermission(c, 'economy:read');
    return c.html(await page(requireFederation(c), c.get('ctx').can('economy:write')));
  });

  app.post('/f/:federationId/periodisering', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const form = await formFields(c);
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
