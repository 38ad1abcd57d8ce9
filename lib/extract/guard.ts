/** Limits that keep extraction finite on hostile or broken pages. */
import { blockText } from './text';

export interface ExtractLimits {
  /** Elements nested deeper than this are read as plain text (Readability recurses on depth). */
  maxDepth: number;
  /** Above this many elements, the body is not extracted; metadata still is. */
  maxElements: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxDepth: 400, maxElements: 150_000 };

/** The warning shown when deep markup was read as plain text (by the CLI's parser guard or here). */
export function deepMarkupWarning(maxDepth: number): string {
  return `Parts of this page are nested more than ${maxDepth} levels deep; Scrutiny read them as plain text.`;
}

const ELEMENT_NODE = 1;

/**
 * How deep the elements under `root` nest (`root` itself is depth 0). Iterative: the whole point is
 * surviving trees deep enough to overflow recursion.
 */
export function nestingDepth(root: Element): number {
  let deepest = 0;
  let depth = 0;
  let node: Element = root;
  for (;;) {
    const child = node.firstElementChild;
    if (child) {
      node = child;
      if (++depth > deepest) deepest = depth;
      continue;
    }
    // Climb until there is a next sibling, or back at the root.
    while (node !== root && !node.nextElementSibling) {
      node = node.parentElement!;
      depth--;
    }
    if (node === root) return deepest;
    node = node.nextElementSibling!;
  }
}

/**
 * Replace every subtree that starts at `maxDepth` with its text, in place. Returns how many subtrees
 * were flattened. Iterative; fine in browsers, but in jsdom removing a subtree thousands of levels deep
 * recurses inside jsdom, so capturePage uses `copyWithDepthLimit` for deep documents instead.
 */
export function flattenDeepSubtrees(root: Element, maxDepth: number): number {
  let flattened = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth >= maxDepth) {
      if (element.firstElementChild) {
        element.textContent = blockText(element);
        flattened++;
      }
      continue;
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling)
      stack.push([child, depth + 1]);
  }
  return flattened;
}

/**
 * Elements left out of a depth-limited copy: Readability reads neither, and jsdom parses every style
 * sheet it is handed (throwing on some) and opens a whole window for each frame.
 */
const LEFT_OUT_OF_COPY = new Set(['style', 'iframe', 'frame']);

export interface DepthLimitedCopy {
  copy: Document;
  /** How many subtrees were replaced by their text. */
  flattened: number;
}

/**
 * A private copy of `doc` in which every element at `maxDepth` that has element children holds their
 * text instead. Built node by node, iteratively, without changing `doc`: neither `cloneNode(true)` nor
 * removing a subtree survives a tree 20,000 levels deep in every DOM (jsdom recurses once per level
 * for both), while a page script can build such a tree in any browser.
 */
export function copyWithDepthLimit(doc: Document, maxDepth: number): DepthLimitedCopy {
  const copy = doc.cloneNode(false) as Document;
  let flattened = 0;
  // [original node, parent in the copy, depth of the original node]; documentElement is depth 0.
  const pending: Array<[Node, Node, number]> = [];
  for (let child = doc.lastChild; child; child = child.previousSibling) pending.push([child, copy, 0]);
  while (pending.length > 0) {
    const [node, parent, depth] = pending.pop()!;
    const isElement = node.nodeType === ELEMENT_NODE;
    if (isElement && LEFT_OUT_OF_COPY.has((node as Element).localName)) continue;
    const clone = parent.appendChild(copy.importNode(node, false));
    if (!isElement || !node.firstChild) continue;
    if (depth >= maxDepth && (node as Element).firstElementChild) {
      clone.appendChild(copy.createTextNode(blockText(node)));
      flattened++;
      continue;
    }
    for (let child = node.lastChild; child; child = child.previousSibling)
      pending.push([child, clone, depth + 1]);
  }
  return { copy, flattened };
}

/** What the copy keeps of <head>: metadata (JSON-LD is a <script>, see below). */
const HEAD_KEEPS = new Set(['title', 'meta', 'link', 'base']);

/**
 * A deep copy of `doc` for extraction that leaves out the <head>'s style sheets and scripts (JSON-LD
 * aside): Readability and the metadata reader never look at them, and cloning a <style> makes the
 * browser parse its CSS again, which on pages with large inline style sheets costs more than the
 * rest of the copy.
 */
export function cloneForReading(doc: Document): Document {
  const copy = doc.cloneNode(false) as Document;
  for (let child = doc.firstChild; child; child = child.nextSibling) {
    if (child !== doc.documentElement) {
      copy.appendChild(copy.importNode(child, true));
      continue;
    }
    const root = copy.appendChild(copy.importNode(child, false));
    for (let part = child.firstChild; part; part = part.nextSibling) {
      if (part !== doc.head) {
        root.appendChild(copy.importNode(part, true));
        continue;
      }
      const head = root.appendChild(copy.importNode(part, false));
      for (let element = doc.head.firstElementChild; element; element = element.nextElementSibling) {
        const name = element.localName;
        if (
          HEAD_KEEPS.has(name) ||
          (name === 'script' && /ld\+json/i.test(element.getAttribute('type') ?? ''))
        )
          head.appendChild(copy.importNode(element, true));
      }
    }
  }
  return copy;
}

/** Characters that writing never contains: C0 and C1 controls (tab and line breaks aside) and U+FFFD. */
const NOISE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/g;
const NOISE_SAMPLE_CHARS = 20_000;

/**
 * Whether the text under `root` is binary data read as text (a PDF or an image saved as .html): more
 * than 8 % of its first 20,000 visible characters are control characters or U+FFFD, the replacement
 * for bytes that are not text in the page's encoding. Random bytes come to 13 % or more in any
 * encoding; writing decoded with the wrong encoding stays near 5 % (each accented letter one U+FFFD).
 * Readability would take the noise for an article.
 */
export function looksLikeBinaryData(root: Node): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */);
  let sample = '';
  for (let node = walker.nextNode(); node && sample.length < NOISE_SAMPLE_CHARS; node = walker.nextNode()) {
    const parent = node.parentNode?.nodeName.toUpperCase();
    if (parent !== 'SCRIPT' && parent !== 'STYLE')
      sample += (node.nodeValue ?? '').slice(0, NOISE_SAMPLE_CHARS - sample.length);
  }
  const letters = sample.replace(/\s+/g, '').length;
  return letters >= 200 && (sample.match(NOISE)?.length ?? 0) > letters * 0.08;
}
