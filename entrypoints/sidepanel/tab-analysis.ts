/**
 * Wiring between the panel and the browser: which tab to follow, injecting the extraction script,
 * asking it for the page, and turning every outcome into a PanelView.
 */
import type { TextQuoteSelector } from '@/lib/analyze';
import { PASSAGE_HIGHLIGHT_CSS } from '@/lib/anchor/flash';
import { buildAnalyzedPage } from '@/lib/extract/build';
import { CAPTURE_FAILED } from '@/lib/extract/errors';
import {
  SHOW_PASSAGE_SCRIPT_READY,
  SHOW_PASSAGE_SCRIPT_STARTED,
  parseShowPassageResponse,
  readMessage,
  type ShowPassageRequest,
} from '@/lib/messages';
import { pageSupport } from '@/lib/page-support';
import { resultView, type PanelView } from '@/lib/panel-state';
import { captureTab, withDeadline, type CaptureStep } from '../page-reading/capture-tab';

export const SHOW_PASSAGE_SCRIPT = '/show-passage.js';
export const ALL_SITES = { origins: ['<all_urls>'] };

/** Which window (and, when opened as a tab for a given page, which tab) this panel belongs to. */
export interface PanelTarget {
  windowId: number;
  /** Set when the panel page was opened for one tab (`?tabId=`): it then does not follow others. */
  pinnedTabId: number | null;
}

/** The target a panel page opened as a tab names in its address (`?tabId=`, `?windowId=`); null when docked. */
async function targetFromAddress(): Promise<PanelTarget | null> {
  const params = new URLSearchParams(location.search);
  const pinned = Number(params.get('tabId'));
  if (Number.isInteger(pinned) && pinned > 0) {
    const tab = await browser.tabs.get(pinned);
    return { windowId: tab.windowId ?? -1, pinnedTabId: pinned };
  }
  const windowParam = Number(params.get('windowId'));
  if (Number.isInteger(windowParam) && windowParam > 0) return { windowId: windowParam, pinnedTabId: null };
  return null;
}

export async function activeTabId(target: PanelTarget): Promise<number | null> {
  if (target.pinnedTabId !== null) return target.pinnedTabId;
  const [tab] = await browser.tabs.query({ active: true, windowId: target.windowId });
  return tab?.id ?? null;
}

/** What the panel needs before its first analysis: its target, the tab to show, the reader's choices. */
export interface PanelStart {
  target: PanelTarget;
  tabId: number | null;
  forcedTabs: Set<number>;
}

/**
 * Asked for as the panel's script starts, before anything renders: the reader is waiting. A docked
 * panel asks for its window and that window's active tab at once rather than one after the other.
 */
export async function startPanel(): Promise<PanelStart> {
  const forced = loadForcedTabs();
  const named = await targetFromAddress();
  if (named) return { target: named, tabId: await activeTabId(named), forcedTabs: await forced };
  // A side panel or sidebar belongs to the window it is docked in.
  const [current, [tab]] = await Promise.all([
    browser.windows.getCurrent(),
    browser.tabs.query({ active: true, currentWindow: true }),
  ]);
  const target = { windowId: current.id ?? -1, pinnedTabId: null };
  return { target, tabId: tab?.id ?? null, forcedTabs: await forced };
}

/** The steps of analyzeTab that the panel marks for the bench (see ./timing.ts). */
export type AnalyzeStep = CaptureStep | 'built';

/**
 * Ask the extraction script in a tab for the page (injected first where it is not there yet) and build
 * the analysis.
 */
export async function analyzeTab(
  tabId: number,
  onStep: (step: AnalyzeStep) => void = () => undefined,
): Promise<PanelView> {
  let url: string | undefined;
  try {
    // Without a permission for the tab the browser hides its address; that is fine.
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { kind: 'error', tabId, message: 'This tab is gone.' };
  }
  const support = pageSupport(url);
  if (!support.supported) return { kind: 'restricted', tabId, reason: support.reason };
  const captured = await captureTab(tabId, onStep);
  if (captured.kind === 'failed') return captured.view;
  try {
    const page = buildAnalyzedPage(captured.capture, window);
    onStep('built');
    return resultView(tabId, page);
  } catch (error) {
    // For the console; the reader gets a sentence, never an internal message.
    console.warn('Scrutiny: building the analysis failed:', error);
    return { kind: 'error', tabId, message: `Scrutiny could not analyze this page: ${CAPTURE_FAILED}` };
  }
}

/**
 * Run `work` once the browser has painted what is on screen now, so the byline card shows before a
 * long analysis starts. A hidden panel gets no animation frames, hence the timer as well.
 */
export function afterNextPaint(work: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(work, 0);
  };
  requestAnimationFrame(start);
  setTimeout(start, 100);
}

