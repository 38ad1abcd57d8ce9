/**
 * The DOMs the command line reads pages into (Node only). Pages are parsed with linkedom, three to
 * four times faster than jsdom for the whole of extraction and analysis (docs/research.md, "Choosing
 * the DOM implementation"), with the same article text and bylines on the Zyte benchmark's pages.
 * Sanitizing stays in jsdom, whose parser is the HTML standard's (parse5): DOMPurify's guarantees rest
 * on parsing its output as a browser would, and linkedom's parser (htmlparser2) is not the standard's.
 * Standalone XML (a feed saved as .html) is parsed by jsdom too, whose XML parser refuses what is not
 * well-formed, as a browser's does.
 */
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from '@exodus/bytes/encoding.js';
import sniffHTMLEncoding from 'html-encoding-sniffer';
import { JSDOM, VirtualConsole } from 'jsdom';
import { DOMParser as LinkedomParser } from 'linkedom';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { compareDocumentPosition, StandardTreeWalker } from './dom-standard';

type ParsedDocument = DefaultTreeAdapterTypes.Document;
type ParsedNode = DefaultTreeAdapterTypes.ChildNode;
type ParsedElement = DefaultTreeAdapterTypes.Element;
type ParsedText = DefaultTreeAdapterTypes.TextNode;
type ParsedComment = DefaultTreeAdapterTypes.CommentNode;

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** A page's document, and what goes with it. */
export interface PageDom {
  document: Document;
  /** The window whose DOM DOMPurify sanitizes the article in (see sanitizerWindow). */
  window: Window;
  /** Gives back what the document holds (jsdom's windows keep timers and the like until closed). */
  close(): void;
}

let linkedomParser: LinkedomParser | null = null;

/** Put `value` as `name` on the prototype of `object` that defines `name`. */
function replaceMethod(object: object, name: string, value: unknown): void {
  for (
    let proto = Object.getPrototypeOf(object) as object | null;
    proto;
    proto = Object.getPrototypeOf(proto)
  ) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) {
      Object.defineProperty(proto, name, { configurable: true, writable: true, value });
      return;
    }
  }
  throw new Error(`linkedom has no ${name} to replace.`);
}

/** linkedom's parser, with the standard's TreeWalker and compareDocumentPosition (./dom-standard.ts). */
function htmlParser(): LinkedomParser {
  if (!linkedomParser) {
    linkedomParser = new LinkedomParser();
    const sample = linkedomParser.parseFromString('<!doctype html><html><body></body></html>', 'text/html');
    replaceMethod(
      sample,
      'createTreeWalker',
      (root: Node, whatToShow?: number, filter?: NodeFilter | null) =>
        new StandardTreeWalker(root, whatToShow, filter),
    );
    replaceMethod(sample.body, 'compareDocumentPosition', compareDocumentPosition);
  }
  return linkedomParser;
}

let sanitizer: Window | null = null;

/**
 * One jsdom window per thread, for DOMPurify: it parses each article into a document of its own, so
 * the window holds nothing from one page to the next.
 */
export function sanitizerWindow(): Window {
  sanitizer ??= new JSDOM('', { virtualConsole: new VirtualConsole() }).window as unknown as Window;
  return sanitizer;
}

/**
 * The page's text, decoded as a browser would: byte-order mark, then the charset the content type
 * names, then a <meta charset> in the first 1,024 bytes, then windows-1252.
 *
 * The decoder is the Encoding Standard's, from @exodus/bytes (which jsdom and the sniffer use), not
 * Node's: Node 20's TextDecoder reads windows-1252 (the standard's name for latin1 and ascii too) as
 * ISO-8859-1, so the bytes 0x80–0x9F, which such pages use for „ “ ” ‘ ’ – — and €, became
 * invisible control characters, and every quotation of a German windows-1252 page was lost.
 */
