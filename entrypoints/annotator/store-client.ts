/**
 * Asking the background, which alone writes the database, from the annotator in a page or from the panel.
 */
import { parseStoreResponse, type StoreRequest, type StoreResponse } from '@/lib/annotations/messages';

/** The background's answer, checked; `unreachable` is what to tell the reader when it does not answer. */
export async function askStore(request: StoreRequest, unreachable: string): Promise<StoreResponse> {
  try {
    return parseStoreResponse(await browser.runtime.sendMessage(request));
  } catch {
    return { ok: false, error: unreachable };
  }
}
