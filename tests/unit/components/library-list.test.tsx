// @vitest-environment jsdom
/** The library's list keeps only the rows around the screen in the DOM, and asks for missing ones. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { LibraryList, loadingStatus, mergeRows, ROW_HEIGHT } from '../../../components/library/LibraryList';
import type { LibraryRow } from '../../../lib/library/catalog';

afterEach(() => {
  document.body.textContent = '';
});

function row(index: number, change: Partial<LibraryRow> = {}): LibraryRow {
  return {
    id: `id-${index}`,
    kind: 'article',
    title: `Story ${index}`,
    detail: 'Harbor Daily · Jane Doe',
    excerpt: `The ferry runs ${index} times`,
    note: '',
    terms: [],
    date: '2026-12-01T10:00:00.000Z',
    published: null,
    tags: [],
    collectionIds: [],
    articleId: `id-${index}`,
    url: `https://harbor.example/${index}`,
    colour: null,
    versionCount: 1,
    ...change,
  };
}

function mount(total: number, rows: Map<number, LibraryRow>) {
  const container = document.createElement('div');
  document.body.append(container);
  const requestRows = vi.fn();
  const onOpen = vi.fn();
  const onToggle = vi.fn();
  act(() =>
    render(
      <LibraryList
        total={total}
        rows={rows}
        requestRows={requestRows}
        selected={new Set(['id-1'])}
        onToggle={onToggle}
        onOpen={onOpen}
        collections={new Map()}
        resultKey={1}
      />,
      container,
    ),
  );
  return { container, requestRows, onOpen, onToggle };
}

describe('LibraryList', () => {
  it('puts only the rows near the screen into the DOM, sized for the whole list', () => {
    const rows = new Map(Array.from({ length: 20 }, (_, index) => [index, row(index)] as const));
    const { container, requestRows } = mount(100_000, rows);
    const list = container.querySelector<HTMLElement>('.library-rows')!;
    expect(list.style.height).toBe(`${100_000 * ROW_HEIGHT}px`);
    const shown = container.querySelectorAll('[data-testid="library-item"]');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(20);
    expect(requestRows).not.toHaveBeenCalled();
    expect(container.querySelector('[aria-posinset="1"]')?.getAttribute('aria-setsize')).toBe('100000');
  });

  it('asks for the rows it does not have yet', () => {
    const { requestRows } = mount(500, new Map());
    expect(requestRows).toHaveBeenCalledWith(0, expect.any(Number));
  });

  it('marks matches, opens saved articles and selects items', () => {
    const rows = new Map([
      [0, row(0, { terms: ['ferry'] })],
      [1, row(1)],
    ]);
    const { container, onOpen, onToggle } = mount(2, rows);
    expect(container.querySelector('mark')?.textContent).toBe('ferry');
    const boxes = container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    expect(boxes[1]!.checked).toBe(true);
    act(() => boxes[0]!.click());
    expect(onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: 'id-0' }), true);
    act(() => container.querySelector<HTMLButtonElement>('[data-testid="open-item"]')!.click());
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'id-0' }));
  });

  it('links an item without a saved copy to its page, as text', () => {
    const rows = new Map([[0, row(0, { kind: 'highlight', articleId: null, title: '<b>x</b>' })]]);
    const { container } = mount(1, rows);
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://harbor.example/0');
    expect(link.textContent).toBe('<b>x</b>');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('keeps a row still on screen when the list scrolls, and moves the rows as one', () => {
    const rows = new Map(Array.from({ length: 40 }, (_, index) => [index, row(index)] as const));
    const { container } = mount(40, rows);
    const scroller = container.querySelector<HTMLElement>('[data-testid="library-list"]')!;
    const window = container.querySelector<HTMLElement>('.library-window')!;
    expect(window.style.transform).toBe('translateY(0px)');
    const before = container.querySelector('[aria-posinset="6"]');
    act(() => {
      scroller.scrollTop = 8 * ROW_HEIGHT;
      scroller.dispatchEvent(new Event('scroll'));
    });
    // Three rows above the screen stay in the DOM (overscan): the list starts at row 6.
    expect(window.style.transform).toBe(`translateY(${5 * ROW_HEIGHT}px)`);
    expect(container.querySelector('[aria-posinset="1"]')).toBeNull();
    expect(before).not.toBeNull();
    expect(container.querySelector('[aria-posinset="6"]')).toBe(before);
  });
});

describe('LibraryList in a fling', () => {
  afterEach(() => vi.useRealTimers());

  it('shows rows without their excerpt or checkbox while the list moves a screen at a time, whole once it rests', () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
    });
    const rows = new Map(Array.from({ length: 400 }, (_, index) => [index, row(index)] as const));
    const { container } = mount(400, rows);
    const scroller = container.querySelector<HTMLElement>('[data-testid="library-list"]')!;
    Object.defineProperty(scroller, 'clientHeight', { value: 4 * ROW_HEIGHT });
    const scrollTo = (rowIndex: number) =>
      act(() => {
        scroller.scrollTop = rowIndex * ROW_HEIGHT;
        scroller.dispatchEvent(new Event('scroll'));
      });
    const full = () => container.querySelectorAll('[data-testid="library-item"]').length;
    const glimpsed = () => container.querySelectorAll('.library-row-glimpsed');

    // One long step (a jump, a page down) is not a fling.
    scrollTo(100);
    expect(glimpsed()).toHaveLength(0);
    expect(full()).toBeGreaterThan(0);

    scrollTo(104);
    expect(full()).toBe(0);
    expect(glimpsed().length).toBeGreaterThan(0);
    expect(glimpsed()[0]!.textContent).toContain('Story');
    expect(container.querySelector('input[type="checkbox"]')).toBeNull();

    // At rest, the rows become whole a few a frame, those on screen first.
    act(() => {
      vi.advanceTimersByTime(150);
    });
    expect(full()).toBe(4);
    expect(glimpsed().length).toBeGreaterThan(0);
    expect(
      [...container.querySelectorAll('[data-testid="library-item"]')].map((item) =>
        item.getAttribute('aria-posinset'),
      ),
    ).toEqual(['105', '106', '107', '108']);
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(glimpsed()).toHaveLength(0);
    expect(full()).toBeGreaterThan(0);
    expect(container.querySelector('[aria-posinset="105"] [data-testid="item-excerpt"]')?.textContent).toBe(
      'The ferry runs 104 times',
    );
  });

  it('is not a fling when the list moves less than a screen at a time', () => {
    const rows = new Map(Array.from({ length: 400 }, (_, index) => [index, row(index)] as const));
    const { container } = mount(400, rows);
    const scroller = container.querySelector<HTMLElement>('[data-testid="library-list"]')!;
    Object.defineProperty(scroller, 'clientHeight', { value: 4 * ROW_HEIGHT });
    for (let step = 1; step <= 10; step++)
      act(() => {
        scroller.scrollTop = step * 3 * ROW_HEIGHT;
        scroller.dispatchEvent(new Event('scroll'));
      });
    expect(container.querySelectorAll('.library-row-glimpsed')).toHaveLength(0);
  });
});

describe('mergeRows', () => {
  it('puts fetched rows in place and forgets rows far from them', () => {
    const near = mergeRows(new Map([[0, row(0)]]), 1, [row(1), row(2)]);
    expect([...near.keys()]).toEqual([0, 1, 2]);
    const far = mergeRows(near, 50_000, [row(50_000)]);
    expect([...far.keys()]).toEqual([50_000]);
  });
});

describe('loadingStatus', () => {
  it('says how far opening the library got, and what the list shows meanwhile', () => {
    expect(loadingStatus(null, false)).toBe('Opening your library…');
    expect(loadingStatus({ phase: 'reading', done: 40_000, total: 110_997 }, true)).toBe(
      'Reading your library… 40,000 of 110,997 items. Meanwhile, your saved articles, newest first.',
    );
    expect(loadingStatus({ phase: 'indexing', done: 5, total: 9 }, false)).toBe(
      'Preparing search… 5 of 9 items.',
    );
  });
});
