import type { FederationRef } from '../context.ts';
import type { InputError } from '../../core/errors.ts';
import type { BudgetLineRow, LedgerOutcome, ledgerNames, listMappings } from '../../services/ledger/mapping.ts';
import { Form, FormSecurityFields, SelectField, SubmitButton, TextField, formState } from '../kit/form.tsx';
import { RemoveInRow } from '../kit/removal.tsx';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { formatKronor, objectsText } from './format.ts';

const sectionLabels: Record<string, string> = {
  income: 'Intäkter',
  administration: 'Administration',
  individual: 'Individinsatser',
  structural: 'Strukturpåverkande insatser',
  process_support: 'Processtöd samverkansinsatser',
};

/** The mapping page: the year's unmapped outcome, the mappings, the form for a new one and the outcome per budget line. */
export interface MappingPageModel {
  readonly federation: FederationRef;
  readonly years: readonly number[];
  readonly year: number | null;
  readonly lines: readonly BudgetLineRow[];
  readonly mappings: Awaited<ReturnType<typeof listMappings>>;
  readonly outcome: LedgerOutcome | null;
  readonly names: Awaited<ReturnType<typeof ledgerNames>>;
  readonly canEdit: boolean;
  readonly error?: InputError | undefined;
}

/** A new mapping: budget line (chosen, never preselected), accounts and/or object. */
function NewMappingForm(props: { action: string; year: number | null; lines: readonly { id: number; label: string; section: string }[]; objects: readonly { dimension: string; code: string; dimensionName: string; name: string }[] }) {
  const s = formState(props.action, { year: props.year });
  return (
    <Form action={props.action} label="Ny koppling">
      <h2>Ny koppling</h2>
      <input type="hidden" name="year" value={s.value('year')} />
      <SelectField
        {...s.bind('budgetLineId')}
        label="Budgetpost"
        required
        options={[...new Set(props.lines.map((l) => l.section))].flatMap((sec) => props.lines.filter((l) => l.section === sec).map((l) => ({ value: String(l.id), label: `${sectionLabels[sec] ?? sec}: ${l.label}` })))}
      />
      <TextField {...s.bind('accounts')} label="Konton" hint="Ett konto eller ett intervall, t.ex. 4610 eller 4000-4999" inputmode="numeric" />
      <TextField {...s.bind('object')} label="Objekt" hint="dimension:objekt, t.ex. 6:P01 (förslag ur huvudboken)" list="ledger-objects" />
      <datalist id="ledger-objects">
        {props.objects.map((o) => (
          <option value={`${o.dimension}:${o.code}`}>
            {o.dimensionName}: {o.name}
          </option>
        ))}
      </datalist>
      <SubmitButton label="Spara kopplingen" />
    </Form>
  );
}

