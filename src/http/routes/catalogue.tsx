import { redirectWithFlash } from '../views/flash.tsx';
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission, type AppEnv } from '../context.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { Layout } from '../views/layout.tsx';
import { ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField } from '../views/form.tsx';
import { SupportSource } from '../../core/interventions/vocabulary.ts';
import { formatIsoDate } from '../../core/format.ts';
import { parseId, parseInteger } from '../../core/input/index.ts';
import { tableToCsv } from '../../exports/csv.ts';
import type { Table } from '../../core/table.ts';
import type { Queryable } from '../../db/database.ts';
import { getIntervention } from '../../services/interventions/interventions.ts';
import {
  catalogueCacheMs,
  catalogueVersion,
  catalogueCounties,
  catalogueFederations,
  catalogueFacets,
  catalogueFederation,
  catalogueOverview,
  getCatalogueEntry,
  publicCatalogue,
  publicEntry,
  saveCatalogueEntry,
  supportSourceOptions,
  type CatalogueFilters,
  type PublicEntry,
} from '../../services/catalogue/catalogue.ts';
import { problemsToFieldErrors } from './economyShared.ts';
import { fmtCount } from './interventionsViews.tsx';

/**
 * The public catalogue of interventions (no login): per förbund, per county, one stable page per entry, open
 * data (JSON, CSV) and a minimal view to embed on a member's intranet. Plus the kansli's and the staff's
 * pages to write entries and see which are out of date.
 */

const lastYear = () => new Date().getFullYear() - 1;
const today = () => formatIsoDate(new Date());

function filtersOf(c: Context<AppEnv>): CatalogueFilters {
  const q = (name: string) => (c.req.query(name) ?? '').trim().slice(0, 200);
  const ageParsed = parseInteger(q('alder'), { min: 0, max: 120 });
  const age = ageParsed.ok ? ageParsed.value : null;
  return { q: q('q'), municipality: q('kommun'), targetGroup: q('malgrupp'), age, supportSource: SupportSource.parse(q('forsorjning')) ?? undefined };
}

const publicHeaders = { 'cache-control': 'public, max-age=60' };

/**
 * The public pages are the same for every visitor: each rendered answer is kept per address (and results
 * year) while the data version of its förbund (or county) is unchanged, at most catalogueCacheMs. A request
 * then costs one small query. At most 2 000 answers are kept.
 */
const pageCache = new Map<string, { version: string; at: number; body: Promise<string>; type: string }>();
async function cachedAnswer(c: Context<AppEnv>, db: Queryable, scope: { federationId: number } | { county: string }, type: string, render: () => Promise<string>, extraHeaders: Record<string, string> = {}) {
  const key = `${lastYear()}|${c.req.path}|${new URL(c.req.url).search}`;
  const version = await catalogueVersion(db, scope);
  let hit = pageCache.get(key);
  if (!hit || hit.version !== version || Date.now() - hit.at >= catalogueCacheMs) {
    // One render per address at a time: requests arriving meanwhile wait for the same answer.
    const entry = { version, at: Date.now(), body: render(), type };
    entry.body.catch(() => pageCache.get(key) === entry && pageCache.delete(key));
    if (pageCache.size >= 2000) pageCache.clear();
    pageCache.set(key, entry);
    hit = entry;
  }
  return c.body(await hit.body, 200, { ...publicHeaders, ...extraHeaders, 'content-type': hit.type });
}
const html = 'text/html; charset=UTF-8';
/** A page's JSX as the string it renders to. */
const render = async (node: unknown): Promise<string> => String(await (node as { toString(): string | Promise<string> }).toString());

function ages(e: PublicEntry): string {
  if (e.ageMin === null && e.ageMax === null) return '16–64 år';
  return `${e.ageMin ?? 16}–${e.ageMax ?? 64} år`;
}

function Status(props: { e: PublicEntry }) {
  return props.e.openForReferral ? <strong class="status-open">Tar emot nya deltagare</strong> : <strong class="status-closed">Tar inte emot nya deltagare just nu</strong>;
}

