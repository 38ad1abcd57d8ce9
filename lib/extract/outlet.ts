/**
 * Which outlet published the page, checked against the site's own address. A page's `og:site_name` is
 * sometimes a section ("U.S." on a news agency's pages) or a handle ("cleveland"), and its title's
 * suffix and copyright line name the outlet when no metadata does. A name is trusted when it agrees with
 * the registrable domain (Public Suffix List, through tldts): "The New York Times" with nytimes.com,
 * "Spektrum der Wissenschaft" with spektrum.de. A suffix or copyright line that agrees with nothing is
 * not used: a title may end with its author's name, and a wrong outlet is worse than none.
 */
import { parse } from 'tldts';
import { letters, pickOutlet, type OutletCandidate, type SiteName } from './site-names';
import { pathSegments } from './urls';

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

/**
 * The outlet among the candidates (strongest first), checked against the page's registrable domain: see
 * `pickOutlet`. Returns the candidate's index, or -1.
 */
export function chooseOutlet(candidates: OutletCandidate[], url: string | null | undefined): number {
  const site = siteName(url);
  const sections = pathWords(url);
  const checked = candidates.map((candidate) =>
    candidate.standsAlone && !mayStandAlone(candidate.name, sections)
      ? { ...candidate, standsAlone: false }
      : candidate,
  );
  return pickOutlet(checked, site ? [site] : []);
}

/** Publishing platforms: the host of a blog, not its outlet, unless the address is the platform's own. */
const PLATFORMS =
  /^(?:blogger|blogspot|wordpress(?:\.com)?|medium|tumblr|substack|ghost|wix|squarespace|typepad|livejournal)$/i;

/**
 * Can a name the metadata gives as the site's be the outlet without the address's agreement? Not a
 * template's placeholder left unfilled ("{$plugin.tx_news.opengraph.site_name}"), a handle ("@politifact"),
 * a publishing platform ("Blogger" on a blog's own domain), or a section the address is filed under
 * ("U.S." at reuters.com/article/us-…, "Magazine" at …/magazine/article/…).
 */
function mayStandAlone(name: string, sections: Set<string>): boolean {
  const trimmed = name.trim();
  if (/[{}$%<>]/.test(trimmed) || trimmed.startsWith('@')) return false;
  if (PLATFORMS.test(trimmed)) return false;
  return !sections.has(letters(trimmed));
}

/** The words of an address's path, as letters: "article", "us", "usa", "fed" for /article/us-usa-fed. */
function pathWords(url: string | null | undefined): Set<string> {
  const words = (url ? pathSegments(url) : []).flatMap((segment) => segment.split(/[_.+-]+/));
  return new Set(words.map(letters).filter(Boolean));
}

/**
 * Is `word` (a site word the page's text gave, `siteWordsIn`) exactly the site's registrable name,
 * "Refinery29" for refinery29.com? Only then does it agree with the address by construction. Checked here,
 * outside the page, so the Public Suffix List is not injected into every page read.
 */
export function isRegistrableName(word: string, url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    return parse(url, { allowPrivateDomains: true }).domainWithoutSuffix === word.toLowerCase();
  } catch {
    return false;
  }
}
