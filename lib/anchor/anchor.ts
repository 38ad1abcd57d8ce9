/**
 * Re-anchoring: a highlight's stored selectors in, the DOM Range of its passage in today's page out, or
 * null (orphaned) when the passage cannot be found with confidence.
 *
 * Each passage is tried as Hypothesis does, from the cheapest and most brittle selector to the most
 * robust, every step checked against the stored quote:
 *   1. `range`: the RangeSelector's XPaths and offsets, if the text there is the quote;
 *   2. `position`: the TextPositionSelector, if the text there is the quote;
 *   3. `quote`: the quote found exactly, prefix and suffix deciding between repeats, position breaking ties;
 *   4. `fuzzy`: the quote found approximately (the page was edited), judged by quote, context, position.
 * See match.ts for when a candidate counts as the passage; the rule is to orphan rather than attach to
 * the wrong passage.
 *
 * In two passes: first every passage with strong evidence (1, 2, or 3 with both sides of context nearly
 * unchanged). Those that keep the page's order are landmarks, and so is the root's start (nothing comes
 * before it): a passage stored between two landmarks must be found between their new places, moved
 * about as much as they moved. That keeps the weaker matches of the second pass (3 with one side of
 * context, 4) off near-duplicates elsewhere in the article. The fewer highlights a page has, the less
 * order there is to go by; a lone short highlight moved by an edit above it is orphaned. Weak evidence
 * is only taken inside the article.
 *
 * Given a Document, the passage is looked for in the article root (root.ts) first, then in the rest of
 * the body; given an Element, under that element only. The page text is read once per call, however
 * many passages are anchored.
 */
import type { PassageSelectors, RangeSelector, Selector, TextPositionSelector } from '../annotations/types';
import {
  DISTINCTIVE_QUOTE_LENGTH,
  STRONG_CONTEXT,
  matchAt,
  matchExactQuote,
  matchExactQuoteStrongly,
  matchFuzzyQuote,
  NO_BOUNDS,
  type OrderBounds,
  type PageStructure,
  type PassageMatch,
  type QuoteToFind,
  type TextScope,
} from './match';
import { normalizeForMatch } from './normalize';
import { resolveRangeSelector, xpathFromRoot, type ChildrenByName } from './range-selector';
import { findArticleRoot } from './root';
import {
  closestBlock,
  isBlockBoundary,
  rangeOfText,
  readVisibleText,
  textIndexOfPoint,
  type VisibleText,
} from './text';

/** Which selector found the passage. */
export type AnchorMethod = 'range' | 'position' | 'quote' | 'fuzzy';

export interface AnchoredPassage {
  range: Range;
  method: AnchorMethod;
  /**
   * 0–1: how well quote, context and position agree with what was stored (1: the same text in the same
   * surroundings at the same place).
   */
  score: number;
  /** The root the passage was found under: the article root or the body (or the Element passed). */
  root: Element;
  /** Where the passage is now, in the root's normalized text (text.ts); for refreshing stored selectors. */
  position: TextPositionSelector;
}

/** A passage's selectors as stored (`AnnotationTarget.selector`) or as describeRange gives them. */
export type StoredSelectors = readonly Selector[] | PassageSelectors;

interface Passage {
  quote: QuoteToFind | null;
  position: TextPositionSelector | null;
  range: RangeSelector | null;
}

/** Containers that make a block a different kind of text: a paragraph in an aside is a pull quote. */
const REGIONS = new Set([
  'aside',
  'blockquote',
  'figure',
  'figcaption',
  'nav',
  'header',
  'footer',
  'li',
  'table',
  'dl',
  'form',
  'details',
  'dialog',
]);

/**
 * `/main[1]/aside[2]/div[1]/p[3]` → `aside/p`: what kind of block it is (its tag and the region it
 * stands in), wherever it stands and whatever plain <div>s or <section>s wrap it. A paragraph is still
 * a paragraph of the article after others moved around it; a pull quote repeating it is `aside/p`.
 */
