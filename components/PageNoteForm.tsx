import type { JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { Annotation } from '@/lib/annotations/types';
import { formatNoteDate, parseTags, sameTags, savesNote, tagsText } from '@/lib/notes-view-state';
import { TagChips } from './NoteTags';

/** What the reader thinks of the whole article: a note and tags, always open for writing. */
export function PageNoteForm({
  pageNote,
  onSave,
}: {
  pageNote: Annotation | null;
  onSave(note: string, tags: string[]): void;
}) {
  const savedNote = pageNote?.body.note ?? '';
  const savedTags = pageNote?.body.tags ?? [];
  const [note, setNote] = useState(savedNote);
  const [tags, setTags] = useState(tagsText(savedTags));
  // Follow the stored note when it changes (saved, or loaded late); a failed save leaves the draft as typed.
  useEffect(() => {
    setNote(savedNote);
    setTags(tagsText(savedTags));
  }, [savedNote, tagsText(savedTags)]);

  const headingId = useId();
  const tagsId = useId();
  const changed = note.trim() !== savedNote || !sameTags(parseTags(tags), savedTags);
  const save = () => {
    if (changed) onSave(note.trim(), parseTags(tags));
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLFormElement>) => {
    if (!savesNote(event)) return;
    event.preventDefault();
    save();
  };

  return (
    <section class="notes-section page-note" aria-labelledby={headingId} data-testid="page-note">
      <h3 id={headingId} class="notes-heading">
        What I think of this article
      </h3>
      <form
        class="note-editor"
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
        onKeyDown={onKeyDown}
      >
        <textarea
          rows={3}
          aria-labelledby={headingId}
          value={note}
          data-testid="page-note-input"
          onInput={(event) => setNote(event.currentTarget.value)}
        />
        <label class="note-field-label" for={tagsId}>
          Tags <span class="note-field-hint">separated by commas</span>
        </label>
        <input
          type="text"
          id={tagsId}
          autocomplete="off"
          value={tags}
          data-testid="page-note-tags-input"
          onInput={(event) => setTags(event.currentTarget.value)}
        />
        <TagChips tags={parseTags(tags)} />
        <div class="note-editor-buttons">
          <button type="submit" data-testid="page-note-save">
            Save
          </button>
          <span class="note-dates" data-testid="page-note-state">
            {changed ? (
              'Not saved yet'
            ) : pageNote ? (
              <>
                Saved <time dateTime={pageNote.modified}>{formatNoteDate(pageNote.modified)}</time>
              </>
            ) : null}
          </span>
        </div>
      </form>
    </section>
  );
}
