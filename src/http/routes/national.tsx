import { redirectWithFlash } from '../views/flash.tsx';
import { Hono, type Context } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../core/errors.ts';
import type { Permission } from '../../core/access/permissions.ts';
import { Layout, type NavItem } from '../views/layout.tsx';
import { TableView } from '../views/tableView.tsx';
import { YearSelector } from '../views/yearSelector.tsx';
import { ErrorSummary, FileField, Form, SelectField, SubmitButton, TextField, AmountField, CheckboxGroup } from '../views/form.tsx';
import { formatKronor, formatNumber } from '../views/present.ts';
import { StatTableView, SuppressionNote } from '../views/interventions/statTable.tsx';
import { fmtCount } from '../views/interventions/format.ts';
import { formFields, problemsToFieldErrors } from './economyShared.ts';
import { parseAmountInput, parseIntegerInput, parsePercentInput } from '../formInput.ts';
import { nationalStatisticsForYear, nationalYears, listNationalFederations } from '../../services/national/nationalStatistics.ts';
import { economyAsTable, nationalCsv, nationalJson, syntheticNote } from '../../exports/nationalExport.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { importStateInputs, listStateInputs, saveStateInput, saveStateYear, stateAllocationForYear, stateScenario } from '../../services/economy/stateAllocation.ts';
import { scenarioTable, stateAllocationTable } from '../../core/economy/stateAllocationTable.ts';
import { parseHundredths, parseStateInputRows } from '../../importers/stateAllocation/parseStateInputs.ts';
import type { Table } from '../../core/table.ts';
import { parseId, parseInteger, parseText, parseYear, valueOrThrow } from '../../core/input/index.ts';
import { SplitForm, splitPartRows } from '../views/national/splitForm.tsx';
import type { StateAllocationInput } from '../../core/economy/stateAllocation.ts';
import { requestFreeze } from '../../services/interventions/statisticsFreezer.ts';
import { PublicationNote, TrendTables } from '../views/national/publication.tsx';

/**
 * The national view: suppressed participant counts and economy figures of every förbund side by side, per
 * county and for the country (the national role, and any förbund's kansli to compare), and the state's
 * allocation model (read: the same; write: the national role).
 */
export const nationalNav: readonly NavItem[] = [
  { href: '/nationell', label: 'Deltagare' },
  { href: '/nationell/ekonomi', label: 'Ekonomi' },
  { href: '/nationell/kon-och-avslut', label: 'Kön och avslut' },
  { href: '/nationell/trender', label: 'Trender' },
  { href: '/nationell/fordelning', label: 'Statens fördelning' },
  { href: '/', label: 'Start' },
];

function requireNational(c: Context<AppEnv>, permission: Permission = 'national:read') {
  const ctx = c.get('ctx');
  if (!ctx.can(permission)) throw new ForbiddenError();
  return ctx;
}

async function yearOf(c: Context<AppEnv>, years: readonly number[]): Promise<number> {
  const raw = c.req.query('ar') ?? c.req.query('year');
  if (raw === undefined || raw === '') return years.length ? years[0]! : new Date().getFullYear();
  return valueOrThrow(parseYear(raw), { field: 'ar' });
}

function SyntheticBanner(props: { synthetic: boolean }) {
  return props.synthetic ? (
    <p class="notice warning" role="note">
      <strong>Syntetiska data.</strong> {syntheticNote}
    </p>
  ) : null;
}

/** A wide table that scrolls sideways on a narrow screen: focusable, so keyboard users can scroll it too. */
function Scroll(props: { label: string; children?: unknown }) {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={props.label}>
      {props.children as never}
    </div>
  );
}

function Downloads(props: { year: number }) {
  return (
    <p>
      Öppna data: <a href={`/nationell/statistik.csv?ar=${props.year}`}>alla tabeller som CSV</a> ·{' '}
      <a href={`/api/national/statistics?year=${props.year}`}>JSON</a>
    </p>
  );
}

