/**
 * The in-page annotator against hostile pages, in real Chromium, written as the security review's attacks
 * were made (issue 10): a sibling blog on a shared host that claims the reader's article as its canonical
 * address, a third-party script on the article itself that logs keys, reads `CSS.highlights`, calls
 * `window.find()` and sends synthetic events, a page that clobbers the DOM and a page that removes every
 * element it does not know. Each must fail to read or write the reader's notes, and the annotator must go
 * on working or say in plain words why it cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import {
  CLEANING_PATH,
  CLOBBERING_PATH,
  HOSTILE_HOST,
  NOTE,
  PASSAGES,
  SIBLING_PATH,
  VICTIM_PATH,
  cleaningArticle,
  notesArticle,
  clobberingArticle,
  drawnHighlightsIn,
  noteFrameText,
  pageActsForReader,
  pageDrivesNoteFrame,
  pageDomContains,
  pageFinds,
  pageHoversAndClicks,
  pageReadsHighlightRegistry,
  passageEnds,
  siblingCopy,
  victimArticle,
} from './notes';
import type { Browser } from '@wxt-dev/browser';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  TEST_BUILD,
  browserAvailable,
  temporaryProfile,
  loadExtensionArgs,
} from './browsers';

/** The extension API inside extension pages, where page.evaluate callbacks run. */
declare const chrome: typeof Browser;

const available = browserAvailable(CHROMIUM_PATH, 'Chromium');

const VICTIM = `http://alice.${HOSTILE_HOST}${VICTIM_PATH}`;
const SIBLING = `http://bob.${HOSTILE_HOST}${SIBLING_PATH}`;
/** Words of the reader's note a page must never see. */
const NOTE_WORDS = ['Check the ferry schedule', 'agency’s timetable'];
/** The article on the fixture server's own address, a secure context where pages have a clipboard. */
const PLAIN_PATH = '/hostile/plain.html';
/** What the attacking page tries to put into the reader's notes and clipboard. */
const PAGE_WORDS = 'Words of the page’s choosing';
/** The toolbar's keys, which a page sends: Highlight, Add note, Copy with citation, Clip. */
const ALL_KEYS = ['h', 'n', 'c', 'k'];
/** What the reader had on the clipboard before the attacks. */
const CLIPBOARD = 'The reader’s own clipboard';

interface PiercedNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: PiercedNode[];
  shadowRoots?: PiercedNode[];
}

