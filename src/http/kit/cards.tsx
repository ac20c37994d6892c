import type { Child } from 'hono/jsx';

/**
 * Figure cards for the dashboard and key-figures pages: a label, one big figure, an optional explanation.
 * A card with a tone gets a visible marker word too, never colour alone.
 */
export type CardTone = 'neutral' | 'ok' | 'warning';

export function FigureCard(props: { label: string; figure: string; unit?: string; note?: Child; tone?: CardTone }) {
  const tone = props.tone ?? 'neutral';
  return (
    <section class={`card card-${tone}`} aria-label={props.label}>
      <h3 class="card-label">{props.label}</h3>
      <p class="figure">
        {props.figure}
        {props.unit ? <span class="unit"> {props.unit}</span> : null}
      </p>
      {tone === 'warning' ? <p class="card-flag">Varning</p> : null}
      {props.note ? <p class="card-note">{props.note}</p> : null}
    </section>
  );
}

export function CardGrid(props: { label?: string; children?: Child }) {
  return (
    <div class="cards" role={props.label ? 'group' : undefined} aria-label={props.label}>
      {props.children}
    </div>
  );
}

/** Warnings for the board, each a sentence; an empty list says so. */
export function WarningList(props: { warnings: readonly string[]; title?: string }) {
  return (
    <section aria-labelledby="warnings-title" class="warnings">
      <h2 id="warnings-title">{props.title ?? 'Varningar'}</h2>
      {props.warnings.length ? (
        <ul>
          {props.warnings.map((w) => (
            <li class="warning">{w}</li>
          ))}
        </ul>
      ) : (
        <p>Inga varningar.</p>
      )}
    </section>
  );
}
