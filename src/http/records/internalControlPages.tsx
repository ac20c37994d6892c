/** The internkontrollplan of a year: risks (probability × consequence), control points and their results. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { Form, formState, SelectField, SubmitButton, TextField } from '../kit/form.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { consequenceLabels, riskLevelLabels, scaleLabels } from '../../core/records/internalControl.ts';
import type { InternalControlReport } from '../../services/records/internalControl.ts';

export interface InternalControlModel {
  readonly federation: FederationRef;
  readonly report: InternalControlReport;
  readonly canWrite: boolean;
}

const scale = (labels: Record<number, string>) => [1, 2, 3, 4].map((n) => ({ value: String(n), label: `${n} ${labels[n]}` }));

export function InternalControlPage(props: { model: InternalControlModel }) {
  const { federation: f, report: r, canWrite } = props.model;
  const base = `/f/${f.id}/internkontroll/${r.year}`;
  const risk = formState(`${base}/risk`, { probability: '2', consequence: '2' });
  const point = formState(`${base}/punkt`, {});
  const adopt = formState(`${base}/antagen`, { adoptedOn: r.adoptedOn, reference: r.adoptedReference });
  const riskText = (id: number | null) => r.risks.find((x) => x.id === id)?.description ?? '';
  return (
    <Layout title={`Internkontrollplan ${r.year}`} federation={f}>
      <h1>Internkontrollplan {r.year}</h1>
      <Form action={`/f/${f.id}/internkontroll`} method="get" label="Välj år">
        <TextField name="ar" label="År" value={r.year} inputmode="numeric" size={6} />
        <SubmitButton label="Visa" />
      </Form>
      <p>{r.adoptedOn ? `Antagen av styrelsen ${r.adoptedOn} (${r.adoptedReference}).` : 'Planen är inte antagen av styrelsen ännu.'}</p>
      <section aria-labelledby="risks">
        <h2 id="risks">Risker</h2>
        {r.risks.length ? (
          <ScrollTable label="Risker">
            <table>
              <caption>Risker, högst riskvärde först (sannolikhet × konsekvens)</caption>
              <thead>
                <tr>
                  <th scope="col">Risk</th>
                  <th scope="col">Sannolikhet</th>
                  <th scope="col">Konsekvens</th>
                  <th scope="col">Riskvärde</th>
                  <th scope="col">Bedömning</th>
                </tr>
              </thead>
              <tbody>
                {r.risks.map((x) => (
                  <tr>
                    <td>{x.description}</td>
                    <td class="num">{x.probability}</td>
                    <td class="num">{x.consequence}</td>
                    <td class="num">{x.score}</td>
                    <td>{riskLevelLabels[x.level]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ) : (
          <p>Inga risker är bedömda för året.</p>
        )}
      </section>
      <section aria-labelledby="points">
        <h2 id="points">Kontrollpunkter och resultat</h2>
        {r.points.length ? null : <p>Inga kontrollpunkter ännu.</p>}
        {r.points.map((p) => (
          <article aria-labelledby={`point-${p.id}`}>
            <h3 id={`point-${p.id}`}>{p.what}</h3>
            <dl>
              <dt>Risk</dt>
              <dd>{riskText(p.riskId) || '–'}</dd>
              <dt>Hur</dt>
              <dd>{p.how}</dd>
              <dt>Hur ofta</dt>
              <dd>{p.frequency}</dd>
              <dt>Ansvarig</dt>
              <dd>{p.responsible}</dd>
              <dt>Rapporteras till styrelsen</dt>
              <dd>{p.reportToBoard}</dd>
            </dl>
            {p.results.length ? (
              <ul>
                {p.results.map((x) => (
                  <li>
                    {x.checkedOn}: {x.finding}
                    {x.action ? ` Åtgärd: ${x.action}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p>Ingen kontroll är gjord ännu.</p>
            )}
            {canWrite ? <ResultForm action={`${base}/punkt/${p.id}/resultat`} idSuffix={String(p.id)} /> : null}
          </article>
        ))}
      </section>
      {canWrite ? (
        <>
          <section aria-labelledby="add-risk">
            <h2 id="add-risk">Lägg till en risk</h2>
            <Form action={`${base}/risk`} label="Lägg till en risk">
              <TextField {...risk.bind('description')} label="Risk" required />
              <SelectField {...risk.bind('probability')} label="Sannolikhet" options={scale(scaleLabels)} />
              <SelectField {...risk.bind('consequence')} label="Konsekvens" options={scale(consequenceLabels)} />
              <SubmitButton label="Lägg till risk" />
            </Form>
          </section>
          <section aria-labelledby="add-point">
            <h2 id="add-point">Lägg till en kontrollpunkt</h2>
            <Form action={`${base}/punkt`} label="Lägg till en kontrollpunkt">
              <SelectField {...point.bind('riskId')} label="Risk" options={[{ value: '', label: 'Ingen särskild risk' }, ...r.risks.map((x) => ({ value: String(x.id), label: x.description }))]} />
              <TextField {...point.bind('what')} label="Vad kontrolleras" required />
              <TextField {...point.bind('how')} label="Hur" required />
              <TextField {...point.bind('frequency')} label="Hur ofta" required hint="T.ex. varje kvartal." />
              <TextField {...point.bind('responsible')} label="Vem (roll)" required hint="T.ex. förbundschefen." />
              <TextField {...point.bind('reportToBoard')} label="Rapporteras till styrelsen" required hint="T.ex. vid delårsrapporten och i årsredovisningen." />
              <SubmitButton label="Lägg till kontrollpunkt" />
            </Form>
          </section>
          <section aria-labelledby="adopt">
            <h2 id="adopt">Styrelsens beslut</h2>
            <Form action={`${base}/antagen`} label="Styrelsens beslut om planen">
              <TextField {...adopt.bind('adoptedOn')} type="date" label="Antagen" required />
              <TextField {...adopt.bind('reference')} label="Beslut" required hint="T.ex. Styrelsen 2026-02-12 § 5." />
              <SubmitButton label="Spara beslutet" />
            </Form>
          </section>
        </>
      ) : null}
    </Layout>
  );
}

function ResultForm(props: { action: string; idSuffix: string }) {
  const s = formState(props.action, {});
  return (
    <Form action={props.action} label="Registrera kontrollens resultat" idSuffix={props.idSuffix}>
      <TextField {...s.bind('checkedOn')} idSuffix={props.idSuffix} type="date" label="Kontrollerad" required />
      <TextField {...s.bind('finding')} idSuffix={props.idSuffix} label="Iakttagelse" required />
      <TextField {...s.bind('action')} idSuffix={props.idSuffix} label="Åtgärd" />
      <SubmitButton label="Registrera resultat" />
    </Form>
  );
}
