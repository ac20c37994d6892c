/**
 * The budget of a förbund-year (lines per section, original and revised, the plan's figures, the board's adoption,
 * tilläggsbudgetar) and the page that edits one line's original amounts: views of BudgetPageModel and
 * EditLineModel, which the route's loaders build (src/http/economy/budgetRoutes.tsx).
 */
import type { FederationRef } from '../context.ts';
import type { BudgetSummary } from '../../core/economy/budget.ts';
import { sections, sectionLabels, type BudgetLine, type LineAmounts } from '../../core/economy/types.ts';
import type { YearBudget } from '../../services/economy/budget.ts';
import type { BudgetAdoption } from '../../services/economy/budgetAdoption.ts';
import { DataTable, type DataRow } from '../kit/dataTable.tsx';
import { Downloads } from '../kit/downloads.tsx';
import { AmountField, ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, formState, type FieldErrors } from '../kit/form.tsx';
import { Layout } from '../kit/layout.tsx';
import { formatKronor, formatNumber, formatWholePercent, kronorText as kr, tkrText } from '../kit/present.ts';
import type { YearClosing } from '../../core/economy/period.ts';
import { YearSelector } from '../kit/yearSelector.tsx';

/** The budget page: the year's budget, the förbund's years and the adoption; a refused form's values and errors. */
export interface BudgetPageModel {
  readonly federation: FederationRef;
  readonly budget: YearBudget;
  readonly years: readonly number[];
  readonly adoption: BudgetAdoption | null;
  /** Editing links and forms only for those who may change the budget. */
  readonly canWrite: boolean;
  readonly revisionErrors?: FieldErrors | undefined;
  readonly revisionGeneral?: readonly string[] | undefined;
  readonly revisionValues?: Readonly<Record<string, string>> | undefined;
  readonly lineErrors?: FieldErrors | undefined;
  readonly lineValues?: Readonly<Record<string, string>> | undefined;
  /** The period of the year's figures and its closing (bokslut). */
  readonly period: { readonly label: string; readonly complete: boolean; readonly closing: YearClosing | null };
  /** The full year as forecast (the outcome once closed), beside the plan. */
  readonly forecast: { readonly resultOre: number; readonly equityClosingOre: number | null; readonly method: string };
  /** Why closing or reopening was refused. */
  readonly closingGeneral?: readonly string[] | undefined;
}

/** The page that edits one line of the original budget (or, once adopted, says where amounts are changed). */
export interface EditLineModel {
  readonly federation: FederationRef;
  readonly budget: YearBudget;
  readonly line: BudgetLine;
  readonly adoption: BudgetAdoption | null;
  /** The line's amounts in the original budget (undefined: none). */
  readonly current: LineAmounts | undefined;
  /** What the user posted, when the form is shown again; else the current amounts are shown. */
  readonly values?: { readonly income: string; readonly cost: string } | undefined;
  readonly errors?: FieldErrors | undefined;
  readonly general?: readonly string[] | undefined;
}

/** Kronor as the value of an input (plain digits with spaces, no unit). */
export const inputKr = (ore: number | undefined) =>
  ore === undefined ? '' : (ore % 100 === 0 ? formatKronor(ore) : formatNumber(ore / 100, 2)).replace('\u2212', '-').replace(/\u00a0/g, ' ');

function amountsOf(list: readonly LineAmounts[]): Map<number, LineAmounts> {
  return new Map(list.map((l) => [l.lineId, l]));
}

function summaryRows(o: BudgetSummary, r: BudgetSummary): DataRow[] {
  const money = (label: string, a: number | null, b: number | null, kind?: 'total'): DataRow => ({
    cells: [label, a === null ? 'Okänt' : kr(a), b === null ? 'Okänt' : kr(b)],
    cellClasses: [undefined, a !== null && a < 0 ? 'negative' : undefined, b !== null && b < 0 ? 'negative' : undefined],
    kind,
  });
  const pct = (label: string, a: number, b: number): DataRow => ({ cells: [label, formatWholePercent(a), formatWholePercent(b)] });
  return [
    money('Intäkter', o.incomeOre, r.incomeOre),
    money('Kostnader', o.costOre, r.costOre),
    money('Planerat resultat', o.resultOre, r.resultOre, 'total'),
    money('Planerad användning av eget kapital', o.plannedUseOfEquityOre, r.plannedUseOfEquityOre),
    money('Eget kapital vid årets slut enligt budgeten', o.expectedClosingEquityOre, r.expectedClosingEquityOre),
    pct('Administration, andel av kostnaderna', o.planShares.administration, r.planShares.administration),
    pct('Direkta insatskostnader, andel av kostnaderna', o.planShares.direct, r.planShares.direct),
    pct('Individinsatser, andel av direkta kostnader', o.planShares.individualOfDirect, r.planShares.individualOfDirect),
    pct('Strukturella insatser och processtöd, andel av direkta kostnader', o.planShares.structuralOfDirect, r.planShares.structuralOfDirect),
  ];
}

