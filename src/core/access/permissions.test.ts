import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, interventionsAllowed, localPrincipal, permissions, type FederationRole, type Permission, type Principal } from './permissions.ts';

const A = 1;
const B = 2;
const OWN_INTERVENTION = 10;
const OTHER_INTERVENTION = 11;

function member(role: FederationRole, interventionIds: number[] = []): Principal {
  return { local: false, admin: false, national: false, federations: new Map([[A, { role, interventionIds }]]) };
}

// The expected answer, written out by hand from the role descriptions in the issue, for the user's own
// förbund A with no intervention scope (N = no, Y = yes). Column order = `permissions`.
// Insats staff record their own participants and activities and read their own intervention; they never write
// the intervention itself (name, owner, budget line, grants, requisitions: int:w).
// app:r / app:w / meet:w: applications read by the board and auditors, written by the kansli; meetings by the kansli.
// rec:r / rec:w: the registry, plan, disposal and internal control (issue 22): kansli, styrelse and revisor read, the kansli writes.
// nat:r / nat:w are installation-wide (no förbund scope needed): kansli of any förbund reads, national writes.
//                   fed:r  econ:r econ:w ledg:w int:r  int:w  part:w act:w  stat:r surv:r surv:m audit  users  admin  rep:r  rep:w  nat:r  nat:w  cat:w  mail  app:r  app:w  meet:w  rec:r  rec:w
const table: Record<string, string> = {
  kansli:            ' Y      Y      Y      Y      Y      Y      Y      Y      Y      Y      Y      Y      Y      N      Y      Y      Y      N      Y      Y      Y      Y      Y      Y      Y',
  styrelse:          ' Y      Y      N      N      Y      N      N      N      Y      Y      N      N      N      N      Y      N      N      N      N      N      Y      N      N      Y      N',
  revisor:           ' Y      Y      N      N      Y      N      N      N      Y      Y      N      Y      N      N      Y      N      N      N      N      N      Y      N      N      Y      N',
  insats:            ' Y      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N',
  'insats@own':      ' Y      N      N      N      Y      N      Y      Y      Y      N      N      N      N      N      N      N      N      N      Y      N      N      N      N      N      N',
  'insats@other':    ' Y      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N',
  admin:             ' Y      N      N      N      N      N      N      N      N      N      N      N      Y      Y      N      N      N      N      N      N      N      N      N      N      N',
  national:          ' Y      N      N      N      N      N      N      N      Y      N      N      N      N      N      N      N      Y      Y      N      N      N      N      N      N      N',
  nobody:            ' N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N      N',
};
const nationalPermissions: readonly Permission[] = ['national:read', 'national:write'];

function principalFor(name: string): { p: Principal; interventionId?: number } {
  switch (name) {
    case 'insats@own':
      return { p: member('insats', [OWN_INTERVENTION]), interventionId: OWN_INTERVENTION };
    case 'insats@other':
      return { p: member('insats', [OWN_INTERVENTION]), interventionId: OTHER_INTERVENTION };
    case 'insats':
      return { p: member('insats', [OWN_INTERVENTION]) };
    case 'admin':
      return { p: { local: false, admin: true, national: false, federations: new Map() } };
    case 'national':
      return { p: { local: false, admin: false, national: true, federations: new Map() } };
    case 'nobody':
      return { p: { local: false, admin: false, national: false, federations: new Map() } };
    default:
      return { p: member(name as FederationRole) };
  }
}

