/**
 * `npx tsx scripts/browser-bylines.ts <corpora-dir> [--json FILE] [DOM_RUN.json ...]`: each Zyte page's
 * authors and title as the extension finds them in real Chromium (capturePage in the page, then
 * buildAnalyzedPage, as the panel runs them), and, for every run of scripts/bench-dom.ts given, on what
 * share of pages that DOM implementation gives the same authors (same names, same order) and the same
 * title. Pages are served from memory under their own address with scripts off; nothing leaves here.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from '../tests/e2e/browsers';

interface Byline {
  key: string;
  authors: string[] | null;
  title: string | null;
}

const args = process.argv.slice(2);
const corpora = args.shift();
if (!corpora)
  throw new Error('usage: npx tsx scripts/browser-bylines.ts <corpora-dir> [--json FILE] [DOM_RUN.json ...]');
let json: string | null = null;
const runs: string[] = [];
for (let at = 0; at < args.length; at++) {
  if (args[at] === '--json') json = args[++at] ?? null;
  else runs.push(args[at]!);
}

const dir = join(corpora, 'article-extraction-benchmark');
const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { url: string }
>;
const files = readdirSync(join(dir, 'html'))
  .filter((name) => name.endsWith('.html.gz'))
  .sort();

const harness = (
  await build({
    stdin: {
      contents: `
        import { capturePage } from './lib/extract/capture';
        import { buildAnalyzedPage } from './lib/extract';
        globalThis.ScrutinyBylines = (url) => {
          const page = buildAnalyzedPage(capturePage(document, { url }), window);
          return { authors: page.byline.authors.map((author) => author.name), title: page.title };
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env': '{}' },
    write: false,
    logLevel: 'warning',
  })
).outputFiles[0]!.text;

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND'],
});
const bylines: Byline[] = [];
try {
  const context = await browser.newContext({ javaScriptEnabled: true });
  for (const name of files) {
    const key = name.replace(/\.html\.gz$/, '');
    const url = gold[key]?.url ?? 'https://example.invalid/';
    const html = gunzipSync(readFileSync(join(dir, 'html', name)));
    const page = await context.newPage();
    // Requests carry no fragment; the page's own address may.
    const served = url.replace(/#.*$/, '');
    await page.route('**/*', (route) =>
      route.request().url() === served
        ? route.fulfill({
            body: html,
            contentType: 'text/html; charset=utf-8',
            headers: { 'content-security-policy': "script-src 'none'" },
          })
        : route.abort(),
    );
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.evaluate(harness);
      const found = await page.evaluate(
        (address) =>
          (globalThis as unknown as { ScrutinyBylines(url: string): Omit<Byline, 'key'> }).ScrutinyBylines(
            address,
          ),
        url,
      );
      bylines.push({ key, ...found });
    } catch (error) {
      console.warn(`${key}: ${String(error).split('\n')[0]}`);
      bylines.push({ key, authors: null, title: null });
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
if (json) writeFileSync(json, JSON.stringify({ pages: bylines }, null, 2));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
console.log(`Chromium: ${bylines.length} pages, ${bylines.filter((b) => b.authors === null).length} failed`);
for (const run of runs) {
  const other = JSON.parse(readFileSync(run, 'utf8')) as {
    summary: { implementation: string };
    pages: Byline[];
  };
  const byKey = new Map(other.pages.map((page) => [page.key, page]));
  const authors = bylines.filter((b) => same(b.authors, byKey.get(b.key)?.authors)).length;
  const titles = bylines.filter((b) => same(b.title, byKey.get(b.key)?.title)).length;
  const differing = bylines
    .filter((b) => !same(b.authors, byKey.get(b.key)?.authors))
    .slice(0, 5)
    .map(
      (b) =>
        `${b.key.slice(0, 8)}: browser ${JSON.stringify(b.authors)}, ${other.summary.implementation} ${JSON.stringify(byKey.get(b.key)?.authors)}`,
    );
  console.log(
    `${other.summary.implementation}: authors as the browser's on ${authors}/${bylines.length} pages ` +
      `(${((100 * authors) / bylines.length).toFixed(1)} %), title on ${titles}/${bylines.length}` +
      differing.map((line) => `\n  ${line}`).join(''),
  );
}
