/**
 * A passage the reader just clipped: which collection it went into (another, or a new one named on the
 * spot), a note and tags. Shown in the panel, never in the page, so the reader's words stay out of the
 * page's reach.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Clipping, Collection } from '@/lib/library/types';

const NEW_COLLECTION = '__new__';

export interface ClipEdit {
  /** An existing collection's id, or null with `newCollection` set. */
  collectionId: string | null;
  newCollection: string;
  note: string;
  tags: string[];
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((tag) => tag.trim().replace(/^#/, ''))
        .filter(Boolean),
    ),
  ];
}

export function ClipCard({
  clipping,
  collections,
  error,
  onSave,
  onRemove,
  onDone,
}: {
  clipping: Clipping;
  collections: Collection[];
  error: string | null;
  onSave(edit: ClipEdit): void;
  onRemove(): void;
  onDone(): void;
}) {
  const [collectionId, setCollectionId] = useState(clipping.collectionId);
  const [newName, setNewName] = useState('');
  const [note, setNote] = useState(clipping.note);
  const [tags, setTags] = useState(clipping.tags.join(', '));
  useEffect(() => {
    setCollectionId(clipping.collectionId);
    setNote(clipping.note);
    setTags(clipping.tags.join(', '));
  }, [clipping.id]);
  const current = collections.find((collection) => collection.id === clipping.collectionId);

  return (
    <section class="clip-card" aria-labelledby="clip-heading" data-testid="clip-card">
      <h3 id="clip-heading">Clipped{current ? ` to “${current.name}”` : ''}</h3>
      <blockquote>
        {clipping.text.length > 400 ? `${clipping.text.slice(0, 400)}…` : clipping.text}
      </blockquote>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const creating = collectionId === NEW_COLLECTION;
          onSave({
            collectionId: creating ? null : collectionId,
            newCollection: creating ? newName.trim() : '',
            note,
            tags: parseTags(tags),
          });
        }}
      >
        <label>
          Collection{' '}
          <select
            value={collectionId}
            onChange={(event) => setCollectionId(event.currentTarget.value)}
            data-testid="clip-collection"
          >
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name}
              </option>
            ))}
            <option value={NEW_COLLECTION}>New collection…</option>
          </select>
        </label>
        {collectionId === NEW_COLLECTION && (
          <label>
            Name of the new collection{' '}
            <input
              type="text"
              value={newName}
              maxLength={200}
              required
              onInput={(event) => setNewName(event.currentTarget.value)}
              data-testid="clip-new-collection"
            />
          </label>
        )}
        <label>
          Note (optional)
          <textarea
            value={note}
            rows={3}
            onInput={(event) => setNote(event.currentTarget.value)}
            data-testid="clip-note"
          />
        </label>
        <label>
          Tags, separated by commas
          <input
            type="text"
            value={tags}
            onInput={(event) => setTags(event.currentTarget.value)}
            data-testid="clip-tags"
          />
        </label>
        {error && (
          <p class="saved-error" role="alert">
            {error}
          </p>
        )}
        <p class="saved-bar-row">
          <button type="submit" data-testid="clip-save">
            Save clipping
          </button>
          <button type="button" class="secondary" onClick={onRemove}>
            Remove clipping
          </button>
          <button type="button" class="secondary" onClick={onDone}>
            Close
          </button>
        </p>
      </form>
    </section>
  );
}
