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
 * The site's name as the page's own text writes it, when nothing else names the outlet: "Refinery29" for
 * refinery29.com. Only a capitalised word that is exactly the registrable name (four characters or
 * more), not inside an address or a handle, so it agrees with the address by construction.
 */
export function siteWordIn(text: string, url: string | null | undefined): string | null {
  if (!url) return null;
  let label: string | null;
  try {
    label = parse(url, { allowPrivateDomains: true }).domainWithoutSuffix;
  } catch {
    return null;
  }
  if (!label || label.length < 4 || !/^[a-z0-9-]+$/i.test(label)) return null;
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}.@/-])${label}(?![\p{L}\p{N}-]|\.\p{L})`, 'giu');
  for (const match of text.matchAll(pattern)) if (/^\p{Lu}/u.test(match[0])) return match[0];
  return null;
}
