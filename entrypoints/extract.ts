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
      if (message.early) {
        if (earlyReadFor(location.href)) return undefined;
        const started = { href: location.href, reading: readThisPage() };
        earlyRead = started;
        // Not kept for a panel that never asks: a copy of the page is megabytes.
        setTimeout(() => {
          if (earlyRead === started) earlyRead = null;
        }, EARLY_READ_MAX_AGE_MS);
        return undefined;
      }
      const early = earlyReadFor(location.href);
      earlyRead = null;
      void (early?.reading ?? readThisPage()).then(sendResponse);
      return true;
    });
    return EXTRACT_SCRIPT_READY;
  },
});

/**
 * The read the background started on the reader's gesture, while the panel opens (entrypoints/
 * background.ts): the panel's request a moment later takes it instead of reading the page again. Taken
 * once, only for the same address, and dropped after EARLY_READ_MAX_AGE_MS if no panel asked.
 */
let earlyRead: { href: string; reading: Promise<ExtractResponse> } | null = null;
const EARLY_READ_MAX_AGE_MS = 10_000;

const earlyReadFor = (href: string) => (earlyRead?.href === href ? earlyRead : null);

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
