import { describe, expect, it } from 'vitest';
import { jsx } from 'hono/jsx';
import { SettingsPage } from './settingsPage.tsx';
import type { FederationSettings } from '../../core/settings.ts';

const render = async (settings: FederationSettings) =>
  String(await jsx(SettingsPage as never, { model: { federation: { id: 3, name: 'Samordningsförbundet Test' }, settings, canWrite: false, mail: { on: false }, canSeeOutbox: false } } as never).toString()).replace(/[\u00a0\u202f]/g, ' ');

describe('SettingsPage (view)', () => {
  it('states the cap with its steps, the floor and the statistics protection in sv-SE', async () => {
    const out = await render({
      equityCapShare: 0.2,
      // From 20 000 000 kr the cap is 12.5 % (a share that is not whole is shown with two decimals, present.ts formatShare).
      equityCapSteps: [{ fromAllocationOre: 2_000_000_000, share: 0.125 }],
      equityFloorOre: 50_000_000,
      minCellSize: 5,
      protectionInterval: 3,
      statisticsPeriodMonths: 12,
      statisticsClosingDays: 45,
    });
    expect(out).toContain('<dd>20 % av medelstilldelningen; från 20 000 000 kr: 12,50 %</dd>');
    expect(out).toContain('<dt>Golv för eget kapital</dt><dd>500 000 kr</dd>');
    expect(out).toContain('<dt>Minsta antal som visas i statistik</dt><dd>5</dd>');
    expect(out).toContain('<dd>12 månader (kalenderår)</dd>');
    // A reader sees no form.
    expect(out).not.toContain('Ändra inställningar');
  });

  it('says "Inget" without a floor', async () => {
    const out = await render({ equityCapShare: 0.2, equityCapSteps: [], equityFloorOre: null, minCellSize: 5, protectionInterval: 1, statisticsPeriodMonths: 12, statisticsClosingDays: 30 });
    expect(out).toContain('<dt>Golv för eget kapital</dt><dd>Inget</dd>');
    expect(out).toContain('<dd>20 % av medelstilldelningen</dd>');
  });
});
