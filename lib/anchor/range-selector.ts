/**
 * RangeSelector, as Hypothesis stores it: each end of the passage as an element (an XPath from the anchor
 * root, such as `/div[2]/p[3]`) and a character offset into that element's `textContent`.
 *
 * The element is the nearest block (paragraph, list item, heading…) around the end point, not the text
 * node's own parent: inline markup added or removed inside a paragraph (a word put in <em>, a link)
 * then leaves the selector valid. Offsets count every character of `textContent`, as the DOM has it,
 * so they mean the same in any browser whatever is visible.
 */
import type { RangeSelector } from '../annotations/types';
import { closestBlock } from './text';

/** `/div[2]/p[3]`: the element's path below `root`, each step counting same-named element siblings from 1. */
export function xpathFromRoot(root: Node, element: Node): string {
  const steps: string[] = [];
  for (let node: Node | null = element; node && node !== root; node = node.parentNode) {
    if (node.nodeType !== 1) return '/';
    const name = (node as Element).localName;
    let position = 1;
    for (
      let sibling = (node as Element).previousElementSibling;
      sibling;
      sibling = sibling.previousElementSibling
    ) {
      if (sibling.localName === name) position++;
    }
    steps.push(`${name}[${position}]`);
  }
  return `/${steps.reverse().join('/')}`;
}

const STEP = /^([A-Za-z][\w.-]*)\[([1-9]\d*)\]$/;

/**
 * Each parent's element children by tag name, gathered once: resolving hundreds of selectors in a long
 * article would otherwise walk hundreds of siblings for each `p[350]`.
 */
export type ChildrenByName = WeakMap<Node, Map<string, Element[]>>;

function childrenNamed(parent: Node, name: string, cache: ChildrenByName): Element[] {
  let byName = cache.get(parent);
  if (!byName) {
    byName = new Map();
    for (let child = firstElementChild(parent); child; child = child.nextElementSibling) {
      const key = child.localName.toLowerCase();
      const list = byName.get(key);
      if (list) list.push(child);
      else byName.set(key, [child]);
    }
    cache.set(parent, byName);
  }
  return byName.get(name) ?? [];
}

/** The element an `xpathFromRoot` path leads to, or null when the page no longer has it. */
export function elementFromXpath(
  root: Node,
  path: string,
  cache: ChildrenByName = new WeakMap(),
): Node | null {
  if (!path.startsWith('/')) return null;
  let current: Node = root;
  for (const step of path.split('/')) {
    if (step === '') continue;
    const match = STEP.exec(step);
    if (!match) return null;
    const found = childrenNamed(current, match[1]!.toLowerCase(), cache)[Number(match[2]) - 1];
    if (!found) return null;
    current = found;
  }
  return current;
}

function firstElementChild(node: Node): Element | null {
  return 'firstElementChild' in node ? (node as ParentNode).firstElementChild : null;
}

function textNodesUnder(container: Node): Text[] {
  const document = container.nodeType === 9 ? (container as Document) : container.ownerDocument;
  if (!document) return [];
  const walker = document.createTreeWalker(container, 0x4 /* SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** One end of a RangeSelector: the block around the point and the characters of its textContent before it. */
function describeEnd(root: Node, node: Text, offset: number): { container: string; offset: number } {
  const block = closestBlock(node, root);
  let before = offset;
  for (const text of textNodesUnder(block)) {
    if (text === node) break;
    before += text.data.length;
  }
  return { container: xpathFromRoot(root, block), offset: before };
}

/** The RangeSelector of a passage from `start` to `end`, both text-node points under `root`. */
export function describeRangeSelector(
  root: Node,
  start: { node: Text; offset: number },
  end: { node: Text; offset: number },
): RangeSelector {
  const from = describeEnd(root, start.node, start.offset);
  const to = describeEnd(root, end.node, end.offset);
  return {
    type: 'RangeSelector',
    startContainer: from.container,
    startOffset: from.offset,
    endContainer: to.container,
    endOffset: to.offset,
  };
}

/**
 * The text-node point `offset` characters into `container`'s textContent. A start point at a boundary
 * between two nodes goes to the later one, an end point to the earlier one, so neither takes in a node
 * the passage does not touch.
 */
function pointInContainer(
  container: Node,
  offset: number,
  edge: 'start' | 'end',
): { node: Text; offset: number } | null {
  if (offset < 0) return null;
  let before = 0;
  let last: Text | null = null;
  for (const text of textNodesUnder(container)) {
    const length = text.data.length;
    if (edge === 'start' ? offset < before + length : offset <= before + length) {
      return { node: text, offset: offset - before };
    }
    before += length;
    last = text;
  }
  return last && offset === before ? { node: last, offset: last.data.length } : null;
}

/** The two text-node points a RangeSelector names under `root`, or null when its paths or offsets fail. */
export function resolveRangeSelector(
  root: Node,
  selector: RangeSelector,
  cache: ChildrenByName = new WeakMap(),
): { start: { node: Text; offset: number }; end: { node: Text; offset: number } } | null {
  const startContainer = elementFromXpath(root, selector.startContainer, cache);
  const endContainer = elementFromXpath(root, selector.endContainer, cache);
  if (!startContainer || !endContainer) return null;
  const start = pointInContainer(startContainer, selector.startOffset, 'start');
  const end = pointInContainer(endContainer, selector.endOffset, 'end');
  return start && end ? { start, end } : null;
}