function shapeOf(xpath: string): string {
  const tags = xpath
    .split('/')
    .filter(Boolean)
    .map((step) => step.replace(/\[\d+\]$/, '').toLowerCase());
  const own = tags.pop() ?? '';
  const region = tags.reverse().find((tag) => REGIONS.has(tag));
  return region ? `${region}/${own}` : own;
}

/**
 * describeRange writes a block break into the context as a blank line, and the context ends at the
 * root's edge (an empty prefix: the passage began the root's text). The characters between the break
 * and the passage, normalized; null when the context crosses no break.
 */
function prefixBreak(prefix: string): number | null {
  if (prefix === '') return 0;
  const newline = prefix.lastIndexOf('\n');
  return newline === -1 ? null : normalizeForMatch(prefix.slice(newline + 1)).length;
}

function suffixBreak(suffix: string): number | null {
  if (suffix === '') return 0;
  const newline = suffix.indexOf('\n');
  return newline === -1 ? null : normalizeForMatch(suffix.slice(0, newline)).length;
}

function readSelectors(selectors: StoredSelectors): Passage {
  const list: readonly Selector[] = Array.isArray(selectors)
    ? (selectors as readonly Selector[])
    : [
        (selectors as PassageSelectors).range,
        (selectors as PassageSelectors).position,
        (selectors as PassageSelectors).quote,
      ];
  const passage: Passage = { quote: null, position: null, range: null };
  let quote: Extract<Selector, { type: 'TextQuoteSelector' }> | null = null;
  for (const selector of list) {
    if (selector.type === 'RangeSelector') passage.range = selector;
    else if (selector.type === 'TextPositionSelector') passage.position = selector;
    else if (selector.type === 'TextQuoteSelector') quote = selector;
  }
  if (quote) {
    passage.quote = {
      exact: normalizeForMatch(quote.exact),
      prefix: normalizeForMatch(quote.prefix),
      suffix: normalizeForMatch(quote.suffix),
      // describeRange ends a prefix (starts a suffix) with a blank line where a block ended (began).
      prefixBreak: prefixBreak(quote.prefix),
      suffixBreak: suffixBreak(quote.suffix),
      blockShape: passage.range ? shapeOf(passage.range.startContainer) : null,
    };
  }
  return passage;
}

interface RootScope extends TextScope {
  root: Element;
  page: PageStructure;
}

function rootScope(
  visible: VisibleText,
  root: Element,
  start: number,
  end: number,
  segments: Array<[number, number]>,
): RootScope {
  const page: PageStructure = {
    isBlockBoundary: (index) => isBlockBoundary(visible, index),
    blockShapeAt: (index) => {
      if (index < 0 || index >= visible.text.length) return null;
      const node = visible.nodes[visible.nodeOf[index]!]!;
      return root.contains(node) ? shapeOf(xpathFromRoot(root, closestBlock(node, root))) : null;
    },
  };
  return { root, start, end, segments, page };
}

/** The article scope and the body scope (which searches only what the article scope did not). */
function scopesOf(visible: VisibleText, target: Document | Element): RootScope[] {
  const length = visible.text.length;
  const body = visible.root as Element;
  if (target.nodeType !== 9) return [rootScope(visible, body, 0, length, [[0, length]])];
  const article = findArticleRoot(target as Document);
  if (article === body || !body.contains(article))
    return [rootScope(visible, body, 0, length, [[0, length]])];
  const start = textIndexOfPoint(visible, article, 0);
  const end = textIndexOfPoint(visible, article, article.childNodes.length);
  return [
    rootScope(visible, article, start, end, [[start, end]]),
    rootScope(visible, body, 0, length, [
      [0, start],
      [end, length],
    ]),
  ];
}

interface Found {
  scope: number;
  match: PassageMatch;
  method: AnchorMethod;
}

