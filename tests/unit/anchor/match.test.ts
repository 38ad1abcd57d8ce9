/** lib/anchor/match and similarity: the string side of re-anchoring, without a DOM. */
import { describe as suite, expect, it } from 'vitest';
import {
  matchExactQuote,
  matchFuzzyQuote,
  NO_BOUNDS,
  prefixScore,
  suffixScore,
  type PageStructure,
  type QuoteToFind,
  type TextScope,
} from '../../../lib/anchor/match';
import { normalizeForMatch } from '../../../lib/anchor/normalize';
import { anchoredDistance, editsEndingAt, lostCharacters, sameFigures } from '../../../lib/anchor/similarity';

/** Text as the matcher sees it, and a scope over all of it. */
const normal = normalizeForMatch;
const whole = (text: string): TextScope => ({ start: 0, end: text.length, segments: [[0, text.length]] });
/** A page of one paragraph: no block breaks inside, every block a `p`. */
const flat: PageStructure = { isBlockBoundary: () => false, blockShapeAt: () => 'p' };

function quote(exact: string, prefix: string, suffix: string): QuoteToFind {
  return {
    exact: normal(exact),
    prefix: normal(prefix),
    suffix: normal(suffix),
    prefixBreak: null,
    suffixBreak: null,
    blockShape: 'p',
  };
}

const ORIGINAL = {
  prefix: 'figures from the transit authority. ',
  exact: 'After three hours of debate, the council approved new electric buses for the northern routes.',
  suffix: ' Critics argued that the plan was too expensive',
};
const stored = quote(ORIGINAL.exact, ORIGINAL.prefix, ORIGINAL.suffix);

suite('similarity', () => {
  it('measures context from the end next to the passage', () => {
    expect(anchoredDistance('hello world', 'hello world and more', false)).toBe(0);
    expect(anchoredDistance('hello world', 'hello big world', false)).toBe(4);
    expect(anchoredDistance('world', 'a whole world', true)).toBe(0);
    // Past the cutoff it only says so.
    expect(anchoredDistance('aaaaaaaa', 'zzzzzzzz', false, 2)).toBe(3);
  });

  it('gives edit distances for every end position at once', () => {
    expect([...editsEndingAt('abc', 'xxabcx')]).toEqual([3, 3, 3, 2, 1, 0, 1]);
  });

  it('tells a typo fix and inserted words from a replaced word', () => {
    expect(lostCharacters('too expensvie', 'too expensive')).toBe(1);
    expect(lostCharacters('the plan was risky', 'the plan was really quite risky')).toBe(0);
    expect(lostCharacters('the plan was premature', 'the plan was risky')).toBeGreaterThanOrEqual(6);
  });

  it('compares figures', () => {
    expect(sameFigures('$14.2 million in 2019', 'in all $14.2 million in 2019')).toBe(true);
    expect(sameFigures('$14.2 million', '$14.7 million')).toBe(false);
    expect(sameFigures('12 buses', '12 buses and 3 trams')).toBe(false);
  });

  it('scores context on each side, with an insertion next to the passage costing only its length', () => {
    const text = normal(`${ORIGINAL.prefix}${ORIGINAL.exact}${ORIGINAL.suffix}`);
    const start = text.indexOf(stored.exact);
    expect(prefixScore(text, whole(text), start, stored.prefix)).toBe(1);
    expect(suffixScore(text, whole(text), start + stored.exact.length, stored.suffix)).toBe(1);
    const inserted = normal(`${ORIGINAL.prefix}Indeed, ${ORIGINAL.exact}${ORIGINAL.suffix}`);
    const at = inserted.indexOf(stored.exact);
    // "Indeed," is 7 characters of the prefix's 31.
    expect(stored.prefix.length).toBe(31);
    expect(prefixScore(inserted, whole(inserted), at, stored.prefix)).toBeCloseTo(1 - 7 / 31, 5);
  });
});

suite('matchFuzzyQuote', () => {
  it('finds the passage with words inserted near its end, boundaries spanning them', () => {
    const edited = `${ORIGINAL.prefix}After three hours of debate, the council approved new electric buses for the northern and eastern routes.${ORIGINAL.suffix}`;
    const text = normal(edited);
    const match = matchFuzzyQuote(text, whole(text), stored, 0, NO_BOUNDS, flat);
    expect(match).not.toBeNull();
    expect(text.slice(match!.start, match!.end)).toBe(
      normal(
        'After three hours of debate, the council approved new electric buses for the northern and eastern routes.',
      ),
    );
    expect(match!.prefixScore).toBe(1);
    expect(match!.suffixScore).toBe(1);
  });

  it('follows a word replaced in place, where both sides of context are unchanged', () => {
    const text = normal(
      `${ORIGINAL.prefix}After three hours of debate, the council rejected new electric buses for the northern routes.${ORIGINAL.suffix}`,
    );
    const match = matchFuzzyQuote(text, whole(text), stored, 0, NO_BOUNDS, flat);
    expect(match && text.slice(match.start, match.end)).toBe(
      normal('After three hours of debate, the council rejected new electric buses for the northern routes.'),
    );
  });

  it('rejects a near-duplicate with a word replaced when only one side of its context is the same', () => {
    const text = normal(
      `${ORIGINAL.prefix}After three hours of debate, the council rejected new electric buses for the northern routes. Supporters said the vote was close and would be held again`,
    );
    expect(matchFuzzyQuote(text, whole(text), stored, 0, NO_BOUNDS, flat)).toBeNull();
  });

  it('orphans a passage with two equally good places', () => {
    const edited = `${ORIGINAL.prefix}After three hours of long debate, the council approved new electric buses for the northern routes.${ORIGINAL.suffix}`;
    const text = normal(`${edited} Meanwhile, elsewhere in the story: ${edited}`);
    expect(matchFuzzyQuote(text, whole(text), stored, 0, NO_BOUNDS, flat)).toBeNull();
    // One of them alone is found.
    const once = normal(edited);
    expect(matchFuzzyQuote(once, whole(once), stored, 0, NO_BOUNDS, flat)).not.toBeNull();
  });

  it('does not search short quotes approximately', () => {
    const short = quote('late buses', 'complained for years about ', ' and rising fares.');
    const text = normal('Residents complained for years about late busses and rising fares.');
    expect(matchFuzzyQuote(text, whole(text), short, 0, NO_BOUNDS, flat)).toBeNull();
  });
});

suite('matchExactQuote (weak evidence)', () => {
  const text = normal(
    `Something first. ${ORIGINAL.exact} A sentence inserted after it. Much later in the story, again: ${ORIGINAL.exact}${ORIGINAL.suffix}`,
  );

  it('takes an occurrence with one side of context unchanged, within the order bounds', () => {
    const second = text.lastIndexOf(stored.exact);
    expect(matchExactQuote(text, whole(text), stored, 0, NO_BOUNDS, flat)?.start).toBe(second);
    // Outside the bounds the landmarks set, it is not taken.
    expect(matchExactQuote(text, whole(text), stored, 0, { after: 0, before: second - 1 }, flat)).toBeNull();
  });

  it('needs the same kind of block', () => {
    const pullQuote: PageStructure = { isBlockBoundary: () => false, blockShapeAt: () => 'aside/p' };
    expect(matchExactQuote(text, whole(text), stored, 0, NO_BOUNDS, pullQuote)).toBeNull();
  });
});
