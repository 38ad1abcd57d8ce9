/**
 * The background: opens the panel from the toolbar button and the shortcut, keeps the reader's
 * annotations (the only writer of the database), tells every page and panel when they change, offers
 * Highlight / Add note / Copy with citation on a selection (context menu and shortcuts), and brings
 * highlights back by itself on pages of sites the reader granted.
 */
import { EXTRACT_SCRIPT, type AnalyzeTabRequest, type ExtractRequest } from '@/lib/messages';
import { pageSupport } from '@/lib/page-support';
import {
  IMPORT_PORT,
  isImportSender,
  parseImportPortMessage,
  readAnnotationMessage,
  type AnnotationsChanged,
  type ImportResponse,
  type CitedWorkResponse,
  type ClipCreated,
  type SaveArticleRequest,
  type SelectionAction,
  type SelectionActionRequest,
  type StoreResponse,
} from '@/lib/annotations/messages';
import { answerStoreRequest, isStoreRequest } from '@/lib/annotations/service';
import { answerClipRequest } from '@/lib/library/clip-service';
import type { CitedWork } from '@/lib/annotations/citation';
import { citedWorkOf } from '@/lib/annotations/cited-work';
import { captureTab } from './page-reading/capture-tab';
import { announceLibraryChange } from '@/lib/library/sync';
import { MAX_BACKUP_CHARACTERS } from '@/lib/export/backup';
import { importText, toStoreError } from '@/lib/store';
import { openLibraryWriter } from './library/first-screen-copy';
import {
  PENDING_CLIP_KEY,
  PENDING_NOTE_KEY,
  PENDING_SAVE_KEY,
  type PendingClip,
  type PendingNote,
  type PendingSave,
} from './sidepanel/pending-note';
import { injectAnnotator, siteGranted } from './annotator/inject';
import { staleFrameTokenKeys } from '@/lib/annotator/frame-protocol';

const MENU_ITEMS: { id: SelectionAction; title: string }[] = [
  { id: 'highlight', title: 'Highlight' },
  { id: 'note', title: 'Add note' },
  { id: 'clip', title: 'Clip' },
  { id: 'copy-citation', title: 'Copy with citation' },
];

const COMMAND_ACTIONS: Record<string, SelectionAction> = {
  'highlight-selection': 'highlight',
  'note-selection': 'note',
  'copy-citation': 'copy-citation',
  'clip-selection': 'clip',
};

const SAVE_ARTICLE_MENU = 'save-article';
const OPEN_LIBRARY_MENU = 'open-library';
const LIBRARY_PAGE = '/library.html';
/**
 * Keys per AnnotationsChanged message (its parser's limit), and page keys announced after an import at
 * most (about a thousand pages): beyond that, tabs still open on an imported page redraw when reloaded.
 */
const KEYS_PER_MESSAGE = 20;
const MAX_ANNOUNCED_KEYS = 2_000;

type Tab = { id?: number; windowId?: number; url?: string };

/**
 * Start reading the page the reader asked about while the panel opens (a quarter of a second before
 * it can ask): the gesture has granted the tab, and the panel's request then finds the read under way
 * or done (entrypoints/extract.ts). A page Scrutiny cannot read is left to the panel to explain.
 */
function readPageEarly(tab: Tab): void {
  const tabId = tab.id;
  if (tabId === undefined || !pageSupport(tab.url).supported) return;
  const early: ExtractRequest = { type: 'scrutiny/extract', early: true };
  browser.scripting
    .executeScript({ target: { tabId }, files: [EXTRACT_SCRIPT] })
    .then(() => browser.tabs.sendMessage(tabId, early))
    .catch(() => undefined);
}

/** Firefox's sidebarAction is missing from WXT's Chrome-shaped types. */
function openPanel(windowId: number): Promise<void> {
  if (import.meta.env.FIREFOX)
    return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  return browser.sidePanel.open({ windowId });
}

