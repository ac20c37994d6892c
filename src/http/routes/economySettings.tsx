import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { ErrorSummary, Form, Notice, SubmitButton, TextField, AmountField, type FieldErrors } from '../views/form.tsx';
import { formatKronor, formatNumber, formatShare, kronorText } from '../views/present.ts';
import { InputError } from '../../core/errors.ts';
import { equityCapStepProblems, type EquityCapStep, type FederationSettings } from '../../core/settings.ts';
import { getFederation, saveFederationSettings } from '../../services/economy/index.ts';
import { parseAmountInput, parseIntegerInput, parsePercentInput } from '../formInput.ts';
import { formFields, noticeOf, problemsToFieldErrors } from './economyShared.ts';

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
  const page = async (federation: FederationRef, opts: { notice?: string | null; errors?: FieldErrors; values?: Record<string, string>; canWrite: boolean }) => {
    const s = (await getFederation(db, federation.id)).settings;
    const v = opts.values ?? {};
    const e = opts.errors ?? {};
    return (
      <Layout title="Inställningar" federation={federation}>
        <h1>Inställningar</h1>
        <Notice message={opts.notice} />
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
        </dl>
        {opts.canWrite ? (
          <>
            <h2>Ändra</h2>
            <ErrorSummary errors={opts.errors} />
            <Form action={`/f/${federation.id}/installningar`} label="Ändra inställningar">
              <TextField
                name="equityCap"
                label="Tak för eget kapital (procent av medelstilldelningen)"
                inputmode="decimal"
                size={6}
                value={v.equityCap ?? plain(formatNumber(s.equityCapShare * 100, Number.isInteger(Math.round(s.equityCapShare * 1e6) / 1e4) ? 0 : 2))}
                error={e.equityCap}
              />
              <TextField
                name="equitySteps"
                label="Trappa efter medelstilldelningens storlek (valfri)"
                value={v.equitySteps ?? stepsText(s.equityCapSteps)}
                error={e.equitySteps}
                hint="Steg som ”från belopp: procent”, skilda med semikolon, t.ex. 20 000 000: 15; 40 000 000: 10. Tomt = taket ovan för alla storlekar."
              />
              <AmountField name="equityFloor" label="Golv för eget kapital (kronor)" value={v.equityFloor ?? (s.equityFloorOre === null ? '' : plain(formatKronor(s.equityFloorOre)))} error={e.equityFloor} hint="Lämna tomt om förbundet inte har något golv." />
              <TextField name="minCellSize" label="Minsta antal som visas i statistik" inputmode="numeric" size={4} value={v.minCellSize ?? String(s.minCellSize)} error={e.minCellSize} hint="Mindre antal döljs, så att ingen deltagare kan pekas ut." />
              <SubmitButton label="Spara inställningar" />
            </Form>
          </>
        ) : null}
      </Layout>
    );
  };

  app.get('/f/:federationId/installningar', async (c) => {
    requirePermission(c, 'economy:read');
    return c.html(await page(requireFederation(c), { notice: noticeOf(c), canWrite: c.get('ctx').can('economy:write') }));
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
    if (!steps.ok) errors.equitySteps = `Trappa: ${steps.message}`;
    if (!cap.ok) errors.equityCap = `Tak: ${cap.message}`;
    else if (cap.basisPoints === null) errors.equityCap = 'Ange taket i procent.';
    if (!floor.ok) errors.equityFloor = `Golv: ${floor.message}`;
    if (!cell.ok) errors.minCellSize = `Minsta antal: ${cell.message}`;
    else if (cell.value === null || cell.value < 1) errors.minCellSize = 'Ange minsta antal, 1 eller större.';
    if (!Object.keys(errors).length && cap.ok && floor.ok && cell.ok && steps.ok) {
      const change: Partial<FederationSettings> = { equityCapShare: cap.basisPoints! / 10000, equityCapSteps: steps.steps, equityFloorOre: floor.ore, minCellSize: cell.value! };
      try {
        await saveFederationSettings(db, federation.id, change, ctx.actor);
        return c.redirect(`/f/${federation.id}/installningar?klart=settings`, 303);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        Object.assign(errors, problemsToFieldErrors(e.problems, { equityCapShare: 'equityCap', equityCapSteps: 'equitySteps', equityFloorOre: 'equityFloor' }).fields);
      }
    }
    return c.html(await page(federation, { errors, values: form, canWrite: true }), 400);
  });
  return app;
};
