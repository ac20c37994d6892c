/**
 * The annual report (årsredovisning) as a document (src/core/documents): pure, from loaded facts
 * (./facts.ts). Chapters as RKR R15 and the 2025 report of Samordningsförbundet Västmanland have them; every
 * table is generated from the figures the economy, ledger, interventions and statistics code computed. A
 * chapter whose data is missing says so. Numbers as the report prints them: tkr where it prints tkr, kronor in
 * the statements and notes, "−" for negatives.
 */
import {
  bold,
  cell,
  cellKronor,
  cellNumber,
  cellPercent,
  chart,
  doc,
  heading,
  italic,
  noteRef,
  para,
  section,
  signatures,
  small,
  subtotal,
  table,
  toc,
  total,
  type CellInput,
  type RowInput,
} from '../documents/build.ts';
import type { Block, Doc, Section, Signer } from '../documents/model.ts';
import { largestRemainderSplit } from '../rounding.ts';
import { sectionLabels } from '../economy/types.ts';
import { formatList, formatNumber, formatPercent, formatTkr, formatWholePercent, tkrText } from '../format.ts';
import { annualReportChapters, defaultTexts, reportStatusLabels, type ChapterDef } from './chapters.ts';
import { goalsSummary, goalsTable, narrative, statChart, notYetPublished, operatingStatementTable, statTable } from './common.ts';
import type { AmountRow, AnnualReportFacts, BoardPerson, YearPair } from './facts.ts';

/**
 * What the document lacks is never printed ("saknas"): each gap is a placeholder block, tagged here, that the build
 * takes out and lists in the checklist the kansli sees before the report is locked (`annualReportChecklist`).
 */
const gapTexts = new WeakMap<Block, string>();
function missing(what: string): Block {
  const b: Block = { kind: 'paragraph', runs: [] };
  gapTexts.set(b, what);
  return b;
}

export interface ChecklistItem {
  /** Number and title of the chapter: "1.2 Uppdrag". */
  readonly chapter: string;
  readonly chapterKey: string;
  /** What is missing, e.g. "Kapitlets text" or "Registrerade styrelsemöten". */
  readonly what: string;
  /** 'text': the kansli writes it in the chapter editor; 'data': it comes from data not yet registered or imported. */
  readonly kind: 'text' | 'data';
}

/** Takes the gaps out of a chapter's blocks (sections inside included), listing them. */
function withoutGaps(blocks: readonly Block[], found: string[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const gap = gapTexts.get(b);
    if (gap !== undefined) found.push(gap);
    else if (b.kind === 'section') out.push({ ...b, blocks: withoutGaps(b.blocks, found) });
    else out.push(b);
  }
  return out;
}

/** Chapters the kansli writes in full: nothing in them is generated. */
const writtenChapter = (def: ChapterDef) => def.narrative && def.generated === undefined;

const kr = (ore: number | null | undefined): CellInput => (ore === null || ore === undefined ? null : cellKronor(ore));
const note = (n: number): CellInput => [noteRef(n, { target: `not-${n}`, text: String(n) })];

export const positionLabels: Record<BoardPerson['position'], string> = { '': 'Ledamot', ordforande: 'Ordförande', vice_ordforande: 'Vice ordförande' };

/** Chapters switched on, with their printed numbers ("1", "1.3", … ; the foreword has none). */
export function numberedChapters(disabled: ReadonlySet<string>, hasData: (key: string) => boolean = () => false): { def: ChapterDef; number: string | undefined }[] {
  let top = 0;
  let sub = 0;
  const out: { def: ChapterDef; number: string | undefined }[] = [];
  for (const def of annualReportChapters) {
    if (def.optional && disabled.has(def.key)) continue;
    if (def.whenData && !hasData(def.key)) continue;
    if (def.level === 'foreword') out.push({ def, number: undefined });
    else if (def.level === 'top') {
      top++;
      sub = 0;
      out.push({ def, number: String(top) });
    } else {
      sub++;
      out.push({ def, number: `${top}.${sub}` });
    }
  }
  return out;
}

export function buildAnnualReport(f: AnnualReportFacts): Doc {
  return annualReportWithChecklist(f).doc;
}

/** What the kansli still has to write or register before the report can be locked, chapter by chapter. */
export function annualReportChecklist(f: AnnualReportFacts): ChecklistItem[] {
  return annualReportWithChecklist(f).checklist;
}

