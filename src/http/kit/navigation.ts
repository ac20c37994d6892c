import type { FederationRole, Permission } from '../../core/access/permissions.ts';
import type { FederationRef, RequestContext } from '../context.ts';

/**
 * The menu and the start page of each role, from the same permission rules the routes check
 * (src/core/access/permissions.ts through `ctx.can`): an item is offered only when the page's route would
 * let this user in, so nobody is offered a page that answers 403. Each item names the permission its route
 * requires; test/roles.db.test.ts walks every role's menu and expects 200. The menu is grouped into a few areas
 * (`navGroups`); a page a role may open but does not work in is left out of its menu (`for`), and can still be
 * reached from the page that links to it.
 */

/** The areas the menu is grouped into, in menu order; one place (every page below names its group). */
export const navGroups = [
  { id: 'economy', label: 'Ekonomi' },
  { id: 'accounts', label: 'Räkenskaper' },
  { id: 'interventions', label: 'Insatser och uppföljning' },
  { id: 'governance', label: 'Styrning' },
  { id: 'administration', label: 'Administration' },
] as const;
export type NavGroupId = (typeof navGroups)[number]['id'];

export interface NavItem {
  readonly href: string;
  readonly label: string;
  /** The menu area; items without one (the account, a section's own menu) follow the groups. */
  readonly group?: NavGroupId;
}

/**
 * One page of a förbund: its group, the permission its route checks (at förbund level) and, where a role may
 * open it but does not work there, the roles that use it (`for`; without it every role the permission lets in).
 * The local single user and the system administrator have no role in the förbund and get every permitted page.
 */
interface FederationPage {
  readonly path: string;
  readonly label: string;
  readonly group: NavGroupId;
  readonly permission: Permission;
  readonly for?: readonly FederationRole[];
}

/** Every page of a förbund's menu, one line each, in menu order within its group. */
const federationPages: readonly FederationPage[] = [
  { path: '', label: 'Översikt', group: 'economy', permission: 'economy:read' },
  { path: '/driftredovisning', label: 'Driftredovisning', group: 'economy', permission: 'economy:read' },
  { path: '/nyckeltal', label: 'Nyckeltal', group: 'economy', permission: 'economy:read' },
  { path: '/budget', label: 'Budget', group: 'economy', permission: 'economy:read' },
  { path: '/utfall', label: 'Utfall', group: 'economy', permission: 'economy:read' },
  // Only for those who set it; readers reach the page from the overview's forecast explanation.
  { path: '/periodisering', label: 'Periodisering', group: 'economy', permission: 'economy:write' },
  { path: '/medlemmar', label: 'Medlemmar och medel', group: 'economy', permission: 'economy:read' },
  { path: '/ledger/statements', label: 'Räkenskaper', group: 'accounts', permission: 'economy:read' },
  // The SIE file and how its accounts reach the budget lines: the kansli's work and the auditor's trail.
  { path: '/ledger', label: 'Huvudbok (SIE)', group: 'accounts', permission: 'economy:read', for: ['kansli', 'revisor'] },
  { path: '/ledger/mapping', label: 'Kontokoppling', group: 'accounts', permission: 'economy:read', for: ['kansli', 'revisor'] },
  { path: '/insatser', label: 'Insatser', group: 'interventions', permission: 'interventions:read' },
  { path: '/strukturaktiviteter', label: 'Strukturaktiviteter', group: 'interventions', permission: 'interventions:read' },
  { path: '/statistik', label: 'Deltagarstatistik', group: 'interventions', permission: 'statistics:read' },
  { path: '/enkater', label: 'Indikatorenkäter', group: 'interventions', permission: 'surveys:read' },
  // The förbund's progression instrument: the kansli defines it; insats staff rate from their intervention.
  { path: '/progression', label: 'Progressionsinstrument', group: 'interventions', permission: 'interventions:write' },
  { path: '/nytta', label: 'Värde per medlem', group: 'interventions', permission: 'reports:read' },
  // The förbund's entries in the public catalogue: kept by the kansli (the insats staff edit their own from the intervention).
  { path: '/katalog', label: 'Insatskatalog', group: 'interventions', permission: 'interventions:read', for: ['kansli'] },
  { path: '/ansokningar', label: 'Ansökningar', group: 'governance', permission: 'applications:read' },
  { path: '/styrelse', label: 'Styrelse och möten', group: 'governance', permission: 'reports:read' },
  { path: '/moten', label: 'Sammanträden och protokoll', group: 'governance', permission: 'applications:read' },
  { path: '/arsredovisning', label: 'Årsredovisning och rapporter', group: 'governance', permission: 'reports:read' },
  // The yearly report to Försäkringskassan: the kansli files it, the auditor may check it.
  { path: '/finsam', label: 'Uppföljning Finsam', group: 'governance', permission: 'reports:read', for: ['kansli', 'revisor'] },
  { path: '/internkontroll', label: 'Internkontroll', group: 'governance', permission: 'records:read' },
  // The registry and what is kept for how long: the registrar's (kansli) work, read by the auditor.
  { path: '/diarium', label: 'Diarium', group: 'governance', permission: 'records:read', for: ['kansli', 'revisor'] },
  { path: '/dokumenthanteringsplan', label: 'Dokumenthanteringsplan', group: 'governance', permission: 'records:read', for: ['kansli', 'revisor'] },
  { path: '/audit', label: 'Granskningslogg', group: 'governance', permission: 'audit:read' },
  // Cap, floor and the smallest count shown: the kansli sets them, the auditor checks them.
  { path: '/installningar', label: 'Inställningar', group: 'administration', permission: 'economy:read', for: ['kansli', 'revisor'] },
  { path: '/users', label: 'Användare', group: 'administration', permission: 'users:manage' },
  { path: '/epost', label: 'E-post', group: 'administration', permission: 'mail:manage' },
  { path: '/tillganglighet', label: 'Tillgänglighetsredogörelse', group: 'administration', permission: 'records:write' },
];

