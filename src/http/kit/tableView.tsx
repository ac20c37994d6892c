import { ScrollTable } from './scrollTable.tsx';
import type { Cell, Table, TableColumn } from '../../core/table.ts';
import { formatCell } from '../../core/table.ts';

/**
 * A core `Table` (src/core/table.ts — the same table the CSV and XLSX exports write) as an accessible HTML
 * table: a caption with the unit, th scope="col" headings (optionally grouped, e.g. "Utfall 2025" over
 * Intäkt / Kostnad / Netto, with scope="colgroup"), the first column as th scope="row", subtotal and total rows,
 * numbers right-aligned in sv-SE form, negative numbers with a minus sign and the class "negative".
 * The cells are already rounded by the core (e.g. tkr per line and subtotal); nothing is computed here.
 */

export interface ColumnGroup {
  /** Printed over the group's columns. */
  readonly label: string;
  /** Keys of consecutive columns of the table. */
  readonly keys: readonly string[];
  /** Short headings under the group label, one per key (e.g. "Intäkt", "Kostnad", "Netto"). */
  readonly subHeaders: readonly string[];
}

function cellClass(column: TableColumn, value: Cell): string | undefined {
  if (column.kind === 'text') return undefined;
  const negative = typeof value === 'number' && formatCell(value, column).startsWith('\u2212');
  return negative ? 'num negative' : 'num';
}

interface HeaderCell {
  readonly label: string;
  readonly span: number;
  readonly group: boolean;
}

export function TableView(props: { table: Table; groups?: readonly ColumnGroup[]; id?: string; rowClass?: (index: number) => string | undefined }) {
  const { table } = props;
  const [first, ...rest] = table.columns;
  if (!first) return null;
  const groupOf = new Map<string, { group: ColumnGroup; index: number }>();
  for (const g of props.groups ?? []) g.keys.forEach((k, index) => groupOf.set(k, { group: g, index }));
  // Top row: a group label spanning its columns, or the column's own heading spanning both rows.
  const top: HeaderCell[] = [];
  for (const c of rest) {
    const g = groupOf.get(c.key);
    if (!g) top.push({ label: c.header, span: 1, group: false });
    else if (g.index === 0) top.push({ label: g.group.label, span: g.group.keys.length, group: true });
  }
  const grouped = top.some((t) => t.group);
  const captionId = props.id ? `${props.id}-caption` : undefined;
  return (
    <ScrollTable labelledBy={captionId} label={table.title}>
      <table class="statement" id={props.id}>
        <caption id={captionId}>
          {table.title}
          {table.note ? <span class="unit"> ({table.note})</span> : null}
        </caption>
        {grouped ? (
          <>
            <colgroup span={1}></colgroup>
            {top.map((t) => (
              <colgroup span={t.span}></colgroup>
            ))}
          </>
        ) : null}
        <thead>
          <tr>
            <th scope="col" rowspan={grouped ? 2 : undefined}>
              {first.header}
            </th>
            {grouped
              ? top.map((t) =>
                  t.group ? (
                    <th scope="colgroup" colspan={t.span} class="group">
                      {t.label}
                    </th>
                  ) : (
                    <th scope="col" rowspan={2} class="num">
                      {t.label}
                    </th>
                  ),
                )
              : rest.map((c) => (
                  <th scope="col" class={c.kind === 'text' ? undefined : 'num'}>
                    {c.header}
                  </th>
                ))}
          </tr>
          {grouped ? (
            <tr>
              {rest.flatMap((c) => {
                const g = groupOf.get(c.key);
                return g
                  ? [
                      <th scope="col" class="num">
                        {g.group.subHeaders[g.index] ?? c.header}
                      </th>,
                    ]
                  : [];
              })}
            </tr>
          ) : null}
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr class={[row.emphasis, props.rowClass?.(i)].filter(Boolean).join(' ') || undefined}>
              <th scope="row">{formatCell(row.cells[first.key] ?? null, first)}</th>
              {rest.map((c) => {
                const v = row.cells[c.key] ?? null;
                return <td class={cellClass(c, v)}>{formatCell(v, c)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
