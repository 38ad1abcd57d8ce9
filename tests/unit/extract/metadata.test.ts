import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../../lib/extract/metadata';
import { resolveByline } from '../../../lib/extract/resolve';
import type { Byline } from '../../../lib/extract/types';

const URL = 'https://news.example.com/politics/bridge-vote';

/** The byline of a page: the content script's clues (readMetadata) parsed by resolveByline. */
function bylineOf(head: string, body = '', url = URL, articleText = ''): Byline {
  const doc = new JSDOM(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`, {
    url,
  }).window.document;
  return resolveByline(readMetadata(doc, url).byline.evidence, { articleText });
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const names = (byline: Byline) => byline.authors.map((author) => author.name);

describe('JSON-LD', () => {
  it('NewsArticle: Person author with profile link, publisher, both dates', () => {
    const byline = bylineOf(
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Bridge vote delayed',
        author: { '@type': 'Person', name: 'Jane Doe', url: 'https://news.example.com/staff/jane-doe' },
        publisher: { '@type': 'NewsMediaOrganization', name: 'Example News' },
        datePublished: '2026-03-03T16:12:00-05:00',
        dateModified: '2026-03-04T09:30:00-05:00',
      }),
    );
    expect(byline.authors).toEqual([
      { name: 'Jane Doe', source: 'jsonld', url: 'https://news.example.com/staff/jane-doe' },
    ]);
    expect(byline.outlet).toEqual({ name: 'Example News', source: 'jsonld' });
    expect(byline.published).toBe('2026-03-03T16:12:00-05:00');
    expect(byline.publishedSource).toBe('jsonld');
    expect(byline.modified).toBe('2026-03-04T09:30:00-05:00');
    expect(byline.modifiedSource).toBe('jsonld');
  });

  it('Article: an array of author strings', () => {
    const byline = bylineOf(
      jsonLd({
        '@type': 'Article',
        headline: 'H',
        author: ['Jane Doe', 'John Roe'],
        datePublished: '2026-03-03',
      }),
    );
    expect(names(byline)).toEqual(['Jane Doe', 'John Roe']);
    expect(byline.published).toBe('2026-03-03');
  });

  it('ReportageNewsArticle in an @graph, with @id references to the author and the publisher', () => {
    const byline = bylineOf(
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Person', '@id': 'https://news.example.com/#jane', name: 'Jane Doe' },
          { '@type': 'Organization', '@id': 'https://news.example.com/#org', name: 'Example News' },
          {
            '@type': ['ReportageNewsArticle'],
            headline: 'H',
            author: [{ '@id': 'https://news.example.com/#jane' }],
            publisher: { '@id': 'https://news.example.com/#org' },
            datePublished: '2026-03-03T10:00:00Z',
          },
        ],
      }),
    );
    expect(byline.authors).toEqual([{ name: 'Jane Doe', source: 'jsonld' }]);
    expect(byline.outlet).toEqual({ name: 'Example News', source: 'jsonld' });
  });

  it('an organisation as author is no person; a wire service there is the wire credit', () => {
    const byline = bylineOf(
      jsonLd({
        '@type': 'NewsArticle',
        headline: 'H',
        author: { '@type': 'Organization', name: 'Associated Press' },
        publisher: { '@type': 'Organization', name: 'Example News' },
      }),
    );
    expect(byline.authors).toEqual([]);
    expect(byline.wire).toBe('Associated Press');
    expect(byline.outlet?.name).toBe('Example News');
  });

  it('a WebPage node dates the page when there is no article node', () => {
    const byline = bylineOf(
      jsonLd({ '@graph': [{ '@type': 'WebPage', datePublished: '2018-02-28T15:07:03+00:00' }] }),
    );
    expect(byline.published).toBe('2018-02-28T15:07:03+00:00');
    expect(byline.publishedSource).toBe('jsonld');
  });
});

describe('meta tags', () => {
  it('OpenGraph and article:*: profile URLs are not names, meta author is', () => {
    const byline = bylineOf(`
      <meta property="og:site_name" content="Example News">
      <meta property="article:author" content="https://www.facebook.com/janedoe">
      <meta name="author" content="Jane Doe">
      <meta property="article:published_time" content="2026-03-03T16:12:00-05:00">
      <meta property="article:modified_time" content="2026-03-04T09:30:00-05:00">`);
    expect(byline.authors).toEqual([{ name: 'Jane Doe', source: 'meta' }]);
    expect(byline.outlet).toEqual({ name: 'Example News', source: 'meta' });
    expect([byline.published, byline.publishedSource]).toEqual(['2026-03-03T16:12:00-05:00', 'meta']);
    expect([byline.modified, byline.modifiedSource]).toEqual(['2026-03-04T09:30:00-05:00', 'meta']);
  });

  it('Dublin Core', () => {
    const byline = bylineOf(`
      <meta name="DC.creator" content="Jane Doe">
      <meta name="DC.publisher" content="Example Press">
      <meta name="DC.date.issued" content="2026-03-03">`);
    expect(byline.authors).toEqual([{ name: 'Jane Doe', source: 'meta' }]);
    expect(byline.outlet?.name).toBe('Example Press');
    expect(byline.published).toBe('2026-03-03');
  });

  it('citation_*: one author per tag, "Last, First" turned round', () => {
    const byline = bylineOf(`
      <meta name="citation_author" content="Doe, Jane">
      <meta name="citation_author" content="Roe, John">
      <meta name="citation_journal_title" content="Journal of Examples">
      <meta name="citation_publication_date" content="2026/03/03">`);
    expect(names(byline)).toEqual(['Jane Doe', 'John Roe']);
    expect(byline.outlet?.name).toBe('Journal of Examples');
    expect(byline.published).toBe('2026-03-03');
  });

  it('an update stamp equal to the publication is no update', () => {
    const byline = bylineOf(`
      <meta property="article:published_time" content="2026-03-03T16:12:00Z">
      <meta property="article:modified_time" content="2026-03-03T16:12:00Z">`);
    expect(byline.modified).toBeNull();
    expect(byline.modifiedSource).toBeNull();
  });
});

describe('the visible page', () => {
  const page = (byline: string, extra = '') => `
    <article>
      <h1>Bridge vote delayed after packed hearing</h1>
      ${byline}
      <p>The council delayed its vote on Tuesday after three hours of public comment on the bridge.</p>
      ${extra}
    </article>`;

  it('rel="author" link: name and absolute profile address, from the byline', () => {
    const byline = bylineOf(
      '<title>Bridge vote delayed after packed hearing</title>',
      page('<p class="meta">By <a rel="author" href="/staff/jane-doe">Jane Doe</a></p>'),
    );
    expect(byline.authors).toEqual([
      { name: 'Jane Doe', source: 'byline', url: 'https://news.example.com/staff/jane-doe' },
    ]);
  });

  it('<time datetime> under the headline dates the page; its source is the text', () => {
    const byline = bylineOf(
      '<title>Bridge vote delayed after packed hearing</title>',
      page('<p class="byline">By Jane Doe</p><time datetime="2026-03-03T16:12:00-05:00">March 3</time>'),
    );
    expect([byline.published, byline.publishedSource]).toEqual(['2026-03-03T16:12:00-05:00', 'text']);
  });

  it('a printed byline line: people, wire, date and update, each from the byline or the text', () => {
    const byline = bylineOf(
      '<title>Bridge vote delayed after packed hearing</title>',
      page(
        '<p class="story-byline">By MARTA ELLINGSEN and DEVON PRICE, Associated Press</p><p class="story-dates">Published March 3, 2026, 4:12 PM ET · Updated March 4, 2026, 9:30 AM ET</p>',
      ),
    );
    expect(byline.authors).toEqual([
      { name: 'Marta Ellingsen', source: 'byline' },
      { name: 'Devon Price', source: 'byline' },
    ]);
    expect(byline.outlet).toEqual({ name: 'Associated Press', source: 'byline' });
    expect([byline.published, byline.publishedSource]).toEqual(['2026-03-03T16:12:00-05:00', 'text']);
    expect([byline.modified, byline.modifiedSource]).toEqual(['2026-03-04T09:30:00-05:00', 'text']);
  });

  it('bylines of related stories and author bios are not the article byline', () => {
    const byline = bylineOf(
      '<title>Bridge vote delayed after packed hearing</title>',
      page(
        '<p class="byline">By Jane Doe</p>',
        `<section class="author-box"><p class="author-name">John Roe</p><p>John Roe is a writer.</p></section>
         <aside class="related-stories"><ul><li><a href="/b">Other story</a><span class="byline">By Jim Poe</span></li></ul></aside>`,
      ),
    );
    expect(names(byline)).toEqual(['Jane Doe']);
  });

  it('a meta author confirmed by the byline line wins over another story byline', () => {
    const byline = bylineOf(
      '<title>Bridge vote delayed after packed hearing</title><meta name="author" content="Jane Doe">',
      page('<p class="byline">By <a href="/author/jane-doe">Jane Doe</a></p>'),
    );
    expect(names(byline)).toEqual(['Jane Doe']);
  });

  it('a collective credit stands when no person is named', () => {
    const byline = bylineOf(
      '<title>Bridge vote delayed after packed hearing</title>',
      page('<p class="byline">By AOL Staff</p>'),
    );
    expect(byline.authors).toEqual([{ name: 'AOL Staff', source: 'byline' }]);
  });

  it('the outlet itself is no author', () => {
    const byline = bylineOf(
      '<title>Bridge vote delayed after packed hearing</title><meta property="og:site_name" content="The Western Journal">',
      page('<p class="byline">By Western Journal</p>'),
    );
    expect(byline.authors).toEqual([]);
  });

  it('a date in the address, when nothing else dates the page', () => {
    const byline = bylineOf('', '<p>No date here.</p>', 'https://news.example.com/2026/03/03/bridge-vote/');
    expect([byline.published, byline.publishedSource]).toEqual(['2026-03-03', 'url']);
  });

  it('a UTC stamp one day off the day in the address gives the address day', () => {
    const byline = bylineOf(
      '<meta property="article:published_time" content="2023-11-09T02:00:00Z">',
      '',
      'https://news.example.com/2023/11/08/late-story/',
    );
    expect([byline.published, byline.publishedSource]).toEqual(['2023-11-08', 'url']);
  });

  it('reads a page in British English day-first', () => {
    const doc = new JSDOM(
      '<html lang="en-GB"><body><h1>Halls too full</h1><p class="date">02/10/2020</p></body></html>',
      { url: URL },
    ).window.document;
    expect(resolveByline(readMetadata(doc, URL).byline.evidence).published).toBe('2020-10-02');
  });

  it('contributors credited in the text are kept apart from the authors', () => {
    const byline = bylineOf(
      '<meta name="author" content="Jane Doe">',
      '',
      URL,
      'The vote is set for April.\n\nLena Okafor contributed to this report.',
    );
    expect(names(byline)).toEqual(['Jane Doe']);
    expect(byline.contributors).toEqual(['Lena Okafor']);
  });
});

describe('readMetadata', () => {
  it('leaves parsing to resolveByline: the content script sends clues, not values', () => {
    const doc = new JSDOM(
      '<html><head><meta name="author" content="By JANE DOE"></head><body></body></html>',
      {
        url: URL,
      },
    ).window.document;
    const metadata = readMetadata(doc, URL);
    expect(metadata.byline.authors).toEqual([]);
    expect(metadata.byline.evidence?.meta).toEqual([{ text: 'By JANE DOE', source: 'meta', via: 'author' }]);
  });

  it('picks the headline the titles contain, not a site-name <h1>', () => {
    const doc = new JSDOM(
      '<html><head><title>Bridge vote delayed | Example</title></head><body><h1>Example</h1><h1>Bridge vote delayed</h1></body></html>',
      { url: URL },
    ).window.document;
    expect(readMetadata(doc, URL).visibleTitle).toBe('Bridge vote delayed');
  });
});
