/**
 * Which page (and which site) a frame may speak for. The annotator and the extraction run inside a page
 * the reader does not control, and a page chooses its own canonical link: a page on evil.example that
 * names news.example's article as its canonical address must not be handed the reader's notes on that
 * article. So the address is the one the browser reports for the frame, and the canonical address counts
 * only when it is on the same site. The background (for the annotator's requests) and the panel (for the
 * page it shows) both decide with `pageForFrame`, so the two can never disagree.
 *
 * A site is a registrable domain under the Public Suffix List, private suffixes included: alice.github.io
 * and bob.github.io are two sites, as are alice.blogspot.com and bob.blogspot.com, because anyone can
 * rent a name under those suffixes, while www.bbc.co.uk and news.bbc.co.uk are one.
 */
import { getDomain } from 'tldts';
import { pageKeys } from './page-keys';
import type { AnnotatedPage } from './types';

/** Private suffixes (blogspot.com, github.io, s3.amazonaws.com) separate sites as much as co.uk does. */
const PUBLIC_SUFFIX_LIST = { allowPrivateDomains: true, extractHostname: false } as const;

/**
 * The site of a host name: its registrable domain ("news.bbc.co.uk" → "bbc.co.uk", "alice.github.io" →
 * itself). A host that has none (an IP address, "localhost", a public suffix itself, a name with an
 * empty label) is a site of its own. Lowercase, without a trailing dot; "" for an empty host.
 */
export function siteOfHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host || host.startsWith('[') || host.split('.').includes('')) return host;
  return getDomain(host, PUBLIC_SUFFIX_LIST) ?? host;
}

/** The host a page's keys name (an AMP cache copy counts as the site it copies); null without one. */
function hostOf(url: string): string | null {
  const key = pageKeys({ url, canonicalUrl: null }).find((candidate) => !candidate.startsWith('file:'));
  const host = key?.split(/[/?#]/, 1)[0];
  // The key keeps a port that is not the default one; an IPv6 host keeps its brackets.
  return host ? host.replace(/:\d+$/, '') : null;
}

/** The site of an http(s) page address (see siteOfHost); null for file:, about:, data: and anything unparsable. */
export function siteOf(url: string): string | null {
  const host = hostOf(url);
  return host ? siteOfHost(host) : null;
}

/** Are both addresses on one site? False when either has no site. */
export function sameSite(a: string, b: string): boolean {
  const [siteA, siteB] = [siteOf(a), siteOf(b)];
  return siteA !== null && siteA === siteB;
}

/**
 * The page as something in the frame at `frameUrl` (an annotator, the extraction) may claim it: the
 * address is the frame's, and the claimed canonical address is kept only on the frame's own site.
 */
export function pageForFrame(claimed: AnnotatedPage, frameUrl: string): AnnotatedPage {
  const canonicalUrl =
    claimed.canonicalUrl && sameSite(claimed.canonicalUrl, frameUrl) ? claimed.canonicalUrl : null;
  return { url: frameUrl, canonicalUrl, title: claimed.title };
}
