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
  return pickOutlet(candidates, site ? [site] : []);
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