export function BudgetPage(props: { model: BudgetPageModel }) {
  const m = props.model;
  const { budget } = m;
  const federationId = m.federation.id;
  const year = budget.year;
  const base = `/f/${federationId}/ar/${year}/budget`;
  const original = amountsOf(budget.original);
  const revised = amountsOf(budget.revised);
  const hasRevisions = budget.revisions.length > 0;
  const shown = budget.lines.filter((l) => original.has(l.id) || revised.has(l.id));
  const other = budget.lines.filter((l) => !original.has(l.id) && !revised.has(l.id));
  const cell = (a: LineAmounts | undefined, k: 'incomeOre' | 'costOre') => (a ? kr(k === 'costOre' ? -a.costOre : a.incomeOre) : '–');
  const neg = (a: LineAmounts | undefined, k: 'incomeOre' | 'costOre') => (a && (k === 'costOre' ? -a.costOre : a.incomeOre) < 0 ? 'negative' : undefined);
  return (
    <Layout title={`Budget ${year}`} federation={m.federation}>
      <h1>Budget {year}</h1>
      <YearSelector action={`/f/${federationId}/budget`} years={m.years} selected={year} />
      <Adoption federationId={federationId} year={year} adoption={m.adoption} canWrite={m.canWrite} hasBudget={budget.original.length > 0} />
      <YearClosingSection model={m} />
      <h2>Sammanfattning</h2>
      <DataTable
        id="budget-summary"
        caption={`Budget ${year}: ursprunglig och reviderad`}
        columns={[{ heading: 'Budget' }, { heading: 'Ursprunglig budget', numeric: true }, { heading: hasRevisions ? 'Reviderad budget' : 'Reviderad budget (ingen tilläggsbudget)', numeric: true }]}
        rows={summaryRows(budget.originalSummary, budget.revisedSummary)}
      />
      <h2>Budgetposter</h2>
      <p>
        Kostnader visas med minustecken.
        {m.canWrite
          ? m.adoption
            ? ' Budgeten är antagen: den ursprungliga budgeten är låst och ändringar görs som tilläggsbudget. Välj Ändra för att byta namn på en post.'
            : ' Välj Ändra för att ändra en post i den ursprungliga budgeten; ändringar under året görs som tilläggsbudget.'
          : ''}
      </p>
      {sections.map((section) => {
        const lines = shown.filter((l) => l.section === section);
        if (!lines.length) return null;
        return (
          <DataTable
            id={`budget-${section}`}
            caption={`${sectionLabels[section]} ${year}`}
            columns={[
              { heading: 'Budgetpost' },
              { heading: 'Ursprunglig intäkt', numeric: true },
              { heading: 'Ursprunglig kostnad', numeric: true },
              { heading: 'Reviderad intäkt', numeric: true },
              { heading: 'Reviderad kostnad', numeric: true },
              ...(m.canWrite ? [{ heading: 'Åtgärd' }] : []),
            ]}
            rows={lines.map((l) => ({
              cells: [
                <span id={`post-${l.id}`}>{l.label}</span>,
                cell(original.get(l.id), 'incomeOre'),
                cell(original.get(l.id), 'costOre'),
                cell(revised.get(l.id), 'incomeOre'),
                cell(revised.get(l.id), 'costOre'),
                ...(m.canWrite
                  ? [
                      <a href={`${base}/post/${l.id}`} aria-label={`Ändra ${l.label}`}>
                        Ändra
                      </a>,
                    ]
                  : []),
              ],
              cellClasses: [undefined, neg(original.get(l.id), 'incomeOre'), neg(original.get(l.id), 'costOre'), neg(revised.get(l.id), 'incomeOre'), neg(revised.get(l.id), 'costOre')],
            }))}
          />
        );
      })}
      {m.canWrite ? <NewLineForm action={`${base}/poster`} errors={m.lineErrors} values={m.lineValues} other={other} /> : null}
      <Downloads federationId={federationId} year={year} files={[['budget', `Budget ${year}`]]} />
      <h2 id="tillaggsbudgetar">Tilläggsbudgetar</h2>
      {hasRevisions ? (
        <DataTable
          caption={`Beslutade tilläggsbudgetar ${year}`}
          columns={[{ heading: 'Beslutsdatum' }, { heading: 'Beslut' }, { heading: 'Ändrade budgetposter (intäkt / kostnad)' }, ...(m.canWrite ? [{ heading: 'Åtgärd' }] : [])]}
          rows={budget.revisions.map((r) => ({
            cells: [
              r.decidedOn,
              r.decision,
              r.lines
                .map((l) => `${budget.lines.find((x) => x.id === l.lineId)?.label ?? l.lineId}: ${kr(l.incomeOre)} / ${kr(-l.costOre)}`)
                .join('; '),
              ...(m.canWrite
                ? [
                    <a href={`${base}/tillaggsbudget/${r.id}`} aria-label={`Ändra tilläggsbudget ${r.decidedOn}`}>
                      Ändra
                    </a>,
                  ]
                : []),
            ],
          }))}
        />
      ) : (
        <p>Ingen tilläggsbudget är beslutad för {year}.</p>
      )}
      {m.canWrite ? (
        <RevisionForm action={`${base}/tillaggsbudget`} lines={m.adoption ? budget.lines : shown} revised={revised} errors={m.revisionErrors} general={m.revisionGeneral} values={m.revisionValues} />
      ) : null}
    </Layout>
  );
}

