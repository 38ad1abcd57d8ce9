/**
 * Dates as pages print them, in English, German and French, turned into ISO 8601.
 * Hand-written on purpose: the general date parsers (chrono and the like) weigh 100+ KB and this runs
 * inside the reader's page, where only the handful of shapes news sites use is needed.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv']],
  [2, ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mars', 'mär']],
  [4, ['april', 'apr', 'avril', 'avr']],
  [5, ['may', 'mai']],
  [6, ['june', 'jun', 'juni', 'juin']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil']],
  [8, ['august', 'aug', 'août', 'aout']],
  [9, ['september', 'sep', 'sept', 'septembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre']],
  [11, ['november', 'nov', 'novembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc']],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;

const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): string | null {
  const maxYear = new Date().getUTCFullYear() + 1;
  if (year < 1900 || year > maxYear || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > daysInMonth ? null : `${year}-${pad(month)}-${pad(day)}`;
}

const ISO_DATE_TIME =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT)?)?/i;

/**
 * A machine-readable date (meta, JSON-LD, `<time datetime>`) as ISO 8601. Keeps the page's own
 * offset rather than converting to UTC, so the day stays the day the reader was shown.
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const raw = String(value).trim().slice(0, 100);
  if (!raw) return null;
  if (/^\d{10}(\d{3})?$/.test(raw)) {
    // Unix time in seconds or milliseconds.
    const ms = raw.length === 13 ? Number(raw) : Number(raw) * 1000;
    const date = new Date(ms);
    return validDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
      ? date.toISOString()
      : null;
  }
  const iso = ISO_DATE_TIME.exec(raw.replace(/\//g, '-'));
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    const day = validDay(Number(y), Number(mo), Number(d));
    if (!day) return null;
    if (h === undefined || Number(h) > 23 || Number(mi) > 59) return day;
    let offset = '';
    if (zone) {
      const upper = zone.toUpperCase();
      if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') offset = 'Z';
      else {
        const digits = zone.replace(':', '');
        offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
      }
    }
    return `${day}T${h}:${mi}:${s ?? '00'}${offset}`;
  }
  return findDateInText(raw);
}

const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const MONTH_FIRST = new RegExp(
  `\\b${WEEKDAY}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  'iu',
);
const DAY_FIRST = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})\\b`,
  'iu',
);
const NUMERIC_DOTTED = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/;
const NUMERIC_ISO = /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/;
const NUMERIC_SLASHED = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

interface FoundDate {
  date: string;
  index: number;
}

/** Every date-looking phrase in a text, each with where it starts. */
function datesInText(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (match: RegExpExecArray | null, y: number, m: number, d: number) => {
    if (!match) return;
    const date = validDay(y, m, d);
    if (date) found.push({ date, index: match.index });
  };
  let match = MONTH_FIRST.exec(text);
  if (match) add(match, Number(match[3]), MONTHS[match[1]!.toLowerCase()] ?? 0, Number(match[2]));
  match = DAY_FIRST.exec(text);
  if (match) add(match, Number(match[3]), MONTHS[match[2]!.toLowerCase()] ?? 0, Number(match[1]));
  match = NUMERIC_ISO.exec(text);
  if (match) add(match, Number(match[1]), Number(match[2]), Number(match[3]));
  match = NUMERIC_DOTTED.exec(text);
  if (match) add(match, Number(match[3]), Number(match[2]), Number(match[1]));
  match = NUMERIC_SLASHED.exec(text);
  if (match) {
    const a = Number(match[1]);
    const b = Number(match[2]);
    // 03/17/2026 is month-first; 17/03/2026 day-first; 03/04/2026 is read the US way.
    if (a > 12) add(match, Number(match[3]), b, a);
    else add(match, Number(match[3]), a, b);
  }
  return found.sort((x, y) => x.index - y.index);
}

/** The first calendar date written in a text ("Published March 3, 2026, 4:12 PM ET" → "2026-03-03"). */
export function findDateInText(text: string): string | null {
  return datesInText(text.slice(0, 2000))[0]?.date ?? null;
}

/** A date in a page address such as /2026/03/03/ or /20260303/. */
export function dateFromUrl(url: string): string | null {
  const match = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?([0-2]\d|3[01])(?:\/|[-_.]|$)/.exec(url);
  return match ? validDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** Whole milliseconds between two ISO dates, or null when either does not parse. */
export function millisBetween(from: string, to: string): number | null {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isFinite(a) && Number.isFinite(b) ? b - a : null;
}
