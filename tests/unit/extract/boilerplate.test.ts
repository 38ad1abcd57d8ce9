import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from '../../../lib/extract/boilerplate';

const PROSE =
  'The council delayed its vote on Tuesday after three hours of public comment, most of it against the fee. ';

function cleaned(body: string): Document {
  const doc = new JSDOM(`<html><body>${body}</body></html>`).window.document;
  removeBoilerplate(doc);
  return doc;
}

describe('removeBoilerplate', () => {
  it('removes share bars, related boxes, author bios, correction notes, ads and captions', () => {
    const doc = cleaned(`
      <article><h1>Headline</h1>
        <div class="share-buttons"><a href="#">Facebook</a><a href="#">Twitter</a></div>
        <div class="entry-content">
          <p>${PROSE}</p>
          <div class="related-inline"><span>Related:</span> <a href="/x">Another story</a></div>
          <figure><img src="a.jpg"><figcaption>The pier at dawn.</figcaption></figure>
          <p>${PROSE}</p>
          <div class="truth-accuracy"><p>We are committed to truth and accuracy. Submit a Correction</p></div>
        </div>
        <section class="author-box"><p>Jane Doe is a reporter who joined in 2015. ${PROSE}${PROSE}${PROSE}${PROSE}${PROSE}</p></section>
        <div class="ad-slot">Advertisement</div>
        <p>Read more: Council to meet again</p>
      </article>`);
    const text = doc.body.textContent ?? '';
    for (const gone of [
      'Facebook',
      'Another story',
      'The pier at dawn',
      'Submit a Correction',
      'joined in 2015',
      'Advertisement',
      'Read more',
    ])
      expect(text).not.toContain(gone);
    expect(text.split('The council delayed').length - 1).toBe(2);
  });

  it('keeps a named block that holds the article prose ("entry-content-read-more", "paywall")', () => {
    const doc = cleaned(`
      <article><h1>Headline</h1>
        <div class="entry-content entry-content-read-more"><p>${PROSE}${PROSE}${PROSE}</p><p>${PROSE}${PROSE}${PROSE}</p></div>
      </article>`);
    expect(doc.querySelector('.entry-content')).not.toBeNull();
  });

  it('never removes a block that holds the headline or the article element', () => {
    const doc = cleaned(`<div class="share-wrapper"><article><h1>Headline</h1><p>Short.</p></article></div>`);
    expect(doc.querySelector('h1')?.textContent).toBe('Headline');
  });
});
