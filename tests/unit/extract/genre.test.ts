import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { firstPersonGenre, readGenre, reviewedWorkGenre } from '../../../lib/extract/genre';
import { readMetadata } from '../../../lib/extract/metadata';

/** The genre a page declares, read as the content script and the resolver do. */
function genreOf(head: string, url = 'https://news.example.com/politics/bridge-vote', body = '') {
  const doc = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url })
    .window.document;
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

  it('reads a label printed just above the headline, but not a menu', () => {
    const url = 'https://news.example.com/2026/03/03/bridge-vote';
    expect(
      genreOf(
        '',
        url,
        '<header><p class="kicker">Opinion</p><h1>The bridge vote was a mistake</h1></header>',
      ),
    ).toEqual({ genre: 'opinion', source: 'text', via: 'label' });
    expect(
      genreOf(
        '',
        url,
        '<div><span>Analyse</span></div><div><h1>Was die Brücke kostet</h1><p>Von Eva Roth</p></div>',
      )?.genre,
    ).toBe('analysis');
    expect(genreOf('', url, '<nav><a href="/opinion">Opinion</a></nav><h1>Bridge vote</h1>')).toBeNull();
    expect(
      genreOf('', url, '<p><a href="/">News</a> <a href="/opinion">Opinion</a></p><h1>Bridge vote</h1>'),
    ).toBeNull();
    // The page's own section is read before what it prints.
    expect(
      genreOf(article({ articleSection: 'Analysis' }), url, '<p>Opinion</p><h1>Bridge vote</h1>')?.genre,
    ).toBe('analysis');
  });

  it('reads a label in the headline: "Opinion: …", and a review by its headline and address together', () => {
    const url = 'https://news.example.com/2026/03/03/bridge-vote';
    expect(genreOf('', url, '<h1>Opinion: The bridge vote was a mistake</h1>')).toEqual({
      genre: 'opinion',
      source: 'text',
      via: 'headline',
    });
    expect(genreOf('', url, '<h1>Kommentar | Die Brücke ist zu teuer</h1>')?.genre).toBe('opinion');
    // "Kritik:" in a German headline is as often news about criticism.
    expect(genreOf('', url, '<h1>Kritik: Opposition greift Bauplan an</h1>')).toBeNull();
    const review =
      '<h1>Star Wars Jedi: Fallen Order review - shoots for the moon, lands among the stars</h1>';
    expect(
      genreOf('', 'https://games.example.com/2019/11/20/jedi-fallen-order-pc-review/', review)?.genre,
    ).toBe('review');
    expect(genreOf('', url, review)).toBeNull();
    expect(
      genreOf(
        '',
        'https://news.example.com/pentagon-review-troops',
        '<h1>Pentagon review: troops were tired</h1>',
      ),
    ).toBeNull();
    expect(genreOf('', url, '<h1>Opinion polls show a lead for the bridge</h1>')).toBeNull();
  });

  it('says nothing when the page gives no sign', () => {
    expect(genreOf(article({ articleSection: 'Politics' }))).toBeNull();
  });
});

describe('firstPersonGenre: a writer who speaks as “I” throughout', () => {
  const essay = [
    'I grew up in a house full of books, and my mother read every one of them.',
    'She wanted me to work the way she did. I did not, at first, and I told her so.',
    'Years later I understood her. My own children now ask me the questions I asked.',
    'The house is sold. I keep her books on my shelves and I read them slowly.',
  ].join('\n\n');

  it('is opinion when “I” opens the piece and runs through it, outside quotes', () => {
    expect(firstPersonGenre(essay, 'en')).toEqual({ genre: 'opinion', source: 'text', via: 'first-person' });
    const german = [
      'Ich bin in einer kleinen Stadt aufgewachsen, und meine Mutter las mir jeden Abend vor.',
      'Mein Vater war selten da. Ich habe ihn vermisst, und mir fehlte etwas.',
      'Heute lebe ich in Berlin. Meine Kinder fragen mich, warum ich so viel lese.',
    ].join('\n\n');
    expect(firstPersonGenre(german, 'de')?.genre).toBe('opinion');
  });

  it('is nothing for quoted words, a statement printed late in a report, or an interview', () => {
    const quoted = [
      'The mayor spoke on Monday.',
      '“I was wrong, and my team was wrong. I apologise to my city,” she said.',
      '“I will do better. My door is open to me and mine,” she added. “I mean it. I promise.”',
      '“I know my city,” she said. “It knows me.”',
    ].join('\n\n');
    expect(firstPersonGenre(quoted, 'en')).toBeNull();
    const statement = [
      'The premier was detained in Miami on Thursday.',
      'The governor made the announcement in a statement.',
      'Officials gave no further details.',
      'The statement read in full:',
      essay,
    ].join('\n\n');
    expect(firstPersonGenre(statement, 'en')).toBeNull();
    const interview = essay
      .split('\n\n')
      .map((answer, at) => `Q: Question number ${at}?\n\nA: ${answer}`)
      .join('\n\n');
    expect(firstPersonGenre(interview, 'en')).toBeNull();
  });

  it('is nothing in a language it does not read', () => {
    expect(firstPersonGenre(essay, 'it')).toBeNull();
  });
});

describe('reviewedWorkGenre: the particulars of the one work an article reviews', () => {
  const prose = 'The novel follows a family over three generations, and its second half is the stronger.';
  const review = { genre: 'review', source: 'text', via: 'particulars' };

  it('reads a book’s publisher or price with its page count, and a play’s next performances', () => {
    const book =
      'Hwang Sok-yong, Au soleil couchant, éditions Philippe Picquier, Paris, 2017, 176 pages, 17,50 euros.';
    expect(reviewedWorkGenre(`${prose}\n\n${prose}\n\n${book}`)).toEqual(review);
    expect(
      reviewedWorkGenre(`${prose}\n\nAna Ruiz: The Harbor. Mohr Verlag, Tübingen 2020, 320 Seiten.`),
    ).toEqual(review);
    const stage = 'Nächste Vorstellungen: 20.10., 17 Uhr, 24./30.10., 2./5.11., 20 Uhr, Lokremise St.Gallen.';
    expect(reviewedWorkGenre(`${prose}\n\n${stage}`)).toEqual(review);
  });

  it('reads nothing into notes citing several books, prose with numbers, or news', () => {
    const note = (n: number) => `(${n}) Ana Ruiz, The Harbor, Harbor Press, 2019, 288 pages, $25.`;
    expect(reviewedWorkGenre(`${prose}\n\n${note(1)}\n\n${note(2)}`)).toBeNull();
    const long = `${prose} The report runs to 120 pages and cost the city $40,000, officials said. ${prose} ${prose} ${prose}`;
    expect(reviewedWorkGenre(long)).toBeNull();
    expect(reviewedWorkGenre(`${prose}\n\nThe council meets again on Tuesday.`)).toBeNull();
  });
});
