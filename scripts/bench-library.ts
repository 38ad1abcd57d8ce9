/**
 * The library's speed in real Chromium, on a generated library (run by scripts/bench.ts):
 *
 *   npm run bench -- --only library [--articles 10000] [--notes 100000] [--runs 5] [--build] [--json FILE]
 *
 * The library: --articles saved articles (about 700 words each in English, German or French, 1 to 4
 * authors, 60 outlets, 0 to 10 quotes with their speakers, sources; one in ten saved in two versions),
 * --notes highlights and page notes spread over them, a clipping for every ten articles and 30
 * collections. scripts/bench-library-page.ts makes it from a seeded PRNG inside the page, so every run
 * and both parts write the same records; its words come from the evaluation corpora.
 *
 * Part A, lib/ in a Chromium page (scripts/bench-library-page.ts bundled with esbuild, served by
 * page.route under an https address of its own, with a profile on disk so IndexedDB is the real one):
 * - the library written through lib/store's Dexie schema (bulkPut, one transaction per 200 articles);
 * - saveArticle on 200 new articles, then on the same 200 unchanged, then on them edited (a new version);
 * - LibraryIndex.build over every item from scratch: time, heap, size as JSON; 200 queries of each kind
 *   (one word, two words, every prefix of a word as it is typed, a name with a typo) → p50, p95; each
 *   query is LibraryIndex.search as the catalog calls it: every match, sorted;
 * - LibraryCatalog.load (what the library page's worker runs on opening) on the filled database;
 * - diffArticles on two versions of a 10,000-word article: first call and the median of 20 runs;
 * - navigator.storage.estimate() and the profile's IndexedDB files on disk: 1,000 articles with their
 *   snapshots written into the empty database first (LevelDB's unflushed log makes this ± a few MB), then
 *   the whole library.
 *
 * Part B, the built extension (`SCRUTINY_OUT_DIR=.output/bench-library npx wxt build -b chrome`, built when
 * missing or with --build): library.html opened once so the extension creates its database, the same
 * library written into it from that page with raw IndexedDB puts. Then library.html opened afresh (from
 * about:blank, after a 10 s pause) and waited on until its marks `scrutiny-library-painted` (first rows on
 * screen) and `scrutiny-library-ready` (its worker has the whole catalog: over a minute on the full
 * library), in ms from navigation start, with the load's long tasks and long animation frames; its list
 * scrolled from top to bottom with long tasks observed; then --runs more opens, each until the first rows.
 *
 * No request leaves the machine: the page is answered by page.route, every other request is aborted,
 * and no host name resolves.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type {
  CatalogResult,
  DiffResult,
  FillResult,
  GeneratorInput,
  IndexResult,
  Lang,
  LongFrame,
  QueryTimes,
  SaveTimes,
  ScrollResult,
  SetUpResult,
  StorageEstimateResult,
} from './bench-library-page';
import { quantile } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = '/work/shared/corpora';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A build of its own, so the bench never overwrites the one tests or `npm start` use. */
const BUILD_DIR = join(ROOT, '.output/bench-library');
const EXTENSION_DIR = join(BUILD_DIR, 'chrome-mv3');
/** Part A's page: an https address (a secure context, which cross-origin isolation needs). */
export const PAGE_URL = 'https://library-bench.scrutiny.test/';

export const SEED = 20_260_401;
const SAVES = 200;
const QUERIES_PER_KIND = 200;
const DIFF_WORDS = 10_000;
const DIFF_RUNS = 20;
const STORAGE_ARTICLES = 1_000;
const SCROLL_JUMPS = 300;
const FLING_FRAMES = 300;
const READY_TIMEOUT_MS = 600_000;
const VIEWPORT = { width: 1280, height: 800 };

/** The targets. */
const TARGETS = {
  saveMedianMs: 15,
  searchP95Ms: 20,
  firstPaintMs: 300,
  longestTaskMs: 50,
  diffMs: 50,
};

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--no-default-browser-check',
  // Second line of defence behind the routes: no host name resolves, so nothing can leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export interface LibraryBenchOptions {
  articles: number;
  notes: number;
  /** How many times library.html is opened (the last one also waits for the worker's catalog). */
  pageLoads: number;
  /** Rebuild the extension even when .output/bench-library holds a build. */
  forceBuild: boolean;
}

