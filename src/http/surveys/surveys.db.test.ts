/**
 * The survey pages over HTTP with accounts in the installation (so a visitor without a session is anonymous):
 * the public answer page needs no login and nothing else became public; used codes, missing answers and the
 * open link's rate limit; who sees which page and menu item; exports without free text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestInterventions, addTestUser, loginAs, setCookies, csrfFrom, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { createRound } from '../../services/surveys/rounds.ts';
import { createSet } from '../../services/surveys/sets.ts';
import { extentScale, frequencyScale, staffSet2025 } from '../../core/surveys/sets.ts';

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const allAnswered = (step = '5') => Object.fromEntries(staffSet2025.statements.map((s) => [s.key, step]));

describe('survey pages (HTTP)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fid: number;
  let openPath: string;
  let codes: readonly string[];
  let roundId: number;
  let kansli: TestSession;
  let styrelse: TestSession;
  let insats: TestSession;

  beforeAll(async () => {
    process.env.SAMORDNA_SURVEY_RATE_PER_MINUTE = '40';
    process.env.SAMORDNA_SURVEY_RATE_PER_CLIENT = '1000';
    db = await createTestDb();
    const [f] = await db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id");
    fid = f!.id;
    await addTestInterventions(db, fid, [901]);
    await addTestUser(db, { email: 'kansli@test.se', federationId: fid, role: 'kansli' });
    await addTestUser(db, { email: 'styrelse@test.se', federationId: fid, role: 'styrelse' });
    await addTestUser(db, { email: 'insats@test.se', federationId: fid, role: 'insats', interventionIds: [901] });
    const r = await createRound(db, fid, { set: 'insatspersonal-v1', year: 2025, group: 'insatspersonal', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: true, codes: 3 }, { id: 'test' });
    openPath = r.openLink!;
    codes = r.codes;
    roundId = r.round.id;
    app = createApp({ db });
    kansli = await loginAs(app, 'kansli@test.se');
    styrelse = await loginAs(app, 'styrelse@test.se');
    insats = await loginAs(app, 'insats@test.se');
  });
  afterAll(async () => {
    delete process.env.SAMORDNA_SURVEY_RATE_PER_MINUTE;
    delete process.env.SAMORDNA_SURVEY_RATE_PER_CLIENT;
    await db.drop();
  });

  it('the answer page needs no login: one fieldset per statement, radios in scale order', async () => {
    const res = await app.request(openPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect((html.match(/<fieldset/g) ?? []).length).toBe(11);
    expect(html).toContain('<legend>1. Stödet får ta den tid som behövs</legend>');
    const radios = (field: string) => [...html.matchAll(new RegExp(`name="${field}" value="([^"]+)"`, 'g'))].map((m) => m[1]);
    expect(radios('q1')).toEqual(['1', '2', '3', '4', '5', '6', 'vet-inte']);
    const q5 = html.slice(html.indexOf('id="q-q5"'), html.indexOf('id="q-q6"'));
    expect([...q5.matchAll(/\/>([^<]+)<\/label>/g)].map((m) => m[1]!.trim())).toEqual([...extentScale, 'Vet inte / vill inte svara']);
    expect(html).not.toContain('name="fritext"'); // the staff set has no free-text question
  });

  it('only /e/TOKEN became public', async () => {
    expect((await app.request(`${openPath}/x`)).status).toBe(303);
    expect((await app.request(`/f/${fid}/enkater`)).status).toBe(303);
    expect((await app.request(`/f/${fid}/enkater/${roundId}/resultat`)).status).toBe(303);
    expect((await app.request(`/api/federations/${fid}/years`)).status).toBe(401);
  });

  it('answers "Tack"; a browser needs the form token, a script may post directly', async () => {
    const page = await app.request(openPath);
    const cookie = `samordna_csrf=${setCookies(page).samordna_csrf}`;
    const csrf = csrfFrom(await page.text());
    const ok = await app.request(openPath, { ...form({ ...allAnswered(), _csrf: csrf }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: 'http://localhost' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Tack');
    const forged = await app.request(openPath, { ...form(allAnswered()), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    const script = await app.request(openPath, form(allAnswered()));
    expect(script.status).toBe(200);
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from survey_response where round_id = $1', [roundId]);
    expect(n!.n).toBe(2);
  });

  it('a code answers once: the second submission is refused with a clear message', async () => {
    const first = await app.request(codes[0]!, form(allAnswered('2')));
    expect(first.status).toBe(200);
    const second = await app.request(codes[0]!, form(allAnswered('2')));
    expect(second.status).toBe(404);
    expect(await second.text()).toContain('har redan använts');
    // A used code and an unknown one get the same answer, so a guess never tells that a code exists (issue 27).
    const used = await app.request(codes[0]!);
    const unknown = await app.request('/e/finnsinte12345678');
    expect([used.status, unknown.status]).toEqual([404, 404]);
    expect(await used.text()).toBe(await unknown.text());
  });

  it('a missing answer is named, and the answers given are kept in the form', async () => {
    const partial = allAnswered('3');
    delete partial.q4;
    const res = await app.request(codes[1]!, form(partial));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Svar saknas: välj ett svar på &quot;Samverkansparter vet vad jag kan tillföra&quot;');
    expect(html).toMatch(/name="q3" value="3" checked/);
    expect(html).not.toMatch(/name="q4" value="\d" checked/);
    expect((await app.request(codes[1]!)).status).toBe(200); // the code is still unused
  });

  it('an unknown code and a closed round get Swedish messages', async () => {
    const unknown = await app.request('/e/finnsinte12345678');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Länken eller koden finns inte eller har redan använts');
    const closed = await createRound(db, fid, { set: 'insatspersonal-v1', year: 2024, group: 'insatspersonal', opensOn: '2024-01-01', closesOn: '2024-12-31', openLink: true, codes: 0 }, { id: 'test' });
    const res = await app.request(closed.openLink!, form(allAnswered()));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Enkäten stängde 2024-12-31');
  });

  it('rate-limits guesses of codes per address, on the page as when posting (issue 27: 10 000 a minute before)', async () => {
    process.env.SAMORDNA_TRUST_PROXY = '1';
    try {
      const guessing = createApp({ db });
      const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await guessing.request(`/e/gissning${String(i).padStart(6, '0')}`, from('198.51.100.7'))).status);
      expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
      // Another address is not held up, and the open link still opens for it.
      expect((await guessing.request(openPath, from('198.51.100.8'))).status).toBe(200);
    } finally {
      delete process.env.SAMORDNA_TRUST_PROXY;
    }
  });

  it('one client cannot use up the open link: its answers are limited, other respondents still answer', async () => {
    process.env.SAMORDNA_TRUST_PROXY = '1';
    delete process.env.SAMORDNA_SURVEY_RATE_PER_CLIENT;
    try {
      const limited = createApp({ db });
      const r = await createRound(db, fid, { set: 'insatspersonal-v1', year: 2027, group: 'insatspersonal', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: true, codes: 0 }, { id: 'test' });
      const post = (ip: string) => limited.request(r.openLink!, { ...form(allAnswered()), headers: { ...form(allAnswered()).headers, 'x-forwarded-for': ip } });
      const flood: number[] = [];
      for (let i = 0; i < 32; i++) flood.push((await post('203.0.113.9')).status);
      expect(flood.filter((s) => s === 200)).toHaveLength(30);
      expect(flood.slice(30)).toEqual([429, 429]);
      for (const ip of ['203.0.113.10', '203.0.113.11', '192.0.2.1']) expect((await post(ip)).status).toBe(200);
    } finally {
      delete process.env.SAMORDNA_TRUST_PROXY;
      process.env.SAMORDNA_SURVEY_RATE_PER_CLIENT = '1000';
    }
  });

  it('rate-limits the open link per round', async () => {
    const r = await createRound(db, fid, { set: 'insatspersonal-v1', year: 2026, group: 'insatspersonal', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: true, codes: 0 }, { id: 'test' });
    const statuses: number[] = [];
    for (let i = 0; i < 42; i++) statuses.push((await app.request(r.openLink!, form(allAnswered()))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.slice(40)).toEqual([429, 429]);
  });

  it('easy Swedish where the set provides it', async () => {
    const set = await createSet(db, fid, { name: 'Deltagare', group: 'deltagare-pagaende', kind: 'indicator', statements: [{ indicator: '', text: 'Insatsen har ökat min förmåga att arbeta', easyText: 'Jag kan jobba mer nu', scale: ['Nej', 'Ja'] }], freeTextPrompt: 'Vill du säga något mer?', freeTextPromptEasy: 'Skriv mer här' }, { id: 'test' });
    const r = await createRound(db, fid, { set: set.id, year: 2025, group: 'deltagare-pagaende', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: true, codes: 0 }, { id: 'test' });
    const plain = await (await app.request(r.openLink!)).text();
    expect(plain).toContain('Insatsen har ökat min förmåga att arbeta');
    expect(plain).toContain('Lättläst svenska');
    const easy = await (await app.request(`${r.openLink!}?lattlast=1`)).text();
    expect(easy).toContain('Jag kan jobba mer nu');
    expect(easy).toContain('Skriv mer här');
    const res = await app.request(r.openLink!, form({ q1: '2', fritext: 'Mitt personnummer är 19121212-1212' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('personnummer');
    expect((await app.request(r.openLink!, form({ q1: '2', fritext: 'Bra stöd' }))).status).toBe(200);
    // Free text is an answer too: not even the kansli reads it before the round is published.
    expect(await (await kansli.request(`/f/${fid}/enkater/${r.round.id}/resultat`)).text()).not.toContain('Bra stöd');
    expect((await kansli.request(`/f/${fid}/enkater/${r.round.id}/stang`, form({}))).status).toBe(303);
    // Free text: the kansli sees it on the results page; the board does not; it is never exported.
    expect(await (await kansli.request(`/f/${fid}/enkater/${r.round.id}/resultat`)).text()).toContain('Bra stöd');
    expect(await (await styrelse.request(`/f/${fid}/enkater/${r.round.id}/resultat`)).text()).not.toContain('Bra stöd');
    expect(await (await kansli.request(`/f/${fid}/enkater/${r.round.id}/resultat.csv`)).text()).not.toContain('Bra stöd');
  });

  it('menu and pages by role: kansli manages, styrelse reads results, insats sees neither', async () => {
    const k = await (await kansli.request(`/f/${fid}/enkater`)).text();
    expect(k).toMatch(new RegExp(`<nav[^]*href="/f/${fid}/enkater"[^>]*>Indikatorenkäter</a>[^]*</nav>`));
    expect(k).toContain('Ny enkätomgång');
    const s = await styrelse.request(`/f/${fid}/enkater`);
    expect(s.status).toBe(200);
    const st = await s.text();
    expect(st).toContain('Indikatorenkäter');
    expect(st).not.toContain('Ny enkätomgång');
    expect((await styrelse.request(`/f/${fid}/enkater/${roundId}/resultat`)).status).toBe(200);
    expect((await styrelse.request(`/f/${fid}/enkater/${roundId}`)).status).toBe(403);
    expect((await styrelse.request(`/f/${fid}/enkater`, form({ set: 'insatspersonal-v1', year: '2025', opensOn: '2025-01-01', closesOn: '2025-12-31', codes: '1' }))).status).toBe(403);
    const home = await (await insats.request(`/f/${fid}/insatser/901`)).text();
    expect(home).toContain('<nav');
    expect(home).not.toContain('Indikatorenkäter');
    expect((await insats.request(`/f/${fid}/enkater`)).status).toBe(403);
  });

  it('the kansli creates a round from the form: open link with QR code, codes shown once, poster', async () => {
    const res = await kansli.request(`/f/${fid}/enkater`, form({ set: 'insatspersonal-v1', year: '2025', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: '1', codes: '4', interventions: '901' }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<svg class="qr" role="img"');
    expect(html).not.toMatch(/style="/);
    const links = [...html.matchAll(/<li>http:\/\/localhost(\/e\/[a-z0-9]+)<\/li>/g)].map((m) => m[1]!);
    expect(links).toHaveLength(4);
    expect((await app.request(links[0]!)).status).toBe(200);
    const [round] = await db.query<{ id: number }>('select max(id) as id from survey_round where federation_id = $1', [fid]);
    const poster = await kansli.request(`/f/${fid}/enkater/${round!.id}/affisch`);
    expect(poster.status).toBe(200);
    expect(await poster.text()).toContain('Skanna koden');
    const pdf = await kansli.request(`/f/${fid}/enkater/${round!.id}/affisch.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/StructTreeRoot');
    const bad = await kansli.request(`/f/${fid}/enkater`, form({ set: 'insatspersonal-v1', year: '2025', opensOn: '2025-12-01', closesOn: '2025-01-01', codes: '2', interventions: '901' }));
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Slutdatum får inte vara före startdatum');
    // What was chosen is still chosen: the intervention ticked, the open link (not ticked) still not ticked.
    expect(badHtml).toMatch(/id="f-iv-901" name="interventions" value="901" checked=""/);
    expect(badHtml).not.toMatch(/id="f-openLink"[^>]*checked/);
    const badCount = await kansli.request(`/f/${fid}/enkater`, form({ set: 'insatspersonal-v1', year: '2025', opensOn: '2025-01-01', closesOn: '2025-12-31', codes: 'x' }));
    expect(badCount.status).toBe(400);
    expect(await badCount.text()).toContain('Ange ett heltal mellan 0 och 5000.');
  });

  it('paper answers are entered by the kansli and counted as paper', async () => {
    const res = await kansli.request(`/f/${fid}/enkater/${roundId}/papper`, form(allAnswered('6')));
    expect(res.status).toBe(303);
  });

  it('results are not live: before the round closes no role reads a distribution, and only the kansli the count so far', async () => {
    const pages = async () => ({
      kansli: await (await kansli.request(`/f/${fid}/enkater/${roundId}/resultat`)).text(),
      styrelse: await (await styrelse.request(`/f/${fid}/enkater/${roundId}/resultat`)).text(),
      csv: await (await kansli.request(`/f/${fid}/enkater/${roundId}/resultat.csv`)).text(),
      list: await (await styrelse.request(`/f/${fid}/enkater`)).text(),
    });
    const before = await pages();
    expect(before.kansli).toContain('Resultaten publiceras');
    expect(before.styrelse).not.toContain('class="stacked-chart"');
    expect(before.styrelse).not.toContain('Hittills');
    expect(await (await app.request(openPath, form(allAnswered('1')))).status).toBe(200); // a known respondent answers
    const after = await pages();
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from survey_response where round_id = $1', [roundId]);
    expect(after.kansli).toContain(`Hittills ${n!.n} svar`);
    const csrf = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '').replace(/Hittills \d+ svar/, '');
    expect(csrf(after.styrelse)).toEqual(csrf(before.styrelse));
    expect(after.csv).toEqual(before.csv);
    expect(csrf(after.list)).toEqual(csrf(before.list));
    // "Stäng omgången" publishes at once.
    expect((await kansli.request(`/f/${fid}/enkater/${roundId}/stang`, form({}))).status).toBe(303);
    const page = await (await styrelse.request(`/f/${fid}/enkater/${roundId}/resultat`)).text();
    expect(page).toContain('varav 1 på papper');
    expect(page).toContain('class="stacked-chart"');
    expect((await app.request(openPath, form(allAnswered('1')))).status).toBe(409);
  });

  it('results: stacked bars beside the table, XLSX and CSV with n and shares', async () => {
    const html = await (await kansli.request(`/f/${fid}/enkater/${roundId}/resultat`)).text();
    expect(html).toContain('class="stacked-chart"');
    expect(html).not.toMatch(/style="/);
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from survey_response where round_id = $1', [roundId]);
    expect(html).toContain(`(n=${n!.n})`);
    const csv = await (await kansli.request(`/f/${fid}/enkater/${roundId}/resultat.csv`)).text();
    expect(csv).toContain(`Nr;Fråga;n;${frequencyScale.join(';')}`);
    const xlsx = await kansli.request(`/f/${fid}/enkater/${roundId}/resultat.xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(wb.worksheets).toHaveLength(2);
  });

  it('sets page: new set and new version, refused bad lines with the line number', async () => {
    const bad = await kansli.request(`/f/${fid}/enkater/fragor`, form({ name: 'Chefer', group: 'chefer', kind: 'indicator', statements: 'X | A | Bra samverkan\nfel' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Rad 2:');
    const ok = await kansli.request(`/f/${fid}/enkater/fragor`, form({ name: 'Chefer i samverkan', group: 'chefer', kind: 'indicator', statements: 'Samverkan | A | Samverkansparter lyssnar på mig' }));
    expect(ok.status).toBe(303);
    const page = await (await kansli.request(`/f/${fid}/enkater/fragor`)).text();
    expect(page).toContain('chefer-i-samverkan-v1');
    expect((await styrelse.request(`/f/${fid}/enkater/fragor`, form({ name: 'X', group: 'chefer', kind: 'indicator', statements: 'a | A | b' }))).status).toBe(403);
  });
});
