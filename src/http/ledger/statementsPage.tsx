import type { FederationRef } from '../context.ts';
import type { StatementLayout } from '../../core/ledger/layout.ts';
import { accountClassLabels } from '../../core/ledger/classification.ts';
import type { LedgerStatements, listLedgerYears } from '../../services/ledger/statements.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { formatKronor, formatPercent1 } from './format.ts';

/** The statements page before any SIE import: what to do instead. */
export interface NoLedgerModel {
  readonly kind: 'no-ledger';
  readonly federation: FederationRef;
  /** May the user import a SIE file (then the page links to the import)? */
  readonly canImport: boolean;
}

/** A year's resultaträkning, balansräkning and kassaflödesanalys, with the years to choose and the class ranges. */
export interface StatementsModel {
  readonly kind: 'statements';
  readonly federation: FederationRef;
  readonly years: Awaited<ReturnType<typeof listLedgerYears>>;
  readonly year: number;
  readonly statements: LedgerStatements;
  readonly classRanges: readonly { from: string; to: string; class: keyof typeof accountClassLabels }[];
}

export type StatementsPageModel = NoLedgerModel | StatementsModel;

export function StatementsPage(props: { model: StatementsPageModel }) {
  const model = props.model;
  const federation = model.federation;
  if (model.kind === 'no-ledger') {
    return (
      <Layout title="Räkenskaper" federation={federation}>
        <h1>Resultaträkning, balansräkning och kassaflödesanalys</h1>
        <p>Räkenskaperna räknas fram ur huvudboken, och ingen huvudbok är inläst ännu.</p>
        <p>
          Be förbundets ekonomitjänst om en SIE 4-fil för räkenskapsåret (export från bokföringsprogrammet, typ 4) och läs in den
          {model.canImport ? (
            <>
              {' '}under <a href={`/f/${federation.id}/ledger`}>Huvudbok (SIE)</a>
            </>
          ) : (
            ' — det gör förbundets kansli'
          )}
          . Till dess finns årets siffror i <a href={`/f/${federation.id}/driftredovisning`}>driftredovisningen</a> och{' '}
          <a href={`/f/${federation.id}/nyckeltal`}>nyckeltalen</a>, som bygger på budget och registrerat utfall.
        </p>
      </Layout>
    );
  }
  const { years, year, statements: s } = model;
  const base = `/f/${federation.id}/ledger/statements`;
  return (
    <Layout title={`Räkenskaper ${year}`} federation={federation}>
      <h1>Resultaträkning, balansräkning och kassaflödesanalys {year}</h1>
      <form method="get" action={base}>
        <label for="year">Räkenskapsår</label>
        <select id="year" name="year">
          {years.map((y) => (
            <option value={String(y.year)} selected={y.year === year}>
              {y.year}
            </option>
          ))}
        </select>{' '}
        <button type="submit">Visa</button>
      </form>
      <p>
        Ur huvudboken (SIE), i kronor. Soliditet {year}: <strong>{formatPercent1(s.current.equityRatio)}</strong>
        {s.previous ? <> ({year - 1}: {formatPercent1(s.previous.equityRatio)})</> : null}. Hämta som{' '}
        <a href={`${base}.csv?year=${year}`}>CSV</a> eller <a href={`${base}.xlsx?year=${year}`}>Excel</a>.
      </p>
      {s.current.unclassified.length ? (
        <div class="warning" role="note">
          Konton utan klass (ingår inte i rapporterna): {s.current.unclassified.map((u) => `${u.account} (${formatKronor(u.closingOre)} kr)`).join(', ')}.
        </div>
      ) : null}
      {s.layout.map((l) => (
        <StatementTable layout={l} year={year} hasPrevious={s.previous !== null} />
      ))}
      <ClassRangesInfo ranges={model.classRanges} />
    </Layout>
  );
}

function StatementTable(props: { layout: StatementLayout; year: number; hasPrevious: boolean }) {
  return (
    <ScrollTable>
      <table>
      <caption>{props.layout.title} (kr)</caption>
      <thead>
        <tr>
          <th scope="col">Post</th>
          <th scope="col">Not</th>
          <th scope="col" class="num">
            {props.year}
          </th>
          {props.hasPrevious ? (
            <th scope="col" class="num">
              {props.year - 1}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {props.layout.rows.map((r) =>
          r.kind === 'heading' ? (
            <tr>
              <th scope="rowgroup" colspan={props.hasPrevious ? 4 : 3}>
                {r.label}
              </th>
            </tr>
          ) : (
            <tr class={r.kind === 'row' ? undefined : r.kind}>
              <th scope="row">{r.label}</th>
              <td>{r.note ?? ''}</td>
              <td class={`num${(r.currentOre ?? 0) < 0 ? ' negative' : ''}`}>{formatKronor(r.currentOre)}</td>
              {props.hasPrevious ? <td class={`num${(r.previousOre ?? 0) < 0 ? ' negative' : ''}`}>{formatKronor(r.previousOre)}</td> : null}
            </tr>
          ),
        )}
      </tbody>
      </table>
    </ScrollTable>
  );
}

function ClassRangesInfo(props: { ranges: readonly { from: string; to: string; class: keyof typeof accountClassLabels }[] }) {
  return (
    <details>
      <summary>Kontoklasser som rapporterna bygger på</summary>
      <ScrollTable>
        <table>
        <caption>Kontointervall och klass</caption>
        <thead>
          <tr>
            <th scope="col">Konton</th>
            <th scope="col">Klass</th>
          </tr>
        </thead>
        <tbody>
          {props.ranges.map((r) => (
            <tr>
              <td>
                {r.from}–{r.to}
              </td>
              <td>{accountClassLabels[r.class]}</td>
            </tr>
          ))}
        </tbody>
        </table>
      </ScrollTable>
    </details>
  );
}
