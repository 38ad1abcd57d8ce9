/**
 * lib/anchor: from selectors to DOM Ranges in a live page and back. Browser-free: it only uses the
 * Document, Node or Range it is handed, so it runs the same in a content script and under jsdom.
 *
 * - describeRange / anchorRootFor / findArticleRoot: a reader's selection → the three selectors to store.
 * - anchorAll / anchorPassage: stored selectors → the passage again, on every visit, or null (orphaned).
 * - anchorSelector: a quote from the analysis → its Range in the page the analysis just read.
 *
 * All share one reading of the page (text.ts: visible text, whitespace-insensitive, typographic quotes
 * folded) and one way of comparing text (normalize.ts).
 */
import type { TextQuoteSelector } from '../analyze/types';
import { normalizeForMatch } from './normalize';
import { rangeOfText, readVisibleText } from './text';

export type { TextQuoteSelector };
export { normalizeForMatch };
export * from './highlights';

/** Most occurrences weighed; a passage repeated more often than this is not worth telling apart. */
const MAX_OCCURRENCES = 1000;

/** How many characters at the end of `a` equal those at the end of `b`. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many characters at the start of `a` equal those at the start of `b`. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where the normalized passage starts in the page text, or -1. */
function bestOccurrence(page: string, exact: string, prefix: string, suffix: string): number {
  const found: number[] = [];
  for (let at = page.indexOf(exact); at !== -1 && found.length < MAX_OCCURRENCES;) {
    found.push(at);
    at = page.indexOf(exact, at + 1);
  }
  if (found.length <= 1) return found[0] ?? -1;
  let best = -1;
  let bestScore = -1;
  for (const at of found) {
    const before = page.slice(Math.max(0, at - prefix.length), at);
    const after = page.slice(at + exact.length, at + exact.length + suffix.length);
    const score = sharedEnd(before, prefix) + sharedStart(after, suffix);
    // Ties go to the first occurrence in the page.
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The Range of an analysis quote under `root` (a Document or an Element), or null when the page has no
 * such text where a reader can see it.
 *
 * Unlike anchorAll this trusts the quote: the analysis read this very page moments ago, so the passage
 * is there, and when it occurs more than once the occurrence whose surroundings best match the prefix
 * and suffix wins (the first on a tie). Highlights from earlier visits go through anchorAll instead.
 */
export function anchorSelector(root: Node, selector: TextQuoteSelector): Range | null {
  const exact = normalizeForMatch(selector.exact);
  if (!exact) return null;
  const page = readVisibleText(root);
  const start = bestOccurrence(
    page.text,
    exact,
    normalizeForMatch(selector.prefix),
    normalizeForMatch(selector.suffix),
  );
  return start === -1 ? null : rangeOfText(page, start, start + exact.length);
}
