/**
 * The one way lib/anchor reads a page: the visible text under a root, normalized (normalize.ts), with a
 * map from every character back to the text node and offset it came from.
 *
 * "Visible" means what a reader can see as page text: scripts, styles, templates, form controls and
 * elements hidden by `hidden`, `display: none` or `visibility: hidden` are left out, using the page's
 * computed style when the document has a window (a real page, jsdom) and tag names alone otherwise.
 *
 * Every offset lib/anchor stores or returns (TextPositionSelector, AnchoredPassage.position) counts
 * characters of this normalized text: UTF-16 code units, whitespace and invisible marks not counted,
 * typographic quotes counted as one character each. That way a page that only re-wraps its lines or
 * swaps spaces for NBSP keeps every passage at the same position.
 */
import { foldCode, isIgnoredCode, isWhitespaceCode } from './normalize';

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

/**
 * Elements that start a new block of text (by their default display). Used for readable quotes (a line
 * break between paragraphs), for RangeSelector containers and for telling whether a passage is a whole
 * paragraph. Tag names, not computed style, so the answer is the same in every browser and in Node.
 */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/**
 * An element's tag name read through the DOM's own getter, found on its prototype chain: a page can
 * clobber `form.tagName` with `<input name="tagName">`, but not the getter on `Element.prototype`.
 */
function upperTagName(element: Element): string {
  for (
    let proto = Object.getPrototypeOf(element) as object | null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const get = Object.getOwnPropertyDescriptor(proto, 'tagName')?.get;
    if (get) {
      const name: unknown = get.call(element);
      return typeof name === 'string' ? name.toUpperCase() : '';
    }
  }
  return '';
}

/** `element.hasAttribute(name)`, immune to the same clobbering. */
function hasOwnAttribute(element: Element, name: string): boolean {
  for (
    let proto = Object.getPrototypeOf(element) as object | null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const has: unknown = Object.getOwnPropertyDescriptor(proto, 'hasAttribute')?.value;
    if (typeof has === 'function')
      return (has as (this: Element, name: string) => boolean).call(element, name);
  }
  return false;
}

export function isBlockElement(element: Element): boolean {
  return BLOCK_ELEMENTS.has(upperTagName(element));
}

/** The nearest block element at or above `node`, not going above `root` (which counts as a block). */
export function closestBlock(node: Node, root: Node): Node {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current === root) return root;
    if (current.nodeType === 1 && isBlockElement(current as Element)) return current;
  }
  return root;
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
  if (SKIPPED_ELEMENTS.has(upperTagName(element))) return true;
  if (hasOwnAttribute(element, 'hidden')) return true;
  const checkVisibility = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof checkVisibility === 'function' && element.isConnected) {
    if (checkVisibility.call(element)) return false;
    // It also says false for a `display: contents` wrapper, which has no box of its own but shows its children.
    return style(element)?.display !== 'contents';
  }
  return style(element)?.display === 'none';
}

/** The visible text under a root, as lib/anchor reads and compares it. */
export interface VisibleText {
  root: Node;
  /** The normalized text of every visible text node, in document order. */
  text: string;
  /** The visible text nodes, including those that hold only whitespace. */
  nodes: Text[];
  /** For each code unit of `text`: the index in `nodes` of the node it came from, and where in that node. */
  nodeOf: Int32Array;
  offsetOf: Int32Array;
  /** For each node: where its first character is in `text` (`nodes.length + 1` entries, the last = length). */
  nodeStart: Int32Array;
}

const EMPTY_TEXT = (root: Node): VisibleText => ({
  root,
  text: '',
  nodes: [],
  nodeOf: new Int32Array(0),
  offsetOf: new Int32Array(0),
  nodeStart: new Int32Array(1),
});

function documentOf(node: Node): Document | null {
  return node.nodeType === 9 ? (node as Document) : node.ownerDocument;
}

