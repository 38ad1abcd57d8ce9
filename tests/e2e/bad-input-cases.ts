/**
 * Broken, huge and hostile pages, as a reader would open them, with what the panel must show.
 * Shared by the Chromium and the Firefox suites so both browsers meet the same cases.
 */
import {
  CYRILLIC_TITLE,
  XML_FEED,
  deepDomPage,
  deepJsonLdPage,
  gzipBomb,
  hostileArticlePage,
  hostileMetadataPage,
  hugeJsonLdPage,
  hugePage,
  malformedJsonLdPage,
  pdfBytes,
  prototypePollutionJsonLdPage,
  randomBytes,
  utf16PageBytes,
  windows1251PageBytes,
} from '../fixtures/hostile/pages';

/** What the panel shows, read from the panel page. */
export interface PanelSnapshot {
  /** `data-view` of the panel: loading, result, restricted, needs-permission, error. */
  view: string;
  text: string;
  headline: string | null;
  /** Elements inside the headline (page markup must never become elements). */
  headlineElements: number;
  /** Any `javascript:` link, script or event handler that reached the panel's DOM. */
  unsafeNodes: number;
  /** Set by injected markup if it ever ran in the panel. */
  hacked: boolean;
}

export interface BadInputCase {
  name: string;
  path: string;
  body: () => string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Checks on the settled panel; throw (expect) on failure. */
  check: (panel: PanelSnapshot) => void;
  /** Big pages take the browser a while to load. */
  slow?: boolean;
  /** Watch the page's own thread while Scrutiny reads it: see longestBlock and LONGEST_BLOCK_MS. */
  watchResponsiveness?: boolean;
}

/**
 * The longest the page may be kept from running its own code while Scrutiny reads it. Generous, so a
 * busy machine cannot make it fail: reading the 25 MB page whole blocked it for 40 s in one task. How
 * long the longest task really is, is measured (scripts/bench-scaling.ts --big-page), not asserted.
 */
export const LONGEST_BLOCK_MS = 5_000;

/** A stretch of time the page could not run its own code, in its performance.now() clock. */
interface Block {
  start: number;
  duration: number;
}
type WatchedWindow = typeof globalThis & {
  __blocks?: Block[];
  __scrutinyFrom?: number;
  __longTaskObserver?: PerformanceObserver;
  __lastBeat?: number;
};

// The functions below run in the page (page.evaluate), so each is self-contained: no helpers.

/**
 * Runs in the page (Chromium) before Scrutiny does: records every long task from then on, whoever
 * runs it, the extension's scripts included.
 */
export function watchLongTasks(): void {
  const watched = globalThis as WatchedWindow;
  const blocks: Block[] = (watched.__blocks ??= []);
  watched.__longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) blocks.push({ start: entry.startTime, duration: entry.duration });
  });
  watched.__longTaskObserver.observe({ type: 'longtask' });
}

/**
 * Runs in the page before Scrutiny does: a heartbeat every 100 ms, recording each gap between beats.
 * Firefox has no long-task entries; in Chromium it catches a task still running when the result is
 * read (its long-task entry comes only after it ends). A page in a background tab beats once a second
 * at best.
 */
export function watchHeartbeat(): void {
  const watched = globalThis as WatchedWindow;
  const blocks: Block[] = (watched.__blocks ??= []);
  watched.__lastBeat = performance.now();
  setInterval(() => {
    const now = performance.now();
    const last = watched.__lastBeat ?? now;
    blocks.push({ start: last, duration: now - last });
    watched.__lastBeat = now;
  }, 100);
}

/**
 * Runs in the page just before the panel asks for it: blocks before this moment (the browser opening
 * tabs next to a 25 MB page on a busy machine) are not Scrutiny's. The page runs this, so it was not
 * blocked at this moment.
 */
export function markScrutinyStart(): void {
  (globalThis as WatchedWindow).__scrutinyFrom = performance.now();
}

/**
 * Runs in the page: the longest block since markScrutinyStart, in milliseconds. Counts the blocks not
 * yet reported too: the entry of a long task that has just ended (its observer is called later), and
 * the gap since the last heartbeat (the beat that closes it may not have run yet).
 */
