/** Display formatting for the panel: plain words, no browser APIs. */
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
