import { createHash, randomInt } from 'node:crypto';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import { isIsoDate, textProblems } from '../../core/input/index.ts';
import { isRespondentGroup, respondentGroupLabels, type RespondentGroup } from '../../core/surveys/sets.ts';
import { freeTextField, interventionField, parseAnswerForm, type FormStatement } from '../../core/surveys/answers.ts';
import { findSet, getSet, type SurveySet } from './sets.ts';
import { today as todayInSweden } from '../../core/calendar.ts';
import { findFederationRef } from '../federations/federations.ts';

/**
 * Survey rounds, their invitations (one open link, single-use codes) and the anonymous answers.
 * What is stored, and what deliberately is not, is described in migration 0130_surveys.sql.
 */

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
/** 16 characters of 31: about 79 bits, too many to guess or to recover from the stored hash. */
export function newSurveyToken(length = 16): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

export function hashCode(code: string): string {
  return createHash('sha256').update(`samordna-survey-code:${code}`).digest('hex');
}

/** The public answer page's path for a token (open link or code). */
export function answerPath(token: string): string {
  return `/e/${token}`;
}


export interface SurveyRound {
  readonly id: number;
  readonly federationId: number;
  readonly setDbId: number;
  readonly localSetDbId: number | null;
  readonly year: number;
  readonly group: RespondentGroup;
  readonly name: string;
  readonly opensOn: string;
  readonly closesOn: string;
  /** The day the kansli closed the round ahead of closesOn; null when it was not. */
  readonly closedOn: string | null;
  /** The day the round's results are published (shown to anyone): see publicationDate. */
  readonly publishedFrom: string;
  readonly openToken: string | null;
  readonly codesIssued: number;
  readonly codesUsed: number;
  readonly responses: number;
  readonly interventions: readonly { id: number; name: string }[];
}

type RoundRow = {
  id: number;
  federation_id: number;
  set_id: number;
  local_set_id: number | null;
  year: number;
  respondent_group: RespondentGroup;
  name: string;
  opens_on: string;
  closes_on: string;
  closed_on: string | null;
  open_token: string | null;
  codes_issued: number;
  codes_used: number;
  responses: number;
};

const roundSelect = `
  select r.id, r.federation_id, r.set_id, r.local_set_id, r.year, r.respondent_group, r.name,
         to_char(r.opens_on, 'YYYY-MM-DD') as opens_on, to_char(r.closes_on, 'YYYY-MM-DD') as closes_on,
         to_char(r.closed_on, 'YYYY-MM-DD') as closed_on, r.open_token, r.codes_issued,
         (r.codes_issued - (select count(*) from survey_code_unused u where u.federation_id = r.federation_id and u.round_id = r.id))::int as codes_used,
         (select count(*) from survey_response p where p.federation_id = r.federation_id and p.round_id = r.id)::int as responses
    from survey_round r`;

async function withInterventions(q: Queryable, rows: RoundRow[]): Promise<SurveyRound[]> {
  if (!rows.length) return [];
  const links = await q.query<{ round_id: number; id: number; name: string }>(
    `select ri.round_id, i.id, i.name from survey_round_intervention ri
       join intervention i on i.federation_id = ri.federation_id and i.id = ri.intervention_id
      where ri.federation_id = $1 and ri.round_id = any($2::int[]) order by i.name`,
    [rows[0]!.federation_id, rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    federationId: r.federation_id,
    setDbId: r.set_id,
    localSetDbId: r.local_set_id,
    year: r.year,
    group: r.respondent_group,
    name: r.name,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    closedOn: r.closed_on,
    publishedFrom: publicationDate({ closesOn: r.closes_on, closedOn: r.closed_on }),
    openToken: r.open_token,
    codesIssued: r.codes_issued,
    codesUsed: r.codes_used,
    responses: r.responses,
    interventions: links.filter((l) => l.round_id === r.id).map((l) => ({ id: l.id, name: l.name })),
  }));
}

export async function listRounds(q: Queryable, federationId: number): Promise<SurveyRound[]> {
  return withInterventions(q, await q.query<RoundRow>(`${roundSelect} where r.federation_id = $1 order by r.year desc, r.id desc`, [federationId]));
}

