/**
 * Shared by the Chromium and Firefox suites for the library: the article a reader saves and clips, and the
 * edit its outlet makes afterwards (a paragraph reworded, a quote changed, the "updated" date left alone).
 */
import { notesArticle } from './notes';

export const LIBRARY_PATH = '/news/harbor-bridge';

/** The passage the reader clips into a new collection, and the one highlighted before saving. */
export const CLIP_PASSAGE = 'A ferry will run every twenty minutes while the bridge is closed';
export const HIGHLIGHT_PASSAGE = 'recommended replacing the cables within five years';
export const COLLECTION = 'Bridge research';
export const CLIP_NOTE = 'Compare with the transit agency’s own notice.';

/** The article as first saved, or after its outlet quietly edited it. */
export function libraryArticle(version: 'original' | 'edited'): string {
  const original = notesArticle('original', LIBRARY_PATH);
  if (version === 'original') return original;
  return original
    .replace('for eight months of repairs', 'for nine months of repairs')
    .replace(
      '“We cannot keep people on a bridge we would not walk on ourselves,”',
      '“We cannot keep anyone on a bridge we would not cross ourselves,”',
    );
}
