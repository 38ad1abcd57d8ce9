/**
 * Dates as pages print them, turned into ISO 8601: machine values (meta, JSON-LD, `<time datetime>`)
 * and written dates in English, German and French (and the month names of a few neighbours).
 * Hand-written on purpose: general date parsers (chrono and the like) weigh 100+ KB, need the language
 * chosen first and read fewer of the shapes news pages print (chrono-node 2.10.3, in English and
 * German, misses the Japanese, Hungarian, Russian and Italian dates and puts a yearless "Updated
 * March 4" in the next year). Runs on the extension side and in Node, not in the content script.
 */

const MONTH_NAMES: string[][] = [
  [
    'january',
    'jan',
    'januar',
    'jänner',
    'janvier',
    'janv',
    'enero',
    'gennaio',
    'janeiro',
    'januari',
    'ene',
    'января',
  ],
  [
    'february',
    'feb',
    'februar',
    'février',
    'fevrier',
    'févr',
    'fevr',
    'febrero',
    'febbraio',
    'fevereiro',
    'februari',
    'февраля',
  ],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'mär', 'marzo', 'março', 'marco', 'maart', 'mrt', 'марта'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'aprile', 'abr', 'апреля'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'мая'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho', 'июня'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'julho', 'июля'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'augustus', 'ago', 'августа'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro', 'set', 'сентября'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'outubro', 'out', 'октября'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'ноября'],
  [
    'december',
    'dec',
    'dezember',
    'dez',
    'décembre',
    'decembre',
    'déc',
    'diciembre',
    'dicembre',
    'dezembro',
    'dic',
    'декабря',
  ],
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, index) => names.forEach((name) => MONTHS.set(name, index + 1)));
const MONTH_PATTERN = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD for a real calendar day between 1990 and next year, else null. */
function validDay(year: number, month: number, day: number): string | null {
  const maxYear = new Date().getUTCFullYear() + 1;
  if (year < 1990 || year > maxYear || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > daysInMonth ? null : `${year}-${pad(month)}-${pad(day)}`;
}

/** A two-digit year as printed in "12/16/16": the most recent such year not in the future. */
function fullYear(year: string): number {
  if (year.length === 4) return Number(year);
  const short = Number(year);
  const now = new Date().getUTCFullYear();
  return 2000 + short <= now + 1 ? 2000 + short : 1900 + short;
}

const ISO_DATE_TIME =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::(\d{1,2})|(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT)?)?/i;