type NavContext = Pick<RequestContext, 'can' | 'mode' | 'assignedInterventions' | 'principal'>;

/** The förbund's menu for this user: the pages its role may open, and an insats user's own interventions. */
export function federationNav(ctx: NavContext, federation: FederationRef): NavItem[] {
  const base = `/f/${federation.id}`;
  const role = ctx.principal.federations.get(federation.id)?.role;
  const items: NavItem[] = federationPages
    .filter((p) => ctx.can(p.permission, { federationId: federation.id }) && (!p.for || !role || p.for.includes(role)))
    .map((p) => ({ href: `${base}${p.path}`, label: p.label, group: p.group }));
  // The insats role: its own interventions, their participants and statistics (every route checks the
  // same permission with the intervention as scope).
  for (const i of ctx.assignedInterventions) {
    const scope = { federationId: federation.id, interventionId: i.id };
    if (!ctx.can('interventions:read', scope)) continue;
    items.push({ href: `${base}/insatser/${i.id}`, label: i.name, group: 'interventions' });
    if (ctx.can('participants:write', scope)) items.push({ href: `${base}/insatser/${i.id}/deltagare`, label: `Deltagare i ${i.name}`, group: 'interventions' });
    if (ctx.can('statistics:read', scope)) items.push({ href: `${base}/insatser/${i.id}/statistik`, label: `Statistik för ${i.name}`, group: 'interventions' });
    if (i.kind === 'structural' && ctx.can('activities:write', scope) && !ctx.can('interventions:read', { federationId: federation.id })) {
      items.push({ href: `${base}/strukturaktiviteter`, label: `Aktiviteter i ${i.name}`, group: 'interventions' });
    }
  }
  return items;
}

/** The installation-wide items: the system administrator's pages, the national reader's start, the account. */
export function globalNav(ctx: NavContext): NavItem[] {
  const items: NavItem[] = [];
  if (ctx.can('admin')) {
    items.push({ href: '/admin/federations', label: 'Förbund', group: 'administration' }, { href: '/admin/users', label: 'Alla användare', group: 'administration' });
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

/** A menu in its groups (in `navGroups` order, empty groups left out) and the items that belong to none, after them. */
export function groupedNav(items: readonly NavItem[]): { groups: { id: NavGroupId; label: string; items: NavItem[] }[]; rest: NavItem[] } {
  const groups = navGroups.map((g) => ({ id: g.id, label: g.label, items: items.filter((i) => i.group === g.id) })).filter((g) => g.items.length > 0);
  return { groups, rest: items.filter((i) => i.group === undefined) };
}
