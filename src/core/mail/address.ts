import { InputError } from '../errors.ts';
import { holdsIdentityNumber } from '../privacy/identityGuard.ts';
import { identityRefusalMessage } from '../privacy/refusalMessage.ts';

/**
 * An e-mail address as typed, normalised (trimmed, lower case) or refused with a Swedish message naming the
 * field: one @, a dot in the domain, no spaces, angle brackets, quotes or control characters, at most 254
 * characters, and no personnummer (an address is shown like a name, on the users page and in the audit log).
 */
export function checkMailAddress(raw: string, field = 'email'): string {
  const e = raw.trim().toLowerCase();
  if (!/^[^\s@<>"(),;:\\]+@[^\s@<>"(),;:\\]+\.[^\s@<>"(),;:\\]+$/.test(e) || e.length > 254 || /[\u0000-\u001f\u007f]/.test(e)) {
    throw new InputError({ field, message: 'Ange en giltig e-postadress.' });
  }
  if (holdsIdentityNumber(e)) throw new InputError({ field, message: identityRefusalMessage });
  return e;
}
