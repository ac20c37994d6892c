import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSie } from './testing/generate.ts';
import { applyMutation, mutationArb } from './testing/mutations.ts';
import { parseAndValidate } from './testing/parse-text.ts';

const file = generateSie({ transactionRows: 80, checksum: false });
const withChecksum = generateSie({ transactionRows: 80, checksum: true });

describe('SIE parsing of damaged files (property)', () => {
  it.each([['plain', file], ['with #KSUMMA', withChecksum]])('never crashes or hangs; gives records or problems with file and line (%s)', async (_n, base) => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const damaged = mutations.reduce(applyMutation, base);
        const started = performance.now();
        const r = await parseAndValidate(damaged, 'skadad.se');
        expect(performance.now() - started).toBeLessThan(2000);
        for (const p of r.problems) {
          expect(p.file).toBe('skadad.se');
          expect(p.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('detects every truncation of a file with vouchers (cut anywhere before its last line)', async () => {
    const lastLine = file.lastIndexOf('\n', file.length - 2);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: lastLine }), async (at) => {
        const r = await parseAndValidate(file.subarray(0, at), 'kort.se');
        expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
