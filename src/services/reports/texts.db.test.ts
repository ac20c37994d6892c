import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError } from '../../core/errors.ts';
import {
  adoptAnnualReport,
  copyPreviousYearTexts,
  getAnnualReportState,
  listTextVersions,
  reopenAnnualReport,
  saveChapterText,
  setChapterEnabled,
  setReportReady,
} from './texts.ts';
import { addBoardMember, addDecisionItem, addMeeting } from './board.ts';

const kansli = { id: 'kansli@forbund.se' };
let db: Awaited<ReturnType<typeof createTestDb>>;
let fid: number;

beforeAll(async () => {
  db = await createTestDb();
  fid = (await db.query<{ id: number }>("insert into federation (name) values ('Textförbundet') returning id"))[0]!.id;
});
afterAll(() => db?.drop());

const problems = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((x) => x.message).join(' | ');
    throw e;
  }
  return null;
};

describe('annual report texts', () => {
  it('keeps every version with who and when', async () => {
    await saveChapterText(db, fid, 2025, 'chair', 'Första utkastet.', kansli);
    await saveChapterText(db, fid, 2025, 'chair', 'Andra utkastet.', { id: 'annan@forbund.se' });
    const versions = await listTextVersions(db, fid, 2025, 'chair');
    expect(versions.map((v) => [v.version, v.body, v.changedBy])).toEqual([
      [2, 'Andra utkastet.', 'annan@forbund.se'],
      [1, 'Första utkastet.', 'kansli@forbund.se'],
    ]);
    const state = await getAnnualReportState(db, fid, 2025);
    expect(state.texts.find((t) => t.chapter === 'chair')).toMatchObject({ body: 'Andra utkastet.', version: 2 });
  });

  it('refuses HTML and a personnummer, in Swedish, and saves nothing', async () => {
    expect(await problems(saveChapterText(db, fid, 2025, 'outlook', 'Bra år.\n<script>alert(1)</script>', kansli))).toMatch(/Texten innehåller HTML/);
    expect(await problems(saveChapterText(db, fid, 2025, 'outlook', 'Deltagare 811218-9876 fick jobb.', kansli))).toMatch(/personnummer/);
    expect(await problems(saveChapterText(db, fid, 2025, 'nonsense', 'x', kansli))).toMatch(/Okänt avsnitt/);
    expect((await getAnnualReportState(db, fid, 2025)).texts.some((t) => t.chapter === 'outlook')).toBe(false);
  });

  it('copies last year\'s texts into chapters without text', async () => {
    await saveChapterText(db, fid, 2024, 'vision', 'Visionen.', kansli);
    await saveChapterText(db, fid, 2024, 'chair', 'Förra årets ord.', kansli);
    expect(await copyPreviousYearTexts(db, fid, 2025, kansli)).toEqual(['vision']);
    const t = (await getAnnualReportState(db, fid, 2025)).texts;
    expect(t.find((x) => x.chapter === 'vision')?.body).toBe('Visionen.');
    expect(t.find((x) => x.chapter === 'chair')?.body).toBe('Andra utkastet.');
  });

  it('a required chapter cannot be switched off', async () => {
    expect(await problems(setChapterEnabled(db, fid, 'income_statement', false, kansli))).toMatch(/krävs/);
    await setChapterEnabled(db, fid, 'balance_requirement', false, kansli);
  });

  it('is adopted only when ready, then locked (service and database), and reopened only explicitly with a reason', async () => {
    expect(await problems(adoptAnnualReport(db, fid, 2025, { date: '2026-03-12', paragraph: '§ 12' }, kansli))).toMatch(/klar för styrelsen/);
    await setReportReady(db, fid, 2025, true, kansli);
    expect(await problems(adoptAnnualReport(db, fid, 2025, { date: '12/3', paragraph: '' }, kansli))).toMatch(/datum/);
    await adoptAnnualReport(db, fid, 2025, { date: '2026-03-12', paragraph: '§ 12' }, kansli);
    const s = await getAnnualReportState(db, fid, 2025);
    expect([s.status, s.adoptedDate, s.adoptedParagraph]).toEqual(['adopted', '2026-03-12', '§ 12']);

    expect(await problems(saveChapterText(db, fid, 2025, 'chair', 'Ändrat i efterhand.', kansli))).toMatch(/låst/);
    expect(await problems(setReportReady(db, fid, 2025, false, kansli))).toMatch(/låst/);
    expect(await problems(copyPreviousYearTexts(db, fid, 2025, kansli))).toMatch(/låst/);
    // Straight SQL past the service is refused by the database too.
    await expect(db.transaction((tx) => tx.query("update report_text set body = 'x' where federation_id = $1", [fid]), kansli)).rejects.toThrow(/låst/);
    expect((await getAnnualReportState(db, fid, 2025)).texts.find((t) => t.chapter === 'chair')?.body).toBe('Andra utkastet.');

    expect(await problems(reopenAnnualReport(db, fid, 2025, { reason: '' }, kansli))).toMatch(/skäl/);
    await reopenAnnualReport(db, fid, 2025, { reason: 'Revisorn fann ett fel i not 4.' }, { id: 'ordforande@forbund.se' });
    const after = await getAnnualReportState(db, fid, 2025);
    expect(after.status).toBe('draft');
    expect(after.events.map((e) => [e.event, e.actor, e.note])).toEqual([
      ['ready', 'kansli@forbund.se', ''],
      ['adopted', 'kansli@forbund.se', '2026-03-12 § 12'],
      ['reopened', 'ordforande@forbund.se', 'Revisorn fann ett fel i not 4.'],
    ]);
    // The audit log has the reopening too.
    const audit = await db.query<{ actor: string }>("select actor from audit_log where table_name = 'annual_report' and actor = 'ordforande@forbund.se'");
    expect(audit.length).toBeGreaterThan(0);
    await saveChapterText(db, fid, 2025, 'chair', 'Rättad text.', kansli);
  });
});

describe('board register input', () => {
  it('refuses bad dates, a chair who is a substitute, and a personnummer, in Swedish', async () => {
    expect(await problems(addBoardMember(db, fid, { name: 'A', seat: 'ersattare', position: 'ordforande', termStart: '2025-01-01' }, kansli))).toMatch(/ledamöter/);
    expect(await problems(addBoardMember(db, fid, { name: 'A', seat: 'ledamot', termStart: '2025-13-01' }, kansli))).toMatch(/datum/);
    expect(await problems(addBoardMember(db, fid, { name: '19811218-9876', seat: 'ledamot', termStart: '2025-01-01' }, kansli))).toMatch(/personnummer/);
    const m = await addMeeting(db, fid, { date: '2025-05-14' }, kansli);
    expect(await problems(addDecisionItem(db, fid, m, { title: 'Budget', body: '<b>x</b>' }, kansli))).toMatch(/HTML/);
  });
});
