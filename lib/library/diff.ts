/**
 * What changed between two versions of an article: paragraphs added, removed and reworded (word by word),
 * quotes added, dropped and altered, headline and byline changes, and whether the outlet's "updated" date
 * moved with them. Compares two saved snapshots, or the live page with the newest saved one.
 *
 * Fast on long articles and bounded on hostile ones: paragraphs are aligned first (jsdiff's diffArrays on
 * whole paragraphs), and only paragraphs paired as rewordings get a word diff, each capped in edits; the
 * whole text is never diffed word by word. Pairing looks for candidates through the words paragraphs share,
 * and skips words too common to tell paragraphs apart, so 2,000 paragraphs replaced by 2,000 others cost
 * a few passes over their words, not 4 million comparisons.
 */
import { diffArrays, diffWords } from 'diff';
import type { Analysis, Quote } from '../analyze/types';
import { foldText, wordsOf } from './text-folding';
import type { StoredByline } from './types';

/** What can be compared: a saved snapshot, or the live page in the same shape. */
export interface DiffableArticle {
  title: string;
  /** Plain text, blocks separated by a blank line. */
  text: string;
  byline: Pick<StoredByline, 'authors' | 'outlet' | 'published' | 'modified'>;
  /** Null when the analysis failed or has not run: quotes are then not compared. */
  analysis: Pick<Analysis, 'quotes'> | null;
}

export interface WordChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export type ParagraphChange =
  | { kind: 'added'; /** index in the new text */ after: number; text: string }
  | { kind: 'removed'; /** index in the old text */ before: number; text: string }
  | { kind: 'reworded'; oldIndex: number; newIndex: number; words: WordChange[] };

export interface QuoteChange {
  kind: 'added' | 'dropped' | 'altered';
  speaker: string | null;
  old?: string;
  new?: string;
  words?: WordChange[];
}

export interface FieldChange {
  field: 'title' | 'authors' | 'outlet' | 'published' | 'modified';
  old: string | null;
  new: string | null;
}

export interface ArticleDiff {
  /** Nothing a reader would call content changed (whitespace-only changes count as identical). */
  identical: boolean;
  /** In reading order of the new text; a removed paragraph stands where it stood. */
  paragraphs: ParagraphChange[];
  quotes: QuoteChange[];
  /** Headline and byline changes. */
  fields: FieldChange[];
  /**
   * 'moved' when the outlet's updated date changed; 'unchanged' when the content changed but the updated
   * date did not (the panel calls this out: "edited without a new 'updated' date"); 'none' when nothing
   * changed.
   */
  updatedDate: 'moved' | 'unchanged' | 'none';
  summary: { added: number; removed: number; reworded: number; quotesChanged: number };
}

/** Two paragraphs (or quotes) sharing at least this share of their distinct words are one, reworded. */
export const REWORDED_SIMILARITY = 0.5;
/**
 * A word in more paragraphs than this (of one run of changes) does not suggest pairs: "the", "said".
 * Bounds the pairing to this many candidates per word of a paragraph.
 */
export const COMMON_WORD_PARAGRAPHS = 12;
/**
 * Edits allowed in one word diff (one paragraph or quote) before it is shown as replaced whole: two
 * paragraphs that similar differ by far fewer edits, and this keeps a 10,000-word block from costing
 * seconds (jsdiff is O(length × edits)).
 */
export const MAX_WORD_EDITS = 600;

