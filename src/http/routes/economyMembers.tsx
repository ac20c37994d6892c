import { redirectWithFlash } from '../views/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { DataTable } from '../views/dataTable.tsx';
import { AmountField, ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../views/form.tsx';
import { YearSelector } from '../views/yearSelector.tsx';
import { Downloads } from '../views/downloads.tsx';
import { formatKronor, formatNumber, formatShare, kronorText as kr } from '../views/present.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { parseAmountInput, parseIntegerInput, parsePercentInput } from '../formInput.ts';
import { memberKindLabels, memberKinds, isMemberKind, type Member, type MemberKind } from '../../core/economy/types.ts';
import type { AllocationKey, PayerGroup } from '../../core/economy/allocation.ts';
import {
  applyAllocationKey,
  createMember,
  deleteMember,
  getAllocationOverview,
  getFiscalYear,
  listFiscalYears,
  listMembers,
  saveAllocation,
  saveAllocationKey,
  updateMember,
  type AllocationOverview,
} from '../../services/economy/index.ts';
import { formFields, problemsToFieldErrors, yearParam } from './economyShared.ts';
import { startYear } from '../../services/economy/yearCycle.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace('\u2212', '-');
const groupLabels: Record<PayerGroup, string> = { state: 'Staten (FK och AF)', region: 'Region', municipalities: 'Kommunerna' };
const kindOptions = memberKinds.map((k) => ({ value: k, label: memberKindLabels[k] }));

function idParam(raw: string | undefined, what: string): number {
  const id = /^\d+$/.test(raw ?? '') ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new NotFoundError(`${what} finns inte.`);
  return id;
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
  const membersPage = async (federation: FederationRef, opts: { canWrite?: boolean; errors?: FieldErrors; values?: Record<string, string>; yearErrors?: FieldErrors; yearValues?: Record<string, string> } = {}) => {
    const members = await listMembers(db, federation.id);
    const years = await listFiscalYears(db, federation.id);
    return (
      <Layout title="Medlemmar och medelstilldelning" federation={federation}>
        <h1>Medlemmar och medelstilldelning</h1>
        <DataTable
          caption={`Medlemmar i ${federation.name}`}
          columns={[{ heading: 'Medlem' }, { heading: 'Typ' }, ...(opts.canWrite ? [{ heading: 'Åtgärd' }] : [])]}
          rows={members.map((m) => ({
            cells: [
              m.name,
              memberKindLabels[m.kind],
              ...(opts.canWrite
                ? [
                    <a href={`/f/${federation.id}/medlemmar/${m.id}`} aria-label={`Ändra ${m.name}`}>
                      Ändra
                    </a>,
                  ]
                : []),
            ],
          }))}
          empty="Inga medlemmar ännu."
        />
        {opts.canWrite ? (
        <section aria-labelledby="new-member-title">
          <h2 id="new-member-title">Lägg till medlem</h2>
          <ErrorSummary errors={opts.errors} />
          <Form action={`/f/${federation.id}/medlemmar`} label="Lägg till medlem">
            <MemberFields values={opts.values ?? {}} errors={opts.errors ?? {}} />
            <SubmitButton label="Lägg till" />
          </Form>
        </section>
        ) : null}
        <h2>Medelstilldelning per år</h2>
        {years.length ? (
          <ul>
            {[...years].reverse().map((y) => (
              <li>
                <a href={`/f/${federation.id}/ar/${y.year}/medelstilldelning`}>
                  Medelstilldelning {y.year}
                  {y.allocationOre === null ? '' : `: ${kr(y.allocationOre)}`}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>Inga räkenskapsår ännu.</p>
        )}
        {opts.canWrite ? (
        <section aria-labelledby="new-year-title">
          <h3 id="new-year-title">Nytt år</h3>
          <p>Ett nytt år utgår från föregående år: budgetposterna kopieras (justera beloppen), fördelningsnyckeln förs över och ingående eget kapital blir föregående års utgående eget kapital.</p>
          <ErrorSummary errors={opts.yearErrors} />
          <Form action={`/f/${federation.id}/ar`} label="Nytt år">
            <div class="form-row">
              <TextField name="year" label="År" inputmode="numeric" size={6} value={opts.yearValues?.year} error={opts.yearErrors?.year} />
              <AmountField name="allocation" label="Medelstilldelning" value={opts.yearValues?.allocation} error={opts.yearErrors?.allocation} />
            </div>
            <SubmitButton label="Lägg till år" />
          </Form>
        </section>
        ) : null}
      </Layout>
    );
  };

  app.get('/f/:federationId/medlemmar', async (c) => {
    requirePermission(c, 'economy:read');
    return c.html(await membersPage(requireFederation(c), { canWrite: c.get('ctx').can('economy:write') }));
  });

  app.post('/f/:federationId/medlemmar', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const form = await formFields(c);
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
    return c.html(await membersPage(federation, { canWrite: true, errors, values: form }), 400);
  });

  const editPage = (federation: FederationRef, member: Member, values: Record<string, string>, errors: FieldErrors = {}, general: string[] = []) => (
    <Layout title={`Ändra ${member.name}`} federation={federation}>
      <h1>Ändra medlem: {member.name}</h1>
      <ErrorSummary errors={errors} general={general} />
      <Form action={`/f/${federation.id}/medlemmar/${member.id}`} label={`Ändra ${member.name}`}>
        <MemberFields values={values} errors={errors} />
        <SubmitButton label="Spara" />
      </Form>
      <h2>Ta bort</h2>
      <p>En medlem som har bidrag eller ingår i en fördelningsnyckel kan inte tas bort.</p>
      <Form action={`/f/${federation.id}/medlemmar/${member.id}/ta-bort`} label={`Ta bort ${member.name}`}>
        <SubmitButton label={`Ta bort ${member.name}`} />
      </Form>
      <p>
        <a href={`/f/${federation.id}/medlemmar`}>Tillbaka till medlemmar</a>
      </p>
    </Layout>
  );
  const findMember = async (federationId: number, raw: string | undefined) => {
    const id = idParam(raw, 'Medlemmen');
    const m = (await listMembers(db, federationId)).find((x) => x.id === id);
    if (!m) throw new NotFoundError('Medlemmen finns inte.');
    return m;
  };

  app.get('/f/:federationId/medlemmar/:memberId', async (c) => {
    requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const m = await findMember(federation.id, c.req.param('memberId'));
    return c.html(editPage(federation, m, { name: m.name, kind: m.kind, sortOrder: String(m.sortOrder) }));
  });

  app.post('/f/:federationId/medlemmar/:memberId', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const m = await findMember(federation.id, c.req.param('memberId'));
    const form = await formFields(c);
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
    const m = await findMember(federation.id, c.req.param('memberId'));
    try {
      await deleteMember(db, federation.id, m.id, ctx.actor);
      return redirectWithFlash(c, `/f/${federation.id}/medlemmar`, 'member-removed');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return c.html(editPage(federation, m, { name: m.name, kind: m.kind, sortOrder: String(m.sortOrder) }, {}, e.problems.map((p) => p.message)), 400);
    }
  });

  app.post('/f/:federationId/ar', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const form = await formFields(c);
    const errors: Record<string, string> = {};
    const year = /^\d{4}$/.test((form.year ?? '').trim()) ? Number(form.year!.trim()) : NaN;
    if (!Number.isInteger(year) || year < 1990 || year > 2200) errors.year = 'Ange ett år med fyra siffror, t.ex. 2026.';
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
    return c.html(await membersPage(federation, { canWrite: true, yearErrors: errors, yearValues: form }), 400);
  });

  // ---- The year's allocation, key and contributions ----

  const allocationPage = async (federation: FederationRef, year: number, opts: { canWrite?: boolean; errors?: FieldErrors; general?: string[]; values?: Record<string, string> } = {}) => {
    const overview = await getAllocationOverview(db, federation.id, year);
    const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
    return (
      <Layout title={`Medelstilldelning ${year}`} federation={federation}>
        <AllocationPage federationId={federation.id} overview={overview} years={years} {...opts} />
      </Layout>
    );
  };

  app.get('/f/:federationId/ar/:year/medelstilldelning', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(await allocationPage(federation, yearParam(c), { canWrite: c.get('ctx').can('economy:write') }));
  });

  app.post('/f/:federationId/ar/:year/medelstilldelning', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formFields(c);
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
    return c.html(await allocationPage(federation, year, { canWrite: true, errors, values: form }), 400);
  });

  app.post('/f/:federationId/ar/:year/fordelningsnyckel', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formFields(c);
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
    return c.html(await allocationPage(federation, year, { canWrite: true, errors, general, values: form }), 400);
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
      return c.html(await allocationPage(federation, year, { canWrite: true, general: e.problems.map((p) => p.message) }), 400);
    }
  });
  return app;
};

