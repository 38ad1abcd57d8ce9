/**
 * `npm run bench -- --only panel [ZYTE_DIR] [--pages N] [--browser chromium|firefox|both] [--no-early-read] [--json FILE]`:
 * the reader's wait (issue 12). The built test extension in real Chromium and real Firefox ESR, the Zyte
 * benchmark's pages served from 127.0.0.1 with their scripts off (`script-src 'none'`, as the extension
 * meets them on a page whose scripts have run their course) and every other request refused, so nothing
 * leaves the machine. Three gestures, each on --pages pages (30) drawn at random with a fixed seed:
 *
 * - open: the panel opens on a page (`sidePanel.open` in Chromium, `sidebarAction.open` in Firefox, under
 *   a real click in an extension page). The first page after the panel opens.
 * - switch: the reader switches to a tab the moment it finished loading in the background.
 * - switch-later: the same, two seconds after it finished loading (a link opened in a new tab and read
 *   a little later): the panel analyses tabs that finish loading in its window in the background.
 * - navigation: the shown tab loads another page (the wait includes the page's own loading).
 *
 * The gesture's moment is taken in another page of the extension, on the browser's clock; the panel marks
 * each step of its analysis (entrypoints/sidepanel/timing.ts), the painted ones after the browser painted.
 * Reported: byline painted and quotes and sources painted after the gesture, median and p90, and the
 * median of each step between.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { quantile } from './stats';
import {
  PANEL_MARK_PREFIX,
  PANEL_STEPS,
  type PanelMarkDetail,
  type PanelStartUp,
  type PanelStep,
} from '../entrypoints/sidepanel/timing';
import type { Browser } from '@wxt-dev/browser';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  FIREFOX_UUID,
  ROOT,
  TEST_BUILD,
  firefoxLaunchOptions,
  temporaryProfile,
  loadExtensionArgs,
  until as pollUntil,
} from '../tests/e2e/browsers';

/** The extension API inside extension pages, where the evaluate callbacks run. */
declare const chrome: typeof Browser;
declare const browser: typeof Browser;

export interface PanelBenchOptions {
  zyteDir: string;
  pages: number;
  browsers: BrowserName[];
  json: string | null;
  /** Whether "open" starts reading the page at the gesture, as the toolbar button does (--no-early-read: not). */
  earlyRead: boolean;
}

type BrowserName = 'chromium' | 'firefox';
const GESTURES = ['open', 'switch', 'switch-later', 'navigation'] as const;
/** How long a tab has been loaded before `switch-later` goes to it. */
const LOADED_BEFORE_SWITCH_MS = 2_000;
type Gesture = (typeof GESTURES)[number];

const TARGETS = { bylineMedian: 150, bylineP90: 300, quotesMedian: 250 };
/** How long one gesture may take before it counts as failed (not a timing: a page that never answers). */
const GIVE_UP_MS = 20_000;
const SEED = 12;

export function parsePanelBenchArgs(args: string[]): PanelBenchOptions {
  const options: PanelBenchOptions = {
    zyteDir: join(ROOT, '..', 'shared', 'corpora', 'article-extraction-benchmark'),
    pages: 30,
    browsers: ['chromium', 'firefox'],
    json: null,
    earlyRead: true,
  };
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    const value = args[at + 1];
    if (arg === '--pages') {
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 1) throw new Error('--pages takes a whole number');
      options.pages = parsed;
      at++;
    } else if (arg === '--browser' && (value === 'chromium' || value === 'firefox' || value === 'both')) {
      options.browsers = value === 'both' ? ['chromium', 'firefox'] : [value];
      at++;
    } else if (arg === '--json' && value) {
      options.json = value;
      at++;
    } else if (arg === '--no-early-read') {
      options.earlyRead = false;
    } else if (!arg.startsWith('--')) options.zyteDir = resolve(process.env.INIT_CWD ?? '.', arg);
    else throw new Error(`unknown option ${arg}`);
  }
  if (!existsSync(join(options.zyteDir, 'ground-truth.json')))
    throw new Error(`${options.zyteDir} is not the Zyte benchmark (no ground-truth.json); pass its folder`);
  return options;
}

// ---------------------------------------------------------------------------------------------------
// Pages

interface BenchPage {
  name: string;
  path: string;
}

