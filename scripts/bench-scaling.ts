/**
 * Time against text size: extraction and analysis of generated pages from 10 KB to 2 MB of article text,
 * printed as a table, to show that big and hostile pages cost work linear in their size.
 *
 *   npx tsx scripts/bench-scaling.ts [--max 2000000] [--shapes prose,unclosed,unpunctuated] [--runs 1]
 *   npx tsx scripts/bench-scaling.ts --big-page [--runs 1]
 *
 * Shapes (the pathological ones are what a security review fed the CLI):
 * - prose: news paragraphs with attributed quotes, named people, a wire credit and an outlet.
 * - unclosed: paragraphs that each open a quotation mark and never close it ("“He said the plan …").
 * - unpunctuated: one block of words with no punctuation and no paragraph break at all.
 *
 * Columns, in milliseconds (best of --runs): `parse` is jsdom reading the HTML (not ours, for scale);
 * `extract` is extractArticle (metadata, Readability, sanitizing); `analysis` is analyzeArticle as the
 * panel and the CLI run it, which refuses texts over MAX_ANALYZED_CHARACTERS ("refused": nothing done);
 * `uncapped` is the same analysis with the limit lifted, to show that it is linear on its own; `µs/KB`
 * is extract + uncapped per kilobyte of text, which stays flat when the work is linear.
 *
 * --big-page measures instead what reading a 25 MB page costs the page itself, in Chromium
 * (/usr/bin/chromium): the page of the end-to-end tests (tests/fixtures/hostile/pages.ts), read as the
 * content script reads it (capturePageInSlices, then the structured clone that sending the answer
 * costs). Printed per run: the longest task in the page while it was read (long-task entries: only
 * tasks over 50 ms are reported, so "< 50" means none), the wall time, Readability's time, and how
 * many characters of text were read.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { JSDOM, VirtualConsole } from 'jsdom';
import { chromium } from 'playwright-core';
import { analyzeArticle, MAX_ANALYZED_CHARACTERS, TextTooLongError } from '../lib/analyze';
import { extractArticle, type AnalyzedPage } from '../lib/extract';
import { hugePage } from '../tests/fixtures/hostile/pages';

type Shape = 'prose' | 'unclosed' | 'unpunctuated';
const SHAPES: Shape[] = ['prose', 'unclosed', 'unpunctuated'];
const SIZES = [10_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000];

interface Options {
  max: number;
  shapes: Shape[];
  runs: number;
  bigPage: boolean;
}

function readOptions(args: string[]): Options {
  const options: Options = { max: 2_000_000, shapes: SHAPES, runs: 1, bigPage: false };
  for (let index = 0; index < args.length; index += 2) {
    const [flag, value] = [args[index], args[index + 1] ?? ''];
    if (flag === '--big-page') {
      options.bigPage = true;
      index--;
    } else if (flag === '--max') options.max = Number(value);
    else if (flag === '--runs') options.runs = Math.max(1, Number(value));
    else if (flag === '--shapes')
      options.shapes = value.split(',').filter((shape): shape is Shape => SHAPES.includes(shape as Shape));
    else
      throw new Error(
        `Unknown option ${flag}. Usage: bench-scaling.ts [--max N] [--shapes a,b] [--runs N] [--big-page]`,
      );
  }
  return options;
}

const NAMES = ['Ana Ruiz', 'Tom Baker', 'Lena Okafor', 'Hal Brenner', 'Marta Ellingsen', 'Devon Price'];

/** The paragraphs of an article of about `size` characters of text, in the given shape. */
function paragraphsOf(shape: Shape, size: number): string[] {
  const paragraphs: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const name = NAMES[index % NAMES.length]!;
    const paragraph =
      shape === 'prose'
        ? `“We will not vote on the harbor plan until every family has been heard,” ${name} said on Tuesday, ` +
          `adding that the council needed more time. According to Reuters, the plan would cost $${index + 4} million. ` +
          `Officials who spoke on condition of anonymity said the delay was expected.`
        : shape === 'unclosed'
          ? `“He said the plan for the harbor was fine and that ${name} agreed with the council`
          : `the council met again and ${name} said nothing new about the harbor plan or the bridge `;
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs;
}

