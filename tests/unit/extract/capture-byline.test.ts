/** The byline is resolved from the capture alone, so the panel and Copy with citation read it alike. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract';
import { capturePage } from '../../../lib/extract/capture';
import { bylineOfCapture, resolveByline } from '../../../lib/extract/resolve';
import { BYLINE_CLOSING_CHARS, BYLINE_OPENING_CHARS, bylineTextOf } from '../../../lib/extract/text';

const PARAGRAPH = 'The harbor authority began dredging the channel on Monday after two years of delays. ';

describe('the text the byline reads', () => {
  it('is the whole text when short, else its opening and its end', () => {
    expect(bylineTextOf('Short text.')).toBe('Short text.');
    const long = `${'a'.repeat(BYLINE_OPENING_CHARS)}${'b'.repeat(5000)}${'c'.repeat(BYLINE_CLOSING_CHARS)}`;
    expect(bylineTextOf(long)).toBe(
      `${'a'.repeat(BYLINE_OPENING_CHARS)}\n${'c'.repeat(BYLINE_CLOSING_CHARS)}`,
    );
  });

  it('gives the same date and contributors as the whole text', () => {
    const text = `Harbor, March 3, 2026. ${PARAGRAPH.repeat(80)}\nTom Lee and Kim Park contributed to this report.`;
    const whole = resolveByline(undefined, { articleText: text });
    const ends = resolveByline(undefined, { articleText: bylineTextOf(text) });
    expect(whole.published).toBe('2026-03-03');
    expect(whole.contributors).toEqual(['Tom Lee', 'Kim Park']);
    expect(ends).toEqual(whole);
  });

  it('is taken from the article in the page, and the capture’s byline is the panel’s', () => {
    const document = new JSDOM(`<!doctype html><title>Harbor dredging starts</title><body><article>
      <h1>Harbor dredging starts</h1><p class="byline">By Ana Ruiz</p>
      ${`<p>${PARAGRAPH.repeat(6)}</p>`.repeat(12)}
      <p>Tom Lee contributed to this report.</p></article></body>`).window.document;
    const url = 'https://harbor.example/dredging';
    const capture = capturePage(document, { url });
    expect(capture.bylineText.length).toBe(BYLINE_OPENING_CHARS + 1 + BYLINE_CLOSING_CHARS);
    const byline = bylineOfCapture(capture);
    expect(byline.contributors).toEqual(['Tom Lee']);
    // The panel adds a genre of its own to an article that states none.
    const { authors, outlet, published, modified, contributors } = byline;
    expect(extractArticle(document, { url }).byline).toMatchObject({
      authors,
      outlet,
      published,
      modified,
      contributors,
    });
  });
});
