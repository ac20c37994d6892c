import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { InputError } from '../../core/errors.ts';
import { AgeBand, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';
import { csvLine, parseCsv } from '../tabular/csv.ts';
import { decodeText, parseParticipationRows } from './importParticipations.ts';
import { templateColumns, templateExample } from './template.ts';

const members = new Map([['Sala kommun', 7], ['Arbetsförmedlingen', 8]]);
const municipalities = ['Sala kommun', 'Västerås Stad'];
const header = templateColumns.map((c) => c.header);
const toCsv = (rows: readonly (readonly string[])[]) => rows.map((r) => csvLine(r)).join('\r\n');

const isoDate = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const validRow = fc
  .record({
    gender: fc.constantFrom(...Gender.codes.map(Gender.label)),
    age: fc.constantFrom(...AgeBand.codes),
    municipality: fc.constantFrom('', 'Sala', 'Västerås'),
    member: fc.constantFrom('', 'Sala kommun', 'arbetsförmedlingen'),
    before: fc.constantFrom(...SupportSource.codes),
    duration: fc.constantFrom(...SupportDuration.codes.map(SupportDuration.label)),
    education: fc.constantFrom(...Education.codes),
    start: isoDate,
    ends: fc.boolean(),
    days: fc.integer({ min: 0, max: 2000 }),
    outcome: fc.constantFrom(...ExitOutcome.codes.map(ExitOutcome.label)),
    after: fc.constantFrom('', ...SupportSource.codes),
  })
  .map((r) => {
    const end = r.ends ? new Date(Date.parse(r.start) + r.days * 86_400_000).toISOString().slice(0, 10) : '';
    return [r.gender, r.age, r.municipality, r.member, r.before, r.duration, r.education, r.start, end, r.ends ? r.outcome : '', r.ends ? r.after : ''];
  });

describe('CSV reader', () => {
  it('reads Swedish Excel CSV: semicolons, quotes, CRLF, BOM', () => {
    const rows = parseCsv('\uFEFFa;b;c\r\n"x;y";"sa ""hej""";\r\n\r\n1;2;3\n', 'f.csv');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x;y', 'sa "hej"', ''] },
      { line: 4, cells: ['1', '2', '3'] },
    ]);
    expect(parseCsv('a,b\n1,2', 'f.csv')[1]!.cells).toEqual(['1', '2']);
    // A ";" file whose headings hold commas (found by the property below: cells "," and ",").
    expect(parseCsv('Kön, kod;Ålder, band\n1;2', 'f.csv').map((r) => r.cells)).toEqual([['Kön, kod', 'Ålder, band'], ['1', '2']]);
    expect(parseCsv('"a;b",c\n1,2', 'f.csv')[0]!.cells).toEqual(['a;b', 'c']);
  });

  it('reads Windows-1252 files as Excel saves them', () => {
    expect(decodeText(iconv.encode('Kön;Åldersgrupp', 'win1252'))).toBe('Kön;Åldersgrupp');
  });

  it('says where an unclosed quote starts', () => {
    expect(() => parseCsv('a;b\n1;"2\n3;4', 'f.csv')).toThrow(/f.csv, rad 2/);
  });

  it('property: any cells written with csvLine read back the same', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const parsed = parseCsv(toCsv(rows), 'f.csv');
        expect(parsed.map((r) => r.cells)).toEqual(rows.filter((r) => r.length > 1 || r[0] !== ''));
      }),
    );
  });
});

describe('participation rows from the template', () => {
  it('reads the documented example', () => {
    const inputs = parseParticipationRows(parseCsv(toCsv([header, ...templateExample]), 'mall.csv'), 'mall.csv', members, municipalities);
    expect(inputs).toHaveLength(2);
    expect(inputs[1]).toMatchObject({ gender: 'man', referringMemberId: 8, exitOutcome: 'work', supportAfter: 'salary', endDate: '2025-06-30' });
  });

  it('names file, line and column of every problem', () => {
    const rows = [header, templateExample[0]!, ['Okänt', ...templateExample[0]!.slice(1)], [...templateExample[1]!.slice(0, 7), '2025-13-01', ...templateExample[1]!.slice(8)]];
    const err = (() => {
      try {
        parseParticipationRows(parseCsv(toCsv(rows), 'team.csv'), 'team.csv', members, municipalities);
      } catch (e) {
        return e as InputError;
      }
    })()!;
    expect(err).toBeInstanceOf(InputError);
    expect(err.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['team.csv', 3, 'Kön'],
      ['team.csv', 4, 'Startdatum'],
    ]);
  });

  it('refuses a personnummer in any cell, saying why, without repeating it', () => {
    const row = [...templateExample[0]!];
    row[2] = 'Sala (19811228-9874)';
    const err = (() => {
      try {
        parseParticipationRows(parseCsv(toCsv([header, row]), 'team.csv'), 'team.csv', members, municipalities);
      } catch (e) {
        return e as InputError;
      }
    })()!;
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ line: 2, field: 'Hemkommun' });
    expect(err.message).toContain('personnummer');
    expect(err.message).not.toContain('9874');
  });

  it('takes the home municipality only from the closed list (no free text), as the member\'s name', () => {
    const row = [...templateExample[0]!];
    expect(parseParticipationRows(parseCsv(toCsv([header, row]), 'f.csv'), 'f.csv', members, municipalities)[0]!.homeMunicipality).toBe('Sala kommun');
    row[2] = 'Anna Andersson';
    expect(() => parseParticipationRows(parseCsv(toCsv([header, row]), 'f.csv'), 'f.csv', members, municipalities)).toThrow(/Hemkommun.*väljs ur listan/s);
  });

  it('refuses unknown and missing columns', () => {
    expect(() => parseParticipationRows(parseCsv('Kön;Namn\nKvinna;Anna', 'x.csv'), 'x.csv', members, municipalities)).toThrow(/Namn.*Okänd kolumn/s);
  });

  it('property: generated valid rows all come through, in order', () => {
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 30 }), (rows) => {
        const inputs = parseParticipationRows(parseCsv(toCsv([header, ...rows]), 'f.csv'), 'f.csv', members, municipalities);
        expect(inputs.map((i) => i.startDate)).toEqual(rows.map((r) => r[7]));
      }),
    );
  });

  it('property: one broken field anywhere fails the whole file with its line and column', () => {
    const breakage = fc.constantFrom(
      { col: 0, value: 'kvinnor' },
      { col: 1, value: '15-19' },
      { col: 4, value: 'bidrag' },
      { col: 7, value: '2025-02-30' },
      { col: 7, value: '' },
      { col: 3, value: 'Okänd kommun' },
      { col: 2, value: 'Sala 811228-9874' },
    );
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 20 }), fc.nat(), breakage, (rows, pick, b) => {
        const i = pick % rows.length;
        const broken = rows.map((r) => [...r]);
        broken[i]![b.col] = b.value;
        try {
          parseParticipationRows(parseCsv(toCsv([header, ...broken]), 'f.csv'), 'f.csv', members, municipalities);
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).problems.some((p) => p.line === i + 2 && p.field === header[b.col])).toBe(true);
        }
      }),
    );
  });

  it('property: arbitrary text fails only with InputError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          parseParticipationRows(parseCsv(text, 'f.csv'), 'f.csv', members, municipalities);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
    );
  });
});
