/** The outcome (utfall) page of a year — the months per budget line, entry of one month and the file import — and the file's preview. */
import type { FederationRef } from '../context.ts';
import type { OutcomeSource } from '../../core/economy/outcomeSources.ts';
import type { OutcomePlan } from '../../importers/outcome/importOutcome.ts';
import { sectionLabels, type BudgetLine } from '../../core/economy/types.ts';
import { Layout } from '../kit/layout.tsx';
import { DataTable } from '../kit/dataTable.tsx';
import { AmountField, ErrorSummary, FileField, Form, SelectField, SubmitButton, type FieldErrors } from '../kit/form.tsx';
import { YearSelector } from '../kit/yearSelector.tsx';
import { formatKronor } from '../kit/present.ts';
import { formatMonth, formatMonthShort } from '../../core/format.ts';
import { sourceLabels } from './tracePage.tsx';

const months = Array.from({ length: 12 }, (_, i) => i + 1);
/** The one-letter mark of each cell's source, explained under the table. */
const sourceMarks: Record<OutcomeSource, string> = { manual: 'M', file: 'F', reference: 'R', ledger: 'B' };

/** One budget line's recorded outcome: net (income − cost) per month (null: nothing recorded) and the year's sum, öre. */
export interface OutcomeRow {
  readonly lineId: number;
  readonly label: string;
  readonly monthsOre: readonly (number | null)[];
  /** Which source counts in each month (null: nothing recorded). */
  readonly monthSources: readonly (OutcomeSource | null)[];
  readonly totalOre: number;
}

/** The outcome page of a year; a refused entry or file comes back with its values and messages. */
export interface OutcomePageModel {
  readonly federation: FederationRef;
  readonly year: number;
  /** The förbund's years, for the year selector. */
  readonly years: readonly number[];
  /** The period of the year's figures in words ("januari–november 2026, prognos för helåret"). */
  readonly periodLabel: string;
  /** Where the year's counted outcome comes from. */
  readonly sources: readonly OutcomeSource[];
  /** The budget lines to enter outcome for (the entry form's choices). */
  readonly lines: readonly BudgetLine[];
  /** The lines that have outcome, in budget order. */
  readonly rows: readonly OutcomeRow[];
  readonly canWrite: boolean;
  /** The entry form after a refusal: what was typed and the messages by field. */
  readonly entryValues?: Readonly<Record<string, string>>;
  readonly entryErrors?: FieldErrors;
  /** The file form after a refusal. */
  readonly fileErrors?: FieldErrors;
  readonly fileProblems?: readonly string[];
}

