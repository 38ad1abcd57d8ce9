/**
 * Injected on demand by the panel when the reader clicks a quote or a source: finds the passage in the
 * page (lib/anchor), scrolls to it and lights it up. Kept apart from extract.js, which must stay small
 * and is injected on every analysis, while this one only comes with a click.
 */
import { anchorSelector } from '@/lib/anchor';
import { showRange } from '@/lib/anchor/flash';
import {
  SHOW_PASSAGE_SCRIPT_READY,
  SHOW_PASSAGE_SCRIPT_STARTED,
  readMessage,
  type ShowPassageResponse,
} from '@/lib/messages';

declare global {
  interface Window {
    __scrutinyShowPassageReady?: boolean;
  }
}

export default defineUnlistedScript({
  /** Returns SHOW_PASSAGE_SCRIPT_STARTED or _READY, which becomes the injection's result (see lib/messages.ts). */
  main() {
    if (window.__scrutinyShowPassageReady) return SHOW_PASSAGE_SCRIPT_READY;
    window.__scrutinyShowPassageReady = true;
    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      const message = readMessage(raw, sender, browser.runtime.id);
      if (message?.type !== 'scrutiny/show-passage') return undefined;
      let response: ShowPassageResponse;
      try {
        const range = anchorSelector(document.body ?? document, message.selector);
        if (range) showRange(range);
        response = { found: range !== null };
      } catch {
        response = { found: false };
      }
      sendResponse(response);
      return true;
    });
    return SHOW_PASSAGE_SCRIPT_STARTED;
  },
});
