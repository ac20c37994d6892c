/**
 * The dashboard (Översikt) of a förbund-year: a view of DashboardModel, which the route's loader builds from the
 * year's figures (src/http/economy/dashboardRoutes.tsx). Renders only what the model holds: nothing per user.
 */
import type { Child } from 'hono/jsx';
import type { FederationRef } from '../context.ts';
import { BarChart } from '../kit/barChart.tsx';
import { CardGrid, FigureCard, WarningList } from '../kit/cards.tsx';
import { Layout } from '../kit/layout.tsx';
import { formatPercent, formatShare, formatTkr, tkrText } from '../kit/present.ts';
import { YearSelector } from '../kit/yearSelector.tsx';

/** What the dashboard shows; built by the route's loader from the year's figures, all money in öre. */
export interface DashboardModel {
  readonly federationId: number;
  readonly year: number;
  readonly years: readonly number[];
  /** The period the figures belong to: "januari–november 2026, prognos för helåret"; complete = the year is closed. */
  readonly period: { readonly throughMonth: number; readonly complete: boolean; readonly label: string; readonly months: string };
  /** How the forecast is made, in words (the model's). */
  readonly forecastMethod: string;
  readonly allocationOre: number | null;
  /** Each payer group's share of the contributions (state, region, municipalities); null without contributions. */
  readonly payerShares: { readonly state: number; readonly region: number; readonly municipalities: number } | null;
  /** Costs per cost section (positive öre): budget for the year (latest revision), outcome to date, forecast for the year. */
  readonly sections: readonly { readonly label: string; readonly budgetOre: number; readonly outcomeOre: number; readonly forecastOre: number | null; readonly overBudget: boolean }[];
  /** Months with outcome so far (0 = none, 12 = the whole year). */
  readonly monthsWithOutcome: number;
  /** During the year: the lines the forecast does not spread evenly, by budget profile (quarterly, yearly). */
  readonly forecastProfiles: readonly { readonly label: string; readonly lines: readonly string[] }[];
  readonly budgetResultOre: number;
  /** Result for the year (operating + financial): actual when the year is complete, else forecast. */
  readonly resultOre: number | null;
  readonly equity: {
    readonly closingOre: number | null;
    readonly shareOfAllocation: number | null;
    readonly capShare: number;
    readonly capOre: number | null;
    readonly floorOre: number | null;
    readonly aboveCap: boolean;
    readonly belowFloor: boolean;
  };
  readonly warnings: readonly string[];
}

/**
 * The dashboard's body (rendered once per figures version, economy/renderCache.ts) in the page layout, under the
 * page's heading and what is the user's own: the privacy findings (kansli), the next board meeting (styrelse).
 */
export function DashboardLayout(props: { federation: FederationRef; year: number; body: Child; privacyFindings?: readonly PrivacyFindingRow[]; meeting?: Child }) {
  return (
    <Layout title={`Översikt ${props.year}`} federation={props.federation}>
      <h1>Översikt {props.year}</h1>
      {props.privacyFindings?.length ? <PrivacyFindingsNotice findings={props.privacyFindings} /> : null}
      {props.meeting}
      {props.body}
    </Layout>
  );
}

/** Where the check for identity numbers in older rows found something: table, field, row — never the value. */
export interface PrivacyFindingRow {
  readonly table: string;
  readonly column: string;
  readonly row: string;
}