export interface Distribution {
  count: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** navigator.storage.estimate() for the origin, and the bytes of the profile's IndexedDB files. */
export interface StorageSize {
  estimate: StorageEstimateResult;
  disk: number;
}

export interface LoadTiming {
  /** The navigation's own steps, ms from navigation start: where the time before the first rows goes. */
  steps: { responseEnd: number; domContentLoaded: number; load: number; firstContentfulPaint: number };
  /** ms from navigation start; NaN when the run did not wait for the mark. */
  painted: number;
  ready: number;
  longestTask: number;
  longFrames: LongFrame[];
  /** What the page says it holds ("110,997 items"). */
  items: string;
}

export interface TargetCheck {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface LibraryReport {
  chromium: string;
  /** The machine: CPUs, and its load average (1 min) before each part and at the end; the machine is shared. */
  machine: { cpus: number; loadBefore: number; loadBetween: number; loadAfter: number };
  seed: number;
  library: { articles: number; notes: number; clippings: number; collections: number };
  generator: SetUpResult;
  inPage: {
    fill: FillResult;
    saves: Array<{ status: string; unexpected: number; firstCall: number } & Distribution>;
    index: IndexResult;
    queries: Array<
      {
        kind: string;
        examples: string[];
        meanHits: number;
        byLength?: Record<string, Distribution>;
      } & Distribution
    >;
    catalog: CatalogResult;
    diff: Omit<DiffResult, 'times'> & Distribution;
    storage: {
      /** 1,000 articles with their snapshots (no notes) written into the empty database, first. */
      firstArticles: FillResult;
      empty: StorageSize;
      afterFirstArticles: StorageSize;
      /** Then the whole library (with the 200 saved articles): its notes, clippings and second versions. */
      wholeLibrary: StorageSize & { articles: number };
    };
  };
  extension: {
    build: string;
    fill: FillResult;
    size: StorageSize;
    /** The first open after filling, waited on until the worker had the whole catalog; then the list scrolled. */
    firstOpen: LoadTiming;
    /** Then --runs opens of library.html, each after about:blank and a pause, until the first rows. */
    loads: LoadTiming[];
    painted: Distribution;
    /**
     * The catalog worker's JS heap in use with the whole catalog, after a full collection (CDP
     * `Runtime.getHeapUsage`), measured once the list has been scrolled.
     */
    workerHeapBytes: number | null;
    scroll: Omit<ScrollResult, 'rowWaits'> & {
      rowWaits: Distribution;
      longestTask: number;
      /** The longest long task while jumping and while scrolling a screen a frame (0: none over 50 ms). */
      longestJumpTask: number;
      longestFlingTask: number;
    };
  };
  targets: TargetCheck[];
  seconds: number;
}

// ---------------------------------------------------------------------------------------------------
// Statistics

function distribution(values: readonly number[]): Distribution {
  return {
    count: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: values.length ? Math.min(...values) : NaN,
    max: values.length ? Math.max(...values) : NaN,
  };
}

// ---------------------------------------------------------------------------------------------------
// Inputs: words, the page script, the extension

function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
}

/**
 * Words of the evaluation corpora by language, most frequent first: the Readability test pages'
 * expected text (by their language) and the German Wikinews articles. Missing corpora give fewer words;
 * the generator makes up the rest.
 */
export function corpusWords(): Record<Lang, string[]> {
  const texts: Record<Lang, string[]> = { en: [], de: [], fr: [] };
  const pages = join(CORPORA, 'readability-test-pages');
  if (existsSync(pages))
    for (const name of readdirSync(pages)) {
      const metadata = join(pages, name, 'expected-metadata.json');
      const expected = join(pages, name, 'expected.html');
      if (!existsSync(metadata) || !existsSync(expected)) continue;
      const lang = (JSON.parse(readFileSync(metadata, 'utf8')) as { lang?: string | null }).lang?.slice(0, 2);
      if (lang === 'en' || lang === 'de' || lang === 'fr')
        texts[lang].push(stripTags(readFileSync(expected, 'utf8')));
    }
  const wikinews = join(CORPORA, 'german-news-quotation-attribution-2024', 'data');
  if (existsSync(wikinews))
    for (const split of readdirSync(wikinews))
      for (const file of readdirSync(join(wikinews, split))) {
        if (!file.endsWith('.json.gz')) continue;
        const record = JSON.parse(gunzipSync(readFileSync(join(wikinews, split, file))).toString('utf8')) as {
          originalText?: string;
        };
        if (record.originalText) texts.de.push(record.originalText);
      }
  const ranked = { en: [], de: [], fr: [] } as Record<Lang, string[]>;
  for (const lang of ['en', 'de', 'fr'] as const) {
    const counts = new Map<string, number>();
    for (const text of texts[lang])
      for (const word of text.toLowerCase().match(/\p{L}[\p{L}\p{M}]*/gu) ?? [])
        if (word.length > 1 || lang === 'fr') counts.set(word, (counts.get(word) ?? 0) + 1);
    ranked[lang] = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([word]) => word);
  }
  return ranked;
}

