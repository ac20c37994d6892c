/**
 * The accessibility statement (tillgänglighetsredogörelse) in the form DIGG prescribes for the lag (2018:1937)
 * om tillgänglighet till digital offentlig service: the actor's and the service's names, compliance stated as
 * "helt förenlig", "delvis förenlig" or "inte förenlig", the content that is not accessible and why, the date
 * of the assessment and of the last update, the evaluation method, a way to report shortcomings, and the link
 * to DIGG's report function (the supervisory authority). Sources in docs/records-and-archive.md.
 */
import { InputError, type InputProblem } from '../errors.ts';
import { parseInteger, parseIsoDate, parseText } from '../input/index.ts';
import { identityProblems } from '../privacy/identityGuard.ts';

export const diggReportUrl = 'https://www.digg.se/tdosanmalan';

export interface AccessibilityFields {
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly responseDays: number;
  /** The kansli's own known exceptions, one a line. */
  readonly knownExceptions: string;
  readonly assessedOn: string | null;
}

export interface AuditFacts {
  readonly tool: string;
  readonly checkedOn: string;
  readonly pages: readonly { label: string; path: string }[];
  readonly violations: readonly { rule: string; page: string; description: string }[];
  readonly knownExceptions: readonly string[];
}

export type Compliance = 'helt förenlig' | 'delvis förenlig' | 'inte förenlig';

export interface AccessibilityStatement {
  readonly organisation: string;
  readonly service: string;
  readonly compliance: Compliance;
  readonly notAccessible: readonly string[];
  readonly assessedOn: string;
  readonly updatedOn: string;
  readonly method: string;
  readonly pagesChecked: readonly string[];
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly responseDays: number;
  readonly diggReportUrl: string;
  readonly disproportionateBurden: string;
  readonly outOfScope: string;
}

/** The statement, generated from the audit and the kansli's fields. */
export function accessibilityStatement(organisation: string, fields: AccessibilityFields, audit: AuditFacts, updatedOn: string): AccessibilityStatement {
  const own = fields.knownExceptions.split('\n').map((s) => s.trim()).filter(Boolean);
  const notAccessible = [...audit.violations.map((v) => `${v.page}: ${v.description} (axe-regel ${v.rule})`), ...audit.knownExceptions, ...own];
  // "Helt förenlig" only with nothing known to be missing; failures axe finds make it "inte förenlig".
  const compliance: Compliance = audit.violations.length ? 'inte förenlig' : notAccessible.length ? 'delvis förenlig' : 'helt förenlig';
  const assessedOn = fields.assessedOn && fields.assessedOn > audit.checkedOn ? fields.assessedOn : audit.checkedOn;
  return {
    organisation,
    service: `${organisation}s publika webbsidor i Samordna (diarium, insatskatalog, anslag och enkätsvar)`,
    compliance,
    notAccessible,
    assessedOn,
    updatedOn,
    method: `Självskattning: automatisk granskning med ${audit.tool} av sidorna nedan, i projektets egna tester, kompletterad med förbundets egen bedömning.`,
    pagesChecked: audit.pages.map((p) => p.label),
    contactEmail: fields.contactEmail,
    contactPhone: fields.contactPhone,
    responseDays: fields.responseDays,
    diggReportUrl,
    disproportionateBurden: 'Förbundet gör inga undantag med hänvisning till oskäligt betungande anpassning (12 §).',
    outOfScope: 'Innehåll som inte omfattas av lagen (9 §), till exempel dokument publicerade före 23 september 2018 som inte behövs för pågående ärenden, redovisas här om det finns.',
  };
}

export function parseAccessibilityFields(raw: Record<string, unknown>): AccessibilityFields {
  const problems: InputProblem[] = [...identityProblems(raw)];
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim();
  const text = (field: string, max: number, multiline = false) => {
    const r = parseText(str(raw[field]), { maxLength: max, multiline });
    if (!r.ok) problems.push({ field, message: r.message });
    return r.ok ? r.value : '';
  };
  const contactEmail = text('contactEmail', 200);
  if (!contactEmail) problems.push({ field: 'contactEmail', message: 'Ange en e-postadress dit brister kan anmälas (en funktionsbrevlåda).' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail)) problems.push({ field: 'contactEmail', message: 'Ogiltig e-postadress.' });
  const contactPhone = text('contactPhone', 40);
  if (contactPhone && !/^[+0-9 ()-]{5,40}$/.test(contactPhone)) problems.push({ field: 'contactPhone', message: 'Ogiltigt telefonnummer.' });
  const days = parseInteger(str(raw.responseDays) || '5', { min: 1, max: 60 });
  if (!days.ok) problems.push({ field: 'responseDays', message: `Svarstid: ${days.message}` });
  const knownExceptions = text('knownExceptions', 10_000, true);
  const assessed = str(raw.assessedOn) ? parseIsoDate(str(raw.assessedOn)) : null;
  if (assessed && !assessed.ok) problems.push({ field: 'assessedOn', message: assessed.message });
  if (problems.length) throw new InputError(problems);
  return { contactEmail, contactPhone, responseDays: days.ok ? days.value : 5, knownExceptions, assessedOn: assessed && assessed.ok ? assessed.value : null };
}
