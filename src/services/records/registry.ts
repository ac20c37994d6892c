/**
 * The registry (diarium) over the database: registering an entry (one number sequence per förbund and year,
 * taken under a row lock in the same transaction), Samordna's own records registering themselves
 * (registerRecord, called inside the writing service's transaction), the kansli's search and edit, the public
 * search (never a secret entry's subject) and a request for a public document, which is an entry too.
 */
import { InputError, NotFoundError } from '../../core/errors.ts';
import {
  formatRegistryNumber,
  parseRegistryEntryInput,
  parseRegistryNumber,
  publicView,
  registrySearchQuery,
  type Direction,
  type PublicRegistryEntry,
  type RegistryEntryInput,
} from '../../core/records/registry.ts';
import type { RecordKind } from '../../core/records/plan.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { ensurePlan } from './plan.ts';

export interface RegistryEntry {
  readonly id: number;
  readonly number: string;
  readonly year: number;
  readonly date: string;
  readonly direction: Direction;
  readonly party: string;
  readonly subject: string;
  readonly officer: string;
  readonly caseNumber: string | null;
  readonly documentClass: string | null;
  readonly documentClassName: string | null;
  readonly secrecySection: string | null;
  readonly sourceKind: string | null;
  readonly publicRequest: boolean;
  readonly disposed: boolean;
}

const entryColumns = `e.id, e.year || '/' || e.number as number, e.year, to_char(e.entry_date, 'YYYY-MM-DD') as date, e.direction, e.party, e.subject,
  e.officer, case when c.id is null then null else c.year || '/' || c.number end as "caseNumber", d.code as "documentClass", d.name as "documentClassName",
  e.secrecy_section as "secrecySection", e.source_kind as "sourceKind", e.public_request as "publicRequest", e.disposal_id is not null as disposed`;
const entryJoins = `registry_entry e
  left join registry_entry c on c.federation_id = e.federation_id and c.id = e.case_entry_id
  left join document_class d on d.federation_id = e.federation_id and d.id = e.document_class_id`;

/** Takes the next number of the förbund's year: the sequence row is locked until the transaction ends. */
async function nextNumber(tx: Queryable, federationId: number, year: number): Promise<number> {
  const [r] = await tx.query<{ n: number }>(
    `insert into registry_sequence (federation_id, year, last_number) values ($1, $2, 1)
     on conflict (federation_id, year) do update set last_number = registry_sequence.last_number + 1
     returning last_number as n`,
    [federationId, year],
  );
  return r!.n;
}

async function classId(tx: Queryable, federationId: number, code: string | null, kind: RecordKind | null): Promise<number | null> {
  if (code === null && kind === null) return null;
  await ensurePlan(tx, federationId);
  const [r] = await tx.query<{ id: number }>(
    code !== null ? 'select id from document_class where federation_id = $1 and code = $2' : 'select id from document_class where federation_id = $1 and record_kind = $2',
    [federationId, code ?? kind],
  );
  if (!r && code !== null) throw new InputError({ field: 'documentClass', message: `Handlingsslaget ${code} finns inte i dokumenthanteringsplanen.` });
  return r?.id ?? null;
}

async function caseId(tx: Queryable, federationId: number, caseNumber: string | null): Promise<number | null> {
  if (!caseNumber) return null;
  const n = parseRegistryNumber(caseNumber)!;
  const [r] = await tx.query<{ id: number }>('select id from registry_entry where federation_id = $1 and year = $2 and number = $3', [federationId, n.year, n.number]);
  if (!r) throw new InputError({ field: 'caseNumber', message: `Ärendet ${caseNumber} finns inte i diariet.` });
  return r.id;
}

interface Insert extends RegistryEntryInput {
  readonly sourceKind?: RecordKind | null;
  readonly sourceRef?: string | null;
  readonly publicRequest?: boolean;
  readonly kindForClass?: RecordKind | null;
}

