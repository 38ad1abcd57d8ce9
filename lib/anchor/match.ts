/**
 * Finding a stored passage in the page's normalized text (text.ts), and deciding whether what was found
 * is the same passage. Pure string work: no DOM, so it runs and is tested anywhere.
 *
 * The rule above all: never attach a note to the wrong passage. Pages repeat themselves (pull quotes,
 * the same sentence with another number two paragraphs down), and a paragraph may be rewritten in
 * place. A candidate therefore needs evidence beyond a similar quote, in two grades.
 *
 * Strong (anchor.ts takes these first; in page order they become landmarks for the rest):
 * - the range or position selector points at the quote exactly, and context agrees on one side (a
 *   short quote: both, nearly unchanged);
 * - a distinctive quote (DISTINCTIVE_QUOTE_LENGTH normalized characters or more) exactly, with both
 *   sides of context nearly unchanged (STRONG_CONTEXT), in the same kind of block as before (`p`, not
 *   a pull quote's `aside/p`): the passage, even in a paragraph moved elsewhere when both sides agree
 *   by their text (not just by a paragraph break, see below).
 *
 * Weak (only between the landmarks around it and moved about as much as they did, see OrderBounds; a
 * short quote only where their shift pins it down; in the same kind of block as before):
 * - a distinctive quote exactly with one side of context nearly unchanged (a sentence was inserted on
 *   the other side); a short quote exactly with both sides nearly unchanged (the same phrase in a
 *   near-duplicate sentence differs from it only beyond the stored context, so only order tells);
 * - a fuzzy match (typo fixed, words inserted): a distinctive quote at least FUZZY_MIN_QUOTE_SCORE
 *   similar, changed only by typo fixes and insertions (a word replaced by another is how near-duplicates
 *   differ), with the same figures ("14 buses" cannot be told from a near-duplicate of "12 buses", so a
 *   changed figure orphans), context agreeing (CONTEXT_AGREES) on both sides and nearly unchanged on
 *   one; two candidates that both pass orphan the passage, as one of them would be wrong;
 * - a whole paragraph moved (both sides of context changed): the stored passage was whole blocks, the
 *   candidate is whole blocks of the same kind, and the quote occurs nowhere else. Not bound by order:
 *   that is what moving means.
 *
 * A side of context never agrees when its figures differ ("…spent $23.7 million" against "$95.7"): the
 * same words around other figures are another sentence. A side of context that crosses a paragraph
 * break also agrees when it is unchanged up to the break
 * (the paragraph beside the passage changed or moved away), as long as the other side agrees by text.
 * A candidate that is the stored prefix or suffix itself is the passage's old neighbour, never the
 * passage (what follows a deleted paragraph moves into its place).
 *
 * Scores follow Hypothesis's weighting (quote 50, prefix 20, suffix 20, position 2), normalized to 0–1.
 */
import approxSearch from 'approx-string-match';
import {
  alignmentRow,
  anchoredDistance,
  editsEndingAt,
  lostCharacters,
  reversed,
  sameFigures,
} from './similarity';

/** How many characters of context describeRange stores on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/** A side of context "agrees" from this similarity up (1 = the same text). */
export const CONTEXT_AGREES = 0.6;

/** A side of context is "nearly unchanged" from this similarity up: two edits in 32 characters (a typo fixed). */
export const STRONG_CONTEXT = 0.93;

/** Context shorter than this (a passage near the root's start or end) agrees only when it is identical. */
const MIN_CONTEXT_EVIDENCE = 12;

/** Quotes shorter than this (normalized characters) are common phrases: they need context on both sides. */
export const DISTINCTIVE_QUOTE_LENGTH = 32;

/** Fuzzy matching needs a distinctive quote: a few edits in a short one leave a common phrase. */
export const FUZZY_MIN_QUOTE_LENGTH = DISTINCTIVE_QUOTE_LENGTH;

