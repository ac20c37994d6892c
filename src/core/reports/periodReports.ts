/**
 * The delårsrapport (interim report, RKR R17 parts) and the board pack (handlingar till styrelsemötet) as
 * documents: pure, from loaded facts (./facts.ts). Economy per section and line in tkr (each line and
 * subtotal rounded separately), the forecast with its method stated, equity outlook, goals so far, participants
 * so far; the board pack adds consumption per intervention and the decision items, one bookmark per item.
 */
import { bold, cell, cellNumber, cellPercent, doc, heading, italic, para, section, small, table, toc, type CellInput, type RowInput } from '../documents/build.ts';
import type { Block, Doc } from '../documents/model.ts';
import type { OperatingStatement, StatementFigures } from '../economy/operatingStatement.ts';
import { sectionLabels } from '../economy/types.ts';
import { formatMonthsFromJanuary, formatPercent, formatWholePercent, tkrText } from '../format.ts';
import { oreToTkr } from '../rounding.ts';
import { goalsSummary, goalsTable, missing, narrative, notYetPublished, statTable } from './common.ts';
import type { BoardPackFacts, ConsumptionFact, InterimReportFacts, PeriodEconomy, PeriodReportFacts } from './facts.ts';

const num = (ore: number | null): CellInput => (ore === null ? null : cellNumber(oreToTkr(ore)));
const netOf = (f: StatementFigures | undefined, which: 'outcome' | 'budget'): number => (f ? f[which].incomeOre - f[which].costOre : 0);

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function periodLabel(year: number, throughMonth: number): string {
  return `${formatMonthsFromJanuary(throughMonth)} ${year}`;
}

/**
 * Rows per section and line: net figures in tkr (costs negative), from the period statement and the full-year
 * statement. `columns` picks which figures.
 */
function economyRows(e: PeriodEconomy, columns: readonly ('toDate' | 'budgetToDate' | 'deviationToDate' | 'budgetYear' | 'forecastYear' | 'deviationYear')[]): RowInput[] {
  const rows: RowInput[] = [];
  const toDateBy = new Map(e.toDate.sections.flatMap((s) => s.lines.map((l) => [l.line.id, l.figures] as const)));
  const value = (k: (typeof columns)[number], period: StatementFigures | undefined, year: StatementFigures | undefined): CellInput => {
    switch (k) {
      case 'toDate':
        return num(netOf(period, 'outcome'));
      case 'budgetToDate':
        return num(netOf(period, 'budget'));
      case 'deviationToDate':
        return num(period ? period.deviationOre : 0);
      case 'budgetYear':
        return num(netOf(year, 'budget'));
      case 'forecastYear':
        return num(netOf(year, 'outcome'));
      case 'deviationYear':
        return num(year ? year.deviationOre : 0);
    }
  };
  for (const s of e.fullYear.sections) {
    const period = e.toDate.sections.find((x) => x.section === s.section);
    if (!s.lines.length && !period?.lines.length) continue;
    rows.push([cell(bold(sectionLabels[s.section])), ...columns.map(() => null)]);
    for (const l of s.lines) rows.push([l.line.label, ...columns.map((k) => value(k, toDateBy.get(l.line.id), l.figures))]);
    rows.push({ cells: [s.subtotalLabel, ...columns.map((k) => value(k, period?.subtotal, s.subtotal))], emphasis: 'subtotal' });
  }
  rows.push({ cells: ['Verksamhetens resultat', ...columns.map((k) => value(k, e.toDate.total, e.fullYear.total))], emphasis: 'total' });
  return rows;
}

const columnHeaders: Record<string, string> = {
  toDate: 'Utfall hittills',
  budgetToDate: 'Budget hittills',
  deviationToDate: 'Avvikelse hittills',
  budgetYear: 'Budget helår',
  forecastYear: 'Prognos helår',
  deviationYear: 'Avvikelse prognos−budget',
};

function economyTable(e: PeriodEconomy, columns: Parameters<typeof economyRows>[1], caption: string, id: string): Block {
  return table({
    caption,
    unit: 'Belopp i tkr',
    id,
    columns: [{ header: 'Budgetpost', width: 4, align: 'left' }, ...columns.map((k) => ({ header: columnHeaders[k]!, align: 'right' as const }))],
    rows: economyRows(e, columns),
  });
}

