import { redirectWithFlash } from '../views/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { DataTable } from '../views/dataTable.tsx';
import { AmountField, ErrorSummary, FileField, Form, SelectField, SubmitButton, type FieldErrors } from '../views/form.tsx';
import { YearSelector } from '../views/yearSelector.tsx';
import { formatKronor } from '../views/present.ts';
import { describeProblem, InputError } from '../../core/errors.ts';
import { importOutcomeData, outcomeCellsCsv, planOutcomeImport, type OutcomePlan } from '../../importers/outcome/importOutcome.ts';
import { parseText, valueOrThrow } from '../../core/input/index.ts';
import { outcomeTemplateTable } from '../../importers/outcome/outcomeTemplate.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { tablesToXlsx } from '../../exports/xlsx.ts';
import { parseAmountInput } from '../formInput.ts';
import { sectionLabels } from '../../core/economy/types.ts';
import { getFiscalYear, listBudgetLines, listFiscalYears, loadYearOutcome, saveOutcomeEntry, type OutcomeSource } from '../../services/economy/index.ts';
import { formFields, problemsToFieldErrors, yearParam } from './economyShared.ts';
import { monthName } from '../views/economy/dashboard.tsx';

/** What an outcome file would change (line, month, old → new), with the confirmation that imports it. */
function OutcomePreview(props: { federation: FederationRef; year: number; plan: OutcomePlan }) {
  const { plan } = props;
  const amount = (a: { incomeOre: number; costOre: number } | null) => (a === null ? 'inget' : `${formatKronor(a.incomeOre)} / ${formatKronor(-a.costOre)}`);
  const base = `/f/${props.federation.id}/ar/${props.year}/utfall`;
  return (
    <Layout title={`Förhandsgranska ${plan.file}`} federation={props.federation}>
      <h1>Förhandsgranska utfallsfilen {plan.file}</h1>
      <p>
        Filen har {plan.rows} rader för {plan.years.join(', ')}. {plan.changes.length ? `${plan.changes.length} belopp ändras` : 'Inga belopp ändras'}; övriga månader och
        budgetposter ligger kvar som de är. Ingenting är sparat ännu.
      </p>
      <DataTable
        id="outcome-preview"
        caption={`Ändringar från ${plan.file} (intäkt / kostnad, kronor; kostnader med minustecken)`}
        columns={[{ heading: 'År' }, { heading: 'Budgetpost' }, { heading: 'Månad' }, { heading: 'Före', numeric: true }, { heading: 'Efter', numeric: true }]}
        rows={plan.changes.map((ch) => ({ cells: [String(ch.year), ch.label, monthName(ch.month), amount(ch.before), amount(ch.after)] }))}
        empty="Filen ändrar inga belopp."
      />
      <Form action={`${base}/fil/bekrafta`} label="Bekräfta inläsningen">
        <input type="hidden" name="data" value={outcomeCellsCsv(plan.cells)} />
        <input type="hidden" name="fileName" value={plan.file} />
        <SubmitButton label="Läs in utfallet" />
      </Form>
      <p>
        <a href={base}>Avbryt</a>
      </p>
    </Layout>
  );
}

const monthShort = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const sourceLabels: Record<OutcomeSource, string> = { manual: 'inmatat', file: 'inläst fil', reference: 'referensfil', ledger: 'bokföringen (SIE)' };

