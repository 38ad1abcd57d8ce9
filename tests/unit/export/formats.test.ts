/**
 * Markdown, CSV and the citation formats against golden files (tests/unit/export/golden/*.golden, a
 * suffix Prettier leaves alone; rewrite them with UPDATE_GOLDEN=1 after a deliberate change and read
 * the diff), each citation file read back by a
 * reader written here, CSV injection, the W3C model's required fields, and exportFiles' batching,
 * progress and cancelling.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportFiles, fileBytes } from '../../../lib/export';
import { csvCell } from '../../../lib/export/csv';
import { splitPersonName } from '../../../lib/export/names';
import type { ExportFormat } from '../../../lib/export/types';
import { W3C_CONTEXT, type W3cCollection } from '../../../lib/export/w3c';
import { NOW, generatedLibrary, trickyLibrary } from './library';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { readCsv } from './readers';

const GOLDEN = join(import.meta.dirname, 'golden');

async function exported(format: ExportFormat, markdownLayout: 'zip' | 'combined' = 'combined') {
  const file = await exportFiles(trickyLibrary(), format, { markdownLayout, now: NOW });
  return { ...file, bytes: fileBytes(file), text: new TextDecoder().decode(fileBytes(file)) };
}

function expectGolden(name: string, text: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('golden files', () => {
  it.each([
    ['markdown', 'notes.md.golden'],
    ['csv', 'notes.csv.golden'],
    ['bibtex', 'citations.bib.golden'],
    ['ris', 'citations.ris.golden'],
    ['csl-json', 'citations.csl.json.golden'],
  ] as const)('%s', async (format, golden) => {
    expectGolden(golden, (await exported(format)).text);
  });

  it('markdown zip: one file per article, each with front matter', async () => {
    const file = await exported('markdown', 'zip');
    expect(file.name).toBe('Scrutiny notes 2026-12-04.zip');
    const entries = unzipSync(fileBytes(file));
    expect(Object.keys(entries)).toEqual([
      'Harbor Daily 2026-03-03 Harbor bridge to close a decision & what_it_costs #1.md',
      'World Wire 2026-04-05 Talks resume in Doha.md',
      'Süddeutsche Beispiel 2026-05-06 Brücke über den Hafen wird geschlossen.md',
    ]);
    const first = strFromU8(Object.values(entries)[0] ?? new Uint8Array());
    expectGolden('article.md.golden', first);
  });
});

describe('markdown', () => {
  it('front matter values are YAML (JSON-compatible) quoted strings, so any title is safe', async () => {
    const file = await exported('markdown', 'zip');
    const text = strFromU8(Object.values(unzipSync(fileBytes(file)))[0] ?? new Uint8Array());
    const frontMatter = text.split('---\n')[1] ?? '';
    const title = /^title: (.*)$/m.exec(frontMatter)?.[1] ?? '';
    expect(JSON.parse(title)).toBe('Harbor bridge to close: "a decision" & what_it_costs #1');
  });

  it('puts highlights in reading order, not in the order they were made', async () => {
    const { text } = await exported('markdown');
    expect(text.indexOf('> The council voted.')).toBeLessThan(text.indexOf('> A ferry will run.'));
  });

  it('shows a script in a note as text', async () => {
    const { text } = await exported('markdown');
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\<script\\>alert(1)\\</script\\>');
  });
});

describe('csv', () => {
  it('neutralises cells a spreadsheet would run, and quotes as RFC 4180 says', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain 1-2')).toBe('plain 1-2');
  });

  it('is UTF-8 with a byte order mark and CRLF rows, and reads back cell for cell', async () => {
    const { bytes, text } = await exported('csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(text.slice(1));
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.length === rows[0]?.length)).toBe(true);
    const ferry = rows.find((row) => row[1] === 'A ferry will run.');
    expect(ferry?.[2]).toBe(`'=HYPERLINK("http://evil.example","click")\nsecond line, with "quotes"`);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});

describe('citations', () => {
  it.each([
    ['Jean-Paul Sartre', { family: 'Sartre', given: 'Jean-Paul' }],
    ['Ludwig van Beethoven', { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['毛泽东', { family: '毛', given: '泽东' }],
    ['欧阳修', { family: '欧阳', given: '修' }],
    ['Ahmed al-Sharif', { family: 'al-Sharif', given: 'Ahmed' }],
    ['Doe, Jane', { family: 'Doe', given: 'Jane' }],
    ['Associated Press', { literal: 'Associated Press' }],
    ['Reuters Staff', { literal: 'Reuters Staff' }],
    ['AFP', { literal: 'AFP' }],
    ['Madonna', { literal: 'Madonna' }],
  ])('splitPersonName(%j)', (name, parts) => {
    expect(splitPersonName(name)).toEqual(parts);
  });

  it('keeps a name the byline credits as a wire service whole', () => {
    expect(splitPersonName('Harbor Wire', { organisations: ['Harbor Wire'] })).toEqual({
      literal: 'Harbor Wire',
    });
  });

  it('BibTeX escapes TeX and braces what must stay whole (read back field by field in citation-js.test.ts)', async () => {
    const { text } = await exported('bibtex');
    expect(text).toContain('title = {{Harbor bridge to close: "a decision" \\& what\\_it\\_costs \\#1}}');
    expect(text).toContain('author = {毛, 泽东 and {al-Sharif}, Ahmed and {Associated Press}}');
    expect(text).toContain(
      'author = {Sartre, Jean-Paul and van Beethoven, Ludwig and King, Jr., Martin Luther}',
    );
  });

  it('RIS is a NEWS record per item with CRLF lines (read back field by field in citation-js.test.ts)', async () => {
    const { text } = await exported('ris');
    expect(text).toMatch(/^TY {2}- NEWS\r\n/);
    expect(text.match(/^ER {2}- ?\r?$/gm)).toHaveLength(3);
    expect(text).toContain('DA  - 2026/03/03/\r\n');
    expect(text).toContain('AU  - King, Martin Luther, Jr.\r\n');
  });

  it('CSL-JSON has the fields Zotero reads', async () => {
    const items = JSON.parse((await exported('csl-json')).text) as Record<string, unknown>[];
    expect(items[1]).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'World Wire',
      issued: { 'date-parts': [[2026, 4, 5]] },
      accessed: { 'date-parts': [[2026, 11, 2]] },
      URL: 'https://news.example/story-2',
      author: [
        { family: '毛', given: '泽东' },
        { family: 'al-Sharif', given: 'Ahmed' },
        { literal: 'Associated Press' },
      ],
    });
  });

  it('gives every item its own key', async () => {
    const library = trickyLibrary();
    const twin = {
      ...library,
      articles: library.articles.map((article) => ({
        ...article,
        id: article.id.replace('0000-4000', '0001-4000'),
        url: `${article.url}-twin`,
        pageKeys: [],
      })),
    };
    const both = { ...library, articles: [...library.articles, ...twin.articles] };
    const file = await exportFiles(both, 'bibtex', { markdownLayout: 'combined', now: NOW });
    const keys = new Cite(new TextDecoder().decode(fileBytes(file))).data.map((item) => item['citation-key']);
    expect(new Set(keys).size).toBe(6);
  });
});

describe('W3C Web Annotation', () => {
  it('has the model’s required fields on the collection and every annotation', async () => {
    const collection = JSON.parse((await exported('w3c')).text) as W3cCollection;
    expect(collection['@context']).toBe(W3C_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(collection.first.items.length);
    expect(collection.first.type).toBe('AnnotationPage');
    for (const annotation of collection.first.items) {
      expect(annotation.id).toMatch(/^urn:uuid:/);
      expect(annotation.type).toBe('Annotation');
      expect(['highlighting', 'commenting']).toContain(annotation.motivation);
      expect(annotation.target.source).toMatch(/^https:/);
      for (const body of annotation.body ?? []) expect(body.type).toBe('TextualBody');
    }
    const ferry = collection.first.items.find((item) => item.body?.some((body) => body.value === 'ferry'));
    expect(ferry?.body?.find((body) => body.purpose === 'tagging')?.value).toBe('ferry');
    expect(ferry?.target.selector?.map((selector) => selector.type)).toEqual([
      'RangeSelector',
      'TextPositionSelector',
      'TextQuoteSelector',
    ]);
    expect(ferry?.target.selector?.[0]).toMatchObject({
      startSelector: {
        type: 'XPathSelector',
        value: '/p[1]',
        refinedBy: { type: 'TextPositionSelector', start: 19 },
      },
    });
  });
});

describe('exportFiles', () => {
  it('pauses between batches, reports progress up to 1, and stops with an AbortError when cancelled', async () => {
    const library = generatedLibrary(5_000);
    const progress: number[] = [];
    await exportFiles(library, 'csv', {
      markdownLayout: 'zip',
      now: NOW,
      onProgress: (done) => progress.push(done),
    });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    const controller = new AbortController();
    const cancelled = exportFiles(library, 'json', {
      markdownLayout: 'zip',
      now: NOW,
      signal: controller.signal,
      onProgress: (done) => done > 0 && controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names a single article’s file after its outlet, date and title', async () => {
    const library = trickyLibrary();
    const german = library.articles[2];
    if (!german) throw new Error('fixture has three articles');
    const one = { ...library, articles: [german], annotations: library.annotations.slice(3), clippings: [] };
    const file = await exportFiles(one, 'markdown', { markdownLayout: 'zip', now: NOW });
    expect(file.name).toBe('Süddeutsche Beispiel 2026-05-06 Brücke über den Hafen wird geschlossen.md');
  });
});
