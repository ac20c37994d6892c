import type { Child } from 'hono/jsx';
import { ScrollTable } from './scrollTable.tsx';

/**
 * A plain accessible table: caption, th scope="col" headings, the first cell of each row a th scope="row".
 * Columns marked numeric are right-aligned with tabular figures; cells are already formatted (sv-SE).
 */
export interface DataColumn {
  readonly heading: Child;
  readonly numeric?: boolean;
}

export interface DataRow {
  readonly cells: readonly Child[];
  /** 'subtotal' | 'total' for summary rows. */
  readonly kind?: 'subtotal' | 'total';
  /** Extra classes per cell (e.g. "negative"), by index. */
  readonly cellClasses?: readonly (string | undefined)[];
}

export function DataTable(props: { caption: Child; columns: readonly DataColumn[]; rows: readonly DataRow[]; id?: string; empty?: string }) {
  const captionId = props.id ? `${props.id}-caption` : undefined;
  return (
    <ScrollTable labelledBy={captionId} label={typeof props.caption === 'string' ? props.caption : undefined}>
      <table id={props.id}>
        <caption id={captionId}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={c.numeric ? 'num' : undefined}>
                {c.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colspan={props.columns.length}>{props.empty ?? 'Inga rader.'}</td>
            </tr>
          ) : (
            props.rows.map((r) => (
              <tr class={r.kind}>
                {r.cells.map((cell, i) => {
                  const cls = [props.columns[i]?.numeric ? 'num' : '', r.cellClasses?.[i] ?? ''].filter(Boolean).join(' ') || undefined;
                  return i === 0 ? (
                    <th scope="row" class={cls}>
                      {cell}
                    </th>
                  ) : (
                    <td class={cls}>{cell}</td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollTable>
  );
}
