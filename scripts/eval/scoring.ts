/** Scoring rules of the evaluation sets, as the corpora and fixtures READMEs define them. Pure functions. */

// ---------------------------------------------------------------------------------------------------
// Body: 4-token shingles (article-extraction-benchmark's evaluate.py)
// ---------------------------------------------------------------------------------------------------

/** Python's `\w+` with re.UNICODE: letters, digits (every Unicode number) and underscore; not marks. */
const WORD_TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD_TOKEN) ?? [];
}

/**
 * The multiset of n-token shingles. Like upstream, a text shorter than n tokens is one shingle of
 * all its tokens, and an empty text has none.
 */
export function shingleCounts(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export interface MatchCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** True positives, false positives and false negatives between gold and predicted shingle multisets. */
export function shingleMatch(gold: string, predicted: string): MatchCounts {
  const goldCounts = shingleCounts(gold);
  const predictedCounts = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, goldCount] of goldCounts) {
    const predictedCount = predictedCounts.get(shingle) ?? 0;
    tp += Math.min(goldCount, predictedCount);
    fn += Math.max(0, goldCount - predictedCount);
  }
  for (const [shingle, predictedCount] of predictedCounts)
    fp += Math.max(0, predictedCount - (goldCounts.get(shingle) ?? 0));
  return { tp, fp, fn };
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Per-page precision and recall averaged over pages, then F1 of the two means (upstream's way: long
 * pages do not weigh more). A page with nothing predicted has precision 0, like upstream's
 * tp / (tp + fp) on normalised counts that are all zero.
 */
export function macroPrecisionRecall(pages: MatchCounts[]): PrecisionRecall {
  if (pages.length === 0) return { precision: 0, recall: 0, f1: 0 };
  let precisionSum = 0;
  let recallSum = 0;
  for (const { tp, fp, fn } of pages) {
    precisionSum += tp + fp > 0 ? tp / (tp + fp) : 0;
    recallSum += tp + fn > 0 ? tp / (tp + fn) : 0;
  }
  const precision = precisionSum / pages.length;
  const recall = recallSum / pages.length;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Counts summed over the corpus, then precision / recall / F1 (trafilatura's segment scoring). */
export function microPrecisionRecall({ tp, fp, fn }: MatchCounts): PrecisionRecall {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { precision, recall, f1: f1Of(precision, recall) };
}

// ---------------------------------------------------------------------------------------------------
// Text normalisation
// ---------------------------------------------------------------------------------------------------

export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/**
 * The fixtures README's normalisation: NFKC, typographic quotes and dashes made plain, lower case,
 * whitespace collapsed, punctuation and quote marks trimmed from both ends.
 */
export function normalizeForMatch(text: string): string {
  return collapseSpaces(
    text
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .toLowerCase(),
  ).replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
}

// ---------------------------------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------------------------------

/** One author name for comparison: case and whitespace folded, a leading "By" dropped. */
export function normalizeAuthor(name: string): string {
  return normalizeForMatch(
    name
      // Postlight's gold has a literally escaped NBSP ("Nathan\xa0Tempey").
      .replace(/\\xa0/g, ' ')
      .replace(/^\s*by\s+/i, ''),
  ).replace(/^by\s+/, '');
}

/** A gold author string that may hold several people ("A, B and C") as a set of normalised names. */
export function authorSet(value: string | string[] | null | undefined, split = true): Set<string> {
  const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const names = new Set<string>();
  for (const item of list) {
    const parts = split ? item.split(/\s*(?:,|;|\band\b|&)\s*/i) : [item];
    for (const part of parts) {
      const name = normalizeAuthor(part);
      if (name) names.add(name);
    }
  }
  return names;
}

export function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------

/** The calendar day of an ISO value as written (the page's own local day), or null. */
export function dayOf(value: string | null | undefined): string | null {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return match ? match[1]! : null;
}

const DAY_MS = 86_400_000;

/** Days between two YYYY-MM-DD days. */
export function daysApart(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS);
}

/** An ISO value with a time and a zone, so that it names one instant. */
export function isInstant(value: string): boolean {
  return /T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/.test(value);
}

/**
 * Postlight's rule: a gold instant is matched by instant (within a minute) when both sides name one;
 * a date-only gold, or a prediction without time and zone, by day with one day of slack either way.
 */
export function sameInstantOrDay(gold: string, predicted: string, goldIsDateOnly: boolean): boolean {
  if (!goldIsDateOnly && isInstant(gold) && isInstant(predicted))
    return Math.abs(Date.parse(gold) - Date.parse(predicted)) < 60_000;
  const goldDay = dayOf(gold);
  const predictedDay = dayOf(predicted);
  return goldDay !== null && predictedDay !== null && daysApart(goldDay, predictedDay) <= 1;
}

// ---------------------------------------------------------------------------------------------------
// Quotes and sources (fixtures README)
// ---------------------------------------------------------------------------------------------------

function tokenF1(a: string, b: string): number {
  const left = normalizeForMatch(a).split(' ').filter(Boolean);
  const right = normalizeForMatch(b).split(' ').filter(Boolean);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const token of right) pool.set(token, (pool.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of left) {
    const count = pool.get(token) ?? 0;
    if (count > 0) {
      common++;
      pool.set(token, count - 1);
    }
  }
  return f1Of(common / left.length, common / right.length);
}

/** How well two quote texts match (0 when they do not count as the same quote). */
export function quoteSimilarity(gold: string, predicted: string): number {
  const f1 = tokenF1(gold, predicted);
  if (f1 >= 0.8) return f1;
  const a = normalizeForMatch(gold);
  const b = normalizeForMatch(predicted);
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter && longer.includes(shorter) && shorter.length >= 0.8 * longer.length) return 0.8;
  return 0;
}

/** One-to-one matching, best pairs first. Returns [goldIndex, predictedIndex] pairs. */
export function matchQuotes(gold: string[], predicted: string[]): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, i) =>
    predicted.forEach((p, j) => {
      const score = quoteSimilarity(g, p);
      if (score > 0) pairs.push([score, i, j]);
    }),
  );
  pairs.sort((x, y) => y[0] - x[0]);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const matches: Array<[number, number]> = [];
  for (const [, i, j] of pairs) {
    if (usedGold.has(i) || usedPredicted.has(j)) continue;
    usedGold.add(i);
    usedPredicted.add(j);
    matches.push([i, j]);
  }
  return matches;
}

/** A predicted source name matches a gold one by equality or containment (names over 3 characters). */
export function sourceNameMatches(predicted: string, goldNames: string[]): boolean {
  const p = normalizeForMatch(predicted);
  if (!p) return false;
  return goldNames.some((name) => {
    const g = normalizeForMatch(name);
    return g !== '' && (p === g || p.includes(g) || (p.length > 3 && g.includes(p)));
  });
}
