/**
 * Internal control (internkontroll) as rules: a risk is scored probability × consequence (each 1–4, so
 * 1–16), and the score places it in the usual risk matrix; a control point says what is checked, how, how
 * often, by whom and when it is reported to the board; a result records the finding and the action.
 */
import { InputError, type InputProblem } from '../errors.ts';
import { parseInteger, parseIsoDate, parseText } from '../input/index.ts';
import { identityProblems } from '../privacy/identityGuard.ts';

export const scaleLabels: Record<number, string> = { 1: 'Låg', 2: 'Möjlig', 3: 'Sannolik', 4: 'Mycket sannolik' };
export const consequenceLabels: Record<number, string> = { 1: 'Försumbar', 2: 'Lindrig', 3: 'Kännbar', 4: 'Allvarlig' };

export function riskScore(probability: number, consequence: number): number {
  return probability * consequence;
}

/** The matrix's bands: 1–3 low, 4–6 medium, 8–9 high, 12–16 very high. */
export function riskLevel(score: number): 'low' | 'medium' | 'high' | 'very_high' {
  return score <= 3 ? 'low' : score <= 6 ? 'medium' : score <= 9 ? 'high' : 'very_high';
}
export const riskLevelLabels = { low: 'Låg risk', medium: 'Måttlig risk', high: 'Hög risk', very_high: 'Mycket hög risk' } as const;

type Raw = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim();

function reader(raw: Raw) {
  const problems: InputProblem[] = [...identityProblems(raw)];
  const text = (field: string, label: string, max: number, required = true) => {
    const s = str(raw[field]);
    if (required && !s) {
      problems.push({ field, message: `Ange ${label}.` });
      return '';
    }
    const r = parseText(s, { maxLength: max });
    if (!r.ok) problems.push({ field, message: r.message });
    return r.ok ? r.value : '';
  };
  const scale = (field: string, label: string) => {
    const r = parseInteger(str(raw[field]), { min: 1, max: 4 });
    if (!r.ok) problems.push({ field, message: `${label}: ange 1–4.` });
    return r.ok ? r.value : 1;
  };
  const date = (field: string, label: string) => {
    const r = parseIsoDate(str(raw[field]));
    if (!r.ok) problems.push({ field, message: `${label}: ${r.message}` });
    return r.ok ? r.value : '';
  };
  const done = () => {
    if (problems.length) throw new InputError(problems);
  };
  return { text, scale, date, done };
}

export interface RiskInput {
  readonly description: string;
  readonly probability: number;
  readonly consequence: number;
}
export function parseRiskInput(raw: Raw): RiskInput {
  const r = reader(raw);
  const out = { description: r.text('description', 'risken', 1000), probability: r.scale('probability', 'Sannolikhet'), consequence: r.scale('consequence', 'Konsekvens') };
  r.done();
  return out;
}

export interface ControlPointInput {
  readonly riskId: number | null;
  readonly what: string;
  readonly how: string;
  readonly frequency: string;
  readonly responsible: string;
  readonly reportToBoard: string;
}
export function parseControlPointInput(raw: Raw): ControlPointInput {
  const r = reader(raw);
  const riskRaw = str(raw.riskId);
  const risk = riskRaw ? parseInteger(riskRaw, { min: 1, max: 2_147_483_647 }) : null;
  const out = {
    riskId: risk && risk.ok ? risk.value : null,
    what: r.text('what', 'vad som kontrolleras', 1000),
    how: r.text('how', 'hur det kontrolleras', 1000),
    frequency: r.text('frequency', 'hur ofta', 200),
    responsible: r.text('responsible', 'vem som kontrollerar', 200),
    reportToBoard: r.text('reportToBoard', 'när det rapporteras till styrelsen', 200),
  };
  r.done();
  return out;
}

export interface ControlResultInput {
  readonly checkedOn: string;
  readonly finding: string;
  readonly action: string;
}
export function parseControlResultInput(raw: Raw): ControlResultInput {
  const r = reader(raw);
  const out = { checkedOn: r.date('checkedOn', 'Kontrollerad'), finding: r.text('finding', 'iakttagelsen', 2000), action: r.text('action', 'åtgärd', 2000, false) };
  r.done();
  return out;
}

export interface AdoptionInput {
  readonly adoptedOn: string;
  readonly reference: string;
}
export function parsePlanAdoption(raw: Raw): AdoptionInput {
  const r = reader(raw);
  const out = { adoptedOn: r.date('adoptedOn', 'Antagen'), reference: r.text('reference', 'beslutet (t.ex. Styrelsen 2026-02-12 § 5)', 500) };
  r.done();
  return out;
}
