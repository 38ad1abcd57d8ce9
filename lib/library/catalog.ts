/**
 * Everything in the reader's library at once, searchable: saved articles, clippings, highlights and page
 * notes, loaded from the database, indexed (lib/library/search), filtered, sorted, and handed out a page of
 * rows at a time so a list of 100,000 items paints only what is on screen. The index is derived data:
 * rebuilt from the records, and brought up to date with each announced change (lib/library/sync).
 * The library page runs this in a worker, so building the index never holds the page.
 */
import type { Collection as DexieCollection, Table } from 'dexie';
import type { Annotation, HighlightColour } from '../annotations/types';
import type { ScrutinyDatabase } from '../store/schema';
import {
  annotationDocument,
  articleDocument,
  clippingDocument,
  LibraryIndex,
  snippet,
  type LibraryFacets as SearchFacets,
  type LibraryFilters,
  type LibraryItemKind,
  type LibrarySort,
  type SearchHit,
} from './search';
import { quoteOf } from '../annotations/selectors';
import { SharedValues } from './shared-values';
import type { LibraryChange } from './sync';
import type { ArticleSnapshot, Clipping, Collection, SavedArticle } from './types';

export interface LibraryQuery {
  text: string;
  filters: LibraryFilters;
  sort: LibrarySort;
}

/** One line of the library's list: what the reader sees of an item, without loading it whole. */
export interface LibraryRow {
  id: string;
  kind: LibraryItemKind;
  title: string;
  /** Outlet, authors and date for articles and clippings; the page's title for highlights and notes. */
  detail: string;
  /** The passage of a clipping or highlight, a page note's text, or an article's excerpt or matching lines. */
  excerpt: string;
  /** The reader's note on a clipping or highlight. */
  note: string;
  /** The query's words as they matched, for marking them. */
  terms: string[];
  /** When the reader saved, clipped or made it. */
  date: string;
  published: string | null;
  tags: string[];
  collectionIds: string[];
  /** The saved article this item opens in the reading view, when there is one. */
  articleId: string | null;
  url: string;
  colour: HighlightColour | null;
  versionCount: number;
}

export interface LibraryCounts {
  articles: number;
  clippings: number;
  highlights: number;
  notes: number;
  collections: number;
}

/** The search index's values for each filter, and the collections. */
export interface LibraryFacets extends SearchFacets {
  collections: Collection[];
}

/** How far opening the catalog got: records read from the database, then items indexed for search. */
export interface LoadProgress {
  phase: 'reading' | 'indexing';
  done: number;
  total: number;
}

export interface LoadOptions {
  onProgress?(progress: LoadProgress): void;
  /** Records read from the database per request. */
  readChunk?: number;
}

const EXCERPT_LENGTH = 220;

/**
 * What the list shows of a highlight or page note, and all the catalog keeps of one. The record's anchoring
 * data (range, position, the text around the passage) stays in the database, and the strings many notes
 * share (their page's address, title and keys) are held once: with 100,000 notes, whole records were
 * about half of the worker's heap, and collecting that heap took the cores the library page needed to
 * scroll (docs/benchmarks.md, "the catalog's heap").
 */
interface AnnotationEntry {
  id: string;
  kind: 'highlight' | 'note';
  title: string;
  url: string;
  canonicalUrl: string | null;
  /** The highlighted passage; null for a page note. */
  exact: string | null;
  note: string;
  tags: readonly string[];
  created: string;
  colour: HighlightColour | null;
  pageKeys: readonly string[];
}

/** Records read from the database per request while loading, unless told otherwise. */
const READ_CHUNK = 5_000;
/** Items indexed between two progress reports. */
const PROGRESS_EVERY = 5_000;

export class LibraryCatalog {
  private readonly articles = new Map<string, SavedArticle>();
  private readonly clippings = new Map<string, Clipping>();
  private readonly annotations = new Map<string, AnnotationEntry>();
  private shared = new SharedValues();
  private readonly collections = new Map<string, Collection>();
  /**
   * Text of each article's newest snapshot, for the lines around a search's matches. Kept, not read when
   * rows are asked for: reading 30 snapshots took half a second in the benchmark's library.
   */
  private readonly texts = new Map<string, string>();
  /** Page key → saved article id, to open a highlight's article. */
  private readonly articleByKey = new Map<string, string>();
  private index = LibraryIndex.build([]);
  private hits: SearchHit[] = [];
  private lastQuery: LibraryQuery = { text: '', filters: {}, sort: 'saved' };

