/**
 * Reading the page's DOM without believing what the page can make its nodes say.
 *
 * Content scripts get their own copies of the DOM's prototypes, so a page cannot patch the methods the
 * annotator calls. It can still clobber: `<form><input name="tagName"></form>` makes `form.tagName` the
 * input, `<img name="querySelector">` makes `document.querySelector` an image, in every world. The
 * annotator therefore reads nodes through the getters and methods of the window's prototypes, saved once,
 * and called on the node (`Element.prototype.getAttribute.call(form, …)`), which no named property can
 * shadow.
 */

type Getter<T> = (this: unknown) => T;

function getter<T>(prototype: object, name: string): Getter<T> {
  for (let proto: object | null = prototype; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor?.get) return descriptor.get as Getter<T>;
  }
  throw new TypeError(`No ${name} getter on this DOM`);
}

function method<F extends (...args: never[]) => unknown>(prototype: object, name: string): F {
  for (let proto: object | null = prototype; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (typeof descriptor?.value === 'function') return descriptor.value as F;
  }
  throw new TypeError(`No ${name} method on this DOM`);
}

/** The DOM calls the annotator makes on the page's nodes, each immune to clobbering. */
export interface SafeDom {
  nodeType(node: Node): number;
  parentNode(node: Node): Node | null;
  /** The element itself, or a text node's parent element. */
  elementOf(node: Node | null): Element | null;
  isConnected(node: Node): boolean;
  /** The element's lowercase local name ("p", "form"). */
  localName(element: Element): string;
  getAttribute(element: Element, name: string): string | null;
  closest(element: Element, selectors: string): Element | null;
  contains(container: Node, node: Node | null): boolean;
  querySelector(root: Document | Element, selectors: string): Element | null;
  documentElement(document: Document): Element | null;
  body(document: Document): HTMLElement | null;
  activeElement(document: Document): Element | null;
  title(document: Document): string;
  baseURI(node: Node): string;
  /** The document's address, as the browser has it (`document.URL`). */
  url(document: Document): string;
  appendChild(parent: Node, child: Node): void;
  removeChild(node: Node): void;
  getBoundingClientRect(element: Element): DOMRect;
  /** The element's padding box in the viewport (where its content is clipped when it scrolls). */
  clientBox(element: Element): { left: number; top: number; right: number; bottom: number };
  createElement<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K): HTMLElementTagNameMap[K];
  createElement(document: Document, tag: string): HTMLElement;
  createRange(document: Document): Range;
  /** A walker over the text nodes under `root`. */
  textWalker(document: Document, root: Node): TreeWalker;
}

/** The safe DOM of one window (the content script's view of the page, or a test DOM's window). */
export function safeDom(window: Window): SafeDom {
  const view = window as Window & typeof globalThis;
  const NodeProto = view.Node.prototype;
  const ElementProto = view.Element.prototype;
  const DocumentProto = view.Document.prototype;
  const nodeType = getter<number>(NodeProto, 'nodeType');
  const parentNode = getter<Node | null>(NodeProto, 'parentNode');
  const parentElement = getter<Element | null>(NodeProto, 'parentElement');
  const isConnected = getter<boolean>(NodeProto, 'isConnected');
  const baseURI = getter<string>(NodeProto, 'baseURI');
  const contains = method<(this: Node, other: Node | null) => boolean>(NodeProto, 'contains');
  const appendChild = method<(this: Node, child: Node) => Node>(NodeProto, 'appendChild');
  const removeChild = method<(this: Node, child: Node) => Node>(NodeProto, 'removeChild');
  const localName = getter<string>(ElementProto, 'localName');
  const getAttribute = method<(this: Element, name: string) => string | null>(ElementProto, 'getAttribute');
  const closest = method<(this: Element, selectors: string) => Element | null>(ElementProto, 'closest');
  const elementQuery = method<(this: Element, selectors: string) => Element | null>(
    ElementProto,
    'querySelector',
  );
  const documentQuery = method<(this: Document, selectors: string) => Element | null>(
    DocumentProto,
    'querySelector',
  );
  const rectOf = method<(this: Element) => DOMRect>(ElementProto, 'getBoundingClientRect');
  const clientLeft = getter<number>(ElementProto, 'clientLeft');
  const clientTop = getter<number>(ElementProto, 'clientTop');
  const clientWidth = getter<number>(ElementProto, 'clientWidth');
  const clientHeight = getter<number>(ElementProto, 'clientHeight');
  const createElement = method<(this: Document, tag: string) => HTMLElement>(DocumentProto, 'createElement');
  const createRange = method<(this: Document) => Range>(DocumentProto, 'createRange');
  const createTreeWalker = method<(this: Document, root: Node, show: number) => TreeWalker>(
    DocumentProto,
    'createTreeWalker',
  );
  const SHOW_TEXT = 0x4;
  const documentElement = getter<Element | null>(DocumentProto, 'documentElement');
  const body = getter<HTMLElement | null>(DocumentProto, 'body');
  const activeElement = getter<Element | null>(DocumentProto, 'activeElement');
  const title = getter<string>(DocumentProto, 'title');
  const url = getter<string>(DocumentProto, 'URL');
  const ELEMENT = 1;
  const DOCUMENT = 9;

  const dom: SafeDom = {
    nodeType: (node) => nodeType.call(node),
    parentNode: (node) => parentNode.call(node),
    elementOf: (node) => {
      if (!node) return null;
      return nodeType.call(node) === ELEMENT ? (node as Element) : parentElement.call(node);
    },
    isConnected: (node) => isConnected.call(node),
    localName: (element) => localName.call(element),
    getAttribute: (element, name) => getAttribute.call(element, name),
    closest: (element, selectors) => closest.call(element, selectors),
    contains: (container, node) => contains.call(container, node),
    querySelector: (root, selectors) =>
      nodeType.call(root) === DOCUMENT
        ? documentQuery.call(root as Document, selectors)
        : elementQuery.call(root as Element, selectors),
    documentElement: (document) => documentElement.call(document),
    body: (document) => body.call(document),
    activeElement: (document) => activeElement.call(document),
    title: (document) => title.call(document),
    baseURI: (node) => baseURI.call(node),
    url: (document) => url.call(document),
    appendChild: (parent, child) => void appendChild.call(parent, child),
    removeChild: (node) => {
      const parent = parentNode.call(node);
      if (parent) removeChild.call(parent, node);
    },
    getBoundingClientRect: (element) => rectOf.call(element),
    clientBox: (element) => {
      const rect = rectOf.call(element);
      const left = rect.left + clientLeft.call(element);
      const top = rect.top + clientTop.call(element);
      return { left, top, right: left + clientWidth.call(element), bottom: top + clientHeight.call(element) };
    },
    createElement: ((document: Document, tag: string) =>
      createElement.call(document, tag)) as SafeDom['createElement'],
    createRange: (document) => createRange.call(document),
    textWalker: (document, root) => createTreeWalker.call(document, root, SHOW_TEXT),
  };
  return dom;
}
