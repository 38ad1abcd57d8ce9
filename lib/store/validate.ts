/**
 * Checks on everything that goes into the store. Values arrive through the message protocol, so they are
 * read as unknown and rebuilt field by field: a record in the database never carries more, or other,
 * than its type says.
 */
import {
  HIGHLIGHT_COLOURS,
  type AnnotatedPage,
  type Annotation,
  type HighlightColour,
  type RangeSelector,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../annotations/types';
import { StoreError } from './errors';

// The limits match the message protocol's (lib/annotations/messages), so what a message may carry the
// store accepts, and the reader hears why when it does not.
/** A long essay fits; a pasted book does not, and would slow every page that lists it. */
export const MAX_NOTE_LENGTH = 100_000;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 100;
/** A highlight is a passage of the page, not the page. */
export const MAX_PASSAGE_LENGTH = 20_000;
/** Prefix, suffix and XPaths are short by nature; this only stops garbage. */
const MAX_SELECTOR_TEXT_LENGTH = 10_000;
const MAX_URL_LENGTH = 8192;
/** Titles come from the page, not the reader, so a long one is cut rather than refused. */
const MAX_TITLE_LENGTH = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NOTHING_CHANGED = 'Nothing was changed.';

function invalid(message: string): StoreError {
  return new StoreError('invalid', message);
}

const count = (n: number) => n.toLocaleString('en-US');

/** `what` names the record for the reader ("note", "saved article", "collection" …). */
export function checkId(id: unknown, what = 'note'): string {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw invalid(`Scrutiny could not find this ${what}, because its id is not valid. ${NOTHING_CHANGED}`);
  }
  return id;
}

export function checkNote(note: unknown): string {
  if (typeof note !== 'string') throw invalid(`Scrutiny could not read this note. ${NOTHING_CHANGED}`);
  if (note.length > MAX_NOTE_LENGTH) {
    throw invalid(
      `This note is too long to save: a note can hold up to ${count(MAX_NOTE_LENGTH)} characters, and this one has ${count(note.length)}. ${NOTHING_CHANGED}`,
    );
  }
  return note;
}

/** Tags trimmed, inner whitespace collapsed, empty ones dropped, repeats dropped whatever their case. */
export function checkTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
    throw invalid(`Scrutiny could not read these tags. ${NOTHING_CHANGED}`);
  }
  const byLowercase = new Map<string, string>();
  for (const tag of tags as string[]) {
    const cleaned = tag.trim().replace(/\s+/g, ' ');
    if (!cleaned) continue;
    if (cleaned.length > MAX_TAG_LENGTH) {
      throw invalid(
        `The tag “${cleaned.slice(0, 30)}…” is too long: a tag can hold up to ${MAX_TAG_LENGTH} characters. ${NOTHING_CHANGED}`,
      );
    }
    const key = cleaned.toLowerCase();
    if (!byLowercase.has(key)) byLowercase.set(key, cleaned);
  }
  if (byLowercase.size > MAX_TAGS) {
    throw invalid(
      `A note can have up to ${MAX_TAGS} tags, and this one has ${byLowercase.size}. ${NOTHING_CHANGED}`,
    );
  }
  return [...byLowercase.values()];
}

export function checkColour(colour: unknown): HighlightColour {
  const known = HIGHLIGHT_COLOURS.find((name) => name === colour);
  if (!known) {
    throw invalid(`“${String(colour)}” is not one of Scrutiny’s highlight colours. ${NOTHING_CHANGED}`);
  }
  return known;
}

export function checkPage(page: unknown): AnnotatedPage {
  const { url, canonicalUrl, title } = isRecord(page) ? page : {};
  if (
    !isText(url, MAX_URL_LENGTH) ||
    !(canonicalUrl === null || isText(canonicalUrl, MAX_URL_LENGTH)) ||
    typeof title !== 'string'
  ) {
    throw invalid(`Scrutiny could not tell which page this note belongs to. ${NOTHING_CHANGED}`);
  }
  return { url, canonicalUrl, title: title.slice(0, MAX_TITLE_LENGTH) };
}

