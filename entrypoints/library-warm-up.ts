/**
 * The first thing library.html runs (a classic script in its head, built as /library-warm-up.js): it
 * starts opening the extension's database while the page's modules are still loading. Opening a large
 * database cold (its files read from disk) is most of the wait before the library's first rows; begun
 * here, it overlaps with loading the page, and the page's own connection then finds it open. The
 * connection is closed at once: the browser keeps the database open for a moment after the last one.
 */
import { DATABASE_NAME } from '@/lib/store/database-name';

export default defineUnlistedScript(() => {
  const request = indexedDB.open(DATABASE_NAME);
  // No database yet: its creation, at the right version, is left to the store.
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onsuccess = () => request.result.close();
  request.onerror = (event) => event.preventDefault();
});
