/**
 * The annotation half of the message protocol (lib/messages.ts holds the analysis half; they are apart so
 * the small extraction script does not carry these parsers). Who talks:
 * - the annotator (in the page) and the panel ask the background, which alone writes the database;
 * - the background tells every annotator and panel when a page's annotations change;
 * - the annotator tells the panel where the highlights are now, and which one the reader clicked;
 * - the panel asks the annotator to scroll to a highlight; the background passes on menu and shortcut actions.
 * Every listener passes what it receives through `readAnnotationMessage`: sender and shape are checked.
 */
import { fromThisExtension, hasKeys, isObject, type SenderInfo } from '../messages';
import type { CitedWork } from './citation';
import type { ImportMode } from '../export/import-plan';
import type { AnnotationChanges } from '../store/annotations';
import {
  HIGHLIGHT_COLOURS,
  type AnnotatedPage,
  type Annotation,
  type HighlightColour,
  type PassageSelectors,
  type Selector,
} from './types';

/** Annotator or panel → background: everything stored for this page. */
export interface ListAnnotationsRequest {
  type: 'scrutiny/annotations-list';
  page: AnnotatedPage;
}

/** Annotator → background: keep a new highlight (with a note, when the reader wrote one). */
export interface CreateHighlightRequest {
  type: 'scrutiny/highlight-create';
  page: AnnotatedPage;
  selectors: PassageSelectors;
  colour: HighlightColour;
  note: string;
}

export interface UpdateAnnotationRequest {
  type: 'scrutiny/annotation-update';
  id: string;
  changes: AnnotationChanges;
}

export interface DeleteAnnotationRequest {
  type: 'scrutiny/annotation-delete';
  id: string;
}

/** Panel → background: undo a deletion (the record comes back with its id). */
export interface RestoreAnnotationRequest {
  type: 'scrutiny/annotation-restore';
  annotation: Annotation;
}

/** Panel → background: what the reader thinks of the whole article (one per page). */
export interface SavePageNoteRequest {
  type: 'scrutiny/page-note-save';
  page: AnnotatedPage;
  note: string;
  tags: string[];
}

/** Background → annotators and panels: the annotations of the page known by these keys changed. */
export interface AnnotationsChanged {
  type: 'scrutiny/annotations-changed';
  pageKeys: string[];
}

/** Where the annotator found the page's highlights, in reading order; the rest are orphaned. */
export interface AnchorReport {
  type: 'scrutiny/anchor-report';
  page: AnnotatedPage;
  /** Ids of highlights found in the page, in reading order. */
  anchored: string[];
  /** Ids of highlights whose passage is no longer in the page. */
  orphaned: string[];
}

/** Panel → annotator: send your AnchorReport as the answer. */
export interface AnchorReportRequest {
  type: 'scrutiny/anchor-report-request';
}

/** Annotator → panel (through the background when the panel is closed): the reader clicked this highlight. */
export interface OpenNoteRequest {
  type: 'scrutiny/open-note';
  id: string;
}

/** Panel → annotator: scroll to this highlight and flash it. The answer is a ShowAnnotationResponse. */
export interface ShowAnnotationRequest {
  type: 'scrutiny/show-annotation';
  id: string;
}

export interface ShowAnnotationResponse {
  found: boolean;
}

/** Annotator → background: put the selected passage into the collection the reader clipped to last. */
export interface ClipRequest {
  type: 'scrutiny/clip-create';
  page: AnnotatedPage;
  selectors: PassageSelectors;
}

/**
 * Annotator → background: describe this page for a citation. The background reads the page as the panel
 * does and answers with the byline the panel shows (lib/annotations/cited-work.ts).
 */
export interface CitedWorkRequest {
  type: 'scrutiny/cited-work';
}

/** The background's answer to a CitedWorkRequest. */
export type CitedWorkResponse = { ok: true; work: CitedWork } | { ok: false; error: string };

/** The background's answer to a ClipRequest: the new clipping's id, or why there is none. */
export type ClipResponse = { ok: true; id: string } | { ok: false; error: string };

