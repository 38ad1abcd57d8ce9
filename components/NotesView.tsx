import { useEffect, useId, useMemo, useRef } from 'preact/hooks';
import type { Annotation } from '@/lib/annotations/types';
import { formatCount } from '@/lib/format';
import { arrangeNotes, type NoteEntry } from '@/lib/notes-view-state';
import { NoteEntryItem, type NoteEntryActions } from './NoteEntryItem';
import { PageNoteForm } from './PageNoteForm';

export type { NoteEntry } from '@/lib/notes-view-state';

export interface NotesViewProps extends NoteEntryActions {
  /** The page's highlights, in any order. */
  entries: NoteEntry[];
  /** Kind `page-note`; null when the reader has not written one. */
  pageNote: Annotation | null;
  /** Highlights come back by themselves on this site (the reader granted the optional host permission), or only when the panel is opened on the page. */
  restore: 'automatic' | 'on-open';
  /** The note to bring into view and focus (after the reader clicked its highlight in the page). */
  focusedId: string | null;
  /** Counts the reader's clicks on highlights in the page, so a second click on the same one focuses it again. */
  focusRequest?: number;
  /** The last deletion, which can be undone (until another change). */
  undoable: Annotation | null;
  /** A plain-words error from the last change (disk full, page gone), or null. */
  error: string | null;
  onUndo(): void;
  onSavePageNote(note: string, tags: string[]): void;
  /** Ask for the optional host permission. */
  onAllowAutomatic(): void;
}

function NoteList({
  entries,
  focusedId,
  error,
  actions,
}: {
  entries: NoteEntry[];
  focusedId: string | null;
  error: string | null;
  actions: NoteEntryActions;
}) {
  return (
    <ul class="notes-list">
      {entries.map((entry) => (
        <NoteEntryItem
          key={entry.annotation.id}
          entry={entry}
          focused={entry.annotation.id === focusedId}
          error={error}
          actions={actions}
        />
      ))}
    </ul>
  );
}

function RestoreLine({ restore, onAllowAutomatic }: Pick<NotesViewProps, 'restore' | 'onAllowAutomatic'>) {
  if (restore === 'automatic') {
    return (
      <p class="notes-restore" data-testid="notes-restore">
        Your highlights come back by themselves whenever you open this site.
      </p>
    );
  }
  return (
    <p class="notes-restore" data-testid="notes-restore">
      Your highlights come back when you open Scrutiny on this page.{' '}
      <button type="button" class="secondary" data-testid="allow-automatic" onClick={onAllowAutomatic}>
        Bring them back automatically
      </button>
    </p>
  );
}

/** The reader's page note and highlights for the current page: found ones in reading order, lost ones kept apart. */
export function NotesView(props: NotesViewProps) {
  const { entries, pageNote, restore, focusedId, focusRequest = 0, undoable, error } = props;
  const { inPage, orphaned } = useMemo(() => arrangeNotes(entries), [entries]);
  const root = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const focusedDone = useRef<string | null>(null);
  const focusAfterUndo = useRef<string | null>(null);
  const highlightsHeadingId = useId();
  const orphanedHeadingId = useId();

  const entryElement = (id: string) =>
    Array.from(root.current?.querySelectorAll<HTMLElement>('[data-annotation-id]') ?? []).find(
      (element) => element.dataset.annotationId === id,
    );

  // Once per request, after every render until it can be done: the entry may arrive after the request (the
  // store answers after the page) and the view may sit in a hidden tab panel that is shown a render later.
  useEffect(() => {
    if (focusedId === null) {
      focusedDone.current = null;
      return;
    }
    const request = `${focusRequest}:${focusedId}`;
    if (focusedDone.current === request) return;
    const element = entryElement(focusedId);
    if (!element || element.closest('[hidden]')) return;
    focusedDone.current = request;
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
  });

  // Deleting removes the focused button with its entry, once the store's answer comes back (after the
  // Undo bar appears): keyboard readers then land on Undo instead of nowhere.
  useEffect(() => {
    const active = document.activeElement;
    if (undoable && (active === null || active === document.body)) undoButton.current?.focus();
  }, [undoable?.id, entries]);

  // And after Undo, on the entry that came back.
  useEffect(() => {
    if (focusAfterUndo.current === null) return;
    const element = entryElement(focusAfterUndo.current);
    if (!element) return;
    focusAfterUndo.current = null;
    element.focus();
  }, [entries]);

  const undo = () => {
    focusAfterUndo.current = undoable?.id ?? null;
    props.onUndo();
  };

  return (
    <div class="notes" ref={root} data-testid="notes-view">
      {error && (
        <p class="notes-error" role="alert" data-testid="notes-error">
          {error}
        </p>
      )}
      <PageNoteForm pageNote={pageNote} onSave={props.onSavePageNote} />
      {entries.length === 0 ? (
        <p class="empty" data-testid="notes-empty">
          No highlights yet. Select text in the article and choose Highlight or Add note (or right-click →
          Scrutiny).
        </p>
      ) : (
        inPage.length > 0 && (
          <section class="notes-section" aria-labelledby={highlightsHeadingId} data-testid="notes-in-page">
            <h3 id={highlightsHeadingId} class="notes-heading">
              Highlights <span class="count">{formatCount(inPage.length, 'highlight')}</span>
            </h3>
            {inPage.some((entry) => entry.status === 'anchored') && (
              <p class="hint">Click a passage to see it in the page.</p>
            )}
            <NoteList entries={inPage} focusedId={focusedId} error={error} actions={props} />
          </section>
        )
      )}
      {orphaned.length > 0 && (
        <section class="notes-section" aria-labelledby={orphanedHeadingId} data-testid="notes-orphaned">
          <h3 id={orphanedHeadingId} class="notes-heading">
            Not found on this page ({orphaned.length})
          </h3>
          <p class="hint">
            The page has changed and these passages are no longer in it. Your notes are kept.
          </p>
          <NoteList entries={orphaned} focusedId={focusedId} error={error} actions={props} />
        </section>
      )}
      <RestoreLine restore={restore} onAllowAutomatic={props.onAllowAutomatic} />
      {/* Always there, so screen readers announce the deletion when it appears. */}
      <div class="notes-undo" role="status" aria-live="polite" data-testid="notes-undo">
        {undoable && (
          <>
            {undoable.kind === 'page-note' ? 'Page note deleted.' : 'Highlight deleted.'}{' '}
            <button
              type="button"
              class="secondary"
              ref={undoButton}
              data-testid="notes-undo-button"
              onClick={undo}
            >
              Undo
            </button>
          </>
        )}
      </div>
    </div>
  );
}
