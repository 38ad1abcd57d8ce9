/**
 * Bad input through the extraction pipeline itself (capturePage / extractArticle on a Document): every
 * case ends in a page with plain-words warnings, never an exception. Where Readability alone fails on
 * the same input, a test shows that first, so each guard is seen to be needed.
 */
import { Readability } from '@mozilla/readability';
import type { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { capturePage, EXTRACTION_FAILURES, extractArticle, type AnalyzedPage } from '../../../lib/extract';
import { notAWebPageWarning } from '../../../lib/extract/capture';
import { deepMarkupWarning, nestingDepth } from '../../../lib/extract/guard';
import {
  CYRILLIC_TITLE,
  XML_FEED,
  articlePage,
  deepJsonLdPage,
  hostileArticlePage,
  hostileLinksMetadataPage,
  hostileMetadataPage,
  hugeJsonLdPage,
  hugePage,
  malformedJsonLdPage,
  nonArticlePage,
  pdfBytes,
  prototypePollutionJsonLdPage,
  randomBytes,
  utf16PageBytes,
  windows1251PageBytes,
} from '../../fixtures/hostile/pages';
import { PAGE_URL, deepDocument, domOf } from './documents';

/** A PDF whose page text is plain (uncompressed) strings, as some tools write it: ~700 words. */
function textPdf(): string {
  const sentence =
    'The council report says the old bridge will close for repairs in the spring and reopen in the autumn';
  const lines = Array.from(
    { length: 36 },
    (_, index) => `BT /F1 12 Tf 72 ${720 - index * 14} Td (${sentence}, part ${index}.) Tj ET`,
  );
  return [
    '%PDF-1.4',
    '%\xe2\xe3\xcf\xd3',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '4 0 obj << /Length 2400 >> stream',
    ...lines,
    'endstream endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
}

function extract(page: string | Buffer, contentType?: string): AnalyzedPage {
  const dom = domOf(page, contentType);
  try {
    return extractArticle(dom.window.document);
  } finally {
    dom.window.close();
  }
}

/** Every string in the page's metadata fields, for checks that none carries markup or scripts. */
function metadataStrings(page: AnalyzedPage): string[] {
  return [
    page.title,
    page.article.excerpt,
    page.byline.outlet?.name ?? '',
    page.byline.wire ?? '',
    ...page.byline.authors.flatMap((author) => [author.name, author.url ?? '']),
    ...page.byline.contributors,
  ];
}

describe('empty and non-HTML input', () => {
  it('an empty file: no article, no error', () => {
    const page = extract('');
    expect(page.isArticle).toBe(false);
    expect(page.articleReason).toBe('Scrutiny found no article text on this page.');
    expect(page.title).toBe('');
  });

  it('a Document with no element at all says it is empty', () => {
    const dom = domOf('');
    const empty = dom.window.document.implementation.createDocument(null, '', null);
    const capture = capturePage(empty);
    expect(capture.page.warnings).toEqual(['The document is empty.']);
    const page = extractArticle(empty, { window: dom.window as unknown as Window });
    expect(page.isArticle).toBe(false);
  });

  it('random bytes: no article, and a warning that says why', () => {
    const page = extract(randomBytes());
    expect(page.isArticle).toBe(false);
    expect(page.warnings).toContain(
      "This page's text looks like binary data, not writing (a PDF or an image saved as a web page, perhaps), so Scrutiny did not look for an article in it.",
    );
  });

  it('a PDF saved as .html is named a PDF, in the warning and in the reason', () => {
    const page = extract(pdfBytes());
    expect(page.isArticle).toBe(false);
    expect(page.warnings).toContain(notAWebPageWarning('a PDF document'));
    expect(page.articleReason).toBe(
      'This file is a PDF document, not a web page, so it has no article text.',
    );
  });

  it('a PDF whose text is not compressed is not taken for a front page or an article (finding 8)', () => {
    const page = extract(Buffer.from(textPdf(), 'latin1'));
    expect(page.isArticle).toBe(false);
    expect(page.articleReason).not.toMatch(/front page|running text/);
    expect(page.articleReason).toMatch(/PDF document/);
    expect(page.article.text).toBe('');
  });

  it.each([
    ['a PNG image', Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1')],
    ['a JPEG image', Buffer.from('\xff\xd8\xff\xe0\0\x10JFIF\0', 'latin1')],
    ['a GIF image', Buffer.from('GIF89a\x01\0\x01\0', 'latin1')],
    [
      'a ZIP archive (or a Word, Excel or EPUB file packed as one)',
      Buffer.from('PK\x03\x04\x14\0', 'latin1'),
    ],
  ])('%s read as a page is named for what it is', (kind, head) => {
    const bytes = Buffer.concat([head, Buffer.from(` ${'word '.repeat(400)}`, 'latin1')]);
    const page = extract(bytes);
    expect(page.warnings).toContain(notAWebPageWarning(kind as never));
    expect(page.isArticle).toBe(false);
  });

  it('a page that merely mentions a PDF is still read', () => {
    const page = extract(
      articlePage().replace('<article>', '<article><p>%PDF-1.7 is the version we used.</p>'),
    );
    expect(page.isArticle).toBe(true);
  });

  it('a front page is not taken for an article, and says why', () => {
    const page = extract(nonArticlePage());
    expect(page.isArticle).toBe(false);
    expect(page.articleReason).toMatch(/front page|too few/);
  });
});

describe('a page without <body>', () => {
  const noBody = 'This page has no <body>, so there is no article text to read.';

  it('Readability alone throws on a document without a root element and finds nothing without a body', () => {
    const dom = domOf(articlePage());
    const doc = dom.window.document;
    doc.body.remove();
    expect(new Readability(doc.cloneNode(true) as Document).parse()).toBeNull();
    doc.documentElement.remove();
    expect(() => new Readability(doc).parse()).toThrow();
    expect(capturePage(doc).page.warnings).toEqual(['The document is empty.']);
  });

  it('a Document whose body was removed keeps its metadata and says there is no body', () => {
    const dom = domOf(articlePage());
    dom.window.document.body.remove();
    const page = extractArticle(dom.window.document);
    expect(page.warnings).toContain(noBody);
    expect(page.title).toBe('Council closes the old bridge for repairs');
    expect(page.isArticle).toBe(false);
  });

  it('an XML document (a feed)', () => {
    const page = extract(XML_FEED, 'application/xml');
    expect(page.warnings).toContain(noBody);
    expect(page.isArticle).toBe(false);
  });

  it('an XHTML document without <body>', () => {
    const xhtml =
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Only a head</title></head></html>';
    const page = extract(xhtml, 'application/xhtml+xml');
    expect(page.warnings).toContain(noBody);
    expect(page.title).toBe('Only a head');
  });

  it('a frameset page (document.body is the <frameset>)', () => {
    const page = extract(
      '<html><head><title>Frames</title></head><frameset><frame src="a.html"></frameset></html>',
    );
    expect(page.isArticle).toBe(false);
  });
});

describe('a DOM nested 20,000 deep (built by a page script)', () => {
  const DEPTH = 20_000;

  it('Readability alone overflows the stack on it', () => {
    // A whole parse() in jsdom spends half a minute on quadratic textContent reads before it fails
    // the same way; this is the step that recurses once per level, in every DOM.
    const dom = deepDocument(DEPTH);
    const readability = new Readability(dom.window.document) as unknown as {
      _cleanStyles(element: Element): void;
    };
    expect(() => readability._cleanStyles(dom.window.document.body)).toThrow(RangeError);
  });

  it('capturePage reads the deep part as text and leaves the page as it was', () => {
    const dom = deepDocument(DEPTH);
    const doc = dom.window.document;
    const capture = capturePage(doc);
    expect(capture.page.warnings).toContain(deepMarkupWarning(400));
    expect(capture.unsafeHtml).toContain('Deepest paragraph.');
    expect(capture.page.title).toBe('Council closes the old bridge for repairs');
    expect(nestingDepth(doc.documentElement)).toBeGreaterThan(DEPTH);
  });

  it('extractArticle finishes with the article, also when told the document is a copy', () => {
    const dom = deepDocument(DEPTH);
    const page = extractArticle(dom.window.document, { documentIsCopy: true });
    expect(page.isArticle).toBe(true);
    expect(page.article.text).toContain('Deepest paragraph.');
    expect(page.warnings).toContain(deepMarkupWarning(400));
  });

  it('a deep tree inside a <template> (which jsdom clones recursively) does not break the copy', () => {
    const dom = domOf(articlePage());
    const doc = dom.window.document;
    const template = doc.createElement('template');
    doc.body.appendChild(template);
    // Built in the template's own (inert) document, so appending adopts nothing.
    const inert = template.content.ownerDocument;
    let chain: Element = inert.createElement('span');
    for (let level = 0; level < DEPTH; level++) {
      const wrapper = inert.createElement('div');
      wrapper.appendChild(chain);
      chain = wrapper;
    }
    template.content.appendChild(chain);
    expect(() => doc.cloneNode(true)).toThrow(RangeError);
    const page = extractArticle(doc);
    expect(page.isArticle).toBe(true);
  });
});

describe('a very large page', () => {
  it('over the element limit: headline, byline and dates only, and the message says so', () => {
    const page = (() => {
      const dom = domOf(hugePage(200_000));
      try {
        return extractArticle(dom.window.document, { limits: { maxElements: 500 } });
      } finally {
        dom.window.close();
      }
    })();
    expect(page.warnings.join(' ')).toMatch(
      /^This page is too large to extract the article from \([\d,]+ elements, the limit is 500\)\. Scrutiny read its headline, byline and dates only\./,
    );
    expect(page.title).toBe('Council closes the old bridge for repairs');
    expect(page.isArticle).toBe(false);
  });
});

describe('encodings', () => {
  it('UTF-16 (with byte-order mark) gives the right title', () => {
    expect(extract(utf16PageBytes()).title).toBe(CYRILLIC_TITLE);
  });

  it('windows-1251 (declared by <meta charset>) gives the right title', () => {
    const page = extract(windows1251PageBytes());
    expect(page.title).toBe(CYRILLIC_TITLE);
    expect(page.lang).toBe('ru');
  });
});

describe('hostile JSON-LD', () => {
  it('malformed blocks are skipped with a warning; the valid one is still read', () => {
    const page = extract(malformedJsonLdPage());
    expect(page.warnings).toContain('Ignored 3 blocks of structured data (JSON-LD) that could not be read.');
    expect(page.byline.authors.map((author) => author.name)).toContain('Jane Doe');
  });

  it('a 5 MB block is read without trouble', () => {
    const page = extract(hugeJsonLdPage());
    expect(page.byline.authors.map((author) => author.name)).toContain('Jane Doe');
    expect(page.isArticle).toBe(true);
  });

  it('a block nested 5,000 deep is valid JSON and read as such (no stack overflow, no false warning)', () => {
    const page = extract(deepJsonLdPage(5_000));
    expect(page.byline.authors.map((author) => author.name)).toContain('Jane Doe');
    expect(page.warnings.join(' ')).not.toMatch(/JSON-LD/);
  });

  it('__proto__, constructor and prototype keys pollute nothing', () => {
    const originalToString = Object.prototype.toString;
    const page = extract(prototypePollutionJsonLdPage());
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype.toString).toBe(originalToString);
    expect({}.toString()).toBe('[object Object]');
    expect(page.title).toBe('Council closes the old bridge for repairs');
    expect(page.byline.authors.map((author) => author.name)).toEqual(['Jane Doe']);
  });
});

describe('markup and javascript: URLs in every metadata field', () => {
  it('Readability alone passes the markup into title and byline', () => {
    const dom = domOf(hostileMetadataPage());
    const parsed = new Readability(dom.window.document).parse();
    expect(`${parsed?.title} ${parsed?.byline}`).toMatch(/</);
  });

  it('title, authors, outlet and description come out as text', () => {
    const page = extract(hostileMetadataPage());
    for (const value of metadataStrings(page)) {
      expect(value).not.toMatch(/[<>]/);
      expect(value).not.toMatch(/alert\(|onerror|onclick|javascript:/i);
    }
    expect(page.title).toBe('Headline');
    expect(page.byline.authors.map((author) => author.name)).toEqual(['Jane Doe']);
    expect(page.byline.outlet?.name).toBe('Riverside Gazette');
    expect(page.article.excerpt).toBe('Evil bold description');
  });

  it('only http(s) links are kept: author url, canonical', () => {
    const page = extract(hostileMetadataPage());
    for (const author of page.byline.authors) expect(author.url ?? 'https://').toMatch(/^https?:\/\//);
    expect(page.url).toBe(PAGE_URL);

    const links = extract(hostileLinksMetadataPage());
    const urls = Object.fromEntries(links.byline.authors.map((author) => [author.name, author.url]));
    expect(urls).toEqual({
      'Jane Doe': undefined,
      'John Roe': undefined,
      'Ann Poe': 'https://example.com/staff/ann-poe',
    });
    expect(links.url).toBe(PAGE_URL);
  });

  it('a javascript: page address given by the caller is not reported', () => {
    const dom = domOf(articlePage());
    const page = extractArticle(dom.window.document, { url: 'javascript:alert(1)' });
    expect(page.url).toBe('');
  });
});

describe('hostile article HTML', () => {
  it('Readability alone keeps on* attributes and disguised javascript: links', () => {
    const dom = domOf(hostileArticlePage());
    const content = new Readability(dom.window.document).parse()?.content ?? '';
    expect(content).toMatch(/\son[a-z]+=/i);
    expect(content).toMatch(/href="(?:java|&#)/i);
  });

  it('none of it survives extractArticle', () => {
    const page = extract(hostileArticlePage());
    expect(page.isArticle).toBe(true);
    expect(page.article.html).toContain('href="https://example.com/ok"');
    expect(page.article.html).not.toMatch(/\son[a-z]+=/i);
    expect(page.article.html).not.toMatch(/javascript:|vbscript:|data:|&#|url\(/i);
    expect(page.article.html).not.toMatch(/<(?:script|iframe|style|svg|math|object|embed|form|base|meta)\b/i);
  });
});

/**
 * DOM clobbering: in a browser, `<input name="getAttribute">` in a form makes form.getAttribute that
 * input, and `<img name="getElementsByTagName">` does the same to the document. jsdom implements
 * neither, so these tests clobber the same way by hand: an own property of the form or document that
 * hands out the named element while there is one, as the browser's named-property getter does.
 */
function clobber(target: Element | Document, name: string, named: () => Element | null): void {
  let descriptor: PropertyDescriptor | undefined;
  for (let proto = Object.getPrototypeOf(target); proto && !descriptor; proto = Object.getPrototypeOf(proto))
    descriptor = Object.getOwnPropertyDescriptor(proto, name);
  const builtIn = () => (descriptor?.get ? descriptor.get.call(target) : descriptor?.value);
  Object.defineProperty(target, name, { configurable: true, get: () => named() ?? builtIn() });
}

/** The article page with a comment form whose controls are named after DOM methods. */
function clobberingPage(): JSDOM {
  const dom = domOf(
    articlePage().replace(
      '</article>',
      '<form id="comment"><input name="getAttribute"><input name="parentNode"></form></article>',
    ),
  );
  const doc = dom.window.document;
  const form = doc.getElementById('comment')!;
  for (const name of ['getAttribute', 'parentNode'])
    clobber(form, name, () => form.querySelector(`[name="${name}"]`));
  return dom;
}

const INTERNALS = /is not a function|TypeError|undefined|null|\ba\.\w+/;

describe('a page that clobbers the DOM (finding 6)', () => {
  it('Readability alone throws an internal on it', () => {
    const dom = clobberingPage();
    expect(
      typeof (dom.window.document.getElementById('comment') as unknown as Record<string, unknown>)
        .getAttribute,
    ).toBe('object');
    expect(() => new Readability(dom.window.document).parse()).toThrow(/is not a function/);
  });

  it('the article is still read: the clobbering names are moved out of the way in the copy', () => {
    const dom = clobberingPage();
    const page = extractArticle(dom.window.document, { documentIsCopy: true });
    expect(page.isArticle).toBe(true);
    expect(page.article.text).toContain('bridge');
    for (const warning of page.warnings) expect(warning).not.toMatch(INTERNALS);
  });

  it('a clobbered document (document.getElementsByTagName, document.body) is still read', () => {
    const dom = domOf(
      articlePage().replace('</article>', '<img name="getElementsByTagName"><img name="body"></article>'),
    );
    const doc = dom.window.document;
    for (const name of ['getElementsByTagName', 'body'])
      clobber(doc, name, () => doc.querySelector(`img[name="${name}"]`));
    expect(() => doc.getElementsByTagName('*')).toThrow(TypeError);
    const page = extractArticle(doc);
    expect(page.isArticle).toBe(true);
    for (const warning of page.warnings) expect(warning).not.toMatch(INTERNALS);
  });

  it('a failure that cannot be avoided reaches the reader as a plain sentence, never as the internal', () => {
    const parse = vi.spyOn(Readability.prototype, 'parse').mockImplementation(() => {
      throw new TypeError('a.getAttribute is not a function');
    });
    try {
      const page = extract(articlePage());
      expect(page.warnings).toContain(EXTRACTION_FAILURES.article);
      for (const warning of page.warnings) expect(warning).not.toMatch(INTERNALS);
      expect(page.isArticle).toBe(false);
    } finally {
      parse.mockRestore();
    }
  });

  it('a form clobbering nextElementSibling does not send the depth walk round in circles', () => {
    const dom = clobberingPage();
    const doc = dom.window.document;
    const form = doc.getElementById('comment')!;
    form.insertAdjacentHTML('beforeend', '<input name="nextElementSibling"><input name="firstElementChild">');
    for (const name of ['nextElementSibling', 'firstElementChild'])
      clobber(form, name, () => form.querySelector(`[name="${name}"]`));
    expect(nestingDepth(doc.documentElement)).toBeGreaterThan(2);
    expect(extractArticle(doc).isArticle).toBe(true);
  });
});
