import { describe, expect, it } from 'vitest';
import { dateFromUrl, findDateInText, normalizeDate, parseDateText } from '../../../lib/extract/dates';
import { splitDateLine } from '../../../lib/extract/resolve';

describe('normalizeDate (machine values)', () => {
  it('keeps the page own offset, in ±HH:MM form', () => {
    expect(normalizeDate('2026-03-03T16:12:00-05:00')).toBe('2026-03-03T16:12:00-05:00');
    expect(normalizeDate('2026-03-03T16:12:00+0100')).toBe('2026-03-03T16:12:00+01:00');
    expect(normalizeDate('2026-03-03T21:12:00.000Z')).toBe('2026-03-03T21:12:00Z');
    expect(normalizeDate('2026-03-03 16:12')).toBe('2026-03-03T16:12:00');
  });

  it('reads plain days, slashes and Unix time', () => {
    expect(normalizeDate('2026-03-03')).toBe('2026-03-03');
    expect(normalizeDate('2026/03/03')).toBe('2026-03-03');
    expect(normalizeDate('1772554320')).toBe('2026-03-03T16:12:00.000Z');
    expect(normalizeDate(1772554320000)).toBe('2026-03-03T16:12:00.000Z');
  });

  it('refuses impossible and empty values', () => {
    expect(normalizeDate('2026-02-30')).toBeNull();
    expect(normalizeDate('not a date')).toBeNull();
    expect(normalizeDate('')).toBeNull();
    expect(normalizeDate(null)).toBeNull();
  });

  it('falls back to the value as written text', () => {
    expect(normalizeDate('March 3, 2026')).toBe('2026-03-03');
  });
});

describe('parseDateText (printed dates)', () => {
  it('reads an English date with its time and US zone, minding daylight time', () => {
    expect(parseDateText('Published March 3, 2026, 4:12 PM ET')).toBe('2026-03-03T16:12:00-05:00');
    expect(parseDateText('July 17, 2021 at 10:51am ET')).toBe('2021-07-17T10:51:00-04:00');
    expect(parseDateText('Wednesday January 18, 2017 10:44 am PST')).toBe('2017-01-18T10:44:00-08:00');
    expect(parseDateText('3 March 2026')).toBe('2026-03-03');
    expect(parseDateText('Mar. 3rd, 2026')).toBe('2026-03-03');
  });

  it('reads German dates', () => {
    expect(parseDateText('3. März 2026, 16:12 Uhr')).toBe('2026-03-03T16:12:00');
    expect(parseDateText('Veröffentlicht am 03.03.2026')).toBe('2026-03-03');
    expect(parseDateText('Stand: 17.07.2021 10:51 Uhr MESZ')).toBe('2021-07-17T10:51:00+02:00');
    expect(parseDateText('Samstag, 3. Dezember 2011')).toBe('2011-12-03');
    // Two dates glued together by the page's markup.
    expect(parseDateText('Posted on Freitag, 15. April 2016Samstag, 4. März 2017')).toBe('2016-04-15');
  });

  it('reads French dates', () => {
    expect(parseDateText('Publié le 3 mars 2026 à 16h12')).toBe('2026-03-03T16:12:00');
    expect(parseDateText('mis à jour le 4 février 2026')).toBe('2026-02-04');
    expect(parseDateText('le 1er décembre 2025')).toBe('2025-12-01');
  });

  it('reads numeric and CJK dates, day-first where the locale writes them so', () => {
    expect(parseDateText('02/10/2020')).toBe('2020-02-10');
    expect(parseDateText('02/10/2020', true)).toBe('2020-10-02');
    expect(parseDateText('17/03/2026')).toBe('2026-03-17');
    expect(parseDateText('12/16/16 12:21pm')).toBe('2016-12-16T12:21:00');
    expect(parseDateText('2019年04月28日 08時00分')).toBe('2019-04-28');
  });

  it('finds nothing where there is no full date', () => {
    expect(parseDateText('Updated 3 hours ago')).toBeNull();
    expect(parseDateText('© 2026 Example News')).toBeNull();
    expect(findDateInText('Published March 3, 2026, 4:12 PM ET')).toBe('2026-03-03');
  });

  it('splits a "Published … · Updated …" line into its two dates', () => {
    expect(splitDateLine('Published March 3, 2026, 4:12 PM ET · Updated March 4, 2026, 9:30 AM ET')).toEqual({
      published: '2026-03-03T16:12:00-05:00',
      modified: '2026-03-04T09:30:00-05:00',
    });
    expect(splitDateLine('Aktualisiert am 4.3.2026')).toEqual({ published: null, modified: '2026-03-04' });
    // "Updated" after the date is about something else (here a relative time): the date is the publication.
    expect(splitDateLine('January 19, 2020 / 12:25 PM / Updated 8 hours ago').published).toBe(
      '2020-01-19T12:25:00',
    );
  });
});

