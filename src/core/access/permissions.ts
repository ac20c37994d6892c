/**
 * Who may do what: the pure rules from role to permission. The HTTP layer (src/http/context.ts) asks these
 * rules for every request; nothing else decides access.
 */

export const permissions = [
  'federation:read',
  'economy:read',
  'economy:write',
  'ledger:write',
  'interventions:read',
  'interventions:write',
  'participants:write',
  'activities:write',
  'statistics:read',
  'surveys:read',
  'surveys:manage',
  'audit:read',
  'users:manage',
  'admin',
  // The annual report, interim report and board pack: download (read) and edit texts, board register, decision items (write).
  'reports:read',
  'reports:write',
  // Installation-wide, no förbund scope: the national view (suppressed figures of every förbund) and the
  // state's allocation model. Read: the national role and any förbund's kansli (to compare); write
  // (allocation inputs, the state's total): the national role.
  'national:read',
  'national:write',
  // The intervention's entry in the public catalogue (Insatskatalogen): the kansli, or the intervention's own staff.
  'catalogue:write',
  // The förbund's e-mail: its outbox (what was sent, what failed, resend) and its reminder settings. The kansli's.
  'mail:manage',
  // Applications for money (ansökan): read (the board, the auditors), write (the kansli: register, prepare).
  'applications:read',
  'applications:write',
  // Board meetings: notices, protocols (the kansli). Justering is not a permission but being named justerare.
  'meetings:write',
  // The förbund's duties as a public authority: read the registry, the document management plan, disposals and
  // the internal control (kansli, styrelse, revisor); write them (kansli).
  'records:read',
  'records:write',
] as const;
export type Permission = (typeof permissions)[number];

/** Roles within one förbund. */
export const federationRoles = ['kansli', 'styrelse', 'insats', 'revisor'] as const;
export type FederationRole = (typeof federationRoles)[number];

export const federationRoleLabels: Record<FederationRole, string> = {
  kansli: 'Kansli',
  styrelse: 'Styrelse',
  insats: 'Insatspersonal',
  revisor: 'Revisor',
};

export function isFederationRole(v: unknown): v is FederationRole {
  return typeof v === 'string' && (federationRoles as readonly string[]).includes(v);
}

export interface FederationGrant {
  readonly role: FederationRole;
  /** For the insats role: the interventions the user works in. */
  readonly interventionIds: readonly number[];
}

/** Everything that decides what one acting user may do. */
export interface Principal {
  /** The local single user of an installation without accounts, and system actors (CLI): everything. */
  readonly local: boolean;
  /** System administrator: manages förbund and users; sees every förbund's name, not its data. */
  readonly admin: boolean;
  /** National reader: suppressed aggregate statistics of every förbund, nothing else. */
  readonly national: boolean;
  readonly federations: ReadonlyMap<number, FederationGrant>;
}

export interface AccessScope {
  readonly federationId?: number;
  readonly interventionId?: number;
}

/** What each role may do in its förbund, without regard to intervention scope. */
const rolePermissions: Record<FederationRole, readonly Permission[]> = {
  // Everything in its förbund; only the installation-wide administration is not the förbund's.
  kansli: permissions.filter((p) => p !== 'admin' && !p.startsWith('national:')),
  // Reads the economy, the interventions (money granted, goals), the statistics, the survey results and the
  // reports; decides, but records nothing. Survey free text is surveys:manage (kansli only).
  styrelse: ['federation:read', 'economy:read', 'interventions:read', 'statistics:read', 'surveys:read', 'reports:read', 'applications:read', 'records:read'],
  revisor: ['federation:read', 'economy:read', 'interventions:read', 'statistics:read', 'surveys:read', 'audit:read', 'reports:read', 'applications:read', 'records:read'],
  // Only inside an assigned intervention (see can()): reads it, records its participants and activities.
  // Never `interventions:write` (name, owner, budget line, grants, requisitions, staffing, goals): the board
  // decides the money and the kansli records it.
  insats: ['federation:read', 'interventions:read', 'participants:write', 'activities:write', 'statistics:read', 'catalogue:write'],
};

/** Permissions of the insats role that need an assigned intervention as scope. */
const interventionScoped: readonly Permission[] = ['interventions:read', 'participants:write', 'activities:write', 'statistics:read', 'catalogue:write'];

/**
 * May the principal do this? A permission about a förbund's data needs scope.federationId; without it only
 * installation-wide permissions (admin) can be granted. The insats role's intervention permissions need
 * scope.interventionId of an assigned intervention: without one they are refused (lists must filter each
 * row through can() with its interventionId).
 */
export function can(p: Principal, permission: Permission, scope: AccessScope = {}): boolean {
  if (p.local) return true;
  if (permission === 'admin') return p.admin;
  if (permission === 'national:read') return p.national || [...p.federations.values()].some((g) => g.role === 'kansli');
  if (permission === 'national:write') return p.national;
  const fid = scope.federationId;
  if (fid === undefined) return false;
  if (p.admin && (permission === 'federation:read' || permission === 'users:manage')) return true;
  if (p.national && (permission === 'federation:read' || permission === 'statistics:read') && scope.interventionId === undefined) {
    return true;
  }
  const grant = p.federations.get(fid);
  if (!grant) return false;
  if (!rolePermissions[grant.role].includes(permission)) return false;
  if (grant.role === 'insats' && interventionScoped.includes(permission)) {
    return scope.interventionId !== undefined && grant.interventionIds.includes(scope.interventionId);
  }
  return true;
}

/**
 * For list pages and statistics over interventions: 'all' when the permission holds for the förbund as a
 * whole, else the assigned interventions it holds for (the insats role). Routes filter their rows by this.
 */
export function interventionsAllowed(p: Principal, permission: Permission, federationId: number): 'all' | number[] {
  if (can(p, permission, { federationId })) return 'all';
  const grant = p.federations.get(federationId);
  return (grant?.interventionIds ?? []).filter((interventionId) => can(p, permission, { federationId, interventionId }));
}

/** The förbund a principal may open at all. */
export function visibleFederation(p: Principal, federationId: number): boolean {
  return can(p, 'federation:read', { federationId });
}

export const localPrincipal: Principal = { local: true, admin: true, national: false, federations: new Map() };
