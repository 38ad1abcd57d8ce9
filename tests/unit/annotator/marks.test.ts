/**
 * Highlights drawn as inert boxes: placed from the ranges' client rects, one per line, clipped by the
 * page's scrolling boxes, holding no text, and never registered where the page could list them. jsdom has
 * no layout, so each test gives the text a simple one: every character 8px wide, each paragraph on the line
 * its data-top says.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARK_FLASH_MS, Marks, mergeLineBoxes, type MarkSurface } from '../../../lib/annotator/marks';
import { safeDom } from '../../../lib/annotator/safe-dom';

const PAGE = `<!doctype html><html><body>
<p id="one" data-top="100">The council voted to close the bridge.</p>
<p id="two" data-top="140">A ferry will run every twenty minutes.</p>
<div id="scroller" style="overflow: auto" data-box="0,200,120,260"><p id="three" data-top="220">Inside a box that scrolls on its own.</p></div>
</body></html>`;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({
  left,
  top,
  right,
  bottom,
  width: right - left,
  height: bottom - top,
});

function setUp(scrollY = 0) {
  const dom = new JSDOM(PAGE, { pretendToBeVisual: true });
  const window = dom.window as unknown as Window & typeof globalThis;
  const document = window.document;
  // The simple layout: a range inside one text node covers 8px per character on its paragraph's line.
  Object.defineProperty(window.Range.prototype, 'getClientRects', {
    configurable: true,
    value(this: Range) {
      const parent = this.startContainer.parentElement!;
      const top = Number(parent.dataset.top) - scrollY;
      if (this.startContainer !== this.endContainer || this.collapsed) return [];
      return [rect(10 + 8 * this.startOffset, top, 10 + 8 * this.endOffset, top + 20)];
    },
  });
  Object.defineProperty(window.Element.prototype, 'getBoundingClientRect', {
    configurable: true,
    value(this: Element) {
      const [left, top, right, bottom] = (this.getAttribute('data-box') ?? '0,0,0,0').split(',').map(Number);
      return rect(left!, top! - scrollY, right!, bottom! - scrollY);
    },
  });
  for (const [name, index] of [
    ['clientWidth', 2],
    ['clientHeight', 3],
  ] as const)
    Object.defineProperty(window.Element.prototype, name, {
      configurable: true,
      get(this: Element) {
        const box = (this.getAttribute('data-box') ?? '0,0,0,0').split(',').map(Number);
        return index === 2 ? box[2]! - box[0]! : box[3]! - box[1]!;
      },
    });
  const layer = document.createElement('div');
  document.documentElement.append(layer);
  // The layer sits at the document's origin: scrolled by scrollY.
  const surface: MarkSurface = { layer: () => layer, origin: () => ({ x: 0, y: -scrollY }) };
  const marks = new Marks(window, surface, safeDom(window));
  const range = (id: string, text: string) => {
    const node = document.getElementById(id)!.firstChild as Text;
    const at = node.data.indexOf(text);
    const made = document.createRange();
    made.setStart(node, at);
    made.setEnd(node, at + text.length);
    return made;
  };
  const boxes = () =>
    [...layer.querySelectorAll<HTMLElement>('.mark')]
      .filter((element) => element.style.display !== 'none')
      .map((element) => ({
        kind: element.dataset.kind,
        left: element.style.left,
        top: element.style.top,
        width: element.style.width,
        height: element.style.height,
      }));
  return { window, document, marks, range, layer, boxes };
}

afterEach(() => vi.useRealTimers());

describe('marks', () => {
  it('draws a highlight as empty boxes in document coordinates, where its words are', () => {
    const { marks, range, layer, boxes } = setUp(50);
    marks.draw('a', range('two', 'ferry'), 'green');
    marks.redraw();
    // "ferry" starts at character 2 of its paragraph: 10 + 16 = 26px, on the line at 140 (document).
    expect(boxes()).toEqual([{ kind: 'green', left: '26px', top: '140px', width: '40px', height: '20px' }]);
    expect(layer.textContent).toBe('');
    expect(marks.drawnMarks()).toEqual([
      { kind: 'green', rects: [{ left: 26, top: 90, width: 40, height: 20 }] },
    ]);
  });

  it('never registers anything in CSS.highlights, which the page can read (finding 4)', () => {
    const { window, marks, range } = setUp();
    const registry = new Map<string, unknown>();
    Object.assign(window, { CSS: { highlights: registry }, Highlight: class {} });
    marks.draw('a', range('one', 'council'), 'yellow');
    marks.focus('a');
    marks.preview(range('two', 'ferry'));
    marks.flash(range('one', 'bridge'));
    marks.redraw();
    expect(registry.size).toBe(0);
  });

  it('tells which highlight is under the pointer, the shortest when they overlap', () => {
    const { marks, range } = setUp();
    marks.draw('long', range('one', 'The council voted'), 'yellow');
    marks.draw('short', range('one', 'council'), 'blue');
    marks.redraw();
    // "council" covers characters 4–11: 42px to 98px on the line 100–120.
    expect(marks.idAt(60, 110)).toBe('short');
    expect(marks.idAt(20, 110)).toBe('long');
    expect(marks.idAt(60, 130)).toBeNull();
    expect(marks.inReadingOrder()).toEqual(['long', 'short']);
    marks.remove('short');
    marks.redraw();
    expect(marks.idAt(60, 110)).toBe('long');
  });

  it('clips a passage in a box that scrolls on its own to what that box shows', () => {
    const { marks, range } = setUp();
    // The box shows x 0–120; the passage runs from 10 + 8 × 18 = 154px: all of it scrolled out of sight.
    marks.draw('hidden', range('three', 'scrolls on its own'), 'pink');
    marks.draw('partly', range('three', 'Inside a box that scrolls'), 'purple');
    marks.redraw();
    expect(marks.drawnMarks()).toEqual([
      { kind: 'purple', rects: [{ left: 10, top: 220, width: 110, height: 20 }] },
    ]);
  });

  it('marks the highlight in focus, the passage being noted, and a passage shown for a moment', () => {
    vi.useFakeTimers();
    const { marks, range, boxes } = setUp();
    marks.draw('a', range('one', 'council'), 'yellow');
    marks.focus('a');
    marks.preview(range('two', 'ferry'));
    marks.flash(range('one', 'bridge'));
    marks.redraw();
    expect(boxes().map((box) => box.kind)).toEqual(['yellow', 'pending', 'focus', 'passage']);
    vi.advanceTimersByTime(MARK_FLASH_MS);
    marks.preview(null);
    marks.focus(null);
    marks.redraw();
    expect(boxes().map((box) => box.kind)).toEqual(['yellow']);
  });

  it('follows the page when it scrolls a box or changes, once a frame', async () => {
    const { window, document, marks, range } = setUp();
    marks.draw('a', range('two', 'ferry'), 'green');
    marks.redraw();
    const redraw = vi.spyOn(marks, 'redraw');
    for (let i = 0; i < 5; i++) window.dispatchEvent(new window.Event('scroll'));
    document.getElementById('one')!.append(' More text.');
    await new Promise((resolve) => window.requestAnimationFrame(() => setTimeout(resolve, 0)));
    expect(redraw).toHaveBeenCalledOnce();
    marks.destroy();
    redraw.mockClear();
    window.dispatchEvent(new window.Event('scroll'));
    await new Promise((resolve) => window.requestAnimationFrame(() => setTimeout(resolve, 0)));
    expect(redraw).not.toHaveBeenCalled();
  });

  it('lays translucent paint once on each line', () => {
    const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
    expect(
      mergeLineBoxes([box(10, 100, 50, 120), box(50, 101, 90, 119), box(10, 130, 40, 150), box(0, 0, 0, 20)]),
    ).toEqual([box(10, 100, 90, 120), box(10, 130, 40, 150)]);
  });
});
