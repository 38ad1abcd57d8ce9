/**
 * The words and capitals of a text, found once and shared by the scans that go through a whole article:
 * cues, surnames, names and outlets. A word is a run of letters, apostrophes and hyphens ("a-t-il",
 * "O’Brien"), as /[\p{L}'’-]+/u would find it, but read character by character: a regex match per word
 * of a long article costs more than the rest of the word scan.
 */

export interface Words {
  /** Offsets of each word's first character and just past its last, in reading order. */
  starts: number[];
  ends: number[];
  /**
   * A number for each word lowercased (equal words, equal numbers), to look it up in a set without
   * slicing it out of the text; -1 for a word with a hyphen or a character whose lowercase is more
   * than one code unit ("İ").
   */
  keys: number[];
  /** Offsets of the capital letters (\p{Lu}), in reading order: where names can start. */
  capitals: number[];
}

const LETTER = /\p{L}/u;
const CAPITAL = /\p{Lu}/u;
/** What is known of a character: bits, and its lowercase code unit from bit 8 up. */
const KNOWN = 1;
const IS_LETTER = 2;
const IS_CAPITAL = 4;
/** An apostrophe or a hyphen: part of a word, no letter. */
const IS_WORD_MARK = 8;
const NO_KEY = 16;
const HYPHEN = 0x2d;

function describe(character: string): number {
  const lower = character.toLowerCase();
  return (
    KNOWN |
    (LETTER.test(character) ? IS_LETTER : 0) |
    (CAPITAL.test(character) ? IS_CAPITAL : 0) |
    // Lowercase that is one code unit, as toLowerCase gives it for all but a few letters ("İ").
    (lower.length === 1 ? lower.charCodeAt(0) << 8 : NO_KEY)
  );
}

/** What is known of each UTF-16 code unit, filled in as the units turn up (0: not seen yet). */
const units = new Uint32Array(0x10000);
for (const mark of "'’-") units[mark.charCodeAt(0)] = KNOWN | IS_WORD_MARK | (mark.charCodeAt(0) << 8);
/** The same for characters outside the Basic Multilingual Plane, by code point; they get no key. */
const astral = new Map<number, number>();

function unit(code: number): number {
  let known = units[code]!;
  if (known === 0) {
    known = describe(String.fromCharCode(code));
    units[code] = known;
  }
  return known;
}

function astralCharacter(codePoint: number): number {
  let known = astral.get(codePoint);
  if (known === undefined) {
    known = describe(String.fromCodePoint(codePoint)) | NO_KEY;
    astral.set(codePoint, known);
  }
  return known;
}

export function findWords(text: string): Words {
  const words: Words = { starts: [], ends: [], keys: [], capitals: [] };
  let start = -1;
  let key = 0;
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    // A surrogate pair is one character, as the u flag reads it.
    const low = code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
    const pair = low >= 0xdc00 && low <= 0xdfff;
    const known = pair ? astralCharacter((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) : unit(code);
    if (known & (IS_LETTER | IS_WORD_MARK)) {
      if (start < 0) {
        start = at;
        key = 0;
      }
      if (known & IS_CAPITAL) words.capitals.push(at);
      if (known & NO_KEY || code === HYPHEN) key = -1;
      // Small enough to stay an unboxed integer.
      else if (key >= 0) key = (Math.imul(key, 31) + (known >> 8)) & 0x3fffffff;
    } else if (start >= 0) {
      words.starts.push(start);
      words.ends.push(at);
      words.keys.push(key);
      start = -1;
    }
    at += pair ? 2 : 1;
  }
  if (start >= 0) {
    words.starts.push(start);
    words.ends.push(text.length);
    words.keys.push(key);
  }
  return words;
}

/** The key findWords gives `word` (Words.keys), or -1 when it is no single word. */
export function wordKey(word: string): number {
  const words = findWords(word);
  return words.starts.length === 1 && words.starts[0] === 0 && words.ends[0] === word.length
    ? words.keys[0]!
    : -1;
}

/** Is this UTF-16 code unit white space, as /\s/ reads it? (A regex per character costs far more.) */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Can this UTF-16 code unit be (part of) a letter? Either half of a surrogate pair can. */
export function mayBeLetter(code: number): boolean {
  return (code >= 0xd800 && code <= 0xdfff) || (unit(code) & IS_LETTER) !== 0;
}

/**
 * Every match of `pattern`, as text.matchAll would find them with the pattern made global, for a sticky
 * pattern whose matches all start with a capital letter: it is tried at the capitals of `words` only,
 * not at every character.
 */
export function matchesAtCapitals(text: string, pattern: RegExp, words: Words): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let after = 0;
  for (const capital of words.capitals) {
    if (capital < after) continue;
    pattern.lastIndex = capital;
    const match = pattern.exec(text);
    if (!match) continue;
    found.push(match);
    after = capital + match[0].length;
  }
  return found;
}

/**
 * The same for a pattern whose matches also run through a place `anchor` finds (a global pattern that
 * takes one character: "the space before a newspaper's last word"), with only characters `inLead`
 * accepts between the start of the match and that place. Tried only at the capitals that lead up to an
 * anchor: "New York Times" is found from "Times", not by trying every capital of the article.
 */
export function matchesBeforeAnchors(
  text: string,
  pattern: RegExp,
  anchor: RegExp,
  inLead: (code: number) => boolean,
  words: Words,
): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const { capitals } = words;
  let after = 0;
  // The first capital not tried yet: a capital tried once fails the same way for the next anchor.
  let next = 0;
  for (const { index } of text.matchAll(anchor)) {
    if (index < after) continue;
    let leadStart = index;
    while (leadStart > after && inLead(text.charCodeAt(leadStart - 1))) leadStart--;
    while (next < capitals.length && capitals[next]! < leadStart) next++;
    for (; next < capitals.length && capitals[next]! < index; next++) {
      pattern.lastIndex = capitals[next]!;
      const match = pattern.exec(text);
      if (!match) continue;
      found.push(match);
      after = match.index + match[0].length;
      break;
    }
  }
  return found;
}
