/**
 * Extraction speed and bundle size, and re-anchoring of highlights, measured in headless Chromium.
 *
 *   npm run bench -- <zyte-dir> [--readability-pages <dir>] [--json FILE] [--warm-ups N] [--runs N]
 *                    [--profile-runs N] [--limit N] [--build] [--output-dir DIR]
 *   npm run bench -- --only anchoring [--json FILE] [--warm-ups N] [--runs N] [--limit N]
 *   npm run bench -- --only library [--articles N] [--notes N] [--runs N] [--build] [--json FILE]
 *   npm run bench -- --only export [--articles N] [--notes N] [--runs N] [--json FILE]
 *   npm run bench -- --only panel [ZYTE_DIR] [--pages N] [--browser chromium|firefox|both] [--json FILE]
 *
 * The first form measures the corpora and then re-anchoring (scripts/bench-anchoring.ts); `--only
 * anchoring` measures re-anchoring alone, on generated pages, with no corpus and no build needed
 * (--limit N then caps the edit generator's articles per run). `--only library` measures the library on a
 * generated one of --articles articles (10,000) and --notes notes (100,000), in a page and in the built
 * extension's library page (scripts/bench-library.ts; --runs N opens of the page, --build rebuilds
 * .output/bench-library).
 *
 * --build rebuilds the extension first (otherwise only when .output/chrome-mv3 is missing);
 * --output-dir measures another build of the Chrome extension instead; --limit N takes the first N pages
 * of each corpus, for a quick check.
 *
 * For every corpus page: the full extraction as the extension runs it (capturePage in the content
 * script, then buildAnalyzedPage in the panel) against `new Readability(document.cloneNode(true)).parse()`
 * alone, plus a step-by-step profile of the pipeline. Also the gzipped size of the built content script
 * and of the side panel bundle. No request leaves the machine: each page is answered from the corpus by
 * page.route, every other request is aborted, and host names do not resolve.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { printAnchoringReport, runAnchoringBench } from './bench-anchoring';
import { printLibraryReport, runLibraryBench } from './bench-library';
import { SIDE_STEPS, type MeasureOptions, type PageRuns } from './bench-page';
import { median, quantile } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CHROME_OUTPUT = join(ROOT, '.output/chrome-mv3');
const CONTENT_SCRIPT = 'extract.js';
const CONTENT_SCRIPT_LIMIT_BYTES = 20 * 1024;
const RATIO_TARGET = 1.3;
const PAGE_TIMEOUT_MS = 120_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  // Second line of defence behind page.route: no host name resolves, so nothing can leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // Lets each run start without the previous run's garbage.
  '--js-flags=--expose-gc',
];

interface Options {
  /** `anchoring`: only the re-anchoring bench, which needs no corpus; `library`: only the library bench. */
  only: 'anchoring' | 'library' | null;
  zyteDir: string;
  readabilityPagesDir: string | null;
  jsonFile: string | null;
  warmUps: number;
  runs: number;
  profileRuns: number;
  limit: number;
  forceBuild: boolean;
  /** The built Chrome extension whose sizes are reported. */
  chromeOutput: string;
  /** `--only library`: the generated library's saved articles and notes. */
  articles: number;
  notes: number;
}

const USAGE =
  'usage: npm run bench -- <zyte-dir> [--readability-pages <dir>] [--json FILE] [--warm-ups N] [--runs N] [--profile-runs N] [--limit N] [--build] [--output-dir DIR]\n' +
  '       npm run bench -- --only anchoring [--json FILE] [--warm-ups N] [--runs N] [--limit N]\n' +
  '       npm run bench -- --only library [--articles N] [--notes N] [--runs N] [--build] [--json FILE]\n' +
  '       npm run bench -- --only export [--articles N] [--notes N] [--runs N] [--json FILE]\n' +
  '       npm run bench -- --only panel [ZYTE_DIR] [--pages N] [--browser chromium|firefox|both] [--json FILE]';