export function MappingPage(props: { model: MappingPageModel }) {
  const model = props.model;
  const base = `/f/${model.federation.id}/ledger/mapping`;
  const objectName = (dimension: string | null, code: string | null) => model.names.objects.find((o) => o.dimension === dimension && o.code === code)?.name;
  const lineById = new Map(model.lines.map((l) => [l.id, l]));
  return (
    <Layout title="Koppling till budgetposter" federation={model.federation}>
      <h1>Koppling av konton och objekt till budgetposter</h1>
      <p>
        Utfallet per budgetpost räknas ur huvudbokens verifikationer: varje rad på ett intäkts- eller kostnadskonto förs till den mest specifika
        kopplingen (objekt och konton före objekt, objekt före enskilt konto, enskilt konto före intervall). Rader som ingen koppling fångar visas nedan
        som en varning, med belopp – de tas aldrig bort.
      </p>
      {model.years.length ? (
        <form method="get" action={base}>
          <label for="year">Räkenskapsår</label>
          <select id="year" name="year">
            {model.years.map((y) => (
              <option value={String(y)} selected={y === model.year}>
                {y}
              </option>
            ))}
          </select>{' '}
          <button type="submit">Visa</button>
        </form>
      ) : (
        <p>Ingen huvudbok är inläst ännu.</p>
      )}
      {model.error ? (
        <div class="error" role="alert">
          {model.error.problems.map((p) => (
            <p>{p.message}</p>
          ))}
        </div>
      ) : null}
      {model.outcome && model.outcome.unmapped.length ? (
        <div class="warning" role="note">
          <ScrollTable>
            <table>
            <caption>Utfall {model.year} som inte är kopplat till någon budgetpost</caption>
            <thead>
              <tr>
                <th scope="col">Konto</th>
                <th scope="col">Objekt</th>
                <th scope="col" class="num">Intäkt (kr)</th>
                <th scope="col" class="num">Kostnad (kr)</th>
              </tr>
            </thead>
            <tbody>
              {model.outcome.unmapped.map((u) => (
                <tr>
                  <th scope="row">
                    {u.account} {model.names.accounts.get(u.account) ?? ''}
                  </th>
                  <td>{objectsText(u.objects)}</td>
                  <td class="num">{formatKronor(u.incomeOre)}</td>
                  <td class="num">{formatKronor(u.costOre)}</td>
                </tr>
              ))}
            </tbody>
            </table>
          </ScrollTable>
        </div>
      ) : model.outcome ? (
        <p role="status">Allt utfall {model.year} på intäkts- och kostnadskonton är kopplat till budgetposter.</p>
      ) : null}
      <ScrollTable>
        <table>
        <caption>Kopplingar</caption>
        <thead>
          <tr>
            <th scope="col">Budgetpost</th>
            <th scope="col">Konton</th>
            <th scope="col">Objekt</th>
            {model.canEdit ? <th scope="col">Åtgärd</th> : null}
          </tr>
        </thead>
        <tbody>
          {model.mappings.map((m) => (
            <tr>
              <th scope="row">
                {m.budgetLineLabel} <span class="muted">({sectionLabels[m.budgetLineSection] ?? m.budgetLineSection})</span>
              </th>
              <td>{m.accountFrom === null ? 'alla' : m.accountFrom === m.accountTo ? m.accountFrom : `${m.accountFrom}–${m.accountTo}`}</td>
              <td>{m.dimension === null ? '–' : `${m.dimension}:${m.objectCode} ${objectName(m.dimension, m.objectCode) ?? ''}`}</td>
              {model.canEdit ? (
                <td>
                  <a href={`${base}/${m.id}`} aria-label={`Ändra kopplingen till ${m.budgetLineLabel}`}>
                    Ändra
                  </a>{' '}
                  <RemoveInRow action={`${base}/${m.id}/delete`} what={`kontokopplingen till ${m.budgetLineLabel}`} hidden={{ year: model.year === null ? '' : String(model.year) }} />
                </td>
              ) : null}
            </tr>
          ))}
          {model.mappings.length === 0 ? (
            <tr>
              <td colspan={model.canEdit ? 4 : 3}>Inga kopplingar ännu.</td>
            </tr>
          ) : null}
        </tbody>
        </table>
      </ScrollTable>
      {model.canEdit ? (
        model.lines.length ? (
          <NewMappingForm action={base} year={model.year} lines={model.lines} objects={model.names.objects} />
        ) : (
          <p>Förbundet har inga budgetposter ännu; lägg upp budgeten först.</p>
        )
      ) : null}
      {model.outcome ? (
        <ScrollTable>
          <table>
          <caption>Utfall {model.year} per budgetpost ur huvudboken (kr)</caption>
          <thead>
            <tr>
              <th scope="col">Budgetpost</th>
              <th scope="col" class="num">Intäkt</th>
              <th scope="col" class="num">Kostnad</th>
            </tr>
          </thead>
          <tbody>
            {model.outcome.lines.map((l) => (
              <tr>
                <th scope="row">{lineById.get(l.budgetLineId)?.label ?? l.budgetLineId}</th>
                <td class="num">{formatKronor(l.incomeOre)}</td>
                <td class="num">{formatKronor(l.costOre)}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </Layout>
  );
}
