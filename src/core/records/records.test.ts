import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../errors.ts';
import { formatRegistryNumber, parseRegistryEntryInput, parseRegistryNumber, parseSecrecySection, publicView } from './registry.ts';
import { disposableThrough, mayDispose, parseDocumentClassInput, planTemplate, recordKinds } from './plan.ts';
import { riskLevel, riskScore } from './internalControl.ts';
import { accessibilityStatement, diggReportUrl } from './accessibility.ts';

const valid = { date: '2026-03-02', direction: 'in', party: 'Försäkringskassan', subject: 'Ansökan', documentClass: '1.2', secrecy: null };

describe('registry rules', () => {
  it('numbers read and print as YYYY/N', () => {
    expect(formatRegistryNumber(2026, 14)).toBe('2026/14');
    expect(parseRegistryNumber(' 2026 / 14 ')).toEqual({ year: 2026, number: 14 });
    for (const bad of ['2026-14', '26/14', '2026/0', '1999/3', '2026/', 'x']) expect(parseRegistryNumber(bad)).toBeNull();
  });

  it('a secrecy marking names chapter and section of OSL', () => {
    expect(parseSecrecySection('21 kap. 7 §')).toBe('21 kap. 7 § OSL');
    expect(parseSecrecySection('26 kap.  1 § OSL')).toBe('26 kap. 1 § OSL');
    expect(parseSecrecySection('sekretess')).toBeNull();
    expect(parseSecrecySection('§ 7')).toBeNull();
  });

  it('reads a valid entry and refuses every bad field at once', () => {
    expect(parseRegistryEntryInput(valid)).toMatchObject({ date: '2026-03-02', direction: 'in', documentClass: '1.2', secrecy: null, caseNumber: null });
    try {
      parseRegistryEntryInput({ date: '2026-13-01', direction: 'sideways', party: '', subject: '', secrecy: { section: 'x' }, caseNumber: '14' });
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems.map((p) => p.field).sort()).toEqual(['caseNumber', 'date', 'direction', 'party', 'secrecy', 'subject']);
    }
  });

  it('the public view withholds a secret subject', () => {
    expect(publicView({ number: '2026/1', date: '2026-01-01', direction: 'in', party: 'Region', subject: 'Hemligt', secrecySection: '21 kap. 1 § OSL' }).subject).toBeNull();
    expect(publicView({ number: '2026/1', date: '2026-01-01', direction: 'in', party: 'Region', subject: 'Öppet', secrecySection: null }).subject).toBe('Öppet');
  });

  it('property: any input is either read or refused with InputError; a personnummer in any text field is always refused', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('date', 'direction', 'party', 'subject', 'officer', 'documentClass', 'caseNumber', 'secrecy'), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object())), (raw) => {
        try {
          parseRegistryEntryInput(raw);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('party', 'subject', 'officer'), fc.constantFrom('19811228-9874', '811228 9874', '8112289874', 'D-7KQM-X3TA'), fc.string({ maxLength: 20 }), (field, id, pad) => {
        expect(() => parseRegistryEntryInput({ ...valid, [field]: `${pad} ${id} ${pad}` })).toThrow(InputError);
      }),
    );
  });
});

describe('plan rules', () => {
  it('the template covers every record kind of Samordna once, and its classes read back', () => {
    expect(planTemplate.map((c) => c.recordKind).sort()).toEqual([...recordKinds].sort());
    for (const c of planTemplate) expect(parseDocumentClassInput({ ...c, retentionYears: c.retentionYears ?? '' })).toEqual(c);
  });

  it('N years count from the end of the record’s year; kept and "vid inaktualitet" classes have no date', () => {
    expect(disposableThrough({ retention: 'years', retentionYears: 7 }, 2026)).toBe('2018-12-31');
    expect(disposableThrough({ retention: 'keep', retentionYears: null }, 2026)).toBeNull();
    expect(disposableThrough({ retention: 'obsolete', retentionYears: null }, 2026)).toBeNull();
    expect(mayDispose({ retention: 'keep' })).toBe(false);
    expect(() => parseDocumentClassInput({ code: '9', name: 'X', retention: 'years', retentionYears: '' })).toThrow(/Antal år/);
  });
});

describe('internal control and accessibility', () => {
  it('risk = probability × consequence in four bands', () => {
    expect([riskScore(1, 3), riskScore(2, 3), riskScore(3, 3), riskScore(4, 4)].map(riskLevel)).toEqual(['low', 'medium', 'high', 'very_high']);
  });

  it('the statement states compliance from the audit: violations → inte förenlig, exceptions only → delvis förenlig', () => {
    const fields = { contactEmail: 'kansli@example.se', contactPhone: '', responseDays: 5, knownExceptions: 'PDF-bilagor från 2019 saknar taggar.', assessedOn: null };
    const audit = { tool: 'axe', checkedOn: '2026-12-07', pages: [{ label: 'Diariet', path: '/diarium/ID' }], violations: [], knownExceptions: [] };
    const s = accessibilityStatement('Förbundet', fields, audit, '2026-12-08');
    expect(s).toMatchObject({ compliance: 'delvis förenlig', notAccessible: ['PDF-bilagor från 2019 saknar taggar.'], diggReportUrl, assessedOn: '2026-12-07', updatedOn: '2026-12-08' });
    expect(accessibilityStatement('F', { ...fields, knownExceptions: '' }, audit, '2026-12-08').compliance).toBe('helt förenlig');
    expect(accessibilityStatement('F', fields, { ...audit, violations: [{ rule: 'color-contrast', page: 'Diariet', description: 'Låg kontrast' }] }, '2026-12-08').compliance).toBe('inte förenlig');
  });
});