/** A fuzzy match's quote must be at least this similar to the stored one (1 − edits / length). */
export const FUZZY_MIN_QUOTE_SCORE = 0.75;

/** Below this combined score a fuzzy match is not taken, whatever its parts. */
export const FUZZY_MIN_SCORE = 0.75;

/** A passage that is the stored prefix or suffix again (this similar) is the old neighbour, not the passage. */
const NEIGHBOUR_SIMILARITY = 0.8;

/** Characters of the page read past the stored context, so an insertion next to the quote still aligns. */
const CONTEXT_SLACK = 8;

/** How many occurrences of an exact quote are weighed; "the" is not worth telling apart. */
const MAX_OCCURRENCES = 1000;

/** Rounds of the whole-text fuzzy search, each after setting aside the candidates of the last. */
const FUZZY_ROUNDS = 3;

/** Occurrences of the stored prefix's end or the suffix's start tried as places to look. */
const MAX_CONTEXT_PROBES = 4;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** A passage as the matcher needs it: the stored quote and context, normalized (normalize.ts). */
export interface QuoteToFind {
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * When the stored prefix crosses a block break: how many of its (normalized) characters lie after the
   * break, in the passage's own block (0: the passage began a block). Null when it crosses none.
   */
  prefixBreak: number | null;
  /** The same for the suffix: its characters before the first block break (0: the passage ended a block). */
  suffixBreak: number | null;
  /** The kind of block the passage started in (anchor.ts: its tag and region, `p`, `aside/p`), from the RangeSelector; null if unknown. */
  blockShape: string | null;
}

/** Where in the page text one root's text lies, and which parts of it to search. */
export interface TextScope {
  /** The root's text is [start, end) of the page text; stored positions count from `start`. */
  start: number;
  end: number;
  /** The parts of [start, end) to search (a body scope skips the article already searched). */
  segments: Array<[number, number]>;
}

/** What the matcher asks of the page's structure, without a DOM of its own. */
export interface PageStructure {
  /** Do the characters at `index - 1` and `index` sit in different blocks (or is `index` an end)? */
  isBlockBoundary(index: number): boolean;
  /** The tags of the block holding the character at `index`, as in QuoteToFind.blockShape. */
  blockShapeAt(index: number): string | null;
}

/**
 * Where a weakly evidenced passage may start, from the passages anchored strongly around it: after the
 * new place of the one stored before it, before the new place of the one stored after it.
 */
export interface OrderBounds {
  after: number;
  before: number;
}

export const NO_BOUNDS: OrderBounds = { after: -Infinity, before: Infinity };

export interface PassageMatch {
  /** The passage's characters in the page text. */
  start: number;
  end: number;
  /** Edits between the stored quote and the page's text here. */
  errors: number;
  quoteScore: number;
  prefixScore: number;
  suffixScore: number;
  positionScore: number;
  /** The weighted whole, 0–1. */
  score: number;
}

/**
 * How well the page text before `start` agrees with the stored prefix, 0–1. Below `atLeast` the exact
 * figure is not worked out: the answer is then some score below it.
 */
export function prefixScore(
  text: string,
  scope: TextScope,
  start: number,
  prefix: string,
  atLeast = 0,
): number {
  if (!prefix) return start <= scope.start ? 1 : 0;
  const from = start - prefix.length;
  if (from >= scope.start && text.startsWith(prefix, from)) return 1;
  if (prefix.length < MIN_CONTEXT_EVIDENCE) return 0;
  const window = text.slice(Math.max(scope.start, from - CONTEXT_SLACK), start);
  const cutoff = Math.floor((1 - atLeast) * prefix.length);
  return Math.max(0, 1 - anchoredDistance(prefix, window, true, cutoff) / prefix.length);
}

