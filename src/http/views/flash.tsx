import { tryGetContext } from 'hono/context-storage';

/**
 * Confirmation after a save: a form posts, the route redirects (303) to a page with `?sparat=KEY`, and the
 * layout shows the message for KEY above the page (role="status", announced politely). Only the fixed
 * messages below are shown; nothing from the query string itself reaches the page. The economy pages and the
 * intervention pages show their own `?klart=` messages (routes/economyShared.ts, routes/interventions.tsx
 * savedNotice); the participants page its `?ny=`/`?avslutad=`.
 */
export const flashMessages = {
  intervention: 'Insatsen är sparad.',
  'intervention-created': 'Insatsen är registrerad.',
  grant: 'Beslutet om medel är sparat.',
  requisition: 'Rekvisitionen är sparad.',
  staffing: 'Bemanningen är sparad.',
  goal: 'Målet är sparat.',
  assessment: 'Bedömningen är sparad.',
  activity: 'Aktiviteten är registrerad.',
  'user-invited': 'Kontot är skapat och inbjudan är klar.',
  'user-role': 'Rollen är sparad.',
  'user-removed': 'Rollen är borttagen och användarens inloggningar i förbundet är avslutade.',
  'user-disabled': 'Kontot är avstängt och dess inloggningar är avslutade.',
  'user-enabled': 'Kontot är påslaget igen.',
  'user-reset': 'En länk för nytt lösenord är skapad.',
  'invitation-revoked': 'Inbjudan är återkallad; länken gäller inte längre.',
  federation: 'Förbundet är tillagt.',
  'federation-updated': 'Förbundet är sparat.',
  'ledger-import': 'SIE-filen är inläst.',
  mapping: 'Kontokopplingen är sparad.',
  'mapping-removed': 'Kontokopplingen är borttagen.',
  password: 'Lösenordet är sparat. Logga in med det nya lösenordet.',
} as const;
export type FlashKey = keyof typeof flashMessages;

export const flashParam = 'sparat';

/** `url` with the confirmation `key` added to its query string. */
export function withFlash(url: string, key: FlashKey): string {
  return `${url}${url.includes('?') ? '&' : '?'}${flashParam}=${key}`;
}

/** The message for this request's `?sparat=`, or null. */
export function flashMessage(key: string | undefined): string | null {
  return key !== undefined && Object.hasOwn(flashMessages, key) ? flashMessages[key as FlashKey] : null;
}

export function FlashMessage() {
  const c = tryGetContext();
  const message = c ? flashMessage(c.req.query(flashParam)) : null;
  if (!message) return null;
  return (
    <p class="notice" role="status">
      {message}
    </p>
  );
}
