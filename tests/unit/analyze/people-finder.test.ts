/**
 * The name finder is a stage of its own that another can stand in for (scripts/eval/people-finders.ts
 * measures compromise against it): the analysis resolves surnames through whichever finder it is given.
 */
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../lib/analyze';
import { analyzedPage } from '../helpers/pages';

const text =
  'Ana Ruiz, the city’s budget director, spoke at the hearing on Monday. “We cannot pay for this,” Ruiz said.';
const page = analyzedPage({
  article: { text, html: `<p>${text}</p>`, wordCount: 20, readingMinutes: 1, excerpt: '' },
});

describe('the name finder of the analysis', () => {
  it('is lib/analyze’s own unless another is given', () => {
    expect(analyzeArticle(page).quotes.map((quote) => quote.speaker)).toEqual(['Ana Ruiz']);
  });

  it('is the one given: a finder that finds nobody leaves the surname unresolved', () => {
    const speakers = analyzeArticle(page, { findPeople: () => [] }).quotes.map((quote) => quote.speaker);
    expect(speakers).toEqual(['Ruiz']);
  });
});
