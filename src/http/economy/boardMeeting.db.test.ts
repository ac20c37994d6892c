import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { loginAs, openFollowingRedirects as open } from '../../../test/support/auth.ts';
import { seedRoleWorld, type RoleWorld } from '../../../test/support/roles.ts';
import { createApp } from '../app.tsx';
import { addDecisionItem, addMeeting } from '../../services/reports/board.ts';
import { today } from '../../core/calendar.ts';

/**
 * The board member's start page (the overview) shows the next meeting: its date, its decision items in order and
 * its handlingar, which download. Past and later meetings are not it; the other roles' overview has no panel.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const daysFromToday = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('the board member’s start page', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let w: RoleWorld;
  beforeAll(async () => {
    db = await createTestDb();
    w = await seedRoleWorld(db);
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  it('says when no meeting is coming, and where the meetings are', async () => {
    const s = await loginAs(app, w.users.styrelse);
    const page = await open(s, '/');
    expect(page.path).toBe(`/f/${w.federationId}`);
    expect(page.html).toContain('Inget kommande möte är registrerat.');
    expect(page.html).toContain(`href="/f/${w.federationId}/styrelse"`);
  });

  it('shows the next meeting with its agenda and handlingar; past and later meetings are not it', async () => {
    const actor = { id: 'test' };
    const past = await addMeeting(db, w.federationId, { date: daysFromToday(-20), note: 'Förra mötet' }, actor);
    await addDecisionItem(db, w.federationId, past, { title: 'Gammalt ärende', body: '', proposal: '' }, actor);
    const next = daysFromToday(10);
    const id = await addMeeting(db, w.federationId, { date: next, note: 'Sammanträde i Västerås' }, actor);
    await addDecisionItem(db, w.federationId, id, { title: 'Delårsrapport', body: 'Underlag', proposal: 'Styrelsen godkänner delårsrapporten.' }, actor);
    await addDecisionItem(db, w.federationId, id, { title: 'Verksamhetsplan', body: '', proposal: '' }, actor);
    await addMeeting(db, w.federationId, { date: daysFromToday(60), note: 'Senare möte' }, actor);

    const s = await loginAs(app, w.users.styrelse);
    const page = await open(s, `/f/${w.federationId}`);
    expect(page.status).toBe(200);
    const panel = /<section class="next-meeting"[\s\S]*?<\/section>/.exec(page.html)?.[0] ?? '';
    expect(panel).toContain('Nästa styrelsemöte:');
    expect(panel).toContain('Sammanträde i Västerås');
    expect(panel.indexOf('Delårsrapport')).toBeLessThan(panel.indexOf('Verksamhetsplan'));
    expect(panel).toContain('förslag till beslut: Styrelsen godkänner delårsrapporten.');
    expect(panel).not.toContain('Gammalt ärende');
    expect(panel).not.toContain('Senare möte');
    expect(panel).toContain(`href="/f/${w.federationId}/styrelse/mote/${id}"`);
    // The handlingar download for this meeting.
    const pack = /href="([^"]*rapporter\/handlingar\?datum=[^"&]*&amp;format=pdf)"/.exec(panel)?.[1]?.replace(/&amp;/g, '&');
    expect(pack).toBe(`/f/${w.federationId}/rapporter/handlingar?datum=${next}&format=pdf`);
    const res = await s.request(pack!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('pdf');
    for (const href of [...panel.matchAll(/href="([^"]*rapporter[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))) {
      expect((await s.request(href)).status, href).toBe(200);
    }

    // The kansli keeps the meetings under Styrelse och möten: its overview has no panel.
    const kansli = await loginAs(app, w.users.kansli);
    expect((await open(kansli, `/f/${w.federationId}`)).html).not.toContain('next-meeting');
  }, 120_000);
});
