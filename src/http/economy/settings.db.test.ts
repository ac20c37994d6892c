import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText, seedSmallFederation } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';
import { getFederation, saveFederationSettings } from '../../services/economy/index.ts';

describe('settings page (HTTP): equity cap and floor drive the warnings', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await seedSmallFederation(db)).federationId;
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  const text = pageText;
  const post = (fields: Record<string, string>) =>
    app.request(`/f/${fid}/installningar`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('shows the defaults: cap 20 %, no floor, 5', async () => {
    const t = text(await (await app.request(`/f/${fid}/installningar`)).text());
    expect(t).toContain('Tak för eget kapital 20 % av medelstilldelningen');
    expect(t).toContain('Golv för eget kapital Inget');
  });

  it('a cap of 30 % and a floor of 400 000 kr change the dashboard warnings', async () => {
    const res = await post({ equityCap: '30', equityFloor: '400 000', minCellSize: '5' });
    expect(res.status).toBe(303);
    expect((await getFederation(db, fid)).settings).toEqual({ equityCapShare: 0.3, equityCapSteps: [], equityFloorOre: 400_000_00, minCellSize: 5, protectionInterval: 1, statisticsPeriodMonths: 12, statisticsClosingDays: 31 });
    // 2026 forecast: equity 330 000 kr, cap 30 % of 1 200 000 = 360 000 kr → not above; floor 400 000 → below.
    const t2026 = text(await (await app.request(`/f/${fid}`)).text());
    expect(t2026).not.toContain('över det rekommenderade taket');
    expect(t2026).toContain('Det egna kapitalet (330 tkr) är under den lägsta nivån (400 tkr).');
    // 2025: 50 000 kr, below the floor too.
    expect(text(await (await app.request(`/f/${fid}?ar=2025`)).text())).toContain('Det egna kapitalet (50 tkr) är under den lägsta nivån (400 tkr).');
  });

  it('refuses bad values and changes nothing', async () => {
    const before = (await getFederation(db, fid)).settings;
    const res = await post({ equityCap: 'tjugo', equityFloor: '-5', minCellSize: '0' });
    expect(res.status).toBe(400);
    const t = text(await res.text());
    expect(t).toContain('Tak: Ange en andel i procent');
    expect(t).toContain('Golv: Beloppet får inte vara negativt.');
    expect(t).toContain('Ange minsta antal, 1 eller större.');
    expect((await getFederation(db, fid)).settings).toEqual(before);
  });

  it('the statistics protection: protection interval and closing days are saved, validated through the boundary and in the audit log', async () => {
    const page = text(await (await app.request(`/f/${fid}/installningar`)).text());
    expect(page).toContain('Skyddsintervall för dolda tal 1');
    expect(page).toContain('Publiceringsperiod för deltagarstatistik 12 månader (kalenderår)');
    expect(page).toContain('Dagar efter årets slut innan året stängs och fastställs 31');
    const bad = await post({ equityCap: '20', equityFloor: '', minCellSize: '5', protectionInterval: '0', statisticsClosingDays: 'trettio' });
    expect(bad.status).toBe(400);
    const t = text(await bad.text());
    expect(t).toContain('Skyddsintervall: Ange ett heltal mellan 1 och 100.');
    expect(t).toContain('Dagar innan året stängs: Ange ett heltal mellan 0 och 366.');
    expect((await getFederation(db, fid)).settings.protectionInterval).toBe(1);
    const ok = await post({ equityCap: '20', equityFloor: '', minCellSize: '5', protectionInterval: '2', statisticsClosingDays: '45' });
    expect(ok.status).toBe(303);
    const s = (await getFederation(db, fid)).settings;
    expect([s.protectionInterval, s.statisticsClosingDays, s.statisticsPeriodMonths]).toEqual([2, 45, 12]);
    const [log] = await db.query<{ old_values: { settings: { protectionInterval?: number } }; new_values: { settings: { protectionInterval: number; statisticsClosingDays: number } } }>(
      "select old_values, new_values from audit_log where table_name = 'federation' and row_id = $1 and action = 'update' order by id desc limit 1",
      [String(fid)],
    );
    expect(log!.new_values.settings.protectionInterval).toBe(2);
    expect(log!.new_values.settings.statisticsClosingDays).toBe(45);
    expect(log!.old_values.settings.protectionInterval ?? 1).toBe(1);
    // A period other than the calendar year is refused by the service (it would single registrations out).
    await expect(saveFederationSettings(db, fid, { statisticsPeriodMonths: 6 as 12 }, { id: 'test' })).rejects.toThrow('kalenderår');
    await post({ equityCap: '20', equityFloor: '', minCellSize: '5', protectionInterval: '1', statisticsClosingDays: '31' });
  });

  it('the equity staircase: a step by allocation size changes the cap the dashboard uses; a bad step is refused', async () => {
    // 2026 forecast allocation 1 200 000 kr: from 1 000 000 kr the cap is 10 % = 120 000 kr, below the 330 000 kr equity.
    const res = await post({ equityCap: '30', equitySteps: '1 000 000: 10', equityFloor: '', minCellSize: '5' });
    expect(res.status).toBe(303);
    expect((await getFederation(db, fid)).settings.equityCapSteps).toEqual([{ fromAllocationOre: 1_000_000_00, share: 0.1 }]);
    expect(text(await (await app.request(`/f/${fid}`)).text())).toContain('över det rekommenderade taket');
    const bad = await post({ equityCap: '30', equitySteps: '2 000 000: 10; 1 000 000: 5', equityFloor: '', minCellSize: '5' });
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain('Trappa: Steg 2: gränsen ska vara ett belopp större än föregående steg.');
    await post({ equityCap: '20', equitySteps: '', equityFloor: '', minCellSize: '5' });
  });
});
