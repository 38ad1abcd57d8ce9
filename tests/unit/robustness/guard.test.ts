/** The depth guard: measuring and copying trees too deep for recursion. */
import { describe, expect, it } from 'vitest';
import { looksLikeBinaryData, nestingDepth } from '../../../lib/extract/guard';
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
