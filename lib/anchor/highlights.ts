/**
 * The highlights side of lib/anchor, for the annotator: describe a selection once, find it again on
 * every visit.
 *
 *   const root = anchorRootFor(document, range);      // the article, or the body for a selection outside it
 *   const selectors = describeRange(root, range);     // RangeSelector + TextPositionSelector + TextQuoteSelector
 *   const anchors = anchorAll(document, stored);      // one page-text read for all of a page's highlights
 *   anchors[i]?.range                                 // null: orphaned, the passage is gone or uncertain
 */
export {
  anchorAll,
  anchorPassage,
  type AnchoredPassage,
  type AnchorMethod,
  type StoredSelectors,
} from './anchor';
export { describeRange } from './describe';
export { anchorRootFor, findArticleRoot } from './root';
