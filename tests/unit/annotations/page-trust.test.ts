/** An annotator speaks only for its own page: the frame's address, and a canonical address on the same site. */
import { describe, expect, it } from 'vitest';
import { pageForFrame, sameSite } from '../../../lib/annotations/page-trust';

describe('page trust', () => {
  it('takes the address from the browser, not from the page', () => {
    const claimed = { url: 'https://news.example/other', canonicalUrl: null, title: 'T' };
    expect(pageForFrame(claimed, 'https://news.example/story')).toEqual({
      url: 'https://news.example/story',
      canonicalUrl: null,
      title: 'T',
    });
  });

  it('keeps a canonical address on the same site, drops one on another site', () => {
    const frame = 'https://amp.news.example/story/amp';
    const own = { url: frame, canonicalUrl: 'https://www.news.example/story', title: '' };
    expect(pageForFrame(own, frame).canonicalUrl).toBe('https://www.news.example/story');
    const foreign = { url: 'https://evil.example/x', canonicalUrl: 'https://news.example/story', title: '' };
    expect(pageForFrame(foreign, 'https://evil.example/x').canonicalUrl).toBeNull();
  });

  it('tells sites apart under country second levels and sees through AMP caches', () => {
    expect(sameSite('https://www.bbc.co.uk/news/1', 'https://bbc.co.uk/x')).toBe(true);
    expect(sameSite('https://bbc.co.uk/news/1', 'https://evil.co.uk/x')).toBe(false);
    expect(
      sameSite(
        'https://news-example.cdn.ampproject.org/c/s/news.example/story',
        'https://news.example/story',
      ),
    ).toBe(true);
    expect(sameSite('https://news.example/a', 'not a url')).toBe(false);
  });
});
