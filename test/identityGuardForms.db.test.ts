import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { createApp } from '../src/http/app.tsx';
import { loadDemo } from '../src/services/demo/index.ts';
import { demoSteps } from '../src/cli/demo.ts';
import { federationRowIds, fillRoute, hasOtherIdParam, registeredRoutes } from './support/routes.ts';
import { attr, fieldsOf, unescape, type Field } from './support/forms.ts';
import { normaliseForIdentityCheck } from '../src/core/privacy/normalise.ts';

/**
 * The identity guard over every form (part 10): every page the app registers is rendered with the demo's
 * data, and every posting form on it is sent once for each of its text fields, with a personnummer — in a
 * different spelling each time (no-break space, en dash, full-width digits, zero-width space, digit pairs …)
 * — in that field and plausible values in the others. Afterwards no text anywhere in the database, the audit
 * log included, may hold the number's digits, and no answer may print it back (a refused form comes back
 * with the field empty and the message beside it). Pages other areas add are covered without touching this file.
 */

process.env.SAMORDNA_LOG = 'off';

const digits = '8112289874';
const spellings = [
  '811228-9874',
  '811228\u00a09874',
  '811228\u20139874',
  '811228 - 9874',
  '81 12 28-9874',
  '19811228-9874',
  '1981-12-28-9874',
  '\uff18\uff11\uff11\uff12\uff12\uff18\uff0d\uff19\uff18\uff17\uff14',
  '8112\u200b28-9874',
  '8112289874',
  // The spellings part 13's attacker got through (issue 27).
  '\u0668\u0661\u0661\u0662\u0662\u0668-\u0669\u0668\u0667\u0664',
  '\u06f8\u06f1\u06f1\u06f2\u06f2\u06f8-\u06f9\u06f8\u06f7\u06f4',
  '\u096e\u0967\u0967\u0968\u0968\u096e-\u096f\u096e\u096d\u096a',
  '\u0e58\u0e51\u0e51\u0e52\u0e52\u0e58-\u0e59\u0e58\u0e57\u0e54',
  '8112 2898 74',
  '811228:9874',
  '811228,9874',
  '811228*9874',
  '811228x9874',
  '811228_9874',
  '811228    9874',
  '8ll228-9874',
];

describe('identity guard over every form', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    await loadDemo(db, demoSteps);
    app = createApp({ db }); // no accounts: the local administrator, who may post every form
  });
  afterAll(() => db.drop());

  it('stores a personnummer in no spelling through any form field, and many forms do store text', async () => {
    const [{ id: fid }] = (await db.query<{ id: number }>('select min(id)::int as id from federation')) as [{ id: number }];
    const ids = await federationRowIds(db, fid, true);
    const pages = registeredRoutes(app).filter((r) => r.method === 'GET' && !r.path.startsWith('/api/') && !r.path.startsWith('/e/'));
    const forms = new Map<string, Field[]>();
    for (const r of pages) {
      for (const id of hasOtherIdParam(r.path) ? ids : [fid]) {
        const res = await app.request(fillRoute(r.path, fid, id));
        if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) continue;
        for (const form of (await res.text()).match(/<form\b[^>]*>[\s\S]*?<\/form>/gi) ?? []) {
          const action = attr(form, 'action');
          if (!/method="post"/i.test(form) || !action || /logout|utloggning|ta-bort|remove|delete|radera/i.test(action)) continue;
          const fields = fieldsOf(form);
          if (fields?.some((f) => f.kind === 'text')) forms.set(`${unescape(action)} ${fields.map((f) => f.name).join(',')}`, fields);
        }
      }
    }
    let sent = 0;
    let stored = 0;
    const errors: string[] = [];
    const echoed: string[] = [];
    // The form that makes an account goes last: with an account the local administrator is gone and every later
    // post would only be sent to the login page, testing nothing.
    const ordered = [...forms].sort(([a], [b]) => Number(a.startsWith('/admin/users')) - Number(b.startsWith('/admin/users')));
    for (const [key, fields] of ordered) {
      const action = key.slice(0, key.indexOf(' '));
      for (const target of fields.filter((f) => f.kind === 'text')) {
        const spelling = spellings[sent % spellings.length]!;
        const body = new URLSearchParams(fields.map((f) => [f.name, f === target ? `Uppgift ${spelling} om deltagaren` : f.value]));
        const res = await app.request(action, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        sent++;
        if (res.status >= 500) errors.push(`${action} ${target.name} → ${res.status}`);
        const answer = await res.text();
        if (normaliseForIdentityCheck(answer).replace(/[^0-9]/g, '').includes(digits)) echoed.push(`${action} ${target.name}`);
        if (res.status < 400) errors.push(`${action} ${target.name} accepted a number (${res.status})`);
        // The same form with harmless text: shows that the form really stores what it is given.
        const plain = new URLSearchParams(fields.map((f) => [f.name, f === target ? `Provtext ${sent}` : f.value]));
        const ok = await app.request(action, { method: 'POST', body: plain, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        if (ok.status < 400) stored++;
      }
    }
    expect(errors).toEqual([]);
    expect(echoed).toEqual([]);
    expect(sent).toBeGreaterThan(40);
    expect(stored).toBeGreaterThan(20);

    const columns = await db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
    );
    const leaks: string[] = [];
    for (const c of columns) {
      const rows = await db.query<{ n: number }>(
        `select count(*)::int as n from "${c.table_name}" where regexp_replace(normalize("${c.column_name}"::text, NFKC), '[^0-9]', '', 'g') like $1`,
        [`%${digits}%`],
      );
      if (rows[0]!.n) leaks.push(`${c.table_name}.${c.column_name}: ${rows[0]!.n}`);
    }
    expect(leaks).toEqual([]);
  }, 600_000);
});
