/** One intervention's page: facts, staffing, money, goals, and the forms for whoever writes it. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { InterventionKind } from '../../core/interventions/vocabulary.ts';
import type { Intervention } from '../../services/interventions/interventions.ts';
import type { Goal } from '../../services/interventions/goals.ts';
import { fmtKronor, fmtNumber, fmtPercent } from '../kit/format.ts';
import { GoalForm, GoalList, InterventionForm, MoneyForms } from './forms.tsx';

type Named = { id: number; name: string };
type BudgetLineOption = { id: number; label: string };

/** One intervention: facts, staffing, money, goals, and for whoever writes it the forms. */
export interface InterventionModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly csrf: string | undefined;
  readonly intervention: Intervention;
  readonly goals: readonly Goal[];
  readonly members: readonly Named[];
  /** The budget lines of the change form (empty when the user cannot write). */
  readonly budgetLines: readonly BudgetLineOption[];
  readonly canWrite: boolean;
  readonly canParticipants: boolean;
  readonly canActivities: boolean;
}

export function InterventionPage(props: { model: InterventionModel }) {
  const { federation: f, year, csrf, intervention: i, goals, members, budgetLines, canWrite, canParticipants, canActivities } = props.model;
  const base = `/f/${f.id}/insatser/${i.id}`;
  return (
    <Layout title={i.name} federation={f}>
      <h1>{i.name}</h1>
      <ul>
        {canParticipants ? (
          <li>
            <a href={`${base}/deltagare`}>Deltagare</a>
          </li>
        ) : null}
        {i.kind === 'structural' && canActivities ? (
          <li>
            <a href={`/f/${f.id}/strukturaktiviteter?ar=${year}`}>Aktiviteter {year}</a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/statistik?ar=${year}`}>Statistik {year}</a>
        </li>
        <li>
          Uppföljning {year} (deltagare efter kön): <a href={`${base}/uppfoljning-${year}.csv`}>CSV</a>, <a href={`${base}/uppfoljning-${year}.xlsx`}>Excel</a>
        </li>
      </ul>
      <dl class="facts">
        <dt>Typ</dt>
        <dd>{InterventionKind.label(i.kind)}</dd>
        <dt>Insatsägare</dt>
        <dd>{i.ownerName ?? '–'}</dd>
        <dt>Medverkande medlemmar</dt>
        <dd>{i.participatingMembers.map((m) => m.name).join(', ') || '–'}</dd>
        <dt>Period</dt>
        <dd>
          {i.periodStart} – {i.periodEnd ?? 'tills vidare'}
        </dd>
        <dt>Målgrupp</dt>
        <dd>{i.targetGroup || '–'}</dd>
        <dt>Kommuner</dt>
        <dd>{i.municipalitiesServed.join(', ') || '–'}</dd>
        <dt>Kapacitet</dt>
        <dd>{i.capacity === null ? '–' : `${fmtNumber(i.capacity)} deltagare samtidigt`}</dd>
        <dt>Styrgrupp</dt>
        <dd>{i.steeringGroup || '–'}</dd>
        <dt>Budgetpost</dt>
        <dd>{i.budgetLineLabel ?? '–'}</dd>
      </dl>

      <ScrollTable>
        <table>
        <caption>Bemanning per medlem (årsarbetare)</caption>
        <thead>
          <tr>
            <th scope="col">Medlem</th>
            <th scope="col">Roll</th>
            <th scope="col" class="num">Tjänstgöringsgrad</th>
            {canWrite ? <th scope="col">Åtgärd</th> : null}
          </tr>
        </thead>
        <tbody>
          {i.staffing.map((s) => (
            <tr>
              <td>{s.memberName}</td>
              <th scope="row">{s.role}</th>
              <td class="num">{fmtNumber(s.fte)}</td>
              {canWrite ? (
                <td>
                  <a href={`${base}/bemanning/${s.id}`} aria-label={`Ändra bemanning ${s.role}, ${s.memberName}`}>
                    Ändra
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="total">
            <th scope="row" colspan={2}>
              Totalt
            </th>
            <td class="num">{fmtNumber(i.staffing.reduce((s, x) => s + x.fte, 0))}</td>
            {canWrite ? <td></td> : null}
          </tr>
        </tfoot>
        </table>
      </ScrollTable>

      <ScrollTable>
        <table>
        <caption>Beslutade och rekvirerade medel, förbrukningsgrad</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col" class="num">Beslutade medel, kr</th>
            <th scope="col" class="num">Rekvirerat, kr</th>
            <th scope="col" class="num">Förbrukning</th>
          </tr>
        </thead>
        <tbody>
          {i.consumption.map((l) => (
            <tr class={l.year === null ? 'total' : undefined}>
              <th scope="row">{l.year ?? 'Hela perioden'}</th>
              <td class="num">{fmtKronor(l.decidedOre)}</td>
              <td class="num">{fmtKronor(l.usedOre)}</td>
              <td class="num">{fmtPercent(l.ratePercent)}</td>
            </tr>
          ))}
        </tbody>
        </table>
      </ScrollTable>

      <ScrollTable>
        <table>
        <caption>Beslut om medel</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col">Beslutsdatum</th>
            <th scope="col">Referens</th>
            <th scope="col" class="num">Belopp, kr</th>
            {canWrite ? <th scope="col">Åtgärd</th> : null}
          </tr>
        </thead>
        <tbody>
          {i.grants.map((g) => (
            <tr>
              <th scope="row">{g.year}</th>
              <td>{g.decisionDate}</td>
              <td>{g.reference}</td>
              <td class="num">{fmtKronor(g.decidedOre)}</td>
              {canWrite ? (
                <td>
                  <a href={`${base}/beslut/${g.id}`} aria-label={`Ändra beslutet ${g.decisionDate} ${g.reference}`}>
                    Ändra
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        </table>
      </ScrollTable>

      <ScrollTable>
        <table>
        <caption>Rekvisitioner</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Anteckning</th>
            <th scope="col" class="num">Belopp, kr</th>
            {canWrite ? <th scope="col">Åtgärd</th> : null}
          </tr>
        </thead>
        <tbody>
          {i.requisitions.map((r) => (
            <tr>
              <th scope="row">{r.date}</th>
              <td>{r.note}</td>
              <td class="num">{fmtKronor(r.amountOre)}</td>
              {canWrite ? (
                <td>
                  <a href={`${base}/rekvisitioner/${r.id}`} aria-label={`Ändra rekvisitionen ${r.date}`}>
                    Ändra
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        </table>
      </ScrollTable>

      <h2>Mål</h2>
      <GoalList federationId={f.id} csrf={csrf} goals={goals} year={year} action={canWrite ? (gid) => `/f/${f.id}/mal/${gid}/bedomning` : undefined} />

      {canWrite ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Registrera</h2>
          <InterventionForm csrf={csrf} action={`${base}/andra`} heading="Ändra uppgifter om insatsen" members={members} budgetLines={budgetLines} value={i} />
          <GoalForm csrf={csrf} action={`${base}/mal`} />
          <MoneyForms base={base} year={year} members={members} />
        </section>
      ) : null}
    </Layout>
  );
}
