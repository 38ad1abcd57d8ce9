/** The built extension in real Firefox ESR over WebDriver BiDi: what a reader sees in the sidebar page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, {
  type Browser as PuppeteerBrowser,
  type Dialog,
  type ElementHandle,
  type Page,
} from 'puppeteer-core';
import { readdirSync, readFileSync } from 'node:fs';
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
import {
  FIREFOX_PATH,
  FIREFOX_UUID,
  TEST_BUILD,
  browserAvailable,
  firefoxLaunchOptions,
  temporaryProfile,
  until,
} from './browsers';
import {
  EXPORT_CLIP,
  EXPORT_COLLECTION,
  EXPORT_HIGHLIGHT,
  EXPORT_HIGHLIGHT_NOTE,
  SEED_PATH,
  downloadPrefs,
  keepBackup,
  nextDownload,
  readZip,
} from './export';
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
  askDrawnMarks,
  drawnHighlights,
  noteFrameState,
  notesArticle,
  selectText,
  textUnderMarks,
  type MarkOnScreen,
} from './notes';

/** The extension API inside extension pages, where page.evaluate callbacks run. */
declare const browser: typeof Browser;

const available = browserAvailable(FIREFOX_PATH, 'Firefox ESR');
const PANEL = `moz-extension://${FIREFOX_UUID}/sidepanel.html`;

/** Wait until a condition holds, checking every 200 ms. */
/** Firefox with the extension installed; what it downloads goes straight into `downloadDir`. */
async function launchFirefox(downloadDir: string): Promise<PuppeteerBrowser> {
  const instance = await puppeteer.launch(firefoxLaunchOptions(downloadPrefs(downloadDir)));
  await instance.installExtension(TEST_BUILD.firefox);
  return instance;
}

