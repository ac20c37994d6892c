import { redirectWithFlash } from '../views/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { DataTable, type DataRow } from '../views/dataTable.tsx';
import { AmountField, ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, formState, type FieldErrors } from '../views/form.tsx';
import { YearSelector } from '../views/yearSelector.tsx';
import { Downloads } from '../views/downloads.tsx';
import { formatKronor, formatNumber, formatWholePercent, kronorText as kr } from '../views/present.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { parseAmountInput } from '../formInput.ts';
import { sections, sectionLabels, isSection, type BudgetLine, type LineAmounts, type Section } from '../../core/economy/types.ts';
import type { BudgetSummary } from '../../core/economy/budget.ts';
import { addBudgetRevision, createBudgetLine, getBudget, listFiscalYears, saveBudgetAmount, type YearBudget } from '../../services/economy/index.ts';
import { formFields, problemsToFieldErrors, yearParam } from './economyShared.ts';
import { assertBudgetOpen, getBudgetAdoption, type BudgetAdoption } from '../../services/economy/yearCycle.ts';

/** Kronor as printed in the budget, with the unit: "1 250 000 kr". */
/** Kronor as the value of an input (plain digits with spaces, no unit). */
const inputKr = (ore: number | undefined) =>
  ore === undefined ? '' : (ore % 100 === 0 ? formatKronor(ore) : formatNumber(ore / 100, 2)).replace('\u2212', '-').replace(/\u00a0/g, ' ');

function amountsOf(list: readonly LineAmounts[]): Map<number, LineAmounts> {
  return new Map(list.map((l) => [l.lineId, l]));
}

function lineIdParam(raw: string | undefined): number {
  const id = /^\d+$/.test(raw ?? '') ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new NotFoundError('Budgetposten finns inte.');
  return id;
}

