/** Value per member (samhällsekonomisk effekt): the förbund's and each intervention's result, as tables and a chart. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { BarChart } from '../kit/barChart.tsx';
import { formatNumber } from '../../core/format.ts';
import { memberKindLabels, memberKinds, payerLabels, payers, type ValueParameters } from '../../core/value/valueModel.ts';
import type { ValueReportResult } from '../../services/value/valueReport.ts';

export interface ValueModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly parameters: ValueParameters;
  readonly federationReport: ValueReportResult;
  readonly interventions: readonly ValueReportResult[];
}

const kr = (n: number | null) => (n === null ? '–' : formatNumber(n));
const ratio = (n: number | null | undefined) => (n == null ? '–' : n.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

function ScopeResult(props: { report: ValueReportResult; title: string; id: string }) {
  const r = props.report;
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <p>
        Avslutade deltaganden {r.year}: {r.participations ?? `färre än ${r.minCellSize}`}. Utan känd försörjning före eller efter (ingen effekt):{' '}
        {r.unknown ?? `färre än ${r.minCellSize}`}.
      </p>
      {r.hidden || !r.byPayer || !r.total || !r.byMemberKind ? (
        <p>Resultatet visas inte: det bygger på färre än {r.minCellSize} deltaganden med känd försörjning före och efter.</p>
      ) : (
        <>
          <ScrollTable>
            <table>
              <caption>Effekt per betalare {r.year} (kronor; positivt = besparing)</caption>
              <thead>
                <tr>
                  <th scope="col">Betalare</th>
                  <th scope="col" class="num">1 år</th>
                  <th scope="col" class="num">5 år</th>
                </tr>
              </thead>
              <tbody>
                {payers.map((p) => (
                  <tr>
                    <th scope="row">{payerLabels[p]}</th>
                    <td class="num">{kr(r.byPayer![p].year1)}</td>
                    <td class="num">{kr(r.byPayer![p].year5)}</td>
                  </tr>
                ))}
                <tr class="total">
                  <th scope="row">Summa</th>
                  <td class="num">{kr(r.total.year1)}</td>
                  <td class="num">{kr(r.total.year5)}</td>
                </tr>
              </tbody>
            </table>
          </ScrollTable>
          <p>
            Kostnad {r.year} (utfall i driftredovisningen): {r.cost === null ? 'saknas' : `${kr(r.cost)} kr`}. Avkastning per krona: {ratio(r.returnPerKrona?.year1)} (1 år),{' '}
            {ratio(r.returnPerKrona?.year5)} (5 år).
          </p>
          <ScrollTable>
            <table>
              <caption>Netto per medlemsslag: vem betalar och vem vinner (kronor)</caption>
              <thead>
                <tr>
                  <th scope="col">Medlemsslag</th>
                  <th scope="col" class="num">Effekt 1 år</th>
                  <th scope="col" class="num">Effekt 5 år</th>
                  <th scope="col" class="num">Andel av kostnaden</th>
                  <th scope="col" class="num">Netto 1 år</th>
                  <th scope="col" class="num">Netto 5 år</th>
                </tr>
              </thead>
              <tbody>
                {memberKinds.map((k) => {
                  const m = r.byMemberKind![k];
                  return (
                    <tr>
                      <th scope="row">{memberKindLabels[k]}</th>
                      <td class="num">{kr(m.year1)}</td>
                      <td class="num">{kr(m.year5)}</td>
                      <td class="num">{kr(m.costShare)}</td>
                      <td class="num">{kr(m.net1)}</td>
                      <td class="num">{kr(m.net5)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
          <BarChart
            id={`${props.id}-chart`}
            title={`Effekt över 5 år och andel av kostnaden per medlemsslag, ${r.year}`}
            series={[
              { label: 'Effekt 5 år', tone: 'chart-a' },
              { label: 'Andel av kostnaden', tone: 'chart-b' },
            ]}
            categories={memberKinds.map((k) => ({ label: memberKindLabels[k], values: [r.byMemberKind![k].year5 * 100, r.byMemberKind![k].costShare === null ? null : r.byMemberKind![k].costShare! * 100] }))}
          />
          {r.sensitivity ? (
            <ScrollTable>
              <table>
                <caption>Känslighet: effekt över 5 år vid olika varaktighet (diskonteringsränta {ratio(r.parameters.discount * 100)} %)</caption>
                <thead>
                  <tr>
                    <th scope="col">Varaktighet q</th>
                    <th scope="col" class="num">Effekt 5 år (kr)</th>
                    <th scope="col" class="num">Avkastning per krona</th>
                  </tr>
                </thead>
                <tbody>
                  {r.sensitivity.map((s) => (
                    <tr>
                      <th scope="row">{ratio(s.persistence)}</th>
                      <td class="num">{kr(s.year5)}</td>
                      <td class="num">{ratio(s.returnPerKrona)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
        </>
      )}
    </section>
  );
}

export function ValuePage(props: { model: ValueModel }) {
  const { federation: f, year, parameters, federationReport, interventions } = props.model;
  return (
    <Layout title={`Värde per medlem ${year}`} federation={f}>
      <h1>Värde per medlem {year} – samhällsekonomisk effekt</h1>
      <p>
        Grundmodellen: för varje deltagande som avslutades under året jämförs den offentliga kostnaden för försörjningen före och efter (eller 12 månader
        efter, när det är registrerat), per betalare. Effekten över fem år räknas med varaktighet {ratio(parameters.persistence)} och diskonteringsränta{' '}
        {ratio(parameters.discount * 100)} %. Modellen räknar inte med undanträngning, vad som hade hänt utan insatsen eller andra kostnader än
        försörjningen. Kostnadstabell: {federationReport.tableOrigin === 'own' ? 'förbundets egen' : 'Samordnas standardtabell (med källor)'}.
      </p>
      <form method="get" action={`/f/${f.id}/nytta`} class="year-form">
        <label for="ar">År</label> <input id="ar" name="ar" type="number" min="2000" max="2100" value={String(year)} /> <button type="submit">Visa</button>
      </form>
      <ScopeResult report={federationReport} title={`Förbundet`} id="v-f" />
      {interventions.map((r) => (r.scope.kind === 'intervention' ? <ScopeResult report={r} title={r.scope.name} id={`v-i${r.scope.id}`} /> : null))}
    </Layout>
  );
}
