/**
 * Text as the identity guard reads it: Unicode compatibility form (NFKC: full-width digits become 0–9),
 * zero-width and other invisible characters removed, every dash and minus sign read as "-", every kind of
 * space read as " ". Someone who writes a personnummer with an en dash, a no-break space or a zero-width
 * space between the digits is caught as if they had typed it plainly.
 */
const invisible = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
const dashes = /[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u058a\u05be\u1400\u1806\u2e17\u2e1a\u301c\u3030\u30a0]/g;
const spaces = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

export function normaliseForIdentityCheck(text: string): string {
  return text.normalize('NFKC').replace(invisible, '').replace(dashes, '-').replace(spaces, ' ');
}
