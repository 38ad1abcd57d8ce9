/**
 * The analysis over the labeled pages in tests/fixtures/pages (format: shared fixtures README), scored
 * the way the evaluation scores them: every gold quote found with its speaker, nothing extra, and the
 * named sources found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { withAnalysis } from '../../../lib/analyze';
import { extractArticle } from '../../../lib/extract';
import { matchQuotes, normalizeForMatch, sourceNameMatches } from '../../../scripts/eval/scoring';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');

interface Gold {
  file: string;
  url: string;
  quotes: { text: string; speaker: string | null; aliases?: string[]; anonymous?: boolean }[];
  sources: { name: string; aliases?: string[]; kind: string }[];
}

const golds = readdirSync(PAGES)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => JSON.parse(readFileSync(join(PAGES, name), 'utf8')) as Gold)
  .filter((gold) => Array.isArray(gold.quotes));

function analyze(gold: Gold) {
  const dom = new JSDOM(readFileSync(join(PAGES, gold.file), 'utf8'), {
    url: gold.url,
    virtualConsole: new VirtualConsole(),
  });
  const window = dom.window as unknown as Window;
  return withAnalysis(extractArticle(dom.window.document, { url: gold.url, window, documentIsCopy: true }));
}

describe.each(golds)('$file', (gold) => {
  const page = analyze(gold);

  it('finds every quote once, and nothing else', () => {
    const matches = matchQuotes(
      gold.quotes.map((quote) => quote.text),
      page.quotes.map((quote) => quote.text),
    );
    expect(page.quotes.map((quote) => quote.text)).toHaveLength(gold.quotes.length);
    expect(matches).toHaveLength(gold.quotes.length);
  });

  it('gives each quote its speaker', () => {
    const matches = matchQuotes(
      gold.quotes.map((quote) => quote.text),
      page.quotes.map((quote) => quote.text),
    );
    for (const [goldIndex, predictedIndex] of matches) {
      const expected = gold.quotes[goldIndex]!;
      const got = page.quotes[predictedIndex]!;
      if (expected.speaker === null) {
        expect(got.speaker).toBeNull();
        continue;
      }
      if (expected.anonymous) {
        expect(got.anonymous).toBe(true);
        continue;
      }
      const names = [expected.speaker, ...(expected.aliases ?? [])].map(normalizeForMatch);
      expect(
        names.some((name) => normalizeForMatch(got.speaker ?? '').includes(name)),
        `${got.speaker} for “${got.text}”`,
      ).toBe(true);
    }
  });

  it('lists its named sources, and each place it names them points into the text', () => {
    const named = gold.sources.filter((source) => source.kind !== 'anonymous');
    const found = named.filter((source) =>
      page.sources.some((predicted) =>
        sourceNameMatches(predicted.name, [source.name, ...(source.aliases ?? [])]),
      ),
    );
    if (named.length > 0) expect(found.length / named.length).toBeGreaterThanOrEqual(0.75);
    for (const source of page.sources)
      for (const place of source.places) {
        expect(place.start).toBeGreaterThanOrEqual(0);
        expect(page.article.text.slice(place.start, place.end)).toBe(place.selector.exact);
      }
  });
});

describe('the seed page', () => {
  const seed = golds.find((gold) => gold.file === 'western-journal-taliban.html')!;
  const page = analyze(seed);

  it('gives all six quotes to Hibatullah Akhundzada, through “the message” and “the statement”', () => {
    expect(page.quotes).toHaveLength(6);
    expect(new Set(page.quotes.map((quote) => quote.speaker))).toEqual(new Set(['Hibatullah Akhundzada']));
    expect(new Set(page.quotes.map((quote) => quote.speakerMention))).toEqual(
      new Set(['the message', 'the statement']),
    );
  });

  it('counts at a glance what the panel shows', () => {
    expect(page.glance).toMatchObject({ quotes: 6, speakers: 1, unattributedQuotes: 0, anonymousSources: 0 });
    expect(page.glance!.quotedShare).toBeGreaterThan(0.2);
    expect(page.glance!.quotedShare).toBeLessThan(0.6);
  });
});
