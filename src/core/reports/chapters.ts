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
  /**
   * Shown only when the data for it is registered (a part still being built, e.g. the internal control): a chapter
   * without it is left out and does not take a number, so the published report's numbering holds.
   */
  readonly whenData?: boolean;
}

export const annualReportChapters: readonly ChapterDef[] = [
  { key: 'chair', title: 'Ordförande har ordet', level: 'foreword', narrative: true, optional: true },
  { key: 'management', title: 'Förvaltningsberättelse', level: 'top', narrative: true, optional: false },
  { key: 'organisation', title: 'Organisation', level: 'sub', narrative: true, optional: true, generated: 'förbundets medlemmar' },
  { key: 'mission', title: 'Uppdrag', level: 'sub', narrative: true, optional: true },
  { key: 'financing', title: 'Finansiering', level: 'sub', narrative: true, optional: true, generated: 'medelstilldelning och andel per medlem' },
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
    title: 'Uppföljning och resultat för individinriktade insatser',
    level: 'sub',
    narrative: true,
    optional: true,
    generated: 'förbrukning per insats',
  },
  {
    key: 'results_structural',
    title: 'Uppföljning och resultat för strukturpåverkande insatser',
    level: 'sub',
    narrative: true,
    optional: true,
    generated: 'indikatorresultat',
  },
  { key: 'balance_requirement', title: 'Balanskravsresultat', level: 'sub', narrative: true, optional: true, generated: 'balanskravsutredning' },
  { key: 'staff', title: 'Väsentliga personalförhållanden', level: 'sub', narrative: true, optional: true, generated: 'antal anställda (årsarbetare)' },
  { key: 'outlook', title: 'Förväntad utveckling', level: 'sub', narrative: true, optional: true },
  // Auditors look for it: a chapter of its own, after those of the published report (whose numbers stay).
  { key: 'events_after', title: 'Händelser efter räkenskapsårets slut', level: 'sub', narrative: true, optional: false },
  // Places for parts built alongside (the lead wires their facts: see loadInternalControl and loadValuePerMember).
  { key: 'internal_control', title: 'Intern kontroll', level: 'sub', narrative: true, optional: true, generated: 'uppföljning av internkontrollplanen', whenData: true },
  { key: 'value_per_member', title: 'Värde per medlem', level: 'sub', narrative: true, optional: true, generated: 'värdet av insatserna per medlem', whenData: true },
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

/**
 * What belongs in each chapter: shown in the chapter editor beside last year's text. Drawn from the chapters of a
 * published report (Samordningsförbundet Västmanland 2025).
 */
export const chapterGuidance: Readonly<Record<string, string>> = {
  chair: 'Ordförandens blick på året: samverkan mellan medlemmarna, viktiga händelser och beslut, tack till medlemmar, styrelse och medarbetare. Avsluta med namn och roll.',
  management: 'En kort inledning till förvaltningsberättelsen; resten står i underavsnitten.',
  organisation: 'Styrelsen, beredningsgrupper, kansliets bemanning och tjänster som köps in. Medlemmarna och styrelsen skrivs ut ur registren.',
  mission: 'Förbundets ändamål och uppgift enligt Finsamlagen (2003:1210) och förbundsordningen, och hur förbundet arbetar på olika nivåer.',
  financing: 'Hur medlemmarna delar på finansieringen och om eget kapital budgeterats. Medelstilldelningen och andelen per medlem skrivs ut ur uppgifterna.',
  vision: 'Verksamhetsidé och vision, med datum då styrelsen antog dem.',
  overview: 'Kommentar till femårsöversikten, t.ex. förändringar i förbundets medlemmar.',
  conditions: 'Det som påverkat resultat och ekonomisk ställning: omvärld, arbetsmarknad, insatsernas förbrukning.',
  events: 'Händelser av väsentlig betydelse under året: organisation, ledning, nya eller avslutade insatser.',
  governance: 'Hur styrelsen styr och följer upp: verksamhetsplan, årshjul, beredning. Antalet möten skrivs ut ur mötesregistret.',
  economy: 'Bedömningen av god ekonomisk hushållning: resultat mot budget och varför, eget kapital mot taket, styrdokument.',
  followup: 'Målområden och hur målen följs upp. Målen och bedömningarna skrivs ut ur insatsernas mål.',
  target_group: 'Målgruppen för individinsatserna och vad statistiken visar. Tabellerna skrivs ut ur den publicerade statistiken.',
  structural: 'De strukturpåverkande insatserna och aktiviteterna under året.',
  results: 'Resultat för individinsatserna: avslut, steg mot arbete och studier, bedömning av måluppfyllelsen.',
  results_structural: 'Resultat för de strukturpåverkande insatserna och indikatorerna för finansiell samordning.',
  balance_requirement: 'Balanskravsutredningen och att kommunallagens krav på återställande inte gäller samordningsförbund.',
  staff: 'Kansliets personal under året: anställningar, ledigheter, vikarier, förändringar.',
  outlook: 'Förväntad utveckling: arbetsmarknad, ohälsa, lagändringar och vad det betyder för förbundet.',
  events_after: 'Händelser av väsentlig betydelse efter räkenskapsårets slut, fram till att årsredovisningen upprättas. Finns inga: skriv det.',
  internal_control: 'Uppföljningen av årets internkontrollplan: kontrollerna, resultatet och åtgärderna.',
  value_per_member: 'Vad insatserna har gett varje medlem, med uppföljningen efter avslut som underlag.',
  operating_statement: 'Kommentar till driftredovisningen, t.ex. hur kansliets kostnader fördelats.',
  notes: 'Redovisningsprinciperna (Not 1).',
  board_signatures: 'Styrelsens intygande ovanför underskrifterna.',
  auditor_signatures: 'Text ovanför revisorernas underskrifter.',
};

export type ReportStatus = 'draft' | 'ready' | 'adopted';

export const reportStatusLabels: Record<ReportStatus, string> = {
  draft: 'Utkast',
  ready: 'Klar för styrelsen',
  adopted: 'Fastställd av styrelsen',
};
