/**
 * The one order every format puts records in: strings by UTF-16 code unit (the same on every machine and
 * locale), notes and clippings oldest first, then by id; and a sort for long lists that lets the page
 * breathe.
 */

/** Code unit order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first, then by id: the order every format shows notes and clippings in. */
export function byCreatedThenId(
  a: { created: string; id: string },
  b: { created: string; id: string },
): number {
  return compareText(a.created, b.created) || compareText(a.id, b.id);
}

/** Saved articles oldest first, then by id. */
export function bySavedThenId(
  a: { savedAt: string; id: string },
  b: { savedAt: string; id: string },
): number {
  return compareText(a.savedAt, b.savedAt) || compareText(a.id, b.id);
}

/** Something that pauses for the event loop when enough time has gone by since its last pause. */
export interface Breather {
  breathe(): Promise<void>;
}

/** Records sorted at once before a pause: a few milliseconds of work. */
const SORT_SLICE = 4096;

/**
 * A stable merge sort that pauses for the event loop as it goes: slices sorted one by one, then merged
 * pairwise. One `Array.sort` of 100,000 notes holds the page for 100–400 ms.
 */
export async function sortInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  pacer: Breather,
): Promise<T[]> {
  let runs: T[][] = [];
  for (let at = 0; at < items.length; at += SORT_SLICE) {
    runs.push(items.slice(at, at + SORT_SLICE).sort(compare));
    await pacer.breathe();
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let at = 0; at < runs.length; at += 2) {
      const [left, right] = [runs[at]!, runs[at + 1]];
      merged.push(right ? mergeRuns(left, right, compare) : left);
      await pacer.breathe();
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

function mergeRuns<T>(left: T[], right: T[], compare: (a: T, b: T) => number): T[] {
  const merged: T[] = new Array<T>(left.length + right.length);
  let [l, r, at] = [0, 0, 0];
  // Ties go to the left run, which came first: the sort is stable.
  while (l < left.length && r < right.length)
    merged[at++] = compare(right[r]!, left[l]!) < 0 ? right[r++]! : left[l++]!;
  while (l < left.length) merged[at++] = left[l++]!;
  while (r < right.length) merged[at++] = right[r++]!;
  return merged;
}