/** Budget of a year: lines per section (original and revised), the plan's figures, revisions, editing. */
export const economyBudgetRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const page = async (federation: FederationRef, year: number, opts: { canWrite?: boolean; revisionErrors?: FieldErrors; revisionGeneral?: string[]; revisionValues?: Record<string, string>; lineErrors?: FieldErrors; lineValues?: Record<string, string> } = {}) => {
    const budget = await getBudget(db, federation.id, year);
    const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
    const adoption = await getBudgetAdoption(db, federation.id, year);
    return (
      <Layout title={`Budget ${year}`} federation={federation}>
        <BudgetPage federationId={federation.id} budget={budget} years={years} adoption={adoption} {...opts} />
      </Layout>
    );
  };

  app.get('/f/:federationId/ar/:year/budget', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(await page(federation, yearParam(c), { canWrite: c.get('ctx').can('economy:write') }));
  });

  app.get('/f/:federationId/ar/:year/budget/post/:lineId', async (c) => {
    requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const budget = await getBudget(db, federation.id, year);
    const line = budget.lines.find((l) => l.id === lineIdParam(c.req.param('lineId')));
    if (!line) throw new NotFoundError('Budgetposten finns inte.');
    const current = amountsOf(budget.original).get(line.id);
    const adoption = await getBudgetAdoption(db, federation.id, year);
    return c.html(
      <Layout title={`Ändra ${line.label}`} federation={federation}>
        <EditLinePage federationId={federation.id} budget={budget} line={line} adoption={adoption} values={{ income: inputKr(current?.incomeOre ?? 0), cost: inputKr(current?.costOre ?? 0) }} />
      </Layout>,
    );
  });

  app.post('/f/:federationId/ar/:year/budget/post/:lineId', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const lineId = lineIdParam(c.req.param('lineId'));
    const form = await formFields(c);
    const income = parseAmountInput(form.income ?? '');
    const cost = parseAmountInput(form.cost ?? '', { allowNegative: true });
    const errors: Record<string, string> = {};
    const general: string[] = [];
    if (!income.ok) errors.income = `Intäkt: ${income.message}`;
    if (!cost.ok) errors.cost = `Kostnad: ${cost.message}`;
    if (!Object.keys(errors).length) {
      try {
        await saveBudgetAmount(db, federation.id, year, { lineId, incomeOre: (income.ok && income.ore) || 0, costOre: (cost.ok && cost.ore) || 0 }, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget#post-${lineId}`, 'budget');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const mapped = problemsToFieldErrors(e.problems);
        Object.assign(errors, mapped.fields);
        general.push(...mapped.general);
      }
    }
    const budget = await getBudget(db, federation.id, year);
    const line = budget.lines.find((l) => l.id === lineId);
    if (!line) throw new NotFoundError('Budgetposten finns inte.');
    return c.html(
      <Layout title={`Ändra ${line.label}`} federation={federation}>
        <EditLinePage federationId={federation.id} budget={budget} line={line} adoption={await getBudgetAdoption(db, federation.id, year)} values={{ income: form.income ?? '', cost: form.cost ?? '' }} errors={errors} general={general} />
      </Layout>,
      400,
    );
  });

  app.post('/f/:federationId/ar/:year/budget/poster', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formFields(c);
    const errors: Record<string, string> = {};
    const income = parseAmountInput(form['new-income'] ?? '');
    const cost = parseAmountInput(form['new-cost'] ?? '', { allowNegative: true });
    if (!isSection(form['new-section'])) errors['new-section'] = 'Välj avsnitt.';
    if (!(form['new-label'] ?? '').trim()) errors['new-label'] = 'Ange budgetpostens namn.';
    if (!income.ok) errors['new-income'] = `Intäkt: ${income.message}`;
    if (!cost.ok) errors['new-cost'] = `Kostnad: ${cost.message}`;
    if (!Object.keys(errors).length) {
      const budget = await getBudget(db, federation.id, year); // the year must exist before a line is added
      const label = form['new-label']!.trim();
      if (budget.lines.some((l) => l.section === form['new-section'] && l.label === label)) {
        errors['new-label'] = 'Det finns redan en budgetpost med det namnet i avsnittet.';
      } else {
        try {
          const incomeOre = (income.ok && income.ore) || 0;
          const costOre = (cost.ok && cost.ore) || 0;
          // After the board's adoption a new line gets its amounts through a tilläggsbudget.
          if ((incomeOre || costOre) && (await getBudgetAdoption(db, federation.id, year))) await assertBudgetOpen(db, federation.id, year);
          const line = await createBudgetLine(db, federation.id, { section: form['new-section'] as Section, label }, ctx.actor);
          if (incomeOre || costOre || !(await getBudgetAdoption(db, federation.id, year))) await saveBudgetAmount(db, federation.id, year, { lineId: line.id, incomeOre: (income.ok && income.ore) || 0, costOre: (cost.ok && cost.ore) || 0 }, ctx.actor);
          return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget#post-${line.id}`, 'line');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          const mapped = problemsToFieldErrors(e.problems, { section: 'new-section', label: 'new-label', income: 'new-income', cost: 'new-cost' });
          Object.assign(errors, mapped.fields);
          if (mapped.general.length) errors['new-income'] = mapped.general.join(' ');
        }
      }
    }
    return c.html(await page(federation, year, { canWrite: true, lineErrors: errors, lineValues: form }), 400);
  });

  app.post('/f/:federationId/ar/:year/budget/tillaggsbudget', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formFields(c);
    const budget = await getBudget(db, federation.id, year);
    const revised = amountsOf(budget.revised);
    const errors: Record<string, string> = {};
    const changed: LineAmounts[] = [];
    for (const line of budget.lines) {
      const inc = parseAmountInput(form[`income-${line.id}`] ?? '');
      const cost = parseAmountInput(form[`cost-${line.id}`] ?? '', { allowNegative: true });
      if (!inc.ok) errors[`income-${line.id}`] = `${line.label}, intäkt: ${inc.message}`;
      if (!cost.ok) errors[`cost-${line.id}`] = `${line.label}, kostnad: ${cost.message}`;
      if (!inc.ok || !cost.ok) continue;
      const before = revised.get(line.id);
      const incomeOre = inc.ore ?? before?.incomeOre ?? 0;
      const costOre = cost.ore ?? before?.costOre ?? 0;
      if (incomeOre !== (before?.incomeOre ?? 0) || costOre !== (before?.costOre ?? 0)) changed.push({ lineId: line.id, incomeOre, costOre });
    }
    const general: string[] = [];
    if (!Object.keys(errors).length && changed.length === 0) general.push('Tilläggsbudgeten ändrar ingen budgetpost: ändra minst ett belopp.');
    if (!Object.keys(errors).length && !general.length) {
      try {
        await addBudgetRevision(db, federation.id, year, { decidedOn: (form.decidedOn ?? '').trim(), decision: form.decision ?? '', lines: changed }, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget#tillaggsbudgetar`, 'revision');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const mapped = problemsToFieldErrors(e.problems);
        Object.assign(errors, mapped.fields);
        general.push(...mapped.general);
      }
    }
    return c.html(await page(federation, year, { canWrite: true, revisionErrors: errors, revisionGeneral: general, revisionValues: form }), 400);
  });
  return app;
};

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
    money('Förväntat eget kapital vid årets slut', o.expectedClosingEquityOre, r.expectedClosingEquityOre),
    pct('Administration, andel av kostnaderna', o.planShares.administration, r.planShares.administration),
    pct('Direkta insatskostnader, andel av kostnaderna', o.planShares.direct, r.planShares.direct),
    pct('Individinsatser, andel av direkta kostnader', o.planShares.individualOfDirect, r.planShares.individualOfDirect),
    pct('Strukturella insatser och processtöd, andel av direkta kostnader', o.planShares.structuralOfDirect, r.planShares.structuralOfDirect),
  ];
}

