/**
 * Corrections in the economy: a budget line renamed or removed, a tilläggsbudget corrected or removed, an
 * account mapping changed. Each form shows the record's current values, or — after a refusal — what was typed.
 */
import type { FederationRef } from '../context.ts';
import { sectionLabels, sections, type BudgetLine } from '../../core/economy/types.ts';
import { formatKronor, formatNumber } from '../../core/format.ts';
import { Layout } from '../kit/layout.tsx';
import { AmountField, Form, SelectField, SubmitButton, TextAreaField, TextField, formState } from '../kit/form.tsx';
import { RemoveForm } from '../kit/removal.tsx';

/** A budget line's page: the line, why it cannot be removed (if so) and where "back" goes. */
export interface BudgetLinePageModel {
  readonly federation: FederationRef;
  readonly line: BudgetLine;
  /** What still uses the line (Swedish phrases); empty when it can be removed. */
  readonly uses: readonly string[];
  /** The budget the user came from. */
  readonly backHref: string;
}

export function BudgetLinePage(props: { model: BudgetLinePageModel }) {
  const { federation: f, line, uses } = props.model;
  const base = `/f/${f.id}/budgetposter/${line.id}`;
  const s = formState(base, { section: line.section, label: line.label });
  return (
    <Layout title={`Budgetpost ${line.label}`} federation={f}>
      <h1>Budgetpost: {line.label}</h1>
      <p>Budgetposterna gäller alla år. Ett nytt namn syns i alla års budget, utfall och rapporter.</p>
      <Form action={base} label="Byt namn eller avsnitt">
        <SelectField {...s.bind('section')} label="Avsnitt" required options={sections.map((x) => ({ value: x, label: sectionLabels[x] }))} />
        <TextField {...s.bind('label')} label="Budgetpost" required />
        <SubmitButton label="Spara" />
      </Form>
      <h2>Ta bort</h2>
      {uses.length ? (
        <p>Budgetposten kan inte tas bort: {uses.join(', ')}.</p>
      ) : (
        <RemoveForm action={`${base}/ta-bort`} what={`budgetposten ${line.label}`} />
      )}
      <p>
        <a href={props.model.backHref}>Tillbaka till budgeten</a>
      </p>
    </Layout>
  );
}

/** A budget line in a tilläggsbudget's form (id and name). */
export interface RevisionLine {
  readonly lineId: number;
  readonly label: string;
}

/** A tilläggsbudget to correct: its date, decision and lines, and the year's other lines it may add. */
export interface RevisionPageModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly revision: {
    readonly id: number;
    readonly decidedOn: string;
    readonly decision: string;
    readonly lines: readonly (RevisionLine & { readonly incomeOre: number; readonly costOre: number })[];
  };
  /** The year's budget lines the revision does not have. */
  readonly otherLines: readonly RevisionLine[];
}

/** An amount as typed into the form: whole kronor without decimals, else with two ("-" for minus, plain spaces). */
const inputKr = (ore: number) => (ore % 100 === 0 ? formatKronor(ore) : formatNumber(ore / 100, 2)).replace('\u2212', '-').replace(/\u00a0/g, ' ');

/** Income and cost of one line in the revision's form. */
function RevisionLineFields(props: { line: RevisionLine; s: ReturnType<typeof formState> }) {
  const { line, s } = props;
  return (
    <div class="form-row">
      <AmountField {...s.bind(`income-${line.lineId}`)} label={`${line.label}: intäkt`} hint="" />
      <AmountField {...s.bind(`cost-${line.lineId}`)} label={`${line.label}: kostnad`} hint="" />
    </div>
  );
}

export function RevisionPage(props: { model: RevisionPageModel }) {
  const { federation: f, year, revision: r, otherLines } = props.model;
  const base = `/f/${f.id}/ar/${year}/budget/tillaggsbudget/${r.id}`;
  const defaults: Record<string, string> = { decidedOn: r.decidedOn, decision: r.decision };
  for (const l of r.lines) {
    defaults[`income-${l.lineId}`] = inputKr(l.incomeOre);
    defaults[`cost-${l.lineId}`] = inputKr(l.costOre);
  }
  const s = formState(base, defaults);
  return (
    <Layout title={`Ändra tilläggsbudget ${r.decidedOn}`} federation={f}>
      <h1>
        Ändra tilläggsbudget {r.decidedOn} ({year})
      </h1>
      <Form action={base} label="Ändra tilläggsbudget">
        <TextField {...s.bind('decidedOn')} label="Beslutsdatum" type="date" required />
        <TextAreaField {...s.bind('decision')} label="Beslut" required />
        <fieldset>
          <legend>Belopp enligt tilläggsbudgeten (kronor)</legend>
          <p class="hint">Töm båda fälten för att ta bort en budgetpost ur tilläggsbudgeten.</p>
          {r.lines.map((l) => (
            <RevisionLineFields line={l} s={s} />
          ))}
        </fieldset>
        {otherLines.length ? (
          <fieldset>
            <legend>Lägg till budgetposter i tilläggsbudgeten (kronor)</legend>
            <p class="hint">Fyll i beloppen för de poster som tilläggsbudgeten också ändrar; tomma poster tas inte med.</p>
            {otherLines.map((l) => (
              <RevisionLineFields line={l} s={s} />
            ))}
          </fieldset>
        ) : null}
        <SubmitButton label="Spara ändringen" />
      </Form>
      <h2>Ta bort</h2>
      <RemoveForm action={`${base}/ta-bort`} what={`tilläggsbudgeten beslutad ${r.decidedOn}`} note="Budgeten räknas då utan tilläggsbudgetens belopp." />
      <p>
        <a href={`/f/${f.id}/ar/${year}/budget#tillaggsbudgetar`}>Tillbaka till budget {year}</a>
      </p>
    </Layout>
  );
}

/** An account mapping to change: its budget line, accounts and object as typed ("4000-4999", "6:P01"). */
export interface MappingEditPageModel {
  readonly federation: FederationRef;
  readonly mapping: { readonly id: number; readonly budgetLineId: number; readonly accounts: string; readonly object: string };
  readonly lines: readonly BudgetLine[];
}

export function MappingEditPage(props: { model: MappingEditPageModel }) {
  const { federation: f, mapping: m, lines } = props.model;
  const base = `/f/${f.id}/ledger/mapping/${m.id}`;
  const s = formState(base, { budgetLineId: m.budgetLineId, accounts: m.accounts, object: m.object });
  return (
    <Layout title="Ändra koppling" federation={f}>
      <h1>Ändra koppling till budgetpost</h1>
      <Form action={base} label="Ändra koppling">
        <SelectField {...s.bind('budgetLineId')} label="Budgetpost" required options={lines.map((l) => ({ value: String(l.id), label: `${sectionLabels[l.section]}: ${l.label}` }))} />
        <TextField {...s.bind('accounts')} label="Konton" hint="Ett konto eller ett intervall, t.ex. 4610 eller 4000-4999" />
        <TextField {...s.bind('object')} label="Objekt" hint="dimension:objekt, t.ex. 6:P01" />
        <SubmitButton label="Spara ändringen" />
      </Form>
      <p>
        <a href={`/f/${f.id}/ledger/mapping`}>Tillbaka till kopplingarna</a>
      </p>
    </Layout>
  );
}