/** The round's settings without the counts of codes and answers (the public form needs no counts). */
const roundSelectLight = `
  select r.id, r.federation_id, r.set_id, r.local_set_id, r.year, r.respondent_group, r.name,
         to_char(r.opens_on, 'YYYY-MM-DD') as opens_on, to_char(r.closes_on, 'YYYY-MM-DD') as closes_on,
         to_char(r.closed_on, 'YYYY-MM-DD') as closed_on, r.open_token, r.codes_issued,
         0 as codes_used, 0 as responses
    from survey_round r`;

export async function getRound(q: Queryable, federationId: number, roundId: number, opts: { counts?: boolean } = {}): Promise<SurveyRound> {
  const select = opts.counts === false ? roundSelectLight : roundSelect;
  const [r] = await withInterventions(q, await q.query<RoundRow>(`${select} where r.federation_id = $1 and r.id = $2`, [federationId, roundId]));
  if (!r) throw new NotFoundError('Enkätomgången finns inte.');
  return r;
}

/** The förbund a round belongs to (the CLI names rounds by id alone); null when there is no such round. */
export async function roundFederation(q: Queryable, roundId: number): Promise<{ federation_id: number } | null> {
  const [r] = await q.query<{ federation_id: number }>('select federation_id from survey_round where id = $1', [roundId]);
  return r ?? null;
}

export interface NewRoundInput {
  /** Public set id ("insatspersonal-v1", or a key for its newest version). */
  readonly set: string;
  /** The förbund's own questions asked after the set (public id of a set of kind local), optional. */
  readonly localSet?: string | null;
  readonly year: number;
  readonly group: string;
  readonly name?: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly openLink: boolean;
  readonly codes: number;
  readonly interventionIds?: readonly number[];
}

export interface CreatedRound {
  readonly round: SurveyRound;
  readonly openLink: string | null;
  /** The single-use codes' paths, shown this once: only their hashes are stored. */
  readonly codes: readonly string[];
}

export const maxCodesPerBatch = 5000;
const validDate = isIsoDate;

