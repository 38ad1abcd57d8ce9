/**
 * Parts of the DOM standard that linkedom (0.18) gets wrong, written from the standard, for the command
 * line's loader to put in place of linkedom's (./html-dom.ts): lib/ expects a standard DOM.
 *
 * - TreeWalker (https://dom.spec.whatwg.org/#interface-treewalker). linkedom's lists the nodes once
 *   when it is created and has nextNode only: no firstChild, nextSibling or parentNode (the page copy
 *   and the nesting guard walk with those), no filter (the byline reader rejects scripts and buttons
 *   with one), and setting currentNode does not move it (the date reader starts from the headline).
 * - Node.compareDocumentPosition. linkedom's says which node is shallower, not which comes first, so
 *   bylines and dates sorted into page order came out in another order.
 */

const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

type Filter = NodeFilter | ((node: Node) => number) | null | undefined;

export class StandardTreeWalker {
  readonly root: Node;
  readonly whatToShow: number;
  readonly filter: Filter;
  currentNode: Node;

  constructor(root: Node, whatToShow = 0xffffffff, filter: Filter = null) {
    this.root = root;
    this.whatToShow = whatToShow >>> 0;
    this.filter = filter ?? null;
    this.currentNode = root;
  }

  private accepts(node: Node): number {
    if (!((1 << (node.nodeType - 1)) & this.whatToShow)) return FILTER_SKIP;
    const filter = this.filter;
    if (!filter) return FILTER_ACCEPT;
    return typeof filter === 'function' ? filter(node) : filter.acceptNode(node);
  }

  parentNode(): Node | null {
    let node: Node | null = this.currentNode;
    while (node && node !== this.root) {
      node = node.parentNode;
      if (node && this.accepts(node) === FILTER_ACCEPT) {
        this.currentNode = node;
        return node;
      }
    }
    return null;
  }

  firstChild(): Node | null {
    return this.traverseChildren(true);
  }

  lastChild(): Node | null {
    return this.traverseChildren(false);
  }

  nextSibling(): Node | null {
    return this.traverseSiblings(true);
  }

  previousSibling(): Node | null {
    return this.traverseSiblings(false);
  }

  nextNode(): Node | null {
    let node = this.currentNode;
    let result = FILTER_ACCEPT;
    for (;;) {
      while (result !== FILTER_REJECT && node.firstChild) {
        node = node.firstChild;
        result = this.accepts(node);
        if (result === FILTER_ACCEPT) {
          this.currentNode = node;
          return node;
        }
      }
      let sibling: Node | null = null;
      for (let temporary: Node | null = node; temporary; temporary = temporary.parentNode) {
        if (temporary === this.root) return null;
        sibling = temporary.nextSibling;
        if (sibling) break;
      }
      if (!sibling) return null;
      node = sibling;
      result = this.accepts(node);
      if (result === FILTER_ACCEPT) {
        this.currentNode = node;
        return node;
      }
    }
  }

  previousNode(): Node | null {
    let node = this.currentNode;
    while (node !== this.root) {
      let sibling = node.previousSibling;
      while (sibling) {
        node = sibling;
        let result = this.accepts(node);
        while (result !== FILTER_REJECT && node.lastChild) {
          node = node.lastChild;
          result = this.accepts(node);
        }
        if (result === FILTER_ACCEPT) {
          this.currentNode = node;
          return node;
        }
        sibling = node.previousSibling;
      }
      const parent = node.parentNode;
      if (!parent || node === this.root) return null;
      node = parent;
      if (this.accepts(node) === FILTER_ACCEPT) {
        this.currentNode = node;
        return node;
      }
    }
    return null;
  }

  private traverseChildren(first: boolean): Node | null {
    let node: Node | null = first ? this.currentNode.firstChild : this.currentNode.lastChild;
    while (node) {
      const result = this.accepts(node);
      if (result === FILTER_ACCEPT) {
        this.currentNode = node;
        return node;
      }
      if (result === FILTER_SKIP) {
        const child = first ? node.firstChild : node.lastChild;
        if (child) {
          node = child;
          continue;
        }
      }
      while (node) {
        const sibling: Node | null = first ? node.nextSibling : node.previousSibling;
        if (sibling) {
          node = sibling;
          break;
        }
        const parent: Node | null = node.parentNode;
        if (!parent || parent === this.root || parent === this.currentNode) return null;
        node = parent;
      }
    }
    return null;
  }

  private traverseSiblings(next: boolean): Node | null {
    let node = this.currentNode;
    if (node === this.root) return null;
    for (;;) {
      let sibling: Node | null = next ? node.nextSibling : node.previousSibling;
      while (sibling) {
        node = sibling;
        const result = this.accepts(node);
        if (result === FILTER_ACCEPT) {
          this.currentNode = node;
          return node;
        }
        sibling = next ? node.firstChild : node.lastChild;
        if (result === FILTER_REJECT || !sibling) sibling = next ? node.nextSibling : node.previousSibling;
      }
      const parent = node.parentNode;
      if (!parent || parent === this.root) return null;
      node = parent;
      if (this.accepts(node) === FILTER_ACCEPT) return null;
    }
  }
}

const DOCUMENT_POSITION_DISCONNECTED = 0x01;
const DOCUMENT_POSITION_PRECEDING = 0x02;
const DOCUMENT_POSITION_FOLLOWING = 0x04;
const DOCUMENT_POSITION_CONTAINS = 0x08;
const DOCUMENT_POSITION_CONTAINED_BY = 0x10;
const DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC = 0x20;

/** The node and its ancestors, the root first. */
function ancestry(node: Node): Node[] {
  const chain: Node[] = [];
  for (let at: Node | null = node; at; at = at.parentNode) chain.push(at);
  return chain.reverse();
}

/** https://dom.spec.whatwg.org/#dom-node-comparedocumentposition, for nodes other than attributes. */
export function compareDocumentPosition(this: Node, other: Node): number {
  if (this === other) return 0;
  const mine = ancestry(this);
  const theirs = ancestry(other);
  if (mine[0] !== theirs[0]) {
    return (
      DOCUMENT_POSITION_DISCONNECTED | DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC | DOCUMENT_POSITION_FOLLOWING
    );
  }
  let shared = 0;
  while (shared < mine.length && shared < theirs.length && mine[shared] === theirs[shared]) shared++;
  if (shared === mine.length) return DOCUMENT_POSITION_CONTAINED_BY | DOCUMENT_POSITION_FOLLOWING;
  if (shared === theirs.length) return DOCUMENT_POSITION_CONTAINS | DOCUMENT_POSITION_PRECEDING;
  // mine[shared] and theirs[shared] are children of the same parent: which comes first?
  const target = theirs[shared];
  for (let sibling = mine[shared]!.nextSibling; sibling; sibling = sibling.nextSibling)
    if (sibling === target) return DOCUMENT_POSITION_FOLLOWING;
  return DOCUMENT_POSITION_PRECEDING;
}