describe('role → permission rules', () => {
  for (const [name, row] of Object.entries(table)) {
    const expected = row.trim().split(/\s+/).map((x) => x === 'Y');
    it(`${name} in its own förbund`, () => {
      expect(expected).toHaveLength(permissions.length);
      const { p, interventionId } = principalFor(name);
      const got = permissions.map((perm) => can(p, perm, { federationId: A, ...(interventionId ? { interventionId } : {}) }));
      expect(Object.fromEntries(permissions.map((perm, i) => [perm, got[i]]))).toEqual(
        Object.fromEntries(permissions.map((perm, i) => [perm, expected[i]])),
      );
    });
  }

  it('a role in förbund A grants nothing in förbund B, whatever the scope', () => {
    for (const role of ['kansli', 'styrelse', 'revisor', 'insats'] as const) {
      const p = member(role, [OWN_INTERVENTION]);
      for (const perm of permissions.filter((x) => !nationalPermissions.includes(x))) {
        for (const interventionId of [undefined, OWN_INTERVENTION]) {
          expect(can(p, perm, { federationId: B, interventionId }), `${role} ${perm}`).toBe(false);
        }
      }
    }
  });

  it('without a förbund in scope only the installation-wide permissions can be granted', () => {
    for (const name of Object.keys(table)) {
      const { p } = principalFor(name);
      for (const perm of permissions) {
        const expected =
          (perm === 'admin' && name === 'admin') ||
          (perm === 'national:read' && (name === 'national' || name === 'kansli')) ||
          (perm === 'national:write' && name === 'national');
        expect(can(p, perm), `${name} ${perm}`).toBe(expected);
      }
    }
  });

  it('the national reader sees statistics of every förbund but never one intervention', () => {
    const { p } = principalFor('national');
    expect(can(p, 'statistics:read', { federationId: 999 })).toBe(true);
    expect(can(p, 'statistics:read', { federationId: 999, interventionId: 1 })).toBe(false);
  });

  it('tells list pages which interventions a user may see', () => {
    expect(interventionsAllowed(member('kansli'), 'interventions:read', A)).toBe('all');
    expect(interventionsAllowed(member('revisor'), 'interventions:read', A)).toBe('all');
    expect(interventionsAllowed(member('insats', [OWN_INTERVENTION, 12]), 'participants:write', A)).toEqual([OWN_INTERVENTION, 12]);
    expect(interventionsAllowed(member('insats', [OWN_INTERVENTION]), 'participants:write', B)).toEqual([]);
    expect(interventionsAllowed(member('styrelse'), 'interventions:read', A)).toBe('all');
    expect(interventionsAllowed(member('styrelse'), 'participants:write', A)).toEqual([]);
  });

  it('the local single user (no accounts yet) and the CLI may do everything', () => {
    for (const perm of permissions) expect(can(localPrincipal, perm, { federationId: B })).toBe(true);
  });

  it('holds for random principals: a permission in a förbund needs a grant there, admin or national', () => {
    const roleArb = fc.constantFrom<FederationRole>('kansli', 'styrelse', 'revisor', 'insats');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), roleArb, fc.array(fc.integer({ min: 1, max: 5 }))), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<Permission>(...permissions),
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        (grants, admin, national, perm, federationId, interventionId) => {
          const p: Principal = {
            local: false,
            admin,
            national,
            federations: new Map(grants.map(([f, role, ids]) => [f, { role, interventionIds: ids }])),
          };
          const allowed = can(p, perm, { federationId, interventionId });
          const grant = p.federations.get(federationId);
          if (nationalPermissions.includes(perm)) {
            const kansliSomewhere = [...p.federations.values()].some((g) => g.role === 'kansli');
            expect(allowed).toBe(perm === 'national:write' ? national : national || kansliSomewhere);
            return;
          }
          if (allowed && !grant) {
            // Only the installation-wide roles reach a förbund without a grant, and only for what they cover.
            expect(
              perm === 'admin' ? admin : (admin && ['federation:read', 'users:manage'].includes(perm)) ||
                (national && ['federation:read', 'statistics:read'].includes(perm) && interventionId === undefined),
            ).toBe(true);
          }
          if (allowed && grant?.role === 'insats' && ['participants:write', 'activities:write', 'catalogue:write'].includes(perm)) {
            expect(interventionId !== undefined && grant.interventionIds.includes(interventionId)).toBe(true);
          }
          if (allowed && grant?.role === 'insats') expect(perm).not.toBe('interventions:write');
          if (perm.endsWith(':write') && allowed && !admin) expect(grant?.role === 'kansli' || grant?.role === 'insats').toBe(true);
        },
      ),
    );
  });
});
