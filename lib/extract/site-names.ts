/**
 * Where a page names its site in its text: at the end of its title ("Rates rise | Reuters") and in its
 * copyright line. Apart from lib/extract/outlet.ts, which needs the Public Suffix List, because the
 * extraction script reads these in the page and must stay small.
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
  // "Story – – lokalo.de", "Story | · Luxury Haven": separators doubled up are no part of the name.
  const suffix = parts
    .at(-1)!
    .replace(/^[\s\p{P}\p{S}]+/u, '')
    .trim();
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
    .split(
      /\.\s|[|,;(]|\s[-–—]\s|\ball rights\b|\balle rechte\b|\btous droits\b|\s(?:19|20)\d\d\b|\s(?:is|ist|est)\s/iu,
    )[0]!
    // A photo credit names the photographer and then the outlet: "Johannes Gregor/hessenschau.de".
    .split(/\s*\/\s*(?=\p{L})/u)
    .at(-1)!
    .replace(/^[\s\p{P}\p{S}]+/u, '')
    .replace(/[.\s]+$/u, '')
    .trim();
  return holder.length >= 2 && holder.length <= 60 && /\p{L}/u.test(holder) ? holder : null;
}

/** The site's registrable name and public suffix, as letters: nytimes and com for www.nytimes.com. */
export interface SiteName {
  key: string;
  suffix: string;
}

const ARTICLES = /^(?:the|die|der|das|le|la|les|el)$/;

/**
 * Whether `name` is the name of the site: the same letters ("Axios"), with its suffix written out
 * ("Cleveland.com", "AOC média" at aoc.media), the key as the name's first or a later word of its own
 * ("Spektrum der Wissenschaft" at spektrum.de, "St.Galler Tagblatt" at tagblatt.ch), or the key made
 * of the name's initials and its last word ("The New York Times" at nytimes.com) or of its initials
 * alone ("British Broadcasting Corporation" at bbc.co.uk).
 */
export function agreesWithDomain(name: string, site: SiteName | null): boolean {
  if (!site) return false;
  const { key, suffix } = site;
  const whole = withoutArticle(letters(name));
  if (!whole) return false;
  if (whole === key || whole === withoutArticle(key) || whole === key + suffix) return true;
  const words = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const content = words[0] && ARTICLES.test(words[0]) ? words.slice(1) : words;
  if (content[0] === key && key.length >= 3) return true;
  if (key.length >= 5 && content.includes(key)) return true;
  if (content.length >= 2) {
    const initials = content.map((word) => word[0]).join('');
    if (initials === key) return true;
    const shortened =
      content
        .slice(0, -1)
        .map((word) => word[0])
        .join('') + content.at(-1);
    if (shortened === key) return true;
  }
  return false;
}

/** One named outlet: the text and how much to believe it without the address's agreement. */
export interface OutletCandidate {
  name: string;
  /** Metadata that names the site (publisher, og:site_name) stands alone; a title suffix or copyright does not. */
  standsAlone: boolean;
}

/**
 * The outlet among the candidates (strongest first): the first that agrees with one of the site's
 * names, preferring a written name to a bare lowercase handle ("Cleveland.com" over "cleveland"); else
 * the first that stands alone; else none (-1). Returns the candidate's index.
 */
export function pickOutlet(candidates: OutletCandidate[], sites: SiteName[]): number {
  const agreeing = candidates
    .map((candidate, index) => ({ candidate, index }))
    .filter(({ candidate }) => sites.some((site) => agreesWithDomain(candidate.name, site)));
  // A name as the outlet writes it ("Cleveland.com") over a lowercase handle ("cleveland", "nj.com").
  const written = agreeing.find(({ candidate }) => candidate.name !== candidate.name.toLowerCase());
  const longest = agreeing.reduce<(typeof agreeing)[number] | undefined>(
    (best, entry) => (!best || entry.candidate.name.length > best.candidate.name.length ? entry : best),
    undefined,
  );
  const chosen = written ?? longest;
  if (chosen) return chosen.index;
  return candidates.findIndex((candidate) => candidate.standsAlone);
}
