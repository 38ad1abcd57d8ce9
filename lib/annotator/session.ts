/**
 * The annotator in one page: finds the page's highlights again and draws them, shows the toolbar when
 * the reader selects text, keeps new highlights and notes, copies passages with their citation, shows a
 * highlight's note on hover and tells the panel which one was clicked. It talks to the extension only
 * through the AnnotatorBackend it is given (the entry point wires that to the message protocol), so it
 * runs in a test DOM as it runs in the page.
 */
import { anchorAll, anchorRootFor, describeRange } from '../anchor/highlights';
import { showRange } from '../anchor/flash';
import { formatCitation, readCitationSource } from '../annotations/citation';
import type {
  AnchorReport,
  ClipRequest,
  ClipResponse,
  SelectionAction,
  StoreResponse,
} from '../annotations/messages';
import { pageKeys } from '../annotations/page-keys';
import {
  DEFAULT_COLOUR,
  type AnnotatedPage,
  type Annotation,
  type HighlightColour,
  type PassageSelectors,
} from '../annotations/types';
import { Highlighter } from './highlighter';
import { Overlay, type Box } from './overlay';

export interface AnnotatorBackend {
  list(page: AnnotatedPage): Promise<StoreResponse>;
  createHighlight(
    page: AnnotatedPage,
    selectors: PassageSelectors,
    colour: HighlightColour,
    note: string,
  ): Promise<StoreResponse>;
  /** Where the highlights are now, for the panel. */
  report(report: AnchorReport): void;
  /** The reader clicked a highlight: show its note in the panel. */
  openNote(id: string): void;
  /** Put text on the clipboard; false when the browser refused. */
  copy(text: string): Promise<boolean>;
  /** Keep the passage as a clipping with its citation (the background picks the collection). */
  clip(
    page: AnnotatedPage,
    selectors: PassageSelectors,
    citation: ClipRequest['citation'],
  ): Promise<ClipResponse>;
}

/** After a load, how long the annotator keeps looking for passages the page may still be adding. */
export const LATE_CONTENT_WINDOW_MS = 60_000;
const LATE_CONTENT_DEBOUNCE_MS = 400;
const SELECTION_DEBOUNCE_MS = 120;

/** The page's canonical address, when it gives one that is a web address. */
function canonicalUrlOf(document: Document): string | null {
  const candidates = [
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate, document.baseURI);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not an address: try the next.
    }
  }
  return null;
}

export function describePage(document: Document): AnnotatedPage {
  const ogTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  return {
    url: document.location?.href ?? document.URL,
    canonicalUrl: canonicalUrlOf(document),
    title: (ogTitle || document.title || '').trim().slice(0, 500),
  };
}

/**
 * Where a range ends on screen (its last line, where the reader's pointer let go); test DOMs without
 * Range geometry get its element's box, or nothing.
 */
function boxOf(range: Range): Box {
  if (typeof range.getClientRects === 'function') {
    const lines = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
    const last = lines.at(-1);
    if (last) return last;
  }
  if (typeof range.getBoundingClientRect === 'function') return range.getBoundingClientRect();
  const element =
    range.startContainer.nodeType === 1
      ? (range.startContainer as Element)
      : range.startContainer.parentElement;
  return element?.getBoundingClientRect() ?? { top: 0, bottom: 0, left: 0, right: 0 };
}

const isEditable = (node: Node | null): boolean => {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return Boolean(
    element?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])'),
  );
};