function parseOptions(argv: string[]): Options {
  const options: Options = {
    only: null,
    zyteDir: '',
    readabilityPagesDir: null,
    jsonFile: null,
    warmUps: 3,
    runs: 5,
    profileRuns: 3,
    limit: Infinity,
    forceBuild: false,
    chromeOutput: DEFAULT_CHROME_OUTPUT,
    articles: 10_000,
    notes: 100_000,
  };
  const count = (flag: string, value: string | undefined) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new Error(`${flag} needs a positive integer\n${USAGE}`);
    return parsed;
  };
  const valueOf = (flag: string, value: string | undefined) => {
    if (!value) throw new Error(`${flag} needs a value\n${USAGE}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') {
      const what = valueOf(arg, argv[++i]);
      if (what !== 'anchoring' && what !== 'library')
        throw new Error(`--only takes "anchoring" or "library"\n${USAGE}`);
      options.only = what;
    } else if (arg === '--readability-pages') options.readabilityPagesDir = valueOf(arg, argv[++i]);
    else if (arg === '--json') options.jsonFile = valueOf(arg, argv[++i]);
    else if (arg === '--warm-ups') options.warmUps = count(arg, argv[++i]);
    else if (arg === '--runs') options.runs = count(arg, argv[++i]);
    else if (arg === '--profile-runs') options.profileRuns = count(arg, argv[++i]);
    else if (arg === '--limit') options.limit = count(arg, argv[++i]);
    else if (arg === '--build') options.forceBuild = true;
    else if (arg === '--output-dir') options.chromeOutput = resolve(valueOf(arg, argv[++i]));
    else if (arg === '--articles') options.articles = count(arg, argv[++i]);
    else if (arg === '--notes') options.notes = count(arg, argv[++i]);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (!options.zyteDir) options.zyteDir = arg;
    else throw new Error(`unexpected argument ${arg}\n${USAGE}`);
  }
  if (!options.zyteDir && !options.only) throw new Error(USAGE);
  return options;
}

// ---------------------------------------------------------------------------------------------------
// Corpora

interface CorpusPage {
  name: string;
  /** The address the page is served under, so that relative links resolve as on the live site. */
  url: string;
  html: string;
}

function zytePages(dir: string): CorpusPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string }
  >;
  return readdirSync(join(dir, 'html'))
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .map((file) => {
      const id = file.slice(0, -'.html.gz'.length);
      const url = truth[id]?.url;
      if (!url) throw new Error(`${id} has no url in ground-truth.json`);
      return { name: id, url, html: gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8') };
    });
}

function readabilityTestPages(dir: string): CorpusPage[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'source.html')))
    .sort()
    .map((name) => ({
      name,
      // Readability's own tests use http://fakehost/test/page.html; https makes it a secure context, which
      // cross-origin isolation (finer timers) needs.
      url: `https://fakehost/test/${encodeURIComponent(name)}/page.html`,
      html: readFileSync(join(dir, name, 'source.html'), 'utf8'),
    }));
}

// ---------------------------------------------------------------------------------------------------
// Statistics

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

// ---------------------------------------------------------------------------------------------------
// Measuring

interface PageResult {
  name: string;
  url: string;
  htmlBytes: number;
  error: string | null;
  runs: PageRuns | null;
  /** Medians over the runs, in ms. */
  full: number;
  coldFull: number;
  coldReadability: number;
  capture: number;
  build: number;
  readability: number;
  analysis: number;
  coldAnalysis: number;
  /** Per step the page reached, the median over the profiling runs. */
  steps: Record<string, number>;
  sideSteps: Record<string, number>;
  coldSteps: Record<string, number> | null;
}

/** The two files whose imports become the profiled steps: the content script's half and the panel's. */
const PROFILED_IMPORTERS = ['lib/extract/capture.ts', 'lib/extract/index.ts'].map((file) => join(ROOT, file));
/** Imports of theirs that are not steps: each other, types, and the clock. */
const NOT_STEPS = new Set(['./capture', './types']);

/**
 * Wraps every function that capture.ts and index.ts import in `timedStep` (scripts/bench-page.ts), by
 * putting a module that re-exports the real one, with its functions wrapped, between them and it.
 * Only their own imports: calls inside metadata.ts or Readability stay part of the step that made them.
 * Functions are found as `export function name`; anything exported otherwise counts as "(rest)".
 */