/** Background → panel: the reader just clipped this (the panel offers collection, note and tags for it). */
export interface ClipCreated {
  type: 'scrutiny/clip-created';
  id: string;
  tabId: number;
}

/** Background → panel: the reader chose "Save article" from the menu or a shortcut in this tab. */
export interface SaveArticleRequest {
  type: 'scrutiny/save-article-request';
  tabId: number;
}

export const SELECTION_ACTIONS = ['highlight', 'note', 'copy-citation', 'clip'] as const;
export type SelectionAction = (typeof SELECTION_ACTIONS)[number];

/** Background → annotator: the reader chose this for the selection from the context menu or a shortcut. */
export interface SelectionActionRequest {
  type: 'scrutiny/selection-action';
  action: SelectionAction;
}

export type StoreRequest =
  | ListAnnotationsRequest
  | CreateHighlightRequest
  | UpdateAnnotationRequest
  | DeleteAnnotationRequest
  | RestoreAnnotationRequest
  | SavePageNoteRequest;

export type AnnotationMessage =
  | StoreRequest
  | AnnotationsChanged
  | AnchorReport
  | AnchorReportRequest
  | OpenNoteRequest
  | ShowAnnotationRequest
  | SelectionActionRequest
  | ClipRequest
  | CitedWorkRequest
  | ClipCreated
  | SaveArticleRequest;

/**
 * The background's answer to a StoreRequest: the page's annotations after the change (for a list, the
 * page's annotations; for a change, the annotations it touched), or a plain-words error for the reader.
 */
export type StoreResponse = { ok: true; annotations: Annotation[] } | { ok: false; error: string };

/**
 * What the annotator's injection evaluates to once it listens (as EXTRACT_SCRIPT_READY): STARTED the first
 * time in a page (the injector then adds the highlight style sheet), READY after that.
 */
export const ANNOTATOR_STARTED = 'scrutiny/annotator-started';
export const ANNOTATOR_READY = 'scrutiny/annotator-ready';

/**
 * Limits on what a message may carry: far above what the store accepts (lib/store/validate.ts), which
 * tells the reader in plain words what is too long; these only keep absurd messages out.
 */
const MAX_NOTE_LENGTH = 1_000_000;
const MAX_TAGS = 1_000;
const MAX_TAG_LENGTH = 1_000;
const MAX_URL_LENGTH = 16_000;
const MAX_TITLE_LENGTH = 10_000;
const MAX_EXACT_LENGTH = 100_000;
const MAX_CONTEXT_LENGTH = 10_000;
const MAX_XPATH_LENGTH = 10_000;
const MAX_ID_LENGTH = 100;
const MAX_KEYS = 20;

const isString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isColour = (value: unknown): value is HighlightColour =>
  typeof value === 'string' && (HIGHLIGHT_COLOURS as readonly string[]).includes(value);
const isAnnotationId = (value: unknown): value is string =>
  isString(value, MAX_ID_LENGTH) && /^[\w-]+$/.test(value);
const isTagList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= MAX_TAGS && value.every((tag) => isString(tag, MAX_TAG_LENGTH));
const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 100_000 && value.every(isAnnotationId);
const isKeyList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= MAX_KEYS && value.every((key) => isString(key, MAX_URL_LENGTH));
const isIsoTime = (value: unknown): value is string =>
  isString(value, 40) && !Number.isNaN(Date.parse(value));

export function parsePage(value: unknown): AnnotatedPage | null {
  if (!isObject(value) || !hasKeys(value, ['url', 'canonicalUrl', 'title'])) return null;
  const { url, canonicalUrl, title } = value;
  if (!isString(url, MAX_URL_LENGTH) || !url) return null;
  if (canonicalUrl !== null && !isString(canonicalUrl, MAX_URL_LENGTH)) return null;
  if (!isString(title, MAX_TITLE_LENGTH)) return null;
  return { url, canonicalUrl, title };
}

