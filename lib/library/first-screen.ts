/**
 * The library's first screen, kept between opens so the list shows at once instead of after the
 * database's cold open (most of the wait on a large library). It is derived data, never the only copy:
 * the page reads the same screen from the database as it opens and replaces what the copy showed.
 *
 * A copy is usable only if nothing wrote to the tables it shows since the page that made it began to
 * read (`readSince`); every connection that writes notes its writes' times (`lib/store/write-watch.ts`)
 * under `FIRST_SCREEN_WRITTEN_KEY`. The extension keeps both in its session storage: in memory, for its
 * own pages only, gone when the browser closes.
 */
import type { LibraryRow } from './catalog';

export const FIRST_SCREEN_KEY = 'libraryFirstScreen';
export const FIRST_SCREEN_WRITTEN_KEY = 'libraryWrittenAt';
/** The tables the first screen shows: a write to one of them makes a kept copy stale. */
export const FIRST_SCREEN_TABLES = ['articles'] as const;

export interface FirstScreenCopy {
  /** When the page that made it began to read (epoch ms): every read of the copy began after this. */
  readSince: number;
  /** How many saved articles there were. */
  total: number;
  rows: LibraryRow[];
}

/** The copy in `stored` (what session storage gave for both keys), or null if it is missing or stale. */
export function usableFirstScreen(stored: Record<string, unknown>): FirstScreenCopy | null {
  const copy = stored[FIRST_SCREEN_KEY];
  const writtenAt = stored[FIRST_SCREEN_WRITTEN_KEY];
  if (!isObject(copy)) return null;
  const { readSince, total, rows } = copy;
  if (typeof readSince !== 'number' || !Number.isFinite(readSince)) return null;
  // A write at the very moment the reads began may or may not be in them.
  if (writtenAt !== undefined && (typeof writtenAt !== 'number' || !(writtenAt < readSince))) return null;
  if (!Number.isSafeInteger(total) || !Array.isArray(rows) || rows.length === 0) return null;
  if ((total as number) < rows.length || !rows.every(isArticleRow)) return null;
  return { readSince, total: total as number, rows };
}

/** What the page keeps after reading its first screen from the database. */
export function firstScreenCopy(readSince: number, total: number, rows: LibraryRow[]): FirstScreenCopy {
  return { readSince, total, rows: rows.map((row) => ({ ...row, terms: [] })) };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStrings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isArticleRow(row: unknown): row is LibraryRow {
  if (!isObject(row)) return false;
  return (
    row.kind === 'article' &&
    ['id', 'title', 'detail', 'excerpt', 'note', 'date', 'url'].every(
      (key) => typeof row[key] === 'string',
    ) &&
    (row.published === null || typeof row.published === 'string') &&
    typeof row.articleId === 'string' &&
    row.colour === null &&
    Number.isSafeInteger(row.versionCount) &&
    isStrings(row.terms) &&
    isStrings(row.tags) &&
    isStrings(row.collectionIds)
  );
}
