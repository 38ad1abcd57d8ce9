/**
 * describeRange: a reader's selection in, the three selectors that find it again out.
 *
 * - TextPositionSelector: start and end in the root's normalized visible text (see text.ts): whitespace
 *   and invisible marks are not counted, so re-wrapped lines and NBSP swaps do not move it.
 * - TextQuoteSelector: the passage and CONTEXT_LENGTH normalized characters on each side, written as a
 *   reader would copy them (typographic quotes kept, whitespace runs as one space, a blank line between
 *   paragraphs). A context that meets a paragraph break carries it ("…end.\n\n"), which is how anchoring
 *   knows a passage was a whole paragraph.
 * - RangeSelector: see range-selector.ts.
 *
 * The selection is first shrunk to the visible characters it covers; a selection with none (only
 * whitespace, only hidden text) has no selectors.
 */
import type { PassageSelectors } from '../annotations/types';
import { CONTEXT_LENGTH } from './match';
import { describeRangeSelector } from './range-selector';
import {
  gapBefore,
  readableText,
  readVisibleText,
  textIndexOfPoint,
  wholeCharacters,
  type VisibleText,
} from './text';

/** The selectors of the range, with the root's text already read (batch use, benchmarks). */
export function describeRangeIn(visible: VisibleText, range: Range): PassageSelectors | null {
  const root = visible.root;
  let start = textIndexOfPoint(visible, range.startContainer, range.startOffset);
  let end = textIndexOfPoint(visible, range.endContainer, range.endOffset);
  [start, end] = wholeCharacters(visible.text, start, end);
  if (end <= start) return null;
  const { nodes, nodeOf, offsetOf } = visible;
  const contextStart = wholeCharacters(visible.text, Math.max(0, start - CONTEXT_LENGTH), start)[0];
  const contextEnd = wholeCharacters(
    visible.text,
    end,
    Math.min(visible.text.length, end + CONTEXT_LENGTH),
  )[1];
  return {
    range: describeRangeSelector(
      root,
      { node: nodes[nodeOf[start]!]!, offset: offsetOf[start]! },
      { node: nodes[nodeOf[end - 1]!]!, offset: offsetOf[end - 1]! + 1 },
    ),
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: readableText(visible, start, end),
      prefix: readableText(visible, contextStart, start) + gapBefore(visible, start),
      suffix: gapBefore(visible, end) + readableText(visible, end, contextEnd),
    },
  };
}

/**
 * The selectors of `range`, relative to `root` (see anchorRootFor for which root to pass).
 * Throws a RangeError when the range covers no visible text under the root (only whitespace, only
 * hidden text, or outside the root): there is nothing to find again.
 */
export function describeRange(root: Element, range: Range): PassageSelectors {
  const selectors = describeRangeIn(readVisibleText(root), range);
  if (!selectors) throw new RangeError('The selection holds no visible text under the anchor root.');
  return selectors;
}
