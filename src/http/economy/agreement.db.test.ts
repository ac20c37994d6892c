/**
 * One model, one answer: the dashboard, the key-figures page, the driftredovisning page, the JSON API and the CLI
 * reports give the same figures for the same year — for 2025 from the reference file (expected numbers from the
 * reference README's contract, test/support/economy.ts) and for 2025 from a generated SIE file whose balances
 * and vouchers reproduce the same annual report (src/importers/sie/testing). Also counts the SQL statements each
 * page costs (through a counting database handle), cold and with the year's figures cached.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { countingDb } from '../../../test/support/countingDb.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { pageText, referenceKeyFigures2025 } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { importSieFile } from '../../importers/sie/import.ts';
import { addMapping } from '../../services/ledger/mapping.ts';
import { ledgerStatements } from '../../services/ledger/statements.ts';
import { closeYear } from '../../services/economy/yearClosing.ts';
import { keyFiguresReport, operatingStatementReport } from '../../cli/economy.ts';
import { oreToTkr } from '../../core/rounding.ts';
import { formatTkr } from '../kit/present.ts';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const NAME = 'Samordningsförbundet Västmanland';
const fixture = new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname;
const reference = JSON.parse(readFileSync(fixture, 'utf8'));
const tkr = (kronor: number) => formatTkr(kronor * 100).replace(/\s/g, ' ');

/** Every reader of one year, through one app and one database handle. */
async function readAll(app: ReturnType<typeof createApp>, s: TestSession, db: Parameters<typeof keyFiguresReport>[0], fid: number, year: number) {
  const get = async (path: string) => {
    const res = await s.request(path);
    expect(res.status, path).toBe(200);
    return res;
  };
  return {
    dashboard: pageText(await (await get(`/f/${fid}?ar=${year}`)).text()),
    keyFiguresPage: pageText(await (await get(`/f/${fid}/ar/${year}/nyckeltal`)).text()),
    statementPage: pageText(await (await get(`/f/${fid}/ar/${year}/driftredovisning`)).text()),
    apiKeyFigures: await (await get(`/api/federations/${fid}/years/${year}/key-figures`)).json(),
    apiOverview: await (await get(`/api/federations/${fid}/years/${year}/overview`)).json(),
    apiStatement: await (await get(`/api/federations/${fid}/years/${year}/operating-statement`)).json(),
    cliKeyFigures: JSON.parse(await keyFiguresReport(db, NAME, year)),
    cliStatement: JSON.parse(await operatingStatementReport(db, NAME, year)),
  };
}

/** The figures every reader must agree on, checked in each reader's own form. */
function expectAgreement(r: Awaited<ReturnType<typeof readAll>>, k: { operatingIncome: number; operatingCost: number; result: number; equityClosing: number; allocation: number | null }) {
  // API and CLI: the contract's JSON, identical.
  expect(r.cliKeyFigures).toEqual(r.apiKeyFigures);
  expect(r.apiKeyFigures).toMatchObject(k);
  expect(r.cliStatement).toEqual(r.apiStatement);
  // The API's overview speaks öre.
  expect(r.apiOverview.keyFigures.resultOre).toBe(k.result * 100);
  expect(r.apiOverview.keyFigures.equityClosingOre).toBe(k.equityClosing * 100);
  // Pages in tkr: the dashboard, the key-figures page and the driftredovisning say the same.
  expect(r.dashboard).toContain('Period: januari–december 2025, bokslut (året är stängt).');
  expect(r.apiKeyFigures.period).toEqual({ year: 2025, throughMonth: 12, complete: true });
  expect(r.dashboard).toContain(`Årets resultat ${tkr(k.result)} tkr`);
  expect(r.dashboard).toContain(`Eget kapital vid årets slut ${tkr(k.equityClosing)} tkr`);
  expect(r.keyFiguresPage).toContain(`Årets resultat ${tkr(k.result)} tkr`);
  expect(r.keyFiguresPage).toContain(`Eget kapital vid årets slut ${tkr(k.equityClosing)} tkr`);
  expect(r.keyFiguresPage).toContain(`Verksamhetens intäkter ${tkr(k.operatingIncome)} tkr`);
  expect(r.keyFiguresPage).toContain(`Verksamhetens kostnader ${tkr(k.operatingCost)} tkr`);
  if (k.allocation !== null) {
    expect(r.dashboard).toContain(`Medelstilldelning ${tkr(k.allocation)} tkr`);
    expect(r.keyFiguresPage).toContain(`Medelstilldelning ${tkr(k.allocation)} tkr`);
  }
  // The five-year overview's row for the year is the key figures' result.
  expect(r.apiOverview.fiveYear[0]).toMatchObject({ year: 2025, resultOre: k.result * 100 });
  expect(r.statementPage).toContain('Driftredovisning 2025');
}

