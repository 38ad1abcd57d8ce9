/**
 * Injected on demand (toolbar button, shortcut, or the optional host permission) — never declared for
 * all pages. Answers the panel's extract request with the article and its byline.
 */
import { capturePageInSlices } from '@/lib/extract/capture';
import { CAPTURE_FAILED } from '@/lib/extract/errors';
import { EXTRACT_SCRIPT_READY, readMessage, type ExtractResponse } from '@/lib/messages';

declare global {
  interface Window {
    __scrutinyExtractReady?: boolean;
  }
}

// An unlisted script rather than a content script: it is only ever injected with
// scripting.executeScript, and WXT's content-script runtime (context, logger, messages it posts to the
// page) would add 1.5 KB to what runs inside other people's pages.
export default defineUnlistedScript({
  /** Returns EXTRACT_SCRIPT_READY, which becomes the injection's result (see lib/messages.ts). */
  main() {
    // The panel injects again on every analysis; one listener per page is enough.
    if (window.__scrutinyExtractReady) return EXTRACT_SCRIPT_READY;
    window.__scrutinyExtractReady = true;
    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      const message = readMessage(raw, sender, browser.runtime.id);
      if (message?.type !== 'scrutiny/extract') return undefined;
      void readThisPage().then(sendResponse);
      return true;
    });
    return EXTRACT_SCRIPT_READY;
  },
});

/** The page's size as it was loaded, when the browser says (not for every file: page). */
function loadedBytes(): number | null {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const bytes = navigation?.decodedBodySize;
  return typeof bytes === 'number' && bytes > 0 ? bytes : null;
}

/** Read the page in slices, so that its tab stays responsive however large it is. */
async function readThisPage(): Promise<ExtractResponse> {
  try {
    const capture = await capturePageInSlices(document, { url: location.href, pageBytes: loadedBytes() });
    return { ok: true, capture };
  } catch {
    // Never the error's own message: it is an internal of the minified code, which a hostile page
    // can provoke ("a.getAttribute is not a function"), and the reader sees this answer.
    return { ok: false, error: CAPTURE_FAILED };
  }
}
