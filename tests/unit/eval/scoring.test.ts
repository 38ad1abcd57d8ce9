import { describe, expect, it } from 'vitest';
import {
  authorSet,
  macroPrecisionRecall,
  matchQuotes,
  sameInstantOrDay,
  shingleMatch,
  tokenize,
} from '../../../scripts/eval/scoring';

describe('body shingles (article-extraction-benchmark rules)', () => {
  it('tokenizes on Unicode letters and digits, like Python \\w+', () => {
    expect(tokenize('Über 3 Brücken — l’été, naïve_x!')).toEqual([
      'Über',
      '3',
      'Brücken',
      'l',
      'été',
      'naïve_x',
    ]);
  });

  it('counts 4-token shingles as a multiset', () => {
    expect(shingleMatch('a b c d e', 'a b c d e')).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(shingleMatch('a b c d e', 'a b c d')).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(shingleMatch('a b c d', 'a b c d a b c d')).toEqual({ tp: 1, fp: 4, fn: 0 });
    // Shorter than four tokens: one shingle of all of them.
    expect(shingleMatch('a b', 'a b')).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('averages precision and recall over pages, then takes F1 of the means', () => {
    const score = macroPrecisionRecall([
      { tp: 1, fp: 1, fn: 0 },
      { tp: 0, fp: 0, fn: 3 },
    ]);
    expect(score.precision).toBeCloseTo(0.25);
    expect(score.recall).toBeCloseTo(0.5);
    expect(score.f1).toBeCloseTo(1 / 3);
  });
});

describe('authors and dates (Postlight rules)', () => {
  it('splits a gold string into normalised names', () => {
    expect(authorSet('By JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL')).toEqual(
      new Set(['josh haskell', 'david caplan', 'patrick reevell']),
    );
    expect(authorSet('Nathan\\xa0Tempey')).toEqual(new Set(['nathan tempey']));
    expect(authorSet(null)).toEqual(new Set());
  });

  it('matches an instant within a minute, a day-only date with a day of slack', () => {
    expect(sameInstantOrDay('2016-12-09T09:13:00.000Z', '2016-12-09T04:13:00-05:00', false)).toBe(true);
    expect(sameInstantOrDay('2016-12-09T09:13:00.000Z', '2016-12-09T10:13:00Z', false)).toBe(false);
    expect(sameInstantOrDay('2016-12-12', '2016-12-13T01:00:00Z', true)).toBe(true);
    expect(sameInstantOrDay('2016-12-12', '2016-12-14', true)).toBe(false);
  });
});

describe('quotes (fixtures README rules)', () => {
  it('matches one to one, best first', () => {
    expect(
      matchQuotes(['We will not pay twice.', 'No.'], ['we will not pay twice', 'Something else']),
    ).toEqual([[0, 0]]);
  });
});
