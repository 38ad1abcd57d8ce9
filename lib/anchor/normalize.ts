/**
 * How lib/anchor compares text: the page's characters and a selector's characters are both read through
 * these two rules, so a passage is found whatever whitespace, invisible marks or quote styles surround it.
 *
 * - Ignored: whitespace of every kind (what JavaScript's `\s` matches: spaces, NBSP, line breaks, the
 *   Unicode spaces) plus soft hyphens and zero-width marks. Pages re-wrap lines, swap NBSP for spaces
 *   and drop the whitespace between blocks; none of that should move or lose a passage.
 * - Folded: typographic quotes, primes and dashes read as their plain forms, so "it’s" finds "it's".
 *
 * Code units, not code points: a character outside the Basic Multilingual Plane is two characters here,
 * in the page text and in the selectors alike.
 */

/** Does lib/anchor skip this UTF-16 code unit when it reads text? */
export function isIgnoredCode(code: number): boolean {
  switch (code) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0xa0:
    case 0xad: // soft hyphen
    case 0x1680:
    case 0x180e: // Mongolian vowel separator
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x2060: // word joiner
    case 0x3000:
    case 0xfeff:
      return true;
    default:
      // En quad … hair space, then zero-width space, non-joiner and joiner.
      return code >= 0x2000 && code <= 0x200d;
  }
}

/** Whitespace a reader sees as a gap (as opposed to the invisible marks, which join what they separate). */
export function isWhitespaceCode(code: number): boolean {
  if (code === 0xad || code === 0x180e || code === 0x2060 || code === 0xfeff) return false;
  if (code >= 0x200b && code <= 0x200d) return false;
  return isIgnoredCode(code);
}

/** The plain form of a typographic quote, prime or dash; any other code unit as it is. */
export function foldCode(code: number): number {
  switch (code) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0xab:
    case 0xbb:
      return 0x22; // "
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return 0x2d; // -
    default:
      return code;
  }
}

/** isIgnoredCode as a character class, and foldCode's characters, for whole strings at once. */
const IGNORED =
  /[\t\n\v\f\r \u00a0\u00ad\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+/g;
const FOLDED =
  /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2013\u2014\u2212]/g;

/** The text as compared: ignored characters dropped, variants folded. */
export function normalizeForMatch(text: string): string {
  return text
    .replace(IGNORED, '')
    .replace(FOLDED, (char) => String.fromCharCode(foldCode(char.charCodeAt(0))));
}
