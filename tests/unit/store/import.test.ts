/** Writing an import: whole or not at all, the same twice, and replace. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupText } from '../../../lib/export/backup';
import type { ExportData } from '../../../lib/export/types';
import {
  applyImport,
  createCollection,
  createHighlight,
  importInto,
  importText,
  readExportData,
  saveArticle,
  savePageNote,
  ScrutinyDatabase,
  StoreError,
} from '../../../lib/store';
import { articleInput } from '../helpers/library';
import { article as annotatedPage, fillTheDisk, freshDatabase, passage } from './database';

const databases: ScrutinyDatabase[] = [];
afterEach(() => {
  databases.splice(0).forEach((db) => db.close());
  vi.restoreAllMocks();
});

function database(): ScrutinyDatabase {
  const db = freshDatabase();
  databases.push(db);
  return db;
}

/** A library written the ordinary way, read back as a backup would carry it. */
async function backupOfALibrary(): Promise<ExportData> {
  const source = database();
  const collection = await createCollection(source, 'Bridges');
  const saved = await saveArticle(source, articleInput());
  await source.articles.update(saved.article.id, { collectionIds: [collection.id] });
  await createHighlight(source, {
    page: annotatedPage,
    selectors: passage('water plan', 4),
    note: 'Costs? 💧',
  });
  await savePageNote(source, { page: annotatedPage, note: 'Read again', tags: ['later'] });
  return readExportData(source, { kind: 'everything' });
}

/** A library of its own, to import into. */
async function libraryWithOneNote(db: ScrutinyDatabase) {
  return savePageNote(db, {
    page: { url: 'https://mine.example/a', canonicalUrl: null, title: 'Mine' },
    note: 'My own note',
    tags: [],
  });
}

describe('applyImport', () => {
  it('merges the backup into the library, and a second time changes nothing', async () => {
    const backup = await backupOfALibrary();
    const db = database();
    const mine = await libraryWithOneNote(db);
    const outcome = await applyImport(db, { write: backup, deleteAll: false });
    const once = await readExportData(db, { kind: 'everything' });
    expect(once.annotations.map((note) => note.id).sort()).toEqual(
      [mine.id, ...backup.annotations.map((note) => note.id)].sort(),
    );
    expect(once.articles).toEqual(backup.articles);
    expect(once.versions).toEqual(backup.versions);
    expect(once.collections).toEqual(backup.collections);
    expect(outcome.pageKeys).toEqual(expect.arrayContaining(backup.annotations[0]!.pageKeys));

    await applyImport(db, { write: backup, deleteAll: false });
    expect(await readExportData(db, { kind: 'everything' })).toEqual(once);
  });

  it('replaces the library when asked: the reader’s own records go, the backup’s stay', async () => {
    const backup = await backupOfALibrary();
    const db = database();
    const mine = await libraryWithOneNote(db);
    const outcome = await applyImport(db, { write: backup, deleteAll: true });
    expect(await readExportData(db, { kind: 'everything' })).toEqual(backup);
    // The page whose note went is announced too, so its open tabs redraw.
    expect(outcome.pageKeys).toEqual(expect.arrayContaining(mine.pageKeys));
  });

  it('writes nothing when the disk fills midway, and says so plainly', async () => {
    const backup = await backupOfALibrary();
    const db = database();
    await libraryWithOneNote(db);
    const before = await readExportData(db, { kind: 'everything' });
    await fillTheDisk(db);
    const error = await applyImport(db, { write: backup, deleteAll: true }).catch(
      (reason: unknown) => reason,
    );
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).failure).toBe('disk-full');
    expect((error as StoreError).message).toMatch(/disk is full.*Nothing was changed/);
    expect(await readExportData(db, { kind: 'everything' })).toEqual(before);
  });

  it('writes nothing when one record is refused after others were written', async () => {
    const backup = await backupOfALibrary();
    const db = database();
    await libraryWithOneNote(db);
    const before = await readExportData(db, { kind: 'everything' });
    // A collection whose name another one has already (the unique index refuses it), written last of all.
    const clash = { ...backup.collections[0]!, id: 'another-id' };
    const broken = { ...backup, collections: [...backup.collections, clash] };
    await expect(applyImport(db, { write: broken, deleteAll: false })).rejects.toBeInstanceOf(StoreError);
    expect(await readExportData(db, { kind: 'everything' })).toEqual(before);
  });
});

