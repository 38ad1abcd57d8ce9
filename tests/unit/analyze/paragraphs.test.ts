import { describe, expect, it } from 'vitest';
import { sentenceEnd, sentenceStart } from '../../../lib/analyze/paragraphs';

describe('sentence bounds: a full stop in brackets', () => {
  const text =
    'The vote was close. Sen. Ben Sasse (R-Neb.) said it was a crisis. He left (at 5 p.m.). Then we ate.';

  it('ends no sentence before a word in lower case', () => {
    const said = text.indexOf('said');
    expect(text.slice(sentenceStart(text, said))).toMatch(/^Sen\. Ben Sasse/);
    expect(text.slice(0, sentenceEnd(text, text.indexOf('Sen.')))).toMatch(/a crisis\.$/);
  });

  it('still ends one before a capital', () => {
    const then = text.indexOf('Then');
    expect(text.slice(sentenceStart(text, then))).toMatch(/^Then we ate/);
    expect(text.slice(0, sentenceEnd(text, text.indexOf('He left')))).toMatch(/p\.m\.\)\.$/);
  });
});
