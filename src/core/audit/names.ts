/**
 * The audit log as a person reads it (issue 28): every audited table and field by its Swedish name, amounts in
 * kronor, and a budget line's, member's, intervention's or user's name in place of its id. The names are data
 * here, in one place; src/core/audit/names.db.test.ts checks that every table the audit trigger watches has one.
 */
import { sectionLabels, type Section } from '../economy/types.ts';
import { participationFieldLabels } from '../interventions/participation.ts';
import { formatLocalDateTime, formatNumber, formatNumberUpTo } from '../format.ts';

/** Each audited table: its Swedish name and the kind of record it is (the log's filter groups by kind). */
export const auditTables: Readonly<Record<string, { readonly label: string; readonly kind: AuditKind }>> = {
  federation: { label: 'Förbund', kind: 'administration' },
  member: { label: 'Medlem', kind: 'economy' },
  budget_line: { label: 'Budgetpost', kind: 'economy' },
  fiscal_year: { label: 'Räkenskapsår', kind: 'economy' },
  year_summary: { label: 'Årssammandrag', kind: 'economy' },
  allocation_key: { label: 'Fördelningsnyckel', kind: 'economy' },
  allocation_key_weight: { label: 'Fördelningsnyckel, medlemmens vikt', kind: 'economy' },
  contribution: { label: 'Medlemsbidrag', kind: 'economy' },
  budget_amount: { label: 'Budgetbelopp', kind: 'economy' },
  budget_revision: { label: 'Tilläggsbudget', kind: 'economy' },
  budget_revision_line: { label: 'Tilläggsbudget, rad', kind: 'economy' },
  budget_adoption: { label: 'Budgetbeslut', kind: 'economy' },
  outcome_entry: { label: 'Utfall', kind: 'economy' },
  outcome_import: { label: 'Inläst utfallsfil', kind: 'economy' },
  year_closing: { label: 'Stängt år (bokslut)', kind: 'economy' },
  state_allocation_input: { label: 'Statens fördelningsmodell, underlag', kind: 'economy' },
  state_allocation_year: { label: 'Statens fördelningsmodell, år', kind: 'economy' },
  ledger_import: { label: 'Inläst huvudbok (SIE)', kind: 'ledger' },
  ledger_mapping: { label: 'Kontokoppling', kind: 'ledger' },
  ledger_class_range: { label: 'Kontoklass', kind: 'ledger' },
  intervention: { label: 'Insats', kind: 'interventions' },
  intervention_member: { label: 'Insatsens medlem', kind: 'interventions' },
  intervention_staffing: { label: 'Insatsens bemanning', kind: 'interventions' },
  intervention_grant: { label: 'Beviljade medel till insats', kind: 'interventions' },
  intervention_assignment: { label: 'Insatspersonalens insats', kind: 'administration' },
  requisition: { label: 'Rekvisition', kind: 'interventions' },
  activity: { label: 'Strukturaktivitet', kind: 'interventions' },
  activity_participants: { label: 'Strukturaktivitet, deltagare per medlem', kind: 'interventions' },
  goal: { label: 'Mål', kind: 'interventions' },
  goal_assessment: { label: 'Måluppfyllelse', kind: 'interventions' },
  participation: { label: 'Deltagande', kind: 'participants' },
  progression_measurement: { label: 'Progressionsmätning', kind: 'participants' },
  progression_instrument: { label: 'Progressionsinstrument', kind: 'interventions' },
  participation_follow_up: { label: 'Uppföljning efter avslut', kind: 'participants' },
  finsam_report: { label: 'Rapporterat till Uppföljning Finsam', kind: 'governance' },
  value_unit_cost: { label: 'Kostnad per försörjningsform (samhällsekonomisk effekt)', kind: 'economy' },
  statistics_snapshot: { label: 'Fryst deltagarstatistik', kind: 'participants' },
  national_publication: { label: 'Nationell publicering', kind: 'participants' },
  privacy_finding: { label: 'Fynd i statistikens skydd', kind: 'participants' },
  catalogue_entry: { label: 'Insatskatalogen', kind: 'interventions' },
  document_class: { label: 'Dokumenthanteringsplan, handlingsslag', kind: 'governance' },
  registry_sequence: { label: 'Diariets nummerserie', kind: 'governance' },
  registry_entry: { label: 'Diariepost', kind: 'governance' },
  disposal: { label: 'Gallring', kind: 'governance' },
  internal_control_plan: { label: 'Internkontrollplan', kind: 'governance' },
  internal_control_risk: { label: 'Internkontroll, risk', kind: 'governance' },
  internal_control_point: { label: 'Internkontroll, kontrollpunkt', kind: 'governance' },
  internal_control_result: { label: 'Internkontroll, resultat', kind: 'governance' },
  accessibility_statement: { label: 'Tillgänglighetsredogörelse', kind: 'governance' },
  survey_set: { label: 'Frågeset', kind: 'surveys' },
  survey_statement: { label: 'Fråga i frågeset', kind: 'surveys' },
  survey_round: { label: 'Enkätomgång', kind: 'surveys' },
  survey_round_intervention: { label: 'Enkätomgångens insats', kind: 'surveys' },
  board_member: { label: 'Styrelseledamot', kind: 'governance' },
  board_meeting: { label: 'Styrelsemöte', kind: 'governance' },
  decision_item: { label: 'Beslutsärende', kind: 'governance' },
  application: { label: 'Ansökan om medel', kind: 'governance' },
  application_member: { label: 'Ansökans samverkande medlem', kind: 'governance' },
  application_goal: { label: 'Ansökans mål', kind: 'governance' },
  application_amount: { label: 'Ansökans belopp per år', kind: 'governance' },
  preparation_criterion: { label: 'Beredningens kriterium', kind: 'governance' },
  preparation_check: { label: 'Beredningens bedömning', kind: 'governance' },
  preparation_comment: { label: 'Beredningens kommentar', kind: 'governance' },
  minutes: { label: 'Protokoll', kind: 'governance' },
  minutes_paragraph: { label: 'Protokollsparagraf', kind: 'governance' },
  minutes_paragraph_amount: { label: 'Protokollsparagrafens belopp', kind: 'governance' },
  minutes_approval: { label: 'Justering av protokoll', kind: 'governance' },
  delegation_rule: { label: 'Delegationsordningens punkt', kind: 'governance' },
  delegated_decision: { label: 'Delegationsbeslut', kind: 'governance' },
  auditor: { label: 'Revisor', kind: 'governance' },
  annual_report: { label: 'Årsredovisning', kind: 'governance' },
  annual_report_event: { label: 'Årsredovisningens händelse', kind: 'governance' },
  report_chapter_setting: { label: 'Rapportens kapitel', kind: 'governance' },
  report_text: { label: 'Rapporttext', kind: 'governance' },
  report_text_version: { label: 'Rapporttext, version', kind: 'governance' },
  app_user: { label: 'Användare', kind: 'administration' },
  federation_role: { label: 'Användarens roll', kind: 'administration' },
  user_invitation: { label: 'Inbjudan', kind: 'administration' },
  auth_totp: { label: 'Andra faktor (app för engångskoder)', kind: 'administration' },
  auth_recovery_code: { label: 'Reservkod för andra faktorn', kind: 'administration' },
  invitation_approval: { label: 'Godkännande av inbjudan', kind: 'administration' },
  password_reset: { label: 'Lösenordsåterställning', kind: 'administration' },
  mail_outbox: { label: 'E-post', kind: 'administration' },
  mail_reminder_setting: { label: 'Påminnelse per e-post', kind: 'administration' },
};

