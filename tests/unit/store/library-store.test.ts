/** Saved articles, versions, clippings and collections in a real (fake-indexeddb) database. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SnapshotInput } from '../../../lib/library/snapshot';
import {
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
  ScrutinyDatabase,
  setArticleTags,
  setClippingTags,
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

function input(change: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    url: 'https://harbor.example/story?utm_source=feed',
    canonicalUrl: 'https://harbor.example/story',
    title: 'Harbor bridge to close',
    lang: 'en',
    byline: {
      authors: [{ name: 'Jane Doe', source: 'jsonld' }],
      outlet: { name: 'Harbor Daily', source: 'jsonld' },
      published: '2026-03-03T16:12:00Z',
      modified: null,
      publishedSource: 'jsonld',
      modifiedSource: null,
      wire: null,
      contributors: [],
    },
    html: '<p>The council voted.</p>',
    text: 'The council voted.\n\nA ferry will run.',
    wordCount: 7,
    excerpt: 'The council voted.',
    analysis: {
      quotes: [
        {
          text: 'We cannot keep people on a bridge',
          speaker: 'Ana Ruiz',
          speakerMention: 'Mayor Ana Ruiz',
          cue: 'said',
          anonymous: false,
          paragraph: 0,
          start: 0,
          end: 10,
          selector: { exact: 'We cannot', prefix: '', suffix: '' },
        },
      ],
      sources: [{ name: 'transit agency', kind: 'official', mentions: 1, url: null, places: [] }],
      glance: {
        quotes: 1,
        speakers: 1,
        unattributedQuotes: 0,
        namedSources: 1,
        anonymousSources: 0,
        quotedShare: 0.1,
        linksOut: 0,
        minutesToUpdate: null,
      },
    },
    ...change,
  };
}

const citation = {
  title: 'Harbor bridge to close',
  authors: ['Jane Doe'],
  outlet: 'Harbor Daily',
  published: '2026-03-03',
  url: 'https://harbor.example/story',
  accessed: '2026-12-04T10:00:00.000Z',
  lang: 'en',
};

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
