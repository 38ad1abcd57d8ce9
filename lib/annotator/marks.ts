/**
 * The reader's highlights in a web page, drawn as inert boxes.
 *
 * The CSS Custom Highlight API would be lighter, but `CSS.highlights` belongs to the page: its scripts
 * can list every range in it and read which passages the reader highlighted. So each highlight is drawn
 * as a few empty, absolutely positioned boxes (one per line of the passage) inside the annotator's closed
 * shadow root, placed from the Range's client rects. The boxes hold no text and take no pointer events:
 * the page's scripts cannot enumerate them, `window.find()` finds nothing in them, and clicks and hovers
 * go through to the page's text. The boxes live in document coordinates, so they scroll with the page by
 * themselves; a redraw (at most once a frame) follows scrolling boxes inside the page, resizes, fonts and
 * changes to the page's DOM.
 *
 * (The library's reader view, an extension page no web page can read, keeps the Highlight API: see
 * highlighter.ts.)
 */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../annotations/types';
import { COLOUR_RGB } from './highlighter';
import type { SafeDom } from './safe-dom';

/** What a box shows: a highlight's colour, the highlight under the pointer, a passage being noted, a flash. */
export type MarkKind = HighlightColour | 'focus' | 'pending' | 'passage';

const OVERLAY_KINDS = ['pending', 'focus', 'passage'] as const;

/**
 * Extension page → annotator, in test builds only: answer with the DrawnMark[] drawn now. The tests
 * check what the reader sees through it; a page can send no extension message, so it is no way in for one.
 */
export const DRAWN_MARKS_REQUEST = 'scrutiny/drawn-marks';

/** How long "show this highlight" lights the passage up. */
export const MARK_FLASH_MS = 3000;

/** A box in viewport coordinates. */
export interface MarkRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One drawn highlight (or focus, pending passage, flash): its kind and its boxes, in viewport coordinates. */
export interface DrawnMark {
  kind: MarkKind;
  rects: MarkRect[];
}

/** Where the boxes go: a layer inside the annotator's closed shadow root. */
export interface MarkSurface {
  /** The element the boxes are put in, or null while there is none. */
  layer(): HTMLElement | null;
  /** Where the layer's (0, 0) is in the viewport now. */
  origin(): { x: number; y: number };
}

/** Each kind's paint: translucent, so the page's text stays readable on light and dark pages alike. */
export function markPaint(kind: MarkKind): string {
  if ((HIGHLIGHT_COLOURS as readonly string[]).includes(kind))
    return `background: rgba(${COLOUR_RGB[kind as HighlightColour]}, ${kind === 'yellow' ? 0.42 : 0.36});`;
  if (kind === 'focus')
    return 'background: rgba(255, 140, 0, 0.3); box-shadow: inset 0 -2px 0 rgba(230, 110, 0, 0.95);';
  if (kind === 'pending') return 'background: rgba(26, 95, 209, 0.28);';
  return 'background: rgba(255, 213, 79, 0.55); outline: 2px solid rgba(230, 160, 0, 0.9);';
}

/** The style sheet for the boxes, for the shadow root they are drawn in. */
export const MARKS_CSS = [
  '.mark { position: absolute; pointer-events: none; border-radius: 2px; margin: 0; padding: 0; }',
  ...[...HIGHLIGHT_COLOURS, ...OVERLAY_KINDS].map(
    (kind) => `.mark[data-kind="${kind}"] { ${markPaint(kind)} }`,
  ),
].join('\n');

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Drawn {
  range: Range;
  colour: HighlightColour;
  /** Its boxes at the last redraw, in the layer's coordinates. */
  boxes: Box[];
}

const area = (box: Box) => Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);

