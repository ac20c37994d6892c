import { redirectWithFlash } from '../views/flash.tsx';
import type { Context } from 'hono';
import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission, type AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { AmountField, Form, SelectField, SubmitButton, TextField, formState } from '../views/form.tsx';
import { NotFoundError } from '../../core/errors.ts';
import { formatNumberUpTo } from '../../core/format.ts';
import { AgeBand, DayLength, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';
import { otherMunicipality } from '../../core/interventions/participation.ts';
import { getIntervention, listInterventions } from '../../services/interventions/interventions.ts';
import { goalInterventionId, listGoals } from '../../services/interventions/goals.ts';
import { listActivities } from '../../services/interventions/activities.ts';
import { listMembers } from '../../services/interventions/members.ts';
import { listParticipations } from '../../services/interventions/participations.ts';
import {
  activityIntervention,
  deleteActivity,
  deleteAssessment,
  deleteGoal,
  deleteGrant,
  deleteParticipation,
  deleteRequisition,
  deleteStaffing,
  reopenParticipation,
  updateActivity,
  updateGoal,
  updateGrant,
  updateParticipation,
  updateRequisition,
  updateStaffing,
} from '../../services/interventions/corrections.ts';
import { formFields, idParam, interventionsBase, jsonBody } from './interventionsCommon.ts';

type Vocab = { codes: readonly string[]; labels: Record<string, string> };
const options = (v: Vocab) => v.codes.map((c) => ({ value: c, label: v.labels[c]! }));
/** Kronor from öre as a form value ("4119000,50" style, no spaces so it reads back exactly). */
const kronorValue = (ore: number) => (ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ','));
const fteValue = (n: number) => formatNumberUpTo(n, 2).replace(/\s/g, '');

/** A removal, on its own form, with a sentence saying what goes. */
function RemoveForm(props: { action: string; what: string; note?: string }) {
  return (
    <section aria-label={`Ta bort ${props.what}`}>
      <h2>Ta bort</h2>
      {props.note ? <p>{props.note}</p> : null}
      <Form action={props.action} label={`Ta bort ${props.what}`}>
        <SubmitButton label={`Ta bort ${props.what}`} />
      </Form>
    </section>
  );
}

/**
 * Correcting and removing what was recorded about interventions: grants, requisitions, staffing, goals and
 * their assessments, participations (also reopening a closed one) and structural activities. Pages under
 * /f/:federationId/…, the same in the API under /api/federations/:federationId/… (PUT to change, DELETE to
 * remove). The audit log keeps every row before and after.
 */