/** How well the page text after `end` agrees with the stored suffix, 0–1; see prefixScore for `atLeast`. */
export function suffixScore(
  text: string,
  scope: TextScope,
  end: number,
  suffix: string,
  atLeast = 0,
): number {
  if (!suffix) return end >= scope.end ? 1 : 0;
  if (end + suffix.length <= scope.end && text.startsWith(suffix, end)) return 1;
  if (suffix.length < MIN_CONTEXT_EVIDENCE) return 0;
  const window = text.slice(end, Math.min(scope.end, end + suffix.length + CONTEXT_SLACK));
  const cutoff = Math.floor((1 - atLeast) * suffix.length);
  return Math.max(0, 1 - anchoredDistance(suffix, window, false, cutoff) / suffix.length);
}

function evaluate(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  hint: number | null,
  start: number,
  end: number,
  errors: number,
  contextAtLeast = 0,
): PassageMatch {
  const quoteScore = Math.max(0, 1 - errors / quote.exact.length);
  // Context with other figures around the same words is another statement: it does not agree.
  const figureCap = (score: number, same: boolean) => (same ? score : Math.min(score, FIGURES_DIFFER));
  const before = figureCap(
    prefixScore(text, scope, start, quote.prefix, contextAtLeast),
    sameFiguresBefore(text, scope, start, quote.prefix),
  );
  const after = figureCap(
    suffixScore(text, scope, end, quote.suffix, contextAtLeast),
    sameFiguresAfter(text, scope, end, quote.suffix),
  );
  const length = Math.max(1, scope.end - scope.start);
  const positionScore = hint === null ? 1 : Math.max(0, 1 - Math.abs(start - hint) / length);
  const score =
    (WEIGHTS.quote * quoteScore +
      WEIGHTS.prefix * before +
      WEIGHTS.suffix * after +
      WEIGHTS.position * positionScore) /
    WEIGHT_TOTAL;
  return { start, end, errors, quoteScore, prefixScore: before, suffixScore: after, positionScore, score };
}

/** Stored characters a fuzzy match may lose: typo fixes (two each), a few more in a long passage. */
const maxLostCharacters = (length: number) => 2 + Math.floor(length / 50);

/** The score given to a side of context whose figures differ: below any agreement. */
const FIGURES_DIFFER = 0.5;

/** The figures of a stored context, less one cut by the context's far edge (`$23.7` stored as `.7`). */
function storedFigures(context: string, farEdgeAtStart: boolean): string[] {
  const runs = [...context.matchAll(/\d+/g)];
  const cut = farEdgeAtStart
    ? runs[0]?.index === 0
    : runs.at(-1)?.index === context.length - (runs.at(-1)?.[0].length ?? 0);
  const kept = runs.map((run) => run[0]);
  if (cut) {
    if (farEdgeAtStart) kept.shift();
    else kept.pop();
  }
  return kept;
}

/** Does the page before `start` state the stored prefix's figures, nearest the passage first? */
function sameFiguresBefore(text: string, scope: TextScope, start: number, prefix: string): boolean {
  const stored = storedFigures(prefix, true);
  if (stored.length === 0) return true;
  const found =
    text.slice(Math.max(scope.start, start - prefix.length - CONTEXT_SLACK), start).match(/\d+/g) ?? [];
  const nearest = found.slice(-stored.length);
  return nearest.length === stored.length && nearest.every((figure, index) => figure === stored[index]);
}

/** Does the page after `end` state the stored suffix's figures, nearest the passage first? */
function sameFiguresAfter(text: string, scope: TextScope, end: number, suffix: string): boolean {
  const stored = storedFigures(suffix, false);
  if (stored.length === 0) return true;
  const found = text.slice(end, Math.min(scope.end, end + suffix.length + CONTEXT_SLACK)).match(/\d+/g) ?? [];
  const nearest = found.slice(0, stored.length);
  return nearest.length === stored.length && nearest.every((figure, index) => figure === stored[index]);
}

const sidesAtLeast = (match: PassageMatch, threshold: number) =>
  Number(match.prefixScore >= threshold) + Number(match.suffixScore >= threshold);

