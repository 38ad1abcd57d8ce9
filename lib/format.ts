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

export interface DateDisplay {
  /** The reader's time zone (an IANA name); the runtime's own when absent. */
  timeZone?: string;
  locale?: string;
}

/**
 * A page's date for the reader. A moment (a time with its zone) is shown in the reader's time zone with
 * the zone named, followed by the time the page printed when the page's zone differs:
 * "July 17, 2021 at 4:51 PM GMT+2 (10:51 UTC−04:00 on the page)". A day, or a time without a zone, is
 * shown as the page gave it: shifting it would invent a zone, or move the article to another day. A time
 * without a zone says so, so that no reader takes it for their own time.
 */
export function formatPageDate(iso: string, display: DateDisplay = {}): string {
  const locale = display.locale ?? 'en-US';
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
  if (!zone) return `${dayText}, ${h}:${mi} (no time zone given)`;
  const pageTime = `${h}:${mi} ${zone === 'Z' ? 'UTC' : `UTC${zone.replace('-', '−')}`}`;
  const instant = Date.parse(iso);
  let readerText: string;
  let readerOffset: number;
  try {
    const format = new Intl.DateTimeFormat(locale, {
      timeZone: display.timeZone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    readerText = format.format(instant);
    readerOffset = offsetMinutes(instant, format.resolvedOptions().timeZone);
  } catch {
    // An unknown zone name: the page's own time, as printed.
    return `${dayText}, ${pageTime}`;
  }
  const pageOffset =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return pageOffset === readerOffset ? readerText : `${readerText} (${pageTime} on the page)`;
}

/** The offset from UTC, in minutes, of a time zone at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
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
