/** The built extension in real Firefox ESR over WebDriver BiDi: what a reader sees in the sidebar page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser as PuppeteerBrowser, type Dialog, type Page } from 'puppeteer-core';
import type { Browser } from '@wxt-dev/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import {
  BAD_INPUT_CASES,
  expectResponsive,
  longestBlock,
  markScrutinyStart,
  routeBadInputCases,
  snapshotPanel,
  watchHeartbeat,
  type PanelSnapshot,
} from './bad-input-cases';
import { articleParagraphs, articlePage } from '../fixtures/hostile/pages';
import { FIREFOX_PATH, FIREFOX_UUID, GECKO_ID, TEST_BUILD, browserAvailable } from './browsers';
import { passageShownInPage } from './passage';
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
  notesArticle,
  selectText,
} from './notes';

/** The extension API inside extension pages, where page.evaluate callbacks run. */
declare const browser: typeof Browser;

const available = browserAvailable(FIREFOX_PATH, 'Firefox ESR');
const PANEL = `moz-extension://${FIREFOX_UUID}/sidepanel.html`;

/** Wait until a condition holds, checking every 200 ms. */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out; last value ${JSON.stringify(last)}; last error ${String(lastError)}`);
}

describe.skipIf(!available)('Firefox ESR', () => {
  let server: FixtureServer;
  let firefox: PuppeteerBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    routeBadInputCases(server.route);
    server.route(
      '/pages/welcome-dialog.html',
      articlePage({
        body: `${articleParagraphs()}<script>alert("Welcome! Accept our terms to read on.")</script>`,
      }),
    );
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      protocol: 'webDriverBiDi',
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        'xpinstall.signatures.required': false,
        // No network: keep Firefox from phoning home.
        'network.captive-portal-service.enabled': false,
        'app.update.enabled': false,
      },
    });
    await firefox.installExtension(TEST_BUILD.firefox);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** A tab for a web page. Its own alert() dialogs are dismissed, as a reader would; puppeteer leaves them up. */
  async function openWebPage(): Promise<Page> {
    const page = await firefox.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    return page;
  }

  /** Extension pages never finish a BiDi navigation in Firefox: start it and poll instead. */
  async function openExtensionPage(query = ''): Promise<Page> {
    const page = await firefox.newPage();
    void page.goto(`${PANEL}${query}`).catch(() => undefined);
    await until(
      () => page.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:'),
      Boolean,
    );
    return page;
  }

  async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
    return until(
      // Match patterns cannot carry the server's port, so filter by hand.
      () =>
        extensionPage.evaluate(
          async (pageUrl) => (await browser.tabs.query({})).find((tab) => tab.url === pageUrl)?.id ?? -1,
          url,
        ),
      (id) => id > 0,
    );
  }

  async function openPanelFor(article: Page): Promise<Page> {
    const finder = await openExtensionPage('?opener=1');
    const tabId = await tabIdOf(finder, article.url());
    await finder.close();
    return openExtensionPage(`?tabId=${tabId}`);
  }

  const textOf = (page: Page, testId: string) =>
    page.evaluate((id) => {
      const nodes = document.querySelectorAll(`[data-testid="${id}"]`);
      return Array.from(nodes, (node) => node.textContent ?? '').join(' | ');
    }, testId);

  it('shows the headline, author, outlet and date of an article, with where each came from', async () => {
    const article = await openWebPage();
    await article.goto(server.url('/pages/western-journal-taliban.html'));
    const panel = await openPanelFor(article);
    await until(
      () => textOf(panel, 'headline'),
      (text) => text === 'Taliban Extends Offer to Biden, Unclear if President Will Accept Their Terms',
    );
    expect(await textOf(panel, 'author')).toBe('Jack Davis from structured data (JSON-LD)');
    expect(await textOf(panel, 'outlet')).toContain('The Western Journal');
    expect(await textOf(panel, 'published')).toContain('July 17, 2021');
    await panel.close();
    await article.close();
  });

  // Depends on the real analysis (lib/analyze): the seed page's six quotes from Hibatullah Akhundzada.
  it('lists the quotes by speaker, and a click shows the body quote in the page, not the pull quote', async () => {
    const article = await openWebPage();
    await article.goto(server.url('/pages/western-journal-taliban.html'));
    const panel = await openPanelFor(article);
    await until(
      () =>
        panel.evaluate(() =>
          document.querySelector('[data-testid="analysis"]')?.getAttribute('data-analysis'),
        ),
      (state) => state === 'done',
    );
    const headings = await textOf(panel, 'quote-group-heading');
    expect(headings.split(' | ')[0]).toContain('Hibatullah Akhundzada');
    expect(headings.split(' | ')[0]).toContain('6 quotes');
    expect(
      await panel.evaluate(
        () =>
          document.querySelector('[data-testid="quote-group"]')?.querySelectorAll('[data-testid="quote"]')
            .length,
      ),
    ).toBe(6);

    // The tabs work with the arrow keys.
    await panel.focus('[data-testid="tab-quotes"]');
    await panel.keyboard.press('ArrowRight');
    expect(
      await panel.evaluate(() => [
        document.activeElement?.id,
        document.querySelector('[data-testid="tab-sources"]')?.getAttribute('aria-selected'),
      ]),
    ).toEqual(['tab-sources', 'true']);
    await panel.keyboard.press('ArrowLeft');

    expect(await article.evaluate(() => window.scrollY)).toBe(0);
    const quoteButton = async () => {
      for (const button of await panel.$$('[data-testid="quote"]')) {
        if ((await button.evaluate((node) => node.textContent ?? '')).includes('We fully assure'))
          return button;
      }
      throw new Error('no "We fully assure" quote in the panel');
    };
    await (await quoteButton()).click();
    const shown = await until(
      () => article.evaluate(passageShownInPage, 'We fully assure neighboring'),
      (value) => value.lit && value.inView,
      10_000,
    );
    expect(shown).toMatchObject({ lit: true, inBody: true, inPullQuote: false, inView: true });
    expect(shown.scrollY).toBeGreaterThan(0);
    expect(await textOf(panel, 'passage-note')).toBe('');

    // When the passage is gone from the page, the panel says so in plain words.
    await article.evaluate(() => {
      for (const p of document.querySelectorAll('p'))
        if (p.textContent?.includes('We fully assure')) p.remove();
    });
    await (await quoteButton()).click();
    await until(
      () => textOf(panel, 'passage-note'),
      (text) => text === 'Scrutiny could not find this passage in the page (it may have changed).',
    );
    await panel.close();
    await article.close();
  });

  it('keeps highlights and notes made in the page, and finds them again after a reload, an edit and a cut', async () => {
    server.route('/notes/story', notesArticle('original'));
    const article = await openWebPage();
    await article.goto(server.url('/notes/story'));
    const drawn = () => article.evaluate(drawnHighlights);
    const same = (expected: Record<string, string[]>) => (value: Record<string, string[]>) =>
      JSON.stringify(value) === JSON.stringify(expected);
    /** Select a passage as a reader would, until the annotator (arriving on its own) shows its toolbar. */
    const selectForToolbar = (text: string) =>
      until(async () => {
        await article.evaluate(() => window.getSelection()?.removeAllRanges());
        await article.evaluate(selectText, text);
        await new Promise((resolve) => setTimeout(resolve, 250));
        return article.evaluate(annotatorShown);
      }, Boolean);

    await selectForToolbar(PASSAGES.lead);
    await article.keyboard.press('h');
    await until(drawn, same({ yellow: [PASSAGES.lead] }));
    await selectForToolbar(PASSAGES.ferry);
    await article.keyboard.press('n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await article.keyboard.type(NOTE);
    await article.keyboard.down('Control');
    await article.keyboard.press('Enter');
    await article.keyboard.up('Control');
    const original = { yellow: [PASSAGES.lead, PASSAGES.ferry] };
    await until(drawn, same(original));
    await until(
      () => article.evaluate(annotatorShown),
      (shown) => !shown,
    );

    await article.reload();
    await until(drawn, same(original));

    const panel = await openPanelFor(article);
    await until(
      () => textOf(panel, 'tab-notes'),
      (text) => text === 'Notes 2',
    );
    await panel.click('[data-testid="tab-notes"]');
    const entries = () =>
      panel.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid="note-entry"]'), (entry) =>
          [
            entry.getAttribute('data-status'),
            entry.querySelector('[data-testid="note-text"]')?.textContent ?? '',
          ].join(': '),
        ).join(' | '),
      );
    await until(entries, (text) => text === `anchored:  | anchored: ${NOTE}`);

    server.route('/notes/story', notesArticle('edited'));
    await article.reload();
    await until(drawn, same({ yellow: [EDITED_PASSAGES.lead, EDITED_PASSAGES.ferry] }));

    server.route('/notes/story', notesArticle('without-ferry'));
    await article.reload();
    await until(drawn, same({ yellow: [EDITED_PASSAGES.lead] }));
    await panel.click('[data-testid="tab-notes"]');
    await until(entries, (text) => text === `anchored:  | orphaned: ${NOTE}`);

    // Deleted in the panel: gone from the panel and from the page.
    await panel.click('[data-testid="note-entry"] [data-testid="note-delete"]');
    await until(drawn, same({}));
    await until(entries, (text) => text === `orphaned: ${NOTE}`);
    await panel.close();
    await article.close();
  });

  it('shows its toolbar, styled, next to a selection on a page whose policy forbids every style', async () => {
    server.route(
      '/csp/notes/story',
      notesArticle('original', '/csp/notes/story'),
      'text/html; charset=utf-8',
      {
        'content-security-policy': "default-src 'none'; script-src 'none'; style-src 'none'",
      },
    );
    const article = await openWebPage();
    await article.goto(server.url('/csp/notes/story'));
    const passage = 'a public meeting on March 12';
    await until(async () => {
      await article.evaluate(() => window.getSelection()?.removeAllRanges());
      await article.evaluate(selectText, passage);
      await new Promise((resolve) => setTimeout(resolve, 250));
      return article.evaluate(annotatorShown);
    }, Boolean);
    // Only a styled toolbar (position: fixed, from its own style sheet) sits just below the selection;
    // unstyled, it would fall to the top left corner of the page.
    const below = await article.evaluate(() => {
      const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return document.elementFromPoint(rect.left + 12, rect.bottom + 20)?.tagName.toLowerCase();
    });
    expect(below).toBe('scrutiny-annotator');
    await article.keyboard.press('h');
    await until(
      () => article.evaluate(drawnHighlights),
      (drawn) => JSON.stringify(drawn) === JSON.stringify({ yellow: [passage] }),
    );
    await article.close();
  });

  it('says a front page is not an article and offers "Analyze anyway"', async () => {
    const page = await openWebPage();
    await page.goto(server.url('/pages/front-page.html'));
    const panel = await openPanelFor(page);
    await until(
      () => textOf(panel, 'not-article'),
      (text) => text.includes('This does not look like an article'),
    );
    await panel.click('[data-testid="analyze-anyway"]');
    await until(
      () => textOf(panel, 'headline'),
      (text) => text === 'Coastline Gazette',
    );
    await panel.close();
    await page.close();
  });

  it('follows a tab switch and a navigation in the window it belongs to', async () => {
    const first = await openWebPage();
    await first.goto(server.url('/pages/western-journal-taliban.html'));
    const second = await openWebPage();
    await second.goto(server.url('/pages/harbor-council-vote.html'));
    const opener = await openExtensionPage('?opener=1');
    const windowId = await opener.evaluate(
      async (url) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.windowId ?? -1,
      second.url(),
    );
    // The panel in a window of its own, following the article window as the sidebar would.
    await opener.evaluate(
      (panelUrl) => browser.windows.create({ url: panelUrl }).then(() => undefined),
      `${PANEL}?windowId=${windowId}`,
    );
    const panelHeadline = () =>
      opener.evaluate(() => {
        const views = browser.extension.getViews() as unknown as Window[];
        const view = views.find((w) => w.location.search.startsWith('?windowId='));
        if (!view) return 'no panel';
        return (
          view.document.querySelector('[data-testid="headline"]')?.textContent ?? view.document.body.innerText
        );
      });
    await first.bringToFront();
    await until(
      panelHeadline,
      (text) => text === 'Taliban Extends Offer to Biden, Unclear if President Will Accept Their Terms',
    );
    await second.bringToFront();
    await until(
      panelHeadline,
      (text) => text === 'Harbor council delays vote on ferry fee after packed hearing',
    );
    await second.goto(server.url('/pages/front-page.html'));
    await until(panelHeadline, (text) => text.includes('This does not look like an article'));
    await Promise.all([first.close(), second.close(), opener.close()]);
  });

  /** The id of the newest tab other than the asking extension page (without access, addresses are hidden). */
  const newestPageTab = (extensionPage: Page) =>
    extensionPage.evaluate(async () => {
      const self = await browser.tabs.getCurrent();
      const tabs = await browser.tabs.query({});
      return Math.max(...tabs.filter((tab) => tab.id !== self?.id).map((tab) => tab.id!));
    });

  it('explains that the browser’s own pages cannot be analyzed', async () => {
    const page = await openWebPage();
    // The page loads, but puppeteer never sees that navigation finish.
    await page.goto('about:robots', { timeout: 3_000 }).catch(() => undefined);
    const finder = await openExtensionPage('?opener=1');
    const tabId = await newestPageTab(finder);
    await finder.close();
    const panel = await openExtensionPage(`?tabId=${tabId}`);
    // The whole panel, so a failure shows what it said instead.
    await until(
      () => panel.evaluate(() => document.body.innerText),
      (text) => text.includes('browser’s own pages'),
    );
    await panel.close();
    await page.close();
  });

  it('asks for the reader’s go-ahead on a page it has no access to, naming the gesture', async () => {
    const page = await openWebPage();
    await page.goto(server.url('/pages/harbor-council-vote.html').replace('127.0.0.1', 'localhost'));
    const finder = await openExtensionPage('?opener=1');
    const tabId = await newestPageTab(finder);
    await finder.close();
    const panel = await openExtensionPage(`?tabId=${tabId}`);
    await until(
      () => textOf(panel, 'needs-permission'),
      (text) => text.includes('click the Scrutiny button in the toolbar'),
    );
    await panel.close();
    await page.close();
  });

  it('says when a page does not answer (its own dialog is open), and reads it once the dialog is closed', async () => {
    // Firefox holds the injected script while the page's alert() is up; a reader sees the dialog.
    const page = await firefox.newPage();
    let dialog: Dialog | undefined;
    page.on('dialog', (opened) => (dialog = opened));
    const url = server.url('/pages/welcome-dialog.html');
    await page.goto(url, { timeout: 3_000 }).catch(() => undefined);
    const finder = await openExtensionPage('?opener=1');
    const tabId = await tabIdOf(finder, url);
    await finder.close();
    const panel = await openExtensionPage(`?tabId=${tabId}`);
    await until(
      () => panel.evaluate(() => document.body.innerText),
      (text) => text.includes('The page is not answering'),
      45_000,
    );
    expect(dialog?.message()).toContain('Welcome!');
    // Once the dialog is closed the page finishes loading, and the panel reads it without being asked.
    await dialog!.dismiss();
    await until(
      () => textOf(panel, 'headline'),
      (text) => text === 'Council closes the old bridge for repairs',
    );
    await panel.close();
    await page.close();
  });

  it('saves an article, clips a passage into a new collection, finds both in the library and reports an edit', async () => {
    server.route(LIBRARY_PATH, libraryArticle('original'));
    const article = await openWebPage();
    await article.goto(server.url(LIBRARY_PATH));
    const selectUntilToolbar = (passage: string) =>
      until(async () => {
        await article.evaluate(() => window.getSelection()?.removeAllRanges());
        await article.evaluate(selectText, passage);
        await new Promise((resolve) => setTimeout(resolve, 250));
        return article.evaluate(annotatorShown);
      }, Boolean);
    await selectUntilToolbar(HIGHLIGHT_PASSAGE);
    await article.keyboard.press('h');
    await until(
      () => article.evaluate(drawnHighlights),
      (drawn) => JSON.stringify(drawn) === JSON.stringify({ yellow: [HIGHLIGHT_PASSAGE] }),
    );

    const panel = await openPanelFor(article);
    await until(
      () =>
        panel.evaluate(() =>
          document.querySelector('[data-testid="analysis"]')?.getAttribute('data-analysis'),
        ),
      (state) => state === 'done',
    );
    await panel.click('[data-testid="save-article"]');
    await until(
      () => textOf(panel, 'saved-status'),
      (text) => text.startsWith('Saved '),
    );

    // Clip from the page's toolbar with its key; the panel offers the collection, a note and tags.
    await selectUntilToolbar(CLIP_PASSAGE);
    await article.keyboard.press('k');
    await until(
      () => panel.evaluate(() => document.querySelectorAll('[data-testid="clip-card"]').length),
      (count) => count === 1,
    );
    await panel.select('[data-testid="clip-collection"]', '__new__');
    await panel.waitForSelector('[data-testid="clip-new-collection"]');
    await panel.type('[data-testid="clip-new-collection"]', COLLECTION);
    await panel.type('[data-testid="clip-note"]', CLIP_NOTE);
    await panel.click('[data-testid="clip-save"]');
    await until(
      () => panel.evaluate(() => document.querySelectorAll('[data-testid="clip-card"]').length),
      (count) => count === 0,
    );

    const library = await firefox.newPage();
    void library.goto(`moz-extension://${FIREFOX_UUID}/library.html`).catch(() => undefined);
    await until(
      () => textOf(library, 'collection'),
      (text) => text.includes(COLLECTION),
    );
    await library.type('input[aria-label="Search"]', 'ferry');
    await until(
      () => textOf(library, 'library-item'),
      (text) => text.includes(CLIP_PASSAGE),
    );
    await library.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Search"]')!;
      input.select();
    });
    await library.keyboard.press('Backspace');
    await library.type('input[aria-label="Search"]', 'Jane Doe');
    await until(
      () =>
        library.evaluate(
          () => document.querySelectorAll('[data-testid="library-item"][data-kind="article"]').length,
        ),
      (count) => count === 1,
    );
    await library.click('[data-testid="library-item"][data-kind="article"] [data-testid="open-item"]');
    await until(
      () => textOf(library, 'reader-highlights'),
      (text) => text === '1 highlight drawn on the saved copy.',
    );
    expect(await library.evaluate(drawnHighlights)).toEqual({ yellow: [HIGHLIGHT_PASSAGE] });

    server.route(LIBRARY_PATH, libraryArticle('edited'));
    await article.reload();
    await until(
      () => textOf(panel, 'changed-since-saved'),
      (text) => text.includes('nine'),
    );
    expect(await textOf(panel, 'edited-without-date')).toContain('without changing');
    expect(await textOf(panel, 'quote-changes')).toContain('Altered');
    await panel.click('[data-testid="save-new-version"]');
    await until(
      () => textOf(panel, 'saved-status'),
      (text) => text.includes('2 versions'),
    );
    await library.click('[data-testid="reader-tab-versions"]');
    await until(
      () => library.evaluate(() => document.querySelectorAll('[data-testid="version"]').length),
      (count) => count === 2,
    );
    await library.click('[data-testid="compare-previous"]');
    await until(
      () => textOf(library, 'version-changes'),
      (text) => text.includes('nine'),
    );
    await Promise.all([library.close(), panel.close(), article.close()]);
  });

  describe('bad input', () => {
    for (const testCase of BAD_INPUT_CASES) {
      it(
        `meets ${testCase.name} with a clear message`,
        async () => {
          const page = await openWebPage();
          const url = server.url(testCase.path);
          await page.goto(url, { timeout: 60_000 }).catch(() => undefined);
          if (testCase.watchResponsiveness) await page.evaluate(watchHeartbeat);
          const finder = await openExtensionPage('?opener=1');
          const tabId = await until(
            () =>
              finder.evaluate(
                async (pageUrl) =>
                  (await browser.tabs.query({})).find((tab) => tab.url === pageUrl)?.id ?? -1,
                url,
              ),
            (id) => id > 0,
          );
          await finder.close();
          if (testCase.watchResponsiveness) await page.evaluate(markScrutinyStart);
          const panel = await openExtensionPage(`?tabId=${tabId}`);
          const snapshot: PanelSnapshot = await until(
            () => panel.evaluate(snapshotPanel),
            (value) => !/^(loading|idle|none)$/.test(value.view),
            testCase.slow ? 200_000 : 15_000,
          );
          if (testCase.watchResponsiveness) expectResponsive(await page.evaluate(longestBlock));
          testCase.check(snapshot);
          await panel.close();
          await page.close();
          // A large page takes long on a busy machine: waiting longer costs nothing when it is quick.
        },
        testCase.slow ? 240_000 : 90_000,
      );
    }
  });
});
