/**
 * Sample documents for the renderers' tests and the bench: one with every element of the model, and a large one
 * (many chapters, long tables that run over several pages).
 */
import { bold, bullets, cellDash, cellKronor, cellNumber, cellPercent, cellTkr, doc, heading, italic, link, noteRef, numbered, pageBreak, para, section, signatures, small, subtotal, table, toc, total } from './build.ts';
import type { Block, Doc } from './model.ts';

const FIXED_DATE = new Date('2026-03-12T09:00:00Z');

/** Every element: TOC, unnumbered heading, numbered chapters at three levels, runs, lists, tables, notes, signatures. */
export function sampleDocument(): Doc {
  return doc(
    {
      title: 'Årsredovisning 2025 – Samordningsförbundet Exempel',
      author: 'Samordningsförbundet Exempel',
      subject: 'Årsredovisning för räkenskapsåret 2025',
      keywords: ['årsredovisning', 'FINSAM'],
      runningHeader: 'Samordningsförbundet Exempel – Årsredovisning 2025',
      created: FIXED_DATE,
    },
    [
      toc({ maxLevel: 2 }),
      pageBreak(),
      heading(1, 'Ordförande har ordet', { id: 'ordforande' }),
      para('Året präglades av ', bold('stabil finansiering'), ' och ', italic('nya insatser'), '. Läs mer på ', link('finsam.se', 'https://www.finsam.se'), '.'),
      section(
        'Förvaltningsberättelse',
        [
          section('Organisation', [
            para('Förbundet består av Försäkringskassan, Arbetsförmedlingen, Region Exempel och fyra kommuner (åäö ÅÄÖ é).'),
            bullets(['Försäkringskassan', 'Arbetsförmedlingen', ['Region Exempel ', italic('(hälso- och sjukvård)')]]),
            section('Styrelsen', [para('Styrelsen har sammanträtt sex gånger under året.'), numbered(['Beslut om verksamhetsplan', 'Beslut om budget', 'Uppföljning av insatser'])]),
          ]),
          section('Balanskravsresultat', [
            para('Resultatet framgår av ', noteRef(2, { target: 'not-2' }), ' och av tabellen nedan.'),
            table({
              caption: 'Tabell 1 Balanskravsutredning',
              unit: 'Belopp i tkr',
              id: 'balanskrav',
              columns: [{ header: 'Post', width: 4 }, { header: 'Not', width: 0.6, align: 'center' }, { header: '2025', width: 1.2 }, { header: '2024', width: 1.2 }],
              rows: [
                ['Årets resultat', noteRef(2, { target: 'not-2', text: '2' }), cellTkr(-202_950_000), cellTkr(51_234_500)],
                ['Realisationsvinster', null, cellTkr(0), cellDash()],
                subtotal(['Resultat efter justering', null, cellTkr(-202_950_000), cellTkr(51_234_500)]),
                total(['Balanskravsresultat', null, cellTkr(-202_950_000), cellTkr(51_234_500)]),
              ],
            }),
            small('Källa: förbundets bokföring.'),
          ]),
        ],
        { number: '1', id: 'forvaltningsberattelse', pageBreakBefore: true },
      ),
      section(
        'Driftredovisning',
        [
          table({
            caption: 'Tabell 2 Kostnader per insats',
            unit: 'Belopp i kronor',
            columns: [{ header: 'Insats', width: 3 }, { header: 'Budget' }, { header: 'Utfall' }, { header: 'Andel' }],
            headerRows: [['', { runs: [{ kind: 'text', text: 'År 2025' }], colSpan: 3, align: 'center' }]],
            rows: [
              ['Samordningsteam', cellKronor(437_378_500), cellKronor(401_000_000), cellPercent(0.463, 1)],
              ['Unga vuxna', cellKronor(120_000_000), cellKronor(135_500_000), cellPercent(0.156, 1)],
              total(['Summa', cellKronor(557_378_500), cellKronor(536_500_000), cellNumber(61.9, 1)]),
            ],
          }),
        ],
        { number: '5', id: 'driftredovisning' },
      ),
      section('Noter', [section('Not 2 Intäkter per medlem', [para('Medlemsavgifterna fördelas enligt förbundsordningen.')], { number: '6.1', id: 'not-2' })], { number: '6', id: 'noter' }),
      section(
        'Styrelsens underskrifter',
        [signatures([{ name: 'Anna Andersson', role: 'Ordförande' }, { name: 'Bertil Berg', role: 'Vice ordförande' }, { name: 'Cecilia Ceder', role: 'Ledamot' }], 'Västerås den 12 mars 2026')],
        { number: '7', id: 'underskrifter', excludeFromToc: false },
      ),
    ],
  );
}

/** A large document: `chapters` chapters, each with text, a list and a table of `rowsPerTable` rows (runs over pages). */
export function largeSampleDocument(chapters = 40, rowsPerTable = 60): Doc {
  const blocks: Block[] = [toc({ maxLevel: 2 })];
  for (let c = 1; c <= chapters; c++) {
    const rows = Array.from({ length: rowsPerTable }, (_, r) => {
      const ore = ((c * 7919 + r * 104729) % 200_000_000) * 100 - 5_000_000_000;
      return [`Rad ${r + 1} i kapitel ${c}`, cellTkr(ore), cellTkr(ore * 2), cellPercent(((r * 37) % 100) / 100)];
    });
    blocks.push(
      section(
        `Kapitel ${c}`,
        [
          para('Detta är en längre brödtext som upprepas för att fylla sidorna med innehåll. ', bold('Fetstil'), ' och ', italic('kursiv'), ' text blandas. '.repeat(3)),
          bullets(['Första punkten', 'Andra punkten', 'Tredje punkten']),
          section(`Avsnitt ${c}.1`, [
            table({
              caption: `Tabell ${c} Utfall`,
              unit: 'Belopp i tkr',
              columns: [{ header: 'Post', width: 3 }, { header: 'Utfall' }, { header: 'Budget' }, { header: 'Andel' }],
              rows: [...rows, total(['Summa', cellTkr(0), cellTkr(0), cellPercent(1)])],
            }),
          ], { number: `${c}.1` }),
        ],
        { number: String(c), id: `kapitel-${c}`, pageBreakBefore: c > 1 },
      ),
    );
  }
  blocks.push(section('Underskrifter', [signatures([{ name: 'Anna Andersson', role: 'Ordförande' }, { name: 'Bertil Berg' }], 'Ort och datum')]));
  return doc({ title: 'Stort provdokument', author: 'Samordna', created: FIXED_DATE }, blocks);
}
