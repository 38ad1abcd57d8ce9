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

/** A page that tells its reader of an update, so that the structured data's update stamp counts. */
const UPDATED_LINE =
  '<article><h1>Bridge vote delayed</h1><p class="dateline">Updated March 4, 2026</p></article>';
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
      UPDATED_LINE,
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

  it('a byline that names every JSON-LD author and more people is whole; one that adds a desk is not', () => {
    const head = jsonLd({
      '@type': 'NewsArticle',
      headline: 'H',
      author: { '@type': 'Person', name: 'Stefan Becket' },
    });
    const byline = bylineOf(
      head,
      '<p class="content__meta-byline">By Stefan Becket, Kathryn Watson, Grace Segers</p>',
    );
    expect(names(byline)).toEqual(['Stefan Becket', 'Kathryn Watson', 'Grace Segers']);
    expect(byline.authors[0]!.source).toBe('byline');
    const desk = bylineOf(head, '<p class="byline">By Stefan Becket and ACLU Racial Justice Program</p>');
    expect(names(desk)).toEqual(['Stefan Becket']);
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
    const byline = bylineOf(
      `
      <meta property="og:site_name" content="Example News">
      <meta property="article:author" content="https://www.facebook.com/janedoe">
      <meta name="author" content="Jane Doe">
      <meta property="article:published_time" content="2026-03-03T16:12:00-05:00">
      <meta property="article:modified_time" content="2026-03-04T09:30:00-05:00">`,
      UPDATED_LINE,
    );
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

  it('microdata: an author item named only in an attribute, but not a comment’s author', () => {
    const author = (name: string) =>
      `<span itemprop="author" itemscope itemtype="http://schema.org/Person"><link itemprop="name" content="${name}"></span>`;
    const byline = bylineOf(
      '<title>Bridge vote delayed after packed hearing</title>',
      `<div itemscope itemtype="http://schema.org/VideoObject">${author('Confreaks')}
        <div itemprop="comment" itemscope itemtype="http://schema.org/Comment">${author('Jim Poe')}</div>
      </div>`,
    );
    expect(byline.authors).toEqual([{ name: 'Confreaks', source: 'meta' }]);
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

  it('a dateline’s credit names the wire, unless the outlet is that wire', () => {
    const wireOf = (siteName: string, text: string) =>
      bylineOf(`<meta property="og:site_name" content="${siteName}">`, '', URL, text).wire;
    const story = 'Michigan health authorities are reporting a sixth fatality.';
    expect(wireOf('CBS Detroit', `ST. JOSEPH, Mich. (AP) — ${story}`)).toBe('Associated Press');
    expect(wireOf('CBS Detroit', `Headline\n\n(Reuters) - ${story}`)).toBe('Reuters');
    expect(wireOf('AP News', `ST. JOSEPH, Mich. (AP) — ${story}`)).toBeNull();
    // Not a wire, not a dateline, or too far into the text to be one.
    expect(wireOf('CBS Detroit', `DETROIT (CBS) — ${story}`)).toBeNull();
    expect(wireOf('CBS Detroit', `Officials (AP) said ${story}`)).toBeNull();
    expect(wireOf('CBS Detroit', `${story.repeat(8)}\nDETROIT (AP) — ${story}`)).toBeNull();
  });

  it('structured data naming the site as the author gives way to the byline the reader sees', () => {
    const byline = bylineOf(
      '<title>Laptop review</title>' +
        jsonLd({
          '@type': 'NewsArticle',
          headline: 'Laptop review',
          author: { '@type': 'Person', name: 'Gadget Insider' },
          publisher: { '@type': 'Organization', name: 'Gadget Insider' },
        }),
      page(
        '<p class="byline">By <a href="/x">Mike Wuerthele and Malcolm Owen</a><br><span>Monday, November 18, 2019</span></p>',
      ),
    );
    expect(names(byline)).toEqual(['Mike Wuerthele', 'Malcolm Owen']);
  });

  it('the outlet as the text spells the domain’s name, when nothing else names one', () => {
    const url = 'https://www.refinery29.com/2016/12/132377/statement-shirts';
    const outletOf = (head: string, body: string) => bylineOf(head, page(body), url).outlet;
    expect(outletOf('<title>Statement shirts</title>', '<p>Refinery29 asked six artists.</p>')).toEqual({
      name: 'Refinery29',
      source: 'text',
    });
    // Not a link or an address, and not in lower case.
    expect(
      outletOf('<title>Statement shirts</title>', '<p>See refinery29.com/style for more.</p>'),
    ).toBeNull();
    expect(outletOf('<title>Statement shirts</title>', '<p>Tagged refinery29 on every post.</p>')).toBeNull();
    expect(outletOf('<title>Statement shirts</title>', '<p>Follow @Refinery29 on Instagram.</p>')).toBeNull();
  });

  it('of the host name’s words the text spells, only the registrable name is the outlet', () => {
    const url = 'https://politics.newsroomdaily.co.uk/2026/03/bridge-vote';
    const outletOf = (body: string) => bylineOf('<title>Bridge vote</title>', page(body), url).outlet;
    // "Politics" is a label of the host too, and comes first in the text: a section, not the site.
    expect(outletOf('<p>Politics moved fast. Newsroomdaily readers asked why.</p>')).toEqual({
      name: 'Newsroomdaily',
      source: 'text',
    });
    expect(outletOf('<p>Politics moved fast.</p>')).toBeNull();
  });

  it('the outlet printed after the author’s name is not part of it', () => {
    const byline = bylineOf(
      '<title>Bridge vote delayed</title><meta property="og:site_name" content="Florida Today">',
      page('<p class="byline">Elliot Brownstein Florida Today</p>'),
    );
    expect(names(byline)).toEqual(['Elliot Brownstein']);
  });

  it('an organisation with "and" in its name is neither two people nor an author', () => {
    const byline = bylineOf(
      '<title>Cocaine seized at sea</title>',
      page('<p class="byline">By U.S. Customs and Border Protection</p>'),
    );
    expect(names(byline)).toEqual([]);
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

  it('a UTC stamp is dated by the day printed with the article before the day in its address', () => {
    // Filed under the 19th (the address), published 01:07 on the 20th in New York (printed), 06:07 UTC.
    const byline = bylineOf(
      '<meta property="article:published_time" content="2019-11-20T06:07:01Z">',
      '<article><h1>How the hearing went</h1><p class="byline">By Jane Doe</p><p class="dateline">November 20, 2019 / 1:07 AM EST</p></article>',
      'https://news.example.com/news/hearing-2019-11-19/',
    );
    expect(byline.published?.slice(0, 10)).toBe('2019-11-20');
    expect(byline.publishedSource).not.toBe('url');
  });

  it('a UTC stamp is not moved to a day printed with a later time in every zone', () => {
    // 13:16 UTC on the 19th is no zone's 09:42 on the 20th, later than the stamp: a related story's time.
    const byline = bylineOf(
      '<meta itemprop="datePublished" content="2019-11-19T13:16+0000">',
      '<article><h1>Davis Cup podcast</h1><p>Mixed feelings in Madrid.</p></article>' +
        '<aside><a href="/other">Midnight mayhem</a><time datetime="2019-11-20T09:42:20">20 Nov 2019, 9:42am</time></aside>',
      'https://news.example.com/tennis/2019/11/19/davis-cup-podcast/',
    );
    expect([byline.published, byline.publishedSource]).toEqual(['2019-11-19T13:16:00+00:00', 'meta']);
  });

  it('a UTC stamp an update: the day printed with an earlier time is the first filing', () => {
    const byline = bylineOf(
      '<meta property="article:published_time" content="2020-01-20T09:49:32+0000">',
      '<article><h1>Parasite scores upset</h1><p class="byline">By Jill Serjeant</p><p class="dateline">January 19, 2020 / 12:25 PM / Updated 8 hours ago</p></article>',
      'https://news.example.com/article/parasite-upset',
    );
    expect(byline.published?.slice(0, 10)).toBe('2020-01-19');
  });

  it('a UTC stamp with seconds is the printed minute seen from the page’s zone', () => {
    // 01:09:55 UTC on the 9th is 18:09 on the 8th in Denver; the page prints the minute only.
    const byline = bylineOf(
      '<meta property="article:published_time" content="2023-11-09T01:09:55Z">',
      '<article><h1>Playoffs, second weekend</h1><p class="byline">By Jane Doe</p><p class="dateline">November 8, 2023 at 6:09 p.m.</p></article>',
      'https://news.example.com/sports/playoffs',
    );
    expect(byline.published).toBe('2023-11-08T18:09:00-07:00');
  });

  it('a UTC stamp is dated by a time printed with its zone that is the same moment', () => {
    // 02:07 UTC on the 20th is 21:07 on the 19th in New York, as the dateline says with its zone.
    const byline = bylineOf(
      '<meta property="article:published_time" content="2019-11-20T02:07:00Z">',
      '<article><h1>How the hearing went</h1><p class="byline">By Jane Doe</p><p class="dateline">November 19, 2019 / 9:07 PM EST</p></article>',
      'https://news.example.com/news/hearing/',
    );
    expect(byline.published?.slice(0, 10)).toBe('2019-11-19');
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

  it('picks an <h2> the titles contain over a lone <h1> they do not (a story the site recommends)', () => {
    const page = (body: string) =>
      new JSDOM(
        `<html><head><title>Early reviews are not great - Digg</title></head><body>${body}</body></html>`,
        {
          url: URL,
        },
      ).window.document;
    const recommended =
      '<aside><h1><a href="https://other.example/reindeer">Fight for the reindeer</a></h1></aside>';
    const headline = '<article><h2>Early reviews are not great</h2><p>Text</p></article>';
    expect(readMetadata(page(headline + recommended), URL).visibleTitle).toBe('Early reviews are not great');
    // A lone <h1> is still the headline when no heading matches the titles.
    expect(readMetadata(page('<h1>Reviews, in short</h1><h2>Section</h2>'), URL).visibleTitle).toBe(
      'Reviews, in short',
    );
  });
});

describe('who wrote it: harder pages', () => {
  const title = '<title>How the hearing went</title>';

  it('a byline inside a teaser link is another story’s, even when it sits nearer the headline', () => {
    const teaser = `<a class="feed-item" href="/2026/03/other-story.html"><div class="headline">A cheat sheet to keep track of all the crucial races, upsets and drama from now through Election Day</div><div class="byline"><span>By</span> <span>Ed Roe</span></div><div class="teaser">Everything about the races worth watching this autumn, in one place, updated daily.</div></a>`;
    const byline = bylineOf(
      title,
      `<section class="splash"><h1 class="display">The long night of the hearing</h1>
         <span class="lede-authors"><span>By</span> <a rel="author" href="/author/jane-doe/">Jane Doe</a></span></section>
       <section class="main"><article><header><h1>How the hearing went</h1></header>
         <p>The council delayed its vote on Tuesday after three hours of public comment.</p>
         <div class="feed">${teaser}${teaser.replace('Ed Roe', 'Ann Poe')}</div></article></section>`,
    );
    expect(names(byline)).toEqual(['Jane Doe']);
  });

  it('a headline in an <h2> and a name without capitals in an author box next to the share buttons', () => {
    const byline = bylineOf(
      '<title>这个约会软件，想用你和对方的相似好恶来帮你找对象</title>',
      `<div class="article-detail"><div class="article-detail-hd"><h2 class="title">这个约会软件，想用你和对方的相似好恶来帮你找对象</h2></div>
       <div class="article-detail-bd"><div class="author-share"><div class="author"><span class="name">谢若含</span><span class="date">2017-03-01 14:27:02</span></div></div>
       <p>正文。</p></div></div>`,
    );
    expect(names(byline)).toEqual(['谢若含']);
    expect(byline.published).toBe('2017-03-01T14:27:02');
  });

  it('a byline in a list of related stories is never the article’s, even inside the headline’s block', () => {
    const byline = bylineOf(
      title,
      `<article><div class="entry-content"><h2 class="entry-title">How the hearing went</h2>
         <p>The council delayed its vote on Tuesday after three hours of public comment.</p>
         <aside class="entry-related"><h3>Read also</h3><article><h2>Other story</h2><span class="entry-author">Valeria Roe</span></article></aside>
       </div></article>`,
    );
    expect(names(byline)).toEqual([]);
  });

  it('an organisation is the author only when the byline credits it alone', () => {
    const phrase = bylineOf(
      `${title}<meta property="og:site_name" content="Example News">`,
      '<article><h1>How the hearing went</h1><p class="byline">By accepting you load content from YouTube, a service provided by an external third party.</p></article>',
    );
    expect(phrase.authors).toEqual([]);
    const rating = bylineOf(
      `${title}<meta property="og:site_name" content="Example News">`,
      '<article><h1>How the hearing went</h1><p class="byline">(Wertung der Example-Redaktion)</p></article>',
    );
    expect(rating.authors).toEqual([]);
  });

  it('every citation_author tag is an author, though the byline shows the first', () => {
    const byline = bylineOf(
      `${title}<meta name="citation_author" content="Havell Markus"><meta name="citation_author" content="Jun Zhao"><meta name="citation_author" content="Tania Contente-Cuomo">`,
      '<article><h1>How the hearing went</h1><p class="author">Havell Markus</p><p>Text.</p></article>',
    );
    expect(names(byline)).toEqual(['Havell Markus', 'Jun Zhao', 'Tania Contente-Cuomo']);
  });

  it('an author tag confirms a byline name the page writes in lower case', () => {
    const byline = bylineOf(
      `${title}<meta name="author" content="cindy mangomini">`,
      '<article><h1>How the hearing went</h1><p class="byline">By <a href="/author/mangomini/">Cindy mangomini</a></p></article>',
    );
    expect(names(byline)).toEqual(['Cindy mangomini']);
  });

  it('an author tag that spells only the credited organisation confirms nobody', () => {
    const byline = bylineOf(
      `${title}<meta name="author" content="ASCII">`,
      '<article><h1>How the hearing went</h1><p class="author">文● オカモト／ASCII編集部</p></article>',
    );
    expect(names(byline)).toEqual(['オカモト']);
  });

  it('an author tag does not make a job title or the outlet a person', () => {
    const editor = bylineOf(
      `${title}<meta name="sailthru.author" content="Editor">`,
      '<article><h1>How the hearing went</h1><p class="byline"><a href="/author/tpi-editor/">Editor</a></p></article>',
    );
    expect(editor.authors).toEqual([]);
    const times = bylineOf(
      `${title}<meta name="author" content="The New York Times">`,
      '<article><h1>How the hearing went</h1><p class="byline">By THE NEW YORK TIMES</p></article>',
    );
    expect(times.authors).toEqual([]);
    expect(times.outlet?.name).toBe('The New York Times');
  });

  it('an organisation credited in the byline: the outlet when none is named, else the author', () => {
    const times = bylineOf(
      title,
      '<article><h1>How the hearing went</h1><p class="byline">By THE NEW YORK TIMES</p></article>',
    );
    expect(times.authors).toEqual([]);
    expect(times.outlet).toEqual({ name: 'The New York Times', source: 'byline' });
    const watch = bylineOf(
      `${title}<meta property="og:site_name" content="Example News">`,
      '<article><h1>How the hearing went</h1><p class="byline">By Human Rights Watch Foundation</p></article>',
    );
    expect(watch.authors).toEqual([{ name: 'Human Rights Watch Foundation', source: 'byline' }]);
    expect(watch.outlet?.name).toBe('Example News');
  });
});

describe('when the page was published and updated', () => {
  const title = '<title>How the hearing went</title>';

  it('keeps a printed "Published …" and a yearless "Updated 9:30 a.m. EST March 4" apart', () => {
    const byline = bylineOf(
      title,
      '<article><h1>How the hearing went</h1><p class="byline">By Jane Doe</p><p class="dateline">Published March 3, 2026, 4:12 PM ET Updated 9:30 a.m. EST March 4</p></article>',
    );
    expect([byline.published, byline.modified]).toEqual([
      '2026-03-03T16:12:00-05:00',
      '2026-03-04T09:30:00-05:00',
    ]);
  });

  it('a UTC stamp keeps its day when no time zone could put it on the printed day', () => {
    // 13:49 UTC is 28 June from Hawaii to the Line Islands: the 27 June printed elsewhere is another date.
    const byline = bylineOf(
      title,
      '<article><h1>How the hearing went</h1><time datetime="2019-06-28T13:49:45Z">28 juin</time><p>Chronique du 27 juin 2019</p></article>',
    );
    expect(byline.published).toBe('2019-06-28T13:49:45Z');
  });

  it('a UTC stamp the page prints elsewhere as the same moment in its own zone, a day earlier', () => {
    const byline = bylineOf(
      `${title}${jsonLd({ '@type': 'NewsArticle', headline: 'How the hearing went', datePublished: 'Sat, 14 May 2022 02:41:00 GMT' })}`,
      `<article><h1>How the hearing went</h1><p>${'Text of the story. '.repeat(30)}</p></article><footer><span>13/5/2022 22:41</span></footer>`,
    );
    expect([byline.published, byline.publishedSource]).toEqual(['2022-05-13T22:41:00-04:00', 'text']);
    // The same moment written in two zones: no disagreement to report.
    expect(byline.decisions).toEqual([]);
  });

  it('a date without a zone is the page’s own day: no printed date moves it', () => {
    const byline = bylineOf(
      `${title}${jsonLd({ '@type': 'NewsArticle', headline: 'How the hearing went', datePublished: '2020-09-29 23:43:13' })}`,
      '<article><h1>How the hearing went</h1><p class="date">Wednesday, September 30, 2020 02:45 PM</p></article>',
    );
    expect(byline.published).toBe('2020-09-29T23:43:13');
  });

  it('a bare day in the meta tags one day off the stamp printed to the minute with the article', () => {
    const byline = bylineOf(
      `${title}<meta name="date" content="2020-04-30">`,
      '<article><h1>How the hearing went</h1><p class="date">29.04.2020, 12:01 Uhr</p><p>Text.</p></article>',
    );
    expect([byline.published, byline.publishedSource]).toEqual(['2020-04-29T12:01:00', 'text']);
    expect(byline.decisions?.[0]).toMatchObject({
      field: 'published',
      chosen: { value: '2020-04-29T12:01:00', source: 'text' },
      rejected: [{ value: '2020-04-30', source: 'meta' }],
    });
  });

  it('a "Publié le" label is a date label', () => {
    const byline = bylineOf(title, '<div><p>Le 2 août 2019 à Grenoble</p><p>Publié le 9 juin 2019</p></div>');
    expect(byline.published).toBe('2019-06-09');
  });

  it('the description dates a page that prints no date anywhere else', () => {
    expect(
      resolveByline(undefined, { description: 'ORSO MARSICANO (Notizia del 14 Gennaio 2020)' }).published,
    ).toBe('2020-01-14');
  });
});

describe('decisions: which source won when they disagree', () => {
  it('JSON-LD and the meta tags name different days', () => {
    const byline = bylineOf(
      `${jsonLd({ '@type': 'NewsArticle', headline: 'H', datePublished: '2026-03-03T16:12:00-05:00' })}<meta property="article:published_time" content="2026-03-05T08:00:00Z">`,
    );
    expect(byline.published).toBe('2026-03-03T16:12:00-05:00');
    expect(byline.decisions).toEqual([
      {
        field: 'published',
        chosen: { value: '2026-03-03T16:12:00-05:00', source: 'jsonld' },
        rejected: [{ value: '2026-03-05T08:00:00Z', source: 'meta' }],
        reason: expect.stringMatching(
          /^Read from the structured data \(JSON-LD\) rather than the meta tags: /,
        ),
      },
    ]);
  });

  it('the same instant written two ways is no disagreement', () => {
    const byline = bylineOf(
      `${jsonLd({ '@type': 'NewsArticle', headline: 'H', datePublished: '2026-03-03T16:12:00-05:00', author: { '@type': 'Person', name: 'Jane Doe' } })}<meta property="article:published_time" content="2026-03-03T21:12:00Z"><meta name="author" content="Jane Doe">`,
    );
    expect(byline.decisions).toEqual([]);
  });

  it('an author tag naming the first of the two JSON-LD authors does not disagree', () => {
    const byline = bylineOf(
      `${jsonLd({
        '@type': 'NewsArticle',
        headline: 'H',
        author: [
          { '@type': 'Person', name: 'Jane Doe' },
          { '@type': 'Person', name: 'John Roe' },
        ],
      })}<meta name="author" content="Jane Doe">`,
    );
    expect(names(byline)).toEqual(['Jane Doe', 'John Roe']);
    expect(byline.decisions).toEqual([]);
  });

  it('the UTC stamp and the day in the address', () => {
    const byline = bylineOf(
      '<meta property="article:published_time" content="2023-11-09T02:00:00Z">',
      '',
      'https://news.example.com/2023/11/08/late-story/',
    );
    expect(byline.decisions?.[0]).toMatchObject({
      field: 'published',
      chosen: { value: '2023-11-08', source: 'url' },
      rejected: [{ value: '2023-11-09T02:00:00Z', source: 'meta' }],
      reason: expect.stringContaining('UTC'),
    });
  });

  it('JSON-LD names one author, the byline another', () => {
    const byline = bylineOf(
      `<title>How the hearing went</title>${jsonLd({ '@type': 'NewsArticle', headline: 'How the hearing went', author: { '@type': 'Person', name: 'Jane Doe' } })}`,
      '<article><h1>How the hearing went</h1><p class="byline">By John Roe</p></article>',
    );
    expect(names(byline)).toEqual(['Jane Doe']);
    expect(byline.decisions).toEqual([
      {
        field: 'authors',
        chosen: { value: 'Jane Doe', source: 'jsonld' },
        rejected: [{ value: 'John Roe', source: 'byline' }],
        reason: expect.stringContaining('JSON-LD'),
      },
    ]);
  });

  it('a meta author the page does not show loses to the byline', () => {
    const byline = bylineOf(
      '<title>How the hearing went</title><meta name="author" content="Maria Lopez">',
      '<article><h1>How the hearing went</h1><p class="byline">By John Roe</p></article>',
    );
    expect(byline.decisions?.[0]).toMatchObject({
      field: 'authors',
      chosen: { value: 'John Roe', source: 'byline' },
      rejected: [{ source: 'meta' }],
    });
  });

  it('an update the JSON-LD and the page print differently', () => {
    const byline = bylineOf(
      `<title>How the hearing went</title>${jsonLd({ '@type': 'NewsArticle', headline: 'How the hearing went', datePublished: '2026-03-03T16:12:00-05:00', dateModified: '2026-03-04T09:30:00-05:00' })}<meta property="article:modified_time" content="2026-03-06T10:00:00Z">`,
      UPDATED_LINE,
    );
    expect(byline.modified).toBe('2026-03-04T09:30:00-05:00');
    expect(byline.decisions).toMatchObject([
      {
        field: 'modified',
        chosen: { source: 'jsonld' },
        rejected: [{ value: '2026-03-06T10:00:00Z', source: 'meta' }],
      },
    ]);
  });
});

describe('a broken meta tag (finding 8)', () => {
  it.each([
    ['escaped markup', '<meta property="og:site_name" content="&quot;&gt; The Riverside Ledger">'],
    ['a tag the attribute cut in two', `<meta property="og:site_name" content='"> The Riverside Ledger'>`],
    ['a self-closing rest', `<meta property="og:site_name" content='" /> The Riverside Ledger <'>`],
  ])('%s leaves no markup in the outlet', (_case, head) => {
    expect(bylineOf(head).outlet?.name).toBe('The Riverside Ledger');
  });

  it('what is left of a tag and names nothing is no outlet', () => {
    const byline = bylineOf(
      '<meta property="og:site_name" content="\\"> "><meta name="application-name" content="Riverside Ledger">',
    );
    expect(byline.outlet?.name).toBe('Riverside Ledger');
  });
});

describe('updates a reader is told of', () => {
  const head = `<title>Bridge vote delayed</title>${jsonLd({ '@type': 'NewsArticle', headline: 'Bridge vote delayed', datePublished: '2016-11-18T10:00:00-05:00', dateModified: '2022-08-10T09:30:00-04:00' })}<meta property="article:modified_time" content="2022-08-10T13:30:00Z">`;

  it('takes no update from the structured data when the page prints none', () => {
    const byline = bylineOf(
      head,
      '<article><h1>Bridge vote delayed</h1><p class="dateline">November 18, 2016</p></article>',
    );
    expect(byline.published).toBe('2016-11-18T10:00:00-05:00');
    expect(byline.modified).toBeNull();
    const hidden = bylineOf(
      head,
      '<article><h1>Bridge vote delayed</h1><meta itemprop="dateModified" content="2022-08-10T09:30:00-04:00"></article>',
    );
    expect(hidden.modified).toBeNull();
  });

  it('takes it when the page says "Updated", "Aktualisiert" or "Mis à jour", or prints a stamp marked as the update', () => {
    for (const line of ['Updated Aug. 10, 2022', 'Aktualisiert am 10.08.2022', 'Mis à jour le 10 août 2022'])
      expect(
        bylineOf(head, `<article><h1>Bridge vote delayed</h1><p class="dateline">${line}</p></article>`)
          .modified,
      ).toBe('2022-08-10T09:30:00-04:00');
    const stamp = bylineOf(
      head,
      '<article><h1>Bridge vote delayed</h1><time class="updated" datetime="2022-08-10">Aug. 10, 2022</time></article>',
    );
    expect(stamp.modified).toBe('2022-08-10T09:30:00-04:00');
  });
});
