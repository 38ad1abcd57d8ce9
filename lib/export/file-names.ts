/**
 * File names for exports, built from an article's outlet, date and title, that every common file system
 * accepts: no path separators or characters Windows refuses, no control characters, no trailing dot or
 * space, no reserved Windows device name, and short enough for a folder path to fit in front of it.
 */

/** Characters (besides the name itself) that a folder and an extension may add within common path limits. */
export const MAX_FILE_NAME_LENGTH = 120;

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED_WINDOWS_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;
/** What Windows, macOS or Linux refuse or read as a path, and control characters (C0, DEL, C1). */
const UNSAFE_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/g;

/**
 * One safe file name part from any text: unsafe characters become spaces, runs of spaces and dashes
 * collapse, and the result is cut at `maxLength` characters without splitting a surrogate pair.
 */
export function safeFileNamePart(text: string, maxLength = MAX_FILE_NAME_LENGTH): string {
  const cleaned = text.normalize('NFC').replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return cutAt(cleaned, maxLength)
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '');
}

function cutAt(text: string, maxLength: number): string {
  const characters = Array.from(text);
  return characters.length <= maxLength ? text : characters.slice(0, maxLength).join('').trimEnd();
}

/** The date part of an ISO time ("2026-03-03T16:12:00Z" → "2026-03-03"), or null for anything else. */
export function isoDay(time: string | null): string | null {
  const match = time ? /^(\d{4}-\d{2}-\d{2})/.exec(time) : null;
  return match?.[1] ?? null;
}

/**
 * "Outlet 2026-03-03 Title.ext" from what is known of an article, or `fallback` when nothing is; the
 * extension is kept whole however long the rest is.
 */
export function articleFileName(
  parts: { outlet: string | null; date: string | null; title: string },
  extension: string,
  fallback = 'scrutiny-export',
): string {
  const stem = [parts.outlet, isoDay(parts.date), parts.title]
    .map((part) => (part ? safeFileNamePart(part) : ''))
    .filter((part) => part !== '')
    .join(' ');
  return safeFileName(stem || fallback, extension);
}

/** A whole safe file name from a stem and an extension (without its dot). */
export function safeFileName(stem: string, extension: string): string {
  const safeExtension = safeFileNamePart(extension, 10).replace(/[^\p{L}\p{N}.-]/gu, '');
  const room = MAX_FILE_NAME_LENGTH - (safeExtension ? safeExtension.length + 1 : 0);
  let safeStem = safeFileNamePart(stem, room) || 'scrutiny-export';
  if (RESERVED_WINDOWS_NAME.test(safeStem)) safeStem = `_${safeStem}`;
  return safeExtension ? `${safeStem}.${safeExtension}` : safeStem;
}

/**
 * Makes names unique within one set (a zip must not hold two files of one name, and Windows and macOS
 * compare names without regard to case): the second "x.md" becomes "x (2).md".
 */
export function uniqueFileNames(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${cutAt(stem, MAX_FILE_NAME_LENGTH - extension.length - suffix.length)}${suffix}${extension}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}
