/**
 * What an export covers, read from the database: the records of one scope (lib/export/types ExportScope)
 * as they are stored, in one read transaction so the export agrees with itself while another window
 * writes. The formats (lib/export) turn the result into files without touching the store.
 */
import type { Annotation } from '../annotations/types';
import type { ExportData, ExportScope } from '../export/types';
import type { Clipping, Collection, SavedArticle } from '../library/types';
import { toStoreError } from './errors';
import type { Collection as DexieCollection, Table } from 'dexie';
import type { ScrutinyDatabase, StoredCollection } from './schema';

const LAST_COLLECTION = 'lastCollectionId';

function publicCollection({ id, name, created, modified }: StoredCollection): Collection {
  return { id, name, created, modified };
}

function uniqueById<T extends { id: string }>(records: Iterable<T | undefined>): T[] {
  const found = new Map<string, T>();
  for (const record of records) if (record && !found.has(record.id)) found.set(record.id, record);
  return [...found.values()];
}

function usableKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((key) => typeof key === 'string' && key !== ''))];
}

/**
 * The records of the scope. Every scope brings the snapshots of its articles, the highlights and notes
 * made on them, and the collections its articles and clippings belong to (so names can be shown);
 * only "everything" brings the settings. Records come in the store's order (for "everything", by id); each
 * format puts them in its own fixed order (lib/export), so the same library gives the same export, and
 * a backup, sorted by id, finds them sorted already.
 */
export async function readExportData(
  db: ScrutinyDatabase,
  scope: ExportScope,
  /** Called as records are read, with the share read so far (0 to 1); "everything" only. */
  onProgress?: (done: number) => void,
): Promise<ExportData> {
  try {
    const tables = [
      db.articles,
      db.articleVersions,
      db.annotations,
      db.clippings,
      db.collections,
      db.settings,
    ];
    return await db.transaction('r', tables, () => readScope(db, scope, onProgress));
  } catch (error) {
    throw toStoreError(error, 'load');
  }
}

/**
 * Records read at once: small enough that progress moves several times a second (500 notes or 20 saved
 * copies take 30–60 ms to read in Chromium), large enough that reading stays fast.
 */
const READ_BATCH = { small: 500, versions: 20 } as const;
/** Keys read at once while counting: a key costs a tenth of a record, so these take about as long. */
const COUNT_BATCH = 10_000;
/** The share of the reading progress given to counting the records (whose total is not known yet). */
const COUNT_SHARE = 0.05;

interface ReadProgress {
  read: number;
  total: number;
  onProgress?: (done: number) => void;
}

/**
 * How many records the tables hold, counted by reading their keys in batches. IndexedDB's own count()
 * is one request that walks the whole table (about half a second for 100,000 notes in Chromium) with no
 * progress; reading the keys costs about the same and lets the bar creep meanwhile.
 */
async function countInBatches(
  tables: readonly Table<unknown, string>[],
  onProgress?: (done: number) => void,
): Promise<number> {
  let total = 0;
  let batches = 0;
  for (const table of tables) {
    let last: string | null = null;
    for (;;) {
      const keys: string[] = await pageAfter(table, last, COUNT_BATCH).primaryKeys();
      total += keys.length;
      batches++;
      // The total is unknown until the last batch: the bar creeps towards COUNT_SHARE.
      onProgress?.(COUNT_SHARE * (1 - 1 / (1 + batches)));
      if (keys.length < COUNT_BATCH) break;
      last = keys.at(-1)!;
    }
  }
  return total;
}

/**
 * Every record of the tables, read in batches by primary key (within the caller's transaction, so the
 * batches agree with each other), reporting the share of `total` read after each batch.
 */
async function readInBatches<T extends { id: string }>(
  table: Table<T, string>,
  batch: number,
  counted: ReadProgress,
): Promise<T[]> {
  const records: T[] = [];
  let last: string | null = null;
  for (;;) {
    const page: T[] = await pageAfter(table, last, batch).toArray();
    for (const record of page) records.push(record);
    counted.read += page.length;
    const share = counted.total ? Math.min(1, counted.read / counted.total) : 1;
    counted.onProgress?.(COUNT_SHARE + (1 - COUNT_SHARE) * share);
    if (page.length < batch) return records;
    last = page.at(-1)!.id;
  }
}