export function annualReportWithChecklist(f: AnnualReportFacts): { doc: Doc; checklist: ChecklistItem[] } {
  const chapters = numberedChapters(f.disabledChapters, (key) => (key === 'internal_control' ? !!f.internalControl : key === 'value_per_member' ? !!f.valuePerMember : false));
  const text = (key: string) => f.texts.byChapter[key] ?? defaultTexts[key];
  const checklist: ChecklistItem[] = [];
  const blocks: Block[] = [...cover(f), toc({ maxLevel: 2 })];

  let current: { section: Section; subs: Section[] } | null = null;
  const tops: Section[] = [];
  const closeTop = () => {
    if (current) tops.push({ ...current.section, blocks: [...current.section.blocks, ...current.subs] });
    current = null;
  };
  for (const { def, number } of chapters) {
    const id = `kap-${def.key.replace(/_/g, '-')}`;
    const source = text(def.key);
    const gaps: string[] = [];
    if (writtenChapter(def) && !source?.trim()) gaps.push('Kapitlets text');
    const content = withoutGaps(chapterContent(def.key, f, source), gaps);
    const chapter = number ? `${number} ${def.title}` : def.title;
    for (const what of gaps) checklist.push({ chapter, chapterKey: def.key, what, kind: what === 'Kapitlets text' ? 'text' : 'data' });
    if (def.level === 'sub') {
      const s = section(def.title, content, { number, id });
      if (current) (current as { subs: Section[] }).subs.push(s);
      continue;
    }
    closeTop();
    const s = section(def.title, content, {
      ...(number ? { number } : {}),
      id,
      pageBreakBefore: true,
    });
    if (def.level === 'foreword') tops.push(s);
    else current = { section: s, subs: [] };
  }
  closeTop();
  blocks.push(...tops);
  const doc_ = doc(
    {
      title: `Årsredovisning ${f.year} – ${f.federation.name}`,
      author: f.federation.name,
      subject: `Årsredovisning för räkenskapsåret ${f.year}`,
      keywords: ['årsredovisning', 'samordningsförbund', String(f.year)],
      runningHeader: `${f.federation.name} – Årsredovisning ${f.year}`,
      ...(f.created ? { created: f.created } : {}),
    },
    blocks,
  );
  return { doc: doc_, checklist };
}

/** The cover: the förbund's name and the year (the logo, when the kansli has uploaded one, is drawn by the renderers). */
function cover(f: AnnualReportFacts): Block[] {
  const out: Block[] = [heading(1, `Årsredovisning ${f.year}`, { excludeFromToc: true, id: 'titel' }), para(bold(f.federation.name))];
  if (f.texts.status === 'adopted') out.push(para(`Fastställd av styrelsen ${f.texts.adoptedDate}, ${f.texts.adoptedParagraph}.`));
  else out.push(para(italic(`Status: ${reportStatusLabels[f.texts.status]}. Årsredovisningen är inte fastställd.`)));
  return out;
}

function chapterContent(key: string, f: AnnualReportFacts, source: string | undefined): Block[] {
  const own = narrative(source);
  const y = f.year;
  const e = f.economy;
  switch (key) {
    case 'chair':
    case 'mission':
    case 'vision':
    case 'conditions':
    case 'events':
    case 'outlook':
    case 'events_after':
      return own;
    case 'staff':
      return [...staff(f), ...own];
    case 'internal_control':
      return [...own, ...internalControl(f)];
    case 'value_per_member':
      return [...own, ...valuePerMember(f)];
    case 'management':
      return [para(`Årsredovisningen innehåller en översiktlig redogörelse för resultat och verksamhetsutveckling samt redovisning av det ekonomiska utfallet för år ${y}.`), ...own];
    case 'organisation':
      return [...organisation(f), ...own];
    case 'financing':
      return [
        e && e.keyFigures.allocationOre !== null
          ? para(`${y} års medelstilldelning uppgick till ${tkrText(e.keyFigures.allocationOre)}.`)
          : missing('Medelstilldelningen'),
        ...own,
        ...financingShares(f),
      ];
    case 'overview':
      return [...fiveYear(f), ...own];
    case 'governance':
      return [meetingsParagraph(f), ...own];
    case 'economy':
      return [...economyChapter(f), ...own];
    case 'followup':
      return [
        ...own,
        ...(f.goals.length
          ? [para(goalsSummary(f.goals)), goalsTable(f.goals, `Mål och måluppfyllelse ${y}`, 'tabell-mal')]
          : [missing('Mål med bedömning')]),
      ];
    case 'target_group':
      return [...own, ...participants(f)];
    case 'structural':
      return [...own, ...activities(f)];
    case 'results':
      return [...own, ...results(f)];
    case 'results_structural':
      return [...own, ...indicatorResults(f)];
    case 'balance_requirement':
      return [...own, ...balanceRequirement(f)];
    case 'income_statement':
      return incomeStatement(f);
    case 'balance_sheet':
      return balanceSheet(f);
    case 'cash_flow':
      return cashFlow(f);
    case 'operating_statement':
      return e
        ? [
            // An open year's statement is to date (against the budget to date): the report says so.
            ...(e.complete ? [] : [para(`Året är inte stängt. Period: ${e.periodLabel}; utfallet jämförs med budgeten för samma månader.`)]),
            operatingStatementTable(e.statement, { caption: e.complete ? `Driftredovisning ${y}` : `Driftredovisning ${e.periodLabel}`, id: 'tabell-driftredovisning' }),
            ...own,
          ]
        : [missing('Driftredovisningen')];
    case 'notes':
      return notes(f, own);
    case 'board_signatures':
      return boardSignatures(f, own);
    case 'auditor_signatures':
      return auditorSignatures(f, own);
    default:
      return own;
  }
}

function organisation(f: AnnualReportFacts): Block[] {
  const out: Block[] = [];
  const names = f.federation.members.map((m) => m.name);
  if (names.length) out.push(para(`Samordningsförbundet är en fristående juridisk organisation med följande medlemmar: ${formatList(names)}.`));
  else out.push(missing('Förteckningen över medlemmar'));
  const board = f.board.members;
  if (board.length) {
    out.push(
      table({
        caption: `Styrelsen ${f.year}`,
        id: 'tabell-styrelsen',
        columns: [{ header: 'Namn', width: 3 }, { header: 'Uppdrag', width: 2 }, { header: 'Utsedd av', width: 3 }],
        rows: board.map((p) => [p.name, p.seat === 'ersattare' ? 'Ersättare' : positionLabels[p.position], p.memberName ?? '–']),
      }),
    );
  }
  return out;
}