describe.skipIf(!available)('Chromium against hostile pages', () => {
  let server: FixtureServer;
  let context: BrowserContext;
  let extensionId: string;
  let profile: ReturnType<typeof temporaryProfile>;
  let extension: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    const port = new URL(server.origin).port;
    server.route(VICTIM_PATH, victimArticle(VICTIM));
    server.route(SIBLING_PATH, siblingCopy(VICTIM));
    server.route(CLOBBERING_PATH, clobberingArticle());
    server.route(CLEANING_PATH, cleaningArticle());
    server.route(PLAIN_PATH, notesArticle('original', PLAIN_PATH));
    profile = temporaryProfile('scrutiny-hostile-chromium-');
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [
        ...CHROMIUM_ARGS,
        // Two blogs on one shared host, both served by the fixture server.
        `--host-resolver-rules=MAP *.${HOSTILE_HOST} 127.0.0.1:${port}`,
        '--disable-features=HttpsUpgrades',
        ...loadExtensionArgs(TEST_BUILD.chrome),
      ],
    });
    // Nothing may leave the machine.
    await context.route(
      /^(?!http:\/\/(127\.0\.0\.1:|(alice|bob)\.blogspot\.com\/)|chrome-extension:|chrome:|about:|data:)/,
      (route) => route.abort(),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    extension = await context.newPage();
    await extension.goto(`chrome-extension://${extensionId}/sidepanel.html?opener=1`);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    profile?.remove();
  });

  /** The store's answer for a page, asked from the extension's own page (which may ask for any page). */
  const storedFor = (url: string) =>
    extension.evaluate(async (pageUrl) => {
      const response = (await chrome.runtime.sendMessage({
        type: 'scrutiny/annotations-list',
        page: { url: pageUrl, canonicalUrl: null, title: '' },
      })) as { ok: boolean; annotations?: { body: { note: string }; target: { selector: unknown[] } }[] };
      return (response.annotations ?? []).map((annotation) => {
        const quote = annotation.target.selector.find(
          (selector) => (selector as { type: string }).type === 'TextQuoteSelector',
        ) as { exact: string } | undefined;
        return { passage: quote?.exact ?? '', note: annotation.body.note };
      });
    }, url);

  const tabIdOf = (pageUrl: string) =>
    extension.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      if (!tab?.id) throw new Error(`no tab for ${url}`);
      return tab.id;
    }, pageUrl);

  /** The nodes of the page, closed shadow roots included, as DevTools sees them. */
  async function piercedNodes(page: Page): Promise<PiercedNode[]> {
    const session = await context.newCDPSession(page);
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: PiercedNode;
    };
    await session.detach();
    const nodes: PiercedNode[] = [];
    const walk = (node: PiercedNode) => {
      nodes.push(node);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
    };
    walk(root);
    return nodes;
  }
  const attribute = (node: PiercedNode, name: string) => {
    const index = node.attributes?.findIndex((value, i) => i % 2 === 0 && value === name) ?? -1;
    return index >= 0 ? node.attributes![index + 1] : undefined;
  };
  const textOf = (node: PiercedNode): string =>
    node.nodeType === 3 ? (node.nodeValue ?? '') : (node.children ?? []).map(textOf).join('');

  /** The text of the annotator's element with this role (toolbar, alert, dialog), or null. */
  async function annotatorPart(page: Page, role: string): Promise<string | null> {
    const node = (await piercedNodes(page)).find((candidate) => attribute(candidate, 'role') === role);
    return node ? textOf(node) : null;
  }

  /** Whatever the annotator showed in answer to something: its toolbar, a message, the note editor. */
  async function annotatorReactions(page: Page): Promise<string[]> {
    const roles = ['toolbar', 'status', 'alert', 'dialog'];
    return (await piercedNodes(page))
      .filter((node) => roles.includes(attribute(node, 'role') ?? ''))
      .map((node) => `${attribute(node, 'role')}: ${textOf(node)}`);
  }

  /** Whether the annotator listens in the page (it answers the panel's request for where the highlights are). */
  const annotatorRuns = (page: Page) =>
    extension.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      if (tab?.id === undefined) return false;
      const report = await chrome.tabs
        .sendMessage(tab.id, { type: 'scrutiny/anchor-report-request' }, { frameId: 0 })
        .catch(() => null);
      return (report as { type?: string } | null)?.type === 'scrutiny/anchor-report';
    }, page.url());

  /** Select a passage with the mouse, as a reader does, until the toolbar shows. */
  async function selectWithMouse(page: Page, text: string): Promise<void> {
    await expect
      .poll(
        async () => {
          await page.evaluate(() => window.getSelection()?.removeAllRanges());
          const ends = await page.evaluate(passageEnds, text);
          if (!ends) throw new Error(`no "${text}" in the page`);
          await page.mouse.move(ends.from.x, ends.from.y);
          await page.mouse.down();
          await page.mouse.move(ends.to.x, ends.to.y, { steps: 5 });
          await page.mouse.up();
          await page.waitForTimeout(250);
          return annotatorPart(page, 'toolbar');
        },
        { timeout: 15_000 },
      )
      .toContain('Highlight');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(text);
  }

  /** Where the reader puts the pointer on a passage of the page (a little way into its first line). */
  async function pointOnPassage(page: Page, text: string): Promise<{ x: number; y: number }> {
    const ends = await page.evaluate(passageEnds, text);
    if (!ends) throw new Error(`no "${text}" in the page`);
    return { x: ends.from.x + 20, y: ends.from.y };
  }

  const keysSeen = (page: Page) =>
    page.evaluate(() => (window as unknown as { __keysSeen: string[] }).__keysSeen);

  describe('a third-party script on the reader’s own article', () => {
    let article: Page;
    let panel: Page;

    afterAll(async () => {
      await panel?.close();
      await article?.close();
    });

    it('hears not one key of a note the reader writes (finding 3)', async () => {
      article = await context.newPage();
      await article.goto(VICTIM);
      expect(article.url()).toBe(VICTIM);
      await expect.poll(() => annotatorRuns(article), { timeout: 15_000 }).toBe(true);
      // The reader highlights the lead with H, and writes a note on the ferry passage.
      await selectWithMouse(article, PASSAGES.lead);
      await article.keyboard.press('h');
      await expect.poll(() => storedFor(VICTIM)).toHaveLength(1);
      await selectWithMouse(article, PASSAGES.ferry);
      await article.keyboard.press('n');
      await expect.poll(() => annotatorPart(article, 'dialog')).toContain('Note');
      const before = await keysSeen(article);
      await article.keyboard.type(NOTE);
      await article.keyboard.press('Control+Enter');
      await expect
        .poll(() => storedFor(VICTIM))
        .toEqual([
          { passage: PASSAGES.lead, note: '' },
          { passage: PASSAGES.ferry, note: NOTE },
        ]);
      // The page's capture listeners on window saw nothing typed into the note (only the release of
      // Ctrl+Enter, once the editor had closed and the page had the focus again).
      const heard = (await keysSeen(article)).slice(before.length);
      expect(heard.filter((key) => !/^keyup:(Enter|Control)$/.test(key))).toEqual([]);
    });

    it('cannot list the highlighted passages, which the reader sees drawn (finding 4)', async () => {
      expect(await article.evaluate(pageReadsHighlightRegistry)).toEqual([]);
      await expect
        .poll(() => drawnHighlightsIn(article))
        .toEqual({ yellow: [PASSAGES.lead, PASSAGES.ferry] });
      // Nor while a note is being written (the passage being noted is marked for the reader only).
      await selectWithMouse(article, PASSAGES.report);
      await article.keyboard.press('n');
      await expect.poll(() => noteFrameText(article)).toContain('Note');
      expect(await article.evaluate(pageReadsHighlightRegistry)).toEqual([]);
      expect(await drawnHighlightsIn(article, ['pending'])).toEqual({ pending: [PASSAGES.report] });
      await article.keyboard.press('Escape');
      await expect.poll(() => annotatorPart(article, 'dialog')).toBeNull();
      expect(await storedFor(VICTIM)).toHaveLength(2);
    });

    it('cannot make the note show, nor find it with window.find() when the reader shows it (finding 1)', async () => {
      // Synthetic pointer moves bring nothing up: find() has nothing to find.
      expect(await article.evaluate(pageHoversAndClicks, { passage: 'A ferry', note: NOTE_WORDS })).toEqual(
        [],
      );
      expect((await noteFrameText(article)) ?? '').not.toContain(NOTE);
      // The reader hovers the highlight: the note shows, in the extension's frame, where find() does not look.
      const onFerry = await pointOnPassage(article, PASSAGES.ferry);
      await article.mouse.move(onFerry.x, onFerry.y);
      await expect.poll(() => noteFrameText(article)).toContain(NOTE);
      expect(await article.evaluate(pageFinds, NOTE_WORDS)).toEqual([]);
      expect(await article.evaluate(pageDomContains, NOTE_WORDS)).toEqual([]);
      await article.mouse.move(5, 5);
      await expect.poll(async () => (await noteFrameText(article)) ?? '').not.toContain(NOTE);
    });

    it('cannot open the panel at a note, nor highlight, note, clip or copy with synthetic events (finding 2)', async () => {
      panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${await tabIdOf(VICTIM)}`);
      await expect
        .poll(() => panel.getByTestId('tab-notes').textContent(), { timeout: 15_000 })
        .toBe('Notes 2');
      await article.bringToFront();
      // A synthetic click on the highlight does not switch the panel to Notes…
      await article.evaluate(pageHoversAndClicks, { passage: 'A ferry', note: [] });
      await article.waitForTimeout(500);
      expect(await panel.getByTestId('tab-notes').getAttribute('aria-selected')).toBe('false');
      // …while the reader's own click does.
      const onFerry = await pointOnPassage(article, PASSAGES.ferry);
      await article.mouse.click(onFerry.x, onFerry.y);
      await expect.poll(() => panel.getByTestId('tab-notes').getAttribute('aria-selected')).toBe('true');
      // A synthetic selection, mouseup and keys write nothing, and bring up nothing.
      for (const key of ALL_KEYS) {
        await article.evaluate(pageActsForReader, { passage: PASSAGES.report, keys: [key] });
        expect(await storedFor(VICTIM)).toHaveLength(2);
        expect(await annotatorReactions(article)).toEqual([]);
      }
      expect((await noteFrameText(article)) ?? '').not.toContain(PAGE_WORDS);
    });

    it('cannot list the passage the panel shows either: it is lit with a mark', async () => {
      await panel.getByTestId('note-passage').filter({ hasText: 'A ferry' }).click();
      await article.waitForTimeout(500);
      expect(await article.evaluate(pageReadsHighlightRegistry)).toEqual([]);
      await expect.poll(() => drawnHighlightsIn(article, ['passage'])).toEqual({ passage: [PASSAGES.ferry] });
    });
  });

  it('gives a sibling blog that claims the article as its canonical address nothing to read and nothing to write', async () => {
    const copy = await context.newPage();
    await copy.goto(SIBLING);
    expect(copy.url()).toBe(SIBLING);
    await expect.poll(() => annotatorRuns(copy), { timeout: 15_000 }).toBe(true);
    // The reader's notes on Alice's article (from the tests before) are not Bob's to show.
    expect(await storedFor(VICTIM)).toHaveLength(2);
    await copy.waitForTimeout(1000);
    expect(await copy.evaluate(pageReadsHighlightRegistry)).toEqual([]);
    expect(await copy.evaluate(pageHoversAndClicks, { passage: 'A ferry', note: NOTE_WORDS })).toEqual([]);
    const onFerry = await pointOnPassage(copy, PASSAGES.ferry);
    await copy.mouse.move(onFerry.x, onFerry.y);
    await copy.waitForTimeout(500);
    expect(await copy.evaluate(pageFinds, NOTE_WORDS)).toEqual([]);
    expect(await copy.evaluate(pageDomContains, NOTE_WORDS)).toEqual([]);
    expect(await drawnHighlightsIn(copy)).toEqual({});

    // Bob's page selects, sends a mouseup and the toolbar's keys, types into whatever has the focus.
    for (const key of ALL_KEYS) {
      await copy.evaluate(pageActsForReader, { passage: PASSAGES.ferry, keys: [key] });
      expect(await storedFor(SIBLING)).toEqual([]);
    }
    expect(await storedFor(VICTIM)).toEqual([
      { passage: PASSAGES.lead, note: '' },
      { passage: PASSAGES.ferry, note: NOTE },
    ]);
    expect(await annotatorReactions(copy)).toEqual([]);
    expect((await noteFrameText(copy)) ?? '').not.toContain(PAGE_WORDS);
    // A reader who highlights there, highlights for Bob's page only.
    await selectWithMouse(copy, PASSAGES.report);
    await copy.keyboard.press('h');
    await expect.poll(() => storedFor(SIBLING)).toEqual([{ passage: PASSAGES.report, note: '' }]);
    expect(await storedFor(VICTIM)).toHaveLength(2);
    await copy.close();
  });

  it('gives a page that embeds the note frame itself nothing: the frame does not even load for it', async () => {
    const page = await context.newPage();
    await page.goto(SIBLING);
    expect(
      await page.evaluate(pageDrivesNoteFrame, `chrome-extension://${extensionId}/annotator-frame.html`),
    ).toEqual([]);
    await page.close();
  });

  it('puts nothing on the clipboard for a page’s synthetic keys, and copies for the reader’s own', async () => {
    const article = await context.newPage();
    await article.goto(server.url(PLAIN_PATH));
    await expect.poll(() => annotatorRuns(article), { timeout: 15_000 }).toBe(true);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await article.evaluate((text) => navigator.clipboard.writeText(text), CLIPBOARD);
    // The reader has just clicked in the page (which lets the page use the clipboard for a moment)…
    await article.mouse.click(5, 5);
    // …and the page's script acts at once, in the reader's name.
    await article.evaluate(pageActsForReader, { passage: PASSAGES.report, keys: ['c'] });
    expect(await article.evaluate(() => navigator.clipboard.readText())).toBe(CLIPBOARD);
    expect(await annotatorReactions(article)).toEqual([]);
    // The reader's own C copies.
    await selectWithMouse(article, PASSAGES.report);
    await article.keyboard.press('c');
    await expect
      .poll(() => article.evaluate(() => navigator.clipboard.readText()))
      .toMatch(new RegExp(`^“${PASSAGES.report}”`));
    await article.close();
  });

  it('highlights on a page whose DOM is clobbered (named form controls shadowing DOM properties)', async () => {
    const article = await context.newPage();
    await article.goto(server.url(CLOBBERING_PATH));
    await expect.poll(() => annotatorRuns(article), { timeout: 15_000 }).toBe(true);
    await selectWithMouse(article, PASSAGES.ferry);
    await article.keyboard.press('h');
    await expect
      .poll(() => drawnHighlightsIn(article), { timeout: 30_000 })
      .toEqual({ yellow: [PASSAGES.ferry] });
    expect(await storedFor(server.url(CLOBBERING_PATH))).toEqual([{ passage: PASSAGES.ferry, note: '' }]);
    await article.close();
  });

  it('keeps its toolbar and highlights on a page that removes every element it does not know', async () => {
    const article = await context.newPage();
    await article.goto(server.url(CLEANING_PATH));
    await expect.poll(() => annotatorRuns(article), { timeout: 15_000 }).toBe(true);
    await selectWithMouse(article, PASSAGES.ferry);
    await article.keyboard.press('h');
    await expect.poll(() => drawnHighlightsIn(article)).toEqual({ yellow: [PASSAGES.ferry] });
    expect(await storedFor(server.url(CLEANING_PATH))).toEqual([{ passage: PASSAGES.ferry, note: '' }]);
    // The page still shows all its own text.
    expect(await article.evaluate(() => document.body.innerText)).toContain(PASSAGES.lead);
    await article.close();
  });
});
