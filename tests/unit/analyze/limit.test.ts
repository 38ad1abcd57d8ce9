/**
 * One limit on analysed text, applied by analyzeArticle itself, so the CLI (through withAnalysis) keeps
 * to it as the panel does (finding 8: the CLI spent minutes on texts the panel refused).
 */
import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_FAILED_WARNING,
  analyzeArticle,
  MAX_ANALYZED_CHARACTERS,
  TextTooLongError,
  withAnalysis,
} from '../../../lib/analyze';
import { MAX_ANALYZED_CHARACTERS as PANEL_LIMIT } from '../../../lib/panel-state';
import { analyzedPage } from '../helpers/pages';

const page = (text: string) =>
  analyzedPage({ article: { text, html: `<p>${text}</p>`, wordCount: 1, readingMinutes: 1, excerpt: '' } });

describe('the analysed-text limit', () => {
  const tooLong = `“Unclosed ${'and on '.repeat(MAX_ANALYZED_CHARACTERS / 7)}`;

  it('is one limit, shared by the panel', () => {
    expect(PANEL_LIMIT).toBe(MAX_ANALYZED_CHARACTERS);
  });

  it('analyzeArticle refuses a longer text before doing any work', () => {
    expect(tooLong.length).toBeGreaterThan(MAX_ANALYZED_CHARACTERS);
    expect(() => analyzeArticle(page(tooLong))).toThrow(TextTooLongError);
    const atTheLimit = tooLong.slice(0, MAX_ANALYZED_CHARACTERS);
    expect(analyzeArticle(page(atTheLimit)).quotes).toEqual([]);
  });

  it('withAnalysis (the CLI’s call) keeps to it and says so in plain words', () => {
    const analysed = withAnalysis(page(tooLong));
    expect(analysed.quotes).toEqual([]);
    expect(analysed.glance).toBeNull();
    expect(analysed.warnings).toEqual([
      `This text is too long for Scrutiny to look for quotes and sources in it (${tooLong.length.toLocaleString('en')} characters; the limit is 200,000).`,
    ]);
  });

  it('a caller may lift it, for measuring', () => {
    expect(() => analyzeArticle(page(tooLong), { maxCharacters: Number.POSITIVE_INFINITY })).not.toThrow();
  });

  it('withAnalysis never shows an error’s own message', () => {
    const broken = page('text');
    (broken.article as { text: unknown }).text = { length: 3 };
    expect(withAnalysis(broken).warnings).toEqual([ANALYSIS_FAILED_WARNING]);
  });
});