/**
 * Does the prefix agree up to the block break it crosses: the same characters between the break and the
 * passage, and the break still there? What lies beyond belongs to another paragraph, which may have
 * changed or moved away.
 */
function prefixAgreesToBreak(
  text: string,
  match: PassageMatch,
  quote: QuoteToFind,
  page: PageStructure,
): boolean {
  const inBlock = quote.prefixBreak;
  if (inBlock === null) return false;
  const at = match.start - inBlock;
  return text.startsWith(quote.prefix.slice(quote.prefix.length - inBlock), at) && page.isBlockBoundary(at);
}

function suffixAgreesToBreak(
  text: string,
  match: PassageMatch,
  quote: QuoteToFind,
  page: PageStructure,
): boolean {
  const inBlock = quote.suffixBreak;
  if (inBlock === null) return false;
  return (
    text.startsWith(quote.suffix.slice(0, inBlock), match.end) && page.isBlockBoundary(match.end + inBlock)
  );
}

/**
 * Do both sides of context agree, each by text (at least `threshold` similar) or up to the block break
 * it crosses? At least one side must agree by text.
 */
function bothSidesAgree(
  text: string,
  match: PassageMatch,
  quote: QuoteToFind,
  threshold: number,
  page: PageStructure,
): boolean {
  const before = match.prefixScore >= threshold;
  const after = match.suffixScore >= threshold;
  if (!before && !after) return false;
  return (
    (before || prefixAgreesToBreak(text, match, quote, page)) &&
    (after || suffixAgreesToBreak(text, match, quote, page))
  );
}

const withinBounds = (match: PassageMatch, bounds: OrderBounds) =>
  match.start >= bounds.after && match.start <= bounds.before;

/** Does the candidate stand in the same kind of block as the stored passage (when that is known)? */
const sameBlockKind = (match: PassageMatch, quote: QuoteToFind, page: PageStructure) =>
  quote.blockShape === null || page.blockShapeAt(match.start) === quote.blockShape;

/**
 * Is the candidate the text that stood right before or after the passage (its stored prefix or suffix)?
 * When a passage is deleted, its old neighbour moves into its place with one side of context intact.
 * Unless the passage itself looks like its neighbour (a pull quote right after the sentence it repeats).
 */
function isOldNeighbour(text: string, match: PassageMatch, quote: QuoteToFind): boolean {
  const similar = (stored: string, found: string, fromEnd: boolean) =>
    stored.length >= MIN_CONTEXT_EVIDENCE &&
    found.length > 0 &&
    1 - anchoredDistance(stored, found, fromEnd) / stored.length >= NEIGHBOUR_SIMILARITY;
  const head = (of: string) => of.slice(0, quote.suffix.length + CONTEXT_SLACK);
  const tail = (of: string) => of.slice(-(quote.prefix.length + CONTEXT_SLACK));
  const found = text.slice(match.start, match.end);
  return (
    (similar(quote.suffix, head(found), false) && !similar(quote.suffix, head(quote.exact), false)) ||
    (similar(quote.prefix, tail(found), true) && !similar(quote.prefix, tail(quote.exact), true))
  );
}

/** Does the candidate span whole blocks, of the same kind as the stored passage's (which did too)? */
function isMovedBlock(match: PassageMatch, quote: QuoteToFind, page: PageStructure): boolean {
  return (
    quote.prefixBreak === 0 &&
    quote.suffixBreak === 0 &&
    quote.exact.length >= DISTINCTIVE_QUOTE_LENGTH &&
    quote.blockShape !== null &&
    sameBlockKind(match, quote, page) &&
    page.isBlockBoundary(match.start) &&
    page.isBlockBoundary(match.end)
  );
}

/**
 * Is the passage at [start, end), where the range or position selector says it is? The text there must
 * be the quote exactly (whitespace aside), with context agreeing on one side (a short quote: both sides,
 * nearly unchanged).
 */
