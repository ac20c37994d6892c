import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { loginAs, type TestSession } from './support/auth.ts';
import { seedRoleWorld, type RoleWorld } from './support/roles.ts';
import { createApp } from '../src/http/app.tsx';
import { addBoardMember } from '../src/services/reports/board.ts';
import { createBudgetLine } from '../src/services/economy/lines.ts';

/**
 * Removals ask first and then say what was removed (issue 28). Without JavaScript: the removal form holds a
 * required box "Ja, ta bort …"; a post without it removes nothing and shows the page again with the message
 * beside the box; with it the record goes and the page says "Du har tagit bort <what>." by name. Board members,
 * budget lines and participants here; every other removal uses the same form and check (kit/removal.tsx).
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('a removal asks for confirmation, then names what was removed', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let w: RoleWorld;
  let kansli: TestSession;
  const exists = async (table: string, id: number) => (await db.query(`select 1 from ${table} where id = $1`, [id])).length === 1;

  beforeAll(async () => {
    db = await createTestDb();
    w = await seedRoleWorld(db);
    app = createApp({ db });
    kansli = await loginAs(app, w.users.kansli);
  });
  afterAll(() => db.drop());

  /** The removal form for `action` on `page`: it has the required box and posts back from that page. */
  async function expectConfirmBox(page: string, action: string) {
    const html = await (await kansli.request(page)).text();
    const at = html.indexOf(`action="${action}"`);
    expect(at, `${page} has a removal form posting to ${action}`).toBeGreaterThan(0);
    const f = html.slice(at, html.indexOf('</form>', at));
    expect(f).toMatch(/<input type="checkbox"[^>]*name="bekrafta"[^>]*value="ja"[^>]*required/);
    expect(text(f)).toContain('Ja, ta bort');
  }

  /** Posts without the box (nothing goes, the message sits beside the box), then with it (gone, named). */
  async function removeAndConfirm(page: string, action: string, table: string, id: number, named: string) {
    await expectConfirmBox(page, action);
    const unconfirmed = await kansli.request(action, form({ _page: page }));
    expect(unconfirmed.status).toBe(400);
    expect(await exists(table, id)).toBe(true);
    const html = await unconfirmed.text();
    expect(text(html)).toContain('Kryssa i rutan för att bekräfta att du vill ta bort');
    expect(html).toMatch(/id="f-bekrafta-[^"]*-error"/);
    // A post with no page to go back to is refused all the same.
    expect((await kansli.request(action, form({}))).status).toBe(400);
    expect(await exists(table, id)).toBe(true);

    const confirmed = await kansli.request(action, form({ bekrafta: 'ja', _page: page }));
    expect(confirmed.status).toBe(303);
    expect(await exists(table, id)).toBe(false);
    const next = await kansli.request(confirmed.headers.get('location')!.replace(/#.*/, ''));
    expect(next.status).toBe(200);
    expect(text(await next.text())).toContain(`Du har tagit bort ${named}.`);
  }

  it('a board member', async () => {
    const id = await addBoardMember(db, w.federationId, { name: 'Anna Andersson', seat: 'ledamot', position: 'none', memberId: '', termStart: '2025-01-01', termEnd: '' }, { id: 'test' });
    const page = `/f/${w.federationId}/styrelse`;
    await removeAndConfirm(page, `${page}/ledamot/${id}/ta-bort`, 'board_member', id, 'ledamoten Anna Andersson');
  });

  it('a budget line', async () => {
    const line = await createBudgetLine(db, w.federationId, { section: 'structural', label: 'Felskriven post' }, { id: 'test' });
    const page = `/f/${w.federationId}/budgetposter/${line.id}`;
    await removeAndConfirm(page, `${page}/ta-bort`, 'budget_line', line.id, 'budgetposten Felskriven post');
  });

  it('a participant', async () => {
    const base = `/f/${w.federationId}/insatser/${w.ownInterventionId}/deltagare`;
    const created = await kansli.request(base, form({ gender: 'woman', ageBand: '25-29', supportBefore: 'income_support', supportDuration: 'lt1', education: 'upper_secondary', startDate: '2025-03-01' }));
    expect(created.status).toBe(303);
    const [p] = await db.query<{ id: number; code: string }>('select id, code from participation where federation_id = $1 order by id desc limit 1', [w.federationId]);
    await removeAndConfirm(`${base}/${p!.id}`, `${base}/${p!.id}/ta-bort`, 'participation', p!.id, `deltagandet ${p!.code}`);
  });
});