  private constructor() {}

  static async load(db: ScrutinyDatabase, options: LoadOptions = {}): Promise<LibraryCatalog> {
    const catalog = new LibraryCatalog();
    await catalog.reloadAll(db, options);
    return catalog;
  }

  private async reloadAll(
    db: ScrutinyDatabase,
    { onProgress = () => undefined, readChunk = READ_CHUNK }: LoadOptions = {},
  ): Promise<void> {
    // One read transaction, so the catalog is one state of the database; read a chunk at a time, so the
    // reader can be told how far it got.
    const { articles, snapshots, clippings, annotations, collections } = await db.transaction(
      'r',
      [db.articles, db.articleVersions, db.clippings, db.annotations, db.collections],
      async () => {
        const total =
          (await db.articles.count()) + (await db.clippings.count()) + (await db.annotations.count());
        let done = 0;
        const counted = (count: number) => {
          done += count;
          onProgress({ phase: 'reading', done, total });
        };
        onProgress({ phase: 'reading', done, total });
        const snapshots = new Map<string, ArticleSnapshot>();
        const articles = await readInChunks(db.articles, readChunk, async (chunk) => {
          for (const [id, snapshot] of await latestSnapshots(db, chunk)) snapshots.set(id, snapshot);
          counted(chunk.length);
        });
        const clippings = await readInChunks(db.clippings, readChunk, (chunk) => counted(chunk.length));
        const annotations = await readInChunks(db.annotations, readChunk, (chunk) => counted(chunk.length));
        return { articles, snapshots, clippings, annotations, collections: await db.collections.toArray() };
      },
    );
    this.articles.clear();
    this.clippings.clear();
    this.annotations.clear();
    this.collections.clear();
    this.texts.clear();
    this.articleByKey.clear();
    this.shared = new SharedValues();
    for (const collection of collections) this.collections.set(collection.id, collection);
    for (const article of articles) this.putArticle(article, snapshots.get(article.id) ?? null, false);
    for (const clipping of clippings) this.clippings.set(clipping.id, clipping);
    for (const annotation of annotations) this.annotations.set(annotation.id, this.entryOf(annotation));
    // Indexed one item at a time (what LibraryIndex.build does too), to say how far it got.
    const index = LibraryIndex.build([]);
    const total = articles.length + clippings.length + annotations.length;
    let done = 0;
    onProgress({ phase: 'indexing', done, total });
    for (const document of this.documents(snapshots, annotations)) {
      index.upsert(document);
      if (++done % PROGRESS_EVERY === 0) onProgress({ phase: 'indexing', done, total });
    }
    onProgress({ phase: 'indexing', done: total, total });
    this.index = index;
    this.run();
  }

  private *documents(snapshots: Map<string, ArticleSnapshot>, annotations: readonly Annotation[]) {
    for (const article of this.articles.values())
      yield articleDocument(article, snapshots.get(article.id) ?? null);
    for (const clipping of this.clippings.values()) yield clippingDocument(clipping);
    for (const annotation of annotations)
      yield annotationDocument(annotation, this.articleFor(annotation.pageKeys));
  }

  private entryOf(annotation: Annotation): AnnotationEntry {
    return {
      id: annotation.id,
      kind: annotation.kind === 'highlight' ? 'highlight' : 'note',
      title: this.shared.string(annotation.target.title),
      url: this.shared.string(annotation.target.url),
      canonicalUrl:
        annotation.target.canonicalUrl === null ? null : this.shared.string(annotation.target.canonicalUrl),
      exact: quoteOf(annotation)?.exact ?? null,
      note: annotation.body.note,
      tags: this.shared.list(annotation.body.tags),
      created: annotation.created,
      colour: annotation.kind === 'highlight' ? annotation.body.colour : null,
      pageKeys: this.shared.list(annotation.pageKeys),
    };
  }

  private putArticle(article: SavedArticle, snapshot: ArticleSnapshot | null, index = true): void {
    const old = this.articles.get(article.id);
    for (const key of old?.pageKeys ?? []) this.articleByKey.delete(key);
    this.articles.set(article.id, article);
    for (const key of article.pageKeys) this.articleByKey.set(key, article.id);
    if (snapshot) this.texts.set(article.id, snapshot.text);
    if (index) this.index.upsert(articleDocument(article, snapshot));
  }

  private articleFor(keys: readonly string[]): SavedArticle | null {
    for (const key of keys) {
      const id = this.articleByKey.get(key);
      if (id) return this.articles.get(id) ?? null;
    }
    return null;
  }

