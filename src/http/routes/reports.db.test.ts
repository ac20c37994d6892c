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
