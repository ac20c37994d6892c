import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { createApp } from '../app.tsx';

const reference = JSON.parse(readFileSync(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url), 'utf8'));

describe('ledger pages and API', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fed: number;
  beforeAll(async () => {
    db = await createTestDb();
    app = createApp({ db });
    [{ id: fed }] = (await db.query<{ id: number }>("insert into federation (name, organisation_number) values ('Samordningsförbundet Västmanland', '222000-0000') returning id")) as [{ id: number }];
    const y2025 = reference.years.find((y: { year: number }) => y.year === 2025);
    let order = 0;
    for (const l of y2025.outcome) await db.query('insert into budget_line (federation_id, section, label, sort_order) values ($1, $2, $3, $4)', [fed, l.section, l.label, order++]);
  });
  afterAll(() => db.drop());

  const upload = (buf: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(buf)], name));
    return app.request(`/f/${fed}/ledger/import`, { method: 'POST', body: form });
  };

  it('imports an uploaded file and shows the result and the history', async () => {
    const res = await upload(generateSie({ transactionRows: 400 }), 'bokslut 2025.se');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('bokslut 2025.se är inläst');
    expect(html).toMatch(/<caption>Inläsningar<\/caption>/);
    const history = await (await app.request(`/api/federations/${fed}/ledger/imports`)).json();
    expect(history).toHaveLength(1);
  });

  it('answers a broken upload with 400, its problems, and no change', async () => {
    const text = generateSie({ transactionRows: 400, encoding: 'utf8' }).toString('utf8').replace('#TRANS 1930 {} -', '#TRANS 1930 {} -9');
    const res = await upload(Buffer.from(text), 'fel.se');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('fel.se lästes inte in – ingenting har ändrats.');
    expect(html).toMatch(/rad \d+, fält #VER: Verifikation A \d+ .* balanserar inte/);
    expect(await (await app.request(`/api/federations/${fed}/ledger/imports`)).json()).toHaveLength(1);
  });

  it('streams a file posted to the API', async () => {
    const res = await app.request(`/api/federations/${fed}/ledger/imports?fileName=api.se`, { method: 'POST', body: new Uint8Array(generateSie({ transactionRows: 300, encoding: 'latin1' })) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ yearStart: '2025-01-01', replacedImportId: expect.any(Number) });
  });

  it('shows the statements with the reference figures, and exports CSV and XLSX', async () => {
    const html = await (await app.request(`/f/${fed}/ledger/statements?year=2025`)).text();
    expect(html).toContain('<caption>Resultaträkning (kr)</caption>');
    expect(html).toContain('18\u00a0964\u00a0118');
    expect(html).toContain('46,3\u00a0%');
    const csv = await (await app.request(`/f/${fed}/ledger/statements.csv?year=2025`)).text();
    expect(csv).toContain('Resultaträkning;Årets resultat;;345299,00;81778,00');
    const xlsx = await app.request(`/f/${fed}/ledger/statements.xlsx?year=2025`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const json = await (await app.request(`/api/federations/${fed}/ledger/statements?year=2025`)).json();
    expect(json.statements[0].rows.find((r: { key: string }) => r.key === 'result')).toMatchObject({ current: 345299, previous: 81778 });
    // The year asked for: malformed is 400, a year without a ledger 404, none at all the newest.
    for (const path of ['statements', 'statements.csv', 'mapping']) expect((await app.request(`/f/${fed}/ledger/${path}?year=abc`)).status, path).toBe(400);
    expect((await app.request(`/f/${fed}/ledger/statements?year=2031`)).status).toBe(404);
    expect(await (await app.request(`/f/${fed}/ledger/statements`)).text()).toContain('18\u00a0964\u00a0118');
  });

  it('maps objects and accounts to budget lines: outcome per line equals the reference driftredovisning, unmapped listed until mapped', async () => {
    const before = await (await app.request(`/f/${fed}/ledger/mapping?year=2025`)).text();
    expect(before).toContain('som inte är kopplat till någon budgetpost');
    const lines = await db.query<{ id: number; section: string; label: string }>('select id, section, label from budget_line where federation_id = $1', [fed]);
    const objects = await db.query<{ code: string; name: string }>("select code, name from ledger_object where federation_id = $1 and dimension = '6'", [fed]);
    for (const o of objects) {
      const line = lines.find((l) => l.label === o.name && l.section !== 'income')!;
      const form = new FormData();
      form.append('budgetLineId', String(line.id));
      form.append('object', `6:${o.code}`);
      form.append('accounts', '');
      form.append('year', '2025');
      const res = await app.request(`/f/${fed}/ledger/mapping`, { method: 'POST', body: form });
      expect(res.status).toBe(303);
    }
    const incomeLine = lines.find((l) => l.section === 'income')!;
    const res = await app.request(`/api/federations/${fed}/ledger/mapping`, { method: 'POST', body: JSON.stringify({ budgetLineId: incomeLine.id, accounts: '3400-3499' }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    const outcome = await (await app.request(`/api/federations/${fed}/ledger/outcome?year=2025`)).json();
    expect(outcome.unmapped).toEqual([]);
    expect(outcome.source).toBe('vouchers');
    const y2025 = reference.years.find((y: { year: number }) => y.year === 2025);
    for (const l of y2025.outcome as { section: string; label: string; income: number; cost: number }[]) {
      const id = lines.find((x) => x.section === l.section && x.label === l.label)!.id;
      const got = outcome.lines.find((x: { budgetLineId: number }) => x.budgetLineId === id) ?? { incomeOre: 0, costOre: 0, months: [] };
      expect([got.incomeOre / 100, got.costOre / 100], l.label).toEqual([l.income, l.cost]);
    }
    const after = await (await app.request(`/f/${fed}/ledger/mapping?year=2025`)).text();
    expect(after).toContain('är kopplat till budgetposter');
  });

  it('rejects a mapping with a bad range with 400 and a message', async () => {
    const form = new FormData();
    form.append('budgetLineId', '1');
    form.append('accounts', '4999-4000');
    const res = await app.request(`/f/${fed}/ledger/mapping`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Intervallet börjar efter att det slutar');
  });
});
