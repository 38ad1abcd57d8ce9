/**
 * The in-page half of extraction (the content script): metadata and Readability on a private copy of
 * the document. No DOMPurify here: the content script runs inside other people's pages and must stay
 * small, so sanitizing happens on the extension side in `buildAnalyzedPage` (./index.ts).
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { EXTRACTION_FAILURES } from './errors';
import { defaultClock, round, type PageCut } from './cut';
import {
  builtIn,
  callBuiltIn,
  deepMarkupWarning,
  defuseClobbering,
  DEFAULT_LIMITS,
  fileKindOf,
  looksLikeBinaryData,
  nestingDepth,
  type ExtractLimits,
  type FileKind,
} from './guard';
import { copyInSlices, copyWithinBudget, letThePageRun, PAGE_COPY_BUDGET, type PageCopy } from './page-copy';
import { readMetadata } from './metadata';
import { removeBoilerplate, removeTeaserRuns } from './boilerplate';
import { blockText, bylineTextOf, metadataText } from './text';
import { safeHttpUrl } from './urls';
import { emptyByline, type AnalyzedPage } from './types';

export interface ExtractOptions {
  /** The page address; defaults to the document's URL. */
  url?: string;
  /** The window whose DOM implementation DOMPurify uses; defaults to the document's own window. */
  window?: Window;
  /** The document is a private copy the caller will throw away, so it may be changed in place. */
  documentIsCopy?: boolean;
  /**
   * The document is a copy made within PAGE_COPY_BUDGET (in the page, in slices: see ./page-copy.ts),
   * and this is what the copying reported. Implies `documentIsCopy`.
   */
  copied?: Omit<PageCopy, 'copy'>;
  /** The size of the page as it was loaded, in bytes, when known; said to the reader of a cut page. */
  pageBytes?: number | null;
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
    byline: emptyByline(),
    article: { text: '', html: '', wordCount: 0, readingMinutes: 0, excerpt: '' },
    quotes: [],
    glance: null,
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
  /**
   * The parts of the article's text the byline reads (bylineTextOf), taken from Readability's article
   * in the page: the byline is resolved from the capture alone, by the panel and by the background
   * (Copy with citation) alike, neither of which needs the sanitized body for it.
   */
  bylineText: string;
  readerable: boolean;
  declaresArticle: boolean;
  /** Set when the "page" is a file of another kind read as HTML (a PDF saved as .html). */
  fileKind?: FileKind | null;
  /** Set when the page was too large to read whole: what was read of it (see pageCutWarning). */
  cut?: PageCut | null;
  startedAt: number;
}

/** The warning for a file of another kind read as a web page. */
export function notAWebPageWarning(kind: FileKind): string {
  return `This file is ${kind}, not a web page, so Scrutiny did not look for an article in it.`;
}

/**
 * The page's own address as reported: http(s), or file: for a page saved to disk (the extension
 * reads those too). A javascript:, data: or blob: "address" becomes no address at all.
 */
function pageAddress(value: string): string {
  const http = safeHttpUrl(value);
  if (http) return http;
  try {
    const url = new URL(value);
    return url.protocol === 'file:' ? url.href : '';
  } catch {
    return '';
  }
}

