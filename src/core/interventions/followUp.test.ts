import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, countFollowUps, followUpProblems, followUpStatusRows, followUpWorkRows, parseFollowUp, type FollowUpCounts } from './followUp.ts';
import { InputError } from '../errors.ts';
import { SupportSource } from './vocabulary.ts';
import { countParticipations } from '../statistics/participantStatistics.ts';
import { freezeYear, readFrozenFederation, type YearCounts } from '../statistics/publication.ts';
import type { StatTable } from '../statistics/statTable.ts';
import type { LinearTable, Relation } from '../privacy/suppression.ts';
import { bruteForceRanges } from '../../../test/support/bruteForceRanges.ts';

describe('the follow-up dates', () => {
  it('adds calendar months, the 31st becoming the month\'s last day', () => {
    expect(addMonths('2025-03-15', 6)).toBe('2025-09-15');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-12-01', 12)).toBe('2026-12-01');
  });
});

describe('a follow-up status', () => {
  it('reads a reached status and a not reached one', () => {
    expect(parseFollowUp({ months: '6', statusDate: '2025-09-01', reached: 'ja', supportSource: 'Lön', workOrStudies: 'ja' })).toEqual({
      months: 6,
      statusDate: '2025-09-01',
      reached: true,
      supportSource: 'salary',
      workOrStudies: true,
    });
    expect(parseFollowUp({ months: '12', statusDate: '2025-09-01', reached: 'ej nådd' })).toEqual({ months: 12, statusDate: '2025-09-01', reached: false, supportSource: null, workOrStudies: null });
  });

  it('refuses a missing point, a support source outside the list and details on a not reached status', () => {
    const problems = (raw: Record<string, unknown>) => {
      try {
        parseFollowUp(raw);
        return [];
      } catch (e) {
        return (e as InputError).problems.map((p) => p.field);
      }
    };
    expect(problems({ months: '3', statusDate: '2025-09-01', reached: 'ja', supportSource: 'salary', workOrStudies: 'nej' })).toEqual(['months']);
    expect(problems({ months: '6', statusDate: '2025-09-01', reached: 'ja', supportSource: 'lotto', workOrStudies: 'nej' })).toEqual(['supportSource']);
    expect(problems({ months: '6', statusDate: '2025-09-01', reached: 'nej', supportSource: 'salary' })).toEqual(['supportSource']);
  });

  it('is refused on an open participation and before the exit', () => {
    const s = parseFollowUp({ months: '6', statusDate: '2025-03-01', reached: 'nej' });
    expect(followUpProblems(s, null, '2025-12-01').map((p) => p.field)).toEqual(['months']);
    expect(followUpProblems(s, '2025-03-02', '2025-12-01').map((p) => p.field)).toEqual(['statusDate']);
    expect(followUpProblems(s, '2025-03-01', '2025-12-01')).toEqual([]);
    expect(followUpProblems(s, '2025-01-01', '2025-02-01').map((p) => p.message)).toEqual(['Datum för uppgiften (2025-03-01) är i framtiden.']);
  });
});

