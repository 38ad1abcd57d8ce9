/**
 * analyzeArticle: the extracted article in, its quotes, sources and plain counts out. Pure: runs in the
 * panel after the byline is shown, in the CLI and in tests.
 */
import type { AnalyzedPage } from '../extract/types';
import { findQuotes } from './quotes';
import { buildSpeakerContext } from './speakers';
import { findSources } from './sources';
import { readStructure } from './structure';
import type { Analysis, Glance, Quote, Source } from './types';

export type * from './types';

/** The parts of an extracted page the analysis reads. */
export type AnalysisInput = Pick<AnalyzedPage, 'url' | 'lang' | 'article' | 'byline'>;

/** Quotes, sources and the counts at a glance. Reads the sanitized article HTML as text, with no DOM. */
export function analyzeArticle(page: AnalysisInput): Analysis {
  const text = page.article.text;
  const structure = readStructure(page.article.html);
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
    return {
      ...page,
      warnings: [
        ...page.warnings,
        `Scrutiny could not find the quotes and sources (${error instanceof Error ? error.message : 'unknown error'}).`,
      ],
    };
  }
}
