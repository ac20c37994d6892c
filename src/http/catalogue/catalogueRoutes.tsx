import { redirectWithFlash } from '../kit/flash.tsx';
import { Hono, type Context } from 'hono';
import { publicNotices } from '../../services/decisions/minutes.ts';
import { PublicNoticePage } from './publicNoticePage.tsx';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { SupportSource } from '../../core/interventions/vocabulary.ts';
import { parseId, parseInteger } from '../../core/input/index.ts';
import { tableToCsv } from '../../exports/csv.ts';
import type { Table } from '../../core/table.ts';
import type { Database, Queryable } from '../../db/database.ts';
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
  type CatalogueFilters,
  type PublicEntry,
} from '../../services/catalogue/catalogue.ts';
import { problemsToFieldErrors } from '../kit/refusedForm.ts';
import { ages, entryHref } from './parts.tsx';
import { CatalogueStartPage, CountyPage, EmbedPage, EntryPage, FederationCataloguePage, type CatalogueStartModel, type CountyPageModel, type EmbedModel, type FederationCatalogueModel } from './publicPages.tsx';
import { CatalogueEntryFormPage, CatalogueOverviewPage, type CatalogueEntryFormModel, type CatalogueOverviewModel } from './kansliPages.tsx';
import { currentYear, today } from '../../core/calendar.ts';

/**
 * The public catalogue of interventions (no login): per förbund, per county, one stable page per entry, open
 * data (JSON, CSV) and a minimal view to embed on a member's intranet. Plus the kansli's and the staff's
 * pages to write entries and see which are out of date.
 */

const lastYear = () => currentYear() - 1;

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

/** The catalogue's start: the counties and the förbund with published entries. */
export async function loadCatalogueStart(db: Queryable): Promise<CatalogueStartModel> {
  const counties = await catalogueCounties(db);
  const federations = await catalogueFederations(db);
  return { counties, federations };
}

/** A county's entries matching the filters; NotFoundError when no förbund in it has published any. */
export async function loadCountyPage(db: Database, county: string, filters: CatalogueFilters): Promise<CountyPageModel> {
  const counties = await catalogueCounties(db);
  if (!counties.includes(county)) throw new NotFoundError('Länet har inga publicerade insatser.');
  const [entries, facets] = [await publicCatalogue(db, { county }, filters, lastYear()), await catalogueFacets(db, { county })];
  return { county, filters, entries, facets };
}

/** A förbund's entries matching the filters, with the search facets. */
export async function loadFederationCatalogue(db: Database, federationId: number, filters: CatalogueFilters): Promise<FederationCatalogueModel> {
  const f = await catalogueFederation(db, federationId);
  const [entries, facets] = [await publicCatalogue(db, { federationId: f.id }, filters, lastYear()), await catalogueFacets(db, { federationId: f.id })];
  return { federation: f, filters, entries, facets };
}

/** The list a member's intranet frames. */
export async function loadEmbed(db: Database, federationId: number, filters: CatalogueFilters): Promise<EmbedModel> {
  const f = await catalogueFederation(db, federationId);
  const entries = await publicCatalogue(db, { federationId: f.id }, filters, lastYear());
  return { federation: f, entries };
}

/** The kansli's overview: every intervention the user reads, its entry's state, and whether the user may write it. */
export async function loadCatalogueOverview(db: Queryable, federation: FederationRef, ctx: RequestContext): Promise<CatalogueOverviewModel> {
  const rows = await catalogueOverview(db, federation.id, today(), ctx.interventions('interventions:read'));
  return { federation, rows: rows.map((r) => ({ ...r, canWrite: ctx.can('catalogue:write', { interventionId: r.interventionId }) })) };
}

/**
 * One entry's form: what was typed (after a refusal), else the stored entry, else the intervention's own target
 * group, municipalities and capacity as a start.
 */
export async function loadCatalogueEntryForm(
  db: Queryable,
  federation: FederationRef,
  interventionId: number,
  opts: { errors?: Record<string, string>; general?: string[]; values?: Record<string, unknown>; notice?: string | null } = {},
): Promise<CatalogueEntryFormModel> {
  const i = await getIntervention(db, federation.id, interventionId);
  const stored = await getCatalogueEntry(db, federation.id, interventionId);
  const values: Record<string, unknown> = opts.values ?? (stored ? { ...stored, municipalities: stored.municipalities.join(', ') } : { targetGroup: i.targetGroup, municipalities: i.municipalitiesServed.join(', '), capacity: i.capacity });
  return {
    federation,
    interventionId,
    name: i.name,
    stored: stored ? { updatedAt: stored.updatedAt, updatedBy: stored.updatedBy, public: stored.public } : null,
    values,
    errors: opts.errors,
    general: opts.general,
    notice: opts.notice,
  };
}

/** The public catalogue, its open data and embed view, and the pages to write entries. */
export const catalogueRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/katalog', async (c) => c.html(<CatalogueStartPage model={await loadCatalogueStart(db)} />, 200, publicHeaders));

  app.get('/katalog/lan/:county', async (c) => {
    const county = c.req.param('county');
    return cachedAnswer(c, db, { county }, html, async () => render(<CountyPage model={await loadCountyPage(db, county, filtersOf(c))} />));
  });

  app.get('/katalog/:federationId{[0-9]+}', async (c) => {
    const fid = federationIdOf(c);
    return cachedAnswer(c, db, { federationId: fid }, html, async () => render(<FederationCataloguePage model={await loadFederationCatalogue(db, fid, filtersOf(c))} />));
  });

  app.get('/katalog/:federationId{[0-9]+}/insats/:interventionId{[0-9]+}', async (c) => {
    const fid = federationIdOf(c);
    const interventionId = idOf(c, 'interventionId');
    return cachedAnswer(c, db, { federationId: fid }, html, async () => render(<EntryPage entry={await publicEntry(db, fid, interventionId, lastYear())} />));
  });

  // A minimal view for a member's intranet (framing allowed for this route only, see app.tsx).
  app.get('/katalog/:federationId{[0-9]+}/inbaddning', async (c) => {
    const fid = federationIdOf(c);
    return cachedAnswer(c, db, { federationId: fid }, html, async () => render(<EmbedPage model={await loadEmbed(db, fid, filtersOf(c))} />));
  });

  // The anslagstavla: justerade protocols with the first and last day of their anslag (JSON on request).
  app.get('/katalog/:federationId{[0-9]+}/anslag', async (c) => {
    const fid = federationIdOf(c);
    const { federation, notices } = await publicNotices(db, fid);
    if (c.req.query('format') === 'json' || (c.req.header('accept') ?? '').includes('application/json')) {
      return c.json({ federation, notices }, 200, { 'cache-control': 'no-cache' });
    }
    return c.html(<PublicNoticePage model={{ federationId: fid, federation, notices }} />, 200, { 'cache-control': 'no-cache' });
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
    return c.html(<CatalogueOverviewPage model={await loadCatalogueOverview(db, f, c.get('ctx'))} />);
  });

  const editPage = async (c: Context<AppEnv>, opts: Parameters<typeof loadCatalogueEntryForm>[3] = {}) => {
    const f = requireFederation(c);
    const id = idOf(c, 'id');
    requirePermission(c, 'catalogue:write', { interventionId: id });
    return c.html(<CatalogueEntryFormPage model={await loadCatalogueEntryForm(db, f, id, opts)} />, opts.errors || opts.general ? 400 : 200);
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
  return app;
};
