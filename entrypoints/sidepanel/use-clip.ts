/**
 * The clipping the reader just made in the shown tab (from the page's toolbar, the menu, a shortcut, or
 * "Add to collection" on a highlight in the Notes tab), for the panel's ClipCard: move it to another or a
 * new collection, give it a note and tags, or take it back.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ClipEdit } from '@/components/ClipCard';
import { parseAnnotationMessage } from '@/lib/annotations/messages';
import type { Annotation } from '@/lib/annotations/types';
import { collectionForNextClip } from '@/lib/library/clip-service';
import { announceLibraryChange, onLibraryChange } from '@/lib/library/sync';
import type { Clipping, ClippingCitation, Collection } from '@/lib/library/types';
import {
  clippingFromHighlight,
  createClipping,
  createCollection,
  deleteClippings,
  listCollections,
  moveToCollection,
  setLastCollection,
  updateClipping,
} from '@/lib/store/library';
import { StoreError } from '@/lib/store/errors';
import type { ScrutinyDatabase } from '@/lib/store/schema';
import { takePendingClip } from './pending-note';

const UNEXPECTED = 'Something went wrong in Scrutiny’s storage. Nothing was changed: try again.';

export interface ClipState {
  clipping: Clipping | null;
  collections: Collection[];
  error: string | null;
}

export interface ClipActions {
  save(edit: ClipEdit): void;
  remove(): void;
  close(): void;
  /** Notes tab: put a highlight into the collection clipped to last, then show it here. */
  addHighlight(annotation: Annotation, citation: Omit<ClippingCitation, 'accessed'>): void;
}

export function useClip(db: ScrutinyDatabase, tabId: number | null): [ClipState, ClipActions] {
  const [state, setState] = useState<ClipState>({ clipping: null, collections: [], error: null });
  // The clipping on show, read by listeners that outlive a render (null once saved, removed or closed).
  const shown = useRef<string | null>(null);
  const hide = useCallback(() => {
    shown.current = null;
    setState({ clipping: null, collections: [], error: null });
  }, []);

  const show = useCallback(
    async (id: string) => {
      try {
        shown.current = id;
        const [clipping, collections] = await Promise.all([db.clippings.get(id), listCollections(db)]);
        if (shown.current === id) setState({ clipping: clipping ?? null, collections, error: null });
      } catch (error) {
        setState((current) => ({ ...current, error: messageOf(error) }));
      }
    },
    [db],
  );

  // A panel opened by the clip finds it in session storage; an open one hears the background.
  useEffect(() => {
    hide();
    if (tabId === null) return;
    void takePendingClip(tabId).then((id) => {
      if (id) void show(id);
    });
    // Only the background sends this: a message from a page's content script carries its tab.
    const listener = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
      const message = sender.id === browser.runtime.id && !sender.tab ? parseAnnotationMessage(raw) : null;
      if (message?.type === 'scrutiny/clip-created' && message.tabId === tabId) {
        void browser.storage.session.remove('pendingClip').catch(() => undefined);
        void show(message.id);
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [tabId, show, hide]);

  // Renamed or deleted elsewhere: keep the list of collections and the clipping current.
  useEffect(
    () =>
      onLibraryChange((change) => {
        const id = shown.current;
        if (id && (change.tables.includes('collections') || change.ids.includes(id))) void show(id);
      }),
    [show],
  );

  const fail = (error: unknown) => setState((current) => ({ ...current, error: messageOf(error) }));

  const save = useCallback(
    (edit: ClipEdit) => {
      const clipping = state.clipping;
      if (!clipping) return;
      void (async () => {
        try {
          const collection = edit.collectionId
            ? { id: edit.collectionId }
            : await createCollection(db, edit.newCollection);
          if (collection.id !== clipping.collectionId)
            await moveToCollection(db, { clippingIds: [clipping.id] }, collection.id);
          await setLastCollection(db, collection.id);
          const saved = await updateClipping(db, clipping.id, { note: edit.note, tags: edit.tags });
          hide();
          announceLibraryChange({
            tables: ['clippings', 'collections'],
            ids: [clipping.id, collection.id],
            pageKeys: saved.pageKeys,
          });
        } catch (error) {
          fail(error);
        }
      })();
    },
    [db, state.clipping, hide],
  );

  const remove = useCallback(() => {
    const clipping = state.clipping;
    if (!clipping) return;
    void deleteClippings(db, [clipping.id]).then(() => {
      hide();
      announceLibraryChange({ tables: ['clippings'], ids: [clipping.id], pageKeys: clipping.pageKeys });
    }, fail);
  }, [db, state.clipping, hide]);

  const addHighlight = useCallback(
    (annotation: Annotation, citation: Omit<ClippingCitation, 'accessed'>) => {
      void (async () => {
        try {
          const collection = await collectionForNextClip(db);
          const clipping = await createClipping(
            db,
            clippingFromHighlight(annotation, citation, collection.id),
          );
          announceLibraryChange({ tables: ['clippings'], ids: [clipping.id], pageKeys: clipping.pageKeys });
          await show(clipping.id);
        } catch (error) {
          fail(error);
        }
      })();
    },
    [db, show],
  );

  return [state, { save, remove, close: hide, addHighlight }];
}

function messageOf(error: unknown): string {
  return error instanceof StoreError ? error.message : UNEXPECTED;
}
