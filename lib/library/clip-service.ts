/**
 * The background's answer to "Clip" in a page: the passage goes, with its citation, into the collection
 * the reader clipped to last (or a first collection, "Clippings", made for it). Its citation is the byline
 * the panel shows (the background reads the page: ../annotations/cited-work.ts). Which page it is for
 * comes from the browser's address for the frame (pageForFrame), never from the page alone.
 */
import type { CitedWork } from '../annotations/citation';
import type { ClipRequest, ClipResponse } from '../annotations/messages';
import { pageForFrame } from '../annotations/page-trust';
// The store's modules, not its index, which also carries the import code (zod schemas): this module
// reaches the panel, which would parse all that on every opening.
import { createClipping, createCollection, getLibrarySettings, listCollections } from '../store/library';
import { StoreError } from '../store/errors';
import type { ScrutinyDatabase } from '../store/schema';
import type { Clipping, Collection } from './types';

export const DEFAULT_COLLECTION_NAME = 'Clippings';
const UNEXPECTED = 'Something went wrong in Scrutiny’s storage. Nothing was changed: try again.';

/** The collection a new clipping goes into: the last one used while it exists, else the first one. */
export async function collectionForNextClip(db: ScrutinyDatabase): Promise<Collection> {
  const [settings, collections] = await Promise.all([getLibrarySettings(db), listCollections(db)]);
  const last = collections.find((collection) => collection.id === settings.lastCollectionId);
  if (last) return last;
  const named = collections.find(
    (collection) => collection.name.toLowerCase() === DEFAULT_COLLECTION_NAME.toLowerCase(),
  );
  return named ?? (await createCollection(db, DEFAULT_COLLECTION_NAME));
}

export interface ClipAnswer {
  response: ClipResponse;
  clipping: Clipping | null;
}

/** `frameUrl`: the address the browser reports for the frame that asked (null when it does not say). */
export async function answerClipRequest(
  db: ScrutinyDatabase,
  request: ClipRequest,
  frameUrl: string | null,
  work: CitedWork,
  now = new Date(),
): Promise<ClipAnswer> {
  if (!frameUrl) return { response: { ok: false, error: UNEXPECTED }, clipping: null };
  const page = pageForFrame(request.page, frameUrl);
  try {
    const collection = await collectionForNextClip(db);
    const clipping = await createClipping(
      db,
      {
        collectionId: collection.id,
        text: request.selectors.quote.exact,
        selectors: request.selectors,
        citation: {
          title: work.title || page.title,
          authors: work.authors,
          outlet: work.outlet,
          published: work.published,
          url: page.canonicalUrl ?? page.url,
          accessed: now.toISOString(),
          lang: work.lang,
        },
      },
      now,
    );
    return { response: { ok: true, id: clipping.id }, clipping };
  } catch (error) {
    return {
      response: { ok: false, error: error instanceof StoreError ? error.message : UNEXPECTED },
      clipping: null,
    };
  }
}
