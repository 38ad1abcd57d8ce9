/**
 * Which outlet published the page, checked against the site's own address. A page's `og:site_name` is
 * sometimes a section ("U.S." on a news agency's pages) or a handle ("cleveland"), and its title's
 * suffix and copyright line name the outlet when no metadata does. A name is trusted when it agrees with
 * the registrable domain (Public Suffix List, through tldts): "The New York Times" with nytimes.com,
 * "Spektrum der Wissenschaft" with spektrum.de. A suffix or copyright line that agrees with nothing is
 * not used: a title may end with its author's name, and a wrong outlet is worse than none.
 */
import { parse } from 'tldts';
import { letters, withoutArticle } from './site-names';

/** The site's registrable name and public suffix, as letters: nytimes and com for www.nytimes.com. */
export interface SiteName {
  key: string;
  suffix: string;
}

export function siteName(url: string | null | undefined): SiteName | null {
  if (!url) return null;
  try {
    const parsed = parse(url, { allowPrivateDomains: true });
    const key = parsed.domainWithoutSuffix ? letters(parsed.domainWithoutSuffix) : '';
    return key.length >= 2 ? { key, suffix: letters(parsed.publicSuffix ?? '') } : null;
  } catch {
    return null;
  }
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
 * The outlet among the candidates (strongest first): the first that agrees with the address, preferring a
 * written name to a bare lowercase handle ("cleveland.com" over "cleveland"); else the first that stands
 * alone; else none. Returns the candidate's index.
 */
export function chooseOutlet(candidates: OutletCandidate[], url: string | null | undefined): number {
  const site = siteName(url);
  const agreeing = candidates
    .map((candidate, index) => ({ candidate, index }))
    .filter(({ candidate }) => agreesWithDomain(candidate.name, site));
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
