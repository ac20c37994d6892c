import type { Context } from 'hono';
import { ScrollTable } from '../views/scrollTable.tsx';
import type { AppEnv } from '../context.ts';
import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { getIntervention, listInterventions } from '../../services/interventions/interventions.ts';
import { participantStatistics } from '../../services/interventions/statistics.ts';
import type { ParticipantStatistics } from '../../core/statistics/participantStatistics.ts';
import type { Database } from '../../db/database.ts';
import { followUpCsv, followUpFileName, followUpXlsx } from '../../exports/interventionFollowUp.ts';
import { idParam, interventionsBase, yearParam } from './interventionsCommon.ts';
import { BarChart, fmtCount, fmtNumber, fmtPercent, StatTableView, SuppressionNote } from './interventionsViews.tsx';

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

function StatisticsBody(props: { s: ParticipantStatistics }) {
  const { s } = props;
  const seriesTable = (
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
        {s.series.map((p) => (
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

async function interventionStats(c: Context<AppEnv>, db: Database) {
  const f = requireFederation(c);
  const id = idParam(c, 'id');
  requirePermission(c, 'statistics:read', { interventionId: id });
  const year = yearParam(c);
  const intervention = await getIntervention(db, f.id, id);
  const stats = await participantStatistics(db, f.id, year, { interventionIds: [id] });
  return { f, id, year, intervention, stats };
}

/** Statistics pages (förbund and per intervention), with charts, and the national follow-up export. */
export const interventionStatisticsRoutes: RouteModule = (app, { db }) => {
  app.get('/f/:federationId/statistik', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'statistics:read');
    const year = yearParam(c);
    const visible = (await listInterventions(db, f.id)).filter((i) => i.kind === 'individual' && ctx.can('interventions:read', { interventionId: i.id }));
    const stats = await participantStatistics(db, f.id, year, { interventionIds: visible.map((i) => i.id) });
    return c.html(
      <Layout title={`Deltagarstatistik ${year}`} federation={f}>
        <h1>Deltagarstatistik {year}</h1>
        <p>Individinsatserna: {visible.map((i) => i.name).join(', ') || 'inga'}.</p>
        <YearForm action={`/f/${f.id}/statistik`} year={year} />
        <StatisticsBody s={stats} />
      </Layout>,
    );
  });

  app.get('/f/:federationId/insatser/:id/statistik', async (c) => {
    const { f, id, year, intervention, stats } = await interventionStats(c, db);
    const base = `${interventionsBase(f.id)}/${id}`;
    return c.html(
      <Layout title={`Statistik ${year} – ${intervention.name}`} federation={f}>
        <h1>
          Statistik {year}: {intervention.name}
        </h1>
        <p>
          <a href={base}>Om insatsen</a> · Uppföljning (deltagare efter kön): <a href={`${base}/uppfoljning-${year}.csv`}>CSV</a>,{' '}
          <a href={`${base}/uppfoljning-${year}.xlsx`}>Excel</a>
        </p>
        <YearForm action={`${base}/statistik`} year={year} />
        <StatisticsBody s={stats} />
      </Layout>,
    );
  });

  app.get('/f/:federationId/insatser/:id/:file{uppfoljning-[0-9]{4}\\.(csv|xlsx)}', async (c) => {
    const file = c.req.param('file');
    const year = Number(file.slice(12, 16));
    const ext = file.endsWith('.csv') ? 'csv' : 'xlsx';
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'statistics:read', { interventionId: id });
    const intervention = await getIntervention(db, f.id, id);
    const stats = await participantStatistics(db, f.id, year, { interventionIds: [id] });
    const name = followUpFileName(intervention.name, year, ext);
    if (ext === 'csv') {
      return c.body(followUpCsv(intervention.name, stats), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
    }
    const data = await followUpXlsx(intervention.name, stats);
    return c.body(data as unknown as ArrayBuffer, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}"`,
    });
  });
};
