import type { RouteModule } from '../app.tsx';
import { redirectWithFlash, type FlashKey } from '../views/flash.tsx';
import { ScrollTable } from '../views/scrollTable.tsx';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { DayLength, GoalAssessment, InterventionKind } from '../../core/interventions/vocabulary.ts';
import {
  addGrant,
  addRequisition,
  addStaffing,
  createIntervention,
  getIntervention,
  listInterventionBudgetLines,
  listInterventions,
  updateIntervention,
  type Intervention,
} from '../../services/interventions/interventions.ts';
import { addGoal, assessGoal, goalInterventionId, listGoals, type Goal } from '../../services/interventions/goals.ts';
import { addActivity, listActivities } from '../../services/interventions/activities.ts';
import { listMembers } from '../../services/interventions/members.ts';
import { csrfTokenOf, formFields, idParam, interventionsBase, yearParam } from './interventionsCommon.ts';
import { AssessmentBadge, fmtCount, fmtKronor, fmtNumber, fmtPercent } from './interventionsViews.tsx';
import { interventionParticipantRoutes } from './interventionsParticipants.tsx';
import { interventionStatisticsRoutes } from './interventionsStatistics.tsx';
import { interventionApiRoutes } from './interventionsApi.tsx';
import { interventionCorrectionRoutes } from './interventionsCorrections.tsx';
import { AmountField, Form, SelectField as ChoiceField, SubmitButton, TextField, formState } from '../views/form.tsx';

/** The year's assessment of a goal (prefilled with the current one, which it replaces). */
function AssessmentForm(props: { action: string; goalId: number; year: number; current?: { assessment: string; comment: string } | undefined }) {
  const s = formState(props.action, { assessment: props.current?.assessment, comment: props.current?.comment });
  return (
    <Form action={props.action} label={`Bedöm ${props.year}`}>
      <input type="hidden" name="year" value={String(props.year)} />
      <ChoiceField {...s.bind('assessment')} idSuffix={String(props.goalId)} label="Måluppfyllelse" required options={GoalAssessment.codes.map((k) => ({ value: k, label: GoalAssessment.label(k) }))} />
      <TextField {...s.bind('comment')} idSuffix={String(props.goalId)} label="Kommentar" />
      <SubmitButton label="Spara bedömning" />
    </Form>
  );
}

