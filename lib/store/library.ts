/**
 * The reader's library in the database: saved articles with their snapshots, clippings, collections.
 * Every write is one IndexedDB transaction over every table it touches, so it happens whole or not at all;
 * every failure is a StoreError with a message for the reader. Deleting returns what was deleted, so the
 * caller can offer Undo with the records exactly as they were.
 */
import { pageKeys } from '../annotations/page-keys';
import type { Annotation, PassageSelectors } from '../annotations/types';
import { contentHash, type SnapshotInput } from '../library/snapshot';
import type {
  ArticleSnapshot,
  Clipping,
  ClippingCitation,
  Collection,
  LibrarySettings,
  SavedArticle,
} from '../library/types';
import { StoreError, toStoreError, type StoreAction } from './errors';
import type { ScrutinyDatabase, StoredCollection } from './schema';
import { checkId, checkNote, checkPassage, checkTags, MAX_PASSAGE_LENGTH } from './validate';

export type SaveStatus = 'created' | 'new-version' | 'unchanged';

export interface SaveOutcome {
  status: SaveStatus;
  article: SavedArticle;
  /** The newest snapshot: the one just written, or for `unchanged` the one already there. */
  version: ArticleSnapshot;
}

export interface DeletedArticles {
  articles: SavedArticle[];
  versions: ArticleSnapshot[];
  /** Always empty: clippings hold their own text and stay when their article goes. Kept for undo payloads. */
  clippings: Clipping[];
}

export interface DeletedCollection {
  collection: Collection;
  /** The collection's clippings, deleted with it. */
  clippings: Clipping[];
  /** Articles that were in it; they stay in the library and only leave the collection. */
  articleIds: string[];
  /**
   * After a merge: the collection its clippings and articles went to, and the articles that joined it only
   * through the merge, which undo takes out of it again.
   */
  mergedInto?: { collectionId: string; articleIds: string[] };
  /** It was the collection the next clipping would go into; undo makes it that again. */
  wasLastCollection?: boolean;
}

export interface ClippingInput {
  collectionId: string;
  text: string;
  selectors: PassageSelectors | null;
  citation: ClippingCitation;
  note?: string;
  tags?: readonly string[];
  annotationId?: string | null;
}

export interface LibraryCounts {
  articles: number;
  versions: number;
  clippings: number;
  collections: number;
  highlights: number;
  pageNotes: number;
}

/** Collection names are for people: a long one is refused rather than cut. */
export const MAX_COLLECTION_NAME_LENGTH = 200;
const LAST_COLLECTION = 'lastCollectionId';
const NOTHING_CHANGED = 'Nothing was changed.';

async function attempt<T>(action: StoreAction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error, action);
  }
}

const invalid = (message: string) => new StoreError('invalid', `${message} ${NOTHING_CHANGED}`);
const gone = (what: string) =>
  new StoreError(
    'not-found',
    `This ${what} is no longer there: it may have been deleted in another window. ${NOTHING_CHANGED}`,
  );

function checkIds(ids: readonly string[], what: string): string[] {
  if (!Array.isArray(ids)) throw invalid(`Scrutiny could not tell which ${what}s to change.`);
  return [...new Set(ids.map((id) => checkId(id, what)))];
}

/** Present records only: an id deleted in another window meanwhile is skipped, not an error. */
function present<T>(records: readonly (T | undefined)[]): T[] {
  return records.filter((record): record is T => record !== undefined);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown, maxLength = Infinity): value is string =>
  typeof value === 'string' && value.length <= maxLength;
const isStringOrNull = (value: unknown, maxLength = Infinity): value is string | null =>
  value === null || isString(value, maxLength);

/** Addresses longer than this are not web addresses anyone can open (as in lib/store/validate). */
const MAX_URL_LENGTH = 8192;
/** A citation's title comes from the page: a long one is cut rather than refused. */
const MAX_TITLE_LENGTH = 1000;

