/**
 * The outcome file template (docs/outcome-template.md): one row per budget line and month.
 *   år | avsnitt | budgetpost | månad | intäkt | kostnad
 * Amounts in kronor (decimal comma or point, spaces as thousands separators, minus for credits);
 * "avsnitt" is the Swedish section name or its code; empty amount cells mean 0.
 */
import type { Table } from '../../core/table.ts';
import { sectionLabels, sections, type Section } from '../../core/economy/types.ts';

export const outcomeColumns = [
  { key: 'year', header: 'år' },
  { key: 'section', header: 'avsnitt' },
  { key: 'label', header: 'budgetpost' },
  { key: 'month', header: 'månad' },
  { key: 'income', header: 'intäkt' },
  { key: 'cost', header: 'kostnad' },
] as const;

export type OutcomeColumn = (typeof outcomeColumns)[number]['key'];

/** Section by its code or Swedish name (case-insensitive), or null. */
export function sectionFromText(text: string): Section | null {
  const t = text.trim().toLowerCase();
  for (const s of sections) if (s === t || sectionLabels[s].toLowerCase() === t) return s;
  const aliases: Record<string, Section> = { intäkt: 'income', administrativa: 'administration', 'administrativa kostnader': 'administration', individinsats: 'individual', strukturella: 'structural', 'strukturella insatser': 'structural', processtöd: 'process_support' };
  return aliases[t] ?? null;
}

/** The template as a table: headings plus one row per given line for month 1 (amounts empty). */
export function outcomeTemplateTable(year: number, lines: readonly { section: Section; label: string }[]): Table {
  return {
    title: `Utfall ${year}`,
    columns: [
      { key: 'year', header: 'år', kind: 'integer' },
      { key: 'section', header: 'avsnitt', kind: 'text' },
      { key: 'label', header: 'budgetpost', kind: 'text' },
      { key: 'month', header: 'månad', kind: 'integer' },
      { key: 'income', header: 'intäkt', kind: 'decimal', decimals: 2 },
      { key: 'cost', header: 'kostnad', kind: 'decimal', decimals: 2 },
    ],
    rows: lines.map((l) => ({ cells: { year, section: sectionLabels[l.section], label: l.label, month: 1, income: null, cost: null } })),
  };
}
