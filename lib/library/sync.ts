/**
 * How the extension's own pages (panels, sidebars, library pages, the background) learn that the library
 * changed, so each shows the same state without a reload. Whoever writes posts on one BroadcastChannel of
 * the extension's origin after the write committed; web pages are another origin and never hear it.
 * Highlights and notes keep their own announcement (AnnotationsChanged), which also reaches the pages.
 */

export const LIBRARY_CHANNEL = 'scrutiny-library';

export type LibraryTable = 'articles' | 'clippings' | 'collections' | 'annotations';

export interface LibraryChange {
  type: 'scrutiny/library-changed';
  /** Which kinds of record changed. */
  tables: LibraryTable[];
  /** Ids of the records written or deleted, when the writer knows them (none: reload everything). */
  ids: string[];
  /** Keys of the pages concerned (lib/annotations/page-keys), so a panel knows whether its page is one. */
  pageKeys: string[];
}

const TABLES = new Set<string>(['articles', 'clippings', 'collections', 'annotations']);
const MAX_IDS = 100_000;

/** The change a message announces, checked, or null for anything else. */
export function readLibraryChange(data: unknown): LibraryChange | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, tables, ids, pageKeys } = data as Record<string, unknown>;
  if (type !== 'scrutiny/library-changed') return null;
  const strings = (value: unknown, max: number): value is string[] =>
    Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string');
  if (!strings(tables, 4) || !tables.every((table) => TABLES.has(table))) return null;
  if (!strings(ids, MAX_IDS) || !strings(pageKeys, 1_000)) return null;
  return { type, tables: tables as LibraryTable[], ids: [...ids], pageKeys: [...pageKeys] };
}

/** Tell every other page of the extension. Never throws: a page that cannot hear it reloads on focus. */
export function announceLibraryChange(change: Omit<LibraryChange, 'type'>): void {
  try {
    const channel = new BroadcastChannel(LIBRARY_CHANNEL);
    channel.postMessage({ type: 'scrutiny/library-changed', ...change } satisfies LibraryChange);
    channel.close();
  } catch {
    // No BroadcastChannel (an old browser): the other pages catch up when they next load.
  }
}

/** Listen for changes others announce; returns the function that stops listening. */
export function onLibraryChange(listener: (change: LibraryChange) => void): () => void {
  let channel: BroadcastChannel;
  try {
    channel = new BroadcastChannel(LIBRARY_CHANNEL);
  } catch {
    return () => undefined;
  }
  channel.onmessage = (event: MessageEvent) => {
    const change = readLibraryChange(event.data);
    if (change) listener(change);
  };
  return () => channel.close();
}