/** Range, position, or the exact quote with both sides of context nearly unchanged. */
function findStrongly(
  visible: VisibleText,
  scopes: RootScope[],
  passage: Passage,
  children: ChildrenByName,
): Found | null {
  const { quote, position, range } = passage;
  if (!quote) return null;
  const text = visible.text;
  if (range) {
    for (const [index, scope] of scopes.entries()) {
      const points = resolveRangeSelector(scope.root, range, children);
      if (!points) continue;
      const start = textIndexOfPoint(visible, points.start.node, points.start.offset);
      const end = textIndexOfPoint(visible, points.end.node, points.end.offset);
      const match = matchAt(text, scope, quote, start, end);
      if (match) return { scope: index, match, method: 'range' };
    }
  }
  if (position) {
    for (const [index, scope] of scopes.entries()) {
      const match = matchAt(text, scope, quote, scope.start + position.start, scope.start + position.end);
      if (match) return { scope: index, match, method: 'position' };
    }
  }
  for (const [index, scope] of scopes.entries()) {
    const hint = position ? scope.start + position.start : null;
    const match = matchExactQuoteStrongly(text, scope, quote, hint, scope.page);
    if (match) return { scope: index, match, method: 'quote' };
  }
  return null;
}

/** The exact quote on weaker evidence, then fuzzy, each within the order the strong anchors set. */
function findWeakly(
  visible: VisibleText,
  scopes: RootScope[],
  passage: Passage,
  boundsIn: (scope: number) => OrderBounds,
): Found | null {
  const { quote, position } = passage;
  if (!quote) return null;
  const text = visible.text;
  // Outside the article (menus, teaser boxes, footers: where near-duplicates of its sentences gather)
  // only strong evidence counts.
  const searched = scopes.length > 1 ? scopes.slice(0, 1) : scopes;
  for (const [index, scope] of searched.entries()) {
    const hint = position ? scope.start + position.start : null;
    const match = matchExactQuote(text, scope, quote, hint, boundsIn(index), scope.page);
    if (match) return { scope: index, match, method: 'quote' };
  }
  for (const [index, scope] of searched.entries()) {
    const hint = position ? scope.start + position.start : null;
    const match = matchFuzzyQuote(text, scope, quote, hint, boundsIn(index), scope.page);
    if (match) return { scope: index, match, method: 'fuzzy' };
  }
  return null;
}

/** A strongly anchored passage: where it was stored (in its root's text) and where it starts now. */
interface Landmark {
  stored: number;
  found: number;
}

/**
 * How far (in characters) a weakly evidenced passage may stand off the shift of the landmarks around
 * it: a base plus a share of its stored distance to the nearer landmark (more text between them, more
 * edits between them). Calibrated on scripts/anchoring-edits.ts.
 */
const SHIFT_TOLERANCE = 300;
const SHIFT_TOLERANCE_SHARE = 0.15;
/**
 * A short quote is a phrase that recurs in near-duplicate sentences a paragraph away: it is only taken
 * about where the landmarks' shift puts it.
 */
const SHORT_QUOTE_SHIFT_TOLERANCE = 32;
const SHORT_QUOTE_TOLERANCE_SHARE = 0.05;

/**
 * Where a passage stored at `stored` (in its root's text) may start now: between the new places of the
 * landmarks stored just before and just after it, and moved by about as much as they moved (between
 * their two shifts, give or take a tolerance).
 */
function orderBounds(landmarks: Landmark[], scopeStart: number, stored: number, short: boolean): OrderBounds {
  let firstAfter = 0;
  while (firstAfter < landmarks.length && landmarks[firstAfter]!.stored < stored) firstAfter++;
  const before = landmarks[firstAfter - 1];
  let after = firstAfter;
  while (after < landmarks.length && landmarks[after]!.stored === stored) after++;
  const next = landmarks[after];
  const around = [before, next].filter((landmark): landmark is Landmark => landmark !== undefined);
  if (around.length === 0) return NO_BOUNDS;
  const shifts = around.map((landmark) => landmark.found - scopeStart - landmark.stored);
  const nearest = Math.min(...around.map((landmark) => Math.abs(stored - landmark.stored)));
  const tolerance = short
    ? SHORT_QUOTE_SHIFT_TOLERANCE + SHORT_QUOTE_TOLERANCE_SHARE * nearest
    : SHIFT_TOLERANCE + SHIFT_TOLERANCE_SHARE * nearest;
  return {
    after: Math.max(before?.found ?? -Infinity, scopeStart + stored + Math.min(...shifts) - tolerance),
    before: Math.min(next?.found ?? Infinity, scopeStart + stored + Math.max(...shifts) + tolerance),
  };
}

