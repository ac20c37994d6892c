/** The intervention list, with money, the year's goal assessments and the förbund's own goals. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { InterventionKind } from '../../core/interventions/vocabulary.ts';
import type { Intervention } from '../../services/interventions/interventions.ts';
import type { Goal } from '../../services/interventions/goals.ts';
import { AssessmentBadge } from './assessmentBadge.tsx';
import { fmtKronor, fmtPercent } from '../kit/format.ts';
import { GoalForm, GoalList, InterventionForm } from './forms.tsx';

type Named = { id: number; name: string };
type BudgetLineOption = { id: number; label: string };

/** The interventions the user reads, with their money and the year's goal assessments, and the förbund's own goals. */
export interface InterventionListModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly csrf: string | undefined;
  readonly details: readonly Intervention[];
  readonly goalsOf: ReadonlyMap<number, readonly Goal[]>;
  /** Reads all the förbund's interventions (then sees the förbund's goals). */
  readonly readsAll: boolean;
  readonly federationGoals: readonly Goal[];
  readonly canWrite: boolean;
  readonly members: readonly Named[];
  readonly budgetLines: readonly BudgetLineOption[];
}

export function InterventionListPage(props: { model: InterventionListModel }) {
  const { federation: f, year, csrf, details, goalsOf, readsAll, federationGoals, canWrite, members, budgetLines } = props.model;
  const base = `/f/${f.id}/insatser`;
  return (
    <Layout title="Insatser" federation={f}>
      <h1>Insatser</h1>
      <p>
        <a href={`/f/${f.id}/statistik?ar=${year}`}>Deltagarstatistik {year}</a> · <a href={`/f/${f.id}/strukturaktiviteter?ar=${year}`}>Strukturinsatsernas aktiviteter {year}</a>
      </p>
      {details.length ? (
        <ScrollTable>
          <table>
          <caption>Insatser med beviljade och rekvirerade medel {year}</caption>
          <thead>
            <tr>
              <th scope="col">Insats</th>
              <th scope="col">Typ</th>
              <th scope="col">Insatsägare</th>
              <th scope="col" class="num">Beslutade medel {year}, kr</th>
              <th scope="col" class="num">Rekvirerat {year}, kr</th>
              <th scope="col" class="num">Förbrukning {year}</th>
              <th scope="col" class="num">Förbrukning hela perioden</th>
              <th scope="col">Måluppfyllelse {year}</th>
            </tr>
          </thead>
          <tbody>
            {details.map((i) => {
              const y = i.consumption.find((l) => l.year === year);
              const period = i.consumption.find((l) => l.year === null)!;
              return (
                <tr>
                  <th scope="row">
                    <a href={`${base}/${i.id}`}>{i.name}</a>
                  </th>
                  <td>{InterventionKind.label(i.kind)}</td>
                  <td>{i.ownerName ?? '–'}</td>
                  <td class="num">{y ? fmtKronor(y.decidedOre) : '0'}</td>
                  <td class="num">{y ? fmtKronor(y.usedOre) : '0'}</td>
                  <td class="num">{fmtPercent(y?.ratePercent ?? null)}</td>
                  <td class="num">{fmtPercent(period.ratePercent)}</td>
                  <td>
                    {(goalsOf.get(i.id) ?? []).flatMap((g) => g.assessments.filter((a) => a.year === year)).map((a) => (
                      <>
                        <AssessmentBadge assessment={a.assessment} />{' '}
                      </>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>Inga insatser registrerade.</p>
      )}
      {readsAll ? (
        <>
          <h2>Förbundets mål</h2>
          <GoalList federationId={f.id} csrf={csrf} goals={federationGoals} year={year} action={canWrite ? (id) => `/f/${f.id}/mal/${id}/bedomning` : undefined} />
        </>
      ) : null}
      {canWrite ? <GoalForm csrf={csrf} action={`/f/${f.id}/mal`} /> : null}
      {canWrite ? <InterventionForm csrf={csrf} action={base} heading="Registrera insats" members={members} budgetLines={budgetLines} /> : null}
    </Layout>
  );
}
