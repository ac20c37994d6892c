/**
 * Text as the identity guard reads it, so that a personnummer typed in another spelling is caught as if it had
 * been typed plainly:
 * - Unicode compatibility form (NFKC: full-width, circled and superscript digits become 0–9);
 * - zero-width and other invisible characters removed;
 * - every decimal digit of any script (Unicode category Nd: Arabic-Indic, Persian, Devanagari, Bengali, Thai …)
 *   read as its value 0–9;
 * - every dash and minus sign read as "-", every kind of space read as " ";
 * - "O"/"o" read as 0 and "l"/"I" as 1 inside digit runs: in a word made only of digits and those letters
 *   ("81l228", "98 7O"), or as a word of those letters alone between two groups of digits ("81 l2 28 … ",
 *   "1981 lO 28").
 * What separates digit groups is decided by the finder (src/core/privacy/identityNumber.ts).
 */
const invisible = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
const dashes = /[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u058a\u05be\u1400\u1806\u2e17\u2e1a\u301c\u3030\u30a0]/g;
const spaces = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
const otherDigit = /(?![0-9])\p{Nd}/gu;
const isDecimalDigit = (cp: number) => /\p{Nd}/u.test(String.fromCodePoint(cp));

/**
 * Unicode encodes the decimal digits of every script as runs of ten code points, 0 to 9 in order (a stability
 * policy of the standard), and adjacent runs (mathematical digits) are whole runs too: a digit's value is its
 * distance from the start of its run, modulo ten.
 */
const runStart = new Map<number, number>();
function digitValue(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let start = runStart.get(cp);
  if (start === undefined) {
    start = cp;
    while (isDecimalDigit(start - 1)) start--;
    runStart.set(cp, start);
  }
  return String((cp - start) % 10);
}

// A word: letters and digits, where "x" counts as a separator ("811228x9874"), never as part of a word.
const word = /(?:(?![xX])[\p{L}\p{Nd}])+/gu;
const lookAlike = /[OoIl]/g;
const lookAlikeValue = (ch: string) => (ch === 'O' || ch === 'o' ? '0' : '1');

// Only a look-alike letter that reaches a digit through separators alone can be read as a digit.
const nearDigit = /[0-9](?:[^\p{L}]|[xX])*[OoIl]|[OoIl](?:[^\p{L}]|[xX])*[0-9]/u;

function readLookAlikes(text: string): string {
  if (!nearDigit.test(text)) return text;
  const words = [...text.matchAll(word)].map((m) => ({ text: m[0], index: m.index! }));
  const numeric = words.map((w) => /^[0-9OoIl]+$/.test(w.text) && /[0-9]/.test(w.text));
  const alikeOnly = words.map((w) => /^[OoIl]+$/.test(w.text));
  // Words of look-alike letters only count as digits when a run of them lies between two numeric words.
  const between = words.map(() => false);
  for (let i = 0; i < words.length; i++) {
    if (!alikeOnly[i] || !numeric[i - 1]) continue;
    let j = i;
    while (alikeOnly[j]) j++;
    if (numeric[j]) for (let k = i; k < j; k++) between[k] = true;
    i = j;
  }
  let out = '';
  let last = 0;
  words.forEach((w, i) => {
    if ((numeric[i] && /[OoIl]/.test(w.text)) || between[i]) {
      out += text.slice(last, w.index) + w.text.replace(lookAlike, lookAlikeValue);
      last = w.index + w.text.length;
    }
  });
  return last === 0 ? text : out + text.slice(last);
}

export function normaliseForIdentityCheck(text: string): string {
  const plain = text.normalize('NFKC').replace(invisible, '').replace(otherDigit, digitValue).replace(dashes, '-').replace(spaces, ' ');
  return readLookAlikes(plain);
}
