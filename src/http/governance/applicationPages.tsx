/** The applications' pages: the list with search, the form (a draft over several visits) and one application with its beredning. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { CheckboxGroup, Form, formState, SelectField, SubmitButton, TextAreaField, TextField } from '../kit/form.tsx';
import { fmtKronor } from '../kit/format.ts';
import { ApplicationLevel, ApplicationStatus } from '../../core/applications/vocabulary.ts';
import { budgetPerYear, yearAmountText } from '../../core/applications/application.ts';
import type { Application, ApplicationSummary } from '../../services/decisions/applications.ts';
import type { Preparation } from '../../services/decisions/preparation.ts';

export interface ApplicationListModel {
  readonly federation: FederationRef;
  readonly applications: readonly ApplicationSummary[];
  readonly query: string;
  readonly status: string;
  readonly canWrite: boolean;
}

export function ApplicationListPage(props: { model: ApplicationListModel }) {
  const { federation: f, applications, query, status, canWrite } = props.model;
  return (
    <Layout title="Ansökningar om medel" federation={f}>
      <h1>Ansökningar om medel</h1>
      {canWrite ? (
        <p>
          <a href={`/f/${f.id}/ansokningar/ny`}>Ny ansökan</a>
        </p>
      ) : null}
      <Form action={`/f/${f.id}/ansokningar`} method="get" label="Sök ansökningar">
        <TextField name="q" label="Sök i rubrik, problem och målgrupp" value={query} />
        <SelectField name="status" label="Status" value={status} options={[{ value: '', label: 'Alla' }, ...ApplicationStatus.codes.map((c) => ({ value: c, label: ApplicationStatus.label(c) }))]} />
        <SubmitButton label="Sök" />
      </Form>
      {applications.length ? (
        <table>
          <caption>Ansökningar, senaste först</caption>
          <thead>
            <tr>
              <th scope="col">Rubrik</th>
              <th scope="col">Ägande medlem</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">Sökt belopp</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr>
                <td>
                  <a href={`/f/${f.id}/ansokningar/${a.id}`}>{a.title}</a>
                </td>
                <td>{a.ownerName ?? '–'}</td>
                <td>{a.statusLabel}</td>
                <td class="num">{fmtKronor(a.appliedOre)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Inga ansökningar matchar.</p>
      )}
    </Layout>
  );
}

export interface ApplicationFormModel {
  readonly federation: FederationRef;
  /** Null for a new application. */
  readonly application: Application | null;
  readonly members: readonly { id: number; name: string }[];
}