export function longestBlock(): number {
  const watched = globalThis as WatchedWindow;
  const from = watched.__scrutinyFrom ?? 0;
  const blocks = [
    ...(watched.__blocks ?? []),
    ...(watched.__longTaskObserver?.takeRecords() ?? []).map((entry) => ({
      start: entry.startTime,
      duration: entry.duration,
    })),
  ];
  if (watched.__lastBeat !== undefined)
    blocks.push({ start: watched.__lastBeat, duration: performance.now() - watched.__lastBeat });
  const since = blocks.map((block) => block.start + block.duration - Math.max(block.start, from));
  return Math.round(Math.max(0, ...since));
}

/** Throws when the page was blocked for LONGEST_BLOCK_MS or more while Scrutiny read it. */
export function expectResponsive(longestMs: number): void {
  if (longestMs >= LONGEST_BLOCK_MS)
    throw new Error(
      `the page could not run its own code for ${longestMs} ms while Scrutiny read it (limit ${LONGEST_BLOCK_MS} ms)`,
    );
}

const ARTICLE_TITLE = 'Council closes the old bridge for repairs';

function fail(message: string, panel: PanelSnapshot): never {
  throw new Error(`${message}\nPanel (${panel.view}): ${panel.text.slice(0, 600)}`);
}
function expectView(panel: PanelSnapshot, views: string[]) {
  if (!views.includes(panel.view)) fail(`expected the panel to show ${views.join(' or ')}`, panel);
}
function expectText(panel: PanelSnapshot, fragment: string | RegExp) {
  const found = typeof fragment === 'string' ? panel.text.includes(fragment) : fragment.test(panel.text);
  if (!found) fail(`expected the panel to say ${String(fragment)}`, panel);
}
function expectHeadline(panel: PanelSnapshot, headline: string) {
  if (panel.headline !== headline)
    fail(`expected the headline ${JSON.stringify(headline)}, got ${JSON.stringify(panel.headline)}`, panel);
}
function expectSafe(panel: PanelSnapshot) {
  if (panel.hacked || panel.unsafeNodes > 0 || panel.headlineElements > 0)
    fail('page markup reached the panel as live markup', panel);
}
const notAnArticle = (panel: PanelSnapshot) => {
  expectView(panel, ['result']);
  expectText(panel, 'This does not look like an article');
  expectSafe(panel);
};

