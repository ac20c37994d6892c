import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestInterventions, addTestUser, testPassword } from '../../../test/support/auth.ts';
import { can } from '../../core/access/permissions.ts';
import { login } from './login.ts';
import { findSession } from './sessions.ts';
import { setUserDisabled } from './users.ts';

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
    if (!r.ok) throw new Error('login failed');
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
});
