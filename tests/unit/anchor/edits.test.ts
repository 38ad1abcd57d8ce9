/**
 * scripts/anchoring-edits: the edit generator behind the re-anchoring benchmark, run small under jsdom.
 * Its ground truth is checked against lib/anchor's own reading of the pages, and the run must attach
 * no note to a wrong passage.
 */
import { JSDOM } from 'jsdom';
import { describe as suite, expect, it } from 'vitest';
import {
  countOutcomes,
  editArticle,
  generateArticle,
  GONE_FATES,
  inProcessDriver,
  judge,
  pickHighlights,
  Random,
  renderPage,
  runEditCases,
  truePlace,
} from '../../../scripts/anchoring-edits';
import { readVisibleText } from '../../../lib/anchor/text';

const parse = (html: string) => new JSDOM(html).window.document;

suite('edit generator', () => {
  it('is deterministic: the same seed gives the same article, highlights and edits', () => {
    const run = () => {
      const random = new Random(7);
      const article = generateArticle(random, { words: 600 });
      const highlights = pickHighlights(random, article, 8);
      return renderPage(editArticle(random, article, highlights, { editsElsewhere: 4 })).html;
    };
    expect(run()).toBe(run());
    expect(new Random(1).next()).not.toBe(new Random(2).next());
  });

  it('knows where every word is in the page text as lib/anchor reads it', () => {
    const random = new Random(11);
    const article = generateArticle(random, { words: 800 });
    const highlights = pickHighlights(random, article, 10);
    for (const model of [article, editArticle(random, article, highlights, { editsElsewhere: 6 })]) {
      const rendered = renderPage(model);
      expect(readVisibleText(parse(rendered.html).body).text).toBe(rendered.text);
    }
    const before = renderPage(article);
    for (const highlight of highlights) expect(truePlace(before, highlight)).not.toBeNull();
    // A passage whose fate removes it has no true place afterwards.
    const after = renderPage(editArticle(new Random(11), article, highlights, { editsElsewhere: 0 }));
    for (const highlight of highlights.filter((h) => GONE_FATES.has(h.fate))) {
      expect(truePlace(after, highlight)).toBeNull();
    }
  });

  it('judges outcomes by overlap with the true place', () => {
    const found = { start: 100, end: 160, method: 'quote' as const, score: 1, inArticle: true };
    expect(judge([100, 160], found)).toBe('correct');
    expect(judge([90, 170], found)).toBe('correct');
    expect(judge([150, 260], found)).toBe('wrong');
    expect(judge(null, found)).toBe('wrong');
    expect(judge(null, null)).toBe('orphaned');
    expect(judge([100, 160], null)).toBe('lost');
  });

  it('re-anchors a small run under jsdom without attaching any note to a wrong passage', async () => {
    const results = await runEditCases(inProcessDriver(parse), {
      seed: 99,
      articles: 3,
      wordsPerArticle: 1200,
      highlightsPerArticle: 20,
      editsElsewhere: 8,
    });
    const counts = countOutcomes(results);
    expect(counts.cases).toBe(60);
    expect(counts.wrong).toBe(0);
    expect(counts.orphaned).toBe(counts.gone);
    expect(counts.correct).toBeGreaterThan(0.6 * counts.present);
  });
});
