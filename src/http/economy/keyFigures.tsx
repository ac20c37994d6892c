/**
 * The key-figures page (Nyckeltal, kostnadsfördelning, femårsöversikt) of a förbund-year: a view of
 * KeyFiguresModel, which the route's loader builds from the year's figures (src/http/economy/reportRoutes.tsx).
 * Renders only what the model holds: nothing per user.
 */
import type { EquityAssessment, KeyFigures } from '../../core/economy/keyFigures.ts';
import type { Table } from '../../core/table.ts';
import { CardGrid, FigureCard } from '../kit/cards.tsx';
import { Downloads } from '../kit/downloads.tsx';
import { formatPercent, formatTkr, tkrText } from '../kit/present.ts';
import { TableView } from '../kit/tableView.tsx';
import { YearSelector } from '../kit/yearSelector.tsx';

export interface KeyFiguresModel {
  readonly federationId: number;
  readonly federationName: string;
  readonly year: number;
  readonly years: readonly number[];
  /** The period: "januari–november 2026, prognos för helåret"; months "januari–november 2026". */
  readonly period: { readonly complete: boolean; readonly label: string; readonly months: string };
  /** Key figures of the period: the year's when complete, to date when open. */
  readonly keyFigures: KeyFigures;
  /** The full year as forecast (the key figures themselves when complete). */
  readonly forecastFigures: KeyFigures;
  readonly forecastMethod: string;
  /** The (forecast) closing equity against the cap and the floor. */
  readonly equity: EquityAssessment;
  readonly costDistribution: Table;
  readonly fiveYear: Table;
  /** Years of the five-year overview shown from imported summaries (no budget lines), with their notes; empty: none. */
  readonly summaryYears: readonly { readonly year: number; readonly note: string | null }[];
}

function EquityCard(props: { label: string; equityOre: number | null; e: EquityAssessment }) {
  const { e } = props;
  return (
    <FigureCard
      label={props.label}
      figure={props.equityOre === null ? 'Saknas' : formatTkr(props.equityOre)}
      unit={props.equityOre === null ? undefined : 'tkr'}
      tone={e.status === 'above_cap' || e.status === 'below_floor' ? 'warning' : e.status === 'within' ? 'ok' : 'neutral'}
      note={
        e.shareOfAllocation === null
          ? undefined
          : `${formatPercent(e.shareOfAllocation)} av medelstilldelningen; rekommenderat tak ${formatPercent(e.capShare)}` +
            (e.floorOre === null ? '' : `, golv ${tkrText(e.floorOre)}`) +
            (e.status === 'above_cap' ? ' – över taket.' : e.status === 'below_floor' ? ' – under golvet.' : '.')
      }
    />
  );
}

export function KeyFiguresPage(props: { model: KeyFiguresModel }) {
  const { federationId, federationName, year, years, keyFigures: k, forecastFigures: p, equity: e, period } = props.model;
  return (
    <>
      <h1>Nyckeltal {year}</h1>
      <YearSelector action={`/f/${federationId}/nyckeltal`} years={years} selected={year} />
      <p class="period" id="period">
        Period: {period.label}.
      </p>
      {period.complete ? (
        <CardGrid label={`Nyckeltal ${year}`}>
          <FigureCard label="Medelstilldelning" figure={k.allocationOre === null ? 'Saknas' : formatTkr(k.allocationOre)} unit={k.allocationOre === null ? undefined : 'tkr'} />
          <FigureCard label="Verksamhetens intäkter" figure={formatTkr(k.operatingIncomeOre)} unit="tkr" />
          <FigureCard label="Verksamhetens kostnader" figure={formatTkr(k.operatingCostOre)} unit="tkr" note={`Budget: ${tkrText(k.budget.operatingCostOre)}`} />
          <FigureCard label="Årets resultat" figure={formatTkr(k.resultOre)} unit="tkr" note={`Efter finansiella poster. Budgeterat: ${tkrText(k.budget.resultOre)}`} />
          <EquityCard label="Eget kapital vid årets slut" equityOre={k.equityClosingOre} e={e} />
          <FigureCard label="Soliditet" figure={k.equityRatio === null ? 'Saknas' : formatPercent(k.equityRatio, 1)} note="Eget kapital delat med totalt kapital." />
          <FigureCard
            label="Direkta insatskostnader"
            figure={k.directCostShare === null ? 'Saknas' : formatPercent(k.directCostShare)}
            note="Andel av verksamhetens kostnader som avser individinsatser, strukturella insatser och processtöd."
          />
        </CardGrid>
      ) : (
        <>
          <h2>Utfall {period.months}</h2>
          <CardGrid label={`Utfall ${period.months}`}>
            <FigureCard label="Medelstilldelning" figure={k.allocationOre === null ? 'Saknas' : formatTkr(k.allocationOre)} unit={k.allocationOre === null ? undefined : 'tkr'} />
            <FigureCard label="Intäkter hittills" figure={formatTkr(k.operatingIncomeOre)} unit="tkr" />
            <FigureCard label="Kostnader hittills" figure={formatTkr(k.operatingCostOre)} unit="tkr" />
            <FigureCard
              label="Direkta insatskostnader hittills"
              figure={k.directCostShare === null ? 'Saknas' : formatPercent(k.directCostShare)}
              note="Andel av kostnaderna hittills som avser individinsatser, strukturella insatser och processtöd."
            />
          </CardGrid>
          <h2>Prognos för helåret {year}</h2>
          <p class="muted">{props.model.forecastMethod}</p>
          <CardGrid label={`Prognos för helåret ${year}`}>
            <FigureCard label="Prognos verksamhetens intäkter" figure={formatTkr(p.operatingIncomeOre)} unit="tkr" />
            <FigureCard label="Prognos verksamhetens kostnader" figure={formatTkr(p.operatingCostOre)} unit="tkr" note={`Budget: ${tkrText(k.budget.operatingCostOre)}`} />
            <FigureCard label="Prognos årets resultat" figure={formatTkr(p.resultOre)} unit="tkr" note={`Efter finansiella poster. Budgeterat: ${tkrText(k.budget.resultOre)}`} />
            <EquityCard label="Prognos eget kapital vid årets slut" equityOre={p.equityClosingOre} e={e} />
          </CardGrid>
        </>
      )}
      <h2>Kostnadsfördelning</h2>
      <TableView table={props.model.costDistribution} />
      <p class="muted">Hela procent som summerar till 100 i varje kolumn (största rest-metoden).</p>
      <h2>Femårsöversikt</h2>
      <TableView table={props.model.fiveYear} />
      {props.model.summaryYears.length ? (
        <p class="muted">
          År utan budgetposter visar inlästa sammanställda siffror
          {props.model.summaryYears
            .filter((r) => r.note)
            .map((r) => ` (${r.year}: ${r.note})`)
            .join('')}
          .
        </p>
      ) : null}
      <p class="muted">Tak och golv för eget kapital är inställningar för {federationName}.</p>
      <Downloads
        federationId={federationId}
        year={year}
        files={[
          ['nyckeltal', `Nyckeltal ${year}`],
          ['kostnadsfordelning', `Kostnadsfördelning ${year}`],
          ['femarsoversikt', `Femårsöversikt ${year}`],
        ]}
      />
    </>
  );
}
