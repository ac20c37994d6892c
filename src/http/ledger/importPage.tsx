import type { FederationRef } from '../context.ts';
import type { InputError } from '../../core/errors.ts';
import { formatLocalDateTime } from '../../core/format.ts';
import type { SieImportRecord } from '../../services/ledger/history.ts';
import type { SieImportResult } from '../../services/ledger/import.ts';
import type { listLedgerYears } from '../../services/ledger/statements.ts';
import { CheckboxField, FormSecurityFields } from '../kit/form.tsx';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';

/** A year the förbund has a ledger for. */
export type LedgerYear = Awaited<ReturnType<typeof listLedgerYears>>[number];

/** What the SIE page shows: the history and years, and after an upload its result or why it was refused. */
export interface ImportPageModel {
  readonly federation: FederationRef;
  readonly history: readonly SieImportRecord[];
  readonly years: readonly LedgerYear[];
  readonly canImport: boolean;
  readonly result?: SieImportResult | null;
  readonly error?: InputError | null;
  readonly fileName?: string;
  /** The refused file's #FNAMN/#ORGNR when the förbund has no number and the kansli must confirm the file is its books. */
  readonly confirmOrganisation?: { readonly company: string | null; readonly organisationNumber: string } | null;
}

function Notices(props: { notices: readonly { readonly line?: number; readonly message: string }[] }) {
  return props.notices.length ? (
    <ul class="notices">
      {props.notices.map((n) => (
        <li>
          {n.line ? `rad ${n.line}: ` : ''}
          {n.message}
        </li>
      ))}
    </ul>
  ) : null;
}

/** SIE import: upload form (and the predecessor confirmation), the ledger's years and the import history. */
export function ImportPage(props: { model: ImportPageModel }) {
  const model = props.model;
  const base = `/f/${model.federation.id}/ledger`;
  return (
    <Layout title="Huvudbok (SIE)" federation={model.federation}>
      <h1>Huvudbok (SIE)</h1>
      <p>Ekonomitjänstens SIE 4-fil läses in som förbundets huvudbok för filens räkenskapsår. En ny fil för samma år ersätter den tidigare i sin helhet; en fil med fel läses inte in alls.</p>
      {model.result ? (
        <p role="status" class="card">
          <strong>{model.fileName} är inläst:</strong> räkenskapsår {model.result.yearStart}–{model.result.yearEnd}, {model.result.accounts} konton, {model.result.vouchers} verifikationer, {model.result.transactions} transaktioner.
          {model.result.replacedImportId ? ' Den tidigare inläsningen av året ersattes.' : ''}
        </p>
      ) : null}
      {model.result?.notices.length ? (
        <div class="card" role="status">
          <p>
            <strong>Observera:</strong>
          </p>
          <Notices notices={model.result.notices} />
        </div>
      ) : null}
      {model.error ? (
        <div class="error" role="alert">
          <p>
            <strong>{model.fileName} lästes inte in – ingenting har ändrats.</strong>
          </p>
          <ul>
            {model.error.problems.map((p) => (
              <li>
                {[p.line ? `rad ${p.line}` : null, p.field ? `fält ${p.field}` : null].filter(Boolean).join(', ')}
                {p.line || p.field ? ': ' : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {model.canImport && model.confirmOrganisation ? (
        <section aria-labelledby="confirm-title" class="card">
          <h2 id="confirm-title">Är det förbundets bokföring?</h2>
          <p>
            Filen gäller <strong>{model.confirmOrganisation.company ?? 'ett företag utan namn i filen'}</strong>, organisationsnummer{' '}
            <strong>{model.confirmOrganisation.organisationNumber}</strong>. {model.federation.name} har inget organisationsnummer sparat.
            Är det förbundets egen bokföring, välj filen igen och bekräfta: filen läses in och numret sparas som förbundets.
          </p>
          <form method="post" action={`${base}/import`} enctype="multipart/form-data">
            <FormSecurityFields />
            <input type="hidden" name="organisationNumber" value={model.confirmOrganisation.organisationNumber} />
            <label for="sie-file-confirm">SIE-fil</label>
            <input id="sie-file-confirm" name="file" type="file" accept=".se,.si,.sie,.txt" required />
            <CheckboxField
              id="confirmOrganisation"
              name="confirmOrganisation"
              value="ja"
              required
              checked={false}
              label={`Jag bekräftar att ${model.confirmOrganisation.company ?? 'filen'} (${model.confirmOrganisation.organisationNumber}) är ${model.federation.name}s bokföring.`}
            />
            <p>
              <button type="submit">Bekräfta och läs in</button>
            </p>
          </form>
        </section>
      ) : null}
      {model.canImport && !model.confirmOrganisation && model.error?.problems.some((p) => p.field === '#ORGNR' || p.field === '#FNAMN') ? (
        <section aria-labelledby="predecessor-title" class="card">
          <h2 id="predecessor-title">Läsa in en föregångares bokföring?</h2>
          <p>
            Filen gäller ett annat företag än förbundet. Är det bokföringen från en föregångare (t.ex. ett förbund som har gått upp i {model.federation.name}),
            välj filen igen och bekräfta. Annars: läs inte in den, så att ett annat företags siffror aldrig hamnar i förbundets femårsöversikt.
          </p>
          <form method="post" action={`${base}/import`} enctype="multipart/form-data">
            <FormSecurityFields />
            <label for="sie-file-predecessor">SIE-fil från föregångaren</label>
            <input id="sie-file-predecessor" name="file" type="file" accept=".se,.si,.sie,.txt" required />
            <CheckboxField id="predecessor" name="predecessor" value="ja" required checked={false} label={`Jag bekräftar att filen är en föregångares bokföring och ska läsas in i ${model.federation.name}.`} />
            <p>
              <button type="submit">Läs in föregångarens fil</button>
            </p>
          </form>
        </section>
      ) : null}
      {model.canImport ? (
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
      {model.years.length ? (
        <ul>
          {model.years.map((y) => (
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
            <th scope="col">Observera</th>
          </tr>
        </thead>
        <tbody>
          {model.history.map((h) => (
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
              <td>
                <Notices notices={h.notices} />
              </td>
            </tr>
          ))}
          {model.history.length === 0 ? (
            <tr>
              <td colspan={9}>Inga inläsningar.</td>
            </tr>
          ) : null}
        </tbody>
        </table>
      </ScrollTable>
    </Layout>
  );
}
