/** The library's first screen kept between opens: used only while nothing has written since it was read. */
import { describe, expect, it } from 'vitest';
import type { LibraryRow } from '../../../lib/library/catalog';
import {
  FIRST_SCREEN_KEY,
  FIRST_SCREEN_WRITTEN_KEY,
  firstScreenCopy,
  usableFirstScreen,
} from '../../../lib/library/first-screen';

const rows = (): LibraryRow[] => [
  {
    id: 'a1',
    kind: 'article',
    title: 'Harbor bridge to close',
    detail: 'Harbor Daily · Jane Doe',
    excerpt: 'The bridge closes on Monday.',
    note: '',
    terms: ['harbor'],
    date: '2026-12-01T10:00:00.000Z',
    published: '2026-03-03T16:12:00Z',
    tags: ['bridges'],
    collectionIds: ['c1'],
    articleId: 'a1',
    url: 'https://harbor.example/story',
    colour: null,
    versionCount: 1,
  },
];

describe('the kept first screen', () => {
  it('is used when nothing was written since its reads began', () => {
    const copy = firstScreenCopy(1_000, 12, rows());
    expect(usableFirstScreen({ [FIRST_SCREEN_KEY]: copy })).toEqual(copy);
    expect(usableFirstScreen({ [FIRST_SCREEN_KEY]: copy, [FIRST_SCREEN_WRITTEN_KEY]: 999 })).toEqual(copy);
  });

  it('is stale after a write at or after the moment its reads began', () => {
    const copy = firstScreenCopy(1_000, 12, rows());
    expect(usableFirstScreen({ [FIRST_SCREEN_KEY]: copy, [FIRST_SCREEN_WRITTEN_KEY]: 1_000 })).toBeNull();
    expect(usableFirstScreen({ [FIRST_SCREEN_KEY]: copy, [FIRST_SCREEN_WRITTEN_KEY]: 5_000 })).toBeNull();
    expect(usableFirstScreen({ [FIRST_SCREEN_KEY]: copy, [FIRST_SCREEN_WRITTEN_KEY]: 'soon' })).toBeNull();
  });

  it('keeps no search marks', () => {
    expect(firstScreenCopy(1, 1, rows()).rows[0]!.terms).toEqual([]);
  });

  it('is refused whole when it is missing, empty or malformed', () => {
    const [row] = rows();
    const copy = (change: object) => ({
      [FIRST_SCREEN_KEY]: { readSince: 1, total: 3, rows: [row], ...change },
    });
    expect(usableFirstScreen({})).toBeNull();
    expect(usableFirstScreen({ [FIRST_SCREEN_KEY]: [row] })).toBeNull();
    expect(usableFirstScreen(copy({}))).not.toBeNull();
    expect(usableFirstScreen(copy({ rows: [] }))).toBeNull();
    expect(usableFirstScreen(copy({ total: 0 }))).toBeNull();
    expect(usableFirstScreen(copy({ readSince: '1' }))).toBeNull();
    expect(usableFirstScreen(copy({ rows: [{ ...row, kind: 'note' }] }))).toBeNull();
    expect(usableFirstScreen(copy({ rows: [{ ...row, title: 3 }] }))).toBeNull();
    expect(usableFirstScreen(copy({ rows: [{ ...row, tags: [1] }] }))).toBeNull();
    expect(usableFirstScreen(copy({ rows: [row, null] }))).toBeNull();
  });
});
