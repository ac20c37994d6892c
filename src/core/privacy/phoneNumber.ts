/**
 * Phone numbers in contact fields (a catalogue entry's switchboard or function number) are read as phone
 * numbers, not as personnummer: about one Swedish mobile number in forty is ten digits that also form a valid
 * date and check digit. Only a number written the way phone numbers are written passes this way:
 * - nationally, with its area code as its own group: "08-123 456 78", "070-123 45 67", "0224 123 45"
 *   (0 and one to three digits, then a subscriber number that does not start with 0; 8 to 10 digits in all);
 * - internationally, with a "+" and the country code: "+46 70 123 45 67" (for +46 at most nine digits follow).
 * A personnummer born in 2000–2009 written as "070-123 45 67" would pass in such a field; the field is a role's
 * contact on a public page, where such a number is not expected, and everywhere else it is refused.
 */
import { normaliseForIdentityCheck } from './normalise.ts';

const national = /^0[1-9][0-9]{0,2}(?:[ /-]+|\s*-\s*)[1-9][0-9 -]*[0-9]$/;
const international = /^\+[1-9][0-9 ()-]*[0-9]$/;

export function readsAsPhoneNumber(text: string): boolean {
  const t = normaliseForIdentityCheck(text).trim();
  const digits = t.replace(/[^0-9]/g, '');
  if (national.test(t)) return digits.length >= 8 && digits.length <= 10;
  if (international.test(t)) {
    if (!digits.startsWith('46')) return digits.length >= 7 && digits.length <= 15;
    const nsn = t.replace(/^\+\s*46\s*(\(0\))?/, '').replace(/[^0-9]/g, '');
    return nsn.length >= 7 && nsn.length <= 9 && !nsn.startsWith('0');
  }
  return false;
}