export function diffArticles(older: DiffableArticle, newer: DiffableArticle): ArticleDiff {
  const paragraphs = diffParagraphs(older.text, newer.text);
  const quotes =
    older.analysis && newer.analysis ? diffQuotes(older.analysis.quotes, newer.analysis.quotes) : [];
  const fields = diffFields(older, newer);
  const modifiedMoved = fields.some((field) => field.field === 'modified');
  const contentChanged =
    paragraphs.length > 0 || quotes.length > 0 || fields.some((field) => field.field !== 'modified');
  const count = (kind: ParagraphChange['kind']) => paragraphs.filter((change) => change.kind === kind).length;
  return {
    identical: !contentChanged && !modifiedMoved,
    paragraphs,
    quotes,
    fields,
    updatedDate: modifiedMoved ? 'moved' : contentChanged ? 'unchanged' : 'none',
    summary: {
      added: count('added'),
      removed: count('removed'),
      reworded: count('reworded'),
      quotesChanged: quotes.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Paragraphs

/** Whitespace collapsed, ends trimmed: how text is compared, so whitespace-only edits are no change. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The blocks of a text (separated by a blank line), whitespace collapsed, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[^\S\n]*\n/)
    .map(collapse)
    .filter(Boolean);
}

export function diffParagraphs(oldText: string, newText: string): ParagraphChange[] {
  // A blank line added or taken away is whitespace too.
  if (collapse(oldText) === collapse(newText)) return [];
  const before = paragraphsOf(oldText);
  const after = paragraphsOf(newText);
  const changes: ParagraphChange[] = [];
  for (const run of changedRuns(before, after)) pairRun(run, before, after, changes);
  return changes;
}

/** One stretch of changes between unchanged paragraphs: old indices taken out, new indices put in. */
interface ChangedRun {
  removed: number[];
  added: number[];
}

/** The runs of changes between the paragraphs both texts share, in order. */
function changedRuns(before: string[], after: string[]): ChangedRun[] {
  // Paragraphs as numbers, the same text the same number.
  const ids = new Map<string, number>();
  const idOf = (paragraph: string) => {
    let id = ids.get(paragraph);
    if (id === undefined) ids.set(paragraph, (id = ids.size));
    return id;
  };
  const oldIds = before.map(idOf);
  const newIds = after.map(idOf);
  const matches: [number, number][] = [];
  alignParagraphs(oldIds, newIds, 0, oldIds.length, 0, newIds.length, 0, matches);
  const runs: ChangedRun[] = [];
  let oldAt = 0;
  let newAt = 0;
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, at) => from + at);
  for (const [oldMatch, newMatch] of [...matches, [oldIds.length, newIds.length] as [number, number]]) {
    if (oldMatch > oldAt || newMatch > newAt)
      runs.push({ removed: range(oldAt, oldMatch), added: range(newAt, newMatch) });
    oldAt = oldMatch + 1;
    newAt = newMatch + 1;
  }
  return runs;
}

/**
 * Pairs of equal paragraphs (old index, new index), in order on both sides, found the way patience diff
 * finds them: the common beginning and end, then the paragraphs that occur once in each text, kept where
 * their order agrees (a longest increasing subsequence, n log n), then the same inside each gap between
 * them, to a bounded depth. Small gaps are aligned exactly with jsdiff's diffArrays, within a bounded
 * number of edits. Never quadratic in the number of paragraphs.
 */
function alignParagraphs(
  oldIds: number[],
  newIds: number[],
  oldStart: number,
  oldEnd: number,
  newStart: number,
  newEnd: number,
  depth: number,
  into: [number, number][],
): void {
  while (oldStart < oldEnd && newStart < newEnd && oldIds[oldStart] === newIds[newStart])
    into.push([oldStart++, newStart++]);
  const tail: [number, number][] = [];
  while (oldStart < oldEnd && newStart < newEnd && oldIds[oldEnd - 1] === newIds[newEnd - 1])
    tail.push([--oldEnd, --newEnd]);
  const oldCount = oldEnd - oldStart;
  const newCount = newEnd - newStart;
  if (oldCount && newCount) {
    if (oldCount <= SMALL_GAP && newCount <= SMALL_GAP) {
      alignSmallGap(oldIds, newIds, oldStart, oldEnd, newStart, newEnd, into);
    } else if (depth < MAX_ALIGN_DEPTH) {
      let oldAt = oldStart;
      let newAt = newStart;
      for (const [oldAnchor, newAnchor] of uniqueAnchors(
        oldIds,
        newIds,
        oldStart,
        oldEnd,
        newStart,
        newEnd,
      )) {
        alignParagraphs(oldIds, newIds, oldAt, oldAnchor, newAt, newAnchor, depth + 1, into);
        into.push([oldAnchor, newAnchor]);
        oldAt = oldAnchor + 1;
        newAt = newAnchor + 1;
      }
      alignParagraphs(oldIds, newIds, oldAt, oldEnd, newAt, newEnd, depth + 1, into);
    }
  }
  for (let at = tail.length - 1; at >= 0; at--) into.push(tail[at]!);
}

/** Gaps up to this many paragraphs on each side are aligned exactly (jsdiff, at most 2 × this edits). */
const SMALL_GAP = 64;
/** Patience alignment recurses into the gaps between anchors this many times at most. */
const MAX_ALIGN_DEPTH = 4;

function alignSmallGap(
  oldIds: number[],
  newIds: number[],
  oldStart: number,
  oldEnd: number,
  newStart: number,
  newEnd: number,
  into: [number, number][],
): void {
  const changes = diffArrays(oldIds.slice(oldStart, oldEnd), newIds.slice(newStart, newEnd));
  let oldAt = oldStart;
  let newAt = newStart;
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) oldAt += count;
    else if (change.added) newAt += count;
    else for (let step = 0; step < count; step++) into.push([oldAt++, newAt++]);
  }
}

