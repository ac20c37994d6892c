import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import type { Queryable } from '../../db/database.ts';
import { formFields } from '../kit/requestBody.ts';
import { pathId } from '../kit/params.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { accessibilityFields, publicAccessibilityStatement, saveAccessibilityFields } from '../../services/records/accessibility.ts';
import { publicFederation, publicFederations } from '../../services/records/publicFederation.ts';
import { AccessibilityFormPage, AccessibilityIndexPage, AccessibilityPage, type AccessibilityFormModel, type AccessibilityPageModel } from './accessibilityPages.tsx';

export async function loadAccessibility(db: Queryable, federationId: number): Promise<AccessibilityPageModel> {
  return { federation: await publicFederation(db, federationId), statement: await publicAccessibilityStatement(db, federationId) };
}

export async function loadAccessibilityForm(db: Queryable, federation: FederationRef): Promise<AccessibilityFormModel> {
  return { federation, fields: await accessibilityFields(db, federation.id) };
}

/** The accessibility statement: public per förbund, edited by the kansli. */
export const accessibilityRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/tillganglighet', async (c) => c.html(<AccessibilityIndexPage model={{ federations: await publicFederations(db) }} />));
  app.get('/tillganglighet/:federationId', async (c) => c.html(<AccessibilityPage model={await loadAccessibility(db, pathId(c, 'federationId'))} />));
  app.get('/f/:federationId/tillganglighet', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'records:write');
    return c.html(<AccessibilityFormPage model={await loadAccessibilityForm(db, f)} />);
  });
  app.post('/f/:federationId/tillganglighet', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    await saveAccessibilityFields(db, f.id, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/tillganglighet`, 'accessibility');
  });
  return app;
};
