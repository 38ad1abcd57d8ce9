/** An annotator speaks only for its own page: the frame's address, and a canonical address on the same site. */
import { describe, expect, it } from 'vitest';
import { pageForFrame, sameSite, siteOf, siteOfHost } from '../../../lib/annotations/page-trust';
import { answerStoreRequest } from '../../../lib/annotations/service';
import { freshDatabase, passage } from '../store/database';

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

describe('sites under the Public Suffix List', () => {
  it('makes sibling subdomains of a private public suffix two sites (finding 1)', () => {
    expect(sameSite('https://alice.github.io/post', 'https://bob.github.io/post')).toBe(false);
    expect(sameSite('https://alice.blogspot.com/2026/03/a.html', 'https://bob.blogspot.com/x')).toBe(false);
    expect(sameSite('https://alice-bucket.s3.amazonaws.com/a', 'https://bob-bucket.s3.amazonaws.com/b')).toBe(
      false,
    );
    // Within one registrable domain under such a suffix, hosts are still one site.
    expect(sameSite('https://www.alice.github.io/a', 'https://alice.github.io/b')).toBe(true);
  });

  it('refuses a sibling blog that names the victim’s article as its canonical address', () => {
    const frame = 'https://alice.blogspot.com/2026/03/copied.html';
    const claimed = { url: frame, canonicalUrl: 'https://bob.blogspot.com/2026/03/story.html', title: '' };
    expect(pageForFrame(claimed, frame)).toEqual({ url: frame, canonicalUrl: null, title: '' });
  });

  it('reads suffixes of more than two labels that no rule of thumb knows', () => {
    expect(siteOfHost('city.kawasaki.jp')).toBe('city.kawasaki.jp');
    expect(sameSite('https://news.city.kawasaki.jp/a', 'https://city.kawasaki.jp/b')).toBe(true);
    expect(siteOfHost('www.example.com.br')).toBe('example.com.br');
    expect(siteOfHost('news.example.pvt.k12.ma.us')).toBe('example.pvt.k12.ma.us');
  });

  it('gives hosts without a registrable domain a site of their own', () => {
    expect(siteOf('http://127.0.0.1:3000/a')).toBe('127.0.0.1');
    expect(sameSite('http://127.0.0.1:3000/a', 'http://127.0.0.2/a')).toBe(false);
    expect(sameSite('http://[::1]:8080/a', 'http://[::1]/b')).toBe(true);
    expect(siteOf('http://localhost:4000/a')).toBe('localhost');
    // A public suffix itself is no one's site but its own.
    expect(siteOf('https://github.io/')).toBe('github.io');
    expect(sameSite('https://github.io/', 'https://alice.github.io/')).toBe(false);
  });

  it('has no site for addresses that are not on the web', () => {
    expect(siteOf('file:///home/reader/story.html')).toBeNull();
    expect(siteOf('about:blank')).toBeNull();
    expect(siteOf('data:text/html,<p>x</p>')).toBeNull();
    expect(sameSite('file:///a.html', 'file:///b.html')).toBe(false);
  });

  it('ignores case, a trailing dot and a port', () => {
    expect(sameSite('https://WWW.News.Example./a', 'https://news.example:8443/b')).toBe(true);
  });
});

describe('the background with a sibling subdomain (finding 1)', () => {
  it('does not list the notes of bob.github.io to an annotator on alice.github.io', async () => {
    const db = freshDatabase();
    const victim = { url: 'https://bob.github.io/story', canonicalUrl: null, title: 'Story' };
    await answerStoreRequest(
      db,
      {
        type: 'scrutiny/highlight-create',
        page: victim,
        selectors: passage('the water plan', 40),
        colour: 'green',
        note: 'private thought',
      },
      undefined,
    );
    const copy = { url: 'https://alice.github.io/copy', canonicalUrl: victim.url, title: 'Story' };
    const listed = await answerStoreRequest(db, { type: 'scrutiny/annotations-list', page: copy }, copy.url);
    expect(listed.response).toEqual({ ok: true, annotations: [] });
  });
});
