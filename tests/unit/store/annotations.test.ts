import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageKeys } from '../../../lib/annotations/page-keys';
import type { Annotation, HighlightColour } from '../../../lib/annotations/types';
import {
  countAnnotationsForPage,
  createHighlight,
  deleteAnnotation,
  getAnnotation,
  listAnnotationsForPage,
  MAX_NOTE_LENGTH,
  restoreAnnotation,
  savePageNote,
  StoreError,
  updateAnnotation,
  type ScrutinyDatabase,
} from '../../../lib/store';
import { article, freshDatabase, passage } from './database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const keys = pageKeys(article);
const elsewhere = { url: 'https://example.com/news/2024/05/other-story', canonicalUrl: null, title: 'Other' };

let db: ScrutinyDatabase;
function open() {
  db = freshDatabase();
  return db;
}

afterEach(() => {
  db?.close();
  vi.useRealTimers();
});

/** The StoreError a failed call rejects with. */
async function failure(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('createHighlight', () => {
  it('keeps a highlight with its selectors, page keys and times, and returns what it stored', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-06-01T12:00:00Z') });
    const highlight = await createHighlight(open(), {
      page: article,
      selectors: passage('the plan costs $40m', 10),
      note: 'Who says?',
      tags: [' budget ', 'Budget', 'water  policy', '', 'sources'],
      colour: 'blue',
    });
    expect(highlight.id).toMatch(UUID);
    expect(highlight).toEqual({
      id: highlight.id,
      kind: 'highlight',
      target: {
        ...article,
        selector: [
          passage('the plan costs $40m', 10).range,
          passage('the plan costs $40m', 10).position,
          passage('the plan costs $40m', 10).quote,
        ],
      },
      body: { note: 'Who says?', tags: ['budget', 'water policy', 'sources'], colour: 'blue' },
      pageKeys: keys,
      created: '2024-06-01T12:00:00.000Z',
      modified: '2024-06-01T12:00:00.000Z',
    } satisfies Annotation);
    expect(await getAnnotation(db, highlight.id)).toEqual(highlight);
  });

  it('makes a bare yellow highlight when no note, tags or colour are given', async () => {
    const highlight = await createHighlight(open(), { page: article, selectors: passage('a', 1) });
    expect(highlight.body).toEqual({ note: '', tags: [], colour: 'yellow' });
  });

  it('refuses what it cannot keep, in plain words, and stores nothing', async () => {
    open();
    const longNote = 'x'.repeat(MAX_NOTE_LENGTH + 1);
    const tooLong = await failure(
      createHighlight(db, { page: article, selectors: passage('a', 1), note: longNote }),
    );
    expect(tooLong.failure).toBe('invalid');
    expect(tooLong.message).toBe(
      'This note is too long to save: a note can hold up to 100,000 characters, and this one has 100,001. Nothing was changed.',
    );

    const colour = await failure(
      createHighlight(db, { page: article, selectors: passage('a', 1), colour: 'red' as HighlightColour }),
    );
    expect(colour.message).toBe('“red” is not one of Scrutiny’s highlight colours. Nothing was changed.');

    const tags = await failure(
      createHighlight(db, { page: article, selectors: passage('a', 1), tags: ['x'.repeat(101)] }),
    );
    expect(tags.message).toMatch(/^The tag “x{30}…” is too long: a tag can hold up to 100 characters\./);

    const manyTags = Array.from({ length: 51 }, (_, i) => `tag ${i}`);
    expect(
      (await failure(createHighlight(db, { page: article, selectors: passage('a', 1), tags: manyTags })))
        .message,
    ).toBe('A note can have up to 50 tags, and this one has 51. Nothing was changed.');

    const blank = { ...passage('a', 1), quote: { ...passage('a', 1).quote, exact: '  ' } };
    expect((await failure(createHighlight(db, { page: article, selectors: blank }))).message).toMatch(
      /could not tell which passage to highlight/,
    );
    const backwards = {
      ...passage('a', 1),
      position: { type: 'TextPositionSelector' as const, start: 5, end: 2 },
    };
    expect((await failure(createHighlight(db, { page: article, selectors: backwards }))).failure).toBe(
      'invalid',
    );
    const huge = passage('x'.repeat(20_001), 0);
    expect((await failure(createHighlight(db, { page: article, selectors: huge }))).message).toMatch(
      /^This passage is too long to highlight: a highlight can cover up to 20,000 characters\./,
    );

    const blankPage = { url: 'about:blank', canonicalUrl: null, title: '' };
    expect(
      (await failure(createHighlight(db, { page: blankPage, selectors: passage('a', 1) }))).message,
    ).toBe(
      'Scrutiny keeps notes only for web pages and pages saved on disk, and this page is neither. Nothing was changed.',
    );

    expect(await db.annotations.count()).toBe(0);
  });
});