function meetingsParagraph(f: AnnualReportFacts): Block {
  const n = f.board.meetingDates.length;
  if (n === 0) return missing('Registrerade styrelsemöten');
  const word = n === 1 ? 'sammanträde' : 'sammanträden';
  return para(`Styrelsen har under ${f.year} haft ${n} ${word} (${formatList(f.board.meetingDates)}).`);
}

function fiveYear(f: AnnualReportFacts): Block[] {
  const rows = f.economy?.fiveYear ?? [];
  if (!rows.length) return [missing('Femårsöversikten')];
  const years = rows.map((r) => String(r.year));
  const out: Block[] = [
    table({
      caption: 'Översikt över verksamhetens utveckling',
      unit: 'Belopp i tkr',
      id: 'tabell-femar',
      columns: [{ header: 'Nyckeltal', width: 3, align: 'left' }, ...years.map((h) => ({ header: h, align: 'right' as const }))],
      rows: [
        ['Verksamhetens intäkter (tkr)', ...rows.map((r) => cell(formatTkr(r.incomeOre), { align: 'right' }))],
        ['Verksamhetens kostnader* (tkr)', ...rows.map((r) => cell(formatTkr(-r.costOre), { align: 'right' }))],
        ['Årets resultat (tkr)', ...rows.map((r) => cell(formatTkr(r.resultOre), { align: 'right' }))],
        ['Soliditet', ...rows.map((r) => (r.equityRatio === null ? cell('–', { align: 'right' }) : cellPercent(r.equityRatio, 1)))],
        ['Antal anställda', ...rows.map((r) => (r.employees === null ? cell('–', { align: 'right' }) : cellNumber(r.employees)))],
      ],
    }),
    small('* Exkl. finansiella intäkter och kostnader. Soliditet: eget kapital dividerat med totalt kapital. Antal anställda: heltidstjänster avrundade till närmaste heltal.'),
  ];
  const notes = rows.filter((r) => r.basis === 'summary' && r.note).map((r) => `${r.year}: ${r.note}`);
  if (notes.length) out.push(small(`Tryckta uppgifter: ${notes.join('; ')}.`));
  return out;
}

function economyChapter(f: AnnualReportFacts): Block[] {
  const e = f.economy;
  if (!e) return [missing('Ekonomiska uppgifter')];
  const k = e.keyFigures;
  const y = f.year;
  const out: Block[] = [
    para(`Det budgeterade resultatet för ${y} var ${tkrText(k.budget.resultOre)}. Årets resultat efter finansiella poster uppgick till ${tkrText(k.resultOre)}.`),
  ];
  // Equity against the cap and the floor.
  const q = e.equity;
  if (q.equityClosingOre !== null) {
    const statusText: Record<typeof q.status, string> = {
      above_cap: 'över taket',
      below_floor: 'under golvet',
      within: 'inom gränserna',
      unknown: 'kan inte bedömas',
    };
    out.push(
      para(
        `Vid ${y} års utgång hade förbundet ett eget kapital om ${tkrText(q.equityClosingOre)} inkl. årets resultat` +
          (q.shareOfAllocation !== null ? `, vilket motsvarar ${formatPercent(q.shareOfAllocation)} av årets tilldelade medel` : '') +
          ` och är ${statusText[q.status]}.`,
      ),
      table({
        caption: 'Eget kapital mot tak och golv',
        unit: 'Belopp i tkr',
        id: 'tabell-eget-kapital',
        columns: [{ header: 'Post', width: 4, align: 'left' }, { header: String(y), align: 'right' }],
        rows: [
          ['Eget kapital vid årets slut', cell(formatTkr(q.equityClosingOre), { align: 'right' })],
          ['Medelstilldelning', k.allocationOre === null ? cell('–', { align: 'right' }) : cell(formatTkr(k.allocationOre), { align: 'right' })],
          ['Eget kapital i procent av medelstilldelningen', q.shareOfAllocation === null ? cell('–', { align: 'right' }) : cellPercent(q.shareOfAllocation)],
          [`Tak (${formatPercent(q.capShare)} av medelstilldelningen)`, q.capOre === null ? cell('–', { align: 'right' }) : cell(formatTkr(q.capOre), { align: 'right' })],
          ['Golv', q.floorOre === null ? cell('inget', { align: 'right' }) : cell(formatTkr(q.floorOre), { align: 'right' })],
          ['Bedömning', cell(statusText[q.status], { align: 'right' })],
        ],
      }),
    );
  } else out.push(missing('Eget kapital vid årets slut'));
  // Cost distribution, whole per cent by the largest remainder.
  const c = e.costDistribution;
  const col = (d: typeof c.outcome | null, key: keyof typeof c.outcome): CellInput => (d ? cell(formatWholePercent(d[key]), { align: 'right' }) : cell('–', { align: 'right' }));
  const labels: [keyof typeof c.outcome, string][] = [
    ['individual', 'Individinsatser'],
    ['structural', 'Strukturella insatser'],
    ['processSupport', 'Processtöd samverkansinsatser'],
    ['administration', 'Administration (styrelse & kansli)'],
  ];
  // Whole per cents, as the table prints them.
  const share = (d: typeof c.outcome | null) => labels.map(([key]) => (d ? d[key] : null));
  out.push(
    para('Kostnaderna har fördelats enligt följande:'),
    chart({
      title: `Kostnadsfördelning ${y}`,
      alt: `Stapeldiagram: kostnadernas fördelning ${y} på individinsatser, strukturella insatser, processtöd och administration, budget och utfall i procent. Siffrorna står i tabellen under diagrammet.`,
      categories: labels.map(([, label]) => label),
      series: [
        { name: `Budget ${y}`, values: share(c.budget) },
        { name: `Utfall ${y}`, values: share(c.outcome) },
      ],
      unit: '%',
      id: 'diagram-kostnadsfordelning',
    }),
    table({
      caption: 'Kostnadsfördelning',
      id: 'tabell-kostnadsfordelning',
      columns: [{ header: 'Kostnadsslag', width: 3, align: 'left' }, { header: `Budget ${y}`, align: 'right' }, { header: `Utfall ${y}`, align: 'right' }, { header: `Utfall ${y - 1}`, align: 'right' }],
      rows: labels.map(([key, label]) => [label, col(c.budget, key), col(c.outcome, key), col(c.previousOutcome, key)]),
    }),
  );
  if (k.directCostShare !== null) out.push(para(`${formatPercent(k.directCostShare)} av verksamhetens kostnader avser direkta insatskostnader.`));
  out.push(...outcomeAgainstBudget(f));
  return out;
}

