/** Saved articles, versions, clippings and collections in a real (fake-indexeddb) database. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SnapshotInput } from '../../../lib/library/snapshot';
import { articleInput as input, citation } from '../helpers/library';
import {
  addArticlesToCollection,
  clippingFromHighlight,
  countLibrary,
  createClipping,
  createCollection,
  createHighlight,
  deleteArticles,
  deleteClippings,
  deleteCollection,
  findSavedArticle,
  getLibrarySettings,
  getSavedArticle,
  getVersion,
  latestVersion,
  listArticlesPage,
  listClippingsForPage,
  listCollections,
  listVersions,
  mergeCollections,
  moveToCollection,
  renameCollection,
  restoreArticles,
  restoreClippings,
  restoreCollection,
  saveArticle,
  savePageNote,
  ScrutinyDatabase,
  setArticleTags,
  setClippingTags,
  setLastCollection,
  StoreError,
  updateClipping,
} from '../../../lib/store';
import { pageKeys } from '../../../lib/annotations/page-keys';
import { article as annotatedPage, fakeIndexedDB, fillTheDisk, freshDatabase, passage } from './database';

let db: ScrutinyDatabase;
afterEach(() => {
  db?.close();
  vi.restoreAllMocks();
});

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('saved articles', () => {
  it('saves once, adds a version when the text changes, and nothing when it does not', async () => {
    db = freshDatabase();
    const first = await saveArticle(db, input(), new Date('2026-12-01T10:00:00Z'));
    expect(first.status).toBe('created');
    expect(first.article).toMatchObject({
      title: 'Harbor bridge to close',
      authors: ['Jane Doe'],
      outlet: 'Harbor Daily',
      speakers: ['Ana Ruiz'],
      sourceKinds: ['official'],
      versionCount: 1,
      savedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(first.article.pageKeys).toEqual(expect.arrayContaining(pageKeys(input())));

    // Whitespace is no change.
    const again = await saveArticle(db, input({ text: 'The council  voted.\n\nA ferry\nwill run.' }));
    expect(again.status).toBe('unchanged');
    expect(await db.articleVersions.count()).toBe(1);

    const edited = await saveArticle(
      db,
      input({ text: 'The council voted on Tuesday.\n\nA ferry will run.' }),
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(edited.status).toBe('new-version');
    expect(edited.article).toMatchObject({
      id: first.article.id,
      versionCount: 2,
      savedAt: first.article.savedAt,
    });
    const versions = await listVersions(db, first.article.id);
    expect(versions.map((version) => version.text)).toEqual([
      input().text,
      'The council voted on Tuesday.\n\nA ferry will run.',
    ]);
    expect((await latestVersion(db, first.article.id))?.id).toBe(edited.version.id);
    // The same article under another of its addresses.
    expect(
      (await findSavedArticle(db, pageKeys({ url: 'http://www.harbor.example/story/', canonicalUrl: null })))
        ?.id,
    ).toBe(first.article.id);
  });

  it('loses nothing when two windows save the same page at once', async () => {
    const environment = fakeIndexedDB();
    db = new ScrutinyDatabase('scrutiny', environment);
    const other = new ScrutinyDatabase('scrutiny', environment);
    const [a, b] = await Promise.all([
      saveArticle(db, input({ text: 'Version A.' })),
      saveArticle(other, input({ text: 'Version B.' })),
    ]);
    other.close();
    expect(await db.articles.count()).toBe(1);
    expect(await db.articleVersions.count()).toBe(2);
    expect(new Set([a.status, b.status])).toEqual(new Set(['created', 'new-version']));
    const [saved] = await db.articles.toArray();
    expect(saved!.versionCount).toBe(2);
  });

  it('writes nothing when the disk is full, and says so', async () => {
    db = freshDatabase();
    await fillTheDisk(db);
    const error = await failure(saveArticle(db, input()));
    expect(error.failure).toBe('disk-full');
    vi.restoreAllMocks();
    expect(await db.articles.count()).toBe(0);
    expect(await db.articleVersions.count()).toBe(0);
  });

  it('deletes articles with their versions, keeps clippings, and undoes exactly', async () => {
    db = freshDatabase();
    const saved = await saveArticle(db, input());
    await saveArticle(db, input({ text: 'Changed.' }));
    const collection = await createCollection(db, 'Harbor');
    await createClipping(db, {
      collectionId: collection.id,
      text: 'A ferry will run',
      selectors: null,
      citation,
    });
    const before = await db.articles.toArray();
    const deleted = await deleteArticles(db, [saved.article.id]);
    expect(deleted.versions).toHaveLength(2);
    expect(await db.articles.count()).toBe(0);
    expect(await db.articleVersions.count()).toBe(0);
    expect(await db.clippings.count()).toBe(1);
    await restoreArticles(db, deleted);
    expect(await db.articles.toArray()).toEqual(before);
    expect(await db.articleVersions.count()).toBe(2);
  });

  it('pages articles newest first and counts everything', async () => {
    db = freshDatabase();
    for (let day = 1; day <= 5; day++)
      await saveArticle(
        db,
        input({ url: `https://harbor.example/${day}`, canonicalUrl: null }),
        new Date(Date.UTC(2026, 11, day)),
      );
    const page = await listArticlesPage(db, { sort: 'savedAt', offset: 1, limit: 2 });
    expect(page.map((article) => article.url)).toEqual([
      'https://harbor.example/4',
      'https://harbor.example/3',
    ]);
    await createHighlight(db, { page: annotatedPage, selectors: passage('water plan', 3) });
    expect(await countLibrary(db)).toEqual({
      articles: 5,
      versions: 5,
      clippings: 0,
      collections: 0,
      highlights: 1,
      pageNotes: 0,
    });
  });

  it('tags articles, and takes tags off again', async () => {
    db = freshDatabase();
    const { article } = await saveArticle(db, input());
    const [tagged] = await setArticleTags(db, [article.id], ['bridge', ' Bridge ', 'budget']);
    expect(tagged!.tags).toEqual(['bridge', 'budget']);
    const [untagged] = await setArticleTags(db, [article.id], [], ['BRIDGE']);
    expect(untagged!.tags).toEqual(['budget']);
  });
});

describe('collections and clippings', () => {
  it('keeps names unique whatever their case, and renames', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, '  Harbor   research ');
    expect(harbor.name).toBe('Harbor research');
    expect((await failure(createCollection(db, 'harbor RESEARCH'))).message).toContain(
      'already a collection',
    );
    await createCollection(db, 'Budget');
    expect((await failure(renameCollection(db, harbor.id, 'budget'))).failure).toBe('invalid');
    await renameCollection(db, harbor.id, 'Harbour');
    expect((await listCollections(db)).map((collection) => collection.name)).toEqual(['Budget', 'Harbour']);
    expect((await failure(createCollection(db, ' '))).failure).toBe('invalid');
  });

  it('clips into a collection, remembers it as the last one, and edits the note and tags', async () => {
    db = freshDatabase();
    const collection = await createCollection(db, 'Harbor');
    const clipping = await createClipping(db, {
      collectionId: collection.id,
      text: 'A ferry will run',
      selectors: passage('A ferry will run', 20),
      citation,
      note: 'Check it',
      tags: ['ferry'],
    });
    expect((await getLibrarySettings(db)).lastCollectionId).toBe(collection.id);
    expect(
      (
        await listClippingsForPage(
          db,
          pageKeys({ url: 'https://harbor.example/story?utm_medium=x', canonicalUrl: null }),
        )
      ).map((c) => c.id),
    ).toEqual([clipping.id]);
    const edited = await updateClipping(db, clipping.id, { note: 'Checked', tags: ['ferry', 'timetable'] });
    expect(edited).toMatchObject({ note: 'Checked', tags: ['ferry', 'timetable'], citation });
    const [retagged] = await setClippingTags(db, [clipping.id], [], ['ferry']);
    expect(retagged!.tags).toEqual(['timetable']);
    const removed = await deleteClippings(db, [clipping.id]);
    expect(await db.clippings.count()).toBe(0);
    await restoreClippings(db, removed);
    expect(await db.clippings.get(clipping.id)).toEqual(retagged);
    // A clipping needs a collection that exists, and text.
    expect(
      (
        await failure(
          createClipping(db, { collectionId: crypto.randomUUID(), text: 'x', selectors: null, citation }),
        )
      ).failure,
    ).toBe('not-found');
    expect(
      (
        await failure(
          createClipping(db, { collectionId: collection.id, text: '  ', selectors: null, citation }),
        )
      ).failure,
    ).toBe('invalid');
  });

  it('deletes a collection with its clippings, never its articles, even those in other collections', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const budget = await createCollection(db, 'Budget');
    const only = await saveArticle(db, input({ url: 'https://harbor.example/a', canonicalUrl: null }));
    const both = await saveArticle(db, input({ url: 'https://harbor.example/b', canonicalUrl: null }));
    await moveToCollection(db, { articleIds: [only.article.id, both.article.id] }, harbor.id);
    await moveToCollection(db, { articleIds: [both.article.id] }, budget.id);
    await createClipping(db, { collectionId: harbor.id, text: 'A ferry', selectors: null, citation });
    const before = { articles: await db.articles.toArray(), clippings: await db.clippings.toArray() };

    const deleted = await deleteCollection(db, harbor.id);
    expect(deleted.clippings).toHaveLength(1);
    expect(deleted.articleIds.sort()).toEqual([only.article.id, both.article.id].sort());
    expect(await db.articles.count()).toBe(2);
    expect((await db.articles.get(both.article.id))!.collectionIds).toEqual([budget.id]);
    expect((await db.articles.get(only.article.id))!.collectionIds).toEqual([]);
    expect(await db.clippings.count()).toBe(0);
    expect((await getLibrarySettings(db)).lastCollectionId).toBeNull();

    await restoreCollection(db, deleted);
    expect((await db.articles.toArray()).map((article) => [...article.collectionIds].sort())).toEqual(
      before.articles.map((article) => [...article.collectionIds].sort()),
    );
    expect(await db.clippings.toArray()).toEqual(before.clippings);
  });

  it('merges collections into one, with undo', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const ferry = await createCollection(db, 'Ferry');
    const { article } = await saveArticle(db, input());
    await moveToCollection(db, { articleIds: [article.id] }, ferry.id);
    const clip = await createClipping(db, {
      collectionId: ferry.id,
      text: 'A ferry',
      selectors: null,
      citation,
    });
    const deleted = await mergeCollections(db, [ferry.id], harbor.id);
    expect((await listCollections(db)).map((collection) => collection.name)).toEqual(['Harbor']);
    expect((await db.clippings.get(clip.id))!.collectionId).toBe(harbor.id);
    expect((await db.articles.get(article.id))!.collectionIds).toEqual([harbor.id]);
    for (const collection of deleted) await restoreCollection(db, collection);
    expect((await db.clippings.get(clip.id))!.collectionId).toBe(ferry.id);
    expect((await listCollections(db)).map((collection) => collection.name)).toEqual(['Ferry', 'Harbor']);
  });

  it('moves items between collections, all or nothing', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const clip = await createClipping(db, {
      collectionId: harbor.id,
      text: 'A ferry',
      selectors: null,
      citation,
    });
    expect(
      (await failure(moveToCollection(db, { clippingIds: [clip.id] }, crypto.randomUUID()))).failure,
    ).toBe('not-found');
    expect((await db.clippings.get(clip.id))!.collectionId).toBe(harbor.id);
  });

  it('makes a clipping of a highlight, with its passage, note, tags and citation', async () => {
    db = freshDatabase();
    const highlight = await createHighlight(db, {
      page: annotatedPage,
      selectors: passage('the water plan', 12),
      note: 'Costs?',
      tags: ['budget'],
    });
    const harbor = await createCollection(db, 'Harbor');
    const clippingInput = clippingFromHighlight(highlight, null, harbor.id, new Date('2026-12-04T10:00:00Z'));
    expect(clippingInput).toMatchObject({
      text: 'the water plan',
      note: 'Costs?',
      tags: ['budget'],
      annotationId: highlight.id,
      citation: {
        title: annotatedPage.title,
        url: annotatedPage.canonicalUrl,
        accessed: '2026-12-04T10:00:00.000Z',
      },
    });
    expect(clippingInput.selectors?.quote.exact).toBe('the water plan');
    const clipping = await createClipping(db, clippingInput);
    expect(clipping.annotationId).toBe(highlight.id);
  });
});

/**
 * The next record written to `storeName` is written and then refused for want of space, while the other
 * tables take theirs: a disk that fills up in the middle of a transaction. Only the one write fails, as
 * fake-indexeddb's rollback writes the old records back through the same function.
 */