describe('listAnnotationsForPage and countAnnotationsForPage', () => {
  it('finds the page’s highlights in reading order and its note, under any of its addresses', async () => {
    open();
    const later = await createHighlight(db, { page: article, selectors: passage('second', 200) });
    const first = await createHighlight(db, { page: article, selectors: passage('first', 20) });
    const note = await savePageNote(db, { page: article, note: 'One-sided.' });
    await createHighlight(db, { page: elsewhere, selectors: passage('elsewhere', 5) });

    const fromCanonical = await listAnnotationsForPage(
      db,
      pageKeys({ url: 'http://example.com/news/2024/05/water-plan/', canonicalUrl: null }),
    );
    expect(fromCanonical).toEqual({ highlights: [first, later], pageNote: note, otherPageNotes: [] });
    // The article's keys match a record under both of them: it still comes once.
    expect((await listAnnotationsForPage(db, keys)).highlights).toHaveLength(2);
    expect(await countAnnotationsForPage(db, keys)).toBe(3);
    expect(await countAnnotationsForPage(db, pageKeys(elsewhere))).toBe(1);
  });

  it('finds nothing for a page without keys or without notes', async () => {
    open();
    await createHighlight(db, { page: article, selectors: passage('a', 1) });
    expect(await listAnnotationsForPage(db, [])).toEqual({
      highlights: [],
      pageNote: null,
      otherPageNotes: [],
    });
    expect(await countAnnotationsForPage(db, [])).toBe(0);
    expect(await countAnnotationsForPage(db, ['example.com/unknown'])).toBe(0);
  });
});

describe('savePageNote', () => {
  it('keeps one note per page: the second save changes the first', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-06-01T12:00:00Z') });
    open();
    const made = await savePageNote(db, { page: article, note: 'First thoughts', tags: ['water'] });
    expect(made).toMatchObject({ kind: 'page-note', target: { selector: [] }, pageKeys: keys });

    vi.setSystemTime(new Date('2024-06-02T08:00:00Z'));
    const amp = { ...article, url: 'https://amp.example.com/news/2024/05/water-plan', canonicalUrl: null };
    const changed = await savePageNote(db, { page: amp, note: 'Second thoughts' });
    expect(changed).toEqual({
      ...made,
      body: { ...made.body, note: 'Second thoughts', tags: ['water'] },
      modified: '2024-06-02T08:00:00.000Z',
    });
    expect(await db.annotations.count()).toBe(1);
  });

  it('makes one note when two panels save at once', async () => {
    open();
    await Promise.all([
      savePageNote(db, { page: article, note: 'from the panel' }),
      savePageNote(db, { page: article, note: 'from the library' }),
    ]);
    expect(await db.annotations.count()).toBe(1);
  });

  it('shows every note when two addresses turn out to be one page, and edits the newest', async () => {
    open();
    const shortLink = { url: 'https://example.com/?p=123', canonicalUrl: null, title: 'Water plan' };
    const permalink = {
      url: 'https://example.com/2024/05/water-plan/',
      canonicalUrl: null,
      title: 'Water plan',
    };
    const older = await savePageNote(db, { page: shortLink, note: 'on the short link' });
    const newer = await savePageNote(db, { page: permalink, note: 'on the permalink' });
    expect(newer.id).not.toBe(older.id);

    // The short link's page names the permalink as canonical: both notes belong to it.
    const joined = { ...shortLink, canonicalUrl: permalink.url };
    const listed = await listAnnotationsForPage(db, pageKeys(joined));
    expect(listed.pageNote?.id).toBe(newer.id);
    expect(listed.otherPageNotes.map((annotation) => annotation.id)).toEqual([older.id]);
    const edited = await savePageNote(db, { page: joined, note: 'both' });
    expect(edited.id).toBe(newer.id);
    expect((await getAnnotation(db, older.id))?.body.note).toBe('on the short link');
  });
});

