import { describe, expect, it } from 'vitest';
import { cueLexicon, findCues } from '../../../lib/analyze/cues';
import {
  findWords,
  isSpace,
  matchesAtCapitals,
  matchesBeforeAnchors,
  mayBeLetter,
  wordKey,
} from '../../../lib/analyze/words';

const TRICKY = [
  'Mayor Ana Ruiz’s plan, O’Brien said: “a-t-il ajouté”, dit-il.',
  'The iPhone and McDonald’s; al-Assad met Ursula von der Leyen.',
  'Math 𝐀𝐁c and 𝐀 alone, ǅemal, Hawaiʻi, ΣΑΣ, İstanbul, \uD800 lone, 3rd-place, -start end-',
  'Über Äpfel\n\nÉlise  Moreau\u00A0a dit « non ».',
  '',
];

const regexWords = (text: string) =>
  [...text.matchAll(/[\p{L}'’-]+/gu)].map((match) => [match.index, match.index + match[0].length]);

const spans = (matches: RegExpExecArray[] | RegExpMatchArray[]) =>
  matches.map((match) => [match.index, match[0]]);

describe('findWords', () => {
  it.each(TRICKY)('finds the words and capitals the regexes find: %j', (text) => {
    const words = findWords(text);
    expect(words.starts.map((start, i) => [start, words.ends[i]])).toEqual(regexWords(text));
    expect(words.capitals).toEqual([...text.matchAll(/\p{Lu}/gu)].map((match) => match.index));
  });
});

describe('word keys', () => {
  it('gives equal keys to words equal in lowercase, and none to hyphenated words or "İ"', () => {
    const text = 'said Said SAID says dit-il İzmir Izmir ǅemal 𝐀bc';
    const words = findWords(text);
    const keyOf = (word: string) => words.keys[words.starts.indexOf(text.indexOf(word))];
    expect(keyOf('Said')).toBe(keyOf('said'));
    expect(keyOf('SAID')).toBe(keyOf('said'));
    expect(keyOf('says')).not.toBe(keyOf('said'));
    expect(keyOf('said')).toBe(wordKey('said'));
    expect(keyOf('Izmir')).toBeGreaterThanOrEqual(0);
    expect([keyOf('dit-il'), keyOf('İzmir'), keyOf('𝐀bc')]).toEqual([-1, -1, -1]);
    expect(wordKey('two words')).toBe(-1);
  });
});

describe('character tests', () => {
  const codeUnits = Array.from({ length: 0x10000 }, (_, code) => code);
  const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

  it('isSpace reads every code unit as /\\s/ does', () => {
    const wrong = codeUnits.filter((code) => isSpace(code) !== /\s/.test(String.fromCharCode(code)));
    expect(wrong).toEqual([]);
  });

  it('mayBeLetter accepts every letter and both halves of surrogate pairs, and nothing else', () => {
    const wrong = codeUnits.filter(
      (code) => mayBeLetter(code) !== (isSurrogate(code) || /\p{L}/u.test(String.fromCharCode(code))),
    );
    expect(wrong).toEqual([]);
  });
});

describe('matching at capitals', () => {
  const NAMES = /\p{Lu}[\p{Ll}'’-]*(?:[^\S\n]+\p{Lu}[\p{Ll}'’-]*)+/uy;
  const OUTLET = /\b(?:[A-Z][\p{L}'’&-]*\s+){1,3}(?:Times|Post|Daily)\b/uy;
  const OUTLET_ANCHOR = /\s(?=(?:Times|Post|Daily)\b)/g;
  const inOutletName = (code: number) =>
    isSpace(code) || mayBeLetter(code) || code === 0x27 || code === 0x2019 || code === 0x26 || code === 0x2d;
  const texts = [
    ...TRICKY,
    'The New York Times Post, the Tampa Bay Times and A&M Daily; iPhone Times, Ana Ruiz, ANA Ruiz.\nBen Post',
    'Reported by the 𝐀lpha Times and Harbor City\nDaily: “the Post” said Times Square Daily Post Times.',
  ];

  it.each(texts)('matchesAtCapitals finds what a global scan finds: %j', (text) => {
    const global = new RegExp(NAMES.source, 'gu');
    expect(spans(matchesAtCapitals(text, NAMES, findWords(text)))).toEqual(spans([...text.matchAll(global)]));
  });

  it('finds outlets from their last word', () => {
    const text = texts.at(-2)!;
    const found = matchesBeforeAnchors(text, OUTLET, OUTLET_ANCHOR, inOutletName, findWords(text));
    expect(found.map((match) => match[0])).toEqual([
      'The New York Times',
      'Tampa Bay Times',
      'A&M Daily',
      'Ben Post',
    ]);
  });

  it.each(texts)('matchesBeforeAnchors finds what a global scan finds: %j', (text) => {
    const global = new RegExp(OUTLET.source, 'gu');
    const found = matchesBeforeAnchors(text, OUTLET, OUTLET_ANCHOR, inOutletName, findWords(text));
    expect(spans(found)).toEqual(spans([...text.matchAll(global)]));
  });
});

describe('findCues', () => {
  it('finds the same cues in a text whose lowercase is longer ("İ")', () => {
    const lexicon = cueLexicon('en');
    const cues = (text: string) => findCues(text, lexicon).map((cue) => cue.text);
    expect(cues('In Izmir, the mayor said, and Ana told reporters.')).toEqual(['said', 'told reporters']);
    expect(cues('In İzmir, the mayor said, and Ana told reporters.')).toEqual(['said', 'told reporters']);
  });
});
