import type { Context } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import { createHmac, randomBytes } from 'node:crypto';

/**
 * Confirmation after every save, one mechanism for the whole UI: a form posts, the route answers with
 * `redirectWithFlash(c, url, key)` (303 to the page with `?sparat=KEY`), and the layout shows the message for
 * KEY above the page's content (role="status", announced politely). Only the fixed messages below are shown;
 * nothing from the query string reaches the page except a `detalj` that the key's own pattern accepts (a
 * participant's code, a count), or a name this server signed when it made the redirect (what a removal removed:
 * "Du har tagit bort ledamoten Anna Andersson."). A link made elsewhere cannot put words on the page; a signed
 * name that does not check out (another process, a restart) shows the key's plain message instead.
 */
const messages = {
  // Applications and board meetings
  application: 'Ansökan är sparad.',
  'application-submitted': 'Ansökan är inskickad.',
  notice: 'Kallelsen är sparad.',
  minutes: 'Protokollet är sparat.',
  approved: 'Din justering är registrerad.',
  // Economy
  budget: 'Budgetposten är sparad.',
  line: 'Budgetposten är tillagd.',
  'line-changed': 'Budgetposten är ändrad.',
  'line-removed': 'Budgetposten är borttagen.',
  revision: 'Tilläggsbudgeten är sparad.',
  'revision-removed': 'Tilläggsbudgeten är borttagen.',
  adopted: 'Styrelsens beslut är registrerat: budgeten är antagen och den ursprungliga budgeten låst.',
  'year-started':
    'Året är upplagt från föregående år: budgetposterna är kopierade (justera beloppen), fördelningsnyckeln överförd och ingående eget kapital satt till föregående års utgående.',
  'year-closed': 'Året är stängt (bokslut): siffrorna är årets utfall och ingenting prognostiseras längre.',
  'year-reopened': 'Året är öppnat igen: siffrorna är utfall hittills och helåret en prognos.',
  member: 'Medlemmen är sparad.',
  'member-removed': 'Medlemmen är borttagen.',
  allocation: 'Medelstilldelningen är sparad.',
  key: 'Fördelningsnyckeln är sparad.',
  contributions: 'Bidragen är beräknade och sparade.',
  outcome: 'Utfallet är sparat.',
  'outcome-import': 'Filen är inläst.',
  settings: 'Inställningarna är sparade.',
  profile: 'Periodiseringen är sparad.',
  // Ledger
  'ledger-import': 'SIE-filen är inläst.',
  mapping: 'Kontokopplingen är sparad.',
  'mapping-removed': 'Kontokopplingen är borttagen.',
  // Interventions, goals, activities, participants
  intervention: 'Insatsen är sparad.',
  'intervention-created': 'Insatsen är registrerad.',
  grant: 'Beslutet om medel är sparat.',
  requisition: 'Rekvisitionen är sparad.',
  staffing: 'Bemanningen är sparad.',
  goal: 'Målet är sparat.',
  assessment: 'Bedömningen är sparad.',
  activity: 'Aktiviteten är registrerad.',
  changed: 'Ändringen är sparad.',
  removed: 'Uppgiften är borttagen.',
  'removed-named': (what: string) => `Du har tagit bort ${what}.`,
  reopened: 'Deltagandet är återöppnat.',
  participant: (code: string) => `Deltagaren är registrerad med koden ${code}. Anteckna koden i teamets egen journal – Samordna vet inte vem det är.`,
  'participant-closed': (code: string) => `Deltagandet ${code} är avslutat.`,
  'participants-imported': (n: string) => `${n} deltagare lästes in.`,
  'follow-up': (code: string) => `Uppföljningen av ${code} är sparad.`,
  catalogue: 'Katalogposten är sparad.',
  registered: (n: string) => `Handlingen är diarieförd med diarienummer ${n}.`,
  'public-request': (n: string) => `Din begäran är diarieförd med diarienummer ${n}. Ange numret om du kontaktar förbundet.`,
  'document-class': 'Handlingsslaget i dokumenthanteringsplanen är sparat.',
  disposed: 'Gallringen är gjord och dokumenterad.',
  'internal-control': 'Internkontrollplanen är sparad.',
  accessibility: 'Tillgänglighetsredogörelsen är sparad.',
  // Surveys
  'survey-paper': 'Pappersenkäten är registrerad.',
  'survey-closed': 'Omgången är stängd och resultaten är publicerade.',
  'survey-set': 'Frågesetet är sparat.',
  // Annual report and board
  text: 'Texten är sparad som en ny version.',
  status: 'Årsredovisningens status är ändrad.',
  'report-adopted': 'Årsredovisningen är fastställd och låst.',
  'report-reopened': 'Årsredovisningen är öppnad igen. Öppningen är loggad.',
  copied: 'Förra årets texter är kopierade till de avsnitt som saknade text.',
  chapters: 'Avsnittet är ändrat.',
  board: 'Styrelseregistret är sparat.',
  item: 'Ärendet är sparat.',
  // National
  'national-allocation': 'Fördelningens underlag är sparat.',
  // Accounts
  'user-invited': 'Kontot är skapat och inbjudan är klar.',
  'user-role': 'Rollen är sparad.',
  'user-removed': 'Rollen är borttagen och användarens inloggningar i förbundet är avslutade.',
  'user-disabled': 'Kontot är avstängt och dess inloggningar är avslutade.',
  'user-enabled': 'Kontot är påslaget igen.',
  'user-reset': 'En länk för nytt lösenord är skapad.',
  'user-kinds': 'Kontots roller i hela installationen är sparade.',
  'invitation-revoked': 'Inbjudan är återkallad; länken gäller inte längre.',
  // Mail
  'mail-resent': 'Meddelandet ligger i utkorgen igen och skickas inom en minut.',
  'mail-reminders': 'Påminnelserna är sparade.',
  'mail-survey-link': 'Enkätens länk ligger i utkorgen till personalen på omgångens insatser.',
  federation: 'Förbundet är tillagt.',
  'federation-updated': 'Förbundet är sparat.',
  password: 'Lösenordet är sparat. Logga in med det nya lösenordet.',
  'password-changed': 'Lösenordet är bytt. Dina andra inloggningar är avslutade.',
  'session-ended': 'Inloggningen är avslutad.',
  'mfa-reset': 'Tvåstegsverifieringen är återställd och kontots inloggningar är avslutade. Personen lägger till en ny vid nästa inloggning.',
} as const satisfies Record<string, string | ((detail: string) => string)>;