  /**
   * Bring the catalog up to date with a change another page announced. Records named by id are read
   * again (or dropped when gone); a change without ids reloads its tables whole.
   */
  async refresh(db: ScrutinyDatabase, change: LibraryChange | null): Promise<void> {
    if (!change || change.ids.length === 0) return this.reloadAll(db);
    for (const table of change.tables) {
      if (table === 'collections') {
        this.collections.clear();
        for (const collection of await db.collections.toArray())
          this.collections.set(collection.id, collection);
      } else if (table === 'articles') {
        const found = await db.articles.bulkGet(change.ids);
        const snapshots = await latestSnapshots(
          db,
          found.filter((article): article is SavedArticle => Boolean(article)),
        );
        change.ids.forEach((id, at) => {
          const article = found[at];
          if (article) this.putArticle(article, snapshots.get(id) ?? null);
          else if (this.articles.has(id)) {
            for (const key of this.articles.get(id)!.pageKeys) this.articleByKey.delete(key);
            this.articles.delete(id);
            this.texts.delete(id);
            this.index.remove(id);
          }
        });
      } else if (table === 'clippings') {
        const found = await db.clippings.bulkGet(change.ids);
        change.ids.forEach((id, at) => {
          const clipping = found[at];
          if (clipping) {
            this.clippings.set(id, clipping);
            this.index.upsert(clippingDocument(clipping));
          } else if (this.clippings.delete(id)) this.index.remove(id);
        });
      } else if (table === 'annotations') {
        const found = await db.annotations.bulkGet(change.ids);
        change.ids.forEach((id, at) => {
          const annotation = found[at];
          if (annotation) {
            this.annotations.set(id, this.entryOf(annotation));
            this.index.upsert(annotationDocument(annotation, this.articleFor(annotation.pageKeys)));
          } else if (this.annotations.delete(id)) this.index.remove(id);
        });
      }
    }
    this.run();
  }

  /** Highlights and notes announced only by their pages' keys: read those pages' annotations again. */
  async refreshPages(db: ScrutinyDatabase, keys: readonly string[]): Promise<void> {
    const wanted = new Set(keys);
    const stale = [...this.annotations.values()].filter((annotation) =>
      annotation.pageKeys.some((key) => wanted.has(key)),
    );
    const fresh = keys.length
      ? await db.annotations
          .where('pageKeys')
          .anyOf([...wanted])
          .distinct()
          .toArray()
      : [];
    const ids = [...new Set([...stale.map((a) => a.id), ...fresh.map((a) => a.id)])];
    await this.refresh(db, { type: 'scrutiny/library-changed', tables: ['annotations'], ids, pageKeys: [] });
  }

  /** Run a query; the rows come from `rows`. Returns how many items match. */
  query(query: LibraryQuery): number {
    this.lastQuery = query;
    this.run();
    return this.hits.length;
  }

  private run(): void {
    const { text, filters, sort } = this.lastQuery;
    this.hits = this.index.search(text, filters, sort);
  }

  get total(): number {
    return this.hits.length;
  }

  /** Ids of the matching items from `offset`, for "select all" and bulk actions. */
  ids(offset = 0, limit = Infinity): { id: string; kind: LibraryItemKind }[] {
    return this.hits.slice(offset, offset + limit).map(({ id, kind }) => ({ id, kind }));
  }

  rows(offset: number, limit: number): LibraryRow[] {
    return this.hits
      .slice(Math.max(0, offset), Math.max(0, offset) + limit)
      .map((hit) => this.row(hit))
      .filter((row): row is LibraryRow => row !== null);
  }