function BudgetPage(props: {
  federationId: number;
  /** Editing links and forms only for those who may change the budget. */
  canWrite?: boolean;
  budget: YearBudget;
  years: readonly number[];
  adoption: BudgetAdoption | null;
 
  revisionErrors?: FieldErrors;
  revisionGeneral?: string[];
  revisionValues?: Record<string, string>;
  lineErrors?: FieldErrors;
  lineValues?: Record<string, string>;
}) {
  const { budget } = props;
  const year = budget.year;
  const base = `/f/${props.federationId}/ar/${year}/budget`;
  const original = amountsOf(budget.original);
  const revised = amountsOf(budget.revised);
  const hasRevisions = budget.revisions.length > 0;
  const shown = budget.lines.filter((l) => original.has(l.id) || revised.has(l.id));
  const other = budget.lines.filter((l) => !original.has(l.id) && !revised.has(l.id));
  const cell = (a: LineAmounts | undefined, k: 'incomeOre' | 'costOre') => (a ? kr(k === 'costOre' ? -a.costOre : a.incomeOre) : '–');
  const neg = (a: LineAmounts | undefined, k: 'incomeOre' | 'costOre') => (a && (k === 'costOre' ? -a.costOre : a.incomeOre) < 0 ? 'negative' : undefined);
  return (
    <>
      <h1>Budget {year}</h1>
      <YearSelector action={`/f/${props.federationId}/budget`} years={props.years} selected={year} />
      <Adoption federationId={props.federationId} year={year} adoption={props.adoption} canWrite={props.canWrite ?? false} hasBudget={budget.original.length > 0} />
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
        {props.canWrite
          ? props.adoption
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
              ...(props.canWrite ? [{ heading: 'Åtgärd' }] : []),
            ]}
            rows={lines.map((l) => ({
              cells: [
                <span id={`post-${l.id}`}>{l.label}</span>,
                cell(original.get(l.id), 'incomeOre'),
                cell(original.get(l.id), 'costOre'),
                cell(revised.get(l.id), 'incomeOre'),
                cell(revised.get(l.id), 'costOre'),
                ...(props.canWrite
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
      {props.canWrite ? <NewLineForm action={`${base}/poster`} errors={props.lineErrors} values={props.lineValues} other={other} /> : null}
      <Downloads federationId={props.federationId} year={year} files={[['budget', `Budget ${year}`]]} />
      <h2 id="tillaggsbudgetar">Tilläggsbudgetar</h2>
      {hasRevisions ? (
        <DataTable
          caption={`Beslutade tilläggsbudgetar ${year}`}
          columns={[{ heading: 'Beslutsdatum' }, { heading: 'Beslut' }, { heading: 'Ändrade budgetposter (intäkt / kostnad)' }, ...(props.canWrite ? [{ heading: 'Åtgärd' }] : [])]}
          rows={budget.revisions.map((r) => ({
            cells: [
              r.decidedOn,
              r.decision,
              r.lines
                .map((l) => `${budget.lines.find((x) => x.id === l.lineId)?.label ?? l.lineId}: ${kr(l.incomeOre)} / ${kr(-l.costOre)}`)
                .join('; '),
              ...(props.canWrite
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
      {props.canWrite ? (
        <RevisionForm action={`${base}/tillaggsbudget`} lines={props.adoption ? budget.lines : shown} revised={revised} errors={props.revisionErrors} general={props.revisionGeneral} values={props.revisionValues} />
      ) : null}
    </>
  );
}

function NewLineForm(props: { action: string; errors?: FieldErrors; values?: Record<string, string>; other: readonly BudgetLine[] }) {
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

function RevisionForm(props: { action: string; lines: readonly BudgetLine[]; revised: Map<number, LineAmounts>; errors?: FieldErrors; general?: string[]; values?: Record<string, string> }) {
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

function EditLinePage(props: { federationId: number; budget: YearBudget; line: BudgetLine; adoption: BudgetAdoption | null; values: { income: string; cost: string }; errors?: FieldErrors; general?: string[] }) {
  const { budget, line } = props;
  const base = `/f/${props.federationId}/ar/${budget.year}/budget`;
  const revisedBy = budget.revisions.filter((r) => r.lines.some((l) => l.lineId === line.id));
  return (
    <>
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
      {props.adoption ? (
        <>
        <ErrorSummary errors={undefined} general={props.general} />
        <p class="notice">
          Budgeten {budget.year} antogs av styrelsen {props.adoption.adoptedOn} ({props.adoption.reference}); beloppen i den ursprungliga budgeten är låsta. Ändra
          beloppen med en <a href={`${base}#tillaggsbudgetar`}>tilläggsbudget</a>.
        </p>
        </>
      ) : (
        <>
          <ErrorSummary errors={props.errors} general={props.general} />
          <Form action={`${base}/post/${line.id}`} label={`Ändra ${line.label}`}>
            <AmountField name="income" label="Intäkt" value={props.values.income} error={props.errors?.income} />
            <AmountField name="cost" label="Kostnad" value={props.values.cost} error={props.errors?.cost} hint="Kronor, positivt belopp, t.ex. 1 250 000" />
            <SubmitButton label="Spara" />
          </Form>
        </>
      )}
      <p>
        <a href={`/f/${props.federationId}/budgetposter/${line.id}?ar=${budget.year}`}>Byt namn eller avsnitt, eller ta bort budgetposten</a>
      </p>
      <p>
        <a href={base}>Tillbaka till budget {budget.year}</a>
      </p>
    </>
  );
}
