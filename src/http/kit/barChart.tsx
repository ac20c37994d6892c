import { amountClass, formatTkr } from './present.ts';
import { ScrollTable } from './scrollTable.tsx';

/**
 * A grouped horizontal bar chart as inline SVG (works without JavaScript): one group per category, one bar per
 * series. role="img" with <title> and <desc> (the desc states every value, so screen readers get the figures),
 * a visible legend, and the same data as a table right below — the table is the text alternative that can be
 * navigated, the chart is the picture. Colours meet the 3:1 contrast for graphics on white (WCAG 1.4.11).
 */

export interface BarSeries {
  readonly label: string;
  /** One of the classes in app.css: chart-a (dark blue), chart-b (orange-brown, striped), chart-c (grey). */
  readonly tone: 'chart-a' | 'chart-b' | 'chart-c';
}

export interface BarCategory {
  readonly label: string;
  /** Öre, one per series; null when the series has no value for this category. */
  readonly values: readonly (number | null)[];
  /** Marks the category (e.g. outcome over budget); its label gets a "!" and the table a note. */
  readonly flagged?: string;
}

const LABEL_WIDTH = 280;
const VALUE_WIDTH = 70;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const LEGEND_HEIGHT = 28;
const WIDTH = 760;

export function BarChart(props: { id: string; title: string; description?: string; series: readonly BarSeries[]; categories: readonly BarCategory[]; unit?: string }) {
  const unit = props.unit ?? 'tkr';
  const max = Math.max(1, ...props.categories.flatMap((c) => c.values.map((v) => Math.abs(v ?? 0))));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const groupHeight = props.series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const height = LEGEND_HEIGHT + props.categories.length * (groupHeight + GROUP_GAP);
  const desc =
    (props.description ? props.description + ' ' : '') +
    props.categories
      .map((c) => `${c.label}: ${props.series.map((s, i) => `${s.label.toLowerCase()} ${c.values[i] == null ? 'saknas' : `${formatTkr(c.values[i]!)} ${unit}`}`).join(', ')}${c.flagged ? ` (${c.flagged})` : ''}.`)
      .join(' ');
  return (
    <figure class="chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      <svg
        id={props.id}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        class="bar-chart"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{desc}</desc>
        <defs>
          <pattern id={`${props.id}-stripes`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="chart-b-fill" />
            <rect width="2" height="6" class="chart-b-stripe" />
          </pattern>
        </defs>
        <g class="legend" aria-hidden="true">
          {props.series.map((s, i) => (
            <g transform={`translate(${LABEL_WIDTH + i * 170}, 4)`}>
              <rect width="14" height="14" class={s.tone} fill={s.tone === 'chart-b' ? `url(#${props.id}-stripes)` : undefined} />
              <text x="20" y="12">
                {s.label}
              </text>
            </g>
          ))}
        </g>
        {props.categories.map((c, ci) => {
          const y0 = LEGEND_HEIGHT + ci * (groupHeight + GROUP_GAP);
          return (
            <g class="category" aria-hidden="true">
              <text x={LABEL_WIDTH - 8} y={y0 + groupHeight / 2 + 5} text-anchor="end" class={c.flagged ? 'flagged' : undefined}>
                {c.flagged ? `! ${c.label}` : c.label}
              </text>
              {props.series.map((s, si) => {
                const v = c.values[si];
                const w = v == null ? 0 : Math.max(v === 0 ? 0 : 1, Math.round((Math.abs(v) / max) * plotWidth));
                const y = y0 + si * (BAR_HEIGHT + BAR_GAP);
                return (
                  <>
                    <rect x={LABEL_WIDTH} y={y} width={w} height={BAR_HEIGHT} class={s.tone} fill={s.tone === 'chart-b' ? `url(#${props.id}-stripes)` : undefined}>
                      <title>{`${c.label}, ${s.label.toLowerCase()}: ${v == null ? 'saknas' : `${formatTkr(v)} ${unit}`}`}</title>
                    </rect>
                    <text x={LABEL_WIDTH + w + 4} y={y + BAR_HEIGHT - 3} class="value">
                      {v == null ? '–' : formatTkr(v)}
                    </text>
                  </>
                );
              })}
            </g>
          );
        })}
      </svg>
      <ScrollTable label="Diagrammets tabell">
      <table class="chart-data">
        <caption>Tabell: {props.title} ({unit})</caption>
        <thead>
          <tr>
            <th scope="col">Avsnitt</th>
            {props.series.map((s) => (
              <th scope="col" class="num">
                {s.label}
              </th>
            ))}
            {props.categories.some((c) => c.flagged) ? <th scope="col">Anmärkning</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.categories.map((c) => (
            <tr>
              <th scope="row">{c.label}</th>
              {props.series.map((_, i) => {
                const v = c.values[i];
                return <td class={`num${v == null ? '' : amountClass(v)}`}>{v == null ? '–' : formatTkr(v)}</td>;
              })}
              {props.categories.some((x) => x.flagged) ? <td>{c.flagged ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollTable>
    </figure>
  );
}
