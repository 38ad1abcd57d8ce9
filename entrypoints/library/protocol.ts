/** Messages between the library page and its catalog worker (lib/library/catalog runs in the worker). */
import type {
  LibraryCounts,
  LibraryFacets,
  LibraryQuery,
  LibraryRow,
  LoadProgress,
} from '@/lib/library/catalog';
import type { LibraryItemKind } from '@/lib/library/search';

export type CatalogRequest =
  | { type: 'query'; seq: number; query: LibraryQuery }
  | { type: 'rows'; seq: number; offset: number; limit: number }
  | { type: 'ids'; seq: number }
  /** Highlights or notes of these pages changed (the background said so to the page). */
  | { type: 'pages-changed'; pageKeys: string[] };

export interface CatalogSummary {
  counts: LibraryCounts;
  facets: LibraryFacets;
  /** Items (articles and clippings) per collection id. */
  sizes: Record<string, number>;
  /** Items matching the current query. */
  total: number;
}

export type CatalogAnswer =
  /** While the worker opens the catalog: how far it got. */
  | ({ type: 'progress' } & LoadProgress)
  | ({ type: 'ready'; ms: number } & CatalogSummary)
  /** The library changed (here or in another window): the page asks for its rows again. */
  | ({ type: 'changed' } & CatalogSummary)
  | { type: 'result'; seq: number; total: number }
  | { type: 'rows'; seq: number; offset: number; rows: LibraryRow[] }
  | { type: 'ids'; seq: number; items: { id: string; kind: LibraryItemKind }[] }
  | { type: 'error'; message: string };
