/** The depth guard: measuring and copying trees too deep for recursion. */
import { describe, expect, it } from 'vitest';
import {
  cloneForReading,
  copyWithDepthLimit,
  looksLikeBinaryData,
  nestingDepth,
} from '../../../lib/extract/guard';
import { articlePage, pdfBytes, randomBytes, utf16PageBytes } from '../../fixtures/hostile/pages';
import { deepDocument, domOf } from './documents';

describe('nestingDepth', () => {
  it('measures a 20,000-deep chain without recursing', () => {
    const dom = deepDocument(20_000);
    // html > body > main > article > 20,000 divs > p
    expect(nestingDepth(dom.window.document.documentElement)).toBe(20_004);
  });

  it('is 0 for an element without children', () => {
    const doc = domOf('').window.document;
    expect(nestingDepth(doc.createElement('p'))).toBe(0);
  });
});

describe('cloneForReading', () => {
  it('copies the body whole and keeps only metadata of the head, leaving the original alone', () => {
    const html = `<!doctype html><html lang="de"><head>
<title>Title</title><meta name="author" content="Jane Doe"><link rel="canonical" href="https://example.com/a">
<style>p{color:red}</style><script>window.x = 1</script>
<script type="application/ld+json">{"@type":"NewsArticle"}</script>
</head><body><style>.b{}</style><p>Hello <b>there</b></p><script>var y</script></body></html>`;
    const doc = domOf(html).window.document;
    const before = doc.documentElement.outerHTML;
    const copy = cloneForReading(doc);
    expect(copy).not.toBe(doc);
    expect(copy.URL).toBe(doc.URL);
    expect(copy.doctype?.name).toBe('html');
    expect(copy.documentElement.getAttribute('lang')).toBe('de');
    expect(copy.title).toBe('Title');
    expect(Array.from(copy.head.children, (element) => element.tagName)).toEqual([
      'TITLE',
      'META',
      'LINK',
      'SCRIPT',
    ]);
    expect(copy.head.querySelector('script')!.getAttribute('type')).toBe('application/ld+json');
    expect(copy.body.innerHTML).toBe(doc.body.innerHTML);
    copy.body.remove();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('copyWithDepthLimit', () => {
  it('copies a 20,000-deep document with the deep part as text, leaving the original alone', () => {
    const dom = deepDocument(20_000);
    const doc = dom.window.document;
    const { copy, flattened } = copyWithDepthLimit(doc, 400);
    expect(flattened).toBe(1);
    expect(nestingDepth(copy.documentElement)).toBe(400);
    expect(copy.body.textContent).toContain('Deepest paragraph.');
    expect(copy.title).toBe(doc.title);
    expect(copy.URL).toBe(doc.URL);
    expect(nestingDepth(doc.documentElement)).toBe(20_004);
  });

  it('copies a shallow document exactly, minus styles and frames', () => {
    const doc = domOf(
      articlePage({
        head: '<style>p{color:red}</style>',
        body: '<p>Hello <b>there</b></p><iframe></iframe>',
      }),
    ).window.document;
    const { copy, flattened } = copyWithDepthLimit(doc, 400);
    expect(flattened).toBe(0);
    expect(copy.querySelector('style, iframe')).toBeNull();
    expect(copy.querySelector('article')?.innerHTML).toBe(
      doc.querySelector('article')?.innerHTML.replace('<iframe></iframe>', ''),
    );
  });
});

describe('looksLikeBinaryData', () => {
  it.each([
    // The input goes last: the name shows only the case and the answer, never the raw bytes.
    ['random bytes', true, randomBytes()],
    ['a PDF', true, pdfBytes()],
    ['an article', false, Buffer.from(articlePage())],
    ['a UTF-16 article', false, utf16PageBytes()],
  ])('%s → binary: %s', (_name, expected, bytes) => {
    expect(looksLikeBinaryData(domOf(bytes).window.document.body)).toBe(expected);
  });

  it('French text read with the wrong encoding (every accented letter a U+FFFD) is still writing', () => {
    const french = "L'été dernier, le conseil a décidé de fermer le pont à cause de la corrosion. ".repeat(
      40,
    );
    const misread = Buffer.from(articlePage({ body: `<p>${french}</p>` }), 'latin1').toString('utf8');
    expect(misread).toContain('\uFFFD');
    expect(looksLikeBinaryData(domOf(misread).window.document.body)).toBe(false);
  });
});
