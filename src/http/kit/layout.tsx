import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { HtmlDocument } from './htmlDocument.tsx';
import { tryGetContext } from 'hono/context-storage';
import type { AppEnv, FederationRef, RequestContext } from '../context.ts';
import { federationLanding, federationNav, globalNav, groupedNav, type NavItem } from './navigation.ts';
import { FlashMessage } from './flash.tsx';

export type { NavItem } from './navigation.ts';
export { federationNav } from './navigation.ts';

/** The request's context, when the page is rendered inside a request (always, except in unit tests of views). */
function requestContext(): { ctx: RequestContext | undefined; path: string } {
  const c = tryGetContext<AppEnv>();
  if (!c) return { ctx: undefined, path: '' };
  let ctx: RequestContext | undefined;
  try {
    ctx = c.get('ctx');
  } catch {
    ctx = undefined;
  }
  return { ctx, path: c.req.path };
}

/**
 * Every page: Swedish, a skip link, landmarks, one h1 (given by the page), keyboard-visible focus.
 * The menu is the user's: built from the permission rules (kit/navigation.ts), the förbund's pages on
 * förbund pages and the installation-wide ones everywhere. On a narrow screen it folds into a <details>
 * "Meny" (no script needed); on a wide one it is always open (app.css). A flash message after a
 * post-redirect-get (kit/flash.tsx) shows above the page's content.
 */
export function Layout(props: { title: string; federation?: FederationRef | null; children?: Child; nav?: readonly NavItem[] }) {
  const { ctx, path } = requestContext();
  // A section with its own menu (e.g. the national view) keeps the installation-wide items (account, logout).
  const nav: NavItem[] = props.nav
    ? [...props.nav, ...(ctx ? globalNav(ctx).filter((g) => !props.nav!.some((n) => n.href === g.href)) : [])]
    : ctx
      ? [...(props.federation ? federationNav(ctx, props.federation) : []), ...globalNav(ctx)]
      : [];
  const home = ctx && props.federation ? (federationLanding(ctx, props.federation.id) ?? '/') : '/';
  const [before, after] = shellAround({ title: props.title, federation: props.federation ?? null, home, nav, path });
  return (
    <>
      {raw(before)}
      <FlashMessage />
      {props.children}
      {raw(after)}
    </>
  );
}

interface ShellProps {
  readonly title: string;
  readonly federation: FederationRef | null;
  readonly home: string;
  readonly nav: readonly NavItem[];
  readonly path: string;
}

/**
 * The page around <main>'s content (head, header, menu), rendered once per distinct title, förbund, menu and
 * path and kept as two strings: the menu is worked out for every request (it is the user's), but its HTML is
 * the same for everyone with that menu on that page. Bounded; the oldest shells go first.
 */
const shells = new Map<string, readonly [string, string]>();
const shellLimit = 500;
const contentMark = '\u0000content\u0000';

function shellAround(props: ShellProps): readonly [string, string] {
  const key = JSON.stringify([props.title, props.federation?.id, props.federation?.name, props.home, props.nav, props.path]);
  const known = shells.get(key);
  if (known) return known;
  const html = String((<Shell {...props}>{raw(contentMark)}</Shell>).toString());
  const at = html.indexOf(contentMark);
  // The shell's components are synchronous; a shell that rendered as a promise would have no mark.
  if (at < 0) throw new Error('The layout shell did not render synchronously.');
  const parts = [html.slice(0, at), html.slice(at + contentMark.length)] as const;
  shells.set(key, parts);
  if (shells.size > shellLimit) shells.delete(shells.keys().next().value!);
  return parts;
}

function Shell(props: ShellProps & { children: Child }) {
  const { federation, home, nav, path } = props;
  return (
    <HtmlDocument title={federation ? `${props.title} – ${federation.name} – Samordna` : `${props.title} – Samordna`}>
      <a class="skip-link" href="#main">Hoppa till innehållet</a>
      <header class="site-header">
        <a class="brand" href="/">Samordna</a>
        {federation ? (
          <a class="federation-name" href={home}>
            {federation.name}
          </a>
        ) : null}
      </header>
      {nav.length ? <MainNav nav={nav} path={path} /> : null}
      <main id="main" tabindex={-1}>
        {props.children}
      </main>
    </HtmlDocument>
  );
}

/**
 * The menu in its areas (kit/navigation.ts navGroups): each area a labelled list, the items of no area (the
 * account, a section's own menu) last. A <details> "Meny" folds it on a narrow screen; on a wide one it is
 * always open and each area is one row, its name before its items (app.css). Links only: Tab reaches every item.
 */
function MainNav(props: { nav: readonly NavItem[]; path: string }) {
  const { groups, rest } = groupedNav(props.nav);
  const link = (item: NavItem) => (
    <li>
      <a href={item.href} aria-current={item.href === props.path ? 'page' : undefined}>
        {item.label}
      </a>
    </li>
  );
  return (
    <nav aria-label="Huvudmeny" class="main-nav">
      <details class="menu">
        <summary>Meny</summary>
        <div class="menu-areas">
          {groups.map((g) => (
            <div class={g.items.some((i) => i.href === props.path) ? 'menu-area current' : 'menu-area'}>
              <p class="menu-area-label" id={`menu-${g.id}`}>
                {g.label}
              </p>
              <ul aria-labelledby={`menu-${g.id}`}>{g.items.map(link)}</ul>
            </div>
          ))}
          {rest.length ? <ul class="menu-rest">{rest.map(link)}</ul> : null}
        </div>
      </details>
    </nav>
  );
}
