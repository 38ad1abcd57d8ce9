/**
 * A click on a highlight while the panel is closed: the background opens the panel and leaves here
 * which note to show, since the click's message reached no panel.
 */
export const PENDING_NOTE_KEY = 'pendingNote';

export interface PendingNote {
  tabId: number;
  id: string;
  /** When the reader clicked (ms since the epoch). */
  at: number;
}

/** A panel opened later than this after the click was opened for something else. */
const PENDING_NOTE_MS = 15_000;

/** The note waiting to be shown for this tab, taken out of session storage; null when there is none. */
export async function takePendingNote(tabId: number): Promise<string | null> {
  try {
    const pending = (await browser.storage.session.get(PENDING_NOTE_KEY))[PENDING_NOTE_KEY] as
      Partial<PendingNote> | undefined;
    if (pending?.tabId !== tabId || typeof pending.id !== 'string') return null;
    await browser.storage.session.remove(PENDING_NOTE_KEY);
    return Date.now() - (pending.at ?? 0) < PENDING_NOTE_MS ? pending.id : null;
  } catch {
    return null;
  }
}

/** A passage the reader clipped in the page: the panel offers its collection, a note and tags. */
export const PENDING_CLIP_KEY = 'pendingClip';

export interface PendingClip {
  tabId: number;
  /** The clipping's id. */
  id: string;
  at: number;
}

/** "Save article" chosen from the menu or a shortcut before the panel was open. */
export const PENDING_SAVE_KEY = 'pendingSave';

export interface PendingSave {
  tabId: number;
  at: number;
}

/** Take a pending request of this tab out of session storage, when it is recent enough to be meant now. */
async function takePending<T extends { tabId?: unknown; at?: unknown }>(
  key: string,
  tabId: number,
): Promise<T | null> {
  try {
    const pending = (await browser.storage.session.get(key))[key] as Partial<T> | undefined;
    if (pending?.tabId !== tabId) return null;
    await browser.storage.session.remove(key);
    return Date.now() - (typeof pending.at === 'number' ? pending.at : 0) < PENDING_NOTE_MS
      ? (pending as T)
      : null;
  } catch {
    return null;
  }
}

export async function takePendingClip(tabId: number): Promise<string | null> {
  const pending = await takePending<PendingClip>(PENDING_CLIP_KEY, tabId);
  return typeof pending?.id === 'string' ? pending.id : null;
}

export async function takePendingSave(tabId: number): Promise<boolean> {
  return (await takePending<PendingSave>(PENDING_SAVE_KEY, tabId)) !== null;
}
