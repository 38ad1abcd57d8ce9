/**
 * The in-page half of extraction (the content script): metadata and Readability on a private copy of
 * the document. No DOMPurify here: the content script runs inside other people's pages and must stay
 * small, so sanitizing happens on the extension side in `buildAnalyzedPage` (./index.ts).
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { flattenDeepSubtrees, DEFAULT_LIMITS, type ExtractLimits } from './guard';
import { readMetadata } from './metadata';
import { removeBoilerplate } from './boilerplate';
import { metadataText } from './text';
import { safeHttpUrl } from './urls';
import type { AnalyzedPage } from './types';

export interface ExtractOptions {
  /** The page address; defaults to the document's URL. */
  url?: string;
  /** The window whose DOM implementation DOMPurify uses; defaults to the document's own window. */
  window?: Window;
  /** The document is a private copy the caller will throw away, so it may be changed in place. */
  documentIsCopy?: boolean;
  limits?: Partial<ExtractLimits>;
  /** Clock for the timings (performance.now where available). */
  now?: () => number;
}

export function emptyPage(url: string, title: string, reason: string, warnings: string[]): AnalyzedPage {
  return {
    url,
    title,
    lang: null,
    isArticle: false,
    articleReason: reason,
    byline: {
      authors: [],
      outlet: null,
      published: null,
      modified: null,
      publishedSource: null,
      modifiedSource: null,
      wire: null,
      contributors: [],
    },
    article: { text: '', html: '', wordCount: 0, readingMinutes: 0, excerpt: '' },
    quotes: [],
    sources: [],
    warnings,
    timings: { total: 0, readability: 0 },
  };
}

/**
 * What the content script sends to the panel: everything read from the live page, with the article
 * HTML still unsanitized. Only `buildAnalyzedPage` turns it into an AnalyzedPage, and it sanitizes
 * first; DOMPurify stays out of the content script, which has to stay small inside other people's pages.
 */
export interface PageCapture {
  page: AnalyzedPage;
  /** Readability's article HTML, straight from the page: never insert it anywhere. */
  unsafeHtml: string | null;
  readabilityByline: string | null;
  readabilityPublished: string | null;
  readerable: boolean;
  declaresArticle: boolean;
  startedAt: number;
}

/** The in-page half: metadata and Readability, on a private copy of the document. */
export function capturePage(doc: Document, options: ExtractOptions = {}): PageCapture {
  const now = options.now ?? defaultClock;
  const startedAt = now();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const url = safeHttpUrl(options.url ?? doc.URL) ?? options.url ?? doc.URL ?? '';
  const capture: PageCapture = {
    page: emptyPage(url, '', '', []),
    unsafeHtml: null,
    readabilityByline: null,
    readabilityPublished: null,
    readerable: false,
    declaresArticle: false,
    startedAt,
  };
  const { page } = capture;
  const warnings = page.warnings;
  if (!doc.documentElement) {
    warnings.push('The document is empty.');
    return capture;
  }

  const metadata = readMetadata(doc, url);
  warnings.push(...metadata.warnings);
  page.title = metadata.visibleTitle ?? metadata.titles[0] ?? '';
  page.lang = metadata.lang;
  page.byline = metadata.byline;
  page.article.excerpt = metadata.description ?? '';
  capture.declaresArticle = metadata.declaresArticle;
  if (metadata.canonicalUrl && !options.url) page.url = metadata.canonicalUrl;

  if (!doc.body) {
    warnings.push('This page has no <body>, so there is no article text to read.');
    return capture;
  }
  const elementCount = doc.getElementsByTagName('*').length;
  if (elementCount > limits.maxElements) {
    warnings.push(
      `This page is too large to extract the article from (${elementCount.toLocaleString('en')} elements, the limit is ${limits.maxElements.toLocaleString('en')}). Scrutiny read its headline, byline and dates only.`,
    );
    return capture;
  }

  capture.readerable = isProbablyReaderable(doc);
  const work = options.documentIsCopy ? doc : (doc.cloneNode(true) as Document);
  const flattened = flattenDeepSubtrees(work.documentElement, limits.maxDepth);
  if (flattened > 0) {
    warnings.push(
      `Parts of this page are nested more than ${limits.maxDepth} levels deep; Scrutiny read them as plain text.`,
    );
  }
  removeBoilerplate(work);

  const readabilityStarted = now();
  try {
    const parsed = new Readability(work, { charThreshold: 400 }).parse();
    capture.unsafeHtml = parsed?.content ?? null;
    capture.readabilityByline = parsed?.byline ?? null;
    capture.readabilityPublished = parsed?.publishedTime ?? null;
    if (!page.title) page.title = metadataText(parsed?.title ?? '', 300);
    if (!page.lang && parsed?.lang) page.lang = parsed.lang.slice(0, 2).toLowerCase();
  } catch (error) {
    warnings.push(
      `The article text could not be extracted (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
  page.timings.readability = round(now() - readabilityStarted);
  page.timings.total = round(now() - startedAt);
  return capture;
}

export const defaultClock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
export const round = (ms: number) => Math.round(ms * 100) / 100;
