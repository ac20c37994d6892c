import { Hono } from 'hono';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { InputError } from '../../core/errors.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { listSieImports } from '../../services/ledger/history.ts';
import { OrganisationConfirmationNeeded } from '../../services/ledger/identity.ts';
import { importSieFile } from '../../importers/sie/import.ts';
import type { SieImportResult } from '../../services/ledger/import.ts';
import { listLedgerYears } from '../../services/ledger/statements.ts';
import { ImportPage, type ImportPageModel } from './importPage.tsx';

/** The SIE page's model: the import history and the ledger's years, with an upload's outcome when there was one. */
export async function loadImportPage(db: Database, federation: FederationRef, canImport: boolean, upload: Pick<ImportPageModel, 'result' | 'error' | 'fileName'> = {}): Promise<ImportPageModel> {
  const history = await listSieImports(db, federation.id);
  const years = await listLedgerYears(db, federation.id);
  const e = upload.error;
  // The file names an organisation number the förbund does not have yet: the page asks whether it is the förbund's.
  const confirmOrganisation = e instanceof OrganisationConfirmationNeeded ? { company: e.company, organisationNumber: e.organisationNumber } : null;
  return { federation, history, years, canImport, confirmOrganisation, ...upload };
}

/** The kansli's confirmation of the file's organisation number (a form field or query value): passed on only when it looks like one. */
function confirmedNumber(value: unknown): { organisationNumber: string } | Record<string, never> {
  return typeof value === 'string' && /^[\d\s-]{10,13}$/.test(value) ? { organisationNumber: value } : {};
}

/** SIE import: the page with upload and history, and the streaming API. */
export const ledgerRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/ledger', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(<ImportPage model={await loadImportPage(db, federation, c.get('ctx').can('ledger:write'))} />);
  });

  app.post('/f/:federationId/ledger/import', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const federation = requireFederation(c);
    const body = await c.req.parseBody();
    const file = body['file'];
    if (!(file instanceof File) || file.size === 0) throw new InputError({ field: 'fil', message: 'Välj en SIE-fil att läsa in.' });
    let result: SieImportResult | null = null;
    let error: InputError | null = null;
    try {
      result = await importSieFile(
        db,
        federation.id,
        {
          source: Readable.fromWeb(file.stream() as unknown as NodeWebStream),
          fileName: file.name,
          predecessor: body['predecessor'] === 'ja',
          ...(body['confirmOrganisation'] === 'ja' ? confirmedNumber(body['organisationNumber']) : {}),
        },
        ctx.actor,
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      error = e;
    }
    return c.html(<ImportPage model={await loadImportPage(db, federation, true, { result, error, fileName: file.name })} />, error ? 400 : 200);
  });

  app.get('/api/federations/:federationId/ledger/imports', async (c) => {
    requirePermission(c, 'economy:read');
    return c.json(await listSieImports(db, requireFederation(c).id));
  });

  /** Streams the request body (the SIE file, any content type) into the import; ?fileName= names it. */
  app.post('/api/federations/:federationId/ledger/imports', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const federation = requireFederation(c);
    const body = c.req.raw.body;
    if (!body) throw new InputError({ field: 'fil', message: 'Begäran saknar fil.' });
    const result = await importSieFile(
      db,
      federation.id,
      {
        source: Readable.fromWeb(body as unknown as NodeWebStream),
        fileName: c.req.query('fileName') || 'SIE-fil',
        // Another company's books (#ORGNR/#FNAMN not the förbund's) only when explicitly confirmed as a predecessor's.
        predecessor: c.req.query('predecessor') === 'true',
        // The confirmation that the file's #ORGNR is the förbund's, for a förbund without a number stored.
        ...confirmedNumber(c.req.query('organisationNumber')),
      },
      ctx.actor,
    );
    return c.json(result, 201);
  });
  return app;
};