describe('updateAnnotation', () => {
  it('changes note, tags and colour, and the modified time', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-06-01T12:00:00Z') });
    const highlight = await createHighlight(open(), { page: article, selectors: passage('a', 1) });
    vi.setSystemTime(new Date('2024-06-03T12:00:00Z'));
    const updated = await updateAnnotation(db, highlight.id, {
      note: 'Checked: true.',
      tags: ['checked', ' Checked '],
      colour: 'pink',
    });
    expect(updated).toEqual({
      ...highlight,
      body: { note: 'Checked: true.', tags: ['checked'], colour: 'pink' },
      modified: '2024-06-03T12:00:00.000Z',
    });
    expect(await getAnnotation(db, highlight.id)).toEqual(updated);
  });

  it('leaves the record alone when nothing changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-06-01T12:00:00Z') });
    const highlight = await createHighlight(open(), { page: article, selectors: passage('a', 1), note: 'n' });
    vi.setSystemTime(new Date('2024-06-03T12:00:00Z'));
    expect(await updateAnnotation(db, highlight.id, { note: 'n' })).toEqual(highlight);
    expect(await updateAnnotation(db, highlight.id, {})).toEqual(highlight);
  });

  it('says so when the annotation is gone or the id is not one', async () => {
    open();
    const gone = await failure(updateAnnotation(db, crypto.randomUUID(), { note: 'x' }));
    expect(gone.failure).toBe('not-found');
    expect(gone.message).toBe(
      'This note is no longer there: it may have been deleted in another window. Nothing was changed.',
    );
    expect((await failure(updateAnnotation(db, '../etc', { note: 'x' }))).failure).toBe('invalid');
    expect((await failure(getAnnotation(db, 'not-an-id'))).failure).toBe('invalid');
    expect(await getAnnotation(db, crypto.randomUUID())).toBeNull();
  });
});

describe('deleteAnnotation and restoreAnnotation', () => {
  it('gives the deleted record back, and undo restores it exactly', async () => {
    open();
    const highlight = await createHighlight(db, {
      page: article,
      selectors: passage('a', 1),
      note: 'keep me',
      tags: ['t'],
    });
    const deleted = await deleteAnnotation(db, highlight.id);
    expect(deleted).toEqual(highlight);
    expect(await getAnnotation(db, highlight.id)).toBeNull();
    expect(await deleteAnnotation(db, highlight.id)).toBeNull();

    expect(await restoreAnnotation(db, deleted!)).toEqual(highlight);
    expect(await getAnnotation(db, highlight.id)).toEqual(highlight);
    // A second undo changes nothing.
    expect(await restoreAnnotation(db, { ...deleted!, body: { ...deleted!.body, note: 'other' } })).toEqual(
      highlight,
    );
    expect(await db.annotations.count()).toBe(1);
  });

  it('refuses to restore a damaged record', async () => {
    open();
    const damaged = { id: crypto.randomUUID(), kind: 'highlight' } as unknown as Annotation;
    const error = await failure(restoreAnnotation(db, damaged));
    expect(error.message).toBe(
      'Scrutiny could not bring this note back: its copy is damaged. Nothing was changed.',
    );
    expect(await db.annotations.count()).toBe(0);
  });

  it('rebuilds a restored record from its fields only', async () => {
    open();
    const highlight = await createHighlight(db, { page: article, selectors: passage('a', 1) });
    await deleteAnnotation(db, highlight.id);
    const withExtra = { ...highlight, script: '<img onerror=alert(1)>' } as Annotation;
    expect(await restoreAnnotation(db, withExtra)).toEqual(highlight);
    expect(await getAnnotation(db, highlight.id)).not.toHaveProperty('script');
  });
});
