/**
 * `npx samordna import reference FILE`: loads a samordna-reference/1 file in ONE transaction — the förbund
 * (created if new), members (added or their kind updated), years with their facts, contributions, budget and
 * revisions (replaced for each year in the file), outcome (replaced; see the convention below) and
 * summary-only years. Nothing is written unless everything is valid.
 *
 * Outcome convention: the reference gives the year's total per line, stored as ONE entry per line in month 12
 * with source 'reference' (so a forecast "through December" equals the outcome).
 */
import { readFile, stat } from 'node:fs/promises';
import { formatNumber } from '../../core/format.ts';
import { basename } from 'node:path';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError } from '../../core/errors.ts';
import type { Section } from '../../core/economy/types.ts';
import { ensureFederation, setFederationCounty } from '../../services/federations/federations.ts';
import { ensureBudgetLine, setBudgetLineOrder } from '../../services/economy/lines.ts';
import { upsertMembers } from '../../services/members/members.ts';
import { upsertFiscalYear, upsertYearSummary } from '../../services/economy/years.ts';
import { markYearClosed } from '../../services/economy/yearClosing.ts';
import { replaceContributions } from '../../services/economy/allocation.ts';
import { clearYearBudget, insertBudgetRevision, upsertBudgetAmount } from '../../services/economy/budget.ts';
import { replaceOutcome } from '../../services/economy/outcome.ts';
import { parseReference, type ReferenceData } from './parseReference.ts';

export interface ReferenceImportResult {
  readonly federationId: number;
  readonly federationName: string;
  readonly years: readonly number[];
}

/** Largest reference file read (the Västmanland file is 13 kB); a larger one is refused before it is read. */
export const MAX_REFERENCE_BYTES = 10 * 1024 * 1024;

/** Reads, validates and imports a file; InputError names the file, line and field. */
export async function importReferenceFile(db: Database, path: string, actor: Actor): Promise<ReferenceImportResult> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_REFERENCE_BYTES) {
      throw new InputError({ file: basename(path), message: `Filen är större än ${formatNumber(MAX_REFERENCE_BYTES / 1024 / 1024)} MB; en referensfil är några tiotal kB.` });
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file: basename(path), message: `Filen kan inte läsas: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
  return importReferenceText(db, text, basename(path), actor);
}

export async function importReferenceText(db: Database, text: string, file: string, actor: Actor): Promise<ReferenceImportResult> {
  const data = parseReference(text, file);
  return db.transaction((tx) => writeReference(tx, data), actor);
}

/** Writes validated data inside an open transaction (also used by the demo loader). */
export async function writeReference(tx: Queryable, data: ReferenceData): Promise<ReferenceImportResult> {
  const federationId = await ensureFederation(tx, data.federationName);
  if (data.county !== undefined) await setFederationCounty(tx, federationId, data.county);

  const memberIds = await upsertMembers(tx, federationId, data.members);

  // Lines in order of first appearance (outcome before budget: the driftredovisning's order).
  const order: { section: Section; label: string }[] = [];
  const seen = new Set<string>();
  for (const y of data.years) {
    for (const l of [...y.outcome, ...y.budget, ...y.budgetRevisions.flatMap((r) => r.lines)]) {
      const k = `${l.section}\u0000${l.label}`;
      if (!seen.has(k)) seen.add(k), order.push(l);
    }
  }
  const lineIds = new Map<string, number>();
  for (const [i, l] of order.entries()) {
    const id = await ensureBudgetLine(tx, federationId, l.section, l.label);
    await setBudgetLineOrder(tx, federationId, id, i + 1);
    lineIds.set(`${l.section}\u0000${l.label}`, id);
  }
  const lineId = (l: { section: Section; label: string }) => lineIds.get(`${l.section}\u0000${l.label}`)!;

  for (const y of data.years) {
    await upsertFiscalYear(tx, federationId, {
      year: y.year,
      allocationOre: y.allocationOre,
      ...(y.openingEquityOre !== undefined ? { openingEquityOre: y.openingEquityOre } : {}),
      ...(y.equityContributionsOre !== undefined ? { equityContributionsOre: y.equityContributionsOre } : {}),
      ...(y.totalAssetsOre !== undefined ? { totalAssetsOre: y.totalAssetsOre } : {}),
      ...(y.financial ? { financialIncomeOre: y.financial.incomeOre, financialCostOre: y.financial.costOre } : {}),
      ...(y.employees !== undefined ? { employees: y.employees } : {}),
    });
    await replaceContributions(
      tx,
      federationId,
      y.year,
      y.contributions.map((c) => ({ memberId: c.payer === null ? null : memberIds.get(c.payer)!, amountOre: c.amountOre })),
    );
    await clearYearBudget(tx, federationId, y.year);
    for (const l of y.budget) await upsertBudgetAmount(tx, federationId, y.year, { lineId: lineId(l), incomeOre: l.incomeOre, costOre: l.costOre });
    for (const r of y.budgetRevisions) {
      await insertBudgetRevision(tx, federationId, y.year, {
        decidedOn: r.decidedOn,
        decision: r.decision,
        lines: r.lines.map((l) => ({ lineId: lineId(l), incomeOre: l.incomeOre, costOre: l.costOre })),
      });
    }
    await replaceOutcome(
      tx,
      federationId,
      y.year,
      'reference',
      y.outcome.map((l) => ({ lineId: lineId(l), month: 12, incomeOre: l.incomeOre, costOre: l.costOre })),
    );
    // A published report's year is the year's outcome: it arrives closed (bokslut), so nothing is forecast.
    await markYearClosed(tx, federationId, y.year);
  }
  for (const s of data.yearSummaries) await upsertYearSummary(tx, federationId, s);
  return { federationId, federationName: data.federationName, years: data.years.map((y) => y.year) };
}