/** "en-US" → "en"; anything that is not a language tag → null. */
function languageOf(value: unknown): string | null {
  const match = typeof value === 'string' ? /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(value) : null;
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * The in-page half: metadata and Readability, on a private copy of the document. Never throws for
 * anything a page can contain: what cannot be read becomes a warning in plain words (never the error's
 * own message), and the rest is still returned.
 */
export function capturePage(doc: Document, options: ExtractOptions = {}): PageCapture {
  const now = options.now ?? defaultClock;
  const startedAt = now();
  let url = '';
  try {
    url = pageAddress(options.url !== undefined ? options.url : doc.URL);
  } catch {
    // A page that hides document.URL has no address it can be trusted with anyway.
  }
  const capture: PageCapture = {
    page: emptyPage(url, '', '', []),
    unsafeHtml: null,
    readabilityByline: null,
    readabilityPublished: null,
    bylineText: '',
    readerable: false,
    declaresArticle: false,
    fileKind: null,
    cut: null,
    startedAt,
  };
  try {
    readPage(doc, options, capture, now);
  } catch {
    // Each step catches its own failures; this is for what a page does to the steps between them.
    capture.page.warnings.push(EXTRACTION_FAILURES.page);
  }
  capture.page.timings.total = round(now() - startedAt);
  return capture;
}

/** Milliseconds of copying the page before letting it run again. */
const SLICE_MS = 10;

/**
 * capturePage for the live page, in the page: the page is first copied within PAGE_COPY_BUDGET in
 * slices of SLICE_MS with pauses between them, then the copy is read. The tab stays responsive on a
 * page of any size, and a page larger than the budget is read from its beginning (PageCapture.cut).
 */
export async function capturePageInSlices(
  doc: Document,
  options: Omit<ExtractOptions, 'copied' | 'documentIsCopy'> & { pause?: () => Promise<void> } = {},
): Promise<PageCapture> {
  const { pause = letThePageRun, ...extractOptions } = options;
  const { copy, ...copied } = await copyInSlices(doc, PAGE_COPY_BUDGET, {
    sliceMs: SLICE_MS,
    now: options.now ?? defaultClock,
    pause,
  });
  return capturePage(copy, { ...extractOptions, copied });
}

/** capturePage's steps, filling in `capture` as far as they get. */
function readPage(doc: Document, options: ExtractOptions, capture: PageCapture, now: () => number): void {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { page } = capture;
  const warnings = page.warnings;
  // The live page's document is read through the DOM's own properties: a page can clobber
  // document.body or document.getElementsByTagName with a named image or form.
  if (!builtIn(doc, 'documentElement')) {
    warnings.push('The document is empty.');
    return;
  }

  // The body is read from a private copy, made first: metadata is read from it too, which gives the
  // same answer, and on markup nested thousands deep (a page script can build it) element-scoped
  // queries on the live tree cost time quadratic in the depth (30 s in jsdom at 20,000 levels).
  let work: Document | null = null;
  let flattened = 0;
  let stopReason: string | null = null;
  const body = builtIn(doc, 'body') as HTMLElement | null;
  const isCopy = options.documentIsCopy === true || options.copied !== undefined;
  const elementCount = body ? (callBuiltIn(doc, 'getElementsByTagName', '*') as HTMLCollection).length : 0;
  if (!body) stopReason = 'This page has no <body>, so there is no article text to read.';
  else if (elementCount > limits.maxElements) {
    stopReason = `This page is too large to extract the article from (${elementCount.toLocaleString('en')} elements, the limit is ${limits.maxElements.toLocaleString('en')}). Scrutiny read its headline, byline and dates only.`;
  } else {
    try {
      // A copy made within PAGE_COPY_BUDGET nests no deeper than its maxDepth: no need to walk it again.
      const shallowByMaking = options.copied !== undefined && PAGE_COPY_BUDGET.maxDepth <= limits.maxDepth;
      const needsCopy =
        !isCopy ||
        (!shallowByMaking && nestingDepth(builtIn(doc, 'documentElement') as Element) > limits.maxDepth);
      const made: PageCopy = needsCopy
        ? privateCopy(doc, limits.maxDepth, isCopy)
        : { copy: doc, flattened: 0, cut: null, ...options.copied };
      work = made.copy;
      flattened = made.flattened;
      if (made.cut) capture.cut = { readChars: made.cut.readChars, pageBytes: options.pageBytes ?? null };
    } catch {
      stopReason = EXTRACTION_FAILURES.copy;
    }
  }
  if (work) {
    try {
      defuseClobbering(work);
    } catch {
      // Readability may still read the copy; if the clobbering breaks it, that step says so.
    }
  }

  try {
    const metadata = readMetadata(work ?? doc, page.url);
    warnings.push(...metadata.warnings);
    page.title = metadata.visibleTitle ?? metadata.titles[0] ?? '';
    page.lang = metadata.lang;
    page.byline = metadata.byline;
    page.article.excerpt = metadata.description ?? '';
    capture.declaresArticle = metadata.declaresArticle;
    if (metadata.canonicalUrl && options.url === undefined) page.url = metadata.canonicalUrl;
  } catch {
    warnings.push(EXTRACTION_FAILURES.metadata);
  }
  if (flattened > 0) warnings.push(deepMarkupWarning(limits.maxDepth));
  if (!work?.body || stopReason) {
    if (stopReason) warnings.push(stopReason);
    return;
  }
  const fileKind = fileKindOf(work.body);
  if (fileKind) {
    capture.fileKind = fileKind;
    warnings.push(notAWebPageWarning(fileKind));
    return;
  }
  if (looksLikeBinaryData(work.body)) {
    warnings.push(
      "This page's text looks like binary data, not writing (a PDF or an image saved as a web page, perhaps), so Scrutiny did not look for an article in it.",
    );
    return;
  }

  try {
    capture.readerable = isProbablyReaderable(work);
  } catch {
    capture.readerable = false;
  }
  try {
    removeBoilerplate(work);
  } catch {
    warnings.push(EXTRACTION_FAILURES.boilerplate);
  }

  const readabilityStarted = now();
  try {
    // The one element the page marks as its article body, as it is before Readability changes it.
    const markedBodies = work.body.querySelectorAll('[itemprop~="articleBody"]');
    const markedBody = markedBodies.length === 1 ? (markedBodies[0]!.cloneNode(true) as Element) : null;
    const kept: { article: Element | null } = { article: null };
    const parsed = new Readability(work, {
      charThreshold: 400,
      // Readability's own serializer, keeping the element to read its text without parsing it again.
      serializer: (element: Node) => {
        kept.article = element as Element;
        removeTeaserRuns(kept.article);
        return kept.article.innerHTML;
      },
    }).parse();
    let { article } = kept;
    let content = parsed?.content;
    // Readability can settle on a part of the marked body (a long table inside it, say) that holds
    // next to none of the story's paragraphs (and does so again on the marked body alone); then the
    // marked body is the article, as the page marks it, boilerplate removed. A marked body can hold
    // more than the story (a gallery of other stories), so Readability's choice stands whenever it
    // holds paragraphs of its own. The page's metadata (byline, date, title) stays as Readability
    // read it from the whole page.
    const chosenProse = article ? paragraphTextLength(article) : Infinity;
    if (
      markedBody &&
      chosenProse < MAX_PROSE_OF_A_WRONG_CHOICE &&
      chosenProse < MARKED_BODY_SHARE * paragraphTextLength(markedBody)
    ) {
      removeTeaserRuns(markedBody);
      content = markedBody.innerHTML;
      article = markedBody;
    }
    if (article) capture.bylineText = bylineTextOf(blockText(article));
    capture.unsafeHtml = typeof content === 'string' ? content : null;
    capture.readabilityByline = typeof parsed?.byline === 'string' ? parsed.byline : null;
    capture.readabilityPublished = typeof parsed?.publishedTime === 'string' ? parsed.publishedTime : null;
    if (!page.title) page.title = metadataText(parsed?.title ?? '', 300);
    page.lang ??= languageOf(parsed?.lang);
  } catch {
    warnings.push(EXTRACTION_FAILURES.article);
  }
  page.timings.readability = round(now() - readabilityStarted);
}

/** Below this share of the marked article body's paragraph text, Readability's choice gives way to it, */
const MARKED_BODY_SHARE = 0.25;
/** if it holds less paragraph text than this (a short story's worth) itself. */
const MAX_PROSE_OF_A_WRONG_CHOICE = 1000;

/** The text of the element's paragraphs: the story, where a table or a list can be long too. */
function paragraphTextLength(element: Element): number {
  let length = 0;
  for (const paragraph of Array.from(element.getElementsByTagName('p')))
    length += (paragraph.textContent ?? '').replace(/\s+/g, ' ').length;
  return length;
}

/**
 * The copy Readability may change, never `doc` itself. A page's own document is copied within
 * PAGE_COPY_BUDGET (cut where it runs out); a throwaway copy that nests too deep for Readability is
 * copied whole, with the deep parts as plain text and without style sheets and frames, which jsdom
 * parses or opens (throwing on some) and extraction never reads.
 */
function privateCopy(doc: Document, maxDepth: number, documentIsCopy: boolean): PageCopy {
  if (documentIsCopy)
    return copyWithinBudget(doc, {
      maxTextChars: Infinity,
      maxElements: Infinity,
      maxDepth,
      leaveOut: LEFT_OUT_OF_DEEP_COPY,
    });
  return copyWithinBudget(doc, { ...PAGE_COPY_BUDGET, maxDepth });
}

const LEFT_OUT_OF_DEEP_COPY = new Set(['style', 'iframe', 'frame']);
