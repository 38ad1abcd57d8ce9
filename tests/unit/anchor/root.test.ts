/** lib/anchor findArticleRoot / anchorRootFor: which element highlights are counted from. */
import { describe as suite, expect, it } from 'vitest';
import { anchorRootFor, findArticleRoot } from '../../../lib/anchor/highlights';
import { page, select, STORY } from './helpers';

const story = Object.values(STORY).join(' ');
const teaser = 'A short teaser about another story, with a headline and one line.';

suite('findArticleRoot', () => {
  it('takes the one article', () => {
    const document = page(`<nav>Home Local</nav><article id="a"><p>${story}</p></article><footer>©</footer>`);
    expect(findArticleRoot(document).id).toBe('a');
  });

  it('takes the article with clearly the most text among teaser cards', () => {
    const document = page(`
      <article><p>${teaser}</p></article>
      <article id="main"><p>${story}</p><article><p>A comment nested in it.</p></article></article>
      <article><p>${teaser}</p></article>`);
    expect(findArticleRoot(document).id).toBe('main');
  });

  it('falls back when no article stands out: articleBody, then main, then the body', () => {
    const twoStories = `<article><p>${story}</p></article><article><p>${story}</p></article>`;
    const withBody = page(`${twoStories}<div itemprop="articleBody" id="body-text"><p>${story}</p></div>`);
    expect(findArticleRoot(withBody).id).toBe('body-text');
    const withMain = page(`<div role="main" id="main">${twoStories}</div>`);
    expect(findArticleRoot(withMain).id).toBe('main');
    const bare = page(twoStories);
    expect(findArticleRoot(bare)).toBe(bare.body);
  });

  it('ignores short or hidden candidates, and script text in the lengths', () => {
    const short = page(`<article id="a"><p>${teaser}</p></article><p>${story}</p>`);
    expect(findArticleRoot(short)).toBe(short.body);
    const hidden = page(
      `<article hidden><p>${story} ${story}</p></article><article id="shown"><p>${story}</p></article>`,
    );
    expect(findArticleRoot(hidden).id).toBe('shown');
    const scripted = page(
      `<article id="real"><p>${story}</p></article><article><script>${'var x = "padding";'.repeat(200)}</script><p>${teaser}</p></article>`,
    );
    expect(findArticleRoot(scripted).id).toBe('real');
  });

  it('gives the same root for the same page every time', () => {
    const html = `<main id="m"><article id="a"><p>${story}</p></article><aside>${teaser}</aside></main>`;
    expect(findArticleRoot(page(html)).id).toBe('a');
    expect(findArticleRoot(page(html)).id).toBe('a');
  });
});

suite('anchorRootFor', () => {
  it('uses the article for a selection inside it and the body for one outside', () => {
    const document = page(`<article id="a"><p>${story}</p></article><aside><p>${teaser}</p></aside>`);
    expect(anchorRootFor(document, select(document, STORY.mayor)).id).toBe('a');
    expect(anchorRootFor(document, select(document, 'A short teaser'))).toBe(document.body);
    // A selection running out of the article is outside it.
    const across = document.createRange();
    across.setStart(select(document, STORY.next).startContainer, 0);
    across.setEnd(select(document, 'A short teaser').endContainer, 5);
    expect(anchorRootFor(document, across)).toBe(document.body);
  });
});