function participants(f: AnnualReportFacts): Block[] {
  const s = f.participants;
  if (!s && f.participantsPublishedFrom) return [notYetPublished(f.year, f.participantsPublishedFrom)];
  if (!s || s.byIntervention.total === 0) return [missing('Deltagarstatistik')];
  const out: Block[] = [
    statTable(s.byIntervention, 'tabell-deltagare'),
    statTable(s.flowByGender),
    statChart(s.activeByAgeAndGender, `Aktiva deltagare ${f.year} efter ålder och kön`, 'diagram-alder-kon'),
    statTable(s.activeByAgeAndGender),
    statTable(s.supportBefore),
    statChart(s.exitOutcomes, `Avslutade deltagare ${f.year} efter avslutsorsak`, 'diagram-avslut'),
    statTable(s.exitOutcomes),
  ];
  const shares: string[] = [];
  if (s.shares.publicSupportOver4Years !== null) shares.push(`${formatWholePercent(s.shares.publicSupportOver4Years)} av deltagarna har haft offentlig försörjning i mer än 4 år före insatsen.`);
  if (s.shares.compulsorySchoolHighest !== null) shares.push(`${formatWholePercent(s.shares.compulsorySchoolHighest)} har grundskola som högsta slutförda utbildning.`);
  if (s.duration.averageMonths !== null) shares.push(`Genomsnittlig tid i insats för avslutade deltagare: ${formatNumber(s.duration.averageMonths, 1)} månader.`);
  if (shares.length) out.push(para(shares.join(' ')));
  out.push(small(`– = dolt: färre än ${s.minCellSize} personer, eller en cell som annars skulle kunna räknas fram ur summorna.`));
  return out;
}

function activities(f: AnnualReportFacts): Block[] {
  if (!f.activities.length) return [missing('Strukturpåverkande aktiviteter')];
  const sum = f.activities.reduce((a, x) => a + x.participants, 0);
  return [
    table({
      caption: 'Sammanställning av strukturpåverkande insatser',
      id: 'tabell-aktiviteter',
      columns: [{ header: 'Aktivitet', width: 4 }, { header: 'Målgrupp', width: 3 }, { header: 'Omfattning', width: 2 }, { header: 'Deltagare', align: 'right' }],
      rows: [
        ...f.activities.map((a): RowInput => [a.name, a.targetGroup, a.scopeNote || (a.sessions !== null ? `${a.sessions} tillfällen` : ''), cellNumber(a.participants)]),
        total(['Summa deltagare', '', '', cellNumber(sum)]),
      ],
    }),
  ];
}

function results(f: AnnualReportFacts): Block[] {
  const out: Block[] = [];
  if (f.consumption.length) {
    out.push(
      table({
        caption: `Beslutade och förbrukade medel per insats ${f.year}`,
        unit: 'Belopp i tkr',
        id: 'tabell-forbrukning',
        columns: [{ header: 'Insats', width: 4 }, { header: 'Beslutade medel', align: 'right' }, { header: 'Förbrukade medel', align: 'right' }, { header: 'Förbrukning', align: 'right' }],
        rows: f.consumption.map((c) => [
          c.intervention,
          cell(formatTkr(c.decidedOre), { align: 'right' }),
          cell(formatTkr(c.usedOre), { align: 'right' }),
          c.ratePercent === null ? cell('–', { align: 'right' }) : cell(formatWholePercent(c.ratePercent), { align: 'right' }),
        ]),
      }),
    );
  } else out.push(missing('Beslut om medel och rekvisitioner per insats'));
  return out;
}