/** Reads the visible text under `root` (a Document or an Element) once. */
export function readVisibleText(root: Node): VisibleText {
  const document = documentOf(root);
  if (!document) return EMPTY_TEXT(root);
  const style = styleReader(document);
  // The root itself is not passed to acceptNode: a hidden root has no visible text.
  if (root.nodeType === 1 && hiddenSubtree(root as Element, style)) return EMPTY_TEXT(root);
  const nodes: Text[] = [];
  // Visibility is inherited but may be turned back on below, so it is read on each text node's parent.
  const visible = new Map<Element, boolean>();
  const FILTER_ACCEPT = 1;
  const FILTER_REJECT = 2;
  const FILTER_SKIP = 3;
  const walker = document.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node: Node) {
      if (node.nodeType === 1) return hiddenSubtree(node as Element, style) ? FILTER_REJECT : FILTER_SKIP;
      const parent = node.parentElement;
      if (parent) {
        let seen = visible.get(parent);
        if (seen === undefined) {
          seen = style(parent)?.visibility !== 'hidden';
          visible.set(parent, seen);
        }
        if (!seen) return FILTER_SKIP;
      }
      return FILTER_ACCEPT;
    },
  });
  let rawLength = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    rawLength += (node as Text).data.length;
  }
  const nodeOf = new Int32Array(rawLength);
  const offsetOf = new Int32Array(rawLength);
  const nodeStart = new Int32Array(nodes.length + 1);
  // The text is put together from slices of the nodes' data between ignored and folded characters.
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; index < nodes.length; index++) {
    nodeStart[index] = length;
    const data = nodes[index]!.data;
    let runStart = 0;
    for (let offset = 0; offset < data.length; offset++) {
      const code = data.charCodeAt(offset);
      if (isIgnoredCode(code)) {
        if (offset > runStart) parts.push(data.slice(runStart, offset));
        runStart = offset + 1;
        continue;
      }
      const folded = foldCode(code);
      if (folded !== code) {
        if (offset > runStart) parts.push(data.slice(runStart, offset));
        parts.push(String.fromCharCode(folded));
        runStart = offset + 1;
      }
      nodeOf[length] = index;
      offsetOf[length] = offset;
      length++;
    }
    if (data.length > runStart) parts.push(data.slice(runStart));
  }
  nodeStart[nodes.length] = length;
  return {
    root,
    text: parts.join(''),
    nodes,
    nodeOf: nodeOf.subarray(0, length),
    offsetOf: offsetOf.subarray(0, length),
    nodeStart,
  };
}

const nodeIndexes = new WeakMap<VisibleText, Map<Text, number>>();

/** Where each node is in `visible.nodes`; built on first use. */
function nodeIndexOf(visible: VisibleText, node: Text): number | undefined {
  let indexes = nodeIndexes.get(visible);
  if (!indexes) {
    indexes = new Map(visible.nodes.map((textNode, index) => [textNode, index]));
    nodeIndexes.set(visible, indexes);
  }
  return indexes.get(node);
}

/**
 * The position in `visible.text` of a DOM boundary point (a Range's start or end): the number of visible
 * characters before it. A point before the root gives 0, one after it the text's length.
 */
export function textIndexOfPoint(visible: VisibleText, container: Node, offset: number): number {
  const { nodes, nodeStart, offsetOf } = visible;
  if (container.nodeType === 3) {
    const index = nodeIndexOf(visible, container as Text);
    if (index !== undefined) {
      // The first character of the node at or after `offset`.
      let low = nodeStart[index]!;
      let high = nodeStart[index + 1]!;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (offsetOf[middle]! < offset) low = middle + 1;
        else high = middle;
      }
      return low;
    }
  }
  const document = documentOf(container);
  if (!document || nodes.length === 0) return 0;
  // Elsewhere (an element boundary, a hidden text node): the first visible node at or after the point.
  const point = document.createRange();
  try {
    point.setStart(container, offset);
  } catch {
    return 0;
  }
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    let order: number;
    try {
      order = point.comparePoint(nodes[middle]!, 0);
    } catch {
      return 0;
    }
    if (order < 0) low = middle + 1;
    else high = middle;
  }
  return nodeStart[low]!;
}