async function fillTheDiskAt(db: ScrutinyDatabase, storeName: string): Promise<void> {
  await db.open();
  const store = db.backendDB().transaction('articles', 'readonly').objectStore('articles');
  const rawStore = (store as unknown as { _rawObjectStore: object })._rawObjectStore;
  const prototype = Object.getPrototypeOf(rawStore) as { storeRecord(...args: unknown[]): unknown };
  const storeRecord = prototype.storeRecord;
  let full = true;
  vi.spyOn(prototype, 'storeRecord').mockImplementation(function (this: { name: string }, ...args) {
    const stored = storeRecord.apply(this, args);
    if (full && this.name === storeName) {
      full = false;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return stored;
  });
}

/** Every record of every table, to compare a whole database before and after. */
async function everything(database: ScrutinyDatabase) {
  const byId = <T extends { id: string }>(records: T[]) => records.sort((a, b) => a.id.localeCompare(b.id));
  return {
    annotations: byId(await database.annotations.toArray()),
    articles: byId(await database.articles.toArray()),
    versions: byId(await database.articleVersions.toArray()),
    clippings: byId(await database.clippings.toArray()),
    collections: byId(await database.collections.toArray()),
    settings: await database.settings.toArray(),
  };
}

const day = (n: number) => new Date(Date.UTC(2026, 11, n, 10));
const storyAt = (path: string, change: Partial<SnapshotInput> = {}) =>
  input({ url: `https://harbor.example/${path}`, canonicalUrl: null, ...change });

describe('saving an article, in detail', () => {
  it('keeps every version in the order it was saved, and finds each', async () => {
    db = freshDatabase();
    const texts = ['First.', 'Second.', 'Third.', 'Fourth.'];
    // Saved out of clock order on purpose: the versions are ordered by when they were saved.
    const days = [3, 5, 9, 12];
    const outcomes = [];
    for (const [i, text] of texts.entries())
      outcomes.push(await saveArticle(db, input({ text }), day(days[i]!)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'created',
      'new-version',
      'new-version',
      'new-version',
    ]);
    const id = outcomes[0]!.article.id;
    const versions = await listVersions(db, id);
    expect(versions.map((version) => version.text)).toEqual(texts);
    expect(versions.map((version) => version.savedAt)).toEqual(days.map((n) => day(n).toISOString()));
    expect(versions.every((version) => version.articleId === id)).toBe(true);
    expect(await getVersion(db, outcomes[1]!.version.id)).toEqual(outcomes[1]!.version);
    expect(await latestVersion(db, id)).toEqual(outcomes[3]!.version);
    expect(await getSavedArticle(db, id)).toEqual(outcomes[3]!.article);
    expect(outcomes[3]!.article).toMatchObject({
      savedAt: day(3).toISOString(),
      updatedAt: day(12).toISOString(),
      latestVersionId: outcomes[3]!.version.id,
      versionCount: 4,
    });
    expect(await getSavedArticle(db, crypto.randomUUID())).toBeNull();
    expect(await getVersion(db, crypto.randomUUID())).toBeNull();
    expect(await latestVersion(db, crypto.randomUUID())).toBeNull();
    expect(await listVersions(db, crypto.randomUUID())).toEqual([]);
    const error = await failure(getSavedArticle(db, 'not-an-id'));
    expect(error.failure).toBe('invalid');
    expect(error.message).toBe(
      'Scrutiny could not find this saved article, because its id is not valid. Nothing was changed.',
    );
  });

  it('writes nothing at all when the content is unchanged', async () => {
    db = freshDatabase();
    const first = await saveArticle(db, input(), day(1));
    const before = await everything(db);
    const again = await saveArticle(
      db,
      input({ html: '<p>Other markup</p>', excerpt: 'Other', title: ' Harbor  bridge to close ' }),
      day(2),
    );
    expect(again).toEqual({ status: 'unchanged', article: first.article, version: first.version });
    expect(await everything(db)).toEqual(before);
  });

  it('sums up the newest version: speakers (named ones, once), kinds of source, byline, keys of every address', async () => {
    db = freshDatabase();
    const analysis = input().analysis!;
    const quote = analysis.quotes[0]!;
    await saveArticle(db, input({ url: 'https://harbor.example/print/story' }), day(1));
    const second = await saveArticle(
      db,
      input({
        url: 'https://harbor.example/amp/story',
        title: 'Harbor bridge closes',
        lang: 'en-GB',
        byline: { ...input().byline, outlet: null, modified: '2026-03-04T09:00:00Z' },
        wordCount: 9,
        excerpt: 'Closed.',
        analysis: {
          ...analysis,
          quotes: [
            quote,
            { ...quote, speaker: 'Ben Okafor' },
            { ...quote, speaker: 'Ana Ruiz' },
            { ...quote, speaker: 'a senior official', anonymous: true },
            { ...quote, speaker: null },
          ],
          sources: [
            { name: 'AP', kind: 'wire', mentions: 1, url: null, places: [] },
            { name: 'transit agency', kind: 'official', mentions: 2, url: null, places: [] },
            { name: 'council', kind: 'official', mentions: 1, url: null, places: [] },
          ],
        },
      }),
      day(2),
    );
    expect(second.status).toBe('new-version');
    expect(second.article).toMatchObject({
      url: 'https://harbor.example/amp/story',
      canonicalUrl: 'https://harbor.example/story',
      title: 'Harbor bridge closes',
      authors: ['Jane Doe'],
      outlet: null,
      lang: 'en-GB',
      published: '2026-03-03T16:12:00Z',
      modified: '2026-03-04T09:00:00Z',
      speakers: ['Ana Ruiz', 'Ben Okafor'],
      sourceKinds: ['official', 'wire'],
      wordCount: 9,
      excerpt: 'Closed.',
    });
    // The keys of the first address stay beside those of the second.
    const keys = new Set([
      ...pageKeys({ url: 'https://harbor.example/print/story', canonicalUrl: input().canonicalUrl }),
      ...pageKeys({ url: 'https://harbor.example/amp/story', canonicalUrl: 'https://harbor.example/story' }),
    ]);
    expect(new Set(second.article.pageKeys)).toEqual(keys);
    expect(await db.articles.count()).toBe(1);
  });

  it('keeps the reader’s tags and collections, and fields a newer Scrutiny wrote, across versions', async () => {
    db = freshDatabase();
    const { article } = await saveArticle(db, input());
    const harbor = await createCollection(db, 'Harbor');
    await addArticlesToCollection(db, [article.id], harbor.id);
    await setArticleTags(db, [article.id], ['bridge']);
    await db.articles.update(article.id, { rating: 4 } as Partial<typeof article>);
    const next = await saveArticle(db, input({ text: 'Changed.' }));
    expect(next.article).toMatchObject({ tags: ['bridge'], collectionIds: [harbor.id], rating: 4 });
    expect(await db.articles.get(article.id)).toEqual(next.article);
  });

  it('ends with one article and every distinct version when two windows save the same content at once', async () => {
    const environment = fakeIndexedDB();
    db = new ScrutinyDatabase('scrutiny', environment);
    const other = new ScrutinyDatabase('scrutiny', environment);
    const outcomes = await Promise.all([saveArticle(db, input()), saveArticle(other, input())]);
    other.close();
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['created', 'unchanged']);
    expect(await db.articles.count()).toBe(1);
    expect(await db.articleVersions.count()).toBe(1);
  });

  it('refuses what it cannot read or file, and writes nothing', async () => {
    db = freshDatabase();
    const damaged: unknown[] = [
      null,
      input({ wordCount: Number.NaN }),
      input({ text: undefined as unknown as string }),
      { ...input(), byline: { ...input().byline, authors: [{ name: 3 }] } },
      input({ analysis: { quotes: 'none' } as unknown as SnapshotInput['analysis'] }),
    ];
    for (const value of damaged) {
      const error = await failure(saveArticle(db, value as SnapshotInput));
      expect(error.failure).toBe('invalid');
      expect(error.message).toBe(
        'Scrutiny could not read this article, so it could not save it. Nothing was changed.',
      );
    }
    const noAddress = await failure(saveArticle(db, input({ url: 'about:blank', canonicalUrl: null })));
    expect(noAddress.message).toBe(
      'Scrutiny can save only articles with a web address. Nothing was changed.',
    );
    expect(await db.articles.count()).toBe(0);
    expect(await db.articleVersions.count()).toBe(0);
  });

  it('writes nothing when the disk fills up between the version and the article', async () => {
    db = freshDatabase();
    await fillTheDiskAt(db, 'articles');
    const error = await failure(saveArticle(db, input()));
    expect(error.failure).toBe('disk-full');
    vi.restoreAllMocks();
    expect(await everything(db)).toEqual({
      annotations: [],
      articles: [],
      versions: [],
      clippings: [],
      collections: [],
      settings: [],
    });
  });

  it('leaves the saved article as it was when the disk fills up while saving a new version', async () => {
    db = freshDatabase();
    await saveArticle(db, input(), day(1));
    const before = await everything(db);
    await fillTheDiskAt(db, 'articles');
    expect((await failure(saveArticle(db, input({ text: 'Changed.' }), day(2)))).failure).toBe('disk-full');
    vi.restoreAllMocks();
    expect(await everything(db)).toEqual(before);
  });
});

