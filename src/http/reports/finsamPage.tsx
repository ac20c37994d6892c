/** The report to Försäkringskassan's Uppföljning Finsam, laid out in the order of FK's forms, with the reconciliation. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { Form, SubmitButton } from '../kit/form.tsx';
import { formatNumber } from '../../core/format.ts';
import { Gender } from '../../core/interventions/vocabulary.ts';
import { orientationLabels, type FinsamReport } from '../../core/reports/finsamFollowUp.ts';
import type { FinsamReconciliation } from '../../services/reports/finsamFollowUp.ts';

export interface FinsamModel {
  readonly federation: FederationRef;
  readonly report: FinsamReport;
  readonly reconciliation: FinsamReconciliation;
  readonly canMark: boolean;
}

const kr = (ore: number | null) => (ore === null ? 'saknas' : formatNumber(Math.round(ore / 100)));

export function FinsamPage(props: { model: FinsamModel }) {
  const { federation: f, report: r, reconciliation, canMark } = props.model;
  const base = `/f/${f.id}/finsam`;
  return (
    <Layout title={`Uppföljning Finsam ${r.year}`} federation={f}>
      <h1>Uppföljning Finsam {r.year}</h1>
      <p>
        Uppgifterna som Försäkringskassans Uppföljning Finsam frågar efter, i formulärens ordning, ur Samordnas egna siffror: driftredovisningen,
        insatserna och den publicerade deltagarstatistiken. Inget skrivs in två gånger. <a href={`${base}.xlsx?ar=${r.year}`}>Ladda ned som XLSX</a>.
      </p>
      <form method="get" action={base} class="year-form">
        <label for="ar">År</label> <input id="ar" name="ar" type="number" min="2000" max="2100" value={String(r.year)} /> <button type="submit">Visa</button>
      </form>
      <h2>1. Samordningsförbundet</h2>
      <ScrollTable>
        <table>
          <caption>Förbundets uppgifter {r.year} (kronor)</caption>
          <tbody>
            <tr><th scope="row">Tilldelade medel</th><td class="num">{kr(r.federation.allocatedOre)}</td></tr>
            <tr><th scope="row">Eget kapital</th><td class="num">{kr(r.federation.equityOre)}</td></tr>
            <tr><th scope="row">Budget för administration</th><td class="num">{kr(r.federation.administrationBudgetOre)}</td></tr>
            <tr><th scope="row">Utfall för administration</th><td class="num">{kr(r.federation.administrationOutcomeOre)}</td></tr>
          </tbody>
        </table>
      </ScrollTable>
      <h2>2. Insatser</h2>
      <p>En insats med både individinriktade och strukturövergripande delar registreras två gånger, en gång per inriktning.</p>
      <ScrollTable>
        <table>
          <caption>Insatser {r.year}, en rad per inriktning</caption>
          <thead>
            <tr>
              <th scope="col">Insats</th>
              <th scope="col">Inriktning</th>
              <th scope="col" class="num">Budget (kr)</th>
              <th scope="col" class="num">Utfall (kr)</th>
              <th scope="col" class="num">Budgeterade deltagare</th>
              <th scope="col">Målgrupp</th>
              <th scope="col">Uppföljningsmetod</th>
              <th scope="col">ESF</th>
              {Gender.codes.map((g) => (
                <th scope="col" class="num">{Gender.label(g)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.interventions.map((i) => (
              <tr>
                <th scope="row">{i.name}</th>
                <td>{orientationLabels[i.orientation]}</td>
                <td class="num">{kr(i.budgetOre)}</td>
                <td class="num">{kr(i.outcomeOre)}</td>
                <td class="num">{i.budgetedParticipants ?? '–'}</td>
                <td>{i.targetGroup || '–'}</td>
                <td>{i.followUpMethod || 'Ej angiven'}</td>
                <td>{i.esf ? 'Ja' : 'Nej'}</td>
                {(i.participantsByGender ?? Gender.codes.map(() => null)).map((n) => (
                  <td class="num">{n === null ? '–' : formatNumber(n)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p>– = dolt i den publicerade statistiken (för få) eller inte publicerat ännu (året har inte stängt).</p>
      <h2>Avstämning mot det senast rapporterade</h2>
      {reconciliation.lastReported === null ? (
        <p>Inget är markerat som rapporterat för {r.year}.</p>
      ) : reconciliation.differences.length === 0 ? (
        <p>
          Samma uppgifter som rapporterades {reconciliation.lastReported.at} ({reconciliation.lastReported.by}).
        </p>
      ) : (
        <ScrollTable>
          <table>
            <caption>
              Skillnader mot det som rapporterades {reconciliation.lastReported.at} ({reconciliation.lastReported.by})
            </caption>
            <thead>
              <tr>
                <th scope="col">Uppgift</th>
                <th scope="col">Rapporterat</th>
                <th scope="col">Nu</th>
              </tr>
            </thead>
            <tbody>
              {reconciliation.differences.map((d) => (
                <tr>
                  <th scope="row">{d.what}</th>
                  <td>{d.reported}</td>
                  <td>{d.now}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {canMark ? (
        <Form action={`${base}/rapporterad?ar=${r.year}`} label="Markera som rapporterad">
          <p>När uppgifterna är inskrivna i Uppföljning Finsam: spara dem som rapporterade, så visar avstämningen senare ändringar.</p>
          <SubmitButton label={`Markera ${r.year} som rapporterat`} />
        </Form>
      ) : null}
    </Layout>
  );
}
