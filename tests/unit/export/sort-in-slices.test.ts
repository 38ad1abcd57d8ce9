/** The export's sort that pauses for the event loop: the same order as one stable Array.sort. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInSlices } from '../../../lib/export/order';

const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
const noPause = { breathe: () => Promise.resolve() };

describe('sortInSlices', () => {
  it('orders like a stable sort, ties in their first order, across many slices', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 4_000, maxLength: 20_000 }),
        async (keys) => {
          const items = keys.map((key, index) => ({ key, index }));
          const sorted = await sortInSlices(items, byKey, noPause);
          expect(sorted).toEqual([...items].sort(byKey));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('pauses between slices and merges, and leaves its input as it was', async () => {
    const items = Array.from({ length: 20_000 }, (_, index) => ({ key: (index * 7919) % 1000, index }));
    const before = [...items];
    let pauses = 0;
    const sorted = await sortInSlices(items, byKey, { breathe: async () => void pauses++ });
    // Five slices of 4,096 and three rounds of merging (3 + 2 + 1).
    expect(pauses).toBe(5 + 6);
    expect(items).toEqual(before);
    expect(sorted).toEqual([...before].sort(byKey));
  });
});