describe('the article list', () => {
  it('pages by publication date, newest first, with undated articles after the dated ones', async () => {
    db = freshDatabase();
    const published = ['2026-01-05', null, '2026-03-01', null, '2025-12-24', '2026-02-10'];
    for (const [i, date] of published.entries())
      await saveArticle(db, storyAt(`p${i}`, { byline: { ...input().byline, published: date } }), day(i + 1));
    const order = ['p2', 'p5', 'p0', 'p4', 'p3', 'p1'];
    const all = await listArticlesPage(db, { sort: 'published', offset: 0, limit: 100 });
    expect(all.map((article) => article.url.split('/').pop())).toEqual(order);
    for (const [offset, limit] of [
      [0, 2],
      [2, 3],
      [3, 2],
      [4, 2],
      [5, 5],
      [6, 2],
    ] as const) {
      const page = await listArticlesPage(db, { sort: 'published', offset, limit });
      expect(page.map((article) => article.url.split('/').pop())).toEqual(
        order.slice(offset, offset + limit),
      );
    }
  });

  it('pages by last update and by first save', async () => {
    db = freshDatabase();
    const a = await saveArticle(db, storyAt('a'), day(1));
    await saveArticle(db, storyAt('b'), day(2));
    await saveArticle(db, storyAt('c'), day(3));
    await saveArticle(db, storyAt('a', { text: 'Updated.' }), day(4));
    const names = (articles: { url: string }[]) => articles.map((article) => article.url.split('/').pop());
    expect(names(await listArticlesPage(db, { sort: 'updatedAt', offset: 0, limit: 10 }))).toEqual([
      'a',
      'c',
      'b',
    ]);
    expect(names(await listArticlesPage(db, { sort: 'savedAt', offset: 0, limit: 10 }))).toEqual([
      'c',
      'b',
      'a',
    ]);
    expect(await listArticlesPage(db, { sort: 'savedAt', offset: 0, limit: 0 })).toEqual([]);
    expect(a.article.savedAt).toBe(day(1).toISOString());
  });

  it('counts every kind of record', async () => {
    db = freshDatabase();
    await saveArticle(db, storyAt('a'));
    await saveArticle(db, storyAt('a', { text: 'Second.' }));
    await saveArticle(db, storyAt('b'));
    const harbor = await createCollection(db, 'Harbor');
    await createCollection(db, 'Budget');
    await createClipping(db, { collectionId: harbor.id, text: 'A ferry', selectors: null, citation });
    await createHighlight(db, { page: annotatedPage, selectors: passage('water plan', 3) });
    await createHighlight(db, { page: annotatedPage, selectors: passage('the council', 30) });
    await savePageNote(db, { page: annotatedPage, note: 'Follow up' });
    expect(await countLibrary(db)).toEqual({
      articles: 2,
      versions: 3,
      clippings: 1,
      collections: 2,
      highlights: 2,
      pageNotes: 1,
    });
  });
});

