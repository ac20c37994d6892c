import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../core/errors.ts';
import { parseAuditFilter } from './auditLog.ts';

describe('parsing user input for the audit filter', () => {
  it('accepts every real date and refuses anything else with an InputError on the field', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseAuditFilter({ from: iso, to: iso })).toEqual({ from: iso, to: iso });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          const f = parseAuditFilter({ from: s });
          expect(f.from === undefined || /^\d{4}-\d{2}-\d{2}$/.test(f.from)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).problems[0]!.field).toBe('from');
        }
      }),
    );
  });

  it('refuses control characters in the free-text filters (a NUL gave a 500)', () => {
    for (const k of ['actor', 'table', 'text'] as const) {
      expect(() => parseAuditFilter({ [k]: 'a\u0000b' }), k).toThrow(InputError);
      expect(() => parseAuditFilter({ [k]: 'x\u001by' }), k).toThrow(InputError);
    }
  });

  it('refuses dates that do not exist', () => {
    for (const d of ['2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10']) expect(() => parseAuditFilter({ to: d }), d).toThrow(InputError);
    expect(parseAuditFilter({ to: '2024-02-29' })).toEqual({ to: '2024-02-29' });
  });

  it('keeps free-text filters as given (trimmed, at most 200 characters)', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[\u0000-\u001f\u007f]/.test(s.trim())), fc.string().filter((s) => !/[\u0000-\u001f\u007f]/.test(s.trim())), (actor, text) => {
        const f = parseAuditFilter({ actor, text });
        expect(f.actor ?? '').toBe(actor.trim().slice(0, 200));
        expect(f.text ?? '').toBe(text.trim().slice(0, 200));
      }),
    );
  });
});
