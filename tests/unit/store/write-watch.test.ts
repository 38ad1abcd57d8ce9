/** watchWrites: one call per write to a watched table, before the write, whatever store function does it. */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addArticlesToCollection,
  createCollection,
  deleteArticles,
  listArticlesPage,
  restoreArticles,
  saveArticle,
  ScrutinyDatabase,
  setArticleTags,
} from '../../../lib/store';
import { watchWrites } from '../../../lib/store/write-watch';
import { articleInput } from '../helpers/library';
import { fakeIndexedDB } from './database';

let db: ScrutinyDatabase;
afterEach(() => db?.close());

function watched(tables: string[]) {
  db = new ScrutinyDatabase('scrutiny', fakeIndexedDB());
  const calls: string[] = [];
  watchWrites(db, tables, (table) => calls.push(table));
  return calls;
}

describe('watchWrites', () => {
  it('is called for every store function that writes saved articles, and for nothing that only reads', async () => {
    const calls = watched(['articles']);
    const saved = await saveArticle(db, articleInput(), new Date('2026-12-01T10:00:00Z'));
    expect(calls).toContain('articles');

    calls.length = 0;
    await listArticlesPage(db, { sort: 'savedAt', offset: 0, limit: 10 });
    await db.articles.count();
    expect(calls).toEqual([]);

    const id = saved.article.id;
    for (const write of [
      () => setArticleTags(db, [id], ['harbor']),
      async () => addArticlesToCollection(db, [id], (await createCollection(db, 'Bridges')).id),
      async () => restoreArticles(db, await deleteArticles(db, [id])),
    ]) {
      calls.length = 0;
      await write();
      expect(calls.length).toBeGreaterThan(0);
      expect(new Set(calls)).toEqual(new Set(['articles']));
    }
  });

  it('leaves the tables it does not watch alone', async () => {
    const calls = watched(['articles']);
    await createCollection(db, 'Bridges');
    await db.settings.put({ key: 'x', value: 1 });
    expect(calls).toEqual([]);
  });

  it('never stands in the way of the write when the listener fails', async () => {
    db = new ScrutinyDatabase('scrutiny', fakeIndexedDB());
    watchWrites(db, ['articles'], () => {
      throw new Error('session storage is gone');
    });
    await saveArticle(db, articleInput(), new Date('2026-12-01T10:00:00Z'));
    expect(await db.articles.count()).toBe(1);
  });

  it('calls before the write: a read begun after the call sees it', async () => {
    db = new ScrutinyDatabase('scrutiny', fakeIndexedDB());
    const counts: Promise<number>[] = [];
    // The read starts from inside the listener, before the write it announces has run.
    watchWrites(db, ['articles'], () => counts.push(Dexie.ignoreTransaction(() => db.articles.count())));
    await saveArticle(db, articleInput(), new Date('2026-12-01T10:00:00Z'));
    expect(counts.length).toBeGreaterThan(0);
    expect(await Promise.all(counts)).not.toContain(0);
  });
});
