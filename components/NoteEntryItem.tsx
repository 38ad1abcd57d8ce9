import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { COLOUR_NAMES, HIGHLIGHT_COLOURS, type HighlightColour } from '@/lib/annotations/types';
import {
  cancelsNote,
  formatNoteDate,
  parseTags,
  passageText,
  sameTags,
  savesNote,
  shortenPassage,
  tagsText,
  wasEdited,
  type NoteEntry,
} from '@/lib/notes-view-state';
import { TagChips } from './NoteTags';

/** What a reader can do to one highlight. */
export interface NoteEntryActions {
  /** Scroll the page to the highlight and light it up. */
  onShowInPage(id: string): void;
  onSaveNote(id: string, note: string): void;
  onSaveTags(id: string, tags: string[]): void;
  onSetColour(id: string, colour: HighlightColour): void;
  onDelete(id: string): void;
  /** Put the highlight into a collection as a clipping (absent where there is no library). */
  onAddToCollection?(id: string): void;
}

/** The note and tags being edited, as typed. */
interface Draft {
  note: string;
  tags: string;
}

function ColourPicker({
  id,
  colour,
  onSetColour,
}: {
  id: string;
  colour: HighlightColour;
  onSetColour(id: string, colour: HighlightColour): void;
}) {
  return (
    <fieldset class="note-colours" data-testid="note-colours">
      <legend class="notes-visually-hidden">Colour</legend>
      {HIGHLIGHT_COLOURS.map((option) => (
        <label key={option} class="note-colour-option" title={COLOUR_NAMES[option]}>
          {/* Native radios: arrow keys move between colours, Tab leaves the group. */}
          <input
            type="radio"
            class="notes-visually-hidden"
            name={`note-colour-${id}`}
            value={option}
            checked={option === colour}
            aria-label={COLOUR_NAMES[option]}
            onChange={() => onSetColour(id, option)}
          />
          <span class={`note-swatch note-colour-${option}`} aria-hidden="true" />
        </label>
      ))}
    </fieldset>
  );
}

/** One highlight: its passage, note, tags, colour and dates, editable in place. */
export function NoteEntryItem({
  entry,
  focused,
  error,
  actions,
}: {
  entry: NoteEntry;
  /** The reader came here from this highlight in the page. */
  focused: boolean;
  error: string | null;
  actions: NoteEntryActions;
}) {
  const { annotation, status } = entry;
  const { id, body } = annotation;
  const [draft, setDraft] = useState<Draft | null>(null);
  const editing = draft !== null;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEditButton = useRef(false);
  // What was last sent to be saved, until the annotation shows it: if the save fails, the words come back.
  const sent = useRef<{ note: string; tags: string[] } | null>(null);

  useEffect(() => {
    if (editing) textarea.current?.focus();
    else if (focusEditButton.current) editButton.current?.focus();
    focusEditButton.current = false;
  }, [editing]);

  const savedTags = tagsText(body.tags);
  useEffect(() => {
    if (sent.current?.note === body.note && sameTags(sent.current.tags, body.tags)) sent.current = null;
  }, [body.note, savedTags]);

  useEffect(() => {
    if (!error || !sent.current) return;
    setDraft({ note: sent.current.note, tags: tagsText(sent.current.tags) });
    sent.current = null;
  }, [error]);

  const close = () => {
    focusEditButton.current = true;
    setDraft(null);
  };
  const save = () => {
    if (!draft) return;
    const note = draft.note.trim();
    const tags = parseTags(draft.tags);
    const noteChanged = note !== body.note;
    const tagsChanged = !sameTags(tags, body.tags);
    if (noteChanged || tagsChanged) sent.current = { note, tags };
    if (noteChanged) actions.onSaveNote(id, note);
    if (tagsChanged) actions.onSaveTags(id, tags);
    close();
  };
  const onEditorKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLFormElement>) => {
    if (savesNote(event)) {
      event.preventDefault();
      save();
    } else if (cancelsNote(event)) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const passage = shortenPassage(passageText(annotation));
  const passageId = `note-passage-${id}`;
  const quoted = (
    <>
      <span class={`note-mark note-colour-${body.colour}`} aria-hidden="true" />
      <span class="note-quote">{passage ? `“${passage}”` : 'The passage was not stored.'}</span>
    </>
  );
  return (
    <li
      class={`note-entry${focused ? ' note-entry-focused' : ''}`}
      tabIndex={-1}
      data-testid="note-entry"
      data-annotation-id={id}
      data-status={status}
    >
      {status === 'anchored' ? (
        <button
          type="button"
          class="note-passage"
          id={passageId}
          title="Show this passage in the page"
          data-testid="note-passage"
          onClick={() => actions.onShowInPage(id)}
        >
          {quoted}
        </button>
      ) : (
        <p class="note-passage" id={passageId} data-testid="note-passage">
          {quoted}
        </p>
      )}
      {status === 'pending' && (
        <p class="note-looking" data-testid="note-looking">
          Looking for it in the page…
        </p>
      )}
      {draft ? (
        <form
          class="note-editor"
          aria-label="Edit note and tags"
          data-testid="note-editor"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
          onKeyDown={onEditorKeyDown}
        >
          <label class="note-field-label" for={`note-text-${id}`}>
            Note
          </label>
          <textarea
            ref={textarea}
            id={`note-text-${id}`}
            rows={3}
            value={draft.note}
            data-testid="note-input"
            onInput={(event) => {
              const note = event.currentTarget.value;
              setDraft((current) => current && { ...current, note });
            }}
          />
          <label class="note-field-label" for={`note-tags-${id}`}>
            Tags <span class="note-field-hint">separated by commas</span>
          </label>
          <input
            type="text"
            id={`note-tags-${id}`}
            autocomplete="off"
            value={draft.tags}
            data-testid="note-tags-input"
            onInput={(event) => {
              const tags = event.currentTarget.value;
              setDraft((current) => current && { ...current, tags });
            }}
          />
          <TagChips tags={parseTags(draft.tags)} />
          <div class="note-editor-buttons">
            <button type="submit" data-testid="note-save">
              Save
            </button>
            <button type="button" class="secondary" data-testid="note-cancel" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {body.note && (
            <p class="note-text" data-testid="note-text">
              {body.note}
            </p>
          )}
          <TagChips tags={body.tags} />
        </>
      )}
      <div class="note-actions">
        <ColourPicker id={id} colour={body.colour} onSetColour={actions.onSetColour} />
        <div class="note-buttons">
          {!editing && (
            <button
              type="button"
              class="secondary"
              ref={editButton}
              aria-describedby={passageId}
              data-testid="note-edit"
              onClick={() => setDraft({ note: body.note, tags: savedTags })}
            >
              Edit
            </button>
          )}
          <button
            type="button"
            class="secondary"
            aria-describedby={passageId}
            data-testid="note-delete"
            onClick={() => actions.onDelete(id)}
          >
            Delete
          </button>
          {actions.onAddToCollection && (
            <button
              type="button"
              class="secondary"
              aria-describedby={passageId}
              data-testid="note-add-to-collection"
              onClick={() => actions.onAddToCollection?.(id)}
            >
              Add to collection
            </button>
          )}
        </div>
      </div>
      <p class="note-dates" data-testid="note-dates">
        Added <time dateTime={annotation.created}>{formatNoteDate(annotation.created)}</time>
        {wasEdited(annotation) && (
          <>
            {' · edited '}
            <time dateTime={annotation.modified}>{formatNoteDate(annotation.modified)}</time>
          </>
        )}
      </p>
    </li>
  );
}
