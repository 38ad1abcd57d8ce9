import type { Glance, Quote, Source } from '../analyze/types';
import type { Genre } from './genre';

/** Where a byline field was read from, strongest evidence first. */
export type FieldSource =
  | 'jsonld' // schema.org JSON-LD in the page
  | 'meta' // OpenGraph, article:*, Dublin Core, citation_*, <meta name="author">, itemprop
  | 'byline' // the visible byline line ("By Jane Doe | March 3, 2026")
  | 'text' // the article text or a <time> element near it
  | 'url'; // a date in the page address (/2026/03/03/)

export interface Author {
  name: string;
  source: FieldSource;
  /** Profile page, only when it is an http(s) link. */
  url?: string;
}

export interface Outlet {
  name: string;
  source: FieldSource;
}

/** One thing the page says about a byline field, as found and not yet parsed. */
export interface BylineClue {
  /** The raw text: a name or a list of names, a date, or a whole byline line. */
  text: string;
  source: FieldSource;
  /** Where exactly: the meta key ("article:published_time"), "jsonld", "byline", "byline-link", "time" … */
  via: string;
  /** A profile link (author clues only), when it is an http(s) URL. */
  url?: string;
}

/**
 * The byline as the content script found it in the page, unparsed. Meta tags travel as they are
 * (`meta`, via = the key); which key counts for which field is decided on the extension side. Turning names and dates into
 * values needs tables (months in three languages, wire services, job titles) that the content script
 * should not carry, so `resolveByline` does it on the extension side; readers never see this.
 */
export interface BylineEvidence {
  /** Author clues: JSON-LD people, then visible bylines nearest to the headline first. */
  authors: BylineClue[];
  /** JSON-LD publisher and organisation names. */
  outlets: BylineClue[];
  /** JSON-LD datePublished / dateCreated and the page's addresses (via "url"). */
  published: BylineClue[];
  /** JSON-LD dateModified and update stamps shown on the page. */
  modified: BylineClue[];
  /** Meta tags whose key may name a byline field, in page order. */
  meta: BylineClue[];
  /**
   * Dates shown on the page, nearest to the headline first: machine values (via "datetime") and
   * printed ones ("date-element"), then the lines under the headline, date labels and titles.
   */
  dateTexts: BylineClue[];
  /**
   * What says which kind of piece this is: JSON-LD @types (via "jsonld-type"), JSON-LD
   * articleSection ("jsonld-section"), article:section ("article:section"), a short label printed
   * just above the headline ("label") and the headline ("headline"). The address is in
   * `published` (via "url").
   */
  genres?: BylineClue[];
  /** The page's language tag as written ("en-GB"), which says how to read 02/10/2020. */
  locale?: string;
}

/** One value a byline field could have taken, with where the page gave it. */
export interface BylineCandidate {
  /** An ISO date, or for authors the names joined with ", ". */
  value: string;
  source: FieldSource;
}

/**
 * How a byline field was settled when the page's sources disagreed about it (JSON-LD says one date,
 * the meta tags another; the byline shows someone the author tag does not name). Only written when
 * they disagree; sources that agree with the chosen value are not listed.
 */
export interface BylineDecision {
  field: 'authors' | 'published' | 'modified';
  chosen: BylineCandidate;
  /** What the other sources said, one value per source. */
  rejected: BylineCandidate[];
  /** Why the chosen value won, in plain words for the reader. */
  reason: string;
}

export interface Byline {
  authors: Author[];
  outlet: Outlet | null;
  /** ISO 8601 (with offset when the page gives one, otherwise a plain date). */
  published: string | null;
  modified: string | null;
  publishedSource: FieldSource | null;
  modifiedSource: FieldSource | null;
  /** A wire service credited in the byline ("Associated Press"), when it is not the outlet itself. */
  wire: string | null;
  /** People credited with "Contributing:" or "… contributed to this report"; never in `authors`. */
  contributors: string[];
  /** Where JSON-LD, meta tags and the visible byline disagreed, which value won and why; empty when they agree. */
  decisions?: BylineDecision[];
  /**
   * What kind of piece: "opinion", "analysis", "review", "sponsored", or "news" for an article with
   * no other sign (then `genreSource` is null). Null for a page that is no article.
   */
  genre?: Genre | null;
  /** Where the genre was read; null when it is the default "news". */
  genreSource?: FieldSource | null;
  /** Which clue named the genre ("jsonld-type", "jsonld-section", "article:section", "url"). */
  genreVia?: string | null;
  /** Unparsed clues, only between the content script and `buildAnalyzedPage`, which removes them. */
  evidence?: BylineEvidence;
}

export interface ArticleBody {
  /** Plain text; blocks separated by a blank line, whitespace inside a block collapsed. */
  text: string;
  /** The article's HTML after DOMPurify: no scripts, no event handlers, only http(s)/mailto links. */
  html: string;
  wordCount: number;
  /** Minutes at 230 words a minute, rounded up; 0 for an empty body. */
  readingMinutes: number;
  excerpt: string;
}

/** Why the page is or is not taken for an article: shown to the reader, so plain words. */
export interface ArticleVerdict {
  isArticle: boolean;
  reason: string;
}

/** The output contract of `analyze` (CLI) and of the content script's extraction. */
export interface AnalyzedPage {
  url: string;
  title: string;
  lang: string | null;
  isArticle: boolean;
  /** One sentence saying why isArticle is what it is. */
  articleReason: string;
  byline: Byline;
  article: ArticleBody;
  /** Direct quotes with their speakers, in reading order; filled by `analyzeArticle` (lib/analyze). */
  quotes: Quote[];
  /** What the story cites, most used first; filled by `analyzeArticle`. */
  sources: Source[];
  /** Plain counts over quotes and sources; null until the analysis has run. */
  glance: Glance | null;
  /** Plain-words notes on what could not be done fully (huge page, deep markup, bad JSON-LD …). */
  warnings: string[];
  /** Milliseconds spent, for benchmarks. */
  timings: { total: number; readability: number; analysis?: number };
}

/** No clues yet: what a page without any metadata or byline gives. */
export function emptyEvidence(): BylineEvidence {
  return { authors: [], outlets: [], published: [], modified: [], dateTexts: [], meta: [] };
}

/** A byline with nothing known. */
export function emptyByline(): Byline {
  return {
    authors: [],
    outlet: null,
    published: null,
    modified: null,
    publishedSource: null,
    modifiedSource: null,
    wire: null,
    contributors: [],
  };
}