export function matchAt(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  start: number,
  end: number,
): PassageMatch | null {
  if (start < scope.start || end > scope.end || end - start !== quote.exact.length) return null;
  if (!text.startsWith(quote.exact, start)) return null;
  const match = evaluate(text, scope, quote, start, start, end, 0);
  // Context too: a copy of the passage (a pull quote) can slide into the same XPath once it is deleted,
  // and a short phrase recurs at the same offset of a near-duplicate paragraph.
  if (quote.exact.length >= DISTINCTIVE_QUOTE_LENGTH)
    return sidesAtLeast(match, CONTEXT_AGREES) >= 1 ? match : null;
  return sidesAtLeast(match, STRONG_CONTEXT) === 2 ? match : null;
}

/** Every occurrence of `exact` in the scope's segments, up to MAX_OCCURRENCES. */
function occurrences(text: string, exact: string, segments: Array<[number, number]>): number[] {
  const found: number[] = [];
  for (const [from, to] of segments) {
    for (let at = text.indexOf(exact, from); at !== -1 && at + exact.length <= to;) {
      found.push(at);
      if (found.length >= MAX_OCCURRENCES) return found;
      at = text.indexOf(exact, at + 1);
    }
  }
  return found;
}

function isBetter(candidate: PassageMatch, best: PassageMatch, hint: number | null): boolean {
  if (candidate.score !== best.score) return candidate.score > best.score;
  if (hint === null) return candidate.start < best.start;
  return Math.abs(candidate.start - hint) < Math.abs(best.start - hint);
}

function bestOf(matches: PassageMatch[], hint: number | null): PassageMatch | null {
  let best: PassageMatch | null = null;
  for (const match of matches) if (!best || isBetter(match, best, hint)) best = match;
  return best;
}

/** Scores exact occurrences; context is judged nearly unchanged (STRONG_CONTEXT) or not at all. */
function scoreExact(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  hint: number | null,
  starts: number[],
) {
  return starts.map((start) =>
    evaluate(text, scope, quote, hint, start, start + quote.exact.length, 0, STRONG_CONTEXT),
  );
}

/** How far from the stored position an exact quote with unchanged context is looked for first. */
const NEAR_HINT = 4096;

/**
 * Strong evidence: a distinctive exact quote with both sides of context nearly unchanged; prefix and
 * suffix decide between repeats, the stored position breaks ties.
 */
export function matchExactQuoteStrongly(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  hint: number | null,
  page: PageStructure,
): PassageMatch | null {
  // A short quote is a common phrase: wherever it stands, it has to wait for the order (weak evidence).
  if (quote.exact.length < DISTINCTIVE_QUOTE_LENGTH) return null;
  // In the same kind of block as before: a paragraph's words repeated in a pull quote are not the
  // paragraph, nor a deleted pull quote's words in the paragraph it quoted.
  const agrees = (match: PassageMatch) =>
    sameBlockKind(match, quote, page) && bothSidesAgree(text, match, quote, STRONG_CONTEXT, page);
  if (hint !== null) {
    // Near the stored position first: an occurrence there with context unchanged on both sides scores
    // highest, and ties go to the nearest, so the rest of the text cannot offer a better one.
    const near = scope.segments.map(([from, to]): [number, number] => [
      Math.max(from, hint - NEAR_HINT),
      Math.min(to, hint + NEAR_HINT + quote.exact.length),
    ]);
    const perfect = scoreExact(text, scope, quote, hint, occurrences(text, quote.exact, near)).filter(
      (match) => match.prefixScore === 1 && match.suffixScore === 1 && sameBlockKind(match, quote, page),
    );
    if (perfect.length > 0) return bestOf(perfect, hint);
  }
  const matches = scoreExact(text, scope, quote, hint, occurrences(text, quote.exact, scope.segments));
  return bestOf(matches.filter(agrees), hint);
}