export type AuditKind = 'economy' | 'ledger' | 'interventions' | 'participants' | 'surveys' | 'governance' | 'administration';

export const auditKindLabels: Readonly<Record<AuditKind, string>> = {
  economy: 'Ekonomi',
  ledger: 'Räkenskaper',
  interventions: 'Insatser och uppföljning',
  participants: 'Deltagare och statistik',
  surveys: 'Enkäter',
  governance: 'Styrning',
  administration: 'Administration',
};

/** The tables of one kind of record. */
export function auditTablesOfKind(kind: AuditKind): string[] {
  return Object.entries(auditTables).filter(([, t]) => t.kind === kind).map(([name]) => name);
}

/** Column names (the same name means the same thing in every table), in Swedish. */
export const auditFields: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(participationFieldLabels).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])),
  name: 'namn', label: 'benämning', section: 'avsnitt', sort_order: 'ordning', kind: 'sort', year: 'år', month: 'månad',
  organisation_number: 'organisationsnummer', county: 'län', settings: 'inställningar', synthetic: 'syntetiskt', created_at: 'skapad',
  budget_profile: 'budgetprofil', budget_line_id: 'budgetpost', member_id: 'medlem', owner_member_id: 'huvudman', intervention_id: 'insats',
  income_ore: 'intäkt', cost_ore: 'kostnad', amount_ore: 'belopp', allocation_ore: 'medelstilldelning', opening_equity_ore: 'ingående eget kapital',
  equity_contributions_ore: 'kapitaltillskott', total_assets_ore: 'balansomslutning', financial_income_ore: 'finansiella intäkter',
  financial_cost_ore: 'finansiella kostnader', result_ore: 'resultat', decided_ore: 'beviljat belopp', total_ore: 'total tilldelning',
  employees: 'årsarbetare', equity_ratio: 'soliditet', note: 'anteckning', state_share_bp: 'statens andel', region_share_bp: 'regionens andel',
  municipalities_share_bp: 'kommunernas andel', municipal_basis: 'kommunernas grund', weight: 'vikt', max_fall_bp: 'största minskning',
  decided_on: 'beslutsdatum', decision: 'beslut', revision_id: 'tilläggsbudget', adopted_on: 'fastställd', reference: 'paragraf',
  source: 'källa', import_id: 'inläsning', source_row: 'rad i filen', file_name: 'filnamn', sha256: 'SHA-256', imported_by: 'inläst av',
  imported_at: 'inläst', row_count: 'rader', changed_count: 'ändrade belopp', year_start: 'räkenskapsår från', year_end: 'räkenskapsår till',
  company_name: 'företagsnamn', program: 'program', sie_type: 'SIE-typ', account_count: 'konton', voucher_count: 'verifikationer',
  transaction_count: 'transaktioner', balance_count: 'saldon', replaced_at: 'ersatt', predecessor: 'föregångarens bokföring',
  account_from: 'konto från', account_to: 'konto till', dimension: 'dimension', object_code: 'objekt', class: 'kontoklass',
  period_start: 'startdatum', period_end: 'slutdatum', target_group: 'målgrupp', municipalities_served: 'kommuner', capacity: 'platser',
  steering_group: 'styrgrupp', role: 'roll', fte: 'årsarbetare', decision_date: 'beslutsdatum', requisition_date: 'rekvisitionsdatum',
  sessions: 'tillfällen', day_length: 'dagens längd', scope_note: 'omfattning', first_date: 'första datum', last_date: 'sista datum',
  participants: 'deltagare', evaluation_score: 'utvärdering', activity_id: 'aktivitet', area: 'område', text: 'text', goal_id: 'mål',
  assessment: 'bedömning', comment: 'kommentar', participation_id: 'deltagande', measured_on: 'mätdatum', indicator: 'indikator',
  score: 'värde', frozen_at: 'fryst', data: 'underlag', published_from: 'publiceras från', published_at: 'publicerad',
  public: 'publik', purpose: 'syfte', age_min: 'lägsta ålder', age_max: 'högsta ålder', municipalities: 'kommuner',
  support_sources: 'stödets finansiärer', referral_process: 'remissvägar', contact_role: 'kontaktfunktion', contact_email: 'e-post',
  contact_phone: 'telefon', open_for_referral: 'tar emot remisser', review_by: 'granskas senast', updated_at: 'uppdaterad', updated_by: 'uppdaterad av',
  key: 'nyckel', version: 'version', respondent_group: 'respondentgrupp', builtin: 'levererat med Samordna', free_text_prompt: 'fritextfråga',
  free_text_prompt_easy: 'fritextfråga, lättläst', created_on: 'skapad', set_id: 'frågeset', position: 'plats', easy_text: 'lättläst text',
  scale: 'skala', local_set_id: 'egna frågor', opens_on: 'öppnar', closes_on: 'stänger', open_token: 'öppen länk', codes_issued: 'utdelade koder',
  round_id: 'enkätomgång', seat: 'plats', term_start: 'mandat från', term_end: 'mandat till', meeting_date: 'mötesdatum',
  board_meeting_id: 'möte', title: 'rubrik', body: 'text', proposal: 'förslag', appointed_by: 'utsedd av', status: 'status',
  adopted_date: 'fastställd', adopted_paragraph: 'paragraf', status_changed_by: 'status ändrad av', status_changed_at: 'status ändrad',
  annual_report_id: 'årsredovisning', event: 'händelse', actor: 'av', at: 'tid', chapter: 'kapitel', enabled: 'med',
  report_text_id: 'rapporttext', changed_by: 'ändrad av', changed_at: 'ändrad', population_16_64: 'befolkning 16–64 år',
  support_measure_hundredths: 'stödmått', email: 'e-post', display_name: 'namn', is_admin: 'systemadministratör',
  is_national: 'nationell läsare', disabled: 'avstängd', password_changed_at: 'lösenord bytt', user_id: 'användare',
  intervention_ids: 'insatser', expires_at: 'giltig till', closed_at: 'stängd', invitation_id: 'inbjudan', decided_at: 'beslutad',
  level: 'nivå', problem: 'problem', follow_up: 'uppföljning', co_financing: 'medfinansiering',
  staffing: 'bemanning', contact_person: 'kontaktperson', submitted_at: 'inlämnad',
  proposal_conditions: 'villkor i förslaget', decision_paragraph_id: 'beslutsparagraf',
  decision_reason: 'beslut', application_id: 'ansökan', cost_type: 'kostnadsslag', retired: 'avslutad',
  criterion_id: 'kriterium', met: 'uppfyllt', author: 'av', notice_given_at: 'kallelse given',
  present: 'närvarande', chair: 'ordförande', secretary: 'sekreterare', adjusters: 'justerare',
  kept_at: 'förvaras', adjusted_at: 'justerat', minutes_id: 'protokoll', number: 'paragraf',
  decision_item_id: 'ärende', corrects_paragraph_id: 'rättar paragraf', paragraph_id: 'paragraf',
  approver: 'justerare', approved_at: 'justerad', matter: 'ärendetyp', delegate: 'delegat',
  max_amount_ore: 'högsta belopp', delegation_rule_id: 'delegationspunkt', reported_item_id: 'anmält i ärende',
  decided_by: 'beslutad av',
  months: 'månader efter avslut', status_date: 'datum för uppgiften', reached: 'nådd',
  support_source: 'huvudsaklig försörjning', work_or_studies: 'arbete eller studier', recorded_at: 'registrerad', payer: 'betalare',
  annual_ore: 'kostnad per år', fk_follow_up_method: 'uppföljningsmetod (Uppföljning Finsam)', esf_financed: 'ESF-finansierad',
  raters: 'vem skattar', interval_months: 'intervall (månader)', indicators: 'indikatorer', rater: 'skattad av',
  reported_at: 'rapporterad', reported_by: 'rapporterad av', created_by: 'skapad av', used_at: 'använd', token_hash: 'kod', position_title: 'befattning',
};

