import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import type { Queryable } from '../../db/database.ts';
import { formFields, jsonBody } from '../kit/requestBody.ts';
import { pathId, queryYear } from '../kit/params.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { parseText, valueOrThrow } from '../../core/input/index.ts';
import { today } from '../../core/calendar.ts';
import { getEntry, publicRegistry, registerEntry, registerPublicRequest, searchRegistry, updateEntry } from '../../services/records/registry.ts';
import { documentPlan } from '../../services/records/plan.ts';
import { publicFederation } from '../../services/records/publicFederation.ts';
import { EntryEditPage, PublicRegistryPage, RegistryPage, type EntryEditModel, type PublicRegistryModel, type RegistryPageModel } from './registryPages.tsx';

/** A search as typed (?q=…): the boundary's text rules (identity numbers are refused at the door already). */
const searchText = (raw: string | undefined) => valueOrThrow(parseText(raw ?? '', { maxLength: 200 }), { field: 'q' });

async function classOptions(db: Queryable, federationId: number) {
  return (await documentPlan(db, federationId)).classes.map((c) => ({ code: c.code, name: c.name }));
}

export async function loadRegistryPage(db: Queryable, federation: FederationRef, q: string, year: number | undefined, canWrite: boolean): Promise<RegistryPageModel> {
  return { federation, q, entries: await searchRegistry(db, federation.id, { q, year }), classes: await classOptions(db, federation.id), canWrite, today: today() };
}

export async function loadEntryEdit(db: Queryable, federation: FederationRef, id: number): Promise<EntryEditModel> {
  return { federation, entry: await getEntry(db, federation.id, id), classes: await classOptions(db, federation.id) };
}

export async function loadPublicRegistry(db: Queryable, federationId: number, q: string): Promise<PublicRegistryModel> {
  return { federation: await publicFederation(db, federationId), q, entries: await publicRegistry(db, federationId, { q }) };
}

/**
 * The registry (diarium): the kansli's pages and API to register, search and edit; the public registry and
 * its form for requesting a public document (no login).
 */
export const registryRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();

  app.get('/f/:federationId/diarium', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:read');
    return c.html(<RegistryPage model={await loadRegistryPage(db, f, searchText(c.req.query('q')), queryYear(c), ctx.can('records:write'))} />);
  });
  app.post('/f/:federationId/diarium', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    const r = await registerEntry(db, f.id, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/diarium`, 'registered', r.number);
  });
  app.get('/f/:federationId/diarium/:entryId', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'records:write');
    return c.html(<EntryEditPage model={await loadEntryEdit(db, f, pathId(c, 'entryId'))} />);
  });
  app.post('/f/:federationId/diarium/:entryId', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    await updateEntry(db, f.id, pathId(c, 'entryId'), await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/diarium`, 'changed');
  });

  app.post('/api/federations/:federationId/registry', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    const r = await registerEntry(db, f.id, await jsonBody(c), ctx.actor);
    return c.json({ number: r.number }, 201);
  });
  app.get('/api/federations/:federationId/registry', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'records:read');
    return c.json({ entries: await searchRegistry(db, f.id, { q: searchText(c.req.query('q')), year: queryYear(c) }) });
  });

  app.get('/diarium/:federationId', async (c) => {
    const model = await loadPublicRegistry(db, pathId(c, 'federationId'), searchText(c.req.query('q')));
    if ((c.req.header('accept') ?? '').includes('application/json') || c.req.query('format') === 'json') return c.json({ federation: model.federation.name, entries: model.entries });
    return c.html(<PublicRegistryPage model={model} />);
  });
  app.post('/diarium/:federationId/begaran', async (c) => {
    const id = pathId(c, 'federationId');
    const r = await registerPublicRequest(db, id, await formFields(c), today(), { id: 'allmänheten', federationId: id });
    return redirectWithFlash(c, `/diarium/${id}`, 'public-request', r.number);
  });
  return app;
};
