/**
 * The database "scrutiny": every version of its schema and the step that upgrades a database from the one
 * before. It lives in the extension's own origin (background, panel, library); content scripts ask for
 * what they need through the message protocol and never open it.
 *
 * Version history (Dexie version n is IndexedDB version 10·n):
 *
 *   1  First draft. `annotations: 'id, url'`: one flat record per highlight or page note
 *      (AnnotationRecordV1 below), looked up by the exact address it was made on.
 *
 *   2  `annotations: 'id, *pageKeys, modified, kind'`: records are `Annotation` (lib/annotations/types),
 *      after the W3C Web Annotation model, found under every address of their page (`pageKeys`).
 *      Upgrade: each v1 record becomes an Annotation with the same id (upgradeRecordV1): the passage
 *      becomes a TextQuoteSelector plus a TextPositionSelector (v1 kept no RangeSelector), an empty
 *      passage becomes a page note, pageKeys are computed from url and canonicalUrl, tags start empty,
 *      a colour outside HIGHLIGHT_COLOURS becomes DEFAULT_COLOUR, epoch milliseconds become ISO 8601.
 *      No record is dropped: a malformed one is mended with defaults, because a throw here would abort
 *      the upgrade and lock the reader out of every note.
 *
 *   3  The library: `articles: 'id, *pageKeys, savedAt, updatedAt, published, *collectionIds, *tags, outlet,
 *      lang'` (SavedArticle, lib/library/types), `articleVersions: 'id, articleId, savedAt'` (ArticleSnapshot),
 *      `clippings: 'id, collectionId, *pageKeys, created, *tags, annotationId'`, `collections: 'id, &nameKey'`
 *      (a Collection plus `nameKey`, its name lowercased and trimmed, so no two share a name whatever the
 *      case) and `settings: 'key'` ({key, value}: the collection clipped to last).
 *      Upgrade: none needed; annotations are not touched, the new tables start empty.
 *
 * A database a newer Scrutiny wrote (the reader went back to an older build) opens as it is: Dexie 4
 * opens it at its own version. Updates spread the stored record, so fields this version does not know
 * survive them.
 *
 * Adding version n+1: declare it below with its stores and an `.upgrade()` step written so it can never
 * throw on old data, describe it here, and add a test in tests/unit/store/schema.test.ts that fills a
 * version-n database (declared there with plain Dexie, as it was) and checks every record after the
 * upgrade. Never edit a released version's declaration or step.
 */
import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import { pageKeys } from '../annotations/page-keys';
import type { ArticleSnapshot, Clipping, Collection, SavedArticle } from '../library/types';
import {
  DEFAULT_COLOUR,
  HIGHLIGHT_COLOURS,
  type Annotation,
  type HighlightColour,
  type Selector,
} from '../annotations/types';

import { DATABASE_NAME } from './database-name';

export { DATABASE_NAME };

/** A record of schema version 1. All but the id optional: draft code wrote them, so the upgrade trusts none. */
export interface AnnotationRecordV1 {
  id: string;
  url?: string;
  canonicalUrl?: string | null;
  title?: string;
  /** The highlighted passage; empty for a note on the whole page. */
  exact?: string;
  prefix?: string;
  suffix?: string;
  /** Character offsets of the passage in the page's text. */
  start?: number;
  end?: number;
  note?: string;
  colour?: string;
  /** Milliseconds since 1970. */
  created?: number;
  modified?: number;
}

/** A collection as stored: with the key that keeps names unique regardless of case. */
export interface StoredCollection extends Collection {
  nameKey: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class ScrutinyDatabase extends Dexie {
  annotations!: Table<Annotation, string>;
  articles!: Table<SavedArticle, string>;
  articleVersions!: Table<ArticleSnapshot, string>;
  clippings!: Table<Clipping, string>;
  collections!: Table<StoredCollection, string>;
  settings!: Table<SettingRecord, string>;

  /** Tests pass their own `indexedDB` and `IDBKeyRange` (fake-indexeddb) through `options`. */
  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ annotations: 'id, url' });
    this.version(2).stores({ annotations: 'id, *pageKeys, modified, kind' }).upgrade(upgradeToVersion2);
    this.version(3).stores({
      articles: 'id, *pageKeys, savedAt, updatedAt, published, *collectionIds, *tags, outlet, lang',
      articleVersions: 'id, articleId, savedAt',
      clippings: 'id, collectionId, *pageKeys, created, *tags, annotationId',
      collections: 'id, &nameKey',
      settings: 'key',
    });
  }
}

/** The reader's database; Dexie opens it on first use. */
export function openAnnotationStore(name: string = DATABASE_NAME, options?: DexieOptions): ScrutinyDatabase {
  return new ScrutinyDatabase(name, options);
}

function upgradeToVersion2(transaction: Transaction): Promise<unknown> {
  const upgradedAt = new Date().toISOString();
  return transaction
    .table('annotations')
    .toCollection()
    .modify((record: AnnotationRecordV1, ref: { value: unknown }) => {
      ref.value = upgradeRecordV1(record, upgradedAt);
    });
}

/** A v1 record as an Annotation: same id, nothing of the reader's lost. */
export function upgradeRecordV1(record: AnnotationRecordV1, upgradedAt: string): Annotation {
  const url = text(record.url);
  const canonicalUrl = text(record.canonicalUrl) || null;
  const exact = text(record.exact);
  const created = isoTime(record.created) ?? isoTime(record.modified) ?? upgradedAt;
  const selector: Selector[] = [];
  if (exact) {
    const { start, end } = record;
    if (Number.isSafeInteger(start) && Number.isSafeInteger(end) && start! >= 0 && end! > start!) {
      selector.push({ type: 'TextPositionSelector', start: start!, end: end! });
    }
    selector.push({
      type: 'TextQuoteSelector',
      exact,
      prefix: text(record.prefix),
      suffix: text(record.suffix),
    });
  }
  return {
    id: record.id,
    kind: exact ? 'highlight' : 'page-note',
    target: { url, canonicalUrl, title: text(record.title), selector },
    body: { note: text(record.note), tags: [], colour: knownColour(record.colour) },
    pageKeys: pageKeys({ url, canonicalUrl }),
    created,
    modified: isoTime(record.modified) ?? created,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isoTime(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

function knownColour(value: unknown): HighlightColour {
  return HIGHLIGHT_COLOURS.find((colour) => colour === value) ?? DEFAULT_COLOUR;
}