/** Widens [start, end) so it never splits a surrogate pair. */
export function wholeCharacters(text: string, start: number, end: number): [number, number] {
  const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
  if (start > 0 && start < text.length && isLow(text.charCodeAt(start))) start--;
  if (end > 0 && end < text.length && isLow(text.charCodeAt(end))) end++;
  return [start, end];
}

/** The DOM Range of the characters [start, end) of `visible.text`, or null for an empty span. */
export function rangeOfText(visible: VisibleText, start: number, end: number): Range | null {
  [start, end] = wholeCharacters(visible.text, start, end);
  start = Math.max(0, start);
  end = Math.min(visible.text.length, end);
  const document = documentOf(visible.root);
  if (!document || end <= start) return null;
  const range = document.createRange();
  range.setStart(visible.nodes[visible.nodeOf[start]!]!, visible.offsetOf[start]!);
  range.setEnd(visible.nodes[visible.nodeOf[end - 1]!]!, visible.offsetOf[end - 1]! + 1);
  return range;
}

/** The block elements that hold each character, read on demand and kept. */
const blockCaches = new WeakMap<VisibleText, Map<Node, Node>>();

function blockOfNode(visible: VisibleText, nodeIndex: number): Node {
  let cache = blockCaches.get(visible);
  if (!cache) {
    cache = new Map();
    blockCaches.set(visible, cache);
  }
  const parent = visible.nodes[nodeIndex]!.parentNode ?? visible.root;
  let block = cache.get(parent);
  if (!block) {
    block = closestBlock(parent, visible.root);
    cache.set(parent, block);
  }
  return block;
}

/** Do the characters at `index - 1` and `index` sit in different blocks (or is `index` an end of the text)? */
export function isBlockBoundary(visible: VisibleText, index: number): boolean {
  if (index <= 0 || index >= visible.text.length) return true;
  return blockOfNode(visible, visible.nodeOf[index - 1]!) !== blockOfNode(visible, visible.nodeOf[index]!);
}

/** Is there whitespace in the page between the visible characters `index - 1` and `index`? */
function whitespaceBefore(visible: VisibleText, index: number): boolean {
  const { nodes, nodeOf, offsetOf } = visible;
  const hasWhitespace = (data: string, from: number, to: number) => {
    for (let at = from; at < to; at++) if (isWhitespaceCode(data.charCodeAt(at))) return true;
    return false;
  };
  const before = nodeOf[index - 1]!;
  const after = nodeOf[index]!;
  if (before === after) return hasWhitespace(nodes[after]!.data, offsetOf[index - 1]! + 1, offsetOf[index]!);
  const first = nodes[before]!.data;
  if (hasWhitespace(first, offsetOf[index - 1]! + 1, first.length)) return true;
  for (let node = before + 1; node < after; node++) {
    if (hasWhitespace(nodes[node]!.data, 0, nodes[node]!.data.length)) return true;
  }
  return hasWhitespace(nodes[after]!.data, 0, offsetOf[index]!);
}

/** What a reader sees between the visible characters `index - 1` and `index`: a paragraph break, a space or nothing. */
export function gapBefore(visible: VisibleText, index: number): string {
  if (index <= 0 || index >= visible.text.length) return '';
  if (isBlockBoundary(visible, index)) return '\n\n';
  return whitespaceBefore(visible, index) ? ' ' : '';
}

/**
 * The characters [start, end) as a reader would copy them: the page's own characters (typographic quotes
 * kept), each run of whitespace as one space, a blank line between blocks, invisible marks dropped.
 */
export function readableText(visible: VisibleText, start: number, end: number): string {
  const { nodes, nodeOf, offsetOf } = visible;
  let out = '';
  for (let index = start; index < end; index++) {
    if (index > start) {
      const sameRun = nodeOf[index] === nodeOf[index - 1] && offsetOf[index] === offsetOf[index - 1]! + 1;
      if (!sameRun) out += gapBefore(visible, index);
    }
    out += nodes[nodeOf[index]!]!.data[offsetOf[index]!];
  }
  return out;
}