function forecastBlocks(e: PeriodEconomy, year: number): Block[] {
  const k = e.forecastKeyFigures;
  const budgetNet = e.fullYear.total.budget.incomeOre - e.fullYear.total.budget.costOre;
  return [
    para(`Period: ${e.periodLabel}.`),
    para(e.forecastMethod),
    para(
      e.complete
        ? `Verksamhetens resultat ${year} blev ${tkrText(k.operatingResultOre)} mot budgeterade ${tkrText(budgetNet)}; årets resultat efter finansiella poster är ${tkrText(k.resultOre)}.`
        : `Prognosen för verksamhetens resultat ${year} är ${tkrText(k.operatingResultOre)} mot budgeterade ${tkrText(budgetNet)}; ` +
            `årets resultat efter finansiella poster beräknas till ${tkrText(k.resultOre)}.`,
    ),
    table({
      caption: `Nyckeltal, prognos för helåret ${year}`,
      id: 'tabell-nyckeltal',
      columns: [{ header: 'Nyckeltal', width: 4, align: 'left' }, { header: 'Prognos', align: 'right' }],
      rows: [
        ['Verksamhetens intäkter (tkr)', num(k.operatingIncomeOre)],
        ['Verksamhetens kostnader (tkr)', num(-k.operatingCostOre)],
        ['Årets resultat (tkr)', num(k.resultOre)],
        ['Direkta insatskostnader av verksamhetens kostnader', k.directCostShare === null ? cell('–', { align: 'right' }) : cellPercent(k.directCostShare)],
        ['Eget kapital vid årets slut (tkr)', num(k.equityClosingOre)],
        ['Eget kapital av medelstilldelningen', k.equityShareOfAllocation === null ? cell('–', { align: 'right' }) : cellPercent(k.equityShareOfAllocation)],
      ],
    }),
  ];
}

function equityBlocks(e: PeriodEconomy): Block[] {
  const q = e.equity;
  if (q.equityClosingOre === null) return [missing('Ingående eget kapital')];
  const words: Record<typeof q.status, string> = { above_cap: 'över taket', below_floor: 'under golvet', within: 'inom tak och golv', unknown: 'kan inte bedömas' };
  return [
    para(
      `Med prognosen blir det egna kapitalet vid årets slut ${tkrText(q.equityClosingOre)}` +
        (q.shareOfAllocation !== null ? ` (${formatPercent(q.shareOfAllocation)} av medelstilldelningen)` : '') +
        `, vilket är ${words[q.status]}` +
        (q.capOre !== null ? ` (tak ${formatPercent(q.capShare)} = ${tkrText(q.capOre)}` + (q.floorOre !== null ? `, golv ${tkrText(q.floorOre)})` : ')') : '') +
        '.',
    ),
  ];
}

function goalBlocks(f: PeriodReportFacts): Block[] {
  return f.goals.length ? [para(goalsSummary(f.goals)), goalsTable(f.goals, `Mål och bedömning hittills ${f.year}`)] : [missing('Mål med bedömning')];
}

function participantBlocks(f: PeriodReportFacts): Block[] {
  const s = f.participants;
  if (!s && f.participantsPublishedFrom) return [notYetPublished(f.year, f.participantsPublishedFrom)];
  if (!s || s.byIntervention.total === 0) return [missing('Deltagarstatistik')];
  return [
    statTable(s.byIntervention, 'tabell-deltagare'),
    statTable(s.flowByGender),
    small(`Publicerad deltagarstatistik ${f.year}. – = dolt: färre än ${s.minCellSize} personer, eller en cell som annars skulle kunna räknas fram ur summorna.`),
  ];
}

function consumptionBlocks(c: readonly ConsumptionFact[], caption: string): Block[] {
  if (!c.length) return [missing('Beslut om medel och rekvisitioner per insats')];
  return [
    table({
      caption,
      unit: 'Belopp i tkr',
      id: 'tabell-forbrukning',
      columns: [{ header: 'Insats', width: 4 }, { header: 'Beslutade medel', align: 'right' }, { header: 'Rekvirerat hittills', align: 'right' }, { header: 'Förbrukning', align: 'right' }],
      rows: c.map((x) => [
        x.intervention,
        num(x.decidedOre),
        num(x.usedOre),
        x.ratePercent === null ? cell('–', { align: 'right' }) : cell(formatWholePercent(x.ratePercent), { align: 'right' }),
      ]),
    }),
  ];
}