/** Columns that only identify the row (shown as the row, not as changed values). */
export const auditBookkeepingFields: ReadonlySet<string> = new Set(['id', 'federation_id']);

const sourceLabels: Record<string, string> = { manual: 'inmatat', file: 'inläst fil', reference: 'referensfil', ledger: 'bokföringen (SIE)' };

/** The names the log puts in place of ids (each map: id → name). */
export interface AuditNames {
  readonly budgetLines: ReadonlyMap<number, string>;
  readonly members: ReadonlyMap<number, string>;
  readonly interventions: ReadonlyMap<number, string>;
  readonly users: ReadonlyMap<number, string>;
}

const references: Record<string, keyof AuditNames> = {
  budget_line_id: 'budgetLines',
  member_id: 'members',
  owner_member_id: 'members',
  referring_member_id: 'members',
  intervention_id: 'interventions',
  user_id: 'users',
};

/** One field's value as the log shows it: kronor, per cent, names for ids, ja/nej, Swedish time. */
export function auditValueText(field: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined) return '–';
  const ref = references[field];
  if (ref && typeof value === 'number') {
    const name = names[ref].get(value);
    return name ?? `nr ${value} (finns inte längre)`;
  }
  // Exact to the öre: the log shows what was stored, not the report's rounding.
  if (field.endsWith('_ore') && typeof value === 'number') return `${formatNumber(value / 100, value % 100 === 0 ? 0 : 2)} kr`;
  if (field.endsWith('_bp') && typeof value === 'number') return `${formatNumberUpTo(value / 100, 2)} %`;
  if (field === 'section' && typeof value === 'string' && value in sectionLabels) return sectionLabels[value as Section];
  if (field === 'source' && typeof value === 'string') return sourceLabels[value] ?? value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatLocalDateTime(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface AuditFieldChange {
  readonly field: string;
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** The fields an entry shows (changed ones for an update, all for an insert or delete), named and formatted. */
export function describeAuditChanges(oldValues: Readonly<Record<string, unknown>> | null, newValues: Readonly<Record<string, unknown>> | null, names: AuditNames): AuditFieldChange[] {
  const o = oldValues ?? {};
  const n = newValues ?? {};
  const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])].filter((k) => !auditBookkeepingFields.has(k));
  const shown = oldValues && newValues ? keys.filter((k) => JSON.stringify(o[k]) !== JSON.stringify(n[k])) : keys;
  return shown.map((k) => ({
    field: k,
    label: auditFields[k] ?? k.replace(/_/g, ' '),
    before: oldValues ? auditValueText(k, o[k], names) : null,
    after: newValues ? auditValueText(k, n[k], names) : null,
  }));
}
