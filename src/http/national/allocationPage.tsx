/**
 * Statens fördelning (/nationell/fordelning): the state's allocation model for one year, the equity caps that
 * follow, the what-if merger and split, and (national role) the forms that change the year's total and inputs.
 * A view of AllocationPageModel, which the route's loader builds (src/http/national/nationalRoutes.tsx).
 */
import type { Table } from '../../core/table.ts';
import type { ScenarioComparison } from '../../core/economy/stateAllocation.ts';
import { scenarioTable, stateAllocationTable } from '../../core/economy/stateAllocationTable.ts';
import type { StateAllocationRow, StateAllocationYear, StateInputRow } from '../../services/economy/stateAllocation.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { TableView } from '../kit/tableView.tsx';
import { AmountField, CheckboxGroup, ErrorSummary, FileField, Form, SelectField, SubmitButton, TextField } from '../kit/form.tsx';
import { formatKronor, formatNumber } from '../kit/present.ts';
import { fmtCount } from '../kit/format.ts';
import { nationalNav } from './common.tsx';
import { SplitForm } from './splitForm.tsx';

/** A refused post of one of the page's forms: messages by field, messages for the whole form, what was typed. */
export interface AllocationRefusal {
  readonly errors?: Readonly<Record<string, string>>;
  readonly general?: readonly string[];
  readonly values?: Readonly<Record<string, string>>;
}

export interface AllocationPageModel {
  readonly year: number;
  /** The national role: may change the year's total and inputs. */
  readonly canWrite: boolean;
  /** The year's settings, allocation and rows (or why there is none). */
  readonly allocation: StateAllocationYear;
  /** Every förbund in the deployment (the input form's choice). */
  readonly federations: readonly { readonly id: number; readonly name: string }[];
  /** The year's inputs: population 16–64 and försörjningsmått per förbund. */
  readonly inputs: readonly StateInputRow[];
  /** The merger form as asked (?slaihop=…&namn=…). */
  readonly merge: { readonly chosen: readonly string[]; readonly name: string };
  /** The split form as asked (?dela=…&del1namn=…), with its messages by field. */
  readonly split: { readonly values: Readonly<Record<string, string>>; readonly errors: Readonly<Record<string, string>> };
  /** The what-if asked for, before and after; or why it could not be computed. */
  readonly scenario: ScenarioComparison | null;
  readonly scenarioError: string | null;
  readonly refused: AllocationRefusal;
}

/** The equity caps that follow from the state's amounts (the förbund's staircase on the state's part × 2). */
function equityCapsTable(year: number, rows: readonly StateAllocationRow[]): Table {
  return {
    title: `Tak för eget kapital som följer av statens medel ${year}`,
    note: 'Förbundets medelstilldelning antas vara statens del × 2 (staten betalar hälften). Taket enligt förbundets trappa.',
    columns: [
      { key: 'f', header: 'Förbund', kind: 'text' },
      { key: 'prev', header: 'Förra året', kind: 'integer' },
      { key: 'state', header: 'Statens medel', kind: 'integer' },
      { key: 'share', header: 'Tak (andel)', kind: 'percent', decimals: 0 },
      { key: 'cap', header: 'Tak (kronor)', kind: 'integer' },
    ],
    rows: rows.map((r) => ({ cells: { f: r.federation, prev: r.previousOre === null ? null : Math.round(r.previousOre / 100), state: Math.round(r.amountOre / 100), share: r.equityCapShare, cap: Math.round(r.equityCapOre / 100) } })),
  };
}

