/**
 * "Copy with citation": what is cited of the page (the byline the panel shows, from the same capture)
 * and how the reference reads.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { formatCitation, type CitationSource } from '../../../lib/annotations/citation';
import { citedWorkOf } from '../../../lib/annotations/cited-work';
import { extractArticle } from '../../../lib/extract';
import { capturePage } from '../../../lib/extract/capture';

// Noon local time, so the accessed day is the 27th in every time zone the tests run in.
const ACCESSED = new Date(2026, 10, 27, 12, 0, 0);

function documentOf(head: string): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body><p>Text</p></body></html>`).window
    .document;
}

/** What Copy with citation cites for the page at `url`, checked against what the panel shows of it. */
function readCitationSource(document: Document, url: string): CitationSource {
  const work = citedWorkOf(capturePage(document, { url }));
  const panel = extractArticle(document, { url }).byline;
  expect(work.authors).toEqual(panel.authors.map((author) => author.name));
  expect(work.outlet).toBe(panel.outlet?.name ?? null);
  expect(work.published).toBe(panel.published);
  return { ...work, url };
}

describe('citations', () => {
  it('take authors, headline, publisher and date from the article’s JSON-LD first', () => {
    const document = documentOf(`
      <title>Page title | Outlet</title>
      <meta property="og:site_name" content="OG Outlet">
      <script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle",
        "headline": "Harbor bridge  reopens", "author": [{"@type": "Person", "name": "Ana Ruiz"}, "Tom Lee", {"name": "Kim Park"}],
        "publisher": {"@type": "Organization", "name": "The Harbor Times"}, "datePublished": "2026-03-03T16:12:00-05:00"}]}</script>`);
    const source = readCitationSource(document, 'https://harbor.example/bridge');
    expect(source).toEqual({
      title: 'Harbor bridge reopens',
      authors: ['Ana Ruiz', 'Tom Lee', 'Kim Park'],
      outlet: 'The Harbor Times',
      published: '2026-03-03T16:12:00-05:00',
      lang: null,
      url: 'https://harbor.example/bridge',
    });
    expect(formatCitation('  The bridge\n is safe, ', source, ACCESSED)).toBe(
      '“The bridge is safe,”\n— Ana Ruiz, Tom Lee and Kim Park, “Harbor bridge reopens”, The Harbor Times, 2026-03-03. ' +
        'https://harbor.example/bridge (accessed 2026-11-27)',
    );
  });

  it('fall back to meta tags, skip author links and broken JSON-LD', () => {
    const document = documentOf(`
      <title>Fallback title</title>
      <script type="application/ld+json">{ not json</script>
      <meta name="author" content="https://social.example/someone">
      <meta property="og:site_name" content="Daily Example">
      <meta property="article:published_time" content="2025-12-01">`);
    const source = readCitationSource(document, 'https://daily.example/a');
    expect(source).toMatchObject({
      title: 'Fallback title',
      authors: [],
      outlet: 'Daily Example',
      published: '2025-12-01',
    });
    expect(formatCitation('Words', source, ACCESSED)).toBe(
      '“Words”\n— “Fallback title”, Daily Example, 2025-12-01. https://daily.example/a (accessed 2026-11-27)',
    );
  });

  it('read the printed byline and date when no tag states them, and nest the quotation marks', () => {
    const document = new JSDOM(`<!doctype html><title>Ferry fee vote delayed</title><body><article>
      <h1>Ferry fee vote delayed</h1><p class="byline">By Marta Ellingsen and Devon Price</p>
      <time datetime="2026-03-03T09:00:00-05:00">March 3, 2026</time><p>Text</p></article></body>`).window
      .document;
    const source = readCitationSource(document, 'https://gazette.example/ferry');
    expect(source).toMatchObject({
      authors: ['Marta Ellingsen', 'Devon Price'],
      published: '2026-03-03T09:00:00-05:00',
    });
    expect(formatCitation('“Nobody asked us,” Kim said.', source, ACCESSED)).toBe(
      '“‘Nobody asked us,’ Kim said.”\n— Marta Ellingsen and Devon Price, “Ferry fee vote delayed”, 2026-03-03. ' +
        'https://gazette.example/ferry (accessed 2026-11-27)',
    );
  });

  it('read a printed byline as the panel does, and cite the title without the site’s name', () => {
    const document = new JSDOM(`<!doctype html><title>Fed holds rates | Reuters</title>
      <meta property="og:site_name" content="Reuters"><body><article><h1>Fed holds rates</h1>
      <div class="byline">By <a href="/a/hs">Howard Schneider</a> and <a href="/a/ld">Lindsay Dunsmuir</a><span>5 Min Read</span></div>
      <p>Text</p></article></body>`).window.document;
    const source = readCitationSource(document, 'https://www.reuters.com/fed');
    expect(source).toMatchObject({
      title: 'Fed holds rates',
      authors: ['Howard Schneider', 'Lindsay Dunsmuir'],
      outlet: 'Reuters',
    });
    // A title that ends with something other than the outlet keeps it.
    const other = documentOf(
      '<title>Ferry fees - a reader’s guide</title><meta property="og:site_name" content="Gazette">',
    );
    expect(readCitationSource(other, 'https://gazette.example/').title).toBe('Ferry fees - a reader’s guide');
  });

  it('name the outlet as the panel does: a section name gives way to the site the address names', () => {
    const reuters = documentOf(
      '<title>Fed holds rates | Reuters</title><meta property="og:site_name" content="U.S.">',
    );
    expect(readCitationSource(reuters, 'https://www.reuters.com/markets/fed')).toMatchObject({
      title: 'Fed holds rates',
      outlet: 'Reuters',
    });
    // No site-name tag: the title's end names the outlet when the address agrees, not otherwise.
    const times = documentOf('<title>Manhole fires - The New York Times</title>');
    expect(readCitationSource(times, 'https://www.nytimes.com/2020/01/01/x.html')).toMatchObject({
      title: 'Manhole fires',
      outlet: 'The New York Times',
    });
    const blog = documentOf('<title>Manhole fires - Jane Doe</title>');
    expect(readCitationSource(blog, 'https://blog.example/x')).toMatchObject({
      title: 'Manhole fires - Jane Doe',
      outlet: null,
    });
  });

  it('still cite a page that says nothing about itself', () => {
    const source = readCitationSource(documentOf(''), 'https://bare.example/');
    expect(formatCitation('Words', source, ACCESSED)).toBe(
      '“Words”\n— https://bare.example/ (accessed 2026-11-27)',
    );
  });

  it('cite what the panel’s byline reads from the article text: a date printed under the headline', () => {
    const document = new JSDOM(`<!doctype html><title>Harbor dredging starts</title><body><article>
      <h1>Harbor dredging starts</h1><p>By Ana Ruiz</p><p>Published March 3, 2026</p>
      <p>${'The harbor authority began dredging the channel on Monday after two years of delays. '.repeat(12)}</p>
      </article></body>`).window.document;
    const source = readCitationSource(document, 'https://harbor.example/dredging');
    expect(source).toMatchObject({ authors: ['Ana Ruiz'], published: '2026-03-03' });
  });

  it('cite a page that could not be read by the tab’s title and address', () => {
    expect(citedWorkOf(null, 'Harbor news')).toEqual({
      title: 'Harbor news',
      authors: [],
      outlet: null,
      published: null,
      lang: null,
    });
  });
});
