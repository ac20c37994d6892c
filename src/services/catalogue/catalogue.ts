/**
 * The catalogue of interventions over the database: entries written by the kansli or the intervention's staff,
 * the kansli's overview (which entries are out of date), and the public reads (only entries marked public),
 * with Swedish full-text search and filters. Last year's results come from the suppressed participant
 * statistics of the intervention (exactly what its statistics page shows), cached per förbund until the
 * förbund's data changes (its latest audit row).
 */
import { NotFoundError } from '../../core/errors.ts';
import { isOutOfDate, parseCatalogueEntryInput, searchQuery, type CatalogueEntryInput } from '../../core/catalogue/entry.ts';
import { ExitOutcome } from '../../core/interventions/vocabulary.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { publishedStatistics } from '../interventions/publishedStatistics.ts';

export interface CatalogueResults {
  readonly year: number;
  /** null = hidden (small count or derivable), as in the statistics. */
  readonly active: number | null;
  readonly new: number | null;
  readonly ended: number | null;
  readonly exitOutcomes: readonly { readonly label: string; readonly count: number | null }[];
}

export interface PublicEntry {
  readonly federationId: number;
  readonly federation: string;
  readonly county: string | null;
  readonly interventionId: number;
  readonly name: string;
  readonly kind: 'individual' | 'structural';
  readonly purpose: string;
  readonly targetGroup: string;
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  readonly municipalities: readonly string[];
  readonly supportSources: readonly string[];
  readonly owner: string | null;
  readonly participatingMembers: readonly string[];
  readonly referralProcess: string;
  readonly contactRole: string;
  readonly contactEmail: string | null;
  readonly contactPhone: string | null;
  readonly openForReferral: boolean;
  readonly capacity: number | null;
  readonly periodStart: string;
  readonly periodEnd: string | null;
  readonly reviewBy: string;
  readonly results: CatalogueResults | null;
}

export interface CatalogueFilters {
  readonly q?: string;
  readonly municipality?: string;
  readonly targetGroup?: string;
  readonly age?: number | null;
  readonly supportSource?: string;
}

/** What the kansli or the staff edits: the entry (or null) of one intervention. */
export async function getCatalogueEntry(db: Queryable, federationId: number, interventionId: number): Promise<(CatalogueEntryInput & { updatedAt: string; updatedBy: string }) | null> {
  const [r] = await db.query<CatalogueEntryInput & { updatedAt: string; updatedBy: string }>(
    `select public, purpose, target_group as "targetGroup", age_min as "ageMin", age_max as "ageMax", municipalities,
            support_sources as "supportSources", referral_process as "referralProcess", contact_role as "contactRole",
            contact_email as "contactEmail", contact_phone as "contactPhone", open_for_referral as "openForReferral", capacity,
            to_char(review_by, 'YYYY-MM-DD') as "reviewBy", to_char(updated_at, 'YYYY-MM-DD') as "updatedAt", updated_by as "updatedBy"
     from catalogue_entry where federation_id = $1 and intervention_id = $2`,
    [federationId, interventionId],
  );
  return r ?? null;
}

/** Creates or replaces the entry of an intervention (validated; identity guard on every text). */
export async function saveCatalogueEntry(db: Database, federationId: number, interventionId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const e = parseCatalogueEntryInput(raw);
  await db.transaction(async (tx) => {
    const found = await tx.query('select 1 from intervention where federation_id = $1 and id = $2', [federationId, interventionId]);
    if (!found.length) throw new NotFoundError('Insatsen finns inte.');
    await tx.query(
      `insert into catalogue_entry (federation_id, intervention_id, public, purpose, target_group, age_min, age_max, municipalities, support_sources,
         referral_process, contact_role, contact_email, contact_phone, open_for_referral, capacity, review_by, updated_at, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], $10, $11, $12, $13, $14, $15, $16, now(), $17)
       on conflict (federation_id, intervention_id) do update set public = excluded.public, purpose = excluded.purpose,
         target_group = excluded.target_group, age_min = excluded.age_min, age_max = excluded.age_max, municipalities = excluded.municipalities,
         support_sources = excluded.support_sources, referral_process = excluded.referral_process, contact_role = excluded.contact_role,
         contact_email = excluded.contact_email, contact_phone = excluded.contact_phone, open_for_referral = excluded.open_for_referral,
         capacity = excluded.capacity, review_by = excluded.review_by, updated_at = now(), updated_by = excluded.updated_by`,
      [
        federationId, interventionId, e.public, e.purpose, e.targetGroup, e.ageMin, e.ageMax, e.municipalities, e.supportSources,
        e.referralProcess, e.contactRole, e.contactEmail, e.contactPhone, e.openForReferral, e.capacity, e.reviewBy, actor.id,
      ],
    );
  }, { ...actor, federationId });
}

