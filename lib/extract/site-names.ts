/**
 * Where a page names its site in its text: at the end of its title ("Rates rise | Reuters") and in its
 * copyright line. Apart from lib/extract/outlet.ts, which needs the Public Suffix List, because the
 * in-page annotator uses these for its citations and must stay small.
 */

/** Between a title and the site's name: "Story | Site", "Story - Site", "Story — Site", "Story · Site". */
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•:]|::)\s+/u;

/** Letters and digits only, without accents ("AOC média" and aoc.media agree). */
export const letters = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** A name's letters without a leading article ("thenewyorktimes" → "newyorktimes"). */
export const withoutArticle = (key: string) =>
  key.replace(/^(?:the|die|der|das|le|la|les|el)(?=\p{L}{3})/u, '');

/** The last part of a title after a separator, when it is short enough to be a site's name. */
export function titleSuffix(title: string): string | null {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return null;
  const suffix = parts.at(-1)!.trim();
  const words = suffix.split(/\s+/).length;
  return suffix.length >= 2 && suffix.length <= 60 && words <= 6 ? suffix : null;
}

/**
 * The title without the site's name at its end ("Rates rise | Reuters" → "Rates rise"), when that end is
 * the outlet: a citation names the outlet apart.
 */
export function titleWithoutSiteSuffix(title: string, outlet: string | null | undefined): string {
  const suffix = titleSuffix(title);
  if (!suffix || !outlet) return title;
  const a = withoutArticle(letters(suffix));
  const b = withoutArticle(letters(outlet));
  if (!a || !b || !(a === b || a.startsWith(b) || b.startsWith(a))) return title;
  return title
    .slice(0, title.lastIndexOf(suffix))
    .replace(/\s*(?:[|\-–—·•:]|::)\s*$/u, '')
    .trim();
}

/**
 * The holder named in a copyright line: "© 2019 Cleveland.com. All rights reserved" gives
 * "Cleveland.com"; "Copyright Axios Media, 2020" gives "Axios Media".
 */
export function copyrightHolder(line: string): string | null {
  const match =
    /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?[,.]?\s*)?(?:by\s+)?(.+)/iu.exec(
      line,
    );
  if (!match) return null;
  const holder = match[1]!
    .split(/\.\s|[|,;(]|\s[-–—]\s|\ball rights\b|\balle rechte\b|\btous droits\b|\s(?:19|20)\d\d\b/iu)[0]!
    .replace(/[.\s]+$/u, '')
    .trim();
  return holder.length >= 2 && holder.length <= 60 && /\p{L}/u.test(holder) ? holder : null;
}
