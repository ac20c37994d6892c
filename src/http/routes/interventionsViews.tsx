import type { Child } from 'hono/jsx';
import { ScrollTable } from '../views/scrollTable.tsx';
import type { StatTable } from '../../core/statistics/statTable.ts';
import type { GoalAssessment as GoalAssessmentCode } from '../../core/interventions/vocabulary.ts';
import { GoalAssessment } from '../../core/interventions/vocabulary.ts';
import { formatKronor, formatNumberUpTo, NBSP } from '../../core/format.ts';

/** sv-SE presentation for this area's pages (numbers "18 964", "23 %", kronor from öre), through core/format.ts. */
export const fmtNumber = (n: number) => formatNumberUpTo(n, 1);
export const fmtCount = (n: number | null) => (n === null ? '–' : fmtNumber(n));
/** A percentage already in per cent (66.7 → "66,7 %"). */
export const fmtPercent = (n: number | null) => (n === null ? '–' : `${fmtNumber(n)}${NBSP}%`);
export const fmtKronor = (ore: number) => formatKronor(ore);

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
    <ScrollTable>
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

const assessmentColour: Record<GoalAssessmentCode, { fill: string; symbol: string }> = {
  met: { fill: '#1f6b2e', symbol: '✓' },
  partly_met: { fill: '#8a5a00', symbol: '◐' },
  not_met: { fill: '#a4141c', symbol: '✗' },
};

/** Goal assessment as colour AND symbol AND text (never colour alone). */
export function AssessmentBadge(props: { assessment: GoalAssessmentCode }) {
  const a = assessmentColour[props.assessment];
  return (
    <span class={`assessment assessment-${props.assessment}`}>
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
        <circle cx="7" cy="7" r="6" fill={a.fill} />
      </svg>{' '}
      {a.symbol} {GoalAssessment.label(props.assessment)}
    </span>
  );
}

export function Field(props: { label: string; name: string; id?: string; type?: string; required?: boolean; value?: string; hint?: string; children?: Child }) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required ? ' (krävs)' : ''}
      </label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.children ?? (
        <input id={id} name={props.name} type={props.type ?? 'text'} required={props.required} value={props.value} aria-describedby={props.hint ? `${id}-hint` : undefined} />
      )}
    </div>
  );
}

export function SelectField<K extends string>(props: { label: string; name: string; vocab: { codes: readonly K[]; labels: Record<K, string> }; required?: boolean; empty?: string; id?: string; value?: string }) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <Field label={props.label} name={props.name} id={id} required={props.required}>
      <select id={id} name={props.name} required={props.required}>
        {props.empty !== undefined || !props.required ? <option value="">{props.empty ?? '– välj –'}</option> : null}
        {props.vocab.codes.map((c) => (
          <option value={c} selected={props.value === c}>
            {props.vocab.labels[c]}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The hidden CSRF field every posting form carries (see csrfTokenOf). */
export function CsrfField(props: { token: string | undefined }) {
  return props.token ? <input type="hidden" name="_csrf" value={props.token} /> : null;
}

/** The problems of a refused form, at its top, each linking to its field (fields have id "f-<name>"). */
export function ErrorSummary(props: { problems: readonly { field?: string; message: string }[]; labels: Record<string, string> }) {
  if (!props.problems.length) return null;
  return (
    <div class="error" role="alert" id="error-summary">
      <h3>Uppgifterna sparades inte</h3>
      <ul>
        {props.problems.map((p) => (
          <li>
            {p.field ? <a href={`#f-${p.field}`}>{props.labels[p.field] ?? p.field}</a> : null}
            {p.field ? ': ' : ''}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