export interface KansliCatalogueRow {
  readonly interventionId: number;
  readonly name: string;
  readonly hasEntry: boolean;
  readonly public: boolean;
  readonly reviewBy: string | null;
  readonly outOfDate: boolean;
}

/** Every intervention of the förbund with its entry's state: the kansli's list (out-of-date entries flagged). */
export async function catalogueOverview(db: Queryable, federationId: number, today: string, interventionIds: 'all' | readonly number[] = 'all'): Promise<KansliCatalogueRow[]> {
  const rows = await db.query<{ interventionId: number; name: string; public: boolean | null; reviewBy: string | null }>(
    `select i.id as "interventionId", i.name, e.public, to_char(e.review_by, 'YYYY-MM-DD') as "reviewBy"
     from intervention i left join catalogue_entry e on e.federation_id = i.federation_id and e.intervention_id = i.id
     where i.federation_id = $1 order by i.name`,
    [federationId],
  );
  return rows
    .filter((r) => interventionIds === 'all' || interventionIds.includes(r.interventionId))
    .map((r) => ({ interventionId: r.interventionId, name: r.name, hasEntry: r.reviewBy !== null, public: r.public ?? false, reviewBy: r.reviewBy, outOfDate: r.reviewBy !== null && isOutOfDate(r.reviewBy, today) }));
}

const resultsCache = new Map<string, { version: string; at: number; value: CatalogueResults | null }>();
/** A cached value is used while the förbund's data version is unchanged, and never longer than this. */
export const catalogueCacheMs = 60_000;

/**
 * The data version of each förbund: its latest audit row (every write to its tables adds one; the index on
 * (federation_id, occurred_at) answers it at once). A transaction that commits later with an earlier
 * timestamp is caught by the cache's time limit (catalogueCacheMs).
 */
async function dataVersions(db: Queryable, federationIds: readonly number[]): Promise<Map<number, string>> {
  if (!federationIds.length) return new Map();
  const rows = await db.query<{ fid: number; v: string | null }>(
    `select f.id as fid, f.id || ':' || coalesce((select a.id::text from audit_log a where a.federation_id = f.id order by a.occurred_at desc limit 1), '0') as v
     from federation f where f.id = any($1::int[])`,
    [federationIds],
  );
  return new Map(rows.map((r) => [r.fid, r.v ?? '0']));
}

/** One string that changes whenever anything shown for the scope (a förbund, or every förbund of a county) changes. */
export async function catalogueVersion(db: Queryable, scope: { federationId: number } | { county: string }): Promise<string> {
  const rows = await db.query<{ v: string }>(
    `select f.id || ':' || coalesce(f.county, '') || ':' || coalesce((select a.id::text from audit_log a where a.federation_id = f.id order by a.occurred_at desc limit 1), '0') as v
     from federation f where ${'county' in scope ? 'f.county = $1' : 'f.id = $1'} order by f.id`,
    ['county' in scope ? scope.county : scope.federationId],
  );
  return rows.map((r) => r.v).join(',');
}

async function resultsOf(db: Database, federationId: number, interventionId: number, kind: string, year: number, version: string): Promise<CatalogueResults | null> {
  if (kind !== 'individual') return null;
  const key = `${federationId}:${interventionId}:${year}`;
  const hit = resultsCache.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < catalogueCacheMs) return hit.value;
  // Exactly what the intervention's statistics page shows everyone but its own staff: the published (frozen)
  // statistics of the closed year; null while the year is not yet published.
  const { stats: s } = await publishedStatistics(db, federationId, year, { interventionId });
  const totals = s?.flowByGender.rowTotals ?? null;
  const value: CatalogueResults | null =
    s && totals
      ? {
          year,
          active: totals[0] ?? null,
          new: totals[1] ?? null,
          ended: totals[2] ?? null,
          exitOutcomes: ExitOutcome.codes.map((c, j) => ({ label: ExitOutcome.label(c), count: s.exitOutcomes.cells[0]?.[j] ?? null })),
        }
      : null;
  if (resultsCache.size > 10_000) resultsCache.clear();
  resultsCache.set(key, { version, at: Date.now(), value });
  return value;
}

interface EntryRow extends Omit<PublicEntry, 'results' | 'participatingMembers'> {
  readonly participatingMembers: string[] | null;
}

/**
 * The public entries of one förbund, or of every förbund in a county, that match the filters: only entries
 * marked public. `lastYear` is the year whose results are shown.
 */
