import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import { parseText, textProblems } from '../../core/input/index.ts';
import {
  builtinSets,
  isRespondentGroup,
  keyFromName,
  parseSetId,
  setId,
  setKinds,
  type RespondentGroup,
  type SetDefinition,
  type SetKind,
} from '../../core/surveys/sets.ts';

/** A question set version as stored in a förbund (the shipped sets are installed with the förbund). */
export interface SurveySet {
  readonly dbId: number;
  /** Public id: "insatspersonal-v1". */
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly kind: SetKind;
  readonly group: RespondentGroup;
  readonly name: string;
  readonly builtin: boolean;
  readonly freeTextPrompt: string | null;
  readonly freeTextPromptEasy: string | null;
  readonly statements: readonly SurveyStatement[];
}

export interface SurveyStatement {
  readonly dbId: number;
  /** The key inside the set (q1 …): the public form's field name. */
  readonly id: string;
  readonly indicator: string;
  readonly text: string;
  readonly easyText: string | null;
  readonly scale: readonly string[];
}

/** The shipped sets as the CLI lists them without a förbund. */
export function builtinSetList(): SetDefinition[] {
  return [...builtinSets];
}

async function insertSet(tx: Queryable, federationId: number, def: SetDefinition, builtin: boolean): Promise<number> {
  const [s] = await tx.query<{ id: number }>(
    `insert into survey_set (federation_id, key, version, kind, respondent_group, name, builtin, free_text_prompt, free_text_prompt_easy)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [federationId, def.key, def.version, def.kind, def.group, def.name, builtin, def.freeTextPrompt ?? null, def.freeTextPromptEasy ?? null],
  );
  let position = 0;
  for (const st of def.statements) {
    position += 1;
    await tx.query(
      `insert into survey_statement (federation_id, set_id, position, key, indicator, text, easy_text, scale)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [federationId, s!.id, position, st.key, st.indicator, st.text, st.easyText ?? null, [...st.scale]],
    );
  }
  return s!.id;
}

type SetRow = {
  id: number;
  key: string;
  version: number;
  kind: SetKind;
  respondent_group: RespondentGroup;
  name: string;
  builtin: boolean;
  free_text_prompt: string | null;
  free_text_prompt_easy: string | null;
};
type StatementRow = { id: number; set_id: number; key: string; indicator: string; text: string; easy_text: string | null; scale: string[] };

async function readSets(q: Queryable, federationId: number, where = 'true', params: unknown[] = []): Promise<SurveySet[]> {
  const sets = await q.query<SetRow>(
    `select id, key, version, kind, respondent_group, name, builtin, free_text_prompt, free_text_prompt_easy
       from survey_set where federation_id = $1 and ${where} order by builtin desc, key, version`,
    [federationId, ...params],
  );
  if (!sets.length) return [];
  const statements = await q.query<StatementRow>(
    'select id, set_id, key, indicator, text, easy_text, scale from survey_statement where federation_id = $1 and set_id = any($2::int[]) order by set_id, position',
    [federationId, sets.map((s) => s.id)],
  );
  return sets.map((s) => ({
    dbId: s.id,
    id: setId(s.key, s.version),
    key: s.key,
    version: s.version,
    kind: s.kind,
    group: s.respondent_group,
    name: s.name,
    builtin: s.builtin,
    freeTextPrompt: s.free_text_prompt,
    freeTextPromptEasy: s.free_text_prompt_easy,
    statements: statements
      .filter((st) => st.set_id === s.id)
      .map((st) => ({ dbId: st.id, id: st.key, indicator: st.indicator, text: st.text, easyText: st.easy_text, scale: st.scale })),
  }));
}

/**
 * Every set version of the förbund, the shipped ones first. Reading only: the shipped sets are installed when
 * the förbund is created (migration 0251_survey_sets_at_install.sql).
 */
export async function listSets(q: Queryable, federationId: number): Promise<SurveySet[]> {
  return readSets(q, federationId);
}

export async function getSet(q: Queryable, federationId: number, dbId: number): Promise<SurveySet> {
  const [s] = await readSets(q, federationId, 'id = $2', [dbId]);
  if (!s) throw new NotFoundError('Frågesetet finns inte.');
  return s;
}

