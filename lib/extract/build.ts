/**
 * The extension-side half of the extraction, which the panel runs on the content script's capture:
 * without the page-side half (Readability, the metadata readers), which the panel never loads.
 */
import { pageCutWarning, defaultClock, round } from './cut';
import type { PageCapture } from './capture';
import { EXTRACTION_FAILURES } from './errors';
import { firstPersonGenre, reviewedWorkGenre } from './genre';
import { isFileKind, type FileKind } from './guard';
import { bylineOfCapture } from './resolve';
import { sanitizeArticleHtml } from './sanitize';
import { blockText, countWords, excerptOf } from './text';
import type { AnalyzedPage, ArticleVerdict } from './types';

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
  // First among the notes: everything else on the page was read from its beginning only.
  if (capture.cut) page.warnings.unshift(pageCutWarning(capture.cut));
  let body: HTMLElement | null = null;
  if (capture.unsafeHtml) {
    try {
      body = sanitizeArticleHtml(capture.unsafeHtml, window);
    } catch {
      // The sanitizer fails closed: without it, no page HTML goes further.
      page.warnings.push(EXTRACTION_FAILURES.sanitize);
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
  try {
    page.byline = bylineOfCapture(capture);
  } catch {
    delete page.byline.evidence;
    page.warnings.push(EXTRACTION_FAILURES.byline);
  }
  const verdict = judgeArticle(
    page.article.wordCount,
    capture.declaresArticle,
    capture.readerable,
    capture.unsafeHtml !== null,
    // Checked: the capture crossed from the page, and the reason is shown to the reader.
    isFileKind(capture.fileKind) ? capture.fileKind : null,
  );
  page.isArticle = verdict.isArticle;
  // An article with no sign of another kind is news, unless it prints the particulars of a work it
  // reviews or its writer speaks as "I" throughout; a page that is no article has no genre.
  if (verdict.isArticle && !page.byline.genre) {
    const reading =
      reviewedWorkGenre(page.article.text) ?? firstPersonGenre(page.article.text, page.lang ?? '');
    page.byline.genre = reading?.genre ?? 'news';
    if (reading) {
      page.byline.genreSource = reading.source;
      page.byline.genreVia = reading.via;
    }
  }
  page.articleReason = verdict.reason;
  page.timings.total = round(page.timings.total + (now() - finishing));
  return page;
}

/**
 * Is this an article? Plain-words reason included, because the panel shows it. `fileKind`: the "page"
 * is a file of another kind read as HTML (a PDF saved as .html), which the reason then names.
 */
export function judgeArticle(
  words: number,
  declaresArticle: boolean,
  readerable: boolean,
  found: boolean,
  fileKind: FileKind | null = null,
): ArticleVerdict {
  if (fileKind)
    return {
      isArticle: false,
      reason: `This file is ${fileKind}, not a web page, so it has no article text.`,
    };
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
