/**
 * How the library's search sees words: split into runs of letters and digits, folded (case, diacritics,
 * ß → ss, æ → ae …) and stemmed by language (English, German, French: the Snowball German and French
 * stemmers and a Porter English stemmer from @orama/stemmers, 20 KB together). The index, the query and
 * the marking of matches in results all go through these functions, so a word is found and marked the same
 * way it was indexed.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemGerman } from '@orama/stemmers/german';

export type StemmerLanguage = 'en' | 'de' | 'fr';
export const STEMMER_LANGUAGES: readonly StemmerLanguage[] = ['en', 'de', 'fr'];

const STEMMERS: Record<StemmerLanguage, (word: string) => string> = {
  en: stemEnglish,
  de: stemGerman,
  fr: stemFrench,
};

/** Letters NFKD does not take apart, written the way a reader without them would type them. */
const LETTER_SPELLINGS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};
const SPELLED_LETTERS = /[ßæœøđðþłı]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_ASCII = /[^\x00-\x7f]/;

/** Lowercase, without diacritics: "Élysée" → "elysee", "Straße" → "strasse", "Ærø" → "aero". */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!NOT_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(SPELLED_LETTERS, (letter) => LETTER_SPELLINGS[letter] ?? letter);
}

/**
 * A word: letters (with their combining marks) and digits. Apostrophes, hyphens and dots split words, so
 * "l'élection" gives "l" and "élection", "Covid-19" gives "covid" and "19".
 */
export const WORD_PATTERN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** The words of a text in order, as written. */
export function wordsOf(text: string): string[] {
  return text.match(WORD_PATTERN) ?? [];
}

/** Words this short say nothing on their own ("l", "d", "s" of "l'", "d'", "'s"); digits are kept. */
export function isIndexableWord(word: string): boolean {
  return word.length > 1 || (word >= '0' && word <= '9');
}

/** The stemmer language of a language tag ("de-CH" → "de"), or null for other languages and none. */
export function stemmerLanguage(lang: string | null | undefined): StemmerLanguage | null {
  const primary = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'de' || primary === 'fr' ? primary : null;
}

/**
 * Stems by language, memoized: a library repeats the same few thousand words millions of times, and the
 * English stemmer builds regular expressions on every call. Bounded, so a hostile text cannot grow it.
 */
const STEM_CACHE_LIMIT = 100_000;
const stemCaches: Record<StemmerLanguage, Map<string, string>> = {
  en: new Map(),
  de: new Map(),
  fr: new Map(),
};

/**
 * The folded stem of a lowercased word in a language: "déclarés" → "declar" (fr), "Zwangspausen" →
 * "zwangspaus" (de). Stemming runs before folding because the French and German stemmers read accents.
 */
export function stemOf(lowerWord: string, language: StemmerLanguage): string {
  const cache = stemCaches[language];
  let stem = cache.get(lowerWord);
  if (stem === undefined) {
    stem = foldText(STEMMERS[language](lowerWord));
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(lowerWord, stem);
  }
  return stem;
}

/**
 * Function words, dropped from article text, quotes and notes when the index is built: they are a third
 * to a half of a text's words, so dropping them makes the index that much smaller and quicker to build,
 * and no one looks for an article by "the". Kept in titles. Words that mean something in another of the
 * three languages are listed only for the language where they are function words ("die", "war", "hat" in
 * German, "son", "pour", "plus" in French), and a query never drops them (see `isQueryStopword`).
 * Compared folded.
 */
const STOPWORDS: Record<StemmerLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      'a an the and or but nor of to in on at by for with from into as than that this these those its is are ' +
      'was were be been being do does did have has had you he she we they me him her them my your his our ' +
      'their not so if then there here what which whom whose when where why how all any each some such ' +
      'could would should also just very too'
    ).split(' '),
  ),
  de: new Set(
    (
      'der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind war waren wird ' +
      'werden wurde wurden hat haben hatte hatten ich du er sie es wir ihr man mit von zu zum zur im in an ' +
      'am auf aus bei fur nach uber unter vor durch um als auch noch nur schon so wie wenn dass sich diese ' +
      'dieser dieses ihm ihn ihre ihrer ihren seine seiner seinen'
    ).split(' '),
  ),
  fr: new Set(
    (
      'le la les un une des du de et ou mais ne pas est sont etait ont au aux ce cet cette ces il elle ils ' +
      'elles on nous vous je tu se sa son ses leur leurs qui que qu quoi dont dans par pour sur avec sans ' +
      'en plus comme etre avoir ete'
    ).split(' '),
  ),
};
/** Function words in one language that are content words in another: a query keeps them. */
const MEANINGFUL_ELSEWHERE = new Set(['die', 'war', 'man', 'hat', 'son', 'pour', 'plus', 'sans', 'par']);

/** A folded query word that is a function word in English, German or French and means nothing else. */
export function isQueryStopword(folded: string): boolean {
  return (
    !MEANINGFUL_ELSEWHERE.has(folded) && STEMMER_LANGUAGES.some((language) => STOPWORDS[language].has(folded))
  );
}

/**
 * The language of a text that does not say, from its function words: a note, a clipping without a
 * language. Null when the text is too short or too mixed to tell, and the text is then indexed unstemmed.
 */