/** Paragraphs found exactly once in each range, as (old, new) pairs, the longest run in the same order. */
function uniqueAnchors(
  oldIds: number[],
  newIds: number[],
  oldStart: number,
  oldEnd: number,
  newStart: number,
  newEnd: number,
): [number, number][] {
  const counts = new Map<number, { old: number; new: number; oldAt: number }>();
  for (let at = oldStart; at < oldEnd; at++) {
    const entry = counts.get(oldIds[at]!);
    if (entry) entry.old++;
    else counts.set(oldIds[at]!, { old: 1, new: 0, oldAt: at });
  }
  const candidates: [number, number][] = [];
  for (let at = newStart; at < newEnd; at++) {
    const entry = counts.get(newIds[at]!);
    if (entry) entry.new++;
  }
  for (let at = newStart; at < newEnd; at++) {
    const entry = counts.get(newIds[at]!);
    if (entry && entry.old === 1 && entry.new === 1) candidates.push([entry.oldAt, at]);
  }
  return longestIncreasing(candidates);
}

/** The longest subsequence of pairs (ordered by new index) whose old indices increase: patience sorting. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const pileTops: number[] = []; // index into pairs of the top of each pile
  const previous: number[] = new Array<number>(pairs.length);
  pairs.forEach(([oldAt], at) => {
    let low = 0;
    let high = pileTops.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (pairs[pileTops[middle]!]![0] < oldAt) low = middle + 1;
      else high = middle;
    }
    previous[at] = low > 0 ? pileTops[low - 1]! : -1;
    pileTops[low] = at;
  });
  const result: [number, number][] = [];
  for (let at = pileTops.length ? pileTops[pileTops.length - 1]! : -1; at >= 0; at = previous[at]!)
    result.push(pairs[at]!);
  return result.reverse();
}

/** Distinct folded words of a text: what similarity counts. */
function wordSet(text: string): Set<string> {
  return new Set(wordsOf(text).map((word) => foldText(word)));
}

/** Share of distinct words two texts have in common, against the larger of the two (0–1). */
function similarity(first: Set<string>, second: Set<string>): number {
  if (!first.size || !second.size) return 0;
  const [small, large] = first.size <= second.size ? [first, second] : [second, first];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / large.size;
}

/**
 * Pairs of (removed, added) items that are one item reworded, in order on both sides (a paragraph that
 * moved is removed in one place and added in another). Each added item takes the most similar removed item
 * after the last pair, if they share at least REWORDED_SIMILARITY of their words. Candidates are found
 * through the words they share, skipping words held by more than COMMON_WORD_PARAGRAPHS items, and only
 * the CANDIDATES_PER_ITEM sharing the most are compared in full: linear in the words, whatever the input.
 */
