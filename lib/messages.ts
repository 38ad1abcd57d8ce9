/**
 * The one message protocol between the content script, the background and the panel.
 * Every listener passes what it receives through `readMessage`, which checks both the sender (this
 * extension, never a web page or another extension) and the shape, and drops anything else.
 */
import type { PageCapture } from './extract/capture';

/** Panel → content script: extract the page you are in. */
export interface ExtractRequest {
  type: 'scrutiny/extract';
}

/** Background → panel: the reader asked (toolbar button, shortcut) to analyze this tab. */
export interface AnalyzeTabRequest {
  type: 'scrutiny/analyze-tab';
  tabId: number;
  windowId: number;
}

/** Background or test → panel: which tab is shown; used by the panel to answer "are you ready". */
export interface PanelPing {
  type: 'scrutiny/panel-ping';
}

export type Message = ExtractRequest | AnalyzeTabRequest | PanelPing;

/** The content script's answer: the raw capture (article HTML not yet sanitized), or what went wrong. */
export type ExtractResponse = { ok: true; capture: PageCapture } | { ok: false; error: string };

/** What a listener knows of who sent a message (the subset of runtime.MessageSender it checks). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The message, typed, when it has one of the protocol's shapes; otherwise null. */
export function parseMessage(value: unknown): Message | null {
  if (!isObject(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'scrutiny/extract':
      return Object.keys(value).length === 1 ? { type: value.type } : null;
    case 'scrutiny/panel-ping':
      return Object.keys(value).length === 1 ? { type: value.type } : null;
    case 'scrutiny/analyze-tab':
      return isId(value.tabId) && isId(value.windowId)
        ? { type: value.type, tabId: value.tabId, windowId: value.windowId }
        : null;
    default:
      return null;
  }
}

/**
 * The message when it comes from this extension itself (`ownId` is `runtime.id`) and is well formed;
 * null for messages from web pages, other extensions, or of any other shape.
 */
export function readMessage(value: unknown, sender: SenderInfo, ownId: string): Message | null {
  if (!ownId || sender.id !== ownId) return null;
  return parseMessage(value);
}

/** The response to an extract request, checked; null when it has no known shape. */
export function parseExtractResponse(value: unknown): ExtractResponse | null {
  if (!isObject(value) || typeof value.ok !== 'boolean') return null;
  if (value.ok === false) return typeof value.error === 'string' ? { ok: false, error: value.error } : null;
  const capture = value.capture;
  if (!isObject(capture) || !isObject(capture.page)) return null;
  const page = capture.page;
  const byline = page.byline;
  if (
    typeof page.title !== 'string' ||
    typeof page.url !== 'string' ||
    !isObject(byline) ||
    !Array.isArray(byline.authors) ||
    !isObject(page.article) ||
    !Array.isArray(page.warnings) ||
    (capture.unsafeHtml !== null && typeof capture.unsafeHtml !== 'string')
  ) {
    return null;
  }
  return { ok: true, capture: capture as unknown as PageCapture };
}