describe('printed dates: times before the date, years from elsewhere, more shapes', () => {
  it('reads a time printed before the date', () => {
    expect(parseDateText('9:30 a.m. EST March 4, 2026')).toBe('2026-03-04T09:30:00-05:00');
    expect(parseDateText('4:12 PM ET, March 3, 2026')).toBe('2026-03-03T16:12:00-05:00');
    // Military time with a zone, and another zone in brackets.
    expect(parseDateText('Updated 2010 GMT (0410 HKT) March 14, 2021')).toBe('2021-03-14T20:10:00Z');
  });

  it('takes no bare number for a time, before or after the date', () => {
    expect(parseDateText('12 March 2020')).toBe('2020-03-12');
    expect(parseDateText('3. März 2020 10.000 Menschen')).toBe('2020-03-03');
  });

  it('reads a day without a year only when the year is known', () => {
    expect(parseDateText('Updated March 4')).toBeNull();
    expect(parseDateText('Updated 9:30 a.m. EST March 4', false, 2026)).toBe('2026-03-04T09:30:00-05:00');
    expect(parseDateText('Mis à jour le 4 mars', false, 2026)).toBe('2026-03-04');
  });

  it('reads Hungarian and Russian dates', () => {
    expect(parseDateText('2020. 08. 18. 21:35')).toBe('2020-08-18T21:35:00');
    expect(parseDateText('15 августа 2016, 10:12')).toBe('2016-08-15T10:12:00');
  });
});

describe('splitDateLine (published and updated kept apart)', () => {
  it('splits at the label even without a separator, and dates the yearless update', () => {
    expect(splitDateLine('Published March 3, 2026, 4:12 PM ET Updated 9:30 a.m. EST March 4')).toEqual({
      published: '2026-03-03T16:12:00-05:00',
      modified: '2026-03-04T09:30:00-05:00',
    });
    // An update in January after a December publication is in the next year.
    expect(splitDateLine('Published December 31, 2025 · Updated January 1').modified).toBe('2026-01-01');
    // A lone update line takes the year it is given (the publication's).
    expect(splitDateLine('Updated 9:30 a.m. EST March 4', false, 2026)).toEqual({
      published: null,
      modified: '2026-03-04T09:30:00-05:00',
    });
  });

  it('reads the labels, whichever comes first', () => {
    expect(splitDateLine('Last updated 04 Jun 2020, originally created 17 Jun 2019')).toEqual({
      published: '2019-06-17',
      modified: '2020-06-04',
    });
    expect(splitDateLine('Letzte Änderung: 31.10.2023 - 14:49:39Erschienen am: 01.11.2023')).toEqual({
      published: '2023-11-01',
      modified: '2023-10-31',
    });
  });

  it('takes no unlabelled day without a year for a date', () => {
    expect(splitDateLine('Bridge vote on 4 March delayed By Jane Doe March 3, 2026').published).toBe(
      '2026-03-03',
    );
    expect(splitDateLine('Nov 8, 3:20 PM')).toEqual({ published: null, modified: null });
  });
});

describe('dateFromUrl', () => {
  it('reads the common address shapes', () => {
    expect(dateFromUrl('https://news.example.com/2026/03/03/bridge-vote/')).toBe('2026-03-03');
    expect(dateFromUrl('https://news.example.com/20260303/bridge')).toBe('2026-03-03');
    expect(dateFromUrl('https://news.example.com/news/2026-03-03-bridge-vote')).toBe('2026-03-03');
  });

  it('ignores addresses without a real day', () => {
    expect(dateFromUrl('https://news.example.com/2026/13/45/bridge')).toBeNull();
    expect(dateFromUrl('https://news.example.com/story/1234567890')).toBeNull();
    expect(dateFromUrl('https://20260303.example.com/')).toBeNull();
  });
});
