import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { createApp } from '../../http/app.tsx';
import { findStoredIdentityNumbers, listStoredIdentityFindings, scanStoredIdentityNumbers } from './storedIdentityScan.ts';

/**
 * Rows stored before the guard read every spelling: written here straight into the database (as an older
 * version let them through), then found by the one-off check, reported by table, field and row, never the value.
 */
describe('the one-off check for identity numbers in older rows', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid = 0;
  let other = 0;
  let memberId = 0;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund A') returning id")) as [{ id: number }];
    [{ id: other }] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund B') returning id")) as [{ id: number }];
    // Arabic-Indic digits and a colon: spellings the earlier guard missed.
    [{ id: memberId }] = (await db.query<{ id: number }>(
      "insert into member (federation_id, name, kind) values ($1, $2, 'municipality') returning id",
      [fid, 'Kommun \u0668\u0661\u0661\u0662\u0662\u0668:\u0669\u0668\u0667\u0664'],
    )) as [{ id: number }];
    await db.query("insert into member (federation_id, name, kind) values ($1, 'Kommun 9001 0112 39', 'municipality')", [other]);
    await db.query("insert into member (federation_id, name, kind) values ($1, 'Västerås stad, org.nr 212000-2080, tel 021-39 00 00', 'municipality')", [fid]);
  });
  afterAll(() => db.drop());

  it('finds each row by table, field and row, one förbund at a time, and never carries the value', async () => {
    const found = await findStoredIdentityNumbers(db, fid);
    const members = found.filter((f) => f.table === 'member');
    expect(members).toEqual([{ federationId: fid, table: 'member', column: 'name', row: String(memberId) }]);
    // The audit log holds the inserted row as well, and says so.
    expect(found.some((f) => f.table === 'audit_log')).toBe(true);
    expect(JSON.stringify(found)).not.toMatch(/\u0669\u0668\u0667\u0664|9874/);
    const all = await findStoredIdentityNumbers(db, null);
    expect(all.filter((f) => f.table === 'member').map((f) => f.federationId).sort()).toEqual([fid, other].sort());
  });

  it('keeps the findings for the kansli, who sees them on the start page without the value', async () => {
    await scanStoredIdentityNumbers(db, null, { id: 'test' });
    expect((await listStoredIdentityFindings(db, fid)).map((f) => f.table)).toContain('member');
    await db.query('insert into fiscal_year (federation_id, year) values ($1, 2025)', [fid]);
    const app = createApp({ db }); // the local administrator: kansli rights
    const res = await app.request(`/f/${fid}?ar=2025`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Uppgifter som kan innehålla personnummer');
    expect(html).toContain(`<td>member</td><td>name</td><td>${memberId}</td>`);
    expect(html).not.toMatch(/\u0669\u0668\u0667\u0664/);
    // A corrected row disappears at the next scan.
    await db.query('update member set name = $2 where id = $1', [memberId, 'Kommun A']);
    await scanStoredIdentityNumbers(db, fid, { id: 'test' });
    expect((await listStoredIdentityFindings(db, fid)).filter((f) => f.table === 'member')).toEqual([]);
  });
});