function indicatorResults(f: AnnualReportFacts): Block[] {
  const out: Block[] = [];
  if (f.indicators && f.indicators.groups.length) {
    for (const g of f.indicators.groups) {
      if (g.kind === 'assessment') {
        out.push(
          table({
            caption: g.title,
            columns: [{ header: 'Område', width: 5 }, { header: 'Samlad bedömning', width: 2 }],
            rows: g.questions.map((q) => [q.text, q.assessment ?? 'för få svar']),
          }),
        );
        continue;
      }
      out.push(
        table({
          caption: g.title,
          columns: [{ header: 'Fråga', width: 5 }, { header: 'n', align: 'right' }, ...g.scale.map((h) => ({ header: h, align: 'right' as const }))],
          rows: g.questions.map((q) => [q.text, q.n === null ? cell('–', { align: 'right' }) : cellNumber(q.n), ...q.percents.map((p) => (p === null ? cell('–', { align: 'right' }) : cell(formatWholePercent(p), { align: 'right' })))]),
        }),
      );
    }
    out.push(small('– = dolt: för få svar för att visas.'));
  } else out.push(missing('Resultat från indikatorenkäterna'));
  return out;
}

/** Each cost section's outcome against its budget (tkr), as a chart and its table. */
function outcomeAgainstBudget(f: AnnualReportFacts): Block[] {
  const e = f.economy;
  if (!e) return [];
  const y = f.year;
  const sections = e.statement.sections.filter((x) => x.section !== 'income');
  if (!sections.length) return [];
  const tkr = (ore: number) => Math.round(ore / 100_000);
  const title = e.complete ? `Kostnader mot budget per avsnitt ${y}` : `Kostnader mot budget per avsnitt, ${e.periodLabel}`;
  return [
    chart({
      title,
      alt: `Stapeldiagram: kostnaderna per avsnitt i driftredovisningen, budget och utfall i tkr. Siffrorna står i tabellen under diagrammet.`,
      categories: sections.map((x) => sectionLabels[x.section]),
      series: [
        { name: 'Budget', values: sections.map((x) => tkr(x.subtotal.budget.costOre)) },
        { name: 'Utfall', values: sections.map((x) => tkr(x.subtotal.outcome.costOre)) },
      ],
      unit: 'tkr',
      id: 'diagram-utfall-budget',
    }),
    table({
      caption: title,
      unit: 'Belopp i tkr',
      id: 'tabell-utfall-budget',
      columns: [{ header: 'Avsnitt', width: 3, align: 'left' }, { header: 'Budget', align: 'right' }, { header: 'Utfall', align: 'right' }, { header: 'Avvikelse', align: 'right' }],
      rows: sections.map((x) => [
        sectionLabels[x.section],
        cell(formatTkr(x.subtotal.budget.costOre), { align: 'right' }),
        cell(formatTkr(x.subtotal.outcome.costOre), { align: 'right' }),
        cell(formatTkr(x.subtotal.budget.costOre - x.subtotal.outcome.costOre), { align: 'right' }),
      ]),
    }),
  ];
}

/** The members' shares of the year's contributions (the published report's 1.3), from Not 2's income per payer. */
function financingShares(f: AnnualReportFacts): Block[] {
  const payers = (f.economy?.incomeByPayer ?? []).filter((r) => r.currentOre > 0 && r.label !== 'Övriga intäkter');
  if (!payers.length) return [missing('Bidragen per medlem')];
  const sum = payers.reduce((a, r) => a + r.currentOre, 0);
  // Per mille by the largest remainder, so that the printed shares (one decimal) add up to 100,0 %.
  const shares = largestRemainderSplit(1000, payers.map((r) => r.currentOre)).map((p) => p / 1000);
  return [
    table({
      caption: `Medlemmarnas bidrag ${f.year}`,
      unit: 'Belopp i tkr',
      id: 'tabell-finansiering',
      columns: [{ header: 'Medlem', width: 4 }, { header: 'Bidrag', align: 'right' }, { header: 'Andel', align: 'right' }],
      rows: [
        ...payers.map((r, i): RowInput => [r.label.replace(/^Driftbidrag (från )?/, ''), cell(formatTkr(r.currentOre), { align: 'right' }), cellPercent(shares[i]!, 1)]),
        total(['Summa', cell(formatTkr(sum), { align: 'right' }), cellPercent(1, 1)]),
      ],
    }),
  ];
}

/** Staff in full-time equivalents (the five-year overview's employees of the year). */
function staff(f: AnnualReportFacts): Block[] {
  const row = f.economy?.fiveYear.find((r) => r.year === f.year);
  if (!row || row.employees === null) return [missing('Antal anställda (årsarbetare) för året')];
  return [para(`Förbundet hade under ${f.year} ${formatNumber(row.employees)} anställda räknat i heltidstjänster.`)];
}

/** The internal control's follow-up (part 15): the year's checks and their results. */
function internalControl(f: AnnualReportFacts): Block[] {
  const c = f.internalControl;
  if (!c || !c.checks.length) return [];
  return [
    table({
      caption: `Uppföljning av internkontrollplanen ${f.year}`,
      id: 'tabell-internkontroll',
      columns: [{ header: 'Område', width: 2 }, { header: 'Kontroll', width: 3 }, { header: 'Resultat', width: 3 }, { header: 'Åtgärd', width: 3 }],
      rows: c.checks.map((x) => [x.area, x.control, x.result, x.action || '–']),
    }),
  ];
}

