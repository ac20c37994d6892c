import { Hono, type Context } from 'hono';
import { ScrollTable } from '../views/scrollTable.tsx';
import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission, type AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { auditedTables, changedColumns, parseAuditFilter, queryAuditLog, type AuditEntry, type AuditFilter } from '../../services/audit/auditLog.ts';
import { auditLogToXlsx } from '../../exports/auditXlsx.ts';

const actionLabels: Record<AuditEntry['action'], string> = { insert: 'Ny', update: 'Ändrad', delete: 'Borttagen' };
const pageLimit = 500;

function valuesText(v: Record<string, unknown> | null, keys: readonly string[]): string {
  if (!v) return '';
  return keys.filter((k) => k in v).map((k) => `${k}: ${JSON.stringify(v[k])}`).join('\n');
}

function AuditPage(props: { c: Context<AppEnv>; entries: readonly AuditEntry[]; tables: readonly string[]; filter: AuditFilter; query: string }) {
  const f = requireFederation(props.c);
  const { filter, entries } = props;
  return (
    <Layout title="Granskningslogg" federation={f}>
      <h1>Granskningslogg</h1>
      <p>Varje ändring i förbundets uppgifter: vem, när, vad och värdena före och efter. Loggen kan inte ändras eller raderas.</p>
      <p>
        Ändringar i deltagande visas med deltagarkod och vilka fält som ändrats, aldrig med värdena: deltagarnas uppgifter syns bara
        som maskerad statistik.
      </p>
      <form method="get" action={`/f/${f.id}/audit`}>
        <label for="actor">Användare</label>
        <input id="actor" name="actor" type="text" value={filter.actor ?? ''} />
        <label for="table">Tabell</label>
        <select id="table" name="table">
          <option value="">Alla</option>
          {props.tables.map((t) => (
            <option value={t} selected={t === filter.table}>
              {t}
            </option>
          ))}
        </select>
        <label for="from">Från och med (ÅÅÅÅ-MM-DD)</label>
        <input id="from" name="from" type="date" value={filter.from ?? ''} />
        <label for="to">Till och med (ÅÅÅÅ-MM-DD)</label>
        <input id="to" name="to" type="date" value={filter.to ?? ''} />
        <label for="text">Text i värdena</label>
        <input id="text" name="text" type="search" value={filter.text ?? ''} />
        <p>
          <button type="submit">Filtrera</button> <a href={`/f/${f.id}/audit.xlsx${props.query}`}>Exportera till Excel (XLSX)</a>
        </p>
      </form>
      <ScrollTable>
        <table>
        <caption>
          {entries.length === pageLimit ? `De senaste ${pageLimit} ändringarna som matchar (exporten tar med alla)` : `${entries.length} ändringar`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Användare</th>
            <th scope="col">Tabell</th>
            <th scope="col">Rad</th>
            <th scope="col">Åtgärd</th>
            <th scope="col">Före</th>
            <th scope="col">Efter</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const keys = changedColumns(e);
            return (
              <tr>
                <th scope="row">{e.occurredAt}</th>
                <td>{e.actor}</td>
                <td>{e.tableName}</td>
                <td>{e.rowId ?? ''}</td>
                <td>{actionLabels[e.action]}</td>
                {e.summary ? (
                  <td colspan={2}>{e.summary}</td>
                ) : (
                  <>
                    <td class="audit-values">{valuesText(e.oldValues, keys)}</td>
                    <td class="audit-values">{valuesText(e.newValues, keys)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
        </table>
      </ScrollTable>
    </Layout>
  );
}

/** The audit trail: page with filters, JSON API and XLSX export, for kansli and revisor (audit:read). */
export const auditRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const search = (c: Context<AppEnv>) => new URL(c.req.url).search;

  app.get('/f/:federationId/audit', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'audit:read');
    const filter = parseAuditFilter(c.req.query());
    const [entries, tables] = await Promise.all([queryAuditLog(db, f.id, { ...filter, limit: pageLimit }), auditedTables(db, f.id)]);
    return c.html(<AuditPage c={c} entries={entries} tables={tables} filter={filter} query={search(c)} />);
  });

  app.get('/f/:federationId/audit.xlsx', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'audit:read');
    const entries = await queryAuditLog(db, f.id, { ...parseAuditFilter(c.req.query()), limit: 100_000 });
    const body = await auditLogToXlsx(entries, f.name);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="granskningslogg-${f.id}.xlsx"`,
    });
  });

  app.get('/api/federations/:federationId/audit', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'audit:read');
    return c.json(await queryAuditLog(db, f.id, { ...parseAuditFilter(c.req.query()), limit: Number(c.req.query('limit')) || pageLimit }));
  });
  return app;
};
