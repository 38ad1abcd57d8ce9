import { describe, expect, it } from 'vitest';
import {
  goldRates,
  predictedGenre,
  scoreGoldPage,
  speakerIsRight,
  sumGoldScores,
  validateGold,
  type GoldPage,
  type ScoredPage,
} from '../../../scripts/eval/sets';

const gold: GoldPage = {
  file: 'corpus/page.html.gz',
  url: 'https://news.example/story',
  title: 'Council votes on the harbor',
  authors: ['Jane Doe'],
  outlet: 'Harbor Times',
  published: '2024-03-05',
  modified: null,
  lang: 'en',
  genre: 'news',
  quotes: [
    { text: 'We will not pay twice.', speaker: 'Ana Ruiz', aliases: ['Ruiz', 'the mayor'], anonymous: false },
    { text: 'The vote was rushed.', speaker: 'a senior official', anonymous: true },
    { text: 'Nobody asked us.', speaker: 'Tom Lee', aliases: ['Lee'], anonymous: false },
    { text: 'It is what it is.', speaker: null, anonymous: false },
  ],
  sources: [
    { name: 'Ana Ruiz', aliases: ['Ruiz'], kind: 'official' },
    { name: 'Tom Lee', kind: 'person' },
    { name: 'a senior official', kind: 'anonymous' },
  ],
  anonymousSourceCount: 1,
  bodyMustContain: ['The council met on Tuesday.'],
  bodyMustNotContain: ['Subscribe now'],
};

function page(overrides: Partial<ScoredPage> = {}): ScoredPage {
  return {
    title: 'Council votes on the harbor',
    authors: ['Jane Doe'],
    outlet: 'The Harbor Times',
    published: '2024-03-05T10:00:00-05:00',
    modified: null,
    wire: null,
    contributors: [],
    text: 'The council met on Tuesday.\n\nMore text.',
    quotes: [
      { text: 'We will not pay twice', speaker: 'Ana Ruiz', anonymous: false },
      { text: 'The vote was rushed.', speaker: 'a senior official', anonymous: true },
      { text: 'Nobody asked us.', speaker: 'Ana Ruiz', anonymous: false },
      { text: 'It is what it is.', speaker: 'Ana Ruiz', anonymous: false },
      { text: 'An extra quote nobody labelled', speaker: null, anonymous: false },
    ],
    sources: [
      { name: 'Ana Ruiz', kind: 'official' },
      { name: 'Harbor Authority', kind: 'organization' },
      { name: 'https://example.org', kind: 'link' },
    ],
    ...overrides,
  };
}

describe('one page against its gold (fixtures README rules)', () => {
  it('counts quotes, right speakers and wrong named speakers on matched quotes', () => {
    const { quotes } = scoreGoldPage(gold, page());
    expect(quotes).toEqual({
      gold: 4,
      predicted: 5,
      matched: 4,
      // Ruiz and the anonymous official are right; Lee's quote got Ruiz; the fourth has no gold speaker.
      speakerTotal: 3,
      speakerRight: 2,
      // Ruiz on Lee's quote, and a name on the quote the gold leaves unattributed.
      wrongSpeaker: 2,
    });
  });

  it('does not count a quote left without a speaker, or marked anonymous, as a wrong speaker', () => {
    const { quotes } = scoreGoldPage(
      gold,
      page({
        quotes: [
          { text: 'Nobody asked us.', speaker: null, anonymous: false },
          { text: 'It is what it is.', speaker: 'a resident', anonymous: true },
        ],
      }),
    );
    expect(quotes.matched).toBe(2);
    expect(quotes.speakerRight).toBe(0);
    expect(quotes.wrongSpeaker).toBe(0);
  });

  it('scores named sources by name or alias, leaving anonymous gold and link predictions out', () => {
    expect(scoreGoldPage(gold, page()).sources).toEqual({
      gold: 2,
      found: 1,
      predicted: 2,
      predictedRight: 1,
    });
  });

  it('checks the byline fields the gold labels, and genre only when the prediction has one', () => {
    const withoutGenre = scoreGoldPage(gold, page());
    expect(withoutGenre.fields.authors).toEqual({ expected: true, answered: true, correct: true });
    expect(withoutGenre.fields.outlet?.correct).toBe(true);
    expect(withoutGenre.fields.published?.correct).toBe(true);
    expect(withoutGenre.fields.genre).toBeUndefined();
    expect(scoreGoldPage(gold, page({ genre: 'opinion' })).fields.genre).toEqual({
      expected: true,
      answered: true,
      correct: false,
    });
    expect(scoreGoldPage(gold, page({ genre: 'news' })).fields.genre?.correct).toBe(true);
  });

  it('counts every labelled field as wrong when the pipeline failed on the page', () => {
    const score = scoreGoldPage(gold, null);
    expect(score.fields.authors?.correct).toBe(false);
    expect(score.quotes.matched).toBe(0);
    expect(score.body).toEqual({ contain: 0, containTotal: 1, avoid: 1, avoidTotal: 1 });
  });

  it('reports each miss', () => {
    const misses: string[] = [];
    scoreGoldPage(gold, page({ authors: ['John Roe'] }), (what) => misses.push(what));
    expect(misses).toContain('authors');
    expect(misses).toContain('speaker of "Nobody asked us."');
    expect(misses).toContain('source (person)');
  });
});