/** The next `size` records of a table by primary key, after the key `last` (from the start if null). */
function pageAfter<T>(
  table: Table<T, string>,
  last: string | null,
  size: number,
): DexieCollection<T, string> {
  return (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(size);
}

async function readScope(
  db: ScrutinyDatabase,
  scope: ExportScope,
  onProgress?: (done: number) => void,
): Promise<ExportData> {
  if (scope.kind === 'everything') {
    const tables = [db.articles, db.articleVersions, db.annotations, db.clippings, db.collections];
    // Counting only serves the progress bar (importing and previewing read without one).
    const total = onProgress ? await countInBatches(tables, onProgress) : 0;
    const counted: ReadProgress = { read: 0, total, onProgress };
    const articles = await readInBatches(db.articles, READ_BATCH.small, counted);
    const versions = await readInBatches(db.articleVersions, READ_BATCH.versions, counted);
    const annotations = await readInBatches(db.annotations, READ_BATCH.small, counted);
    const clippings = await readInBatches(db.clippings, READ_BATCH.small, counted);
    const collections = await readInBatches(db.collections, READ_BATCH.small, counted);
    const last = await db.settings.get(LAST_COLLECTION);
    return {
      articles,
      versions,
      annotations,
      clippings,
      collections: collections.map(publicCollection),
      settings: { lastCollectionId: typeof last?.value === 'string' ? last.value : null },
    };
  }

  let articles: SavedArticle[] = [];
  let clippings: Clipping[] = [];
  let annotations: Annotation[] = [];
  switch (scope.kind) {
    case 'article':
      articles = uniqueById([await db.articles.get(scope.articleId)]);
      clippings = await clippingsOfPages(
        db,
        articles.flatMap((article) => article.pageKeys),
      );
      break;
    case 'page':
      annotations = await annotationsOfPages(db, scope.pageKeys);
      clippings = await clippingsOfPages(db, scope.pageKeys);
      break;
    case 'collection':
      articles = await db.articles.where('collectionIds').equals(scope.collectionId).toArray();
      clippings = await db.clippings.where('collectionId').equals(scope.collectionId).toArray();
      break;
    case 'tag': {
      // Without regard to case, as the library's tag filter compares them.
      const tag = scope.tag.toLowerCase();
      articles = await db.articles.where('tags').equalsIgnoreCase(scope.tag).distinct().toArray();
      clippings = await db.clippings.where('tags').equalsIgnoreCase(scope.tag).distinct().toArray();
      // Annotations have no tag index: a tagged note on an article outside the scope is found by reading.
      annotations = await db.annotations
        .filter((annotation) => annotation.body.tags.some((other) => other.toLowerCase() === tag))
        .toArray();
      break;
    }
    case 'items': {
      const ids = [...new Set(scope.ids)];
      [articles, clippings, annotations] = await Promise.all([
        db.articles.bulkGet(ids).then(uniqueById),
        db.clippings.bulkGet(ids).then(uniqueById),
        db.annotations.bulkGet(ids).then(uniqueById),
      ]);
      break;
    }
  }

  const articleIds = articles.map((article) => article.id);
  const [versions, onArticles] = await Promise.all([
    articleIds.length ? db.articleVersions.where('articleId').anyOf(articleIds).toArray() : [],
    annotationsOfPages(
      db,
      articles.flatMap((article) => article.pageKeys),
    ),
  ]);
  const collectionIds = [
    ...new Set([
      ...articles.flatMap((article) => article.collectionIds),
      ...clippings.map((clipping) => clipping.collectionId),
    ]),
  ];
  const collections = uniqueById(await db.collections.bulkGet(collectionIds)).map(publicCollection);
  return {
    articles,
    versions,
    annotations: uniqueById([...annotations, ...onArticles]),
    clippings,
    collections,
    settings: null,
  };
}

function annotationsOfPages(db: ScrutinyDatabase, keys: readonly string[]): Promise<Annotation[]> {
  const wanted = usableKeys(keys);
  return wanted.length
    ? db.annotations.where('pageKeys').anyOf(wanted).distinct().toArray()
    : Promise.resolve([]);
}

function clippingsOfPages(db: ScrutinyDatabase, keys: readonly string[]): Promise<Clipping[]> {
  const wanted = usableKeys(keys);
  return wanted.length
    ? db.clippings.where('pageKeys').anyOf(wanted).distinct().toArray()
    : Promise.resolve([]);
}
