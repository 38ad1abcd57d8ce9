/** Longest address kept; anything longer is more likely an attack or a data blob than a link. */
const MAX_URL_LENGTH = 4096;

/**
 * An absolute http(s) URL, or null: `javascript:`, `data:`, `vbscript:` and anything unparseable are
 * refused. The URL parser is the one browsers use, so a scheme disguised the way browsers forgive
 * ("java\tscript:", " JAVASCRIPT:", "\u0001javascript:") is read the way a browser would read it,
 * and refused for the same reason.
 */
export function safeHttpUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string') return null;
  if (!value.trim() || value.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.length > MAX_URL_LENGTH ? null : url.href;
}

/** The host of a URL without "www.", or "" for anything that is not http(s). */
export function hostOf(url: string): string {
  const safe = safeHttpUrl(url);
  return safe ? new URL(safe).hostname.replace(/^www\./, '') : '';
}

/** The path segments of an address, without its file name's extension; none when it is no URL. */
export function pathSegments(address: string): string[] {
  try {
    return new URL(address).pathname
      .split('/')
      .map((segment) => decodeURIComponent(segment).replace(/\.\w+$/, ''))
      .filter(Boolean);
  } catch {
    return [];
  }
}
