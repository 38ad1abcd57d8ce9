/**
 * The reader's highlights and page notes. The background page calls these with its ScrutinyDatabase;
 * tests pass one backed by fake-indexeddb. Every write is one IndexedDB transaction, so it happens
 * whole or not at all, and every failure is a StoreError with a message for the reader.
 */
import { pageKeys } from '../annotations/page-keys';
import {
  DEFAULT_COLOUR,
  type AnnotatedPage,
  type Annotation,
  type HighlightColour,
  type PassageSelectors,
} from '../annotations/types';
import { StoreError, toStoreError, type StoreAction } from './errors';
import type { ScrutinyDatabase } from './schema';
import {
  checkAnnotation,
  checkColour,
  checkId,
  checkNote,
  checkPage,
  checkPassage,
  checkTags,
  unannotatablePage,
} from './validate';

export interface PageAnnotations {
  /** The passages marked on the page, in reading order. */
  highlights: Annotation[];
  /** The reader's note on the whole page: the one changed last, when there are several. */
  pageNote: Annotation | null;
  /**
   * Page notes beside `pageNote`, newest first; usually none. There are more when notes made under two
   * addresses later turn out to be one page (the page gained a canonical link): both are kept and shown.
   */
  otherPageNotes: Annotation[];
}

export interface NewHighlight {
  page: AnnotatedPage;
  selectors: PassageSelectors;
  note?: string;
  tags?: readonly string[];
  colour?: HighlightColour;
}

export interface PageNoteInput {
  page: AnnotatedPage;
  note: string;
  /** Left as they are on an existing note when not given. */
  tags?: readonly string[];
}

export interface AnnotationChanges {
  note?: string;
  tags?: readonly string[];
  colour?: HighlightColour;
}

/** Everything annotated under any of the page's keys (see pageKeys). */
export function listAnnotationsForPage(
  db: ScrutinyDatabase,
  keys: readonly string[],
): Promise<PageAnnotations> {
  return attempt('load', async () => {
    const found = await findByPageKeys(db, keys);
    const highlights = found.filter((annotation) => annotation.kind === 'highlight').sort(byReadingOrder);
    const [pageNote = null, ...otherPageNotes] = found
      .filter((annotation) => annotation.kind === 'page-note')
      .sort(byNewest);
    return { highlights, pageNote, otherPageNotes };
  });
}

export function countAnnotationsForPage(db: ScrutinyDatabase, keys: readonly string[]): Promise<number> {
  return attempt('load', async () => {
    const wanted = usableKeys(keys);
    return wanted.length === 0 ? 0 : db.annotations.where('pageKeys').anyOf(wanted).distinct().count();
  });
}

export function getAnnotation(db: ScrutinyDatabase, id: string): Promise<Annotation | null> {
  return attempt('load', async () => (await db.annotations.get(checkId(id))) ?? null);
}

export function createHighlight(db: ScrutinyDatabase, highlight: NewHighlight): Promise<Annotation> {
  return attempt('save', async () => {
    const page = checkPage(highlight.page);
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: crypto.randomUUID(),
      kind: 'highlight',
      target: { ...page, selector: checkPassage(highlight.selectors) },
      body: {
        note: checkNote(highlight.note ?? ''),
        tags: checkTags(highlight.tags ?? []),
        colour: checkColour(highlight.colour ?? DEFAULT_COLOUR),
      },
      pageKeys: keysOfPage(page),
      created: now,
      modified: now,
    };
    // An explicit transaction, which Dexie aborts on any failure. Its implicit one would commit past a
    // failed request, since Dexie cancels the request's default action of aborting.
    await db.transaction('rw', db.annotations, () => db.annotations.add(annotation));
    return annotation;
  });
}

/**
 * Writes the page's note: changes the note `listAnnotationsForPage` shows as `pageNote`, or makes one when
 * the page has none. Looking and writing share a transaction, so two panels saving at once still make one.
 */
