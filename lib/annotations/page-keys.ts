/**
 * pageKeys: the normalized addresses under which a page is known, so that notes made on one address of
 * an article are found again on another (its canonical address, its AMP copy, a link with tracking
 * parameters). Two pages are the same page when their key lists share a key.
 *
 * A key is the address without its scheme: `example.com/news/story?id=3`. Decisions:
 * - http and https are one page. Sites moved to https and redirect the old addresses; no site serves a
 *   different article on http than on https under the same path, and notes made before the move must
 *   not vanish after it.
 * - "www." is dropped from the host for the same reason: one of the two always redirects to the other.
 * - Only http(s) and file: addresses give keys. A saved page on disk keeps its file: address (and finds
 *   the live article's notes through its canonical address); about:, data:, blob: and the browser's own
 *   pages give none, since an address like about:blank would join unrelated pages.
 * - Normalizing never decides that two articles are one: query parameters stay (bar tracking ones),
 *   path case stays, and an address with AMP markers keeps its literal key beside the AMP-free one.
 *
 * Keys are stored with every annotation. Changing these rules changes the keys of pages already
 * annotated: do it together with a schema version whose upgrade recomputes `pageKeys` (lib/store/schema).
 */

/** Query parameters that record how the reader arrived, never which article they see. Compared lowercased. */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'mkt_tok',
  'oly_enc_id',
  'oly_anon_id',
  'rb_clickid',
  '_openstat',
  'cmpid',
  'cmp',
  'icid',
  'ocid',
  'ncid',
  'smid',
  'smtyp',
  's_cid',
  'ito',
  'xtor',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'wt.mc_id',
  'ref',
  'ref_src',
  'ref_url',
  'sr_share',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  // Added by the Google AMP cache and viewer.
  'amp_js_v',
  'amp_gsa',
  'amp_tf',
  'amp_r',
  'ampshare',
  'usqp',
  'aoh',
]);

/** Families of tracking parameters: utm_source, pk_campaign, mtm_kwd, ns_mchannel, vero_id. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'matomo_', 'ns_', 'vero_'];

/** Last path segments that name a directory's default document. */
const INDEX_DOCUMENT = /\/(?:index|default)\.(?:html?|shtml|php|aspx?)$/i;

/** AMP caches that serve a page at `<cache host>/<c|v|i|…>/s/<host>/<path>` (the `s/` means https). */
const AMP_CACHE_HOST = /(?:^|\.)(?:cdn\.ampproject\.org|bing-amp\.com)$/;
const AMP_CACHE_PATH = /^\/[a-z]{1,2}\/(s\/)?([^/]+)(\/.*)?$/;
/** Google's AMP viewer: `www.google.com/amp/s/<host>/<path>`. */
const GOOGLE_AMP_VIEWER_PATH = /^\/amp\/(s\/)?([^/]+)(\/.*)?$/;

export function pageKeys(page: { url: string; canonicalUrl: string | null }): string[] {
  const keys = new Set<string>();
  const address = readAddress(page.url);
  const canonical = page.canonicalUrl ? readAddress(page.canonicalUrl, page.url) : null;
  // A CMS that points every article's canonical link at the home page would otherwise join them all.
  const canonicalIsUsable = canonical && !(isSiteRoot(canonical) && address && !isSiteRoot(address));
  for (const url of canonicalIsUsable ? [canonical, address] : [address]) {
    if (!url) continue;
    if (url.protocol === 'file:') {
      keys.add(fileKey(url));
      continue;
    }
    keys.add(webKey(url));
    keys.add(webKey(withoutAmp(url)));
  }
  return [...keys];
}

/** An http(s) or file: address, out of an AMP cache or viewer when it is in one; null for anything else. */
function readAddress(address: string, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(address.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol === 'file:') return url;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  const served = AMP_CACHE_HOST.test(host)
    ? AMP_CACHE_PATH.exec(url.pathname)
    : /^(?:www\.)?google\.[a-z.]+$/.test(host)
      ? GOOGLE_AMP_VIEWER_PATH.exec(url.pathname)
      : null;
  if (!served) return url;
  const [, secure, originHost, path] = served;
  try {
    return new URL(`${secure ? 'https' : 'http'}://${originHost}${path ?? '/'}${url.search}`);
  } catch {
    return url;
  }
}

function isSiteRoot(url: URL): boolean {
  return url.protocol !== 'file:' && normalizedPath(url.pathname) === '/' && !keptQuery(url.search);
}

function fileKey(url: URL): string {
  return url.href.replace(/#.*$/, '');
}

function webKey(url: URL): string {
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  // Default ports of either scheme, since the scheme is not part of the key.
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const query = keptQuery(url.search);
  return `${host}${port}${normalizedPath(url.pathname)}${query ? `?${query}` : ''}${routeFragment(url.hash)}`;
}

/** The path with percent-escapes in one case and no trailing slash or index document. */
function normalizedPath(pathname: string): string {
  const path = pathname
    .replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
    .replace(INDEX_DOCUMENT, '/')
    .replace(/\/+$/, '');
  return path || '/';
}

/** The query without tracking parameters or empty parts, sorted so that parameter order does not matter. */
function keptQuery(search: string): string {
  const parts = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && !isTrackingParameter(parameterName(part)));
  return [...new Set(parts)].sort(compareParameters).join('&');
}

function parameterName(part: string): string {
  const name = part.split('=', 1)[0]!;
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

function isTrackingParameter(name: string): boolean {
  return TRACKING_PARAMETERS.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function compareParameters(a: string, b: string): number {
  // Code-unit order, not the locale's: keys are stored, so every browser must sort the same way.
  const [nameA, nameB] = [parameterName(a), parameterName(b)];
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The fragment is dropped, except a route of a single-page site (`#!/story/12`, `#/story/12`): there it
 * is what names the article.
 */
function routeFragment(hash: string): string {
  return /^#!?\//.test(hash) ? hash : '';
}

/**
 * The page with AMP's markers removed: an `amp.` host, an `amp` path segment, a `.amp` extension,
 * `?amp`, `?amp=1`, `?outputType=amp`. A marker whose removal would leave the site's home page stays,
 * so `example.com/amp` is not taken for an AMP copy of the home page of everything.
 */
function withoutAmp(url: URL): URL {
  const plain = new URL(url.href);
  if (/^amp\.[^.]+\.[^.]+/.test(plain.hostname)) plain.hostname = plain.hostname.slice('amp.'.length);
  const segments = plain.pathname.split('/');
  const kept = segments
    .filter((segment) => segment.toLowerCase() !== 'amp')
    .map((segment) => segment.replace(/\.amp(?=\.html?$|$)/i, ''));
  if (kept.some((segment) => segment !== '')) plain.pathname = kept.join('/');
  const query = plain.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => !/^amp(?:=.*)?$/i.test(part) && !/^outputtype=amp$/i.test(part));
  plain.search = query.join('&');
  return plain;
}
