import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { parseReference } from './parseReference.ts';

const text = readFileSync(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url), 'utf8');

describe('parseReference', () => {
  it('reads the reference file into öre', () => {
    const d = parseReference(text, 'x.json');
    expect(d.federationName).toBe('Samordningsförbundet Västmanland');
    expect(d.members).toHaveLength(13);
    const y = d.years.find((x) => x.year === 2025)!;
    expect(y.allocationOre).toBe(1_895_800_000);
    expect(y.contributions[0]).toEqual({ payer: null, amountOre: 947_900_000 });
    expect(y.financial).toEqual({ incomeOre: 18_055_100, costOre: 3_600_000 });
    expect(y.openingEquityOre).toBe(402_848_600);
  });

  it('refuses a personnummer or an overlong name anywhere in the file, naming line and field', () => {
    const json = JSON.parse(text);
    json.members[3].name = 'Arboga kommun 811228\u20139874';
    json.years[0].budget[0].label = 'x'.repeat(5000);
    const bad = JSON.stringify(json, null, 2);
    let error: InputError | null = null;
    try {
      parseReference(bad, 'ref.json');
    } catch (e) {
      error = e as InputError;
    }
    expect(error).toBeInstanceOf(InputError);
    const fields = error!.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['members[3].name', 'years[0].budget[0].label']));
    const lines = bad.split('\n');
    const pnr = error!.problems.find((p) => p.field === 'members[3].name')!;
    expect(lines[pnr.line! - 1]).toContain('Arboga kommun');
    expect(error!.message).not.toMatch(/9874/);
  });

  it('refuses a number written as a JSON number, as a key, in another script, and in the file name', () => {
    const json = JSON.parse(text);
    json.members[1].name = 'Köpings kommun ८११२२८-९८७४';
    json.members[2].note = 8112289874;
    json.extra = { '811228-9874': 'x' };
    let error: InputError | null = null;
    try {
      parseReference(JSON.stringify(json, null, 2), 'ref.json');
    } catch (e) {
      error = e as InputError;
    }
    expect(error!.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['members[1].name', 'members[2].note', 'extra']));
    expect(error!.message).not.toMatch(/9874|९८७४/);
    expect(() => parseReference(text, 'ref 811228-9874.json')).toThrow(/Filnamnet/);
  });

  it('property: any text is either read or refused with InputError naming the file — never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseReference(s, 'x.json');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).problems[0]!.file).toBe('x.json');
        }
      }),
    );
  });

  it('property: the valid file with characters cut out or changed is read or refused with a line number', () => {
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.integer({ min: 1, max: 20 }), fc.string({ maxLength: 3 }), (at, len, insert) => {
        const broken = text.slice(0, at) + insert + text.slice(at + len);
        try {
          parseReference(broken, 'x.json');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          for (const p of (e as InputError).problems) {
            expect(p.file).toBe('x.json');
            expect(p.line).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