/** A set by its public id ("insatspersonal-v1", or "insatspersonal" for the newest version). */
export async function findSet(q: Queryable, federationId: number, publicId: string): Promise<SurveySet> {
  const p = parseSetId(publicId);
  if (!p) throw new InputError({ field: 'set', message: `"${publicId}" är inte ett frågesets id (t.ex. insatspersonal-v1).` });
  const rows =
    p.version === null
      ? await readSets(q, federationId, 'key = $2 and version = (select max(version) from survey_set where federation_id = $1 and key = $2)', [p.key])
      : await readSets(q, federationId, 'key = $2 and version = $3', [p.key, p.version]);
  if (!rows[0]) throw new InputError({ field: 'set', message: `Frågesetet "${publicId}" finns inte.` });
  return rows[0];
}

export interface NewSetInput {
  readonly name: string;
  readonly group: string;
  readonly kind: string;
  readonly statements: readonly { indicator: string; text: string; easyText?: string | null; scale: readonly string[] }[];
  readonly freeTextPrompt?: string | null;
  readonly freeTextPromptEasy?: string | null;
  /** Makes the new set the next version of this set (its key, version + 1). */
  readonly newVersionOf?: number | null;
}

const textLimit = 500;

/**
 * Adds a set (or the next version of one). Nothing existing changes: answers given to an older version keep
 * pointing at it. Wording is checked for identity numbers and length.
 */
export async function createSet(db: Database, federationId: number, input: NewSetInput, actor: Actor): Promise<SurveySet> {
  const problems: InputProblem[] = [];
  const name = (input.name ?? '').trim();
  if (!name) problems.push({ field: 'name', message: 'Ange frågesetets namn.' });
  problems.push(...textProblems('name', input.name ?? '', { kind: 'name' }));
  problems.push(...textProblems('freeTextPrompt', input.freeTextPrompt ?? '', { maxLength: textLimit }));
  problems.push(...textProblems('freeTextPromptEasy', input.freeTextPromptEasy ?? '', { maxLength: textLimit }));
  if (!isRespondentGroup(input.group)) problems.push({ field: 'group', message: 'Välj en respondentgrupp.' });
  if (!(setKinds as readonly string[]).includes(input.kind)) problems.push({ field: 'kind', message: 'Välj en sorts frågeset.' });
  if (!input.statements.length) problems.push({ field: 'statements', message: 'Ange minst en fråga.' });
  input.statements.forEach((s, i) => {
    const where = `statements[${i + 1}]`;
    if (!s.text.trim()) problems.push({ field: where, message: `Fråga ${i + 1}: formuleringen saknas.` });
    for (const [t, max] of [[s.text, textLimit], [s.easyText ?? '', textLimit], [s.indicator, 200], ...s.scale.map((l) => [l, 60] as const)] as const) {
      const r = parseText(t, { maxLength: max });
      if (!r.ok) problems.push({ field: where, message: `Fråga ${i + 1}: ${r.message}` });
    }
    if (s.scale.length < 2 || s.scale.length > 10) problems.push({ field: where, message: `Fråga ${i + 1}: skalan ska ha 2–10 steg.` });
    if (new Set(s.scale).size !== s.scale.length || s.scale.some((l) => !l.trim() || l.length > 60)) problems.push({ field: where, message: `Fråga ${i + 1}: skalans steg ska vara olika och högst 60 tecken.` });
  });
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    let key: string;
    let version: number;
    if (input.newVersionOf != null) {
      const [base] = await tx.query<{ key: string }>('select key from survey_set where federation_id = $1 and id = $2', [federationId, input.newVersionOf]);
      if (!base) throw new NotFoundError('Frågesetet finns inte.');
      key = base.key;
      const [m] = await tx.query<{ v: number }>('select max(version)::int as v from survey_set where federation_id = $1 and key = $2', [federationId, key]);
      version = (m?.v ?? 0) + 1;
    } else {
      const base = keyFromName(name);
      key = base;
      for (let i = 2; (await tx.query('select 1 from survey_set where federation_id = $1 and key = $2', [federationId, key])).length; i++) key = `${base}-${i}`;
      version = 1;
    }
    const def: SetDefinition = {
      key,
      version,
      kind: input.kind as SetKind,
      group: input.group as RespondentGroup,
      name,
      freeTextPrompt: input.freeTextPrompt?.trim() || null,
      freeTextPromptEasy: input.freeTextPromptEasy?.trim() || null,
      statements: input.statements.map((s, i) => ({ key: `q${i + 1}`, indicator: s.indicator.trim(), text: s.text.trim(), easyText: s.easyText?.trim() || null, scale: s.scale.map((l) => l.trim()) })),
    };
    const id = await insertSet(tx, federationId, def, false);
    return getSet(tx, federationId, id);
  }, actor);
}