/**
 * What the panel hands to saveArticle, checked field by field: a damaged input is refused before anything
 * is written, so no saved article or snapshot ever has a field of the wrong kind.
 */
function checkSnapshotInput(input: unknown): SnapshotInput {
  const damaged = () => invalid('Scrutiny could not read this article, so it could not save it.');
  if (!isRecord(input) || !isRecord(input.byline)) throw damaged();
  const { url, canonicalUrl, title, lang, byline, html, text, wordCount, excerpt, analysis } = input;
  const { authors, outlet } = byline;
  if (
    !isString(url, MAX_URL_LENGTH) ||
    !isStringOrNull(canonicalUrl, MAX_URL_LENGTH) ||
    !isString(title) ||
    !isStringOrNull(lang) ||
    !isString(html) ||
    !isString(text) ||
    !isString(excerpt) ||
    typeof wordCount !== 'number' ||
    !Number.isFinite(wordCount) ||
    wordCount < 0 ||
    !(
      analysis === null ||
      (isRecord(analysis) && Array.isArray(analysis.quotes) && Array.isArray(analysis.sources))
    ) ||
    !Array.isArray(authors) ||
    !authors.every((author) => isRecord(author) && isString(author.name)) ||
    !(outlet === null || (isRecord(outlet) && isString(outlet.name))) ||
    !isStringOrNull(byline.published) ||
    !isStringOrNull(byline.modified)
  ) {
    throw damaged();
  }
  // Kept whole, title included: the panel compares its live page with the newest snapshot by contentHash.
  return input as unknown as SnapshotInput;
}

function checkCitation(citation: unknown): ClippingCitation {
  const damaged = () => invalid('Scrutiny could not tell where this passage comes from.');
  if (!isRecord(citation)) throw damaged();
  const { title, authors, outlet, published, url, accessed, lang } = citation;
  if (
    !isString(title) ||
    !Array.isArray(authors) ||
    !authors.every((author) => isString(author, MAX_TITLE_LENGTH)) ||
    !isStringOrNull(outlet, MAX_TITLE_LENGTH) ||
    !isStringOrNull(published, MAX_TITLE_LENGTH) ||
    !isString(url, MAX_URL_LENGTH) ||
    !isString(accessed) ||
    Number.isNaN(Date.parse(accessed)) ||
    !isStringOrNull(lang, MAX_TITLE_LENGTH)
  ) {
    throw damaged();
  }
  return {
    title: title.slice(0, MAX_TITLE_LENGTH),
    authors: [...authors],
    outlet,
    published,
    url,
    accessed: new Date(accessed).toISOString(),
    lang,
  };
}

function checkSelectors(selectors: unknown): PassageSelectors | null {
  if (selectors === null) return null;
  try {
    const [range, position, quote] = checkPassage(selectors);
    return { range, position, quote } as PassageSelectors;
  } catch {
    throw invalid('Scrutiny could not tell where this passage is in the page.');
  }
}

