import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError } from '../../core/errors.ts';
import { publicRegistry, registerEntry, registerPublicRequest, registerRecord, searchRegistry, updateEntry } from './registry.ts';
import { disposeClass, documentPlan, dueForDisposal, listDisposals, updateDocumentClass } from './plan.ts';

const actor = { id: 'registrator@example.se' };

describe('registry and plan (database)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Diarieförbundet') returning id")) as [{ id: number }];
  }, 60_000);
  afterAll(() => db.drop());

  it('numbers one sequence per year: 2026/1, 2026/2, then 2027/1', async () => {
    const a = await registerEntry(db, fid, { date: '2026-02-01', direction: 'in', party: 'Försäkringskassan', subject: 'Underlag till budget', documentClass: '3.2', secrecy: null }, actor);
    const b = await registerEntry(db, fid, { date: '2026-01-15', direction: 'out', party: 'Västerås stad', subject: 'Svar på remiss', documentClass: '3.3', secrecy: null }, actor);
    const c = await registerEntry(db, fid, { date: '2027-01-02', direction: 'internal', party: '', subject: 'Nytt år', documentClass: null, secrecy: null }, actor);
    expect([a.number, b.number, c.number]).toEqual(['2026/1', '2026/2', '2027/1']);
  });

  it('twenty registrations at once get twenty different numbers (one sequence, in the transaction)', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => registerEntry(db, fid, { date: '2028-03-01', direction: 'internal', subject: `Ärende ${i}`, secrecy: null }, actor)));
    expect(new Set(all.map((r) => r.number)).size).toBe(20);
    expect(all.map((r) => Number(r.number.split('/')[1])).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses a personnummer in any field and a participation code as party, and writes nothing', async () => {
    const before = await db.query('select count(*)::int as n from registry_entry');
    for (const body of [
      { date: '2026-03-01', direction: 'in', party: '19811228-9874', subject: 'Brev', secrecy: null },
      { date: '2026-03-01', direction: 'in', party: 'Kommunen', subject: 'Angående 811228 9874', secrecy: null },
      { date: '2026-03-01', direction: 'in', party: 'Deltagare D-7KQM-X3TA', subject: 'Brev', secrecy: null },
    ]) {
      await expect(registerEntry(db, fid, body, actor)).rejects.toBeInstanceOf(InputError);
    }
    expect(await db.query('select count(*)::int as n from registry_entry')).toEqual(before);
  });

  it('a secrecy marking needs an OSL section; the public registry never shows a secret subject nor finds it by it', async () => {
    await expect(registerEntry(db, fid, { date: '2026-04-01', direction: 'in', party: 'Region Västmanland', subject: 'X', secrecy: { section: 'hemligt' } }, actor)).rejects.toThrow(/offentlighets- och sekretesslagen/);
    const s = await registerEntry(db, fid, { date: '2026-04-01', direction: 'in', party: 'Region Västmanland', subject: 'Rehabiliteringsutredning kvarteret Eken', secrecy: { section: '21 kap. 7 §' } }, actor);
    const pub = await publicRegistry(db, fid, { q: s.number });
    expect(pub).toEqual([{ number: s.number, date: '2026-04-01', direction: 'in', party: 'Region Västmanland', subject: null, secrecy: '21 kap. 7 § OSL' }]);
    expect(await publicRegistry(db, fid, { q: 'Eken' })).toEqual([]);
    expect((await publicRegistry(db, fid, { q: 'Region' })).map((e) => e.number)).toContain(s.number);
    expect((await searchRegistry(db, fid, { q: 'Eken' })).map((e) => e.number)).toEqual([s.number]);
    expect((await publicRegistry(db, fid, { q: 'remiss' }))[0]).toMatchObject({ subject: 'Svar på remiss', secrecy: null });
  });

  it('own records register once, in the class of their kind; an edit keeps the number', async () => {
    const first = await db.transaction((tx) => registerRecord(tx, fid, { kind: 'annual_report', ref: '2025', date: '2026-03-20', subject: 'Årsredovisning 2025' }, 'test'));
    const again = await db.transaction((tx) => registerRecord(tx, fid, { kind: 'annual_report', ref: '2025', date: '2026-03-21', subject: 'Årsredovisning 2025' }, 'test'));
    expect(again).toEqual(first);
    const [e] = await searchRegistry(db, fid, { q: first.number });
    expect(e).toMatchObject({ documentClass: '2.1', sourceKind: 'annual_report', direction: 'internal' });
    await updateEntry(db, fid, e!.id, { date: '2026-03-22', direction: 'internal', subject: 'Årsredovisning 2025, fastställd', documentClass: '2.1', caseNumber: '2026/1' }, actor);
    const [after] = await searchRegistry(db, fid, { q: first.number });
    expect(after).toMatchObject({ number: first.number, subject: 'Årsredovisning 2025, fastställd', caseNumber: '2026/1' });
    await expect(updateEntry(db, fid, e!.id, { date: '2027-01-01', direction: 'internal', subject: 'x' }, actor)).rejects.toThrow(/numret ändras aldrig/);
  });

  it('a request for a public document is an incoming entry', async () => {
    const r = await registerPublicRequest(db, fid, { subject: 'Styrelseprotokoll 2025-11-20' }, '2026-05-02', actor);
    const [e] = await searchRegistry(db, fid, { q: r.number });
    expect(e).toMatchObject({ direction: 'in', party: 'Anonym', publicRequest: true, documentClass: '3.1', subject: 'Begäran om allmän handling: Styrelseprotokoll 2025-11-20' });
  });

  it('the plan was installed from the template; a kept class is never disposed, not even by SQL', async () => {
    const plan = await documentPlan(db, fid);
    expect(plan.stored).toBe(true);
    expect(plan.classes.find((c) => c.code === '2.1')).toMatchObject({ retention: 'keep', recordKind: 'annual_report' });
    await expect(disposeClass(db, fid, { code: '2.1', decision: 'Styrelsen 2026-02-12 § 7', through: '2020-12-31' }, '2026-06-01', actor)).rejects.toThrow(/ska bevaras/);
    const [c] = await db.query<{ id: number }>("select id from document_class where federation_id = $1 and code = '2.1'", [fid]);
    await expect(db.query("insert into disposal (federation_id, document_class_id, decision, through_date, summary, disposed_by) values ($1, $2, 'x', '2020-01-01', 'x', 'x')", [fid, c!.id])).rejects.toThrow(/bevaras/);
    expect(await listDisposals(db, fid)).toEqual([]);
  });

  it('the yearly list and a disposal of participant follow-up data: only published years, stated in numbers', async () => {
    const [{ id: iv }] = (await db.query<{ id: number }>("insert into intervention (federation_id, name, kind, period_start) values ($1, 'Team', 'individual', '2018-01-01') returning id", [fid])) as [{ id: number }];
    const add = (code: string, end: string) =>
      db.query(
        `insert into participation (federation_id, intervention_id, code, gender, age_band, support_before, support_duration, education, start_date, end_date, exit_outcome)
         values ($1, $2, $3, 'woman', '20-24', 'income_support', 'lt1', 'compulsory', '2018-02-01', $4, 'work')`,
        [fid, iv, code, end],
      );
    await add('D-AAAA-AAAA', '2019-05-01');
    await add('D-AAAA-BBBB', '2019-06-01');
    await add('D-AAAA-CCCC', '2020-06-01');
    await db.query(`insert into statistics_snapshot (federation_id, year, data) values ($1, 2019, '{}')`, [fid]);
    await updateDocumentClass(db, fid, '4.1', { name: 'Uppföljningsdata om deltagare', retention: 'years', retentionYears: '5', recordKind: 'participant_followup' }, actor);
    const due = await dueForDisposal(db, fid, 2026);
    expect(due.find((d) => d.code === '4.1')).toMatchObject({ through: '2020-12-31', participations: 3 });
    await expect(disposeClass(db, fid, { code: '4.1', decision: 'Styrelsen 2026-02-12 § 7', through: '2021-12-31' }, '2026-06-01', actor)).rejects.toThrow(/till och med 2020-12-31/);
    const d = await disposeClass(db, fid, { code: '4.1', decision: 'Styrelsen 2026-02-12 § 7', through: '2020-12-31' }, '2026-06-01', actor);
    expect(d.summary).toBe('Gallrat t.o.m. 2020-12-31: 0 diarieförda handlingar; 2 avslutade deltaganden med sina uppföljningsuppgifter (avslutade 2019); den publicerade, skyddade statistiken för de åren bevaras; 1 deltaganden behölls eftersom årets statistik ännu inte är publicerad.');
    expect((await db.query<{ code: string }>('select code from participation where federation_id = $1', [fid])).map((r) => r.code)).toEqual(['D-AAAA-CCCC']);
    expect((await listDisposals(db, fid))[0]).toMatchObject({ code: '4.1', decision: 'Styrelsen 2026-02-12 § 7' });
  });
});
