/** What the analysis finds in an article's text: direct quotes, the sources it rests on, plain counts. */

/** Where a quote or a source mention sits: offsets into `article.text` (start inclusive, end exclusive). */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The W3C TextQuoteSelector of a passage: its exact text with a little text before and after, which tells
 * one occurrence from another (a pull quote repeating a body quote) when the passage is found in the live page.
 */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Quote {
  /** The quoted words without the quote marks, whitespace collapsed, trailing comma dropped. */
  text: string;
  /** The resolved canonical name ("Hibatullah Akhundzada", "Ana Ruiz"); null when unattributed. */
  speaker: string | null;
  /** The speaker as written next to the quote ("the message", "she", "Mayor Ruiz"); null when none. */
  speakerMention: string | null;
  /** The speech or writing cue as written ("said", "told the AP", "wrote in a statement"). */
  cue: string | null;
  /** The speaker is an unnamed source ("a senior official who spoke on condition of anonymity"). */
  anonymous: boolean;
  /** Index of the paragraph (block of `article.text`) the quote starts in, from 0. */
  paragraph: number;
  /** Offsets of the quoted words in `article.text`: from the first word of the quote to the end of its last part. */
  start: number;
  end: number;
  /** The quote's first part as it stands in the text, for finding it in the page. */
  selector: TextQuoteSelector;
  /**
   * The opening and closing quotation marks as the article wrote them ("«»", "„“", "“”"); absent in
   * analyses saved before they were kept, which are shown with “”.
   */
  marks?: string;
  /**
   * For a second-hand quote, the outlet it was given to ("CNN" for "told CNN", "Le Monde" for "a déclaré
   * au Monde"); absent for the article's own quotes and in analyses saved before origins were read.
   */
  origin?: string;
}

/**
 * The kinds of source, as the analysis, the backup's schema, the CLI's records and the labels name them,
 * in the order the Sources view lists them.
 */
export const SOURCE_KINDS = [
  'wire',
  'news-outlet',
  'official',
  'organization',
  'person',
  'document',
  'study',
  'social',
  'anonymous',
  'link',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** For links out of the article: what the linked page is. */
export type LinkKind = 'primary-document' | 'other-outlet' | 'same-site' | 'social' | 'study' | 'other';

export interface Source {
  name: string;
  kind: SourceKind;
  /** How many times the article uses this source. */
  mentions: number;
  /** An http(s) address the article links for this source, or null. */
  url: string | null;
  /** Set on sources of kind `link`: what the linked page is. */
  linkKind?: LinkKind;
  /** The places in `article.text` that mention it, in reading order, each with its selector. */
  places: SourcePlace[];
}

export interface SourcePlace extends TextSpan {
  selector: TextQuoteSelector;
}

/** Plain counts for the "At a glance" view; no verdicts. */
export interface Glance {
  quotes: number;
  speakers: number;
  unattributedQuotes: number;
  /** Sources with a name (every kind but `anonymous` and `link`). */
  namedSources: number;
  anonymousSources: number;
  /** Share of the article's characters inside direct quotes, 0–1. */
  quotedShare: number;
  linksOut: number;
  /** Minutes between published and updated, when both are known and the update is later. */
  minutesToUpdate: number | null;
}

export interface Analysis {
  quotes: Quote[];
  sources: Source[];
  glance: Glance;
}