/** Weak evidence for the exact quote, within the order bounds; or a moved paragraph. */
export function matchExactQuote(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  hint: number | null,
  bounds: OrderBounds,
  page: PageStructure,
): PassageMatch | null {
  if (!quote.exact) return null;
  const starts = occurrences(text, quote.exact, scope.segments);
  // A distinctive quote needs one side of context nearly unchanged (the edit was on the other side); a
  // short one both: the same phrase in a near-duplicate sentence elsewhere differs only further out.
  const sidesNeeded = quote.exact.length >= DISTINCTIVE_QUOTE_LENGTH ? 1 : 2;
  const inOrder = scoreExact(
    text,
    scope,
    quote,
    hint,
    starts.filter((start) => start >= bounds.after && start <= bounds.before),
  ).filter(
    (match) =>
      sidesAtLeast(match, STRONG_CONTEXT) >= sidesNeeded &&
      sameBlockKind(match, quote, page) &&
      !isOldNeighbour(text, match, quote),
  );
  if (inOrder.length > 0) return bestOf(inOrder, hint);
  // A moved paragraph: the one occurrence in the whole root ("nowhere else"), wherever it stands.
  if (starts.length !== 1 || occurrences(text, quote.exact, [[scope.start, scope.end]]).length !== 1) {
    return null;
  }
  const moved = scoreExact(text, scope, quote, hint, starts)[0]!;
  return isMovedBlock(moved, quote, page) ? moved : null;
}

interface RawMatch {
  start: number;
  end: number;
  errors: number;
}

/** Longest quote whose fuzzy match boundaries are refined (the refinement is quadratic in its length). */
const MAX_REFINED_LENGTH = 2000;

/**
 * Moves a fuzzy match's ends to where quote and context fit best together. approx-string-match ends a
 * match as cheaply as it can: with words inserted near the passage's end it stops short (dropping "2022."
 * costs fewer edits than spanning "long-delayed 2022."), which would then make the suffix look changed.
 */
function refineBoundaries(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  raw: RawMatch,
  maxErrors: number,
): RawMatch {
  const pattern = quote.exact;
  if (pattern.length > MAX_REFINED_LENGTH) return raw;
  const reach = maxErrors + CONTEXT_SLACK;

  // The start: edits of the quote ending at `raw.end`, plus edits of the prefix ending at the start.
  const earliest = Math.max(scope.start, raw.start - reach);
  const latestStart = Math.min(raw.end - 1, raw.start + reach);
  const backwards = alignmentRow(pattern, text.slice(earliest, raw.end), true)!;
  const prefixFrom = Math.max(scope.start, earliest - quote.prefix.length - CONTEXT_SLACK);
  const prefixEdits = editsEndingAt(quote.prefix, text.slice(prefixFrom, latestStart));
  let start = raw.start;
  let bestCost = Infinity;
  for (let at = earliest; at <= latestStart; at++) {
    const cost = backwards[raw.end - at]! + prefixEdits[at - prefixFrom]!;
    if (cost < bestCost || (cost === bestCost && Math.abs(at - raw.start) < Math.abs(start - raw.start))) {
      bestCost = cost;
      start = at;
    }
  }

  // Then the end, from that start: edits of the quote, plus edits of the suffix starting at the end.
  const firstEnd = Math.max(start + 1, raw.end - reach);
  const latest = Math.min(scope.end, raw.end + reach);
  const forwards = alignmentRow(pattern, text.slice(start, latest), false)!;
  const suffixTo = Math.min(scope.end, latest + quote.suffix.length + CONTEXT_SLACK);
  // Read backwards, "the suffix starting at p" is "the reversed suffix ending at p".
  const suffixEdits = editsEndingAt(reversed(quote.suffix), reversed(text.slice(firstEnd, suffixTo)));
  let end = raw.end;
  let errors = raw.errors;
  bestCost = Infinity;
  for (let at = firstEnd; at <= latest; at++) {
    const quoteErrors = forwards[at - start]!;
    const cost = quoteErrors + suffixEdits[suffixTo - at]!;
    if (cost < bestCost || (cost === bestCost && Math.abs(at - raw.end) < Math.abs(end - raw.end))) {
      bestCost = cost;
      end = at;
      errors = quoteErrors;
    }
  }
  return { start, end, errors };
}