describe('importInto', () => {
  it('hands the plan the library as it is and writes what the plan says, in one go', async () => {
    const backup = await backupOfALibrary();
    const db = database();
    const mine = await libraryWithOneNote(db);
    const seen: ExportData[] = [];
    const { plan } = await importInto(db, (existing) => {
      seen.push(existing);
      return { write: backup, deleteAll: false, label: 'merge' };
    });
    expect(plan.label).toBe('merge');
    expect(seen[0]!.annotations.map((note) => note.id)).toEqual([mine.id]);
    expect((await readExportData(db, { kind: 'everything' })).articles).toEqual(backup.articles);
  });

  it('writes nothing when planning fails', async () => {
    const db = database();
    await libraryWithOneNote(db);
    const before = await readExportData(db, { kind: 'everything' });
    await expect(
      importInto(db, () => {
        throw new Error('no plan');
      }),
    ).rejects.toBeInstanceOf(StoreError);
    expect(await readExportData(db, { kind: 'everything' })).toEqual(before);
  });
});

describe('importText', () => {
  const hypothesisExport = JSON.stringify({
    export_date: '2026-11-01T00:00:00Z',
    annotations: [
      {
        id: 'hyp-1',
        uri: 'https://news.example/story',
        text: 'A note from Hypothesis',
        tags: ['hyp'],
        created: '2026-10-01T00:00:00Z',
        updated: '2026-10-01T00:00:00Z',
        target: [
          {
            source: 'https://news.example/story',
            selector: [
              { type: 'TextQuoteSelector', exact: 'the council', prefix: 'Today ', suffix: ' voted' },
            ],
          },
        ],
      },
      {
        id: 'hyp-2',
        uri: 'https://news.example/story',
        references: ['hyp-1'],
        text: 'A reply',
        created: '2026-10-02T00:00:00Z',
      },
    ],
  });

  it('imports a backup once; the same backup again changes nothing and writes nothing', async () => {
    const text = backupText(await backupOfALibrary(), new Date('2026-12-04T00:00:00Z'));
    const db = database();
    await libraryWithOneNote(db);
    const first = await importText(db, text, 'merge');
    expect(first.ok && first.plan.changesNothing).toBe(false);
    const after = await readExportData(db, { kind: 'everything' });
    const write = vi.spyOn(db.annotations, 'bulkPut');
    const second = await importText(db, text, 'merge');
    expect(second.ok && second.plan.changesNothing).toBe(true);
    expect(write).not.toHaveBeenCalled();
    expect(await readExportData(db, { kind: 'everything' })).toEqual(after);
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['a cut-off backup', '{"data":{"articles":[', /cut off/],
    [
      'a backup from a newer Scrutiny',
      '{"format":"scrutiny-backup","version":99,"exported":"x","data":{}}',
      /newer/,
    ],
  ])('refuses %s with its problem and writes nothing', async (_name, text, problem) => {
    const db = database();
    await libraryWithOneNote(db);
    const before = await readExportData(db, { kind: 'everything' });
    const result = await importText(db, text, 'replace');
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(problem) });
    expect(await readExportData(db, { kind: 'everything' })).toEqual(before);
  });

  it('merges a Hypothesis export’s annotations, and never lets one replace the library', async () => {
    const db = database();
    const mine = await libraryWithOneNote(db);
    const refused = await importText(db, hypothesisExport, 'replace');
    expect(refused).toEqual({ ok: false, problem: expect.stringMatching(/only be merged/) });
    const merged = await importText(db, hypothesisExport, 'merge');
    expect(merged.ok).toBe(true);
    const notes = (await readExportData(db, { kind: 'everything' })).annotations;
    expect(notes.map((note) => note.body.note).sort()).toEqual(['A note from Hypothesis', mine.body.note]);
  });
});
