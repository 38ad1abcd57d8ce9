/**
 * The CLI (cli/analyze.ts), called in process as `npm run analyze` calls it: every bad input ends in a
 * clear message (one line on stderr and exit code 1, or an `error` field on its manifest line), never
 * a crash, a hang or a stack trace. Pages are still analyzed in the CLI's worker thread, as in real
 * use. The built CLI, started as a process, is tested in ./analyze-bundle.test.ts. The big pages are
 * generated here (tests/fixtures/hostile/pages.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/analyze';
import {
  CYRILLIC_TITLE,
  XML_FEED,
  articlePage,
  deepDomPage,
  deepJsonLdPage,
  gzipBomb,
  hostileArticlePage,
  hostileMetadataPage,
  hugeJsonLdPage,
  hugePage,
  malformedJsonLdPage,
  nonArticlePage,
  pdfBytes,
  prototypePollutionJsonLdPage,
  randomBytes,
  utf16PageBytes,
  windows1251PageBytes,
} from '../../fixtures/hostile/pages';

/** Generous: a busy machine may take many times longer than an idle one; no test here measures speed. */
const SLOW_MACHINE_MS = 120_000;

const folder = mkdtempSync(join(tmpdir(), 'scrutiny-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI's own limit per page, raised so that no page times out on a busy machine; a test that
 * passes its own --timeout overrides it (the last one given counts).
 */
const PATIENT = ['--timeout', '600'];

/** Runs the CLI in this process; relative paths are read from `cwd` (by default the process's). */
async function analyze(args: string[], cwd = process.cwd()): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...PATIENT, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  });
  return { code, stdout, stderr };
}

/** A failed run: exit code 1, nothing on stdout, exactly one line on stderr and no stack trace. */
function expectOneLineFailure(run: Run, message: string | RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  if (typeof message === 'string') expect(run.stderr.trimEnd()).toBe(message);
  else expect(run.stderr.trimEnd()).toMatch(message);
}

const FILES: Record<string, string | Buffer> = {
  'article.html': articlePage(),
  'article.html.gz': gzipSync(articlePage()),
  'empty.html': '',
  'random.html': randomBytes(),
  'paper.html': pdfBytes(),
  'feed.html': XML_FEED,
  'front.html': nonArticlePage(),
  'utf16.html': utf16PageBytes(),
  'cp1251.html': windows1251PageBytes(),
  'meta.html': hostileMetadataPage(),
  'body.html': hostileArticlePage(),
  'jsonld-malformed.html': malformedJsonLdPage(),
  'jsonld-huge.html': hugeJsonLdPage(),
  'jsonld-deep.html': deepJsonLdPage(),
  'jsonld-proto.html': prototypePollutionJsonLdPage(),
};
const path = (name: string) => join(folder, name);

