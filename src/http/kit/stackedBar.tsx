/**
 * One horizontal 100 % bar per statement, split into the share of each answer step (inline SVG, no inline
 * styles: colours are classes in app.css). role="img" with a <title> and a <desc> that states every share,
 * so a screen reader gets the figures; the same figures are in the table beside it.
 */

const WIDTH = 300;
const HEIGHT = 26;

export function StackedBar(props: { id: string; label: string; scale: readonly string[]; percents: readonly number[] }) {
  const desc = props.scale.map((s, i) => `${s} ${props.percents[i]} %`).join(', ');
  let x = 0;
  return (
    <svg id={props.id} class="stacked-chart" role="img" aria-labelledby={`${props.id}-t ${props.id}-d`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="xMinYMid meet">
      <title id={`${props.id}-t`}>{props.label}</title>
      <desc id={`${props.id}-d`}>{desc}</desc>
      <g aria-hidden="true">
        {props.percents.map((p, i) => {
          const w = (p / 100) * WIDTH;
          const x0 = x;
          x += w;
          if (w <= 0) return null;
          return (
            <>
              <rect class={`seg step-${i % 10}`} x={x0.toFixed(2)} y="0" width={w.toFixed(2)} height={HEIGHT}>
                <title>{`${props.scale[i]}: ${p} %`}</title>
              </rect>
              {w >= 22 ? (
                <text class="on-bar" x={(x0 + w / 2).toFixed(2)} y={HEIGHT / 2 + 4} text-anchor="middle">
                  {`${p}`}
                </text>
              ) : null}
            </>
          );
        })}
      </g>
    </svg>
  );
}

/** The colour key of a scale, as a small SVG list (the steps' colours in scale order). */
export function StackedLegend(props: { id: string; scale: readonly string[] }) {
  const rowH = 18;
  return (
    <svg id={props.id} class="stacked-chart" role="img" aria-label={`Färgförklaring: ${props.scale.join(', ')}`} viewBox={`0 0 ${WIDTH} ${props.scale.length * rowH}`}>
      <g aria-hidden="true">
        {props.scale.map((s, i) => (
          <g transform={`translate(0, ${i * rowH})`}>
            <rect class={`seg step-${i % 10}`} width="14" height="14" y="2" />
            <text x="20" y="14">
              {s}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
