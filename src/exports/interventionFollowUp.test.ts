import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { computeParticipantStatistics } from '../core/statistics/participantStatistics.ts';
import type { ParticipationFacts } from '../core/interventions/participation.ts';
import { followUpCsv, followUpFileName, followUpXlsx } from './interventionFollowUp.ts';
import { statTablesCsv } from './statTableExport.ts';

const p = (gender: ParticipationFacts['gender'], startDate: string, endDate: string | null = null): ParticipationFacts => ({
  interventionId: 1, gender, ageBand: '30-39', homeMunicipality: null, referringMemberId: null, supportBefore: 'income_support',
  supportDuration: 'gt4', education: 'compulsory', startDate, endDate, exitOutcome: endDate ? 'work' : null, supportAfter: null,
});

// 12 women and 7 men active in 2025; 3 men ended (hidden, and so is a second cell of that row).
const list = [
  ...Array.from({ length: 12 }, () => p('woman', '2024-05-01')),
  ...Array.from({ length: 4 }, () => p('man', '2024-05-01')),
  ...Array.from({ length: 3 }, () => p('man', '2024-05-01', '2025-06-30')),
];
const stats = computeParticipantStatistics(list, { year: 2025, minCellSize: 5, interventions: [{ id: 1, name: 'Samordningsteam Sala' }] });

describe('national follow-up export', () => {
  it('writes participants by gender, active/new/ended, in CSV with hidden cells as "–"', () => {
    const csv = followUpCsv('Samordningsteam Sala', stats);
    const lines = csv.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Uppföljning 2025: Samordningsteam Sala – deltagare efter kön (aktiva, nya, avslutade)');
    expect(lines[3]).toBe('Deltagare;Kvinna;Man;Annat;Uppgift saknas;Totalt');
    expect(lines[4]).toBe('Aktiva;12;7;0;0;19');
    expect(lines[5]).toBe('Nya;0;0;0;0;0');
    expect(lines[6]).toBe('Avslutade;0;–;0;0;–');
    expect(csv).toContain('– = dolt: färre än 5 personer');
  });

  it('writes the same table to XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await followUpXlsx('Samordningsteam Sala', stats)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(5).values).toEqual([undefined, 'Aktiva', 12, 7, 0, 0, 19]);
    expect(ws.getRow(7).getCell(3).value).toBe('–');
  });

  it('defuses text that Excel would run as a formula', () => {
    const evil = computeParticipantStatistics(list, { year: 2025, minCellSize: 5, interventions: [{ id: 1, name: '=HYPERLINK("http://x")' }] });
    const csv = statTablesCsv('T', [evil.byIntervention], 5);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";`);
  });

  it('makes a safe file name', () => {
    expect(followUpFileName('Samordningsteam Västerås', 2025, 'csv')).toBe('uppfoljning-2025-samordningsteam-vasteras.csv');
  });
});
