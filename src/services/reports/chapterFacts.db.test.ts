import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { loadDemoIfEmpty } from '../demo/index.ts';
import { demoSteps } from '../../cli/demo.ts';
import { getFederationByName } from '../federations/federations.ts';
import { addControlPoint, addControlResult, addRisk } from '../records/internalControl.ts';
import { valueReportOf } from '../value/valueReport.ts';
import { loadInternalControl, loadValuePerMember } from './facts.ts';

/** The annual report's chapters from parts 15 and 16 read the figures those parts compute, nothing of their own. */
describe('the annual report chapters on internal control and value per member', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  const actor = { id: 'kansli@test' };
  beforeAll(async () => {
    db = await createTestDb();
    await loadDemoIfEmpty(db, demoSteps);
    fid = (await getFederationByName(db, 'Samordningsförbundet Västmanland')).id;
  });
  afterAll(() => db?.drop());

  it('internal control: no plan, no chapter; a plan gives each control point with its results, or says it was not checked', async () => {
    expect(await loadInternalControl(db, fid, 2025)).toBeNull();
    const risk = await addRisk(db, fid, 2025, { description: 'Felaktiga utbetalningar', probability: 2, consequence: 4 }, actor);
    const checked = await addControlPoint(db, fid, 2025, { riskId: risk, what: 'Attest av fakturor', how: 'Stickprov', frequency: 'Halvår', responsible: 'Förbundschef', reportToBoard: 'Oktober' }, actor);
    await addControlPoint(db, fid, 2025, { riskId: null, what: 'Delegationsbeslut anmälda', how: 'Genomgång', frequency: 'Årligen', responsible: 'Kansliet', reportToBoard: 'December' }, actor);
    await addControlResult(db, fid, 2025, checked, { checkedOn: '2025-09-30', finding: 'Inga avvikelser', action: 'Ingen åtgärd' }, actor);
    expect(await loadInternalControl(db, fid, 2025)).toEqual({
      checks: [
        { area: 'Felaktiga utbetalningar', control: 'Attest av fakturor (Stickprov, Halvår; Förbundschef)', result: '2025-09-30: Inga avvikelser', action: 'Ingen åtgärd' },
        { area: 'Delegationsbeslut anmälda', control: 'Delegationsbeslut anmälda (Genomgång, Årligen; Kansliet)', result: 'Ingen kontroll registrerad under året.', action: '' },
      ],
    });
  });

  it('value per member: the value report per member kind, or no chapter when the report is hidden', async () => {
    const report = await valueReportOf(db, fid, 2025);
    const facts = await loadValuePerMember(db, fid, 2025);
    if (report.hidden || !report.byMemberKind) {
      expect(facts).toBeNull();
    } else {
      expect(facts!.rows.map((r) => r.valueOre)).toEqual([report.byMemberKind.state.year1 * 100, report.byMemberKind.region.year1 * 100, report.byMemberKind.municipalities.year1 * 100]);
      expect(facts!.rows.map((r) => r.contributionOre)).toEqual([report.byMemberKind.state.costShare! * 100, report.byMemberKind.region.costShare! * 100, report.byMemberKind.municipalities.costShare! * 100]);
    }
    // A year with nothing ended and no cost has no chapter.
    expect(await loadValuePerMember(db, fid, 2030)).toBeNull();
  });
});