export function AllocationPage(props: { model: AllocationPageModel }) {
  const m = props.model;
  const { year, inputs } = m;
  const y = m.allocation;
  return (
    <Layout title={`Statens fördelning ${year}`} nav={nationalNav}>
      <h1>Statens fördelning {year}</h1>
      <p>
        Statens medel fördelas med ett grundbelopp på 400 000 kr per förbund; resten 75 % efter områdets försörjningsmått och 25 % efter
        befolkningen 16–64 år. Beloppen räknas på kronan och summerar exakt till statens totala belopp.
      </p>
      <Form action="/nationell/fordelning" method="get" class="year-selector" label="Välj år">
        <TextField name="ar" label="År" inputmode="numeric" size={6} value={String(year)} />
        <button type="submit">Visa</button>
      </Form>
      {y.settings ? (
        <p>
          Statens totala belopp: <strong>{formatKronor(y.settings.totalOre)} kr</strong>
          {y.settings.maxFallBp !== null ? ` · högsta minskning från förra året ${formatNumber(y.settings.maxFallBp / 100, 0)} %` : ''}
        </p>
      ) : null}
      {y.problem ? <p class="error">{y.problem}</p> : null}
      {y.allocation ? (
        <>
          <p>
            <a href={`/nationell/fordelning.csv?ar=${year}`}>Ladda ned fördelningen som CSV</a>
          </p>
          <TableView table={stateAllocationTable(y.allocation)} id="state-allocation" />
        </>
      ) : null}
      {y.rows.length ? (
        <TableView table={equityCapsTable(year, y.rows)} id="equity-caps" />
      ) : null}

      <h2>Vad händer om förbund slås samman?</h2>
      {inputs.length >= 2 ? (
        <Form action="/nationell/fordelning" method="get" label="Slå samman förbund">
          <input type="hidden" name="ar" value={String(year)} />
          <CheckboxGroup name="slaihop" legend="Förbund som slås samman" idPrefix="merge" options={inputs.map((x) => ({ value: String(x.federationId), label: x.federation }))} chosen={m.merge.chosen} />
          <TextField name="namn" label="Det nya förbundets namn" value={m.merge.name} />
          <SubmitButton label="Visa före och efter" />
        </Form>
      ) : (
        <p>Det behövs underlag för minst två förbund.</p>
      )}
      <h2>Vad händer om ett förbund delas?</h2>
      {inputs.length ? (
        <>
          <ErrorSummary errors={Object.keys(m.split.errors).length ? m.split.errors : undefined} />
          <SplitForm year={year} federations={inputs.map((x) => ({ id: x.federationId, name: x.federation }))} values={m.split.values} errors={m.split.errors} />
        </>
      ) : (
        <p>Det behövs underlag för minst ett förbund.</p>
      )}
      {m.scenarioError ? <p class="error" role="alert">{m.scenarioError}</p> : null}
      {m.scenario ? (
        <TableView table={scenarioTable(m.scenario)} id="scenario" />
      ) : null}

      {m.canWrite ? <InputForms model={m} /> : null}
      <h2>Underlag {year}</h2>
      <ScrollTable label="Underlag">
        <InputsTable year={year} inputs={inputs} />
      </ScrollTable>
    </Layout>
  );
}

/** The national role's forms: the year's total (and the largest fall), one förbund's input, a file of inputs. */
function InputForms(props: { model: AllocationPageModel }) {
  const { year, federations } = props.model;
  const y = props.model.allocation;
  const { errors, general } = props.model.refused;
  const v = props.model.refused.values ?? {};
  const e = errors ?? {};
  return (
    <>
      <h2>Ändra underlag</h2>
      <ErrorSummary errors={errors} general={general} />
      <Form action={`/nationell/fordelning/total?ar=${year}`} label="Statens totala belopp">
        <AmountField name="total" label={`Statens totala belopp ${year} (kronor)`} value={v.total ?? (y.settings ? formatKronor(y.settings.totalOre).replace(/\u00a0/g, ' ') : '')} error={e.total} />
        <TextField name="maxFall" label="Högsta minskning från förra året (procent, valfri)" inputmode="decimal" size={6} value={v.maxFall ?? (y.settings?.maxFallBp != null ? String(y.settings.maxFallBp / 100) : '')} error={e.maxFall} hint="T.ex. 10. Skillnaden tas från de andra förbunden efter deras rörliga del." />
        <SubmitButton label="Spara totalen" />
      </Form>
      <Form action={`/nationell/fordelning/underlag?ar=${year}`} label="Underlag för ett förbund">
        <SelectField name="federationId" label="Förbund" value={v.federationId ?? ''} options={federations.map((f) => ({ value: String(f.id), label: f.name }))} error={e.federationId} />
        <TextField name="population" label="Befolkning 16–64 år" inputmode="numeric" value={v.population ?? ''} error={e.population} />
        <TextField name="supportMeasure" label="Försörjningsmått" inputmode="decimal" value={v.supportMeasure ?? ''} error={e.supportMeasure} hint="Högst två decimaler, t.ex. 1 234,5." />
        <SubmitButton label="Spara underlaget" />
      </Form>
      <Form action={`/nationell/fordelning/import?ar=${year}`} enctype="multipart/form-data" label="Läs in underlag från fil">
        <FileField name="file" label="CSV-fil (förbund;befolkning_16_64;försörjningsmått)" accept=".csv,text/csv" error={e.file} />
        <SubmitButton label="Läs in filen" />
      </Form>
    </>
  );
}

/** The year's inputs per förbund: population 16–64 and försörjningsmått (hundredths shown only when there are any). */
function InputsTable(props: { year: number; inputs: readonly StateInputRow[] }) {
  return (
    <table id="inputs">
      <caption>Befolkning och försörjningsmått per förbund {props.year}</caption>
      <thead>
        <tr>
          <th scope="col">Förbund</th>
          <th scope="col" class="num">Befolkning 16–64</th>
          <th scope="col" class="num">Försörjningsmått</th>
        </tr>
      </thead>
      <tbody>
        {props.inputs.length ? (
          props.inputs.map((x) => (
            <tr>
              <th scope="row">{x.federation}</th>
              <td class="num">{fmtCount(x.population)}</td>
              <td class="num">{formatNumber(x.supportMeasureHundredths / 100, x.supportMeasureHundredths % 100 ? 2 : 0)}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colspan={3}>Inga underlag för året.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
