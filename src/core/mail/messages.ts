import { holdsIdentityNumber } from '../privacy/identityGuard.ts';
import { identityRefusalMessage } from '../privacy/refusalMessage.ts';
import { InputError } from '../errors.ts';
import { invitationDays, resetHours } from '../access/accountRules.ts';

/**
 * Every message Samordna sends, as data: a kind and the few values its text needs (no participant data — a
 * reminder names an intervention or a survey round, never a person or a count of participants). The outbox
 * stores the kind and these values, not the text; the text (Swedish, plain with an HTML alternative) is
 * written here when the message is sent. A one-time link (invitation, new password) is not among the values:
 * its token is made when the message is sent and only its hash is stored (see src/services/mail/sender.ts).
 */
export interface MailParams {
  invitation: { federationName: string; roleLabel: string };
  password_reset: Record<string, never>;
  account_created: Record<string, never>;
  password_changed: Record<string, never>;
  second_factor_reset: Record<string, never>;
  role_changed: { federationName: string; roleLabel: string };
  requisition_reminder: { federationName: string; interventionName: string; periodLabel: string; dueOn: string };
  survey_reminder: { federationName: string; roundName: string; closesOn: string; link: string };
  survey_link: { federationName: string; roundName: string; closesOn: string; link: string };
  follow_up_reminder: { federationName: string; interventionName: string; months: number; link: string };
  meeting_notice: { federationName: string; meetingTitle: string; meetingDate: string; place: string; agenda: readonly string[]; link: string };
  justering_request: { federationName: string; meetingTitle: string; meetingDate: string; link: string };
  protocol_justerat: { federationName: string; meetingTitle: string; meetingDate: string; link: string };
}
export type MailKind = keyof MailParams;

export const mailKinds = [
  'invitation',
  'password_reset',
  'account_created',
  'password_changed',
  'second_factor_reset',
  'role_changed',
  'requisition_reminder',
  'survey_reminder',
  'survey_link',
  'follow_up_reminder',
  'meeting_notice',
  'justering_request',
  'protocol_justerat',
] as const satisfies readonly MailKind[];

/** The kinds whose link carries a one-time token, and the page it opens. */
export const oneTimeLinkPaths: Partial<Record<MailKind, string>> = {
  invitation: '/inbjudan',
  password_reset: '/aterstall',
  account_created: '/aterstall',
};

export const mailKindLabels: Record<MailKind, string> = {
  invitation: 'Inbjudan',
  password_reset: 'Nytt lösenord',
  account_created: 'Nytt konto',
  password_changed: 'Lösenordet bytt',
  second_factor_reset: 'Andra faktorn återställd',
  role_changed: 'Rollen ändrad',
  requisition_reminder: 'Påminnelse: rekvisition',
  survey_reminder: 'Påminnelse: enkät',
  survey_link: 'Enkätens länk',
  follow_up_reminder: 'Påminnelse: uppföljning',
  meeting_notice: 'Kallelse',
  justering_request: 'Justering',
  protocol_justerat: 'Protokoll justerat',
};

export interface ComposedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A paragraph of text, a list, or the link to open. */
type Part = { p: string } | { list: readonly string[] } | { link: string; label: string };

const signature = 'Meddelandet är skickat automatiskt av Samordna och går inte att svara på.';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function render(subject: string, parts: readonly Part[]): ComposedMail {
  const text = [
    ...parts.map((part) => ('p' in part ? part.p : 'list' in part ? part.list.map((x) => `- ${x}`).join('\n') : `${part.label}:\n${part.link}`)),
    '--',
    signature,
  ].join('\n\n');
  const body = parts
    .map((part) =>
      'p' in part
        ? `<p>${escapeHtml(part.p)}</p>`
        : 'list' in part
          ? `<ul>${part.list.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`
          : `<p><a href="${escapeHtml(part.link)}">${escapeHtml(part.label)}</a></p>`,
    )
    .join('\n');
  const html = `<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>\n${body}\n<hr><p><small>${escapeHtml(signature)}</small></p>\n</body></html>\n`;
  return { subject, text: `${text}\n`, html };
}

/** The subject of a message, known when it is queued (the outbox shows it). */
export function mailSubject<K extends MailKind>(kind: K, params: MailParams[K]): string {
  return compose(kind, params, 'https://x').subject;
}

