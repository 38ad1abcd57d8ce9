/**
 * The reader's library: saved articles (each with its snapshots, oldest to newest), clippings, and the
 * collections that group them. Highlights and notes stay in the `annotations` table (lib/annotations).
 * The same records are what an export writes and an import reads back (lib/export), so every field is
 * plain data (strings, numbers, arrays, plain objects), and every time is an ISO 8601 string.
 */
import type { Analysis, SourceKind } from '../analyze/types';
import type { PassageSelectors } from '../annotations/types';
import type { Byline } from '../extract/types';

/** A byline as stored: the panel's byline without the page's unparsed clues. */
export type StoredByline = Omit<Byline, 'evidence'>;

/**
 * One saved state of an article: what the panel had extracted and analysed when the reader saved it.
 * Saving again after the article's text, headline or byline changed adds a snapshot; an unchanged article
 * adds none. A snapshot is never changed after it is written.
 */
export interface ArticleSnapshot {
  /** A random UUID. */
  id: string;
  /** The SavedArticle this is a version of. */
  articleId: string;
  /** When the reader saved it. */
  savedAt: string;
  /**
   * A digest of what a reader would call the article's content (headline, text, authors, outlet, dates);
   * two snapshots with the same hash are the same version.
   */
  contentHash: string;
  url: string;
  canonicalUrl: string | null;
  title: string;
  lang: string | null;
  byline: StoredByline;
  /**
   * The article's HTML, sanitized, with nothing that loads from the network: images became their alt
   * text or caption, media and frames were dropped, links kept only their http(s) address.
   */
  html: string;
  /** Plain text as lib/extract gives it (blocks separated by a blank line). */
  text: string;
  wordCount: number;
  excerpt: string;
  /** Quotes, sources and counts at the time of saving; null when the analysis had failed. */
  analysis: Analysis | null;
}

/**
 * A saved article: its newest snapshot's facts, kept beside the snapshots so lists, filters and search can
 * read them without loading any article text.
 */
export interface SavedArticle {
  /** A random UUID. */
  id: string;
  /** The page's normalized addresses (lib/annotations/page-keys): how an open page finds its saved copy. */
  pageKeys: string[];
  url: string;
  canonicalUrl: string | null;
  title: string;
  /** Author names as the byline gives them. */
  authors: string[];
  outlet: string | null;
  lang: string | null;
  /** The outlet's publication and update times, as the newest snapshot gives them. */
  published: string | null;
  modified: string | null;
  /** When the reader first saved it. */
  savedAt: string;
  /** When its newest snapshot was saved. */
  updatedAt: string;
  /** The newest snapshot. */
  latestVersionId: string;
  versionCount: number;
  /** Collections it belongs to (an article may be in several). */
  collectionIds: string[];
  tags: string[];
  /** People quoted (resolved speaker names) in the newest snapshot. */
  speakers: string[];
  /** Kinds of source the newest snapshot cites. */
  sourceKinds: SourceKind[];
  wordCount: number;
  excerpt: string;
}

/** What a clipping says about where its passage comes from, complete without the page. */
export interface ClippingCitation {
  title: string;
  authors: string[];
  outlet: string | null;
  /** The outlet's publication time or date, as the page gives it. */
  published: string | null;
  url: string;
  /** When the reader clipped it. */
  accessed: string;
  lang: string | null;
}

/** A passage the reader put into a collection: its own text and citation, so it outlives the page. */
export interface Clipping {
  /** A random UUID. */
  id: string;
  collectionId: string;
  /** The passage as the reader selected it. */
  text: string;
  /** Where the passage was in the page, for showing it there again; null for a clipping made without. */
  selectors: PassageSelectors | null;
  citation: ClippingCitation;
  /** The page's normalized addresses, to find clippings of an open page. */
  pageKeys: string[];
  note: string;
  tags: string[];
  /** The highlight it was made from (Notes tab: "Add to collection"), when it was. */
  annotationId: string | null;
  created: string;
  modified: string;
}

export interface Collection {
  /** A random UUID. */
  id: string;
  /** Unique among collections, compared without regard to case. */
  name: string;
  created: string;
  modified: string;
}

/** Small facts the library keeps between sessions. */
export interface LibrarySettings {
  /** The collection the last clipping went into: where the next one goes. */
  lastCollectionId: string | null;
}