export function unannotatablePage(): StoreError {
  return invalid(
    `Scrutiny keeps notes only for web pages and pages saved on disk, and this page is neither. ${NOTHING_CHANGED}`,
  );
}

/** A passage's three selectors in the order Annotation keeps them: range, position, quote. */
export function checkPassage(passage: unknown): Selector[] {
  const { range, position, quote } = isRecord(passage) ? passage : {};
  if (isRecord(quote) && typeof quote.exact === 'string' && quote.exact.length > MAX_PASSAGE_LENGTH) {
    throw invalid(
      `This passage is too long to highlight: a highlight can cover up to ${count(MAX_PASSAGE_LENGTH)} characters. ${NOTHING_CHANGED} Select a shorter passage.`,
    );
  }
  const selectors = [readSelector(range), readSelector(position), readSelector(quote)];
  const [rangeSelector, positionSelector, quoteSelector] = selectors;
  if (
    rangeSelector?.type !== 'RangeSelector' ||
    positionSelector?.type !== 'TextPositionSelector' ||
    quoteSelector?.type !== 'TextQuoteSelector' ||
    !quoteSelector.exact.trim() ||
    positionSelector.end <= positionSelector.start
  ) {
    throw invalid(
      `Scrutiny could not tell which passage to highlight. ${NOTHING_CHANGED} Select the passage again and try again.`,
    );
  }
  return [rangeSelector, positionSelector, quoteSelector];
}

/** A whole Annotation read back (to undo a delete), rebuilt from its checked fields. */
export function checkAnnotation(value: unknown): Annotation {
  const damaged = () =>
    invalid(`Scrutiny could not bring this note back: its copy is damaged. ${NOTHING_CHANGED}`);
  if (!isRecord(value) || !isRecord(value.target) || !isRecord(value.body)) throw damaged();
  const { id, kind, target, body, pageKeys, created, modified } = value;
  const selector = Array.isArray(target.selector) ? target.selector.map(readSelector) : [];
  if (
    (kind !== 'highlight' && kind !== 'page-note') ||
    !Array.isArray(target.selector) ||
    !selector.every((item) => item !== null) ||
    !Array.isArray(pageKeys) ||
    !pageKeys.every((key) => isText(key, MAX_URL_LENGTH)) ||
    !isTime(created) ||
    !isTime(modified)
  ) {
    throw damaged();
  }
  return {
    id: checkId(id),
    kind,
    target: { ...checkPage(target), selector },
    body: { note: checkNote(body.note), tags: checkTags(body.tags), colour: checkColour(body.colour) },
    pageKeys: [...pageKeys],
    // One format, so that times sort as text.
    created: new Date(created).toISOString(),
    modified: new Date(modified).toISOString(),
  };
}

function readSelector(value: unknown): Selector | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'RangeSelector': {
      const { startContainer, startOffset, endContainer, endOffset } = value;
      if (
        !isText(startContainer) ||
        !isText(endContainer) ||
        !isOffset(startOffset) ||
        !isOffset(endOffset)
      ) {
        return null;
      }
      return {
        type: 'RangeSelector',
        startContainer,
        startOffset,
        endContainer,
        endOffset,
      } satisfies RangeSelector;
    }
    case 'TextPositionSelector': {
      const { start, end } = value;
      if (!isOffset(start) || !isOffset(end) || end < start) return null;
      return { type: 'TextPositionSelector', start, end } satisfies TextPositionSelector;
    }
    case 'TextQuoteSelector': {
      const { exact, prefix, suffix } = value;
      if (!isText(exact, MAX_PASSAGE_LENGTH) || !isText(prefix) || !isText(suffix)) return null;
      return { type: 'TextQuoteSelector', exact, prefix, suffix } satisfies TextQuoteSelector;
    }
    default:
      return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, maxLength = MAX_SELECTOR_TEXT_LENGTH): value is string {
  return typeof value === 'string' && value.length <= maxLength;
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}
