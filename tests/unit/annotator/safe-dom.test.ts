/** Reading a clobbered DOM: the saved prototypes' answers, whatever the page's named properties say. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { safeDom } from '../../../lib/annotator/safe-dom';

/**
 * The page as clobbering leaves it: a named property shadows a built-in on the instance, as
 * `<form><input name="tagName">` and `<img name="querySelector">` do in browsers (jsdom has no named
 * properties, so the test puts them there by hand).
 */
function clobbered() {
  const dom = new JSDOM(
    `<!doctype html><html lang="en"><head><title>Story</title><link rel="canonical" href="/story"></head>
<body><form id="comments"><input name="tagName"><p id="inside">Words</p></form></body></html>`,
    { url: 'https://news.example/story' },
  );
  const window = dom.window as unknown as Window;
  const document = window.document;
  const form = document.getElementById('comments')!;
  const input = form.querySelector('input')!;
  // (Not nodeType, localName or parentNode: jsdom's own selector engine reads those from the node.)
  for (const name of ['tagName', 'nodeName', 'getAttribute', 'closest', 'querySelector'])
    Object.defineProperty(form, name, { value: input, configurable: true });
  for (const name of ['querySelector', 'body', 'documentElement', 'title', 'createElement', 'URL', 'baseURI'])
    Object.defineProperty(document, name, { value: input, configurable: true });
  return { window, document, form, input };
}

describe('the safe DOM', () => {
  it('reads a clobbered form and document as they are', () => {
    const { window, document, form, input } = clobbered();
    const dom = safeDom(window);
    // What the page made the names say…
    expect(typeof (form as unknown as { getAttribute: unknown }).getAttribute).not.toBe('function');
    expect(typeof (document as unknown as { querySelector: unknown }).querySelector).not.toBe('function');
    // …and what the annotator reads.
    expect(dom.localName(form)).toBe('form');
    expect(typeof (form as unknown as { tagName: unknown }).tagName).toBe('object');
    expect(dom.getAttribute(form, 'id')).toBe('comments');
    // A clobbered parentNode would send a walk up the tree round in circles (form → input → form…).
    Object.defineProperty(form, 'parentNode', { value: input, configurable: true });
    expect(dom.parentNode(form)).toBe(dom.body(document));
    delete (form as unknown as { parentNode?: unknown }).parentNode;
    expect(dom.nodeType(form)).toBe(1);
    expect(dom.closest(form, 'body')).toBe(dom.body(document));
    expect(dom.querySelector(document, 'link[rel="canonical"]')?.getAttribute('href')).toBe('/story');
    expect(dom.querySelector(form, '#inside')?.textContent).toBe('Words');
    expect(dom.documentElement(document)?.getAttribute('lang')).toBe('en');
    expect(dom.title(document)).toBe('Story');
    expect(dom.url(document)).toBe('https://news.example/story');
    expect(dom.baseURI(document)).toBe('https://news.example/story');
    expect(dom.createElement(document, 'div').localName).toBe('div');
    const text = dom.querySelector(document, '#inside')!.firstChild!;
    expect(dom.elementOf(text)?.id).toBe('inside');
    expect(dom.contains(form, text)).toBe(true);
  });

  it('walks text nodes and makes ranges through the document’s own methods', () => {
    const { window, document } = clobbered();
    Object.defineProperty(document, 'createTreeWalker', { value: null, configurable: true });
    Object.defineProperty(document, 'createRange', { value: null, configurable: true });
    const dom = safeDom(window);
    const walker = dom.textWalker(document, dom.body(document)!);
    expect((walker.nextNode() as Text).data).toBe('Words');
    expect(typeof dom.createRange(document).setStart).toBe('function');
  });
});