function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/** Boxes of one line that touch or overlap become one, so translucent paint is laid on once. */
export function mergeLineBoxes(boxes: Box[]): Box[] {
  const sorted = boxes
    .filter((box) => box.right - box.left > 0.5 && box.bottom - box.top > 0.5)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const merged: Box[] = [];
  for (const box of sorted) {
    const sameLine = merged.find((other) => {
      const overlap = Math.min(other.bottom, box.bottom) - Math.max(other.top, box.top);
      const shorter = Math.min(other.bottom - other.top, box.bottom - box.top);
      return overlap > shorter / 2 && box.left <= other.right + 1 && box.right >= other.left - 1;
    });
    if (sameLine) {
      sameLine.left = Math.min(sameLine.left, box.left);
      sameLine.right = Math.max(sameLine.right, box.right);
      sameLine.top = Math.min(sameLine.top, box.top);
      sameLine.bottom = Math.max(sameLine.bottom, box.bottom);
    } else merged.push({ ...box });
  }
  return merged;
}

export class Marks {
  private readonly drawn = new Map<string, Drawn>();
  private focused: string | null = null;
  private pending: { range: Range; boxes: Box[] } | null = null;
  private flashed: { range: Range; boxes: Box[] } | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | null = null;
  private readonly pool: HTMLElement[] = [];
  private watching = false;
  private mutationObserver: MutationObserver | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private readonly onChange = () => this.scheduleRedraw();

  constructor(
    private readonly window: Window,
    private readonly surface: MarkSurface,
    private readonly dom: SafeDom,
  ) {}

  private get document(): Document {
    return this.window.document;
  }

  draw(id: string, range: Range, colour: HighlightColour): void {
    this.drawn.set(id, { range, colour, boxes: [] });
    this.changed();
  }

  recolour(id: string, colour: HighlightColour): void {
    const drawn = this.drawn.get(id);
    if (!drawn) return;
    drawn.colour = colour;
    this.changed();
  }

  remove(id: string): void {
    if (!this.drawn.delete(id)) return;
    if (this.focused === id) this.focused = null;
    this.changed();
  }

  clear(): void {
    this.drawn.clear();
    this.focused = null;
    this.pending = null;
    this.changed();
  }

  rangeOf(id: string): Range | null {
    return this.drawn.get(id)?.range ?? null;
  }

  ids(): string[] {
    return [...this.drawn.keys()];
  }

  /** Set (or, with null, clear) the highlight shown in focus. */
  focus(id: string | null): void {
    const next = id !== null && this.drawn.has(id) ? id : null;
    if (next === this.focused) return;
    this.focused = next;
    this.changed();
  }

  /** Mark the passage a note is being written for (null: no longer). */
  preview(range: Range | null): void {
    this.pending = range ? { range, boxes: [] } : null;
    this.changed();
  }

