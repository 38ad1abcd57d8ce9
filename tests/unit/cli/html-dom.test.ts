/**
 * The command line's DOM (cli/html-dom.ts): linkedom holding the tree parse5 builds, with the
 * standard's TreeWalker and compareDocumentPosition (cli/dom-standard.ts). Each is checked against
 * jsdom, whose DOM follows the standard, on the same markup.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { decodePage, parsePageDom } from '../../../cli/html-dom';

const URL_ = 'https://news.example.com/2026/story';
const SLOW_MACHINE_MS = 120_000;

const linkedomOf = (html: string) =>
  parsePageDom(Buffer.from(html), 'text/html; charset=utf-8', URL_).document;
const jsdomOf = (html: string) => new JSDOM(html, { url: URL_ }).window.document;

/** Every node under (and with) the document, in document order. */
function allNodes(document: Document): Node[] {
  const nodes: Node[] = [];
  const visit = (node: Node) => {
    nodes.push(node);
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(document);
  return nodes;
}

/**
 * Small pages with elements, text and comments, nested a few levels; no doctype, which the command
 * line's DOM leaves out (nothing reads it).
 */
const markup: fc.Arbitrary<string> = fc
  .letrec<{ node: string; nodes: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('a', 'b c', ' ', 'd'),
      fc.constant('<!--note-->'),
      fc
        .tuple(fc.constantFrom('div', 'span', 'p', 'em', 'script', 'section'), tie('nodes'))
        .map(([tag, inner]) => (tag === 'script' ? '<script>x</script>' : `<${tag}>${inner}</${tag}>`)),
    ),
    nodes: fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
  }))
  .nodes.map((body) => `<html><head><title>t</title></head><body>${body}</body></html>`);

type Move =
  'parentNode' | 'firstChild' | 'lastChild' | 'nextSibling' | 'previousSibling' | 'nextNode' | 'previousNode';
const MOVES: Move[] = [
  'parentNode',
  'firstChild',
  'lastChild',
  'nextSibling',
  'previousSibling',
  'nextNode',
  'previousNode',
];

/** Skip <em> and <p> (their children still count), reject <section> and <script> with everything in them. */
const filter = (node: Node) =>
  node.nodeName === 'SECTION' || node.nodeName === 'SCRIPT'
    ? 2
    : node.nodeName === 'EM' || node.nodeName === 'P'
      ? 3
      : 1;

describe('the command line DOM', { timeout: SLOW_MACHINE_MS }, () => {
  it('walks a tree as the standard TreeWalker does, whatever it shows and filters', () => {
    fc.assert(
      fc.property(
        markup,
        fc.constantFrom(0xffffffff, 0x1, 0x4, 0x1 | 0x4, 0x80),
        fc.boolean(),
        fc.nat(),
        fc.array(fc.oneof(fc.constantFrom(...MOVES), fc.nat()), { maxLength: 40 }),
        (html, whatToShow, filtered, rootPick, steps) => {
          const documents = [jsdomOf(html), linkedomOf(html)];
          const walks = documents.map((document) => {
            const nodes = allNodes(document);
            const root = nodes[rootPick % nodes.length]!;
            const walker = document.createTreeWalker(root, whatToShow, filtered ? filter : null);
            // Where the walker is after each step, as an index in document order (-1: null).
            return steps.map((step) => {
              if (typeof step === 'number') walker.currentNode = nodes[step % nodes.length]!;
              else walker[step]();
              return nodes.indexOf(walker.currentNode);
            });
          });
          expect(walks[1]).toEqual(walks[0]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('steps past a rejected element and into a skipped one, as jsdom does', () => {
    const html =
      '<html><body><span>a</span><section><b>in</b></section><em><i>kept</i></em><u>after</u></body></html>';
    const [expected, actual] = [jsdomOf(html), linkedomOf(html)].map((document) => {
      const walker = document.createTreeWalker(document.body, 0x1, filter);
      walker.currentNode = document.querySelector('span')!;
      const names = [walker.nextSibling(), walker.nextSibling(), walker.previousSibling()];
      walker.currentNode = document.querySelector('span')!;
      names.push(walker.nextNode(), walker.nextNode(), walker.previousNode(), walker.parentNode());
      return names.map((node) => node?.nodeName ?? null);
    });
    expect(expected).toEqual(['I', 'U', 'I', 'I', 'U', 'I', 'BODY']);
    expect(actual).toEqual(expected);
  });

  it('orders nodes as the standard compareDocumentPosition does', () => {
    fc.assert(
      fc.property(markup, fc.nat(), fc.nat(), (html, a, b) => {
        const [expected, actual] = [jsdomOf(html), linkedomOf(html)].map((document) => {
          const nodes = allNodes(document);
          return nodes[a % nodes.length]!.compareDocumentPosition(nodes[b % nodes.length]!);
        });
        expect(actual).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('builds the standard tree from tag soup (a style sheet before <html>)', () => {
    const document = linkedomOf('<style>p {}</style><html><body><p>Article text.</p></body></html>');
    expect(document.body.textContent).toBe('Article text.');
    expect(document.head.querySelector('style')).not.toBeNull();
  });

  it('leaves template contents out, as the browser leaves them out of the tree', () => {
    const document = linkedomOf('<body><p>Shown</p><template><p>Inert</p></template></body>');
    expect(document.body.textContent).toBe('Shown');
  });

  it('knows its address, and a <base href> resolved against it', () => {
    const plain = linkedomOf('<body><a href="/a">a</a></body>');
    expect([plain.URL, plain.baseURI]).toEqual([URL_, URL_]);
    const based = linkedomOf('<head><base href="../other/"></head><body></body>');
    expect(based.baseURI).toBe('https://news.example.com/other/');
  });

  it('decodes as a browser would: byte-order mark, declared charset, <meta charset>, then windows-1252', () => {
    const text = 'Köln';
    expect(decodePage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'text/html')).toBe(
      text,
    );
    expect(decodePage(Buffer.from(text), 'text/html; charset=utf-8')).toBe(text);
    expect(decodePage(Buffer.from(`<meta charset="utf-8">${text}`), 'text/html')).toBe(
      `<meta charset="utf-8">${text}`,
    );
    expect(decodePage(Buffer.from(text, 'latin1'), 'text/html')).toBe(text);
  });

  it('reads windows-1252 quotation marks, dashes and the euro sign, which ISO-8859-1 lacks', () => {
    // „Wir“ – 5 € in windows-1252: 0x84 „, 0x93 “, 0x96 –, 0x80 €. Node's own decoder makes C1
    // controls of them; a browser, and the Encoding Standard, do not.
    const bytes = Buffer.from([0x84, 0x57, 0x69, 0x72, 0x93, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
    const expected = '„Wir“ – 5 €';
    expect(
      decodePage(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), bytes]), 'text/html'),
    ).toBe(`<meta charset="windows-1252">${expected}`);
    // latin1 and ascii are the standard's labels of the same encoding.
    expect(decodePage(bytes, 'text/html; charset=iso-8859-1')).toBe(expected);
    expect(decodePage(bytes, 'text/html')).toBe(expected);
  });
});
