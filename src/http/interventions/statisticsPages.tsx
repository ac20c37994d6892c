/** The participant statistics pages: the förbund's (all individual interventions) and one intervention's. */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import type { ParticipantStatistics } from '../../core/statistics/participantStatistics.ts';
import { BarChart, StatTableView, SuppressionNote } from '../kit/statTable.tsx';
import { fmtCount, fmtNumber, fmtPercent } from '../kit/format.ts';

function KeyFigures(props: { s: ParticipantStatistics }) {
  const { s } = props;
  const cards: [string, string][] = [
    ['Aktiva deltagare', fmtCount(s.flowByGender.rowTotals![0]!)],
    ['Nya', fmtCount(s.flowByGender.rowTotals![1]!)],
    ['Avslutade', fmtCount(s.flowByGender.rowTotals![2]!)],
    ['Påbörjat arbete/studier eller tagit steg närmare arbete (av avslutade)', fmtPercent(s.shares.closerToWork)],
    ['Arbete eller studier (av avslutade)', fmtPercent(s.shares.workOrStudies)],
    ['Sjuk/medicinsk rehabilitering (av avslutade)', fmtPercent(s.shares.sick)],
    ['Offentlig försörjning mer än 4 år före insatsen', fmtPercent(s.shares.publicSupportOver4Years)],
    ['Grundskola som högsta utbildning', fmtPercent(s.shares.compulsorySchoolHighest)],
    ['Månader i insatsen, medel (avslutade)', s.duration.averageMonths === null ? '–' : fmtNumber(s.duration.averageMonths)],
    ['Månader i insatsen, median (avslutade)', s.duration.medianMonths === null ? '–' : fmtNumber(s.duration.medianMonths)],
  ];
  return (
    <section aria-label="Nyckeltal">
      <div class="cards">
        {cards.map(([label, value]) => (
          <div class="card">
            <span class="figure">{value}</span>
            <br />
            {label}
          </div>
        ))}
      </div>
    </section>
  );
}

/** Where the figures come from: live (the intervention's own staff) or the frozen publication of a closed year. */
function PublicationNote(props: { live: boolean; year: number }) {
  return props.live ? (
    <p>Du ser insatsens uppgifter som de är registrerade just nu (insatsens egen personal).</p>
  ) : (
    <p>
      Publicerad statistik för {props.year}: fastställd när året stängdes och ändras inte därefter. Alla tabeller, insatser och år är
      maskerade tillsammans så att inga dolda uppgifter kan räknas fram ur varandra (se Dokumentation: skydd av statistik).
    </p>
  );
}

function NotYetPublished(props: { year: number; publishedFrom: string }) {
  return (
    <p class="warning">
      Statistiken för {props.year} publiceras när året har stängts, {props.publishedFrom}. Till dess visas inga siffror för året, så att
      enskilda registreringar aldrig syns var för sig. Välj ett tidigare år.
    </p>
  );
}

/** Another role's view of one intervention: its participants by gender (active, new, ended) and the series. */
function InterventionPublishedBody(props: { s: ParticipantStatistics }) {
  const { s } = props;
  return (
    <>
      <SuppressionNote minCellSize={s.minCellSize} />
      <p>För en enskild insats publiceras deltagare efter kön (aktiva, nya, avslutade); övriga tabeller finns för hela förbundet.</p>
      <SeriesTable s={s} />
      <h2>Kön</h2>
      <StatTableView id="t-flowByGender" table={s.flowByGender} />
    </>
  );
}

function SeriesTable(props: { s: ParticipantStatistics }) {
  return (
    <ScrollTable>
      <table id="t-series">
      <caption>Deltagare över tid</caption>
      <thead>
        <tr>
          <th scope="col">År</th>
          <th scope="col" class="num">Aktiva</th>
          <th scope="col" class="num">Nya</th>
          <th scope="col" class="num">Avslutade</th>
        </tr>
      </thead>
      <tbody>
        {props.s.series.map((p) => (
          <tr>
            <th scope="row">{p.year}</th>
            <td class="num">{fmtCount(p.active)}</td>
            <td class="num">{fmtCount(p.new)}</td>
            <td class="num">{fmtCount(p.ended)}</td>
          </tr>
        ))}
      </tbody>
      </table>
    </ScrollTable>
  );
}

