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
