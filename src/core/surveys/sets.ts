/**
 * Indicator survey question sets (Indikatorer för finansiell samordning): respondent groups, answer scales and
 * the sets shipped with Samordna. The national network owns the national wording: a shipped set is never
 * reworded; a change is a new version of the set, and answers keep pointing at the version they answered.
 */

export const respondentGroups = ['deltagare-pagaende', 'deltagare-avslutade', 'insatspersonal', 'styrelse', 'chefer', 'remittenter'] as const;
export type RespondentGroup = (typeof respondentGroups)[number];

export const respondentGroupLabels: Record<RespondentGroup, string> = {
  'deltagare-pagaende': 'Deltagare, pågående',
  'deltagare-avslutade': 'Deltagare, avslutade',
  insatspersonal: 'Insatspersonal',
  styrelse: 'Styrelse',
  chefer: 'Chefer i samverkan',
  remittenter: 'Remittenter',
};

export function isRespondentGroup(v: unknown): v is RespondentGroup {
  return typeof v === 'string' && (respondentGroups as readonly string[]).includes(v);
}

export const setKinds = ['indicator', 'board_self_assessment', 'local'] as const;
export type SetKind = (typeof setKinds)[number];

export const setKindLabels: Record<SetKind, string> = {
  indicator: 'Nationell indikatorenkät',
  board_self_assessment: 'Styrelsens självskattning',
  local: 'Förbundets egna frågor',
};

/** The two six-step scales of the national indicator surveys, as the 2025 annual report prints them. */
export const frequencyScale = ['Aldrig', 'Sällan', 'Ibland', 'Ofta', 'För det mesta', 'Alltid'] as const;
export const extentScale = ['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet'] as const;
/**
 * The board's self-assessment scale. The 2025 report prints "Mycket god", "God" and "Delvis etablerad" as
 * assessments; "Inte etablerad" is the step below them (an assumption: the national form is not in the sources).
 */
export const boardScale = ['Inte etablerad', 'Delvis etablerad', 'God', 'Mycket god'] as const;

/** Named scales the kansli can choose when adding a set (or it writes its own steps). */
export const namedScales: Readonly<Record<string, readonly string[]>> = {
  A: frequencyScale,
  B: extentScale,
  C: boardScale,
};

/** The answer a respondent may give instead of a step; not counted in n (the report's n differs per statement). */
export const noAnswerLabel = 'Vet inte / vill inte svara';

export interface StatementDefinition {
  /** Stable key inside the set; the public form's field name for the statement is the key (q1 …). */
  readonly key: string;
  readonly indicator: string;
  readonly text: string;
  readonly easyText?: string | null;
  readonly scale: readonly string[];
}

export interface SetDefinition {
  readonly key: string;
  readonly version: number;
  readonly kind: SetKind;
  readonly group: RespondentGroup;
  readonly name: string;
  readonly freeTextPrompt?: string | null;
  readonly freeTextPromptEasy?: string | null;
  readonly statements: readonly StatementDefinition[];
}

/** The public id of a set version: "insatspersonal-v1". */
export function setId(key: string, version: number): string {
  return `${key}-v${version}`;
}

/** Parses "insatspersonal-v1" (or a bare key, meaning its newest version: version null). */
export function parseSetId(id: string): { key: string; version: number | null } | null {
  const m = /^([a-z0-9][a-z0-9-]*?)(?:-v(\d{1,4}))?$/.exec(id.trim());
  if (!m) return null;
  return { key: m[1]!, version: m[2] ? Number(m[2]) : null };
}

/**
 * The staff questionnaire exactly as "Resultat av svar från insatspersonal" in the 2025 annual report prints
 * it: four statements on the frequency scale, seven questions on the extent scale. The report does not print
 * which of the 16 national indicators each statement belongs to, so the shipped set leaves `indicator` empty
 * rather than guess; a kansli that has the national key adds it in a new version.
 */
export const staffSet2025: SetDefinition = {
  key: 'insatspersonal',
  version: 1,
  kind: 'indicator',
  group: 'insatspersonal',
  name: 'Indikatorer FINSAM – insatspersonal',
  statements: [
    { key: 'q1', indicator: '', text: 'Stödet får ta den tid som behövs', scale: frequencyScale },
    { key: 'q2', indicator: '', text: 'Tillräcklig planering efter avslutad insats', scale: frequencyScale },
    { key: 'q3', indicator: '', text: 'Samverkansparter lyssnar på mig', scale: frequencyScale },
    { key: 'q4', indicator: '', text: 'Samverkansparter vet vad jag kan tillföra', scale: frequencyScale },
    { key: 'q5', indicator: '', text: 'Tas erfarenheter, kunskaper och synpunkter från deltagare systematiskt tillvara?', scale: extentScale },
    { key: 'q6', indicator: '', text: 'Finns rutiner för samarbete med andra aktörer i arbetet med insatser för deltagarna?', scale: extentScale },
    { key: 'q7', indicator: '', text: 'Finns strukturer för att initiera och underhålla relationer mellan de samverkande myndigheterna?', scale: extentScale },
    { key: 'q8', indicator: '', text: 'Omfattas synsättet kring människors resurser och möjligheter av alla i den samordnade insatsen?', scale: extentScale },
    { key: 'q9', indicator: '', text: 'Fungerar olika arbetssätt inom den samordnade insatsen väl tillsammans?', scale: extentScale },
    { key: 'q10', indicator: '', text: 'Finns rutiner för att arbeta med jämställdhet, jämlikhet och mångfald i insatsen?', scale: extentScale },
    { key: 'q11', indicator: '', text: 'Avsätts tid för lärande och reflektion kopplat till jämställdhet, jämlikhet och mångfald?', scale: extentScale },
  ],
};

/** The board's self-assessment of its own work, areas as "Resultat av svar från styrelsens ledamöter" (2025). */
export const boardSelfAssessment2025: SetDefinition = {
  key: 'styrelse-sjalvskattning',
  version: 1,
  kind: 'board_self_assessment',
  group: 'styrelse',
  name: 'Styrelsens självskattning',
  statements: [
    { key: 'q1', indicator: '', text: 'Samverkan mellan myndigheter', scale: boardScale },
    { key: 'q2', indicator: '', text: 'Uppföljning och utvärdering', scale: boardScale },
    { key: 'q3', indicator: '', text: 'Användning av uppföljning i utvecklingsarbete', scale: boardScale },
    { key: 'q4', indicator: '', text: 'Användning av könsuppdelad statistik', scale: boardScale },
    { key: 'q5', indicator: '', text: 'Integrering av JJM i verksamhetsplanering', scale: boardScale },
  ],
};

/** Every set shipped with Samordna. */
export const builtinSets: readonly SetDefinition[] = [staffSet2025, boardSelfAssessment2025];

/** The key a new set gets from its name: lower case a–z, 0–9 and dashes ("Deltagare pågående" → "deltagare-pagaende"). */
export function keyFromName(name: string): string {
  const k = name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return k || 'enkat';
}