  private row(hit: SearchHit): LibraryRow | null {
    switch (hit.kind) {
      case 'article': {
        const article = this.articles.get(hit.id);
        if (!article) return null;
        const text = this.texts.get(article.id) ?? '';
        return {
          id: article.id,
          kind: 'article',
          title: article.title || article.url,
          detail: describeSource(article.outlet, article.authors),
          excerpt: hit.terms.length && text ? snippet(text, hit.terms, EXCERPT_LENGTH) : article.excerpt,
          note: '',
          terms: hit.terms,
          date: article.updatedAt,
          published: article.published,
          tags: article.tags,
          collectionIds: article.collectionIds,
          articleId: article.id,
          url: article.canonicalUrl ?? article.url,
          colour: null,
          versionCount: article.versionCount,
        };
      }
      case 'clipping': {
        const clipping = this.clippings.get(hit.id);
        if (!clipping) return null;
        return {
          id: clipping.id,
          kind: 'clipping',
          title: clipping.citation.title || clipping.citation.url,
          detail: describeSource(clipping.citation.outlet, clipping.citation.authors),
          excerpt: clipping.text,
          note: clipping.note,
          terms: hit.terms,
          date: clipping.created,
          published: clipping.citation.published,
          tags: clipping.tags,
          collectionIds: [clipping.collectionId],
          articleId: this.articleFor(clipping.pageKeys)?.id ?? null,
          url: clipping.citation.url,
          colour: null,
          versionCount: 0,
        };
      }
      case 'highlight':
      case 'note': {
        const annotation = this.annotations.get(hit.id);
        if (!annotation) return null;
        const article = this.articleFor(annotation.pageKeys);
        return {
          id: annotation.id,
          kind: hit.kind,
          title: annotation.title || article?.title || annotation.url,
          detail: article ? describeSource(article.outlet, article.authors) : hostOf(annotation.url),
          excerpt: annotation.exact ?? annotation.note,
          note: annotation.exact === null ? '' : annotation.note,
          terms: hit.terms,
          date: annotation.created,
          published: article?.published ?? null,
          tags: [...annotation.tags],
          collectionIds: [],
          articleId: article?.id ?? null,
          url: annotation.canonicalUrl ?? annotation.url,
          colour: annotation.colour,
          versionCount: 0,
        };
      }
    }
  }

  facets(): LibraryFacets {
    const collections = [...this.collections.values()].sort((a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    );
    return { ...this.index.facets(), collections };
  }

  counts(): LibraryCounts {
    let highlights = 0;
    for (const annotation of this.annotations.values()) if (annotation.kind === 'highlight') highlights++;
    return {
      articles: this.articles.size,
      clippings: this.clippings.size,
      highlights,
      notes: this.annotations.size - highlights,
      collections: this.collections.size,
    };
  }

  /** How many items of each collection (articles and clippings). */
  collectionSizes(): Record<string, number> {
    const sizes: Record<string, number> = {};
    for (const article of this.articles.values())
      for (const id of article.collectionIds) sizes[id] = (sizes[id] ?? 0) + 1;
    for (const clipping of this.clippings.values())
      sizes[clipping.collectionId] = (sizes[clipping.collectionId] ?? 0) + 1;
    return sizes;
  }
}

/** A saved article as a row of the list; `excerpt` is its own unless a search found other lines. */
export function articleRow(
  article: SavedArticle,
  terms: string[] = [],
  excerpt = article.excerpt,
): LibraryRow {
  return {
    id: article.id,
    kind: 'article',
    title: article.title || article.url,
    detail: describeSource(article.outlet, article.authors),
    excerpt,
    note: '',
    terms,
    date: article.updatedAt,
    published: article.published,
    tags: article.tags,
    collectionIds: article.collectionIds,
    articleId: article.id,
    url: article.canonicalUrl ?? article.url,
    colour: null,
    versionCount: article.versionCount,
  };
}

/** Every record of a table in primary-key order, `chunkSize` at a time, each chunk handed to `onChunk`. */
async function readInChunks<T extends { id: string }>(
  table: Table<T, string>,
  chunkSize: number,
  onChunk: (chunk: T[]) => void | Promise<void>,
): Promise<T[]> {
  const all: T[] = [];
  let last: string | null = null;
  for (;;) {
    const from: DexieCollection<T, string> =
      last === null ? table.orderBy(':id') : table.where(':id').above(last);
    const chunk: T[] = await from.limit(chunkSize).toArray();
    for (const record of chunk) all.push(record);
    await onChunk(chunk);
    if (chunk.length < chunkSize) return all;
    last = chunk[chunk.length - 1]!.id;
  }
}

/** The newest snapshot of each article, read in one request. */
async function latestSnapshots(
  db: ScrutinyDatabase,
  articles: readonly SavedArticle[],
): Promise<Map<string, ArticleSnapshot>> {
  const snapshots = await db.articleVersions.bulkGet(articles.map((article) => article.latestVersionId));
  const byArticle = new Map<string, ArticleSnapshot>();
  for (const snapshot of snapshots) if (snapshot) byArticle.set(snapshot.articleId, snapshot);
  return byArticle;
}

function describeSource(outlet: string | null, authors: readonly string[]): string {
  return [outlet, authors.join(', ')].filter(Boolean).join(' · ');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
