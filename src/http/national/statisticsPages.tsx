/**
 * The national view's participant pages (Deltagare, Kön och avslut, Trender) of one year: views of
 * NationalYearModel, which the route's loader builds (src/http/national/nationalRoutes.tsx). The counts are the förbund's
 * frozen, suppressed figures; nothing here reaches the database.
 */
import type { Table } from '../../core/table.ts';
import type { NationalView } from '../../services/national/nationalStatistics.ts';
import { Layout } from '../kit/layout.tsx';
import { TableView } from '../kit/tableView.tsx';
import { YearSelector } from '../kit/yearSelector.tsx';
import { StatTableView, SuppressionNote } from '../kit/statTable.tsx';
import { Downloads, nationalNav, SyntheticBanner } from './common.tsx';
import { PublicationNote, TrendTables } from './publication.tsx';

/** One year of the national statistics, and the years there are to choose from (newest first). */
export interface NationalYearModel {
  readonly years: readonly number[];
  readonly year: number;
  readonly statistics: NationalView;
}

/** The country's participants year by year, as each year's publication shows them. */
function seriesTable(s: NationalView): Table {
  return {
    title: 'Deltagare i hela landet per år',
    columns: [
      { key: 'year', header: 'År', kind: 'text' },
      { key: 'active', header: 'Aktiva', kind: 'integer' },
      { key: 'new', header: 'Nya', kind: 'integer' },
      { key: 'ended', header: 'Avslutade', kind: 'integer' },
    ],
    note: 'Varje år som årets publicering visar det. Ett år som inte har stängts visas först när det publiceras.',
    rows: s.series.map((p) => ({ cells: { year: p.published ? String(p.year) : `${p.year} (ej publicerat)`, active: p.active ?? '–', new: p.new ?? '–', ended: p.ended ?? '–' } })),
  };
}

/** Deltagare (/nationell): per county, per förbund, by gender, and the country over time. */
export function ParticipantsPage(props: { model: NationalYearModel }) {
  const { years, year, statistics: s } = props.model;
  return (
    <Layout title={`Nationell jämförelse ${year}`} nav={nationalNav}>
      <h1>Nationell jämförelse {year}</h1>
      <SyntheticBanner synthetic={s.synthetic} />
      <p>
        Deltagare i förbundens individinsatser, per förbund, per län och för hela landet. Tabellerna maskeras med samma regler som
        förbundens egen statistik och tillsammans, så att inget förbunds dolda tal kan räknas fram ur läns- eller rikstotalerna.
      </p>
      <YearSelector action="/nationell" years={years} selected={year} />
      <PublicationNote year={year} publication={s.publication} />
      <Downloads year={year} />
      <SuppressionNote minCellSize={s.minCellSize} />
      <h2>Hela landet över tid</h2>
      <TableView table={seriesTable(s)} id="trend" />
      <h2>Per län</h2>
      <StatTableView table={s.byCounty} id="by-county" />
      <h2>Per förbund</h2>
      <StatTableView table={s.byFederation} id="by-federation" />
      <h2>Efter kön, hela landet</h2>
      <StatTableView table={s.flowByGender} id="flow-by-gender" />
    </Layout>
  );
}

/** Kön och avslut (/nationell/kon-och-avslut): exit outcomes and active, new and ended by gender per förbund. */
export function GenderAndExitsPage(props: { model: NationalYearModel }) {
  const { years, year, statistics: s } = props.model;
  return (
    <Layout title={`Kön och avslut ${year}`} nav={nationalNav}>
      <h1>Kön och avslut {year}</h1>
      <SyntheticBanner synthetic={s.synthetic} />
      <YearSelector action="/nationell/kon-och-avslut" years={years} selected={year} />
      <PublicationNote year={year} publication={s.publication} />
      <Downloads year={year} />
      <SuppressionNote minCellSize={s.minCellSize} />
      {[s.exitOutcomes, s.activeByFederationAndGender, s.newByFederationAndGender, s.endedByFederationAndGender, s.exitOutcomesByFederation].map((t) => (
        <>
          <h2>{t.title}</h2>
          <StatTableView table={t} id={t.key} />
        </>
      ))}
    </Layout>
  );
}

/** Trender (/nationell/trender): the five years up to the chosen one, per county and the country, and per förbund. */
export function TrendsPage(props: { model: NationalYearModel }) {
  const { years, year, statistics: s } = props.model;
  return (
    <Layout title={`Trender ${year - 4}–${year}`} nav={nationalNav}>
      <h1>
        Trender {year - 4}–{year}
      </h1>
      <SyntheticBanner synthetic={s.synthetic} />
      <p>
        Aktiva, nya och avslutade deltagare per län, för hela landet och per förbund, år för år. Varje år visas exakt som det årets publicering
        visar det, så en trend avslöjar inget som årets tabeller döljer. Ett år som inte har stängts visas som –.
      </p>
      <YearSelector action="/nationell/trender" years={years} selected={year} />
      <PublicationNote year={year} publication={s.publication} />
      <SuppressionNote minCellSize={s.minCellSize} />
      <h2>Per län och hela landet</h2>
      <TrendTables tables={s.trends.byCounty} idPrefix="trend-county" />
      <h2>Per förbund</h2>
      <TrendTables tables={s.trends.byFederation} idPrefix="trend-federation" />
    </Layout>
  );
}