function parseSelector(value: unknown): Selector | null {
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'TextQuoteSelector':
      return hasKeys(value, ['type', 'exact', 'prefix', 'suffix']) &&
        isString(value.exact, MAX_EXACT_LENGTH) &&
        value.exact.trim() !== '' &&
        isString(value.prefix, MAX_CONTEXT_LENGTH) &&
        isString(value.suffix, MAX_CONTEXT_LENGTH)
        ? { type: value.type, exact: value.exact, prefix: value.prefix, suffix: value.suffix }
        : null;
    case 'TextPositionSelector':
      return hasKeys(value, ['type', 'start', 'end']) &&
        isCount(value.start) &&
        isCount(value.end) &&
        value.end >= value.start
        ? { type: value.type, start: value.start, end: value.end }
        : null;
    case 'RangeSelector':
      return hasKeys(value, ['type', 'startContainer', 'startOffset', 'endContainer', 'endOffset']) &&
        isString(value.startContainer, MAX_XPATH_LENGTH) &&
        isString(value.endContainer, MAX_XPATH_LENGTH) &&
        isCount(value.startOffset) &&
        isCount(value.endOffset)
        ? {
            type: value.type,
            startContainer: value.startContainer,
            startOffset: value.startOffset,
            endContainer: value.endContainer,
            endOffset: value.endOffset,
          }
        : null;
    default:
      return null;
  }
}

export function parsePassageSelectors(value: unknown): PassageSelectors | null {
  if (!isObject(value) || !hasKeys(value, ['range', 'position', 'quote'])) return null;
  const range = parseSelector(value.range);
  const position = parseSelector(value.position);
  const quote = parseSelector(value.quote);
  if (range?.type !== 'RangeSelector' || position?.type !== 'TextPositionSelector') return null;
  if (quote?.type !== 'TextQuoteSelector') return null;
  return { range, position, quote };
}

/** A whole annotation record (an undo brings one back), checked field by field; a fresh copy, or null. */
export function parseAnnotation(value: unknown): Annotation | null {
  if (!isObject(value)) return null;
  if (!hasKeys(value, ['id', 'kind', 'target', 'body', 'pageKeys', 'created', 'modified'])) return null;
  const { id, kind, target, body, pageKeys, created, modified } = value;
  if (!isAnnotationId(id) || (kind !== 'highlight' && kind !== 'page-note')) return null;
  if (!isKeyList(pageKeys) || !isIsoTime(created) || !isIsoTime(modified)) return null;
  if (!isObject(target) || !hasKeys(target, ['url', 'canonicalUrl', 'title', 'selector'])) return null;
  const page = parsePage({ url: target.url, canonicalUrl: target.canonicalUrl, title: target.title });
  if (!page || !Array.isArray(target.selector) || target.selector.length > 3) return null;
  const selector = target.selector.map(parseSelector);
  if (selector.some((item) => item === null)) return null;
  if (!isObject(body) || !hasKeys(body, ['note', 'tags', 'colour'])) return null;
  if (!isString(body.note, MAX_NOTE_LENGTH) || !isTagList(body.tags) || !isColour(body.colour)) return null;
  return {
    id,
    kind,
    target: { ...page, selector: selector as Selector[] },
    body: { note: body.note, tags: [...body.tags], colour: body.colour },
    pageKeys: [...pageKeys],
    created,
    modified,
  };
}

function parseChanges(value: unknown): AnnotationChanges | null {
  if (!isObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.some((key) => key !== 'note' && key !== 'tags' && key !== 'colour'))
    return null;
  const changes: { note?: string; tags?: string[]; colour?: HighlightColour } = {};
  if ('note' in value) {
    if (!isString(value.note, MAX_NOTE_LENGTH)) return null;
    changes.note = value.note;
  }
  if ('tags' in value) {
    if (!isTagList(value.tags)) return null;
    changes.tags = [...value.tags];
  }
  if ('colour' in value) {
    if (!isColour(value.colour)) return null;
    changes.colour = value.colour;
  }
  return changes;
}

/** A cited work as the background describes it, checked field by field. */
function parseCitedWork(value: unknown): CitedWork | null {
  if (!isObject(value) || !hasKeys(value, ['title', 'authors', 'outlet', 'published', 'lang'])) return null;
  const { title, authors, outlet, published, lang } = value;
  if (!isString(title, MAX_TITLE_LENGTH) || !isTagList(authors)) return null;
  if (outlet !== null && !isString(outlet, MAX_TITLE_LENGTH)) return null;
  if (published !== null && !isString(published, 100)) return null;
  if (lang !== null && !(isString(lang, 40) && /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang)))
    return null;
  return { title, authors: [...authors], outlet, published, lang };
}

