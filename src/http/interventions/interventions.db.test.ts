import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../../test/support/db.ts';
import { createApp } from '../app.tsx';
import { parseCsv } from '../../importers/tabular/csv.ts';
import { templateColumns, templateExample } from '../../importers/participants/template.ts';
import { loadInterventionDemo } from '../../services/interventions/demo/loadInterventionDemo.ts';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('intervention pages and API', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Västmanland') returning id")) as [{ id: number }];
    await loadInterventionDemo(db, fid);
    app = createApp({ db });
  });
  afterAll(() => db?.drop());

  it('lists the interventions with consumption, and the förbund menu links them', async () => {
    const res = await app.request(`/f/${fid}/insatser?ar=2025`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Samordningsteam Västerås');
    expect(html).toContain(`href="/f/${fid}/statistik"`);
  });

  it('creates an intervention and a grant over the API; a requisition makes the consumption rate', async () => {
    const [{ id: line }] = (await db.query<{ id: number }>("insert into budget_line (federation_id, section, label) values ($1, 'structural', 'Rehabkoordinatorer i Samverkan') returning id", [fid])) as [{ id: number }];
    const created = await app.request(`/api/federations/${fid}/interventions`, json({ name: 'Rehabkoordinatorer i samverkan', kind: 'structural', periodStart: '2025-01-01', budgetLineId: line }));
    expect(created.status).toBe(201);
    const { id, budgetLineLabel } = (await created.json()) as { id: number; budgetLineLabel: string };
    expect(budgetLineLabel).toBe('Rehabkoordinatorer i Samverkan');
    expect(await (await app.request(`/f/${fid}/insatser`)).text()).toContain('<option value="' + line + '">Rehabkoordinatorer i Samverkan</option>');
    await app.request(`/api/federations/${fid}/interventions/${id}/grants`, json({ year: 2025, decided: '929129', decisionDate: '2024-11-20' }));
    const res = await app.request(`/api/federations/${fid}/interventions/${id}/requisitions`, json({ date: '2025-12-15', amount: '929 129' }));
    const body = (await res.json()) as { consumption: { year: number | null; ratePercent: number }[] };
    expect(body.consumption.find((l) => l.year === 2025)!.ratePercent).toBe(100);
  });

  it('changes an intervention through the edit form on its page', async () => {
    const [{ id }] = (await db.query<{ id: number }>("select id from intervention where federation_id = $1 and name = 'Samordningsteam Sala'", [fid])) as [{ id: number }];
    const page = await (await app.request(`/f/${fid}/insatser/${id}`)).text();
    expect(page).toContain('Ändra uppgifter om insatsen');
    expect(page).toContain('value="Samordningsteam Sala"');
    const res = await app.request(`/f/${fid}/insatser/${id}/andra`, form({ name: 'Samordningsteam Sala', kind: 'individual', periodStart: '2024-01-01', capacity: '32', municipalitiesServed: 'Sala, Heby' }));
    expect(res.status).toBe(303);
    const after = (await (await app.request(`/api/federations/${fid}/interventions/${id}`)).json()) as { capacity: number; municipalitiesServed: string[] };
    expect(after).toMatchObject({ capacity: 32, municipalitiesServed: ['Sala', 'Heby'] });
  });

  it('answers bad input with 400 and the field, and a personnummer with the reason', async () => {
    const res = await app.request(`/api/federations/${fid}/interventions`, json({ name: 'Team 811228-9874', kind: 'individual', periodStart: '2025-01-01' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: { field: string; message: string }[] };
    expect(body.problems[0]!.field).toBe('name');
    expect(body.problems[0]!.message).toContain('personnummer');
  });

  it('registers and closes a participant through the forms, and the statistics count them', async () => {
    const [{ id }] = (await db.query<{ id: number }>("select id from intervention where federation_id = $1 and name = 'Samordningsteam Sala'", [fid])) as [{ id: number }];
    const before = (await (await app.request(`/api/federations/${fid}/statistics?year=2025&interventionId=${id}`)).json()) as { flowByGender: { rowTotals: number[] } };
    const res = await app.request(`/f/${fid}/insatser/${id}/deltagare`, form({ gender: 'man', ageBand: '25-29', supportBefore: 'income_support', supportDuration: 'lt1', education: 'upper_secondary', startDate: '2025-03-01' }));
    expect(res.status).toBe(303);
    const code = new URL(res.headers.get('location')!, 'http://x').searchParams.get('detalj')!;
    expect(code).toMatch(/^D-/);
    const [{ pid }] = (await db.query<{ pid: number }>('select id as pid from participation where federation_id = $1 and code = $2', [fid, code])) as [{ pid: number }];
    const closed = await app.request(`/f/${fid}/insatser/${id}/deltagare/${pid}/avsluta`, form({ endDate: '2025-09-30', exitOutcome: 'work', supportAfter: 'salary' }));
    expect(closed.status).toBe(303);
    const after = (await (await app.request(`/api/federations/${fid}/statistics?year=2025&interventionId=${id}`)).json()) as { flowByGender: { rowTotals: number[] } };
    expect(after.flowByGender.rowTotals[0]).toBe(before.flowByGender.rowTotals[0]! + 1);
    expect(after.flowByGender.rowTotals[2]).toBe(before.flowByGender.rowTotals[2]! + 1);
  });

  it('shows a refused registration again with the problems, keeping the choices but not the refused text', async () => {
    const [{ id }] = (await db.query<{ id: number }>("select id from intervention where federation_id = $1 and name = 'Samordningsteam Sala'", [fid])) as [{ id: number }];
    const page = `/f/${fid}/insatser/${id}/deltagare`;
    // The number is refused at the door (the identity guard runs before the route, issue 27): the form comes back
    // with the message and without the number.
    const res = await app.request(page, form({ _page: page, gender: 'woman', ageBand: '40-49', homeMunicipality: 'Anna 811228-9874', supportBefore: 'none', supportDuration: 'lt1', education: 'unknown', startDate: '' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    // The summary links to each field; the message also sits beside the field (form.tsx).
    expect(html).toMatch(/<a href="#f-homeMunicipality">[^<]*personnummer/);
    expect(html).not.toContain('811228');
    // Without the number, the route's own problems are named, each beside its field, the choices kept.
    const again = await (await app.request(page, form({ gender: 'woman', ageBand: '40-49', homeMunicipality: 'Okänd ort', supportBefore: 'none', supportDuration: 'lt1', education: 'unknown', startDate: '' }))).text();
    expect(again).toContain('<a href="#f-startDate">');
    expect(again).toContain('id="f-startDate-error"');
    expect(again).toMatch(/<option value="woman" selected[^>]*>/);
  });

  it('shows statistics with charts, tables and the suppression note', async () => {
    const html = await (await app.request(`/f/${fid}/statistik?ar=2025`)).text();
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('Avslutsorsaker 2025');
    expect(html).toContain('betyder att uppgiften är dold');
    expect(html).toContain('<th scope="col"');
  });

  it('exports the national follow-up per intervention as CSV and XLSX', async () => {
    const [{ id }] = (await db.query<{ id: number }>("select id from intervention where federation_id = $1 and name = 'Samordningsteam Västerås'", [fid])) as [{ id: number }];
    const csv = await app.request(`/f/${fid}/insatser/${id}/uppfoljning-2025.csv`);
    expect(csv.headers.get('content-disposition')).toContain('uppfoljning-2025-samordningsteam-vasteras.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads it as UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text).toMatch(/^Uppföljning 2025: Samordningsteam Västerås/);
    expect(text).toContain('Aktiva;');
    const xlsx = await app.request(`/f/${fid}/insatser/${id}/uppfoljning-2025.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0]!.getRow(5).getCell(1).value).toBe('Aktiva');
    // 110 active in Västerås 2025 in the synthetic set
    expect(wb.worksheets[0]!.getRow(5).getCell(6).value).toBe(110);
  });

  it('offers the participant template as a CSV the importer reads back', async () => {
    const [{ id }] = (await db.query<{ id: number }>("select id from intervention where federation_id = $1 and name = 'Samordningsteam Sala'", [fid])) as [{ id: number }];
    const res = await app.request(`/f/${fid}/insatser/${id}/deltagare/mall.csv`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads it as UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('Kön;Åldersgrupp;Hemkommun;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text, 'mall.csv').map((r) => r.cells);
    expect(rows).toEqual([templateColumns.map((c) => c.header), ...templateExample]);
  });

  it('lists the structural activities of 2025 with the total 1 734', async () => {
    const html = await (await app.request(`/f/${fid}/strukturaktiviteter?ar=2025`)).text();
    expect(html).toContain('Digitala Dejt med en verkSAMhet');
    expect(html).toContain('1\u00a0734');
  });

  it('answers an intervention of another förbund with 404', async () => {
    const [{ id: other }] = (await db.query<{ id: number }>("insert into federation (name) values ('SF Annat') returning id")) as [{ id: number }];
    const [{ id }] = (await db.query<{ id: number }>('select id from intervention where federation_id = $1 limit 1', [fid])) as [{ id: number }];
    expect((await app.request(`/api/federations/${other}/interventions/${id}`)).status).toBe(404);
  });
});
