/** The structural interventions' activities of a year, and the form to record one. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { Form, SelectField as ChoiceField, SubmitButton, TextField, formState } from '../kit/form.tsx';
import { DayLength } from '../../core/interventions/vocabulary.ts';
import type { listActivities } from '../../services/interventions/activities.ts';
import { fmtCount, fmtNumber } from '../kit/format.ts';

type Named = { id: number; name: string };

/** A year's activities of the structural interventions the user reads; canEdit per row, and the form's choices. */
export interface ActivitiesModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly rows: readonly (Awaited<ReturnType<typeof listActivities>>[number] & { readonly canEdit: boolean })[];
  /** The structural interventions the user may record activities for. */
  readonly structural: readonly Named[];
  /** May record an activity without an intervention (the kansli). */
  readonly canRecordWithout: boolean;
}

export function ActivitiesPage(props: { model: ActivitiesModel }) {
  const { federation: f, year, rows, structural, canRecordWithout } = props.model;
  const total = rows.reduce((s, r) => s + r.participants, 0);
  const canWriteActivities = canRecordWithout || structural.length > 0;
  const act = formState(`/f/${f.id}/strukturaktiviteter`, { year });
  return (
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
                  {r.canEdit ? (
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
    </Layout>
  );
}
