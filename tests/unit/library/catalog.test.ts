/**
 * The library's catalog over a real (fake-indexeddb) database: everything kept, searchable, filtered,
 * paged, and brought up to date by announced changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pageKeys } from '../../../lib/annotations/page-keys';
import { answerClipRequest, DEFAULT_COLLECTION_NAME } from '../../../lib/library/clip-service';
import { LibraryCatalog, type LoadProgress } from '../../../lib/library/catalog';
import { articleInput, citation } from '../helpers/library';
import {
  createClipping,
  createCollection,
  createHighlight,
  deleteArticles,
  saveArticle,
  savePageNote,
  setLastCollection,
  type ScrutinyDatabase,
} from '../../../lib/store';
import { article as annotatedPage, freshDatabase, passage } from '../store/database';

let db: ScrutinyDatabase;
afterEach(() => db?.close());

describe('LibraryCatalog', () => {
  it('lists articles, clippings, highlights and notes, and finds each by its words', async () => {
    db = freshDatabase();
    const saved = await saveArticle(db, articleInput());
    const collection = await createCollection(db, 'Bridge research');
    await createClipping(db, {
      collectionId: collection.id,
      text: 'A ferry will run every twenty minutes',
      selectors: null,
      citation,
      note: 'Compare with the agency',
    });
    await createHighlight(db, { page: annotatedPage, selectors: passage('water plan', 10), note: 'Budget?' });

    const catalog = await LibraryCatalog.load(db);
    expect(catalog.counts()).toMatchObject({ articles: 1, clippings: 1, highlights: 1, collections: 1 });
    expect(catalog.query({ text: '', filters: {}, sort: 'saved' })).toBe(3);

    expect(catalog.query({ text: 'ferry', filters: {}, sort: 'relevance' })).toBeGreaterThan(0);
    const kinds = catalog.rows(0, 10).map((row) => row.kind);
    expect(kinds).toContain('clipping');

    catalog.query({ text: 'Jane Doe', filters: { kinds: ['article'] }, sort: 'relevance' });
    const [row] = catalog.rows(0, 10);
    expect(row).toMatchObject({ id: saved.article.id, kind: 'article', articleId: saved.article.id });
    expect(row!.detail).toBe('Harbor Daily · Jane Doe');

    catalog.query({ text: '', filters: { collectionId: collection.id }, sort: 'saved' });
    expect(catalog.rows(0, 10).map((item) => item.kind)).toEqual(['clipping']);
    expect(catalog.collectionSizes()).toEqual({ [collection.id]: 1 });
    expect(catalog.facets().collections.map((item) => item.name)).toEqual(['Bridge research']);
  });

  it('follows announced changes: a new article, a deleted one, annotations of a page', async () => {
    db = freshDatabase();
    const catalog = await LibraryCatalog.load(db);
    expect(catalog.query({ text: '', filters: {}, sort: 'saved' })).toBe(0);
    const first = await saveArticle(db, articleInput());
    await catalog.refresh(db, {
      type: 'scrutiny/library-changed',
      tables: ['articles'],
      ids: [first.article.id],
      pageKeys: first.article.pageKeys,
    });
    expect(catalog.total).toBe(1);
    await deleteArticles(db, [first.article.id]);
    await catalog.refresh(db, {
      type: 'scrutiny/library-changed',
      tables: ['articles'],
      ids: [first.article.id],
      pageKeys: [],
    });
    expect(catalog.total).toBe(0);
    await createHighlight(db, { page: annotatedPage, selectors: passage('water plan', 10) });
    await catalog.refreshPages(db, pageKeys(annotatedPage));
    expect(catalog.total).toBe(1);
    expect(catalog.rows(0, 1)[0]!.kind).toBe('highlight');
  });

  it('shows a found article with the lines around its match in its saved text', async () => {
    db = freshDatabase();
    const filler = 'The council met again on Tuesday to hear the engineers. '.repeat(12);
    await saveArticle(
      db,
      articleInput({ text: `${filler}\n\nA catamaran will carry commuters across the harbour.` }),
    );
    const catalog = await LibraryCatalog.load(db);
    expect(catalog.query({ text: 'catamaran', filters: {}, sort: 'relevance' })).toBe(1);
    const [row] = catalog.rows(0, 10);
    expect(row!.excerpt).toContain('A catamaran will carry commuters');
    expect(row!.terms).toEqual(['catamaran']);
    // Without a search the row shows the article's own excerpt.
    catalog.query({ text: '', filters: {}, sort: 'saved' });
    expect(catalog.rows(0, 10)[0]!.excerpt).toBe('The council voted.');
  });

  it('shows a highlight with its passage, note, tags and colour, and a page note with its text', async () => {
    db = freshDatabase();
    await createHighlight(db, {
      page: annotatedPage,
      selectors: passage('water plan', 10),
      note: 'Budget?',
      tags: ['water'],
      colour: 'green',
    });
    await savePageNote(db, { page: annotatedPage, note: 'Read the minutes too', tags: ['council'] });
    const catalog = await LibraryCatalog.load(db);
    catalog.query({ text: '', filters: {}, sort: 'saved' });
    const rows = catalog.rows(0, 10);
    expect(rows.find((row) => row.kind === 'highlight')).toMatchObject({
      title: 'Council backs water plan',
      excerpt: 'water plan',
      note: 'Budget?',
      tags: ['water'],
      colour: 'green',
      url: 'https://www.example.com/news/2024/05/water-plan',
      articleId: null,
    });
    expect(rows.find((row) => row.kind === 'note')).toMatchObject({
      excerpt: 'Read the minutes too',
      note: '',
      tags: ['council'],
      colour: null,
    });
  });

  it('hands out rows a page at a time, and never past the end', async () => {
    db = freshDatabase();
    for (let index = 0; index < 25; index++)
      await saveArticle(
        db,
        articleInput({
          url: `https://harbor.example/story-${index}`,
          canonicalUrl: null,
          title: `Story ${index}`,
        }),
      );
    const catalog = await LibraryCatalog.load(db);
    expect(catalog.query({ text: '', filters: {}, sort: 'saved' })).toBe(25);
    expect(catalog.rows(20, 10)).toHaveLength(5);
    expect(catalog.rows(30, 10)).toEqual([]);
    expect(catalog.ids()).toHaveLength(25);
  });

  it('reads the database a chunk at a time and says how far it got, missing nothing', async () => {
    db = freshDatabase();
    for (let index = 0; index < 9; index++)
      await saveArticle(
        db,
        articleInput({
          url: `https://harbor.example/story-${index}`,
          canonicalUrl: null,
          title: `Story ${index}`,
        }),
      );
    for (let index = 0; index < 5; index++)
      await createHighlight(db, { page: annotatedPage, selectors: passage('water plan', 10 + index) });
    const progress: LoadProgress[] = [];
    const catalog = await LibraryCatalog.load(db, {
      readChunk: 4,
      onProgress: (step) => progress.push(step),
    });
    expect(catalog.query({ text: '', filters: {}, sort: 'saved' })).toBe(14);
    expect(
      catalog
        .rows(0, 20)
        .map((row) => row.kind)
        .sort(),
    ).toEqual([...Array<string>(9).fill('article'), ...Array<string>(5).fill('highlight')]);
    const reading = progress.filter((step) => step.phase === 'reading').map((step) => step.done);
    // Articles in chunks of 4, 4 and 1; no clippings; highlights in 4 and 1.
    expect(reading).toEqual([0, 4, 8, 9, 9, 13, 14]);
    expect(progress.every((step) => step.total === 14)).toBe(true);
    expect(progress.at(-1)).toEqual({ phase: 'indexing', done: 14, total: 14 });
  });
});

describe('Clip from a page', () => {
  const request = {
    type: 'scrutiny/clip-create' as const,
    page: { url: 'https://harbor.example/story', canonicalUrl: 'https://evil.example/story', title: 'T' },
    selectors: passage('A ferry will run', 40),
  };
  /** What the background read of the page (the panel's byline). */
  const work = {
    title: 'Harbor bridge',
    authors: ['Jane Doe'],
    outlet: 'Harbor Daily',
    published: null,
    lang: 'en',
  };

  it('goes into a first collection, "Clippings", and then into the one clipped to last', async () => {
    db = freshDatabase();
    const now = new Date('2026-12-04T10:00:00Z');
    const first = await answerClipRequest(db, request, 'https://harbor.example/story', work, now);
    expect(first.response.ok).toBe(true);
    const collections = await db.collections.toArray();
    expect(collections.map((collection) => collection.name)).toEqual([DEFAULT_COLLECTION_NAME]);
    expect(first.clipping).toMatchObject({
      collectionId: collections[0]!.id,
      text: 'A ferry will run',
      citation: {
        url: 'https://harbor.example/story',
        accessed: now.toISOString(),
        title: 'Harbor bridge',
        authors: ['Jane Doe'],
        outlet: 'Harbor Daily',
        lang: 'en',
      },
    });
    const other = await createCollection(db, 'Harbor');
    await setLastCollection(db, other.id);
    const second = await answerClipRequest(db, request, 'https://harbor.example/story', work, now);
    expect(second.clipping?.collectionId).toBe(other.id);
  });

  it('speaks only for the frame the browser names: another site’s canonical claim is dropped', async () => {
    db = freshDatabase();
    const answer = await answerClipRequest(db, request, 'https://harbor.example/story', work);
    expect(answer.clipping?.citation.url).toBe('https://harbor.example/story');
    const refused = await answerClipRequest(db, request, null, work);
    expect(refused.response.ok).toBe(false);
    expect(await db.clippings.count()).toBe(1);
  });
});
