import type { Child } from 'hono/jsx';

/**
 * A wide table scrolls inside its own box, not the page (390 px screens). The box can take keyboard focus so
 * that it can be scrolled without a mouse (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function ScrollTable(props: { children?: Child; label?: string; labelledBy?: string }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={props.labelledBy} aria-label={props.labelledBy ? undefined : (props.label ?? 'Tabell (rullas i sidled)')} tabindex={0}>
      {props.children}
    </div>
  );
}
