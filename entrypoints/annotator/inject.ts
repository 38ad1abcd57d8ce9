/**
 * Putting the annotator into a tab: used by the panel (when it analyzes a page), by the background (on
 * every load where the reader granted the optional host permission, and for the context menu and the
 * shortcuts). The annotator draws everything inside its own closed shadow roots, so no style sheet is
 * added to the page (`::highlight()` rules would go with `CSS.highlights`, which the page can read).
 */
import { ANNOTATOR_READY, ANNOTATOR_STARTED } from '@/lib/annotations/messages';

export const ANNOTATOR_SCRIPT = '/annotator.js';

/**
 * Whether the reader granted Scrutiny this page's site (all sites, or this one): there highlights come
 * back by themselves on every load; elsewhere when the reader opens Scrutiny on the page.
 */
export async function siteGranted(url: string): Promise<boolean> {
  try {
    const { protocol, origin } = new URL(url);
    return /^https?:$/.test(protocol) && (await browser.permissions.contains({ origins: [`${origin}/*`] }));
  } catch {
    return false;
  }
}

/** Whether the annotator now listens in the tab's page (false for pages the browser protects). */
export async function injectAnnotator(tabId: number): Promise<boolean> {
  try {
    const injections = await browser.scripting.executeScript({
      target: { tabId },
      files: [ANNOTATOR_SCRIPT],
    });
    const results = injections.map((injection) => injection?.result);
    return results.includes(ANNOTATOR_STARTED) || results.includes(ANNOTATOR_READY);
  } catch {
    // No grant for this tab, or a page the browser protects: nothing to annotate there.
    return false;
  }
}
