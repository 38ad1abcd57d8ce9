/** analyzeQuotesAndSources: the panel's call into lib/analyze, which must never take the panel down. */
import { analyzedPage } from './helpers/pages';
import { describe, expect, it, vi } from 'vitest';
import type { AnalyzedPage } from '../../lib/extract/types';
import {
  ANALYSIS_FAILED,
  ANALYSIS_TOO_LONG,
  MAX_ANALYZED_CHARACTERS,
  analyzeQuotesAndSources,
} from '../../lib/panel-state';

vi.mock('../../lib/analyze', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/analyze')>();
  return {
    ...actual,
    analyzeArticle: (page: AnalyzedPage) => {
      if (page.article.text.includes('BOOM')) throw new Error('analysis bug');
      return actual.analyzeArticle(page);
    },
  };
});

const page = (text: string) =>
  analyzedPage({ article: { text, html: `<p>${text}</p>`, wordCount: 1, readingMinutes: 1, excerpt: '' } });

describe('analyzeQuotesAndSources', () => {
  it('gives the analysis and how long it took', () => {
    const outcome = analyzeQuotesAndSources(page('“We will not vote tonight,” Mayor Ana Ruiz said.'));
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.analysis.glance).not.toBeNull();
      expect(outcome.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('says in plain words when the analysis throws, instead of throwing', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(analyzeQuotesAndSources(page('BOOM'))).toEqual({ ok: false, message: ANALYSIS_FAILED });
  });

  it('does not run on a text too long to analyze without holding up the panel', () => {
    const long = 'word '.repeat(MAX_ANALYZED_CHARACTERS / 5 + 1);
    expect(analyzeQuotesAndSources(page(long))).toEqual({ ok: false, message: ANALYSIS_TOO_LONG });
  });
});
