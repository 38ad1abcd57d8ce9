import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageKeys } from '../../../lib/annotations/page-keys';
import {
  createHighlight,
  deleteAnnotation,
  listAnnotationsForPage,
  restoreAnnotation,
  savePageNote,
  ScrutinyDatabase,
  StoreError,
  updateAnnotation,
} from '../../../lib/store';
import { toStoreError } from '../../../lib/store/errors';
import { article, fakeIndexedDB, fillTheDisk, freshDatabase, passage } from './database';

const DISK_FULL =
  'Your disk is full, so Scrutiny could not save this. Nothing was changed: free some space and try again.';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('toStoreError', () => {
  it.each([
    ['the browser’s error', quota()],
    ['Dexie’s wrapping of it', new Dexie.QuotaExceededError('Quota exceeded', quota())],
    ['an aborted transaction around it', new Dexie.AbortError(quota())],
    [
      'a failed open around an abort',
      new Dexie.OpenFailedError(new Dexie.AbortError('Transaction aborted', quota())),
    ],
    ['a bulk write', new Dexie.BulkError('1 of 2 operations failed', { 1: quota() })],
    ['our own cause', new Error('write failed', { cause: quota() })],
    ['Firefox’s old name', new DOMException('', 'NS_ERROR_DOM_QUOTA_REACHED')],
  ])('reads a full disk in %s', (_, error) => {
    const storeError = toStoreError(error, 'save');
    expect(storeError.failure).toBe('disk-full');
    expect(storeError.message).toBe(DISK_FULL);
    expect(storeError.cause).toBe(error);
  });

  it('says what did not happen', () => {
    expect(toStoreError(quota(), 'delete').message).toBe(
      'Your disk is full, so Scrutiny could not delete this. Nothing was changed: free some space and try again.',
    );
    expect(toStoreError(new Error('boom'), 'load')).toMatchObject({
      failure: 'unexpected',
      message:
        'Something went wrong in Scrutiny’s storage, so it could not open your notes. Nothing was changed: try again.',
    });
  });

  it('tells an unopenable database apart from the rest', () => {
    expect(toStoreError(new Dexie.MissingAPIError(), 'save').failure).toBe('unavailable');
    expect(toStoreError(new Dexie.DatabaseClosedError(), 'save').message).toBe(
      'Scrutiny could not open the storage where it keeps your notes, so it could not save this. Nothing was changed: close and reopen the browser, then try again.',
    );
  });

  it('passes its own errors through', () => {
    const error = new StoreError('invalid', 'x');
    expect(toStoreError(error, 'save')).toBe(error);
  });
});

describe('a full disk', () => {
  it('stops a new highlight whole, and says so', async () => {
    const db = freshDatabase();
    await fillTheDisk(db);
    const error = await createHighlight(db, { page: article, selectors: passage('a', 1) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ failure: 'disk-full', message: DISK_FULL });
    vi.restoreAllMocks();
    expect(await db.annotations.count()).toBe(0);
    db.close();
  });

  it('leaves a note as it was when its change cannot be written', async () => {
    const db = freshDatabase();
    const highlight = await createHighlight(db, {
      page: article,
      selectors: passage('a', 1),
      note: 'before',
    });
    const note = await savePageNote(db, { page: article, note: 'page before' });
    await fillTheDisk(db);

    await expect(updateAnnotation(db, highlight.id, { note: 'after', tags: ['t'] })).rejects.toMatchObject({
      failure: 'disk-full',
      message: DISK_FULL,
    });
    await expect(savePageNote(db, { page: article, note: 'page after' })).rejects.toMatchObject({
      failure: 'disk-full',
    });
    await expect(
      savePageNote(db, {
        page: { ...article, url: 'https://example.com/b', canonicalUrl: null },
        note: 'new',
      }),
    ).rejects.toMatchObject({ failure: 'disk-full' });
    await deleteAnnotation(db, highlight.id);
    await expect(restoreAnnotation(db, highlight)).rejects.toMatchObject({ failure: 'disk-full' });

    vi.restoreAllMocks();
    expect(await db.annotations.toArray()).toEqual([note]);
    db.close();
  });
});

describe('a database that cannot be opened', () => {
  it('opens one a newer Scrutiny wrote as it is, and keeps what this one does not know', async () => {
    // A reader who goes back to an older build: Dexie opens the newer database at its own version.
    const environment = fakeIndexedDB();
    const newer = new Dexie('scrutiny', environment);
    newer.version(4).stores({ annotations: 'id, *pageKeys, modified, kind, *tags' });
    const scratch = freshDatabase();
    const highlight = await createHighlight(scratch, { page: article, selectors: passage('a', 1) });
    scratch.close();
    const fromTheFuture = { ...highlight, body: { ...highlight.body, format: 'markdown' }, rating: 4 };
    await newer.table('annotations').add(fromTheFuture);
    newer.close();

    const db = new ScrutinyDatabase('scrutiny', environment);
    expect((await listAnnotationsForPage(db, pageKeys(article))).highlights).toEqual([fromTheFuture]);
    await updateAnnotation(db, highlight.id, { note: 'changed by the older build' });
    expect(await db.annotations.get(highlight.id)).toMatchObject({
      body: { note: 'changed by the older build', format: 'markdown' },
      rating: 4,
    });
    db.close();
  });

  it('says so when there is no IndexedDB at all', async () => {
    const db = new ScrutinyDatabase('scrutiny', { indexedDB: undefined, IDBKeyRange: undefined });
    const error = await listAnnotationsForPage(db, pageKeys(article)).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'unavailable' });
  });
});
