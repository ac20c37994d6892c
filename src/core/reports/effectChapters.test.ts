import { describe, expect, it } from 'vitest';
import { documentText } from '../documents/walk.ts';
import { doc, section } from '../documents/build.ts';
import { valueReport, type TransitionCount, type UnitCost } from '../value/valueModel.ts';
import { valueChapterBlocks } from './effectChapters.ts';

const table: UnitCost[] = [{ supportSource: 'income_support', payer: 'kommun', annualOre: 100_000_00, source: 'test' }];
const five: TransitionCount[] = [{ interventionId: 1, before: 'income_support', after: 'salary', n: 5 }];
const params = { persistence: 0.5, discount: 0.035 };

describe('the value chapter', () => {
  it('prints the effect per payer and the net per member kind, the intervention hidden when small', () => {
    const federation = valueReport(five, table, params, 1_000_000_00, { state: 0.5, region: 0.25, municipalities: 0.25 }, 5);
    const small = valueReport([{ ...five[0]!, n: 2 }], table, params, 200_000_00, null, 5);
    const text = documentText(doc({ title: 'T', author: 'A' }, [section('Värde', valueChapterBlocks(2025, 5, federation, [{ name: 'Lilla teamet', report: small }], params))])).join(' ').replace(/\s/g, ' ');
    // 5 × 100 000 = 500 000 kr for the municipality; 5 years × 1.88367744 = 941 838.72; share 250 000
    expect(text).toContain('Kommunen 500 000 941 839');
    expect(text).toContain('Kommunerna 941 839 250 000 691 839');
    expect(text).toContain('Lilla teamet – – –');
  });

  it('says the result is hidden when the förbund has too few', () => {
    const hidden = valueReport([{ ...five[0]!, n: 3 }], table, params, null, null, 5);
    const text = documentText(doc({ title: 'T', author: 'A' }, [section('Värde', valueChapterBlocks(2025, 5, hidden, [], params))])).join(' ').replace(/\s/g, ' ');
    expect(text).toContain('färre än 5 avslutade deltaganden');
  });
});
