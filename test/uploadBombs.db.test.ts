import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { seedSmallFederation } from './support/economy.ts';
import { addTestInterventions } from './support/auth.ts';
import { xlsxBomb } from './support/zipBomb.ts';
import { createApp } from '../src/http/app.tsx';
import { loadYearOutcome } from '../src/services/economy/index.ts';

process.env.SAMORDNA_LOG = 'off';

/**
 * The upload bomb of the adversarial test (part 10): a 1.5 MB XLSX whose sheet unpacks to 1.5 GB sent the
 * server from 360 MB to 2 GB, and three at once ended the process. Every upload route that reads XLSX is
 * given it; each must answer 400 with a message, leave the data as it was, and keep the server's resident
 * memory within 300 MB of what it was before the upload.
 */
describe('upload bombs', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let seed: Awaited<ReturnType<typeof seedSmallFederation>>;
  const interventionId = 7001;
  beforeAll(async () => {
    db = await createTestDb();
    seed = await seedSmallFederation(db);
    await addTestInterventions(db, seed.federationId, [interventionId]);
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  const bomb = xlsxBomb(1500);
  const send = (path: string) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(bomb)], 'utfall.xlsx'));
    return app.request(path, { method: 'POST', body: form });
  };

  it('refuses the 1.5 GB sheet on the outcome and the participant upload, three at once, within 300 MB', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const outcomeBefore = await loadYearOutcome(db, seed.federationId, 2026);
    const participantsBefore = await db.query('select count(*)::int as n from participation');
    const paths = [`/f/${seed.federationId}/ar/2026/utfall/fil`, `/f/${seed.federationId}/insatser/${interventionId}/deltagare/import`];
    global.gc?.();
    const resting = process.memoryUsage().rss;
    let peak = resting;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const responses = await Promise.all([...paths, ...paths, paths[0]!].map(send));
    clearInterval(timer);
    for (const res of responses) {
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('packas upp till mer än 64 MB');
    }
    expect(peak - resting).toBeLessThan(300 * 1024 * 1024);
    expect(await loadYearOutcome(db, seed.federationId, 2026)).toEqual(outcomeBefore);
    expect(await db.query('select count(*)::int as n from participation')).toEqual(participantsBefore);
  });
});