describe('deleting and restoring articles', () => {
  it('deletes only the articles asked for, with their versions, and leaves clippings and notes', async () => {
    db = freshDatabase();
    const a = await saveArticle(db, storyAt('a'));
    await saveArticle(db, storyAt('a', { text: 'Second.' }));
    const b = await saveArticle(db, storyAt('b'));
    const harbor = await createCollection(db, 'Harbor');
    await createClipping(db, { collectionId: harbor.id, text: 'A ferry', selectors: null, citation });
    await createHighlight(db, { page: annotatedPage, selectors: passage('water plan', 3) });
    const before = await everything(db);
    const deleted = await deleteArticles(db, [a.article.id, a.article.id, crypto.randomUUID()]);
    expect(deleted.articles.map((article) => article.id)).toEqual([a.article.id]);
    expect(deleted.versions.map((version) => version.text).sort()).toEqual(['Second.', input().text].sort());
    expect(deleted.clippings).toEqual([]);
    const after = await everything(db);
    expect(after.articles.map((article) => article.id)).toEqual([b.article.id]);
    expect(after.versions.map((version) => version.articleId)).toEqual([b.article.id]);
    expect(after.clippings).toEqual(before.clippings);
    expect(after.annotations).toEqual(before.annotations);
    await restoreArticles(db, deleted);
    expect(await everything(db)).toEqual(before);
  });

  it('does not bring a deleted copy back beside one saved again since', async () => {
    db = freshDatabase();
    const first = await saveArticle(db, input());
    const deleted = await deleteArticles(db, [first.article.id]);
    const again = await saveArticle(db, input());
    expect(again.status).toBe('created');
    const error = await failure(restoreArticles(db, deleted));
    expect(error.failure).toBe('invalid');
    expect(error.message).toBe(
      '“Harbor bridge to close” was saved again after it was deleted, so the deleted copy cannot come back. Nothing was changed.',
    );
    expect((await db.articles.toArray()).map((article) => article.id)).toEqual([again.article.id]);
    expect(await db.articleVersions.count()).toBe(1);
  });

  it('deletes nothing when the disk is full, and restores nothing half', async () => {
    db = freshDatabase();
    const a = await saveArticle(db, storyAt('a'));
    const b = await saveArticle(db, storyAt('b'));
    const deleted = await deleteArticles(db, [a.article.id, b.article.id]);
    await fillTheDiskAt(db, 'articles');
    expect((await failure(restoreArticles(db, deleted))).failure).toBe('disk-full');
    vi.restoreAllMocks();
    expect(await db.articles.count()).toBe(0);
    expect(await db.articleVersions.count()).toBe(0);
  });
});

