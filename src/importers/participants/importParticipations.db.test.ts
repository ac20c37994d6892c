import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError } from '../../core/errors.ts';
import { createIntervention } from '../../services/interventions/interventions.ts';
import { listParticipations } from '../../services/interventions/participations.ts';
import { csvLine } from '../tabular/csv.ts';
import { importParticipations } from './importParticipations.ts';
import { templateColumns, templateExample } from './template.ts';

const actor = { id: 'importer-test' };
const header = templateColumns.map((c) => c.header);
const encode = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => csvLine(r)).join('\n'));

describe('importing participations', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let team: number;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('SF Import') returning id")) as [{ id: number }];
    await db.query("insert into member (federation_id, name, kind) values ($1, 'Sala kommun', 'municipality'), ($1, 'Arbetsförmedlingen', 'state_af')", [fid]);
    team = await createIntervention(db, fid, { name: 'Samordningsteam Sala', kind: 'individual', periodStart: '2024-01-01' }, actor);
  });
  afterAll(() => db?.drop());

  it('imports a CSV file, each row under its own random code', async () => {
    expect(await importParticipations(db, fid, team, { name: 'sala.csv', data: encode([header, ...templateExample.map((r) => [...r])]) }, actor)).toEqual({ imported: 2 });
    const list = await listParticipations(db, fid, team);
    expect(list).toHaveLength(2);
    expect(new Set(list.map((p) => p.code)).size).toBe(2);
  });

  it('imports an XLSX file with real date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Deltagare');
    ws.addRow(header);
    ws.addRow(['Man', '50-59', 'Sala', '', 'Sjukpenning', '2–4 år', 'Gymnasieskola', new Date(Date.UTC(2025, 0, 15)), new Date(Date.UTC(2025, 8, 30)), 'Studier', 'Studiemedel']);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await importParticipations(db, fid, team, { name: 'sala.xlsx', data }, actor)).toEqual({ imported: 1 });
    const p = (await listParticipations(db, fid, team)).find((x) => x.ageBand === '50-59')!;
    expect(p).toMatchObject({ startDate: '2025-01-15', endDate: '2025-09-30', exitOutcome: 'studies', supportAfter: 'study_aid' });
  });

  it('is all-or-nothing: one bad line and the database is unchanged', async () => {
    const before = JSON.stringify(await db.query('select * from participation order by id'));
    const rows = [header, ...templateExample.map((r) => [...r]), [...templateExample[0]!]];
    rows[3]![2] = 'Sala 811228-9874';
    const err = await importParticipations(db, fid, team, { name: 'sala.csv', data: encode(rows) }, actor).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ file: 'sala.csv', line: 4, field: 'Hemkommun' });
    expect(JSON.stringify(await db.query('select * from participation order by id'))).toBe(before);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    await expect(importParticipations(db, fid, team, { name: 'x.xlsx', data: new Uint8Array([0x50, 0x4b, 1, 2]) }, actor)).rejects.toThrow(InputError);
  });
});
