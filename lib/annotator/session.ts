/**
 * The annotator in one page: finds the page's highlights again and draws them, shows the toolbar when
 * the reader selects text, keeps new highlights and notes, copies passages with their citation, clips
 * them, shows a highlight's note on hover and tells the panel which one was clicked. It talks to the
 * extension only through the AnnotatorBackend and the FrameLink it is given (the entry point wires them to
 * the extension's messaging), so it runs in a test DOM as it runs in the page.
 *
 * The page it runs in is not to be trusted (see docs/security.md):
 * - it acts only on the reader's own events (`isTrusted`): a page's synthetic mouse-ups, keys and clicks
 *   do nothing;
 * - it never puts the reader's words into the page's DOM: highlights are inert boxes (marks.ts), notes
 *   are shown and written in an extension frame (note-frame.ts);
 * - it reads the page's DOM through saved prototypes (safe-dom.ts), keeps its hosts in the page
 *   (host-keeper.ts), and when the page still gets in the way, says so in plain words.
 */
import { anchorAll, anchorRootFor, describeRange } from '../anchor/highlights';
import { scrollTopFor } from '../anchor/flash';
import { formatCitation } from '../annotations/citation';
import type {
  AnchorReport,
  CitedWorkResponse,
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
import type { FrameLink } from './frame-protocol';
import { HostKeeper } from './host-keeper';
import { Marks, type DrawnMark } from './marks';
import { NoteFrame } from './note-frame';
import { Overlay, type Box } from './overlay';
import { safeDom, type SafeDom } from './safe-dom';

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
  /**
   * Keep the passage as a clipping (the background picks the collection and cites the page with the
   * byline the panel shows).
   */
  clip(page: AnnotatedPage, selectors: PassageSelectors): Promise<ClipResponse>;
  /** The article as the panel's byline names it, for Copy with citation (read by the background). */
  citedWork(): Promise<CitedWorkResponse>;
}

export interface AnnotatorOptions {
  /** The note frame; without one, notes can be written only in the panel. */
  frame?: FrameLink | null;
  /** Whether an event is the reader's: the browser's `isTrusted`. Tests stand in for the browser here. */
  trusted?: (event: Event) => boolean;
  /** Closed, so the page's scripts cannot reach in; tests open it. */
  shadowMode?: ShadowRootMode;
}

/** After a load, how long the annotator keeps looking for passages the page may still be adding. */
export const LATE_CONTENT_WINDOW_MS = 60_000;
const LATE_CONTENT_DEBOUNCE_MS = 400;
const SELECTION_DEBOUNCE_MS = 120;

/** Where a selection starts and ends. */
interface SelectionEnds {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

function endsOf(range: Range): SelectionEnds {
  return {
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  };
}

function sameEnds(a: SelectionEnds | null, b: SelectionEnds): boolean {
  return (
    a !== null &&
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** What the reader is told when the page gets in the way. */
export const PAGE_PROBLEMS = {
  passage:
    'Scrutiny could not read the selected passage on this page (the page’s markup gets in the way), so nothing was kept.',
  anchoring:
    'This page’s markup keeps Scrutiny from finding your highlights in it. They are safe: open them in Scrutiny’s panel.',
  citation: 'Scrutiny could not read this page’s details for the citation, so nothing was copied.',
  blocked:
    'This page keeps Scrutiny from showing its toolbar and highlights. Your notes are safe: use the right-click menu or Scrutiny’s panel.',
  unexpected: 'Something on this page kept Scrutiny from doing that. Nothing was changed.',
} as const;

const isHttp = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/** The page's canonical address, when it gives one that is a web address. */
function canonicalUrlOf(document: Document, dom: SafeDom): string | null {
  const attribute = (selector: string, name: string) => {
    const element = dom.querySelector(document, selector);
    return element ? dom.getAttribute(element, name) : null;
  };
  const candidates = [
    attribute('link[rel~="canonical" i]', 'href'),
    attribute('meta[property="og:url"]', 'content'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate, dom.baseURI(document));
      if (isHttp(url)) return url.href;
    } catch {
      // Not an address: try the next.
    }
  }
  return null;
}

export function describePage(
  document: Document,
  dom: SafeDom = safeDom(document.defaultView as Window),
): AnnotatedPage {
  const og = dom.querySelector(document, 'meta[property="og:title"]');
  const ogTitle = og ? dom.getAttribute(og, 'content')?.trim() : undefined;
  let title = '';
  try {
    title = dom.title(document);
  } catch {
    // A document without a title element of its own.
  }
  return {
    url: document.location?.href ?? dom.url(document),
    canonicalUrl: canonicalUrlOf(document, dom),
    title: (ogTitle || title || '').trim().slice(0, 500),
  };
}

/**
 * Where a range ends on screen (its last line, where the reader's pointer let go); test DOMs without
 * Range geometry get its element's box, or nothing.
 */
function boxOf(range: Range, dom: SafeDom): Box {
  if (typeof range.getClientRects === 'function') {
    const lines = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
    const last = lines.at(-1);
    if (last) return last;
  }
  if (typeof range.getBoundingClientRect === 'function') return range.getBoundingClientRect();
  const element = dom.elementOf(range.startContainer);
  return element ? dom.getBoundingClientRect(element) : { top: 0, bottom: 0, left: 0, right: 0 };
}

/**
 * Whether a key the reader let go of is one that selects text (Shift with arrows, Home, End; Ctrl/Cmd+A):
 * a page that selects text by script and waits for the reader to type letters in its own UI does not get
 * Scrutiny's toolbar, and its shortcut letters, under that selection.
 */
function selectsText(event: KeyboardEvent): boolean {
  const key = typeof event.key === 'string' ? event.key : '';
  return (
    key === 'Shift' ||
    key === 'Control' ||
    key === 'Meta' ||
    event.shiftKey ||
    ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'a')
  );
}

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export class AnnotatorSession {
  private readonly dom: SafeDom;
  private readonly keeper: HostKeeper;
  private readonly marks: Marks;
  private readonly overlay: Overlay;
  private readonly frame: NoteFrame;
  private readonly trusted: (event: Event) => boolean;
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
  private anchoringFailed = false;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions][] = [];