export const BAD_INPUT_CASES: BadInputCase[] = [
  { name: 'an empty page', path: '/bad/empty.html', body: () => '', check: notAnArticle },
  {
    name: 'random bytes served as a web page',
    path: '/bad/random.html',
    body: () => randomBytes(),
    check: notAnArticle,
  },
  { name: 'a PDF saved as .html', path: '/bad/saved-pdf.html', body: () => pdfBytes(), check: notAnArticle },
  {
    name: 'a PDF in the browser’s PDF viewer',
    path: '/bad/report.pdf',
    body: () => pdfBytes(),
    contentType: 'application/pdf',
    check: (panel) => {
      expectView(panel, ['restricted']);
      expectText(panel, 'PDF');
    },
  },
  {
    name: 'a document without <body> (XML)',
    path: '/bad/feed.xml',
    body: () => XML_FEED,
    contentType: 'application/xml',
    check: (panel) => {
      expectView(panel, ['result', 'restricted']);
      expectSafe(panel);
    },
  },
  {
    name: 'a DOM nested 20,000 deep',
    path: '/bad/deep.html',
    body: () => deepDomPage(20_000),
    check: (panel) => {
      expectView(panel, ['result']);
      expectHeadline(panel, ARTICLE_TITLE);
    },
  },
  {
    name: 'a 25 MB page',
    path: '/bad/huge.html',
    body: () => hugePage(25 * 1024 * 1024),
    slow: true,
    watchResponsiveness: true,
    check: (panel) => {
      expectView(panel, ['result']);
      expectHeadline(panel, ARTICLE_TITLE);
      expectText(
        panel,
        /This page is too large to read whole \(2[5-7] MB\)\. Scrutiny read its first 180,000 characters of text/,
      );
      expectSafe(panel);
    },
  },
  {
    name: 'a gzip response that inflates to 100 MB',
    path: '/bad/bomb.html',
    body: () => gzipBomb(100 * 1024 * 1024),
    headers: { 'content-encoding': 'gzip' },
    slow: true,
    check: notAnArticle,
  },
  {
    name: 'a UTF-16 page',
    path: '/bad/utf16.html',
    body: () => utf16PageBytes(),
    contentType: 'text/html',
    check: (panel) => expectHeadline(panel, CYRILLIC_TITLE),
  },
  {
    name: 'a windows-1251 page',
    path: '/bad/cp1251.html',
    body: () => windows1251PageBytes(),
    contentType: 'text/html',
    check: (panel) => expectHeadline(panel, CYRILLIC_TITLE),
  },
  {
    name: 'malformed JSON-LD',
    path: '/bad/jsonld-malformed.html',
    body: malformedJsonLdPage,
    check: (panel) => {
      expectHeadline(panel, ARTICLE_TITLE);
      expectText(panel, 'Jane Doe');
      expectText(panel, /structured data \(JSON-LD\) that could not be read/);
    },
  },
  {
    name: '5 MB of JSON-LD',
    path: '/bad/jsonld-huge.html',
    body: () => hugeJsonLdPage(5 * 1024 * 1024),
    check: (panel) => {
      expectHeadline(panel, ARTICLE_TITLE);
      expectText(panel, 'Jane Doe');
    },
  },
  {
    name: 'JSON-LD nested 5,000 deep',
    path: '/bad/jsonld-deep.html',
    body: () => deepJsonLdPage(5_000),
    check: (panel) => {
      expectHeadline(panel, ARTICLE_TITLE);
      expectText(panel, 'Jane Doe');
    },
  },
  {
    name: 'JSON-LD with __proto__ keys',
    path: '/bad/jsonld-proto.html',
    body: prototypePollutionJsonLdPage,
    check: (panel) => {
      expectHeadline(panel, ARTICLE_TITLE);
      expectText(panel, 'Jane Doe');
      if (panel.text.includes('from the prototype')) fail('a __proto__ value was used', panel);
    },
  },
  {
    name: 'markup and javascript: URLs in every metadata field',
    path: '/bad/hostile-metadata.html',
    body: hostileMetadataPage,
    check: (panel) => {
      expectView(panel, ['result']);
      expectSafe(panel);
      expectText(panel, 'Jane Doe');
      if (panel.headline === null || /[<>]/.test(panel.headline))
        fail('the headline is not plain text', panel);
    },
  },
  {
    name: 'an article body with scripts, handlers and disguised javascript: links',
    path: '/bad/hostile-body.html',
    body: hostileArticlePage,
    check: (panel) => {
      expectView(panel, ['result']);
      expectHeadline(panel, ARTICLE_TITLE);
      expectSafe(panel);
    },
  },
];

/** Serve every case from the fixture server. */
export function routeBadInputCases(
  route: (
    path: string,
    body: string | Buffer,
    contentType?: string,
    headers?: Record<string, string>,
  ) => void,
) {
  for (const testCase of BAD_INPUT_CASES) {
    route(
      testCase.path,
      testCase.body(),
      testCase.contentType ?? 'text/html; charset=utf-8',
      testCase.headers,
    );
  }
}

/** Runs inside the panel page: what the reader sees, plus the safety probes. */
export function snapshotPanel(): PanelSnapshot {
  const main = document.querySelector('main.panel');
  const headline = document.querySelector('[data-testid="headline"]');
  const unsafe = Array.from(document.querySelectorAll('*')).filter(
    (element) =>
      (element instanceof HTMLScriptElement && !element.src.startsWith(location.origin)) ||
      Array.from(element.attributes).some(
        (attribute) => /^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value),
      ),
  );
  return {
    view: main?.getAttribute('data-view') ?? 'none',
    text: (main as HTMLElement | null)?.innerText ?? '',
    headline: headline?.textContent ?? null,
    headlineElements: headline?.querySelectorAll('*').length ?? 0,
    unsafeNodes: unsafe.length,
    hacked: (globalThis as { hacked?: unknown }).hacked !== undefined,
  };
}