/**
 * Which entries (sorted by stored position) form a longest run whose new positions also increase: the
 * passages that kept their order. O(n log n), patience sorting.
 */
function longestInOrder(entries: Landmark[]): Set<number> {
  const tails: number[] = [];
  const previous = new Int32Array(entries.length).fill(-1);
  entries.forEach((entry, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (entries[tails[middle]!]!.found < entry.found) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index !== -1; index = previous[index]!) kept.add(index);
  return kept;
}

function readTarget(target: Document | Element): VisibleText {
  const root =
    target.nodeType === 9 ? ((target as Document).body ?? (target as Document).documentElement) : target;
  return readVisibleText(root as Element);
}

/**
 * Anchors many passages at once (all of a page's highlights), reading the page text once. Returns, in
 * order, each passage's anchor or null when it is orphaned.
 */
export function anchorAll(
  target: Document | Element,
  passages: readonly StoredSelectors[],
): Array<AnchoredPassage | null> {
  const visible = readTarget(target);
  const scopes = scopesOf(visible, target);
  const parsed = passages.map(readSelectors);
  const children: ChildrenByName = new WeakMap();
  const found: Array<Found | null> = parsed.map((passage) =>
    passage.quote?.exact ? findStrongly(visible, scopes, passage, children) : null,
  );

  // The strong matches that keep the page's order are landmarks. A quote match out of order is a moved
  // paragraph when both sides of its context agree by their text and it stands in the same kind of
  // block as before; otherwise (one side only a paragraph break, as any paragraph's first sentence has;
  // no RangeSelector stored to tell the block) it waits for the second pass, like weaker evidence.
  const landmarks: Landmark[][] = scopes.map((scope, scopeIndex) => {
    const entries: Array<Landmark & { passage: number }> = [];
    found.forEach((result, passage) => {
      const stored = parsed[passage]!.position?.start;
      if (result?.scope === scopeIndex && stored !== undefined) {
        entries.push({ passage, stored, found: result.match.start });
      }
    });
    entries.sort((a, b) => a.stored - b.stored || a.found - b.found);
    const inOrder = longestInOrder(entries);
    entries.forEach((entry, index) => {
      const result = found[entry.passage]!;
      if (inOrder.has(index) || result.method !== 'quote') return;
      const shape = parsed[entry.passage]!.quote?.blockShape;
      const byText = result.match.prefixScore >= STRONG_CONTEXT && result.match.suffixScore >= STRONG_CONTEXT;
      if (!byText || !shape || scope.page.blockShapeAt(result.match.start) !== shape)
        found[entry.passage] = null;
    });
    // The root's start is a landmark too: nothing comes before it. A passage with no landmark before it
    // is then still expected about where it was, give or take a tolerance that grows with its distance
    // from the start.
    return [
      { stored: 0, found: scope.start },
      ...entries.filter((entry, index) => inOrder.has(index) && entry.stored > 0),
    ];
  });

  parsed.forEach((passage, index) => {
    if (found[index] || !passage.quote?.exact) return;
    const stored = passage.position?.start;
    const short = passage.quote.exact.length < DISTINCTIVE_QUOTE_LENGTH;
    const boundsIn = (scope: number) =>
      stored === undefined ? NO_BOUNDS : orderBounds(landmarks[scope]!, scopes[scope]!.start, stored, short);
    found[index] = findWeakly(visible, scopes, passage, boundsIn);
  });

  return found.map((result) => {
    if (!result) return null;
    const scope = scopes[result.scope]!;
    const range = rangeOfText(visible, result.match.start, result.match.end);
    if (!range) return null;
    return {
      range,
      method: result.method,
      score: result.match.score,
      root: scope.root,
      position: {
        type: 'TextPositionSelector',
        start: result.match.start - scope.start,
        end: result.match.end - scope.start,
      },
    };
  });
}

/** Anchors one passage; see anchorAll. */
export function anchorPassage(
  target: Document | Element,
  selectors: StoredSelectors,
): AnchoredPassage | null {
  return anchorAll(target, [selectors])[0] ?? null;
}