function nameKeyOf(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function checkCollectionName(name: unknown): string {
  if (typeof name !== 'string') throw invalid('Scrutiny could not read this collection name.');
  const cleaned = name.trim().replace(/\s+/g, ' ');
  if (!cleaned) throw invalid('A collection needs a name.');
  if (cleaned.length > MAX_COLLECTION_NAME_LENGTH)
    throw invalid(`A collection name can hold up to ${MAX_COLLECTION_NAME_LENGTH} characters.`);
  return cleaned;
}

function publicCollection(stored: StoredCollection): Collection {
  return { id: stored.id, name: stored.name, created: stored.created, modified: stored.modified };
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The summary fields of a saved article, from its newest snapshot. */
function summaryFrom(
  snapshot: ArticleSnapshot,
): Omit<SavedArticle, 'id' | 'pageKeys' | 'savedAt' | 'versionCount' | 'collectionIds' | 'tags'> {
  const quotes = snapshot.analysis?.quotes ?? [];
  return {
    url: snapshot.url,
    canonicalUrl: snapshot.canonicalUrl,
    title: snapshot.title,
    authors: snapshot.byline.authors.map((author) => author.name),
    outlet: snapshot.byline.outlet?.name ?? null,
    lang: snapshot.lang,
    published: snapshot.byline.published,
    modified: snapshot.byline.modified,
    updatedAt: snapshot.savedAt,
    latestVersionId: snapshot.id,
    speakers: uniqueSorted(
      quotes.filter((quote) => quote.speaker && !quote.anonymous).map((quote) => quote.speaker!),
    ),
    sourceKinds: uniqueSorted(
      (snapshot.analysis?.sources ?? []).map((source) => source.kind),
    ) as SavedArticle['sourceKinds'],
    wordCount: snapshot.wordCount,
    excerpt: snapshot.excerpt,
  };
}

function keysOf(input: Pick<SnapshotInput, 'url' | 'canonicalUrl'>): string[] {
  const keys = pageKeys({ url: input.url, canonicalUrl: input.canonicalUrl });
  if (keys.length === 0) throw invalid('Scrutiny can save only articles with a web address.');
  return keys;
}

/** The saved article filed under any of these page keys, or null. */
export function findSavedArticle(
  db: ScrutinyDatabase,
  keys: readonly string[],
): Promise<SavedArticle | null> {
  return attempt('load', async () => {
    const wanted = [...new Set(keys.filter((key) => typeof key === 'string' && key !== ''))];
    if (wanted.length === 0) return null;
    const found = await db.articles.where('pageKeys').anyOf(wanted).first();
    return found ?? null;
  });
}

/**
 * Saves the article: a new saved article, a new version of the saved one (its content changed), or
 * nothing at all (`unchanged`). Looking and writing share one transaction, so two windows saving the same
 * page at once end with one article and every distinct version.
 */
export function saveArticle(
  db: ScrutinyDatabase,
  input: SnapshotInput,
  now = new Date(),
): Promise<SaveOutcome> {
  return attempt('save', async () => {
    const checked = checkSnapshotInput(input);
    const keys = keysOf(checked);
    // Before the transaction: crypto.subtle's promise is not IndexedDB's, and awaiting it inside would let
    // the transaction commit early.
    const hash = await contentHash(checked);
    return db.transaction('rw', [db.articles, db.articleVersions], async () => {
      const existing = await db.articles.where('pageKeys').anyOf(keys).first();
      if (existing) {
        const newest = await db.articleVersions.get(existing.latestVersionId);
        if (newest && newest.contentHash === hash)
          return { status: 'unchanged' as const, article: existing, version: newest };
      }
      const savedAt = now.toISOString();
      const articleId = existing?.id ?? crypto.randomUUID();
      const version: ArticleSnapshot = {
        id: crypto.randomUUID(),
        articleId,
        savedAt,
        contentHash: hash,
        url: checked.url,
        canonicalUrl: checked.canonicalUrl,
        title: checked.title,
        lang: checked.lang,
        byline: checked.byline,
        html: checked.html,
        text: checked.text,
        wordCount: checked.wordCount,
        excerpt: checked.excerpt,
        analysis: checked.analysis,
      };
      const article: SavedArticle = {
        // Fields a newer Scrutiny wrote survive (lib/store/schema).
        ...existing,
        id: articleId,
        pageKeys: [...new Set([...(existing?.pageKeys ?? []), ...keys])],
        savedAt: existing?.savedAt ?? savedAt,
        versionCount: (existing?.versionCount ?? 0) + 1,
        collectionIds: existing?.collectionIds ?? [],
        tags: existing?.tags ?? [],
        ...summaryFrom(version),
      };
      await db.articleVersions.add(version);
      await db.articles.put(article);
      return { status: existing ? ('new-version' as const) : ('created' as const), article, version };
    });
  });
}

export function getSavedArticle(db: ScrutinyDatabase, id: string): Promise<SavedArticle | null> {
  return attempt('load', async () => (await db.articles.get(checkId(id, 'saved article'))) ?? null);
}

/** Every snapshot of the article, oldest first. */
export function listVersions(db: ScrutinyDatabase, articleId: string): Promise<ArticleSnapshot[]> {
  return attempt('load', async () => {
    const versions = await db.articleVersions
      .where('articleId')
      .equals(checkId(articleId, 'saved article'))
      .toArray();
    return versions.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
  });
}

export function getVersion(db: ScrutinyDatabase, id: string): Promise<ArticleSnapshot | null> {
  return attempt('load', async () => (await db.articleVersions.get(checkId(id, 'version'))) ?? null);
}

export function latestVersion(db: ScrutinyDatabase, articleId: string): Promise<ArticleSnapshot | null> {
  return attempt('load', async () => {
    const article = await db.articles.get(checkId(articleId, 'saved article'));
    return article ? ((await db.articleVersions.get(article.latestVersionId)) ?? null) : null;
  });
}

/**
 * A page of saved articles, newest first by the field asked for, read through its index. IndexedDB leaves
 * a record out of an index whose key is missing, so by `published` the articles without a date follow the
 * dated ones, newest saved first.
 */
export function listArticlesPage(
  db: ScrutinyDatabase,
  options: { sort: 'savedAt' | 'published' | 'updatedAt'; offset: number; limit: number },
): Promise<SavedArticle[]> {
  return attempt('load', async () => {
    const offset = Math.max(0, Math.floor(options.offset) || 0);
    const limit = Math.max(0, Math.floor(options.limit) || 0);
    if (limit === 0) return [];
    if (options.sort !== 'published')
      return db.articles.orderBy(options.sort).reverse().offset(offset).limit(limit).toArray();
    return db.transaction('r', db.articles, async () => {
      const dated = await db.articles.orderBy('published').count();
      const page =
        offset < dated
          ? await db.articles.orderBy('published').reverse().offset(offset).limit(limit).toArray()
          : [];
      if (page.length === limit) return page;
      const undated = await db.articles
        .orderBy('savedAt')
        .reverse()
        .filter((article) => typeof article.published !== 'string')
        .offset(Math.max(0, offset - dated))
        .limit(limit - page.length)
        .toArray();
      return [...page, ...undated];
    });
  });
}

export function countLibrary(db: ScrutinyDatabase): Promise<LibraryCounts> {
  return attempt('load', async () => {
    const tables = [db.articles, db.articleVersions, db.clippings, db.collections, db.annotations];
    // One read transaction: the counts agree with each other even while another window writes.
    const [articles, versions, clippings, collections, highlights, annotations] = await db.transaction(
      'r',
      tables,
      () =>
        Promise.all([
          db.articles.count(),
          db.articleVersions.count(),
          db.clippings.count(),
          db.collections.count(),
          db.annotations.where('kind').equals('highlight').count(),
          db.annotations.count(),
        ]),
    );
    return { articles, versions, clippings, collections, highlights, pageNotes: annotations - highlights };
  });
}

/** Deletes saved articles with all their versions. Clippings and highlights stay. */
export function deleteArticles(db: ScrutinyDatabase, ids: readonly string[]): Promise<DeletedArticles> {
  return attempt('delete', async () => {
    const wanted = checkIds(ids, 'saved article');
    return db.transaction('rw', [db.articles, db.articleVersions], async () => {
      const articles = present(await db.articles.bulkGet(wanted));
      const found = articles.map((article) => article.id);
      const versions = found.length ? await db.articleVersions.where('articleId').anyOf(found).toArray() : [];
      await db.articleVersions.bulkDelete(versions.map((version) => version.id));
      await db.articles.bulkDelete(found);
      return { articles, versions, clippings: [] };
    });
  });
}

/**
 * Undo of deleteArticles: the records come back exactly as they were. Refused, whole, when one of the pages
 * was saved again in the meantime: two saved articles for one page would hide each other.
 */
export function restoreArticles(db: ScrutinyDatabase, deleted: DeletedArticles): Promise<void> {
  return attempt('save', () =>
    db.transaction('rw', [db.articles, db.articleVersions, db.clippings], async () => {
      const returning = new Set(deleted.articles.map((article) => article.id));
      for (const article of deleted.articles) {
        const keys = article.pageKeys.filter((key) => typeof key === 'string' && key !== '');
        const other = keys.length
          ? await db.articles
              .where('pageKeys')
              .anyOf(keys)
              .filter((saved) => !returning.has(saved.id))
              .first()
          : undefined;
        if (other)
          throw invalid(
            `“${article.title}” was saved again after it was deleted, so the deleted copy cannot come back.`,
          );
      }
      await db.articleVersions.bulkPut(deleted.versions);
      await db.articles.bulkPut(deleted.articles);
      if (deleted.clippings.length) await db.clippings.bulkPut(deleted.clippings);
    }),
  );
}

/** Tags removed whatever their case, then added; `add` and `remove` were checked with checkTags. */
function editTags(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove.map((tag) => tag.toLowerCase()));
  return checkTags([...current.filter((tag) => !removed.has(tag.toLowerCase())), ...add]);
}

export function setArticleTags(
  db: ScrutinyDatabase,
  ids: readonly string[],
  add: readonly string[],
  remove: readonly string[] = [],
): Promise<SavedArticle[]> {
  return attempt('save', async () => {
    const wanted = checkIds(ids, 'saved article');
    const adding = checkTags(add);
    const removing = checkTags(remove);
    return db.transaction('rw', db.articles, async () => {
      const articles = present(await db.articles.bulkGet(wanted));
      const changed = articles.map((article) => ({
        ...article,
        tags: editTags(article.tags, adding, removing),
      }));
      await db.articles.bulkPut(changed);
      return changed;
    });
  });
}

function checkClippingText(text: unknown): string {
  if (typeof text !== 'string' || !text.trim()) throw invalid('A clipping needs some text.');
  if (text.length > MAX_PASSAGE_LENGTH)
    throw invalid(`A clipping can hold up to ${MAX_PASSAGE_LENGTH.toLocaleString('en-US')} characters.`);
  return text;
}

export function createClipping(
  db: ScrutinyDatabase,
  input: ClippingInput,
  now = new Date(),
): Promise<Clipping> {
  return attempt('save', async () => {
    if (!isRecord(input)) throw invalid('Scrutiny could not read this clipping.');
    const collectionId = checkId(input.collectionId, 'collection');
    const citation = checkCitation(input.citation);
    const time = now.toISOString();
    const clipping: Clipping = {
      id: crypto.randomUUID(),
      collectionId,
      text: checkClippingText(input.text),
      selectors: checkSelectors(input.selectors),
      citation,
      pageKeys: pageKeys({ url: citation.url, canonicalUrl: null }),
      note: checkNote(input.note ?? ''),
      tags: checkTags(input.tags ?? []),
      annotationId: input.annotationId ? checkId(input.annotationId, 'highlight') : null,
      created: time,
      modified: time,
    };
    return db.transaction('rw', [db.clippings, db.collections, db.settings], async () => {
      if (!(await db.collections.get(collectionId))) throw gone('collection');
      await db.clippings.add(clipping);
      await db.settings.put({ key: LAST_COLLECTION, value: collectionId });
      return clipping;
    });
  });
}

export function updateClipping(
  db: ScrutinyDatabase,
  id: string,
  changes: { note?: string; tags?: readonly string[] },
  now = new Date(),
): Promise<Clipping> {
  return attempt('save', async () => {
    const key = checkId(id, 'clipping');
    const note = changes.note === undefined ? undefined : checkNote(changes.note);
    const tags = changes.tags === undefined ? undefined : checkTags(changes.tags);
    return db.transaction('rw', db.clippings, async () => {
      const current = await db.clippings.get(key);
      if (!current) throw gone('clipping');
      const next: Clipping = {
        ...current,
        note: note ?? current.note,
        tags: tags ?? current.tags,
        modified: now.toISOString(),
      };
      await db.clippings.put(next);
      return next;
    });
  });
}

export function deleteClippings(db: ScrutinyDatabase, ids: readonly string[]): Promise<Clipping[]> {
  return attempt('delete', async () => {
    const wanted = checkIds(ids, 'clipping');
    return db.transaction('rw', db.clippings, async () => {
      const found = present(await db.clippings.bulkGet(wanted));
      await db.clippings.bulkDelete(found.map((clipping) => clipping.id));
      return found;
    });
  });
}

/**
 * Undo of deleteClippings: the records come back exactly as they were. Refused, whole, when a collection
 * they were in has been deleted since: a clipping outside every collection would be lost from view.
 */
export function restoreClippings(db: ScrutinyDatabase, clippings: readonly Clipping[]): Promise<void> {
  return attempt('save', () =>
    db.transaction('rw', [db.clippings, db.collections], async () => {
      const collectionIds = [...new Set(clippings.map((clipping) => clipping.collectionId))];
      const collections = await db.collections.bulkGet(collectionIds);
      if (collections.some((collection) => !collection)) throw gone('collection');
      await db.clippings.bulkPut([...clippings]);
    }),
  );
}

export function listClippingsForPage(db: ScrutinyDatabase, keys: readonly string[]): Promise<Clipping[]> {
  return attempt('load', async () => {
    const wanted = [...new Set(keys.filter(Boolean))];
    return wanted.length ? db.clippings.where('pageKeys').anyOf(wanted).distinct().toArray() : [];
  });
}

export function setClippingTags(
  db: ScrutinyDatabase,
  ids: readonly string[],
  add: readonly string[],
  remove: readonly string[] = [],
): Promise<Clipping[]> {
  return attempt('save', async () => {
    const wanted = checkIds(ids, 'clipping');
    const adding = checkTags(add);
    const removing = checkTags(remove);
    return db.transaction('rw', db.clippings, async () => {
      const found = present(await db.clippings.bulkGet(wanted));
      const changed = found.map((clipping) => ({
        ...clipping,
        tags: editTags(clipping.tags, adding, removing),
      }));
      await db.clippings.bulkPut(changed);
      return changed;
    });
  });
}

function duplicateName(name: string): StoreError {
  return invalid(`There is already a collection called “${name}”.`);
}

export function createCollection(db: ScrutinyDatabase, name: string, now = new Date()): Promise<Collection> {
  return attempt('save', async () => {
    const cleaned = checkCollectionName(name);
    const time = now.toISOString();
    const stored: StoredCollection = {
      id: crypto.randomUUID(),
      name: cleaned,
      nameKey: nameKeyOf(cleaned),
      created: time,
      modified: time,
    };
    return db.transaction('rw', db.collections, async () => {
      if (await db.collections.where('nameKey').equals(stored.nameKey).first()) throw duplicateName(cleaned);
      await db.collections.add(stored);
      return publicCollection(stored);
    });
  });
}

export function renameCollection(
  db: ScrutinyDatabase,
  id: string,
  name: string,
  now = new Date(),
): Promise<Collection> {
  return attempt('save', async () => {
    const key = checkId(id, 'collection');
    const cleaned = checkCollectionName(name);
    return db.transaction('rw', db.collections, async () => {
      const current = await db.collections.get(key);
      if (!current) throw gone('collection');
      const other = await db.collections.where('nameKey').equals(nameKeyOf(cleaned)).first();
      if (other && other.id !== key) throw duplicateName(cleaned);
      const next = {
        ...current,
        name: cleaned,
        nameKey: nameKeyOf(cleaned),
        modified: now.toISOString(),
      };
      await db.collections.put(next);
      return publicCollection(next);
    });
  });
}

export function listCollections(db: ScrutinyDatabase): Promise<Collection[]> {
  return attempt('load', async () =>
    (await db.collections.orderBy('nameKey').toArray()).map(publicCollection),
  );
}

/**
 * Deletes the collection, inside a transaction over collections, clippings, articles and settings. Without
 * `mergeInto` its clippings go with it; with it they move there, and its articles join that collection.
 */
async function removeCollection(
  db: ScrutinyDatabase,
  id: string,
  mergeInto: string | null,
): Promise<DeletedCollection> {
  const stored = await db.collections.get(id);
  if (!stored) throw gone('collection');
  const clippings = await db.clippings.where('collectionId').equals(id).toArray();
  const articles = await db.articles.where('collectionIds').equals(id).toArray();
  if (mergeInto) {
    await db.clippings.bulkPut(clippings.map((clipping) => ({ ...clipping, collectionId: mergeInto })));
  } else {
    await db.clippings.bulkDelete(clippings.map((clipping) => clipping.id));
  }
  await db.articles.bulkPut(
    articles.map((article) => ({
      ...article,
      collectionIds: [
        ...new Set([
          ...article.collectionIds.filter((other) => other !== id),
          ...(mergeInto ? [mergeInto] : []),
        ]),
      ],
    })),
  );
  await db.collections.delete(id);
  const last = await db.settings.get(LAST_COLLECTION);
  const wasLastCollection = last?.value === id;
  if (wasLastCollection) await db.settings.put({ key: LAST_COLLECTION, value: mergeInto });
  const deleted: DeletedCollection = {
    collection: publicCollection(stored),
    clippings,
    articleIds: articles.map((article) => article.id),
  };
  if (mergeInto) {
    deleted.mergedInto = {
      collectionId: mergeInto,
      articleIds: articles
        .filter((article) => !article.collectionIds.includes(mergeInto))
        .map((article) => article.id),
    };
  }
  if (wasLastCollection) deleted.wasLastCollection = true;
  return deleted;
}

/** Deletes the collection and its clippings; its articles stay in the library (and in other collections). */
export function deleteCollection(db: ScrutinyDatabase, id: string): Promise<DeletedCollection> {
  return attempt('delete', async () => {
    const key = checkId(id, 'collection');
    return db.transaction('rw', [db.collections, db.clippings, db.articles, db.settings], () =>
      removeCollection(db, key, null),
    );
  });
}

/**
 * Undo of deleteCollection or of one collection of a merge: the collection, its clippings as they were,
 * its articles' membership (and, after a merge, the articles that joined the target only through it leave
 * the target again). Articles deleted since stay deleted. Undo a merge's collections in any order.
 */
export function restoreCollection(db: ScrutinyDatabase, deleted: DeletedCollection): Promise<void> {
  return attempt('save', () =>
    db.transaction('rw', [db.collections, db.clippings, db.articles, db.settings], async () => {
      const { collection, mergedInto } = deleted;
      const clash = await db.collections.where('nameKey').equals(nameKeyOf(collection.name)).first();
      if (clash && clash.id !== collection.id) throw duplicateName(collection.name);
      await db.collections.put({ ...collection, nameKey: nameKeyOf(collection.name) });
      await db.clippings.bulkPut(deleted.clippings);
      const leaving = new Set(mergedInto?.articleIds ?? []);
      const articles = present(await db.articles.bulkGet(deleted.articleIds));
      await db.articles.bulkPut(
        articles.map((article) => ({
          ...article,
          collectionIds: [
            ...new Set([
              ...article.collectionIds.filter(
                (other) => !(leaving.has(article.id) && other === mergedInto?.collectionId),
              ),
              collection.id,
            ]),
          ],
        })),
      );
      if (deleted.wasLastCollection) await db.settings.put({ key: LAST_COLLECTION, value: collection.id });
    }),
  );
}

/**
 * Merges the sources into the target: their clippings move there, their articles join it, and the sources
 * are deleted. Returns one undo payload per source (restoreCollection).
 */
export function mergeCollections(
  db: ScrutinyDatabase,
  sourceIds: readonly string[],
  targetId: string,
): Promise<DeletedCollection[]> {
  return attempt('save', async () => {
    const target = checkId(targetId, 'collection');
    const sources = checkIds(sourceIds, 'collection').filter((id) => id !== target);
    return db.transaction('rw', [db.collections, db.clippings, db.articles, db.settings], async () => {
      if (!(await db.collections.get(target))) throw gone('collection');
      const deleted: DeletedCollection[] = [];
      for (const id of sources) deleted.push(await removeCollection(db, id, target));
      return deleted;
    });
  });
}

/**
 * Clippings move to `toId`; articles join it, and leave `fromId` when it is given (an article may be in
 * several collections, so without `fromId` this only adds).
 */
export function moveToCollection(
  db: ScrutinyDatabase,
  items: { articleIds?: readonly string[]; clippingIds?: readonly string[] },
  toId: string,
  fromId: string | null = null,
): Promise<void> {
  return attempt('save', async () => {
    const target = checkId(toId, 'collection');
    const from = fromId ? checkId(fromId, 'collection') : null;
    const articleIds = checkIds(items.articleIds ?? [], 'saved article');
    const clippingIds = checkIds(items.clippingIds ?? [], 'clipping');
    await db.transaction('rw', [db.collections, db.clippings, db.articles], async () => {
      if (!(await db.collections.get(target))) throw gone('collection');
      const clippings = present(await db.clippings.bulkGet(clippingIds));
      await db.clippings.bulkPut(clippings.map((clipping) => ({ ...clipping, collectionId: target })));
      const articles = present(await db.articles.bulkGet(articleIds));
      await db.articles.bulkPut(
        articles.map((article) => ({
          ...article,
          collectionIds: [...new Set([...article.collectionIds.filter((id) => id !== from), target])],
        })),
      );
    });
  });
}

export function addArticlesToCollection(
  db: ScrutinyDatabase,
  articleIds: readonly string[],
  collectionId: string,
): Promise<void> {
  return moveToCollection(db, { articleIds }, collectionId, null);
}

export function getLibrarySettings(db: ScrutinyDatabase): Promise<LibrarySettings> {
  return attempt('load', async () => {
    const last = await db.settings.get(LAST_COLLECTION);
    return { lastCollectionId: typeof last?.value === 'string' ? last.value : null };
  });
}

export function setLastCollection(db: ScrutinyDatabase, id: string | null): Promise<void> {
  return attempt('save', async () => {
    const value = id === null ? null : checkId(id, 'collection');
    await db.transaction('rw', db.settings, () => db.settings.put({ key: LAST_COLLECTION, value }));
  });
}

/** A clipping of a highlight the reader made earlier (Notes tab: "Add to collection"). */
export function clippingFromHighlight(
  annotation: Annotation,
  citation: Omit<ClippingCitation, 'accessed'> | null,
  collectionId: string,
  now = new Date(),
): ClippingInput {
  const quote = annotation.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
  const position = annotation.target.selector.find((selector) => selector.type === 'TextPositionSelector');
  const range = annotation.target.selector.find((selector) => selector.type === 'RangeSelector');
  const selectors = quote && position && range ? { quote, position, range } : null;
  return {
    collectionId,
    text: quote?.exact ?? annotation.body.note,
    selectors,
    citation: {
      title: citation?.title || annotation.target.title,
      authors: citation?.authors ?? [],
      outlet: citation?.outlet ?? null,
      published: citation?.published ?? null,
      url: citation?.url ?? annotation.target.canonicalUrl ?? annotation.target.url,
      lang: citation?.lang ?? null,
      accessed: now.toISOString(),
    },
    note: annotation.body.note,
    tags: annotation.body.tags,
    annotationId: annotation.id,
  };
}
