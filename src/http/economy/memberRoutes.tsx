import { redirectWithFlash } from '../kit/flash.tsx';
import { confirmRemoval, redirectRemoved } from '../kit/removal.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import type { FieldErrors } from '../kit/form.tsx';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { parseId, parseYear } from '../../core/input/index.ts';
import { parseAmountInput, parseIntegerInput, parsePercentInput } from '../kit/formInput.ts';
import { isMemberKind, type Member, type MemberKind } from '../../core/economy/types.ts';
import type { AllocationKey } from '../../core/economy/allocation.ts';
import {
  applyAllocationKey,
  createMember,
  deleteMember,
  getAllocationOverview,
  getFiscalYear,
  listFiscalYears,
  listMembers,
  saveAllocationKey,
  updateMember,
} from '../../services/economy/index.ts';
import { yearParam } from './shared.ts';
import { formTextFields } from '../kit/requestBody.ts';
import { problemsToFieldErrors } from '../kit/refusedForm.ts';
import { startYear } from '../../services/economy/yearCycle.ts';
import { EditMemberPage, MembersPage, type EditMemberModel, type MembersPageModel } from './membersPage.tsx';
import { AllocationPage, type AllocationPageModel } from './allocationPage.tsx';

/** A record id in the path; anything but an id is a record that does not exist (404). */
function idParam(raw: string | undefined, what: string): number {
  const id = parseId(raw ?? '');
  if (!id.ok) throw new NotFoundError(`${what} finns inte.`);
  return id.value;
}

/** A refused form on the members page: the new member's or the new year's values and errors. */
type MembersFormState = Pick<MembersPageModel, 'errors' | 'values' | 'yearErrors' | 'yearValues'>;

/** The members page's model: the förbund's members and years. */
export async function loadMembersPage(db: Database, federation: FederationRef, canWrite: boolean, refused: MembersFormState = {}): Promise<MembersPageModel> {
  const members = await listMembers(db, federation.id);
  const years = await listFiscalYears(db, federation.id);
  return { federation, members, years, canWrite, ...refused };
}

/** One member of the förbund (404 when it has none with that id). */
async function findMember(db: Database, federationId: number, raw: string | undefined): Promise<Member> {
  const id = idParam(raw, 'Medlemmen');
  const m = (await listMembers(db, federationId)).find((x) => x.id === id);
  if (!m) throw new NotFoundError('Medlemmen finns inte.');
  return m;
}

/** The page changing a member: its current values, or what was posted with the errors. */
function editMemberModel(federation: FederationRef, member: Member, values?: Record<string, string>, errors: FieldErrors = {}, general: string[] = []): EditMemberModel {
  return { federation, member, values: values ?? { name: member.name, kind: member.kind, sortOrder: String(member.sortOrder) }, errors, general };
}

/** The allocation page's model: the year's allocation, key and contributions (404 for a year the förbund lacks). */
export async function loadAllocationPage(
  db: Database,
  federation: FederationRef,
  year: number,
  canWrite: boolean,
  refused: Pick<AllocationPageModel, 'errors' | 'general' | 'values'> = {},
): Promise<AllocationPageModel> {
  const overview = await getAllocationOverview(db, federation.id, year);
  const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
  return { federation, overview, years, canWrite, ...refused };
}

function readMember(form: Record<string, string>): { input: { name: string; kind: MemberKind; sortOrder?: number } | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = (form.name ?? '').trim();
  if (!name) errors.name = 'Ange medlemmens namn.';
  if (!isMemberKind(form.kind)) errors.kind = 'Välj typ av medlem.';
  const order = parseIntegerInput(form.sortOrder ?? '');
  if (!order.ok) errors.sortOrder = `Ordning: ${order.message}`;
  if (Object.keys(errors).length) return { input: null, errors };
  return { input: { name, kind: form.kind as MemberKind, ...(order.ok && order.value !== null ? { sortOrder: order.value } : {}) }, errors };
}