describe('tags', () => {
  it('tags many articles at once, keeps each one’s own tags, and skips ones deleted meanwhile', async () => {
    db = freshDatabase();
    const a = await saveArticle(db, storyAt('a'));
    const b = await saveArticle(db, storyAt('b'));
    await setArticleTags(db, [a.article.id], ['harbor']);
    const tagged = await setArticleTags(
      db,
      [a.article.id, b.article.id, crypto.randomUUID()],
      ['Budget'],
      ['HARBOR '],
    );
    expect(tagged.map((article) => [article.id, article.tags])).toEqual([
      [a.article.id, ['Budget']],
      [b.article.id, ['Budget']],
    ]);
    expect((await db.articles.get(b.article.id))!.tags).toEqual(['Budget']);
    const tooLong = await failure(setArticleTags(db, [a.article.id], ['x'.repeat(101)]));
    expect(tooLong.failure).toBe('invalid');
    expect((await failure(setArticleTags(db, ['nope'], ['x']))).failure).toBe('invalid');
    expect((await db.articles.get(a.article.id))!.tags).toEqual(['Budget']);
  });

  it('tags clippings the same way', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const one = await createClipping(db, {
      collectionId: harbor.id,
      text: 'One',
      selectors: null,
      citation,
      tags: ['a'],
    });
    const two = await createClipping(db, { collectionId: harbor.id, text: 'Two', selectors: null, citation });
    const tagged = await setClippingTags(db, [one.id, two.id], ['b', 'B'], ['A']);
    expect(tagged.map((clipping) => clipping.tags)).toEqual([['b'], ['b']]);
    expect((await db.clippings.get(two.id))!.tags).toEqual(['b']);
  });
});