export const interventionCorrectionRoutes: RouteModule = (app, { db }) => {
  const api = '/api/federations/:federationId';

  // --- Grants, requisitions, staffing: one edit page each, under the intervention ---
  type MoneyKind = 'beslut' | 'rekvisitioner' | 'bemanning';
  const moneyKinds: Record<MoneyKind, { what: string; api: string }> = {
    beslut: { what: 'beslutet om medel', api: 'grants' },
    rekvisitioner: { what: 'rekvisitionen', api: 'requisitions' },
    bemanning: { what: 'bemanningen', api: 'staffing' },
  };
  const updateOf = { beslut: updateGrant, rekvisitioner: updateRequisition, bemanning: updateStaffing } as const;
  const deleteOf = { beslut: deleteGrant, rekvisitioner: deleteRequisition, bemanning: deleteStaffing } as const;

  const moneyPage = async (c: Context<AppEnv>, kind: MoneyKind) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const rowId = idParam(c, 'rowId');
    requirePermission(c, 'interventions:write', { interventionId: id });
    const i = await getIntervention(db, f.id, id);
    const base = `${interventionsBase(f.id)}/${id}/${kind}/${rowId}`;
    let fields;
    if (kind === 'beslut') {
      const g = i.grants.find((x) => x.id === rowId);
      if (!g) throw new NotFoundError('Beslutet finns inte.');
      const s = formState(base, { year: g.year, decided: kronorValue(g.decidedOre), decisionDate: g.decisionDate, reference: g.reference });
      fields = (
        <>
          <TextField {...s.bind('year')} label="År" inputmode="numeric" required />
          <AmountField {...s.bind('decided')} label="Beslutade medel" required />
          <TextField {...s.bind('decisionDate')} label="Beslutsdatum" type="date" required />
          <TextField {...s.bind('reference')} label="Referens (diarienummer)" />
        </>
      );
    } else if (kind === 'rekvisitioner') {
      const r = i.requisitions.find((x) => x.id === rowId);
      if (!r) throw new NotFoundError('Rekvisitionen finns inte.');
      const s = formState(base, { date: r.date, amount: kronorValue(r.amountOre), note: r.note });
      fields = (
        <>
          <TextField {...s.bind('date')} label="Datum" type="date" required />
          <AmountField {...s.bind('amount')} label="Belopp" required />
          <TextField {...s.bind('note')} label="Anteckning" />
        </>
      );
    } else {
      const st = i.staffing.find((x) => x.id === rowId);
      if (!st) throw new NotFoundError('Bemanningen finns inte.');
      const members = await listMembers(db, f.id);
      const s = formState(base, { memberId: st.memberId, role: st.role, fte: fteValue(st.fte) });
      fields = (
        <>
          <SelectField {...s.bind('memberId')} label="Medlem" required options={members.map((m) => ({ value: String(m.id), label: m.name }))} />
          <TextField {...s.bind('role')} label="Roll" required />
          <TextField {...s.bind('fte')} label="Tjänstgöringsgrad (heltid = 1,0, högst 2)" inputmode="decimal" required />
        </>
      );
    }
    const what = moneyKinds[kind].what;
    return c.html(
      <Layout title={`Ändra ${what} – ${i.name}`} federation={f}>
        <h1>
          Ändra {what}: {i.name}
        </h1>
        <Form action={base} label={`Ändra ${what}`}>
          {fields}
          <SubmitButton label="Spara ändringen" />
        </Form>
        <RemoveForm action={`${base}/ta-bort`} what={what} />
        <p>
          <a href={`${interventionsBase(f.id)}/${id}`}>Tillbaka till insatsen</a>
        </p>
      </Layout>,
    );
  };

  for (const kind of Object.keys(moneyKinds) as MoneyKind[]) {
    const path = `/f/:federationId/insatser/:id/${kind}/:rowId`;
    app.get(path, (c) => moneyPage(c, kind));
    app.post(path, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await updateOf[kind](db, f.id, id, idParam(c, 'rowId'), await formFields(c), ctx.actor);
      return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}`, 'changed');
    });
    app.post(`${path}/ta-bort`, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await deleteOf[kind](db, f.id, id, idParam(c, 'rowId'), ctx.actor);
      return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}`, 'removed');
    });
    const apiPath = `${api}/interventions/:id/${moneyKinds[kind].api}/:rowId`;
    app.put(apiPath, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await updateOf[kind](db, f.id, id, idParam(c, 'rowId'), await jsonBody(c), ctx.actor);
      return c.json(await getIntervention(db, f.id, id));
    });
    app.delete(apiPath, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await deleteOf[kind](db, f.id, id, idParam(c, 'rowId'), ctx.actor);
      return c.json(await getIntervention(db, f.id, id));
    });
  }

  // --- Goals (of an intervention or of the förbund) and their assessments ---
  const goalAccess = async (c: Context<AppEnv>) => {
    const f = requireFederation(c);
    const goalId = idParam(c, 'goalId');
    const interventionId = await goalInterventionId(db, f.id, goalId);
    const ctx = requirePermission(c, 'interventions:write', interventionId === null ? undefined : { interventionId });
    const back = interventionId === null ? interventionsBase(f.id) : `${interventionsBase(f.id)}/${interventionId}`;
    return { f, goalId, interventionId, ctx, back };
  };

  app.get('/f/:federationId/mal/:goalId', async (c) => {
    const { f, goalId, interventionId, back } = await goalAccess(c);
    const goal = (await listGoals(db, f.id, interventionId)).find((g) => g.id === goalId)!;
    const base = `/f/${f.id}/mal/${goalId}`;
    const s = formState(base, { area: goal.area, text: goal.text });
    return c.html(
      <Layout title="Ändra mål" federation={f}>
        <h1>Ändra mål</h1>
        <Form action={base} label="Ändra mål">
          <TextField {...s.bind('area')} label="Målområde" />
          <TextField {...s.bind('text')} label="Mål" required />
          <SubmitButton label="Spara ändringen" />
        </Form>
        {goal.assessments.length ? (
          <section aria-labelledby="assessments-title">
            <h2 id="assessments-title">Bedömningar</h2>
            <p>En bedömning ändras genom att bedöma året igen på insatsens sida. Här kan en bedömning tas bort.</p>
            <ul class="plain">
              {goal.assessments.map((a) => (
                <li>
                  <Form action={`${base}/bedomning/${a.year}/ta-bort`} label={`Ta bort bedömningen ${a.year}`}>
                    {a.year}: {a.comment || '–'} <SubmitButton label={`Ta bort bedömningen ${a.year}`} />
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <RemoveForm action={`${base}/ta-bort`} what="målet" note="Målet tas bort med sina bedömningar." />
        <p>
          <a href={back}>Tillbaka</a>
        </p>
      </Layout>,
    );
  });
  app.post('/f/:federationId/mal/:goalId', async (c) => {
    const { f, goalId, ctx, back } = await goalAccess(c);
    await updateGoal(db, f.id, goalId, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `${back}`, 'changed');
  });
  app.post('/f/:federationId/mal/:goalId/ta-bort', async (c) => {
    const { f, goalId, ctx, back } = await goalAccess(c);
    await deleteGoal(db, f.id, goalId, ctx.actor);
    return redirectWithFlash(c, `${back}`, 'removed');
  });
  app.post('/f/:federationId/mal/:goalId/bedomning/:year/ta-bort', async (c) => {
    const { f, goalId, ctx, back } = await goalAccess(c);
    await deleteAssessment(db, f.id, goalId, yearOf(c), ctx.actor);
    return redirectWithFlash(c, `${back}`, 'removed');
  });
  app.put(`${api}/goals/:goalId`, async (c) => {
    const { f, goalId, interventionId, ctx } = await goalAccess(c);
    await updateGoal(db, f.id, goalId, await jsonBody(c), ctx.actor);
    return c.json(await listGoals(db, f.id, interventionId));
  });
  app.delete(`${api}/goals/:goalId`, async (c) => {
    const { f, goalId, interventionId, ctx } = await goalAccess(c);
    await deleteGoal(db, f.id, goalId, ctx.actor);
    return c.json(await listGoals(db, f.id, interventionId));
  });
  app.delete(`${api}/goals/:goalId/assessments/:year`, async (c) => {
    const { f, goalId, interventionId, ctx } = await goalAccess(c);
    await deleteAssessment(db, f.id, goalId, yearOf(c), ctx.actor);
    return c.json(await listGoals(db, f.id, interventionId));
  });

  // --- Participations: correct, reopen, remove ---
  const participationAccess = async (c: Context<AppEnv>) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    return { f, id, pid, ctx, back: `${interventionsBase(f.id)}/${id}/deltagare` };
  };
  app.get('/f/:federationId/insatser/:id/deltagare/:pid', async (c) => {
    const { f, id, pid, back } = await participationAccess(c);
    const p = (await listParticipations(db, f.id, id)).find((x) => x.id === pid);
    if (!p) throw new NotFoundError('Deltagandet finns inte.');
    const members = await listMembers(db, f.id);
    const base = `${back}/${pid}`;
    const s = formState(base, { ...p, referringMemberId: p.referringMemberId, homeMunicipality: p.homeMunicipality });
    const unknown = { placeholder: '– uppgift saknas –' };
    return c.html(
      <Layout title={`Ändra deltagande ${p.code}`} federation={f}>
        <h1>Ändra deltagande {p.code}</h1>
        <p>Rätta det som registrerades. Skriv aldrig namn, personnummer eller annat som kan identifiera någon.</p>
        <Form action={base} label={`Ändra deltagande ${p.code}`}>
          <SelectField {...s.bind('gender')} label="Kön" required options={options(Gender)} />
          <SelectField {...s.bind('ageBand')} label="Åldersgrupp vid start" required options={options(AgeBand)} />
          <SelectField
            {...s.bind('homeMunicipality')}
            label="Hemkommun"
            {...unknown}
            options={[...members.filter((m) => m.kind === 'municipality').map((m) => m.name), otherMunicipality].map((n) => ({ value: n, label: n }))}
          />
          <SelectField {...s.bind('referringMemberId')} label="Remitterande medlem" {...unknown} options={members.map((m) => ({ value: String(m.id), label: m.name }))} />
          <SelectField {...s.bind('supportBefore')} label="Huvudsaklig försörjning före start" required options={options(SupportSource)} />
          <SelectField {...s.bind('supportDuration')} label="Tid med offentlig försörjning" required options={options(SupportDuration)} />
          <SelectField {...s.bind('education')} label="Högsta slutförda utbildning" required options={options(Education)} />
          <TextField {...s.bind('startDate')} label="Startdatum" type="date" required />
          {p.endDate !== null || s.posted ? (
            <>
              <TextField {...s.bind('endDate')} label="Slutdatum" type="date" />
              <SelectField {...s.bind('exitOutcome')} label="Avslutsorsak" placeholder="– inte avslutat –" options={options(ExitOutcome)} />
              <SelectField {...s.bind('supportAfter')} label="Huvudsaklig försörjning efter" placeholder="– uppgift saknas –" options={options(SupportSource)} />
            </>
          ) : null}
          <SubmitButton label="Spara ändringen" />
        </Form>
        {p.endDate !== null ? (
          <section aria-labelledby="reopen-title">
            <h2 id="reopen-title">Återöppna</h2>
            <p>Avslutat {p.endDate}. Återöppna om deltagandet avslutades av misstag: slutdatum och avslutsorsak tas bort.</p>
            <Form action={`${base}/ateroppna`} label={`Återöppna ${p.code}`}>
              <SubmitButton label={`Återöppna ${p.code}`} />
            </Form>
          </section>
        ) : null}
        <RemoveForm action={`${base}/ta-bort`} what={`deltagandet ${p.code}`} note="Bara för ett deltagande som registrerades av misstag; det räknas då inte längre i statistiken." />
        <p>
          <a href={back}>Tillbaka till deltagarna</a>
        </p>
      </Layout>,
    );
  });
  app.post('/f/:federationId/insatser/:id/deltagare/:pid', async (c) => {
    const { f, id, pid, ctx, back } = await participationAccess(c);
    await updateParticipation(db, f.id, id, pid, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `${back}`, 'changed');
  });
  app.post('/f/:federationId/insatser/:id/deltagare/:pid/ateroppna', async (c) => {
    const { f, id, pid, ctx, back } = await participationAccess(c);
    await reopenParticipation(db, f.id, id, pid, ctx.actor);
    return redirectWithFlash(c, `${back}`, 'reopened');
  });
  app.post('/f/:federationId/insatser/:id/deltagare/:pid/ta-bort', async (c) => {
    const { f, id, pid, ctx, back } = await participationAccess(c);
    await deleteParticipation(db, f.id, id, pid, ctx.actor);
    return redirectWithFlash(c, `${back}`, 'removed');
  });
  app.put(`${api}/interventions/:id/participations/:pid`, async (c) => {
    const { f, id, pid, ctx } = await participationAccess(c);
    await updateParticipation(db, f.id, id, pid, await jsonBody(c), ctx.actor);
    return c.json((await listParticipations(db, f.id, id)).find((p) => p.id === pid));
  });
  app.post(`${api}/interventions/:id/participations/:pid/reopen`, async (c) => {
    const { f, id, pid, ctx } = await participationAccess(c);
    await reopenParticipation(db, f.id, id, pid, ctx.actor);
    return c.json((await listParticipations(db, f.id, id)).find((p) => p.id === pid));
  });
  app.delete(`${api}/interventions/:id/participations/:pid`, async (c) => {
    const { f, id, pid, ctx } = await participationAccess(c);
    await deleteParticipation(db, f.id, id, pid, ctx.actor);
    return c.body(null, 204);
  });

  // --- Structural activities ---
  const activityAccess = async (c: Context<AppEnv>) => {
    const f = requireFederation(c);
    const activityId = idParam(c, 'activityId');
    const { interventionId, year } = await activityIntervention(db, f.id, activityId);
    const ctx = requirePermission(c, 'activities:write', interventionId === null ? undefined : { interventionId });
    return { f, activityId, year, ctx, back: `/f/${f.id}/strukturaktiviteter?ar=${year}` };
  };
  /** A changed activity may move to another intervention: the writer must be allowed there too. */
  const checkTarget = (c: Context<AppEnv>, body: Record<string, unknown>) => {
    const target = Number(body.interventionId);
    if (Number.isSafeInteger(target) && target > 0) requirePermission(c, 'activities:write', { interventionId: target });
    else requirePermission(c, 'activities:write');
  };
  app.get('/f/:federationId/strukturaktiviteter/:activityId', async (c) => {
    const { f, activityId, year, back } = await activityAccess(c);
    const a = (await listActivities(db, f.id, year)).find((x) => x.id === activityId)!;
    const ctx = c.get('ctx');
    const structural = (await listInterventions(db, f.id)).filter((i) => i.kind === 'structural' && ctx.can('activities:write', { interventionId: i.id }));
    const canRecordWithout = ctx.can('activities:write');
    const base = `/f/${f.id}/strukturaktiviteter/${activityId}`;
    const s = formState(base, {
      year: a.year, name: a.name, interventionId: a.interventionId, targetGroup: a.targetGroup, sessions: a.sessions, dayLength: a.dayLength,
      scopeNote: a.scopeNote, firstDate: a.firstDate, lastDate: a.lastDate, participants: a.participants,
      evaluationScore: a.evaluationScore === null ? null : formatNumberUpTo(a.evaluationScore, 2),
    });
    return c.html(
      <Layout title={`Ändra aktivitet – ${a.name}`} federation={f}>
        <h1>Ändra aktivitet: {a.name}</h1>
        <Form action={base} label={`Ändra ${a.name}`}>
          <TextField {...s.bind('year')} label="År" inputmode="numeric" required />
          <TextField {...s.bind('name')} label="Aktivitet" required />
          <SelectField {...s.bind('interventionId')} label="Insats" required={!canRecordWithout} {...(canRecordWithout ? { placeholder: '– ingen –' } : {})} options={structural.map((i) => ({ value: String(i.id), label: i.name }))} />
          <TextField {...s.bind('targetGroup')} label="Målgrupp" />
          <TextField {...s.bind('sessions')} label="Antal tillfällen" inputmode="numeric" />
          <SelectField {...s.bind('dayLength')} label="Längd" placeholder="– uppgift saknas –" options={options(DayLength)} />
          <TextField {...s.bind('scopeNote')} label="Omfattning (fritext)" />
          <TextField {...s.bind('firstDate')} label="Första datum" type="date" />
          <TextField {...s.bind('lastDate')} label="Sista datum" type="date" />
          <TextField {...s.bind('participants')} label="Antal deltagare" inputmode="numeric" required />
          <TextField {...s.bind('evaluationScore')} label="Utvärderingsbetyg (0–10)" inputmode="decimal" />
          <SubmitButton label="Spara ändringen" />
        </Form>
        <RemoveForm action={`${base}/ta-bort`} what="aktiviteten" />
        <p>
          <a href={back}>Tillbaka till aktiviteterna</a>
        </p>
      </Layout>,
    );
  });
  app.post('/f/:federationId/strukturaktiviteter/:activityId', async (c) => {
    const { f, activityId, ctx } = await activityAccess(c);
    const body = await formFields(c);
    checkTarget(c, body);
    await updateActivity(db, f.id, activityId, body, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/strukturaktiviteter?ar=${encodeURIComponent(String(body.year ?? ''))}`, 'changed');
  });
  app.post('/f/:federationId/strukturaktiviteter/:activityId/ta-bort', async (c) => {
    const { f, activityId, ctx, back } = await activityAccess(c);
    await deleteActivity(db, f.id, activityId, ctx.actor);
    return redirectWithFlash(c, `${back}`, 'removed');
  });
  app.put(`${api}/activities/:activityId`, async (c) => {
    const { f, activityId, ctx } = await activityAccess(c);
    const body = await jsonBody(c);
    checkTarget(c, body);
    await updateActivity(db, f.id, activityId, body, ctx.actor);
    const { year } = await activityIntervention(db, f.id, activityId);
    return c.json((await listActivities(db, f.id, year)).find((a) => a.id === activityId));
  });
  app.delete(`${api}/activities/:activityId`, async (c) => {
    const { f, activityId, ctx } = await activityAccess(c);
    await deleteActivity(db, f.id, activityId, ctx.actor);
    return c.body(null, 204);
  });
};

function yearOf(c: Context<AppEnv>): number {
  const y = Number(c.req.param('year'));
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new NotFoundError('Bedömningen finns inte.');
  return y;
}
