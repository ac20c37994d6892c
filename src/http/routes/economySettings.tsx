import { redirectWithFlash } from '../views/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { Form, SubmitButton, TextField, AmountField, formState } from '../views/form.tsx';
import { formatKronor, formatNumber, formatShare, kronorText } from '../views/present.ts';
import { InputError } from '../../core/errors.ts';
import { parseInteger } from '../../core/input/index.ts';
import { equityCapStepProblems, type EquityCapStep, type FederationSettings } from '../../core/settings.ts';
import { getFederation, saveFederationSettings } from '../../services/economy/index.ts';
import { parseAmountInput, parseIntegerInput, parsePercentInput } from '../formInput.ts';
import { formFields } from './economyShared.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

function stepsText(steps: readonly EquityCapStep[]): string {
  return steps.map((st) => `${plain(formatKronor(st.fromAllocationOre))}: ${plain(formatNumber(st.share * 100, Number.isInteger(Math.round(st.share * 1e6) / 1e4) ? 0 : 2))}`).join('; ');
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
  const page = async (federation: FederationRef, opts: { canWrite: boolean }) => {
    const s = (await getFederation(db, federation.id)).settings;
    const action = `/f/${federation.id}/installningar`;
    // What is saved, or — after a refusal (app.tsx renderFormAgain) — what was typed, with the messages beside the fields.
    const f = formState(action, {
      equityCap: plain(formatNumber(s.equityCapShare * 100, Number.isInteger(Math.round(s.equityCapShare * 1e6) / 1e4) ? 0 : 2)),
      equitySteps: stepsText(s.equityCapSteps),
      equityFloor: s.equityFloorOre === null ? '' : plain(formatKronor(s.equityFloorOre)),
      minCellSize: String(s.minCellSize),
      protectionInterval: String(s.protectionInterval),
      statisticsClosingDays: String(s.statisticsClosingDays),
    });
    return (
      <Layout title="Inställningar" federation={federation}>
        <h1>Inställningar</h1>
        <p>
          Eget kapital bör enligt Nationella rådet vara högst 20 % av årets medelstilldelning. Förbundet kan också ha ett lokalt golv, t.ex. att
          det egna kapitalet inte ska understiga 500 tkr. Översikten och nyckeltalen varnar när gränserna passeras.
        </p>
        <dl>
          <dt>Tak för eget kapital</dt>
          <dd>
            {formatShare(s.equityCapShare)} av medelstilldelningen
            {s.equityCapSteps.map((st) => `; från ${kronorText(st.fromAllocationOre)}: ${formatShare(st.share)}`).join('')}
          </dd>
          <dt>Golv för eget kapital</dt>
          <dd>{s.equityFloorOre === null ? 'Inget' : kronorText(s.equityFloorOre)}</dd>
          <dt>Minsta antal som visas i statistik</dt>
          <dd>{formatNumber(s.minCellSize)}</dd>
          <dt>Skyddsintervall för dolda tal</dt>
          <dd>{formatNumber(s.protectionInterval)}</dd>
          <dt>Publiceringsperiod för deltagarstatistik</dt>
          <dd>{formatNumber(s.statisticsPeriodMonths)} månader (kalenderår)</dd>
          <dt>Dagar efter årets slut innan året stängs och fastställs</dt>
          <dd>{formatNumber(s.statisticsClosingDays)}</dd>
        </dl>
        <p>
          Deltagarstatistiken skyddas med samordnad maskering över alla tabeller, insatser och år och publiceras per stängt kalenderår, som
          sedan fastställs och aldrig ändras (metoden beskrivs i docs/statistics-protection.md).
          Ändringar gäller år som fastställs efter ändringen; redan fastställda år ändras inte.
        </p>
        {opts.canWrite ? (
          <>
            <h2>Ändra</h2>
            <Form action={action} label="Ändra inställningar">
              <TextField {...f.bind('equityCap')} label="Tak för eget kapital (procent av medelstilldelningen)" inputmode="decimal" size={6} />
              <TextField
                {...f.bind('equitySteps')}
                label="Trappa efter medelstilldelningens storlek (valfri)"
                hint="Steg som ”från belopp: procent”, skilda med semikolon, t.ex. 20 000 000: 15; 40 000 000: 10. Tomt = taket ovan för alla storlekar."
              />
              <AmountField {...f.bind('equityFloor')} label="Golv för eget kapital (kronor)" hint="Lämna tomt om förbundet inte har något golv." />
              <TextField {...f.bind('minCellSize')} label="Minsta antal som visas i statistik" inputmode="numeric" size={4} hint="Mindre antal döljs, så att ingen deltagare kan pekas ut." />
              <TextField
                {...f.bind('protectionInterval')}
                label="Skyddsintervall för dolda tal"
                inputmode="numeric"
                size={4}
                hint="1–100. Det intervall en läsare kan räkna fram för ett dolt tal ur allt publicerat ska vara minst så brett. 1 = aldrig låst till ett enda värde."
              />
              <TextField
                {...f.bind('statisticsClosingDays')}
                label="Dagar efter årets slut innan året stängs"
                inputmode="numeric"
                size={4}
                hint="0–366. Sena registreringar för december hinner med; sedan fastställs årets statistik."
              />
              <SubmitButton label="Spara inställningar" />
            </Form>
          </>
        ) : null}
      </Layout>
    );
  };

  app.get('/f/:federationId/installningar', async (c) => {
    requirePermission(c, 'economy:read');
    return c.html(await page(requireFederation(c), { canWrite: c.get('ctx').can('economy:write') }));
  });

  app.post('/f/:federationId/installningar', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const form = await formFields(c);
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
