import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { confirmRemoval, redirectRemoved } from '../kit/removal.tsx';
import { parseId, parseYear, valueOrThrow } from '../../core/input/index.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { pathId, queryYear, requiredQueryYear } from '../kit/params.ts';
import { jsonBody } from '../kit/requestBody.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { addMapping, deleteMapping, ledgerNames, listMappableBudgetLines, listMappings, loadLedgerOutcome } from '../../services/ledger/mapping.ts';
import { listLedgerYears } from '../../services/ledger/statements.ts';
import { MappingPage, type MappingPageModel } from './mappingPage.tsx';

/** The mapping page's model for the year asked for (the ledger's first year when none), with a refused form's error. */
export async function loadMappingPage(db: Database, federation: FederationRef, asked: number | undefined, canEdit: boolean, error?: InputError): Promise<MappingPageModel> {
  const years = await listLedgerYears(db, federation.id);
  const year = asked ?? years[0]?.year ?? null;
  const outcome = year === null ? null : await loadLedgerOutcome(db, federation.id, year);
  return {
    federation,
    years: years.map((y) => y.year),
    year,
    lines: await listMappableBudgetLines(db, federation.id),
    mappings: await listMappings(db, federation.id),
    outcome,
    names: await ledgerNames(db, federation.id, year),
    canEdit,
    error,
  };
}

/** Mapping of accounts and dimension objects to budget lines: page, form posts and JSON. */
export const ledgerMappingRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const render = async (federation: FederationRef, asked: number | undefined, canEdit: boolean, error?: InputError) => <MappingPage model={await loadMappingPage(db, federation, asked, canEdit, error)} />;

  app.get('/f/:federationId/ledger/mapping', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(await render(federation, queryYear(c, ['year']), c.get('ctx').can('ledger:write')));
  });

  app.post('/f/:federationId/ledger/mapping', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const federation = requireFederation(c);
    const body = await c.req.parseBody();
    const year = typeof body['year'] === 'string' ? body['year'] : undefined;
    try {
      await addMapping(db, federation.id, { budgetLineId: valueOrThrow(parseId(body['budgetLineId']), { field: 'budgetLineId' }), accounts: String(body['accounts'] ?? ''), object: String(body['object'] ?? '') }, ctx.actor);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // The form is shown again with what was typed and each message beside its field (app.tsx).
      const fields: Record<string, string> = { konton: 'accounts', objekt: 'object', budgetpost: 'budgetLineId' };
      if (typeof body['_page'] === 'string') throw new InputError(e.problems.map((p) => ({ ...p, field: p.field ? (fields[p.field] ?? p.field) : undefined })));
      return c.html(await render(federation, year ? valueOrThrow(parseYear(year), { field: 'year' }) : undefined, true, e), 400);
    }
    return redirectWithFlash(c, `/f/${federation.id}/ledger/mapping${year ? `?year=${encodeURIComponent(year)}` : ''}`, 'mapping');
  });

  app.post('/f/:federationId/ledger/mapping/:id/delete', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const federation = requireFederation(c);
    const id = pathId(c, 'id');
    const body = await c.req.parseBody();
    confirmRemoval(body, 'kontokopplingen');
    const mapping = (await listMappings(db, federation.id)).find((m) => m.id === id);
    await deleteMapping(db, federation.id, id, ctx.actor);
    const year = typeof body['year'] === 'string' ? body['year'] : undefined;
    return redirectRemoved(c, `/f/${federation.id}/ledger/mapping${year ? `?year=${encodeURIComponent(year)}` : ''}`, mapping ? `kontokopplingen till ${mapping.budgetLineLabel}` : 'kontokopplingen');
  });

  app.get('/api/federations/:federationId/ledger/mapping', async (c) => {
    requirePermission(c, 'economy:read');
    return c.json(await listMappings(db, requireFederation(c).id));
  });

  app.post('/api/federations/:federationId/ledger/mapping', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const federation = requireFederation(c);
    const body = await jsonBody(c);
    if (typeof body.budgetLineId !== 'number') throw new InputError({ field: 'budgetLineId', message: 'budgetLineId saknas.' });
    const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    const id = await addMapping(db, federation.id, { budgetLineId: body.budgetLineId, accounts: text(body.accounts), object: text(body.object) }, ctx.actor);
    return c.json({ id }, 201);
  });

  app.get('/api/federations/:federationId/ledger/outcome', async (c) => {
    requirePermission(c, 'economy:read');
    const year = requiredQueryYear(c, 'year');
    const outcome = await loadLedgerOutcome(db, requireFederation(c).id, year);
    if (!outcome) throw new NotFoundError('Det finns ingen huvudbok för året.');
    return c.json(outcome);
  });
  return app;
};
