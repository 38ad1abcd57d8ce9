/**
 * What changed between two saved states of an article, as a reader would put it: paragraphs added,
 * removed and reworded (word by word), quotes added, dropped or altered, headline and byline changes, and
 * whether the outlet's "updated" date moved with the edit. Paragraphs are aligned first (jsdiff's
 * diffArrays over whole paragraphs), and only a removed and an added paragraph that share most of their
 * words are compared word by word, so the work stays near linear in the article's length.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Analysis, Quote } from '../analyze/types';
import type { StoredByline } from './types';

export interface WordChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export type ParagraphChange =
  | { kind: 'added'; after: number; text: string }
  | { kind: 'removed'; before: number; text: string }
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
  /** Nothing a reader would call content changed (whitespace alone is no change). */
  identical: boolean;
  /** In reading order of the newer text. */
  paragraphs: ParagraphChange[];
  quotes: QuoteChange[];
  /** Headline and byline changes. */
  fields: FieldChange[];
  /**
   * `moved`: the outlet's "updated" date changed. `unchanged`: the text or headline changed and the
   * updated date did not (an edit the outlet did not date). `none`: nothing changed.
   */
  updatedDate: 'moved' | 'unchanged' | 'none';
  summary: { added: number; removed: number; reworded: number; quotesChanged: number };
}

/** What the diff reads of a snapshot (or of the page the panel has open). */
export interface DiffableArticle {
  title: string;
  text: string;
  byline: Pick<StoredByline, 'authors' | 'outlet' | 'published' | 'modified'>;
  analysis: Pick<Analysis, 'quotes'> | null;
}

/** Share of words two paragraphs must have in common to be one paragraph reworded. */
const REWORDED_SIMILARITY = 0.5;
/**
 * Word diffs are quadratic in the worst case: removed × added paragraph pairs compared for similarity
 * are capped; past the cap (an article rewritten from end to end) paragraphs are reported added and
 * removed instead of reworded.
 */