export async function createRound(db: Database, federationId: number, input: NewRoundInput, actor: Actor): Promise<CreatedRound> {
  const problems: InputProblem[] = [];
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.push({ field: 'year', message: 'Ange ett år mellan 2000 och 2100.' });
  if (!isRespondentGroup(input.group)) problems.push({ field: 'group', message: `Okänd respondentgrupp "${input.group}". Välj en av: ${Object.keys(respondentGroupLabels).join(', ')}.` });
  if (!validDate(input.opensOn)) problems.push({ field: 'opensOn', message: 'Ange startdatum som ÅÅÅÅ-MM-DD.' });
  if (!validDate(input.closesOn)) problems.push({ field: 'closesOn', message: 'Ange slutdatum som ÅÅÅÅ-MM-DD.' });
  if (validDate(input.opensOn) && validDate(input.closesOn) && input.closesOn < input.opensOn) problems.push({ field: 'closesOn', message: 'Slutdatum får inte vara före startdatum.' });
  if (!Number.isInteger(input.codes) || input.codes < 0 || input.codes > maxCodesPerBatch) problems.push({ field: 'codes', message: `Antal koder ska vara 0–${maxCodesPerBatch}.` });
  if (!input.openLink && input.codes === 0) problems.push({ field: 'codes', message: 'Välj öppen länk och/eller ett antal engångskoder.' });
  problems.push(...textProblems('name', input.name, { kind: 'name' }));
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    const set = await findSet(tx, federationId, input.set);
    if (set.kind === 'local') throw new InputError({ field: 'set', message: 'Förbundets egna frågor ställs tillsammans med ett nationellt frågeset: välj dem som "egna frågor".' });
    if (set.group !== input.group) throw new InputError({ field: 'group', message: `Frågesetet ${set.id} är för gruppen ${set.group}, inte ${input.group}.` });
    let localSetId: number | null = null;
    if (input.localSet) {
      const local = await findSet(tx, federationId, input.localSet);
      if (local.kind !== 'local') throw new InputError({ field: 'localSet', message: `Frågesetet ${local.id} är inte förbundets egna frågor.` });
      localSetId = local.dbId;
    }
    const ids = [...new Set(input.interventionIds ?? [])];
    if (ids.length) {
      const found = await tx.query<{ id: number }>('select id from intervention where federation_id = $1 and id = any($2::int[])', [federationId, ids]);
      if (found.length !== ids.length) throw new InputError({ field: 'interventions', message: 'En vald insats finns inte i förbundet.' });
    }
    const openToken = input.openLink ? newSurveyToken() : null;
    const [r] = await tx.query<{ id: number }>(
      `insert into survey_round (federation_id, set_id, local_set_id, year, respondent_group, name, opens_on, closes_on, open_token)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [federationId, set.dbId, localSetId, input.year, input.group, (input.name ?? '').trim() || `${set.name} ${input.year}`, input.opensOn, input.closesOn, openToken],
    );
    for (const id of ids) await tx.query('insert into survey_round_intervention (federation_id, round_id, intervention_id) values ($1, $2, $3)', [federationId, r!.id, id]);
    const codes = await issueCodes(tx, federationId, r!.id, input.codes);
    return { round: await getRound(tx, federationId, r!.id), openLink: openToken ? answerPath(openToken) : null, codes: codes.map(answerPath) };
  }, actor);
}

async function issueCodes(tx: Queryable, federationId: number, roundId: number, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) codes.push(newSurveyToken());
  // In batches; the order of insertion is the order of the printed list, which carries no answer.
  for (let i = 0; i < codes.length; i += 500) {
    const hashes = codes.slice(i, i + 500).map(hashCode);
    await tx.query('insert into survey_code (federation_id, round_id, code_hash) select $1, $2, unnest($3::text[])', [federationId, roundId, hashes]);
    await tx.query('insert into survey_code_unused (federation_id, round_id, code_hash) select $1, $2, unnest($3::text[])', [federationId, roundId, hashes]);
  }
  if (n) await tx.query('update survey_round set codes_issued = codes_issued + $3 where federation_id = $1 and id = $2', [federationId, roundId, n]);
  return codes;
}

/** More single-use codes for a round (e.g. a second hand-out). Returns their paths, shown this once. */
export async function addCodes(db: Database, federationId: number, roundId: number, n: number, actor: Actor): Promise<string[]> {
  if (!Number.isInteger(n) || n < 1 || n > maxCodesPerBatch) throw new InputError({ field: 'codes', message: `Antal koder ska vara 1–${maxCodesPerBatch}.` });
  return db.transaction(async (tx) => {
    await getRound(tx, federationId, roundId);
    return (await issueCodes(tx, federationId, roundId, n)).map(answerPath);
  }, actor);
}

/** The questions of a round as the answer form shows them: the set's, then the förbund's own. */
export interface RoundForm {
  readonly round: SurveyRound;
  readonly federationName: string;
  readonly set: SurveySet;
  readonly localSet: SurveySet | null;
  readonly statements: readonly (FormStatement & { local: boolean; easyText: string | null; indicator: string })[];
  readonly freeTextPrompt: string | null;
  readonly freeTextPromptEasy: string | null;
}

export async function roundForm(q: Queryable, federationId: number, roundId: number, opts: { counts?: boolean } = {}): Promise<RoundForm> {
  const round = await getRound(q, federationId, roundId, opts);
  const set = await getSet(q, federationId, round.setDbId);
  const localSet = round.localSetDbId ? await getSet(q, federationId, round.localSetDbId) : null;
  const f = await findFederationRef(q, federationId);
  const statements = [
    ...set.statements.map((s) => ({ id: s.dbId, field: s.id, text: s.text, scale: s.scale, local: false, easyText: s.easyText, indicator: s.indicator })),
    ...(localSet?.statements ?? []).map((s) => ({ id: s.dbId, field: `lokal-${s.id}`, text: s.text, scale: s.scale, local: true, easyText: s.easyText, indicator: s.indicator })),
  ];
  return {
    round,
    federationName: f?.name ?? '',
    set,
    localSet,
    statements,
    freeTextPrompt: set.freeTextPrompt ?? localSet?.freeTextPrompt ?? null,
    freeTextPromptEasy: set.freeTextPromptEasy ?? localSet?.freeTextPromptEasy ?? null,
  };
}

/** Why a token cannot be answered, in Swedish for the respondent. */
export class SurveyClosedError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'SurveyClosedError';
  }
}

export const usedCodeMessage = 'Den här koden har redan använts. Varje kod kan bara användas en gång – dina svar har inte sparats igen.';
export const unknownTokenMessage = 'Länken eller koden finns inte. Kontrollera att du skrivit av den rätt.';

export interface ResolvedToken {
  readonly kind: 'open' | 'code';
  readonly federationId: number;
  readonly roundId: number;
  readonly codeHash: string | null;
  /** For a code: false when it has been used. */
  readonly unused: boolean;
}

/** What a public token is: a round's open link or one of its single-use codes; null when neither. */
export async function resolveToken(q: Queryable, token: string): Promise<ResolvedToken | null> {
  if (!/^[a-z0-9]{8,40}$/.test(token)) return null;
  const [open] = await q.query<{ federation_id: number; id: number }>('select federation_id, id from survey_round where open_token = $1', [token]);
  if (open) return { kind: 'open', federationId: open.federation_id, roundId: open.id, codeHash: null, unused: true };
  const hash = hashCode(token);
  const [code] = await q.query<{ federation_id: number; round_id: number; unused: boolean }>(
    'select c.federation_id, c.round_id, exists (select 1 from survey_code_unused u where u.code_hash = c.code_hash) as unused from survey_code c where c.code_hash = $1',
    [hash],
  );
  if (!code) return null;
  return { kind: 'code', federationId: code.federation_id, roundId: code.round_id, codeHash: hash, unused: code.unused };
}

/** Days after a round's last day during which paper forms may still be entered, before its results are published. */
export const paperFormDays = 30;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The day a round's results are published: the day the kansli closed it, or else `paperFormDays` after its last
 * day (paper forms come in afterwards). Before that no one sees a distribution, only the kansli the number of
 * answers so far: results that follow the answers one by one would give each new answer away to anyone who
 * reads them before and after it. From that day nothing can be added, so the publication never changes.
 */
export function publicationDate(round: Pick<SurveyRound, 'closesOn' | 'closedOn'>): string {
  return round.closedOn ?? addDays(round.closesOn, paperFormDays + 1);
}

export function isPublished(round: Pick<SurveyRound, 'closesOn' | 'closedOn'>, today: string): boolean {
  return today >= publicationDate(round);
}

/** Closed before the first day or after the last: the respondent's message; null while open. */
export function closedMessage(round: Pick<SurveyRound, 'opensOn' | 'closesOn' | 'closedOn'>, today: string): string | null {
  if (round.closedOn !== null && today >= round.closedOn) return `Enkäten stängdes ${round.closedOn}. Det går inte längre att svara.`;
  if (today < round.opensOn) return `Enkäten öppnar ${round.opensOn}. Välkommen tillbaka då.`;
  if (today > round.closesOn) return `Enkäten stängde ${round.closesOn}. Det går inte längre att svara.`;
  return null;
}

async function insertResponse(tx: Queryable, form: RoundForm, parsed: ReturnType<typeof parseAnswerForm>, interventionId: number | null, channel: 'web' | 'paper', today: string): Promise<void> {
  const fid = form.round.federationId;
  const [resp] = await tx.query<{ id: string }>(
    'insert into survey_response (federation_id, round_id, intervention_id, channel, answered_on) values ($1, $2, $3, $4, $5) returning id',
    [fid, form.round.id, interventionId, channel, today],
  );
  const ids = [...parsed.answers.keys()];
  await tx.query(
    'insert into survey_answer (federation_id, response_id, statement_id, step) select $1, $2, unnest($3::int[]), unnest($4::smallint[])',
    [fid, resp!.id, ids, ids.map((id) => parsed.answers.get(id) ?? null)],
  );
  if (parsed.freeText) {
    await tx.query('insert into survey_free_text (federation_id, round_id, set_id, text) values ($1, $2, $3, $4)', [fid, form.round.id, form.set.dbId, parsed.freeText]);
  }
}

function chosenIntervention(form: RoundForm, fields: Readonly<Record<string, string | undefined>>): { id: number | null; problem: InputProblem | null } {
  const list = form.round.interventions;
  if (list.length === 0) return { id: null, problem: null };
  if (list.length === 1) return { id: list[0]!.id, problem: null };
  const raw = (fields[interventionField] ?? '').trim();
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!list.some((i) => i.id === id)) return { id: null, problem: { field: interventionField, message: 'Svar saknas: välj vilken insats du svarar om.' } };
  return { id, problem: null };
}

function parseAll(form: RoundForm, fields: Readonly<Record<string, string | undefined>>) {
  const parsed = parseAnswerForm(form.statements, fields, { freeTextAllowed: form.freeTextPrompt !== null });
  const iv = chosenIntervention(form, fields);
  const problems = iv.problem ? [iv.problem, ...parsed.problems] : parsed.problems;
  return { parsed, interventionId: iv.id, problems };
}

/**
 * A respondent's answers through a public token. One transaction: a single-use code is deleted from the
 * unused codes and the answers inserted, or neither happens. Refused: unknown token, a used code, a round that
 * is not open, a missing answer (InputError naming each statement; nothing is stored).
 */
export async function submitAnswers(db: Database, token: string, fields: Readonly<Record<string, string | undefined>>, today: string = todayInSweden()): Promise<void> {
  const resolved = await resolveToken(db, token);
  if (!resolved) throw new NotFoundError(unknownTokenMessage);
  const form = await roundForm(db, resolved.federationId, resolved.roundId, { counts: false });
  const closed = closedMessage(form.round, today);
  if (closed) throw new SurveyClosedError(closed);
  if (resolved.kind === 'code' && !resolved.unused) throw new SurveyClosedError(usedCodeMessage);
  const { parsed, interventionId, problems } = parseAll(form, fields);
  if (problems.length) throw new InputError(problems);
  // The actor of a public answer is nobody: no user, no address. (These tables are not row-audited.)
  await db.transaction(async (tx) => {
    if (resolved.codeHash) {
      const gone = await tx.query('delete from survey_code_unused where code_hash = $1 returning 1', [resolved.codeHash]);
      if (!gone.length) throw new SurveyClosedError(usedCodeMessage);
    }
    await insertResponse(tx, form, parsed, interventionId, 'web', today);
  }, { id: 'enkatsvar', federationId: resolved.federationId });
}

/**
 * Answers from a paper form, entered by staff: the same rules (round open is not required — paper comes in
 * afterwards), stored as channel "paper". The audit trail gets one row saying that one paper answer was
 * entered in the round, by whom; not the answers.
 */
export async function enterPaperAnswers(db: Database, federationId: number, roundId: number, fields: Readonly<Record<string, string | undefined>>, actor: Actor, today: string = todayInSweden()): Promise<void> {
  const form = await roundForm(db, federationId, roundId, { counts: false });
  if (isPublished(form.round, today)) throw new SurveyClosedError(publishedRoundMessage(form.round));
  const { parsed, interventionId, problems } = parseAll(form, fields);
  if (problems.length) throw new InputError(problems);
  await db.transaction(async (tx) => {
    await insertResponse(tx, form, parsed, interventionId, 'paper', today);
    await tx.query(
      `insert into audit_log (federation_id, actor, table_name, row_id, action, old_values, new_values)
       values ($1, $2, 'survey_response', null, 'insert', null, $3::jsonb)`,
      [federationId, actor.id, JSON.stringify({ round_id: roundId, channel: 'paper', count: 1 })],
    );
  }, actor);
}

export function publishedRoundMessage(round: Pick<SurveyRound, 'publishedFrom'>): string {
  return `Omgångens resultat är publicerade sedan ${round.publishedFrom} och ändras inte: inga fler svar kan läggas in.`;
}

/**
 * The kansli's "Stäng omgången": no answers from today, and the results are published today. A round that is
 * already closed keeps the day it closed (closing again would move its publication).
 */
export async function closeRound(db: Database, federationId: number, roundId: number, actor: Actor, today: string = todayInSweden()): Promise<SurveyRound> {
  return db.transaction(async (tx) => {
    const round = await getRound(tx, federationId, roundId, { counts: false });
    if (round.closedOn === null && !isPublished(round, today)) {
      await tx.query('update survey_round set closed_on = greatest($3::date, opens_on) where federation_id = $1 and id = $2', [federationId, roundId, today]);
    }
    return getRound(tx, federationId, roundId);
  }, actor);
}

export { freeTextField, interventionField };