/** The value per member (part 16): what the interventions gave each member against its contribution. */
function valuePerMember(f: AnnualReportFacts): Block[] {
  const v = f.valuePerMember;
  if (!v || !v.rows.length) return [];
  return [
    table({
      caption: `Värde per medlem ${f.year}`,
      unit: 'Belopp i tkr',
      id: 'tabell-varde-per-medlem',
      columns: [{ header: 'Medlem', width: 4 }, { header: 'Bidrag', align: 'right' }, { header: 'Beräknat värde', align: 'right' }],
      rows: v.rows.map((r) => [r.member, cell(formatTkr(r.contributionOre), { align: 'right' }), cell(formatTkr(r.valueOre), { align: 'right' })]),
    }),
    small(v.method),
  ];
}

function balanceRequirement(f: AnnualReportFacts): Block[] {
  const r = f.statements?.income.current.resultOre ?? f.economy?.keyFigures.resultOre;
  if (r === undefined) return [missing('Årets resultat')];
  return [
    table({
      caption: 'Balanskravsutredning',
      unit: 'Belopp i kr',
      id: 'tabell-balanskrav',
      columns: [{ header: 'Post', width: 4, align: 'left' }, { header: String(f.year), align: 'right' }],
      rows: [
        ['Årets resultat enligt resultaträkningen', kr(r)],
        ['Avgår: samtliga realisationsvinster', kr(0)],
        subtotal(['Årets resultat efter balanskravsjusteringar', kr(r)]),
        ['Medel till (−) eller från (+) resultatutjämningsreserv', kr(0)],
        total(['Årets balanskravsresultat', kr(r)]),
      ],
    }),
  ];
}

function yearColumns(y: number, dates = false) {
  return [
    { header: 'Belopp i kr', width: 4, align: 'left' as const },
    { header: 'Not', width: 0.6, align: 'center' as const },
    { header: dates ? `${y}-12-31` : String(y), align: 'right' as const },
    { header: dates ? `${y - 1}-12-31` : String(y - 1), align: 'right' as const },
  ];
}

function pairRow<T>(label: string, n: number | null, p: YearPair<T>, get: (t: T) => number, sign = 1): CellInput[] {
  return [label, n === null ? null : note(n), kr(sign * get(p.current)), p.previous ? kr(sign * get(p.previous)) : null];
}

function sourceLine(f: AnnualReportFacts): Block {
  return small(f.statements?.source === 'ledger' ? 'Källa: förbundets huvudbok (SIE).' : 'Källa: förbundets ekonomiska uppgifter i Samordna (ingen huvudbok inläst).');
}

function incomeStatement(f: AnnualReportFacts): Block[] {
  const s = f.statements;
  if (!s) return [missing('Resultaträkningen')];
  const i = s.income;
  return [
    table({
      caption: `Resultaträkning ${f.year}`,
      id: 'tabell-resultatrakning',
      columns: yearColumns(f.year),
      rows: [
        pairRow('Verksamhetens intäkter', 2, i, (x) => x.operatingIncomeOre),
        pairRow('Verksamhetens kostnader', 3, i, (x) => x.operatingCostOre, -1),
        subtotal(pairRow('Verksamhetens resultat', null, i, (x) => x.operatingResultOre)),
        pairRow('Finansiella intäkter', null, i, (x) => x.financialIncomeOre),
        pairRow('Finansiella kostnader', null, i, (x) => x.financialCostOre, -1),
        subtotal(pairRow('Resultat efter finansiella poster', null, i, (x) => x.resultAfterFinancialOre)),
        total(pairRow('Årets resultat', null, i, (x) => x.resultOre)),
      ],
    }),
    sourceLine(f),
  ];
}

