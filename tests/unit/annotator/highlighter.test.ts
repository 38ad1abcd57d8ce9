/**
 * Drawing highlights through the CSS Custom Highlight API. jsdom has no such API, so the registry is a
 * Map and Highlight a list of ranges; the e2e tests check the real painting in Chromium and Firefox.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  FOCUS_HIGHLIGHT,
  HIGHLIGHT_CSS,
  Highlighter,
  highlightName,
} from '../../../lib/annotator/highlighter';

class FakeHighlight {
  ranges: Range[];
  priority = 0;
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

function setUp() {
  const dom = new JSDOM(
    '<!doctype html><body><p id="a">Alpha beta gamma</p><p id="b">Delta epsilon</p></body>',
  );
  const window = dom.window as unknown as Window & { Highlight: unknown; CSS: unknown };
  const registry = new Map<string, FakeHighlight>();
  window.Highlight = FakeHighlight;
  window.CSS = { highlights: registry };
  const document = window.document;
  const rangeOver = (id: string, start: number, end: number) => {
    const text = document.getElementById(id)!.firstChild!;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    return range;
  };
  return { window, document, registry, rangeOver, highlighter: new Highlighter(window) };
}

describe('the highlighter', () => {
  it('keeps one highlight per colour in the registry and empties it when the last one goes', () => {
    const { registry, rangeOver, highlighter } = setUp();
    expect(highlighter.supported).toBe(true);
    highlighter.draw('one', rangeOver('a', 0, 5), 'yellow');
    highlighter.draw('two', rangeOver('b', 0, 5), 'yellow');
    highlighter.draw('three', rangeOver('a', 6, 10), 'blue');
    expect(registry.get(highlightName('yellow'))?.ranges.map(String)).toEqual(['Alpha', 'Delta']);
    expect(registry.get(highlightName('blue'))?.ranges.map(String)).toEqual(['beta']);
    highlighter.recolour('three', 'yellow');
    expect(registry.has(highlightName('blue'))).toBe(false);
    expect(registry.get(highlightName('yellow'))?.ranges).toHaveLength(3);
    highlighter.remove('one');
    highlighter.remove('two');
    highlighter.remove('three');
    expect([...registry.keys()]).toEqual([]);
  });

  it('lists highlights in reading order, whatever order they were drawn in', () => {
    const { rangeOver, highlighter } = setUp();
    highlighter.draw('last', rangeOver('b', 6, 13), 'green');
    highlighter.draw('first', rangeOver('a', 0, 5), 'green');
    highlighter.draw('middle', rangeOver('a', 11, 16), 'pink');
    expect(highlighter.inReadingOrder()).toEqual(['first', 'middle', 'last']);
  });

  it('draws the focused highlight above the others and forgets it when it is removed', () => {
    const { registry, rangeOver, highlighter } = setUp();
    highlighter.draw('one', rangeOver('a', 0, 5), 'yellow');
    highlighter.focus('one');
    expect(registry.get(FOCUS_HIGHLIGHT)?.priority).toBe(1);
    expect(registry.get(FOCUS_HIGHLIGHT)?.ranges.map(String)).toEqual(['Alpha']);
    highlighter.focus('unknown');
    expect(registry.has(FOCUS_HIGHLIGHT)).toBe(false);
    highlighter.focus('one');
    highlighter.remove('one');
    expect(registry.has(FOCUS_HIGHLIGHT)).toBe(false);
  });

  it('finds the innermost highlight under a point, and none just past a passage', () => {
    const { document, rangeOver, highlighter } = setUp();
    const text = document.getElementById('a')!.firstChild!;
    let caret = 7;
    Object.defineProperty(document, 'caretPositionFromPoint', {
      value: () => ({ offsetNode: text, offset: caret }),
    });
    highlighter.draw('outer', rangeOver('a', 0, 16), 'yellow');
    highlighter.draw('inner', rangeOver('a', 6, 10), 'blue');
    expect(highlighter.idAt(1, 1)).toBe('inner');
    caret = 2;
    expect(highlighter.idAt(1, 1)).toBe('outer');
    caret = 16;
    expect(highlighter.idAt(1, 1)).toBeNull();
  });

  it('has a paint rule for every colour and for the focus', () => {
    for (const colour of ['yellow', 'green', 'blue', 'pink', 'purple'] as const)
      expect(HIGHLIGHT_CSS).toContain(`::highlight(${highlightName(colour)})`);
    expect(HIGHLIGHT_CSS).toContain(`::highlight(${FOCUS_HIGHLIGHT})`);
  });
});
