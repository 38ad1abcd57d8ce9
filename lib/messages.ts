/**
 * The one message protocol between the content script, the background and the panel.
 * Every listener passes what it receives through `readMessage`, which checks both the sender (this
 * extension, never a web page or another extension) and the shape, and drops anything else.
 */
import type { TextQuoteSelector } from './analyze/types';
import type { PageCapture } from './extract/capture';

/**
 * Panel → content script: extract the page you are in. Background → content script, with `early`:
 * start reading it now (the reader just clicked the toolbar button or pressed the shortcut), so the
 * panel that is still opening finds the read under way or done; no answer is sent.
 */
export interface ExtractRequest {
  type: 'scrutiny/extract';
  early?: true;
}

/** The extraction script, injected on demand by the panel, and by the background on the reader's gesture. */
export const EXTRACT_SCRIPT = '/extract.js';

/**
 * What the extraction script's injection evaluates to once it listens. Browsers may report an injection
 * into a page they protect (Firefox on about: pages) as done while the script never ran; the panel
 * tells the two apart by this value.
 */
export const EXTRACT_SCRIPT_READY = 'scrutiny/extract-ready';

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

/** Panel → show-passage script: scroll the page to this passage and light it up. */
export interface ShowPassageRequest {
  type: 'scrutiny/show-passage';
  selector: TextQuoteSelector;
}

/**
 * What the show-passage script's injection evaluates to once it listens (as EXTRACT_SCRIPT_READY):
 * STARTED the first time in a page (the panel then adds the highlight style), READY after that.
 */
export const SHOW_PASSAGE_SCRIPT_STARTED = 'scrutiny/show-passage-started';
export const SHOW_PASSAGE_SCRIPT_READY = 'scrutiny/show-passage-ready';

/** The show-passage script's answer: whether the passage was found in the page. */
export interface ShowPassageResponse {
  found: boolean;
}

/** Longest passage and context a show-passage request may carry (characters). */
export const MAX_PASSAGE_LENGTH = 10_000;
export const MAX_PASSAGE_CONTEXT = 1_000;

export type Message = ExtractRequest | AnalyzeTabRequest | PanelPing | ShowPassageRequest;

/** The content script's answer: the raw capture (article HTML not yet sanitized), or what went wrong. */
export type ExtractResponse = { ok: true; capture: PageCapture } | { ok: false; error: string };

/** What a listener knows of who sent a message (the subset of runtime.MessageSender it checks). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Exactly these keys, no more (a message with extra fields is not one of ours). */
export const hasKeys = (value: Record<string, unknown>, keys: string[]) =>
  Object.keys(value).length === keys.length && keys.every((key) => Object.hasOwn(value, key));

/** Whether a message comes from this extension itself (`ownId` is `runtime.id`), not a page or another extension. */
export function fromThisExtension(sender: SenderInfo, ownId: string): boolean {
  return Boolean(ownId) && sender.id === ownId;
}

/** A TextQuoteSelector with a passage that is not empty and not huge; a fresh copy, or null. */
function parseSelector(value: unknown): TextQuoteSelector | null {
  if (!isObject(value) || !hasKeys(value, ['exact', 'prefix', 'suffix'])) return null;
  const { exact, prefix, suffix } = value;
  if (typeof exact !== 'string' || typeof prefix !== 'string' || typeof suffix !== 'string') return null;
  if (!exact.trim() || exact.length > MAX_PASSAGE_LENGTH) return null;
  if (prefix.length > MAX_PASSAGE_CONTEXT || suffix.length > MAX_PASSAGE_CONTEXT) return null;
  return { exact, prefix, suffix };
}

