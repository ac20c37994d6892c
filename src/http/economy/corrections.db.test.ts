import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { referenceKeyFigures2025 } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { saveAllocationKey } from '../../services/economy/index.ts';

const fixture = new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname;
const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const json = (method: string, body?: unknown) => ({ method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/**
 * The year's cycle and economy corrections at the HTTP level, as the kansli, on the reference förbund
 * (test/fixtures/vastmanland.import.json: 2024 and 2025).
 */
describe('the year cycle and corrections in the economy', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let kansli: TestSession;
  let fid: number;
  const one = async <T,>(sql: string, params: unknown[] = []) => (await db.query<T & object>(sql, params))[0]!;
  const api = (p: string) => `/api/federations/${fid}${p}`;

  beforeAll(async () => {
    db = await createTestDb();
    fid = (await importReferenceFile(db, fixture, { id: 'test' })).federationId;
    await addTestUser(db, { email: 'kansli@test.se', federationId: fid, role: 'kansli' });
    app = createApp({ db });
    kansli = await loginAs(app, 'kansli@test.se');
  });
  afterAll(() => db?.drop());

  it('starts 2026 from 2025: budget copied from the revised 2025 budget, key carried over, opening equity = closing equity 2025', async () => {
    const members = await db.query<{ id: number; kind: string }>("select id, kind from member where federation_id = $1 and kind = 'municipality' order by id", [fid]);
    const key = { stateShareBp: 5000, regionShareBp: 3125, municipalitiesShareBp: 1875, municipalBasis: 'population' as const, weights: members.map((m, i) => ({ memberId: m.id, weight: 10_000 + i })) };
    await saveAllocationKey(db, fid, 2025, key, { id: 'test' });
    const res = await kansli.request(`/f/${fid}/ar`, form({ year: '2026', allocation: '19 000 000' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/f/${fid}/ar/2026/budget?sparat=year-started`);
    const y = await one<{ opening: string; allocation: string }>('select opening_equity_ore::text as opening, allocation_ore::text as allocation from fiscal_year where federation_id = $1 and year = 2026', [fid]);
    // The annual report's closing equity 2025 (reference: 4 028 486 + 345 299 = 4 373 785 kr).
    expect(y).toEqual({ opening: String(referenceKeyFigures2025.equityClosing * 100), allocation: '1900000000' });
    // The budget 2026 starts as the revised budget 2025 (reference: operating cost 20 986 499 kr, result −2 028 499 kr).
    const b = await one<{ cost: string; income: string }>('select sum(cost_ore)::text as cost, sum(income_ore)::text as income from budget_amount where federation_id = $1 and year = 2026', [fid]);
    expect(Number(b.cost)).toBe(referenceKeyFigures2025.budget.operatingCost * 100);
    // The income follows the new allocation (19 000 000 kr), and the key carried over gives every member its contribution.
    expect(Number(b.income)).toBe(19_000_000_00);
    const c = await one<{ total: string; n: number }>('select sum(amount_ore)::text as total, count(*)::int as n from contribution where federation_id = $1 and year = 2026', [fid]);
    expect(Number(c.total)).toBe(19_000_000_00);
    expect(c.n).toBeGreaterThan(3);
    const k = await one<{ region: number; n: number }>(
      'select k.region_share_bp as region, (select count(*)::int from allocation_key_weight w where w.federation_id = k.federation_id and w.year = 2026) as n from allocation_key k where federation_id = $1 and year = 2026',
      [fid],
    );
    expect(k).toEqual({ region: 3125, n: members.length });
    const page = await (await kansli.request(`/f/${fid}/ar/2026/budget?sparat=year-started`)).text();
    expect(page).toContain('Året är upplagt från föregående år');
    expect(page).toContain('Anta budgeten 2026');
    // The year exists now: a second start is refused beside the field.
    const again = await kansli.request(`/f/${fid}/ar`, form({ year: '2026', allocation: '1' }));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Året 2026 finns redan.');
  });

  it('adopts the budget by the board; then the original budget is locked and changes go through a tilläggsbudget', async () => {
    const line = await one<{ id: number }>('select budget_line_id as id from budget_amount where federation_id = $1 and year = 2026 and cost_ore > 0 order by budget_line_id limit 1', [fid]);
    // Before adoption the original budget can be changed.
    expect((await kansli.request(`/f/${fid}/ar/2026/budget/post/${line.id}`, form({ income: '0', cost: '700 000' }))).status).toBe(303);
    const bad = await kansli.request(`/f/${fid}/ar/2026/budget/anta`, form({ adoptedOn: '2025-11-31', reference: '', _page: `/f/${fid}/ar/2026/budget` }));
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('id="f-adoptedOn-error"');
    expect(badHtml).toContain('value="2025-11-31"');
    expect((await kansli.request(`/f/${fid}/ar/2026/budget/anta`, form({ adoptedOn: '2025-11-20', reference: 'Styrelsen 2025-11-20 § 45' }))).status).toBe(303);
    expect(await one('select to_char(adopted_on, \'YYYY-MM-DD\') as d, reference from budget_adoption where federation_id = $1 and year = 2026', [fid])).toEqual({ d: '2025-11-20', reference: 'Styrelsen 2025-11-20 § 45' });
    const locked = await kansli.request(`/f/${fid}/ar/2026/budget/post/${line.id}`, form({ income: '0', cost: '800 000' }));
    expect(locked.status).toBe(400);
    expect(await locked.text()).toContain('är antagen av styrelsen');
    const viaApi = await kansli.request(api(`/years/2026/budget/lines/${line.id}`), json('PUT', { income: 0, cost: 800000 }));
    expect(viaApi.status).toBe(400);
    expect((await one<{ cost: string }>('select cost_ore::text as cost from budget_amount where federation_id = $1 and year = 2026 and budget_line_id = $2', [fid, line.id])).cost).toBe('70000000');
    expect((await kansli.request(api('/years/2026/budget/adoption'), json('POST', { adoptedOn: '2025-12-01', reference: 'igen' }))).status).toBe(400);
    const rev = await kansli.request(api('/years/2026/budget/revisions'), json('POST', { date: '2026-05-14', note: 'Tilläggsbudget § 12', lines: [{ lineId: line.id, income: 0, cost: 750000 }] }));
    expect(rev.status).toBe(201);
  });

  it('corrects a tilläggsbudget and removes one; the audit log has the amount before and after', async () => {
    const { id } = await one<{ id: number }>("select id from budget_revision where federation_id = $1 and year = 2026 and decision = 'Tilläggsbudget § 12'", [fid]);
    const line = await one<{ lineId: number }>('select budget_line_id as "lineId" from budget_revision_line where federation_id = $1 and revision_id = $2', [fid, id]);
    const page = await (await kansli.request(`/f/${fid}/ar/2026/budget/tillaggsbudget/${id}`)).text();
    expect(page).toContain('value="750 000"');
    const res = await kansli.request(`/f/${fid}/ar/2026/budget/tillaggsbudget/${id}`, form({ decidedOn: '2026-05-14', decision: 'Tilläggsbudget § 12', [`income-${line.lineId}`]: '0', [`cost-${line.lineId}`]: '760 000' }));
    expect(res.status).toBe(303);
    expect((await one<{ cost: string }>('select cost_ore::text as cost from budget_revision_line where federation_id = $1 and revision_id = $2', [fid, id])).cost).toBe('76000000');
    const trail = await db.query<{ action: string; old: string | null; new: string | null }>(
      "select action, old_values->>'cost_ore' as old, new_values->>'cost_ore' as new from audit_log where table_name = 'budget_revision_line' and federation_id = $1 order by id",
      [fid],
    );
    // One row, before and after: the line is corrected in place.
    expect(trail.some((t) => t.action === 'update' && t.old === '75000000' && t.new === '76000000')).toBe(true);
    expect((await kansli.request(`/f/${fid}/ar/2026/budget/tillaggsbudget/${id}/ta-bort`, form({ bekrafta: 'ja' }))).status).toBe(303);
    expect((await db.query('select 1 from budget_revision where federation_id = $1 and id = $2', [fid, id])).length).toBe(0);
  });

  it('adds a budget line to a tilläggsbudget when correcting it, and removes one left blank; the audit log shows each (issue 8)', async () => {
    const lines = await db.query<{ id: number; label: string }>(
      'select l.id, l.label from budget_line l join budget_amount a on a.federation_id = l.federation_id and a.budget_line_id = l.id where l.federation_id = $1 and a.year = 2026 order by l.id',
      [fid],
    );
    const [first, second] = lines as [{ id: number; label: string }, { id: number; label: string }];
    expect((await kansli.request(api('/years/2026/budget/revisions'), json('POST', { date: '2026-09-10', note: 'Tilläggsbudget § 30', lines: [{ lineId: first.id, income: 0, cost: 100000 }] }))).status).toBe(201);
    const { id } = await one<{ id: number }>("select id from budget_revision where federation_id = $1 and decision = 'Tilläggsbudget § 30'", [fid]);
    const page = await (await kansli.request(`/f/${fid}/ar/2026/budget/tillaggsbudget/${id}`)).text();
    // The year's other lines are offered, empty, to add.
    expect(page).toContain('Lägg till budgetposter i tilläggsbudgeten');
    expect(page).toMatch(new RegExp(`name="cost-${second.id}" type="text" inputmode="decimal" value=""`));
    const add = await kansli.request(
      `/f/${fid}/ar/2026/budget/tillaggsbudget/${id}`,
      form({ decidedOn: '2026-09-10', decision: 'Tilläggsbudget § 30', [`income-${first.id}`]: '0', [`cost-${first.id}`]: '100 000', [`income-${second.id}`]: '', [`cost-${second.id}`]: '250 000' }),
    );
    expect(add.status).toBe(303);
    const rows = () => db.query<{ lineId: number; cost: string }>('select budget_line_id as "lineId", cost_ore::text as cost from budget_revision_line where federation_id = $1 and revision_id = $2 order by budget_line_id', [fid, id]);
    expect(await rows()).toEqual([
      { lineId: first.id, cost: '10000000' },
      { lineId: second.id, cost: '25000000' },
    ]);
    const trail = () =>
      db.query<{ action: string; line: string; old: string | null; new: string | null }>(
        `select action, coalesce(new_values, old_values)->>'budget_line_id' as line, old_values->>'cost_ore' as old, new_values->>'cost_ore' as new
         from audit_log where table_name = 'budget_revision_line' and federation_id = $1 and coalesce(new_values, old_values)->>'revision_id' = $2 order by id`,
        [fid, String(id)],
      );
    expect(await trail()).toEqual([
      { action: 'insert', line: String(first.id), old: null, new: '10000000' },
      { action: 'insert', line: String(second.id), old: null, new: '25000000' },
    ]);
    // Clearing a line's two fields takes it out of the revision; the revised budget follows.
    const remove = await kansli.request(`/f/${fid}/ar/2026/budget/tillaggsbudget/${id}`, form({ decidedOn: '2026-09-10', decision: 'Tilläggsbudget § 30', [`income-${first.id}`]: '', [`cost-${first.id}`]: '', [`cost-${second.id}`]: '250 000' }));
    expect(remove.status).toBe(303);
    expect(await rows()).toEqual([{ lineId: second.id, cost: '25000000' }]);
    expect((await trail()).at(-1)).toEqual({ action: 'delete', line: String(first.id), old: '10000000', new: null });
    const budget = await (await kansli.request(api('/years/2026/budget'))).json();
    expect(JSON.stringify(budget)).toContain('250000');
    expect((await kansli.request(`/f/${fid}/ar/2026/budget/tillaggsbudget/${id}/ta-bort`, form({ bekrafta: 'ja' }))).status).toBe(303);
  });

  it('renames a budget line, refuses to remove one with outcome, removes an unused one', async () => {
    const used = await one<{ id: number; label: string }>(
      'select b.id, b.label from budget_line b where b.federation_id = $1 and exists (select 1 from outcome_entry o where o.federation_id = b.federation_id and o.budget_line_id = b.id and o.cost_ore <> 0) order by b.id limit 1',
      [fid],
    );
    const refused = await kansli.request(api(`/budget-lines/${used.id}`), json('DELETE'));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('den har utfall');
    const page = await (await kansli.request(`/f/${fid}/budgetposter/${used.id}`)).text();
    expect(page).toContain('Budgetposten kan inte tas bort: den har utfall');
    expect((await kansli.request(`/f/${fid}/budgetposter/${used.id}`, form({ section: 'administration', label: `${used.label} (rättad)` }))).status).toBe(303);
    const log = await one<{ old: string; new: string }>("select old_values->>'label' as old, new_values->>'label' as new from audit_log where table_name = 'budget_line' and action = 'update' order by id desc limit 1");
    expect(log).toEqual({ old: used.label, new: `${used.label} (rättad)` });
    const created = (await (await kansli.request(api('/budget-lines'), json('POST', { section: 'structural', label: 'Felskriven post' }))).json()) as { id: number };
    expect((await kansli.request(api(`/budget-lines/${created.id}`), json('DELETE'))).status).toBe(204);
    expect((await db.query('select 1 from budget_line where id = $1', [created.id])).length).toBe(0);
  });

  it('refuses to remove a member with contributions, saying why', async () => {
    const m = await one<{ id: number }>('select member_id as id from contribution where federation_id = $1 and member_id is not null limit 1', [fid]);
    const res = await kansli.request(api(`/members/${m.id}`), json('DELETE'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('har bidrag');
  });

  it('changes an account mapping over the page and the API', async () => {
    const line = await one<{ id: number }>("select id from budget_line where federation_id = $1 and section = 'income' limit 1", [fid]);
    const other = await one<{ id: number }>("select id from budget_line where federation_id = $1 and section = 'administration' limit 1", [fid]);
    expect((await kansli.request(api('/ledger/mapping'), json('POST', { budgetLineId: line.id, accounts: '3400-3499' }))).status).toBeLessThan(300);
    const { id } = await one<{ id: number }>('select id from ledger_mapping where federation_id = $1', [fid]);
    expect(await (await kansli.request(`/f/${fid}/ledger/mapping/${id}`)).text()).toContain('value="3400-3499"');
    expect((await kansli.request(`/f/${fid}/ledger/mapping/${id}`, form({ budgetLineId: String(line.id), accounts: '3400-3450', object: '' }))).status).toBe(303);
    const put = await kansli.request(api(`/ledger/mapping/${id}`), json('PUT', { budgetLineId: other.id, accounts: '7000', object: '' }));
    expect(put.status).toBe(200);
    expect(await one('select budget_line_id as line, account_from as "from", account_to as "to" from ledger_mapping where id = $1', [id])).toEqual({ line: other.id, from: '7000', to: '7000' });
    expect((await kansli.request(api(`/ledger/mapping/${id}`), json('DELETE'))).status).toBe(204);
  });
});
