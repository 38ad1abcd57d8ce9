import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract';

const PROSE =
  'A powerful alliance of chefs and charities today urges the government to block sub-standard foods from flooding into the country under new trade deals, saying farmers would be put out of business. ';

function extracted(body: string) {
  const url = 'https://news.example/2020/09/food-standards.html';
  const dom = new JSDOM(
    `<html><head><title>Chefs join war on toxic food</title></head><body>${body}</body></html>`,
    {
      url,
    },
  );
  return extractArticle(dom.window.document, {
    url,
    window: dom.window as unknown as Window,
    documentIsCopy: true,
  });
}

/** A long table of contacts: one cell a row long enough for Readability to score it as a paragraph. */
const CONTACTS = `<table><caption>Members and their addresses</caption><tbody>${Array.from(
  { length: 300 },
  (_, i) => `<tr><td>Seat ${i}</td><td>Member ${i}</td><td>member.number${i}.mp@parliament.example</td></tr>`,
).join('')}</tbody></table>`;

describe('the article body', () => {
  it("keeps the story's paragraphs when Readability settles on a long table inside the marked body", () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i}. ${PROSE}</p>`).join('');
    const page = extracted(
      `<div class="page"><h1>Chefs join war on toxic food</h1><div itemprop="articleBody">${paragraphs}<div class="news">${CONTACTS}</div></div></div>`,
    );
    for (let i = 0; i < 6; i++) expect(page.article.text).toContain(`Paragraph ${i}.`);
    // Without the mark, Readability's own choice stands (the table alone, on this page).
    const unmarked = extracted(
      `<div class="page"><h1>Chefs join war on toxic food</h1><div>${paragraphs}<div class="news">${CONTACTS}</div></div></div>`,
    );
    expect(unmarked.article.text).not.toContain('Paragraph 0.');
  });

  it("keeps Readability's choice when it holds the story and the marked body holds more (a gallery)", () => {
    const story = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i}. ${PROSE}</p>`).join('');
    const gallery = Array.from(
      { length: 80 },
      (_, i) =>
        `<li class="slide"><img src="/g${i}.jpg" alt=""><span>Getty</span><p>Other story ${i}: shares in the retailer fell, and its chief executive, who joined last year, said sales were weak.</p></li>`,
    ).join('');
    const page = extracted(
      `<div class="page"><h1>Chefs join war on toxic food</h1><div itemprop="articleBody"><div class="story">${story}</div><ul class="gallery sidebar">${gallery}</ul></div></div>`,
    );
    expect(page.article.text).toContain('Paragraph 7.');
    expect(page.article.text).not.toContain('Other story');
  });
});
