/** Follow-up after exit: the month's due list of an intervention, and recording the status of one participation. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { Form, SelectField, SubmitButton, TextField, formState } from '../kit/form.tsx';
import { SupportSource } from '../../core/interventions/vocabulary.ts';
import type { DueFollowUp } from '../../services/interventions/followUps.ts';

export interface FollowUpListModel {
  readonly federation: FederationRef;
  readonly intervention: { readonly id: number; readonly name: string };
  readonly year: number;
  readonly month: number;
  readonly due: readonly DueFollowUp[];
  readonly overdue: readonly DueFollowUp[];
}

const recordedText = (d: DueFollowUp) =>
  d.recorded === null
    ? 'Ej registrerad'
    : !d.recorded.reached
      ? `Ej nådd (${d.recorded.statusDate})`
      : `${SupportSource.label(d.recorded.supportSource!)}, ${d.recorded.workOrStudies ? 'i arbete eller studier' : 'inte i arbete eller studier'} (${d.recorded.statusDate})`;

function DueTable(props: { caption: string; rows: readonly DueFollowUp[]; base: string }) {
  return (
    <ScrollTable>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kod</th>
            <th scope="col">Avslutad</th>
            <th scope="col">Uppföljning</th>
            <th scope="col">Infaller</th>
            <th scope="col">Registrerat</th>
            <th scope="col">Åtgärd</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((d) => (
            <tr>
              <th scope="row">{d.code}</th>
              <td>{d.endDate}</td>
              <td>{d.months} månader</td>
              <td>{d.dueDate}</td>
              <td>{recordedText(d)}</td>
              <td>
                <a href={`${props.base}/${d.participationId}/uppfoljning`} aria-label={`Registrera uppföljning ${d.months} månader för ${d.code}`}>
                  Registrera
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function FollowUpListPage(props: { model: FollowUpListModel }) {
  const { federation: f, intervention, year, month, due, overdue } = props.model;
  const monthText = `${year}-${String(month).padStart(2, '0')}`;
  const base = `/f/${f.id}/insatser/${intervention.id}/deltagare`;
  return (
    <Layout title={`Uppföljning efter avslut – ${intervention.name}`} federation={f}>
      <h1>Uppföljning efter avslut – {intervention.name}</h1>
      <p>
        Status 6 och 12 månader efter avslut registreras per deltagarkod: huvudsaklig försörjning, arbete eller studier, eller "ej nådd". Uppgifterna
        ingår i deltagarstatistiken för det år uppföljningen infaller.
      </p>
      <form method="get" action={`/f/${f.id}/insatser/${intervention.id}/uppfoljning`} class="year-form">
        <label for="ar">År</label> <input id="ar" name="ar" type="number" min="2000" max="2100" value={String(year)} />{' '}
        <label for="manad">Månad</label> <input id="manad" name="manad" type="number" min="1" max="12" value={String(month)} /> <button type="submit">Visa</button>
      </form>
      {due.length ? <DueTable caption={`Infaller ${monthText} (${due.length})`} rows={due} base={base} /> : <p>Inga uppföljningar infaller {monthText}.</p>}
      {overdue.length ? <DueTable caption={`Infallit tidigare, ej registrerade (${overdue.length})`} rows={overdue} base={base} /> : null}
    </Layout>
  );
}

export interface RecordFollowUpModel {
  readonly federation: FederationRef;
  readonly interventionId: number;
  readonly participation: { readonly id: number; readonly code: string; readonly endDate: string | null };
  readonly recorded: readonly DueFollowUp[];
}

export function RecordFollowUpPage(props: { model: RecordFollowUpModel }) {
  const { federation: f, interventionId, participation: p, recorded } = props.model;
  const action = `/f/${f.id}/insatser/${interventionId}/deltagare/${p.id}/uppfoljning`;
  const form = formState(action);
  return (
    <Layout title={`Uppföljning ${p.code}`} federation={f}>
      <h1>Uppföljning efter avslut, {p.code}</h1>
      {p.endDate === null ? (
        <p>Deltagandet är inte avslutat. Uppföljning efter avslut registreras när det har avslutats.</p>
      ) : (
        <>
          <p>Avslutades {p.endDate}.</p>
          <ul>
            {recorded.map((d) => (
              <li>
                {d.months} månader (infaller {d.dueDate}): {recordedText(d)}
              </li>
            ))}
          </ul>
          <Form action={action} label={`Registrera uppföljning för ${p.code}`}>
            <SelectField {...form.bind('months')} label="Uppföljning" required options={[{ value: '6', label: '6 månader efter avslut' }, { value: '12', label: '12 månader efter avslut' }]} />
            <TextField {...form.bind('statusDate')} label="Datum för uppgiften" type="date" required />
            <SelectField {...form.bind('reached')} label="Nåddes personen?" required options={[{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej, ej nådd' }]} />
            <SelectField
              {...form.bind('supportSource')}
              label="Huvudsaklig försörjning"
              hint="Lämna tomt om personen inte nåddes."
              placeholder="– ej nådd –"
              options={SupportSource.codes.map((c) => ({ value: c, label: SupportSource.label(c) }))}
            />
            <SelectField {...form.bind('workOrStudies')} label="I arbete eller studier?" placeholder="– ej nådd –" options={[{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }]} />
            <SubmitButton label="Spara uppföljningen" />
          </Form>
        </>
      )}
    </Layout>
  );
}
