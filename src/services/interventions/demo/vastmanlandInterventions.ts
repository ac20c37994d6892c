import type { MemberKind } from './memberKind.ts';

/**
 * Demo data transcribed from Samordningsförbundet Västmanland's operational plan 2024 (teams, staffing,
 * capacity) and annual report 2025 (structural activities). Synthetic participations come from
 * syntheticParticipations.ts.
 */
export interface DemoTeam {
  readonly name: string;
  readonly owner: string;
  readonly municipalities: readonly string[];
  readonly capacity: number | null;
  readonly staffing: readonly { member: string; role: string; fte: number }[];
  readonly budgetLine: string;
  /** 2025 in kronor: the budget line's budgeted cost as the decided grant and its outcome as what was used
   * (from the annual report 2025's driftredovisning; requisitions are demo quarters of it). */
  readonly decided2025: number;
  readonly used2025: number;
}

export const demoMembers: readonly { name: string; kind: MemberKind }[] = [
  { name: 'Försäkringskassan', kind: 'state_fk' },
  { name: 'Arbetsförmedlingen', kind: 'state_af' },
  { name: 'Region Västmanland', kind: 'region' },
  // Names as in the annual report 2025 (Not 2), so the economy demo's members are reused.
  ...['Arboga kommun', 'Fagersta kommun', 'Hallstahammars kommun', 'Kungsörs kommun', 'Köpings kommun', 'Norbergs kommun', 'Skinnskattebergs kommun', 'Sala kommun', 'Surahammars kommun', 'Västerås Stad'].map((name) => ({ name, kind: 'municipality' as const })),
];

export const demoTeams: readonly DemoTeam[] = [
  {
    name: 'Samordningsteam FNS',
    owner: 'Fagersta kommun',
    municipalities: ['Fagersta', 'Norberg', 'Skinnskatteberg'],
    capacity: 55,
    staffing: [
      { member: 'Fagersta kommun', role: 'Verksamhetsledare', fte: 1 },
      { member: 'Fagersta kommun', role: 'Socialkonsulenter', fte: 4 },
      { member: 'Norbergs kommun', role: 'Konsulent', fte: 0.5 },
      { member: 'Region Västmanland', role: 'Kurator', fte: 0.1 },
      { member: 'Arbetsförmedlingen', role: 'Arbetsförmedlare', fte: 0.4 },
    ],
    budgetLine: 'Samordningsteamet FNS',
    decided2025: 1650299,
    used2025: 1614000,
  },
  {
    name: 'Samordningsteam Hallstahammar',
    owner: 'Hallstahammars kommun',
    municipalities: ['Hallstahammar'],
    capacity: 22,
    staffing: [
      { member: 'Hallstahammars kommun', role: 'Verksamhetsledare', fte: 1 },
      { member: 'Hallstahammars kommun', role: 'Socialkonsulent', fte: 0.5 },
      { member: 'Region Västmanland', role: 'Kurator', fte: 0.1 },
      { member: 'Arbetsförmedlingen', role: 'Arbetsförmedlare', fte: 0.2 },
    ],
    budgetLine: 'Samordningsteam Hallstahammar',
    decided2025: 1250000,
    used2025: 1321000,
  },
  {
    name: 'Samordningsteam Sala',
    owner: 'Sala kommun',
    municipalities: ['Sala'],
    capacity: 30,
    staffing: [
      { member: 'Sala kommun', role: 'Verksamhetsledare', fte: 1 },
      { member: 'Sala kommun', role: 'Socialkonsulent', fte: 1 },
      { member: 'Region Västmanland', role: 'Kurator', fte: 0.1 },
      { member: 'Arbetsförmedlingen', role: 'Arbetsförmedlare', fte: 0.4 },
    ],
    budgetLine: 'Samordningsteam Sala',
    decided2025: 1719600,
    used2025: 1671337,
  },
  {
    name: 'Samordningsteam Surahammar',
    owner: 'Surahammars kommun',
    municipalities: ['Surahammar'],
    capacity: 15,
    staffing: [
      { member: 'Surahammars kommun', role: 'Verksamhetsledare', fte: 1 },
      { member: 'Region Västmanland', role: 'Kurator', fte: 0.1 },
      { member: 'Arbetsförmedlingen', role: 'Arbetsförmedlare', fte: 0.6 },
    ],
    budgetLine: 'Samordningsteam Surahammar',
    decided2025: 1250000,
    used2025: 1196000,
  },
  {
    name: 'Samordningsteam Västerås',
    owner: 'Västerås Stad',
    municipalities: ['Västerås'],
    capacity: 85,
    staffing: [
      { member: 'Västerås Stad', role: 'Verksamhetsledare', fte: 1 },
      { member: 'Västerås Stad', role: 'Arbetskonsulenter', fte: 5.5 },
      { member: 'Arbetsförmedlingen', role: 'Arbetsförmedlare', fte: 0.6 },
    ],
    budgetLine: 'Samordningsteam Västerås',
    decided2025: 6099600,
    used2025: 4836600,
  },
  {
    name: 'Teamsamverkan i Västra Mälardalen',
    owner: 'Köpings kommun',
    municipalities: ['Köping', 'Arboga', 'Kungsör'],
    capacity: null,
    staffing: [],
    budgetLine: 'Samordningsteam SVM',
    decided2025: 1551000,
    used2025: 1494000,
  },
];

