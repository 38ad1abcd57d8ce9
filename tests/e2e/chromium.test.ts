/** The built extension in real Chromium: what a reader sees in the panel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES_DIR, startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import {
  BAD_INPUT_CASES,
  expectResponsive,
  longestBlock,
  markScrutinyStart,
  routeBadInputCases,
  snapshotPanel,
  watchHeartbeat,
  watchLongTasks,
  type PanelSnapshot,
} from './bad-input-cases';
import { passageShownInPage } from './passage';
import {
  EXPORT_CLIP,
  EXPORT_COLLECTION,
  EXPORT_HIGHLIGHT,
  EXPORT_HIGHLIGHT_NOTE,
  EXPORT_PAGE_NOTE,
  GERMAN_PATH,
  SEED_PATH,
  keepBackup,
  readZip,
} from './export';
import {
  CLIP_NOTE,
  CLIP_PASSAGE,
  COLLECTION,
  HIGHLIGHT_PASSAGE,
  LIBRARY_PATH,
  libraryArticle,
} from './library';
import {
  EDITED_PASSAGES,
  NOTE,
  PASSAGES,
  annotatorShown,
  drawnHighlights,
  drawnHighlightsIn,
  marksByDevTools,
  noteFrameText,
  notesArticle,
  pointOnHighlightIn,
  selectText,
} from './notes';
import type { Browser } from '@wxt-dev/browser';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  ROOT,
  TEST_BUILD,
  browserAvailable,
  temporaryProfile,
  loadExtensionArgs,
} from './browsers';

/** The extension API inside extension pages, where page.evaluate callbacks run. */
declare const chrome: typeof Browser;

const available = browserAvailable(CHROMIUM_PATH, 'Chromium');

