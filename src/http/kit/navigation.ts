import type { Permission } from '../../core/access/permissions.ts';
import type { FederationRef, RequestContext } from '../context.ts';

/**
 * The menu and the start page of each role, from the same permission rules the routes check
 * (src/core/access/permissions.ts through `ctx.can`): an item is offered only when the page's route would
 * let this user in, so nobody is offered a page that answers 403. Each item names the permission its route
 * requires; test/roles.db.test.ts walks every role's menu and expects 200.
 */

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

/** One page of a förbund and the permission its route checks (at förbund level). */
interface FederationPage {
  readonly path: string;
  readonly label: string;
  readonly permission: Permission;
}

const federationPages: readonly FederationPage[] = [
  { path: '', label: 'Översikt', permission: 'economy:read' },
  { path: '/driftredovisning', label: 'Driftredovisning', permission: 'economy:read' },
  { path: '/nyckeltal', label: 'Nyckeltal', permission: 'economy:read' },
  { path: '/budget', label: 'Budget', permission: 'economy:read' },
  { path: '/utfall', label: 'Utfall', permission: 'economy:read' },
  // Only for those who set it; readers reach the page from the overview's forecast explanation.
  { path: '/periodisering', label: 'Periodisering', permission: 'economy:write' },
  { path: '/medlemmar', label: 'Medlemmar och medel', permission: 'economy:read' },
  { path: '/ledger', label: 'Huvudbok (SIE)', permission: 'economy:read' },
  { path: '/ledger/statements', label: 'Räkenskaper', permission: 'economy:read' },
  { path: '/ledger/mapping', label: 'Kontokoppling', permission: 'economy:read' },
  { path: '/insatser', label: 'Insatser', permission: 'interventions:read' },
  { path: '/strukturaktiviteter', label: 'Strukturaktiviteter', permission: 'interventions:read' },
  { path: '/statistik', label: 'Deltagarstatistik', permission: 'statistics:read' },
  { path: '/katalog', label: 'Insatskatalog', permission: 'interventions:read' },
  { path: '/progression', label: 'Progressionsinstrument', permission: 'interventions:write' },
  { path: '/enkater', label: 'Indikatorenkäter', permission: 'surveys:read' },
  { path: '/arsredovisning', label: 'Årsredovisning och rapporter', permission: 'reports:read' },
  { path: '/nytta', label: 'Värde per medlem', permission: 'reports:read' },
  { path: '/finsam', label: 'Uppföljning Finsam', permission: 'reports:read' },
  { path: '/styrelse', label: 'Styrelse och möten', permission: 'reports:read' },
  { path: '/installningar', label: 'Inställningar', permission: 'economy:read' },
  { path: '/users', label: 'Användare', permission: 'users:manage' },
  { path: '/epost', label: 'E-post', permission: 'mail:manage' },
  { path: '/audit', label: 'Granskningslogg', permission: 'audit:read' },
];

type NavContext = Pick<RequestContext, 'can' | 'mode' | 'assignedInterventions' | 'principal'>;

/** The förbund's menu for this user: the pages its role may open, and an insats user's own interventions. */
export function federationNav(ctx: NavContext, federation: FederationRef): NavItem[] {
  const base = `/f/${federation.id}`;
  const items: NavItem[] = federationPages
    .filter((p) => ctx.can(p.permission, { federationId: federation.id }))
    .map((p) => ({ href: `${base}${p.path}`, label: p.label }));
  // The insats role: its own interventions, their participants and statistics (every route checks the
  // same permission with the intervention as scope).
  for (const i of ctx.assignedInterventions) {
    const scope = { federationId: federation.id, interventionId: i.id };
    if (!ctx.can('interventions:read', scope)) continue;
    items.push({ href: `${base}/insatser/${i.id}`, label: i.name });
    if (ctx.can('participants:write', scope)) items.push({ href: `${base}/insatser/${i.id}/deltagare`, label: `Deltagare i ${i.name}` });
    if (ctx.can('statistics:read', scope)) items.push({ href: `${base}/insatser/${i.id}/statistik`, label: `Statistik för ${i.name}` });
    if (i.kind === 'structural' && ctx.can('activities:write', scope) && !ctx.can('interventions:read', { federationId: federation.id })) {
      items.push({ href: `${base}/strukturaktiviteter`, label: `Aktiviteter i ${i.name}` });
    }
  }
  return items;
}

/** The installation-wide items: the system administrator's pages, the national reader's start, the account. */
export function globalNav(ctx: NavContext): NavItem[] {
  const items: NavItem[] = [];
  if (ctx.can('admin')) {
    items.push({ href: '/admin/federations', label: 'Förbund' }, { href: '/admin/users', label: 'Alla användare' });
  }
  if (ctx.principal.national && !ctx.principal.local) items.push({ href: '/nationell', label: 'Statistik i alla förbund' });
  else if (ctx.can('national:read')) items.push({ href: '/nationell', label: 'Nationell jämförelse' });
  if (ctx.mode === 'session' || ctx.mode === 'local') items.push({ href: '/account', label: 'Mitt konto' });
  return items;
}

/**
 * Where a role's work is, in one förbund: kansli and styrelse the overview, revisor the driftredovisning (the
 * audit log is next in its menu), insats its own intervention (or its list of them), the national reader the
 * participant statistics, the system administrator the förbund's users. Null when the user has nothing there.
 */
export function federationLanding(ctx: Pick<RequestContext, 'can' | 'principal'>, federationId: number): string | null {
  const base = `/f/${federationId}`;
  const grant = ctx.principal.federations.get(federationId);
  if (grant?.role === 'revisor') return `${base}/driftredovisning`;
  if (grant?.role === 'insats') {
    const own = grant.interventionIds.filter((id) => ctx.can('interventions:read', { federationId, interventionId: id }));
    if (own.length === 1) return `${base}/insatser/${own[0]}`;
    return own.length ? `${base}/insatser` : null;
  }
  if (ctx.can('economy:read', { federationId })) return base;
  if (ctx.can('statistics:read', { federationId })) return `${base}/statistik`;
  if (ctx.can('users:manage', { federationId })) return `${base}/users`;
  return null;
}