export function savePageNote(db: ScrutinyDatabase, input: PageNoteInput): Promise<Annotation> {
  return attempt('save', async () => {
    const page = checkPage(input.page);
    const keys = keysOfPage(page);
    const note = checkNote(input.note);
    const tags = input.tags === undefined ? undefined : checkTags(input.tags);
    return db.transaction('rw', db.annotations, async () => {
      const now = new Date().toISOString();
      const [current] = (await findByPageKeys(db, keys))
        .filter((annotation) => annotation.kind === 'page-note')
        .sort(byNewest);
      if (current) return replace(db, current, { note, tags: tags ?? current.body.tags }, now);
      const annotation: Annotation = {
        id: crypto.randomUUID(),
        kind: 'page-note',
        target: { ...page, selector: [] },
        body: { note, tags: tags ?? [], colour: DEFAULT_COLOUR },
        pageKeys: keys,
        created: now,
        modified: now,
      };
      await db.annotations.add(annotation);
      return annotation;
    });
  });
}

export function updateAnnotation(
  db: ScrutinyDatabase,
  id: string,
  changes: AnnotationChanges,
): Promise<Annotation> {
  return attempt('save', async () => {
    const key = checkId(id);
    const body = {
      ...(changes.note !== undefined && { note: checkNote(changes.note) }),
      ...(changes.tags !== undefined && { tags: checkTags(changes.tags) }),
      ...(changes.colour !== undefined && { colour: checkColour(changes.colour) }),
    };
    return db.transaction('rw', db.annotations, async () => {
      const current = await db.annotations.get(key);
      if (!current) throw notFound();
      return replace(db, current, body, new Date().toISOString());
    });
  });
}

/** Deletes the annotation and gives it back, for undo; null when it was already gone. */
export function deleteAnnotation(db: ScrutinyDatabase, id: string): Promise<Annotation | null> {
  return attempt('delete', async () => {
    const key = checkId(id);
    return db.transaction('rw', db.annotations, async () => {
      const current = await db.annotations.get(key);
      if (current) await db.annotations.delete(key);
      return current ?? null;
    });
  });
}

/**
 * Undoes a delete: puts the annotation back as it was, same id and times. Restoring one that is already
 * there (a second undo) leaves it alone.
 */
export function restoreAnnotation(db: ScrutinyDatabase, annotation: Annotation): Promise<Annotation> {
  return attempt('save', async () => {
    const restored = checkAnnotation(annotation);
    return db.transaction('rw', db.annotations, async () => {
      const existing = await db.annotations.get(restored.id);
      if (existing) return existing;
      await db.annotations.add(restored);
      return restored;
    });
  });
}

async function attempt<T>(action: StoreAction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error, action);
  }
}

function notFound(): StoreError {
  return new StoreError(
    'not-found',
    'This note is no longer there: it may have been deleted in another window. Nothing was changed.',
  );
}

function keysOfPage(page: AnnotatedPage): string[] {
  const keys = pageKeys(page);
  if (keys.length === 0) throw unannotatablePage();
  return keys;
}

function usableKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((key) => typeof key === 'string' && key !== ''))];
}

async function findByPageKeys(db: ScrutinyDatabase, keys: readonly string[]): Promise<Annotation[]> {
  const wanted = usableKeys(keys);
  // `distinct`: an annotation filed under two of the keys is found twice by the multi-entry index.
  return wanted.length === 0 ? [] : db.annotations.where('pageKeys').anyOf(wanted).distinct().toArray();
}

/** The annotation with a new body; stored only when something changed, so saving twice is harmless. */
async function replace(
  db: ScrutinyDatabase,
  current: Annotation,
  changes: Partial<Annotation['body']>,
  now: string,
): Promise<Annotation> {
  const body = { ...current.body, ...changes };
  const unchanged =
    body.note === current.body.note &&
    body.colour === current.body.colour &&
    body.tags.join('\n') === current.body.tags.join('\n');
  if (unchanged) return current;
  const next: Annotation = { ...current, body, modified: now };
  await db.annotations.put(next);
  return next;
}

function startOf(annotation: Annotation): number {
  const position = annotation.target.selector.find((selector) => selector.type === 'TextPositionSelector');
  return position?.start ?? Number.POSITIVE_INFINITY;
}

function byReadingOrder(a: Annotation, b: Annotation): number {
  return startOf(a) - startOf(b) || compareText(a.created, b.created);
}

function byNewest(a: Annotation, b: Annotation): number {
  return compareText(b.modified, a.modified);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