/** The fields of an application; saved as a draft (any time) or submitted (when complete). */
export function ApplicationForm(props: { model: ApplicationFormModel }) {
  const { federation: f, application: a, members } = props.model;
  const action = a ? `/f/${f.id}/ansokningar/${a.id}` : `/f/${f.id}/ansokningar`;
  const s = formState(action, {
    title: a?.title, ownerMember: a?.ownerMemberId, level: a?.level, periodStart: a?.periodStart, periodEnd: a?.periodEnd, problem: a?.problem,
    targetGroup: a?.targetGroup, goals: a?.goals.join('\n'), followUp: a?.followUp, budget: a ? yearAmountText(budgetPerYear(a.budget)) : '',
    coFinancing: a?.coFinancing, staffing: a?.staffing, contactPerson: a?.contactPerson,
  });
  const cooperating = s.values('cooperatingMembers') ?? (a?.cooperatingMemberIds ?? []).map(String);
  return (
    <Form action={action} label="Ansökan">
      <p>Skriv inga uppgifter om enskilda deltagare. Ett utkast kan sparas och fyllas i vid flera tillfällen.</p>
      <TextField {...s.bind('title')} label="Rubrik" required />
      <SelectField {...s.bind('ownerMember')} label="Ägande medlem" options={members.map((m) => ({ value: String(m.id), label: m.name }))} />
      <CheckboxGroup name="cooperatingMembers[]" legend="Samverkande medlemmar" options={members.map((m) => ({ value: String(m.id), label: m.name }))} chosen={cooperating} />
      <SelectField {...s.bind('level')} label="Nivå" options={ApplicationLevel.codes.map((c) => ({ value: c, label: ApplicationLevel.label(c) }))} />
      <TextField {...s.bind('periodStart')} label="Periodens början" type="date" />
      <TextField {...s.bind('periodEnd')} label="Periodens slut" type="date" />
      <TextAreaField {...s.bind('problem')} label="Problem" rows={4} />
      <TextAreaField {...s.bind('targetGroup')} label="Målgrupp" rows={3} />
      <TextAreaField {...s.bind('goals')} label="Mål" hint="Ett mål per rad." rows={4} />
      <TextAreaField {...s.bind('followUp')} label="Uppföljning" hint="Indikatorer, uppföljning av deltagare, enkäter." rows={3} />
      <TextAreaField {...s.bind('budget')} label="Budget per år" hint="Ett år per rad: 2027: 500 000" rows={3} />
      <TextAreaField {...s.bind('coFinancing')} label="Medfinansiering" rows={2} />
      <TextAreaField {...s.bind('staffing')} label="Bemanning" rows={2} />
      <TextField {...s.bind('contactPerson')} label="Kontaktperson" />
      <SubmitButton label="Spara utkast" name="intent" value="draft" />
      <SubmitButton label="Skicka in ansökan" name="intent" value="submit" />
    </Form>
  );
}

export function NewApplicationPage(props: { model: ApplicationFormModel }) {
  return (
    <Layout title="Ny ansökan" federation={props.model.federation}>
      <h1>Ny ansökan om medel</h1>
      <ApplicationForm model={props.model} />
    </Layout>
  );
}

export interface ApplicationModel extends ApplicationFormModel {
  readonly application: Application;
  readonly canWrite: boolean;
  readonly preparation: Preparation;
}

