/** A round's results (stacked bars beside the table) and the groups side by side. */
import { ScrollTable } from '../kit/scrollTable.tsx';
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { StackedBar, StackedLegend } from '../kit/stackedBar.tsx';
import { formatNumber } from '../../core/format.ts';
import { tooFewAnswers } from '../../core/surveys/results.ts';
import { hiddenGroup } from '../../core/surveys/tables.ts';
import type { RoundResults, SharedStatement, StatementResults } from '../../services/surveys/results.ts';
import { groupLabel, pct, points, surveysBase } from './parts.ts';

function StatementBlock(props: { s: StatementResults; nr: number; idPrefix: string }) {
  const { s } = props;
  const r = s.result;
  const id = `${props.idPrefix}-${s.id}`;
  return (
    <section class="survey-result" aria-labelledby={`${id}-h`}>
      <div>
        <h3 id={`${id}-h`}>
          {props.nr}. {s.text} {r.n === null ? null : <span class="unit">(n={r.n})</span>}
        </h3>
        {r.percents ? <StackedBar id={`${id}-chart`} label={`${s.text}: andel per svarsalternativ`} scale={s.scale} percents={r.percents} /> : <p class="hidden-result">{!r.hidden ? 'Inga svar.' : r.n === null ? `Visas inte: ${hiddenGroup}.` : `Visas inte: ${tooFewAnswers} (färre än minsta antal).`}</p>}
        {s.assessment ? (
          <p>
            Samlad bedömning: <strong>{s.assessment}</strong>
          </p>
        ) : null}
      </div>
      <table>
        <caption class="visually-hidden">{s.text}</caption>
        <thead>
          <tr>
            <th scope="col">Svar</th>
            <th scope="col" class="num">
              Andel
            </th>
            <th scope="col" class="num">
              Förändring
            </th>
          </tr>
        </thead>
        <tbody>
          {s.scale.map((label, i) => (
            <tr>
              <th scope="row">{label}</th>
              <td class="num">{r.percents ? pct(r.percents[i]!) : '–'}</td>
              <td class="num">{s.change ? `${points(s.change[i]!)} p.e.` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StatementList(props: { statements: readonly StatementResults[]; idPrefix: string }) {
  const scales: string[][] = [];
  for (const s of props.statements) if (!scales.some((x) => x.join('|') === s.scale.join('|'))) scales.push([...s.scale]);
  let nr = 0;
  return (
    <>
      {scales.map((scale, si) => (
        <>
          <StackedLegend id={`${props.idPrefix}-legend-${si}`} scale={scale} />
          {props.statements
            .filter((s) => s.scale.join('|') === scale.join('|'))
            .map((s) => {
              nr = props.statements.indexOf(s) + 1;
              return <StatementBlock s={s} nr={nr} idPrefix={props.idPrefix} />;
            })}
        </>
      ))}
    </>
  );
}

/** A round's results; the free texts only for the kansli (null for the others). */
export interface ResultsPageModel {
  readonly federation: FederationRef;
  /** The kansli: sees the number of answers so far while the round is not published. */
  readonly progress?: boolean;
  readonly roundId: number;
  readonly results: RoundResults;
  readonly freeTexts: readonly string[] | null;
}

export function ResultsPage(props: { model: ResultsPageModel }) {
  const { federation: f, roundId: id, results: res, freeTexts: texts } = props.model;
  const base = surveysBase(f);
  const national = res.statements.filter((s) => !s.local);
  const local = res.statements.filter((s) => s.local);
  return (
    <Layout title={`Resultat: ${res.round.name}`} federation={f}>
      <h1>Resultat: {res.round.name}</h1>
      {res.published ? (
        <p>
          {res.setName} ({res.setId}), {res.round.year}, {groupLabel(res.round.group)}. {formatNumber(res.round.responses)} svar
          {res.paperResponses ? `, varav ${formatNumber(res.paperResponses)} på papper` : ''}. Andelar i hela procent (största resten); n = antal som valt ett
          svarsalternativ. Färre än {res.minCellSize} svar visas inte, och en insats visas inte om den går att räkna fram ur helheten och de andra.{' '}
          {res.previousRound ? `Förändring mot ${res.previousRound.name} (${res.previousRound.year}) i procentenheter.` : 'Ingen omgång året före att jämföra med.'}
        </p>
      ) : (
        <p class="notice">
          Resultaten publiceras {res.round.publishedFrom}, när omgången har stängt: de visas aldrig medan svaren kommer in, eftersom den som läser före och
          efter ett svar annars kan se vad det var.{props.model.progress ? ` Hittills ${formatNumber(res.round.responses)} svar.` : ''}
        </p>
      )}
      <ul class="downloads">
        <li>
          <a href={`${base}/${id}/resultat.xlsx`} download>
            Ladda ned Excel (XLSX)
          </a>
        </li>
        <li>
          <a href={`${base}/${id}/resultat.csv`} download>
            Ladda ned CSV
          </a>
        </li>
      </ul>
      {res.published ? (
        <>
          <h2>Hela förbundet</h2>
          <StatementList statements={national} idPrefix="all" />
          {local.length ? (
            <>
              <h2>Förbundets egna frågor</h2>
              <StatementList statements={local} idPrefix="local" />
            </>
          ) : null}
          {res.byIntervention.map((iv) => (
            <>
              <h2>
                {iv.name} ({iv.responses === null ? 'antal svar visas inte' : `${formatNumber(iv.responses)} svar`})
              </h2>
              <StatementList statements={iv.statements} idPrefix={`iv${iv.id}`} />
            </>
          ))}
        </>
      ) : null}
      {texts ? (
        <section aria-labelledby="fritext">
          <h2 id="fritext">Fritextsvar (bara för kansliet, exporteras aldrig)</h2>
          {texts.length ? (
            <ul>
              {texts.map((t) => (
                <li>{t}</li>
              ))}
            </ul>
          ) : (
            <p>Inga fritextsvar.</p>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

/** The statements several groups were asked the same year, group by group. */
export interface ComparisonModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly shared: readonly SharedStatement[];
}

export function ComparisonPage(props: { model: ComparisonModel }) {
  const { federation: f, year, shared } = props.model;
  return (
    <Layout title={`Grupper sida vid sida ${year}`} federation={f}>
      <h1>Grupper sida vid sida {year}</h1>
      <p>Påståenden som flera respondentgrupper fick samma år, med samma formulering och skala.</p>
      {shared.length === 0 ? <p>Inga påståenden delas av flera grupper {year}.</p> : null}
      {shared.map((s, si) => (
        <ScrollTable label={s.text}>
          <table>
            <caption>{s.text}</caption>
            <thead>
              <tr>
                <th scope="col">Grupp</th>
                <th scope="col" class="num">
                  n
                </th>
                {s.scale.map((l) => (
                  <th scope="col" class="num">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.groups.map((g, gi) => (
                <tr>
                  <th scope="row">
                    {g.label}
                    {g.result.percents ? <StackedBar id={`cmp-${si}-${gi}`} label={`${g.label}: ${s.text}`} scale={s.scale} percents={g.result.percents} /> : null}
                  </th>
                  <td class="num">{g.result.n}</td>
                  {s.scale.map((_, i) => (
                    <td class="num">{g.result.percents ? pct(g.result.percents[i]!) : g.result.hidden ? tooFewAnswers : '–'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ))}
    </Layout>
  );
}
