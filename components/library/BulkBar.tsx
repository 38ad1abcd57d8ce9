/** What to do with the selected items: tag, move to a collection, delete (each can be undone). */
import { useState } from 'preact/hooks';
import type { Collection } from '@/lib/library/types';

export function BulkBar({
  count,
  total,
  collections,
  onSelectAll,
  onClear,
  onTag,
  onMove,
  onDelete,
}: {
  count: number;
  total: number;
  collections: Collection[];
  onSelectAll(): void;
  onClear(): void;
  onTag(tag: string): void;
  onMove(collection: Collection): void;
  onDelete(): void;
}) {
  const [tag, setTag] = useState('');
  if (count === 0) {
    return total > 0 ? (
      <p class="bulk-bar">
        <button type="button" class="secondary" onClick={onSelectAll} data-testid="select-all">
          Select all {total.toLocaleString()}
        </button>
      </p>
    ) : null;
  }
  return (
    <div class="bulk-bar" role="group" aria-label="Selected items" data-testid="bulk-bar">
      <span>{count.toLocaleString()} selected</span>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const name = tag.trim().replace(/^#/, '');
          if (name) onTag(name);
          setTag('');
        }}
      >
        <input
          type="text"
          aria-label="Tag to add to the selected items"
          placeholder="tag"
          value={tag}
          maxLength={100}
          onInput={(event) => setTag(event.currentTarget.value)}
        />
        <button type="submit" class="secondary">
          Add tag
        </button>
      </form>
      {collections.length > 0 && (
        <label>
          Move to{' '}
          <select
            value=""
            aria-label="Move the selected items to a collection"
            onChange={(event) => {
              const target = collections.find((collection) => collection.id === event.currentTarget.value);
              if (target) onMove(target);
            }}
          >
            <option value="">collection…</option>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" class="secondary danger" onClick={onDelete} data-testid="bulk-delete">
        Delete
      </button>
      <button type="button" class="secondary" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