export function guessLanguage(text: string): StemmerLanguage | null {
  const counts: Record<StemmerLanguage, number> = { en: 0, de: 0, fr: 0 };
  let seen = 0;
  for (const found of text.matchAll(WORD_PATTERN)) {
    if (++seen > 200) break;
    const folded = foldText(found[0]);
    for (const language of STEMMER_LANGUAGES) if (STOPWORDS[language].has(folded)) counts[language]++;
  }
  const [best, second] = STEMMER_LANGUAGES.map((language) => [language, counts[language]] as const).sort(
    (a, b) => b[1] - a[1],
  );
  return best![1] >= 2 && best![1] > second![1] ? best![0] : null;
}

/**
 * The index terms of a text, in order: each word's folded stem in the text's language (only the stem:
 * prefixes of a typed word are searched against stems too, see lib/library/search), or the folded word
 * when the language is not known. With `dropStopwords`, the language's function words are left out.
 */
export function indexTermsOf(
  text: string,
  language: StemmerLanguage | null,
  dropStopwords = false,
): string[] {
  const terms: string[] = [];
  const words = text.match(WORD_PATTERN);
  if (!words) return terms;
  for (const word of words) {
    if (!isIndexableWord(word)) continue;
    const lower = word.toLowerCase();
    if (!language) terms.push(foldText(lower));
    else if (!dropStopwords) terms.push(stemOf(lower, language));
    else {
      const term = contentStemOf(lower, language);
      if (term) terms.push(term);
    }
  }
  return terms;
}

/** Stems of words that are not function words, memoized like `stemOf`; '' for a function word. */
const contentStemCaches: Record<StemmerLanguage, Map<string, string>> = {
  en: new Map(),
  de: new Map(),
  fr: new Map(),
};
function contentStemOf(lowerWord: string, language: StemmerLanguage): string {
  const cache = contentStemCaches[language];
  let term = cache.get(lowerWord);
  if (term === undefined) {
    term = STOPWORDS[language].has(foldText(lowerWord)) ? '' : stemOf(lowerWord, language);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(lowerWord, term);
  }
  return term;
}

/** Folded words only, no stems: for names, outlets and tags, which a stemmer would only mangle. */
export function foldedWordsOf(text: string): string[] {
  return wordsOf(text)
    .filter(isIndexableWord)
    .map((word) => foldText(word));
}

/**
 * German umlauts typed as two letters: "Mueller" for "Müller", "Uebergaenge" for "Übergänge". Only the
 * query is respelled (both ways), never the index, so English words with "ue" or "oe" ("blue", "does")
 * cost nothing and the index stays one term per spelling.
 */
export function umlautSpellings(lowerWord: string): string[] {
  const spellings: string[] = [];
  if (/[äöü]/.test(lowerWord))
    spellings.push(lowerWord.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
  if (/[aou]e/.test(lowerWord)) spellings.push(lowerWord.replace(/([aou])e/g, '$1'));
  return spellings;
}

/** What one word of a query may match in the index: its folded form, and its stems in each language. */
export interface QueryWord {
  /** The word as typed, folded: what a prefix search starts from. */
  folded: string;
  /** The folded form and the stems in English, German and French, without repeats. */
  exact: string[];
  /** The word respelled with or without umlauts, folded (see `umlautSpellings`): prefixes to search. */
  respellings: string[];
  /** The respellings' stems in each language, without the forms already in `exact`. */
  respelled: string[];
}

/**
 * The query is stemmed with all three stemmers instead of a guessed language: a query is one to three
 * words, too few to tell English from German reliably ("Berlin Mitte", "Macron Rente"), and three lookups
 * in the index cost microseconds. A stem that exists only by accident in another language (the German
 * stem of an English word) can add a result; it cannot lose one.
 */
export function queryWord(word: string): QueryWord {
  const lower = word.toLowerCase();
  const folded = foldText(lower);
  const exact = formsOf(lower, folded);
  const respellings = umlautSpellings(lower).map((spelling) => foldText(spelling));
  const respelled = new Set<string>();
  for (const spelling of umlautSpellings(lower))
    for (const form of formsOf(spelling, foldText(spelling))) if (!exact.includes(form)) respelled.add(form);
  return { folded, exact, respellings, respelled: [...respelled] };
}

/** A word folded, and stemmed in each language, without repeats. */
function formsOf(lower: string, folded: string): string[] {
  const forms = [folded];
  for (const language of STEMMER_LANGUAGES) {
    const stem = stemOf(lower, language);
    if (stem && !forms.includes(stem)) forms.push(stem);
  }
  return forms;
}

/**
 * Tells whether a word of a text is one a search matched, given the index terms that matched (a folded
 * word or a stem): the word's folded form or one of its stems is among them. Stemming is slow next to a
 * set lookup, so a word is stemmed only when its first letters are those of some term; a stem starts like
 * its word but for a few irregular forms ("happy" → "happi"), which keep the first three letters.
 */
export function termMatcher(terms: readonly string[]): (word: string) => boolean {
  const wanted = new Set(terms.map((term) => foldText(term)).filter(Boolean));
  const starts = new Set([...wanted].map((term) => term.slice(0, TERM_START_LENGTH)));
  return (word) => {
    const lower = word.toLowerCase();
    const folded = foldText(lower);
    if (wanted.has(folded)) return true;
    const start = folded.slice(0, TERM_START_LENGTH);
    let shares = false;
    for (let length = 1; length <= start.length && !shares; length++)
      shares = starts.has(start.slice(0, length));
    return shares && STEMMER_LANGUAGES.some((language) => wanted.has(stemOf(lower, language)));
  };
}

const TERM_START_LENGTH = 3;
