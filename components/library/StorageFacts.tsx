/** How much the library holds, how much space it takes, and whether the browser keeps it for good. */
import type { LibraryCounts } from '@/lib/library/catalog';

export interface StorageEstimate {
  /** Bytes the extension's storage uses, as the browser estimates it; null when it will not say. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised not to clear this storage under pressure. */
  persisted: boolean;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

function bytes(count: number): string {
  if (count < 1024 * 1024) return `${Math.max(1, Math.round(count / 1024))} KB`;
  if (count < 1024 ** 3) return `${(count / 1024 / 1024).toFixed(1)} MB`;
  return `${(count / 1024 ** 3).toFixed(2)} GB`;
}

export function StorageFacts({
  counts,
  storage,
}: {
  counts: LibraryCounts | null;
  storage: StorageEstimate | null;
}) {
  return (
    <section class="storage-facts" aria-labelledby="storage-heading" data-testid="storage-facts">
      <h2 id="storage-heading" class="side-heading">
        In your library
      </h2>
      {counts ? (
        <ul>
          <li data-testid="count-articles">{plural(counts.articles, 'saved article', 'saved articles')}</li>
          <li>{plural(counts.clippings, 'clipping', 'clippings')}</li>
          <li>{plural(counts.highlights, 'highlight', 'highlights')}</li>
          <li>{plural(counts.notes, 'note on an article', 'notes on articles')}</li>
          <li>{plural(counts.collections, 'collection', 'collections')}</li>
        </ul>
      ) : (
        <p>Counting…</p>
      )}
      {storage && (
        <p class="storage-line" data-testid="storage-line">
          {storage.usage !== null ? `${bytes(storage.usage)} used on this computer. ` : ''}
          {storage.persisted
            ? 'The browser keeps it even when space runs low.'
            : 'The browser has not promised to keep it when space runs low; Scrutiny asked it to.'}
        </p>
      )}
    </section>
  );
}