function GoalList(props: { federationId: number; goals: readonly Goal[]; action?: (goalId: number) => string; year: number; csrf: string | undefined }) {
  if (!props.goals.length) return <p>Inga mål registrerade.</p>;
  return (
    <ScrollTable>
      <table>
      <caption>Mål och måluppfyllelse</caption>
      <thead>
        <tr>
          <th scope="col">Målområde</th>
          <th scope="col">Mål</th>
          <th scope="col">Bedömning per år</th>
          {props.action ? <th scope="col">Bedöm {props.year}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.goals.map((g) => (
          <tr>
            <td>{g.area}</td>
            <th scope="row">
              {g.text}
              {props.action ? (
                <>
                  {' '}
                  <a href={`/f/${props.federationId}/mal/${g.id}`} aria-label={`Ändra målet ${g.text}`}>
                    Ändra
                  </a>
                </>
              ) : null}
            </th>
            <td>
              {g.assessments.length ? (
                <ul class="plain">
                  {g.assessments.map((a) => (
                    <li>
                      {a.year}: <AssessmentBadge assessment={a.assessment} />
                      {a.comment ? ` – ${a.comment}` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                'Ej bedömt'
              )}
            </td>
            {props.action ? (
              <td>
                <AssessmentForm action={props.action(g.id)} goalId={g.id} year={props.year} current={g.assessments.find((a) => a.year === props.year)} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
      </table>
    </ScrollTable>
  );
}

function GoalForm(props: { action: string; csrf: string | undefined }) {
  const s = formState(props.action);
  return (
    <Form action={props.action} label="Nytt mål">
      <h3>Nytt mål</h3>
      <TextField {...s.bind('area')} idSuffix="goal" label="Målområde" />
      <TextField {...s.bind('text')} idSuffix="goal" label="Mål" required />
      <SubmitButton label="Lägg till mål" />
    </Form>
  );
}

/** Register a new intervention, or change one (prefilled with `value`; after an error, what was typed). */
function InterventionForm(props: {
  action: string;
  heading: string;
  members: readonly { id: number; name: string }[];
  budgetLines: readonly { id: number; label: string }[];
  value?: Intervention;
  csrf: string | undefined;
}) {
  const v = props.value;
  const s = formState(props.action, {
    name: v?.name,
    kind: v?.kind,
    ownerMemberId: v?.ownerMemberId,
    periodStart: v?.periodStart,
    periodEnd: v?.periodEnd,
    targetGroup: v?.targetGroup,
    municipalitiesServed: v?.municipalitiesServed.join(', '),
    capacity: v?.capacity,
    steeringGroup: v?.steeringGroup,
    budgetLineId: v?.budgetLineId,
  });
  const chosen = s.values('participatingMemberIds') ?? (v?.participatingMembers.map((p) => String(p.id)) ?? []);
  return (
    <Form action={props.action} label={props.heading}>
      <h2>{props.heading}</h2>
      <TextField {...s.bind('name')} label="Namn" required />
      <ChoiceField {...s.bind('kind')} label="Typ" required options={InterventionKind.codes.map((k) => ({ value: k, label: InterventionKind.label(k) }))} />
      <ChoiceField {...s.bind('ownerMemberId')} label="Insatsägare" placeholder="– ingen –" options={props.members.map((m) => ({ value: String(m.id), label: m.name }))} />
      <fieldset>
        <legend>Medverkande medlemmar</legend>
        {props.members.map((m) => (
          <div class="check">
            <input type="checkbox" id={`pm-${m.id}`} name="participatingMemberIds[]" value={String(m.id)} checked={chosen.includes(String(m.id))} />{' '}
            <label for={`pm-${m.id}`} class="inline">
              {m.name}
            </label>
          </div>
        ))}
      </fieldset>
      <TextField {...s.bind('periodStart')} label="Startdatum" type="date" required />
      <TextField {...s.bind('periodEnd')} label="Slutdatum" type="date" />
      <TextField {...s.bind('targetGroup')} label="Målgrupp" />
      <TextField {...s.bind('municipalitiesServed')} label="Kommuner som insatsen vänder sig till" hint="Skilj med kommatecken." />
      <TextField {...s.bind('capacity')} label="Kapacitet (deltagare samtidigt)" inputmode="numeric" />
      <TextField {...s.bind('steeringGroup')} label="Styrgrupp" />
      <ChoiceField {...s.bind('budgetLineId')} label="Budgetpost" placeholder="– ingen –" options={props.budgetLines.map((b) => ({ value: String(b.id), label: b.label }))} />
      <SubmitButton label={props.heading} />
    </Form>
  );
}

/** New grant, requisition and staffing for an intervention; after an error they show what was typed. */
function MoneyForms(props: { base: string; year: number; members: readonly { id: number; name: string }[] }) {
  const g = formState(`${props.base}/beslut`, { year: props.year });
  const r = formState(`${props.base}/rekvisitioner`);
  const st = formState(`${props.base}/bemanning`);
  return (
    <>
      <Form action={`${props.base}/beslut`} label="Beslut om medel">
        <h3>Beslut om medel</h3>
        <TextField {...g.bind('year')} label="År" inputmode="numeric" required />
        <AmountField {...g.bind('decided')} label="Beslutade medel" required />
        <TextField {...g.bind('decisionDate')} label="Beslutsdatum" type="date" required />
        <TextField {...g.bind('reference')} label="Referens (diarienummer)" />
        <SubmitButton label="Spara beslut" />
      </Form>
      <Form action={`${props.base}/rekvisitioner`} label="Rekvisition">
        <h3>Rekvisition</h3>
        <TextField {...r.bind('date')} label="Datum" type="date" required />
        <AmountField {...r.bind('amount')} label="Belopp" required />
        <TextField {...r.bind('note')} label="Anteckning" />
        <SubmitButton label="Spara rekvisition" />
      </Form>
      <Form action={`${props.base}/bemanning`} label="Bemanning">
        <h3>Bemanning</h3>
        <ChoiceField {...st.bind('memberId')} label="Medlem" required options={props.members.map((m) => ({ value: String(m.id), label: m.name }))} />
        <TextField {...st.bind('role')} label="Roll" required />
        <TextField {...st.bind('fte')} label="Tjänstgöringsgrad (heltid = 1,0, högst 2)" inputmode="decimal" required />
        <SubmitButton label="Lägg till bemanning" />
      </Form>
    </>
  );
}

/** Interventions for the kansli and the teams: list, register, details, money, goals, structural activities. */
export const interventionRoutes: RouteModule = (app, deps) => {
  const { db } = deps;

  app.get('/f/:federationId/insatser', async (c) => {
    const f = requireFederation(c);
    const ctx = c.get('ctx');
    const csrf = csrfTokenOf(c);
    const year = yearParam(c);
    const all = (await listInterventions(db, f.id)).filter((i) => ctx.can('interventions:read', { interventionId: i.id }));
    const details = await Promise.all(all.map((i) => getIntervention(db, f.id, i.id)));
    const goalsOf = new Map(await Promise.all(all.map(async (i) => [i.id, await listGoals(db, f.id, i.id)] as const)));
    const members = await listMembers(db, f.id);
    const budgetLines = await listInterventionBudgetLines(db, f.id);
    const canWrite = ctx.can('interventions:write');
    // The förbund's own goals: for the roles that read all its interventions (never the national reader or
    // the system administrator, who see only aggregates).
    const federationGoals = ctx.can('interventions:read') ? await listGoals(db, f.id, null) : [];
    const base = interventionsBase(f.id);
    return c.html(
      <Layout title="Insatser" federation={f}>
        <h1>Insatser</h1>
        <p>
          <a href={`/f/${f.id}/statistik?ar=${year}`}>Deltagarstatistik {year}</a> · <a href={`/f/${f.id}/strukturaktiviteter?ar=${year}`}>Strukturinsatsernas aktiviteter {year}</a>
        </p>
        {details.length ? (
          <ScrollTable>
            <table>
            <caption>Insatser med beviljade och rekvirerade medel {year}</caption>
            <thead>
              <tr>
                <th scope="col">Insats</th>
                <th scope="col">Typ</th>
                <th scope="col">Insatsägare</th>
                <th scope="col" class="num">Beslutade medel {year}, kr</th>
                <th scope="col" class="num">Rekvirerat {year}, kr</th>
                <th scope="col" class="num">Förbrukning {year}</th>
                <th scope="col" class="num">Förbrukning hela perioden</th>
                <th scope="col">Måluppfyllelse {year}</th>
              </tr>
            </thead>
            <tbody>
              {details.map((i) => {
                const y = i.consumption.find((l) => l.year === year);
                const period = i.consumption.find((l) => l.year === null)!;
                return (
                  <tr>
                    <th scope="row">
                      <a href={`${base}/${i.id}`}>{i.name}</a>
                    </th>
                    <td>{InterventionKind.label(i.kind)}</td>
                    <td>{i.ownerName ?? '–'}</td>
                    <td class="num">{y ? fmtKronor(y.decidedOre) : '0'}</td>
                    <td class="num">{y ? fmtKronor(y.usedOre) : '0'}</td>
                    <td class="num">{fmtPercent(y?.ratePercent ?? null)}</td>
                    <td class="num">{fmtPercent(period.ratePercent)}</td>
                    <td>
                      {(goalsOf.get(i.id) ?? []).flatMap((g) => g.assessments.filter((a) => a.year === year)).map((a) => (
                        <>
                          <AssessmentBadge assessment={a.assessment} />{' '}
                        </>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            </table>
          </ScrollTable>
        ) : (
          <p>Inga insatser registrerade.</p>
        )}
        {ctx.can('interventions:read') ? (
          <>
            <h2>Förbundets mål</h2>
            <GoalList federationId={f.id} csrf={csrf} goals={federationGoals} year={year} action={canWrite ? (id) => `/f/${f.id}/mal/${id}/bedomning` : undefined} />
          </>
        ) : null}
        {canWrite ? <GoalForm csrf={csrf} action={`/f/${f.id}/mal`} /> : null}
        {canWrite ? <InterventionForm csrf={csrf} action={base} heading="Registrera insats" members={members} budgetLines={budgetLines} /> : null}
      </Layout>,
    );
  });

  app.post('/f/:federationId/insatser', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'interventions:write');
    const id = await createIntervention(db, ctx.actor, f.id, await formFields(c));
    return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}`, 'intervention-created');
  });

  app.get('/f/:federationId/insatser/:id', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'interventions:read', { interventionId: id });
    const csrf = csrfTokenOf(c);
    const year = yearParam(c);
    const i = await getIntervention(db, f.id, id);
    const goals = await listGoals(db, f.id, id);
    const members = await listMembers(db, f.id);
    const canWrite = ctx.can('interventions:write', { interventionId: id });
    const base = `${interventionsBase(f.id)}/${id}`;
    return c.html(
      <Layout title={i.name} federation={f}>
        <h1>{i.name}</h1>
        <ul>
          {ctx.can('participants:write', { interventionId: id }) ? (
            <li>
              <a href={`${base}/deltagare`}>Deltagare</a>
            </li>
          ) : null}
          {i.kind === 'structural' && ctx.can('activities:write', { interventionId: id }) ? (
            <li>
              <a href={`/f/${f.id}/strukturaktiviteter?ar=${year}`}>Aktiviteter {year}</a>
            </li>
          ) : null}
          <li>
            <a href={`${base}/statistik?ar=${year}`}>Statistik {year}</a>
          </li>
          <li>
            Uppföljning {year} (deltagare efter kön): <a href={`${base}/uppfoljning-${year}.csv`}>CSV</a>, <a href={`${base}/uppfoljning-${year}.xlsx`}>Excel</a>
          </li>
        </ul>
        <dl class="facts">
          <dt>Typ</dt>
          <dd>{InterventionKind.label(i.kind)}</dd>
          <dt>Insatsägare</dt>
          <dd>{i.ownerName ?? '–'}</dd>
          <dt>Medverkande medlemmar</dt>
          <dd>{i.participatingMembers.map((m) => m.name).join(', ') || '–'}</dd>
          <dt>Period</dt>
          <dd>
            {i.periodStart} – {i.periodEnd ?? 'tills vidare'}
          </dd>
          <dt>Målgrupp</dt>
          <dd>{i.targetGroup || '–'}</dd>
          <dt>Kommuner</dt>
          <dd>{i.municipalitiesServed.join(', ') || '–'}</dd>
          <dt>Kapacitet</dt>
          <dd>{i.capacity === null ? '–' : `${fmtNumber(i.capacity)} deltagare samtidigt`}</dd>
          <dt>Styrgrupp</dt>
          <dd>{i.steeringGroup || '–'}</dd>
          <dt>Budgetpost</dt>
          <dd>{i.budgetLineLabel ?? '–'}</dd>
        </dl>

        <ScrollTable>
          <table>
          <caption>Bemanning per medlem (årsarbetare)</caption>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              <th scope="col">Roll</th>
              <th scope="col" class="num">Tjänstgöringsgrad</th>
              {canWrite ? <th scope="col">Åtgärd</th> : null}
            </tr>
          </thead>
          <tbody>
            {i.staffing.map((s) => (
              <tr>
                <td>{s.memberName}</td>
                <th scope="row">{s.role}</th>
                <td class="num">{fmtNumber(s.fte)}</td>
                {canWrite ? (
                  <td>
                    <a href={`${base}/bemanning/${s.id}`} aria-label={`Ändra bemanning ${s.role}, ${s.memberName}`}>
                      Ändra
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="total">
              <th scope="row" colspan={2}>
                Totalt
              </th>
              <td class="num">{fmtNumber(i.staffing.reduce((s, x) => s + x.fte, 0))}</td>
              {canWrite ? <td></td> : null}
            </tr>
          </tfoot>
          </table>
        </ScrollTable>

        <ScrollTable>
          <table>
          <caption>Beslutade och rekvirerade medel, förbrukningsgrad</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" class="num">Beslutade medel, kr</th>
              <th scope="col" class="num">Rekvirerat, kr</th>
              <th scope="col" class="num">Förbrukning</th>
            </tr>
          </thead>
          <tbody>
            {i.consumption.map((l) => (
              <tr class={l.year === null ? 'total' : undefined}>
                <th scope="row">{l.year ?? 'Hela perioden'}</th>
                <td class="num">{fmtKronor(l.decidedOre)}</td>
                <td class="num">{fmtKronor(l.usedOre)}</td>
                <td class="num">{fmtPercent(l.ratePercent)}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollTable>

        <ScrollTable>
          <table>
          <caption>Beslut om medel</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col">Beslutsdatum</th>
              <th scope="col">Referens</th>
              <th scope="col" class="num">Belopp, kr</th>
              {canWrite ? <th scope="col">Åtgärd</th> : null}
            </tr>
          </thead>
          <tbody>
            {i.grants.map((g) => (
              <tr>
                <th scope="row">{g.year}</th>
                <td>{g.decisionDate}</td>
                <td>{g.reference}</td>
                <td class="num">{fmtKronor(g.decidedOre)}</td>
                {canWrite ? (
                  <td>
                    <a href={`${base}/beslut/${g.id}`} aria-label={`Ändra beslutet ${g.decisionDate} ${g.reference}`}>
                      Ändra
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollTable>

        <ScrollTable>
          <table>
          <caption>Rekvisitioner</caption>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Anteckning</th>
              <th scope="col" class="num">Belopp, kr</th>
              {canWrite ? <th scope="col">Åtgärd</th> : null}
            </tr>
          </thead>
          <tbody>
            {i.requisitions.map((r) => (
              <tr>
                <th scope="row">{r.date}</th>
                <td>{r.note}</td>
                <td class="num">{fmtKronor(r.amountOre)}</td>
                {canWrite ? (
                  <td>
                    <a href={`${base}/rekvisitioner/${r.id}`} aria-label={`Ändra rekvisitionen ${r.date}`}>
                      Ändra
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollTable>

        <h2>Mål</h2>
        <GoalList federationId={f.id} csrf={csrf} goals={goals} year={year} action={canWrite ? (gid) => `/f/${f.id}/mal/${gid}/bedomning` : undefined} />

        {canWrite ? (
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">Registrera</h2>
            <InterventionForm csrf={csrf} action={`${base}/andra`} heading="Ändra uppgifter om insatsen" members={members} budgetLines={await listInterventionBudgetLines(db, f.id)} value={i} />
            <GoalForm csrf={csrf} action={`${base}/mal`} />
            <MoneyForms base={base} year={year} members={members} />
          </section>
        ) : null}
      </Layout>,
    );
  });

  const post = (path: string, key: FlashKey, write: (fid: number, id: number, actor: { id: string }, fields: Record<string, unknown>) => Promise<unknown>) =>
    app.post(`/f/:federationId/insatser/:id/${path}`, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await write(f.id, id, ctx.actor, await formFields(c));
      return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}`, key);
    });
  post('beslut', 'grant', (fid, id, actor, fields) => addGrant(db, actor, fid, id, fields));
  post('rekvisitioner', 'requisition', (fid, id, actor, fields) => addRequisition(db, actor, fid, id, fields));
  post('bemanning', 'staffing', (fid, id, actor, fields) => addStaffing(db, actor, fid, id, fields));
  post('mal', 'goal', (fid, id, actor, fields) => addGoal(db, actor, fid, id, fields));
  post('andra', 'intervention', (fid, id, actor, fields) => updateIntervention(db, actor, fid, id, fields));

  app.post('/f/:federationId/mal', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'interventions:write');
    await addGoal(db, ctx.actor, f.id, null, await formFields(c));
    return redirectWithFlash(c, interventionsBase(f.id), 'goal');
  });

  app.post('/f/:federationId/mal/:goalId/bedomning', async (c) => {
    const f = requireFederation(c);
    const goalId = idParam(c, 'goalId');
    const interventionId = await goalInterventionId(db, f.id, goalId);
    const ctx = requirePermission(c, 'interventions:write', interventionId === null ? undefined : { interventionId });
    await assessGoal(db, ctx.actor, f.id, goalId, await formFields(c));
    return redirectWithFlash(c, interventionId === null ? interventionsBase(f.id) : `${interventionsBase(f.id)}/${interventionId}`, 'assessment');
  });

  app.get('/f/:federationId/strukturaktiviteter', async (c) => {
    const f = requireFederation(c);
    const ctx = c.get('ctx');
    // The whole förbund's activities, or (insats staff) those of the interventions the user works in.
    const readable = ctx.interventions('interventions:read');
    if (readable !== 'all' && !readable.length) requirePermission(c, 'interventions:read');
    const csrf = csrfTokenOf(c);
    const year = yearParam(c);
    const rows = (await listActivities(db, f.id, year)).filter((r) => readable === 'all' || (r.interventionId !== null && readable.includes(r.interventionId)));
    const structural = (await listInterventions(db, f.id)).filter((i) => i.kind === 'structural' && ctx.can('activities:write', { interventionId: i.id }));
    const canRecordWithout = ctx.can('activities:write');
    const total = rows.reduce((s, r) => s + r.participants, 0);
    const canWriteActivities = canRecordWithout || structural.length > 0;
    const act = formState(`/f/${f.id}/strukturaktiviteter`, { year });
    return c.html(
      <Layout title={`Strukturinsatsernas aktiviteter ${year}`} federation={f}>
        <h1>Strukturinsatsernas aktiviteter {year}</h1>
        <ScrollTable>
          <table>
          <caption>Sammanställning av strukturpåverkande insatser {year}</caption>
          <thead>
            <tr>
              <th scope="col">Aktivitet</th>
              <th scope="col">Målgrupp</th>
              <th scope="col">Omfattning</th>
              <th scope="col" class="num">Antal deltagare</th>
              <th scope="col" class="num">Utvärdering</th>
              {canWriteActivities ? <th scope="col">Åtgärd</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                <td>{r.targetGroup}</td>
                <td>
                  {r.scopeNote || [r.sessions !== null ? `${r.sessions} tillfällen` : null, r.dayLength ? DayLength.label(r.dayLength).toLowerCase() : null].filter(Boolean).join(', ')}
                  {r.firstDate ? ` (${r.firstDate}${r.lastDate && r.lastDate !== r.firstDate ? ` – ${r.lastDate}` : ''})` : ''}
                </td>
                <td class="num">{fmtCount(r.participants)}</td>
                <td class="num">{r.evaluationScore === null ? '–' : fmtNumber(r.evaluationScore)}</td>
                {canWriteActivities ? (
                  <td>
                    {ctx.can('activities:write', r.interventionId === null ? undefined : { interventionId: r.interventionId }) ? (
                      <a href={`/f/${f.id}/strukturaktiviteter/${r.id}`} aria-label={`Ändra ${r.name}`}>
                        Ändra
                      </a>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="total">
              <th scope="row" colspan={3}>
                Totalt
              </th>
              <td class="num">{fmtCount(total)}</td>
              <td></td>
              {canWriteActivities ? <td></td> : null}
            </tr>
          </tfoot>
          </table>
        </ScrollTable>
        <p>Deltagarna i strukturinsatsernas aktiviteter är yrkesverksamma och förtroendevalda, inte insatsdeltagare; antalen visas därför utan maskering.</p>
        {canRecordWithout || structural.length ? (
          <Form action={`/f/${f.id}/strukturaktiviteter`} label="Registrera aktivitet">
            <h2>Registrera aktivitet</h2>
            <input type="hidden" name="year" value={act.value('year')} />
            <TextField {...act.bind('name')} label="Aktivitet" required />
            <ChoiceField
              {...act.bind('interventionId')}
              label="Insats"
              required={!canRecordWithout}
              {...(canRecordWithout ? { placeholder: '– ingen –' } : {})}
              options={structural.map((i) => ({ value: String(i.id), label: i.name }))}
            />
            <TextField {...act.bind('targetGroup')} label="Målgrupp" />
            <TextField {...act.bind('sessions')} label="Antal tillfällen" inputmode="numeric" />
            <ChoiceField {...act.bind('dayLength')} label="Längd" placeholder="– uppgift saknas –" options={DayLength.codes.map((k) => ({ value: k, label: DayLength.label(k) }))} />
            <TextField {...act.bind('scopeNote')} label="Omfattning (fritext)" />
            <TextField {...act.bind('firstDate')} label="Första datum" type="date" />
            <TextField {...act.bind('lastDate')} label="Sista datum" type="date" />
            <TextField {...act.bind('participants')} label="Antal deltagare" inputmode="numeric" required />
            <TextField {...act.bind('evaluationScore')} label="Utvärderingsbetyg (0–10)" inputmode="decimal" />
            <SubmitButton label="Registrera aktivitet" />
          </Form>
        ) : null}
      </Layout>,
    );
  });

  app.post('/f/:federationId/strukturaktiviteter', async (c) => {
    const f = requireFederation(c);
    const fields = await formFields(c);
    const interventionId = fields.interventionId ? Number(fields.interventionId) : undefined;
    const ctx = requirePermission(c, 'activities:write', interventionId ? { interventionId } : undefined);
    await addActivity(db, ctx.actor, f.id, fields);
    return redirectWithFlash(c, `/f/${f.id}/strukturaktiviteter?ar=${encodeURIComponent(String(fields.year ?? ''))}`, 'activity');
  });

  interventionParticipantRoutes(app, deps);
  interventionStatisticsRoutes(app, deps);
  interventionApiRoutes(app, deps);
  interventionCorrectionRoutes(app, deps);
};
