// @vitest-environment jsdom
/** lib/anchor/flash: scrolling to a passage and lighting it up, on a jsdom page with the browser parts stubbed. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FLASH_MS,
  PASSAGE_HIGHLIGHT,
  PASSAGE_HIGHLIGHT_CSS,
  scrollTopFor,
  showRange,
} from '../../../lib/anchor/flash';

class FakeHighlight {
  ranges: AbstractRange[];
  constructor(...ranges: AbstractRange[]) {
    this.ranges = ranges;
  }
}

type Stubbed = Window & { Highlight?: unknown; CSS?: unknown };
const stubbed = window as Stubbed;

function passage(): Range {
  document.body.innerHTML = '<p>Before. <b>We fully</b> assure the world. After.</p>';
  const paragraph = document.querySelector('p')!;
  const range = document.createRange();
  range.setStart(paragraph.querySelector('b')!.firstChild!, 0);
  range.setEnd(paragraph.lastChild!, ' assure the world.'.length);
  return range;
}

let scrollTo: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers();
  scrollTo = vi.fn();
  window.scrollTo = scrollTo as unknown as typeof window.scrollTo;
  Range.prototype.getBoundingClientRect = () => ({ top: 1200, height: 40 }) as DOMRect;
  Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true });
});

afterEach(() => {
  vi.useRealTimers();
  delete stubbed.Highlight;
  delete stubbed.CSS;
  delete (window as { matchMedia?: unknown }).matchMedia;
  window.getSelection()?.removeAllRanges();
  document.body.textContent = '';
});

describe('showRange', () => {
  it('lights the passage up with a custom highlight for a moment, without touching the DOM', () => {
    const highlights = new Map<string, FakeHighlight>();
    stubbed.Highlight = FakeHighlight;
    stubbed.CSS = { highlights };
    const range = passage();
    const before = document.body.innerHTML;
    expect(showRange(range)).toBe('highlight');
    expect(highlights.get(PASSAGE_HIGHLIGHT)?.ranges[0]?.toString()).toBe('We fully assure the world.');
    expect(document.body.innerHTML).toBe(before);
    expect(window.getSelection()?.rangeCount).toBe(0);
    vi.advanceTimersByTime(FLASH_MS);
    expect(highlights.has(PASSAGE_HIGHLIGHT)).toBe(false);
  });

  it('does not let an earlier flash put out a newer one', () => {
    const highlights = new Map<string, FakeHighlight>();
    stubbed.Highlight = FakeHighlight;
    stubbed.CSS = { highlights };
    showRange(passage());
    vi.advanceTimersByTime(FLASH_MS - 500);
    showRange(passage());
    vi.advanceTimersByTime(600);
    expect(highlights.has(PASSAGE_HIGHLIGHT)).toBe(true);
    vi.advanceTimersByTime(FLASH_MS);
    expect(highlights.has(PASSAGE_HIGHLIGHT)).toBe(false);
  });

  it('selects the passage where the Highlight API is missing', () => {
    expect(showRange(passage())).toBe('selection');
    expect(window.getSelection()?.toString()).toBe('We fully assure the world.');
  });

  it('scrolls smoothly, or at once when the reader asked for reduced motion', () => {
    showRange(passage());
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 933, behavior: 'smooth' });
    (window as { matchMedia?: unknown }).matchMedia = (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
    });
    showRange(passage());
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 933, behavior: 'auto' });
  });

  it('jumps in a page nobody sees, where a smooth scroll may never run', () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    showRange(passage());
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 933, behavior: 'auto' });
    visibility.mockRestore();
  });

  it('styles its highlight by name', () => {
    expect(PASSAGE_HIGHLIGHT_CSS).toContain(`::highlight(${PASSAGE_HIGHLIGHT})`);
  });
});

describe('scrollTopFor', () => {
  it('puts a short passage a third down the viewport', () => {
    expect(scrollTopFor({ top: 500, height: 40 }, 1000, 900)).toBe(1500 - 300);
  });
  it('puts a passage taller than the viewport near the top', () => {
    expect(scrollTopFor({ top: 500, height: 2000 }, 0, 800)).toBe(500 - 80);
  });
  it('never scrolls above the page', () => {
    expect(scrollTopFor({ top: 10, height: 20 }, 0, 800)).toBe(0);
  });
});