export class AnnotatorSession {
  private readonly highlighter: Highlighter;
  private readonly overlay: Overlay;
  private annotations = new Map<string, Annotation>();
  private page: AnnotatedPage;
  private keys: Set<string>;
  /** The selection the toolbar or the note editor is about; kept because focus moves into our UI. */
  private pending: Range | null = null;
  private colour: HighlightColour = DEFAULT_COLOUR;
  private observer: MutationObserver | null = null;
  private lateTimer: ReturnType<typeof setTimeout> | undefined;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  private loadedAt = 0;
  private hovered: string | null = null;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions][] = [];

  constructor(
    private readonly window: Window,
    private readonly backend: AnnotatorBackend,
    shadowMode: ShadowRootMode = 'closed',
  ) {
    this.highlighter = new Highlighter(window);
    this.page = describePage(window.document);
    this.keys = new Set(pageKeys(this.page));
    this.overlay = new Overlay(
      window.document,
      {
        highlight: (colour) => void this.highlightSelection(colour),
        addNote: () => this.startNote(),
        copyCitation: () => void this.copyCitation(),
        clip: () => void this.act('clip'),
        saveNote: (note) => void this.saveNote(note),
        cancelNote: () => this.cancelNote(),
      },
      this.colour,
      shadowMode,
    );
  }

  private get document(): Document {
    return this.window.document;
  }

  /** Start listening to the reader and load the page's highlights. */
  async start(): Promise<void> {
    const listen = (target: EventTarget, type: string, listener: EventListener, options = {}) => {
      target.addEventListener(type, listener, options);
      this.listeners.push([target, type, listener, options]);
    };
    listen(this.document, 'selectionchange', () => this.selectionChanged());
    listen(this.document, 'mouseup', () => this.selectionChanged(0));
    listen(this.window, 'mousemove', (event) => this.hover(event as MouseEvent), { passive: true });
    listen(this.document, 'click', (event) => this.clicked(event as MouseEvent));
    listen(this.window, 'keydown', (event) => this.keyPressed(event as KeyboardEvent), { capture: true });
    listen(this.window, 'scroll', () => this.reposition(), { passive: true, capture: true });
    await this.load();
  }

  /** The page's address changed without a load (a single-page site): it is another page now. */
  private refreshPage(): boolean {
    const page = describePage(this.document);
    if (page.url === this.page.url && page.canonicalUrl === this.page.canonicalUrl) return false;
    this.page = page;
    this.keys = new Set(pageKeys(page));
    return true;
  }

  /** Whether a change to annotations under these keys concerns this page. */
  concerns(keys: string[]): boolean {
    this.refreshPage();
    return keys.some((key) => this.keys.has(key));
  }

  /** Fetch the page's annotations and draw them (again). Returns a plain error, or null. */
  async load(): Promise<string | null> {
    if (this.refreshPage()) {
      // Another page in the same document (a single-page site): the last page's highlights go.
      this.highlighter.clear();
      this.annotations.clear();
    }
    const response = await this.backend.list(this.page);
    if (!response.ok) return response.error;
    const fresh = new Map(
      response.annotations
        .filter((a) => a.kind === 'highlight')
        .map((annotation) => [annotation.id, annotation]),
    );
    for (const id of this.annotations.keys()) {
      if (!fresh.has(id)) this.highlighter.remove(id);
    }
    const toAnchor: Annotation[] = [];
    for (const [id, annotation] of fresh) {
      const known = this.annotations.get(id);
      if (known && this.highlighter.rangeOf(id)) {
        if (known.body.colour !== annotation.body.colour)
          this.highlighter.recolour(id, annotation.body.colour);
      } else toAnchor.push(annotation);
    }
    this.annotations = fresh;
    this.anchor(toAnchor);
    this.loadedAt = Date.now();
    this.watchForLateContent();
    this.sendReport();
    return null;
  }

  /**
   * Find these annotations in the page and draw those found; the rest stay orphaned. Returns whether
   * any was found.
   */
  private anchor(annotations: Annotation[]): boolean {
    if (!annotations.length) return false;
    const anchors = anchorAll(
      this.document,
      annotations.map((annotation) => annotation.target.selector),
    );
    let found = false;
    annotations.forEach((annotation, index) => {
      const range = anchors[index]?.range;
      if (!range) return;
      this.highlighter.draw(annotation.id, range, annotation.body.colour);
      found = true;
    });
    return found;
  }

  /** The page's annotations that are not drawn: their passage was not found. */
  private orphans(): Annotation[] {
    return [...this.annotations.values()].filter((annotation) => !this.highlighter.rangeOf(annotation.id));
  }

  report(): AnchorReport {
    const anchored = this.highlighter.inReadingOrder().filter((id) => this.annotations.has(id));
    const orphaned = this.orphans().map((annotation) => annotation.id);
    return { type: 'scrutiny/anchor-report', page: this.page, anchored, orphaned };
  }

  private sendReport(): void {
    this.backend.report(this.report());
  }

  /**
   * Pages that add their text after load (lazy bodies, "read more", consent walls) are watched for a
   * while, and orphaned highlights are looked for again whenever the page changes.
   */
  private watchForLateContent(): void {
    const MutationObserverClass = (this.window as Window & typeof globalThis).MutationObserver;
    if (this.observer || this.orphans().length === 0 || !MutationObserverClass) return;
    this.observer = new MutationObserverClass((records) => {
      // Our own host coming and going is not the page changing.
      if (
        records.every((record) =>
          [...record.addedNodes, ...record.removedNodes].every((n) => this.overlay.contains(n)),
        )
      )
        return;
      clearTimeout(this.lateTimer);
      this.lateTimer = setTimeout(() => this.retryOrphans(), LATE_CONTENT_DEBOUNCE_MS);
    });
    this.observer.observe(this.document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  private stopWatching(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.lateTimer);
  }

  private retryOrphans(): void {
    if (this.anchor(this.orphans())) this.sendReport();
    if (this.orphans().length === 0 || Date.now() - this.loadedAt > LATE_CONTENT_WINDOW_MS)
      this.stopWatching();
  }

  /** The reader's selection, when it is text of the page worth annotating. */
  private selectedRange(): Range | null {
    const selection = this.window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!range.toString().trim()) return null;
    if (isEditable(range.commonAncestorContainer)) return null;
    return range;
  }

  private selectionChanged(delay = SELECTION_DEBOUNCE_MS): void {
    clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(() => {
      if (this.overlay.editorShown) return;
      const range = this.selectedRange();
      if (!range) {
        this.pending = null;
        this.overlay.hideToolbar();
        return;
      }
      this.pending = range.cloneRange();
      this.overlay.showToolbar(boxOf(range));
    }, delay);
  }

  private reposition(): void {
    if (this.overlay.toolbarShown && this.pending) this.overlay.showToolbar(boxOf(this.pending));
  }

  private keyPressed(event: KeyboardEvent): void {
    if (!this.overlay.toolbarShown || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isEditable(this.document.activeElement)) return;
    const key = event.key.toLowerCase();
    // Only while the toolbar is up, like Hypothesis's adder: letters act on the selection.
    const action = { h: 'highlight', n: 'note', c: 'copy-citation', k: 'clip', escape: 'close' }[key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action === 'close') this.overlay.hideToolbar();
    else void this.act(action as SelectionAction);
  }

  /** A menu item or shortcut chosen for the current selection. */
  async act(action: SelectionAction): Promise<void> {
    if (!this.pending) this.pending = this.selectedRange()?.cloneRange() ?? null;
    if (!this.pending) {
      this.overlay.say('Select some text in the article first.');
      return;
    }
    if (action === 'highlight') await this.highlightSelection(this.colour);
    else if (action === 'note') this.startNote();
    else if (action === 'clip') await this.clipSelection();
    else await this.copyCitation();
  }

  /**
   * The passage goes into the collection clipped to last at once; the panel opens to let the reader pick
   * another, add a note and tags (the reader's own words are never typed into the page).
   */
  async clipSelection(): Promise<void> {
    const range = this.pending;
    if (!range) return;
    this.overlay.hideToolbar();
    this.pending = null;
    const selectors = describeRange(anchorRootFor(this.document, range), range);
    this.refreshPage();
    const source = readCitationSource(this.document, this.page.canonicalUrl ?? this.page.url);
    const response = await this.backend.clip(this.page, selectors, {
      title: source.title,
      authors: source.authors,
      outlet: source.outlet,
      published: source.published,
      lang: this.document.documentElement.getAttribute('lang')?.trim() || null,
    });
    this.window.getSelection()?.removeAllRanges();
    this.overlay.say(
      response.ok ? 'Clipped. Choose its collection, a note and tags in Scrutiny’s panel.' : response.error,
      response.ok ? 'info' : 'error',
    );
  }

  private async keep(range: Range, colour: HighlightColour, note: string): Promise<boolean> {
    const selectors = describeRange(anchorRootFor(this.document, range), range);
    this.refreshPage();
    const response = await this.backend.createHighlight(this.page, selectors, colour, note);
    if (!response.ok) {
      this.overlay.say(response.error, 'error');
      return false;
    }
    for (const annotation of response.annotations) {
      this.annotations.set(annotation.id, annotation);
      this.highlighter.draw(annotation.id, range, annotation.body.colour);
    }
    this.sendReport();
    return true;
  }

  async highlightSelection(colour: HighlightColour): Promise<void> {
    const range = this.pending;
    if (!range) return;
    this.colour = colour;
    this.overlay.setColour(colour);
    this.overlay.hideToolbar();
    this.pending = null;
    this.window.getSelection()?.removeAllRanges();
    await this.keep(range, colour, '');
  }

  private startNote(): void {
    if (!this.pending) return;
    this.overlay.showEditor(boxOf(this.pending));
    // Focus moves into the editor and the page's selection goes: show which words the note is for.
    this.highlighter.preview(this.pending);
  }

  private async saveNote(note: string): Promise<void> {
    const range = this.pending;
    if (!range) return this.cancelNote();
    if (await this.keep(range, this.colour, note.trim())) {
      this.pending = null;
      this.highlighter.preview(null);
      this.overlay.hideEditor();
      this.window.getSelection()?.removeAllRanges();
    }
  }

  private cancelNote(): void {
    this.overlay.hideEditor();
    this.highlighter.preview(null);
    // The reader may want another action on the same words: give the selection back.
    const range = this.pending;
    this.pending = null;
    if (range) {
      const selection = this.window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
  }

  async copyCitation(): Promise<void> {
    const range = this.pending;
    if (!range) return;
    this.overlay.hideToolbar();
    const source = readCitationSource(this.document, this.page.canonicalUrl ?? this.page.url);
    const copied = await this.backend.copy(formatCitation(range.toString(), source, new Date()));
    this.overlay.say(
      copied ? 'Copied with citation.' : 'The browser did not let Scrutiny copy. Try again.',
      copied ? 'info' : 'error',
    );
  }

  private hover(event: MouseEvent): void {
    if (this.overlay.toolbarShown || this.overlay.editorShown) return;
    const id = this.highlighter.idAt(event.clientX, event.clientY);
    if (id === this.hovered) return;
    this.hovered = id;
    this.highlighter.focus(id);
    const note = id ? this.annotations.get(id)?.body.note : undefined;
    if (id)
      this.overlay.showTip(note || 'Highlight without a note.', { x: event.clientX, y: event.clientY + 8 });
    else this.overlay.hideTip();
  }

  private clicked(event: MouseEvent): void {
    if (this.selectedRange() || this.overlay.contains(event.target)) return;
    const id = this.highlighter.idAt(event.clientX, event.clientY);
    if (id) this.backend.openNote(id);
  }

  /** Scroll to a highlight and light it up; false when it is not in the page. */
  show(id: string): boolean {
    const range = this.highlighter.rangeOf(id);
    if (!range) return false;
    showRange(range);
    return true;
  }

  /** Take everything of ours out of the page (the extension was turned off or updated). */
  destroy(): void {
    this.stopWatching();
    clearTimeout(this.selectionTimer);
    for (const [target, type, listener, options] of this.listeners)
      target.removeEventListener(type, listener, options);
    this.listeners.length = 0;
    this.highlighter.clear();
    this.overlay.destroy();
  }
}
