/**
 * analyzeArticle: the extracted article in, its quotes, sources and plain counts out. Pure: runs in the
 * panel after the byline is shown, in the CLI and in tests.
 */
import type { AnalyzedPage } from '../extract/types';
import { findQuotes } from './quotes';
import { withOrigins } from './origins';
import { buildSpeakerContext, type PeopleFinder } from './speakers';
import { findSources } from './sources';
import { readStructure } from './structure';
import type { Analysis, Glance, Quote, Source } from './types';

export type * from './types';

/** The parts of an extracted page the analysis reads. */
export type AnalysisInput = Pick<AnalyzedPage, 'url' | 'lang' | 'article' | 'byline'>;

/**
 * Longest article text (characters) analyzed, in the panel and in the CLI alike. Every step is linear in
 * the text's length, but the analysis runs in the panel's own thread, where on a text of megabytes it
 * would hold the panel (and in Chromium every extension page) for seconds; the longest news features
 * run to about half of this.
 */
export const MAX_ANALYZED_CHARACTERS = 200_000;

/** The text is longer than the analysis reads; `message` is plain words for the reader. */
export class TextTooLongError extends Error {
  constructor(
    /** The text's length in characters. */
    readonly characters: number,
    readonly limit: number,
  ) {
    super(
      `This text is too long for Scrutiny to look for quotes and sources in it (${characters.toLocaleString('en')} characters; the limit is ${limit.toLocaleString('en')}).`,
    );
    this.name = 'TextTooLongError';
  }
}

export interface AnalysisOptions {
  /** Longer texts are refused with a TextTooLongError; MAX_ANALYZED_CHARACTERS unless given. */
  maxCharacters?: number;
  /** The name finder; lib/analyze/names' own unless another is being measured against it. */
  findPeople?: PeopleFinder;
}

/**
 * Quotes, sources and the counts at a glance. Reads the sanitized article HTML as text, with no DOM.
 * Throws a TextTooLongError, before any work, for a text over the limit.
 */
export function analyzeArticle(page: AnalysisInput, options: AnalysisOptions = {}): Analysis {
  const text = page.article.text;
  const limit = options.maxCharacters ?? MAX_ANALYZED_CHARACTERS;
  if (text.length > limit) throw new TextTooLongError(text.length, limit);
  const structure = readStructure(page.article.html);
  const speakers = buildSpeakerContext(text, options.findPeople);
  const ownNames = [
    page.byline.outlet?.name ?? '',
    page.byline.wire ?? '',
    ...page.byline.authors.map((author) => author.name),
  ].filter(Boolean);
  const quotes = withOrigins(
    text,
    findQuotes(text, { lang: page.lang, furniture: structure.furniture, speakers }),
    { names: ownNames, pageUrl: page.url },
  );
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

export const ANALYSIS_FAILED_WARNING = 'Scrutiny could not work out the quotes and sources of this article.';

/**
 * The page with its analysis filled in (quotes, sources, glance, timings.analysis). Never throws: a
 * failure, or a text over MAX_ANALYZED_CHARACTERS, leaves the byline and text as they were and says so
 * in `warnings`. What the CLI calls, so it keeps to the same limit as the panel.
 */
export function withAnalysis(page: AnalyzedPage): AnalyzedPage {
  const started = performance.now();
  try {
    const analysis = analyzeArticle(page);
    return {
      ...page,
      ...analysis,
      timings: { ...page.timings, analysis: Math.round((performance.now() - started) * 100) / 100 },
    };
  } catch (error) {
    // Plain words only: an error's own message is an internal the reader cannot act on.
    return {
      ...page,
      warnings: [
        ...page.warnings,
        error instanceof TextTooLongError ? error.message : ANALYSIS_FAILED_WARNING,
      ],
    };
  }
}
