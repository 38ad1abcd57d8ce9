/**
 * What importing a backup would do, worked out before anything is written, so the reader sees counts,
 * conflicts and skipped records first, and the store then writes `write` (after deleting everything when
 * `deleteAll`) in one transaction.
 *
 * Merge: records are matched by id, collections by name regardless of case (the store keeps names unique
 * that way), and the one changed last wins (`updatedAt` for articles, `modified` for the rest); a record
 * identical to the library's is left alone, so importing one backup twice changes nothing the second time.
 * Snapshots never change once written, so one the library lacks is added and one it has is left.
 * Replace: the library becomes exactly the backup.
 */
import type { Annotation } from '../annotations/types';
import type { ArticleSnapshot, Clipping, Collection, LibrarySettings, SavedArticle } from '../library/types';
import { canonicalJson } from './backup';
import type { ExportData } from './types';

export type ImportMode = 'merge' | 'replace';

export type ImportRecordKind = 'articles' | 'versions' | 'annotations' | 'clippings' | 'collections';

export interface ImportCounts {
  /** In the backup, not in the library. */
  added: number;
  /** In both, and the backup's copy is written over the library's. */
  updated: number;
  /** In both and the same, or the library's copy is kept. */
  unchanged: number;
  /** In the backup but not imported (see `skipped` for why). */
  skipped: number;
  /** In the library and gone after the import (replace mode only). */
  removed: number;
}

export interface ImportConflict {
  kind: ImportRecordKind;
  id: string;
  /** The record as the reader knows it: an article's or a collection's title, a note's first words. */
  title: string;
  /** What the import does about it, in a plain sentence. */
  resolution: string;
}

export interface ImportPlan {
  mode: ImportMode;
  /**
   * The records to put, in their final form (collection ids already remapped). `settings` is null when
   * they stay as they are.
   */
  write: ExportData;
  /** Replace mode: empty every table of the library before writing. */
  deleteAll: boolean;
  counts: Record<ImportRecordKind, ImportCounts>;
  /** Records that both sides have changed, and which side wins. */
  conflicts: ImportConflict[];
  skipped: { reason: string; count: number }[];
  /** True when the import would leave the library exactly as it is. */
  changesNothing: boolean;
}

const KINDS: readonly ImportRecordKind[] = [
  'articles',
  'versions',
  'annotations',
  'clippings',
  'collections',
];

/** As the store compares collection names: case, and runs of spaces, do not count. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function planImport(existing: ExportData, incoming: ExportData, mode: ImportMode): ImportPlan {
  return mode === 'replace' ? planReplace(existing, incoming) : planMerge(existing, incoming);
}

function emptyCounts(): Record<ImportRecordKind, ImportCounts> {
  const counts = {} as Record<ImportRecordKind, ImportCounts>;
  for (const kind of KINDS) counts[kind] = { added: 0, updated: 0, unchanged: 0, skipped: 0, removed: 0 };
  return counts;
}

function emptyData(): ExportData {
  return { articles: [], versions: [], annotations: [], clippings: [], collections: [], settings: null };
}

function changes(counts: Record<ImportRecordKind, ImportCounts>): boolean {
  return KINDS.some((kind) => counts[kind].added + counts[kind].updated + counts[kind].removed > 0);
}

function planReplace(existing: ExportData, incoming: ExportData): ImportPlan {
  const counts = emptyCounts();
  for (const kind of KINDS) {
    const before = new Map<string, unknown>(existing[kind].map((record) => [record.id, record]));
    const after = new Set<string>();
    for (const record of incoming[kind]) {
      after.add(record.id);
      const old = before.get(record.id);
      if (old === undefined) counts[kind].added++;
      else if (same(old, record)) counts[kind].unchanged++;
      else counts[kind].updated++;
    }
    counts[kind].removed = [...before.keys()].filter((id) => !after.has(id)).length;
  }
  const settingsChange = !same(existing.settings, incoming.settings);
  return {
    mode: 'replace',
    write: { ...incoming, settings: incoming.settings ?? { lastCollectionId: null } },
    deleteAll: true,
    counts,
    conflicts: [],
    skipped: [],
    changesNothing: !changes(counts) && !settingsChange,
  };
}

/** Counts skipped records by reason, in the order the reasons first appear. */
class SkipTally {
  private readonly reasons = new Map<string, number>();
  add(reason: string): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }
  list(): { reason: string; count: number }[] {
    return [...this.reasons].map(([reason, count]) => ({ reason, count }));
  }
}

