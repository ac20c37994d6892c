import { describe, expect, it } from 'vitest';
import type { Table } from '../../core/table.ts';
import { BarChart } from './barChart.tsx';
import { TableView } from './tableView.tsx';
import { AmountField, CheckboxGroup, ErrorSummary } from './form.tsx';

import { jsx } from 'hono/jsx';

/** Renders a component to its HTML (the test is a .ts file, so no JSX syntax here). */
const html = (component: unknown, props: Record<string, unknown>) => String(jsx(component as never, props));

describe('TableView', () => {
  const table: Table = {
    title: 'Driftredovisning 2025',
    note: 'Belopp i tkr',
    columns: [
      { key: 'label', header: 'Budgetpost', kind: 'text' },
      { key: 'a', header: 'Utfall intäkt', kind: 'integer' },
      { key: 'b', header: 'Utfall kostnad', kind: 'integer' },
      { key: 'dev', header: 'Avvikelse', kind: 'integer' },
      { key: 'share', header: 'Andel', kind: 'percent', decimals: 1 },
    ],
    rows: [
      { cells: { label: 'Kansli', a: 5, b: -1970, dev: 0, share: 0.4627 } },
      { emphasis: 'subtotal', cells: { label: 'Summa', a: 18964, b: -18763, dev: null, share: null } },
    ],
  };

  it('groups headings with colgroup scope and prints sv-SE numbers, minus sign and class', () => {
    const out = html(TableView, { table, id: 't', groups: [{ label: 'Utfall 2025', keys: ['a', 'b'], subHeaders: ['Intäkt', 'Kostnad'] }] });
    expect(out).toContain('<caption id="t-caption">Driftredovisning 2025<span class="unit"> (Belopp i tkr)</span></caption>');
    expect(out).toContain('<th scope="colgroup" colspan="2" class="group">Utfall 2025</th>');
    expect(out).toContain('<th scope="col" rowspan="2" class="num">Avvikelse</th>');
    expect(out).toContain('<th scope="col" class="num">Intäkt</th><th scope="col" class="num">Kostnad</th>');
    expect(out).toContain('<th scope="row">Kansli</th><td class="num">5</td><td class="num negative">\u22121\u00a0970</td>');
    expect(out).toContain('<td class="num">46,3\u00a0%</td>');
    expect(out).toContain('<tr class="subtotal"><th scope="row">Summa</th><td class="num">18\u00a0964</td>');
    // An empty cell stays empty (not "0").
    expect(out).toContain('<td class="num"></td>');
  });
});

describe('BarChart', () => {
  it('is an image with a title, a description stating every value, and the data as a table', () => {
    const out = html(BarChart, {
      id: 'c',
      title: 'Kostnader 2025',
      series: [
        { label: 'Budget', tone: 'chart-c' },
        { label: 'Utfall', tone: 'chart-a' },
      ],
      categories: [
        { label: 'Administration', values: [265_300_000, 257_850_200] },
        { label: 'Individinsatser', values: [1_384_249_900, null], flagged: 'över budget' },
      ],
    });
    expect(out).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="c-title c-desc"/);
    expect(out).toContain('<title id="c-title">Kostnader 2025</title>');
    expect(out).toContain('Administration: budget 2\u00a0653 tkr, utfall 2\u00a0579 tkr.');
    expect(out).toContain('Individinsatser: budget 13\u00a0842 tkr, utfall saknas (över budget).');
    expect(out).toContain('<caption>Tabell: Kostnader 2025 (tkr)</caption>');
    expect(out).toContain('<th scope="row">Individinsatser</th><td class="num">13\u00a0842</td><td class="num">–</td><td>över budget</td>');
  });
});

describe('form fields', () => {
  it('ties hint and error to the input and links the summary to it', () => {
    const out = html(AmountField, { name: 'cost', label: 'Kostnad', value: 'abc', error: 'Kostnad: Ange ett belopp.' });
    expect(out).toContain('<label for="f-cost">Kostnad</label>');
    expect(out).toMatch(/<input id="f-cost" name="cost"[^>]*aria-invalid="true" aria-describedby="f-cost-hint f-cost-error"/);
    expect(out).toContain('<span class="field-error" id="f-cost-error"><span class="visually-hidden">Fel: </span>Kostnad: Ange ett belopp.</span>');
    const summary = html(ErrorSummary, { errors: { cost: 'Kostnad: Ange ett belopp.' } });
    expect(summary).toContain('<a href="#f-cost">Kostnad: Ange ett belopp.</a>');
    expect(html(ErrorSummary, { errors: {} })).toBe('');
    // A form whose fields carry a suffix (named like another form's on the page) links to its own fields.
    expect(html(ErrorSummary, { errors: { termStart: 'Ange datum.' }, idSuffix: 'auditor' })).toContain('<a href="#f-termStart-auditor">Ange datum.</a>');
  });
});

describe('CheckboxGroup', () => {
  it('puts each label beside its box, checks what was chosen and ties an error to the group', () => {
    const out = html(CheckboxGroup, {
      name: 'interventionIds[]',
      legend: 'Insatser',
      idPrefix: 'u-i',
      options: [
        { value: '1', label: 'Steget före' },
        { value: '2', label: 'Unga vuxna' },
      ],
      chosen: ['2'],
      error: 'Välj minst en insats.',
    });
    expect(out).toContain('<legend>Insatser</legend>');
    expect(out).toMatch(/<input type="checkbox" id="u-i-1" name="interventionIds\[\]" value="1"\s*\/?><label for="u-i-1">Steget före<\/label>/);
    expect(out).toMatch(/<input type="checkbox" id="u-i-2" name="interventionIds\[\]" value="2" checked=""\s*\/?><label for="u-i-2">/);
    expect(out).toContain('Välj minst en insats.');
    expect(out).toContain('<fieldset class="has-error">');
  });

  it('says what to do when there is nothing to choose', () => {
    const out = html(CheckboxGroup, { name: 'x', legend: 'Insatser', options: [], chosen: [], empty: 'Förbundet har inga insatser ännu.' });
    expect(out).toContain('Förbundet har inga insatser ännu.');
    expect(out).not.toContain('type="checkbox"');
  });
});
