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
  /** Filled by the analysis step (issue 3); empty until then. */
  quotes: unknown[];
  sources: unknown[];
  /** Plain-words notes on what could not be done fully (huge page, deep markup, bad JSON-LD …). */
  warnings: string[];
  /** Milliseconds spent, for benchmarks. */
  timings: { total: number; readability: number };
}
