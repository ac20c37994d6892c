import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../../test/support/db.ts';
import { seedSmallFederation } from '../../../test/support/economy.ts';
import { createIntervention, updateIntervention, getIntervention } from '../interventions/interventions.ts';
import { insertParticipations } from '../interventions/participations.ts';
import { addActivity } from '../interventions/activities.ts';
import { finsamFollowUpReport, finsamReconciliation, markFinsamReported } from './finsamFollowUp.ts';
import { finsamFollowUpXlsx } from '../../exports/finsamFollowUpXlsx.ts';

const actor = { id: 'kansli@test.example' };

describe('the report to Uppföljning Finsam', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let team: number;
  beforeAll(async () => {
    db = await createTestDb();
    const seeded = await seedSmallFederation(db);
    fid = seeded.federationId;
    team = await createIntervention(db, fid, { name: 'Teamet', kind: 'individual', periodStart: '2025-01-01', budgetLineId: seeded.lines.team, capacity: '40', targetGroup: 'Unga vuxna', fkFollowUpMethod: 'Individnivå', esfFinanced: 'ja' }, actor);
    const p = { gender: 'man', ageBand: '25-29', homeMunicipality: null, referringMemberId: null, supportDuration: 'lt1', education: 'upper_secondary', supportBefore: 'income_support', startDate: '2025-02-01', endDate: null, exitOutcome: null, supportAfter: null } as const;
    await db.transaction((tx) => insertParticipations(tx, fid, team, Array.from({ length: 6 }, () => p)), actor);
    await addActivity(db, fid, { interventionId: String(team), year: '2025', name: 'Nätverksträff', participants: '14' }, actor);
  }, 120_000);
  afterAll(() => db?.drop());

  it('takes the förbund\'s figures from the year\'s figures and the participants from the published statistics', async () => {
    const r = await finsamFollowUpReport(db, fid, 2025);
    // allocation 1 000 000 kr; equity 100 000 + 1 000 000 − (150 000 + 650 000 + 100 000 + 150 000) = 50 000 kr; kansli 150 000 kr
    expect(r.federation).toEqual({ allocatedOre: 1_000_000_00, equityOre: 50_000_00, administrationBudgetOre: 150_000_00, administrationOutcomeOre: 150_000_00 });
    expect(r.interventions.map((i) => [i.name, i.orientation, i.budgetOre, i.outcomeOre, i.budgetedParticipants, i.targetGroup, i.followUpMethod, i.esf, i.participantsByGender])).toEqual([
      ['Teamet', 'individual', 600_000_00, 650_000_00, 40, 'Unga vuxna', 'Individnivå', true, [0, 6, 0, 0]],
      ['Teamet (strukturövergripande del)', 'structural', 0, 0, null, 'Unga vuxna', 'Individnivå', true, [0, 0, 0, 14]],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await finsamFollowUpXlsx('Samordningsförbundet Test', r)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samordningsförbundet', 'Insatser']);
    expect(wb.getWorksheet('Samordningsförbundet')!.getRow(4).values).toEqual([undefined, 'Eget kapital', 50_000]);
    expect((wb.getWorksheet('Insatser')!.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['Teamet', 'Individinriktad', 600_000, 650_000, 40]);
  });

  it('reconciles against what was last marked as reported', async () => {
    expect((await finsamReconciliation(db, fid, 2025, await finsamFollowUpReport(db, fid, 2025))).lastReported).toBeNull();
    await markFinsamReported(db, fid, 2025, actor);
    expect((await finsamReconciliation(db, fid, 2025, await finsamFollowUpReport(db, fid, 2025))).differences).toEqual([]);
    const i = await getIntervention(db, fid, team);
    await updateIntervention(db, fid, team, { name: i.name, kind: i.kind, periodStart: i.periodStart, budgetLineId: String(i.budgetLineId), capacity: '45', targetGroup: 'Unga vuxna', fkFollowUpMethod: i.fkFollowUpMethod, esfFinanced: 'ja' }, actor);
    const rec = await finsamReconciliation(db, fid, 2025, await finsamFollowUpReport(db, fid, 2025));
    expect(rec.lastReported?.by).toBe(actor.id);
    expect(rec.differences).toEqual([{ what: 'Teamet (Individinriktad): budgeterade deltagare', reported: '40', now: '45' }]);
  });
});