  /** Light a passage up for MARK_FLASH_MS. */
  flash(range: Range): void {
    this.flashed = { range, boxes: [] };
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      this.flashed = null;
      this.changed();
    }, MARK_FLASH_MS);
    this.changed();
  }

  /** The ids of the drawn highlights in reading order. */
  inReadingOrder(): string[] {
    const START_TO_START = 0; // Range.START_TO_START, which test DOMs may not put on the window
    return [...this.drawn.entries()]
      .sort(([, a], [, b]) => {
        try {
          return a.range.compareBoundaryPoints(START_TO_START, b.range);
        } catch {
          return 0;
        }
      })
      .map(([id]) => id);
  }

  /** The highlight under a point of the viewport (the shortest when they overlap), or null. */
  idAt(x: number, y: number): string | null {
    if (this.drawn.size === 0) return null;
    const origin = this.surface.origin();
    const px = x - origin.x;
    const py = y - origin.y;
    let best: string | null = null;
    let bestLength = Infinity;
    for (const [id, drawn] of this.drawn) {
      if (!drawn.boxes.some((box) => px >= box.left && px < box.right && py >= box.top && py < box.bottom))
        continue;
      const length = drawn.range.toString().length;
      if (length < bestLength) {
        best = id;
        bestLength = length;
      }
    }
    return best;
  }

  /** What is drawn now, in viewport coordinates (for the extension's own tests, never for the page). */
  drawnMarks(): DrawnMark[] {
    this.redraw();
    const origin = this.surface.origin();
    const toRects = (boxes: Box[]): MarkRect[] =>
      boxes.map((box) => ({
        left: box.left + origin.x,
        top: box.top + origin.y,
        width: box.right - box.left,
        height: box.bottom - box.top,
      }));
    const marks: DrawnMark[] = this.inReadingOrder().map((id) => {
      const drawn = this.drawn.get(id)!;
      return { kind: drawn.colour, rects: toRects(drawn.boxes) };
    });
    if (this.pending) marks.push({ kind: 'pending', rects: toRects(this.pending.boxes) });
    const focused = this.focused === null ? undefined : this.drawn.get(this.focused);
    if (focused) marks.push({ kind: 'focus', rects: toRects(focused.boxes) });
    if (this.flashed) marks.push({ kind: 'passage', rects: toRects(this.flashed.boxes) });
    return marks.filter((mark) => mark.rects.length > 0);
  }

  private changed(): void {
    this.updateWatching();
    this.scheduleRedraw();
  }

  private get empty(): boolean {
    return this.drawn.size === 0 && !this.pending && !this.flashed;
  }

  /** Redraw at the next frame (once, however many changes come before it). */
  scheduleRedraw(): void {
    if (this.frame !== null) return;
    const view = this.window as Window & typeof globalThis;
    if (typeof view.requestAnimationFrame !== 'function') {
      this.redraw();
      return;
    }
    this.frame = view.requestAnimationFrame(() => {
      this.frame = null;
      this.redraw();
    });
  }

  /** Place every box again from the ranges' current client rects. */
  redraw(): void {
    const layer = this.surface.layer();
    const origin = this.surface.origin();
    const clips = new Map<Element, Box | null>();
    const place = (range: Range) => this.boxesOf(range, origin, clips);
    for (const drawn of this.drawn.values()) drawn.boxes = place(drawn.range);
    if (this.pending) this.pending.boxes = place(this.pending.range);
    if (this.flashed) this.flashed.boxes = place(this.flashed.range);
    if (!layer) return;
    // `group` tells the boxes of one highlight from those of the next (a number, never an id or a word).
    const painted: { kind: MarkKind; group: number; box: Box }[] = [];
    let group = 0;
    const paint = (kind: MarkKind, boxes: Box[]) => {
      group++;
      for (const box of boxes) painted.push({ kind, group, box });
    };
    for (const id of this.inReadingOrder()) {
      const drawn = this.drawn.get(id)!;
      paint(drawn.colour, drawn.boxes);
    }
    if (this.pending) paint('pending', this.pending.boxes);
    const focused = this.focused === null ? undefined : this.drawn.get(this.focused);
    if (focused) paint('focus', focused.boxes);
    if (this.flashed) paint('passage', this.flashed.boxes);
    painted.forEach(({ kind, group, box }, index) => {
      let element = this.pool[index];
      if (!element) {
        element = this.dom.createElement(this.document, 'div');
        element.className = 'mark';
        this.pool.push(element);
      }
      if (this.dom.parentNode(element) !== layer) this.dom.appendChild(layer, element);
      element.dataset.kind = kind;
      element.dataset.mark = String(group);
      const style = element.style;
      style.setProperty('left', `${box.left}px`);
      style.setProperty('top', `${box.top}px`);
      style.setProperty('width', `${box.right - box.left}px`);
      style.setProperty('height', `${box.bottom - box.top}px`);
      style.removeProperty('display');
    });
    for (const element of this.pool.slice(painted.length)) element.style.setProperty('display', 'none');
  }

  /** The range's line boxes in the layer's coordinates, clipped by the boxes that scroll inside the page. */
  private boxesOf(range: Range, origin: { x: number; y: number }, clips: Map<Element, Box | null>): Box[] {
    const boxes: Box[] = [];
    let walker: TreeWalker;
    let root: Node;
    try {
      root = range.commonAncestorContainer;
      walker = this.dom.textWalker(this.document, root);
    } catch {
      return [];
    }
    const visit = (text: Text) => {
      if (!range.intersectsNode(text)) return;
      const piece = this.dom.createRange(this.document);
      piece.selectNodeContents(text);
      if (text === range.startContainer) piece.setStart(text, range.startOffset);
      if (text === range.endContainer) piece.setEnd(text, range.endOffset);
      if (piece.collapsed || typeof piece.getClientRects !== 'function') return;
      const parent = this.dom.elementOf(text);
      const clip = parent ? this.clipOf(parent, clips) : null;
      for (const rect of piece.getClientRects()) {
        let box: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
        if (clip) box = intersect(box, clip);
        if (area(box) <= 0) continue;
        boxes.push({
          left: box.left - origin.x,
          top: box.top - origin.y,
          right: box.right - origin.x,
          bottom: box.bottom - origin.y,
        });
      }
    };
    if (this.dom.nodeType(root) === 3) visit(root as Text);
    else for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Text);
    return mergeLineBoxes(boxes);
  }

  /** The part of the viewport where `element`'s content can show: every scrolling box around it clips it. */
  private clipOf(element: Element, clips: Map<Element, Box | null>): Box | null {
    if (clips.has(element)) return clips.get(element)!;
    const document = this.document;
    let clip: Box | null = null;
    if (element !== this.dom.body(document) && element !== this.dom.documentElement(document)) {
      const parent = this.dom.parentNode(element);
      const outer = parent && this.dom.nodeType(parent) === 1 ? this.clipOf(parent as Element, clips) : null;
      let own: Box | null = null;
      const style = this.window.getComputedStyle(element);
      const scrolls = [style.overflowX, style.overflowY, style.overflow].some(
        (value) => value && value !== 'visible',
      );
      if (scrolls) own = this.dom.clientBox(element);
      clip = own && outer ? intersect(own, outer) : (own ?? outer);
    }
    clips.set(element, clip);
    return clip;
  }

  /** Follow the page's layout only while something is drawn. */
  private updateWatching(): void {
    const want = !this.empty;
    if (want === this.watching) return;
    this.watching = want;
    const view = this.window as Window & typeof globalThis;
    const options = { capture: true, passive: true };
    if (want) {
      view.addEventListener('scroll', this.onChange, options);
      view.addEventListener('resize', this.onChange, options);
      view.addEventListener('load', this.onChange, options);
      this.document.fonts?.addEventListener?.('loadingdone', this.onChange);
      if (typeof view.MutationObserver === 'function') {
        this.mutationObserver = new view.MutationObserver(this.onChange);
        const body = this.dom.body(this.document) ?? this.dom.documentElement(this.document);
        if (body)
          this.mutationObserver.observe(body, {
            childList: true,
            subtree: true,
            characterData: true,
            attributes: true,
          });
      }
      if (typeof view.ResizeObserver === 'function') {
        this.resizeObserver = new view.ResizeObserver(this.onChange);
        const root = this.dom.documentElement(this.document);
        const body = this.dom.body(this.document);
        if (root) this.resizeObserver.observe(root);
        if (body) this.resizeObserver.observe(body);
      }
    } else {
      view.removeEventListener('scroll', this.onChange, options);
      view.removeEventListener('resize', this.onChange, options);
      view.removeEventListener('load', this.onChange, options);
      this.document.fonts?.removeEventListener?.('loadingdone', this.onChange);
      this.mutationObserver?.disconnect();
      this.mutationObserver = null;
      this.resizeObserver?.disconnect();
      this.resizeObserver = null;
    }
  }

  destroy(): void {
    this.drawn.clear();
    this.pending = null;
    this.flashed = null;
    this.focused = null;
    clearTimeout(this.flashTimer);
    if (this.frame !== null) (this.window as Window & typeof globalThis).cancelAnimationFrame?.(this.frame);
    this.frame = null;
    this.updateWatching();
    for (const element of this.pool) this.dom.removeChild(element);
    this.pool.length = 0;
  }
}