/** scripts/bench-library-page.ts and the lib/ code it imports, as one script for page.evaluate. */
export async function bundlePageScript(
  entry = 'scripts/bench-library-page.ts',
  globalName = 'ScrutinyLibraryBench',
): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    // page.evaluate runs the bundle as strict code, where a top-level `var` stays local; this publishes it.
    footer: { js: `globalThis.${globalName} = ${globalName};` },
    platform: 'browser',
    target: 'chrome120',
    // Minified like the shipped bundles, so the code the JIT sees has the same shape.
    minify: true,
    define: { 'process.env': '{}' },
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

function ensureExtensionBuild(force: boolean): void {
  if (!force && existsSync(join(EXTENSION_DIR, 'library.html'))) {
    const builtAt = statSync(join(EXTENSION_DIR, 'manifest.json')).mtime.toISOString();
    process.stderr.write(
      `Using the extension built at ${builtAt} in ${EXTENSION_DIR} (--build rebuilds it)\n`,
    );
    return;
  }
  process.stderr.write(
    'Building the Chrome extension into .output/bench-library (npx wxt build -b chrome)…\n',
  );
  const wxtBuild = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SCRUTINY_OUT_DIR: BUILD_DIR },
  });
  if (wxtBuild.status !== 0) throw new Error('wxt build failed');
}

/** Bytes of every file under `path`. */
function directoryBytes(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + directoryBytes(join(path, name)), 0);
}

/** Bytes of the profile's IndexedDB files (the default bucket's, and any storage bucket's). */
function indexedDbBytes(profile: string): number {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      // lstat: a profile holds symbolic links (SingletonCookie …) that point nowhere.
      if (!lstatSync(child).isDirectory()) continue;
      if (name === 'IndexedDB') found.push(child);
      else walk(child);
    }
  };
  walk(profile);
  return found.reduce((sum, path) => sum + directoryBytes(path), 0);
}

/**
 * Waits until the profile's IndexedDB files have stopped changing for 5 s (at most 90 s): after writing
 * 200 MB, LevelDB compacts in the background for a while, and what is measured next should not share the
 * machine with it. Returns how long it waited, in ms.
 */
async function settle(profile: string): Promise<number> {
  const started = Date.now();
  let last = -1;
  let steady = 0;
  while (steady < 5 && Date.now() - started < 90_000) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const bytes = indexedDbBytes(profile);
    steady = bytes === last ? steady + 1 : 0;
    last = bytes;
  }
  return Date.now() - started;
}

export function forwardProgress(page: Page): void {
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench-library]')) process.stderr.write(`  ${text.slice(16)}\n`);
  });
}

export async function launch(profile: string, args: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    args: [...BASE_ARGS, ...args],
  });
}

function chromiumVersion(userAgent: string): string {
  return /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? userAgent;
}

/** A page-script call: a string, since tsx's transpiled functions do not survive serialization. */
export function call<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------------
// Part A

/** Prefix queries by their length (3, 4, 5, 6 letters and more): short prefixes match far more words. */
function timesByLength(run: QueryTimes): Record<string, Distribution> {
  const groups = new Map<string, number[]>();
  run.queries.forEach((query, at) => {
    const key = query.length >= 6 ? '6+' : String(query.length);
    groups.set(key, [...(groups.get(key) ?? []), run.times[at]!]);
  });
  return Object.fromEntries([...groups.entries()].sort().map(([key, times]) => [key, distribution(times)]));
}