export const nationalRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const load = async (c: Context<AppEnv>) => {
    requireNational(c);
    const years = await nationalYears(db);
    const year = await yearOf(c, years);
    const s = await nationalStatisticsForYear(db, year);
    // A closed year not yet frozen everywhere: the server's background freezer takes it (publiceras snart).
    if (s.publication.state === 'pending' || s.series.some((p) => !p.published)) requestFreeze(db);
    return { years, year, s };
  };

  app.get('/nationell', async (c) => {
    const { years, year, s } = await load(c);
    const trend: Table = {
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
    return c.html(
      <Layout title={`Nationell jämförelse ${year}`} nav={nationalNav}>
        <h1>Nationell jämförelse {year}</h1>
        <SyntheticBanner synthetic={s.synthetic} />
        <p>
          Deltagare i förbundens individinsatser, per förbund, per län och för hela landet. Tabellerna maskeras med samma regler som
          förbundens egen statistik och tillsammans, så att inget förbunds dolda tal kan räknas fram ur läns- eller riksTotalerna.
        </p>
        <YearSelector action="/nationell" years={years} selected={year} />
        <PublicationNote year={year} publication={s.publication} />
        <Downloads year={year} />
        <SuppressionNote minCellSize={s.minCellSize} />
        <h2>Hela landet över tid</h2>
        <Scroll label="Deltagare över tid">
          <TableView table={trend} id="trend" />
        </Scroll>
        <h2>Per län</h2>
        <Scroll label="Deltagare per län">
          <StatTableView table={s.byCounty} id="by-county" />
        </Scroll>
        <h2>Per förbund</h2>
        <Scroll label="Deltagare per förbund">
          <StatTableView table={s.byFederation} id="by-federation" />
        </Scroll>
        <h2>Efter kön, hela landet</h2>
        <Scroll label="Deltagare efter kön">
          <StatTableView table={s.flowByGender} id="flow-by-gender" />
        </Scroll>
      </Layout>,
    );
  });

  app.get('/nationell/ekonomi', async (c) => {
    const { years, year, s } = await load(c);
    return c.html(
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
        <Scroll label="Ekonomi per län">
          <TableView table={economyAsTable(s.economyByCounty)} id="economy-by-county" />
        </Scroll>
        <h2>Per förbund</h2>
        <Scroll label="Ekonomi per förbund">
          <TableView table={economyAsTable(s.economy)} id="economy" />
        </Scroll>
      </Layout>,
    );
  });

  app.get('/nationell/kon-och-avslut', async (c) => {
    const { years, year, s } = await load(c);
    return c.html(
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
            <Scroll label={t.title}>
              <StatTableView table={t} id={t.key} />
            </Scroll>
          </>
        ))}
      </Layout>,
    );
  });

  app.get('/nationell/trender', async (c) => {
    const { years, year, s } = await load(c);
    return c.html(
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
      </Layout>,
    );
  });

  app.get('/nationell/statistik.csv', async (c) => {
    const { year, s } = await load(c);
    return c.body(nationalCsv(s), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="nationell-statistik-${year}.csv"` });
  });
  app.get('/api/national/statistics', async (c) => {
    const { s } = await load(c);
    return c.json(nationalJson(s));
  });

  // ---- The state's allocation model ----
  const allocationPage = async (c: Context<AppEnv>, opts: { errors?: Record<string, string>; general?: string[]; values?: Record<string, string> } = {}) => {
    const ctx = requireNational(c);
    const canWrite = ctx.can('national:write');
    const year = await yearOf(c, []);
    const y = await stateAllocationForYear(db, year);
    const federations = await listNationalFederations(db);
    const inputs = await listStateInputs(db, year);
    const v = opts.values ?? {};
    const e = opts.errors ?? {};
    const mergeIds = c.req.queries('slaihop') ?? [];
    let scenario: Table | null = null;
    let scenarioError: string | null = null;
    // What-if: split one förbund (GET ?dela=ID&del1namn=…&del1befolkning=…&del1matt=…).
    const splitValues: Record<string, string> = Object.fromEntries(
      ['dela', ...Array.from({ length: splitPartRows }, (_, i) => [`del${i + 1}namn`, `del${i + 1}befolkning`, `del${i + 1}matt`]).flat()].map((k) => [k, c.req.query(k) ?? '']),
    );
    const splitErrors: Record<string, string> = {};
    if (splitValues.dela) {
      const target = inputs.find((x) => String(x.federationId) === splitValues.dela);
      if (!target) splitErrors.dela = 'Välj ett förbund som har underlag för året.';
      const parts: StateAllocationInput[] = [];
      for (let k = 1; k <= splitPartRows; k++) {
        const [n, p, m] = [`del${k}namn`, `del${k}befolkning`, `del${k}matt`].map((f) => splitValues[f]!.trim());
        if (!n && !p && !m) continue;
        const name = parseText(n!, { kind: 'short' });
        const population = parseInteger(p!);
        const measure = parseHundredths(m!);
        if (!name.ok || !n) splitErrors[`del${k}namn`] = name.ok ? 'Ange delens namn.' : name.message;
        else if (inputs.some((x) => x.federation === name.value && x.federation !== target?.federation) || parts.some((x) => x.federation === name.value)) splitErrors[`del${k}namn`] = 'Namnet används redan av ett annat förbund eller en annan del.';
        if (!population.ok) splitErrors[`del${k}befolkning`] = population.message;
        if (measure === null) splitErrors[`del${k}matt`] = 'Ange försörjningsmåttet, t.ex. 1 234,5.';
        if (name.ok && n && population.ok && measure !== null) parts.push({ federation: name.value, population: population.value, supportMeasureHundredths: measure });
      }
      if (!Object.keys(splitErrors).length && parts.length < 2) splitErrors.del2namn = 'Ange minst två delar.';
      if (!Object.keys(splitErrors).length && target) {
        try {
          scenario = scenarioTable(await stateScenario(db, year, { kind: 'split', federation: target.federation, into: parts }));
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          scenarioError = err.message;
        }
      }
    }
    if (mergeIds.length) {
      try {
        const names = inputs.filter((x) => mergeIds.includes(String(x.federationId))).map((x) => x.federation);
        const cmp = await stateScenario(db, year, { kind: 'merge', federations: names, name: (c.req.query('namn') ?? '').trim() || 'Sammanslaget förbund' });
        scenario = scenarioTable(cmp);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        scenarioError = err.message;
      }
    }
    const caps: Table | null = y.rows.length
      ? {
          title: `Tak för eget kapital som följer av statens medel ${year}`,
          note: 'Förbundets medelstilldelning antas vara statens del × 2 (staten betalar hälften). Taket enligt förbundets trappa.',
          columns: [
            { key: 'f', header: 'Förbund', kind: 'text' },
            { key: 'prev', header: 'Förra året', kind: 'integer' },
            { key: 'state', header: 'Statens medel', kind: 'integer' },
            { key: 'share', header: 'Tak (andel)', kind: 'percent', decimals: 0 },
            { key: 'cap', header: 'Tak (kronor)', kind: 'integer' },
          ],
          rows: y.rows.map((r) => ({ cells: { f: r.federation, prev: r.previousOre === null ? null : Math.round(r.previousOre / 100), state: Math.round(r.amountOre / 100), share: r.equityCapShare, cap: Math.round(r.equityCapOre / 100) } })),
        }
      : null;
    return c.html(
      <Layout title={`Statens fördelning ${year}`} nav={nationalNav}>
        <h1>Statens fördelning {year}</h1>
        <p>
          Statens medel fördelas med ett grundbelopp på 400 000 kr per förbund; resten 75 % efter områdets försörjningsmått och 25 % efter
          befolkningen 16–64 år. Beloppen räknas på kronan och summerar exakt till statens totala belopp.
        </p>
        <Form action="/nationell/fordelning" method="get" class="year-selector" label="Välj år">
          <TextField name="ar" label="År" inputmode="numeric" size={6} value={String(year)} />
          <button type="submit">Visa</button>
        </Form>
        {y.settings ? (
          <p>
            Statens totala belopp: <strong>{formatKronor(y.settings.totalOre)} kr</strong>
            {y.settings.maxFallBp !== null ? ` · högsta minskning från förra året ${formatNumber(y.settings.maxFallBp / 100, 0)} %` : ''}
          </p>
        ) : null}
        {y.problem ? <p class="error">{y.problem}</p> : null}
        {y.allocation ? (
          <>
            <p>
              <a href={`/nationell/fordelning.csv?ar=${year}`}>Ladda ned fördelningen som CSV</a>
            </p>
            <div class="table-scroll" tabindex={0} role="region" aria-label="Statens medel per förbund">
              <TableView table={stateAllocationTable(y.allocation)} id="state-allocation" />
            </div>
          </>
        ) : null}
        {caps ? (
          <div class="table-scroll" tabindex={0} role="region" aria-label="Tak för eget kapital">
            <TableView table={caps} id="equity-caps" />
          </div>
        ) : null}

        <h2>Vad händer om förbund slås samman?</h2>
        {inputs.length >= 2 ? (
          <Form action="/nationell/fordelning" method="get" label="Slå samman förbund">
            <input type="hidden" name="ar" value={String(year)} />
            <CheckboxGroup name="slaihop" legend="Förbund som slås samman" idPrefix="merge" options={inputs.map((x) => ({ value: String(x.federationId), label: x.federation }))} chosen={mergeIds} />
            <TextField name="namn" label="Det nya förbundets namn" value={c.req.query('namn') ?? ''} />
            <SubmitButton label="Visa före och efter" />
          </Form>
        ) : (
          <p>Det behövs underlag för minst två förbund.</p>
        )}
        <h2>Vad händer om ett förbund delas?</h2>
        {inputs.length ? (
          <>
            <ErrorSummary errors={Object.keys(splitErrors).length ? splitErrors : undefined} />
            <SplitForm year={year} federations={inputs.map((x) => ({ id: x.federationId, name: x.federation }))} values={splitValues} errors={splitErrors} />
          </>
        ) : (
          <p>Det behövs underlag för minst ett förbund.</p>
        )}
        {scenarioError ? <p class="error" role="alert">{scenarioError}</p> : null}
        {scenario ? (
          <div class="table-scroll" tabindex={0} role="region" aria-label="Före och efter">
            <TableView table={scenario} id="scenario" />
          </div>
        ) : null}

        {canWrite ? (
          <>
            <h2>Ändra underlag</h2>
            <ErrorSummary errors={opts.errors} general={opts.general} />
            <Form action={`/nationell/fordelning/total?ar=${year}`} label="Statens totala belopp">
              <AmountField name="total" label={`Statens totala belopp ${year} (kronor)`} value={v.total ?? (y.settings ? formatKronor(y.settings.totalOre).replace(/\u00a0/g, ' ') : '')} error={e.total} />
              <TextField name="maxFall" label="Högsta minskning från förra året (procent, valfri)" inputmode="decimal" size={6} value={v.maxFall ?? (y.settings?.maxFallBp != null ? String(y.settings.maxFallBp / 100) : '')} error={e.maxFall} hint="T.ex. 10. Skillnaden tas från de andra förbunden efter deras rörliga del." />
              <SubmitButton label="Spara totalen" />
            </Form>
            <Form action={`/nationell/fordelning/underlag?ar=${year}`} label="Underlag för ett förbund">
              <SelectField name="federationId" label="Förbund" value={v.federationId ?? ''} options={federations.map((f) => ({ value: String(f.id), label: f.name }))} error={e.federationId} />
              <TextField name="population" label="Befolkning 16–64 år" inputmode="numeric" value={v.population ?? ''} error={e.population} />
              <TextField name="supportMeasure" label="Försörjningsmått" inputmode="decimal" value={v.supportMeasure ?? ''} error={e.supportMeasure} hint="Högst två decimaler, t.ex. 1 234,5." />
              <SubmitButton label="Spara underlaget" />
            </Form>
            <Form action={`/nationell/fordelning/import?ar=${year}`} enctype="multipart/form-data" label="Läs in underlag från fil">
              <FileField name="file" label="CSV-fil (förbund;befolkning_16_64;försörjningsmått)" accept=".csv,text/csv" error={e.file} />
              <SubmitButton label="Läs in filen" />
            </Form>
          </>
        ) : null}
        <h2>Underlag {year}</h2>
        <div class="table-scroll" tabindex={0} role="region" aria-label="Underlag">
          <table id="inputs">
            <caption>Befolkning och försörjningsmått per förbund {year}</caption>
            <thead>
              <tr>
                <th scope="col">Förbund</th>
                <th scope="col" class="num">Befolkning 16–64</th>
                <th scope="col" class="num">Försörjningsmått</th>
              </tr>
            </thead>
            <tbody>
              {inputs.length ? (
                inputs.map((x) => (
                  <tr>
                    <th scope="row">{x.federation}</th>
                    <td class="num">{fmtCount(x.population)}</td>
                    <td class="num">{formatNumber(x.supportMeasureHundredths / 100, x.supportMeasureHundredths % 100 ? 2 : 0)}</td>
                  </tr>
                ))
              ) : (
                <tr>
                  <td colspan={3}>Inga underlag för året.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Layout>,
      opts.errors || opts.general ? 400 : 200,
    );
  };

  app.get('/nationell/fordelning', (c) => allocationPage(c));
  app.get('/nationell/fordelning.csv', async (c) => {
    requireNational(c);
    const year = await yearOf(c, []);
    const y = await stateAllocationForYear(db, year);
    if (!y.allocation) throw new NotFoundError(y.problem ?? 'Ingen fördelning.');
    return c.body(tableToCsv(stateAllocationTable(y.allocation)), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="statens-fordelning-${year}.csv"` });
  });
  app.get('/api/national/allocation', async (c) => {
    requireNational(c);
    const year = await yearOf(c, []);
    const y = await stateAllocationForYear(db, year);
    return c.json({ year, problem: y.problem, total: y.settings ? y.settings.totalOre / 100 : null, federations: y.rows.map((r) => ({ federation: r.federation, base: r.baseOre / 100, supportShare: r.supportShareOre / 100, populationShare: r.populationShareOre / 100, adjustment: r.adjustmentOre / 100, amount: r.amountOre / 100, equityCapShare: r.equityCapShare, equityCap: r.equityCapOre / 100 })) });
  });

  const redirectBack = (c: Context<AppEnv>, year: number) => redirectWithFlash(c, `/nationell/fordelning?ar=${year}`, 'national-allocation');
  app.post('/nationell/fordelning/total', async (c) => {
    const ctx = requireNational(c, 'national:write');
    const year = await yearOf(c, []);
    const form = await formFields(c);
    const errors: Record<string, string> = {};
    const total = parseAmountInput(form.total ?? '');
    const fall = parsePercentInput(form.maxFall ?? '');
    if (!total.ok) errors.total = total.message;
    else if (total.ore === null) errors.total = 'Ange statens totala belopp.';
    if (!fall.ok) errors.maxFall = fall.message;
    if (!Object.keys(errors).length && total.ok && fall.ok) {
      await saveStateYear(db, year, { totalOre: total.ore!, maxFallBp: fall.basisPoints }, ctx.actor);
      return redirectBack(c, year);
    }
    return allocationPage(c, { errors, values: form });
  });
  app.post('/nationell/fordelning/underlag', async (c) => {
    const ctx = requireNational(c, 'national:write');
    const year = await yearOf(c, []);
    const form = await formFields(c);
    const errors: Record<string, string> = {};
    const fidParsed = parseId(form.federationId);
    const fid = fidParsed.ok ? fidParsed.value : NaN;
    const pop = parseIntegerInput(form.population ?? '');
    const hundredths = parseHundredths(form.supportMeasure ?? '');
    if (!Number.isSafeInteger(fid)) errors.federationId = 'Välj ett förbund.';
    if (!pop.ok || pop.value === null) errors.population = pop.ok ? 'Ange befolkningen.' : pop.message;
    if (hundredths === null) errors.supportMeasure = 'Ange försörjningsmåttet, t.ex. 1 234,5.';
    if (!Object.keys(errors).length && pop.ok && hundredths !== null) {
      try {
        await saveStateInput(db, fid, year, { population: pop.value!, supportMeasureHundredths: hundredths }, ctx.actor);
        return redirectBack(c, year);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        Object.assign(errors, problemsToFieldErrors(err.problems).fields);
      }
    }
    return allocationPage(c, { errors, values: form });
  });
  app.post('/nationell/fordelning/import', async (c) => {
    const ctx = requireNational(c, 'national:write');
    const year = await yearOf(c, []);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return allocationPage(c, { errors: { file: 'Välj en CSV-fil.' } });
    try {
      await importStateInputs(db, year, parseStateInputRows(await file.text(), file.name), file.name, ctx.actor);
      return redirectBack(c, year);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return allocationPage(c, { general: err.problems.map((p) => [p.file, p.line ? `rad ${p.line}` : null, p.field ? `fält "${p.field}"` : null].filter(Boolean).join(', ') + `: ${p.message}`) });
    }
  });
  return app;
};
