import { redirectWithFlash } from '../kit/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { SettingsPage, type SettingsPageModel } from './settingsPage.tsx';
import { InputError } from '../../core/errors.ts';
import { parseInteger } from '../../core/input/index.ts';
import { equityCapStepProblems, type EquityCapStep, type FederationSettings } from '../../core/settings.ts';
import { getFederation, saveFederationSettings } from '../../services/economy/index.ts';
import { parseAmountInput, parseIntegerInput, parsePercentInput } from '../kit/formInput.ts';
import { formTextFields } from '../kit/requestBody.ts';
import { mailConfig } from '../../services/mail/config.ts';

/** The settings page's model: what is saved. */
export async function loadSettingsPage(db: Database, federation: FederationRef, canWrite: boolean, canSeeOutbox = false): Promise<SettingsPageModel> {
  const config = mailConfig();
  const mail = config ? { on: true as const, from: config.from } : { on: false as const };
  return { federation, settings: (await getFederation(db, federation.id)).settings, canWrite, mail, canSeeOutbox };
}

/** "20 000 000: 15; 40 000 000: 10" → steps (amount in kronor, share in per cent). Empty → none. */
function parseStepsText(text: string): { ok: true; steps: EquityCapStep[] } | { ok: false; message: string } {
  const steps: EquityCapStep[] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [amountText, shareText, ...rest] = part.split(':');
    if (rest.length || shareText === undefined) return { ok: false, message: `"${part}" ska skrivas som belopp: procent.` };
    const amount = parseAmountInput(amountText!);
    const share = parsePercentInput(shareText);
    if (!amount.ok || amount.ore === null) return { ok: false, message: `"${amountText!.trim()}": ${amount.ok ? 'ange ett belopp' : amount.message}` };
    if (!share.ok || share.basisPoints === null) return { ok: false, message: `"${shareText.trim()}": ${share.ok ? 'ange procent' : share.message}` };
    steps.push({ fromAllocationOre: amount.ore, share: share.basisPoints / 10000 });
  }
  const problems = equityCapStepProblems(steps);
  return problems.length ? { ok: false, message: problems.join(' ') } : { ok: true, steps };
}

/** The förbund's limits: the equity cap (share of the allocation) and floor, and the smallest count shown. */
export const economySettingsRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/installningar', async (c) => {
    requirePermission(c, 'economy:read');
    const ctx = c.get('ctx');
    const federation = requireFederation(c);
    return c.html(<SettingsPage model={await loadSettingsPage(db, federation, ctx.can('economy:write'), ctx.can('mail:manage', { federationId: federation.id }))} />);
  });

  app.post('/f/:federationId/installningar', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const form = await formTextFields(c);
    const errors: Record<string, string> = {};
    const cap = parsePercentInput(form.equityCap ?? '');
    const floor = parseAmountInput(form.equityFloor ?? '');
    const cell = parseIntegerInput(form.minCellSize ?? '');
    const steps = parseStepsText(form.equitySteps ?? '');
    // The statistics protection (absent from an older form: kept as it is).
    const protection = form.protectionInterval === undefined ? null : parseInteger(form.protectionInterval, { min: 1, max: 100 });
    const closing = form.statisticsClosingDays === undefined ? null : parseInteger(form.statisticsClosingDays, { min: 0, max: 366 });
    if (protection && !protection.ok) errors.protectionInterval = `Skyddsintervall: ${protection.message}`;
    if (closing && !closing.ok) errors.statisticsClosingDays = `Dagar innan året stängs: ${closing.message}`;
    if (!steps.ok) errors.equitySteps = `Trappa: ${steps.message}`;
    if (!cap.ok) errors.equityCap = `Tak: ${cap.message}`;
    else if (cap.basisPoints === null) errors.equityCap = 'Ange taket i procent.';
    if (!floor.ok) errors.equityFloor = `Golv: ${floor.message}`;
    if (!cell.ok) errors.minCellSize = `Minsta antal: ${cell.message}`;
    else if (cell.value === null || cell.value < 1) errors.minCellSize = 'Ange minsta antal, 1 eller större.';
    // A refusal draws the page again with what was typed and each message beside its field (app.tsx renderFormAgain).
    if (Object.keys(errors).length || !cap.ok || !floor.ok || !cell.ok || !steps.ok) throw new InputError(Object.entries(errors).map(([field, message]) => ({ field, message })));
    const change: Partial<FederationSettings> = {
      equityCapShare: cap.basisPoints! / 10000,
      equityCapSteps: steps.steps,
      equityFloorOre: floor.ore,
      minCellSize: cell.value!,
      ...(protection?.ok ? { protectionInterval: protection.value } : {}),
      ...(closing?.ok ? { statisticsClosingDays: closing.value } : {}),
    };
    try {
      await saveFederationSettings(db, federation.id, change, ctx.actor);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const fieldOf: Record<string, string> = { equityCapShare: 'equityCap', equityCapSteps: 'equitySteps', equityFloorOre: 'equityFloor' };
      throw new InputError(e.problems.map((p) => ({ ...p, field: p.field ? (fieldOf[p.field] ?? p.field) : p.field })));
    }
    return redirectWithFlash(c, `/f/${federation.id}/installningar`, 'settings');
  });
  return app;
};