async function measureInPage(
  script: string,
  input: GeneratorInput,
): Promise<{ chromium: string; generator: SetUpResult; inPage: LibraryReport['inPage'] }> {
  const profile = mkdtempSync(join(tmpdir(), 'scrutiny-bench-library-'));
  const context = await launch(profile, [
    '--js-flags=--expose-gc',
    // usedJSHeapSize exact, not rounded to buckets.
    '--enable-precise-memory-info',
  ]);
  try {
    await context.route('**/*', async (route) => {
      if (route.request().url() !== PAGE_URL) return route.abort('blockedbyclient');
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        // Cross-origin isolation: performance.now() in 5 µs steps instead of 100 µs.
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        },
        body: '<!doctype html><html lang="en"><title>Scrutiny library bench</title><body></body></html>',
      });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    forwardProgress(page);
    await page.goto(PAGE_URL);
    await page.evaluate(script);
    // The user agent says only the major version; the browser knows the whole.
    const chromiumName =
      context.browser()?.version() ?? chromiumVersion(await call<string>(page, 'navigator.userAgent'));
    const generator = await call<SetUpResult>(page, `ScrutinyLibraryBench.setUp(${JSON.stringify(input)})`);

    const size = async (): Promise<StorageSize> => ({
      estimate: await call<StorageEstimateResult>(page, 'ScrutinyLibraryBench.estimateStorage()'),
      disk: indexedDbBytes(profile),
    });
    progress(`A: ${STORAGE_ARTICLES} articles into the empty database, for their size…`);
    const empty = await size();
    const firstArticles = await call<FillResult>(
      page,
      `ScrutinyLibraryBench.insertArticles(${input.articles + SAVES}, ${STORAGE_ARTICLES})`,
    );
    const afterFirstArticles = await size();
    progress(`A: filling IndexedDB through lib/store: ${input.articles} articles, ${input.notes} notes…`);
    const fill = await call<FillResult>(page, 'ScrutinyLibraryBench.fillStore()');
    progress(
      `A: filled in ${seconds(fill.ms)}; settled in ${seconds(await settle(profile))}; saveArticle ×${SAVES} ×3…`,
    );
    const saveRuns = await call<SaveTimes[]>(
      page,
      `ScrutinyLibraryBench.measureSaves(${input.articles}, ${SAVES})`,
    );
    const saves = saveRuns.map((run) => ({
      status: run.status,
      unexpected: run.unexpected,
      firstCall: run.times[0] ?? NaN,
      ...distribution(run.times),
    }));
    const storage: LibraryReport['inPage']['storage'] = {
      firstArticles,
      empty,
      afterFirstArticles,
      wholeLibrary: { ...(await size()), articles: input.articles + SAVES + STORAGE_ARTICLES },
    };

    progress(`A: LibraryIndex.build over every item…`);
    const index = await call<IndexResult>(page, 'ScrutinyLibraryBench.measureIndex()');
    progress(`A: built in ${(index.buildMs / 1000).toFixed(1)} s; ${QUERIES_PER_KIND} queries of each kind…`);
    const queryRuns = await call<QueryTimes[]>(
      page,
      `ScrutinyLibraryBench.measureQueries(${QUERIES_PER_KIND})`,
    );
    const queries = queryRuns.map((run) => ({
      kind: run.kind,
      examples: run.queries.slice(0, 4),
      meanHits: Math.round(run.hits.reduce((sum, hits) => sum + hits, 0) / Math.max(1, run.hits.length)),
      ...distribution(run.times),
      ...(run.kind.startsWith('prefix') && { byLength: timesByLength(run) }),
    }));
    progress("A: LibraryCatalog.load (the worker's opening) on the filled database…");
    const catalog = await call<CatalogResult>(page, 'ScrutinyLibraryBench.measureCatalog()');
    progress(`A: diffArticles on a ${DIFF_WORDS}-word article…`);
    const diffRun = await call<DiffResult>(
      page,
      `ScrutinyLibraryBench.measureDiff(${DIFF_WORDS}, ${DIFF_RUNS})`,
    );
    const { times: diffTimes, ...diffFacts } = diffRun;
    return {
      chromium: chromiumName,
      generator,
      inPage: {
        fill,
        saves,
        index,
        queries,
        catalog,
        diff: { ...diffFacts, ...distribution(diffTimes) },
        storage,
      },
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Part B

const PAINTED = `performance.getEntriesByName('scrutiny-library-painted').length > 0`;
const READY = `performance.getEntriesByName('scrutiny-library-ready').length > 0`;
/** Between two opens of the page: the last one's worker may leave IndexedDB a long read to finish. */
const PAUSE_BETWEEN_LOADS_MS = 10_000;

/**
 * The marks' times (ms from navigation start), the longest task and the longest animation frames of the
 * load so far, and what the page says it holds. A string evaluated in the page, so that reading them
 * loads no script into it.
 */
const READ_LOAD = `(async () => {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const buffered = (type) => new Promise((resolve) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return resolve([]);
    const seen = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
    observer.observe({ type, buffered: true });
    setTimeout(() => { seen.push(...observer.takeRecords()); observer.disconnect(); resolve(seen); }, 100);
  });
  const tasks = await buffered('longtask');
  const frames = await buffered('long-animation-frame');
  const navigation = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    steps: {
      responseEnd: navigation?.responseEnd ?? NaN,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? NaN,
      load: navigation?.loadEventEnd ?? NaN,
      firstContentfulPaint: paint?.startTime ?? NaN,
    },
    painted: mark('scrutiny-library-painted'),
    ready: mark('scrutiny-library-ready'),
    longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
    longFrames: frames
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 5)
      .map((frame) => ({
        start: frame.startTime,
        duration: frame.duration,
        blockingDuration: frame.blockingDuration,
        scripts: [...frame.scripts]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((script) => ({
            source: (script.sourceURL.replace(/^.*\\//, '') + ' ' + script.sourceFunctionName).trim(),
            invoker: script.invoker,
            duration: script.duration,
          })),
      })),
    items: document.querySelector('[data-testid="library-count"]')?.textContent ?? '',
  };
})()`;

/**
 * Polls from Node every 250 ms (not every frame, so the waiting adds nothing to the page's frames;
 * and not page.waitForFunction, whose string form the extension's CSP refuses to eval).
 */
async function waitFor(page: Page, condition: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await call<boolean>(page, condition))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function measureExtension(
  script: string,
  input: GeneratorInput,
  runs: number,
): Promise<LibraryReport['extension']> {
  const profile = mkdtempSync(join(tmpdir(), 'scrutiny-bench-library-extension-'));
  const context = await launch(profile, [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
  ]);
  try {
    await context.route(/^(?!chrome-extension:|chrome:|about:|data:|blob:)/, (route) =>
      route.abort('blockedbyclient'),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    forwardProgress(page);
    const libraryUrl = `chrome-extension://${extensionId}/library.html`;
    await page.goto(libraryUrl);
    // The empty library has loaded: the extension has created its database at its current version.
    await waitFor(page, `performance.getEntriesByName('scrutiny-library-ready').length > 0`, 60_000);
    progress(`B: filling the extension's database from library.html (raw IndexedDB)…`);
    await page.evaluate(script);
    await call<SetUpResult>(page, `ScrutinyLibraryBench.setUp(${JSON.stringify(input)})`);
    const fill = await call<FillResult>(page, 'ScrutinyLibraryBench.fillExtensionDatabase()');
    const settled = await settle(profile);
    const size: StorageSize = {
      estimate: await call<StorageEstimateResult>(page, 'ScrutinyLibraryBench.estimateStorage()'),
      disk: indexedDbBytes(profile),
    };
    progress(
      `B: filled in ${seconds(fill.ms)}; settled in ${seconds(settled)}; library.html opened ${runs} times…`,
    );

    const open = async () => {
      await page.goto('about:blank');
      await page.waitForTimeout(PAUSE_BETWEEN_LOADS_MS);
      await page.goto(libraryUrl, { waitUntil: 'load' });
      await waitFor(page, PAINTED, 120_000);
    };
    // The first open after filling waits for the worker's whole catalog (over a minute on the full
    // library), then the list is scrolled. By then LevelDB has finished compacting what was written, which
    // slowed the first opens after a fill by seconds in trial runs; so first paint is measured after.
    await open();
    await waitFor(page, READY, READY_TIMEOUT_MS);
    const firstOpen = await call<LoadTiming>(page, READ_LOAD);
    progress(
      `  first open: painted ${firstOpen.painted.toFixed(0)} ms, ready ${firstOpen.ready.toFixed(0)} ms ` +
        `(${firstOpen.items}); scrolling: ${SCROLL_JUMPS} jumps from top to bottom, then ${FLING_FRAMES} screens…`,
    );
    await page.waitForSelector('[data-testid="library-item"]', { timeout: 60_000 });
    // Quiet first: the page's own start-up work is not the scrolling's.
    await page.waitForTimeout(1_000);
    await page.evaluate(script);
    const scrolled = await call<ScrollResult>(
      page,
      `ScrutinyLibraryBench.scrollLibraryList(${SCROLL_JUMPS}, ${FLING_FRAMES})`,
    );

    // After the scroll, not before: collecting the worker's garbage would spare the scroll its collection.
    const workerHeapBytes = await catalogWorkerHeap(context, page);

    // Then each run opens the page afresh after a pause, as a reader opens the library, until the first
    // rows are on screen.
    const loads: LoadTiming[] = [];
    for (let run = 0; run < runs; run++) {
      await open();
      const load = await call<LoadTiming>(page, READ_LOAD);
      loads.push(load);
      progress(`  open ${run + 1}: painted ${load.painted.toFixed(0)} ms`);
    }
    return {
      build: EXTENSION_DIR,
      fill,
      size,
      firstOpen,
      loads,
      painted: distribution(loads.map((load) => load.painted)),
      workerHeapBytes,
      scroll: {
        ...scrolled,
        rowWaits: distribution(scrolled.rowWaits),
        longestTask: Math.max(0, ...scrolled.longTasks.map((task) => task.duration)),
        longestJumpTask: Math.max(
          0,
          ...scrolled.longTasks
            .filter((task) => task.start < scrolled.flingStart)
            .map((task) => task.duration),
        ),
        longestFlingTask: Math.max(
          0,
          ...scrolled.longTasks
            .filter((task) => task.start >= scrolled.flingStart)
            .map((task) => task.duration),
        ),
      },
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The library page's catalog worker's heap in use after a full collection, through the page's DevTools
 * session (a dedicated worker is a target of its own; Playwright's session reaches it through
 * Target.sendMessageToTarget). Null when the worker is not found.
 */
async function catalogWorkerHeap(context: BrowserContext, page: Page): Promise<number | null> {
  const session = await context.newCDPSession(page);
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'worker' && info.url.includes('catalog-worker'));
    if (!target) return null;
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    let lastId = 0;
    const answers = new Map<number, (result: unknown) => void>();
    session.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (message.id !== undefined) answers.get(message.id)?.(message.result ?? message.error);
    });
    const send = (method: string) =>
      new Promise<unknown>((resolve) => {
        const id = ++lastId;
        answers.set(id, resolve);
        void session.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params: {} }),
        });
      });
    await send('HeapProfiler.collectGarbage');
    const usage = (await send('Runtime.getHeapUsage')) as { usedSize?: number };
    return usage.usedSize ?? null;
  } finally {
    await session.detach();
  }
}

