/** Planning an import: merge by id and newer time, collections by name, replace, and idempotence. */
import { describe, expect, it } from 'vitest';
import { planImport, type ImportPlan } from '../../../lib/export/import-plan';
import type { ExportData } from '../../../lib/export/types';
import { trickyLibrary, uuid } from './library';

const EMPTY: ExportData = {
  articles: [],
  versions: [],
  annotations: [],
  clippings: [],
  collections: [],
  settings: null,
};

/** The library after writing a plan, as the store does (lib/store/import.ts applyImport). */
function applied(existing: ExportData, plan: ImportPlan): ExportData {
  const base = plan.deleteAll ? EMPTY : existing;
  const put = <T extends { id: string }>(records: T[], written: T[]) => {
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const record of written) byId.set(record.id, record);
    return [...byId.values()];
  };
  return {
    articles: put(base.articles, plan.write.articles),
    versions: put(base.versions, plan.write.versions),
    annotations: put(base.annotations, plan.write.annotations),
    clippings: put(base.clippings, plan.write.clippings),
    collections: put(base.collections, plan.write.collections),
    settings: plan.write.settings ?? base.settings,
  };
}

describe('planImport', () => {
  it('merging one backup twice changes nothing the second time', () => {
    const backup = trickyLibrary();
    const first = planImport(EMPTY, backup, 'merge');
    expect(first.changesNothing).toBe(false);
    expect(first.counts.annotations).toMatchObject({ added: 4, updated: 0, unchanged: 0 });
    const library = applied(EMPTY, first);
    const second = planImport(library, backup, 'merge');
    expect(second.changesNothing).toBe(true);
    expect(second.write).toEqual({ ...EMPTY });
    expect(second.conflicts).toEqual([]);
    expect(second.counts.annotations).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('replacing with the same backup twice changes nothing the second time', () => {
    const backup = trickyLibrary();
    const library = applied(EMPTY, planImport(EMPTY, backup, 'replace'));
    expect(planImport(library, backup, 'replace').changesNothing).toBe(true);
  });

  it('lets the copy changed last win, and lists the conflict', () => {
    const library = trickyLibrary();
    const [mine, theirs] = [library.annotations[0], library.annotations[1]];
    if (!mine || !theirs) throw new Error('fixture has annotations');
    const newerMine = {
      ...mine,
      body: { ...mine.body, note: 'edited here' },
      modified: '2026-12-01T00:00:00.000Z',
    };
    const newerTheirs = {
      ...theirs,
      body: { ...theirs.body, note: 'edited there' },
      modified: '2026-12-01T00:00:00.000Z',
    };
    const existing = { ...library, annotations: [newerMine, theirs, ...library.annotations.slice(2)] };
    const incoming = { ...library, annotations: [mine, newerTheirs, ...library.annotations.slice(2)] };
    const plan = planImport(existing, incoming, 'merge');
    expect(plan.write.annotations).toEqual([newerTheirs]);
    expect(plan.counts.annotations).toMatchObject({ updated: 1, unchanged: 3 });
    expect(plan.conflicts.map((conflict) => [conflict.id, conflict.resolution])).toEqual([
      [mine.id, expect.stringMatching(/library's .* kept/)],
      [theirs.id, expect.stringMatching(/backup's .* replaces/)],
    ]);
  });

  it('matches collections by name regardless of case, and moves the backup’s records to the library’s id', () => {
    const backup = trickyLibrary();
    const mineId = uuid(5000);
    const existing: ExportData = {
      ...EMPTY,
      collections: [
        {
          id: mineId,
          name: '  bridge RESEARCH ',
          created: '2026-01-01T00:00:00.000Z',
          modified: '2026-12-31T00:00:00.000Z',
        },
      ],
    };
    const plan = planImport(existing, backup, 'merge');
    expect(plan.counts.collections).toMatchObject({ added: 0, unchanged: 1 });
    expect(plan.write.collections).toEqual([]);
    expect(plan.write.clippings.map((clipping) => clipping.collectionId)).toEqual([mineId]);
    expect(plan.write.articles.find((article) => article.id === uuid(1))?.collectionIds).toEqual([mineId]);
    expect(plan.write.settings).toEqual({ lastCollectionId: mineId });
  });

  it('skips, and counts, a clipping whose collection is nowhere', () => {
    const backup = { ...trickyLibrary(), collections: [] };
    const plan = planImport(EMPTY, backup, 'merge');
    expect(plan.counts.clippings.skipped).toBe(1);
    expect(plan.skipped).toEqual([{ reason: expect.stringMatching(/collection/), count: 1 }]);
    expect(plan.write.clippings).toEqual([]);
  });

  it('replace writes the whole backup over an emptied library and counts what goes', () => {
    const existing = trickyLibrary();
    const backup = { ...trickyLibrary(), annotations: [] };
    const plan = planImport(existing, backup, 'replace');
    expect(plan.deleteAll).toBe(true);
    expect(plan.write.annotations).toEqual([]);
    expect(plan.write.articles).toHaveLength(3);
    expect(plan.counts.annotations.removed).toBe(4);
    expect(plan.changesNothing).toBe(false);
  });
});
