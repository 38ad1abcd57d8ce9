/** Display formatting for the panel: plain words, no browser APIs. */
import type { LinkKind, SourceKind } from './analyze/types';
import type { FieldSource } from './extract/types';

/** How a reader is told where a byline field came from. */
export const SOURCE_LABELS: Record<FieldSource, string> = {
  jsonld: 'structured data (JSON-LD)',
  meta: 'meta tags',
  byline: 'the visible byline',
  text: 'the article text',
  url: 'the page address',
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})?)?/;

/**
 * "2021-07-17T10:51:00-04:00" → "July 17, 2021, 10:51 UTC−04:00": the day and time the page
 * printed, in its own time zone, so the panel never shifts an article to another day.
 */
export function formatPageDate(iso: string, locale = 'en-US'): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const [, y, mo, d, h, mi, zone] = match;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const dayText = day.toLocaleDateString(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  if (h === undefined) return dayText;
  const zoneText = !zone ? '' : zone === 'Z' ? ' UTC' : ` UTC${zone.replace('-', '−')}`;
  return `${dayText}, ${h}:${mi}${zoneText}`;
}

/** "3 hours later", "2 days later", "5 minutes later". */
export function describeDelay(fromIso: string, toIso: string): string | null {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return null;
  const minutes = Math.round((to - from) / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} later`;
  if (minutes < 60) return plural(Math.max(minutes, 1), 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 60) return plural(days, 'day');
  const months = Math.round(days / 30.44);
  if (months < 24) return plural(months, 'month');
  return plural(Math.round(days / 365.25), 'year');
}

export function formatCount(n: number, unit: string): string {
  return `${n.toLocaleString('en-US')} ${unit}${n === 1 ? '' : 's'}`;
}

/** Group headings of the Sources view. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  wire: 'Wire services',
  'news-outlet': 'Other outlets',
  official: 'Officials',
  organization: 'Organizations',
  person: 'People',
  document: 'Documents and statements',
  study: 'Studies',
  social: 'Social posts',
  anonymous: 'Anonymous sources',
  link: 'Links out of the article',
};

/** What a link out of the article points to. */
export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  'primary-document': 'primary document',
  'other-outlet': 'other outlet',
  'same-site': 'same site',
  social: 'social',
  study: 'study',
  other: 'other page',
};

/** A share from 0 to 1 as a whole percentage: "34%"; "less than 1%" for a sliver, never a rounded-away 0. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  if (share < 0.005) return 'less than 1%';
  return `${Math.min(100, Math.round(share * 100))}%`;
}

/** The address when it is an absolute http(s) URL, normalized; null for anything else. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An address as a reader scans it: host and path without the scheme, long ones cut with "…". */
export function displayUrl(href: string, max = 70): string {
  let text = href;
  try {
    const url = new URL(href);
    text = `${url.host}${url.pathname === '/' ? '' : url.pathname}${url.search}`;
  } catch {
    // Shown as given.
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
