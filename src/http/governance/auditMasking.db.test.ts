import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { closeParticipation, registerParticipation } from '../../services/interventions/participations.ts';

/**
 * Issue 8: the audit log never reveals what the statistics hide. A participation's registration and its
 * closing are shown, on the page and in the XLSX export, to every role that reads the log, as "deltagande
 * D-… ändrat: fält …" — never with the attribute values; a text search cannot find a participant by value.
 */
describe('the audit log masks participant rows', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let code: string;
  const sessions = new Map<string, TestSession>();
  // Values of this participant that must not appear anywhere in the log's output.
  const secrets = ['woman', 'Kvinna', '20-24', 'sickness_compensation', 'post_secondary', '2025-03-14', '2025-09-30', 'studies', 'study_aid'];

  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Loggförbundet') returning id")) as [{ id: number }];
    const [{ id: iid }] = (await db.query<{ id: number }>(
      "insert into intervention (federation_id, name, kind, period_start) values ($1, 'Team Logg', 'individual', '2024-01-01') returning id",
      [fid],
    )) as [{ id: number }];
    const p = await registerParticipation(db, fid, iid, {
      gender: 'woman', ageBand: '20-24', supportBefore: 'sickness_compensation', supportDuration: 'lt1', education: 'post_secondary', startDate: '2025-03-14',
    }, { id: 'insats@logg.example' });
    code = p.code;
    await closeParticipation(db, fid, iid, p.id, { endDate: '2025-09-30', exitOutcome: 'studies', supportAfter: 'study_aid' }, { id: 'insats@logg.example' });
    const app = createApp({ db });
    for (const role of ['kansli', 'revisor'] as const) {
      await addTestUser(db, { email: `${role}@logg.example`, federationId: fid, role });
      sessions.set(role, await loginAs(app, `${role}@logg.example`));
    }
  }, 120_000);
  afterAll(() => db?.drop());

  for (const role of ['kansli', 'revisor']) {
    it(`${role}: page, API and XLSX show the code and the changed fields, not the values`, async () => {
      const s = sessions.get(role)!;
      const page = await (await s.request(`/f/${fid}/audit?table=participation`)).text();
      const body = page.slice(page.indexOf('<main'));
      expect(body).toContain(`deltagande ${code} registrerat`);
      expect(body).toMatch(new RegExp(`deltagande ${code} ändrat: fält [^<]*slutdatum`));
      for (const v of secrets) expect(body, v).not.toContain(v);

      const api = await (await s.request(`/api/federations/${fid}/audit?table=participation`)).text();
      expect(api).toContain(code);
      for (const v of secrets) expect(api, v).not.toContain(v);

      const xlsx = await s.request(`/f/${fid}/audit.xlsx?table=participation`);
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await xlsx.arrayBuffer());
      const text: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value ?? ''))));
      expect(text.join('\n')).toContain(`deltagande ${code} ändrat: fält`);
      for (const v of secrets) expect(text.join('\n'), v).not.toContain(v);

      // A search by value finds nothing (else it would answer "who is a woman aged 20–24", one query at a time).
      const search = await (await s.request(`/api/federations/${fid}/audit?text=20-24`)).json();
      expect(search).toEqual([]);
      const byCode = (await (await s.request(`/api/federations/${fid}/audit?text=${code}`)).json()) as unknown[];
      expect(byCode.length).toBe(2);
    });
  }
});
