import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { createApp } from '../src/http/app.tsx';
import { loadDemo } from '../src/services/demo/index.ts';
import { demoSteps } from '../src/cli/demo.ts';
import { flashMessage } from '../src/http/kit/flash.tsx';
import { attr, fieldsOf, unescape, type Field } from './support/forms.ts';

/**
 * A confirmation after every save, by one mechanism (issue 8): the demo's pages are walked by following their
 * links as a user would, and every posting form found is sent once with the values it shows (plausible ones
 * where it is empty). Every save the app accepts must answer with a redirect that carries `?sparat=KEY` (the one
 * flash mechanism, kit/flash.tsx) with a known message, and the page it leads to must show that message as a
 * status; removals are sent last so that the other forms still find their records.
 */

process.env.SAMORDNA_LOG = 'off';

const skipLinks = /\.(csv|xlsx|pdf|docx|json)(\?|$)|\/rapporter\/|\/logout|\/e\/|^\/katalog|affisch|export|mall|\/api\//;
/** Posts that are no save: signing in or out, answering a survey, a preview before a confirmation. */
const notSaves = /^\/(login|logout|logout-everywhere)$|^\/e\/|\/utfall\/fil$/;
const removal = /ta-bort|remove|delete|revoke|disable/;
/** Decisions that lock what other forms change (the budget's adoption, the annual report's status): sent after the rest. */
const locking = /\/anta$|\/faststall$|\/status$|\/avsluta$/;
// Creating the first account ends the local mode the walk runs in: sent last of all.
const order = (action: string) => (action === '/admin/users' ? 3 : removal.test(action) ? 2 : locking.test(action) ? 1 : 0);

describe('a confirmation after every save', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    await loadDemo(db, demoSteps);
    app = createApp({ db }); // no accounts: the local administrator, who may post every form
  });
  afterAll(() => db.drop());

  it('every form that saves redirects with ?sparat= and the page shows its message', async () => {
    const [{ id: fid }] = (await db.query<{ id: number }>('select min(id)::int as id from federation')) as [{ id: number }];
    const queue = ['/', `/f/${fid}`, `/f/${fid}/insatser`, `/f/${fid}/styrelse`, `/f/${fid}/arsredovisning?ar=2025`, `/f/${fid}/periodisering`, '/nationell/fordelning'];
    const seen = new Set<string>(queue);
    const forms = new Map<string, Field[]>();
    while (queue.length && seen.size < 700) {
      const path = queue.shift()!;
      const res = await app.request(path);
      if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) continue;
      const html = await res.text();
      for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
        const href = unescape(m[1]!);
        if (skipLinks.test(href) || seen.has(href)) continue;
        // One page per pattern of ids is enough to find its forms (the rest are the same form for another row).
        const pattern = href.replace(/\d+/g, 'N');
        if ([...seen].filter((s) => s.replace(/\d+/g, 'N') === pattern).length >= 2) continue;
        seen.add(href);
        queue.push(href);
      }
      for (const form of html.match(/<form\b[^>]*>[\s\S]*?<\/form>/gi) ?? []) {
        const action = unescape(attr(form, 'action') ?? '');
        if (!/method="post"/i.test(form) || !action || notSaves.test(action.split('?')[0]!)) continue;
        const fields = fieldsOf(form);
        if (fields && !forms.has(action)) forms.set(action, fields);
      }
    }
    const ordered = [...forms].sort(([a], [b]) => order(a) - order(b));
    const saved: string[] = [];
    const missing: string[] = [];
    for (const [action, fields] of ordered) {
      const body = new URLSearchParams(fields.map((f) => [f.name, f.value]));
      const res = await app.request(action, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      if (res.status >= 400) continue; // refused with the values a walker can guess: not a save
      if (res.status !== 303) {
        const html = await res.text();
        if (/class="notice" role="status"/.test(html)) saved.push(action);
        else missing.push(`${action} → ${res.status} without a confirmation`);
        continue;
      }
      const location = res.headers.get('location') ?? '';
      const url = new URL(location, 'http://x');
      const message = flashMessage(url.searchParams.get('sparat') ?? undefined, url.searchParams.get('detalj') ?? undefined);
      if (!message) {
        missing.push(`${action} → ${location} (no ?sparat= with a known message)`);
        continue;
      }
      const page = await app.request(url.pathname + url.search);
      const text = await page.text();
      const shown = [...text.matchAll(/<p class="notice" role="status">([\s\S]*?)<\/p>/g)].map((m) => unescape(m[1]!.replace(/<[^>]+>/g, '')));
      if (page.status !== 200 || !shown.includes(message)) missing.push(`${action} → ${location}: page ${page.status} does not show "${message}"`);
      else saved.push(action);
    }
    expect(missing).toEqual([]);
    // The walk reaches the forms of every area: economy, interventions, goals, board, annual report, participants.
    expect(saved.length).toBeGreaterThan(25);
    for (const area of ['/budget', '/medlemmar', '/insatser/', '/mal', '/styrelse', '/arsredovisning', '/periodisering', '/deltagare/']) {
      expect(saved.some((a) => a.includes(area)), area).toBe(true);
    }
  }, 600_000);
});
