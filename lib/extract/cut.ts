/**
 * What both halves of the extraction share and the panel needs without the page-side half (which
 * carries Readability): the warning for a page read in part, and the clock the timings use.
 */

/** A page read only in part because it is larger than the copy's budget. */
export interface PageCut {
  /** Characters of text read from the start of the page. */
  readChars: number;
  /** The page's size as loaded, in bytes, when the browser says. */
  pageBytes: number | null;
}

/** What the reader is told about a page read in part: that it is too large, and what was read. */
export function pageCutWarning(cut: PageCut): string {
  const size = cut.pageBytes ? ` (${byteSize(cut.pageBytes)})` : '';
  return `This page is too large to read whole${size}. Scrutiny read its first ${cut.readChars.toLocaleString('en')} characters of text, so the article may be cut short.`;
}

/** "25 MB", "740 KB": a size as a reader says it. */
function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;
}

export const defaultClock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
export const round = (ms: number) => Math.round(ms * 100) / 100;
