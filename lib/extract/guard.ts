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

/**
 * A DOM property read from the prototype chain, past the named properties that DOM clobbering puts on
 * the object itself: with `<input name="getAttribute">` in a form, form.getAttribute is the input, and
 * with `<img name="body">` in a page, document.body is the image. Only for the few reads of the live
 * page before the private copy is made, and of the copy before its clobbering names are moved.
 */
export function builtIn(target: object, name: string): unknown {
  for (let proto = Object.getPrototypeOf(target); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor.get ? descriptor.get.call(target) : descriptor.value;
  }
  // No prototype has it: a DOM that keeps a node's fields on the node itself (linkedom, in the command
  // line, where no page script runs). Browsers and jsdom define every name asked for here on a
  // prototype, so a name a page clobbers is never read this way.
  return Object.getOwnPropertyDescriptor(target, name)?.value;
}

export function callBuiltIn(target: object, name: string, ...args: unknown[]): unknown {
  const method = builtIn(target, name);
  if (typeof method !== 'function') throw new TypeError('The DOM is missing a method.');
  return (method as (...values: unknown[]) => unknown).apply(target, args);
}

/**
 * How deep the elements under `root` nest (`root` itself is depth 0). Iterative: the whole point is
 * surviving trees deep enough to overflow recursion. Walks with a TreeWalker, which follows the tree
 * itself: a form's firstElementChild or nextElementSibling can be clobbered into one of its own
 * controls, and a walk by those properties would then go round in circles.
 */
export function nestingDepth(root: Element): number {
  const doc = builtIn(root, 'ownerDocument') as Document;
  const walker = callBuiltIn(doc, 'createTreeWalker', root, 1 /* SHOW_ELEMENT */) as TreeWalker;
  let deepest = 0;
  let depth = 0;
  for (;;) {
    if (walker.firstChild()) {
      if (++depth > deepest) deepest = depth;
      continue;
    }
    // Climb until there is a next sibling, or back at the root.
    while (!walker.nextSibling()) {
      if (!walker.parentNode()) return deepest;
      depth--;
    }
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

/** Elements a form exposes as its own properties by name or id (the form's "listed elements" and img). */
const FORM_NAMED = new Set(['button', 'fieldset', 'input', 'object', 'output', 'select', 'textarea', 'img']);
/** Elements a document exposes as its own properties by name (object, and img with a name, by id too). */
const DOCUMENT_NAMED = new Set(['embed', 'form', 'iframe', 'img', 'object']);

/**
 * Undo DOM clobbering in a private copy: a page can name form controls, images, embeds and forms after
 * DOM properties (`<input name="getAttribute">`, `<img name="getElementsByTagName">`), which makes the
 * form or the document hand out an element where the reader expects a method, and Readability throw.
 * Each such name or id is moved to a data- attribute of the copy, where it hides nothing. Reads every
 * property it needs past the clobbering itself. Returns how many attributes were moved.
 */
export function defuseClobbering(copy: Document): number {
  const documentProperties = Object.getPrototypeOf(copy) as object;
  const form = callBuiltIn(copy, 'createElement', 'form') as object;
  const formProperties = Object.getPrototypeOf(form) as object;
  const elements = callBuiltIn(copy, 'getElementsByTagName', '*') as HTMLCollectionOf<Element>;
  const total = elements.length;
  // Collected first: the collection is live, and renaming must not change what it holds.
  const found: Element[] = [];
  for (let index = 0; index < total; index++) found.push(elements[index]!);
  let moved = 0;
  for (const element of found) {
    const tag = builtIn(element, 'localName');
    if (typeof tag !== 'string' || !(FORM_NAMED.has(tag) || DOCUMENT_NAMED.has(tag))) continue;
    for (const attribute of ['name', 'id']) {
      const value = callBuiltIn(element, 'getAttribute', attribute);
      if (typeof value !== 'string' || !value) continue;
      const hidesFormProperty = FORM_NAMED.has(tag) && value in formProperties;
      const hidesDocumentProperty =
        DOCUMENT_NAMED.has(tag) &&
        (attribute === 'name' || tag === 'object' || tag === 'img') &&
        value in documentProperties;
      if (!hidesFormProperty && !hidesDocumentProperty) continue;
      callBuiltIn(element, 'setAttribute', `data-scrutiny-${attribute}`, value);
      callBuiltIn(element, 'removeAttribute', attribute);
      moved++;
    }
  }
  return moved;
}

/**
 * Signatures of files that get opened or saved as web pages, tried on the start of the body's text: the
 * bytes as the HTML parser decoded them (windows-1252 or UTF-8, whose replacement character U+FFFD
 * stands for bytes that are no UTF-8), with NUL bytes gone (the parser drops them). Each kind is said
 * to the reader as written here.
 */
const FILE_SIGNATURES = [
  [/^%PDF-/, 'a PDF document'],
  [/^%!PS-Adobe/, 'a PostScript document'],
  [/^\{\\rtf/, 'an RTF document'],
  [/^[\u0089\u2030\uFFFD]PNG/, 'a PNG image'],
  [/^GIF8[79]a/, 'a GIF image'],
  [/^(?:\u00FF\u00D8\u00FF|\uFFFD{2,4}[\s\S]{0,4}(?:JFIF|Exif))/, 'a JPEG image'],
  [/^RIFF[\s\S]{0,4}WEBP/, 'a WebP image'],
  [/^PK\u0003\u0004/, 'a ZIP archive (or a Word, Excel or EPUB file packed as one)'],
  [/^(?:\u00D0\u00CF\u0011\u00E0|\uFFFD\uFFFD\u0011\uFFFD)/, 'an old Microsoft Office document'],
  [/^\u001F[\u008B\u2039\uFFFD]/, 'a gzip-compressed file'],
  [/^ID3[\u0002-\u0004]/, 'an MP3 audio file'],
  [/^[\u0000-\u0020]{0,4}ftyp(?:isom|iso2|mp4|M4V|M4A|qt|avc1|3gp)/, 'an MP4 or QuickTime video'],
] as const satisfies readonly (readonly [RegExp, string])[];

/** What a file that is no web page is, in the words the reader is told ("a PDF document"). */
export type FileKind = (typeof FILE_SIGNATURES)[number][1];

const FILE_KINDS = new Set<string>(FILE_SIGNATURES.map(([, kind]) => kind));

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && FILE_KINDS.has(value);
}

const SIGNATURE_CHARS = 32;

/**
 * What a page is when it is a file of another kind read as HTML (a PDF saved as .html, an image opened
 * as a page): found by the signature its bytes start with, as the text of the body begins with it.
 * Reads only the first few characters. Null for anything else.
 */
export function fileKindOf(root: Node): FileKind | null {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */);
  let start = '';
  for (let node = walker.nextNode(); node && start.length < SIGNATURE_CHARS; node = walker.nextNode()) {
    const parent = node.parentNode?.nodeName.toUpperCase();
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    start = (start + (node.nodeValue ?? '').slice(0, SIGNATURE_CHARS)).trimStart();
  }
  for (const [signature, kind] of FILE_SIGNATURES) if (signature.test(start)) return kind;
  return null;
}
