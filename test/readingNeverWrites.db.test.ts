import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { loginAs, openFollowingRedirects as open } from './support/auth.ts';
import { menuLinks, seedRoleWorld, type RoleWorld } from './support/roles.ts';
import { createApp } from '../src/http/app.tsx';
import { freezeAllClosedYears } from '../src/services/interventions/publishedStatistics.ts';
import { publishClosedNationalYears } from '../src/services/national/nationalStatistics.ts';

/**
 * Reading never writes (issue 28): every read-only role logs in, opens every page of its menu (and of the
 * menus those pages show) and every page those pages link to, and afterwards no table holds a row more, less or different than before, and no
 * audit row names the reader. The login machinery (sessions, login attempts) is the one thing a login
 * changes and is left out. The closed years' statistics are frozen and published first, as the server's
 * background freezer does when it starts (src/services/interventions/statisticsFreezer.ts).
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const loginTables = new Set(['auth_session', 'auth_login_attempt']);

/** A fingerprint of every table's rows (count and an md5 of the rows in a fixed order), by table. */
async function fingerprint(db: Awaited<ReturnType<typeof createTestDb>>): Promise<Record<string, string>> {
  const tables = await db.query<{ t: string }>(
    `select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname = current_schema() and not c.relispartition order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    if (loginTables.has(t)) continue;
    const [r] = await db.query<{ n: number; h: string | null }>(`select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from "${t}" x`);
    out[t] = `${r!.n}:${r!.h ?? ''}`;
  }
  return out;
}

/** The page's own links to other pages (not files, not other sites, not the logout). */
function pageLinks(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((h) => !/\.(pdf|docx|xlsx|csv|json|zip|png|svg)(\?|$)/.test(h) && !h.startsWith('/static/') && !h.startsWith('/logout'));
}

describe('reading never writes: every menu page as each read-only role', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let w: RoleWorld;

  beforeAll(async () => {
    db = await createTestDb();
    w = await seedRoleWorld(db);
    await freezeAllClosedYears(db);
    await publishClosedNationalYears(db);
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  for (const role of ['styrelse', 'revisor', 'insats', 'national'] as const) {
    it(`${role}: no row written or changed, no audit row in their name`, async () => {
      const email = w.users[role];
      const s = await loginAs(app, email);
      const before = await fingerprint(db);
      const start = await open(s, '/');
      expect(start.status).toBe(200);
      const menu = menuLinks(start.html).map((m) => m.href);
      const seen = new Set<string>();
      const linked = new Set<string>();
      for (let i = 0; i < menu.length; i++) {
        const href = menu[i]!;
        if (seen.has(href)) continue;
        seen.add(href);
        const page = await open(s, href);
        for (const inner of menuLinks(page.html)) if (!menu.includes(inner.href)) menu.push(inner.href);
        for (const l of pageLinks(page.html)) linked.add(l);
      }
      for (const href of linked) {
        if (seen.has(href)) continue;
        seen.add(href);
        await open(s, href);
      }
      expect(seen.size, 'the walk reached pages').toBeGreaterThan(role === 'national' ? 1 : 3);
      const [named] = await db.query<{ tables: string[] | null }>('select array_agg(distinct table_name) as tables from audit_log where actor = $1', [email]);
      expect(named!.tables, 'audit rows naming the reader').toBeNull();
      const after = await fingerprint(db);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      expect(changed, `tables written while ${role} only read: ${[...seen].join(', ')}`).toEqual([]);
    });
  }
});
