/**
 * extractArticle: a Document in, the article and its byline out. Runs in Node (CLI, evaluation) and in
 * tests as one call; in the extension the content script runs `capturePage` and the panel runs
 * `buildAnalyzedPage` (./build.ts). Never changes the document it is given unless the caller says it is a copy.
 */
import { capturePage, type ExtractOptions, type PageCapture } from './capture';
import { buildAnalyzedPage } from './build';
import type { AnalyzedPage } from './types';

export type * from './types';
export type { FileKind } from './guard';
export { capturePage, type ExtractOptions, type PageCapture };
export { pageCutWarning } from './cut';
export type { PageCut } from './cut';
export { buildAnalyzedPage, judgeArticle } from './build';
export { CAPTURE_FAILED, EXTRACTION_FAILURES } from './errors';

/** Both halves at once, for Node and tests. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): AnalyzedPage {
  const window = options.window ?? doc.defaultView;
  if (!window) throw new Error('extractArticle needs a window (options.window) to sanitize the article.');
  return buildAnalyzedPage(capturePage(doc, options), window, options.now);
}
