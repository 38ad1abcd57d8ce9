import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readGenre } from '../../../lib/extract/genre';
import { readMetadata } from '../../../lib/extract/metadata';

/** The genre a page declares, read as the content script and the resolver do. */
function genreOf(head: string, url = 'https://news.example.com/politics/bridge-vote') {
  const doc = new JSDOM(`<!doctype html><html><head>${head}</head><body></body></html>`, { url }).window
    .document;
  const evidence = readMetadata(doc, url).byline.evidence!;
  return readGenre(evidence);
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const article = (extra: Record<string, unknown>) =>
  jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Bridge vote', ...extra });

describe('readGenre', () => {
  it('reads the schema.org type first', () => {
    expect(genreOf(article({ '@type': 'OpinionNewsArticle', articleSection: 'Politics' }))).toEqual({
      genre: 'opinion',
      source: 'jsonld',
      via: 'jsonld-type',
    });
    expect(genreOf(article({ '@type': ['NewsArticle', 'AnalysisNewsArticle'] }))?.genre).toBe('analysis');
    expect(genreOf(article({ '@type': 'ReviewNewsArticle' }))?.genre).toBe('review');
    expect(genreOf(article({ '@type': 'AdvertiserContentArticle' }))?.genre).toBe('sponsored');
  });

  it('reads the section in JSON-LD and article:section, in English, German and French', () => {
    expect(genreOf(article({ articleSection: 'Meinung' }))).toMatchObject({
      genre: 'opinion',
      via: 'jsonld-section',
    });
    expect(genreOf(article({ articleSection: ['News', 'Kommentar'] }))?.genre).toBe('opinion');
    expect(genreOf('<meta property="article:section" content="Tribunes">')).toEqual({
      genre: 'opinion',
      source: 'meta',
      via: 'article:section',
    });
    expect(genreOf('<meta property="article:section" content="Film reviews">')).toBeNull();
    expect(genreOf('<meta property="article:section" content="Culture > Reviews">')?.genre).toBe('review');
  });

  it('takes a whole word only: a topic that mentions opinion is no opinion piece', () => {
    expect(genreOf(article({ articleSection: 'Public opinion polls' }))).toBeNull();
    expect(genreOf('', 'https://news.example.com/politics/opinion-poll-shows-lead')).toBeNull();
  });

  it('reads the address last', () => {
    expect(genreOf('', 'https://news.example.com/opinion/2026/03/03/bridge')).toEqual({
      genre: 'opinion',
      source: 'url',
      via: 'url',
    });
    expect(genreOf('', 'https://www.example.de/meinung/kommentare/brücke.html')?.genre).toBe('opinion');
    expect(genreOf('', 'https://news.example.com/sponsored/bridge')?.genre).toBe('sponsored');
    expect(genreOf('', 'https://news.example.com/analysis/bridge')?.genre).toBe('analysis');
    // The page's own section wins over its address.
    expect(
      genreOf(article({ articleSection: 'Analysis' }), 'https://news.example.com/opinion/bridge')?.genre,
    ).toBe('analysis');
  });

  it('says nothing when the page gives no sign', () => {
    expect(genreOf(article({ articleSection: 'Politics' }))).toBeNull();
  });
});
