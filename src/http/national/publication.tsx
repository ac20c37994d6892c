import type { StatTable } from '../../core/statistics/statTable.ts';
import type { Table } from '../../core/table.ts';
import { TableView } from '../kit/tableView.tsx';
import { formatList } from '../../core/format.ts';
import type { NationalPublication } from '../../services/national/nationalStatistics.ts';

/**
 * What the national view says about the year's participant figures: they are the förbund's frozen figures of a
 * closed year; an open year is published when it closes, a closed year not yet frozen everywhere soon.
 */
export function PublicationNote(props: { year: number; publication: NationalPublication }) {
  const { year, publication: p } = props;
  if (p.state === 'open') {
    return (
      <p class="notice" role="note">
        Deltagarsiffrorna för {year} publiceras när året stängs{p.publishedFrom ? `, ${p.publishedFrom}` : ''}. Ekonomin visas redan.
      </p>
    );
  }
  if (p.state === 'pending') {
    return (
      <p class="notice" role="note">
        Året {year} har stängt. Deltagarsiffrorna publiceras snart: förbundens siffror fastställs nu i bakgrunden.
      </p>
    );
  }
  const notCovered = p.notCovered ?? [];
  return (
    <>
      <p>
        Deltagarsiffrorna är förbundens fastställda siffror för det stängda året {year}: samma siffror som varje förbund själv publicerar, och det
        som ett förbund döljer är dolt även här.
      </p>
      {notCovered.length > 0 && (
        <p class="notice" role="note">
          {formatList(notCovered)} ingår inte i deltagarsiffrorna för {year}: {notCovered.length === 1 ? 'förbundet' : 'förbunden'} kom till efter att året
          publicerades, och ett publicerat år ändras inte (då skulle skillnaden visa {notCovered.length === 1 ? 'förbundets' : 'förbundens'} dolda tal).
          Ekonomin visas.
        </p>
      )}
    </>
  );
}

/** Trends per county (and the country) and per förbund: one table per measure. */
export function TrendTables(props: { tables: readonly StatTable[]; idPrefix: string }) {
  return (
    <>
      {props.tables.map((t, m) => (
        <TableView table={trendAsTable(t)} id={`${props.idPrefix}-${m}`} />
      ))}
    </>
  );
}

function trendAsTable(t: StatTable): Table {
  return {
    title: t.title,
    columns: [{ key: 'label', header: t.rowHeader, kind: 'text' }, ...t.colLabels.map((year, j) => ({ key: `y${j}`, header: year, kind: 'integer' as const }))],
    rows: t.rowLabels.map((label, i) => ({ cells: Object.fromEntries([['label', label], ...t.cells[i]!.map((v, j) => [`y${j}`, v ?? '–'])]) })),
  };
}