/** The 2025 table "Sammanställning av strukturpåverkande insatser" (participants sum to 1 734; the text says "ca 1743"). */
export const demoActivities2025: readonly { name: string; targetGroup: string; participants: number; sessions: number | null; dayLength: 'full' | 'half' | 'other' | null; scopeNote: string }[] = [
  { name: '4 grundutbildningar i lösningsfokuserat arbetssätt', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 98, sessions: 16, dayLength: 'full', scopeNote: '4 utbildningar a 4 heldagar' },
  { name: '1 utbildning i att leda grupper med lösningsfokus', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 17, sessions: 4, dayLength: 'full', scopeNote: '1 utbildning a 4 heldagar' },
  { name: '1 utbildning för chef med lösningsfokus', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 21, sessions: 4, dayLength: 'full', scopeNote: '1 utbildning a 4 heldagar' },
  { name: '3 boosttillfällen inom lösningsfokus', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 61, sessions: 3, dayLength: 'half', scopeNote: '3 tillfällen, halvdag' },
  { name: '4 utvecklingsdagar personal i individinsatserna', targetGroup: 'Insatspersonal', participants: 65, sessions: 4, dayLength: 'full', scopeNote: '4 tillfällen, heldag' },
  { name: 'Digitala Dejt med en verkSAMhet', targetGroup: 'Förtroendevalda, chefer, medarbetare, brukarorganisationer och andra intresserade', participants: 519, sessions: 28, dayLength: null, scopeNote: '28' },
  { name: 'Inkluderingslyftet – utbildningar inom BIP och VTA, ESF finansierad', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 206, sessions: null, dayLength: 'other', scopeNote: 'Flertalet utbildningsinsatser, heldagar/halvdagar' },
  { name: 'Tema våld i nära relation föreläsningsserie', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 115, sessions: 3, dayLength: 'half', scopeNote: '3 tillfällen, halvdagar' },
  { name: 'Fontänhus möten', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 135, sessions: 10, dayLength: 'half', scopeNote: '10 tillfällen, halvdagar' },
  { name: 'Reflexiv praktik', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 36, sessions: 3, dayLength: 'half', scopeNote: '3 tillfällen, halvdagar' },
  { name: 'Utbildning/workshop inom SIP processen och Cosmic Link', targetGroup: 'Chefer och medarbetare hos förbundets medlemmar', participants: 356, sessions: 7, dayLength: 'half', scopeNote: '7 tillfällen, halvdagar' },
  { name: 'Rådgivande myndighets gemensamt team', targetGroup: 'Remitterande handläggare hos medlemmarna', participants: 105, sessions: null, dayLength: 'full', scopeNote: '2 heldagar per vecka' },
];
