/**
 * The library's first screen kept between opens (lib/library/first-screen.ts), in the extension's session
 * storage. Every extension context that writes to the database opens it through `openLibraryWriter`, so
 * each write to what the first screen shows marks a kept copy stale, wherever it happens.
 */
import {
  FIRST_SCREEN_KEY,
  FIRST_SCREEN_TABLES,
  FIRST_SCREEN_WRITTEN_KEY,
  usableFirstScreen,
  type FirstScreenCopy,
} from '@/lib/library/first-screen';
import { openAnnotationStore, type ScrutinyDatabase } from '@/lib/store/schema';
import { watchWrites } from '@/lib/store/write-watch';

/** The reader's database, for a context that writes to it (the background, the panel, the library). */
export function openLibraryWriter(): ScrutinyDatabase {
  const db = openAnnotationStore();
  // watchWrites keeps a failing listener from the write itself.
  watchWrites(db, FIRST_SCREEN_TABLES, () => {
    void browser.storage.session.set({ [FIRST_SCREEN_WRITTEN_KEY]: Date.now() }).catch(() => undefined);
  });
  return db;
}

/** The kept first screen, if it is still what the database holds. */
export async function readFirstScreenCopy(): Promise<FirstScreenCopy | null> {
  try {
    const stored = await browser.storage.session.get([FIRST_SCREEN_KEY, FIRST_SCREEN_WRITTEN_KEY]);
    return usableFirstScreen(stored);
  } catch {
    return null;
  }
}

export function keepFirstScreenCopy(copy: FirstScreenCopy): void {
  void browser.storage.session.set({ [FIRST_SCREEN_KEY]: copy }).catch(() => undefined);
}
