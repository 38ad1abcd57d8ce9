/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) in JSON-LD: an
 * AnnotationCollection whose first page holds every annotation, so other annotation tools can read the
 * reader's highlights and notes with their selectors. Ids are URNs of the annotations' own UUIDs.
 */
import type { Annotation, RangeSelector, Selector } from '../annotations/types';
import type { Clipping } from '../library/types';
import type { ExportData } from './types';
import { byCreatedThenId } from './order';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'highlighting';
  format?: 'text/plain';
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  /** Left out for a bare highlight, which says nothing but its target. */
  body?: W3cBody[];
  target: { source: string; selector?: W3cSelector[] };
}

export type W3cSelector = Exclude<Selector, RangeSelector> | W3cRefinedSelector;

/** A RangeSelector as the model defines it: start and end as XPathSelectors refined by a position. */
interface W3cRefinedSelector {
  type: 'RangeSelector';
  startSelector: { type: 'XPathSelector'; value: string; refinedBy: W3cOffset };
  endSelector: { type: 'XPathSelector'; value: string; refinedBy: W3cOffset };
}
interface W3cOffset {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

const urn = (id: string) => `urn:uuid:${id}`;

/**
 * The model's selectors: TextQuoteSelector and TextPositionSelector as they are; our RangeSelector
 * (Hypothesis's shorthand) becomes the model's RangeSelector of two XPathSelectors, each refined by the
 * character offset inside its node.
 */
function modelSelectors(selectors: readonly Selector[]): W3cSelector[] {
  return selectors.map((selector) => {
    if (selector.type !== 'RangeSelector') return { ...selector };
    return {
      type: 'RangeSelector',
      startSelector: {
        type: 'XPathSelector',
        value: selector.startContainer,
        refinedBy: { type: 'TextPositionSelector', start: selector.startOffset, end: selector.startOffset },
      },
      endSelector: {
        type: 'XPathSelector',
        value: selector.endContainer,
        refinedBy: { type: 'TextPositionSelector', start: selector.endOffset, end: selector.endOffset },
      },
    };
  });
}

function bodies(note: string, tags: readonly string[]): { body?: W3cBody[] } {
  const list: W3cBody[] = [];
  if (note) list.push({ type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of tags) list.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return list.length > 0 ? { body: list } : {};
}

export function w3cAnnotation(annotation: Annotation): W3cAnnotation {
  const source = annotation.target.canonicalUrl ?? annotation.target.url;
  const isHighlight = annotation.kind === 'highlight';
  return {
    id: urn(annotation.id),
    type: 'Annotation',
    motivation: isHighlight && !annotation.body.note ? 'highlighting' : 'commenting',
    created: annotation.created,
    modified: annotation.modified,
    ...bodies(annotation.body.note, annotation.body.tags),
    target: isHighlight ? { source, selector: modelSelectors(annotation.target.selector) } : { source },
  };
}

/** A clipping is a passage the reader kept: an annotation of it, with its note and tags. */
export function w3cClipping(clipping: Clipping): W3cAnnotation {
  const selectors = clipping.selectors
    ? [clipping.selectors.range, clipping.selectors.position, clipping.selectors.quote]
    : [{ type: 'TextQuoteSelector' as const, exact: clipping.text, prefix: '', suffix: '' }];
  return {
    id: urn(clipping.id),
    type: 'Annotation',
    motivation: clipping.note ? 'commenting' : 'highlighting',
    created: clipping.created,
    modified: clipping.modified,
    ...bodies(clipping.note, clipping.tags),
    target: { source: clipping.citation.url, selector: modelSelectors(selectors) },
  };
}

/** Annotations then clippings, oldest first, each made into a W3C annotation only when it is reached. */
function* w3cItems(data: ExportData): Generator<W3cAnnotation, void, undefined> {
  const byTime = <T extends { created: string; id: string }>(records: readonly T[]) =>
    [...records].sort(byCreatedThenId);
  for (const annotation of byTime(data.annotations)) yield w3cAnnotation(annotation);
  for (const clipping of byTime(data.clippings)) yield w3cClipping(clipping);
}

function collectionHead(
  data: ExportData,
  now: Date,
): Omit<W3cCollection, 'first'> & { first: Omit<W3cCollection['first'], 'items'> } {
  const id = `urn:scrutiny:export:${now.toISOString()}`;
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Scrutiny highlights and notes',
    total: data.annotations.length + data.clippings.length,
    first: { id: `${id}:page1`, type: 'AnnotationPage', startIndex: 0 },
  };
}

/** The whole export as one AnnotationCollection, annotations then clippings, oldest first. */
export function w3cCollection(data: ExportData, now: Date): W3cCollection {
  const head = collectionHead(data, now);
  return { ...head, first: { ...head.first, items: [...w3cItems(data)] } };
}

/**
 * The collection's JSON text in pieces (the head, then one annotation per piece, then the tail), so a
 * large export can pause between them and never holds every annotation converted at once.
 */
export function* w3cPieces(data: ExportData, now: Date): Generator<string, void, undefined> {
  const head = collectionHead(data, now);
  const text = JSON.stringify({ ...head, first: { ...head.first, items: [] } }, null, 2);
  const open = text.lastIndexOf('[]');
  yield `${text.slice(0, open)}[\n`;
  let first = true;
  for (const item of w3cItems(data)) {
    yield `${first ? '' : ',\n'}      ${JSON.stringify(item)}`;
    first = false;
  }
  yield `\n    ]${text.slice(open + 2)}\n`;
}
