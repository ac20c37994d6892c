/**
 * The förbund's members (list, add, change, remove) and its years (links to each year's allocation, a new year):
 * views of MembersPageModel and EditMemberModel, which the route's loaders build (src/http/economy/memberRoutes.tsx).
 */
import type { FederationRef } from '../context.ts';
import { memberKindLabels, memberKinds, type Member } from '../../core/economy/types.ts';
import { DataTable } from '../kit/dataTable.tsx';
import { AmountField, ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../kit/form.tsx';
import { RemoveForm } from '../kit/removal.tsx';
import { Layout } from '../kit/layout.tsx';
import { kronorText as kr } from '../kit/present.ts';

/** The members page: members, the förbund's years with their allocation, and a refused form's values and errors. */
export interface MembersPageModel {
  readonly federation: FederationRef;
  readonly members: readonly Member[];
  readonly years: readonly { readonly year: number; readonly allocationOre: number | null }[];
  /** Editing links and forms only for those who may change the economy. */
  readonly canWrite: boolean;
  /** A refused new member. */
  readonly errors?: FieldErrors | undefined;
  readonly values?: Readonly<Record<string, string>> | undefined;
  /** A refused new year. */
  readonly yearErrors?: FieldErrors | undefined;
  readonly yearValues?: Readonly<Record<string, string>> | undefined;
}

/** The page changing (or removing) one member: the values shown (current or posted) and any errors. */
export interface EditMemberModel {
  readonly federation: FederationRef;
  readonly member: Member;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: FieldErrors;
  /** Problems not tied to a field (a member that cannot be removed). */
  readonly general: readonly string[];
}

const kindOptions = memberKinds.map((k) => ({ value: k, label: memberKindLabels[k] }));

export function MembersPage(props: { model: MembersPageModel }) {
  const { federation, members, years, ...opts } = props.model;
  return (
    <Layout title="Medlemmar och medelstilldelning" federation={federation}>
      <h1>Medlemmar och medelstilldelning</h1>
      <DataTable
        caption={`Medlemmar i ${federation.name}`}
        columns={[{ heading: 'Medlem' }, { heading: 'Typ' }, ...(opts.canWrite ? [{ heading: 'Åtgärd' }] : [])]}
        rows={members.map((m) => ({
          cells: [
            m.name,
            memberKindLabels[m.kind],
            ...(opts.canWrite
              ? [
                  <a href={`/f/${federation.id}/medlemmar/${m.id}`} aria-label={`Ändra ${m.name}`}>
                    Ändra
                  </a>,
                ]
              : []),
          ],
        }))}
        empty="Inga medlemmar ännu."
      />
      {opts.canWrite ? (
      <section aria-labelledby="new-member-title">
        <h2 id="new-member-title">Lägg till medlem</h2>
        <ErrorSummary errors={opts.errors} />
        <Form action={`/f/${federation.id}/medlemmar`} label="Lägg till medlem">
          <MemberFields values={opts.values ?? {}} errors={opts.errors ?? {}} />
          <SubmitButton label="Lägg till" />
        </Form>
      </section>
      ) : null}
      <h2>Medelstilldelning per år</h2>
      {years.length ? (
        <ul>
          {[...years].reverse().map((y) => (
            <li>
              <a href={`/f/${federation.id}/ar/${y.year}/medelstilldelning`}>
                Medelstilldelning {y.year}
                {y.allocationOre === null ? '' : `: ${kr(y.allocationOre)}`}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Inga räkenskapsår ännu.</p>
      )}
      {opts.canWrite ? (
      <section aria-labelledby="new-year-title">
        <h3 id="new-year-title">Nytt år</h3>
        <p>Ett nytt år utgår från föregående år: budgetposterna kopieras (justera beloppen), fördelningsnyckeln förs över och ingående eget kapital blir föregående års utgående eget kapital.</p>
        <ErrorSummary errors={opts.yearErrors} />
        <Form action={`/f/${federation.id}/ar`} label="Nytt år">
          <div class="form-row">
            <TextField name="year" label="År" inputmode="numeric" size={6} value={opts.yearValues?.year} error={opts.yearErrors?.year} />
            <AmountField name="allocation" label="Medelstilldelning" value={opts.yearValues?.allocation} error={opts.yearErrors?.allocation} />
          </div>
          <SubmitButton label="Lägg till år" />
        </Form>
      </section>
      ) : null}
    </Layout>
  );
}

export function EditMemberPage(props: { model: EditMemberModel }) {
  const { federation, member, values, errors, general } = props.model;
  return (
    <Layout title={`Ändra ${member.name}`} federation={federation}>
      <h1>Ändra medlem: {member.name}</h1>
      <ErrorSummary errors={errors} general={general} />
      <Form action={`/f/${federation.id}/medlemmar/${member.id}`} label={`Ändra ${member.name}`}>
        <MemberFields values={values} errors={errors} />
        <SubmitButton label="Spara" />
      </Form>
      <h2>Ta bort</h2>
      <p>En medlem som har bidrag eller ingår i en fördelningsnyckel kan inte tas bort.</p>
      <RemoveForm action={`/f/${federation.id}/medlemmar/${member.id}/ta-bort`} what={`medlemmen ${member.name}`} />
      <p>
        <a href={`/f/${federation.id}/medlemmar`}>Tillbaka till medlemmar</a>
      </p>
    </Layout>
  );
}

/** A member's fields, the same on the new and the change form. */
function MemberFields(props: { values: Readonly<Record<string, string>>; errors: FieldErrors }) {
  return (
    <div class="form-row">
      <TextField name="name" label="Namn" value={props.values.name} error={props.errors.name} required />
      <SelectField name="kind" label="Typ" value={props.values.kind ?? ''} error={props.errors.kind} options={[{ value: '', label: 'Välj typ' }, ...kindOptions]} />
      <TextField name="sortOrder" label="Ordning i listor" inputmode="numeric" size={4} value={props.values.sortOrder} error={props.errors.sortOrder} hint="Valfritt heltal" />
    </div>
  );
}
