/** What the Notes view shows and in what order: pure, no DOM, no browser APIs. */
import { quoteOf } from './annotations/selectors';
import type { Annotation } from './annotations/types';

/** One highlight as the Notes view gets it: the stored annotation and what the page said about it. */
export interface NoteEntry {
  /** Kind `highlight`. */
  annotation: Annotation;
  /** Where it is on the page now: found in place, not found (orphaned), or not yet known (the page has not answered). */
  status: 'anchored' | 'orphaned' | 'pending';
  /** Reading order in the page (lower first) when anchored. */
  order: number | null;
}

export interface ArrangedNotes {
  /** Highlights found in the page in reading order, then those the page has not answered for, oldest first. */
  inPage: NoteEntry[];
  /** Highlights whose passage is no longer in the page, oldest first. */
  orphaned: NoteEntry[];
}

/** Accessible names of the highlight colours. */
const time = (iso: string) => {
  const parsed = Date.parse(iso);
  return Number.isFinite(parsed) ? parsed : 0;
};

/** Anchored with a known place first, then anchored without one, then pending. */
const rank = (entry: NoteEntry) => (entry.status !== 'anchored' ? 2 : entry.order === null ? 1 : 0);

function compareEntries(a: NoteEntry, b: NoteEntry): number {
  return (
    rank(a) - rank(b) ||
    (a.order ?? 0) - (b.order ?? 0) ||
    time(a.annotation.created) - time(b.annotation.created) ||
    a.annotation.id.localeCompare(b.annotation.id)
  );
}

export function arrangeNotes(entries: readonly NoteEntry[]): ArrangedNotes {
  const sorted = [...entries].sort(compareEntries);
  return {
    inPage: sorted.filter((entry) => entry.status !== 'orphaned'),
    orphaned: sorted.filter((entry) => entry.status === 'orphaned'),
  };
}

/** The tab badge: every highlight, found or not, and the page note when it says anything. */
export function notesCount(entries: readonly NoteEntry[], pageNote: Annotation | null): number {
  const pageNoteCounts =
    pageNote !== null && (pageNote.body.note.trim() !== '' || pageNote.body.tags.length > 0);
  return entries.length + (pageNoteCounts ? 1 : 0);
}

/** The highlighted passage as stored (the quote selector's `exact`), whitespace collapsed. */
export function passageText(annotation: Annotation): string {
  return (quoteOf(annotation)?.exact ?? '').replace(/\s+/g, ' ').trim();
}

/** A long passage cut at a word near `max` characters, with "…", so one highlight does not fill the panel. */
export function shortenPassage(text: string, max = 280): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** "news, Budget , news,, budget" → ["news", "Budget"]: trimmed, empty ones dropped, repeats (any case) once. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of input.split(',')) {
    const tag = part.replace(/\s+/g, ' ').trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** Tags as the reader edits them: "news, budget". */
export const tagsText = (tags: readonly string[]): string => tags.join(', ');

export const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((tag, index) => tag === b[index]);

/** Changed after it was made (note, tags or colour). */
export const wasEdited = (annotation: Annotation): boolean =>
  time(annotation.modified) !== time(annotation.created);

const dayKey = (date: Date, timeZone?: string) => date.toLocaleDateString('en-CA', { timeZone });

/**
 * A note's date, short: "today, 14:05", "Mar 3" this year, "Mar 3, 2025" before. In the reader's time zone
 * (`timeZone` is for tests); empty for a date that does not parse.
 */
export function formatNoteDate(iso: string, now: Date = new Date(), timeZone?: string): string {
  const parsed = Date.parse(iso);
  if (!Number.isFinite(parsed)) return '';
  const date = new Date(parsed);
  if (dayKey(date, timeZone) === dayKey(now, timeZone)) {
    const clock = date.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
    return `today, ${clock}`;
  }
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  return date.toLocaleDateString('en-US', {
    timeZone,
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** Ctrl+Enter (Cmd+Enter on macOS) saves a note, as in most editors; not while an IME is composing. */
export const savesNote = (event: { key: string; ctrlKey: boolean; metaKey: boolean; isComposing: boolean }) =>
  event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing;

/** Escape drops the edit; not while an IME is composing (there it cancels the composition). */
export const cancelsNote = (event: { key: string; isComposing: boolean }) =>
  event.key === 'Escape' && !event.isComposing;