/** How to reach an entry: its contact role, with its function mailbox as a link and its phone. */
function Contact(props: { entry: PublicEntry }) {
  const e = props.entry;
  return (
    <>
      {e.contactRole}
      {e.contactEmail ? (
        <>
          {', '}
          <a href={`mailto:${e.contactEmail}`}>{e.contactEmail}</a>
        </>
      ) : null}
      {e.contactPhone ? `, ${e.contactPhone}` : null}
    </>
  );
}

function entryHref(e: { federationId: number; interventionId: number }): string {
  return `/katalog/${e.federationId}/insats/${e.interventionId}`;
}

function EntryCard(props: { e: PublicEntry; showFederation?: boolean; target?: string }) {
  const e = props.e;
  return (
    <li class="catalogue-entry">
      <h3>
        <a href={entryHref(e)} target={props.target}>
          {e.name}
        </a>
      </h3>
      {props.showFederation ? <p class="muted">{e.federation}</p> : null}
      <p>
        <Status e={e} />
      </p>
      <dl class="entry-facts">
        <dt>Målgrupp</dt>
        <dd>
          {e.targetGroup}, {ages(e)}
        </dd>
        <dt>Kommuner</dt>
        <dd>{e.municipalities.length ? e.municipalities.join(', ') : 'Hela förbundets område'}</dd>
        <dt>Kontakt</dt>
        <dd>
          <Contact entry={e} />
        </dd>
      </dl>
    </li>
  );
}

function PublicLayout(props: { title: string; children?: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="sv">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title} – Insatskatalogen</title>
          <link rel="stylesheet" href="/static/app.css" />
        </head>
        <body>
          <a class="skip-link" href="#main">
            Hoppa till innehållet
          </a>
          <header class="site-header">
            <a class="brand" href="/katalog">
              Insatskatalogen
            </a>
          </header>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

function SearchForm(props: { action: string; filters: CatalogueFilters; facets: { municipalities: string[]; targetGroups: string[] } }) {
  const f = props.filters;
  return (
    <Form action={props.action} method="get" class="catalogue-search" label="Sök insats">
      <TextField name="q" label="Sök" value={f.q ?? ''} hint="Ord ur namn, syfte eller målgrupp, t.ex. unga eller sjukskrivna." />
      <SelectField name="kommun" label="Kommun" value={f.municipality ?? ''} options={[{ value: '', label: 'Alla kommuner' }, ...props.facets.municipalities.map((m) => ({ value: m, label: m }))]} />
      <SelectField name="malgrupp" label="Målgrupp" value={f.targetGroup ?? ''} options={[{ value: '', label: 'Alla målgrupper' }, ...props.facets.targetGroups.map((m) => ({ value: m, label: m }))]} />
      <TextField name="alder" label="Ålder" inputmode="numeric" size={4} value={f.age ?? ''} hint="Personens ålder, 16–67." />
      <SelectField name="forsorjning" label="Försörjning" value={f.supportSource ?? ''} options={[{ value: '', label: 'Alla' }, ...supportSourceOptions]} />
      <SubmitButton label="Sök" />
    </Form>
  );
}

function ResultList(props: { entries: readonly PublicEntry[]; showFederation?: boolean }) {
  return (
    <>
      <p role="status">{props.entries.length === 1 ? '1 insats' : `${props.entries.length} insatser`}</p>
      {props.entries.length ? (
        <ul class="catalogue-list">
          {props.entries.map((e) => (
            <EntryCard e={e} showFederation={props.showFederation} />
          ))}
        </ul>
      ) : (
        <p>Inga insatser matchar sökningen.</p>
      )}
    </>
  );
}

/** The open-data JSON of an entry: what the list promises, results exactly as the suppressed statistics. */
function entryJson(e: PublicEntry) {
  return {
    id: e.interventionId,
    url: entryHref(e),
    federation: e.federation,
    county: e.county,
    name: e.name,
    purpose: e.purpose,
    targetGroup: e.targetGroup,
    ageMin: e.ageMin,
    ageMax: e.ageMax,
    municipalities: e.municipalities,
    supportSources: e.supportSources,
    owner: e.owner,
    participatingMembers: e.participatingMembers,
    referralProcess: e.referralProcess,
    contact: { role: e.contactRole, email: e.contactEmail, phone: e.contactPhone },
    openForReferral: e.openForReferral,
    capacity: e.capacity,
    periodStart: e.periodStart,
    periodEnd: e.periodEnd,
    results: e.results,
  };
}

function catalogueTable(entries: readonly PublicEntry[]): Table {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v);
  return {
    title: 'Insatskatalogen',
    columns: [
      { key: 'id', header: 'Id', kind: 'integer' },
      { key: 'federation', header: 'Förbund', kind: 'text' },
      { key: 'name', header: 'Insats', kind: 'text' },
      { key: 'targetGroup', header: 'Målgrupp', kind: 'text' },
      { key: 'ages', header: 'Ålder', kind: 'text' },
      { key: 'municipalities', header: 'Kommuner', kind: 'text' },
      { key: 'open', header: 'Tar emot nya deltagare', kind: 'text' },
      { key: 'contact', header: 'Kontakt', kind: 'text' },
      { key: 'active', header: 'Aktiva förra året', kind: 'integer' },
      { key: 'new', header: 'Nya förra året', kind: 'integer' },
      { key: 'ended', header: 'Avslutade förra året', kind: 'integer' },
    ],
    rows: entries.map((e) => ({
      cells: {
        id: e.interventionId,
        federation: e.federation,
        name: e.name,
        targetGroup: e.targetGroup,
        ages: ages(e),
        municipalities: e.municipalities.join(', '),
        open: e.openForReferral ? 'Ja' : 'Nej',
        contact: [e.contactRole, e.contactEmail, e.contactPhone].filter(Boolean).join(', '),
        active: n(e.results?.active),
        new: n(e.results?.new),
        ended: n(e.results?.ended),
      },
    })),
  };
}

