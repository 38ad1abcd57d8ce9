/**
 * The labeled pages in tests/fixtures/pages (format: shared fixtures README), the seed page among them,
 * through the whole extraction: byline, title and body, scored the way the evaluation scores them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract';
import type { AnalyzedPage } from '../../../lib/extract/types';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');

interface Gold {
  file: string;
  url: string;
  title: string;
  authors: string[];
  outlet: string;
  published: string | null;
  modified?: string | null;
  wire?: string | null;
  contributors?: string[];
  /** The kind of piece; null for a page that is no article. */
  genre?: string | null;
  bodyMustContain: string[];
  bodyMustNotContain: string[];
}

function analyze(gold: Gold): AnalyzedPage {
  const html = readFileSync(join(PAGES, gold.file), 'utf8');
  const dom = new JSDOM(html, { url: gold.url, virtualConsole: new VirtualConsole() });
  return extractArticle(dom.window.document, {
    url: gold.url,
    window: dom.window as unknown as Window,
    documentIsCopy: true,
  });
}

const collapse = (text: string) => text.replace(/[\s\u00A0\u202F]+/g, ' ').trim();

const golds = readdirSync(PAGES)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => JSON.parse(readFileSync(join(PAGES, name), 'utf8')) as Gold);

describe.each(golds)('$file', (gold) => {
  const page = analyze(gold);

  it('byline: authors, outlet, dates, wire and contributors', () => {
    expect(page.byline.authors.map((author) => author.name)).toEqual(gold.authors);
    expect(page.byline.outlet?.name).toContain(gold.outlet);
    expect(page.byline.published?.slice(0, 10) ?? null).toBe(gold.published);
    if (gold.modified !== undefined) expect(page.byline.modified?.slice(0, 10) ?? null).toBe(gold.modified);
    if (gold.wire !== undefined) expect(page.byline.wire).toBe(gold.wire);
    if (gold.contributors !== undefined) expect(page.byline.contributors).toEqual(gold.contributors);
    if (gold.genre !== undefined) expect(page.byline.genre ?? null).toBe(gold.genre);
  });

  it('every byline field says where it came from', () => {
    for (const author of page.byline.authors)
      expect(author.source).toMatch(/^(?:jsonld|meta|byline|text|url)$/);
    if (page.byline.outlet) expect(page.byline.outlet.source).toMatch(/^(?:jsonld|meta|byline)$/);
    if (page.byline.published) expect(page.byline.publishedSource).not.toBeNull();
    if (page.byline.modified) expect(page.byline.modifiedSource).not.toBeNull();
    // The clues are for the extension side only; the finished page does not carry them.
    expect(page.byline.evidence).toBeUndefined();
  });

  it('the visible headline', () => {
    expect(page.title).toBe(gold.title);
  });

  it('the body keeps the article and leaves the boilerplate out', () => {
    const text = collapse(page.article.text);
    for (const fragment of gold.bodyMustContain) expect(text).toContain(collapse(fragment));
    for (const fragment of gold.bodyMustNotContain) expect(text).not.toContain(collapse(fragment));
  });
});

describe('the seed page (western-journal-taliban)', () => {
  const gold = golds.find((g) => g.file === 'western-journal-taliban.html')!;
  const page = analyze(gold);

  it('reads the author from JSON-LD, with his profile page', () => {
    expect(page.byline.authors).toHaveLength(1);
    expect(page.byline.authors[0]).toMatchObject({ name: 'Jack Davis' });
    expect(['jsonld', 'meta', 'byline']).toContain(page.byline.authors[0]!.source);
  });

  it('keeps the page own offset on the publication time', () => {
    expect(page.byline.published).toMatch(/^2021-07-17T10:51:00-04:00$/);
  });

  it('removes the author bio, the correction box and the advertising box, which Readability keeps', () => {
    expect(page.article.text).not.toContain('Jack Davis is a freelance writer');
    expect(page.article.text).not.toContain('Submit a Correction');
    expect(page.article.text).not.toContain('Advertise with The Western Journal');
  });
});
