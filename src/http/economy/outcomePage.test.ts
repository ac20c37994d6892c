import { describe, expect, it } from 'vitest';
import { jsx } from 'hono/jsx';
import { OutcomePage, type OutcomePageModel } from './outcomePage.tsx';

/** The page's HTML, with the no-break and thin spaces of sv-SE numbers as plain spaces. */
const render = async (model: OutcomePageModel) => String(await jsx(OutcomePage as never, { model } as never).toString()).replace(/[\u00a0\u202f]/g, ' ');

const federation = { id: 7, name: 'Samordningsförbundet Test' };
const lines = [
  { id: 1, section: 'income', label: 'Medel från huvudmännen', sortOrder: 1 },
  { id: 2, section: 'individual', label: 'Samordningsteam Testby', sortOrder: 2 },
] as const;

describe('OutcomePage (view)', () => {
  it('shows each line net per month in kronor, costs with a minus sign, and the year sum', async () => {
    // Team: 70 000 kr cost a month for three months = 7 000 000 öre a month, 210 000 kr for the year.
    const months = [-7_000_000, -7_000_000, -7_000_000, ...Array<null>(9).fill(null)];
    const out = await render({
      federation,
      year: 2026,
      years: [2026],
      periodLabel: 'januari–mars 2026, prognos för helåret',
      sources: ['manual', 'ledger'],
      lines,
      rows: [{ lineId: 2, label: 'Samordningsteam Testby', monthsOre: months, monthSources: ['manual', 'manual', 'ledger', ...Array<null>(9).fill(null)], totalOre: -21_000_000 }],
      canWrite: false,
    });
    expect(out).toContain('<h1>Utfall 2026</h1>');
    expect(out).toContain('Period: januari–mars 2026, prognos för helåret.');
    expect(out).toContain('Utfallet kommer från: inmatat, bokföringen (SIE).');
    // Each line and each amount leads to where it came from; each month says its source.
    const trace = '/f/7/ar/2026/utfall/kalla/2';
    expect(out).toContain(`<th scope="row"><a href="${trace}">Samordningsteam Testby</a></th>`);
    expect(out).toContain(`<td class="num negative"><a href="${trace}?manad=1">−70 000 <abbr class="source-mark" title="inmatat">M</abbr></a></td>`);
    expect(out).toContain(`<td class="num negative"><a href="${trace}?manad=3">−70 000 <abbr class="source-mark" title="bokföringen (SIE)">B</abbr></a></td><td class="num"></td>`);
    expect(out).toContain('M = inmatat, F = inläst fil, R = referensfil, B = bokföringen (SIE)');
    expect(out).toContain('<td class="num negative">−210 000</td></tr>');
    // A reader gets no entry or file form.
    expect(out).not.toContain('Registrera utfall');
    expect(out).not.toContain('<form method="post"');
  });

  it('says when nothing is recorded', async () => {
    const out = await render({ federation, year: 2025, years: [2025, 2026], periodLabel: '2025, inget utfall ännu, prognos för helåret', sources: [], lines, rows: [], canWrite: false });
    expect(out).toContain('Inget utfall är registrerat för året.');
    expect(out).toContain('Inget utfall ännu.');
  });
});