function StatisticsBody(props: { s: ParticipantStatistics }) {
  const { s } = props;
  const seriesTable = <SeriesTable s={s} />;
  return (
    <>
      <SuppressionNote minCellSize={s.minCellSize} />
      <KeyFigures s={s} />
      <h2>Deltagare över tid</h2>
      <BarChart id="c-series" title="Aktiva deltagare per år" tableId="t-series" bars={s.series.map((p) => ({ label: String(p.year), value: p.active }))} />
      {seriesTable}
      <h2>Kön</h2>
      <BarChart id="c-gender" title={`Aktiva deltagare efter kön ${s.year}`} tableId="t-flowByGender" bars={s.flowByGender.colLabels.map((label, j) => ({ label, value: s.flowByGender.cells[0]![j]! }))} />
      <StatTableView id="t-flowByGender" table={s.flowByGender} />
      <h2>Avslutsorsaker</h2>
      <BarChart id="c-exit" title={`Avslutsorsaker ${s.year}`} tableId="t-exitOutcomes" bars={s.exitOutcomes.colLabels.map((label, j) => ({ label, value: s.exitOutcomes.cells[0]![j]! }))} />
      <StatTableView id="t-exitOutcomes" table={s.exitOutcomes} />
      <StatTableView table={s.outcomeByGender} />
      <h2>Deltagarnas bakgrund</h2>
      <StatTableView table={s.activeByAgeAndGender} />
      <StatTableView table={s.supportBefore} />
      <StatTableView table={s.supportDuration} />
      <StatTableView table={s.education} />
      {s.referringMember ? <StatTableView table={s.referringMember} /> : null}
      <h2>Försörjning före och efter</h2>
      <StatTableView table={s.transition} />
      {s.followUp ? (
        <>
          <h2>Status 6 och 12 månader efter avslut</h2>
          <p>Uppföljningar som infaller under {s.year} (avslut plus 6 respektive 12 månader), efter vad insatspersonalen har registrerat.</p>
          <StatTableView table={s.followUp.status} />
          <StatTableView table={s.followUp.work} />
        </>
      ) : null}
      <h2>Per insats</h2>
      <StatTableView table={s.byIntervention} />
    </>
  );
}

function YearForm(props: { action: string; year: number }) {
  return (
    <form method="get" action={props.action} class="year-form">
      <label for="ar">År</label>
      <input id="ar" name="ar" type="number" min="2000" max="2100" value={String(props.year)} /> <button type="submit">Visa</button>
    </form>
  );
}

/**
 * A year's statistics: live (the local single user, or the intervention's own staff) or the frozen
 * publication; null stats before the year is published (publishedFrom says when).
 */
interface StatisticsModel {
  readonly federation: FederationRef;
  readonly year: number;
  readonly live: boolean;
  readonly stats: ParticipantStatistics | null;
  readonly publishedFrom: string;
}

/** The förbund's statistics, with the names of its individual interventions. */
export interface FederationStatisticsModel extends StatisticsModel {
  readonly interventionNames: readonly string[];
}

export function FederationStatisticsPage(props: { model: FederationStatisticsModel }) {
  const { federation: f, year, live, stats, publishedFrom } = props.model;
  const all = props.model.interventionNames.map((name) => ({ name }));
  return (
    <Layout title={`Deltagarstatistik ${year}`} federation={f}>
      <h1>Deltagarstatistik {year}</h1>
      <p>Individinsatserna: {(stats?.byIntervention.rowLabels ?? all.map((i) => i.name)).join(', ') || 'inga'}.</p>
      <YearForm action={`/f/${f.id}/statistik`} year={year} />
      {stats ? <PublicationNote live={live} year={year} /> : null}
      {stats ? <StatisticsBody s={stats} /> : <NotYetPublished year={year} publishedFrom={publishedFrom} />}
    </Layout>
  );
}

/** One intervention's statistics. */
export interface InterventionStatisticsModel extends StatisticsModel {
  readonly intervention: { readonly id: number; readonly name: string };
}

export function InterventionStatisticsPage(props: { model: InterventionStatisticsModel }) {
  const { federation: f, year, live, stats, publishedFrom, intervention } = props.model;
  const base = `/f/${f.id}/insatser/${intervention.id}`;
  return (
    <Layout title={`Statistik ${year} – ${intervention.name}`} federation={f}>
      <h1>
        Statistik {year}: {intervention.name}
      </h1>
      <p>
        <a href={base}>Om insatsen</a> · Uppföljning (deltagare efter kön): <a href={`${base}/uppfoljning-${year}.csv`}>CSV</a>,{' '}
        <a href={`${base}/uppfoljning-${year}.xlsx`}>Excel</a>
      </p>
      <YearForm action={`${base}/statistik`} year={year} />
      {stats ? <PublicationNote live={live} year={year} /> : null}
      {!stats ? <NotYetPublished year={year} publishedFrom={publishedFrom} /> : live ? <StatisticsBody s={stats} /> : <InterventionPublishedBody s={stats} />}
    </Layout>
  );
}
