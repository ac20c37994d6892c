import { federationRoles, type FederationRole } from './permissions.ts';

/**
 * The second-factor policy of an installation (SAMORDNA_MFA_REQUIRED): the roles whose accounts must have a
 * second factor. "admin" is the system administrator, "national" the national reader, the rest are roles in a
 * förbund. Unset means admin and kansli, the roles that can change everything; "none" turns it off.
 */
export const policyRoles = ['admin', 'national', ...federationRoles] as const;
export type PolicyRole = (typeof policyRoles)[number];

export const defaultSecondFactorPolicy: readonly PolicyRole[] = ['admin', 'kansli'];

/** Parses the setting; an unknown word is an error (a typo must not switch the policy off silently). */
export function parseSecondFactorPolicy(raw: string | undefined): readonly PolicyRole[] {
  if (raw === undefined || raw.trim() === '') return defaultSecondFactorPolicy;
  if (raw.trim().toLowerCase() === 'none') return [];
  const words = raw.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  const unknown = words.filter((w) => !(policyRoles as readonly string[]).includes(w));
  if (unknown.length) {
    throw new Error(`SAMORDNA_MFA_REQUIRED: okänd roll ${unknown.join(', ')} (välj bland ${policyRoles.join(', ')} eller none).`);
  }
  return [...new Set(words as PolicyRole[])];
}

/** Whether an account with these roles must have a second factor under the policy. */
export function secondFactorRequired(
  policy: readonly PolicyRole[],
  account: { readonly isAdmin: boolean; readonly isNational: boolean; readonly roles: readonly FederationRole[] },
): boolean {
  return (
    (account.isAdmin && policy.includes('admin')) ||
    (account.isNational && policy.includes('national')) ||
    account.roles.some((r) => policy.includes(r))
  );
}

/** A TOTP code: six digits, spaces allowed between them (as authenticator apps show "123 456"). */
export function normaliseTotpCode(raw: string): string | null {
  const s = raw.replace(/\s+/g, '');
  return /^\d{6}$/.test(s) ? s : null;
}

/** A recovery code: ten letters/digits from an alphabet without look-alikes, shown as "abcde-fghij". */
export const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
export function normaliseRecoveryCode(raw: string): string | null {
  const s = raw.trim().toLowerCase().replace(/[\s-]+/g, '');
  return s.length === 10 && [...s].every((ch) => recoveryAlphabet.includes(ch)) ? s : null;
}
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A short description of a browser from its User-Agent header, for the list of sessions ("Firefox på Windows"). */
export function describeDevice(userAgent: string): string {
  const ua = userAgent.slice(0, 400);
  if (!ua) return 'Okänd enhet';
  const browser =
    /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : /curl|node|undici/i.test(ua) ? 'Program' : 'Webbläsare';
  const os =
    /Windows/.test(ua) ? 'Windows' : /iPhone|iPad/.test(ua) ? 'iOS' : /Android/.test(ua) ? 'Android' : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  return os ? `${browser} på ${os}` : browser;
}
