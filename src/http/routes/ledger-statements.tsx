import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { ScrollTable } from '../views/scrollTable.tsx';
import { InputError, NotFoundError } from '../../core/errors.ts';
import type { StatementLayout } from '../../core/ledger/layout.ts';
import { accountClassLabels } from '../../core/ledger/classification.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { formatKronor, formatPercent1 } from '../views/ledger/format.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { tablesToXlsx } from '../../exports/xlsx.ts';
import { statementTables, statementsTable } from '../../core/ledger/tables.ts';
import { ledgerStatements, listLedgerYears } from '../../services/ledger/statements.ts';
import { loadClassRanges } from '../../services/ledger/statements.ts';

function yearParam(text: string | undefined, fallback: number | undefined): number {
  const y = Number(text ?? fallback);
  if (!Number.isInteger(y) || y < 1900 || y > 2999) throw new InputError({ field: 'year', message: 'Ange ett räkenskapsår.' });
  return y;
}

/** Resultaträkning, balansräkning and kassaflödesanalys from the ledger: page, JSON, CSV and XLSX. */
export const ledgerStatementRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const load = async (federationId: number, yearText: string | undefined) => {
    const years = await listLedgerYears(db, federationId);
    if (!years.length) throw new NotFoundError('Ingen huvudbok är inläst ännu. Läs in en SIE-fil först.');
    const year = yearParam(yearText, years[0]!.year);
    const s = await ledgerStatements(db, federationId, year);
    if (!s) throw new NotFoundError(`Det finns ingen huvudbok för ${year}.`);
    return { years, year, s };
  };

  app.get('/f/:federationId/ledger/statements', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    // Before any SIE import the page says what to do instead of answering 404.
    if (!(await listLedgerYears(db, federation.id)).length) {
      return c.html(
        <Layout title="Räkenskaper" federation={federation}>
          <h1>Resultaträkning, balansräkning och kassaflödesanalys</h1>
          <p>Räkenskaperna räknas fram ur huvudboken, och ingen huvudbok är inläst ännu.</p>
          <p>
            Be förbundets ekonomitjänst om en SIE 4-fil för räkenskapsåret (export från bokföringsprogrammet, typ 4) och läs in den
            {c.get('ctx').can('ledger:write') ? (
              <>
                {' '}under <a href={`/f/${federation.id}/ledger`}>Huvudbok (SIE)</a>
              </>
            ) : (
              ' — det gör förbundets kansli'
            )}
            . Till dess finns årets siffror i <a href={`/f/${federation.id}/driftredovisning`}>driftredovisningen</a> och{' '}
            <a href={`/f/${federation.id}/nyckeltal`}>nyckeltalen</a>, som bygger på budget och registrerat utfall.
          </p>
        </Layout>,
      );
    }
    const { years, year, s } = await load(federation.id, c.req.query('year'));
    const base = `/f/${federation.id}/ledger/statements`;
    return c.html(
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
        <ClassRangesInfo ranges={await loadClassRanges(db, federation.id)} />
      </Layout>,
    );
  });

  app.get('/f/:federationId/ledger/statements.csv', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const { year, s } = await load(federation.id, c.req.query('year'));
    return c.body(tableToCsv(statementsTable(s.layout, year)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rakenskaper-${year}.csv"`,
    });
  });

  app.get('/f/:federationId/ledger/statements.xlsx', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const { year, s } = await load(federation.id, c.req.query('year'));
    const buf = await tablesToXlsx(statementTables(s.layout, year));
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="rakenskaper-${year}.xlsx"`,
    });
  });

  app.get('/api/federations/:federationId/ledger/statements', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const { year, s } = await load(federation.id, c.req.query('year'));
    const kr = (o: number | null) => (o === null ? null : o / 100);
    return c.json({
      federation: federation.name,
      year,
      equityRatio: s.current.equityRatio,
      previousEquityRatio: s.previous?.equityRatio ?? null,
      statements: s.layout.map((l) => ({ key: l.key, title: l.title, rows: l.rows.map((r) => ({ key: r.key, label: r.label, kind: r.kind, note: r.note ?? null, current: kr(r.currentOre), previous: kr(r.previousOre) })) })),
      unclassified: s.current.unclassified,
    });
  });
  return app;
};

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

function ClassRangesInfo(props: { ranges: { from: string; to: string; class: keyof typeof accountClassLabels }[] }) {
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
