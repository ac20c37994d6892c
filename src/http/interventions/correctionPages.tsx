/** The pages that correct what was recorded about interventions: grants, requisitions, staffing, goals, participations, activities. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { RemoveForm, RemoveInRow } from '../kit/removal.tsx';
import { AmountField, Form, SelectField, SubmitButton, TextField, formState } from '../kit/form.tsx';
import { formatNumberUpTo } from '../../core/format.ts';
import { AgeBand, DayLength, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';
import { otherMunicipality } from '../../core/interventions/participation.ts';
import type { Intervention } from '../../services/interventions/interventions.ts';
import type { Goal } from '../../services/interventions/goals.ts';
import type { Activity } from '../../services/interventions/activities.ts';
import type { Participation } from '../../services/interventions/participations.ts';

type Vocab = { codes: readonly string[]; labels: Record<string, string> };
type Named = { id: number; name: string };
const options = (v: Vocab) => v.codes.map((c) => ({ value: c, label: v.labels[c]! }));
/** Kronor from öre as a form value ("4119000,50" style, no spaces so it reads back exactly). */
const kronorValue = (ore: number) => (ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ','));
const fteValue = (n: number) => formatNumberUpTo(n, 2).replace(/\s/g, '');

/** A removal, on its own form, with a sentence saying what goes; removed only once its box is ticked (kit/removal.tsx). */
function RemoveSection(props: { action: string; what: string; note?: string }) {
  return (
    <section aria-label={`Ta bort ${props.what}`}>
      <h2>Ta bort</h2>
      <RemoveForm {...props} />
    </section>
  );
}

export type MoneyKind = 'beslut' | 'rekvisitioner' | 'bemanning';

/** One grant, requisition or staffing row of an intervention, to change or remove. */
export interface MoneyEditModel {
  readonly federation: FederationRef;
  readonly intervention: { readonly id: number; readonly name: string };
  /** What the row is, in a sentence ("beslutet om medel"). */
  readonly what: string;
  readonly rowId: number;
  readonly row:
    | { readonly kind: 'beslut'; readonly grant: Intervention['grants'][number] }
    | { readonly kind: 'rekvisitioner'; readonly requisition: Intervention['requisitions'][number] }
    | { readonly kind: 'bemanning'; readonly staffing: Intervention['staffing'][number]; readonly members: readonly Named[] };
}

export function MoneyEditPage(props: { model: MoneyEditModel }) {
  const { federation: f, intervention: i, what, row, rowId } = props.model;
  const id = i.id;
  const base = `/f/${f.id}/insatser/${id}/${row.kind}/${rowId}`;
  let fields;
  if (row.kind === 'beslut') {
    const g = row.grant;
    const s = formState(base, { year: g.year, decided: kronorValue(g.decidedOre), decisionDate: g.decisionDate, reference: g.reference });
    fields = (
      <>
        <TextField {...s.bind('year')} label="År" inputmode="numeric" required />
        <AmountField {...s.bind('decided')} label="Beslutade medel" required />
        <TextField {...s.bind('decisionDate')} label="Beslutsdatum" type="date" required />
        <TextField {...s.bind('reference')} label="Referens (diarienummer)" />
      </>
    );
  } else if (row.kind === 'rekvisitioner') {
    const r = row.requisition;
    const s = formState(base, { date: r.date, amount: kronorValue(r.amountOre), note: r.note });
    fields = (
      <>
        <TextField {...s.bind('date')} label="Datum" type="date" required />
        <AmountField {...s.bind('amount')} label="Belopp" required />
        <TextField {...s.bind('note')} label="Anteckning" />
      </>
    );
  } else {
    const st = row.staffing;
    const members = row.members;
    const s = formState(base, { memberId: st.memberId, role: st.role, fte: fteValue(st.fte) });
    fields = (
      <>
        <SelectField {...s.bind('memberId')} label="Medlem" required options={members.map((m) => ({ value: String(m.id), label: m.name }))} />
        <TextField {...s.bind('role')} label="Roll" required />
        <TextField {...s.bind('fte')} label="Tjänstgöringsgrad (heltid = 1,0, högst 2)" inputmode="decimal" required />
      </>
    );
  }
  return (
    <Layout title={`Ändra ${what} – ${i.name}`} federation={f}>
      <h1>
        Ändra {what}: {i.name}
      </h1>
      <Form action={base} label={`Ändra ${what}`}>
        {fields}
        <SubmitButton label="Spara ändringen" />
      </Form>
      <RemoveSection action={`${base}/ta-bort`} what={`${what} i ${i.name}`} />
      <p>
        <a href={`/f/${f.id}/insatser/${id}`}>Tillbaka till insatsen</a>
      </p>
    </Layout>
  );
}