/** The message's text. `link` is the one-time link for the kinds in oneTimeLinkPaths (ignored by the others). */
export function compose<K extends MailKind>(kind: K, params: MailParams[K], link: string): ComposedMail {
  const p = params as MailParams[MailKind] as Record<string, unknown>;
  const s = (name: string) => String(p[name] ?? '');
  switch (kind) {
    case 'invitation':
      return render(`Inbjudan till Samordna – ${s('federationName')}`, [
        { p: `Du är inbjuden till Samordna, ${s('federationName')}, med rollen ${s('roleLabel')}.` },
        { p: `Öppna länken och välj ett lösenord. Länken gäller i ${invitationDays} dagar och kan användas en gång.` },
        { link, label: 'Välj lösenord och logga in' },
        { p: 'Om du inte väntade dig inbjudan kan du bortse från meddelandet.' },
      ]);
    case 'password_reset':
      return render('Nytt lösenord i Samordna', [
        { p: 'Någon med behörighet har skapat en länk där du kan välja ett nytt lösenord till Samordna.' },
        { p: `Länken gäller i ${resetHours} timmar och kan användas en gång. När du har valt lösenord loggas alla dina inloggningar ut.` },
        { link, label: 'Välj nytt lösenord' },
      ]);
    case 'account_created':
      return render('Ditt konto i Samordna', [
        { p: 'Ett konto i Samordna har skapats åt dig. Välj ditt lösenord med länken.' },
        { p: `Länken gäller i ${resetHours} timmar och kan användas en gång.` },
        { link, label: 'Välj lösenord' },
      ]);
    case 'password_changed':
      return render('Ditt lösenord i Samordna är bytt', [
        { p: 'Lösenordet till ditt konto i Samordna har just bytts, och dina inloggningar har loggats ut.' },
        { p: 'Om det inte var du eller någon du bett om det: kontakta förbundets kansli eller systemadministratören genast.' },
      ]);
    case 'second_factor_reset':
      return render('Din andra inloggningsfaktor i Samordna är återställd', [
        { p: 'En administratör har tagit bort den andra faktorn (engångskoder och reservkoder) på ditt konto i Samordna, och dina inloggningar har loggats ut.' },
        { p: 'Nästa gång du loggar in får du koppla en ny app för engångskoder.' },
        { p: 'Om du inte bett om det: kontakta förbundets kansli eller systemadministratören genast.' },
      ]);
    case 'role_changed':
      return render('Din roll i Samordna är ändrad', [
        { p: `Din roll i ${s('federationName')} är nu: ${s('roleLabel')}.` },
        { p: 'Om ändringen är oväntad: kontakta förbundets kansli.' },
      ]);
    case 'requisition_reminder':
      return render(`Påminnelse: rekvisition för ${s('interventionName')}`, [
        { p: `Insatsen ${s('interventionName')} (${s('federationName')}) har ännu ingen rekvisition för ${s('periodLabel')}.` },
        { p: `Rekvisitionen ska vara inne senast ${s('dueOn')}.` },
      ]);
    case 'survey_reminder':
      return render(`Påminnelse: enkäten ${s('roundName')} stänger ${s('closesOn')}`, [
        { p: `Enkätomgången ${s('roundName')} (${s('federationName')}) stänger ${s('closesOn')} och har hittills få svar.` },
        { p: 'Påminn gärna deltagarna om enkäten.' },
        { link: s('link'), label: 'Enkätomgången i Samordna' },
      ]);
    case 'survey_link':
      return render(`Enkäten ${s('roundName')}: länken att dela ut`, [
        { p: `Här är länken till enkätomgången ${s('roundName')} (${s('federationName')}). Dela ut den till dem som ska svara; den gäller till och med ${s('closesOn')}.` },
        { p: 'Svaren är anonyma: länken är densamma för alla och säger inget om vem som svarar.' },
        { link: s('link'), label: 'Enkätens länk' },
      ]);
    case 'follow_up_reminder':
      return render(`Påminnelse: ${s('months')}-månadersuppföljning i ${s('interventionName')}`, [
        { p: `Insatsen ${s('interventionName')} (${s('federationName')}) har ${s('months')}-månadersuppföljningar som ska göras.` },
        { link: s('link'), label: 'Uppföljningarna i Samordna' },
      ]);
    case 'meeting_notice':
      return render(`Kallelse: ${s('meetingTitle')} ${s('meetingDate')}`, [
        { p: `Du kallas till ${s('meetingTitle')}, ${s('federationName')}, ${s('meetingDate')}${s('place') ? `, ${s('place')}` : ''}.` },
        { p: 'Dagordning:' },
        { list: (p.agenda as readonly string[] | undefined) ?? [] },
        { p: 'Handlingarna finns i Samordna (logga in för att läsa dem).' },
        { link: s('link'), label: 'Mötets handlingar' },
      ]);
    case 'justering_request':
      return render(`Protokoll att justera: ${s('meetingTitle')} ${s('meetingDate')}`, [
        { p: `Protokollet från ${s('meetingTitle')}, ${s('federationName')}, ${s('meetingDate')}, är klart för justering.` },
        { link: s('link'), label: 'Läs och justera protokollet' },
      ]);
    case 'protocol_justerat':
      return render(`Protokollet är justerat: ${s('meetingTitle')} ${s('meetingDate')}`, [
        { p: `Protokollet från ${s('meetingTitle')}, ${s('federationName')}, ${s('meetingDate')}, är justerat.` },
        { link: s('link'), label: 'Protokollet i Samordna' },
      ]);
  }
  throw new Error(`Okänd sorts meddelande: ${String(kind)}`);
}

/**
 * Every text value of the parameters (agenda items included), except `link`: a link is made by Samordna from a
 * path and, for a survey round, its random public token, which the guard could take for a number by chance.
 */
export function freeTextOf(params: object): string[] {
  return Object.entries(params).filter(([k]) => k !== 'link').map(([, v]) => v as unknown).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
}

/**
 * The identity guard over every free-text part of a message before it is queued: a personnummer in an agenda
 * item or a meeting title refuses the whole message, and so does a text longer than 2 000 characters.
 */
export function checkMailParams(params: object): void {
  for (const text of freeTextOf(params)) {
    if (holdsIdentityNumber(text)) throw new InputError({ field: 'mail', message: identityRefusalMessage });
    if (text.length > 2000) throw new InputError({ field: 'mail', message: 'En text i meddelandet är för lång (högst 2 000 tecken).' });
  }
}