/** What a key's `detalj` may be: a participant's code or a count, never free text. */
const detailPatterns: Partial<Record<keyof typeof messages, RegExp>> = {
  participant: /^D-[A-Z2-9]{4}-[A-Z2-9]{4}$/,
  'participant-closed': /^D-[A-Z2-9]{4}-[A-Z2-9]{4}$/,
  'participants-imported': /^[0-9]{1,6}$/,
  registered: /^[0-9]{4}\/[0-9]{1,7}$/,
  'public-request': /^[0-9]{4}\/[0-9]{1,7}$/,
};

/** Keys whose detail is free text (a name), accepted only with this process's signature; else their plain message. */
const signedDetails: Partial<Record<keyof typeof messages, string>> = {
  'removed-named': 'Uppgiften är borttagen.',
};
const signingKey = randomBytes(32);
const signatureOf = (key: string, text: string) => createHmac('sha256', signingKey).update(`${key}\n${text}`).digest('base64url').slice(0, 22);
const maxSignedText = 300;

export type FlashKey = keyof typeof messages;

export const flashParam = 'sparat';
export const flashDetailParam = 'detalj';

/** `url` with the confirmation `key` (and its detail) added to its query string, before any #fragment. */
export function withFlash(url: string, key: FlashKey, detail?: string | number): string {
  const hash = url.indexOf('#');
  const [path, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  if (detail !== undefined && Object.hasOwn(signedDetails, key)) {
    const text = String(detail).slice(0, maxSignedText);
    detail = `${text}~${signatureOf(key, text)}`;
  }
  const extra = `${flashParam}=${key}${detail === undefined ? '' : `&${flashDetailParam}=${encodeURIComponent(String(detail))}`}`;
  return `${path}${path.includes('?') ? '&' : '?'}${extra}${fragment}`;
}

/** The one way a page form confirms a save: 303 to `url`, where the layout shows the message for `key`. */
export function redirectWithFlash(c: Context<any>, url: string, key: FlashKey, detail?: string | number): Response {
  return c.redirect(withFlash(url, key, detail), 303);
}

/** The message for a `?sparat=` key (and `detalj`), or null when the key is unknown or the detail not allowed. */
export function flashMessage(key: string | undefined, detail?: string | undefined): string | null {
  return resolveFlash(key, detail)?.message ?? null;
}

/** The message and the part of it that came as the detail (shown in bold). */
function resolveFlash(key: string | undefined, detail: string | undefined): { message: string; detail?: string } | null {
  if (key === undefined || !Object.hasOwn(messages, key)) return null;
  const m = messages[key as FlashKey];
  if (typeof m === 'string') return { message: m };
  const plain = signedDetails[key as FlashKey];
  if (plain !== undefined) {
    const at = detail?.lastIndexOf('~') ?? -1;
    const text = at < 0 ? '' : detail!.slice(0, at);
    if (!text || text.length > maxSignedText || detail!.slice(at + 1) !== signatureOf(key, text)) return { message: plain };
    return { message: m(text), detail: text };
  }
  const pattern = detailPatterns[key as FlashKey];
  return detail !== undefined && pattern?.test(detail) ? { message: m(detail), detail } : null;
}

/** Every key, for tests. */
export const flashKeys = Object.keys(messages) as FlashKey[];

/**
 * Shown by the layout above every page's content when the request carries a confirmation. Only on a page that
 * is read (GET): a form posted from a confirmed page keeps `?sparat=` in its address, and its refusal must
 * never show the earlier success above the error.
 */
export function FlashMessage() {
  const c = tryGetContext();
  if (c && c.req.method !== 'GET' && c.req.method !== 'HEAD') return null;
  const resolved = c ? resolveFlash(c.req.query(flashParam), c.req.query(flashDetailParam)) : null;
  if (!resolved) return null;
  const { message, detail } = resolved;
  // A detail (a participant's code) stands out in the sentence.
  const at = detail ? message.indexOf(detail) : -1;
  return (
    <p class="notice" role="status">
      {at < 0 ? (
        message
      ) : (
        <>
          {message.slice(0, at)}
          <strong>{detail}</strong>
          {message.slice(at + detail!.length)}
        </>
      )}
    </p>
  );
}