describe.skipIf(!available)('Firefox ESR', () => {
  let server: FixtureServer;
  let firefox: PuppeteerBrowser;
  let downloads: ReturnType<typeof temporaryProfile>;

  beforeAll(async () => {
    server = await startFixtureServer();
    routeBadInputCases(server.route);
    server.route(
      '/pages/welcome-dialog.html',
      articlePage({
        body: `${articleParagraphs()}<script>alert("Welcome! Accept our terms to read on.")</script>`,
      }),
    );
    downloads = temporaryProfile('scrutiny-firefox-downloads-');
    firefox = await launchFirefox(downloads.dir);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    downloads?.remove();
  });

  /** A tab for a web page. Its own alert() dialogs are dismissed, as a reader would; puppeteer leaves them up. */
  async function openWebPage(): Promise<Page> {
    const page = await firefox.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    return page;
  }

  /** Extension pages never finish a BiDi navigation in Firefox: start it and poll instead. */
  async function openExtensionPage(query = '', instance = firefox): Promise<Page> {
    const page = await instance.newPage();
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

  async function openPanelFor(article: Page, instance = firefox): Promise<Page> {
    const finder = await openExtensionPage('?opener=1', instance);
    const tabId = await tabIdOf(finder, article.url());
    await finder.close();
    return openExtensionPage(`?tabId=${tabId}`, instance);
  }

  /**
   * What the reader sees highlighted in a web page: the annotator's marks (drawn where no page script can
   * list them), asked from an extension page, read back in the page as the words under them.
   */
  async function drawnIn(page: Page, instance = firefox): Promise<Record<string, string[]>> {
    const asker = await openExtensionPage('?opener=1', instance);
    try {
      const marks: MarkOnScreen[] = await asker.evaluate(askDrawnMarks, await tabIdOf(asker, page.url()));
      return await page.evaluate(textUnderMarks, { marks });
    } finally {
      await asker.close();
    }
  }

  /**
   * Select a passage, and let go of Shift as a reader extending a selection does (the annotator reads the
   * selection on the reader's own keys and mouse only), until the annotator shows its toolbar. The tab
   * comes to the front first, as the reader's keys go to the tab in front (the panel may be there).
   */
  const selectForToolbar = async (page: Page, text: string) => {
    await page.bringToFront();
    return until(async () => {
      await page.evaluate(() => window.getSelection()?.removeAllRanges());
      await page.evaluate(selectText, text);
      await page.keyboard.press('Shift');
      await new Promise((resolve) => setTimeout(resolve, 250));
      return page.evaluate(annotatorShown);
    }, Boolean);
  };

  /** Whether the note editor (in the annotator's extension frame) has the caret. */
  async function noteEditorFocused(page: Page): Promise<boolean> {
    for (const frame of page.frames().slice(1)) {
      const state = await frame.evaluate(noteFrameState).catch(() => null);
      if (state) return state.editing;
    }
    return false;
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
    const drawn = () => drawnIn(article);
    const same = (expected: Record<string, string[]>) => (value: Record<string, string[]>) =>
      JSON.stringify(value) === JSON.stringify(expected);

    await selectForToolbar(article, PASSAGES.lead);
    await article.keyboard.press('h');
    await until(drawn, same({ yellow: [PASSAGES.lead] }));
    await selectForToolbar(article, PASSAGES.ferry);
    await article.keyboard.press('n');
    await until(() => noteEditorFocused(article), Boolean);
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
    await selectForToolbar(article, passage);
    // Only a styled toolbar (position: fixed, from its own style sheet) sits just below the selection;
    // unstyled, it would fall to the top left corner of the page.
    const below = await article.evaluate(() => {
      const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return document.elementFromPoint(rect.left + 12, rect.bottom + 20)?.tagName.toLowerCase();
    });
    expect(below).toBe('scrutiny-annotator');
    await article.keyboard.press('h');
    await until(
      () => drawnIn(article),
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

  it('follows a tab switch and a navigation in the real sidebar', async () => {
    const first = await openWebPage();
    await first.goto(server.url('/pages/western-journal-taliban.html'));
    const second = await openWebPage();
    await second.goto(server.url('/pages/harbor-council-vote.html'));
    const opener = await openExtensionPage('?opener=1');
    /** The sidebar's document: the panel page without a query (one window, so one sidebar). */
    const sidebarHeadline = () =>
      opener.evaluate(() => {
        const views = browser.extension.getViews() as unknown as Window[];
        const view = views.find((w) => w.location.pathname === '/sidepanel.html' && w.location.search === '');
        if (!view) return 'no sidebar';
        return (
          view.document.querySelector('[data-testid="headline"]')?.textContent ?? view.document.body.innerText
        );
      });
    // Firefox opens the sidebar when the extension is installed; a reader who closed it opens it again
    // with the toolbar button, which is sidebarAction.open under a click, done here in the opener page.
    await opener.evaluate(() => {
      const sidebar = (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction;
      const button = document.createElement('button');
      button.id = 'open-sidebar';
      button.textContent = 'open';
      button.addEventListener('click', () => void sidebar.open());
      document.body.prepend(button);
    });
    await opener.click('#open-sidebar');
    await until(sidebarHeadline, (text) => text !== 'no sidebar');
    await first.bringToFront();
    await until(
      sidebarHeadline,
      (text) => text === 'Taliban Extends Offer to Biden, Unclear if President Will Accept Their Terms',
    );
    await second.bringToFront();
    await until(
      sidebarHeadline,
      (text) => text === 'Harbor council delays vote on ferry fee after packed hearing',
    );
    // The navigation as the browser makes it; puppeteer's goto here sometimes reported the load as
    // aborted (NS_BINDING_ABORTED) over WebDriver BiDi while the sidebar read the tab.
    const secondTabId = await tabIdOf(opener, second.url());
    await opener.evaluate(
      (tabId, url) => browser.tabs.update(tabId, { url }).then(() => undefined),
      secondTabId,
      server.url('/pages/front-page.html'),
    );
    await until(sidebarHeadline, (text) => text.includes('This does not look like an article'));
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
    await selectForToolbar(article, HIGHLIGHT_PASSAGE);
    await article.keyboard.press('h');
    await until(
      () => drawnIn(article),
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
    await selectForToolbar(article, CLIP_PASSAGE);
    await article.keyboard.press('k');
    await until(
      () => panel.evaluate(() => document.querySelectorAll('[data-testid="clip-card"]').length),
      (count) => count === 1,
    );
    await panel.bringToFront();
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
    // Cited with the byline the panel shows, which the background read from the page.
    await until(
      () =>
        library.evaluate(
          () =>
            document.querySelector('[data-testid="library-item"][data-kind="clipping"]')?.textContent ?? '',
        ),
      (text) => text.includes('Clipping · Harbor Daily · Jane Doe'),
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

  it('exports a collection as Markdown and CSV, and its backup brings the notes into a fresh profile', async () => {
    const seed = await openWebPage();
    await seed.goto(server.url(SEED_PATH));
    const panel = await openPanelFor(seed);
    await until(
      () =>
        panel.evaluate(() =>
          document.querySelector('[data-testid="analysis"]')?.getAttribute('data-analysis'),
        ),
      (state) => state === 'done',
    );
    await selectForToolbar(seed, EXPORT_HIGHLIGHT);
    await seed.keyboard.press('h');
    await until(
      () => drawnIn(seed),
      (drawn) => (drawn.yellow ?? []).includes(EXPORT_HIGHLIGHT),
    );
    await panel.click('[data-testid="save-article"]');
    await until(
      () => textOf(panel, 'saved-status'),
      (text) => text.startsWith('Saved '),
    );
    // The highlight's note, as the panel sends it to the background.
    await panel.evaluate(
      async ({ url, note }) => {
        const page = { url, canonicalUrl: null, title: '' };
        const listed = (await browser.runtime.sendMessage({ type: 'scrutiny/annotations-list', page })) as {
          annotations: { id: string; kind: string }[];
        };
        const highlight = listed.annotations.find((annotation) => annotation.kind === 'highlight');
        if (!highlight) throw new Error('no highlight stored');
        await browser.runtime.sendMessage({
          type: 'scrutiny/annotation-update',
          id: highlight.id,
          changes: { note },
        });
      },
      { url: seed.url(), note: EXPORT_HIGHLIGHT_NOTE },
    );
    await selectForToolbar(seed, EXPORT_CLIP);
    await seed.keyboard.press('k');
    await until(
      () => panel.evaluate(() => document.querySelectorAll('[data-testid="clip-card"]').length),
      (count) => count === 1,
    );
    await panel.bringToFront();
    await panel.select('[data-testid="clip-collection"]', '__new__');
    await panel.waitForSelector('[data-testid="clip-new-collection"]');
    await panel.type('[data-testid="clip-new-collection"]', EXPORT_COLLECTION);
    await panel.click('[data-testid="clip-save"]');
    await until(
      () => panel.evaluate(() => document.querySelectorAll('[data-testid="clip-card"]').length),
      (count) => count === 0,
    );

    // The library exports the collection (the clipping, and the article moved into it).
    const library = await firefox.newPage();
    void library.goto(`moz-extension://${FIREFOX_UUID}/library.html`).catch(() => undefined);
    await until(
      () => textOf(library, 'collection'),
      (text) => text.includes(EXPORT_COLLECTION),
    );
    const optionValue = (selector: string, label: string) =>
      library.evaluate(
        (select, text) =>
          Array.from(document.querySelector<HTMLSelectElement>(select)?.options ?? []).find(
            (option) => option.textContent === text,
          )?.value ?? '',
        selector,
        label,
      );
    await until(
      () =>
        library.evaluate(
          () => document.querySelectorAll('input[aria-label^="Select article: Taliban"]').length,
        ),
      (count) => count === 1,
    );
    // A locator retries the click should the row be drawn anew between finding and clicking it (the
    // worker's rows replace the database's once it has read the catalog).
    await library.locator('input[aria-label^="Select article: Taliban"]').click();
    const move = 'select[aria-label="Move the selected items to a collection"]';
    await library.waitForSelector(move);
    await library.select(move, await optionValue(move, EXPORT_COLLECTION));
    await until(
      () => textOf(library, 'library-message'),
      (text) => text.includes('Moved'),
    );

    await library.click('[data-testid="library-export"]');
    await library.waitForSelector('[data-testid="export-dialog"]');
    await library.click('input[name="export-scope"][value="collection"]');
    const collectionSelect = 'select[aria-label="A collection"]';
    await library.select(collectionSelect, await optionValue(collectionSelect, EXPORT_COLLECTION));
    const exportAs = async (format: string) => {
      await library.select('[data-testid="export-format"]', format);
      const before = new Set(readdirSync(downloads.dir));
      await library.click('[data-testid="export-start"]');
      return nextDownload(downloads.dir, before);
    };
    const markdownPath = await exportAs('markdown');
    const markdown = markdownPath.endsWith('.zip')
      ? Object.values(readZip(markdownPath)).join('\n')
      : readFileSync(markdownPath, 'utf8');
    expect(markdown).toContain(EXPORT_HIGHLIGHT_NOTE);
    expect(markdown).toContain(EXPORT_CLIP);
    const csvPath = await exportAs('csv');
    expect(csvPath).toMatch(/\.csv$/);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(EXPORT_HIGHLIGHT_NOTE);
    expect(csv).toContain(EXPORT_CLIP);
    await library.click('input[name="export-scope"][value="everything"]');
    const backupPath = await exportAs('json');
    keepBackup(backupPath, new URL(server.url('/')).origin, false);

    // A fresh profile imports the backup; the note is drawn on the page again.
    const freshDownloads = temporaryProfile('scrutiny-firefox-fresh-');
    const fresh = await launchFirefox(freshDownloads.dir);
    try {
      const freshLibrary = await fresh.newPage();
      void freshLibrary.goto(`moz-extension://${FIREFOX_UUID}/library.html`).catch(() => undefined);
      await until(
        () => freshLibrary.evaluate(() => document.querySelector('[data-testid="library-import"]') !== null),
        Boolean,
      );
      await freshLibrary.click('[data-testid="library-import"]');
      const input = await freshLibrary.waitForSelector('[data-testid="import-file"]');
      await (input as ElementHandle<HTMLInputElement>).uploadFile(backupPath);
      await until(
        () => textOf(freshLibrary, 'import-preview'),
        (text) => text.includes('This file is a Scrutiny backup.'),
      );
      await freshLibrary.click('[data-testid="import-start"]');
      await until(
        () => textOf(freshLibrary, 'import-message'),
        (text) => text === 'Imported.',
      );
      const page = await fresh.newPage();
      page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
      await page.goto(server.url(SEED_PATH));
      const freshPanel = await openPanelFor(page, fresh);
      await until(
        () => drawnIn(page, fresh),
        (drawn) => (drawn.yellow ?? []).includes(EXPORT_HIGHLIGHT),
      );
      await freshPanel.click('[data-testid="tab-notes"]');
      await until(
        () => textOf(freshPanel, 'note-text'),
        (text) => text.includes(EXPORT_HIGHLIGHT_NOTE),
      );
    } finally {
      await fresh.close();
      freshDownloads.remove();
    }
    await Promise.all([library.close(), panel.close(), seed.close()]);
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