function pairSimilar(removedTexts: string[], addedTexts: string[]): [number, number][] {
  const removedWords = removedTexts.map(wordSet);
  const holders = new Map<string, number[]>();
  removedWords.forEach((words, at) => {
    for (const word of words) {
      const list = holders.get(word);
      if (!list) holders.set(word, [at]);
      else if (list.length <= COMMON_WORD_PARAGRAPHS) list.push(at);
    }
  });
  const pairs: [number, number][] = [];
  let lastRemoved = -1;
  addedTexts.forEach((text, addedAt) => {
    const words = wordSet(text);
    const shared = new Map<number, number>();
    for (const word of words) {
      const list = holders.get(word);
      if (!list || list.length > COMMON_WORD_PARAGRAPHS) continue;
      for (const at of list) if (at > lastRemoved) shared.set(at, (shared.get(at) ?? 0) + 1);
    }
    // The few sharing the most, picked in one pass (sorting every candidate costs more than comparing).
    const candidates: [number, number][] = [];
    for (const entry of shared) {
      if (candidates.length === CANDIDATES_PER_ITEM && !outranks(entry, candidates[CANDIDATES_PER_ITEM - 1]!))
        continue;
      let at = candidates.length;
      while (at > 0 && outranks(entry, candidates[at - 1]!)) at--;
      candidates.splice(at, 0, entry);
      if (candidates.length > CANDIDATES_PER_ITEM) candidates.pop();
    }
    let best = -1;
    let bestScore = REWORDED_SIMILARITY;
    for (const [at] of candidates) {
      const score = similarity(removedWords[at]!, words);
      if (score > bestScore || (score === bestScore && (best < 0 || at < best))) {
        best = at;
        bestScore = score;
      }
    }
    if (best >= 0) {
      pairs.push([best, addedAt]);
      lastRemoved = best;
    }
  });
  return pairs;
}

/** A candidate (item, shared words) before another: more shared words, then the earlier item. */
function outranks(first: [number, number], second: [number, number]): boolean {
  return first[1] > second[1] || (first[1] === second[1] && first[0] < second[0]);
}

/** How many candidates sharing the most uncommon words are compared in full with an added item. */
const CANDIDATES_PER_ITEM = 8;

function pairRun(run: ChangedRun, before: string[], after: string[], into: ParagraphChange[]): void {
  const pairs = pairSimilar(
    run.removed.map((at) => before[at]!),
    run.added.map((at) => after[at]!),
  );
  let removedAt = 0;
  let addedAt = 0;
  const removedUpTo = (end: number) => {
    for (; removedAt < end; removedAt++) {
      const index = run.removed[removedAt]!;
      into.push({ kind: 'removed', before: index, text: before[index]! });
    }
  };
  const addedUpTo = (end: number) => {
    for (; addedAt < end; addedAt++) {
      const index = run.added[addedAt]!;
      into.push({ kind: 'added', after: index, text: after[index]! });
    }
  };
  for (const [removed, added] of pairs) {
    removedUpTo(removed);
    addedUpTo(added);
    const oldIndex = run.removed[removed]!;
    const newIndex = run.added[added]!;
    into.push({
      kind: 'reworded',
      oldIndex,
      newIndex,
      words: wordChanges(before[oldIndex]!, after[newIndex]!),
    });
    removedAt = removed + 1;
    addedAt = added + 1;
  }
  removedUpTo(run.removed.length);
  addedUpTo(run.added.length);
}

