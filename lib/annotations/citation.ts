/**
 * "Copy with citation": the selected passage with who wrote the article, its title, outlet, date and
 * address. The work is described by the background (./cited-work.ts) from the same byline the panel
 * shows; this module, which the in-page annotator loads, only words the reference.
 */

/** The article a passage is cited from, as the panel's byline names it. */
export interface CitedWork {
  title: string;
  authors: string[];
  outlet: string | null;
  /** As the byline gives it (ISO 8601, the page's own offset kept); only its date part is printed. */
  published: string | null;
  /** The page's language (`en`), when it states one. */
  lang: string | null;
}

/** The work and where the passage was read (the page's address as the annotator knows it). */
export interface CitationSource extends CitedWork {
  url: string;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The reader's own calendar day (not UTC's, which is tomorrow in an American evening). */
function localDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** Quotation marks inside the passage become single ones, as inside any quotation. */
function nested(passage: string): string {
  return passage
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"([^"]*)"/g, '‘$1’');
}

function listNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The date part of what the page gave, when it reads as a date. */
function datePart(value: string | null): string | null {
  if (!value) return null;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  if (match) return match[0];
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/**
 * The passage in quotation marks, then the reference:
 * “…” — Jane Doe and John Roe, “Title”, Outlet, 2026-03-03. https://… (accessed 2026-11-27)
 */
export function formatCitation(passage: string, source: CitationSource, accessed: Date): string {
  const parts = [
    source.authors.length ? listNames(source.authors) : null,
    source.title ? `“${source.title}”` : null,
    source.outlet,
    datePart(source.published),
  ].filter((part): part is string => Boolean(part));
  const reference = `${parts.join(', ')}${parts.length ? '. ' : ''}${source.url} (accessed ${localDay(accessed)})`;
  return `“${nested(clean(passage))}”\n— ${reference}`;
}