export default defineBackground(() => {
  const store = openLibraryWriter();
  // Notes are the one thing a reader cannot get back: ask the browser never to evict them under pressure
  // (unlimitedStorage already says so in Chrome; this covers browsers that honour only this).
  void navigator.storage?.persist?.().catch(() => undefined);

  const openPanelAndAnalyze = (tab: Tab | undefined) => {
    if (!tab || tab.id === undefined || tab.windowId === undefined) return;
    // Opening must happen synchronously inside the click, or the browser refuses it.
    void openPanel(tab.windowId).catch(() => undefined);
    readPageEarly(tab);
    const request: AnalyzeTabRequest = {
      type: 'scrutiny/analyze-tab',
      tabId: tab.id,
      windowId: tab.windowId,
    };
    // No panel open yet is fine: a panel that opens analyzes the active tab by itself.
    browser.runtime.sendMessage(request).catch(() => undefined);
  };

  /** The menu or a shortcut grants the tab; the annotator acts on the reader's selection there. */
  const actOnSelection = async (tab: Tab | undefined, action: SelectionAction) => {
    if (tab?.id === undefined || !(await injectAnnotator(tab.id))) return;
    const request: SelectionActionRequest = { type: 'scrutiny/selection-action', action };
    await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
  };

  /** Every panel, and every page whose annotator knows these keys, loads the page's annotations again. */
  const announce = async (pageKeys: string[]) => {
    if (!pageKeys.length) return;
    const message: AnnotationsChanged = { type: 'scrutiny/annotations-changed', pageKeys };
    browser.runtime.sendMessage(message).catch(() => undefined);
    announceLibraryChange({ tables: ['annotations'], ids: [], pageKeys });
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    }
  };

  /**
   * "Save article" from the menu or a shortcut: the panel holds the extraction and the analysis, so it
   * opens (the gesture allows it) and saves; a panel opening now finds the request in session storage.
   */
  const saveArticle = (tab: Tab | undefined) => {
    if (!tab || tab.id === undefined || tab.windowId === undefined) return;
    void openPanel(tab.windowId).catch(() => undefined);
    const pending: PendingSave = { tabId: tab.id, at: Date.now() };
    void browser.storage.session.set({ [PENDING_SAVE_KEY]: pending }).catch(() => undefined);
    const request: SaveArticleRequest = { type: 'scrutiny/save-article-request', tabId: tab.id };
    browser.runtime.sendMessage(request).catch(() => undefined);
  };

  const openLibrary = () => void browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PAGE) });

  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => openPanelAndAnalyze(tab));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'analyze-page') openPanelAndAnalyze(tab);
    else if (command === 'save-article') saveArticle(tab);
    else if (command === 'open-library') openLibrary();
    else if (COMMAND_ACTIONS[command]) void actOnSelection(tab, COMMAND_ACTIONS[command]);
  });

  /** Note-frame registrations whose frame never loaded (lib/annotator/frame-protocol.ts) do not pile up. */
  const dropStaleFrameTokens = () =>
    void browser.storage.local
      .get(null)
      .then((stored) => browser.storage.local.remove(staleFrameTokenKeys(stored, Date.now())))
      .catch(() => undefined);
  browser.runtime.onStartup.addListener(dropStaleFrameTokens);

  browser.runtime.onInstalled.addListener(() => {
    dropStaleFrameTokens();
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: 'scrutiny', title: 'Scrutiny', contexts: ['selection'] });
      for (const item of MENU_ITEMS)
        browser.contextMenus.create({
          id: item.id,
          parentId: 'scrutiny',
          title: item.title,
          contexts: ['selection'],
        });
      browser.contextMenus.create({
        id: SAVE_ARTICLE_MENU,
        title: 'Save article to Scrutiny',
        contexts: ['page'],
      });
      // The toolbar button's own menu (right-click on it).
      browser.contextMenus.create({
        id: OPEN_LIBRARY_MENU,
        title: 'Open library',
        contexts: [import.meta.env.FIREFOX ? 'browser_action' : 'action'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_ARTICLE_MENU) return saveArticle(tab);
    if (info.menuItemId === OPEN_LIBRARY_MENU) return openLibrary();
    const item = MENU_ITEMS.find((candidate) => candidate.id === info.menuItemId);
    if (item) void actOnSelection(tab, item.id);
  });

  // Highlights come back by themselves only on sites the reader granted; elsewhere, when the panel opens.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url) return;
    void siteGranted(tab.url).then((granted) => {
      if (granted) void injectAnnotator(tabId);
    });
  });

  /**
   * An import from the library page (lib/annotations/messages IMPORT_PORT): the file's text arrives in
   * pieces, then the mode; the store reads, plans and writes it in one transaction, and every open page
   * and window hears of the change.
   */
  const receiveImport = (port: Browser.runtime.Port) => {
    const pieces: string[] = [];
    let length = 0;
    let finished = false;
    const finish = (response: ImportResponse) => {
      finished = true;
      try {
        port.postMessage(response);
      } catch {
        // The library page was closed meanwhile; the import stands (or did not happen) all the same.
      }
    };
    port.onMessage.addListener((raw: unknown) => {
      if (finished) return;
      const message = parseImportPortMessage(raw);
      if (!message)
        return finish({ ok: false, error: 'Scrutiny could not read this import. Nothing was changed.' });
      if (message.type === 'scrutiny/import-piece') {
        length += message.text.length;
        if (length > MAX_BACKUP_CHARACTERS)
          return finish({ ok: false, error: 'The file is too large to import. Nothing was changed.' });
        pieces.push(message.text);
        return;
      }
      const text = pieces.join('');
      pieces.length = 0;
      void importText(store, text, message.mode).then(
        async (result) => {
          if (!result.ok) return finish({ ok: false, error: result.problem });
          finish({ ok: true, changesNothing: result.plan.changesNothing });
          if (result.plan.changesNothing) return;
          announceLibraryChange({
            tables: ['articles', 'clippings', 'collections', 'annotations'],
            ids: [],
            pageKeys: [],
          });
          const keys = result.outcome.pageKeys.slice(0, MAX_ANNOUNCED_KEYS);
          for (let at = 0; at < keys.length; at += KEYS_PER_MESSAGE)
            await announce(keys.slice(at, at + KEYS_PER_MESSAGE));
        },
        (error: unknown) => finish({ ok: false, error: toStoreError(error, 'save').message }),
      );
    });
  };
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== IMPORT_PORT) return;
    if (!isImportSender(port.sender ?? {}, browser.runtime.id, browser.runtime.getURL(LIBRARY_PAGE))) {
      port.disconnect();
      return;
    }
    receiveImport(port);
  });

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const message = readAnnotationMessage(raw, sender, browser.runtime.id);
    if (!message) return undefined;
    if (message.type === 'scrutiny/open-note' && sender.tab?.windowId !== undefined) {
      // An open panel has the message already. A closed one opens (the browser counts the reader's click
      // in the page as the gesture) and finds the note to show in session storage.
      const pending: PendingNote = { tabId: sender.tab.id ?? -1, id: message.id, at: Date.now() };
      void openPanel(sender.tab.windowId).catch(() => undefined);
      void browser.storage.session.set({ [PENDING_NOTE_KEY]: pending }).catch(() => undefined);
      return undefined;
    }
    if (message.type === 'scrutiny/cited-work') {
      void citedWorkFor(sender).then((work) => sendResponse({ ok: true, work } satisfies CitedWorkResponse));
      return true;
    }
    if (message.type === 'scrutiny/clip-create') {
      // Clips come only from annotators in pages: the page is the one the browser reports for the frame.
      const frameUrl = sender.tab ? (sender.url ?? null) : null;
      void citedWorkFor(sender)
        .then((work) => answerClipRequest(store, message, frameUrl, work))
        .then(({ response, clipping }) => {
          sendResponse(response);
          if (!clipping || sender.tab?.id === undefined || sender.tab.windowId === undefined) return;
          announceLibraryChange({ tables: ['clippings'], ids: [clipping.id], pageKeys: clipping.pageKeys });
          // The panel offers the collection, a note and tags; a closed one opens (the click is the gesture).
          const pending: PendingClip = { tabId: sender.tab.id, id: clipping.id, at: Date.now() };
          void browser.storage.session.set({ [PENDING_CLIP_KEY]: pending }).catch(() => undefined);
          const created: ClipCreated = {
            type: 'scrutiny/clip-created',
            id: clipping.id,
            tabId: sender.tab.id,
          };
          browser.runtime.sendMessage(created).catch(() => undefined);
        });
      if (sender.tab?.windowId !== undefined) void openPanel(sender.tab.windowId).catch(() => undefined);
      return true;
    }
    if (!isStoreRequest(message)) return undefined;
    // A page's annotator may only speak for the page it is in: its address comes from the browser.
    // The extension's own pages (the panel, also when opened as a tab) speak for any page.
    const ownPage = sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
    const frameUrl = ownPage ? undefined : (sender.url ?? null);
    void answerStoreRequest(store, message, frameUrl).then(({ response, changedKeys }) => {
      sendResponse(response satisfies StoreResponse);
      void announce(changedKeys);
    });
    return true;
  });
});

/**
 * The page an annotator is in, as the panel's byline names it: read by the extraction script as the
 * panel reads it, for Copy with citation and clippings. Only a tab's top frame is read (the annotator
 * runs there); a page that cannot be read is cited by the tab's title alone.
 */
async function citedWorkFor(sender: {
  tab?: { id?: number; title?: string };
  frameId?: number;
}): Promise<CitedWork> {
  const tabId = sender.tab?.id;
  const captured = tabId !== undefined && sender.frameId === 0 ? await captureTab(tabId) : null;
  return citedWorkOf(captured?.kind === 'captured' ? captured.capture : null, sender.tab?.title ?? '');
}
