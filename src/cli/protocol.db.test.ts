/**
 * End to end: `node bin/samordna.js report protocol|notice` on an embedded database in a fresh directory, with a
 * justerat protocol written through the services. The files are real DOCX and tagged PDF holding the protocol's
 * paragraphs, the granted amounts and the anslag days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxFiles, docxParagraphs, poppler, popplerAvailable } from '../../test/support/documents.ts';
import { openDatabase } from '../db/open.ts';
import { importReferenceFile } from '../importers/reference/importReference.ts';
import { createApplication } from '../services/decisions/applications.ts';
import { approveMinutes, giveMeetingNotice, saveMinutes } from '../services/decisions/minutes.ts';
import { addDays } from '../core/meetings/publicNotice.ts';
import { today } from '../core/calendar.ts';

const root = new URL('../../', import.meta.url).pathname;
const NAME = 'Samordningsförbundet Västmanland';

function run(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMORDNA_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('node', ['bin/samordna.js', ...args], { cwd: root, env, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe('samordna report protocol | notice', () => {
  let dir: string;
  let meetingId: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-protocol-cli-'));
    const env: NodeJS.ProcessEnv = { ...process.env, SAMORDNA_DATA_DIR: dir };
    delete env.DATABASE_URL;
    const db = await openDatabase(env);
    try {
      const fid = (await importReferenceFile(db, join(root, 'test/fixtures/vastmanland.import.json'), { id: 'test' })).federationId;
      const [owner] = await db.query<{ id: number }>('select id from member where federation_id = $1 order by id limit 1', [fid]);
      const kansli = { id: 'kansli@exempel.se' };
      const appId = await createApplication(db, fid, {
        title: 'Steget vidare', ownerMember: owner!.id, level: 'structural', periodStart: '2027-01-01', periodEnd: '2027-12-31',
        budget: [{ year: 2027, amount: 300000 }], goals: ['Gemensam kartläggning'], problem: 'Splittrat stöd.', targetGroup: 'Handläggare', followUp: 'Enkät.',
      }, kansli);
      const m = await giveMeetingNotice(db, fid, { date: addDays(today(), 10), items: [{ title: 'Ekonomisk uppföljning' }, { title: 'Ansökan: Steget vidare', application: appId }] }, kansli);
      meetingId = m.id;
      await saveMinutes(db, fid, m.id, {
        present: ['Anna Ordförande', 'Bo Ledamot'], chair: 'Anna Ordförande', secretary: 'Cecilia Sekreterare', adjusters: ['bo@exempel.se', 'dan@exempel.se'],
        paragraphs: [{ item: 1, decision: 'Informationen läggs till handlingarna.' }, { item: 2, decision: 'beviljas', amounts: [{ year: 2027, amount: 275000 }] }],
      }, kansli);
      await approveMinutes(db, fid, m.id, 'bo@exempel.se', { id: 'bo@exempel.se' });
      await approveMinutes(db, fid, m.id, 'dan@exempel.se', { id: 'dan@exempel.se' });
    } finally {
      await db.close();
    }
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the protocol as DOCX and PDF with its paragraphs, amounts and anslag', async () => {
    const docx = join(dir, 'protokoll.docx');
    const pdf = join(dir, 'protokoll.pdf');
    const d = await run(['report', 'protocol', '--federation', NAME, '--meeting', String(meetingId), '--format', 'docx', '--output', docx], dir);
    expect(d.stderr).toContain('Skrev');
    expect(d.code).toBe(0);
    expect((await run(['report', 'protocol', '--federation', NAME, '--meeting', String(meetingId), '--format', 'pdf', '--output', pdf], dir)).code).toBe(0);
    const text = docxParagraphs(docxFiles(readFileSync(docx))['word/document.xml']!).join('\n');
    for (const piece of ['Protokoll från styrelsens sammanträde', '§ 1 Ekonomisk uppföljning', '§ 2 Ansökan: Steget vidare', 'Beslut: beviljas', '275', addDays(today(), 21), 'Justerare']) {
      expect(text).toContain(piece);
    }
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (popplerAvailable) expect(poppler('pdftotext', readFileSync(pdf))).toContain('§ 2 Ansökan: Steget vidare');
  }, 120_000);

  it('writes the notice and a protocol extract; refuses an unknown meeting with a Swedish message', async () => {
    const notice = join(dir, 'kallelse.docx');
    expect((await run(['report', 'notice', '--federation', NAME, '--meeting', String(meetingId), '--format', 'docx', '--output', notice], dir)).code).toBe(0);
    expect(docxParagraphs(docxFiles(readFileSync(notice))['word/document.xml']!).join('\n')).toContain('Föredragningslista');
    const extract = join(dir, 'utdrag.pdf');
    expect((await run(['report', 'protocol', '--federation', NAME, '--meeting', String(meetingId), '--paragraph', '2', '--format', 'pdf', '--output', extract], dir)).code).toBe(0);
    const missing = await run(['report', 'protocol', '--federation', NAME, '--meeting', '999999', '--format', 'pdf', '--output', join(dir, 'x.pdf')], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Mötet finns inte');
  }, 120_000);
});