function pageHtml(shape: Shape, size: number): string {
  const paragraphs = paragraphsOf(shape, size);
  // The unpunctuated text is one block with no break at all; the others are paragraphs.
  const body =
    shape === 'unpunctuated'
      ? `<p>${paragraphs.join('')}</p>`
      : paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Harbor council delays vote</title>
<meta property="og:site_name" content="Coastline Gazette"><meta name="author" content="Marta Ellingsen">
</head><body><article><h1>Harbor council delays vote</h1>${body}</article></body></html>`;
}

interface Row {
  shape: Shape;
  textCharacters: number;
  parse: number;
  extract: number;
  analysis: number | 'refused';
  uncapped: number;
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

function measure(shape: Shape, size: number, runs: number): Row {
  const html = pageHtml(shape, size);
  let best: Row | null = null;
  for (let run = 0; run < runs; run++) {
    const [dom, parse] = timed(
      () =>
        new JSDOM(html, { url: 'https://news.example/2026/harbor', virtualConsole: new VirtualConsole() }),
    );
    const [page, extract] = timed(() => extractArticle(dom.window.document, { documentIsCopy: true }));
    dom.window.close();
    const [analysis, analysisMs] = timed(() => capped(page));
    const [, uncapped] = timed(() => analyzeArticle(page, { maxCharacters: Number.POSITIVE_INFINITY }));
    const row: Row = {
      shape,
      textCharacters: page.article.text.length,
      parse,
      extract,
      analysis: analysis === 'refused' ? 'refused' : analysisMs,
      uncapped,
    };
    if (!best || row.extract + row.uncapped < best.extract + best.uncapped) best = row;
  }
  return best!;
}

function capped(page: AnalyzedPage): 'done' | 'refused' {
  try {
    analyzeArticle(page);
    return 'done';
  } catch (error) {
    if (error instanceof TextTooLongError) return 'refused';
    throw error;
  }
}

const ms = (value: number) => value.toFixed(0).padStart(8);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIG_PAGE_BYTES = 25 * 1024 * 1024;

/** What reading the big page cost the page, measured inside it. */
interface BigPageRun {
  longestTask: number;
  wall: number;
  readability: number;
  readChars: number | null;
}

/** Runs in the page: read it as the content script does, watching for long tasks meanwhile. */
const IN_PAGE = `
import { capturePageInSlices } from './lib/extract/capture';
globalThis.readBigPage = async () => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  const capture = await capturePageInSlices(document, { url: location.href });
  structuredClone(capture);
  const wall = performance.now() - started;
  // Long-task entries arrive after their task: give them time to.
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  return {
    longestTask: Math.max(0, ...tasks),
    wall,
    readability: capture.page.timings.readability,
    readChars: capture.cut ? capture.cut.readChars : null,
  };
};`;

async function measureBigPage(runs: number): Promise<void> {
  const bundled = await build({
    stdin: { contents: IN_PAGE, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
  });
  const script = bundled.outputFiles[0]!.text;
  const html = hugePage(BIG_PAGE_BYTES);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // No host name resolves: the page is served by page.route, and nothing can leave the machine.
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  console.log(`Chromium ${browser.version()}, a ${(html.length / 1024 / 1024).toFixed(0)} MB page`);
  console.log(
    `${'run'.padEnd(5)}${'longest task'.padStart(14)}${'wall'.padStart(8)}${'Readability'.padStart(13)}${'read chars'.padStart(12)}`,
  );
  try {
    for (let run = 1; run <= runs; run++) {
      const page = await browser.newPage();
      await page.route('http://big.page.test/**', (route) =>
        route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
      );
      await page.goto('http://big.page.test/huge.html', { timeout: 300_000 });
      await page.addScriptTag({ content: script });
      const result = await page.evaluate(() =>
        (globalThis as unknown as { readBigPage: () => Promise<BigPageRun> }).readBigPage(),
      );
      const longest = result.longestTask === 0 ? '< 50' : result.longestTask.toFixed(0);
      console.log(
        `${String(run).padEnd(5)}${longest.padStart(14)}${ms(result.wall)}${ms(result.readability).padStart(13)}${(result.readChars?.toLocaleString('en') ?? 'all').padStart(12)}`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  if (options.bigPage) return measureBigPage(options.runs);
  // Warm up the JIT on a small page of each shape first, so the first row is not the compiler's.
  for (const shape of options.shapes) measure(shape, 10_000, 2);
  console.log(
    `Analysis limit (MAX_ANALYZED_CHARACTERS): ${MAX_ANALYZED_CHARACTERS.toLocaleString('en')} characters`,
  );
  console.log(
    `${'shape'.padEnd(13)}${'text KB'.padStart(9)}${'parse'.padStart(8)}${'extract'.padStart(8)}${'analysis'.padStart(9)}${'uncapped'.padStart(9)}${'µs/KB'.padStart(8)}`,
  );
  for (const shape of options.shapes) {
    for (const size of SIZES.filter((size) => size <= options.max)) {
      const row = measure(shape, size, options.runs);
      const kilobytes = row.textCharacters / 1000;
      const perKilobyte = ((row.extract + row.uncapped) * 1000) / Math.max(1, kilobytes);
      console.log(
        `${shape.padEnd(13)}${kilobytes.toFixed(0).padStart(9)}${ms(row.parse)}${ms(row.extract)}${
          row.analysis === 'refused' ? 'refused'.padStart(9) : ms(row.analysis).padStart(9)
        }${ms(row.uncapped).padStart(9)}${perKilobyte.toFixed(0).padStart(8)}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