export function OutcomePage(props: { model: OutcomePageModel }) {
  const { federation, year, years, sources, lines, rows, canWrite } = props.model;
  const v = props.model.entryValues ?? {};
  const e = props.model.entryErrors ?? {};
  const cell = (ore: number | null) => (ore === null ? '' : formatKronor(ore));
  const neg = (ore: number | null) => (ore !== null && ore < 0 ? 'negative' : undefined);
  return (
    <Layout title={`Utfall ${year}`} federation={federation}>
      <h1>Utfall {year}</h1>
      <p class="period" id="period">
        Period: {props.model.periodLabel}.
      </p>
      <YearSelector action={`/f/${federation.id}/utfall`} years={years} selected={year} />
      <p>
        {sources.length ? `Utfallet kommer från: ${sources.map((s) => sourceLabels[s]).join(', ')}.` : 'Inget utfall är registrerat för året.'} När
        bokföringen (SIE) är inläst för ett år räknas bara den.
      </p>
      {canWrite ? (
        <>
          <section aria-labelledby="entry-title">
            <h2 id="entry-title">Registrera utfall</h2>
            <ErrorSummary errors={props.model.entryErrors} />
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
                  options={[{ value: '', label: 'Välj månad' }, ...months.map((m) => ({ value: String(m), label: formatMonth(m) }))]}
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
              En XLSX- eller CSV-fil enligt mallen med kolumnerna år, avsnitt, budgetpost, månad, intäkt och kostnad. Allt eller inget: finns ett fel i
              filen läses ingenting in, och alla fel i filen visas. En fil ersätter bara de månader och budgetposter den innehåller (mars ligger kvar när april
              läses in). Innan något sparas visas vad som ändras. Mall med årets budgetposter:{' '}
              <a href={`/f/${federation.id}/ar/${year}/utfallsmall.xlsx`} download>
                XLSX
              </a>
              ,{' '}
              <a href={`/f/${federation.id}/ar/${year}/utfallsmall.csv`} download>
                CSV
              </a>
              .
            </p>
            <ErrorSummary errors={props.model.fileErrors} general={props.model.fileProblems} />
            <Form action={`/f/${federation.id}/ar/${year}/utfall/fil`} enctype="multipart/form-data" label="Läs in utfall från fil">
              <FileField name="file" label="Utfallsfil (XLSX eller CSV)" accept=".xlsx,.csv" error={props.model.fileErrors?.file} />
              <SubmitButton label="Läs in filen" />
            </Form>
          </section>
        </>
      ) : null}
      <h2>Utfall per månad</h2>
      <DataTable
        id="outcome-months"
        caption={`Utfall ${year} per budgetpost och månad (netto, kronor; kostnader med minustecken)`}
        columns={[{ heading: 'Budgetpost' }, ...months.map((m) => ({ heading: <abbr title={formatMonth(m)}>{formatMonthShort(m)}</abbr>, numeric: true })), { heading: 'Summa', numeric: true }]}
        rows={rows.map((r) => ({
          cells: [
            <a href={`/f/${federation.id}/ar/${year}/utfall/kalla/${r.lineId}`}>{r.label}</a>,
            ...r.monthsOre.map((ore, i) => {
              const s = r.monthSources[i];
              if (ore === null) return '';
              return (
                <a href={`/f/${federation.id}/ar/${year}/utfall/kalla/${r.lineId}?manad=${i + 1}`}>
                  {cell(ore)}
                  {s ? (
                    <>
                      {' '}
                      <abbr class="source-mark" title={sourceLabels[s]}>
                        {sourceMarks[s]}
                      </abbr>
                    </>
                  ) : null}
                </a>
              );
            }),
            cell(r.totalOre),
          ],
          cellClasses: [undefined, ...r.monthsOre.map(neg), neg(r.totalOre)],
        }))}
        empty="Inget utfall ännu."
      />
      <p class="muted">
        Källa per månad: {(Object.keys(sourceMarks) as OutcomeSource[]).map((s, i) => `${i ? ', ' : ''}${sourceMarks[s]} = ${sourceLabels[s]}`)}. Välj en
        budgetpost eller ett belopp för att se varifrån det kommer: filen och raden, vem som matade in det, eller bokföringens konton och verifikationer.
      </p>
    </Layout>
  );
}

/** What an outcome file would change, and the cells (as the template's CSV) that the confirmation posts back. */
export interface OutcomePreviewModel extends Pick<OutcomePlan, 'file' | 'rows' | 'years' | 'changes'> {
  readonly federation: FederationRef;
  readonly year: number;
  /** The file's cells as the template's CSV (hidden field of the confirmation). */
  readonly cellsCsv: string;
}

/** What an outcome file would change (line, month, old → new), with the confirmation that imports it. */
export function OutcomePreviewPage(props: { model: OutcomePreviewModel }) {
  const { federation, year, file, changes } = props.model;
  const amount = (a: { incomeOre: number; costOre: number } | null) => (a === null ? 'inget' : `${formatKronor(a.incomeOre)} / ${formatKronor(-a.costOre)}`);
  const base = `/f/${federation.id}/ar/${year}/utfall`;
  return (
    <Layout title={`Förhandsgranska ${file}`} federation={federation}>
      <h1>Förhandsgranska utfallsfilen {file}</h1>
      <p>
        Filen har {props.model.rows} rader för {props.model.years.join(', ')}. {changes.length ? `${changes.length} belopp ändras` : 'Inga belopp ändras'};
        övriga månader och budgetposter ligger kvar som de är. Ingenting är sparat ännu.
      </p>
      <DataTable
        id="outcome-preview"
        caption={`Ändringar från ${file} (intäkt / kostnad, kronor; kostnader med minustecken)`}
        columns={[{ heading: 'År' }, { heading: 'Budgetpost' }, { heading: 'Månad' }, { heading: 'Före', numeric: true }, { heading: 'Efter', numeric: true }]}
        rows={changes.map((ch) => ({ cells: [String(ch.year), ch.label, formatMonth(ch.month), amount(ch.before), amount(ch.after)] }))}
        empty="Filen ändrar inga belopp."
      />
      <Form action={`${base}/fil/bekrafta`} label="Bekräfta inläsningen">
        <input type="hidden" name="data" value={props.model.cellsCsv} />
        <input type="hidden" name="fileName" value={file} />
        <SubmitButton label="Läs in utfallet" />
      </Form>
      <p>
        <a href={base}>Avbryt</a>
      </p>
    </Layout>
  );
}
