/**
 * The background's answers to store requests: which page a request may speak for, what it may do, and
 * which pages' annotations changed (so every annotator and panel showing them can reload).
 * An annotator in a web page may only list its own page's annotations and add highlights to it; changing
 * and deleting are for the extension's own pages (the panel).
 */
// The store's modules, not its index (which carries the import code and its zod schemas).
import {
  createHighlight,
  deleteAnnotation,
  listAnnotationsForPage,
  restoreAnnotation,
  savePageNote,
  updateAnnotation,
} from '../store/annotations';
import { StoreError } from '../store/errors';
import type { ScrutinyDatabase } from '../store/schema';
import type { AnnotationMessage, StoreRequest, StoreResponse } from './messages';
import { pageKeys } from './page-keys';
import { pageForFrame } from './page-trust';
import type { AnnotatedPage, Annotation } from './types';

const STORE_REQUESTS = new Set<string>([
  'scrutiny/annotations-list',
  'scrutiny/highlight-create',
  'scrutiny/annotation-update',
  'scrutiny/annotation-delete',
  'scrutiny/annotation-restore',
  'scrutiny/page-note-save',
]);

export function isStoreRequest(message: AnnotationMessage): message is StoreRequest {
  return STORE_REQUESTS.has(message.type);
}

const NOT_FROM_PAGES = 'Notes can be changed only in Scrutiny’s panel.';
const UNEXPECTED = 'Something went wrong in Scrutiny’s storage. Nothing was changed: try again.';

export interface StoreAnswer {
  response: StoreResponse;
  /** Keys of the pages whose annotations this request changed. */
  changedKeys: string[];
}

/**
 * `frameUrl` says who asks: undefined for the extension's own pages, the frame's address (as the browser
 * reports it; null when it does not) for an annotator in a web page.
 */
export async function answerStoreRequest(
  db: ScrutinyDatabase,
  request: StoreRequest,
  frameUrl: string | null | undefined,
): Promise<StoreAnswer> {
  const fromPage = frameUrl !== undefined;
  const pageOf = (claimed: AnnotatedPage): AnnotatedPage | null =>
    fromPage ? (frameUrl ? pageForFrame(claimed, frameUrl) : null) : claimed;
  const changed = (annotations: Annotation[]): StoreAnswer => ({
    response: { ok: true, annotations },
    changedKeys: [...new Set(annotations.flatMap((annotation) => annotation.pageKeys))],
  });
  const refused = (error: string): StoreAnswer => ({ response: { ok: false, error }, changedKeys: [] });
  try {
    switch (request.type) {
      case 'scrutiny/annotations-list': {
        const page = pageOf(request.page);
        if (!page) return refused(UNEXPECTED);
        const found = await listAnnotationsForPage(db, pageKeys(page));
        const annotations = [
          ...found.highlights,
          ...(found.pageNote ? [found.pageNote] : []),
          ...found.otherPageNotes,
        ];
        return { response: { ok: true, annotations }, changedKeys: [] };
      }
      case 'scrutiny/highlight-create': {
        const page = pageOf(request.page);
        if (!page) return refused(UNEXPECTED);
        const { selectors, colour, note } = request;
        return changed([await createHighlight(db, { page, selectors, colour, note })]);
      }
      case 'scrutiny/annotation-update':
        if (fromPage) return refused(NOT_FROM_PAGES);
        return changed([await updateAnnotation(db, request.id, request.changes)]);
      case 'scrutiny/annotation-delete': {
        if (fromPage) return refused(NOT_FROM_PAGES);
        const deleted = await deleteAnnotation(db, request.id);
        return changed(deleted ? [deleted] : []);
      }
      case 'scrutiny/annotation-restore':
        if (fromPage) return refused(NOT_FROM_PAGES);
        return changed([await restoreAnnotation(db, request.annotation)]);
      case 'scrutiny/page-note-save':
        if (fromPage) return refused(NOT_FROM_PAGES);
        return changed([
          await savePageNote(db, { page: request.page, note: request.note, tags: request.tags }),
        ]);
    }
  } catch (error) {
    return refused(error instanceof StoreError ? error.message : UNEXPECTED);
  }
}
