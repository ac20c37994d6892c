/**
 * The chapters of the annual report (årsredovisning) as förbund write them under RKR R15 (the chapters of the
 * 2025 report of Samordningsförbundet Västmanland). Each has a key (used for its text and its on/off setting),
 * a title, and whether the förbund may switch it off. Numbers are given when the report is built, in order
 * of the chapters switched on ("1.14 Balanskravsresultat" becomes 1.13 when an earlier one is off).
 */

export interface ChapterDef {
  readonly key: string;
  readonly title: string;
  /** 'top': a numbered chapter (1–8) or the unnumbered foreword; 'sub': a sub-chapter of 1 Förvaltningsberättelse. */
  readonly level: 'foreword' | 'top' | 'sub';
  /** Has an editable text. */
  readonly narrative: boolean;
  /** May be switched off per förbund. */
  readonly optional: boolean;
  /** What the generated part holds, for the editing page. */
  readonly generated?: string;
}

export const annualReportChapters: readonly ChapterDef[] = [
  { key: 'chair', title: 'Ordförande har ordet', level: 'foreword', narrative: true, optional: true },
  { key: 'management', title: 'Förvaltningsberättelse', level: 'top', narrative: true, optional: false },
  { key: 'organisation', title: 'Organisation', level: 'sub', narrative: true, optional: true, generated: 'förbundets medlemmar' },
  { key: 'mission', title: 'Uppdrag', level: 'sub', narrative: true, optional: true },
  { key: 'financing', title: 'Finansiering', level: 'sub', narrative: true, optional: true, generated: 'medelstilldelning och bidrag per huvudman' },
  { key: 'vision', title: 'Verksamhetsidé och vision', level: 'sub', narrative: true, optional: true },
  { key: 'overview', title: 'Översikt över verksamhetens utveckling', level: 'sub', narrative: true, optional: false, generated: 'femårsöversikt' },
  { key: 'conditions', title: 'Viktiga förhållanden för resultat och ekonomisk ställning', level: 'sub', narrative: true, optional: true },
  { key: 'events', title: 'Händelser av väsentlig betydelse', level: 'sub', narrative: true, optional: true },
  { key: 'governance', title: 'Styrning och uppföljning av verksamheten', level: 'sub', narrative: true, optional: true, generated: 'antal styrelsemöten' },
  {
    key: 'economy',
    title: 'God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning',
    level: 'sub',
    narrative: true,
    optional: false,
    generated: 'resultat mot budget, eget kapital mot tak och golv, kostnadsfördelning',
  },
  { key: 'followup', title: 'Uppföljning av verksamheten', level: 'sub', narrative: true, optional: true, generated: 'mål med bedömning' },
  { key: 'target_group', title: 'Målgrupp individinsatser', level: 'sub', narrative: true, optional: true, generated: 'deltagarstatistik (små tal dolda)' },
  { key: 'structural', title: 'Strukturella insatser', level: 'sub', narrative: true, optional: true, generated: 'strukturpåverkande aktiviteter' },
  {
    key: 'results',
    title: 'Resultat för individ- och strukturinriktade insatser',
    level: 'sub',
    narrative: true,
    optional: true,
    generated: 'förbrukning per insats, indikatorresultat',
  },
  { key: 'balance_requirement', title: 'Balanskravsresultat', level: 'sub', narrative: true, optional: true, generated: 'balanskravsutredning' },
  { key: 'staff', title: 'Väsentliga personalförhållanden', level: 'sub', narrative: true, optional: true },
  { key: 'outlook', title: 'Förväntad utveckling', level: 'sub', narrative: true, optional: true },
  { key: 'income_statement', title: 'Resultaträkning', level: 'top', narrative: false, optional: false, generated: 'resultaträkning' },
  { key: 'balance_sheet', title: 'Balansräkning', level: 'top', narrative: false, optional: false, generated: 'balansräkning' },
  { key: 'cash_flow', title: 'Kassaflödesanalys', level: 'top', narrative: false, optional: false, generated: 'kassaflödesanalys' },
  { key: 'operating_statement', title: 'Driftredovisning', level: 'top', narrative: true, optional: false, generated: 'driftredovisning' },
  { key: 'notes', title: 'Noter', level: 'top', narrative: true, optional: false, generated: 'noter 2–6' },
  { key: 'board_signatures', title: 'Styrelsens underskrifter', level: 'top', narrative: true, optional: false, generated: 'styrelsens ledamöter' },
  { key: 'auditor_signatures', title: 'Revisorernas underskrift', level: 'top', narrative: true, optional: false, generated: 'revisorerna' },
];

export const chapterKeys: ReadonlySet<string> = new Set(annualReportChapters.map((c) => c.key));

export function chapterDef(key: string): ChapterDef | undefined {
  return annualReportChapters.find((c) => c.key === key);
}

/** Default texts where the law or practice gives the wording (used when the förbund has written none). */
export const defaultTexts: Readonly<Record<string, string>> = {
  notes:
    'Årsredovisningen är i tillämpliga delar upprättad i enlighet med Lag (2018:597) om kommunal bokföring och ' +
    'redovisning samt rekommendationer från Rådet för kommunal redovisning. Vissa anpassningar har gjorts till FINSAM:s verksamhet.',
  board_signatures:
    'Vi intygar att årsredovisningen ger en rättvisande bild av verksamhetens resultat samt kostnader, intäkter och förbundets ekonomiska ställning.',
  auditor_signatures: 'Vår revisionsberättelse har avgivits den dag som framgår av våra underskrifter.',
  balance_requirement:
    'Kommunallagens reglering kring återställande av balanskrav är inte aktuell för samordningsförbund, som verkar utifrån ' +
    'Lagen om finansiell samordning av rehabiliteringsinsatser (2003:1210). Balanskravsutredningen redovisas för information.',
};

export type ReportStatus = 'draft' | 'ready' | 'adopted';

export const reportStatusLabels: Record<ReportStatus, string> = {
  draft: 'Utkast',
  ready: 'Klar för styrelsen',
  adopted: 'Fastställd av styrelsen',
};