/** A goal (of an intervention or of the förbund) with its assessments; `back` is where it belongs. */
export interface GoalEditModel {
  readonly federation: FederationRef;
  readonly goal: Goal;
  readonly back: string;
}

export function GoalEditPage(props: { model: GoalEditModel }) {
  const { federation: f, goal, back } = props.model;
  const base = `/f/${f.id}/mal/${goal.id}`;
  const s = formState(base, { area: goal.area, text: goal.text });
  return (
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
                {a.year}: {a.comment || '–'} <RemoveInRow action={`${base}/bedomning/${a.year}/ta-bort`} what={`bedömningen ${a.year}`} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RemoveSection action={`${base}/ta-bort`} what={`målet ”${goal.text}”`} note="Målet tas bort med sina bedömningar." />
      <p>
        <a href={back}>Tillbaka</a>
      </p>
    </Layout>
  );
}

/** A participation to correct, reopen or remove; `back` is the intervention's participants. */
export interface ParticipationEditModel {
  readonly federation: FederationRef;
  readonly participation: Participation;
  readonly members: readonly { id: number; name: string; kind: string }[];
  readonly back: string;
}

export function ParticipationEditPage(props: { model: ParticipationEditModel }) {
  const { federation: f, participation: p, members, back } = props.model;
  const base = `${back}/${p.id}`;
  const s = formState(base, { ...p, referringMemberId: p.referringMemberId, homeMunicipality: p.homeMunicipality });
  const unknown = { placeholder: '– uppgift saknas –' };
  return (
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
      <RemoveSection action={`${base}/ta-bort`} what={`deltagandet ${p.code}`} note="Bara för ett deltagande som registrerades av misstag; det räknas då inte längre i statistiken." />
      <p>
        <a href={back}>Tillbaka till deltagarna</a>
      </p>
    </Layout>
  );
}

/** A structural activity to change or remove, with the interventions it may be moved to. */
export interface ActivityEditModel {
  readonly federation: FederationRef;
  readonly activity: Activity;
  readonly structural: readonly Named[];
  readonly canRecordWithout: boolean;
  readonly back: string;
}

export function ActivityEditPage(props: { model: ActivityEditModel }) {
  const { federation: f, activity: a, structural, canRecordWithout, back } = props.model;
  const base = `/f/${f.id}/strukturaktiviteter/${a.id}`;
  const s = formState(base, {
    year: a.year, name: a.name, interventionId: a.interventionId, targetGroup: a.targetGroup, sessions: a.sessions, dayLength: a.dayLength,
    scopeNote: a.scopeNote, firstDate: a.firstDate, lastDate: a.lastDate, participants: a.participants,
    evaluationScore: a.evaluationScore === null ? null : formatNumberUpTo(a.evaluationScore, 2),
  });
  return (
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
      <RemoveSection action={`${base}/ta-bort`} what={`aktiviteten ${a.name}`} />
      <p>
        <a href={back}>Tillbaka till aktiviteterna</a>
      </p>
    </Layout>
  );
}
