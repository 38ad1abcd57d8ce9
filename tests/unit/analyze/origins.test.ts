/** Second-hand quotes say where they came from; the article's own interviews and people told do not. */
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../lib/analyze';
import { originIn } from '../../../lib/analyze/origins';
import { analyzedPage } from '../helpers/pages';

function originsOf(text: string, lang = 'en', outlet = 'The Daily Ledger') {
  const page = analyzedPage({
    lang,
    article: { text, html: `<p>${text}</p>`, wordCount: 50, readingMinutes: 1, excerpt: '' },
  });
  page.byline.outlet = { name: outlet, source: 'meta' };
  return analyzeArticle(page).quotes.map((quote) => quote.origin ?? null);
}

describe('quote origins', () => {
  it('reads English phrases that name the outlet a quote was given to', () => {
    expect(originsOf('“We will not back down,” Ana Ruiz told CNN on Sunday.')).toEqual(['CNN']);
    expect(
      originsOf('“We will not back down,” Ana Ruiz said in an interview with The New York Times.'),
    ).toEqual(['The New York Times']);
    expect(originsOf('“It is over,” Tom Bell said on CNN’s State of the Union.')).toEqual(['CNN']);
    expect(originsOf('“It is over,” Tom Bell told a local TV station, KXYZ.')).toEqual([null]);
    expect(originsOf('“It is over,” Tom Bell told KXYZ.')).toEqual(['KXYZ']);
    expect(
      originsOf('Ruiz said “the plan is dead,” according to a recording obtained by ProPublica.'),
    ).toEqual(['ProPublica']);
  });

  it('reads German and French ones, with the French contraction undone', () => {
    expect(
      originsOf('„Das ist schwierig“, sagte Eliane Steinmeyer der „Süddeutschen Zeitung“.', 'de'),
    ).toEqual(['Süddeutsche Zeitung']);
    expect(originsOf('„Wir bleiben“, sagte Eva Roth der „Frankfurter Allgemeinen Zeitung“.', 'de')).toEqual([
      'Frankfurter Allgemeine Zeitung',
    ]);
    expect(originsOf('„Wir bleiben“, sagte Eva Roth im Interview mit dem „Spiegel“.', 'de')).toEqual([
      'Spiegel',
    ]);
    expect(originsOf('« C’est difficile », a déclaré lundi Marc Henry au Monde.', 'fr')).toEqual([
      'Le Monde',
    ]);
  });

  it('says nothing for people told, the quote’s own words, or the host outlet’s own interview', () => {
    expect(originsOf('“We will not back down,” Ana Ruiz told Tom Bell on Sunday.')).toEqual([null]);
    expect(originsOf('“I told CNN everything,” Ana Ruiz said.')).toEqual([null]);
    expect(originsOf('“It is over,” Tom Bell said in an interview with his lawyer present.')).toEqual([null]);
    expect(originsOf('“It is over,” Tom Bell told The New York Times.', 'en', 'The New York Times')).toEqual([
      null,
    ]);
    expect(originIn('… told the Associated Press …', { names: ['Associated Press'] })).toBeNull();
    expect(originIn('… told the Associated Press …', { names: [] })).toBe('Associated Press');
    // The site's own name in its address, when the byline names no outlet.
    expect(originIn('… he tells Axios …', { names: [], pageUrl: 'https://www.axios.com/2019/x' })).toBeNull();
    expect(originIn('… he tells Axios …', { names: [], pageUrl: 'https://news.example.com/x' })).toBe(
      'Axios',
    );
    // A site that spells its outlet with the article, and one without it.
    expect(
      originIn('… told The Guardian …', { names: [], pageUrl: 'https://www.theguardian.com/x' }),
    ).toBeNull();
    expect(
      originIn('… told The Washington Post …', { names: [], pageUrl: 'https://www.washingtonpost.com/x' }),
    ).toBeNull();
    expect(originIn('… told The Guardian …', { names: [], pageUrl: 'https://news.example.com/x' })).toBe(
      'The Guardian',
    );
  });
});
