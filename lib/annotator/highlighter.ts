/**
 * Draws the reader's highlights in the page with the CSS Custom Highlight API: no element is added to
 * the page's DOM, so its scripts, layout and text are untouched, and removing a highlight leaves nothing
 * behind. One `Highlight` per colour (painted by HIGHLIGHT_CSS, which the extension adds as its own style
 * sheet so a page's Content-Security-Policy cannot block it), one more for the highlight in focus.
 */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../annotations/types';

export const highlightName = (colour: HighlightColour) => `scrutiny-${colour}`;
export const FOCUS_HIGHLIGHT = 'scrutiny-focus';
/** The passage a note is being written for, while the selection itself is gone (focus is in the editor). */
export const PENDING_HIGHLIGHT = 'scrutiny-pending';

/** Each colour's red, green and blue: the toolbar's swatches show it solid, the page translucent. */
export const COLOUR_RGB: Record<HighlightColour, string> = {
  yellow: '255, 214, 0',
  green: '64, 200, 90',
  blue: '80, 160, 255',
  pink: '255, 100, 170',
  purple: '170, 110, 255',
};

/** Translucent, so the page's own text colour stays readable on light and dark pages alike. */
const paint = (colour: HighlightColour) => `rgba(${COLOUR_RGB[colour]}, ${colour === 'yellow' ? 0.45 : 0.4})`;

export const HIGHLIGHT_CSS = [
  ...HIGHLIGHT_COLOURS.map(
    (colour) => `::highlight(${highlightName(colour)}) { background-color: ${paint(colour)}; }`,
  ),
  `::highlight(${FOCUS_HIGHLIGHT}) { background-color: rgba(255, 140, 0, 0.55); text-decoration: underline 2px; }`,
  `::highlight(${PENDING_HIGHLIGHT}) { background-color: rgba(26, 95, 209, 0.3); }`,
].join('\n');

interface HighlightWindow {
  Highlight?: new (...ranges: AbstractRange[]) => Highlight;
  CSS?: { highlights?: HighlightRegistry };
}

interface Drawn {
  range: Range;
  colour: HighlightColour;
}

/** Where in the text a point of the viewport falls, in whichever way the browser offers. */
function caretAt(document: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = withPosition.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export class Highlighter {
  private readonly drawn = new Map<string, Drawn>();
  private readonly window: Window & HighlightWindow;
  private focused: string | null = null;

  constructor(window: Window) {
    this.window = window as Window & HighlightWindow;
  }

  /** Whether this browser can draw highlights at all. */
  get supported(): boolean {
    return typeof this.window.Highlight === 'function' && Boolean(this.window.CSS?.highlights);
  }

  draw(id: string, range: Range, colour: HighlightColour): void {
    this.drawn.set(id, { range, colour });
    this.paint();
  }

  recolour(id: string, colour: HighlightColour): void {
    const drawn = this.drawn.get(id);
    if (!drawn) return;
    drawn.colour = colour;
    this.paint();
  }

  remove(id: string): void {
    if (!this.drawn.delete(id)) return;
    if (this.focused === id) this.focused = null;
    this.paint();
  }

  clear(): void {
    this.drawn.clear();
    this.focused = null;
    this.paint();
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
    this.paint();
  }

  /** Mark the passage a note is being written for (null: no longer). */
  preview(range: Range | null): void {
    const registry = this.window.CSS?.highlights;
    const HighlightClass = this.window.Highlight;
    if (!registry || !HighlightClass) return;
    if (range) registry.set(PENDING_HIGHLIGHT, new HighlightClass(range));
    else registry.delete(PENDING_HIGHLIGHT);
  }

  /** The ids of the drawn highlights in reading order. */
  inReadingOrder(): string[] {
    const START_TO_START = 0; // Range.START_TO_START, which test DOMs may not put on the window
    return [...this.drawn.entries()]
      .sort(([, a], [, b]) => a.range.compareBoundaryPoints(START_TO_START, b.range))
      .map(([id]) => id);
  }

  /** The highlight under a point of the viewport (the innermost, i.e. shortest, when they overlap), or null. */
  idAt(x: number, y: number): string | null {
    if (this.drawn.size === 0) return null;
    const caret = caretAt(this.window.document, x, y);
    if (!caret || caret.node.nodeType !== 3) return null;
    let best: string | null = null;
    let bestLength = Infinity;
    for (const [id, { range }] of this.drawn) {
      let inside = false;
      try {
        inside = range.isPointInRange(caret.node, caret.offset);
      } catch {
        continue;
      }
      // A caret at the end of a passage sits in it, but the point is already past the passage's last letter.
      if (!inside || (caret.node === range.endContainer && caret.offset === range.endOffset)) continue;
      const length = range.toString().length;
      if (length < bestLength) {
        best = id;
        bestLength = length;
      }
    }
    return best;
  }

  private paint(): void {
    const registry = this.window.CSS?.highlights;
    const HighlightClass = this.window.Highlight;
    if (!registry || !HighlightClass) return;
    for (const colour of HIGHLIGHT_COLOURS) {
      const ranges = [...this.drawn.values()]
        .filter((drawn) => drawn.colour === colour)
        .map((drawn) => drawn.range);
      if (ranges.length) registry.set(highlightName(colour), new HighlightClass(...ranges));
      else registry.delete(highlightName(colour));
    }
    const focused = this.focused === null ? undefined : this.drawn.get(this.focused);
    if (focused) {
      const highlight = new HighlightClass(focused.range);
      // Drawn above the colours, whatever order the registry keeps.
      highlight.priority = 1;
      registry.set(FOCUS_HIGHLIGHT, highlight);
    } else registry.delete(FOCUS_HIGHLIGHT);
  }
}