describe('clippings, in detail', () => {
  it('stores the passage, its selectors, its citation and the addresses of its page', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const selectors = passage('A ferry will run', 20);
    const highlight = await createHighlight(db, { page: annotatedPage, selectors: passage('x', 1) });
    const clipping = await createClipping(
      db,
      {
        collectionId: harbor.id,
        text: 'A ferry will run',
        selectors,
        citation: { ...citation, url: 'https://harbor.example/story?utm_source=feed' },
        note: 'Check',
        tags: ['ferry', ' Ferry '],
        annotationId: highlight.id,
      },
      day(4),
    );
    expect(clipping).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      collectionId: harbor.id,
      text: 'A ferry will run',
      selectors,
      citation: { ...citation, url: 'https://harbor.example/story?utm_source=feed' },
      pageKeys: pageKeys({ url: 'https://harbor.example/story', canonicalUrl: null }),
      note: 'Check',
      tags: ['ferry'],
      annotationId: highlight.id,
      created: day(4).toISOString(),
      modified: day(4).toISOString(),
    });
    expect(await db.clippings.get(clipping.id)).toEqual(clipping);
    expect(
      await listClippingsForPage(db, pageKeys({ url: 'https://other.example/', canonicalUrl: null })),
    ).toEqual([]);
    expect(await listClippingsForPage(db, [])).toEqual([]);
  });

  it('refuses a clipping it cannot read, and writes nothing', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const good = { collectionId: harbor.id, text: 'A ferry', selectors: null, citation };
    const refused: [unknown, string][] = [
      [
        { ...good, citation: { ...citation, url: 42 } },
        'Scrutiny could not tell where this passage comes from.',
      ],
      [
        { ...good, citation: { ...citation, accessed: 'yesterday' } },
        'Scrutiny could not tell where this passage comes from.',
      ],
      [
        { ...good, selectors: { quote: { type: 'TextQuoteSelector' } } },
        'Scrutiny could not tell where this passage is in the page.',
      ],
      [{ ...good, text: 'x'.repeat(20_001) }, 'A clipping can hold up to 20,000 characters.'],
      [{ ...good, note: 'x'.repeat(100_001) }, 'This note is too long to save'],
      [
        { ...good, collectionId: 'harbor' },
        'Scrutiny could not find this collection, because its id is not valid.',
      ],
      [
        { ...good, annotationId: 'h1' },
        'Scrutiny could not find this highlight, because its id is not valid.',
      ],
    ];
    for (const [value, message] of refused) {
      const error = await failure(createClipping(db, value as Parameters<typeof createClipping>[1]));
      expect(error.failure).toBe('invalid');
      expect(error.message).toContain(message);
      expect(error.message).toContain('Nothing was changed.');
    }
    expect(await db.clippings.count()).toBe(0);
    expect((await getLibrarySettings(db)).lastCollectionId).toBeNull();
  });

  it('edits a clipping’s note and tags only, and says when it is gone', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const clipping = await createClipping(
      db,
      { collectionId: harbor.id, text: 'A ferry', selectors: null, citation, note: 'n', tags: ['t'] },
      day(1),
    );
    const noteOnly = await updateClipping(db, clipping.id, { note: 'new' }, day(2));
    expect(noteOnly).toEqual({ ...clipping, note: 'new', modified: day(2).toISOString() });
    const tagsOnly = await updateClipping(db, clipping.id, { tags: [] }, day(3));
    expect(tagsOnly).toEqual({ ...noteOnly, tags: [], modified: day(3).toISOString() });
    await deleteClippings(db, [clipping.id]);
    expect((await failure(updateClipping(db, clipping.id, { note: 'x' }))).failure).toBe('not-found');
  });

  it('restores deleted clippings exactly, but not into a collection deleted since', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const budget = await createCollection(db, 'Budget');
    const one = await createClipping(db, {
      collectionId: harbor.id,
      text: 'One',
      selectors: passage('One', 0),
      citation,
    });
    const two = await createClipping(db, { collectionId: budget.id, text: 'Two', selectors: null, citation });
    const deleted = await deleteClippings(db, [one.id, two.id, crypto.randomUUID()]);
    expect(deleted).toEqual([one, two]);
    await restoreClippings(db, deleted);
    expect(await db.clippings.toArray()).toEqual(expect.arrayContaining([one, two]));
    const again = await deleteClippings(db, [one.id, two.id]);
    await deleteCollection(db, budget.id);
    expect((await failure(restoreClippings(db, again))).failure).toBe('not-found');
    expect(await db.clippings.count()).toBe(0);
  });

  it('remembers the collection clipped to last, and forgets a deleted one', async () => {
    db = freshDatabase();
    expect(await getLibrarySettings(db)).toEqual({ lastCollectionId: null });
    const harbor = await createCollection(db, 'Harbor');
    const budget = await createCollection(db, 'Budget');
    await setLastCollection(db, harbor.id);
    expect(await getLibrarySettings(db)).toEqual({ lastCollectionId: harbor.id });
    await createClipping(db, { collectionId: budget.id, text: 'x', selectors: null, citation });
    expect(await getLibrarySettings(db)).toEqual({ lastCollectionId: budget.id });
    await setLastCollection(db, null);
    expect(await getLibrarySettings(db)).toEqual({ lastCollectionId: null });
    expect((await failure(setLastCollection(db, 'budget'))).failure).toBe('invalid');
  });

  it('makes a page note into a clipping of its note, without selectors, citing the page', () => {
    const note: Parameters<typeof clippingFromHighlight>[0] = {
      id: crypto.randomUUID(),
      kind: 'highlight',
      target: {
        url: 'https://harbor.example/story',
        canonicalUrl: null,
        title: 'Harbor',
        selector: [passage('x', 0).quote],
      },
      body: { note: 'n', tags: [], colour: 'yellow' },
      pageKeys: [],
      created: day(1).toISOString(),
      modified: day(1).toISOString(),
    };
    const clipped = clippingFromHighlight(note, { ...citation, title: '' }, crypto.randomUUID(), day(2));
    // Only a quote: not enough to find the passage again, so no selectors.
    expect(clipped.selectors).toBeNull();
    expect(clipped.text).toBe('x');
    expect(clipped.citation).toEqual({ ...citation, title: 'Harbor', accessed: day(2).toISOString() });
  });
});