const stepTimingPlugin: Plugin = {
  name: 'bench-step-timing',
  setup(pluginBuild) {
    const harnessPath = join(ROOT, 'scripts/bench-page.ts');
    pluginBuild.onResolve({ filter: /.*/ }, async (args) => {
      if (!PROFILED_IMPORTERS.includes(args.importer) || NOT_STEPS.has(args.path)) return undefined;
      const real = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'timed-step' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'timed-step' }, (args) => {
      const real = JSON.stringify(args.path);
      const lines = [
        `import * as real from ${real};`,
        `import { timedStep } from ${JSON.stringify(harnessPath)};`,
        `export * from ${real};`,
      ];
      if (args.path.includes('@mozilla/readability')) {
        // A class: only its parse() is a step.
        lines.push(
          'export class Readability extends real.Readability {}',
          "Readability.prototype.parse = timedStep('Readability.parse', real.Readability.prototype.parse);",
          "export const isProbablyReaderable = timedStep('isProbablyReaderable', real.isProbablyReaderable);",
        );
      } else {
        const source = readFileSync(args.path, 'utf8');
        for (const [, name] of source.matchAll(/^export function (\w+)/gm))
          lines.push(`export const ${name} = timedStep(${JSON.stringify(name)}, real.${name});`);
      }
      return { contents: lines.join('\n'), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

async function bundleInPageHarness(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/bench-page.ts')],
    plugins: [stepTimingPlugin],
    bundle: true,
    format: 'iife',
    globalName: 'ScrutinyBench',
    // The bundle is strict code run through page.evaluate, where a top-level `var` stays local to the
    // evaluation; the footer publishes it for the later evaluate calls.
    footer: { js: 'globalThis.ScrutinyBench = ScrutinyBench;' },
    platform: 'browser',
    target: 'chrome120',
    // Minified like the shipped bundles, so the code the JIT sees has the same shape.
    minify: true,
    // Library code may read a Node environment switch; a web page has no environment.
    define: { 'process.env': '{}' },
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** Serves `current` for its own address only and aborts everything else, so no request leaves here. */
class CorpusServer {
  current: CorpusPage | null = null;
  aborted = 0;

  async attach(page: Page): Promise<void> {
    await page.route('**/*', async (route) => {
      const request = route.request();
      const current = this.current;
      if (current && request.isNavigationRequest() && request.url() === current.url) {
        await route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: {
            // The corpora were saved with JavaScript off, and page scripts would add their timers' noise
            // to the timings. (JavaScript itself must stay on: DOMPurify's Trusted Types policy calls
            // back into script.) The harness runs through page.evaluate, which CSP does not govern.
            'Content-Security-Policy': "script-src 'none'",
            // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs (secure
            // origins only); the page's subresources are aborted anyway.
            'Cross-Origin-Opener-Policy': 'same-origin',
            'Cross-Origin-Embedder-Policy': 'require-corp',
          },
          body: current.html,
        });
        return;
      }
      this.aborted++;
      await route.abort('blockedbyclient');
    });
  }
}

/** The address without its fragment: navigating to a fragment of the current page would not reload it. */
function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

async function measureCorpus(
  browser: Browser,
  label: string,
  pages: CorpusPage[],
  harness: string,
  options: Options,
): Promise<PageResult[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const server = new CorpusServer();
  let tab = await context.newPage();
  await server.attach(tab);
  const results: PageResult[] = [];
  const started = Date.now();
  for (const [index, corpusPage] of pages.entries()) {
    const served = { ...corpusPage, url: withoutFragment(corpusPage.url) };
    server.current = served;
    let runs: PageRuns | null = null;
    let error: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      await tab.goto(served.url, { waitUntil: 'load', timeout: 30_000 });
      await tab.evaluate(harness);
      const measureOptions: MeasureOptions = {
        url: served.url,
        warmUps: options.warmUps,
        runs: options.runs,
        profileRuns: options.profileRuns,
        coldFirst: index % 2 === 0 ? 'full' : 'readability',
      };
      // A string, not a function: tsx's transpiled functions do not survive serialization into the page.
      const measuring = tab.evaluate(
        `ScrutinyBench.measure(${JSON.stringify(measureOptions)})`,
      ) as Promise<PageRuns>;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${PAGE_TIMEOUT_MS} ms`)), PAGE_TIMEOUT_MS);
      });
      runs = await Promise.race([measuring, timeout]);
    } catch (caught) {
      error = caught instanceof Error ? caught.message.split('\n')[0]! : String(caught);
      // A hung or crashed tab cannot be reused.
      await tab.close().catch(() => undefined);
      tab = await context.newPage();
      await server.attach(tab);
    } finally {
      clearTimeout(timer);
    }
    results.push(summarizePage(served, runs, error));
    if ((index + 1) % 20 === 0 || index + 1 === pages.length) {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stderr.write(`  ${label}: ${index + 1}/${pages.length} pages, ${seconds} s\n`);
    }
  }
  await context.close();
  if (server.aborted > 0)
    process.stderr.write(`  ${label}: ${server.aborted} subresource requests blocked\n`);
  return results;
}

function summarizePage(page: CorpusPage, runs: PageRuns | null, error: string | null): PageResult {
  const medians = (values: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(values).map(([step, times]) => [step, median(times)]));
  return {
    name: page.name,
    url: page.url,
    htmlBytes: Buffer.byteLength(page.html),
    error,
    runs,
    full: runs ? median(runs.full) : NaN,
    coldFull: runs?.coldFull ?? NaN,
    coldReadability: runs?.coldReadability ?? NaN,
    capture: runs ? median(runs.capture) : NaN,
    build: runs ? median(runs.build) : NaN,
    readability: runs ? median(runs.readability) : NaN,
    analysis: runs ? median(runs.analysis) : NaN,
    coldAnalysis: runs?.coldAnalysis ?? NaN,
    steps: runs ? medians(runs.steps) : {},
    sideSteps: runs ? medians(runs.sideSteps) : {},
    coldSteps: runs?.coldSteps ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Summaries

interface Distribution {
  count: number;
  median: number;
  p90: number;
  total: number;
}

interface CorpusSummary {
  pages: number;
  failed: Array<{ name: string; error: string }>;
  full: Distribution;
  /**
   * The first call in each freshly loaded page, before the JIT has seen the code: the full extraction on
   * every other page, Readability alone on the others.
   */
  coldFull: Distribution;
  coldReadability: Distribution;
  contentScript: Distribution;
  panel: Distribution;
  readability: Distribution;
  /** The analysis (quotes and sources) after the extraction, warm and as the page's first call. */
  analysis: Distribution;
  coldAnalysis: Distribution;
  /** The page whose warm analysis took longest, and its time. */
  slowestAnalysis: { name: string; analysis: number; coldAnalysis: number; full: number } | null;
  ratio: {
    ofMedians: number;
    ofP90s: number;
    ofTotals: number;
    medianPerPage: number;
    /** The content script alone against Readability alone, medians. */
    contentScriptOfMedians: number;
  };
  /**
   * Per step, in pipeline order: median and p90 over pages of the per-page median (0 where a page never
   * reached the step), the sum over pages, and its share of all steps.
   */
  steps: Record<string, Distribution & { share: number; coldMedian: number }>;
  sideSteps: Record<string, Distribution>;
  /** All steps' per-page medians summed, to set against the measured full time. */
  stepsTotal: number;
  slowest: { name: string; full: number; readability: number; elements: number; htmlBytes: number } | null;
}

function distribution(values: number[]): Distribution {
  return { count: values.length, median: median(values), p90: quantile(values, 0.9), total: sum(values) };
}

function summarizeCorpus(results: PageResult[]): CorpusSummary {
  const measured = results.filter((result) => result.runs !== null);
  const full = distribution(measured.map((result) => result.full));
  const readability = distribution(measured.map((result) => result.readability));
  const contentScript = distribution(measured.map((result) => result.capture));
  const stepNames = [...new Set(measured.flatMap((result) => Object.keys(result.steps)))];
  const stepsTotal = sum(measured.map((result) => sum(Object.values(result.steps))));
  const coldSteps = measured.flatMap((result) => (result.coldSteps ? [result.coldSteps] : []));
  const steps = Object.fromEntries(
    stepNames.map((step) => {
      const values = measured.map((result) => result.steps[step] ?? 0);
      const coldMedian = median(coldSteps.map((times) => times[step] ?? 0));
      return [step, { ...distribution(values), share: sum(values) / stepsTotal, coldMedian }];
    }),
  );
  const sideSteps = Object.fromEntries(
    SIDE_STEPS.map((step) => [step, distribution(measured.map((result) => result.sideSteps[step] ?? NaN))]),
  );
  const slowest = measured.reduce<PageResult | null>(
    (worst, result) => (worst === null || result.full > worst.full ? result : worst),
    null,
  );
  return {
    pages: measured.length,
    failed: results
      .filter((result) => result.error !== null)
      .map((result) => ({ name: result.name, error: result.error! })),
    full,
    coldFull: distribution(measured.map((result) => result.coldFull).filter(Number.isFinite)),
    coldReadability: distribution(measured.map((result) => result.coldReadability).filter(Number.isFinite)),
    contentScript,
    panel: distribution(measured.map((result) => result.build)),
    readability,
    analysis: distribution(measured.map((result) => result.analysis)),
    coldAnalysis: distribution(measured.map((result) => result.coldAnalysis)),
    slowestAnalysis: measured.reduce<CorpusSummary['slowestAnalysis']>(
      (worst, result) =>
        worst !== null && worst.analysis >= result.analysis
          ? worst
          : {
              name: result.name,
              analysis: result.analysis,
              coldAnalysis: result.coldAnalysis,
              full: result.full,
            },
      null,
    ),
    ratio: {
      ofMedians: full.median / readability.median,
      ofP90s: full.p90 / readability.p90,
      ofTotals: full.total / readability.total,
      medianPerPage: median(measured.map((result) => result.full / result.readability)),
      contentScriptOfMedians: contentScript.median / readability.median,
    },
    steps,
    sideSteps,
    stepsTotal,
    slowest: slowest && {
      name: slowest.name,
      full: slowest.full,
      readability: slowest.readability,
      elements: slowest.runs!.elementCount,
      htmlBytes: slowest.htmlBytes,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Bundle sizes

interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

interface BundleSizes {
  builtAt: string;
  contentScript: FileSize;
  /** Every file sidepanel.html loads, directly or through imports, plus all shared chunks. */
  panel: { files: FileSize[]; bytes: number; gzipBytes: number };
}

function fileSize(outputDir: string, path: string): FileSize {
  const contents = readFileSync(path);
  return {
    file: path.slice(outputDir.length + 1),
    bytes: contents.length,
    gzipBytes: gzipSync(contents, { level: 9 }).length,
  };
}

function ensureBuild(options: Options): void {
  const built = ['sidepanel.html', CONTENT_SCRIPT].every((file) =>
    existsSync(join(options.chromeOutput, file)),
  );
  if (built && !options.forceBuild) return;
  if (options.chromeOutput !== DEFAULT_CHROME_OUTPUT)
    throw new Error(`${options.chromeOutput} holds no built extension, and --build only builds into .output`);
  process.stderr.write('Building the Chrome extension (npx wxt build -b chrome)…\n');
  const wxtBuild = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: ROOT, stdio: 'inherit' });
  if (wxtBuild.status !== 0) throw new Error('wxt build failed');
}

function bundleSizes(outputDir: string): BundleSizes {
  // The panel's files: what sidepanel.html references, what those import, and every chunk (WXT puts
  // code shared between entrypoints there, and the panel may load any of it).
  const loaded = new Set<string>();
  const pending: string[] = [];
  const reference = (fromFile: string, target: string) => {
    if (/^(?:[a-z]+:)?\/\//i.test(target)) return;
    const path = target.startsWith('/')
      ? join(outputDir, target)
      : resolve(dirname(fromFile), target.replace(/^\.\//, ''));
    if (existsSync(path) && !loaded.has(path)) {
      loaded.add(path);
      pending.push(path);
    }
  };
  const panelHtml = join(outputDir, 'sidepanel.html');
  for (const match of readFileSync(panelHtml, 'utf8').matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g))
    reference(panelHtml, match[1]!);
  const chunks = join(outputDir, 'chunks');
  if (existsSync(chunks))
    for (const file of readdirSync(chunks)) if (file.endsWith('.js')) reference(panelHtml, `/chunks/${file}`);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (!file.endsWith('.js')) continue;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.(?:js|css))["']/g))
      reference(file, match[1]!);
  }
  const files = [...loaded].sort().map((file) => fileSize(outputDir, file));
  const contentScript = join(outputDir, CONTENT_SCRIPT);
  return {
    builtAt: statSync(contentScript).mtime.toISOString(),
    contentScript: fileSize(outputDir, contentScript),
    panel: {
      files,
      bytes: sum(files.map((file) => file.bytes)),
      gzipBytes: sum(files.map((file) => file.gzipBytes)),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) =>
      column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
    );
  return [header, ...rows].map((cells) => line(cells).join('  ').trimEnd()).join('\n');
}

function printCorpus(title: string, summary: CorpusSummary, options: Options): void {
  console.log(
    `\n${title}: ${summary.pages} pages; per page the median of ${options.runs} runs after ${options.warmUps} warm-ups (ms)`,
  );
  const row = (label: string, value: Distribution) => [
    label,
    ms(value.median),
    ms(value.p90),
    ms(value.total),
  ];
  console.log(
    table(
      ['', 'median', 'p90', 'sum'],
      [
        row('full extraction (capture + panel)', summary.full),
        row('  content script (capturePage)', summary.contentScript),
        row('  panel (buildAnalyzedPage)', summary.panel),
        row('Readability alone (clone + parse)', summary.readability),
        row('analysis (quotes, sources) after the extraction', summary.analysis),
        row('  its first call in a page', summary.coldAnalysis),
        row(`first call in a page: full (${summary.coldFull.count} pages)`, summary.coldFull),
        row(
          `first call in a page: Readability (${summary.coldReadability.count} pages)`,
          summary.coldReadability,
        ),
      ],
    ),
  );
  const { ratio } = summary;
  const verdict = ratio.ofMedians <= RATIO_TARGET ? 'within' : 'ABOVE';
  console.log(
    `ratio full / Readability: ${ratio.ofMedians.toFixed(2)} of medians (${verdict} the ${RATIO_TARGET} target), ` +
      `${ratio.ofP90s.toFixed(2)} of p90s, ${ratio.ofTotals.toFixed(2)} of sums, ` +
      `${ratio.medianPerPage.toFixed(2)} median per page; content script alone / Readability: ` +
      `${ratio.contentScriptOfMedians.toFixed(2)} of medians`,
  );
  console.log(
    `analysis / full extraction: ${(summary.analysis.median / summary.full.median).toFixed(3)} of medians ` +
      `(target: at most 0.20)` +
      (summary.slowestAnalysis
        ? `; slowest analysis: ${summary.slowestAnalysis.name} ${ms(summary.slowestAnalysis.analysis)} ms ` +
          `(first call ${ms(summary.slowestAnalysis.coldAnalysis)} ms; target: at most 50 ms)`
        : ''),
  );
  if (summary.slowest) {
    const slowest = summary.slowest;
    console.log(
      `slowest page: ${slowest.name} (${ms(slowest.full)} ms full, ${ms(slowest.readability)} ms Readability, ` +
        `${slowest.elements.toLocaleString('en')} elements, ${kb(slowest.htmlBytes)} HTML)`,
    );
  }
  for (const failure of summary.failed) console.log(`FAILED ${failure.name}: ${failure.error}`);

  console.log(
    `\nper step: exclusive time of each call capture.ts and index.ts make; median and p90 over pages of the ` +
      `median of ${options.profileRuns} profiling runs, and the median of the page's first call (ms)`,
  );
  const stepRow = (step: string, value: Distribution & { share?: number; coldMedian?: number }) => [
    step,
    ms(value.median),
    ms(value.p90),
    ms(value.total),
    value.share === undefined ? '' : `${(value.share * 100).toFixed(1)}%`,
    value.coldMedian === undefined ? '' : ms(value.coldMedian),
  ];
  const baselineTotal =
    (summary.sideSteps['baseline: cloneNode']?.total ?? NaN) +
    (summary.sideSteps['baseline: Readability.parse']?.total ?? NaN);
  console.log(
    table(
      ['step', 'median', 'p90', 'sum', 'share', 'first call'],
      [
        ...Object.entries(summary.steps).map(([step, value]) => stepRow(step, value)),
        ['all steps (profiled full extraction)', '', '', ms(summary.stepsTotal), '', ''],
        ...Object.entries(summary.sideSteps).map(([step, value]) => stepRow(step, value)),
        ['baseline: Readability alone', '', '', ms(baselineTotal), '', ''],
      ],
    ),
  );
  console.log(
    `profiled ratio full / Readability (sums): ${(summary.stepsTotal / baselineTotal).toFixed(2)}. ` +
      '"(rest)": time capturePage and buildAnalyzedPage spend in their own code. The baseline rows and ' +
      '"capture as JSON" (the copy messaging makes) are measured in the same runs, outside the pipeline.',
  );
}

function printSizes(sizes: BundleSizes): void {
  console.log(`\nbundle sizes (gzip -9; build of ${sizes.builtAt})`);
  const { contentScript, panel } = sizes;
  const verdict = contentScript.gzipBytes <= CONTENT_SCRIPT_LIMIT_BYTES ? 'within' : 'ABOVE';
  console.log(
    table(
      ['file', 'raw', 'gzip'],
      [
        [contentScript.file, kb(contentScript.bytes), kb(contentScript.gzipBytes)],
        ...panel.files.map((file) => [file.file, kb(file.bytes), kb(file.gzipBytes)]),
        ['panel total', kb(panel.bytes), kb(panel.gzipBytes)],
      ],
    ),
  );
  console.log(`content script: ${verdict} the ${kb(CONTENT_SCRIPT_LIMIT_BYTES)} gzip target`);
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const [only, what, ...searchArgs] = process.argv.slice(2);
  if (only === '--only' && what === 'search') {
    // The search engines alone, in Node (scripts/bench-search.ts): --articles N --notes N --engines a,b …
    const { runSearchBench } = await import('./bench-search');
    return runSearchBench(searchArgs);
  }
  if (only === '--only' && what === 'panel') {
    // The reader's wait in the built extension, in Chromium and Firefox (scripts/bench-panel.ts).
    const { parsePanelBenchArgs, runPanelBench } = await import('./bench-panel');
    return runPanelBench(parsePanelBenchArgs(searchArgs));
  }
  if (only === '--only' && what === 'export') {
    // Export and import of a generated library in Chromium (scripts/bench-export.ts).
    const { parseExportBenchArgs, runExportBench } = await import('./bench-export');
    return runExportBench(parseExportBenchArgs(searchArgs));
  }
  const options = parseOptions(process.argv.slice(2));
  if (options.only === 'library') {
    // Launches its own browsers: one with a profile on disk, one with the built extension.
    const library = await runLibraryBench({
      articles: options.articles,
      notes: options.notes,
      pageLoads: options.runs,
      forceBuild: options.forceBuild,
    });
    printLibraryReport(library);
    const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
    writeReport(options, { command, date: new Date().toISOString(), library });
    return;
  }
  const anchoringOptions = { warmUps: options.warmUps, runs: options.runs, articleLimit: options.limit };
  const corporaToo = options.only !== 'anchoring';
  if (corporaToo) ensureBuild(options);
  const sizes = corporaToo ? bundleSizes(options.chromeOutput) : null;
  const harness = corporaToo ? await bundleInPageHarness() : null;
  const corpora: Array<{ key: string; title: string; pages: CorpusPage[] }> = [];
  if (corporaToo) {
    corpora.push({
      key: 'zyte',
      title: 'Zyte article-extraction-benchmark',
      pages: zytePages(options.zyteDir).slice(0, options.limit),
    });
    if (options.readabilityPagesDir) {
      corpora.push({
        key: 'readabilityTestPages',
        title: 'Readability test pages',
        pages: readabilityTestPages(options.readabilityPagesDir).slice(0, options.limit),
      });
    }
  }

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const report: Record<string, unknown> = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    date: new Date().toISOString(),
    chromium: browser.version(),
    warmUps: options.warmUps,
    runs: options.runs,
    ...(corporaToo ? { profileRuns: options.profileRuns, sizes } : {}),
  };
  try {
    for (const corpus of corpora) {
      if (!harness) break;
      const results = await measureCorpus(browser, corpus.key, corpus.pages, harness, options);
      const summary = summarizeCorpus(results);
      printCorpus(corpus.title, summary, options);
      report[corpus.key] = {
        summary,
        // Per page: the medians, and under `runs` every single timing they were taken from.
        pages: results,
      };
    }
    const anchoring = await runAnchoringBench(browser, anchoringOptions);
    printAnchoringReport(anchoring, anchoringOptions);
    report.anchoring = anchoring;
  } finally {
    await browser.close();
  }
  if (sizes) printSizes(sizes);
  writeReport(options, report);
}

function writeReport(options: Options, report: Record<string, unknown>): void {
  if (!options.jsonFile) return;
  // JSON has no NaN; failed pages' timings become null.
  writeFileSync(
    options.jsonFile,
    `${JSON.stringify(report, (_key, value: unknown) => (Number.isNaN(value) ? null : value), 2)}\n`,
  );
  console.log(`\nwrote ${options.jsonFile}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