// ---------------------------------------------------------------------------------------------------

const ms = (value: number) =>
  Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–';
const mb = (bytes: number | null) =>
  bytes === null || !Number.isFinite(bytes) ? '–' : `${(bytes / 1_048_576).toFixed(1)} MB`;

function targetChecks(report: Omit<LibraryReport, 'targets' | 'seconds'>): TargetCheck[] {
  const created = report.inPage.saves.find((save) => save.status === 'created');
  const slowestSearch = report.inPage.queries.reduce((worst, query) => Math.max(worst, query.p95), 0);
  const { extension } = report;
  return [
    {
      what: 'save an article (saveArticle, new article), median',
      target: `≤ ${TARGETS.saveMedianMs} ms`,
      measured: `${ms(created?.median ?? NaN)} ms`,
      met: (created?.median ?? Infinity) <= TARGETS.saveMedianMs,
    },
    {
      what: 'search, p95 of the slowest query kind',
      target: `≤ ${TARGETS.searchP95Ms} ms`,
      measured: `${ms(slowestSearch)} ms`,
      met: slowestSearch <= TARGETS.searchP95Ms,
    },
    {
      what: 'library first paint (scrutiny-library-painted), median of opens',
      target: `≤ ${TARGETS.firstPaintMs} ms`,
      measured: `${ms(extension.painted.median)} ms`,
      met: extension.painted.median <= TARGETS.firstPaintMs,
    },
    {
      what: 'longest task while scrolling the whole list',
      target: `≤ ${TARGETS.longestTaskMs} ms`,
      measured:
        extension.scroll.longestTask === 0 ? 'no long task' : `${ms(extension.scroll.longestTask)} ms`,
      met: extension.scroll.longestTask <= TARGETS.longestTaskMs,
    },
    {
      what: `diff of two versions of a ${DIFF_WORDS.toLocaleString('en')}-word article, median`,
      target: `≤ ${TARGETS.diffMs} ms`,
      measured: `${ms(report.inPage.diff.median)} ms`,
      met: report.inPage.diff.median <= TARGETS.diffMs,
    },
  ];
}

