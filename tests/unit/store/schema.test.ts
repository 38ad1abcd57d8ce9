import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { pageKeys } from '../../../lib/annotations/page-keys';
import type { Annotation } from '../../../lib/annotations/types';
import { listAnnotationsForPage, ScrutinyDatabase } from '../../../lib/store';
import { upgradeRecordV1, type AnnotationRecordV1 } from '../../../lib/store/schema';
import { fakeIndexedDB, freshDatabase } from './database';

const may1 = Date.UTC(2024, 4, 1, 9, 30);
const may2 = Date.UTC(2024, 4, 2, 18, 5, 12, 345);

/** A version 1 database as the first draft declared it, filled with `records` and closed. */
async function versionOneDatabase(records: AnnotationRecordV1[]) {
  const environment = fakeIndexedDB();
  const draft = new Dexie('scrutiny', environment);
  draft.version(1).stores({ annotations: 'id, url' });
  await draft.table('annotations').bulkAdd(records);
  expect(await draft.table('annotations').count()).toBe(records.length);
  draft.close();
  return environment;
}

const unicodeHighlight = {
  id: '0b6c8d1e-3f2a-4c5b-9d8e-7f6a5b4c3d2e',
  url: 'https://www.example.com/news/2024/05/water-plan/amp?utm_source=twitter',
  canonicalUrl: 'https://www.example.com/news/2024/05/water-plan',
  title: 'Wasserplan: „Wir sind bereit“ — مجلس المدينة 🌊',
  exact: '“We’re ready,” said Ana Ruiz — 市長 🌊 naïve e\u0301',
  prefix: 'On Tuesday ',
  suffix: ' to the council.',
  start: 120,
  end: 160,
  note: 'Ruiz said the opposite in 2019 — vérifier 🙃\nSecond line\u200b.',
  colour: 'green',
  created: may1,
  modified: may2,
} satisfies AnnotationRecordV1;

const emptyNote = {
  id: '1c7d9e2f-4a3b-4d6c-8e9f-8a7b6c5d4e3f',
  url: 'https://example.com/news/2024/05/water-plan',
  canonicalUrl: null,
  title: 'Council backs water plan',
  exact: 'the plan costs $40m',
  prefix: 'Officials said ',
  suffix: ', spread over',
  start: 10,
  end: 29,
  note: '',
  colour: 'yellow',
  created: may1,
  modified: may1,
} satisfies AnnotationRecordV1;

const longNote = {
  ...emptyNote,
  id: '2d8e0f3a-5b4c-4e7d-9f0a-9b8c7d6e5f4a',
  exact: 'spread over ten years',
  start: 31,
  end: 52,
  note: 'Long thought. '.repeat(5000),
  colour: '#ffeb3b',
} satisfies AnnotationRecordV1;

const pageNote = {
  id: '3e9f1a4b-6c5d-4f8e-8a1b-0c9d8e7f6a5b',
  url: 'https://amp.example.org/story/42',
  canonicalUrl: null,
  title: 'A story',
  exact: '',
  prefix: '',
  suffix: '',
  start: 0,
  end: 0,
  note: 'Whole article: one-sided, no council member opposed is quoted.',
  colour: 'yellow',
  created: may2,
  modified: may2,
} satisfies AnnotationRecordV1;

/** Written by draft code that left fields out: it must still come through. */
const sparse: AnnotationRecordV1 = {
  id: '4f0a2b5c-7d6e-4a9f-9b2c-1d0e9f8a7b6c',
  url: 'https://example.net/a',
  exact: 'a passage',
  start: 5,
  note: 'kept',
  created: may1,
};

/** A page Scrutiny no longer keys (not http): kept, though no page lists it. */
const unkeyed = {
  ...emptyNote,
  id: '5a1b3c6d-8e7f-4b0a-8c3d-2e1f0a9b8c7d',
  url: 'about:reader?url=https%3A%2F%2Fexample.com%2F',
  note: 'from reader view',
} satisfies AnnotationRecordV1;

