import type { Context } from 'hono';
import { tryGetContext } from 'hono/context-storage';

/**
 * Confirmation after every save, one mechanism for the whole UI: a form posts, the route answers with
 * `redirectWithFlash(c, url, key)` (303 to the page with `?sparat=KEY`), and the layout shows the message for
 * KEY above the page's content (role="status", announced politely). Only the fixed messages below are shown;
 * nothing from the query string reaches the page except a `detalj` that the key's own pattern accepts (a
 * participant's code, a count), never free text.
 */
const messages = {
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
  reopened: 'Deltagandet är återöppnat.',
  participant: (code: string) => `Deltagaren är registrerad med koden ${code}. Anteckna koden i teamets egen journal – Samordna vet inte vem det är.`,
  'participant-closed': (code: string) => `Deltagandet ${code} är avslutat.`,
  'participants-imported': (n: string) => `${n} deltagare lästes in.`,
  'follow-up': (code: string) => `Uppföljningen av ${code} är sparad.`,
  catalogue: 'Katalogposten är sparad.',
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
};

export type FlashKey = keyof typeof messages;

export const flashParam = 'sparat';
export const flashDetailParam = 'detalj';

/** `url` with the confirmation `key` (and its detail) added to its query string, before any #fragment. */
export function withFlash(url: string, key: FlashKey, detail?: string | number): string {
  const hash = url.indexOf('#');
  const [path, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const extra = `${flashParam}=${key}${detail === undefined ? '' : `&${flashDetailParam}=${encodeURIComponent(String(detail))}`}`;
  return `${path}${path.includes('?') ? '&' : '?'}${extra}${fragment}`;
}

/** The one way a page form confirms a save: 303 to `url`, where the layout shows the message for `key`. */
export function redirectWithFlash(c: Context<any>, url: string, key: FlashKey, detail?: string | number): Response {
  return c.redirect(withFlash(url, key, detail), 303);
}

/** The message for a `?sparat=` key (and `detalj`), or null when the key is unknown or the detail not allowed. */
export function flashMessage(key: string | undefined, detail?: string | undefined): string | null {
  if (key === undefined || !Object.hasOwn(messages, key)) return null;
  const m = messages[key as FlashKey];
  if (typeof m === 'string') return m;
  const pattern = detailPatterns[key as FlashKey];
  return detail !== undefined && pattern?.test(detail) ? m(detail) : null;
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
  const detail = c?.req.query(flashDetailParam);
  const message = c ? flashMessage(c.req.query(flashParam), detail) : null;
  if (!message) return null;
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
