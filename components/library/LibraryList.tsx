/**
 * The library's list: only the rows on screen (and a few around them) are in the DOM, asked of the
 * catalog a page at a time, so 100,000 items scroll as lightly as ten.
 */
import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryRow, LoadProgress } from '@/lib/library/catalog';
import type { Collection } from '@/lib/library/types';
import { MarkedText } from './MarkedText';

/** Every row is this tall (CSS keeps it so): the list computes what is on screen from the scroll offset. */
export const ROW_HEIGHT = 116;
/** Rows made beyond each edge of the screen, for the frames where the browser scrolls ahead of the page. */
const OVERSCAN = 3;
/**
 * A fling: two scroll steps in a row, this close in time, each of a screen or more. Until the list has
 * rested for SETTLE_MS, its rows show only what a reader can take in at that speed (kind, source,
 * title): a full row for every screen passed in every frame is what made those frames long.
 */
const FLING_STEP_MS = 100;
const SETTLE_MS = 150;
/**
 * After a fling, glimpses become full rows this many a frame, those on screen first: all of them in one
 * frame was that frame's long task.
 */
const ROWS_MADE_WHOLE_PER_FRAME = 4;
/** Rows kept around the latest ones fetched; farther ones are fetched again if the reader scrolls back. */
const KEPT_ROWS = 1_000;

const KIND_NAMES: Record<LibraryRow['kind'], string> = {
  article: 'Article',
  clipping: 'Clipping',
  highlight: 'Highlight',
  note: 'Note',
};

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export function formatDay(iso: string | null): string {
  if (!iso) return '';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : DAY.format(time);
}

/** `rows` with `fetched` put in from `offset`, keeping only the KEPT_ROWS nearest to them. */
export function mergeRows(
  rows: ReadonlyMap<number, LibraryRow>,
  offset: number,
  fetched: readonly LibraryRow[],
): Map<number, LibraryRow> {
  const next = new Map<number, LibraryRow>();
  const from = offset - KEPT_ROWS / 2;
  const to = offset + fetched.length + KEPT_ROWS / 2;
  for (const [index, row] of rows) if (index >= from && index < to) next.set(index, row);
  fetched.forEach((row, at) => next.set(offset + at, row));
  return next;
}

/** What the status line says while the catalog opens, and whether saved articles are listed meanwhile. */
export function loadingStatus(progress: LoadProgress | null, articlesShown: boolean): string {
  const meanwhile = articlesShown ? ' Meanwhile, your saved articles, newest first.' : '';
  if (!progress) return `Opening your library…${meanwhile}`;
  const count = `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`;
  return progress.phase === 'reading'
    ? `Reading your library… ${count} items.${meanwhile}`
    : `Preparing search… ${count} items.${meanwhile}`;
}

export interface LibraryListProps {
  total: number;
  /** Rows known so far, by their index in the result. */
  rows: Map<number, LibraryRow>;
  /** Ask for the rows from `offset` (the list calls it as it scrolls). */
  requestRows(offset: number, limit: number): void;
  selected: ReadonlySet<string>;
  onToggle(row: LibraryRow, selected: boolean): void;
  onOpen(row: LibraryRow): void;
  collections: ReadonlyMap<string, Collection>;
  /** Changes whenever the result changes, to scroll back to the top. */
  resultKey: number;
}