describe('collections, in detail', () => {
  it('lists collections by name whatever their case, and refuses names too long or taken', async () => {
    db = freshDatabase();
    for (const name of ['beta', 'Alpha', 'gamma']) await createCollection(db, name);
    expect((await listCollections(db)).map((collection) => collection.name)).toEqual([
      'Alpha',
      'beta',
      'gamma',
    ]);
    expect((await listCollections(db))[0]).not.toHaveProperty('nameKey');
    expect((await failure(createCollection(db, 'x'.repeat(201)))).message).toBe(
      'A collection name can hold up to 200 characters. Nothing was changed.',
    );
    expect((await createCollection(db, 'x'.repeat(200))).name).toHaveLength(200);
    expect((await failure(createCollection(db, ' ALPHA '))).message).toBe(
      'There is already a collection called “ALPHA”. Nothing was changed.',
    );
    // Renaming to a new case of its own name is not a clash.
    const [alpha] = await listCollections(db);
    expect((await renameCollection(db, alpha!.id, 'ALPHA', day(5))).name).toBe('ALPHA');
    expect((await failure(renameCollection(db, crypto.randomUUID(), 'Delta'))).failure).toBe('not-found');
  });

  it('moves clippings and articles from one collection to another, and only adds without a source', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const budget = await createCollection(db, 'Budget');
    const archive = await createCollection(db, 'Archive');
    const a = await saveArticle(db, storyAt('a'));
    const clip = await createClipping(db, { collectionId: harbor.id, text: 'x', selectors: null, citation });
    await addArticlesToCollection(db, [a.article.id], harbor.id);
    await addArticlesToCollection(db, [a.article.id], archive.id);
    await moveToCollection(db, { articleIds: [a.article.id], clippingIds: [clip.id] }, budget.id, harbor.id);
    expect((await db.articles.get(a.article.id))!.collectionIds.sort()).toEqual(
      [archive.id, budget.id].sort(),
    );
    expect((await db.clippings.get(clip.id))!.collectionId).toBe(budget.id);
    await addArticlesToCollection(db, [a.article.id], budget.id);
    expect((await db.articles.get(a.article.id))!.collectionIds).toHaveLength(2);
  });

  it('deletes a collection whole or not at all when the disk is full', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const budget = await createCollection(db, 'Budget');
    const a = await saveArticle(db, storyAt('a'));
    await addArticlesToCollection(db, [a.article.id], harbor.id);
    await createClipping(db, { collectionId: harbor.id, text: 'x', selectors: null, citation });
    const before = await everything(db);
    // The clippings go first, then the articles, which the full disk refuses: the deleted clippings return.
    await fillTheDiskAt(db, 'articles');
    expect((await failure(deleteCollection(db, harbor.id))).failure).toBe('disk-full');
    vi.restoreAllMocks();
    expect(await everything(db)).toEqual(before);
    await fillTheDiskAt(db, 'articles');
    expect((await failure(mergeCollections(db, [harbor.id], budget.id))).failure).toBe('disk-full');
    vi.restoreAllMocks();
    expect(await everything(db)).toEqual(before);
  });

  it('undoes a merge exactly, also of several collections with shared articles', async () => {
    db = freshDatabase();
    const target = await createCollection(db, 'Target');
    const ferry = await createCollection(db, 'Ferry');
    const boat = await createCollection(db, 'Boat');
    const inFerry = await saveArticle(db, storyAt('ferry'));
    const inBoth = await saveArticle(db, storyAt('both'));
    const inTargetToo = await saveArticle(db, storyAt('target-too'));
    await addArticlesToCollection(
      db,
      [inFerry.article.id, inBoth.article.id, inTargetToo.article.id],
      ferry.id,
    );
    await addArticlesToCollection(db, [inBoth.article.id], boat.id);
    await addArticlesToCollection(db, [inTargetToo.article.id], target.id);
    await createClipping(db, { collectionId: ferry.id, text: 'f', selectors: null, citation });
    await createClipping(db, { collectionId: boat.id, text: 'b', selectors: null, citation });
    const before = await everything(db);
    const membership = async () =>
      Object.fromEntries(
        (await db.articles.toArray()).map((article) => [article.url, [...article.collectionIds].sort()]),
      );
    const membershipBefore = await membership();

    const deleted = await mergeCollections(db, [ferry.id, boat.id, target.id], target.id);
    expect(deleted.map((payload) => payload.collection.name)).toEqual(['Ferry', 'Boat']);
    expect(Object.values(await membership())).toEqual([[target.id], [target.id], [target.id]]);
    expect((await db.clippings.toArray()).map((clipping) => clipping.collectionId)).toEqual([
      target.id,
      target.id,
    ]);
    expect(await listCollections(db)).toHaveLength(1);

    // Undo in the opposite order from the merge, as an undo stack would not.
    for (const payload of deleted) await restoreCollection(db, payload);
    expect(await membership()).toEqual(membershipBefore);
    const after = await everything(db);
    expect(after.clippings).toEqual(before.clippings);
    expect(after.collections).toEqual(before.collections);
  });

  it('undoes a deleted collection exactly, with the collection clipped to last', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    const a = await saveArticle(db, storyAt('a'));
    await addArticlesToCollection(db, [a.article.id], harbor.id);
    await createClipping(db, { collectionId: harbor.id, text: 'x', selectors: null, citation });
    const before = await everything(db);
    const deleted = await deleteCollection(db, harbor.id);
    expect(deleted.wasLastCollection).toBe(true);
    await restoreCollection(db, deleted);
    expect(await everything(db)).toEqual(before);
    // A new collection took the name meanwhile: the undo says so and changes nothing.
    const again = await deleteCollection(db, harbor.id);
    await createCollection(db, 'harbor');
    expect((await failure(restoreCollection(db, again))).message).toBe(
      'There is already a collection called “Harbor”. Nothing was changed.',
    );
    expect(await db.clippings.count()).toBe(0);
  });

  it('merges into a collection that exists, or not at all', async () => {
    db = freshDatabase();
    const harbor = await createCollection(db, 'Harbor');
    expect((await failure(mergeCollections(db, [harbor.id], crypto.randomUUID()))).failure).toBe('not-found');
    expect((await failure(mergeCollections(db, [crypto.randomUUID()], harbor.id))).failure).toBe('not-found');
    expect(await listCollections(db)).toHaveLength(1);
  });
});

describe('two windows at once', () => {
  it('saves from two database connections without a lost version, also for three saves', async () => {
    const environment = fakeIndexedDB();
    db = new ScrutinyDatabase('scrutiny', environment);
    const second = new ScrutinyDatabase('scrutiny', environment);
    const results = await Promise.all([
      saveArticle(db, input({ text: 'A.' })),
      saveArticle(second, input({ text: 'B.' })),
      saveArticle(db, input({ text: 'C.' })),
    ]);
    second.close();
    const [article] = await db.articles.toArray();
    expect(await db.articles.count()).toBe(1);
    expect((await listVersions(db, article!.id)).map((version) => version.text).sort()).toEqual([
      'A.',
      'B.',
      'C.',
    ]);
    expect(article!.versionCount).toBe(3);
    expect(results.filter((result) => result.status === 'created')).toHaveLength(1);
  });
});
