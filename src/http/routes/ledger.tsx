import { Hono } from 'hono';
import { Readable } from 'node:stream';
import { formatLocalDateTime } from '../../core/format.ts';
import { ScrollTable } from '../views/scrollTable.tsx';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { InputError } from '../../core/errors.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { listSieImports } from '../../services/ledger/history.ts';
import { importSieFile, type SieImportResult } from '../../services/ledger/import.ts';
import { listLedgerYears } from '../../services/ledger/statements.ts';
import { FormSecurityFields } from '../views/form.tsx';

/** SIE import: the page with upload and history, and the streaming API. */
export const ledgerRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/ledger', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(<ImportPage federation={federation} history={await listSieImports(db, federation.id)} years={await listLedgerYears(db, federation.id)} canImport={c.get('ctx').can('ledger:write')} />);
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
      result = await importSieFile(db, {
        federationId: federation.id,
        source: Readable.fromWeb(file.stream() as unknown as NodeWebStream),
        fileName: file.name,
        actor: ctx.actor,
        predecessor: body['predecessor'] === 'ja',
      });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      error = e;
    }
    const page = <ImportPage federation={federation} history={await listSieImports(db, federation.id)} years={await listLedgerYears(db, federation.id)} canImport result={result} error={error} fileName={file.name} />;
    return c.html(page, error ? 400 : 200);
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
    const result = await importSieFile(db, {
      federationId: federation.id,
      source: Readable.fromWeb(body as unknown as NodeWebStream),
      fileName: c.req.query('fileName') || 'SIE-fil',
      actor: ctx.actor,
      // Another company's books (#ORGNR/#FNAMN not the förbund's) only when explicitly confirmed as a predecessor's.
      predecessor: c.req.query('predecessor') === 'true',
    });
    return c.json(result, 201);
  });
  return app;
};

function ImportPage(props: {
  federation: { id: number; name: string };
  history: Awaited<ReturnType<typeof listSieImports>>;
  years: Awaited<ReturnType<typeof listLedgerYears>>;
  canImport: boolean;
  result?: SieImportResult | null;
  error?: InputError | null;
  fileName?: string;
}) {
  const base = `/f/${props.federation.id}/ledger`;
  return (
    <Layout title="Huvudbok (SIE)" federation={props.federation}>
      <h1>Huvudbok (SIE)</h1>
      <p>Ekonomitjänstens SIE 4-fil läses in som förbundets huvudbok för filens räkenskapsår. En ny fil för samma år ersätter den tidigare i sin helhet; en fil med fel läses inte in alls.</p>
      {props.result ? (
        <p role="status" class="card">
          <strong>{props.fileName} är inläst:</strong> räkenskapsår {props.result.yearStart}–{props.result.yearEnd}, {props.result.accounts} konton, {props.result.vouchers} verifikationer, {props.result.transactions} transaktioner.
          {props.result.replacedImportId ? ' Den tidigare inläsningen av året ersattes.' : ''}
        </p>
      ) : null}
      {props.error ? (
        <div class="error" role="alert">
          <p>
            <strong>{props.fileName} lästes inte in – ingenting har ändrats.</strong>
          </p>
          <ul>
            {props.error.problems.map((p) => (
              <li>
                {[p.line ? `rad ${p.line}` : null, p.field ? `fält ${p.field}` : null].filter(Boolean).join(', ')}
                {p.line || p.field ? ': ' : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.canImport && props.error?.problems.some((p) => p.field === '#ORGNR' || p.field === '#FNAMN') ? (
        <section aria-labelledby="predecessor-title" class="card">
          <h2 id="predecessor-title">Läsa in en föregångares bokföring?</h2>
          <p>
            Filen gäller ett annat företag än förbundet. Är det bokföringen från en föregångare (t.ex. ett förbund som har gått upp i {props.federation.name}),
            välj filen igen och bekräfta. Annars: läs inte in den, så att ett annat företags siffror aldrig hamnar i förbundets femårsöversikt.
          </p>
          <form method="post" action={`${base}/import`} enctype="multipart/form-data">
            <FormSecurityFields />
            <label for="sie-file-predecessor">SIE-fil från föregångaren</label>
            <input id="sie-file-predecessor" name="file" type="file" accept=".se,.si,.sie,.txt" required />
            <div class="check">
              <input type="checkbox" id="predecessor" name="predecessor" value="ja" required />{' '}
              <label for="predecessor" class="inline">
                Jag bekräftar att filen är en föregångares bokföring och ska läsas in i {props.federation.name}.
              </label>
            </div>
            <p>
              <button type="submit">Läs in föregångarens fil</button>
            </p>
          </form>
        </section>
      ) : null}
      {props.canImport ? (
        <form method="post" action={`${base}/import`} enctype="multipart/form-data">
          <FormSecurityFields />
          <label for="sie-file">SIE-fil (typ 1–4, .se/.si)</label>
          <input id="sie-file" name="file" type="file" accept=".se,.si,.sie,.txt" required />
          <p>
            <button type="submit">Läs in</button>
          </p>
        </form>
      ) : null}
      <h2>Räkenskapsår</h2>
      {props.years.length ? (
        <ul>
          {props.years.map((y) => (
            <li>
              <a href={`${base}/statements?year=${y.year}`}>{y.year}</a> ({y.start}–{y.end}{y.imported ? '' : ', föregående år i en senare fil'})
            </li>
          ))}
        </ul>
      ) : (
        <p>Ingen huvudbok är inläst ännu.</p>
      )}
      <p>
        <a href={`${base}/mapping`}>Koppling av konton och objekt till budgetposter</a>
      </p>
      <ScrollTable>
        <table>
        <caption>Inläsningar</caption>
        <thead>
          <tr>
            <th scope="col">Tid (UTC)</th>
            <th scope="col">Av</th>
            <th scope="col">Fil</th>
            <th scope="col">Räkenskapsår</th>
            <th scope="col" class="num">Verifikationer</th>
            <th scope="col" class="num">Transaktioner</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((h) => (
            <tr>
              <td>{formatLocalDateTime(h.importedAt)}</td>
              <td>{h.importedBy}</td>
              <td>{h.fileName}</td>
              <td>
                {h.yearStart}–{h.yearEnd}
              </td>
              <td class="num">{h.vouchers}</td>
              <td class="num">{h.transactions}</td>
              <td>
                <code title={h.sha256}>{h.sha256.slice(0, 12)}…</code>
              </td>
              <td>{h.replacedAt ? `ersatt ${formatLocalDateTime(h.replacedAt)}` : 'gällande'}</td>
            </tr>
          ))}
          {props.history.length === 0 ? (
            <tr>
              <td colspan={8}>Inga inläsningar.</td>
            </tr>
          ) : null}
        </tbody>
        </table>
      </ScrollTable>
    </Layout>
  );
}
