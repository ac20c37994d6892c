/**
 * The drill-down pages (issue 28): from the driftredovisning and the outcome page a revisor reaches a line's
 * source — the SIE file with its SHA-256, the accounts and the vouchers of a month — and the outcome page marks
 * each month's source. The insats role, which has no economy, is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { importSieFile } from '../../importers/sie/import.ts';
import { mapObjectsByName } from '../../services/ledger/mapping.ts';
import { listBudgetLines } from '../../services/economy/lines.ts';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

describe('drill-down pages', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fid: number;
  let sha: string;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await importReferenceFile(db, new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname, { id: 'test' })).federationId;
    const sie = new Uint8Array(generateSie({ transactionRows: 1500 }));
    sha = createHash('sha256').update(sie).digest('hex');
    await addTestUser(db, { email: 'revisor@spar.se', federationId: fid, role: 'revisor' });
    await addTestUser(db, { email: 'kansli@spar.se', federationId: fid, role: 'kansli' });
    await importSieFile(db, fid, { source: Readable.from([sie]), fileName: 'huvudbok-2025.se', organisationNumber: '222000-0000' }, { id: 'kansli@spar.se' });
    await mapObjectsByName(db, fid, '6', { id: 'kansli@spar.se' });
    app = createApp({ db });
  });
  afterAll(() => db?.drop());

  it('the revisor goes from the driftredovisning to a line’s SIE file, accounts and the vouchers of a month', async () => {
    const s = await loginAs(app, 'revisor@spar.se');
    const statement = await (await s.request(`/f/${fid}/ar/2025/driftredovisning`)).text();
    const line = (await listBudgetLines(db, fid)).find((l) => l.label === 'Samordningsteam Västerås')!;
    const href = `/f/${fid}/ar/2025/utfall/kalla/${line.id}`;
    expect(statement).toContain(`href="${href}"`);
    const year = await s.request(href);
    expect(year.status).toBe(200);
    const html = await year.text();
    expect(html).toContain('huvudbok-2025.se');
    expect(html).toContain(sha);
    expect(html).toContain('kansli@spar.se');
    expect(html).toContain('Konton och objekt som kontokopplingen för till budgetposten');
    const month = await (await s.request(`${href}?manad=1`)).text();
    expect(month).toContain('Verifikationer bakom budgetposten, januari 2025');
    expect(month).toMatch(/<th scope="row">A \d+<\/th><td>2025-01-\d\d<\/td>/);
    // The outcome page marks each month as coming from the ledger and links to the same place.
    const outcome = await (await s.request(`/f/${fid}/ar/2025/utfall`)).text();
    expect(outcome).toContain(`href="${href}?manad=1"`);
    expect(outcome).toContain('title="bokföringen (SIE)">B</abbr>');
  });

  it('a bad month or line is refused, not a server error', async () => {
    const s = await loginAs(app, 'revisor@spar.se');
    expect((await s.request(`/f/${fid}/ar/2025/utfall/kalla/1?manad=13`)).status).toBe(400);
    expect((await s.request(`/f/${fid}/ar/2025/utfall/kalla/999999`)).status).toBe(404);
    expect((await s.request(`/f/${fid}/ar/2025/utfall/kalla/x`)).status).toBe(400);
  });
});