const MAX_PAIR_COMPARISONS = 20_000;
/** Longest paragraph compared word by word; a longer one is shown removed and added. */
const MAX_WORD_DIFF_CHARACTERS = 20_000;
const MAX_QUOTES = 500;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(collapse)
    .filter(Boolean);
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Dice coefficient over distinct words: 1 for the same words, 0 for none in common. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const word of small) if (large.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function wordDiff(older: string, newer: string): WordChange[] {
  return diffWordsWithSpace(older, newer).map((part) => ({
    value: part.value,
    ...(part.added && { added: true }),
    ...(part.removed && { removed: true }),
  }));
}

interface Pending {
  index: number;
  text: string;
  words: Set<string>;
}

/** Pairs of removed and added paragraphs in one changed region, most similar first, each used once. */
function pairRegion(removed: Pending[], added: Pending[], budget: { left: number }): Map<number, Pending> {
  const pairs = new Map<number, Pending>();
  const used = new Set<number>();
  for (const old of removed) {
    if (old.text.length > MAX_WORD_DIFF_CHARACTERS) continue;
    let best: Pending | null = null;
    let bestScore = REWORDED_SIMILARITY;
    for (const candidate of added) {
      if (used.has(candidate.index) || candidate.text.length > MAX_WORD_DIFF_CHARACTERS) continue;
      if (budget.left-- <= 0) return pairs;
      const score = similarity(old.words, candidate.words);
      if (score >= bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best) {
      used.add(best.index);
      pairs.set(old.index, best);
    }
  }
  return pairs;
}

function diffParagraphs(older: string[], newer: string[]): ParagraphChange[] {
  const changes: ParagraphChange[] = [];
  const budget = { left: MAX_PAIR_COMPARISONS };
  let oldIndex = 0;
  let newIndex = 0;
  let removed: Pending[] = [];
  let added: Pending[] = [];
  const flush = () => {
    if (!removed.length && !added.length) return;
    const pairs = pairRegion(removed, added, budget);
    const paired = new Set([...pairs.values()].map((item) => item.index));
    const region: ParagraphChange[] = [];
    for (const old of removed) {
      const partner = pairs.get(old.index);
      region.push(
        partner
          ? {
              kind: 'reworded',
              oldIndex: old.index,
              newIndex: partner.index,
              words: wordDiff(old.text, partner.text),
            }
          : { kind: 'removed', before: old.index, text: old.text },
      );
    }
    for (const item of added)
      if (!paired.has(item.index)) region.push({ kind: 'added', after: item.index, text: item.text });
    // In reading order of the newer text; a removed paragraph sits where it was.
    const place = (change: ParagraphChange) =>
      change.kind === 'added' ? change.after : change.kind === 'reworded' ? change.newIndex : -1;
    region.sort((a, b) => place(a) - place(b));
    changes.push(...region);
    removed = [];
    added = [];
  };
  for (const part of diffArrays(older, newer)) {
    if (part.added) {
      for (const text of part.value) added.push({ index: newIndex++, text, words: wordSet(text) });
    } else if (part.removed) {
      for (const text of part.value) removed.push({ index: oldIndex++, text, words: wordSet(text) });
    } else {
      flush();
      oldIndex += part.value.length;
      newIndex += part.value.length;
    }
  }
  flush();
  return changes;
}

function diffQuotes(older: readonly Quote[], newer: readonly Quote[]): QuoteChange[] {
  const oldQuotes = older
    .slice(0, MAX_QUOTES)
    .map((quote) => ({ quote, text: collapse(quote.text), words: wordSet(quote.text) }));
  const newQuotes = newer
    .slice(0, MAX_QUOTES)
    .map((quote) => ({ quote, text: collapse(quote.text), words: wordSet(quote.text) }));
  const unmatchedNew = new Set(newQuotes.map((_, index) => index));
  const changes: QuoteChange[] = [];
  const unmatchedOld: typeof oldQuotes = [];
  // Unchanged quotes first, so an altered one is not paired with a quote that is still there.
  for (const old of oldQuotes) {
    const same = newQuotes.findIndex(
      (candidate, index) => unmatchedNew.has(index) && candidate.text === old.text,
    );
    if (same >= 0) unmatchedNew.delete(same);
    else unmatchedOld.push(old);
  }
  for (const old of unmatchedOld) {
    let best = -1;
    let bestScore = REWORDED_SIMILARITY;
    for (const index of unmatchedNew) {
      const candidate = newQuotes[index]!;
      const score =
        similarity(old.words, candidate.words) + (candidate.quote.speaker === old.quote.speaker ? 0.1 : 0);
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best >= 0) {
      unmatchedNew.delete(best);
      const match = newQuotes[best]!;
      changes.push({
        kind: 'altered',
        speaker: match.quote.speaker ?? old.quote.speaker,
        old: old.text,
        new: match.text,
        words: wordDiff(old.text, match.text),
      });
    } else changes.push({ kind: 'dropped', speaker: old.quote.speaker, old: old.text });
  }
  for (const index of [...unmatchedNew].sort((a, b) => a - b)) {
    const added = newQuotes[index]!;
    changes.push({ kind: 'added', speaker: added.quote.speaker, new: added.text });
  }
  return changes;
}

function fieldChanges(older: DiffableArticle, newer: DiffableArticle): FieldChange[] {
  const authors = (article: DiffableArticle) =>
    article.byline.authors.map((author) => collapse(author.name)).join(', ') || null;
  const values: [FieldChange['field'], string | null, string | null][] = [
    ['title', collapse(older.title) || null, collapse(newer.title) || null],
    ['authors', authors(older), authors(newer)],
    ['outlet', older.byline.outlet?.name ?? null, newer.byline.outlet?.name ?? null],
    ['published', older.byline.published ?? null, newer.byline.published ?? null],
    ['modified', older.byline.modified ?? null, newer.byline.modified ?? null],
  ];
  return values.filter(([, old, now]) => old !== now).map(([field, old, now]) => ({ field, old, new: now }));
}

export function diffArticles(older: DiffableArticle, newer: DiffableArticle): ArticleDiff {
  const paragraphs = diffParagraphs(paragraphsOf(older.text), paragraphsOf(newer.text));
  const quotes =
    older.analysis && newer.analysis ? diffQuotes(older.analysis.quotes, newer.analysis.quotes) : [];
  const fields = fieldChanges(older, newer);
  const textChanged = paragraphs.length > 0 || fields.some((field) => field.field === 'title');
  const dateMoved = fields.some((field) => field.field === 'modified');
  const count = (kind: ParagraphChange['kind']) => paragraphs.filter((change) => change.kind === kind).length;
  return {
    identical: paragraphs.length === 0 && quotes.length === 0 && fields.length === 0,
    paragraphs,
    quotes,
    fields,
    updatedDate: dateMoved ? 'moved' : textChanged ? 'unchanged' : 'none',
    summary: {
      added: count('added'),
      removed: count('removed'),
      reworded: count('reworded'),
      quotesChanged: quotes.length,
    },
  };
}