/** The förbund's checklist for this application and the preparation group's comments; forms for the kansli. */
function PreparationPart(props: { base: string; preparation: Preparation; canWrite: boolean }) {
  const { base, preparation: p, canWrite } = props;
  const comment = formState(`${base}/kommentar`);
  return (
    <>
      <h3>Förbundets kriterier</h3>
      {p.checklist.length ? (
        <ul>
          {p.checklist.map((c) => (
            <li>
              {c.label}: {c.met === null ? 'ej bedömt' : c.met ? 'uppfyllt' : 'inte uppfyllt'}
              {c.note ? ` – ${c.note}` : ''}
              {canWrite ? (
                <Form action={`${base}/kriterium`} label={`Bedöm ${c.label}`}>
                  <input type="hidden" name="criterion" value={String(c.criterionId)} />
                  <SelectField name="met" label={`Uppfyllt: ${c.label}`} value={c.met === null ? '' : c.met ? 'ja' : 'nej'} options={[{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }]} idSuffix={`k${c.criterionId}`} />
                  <TextField name="note" label="Anteckning" value={c.note} idSuffix={`k${c.criterionId}`} />
                  <SubmitButton label="Spara bedömningen" />
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Förbundet har inga kriterier för beredningen ännu.</p>
      )}
      <h3>Beredningsgruppens kommentarer</h3>
      {p.comments.length ? (
        <ul>
          {p.comments.map((c) => (
            <li>
              {c.at}, {c.author}: {c.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>Inga kommentarer.</p>
      )}
      {canWrite ? (
        <Form action={`${base}/kommentar`} label="Ny kommentar">
          <TextAreaField {...comment.bind('text')} label="Kommentar" rows={3} />
          <SubmitButton label="Lägg till kommentaren" />
        </Form>
      ) : null}
    </>
  );
}

export function ApplicationPage(props: { model: ApplicationModel }) {
  const { federation: f, application: a, canWrite } = props.model;
  const base = `/f/${f.id}/ansokningar/${a.id}`;
  const proposal = formState(`${base}/forslag`, { amounts: yearAmountText(a.proposal), conditions: a.proposalConditions });
  const manual = ApplicationStatus.codes.filter((c) => !['beviljad', 'avslagen', 'utkast', a.status].includes(c));
  return (
    <Layout title={a.title} federation={f}>
      <p>
        <a href={`/f/${f.id}/ansokningar`}>Alla ansökningar</a>
      </p>
      <h1>{a.title}</h1>
      <p>
        <strong>Status:</strong> {a.statusLabel}
      </p>
      {a.decision ? (
        <p>
          Styrelsen {a.decision.meetingDate} § {a.decision.paragraph}: {a.decision.text}
          {a.decision.amounts.length ? ` (${a.decision.amounts.map((x) => `${x.year}: ${fmtKronor(x.amountOre)}`).join(', ')})` : ''}.{' '}
          {a.decision.interventionId ? <a href={`/f/${f.id}/insatser/${a.decision.interventionId}`}>Insatsen</a> : null}
        </p>
      ) : a.pendingDecision ? (
        <p>
          Beslutad i protokollet från {a.pendingDecision.meetingDate} § {a.pendingDecision.paragraph}; gäller när protokollet är justerat.
        </p>
      ) : null}
      {a.status === 'utkast' && canWrite ? (
        <ApplicationForm model={props.model} />
      ) : (
        <dl>
          <dt>Ägande medlem</dt>
          <dd>{a.ownerName ?? '–'}</dd>
          <dt>Samverkande medlemmar</dt>
          <dd>{a.cooperatingMembers.map((m) => m.name).join(', ') || '–'}</dd>
          <dt>Nivå</dt>
          <dd>{a.level ? ApplicationLevel.label(a.level) : '–'}</dd>
          <dt>Period</dt>
          <dd>
            {a.periodStart ?? '–'} – {a.periodEnd ?? '–'}
          </dd>
          <dt>Problem</dt>
          <dd>{a.problem}</dd>
          <dt>Målgrupp</dt>
          <dd>{a.targetGroup}</dd>
          <dt>Mål</dt>
          <dd>
            <ul>
              {a.goals.map((g) => (
                <li>{g}</li>
              ))}
            </ul>
          </dd>
          <dt>Uppföljning</dt>
          <dd>{a.followUp}</dd>
          <dt>Budget per år</dt>
          <dd>{budgetPerYear(a.budget).map((b) => `${b.year}: ${fmtKronor(b.amountOre)}`).join(', ') || '–'}</dd>
          <dt>Medfinansiering</dt>
          <dd>{a.coFinancing || '–'}</dd>
          <dt>Bemanning</dt>
          <dd>{a.staffing || '–'}</dd>
          <dt>Kontaktperson</dt>
          <dd>{a.contactPerson || '–'}</dd>
        </dl>
      )}
      {canWrite && a.status !== 'utkast' && manual.length && !['beviljad', 'avslagen', 'atertagen'].includes(a.status) ? (
        <>
          <h2>Beredning</h2>
          <PreparationPart base={base} preparation={props.model.preparation} canWrite={canWrite} />
          <Form action={`${base}/status`} label="Ändra status">
            <SelectField name="status" label="Ny status" value="" options={manual.map((c) => ({ value: c, label: ApplicationStatus.label(c) }))} />
            <SubmitButton label="Ändra status" />
          </Form>
          <Form action={`${base}/forslag`} label="Förslag till beslut">
            <TextAreaField {...proposal.bind('amounts')} label="Föreslaget belopp per år" hint="Ett år per rad: 2027: 500 000" rows={3} />
            <TextAreaField {...proposal.bind('conditions')} label="Villkor" rows={3} />
            <SubmitButton label="Spara förslaget" />
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
