/**
 * showRange: bring a passage into view and light it up for a moment, without touching the page's DOM.
 * Uses the CSS Custom Highlight API (the `::highlight(scrutiny-passage)` rule is added by the extension
 * as its own style sheet, so the page's CSP cannot block it), else selects the passage.
 */

/** The name of the highlight in `CSS.highlights`. */
export const PASSAGE_HIGHLIGHT = 'scrutiny-passage';

/** The rule that paints the highlight: readable on light and dark pages alike. */
export const PASSAGE_HIGHLIGHT_CSS = `::highlight(${PASSAGE_HIGHLIGHT}) { background-color: #ffd54f; color: #1b1d21; }`;

/** How long the passage stays lit. */
export const FLASH_MS = 3000;

/** Counts flashes, so a flash that ends does not put out a newer one. */
let flashes = 0;

/** What the page's window offers; optional because older browsers and test DOMs lack some of it. */
interface PageWindow {
  innerHeight: number;
  scrollY: number;
  scrollTo(options: ScrollToOptions): void;
  matchMedia?(query: string): { matches: boolean };
  getSelection(): Selection | null;
  setTimeout(callback: () => void, ms: number): unknown;
  Highlight?: new (...ranges: AbstractRange[]) => Highlight;
  CSS?: { highlights?: HighlightRegistry };
}

/** Where to scroll so a passage `rect` (viewport coordinates) sits a third down the viewport. */
export function scrollTopFor(
  rect: { top: number; height: number },
  scrollY: number,
  viewport: number,
): number {
  const room = viewport - rect.height;
  const offset = room > 0 ? Math.min(room / 2, viewport / 3) : viewport * 0.1;
  return Math.max(0, Math.round(scrollY + rect.top - offset));
}

/** The first element up from `node` that scrolls on its own (not the page), or null. */
function scrollingAncestor(node: Node, window: Window): Element | null {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (element === element.ownerDocument.scrollingElement || element === element.ownerDocument.body) break;
    const overflow = window.getComputedStyle(element).overflowY;
    if (/(auto|scroll|overlay)/.test(overflow) && element.scrollHeight > element.clientHeight) return element;
  }
  return null;
}

/**
 * Scroll the passage into view (smoothly unless the reader asked for less motion) and light it up for
 * FLASH_MS. Returns how it was shown.
 */
export function showRange(range: Range): 'highlight' | 'selection' {
  const document = range.startContainer.ownerDocument;
  const window = document?.defaultView as (Window & PageWindow) | null | undefined;
  if (!document || !window) return 'selection';
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  // A page nobody sees (the panel opened as a tab of its own) jumps: a smooth scroll there may never run.
  const behavior: ScrollBehavior = reduceMotion || document.visibilityState === 'hidden' ? 'auto' : 'smooth';
  const start = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentNode;
  if (start && scrollingAncestor(start, window)) {
    // Inside a box that scrolls by itself: let the browser scroll every level.
    (start as Element).scrollIntoView?.({ block: 'center', behavior });
  } else {
    // Test DOMs may lack Range geometry; the element the passage starts in is the next best thing.
    const rect =
      typeof range.getBoundingClientRect === 'function'
        ? range.getBoundingClientRect()
        : (start as Element | null)?.getBoundingClientRect?.();
    if (rect) window.scrollTo({ top: scrollTopFor(rect, window.scrollY, window.innerHeight), behavior });
  }

  const registry = window.CSS?.highlights;
  if (registry && typeof window.Highlight === 'function') {
    registry.set(PASSAGE_HIGHLIGHT, new window.Highlight(range));
    const flash = ++flashes;
    window.setTimeout(() => {
      if (flash === flashes) registry.delete(PASSAGE_HIGHLIGHT);
    }, FLASH_MS);
    return 'highlight';
  }
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return 'selection';
}
