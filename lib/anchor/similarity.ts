/**
 * String similarity for lib/anchor's matcher: edit distances anchored at one end (how context is
 * compared), for every end position at once (how fuzzy matches' boundaries are placed), characters lost
 * (how an edit is told from a replaced word), and figures (how a statement is told from its twin).
 */

/**
 * Edit distances between `pattern` and every piece of `text` that starts where the pattern starts (or,
 * with `fromEnd`, ends where it ends): entry j is the distance to the piece of length j. With `cutoff`,
 * gives up (returns null) as soon as every piece is more than `cutoff` edits away.
 */
export function alignmentRow(
  pattern: string,
  text: string,
  fromEnd: boolean,
  cutoff = Infinity,
): Int32Array | null {
  const m = pattern.length;
  const n = text.length;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMinimum = i;
    const patternCode = fromEnd ? pattern.charCodeAt(m - i) : pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const textCode = fromEnd ? text.charCodeAt(n - j) : text.charCodeAt(j - 1);
      const substitution = previous[j - 1]! + (patternCode === textCode ? 0 : 1);
      const cell = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    if (rowMinimum > cutoff) return null;
    [previous, current] = [current, previous];
  }
  return previous;
}

/**
 * Edit distance between `pattern` and the best-aligned piece of `text` that starts where the pattern
 * starts (or, with `fromEnd`, that ends where it ends); the text's far end is free. Context is anchored
 * at the quote: the characters next to it matter most, and an insertion there shifts the rest. Above
 * `cutoff`, only says so (cutoff + 1).
 */
export function anchoredDistance(pattern: string, text: string, fromEnd: boolean, cutoff = Infinity): number {
  if (pattern.length === 0) return 0;
  const row = alignmentRow(pattern, text, fromEnd, cutoff);
  return row ? Math.min(...row) : cutoff + 1;
}

/**
 * Characters of the stored quote that the found text does not keep (length − longest common
 * subsequence). Fixing a typo loses one or two; inserting words loses none; putting another word in
 * place of one ("risky" for "premature") loses most of that word.
 */
export function lostCharacters(stored: string, found: string): number {
  let previous = new Uint16Array(found.length + 1);
  let current = new Uint16Array(found.length + 1);
  for (let i = 1; i <= stored.length; i++) {
    const code = stored.charCodeAt(i - 1);
    for (let j = 1; j <= found.length; j++) {
      current[j] =
        code === found.charCodeAt(j - 1) ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return stored.length - previous[found.length]!;
}

/** The runs of digits in a text, in order: its figures. */
const figuresOf = (text: string) => text.match(/\d+/g) ?? [];

/** Do the two texts state the same figures? (`$4.2 million`, `2019`, `12` all count.) */
export function sameFigures(a: string, b: string): boolean {
  const left = figuresOf(a);
  const right = figuresOf(b);
  return left.length === right.length && left.every((figure, index) => figure === right[index]);
}

/**
 * For each position p in the text window: the edits between `pattern` and the best piece of the window
 * ending at p (entry p − window start). One pass for all positions (free start, Sellers' algorithm).
 */
export function editsEndingAt(pattern: string, window: string): Int32Array {
  const m = pattern.length;
  const n = window.length;
  if (m === 0) return new Int32Array(n + 1);
  // Column by column over the window: column j holds the distances of every pattern prefix.
  let column = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  const ends = new Int32Array(n + 1);
  ends[0] = m;
  for (let j = 1; j <= n; j++) {
    const code = window.charCodeAt(j - 1);
    next[0] = 0;
    for (let i = 1; i <= m; i++) {
      const substitution = column[i - 1]! + (pattern.charCodeAt(i - 1) === code ? 0 : 1);
      next[i] = Math.min(substitution, column[i]! + 1, next[i - 1]! + 1);
    }
    ends[j] = next[m]!;
    [column, next] = [next, column];
  }
  return ends;
}

export const reversed = (text: string) => text.split('').reverse().join('');
