/** The article text as paragraphs and sentences, with offsets into the whole text. */
import type { TextQuoteSelector } from './types';
import { isSpace } from './words';

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** `article.text` separates blocks with a blank line; each block is one paragraph. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const blockBreak = /\n\s*\n/g;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      const from = start + lead;
      paragraphs.push({ index: paragraphs.length, start: from, end: from + trimmed.length, text: trimmed });
    }
  };
  for (let match = blockBreak.exec(text); match; match = blockBreak.exec(text)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return paragraphs;
}

/** Abbreviations whose full stop does not end a sentence ("Dr. Nair", "Sen. Baker", "U.S. officials"). */
const ABBREVIATIONS = new Set(
  (
    'dr mr mrs ms mx sen rep gov gen lt col capt cpt sgt st jr sr prof no nos inc corp co ltd vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx dept est fig rev hon atty supt ' +
    // German and French
    'bzw ca dr evtl ggf inkl nr str usw vgl z.b mme mlle me pr'
  ).split(' '),
);

/** How far a sentence may reach: a longer "sentence" is a list or a table, not prose. */
export const MAX_SENTENCE = 1_500;

const SENTENCE_MARKS = '.!?…';
/**
 * Marks that may stand between a sentence's last mark and the space after it: closing quote marks (German
 * closes with “ and ‘: „…“, ‚…‘; »…« too) and a bracket.
 */
const AFTER_MARK = `"'”’»«)“‘`;

/**
 * Offset just past the end of the sentence that contains `from`; the end of `text`, or MAX_SENTENCE
 * characters on, when no sentence ends before. Looks no further than that, so finding the ends of the
 * sentences of many quotes in a text without full stops stays linear.
 */
export function sentenceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_SENTENCE);
  for (let at = from; at < limit; at++) {
    if (!SENTENCE_MARKS.includes(text[at]!)) continue;
    // A mark ends a sentence before a space or the end, with quote marks and a bracket between.
    let next = at + 1;
    while (next < text.length && next <= limit && AFTER_MARK.includes(text[next]!)) next++;
    if (next < text.length && !isSpace(text.charCodeAt(next))) continue;
    if (text[at] === '.' && !endsSentence(text, at, next + 1)) continue;
    let after = at + 1;
    while (after < text.length && AFTER_MARK.includes(text[after]!)) after++;
    return after;
  }
  return limit;
}

/**
 * Offset where the sentence that contains `at` begins, looking back no further than `from`. Walks back
 * from `at`, so finding the sentences of many quotes in one long block stays linear.
 */
export function sentenceStart(text: string, at: number, from = 0): number {
  const limit = Math.max(from, at - MAX_SENTENCE);
  for (let i = at - 1; i >= limit; i--) {
    if (!isSpace(text.charCodeAt(i))) continue;
    // A space after [.!?…] and closing marks ends the sentence before it.
    let j = i - 1;
    while (j >= limit && AFTER_MARK.includes(text[j]!)) j--;
    const mark = text[j];
    if (mark === undefined || !'.!?…'.includes(mark)) continue;
    let start = i;
    while (start < at && isSpace(text.charCodeAt(start))) start++;
    if (mark === '.' && !endsSentence(text, j, start)) continue;
    return start;
  }
  return limit;
}

/** Does the full stop at `dot` end its sentence? `following`: where the next sentence would begin. */
function endsSentence(text: string, dot: number, following: number): boolean {
  // "Sen. Ben Sasse (R-Neb.) said": a full stop in brackets before a word in lower case ends no sentence.
  if (text[dot + 1] === ')' && /\p{Ll}/u.test(text[following] ?? '')) return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (!word) return true;
  // Initials ("J. Smith") and abbreviations ("Dr.", "U.S.") do not end a sentence.
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

const SELECTOR_CONTEXT = 32;

/** The TextQuoteSelector of text.slice(start, end): the passage and up to 32 characters either side. */
export function selectorFor(text: string, start: number, end: number): TextQuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - SELECTOR_CONTEXT), start),
    suffix: text.slice(end, end + SELECTOR_CONTEXT),
  };
}
