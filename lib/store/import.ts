/**
 * Writing an import (lib/export/import-plan decides what; this writes it): one transaction over every
 * table, so the library ends with the whole import or, on any failure (a full disk, a name that clashes),
 * exactly as it was, with the store's plain message for the reader.
 */
import { parseBackup } from '../export/backup';
import { parseHypothesisExport } from '../export/hypothesis';
import { planImport, type ImportMode, type ImportPlan } from '../export/import-plan';
import type { ExportData } from '../export/types';
import { toStoreError } from './errors';
import { readExportData } from './export-data';
import type { ScrutinyDatabase, StoredCollection } from './schema';

/** What applyImport needs of an import plan (lib/export/import-plan ImportPlan has it). */
export interface ImportWrite {
  /** Records to write, each whole; a record with an id already stored replaces it. */
  write: ExportData;
  /** Replace: the library is emptied first, in the same transaction. */
  deleteAll: boolean;
  /** When true nothing is written at all (importing the same backup again). */
  changesNothing?: boolean;
}

export interface ImportOutcome {
  /** Keys of every page whose highlights or notes changed (written, or deleted by a replace). */
  pageKeys: string[];
}

const LAST_COLLECTION = 'lastCollectionId';

function nameKeyOf(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function allTables(db: ScrutinyDatabase) {
  return [db.articles, db.articleVersions, db.annotations, db.clippings, db.collections, db.settings];
}

export async function applyImport(db: ScrutinyDatabase, plan: ImportWrite): Promise<ImportOutcome> {
  const { write, deleteAll } = plan;
  try {
    return await db.transaction('rw', allTables(db), async () => {
      const touched = new Set<string>();
      if (deleteAll) {
        await db.annotations.each((annotation) => annotation.pageKeys.forEach((key) => touched.add(key)));
        await Promise.all(allTables(db).map((table) => table.clear()));
      }
      const collections: StoredCollection[] = write.collections.map((collection) => ({
        ...collection,
        nameKey: nameKeyOf(collection.name),
      }));
      await db.articles.bulkPut(write.articles);
      await db.articleVersions.bulkPut(write.versions);
      await db.annotations.bulkPut(write.annotations);
      await db.clippings.bulkPut(write.clippings);
      await db.collections.bulkPut(collections);
      if (write.settings)
        await db.settings.put({ key: LAST_COLLECTION, value: write.settings.lastCollectionId });
      for (const annotation of write.annotations) annotation.pageKeys.forEach((key) => touched.add(key));
      return { pageKeys: [...touched] };
    });
  } catch (error) {
    throw toStoreError(error, 'save');
  }
}

/**
 * Plans and writes an import in one transaction, so nothing another window writes between reading the
 * library and writing the import can be overwritten unseen. `plan` is lib/export/import-plan's planImport,
 * handed in so the store does not decide what an import means.
 */
export async function importInto<Plan extends ImportWrite>(
  db: ScrutinyDatabase,
  plan: (existing: ExportData) => Plan,
): Promise<{ plan: Plan; outcome: ImportOutcome }> {
  try {
    return await db.transaction('rw', allTables(db), async () => {
      const planned = plan(await readExportData(db, { kind: 'everything' }));
      const outcome = planned.changesNothing ? { pageKeys: [] } : await applyImport(db, planned);
      return { plan: planned, outcome };
    });
  } catch (error) {
    throw toStoreError(error, 'save');
  }
}

/** Where an import file comes from: a Scrutiny backup or a Hypothesis export. */
export type ImportSource = 'backup' | 'hypothesis';

export type ReadImportFile =
  | {
      ok: true;
      source: ImportSource;
      incoming: ExportData;
      /** What the file holds that will not be imported, and why (a Hypothesis reply, say). */
      skipped: { reason: string; count: number }[];
    }
  | { ok: false; problem: string };

/**
 * The file's records, whichever kind of file it is, or the plain problem that keeps it out. The library
 * page reads it to show what an import will do; the background reads it again before writing.
 */
export function readImportFile(text: string): ReadImportFile {
  const backup = parseBackup(text);
  if (backup.ok) return { ok: true, source: 'backup', incoming: backup.backup.data, skipped: [] };
  const hypothesis = parseHypothesisExport(text);
  if (hypothesis.ok) {
    const incoming: ExportData = {
      articles: [],
      versions: [],
      annotations: hypothesis.annotations,
      clippings: [],
      collections: [],
      settings: null,
    };
    return { ok: true, source: 'hypothesis', incoming, skipped: hypothesis.skipped };
  }
  // Neither: the backup's problem names it best (a cut-off or too new backup, or not JSON at all).
  return { ok: false, problem: backup.problem };
}

/** Only a backup replaces the library: a Hypothesis export holds notes alone and is always merged. */
export function importModes(source: ImportSource): ImportMode[] {
  return source === 'backup' ? ['merge', 'replace'] : ['merge'];
}

export type ImportTextResult =
  { ok: true; plan: ImportPlan; outcome: ImportOutcome } | { ok: false; problem: string };

/** Reads, plans and writes an import file: all of it, or nothing with the reason. */
export async function importText(
  db: ScrutinyDatabase,
  text: string,
  mode: ImportMode,
): Promise<ImportTextResult> {
  const read = readImportFile(text);
  if (!read.ok) return read;
  if (!importModes(read.source).includes(mode))
    return {
      ok: false,
      problem: 'A Hypothesis export can only be merged into the library. Nothing was changed.',
    };
  const { plan, outcome } = await importInto(db, (existing) => planImport(existing, read.incoming, mode));
  return { ok: true, plan, outcome };
}
