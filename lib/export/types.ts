/**
 * What an export reads and writes. The data is the library's own records (lib/library/types,
 * lib/annotations/types) as they are stored, so an export loses nothing and an import needs no mapping.
 * The store layer (lib/store/export-data.ts) gathers an `ExportData` for a scope; the formats
 * (lib/export/*) turn it into files without touching the store, so the CLI runs them on a backup file.
 */
import type { Annotation } from '../annotations/types';
import type { ArticleSnapshot, Clipping, Collection, LibrarySettings, SavedArticle } from '../library/types';

/** Everything an export may need, already narrowed to the scope the reader chose. */
export interface ExportData {
  articles: SavedArticle[];
  /** Every snapshot of the articles above, oldest first per article. */
  versions: ArticleSnapshot[];
  /** Highlights and page notes: those on the articles above, or all of them for "everything". */
  annotations: Annotation[];
  clippings: Clipping[];
  collections: Collection[];
  /** Present only in a whole-library export. */
  settings: LibrarySettings | null;
}

export type ExportFormat = 'markdown' | 'csv' | 'json' | 'w3c' | 'csl-json' | 'bibtex' | 'ris';

/** Which articles and items an export covers. */
export type ExportScope =
  | { kind: 'article'; articleId: string }
  /** A page that is open but not saved: its annotations, found by its page keys. */
  | { kind: 'page'; pageKeys: string[] }
  | { kind: 'collection'; collectionId: string }
  | { kind: 'tag'; tag: string }
  /** The library's current search result, as item ids (articles, clippings, annotations). */
  | { kind: 'items'; ids: string[] }
  | { kind: 'everything' };

export interface ExportOptions {
  /** Markdown only: one `.zip` with a file per article, or one combined `.md` file. */
  markdownLayout: 'zip' | 'combined';
  /** The export's own time (file names, `exported` fields); tests pass a fixed one. */
  now: Date;
  /** Called now and then with the share done, from 0 to 1. */
  onProgress?: (done: number) => void;
  /** Aborting it stops the export with an AbortError. */
  signal?: AbortSignal;
}

/** One file, ready to download or print. */
export interface ExportFile {
  /** A file name built from outlet, date and title, safe on every common file system. */
  name: string;
  mime: string;
  /**
   * The file's bytes in order, in pieces of about a megabyte: a large export is never joined into one
   * array (a `Blob` or a stream takes the pieces as they are). `fileBytes` joins them when needed.
   */
  chunks: Uint8Array[];
}
