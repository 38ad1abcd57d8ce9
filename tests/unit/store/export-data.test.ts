/** What each export scope reads from a real (fake-indexeddb) library. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportData } from '../../../lib/export/types';
import { pageKeys } from '../../../lib/annotations/page-keys';
import {
  addArticlesToCollection,
  createClipping,
  createCollection,
  createHighlight,
  readExportData,
  saveArticle,
  savePageNote,
  ScrutinyDatabase,
  setArticleTags,
  setLastCollection,
  StoreError,
} from '../../../lib/store';
import { articleInput, citation } from '../helpers/library';
import { freshDatabase, passage } from './database';

let db: ScrutinyDatabase;
afterEach(() => db?.close());

const unsavedPage = {
  url: 'https://other.example/opinion',
  canonicalUrl: null,
  title: 'An opinion',
};

/**
 * Two saved articles (the harbor one in "Bridges" and tagged `transit`, with a second version and a
 * highlight; a German one with a page note), a tagged note on a page never saved, a clipping of the harbor
 * article in "Bridges" and one of the unsaved page in "Elsewhere".
 */
async function library() {
  db = freshDatabase();
  const bridges = await createCollection(db, 'Bridges', new Date('2026-01-01T00:00:00Z'));
  const elsewhere = await createCollection(db, 'Elsewhere', new Date('2026-01-02T00:00:00Z'));
  const harbor = await saveArticle(db, articleInput(), new Date('2026-02-01T00:00:00Z'));
  await saveArticle(db, articleInput({ text: 'The council voted again.' }), new Date('2026-02-02T00:00:00Z'));
  const german = await saveArticle(
    db,
    articleInput({
      url: 'https://zeitung.example/bruecke',
      canonicalUrl: null,
      title: 'Die Brücke schließt',
      lang: 'de',
    }),
    new Date('2026-02-03T00:00:00Z'),
  );
  await addArticlesToCollection(db, [harbor.article.id], bridges.id);
  await setArticleTags(db, [harbor.article.id], ['transit']);
  const highlight = await createHighlight(db, {
    page: { url: harbor.article.url, canonicalUrl: harbor.article.canonicalUrl, title: harbor.article.title },
    selectors: passage('The council voted', 0),
    note: 'Which council?',
  });
  const germanNote = await savePageNote(db, {
    page: { url: german.article.url, canonicalUrl: null, title: german.article.title },
    note: 'Gut recherchiert.',
    tags: [],
  });
  const taggedNote = await savePageNote(db, { page: unsavedPage, note: 'Compare', tags: ['Transit'] });
  const harborClip = await createClipping(db, {
    collectionId: bridges.id,
    text: 'A ferry will run.',
    selectors: null,
    citation,
  });
  const otherClip = await createClipping(db, {
    collectionId: elsewhere.id,
    text: 'Opinions differ.',
    selectors: null,
    citation: { ...citation, url: unsavedPage.url },
  });
  await setLastCollection(db, bridges.id);
  return {
    bridges,
    elsewhere,
    harbor: harbor.article.id,
    german: german.article.id,
    highlight,
    germanNote,
    taggedNote,
    harborClip,
    otherClip,
  };
}

const ids = (records: { id: string }[]) => records.map((record) => record.id);

