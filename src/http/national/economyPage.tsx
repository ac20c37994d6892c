/** Ekonomi i alla förbund (/nationell/ekonomi): a view of NationalYearModel, the economy tables per county and per förbund. */
import { economyAsTable } from '../../core/statistics/nationalTables.ts';
import { Layout } from '../kit/layout.tsx';
import { TableView } from '../kit/tableView.tsx';
import { YearSelector } from '../kit/yearSelector.tsx';
import { Downloads, nationalNav, SyntheticBanner } from './common.tsx';
import type { NationalYearModel } from './statisticsPages.tsx';

export function NationalEconomyPage(props: { model: NationalYearModel }) {
  const { years, year, statistics: s } = props.model;
  return (
    <Layout title={`Ekonomi i alla förbund ${year}`} nav={nationalNav}>
      <h1>Ekonomi i alla förbund {year}</h1>
      <SyntheticBanner synthetic={s.synthetic} />
      <p>
        Medelstilldelning, kostnader per avsnitt, kostnad per aktiv deltagare, administrationens andel, eget kapital mot taket (förbundets
        trappa efter medelstilldelningens storlek) och soliditet. Kostnad per deltagare visas bara när antalet deltagare visas.
      </p>
      <YearSelector action="/nationell/ekonomi" years={years} selected={year} />
      <Downloads year={year} />
      <h2>Per län och hela landet</h2>
      <TableView table={economyAsTable(s.economyByCounty)} id="economy-by-county" />
      <h2>Per förbund</h2>
      <TableView table={economyAsTable(s.economy)} id="economy" />
    </Layout>
  );
}