describe.skipIf(!available)('Chromium', () => {
  let server: FixtureServer;
  let context: BrowserContext;
  let extensionId: string;
  let profile: ReturnType<typeof temporaryProfile>;

  beforeAll(async () => {
    server = await startFixtureServer();
    routeBadInputCases(server.route);
    profile = temporaryProfile('scrutiny-chromium-');
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [...CHROMIUM_ARGS, ...loadExtensionArgs(TEST_BUILD.chrome)],
    });
    // Nothing may leave the machine ("localhost" is the same server under a name the test build may not read).
    await context.route(
      /^(?!http:\/\/(127\.0\.0\.1|localhost):|chrome-extension:|chrome:|about:|data:)/,
      (route) => route.abort(),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    profile?.remove();
  });

  const panelUrl = (query = '') => `chrome-extension://${extensionId}/sidepanel.html${query}`;

  /** The browser's id for the tab showing a page, asked from an extension page. */
  async function tabIdOf(extensionPage: Page, pageUrl: string): Promise<number> {
    return extensionPage.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (!tab?.id) throw new Error(`no tab for ${url}`);
      return tab.id;
    }, pageUrl);
  }

  async function openPanelFor(article: Page): Promise<Page> {
    const panel = await context.newPage();
    await panel.goto(panelUrl());
    const tabId = await tabIdOf(panel, article.url());
    await panel.goto(panelUrl(`?tabId=${tabId}`));
    return panel;
  }

  it('shows the headline, authors, outlet and dates of an article, with where each came from', async () => {
    const article = await context.newPage();
    await article.goto(server.url('/pages/western-journal-taliban.html'));
    const panel = await openPanelFor(article);
    await expect
      .poll(() => panel.getByTestId('headline').textContent())
      .toBe('Taliban Extends Offer to Biden, Unclear if President Will Accept Their Terms');
    expect(await panel.getByTestId('author').allTextContents()).toEqual([
      'Jack Davis from structured data (JSON-LD)',
    ]);
    expect(await panel.getByTestId('outlet').textContent()).toContain('The Western Journal');
    expect(await panel.getByTestId('published').textContent()).toContain('July 17, 2021');
    expect(await panel.getByTestId('modified').textContent()).toContain('No update shown');
    expect(await panel.getByTestId('length').textContent()).toMatch(/\d{3} words · \d min read/);

    // The screenshot in the README is this panel, once the quotes and sources are in.
    await expect.poll(() => panel.getByTestId('analysis').getAttribute('data-analysis')).not.toBe('running');
    await panel.setViewportSize({ width: 420, height: 620 });
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await panel.screenshot({ path: join(ROOT, 'docs', 'panel.png') });
    await panel.close();
    await article.close();
  });

  // Depends on the real analysis (lib/analyze): the seed page's six quotes from Hibatullah Akhundzada.
  it('lists the quotes by speaker, and a click shows the body quote in the page, not the pull quote', async () => {
    const article = await context.newPage();
    await article.goto(server.url('/pages/western-journal-taliban.html'));
    const panel = await openPanelFor(article);
    await expect
      .poll(() => panel.getByTestId('analysis').getAttribute('data-analysis'), { timeout: 15_000 })
      .toBe('done');
    expect(await panel.getByTestId('tab-quotes').getAttribute('aria-selected')).toBe('true');
    const headings = await panel.getByTestId('quote-group-heading').allTextContents();
    expect(headings[0]).toContain('Hibatullah Akhundzada');
    expect(headings[0]).toContain('6 quotes');
    const group = panel.getByTestId('quote-group').first();
    expect(await group.getByTestId('quote').count()).toBe(6);
    // The Quotes view in the README.
    await panel.setViewportSize({ width: 420, height: 1600 });
    const box = (await panel.getByTestId('analysis').boundingBox())!;
    await panel.screenshot({
      path: join(ROOT, 'docs', 'panel-quotes.png'),
      clip: { x: 0, y: box.y - 12, width: 420, height: box.height + 24 },
    });

    // The tabs work with the arrow keys.
    await panel.getByTestId('tab-quotes').focus();
    await panel.keyboard.press('ArrowRight');
    expect(await panel.getByTestId('tab-sources').getAttribute('aria-selected')).toBe('true');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-sources');
    expect(await panel.getByTestId('view-sources').isVisible()).toBe(true);
    await panel.keyboard.press('ArrowLeft');
    expect(await panel.getByTestId('view-quotes').isVisible()).toBe(true);

    expect(await article.evaluate(() => window.scrollY)).toBe(0);
    await group.getByTestId('quote').filter({ hasText: 'We fully assure' }).click();
    await expect
      .poll(() => article.evaluate(passageShownInPage, 'We fully assure neighboring'), { timeout: 10_000 })
      .toMatchObject({ lit: true, inBody: true, inPullQuote: false, inView: true });
    expect(await article.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await panel.getByTestId('passage-note').textContent()).toBe('');

    // When the passage is gone from the page, the panel says so in plain words.
    await article.evaluate(() => {
      for (const p of document.querySelectorAll('p'))
        if (p.textContent?.includes('We fully assure')) p.remove();
    });
    await group.getByTestId('quote').filter({ hasText: 'We fully assure' }).click();
    await expect
      .poll(() => panel.getByTestId('passage-note').textContent())
      .toBe('Scrutiny could not find this passage in the page (it may have changed).');
    await panel.close();
    await article.close();
  });

  // Depends on the real analysis (lib/analyze) finding the "We fully assure…" quote.
  it('shows a quote in a page whose content security policy forbids every script and style', async () => {
    const seed = readFileSync(join(PAGES_DIR, 'western-journal-taliban.html'), 'utf8');
    server.route('/csp/western-journal-taliban.html', seed, 'text/html; charset=utf-8', {
      'content-security-policy': "default-src 'none'; script-src 'none'; style-src 'none'",
    });
    const article = await context.newPage();
    await article.goto(server.url('/csp/western-journal-taliban.html'));
    const panel = await openPanelFor(article);
    await expect
      .poll(() => panel.getByTestId('analysis').getAttribute('data-analysis'), { timeout: 15_000 })
      .toBe('done');
    await panel.getByTestId('quote').filter({ hasText: 'We fully assure' }).click();
    await expect
      .poll(() => article.evaluate(passageShownInPage, 'We fully assure neighboring'), { timeout: 10_000 })
      .toMatchObject({ lit: true, inBody: true, inView: true });
    await panel.close();
    await article.close();
  });

  it('shows two wire authors, the wire credit and the update printed in the text', async () => {
    const article = await context.newPage();
    await article.goto(server.url('/pages/harbor-council-vote.html'));
    const panel = await openPanelFor(article);
    await expect
      .poll(() => panel.getByTestId('author').allTextContents())
      .toEqual(['Marta Ellingsen from the visible byline', 'Devon Price from the visible byline']);
    expect(await panel.getByTestId('outlet').textContent()).toContain('Wire credit: Associated Press');
    await panel.close();
    await article.close();
  });

  it('says a front page is not an article, and "Analyze anyway" works from the keyboard and is remembered', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/front-page.html'));
    const panel = await openPanelFor(page);
    await expect.poll(() => panel.getByTestId('not-article').isVisible()).toBe(true);
    expect(await panel.getByTestId('not-article').textContent()).toContain(
      'This does not look like an article',
    );
    await panel.getByTestId('analyze-anyway').focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByTestId('headline').textContent()).toBe('Coastline Gazette');
    // Focus moves to the analysis instead of being lost with the button (an effect after the paint that
    // shows the headline, so it is waited for).
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('headline');
    await panel.close();
    // The choice holds when the panel is opened again on the same page.
    const reopened = await openPanelFor(page);
    await expect.poll(() => reopened.getByTestId('headline').textContent()).toBe('Coastline Gazette');
    expect(await reopened.getByTestId('not-article').count()).toBe(0);
    await reopened.close();
    await page.close();
  });

  it('explains in plain words that the browser’s own pages cannot be analyzed', async () => {
    const page = await context.newPage();
    await page.goto('chrome://version');
    const panel = await context.newPage();
    await panel.goto(panelUrl());
    const tabId = await panel.evaluate(async () => {
      // The browser hides a chrome:// tab's address from the extension: it is the newest other tab.
      const tabs = await chrome.tabs.query({});
      const others = tabs.filter((t) => !t.url?.startsWith('chrome-extension:')).map((t) => t.id!);
      return Math.max(...others);
    });
    await panel.goto(panelUrl(`?tabId=${tabId}`));
    await expect.poll(() => panel.getByTestId('restricted').textContent()).toContain('browser’s own pages');
    await panel.close();
    await page.close();
  });

  it('follows the dark mode of the system', async () => {
    const panel = await context.newPage();
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.goto(panelUrl());
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 25, 29)');
    // Chromium's extension pages shrink body text to 75% unless the panel sets it.
    expect(await panel.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
    await panel.emulateMedia({ colorScheme: 'light' });
    expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    await panel.close();
  });

  it('opens as the real side panel and follows a tab switch and a navigation', async () => {
    const first = await context.newPage();
    await first.goto(server.url('/pages/western-journal-taliban.html'));
    const second = await context.newPage();
    await second.goto(server.url('/pages/harbor-council-vote.html'));
    // An extension page in a background tab of the same window opens the side panel under a real click.
    const opener = await context.newPage();
    await opener.goto(panelUrl('?opener=1'));
    const windowIds = await opener.evaluate(
      async (urls) => {
        const tabs = await chrome.tabs.query({});
        return urls.map((url) => tabs.find((t) => t.url === url)?.windowId);
      },
      [first.url(), second.url()],
    );
    expect(windowIds[0]).toBe(windowIds[1]);
    await opener.evaluate((windowId) => {
      const button = document.createElement('button');
      button.id = 'open-side-panel';
      button.textContent = 'open';
      button.addEventListener('click', () => void chrome.sidePanel.open({ windowId }));
      document.body.prepend(button);
    }, windowIds[0]!);
    await opener.click('#open-side-panel');

    /** The headline shown in the real side panel (the extension view without query parameters). */
    const sidePanelHeadline = () =>
      opener.evaluate(() => {
        const views = chrome.extension.getViews() as unknown as Window[];
        const view = views.find((w) => w.location.pathname === '/sidepanel.html' && w.location.search === '');
        if (!view) return 'no side panel';
        return (
          view.document.querySelector('[data-testid="headline"]')?.textContent ?? view.document.body.innerText
        );
      });

    await first.bringToFront();
    await expect
      .poll(sidePanelHeadline, { timeout: 15_000 })
      .toBe('Taliban Extends Offer to Biden, Unclear if President Will Accept Their Terms');
    await second.bringToFront();
    await expect
      .poll(sidePanelHeadline, { timeout: 15_000 })
      .toBe('Harbor council delays vote on ferry fee after packed hearing');
    await second.goto(server.url('/pages/front-page.html'));
    await expect.poll(sidePanelHeadline, { timeout: 15_000 }).toContain('This does not look like an article');
    await Promise.all([first.close(), second.close(), opener.close()]);
  });

  it('analyses a tab that loads in the background, and shows it at once when the reader switches to it', async () => {
    const first = await context.newPage();
    await first.goto(server.url('/pages/western-journal-taliban.html'));
    const opener = await context.newPage();
    await opener.goto(panelUrl('?opener=1'));
    const windowId = await opener.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.windowId,
      first.url(),
    );
    await opener.evaluate((id) => {
      const button = document.createElement('button');
      button.id = 'open-side-panel';
      button.textContent = 'open';
      button.addEventListener('click', () => void chrome.sidePanel.open({ windowId: id }));
      document.body.prepend(button);
    }, windowId);
    await opener.click('#open-side-panel');
    /** The real side panel's headline and performance marks (see entrypoints/sidepanel/timing.ts). */
    const sidePanel = () =>
      opener.evaluate(() => {
        const views = chrome.extension.getViews() as unknown as Window[];
        const view = views.find((w) => w.location.pathname === '/sidepanel.html' && w.location.search === '');
        return {
          headline: view?.document.querySelector('[data-testid="headline"]')?.textContent ?? null,
          marks: (view?.performance.getEntriesByType('mark') ?? []).map((mark) => ({
            name: mark.name,
            detail: JSON.parse(JSON.stringify((mark as PerformanceMark).detail)) as {
              tabId: number;
              request?: number;
            },
          })),
        };
      });
    await first.bringToFront();
    await expect
      .poll(async () => (await sidePanel()).headline, { timeout: 15_000 })
      .toBe('Taliban Extends Offer to Biden, Unclear if President Will Accept Their Terms');

    // A tab opened behind the one the reader is on, as a link opened in a new tab.
    const backgroundTabId = await opener.evaluate(
      async ({ url, id }) => (await chrome.tabs.create({ url, windowId: id, active: false })).id!,
      { url: server.url('/pages/harbor-council-vote.html'), id: windowId },
    );
    await expect
      .poll(
        async () =>
          (await sidePanel()).marks.some(
            (mark) => mark.name === 'scrutiny-background:kept' && mark.detail.tabId === backgroundTabId,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);

    await opener.evaluate((tabId) => chrome.tabs.update(tabId, { active: true }), backgroundTabId);
    await expect
      .poll(async () => (await sidePanel()).headline, { timeout: 15_000 })
      .toBe('Harbor council delays vote on ferry fee after packed hearing');
    // Shown from the background analysis: the switch's request never injected the extraction script.
    await expect
      .poll(async () => (await sidePanel()).marks.map((mark) => mark.name), { timeout: 15_000 })
      .toContain('scrutiny:byline-painted');
    const { marks } = await sidePanel();
    const requested = marks.filter(
      (mark) => mark.name === 'scrutiny:requested' && mark.detail.tabId === backgroundTabId,
    );
    expect(requested).toHaveLength(1);
    expect(marks.filter((mark) => mark.name === 'scrutiny:injected')).toEqual([]);
    await opener.evaluate((tabId) => chrome.tabs.remove(tabId), backgroundTabId);
    await Promise.all([first.close(), opener.close()]);
  });

  it('asks for the reader’s go-ahead on a page it has no access to, naming the gesture', async () => {
    // The test build may read 127.0.0.1 only; the same server under "localhost" is a site it may not read.
    const page = await context.newPage();
    const url = server.url('/pages/harbor-council-vote.html').replace('127.0.0.1', 'localhost');
    await page.goto(url);
    const panel = await context.newPage();
    await panel.goto(panelUrl());
    // Without access to the page its address is hidden from us: take the newest tab but this one.
    const tabId = await panel.evaluate(async () => {
      const self = await chrome.tabs.getCurrent();
      const tabs = await chrome.tabs.query({});
      return Math.max(...tabs.filter((tab) => tab.id !== self?.id).map((tab) => tab.id!));
    });
    await panel.goto(panelUrl(`?tabId=${tabId}`));
    await expect
      .poll(() => panel.getByTestId('needs-permission').textContent())
      .toContain('click the Scrutiny button in the toolbar or press Alt+Shift+S');
    expect(await panel.getByTestId('allow-all-sites').textContent()).toBe('Analyze every article I open');
    await panel.close();
    await page.close();
  });

  describe('highlights and notes', () => {
    interface PiercedNode {
      nodeId: number;
      nodeType: number;
      nodeName: string;
      nodeValue?: string;
      attributes?: string[];
      children?: PiercedNode[];
      shadowRoots?: PiercedNode[];
    }

    /** The nodes of the page, closed shadow roots included (the annotator's UI lives in one), as CDP sees them. */
    async function piercedNodes(page: Page): Promise<{ nodes: PiercedNode[]; send: CdpSend }> {
      const session = await context.newCDPSession(page);
      const send: CdpSend = (method, params) => session.send(method as never, params as never);
      const { root } = (await send('DOM.getDocument', { depth: -1, pierce: true })) as { root: PiercedNode };
      const nodes: PiercedNode[] = [];
      const walk = (node: PiercedNode) => {
        nodes.push(node);
        for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
      };
      walk(root);
      return { nodes, send };
    }
    type CdpSend = (method: string, params?: object) => Promise<unknown>;
    const attribute = (node: PiercedNode, name: string) => {
      const index = node.attributes?.findIndex((value, i) => i % 2 === 0 && value === name) ?? -1;
      return index >= 0 ? node.attributes![index + 1] : undefined;
    };
    const textOf = (node: PiercedNode): string =>
      node.nodeType === 3 ? (node.nodeValue ?? '') : (node.children ?? []).map(textOf).join('');

    /** Click the annotator's button with this accessible name, with the mouse, where it is on screen. */
    async function clickAnnotatorButton(page: Page, name: string): Promise<void> {
      const { nodes, send } = await piercedNodes(page);
      const button = nodes.find(
        (node) => node.nodeName === 'BUTTON' && (attribute(node, 'aria-label') ?? textOf(node)) === name,
      );
      if (!button) throw new Error(`no annotator button named ${name}`);
      const { model } = (await send('DOM.getBoxModel', { nodeId: button.nodeId })) as {
        model: { content: number[] };
      };
      const [x1, y1, , , x3, y3] = model.content;
      await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
    }

    /** The text of the annotator's element with this role (tooltip, toolbar, alert), or null. */
    async function annotatorText(page: Page, role: string): Promise<string | null> {
      const { nodes } = await piercedNodes(page);
      const node = nodes.find((candidate) => attribute(candidate, 'role') === role);
      return node ? textOf(node) : null;
    }

    /**
     * Select a passage, and let go of Shift as a reader extending a selection does (the annotator reads the
     * selection on the reader's own keys and mouse only), until the annotator (arriving on its own) shows
     * its toolbar.
     */
    async function selectForToolbar(page: Page, text: string): Promise<void> {
      await expect
        .poll(
          async () => {
            await page.evaluate(() => window.getSelection()?.removeAllRanges());
            await page.evaluate(selectText, text);
            await page.keyboard.press('Shift');
            await page.waitForTimeout(250);
            return page.evaluate(annotatorShown);
          },
          { timeout: 15_000 },
        )
        .toBe(true);
    }

    const statuses = (panel: Page) =>
      panel.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid="note-entry"]'), (entry) => ({
          status: entry.getAttribute('data-status'),
          // Shown in quotation marks.
          passage: (entry.querySelector('[data-testid="note-passage"]')?.textContent ?? '').replace(
            /^“|”$/g,
            '',
          ),
          note: entry.querySelector('[data-testid="note-text"]')?.textContent ?? '',
        })),
      );

    it('keeps highlights and notes made in the page, and finds them again after a reload, an edit and a cut', async () => {
      server.route('/notes/story', notesArticle('original'));
      const article = await context.newPage();
      await article.goto(server.url('/notes/story'));
      const drawn = () => drawnHighlightsIn(article);

      // Highlight from the keyboard, a note through the editor, a green highlight with the mouse.
      await selectForToolbar(article, PASSAGES.lead);
      expect(await annotatorText(article, 'toolbar')).toContain('Copy with citation');
      await article.keyboard.press('h');
      await expect.poll(drawn).toEqual({ yellow: [PASSAGES.lead] });
      await selectForToolbar(article, PASSAGES.ferry);
      await article.keyboard.press('n');
      await expect.poll(() => annotatorText(article, 'dialog')).toContain('Note');
      await article.keyboard.type(NOTE);
      await article.keyboard.press('Control+Enter');
      await expect.poll(drawn).toEqual({ yellow: [PASSAGES.lead, PASSAGES.ferry] });
      await selectForToolbar(article, PASSAGES.report);
      await clickAnnotatorButton(article, 'Highlight in green');
      const original = { yellow: [PASSAGES.lead, PASSAGES.ferry], green: [PASSAGES.report] };
      await expect.poll(drawn).toEqual(original);
      // Nothing of the annotator is left in the page once its toolbar is gone.
      await expect.poll(() => article.evaluate(annotatorShown)).toBe(false);

      // Copy with citation puts the passage and its reference on the clipboard.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      await selectForToolbar(article, 'a public meeting on March 12');
      await article.keyboard.press('c');
      await expect
        .poll(() => article.evaluate(() => navigator.clipboard.readText()))
        .toMatch(
          /^“a public meeting on March 12”\n— Jane Doe, “Harbor bridge to close for repairs”, Harbor Daily, 2026-03-03\. http:\/\/127\.0\.0\.1:\d+\/notes\/story \(accessed \d{4}-\d{2}-\d{2}\)$/,
        );
      await article.evaluate(() => window.getSelection()?.removeAllRanges());

      // Hovering a highlight shows its note (in the extension's frame, out of the page's reach).
      const onFerry = (await pointOnHighlightIn(article, 'A ferry'))!;
      await article.mouse.move(onFerry.x, onFerry.y);
      await expect.poll(() => noteFrameText(article)).toContain(NOTE);
      await article.mouse.move(5, 5);

      // Back after a reload, and on the same article under an address with tracking parameters.
      await article.reload();
      await expect.poll(drawn, { timeout: 15_000 }).toEqual(original);
      // The twin opens in a window of its own.
      const opener = await context.newPage();
      await opener.goto(panelUrl('?opener=1'));
      const twinUrl = server.url('/notes/story?utm_source=newsletter&fbclid=abc123');
      const [twin] = await Promise.all([
        context.waitForEvent('page', (page) => page.url() === twinUrl),
        opener.evaluate((url) => chrome.windows.create({ url }), twinUrl),
      ]);
      const windows = await opener.evaluate(
        async (urls) => {
          const tabs = await chrome.tabs.query({});
          return urls.map((url) => tabs.find((tab) => tab.url === url)?.windowId);
        },
        [article.url(), twinUrl],
      );
      expect(windows[0]).not.toBe(windows[1]);
      await opener.close();
      await expect.poll(() => drawnHighlightsIn(twin), { timeout: 15_000 }).toEqual(original);

      // The Notes view lists them in reading order, with the note; a click in the page brings its note up.
      const panel = await openPanelFor(article);
      await panel.getByTestId('tab-notes').click();
      await expect
        .poll(() => panel.getByTestId('tab-notes').textContent(), { timeout: 15_000 })
        .toBe('Notes 3');
      await expect
        .poll(() => statuses(panel))
        .toEqual([
          { status: 'anchored', passage: PASSAGES.lead, note: '' },
          { status: 'anchored', passage: PASSAGES.ferry, note: NOTE },
          { status: 'anchored', passage: PASSAGES.report, note: '' },
        ]);
      expect(await panel.getByTestId('notes-restore').textContent()).toContain('come back by themselves');
      // A note on the whole article counts with the highlights.
      await panel.getByTestId('page-note-input').fill('Solid reporting; the cost figure needs a source.');
      await panel.getByTestId('page-note-save').click();
      await expect.poll(() => panel.getByTestId('tab-notes').textContent()).toBe('Notes 4');
      // At the narrowest side panel, the four tabs fit: nothing scrolls sideways.
      await panel.setViewportSize({ width: 360, height: 800 });
      expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // Emptied, it goes, with Undo.
      await panel.getByTestId('page-note-input').fill('');
      await panel.getByTestId('page-note-save').click();
      await expect.poll(() => panel.getByTestId('tab-notes').textContent()).toBe('Notes 3');
      expect(await panel.getByTestId('notes-undo').textContent()).toContain('Page note deleted.');
      await panel.getByTestId('notes-undo-button').click();
      await expect.poll(() => panel.getByTestId('tab-notes').textContent()).toBe('Notes 4');
      await expect
        .poll(() => panel.getByTestId('page-note-input').inputValue())
        .toBe('Solid reporting; the cost figure needs a source.');
      // The Notes view in the README.
      await panel.setViewportSize({ width: 420, height: 1400 });
      const notesBox = (await panel.getByTestId('analysis').boundingBox())!;
      await panel.screenshot({
        path: join(ROOT, 'docs', 'panel-notes.png'),
        clip: { x: 0, y: notesBox.y - 12, width: 420, height: Math.min(notesBox.height + 24, 1100) },
      });
      // Clicking a passage in the Notes view shows it in the page.
      await panel.getByTestId('note-passage').filter({ hasText: 'recommended replacing' }).click();
      await expect
        .poll(() => drawnHighlightsIn(article, ['passage']))
        .toEqual({ passage: [PASSAGES.report] });
      const lit = (await marksByDevTools(article)).find((mark) => mark.kind === 'passage');
      expect(lit?.rects[0]?.top).toBeGreaterThanOrEqual(0);
      expect(lit?.rects[0]?.top).toBeLessThan(800);
      await panel.getByTestId('tab-quotes').click();
      await article.bringToFront();
      const ferry = (await pointOnHighlightIn(article, 'A ferry'))!;
      await article.mouse.click(ferry.x, ferry.y);
      await expect.poll(() => panel.getByTestId('tab-notes').getAttribute('aria-selected')).toBe('true');
      await expect
        .poll(() =>
          panel.evaluate(() => document.activeElement?.closest('[data-testid="note-entry"]')?.textContent),
        )
        .toContain(NOTE);

      // The outlet edits the article: the highlights follow the changed words.
      server.route('/notes/story', notesArticle('edited'));
      await article.reload();
      const edited = {
        yellow: [EDITED_PASSAGES.lead, EDITED_PASSAGES.ferry],
        green: [EDITED_PASSAGES.report],
      };
      await expect.poll(drawn, { timeout: 15_000 }).toEqual(edited);
      await panel.getByTestId('tab-notes').click();
      await expect
        .poll(async () => (await statuses(panel)).map((entry) => entry.status), { timeout: 15_000 })
        .toEqual(['anchored', 'anchored', 'anchored']);

      // The annotated sentence is cut: its note is listed as not found, never attached elsewhere.
      server.route('/notes/story', notesArticle('without-ferry'));
      await article.reload();
      await expect
        .poll(drawn, { timeout: 15_000 })
        .toEqual({ yellow: [EDITED_PASSAGES.lead], green: [EDITED_PASSAGES.report] });
      await panel.getByTestId('tab-notes').click();
      // The panel quotes each passage as the reader highlighted it.
      await expect
        .poll(() => statuses(panel), { timeout: 15_000 })
        .toEqual([
          { status: 'anchored', passage: PASSAGES.lead, note: '' },
          { status: 'anchored', passage: PASSAGES.report, note: '' },
          { status: 'orphaned', passage: PASSAGES.ferry, note: NOTE },
        ]);
      expect(await panel.getByTestId('notes-orphaned').textContent()).toContain('Not found on this page (1)');

      // Deleting in the panel takes the highlight out of every page showing it; Undo brings it back.
      await panel.getByTestId('note-entry').first().getByTestId('note-delete').click();
      await expect.poll(drawn).toEqual({ green: [EDITED_PASSAGES.report] });
      // The twin still shows the first version, where the ferry passage is.
      await expect
        .poll(() => drawnHighlightsIn(twin))
        .toEqual({ yellow: [PASSAGES.ferry], green: [PASSAGES.report] });
      await panel.getByTestId('notes-undo-button').click();
      await expect.poll(drawn).toEqual({ yellow: [EDITED_PASSAGES.lead], green: [EDITED_PASSAGES.report] });
      await expect.poll(() => drawnHighlightsIn(twin)).toEqual(original);
      await Promise.all([panel.close(), twin.close(), article.close()]);
    });

    it('opens the side panel at a note when the reader clicks its highlight', async () => {
      server.route('/notes/click', notesArticle('original', '/notes/click'));
      // A window of its own, so that no side panel is open in it yet.
      const opener = await context.newPage();
      await opener.goto(panelUrl('?opener=1'));
      const url = server.url('/notes/click');
      const [article] = await Promise.all([
        context.waitForEvent('page', (page) => page.url() === url),
        opener.evaluate((address) => chrome.windows.create({ url: address }), url),
      ]);
      await selectForToolbar(article, PASSAGES.ferry);
      await article.keyboard.press('n');
      await expect.poll(() => annotatorText(article, 'dialog')).toContain('Note');
      await article.keyboard.type(NOTE);
      await article.keyboard.press('Control+Enter');
      await expect.poll(() => drawnHighlightsIn(article)).toEqual({ yellow: [PASSAGES.ferry] });

      const onFerry = (await pointOnHighlightIn(article, 'A ferry'))!;
      await article.mouse.click(onFerry.x, onFerry.y);
      /** The real side panel showing this note: its Notes tab, and the entry in focus. */
      const sidePanelNote = () =>
        opener.evaluate((note) => {
          const views = chrome.extension.getViews() as unknown as Window[];
          const view = views.find(
            (w) =>
              w.location.pathname === '/sidepanel.html' &&
              w.location.search === '' &&
              w.document.body.textContent?.includes(note),
          );
          if (!view) return 'no side panel with the note';
          const tab = view.document.querySelector('[data-testid="tab-notes"]')?.getAttribute('aria-selected');
          const focused =
            view.document.activeElement?.closest('[data-testid="note-entry"]')?.textContent ?? '';
          return `${tab}: ${focused.includes(note) ? 'note in focus' : 'note not in focus'}`;
        }, NOTE);
      await expect.poll(sidePanelNote, { timeout: 15_000 }).toBe('true: note in focus');
      await Promise.all([article.close(), opener.close()]);
    });

    it('keeps its toolbar styled and its highlights drawn on a page whose policy forbids every style', async () => {
      server.route(
        '/csp/notes/story',
        notesArticle('original', '/csp/notes/story'),
        'text/html; charset=utf-8',
        {
          'content-security-policy': "default-src 'none'; script-src 'none'; style-src 'none'",
        },
      );
      const article = await context.newPage();
      await article.goto(server.url('/csp/notes/story'));
      const layout = () =>
        article.evaluate(() => {
          const root = document.documentElement;
          const box = document.querySelector('article')!.getBoundingClientRect();
          return [root.scrollWidth, root.scrollHeight, box.top, box.left, box.width, box.height];
        });
      const before = await layout();
      await selectForToolbar(article, 'a public meeting on March 12');
      // The toolbar moves nothing in the page.
      expect(await layout()).toEqual(before);
      const { nodes, send } = await piercedNodes(article);
      const toolbar = nodes.find((node) => attribute(node, 'role') === 'toolbar')!;
      const { computedStyle } = (await send('CSS.getComputedStyleForNode', { nodeId: toolbar.nodeId }).catch(
        async () => {
          await send('CSS.enable');
          return send('CSS.getComputedStyleForNode', { nodeId: toolbar.nodeId });
        },
      )) as { computedStyle: { name: string; value: string }[] };
      const style = Object.fromEntries(computedStyle.map(({ name, value }) => [name, value]));
      expect(style.position).toBe('fixed');
      expect(style.display).toBe('flex');
      await article.keyboard.press('h');
      await expect
        .poll(() => drawnHighlightsIn(article))
        .toEqual({ yellow: ['a public meeting on March 12'] });
      await article.close();
    });
    it('saves an article, clips a passage into a new collection, finds both in the library and reports an edit', async () => {
      server.route(LIBRARY_PATH, libraryArticle('original'));
      const article = await context.newPage();
      await article.goto(server.url(LIBRARY_PATH));
      // A highlight, so the saved copy in the library shows it.
      await selectForToolbar(article, HIGHLIGHT_PASSAGE);
      await article.keyboard.press('h');
      await expect.poll(() => drawnHighlightsIn(article)).toEqual({ yellow: [HIGHLIGHT_PASSAGE] });

      const panel = await openPanelFor(article);
      await expect.poll(() => panel.getByTestId('analysis').getAttribute('data-analysis')).toBe('done');
      await panel.getByRole('button', { name: 'Save article', exact: true }).click();
      await expect.poll(() => panel.getByTestId('saved-status').textContent()).toMatch(/^Saved /);

      // Clip with the mouse from the page's toolbar; the panel offers the collection, a note and tags.
      await selectForToolbar(article, CLIP_PASSAGE);
      await clickAnnotatorButton(article, 'Clip');
      await expect.poll(() => panel.getByTestId('clip-card').count(), { timeout: 15_000 }).toBe(1);
      await panel.getByTestId('clip-collection').selectOption({ label: 'New collection…' });
      await panel.getByTestId('clip-new-collection').fill(COLLECTION);
      await panel.getByTestId('clip-note').fill(CLIP_NOTE);
      await panel.getByTestId('clip-tags').fill('transport');
      await panel.getByTestId('clip-save').click();
      await expect.poll(() => panel.getByTestId('clip-card').count()).toBe(0);
      // Nothing the reader typed went into the page.
      expect(await article.evaluate(() => document.documentElement.outerHTML)).not.toContain(CLIP_NOTE);

      // The library finds the clipping by a word of its passage, and the article by its author's name.
      const library = await context.newPage();
      await library.goto(`chrome-extension://${extensionId}/library.html`);
      // The first clip went into "Clippings", made for it; the reader moved it on.
      await expect
        .poll(() => library.getByTestId('collection').allTextContents())
        .toEqual([`${COLLECTION} 1`, 'Clippings 0']);
      const search = library.getByRole('searchbox', { name: 'Search' });
      await search.fill('ferry');
      await expect.poll(() => library.getByTestId('library-count').textContent()).toMatch(/match “ferry”/);
      await expect
        .poll(() => library.getByTestId('library-item').allTextContents())
        .toContainEqual(expect.stringContaining(CLIP_PASSAGE));
      // Cited with the byline the panel shows, which the background read from the page.
      await expect
        .poll(() => library.locator('[data-testid="library-item"][data-kind="clipping"]').allTextContents())
        .toContainEqual(expect.stringContaining('Clipping · Harbor Daily · Jane Doe'));
      await expect
        .poll(async () =>
          (await library.locator('[data-testid="library-item"] mark').allTextContents()).map((word) =>
            word.toLowerCase(),
          ),
        )
        .toContain('ferry');
      await search.fill('Jane Doe');
      await expect
        .poll(() => library.locator('[data-testid="library-item"][data-kind="article"]').count())
        .toBe(1);

      // The saved copy, with the reader's highlight drawn on it.
      await library
        .locator('[data-testid="library-item"][data-kind="article"] [data-testid="open-item"]')
        .click();
      await expect
        .poll(() => library.getByTestId('reader-highlights').textContent())
        .toBe('1 highlight drawn on the saved copy.');
      expect(await library.evaluate(drawnHighlights)).toEqual({ yellow: [HIGHLIGHT_PASSAGE] });
      expect(await library.getByTestId('reader-body').textContent()).toContain('eight months');

      // The outlet edits the article without a new "updated" date: the panel says what changed.
      server.route(LIBRARY_PATH, libraryArticle('edited'));
      await article.reload();
      const changed = panel.getByTestId('changed-since-saved');
      await expect.poll(() => changed.count(), { timeout: 20_000 }).toBe(1);
      expect(await panel.getByTestId('edited-without-date').count()).toBe(1);
      expect(await panel.getByTestId('paragraph-changes').textContent()).toContain('nine');
      expect(await panel.getByTestId('quote-changes').textContent()).toContain('Altered');
      // The README's picture of an edit the outlet did not date.
      await panel.setViewportSize({ width: 420, height: 900 });
      await panel.screenshot({ path: join(ROOT, 'docs', 'panel-changes.png') });
      await panel.getByRole('button', { name: 'Save new version' }).click();
      await expect.poll(() => panel.getByTestId('saved-status').textContent()).toContain('2 versions');

      // The library shows both versions, and what changed between them (it updates without a reload).
      await library.getByTestId('reader-tab-versions').click();
      await expect.poll(() => library.getByTestId('version').count()).toBe(2);
      await library.getByTestId('compare-previous').click();
      expect(await library.getByTestId('version-changes').textContent()).toContain('nine');
      await library.setViewportSize({ width: 1200, height: 800 });
      await library.screenshot({ path: join(ROOT, 'docs', 'library-reader.png') });
      await library.getByTestId('close-reader').click();
      await search.fill('');
      await expect.poll(() => library.getByTestId('library-item').count()).toBeGreaterThan(2);
      await library.screenshot({ path: join(ROOT, 'docs', 'library.png') });
      await Promise.all([library.close(), panel.close(), article.close()]);
    });
    it('exports a collection as Markdown and CSV, and its backup brings the notes into a fresh profile', async () => {
      // The seed article saved, with a highlight and its note, a page note, and a clipping in a collection.
      const seed = await context.newPage();
      await seed.goto(server.url(SEED_PATH));
      // The panel brings the annotator into the page.
      const panel = await openPanelFor(seed);
      await expect
        .poll(() => panel.getByTestId('analysis').getAttribute('data-analysis'), { timeout: 15_000 })
        .toBe('done');
      await selectForToolbar(seed, EXPORT_HIGHLIGHT);
      await seed.keyboard.press('h');
      await expect.poll(async () => (await drawnHighlightsIn(seed)).yellow ?? []).toContain(EXPORT_HIGHLIGHT);
      await panel.getByRole('button', { name: 'Save article', exact: true }).click();
      await expect.poll(() => panel.getByTestId('saved-status').textContent()).toMatch(/^Saved /);
      // The note and the page note as the panel sends them to the background.
      await panel.evaluate(
        async ({ url, title, note, pageNote }) => {
          const page = { url, canonicalUrl: null, title };
          const listed = await chrome.runtime.sendMessage({ type: 'scrutiny/annotations-list', page });
          const highlight = (listed as { annotations: { id: string; kind: string }[] }).annotations.find(
            (annotation) => annotation.kind === 'highlight',
          );
          if (!highlight) throw new Error('no highlight stored');
          await chrome.runtime.sendMessage({
            type: 'scrutiny/annotation-update',
            id: highlight.id,
            changes: { note },
          });
          await chrome.runtime.sendMessage({
            type: 'scrutiny/page-note-save',
            page,
            note: pageNote,
            tags: [],
          });
        },
        {
          url: seed.url(),
          title: await seed.title(),
          note: EXPORT_HIGHLIGHT_NOTE,
          pageNote: EXPORT_PAGE_NOTE,
        },
      );
      await selectForToolbar(seed, EXPORT_CLIP);
      // The toolbar's key for Clip (the passage is below the fold, where a click would need scrolling).
      await seed.keyboard.press('k');
      await expect.poll(() => panel.getByTestId('clip-card').count(), { timeout: 15_000 }).toBe(1);
      await panel.getByTestId('clip-collection').selectOption({ label: 'New collection…' });
      await panel.getByTestId('clip-new-collection').fill(EXPORT_COLLECTION);
      await panel.getByTestId('clip-save').click();
      await expect.poll(() => panel.getByTestId('clip-card').count()).toBe(0);

      // "Export this article" in the panel: its Markdown, downloaded.
      const [articleDownload] = await Promise.all([
        panel.waitForEvent('download'),
        panel.getByTestId('export-article').click(),
      ]);
      expect(articleDownload.suggestedFilename()).toMatch(/\.md$/);
      const articleMarkdown = readFileSync(await articleDownload.path(), 'utf8');
      expect(articleMarkdown).toContain(EXPORT_HIGHLIGHT_NOTE);
      expect(articleMarkdown).toContain(EXPORT_PAGE_NOTE);

      // A German article, saved too.
      const german = await context.newPage();
      await german.goto(server.url(GERMAN_PATH));
      const germanPanel = await openPanelFor(german);
      await expect
        .poll(() => germanPanel.getByTestId('analysis').getAttribute('data-analysis'), { timeout: 15_000 })
        .toBe('done');
      await germanPanel.getByRole('button', { name: 'Save article', exact: true }).click();
      await expect.poll(() => germanPanel.getByTestId('saved-status').textContent()).toMatch(/^Saved /);

      // In the library, both articles join the collection; then the collection is exported.
      const library = await context.newPage();
      // The titles of the first rows the page ever puts on screen: the library shows its first screen as
      // the last open left it while the database opens, but never one made before these two were saved.
      await library.addInitScript(() => {
        const firstRows = { titles: [] as string[] };
        Object.assign(window, { firstRows });
        new MutationObserver((_, observer) => {
          const titles = [...document.querySelectorAll('[data-testid="library-item"] h3')];
          if (titles.length === 0) return;
          firstRows.titles = titles.map((title) => title.textContent ?? '');
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await library.goto(`chrome-extension://${extensionId}/library.html`);
      // (Other tests of this suite may have saved other articles.)
      const articleBoxes = library.getByRole('checkbox', { name: /^Select article: (Taliban|Kaltenbrück)/ });
      await expect.poll(() => articleBoxes.count()).toBe(2);
      // The page's own errors, to say why should the steps below fail.
      const pageErrors: string[] = [];
      library.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      const firstRows = await library.evaluate(
        () => (window as unknown as { firstRows: { titles: string[] } }).firstRows,
      );
      expect(firstRows.titles.filter((title) => /Taliban|Kaltenbrück/.test(title))).toHaveLength(2);
      // What the next open will show first: this screen, kept in the extension's session storage.
      await expect
        .poll(() =>
          library.evaluate(async () => {
            const kept = await chrome.storage.session.get('libraryFirstScreen');
            const copy = kept.libraryFirstScreen as { rows: { title: string }[] } | undefined;
            return (copy?.rows ?? [])
              .map((row) => row.title)
              .filter((title) => /Taliban|Kaltenbrück/.test(title));
          }),
        )
        .toHaveLength(2);
      // The items are ticked once the whole catalog is read, each through its own locator, which waits for
      // its row: when the worker takes over the list, its rows replace the database's a moment later, and a
      // list of the boxes taken in that moment was empty (this test failed so under load, never clicking).
      await expect
        .poll(() => library.getByTestId('library-count').textContent(), { timeout: 60_000 })
        .toMatch(/^\d[\d,]* items?$/);
      await library.getByRole('checkbox', { name: /^Select article: Taliban/ }).check();
      await library.getByRole('checkbox', { name: /^Select article: Kaltenbrück/ }).check();
      // The bulk bar, once it holds both and offers the collection.
      const moveTo = library.getByRole('combobox', { name: 'Move the selected items to a collection' });
      await expect
        .poll(
          async () =>
            (await library.getByTestId('bulk-bar').count()) === 0
              ? `no bulk bar; page errors: ${pageErrors.join(' | ') || 'none'}`
              : await library.getByTestId('bulk-bar').textContent(),
          { timeout: 30_000 },
        )
        .toContain('2 selected');
      await expect.poll(() => moveTo.locator('option').allTextContents()).toContain(EXPORT_COLLECTION);
      await moveTo.selectOption({ label: EXPORT_COLLECTION });
      await expect.poll(() => library.getByTestId('library-message').textContent()).toContain('Moved');
      await library.getByRole('button', { name: 'Clear selection' }).click();

      await library.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = library.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('radio', { name: 'A collection' }).check();
      await dialog.getByRole('combobox', { name: 'A collection' }).selectOption({ label: EXPORT_COLLECTION });
      await dialog.getByTestId('export-format').selectOption('markdown');
      await dialog.getByRole('radio', { name: 'One .zip with a file per article' }).check();
      const download = async () => {
        const [file] = await Promise.all([
          library.waitForEvent('download'),
          dialog.getByRole('button', { name: 'Download' }).click(),
        ]);
        return { name: file.suggestedFilename(), path: await file.path() };
      };
      const zip = await download();
      expect(zip.name).toMatch(/\.zip$/);
      const markdown = Object.values(readZip(zip.path)).join('\n');
      expect(markdown).toContain(EXPORT_HIGHLIGHT);
      expect(markdown).toContain(EXPORT_HIGHLIGHT_NOTE);
      expect(markdown).toContain(EXPORT_CLIP);
      expect(markdown).toContain('Kaltenbrück');

      await dialog.getByTestId('export-format').selectOption('csv');
      const csv = await download();
      expect(csv.name).toMatch(/\.csv$/);
      const csvText = readFileSync(csv.path, 'utf8');
      expect(csvText.startsWith('\uFEFF')).toBe(true);
      expect(csvText).toContain(EXPORT_HIGHLIGHT_NOTE);
      expect(csvText).toContain(EXPORT_CLIP);

      // The collection as a JSON backup: the seed article with its notes and clipping, and the German one
      // (docs/examples/backup.json when SCRUTINY_WRITE_EXAMPLES=1).
      await dialog.getByTestId('export-format').selectOption('json');
      const backup = await download();
      keepBackup(backup.path, new URL(server.url('/')).origin);
      await dialog.getByRole('button', { name: 'Close' }).click();

      // A fresh profile imports the backup and shows the notes on the page.
      const freshProfile = temporaryProfile('scrutiny-chromium-import-');
      const fresh = await chromium.launchPersistentContext(freshProfile.dir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        viewport: { width: 1100, height: 800 },
        args: [...CHROMIUM_ARGS, ...loadExtensionArgs(TEST_BUILD.chrome)],
      });
      try {
        await fresh.route(
          /^(?!http:\/\/(127\.0\.0\.1|localhost):|chrome-extension:|chrome:|about:|data:)/,
          (route) => route.abort(),
        );
        const freshWorker = fresh.serviceWorkers()[0] ?? (await fresh.waitForEvent('serviceworker'));
        const freshId = new URL(freshWorker.url()).host;
        const freshLibrary = await fresh.newPage();
        await freshLibrary.goto(`chrome-extension://${freshId}/library.html`);
        await freshLibrary.getByRole('button', { name: 'Import', exact: true }).click();
        const importDialog = freshLibrary.getByRole('dialog', { name: 'Import' });
        await importDialog.getByTestId('import-file').setInputFiles(backup.path);
        await expect
          .poll(() => importDialog.getByTestId('import-preview').textContent())
          .toContain('This file is a Scrutiny backup.');
        // Both saved articles are new to this profile.
        const saved = JSON.parse(readFileSync(backup.path, 'utf8')) as { data: { articles: unknown[] } };
        expect(saved.data.articles).toHaveLength(2);
        expect(
          await importDialog.getByTestId('import-count-articles').locator('td').first().textContent(),
        ).toBe(String(saved.data.articles.length));
        await importDialog.getByRole('button', { name: 'Merge' }).click();
        await expect.poll(() => importDialog.getByTestId('import-message').textContent()).toBe('Imported.');
        // The same backup again changes nothing.
        await importDialog.getByTestId('import-file').setInputFiles([]);
        await importDialog.getByTestId('import-file').setInputFiles(backup.path);
        await expect.poll(() => importDialog.getByTestId('import-nothing').count()).toBe(1);
        await expect
          .poll(() => freshLibrary.getByTestId('collection').allTextContents())
          .toContainEqual(expect.stringContaining(EXPORT_COLLECTION));

        const page = await fresh.newPage();
        await page.goto(server.url(SEED_PATH));
        const freshPanel = await fresh.newPage();
        await freshPanel.goto(`chrome-extension://${freshId}/sidepanel.html`);
        const tabId = await tabIdOf(freshPanel, page.url());
        await freshPanel.goto(`chrome-extension://${freshId}/sidepanel.html?tabId=${tabId}`);
        await expect
          .poll(async () => (await drawnHighlightsIn(page)).yellow ?? [], { timeout: 15_000 })
          .toContain(EXPORT_HIGHLIGHT);
        await freshPanel.getByTestId('tab-notes').click();
        await expect
          .poll(() => freshPanel.getByTestId('note-text').allTextContents(), { timeout: 15_000 })
          .toContain(EXPORT_HIGHLIGHT_NOTE);
      } finally {
        await fresh.close();
        freshProfile.remove();
      }
      await Promise.all([library.close(), panel.close(), seed.close(), germanPanel.close(), german.close()]);
    });
  });

  describe('bad input', () => {
    for (const testCase of BAD_INPUT_CASES) {
      it(
        `meets ${testCase.name} with a clear message`,
        async () => {
          const page = await context.newPage();
          const url = server.url(testCase.path);
          await page.goto(url, { timeout: 60_000 }).catch(() => undefined);
          if (testCase.watchResponsiveness) {
            await page.evaluate(watchLongTasks);
            await page.evaluate(watchHeartbeat);
            await page.evaluate(markScrutinyStart);
          }
          const panel = await context.newPage();
          await panel.goto(panelUrl());
          const tabId = await tabIdOf(panel, url);
          await panel.goto(panelUrl(`?tabId=${tabId}`));
          let snapshot: PanelSnapshot | undefined;
          await expect
            .poll(
              async () => {
                snapshot = await panel.evaluate(snapshotPanel);
                return snapshot.view;
              },
              { timeout: testCase.slow ? 200_000 : 15_000 },
            )
            .not.toMatch(/^(loading|idle|none)$/);
          if (testCase.watchResponsiveness) expectResponsive(await page.evaluate(longestBlock));
          testCase.check(snapshot!);
          await panel.close();
          await page.close();
          // A large page takes long on a busy machine: waiting longer costs nothing when it is quick.
        },
        testCase.slow ? 240_000 : 90_000,
      );
    }
  });
});
