/** The library's collections: pick one to see its items; create, rename, merge and delete them. */
import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { Collection } from '@/lib/library/types';

export interface CollectionActions {
  create(name: string): void;
  rename(collection: Collection, name: string): void;
  remove(collection: Collection): void;
  merge(sources: Collection[], target: Collection): void;
}

/** Kept as it is while the list scrolls: rendered again only when its props change. */
export const CollectionsPane = memo(function CollectionsPane({
  collections,
  sizes,
  current,
  onSelect,
  actions,
}: {
  collections: Collection[];
  sizes: Record<string, number>;
  current: string | null;
  onSelect(id: string | null): void;
  actions: CollectionActions;
}) {
  const [newName, setNewName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [merging, setMerging] = useState<string | null>(null);
  const chosen = collections.find((collection) => collection.id === current) ?? null;

  return (
    <section class="collections" aria-labelledby="collections-heading" data-testid="collections">
      <h2 id="collections-heading" class="side-heading">
        Collections
      </h2>
      <ul class="collection-list">
        <li>
          <button
            type="button"
            class="link-button"
            aria-current={current === null ? 'true' : undefined}
            onClick={() => onSelect(null)}
          >
            Everything
          </button>
        </li>
        {collections.map((collection) => (
          <li key={collection.id} data-testid="collection">
            <button
              type="button"
              class="link-button"
              aria-current={current === collection.id ? 'true' : undefined}
              onClick={() => onSelect(collection.id)}
            >
              {collection.name}
            </button>{' '}
            <span class="count">{sizes[collection.id] ?? 0}</span>
          </li>
        ))}
      </ul>
      <form
        class="collection-form"
        onSubmit={(event) => {
          event.preventDefault();
          const name = newName.trim();
          if (!name) return;
          actions.create(name);
          setNewName('');
        }}
      >
        <input
          type="text"
          aria-label="New collection name"
          placeholder="New collection"
          value={newName}
          maxLength={200}
          onInput={(event) => setNewName(event.currentTarget.value)}
        />
        <button type="submit" class="secondary">
          Create
        </button>
      </form>
      {chosen && !editing && merging === null && (
        <p class="collection-actions">
          <button
            type="button"
            class="secondary"
            onClick={() => setEditing({ id: chosen.id, name: chosen.name })}
          >
            Rename
          </button>{' '}
          {collections.length > 1 && (
            <button type="button" class="secondary" onClick={() => setMerging('')}>
              Merge into…
            </button>
          )}{' '}
          <button type="button" class="secondary danger" onClick={() => actions.remove(chosen)}>
            Delete collection
          </button>
        </p>
      )}
      {chosen && editing && (
        <form
          class="collection-form"
          onSubmit={(event) => {
            event.preventDefault();
            const name = editing.name.trim();
            if (name && name !== chosen.name) actions.rename(chosen, name);
            setEditing(null);
          }}
        >
          <input
            type="text"
            aria-label={`New name for ${chosen.name}`}
            value={editing.name}
            maxLength={200}
            onInput={(event) => setEditing({ id: chosen.id, name: event.currentTarget.value })}
          />
          <button type="submit">Rename</button>
          <button type="button" class="secondary" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
      {chosen && merging !== null && (
        <form
          class="collection-form"
          onSubmit={(event) => {
            event.preventDefault();
            const target = collections.find((collection) => collection.id === merging);
            if (target) {
              actions.merge([chosen], target);
              onSelect(target.id);
            }
            setMerging(null);
          }}
        >
          <label>
            Merge “{chosen.name}” into{' '}
            <select value={merging} onChange={(event) => setMerging(event.currentTarget.value)}>
              <option value="">choose a collection</option>
              {collections
                .filter((collection) => collection.id !== chosen.id)
                .map((collection) => (
                  <option key={collection.id} value={collection.id}>
                    {collection.name}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" disabled={!merging}>
            Merge
          </button>
          <button type="button" class="secondary" onClick={() => setMerging(null)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
});
