/** Reading and parsing saved pages (cli/load-page.ts), in process: every bad file is one plain line. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile, loadPage, PageFileError, readPageBytes } from '../../../cli/load-page';
import {
  CYRILLIC_TITLE,
  XML_FEED,
  articlePage,
  articleParagraphs,
  gzipBomb,
  hugePage,
  pdfBytes,
  randomBytes,
  utf16PageBytes,
  windows1251PageBytes,
} from '../../fixtures/hostile/pages';

/** Generous: a busy machine may take many times longer than an idle one; no test here measures speed. */
const SLOW_MACHINE_MS = 120_000;

const folder = mkdtempSync(join(tmpdir(), 'scrutiny-load-page-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function failureOf(path: string): Promise<string> {
  try {
    await readPageBytes(path);
  } catch (error) {
    expect(error).toBeInstanceOf(PageFileError);
    return (error as Error).message;
  }
  throw new Error(`readPageBytes(${path}) did not fail`);
}

describe('readPageBytes', { timeout: SLOW_MACHINE_MS }, () => {
  it.each([
    ['missing.html', null, 'Cannot read {path}: no such file.'],
    ['empty.html', '', '{path} is empty.'],
    ['blank.html', '  \n\t \n', '{path} is empty.'],
    ['random.html', randomBytes(), '{path} is not a web page: it holds binary data.'],
    ['paper.html', pdfBytes(), '{path} is not a web page: it is a PDF document.'],
    ['empty.html.gz', gzipSync(''), '{path} is empty.'],
    [
      'broken.html.gz',
      gzipSync(articlePage()).subarray(0, 200),
      '{path} is not a valid gzip file (unexpected end of file).',
    ],
  ])('%s', async (name, content, message) => {
    const path = content === null ? join(folder, name) : file(name, content);
    expect(await failureOf(path)).toBe(message.replace('{path}', path));
  });

  it('a folder', async () => {
    expect(await failureOf(folder)).toBe(`Cannot read ${folder}: it is a folder.`);
  });

  it('a named pipe (which would block forever)', async () => {
    const path = join(folder, 'pipe.html');
    try {
      execFileSync('mkfifo', [path]);
    } catch {
      return; // no mkfifo here
    }
    expect(await failureOf(path)).toBe(`Cannot read ${path}: it is not a regular file.`);
  });

  it('a file over 40 MB is refused before it is read', async () => {
    const path = file('oversize.html', '');
    truncateSync(path, 41 * 1024 * 1024); // sparse: no 41 MB written to disk
    expect(await failureOf(path)).toBe(
      `${path} is too large: 41.0 MB; Scrutiny does not read pages over 40.0 MB.`,
    );
  });

  it('a gzip file that inflates to 100 MB stops at 40 MB', async () => {
    const path = file('bomb.html.gz', gzipBomb());
    expect(await failureOf(path)).toBe(
      `${path} is too large: it inflates to more than 40.0 MB; Scrutiny stopped inflating it there and does not read pages that large.`,
    );
  });

  it('inflates a gzip page (by content, whatever the name)', async () => {
    const path = file('article.html', gzipSync(articlePage()));
    expect((await readPageBytes(path)).toString()).toBe(articlePage());
  });
});

describe('loadPage', { timeout: SLOW_MACHINE_MS }, () => {
  const titleOf = (bytes: Buffer) => loadPage(bytes, 'https://example.com/').document.title;

  it('reads UTF-16 and windows-1251 pages with the right title', () => {
    expect(titleOf(utf16PageBytes())).toBe(CYRILLIC_TITLE);
    expect(titleOf(windows1251PageBytes())).toBe(CYRILLIC_TITLE);
  });

  it('reads a page that declares no encoding as UTF-8 when it is valid UTF-8', () => {
    const page = articlePage({ title: 'Überraschung für Köln' }).replace('<meta charset="utf-8">', '');
    expect(titleOf(Buffer.from(page))).toBe('Überraschung für Köln');
  });

  it("reads a page whose charset attribute is malformed (jsdom's encoding sniffer throws on it)", () => {
    const page = articlePage({ title: 'Überraschung für Köln' }).replace(
      '<meta charset="utf-8">',
      '<meta http-equiv="content-type" content="text/html; charset="UTF-8">',
    );
    expect(titleOf(Buffer.from(page))).toBe('Überraschung für Köln');
  });

  it('parses again without style sheets when jsdom throws on one', () => {
    const page = articlePage({ head: '<style>a { width: calc(1px + (2px * 3) }</style>' });
    expect(titleOf(Buffer.from(page))).toBe('Council closes the old bridge for repairs');
  });

  it('parses XML that is not well-formed as HTML', () => {
    const { document } = loadPage(Buffer.from(`${XML_FEED}<unclosed>`), 'https://example.com/');
    expect(document.body).not.toBeNull();
  });

  it('parses a standalone XML document as XML (no <body>)', () => {
    const { document } = loadPage(Buffer.from(XML_FEED), 'https://example.com/');
    expect(document.body).toBeNull();
  });
});

describe('analyzeFile', { timeout: SLOW_MACHINE_MS }, () => {
  it('reads a 25 MB page in part, says so, and still finds the article', async () => {
    const page = await analyzeFile(file('huge.html', hugePage()));
    expect(page.warnings).toEqual([
      'This page is 25.2 MB, more than Scrutiny parses at once (1.0 MB); it left out its scripts, style sheets, comments, inline SVG and embedded images, then read only the first 1.0 MB of the rest, so the article text may be cut short.',
      // The same limit on analysed text as in the panel (lib/analyze).
      'This text is too long for Scrutiny to look for quotes and sources in it (985,522 characters; the limit is 200,000).',
    ]);
    expect(page.isArticle).toBe(true);
    expect(page.title).toBe('Council closes the old bridge for repairs');
  });

  it('reports what it changed to parse the page among the warnings', async () => {
    const deep = `${'<div>'.repeat(3_000)}Deep text.${'</div>'.repeat(3_000)}`;
    const page = await analyzeFile(file('deep.html', articlePage({ body: `${deep}${articleParagraphs()}` })));
    expect(page.warnings[0]).toBe(
      'Parts of this page are nested more than 400 levels deep; Scrutiny read them as plain text.',
    );
    expect(page.isArticle).toBe(true);
  });

  it('reports no address when none was given, even for a relative canonical link', async () => {
    const page = await analyzeFile(
      file('relative.html', articlePage({ head: '<link rel="canonical" href="/story">' })),
    );
    expect(page.url).toBe('');
    const given = await analyzeFile(join(folder, 'relative.html'), 'https://news.example.com/a');
    expect(given.url).toBe('https://news.example.com/a');
  });
});
