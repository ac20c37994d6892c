/**
 * The shipped question sets are installed with the förbund (migration 0251_survey_sets_at_install.sql), not on
 * the first page view: the SQL's wording must be the core's (src/core/surveys/sets.ts) word for word, a new
 * förbund has them in the transaction that creates it (under its creator), and listing them writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { builtinSets } from '../../core/surveys/sets.ts';
import { createFederation } from '../federations/federations.ts';
import { listSets } from './sets.ts';

describe('the shipped question sets are installed with the förbund', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.drop());

  it('a new förbund has every shipped set, worded as the core defines it, audited under its creator', async () => {
    const f = await createFederation(db, { name: 'Nytt förbund' }, { id: 'admin@exempel.se' });
    const sets = (await listSets(db, f.id)).filter((s) => s.builtin);
    expect(
      sets.map((s) => ({ key: s.key, version: s.version, kind: s.kind, group: s.group, name: s.name, free: s.freeTextPrompt, easy: s.freeTextPromptEasy })),
    ).toEqual(builtinSets.map((d) => ({ key: d.key, version: d.version, kind: d.kind, group: d.group, name: d.name, free: d.freeTextPrompt ?? null, easy: d.freeTextPromptEasy ?? null })).sort((a, b) => a.key.localeCompare(b.key)));
    for (const d of builtinSets) {
      const s = sets.find((x) => x.key === d.key)!;
      expect(s.statements.map((st) => [st.id, st.indicator, st.text, st.easyText, [...st.scale]])).toEqual(d.statements.map((st) => [st.key, st.indicator, st.text, st.easyText ?? null, [...st.scale]]));
    }
    const authors = await db.query<{ actor: string }>("select distinct actor from audit_log where federation_id = $1 and table_name in ('survey_set', 'survey_statement')", [f.id]);
    expect(authors).toEqual([{ actor: 'admin@exempel.se' }]);
  });

  it('listing the sets writes nothing', async () => {
    const id = (await db.query<{ id: number }>("insert into federation (name) values ('Läsförbundet') returning id"))[0]!.id;
    const [before] = await db.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect((await listSets(db, id)).filter((s) => s.builtin)).toHaveLength(builtinSets.length);
    const [after] = await db.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(after!.n).toBe(before!.n);
  });

  it('synthetic förbund (national demonstration data) get none', async () => {
    const id = (await db.query<{ id: number }>("insert into federation (name, synthetic) values ('Syntetiskt', true) returning id"))[0]!.id;
    expect(await listSets(db, id)).toEqual([]);
  });
});
