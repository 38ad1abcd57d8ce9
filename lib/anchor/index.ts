/**
 * anchorSelector: a TextQuoteSelector in, the DOM Range of that passage in a live page out.
 *
 * The analysis saw the article as plain text; the page shows it as text nodes spread over inline
 * elements, with other whitespace (line breaks, NBSP) and extra text around it (pull quotes, captions,
 * scripts). So the match ignores whitespace and invisible characters, reads only text a reader can see,
 * and when the passage occurs more than once, picks the occurrence whose surroundings best match the
 * selector's prefix and suffix. Browser-free: it only uses the Node it is handed.
 */
import type { TextQuoteSelector } from '../analyze/types';

export type { TextQuoteSelector };

/** Elements whose text a reader never sees as page text. */
const SKIPPED_ELEMENTS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'SVG',
]);

/** Ignored in both the page and the selector: whitespace of every kind, soft hyphens, zero-width marks. */
const IGNORED = /[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]/;

/** Typographic variants read as one character, so "it’s" in the text finds "it's" in the page. */
const FOLDED: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

/** The text as compared: ignored characters dropped, variants folded. */
export function normalizeForMatch(text: string): string {
  let out = '';
  for (const char of text) {
    if (IGNORED.test(char)) continue;
    out += FOLDED[char] ?? char;
  }
  return out;
}

/** Most occurrences weighed; a passage repeated more often than this is not worth telling apart. */
const MAX_OCCURRENCES = 1000;

interface PageText {
  /** The normalized text of every visible text node, in document order. */
  text: string;
  nodes: Text[];
  /** For each code unit of `text`: which node it came from and where in that node. */
  nodeOf: Int32Array;
  offsetOf: Int32Array;
}

type StyleReader = (element: Element) => { display: string; visibility: string } | null;

function styleReader(document: Document): StyleReader {
  const view = document.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return () => null;
  return (element) => {
    try {
      return view.getComputedStyle(element);
    } catch {
      return null;
    }
  };
}

/** Is this element, and so everything in it, out of the reader's sight? */
function hiddenSubtree(element: Element, style: StyleReader): boolean {
  if (SKIPPED_ELEMENTS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden')) return true;
  const checkVisibility = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof checkVisibility === 'function' && element.isConnected) {
    if (checkVisibility.call(element)) return false;
    // It also says false for a `display: contents` wrapper, which has no box of its own but shows its children.
    return style(element)?.display !== 'contents';
  }
  return style(element)?.display === 'none';
}

function readPageText(root: Node): PageText {
  const document = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!document) return { text: '', nodes: [], nodeOf: new Int32Array(0), offsetOf: new Int32Array(0) };
  const style = styleReader(document);
  const nodes: Text[] = [];
  // Visibility is inherited but may be turned back on below, so it is read on each text node's parent.
  const visible = new Map<Element, boolean>();
  const NodeFilterConstants = { FILTER_ACCEPT: 1, FILTER_REJECT: 2, FILTER_SKIP: 3 };
  const walker = document.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node: Node) {
      if (node.nodeType === 1) {
        return hiddenSubtree(node as Element, style)
          ? NodeFilterConstants.FILTER_REJECT
          : NodeFilterConstants.FILTER_SKIP;
      }
      const parent = node.parentElement;
      if (parent) {
        let seen = visible.get(parent);
        if (seen === undefined) {
          seen = style(parent)?.visibility !== 'hidden';
          visible.set(parent, seen);
        }
        if (!seen) return NodeFilterConstants.FILTER_SKIP;
      }
      return NodeFilterConstants.FILTER_ACCEPT;
    },
  });
  // The root itself is not passed to acceptNode: a hidden root has no visible text.
  if (root.nodeType === 1 && hiddenSubtree(root as Element, style)) {
    return { text: '', nodes: [], nodeOf: new Int32Array(0), offsetOf: new Int32Array(0) };
  }
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    length += (node as Text).data.length;
  }
  const nodeOf = new Int32Array(length);
  const offsetOf = new Int32Array(length);
  const parts: string[] = [];
  let at = 0;
  nodes.forEach((node, index) => {
    const data = node.data;
    let part = '';
    for (let offset = 0; offset < data.length; offset++) {
      const char = data[offset]!;
      if (IGNORED.test(char)) continue;
      part += FOLDED[char] ?? char;
      nodeOf[at] = index;
      offsetOf[at] = offset;
      at++;
    }
    parts.push(part);
  });
  return { text: parts.join(''), nodes, nodeOf: nodeOf.subarray(0, at), offsetOf: offsetOf.subarray(0, at) };
}

/** How many characters at the end of `a` equal those at the end of `b`. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many characters at the start of `a` equal those at the start of `b`. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where the normalized passage starts in the page text, or -1. */
function bestOccurrence(page: string, exact: string, prefix: string, suffix: string): number {
  const found: number[] = [];
  for (let at = page.indexOf(exact); at !== -1 && found.length < MAX_OCCURRENCES;) {
    found.push(at);
    at = page.indexOf(exact, at + 1);
  }
  if (found.length <= 1) return found[0] ?? -1;
  let best = -1;
  let bestScore = -1;
  for (const at of found) {
    const before = page.slice(Math.max(0, at - prefix.length), at);
    const after = page.slice(at + exact.length, at + exact.length + suffix.length);
    const score = sharedEnd(before, prefix) + sharedStart(after, suffix);
    // Ties go to the first occurrence in the page.
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The Range of the passage under `root` (a Document or an Element), or null when the page has no such
 * text where a reader can see it.
 */
export function anchorSelector(root: Node, selector: TextQuoteSelector): Range | null {
  const exact = normalizeForMatch(selector.exact);
  if (!exact) return null;
  const page = readPageText(root);
  const start = bestOccurrence(
    page.text,
    exact,
    normalizeForMatch(selector.prefix),
    normalizeForMatch(selector.suffix),
  );
  if (start === -1) return null;
  const end = start + exact.length - 1;
  const document = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const range = document.createRange();
  range.setStart(page.nodes[page.nodeOf[start]!]!, page.offsetOf[start]!);
  range.setEnd(page.nodes[page.nodeOf[end]!]!, page.offsetOf[end]! + 1);
  return range;
}
