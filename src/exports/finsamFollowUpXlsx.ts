import ExcelJS from 'exceljs';
import { Gender } from '../core/interventions/vocabulary.ts';
import { orientationLabels, type FinsamReport } from '../core/reports/finsamFollowUp.ts';

const kronor = (ore: number | null) => (ore === null ? null : Math.round(ore / 100));

/**
 * The report to Uppföljning Finsam as XLSX, in the order of FK's forms: sheet 1 the förbund's figures, sheet 2
 * the interventions (one row per intervention and orientation). Amounts in kronor; hidden counts are "–".
 */
export async function finsamFollowUpXlsx(federationName: string, report: FinsamReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samordna';
  const f = wb.addWorksheet('Samordningsförbundet');
  f.addRow([`Uppföljning Finsam ${report.year}: ${federationName}`]);
  f.addRow(['Uppgift', 'Kronor']);
  f.addRow(['Tilldelade medel', kronor(report.federation.allocatedOre)]);
  f.addRow(['Eget kapital', kronor(report.federation.equityOre)]);
  f.addRow(['Budget för administration', kronor(report.federation.administrationBudgetOre)]);
  f.addRow(['Utfall för administration', kronor(report.federation.administrationOutcomeOre)]);
  f.getColumn(1).width = 32;
  f.getColumn(2).width = 16;
  const s = wb.addWorksheet('Insatser');
  s.addRow(['Insats', 'Inriktning', 'Budget (kr)', 'Utfall (kr)', 'Budgeterat antal deltagare', 'Målgrupp', 'Uppföljningsmetod', 'ESF-finansierad', ...Gender.codes.map((g) => `Deltagare: ${Gender.label(g)}`)]);
  for (const r of report.interventions) {
    s.addRow([
      r.name,
      orientationLabels[r.orientation],
      kronor(r.budgetOre),
      kronor(r.outcomeOre),
      r.budgetedParticipants,
      r.targetGroup,
      r.followUpMethod || 'Ej angiven',
      r.esf ? 'Ja' : 'Nej',
      ...(r.participantsByGender ?? Gender.codes.map(() => null)).map((n) => (n === null ? '–' : n)),
    ]);
  }
  s.columns.forEach((c, i) => (c.width = i === 0 || i === 5 ? 36 : 16));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