/** A word diff, or the old text removed and the new added when they differ in too many places. */
export function wordChanges(oldText: string, newText: string): WordChange[] {
  const changes = diffWords(oldText, newText, { maxEditLength: MAX_WORD_EDITS });
  if (!changes)
    return [
      { value: oldText, removed: true },
      { value: newText, added: true },
    ];
  return changes.map(({ value, added, removed }) =>
    added ? { value, added: true } : removed ? { value, removed: true } : { value },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Quotes

/** Quote text as compared: whitespace collapsed, typographic apostrophes and dashes made plain. */
function quoteKey(text: string): string {
  return collapse(text)
    .replace(/[‘’]/g, "'")
    .replace(/[‐‑–—]/g, '-');
}

/** At most this many unmatched quotes on each side are paired by similarity; past it they are listed. */
export const MAX_PAIRED_QUOTES = 300;

export function diffQuotes(before: readonly Quote[], after: readonly Quote[]): QuoteChange[] {
  // The same words on both sides are the same quote, whoever they are now credited to.
  const unmatchedOld = new Map<string, number[]>();
  before.forEach((quote, at) => {
    const key = quoteKey(quote.text);
    unmatchedOld.set(key, [...(unmatchedOld.get(key) ?? []), at]);
  });
  const addedAt: number[] = [];
  after.forEach((quote, at) => {
    const same = unmatchedOld.get(quoteKey(quote.text));
    if (same?.length) same.shift();
    else addedAt.push(at);
  });
  const droppedAt = [...unmatchedOld.values()].flat().sort((a, b) => a - b);

  // The rest are paired best first: most similar words, the same speaker breaking ties.
  const pairs: { old: number; new: number; score: number }[] = [];
  if (droppedAt.length <= MAX_PAIRED_QUOTES && addedAt.length <= MAX_PAIRED_QUOTES) {
    const oldWords = droppedAt.map((at) => wordSet(before[at]!.text));
    addedAt.forEach((newAt) => {
      const words = wordSet(after[newAt]!.text);
      droppedAt.forEach((oldAt, oldSlot) => {
        const score = similarity(oldWords[oldSlot]!, words);
        if (score < REWORDED_SIMILARITY) return;
        const sameSpeaker =
          before[oldAt]!.speaker !== null && before[oldAt]!.speaker === after[newAt]!.speaker;
        pairs.push({ old: oldAt, new: newAt, score: score + (sameSpeaker ? 0.1 : 0) });
      });
    });
    pairs.sort((a, b) => b.score - a.score || a.new - b.new || a.old - b.old);
  }
  const takenOld = new Set<number>();
  const altered = new Map<number, number>(); // new index → old index
  for (const pair of pairs) {
    if (takenOld.has(pair.old) || altered.has(pair.new)) continue;
    takenOld.add(pair.old);
    altered.set(pair.new, pair.old);
  }

  // In reading order: by paragraph (the new one for added and altered, the old one for dropped).
  // Within a paragraph, the old quotes (altered, dropped) in their order, then the added ones.
  const placed: { paragraph: number; order: number; change: QuoteChange }[] = [];
  for (const newAt of addedAt) {
    const quote = after[newAt]!;
    const oldAt = altered.get(newAt);
    if (oldAt === undefined) {
      placed.push({
        paragraph: quote.paragraph,
        order: before.length + newAt,
        change: { kind: 'added', speaker: quote.speaker, new: quote.text },
      });
      continue;
    }
    const old = before[oldAt]!;
    placed.push({
      paragraph: quote.paragraph,
      order: oldAt,
      change: {
        kind: 'altered',
        speaker: quote.speaker ?? old.speaker,
        old: old.text,
        new: quote.text,
        words: wordChanges(quoteKey(old.text), quoteKey(quote.text)),
      },
    });
  }
  for (const oldAt of droppedAt) {
    if (takenOld.has(oldAt)) continue;
    const quote = before[oldAt]!;
    placed.push({
      paragraph: quote.paragraph,
      order: oldAt,
      change: { kind: 'dropped', speaker: quote.speaker, old: quote.text },
    });
  }
  return placed.sort((a, b) => a.paragraph - b.paragraph || a.order - b.order).map(({ change }) => change);
}

// ---------------------------------------------------------------------------------------------------------
// Headline and byline

function diffFields(older: DiffableArticle, newer: DiffableArticle): FieldChange[] {
  const fields: FieldChange[] = [];
  const compare = (
    field: FieldChange['field'],
    old: string | null,
    now: string | null,
    same: (a: string, b: string) => boolean,
  ) => {
    if (old === now || (old !== null && now !== null && same(old, now))) return;
    fields.push({ field, old, new: now });
  };
  const text = (value: string | null | undefined) => (value ? collapse(value) || null : null);
  const sameText = (a: string, b: string) => a === b;
  compare('title', text(older.title), text(newer.title), sameText);
  compare('authors', authorsOf(older.byline), authorsOf(newer.byline), sameNames);
  compare('outlet', text(older.byline.outlet?.name), text(newer.byline.outlet?.name), sameText);
  compare('published', text(older.byline.published), text(newer.byline.published), sameTime);
  compare('modified', text(older.byline.modified), text(newer.byline.modified), sameTime);
  return fields;
}

function authorsOf(byline: DiffableArticle['byline']): string | null {
  const names = byline.authors.map((author) => collapse(author.name)).filter(Boolean);
  return names.length ? names.join(', ') : null;
}

/** The same people, whatever the order and the case. */
function sameNames(a: string, b: string): boolean {
  const key = (names: string) => names.split(', ').map(foldText).sort().join('\n');
  return key(a) === key(b);
}

/** The same instant, however written ("…T10:00:00+01:00" and "…T09:00:00Z"); plain dates as written. */
function sameTime(a: string, b: string): boolean {
  if (a === b) return true;
  const hasTime = (value: string) => /T\d/.test(value);
  if (!hasTime(a) || !hasTime(b)) return false;
  const first = Date.parse(a);
  const second = Date.parse(b);
  return !Number.isNaN(first) && first === second;
}
