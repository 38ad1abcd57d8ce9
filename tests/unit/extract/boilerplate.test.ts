import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeBoilerplate, removeTeaserRuns } from '../../../lib/extract/boilerplate';
import { extractArticle } from '../../../lib/extract';

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

  it("removes whole lines of a page's controls, not prose that opens with the same words", () => {
    const doc = cleaned(`<div class="story">
      <p>${PROSE}</p>
      <div>Image 1 of / 8</div><span>Caption</span><span>Close</span><div>Advert</div>
      <p>This slideshow requires JavaScript.</p><div>Print Article</div><div>Image 2 of 5</div>
      <p>Close to 500 people came to the hearing.</p>
      <p>Caption contests were held after the vote.</p>
    </div>`);
    const text = doc.body.textContent ?? '';
    for (const gone of ['Image 1 of', 'Image 2 of', 'Advert', 'slideshow', 'Print Article'])
      expect(text).not.toContain(gone);
    expect(text).not.toMatch(/Caption\s*Close/);
    expect(text).toContain('Close to 500 people came to the hearing.');
    expect(text).toContain('Caption contests were held after the vote.');
  });

  it('removes navigation menus, but not a navigation element wrapped around the article prose', () => {
    const doc = cleaned(`
      <nav class="site"><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ul></nav>
      <div role="navigation"><a href="/sports">Sports</a></div>
      <ul role="menu"><li><a href="/about">Contact Chron</a></li></ul>
      <div class="story"><p>${PROSE}</p></div>
      <nav class="broken"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></nav>`);
    const text = doc.body.textContent ?? '';
    for (const gone of ['Home', 'Local', 'Sports', 'Contact Chron']) expect(text).not.toContain(gone);
    expect(text.split('The council delayed').length - 1).toBe(6);
  });

  it('removes a teaser lead from the article with the links after it, up to the first prose', () => {
    const article = new JSDOM(`<html><body><div id="a">
      <p>${PROSE}</p>
      <p>You may also like...</p>
      <p><a href="/rock-hall-2020">Who will make the Rock Hall in 2020?</a></p>
      <div class="slot"></div>
      <p><a href="/fan-vote">Dave Matthews Band takes over Rock Hall Fan Vote</a></p>
      <p>The band will <a href="/tour">tour</a> next year. ${PROSE}</p>
      <h3>Trending</h3>
      <ul><li><a href="/a">Iowa man finds animal blood in basement</a></li><li>• <a href="/b">Airline went into records</a></li></ul>
      <h3>More Great WIRED Stories</h3>
      <ul><li><a href="/c">The future of banking</a></li></ul>
      <p>More stories like this one are expected as the council meets again.</p>
      <p>Related</p>
      <p>Related stories about the fee appear below, the clerk said.</p>
    </div></body></html>`).window.document.getElementById('a')!;
    removeTeaserRuns(article);
    const text = article.textContent ?? '';
    for (const gone of [
      'You may also like',
      'Rock Hall',
      'Trending',
      'Iowa man',
      'Airline',
      'WIRED',
      'future of banking',
    ])
      expect(text).not.toContain(gone);
    // Prose stays, links in it and all; a sentence that opens like a lead is no lead.
    expect(text).toContain('The band will tour next year.');
    expect(text).toContain('More stories like this one are expected');
    expect(text).toContain('Related stories about the fee appear below');
    expect(text).not.toMatch(/Related\s*Related/);
  });

  it("removes a paragraph that is one shouted link to another of the site's stories, not one elsewhere", () => {
    const article = new JSDOM(
      `<html><body><div id="a">
        <p>${PROSE}</p>
        <p><a href="https://www.foxnews.example/entertainment/spicer-eliminated">SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'</a></p>
        <p><a href="https://www.kshsaa.example/results">CLICK FOR FULL STATE SWIM RESULTS</a></p>
        <p><a href="/entertainment/van-der-beek">James Van Der Beek has been eliminated</a></p>
      </div></body></html>`,
      { url: 'https://foxnews.example/entertainment/dwts' },
    ).window.document.getElementById('a')!;
    removeTeaserRuns(article);
    const text = article.textContent ?? '';
    expect(text).not.toContain('SPICER');
    expect(text).toContain('CLICK FOR FULL STATE SWIM RESULTS');
    expect(text).toContain('James Van Der Beek has been eliminated');
  });

  it('leaves the teaser lead to the article pass, so the related links after it go too', () => {
    const url = 'https://news.example/2019/11/band-tour.html';
    const dom = new JSDOM(
      `<html><head><title>Band to tour</title></head><body><article><h1>Band to tour</h1>
        <p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p>
        <p>You may also like...</p>
        <p><a href="/2019/10/rock-hall.html">Who will make the Rock Hall in 2020?</a></p>
        <p><a href="/2019/11/fan-vote.html">Dave Matthews Band takes over Rock Hall Fan Vote</a></p>
      </article></body></html>`,
      { url },
    );
    const page = extractArticle(dom.window.document, {
      url,
      window: dom.window as unknown as Window,
      documentIsCopy: true,
    });
    expect(page.article.text).toContain('The council delayed');
    expect(page.article.text).not.toContain('You may also like');
    expect(page.article.text).not.toContain('Rock Hall');
  });
});
