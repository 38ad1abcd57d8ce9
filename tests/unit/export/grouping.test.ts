/** Grouping notes by article is the longest step of a Markdown or CSV export: it must let the page breathe. */
import { describe, expect, it } from 'vitest';
import { articleGroups } from '../../../lib/export/grouping';
import { generatedLibrary } from './library';

describe('articleGroups', () => {
  it('offers the page a pause after every article, note and clipping it places', async () => {
    const data = generatedLibrary(2_000);
    let offers = 0;
    const groups = await articleGroups(data, { breathe: async () => void offers++ });
    const placed = data.articles.length + data.annotations.length + data.clippings.length;
    expect(offers).toBeGreaterThanOrEqual(placed + groups.length);
    expect(groups.reduce((sum, group) => sum + group.pageNotes.length + group.highlights.length, 0)).toBe(
      data.annotations.length,
    );
  });
});
