/** Progression (BIP-style): an intervention's aggregates of a year, and the förbund's instrument. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { Form, SelectField, SubmitButton, TextAreaField, TextField, formState } from '../kit/form.tsx';
import { StatTableView, SuppressionNote } from '../kit/statTable.tsx';
import { raterLabels, type ProgressionAggregates, type ProgressionInstrument } from '../../core/interventions/progression.ts';

export interface ProgressionModel {
  readonly federation: FederationRef;
  readonly intervention: { readonly id: number; readonly name: string };
  readonly aggregates: ProgressionAggregates;
}

const decimal = (n: number) => n.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

export function ProgressionPage(props: { model: ProgressionModel }) {
  const { federation: f, intervention, aggregates: a } = props.model;
  const base = `/f/${f.id}/insatser/${intervention.id}/progression`;
  return (
    <Layout title={`Progression ${a.year} – ${intervention.name}`} federation={f}>
      <h1>Progression {a.year} – {intervention.name}</h1>
      <p>
        Instrument: {a.instrument.name}, skattning var {a.instrument.intervalMonths}:e månad. Förändringen räknas från första till senaste skattningen för
        deltaganden med minst två skattningar där den senaste gjordes {a.year}. <a href={`${base}.csv?ar=${a.year}`}>Ladda ned som CSV</a>.
      </p>
      <form method="get" action={base} class="year-form">
        <label for="ar">År</label> <input id="ar" name="ar" type="number" min="2000" max="2100" value={String(a.year)} /> <button type="submit">Visa</button>
      </form>
      <SuppressionNote minCellSize={a.minCellSize} />
      {a.indicators.map((i) => (
        <section>
          <h2>
            {i.indicator.label} – {raterLabels[i.rater].toLowerCase()}s skattning
          </h2>
          <p>
            Deltaganden: {i.n ?? '–'}. Genomsnittlig förändring: {i.meanChange === null ? '–' : `${decimal(i.meanChange)} steg`} (skala {i.indicator.scaleMin}–{i.indicator.scaleMax}).
          </p>
          <StatTableView table={i.changes} />
          {i.distribution.rowLabels.length ? <StatTableView table={i.distribution} /> : <p>Inga skattningar {a.year}.</p>}
        </section>
      ))}
    </Layout>
  );
}

export function InstrumentPage(props: { model: { federation: FederationRef; instrument: ProgressionInstrument & { isDefault: boolean } } }) {
  const { federation: f, instrument: i } = props.model;
  const action = `/f/${f.id}/progression`;
  const s = formState(action, {
    name: i.name,
    raters: i.raters,
    intervalMonths: i.intervalMonths,
    indicators: i.indicators.map((x) => `${x.key};${x.label};${x.scaleMin};${x.scaleMax}`).join('\n'),
  });
  return (
    <Layout title="Progressionsinstrument" federation={f}>
      <h1>Progressionsinstrument</h1>
      <p>
        {i.isDefault
          ? 'Förbundet använder Samordnas neutrala grundset. Ett förbund med licens för BIP skriver in BIP:s indikatorer här.'
          : 'Förbundets eget instrument.'}
      </p>
      <Form action={action} label="Spara instrumentet">
        <TextField {...s.bind('name')} label="Namn" required />
        <SelectField {...s.bind('raters')} label="Vem skattar" required options={[{ value: 'participant', label: 'Deltagaren' }, { value: 'staff', label: 'Personalen' }, { value: 'both', label: 'Båda' }]} />
        <TextField {...s.bind('intervalMonths')} label="Intervall (månader)" inputmode="numeric" required />
        <TextAreaField {...s.bind('indicators')} label="Indikatorer" hint="En per rad: nyckel;benämning;lägsta;högsta (skala inom 0–10)." rows={8} />
        <SubmitButton label="Spara instrumentet" />
      </Form>
    </Layout>
  );
}
