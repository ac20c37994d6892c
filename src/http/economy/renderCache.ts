import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { YearFigures } from '../../core/economy/yearFigures.ts';

/**
 * The rendered HTML of a page's body, kept with the year's figures it was rendered from.
 *
 * A body rendered from the year's figures (the dashboard, driftredovisning, key figures) is a pure function of
 * the figures object and the page: every figure, the förbund's name and its settings come from the figures, and
 * the view renders nothing per user (no CSRF token, no name, no menu: the layout around it is rendered for every
 * request). getYearFigures (src/services/economy/yearFacts.ts) returns the SAME figures object for as long as
 * the figures version is unchanged and a new one after any write to the data they rest on (in any process: the
 * version is bumped by statement triggers, migration 0101). So keying the HTML by the object invalidates it
 * exactly when the figures are: there is no second version to keep in step, and a WeakMap lets the HTML go with
 * the figures when the figures cache drops them. `key` names the page and anything else the body depends on
 * (the förbund's id, the query parameters it shows).
 *
 * The view must not read the request (getContext): what it rendered for one user would be served to the next.
 * test: src/http/economy/renderCache.db.test.ts.
 */
const rendered = new WeakMap<YearFigures, Map<string, string>>();

/** Counters for tests and the bench: bodies served from the cache and bodies rendered. */
export const renderCacheStats = { hits: 0, renders: 0 };

/** A rendered JSX element (hono/jsx): its toString() gives the HTML, at once or as a promise. */
type Renderable = { toString(): string | Promise<string> };

export async function renderedFrom(figures: YearFigures, key: string, view: () => Renderable | Promise<Renderable>): Promise<HtmlEscapedString> {
  let pages = rendered.get(figures);
  if (!pages) rendered.set(figures, (pages = new Map()));
  let html = pages.get(key);
  if (html === undefined) {
    html = await (await view()).toString();
    pages.set(key, html);
    renderCacheStats.renders++;
  } else {
    renderCacheStats.hits++;
  }
  return raw(html);
}
