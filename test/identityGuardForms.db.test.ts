import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { createApp } from '../src/http/app.tsx';
import { loadDemo } from '../src/services/demo/index.ts';
import { demoSteps } from '../src/cli/demo.ts';
import { federationRowIds, fillRoute, hasOtherIdParam, registeredRoutes } from './support/routes.ts';

/**
 * The identity guard over every form (part 10): every page the app registers is rendered with the demo's
 * data, and every posting form on it is sent once for each of its text fields, with a personnummer — in a
 * different spelling each time (no-break space, en dash, full-width digits, zero-width space, digit pairs …)
 * — in that field and plausible values in the others. Afterwards no text anywhere in the database, the audit
 * log included, may hold the number's digits. Pages other areas add are covered without touching this file.
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
];

interface Field {
  readonly name: string;
  readonly kind: 'text' | 'fixed';
  readonly value: string;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)?.[1];
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A value a person would type into a field of this name and type, so that the rest of the form passes. */
function plausible(name: string, type: string): string {
  if (type === 'date' || /(date|datum|On$|^from$|^to$|start|slut|end|opens|closes|adopted|decided)/i.test(name)) return '2025-03-14';
  if (type === 'email' || /e-?post|email/i.test(name)) return 'person@exempel.se';
  if (type === 'number' || /(amount|kronor|belopp|income|cost|intakt|kostnad|allocation|granted|fte|population|befolkning|sort|order|capacity|kapacitet|month|manad|year|^ar$|count|antal|score|sessions|hours|timmar|age|alder|percent|procent|share|andel|cap|floor|size)/i.test(name)) return '1';
  return 'Provtext';
}

/** The fields of a form: text inputs and text areas can take the number; the rest keep or get a value. */
function fieldsOf(form: string): Field[] | null {
  if (/type="file"/i.test(form)) return null; // uploads are covered by the importers' own tests
  const fields: Field[] = [];
  for (const tag of form.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = (attr(tag, 'type') ?? 'text').toLowerCase();
    const value = unescape(attr(tag, 'value') ?? '');
    if (type === 'hidden' || type === 'submit') fields.push({ name, kind: 'fixed', value });
    else if (type === 'checkbox' || type === 'radio') {
      if (/\bchecked\b/i.test(tag) || !fields.some((f) => f.name === name)) fields.push({ name, kind: 'fixed', value: value || 'on' });
    } else if (type === 'password') fields.push({ name, kind: 'fixed', value: 'korrekt-häst-batteri-häftapparat' });
    else if (['text', 'search', 'url', 'tel'].includes(type) && !/(amount|kronor|belopp|year|^ar$|month|date|datum)/i.test(name)) fields.push({ name, kind: 'text', value: value || plausible(name, type) });
    else fields.push({ name, kind: 'fixed', value: value || plausible(name, type) });
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    const name = attr(m[1]!, 'name');
    if (name) fields.push({ name, kind: 'text', value: unescape(m[2]!) || 'Provtext' });
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const name = attr(m[1]!, 'name');
    if (!name) continue;
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>/gi)].map((o) => ({ value: unescape(attr(o[1]!, 'value') ?? ''), selected: /\bselected\b/i.test(o[1]!) }));
    const chosen = options.find((o) => o.selected && o.value) ?? options.find((o) => o.value);
    if (chosen) fields.push({ name, kind: 'fixed', value: chosen.value });
  }
  return fields;
}

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
    for (const [key, fields] of forms) {
      const action = key.slice(0, key.indexOf(' '));
      for (const target of fields.filter((f) => f.kind === 'text')) {
        const spelling = spellings[sent % spellings.length]!;
        const body = new URLSearchParams(fields.map((f) => [f.name, f === target ? `Uppgift ${spelling} om deltagaren` : f.value]));
        const res = await app.request(action, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        sent++;
        if (res.status >= 500) errors.push(`${action} ${target.name} → ${res.status}`);
        // The same form with harmless text: shows that the form really stores what it is given.
        const plain = new URLSearchParams(fields.map((f) => [f.name, f === target ? `Provtext ${sent}` : f.value]));
        const ok = await app.request(action, { method: 'POST', body: plain, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        if (ok.status < 400) stored++;
      }
    }
    expect(errors).toEqual([]);
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
