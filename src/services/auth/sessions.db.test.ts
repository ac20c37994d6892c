import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestInterventions, addTestUser, testPassword } from '../../../test/support/auth.ts';
import { can } from '../../core/access/permissions.ts';
import { login } from './login.ts';
import { endAllSessions, endSession, findRequestSession, findSession, sessionCacheStats } from './sessions.ts';
import { tokenHash } from '../tokens.ts';
import { changePassword, setFederationRole, setUserDisabled } from './users.ts';
import { versionStats } from '../versions.ts';

describe('sessions', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('A') returning id")) as [{ id: number }];
    await addTestInterventions(db, fid, [4, 5, 9]);
    await addTestUser(db, { email: 'team@a.se', federationId: fid, role: 'insats', interventionIds: [4, 9] });
  });
  afterAll(() => db.drop());

  async function open() {
    const r = await login(db, 'team@a.se', testPassword);
    if (!r.ok || !('session' in r)) throw new Error('login failed');
    return r.session.token;
  }

  it('carries the user and their grants from the database: an insats user reaches only assigned interventions', async () => {
    const s = await findSession(db, await open());
    expect(s?.user.email).toBe('team@a.se');
    expect(can(s!.principal, 'participants:write', { federationId: fid, interventionId: 9 })).toBe(true);
    expect(can(s!.principal, 'participants:write', { federationId: fid, interventionId: 5 })).toBe(false);
    expect(can(s!.principal, 'economy:read', { federationId: fid })).toBe(false);
  });

  it('ends at the absolute expiry, after idling too long, and when the account is disabled', async () => {
    const expired = await open();
    await db.query("update auth_session set expires_at = now() - interval '1 second' where token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')", [expired]);
    expect(await findSession(db, expired)).toBeNull();

    const idle = await open();
    await db.query("update auth_session set last_seen_at = now() - interval '3 hours' where token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')", [idle]);
    expect(await findSession(db, idle)).toBeNull();

    const live = await open();
    expect(await findSession(db, live)).not.toBeNull();
    expect(await findSession(db, live + 'x')).toBeNull();
    await setUserDisabled(db, 'Team@a.se', true, { id: 'cli' });
    expect(await findSession(db, live)).toBeNull();
    expect(await db.query("select 1 from auth_session s join app_user u on u.id = s.user_id where u.email = 'team@a.se'")).toEqual([]);
    expect((await login(db, 'team@a.se', testPassword)).ok).toBe(false);
    await setUserDisabled(db, 'team@a.se', false, { id: 'cli' });
    expect((await login(db, 'team@a.se', testPassword)).ok).toBe(true);
  });

  /**
   * A session in memory (findRequestSession) is used only while nothing about who may do what has changed: each
   * way of ending or changing a session takes effect on the very next request. The writes go through the
   * services and as raw SQL on the same database (what another process, or an administrator at the console,
   * would do: nothing in this process is told).
   */
  describe('a session kept in memory', () => {
    const hashOf = (token: string) => tokenHash(token);
    const used = async () => {
      const token = await open();
      // Read once (loads it into memory), then again: from memory.
      expect(await findRequestSession(db, token, fid)).not.toBeNull();
      const hits = sessionCacheStats.hits;
      const r = await findRequestSession(db, token, fid);
      expect(sessionCacheStats.hits).toBe(hits + 1);
      expect(r?.federation).toEqual({ id: fid, name: 'A' });
      return token;
    };

    it('is served from memory with one shared statement, and follows each change on the next request', async () => {
      const ends: [string, (token: string) => Promise<unknown>][] = [
        ['logout', (t) => endSession(db, hashOf(t), 'team@a.se')],
        ['logout everywhere', () => endAllSessions(db, userId(), 'team@a.se')],
        ['session row deleted by an administrator (SQL)', (t) => db.query('delete from auth_session where token_hash = $1', [hashOf(t)])],
        ['account disabled (SQL)', () => db.query("update app_user set disabled = true where email = 'team@a.se'")],
        ['expiry moved to the past (SQL)', (t) => db.query("update auth_session set expires_at = now() - interval '1 second' where token_hash = $1", [hashOf(t)])],
        ['idle for too long (SQL)', (t) => db.query("update auth_session set last_seen_at = now() - interval '3 hours' where token_hash = $1", [hashOf(t)])],
      ];
      for (const [name, end] of ends) {
        await db.query("update app_user set disabled = false where email = 'team@a.se'");
        const token = await used();
        await end(token);
        expect(await findRequestSession(db, token, fid), name).toBeNull();
      }
      await db.query("update app_user set disabled = false where email = 'team@a.se'");
    });

    it('a changed password ends the other sessions; a changed role or assignment shows at once', async () => {
      const other = await used();
      const mine = await used();
      await changePassword(db, userId(), testPassword, testPassword + ' nytt', hashOf(mine), { id: 'team@a.se' });
      expect(await findRequestSession(db, other, fid)).toBeNull();
      expect(await findRequestSession(db, mine, fid)).not.toBeNull();
      await changePassword(db, userId(), testPassword + ' nytt', testPassword, hashOf(mine), { id: 'team@a.se' });

      const token = await used();
      expect(can((await findRequestSession(db, token, fid))!.session.principal, 'economy:read', { federationId: fid })).toBe(false);
      await setFederationRole(db, { email: 'team@a.se', federationId: fid, role: 'kansli' }, { id: 'admin' });
      expect(can((await findRequestSession(db, token, fid))!.session.principal, 'economy:read', { federationId: fid })).toBe(true);
      // Back to insats with intervention 4 only, by SQL: 9 is no longer reachable on the next request.
      await db.query("update federation_role set role = 'insats' where federation_id = $1", [fid]);
      await db.query('insert into intervention_assignment (federation_id, user_id, intervention_id) values ($1, $2, 4)', [fid, userId()]);
      const p = (await findRequestSession(db, token, fid))!.session.principal;
      expect(can(p, 'participants:write', { federationId: fid, interventionId: 4 })).toBe(true);
      expect(can(p, 'participants:write', { federationId: fid, interventionId: 9 })).toBe(false);
    });

    it('a renamed förbund shows on the next request', async () => {
      const token = await used();
      await db.query("update federation set name = 'A nytt' where id = $1", [fid]);
      expect((await findRequestSession(db, token, fid))!.federation).toEqual({ id: fid, name: 'A nytt' });
      await db.query("update federation set name = 'A' where id = $1", [fid]);
    });

    it('concurrent requests share one fresh read of the versions, never one sent before they asked', async () => {
      const token = await used();
      const before = { ...versionStats };
      const all = await Promise.all(Array.from({ length: 20 }, () => findRequestSession(db, token, fid)));
      expect(all.every((r) => r !== null)).toBe(true);
      expect(versionStats.reads - before.reads).toBe(20);
      // The first two callers' statements go at once (two may be in flight); the other 18 share the next one.
      expect(versionStats.statements - before.statements).toBe(3);
      // A write between two requests is seen by the second even when a read is under way (it waits for the next).
      const first = findRequestSession(db, token, fid);
      await db.query('delete from auth_session where token_hash = $1', [hashOf(token)]);
      const second = findRequestSession(db, token, fid);
      expect(await first).not.toBeNull();
      expect(await second).toBeNull();
    });
  });

  let cachedUserId: number | undefined;
  function userId(): number {
    return cachedUserId!;
  }
  beforeAll(async () => {
    [{ id: cachedUserId }] = (await db.query<{ id: number }>("select id from app_user where email = 'team@a.se'")) as [{ id: number }];
  });
});