  constructor(
    private readonly window: Window,
    private readonly backend: AnnotatorBackend,
    options: AnnotatorOptions = {},
  ) {
    const shadowMode = options.shadowMode ?? 'closed';
    this.trusted = options.trusted ?? ((event) => event.isTrusted === true);
    this.dom = safeDom(window);
    this.keeper = new HostKeeper(window, this.dom, () => this.pageProblem(PAGE_PROBLEMS.blocked), shadowMode);
    this.page = describePage(window.document, this.dom);
    this.keys = new Set(pageKeys(this.page));
    this.overlay = new Overlay(
      window,
      this.dom,
      this.keeper,
      {
        highlight: (colour) => void this.guard(() => this.highlightSelection(colour), PAGE_PROBLEMS.passage),
        addNote: () => void this.guard(() => this.startNote(), PAGE_PROBLEMS.unexpected),
        copyCitation: () => void this.guard(() => this.copyCitation(), PAGE_PROBLEMS.citation),
        clip: () => void this.act('clip'),
      },
      this.colour,
      this.trusted,
      shadowMode,
    );
    this.marks = new Marks(window, this.overlay, this.dom);
    this.frame = new NoteFrame(window, this.dom, () => this.overlay.frameContainer(), options.frame ?? null, {
      save: (note) => void this.guard(() => this.saveNote(note), PAGE_PROBLEMS.passage),
      cancel: () => this.cancelNote(),
      failed: (message) => {
        this.cancelNote();
        this.overlay.say(message, 'error');
      },
    });
  }

  private get document(): Document {
    return this.window.document;
  }

  /** Run an action; whatever the page makes it throw, the reader is told in plain words. */
  private async guard(action: () => Promise<void> | void, problem: string): Promise<void> {
    try {
      await action();
    } catch {
      this.pageProblem(problem);
    }
  }

  private pageProblem(message: string): void {
    try {
      this.overlay.say(message, 'error');
    } catch {
      // Not even a status can be shown: nothing more to do in this page.
    }
  }

  /** Start listening to the reader and load the page's highlights. */
  async start(): Promise<void> {
    const listen = (target: EventTarget, type: string, listener: EventListener, options = {}) => {
      target.addEventListener(type, listener, options);
      this.listeners.push([target, type, listener, options]);
    };
    const fromReader =
      <E extends Event>(handler: (event: E) => void): EventListener =>
      (event) => {
        if (this.trusted(event)) handler(event as E);
      };
    // The selection is read when the reader lets go of the mouse or a key (a page can select text by
    // script, but cannot make these events); it is dropped as soon as it is gone, whoever cleared it.
    listen(this.document, 'selectionchange', () => this.selectionGone());
    listen(
      this.window,
      'mouseup',
      fromReader(() => this.selectionChanged(0, this.selectionNow())),
      { capture: true },
    );
    listen(
      this.window,
      'keyup',
      fromReader<KeyboardEvent>((event) => {
        if (selectsText(event)) this.selectionChanged(SELECTION_DEBOUNCE_MS, this.selectionNow());
      }),
      { capture: true },
    );
    listen(
      this.window,
      'touchend',
      fromReader(() => this.selectionChanged()),
      {
        capture: true,
        passive: true,
      },
    );
    listen(
      this.window,
      'mousemove',
      fromReader<MouseEvent>((event) => this.hover(event)),
      { passive: true },
    );
    listen(
      this.window,
      'click',
      fromReader<MouseEvent>((event) => this.clicked(event)),
    );
    listen(
      this.window,
      'keydown',
      fromReader<KeyboardEvent>((event) => this.keyPressed(event)),
      { capture: true },
    );
    listen(this.window, 'scroll', () => this.reposition(), { passive: true, capture: true });
    this.overlay.mountLayer();
    this.frame.mount();
    await this.load();
  }

