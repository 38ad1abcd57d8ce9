/** metadataText and safeHttpUrl: metadata is text, links are http(s). */
import { describe, expect, it } from 'vitest';
import { metadataText } from '../../../lib/extract/text';
import { hostOf, safeHttpUrl } from '../../../lib/extract/urls';

describe('metadataText', () => {
  it.each([
    ['<b>Jane</b> <i>Doe</i>', 'Jane Doe'],
    ['<img src=x onerror="alert(1)">Evil', 'Evil'],
    ['<script>alert(1)</script>Riverside Gazette', 'Riverside Gazette'],
    ['<style>p{color:red}</style>Title', 'Title'],
    ['&lt;b&gt;Escaped&lt;/b&gt; markup', 'Escaped markup'],
    ['A title cut off at <img src=x onerror=alert(1)', 'A title cut off at'],
    ['Why 3 < 5 matters', 'Why 3 < 5 matters'],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['Null\u0000 and \u0007bell', 'Null and bell'],
    ['Lone &#xD800; surrogate', 'Lone &#xD800; surrogate'],
    ['  lots\n\tof   space  ', 'lots of space'],
    // The rest of a tag a broken attribute cut in two (finding 8).
    ['"> The Ledger', 'The Ledger'],
    ["'/> The Ledger", 'The Ledger'],
    ['The Ledger "<', 'The Ledger'],
    ['\\">', ''],
    ['"The Ledger" is out', '"The Ledger" is out'],
  ])('%j → %j', (input, output) => {
    expect(metadataText(input)).toBe(output);
  });

  it('caps the length and ignores what is not a string', () => {
    expect(metadataText('x'.repeat(1_000_000), 50)).toHaveLength(50);
    expect(metadataText({ toString: () => '<b>x</b>' })).toBe('');
    expect(metadataText(null)).toBe('');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' \u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    '/relative/without/base',
    '',
    '   ',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %j', (value) => {
    expect(safeHttpUrl(value)).toBeNull();
  });

  it('keeps http(s), resolves relative links against a base, and leaves spaces encoded', () => {
    expect(safeHttpUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHttpUrl('  HTTPS://Example.com/x  ')).toBe('https://example.com/x');
    expect(safeHttpUrl('/staff/jane', 'https://news.example.com/story')).toBe(
      'https://news.example.com/staff/jane',
    );
    expect(safeHttpUrl('javascript:alert(1)', 'https://news.example.com/')).toBeNull();
    expect(safeHttpUrl(42)).toBeNull();
  });

  it('hostOf gives the host of http(s) links only', () => {
    expect(hostOf('https://www.example.com/x')).toBe('example.com');
    expect(hostOf('javascript:alert(1)')).toBe('');
  });
});