describe('every reader agrees: reference year 2025', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let counter: ReturnType<typeof countingDb>;
  let app: ReturnType<typeof createApp>;
  let session: TestSession;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await importReferenceFile(db, fixture, { id: 'test' })).federationId;
    await addTestUser(db, { email: 'kansli@test.se', federationId: fid, role: 'kansli' });
    counter = countingDb(db);
    app = createApp({ db: counter.db });
    session = await loginAs(app, 'kansli@test.se');
  });
  afterAll(() => db.drop());

  it('dashboard, key-figures page, driftredovisning, API and CLI give the reference README contract figures', async () => {
    const r = await readAll(app, session, counter.db, fid, 2025);
    expectAgreement(r, referenceKeyFigures2025);
    expect(r.apiKeyFigures).toMatchObject(referenceKeyFigures2025);
    // The driftredovisning's result row is the key figures' result: 345 299 kr.
    expect(r.apiStatement.result.outcome.net).toBe(referenceKeyFigures2025.result);
  });

  it('each page costs three SQL statements after a write, and one when nothing changed (the fresh versions)', async () => {
    const counts: Record<string, { cold: number; cached: number }> = {};
    for (const [name, path] of [
      ['dashboard', `/f/${fid}?ar=2025`],
      ['driftredovisning', `/f/${fid}/ar/2025/driftredovisning`],
      ['nyckeltal', `/f/${fid}/ar/2025/nyckeltal`],
      ['api key-figures', `/api/federations/${fid}/years/2025/key-figures`],
    ] as const) {
      // A write (any statement on a table the figures read) makes the next read load the facts again.
      await db.query('update federation set settings = settings where id = $1', [fid]);
      counter.reset();
      expect((await session.request(path)).status).toBe(200);
      const cold = counter.count();
      counter.reset();
      expect((await session.request(path)).status).toBe(200);
      counts[name] = { cold, cached: counter.count() };
    }
    console.log('SQL statements per request (cold / cached):', JSON.stringify(counts));
    for (const [name, c] of Object.entries(counts)) {
      // After a write: the fresh versions, the request context again (the förbund's row changed) and the facts.
      expect(c.cold, name).toBeLessThanOrEqual(3);
      // Nothing changed: the fresh versions alone (shared by concurrent requests; src/services/versions.ts).
      expect(c.cached, name).toBe(1);
    }
  });
});

describe('every reader agrees: 2025 from an SIE file with mapped accounts', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let session: TestSession;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    app = createApp({ db });
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name, organisation_number) values ($1, '222000-0000') returning id", [NAME])) as [{ id: number }];
    const y2025 = reference.years.find((y: { year: number }) => y.year === 2025);
    let order = 0;
    for (const l of y2025.outcome) await db.query('insert into budget_line (federation_id, section, label, sort_order) values ($1, $2, $3, $4)', [fid, l.section, l.label, order++]);
    await importSieFile(db, fid, { source: Readable.from([generateSie({ transactionRows: 600 })]), fileName: 'bokslut-2025.se' }, { id: 'test' });
    // Map every project object to its budget line and the members' payments (34xx) to the income line.
    const lines = await db.query<{ id: number; section: string; label: string }>('select id, section, label from budget_line where federation_id = $1', [fid]);
    const objects = await db.query<{ code: string; name: string }>("select code, name from ledger_object where federation_id = $1 and dimension = '6'", [fid]);
    for (const o of objects) {
      const line = lines.find((l) => l.label === o.name && l.section !== 'income')!;
      await addMapping(db, fid, { budgetLineId: line.id, object: `6:${o.code}` }, { id: 'test' });
    }
    await addMapping(db, fid, { budgetLineId: lines.find((l) => l.section === 'income')!.id, accounts: '3400-3499' }, { id: 'test' });
    // The bokslut's SIE file is in: the kansli closes the year (an SIE year is open until then).
    await closeYear(db, fid, 2025, { id: 'test' });
    await addTestUser(db, { email: 'kansli@sie.se', federationId: fid, role: 'kansli' });
    session = await loginAs(app, 'kansli@sie.se');
  });
  afterAll(() => db.drop());

  it('the dashboard shows the equity the key figures show (was "Saknas"), and every reader agrees with the ledger', async () => {
    const r = await readAll(app, session, db, fid, 2025);
    // Independent of the year's model: the ledger's own statement pipeline (resultaträkning, balansräkning).
    const ledger = (await ledgerStatements(db, fid, 2025))!.current;
    const k = {
      operatingIncome: referenceKeyFigures2025.operatingIncome,
      operatingCost: referenceKeyFigures2025.operatingCost,
      result: referenceKeyFigures2025.result,
      equityClosing: ledger.balance.equityOre / 100,
      allocation: null,
    };
    expect(ledger.income.resultOre).toBe(referenceKeyFigures2025.result * 100);
    // The annual report prints 4 373 784 kr and the contract 4 373 785 kr (rounding in the report): within 1 kr.
    expect(Math.abs(k.equityClosing - referenceKeyFigures2025.equityClosing)).toBeLessThanOrEqual(1);
    expect(oreToTkr(ledger.balance.equityOre)).toBe(4374);
    expectAgreement(r, k);
    expect(r.dashboard).not.toMatch(/eget kapital[^.]*Saknas/i);
    // Outcome per line through the mapping: the driftredovisning's SUMMA equals the reference's operating figures.
    expect(r.apiStatement.total.outcome).toMatchObject({ income: referenceKeyFigures2025.operatingIncome, cost: referenceKeyFigures2025.operatingCost });
  });
});