function MemberFields(props: { values: Record<string, string>; errors: FieldErrors }) {
  return (
    <div class="form-row">
      <TextField name="name" label="Namn" value={props.values.name} error={props.errors.name} required />
      <SelectField name="kind" label="Typ" value={props.values.kind ?? ''} error={props.errors.kind} options={[{ value: '', label: 'Välj typ' }, ...kindOptions]} />
      <TextField name="sortOrder" label="Ordning i listor" inputmode="numeric" size={4} value={props.values.sortOrder} error={props.errors.sortOrder} hint="Valfritt heltal" />
    </div>
  );
}

function AllocationPage(props: { canWrite?: boolean; federationId: number; overview: AllocationOverview; years: readonly number[]; errors?: FieldErrors; general?: string[]; values?: Record<string, string> }) {
  const o = props.overview;
  const base = `/f/${props.federationId}/ar/${o.year}`;
  const v = props.values ?? {};
  const e = props.errors ?? {};
  const municipalities = o.members.filter((m) => m.kind === 'municipality');
  const key = o.key;
  const bpText = (bp: number | undefined) => (bp === undefined ? '' : plain(formatNumber(bp / 100, bp % 100 === 0 ? 0 : 2)));
  const weightOf = (id: number) => key?.weights.find((w) => w.memberId === id)?.weight;
  const basis = v.basis ?? key?.municipalBasis ?? 'population';
  const kindOf = new Map(o.members.map((m) => [m.id, memberKindLabels[m.kind]]));
  // State first, then region(s), then municipalities, in the members' order.
  const memberOrder = new Map(o.members.map((m, i) => [m.id, i]));
  const contributions = [...o.contributions].sort((a, b) => (a.memberId === null ? -1 : (memberOrder.get(a.memberId) ?? 1e9)) - (b.memberId === null ? -1 : (memberOrder.get(b.memberId) ?? 1e9)));
  return (
    <>
      <h1>Medelstilldelning {o.year}</h1>
      <YearSelector action={`/f/${props.federationId}/medelstilldelning`} years={props.years} selected={o.year} />
      <ErrorSummary errors={props.errors} general={props.general} />
      {props.canWrite ? (
        <Form action={`${base}/medelstilldelning`} label="Medelstilldelning">
          <div class="form-row">
            <AmountField name="allocation" label={`Medelstilldelning ${o.year}`} value={v.allocation ?? (o.allocationOre === null ? '' : plain(formatKronor(o.allocationOre)))} error={e.allocation} />
            <SubmitButton label="Spara medelstilldelning" />
          </div>
        </Form>
      ) : (
        <p>Medelstilldelning {o.year}: {o.allocationOre === null ? 'inte angiven' : kr(o.allocationOre)}.</p>
      )}

      <h2 id="bidrag">Bidrag per medlem</h2>
      <DataTable
        caption={`Bidrag ${o.year}`}
        columns={[{ heading: 'Betalare' }, { heading: 'Typ' }, { heading: 'Bidrag', numeric: true }, ...(o.fromKey ? [{ heading: 'Enligt nyckeln', numeric: true }] : [])]}
        rows={[
          ...contributions.map((c) => ({
            cells: [
              c.payerName,
              c.memberId === null ? 'Staten' : (kindOf.get(c.memberId) ?? ''),
              kr(c.amountOre),
              ...(o.fromKey ? [(() => { const k = o.fromKey!.find((x) => x.memberId === c.memberId); return k ? kr(k.amountOre) : '–'; })()] : []),
            ],
          })),
          ...(o.fromKey ?? [])
            .filter((k) => !o.contributions.some((c) => c.memberId === k.memberId))
            .map((k) => ({ cells: [k.payerName, k.memberId === null ? 'Staten' : (kindOf.get(k.memberId) ?? ''), '–', kr(k.amountOre)] })),
          ...(o.check ? [{ kind: 'total' as const, cells: ['Summa', '', kr(o.check.totalOre), ...(o.fromKey ? [kr(o.fromKey.reduce((a, k) => a + k.amountOre, 0))] : [])] }] : []),
        ]}
        empty="Inga bidrag är registrerade för året."
      />
      {o.check ? (
        <>
          {o.check.differenceOre === 0 ? (
            <p>Bidragen summerar till medelstilldelningen.</p>
          ) : (
            <p class="warning">
              Bidragen summerar till {kr(o.check.totalOre)} men medelstilldelningen är {kr(o.check.allocationOre)} (skillnad {kr(o.check.differenceOre)}).
            </p>
          )}
          <DataTable
            caption={`Andelar per huvudman ${o.year}`}
            columns={[{ heading: 'Huvudman' }, { heading: 'Bidrag', numeric: true }, { heading: 'Andel', numeric: true }]}
            rows={(['state', 'region', 'municipalities'] as const).map((g) => ({ cells: [groupLabels[g], kr(o.check!.byGroup[g]), formatShare(o.check!.shares[g])] }))}
          />
        </>
      ) : null}
      {o.fromKey && props.canWrite ? (
        <Form action={`${base}/bidrag`} label="Beräkna bidrag från nyckeln">
          <p>Beräkna bidragen från fördelningsnyckeln och spara dem (ersätter bidragen ovan). Delarna summerar exakt till medelstilldelningen.</p>
          <SubmitButton label="Beräkna och spara bidrag" />
        </Form>
      ) : null}

      <Downloads federationId={props.federationId} year={o.year} files={[['bidrag', `Bidrag ${o.year}`]]} />
      <h2 id="nyckel">Fördelningsnyckel</h2>
      <p>Staten betalar hälften enligt lag; regionen och kommunerna delar resten enligt överenskommelse. Kommunerna delar sin del efter befolkning eller fasta belopp.</p>
      {key ? (
        <p>
          Nyckel {o.year}: staten {bpText(key.stateShareBp)} %, region {bpText(key.regionShareBp)} %, kommunerna {bpText(key.municipalitiesShareBp)} %,
          kommunerna sinsemellan {key.municipalBasis === 'fixed' ? 'efter fasta belopp' : 'efter befolkning'}.
        </p>
      ) : (
        <p>Ingen fördelningsnyckel är sparad för {o.year}.</p>
      )}
      {props.canWrite ? (
      <Form action={`${base}/fordelningsnyckel`} label="Fördelningsnyckel">
        <fieldset>
          <legend>Andelar i procent</legend>
          <div class="form-row">
            <TextField name="stateShare" label="Staten (FK och AF)" inputmode="decimal" size={6} value={v.stateShare ?? bpText(key?.stateShareBp ?? 5000)} error={e.stateShare} />
            <TextField name="regionShare" label="Region" inputmode="decimal" size={6} value={v.regionShare ?? bpText(key?.regionShareBp ?? 2500)} error={e.regionShare} />
            <TextField name="municipalitiesShare" label="Kommunerna" inputmode="decimal" size={6} value={v.municipalitiesShare ?? bpText(key?.municipalitiesShareBp ?? 2500)} error={e.municipalitiesShare} />
          </div>
        </fieldset>
        <SelectField
          name="basis"
          label="Kommunernas fördelning"
          value={basis}
          options={[
            { value: 'population', label: 'Efter befolkning' },
            { value: 'fixed', label: 'Efter fasta belopp (kronor)' },
          ]}
        />
        <fieldset>
          <legend>{basis === 'fixed' ? 'Fast belopp per kommun (kronor)' : 'Befolkning per kommun (eller fast belopp i kronor, om det väljs ovan)'}</legend>
          {municipalities.length ? (
            municipalities.map((m) => {
              const w = weightOf(m.id);
              const shown = w === undefined ? '' : basis === 'fixed' ? plain(formatKronor(w)) : plain(formatNumber(w));
              return <TextField name={`weight-${m.id}`} label={m.name} inputmode="numeric" size={12} value={v[`weight-${m.id}`] ?? shown} error={e[`weight-${m.id}`]} />;
            })
          ) : (
            <p>Förbundet har inga kommuner som medlemmar.</p>
          )}
        </fieldset>
        <SubmitButton label="Spara fördelningsnyckel" />
      </Form>
      ) : null}
      <p>
        <a href={`/f/${props.federationId}/medlemmar`}>Medlemmar</a>
      </p>
    </>
  );
}
