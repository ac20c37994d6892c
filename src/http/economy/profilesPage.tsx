/**
 * Periodisering: how each budget line's year amount falls over the months (src/core/economy/budgetProfile.ts).
 * A view of ProfilesPageModel, which the route's loader builds (src/http/economy/profileRoutes.tsx).
 */
import type { FederationRef } from '../context.ts';
import { budgetProfileLabels, budgetProfiles, defaultProfile, type BudgetProfile } from '../../core/economy/budgetProfile.ts';
import { sectionLabels, type BudgetLine } from '../../core/economy/types.ts';
import { Form, SelectField, SubmitButton } from '../kit/form.tsx';
import { Layout } from '../kit/layout.tsx';

export interface ProfilesPageModel {
  readonly federation: FederationRef;
  /** The förbund's budget lines with their own profile (null: the section's default). */
  readonly lines: readonly (BudgetLine & { readonly profile: BudgetProfile | null })[];
  /** The form for those who may change the budget; a list for the others. */
  readonly canWrite: boolean;
}

export function ProfilesPage(props: { model: ProfilesPageModel }) {
  const { federation, lines, canWrite } = props.model;
  const options = [
    { value: '', label: 'Standard för avsnittet' },
    ...budgetProfiles.map((p) => ({ value: p, label: budgetProfileLabels[p] })),
  ];
  return (
    <Layout title="Periodisering av budgeten" federation={federation}>
      <h1>Periodisering av budgeten</h1>
      <p>
        Periodiseringen säger hur en budgetposts årsbelopp fördelar sig över månaderna. Prognosen för helåret delar utfallet hittills med den
        andel av årsbudgeten som periodiseringen väntar sig till och med senaste månaden med utfall, och budget hittills räknas på samma sätt.
        Utan eget val är intäkter (medlemmarnas inbetalningar) kvartalsvisa och kostnader jämnt fördelade.
      </p>
      {canWrite ? (
        <Form action={`/f/${federation.id}/periodisering`} label="Periodisering per budgetpost">
          {lines.map((l) => (
            <SelectField
              name={`profile-${l.id}`}
              label={`${l.label} (${sectionLabels[l.section]}; standard: ${budgetProfileLabels[defaultProfile(l.section)]})`}
              value={l.profile ?? ''}
              options={options}
            />
          ))}
          <SubmitButton label="Spara periodiseringen" />
        </Form>
      ) : (
        <ul>
          {lines.map((l) => (
            <li>
              {l.label}: {budgetProfileLabels[l.profile ?? defaultProfile(l.section)]}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