  /** The page's address changed without a load (a single-page site): it is another page now. */
  private refreshPage(): boolean {
    const page = describePage(this.document, this.dom);
    if (page.url === this.page.url && page.canonicalUrl === this.page.canonicalUrl) return false;
    this.page = page;
    this.keys = new Set(pageKeys(page));
    return true;
  }

  /** Whether a change to annotations under these keys concerns this page. */
  concerns(keys: string[]): boolean {
    try {
      this.refreshPage();
    } catch {
      // The page's markup got in the way: the page is the one described last.
    }
    return keys.some((key) => this.keys.has(key));
  }

  /** Fetch the page's annotations and draw them (again). Returns a plain error, or null. */
  async load(): Promise<string | null> {
    try {
      if (this.refreshPage()) {
        // Another page in the same document (a single-page site): the last page's highlights go.
        this.marks.clear();
        this.annotations.clear();
      }
    } catch {
      return PAGE_PROBLEMS.anchoring;
    }
    const response = await this.backend.list(this.page);
    if (!response.ok) return response.error;
    const fresh = new Map(
      response.annotations
        .filter((a) => a.kind === 'highlight')
        .map((annotation) => [annotation.id, annotation]),
    );
    for (const id of this.annotations.keys()) {
      if (!fresh.has(id)) this.marks.remove(id);
    }
    const toAnchor: Annotation[] = [];
    for (const [id, annotation] of fresh) {
      const known = this.annotations.get(id);
      if (known && this.marks.rangeOf(id)) {
        if (known.body.colour !== annotation.body.colour) this.marks.recolour(id, annotation.body.colour);
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
   * any was found. A page whose markup makes anchoring throw gets its highlights orphaned, and the
   * reader is told once.
   */
  private anchor(annotations: Annotation[]): boolean {
    if (!annotations.length) return false;
    let anchors: ReturnType<typeof anchorAll>;
    try {
      anchors = anchorAll(
        this.document,
        annotations.map((annotation) => annotation.target.selector),
      );
    } catch {
      if (!this.anchoringFailed) this.pageProblem(PAGE_PROBLEMS.anchoring);
      this.anchoringFailed = true;
      return false;
    }
    let found = false;
    annotations.forEach((annotation, index) => {
      const range = anchors[index]?.range;
      if (!range) return;
      this.marks.draw(annotation.id, range, annotation.body.colour);
      found = true;
    });
    return found;
  }

  /** The page's annotations that are not drawn: their passage was not found. */
  private orphans(): Annotation[] {
    return [...this.annotations.values()].filter((annotation) => !this.marks.rangeOf(annotation.id));
  }

  report(): AnchorReport {
    const anchored = this.marks.inReadingOrder().filter((id) => this.annotations.has(id));
    const orphaned = this.orphans().map((annotation) => annotation.id);
    return { type: 'scrutiny/anchor-report', page: this.page, anchored, orphaned };
  }

  private sendReport(): void {
    this.backend.report(this.report());
  }

  /** What the highlights look like on screen now: for the extension's own checks, never for the page. */
  drawnMarks(): DrawnMark[] {
    return this.marks.drawnMarks();
  }

  /**
   * Pages that add their text after load (lazy bodies, "read more", consent walls) are watched for a
   * while, and orphaned highlights are looked for again whenever the page changes.
   */
  private watchForLateContent(): void {
    const MutationObserverClass = (this.window as Window & typeof globalThis).MutationObserver;
    if (this.observer || this.orphans().length === 0 || !MutationObserverClass) return;
    this.observer = new MutationObserverClass((records) => {
      // Our own hosts coming and going are not the page changing.
      if (
        records.every((record) =>
          [...record.addedNodes, ...record.removedNodes].every((n) => this.overlay.owns(n)),
        )
      )
        return;
      clearTimeout(this.lateTimer);
      this.lateTimer = setTimeout(() => this.retryOrphans(), LATE_CONTENT_DEBOUNCE_MS);
    });
    const root = this.dom.documentElement(this.document);
    if (root) this.observer.observe(root, { childList: true, subtree: true, characterData: true });
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
    if (this.isEditable(range.commonAncestorContainer)) return null;
    return range;
  }

  private isEditable(node: Node | null): boolean {
    const element = this.dom.elementOf(node);
    return Boolean(element && this.dom.closest(element, EDITABLE));
  }

  /** The selection went away (or never was): the toolbar goes too. Showing it again takes the reader. */
  private selectionGone(): void {
    if (this.frame.editorShown || !this.overlay.toolbarShown) return;
    if (this.selectedRange()) return;
    this.pending = null;
    this.overlay.hideToolbar();
  }

  /** The selection's ends as they are now, to tell later whether the page moved them. */
  private selectionNow(): SelectionEnds | null {
    const range = this.selectedRange();
    return range ? endsOf(range) : null;
  }

  /**
   * Show the toolbar for the selection once it settles. `byReader`: the selection as the reader's own
   * mouseup or key left it; a selection the page's script makes in the moment before the toolbar shows
   * (right after a reader's click, say) is not the reader's, and shows nothing.
   */
  private selectionChanged(delay = SELECTION_DEBOUNCE_MS, byReader?: SelectionEnds | null): void {
    clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(() => {
      if (this.frame.editorShown) return;
      try {
        let range = this.selectedRange();
        if (range && byReader !== undefined && !sameEnds(byReader, endsOf(range))) range = null;
        if (!range) {
          this.pending = null;
          this.overlay.hideToolbar();
          return;
        }
        this.pending = range.cloneRange();
        this.hideTip();
        this.overlay.showToolbar(boxOf(range, this.dom));
      } catch {
        this.pageProblem(PAGE_PROBLEMS.unexpected);
      }
    }, delay);
  }

  private reposition(): void {
    if (this.overlay.toolbarShown && this.pending) this.overlay.showToolbar(boxOf(this.pending, this.dom));
  }

  private keyPressed(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = typeof event.key === 'string' ? event.key.toLowerCase() : '';
    // The note editor is open but its frame has not taken the focus yet (it is still loading on a busy
    // machine, or the reader clicked the page): Escape still closes it, as it would inside the frame.
    if (key === 'escape' && this.frame.editorShown) {
      event.preventDefault();
      event.stopPropagation();
      this.cancelNote();
      return;
    }
    if (!this.overlay.toolbarShown) return;
    if (this.isEditable(this.dom.activeElement(this.document))) return;
    // Only while the toolbar is up, like Hypothesis's adder: letters act on the selection.
    const actions: Record<string, SelectionAction | 'close'> = {
      h: 'highlight',
      n: 'note',
      c: 'copy-citation',
      k: 'clip',
      escape: 'close',
    };
    const action = actions[key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action === 'close') this.overlay.hideToolbar();
    else void this.act(action);
  }

  /**
   * A toolbar key, a menu item or a shortcut chosen for the current selection. Menu items and shortcuts
   * come from the background (extension messaging, which a page cannot send).
   */
  async act(action: SelectionAction): Promise<void> {
    const problem =
      action === 'copy-citation'
        ? PAGE_PROBLEMS.citation
        : action === 'note'
          ? PAGE_PROBLEMS.unexpected
          : PAGE_PROBLEMS.passage;
    await this.guard(async () => {
      if (!this.pending) this.pending = this.selectedRange()?.cloneRange() ?? null;
      if (!this.pending) {
        this.overlay.say('Select some text in the article first.');
        return;
      }
      if (action === 'highlight') await this.highlightSelection(this.colour);
      else if (action === 'note') this.startNote();
      else if (action === 'clip') await this.clipSelection();
      else await this.copyCitation();
    }, problem);
  }

  /** The selectors of a passage; throws when the page's markup keeps lib/anchor from reading it. */
  private describe(range: Range): PassageSelectors {
    return describeRange(anchorRootFor(this.document, range), range);
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
    const selectors = this.describe(range);
    this.refreshPage();
    const response = await this.backend.clip(this.page, selectors);
    this.window.getSelection()?.removeAllRanges();
    this.overlay.say(
      response.ok ? 'Clipped. Choose its collection, a note and tags in Scrutiny’s panel.' : response.error,
      response.ok ? 'info' : 'error',
    );
  }

  private async keep(range: Range, colour: HighlightColour, note: string): Promise<boolean> {
    const selectors = this.describe(range);
    this.refreshPage();
    const response = await this.backend.createHighlight(this.page, selectors, colour, note);
    if (!response.ok) {
      this.overlay.say(response.error, 'error');
      return false;
    }
    for (const annotation of response.annotations) {
      this.annotations.set(annotation.id, annotation);
      this.marks.draw(annotation.id, range, annotation.body.colour);
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
    this.hideTip();
    if (!this.frame.available || !this.frame.showEditor(boxOf(this.pending, this.dom), this.colour)) {
      this.overlay.say(
        'Scrutiny cannot take notes in this page. Highlight the passage here, then write the note in Scrutiny’s panel.',
        'error',
      );
      return;
    }
    this.overlay.hideToolbar();
    // Focus moves into the editor and the page's selection goes: show which words the note is for.
    this.marks.preview(this.pending);
  }

  private async saveNote(note: string): Promise<void> {
    const range = this.pending;
    if (!range) return this.cancelNote();
    if (await this.keep(range, this.colour, note.trim())) {
      this.pending = null;
      this.marks.preview(null);
      this.frame.hideEditor();
      this.window.getSelection()?.removeAllRanges();
    }
  }

  private cancelNote(): void {
    this.frame.hideEditor();
    this.marks.preview(null);
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
    const passage = range.toString();
    const answer = await this.backend.citedWork();
    if (!answer.ok) return this.overlay.say(answer.error, 'error');
    const url = this.page.canonicalUrl ?? this.page.url;
    const text = formatCitation(passage, { ...answer.work, url }, new Date());
    // The content script's clipboard call, else the note frame's (never a text box in the page's DOM).
    const copied = (await this.backend.copy(text)) || (await this.frame.copy(text));
    this.overlay.say(
      copied ? 'Copied with citation.' : 'The browser did not let Scrutiny copy. Try again.',
      copied ? 'info' : 'error',
    );
  }

  private hideTip(): void {
    this.hovered = null;
    this.marks.focus(null);
    this.frame.hideTip();
  }

  private hover(event: MouseEvent): void {
    if (this.overlay.toolbarShown || this.frame.editorShown) return;
    const id = this.marks.idAt(event.clientX, event.clientY);
    if (id === this.hovered) return;
    if (!id) return this.hideTip();
    this.hovered = id;
    this.marks.focus(id);
    this.frame.showTip(this.annotations.get(id)?.body.note ?? '', { x: event.clientX, y: event.clientY + 8 });
  }

  private clicked(event: MouseEvent): void {
    if (this.overlay.contains(event.target) || this.selectedRange()) return;
    const id = this.marks.idAt(event.clientX, event.clientY);
    if (id) this.backend.openNote(id);
  }

  /** Scroll to a highlight and light it up (inert boxes, as the highlights); false when it is not in the page. */
  show(id: string): boolean {
    const range = this.marks.rangeOf(id);
    if (!range) return false;
    try {
      this.scrollTo(range);
    } catch {
      // The page's markup got in the way of scrolling: the passage is still lit where it is.
    }
    this.marks.flash(range);
    return true;
  }

  private scrollTo(range: Range): void {
    const window = this.window;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // A page nobody sees (the panel opened as a tab of its own) jumps: a smooth scroll there may never run.
    const hidden = this.document.visibilityState === 'hidden';
    const behavior: ScrollBehavior = reduceMotion || hidden ? 'auto' : 'smooth';
    const start = this.dom.elementOf(range.startContainer);
    const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
    const scroller = start && this.scrollingAncestor(start);
    if (scroller || !rect) start?.scrollIntoView?.({ block: 'center', behavior });
    else window.scrollTo({ top: scrollTopFor(rect, window.scrollY, window.innerHeight), behavior });
  }

  /** The first element up from `element` that scrolls on its own (not the page), or null. */
  private scrollingAncestor(element: Element): Element | null {
    const body = this.dom.body(this.document);
    const root = this.dom.documentElement(this.document);
    for (let node = this.dom.parentNode(element); node; node = this.dom.parentNode(node)) {
      if (this.dom.nodeType(node) !== 1 || node === body || node === root) return null;
      const overflow = this.window.getComputedStyle(node as Element).overflowY;
      if (/(auto|scroll|overlay)/.test(overflow)) return node as Element;
    }
    return null;
  }

  /** Take everything of ours out of the page (the extension was turned off or updated). */
  destroy(): void {
    this.stopWatching();
    clearTimeout(this.selectionTimer);
    for (const [target, type, listener, options] of this.listeners)
      target.removeEventListener(type, listener, options);
    this.listeners.length = 0;
    this.marks.destroy();
    this.frame.destroy();
    this.overlay.destroy();
    this.keeper.destroy();
  }
}