/** Members of the förbund, its years, and each year's allocation with the key and the contributions. */
export const economyMemberRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const membersPage = async (federation: FederationRef, canWrite: boolean, refused: MembersFormState = {}) => <MembersPage model={await loadMembersPage(db, federation, canWrite, refused)} />;

  app.get('/f/:federationId/medlemmar', async (c) => {
    requirePermission(c, 'economy:read');
    return c.html(await membersPage(requireFederation(c), c.get('ctx').can('economy:write')));
  });

  app.post('/f/:federationId/medlemmar', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const form = await formTextFields(c);
    const { input, errors } = readMember(form);
    if (input) {
      try {
        await createMember(db, federation.id, input, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/medlemmar`, 'member');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        Object.assign(errors, problemsToFieldErrors(e.problems).fields);
      }
    }
    return c.html(await membersPage(federation, true, { errors, values: form }), 400);
  });

  const editPage = (federation: FederationRef, member: Member, values?: Record<string, string>, errors?: FieldErrors, general?: string[]) => <EditMemberPage model={editMemberModel(federation, member, values, errors, general)} />;

  app.get('/f/:federationId/medlemmar/:memberId', async (c) => {
    requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const m = await findMember(db, federation.id, c.req.param('memberId'));
    return c.html(editPage(federation, m));
  });

  app.post('/f/:federationId/medlemmar/:memberId', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const m = await findMember(db, federation.id, c.req.param('memberId'));
    const form = await formTextFields(c);
    const { input, errors } = readMember(form);
    if (input) {
      try {
        await updateMember(db, federation.id, m.id, input, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/medlemmar`, 'member');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        Object.assign(errors, problemsToFieldErrors(e.problems).fields);
      }
    }
    return c.html(editPage(federation, m, form, errors), 400);
  });

  app.post('/f/:federationId/medlemmar/:memberId/ta-bort', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const m = await findMember(db, federation.id, c.req.param('memberId'));
    confirmRemoval(await formTextFields(c), `medlemmen ${m.name}`);
    try {
      await deleteMember(db, federation.id, m.id, ctx.actor);
      return redirectRemoved(c, `/f/${federation.id}/medlemmar`, `medlemmen ${m.name}`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return c.html(editPage(federation, m, undefined, {}, e.problems.map((p) => p.message)), 400);
    }
  });

  app.post('/f/:federationId/ar', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const form = await formTextFields(c);
    const errors: Record<string, string> = {};
    // A new year: four digits, and (narrower than the boundary's range) 1990–2200.
    const parsedYear = parseYear(form.year ?? '');
    const year = parsedYear.ok && parsedYear.value >= 1990 && parsedYear.value <= 2200 ? parsedYear.value : NaN;
    if (Number.isNaN(year)) errors.year = 'Ange ett år med fyra siffror, t.ex. 2026.';
    const allocation = parseAmountInput(form.allocation ?? '');
    if (!allocation.ok) errors.allocation = `Medelstilldelning: ${allocation.message}`;
    else if (allocation.ore === null) errors.allocation = 'Ange årets medelstilldelning.';
    if (!errors.year && (await listFiscalYears(db, federation.id)).some((f) => f.year === year)) errors.year = `Året ${year} finns redan.`;
    if (!Object.keys(errors).length && allocation.ok && allocation.ore !== null) {
      const started = await startYear(db, federation.id, year, { allocationOre: allocation.ore }, ctx.actor);
      return started.fromYear === null
        ? redirectWithFlash(c, `/f/${federation.id}/ar/${year}/medelstilldelning`, 'allocation')
        : redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget`, 'year-started');
    }
    return c.html(await membersPage(federation, true, { yearErrors: errors, yearValues: form }), 400);
  });

  // ---- The year's allocation, key and contributions ----

  const allocationPage = async (federation: FederationRef, year: number, canWrite: boolean, refused: Pick<AllocationPageModel, 'errors' | 'general' | 'values'> = {}) =>
    <AllocationPage model={await loadAllocationPage(db, federation, year, canWrite, refused)} />;

  app.get('/f/:federationId/ar/:year/medelstilldelning', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(await allocationPage(federation, yearParam(c), c.get('ctx').can('economy:write')));
  });

  app.post('/f/:federationId/ar/:year/medelstilldelning', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formTextFields(c);
    const allocation = parseAmountInput(form.allocation ?? '');
    const errors: Record<string, string> = {};
    if (!allocation.ok) errors.allocation = `Medelstilldelning: ${allocation.message}`;
    else if (allocation.ore === null) errors.allocation = 'Ange årets medelstilldelning.';
    if (!Object.keys(errors).length && allocation.ok && allocation.ore !== null) {
      await getFiscalYear(db, federation.id, year); // the year must exist (else 404)
      const started = await startYear(db, federation.id, year, { allocationOre: allocation.ore }, ctx.actor);
      return started.fromYear === null
        ? redirectWithFlash(c, `/f/${federation.id}/ar/${year}/medelstilldelning`, 'allocation')
        : redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget`, 'year-started');
    }
    return c.html(await allocationPage(federation, year, true, { errors, values: form }), 400);
  });

  app.post('/f/:federationId/ar/:year/fordelningsnyckel', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formTextFields(c);
    const members = await listMembers(db, federation.id);
    const errors: Record<string, string> = {};
    const pct = (name: string, label: string) => {
      const r = parsePercentInput(form[name] ?? '');
      if (!r.ok) errors[name] = `${label}: ${r.message}`;
      else if (r.basisPoints === null) errors[name] = `${label}: ange en andel i procent.`;
      return r.ok ? (r.basisPoints ?? 0) : 0;
    };
    const stateShareBp = pct('stateShare', 'Statens andel');
    const regionShareBp = pct('regionShare', 'Regionens andel');
    const municipalitiesShareBp = pct('municipalitiesShare', 'Kommunernas andel');
    const basis = form.basis === 'fixed' ? 'fixed' : 'population';
    const weights: AllocationKey['weights'][number][] = [];
    for (const m of members.filter((x) => x.kind === 'municipality')) {
      const name = `weight-${m.id}`;
      if (basis === 'fixed') {
        const r = parseAmountInput(form[name] ?? '');
        if (!r.ok) errors[name] = `${m.name}: ${r.message}`;
        else if (r.ore !== null) weights.push({ memberId: m.id, weight: r.ore });
      } else {
        const r = parseIntegerInput(form[name] ?? '');
        if (!r.ok) errors[name] = `${m.name}: ${r.message}`;
        else if (r.value !== null) weights.push({ memberId: m.id, weight: r.value });
      }
    }
    const general: string[] = [];
    if (!Object.keys(errors).length) {
      try {
        await saveAllocationKey(db, federation.id, year, { stateShareBp, regionShareBp, municipalitiesShareBp, municipalBasis: basis, weights }, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/medelstilldelning#nyckel`, 'key');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const mapped = problemsToFieldErrors(e.problems, { stateShareBp: 'stateShare', regionShareBp: 'regionShare', municipalitiesShareBp: 'municipalitiesShare' });
        Object.assign(errors, mapped.fields);
        general.push(...mapped.general);
      }
    }
    return c.html(await allocationPage(federation, year, true, { errors, general, values: form }), 400);
  });

  app.post('/f/:federationId/ar/:year/bidrag', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    try {
      await applyAllocationKey(db, federation.id, year, ctx.actor);
      return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/medelstilldelning#bidrag`, 'contributions');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return c.html(await allocationPage(federation, year, true, { general: e.problems.map((p) => p.message) }), 400);
    }
  });
  return app;
};
