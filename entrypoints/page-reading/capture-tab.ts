/**
 * Reading a tab's page with the extraction script: asked first, injected only where nothing answers.
 * The panel builds its analysis on the capture; the background builds Copy with citation's byline on it,
 * so both name the page the same way.
 */
import type { PageCapture } from '@/lib/extract/capture';
import { CAPTURE_FAILED } from '@/lib/extract/errors';
import {
  EXTRACT_SCRIPT,
  EXTRACT_SCRIPT_READY,
  parseExtractResponse,
  type ExtractRequest,
} from '@/lib/messages';
import {
  BROWSER_PAGE,
  PAGE_WAS_CHANGING,
  pageWasChanging,
  reasonFromInjectionError,
} from '@/lib/page-support';
import type { PanelView } from '@/lib/panel-state';

/**
 * How long the page may take to take the script and answer. A page busy in a loop of its own or
 * showing an alert() dialog never answers; the reader is told instead of watching "Reading…" forever.
 */
export const PAGE_ANSWER_TIMEOUT_MS = 30_000;

class PageTimeout extends Error {}

export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageTimeout()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const NOT_ANSWERING =
  'The page is not answering. It may be busy or showing a dialog of its own; deal with that and try again.';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The steps of captureTab that the panel marks for the bench (see ../sidepanel/timing.ts). */
export type CaptureStep = 'injected' | 'captured';

/** The page as the extraction script read it, or the panel's view of why it could not be read. */
export type TabCapture = { kind: 'captured'; capture: PageCapture } | { kind: 'failed'; view: PanelView };

/**
 * Ask the extraction script in a tab for the page, injecting it first where it is not there yet. The
 * script stays in a page once injected (the toolbar button's early read, an earlier analysis of this
 * page): injecting again would have the browser compile and run the whole script once more, only to
 * find it already listening.
 */
export async function captureTab(
  tabId: number,
  onStep: (step: CaptureStep) => void = () => undefined,
): Promise<TabCapture> {
  const failed = (view: PanelView): TabCapture => ({ kind: 'failed', view });
  const request: ExtractRequest = { type: 'scrutiny/extract' };
  let raw: unknown;
  try {
    raw = await withDeadline(browser.tabs.sendMessage(tabId, request), PAGE_ANSWER_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof PageTimeout) return failed({ kind: 'error', tabId, message: NOT_ANSWERING });
    // Nothing listening in this page yet.
  }
  let response = parseExtractResponse(raw);
  if (response === null) {
    const injected = await injectExtractScript(tabId);
    if (injected) return failed(injected);
    onStep('injected');
    try {
      raw = await withDeadline(browser.tabs.sendMessage(tabId, request), PAGE_ANSWER_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof PageTimeout) return failed({ kind: 'error', tabId, message: NOT_ANSWERING });
      return failed({ kind: 'error', tabId, message: 'The page did not answer. Reload it and try again.' });
    }
    response = parseExtractResponse(raw);
  }
  onStep('captured');
  if (!response)
    return failed({
      kind: 'error',
      tabId,
      message: 'The page sent back something Scrutiny does not understand.',
    });
  if (!response.ok)
    // The page's own words never reach the reader: a fixed sentence, whatever the page sent.
    return failed({ kind: 'error', tabId, message: `Scrutiny could not read this page: ${CAPTURE_FAILED}` });
  return { kind: 'captured', capture: response.capture };
}

/** Inject the extraction script; null once it listens, or the view that says why it cannot. */
async function injectExtractScript(tabId: number): Promise<PanelView | null> {
  try {
    const injections = await withDeadline(
      browser.scripting.executeScript({ target: { tabId }, files: [EXTRACT_SCRIPT] }),
      PAGE_ANSWER_TIMEOUT_MS,
    );
    // "Done" without the script's answer: the browser protects this page (Firefox, about: pages).
    if (!injections.some((injection) => injection?.result === EXTRACT_SCRIPT_READY))
      return { kind: 'restricted', tabId, reason: BROWSER_PAGE };
    return null;
  } catch (error) {
    if (error instanceof PageTimeout) return { kind: 'error', tabId, message: NOT_ANSWERING };
    const message = errorText(error);
    if (pageWasChanging(message)) return { kind: 'error', tabId, message: PAGE_WAS_CHANGING };
    const reason = reasonFromInjectionError(message);
    return reason ? { kind: 'restricted', tabId, reason } : { kind: 'needs-permission', tabId };
  }
}
