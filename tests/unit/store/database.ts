/** Databases for the store's tests: each on its own fake IndexedDB, so tests never see each other's data. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { vi } from 'vitest';
import type { AnnotatedPage, PassageSelectors } from '../../../lib/annotations/types';
import { ScrutinyDatabase } from '../../../lib/store';

export function fakeIndexedDB() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDatabase(): ScrutinyDatabase {
  return new ScrutinyDatabase('scrutiny', fakeIndexedDB());
}

/**
 * From now on every record the database stores is written and then refused for want of space, the way a
 * browser fails a write on a full disk: the request errors with QuotaExceededError and the transaction
 * aborts, rolling back whatever it had written.
 */
export async function fillTheDisk(db: ScrutinyDatabase): Promise<void> {
  await db.open();
  const store = db.backendDB().transaction('annotations', 'readonly').objectStore('annotations');
  const rawStore = (store as unknown as { _rawObjectStore: object })._rawObjectStore;
  const prototype = Object.getPrototypeOf(rawStore) as { storeRecord(...args: unknown[]): unknown };
  const storeRecord = prototype.storeRecord;
  vi.spyOn(prototype, 'storeRecord').mockImplementation(function (this: unknown, ...args: unknown[]) {
    storeRecord.apply(this, args);
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

export const article: AnnotatedPage = {
  url: 'https://www.example.com/news/2024/05/water-plan/amp?utm_source=twitter',
  canonicalUrl: 'https://www.example.com/news/2024/05/water-plan',
  title: 'Council backs water plan',
};

export function passage(exact: string, start: number): PassageSelectors {
  return {
    range: {
      type: 'RangeSelector',
      startContainer: '/p[1]',
      startOffset: 0,
      endContainer: '/p[1]',
      endOffset: 9,
    },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
  };
}