export function decodePage(bytes: Buffer, contentType: string): string {
  const charset = /;\s*charset=([^;\s]+)/i.exec(contentType)?.[1];
  try {
    const encoding = sniffHTMLEncoding(bytes, {
      transportLayerEncodingLabel: charset,
      defaultEncoding: 'windows-1252',
    });
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    // The sniffer throws on some malformed declarations, which real pages carry
    // (content="text/html; charset="UTF-8"), and the decoder on an encoding it does not know (the
    // standard's "replacement" encoding, say).
    return new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252').decode(bytes);
  }
}

/**
 * Parse prepared page bytes (cli/page-source.ts) at `url`, or take the tree prepareSource parsed from
 * them already. Throws a SyntaxError on XML that is not
 * well-formed (read it as HTML then).
 */
export function parsePageDom(
  bytes: Buffer,
  contentType: string,
  url: string,
  parsed?: ParsedDocument,
): PageDom {
  if (contentType === 'application/xml') {
    const dom = new JSDOM(bytes, { url, contentType, virtualConsole: new VirtualConsole() });
    return {
      document: dom.window.document,
      window: sanitizerWindow(),
      close: () => dom.window.close(),
    };
  }
  const document = linkedomDocument(
    parsed ?? parse(decodePage(bytes, contentType), { scriptingEnabled: false }),
  );
  placeAt(document, url);
  return { document, window: sanitizerWindow(), close: () => undefined };
}

/**
 * The tree parse5 built, as a linkedom document. parse5 is the HTML standard's parser (and jsdom's):
 * linkedom's own, htmlparser2, does not build the standard's tree from tag soup (a page that starts
 * with a <style> before <html> came out with an empty body), and every rule in lib/ was written
 * against the standard's tree. Template contents are left out, as they are out of the browser's tree.
 */
function linkedomDocument(parsed: ParsedDocument): Document {
  const document = htmlParser().parseFromString('<html></html>', 'text/html') as unknown as Document;
  // No doctype: linkedom's is outside its list of nodes (it has no next sibling, so a walk from the
  // document ends there). And linkedom's document keeps the <html> it was made with (one put in its
  // place is not among its children), so parse5's <html> is poured into it; parse5 always makes one.
  const html = parsed.childNodes.find((node): node is ParsedElement => 'tagName' in node)!;
  const root = document.documentElement;
  copyAttributes(html, root);
  const pending: Array<[ParsedNode, Node]> = html.childNodes.map((child) => [child, root]);
  pending.reverse();
  while (pending.length > 0) {
    const [node, parent] = pending.pop()!;
    let made: Node;
    if ('tagName' in node) {
      const element =
        node.namespaceURI === HTML_NAMESPACE
          ? document.createElement(node.tagName)
          : document.createElementNS(node.namespaceURI, node.tagName);
      copyAttributes(node, element);
      made = element;
      if (node.tagName !== 'template')
        for (let index = node.childNodes.length - 1; index >= 0; index--)
          pending.push([node.childNodes[index]!, element]);
    } else if (node.nodeName === '#text') made = document.createTextNode((node as ParsedText).value);
    else if (node.nodeName === '#comment') made = document.createComment((node as ParsedComment).data);
    else continue;
    parent.appendChild(made);
  }
  return document;
}

function copyAttributes(from: ParsedElement, to: Element): void {
  for (const attribute of from.attrs) {
    try {
      to.setAttribute(
        attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name,
        attribute.value,
      );
    } catch {
      // A name the DOM refuses (a browser refuses it in setAttribute too); the parser kept it.
    }
  }
}

/**
 * Give a linkedom document its address, which it has no way to be told: Readability makes the
 * article's relative links absolute against document.baseURI (a <base href> resolved against the
 * address), and without that DOMPurify drops them as not http(s).
 */
function placeAt(document: Document, url: string): void {
  let base = url;
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      base = new URL(href, url).href;
    } catch {
      // An unusable <base href> is ignored, as browsers do.
    }
  }
  for (const [name, value] of [
    ['URL', url],
    ['documentURI', url],
    ['baseURI', base],
  ] as const)
    Object.defineProperty(document, name, { value, configurable: true });
}