export async function runLibraryBench(options: LibraryBenchOptions): Promise<LibraryReport> {
  const started = Date.now();
  ensureExtensionBuild(options.forceBuild);
  const library = {
    articles: options.articles,
    notes: options.notes,
    clippings: Math.round(options.articles / 10),
    collections: 30,
  };
  const input: GeneratorInput = { seed: SEED, ...library, corpusWords: corpusWords() };
  const script = await bundlePageScript();
  const loadBefore = loadavg()[0]!;
  const partA = await measureInPage(script, input);
  const loadBetween = loadavg()[0]!;
  const extension = await measureExtension(script, input, options.pageLoads);
  const machine = { cpus: cpus().length, loadBefore, loadBetween, loadAfter: loadavg()[0]! };
  const report = {
    machine,
    chromium: partA.chromium,
    seed: SEED,
    library,
    generator: partA.generator,
    inPage: partA.inPage,
    extension,
  };
  return { ...report, targets: targetChecks(report), seconds: (Date.now() - started) / 1000 };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  return [header, ...rows]
    .map((cells) =>
      cells
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const count = (value: number) => value.toLocaleString('en');
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const perThousand = (bytes: number | null, articles: number) =>
  bytes === null ? null : (bytes / articles) * 1000;

function printFrames(frames: readonly LongFrame[]): void {
  for (const frame of frames)
    console.log(
      `  long animation frame ${ms(frame.duration)} ms (blocking ${ms(frame.blockingDuration)}): ` +
        (frame.scripts
          .map((script) => `${script.source || '(page)'} via ${script.invoker} ${ms(script.duration)} ms`)
          .join('; ') || 'no script attributed (style, layout, paint)'),
    );
}

export function printLibraryReport(report: LibraryReport): void {
  const { inPage, extension, library } = report;
  const fill = inPage.fill;
  console.log(
    `\nLibrary: ${count(fill.articles)} articles (${count(fill.versions)} versions, ` +
      `${(fill.words / 1e6).toFixed(1)} M words), ${count(fill.annotations)} notes ` +
      `(${count(fill.highlights)} highlights, ${count(fill.annotations - fill.highlights)} page notes), ` +
      `${count(fill.clippings)} clippings, ${library.collections} collections; Chromium ${report.chromium}; ` +
      `written through lib/store in ${seconds(fill.ms)}, into the extension's database in ${seconds(extension.fill.ms)}`,
  );

  console.log('\nA. lib/ in a Chromium page (ms)');
  console.log(
    table(
      ['', 'median', 'p95', 'max', 'first call', 'other outcome'],
      inPage.saves.map((save) => [
        `saveArticle: ${save.status} (${save.count})`,
        ms(save.median),
        ms(save.p95),
        ms(save.max),
        ms(save.firstCall),
        String(save.unexpected),
      ]),
    ),
  );
  const index = inPage.index;
  const kinds = Object.entries(index.kinds)
    .map(([kind, n]) => `${count(n)} ${kind}`)
    .join(', ');
  console.log(
    `\nLibraryIndex.build over ${count(index.documents)} items (${kinds}; ${(index.words / 1e6).toFixed(1)} M words): ` +
      `${seconds(index.buildMs)}, heap +${mb(index.heapBytes)}; toJSON is ${mb(index.serializedCharacters)} of JSON ` +
      `(stringify ${seconds(index.serializeMs)}, parse + fromJSON ${seconds(index.loadMs)})`,
  );
  console.log(
    table(
      ['search (every match, by relevance)', 'p50', 'p95', 'max', 'mean matches', 'e.g.'],
      inPage.queries.flatMap((query) => [
        [
          `${query.kind} (${query.count})`,
          ms(query.median),
          ms(query.p95),
          ms(query.max),
          String(query.meanHits),
          query.examples
            .slice(0, 3)
            .map((example) => `“${example}”`)
            .join(' '),
        ],
        ...Object.entries(query.byLength ?? {}).map(([length, times]) => [
          `  ${length} letters (${times.count})`,
          ms(times.median),
          ms(times.p95),
          ms(times.max),
          '',
          '',
        ]),
      ]),
    ),
  );
  const catalog = inPage.catalog;
  console.log(
    `LibraryCatalog.load (every record read, then the index built: the worker's opening): ${seconds(catalog.loadMs)}, ` +
      `heap +${mb(catalog.heapBytes)}; then everything newest first and 30 rows: ${ms(catalog.firstRowsMs)} ms ` +
      `(${count(catalog.total)} items); a one-word search among the articles ${ms(catalog.searchQueryMs)} ms, ` +
      `then its first 30 rows with the lines around their matches ${ms(catalog.searchRowsMs)} ms`,
  );
  const diff = inPage.diff;
  console.log(
    `diffArticles, ${count(diff.words.older)} → ${count(diff.words.newer)} words ` +
      `(${diff.paragraphs.older} → ${diff.paragraphs.newer} paragraphs; found ${diff.summary.reworded} reworded, ` +
      `${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.quotesChanged} quote changes, ` +
      `updated date ${diff.updatedDate}): median ${ms(diff.median)} ms of ${diff.count}, max ${ms(diff.max)}, ` +
      `first call ${ms(diff.firstCallMs)} ms`,
  );
  const storage = inPage.storage;
  const first = storage.firstArticles;
  const whole = storage.wholeLibrary;
  const estimated = (size: StorageSize) => size.estimate.usage;
  const delta = (after: number | null, before: number | null) =>
    after === null || before === null ? null : after - before;
  console.log(
    `storage: ${count(first.articles)} articles with their ${count(first.versions)} snapshots, no notes, into the empty ` +
      `database: ${mb(delta(estimated(storage.afterFirstArticles), estimated(storage.empty)))} estimated, ` +
      `${mb(storage.afterFirstArticles.disk - storage.empty.disk)} on disk ` +
      `(as JSON: ${mb(sumValues(first.jsonCharacters))})`,
  );
  console.log(
    `  the whole library (${count(whole.articles)} articles with all notes, clippings and versions): ` +
      `${mb(estimated(whole))} estimated, ${mb(whole.disk)} on disk; per 1,000 articles ` +
      `${mb(perThousand(estimated(whole), whole.articles))} / ${mb(perThousand(whole.disk, whole.articles))}`,
  );

  console.log(
    `\nB. The extension's library page (${VIEWPORT.width}×${VIEWPORT.height}), ms from navigation start`,
  );
  const { firstOpen } = extension;
  const stepsOf = (load: LoadTiming) =>
    `HTML received ${ms(load.steps.responseEnd)} ms, DOMContentLoaded ${ms(load.steps.domContentLoaded)}, ` +
    `load ${ms(load.steps.load)}, first contentful paint ${ms(load.steps.firstContentfulPaint)}, ` +
    `first rows ${ms(load.painted)}`;
  console.log(
    `first open after filling: scrutiny-library-ready (the worker has the whole catalog) ${ms(firstOpen.ready)} ms, ` +
      `the page said ${firstOpen.items}; longest task while loading ${ms(firstOpen.longestTask)} ms\n` +
      `  ${stepsOf(firstOpen)}`,
  );
  printFrames(firstOpen.longFrames);
  const last = extension.loads.at(-1);
  console.log(
    `scrutiny-library-painted (first rows on screen), opens after that: median ${ms(extension.painted.median)} ` +
      `of ${extension.painted.count} (${extension.loads.map((load) => ms(load.painted)).join(', ')})` +
      (last ? `\n  last open: ${stepsOf(last)}` : ''),
  );
  const scroll = extension.scroll;
  const longest = (value: number) => (value === 0 ? 'no long task' : `longest task ${ms(value)} ms`);
  console.log(
    `scrolling ${count(scroll.rows)} rows (${(scroll.scrollHeight / 1e6).toFixed(1)} M px) in ` +
      `${seconds(scroll.ms)}: ${scroll.longTasks.length} long tasks over 50 ms\n` +
      `  ${scroll.jumps} jumps spread from top to bottom, each until its rows came: ${longest(scroll.longestJumpTask)}; ` +
      `rows on screen after median ${ms(scroll.rowWaits.median)} ms, p95 ${ms(scroll.rowWaits.p95)}, ` +
      `max ${ms(scroll.rowWaits.max)} (${scroll.unfilledJumps} still waiting after 2 s)\n` +
      `  ${scroll.flingFrames} frames from the top, a screen a frame: ${longest(scroll.longestFlingTask)}`,
  );
  printFrames(scroll.longFrames);
  console.log(
    `the catalog worker's heap with the whole catalog, after a full collection: ${mb(extension.workerHeapBytes)}`,
  );
  console.log(
    `extension database: ${mb(extension.size.estimate.usage)} estimated, ${mb(extension.size.disk)} on disk`,
  );
  console.log(
    `machine: ${report.machine.cpus} CPUs, load average ${report.machine.loadBefore.toFixed(1)} before, ` +
      `${report.machine.loadBetween.toFixed(1)} between the parts, ${report.machine.loadAfter.toFixed(1)} after`,
  );

  console.log('\ntargets');
  console.log(
    table(
      ['', 'target', 'measured', ''],
      report.targets.map((check) => [check.what, check.target, check.measured, check.met ? 'met' : 'MISSED']),
    ),
  );
  console.log(`\n(${(report.seconds / 60).toFixed(1)} min)`);
}

function sumValues(record: Record<string, number>): number {
  return Object.values(record).reduce((sum, value) => sum + value, 0);
}