/** How long the page may take to answer a click on a quote. */
const PASSAGE_TIMEOUT_MS = 10_000;

/** What became of "show this passage in the page". */
export type PassageOutcome = 'shown' | 'not-found' | 'unreachable';

/**
 * Inject the show-passage script (the tab was granted to Scrutiny when it was analyzed), add the
 * highlight style the first time, and ask the page to scroll to the passage and light it up.
 */
export async function showPassageInTab(tabId: number, selector: TextQuoteSelector): Promise<PassageOutcome> {
  try {
    const injections = await withDeadline(
      browser.scripting.executeScript({ target: { tabId }, files: [SHOW_PASSAGE_SCRIPT] }),
      PASSAGE_TIMEOUT_MS,
    );
    const results = injections.map((injection) => injection?.result);
    if (results.includes(SHOW_PASSAGE_SCRIPT_STARTED)) {
      // The first click on this page: add the highlight's style as the extension's own style sheet, which
      // the page's content security policy cannot block (a <style> element in the page could be).
      await browser.scripting.insertCSS({ target: { tabId }, css: PASSAGE_HIGHLIGHT_CSS });
    } else if (!results.includes(SHOW_PASSAGE_SCRIPT_READY)) {
      return 'unreachable';
    }
    const request: ShowPassageRequest = { type: 'scrutiny/show-passage', selector };
    const response = parseShowPassageResponse(
      await withDeadline(browser.tabs.sendMessage(tabId, request), PASSAGE_TIMEOUT_MS),
    );
    if (!response) return 'unreachable';
    return response.found ? 'shown' : 'not-found';
  } catch (error) {
    console.warn('Scrutiny: could not show the passage in the page:', error);
    return 'unreachable';
  }
}

export interface TabEvents {
  /** The reader switched to another tab in the window. */
  onTabActivated(tabId: number): void;
  /** A tab started loading another page (or the same page again): what was known of it is stale. */
  onTabNavigating(tabId: number): void;
  /** The shown tab finished loading a page. */
  onTabLoaded(tabId: number): void;
  /** Another tab of the window finished loading a page (never for a panel pinned to one tab). */
  onBackgroundTabLoaded(tabId: number): void;
  /** The reader clicked the toolbar button or pressed the shortcut for this tab. */
  onAnalyzeRequested(tabId: number): void;
}

/** Follow the target window's active tab and its navigations. Returns a function that stops following. */
export function followTabs(
  target: PanelTarget,
  currentTabId: () => number | null,
  events: TabEvents,
): () => void {
  const activated = (info: { tabId: number; windowId: number }) => {
    if (target.pinnedTabId === null && info.windowId === target.windowId) events.onTabActivated(info.tabId);
  };
  const updated = (tabId: number, change: { status?: string; url?: string }, tab?: { windowId?: number }) => {
    if (change.status === 'loading') events.onTabNavigating(tabId);
    if (change.status !== 'complete') return;
    if (tabId === currentTabId()) events.onTabLoaded(tabId);
    else if (target.pinnedTabId === null && tab?.windowId === target.windowId)
      events.onBackgroundTabLoaded(tabId);
  };
  const removed = (tabId: number) => events.onTabNavigating(tabId);
  const message = (raw: unknown, sender: { id?: string }) => {
    const parsed = readMessage(raw, sender, browser.runtime.id);
    if (parsed?.type !== 'scrutiny/analyze-tab' || parsed.windowId !== target.windowId) return undefined;
    if (target.pinnedTabId === null || target.pinnedTabId === parsed.tabId)
      events.onAnalyzeRequested(parsed.tabId);
    return undefined;
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  browser.tabs.onRemoved.addListener(removed);
  browser.runtime.onMessage.addListener(message);
  return () => {
    browser.tabs.onRemoved.removeListener(removed);
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
    browser.runtime.onMessage.removeListener(message);
  };
}

export async function hasAllSitesPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains(ALL_SITES);
  } catch {
    return false;
  }
}

/**
 * Tabs where the reader chose "Analyze anyway", kept in session storage so the choice holds when
 * the panel is closed and opened again, until the tab loads another page or the browser closes.
 */
const FORCED_TABS_KEY = 'forcedTabs';

export async function loadForcedTabs(): Promise<Set<number>> {
  try {
    const stored = (await browser.storage.session.get(FORCED_TABS_KEY))[FORCED_TABS_KEY];
    return new Set(Array.isArray(stored) ? stored.filter((id): id is number => Number.isInteger(id)) : []);
  } catch {
    return new Set();
  }
}

export async function saveForcedTabs(tabIds: Set<number>): Promise<void> {
  try {
    await browser.storage.session.set({ [FORCED_TABS_KEY]: [...tabIds] });
  } catch {
    // Losing this choice costs the reader one click; it is not worth an error notice.
  }
}
