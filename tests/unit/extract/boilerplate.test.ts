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
  it('removes teaser cards: short <article>s whose headings link to other pages', () => {
    const card = (slug: string) =>
      `<article class="fp-story"><h2><a href="https://other.example/${slug}?utm_source=x">Story ${slug}</a></h2><p>One line about it.</p></article>`;
    const page = (main: string) =>
      new JSDOM(`<html><body>${card('reindeer')}${main}${card('koala')}${card('trains')}</body></html>`, {
        url: 'https://digg.example/2019/stadia-reviews',
      }).window.document;
    const doc = page(`<article><h2><a href="">Stadia reviews</a></h2><p>${PROSE}</p></article>`);
    removeBoilerplate(doc);
    expect(doc.querySelectorAll('article')).toHaveLength(1);
    expect(doc.body.textContent).toContain('Stadia reviews');
    // The story itself stays, even when its heading links to its own address or somewhere else.
    const own = page(
      `<article><h2><a href="https://digg.example/2019/stadia-reviews?ref=x">Stadia reviews</a></h2><p>${PROSE}</p></article>`,
    );
    removeBoilerplate(own);
    expect(own.body.textContent).toContain('Stadia reviews');
    const long = page(
      `<article><h2><a href="https://other.example/original">Stadia reviews</a></h2><p>${PROSE.repeat(5)}</p></article>`,
    );
    removeBoilerplate(long);
    expect(long.body.textContent).toContain('Stadia reviews');
    // One <article> on a page is never a card, whatever its heading links to.
    const alone = new JSDOM(`<html><body>${card('reindeer')}</body></html>`, { url: 'https://digg.example/' })
      .window.document;
    removeBoilerplate(alone);
    expect(alone.querySelectorAll('article')).toHaveLength(1);
  });

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
