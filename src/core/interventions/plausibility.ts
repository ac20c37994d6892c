import type { InputProblem } from '../errors.ts';
import { formatKronor } from '../format.ts';
import { maxOre } from '../input/index.ts';
import { yearOf } from '../calendar.ts';

/**
 * Plausibility of what is recorded about an intervention: typing errors caught before they become figures.
 * Pure: the caller gives today's date and the facts from the database. Each rule returns Swedish problems
 * (empty when plausible); writes with problems are refused.
 */

/** 10 000 000 000 kr in öre: no amount in a samordningsförbund comes near it (the boundary parser's limit). */
export const maxAmountOre = maxOre;
/** More than 2 full-time positions in one staffing row is a typing error (write one row per person/role). */
export const maxFtePerRole = 2;

export function amountProblems(field: string, label: string, ore: number | null): InputProblem[] {
  return ore !== null && Math.abs(ore) > maxAmountOre ? [{ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} är orimligt stort (över 10 000 000 000 kr).` }] : [];
}

/** One year after today (ISO), the latest date that may be recorded. */
export function latestPlausibleDate(today: string): string {
  const y = yearOf(today) + 1;
  const md = today.slice(5);
  return `${y}-${md === '02-29' ? '02-28' : md}`;
}

/**
 * A date of something done in an intervention (requisition, participation start, activity): not before the
 * intervention starts and not more than a year ahead.
 */
export function interventionDateProblems(field: string, label: string, date: string | null, periodStart: string | null, today: string): InputProblem[] {
  if (!date) return [];
  if (periodStart && date < periodStart) return [{ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} (${date}) är före insatsens start (${periodStart}).` }];
  const latest = latestPlausibleDate(today);
  if (date > latest) return [{ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} (${date}) ligger mer än ett år fram i tiden.` }];
  return [];
}

/** A decision date: not more than a year ahead (a decision may precede the intervention's start). */
export function decisionDateProblems(field: string, date: string | null, today: string): InputProblem[] {
  return date && date > latestPlausibleDate(today) ? [{ field, message: `Beslutsdatum (${date}) ligger mer än ett år fram i tiden.` }] : [];
}

/** The year's requisitions may not exceed what was granted for the year. */
export function requisitionProblems(field: string, year: number, grantedOre: number, requisitionedOre: number): InputProblem[] {
  if (requisitionedOre <= grantedOre) return [];
  const kr = formatKronor;
  return [
    {
      field,
      message:
        grantedOre === 0
          ? `Det finns inget beslut om medel för ${year}. Registrera beslutet först.`
          : `Rekvisitionerna ${year} blir ${kr(requisitionedOre)} kr, mer än beslutade medel (${kr(grantedOre)} kr).`,
    },
  ];
}

export function fteProblems(field: string, fte: number | null): InputProblem[] {
  return fte !== null && fte > maxFtePerRole ? [{ field, message: `Tjänstgöringsgraden får vara högst ${maxFtePerRole} per rad (heltid = 1,0).` }] : [];
}
