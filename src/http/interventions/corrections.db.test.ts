import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';

/** Corrections of intervention records at the HTTP level, as a logged-in kansli user: change, remove, audit trail. */
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const json = (method: string, body?: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('correcting intervention records', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let kansli: TestSession;
  let fid: number;
  let iid: number;
  let member: number;
  const page = (p: string) => `/f/${fid}/insatser/${iid}${p}`;
  const api = (p: string) => `/api/federations/${fid}/interventions/${iid}${p}`;
  const one = async <T,>(sql: string, params: unknown[] = []) => (await db.query<T & object>(sql, params))[0]!;

  beforeAll(async () => {
    db = await createTestDb();
    fid = (await one<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id")).id;
    member = (await one<{ id: number }>("insert into member (federation_id, name, kind) values ($1, 'Sala kommun', 'municipality') returning id", [fid])).id;
    iid = (await one<{ id: number }>("insert into intervention (federation_id, name, kind, period_start) values ($1, 'Samordningsteam Sala', 'individual', '2025-01-01') returning id", [fid])).id;
    await addTestUser(db, { email: 'kansli@test.se', federationId: fid, role: 'kansli' });
    app = createApp({ db });
    kansli = await loginAs(app, 'kansli@test.se');
  });
  afterAll(() => db?.drop());

  it('changes a grant through its edit page, and the audit log has the amount before and after', async () => {
    expect((await kansli.request(page('/beslut'), form({ year: '2025', decided: '1 000 000', decisionDate: '2024-11-20', reference: 'Dnr 1' }))).status).toBe(303);
    const { id } = await one<{ id: number }>('select id from intervention_grant where federation_id = $1', [fid]);
    const edit = await (await kansli.request(page(`/beslut/${id}`))).text();
    expect(edit).toContain('value="1000000"');
    expect((await kansli.request(page(`/beslut/${id}`), form({ year: '2025', decided: '1 200 000', decisionDate: '2024-11-20', reference: 'Dnr 1' }))).status).toBe(303);
    const log = await one<{ before: string; after: string; actor: string }>(
      "select old_values->>'decided_ore' as before, new_values->>'decided_ore' as after, actor from audit_log where table_name = 'intervention_grant' and action = 'update' order by id desc limit 1",
    );
    expect(log).toEqual({ before: '100000000', after: '120000000', actor: 'kansli@test.se' });
  });

  it('refuses requisitions above the granted amount, a date before the start and one more than a year ahead', async () => {
    const tooMuch = await kansli.request(page('/rekvisitioner'), form({ date: '2025-03-31', amount: '1 300 000', note: 'Q1', _page: page('') }));
    expect(tooMuch.status).toBe(400);
    const html = await tooMuch.text();
    expect(html).toContain('mer än beslutade medel');
    // What was typed is still in the form, beside the message.
    expect(html).toContain('value="1 300 000"');
    expect(html).toMatch(/class="field has-error"[^]*?id="f-amount-error"/);
    const early = await kansli.request(api('/requisitions'), json('POST', { date: '2024-12-31', amount: '100' }));
    expect(early.status).toBe(400);
    expect(JSON.stringify(await early.json())).toContain('före insatsens start');
    const ahead = `${new Date().getUTCFullYear() + 2}-01-15`;
    expect((await kansli.request(api('/requisitions'), json('POST', { date: ahead, amount: '100' }))).status).toBe(400);
    expect((await kansli.request(api('/requisitions'), json('POST', { date: '2025-03-31', amount: '300 000' }))).status).toBe(201);
    expect((await one<{ n: number }>('select count(*)::int as n from requisition where federation_id = $1', [fid])).n).toBe(1);
  });

  it('refuses an amount over 10 000 000 000 kr and FTE over 2, never a 500', async () => {
    const huge = await kansli.request(api('/grants'), json('POST', { year: 2026, decided: '10 000 000 001', decisionDate: '2025-11-20' }));
    expect(huge.status).toBe(400);
    expect(JSON.stringify(await huge.json())).toContain('högst 10 000 000 000 kr');
    const fte = await kansli.request(api('/staffing'), json('POST', { memberId: member, role: 'Coach', fte: '2,5' }));
    expect(fte.status).toBe(400);
    expect(JSON.stringify(await fte.json())).toContain('högst 2');
  });

  it('changes and removes a requisition and staffing over the API; removing a grant that is used is refused', async () => {
    const { id: req } = await one<{ id: number }>('select id from requisition where federation_id = $1', [fid]);
    const changed = await kansli.request(api(`/requisitions/${req}`), json('PUT', { date: '2025-03-31', amount: '250 000', note: 'Q1 rättad' }));
    expect(changed.status).toBe(200);
    expect((await one<{ amount: string }>('select amount_ore::text as amount from requisition where id = $1', [req])).amount).toBe('25000000');
    const { id: grant } = await one<{ id: number }>('select id from intervention_grant where federation_id = $1', [fid]);
    const refused = await kansli.request(api(`/grants/${grant}`), json('DELETE'));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('kan inte tas bort');
    expect((await kansli.request(api(`/requisitions/${req}`), json('DELETE'))).status).toBe(200);
    expect((await kansli.request(page(`/beslut/${grant}/ta-bort`), form({ bekrafta: 'ja' }))).status).toBe(303);
    expect((await one<{ n: number }>('select count(*)::int as n from intervention_grant where federation_id = $1', [fid])).n).toBe(0);
    const del = await one<{ old: string }>("select old_values->>'reference' as old from audit_log where table_name = 'intervention_grant' and action = 'delete'");
    expect(del.old).toBe('Dnr 1');

    await kansli.request(api('/staffing'), json('POST', { memberId: member, role: 'Coach', fte: '1' }));
    const { id: st } = await one<{ id: number }>('select id from intervention_staffing where federation_id = $1', [fid]);
    expect((await kansli.request(page(`/bemanning/${st}`), form({ memberId: String(member), role: 'Coach', fte: '0,8' }))).status).toBe(303);
    expect((await one<{ fte: string }>('select fte::text as fte from intervention_staffing where id = $1', [st])).fte).toBe('0.80');
    expect((await kansli.request(api(`/staffing/${st}`), json('DELETE'))).status).toBe(200);
  });

  it('corrects, reopens and removes a participation', async () => {
    const created = await kansli.request(
      api('/participations'),
      json('POST', { gender: 'woman', ageBand: '25-29', supportBefore: 'none', supportDuration: 'lt1', education: 'compulsory', startDate: '2025-02-01' }),
    );
    expect(created.status).toBe(201);
    const { id: pid } = await one<{ id: number }>('select id from participation where federation_id = $1', [fid]);
    expect((await kansli.request(api(`/participations/${pid}/close`), json('POST', { endDate: '2025-05-31', exitOutcome: 'work' }))).status).toBeLessThan(300);
    const edit = await kansli.request(page(`/deltagare/${pid}`));
    expect(await edit.text()).toContain('Återöppna');
    expect((await kansli.request(page(`/deltagare/${pid}/ateroppna`), form({}))).status).toBe(303);
    expect(await one('select end_date, exit_outcome from participation where id = $1', [pid])).toEqual({ end_date: null, exit_outcome: null });
    const fixed = await kansli.request(
      page(`/deltagare/${pid}`),
      form({ gender: 'man', ageBand: '25-29', supportBefore: 'none', supportDuration: 'lt1', education: 'compulsory', startDate: '2025-02-03' }),
    );
    expect(fixed.status).toBe(303);
    const log = await one<{ before: string; after: string }>(
      "select old_values->>'gender' as before, new_values->>'gender' as after from audit_log where table_name = 'participation' and action = 'update' order by id desc limit 1",
    );
    expect(log).toEqual({ before: 'woman', after: 'man' });
    expect((await kansli.request(api(`/participations/${pid}`), json('DELETE'))).status).toBe(204);
    expect((await one<{ n: number }>('select count(*)::int as n from participation where federation_id = $1', [fid])).n).toBe(0);
  });

  it('changes and removes a goal and its assessment, and a structural activity', async () => {
    await kansli.request(api('/goals'), json('POST', { area: 'Arbete', text: 'Fler i arbete' }));
    const { id: goal } = await one<{ id: number }>('select id from goal where federation_id = $1', [fid]);
    await kansli.request(`/api/federations/${fid}/goals/${goal}/assessments`, json('POST', { year: 2025, assessment: 'met' }));
    expect((await kansli.request(`/f/${fid}/mal/${goal}`, form({ area: 'Arbete', text: 'Fler i arbete eller studier' }))).status).toBe(303);
    expect((await one<{ text: string }>('select text from goal where id = $1', [goal])).text).toBe('Fler i arbete eller studier');
    expect((await kansli.request(`/f/${fid}/mal/${goal}/bedomning/2025/ta-bort`, form({ bekrafta: 'ja' }))).status).toBe(303);
    expect((await one<{ n: number }>('select count(*)::int as n from goal_assessment where federation_id = $1', [fid])).n).toBe(0);
    expect((await kansli.request(`/api/federations/${fid}/goals/${goal}`, json('DELETE'))).status).toBe(200);

    await kansli.request(`/api/federations/${fid}/activities`, json('POST', { year: 2025, name: 'Utbildning', participants: 20 }));
    const { id: act } = await one<{ id: number }>('select id from activity where federation_id = $1', [fid]);
    const changed = await kansli.request(`/f/${fid}/strukturaktiviteter/${act}`, form({ year: '2025', name: 'Utbildning i samverkan', participants: '24' }));
    expect(changed.status).toBe(303);
    expect(await one('select name, participants from activity where id = $1', [act])).toEqual({ name: 'Utbildning i samverkan', participants: 24 });
    expect((await kansli.request(`/f/${fid}/strukturaktiviteter/${act}/ta-bort`, form({ bekrafta: 'ja' }))).status).toBe(303);
    expect((await one<{ n: number }>('select count(*)::int as n from activity where federation_id = $1', [fid])).n).toBe(0);
  });

  it('keeps what was typed in the new-intervention form when it is refused, and has no silent default for the type', async () => {
    const list = await (await kansli.request(`/f/${fid}/insatser`)).text();
    expect(list).toMatch(/<select id="f-kind"[^>]*>\s*<option value="">– välj –<\/option>/);
    const res = await kansli.request(`/f/${fid}/insatser`, form({ name: 'Ny insats med typo', kind: '', periodStart: '2025-13-01', _page: `/f/${fid}/insatser` }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="Ny insats med typo"');
    expect(html).toContain('id="f-kind-error"');
    expect(html).toContain('id="f-periodStart-error"');
  });

  it('refuses to remove a member an intervention still uses, saying why (was a 500), and a malformed id is a 400', async () => {
    await kansli.request(api('/staffing'), json('POST', { memberId: member, role: 'Coach', fte: '1' }));
    const res = await kansli.request(`/api/federations/${fid}/members/${member}`, json('DELETE'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('bemannar en insats');
    expect((await kansli.request(`/f/${fid}/ledger/mapping/NaN/delete`, form({}))).status).toBe(400);
  });
});
