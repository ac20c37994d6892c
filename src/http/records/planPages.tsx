/** The document management plan: the classes (editable by the kansli), the year's list of what is due, and disposals done. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { Form, formState, SelectField, SubmitButton, TextField } from '../kit/form.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { retentionLabels, retentions, retentionText, recordKinds } from '../../core/records/plan.ts';
import type { DisposalRecord, DocumentClass, DueForDisposal } from '../../services/records/plan.ts';

export interface PlanPageModel {
  readonly federation: FederationRef;
  readonly stored: boolean;
  readonly classes: readonly DocumentClass[];
  readonly year: number;
  readonly due: readonly DueForDisposal[];
  readonly disposals: readonly DisposalRecord[];
  readonly canWrite: boolean;
  readonly today: string;
}

const retentionOptions = retentions.map((r) => ({ value: r, label: retentionLabels[r] }));
const kindOptions = [{ value: '', label: 'Förbundets eget (ingen post i Samordna)' }, ...recordKinds.map((k) => ({ value: k, label: k }))];

function ClassForm(props: { action: string; defaults: Record<string, string | number | null>; withCode: boolean; submit: string }) {
  const s = formState(props.action, props.defaults);
  return (
    <Form action={props.action} label={props.submit}>
      {props.withCode ? <TextField {...s.bind('code')} label="Beteckning" required hint="T.ex. 5.1" /> : null}
      <TextField {...s.bind('name')} label="Handlingsslag" required />
      <SelectField {...s.bind('retention')} label="Bevaras eller gallras" options={retentionOptions} />
      <TextField {...s.bind('retentionYears')} label="Gallras efter antal år" inputmode="numeric" size={4} hint="Bara när handlingarna gallras efter ett antal år." />
      <SelectField {...s.bind('recordKind')} label="Sorts handling i Samordna" options={kindOptions} />
      <TextField {...s.bind('format')} label="Format" />
      <TextField {...s.bind('location')} label="Förvaring" />
      <TextField {...s.bind('note')} label="Anmärkning" />
      <SubmitButton label={props.submit} />
    </Form>
  );
}

export function PlanPage(props: { model: PlanPageModel }) {
  const { federation: f, stored, classes, year, due, disposals, canWrite, today } = props.model;
  const base = `/f/${f.id}/dokumenthanteringsplan`;
  return (
    <Layout title="Dokumenthanteringsplan" federation={f}>
      <h1>Dokumenthanteringsplan</h1>
      <p>
        Vilka handlingar förbundet har, hur länge de sparas, i vilket format och var. Planen utgår från en mall över Samordnas egna handlingar och
        förbundet anpassar den. {stored ? '' : 'Förbundet har ännu inte ändrat mallen: den sparas första gången något ändras.'}
      </p>
      <ScrollTable label="Dokumenthanteringsplan">
        <table>
          <caption>Handlingsslag</caption>
          <thead>
            <tr>
              <th scope="col">Beteckning</th>
              <th scope="col">Handlingsslag</th>
              <th scope="col">Bevaras/gallras</th>
              <th scope="col">Format</th>
              <th scope="col">Förvaring</th>
              <th scope="col">Anmärkning</th>
              <th scope="col">Diarieposter</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr>
                <td>{canWrite ? <a href={`${base}/${encodeURIComponent(c.code)}`}>{c.code}</a> : c.code}</td>
                <td>{c.name}</td>
                <td>{retentionText(c)}</td>
                <td>{c.format}</td>
                <td>{c.location}</td>
                <td>{c.note}</td>
                <td class="num">{c.entries}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <section aria-labelledby="due">
        <h2 id="due">Att gallra {year}</h2>
        <Form action={base} method="get" label="Välj år">
          <TextField name="ar" label="År" value={year} inputmode="numeric" size={6} />
          <SubmitButton label="Visa" />
        </Form>
        {due.length ? (
          <ScrollTable label="Att gallra">
            <table>
              <caption>Handlingsslag vars gallringsfrist har gått ut {year}</caption>
              <thead>
                <tr>
                  <th scope="col">Handlingsslag</th>
                  <th scope="col">Handlingar till och med</th>
                  <th scope="col">Diarieposter</th>
                  <th scope="col">Avslutade deltaganden</th>
                </tr>
              </thead>
              <tbody>
                {due.map((d) => (
                  <tr>
                    <td>
                      {d.code} {d.name}
                    </td>
                    <td>{d.through}</td>
                    <td class="num">{d.entries}</td>
                    <td class="num">{d.participations ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ) : (
          <p>Inga handlingsslag gallras efter ett antal år.</p>
        )}
        <p>
          Gallring av uppföljningsdata om deltagare är hur förbundet uppfyller dataskyddsförordningens krav på lagringsminimering: deltaganden raderas
          bara för år vars statistik är publicerad, och den skyddade statistiken bevaras.
        </p>
        {canWrite ? (
          <DisposeForm action={`${base}/gallra`} classes={classes.filter((c) => c.retention !== 'keep')} today={today} />
        ) : null}
      </section>
      <section aria-labelledby="disposals">
        <h2 id="disposals">Genomförda gallringar</h2>
        {disposals.length ? (
          <ScrollTable label="Genomförda gallringar">
            <table>
              <caption>Gallringar, senaste först</caption>
              <thead>
                <tr>
                  <th scope="col">När</th>
                  <th scope="col">Handlingsslag</th>
                  <th scope="col">Beslut</th>
                  <th scope="col">Vad som gallrades</th>
                  <th scope="col">Av</th>
                </tr>
              </thead>
              <tbody>
                {disposals.map((d) => (
                  <tr>
                    <td>{d.disposedAt}</td>
                    <td>
                      {d.code} {d.name}
                    </td>
                    <td>{d.decision}</td>
                    <td>{d.summary}</td>
                    <td>{d.disposedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ) : (
          <p>Ingen gallring är gjord.</p>
        )}
      </section>
      {canWrite ? (
        <section aria-labelledby="add">
          <h2 id="add">Lägg till ett handlingsslag</h2>
          <ClassForm action={base} defaults={{ retention: 'keep' }} withCode submit="Lägg till" />
        </section>
      ) : null}
    </Layout>
  );
}

function DisposeForm(props: { action: string; classes: readonly DocumentClass[]; today: string }) {
  const s = formState(props.action, {});
  return (
    <Form action={props.action} label="Gallra">
      <h3>Gallra</h3>
      <SelectField {...s.bind('code')} label="Handlingsslag" options={props.classes.map((c) => ({ value: c.code, label: `${c.code} ${c.name} (${retentionText(c)})` }))} />
      <TextField {...s.bind('through')} type="date" label="Handlingar till och med" required />
      <TextField {...s.bind('decision')} label="Enligt beslut" required hint='T.ex. "Styrelsen 2026-02-12 § 7, dokumenthanteringsplan".' />
      <SubmitButton label="Gallra och dokumentera" />
    </Form>
  );
}

export interface ClassEditModel {
  readonly federation: FederationRef;
  readonly documentClass: DocumentClass;
}

export function ClassEditPage(props: { model: ClassEditModel }) {
  const { federation: f, documentClass: c } = props.model;
  const action = `/f/${f.id}/dokumenthanteringsplan/${encodeURIComponent(c.code)}`;
  return (
    <Layout title={`Handlingsslag ${c.code}`} federation={f}>
      <h1>
        Handlingsslag {c.code} {c.name}
      </h1>
      <ClassForm
        action={action}
        withCode={false}
        submit="Spara"
        defaults={{ name: c.name, retention: c.retention, retentionYears: c.retentionYears, recordKind: c.recordKind, format: c.format, location: c.location, note: c.note }}
      />
      <p>
        <a href={`/f/${f.id}/dokumenthanteringsplan`}>Tillbaka till planen</a>
      </p>
    </Layout>
  );
}
