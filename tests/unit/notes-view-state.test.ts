import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations/types';
import {
  arrangeNotes,
  cancelsNote,
  formatNoteDate,
  notesCount,
  parseTags,
  passageText,
  savesNote,
  shortenPassage,
  wasEdited,
  type NoteEntry,
} from '../../lib/notes-view-state';

function annotation(
  id: string,
  fields: Partial<Annotation> & { exact?: string; note?: string } = {},
): Annotation {
  const { exact = `Passage ${id}`, note = '', ...rest } = fields;
  return {
    id,
    kind: 'highlight',
    target: {
      url: 'https://news.example/a',
      canonicalUrl: null,
      title: 'A',
      selector: [
        { type: 'TextPositionSelector', start: 0, end: exact.length },
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      ],
    },
    body: { note, tags: [], colour: 'yellow' },
    pageKeys: ['news.example/a'],
    created: '2026-03-01T10:00:00.000Z',
    modified: '2026-03-01T10:00:00.000Z',
    ...rest,
  };
}

const entry = (
  id: string,
  status: NoteEntry['status'],
  order: number | null,
  created = '2026-03-01T10:00:00.000Z',
): NoteEntry => ({ annotation: annotation(id, { created, modified: created }), status, order });

const ids = (entries: NoteEntry[]) => entries.map((item) => item.annotation.id);

describe('arrangeNotes', () => {
  it('puts found highlights in reading order, then pending ones oldest first, and orphans apart', () => {
    const { inPage, orphaned } = arrangeNotes([
      entry('lost-late', 'orphaned', null, '2026-03-05T00:00:00Z'),
      entry('third', 'anchored', 30, '2026-03-01T00:00:00Z'),
      entry('waiting-late', 'pending', null, '2026-03-04T00:00:00Z'),
      entry('first', 'anchored', 2, '2026-03-09T00:00:00Z'),
      entry('lost-early', 'orphaned', null, '2026-03-02T00:00:00Z'),
      entry('waiting-early', 'pending', null, '2026-03-03T00:00:00Z'),
      entry('second', 'anchored', 11, '2026-03-08T00:00:00Z'),
    ]);
    expect(ids(inPage)).toEqual(['first', 'second', 'third', 'waiting-early', 'waiting-late']);
    expect(ids(orphaned)).toEqual(['lost-early', 'lost-late']);
  });

  it('keeps an anchored highlight without a place after the placed ones, and ties in creation order', () => {
    const { inPage } = arrangeNotes([
      entry('no-place', 'anchored', null),
      entry('b', 'anchored', 5, '2026-03-02T00:00:00Z'),
      entry('a', 'anchored', 5, '2026-03-01T00:00:00Z'),
    ]);
    expect(ids(inPage)).toEqual(['a', 'b', 'no-place']);
  });

  it('does not reorder the entries it is given', () => {
    const entries = [entry('b', 'anchored', 2), entry('a', 'anchored', 1)];
    arrangeNotes(entries);
    expect(ids(entries)).toEqual(['b', 'a']);
  });
});

describe('notesCount', () => {
  const pageNote = (note: string, tags: string[] = []): Annotation => ({
    ...annotation('page', { kind: 'page-note' }),
    body: { note, tags, colour: 'yellow' },
  });

  it('counts every highlight, found or not, and the page note only when it says something', () => {
    const entries = [entry('a', 'anchored', 1), entry('b', 'orphaned', null), entry('c', 'pending', null)];
    expect(notesCount(entries, null)).toBe(3);
    expect(notesCount(entries, pageNote('  '))).toBe(3);
    expect(notesCount(entries, pageNote('Thin sourcing'))).toBe(4);
    expect(notesCount([], pageNote('', ['budget']))).toBe(1);
    expect(notesCount([], null)).toBe(0);
  });
});

describe('parseTags', () => {
  it('trims, collapses spaces, drops empty tags and keeps the first spelling of a repeat', () => {
    expect(parseTags(' budget ,  city   hall,, ,Budget,news,  CITY HALL ')).toEqual([
      'budget',
      'city hall',
      'news',
    ]);
  });

  it('gives no tags for nothing', () => {
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' , ,')).toEqual([]);
  });
});

describe('passages', () => {
  it('reads the quote selector, whitespace collapsed', () => {
    expect(passageText(annotation('a', { exact: '  The council\n  voted  ' }))).toBe('The council voted');
    const bare = annotation('b');
    bare.target.selector = [];
    expect(passageText(bare)).toBe('');
  });

  it('cuts a long passage at a word with an ellipsis, and leaves short ones alone', () => {
    const long = 'word '.repeat(100).trim();
    const short = shortenPassage(long, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short).toMatch(/^word( word)*…$/);
    expect(shortenPassage('Short passage.', 50)).toBe('Short passage.');
    // One unbroken string is cut where it must be.
    expect(shortenPassage('x'.repeat(60), 50)).toBe(`${'x'.repeat(49)}…`);
  });
});

describe('dates', () => {
  const now = new Date('2026-03-10T15:00:00Z');

  it('says "today" with the time, the day within the year, and the year before that', () => {
    expect(formatNoteDate('2026-03-10T09:05:00Z', now, 'UTC')).toBe('today, 09:05');
    expect(formatNoteDate('2026-03-03T09:05:00Z', now, 'UTC')).toBe('Mar 3');
    expect(formatNoteDate('2025-12-31T23:00:00Z', now, 'UTC')).toBe('Dec 31, 2025');
    expect(formatNoteDate('not a date', now, 'UTC')).toBe('');
  });

  it('uses the reader’s time zone for the day', () => {
    // 23:30 UTC on the 9th is already the morning of the 10th in Tokyo, where it is now 19:00.
    const morning = new Date('2026-03-10T10:00:00Z');
    expect(formatNoteDate('2026-03-09T23:30:00Z', morning, 'Asia/Tokyo')).toBe('today, 08:30');
    expect(formatNoteDate('2026-03-09T23:30:00Z', morning, 'UTC')).toBe('Mar 9');
  });

  it('tells an edited annotation by its modified time', () => {
    expect(wasEdited(annotation('a'))).toBe(false);
    expect(wasEdited(annotation('a', { modified: '2026-03-01T10:00:00Z' }))).toBe(false);
    expect(wasEdited(annotation('a', { modified: '2026-03-02T10:00:00.000Z' }))).toBe(true);
  });
});

describe('editor keys', () => {
  const key = (fields: Partial<KeyboardEventInit>) => ({
    key: '',
    ctrlKey: false,
    metaKey: false,
    isComposing: false,
    ...fields,
  });

  it('saves on Ctrl+Enter or Cmd+Enter, not on a bare Enter or while composing', () => {
    expect(savesNote(key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(savesNote(key({ key: 'Enter', metaKey: true }))).toBe(true);
    expect(savesNote(key({ key: 'Enter' }))).toBe(false);
    expect(savesNote(key({ key: 'Enter', ctrlKey: true, isComposing: true }))).toBe(false);
  });

  it('cancels on Escape, not while composing', () => {
    expect(cancelsNote(key({ key: 'Escape' }))).toBe(true);
    expect(cancelsNote(key({ key: 'Escape', isComposing: true }))).toBe(false);
    expect(cancelsNote(key({ key: 'Enter' }))).toBe(false);
  });
});
