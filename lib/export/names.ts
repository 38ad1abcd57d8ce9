/**
 * People's names split into the parts citation managers want (family, given, particle, suffix), and
 * organisations told apart from people, so that Zotero files "Ludwig van Beethoven" under B with the
 * particle kept, "Martin Luther King Jr." under King, and "Associated Press" as one name.
 *
 * Bylines store authors as plain strings, and nothing in them marks an organisation (lib/extract/types
 * has no author kind), so organisations are recognised by the byline's wire credit, the outlet's own
 * name, and the words organisations' names are made of ("Press", "Staff", "Agency" …).
 */

/** A name as CSL-JSON writes it: a person's parts, or an organisation (or a single name) whole. */
export type PersonName =
  | { literal: string }
  | {
      family: string;
      given: string;
      /** "van" in "Ludwig van Beethoven": sorted with the family name by CSL's Dutch-style rules. */
      'non-dropping-particle'?: string;
      suffix?: string;
    };

/** Lowercase words that belong before a family name rather than after the given names. */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'dei',
  'degli',
  'di',
  'da',
  'das',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'les',
  'ten',
  'ter',
  'te',
  'zu',
  'af',
  'av',
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'st.',
]);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|v|2nd|3rd)$/i;
/** Two-character Chinese family names; any other Han name of 2–4 characters has a one-character one. */
const COMPOUND_HAN_FAMILIES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '慕容',
  '长孙',
  '令狐',
  '皇甫',
  '尉迟',
  '公孙',
  '夏侯',
  '司徒',
  '歐陽',
  '諸葛',
  '東方',
  '長孫',
]);
/** Words that make a byline name an organisation's ("Reuters Staff", "The Editorial Board"). */
const ORGANISATION_WORD =
  /\b(?:press|presse|staff|newsroom|desk|team|board|bureau|agency|agence|agencia|agentur|news|service|services|media|editors|editorial|correspondents?|reporters|wire|reuters|bloomberg|associated|inc\.?|ltd\.?|llc|gmbh|corp(?:oration)?|company|group|council|committee|ministry|department|foundation|institute|university|association|society|office|redaktion|rédaction|redacción)\b/i;
/** Short all-capital names are agencies and outlets ("AP", "AFP", "dpa" is handled by the word list). */
const ACRONYM = /^[A-Z]{2,6}$/;

export interface NameContext {
  /** Names the byline itself gives as a wire service or outlet: always organisations. */
  organisations?: readonly string[];
}

/** Whether a byline name is an organisation's rather than a person's. */
export function isOrganisationName(name: string, context: NameContext = {}): boolean {
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  if (context.organisations?.some((organisation) => organisation.trim().toLowerCase() === lower)) {
    return true;
  }
  return ACRONYM.test(trimmed) || /^dpa$/i.test(trimmed) || ORGANISATION_WORD.test(trimmed);
}

/**
 * Splits a person's name into CSL's parts; organisations and single names stay whole (`literal`).
 * Handles "Family, Given", particles ("van", "de", "al"), suffixes ("Jr.", "III"), hyphenated given
 * names, and Chinese names written family name first in Han characters.
 */
export function splitPersonName(name: string, context: NameContext = {}): PersonName {
  const whole = name.replace(/\s+/g, ' ').trim();
  if (whole === '' || isOrganisationName(whole, context)) return { literal: whole };
  if (/^\p{Script=Han}{2,4}$/u.test(whole)) {
    const familyLength = COMPOUND_HAN_FAMILIES.has(whole.slice(0, 2)) && whole.length > 2 ? 2 : 1;
    return { family: whole.slice(0, familyLength), given: whole.slice(familyLength) };
  }
  let suffix: string | undefined;
  let rest = whole;
  const suffixMatch = /,?\s+(jr\.?|sr\.?|ii|iii|iv|2nd|3rd)$/i.exec(rest);
  if (suffixMatch?.[1] && rest.includes(' ', 0) && rest.slice(0, suffixMatch.index).includes(' ')) {
    suffix = suffixMatch[1];
    rest = rest.slice(0, suffixMatch.index).trim();
  }
  let family: string;
  let given: string;
  const comma = rest.indexOf(',');
  if (comma > 0) {
    // "Family, Given" (or "Family, Given, Jr.", the suffix already taken off above).
    family = rest.slice(0, comma).trim();
    given = rest
      .slice(comma + 1)
      .split(',')
      .filter((part) => !SUFFIX.test(part.trim()))
      .join(' ')
      .trim();
  } else {
    const words = rest.split(' ');
    if (words.length === 1) return suffix ? { literal: whole } : { literal: rest };
    // The family name starts at the first particle after the first word, or is the last word.
    let start = words.length - 1;
    for (let index = 1; index < words.length - 1; index++) {
      if (PARTICLES.has((words[index] ?? '').toLowerCase())) {
        start = index;
        break;
      }
    }
    family = words.slice(start).join(' ');
    given = words.slice(0, start).join(' ');
  }
  const particleWords: string[] = [];
  const familyWords = family.split(' ');
  while (familyWords.length > 1 && PARTICLES.has((familyWords[0] ?? '').toLowerCase())) {
    particleWords.push(familyWords.shift() ?? '');
  }
  const split: PersonName = { family: familyWords.join(' '), given };
  if (particleWords.length > 0) split['non-dropping-particle'] = particleWords.join(' ');
  if (suffix) split.suffix = suffix;
  return split;
}

/** "van Beethoven": the family name as sorted and shown, with its particle. */
export function fullFamilyName(name: Exclude<PersonName, { literal: string }>): string {
  const particle = name['non-dropping-particle'];
  return particle ? `${particle} ${name.family}` : name.family;
}