function idOf(c: Context<AppEnv>, name: string): number {
  const r = parseId(c.req.param(name));
  if (!r.ok) throw new NotFoundError('Sidan finns inte.');
  return r.value;
}
const federationIdOf = (c: Context<AppEnv>) => idOf(c, 'federationId');

export const catalogueRoutes: RouteModule = (app, { db }) => {
  app.get('/katalog', async (c) => {
    const counties = await catalogueCounties(db);
    const federations = await catalogueFederations(db);
    return c.html(
      <PublicLayout title="Insatskatalogen">
        <h1>Insatskatalogen</h1>
        <p>Insatser som samordningsförbunden finansierar och som du kan remittera till. Välj förbund eller län.</p>
        {counties.length ? (
          <>
            <h2>Län</h2>
            <ul>
              {counties.map((county) => (
                <li>
                  <a href={`/katalog/lan/${encodeURIComponent(county)}`}>{county}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>Förbund</h2>
        {federations.length ? (
          <ul>
            {federations.map((f) => (
              <li>
                <a href={`/katalog/${f.id}`}>{f.name}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>Inga insatser är publicerade ännu.</p>
        )}
      </PublicLayout>,
      200,
      publicHeaders,
    );
  });

  app.get('/katalog/lan/:county', async (c) => {
    const county = c.req.param('county');
    return cachedAnswer(c, db, { county }, html, async () => {
    const counties = await catalogueCounties(db);
    if (!counties.includes(county)) throw new NotFoundError('Länet har inga publicerade insatser.');
    const filters = filtersOf(c);
    const [entries, facets] = [await publicCatalogue(db, { county }, filters, lastYear()), await catalogueFacets(db, { county })];
    return render(
      <PublicLayout title={`Insatser i ${county}`}>
        <h1>Insatser i {county}</h1>
        <p>Alla samordningsförbund i länet som publicerat insatser.</p>
        <SearchForm action={`/katalog/lan/${encodeURIComponent(county)}`} filters={filters} facets={facets} />
        <ResultList entries={entries} showFederation />
      </PublicLayout>,
    );
    });
  });

  app.get('/katalog/:federationId{[0-9]+}', async (c) => {
    const fid = federationIdOf(c);
    return cachedAnswer(c, db, { federationId: fid }, html, async () => {
    const f = await catalogueFederation(db, fid);
    const filters = filtersOf(c);
    const [entries, facets] = [await publicCatalogue(db, { federationId: f.id }, filters, lastYear()), await catalogueFacets(db, { federationId: f.id })];
    return render(
      <PublicLayout title={f.name}>
        <h1>Insatser – {f.name}</h1>
        <p>
          Insatser som förbundet finansierar. Varje insats har en egen sida med hur du remitterar.{' '}
          {f.county ? <a href={`/katalog/lan/${encodeURIComponent(f.county)}`}>Alla insatser i {f.county}</a> : null}
        </p>
        <SearchForm action={`/katalog/${f.id}`} filters={filters} facets={facets} />
        <ResultList entries={entries} />
        <p>
          Öppna data: <a href={`/api/katalog/${f.id}`}>JSON</a> · <a href={`/api/katalog/${f.id}?format=csv`}>CSV</a> · <a href={`/katalog/${f.id}/inbaddning`}>vy för inbäddning</a>
        </p>
      </PublicLayout>,
    );
    });
  });

  app.get('/katalog/:federationId{[0-9]+}/insats/:interventionId{[0-9]+}', async (c) => {
    const fid = federationIdOf(c);
    const interventionId = idOf(c, 'interventionId');
    return cachedAnswer(c, db, { federationId: fid }, html, async () => {
    const e = await publicEntry(db, fid, interventionId, lastYear());
    const r = e.results;
    return render(
      <PublicLayout title={e.name}>
        <p>
          <a href={`/katalog/${e.federationId}`}>← Alla insatser i {e.federation}</a>
        </p>
        <h1>{e.name}</h1>
        <p>
          <Status e={e} />
          {e.capacity !== null ? ` · ${e.capacity} platser` : null}
        </p>
        <dl class="entry-facts">
          <dt>Syfte</dt>
          <dd>{e.purpose}</dd>
          <dt>Målgrupp</dt>
          <dd>
            {e.targetGroup}, {ages(e)}
          </dd>
          <dt>Kommuner</dt>
          <dd>{e.municipalities.length ? e.municipalities.join(', ') : 'Hela förbundets område'}</dd>
          <dt>Passar personer med</dt>
          <dd>{e.supportSources.length ? e.supportSources.map((s) => SupportSource.label(s as never)).join(', ') : 'Alla former av försörjning'}</dd>
          <dt>Insatsägare</dt>
          <dd>{e.owner ?? 'Uppgift saknas'}</dd>
          <dt>Medverkande medlemmar</dt>
          <dd>{e.participatingMembers.length ? e.participatingMembers.join(', ') : 'Uppgift saknas'}</dd>
          <dt>Så remitterar du</dt>
          <dd>{e.referralProcess}</dd>
          <dt>Kontakt</dt>
          <dd>
            <Contact entry={e} />
          </dd>
          <dt>Period</dt>
          <dd>
            {e.periodStart} – {e.periodEnd ?? 'tills vidare'}
          </dd>
        </dl>
        {r ? (
          <>
            <h2>Resultat {r.year}</h2>
            <div class="table-scroll" tabindex={0} role="region" aria-label="Resultat">
              <table id="results">
                <caption>Deltagare {r.year}</caption>
                <thead>
                  <tr>
                    <th scope="col">Deltagare</th>
                    <th scope="col" class="num">
                      Antal
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Aktiva</th>
                    <td class="num">{fmtCount(r.active)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Nya</th>
                    <td class="num">{fmtCount(r.new)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Avslutade</th>
                    <td class="num">{fmtCount(r.ended)}</td>
                  </tr>
                  {(r.exitOutcomes.some((o) => o.count !== null) ? r.exitOutcomes : []).map((o) => (
                    <tr>
                      <th scope="row">Avslutade: {o.label.toLowerCase()}</th>
                      <td class="num">{fmtCount(o.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="suppression-note">– betyder att uppgiften är dold för att ingen deltagare ska kunna pekas ut.</p>
          </>
        ) : null}
        <p class="muted">Uppgifterna ska granskas senast {e.reviewBy}.</p>
      </PublicLayout>,
    );
    });
  });

  // A minimal view for a member's intranet (framing allowed for this route only, see app.tsx).
  app.get('/katalog/:federationId{[0-9]+}/inbaddning', async (c) => {
    const fid = federationIdOf(c);
    return cachedAnswer(c, db, { federationId: fid }, html, async () => {
    const f = await catalogueFederation(db, fid);
    const entries = await publicCatalogue(db, { federationId: f.id }, filtersOf(c), lastYear());
    return render(
      <>
        {raw('<!DOCTYPE html>')}
        <html lang="sv">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Insatser – {f.name}</title>
            <link rel="stylesheet" href="/static/app.css" />
          </head>
          <body class="embed">
            <main>
              <h1>Insatser – {f.name}</h1>
              <ul class="catalogue-list">
                {entries.map((e) => (
                  <EntryCard e={e} target="_blank" />
                ))}
              </ul>
            </main>
          </body>
        </html>
      </>,
    );
    });
  });

  app.get('/api/katalog/:federationId{[0-9]+}', async (c) => {
    const fid = federationIdOf(c);
    const load = async () => {
      const f = await catalogueFederation(db, fid);
      return { f, entries: await publicCatalogue(db, { federationId: f.id }, filtersOf(c), lastYear()) };
    };
    if (c.req.query('format') === 'csv') {
      return cachedAnswer(c, db, { federationId: fid }, 'text/csv; charset=utf-8', async () => tableToCsv(catalogueTable((await load()).entries)), {
        'content-disposition': `attachment; filename="insatskatalog-${fid}.csv"`,
      });
    }
    return cachedAnswer(
      c,
      db,
      { federationId: fid },
      'application/json',
      async () => {
        const { f, entries } = await load();
        return JSON.stringify({ federation: f.name, county: f.county, resultsYear: lastYear(), interventions: entries.map(entryJson) });
      },
      { 'access-control-allow-origin': '*' },
    );
  });

  // ---- Writing entries (kansli, or the intervention's staff) ----
  app.get('/f/:federationId/katalog', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'federation:read');
    const rows = await catalogueOverview(db, f.id, today(), c.get('ctx').interventions('interventions:read'));
    const canWrite = (id: number) => c.get('ctx').can('catalogue:write', { interventionId: id });
    return c.html(
      <Layout title="Insatskatalog" federation={f}>
        <h1>Insatskatalog</h1>
        <p>
          Det som är markerat som publikt visas för alla på <a href={`/katalog/${f.id}`}>förbundets katalogsida</a> (utan inloggning). Poster vars
          granskningsdatum har passerat är markerade som inaktuella.
        </p>
        <div class="table-scroll" tabindex={0} role="region" aria-label="Katalogposter">
          <table id="catalogue-overview">
            <caption>Insatser och deras katalogposter</caption>
            <thead>
              <tr>
                <th scope="col">Insats</th>
                <th scope="col">Status</th>
                <th scope="col">Granskas senast</th>
                <th scope="col">Åtgärd</th>
              </tr>
            </thead>
            <tbody>
              {rows.length ? (
                rows.map((r) => (
                  <tr class={r.outOfDate ? 'out-of-date' : undefined}>
                    <th scope="row">{r.name}</th>
                    <td>{!r.hasEntry ? 'Ingen post' : r.public ? 'Publik' : 'Inte publik'}</td>
                    <td>{r.reviewBy ? (r.outOfDate ? <strong class="warning">{r.reviewBy} – inaktuell</strong> : r.reviewBy) : '–'}</td>
                    <td>{canWrite(r.interventionId) ? <a href={`/f/${f.id}/insatser/${r.interventionId}/katalog`}>{r.hasEntry ? 'Ändra' : 'Skriv'} <span class="visually-hidden">katalogpost för {r.name}</span></a> : '–'}</td>
                  </tr>
                ))
              ) : (
                <tr>
                  <td colspan={4}>Inga insatser att visa.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });

  const editPage = async (c: Context<AppEnv>, opts: { errors?: Record<string, string>; general?: string[]; values?: Record<string, unknown> } = {}) => {
    const f = requireFederation(c);
    const id = idOf(c, 'id');
    requirePermission(c, 'catalogue:write', { interventionId: id });
    const i = await getIntervention(db, f.id, id);
    const stored = await getCatalogueEntry(db, f.id, id);
    const v: Record<string, unknown> = opts.values ?? (stored ? { ...stored, municipalities: stored.municipalities.join(', ') } : { targetGroup: i.targetGroup, municipalities: i.municipalitiesServed.join(', '), capacity: i.capacity });
    const e = opts.errors ?? {};
    const str = (k: string) => (v[k] === null || v[k] === undefined ? '' : String(v[k]));
    const sources = new Set(Array.isArray(v.supportSources) ? (v.supportSources as string[]) : v.supportSources ? [String(v.supportSources)] : []);
    const checked = (k: string) => v[k] === true || v[k] === 'on';
    return c.html(
      <Layout title={`Katalogpost: ${i.name}`} federation={f}>
        <h1>Katalogpost: {i.name}</h1>
        {stored ? (
          <p class="muted">
            Senast ändrad {stored.updatedAt} av {stored.updatedBy}. {stored.public ? <a href={`/katalog/${f.id}/insats/${id}`}>Visa den publika sidan</a> : 'Posten är inte publik.'}
          </p>
        ) : null}
        <ErrorSummary errors={opts.errors} general={opts.general} />
        <Form action={`/f/${f.id}/insatser/${id}/katalog`} label="Katalogpost">
          <TextAreaField name="purpose" label="Syfte" value={str('purpose')} error={e.purpose} rows={4} />
          <TextField name="targetGroup" label="Målgrupp" value={str('targetGroup')} error={e.targetGroup} />
          <TextField name="ageMin" label="Lägsta ålder" inputmode="numeric" size={4} value={str('ageMin')} error={e.ageMin} />
          <TextField name="ageMax" label="Högsta ålder" inputmode="numeric" size={4} value={str('ageMax')} error={e.ageMax} />
          <TextField name="municipalities" label="Kommuner" value={str('municipalities')} error={e.municipalities} hint="Skilda med kommatecken." />
          <fieldset>
            <legend>Passar personer med försörjning från</legend>
            <div class="checkbox-list">
              {supportSourceOptions.map((o) => (
                <div class="checkbox">
                  <input type="checkbox" id={`src-${o.value}`} name="supportSources" value={o.value} checked={sources.has(o.value)} />
                  <label for={`src-${o.value}`}>{o.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <TextAreaField name="referralProcess" label="Så remitterar man" value={str('referralProcess')} error={e.referralProcess} rows={4} />
          <TextField name="contactRole" label="Kontaktroll" value={str('contactRole')} error={e.contactRole} hint="En funktion, t.ex. Samordningsteamets mottagning – inte en privatperson." />
          <TextField name="contactEmail" label="E-post (funktionsbrevlåda)" value={str('contactEmail')} error={e.contactEmail} />
          <TextField name="contactPhone" label="Telefon (växel eller funktion)" value={str('contactPhone')} error={e.contactPhone} />
          <TextField name="capacity" label="Antal platser" inputmode="numeric" size={6} value={str('capacity')} error={e.capacity} />
          <div class="checkbox">
            <input type="checkbox" id="f-openForReferral" name="openForReferral" value="on" checked={checked('openForReferral')} />
            <label for="f-openForReferral">Tar emot nya deltagare nu</label>
          </div>
          <TextField name="reviewBy" label="Granskas senast" type="date" value={str('reviewBy')} error={e.reviewBy} hint="ÅÅÅÅ-MM-DD. Efter det datumet visas posten som inaktuell för kansliet." />
          <div class="checkbox">
            <input type="checkbox" id="f-public" name="public" value="on" checked={checked('public')} />
            <label for="f-public">Publik – visas i katalogen för alla</label>
          </div>
          <SubmitButton label="Spara katalogposten" />
        </Form>
      </Layout>,
      opts.errors || opts.general ? 400 : 200,
    );
  };

  app.get('/f/:federationId/insatser/:id{[0-9]+}/katalog', (c) => editPage(c));
  app.post('/f/:federationId/insatser/:id{[0-9]+}/katalog', async (c) => {
    const f = requireFederation(c);
    const id = idOf(c, 'id');
    const ctx = requirePermission(c, 'catalogue:write', { interventionId: id });
    const body = await c.req.parseBody({ all: true });
    const values: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(body)) if (k !== '_csrf') values[k] = Array.isArray(val) ? val.filter((x) => typeof x === 'string') : typeof val === 'string' ? val : undefined;
    try {
      await saveCatalogueEntry(db, f.id, id, values, ctx.actor);
      return redirectWithFlash(c, `/f/${f.id}/insatser/${id}/katalog`, 'catalogue');
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const { fields, general } = problemsToFieldErrors(err.problems);
      return editPage(c, { errors: fields, general, values });
    }
  });
};