function planMerge(existing: ExportData, incoming: ExportData): ImportPlan {
  const counts = emptyCounts();
  const conflicts: ImportConflict[] = [];
  const skipped = new SkipTally();
  const write = emptyData();

  // Collections first: their ids in the backup may stand for other ids in the library.
  const collectionIds = new Map<string, string>(); // backup id → library id
  const existingCollectionsById = new Map(existing.collections.map((c) => [c.id, c]));
  const existingCollectionsByName = new Map(existing.collections.map((c) => [nameKey(c.name), c]));
  for (const collection of incoming.collections) {
    const match =
      existingCollectionsById.get(collection.id) ?? existingCollectionsByName.get(nameKey(collection.name));
    if (!match) {
      collectionIds.set(collection.id, collection.id);
      existingCollectionsByName.set(nameKey(collection.name), collection);
      counts.collections.added++;
      write.collections.push(collection);
      continue;
    }
    collectionIds.set(collection.id, match.id);
    const nameTaken = existingCollectionsByName.get(nameKey(collection.name));
    const candidate: Collection = { ...collection, id: match.id };
    if (nameTaken && nameTaken.id !== match.id) {
      // Renamed in the backup to a name another collection of the library already has.
      candidate.name = match.name;
    }
    decide('collections', match, candidate, match.modified, candidate.modified, match.name);
  }
  const knownCollections = new Set([
    ...existing.collections.map((c) => c.id),
    ...write.collections.map((c) => c.id),
  ]);
  const remapCollection = (id: string) => collectionIds.get(id) ?? id;

  // Articles, then their snapshots.
  const existingArticles = new Map(existing.articles.map((a) => [a.id, a]));
  const finalArticles = new Map<string, SavedArticle>(existingArticles);
  const writtenArticles = new Map<string, SavedArticle>();
  for (const article of incoming.articles) {
    const candidate: SavedArticle = {
      ...article,
      collectionIds: unique(article.collectionIds.map(remapCollection)).filter((id) =>
        knownCollections.has(id),
      ),
    };
    const old = existingArticles.get(article.id);
    if (!old) {
      counts.articles.added++;
      finalArticles.set(article.id, candidate);
      writtenArticles.set(article.id, candidate);
      continue;
    }
    if (decide('articles', old, candidate, old.updatedAt, candidate.updatedAt, old.title)) {
      finalArticles.set(article.id, candidate);
      writtenArticles.set(article.id, candidate);
    }
  }
  const existingVersionIds = new Set(existing.versions.map((v) => v.id));
  const versionCounts = new Map<string, number>();
  for (const version of existing.versions) {
    versionCounts.set(version.articleId, (versionCounts.get(version.articleId) ?? 0) + 1);
  }
  for (const version of incoming.versions) {
    if (existingVersionIds.has(version.id)) {
      counts.versions.unchanged++;
    } else if (!finalArticles.has(version.articleId)) {
      counts.versions.skipped++;
      skipped.add('an article version whose article is neither in the backup nor in the library');
    } else {
      counts.versions.added++;
      write.versions.push(version);
      existingVersionIds.add(version.id);
      versionCounts.set(version.articleId, (versionCounts.get(version.articleId) ?? 0) + 1);
    }
  }
  // An article gained old snapshots from the other side: its count of versions follows.
  for (const [articleId, versionCount] of versionCounts) {
    const article = finalArticles.get(articleId);
    if (!article || article.versionCount === versionCount) continue;
    const mended = { ...article, versionCount };
    if (!writtenArticles.has(articleId)) {
      counts.articles.unchanged--;
      counts.articles.updated++;
    }
    writtenArticles.set(articleId, mended);
  }
  write.articles.push(...writtenArticles.values());

  const existingAnnotations = new Map(existing.annotations.map((a) => [a.id, a]));
  for (const annotation of incoming.annotations) {
    const old = existingAnnotations.get(annotation.id);
    if (!old) {
      counts.annotations.added++;
      write.annotations.push(annotation);
    } else {
      decide('annotations', old, annotation, old.modified, annotation.modified, annotationTitle(old));
    }
  }

  const existingClippings = new Map(existing.clippings.map((c) => [c.id, c]));
  for (const clipping of incoming.clippings) {
    const candidate: Clipping = { ...clipping, collectionId: remapCollection(clipping.collectionId) };
    if (!knownCollections.has(candidate.collectionId)) {
      counts.clippings.skipped++;
      skipped.add('a clipping whose collection is neither in the backup nor in the library');
      continue;
    }
    const old = existingClippings.get(clipping.id);
    if (!old) {
      counts.clippings.added++;
      write.clippings.push(candidate);
    } else {
      decide('clippings', old, candidate, old.modified, candidate.modified, snippet(old.text));
    }
  }

  // Settings: the library's own win; a library that has none takes the backup's.
  const incomingSettings: LibrarySettings | null = incoming.settings && {
    lastCollectionId: incoming.settings.lastCollectionId
      ? remapCollection(incoming.settings.lastCollectionId)
      : null,
  };
  const takeSettings =
    incomingSettings !== null &&
    (existing.settings === null || existing.settings.lastCollectionId === null) &&
    !same(existing.settings, incomingSettings);
  write.settings = takeSettings ? incomingSettings : null;

  return {
    mode: 'merge',
    write,
    deleteAll: false,
    counts,
    conflicts,
    skipped: skipped.list(),
    changesNothing: !changes(counts) && !takeSettings,
  };

  /** Counts the pair and, when the backup's copy wins, queues it; returns whether it does. */
  function decide<T extends SavedArticle | ArticleSnapshot | Annotation | Clipping | Collection>(
    kind: ImportRecordKind,
    old: T,
    candidate: T,
    oldTime: string,
    newTime: string,
    title: string,
  ): boolean {
    if (same(old, candidate)) {
      counts[kind].unchanged++;
      return false;
    }
    const backupIsNewer = Date.parse(newTime) > Date.parse(oldTime);
    conflicts.push({
      kind,
      id: old.id,
      title,
      resolution: backupIsNewer
        ? "The backup's copy was changed later: it replaces the library's."
        : "The library's copy was changed at the same time or later: it is kept.",
    });
    if (!backupIsNewer) {
      counts[kind].unchanged++;
      return false;
    }
    counts[kind].updated++;
    if (kind === 'collections') write.collections.push(candidate as Collection);
    if (kind === 'annotations') write.annotations.push(candidate as Annotation);
    if (kind === 'clippings') write.clippings.push(candidate as Clipping);
    return true;
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

function annotationTitle(annotation: Annotation): string {
  const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
  return snippet(quote?.exact || annotation.body.note || annotation.target.title);
}