/** Approximate matches of `pattern` in text[from, to), in page-text offsets. */
function searchWindow(
  text: string,
  from: number,
  to: number,
  pattern: string,
  maxErrors: number,
): RawMatch[] {
  if (to - from <= 0) return [];
  return approxSearch(text.slice(from, to), pattern, maxErrors).map((match) => ({
    start: from + match.start,
    end: from + match.end,
    errors: match.errors,
  }));
}

const overlapsAny = (match: RawMatch, kept: RawMatch[]) =>
  kept.some((other) => match.start < other.end && other.start < match.end);

/** Candidates overlapping one already kept are the same place, found again. */
function addCandidates(kept: RawMatch[], found: RawMatch[]): void {
  for (const match of found) {
    const same = kept.find((other) => match.start < other.end && other.start < match.end);
    if (!same) kept.push(match);
    else if (match.errors < same.errors) Object.assign(same, match);
  }
}

/** Where to look first: around the stored position, after the stored prefix, before the stored suffix. */
function nearbyCandidates(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  hint: number | null,
  maxErrors: number,
): RawMatch[] {
  const length = quote.exact.length;
  const reach = length + maxErrors + CONTEXT_SLACK;
  const windows: Array<[number, number]> = [];
  if (hint !== null) windows.push([hint - reach - 512, hint + reach + 512]);
  const probe = (needle: string, place: (at: number) => [number, number]) => {
    if (needle.length < MIN_CONTEXT_EVIDENCE) return;
    let count = 0;
    for (const [from, to] of scope.segments) {
      for (let at = text.indexOf(needle, from); at !== -1 && at < to && count < MAX_CONTEXT_PROBES;) {
        windows.push(place(at));
        count++;
        at = text.indexOf(needle, at + 1);
      }
    }
  };
  const prefixEnd = quote.prefix.slice(-16);
  probe(prefixEnd, (at) => [at + prefixEnd.length - CONTEXT_SLACK, at + prefixEnd.length + reach]);
  const suffixStart = quote.suffix.slice(0, 16);
  probe(suffixStart, (at) => [at - reach, at + CONTEXT_SLACK]);
  const found: RawMatch[] = [];
  for (const [from, to] of windows) {
    for (const [segmentFrom, segmentTo] of scope.segments) {
      const start = Math.max(from, segmentFrom);
      const end = Math.min(to, segmentTo);
      if (end - start >= length - maxErrors) {
        addCandidates(found, searchWindow(text, start, end, quote.exact, maxErrors));
      }
    }
  }
  return found;
}

function acceptsFuzzy(
  text: string,
  match: PassageMatch,
  quote: QuoteToFind,
  bounds: OrderBounds,
  page: PageStructure,
): boolean {
  if (match.quoteScore < FUZZY_MIN_QUOTE_SCORE || match.score < FUZZY_MIN_SCORE) return false;
  const found = text.slice(match.start, match.end);
  // With both sides nearly unchanged the passage was edited where it stands ("eight months" corrected
  // to "nine months"): a near-duplicate elsewhere does not also copy the 32 characters on either side.
  // Elsewhere, a replaced word or figure is how near-duplicates differ.
  const editedInPlace = sidesAtLeast(match, STRONG_CONTEXT) >= 2;
  if (!editedInPlace && !sameFigures(quote.exact, found)) return false;
  if (!editedInPlace && lostCharacters(quote.exact, found) > maxLostCharacters(quote.exact.length))
    return false;
  if (!withinBounds(match, bounds) || !sameBlockKind(match, quote, page)) return false;
  if (isOldNeighbour(text, match, quote)) return false;
  // Both sides agreeing a little is what near-duplicate sentences do; an edited passage keeps at least
  // one side nearly unchanged.
  return sidesAtLeast(match, STRONG_CONTEXT) >= 1 && bothSidesAgree(text, match, quote, CONTEXT_AGREES, page);
}