function NewLineForm(props: { action: string; errors?: FieldErrors | undefined; values?: Readonly<Record<string, string>> | undefined; other: readonly BudgetLine[] }) {
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <section aria-labelledby="new-line-title">
      <h3 id="new-line-title">Lägg till budgetpost</h3>
      <ErrorSummary errors={props.errors} />
      <Form action={props.action} label="Lägg till budgetpost">
        <div class="form-row">
          <SelectField
            name="new-section"
            label="Avsnitt"
            value={v['new-section'] ?? ''}
            error={e['new-section']}
            options={[{ value: '', label: 'Välj avsnitt' }, ...sections.map((s) => ({ value: s, label: sectionLabels[s] }))]}
          />
          <TextField name="new-label" label="Budgetpost" value={v['new-label']} error={e['new-label']} hint={props.other.length ? `Utan belopp i år: ${props.other.map((l) => l.label).join(', ')}` : undefined} />
          <AmountField name="new-income" label="Intäkt" value={v['new-income'] ?? ''} error={e['new-income']} />
          <AmountField name="new-cost" label="Kostnad" value={v['new-cost'] ?? ''} error={e['new-cost']} hint="Kronor, positivt belopp" />
        </div>
        <SubmitButton label="Lägg till" />
      </Form>
    </section>
  );
}

function RevisionForm(props: {
  action: string;
  lines: readonly BudgetLine[];
  revised: Map<number, LineAmounts>;
  errors?: FieldErrors | undefined;
  general?: readonly string[] | undefined;
  values?: Readonly<Record<string, string>> | undefined;
}) {
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <section aria-labelledby="revision-title">
      <h3 id="revision-title">Lägg till tilläggsbudget</h3>
      <ErrorSummary errors={props.errors} general={props.general} />
      <Form action={props.action} label="Lägg till tilläggsbudget">
        <TextField name="decidedOn" label="Beslutsdatum" type="date" value={v.decidedOn} error={e.decidedOn} hint="ÅÅÅÅ-MM-DD" required />
        <TextAreaField name="decision" label="Beslut" value={v.decision} error={e.decision} hint="T.ex. Tilläggsbudget, styrelsemöte 2025-05-14 § 12" required />
        <fieldset>
          <legend>Belopp efter tilläggsbudgeten (kronor)</legend>
          <p class="hint">Ändra de poster som tilläggsbudgeten ändrar; oförändrade poster räknas inte med i beslutet.</p>
          {props.lines.map((l) => {
            const cur = props.revised.get(l.id);
            return (
              <div class="form-row">
                <AmountField name={`income-${l.id}`} label={`${l.label}: intäkt`} value={v[`income-${l.id}`] ?? inputKr(cur?.incomeOre ?? 0)} error={e[`income-${l.id}`]} hint="" />
                <AmountField name={`cost-${l.id}`} label={`${l.label}: kostnad`} value={v[`cost-${l.id}`] ?? inputKr(cur?.costOre ?? 0)} error={e[`cost-${l.id}`]} hint="" />
              </div>
            );
          })}
        </fieldset>
        <SubmitButton label="Spara tilläggsbudget" />
      </Form>
    </section>
  );
}