/** A small seeded generator, so every run draws the same pages. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Serve every Zyte page at /zyte/NAME.html with its scripts off; return them shuffled. */
function serveZyte(server: FixtureServer, dir: string): BenchPage[] {
  const names = readdirSync(join(dir, 'html'))
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .map((file) => file.slice(0, -'.html.gz'.length));
  for (const name of names) {
    const html = gunzipSync(readFileSync(join(dir, 'html', `${name}.html.gz`)));
    server.route(`/zyte/${name}.html`, html, 'text/html; charset=utf-8', {
      'content-security-policy': "script-src 'none'",
    });
  }
  const random = mulberry32(SEED);
  const shuffled = names.map((name) => ({ name, key: random() })).sort((a, b) => a.key - b.key);
  return shuffled.map(({ name }) => ({ name, path: `/zyte/${name}.html` }));
}

// ---------------------------------------------------------------------------------------------------
// One browser's driver: the same gestures, whichever automation reaches them

interface Mark {
  step: PanelStep;
  at: number;
  /** ms since the panel's document began (its own clock). */
  sinceDocumentStart: number;
  detail: PanelMarkDetail;
}

interface Driver {
  /** Open a tab on `url` (in the article window), active or in the background; resolves once loaded. */
  openTab(url: string, active: boolean): Promise<number>;
  closeTab(tabId: number): Promise<void>;
  /**
   * Each returns the gesture's moment on the browser's clock (epoch ms). `readTabId`: the tab the
   * toolbar button was clicked on, which the background starts reading at once (--no-early-read: not).
   */
  openPanel(readTabId?: number): Promise<number>;
  closePanel(): Promise<void>;
  switchTo(tabId: number): Promise<number>;
  navigate(tabId: number, url: string): Promise<number>;
  /** The panel's marks now (none while it is closed). */
  marks(): Promise<Mark[]>;
  close(): Promise<void>;
  version: string;
  /** What this browser's "open" is. */
  openedAs: string;
}

/**
 * Run in an extension page: the marks of the panel page (any panel page but the bench's control page),
 * with the wall clock each carries. `chrome.extension.getViews` is there in both browsers.
 */
function readPanelMarks(
  prefix: string,
): Array<{ name: string; at: number; sinceDocumentStart: number; detail: PanelMarkDetail }> {
  const views = chrome.extension.getViews() as unknown as Window[];
  const panel = views.find(
    (view) => view.location.pathname === '/sidepanel.html' && !view.location.search.includes('control'),
  );
  if (!panel) return [];
  return panel.performance
    .getEntriesByType('mark')
    .filter((mark) => mark.name.startsWith(prefix))
    .map((mark) => {
      const detail = JSON.parse(JSON.stringify((mark as PerformanceMark).detail)) as PanelMarkDetail;
      return { name: mark.name, at: detail.at ?? NaN, sinceDocumentStart: mark.startTime, detail };
    });
}

function toMarks(raw: ReturnType<typeof readPanelMarks>): Mark[] {
  return raw.map((mark) => ({
    step: mark.name.slice(PANEL_MARK_PREFIX.length) as PanelStep,
    at: mark.at,
    sinceDocumentStart: mark.sinceDocumentStart,
    detail: mark.detail,
  }));
}

