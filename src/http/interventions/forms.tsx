/** The intervention pages' forms: goals and their assessment, the intervention itself, grants, requisitions and staffing. */
import { ScrollTable } from '../kit/scrollTable.tsx';
import { AmountField, CheckboxGroup, Form, SelectField as ChoiceField, SubmitButton, TextField, formState } from '../kit/form.tsx';
import { GoalAssessment, InterventionKind } from '../../core/interventions/vocabulary.ts';
import type { Intervention } from '../../services/interventions/interventions.ts';
import type { Goal } from '../../services/interventions/goals.ts';
import { AssessmentBadge } from './assessmentBadge.tsx';

/** The year's assessment of a goal (prefilled with the current one, which it replaces). */
export function AssessmentForm(props: { action: string; goalId: number; year: number; current?: { assessment: string; comment: string } | undefined }) {
  const s = formState(props.action, { assessment: props.current?.assessment, comment: props.current?.comment });
  return (
    <Form action={props.action} label={`Bedöm ${props.year}`} idSuffix={String(props.goalId)}>
      <input type="hidden" name="year" value={String(props.year)} />
      <ChoiceField {...s.bind('assessment')} idSuffix={String(props.goalId)} label="Måluppfyllelse" required options={GoalAssessment.codes.map((k) => ({ value: k, label: GoalAssessment.label(k) }))} />
      <TextField {...s.bind('comment')} idSuffix={String(props.goalId)} label="Kommentar" />
      <SubmitButton label="Spara bedömning" />
    </Form>
  );
}

export function GoalList(props: { federationId: number; goals: readonly Goal[]; action?: (goalId: number) => string; year: number; csrf: string | undefined }) {
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

export function GoalForm(props: { action: string; csrf: string | undefined }) {
  const s = formState(props.action);
  return (
    <Form action={props.action} label="Nytt mål" idSuffix="goal">
      <h3>Nytt mål</h3>
      <TextField {...s.bind('area')} idSuffix="goal" label="Målområde" />
      <TextField {...s.bind('text')} idSuffix="goal" label="Mål" required />
      <SubmitButton label="Lägg till mål" />
    </Form>
  );
}

/** Register a new intervention, or change one (prefilled with `value`; after an error, what was typed). */
export function InterventionForm(props: {
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
    fkFollowUpMethod: v?.fkFollowUpMethod,
    esfFinanced: v ? (v.esfFinanced ? 'ja' : 'nej') : undefined,
  });
  const chosen = s.values('participatingMemberIds') ?? (v?.participatingMembers.map((p) => String(p.id)) ?? []);
  return (
    <Form action={props.action} label={props.heading}>
      <h2>{props.heading}</h2>
      <TextField {...s.bind('name')} label="Namn" required />
      <ChoiceField {...s.bind('kind')} label="Typ" required options={InterventionKind.codes.map((k) => ({ value: k, label: InterventionKind.label(k) }))} />
      <ChoiceField {...s.bind('ownerMemberId')} label="Insatsägare" placeholder="– ingen –" options={props.members.map((m) => ({ value: String(m.id), label: m.name }))} />
      <CheckboxGroup name="participatingMemberIds[]" legend="Medverkande medlemmar" idPrefix="pm" options={props.members.map((m) => ({ value: String(m.id), label: m.name }))} chosen={chosen} />
      <TextField {...s.bind('periodStart')} label="Startdatum" type="date" required />
      <TextField {...s.bind('periodEnd')} label="Slutdatum" type="date" />
      <TextField {...s.bind('targetGroup')} label="Målgrupp" />
      <TextField {...s.bind('municipalitiesServed')} label="Kommuner som insatsen vänder sig till" hint="Skilj med kommatecken." />
      <TextField {...s.bind('capacity')} label="Kapacitet (deltagare samtidigt)" inputmode="numeric" />
      <TextField {...s.bind('steeringGroup')} label="Styrgrupp" />
      <ChoiceField {...s.bind('budgetLineId')} label="Budgetpost" placeholder="– ingen –" options={props.budgetLines.map((b) => ({ value: String(b.id), label: b.label }))} />
      <TextField {...s.bind('fkFollowUpMethod')} label="Uppföljningsmetod (Uppföljning Finsam)" />
      <ChoiceField {...s.bind('esfFinanced')} label="ESF-finansierad" options={[{ value: 'nej', label: 'Nej' }, { value: 'ja', label: 'Ja' }]} />
      <SubmitButton label={props.heading} />
    </Form>
  );
}

/** New grant, requisition and staffing for an intervention; after an error they show what was typed. */
export function MoneyForms(props: { base: string; year: number; members: readonly { id: number; name: string }[] }) {
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