/** The background's answer to a CitedWorkRequest, checked. */
export function parseCitedWorkResponse(value: unknown): CitedWorkResponse {
  if (isObject(value) && value.ok === false && typeof value.error === 'string')
    return { ok: false, error: value.error };
  const work = isObject(value) && value.ok === true ? parseCitedWork(value.work) : null;
  return work
    ? { ok: true, work }
    : { ok: false, error: 'Scrutiny sent back something it does not understand.' };
}

/** The background's answer to a ClipRequest, checked. */
export function parseClipResponse(value: unknown): ClipResponse {
  if (isObject(value) && value.ok === false && typeof value.error === 'string')
    return { ok: false, error: value.error };
  if (isObject(value) && value.ok === true && isAnnotationId(value.id)) return { ok: true, id: value.id };
  return { ok: false, error: 'Scrutiny’s storage sent back something it does not understand.' };
}

/** The message, typed, when it has one of the annotation protocol's shapes; otherwise null. */
export function parseAnnotationMessage(value: unknown): AnnotationMessage | null {
  if (!isObject(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'scrutiny/annotations-list': {
      const page = hasKeys(value, ['type', 'page']) ? parsePage(value.page) : null;
      return page ? { type: value.type, page } : null;
    }
    case 'scrutiny/highlight-create': {
      if (!hasKeys(value, ['type', 'page', 'selectors', 'colour', 'note'])) return null;
      const page = parsePage(value.page);
      const selectors = parsePassageSelectors(value.selectors);
      if (!page || !selectors || !isColour(value.colour) || !isString(value.note, MAX_NOTE_LENGTH))
        return null;
      return { type: value.type, page, selectors, colour: value.colour, note: value.note };
    }
    case 'scrutiny/annotation-update': {
      if (!hasKeys(value, ['type', 'id', 'changes']) || !isAnnotationId(value.id)) return null;
      const changes = parseChanges(value.changes);
      return changes ? { type: value.type, id: value.id, changes } : null;
    }
    case 'scrutiny/annotation-delete':
    case 'scrutiny/open-note':
    case 'scrutiny/show-annotation':
      return hasKeys(value, ['type', 'id']) && isAnnotationId(value.id)
        ? { type: value.type, id: value.id }
        : null;
    case 'scrutiny/annotation-restore': {
      const annotation = hasKeys(value, ['type', 'annotation']) ? parseAnnotation(value.annotation) : null;
      return annotation ? { type: value.type, annotation } : null;
    }
    case 'scrutiny/page-note-save': {
      if (!hasKeys(value, ['type', 'page', 'note', 'tags'])) return null;
      const page = parsePage(value.page);
      if (!page || !isString(value.note, MAX_NOTE_LENGTH) || !isTagList(value.tags)) return null;
      return { type: value.type, page, note: value.note, tags: [...value.tags] };
    }
    case 'scrutiny/annotations-changed':
      return hasKeys(value, ['type', 'pageKeys']) && isKeyList(value.pageKeys)
        ? { type: value.type, pageKeys: [...value.pageKeys] }
        : null;
    case 'scrutiny/anchor-report': {
      if (!hasKeys(value, ['type', 'page', 'anchored', 'orphaned'])) return null;
      const page = parsePage(value.page);
      if (!page || !isIdList(value.anchored) || !isIdList(value.orphaned)) return null;
      return { type: value.type, page, anchored: [...value.anchored], orphaned: [...value.orphaned] };
    }
    case 'scrutiny/anchor-report-request':
      return hasKeys(value, ['type']) ? { type: value.type } : null;
    case 'scrutiny/clip-create': {
      if (!hasKeys(value, ['type', 'page', 'selectors'])) return null;
      const page = parsePage(value.page);
      const selectors = parsePassageSelectors(value.selectors);
      return page && selectors ? { type: value.type, page, selectors } : null;
    }
    case 'scrutiny/cited-work':
      return hasKeys(value, ['type']) ? { type: value.type } : null;
    case 'scrutiny/clip-created':
      return hasKeys(value, ['type', 'id', 'tabId']) && isAnnotationId(value.id) && isCount(value.tabId)
        ? { type: value.type, id: value.id, tabId: value.tabId }
        : null;
    case 'scrutiny/save-article-request':
      return hasKeys(value, ['type', 'tabId']) && isCount(value.tabId)
        ? { type: value.type, tabId: value.tabId }
        : null;
    case 'scrutiny/selection-action':
      return hasKeys(value, ['type', 'action']) &&
        (SELECTION_ACTIONS as readonly unknown[]).includes(value.action)
        ? { type: value.type, action: value.action as SelectionAction }
        : null;
    default:
      return null;
  }
}

/** The message when it comes from this extension itself and is well formed; null otherwise. */
export function readAnnotationMessage(
  value: unknown,
  sender: SenderInfo,
  ownId: string,
): AnnotationMessage | null {
  return fromThisExtension(sender, ownId) ? parseAnnotationMessage(value) : null;
}

/** The background's answer to a store request, checked; a plain error when it has another shape. */
export function parseStoreResponse(value: unknown): StoreResponse {
  if (isObject(value) && value.ok === false && typeof value.error === 'string')
    return { ok: false, error: value.error };
  if (isObject(value) && value.ok === true && Array.isArray(value.annotations)) {
    const annotations = value.annotations.map(parseAnnotation);
    if (annotations.every((annotation) => annotation !== null)) return { ok: true, annotations };
  }
  return { ok: false, error: 'Scrutiny’s storage sent back something it does not understand.' };
}

/**
 * Importing: the library page sends the file's text to the background, which alone writes, over a port
 * named IMPORT_PORT (a one-off message is capped at 64 MiB in Chrome; a large backup is bigger): pieces
 * of text, then `import-apply`. The background reads and plans the file again itself (lib/store/import),
 * never trusting the page's plan, and answers with an ImportResponse.
 */
export const IMPORT_PORT = 'scrutiny/import';
/** Characters per piece: far below the browsers' message limits. */
export const IMPORT_PIECE_LENGTH = 4_000_000;

export type ImportPortMessage =
  | { type: 'scrutiny/import-piece'; text: string }
  /** The whole file has been sent: import it this way. */
  | { type: 'scrutiny/import-apply'; mode: ImportMode };

/** The background's answer once the import is written, or why nothing was. */
export type ImportResponse = { ok: true; changesNothing: boolean } | { ok: false; error: string };

/**
 * Only the library page imports: the port must come from this extension and from that page, never from
 * a content script (whose sender is the web page) or another extension page.
 */
export function isImportSender(sender: SenderInfo, ownId: string, libraryPageUrl: string): boolean {
  if (!fromThisExtension(sender, ownId) || typeof sender.url !== 'string') return false;
  const address = sender.url.replace(/[?#].*$/, '');
  return address === libraryPageUrl;
}

/** A message on the import port, checked; null for anything else. */
export function parseImportPortMessage(value: unknown): ImportPortMessage | null {
  if (!isObject(value)) return null;
  if (value.type === 'scrutiny/import-piece')
    return hasKeys(value, ['type', 'text']) && isString(value.text, IMPORT_PIECE_LENGTH)
      ? { type: value.type, text: value.text }
      : null;
  if (value.type === 'scrutiny/import-apply') {
    if (!hasKeys(value, ['type', 'mode'])) return null;
    const { mode } = value;
    return mode === 'merge' || mode === 'replace' ? { type: value.type, mode } : null;
  }
  return null;
}

/** The background's answer to an import, checked. */
export function parseImportResponse(value: unknown): ImportResponse {
  if (isObject(value) && value.ok === false && typeof value.error === 'string')
    return { ok: false, error: value.error };
  if (isObject(value) && value.ok === true && typeof value.changesNothing === 'boolean')
    return { ok: true, changesNothing: value.changesNothing };
  return { ok: false, error: 'Scrutiny’s storage sent back something it does not understand.' };
}