/** Debian's Chromium with the test build; the side panel opened by a click in an extension page. */
async function chromiumDriver(): Promise<Driver> {
  const profile = temporaryProfile('scrutiny-bench-panel-');
  const context: BrowserContext = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      ...CHROMIUM_ARGS,
      ...loadExtensionArgs(TEST_BUILD.chrome),
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  await context.route(/^(?!http:\/\/127\.0\.0\.1:|chrome-extension:|chrome:|about:|data:)/, (route) =>
    route.abort(),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const control = await controlPage(context, `chrome-extension://${extensionId}/sidepanel.html`);
  const windowId = await control.evaluate(async () => (await chrome.tabs.getCurrent())!.windowId);
  await control.evaluate((id) => {
    const button = document.createElement('button');
    button.id = 'bench-open';
    button.textContent = 'open';
    button.addEventListener('click', () => {
      const bench = window as { gestureAt?: number; readTabId?: number };
      bench.gestureAt = Date.now();
      void chrome.sidePanel.open({ windowId: id });
      // What the background does on the toolbar button (readPageEarly in entrypoints/background.ts),
      // which automation cannot click: start reading the page while the panel opens.
      const tabId = bench.readTabId;
      if (tabId !== undefined)
        void chrome.scripting
          .executeScript({ target: { tabId }, files: ['/extract.js'] })
          .then(() => chrome.tabs.sendMessage(tabId, { type: 'scrutiny/extract', early: true }))
          .catch(() => undefined);
    });
    document.body.prepend(button);
  }, windowId);
  const panelOpen = () =>
    control.evaluate(() =>
      (chrome.extension.getViews() as unknown as Window[]).some(
        (view) => view.location.pathname === '/sidepanel.html' && view.location.search === '',
      ),
    );
  return {
    version: `Chromium ${context.browser()?.version() ?? ''}`.trim(),
    openedAs: 'the side panel, opened by sidePanel.open under a click',
    async openTab(url, active) {
      const tabId = await control.evaluate(
        async ({ url, active, windowId }) => (await chrome.tabs.create({ url, active, windowId })).id!,
        { url, active, windowId },
      );
      await until(
        () => control.evaluate(async (id) => (await chrome.tabs.get(id)).status, tabId),
        (s) => s === 'complete',
      );
      return tabId;
    },
    closeTab: (tabId) => control.evaluate((id) => chrome.tabs.remove(id), tabId),
    async openPanel(readTabId) {
      await control.evaluate((id) => ((window as { readTabId?: number }).readTabId = id), readTabId);
      await control.click('#bench-open');
      await until(panelOpen, (open) => open);
      return control.evaluate(() => (window as { gestureAt?: number }).gestureAt!);
    },
    async closePanel() {
      await control.evaluate((id) => chrome.sidePanel.close({ windowId: id }), windowId);
      await until(panelOpen, (open) => !open);
    },
    switchTo: (tabId) =>
      control.evaluate(async (id) => {
        const at = Date.now();
        await chrome.tabs.update(id, { active: true });
        return at;
      }, tabId),
    navigate: (tabId, url) =>
      control.evaluate(
        async ({ id, url }) => {
          const at = Date.now();
          await chrome.tabs.update(id, { url });
          return at;
        },
        { id: tabId, url },
      ),
    marks: async () => toMarks(await control.evaluate(readPanelMarks, PANEL_MARK_PREFIX)),
    async close() {
      await context.close();
      profile.remove();
    },
  };
}

/**
 * The extension page the bench drives the browser from: the panel page following a window that does not
 * exist, so that it analyses nothing and does not compete with the real panel. (A panel page opened
 * plainly would follow the article window too: Firefox kept such a page alive after the control page
 * navigated away, and its marks were read for the panel's.)
 */
const CONTROL_QUERY = `?windowId=${2 ** 31 - 1}&control`;

async function controlPage(context: BrowserContext, panelUrl: string): Promise<PlaywrightPage> {
  const page = await context.newPage();
  await page.goto(`${panelUrl}${CONTROL_QUERY}`);
  return page;
}

/** Firefox ESR over WebDriver BiDi; the real sidebar, opened and closed under clicks. */
async function firefoxDriver(): Promise<Driver> {
  // Every address but 127.0.0.1 goes to a proxy that is not there: nothing leaves, nothing waits on DNS.
  const deadPort = 1;
  const instance: PuppeteerBrowser = await puppeteer.launch(
    firefoxLaunchOptions({
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': deadPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': deadPort,
      'network.proxy.no_proxies_on': '127.0.0.1',
    }),
  );
  await instance.installExtension(TEST_BUILD.firefox);
  const panelUrl = `moz-extension://${FIREFOX_UUID}/sidepanel.html`;
  // Extension pages never finish a BiDi navigation in Firefox: start it and wait for the page instead.
  const control: PuppeteerPage = (await instance.pages())[0] ?? (await instance.newPage());
  const visit = async (query: string) => {
    void control.goto(`${panelUrl}${query}`).catch(() => undefined);
    await until(
      () => control.evaluate(() => document.readyState === 'complete' && location.href),
      (href) => typeof href === 'string' && href.endsWith(query),
    );
  };
  let windowId: number;
  try {
    await visit(CONTROL_QUERY);
    windowId = await control.evaluate(async () => (await browser.tabs.getCurrent())!.windowId!);
  } catch (error) {
    await instance.close();
    throw error;
  }
  // Firefox opens an extension's sidebar when it is installed; the bench starts with it closed.
  await control.evaluate(() => {
    // Firefox's own API, missing from the cross-browser types.
    const sidebar = (
      browser as unknown as { sidebarAction: { open(): Promise<void>; close(): Promise<void> } }
    ).sidebarAction;
    for (const [id, action] of [
      ['bench-open', () => sidebar.open()],
      ['bench-close', () => sidebar.close()],
    ] as const) {
      const button = document.createElement('button');
      button.id = id;
      button.textContent = id;
      button.addEventListener('click', () => {
        const bench = window as { gestureAt?: number; readTabId?: number };
        bench.gestureAt = Date.now();
        void action();
        // As the background does on the toolbar button (readPageEarly in entrypoints/background.ts).
        const tabId = bench.readTabId;
        if (id === 'bench-open' && tabId !== undefined)
          void browser.scripting
            .executeScript({ target: { tabId }, files: ['/extract.js'] })
            .then(() => browser.tabs.sendMessage(tabId, { type: 'scrutiny/extract', early: true }))
            .catch(() => undefined);
      });
      document.body.prepend(button);
    }
  });
  const panelOpen = () =>
    control.evaluate(() =>
      (browser.extension.getViews() as unknown as Window[]).some(
        (view) => view.location.pathname === '/sidepanel.html' && view.location.search === '',
      ),
    );
  const closePanel = async () => {
    await control.click('#bench-close');
    await until(panelOpen, (open) => !open);
  };
  await closePanel();
  return {
    version: `Firefox ${await instance.version()}`,
    openedAs: 'the sidebar, opened by sidebarAction.open under a click',
    async openTab(url, active) {
      const tabId = await control.evaluate(
        async (url: string, active: boolean, windowId: number) =>
          (await browser.tabs.create({ url, active, windowId })).id!,
        url,
        active,
        windowId,
      );
      await until(
        () => control.evaluate(async (id: number) => (await browser.tabs.get(id)).status, tabId),
        (s) => s === 'complete',
      );
      return tabId;
    },
    closeTab: (tabId) => control.evaluate((id: number) => browser.tabs.remove(id), tabId),
    async openPanel(readTabId) {
      await control.evaluate(
        (id: number | undefined) => ((window as { readTabId?: number }).readTabId = id),
        readTabId,
      );
      await control.click('#bench-open');
      await until(panelOpen, (open) => open);
      return control.evaluate(() => (window as { gestureAt?: number }).gestureAt!);
    },
    closePanel,
    switchTo: (tabId) =>
      control.evaluate(async (id: number) => {
        const at = Date.now();
        await browser.tabs.update(id, { active: true });
        return at;
      }, tabId),
    navigate: (tabId, url) =>
      control.evaluate(
        async (id: number, url: string) => {
          const at = Date.now();
          await browser.tabs.update(id, { url });
          return at;
        },
        tabId,
        url,
      ),
    marks: async () => toMarks(await control.evaluate(readPanelMarks, PANEL_MARK_PREFIX)),
    close: () => instance.close(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Measuring

interface Sample {
  gesture: Gesture;
  page: string;
  /** ms after the gesture; null when the panel showed no analysis (then `view` says what it showed). */
  byline: number | null;
  quotes: number | null;
  view: string;
  /** ms from the gesture to each step the panel marked. */
  steps: Partial<Record<PanelStep, number>>;
  /** ms from the gesture to the panel's document beginning (for `open`: the browser's share of the wait). */
  panelDocument: number;
  /** For the panel's first request: its start-up, and when it asked, in ms since its document began. */
  startUp?: PanelStartUp & { requested: number };
}

/** Poll briskly; a bench may wait, it only gives up on a page that never answers. */
const until = <T>(read: () => Promise<T>, accept: (value: T) => boolean) =>
  pollUntil(read, accept, GIVE_UP_MS, 25);

/** The marks of the newest analysis of `tabId` started after `gestureAt`, once it is all on screen. */
function finishedAnalysis(marks: Mark[], tabId: number, gestureAt: number): Mark[] | null {
  const started = marks.filter(
    (mark) => mark.step === 'requested' && mark.detail.tabId === tabId && mark.at >= gestureAt - 1,
  );
  if (started.length === 0) return null;
  const request = Math.max(...started.map((mark) => mark.detail.request));
  const mine = marks.filter((mark) => mark.detail.request === request);
  const byline = mine.find((mark) => mark.step === 'byline-painted');
  if (!byline) return null;
  if (byline.detail.view === 'result' && !mine.some((mark) => mark.step === 'quotes-painted')) return null;
  return mine;
}

/**
 * Wait for the panel to finish the analysis of `tabId` that the gesture started. When the browser tells
 * the panel twice (Firefox may report a finished load again on activation), the later analysis is the
 * one the reader waits for, so a finished one counts only if no newer one starts just after it.
 */
async function sampleAfter(
  driver: Driver,
  gesture: Gesture,
  page: string,
  tabId: number,
  gestureAt: number,
): Promise<Sample> {
  let seen: Mark[] = [];
  let mine: Mark[];
  for (;;) {
    try {
      mine = await until(
        async () => (seen = await driver.marks()),
        (marks) => finishedAnalysis(marks, tabId, gestureAt) !== null,
      ).then((marks) => finishedAnalysis(marks, tabId, gestureAt)!);
    } catch (error) {
      const steps = seen.map(
        (mark) =>
          `${mark.detail.request}:${mark.step}@${mark.detail.tabId}:${(mark.at - gestureAt).toFixed(0)}`,
      );
      throw new Error(`${String(error)}; marks: ${steps.join(' ') || 'none'}`, { cause: error });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const newest = finishedAnalysis(await driver.marks(), tabId, gestureAt);
    if (newest && newest[0]!.detail.request === mine[0]!.detail.request) break;
  }
  const steps: Partial<Record<PanelStep, number>> = {};
  for (const mark of mine) steps[mark.step] = mark.at - gestureAt;
  const view = mine.find((mark) => mark.step === 'byline-painted')?.detail.view ?? 'none';
  const requested = mine.find((mark) => mark.step === 'requested');
  return {
    gesture,
    page,
    view,
    byline: view === 'result' ? (steps['byline-painted'] ?? null) : null,
    quotes: view === 'result' ? (steps['quotes-painted'] ?? null) : null,
    steps,
    panelDocument: requested ? requested.at - requested.sinceDocumentStart - gestureAt : NaN,
    startUp: requested?.detail.startUp && {
      ...requested.detail.startUp,
      requested: requested.sinceDocumentStart,
    },
  };
}

async function measureBrowser(
  driver: Driver,
  server: FixtureServer,
  pages: BenchPage[],
  count: number,
  earlyRead: boolean,
  log: (line: string) => void,
): Promise<{ samples: Sample[]; failures: Array<{ gesture: Gesture; page: string; error: string }> }> {
  const samples: Sample[] = [];
  const failures: Array<{ gesture: Gesture; page: string; error: string }> = [];
  const drawn = (offset: number) =>
    Array.from({ length: count }, (_, i) => pages[(offset + i) % pages.length]!);
  const attempt = async (gesture: Gesture, page: BenchPage, work: () => Promise<Sample>) => {
    try {
      const sample = await work();
      samples.push(sample);
      log(
        `  ${gesture.padEnd(10)} ${page.name.padEnd(12)} byline ${fmt(sample.byline)}  quotes ${fmt(sample.quotes)}${sample.view === 'result' ? '' : `  (${sample.view})`}`,
      );
    } catch (error) {
      failures.push({ gesture, page: page.name, error: String(error) });
      log(`  ${gesture.padEnd(10)} ${page.name.padEnd(12)} failed: ${String(error)}`);
    }
  };

  // open: a fresh panel each time, on a page already loaded in the active tab.
  for (const page of drawn(0)) {
    const tabId = await driver.openTab(server.url(page.path), true);
    await attempt('open', page, async () => {
      const at = await driver.openPanel(earlyRead ? tabId : undefined);
      return sampleAfter(driver, 'open', page.name, tabId, at);
    });
    await driver.closePanel().catch(() => undefined);
    await driver.closeTab(tabId);
  }

  // switch and navigation: the panel stays open.
  let shown = await driver.openTab(server.url(pages[pages.length - 1]!.path), true);
  await driver.openPanel();
  await sampleAfter(driver, 'open', 'warm-up', shown, 0).catch(() => undefined);
  for (const [index, gesture] of (['switch', 'switch-later'] as const).entries()) {
    for (const page of drawn((index + 1) * count)) {
      const tabId = await driver.openTab(server.url(page.path), false);
      if (gesture === 'switch-later')
        await new Promise((resolve) => setTimeout(resolve, LOADED_BEFORE_SWITCH_MS));
      await attempt(gesture, page, async () => {
        const at = await driver.switchTo(tabId);
        return sampleAfter(driver, gesture, page.name, tabId, at);
      });
      await driver.closeTab(shown);
      shown = tabId;
    }
  }
  for (const page of drawn(3 * count)) {
    await attempt('navigation', page, async () => {
      const at = await driver.navigate(shown, server.url(page.path));
      return sampleAfter(driver, 'navigation', page.name, shown, at);
    });
  }
  await driver.closePanel().catch(() => undefined);
  return { samples, failures };
}

const fmt = (ms: number | null | undefined) =>
  ms === null || ms === undefined || Number.isNaN(ms) ? '   –  ' : `${ms.toFixed(0).padStart(4)} ms`;

// ---------------------------------------------------------------------------------------------------
// Report

interface GestureSummary {
  gesture: Gesture | 'later pages';
  samples: number;
  notAnalyzed: number;
  bylineMedian: number;
  bylineP90: number;
  quotesMedian: number;
  quotesP90: number;
  /** Median ms of each step after the one before it (the first: after the gesture). */
  stepMedians: Partial<Record<PanelStep, number>>;
  /** Median ms from the gesture to the panel's document beginning: the browser's share of `open`. */
  panelDocumentMedian: number;
  /** Medians of the panel's start-up (ms since its document began), over the samples that carry it. */
  startUpMedians: PanelStartUp & { requested: number };
}

function summarize(gesture: GestureSummary['gesture'], samples: Sample[]): GestureSummary {
  const analyzed = samples.filter((sample) => sample.byline !== null && sample.quotes !== null);
  const bylines = analyzed.map((sample) => sample.byline!);
  const quotes = analyzed.map((sample) => sample.quotes!);
  const stepMedians: Partial<Record<PanelStep, number>> = {};
  PANEL_STEPS.forEach((step, index) => {
    const previous = index === 0 ? null : PANEL_STEPS[index - 1]!;
    const gaps = analyzed
      .map((sample) => {
        const at = sample.steps[step];
        // An analysis that found the extraction script already in the page has no "injected".
        const before =
          previous === 'injected' && sample.steps.injected === undefined ? 'requested' : previous;
        const from = before === null ? 0 : sample.steps[before];
        return at === undefined || from === undefined ? NaN : at - from;
      })
      .filter((gap) => !Number.isNaN(gap));
    stepMedians[step] = quantile(gaps, 0.5);
  });
  return {
    gesture,
    samples: samples.length,
    notAnalyzed: samples.length - analyzed.length,
    bylineMedian: quantile(bylines, 0.5),
    bylineP90: quantile(bylines, 0.9),
    quotesMedian: quantile(quotes, 0.5),
    quotesP90: quantile(quotes, 0.9),
    stepMedians,
    panelDocumentMedian: quantile(
      analyzed.map((sample) => sample.panelDocument),
      0.5,
    ),
    startUpMedians: {
      htmlParsed: startUpMedian(analyzed, 'htmlParsed'),
      scriptsEvaluated: startUpMedian(analyzed, 'scriptsEvaluated'),
      requested: startUpMedian(analyzed, 'requested'),
    },
  };
}

function startUpMedian(samples: Sample[], key: keyof PanelStartUp | 'requested'): number {
  return quantile(
    samples.flatMap((sample) => (sample.startUp ? [sample.startUp[key]] : [])),
    0.5,
  );
}

const STEP_LABELS: Record<PanelStep, string> = {
  requested: 'gesture → panel hears it',
  injected: 'script injected (when not there yet)',
  captured: 'page captured and sent',
  built: 'article built (sanitize, byline)',
  'byline-painted': 'byline rendered and painted',
  analyzed: 'quotes and sources analysed',
  'quotes-painted': 'rendered and painted',
};

function printReport(name: string, openedAs: string, summaries: GestureSummary[]): void {
  const verdict = (value: number, target: number) => (value <= target ? 'met' : 'missed');
  console.log(`\n${name} (open = ${openedAs})\n`);
  const rows = summaries.map((s) => [
    s.gesture,
    `${s.samples - s.notAnalyzed}/${s.samples}`,
    fmt(s.bylineMedian),
    fmt(s.bylineP90),
    fmt(s.quotesMedian),
    fmt(s.quotesP90),
  ]);
  console.log(
    table(['gesture', 'analysed', 'byline median', 'byline p90', 'quotes median', 'quotes p90'], rows),
  );
  console.log('\nmedian ms of each step after the one before:\n');
  console.log(
    table(
      ['step', ...summaries.map((s) => s.gesture)],
      PANEL_STEPS.map((step) => [STEP_LABELS[step], ...summaries.map((s) => fmt(s.stepMedians[step]))]),
    ),
  );
  const open = summaries.find((s) => s.gesture === 'open');
  if (open)
    console.log(
      `\nopen: the panel's document began ${fmt(open.panelDocumentMedian).trim()} after the click (median); ` +
        `its own start-up until it asked for the page took ${fmt((open.stepMedians.requested ?? NaN) - open.panelDocumentMedian).trim()}: ` +
        `HTML parsed at ${fmt(open.startUpMedians.htmlParsed).trim()}, its scripts evaluated at ` +
        `${fmt(open.startUpMedians.scriptsEvaluated).trim()}, the page asked for at ${fmt(open.startUpMedians.requested).trim()} ` +
        `(medians, since the document began)\n`,
    );
  for (const s of summaries) {
    console.log(
      `${s.gesture}: byline median ${verdict(s.bylineMedian, TARGETS.bylineMedian)} (≤ ${TARGETS.bylineMedian} ms), ` +
        `p90 ${verdict(s.bylineP90, TARGETS.bylineP90)} (≤ ${TARGETS.bylineP90} ms), ` +
        `quotes median ${verdict(s.quotesMedian, TARGETS.quotesMedian)} (≤ ${TARGETS.quotesMedian} ms)`,
    );
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export async function runPanelBench(options: PanelBenchOptions): Promise<void> {
  if (
    !existsSync(join(TEST_BUILD.chrome, 'manifest.json')) ||
    !existsSync(join(TEST_BUILD.firefox, 'manifest.json'))
  ) {
    console.log('building the test extension (npm run build:test)…');
    const built = spawnSync('npm', ['run', '-s', 'build:test'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:test failed');
  }
  const server = await startFixtureServer();
  const pages = serveZyte(server, options.zyteDir);
  const report: Record<string, unknown> = {
    command: `npm run bench -- --only panel ${process.argv.slice(4).join(' ')}`.trim(),
    date: new Date().toISOString(),
    cores: cpus().length,
    loadBefore: loadavg()[0],
    pagesPerGesture: options.pages,
    earlyRead: options.earlyRead,
  };
  try {
    for (const name of options.browsers) {
      const driver = name === 'chromium' ? await chromiumDriver() : await firefoxDriver();
      console.log(`\n${driver.version}: ${options.pages} pages per gesture`);
      try {
        const { samples, failures } = await measureBrowser(
          driver,
          server,
          pages,
          options.pages,
          options.earlyRead,
          (line) => console.log(line),
        );
        const summaries = [
          ...GESTURES.map((gesture) =>
            summarize(
              gesture,
              samples.filter((s) => s.gesture === gesture),
            ),
          ),
          summarize(
            'later pages',
            samples.filter((s) => s.gesture !== 'open'),
          ),
        ];
        printReport(driver.version, driver.openedAs, summaries);
        if (failures.length) console.log(`\n${failures.length} gestures failed (see above)`);
        report[name] = { version: driver.version, openedAs: driver.openedAs, summaries, samples, failures };
      } finally {
        await driver.close();
      }
    }
  } finally {
    await server.close();
  }
  report.loadAfter = loadavg()[0];
  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify(report, (_k, v: unknown) => (Number.isNaN(v) ? null : v), 2)}\n`,
    );
    console.log(`\nwrote ${options.json}`);
  }
}
