/**
 * Chapters for the annual report and the board pack about what the money achieved: value per member, the
 * status 6 and 12 months after exit, and progression. Pure view models → document blocks; the report
 * builders (annual report, board pack) place them (see README, "Part 16").
 */
import { cell, cellNumber, italic, para, table, total, type CellInput } from '../documents/build.ts';
import type { Block } from '../documents/model.ts';
import { formatNumber } from '../format.ts';
import { memberKindLabels, memberKinds, payerLabels, payers, type ValueParameters, type ValueReport } from '../value/valueModel.ts';
import { raterLabels, type ProgressionAggregates } from '../interventions/progression.ts';
import type { StatTable } from '../statistics/statTable.ts';
import { statTable } from './common.ts';

export interface NamedValueReport {
  readonly name: string;
  readonly report: ValueReport;
}

const kr = (n: number | null): CellInput => (n === null ? cell('–', { align: 'right' }) : cellNumber(n));
const ratio = (n: number | null | undefined) => (n == null ? '–' : formatNumber(n, 2));

/** "Värde per medlem": the förbund's effect per payer, the net per member kind, each intervention's total, and the model's limits. */
export function valueChapterBlocks(year: number, minCellSize: number, federation: ValueReport, interventions: readonly NamedValueReport[], parameters: ValueParameters): Block[] {
  const blocks: Block[] = [
    para(
      `Grundmodellen jämför den offentliga kostnaden för deltagarnas försörjning före och efter insatsen (eller 12 månader efter, när det är registrerat), per betalare. ` +
        `Effekten över fem år räknas med varaktighet ${formatNumber(parameters.persistence, 2)} och diskonteringsränta ${formatNumber(parameters.discount * 100, 1)} %. ` +
        `Modellen tar inte hänsyn till vad som hade hänt utan insatsen, undanträngning eller andra kostnader än försörjningen.`,
    ),
  ];
  if (federation.hidden || !federation.byPayer || !federation.total || !federation.byMemberKind) {
    blocks.push(para(italic(`Resultatet för ${year} visas inte: det bygger på färre än ${minCellSize} avslutade deltaganden med känd försörjning före och efter.`)));
    return blocks;
  }
  blocks.push(
    table({
      caption: `Samhällsekonomisk effekt per betalare ${year}`,
      unit: 'Kronor; positivt = besparing',
      columns: [{ header: 'Betalare', width: 3 }, { header: '1 år' }, { header: '5 år' }],
      rows: [...payers.map((p) => [payerLabels[p], kr(federation.byPayer![p].year1), kr(federation.byPayer![p].year5)]), total(['Summa', kr(federation.total.year1), kr(federation.total.year5)])],
    }),
    para(`Kostnad ${year}: ${federation.cost === null ? 'saknas' : `${formatNumber(federation.cost)} kr`}. Avkastning per krona: ${ratio(federation.returnPerKrona?.year1)} efter ett år, ${ratio(federation.returnPerKrona?.year5)} efter fem år.`),
    table({
      caption: `Netto per medlemsslag ${year}: vem betalar och vem vinner`,
      unit: 'Kronor',
      columns: [{ header: 'Medlemsslag', width: 3 }, { header: 'Effekt 5 år' }, { header: 'Andel av kostnaden' }, { header: 'Netto 5 år' }],
      rows: memberKinds.map((k) => [memberKindLabels[k], kr(federation.byMemberKind![k].year5), kr(federation.byMemberKind![k].costShare), kr(federation.byMemberKind![k].net5)]),
    }),
  );
  if (interventions.length) {
    blocks.push(
      table({
        caption: `Effekt per insats ${year}`,
        unit: 'Kronor; – = dolt (för få deltaganden)',
        columns: [{ header: 'Insats', width: 3 }, { header: 'Effekt 1 år' }, { header: 'Effekt 5 år' }, { header: 'Avkastning per krona, 5 år' }],
        rows: interventions.map((i) => [i.name, kr(i.report.total?.year1 ?? null), kr(i.report.total?.year5 ?? null), cell(ratio(i.report.returnPerKrona?.year5), { align: 'right' })]),
      }),
    );
  }
  return blocks;
}

/** "Status 6 och 12 månader efter avslut": the two published tables (null: not part of the year's publication). */
export function followUpChapterBlocks(year: number, tables: { readonly status: StatTable; readonly work: StatTable } | null | undefined): Block[] {
  if (!tables) return [para(italic(`Uppföljningen 6 och 12 månader efter avslut ingår inte i publiceringen för ${year}.`))];
  return [para(`Uppföljningar som infaller under ${year}, efter vad insatspersonalen har registrerat. – = dolt (för få).`), statTable(tables.status), statTable(tables.work)];
}

/** "Progression": per intervention, each indicator's participations, mean change and the improved/unchanged/worsened table. */
export function progressionChapterBlocks(items: readonly { readonly name: string; readonly aggregates: ProgressionAggregates }[]): Block[] {
  const blocks: Block[] = [];
  for (const { name, aggregates: a } of items) {
    blocks.push(
      table({
        caption: `Progression ${a.year}: ${name} (${a.instrument.name})`,
        unit: '– = dolt (för få)',
        columns: [{ header: 'Indikator', width: 4 }, { header: 'Skattad av', width: 2 }, { header: 'Deltaganden' }, { header: 'Genomsnittlig förändring' }, { header: 'Förbättrat' }, { header: 'Oförändrat' }, { header: 'Försämrat' }],
        rows: a.indicators.map((i) => [
          i.indicator.label,
          raterLabels[i.rater],
          kr(i.n),
          cell(i.meanChange === null ? '–' : formatNumber(i.meanChange, 2), { align: 'right' }),
          ...i.changes.cells[0]!.map((v) => kr(v)),
        ]),
      }),
    );
  }
  return blocks;
}
