import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { createApp } from '../app.tsx';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { economySnapshot } from '../../services/economy/snapshot.testing.ts';

const fixture = new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname;

describe('economy JSON API', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let base: string;
  const send = (method: string, path: string, body?: unknown) =>
    app.request(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  beforeAll(async () => {
    db = await createTestDb();
    const r = await importReferenceFile(db, fixture, { id: 'test' });
    app = createApp({ db });
    base = `/api/federations/${r.federationId}`;
  });
  afterAll(() => db?.drop());

  it('answers the key figures and the operating statement (json, csv, xlsx)', async () => {
    const k = await (await send('GET', '/years/2025/key-figures')).json();
    expect(k).toMatchObject({ equityClosing: 4373785, result: 345299, budget: { result: -2028499 } });
    const csv = await send('GET', '/years/2025/operating-statement?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('SUMMA;18964;-18763;201;18958;-20986;-2028;2229;19043;-19147;-105');
    const xlsx = await send('GET', '/years/2025/operating-statement?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // zip
    expect((await send('GET', '/years/2031/key-figures')).status).toBe(404);
  });

  it('exports every economy table as CSV and XLSX', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const five = await send('GET', '/years/2025/export/femarsoversikt.csv');
    expect(five.headers.get('content-disposition')).toContain('femarsoversikt-2025.csv');
    expect(await five.text()).toContain('\r\n2025;18964;-18763;345;46,3%;;\r\n2024;19043;-19147;82;47,6%;;\r\n');
    const dist = await (await send('GET', '/years/2025/export/kostnadsfordelning.csv')).text();
    expect(dist.split('\r\n').slice(1, 5)).toEqual(['Individinsatser;66%;66%;66%', 'Strukturpåverkande insatser;12%;9%;11%', 'Processtöd samverkansinsatser;9%;11%;10%', 'Administration (styrelse och kansli);13%;14%;13%']);
    for (const name of ['nyckeltal', 'budget', 'bidrag', 'driftredovisning']) {
      const res = await send('GET', `/years/2025/export/${name}.xlsx`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(3);
    }
    const bidrag = await (await send('GET', '/years/2025/export/bidrag.csv')).text();
    expect(bidrag).toContain('Summa;18958000;100,00%');
    expect((await send('GET', '/years/2025/export/okand.csv')).status).toBe(400);
  });

  it('a budget line edit and a revision change the budget figures; the original stays', async () => {
    const budget = await (await send('GET', '/years/2025/budget')).json();
    const line = budget.lines.find((l: { label: string }) => l.label === 'Samordningsteam Västerås');
    expect((await send('PUT', `/years/2025/budget/lines/${line.id}`, { income: 0, cost: 6_200_000 })).status).toBe(204);
    let k = await (await send('GET', '/years/2025/key-figures')).json();
    expect(k.budget.operatingCost).toBe(20_986_499 + 100_400);
    const rev = await send('POST', '/years/2025/budget/revisions', { date: '2025-05-14', note: 'Tilläggsbudget, styrelsemöte maj', lines: [{ lineId: line.id, income: 0, cost: 6_099_600 }] });
    expect(rev.status).toBe(201);
    k = await (await send('GET', '/years/2025/key-figures')).json();
    expect(k.budget.operatingCost).toBe(20_986_499);
    const after = await (await send('GET', '/years/2025/budget')).json();
    expect(after.original.find((l: { lineId: number }) => l.lineId === line.id).cost).toBe(6_200_000);
    expect(after.revised.find((l: { lineId: number }) => l.lineId === line.id).cost).toBe(6_099_600);
    expect(after.revisions[0]).toMatchObject({ date: '2025-05-14', note: 'Tilläggsbudget, styrelsemöte maj' });
  });

  it('enters outcome per line and month (manual entries add to the imported outcome)', async () => {
    const budget = await (await send('GET', '/years/2025/budget')).json();
    const line = budget.lines.find((l: { label: string }) => l.label === 'Extern medbedömning');
    expect((await send('PUT', `/years/2025/outcome/${line.id}/3`, { income: 0, cost: 12_000 })).status).toBe(204);
    const k = await (await send('GET', '/years/2025/key-figures')).json();
    expect(k.operatingCost).toBe(18_763_370 + 12_000);
    const o = await (await send('GET', '/years/2025/outcome')).json();
    expect(o.sources.sort()).toEqual(['manual', 'reference']);
    expect((await send('PUT', `/years/2025/outcome/${line.id}/3`, { income: 0, cost: 0 })).status).toBe(204);
  });

  it('manages members and applies an allocation key exactly', async () => {
    const created = await send('POST', '/members', { name: 'Testkommun', kind: 'municipality' });
    expect(created.status).toBe(201);
    const m = await created.json();
    expect((await send('PUT', `/members/${m.id}`, { name: 'Testkommunen', kind: 'municipality' })).status).toBe(200);
    expect((await send('DELETE', `/members/${m.id}`)).status).toBe(204);
    const members = (await (await send('GET', '/members')).json()) as { id: number; kind: string }[];
    expect((await send('PUT', '/years/2024/allocation', { allocation: 19_038_000 })).status).toBe(204);
    const key = {
      stateShareBp: 5000,
      regionShareBp: 2500,
      municipalitiesShareBp: 2500,
      municipalBasis: 'population',
      weights: members.filter((x) => x.kind === 'municipality').map((x, i) => ({ memberId: x.id, weight: 13_000 + 1_000 * i })),
    };
    expect((await send('PUT', '/years/2024/allocation/key', key)).status).toBe(204);
    const applied = await (await send('POST', '/years/2024/allocation/apply-key')).json();
    expect(applied.reduce((a: number, x: { amount: number }) => a + x.amount, 0)).toBe(19_038_000);
    const a = await (await send('GET', '/years/2024/allocation')).json();
    expect(a.check).toMatchObject({ difference: 0, shares: { state: 0.5, region: 0.25, municipalities: 0.25 } });
  });

  it('changes the equity cap and floor; the assessment follows', async () => {
    expect((await (await send('GET', '/settings')).json()).equityCapShare).toBe(0.2);
    const r = await send('PUT', '/settings', { equityCapShare: 0.25, equityFloor: 500_000 });
    expect(await r.json()).toEqual({ equityCapShare: 0.25, equityCapSteps: [], equityFloor: 500_000, minCellSize: 5 });
    const o = await (await send('GET', '/years/2025/overview')).json();
    expect(o.equity).toMatchObject({ capShare: 0.25, capOre: 473_950_000, floorOre: 50_000_000, status: 'within' });
    expect((await send('PUT', '/settings', { equityCapShare: 2 })).status).toBe(400);
    await send('PUT', '/settings', { equityCapShare: 0.2, equityFloor: null });
  });

  it('refuses bad input with 400 and field names, changing nothing', async () => {
    const before = await economySnapshot(db);
    const r1 = await send('PUT', '/years/2025/contributions', { contributions: [{ payer: 'state', amount: 100 }] });
    expect(r1.status).toBe(400);
    expect((await r1.json()).problems[0]).toMatchObject({ field: 'contributions' });
    const r2 = await send('PUT', '/years/2025/budget/lines/1', { income: 0, cost: 'mycket' });
    expect(r2.status).toBe(400);
    expect((await r2.json()).problems[0]).toMatchObject({ field: 'cost' });
    const r3 = await send('POST', '/members', { name: 'X', kind: 'kommun' });
    expect((await r3.json()).problems[0]).toMatchObject({ field: 'kind' });
    const r4 = await send('POST', '/years/2025/budget/revisions', { date: '2025-13-01', note: '', lines: [] });
    expect((await r4.json()).problems.map((p: { field: string }) => p.field)).toEqual(['decidedOn', 'decision']);
    const r5 = await send('PUT', '/years/2025/outcome/1/13', { income: 0, cost: 1 });
    expect((await r5.json()).problems[0]).toMatchObject({ field: 'month' });
    expect(await economySnapshot(db)).toBe(before);
  });
});