export async function publicCatalogue(
  db: Database,
  scope: { federationId: number } | { county: string } | { federationId: number; interventionId: number },
  filters: CatalogueFilters,
  lastYear: number,
): Promise<PublicEntry[]> {
  const params: unknown[] = [];
  const where: string[] = ['e.public'];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if ('county' in scope) where.push(`f.county = ${p(scope.county)}`);
  else where.push(`e.federation_id = ${p(scope.federationId)}`);
  if ('interventionId' in scope) where.push(`e.intervention_id = ${p(scope.interventionId)}`);
  const q = filters.q ? searchQuery(filters.q) : null;
  if (q) {
    where.push(`to_tsvector('swedish', i.name || ' ' || e.purpose || ' ' || e.target_group || ' ' || e.referral_process) @@ to_tsquery('swedish', ${p(q)})`);
  }
  if (filters.municipality) where.push(`${p(filters.municipality)} = any(e.municipalities)`);
  if (filters.targetGroup) where.push(`e.target_group = ${p(filters.targetGroup)}`);
  if (filters.age != null) where.push(`coalesce(e.age_min, 16) <= ${p(filters.age)} and coalesce(e.age_max, 67) >= $${params.length}`);
  if (filters.supportSource) where.push(`${p(filters.supportSource)} = any(e.support_sources)`);
  const rows = await db.query<EntryRow>(
    `select e.federation_id as "federationId", f.name as federation, f.county, i.id as "interventionId", i.name, i.kind,
            e.purpose, e.target_group as "targetGroup", e.age_min as "ageMin", e.age_max as "ageMax", e.municipalities,
            e.support_sources as "supportSources", o.name as owner,
            (select array_agg(m.name order by m.sort_order, m.name) from intervention_member im join member m on m.federation_id = im.federation_id and m.id = im.member_id
             where im.federation_id = i.federation_id and im.intervention_id = i.id) as "participatingMembers",
            e.referral_process as "referralProcess", e.contact_role as "contactRole", e.contact_email as "contactEmail",
            e.contact_phone as "contactPhone", e.open_for_referral as "openForReferral", e.capacity,
            to_char(i.period_start, 'YYYY-MM-DD') as "periodStart", to_char(i.period_end, 'YYYY-MM-DD') as "periodEnd",
            to_char(e.review_by, 'YYYY-MM-DD') as "reviewBy"
     from catalogue_entry e
     join intervention i on i.federation_id = e.federation_id and i.id = e.intervention_id
     join federation f on f.id = e.federation_id
     left join member o on o.federation_id = i.federation_id and o.id = i.owner_member_id
     where ${where.join(' and ')}
     order by e.open_for_referral desc, i.name, f.name`,
    params,
  );
  const versions = await dataVersions(db, [...new Set(rows.map((r) => r.federationId))]);
  const out: PublicEntry[] = [];
  for (const r of rows) {
    out.push({ ...r, participatingMembers: r.participatingMembers ?? [], results: await resultsOf(db, r.federationId, r.interventionId, r.kind, lastYear, versions.get(r.federationId) ?? '0') });
  }
  return out;
}

/** One public entry (its stable page); NotFoundError when it does not exist or is not public. */
export async function publicEntry(db: Database, federationId: number, interventionId: number, lastYear: number): Promise<PublicEntry> {
  const [e] = await publicCatalogue(db, { federationId, interventionId }, {}, lastYear);
  if (!e) throw new NotFoundError('Insatsen finns inte i katalogen.');
  return e;
}

/** The values the filters offer: municipalities and target groups of the public entries in scope. */
export async function catalogueFacets(db: Queryable, scope: { federationId: number } | { county: string }): Promise<{ municipalities: string[]; targetGroups: string[] }> {
  const [cond, param] = 'county' in scope ? ['f.county = $1', scope.county] : ['e.federation_id = $1', scope.federationId];
  const rows = await db.query<{ municipalities: string[] | null; targetGroups: string[] | null }>(
    `select (select array_agg(distinct m order by m) from catalogue_entry e join federation f on f.id = e.federation_id, unnest(e.municipalities) m where e.public and ${cond}) as municipalities,
            (select array_agg(distinct e.target_group order by e.target_group) from catalogue_entry e join federation f on f.id = e.federation_id where e.public and ${cond}) as "targetGroups"`,
    [param],
  );
  return { municipalities: rows[0]?.municipalities ?? [], targetGroups: rows[0]?.targetGroups ?? [] };
}

/** A förbund's name and county for the public pages (NotFoundError when it does not exist). */
export async function catalogueFederation(db: Queryable, federationId: number): Promise<{ id: number; name: string; county: string | null }> {
  const [f] = await db.query<{ id: number; name: string; county: string | null }>('select id, name, county from federation where id = $1', [federationId]);
  if (!f) throw new NotFoundError('Förbundet finns inte.');
  return f;
}

/** Förbund that have at least one public entry. */
export async function catalogueFederations(db: Queryable): Promise<{ id: number; name: string }[]> {
  return db.query<{ id: number; name: string }>(
    'select f.id, f.name from federation f where exists (select 1 from catalogue_entry e where e.federation_id = f.id and e.public) order by f.name',
  );
}

/** Counties that have at least one public entry. */
export async function catalogueCounties(db: Queryable): Promise<string[]> {
  return (await db.query<{ county: string }>('select distinct f.county from federation f join catalogue_entry e on e.federation_id = f.id where e.public and f.county is not null order by 1')).map((r) => r.county);
}

