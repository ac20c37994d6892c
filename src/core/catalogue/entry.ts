/**
 * An entry of the public catalogue of interventions (Insatskatalogen): what a case worker at a member needs to
 * refer someone. Written by the kansli or the intervention's own staff; shown only when marked public; a
 * "review by" date after which the kansli sees it as out of date. Nothing about participants is held here:
 * the results come from the suppressed statistics when shown. Contact details are a ROLE (function mailbox,
 * switchboard), and every text goes through the identity guard.
 */
import { InputError } from '../errors.ts';
import { Validator } from '../interventions/intervention.ts';
import { SupportSource } from '../interventions/vocabulary.ts';

export interface CatalogueEntryInput {
  readonly public: boolean;
  readonly purpose: string;
  readonly targetGroup: string;
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  readonly municipalities: readonly string[];
  readonly supportSources: readonly SupportSource[];
  readonly referralProcess: string;
  readonly contactRole: string;
  readonly contactEmail: string | null;
  readonly contactPhone: string | null;
  readonly openForReferral: boolean;
  readonly capacity: number | null;
  readonly reviewBy: string;
}

const truthy = (v: unknown) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'ja';

/** Splits "Västerås, Köping; Sala" (or an array) into trimmed names, duplicates removed. */
export function municipalityList(v: unknown): string[] {
  const parts = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[,;\n]/) : [];
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}

/** Validates a form or JSON body; throws InputError naming every bad field. */
export function parseCatalogueEntryInput(raw: Record<string, unknown>): CatalogueEntryInput {
  const v = new Validator(raw);
  const purpose = v.text('purpose', 'syfte', { required: true, max: 2000 });
  const targetGroup = v.text('targetGroup', 'målgrupp', { required: true, max: 300 });
  const ageMin = v.integer('ageMin', 'lägsta ålder', { min: 16, max: 67 });
  const ageMax = v.integer('ageMax', 'högsta ålder', { min: 16, max: 67 });
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) v.fail('ageMax', 'Högsta ålder ska vara minst lika med lägsta ålder.');
  const municipalities = municipalityList(raw.municipalities);
  if (municipalities.length > 60) v.fail('municipalities', 'Högst 60 kommuner.');
  if (municipalities.some((m) => m.length > 80)) v.fail('municipalities', 'Ett kommunnamn får vara högst 80 tecken.');
  const rawSources = Array.isArray(raw.supportSources) ? raw.supportSources : raw.supportSources === undefined || raw.supportSources === '' ? [] : [raw.supportSources];
  const supportSources: SupportSource[] = [];
  for (const s of rawSources) {
    const code = SupportSource.parse(String(s));
    if (!code) v.fail('supportSources', `Okänd försörjningskälla: ${String(s)}.`);
    else if (!supportSources.includes(code)) supportSources.push(code);
  }
  const referralProcess = v.text('referralProcess', 'hur man remitterar', { required: true, max: 2000 });
  const contactRole = v.text('contactRole', 'kontaktroll', { required: true, max: 200 });
  const contactEmail = v.text('contactEmail', 'e-post', { max: 200 }) || null;
  if (contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail)) v.fail('contactEmail', 'Ogiltig e-postadress (en funktionsbrevlåda, t.ex. samordningsteam@kommun.se).');
  const contactPhone = v.text('contactPhone', 'telefon', { max: 40 }) || null;
  if (contactPhone && !/^[+0-9 ()-]{5,40}$/.test(contactPhone)) v.fail('contactPhone', 'Ogiltigt telefonnummer.');
  const capacity = v.integer('capacity', 'antal platser', { min: 0, max: 100000 });
  const reviewBy = v.date('reviewBy', 'granskas senast', true);
  if (v.problems.length) throw new InputError(v.problems);
  return {
    public: truthy(raw.public),
    purpose,
    targetGroup,
    ageMin,
    ageMax,
    municipalities,
    supportSources,
    referralProcess,
    contactRole,
    contactEmail,
    contactPhone,
    openForReferral: truthy(raw.openForReferral),
    capacity,
    reviewBy: reviewBy!,
  };
}

/** Out of date: the review-by date has passed. */
export function isOutOfDate(reviewBy: string, today: string): boolean {
  return reviewBy < today;
}

/**
 * The words of a search as a PostgreSQL tsquery for the Swedish configuration, each word as a prefix of its
 * stem (so "unga" → 'ung':* finds "ungdomar" → 'ungdom'): letters and digits only, at most 8 words.
 * Returns null when there is nothing to search for.
 */
export function searchQuery(text: string): string | null {
  const words = (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** The support sources as the catalogue's choice list. */
export const supportSourceOptions = SupportSource.codes.map((c) => ({ value: c, label: SupportSource.label(c) }));