describe('readExportData', () => {
  it('reads everything, settings included, in the order of the store (by id)', async () => {
    const made = await library();
    const data = await readExportData(db, { kind: 'everything' });
    const byId = (values: string[]) => [...values].sort();
    expect(ids(data.articles)).toEqual(byId([made.harbor, made.german]));
    expect(ids(data.versions)).toEqual(byId(ids(data.versions)));
    expect(data.versions.map((version) => version.articleId).sort()).toEqual(
      [made.harbor, made.harbor, made.german].sort(),
    );
    expect(ids(data.annotations)).toEqual(byId([made.highlight.id, made.germanNote.id, made.taggedNote.id]));
    expect(ids(data.clippings)).toEqual(byId([made.harborClip.id, made.otherClip.id]));
    expect(data.collections).toEqual([made.bridges, made.elsewhere].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(data.settings).toEqual({ lastCollectionId: made.bridges.id });
    expect(await readExportData(db, { kind: 'everything' })).toEqual(data);
  });

  it('reads everything in batches, each record once, with the share read reported as it goes', async () => {
    const made = await library();
    // More than one batch of keys counted (10,000), of notes read (500) and of versions (20).
    const copies = Array.from({ length: 10_050 }, (_, n) => ({
      ...made.highlight,
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    }));
    await db.annotations.bulkPut(copies);
    const version = (await db.articleVersions.toArray())[0]!;
    await db.articleVersions.bulkPut(
      Array.from({ length: 60 }, (_, n) => ({
        ...version,
        id: `${version.id}-${String(n).padStart(3, '0')}`,
      })),
    );
    const shares: number[] = [];
    const data = await readExportData(db, { kind: 'everything' }, (done) => shares.push(done));
    expect(data.annotations).toHaveLength(10_053);
    expect(new Set(ids(data.annotations)).size).toBe(10_053);
    expect(data.versions).toHaveLength(63);
    // Counting (six batches of keys: two of notes, one of each other table) creeps below 5 %, then
    // reading moves the bar the rest of the way, batch by batch.
    expect(shares.filter((share) => share < 0.05)).toHaveLength(6);
    expect(shares.length).toBeGreaterThan(6 + 20 + 3);
    expect(shares.every((share, at) => at === 0 || share >= shares[at - 1]!)).toBe(true);
    expect(shares.at(-1)).toBe(1);
    // The same records as read without progress.
    expect(await readExportData(db, { kind: 'everything' })).toEqual(data);
  });

  it('reads one article with its versions, notes and clippings, and the collections they are in', async () => {
    const made = await library();
    const data = await readExportData(db, { kind: 'article', articleId: made.harbor });
    expect(ids(data.articles)).toEqual([made.harbor]);
    expect(data.versions).toHaveLength(2);
    expect(ids(data.annotations)).toEqual([made.highlight.id]);
    expect(ids(data.clippings)).toEqual([made.harborClip.id]);
    expect(data.collections).toEqual([made.bridges]);
    expect(data.settings).toBeNull();
  });

  it('reads an unsaved page by its keys: its notes and clippings, no article', async () => {
    const made = await library();
    const data = await readExportData(db, { kind: 'page', pageKeys: pageKeys(unsavedPage) });
    expect(data.articles).toEqual([]);
    expect(ids(data.annotations)).toEqual([made.taggedNote.id]);
    expect(ids(data.clippings)).toEqual([made.otherClip.id]);
    expect(data.collections).toEqual([made.elsewhere]);
  });

  it('reads a collection: its articles with their notes, and its clippings', async () => {
    const made = await library();
    const data = await readExportData(db, { kind: 'collection', collectionId: made.bridges.id });
    expect(ids(data.articles)).toEqual([made.harbor]);
    expect(ids(data.annotations)).toEqual([made.highlight.id]);
    expect(ids(data.clippings)).toEqual([made.harborClip.id]);
    expect(data.collections).toEqual([made.bridges]);
  });

  it('reads a tag: tagged articles, clippings and notes', async () => {
    const made = await library();
    const data = await readExportData(db, { kind: 'tag', tag: 'transit' });
    expect(ids(data.articles)).toEqual([made.harbor]);
    expect(new Set(ids(data.annotations))).toEqual(new Set([made.highlight.id, made.taggedNote.id]));
    expect(data.clippings).toEqual([]);
  });

  it('reads the items of a search result, whatever their kind, and skips ids no longer there', async () => {
    const made = await library();
    const data: ExportData = await readExportData(db, {
      kind: 'items',
      ids: [made.german, made.otherClip.id, made.taggedNote.id, 'gone-since'],
    });
    expect(ids(data.articles)).toEqual([made.german]);
    expect(data.versions).toHaveLength(1);
    expect(new Set(ids(data.annotations))).toEqual(new Set([made.germanNote.id, made.taggedNote.id]));
    expect(ids(data.clippings)).toEqual([made.otherClip.id]);
    expect(data.collections).toEqual([made.elsewhere]);
  });

  it('gives a StoreError with a plain message when the database cannot be read', async () => {
    await library();
    db.close();
    const error = await readExportData(db, { kind: 'everything' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/could not open your notes/);
  });
});
