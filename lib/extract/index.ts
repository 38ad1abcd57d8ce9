/**
 * extractArticle: a Document in, the article and its byline out. Runs in Node (CLI, evaluation) and in
 * tests as one call; in the extension the content script runs `capturePage` and the panel runs
 * `buildAnalyzedPage`. Never changes the document it is given unless the caller says it is a copy.
 */
import { capturePage, defaultClock, round, type ExtractOptions, type PageCapture } from './capture';
import { resolveByline } from './resolve';
import { sanitizeArticleHtml } from './sanitize';
import { blockText, countWords, excerptOf } from './text';
import type { AnalyzedPage, ArticleVerdict } from './types';

export type * from './types';
export { capturePage, type ExtractOptions, type PageCapture };

const WORDS_PER_MINUTE = 230;

/**
 * The extension-side half: sanitize the article HTML with DOMPurify, derive its text and word count,
 * fill byline gaps from the text, and judge whether the page is an article. `window` supplies the DOM
 * DOMPurify parses into (the panel's own window, or jsdom's in Node).
 */
export function buildAnalyzedPage(
  capture: PageCapture,
  window: Window,
  now: () => number = defaultClock,
): AnalyzedPage {
  const finishing = now();
  const page: AnalyzedPage = structuredClone(capture.page);
  let body: HTMLElement | null = null;
  if (capture.unsafeHtml) {
    try {
      body = sanitizeArticleHtml(capture.unsafeHtml, window);
    } catch (error) {
      // The sanitizer fails closed: without it, no page HTML goes further.
      page.warnings.push(
        `The article text was left out because it could not be made safe (${error instanceof Error ? error.message : 'unknown error'}).`,
      );
    }
  }
  if (body) {
    const text = blockText(body);
    const wordCount = countWords(text);
    page.article = {
      text,
      html: body.innerHTML,
      wordCount,
      readingMinutes: wordCount === 0 ? 0 : Math.ceil(wordCount / WORDS_PER_MINUTE),
      excerpt: page.article.excerpt || excerptOf(text),
    };
  }
  // The content script sent the byline as unparsed clues; parse them here, with Readability's byline
  // and date as the last resort.
  try {
    page.byline = resolveByline(capture.page.byline.evidence, {
      readabilityByline: capture.readabilityByline,
      readabilityPublished: capture.readabilityPublished,
      articleText: page.article.text,
      description: capture.page.article.excerpt,
    });
  } catch (error) {
    delete page.byline.evidence;
    page.warnings.push(
      `Scrutiny could not read this page's byline (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
  const verdict = judgeArticle(
    page.article.wordCount,
    capture.declaresArticle,
    capture.readerable,
    capture.unsafeHtml !== null,
  );
  page.isArticle = verdict.isArticle;
  page.articleReason = verdict.reason;
  page.timings.total = round(page.timings.total + (now() - finishing));
  return page;
}

/** Both halves at once, for Node and tests. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): AnalyzedPage {
  const window = options.window ?? doc.defaultView;
  if (!window) throw new Error('extractArticle needs a window (options.window) to sanitize the article.');
  return buildAnalyzedPage(capturePage(doc, options), window, options.now);
}

/** Is this an article? Plain-words reason included, because the panel shows it. */
export function judgeArticle(
  words: number,
  declaresArticle: boolean,
  readerable: boolean,
  found: boolean,
): ArticleVerdict {
  if (!found || words === 0)
    return { isArticle: false, reason: 'Scrutiny found no article text on this page.' };
  if (words < 120) {
    return {
      isArticle: false,
      reason: `This page has only ${words} words of running text, too few for a news article.`,
    };
  }
  if (declaresArticle) return { isArticle: true, reason: 'The page describes itself as an article.' };
  if (readerable && words >= 250)
    return { isArticle: true, reason: 'The page has one main block of running text.' };
  if (words >= 600) return { isArticle: true, reason: 'The page has a long block of running text.' };
  return {
    isArticle: false,
    reason: 'This page looks like a front page, a list or an app rather than a single article.',
  };
}
