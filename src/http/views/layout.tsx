import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { getContext } from 'hono/context-storage';
import type { AppEnv, FederationRef } from '../context.ts';

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

/**
 * Every page: Swedish, a skip link, landmarks, one h1 (given by the page), keyboard-visible focus.
 * Federation pages get the förbund's navigation; sections add their items to `federationNav`.
 */
export function Layout(props: { title: string; federation?: FederationRef | null; children?: Child; nav?: readonly NavItem[] }) {
  const nav = props.nav ?? (props.federation ? [...federationNav(props.federation.id), ...nationalEntry()] : []);
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.federation ? `${props.title} – ${props.federation.name} – Samordna` : `${props.title} – Samordna`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">Hoppa till innehållet</a>
        <header class="site-header">
          <a class="brand" href="/">Samordna</a>
          {props.federation ? <span class="federation-name">{props.federation.name}</span> : null}
        </header>
        {nav.length ? (
          <nav aria-label="Huvudmeny" class="main-nav">
            <ul>
              {nav.map((item) => (
                <li>
                  <a href={item.href}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
    </>
  );
}

/** The national comparison, in the menu only for those who may open it (the national role, any kansli). */
function nationalEntry(): NavItem[] {
  try {
    return getContext<AppEnv>().get('ctx')?.can('national:read') ? [{ href: '/nationell', label: 'Nationell jämförelse' }] : [];
  } catch {
    return [];
  }
}

/** The förbund's menu. One list, so every area's pages are reachable from every page. */
export function federationNav(federationId: number): NavItem[] {
  const base = `/f/${federationId}`;
  return [
    { href: `${base}`, label: 'Översikt' },
    { href: `${base}/driftredovisning`, label: 'Driftredovisning' },
    { href: `${base}/nyckeltal`, label: 'Nyckeltal' },
    { href: `${base}/budget`, label: 'Budget' },
    { href: `${base}/utfall`, label: 'Utfall' },
    { href: `${base}/ledger`, label: 'Huvudbok (SIE)' },
    { href: `${base}/ledger/statements`, label: 'Räkenskaper' },
    { href: `${base}/ledger/mapping`, label: 'Kontokoppling' },
    { href: `${base}/insatser`, label: 'Insatser' },
    { href: `${base}/statistik`, label: 'Deltagarstatistik' },
    { href: `${base}/katalog`, label: 'Insatskatalog' },
    { href: `${base}/arsredovisning`, label: 'Årsredovisning och rapporter' },
    { href: `${base}/styrelse`, label: 'Styrelse och möten' },
    { href: `${base}/medlemmar`, label: 'Medlemmar och medel' },
    { href: `${base}/installningar`, label: 'Inställningar' },
    { href: `${base}/users`, label: 'Användare' },
    { href: `${base}/audit`, label: 'Granskningslogg' },
    { href: '/account', label: 'Mitt konto' },
  ];
}
