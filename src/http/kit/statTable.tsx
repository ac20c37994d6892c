/** The suppressed participant statistics on a page: the table, the note on hidden cells, and a bar chart. */
import { ScrollTable } from './scrollTable.tsx';
import type { StatTable } from '../../core/statistics/statTable.ts';
import { fmtCount, fmtNumber, fmtPercent } from './format.ts';

export function SuppressionNote(props: { minCellSize: number }) {
  return (
    <p class="suppression-note">
      <strong>–</strong> betyder att uppgiften är dold: färre än {props.minCellSize} personer, eller en uppgift som annars skulle kunna
      räknas fram ur summorna. Det skyddar deltagarna från att kunna pekas ut.
    </p>
  );
}

/** A suppressed statistic as an accessible table (caption, th scope). */
export function StatTableView(props: { table: StatTable; id?: string }) {
  const t = props.table;
  const pct = t.percentages;
  return (
    <ScrollTable label={t.title}>
      <table id={props.id}>
      <caption>{t.title}</caption>
      <thead>
        <tr>
          <th scope="col">{t.rowHeader}</th>
          {t.colLabels.map((l) => (
            <th scope="col" class="num">
              {l}
            </th>
          ))}
          {t.rowTotals ? <th scope="col" class="num">Totalt</th> : null}
        </tr>
      </thead>
      <tbody>
        {t.rowLabels.map((label, i) => (
          <tr>
            <th scope="row">{label}</th>
            {t.cells[i]!.map((c, j) => (
              <td class="num">
                {fmtCount(c)}
                {pct && c !== null && pct[i]![j] !== null ? <span class="muted"> ({fmtPercent(pct[i]![j]!)})</span> : null}
              </td>
            ))}
            {t.rowTotals ? <td class="num">{fmtCount(t.rowTotals[i]!)}</td> : null}
          </tr>
        ))}
      </tbody>
      {t.colTotals ? (
        <tfoot>
          <tr class="total">
            <th scope="row">Totalt</th>
            {t.colTotals.map((c) => (
              <td class="num">{fmtCount(c)}</td>
            ))}
            {t.rowTotals ? <td class="num">{fmtCount(t.total)}</td> : null}
          </tr>
        </tfoot>
      ) : null}
      </table>
    </ScrollTable>
  );
}

export interface Bar {
  readonly label: string;
  readonly value: number | null;
}

/**
 * A horizontal bar chart as inline SVG with a title and a text alternative; hidden values get no bar and
 * are written "–". The same data is always also given as a table on the page.
 */
export function BarChart(props: { id: string; title: string; bars: readonly Bar[]; tableId: string; unit?: string }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value ?? 0));
  const rowH = 26;
  // Wide enough for the longest label (about 7.5 px a character at 13 px), so no label is cut off.
  const labelW = Math.max(120, Math.ceil(Math.max(...props.bars.map((b) => b.label.length)) * 7.5) + 16);
  const barW = 360;
  const height = props.bars.length * rowH + 10;
  const desc = props.bars.map((b) => `${b.label}: ${b.value === null ? 'dolt' : `${fmtNumber(b.value)}${props.unit ?? ''}`}`).join('; ');
  return (
    <figure class="chart">
      <svg role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} width={labelW + barW + 80} height={height} viewBox={`0 0 ${labelW + barW + 80} ${height}`}>
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{desc}</desc>
        {props.bars.map((b, i) => {
          const y = 5 + i * rowH;
          const w = b.value === null ? 0 : Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barW);
          return (
            <g>
              <text x={labelW - 8} y={y + 17} text-anchor="end" font-size="13" fill="#1b1b1b">
                {b.label}
              </text>
              <rect x={labelW} y={y + 3} width={w} height={rowH - 8} fill="#0b4f8a" />
              <text x={labelW + w + 6} y={y + 17} font-size="13" fill="#1b1b1b">
                {b.value === null ? '–' : `${fmtNumber(b.value)}${props.unit ?? ''}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {props.title}. Siffrorna finns också i <a href={`#${props.tableId}`}>tabellen</a>.
      </figcaption>
    </figure>
  );
}
