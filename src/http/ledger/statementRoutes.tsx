import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { queryYear } from '../kit/params.ts';
import { StatementsPage, type StatementsPageModel } from './statementsPage.tsx';
import { tableToCsv } from '../../exports/csv.ts';
import { tablesToXlsx } from '../../exports/xlsx.ts';
import { statementTables, statementsTable } from '../../core/ledger/tables.ts';
import { ledgerStatements, listLedgerYears } from '../../services/ledger/statements.ts';
import { loadClassRanges } from '../../services/ledger/statements.ts';


/** The year asked for (the newest when none) and its statements; NotFoundError without a ledger for it. */
async function loadYearStatements(db: Database, federationId: number, asked: number | undefined) {
  const years = await listLedgerYears(db, federationId);
  if (!years.length) throw new NotFoundError('Ingen huvudbok är inläst ännu. Läs in en SIE-fil först.');
  const year = asked ?? years[0]!.year;
  const s = await ledgerStatements(db, federationId, year);
  if (!s) throw new NotFoundError(`Det finns ingen huvudbok för ${year}.`);
  return { years, year, s };
}

/** The statements page's model: before any SIE import, what to do instead (not a 404). */
export async function loadStatementsPage(db: Database, federation: FederationRef, asked: number | undefined, canImport: boolean): Promise<StatementsPageModel> {
  if (!(await listLedgerYears(db, federation.id)).length) return { kind: 'no-ledger', federation, canImport };
  const { years, year, s } = await loadYearStatements(db, federation.id, asked);
  return { kind: 'statements', federation, years, year, statements: s, classRanges: await loadClassRanges(db, federation.id) };
}

/** Resultaträkning, balansräkning and kassaflödesanalys from the ledger: page, JSON, CSV and XLSX. */
export const ledgerStatementRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const load = (federationId: number, asked: number | undefined) => loadYearStatements(db, federationId, asked);

  app.get('/f/:federationId/ledger/statements', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(<StatementsPage model={await loadStatementsPage(db, federation, queryYear(c, ['year']), c.get('ctx').can('ledger:write'))} />);
  });

  app.get('/f/:federationId/ledger/statements.csv', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const { year, s } = await load(federation.id, queryYear(c, ['year']));
    return c.body(tableToCsv(statementsTable(s.layout, year)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rakenskaper-${year}.csv"`,
    });
  });

  app.get('/f/:federationId/ledger/statements.xlsx', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const { year, s } = await load(federation.id, queryYear(c, ['year']));
    const buf = await tablesToXlsx(statementTables(s.layout, year));
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="rakenskaper-${year}.xlsx"`,
    });
  });

  app.get('/api/federations/:federationId/ledger/statements', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const { year, s } = await load(federation.id, queryYear(c, ['year']));
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