export function LibraryList(props: LibraryListProps) {
  const { total, rows, requestRows, selected, onToggle, onOpen, collections, resultKey } = props;
  const scroller = useRef<HTMLDivElement>(null);
  /** `screen`: the first row on screen (the window starts up to OVERSCAN rows above it). */
  const [window, setWindow] = useState({ first: 0, count: 20, screen: 0 });
  /** How many of the window's rows show whole, those on screen first: none in a fling, all at rest. */
  const [wholeRows, setWholeRows] = useState(Infinity);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setWindow((current) => ({ ...current, first: 0, screen: 0 }));
  }, [resultKey]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let lastFirst = 0;
    let lastLongStep = -Infinity;
    let count = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    const stopSettling = () => {
      clearTimeout(settle);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
    const makeWhole = (made: number) => {
      if (made >= count) return setWholeRows(Infinity);
      setWholeRows(made);
      frame = requestAnimationFrame(() => makeWhole(made + ROWS_MADE_WHOLE_PER_FRAME));
    };
    const measure = () => {
      const onScreen = Math.ceil(element.clientHeight / ROW_HEIGHT);
      const screen = Math.floor(element.scrollTop / ROW_HEIGHT);
      const first = Math.max(0, screen - OVERSCAN);
      count = onScreen + OVERSCAN * 2;
      const now = performance.now();
      if (Math.abs(first - lastFirst) >= Math.max(1, onScreen)) {
        if (now - lastLongStep < FLING_STEP_MS) {
          stopSettling();
          setWholeRows(0);
          settle = setTimeout(() => makeWhole(ROWS_MADE_WHOLE_PER_FRAME), SETTLE_MS);
        }
        lastLongStep = now;
      }
      lastFirst = first;
      setWindow((current) =>
        current.first === first && current.count === count && current.screen === screen
          ? current
          : { first, count, screen },
      );
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(element);
    return () => {
      stopSettling();
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);

  const last = Math.min(total, window.first + window.count);
  useEffect(() => {
    for (let index = window.first; index < last; index++) {
      if (!rows.has(index)) {
        requestRows(window.first, last - window.first);
        return;
      }
    }
  }, [window.first, last, rows, requestRows]);

  // The rows on screen sit in one list in normal flow, moved as a whole with a transform: scrolling
  // changes one property, and each row (fixed height, `contain: strict`) lays out and paints on its own.
  // Rows are keyed by item, so one still on screen after a scroll is kept, not made again.
  const shown: preact.JSX.Element[] = [];
  for (let index = window.first; index < last; index++) {
    const row = rows.get(index);
    // Rows on screen come first, top down; then those below, then those above.
    const rank = index >= window.screen ? index - window.screen : window.count + window.screen - index;
    shown.push(
      row && rank >= wholeRows ? (
        <GlimpsedRow key={row.id} index={index} total={total} row={row} />
      ) : row ? (
        <RowView
          key={row.id}
          index={index}
          total={total}
          row={row}
          selected={selected.has(row.id)}
          onToggle={onToggle}
          onOpen={onOpen}
          collections={collections}
        />
      ) : (
        <li key={`pending-${index}`} class="library-row" aria-posinset={index + 1} aria-setsize={total}>
          <span class="library-row-pending">…</span>
        </li>
      ),
    );
  }

  return (
    <div class="library-scroller" ref={scroller} tabIndex={-1} data-testid="library-list">
      <div class="library-rows" style={{ height: `${total * ROW_HEIGHT}px` }}>
        <ul
          class="library-window"
          style={{ transform: `translateY(${window.first * ROW_HEIGHT}px)` }}
          aria-label="Library items"
        >
          {shown}
        </ul>
      </div>
    </div>
  );
}

/** A row as it flies past in a fling: its kind, source and title, nothing to act on. */
const GlimpsedRow = memo(function GlimpsedRow({
  index,
  total,
  row,
}: {
  index: number;
  total: number;
  row: LibraryRow;
}) {
  return (
    <li class="library-row library-row-glimpsed" aria-posinset={index + 1} aria-setsize={total}>
      <p class="library-item-meta">
        <span class="library-kind">{KIND_NAMES[row.kind]}</span> · {row.detail}
      </p>
      <p class="library-item-title">{row.title}</p>
    </li>
  );
});

interface RowViewProps {
  index: number;
  total: number;
  row: LibraryRow;
  selected: boolean;
  onToggle(row: LibraryRow, selected: boolean): void;
  onOpen(row: LibraryRow): void;
  collections: ReadonlyMap<string, Collection>;
}

/** One row; rendered again only when what it shows changed (the list re-renders on every scroll step). */
const RowView = memo(function RowView({
  index,
  total,
  row,
  selected,
  onToggle,
  onOpen,
  collections,
}: RowViewProps) {
  const names = row.collectionIds.map((id) => collections.get(id)?.name).filter(Boolean);
  const meta = [
    row.detail,
    row.published && `published ${formatDay(row.published)}`,
    `${row.kind === 'article' ? 'saved' : 'added'} ${formatDay(row.date)}`,
    row.versionCount > 1 && `${row.versionCount} versions`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li
      class="library-row library-item"
      aria-posinset={index + 1}
      aria-setsize={total}
      data-kind={row.kind}
      data-colour={row.colour ?? undefined}
      data-testid="library-item"
    >
      <input
        type="checkbox"
        class="library-select"
        checked={selected}
        aria-label={`Select ${KIND_NAMES[row.kind].toLowerCase()}: ${row.title}`}
        onChange={(event) => onToggle(row, event.currentTarget.checked)}
      />
      <div class="library-item-body">
        <p class="library-item-meta">
          <span class="library-kind">{KIND_NAMES[row.kind]}</span> · {meta}
        </p>
        <h3 class="library-item-title">
          {row.articleId ? (
            <button type="button" class="link-button" onClick={() => onOpen(row)} data-testid="open-item">
              <MarkedText text={row.title} terms={row.terms} />
            </button>
          ) : (
            <a href={row.url} target="_blank" rel="noopener noreferrer">
              <MarkedText text={row.title} terms={row.terms} />
            </a>
          )}
        </h3>
        <p class="library-item-excerpt" data-testid="item-excerpt">
          <MarkedText text={row.excerpt} terms={row.terms} />
        </p>
        {(row.note || row.tags.length > 0 || names.length > 0) && (
          <p class="library-item-extra">
            {row.note && (
              <span class="library-note">
                Note: <MarkedText text={row.note} terms={row.terms} />
              </span>
            )}
            {names.map((name) => (
              <span class="tag collection-tag" key={name}>
                {name}
              </span>
            ))}
            {row.tags.map((tag) => (
              <span class="tag" key={tag}>
                #{tag}
              </span>
            ))}
          </p>
        )}
      </div>
    </li>
  );
});
