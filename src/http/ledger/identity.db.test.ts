import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { createApp } from '../app.tsx';

/** Another company's books never become the förbund's: #ORGNR / #FNAMN are checked on every SIE import. */
describe('SIE import checks whose books the file holds', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let kansli: TestSession;
  let fed: number;
  const own = generateSie({ transactionRows: 200, encoding: 'latin1' });
  /** The generated file as another company's: other #ORGNR and #FNAMN (or no #ORGNR at all). */
  const other = (orgnr: string | null) => {
    const text = own.toString('latin1').replace(/#FNAMN "[^"]*"/, '#FNAMN "Annat Bolag AB"');
    return Buffer.from(orgnr === null ? text.replace(/#ORGNR [^\r\n]*\r\n/, '') : text.replace('#ORGNR 222000-0000', `#ORGNR ${orgnr}`), 'latin1');
  };
  const upload = (buf: Buffer, name: string, predecessor = false, confirm: string | null = null) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(buf)], name));
    if (predecessor) form.append('predecessor', 'ja');
    if (confirm !== null) {
      form.append('confirmOrganisation', 'ja');
      form.append('organisationNumber', confirm);
    }
    return kansli.request(`/f/${fed}/ledger/import`, { method: 'POST', body: form });
  };
  const imports = async () => (await db.query<{ n: number }>('select count(*)::int as n from ledger_import where federation_id = $1', [fed]))[0]!.n;

  beforeAll(async () => {
    db = await createTestDb();
    fed = (await db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Västmanland') returning id"))[0]!.id;
    await addTestUser(db, { email: 'kansli@test.se', federationId: fed, role: 'kansli' });
    app = createApp({ db });
    kansli = await loginAs(app, 'kansli@test.se');
  });
  afterAll(() => db?.drop());

  it('a förbund without an organisation number is asked to confirm the file’s #FNAMN/#ORGNR, then stores the number', async () => {
    const asked = await upload(own, 'egen.se');
    expect(asked.status).toBe(400);
    const html = await asked.text();
    expect(html).toContain('Är det förbundets bokföring?');
    expect(html).toMatch(/organisationsnummer\s*<strong>222000-0000<\/strong>/);
    expect(html).toContain('name="confirmOrganisation"');
    expect(await imports()).toBe(0);
    const confirmed = await upload(own, 'egen.se', false, '222000-0000');
    expect(confirmed.status).toBe(200);
    expect((await db.query<{ org: string }>('select organisation_number as org from federation where id = $1', [fed]))[0]!.org).toBe('222000-0000');
  });

  it('refuses a file with another #ORGNR, changes nothing, and offers the explicit predecessor confirmation', async () => {
    const before = await imports();
    const res = await upload(other('556677-8899'), 'annan.se');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('organisationsnummer 556677-8899');
    expect(html).toContain('name="predecessor"');
    expect(await imports()).toBe(before);
    const confirmed = await upload(other('556677-8899'), 'foregangare.se', true);
    expect(confirmed.status).toBe(200);
    expect(await imports()).toBe(before + 1);
    // The förbund keeps its own organisation number.
    expect((await db.query<{ org: string }>('select organisation_number as org from federation where id = $1', [fed]))[0]!.org).toBe('222000-0000');
  });

  it("takes no number with a wrong check digit, and never another förbund's number", async () => {
    const second = (await db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Annat') returning id"))[0]!.id;
    await addTestUser(db, { email: 'kansli@annat.se', federationId: second, role: 'kansli' });
    const kansli2 = await loginAs(app, 'kansli@annat.se');
    const up = (buf: Buffer) => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(buf)], 'fil.se'));
      return kansli2.request(`/f/${second}/ledger/import`, { method: 'POST', body: form });
    };
    const org = async () => (await db.query<{ org: string | null }>('select organisation_number as org from federation where id = $1', [second]))[0]!.org;
    // The first förbund's file (its number 222000-0000) is not this förbund's books.
    const res = await up(own);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('som är Samordningsförbundet Västmanlands');
    expect(await org()).toBeNull();
    // 222000-1234 fails the check digit: refused, saying so; the number is not taken as the förbund's.
    const bad = await up(other('222000-1234'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('kontrollsiffra');
    expect(await org()).toBeNull();
    // Over the API the confirmation is ?organisationNumber= (equal to the file's #ORGNR).
    const api = (q: string) => kansli2.request(`/api/federations/${second}/ledger/imports?fileName=ny.se${q}`, { method: 'POST', body: new Uint8Array(other('556036-0793')) });
    expect((await api('')).status).toBe(400);
    expect(await org()).toBeNull();
    expect((await api('&organisationNumber=556036-0793')).status).toBe(201);
    expect(await org()).toBe('556036-0793');
  });

  it('refuses over the API a file without #ORGNR whose #FNAMN is another company, unless ?predecessor=true', async () => {
    const before = await imports();
    const post = (q: string) => kansli.request(`/api/federations/${fed}/ledger/imports?fileName=utan-orgnr.se${q}`, { method: 'POST', body: new Uint8Array(other(null)) });
    const refused = await post('');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('Annat Bolag AB');
    expect(await imports()).toBe(before);
    expect((await post('&predecessor=true')).status).toBe(201);
  });
});