async function insertEntry(tx: Queryable, federationId: number, e: Insert, actorId: string): Promise<{ id: number; number: string }> {
  const year = Number(e.date.slice(0, 4));
  const cls = await classId(tx, federationId, e.documentClass, e.documentClass ? null : (e.kindForClass ?? null));
  const parent = await caseId(tx, federationId, e.caseNumber);
  const number = await nextNumber(tx, federationId, year);
  const [r] = await tx.query<{ id: number }>(
    `insert into registry_entry (federation_id, year, number, entry_date, direction, party, subject, officer, case_entry_id, document_class_id,
       secrecy_section, source_kind, source_ref, public_request, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
    [federationId, year, number, e.date, e.direction, e.party, e.subject, e.officer, parent, cls, e.secrecy?.section ?? null, e.sourceKind ?? null, e.sourceRef ?? null, e.publicRequest ?? false, actorId],
  );
  return { id: r!.id, number: formatRegistryNumber(year, number) };
}

/** Registers an entry (form or JSON body): returns its registry number, "2026/14". */
export async function registerEntry(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<{ id: number; number: string }> {
  const input = parseRegistryEntryInput(raw);
  return db.transaction((tx) => insertEntry(tx, federationId, input, actor.id), { ...actor, federationId });
}

/** What a record of Samordna's own says about itself when it registers. */
export interface OwnRecord {
  readonly kind: RecordKind;
  /** Identifies the record within its kind, e.g. the year of an annual report or an SIE file's SHA-256: registered once. */
  readonly ref: string;
  readonly date: string;
  readonly subject: string;
  readonly direction?: Direction;
  readonly party?: string;
  readonly officer?: string;
  readonly secrecy?: { readonly section: string } | null;
  readonly caseNumber?: string | null;
}

/**
 * Registers a record of Samordna's own (annual report, budget decision, SIE import, and — wired by their
 * services — applications, decisions and protocols) inside the caller's transaction. The document class is
 * the plan's class for the kind. A record already registered keeps its entry: the existing number is
 * returned. The texts go through the same rules as a typed entry (identity guard included).
 */
export async function registerRecord(tx: Queryable, federationId: number, record: OwnRecord, actorId: string): Promise<{ id: number; number: string }> {
  const [existing] = await tx.query<{ id: number; number: string }>(
    `select id, year || '/' || number as number from registry_entry where federation_id = $1 and source_kind = $2 and source_ref = $3`,
    [federationId, record.kind, record.ref],
  );
  if (existing) return existing;
  const input = parseRegistryEntryInput({
    date: record.date,
    direction: record.direction ?? 'internal',
    party: record.party ?? '',
    subject: record.subject,
    officer: record.officer ?? '',
    secrecy: record.secrecy ?? null,
    caseNumber: record.caseNumber ?? null,
  });
  return insertEntry(tx, federationId, { ...input, sourceKind: record.kind, sourceRef: record.ref, kindForClass: record.kind }, actorId);
}

/** Changes what an entry says (never its number); identity guard and the same rules as registering. */
export async function updateEntry(db: Database, federationId: number, id: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const input = parseRegistryEntryInput(raw);
  await db.transaction(async (tx) => {
    const [e] = await tx.query<{ year: number }>('select year from registry_entry where federation_id = $1 and id = $2 for update', [federationId, id]);
    if (!e) throw new NotFoundError('Diarieposten finns inte.');
    if (Number(input.date.slice(0, 4)) !== e.year) throw new InputError({ field: 'date', message: `Datumet måste ligga i diarieårets år (${e.year}); numret ändras aldrig.` });
    const cls = await classId(tx, federationId, input.documentClass, null);
    const parent = await caseId(tx, federationId, input.caseNumber);
    if (parent === id) throw new InputError({ field: 'caseNumber', message: 'En diariepost kan inte höra till sig själv.' });
    await tx.query(
      `update registry_entry set entry_date = $3, direction = $4, party = $5, subject = $6, officer = $7, case_entry_id = $8, document_class_id = $9, secrecy_section = $10
       where federation_id = $1 and id = $2`,
      [federationId, id, input.date, input.direction, input.party, input.subject, input.officer, parent, cls, input.secrecy?.section ?? null],
    );
  }, { ...actor, federationId });
}

export async function getEntry(db: Queryable, federationId: number, id: number): Promise<RegistryEntry> {
  const [r] = await db.query<RegistryEntry>(`select ${entryColumns} from ${entryJoins} where e.federation_id = $1 and e.id = $2`, [federationId, id]);
  if (!r) throw new NotFoundError('Diarieposten finns inte.');
  return r;
}

export interface RegistrySearch {
  readonly q?: string;
  readonly year?: number;
  readonly limit?: number;
}

function searchWhere(federationId: number, s: RegistrySearch, vector: 'public_search' | 'full_search'): { where: string; params: unknown[] } {
  const params: unknown[] = [federationId];
  const where = ['e.federation_id = $1'];
  if (s.year) {
    params.push(s.year);
    where.push(`e.year = $${params.length}`);
  }
  const q = (s.q ?? '').trim();
  const number = parseRegistryNumber(q);
  if (number) {
    params.push(number.year, number.number);
    where.push(`e.year = $${params.length - 1} and e.number = $${params.length}`);
  } else {
    const ts = registrySearchQuery(q);
    if (ts) {
      params.push(ts);
      where.push(`e.${vector} @@ to_tsquery('swedish', $${params.length})`);
    }
  }
  return { where: where.join(' and '), params };
}

/** The kansli's search: every entry, secret ones included, newest first. */
export async function searchRegistry(db: Queryable, federationId: number, s: RegistrySearch): Promise<RegistryEntry[]> {
  const { where, params } = searchWhere(federationId, s, 'full_search');
  return db.query<RegistryEntry>(`select ${entryColumns} from ${entryJoins} where ${where} order by e.entry_date desc, e.id desc limit ${Math.min(s.limit ?? 200, 5000)}`, params);
}

/**
 * The public registry: number, date, direction and party of every entry; the subject only of an entry not
 * marked secret. A secret entry is found by its number or party only — its subject is not searched either,
 * or a hit would tell what it says.
 */
export async function publicRegistry(db: Queryable, federationId: number, s: RegistrySearch): Promise<PublicRegistryEntry[]> {
  const { where, params } = searchWhere(federationId, s, 'public_search');
  const rows = await db.query<{ number: string; date: string; direction: Direction; party: string; subject: string; secrecySection: string | null }>(
    `select e.year || '/' || e.number as number, to_char(e.entry_date, 'YYYY-MM-DD') as date, e.direction, e.party,
            case when e.secrecy_section is null then e.subject else '' end as subject, e.secrecy_section as "secrecySection"
     from registry_entry e where ${where} order by e.entry_date desc, e.id desc limit ${Math.min(s.limit ?? 100, 1000)}`,
    params,
  );
  return rows.map(publicView);
}

/**
 * A request for a public document (begäran om allmän handling) becomes an entry: incoming, dated today, the
 * requester as party when given (anyone may stay anonymous: "Anonym"), what is asked for as the subject.
 */
export async function registerPublicRequest(db: Database, federationId: number, raw: Record<string, unknown>, today: string, actor: Actor): Promise<{ number: string }> {
  const party = typeof raw.party === 'string' && raw.party.trim() ? raw.party : 'Anonym';
  const subject = typeof raw.subject === 'string' && raw.subject.trim() ? `Begäran om allmän handling: ${raw.subject.trim()}` : '';
  const input = parseRegistryEntryInput({ date: today, direction: 'in', party, subject, officer: '', caseNumber: raw.caseNumber ?? null });
  return db.transaction(async (tx) => {
    const [f] = await tx.query('select 1 from federation where id = $1', [federationId]);
    if (!f) throw new NotFoundError('Förbundet finns inte.');
    const r = await insertEntry(tx, federationId, { ...input, publicRequest: true, kindForClass: 'public_request' }, actor.id);
    return { number: r.number };
  }, { ...actor, federationId });
}