export function buildInterimReport(f: InterimReportFacts): Doc {
  const e = f.economy;
  const period = periodLabel(f.year, f.throughMonth);
  const end = `${f.year}-${String(f.throughMonth).padStart(2, '0')}-${String(lastDay(f.year, f.throughMonth)).padStart(2, '0')}`;
  const blocks: Block[] = [
    heading(1, `Delårsrapport ${period}`, { excludeFromToc: true, id: 'titel' }),
    para(bold(f.federation.name)),
    para(`Perioden ${f.year}-01-01 – ${end}.`),
    toc({ maxLevel: 2 }),
    section(
      'Ekonomiskt utfall för perioden',
      e ? [para(e.budgetProfileNote), economyTable(e, ['toDate', 'budgetToDate', 'deviationToDate'], `Utfall och budget ${period}`, 'tabell-utfall')] : [missing('Utfall och budget')],
      { number: '1', id: 'kap-utfall', pageBreakBefore: true },
    ),
    section('Prognos för helåret', e ? [...forecastBlocks(e, f.year), economyTable(e, ['budgetYear', 'forecastYear', 'deviationYear'], `Prognos och budget ${f.year}`, 'tabell-prognos')] : [missing('Prognos')], {
      number: '2',
      id: 'kap-prognos',
    }),
    section('Eget kapital', e ? equityBlocks(e) : [missing('Eget kapital')], { number: '3', id: 'kap-eget-kapital' }),
    section('Måluppfyllelse hittills', goalBlocks(f), { number: '4', id: 'kap-mal' }),
    section('Deltagare hittills', participantBlocks(f), { number: '5', id: 'kap-deltagare' }),
  ];
  return doc(
    {
      title: `Delårsrapport ${period} – ${f.federation.name}`,
      author: f.federation.name,
      subject: `Delårsrapport för perioden ${period}`,
      keywords: ['delårsrapport', 'samordningsförbund', String(f.year)],
      runningHeader: `${f.federation.name} – Delårsrapport ${period}`,
      ...(f.created ? { created: f.created } : {}),
    },
    blocks,
  );
}

export function buildBoardPack(f: BoardPackFacts): Doc {
  const e = f.economy;
  const title = `Handlingar till styrelsemötet ${f.meetingDate}`;
  const items: Block[] = f.decisionItems.length
    ? f.decisionItems.map((d, i) =>
        section(
          d.title,
          [...narrative(d.body, 3), ...(d.proposal ? [para(bold('Förslag till beslut: '), d.proposal)] : [])],
          { number: `5.${i + 1}`, id: `arende-${i + 1}` },
        ),
      )
    : [para(italic('Inga ärenden för beslut är registrerade för mötet.'))];
  const period = e ? periodLabel(f.year, e.throughMonth) : String(f.year);
  const blocks: Block[] = [
    heading(1, title, { excludeFromToc: true, id: 'titel' }),
    para(bold(f.federation.name)),
    ...(f.meetingNote ? [para(f.meetingNote)] : []),
    toc({ maxLevel: 2 }),
    section(
      'Ekonomi per avsnitt och budgetpost',
      e
        ? [
            para(`Utfall ${period}, budget och prognos för helåret ${f.year}. Period: ${e.periodLabel}.`),
            para(e.forecastMethod),
            economyTable(e, ['toDate', 'budgetYear', 'forecastYear', 'deviationYear'], `Ekonomi ${f.year}`, 'tabell-ekonomi'),
            ...equityBlocks(e),
          ]
        : [missing('Utfall och budget')],
      { number: '1', id: 'kap-ekonomi', pageBreakBefore: true },
    ),
    section('Förbrukning per insats', consumptionBlocks(f.consumption, `Beslutade och rekvirerade medel ${f.year} till och med ${f.meetingDate}`), { number: '2', id: 'kap-forbrukning' }),
    section('Deltagare hittills', participantBlocks(f), { number: '3', id: 'kap-deltagare' }),
    section('Mål', goalBlocks(f), { number: '4', id: 'kap-mal' }),
    section('Ärenden för beslut', items, { number: '5', id: 'kap-arenden', pageBreakBefore: true }),
  ];
  return doc(
    {
      title: `${title} – ${f.federation.name}`,
      author: f.federation.name,
      subject: title,
      keywords: ['styrelsemöte', 'handlingar', f.meetingDate],
      runningHeader: `${f.federation.name} – ${title}`,
      ...(f.created ? { created: f.created } : {}),
    },
    blocks,
  );
}

export type { OperatingStatement };