/** The best-scoring acceptable candidate, or null when none passes or a second one, elsewhere, passes too. */
function pickFuzzy(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  hint: number | null,
  candidates: RawMatch[],
  bounds: OrderBounds,
  page: PageStructure,
): { best: PassageMatch | null; ambiguous: boolean } {
  const accepted = candidates
    .map((raw) => evaluate(text, scope, quote, hint, raw.start, raw.end, raw.errors))
    .filter((match) => acceptsFuzzy(text, match, quote, bounds, page))
    .sort((a, b) => b.score - a.score);
  const best = accepted[0] ?? null;
  const rival = accepted.find(
    (match) => match !== best && (match.end <= best!.start || match.start >= best!.end),
  );
  // Two places that both pass are an edited passage and a near-duplicate of it, and nothing says which.
  return { best, ambiguous: best !== null && rival !== undefined };
}

/** A nearby match this good needs no search of the whole text: quote and both sides nearly unchanged. */
const isCloseMatch = (match: PassageMatch) =>
  match.quoteScore >= 0.9 && match.prefixScore >= STRONG_CONTEXT && match.suffixScore >= STRONG_CONTEXT;

/**
 * The passage after the page was edited: approximate matches of the quote (approx-string-match), first
 * near where it is expected, then over the whole scope, judged by quote, context, position and order.
 */
export function matchFuzzyQuote(
  text: string,
  scope: TextScope,
  quote: QuoteToFind,
  hint: number | null,
  bounds: OrderBounds,
  page: PageStructure,
): PassageMatch | null {
  const length = quote.exact.length;
  if (length < FUZZY_MIN_QUOTE_LENGTH) return null;
  const maxErrors = Math.floor(length * (1 - FUZZY_MIN_QUOTE_SCORE));
  const refine = (raw: RawMatch) => refineBoundaries(text, scope, quote, raw, maxErrors);
  // Outside the order bounds (give or take the refinement's reach) a candidate could never be taken.
  const reach = maxErrors + CONTEXT_SLACK;
  const worthRefining = (raw: RawMatch) =>
    raw.start >= bounds.after - reach && raw.start <= bounds.before + reach;
  const candidates = nearbyCandidates(text, scope, quote, hint, maxErrors).filter(worthRefining).map(refine);
  const nearby = pickFuzzy(text, scope, quote, hint, candidates, bounds, page);
  if (nearby.best && !nearby.ambiguous && isCloseMatch(nearby.best)) return nearby.best;

  // The whole scope: approx-string-match reports only the matches with the fewest edits, so each round
  // blanks those out and asks again, to reach a true passage hidden behind a closer near-duplicate.
  let masked = text;
  for (let round = 0; round < FUZZY_ROUNDS; round++) {
    const found: RawMatch[] = [];
    for (const [from, to] of scope.segments) {
      found.push(...searchWindow(masked, from, to, quote.exact, maxErrors));
    }
    if (found.length === 0) break;
    const fresh: RawMatch[] = [];
    addCandidates(
      fresh,
      found.filter((raw) => !overlapsAny(raw, candidates)),
    );
    candidates.push(...fresh.filter(worthRefining).map(refine));
    const blanks = [...found].sort((a, b) => a.start - b.start);
    let rebuilt = '';
    let at = 0;
    for (const match of blanks) {
      if (match.end <= at) continue;
      const from = Math.max(at, match.start);
      rebuilt += masked.slice(at, from) + '\u0000'.repeat(match.end - from);
      at = match.end;
    }
    masked = rebuilt + masked.slice(at);
  }
  const overall = pickFuzzy(text, scope, quote, hint, candidates, bounds, page);
  return overall.ambiguous ? null : overall.best;
}
