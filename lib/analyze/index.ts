/**
 * analyzeArticle: the extracted article in, its quotes, sources and plain counts out. Pure: runs in the
 * panel after the byline is shown, in the CLI and in tests.
 */
import { collapseWhitespace } from '../extract/text';
import type { AnalyzedPage } from '../extract/types';
import { findQuotes } from './quotes';
import { buildSpeakerContext } from './speakers';
import { findSources, type LinkOut } from './sources';
import type { Analysis, Glance, Quote, Source } from './types';

export type * from './types';

/** The parts of an extracted page the analysis reads. */
export type AnalysisInput = Pick<AnalyzedPage, 'url' | 'lang' | 'article' | 'byline'>;

/** Captions and asides in the article: text there repeats or frames the story, it is not the story. */
const FURNITURE = 'figcaption, caption, aside, blockquote blockquote';

interface ArticleStructure {
  furniture: Set<string>;
  links: LinkOut[];
}

/** Read captions and links from the article's sanitized HTML, parsed inert in `window`'s DOM. */
function readStructure(html: string, window: Window): ArticleStructure {
  const furniture = new Set<string>();
  const links: LinkOut[] = [];
  if (!html) return { furniture, links };
  const doc = new (window as Window & typeof globalThis).DOMParser().parseFromString(
    `<body>${html}</body>`,
    'text/html',
  );
  for (const element of doc.querySelectorAll(FURNITURE)) {
    const text = collapseWhitespace(element.textContent ?? '');
    if (text) furniture.add(text);
  }
  const seen = new Set<string>();
  for (const anchor of doc.querySelectorAll('a[href]')) {
    const url = anchor.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(url) || seen.has(url)) continue;
    seen.add(url);
    links.push({ url, text: collapseWhitespace(anchor.textContent ?? '') });
  }
  return { furniture, links };
}

export function analyzeArticle(page: AnalysisInput, window: Window): Analysis {
  const text = page.article.text;
  const structure = readStructure(page.article.html, window);
  const speakers = buildSpeakerContext(text);
  const quotes = findQuotes(text, { lang: page.lang, furniture: structure.furniture, speakers });
  const ownNames = [
    page.byline.outlet?.name ?? '',
    page.byline.wire ?? '',
    ...page.byline.authors.map((author) => author.name),
  ].filter(Boolean);
  const sources = findSources(text, quotes, speakers, {
    lang: page.lang,
    pageUrl: page.url,
    ownNames,
    // A reference page links hundreds of times; the first ones say what kind of links it has.
    links: structure.links.slice(0, MAX_LINKS),
  });
  return { quotes, sources, glance: glanceAt(page, quotes, sources, structure.links.length) };
}

const MAX_LINKS = 150;

function glanceAt(page: AnalysisInput, quotes: Quote[], sources: Source[], links: number): Glance {
  const quotedCharacters = quotes.reduce((sum, quote) => sum + quote.text.length, 0);
  const published = page.byline.published ? Date.parse(page.byline.published) : NaN;
  const modified = page.byline.modified ? Date.parse(page.byline.modified) : NaN;
  return {
    quotes: quotes.length,
    speakers: new Set(quotes.filter((quote) => quote.speaker).map((quote) => quote.speaker)).size,
    unattributedQuotes: quotes.filter((quote) => !quote.speaker).length,
    namedSources: sources.filter((source) => source.kind !== 'anonymous' && source.kind !== 'link').length,
    anonymousSources: sources.filter((source) => source.kind === 'anonymous').length,
    quotedShare:
      page.article.text.length === 0 ? 0 : Math.min(1, quotedCharacters / page.article.text.length),
    linksOut: links,
    minutesToUpdate:
      Number.isFinite(published) && Number.isFinite(modified) && modified > published
        ? Math.round((modified - published) / 60_000)
        : null,
  };
}

/**
 * The page with its analysis filled in (quotes, sources, glance, timings.analysis). Never throws: a
 * failure leaves the byline and text as they were and says so in `warnings`.
 */
export function withAnalysis(page: AnalyzedPage, window: Window): AnalyzedPage {
  const started = performance.now();
  try {
    const analysis = analyzeArticle(page, window);
    return {
      ...page,
      ...analysis,
      timings: { ...page.timings, analysis: Math.round((performance.now() - started) * 100) / 100 },
    };
  } catch (error) {
    return {
      ...page,
      warnings: [
        ...page.warnings,
        `Scrutiny could not find the quotes and sources (${error instanceof Error ? error.message : 'unknown error'}).`,
      ],
    };
  }
}
