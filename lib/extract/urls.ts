/** An absolute http(s) URL, or null: `javascript:`, `data:` and anything unparseable are refused. */
export function safeHttpUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string') return null;
  // Browsers strip ASCII whitespace and control characters before reading a scheme ("java\tscript:").
  const cleaned = value.replace(/[\u0000-\u0020\u007F]+/g, '');
  if (!cleaned || cleaned.length > 4096) return null;
  try {
    const url = base ? new URL(cleaned, base) : new URL(cleaned);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The host of a URL without "www.", or "" for anything that is not http(s). */
export function hostOf(url: string): string {
  const safe = safeHttpUrl(url);
  return safe ? new URL(safe).hostname.replace(/^www\./, '') : '';
}