/** Outcome (utfall) of a year: what is recorded per line and month, and entry of one line's month. */
export const economyOutcomeRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const page = async (
    federation: FederationRef,
    year: number,
    opts: { canWrite?: boolean; errors?: FieldErrors; values?: Record<string, string>; fileErrors?: FieldErrors; fileProblems?: string[] } = {},
  ) => {
    await getFiscalYear(db, federation.id, year);
    const lines = await listBudgetLines(db, federation.id);
    const outcome = await loadYearOutcome(db, federation.id, year);
    const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
    const net = new Map<string, number>();
    for (const m of outcome.monthly) net.set(`${m.lineId}:${m.month}`, m.incomeOre - m.costOre);
    const lineTotal = new Map(outcome.byLine.map((l) => [l.lineId, l.incomeOre - l.costOre]));
    const v = opts.values ?? {};
    const e = opts.errors ?? {};
    const cell = (ore: number | undefined) => (ore === undefined ? '' : formatKronor(ore));
    const neg = (ore: number | undefined) => (ore !== undefined && ore < 0 ? 'negative' : undefined);
    return (
      <Layout title={`Utfall ${year}`} federation={federation}>
        <h1>Utfall {year}</h1>
        <YearSelector action={`/f/${federation.id}/utfall`} years={years} selected={year} />
        <p>
          {outcome.sources.length
            ? `Utfallet kommer från: ${outcome.sources.map((s) => sourceLabels[s]).join(', ')}.`
            : 'Inget utfall är registrerat för året.'}{' '}
          När bokföringen (SIE) är inläst för ett år räknas bara den.
        </p>
        {opts.canWrite ? (
        <>
        <section aria-labelledby="entry-title">
          <h2 id="entry-title">Registrera utfall</h2>
          <ErrorSummary errors={opts.errors} />
          <Form action={`/f/${federation.id}/ar/${year}/utfall`} label="Registrera utfall">
            <div class="form-row">
              <SelectField
                name="lineId"
                label="Budgetpost"
                value={v.lineId ?? ''}
                error={e.lineId}
                options={[{ value: '', label: 'Välj budgetpost' }, ...lines.map((l) => ({ value: String(l.id), label: `${l.label} (${sectionLabels[l.section]})` }))]}
              />
              <SelectField
                name="month"
                label="Månad"
                value={v.month ?? ''}
                error={e.month}
                options={[{ value: '', label: 'Välj månad' }, ...monthShort.map((_, i) => ({ value: String(i + 1), label: monthName(i + 1) }))]}
              />
              <AmountField name="income" label="Intäkt" value={v.income ?? ''} error={e.income} />
              <AmountField name="cost" label="Kostnad" value={v.cost ?? ''} error={e.cost} hint="Kronor; en återbetalning anges med minustecken" />
            </div>
            <p class="hint">Ersätter det som tidigare matats in för budgetposten och månaden.</p>
            <SubmitButton label="Spara utfall" />
          </Form>
        </section>
        <section aria-labelledby="file-title">
          <h2 id="file-title">Läs in utfall från fil</h2>
          <p>
            En XLSX- eller CSV-fil enligt mallen med kolumnerna år, avsnitt, budgetpost, månad, intäkt och kostnad. Allt eller inget: finns ett fel
            i filen läses ingenting in, och alla fel i filen visas. En fil ersätter bara de månader och budgetposter den innehåller (mars ligger kvar när
            april läses in). Innan något sparas visas vad som ändras. Mall med årets budgetposter:{' '}
            <a href={`/f/${federation.id}/ar/${year}/utfallsmall.xlsx`} download>
              XLSX
            </a>
            ,{' '}
            <a href={`/f/${federation.id}/ar/${year}/utfallsmall.csv`} download>
              CSV
            </a>
            .
          </p>
          <ErrorSummary errors={opts.fileErrors} general={opts.fileProblems} />
          <Form action={`/f/${federation.id}/ar/${year}/utfall/fil`} enctype="multipart/form-data" label="Läs in utfall från fil">
            <FileField name="file" label="Utfallsfil (XLSX eller CSV)" accept=".xlsx,.csv" error={opts.fileErrors?.file} />
            <SubmitButton label="Läs in filen" />
          </Form>
        </section>
        </>
        ) : null}
        <h2>Utfall per månad</h2>
        <DataTable
          id="outcome-months"
          caption={`Utfall ${year} per budgetpost och månad (netto, kronor; kostnader med minustecken)`}
          columns={[{ heading: 'Budgetpost' }, ...monthShort.map((m, i) => ({ heading: <abbr title={monthName(i + 1)}>{m}</abbr>, numeric: true })), { heading: 'Summa', numeric: true }]}
          rows={lines
            .filter((l) => lineTotal.has(l.id))
            .map((l) => {
              const months = monthShort.map((_, i) => net.get(`${l.id}:${i + 1}`));
              return {
                cells: [l.label, ...months.map(cell), cell(lineTotal.get(l.id))],
                cellClasses: [undefined, ...months.map(neg), neg(lineTotal.get(l.id))],
              };
            })}
          empty="Inget utfall ännu."
        />
      </Layout>
    );
  };

  app.get('/f/:federationId/ar/:year/utfall', async (c) => {
    requirePermission(c, 'economy:read');
    return c.html(await page(requireFederation(c), yearParam(c), { canWrite: c.get('ctx').can('economy:write') }));
  });

  app.post('/f/:federationId/ar/:year/utfall', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formFields(c);
    const errors: Record<string, string> = {};
    const lineId = /^\d+$/.test(form.lineId ?? '') ? Number(form.lineId) : NaN;
    const month = /^\d{1,2}$/.test(form.month ?? '') ? Number(form.month) : NaN;
    if (!Number.isSafeInteger(lineId)) errors.lineId = 'Välj budgetpost.';
    if (!(month >= 1 && month <= 12)) errors.month = 'Välj månad.';
    const income = parseAmountInput(form.income ?? '', { allowNegative: true });
    const cost = parseAmountInput(form.cost ?? '', { allowNegative: true });
    if (!income.ok) errors.income = `Intäkt: ${income.message}`;
    if (!cost.ok) errors.cost = `Kostnad: ${cost.message}`;
    if (income.ok && cost.ok && income.ore === null && cost.ore === null) errors.cost = 'Ange intäkt eller kostnad.';
    if (!Object.keys(errors).length) {
      try {
        await saveOutcomeEntry(db, federation.id, year, { lineId, month, incomeOre: (income.ok && income.ore) || 0, costOre: (cost.ok && cost.ore) || 0 }, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/utfall`, 'outcome');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        Object.assign(errors, problemsToFieldErrors(e.problems).fields);
      }
    }
    return c.html(await page(federation, year, { canWrite: true, errors, values: form }), 400);
  });

  app.post('/f/:federationId/ar/:year/utfall/fil', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    await getFiscalYear(db, federation.id, year);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0 || !file.name) {
      return c.html(await page(federation, year, { canWrite: true, fileErrors: { file: 'Välj en fil att läsa in.' } }), 400);
    }
    if (file.size > 10 * 1024 * 1024) return c.html(await page(federation, year, { canWrite: true, fileErrors: { file: 'Filen är större än 10 MB.' } }), 400);
    const name = valueOrThrow(parseText(file.name, { kind: 'fileName' }), { field: 'file' });
    try {
      const plan = await planOutcomeImport(db, federation.id, new Uint8Array(await file.arrayBuffer()), name);
      return c.html(<OutcomePreview federation={federation} year={year} plan={plan} />);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return c.html(await page(federation, year, { canWrite: true, fileProblems: [`Ingenting har lästs in. Filen har ${e.problems.length === 1 ? 'ett fel' : `${e.problems.length} fel`}:`, ...e.problems.map(describeProblem)] }), 400);
    }
  });

  /** The confirmed import: the previewed cells come back as the template's CSV and go through the same checks. */
  app.post('/f/:federationId/ar/:year/utfall/fil/bekrafta', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    await getFiscalYear(db, federation.id, year);
    const body = await c.req.parseBody();
    const data = typeof body.data === 'string' ? body.data : '';
    const name = valueOrThrow(parseText(typeof body.fileName === 'string' ? body.fileName : '', { kind: 'fileName' }), { field: 'fileName' }) || 'utfall.csv';
    try {
      await importOutcomeData(db, federation.id, new TextEncoder().encode(data), name.replace(/\.xlsx$/i, '.csv'), ctx.actor);
      return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/utfall`, 'outcome-import');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return c.html(await page(federation, year, { canWrite: true, fileProblems: ['Ingenting har lästs in.', ...e.problems.map(describeProblem)] }), 400);
    }
  });

  const template = async (federationId: number, year: number) => {
    await getFiscalYear(db, federationId, year);
    return outcomeTemplateTable(year, await listBudgetLines(db, federationId));
  };
  app.get('/f/:federationId/ar/:year/utfallsmall.xlsx', async (c) => {
    requirePermission(c, 'economy:read');
    const year = yearParam(c);
    const body = await tablesToXlsx([await template(requireFederation(c).id, year)]);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="utfallsmall-${year}.xlsx"`,
    });
  });
  app.get('/f/:federationId/ar/:year/utfallsmall.csv', async (c) => {
    requirePermission(c, 'economy:read');
    const year = yearParam(c);
    return c.body(tableToCsv(await template(requireFederation(c).id, year)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="utfallsmall-${year}.csv"`,
    });
  });
  return app;
};