describe('speakers', () => {
  it('takes a predicted speaker that contains the gold name or an alias', () => {
    const quote = { text: 'x', speaker: 'Ana Ruiz', aliases: ['the mayor'], anonymous: false };
    expect(speakerIsRight(quote, { speaker: 'Mayor Ana Ruiz' })).toBe(true);
    expect(speakerIsRight(quote, { speaker: 'The Mayor' })).toBe(true);
    expect(speakerIsRight(quote, { speaker: 'Tom Lee' })).toBe(false);
    expect(speakerIsRight(quote, { speaker: null })).toBe(false);
  });

  it('reads “contains” word for word: a short alias inside a wrong name’s letters does not count', () => {
    const quote = { text: 'x', speaker: 'Tim Anderson', aliases: ['I', 'he'], anonymous: false };
    expect(speakerIsRight(quote, { speaker: 'My Hairspray' })).toBe(false);
    expect(speakerIsRight(quote, { speaker: 'Stephen King' })).toBe(false);
    expect(speakerIsRight(quote, { speaker: 'Author Tim Anderson' })).toBe(true);
    expect(speakerIsRight(quote, { speaker: 'I' })).toBe(true);
  });

  it('reads no article before a proper name as part of it, but keeps it before a common noun', () => {
    const quote = {
      text: 'x',
      speaker: 'Chinese Center for Disease Control',
      aliases: ['the Chinese CDC', 'the mayor'],
      anonymous: false,
    };
    expect(speakerIsRight(quote, { speaker: 'Chinese CDC' })).toBe(true);
    expect(speakerIsRight(quote, { speaker: 'Mayor Tom Lee' })).toBe(false);
  });
});

describe('summing pages', () => {
  it('adds counts and turns field checks into tallies; rates come from the sums', () => {
    const totals = sumGoldScores([scoreGoldPage(gold, page()), scoreGoldPage(gold, null)]);
    expect(totals.pages).toBe(2);
    expect(totals.fields.authors).toMatchObject({ total: 2, correct: 1 });
    expect(totals.fields.genre.total).toBe(0);
    expect(totals.quotes).toMatchObject({ gold: 8, predicted: 5, matched: 4, wrongSpeaker: 2 });
    const rates = goldRates(totals);
    expect(rates.quotes.precision).toBeCloseTo(4 / 5);
    expect(rates.quotes.recall).toBeCloseTo(4 / 8);
    expect(rates.speakerAccuracy).toBeCloseTo(2 / 3);
    expect(rates.wrongSpeakerRate).toBeCloseTo(2 / 4);
    expect(rates.sources.recall).toBeCloseTo(1 / 4);
  });
});

describe('predicted genre', () => {
  it('reads genre from the page, else from its byline, else gives null', () => {
    expect(predictedGenre({ genre: 'review' })).toBe('review');
    expect(predictedGenre({ byline: { genre: 'opinion' } })).toBe('opinion');
    expect(predictedGenre({ genre: null, byline: {} })).toBeNull();
    expect(predictedGenre(null)).toBeNull();
  });
});

describe('gold file checks', () => {
  it('accepts a complete gold page', () => {
    expect(validateGold(gold, true)).toEqual([]);
  });

  it('names what is wrong', () => {
    const broken = {
      ...gold,
      genre: 'Opinion',
      published: '5 March 2024',
      quotes: [{ text: '', speaker: 'X', anonymous: 'no' }],
      sources: [{ name: 'Y', kind: 'expert' }],
    };
    expect(validateGold(broken, true)).toEqual([
      'published must be YYYY-MM-DD or null',
      'genre must be one of news, opinion, analysis, review, sponsored',
      'quotes[0].text is missing',
      'quotes[0].anonymous must be true or false',
      'sources[0].kind must be one of wire, news-outlet, official, organization, person, document, study, social, anonymous, link',
      'anonymousSourceCount must equal the 0 sources of kind anonymous',
    ]);
    expect(validateGold({ ...gold, genre: undefined }, true)).toEqual([
      'genre must be one of news, opinion, analysis, review, sponsored',
    ]);
    expect(validateGold([])).toEqual(['not a JSON object']);
  });
});
