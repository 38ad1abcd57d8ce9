import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readStructure } from '../../../lib/analyze/structure';
import { sanitizeArticleHtml } from '../../../lib/extract/sanitize';
import { collapseWhitespace } from '../../../lib/extract/text';

const { window } = new JSDOM('');

/** The article HTML as the analysis gets it: DOMPurify's output, serialized by the DOM. */
const articleHtml = (html: string) => sanitizeArticleHtml(html, window as unknown as Window).innerHTML;

/** What a DOM reading of the same HTML finds, for comparison. */
function readFromDom(html: string) {
  const doc = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const furniture = new Set(
    [...doc.querySelectorAll('figcaption, caption, aside, blockquote blockquote')]
      .map((element) => collapseWhitespace(element.textContent ?? ''))
      .filter(Boolean),
  );
  const seen = new Set<string>();
  const links = [...doc.querySelectorAll('a[href]')].flatMap((anchor) => {
    const url = anchor.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(url) || seen.has(url)) return [];
    seen.add(url);
    return [{ url, text: collapseWhitespace(anchor.textContent ?? '') }];
  });
  return { furniture, links };
}

describe('readStructure', () => {
  it('lists each http(s) address once, with the text of its first link', () => {
    const html = articleHtml(
      '<p>Read <a href="https://example.org/report?a=1&amp;b=2">the <b>full</b>\n report</a>, ' +
        'the <a href="https://example.org/report?a=1&amp;b=2">same report</a> again, ' +
        '<a href="mailto:desk@example.org">write to us</a>, <a>no address</a> and ' +
        '<a href="http://example.com/x" title="a > b &quot;c&quot;">Ben &amp; Jerry&nbsp;&lt;3&gt;</a>.</p>',
    );
    expect(readStructure(html).links).toEqual([
      { url: 'https://example.org/report?a=1&b=2', text: 'the full report' },
      { url: 'http://example.com/x', text: 'Ben & Jerry <3>' },
    ]);
  });

  it('collects captions, asides and quotes within quotes as furniture', () => {
    const html = articleHtml(
      '<figure><img src="https://example.org/a.jpg" alt="A pier"><figcaption>The pier, <a href="https://example.org/photo">photographed</a> in May.</figcaption></figure>' +
        '<table><caption>Budget  by year</caption><tbody><tr><td>2026</td></tr></tbody></table>' +
        '<aside><p>Related: the harbor vote</p></aside>' +
        '<blockquote><p>Outer words</p><blockquote>Inner words</blockquote></blockquote>' +
        '<blockquote>A quote on its own</blockquote>',
    );
    const structure = readStructure(html);
    expect([...structure.furniture]).toEqual([
      'The pier, photographed in May.',
      'Budget by year',
      'Related: the harbor vote',
      'Inner words',
    ]);
    expect(structure.links).toEqual([{ url: 'https://example.org/photo', text: 'photographed' }]);
  });

  it('reads what a DOM reading of the same HTML reads', () => {
    const html = articleHtml(
      '<div><p>“We will rebuild,” <a href="https://news.example/ruiz">Mayor <i>Ana</i> Ruiz</a> said.</p>' +
        '<blockquote class="twitter-tweet"><p>Vote today <a href="https://t.co/x">pic.twitter.com/x</a></p>' +
        '— Harbor City (@harbor) <a href="https://twitter.com/harbor/status/1">May 2, 2026</a></blockquote>' +
        '<ul><li><a href="https://example.org/a">A</a></li><li><a href="HTTPS://EXAMPLE.ORG/B">B</a></li></ul>' +
        '<figure><figcaption>Photo: <a href="https://example.org/a">A again</a></figcaption></figure>' +
        '<aside><blockquote><blockquote>Deep</blockquote></blockquote></aside></div>',
    );
    const expected = readFromDom(html);
    const structure = readStructure(html);
    expect(structure.links).toEqual(expected.links);
    expect([...structure.furniture].sort()).toEqual([...expected.furniture].sort());
  });

  it('reads nothing from no HTML', () => {
    expect(readStructure('')).toEqual({ furniture: new Set(), links: [] });
  });
});
