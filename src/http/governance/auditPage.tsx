import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import type { AuditEntry, AuditFilter } from '../../services/audit/auditLog.ts';
import { auditKindLabels, auditTables, type AuditKind } from '../../core/audit/names.ts';

const actionLabels: Record<AuditEntry['action'], string> = { insert: 'Ny', update: 'Ändrad', delete: 'Borttagen' };

function changesText(e: AuditEntry, side: 'before' | 'after'): string {
  return e.changes.flatMap((c) => (c[side] === null ? [] : [`${c.label}: ${c[side]}`])).join('\n');
}

/** What the audit page shows: the entries matching the filter (at most `limit`), the tables to filter by. */
export interface AuditPageModel {
  readonly federation: FederationRef;
  readonly entries: readonly AuditEntry[];
  readonly limit: number;
  readonly tables: readonly string[];
  readonly filter: AuditFilter;
  /** The request's query string ('' or '?…'), carried over to the XLSX export link. */
  readonly query: string;
}

/** The audit trail with its filters and the export link. */
export function AuditPage(props: { model: AuditPageModel }) {
  const { federation: f, filter, entries, tables, query, limit } = props.model;
  return (
    <Layout title="Granskningslogg" federation={f}>
      <h1>Granskningslogg</h1>
      <p>Varje ändring i förbundets uppgifter: vem, när, vad och värdena före och efter. Loggen kan inte ändras eller raderas.</p>
      <p>
        Ändringar i deltagande visas med deltagarkod och vilka fält som ändrats, aldrig med värdena: deltagarnas uppgifter syns bara
        som maskerad statistik.
      </p>
      <form method="get" action={`/f/${f.id}/audit`}>
        <label for="actor">Person (namn eller e-post)</label>
        <input id="actor" name="actor" type="text" value={filter.actor ?? ''} />
        <label for="kind">Sorts uppgift</label>
        <select id="kind" name="kind">
          <option value="">Alla</option>
          {(Object.keys(auditKindLabels) as AuditKind[]).map((k) => (
            <option value={k} selected={k === filter.kind}>
              {auditKindLabels[k]}
            </option>
          ))}
        </select>
        <label for="table">Uppgift</label>
        <select id="table" name="table">
          <option value="">Alla</option>
          {[...tables]
            .sort((a, b) => (auditTables[a]?.label ?? a).localeCompare(auditTables[b]?.label ?? b, 'sv'))
            .map((t) => (
              <option value={t} selected={t === filter.table}>
                {auditTables[t]?.label ?? t}
              </option>
            ))}
        </select>
        <label for="from">Från och med (ÅÅÅÅ-MM-DD)</label>
        <input id="from" name="from" type="date" value={filter.from ?? ''} />
        <label for="to">Till och med (ÅÅÅÅ-MM-DD)</label>
        <input id="to" name="to" type="date" value={filter.to ?? ''} />
        <label for="text">Fritext (t.ex. ett filnamn)</label>
        <input id="text" name="text" type="search" value={filter.text ?? ''} />
        <p>
          <button type="submit">Filtrera</button> <a href={`/f/${f.id}/audit.xlsx${query}`}>Exportera till Excel (XLSX)</a>
        </p>
      </form>
      <ScrollTable>
        <table>
        <caption>
          {entries.length === limit ? `De senaste ${limit} ändringarna som matchar (exporten tar med alla)` : `${entries.length} ändringar`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Person</th>
            <th scope="col">Uppgift</th>
            <th scope="col">Rad</th>
            <th scope="col">Åtgärd</th>
            <th scope="col">Före</th>
            <th scope="col">Efter</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            return (
              <tr>
                <th scope="row">{e.occurredAt}</th>
                <td>{e.actorName ? `${e.actorName} (${e.actor})` : e.actor}</td>
                <td>{e.tableLabel}</td>
                <td>{e.rowId ?? ''}</td>
                <td>{actionLabels[e.action]}</td>
                {e.summary ? (
                  <td colspan={2}>{e.summary}</td>
                ) : (
                  <>
                    <td class="audit-values">{changesText(e, 'before')}</td>
                    <td class="audit-values">{changesText(e, 'after')}</td>
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