/** The board's adoption of the budget: shown when made, else (for the kansli) the form to record it. */
/** The period, the forecast beside the plan, and the bokslut: "Stäng året" (kansli) or who closed it when. */
function YearClosingSection(props: { model: BudgetPageModel }) {
  const m = props.model;
  const year = m.budget.year;
  const action = `/f/${m.federation.id}/ar/${year}/stang`;
  const c = m.period.closing;
  return (
    <section aria-labelledby="bokslut" class="period">
      <h2 id="bokslut">Årets siffror och bokslut</h2>
      <p>Period: {m.period.label}.</p>
      <p>
        {m.period.complete ? 'Årets resultat' : 'Prognos årets resultat'}: {tkrText(m.forecast.resultOre)}; {m.period.complete ? 'eget kapital vid årets slut' : 'förväntat eget kapital vid årets slut'}:{' '}
        {m.forecast.equityClosingOre === null ? 'okänt' : tkrText(m.forecast.equityClosingOre)}. Budgetens siffror nedan är planen.
      </p>
      <ErrorSummary errors={undefined} general={m.closingGeneral ?? []} idSuffix="bokslut" />
      {c ? <p>Året stängdes {c.closedAt.slice(0, 10)} av {c.closedBy}.</p> : <p>Året är öppet: siffrorna är utfall hittills och helåret är en prognos tills kansliet stänger året.</p>}
      {m.canWrite ? (
        <Form action={action} label={c ? 'Öppna året igen' : 'Stäng året'}>
          {c ? <input type="hidden" name="reopen" value="ja" /> : null}
          <SubmitButton label={c ? `Öppna ${year} igen` : `Stäng året ${year}`} />
        </Form>
      ) : null}
    </section>
  );
}

function Adoption(props: { federationId: number; year: number; adoption: BudgetAdoption | null; canWrite: boolean; hasBudget: boolean }) {
  if (props.adoption) {
    return (
      <p class="notice">
        Budgeten {props.year} antogs av styrelsen {props.adoption.adoptedOn} ({props.adoption.reference}). Den ursprungliga budgeten är låst; ändringar görs som
        tilläggsbudget.
      </p>
    );
  }
  if (!props.canWrite) return <p>Budgeten {props.year} är inte antagen av styrelsen ännu.</p>;
  const action = `/f/${props.federationId}/ar/${props.year}/budget/anta`;
  const s = formState(action);
  return (
    <section aria-labelledby="adopt-title">
      <h2 id="adopt-title">Styrelsens beslut om budgeten</h2>
      <p>
        Budgeten {props.year} är inte antagen. När styrelsen har beslutat, registrera beslutet: därefter låses den ursprungliga budgeten och ändringar görs som
        tilläggsbudget.
      </p>
      {props.hasBudget ? (
        <Form action={action} label="Anta budgeten">
          <div class="form-row">
            <TextField {...s.bind('adoptedOn')} label="Beslutsdatum" type="date" required />
            <TextField {...s.bind('reference')} label="Beslut (protokoll, §)" hint="T.ex. Styrelsen 2025-11-20 § 45" required />
          </div>
          <SubmitButton label={`Anta budgeten ${props.year}`} />
        </Form>
      ) : null}
    </section>
  );
}

export function EditLinePage(props: { model: EditLineModel }) {
  const m = props.model;
  const { budget, line } = m;
  const federationId = m.federation.id;
  const base = `/f/${federationId}/ar/${budget.year}/budget`;
  const revisedBy = budget.revisions.filter((r) => r.lines.some((l) => l.lineId === line.id));
  const values = m.values ?? { income: inputKr(m.current?.incomeOre ?? 0), cost: inputKr(m.current?.costOre ?? 0) };
  return (
    <Layout title={`Ändra ${line.label}`} federation={m.federation}>
      <h1>
        Ändra budgetpost: {line.label} ({budget.year})
      </h1>
      <p>
        Avsnitt: {sectionLabels[line.section]}. Beloppen gäller den ursprungliga budgeten {budget.year}.
      </p>
      {revisedBy.length ? (
        <p class="warning">
          Posten ändras av tilläggsbudget {revisedBy.map((r) => r.decidedOn).join(', ')}; den reviderade budgeten visar tilläggsbudgetens belopp.
        </p>
      ) : null}
      {m.adoption ? (
        <>
        <ErrorSummary errors={undefined} general={m.general} />
        <p class="notice">
          Budgeten {budget.year} antogs av styrelsen {m.adoption.adoptedOn} ({m.adoption.reference}); beloppen i den ursprungliga budgeten är låsta. Ändra
          beloppen med en <a href={`${base}#tillaggsbudgetar`}>tilläggsbudget</a>.
        </p>
        </>
      ) : (
        <>
          <ErrorSummary errors={m.errors} general={m.general} />
          <Form action={`${base}/post/${line.id}`} label={`Ändra ${line.label}`}>
            <AmountField name="income" label="Intäkt" value={values.income} error={m.errors?.income} />
            <AmountField name="cost" label="Kostnad" value={values.cost} error={m.errors?.cost} hint="Kronor, positivt belopp, t.ex. 1 250 000" />
            <SubmitButton label="Spara" />
          </Form>
        </>
      )}
      <p>
        <a href={`/f/${federationId}/budgetposter/${line.id}?ar=${budget.year}`}>Byt namn eller avsnitt, eller ta bort budgetposten</a>
      </p>
      <p>
        <a href={base}>Tillbaka till budget {budget.year}</a>
      </p>
    </Layout>
  );
}