describe('the database schema', () => {
  it('opens fresh at the current version with the current indexes', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'annotations',
      'articleVersions',
      'articles',
      'clippings',
      'collections',
      'settings',
    ]);
    expect(await db.annotations.count()).toBe(0);
    const indexNames = [...db.backendDB().transaction('annotations').objectStore('annotations').indexNames];
    expect(indexNames.sort()).toEqual(['kind', 'modified', 'pageKeys']);
    db.close();
  });

  it('upgrades a filled version 1 database without losing a record', async () => {
    const records = [unicodeHighlight, emptyNote, longNote, pageNote, sparse, unkeyed];
    const filler = Array.from({ length: 300 }, (_, i) => ({
      ...emptyNote,
      id: `6b2c4d7e-9f8a-4c1b-9d4e-${String(i).padStart(12, '0')}`,
      url: `https://example.com/archive/${i}`,
      note: `note ${i}`,
      created: may1 + i * 1000,
      modified: may1 + i * 2000,
    }));
    const environment = await versionOneDatabase([...records, ...filler]);

    const db = new ScrutinyDatabase('scrutiny', environment);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.annotations.count()).toBe(records.length + filler.length);
    const indexNames = [...db.backendDB().transaction('annotations').objectStore('annotations').indexNames];
    expect(indexNames.sort()).toEqual(['kind', 'modified', 'pageKeys']);

    expect(await db.annotations.get(unicodeHighlight.id)).toEqual({
      id: unicodeHighlight.id,
      kind: 'highlight',
      target: {
        url: unicodeHighlight.url,
        canonicalUrl: unicodeHighlight.canonicalUrl,
        title: unicodeHighlight.title,
        selector: [
          { type: 'TextPositionSelector', start: 120, end: 160 },
          {
            type: 'TextQuoteSelector',
            exact: unicodeHighlight.exact,
            prefix: unicodeHighlight.prefix,
            suffix: unicodeHighlight.suffix,
          },
        ],
      },
      body: { note: unicodeHighlight.note, tags: [], colour: 'green' },
      pageKeys: ['example.com/news/2024/05/water-plan', 'example.com/news/2024/05/water-plan/amp'],
      created: '2024-05-01T09:30:00.000Z',
      modified: '2024-05-02T18:05:12.345Z',
    } satisfies Annotation);

    const upgradedEmpty = await db.annotations.get(emptyNote.id);
    expect(upgradedEmpty?.body).toEqual({ note: '', tags: [], colour: 'yellow' });

    const upgradedLong = await db.annotations.get(longNote.id);
    expect(upgradedLong?.body.note).toBe(longNote.note);
    expect(upgradedLong?.body.colour).toBe('yellow');

    expect(await db.annotations.get(pageNote.id)).toEqual({
      id: pageNote.id,
      kind: 'page-note',
      target: { url: pageNote.url, canonicalUrl: null, title: 'A story', selector: [] },
      body: { note: pageNote.note, tags: [], colour: 'yellow' },
      pageKeys: ['amp.example.org/story/42', 'example.org/story/42'],
      created: '2024-05-02T18:05:12.345Z',
      modified: '2024-05-02T18:05:12.345Z',
    } satisfies Annotation);

    expect(await db.annotations.get(sparse.id)).toEqual({
      id: sparse.id,
      kind: 'highlight',
      target: {
        url: 'https://example.net/a',
        canonicalUrl: null,
        title: '',
        selector: [{ type: 'TextQuoteSelector', exact: 'a passage', prefix: '', suffix: '' }],
      },
      body: { note: 'kept', tags: [], colour: 'yellow' },
      pageKeys: ['example.net/a'],
      created: '2024-05-01T09:30:00.000Z',
      modified: '2024-05-01T09:30:00.000Z',
    } satisfies Annotation);

    const upgradedUnkeyed = await db.annotations.get(unkeyed.id);
    expect(upgradedUnkeyed?.body.note).toBe('from reader view');
    expect(upgradedUnkeyed?.pageKeys).toEqual([]);

    for (const record of filler) {
      const upgraded = await db.annotations.get(record.id);
      expect(upgraded?.body.note).toBe(record.note);
      expect(upgraded?.target.url).toBe(record.url);
      expect(upgraded?.created).toBe(new Date(record.created).toISOString());
      expect(upgraded?.modified).toBe(new Date(record.modified).toISOString());
      expect(upgraded?.pageKeys).toEqual([`example.com/archive/${filler.indexOf(record)}`]);
    }
    db.close();
  });

  it('finds upgraded notes under every address of their page', async () => {
    const environment = await versionOneDatabase([unicodeHighlight, emptyNote, longNote, pageNote]);
    const db = new ScrutinyDatabase('scrutiny', environment);

    const canonical = await listAnnotationsForPage(
      db,
      pageKeys({ url: 'http://example.com/news/2024/05/water-plan/', canonicalUrl: null }),
    );
    expect(canonical.highlights.map((annotation) => annotation.id)).toEqual([
      emptyNote.id,
      longNote.id,
      unicodeHighlight.id,
    ]);

    const plain = await listAnnotationsForPage(
      db,
      pageKeys({ url: 'https://www.example.org/story/42', canonicalUrl: null }),
    );
    expect(plain.pageNote?.id).toBe(pageNote.id);
    db.close();
  });

  it('upgrades an empty version 1 database', async () => {
    const db = new ScrutinyDatabase('scrutiny', await versionOneDatabase([]));
    expect(await db.annotations.count()).toBe(0);
    expect(db.verno).toBe(3);
    db.close();
  });

  it('upgrades a filled version 2 database to version 3 without changing a record', async () => {
    const environment = fakeIndexedDB();
    // Version 2 as it was released: only the annotations table.
    const released = new Dexie('scrutiny', environment);
    released.version(1).stores({ annotations: 'id, url' });
    released.version(2).stores({ annotations: 'id, *pageKeys, modified, kind' });
    const page = {
      url: 'https://www.example.com/news/2024/05/water-plan',
      canonicalUrl: null,
      title: 'Wasserplan: „Wir sind bereit“ — مجلس المدينة 🌊',
    };
    const records: Annotation[] = Array.from({ length: 400 }, (_, i) => ({
      id: `7d3e5f8a-0b1c-4d2e-8f3a-${String(i).padStart(12, '0')}`,
      kind: i % 50 === 0 ? 'page-note' : 'highlight',
      target: {
        ...page,
        url: `${page.url}/${i % 7}`,
        selector:
          i % 50 === 0
            ? []
            : [
                { type: 'TextPositionSelector', start: i, end: i + 12 },
                {
                  type: 'TextQuoteSelector',
                  exact: `“passage” ${i} — 市長`,
                  prefix: 'before ',
                  suffix: ' after',
                },
              ],
      },
      body: {
        note: i === 1 ? '' : i === 2 ? 'Long thought. '.repeat(5000) : `note ${i} — vérifier 🙃\nline two`,
        tags: i % 3 === 0 ? ['budget', 'Wasser'] : [],
        colour: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5]!,
      },
      pageKeys: pageKeys({ url: `${page.url}/${i % 7}`, canonicalUrl: null }),
      created: new Date(may1 + i * 1000).toISOString(),
      modified: new Date(may2 + i * 1000).toISOString(),
    }));
    await released.table('annotations').bulkAdd(records);
    released.close();

    const db = new ScrutinyDatabase('scrutiny', environment);
    await db.open();
    expect(db.verno).toBe(3);
    const after = await db.annotations.toArray();
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...records].sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const table of [db.articles, db.articleVersions, db.clippings, db.collections, db.settings])
      expect(await table.count()).toBe(0);
    const indexes = (name: string) =>
      [...db.backendDB().transaction(name).objectStore(name).indexNames].sort();
    expect(indexes('annotations')).toEqual(['kind', 'modified', 'pageKeys']);
    expect(indexes('articles')).toEqual([
      'collectionIds',
      'lang',
      'outlet',
      'pageKeys',
      'published',
      'savedAt',
      'tags',
      'updatedAt',
    ]);
    expect(indexes('articleVersions')).toEqual(['articleId', 'savedAt']);
    expect(indexes('clippings')).toEqual(['annotationId', 'collectionId', 'created', 'pageKeys', 'tags']);
    expect(indexes('collections')).toEqual(['nameKey']);
    expect(db.backendDB().transaction('collections').objectStore('collections').index('nameKey').unique).toBe(
      true,
    );
    expect(indexes('settings')).toEqual([]);
    const found = await listAnnotationsForPage(db, pageKeys({ url: `${page.url}/0`, canonicalUrl: null }));
    // Two page notes on that page (0 and 350): the newer one shows, the other is kept beside it.
    expect(found.pageNote?.id).toBe(records[350]!.id);
    expect(found.otherPageNotes.map((note) => note.id)).toEqual([records[0]!.id]);
    db.close();
  });

  it('mends whatever a draft record lacks rather than fail the upgrade', () => {
    const upgraded = upgradeRecordV1(
      { id: '7c3d5e8f-0a9b-4d2c-8e5f-3a2b1c0d9e8f' },
      '2025-01-01T00:00:00.000Z',
    );
    expect(upgraded).toEqual({
      id: '7c3d5e8f-0a9b-4d2c-8e5f-3a2b1c0d9e8f',
      kind: 'page-note',
      target: { url: '', canonicalUrl: null, title: '', selector: [] },
      body: { note: '', tags: [], colour: 'yellow' },
      pageKeys: [],
      created: '2025-01-01T00:00:00.000Z',
      modified: '2025-01-01T00:00:00.000Z',
    });
    const odd = upgradeRecordV1(
      {
        id: 'x',
        url: 'https://example.com/a',
        exact: 'p',
        start: 9,
        end: 3,
        created: Number.NaN,
        modified: may1,
      },
      '2025-01-01T00:00:00.000Z',
    );
    expect(odd.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: 'p', prefix: '', suffix: '' }]);
    expect(odd.created).toBe('2024-05-01T09:30:00.000Z');
  });
});
