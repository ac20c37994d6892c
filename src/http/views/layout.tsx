import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { tryGetContext } from 'hono/context-storage';
import type { AppEnv, FederationRef, RequestContext } from '../context.ts';
import { federationLanding, federationNav, globalNav, type NavItem } from './navigation.ts';
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
 * The menu is the user's: built from the permission rules (views/navigation.ts), the förbund's pages on
 * förbund pages and the installation-wide ones everywhere. On a narrow screen it folds into a <details>
 * "Meny" (no script needed); on a wide one it is always open (app.css). A flash message after a
 * post-redirect-get (views/flash.tsx) shows above the page's content.
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
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.federation ? `${props.title} – ${props.federation.name} – Samordna` : `${props.title} – Samordna`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <a class="skip-link" href="#main">Hoppa till innehållet</a>
        <header class="site-header">
          <a class="brand" href="/">Samordna</a>
          {props.federation ? (
            <a class="federation-name" href={home}>
              {props.federation.name}
            </a>
          ) : null}
        </header>
        {nav.length ? (
          <nav aria-label="Huvudmeny" class="main-nav">
            <details class="menu">
              <summary>Meny</summary>
              <ul>
                {nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.href === path ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          </nav>
        ) : null}
        <main id="main" tabindex={-1}>
          <FlashMessage />
          {props.children}
        </main>
      </body>
    </html>
    </>
  );
}
