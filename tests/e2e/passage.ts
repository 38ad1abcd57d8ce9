/** Shared by the Chromium and Firefox suites: what "show this passage in the page" did, read in the page. */

export interface PassageShown {
  /** The passage is lit up: the extension's custom highlight, or the selection where that is missing. */
  lit: boolean;
  /** The lit text. */
  text: string;
  /** It is the body paragraph's quote (the paragraph that goes on with "And we similarly urge…"). */
  inBody: boolean;
  /** It is the pull quote that repeats it higher up. */
  inPullQuote: boolean;
  /** The lit passage is inside the viewport. */
  inView: boolean;
  scrollY: number;
}

/** Runs in the article page (page.evaluate); `start` is how the passage begins. */
export function passageShownInPage(start: string): PassageShown {
  const highlight = (
    globalThis as unknown as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } }
  ).CSS?.highlights?.get('scrutiny-passage');
  let range: Range | null = null;
  if (highlight) range = ([...highlight][0] as Range | undefined) ?? null;
  const selection = window.getSelection();
  if (!range && selection && selection.rangeCount > 0) range = selection.getRangeAt(0);
  const text = range?.toString() ?? '';
  const lit = text.startsWith(start);
  const node = range?.startContainer;
  const element = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
  const rect = range?.getBoundingClientRect();
  return {
    lit,
    text,
    inBody: Boolean(lit && element?.closest('p')?.textContent?.includes('And we similarly urge')),
    inPullQuote: Boolean(element?.closest('aside')),
    inView: Boolean(rect && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight),
    scrollY: window.scrollY,
  };
}
