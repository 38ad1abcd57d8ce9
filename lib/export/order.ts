/**
 * The one order every format puts records in: strings by UTF-16 code unit (the same on every machine and
 * locale), notes and clippings oldest first, then by id.
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