beforeAll(() => {
  for (const [name, content] of Object.entries(FILES)) writeFileSync(path(name), content);
  writeFileSync(path('deep.html'), deepDomPage(20_000));
  writeFileSync(path('huge.html'), hugePage());
  writeFileSync(path('bomb.html.gz'), gzipBomb());
  mkdirSync(path('folder.html'));
}, SLOW_MACHINE_MS);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('one file', { timeout: SLOW_MACHINE_MS }, () => {
  it('--help prints the usage on stdout and succeeds', async () => {
    const run = await analyze(['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: npm run -s analyze -- .*--manifest LIST\.tsv .*--schema\n$/);
  });

  it('prints one JSON object for a good page', async () => {
    const run = await analyze(['--url', 'https://news.example.com/bridge', path('article.html')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const page = JSON.parse(run.stdout) as { url: string; title: string; isArticle: boolean };
    expect(page).toMatchObject({
      url: 'https://news.example.com/bridge',
      title: 'Council closes the old bridge for repairs',
      isArticle: true,
    });
  });

  it("reads a relative path from the folder it is given, not the process's", async () => {
    const run = await analyze(['article.html'], folder);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ title: 'Council closes the old bridge for repairs' });
  });

  it('a missing file: one line on stderr, exit 1', async () => {
    expectOneLineFailure(
      await analyze([path('missing.html')]),
      `Cannot read ${path('missing.html')}: no such file.`,
    );
  });

  it('an empty file', async () => {
    expectOneLineFailure(await analyze([path('empty.html')]), `${path('empty.html')} is empty.`);
  });

  it('a gzip bomb (100 MB inflated) stops at the 40 MB cap', async () => {
    expectOneLineFailure(
      await analyze([path('bomb.html.gz')]),
      `${path('bomb.html.gz')} is too large: it inflates to more than 40.0 MB; Scrutiny stopped inflating it there and does not read pages that large.`,
    );
  });

  it('a javascript: --url is refused', async () => {
    expectOneLineFailure(
      await analyze(['--url', 'javascript:alert(1)', path('article.html')]),
      'The URL "javascript:alert(1)" is not an http(s) address.',
    );
  });

  it('usage mistakes', async () => {
    expectOneLineFailure(await analyze([]), /^Usage: /);
    expectOneLineFailure(
      await analyze(['--frobnicate', path('article.html')]),
      /^Unknown option --frobnicate\. Usage: /,
    );
    expectOneLineFailure(await analyze([path('article.html'), '--url']), /^--url needs a value\. Usage: /);
    expectOneLineFailure(
      await analyze(['--timeout', '0', path('article.html')]),
      /^--timeout needs a number of seconds above 0\. Usage: /,
    );
  });

  it('a page that takes longer than --timeout is stopped with a message', async () => {
    expectOneLineFailure(
      await analyze(['--timeout', '0.001', path('article.html')]),
      `${path('article.html')} took longer than 0.001 s to analyze; Scrutiny stopped reading it.`,
    );
  });
});

describe('--manifest', { timeout: SLOW_MACHINE_MS }, () => {
  // 21 pages, one of them 25 MB, read one after the other: a minute on a 2-core machine under full load.
  it(
    'prints one line per entry, in order, and goes on past every bad one',
    { timeout: 300_000 },
    async () => {
      const entries: Array<[string, string?]> = [
        ['article.html', 'https://news.example.com/bridge'],
        ['missing.html'],
        ['empty.html'],
        ['random.html'],
        ['paper.html'],
        ['folder.html'],
        ['bomb.html.gz'],
        ['article.html', 'javascript:alert(1)'],
        ['article.html.gz'],
        ['feed.html'],
        ['front.html'],
        ['utf16.html'],
        ['cp1251.html'],
        ['meta.html'],
        ['body.html'],
        ['jsonld-malformed.html'],
        ['jsonld-huge.html'],
        ['jsonld-deep.html'],
        ['jsonld-proto.html'],
        ['deep.html'],
        ['huge.html'],
      ];
      const manifest = path('list.tsv');
      writeFileSync(
        manifest,
        `# path<TAB>url\n${entries.map(([file, url]) => (url ? `${file}\t${url}` : file)).join('\r\n')}\n\n`,
      );
      const run = await analyze(['--manifest', manifest]);
      expect(run.code).toBe(0);
      // Only the summary on stderr: every bad entry's error is on its own line of the output.
      expect(run.stderr).toMatch(
        /^Scrutiny analyzed 21 pages in [\d.]+ s \([\d.]+ pages\/s, \d+ jobs?, peak memory [\d,]+ MB\): \d+ with an error\.\n$/,
      );
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(entries.length);
      const results = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const byFile = (index: number) => results[index]!;
      expect(results.map((result) => result.file)).toEqual(entries.map(([file]) => file));

      expect(byFile(0)).toMatchObject({ url: 'https://news.example.com/bridge', isArticle: true });
      expect(byFile(1).error).toBe(`Cannot read ${path('missing.html')}: no such file.`);
      expect(byFile(2).error).toBe(`${path('empty.html')} is empty.`);
      expect(byFile(3).error).toBe(`${path('random.html')} is not a web page: it holds binary data.`);
      expect(byFile(4).error).toBe(`${path('paper.html')} is not a web page: it is a PDF document.`);
      expect(byFile(5).error).toBe(`Cannot read ${path('folder.html')}: it is a folder.`);
      expect(byFile(6).error).toMatch(/is too large: it inflates to more than 40\.0 MB/);
      // The same file listed again gets an id of its own, for --resume.
      expect(
        results.map((result) => result.id).filter((id) => String(id).startsWith('article.html')),
      ).toEqual(['article.html', 'article.html#2', 'article.html.gz']);
      expect(byFile(7)).toEqual({
        id: 'article.html#2',
        file: 'article.html',
        url: 'javascript:alert(1)',
        error: 'The URL "javascript:alert(1)" is not an http(s) address.',
      });
      expect(byFile(8)).toMatchObject({
        title: 'Council closes the old bridge for repairs',
        isArticle: true,
      });
      expect(byFile(9)).toMatchObject({
        isArticle: false,
        warnings: ['This page has no <body>, so there is no article text to read.'],
      });
      expect(byFile(10)).toMatchObject({ isArticle: false });
      expect(byFile(11)).toMatchObject({ title: CYRILLIC_TITLE });
      expect(byFile(12)).toMatchObject({ title: CYRILLIC_TITLE });
      const { title, byline, article } = byFile(13) as {
        title: string;
        byline: unknown;
        article: { excerpt: string };
      };
      expect(JSON.stringify([title, byline, article.excerpt])).not.toMatch(
        /<|>|javascript:|onerror|onclick/i,
      );
      const body = byFile(14) as { article: { html: string } };
      expect(body.article.html).not.toMatch(/\son[a-z]+=|javascript:|<script|<iframe|<style|url\(/i);
      expect(byFile(15).warnings).toEqual([
        'Ignored 3 blocks of structured data (JSON-LD) that could not be read.',
      ]);
      for (const index of [16, 17, 18]) {
        expect(byFile(index)).toMatchObject({
          byline: { authors: [{ name: 'Jane Doe', source: 'jsonld' }] },
        });
      }
      const deep = byFile(19) as { warnings: string[]; article: { text: string } };
      expect(deep.warnings).toContain(
        'Parts of this page are nested more than 400 levels deep; Scrutiny read them as plain text.',
      );
      expect(deep.article.text).toContain('Deepest paragraph.');
      const huge = byFile(20) as { warnings: string[]; isArticle: boolean };
      expect(huge.warnings[0]).toMatch(
        /^This page is 25\.2 MB, more than Scrutiny parses at once \(1\.0 MB\);/,
      );
      expect(huge.isArticle).toBe(true);
      for (const result of results) expect(JSON.stringify(result)).not.toMatch(/\\n\s+at /);
    },
  );

  it('a missing manifest, named relative to the folder it is given: one line on stderr, exit 1', async () => {
    expectOneLineFailure(
      await analyze(['--manifest', 'nope.tsv'], folder),
      `Cannot read the manifest ${path('nope.tsv')}.`,
    );
  });
});