function balanceSheet(f: AnnualReportFacts): Block[] {
  const s = f.statements;
  if (!s) return [missing('Balansräkningen')];
  const y = f.year;
  if (s.balance) {
    const b = s.balance;
    const any = (get: (x: typeof b.current) => number) => get(b.current) !== 0 || (b.previous ? get(b.previous) !== 0 : false);
    const head = (label: string): RowInput => [cell(bold(label)), null, null, null];
    const rows: RowInput[] = [head('Tillgångar')];
    if (any((x) => x.fixedAssetsOre)) rows.push(pairRow('Anläggningstillgångar', null, b, (x) => x.fixedAssetsOre));
    rows.push(
      head('Omsättningstillgångar'),
      pairRow('Fordringar', 4, b, (x) => x.receivablesOre),
      pairRow('Kassa och bank', null, b, (x) => x.cashOre),
      subtotal(pairRow('Summa omsättningstillgångar', null, b, (x) => x.currentAssetsOre)),
      total(pairRow('Summa tillgångar', null, b, (x) => x.totalAssetsOre)),
      head('Eget kapital, avsättningar och skulder'),
      head('Eget kapital'),
      pairRow('Årets resultat', 5, b, (x) => x.resultOre),
      pairRow('Övrigt eget kapital', 5, b, (x) => x.otherEquityOre),
      head('Avsättningar'),
      pairRow('Avsättningar för pensioner', null, b, (x) => x.provisionsOre),
      head('Skulder'),
    );
    if (any((x) => x.longTermLiabilitiesOre)) rows.push(pairRow('Långfristiga skulder', null, b, (x) => x.longTermLiabilitiesOre));
    rows.push(
      pairRow('Kortfristiga skulder', 6, b, (x) => x.shortTermLiabilitiesOre),
      total(pairRow('Summa eget kapital, avsättningar och skulder', null, b, (x) => x.totalEquityAndLiabilitiesOre)),
      ['Ansvarsförbindelser', null, 'Inga', b.previous ? 'Inga' : null],
    );
    return [table({ caption: `Balansräkning ${y}-12-31`, id: 'tabell-balansrakning', columns: yearColumns(y, true), rows }), sourceLine(f)];
  }
  const t = s.balanceTotals;
  if (!t) return [missing('Balansräkningen')];
  const opt = (v: number | null | undefined): CellInput => (v === null || v === undefined ? cell('–', { align: 'right' }) : cellKronor(v));
  const rest = (x: { totalAssetsOre: number | null; equityOre: number | null }) => (x.totalAssetsOre !== null && x.equityOre !== null ? x.totalAssetsOre - x.equityOre : null);
  return [
    table({
      caption: `Balansräkning ${y}-12-31 (sammandrag)`,
      id: 'tabell-balansrakning',
      columns: yearColumns(y, true),
      rows: [
        total(['Summa tillgångar', null, opt(t.current.totalAssetsOre), t.previous ? opt(t.previous.totalAssetsOre) : null]),
        ['Årets resultat', note(5), kr(t.current.resultOre), t.previous ? kr(t.previous.resultOre) : null],
        ['Övrigt eget kapital', note(5), t.current.equityOre === null ? opt(null) : kr(t.current.equityOre - t.current.resultOre), t.previous ? (t.previous.equityOre === null ? opt(null) : kr(t.previous.equityOre - t.previous.resultOre)) : null],
        subtotal(['Summa eget kapital', null, opt(t.current.equityOre), t.previous ? opt(t.previous.equityOre) : null]),
        ['Avsättningar och skulder', null, opt(rest(t.current)), t.previous ? opt(rest(t.previous)) : null],
        total(['Summa eget kapital, avsättningar och skulder', null, opt(t.current.totalAssetsOre), t.previous ? opt(t.previous.totalAssetsOre) : null]),
      ],
    }),
    missing('Fördelningen på fordringar, kassa och bank, avsättningar och skulder (ur huvudboken, SIE)'),
    sourceLine(f),
  ];
}

function cashFlow(f: AnnualReportFacts): Block[] {
  const cf = f.statements?.cashFlow;
  if (!cf) return [missing('Kassaflödesanalysen (räknas fram ur huvudboken, SIE)')];
  const c = cf;
  const any = (get: (x: typeof c.current) => number) => get(c.current) !== 0 || (c.previous ? get(c.previous) !== 0 : false);
  const rows: RowInput[] = [
    pairRow('Årets resultat', null, c, (x) => x.resultOre),
    pairRow('Justering för ej likviditetspåverkande poster', null, c, (x) => x.nonCashAdjustmentsOre),
    subtotal(pairRow('Medel från verksamheten före förändring av rörelsekapital', null, c, (x) => x.fundsBeforeWorkingCapitalOre)),
    pairRow('−/+ Ökning/minskning kortfristiga fordringar', null, c, (x) => x.changeReceivablesOre),
    pairRow('+/− Ökning/minskning kortfristiga skulder', null, c, (x) => x.changeShortTermLiabilitiesOre),
    subtotal(pairRow('Kassaflöde från den löpande verksamheten', null, c, (x) => x.operatingOre)),
  ];
  if (any((x) => x.investingOre)) rows.push(pairRow('Kassaflöde från investeringsverksamheten', null, c, (x) => x.investingOre));
  rows.push(
    pairRow('Kassaflöde från finansieringsverksamheten', 5, c, (x) => x.financingOre),
    total(pairRow('Årets kassaflöde', null, c, (x) => x.netOre)),
    pairRow('Likvida medel vid årets början', null, c, (x) => x.cashOpeningOre),
    total(pairRow('Likvida medel vid årets slut', null, c, (x) => x.cashClosingOre)),
  );
  return [
    table({ caption: `Kassaflödesanalys ${f.year}`, id: 'tabell-kassaflode', columns: [{ header: 'Belopp i kr', width: 4, align: 'left' }, { header: 'Not', width: 0.6, align: 'center' }, { header: String(f.year), align: 'right' }, { header: String(f.year - 1), align: 'right' }], rows }),
    sourceLine(f),
  ];
}

function noteTable(n: number, title: string, rows: readonly AmountRow[], sumLabel: string, y: number, dates: boolean): Section {
  const hasPrev = rows.some((r) => r.previousOre !== null);
  const sum = rows.reduce((a, r) => a + r.currentOre, 0);
  const sumPrev = rows.reduce((a, r) => a + (r.previousOre ?? 0), 0);
  const cols = [{ header: 'Post', width: 4, align: 'left' as const }, { header: dates ? `${y}-12-31` : String(y), align: 'right' as const }, ...(hasPrev ? [{ header: dates ? `${y - 1}-12-31` : String(y - 1), align: 'right' as const }] : [])];
  return section(
    `Not ${n}. ${title}`,
    [
      // The note's heading names the table: no caption repeating it.
      table({
        unit: 'Belopp i kr',
        columns: cols,
        rows: [
          ...rows.map((r): RowInput => [r.label, kr(r.currentOre), ...(hasPrev ? [kr(r.previousOre)] : [])]),
          total([sumLabel, kr(sum), ...(hasPrev ? [kr(sumPrev)] : [])]),
        ],
      }),
    ],
    { id: `not-${n}`, excludeFromToc: true },
  );
}

