/**
 * A reader's highlights and notes, after the W3C Web Annotation model: a target (the page, and for a
 * highlight the passage, described by three selectors) and a body (note, tags, colour).
 * These types are shared by lib/anchor (selectors), lib/store (records), the messages and the views.
 */
import type { TextQuoteSelector as QuoteText } from '../analyze/types';

/** W3C TextQuoteSelector: the passage and a little text on either side of it. */
export interface TextQuoteSelector extends QuoteText {
  type: 'TextQuoteSelector';
}

/**
 * W3C TextPositionSelector: where the passage starts and ends, counted in characters of the anchor
 * root's text as lib/anchor reads it (visible text only).
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * A DOM range, as Hypothesis stores it: XPaths of the start and end nodes relative to the anchor root,
 * with character offsets into them. The fastest to re-anchor and the first to break when the page changes.
 */
export interface RangeSelector {
  type: 'RangeSelector';
  startContainer: string;
  startOffset: number;
  endContainer: string;
  endOffset: number;
}

export type Selector = RangeSelector | TextPositionSelector | TextQuoteSelector;

/** All three selectors of one passage, as lib/anchor describes a selection. */
export interface PassageSelectors {
  range: RangeSelector;
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];
export const DEFAULT_COLOUR: HighlightColour = 'yellow';

/** What the reader is told each colour is called (accessible names of the colour controls). */
export const COLOUR_NAMES: Record<HighlightColour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** The page an annotation belongs to, as it was when the annotation was made. */
export interface AnnotatedPage {
  /** The address the reader had open. */
  url: string;
  /** The page's own canonical address (`<link rel="canonical">`, `og:url`), when it gives one. */
  canonicalUrl: string | null;
  title: string;
}

export interface AnnotationTarget extends AnnotatedPage {
  /** A highlight's three selectors (range, position, quote); empty for a page note. */
  selector: Selector[];
}

export interface AnnotationBody {
  /** The reader's note; empty for a bare highlight. */
  note: string;
  tags: string[];
  colour: HighlightColour;
}

export interface Annotation {
  /** A random UUID, given when the annotation is made. */
  id: string;
  /** `highlight` marks a passage; `page-note` is what the reader thinks of the whole article. */
  kind: 'highlight' | 'page-note';
  target: AnnotationTarget;
  body: AnnotationBody;
  /** The page's normalized addresses (lib/annotations/page-keys), under which it is looked up. */
  pageKeys: string[];
  /** ISO 8601 times. */
  created: string;
  modified: string;
}
