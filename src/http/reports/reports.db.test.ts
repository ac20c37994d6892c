/**
 * The report pages and downloads through HTTP with real logins: kansli, styrelse and revisor download the three
 * documents (real DOCX and PDF); only kansli edits; insats gets nothing; a locked report refuses a new text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestInterventions, addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { addMeeting } from '../../services/reports/board.ts';
import { adoptAnnualReport, setReportReady } from '../../services/reports/texts.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url));
let db: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let fid: number;
const sessions: Record<string, TestSession> = {};

beforeAll(async () => {
  db = await createTestDb();
  fid = (await importReferenceFile(db, fixture, { id: 'test' })).federationId;
  await addMeeting(db, fid, { date: '2025-05-14' }, { id: 'test' });
  await addTestInterventions(db, fid, [900001]);
  for (const role of ['kansli', 'styrelse', 'revisor', 'insats'] as const) {
    await addTestUser(db, { email: `${role}@forbund.se`, federationId: fid, role, ...(role === 'insats' ? { interventionIds: [900001] } : {}) });
  }
  app = createApp({ db });
  for (const role of ['kansli', 'styrelse', 'revisor', 'insats']) sessions[role] = await loginAs(app, `${role}@forbund.se`);
}, 120_000);
afterAll(() => db?.drop());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('report downloads and editing by role', () => {
  it('kansli, styrelse and revisor download the annual report, the interim report and the board pack', async () => {
    for (const role of ['kansli', 'styrelse', 'revisor']) {
      const pdf = await sessions[role]!.request(`/f/${fid}/rapporter/arsredovisning?ar=2025&format=pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="arsredovisning-2025.pdf"');
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const docx = await sessions.styrelse!.request(`/f/${fid}/rapporter/delarsrapport?ar=2025&manad=8&format=docx`);
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pack = await sessions.revisor!.request(`/f/${fid}/rapporter/handlingar?datum=2025-05-14&format=docx`);
    expect(pack.status).toBe(200);
    expect(pack.headers.get('content-disposition')).toContain('handlingar-styrelsemote-2025-05-14.docx');
  }, 180_000);

  it('refuses bad parameters with a Swedish message (400)', async () => {
    const r = await sessions.kansli!.request(`/f/${fid}/rapporter/arsredovisning?ar=2025&format=odt`);
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('Okänt format');
    expect((await sessions.kansli!.request(`/f/${fid}/rapporter/handlingar?datum=2025-02-30`)).status).toBe(400);
  });

  it('the insats role downloads nothing; styrelse and revisor edit nothing', async () => {
    expect((await sessions.insats!.request(`/f/${fid}/rapporter/arsredovisning?ar=2025&format=pdf`)).status).toBe(403);
    for (const role of ['styrelse', 'revisor']) {
      expect((await sessions[role]!.request(`/f/${fid}/arsredovisning/2025/text/chair`, form({ body: 'Text' }))).status).toBe(403);
      expect((await sessions[role]!.request(`/f/${fid}/styrelse/mote`, form({ date: '2025-09-01' }))).status).toBe(403);
      const page = await (await sessions[role]!.request(`/f/${fid}/arsredovisning?ar=2025`)).text();
      expect(page).not.toContain('Spara ny version');
      expect(page).not.toContain('Fastställ');
    }
  });

  it('kansli saves a text; HTML and a personnummer are refused with the line; a locked report refuses any text', async () => {
    const ok = await sessions.kansli!.request(`/f/${fid}/arsredovisning/2025/text/chair`, form({ body: 'Ett **bra** år.' }));
    expect(ok.status).toBe(303);
    const html = await sessions.kansli!.request(`/f/${fid}/arsredovisning/2025/text/chair`, form({ body: 'Rad ett\n<iframe src=x>' }));
    expect(html.status).toBe(400);
    expect(await html.text()).toContain('Rad 2: Texten innehåller HTML');
    const pnr = await sessions.kansli!.request(`/f/${fid}/arsredovisning/2025/text/outlook`, form({ body: 'Deltagare 19811218-9876.' }));
    expect(pnr.status).toBe(400);
    expect(await pnr.text()).toContain('personnummer');
    await setReportReady(db, fid, 2025, true, { id: 'test' });
    await adoptAnnualReport(db, fid, 2025, { date: '2026-03-12', paragraph: '§ 12' }, { id: 'test' });
    const locked = await sessions.kansli!.request(`/f/${fid}/arsredovisning/2025/text/chair`, form({ body: 'Ändring efteråt.' }));
    expect(locked.status).toBe(400);
    expect(await locked.text()).toContain('låst');
    const [t] = await db.query<{ body: string }>("select body from report_text where federation_id = $1 and chapter = 'chair'", [fid]);
    expect(t!.body).toBe('Ett **bra** år.');
  });
});

describe('correcting the board register and a meeting’s decision items (issue 8)', () => {
  const audit = (table: string, id: number) =>
    db.query<{ action: string; old: Record<string, unknown> | null; new: Record<string, unknown> | null; actor: string }>(
      'select action, old_values as old, new_values as new, actor from audit_log where federation_id = $1 and table_name = $2 and row_id = $3 order by id',
      [fid, table, String(id)],
    );

  it('kansli corrects a ledamot: the form shows the current values, the save confirms, the audit log has before and after', async () => {
    const kansli = sessions.kansli!;
    expect((await kansli.request(`/f/${fid}/styrelse/ledamot`, form({ name: 'Anna Andersson', seat: 'ledamot', position: 'none', memberId: '', termStart: '2023-01-01', termEnd: '2026-12-31' }))).status).toBe(303);
    const [{ id }] = (await db.query<{ id: number }>("select id from board_member where federation_id = $1 and name = 'Anna Andersson'", [fid])) as [{ id: number }];
    const board = await (await kansli.request(`/f/${fid}/styrelse`)).text();
    expect(board).toContain(`href="/f/${fid}/styrelse/ledamot/${id}"`);
    const edit = await (await kansli.request(`/f/${fid}/styrelse/ledamot/${id}`)).text();
    expect(edit).toMatch(/name="name"[^>]*value="Anna Andersson"/);
    expect(edit).toMatch(/<option value="none" selected="">Ledamot<\/option>/);
    const res = await kansli.request(`/f/${fid}/styrelse/ledamot/${id}`, form({ name: 'Anna Andersson-Berg', seat: 'ledamot', position: 'ordforande', memberId: '', termStart: '2023-01-01', termEnd: '2026-12-31' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/f/${fid}/styrelse?sparat=board`);
    const [row] = await db.query<{ name: string; position: string }>('select name, position from board_member where id = $1', [id]);
    expect(row).toEqual({ name: 'Anna Andersson-Berg', position: 'ordforande' });
    const update = (await audit('board_member', id)).find((a) => a.action === 'update')!;
    expect(update.old).toMatchObject({ name: 'Anna Andersson', position: '' });
    expect(update.new).toMatchObject({ name: 'Anna Andersson-Berg', position: 'ordforande' });
    expect(update.actor).toBe('kansli@forbund.se');
    // A refused correction comes back with what was typed beside the field; nothing changes.
    const bad = await kansli.request(`/f/${fid}/styrelse/ledamot/${id}`, form({ name: 'Anna Andersson-Berg', seat: 'ledamot', position: 'none', memberId: '', termStart: '2023-13-45', termEnd: '', _page: `/f/${fid}/styrelse/ledamot/${id}` }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/name="termStart"[^>]*value="2023-13-45"/);
    expect((await db.query<{ position: string }>('select position from board_member where id = $1', [id]))[0]!.position).toBe('ordforande');
  });

  it('a refused auditor or meeting comes back in its own form with what was typed and the message beside the field', async () => {
    const kansli = sessions.kansli!;
    const page = `/f/${fid}/styrelse`;
    const auditor = await kansli.request(`${page}/revisor`, form({ _page: page, name: 'Rolf Revisor', title: 'Godkänd revisor', appointedBy: 'Region', termStart: '2023-02-30', termEnd: '' }));
    expect(auditor.status).toBe(400);
    const a = await auditor.text();
    expect(a).toMatch(/id="f-name-auditor" name="name" type="text" value="Rolf Revisor"/);
    expect(a).toMatch(/id="f-termStart-auditor" name="termStart" type="text" value="2023-02-30"[^>]*aria-invalid="true"/);
    expect(a).toContain('id="f-termStart-auditor-error"');
    // The error summary links to the auditor form's field, not to the ledamot form's field of the same name.
    expect(a).toContain('<a href="#f-termStart-auditor">');
    expect(a).not.toContain('<a href="#f-termStart">');
    // The ledamot form beside it keeps its own (empty) values and shows no error.
    expect(a).toMatch(/id="f-name" name="name" type="text" value=""/);
    expect(a).not.toContain('id="f-termStart-error"');
    const meeting = await kansli.request(`${page}/mote`, form({ _page: page, date: '2025-99-01', note: 'Höstmöte' }));
    expect(meeting.status).toBe(400);
    const m = await meeting.text();
    expect(m).toMatch(/id="f-date" name="date" type="text" value="2025-99-01"[^>]*aria-invalid="true"/);
    expect(m).toMatch(/id="f-note" name="note" type="text" value="Höstmöte"/);
    expect((await db.query("select 1 from auditor where federation_id = $1 and name = 'Rolf Revisor'", [fid])).length).toBe(0);
    expect((await db.query("select 1 from board_meeting where federation_id = $1 and note = 'Höstmöte'", [fid])).length).toBe(0);
  });

  it('kansli corrects a decision item; styrelse may not', async () => {
    const kansli = sessions.kansli!;
    const [{ id: meetingId }] = (await db.query<{ id: number }>("select id from board_meeting where federation_id = $1 and meeting_date = '2025-05-14'", [fid])) as [{ id: number }];
    expect((await kansli.request(`/f/${fid}/styrelse/mote/${meetingId}/arende`, form({ title: 'Budget 2026', body: 'Underlag.', proposal: 'Att anta budgeten.' }))).status).toBe(303);
    const [{ id }] = (await db.query<{ id: number }>("select id from decision_item where federation_id = $1 and title = 'Budget 2026'", [fid])) as [{ id: number }];
    expect(await (await kansli.request(`/f/${fid}/styrelse/mote/${meetingId}`)).text()).toContain(`href="/f/${fid}/styrelse/mote/${meetingId}/arende/${id}"`);
    const path = `/f/${fid}/styrelse/mote/${meetingId}/arende/${id}`;
    expect((await sessions.styrelse!.request(path)).status).toBe(403);
    expect((await sessions.styrelse!.request(path, form({ title: 'Kapat', body: '', proposal: '' }))).status).toBe(403);
    const res = await kansli.request(path, form({ title: 'Budget 2026 och verksamhetsplan', body: 'Underlag.', proposal: 'Att anta budgeten och planen.' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/f/${fid}/styrelse/mote/${meetingId}?sparat=item`);
    const update = (await audit('decision_item', id)).find((a) => a.action === 'update')!;
    expect(update.old).toMatchObject({ title: 'Budget 2026', proposal: 'Att anta budgeten.' });
    expect(update.new).toMatchObject({ title: 'Budget 2026 och verksamhetsplan', proposal: 'Att anta budgeten och planen.' });
    // Another meeting's item is not reachable through this meeting.
    expect((await kansli.request(`/f/${fid}/styrelse/mote/${meetingId + 999}/arende/${id}`, form({ title: 'X', body: '', proposal: '' }))).status).toBe(404);
  });
});