function notes(f: AnnualReportFacts, principles: Block[]): Block[] {
  const y = f.year;
  const out: Block[] = [section('Not 1. Redovisningsprinciper', principles.length ? principles : [missing('Redovisningsprinciperna')], { id: 'not-1', excludeFromToc: true })];
  const e = f.economy;
  if (e && e.incomeByPayer.length) out.push(noteTable(2, 'Verksamhetens intäkter', e.incomeByPayer, 'Summa', y, false));
  else out.push(section('Not 2. Verksamhetens intäkter', [missing('Intäkterna per huvudman')], { id: 'not-2', excludeFromToc: true }));
  if (e) {
    const st = e.statement;
    const sec = (key: string) => st.sections.find((s) => s.section === key)?.subtotal;
    const row = (label: string, fig: typeof st.total | undefined): AmountRow => ({
      label,
      currentOre: -(fig?.outcome.costOre ?? 0),
      previousOre: fig?.previousOutcome ? -fig.previousOutcome.costOre : null,
    });
    const rows = [row('Individinsatser', sec('individual')), row('Strukturpåverkande insatser', sec('structural')), row('Processtöd samverkansinsatser', sec('process_support'))];
    const direct = row('Summa direkta insatskostnader', st.directCosts);
    const admin = row('Administrativa kostnader', sec('administration'));
    const all = row('Summa verksamhetens kostnader', st.total);
    const hasPrev = all.previousOre !== null;
    const cells = (r: AmountRow): CellInput[] => [r.label, kr(r.currentOre), ...(hasPrev ? [kr(r.previousOre)] : [])];
    out.push(
      section(
        'Not 3. Verksamhetens kostnader',
        [
          table({
            unit: 'Belopp i kr',
            columns: [{ header: 'Kostnadsslag', width: 4, align: 'left' }, { header: String(y), align: 'right' }, ...(hasPrev ? [{ header: String(y - 1), align: 'right' as const }] : [])],
            rows: [...rows.map(cells), subtotal(cells(direct)), cells(admin), total(cells(all))],
          }),
        ],
        { id: 'not-3', excludeFromToc: true },
      ),
    );
  } else out.push(section('Not 3. Verksamhetens kostnader', [missing('Kostnaderna per slag')], { id: 'not-3', excludeFromToc: true }));
  const s = f.statements;
  out.push(
    s?.receivables
      ? noteTable(4, 'Fordringar', s.receivables, 'Summa kortfristiga fordringar', y, true)
      : section('Not 4. Fordringar', [missing('Fordringarna per slag (ur huvudboken, SIE)')], { id: 'not-4', excludeFromToc: true }),
  );
  if (s?.equity) {
    const q = s.equity;
    const hasPrev = q.previous !== null;
    const r = (label: string, get: (x: typeof q.current) => number, sum = false): RowInput => {
      const cells: CellInput[] = [label, kr(get(q.current)), ...(hasPrev ? [kr(get(q.previous!))] : [])];
      return sum ? total(cells) : cells;
    };
    out.push(
      section(
        'Not 5. Eget kapital',
        [
          table({
            unit: 'Belopp i kr',
            columns: [{ header: 'Post', width: 4, align: 'left' }, { header: `${y}-12-31`, align: 'right' }, ...(hasPrev ? [{ header: `${y - 1}-12-31`, align: 'right' as const }] : [])],
            rows: [
              r('Ingående eget kapital enl. fastställd balansräkning', (x) => x.openingOre),
              r('Kapitaltillskott nya förbundsmedlemmar', (x) => x.contributionsOre),
              r('Årets resultat', (x) => x.resultOre),
              r('Utgående eget kapital', (x) => x.closingOre, true),
            ],
          }),
        ],
        { id: 'not-5', excludeFromToc: true },
      ),
    );
  } else out.push(section('Not 5. Eget kapital', [missing('Ingående eget kapital')], { id: 'not-5', excludeFromToc: true }));
  out.push(
    s?.shortTermLiabilities
      ? noteTable(6, 'Kortfristiga skulder', s.shortTermLiabilities, 'Summa kortfristiga skulder', y, true)
      : section('Not 6. Kortfristiga skulder', [missing('De kortfristiga skulderna per slag (ur huvudboken, SIE)')], { id: 'not-6', excludeFromToc: true }),
  );
  return out;
}

function boardSignatures(f: AnnualReportFacts, own: Block[]): Block[] {
  const signers: Signer[] = f.board.members.filter((p) => p.seat === 'ledamot').map((p) => ({ name: p.name, role: positionLabels[p.position] }));
  if (!signers.length) return [...own, missing('Förteckningen över styrelsens ledamöter')];
  return [...own, para('Undertecknad den dag som framgår av våra underskrifter.'), signatures(signers, 'Ort och datum')];
}

function auditorSignatures(f: AnnualReportFacts, own: Block[]): Block[] {
  const a = f.board.auditors;
  if (!a.length) return [...own, missing('Förteckningen över revisorerna')];
  return [
    ...own,
    signatures(a.map((x) => ({ name: x.name, role: x.title || 'Revisor' })), 'Ort och datum'),
    ...a.filter((x) => x.appointedBy).map((x) => small(`${x.name}: utsedd av ${x.appointedBy}.`)),
  ];
}