/** The message, typed, when it has one of the protocol's shapes; otherwise null. */
export function parseMessage(value: unknown): Message | null {
  if (!isObject(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'scrutiny/extract':
      if (Object.keys(value).length === 1) return { type: value.type };
      return hasKeys(value, ['type', 'early']) && value.early === true
        ? { type: value.type, early: true }
        : null;
    case 'scrutiny/panel-ping':
      return Object.keys(value).length === 1 ? { type: value.type } : null;
    case 'scrutiny/analyze-tab':
      return Object.keys(value).length === 3 && isId(value.tabId) && isId(value.windowId)
        ? { type: value.type, tabId: value.tabId, windowId: value.windowId }
        : null;
    case 'scrutiny/show-passage': {
      const selector = hasKeys(value, ['type', 'selector']) ? parseSelector(value.selector) : null;
      return selector ? { type: value.type, selector } : null;
    }
    default:
      return null;
  }
}

/** The show-passage script's answer, or null when it has another shape. */
export function parseShowPassageResponse(value: unknown): ShowPassageResponse | null {
  if (!isObject(value) || !hasKeys(value, ['found']) || typeof value.found !== 'boolean') return null;
  return { found: value.found };
}

/**
 * The message when it comes from this extension itself (`ownId` is `runtime.id`) and is well formed;
 * null for messages from web pages, other extensions, or of any other shape.
 */
export function readMessage(value: unknown, sender: SenderInfo, ownId: string): Message | null {
  if (!fromThisExtension(sender, ownId)) return null;
  return parseMessage(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown) => value === null || isString(value);
const isListOf = (value: unknown, check: (item: unknown) => boolean) =>
  Array.isArray(value) && value.every(check);

/** A byline clue or an author: the fields the panel reads are strings. */
const isNamedClue = (value: unknown) =>
  isObject(value) &&
  isString(value.source) &&
  (isString(value.name) || (isString(value.text) && isString(value.via)));

function isEvidence(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isObject(value)) return false;
  const lists = ['authors', 'outlets', 'published', 'modified', 'meta', 'dateTexts'];
  return lists.every((key) => value[key] === undefined || isListOf(value[key], isNamedClue));
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A PageCut (numbers only: the panel words the sentence itself), or nothing. */
function isPageCutOrNone(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return (
    isObject(value) &&
    hasKeys(value, ['readChars', 'pageBytes']) &&
    isCount(value.readChars) &&
    (value.pageBytes === null || isCount(value.pageBytes))
  );
}

/**
 * The response to an extract request, checked field by field for everything the panel reads;
 * null when anything has another shape. The content script runs in a page the reader does not control.
 */
export function parseExtractResponse(value: unknown): ExtractResponse | null {
  if (!isObject(value) || typeof value.ok !== 'boolean') return null;
  if (value.ok === false) return typeof value.error === 'string' ? { ok: false, error: value.error } : null;
  const capture = value.capture;
  if (!isObject(capture) || !isObject(capture.page)) return null;
  const page = capture.page;
  const byline = page.byline;
  const article = page.article;
  const timings = page.timings;
  const valid =
    isString(page.title) &&
    isString(page.url) &&
    isStringOrNull(page.lang ?? null) &&
    isObject(byline) &&
    isListOf(byline.authors, isNamedClue) &&
    (byline.outlet === null || byline.outlet === undefined || isNamedClue(byline.outlet)) &&
    isStringOrNull(byline.published ?? null) &&
    isStringOrNull(byline.modified ?? null) &&
    isEvidence(byline.evidence) &&
    isObject(article) &&
    isString(article.text) &&
    isString(article.excerpt) &&
    isListOf(page.warnings, isString) &&
    isObject(timings) &&
    typeof timings.total === 'number' &&
    typeof timings.readability === 'number' &&
    typeof capture.readerable === 'boolean' &&
    typeof capture.declaresArticle === 'boolean' &&
    isStringOrNull(capture.unsafeHtml) &&
    isStringOrNull(capture.readabilityByline ?? null) &&
    isStringOrNull(capture.readabilityPublished ?? null) &&
    isString(capture.bylineText) &&
    isPageCutOrNone(capture.cut);
  return valid ? { ok: true, capture: capture as unknown as PageCapture } : null;
}