/** "+0200" / "+02" / "Z" → "+02:00" / "Z". */
function isoOffset(zone: string): string {
  const upper = zone.toUpperCase();
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

/**
 * A machine-readable date (meta, JSON-LD, `<time datetime>`) as ISO 8601. Keeps the page's own
 * offset rather than converting to UTC, so the day stays the day the reader was shown. Falls back
 * to reading the value as written text ("March 3, 2026").
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const raw = String(value).trim().slice(0, 100);
  if (!raw) return null;
  if (/^\d{10}(?:\d{3})?$/.test(raw)) {
    // Unix time in seconds or milliseconds.
    const date = new Date(raw.length === 13 ? Number(raw) : Number(raw) * 1000);
    return validDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
      ? date.toISOString()
      : null;
  }
  const iso = ISO_DATE_TIME.exec(raw.replace(/\//g, '-'));
  if (iso) {
    const [, y, mo, d, h, mi, s1, s2, zone] = iso;
    const day = validDay(Number(y), Number(mo), Number(d));
    if (!day) return null;
    if (h === undefined || Number(h) > 23 || Number(mi) > 59) return day;
    // Seconds as some pages write them: "23:15:0Z".
    return `${day}T${h}:${mi}:${pad(Number(s1 ?? s2 ?? 0))}${zone ? isoOffset(zone) : ''}`;
  }
  return parseDateText(raw);
}

/** Is a US date in daylight saving time (second Sunday of March to first Sunday of November)? */
function usDaylightTime(year: number, month: number, day: number): boolean {
  if (month < 3 || month > 11) return false;
  if (month > 3 && month < 11) return true;
  const firstSunday = 1 + ((7 - new Date(Date.UTC(year, month - 1, 1)).getUTCDay()) % 7);
  return month === 3 ? day >= firstSunday + 7 : day < firstSunday;
}

/** Is a European date in summer time (last Sunday of March to last Sunday of October)? */
function euSummerTime(year: number, month: number, day: number): boolean {
  if (month < 3 || month > 10) return false;
  if (month > 3 && month < 10) return true;
  const last = new Date(Date.UTC(year, month, 0));
  const lastSunday = last.getUTCDate() - last.getUTCDay();
  return month === 3 ? day >= lastSunday : day < lastSunday;
}

/** Offsets of the time zones news pages print after a time; US and EU zones follow daylight time. */
const US_ZONES: Record<string, number> = { e: -5, c: -6, m: -7, p: -8 };
const FIXED_ZONES: Record<string, string> = {
  utc: 'Z',
  gmt: 'Z',
  z: 'Z',
  bst: '+01:00',
  cet: '+01:00',
  mez: '+01:00',
  cest: '+02:00',
  mesz: '+02:00',
  ist: '+05:30',
  jst: '+09:00',
  hkt: '+08:00',
  aest: '+10:00',
  aedt: '+11:00',
};

function zoneOffset(zone: string, year: number, month: number, day: number): string | null {
  const name = zone.toLowerCase();
  if (/^[+-]\d{2}:?\d{2}$/.test(name)) return isoOffset(name);
  // "GMT+10", "UTC-5", "GMT+5:30".
  const shifted = /^(?:gmt|utc)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(name);
  if (shifted) return `${shifted[1]}${pad(Number(shifted[2]))}:${shifted[3] ?? '00'}`;
  const us = /^([ecmp])(s|d)?t$/.exec(name);
  if (us) {
    const hours = US_ZONES[us[1]!]! + ((us[2] ? us[2] === 'd' : usDaylightTime(year, month, day)) ? 1 : 0);
    return `-${pad(-hours)}:00`;
  }
  if (name === 'cet' || name === 'mez') return euSummerTime(year, month, day) ? '+02:00' : '+01:00';
  return FIXED_ZONES[name] ?? null;
}

const WEEKDAY =
  '(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[a-z]*\\.?,?\\s+)?';
const MONTH_FIRST = new RegExp(
  `\\b${WEEKDAY}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'giu',
);
const DAY_FIRST = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`,
  'giu',
);
/** 2026-03-03, 2026/03/03, 2026.03.03 and Hungarian 2026. 03. 03. */
const NUMERIC_ISO = /\b(\d{4})(?:[-/]|\.\s?)(\d{1,2})(?:[-/]|\.\s?)(\d{1,2})\b/g;
/** Chinese, Japanese and Korean: 2019年04月28日, 2019년 4월 28일. */
const NUMERIC_CJK = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/g;
const NUMERIC_DOTTED = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2}(?![\d.]))/g;
const NUMERIC_SLASHED = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2}(?![\d/]))\b/g;
const NUMERIC_DASHED = /\b(\d{1,2})-(\d{1,2})-(\d{4})\b/g;
/** A month and day without a year ("March 4", "4 mars"): read only where the year is known. */
const MONTH_FIRST_NO_YEAR = new RegExp(
  `\\b${WEEKDAY}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![:.]?\\d)(?!,?\\s+\\d{4})`,
  'giu',
);
const DAY_FIRST_NO_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?(${MONTH_PATTERN})(?![\\p{L}])(?!\\.?,?\\s+(?:de\\s+)?\\d{4})`,
  'giu',
);
/** Time zones as pages print them after a time. */
const ZONE =
  '(?:GMT|UTC)[+-]\\d{1,2}(?::?\\d{2})?|[ECMP][SD]?T|UTC|GMT|BST|CET|CEST|MEZ|MESZ|IST|JST|HKT|AEST|AEDT|Z|[+-]\\d{2}:?\\d{2}';
/** A time right after a date: ", 4:12 PM ET", " um 16:12 Uhr", " à 16h12", " at 10:51am", " @ 10:42 am". */
const TIME_AFTER = new RegExp(
  `^(?:\\s*(?:,|\\.|at|um|à|a las|alle|-|–|\\||\\/|@)?\\s*)(\\d{1,2})[:h.](\\d{2})(?::(\\d{2}))?(?!\\d)\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*(?:uhr|h)?\\s*(?:\\(?\\s*(${ZONE})\\b\\)?)?`,
  'i',
);
/**
 * A time right before a date: "9:30 a.m. EST March 4", "4:12 PM ET, March 3, 2026", "2010 GMT (0410 HKT)
 * March 14, 2021". Four digits without a colon count only with a zone after them.
 */
const TIME_BEFORE = new RegExp(
  `(?:^|[^\\d:.])(\\d{1,2})(?::(\\d{2})|(\\d{2})(?=\\s*(?:${ZONE})\\b))?(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*(?:(${ZONE})\\b)?\\s*(?:\\([^()]{0,20}\\))?\\s*(?:,|on|\\||·|-)?\\s*$`,
  'i',
);

interface FoundDate {
  /** YYYY-MM-DD, or with a time (and offset, when the page names the zone). */
  value: string;
  index: number;
  /** Where the date (and the time after it) ends. */
  end: number;
  /** The phrase named no year; the year was taken from elsewhere. */
  yearless?: boolean;
}

/** "YYYY-MM-DD" and the parts of a printed time as one ISO value; the day alone when the time is impossible. */
function timeOnDay(
  day: string,
  hourText: string,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiemText: string | undefined,
  zone: string | undefined,
): string {
  let hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  const meridiem = meridiemText?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return day;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const offset = zone ? (zoneOffset(zone, year, month, date) ?? '') : '';
  return `${day}T${pad(hour)}:${pad(minute)}:${secondText ?? '00'}${offset}`;
}

/** The date with the time printed right after it, or else right before it (within `before`). */
function withTime(text: string, start: number, end: number, day: string, before: number): FoundDate {
  const after = TIME_AFTER.exec(text.slice(end, end + 40));
  if (after)
    return {
      value: timeOnDay(day, after[1]!, after[2], after[3], after[4], after[5]),
      index: start,
      end: end + after[0].length,
    };
  const time = TIME_BEFORE.exec(text.slice(Math.max(before, start - 60), start));
  // A bare number before a date is no time ("12 3 March"): it needs minutes or "a.m."/"p.m.".
  if (time && (time[2] ?? time[3] ?? time[5]))
    return {
      value: timeOnDay(day, time[1]!, time[2] ?? time[3], time[4], time[5], time[6]),
      index: start,
      end,
    };
  return { value: day, index: start, end };
}

/**
 * Every date-looking phrase in a text, each with where it starts, in reading order. With a
 * `referenceYear`, a month and day printed without a year ("Updated March 4") are read in that year.
 */
function datesInText(text: string, dayFirst: boolean, referenceYear?: number): FoundDate[] {
  const spans: Array<{ day: string; start: number; end: number; yearless?: boolean }> = [];
  const scan = (pattern: RegExp, toDay: (m: RegExpExecArray) => string | null, yearless?: boolean) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const day = toDay(match);
      const start = match.index;
      const end = start + match[0].length;
      // A yearless phrase inside a full date already found ("March 4, 2026") is that date.
      if (day && !(yearless && spans.some((span) => span.start <= start && end <= span.end)))
        spans.push(yearless ? { day, start, end, yearless } : { day, start, end });
    }
  };
  const month = (name: string) => MONTHS.get(name.toLowerCase()) ?? 0;
  scan(MONTH_FIRST, (m) => validDay(Number(m[3]), month(m[1]!), Number(m[2])));
  scan(DAY_FIRST, (m) => validDay(Number(m[3]), month(m[2]!), Number(m[1])));
  scan(NUMERIC_ISO, (m) => validDay(Number(m[1]), Number(m[2]), Number(m[3])));
  scan(NUMERIC_CJK, (m) => validDay(Number(m[1]), Number(m[2]), Number(m[3])));
  scan(NUMERIC_DOTTED, (m) => validDay(fullYear(m[3]!), Number(m[2]), Number(m[1])));
  scan(NUMERIC_DASHED, (m) => validDay(Number(m[3]), Number(m[2]), Number(m[1])));
  // 03/17/2026 is month-first, 17/03/2026 day-first; 03/04/2026 is read as the page's locale writes it.
  scan(NUMERIC_SLASHED, (m) => {
    const [a, b, year] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
    return a > 12 || (dayFirst && b <= 12) ? validDay(year, b, a) : validDay(year, a, b);
  });
  if (referenceYear !== undefined) {
    scan(MONTH_FIRST_NO_YEAR, (m) => validDay(referenceYear, month(m[1]!), Number(m[2])), true);
    scan(DAY_FIRST_NO_YEAR, (m) => validDay(referenceYear, month(m[2]!), Number(m[1])), true);
  }
  spans.sort((x, y) => x.start - y.start);
  const found: FoundDate[] = [];
  let previousEnd = 0;
  for (const span of spans) {
    const date = withTime(text, span.start, span.end, span.day, previousEnd);
    if (span.yearless) date.yearless = true;
    found.push(date);
    previousEnd = Math.max(previousEnd, date.end);
  }
  return found;
}

/**
 * The first date written in a text, with its time when one follows ("Published March 3, 2026, 4:12 PM
 * ET") or comes first ("9:30 a.m. EST March 4, 2026"). `dayFirst` reads 02/10/2020 as 2 October
 * (British and continental pages); `referenceYear` lets "March 4" count, in that year.
 */
export function parseDateText(text: string, dayFirst = false, referenceYear?: number): string | null {
  return datesInText(text.slice(0, 2000), dayFirst, referenceYear)[0]?.value ?? null;
}

/** Words that say a date is the publication ("Published", "Posted", "Veröffentlicht", "Publié" …). */
const PUBLISHED_LABEL =
  /^(?:originally\s+|first\s+|zuerst\s+)?(?:published|posted|created|publi(?:é|shed)|veröffentlicht|erschienen|erstellt|publicado|pubblicato)(?![\p{L}])/iu;
/** Words that say a date is an update ("Updated", "Last modified", "Aktualisiert", "Mis à jour" …). */
export const UPDATED_LABEL =
  /updat|modifi|aktualisiert|geändert|änderung|mis à jour|actualizado|aggiornato|bijgewerkt|edited|editiert|revised/i;
/** Where a date line splits: separators, and right before a label ("… 4:12 PM ET Updated 9:30 a.m."). */
const DATE_LINE_PARTS = new RegExp(
  `\\s*(?:·|•|\\||\\n|\\s[-–—]\\s|;)\\s*|\\s+(?=(?:last\\s+|zuletzt\\s+|letzte\\s+)?(?:updated|modified|published|posted|originally|created|aktualisiert|veröffentlicht|erschienen|erstellt|geändert|änderung|publié|mis à jour|modifié|actualizado|publicado)(?![\\p{L}]))`,
  'iu',
);

/**
 * A printed date line split into its parts: "Published March 3, 2026, 4:12 PM ET · Updated 9:30 a.m.
 * EST March 4" gives the first date to `published` and the second to `modified` (a date without a year
 * takes the year of the line's other date, or `referenceYear`). A date with no label is the
 * publication; an update label counts when it stands before the date, not after it ("January 19, 2020
 * … Updated 8 hours ago" is the publication date).
 */
export function splitDateLine(
  text: string,
  dayFirst = false,
  referenceYear?: number,
): { published: string | null; modified: string | null } {
  const line = text.slice(0, 2000);
  const year = referenceYear ?? Number(datesInText(line, dayFirst)[0]?.value.slice(0, 4) ?? NaN);
  const known = Number.isFinite(year) ? year : undefined;
  let published: string | null = null;
  let labelledPublished = false;
  let modified: string | null = null;
  for (const part of line.split(DATE_LINE_PARTS)) {
    if (!part) continue;
    // A day without a year counts only after a label ("Updated 9:30 a.m. EST March 4"): in running
    // text, "the vote on 4 March" is no stamp.
    let date = datesInText(part, dayFirst)[0];
    if (!date) {
      date = datesInText(part, dayFirst, known)[0];
      if (!date || !(UPDATED_LABEL.test(part.slice(0, date.index)) || PUBLISHED_LABEL.test(part))) continue;
    }
    const label = part.slice(0, date.index);
    if (UPDATED_LABEL.test(label)) {
      let value = date.value;
      // "Published December 31, 2025 · Updated January 1": the update is in the next year.
      if (date.yearless && published && value.slice(0, 10) < published.slice(0, 10))
        value = `${Number(value.slice(0, 4)) + 1}${value.slice(4)}`;
      modified ??= value;
    } else if (PUBLISHED_LABEL.test(label.trim()) && !labelledPublished) {
      published = date.value;
      labelledPublished = true;
    } else published ??= date.value;
  }
  return { published, modified };
}

/** The first calendar day written in a text, as YYYY-MM-DD. */
export function findDateInText(text: string): string | null {
  return parseDateText(text)?.slice(0, 10) ?? null;
}

/** A date in a page address such as /2026/03/03/, /2026-03-03-title or /20260303/. */
export function dateFromUrl(url: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const match =
    /(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$|\D)/.exec(path);
  return match ? validDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** Whole milliseconds between two ISO dates, or null when either does not parse. */
export function millisBetween(from: string, to: string): number | null {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isFinite(a) && Number.isFinite(b) ? b - a : null;
}