describe('the follow-ups due in a year', () => {
  it('counts each point in the year it falls due, by status', () => {
    const c = countFollowUps(
      [
        { endDate: '2024-07-15', months: 6, status: { reached: true, supportSource: 'salary', workOrStudies: true } }, // due 2025-01-15
        { endDate: '2024-07-15', months: 12, status: null }, // due 2025-07-15, not recorded
        { endDate: '2024-06-30', months: 6, status: { reached: false, supportSource: null, workOrStudies: null } }, // due 2024-12-30: not 2025
        { endDate: '2025-06-30', months: 6, status: { reached: false, supportSource: null, workOrStudies: null } }, // due 2025-12-30
      ],
      2025,
    );
    const salary = SupportSource.codes.indexOf('salary');
    expect(c.status[salary]).toEqual([1, 0]);
    expect(c.status[followUpStatusRows.length - 1]).toEqual([0, 1]); // ej registrerad
    expect(c.status[followUpStatusRows.length - 2]).toEqual([1, 0]); // ej nådd
    expect(c.work).toEqual([
      [1, 0],
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });
});

// ---- Suppression of the published follow-up tables (property) ----

function emptyYear(year: number, followUp: FollowUpCounts): YearCounts {
  const none = countParticipations([], year);
  return { year, units: [], members: [], all: none, byUnit: new Map(), started: none, ended: none, followUp };
}

/** The attacker's system, built from the two published tables alone: cells, row totals, shared column totals and grand total. */
function attackerSystem(status: StatTable, work: StatTable, truth: FollowUpCounts): { table: LinearTable; hidden: boolean[]; names: string[] } {
  const values: number[] = [];
  const hidden: boolean[] = [];
  const names: string[] = [];
  const index = new Map<string, number>();
  const cell = (name: string, truthValue: number, shown: number | null) => {
    if (!index.has(name)) {
      index.set(name, values.length);
      values.push(truthValue);
      hidden.push(shown === null);
      names.push(name);
    }
    return index.get(name)!;
  };
  const relations: Relation[] = [];
  const colTruth = [0, 1].map((j) => truth.status.reduce((s, r) => s + r[j]!, 0));
  const grand = colTruth[0]! + colTruth[1]!;
  const cols = [0, 1].map((j) => cell(`t${j}`, colTruth[j]!, status.colTotals![j]!));
  const g = cell('T', grand, status.total);
  relations.push({ parts: cols, total: g });
  for (const [name, t, rows] of [['s', status, truth.status], ['w', work, truth.work]] as const) {
    const rowTotals = rows.map((r, i) => cell(`${name}r${i}`, r[0]! + r[1]!, t.rowTotals![i]!));
    rows.forEach((r, i) => relations.push({ parts: r.map((v, j) => cell(`${name}${i}:${j}`, v, t.cells[i]![j]!)), total: rowTotals[i]! }));
    [0, 1].forEach((j) => relations.push({ parts: rows.map((_, i) => index.get(`${name}${i}:${j}`)!), total: cols[j]! }));
    relations.push({ parts: rowTotals, total: g });
  }
  return { table: { values, relations, totals: new Set() }, hidden, names };
}

describe('the published table "status 6 och 12 månader efter avslut"', () => {
  it('never prints a small count, and no hidden count can be worked out from the rest (property)', () => {
    // A few due follow-ups spread over the statuses: small counts are common.
    const fact = fc.record({
      status: fc.integer({ min: 0, max: followUpStatusRows.length - 1 }),
      work: fc.boolean(),
      months: fc.constantFrom(0, 1),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 14 }), (facts) => {
        const status = followUpStatusRows.map(() => [0, 0]);
        const work = followUpWorkRows.map(() => [0, 0]);
        const notReached = SupportSource.codes.length;
        for (const f of facts) {
          status[f.status]![f.months]!++;
          const w = f.status === notReached ? 2 : f.status === notReached + 1 ? 3 : f.work ? 0 : 1;
          work[w]![f.months]!++;
        }
        const truth = { status, work };
        const frozen = freezeYear(emptyYear(2025, truth), null, { minCellSize: 3, protectionInterval: 1 });
        const t = readFrozenFederation(frozen, [frozen]).followUp!;
        for (const table of [t.status, t.work]) {
          for (const v of [...table.cells.flat(), ...table.rowTotals!, ...table.colTotals!, table.total]) if (v !== null) expect(v === 0 || v >= 3).toBe(true);
        }
        const { table, hidden, names } = attackerSystem(t.status, t.work, truth);
        const ranges = bruteForceRanges(table, hidden, facts.length);
        for (const [i, r] of ranges) {
          const v = table.values[i]!;
          if (v >= 1) expect(r.max - r.min, `${names[i]} = ${v} pinned`).toBeGreaterThanOrEqual(1);
          if (v >= 1 && v < 3) expect(r.min < 1 || r.max >= 3, `${names[i]} = ${v} boxed in ${r.min}…${r.max}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