/** For the kansli: what `npx samordna privacy scan` found in rows stored before the guard read every spelling. */
export function PrivacyFindingsNotice(props: { findings: readonly PrivacyFindingRow[] }) {
  return (
    <section class="warning" aria-labelledby="privacy-findings">
      <h2 id="privacy-findings">Uppgifter som kan innehålla personnummer</h2>
      <p>
        Kontrollen av redan lagrade uppgifter hittade {props.findings.length} {props.findings.length === 1 ? 'uppgift' : 'uppgifter'} som ser ut
        att innehålla ett personnummer eller samordningsnummer. Värdena visas inte här. Rätta eller ta bort dem och kör kontrollen igen
        (<code>npx samordna privacy scan</code>). Granskningsloggens gamla värden kan inte ändras; de står kvar i listan.
      </p>
      <table>
        <caption>Tabell, fält och rad</caption>
        <thead>
          <tr>
            <th scope="col">Tabell</th>
            <th scope="col">Fält</th>
            <th scope="col">Rad</th>
          </tr>
        </thead>
        <tbody>
          {props.findings.map((f) => (
            <tr>
              <td>{f.table}</td>
              <td>{f.column}</td>
              <td>{f.row}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A page of the year (Översikt, Budget, Driftredovisning, Nyckeltal, Utfall, Medelstilldelning) for a förbund
 * without any fiscal year yet: what the first step is and, for whoever may take it, a link to it.
 */
export function NoYearsPage(props: { federation: FederationRef; title?: string; canWrite?: boolean }) {
  const title = props.title ?? 'Översikt';
  const members = `/f/${props.federation.id}/medlemmar`;
  return (
    <Layout title={title} federation={props.federation}>
      <h1>{title}</h1>
      <p>Förbundet har inga räkenskapsår ännu, så det finns inga siffror att visa här.</p>
      {props.canWrite === false ? (
        <p>Första steget tar kansliet: att lägga in medlemmarna och årets medelstilldelning. Då skapas räkenskapsåret och sidan fylls.</p>
      ) : (
        <>
          <p>Första steget är att lägga in medlemmarna och årets medelstilldelning. Då skapas räkenskapsåret; därefter budget och utfall.</p>
          <p>
            <a href={members}>Lägg in medlemmar och årets medelstilldelning</a>
          </p>
        </>
      )}
    </Layout>
  );
}

export function DashboardPage(props: { model: DashboardModel }) {
  const m = props.model;
  const base = `/f/${m.federationId}`;
  const complete = m.period.complete;
  const period = m.period.months;
  return (
    <>
      <YearSelector action={base} years={m.years} selected={m.year} />
      <p class="period" id="period">
        Period: {m.period.label}.
      </p>
      {complete ? null : <ForecastMethod model={m} />}
      <CardGrid label="Nyckeltal">
        <FigureCard
          label="Medelstilldelning"
          figure={m.allocationOre == null ? 'Saknas' : formatTkr(m.allocationOre)}
          unit={m.allocationOre == null ? undefined : 'tkr'}
          note={
            m.payerShares
              ? `Staten ${formatShare(m.payerShares.state)}, region ${formatShare(m.payerShares.region)}, kommunerna ${formatShare(m.payerShares.municipalities)}.`
              : undefined
          }
        />
        <FigureCard
          label={complete ? 'Årets resultat' : 'Prognos årets resultat'}
          figure={m.resultOre == null ? 'Saknas' : formatTkr(m.resultOre)}
          unit={m.resultOre == null ? undefined : 'tkr'}
          note={`Budgeterat resultat: ${tkrText(m.budgetResultOre)}`}
        />
        <FigureCard
          label={complete ? 'Eget kapital vid årets slut' : 'Förväntat eget kapital vid årets slut'}
          figure={m.equity.closingOre == null ? 'Saknas' : formatTkr(m.equity.closingOre)}
          unit={m.equity.closingOre == null ? undefined : 'tkr'}
          tone={m.equity.aboveCap || m.equity.belowFloor ? 'warning' : m.equity.closingOre == null ? 'neutral' : 'ok'}
          note={equityNote(m)}
        />
      </CardGrid>
      <WarningList warnings={m.warnings} />
      <h2>Utfall mot budget per avsnitt</h2>
      <BarChart
        id="chart-sections"
        title={`Kostnader per avsnitt ${m.year}: budget för helåret, utfall${complete ? '' : ' hittills och prognos'}`}
        description={complete ? 'Kostnader för helåret.' : `Utfall ${period}; prognos för helåret.`}
        series={[
          { label: 'Budget', tone: 'chart-c' },
          { label: complete ? 'Utfall' : 'Utfall hittills', tone: 'chart-a' },
          ...(complete ? [] : [{ label: 'Prognos helår', tone: 'chart-b' as const }]),
        ]}
        categories={m.sections.map((s) => ({
          label: s.label,
          values: complete ? [s.budgetOre, s.outcomeOre] : [s.budgetOre, s.outcomeOre, s.forecastOre],
          flagged: s.overBudget ? (complete ? 'över budget' : 'prognos över budget') : undefined,
        }))}
      />
      <h2>Mer</h2>
      <ul>
        <li>
          <a href={`${base}/ar/${m.year}/driftredovisning`}>Driftredovisning {m.year}</a>
        </li>
        <li>
          <a href={`${base}/ar/${m.year}/nyckeltal`}>Nyckeltal och femårsöversikt {m.year}</a>
        </li>
        <li>
          <a href={`${base}/ar/${m.year}/budget`}>Budget {m.year}</a>
        </li>
      </ul>
    </>
  );
}

/** How the forecast is made, in words a board member reads (issue: member payments are not monthly). */
function ForecastMethod(props: { model: DashboardModel }) {
  const m = props.model;
  return (
    <div class="muted" id="prognosmetod">
      <p>Så räknas prognosen: {m.forecastMethod}</p>
      {m.forecastProfiles.length ? (
        <ul>
          {m.forecastProfiles.map((p) => (
            <li>
              Periodiseras {p.label}: {p.lines.join(', ')}.
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={`/f/${m.federationId}/periodisering`}>Periodisering av budgetposterna</a>
      </p>
    </div>
  );
}

function equityNote(m: DashboardModel): string {
  const e = m.equity;
  const parts: string[] = [];
  if (e.shareOfAllocation != null) parts.push(`${formatPercent(e.shareOfAllocation)} av medelstilldelningen`);
  parts.push(`tak ${formatShare(e.capShare)}${e.capOre == null ? '' : ` (${tkrText(e.capOre)})`}`);
  if (e.floorOre != null) parts.push(`golv ${tkrText(e.floorOre)}`);
  return parts.join('; ') + '.';
}


