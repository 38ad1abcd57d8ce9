import { describe, expect, it } from 'vitest';
import {
  describeDelay,
  displayUrl,
  formatCount,
  formatPageDate,
  formatShare,
  httpUrl,
} from '../../lib/format';

describe('formatPageDate', () => {
  it('shows a moment in the reader’s zone, named, with the page’s own time when its zone differs', () => {
    const berlin = { timeZone: 'Europe/Berlin' };
    expect(formatPageDate('2021-07-17T10:51:00-04:00', berlin)).toBe(
      'July 17, 2021 at 4:51 PM GMT+2 (10:51 UTC−04:00 on the page)',
    );
    expect(formatPageDate('2021-07-17T23:30:00Z', berlin)).toBe(
      'July 18, 2021 at 1:30 AM GMT+2 (23:30 UTC on the page)',
    );
    // The reader in the page's own zone: said once.
    expect(formatPageDate('2021-07-17T10:51:00-04:00', { timeZone: 'America/New_York' })).toBe(
      'July 17, 2021 at 10:51 AM EDT',
    );
    expect(formatPageDate('2021-01-17T23:30:00Z', { timeZone: 'UTC' })).toBe(
      'January 17, 2021 at 11:30 PM UTC',
    );
  });

  it('keeps a time without a zone as the page printed it, and any zone name it cannot use', () => {
    expect(formatPageDate('2021-07-17T23:30:00', { timeZone: 'Europe/Berlin' })).toBe(
      'July 17, 2021, 23:30 (no time zone given)',
    );
    expect(formatPageDate('2021-07-17T10:51:00-04:00', { timeZone: 'Not/AZone' })).toBe(
      'July 17, 2021, 10:51 UTC−04:00',
    );
  });

  it('shows a plain date as a date, and leaves what it cannot read alone', () => {
    expect(formatPageDate('2026-03-03')).toBe('March 3, 2026');
    expect(formatPageDate('yesterday')).toBe('yesterday');
  });
});

describe('describeDelay', () => {
  it('says how long after publication an update came', () => {
    expect(describeDelay('2026-03-03T16:12:00-05:00', '2026-03-03T16:40:00-05:00')).toBe('28 minutes later');
    expect(describeDelay('2026-03-03T16:12:00-05:00', '2026-03-04T09:30:00-05:00')).toBe('17 hours later');
    expect(describeDelay('2026-03-03', '2026-03-10')).toBe('7 days later');
    expect(describeDelay('2026-03-03', '2026-09-03')).toBe('6 months later');
    expect(describeDelay('2020-03-03', '2026-03-03')).toBe('6 years later');
  });

  it('says nothing for an update before the publication or an unreadable date', () => {
    expect(describeDelay('2026-03-04', '2026-03-03')).toBeNull();
    expect(describeDelay('soon', '2026-03-03')).toBeNull();
  });
});

describe('formatCount', () => {
  it('pluralises', () => {
    expect(formatCount(1, 'word')).toBe('1 word');
    expect(formatCount(1234, 'word')).toBe('1,234 words');
  });
});

describe('formatShare', () => {
  it('gives whole percentages, never rounding a sliver away to 0', () => {
    expect(formatShare(0.337)).toBe('34%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.003)).toBe('less than 1%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(Number.NaN)).toBe('0%');
  });
});

describe('httpUrl and displayUrl', () => {
  it('lets only absolute http(s) addresses through', () => {
    expect(httpUrl('https://city.example/budget.pdf')).toBe('https://city.example/budget.pdf');
    expect(httpUrl('http://city.example')).toBe('http://city.example/');
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(httpUrl('/relative')).toBeNull();
    expect(httpUrl(null)).toBeNull();
  });

  it('shows the host and path, cut when long', () => {
    expect(displayUrl('https://city.example/')).toBe('city.example');
    expect(displayUrl('https://city.example/a/b?c=1')).toBe('city.example/a/b?c=1');
    const long = displayUrl(`https://city.example/${'x'.repeat(200)}`);
    expect(long).toHaveLength(70);
    expect(long.endsWith('…')).toBe(true);
  });
});
