import { describe, expect, it } from 'vitest';
import { pageKeys } from '../../../lib/annotations/page-keys';

const keysOf = (url: string, canonicalUrl: string | null = null) => pageKeys({ url, canonicalUrl });
const samePage = (a: string, b: string) => keysOf(a).some((key) => keysOf(b).includes(key));

describe('pageKeys', () => {
  it('gives the address without scheme, fragment, default port or www, host lowercased', () => {
    expect(keysOf('https://WWW.Example.COM:443/News/Story-1#comments')).toEqual(['example.com/News/Story-1']);
    expect(keysOf('http://example.com:80/a')).toEqual(['example.com/a']);
    expect(keysOf('https://example.com:8443/a')).toEqual(['example.com:8443/a']);
    expect(keysOf('https://user:secret@example.com./a')).toEqual(['example.com/a']);
  });

  it('puts the canonical address first, and keeps the address the reader had open', () => {
    expect(keysOf('https://example.com/story?id=7&page=2', 'https://example.com/story?id=7')).toEqual([
      'example.com/story?id=7',
      'example.com/story?id=7&page=2',
    ]);
    expect(keysOf('https://example.com/a', 'https://example.com/a/')).toEqual(['example.com/a']);
  });

  it('reads a relative canonical address against the page', () => {
    expect(keysOf('https://example.com/news/x?utm_source=t', '/news/x')).toEqual(['example.com/news/x']);
  });

  it('ignores a canonical address that points an article at the home page', () => {
    expect(keysOf('https://example.com/news/x', 'https://example.com/')).toEqual(['example.com/news/x']);
    expect(keysOf('https://example.com/', 'https://www.example.com')).toEqual(['example.com/']);
  });

  it.each([
    ['https://example.com/a?utm_source=tw&utm_medium=social&utm_campaign=x', 'example.com/a'],
    ['https://example.com/a?fbclid=IwAR0abc', 'example.com/a'],
    ['https://example.com/a?gclid=1&dclid=2&msclkid=3&gbraid=4&wbraid=5', 'example.com/a'],
    ['https://example.com/a?mc_cid=1&mc_eid=2', 'example.com/a'],
    ['https://example.com/a?igshid=1&_ga=2.1.3&_gl=1*abc', 'example.com/a'],
    [
      'https://www.nytimes.com/2024/05/01/us/x.html?smid=nytcore-ios-share&smtyp=cur',
      'nytimes.com/2024/05/01/us/x.html',
    ],
    ['https://www.theguardian.com/world/2024/x?CMP=share_btn_tw', 'theguardian.com/world/2024/x'],
    ['https://www.msn.com/en-us/news/x/ar-AA1?ocid=msedgntp&cvid=1', 'msn.com/en-us/news/x/ar-AA1?cvid=1'],
    ['https://edition.cnn.com/2024/x/index.html?cmpid=org=ioc', 'edition.cnn.com/2024/x'],
    ['https://example.com/a?ref=hn&ref_src=twsrc%5Etfw', 'example.com/a'],
    ['https://www.bbc.co.uk/news/x-123?at_medium=RSS&at_campaign=KARANGA', 'bbc.co.uk/news/x-123'],
    ['https://www.lemonde.fr/x.html?xtor=RSS-3208', 'lemonde.fr/x.html'],
    ['https://example.com/a?pk_campaign=x&mtm_source=y&ns_mchannel=z', 'example.com/a'],
    ['https://example.com/a?UTM_SOURCE=x', 'example.com/a'],
    ['https://example.com/a?&&utm_source=x&', 'example.com/a'],
  ])('strips tracking parameters: %s', (url, key) => {
    expect(keysOf(url)).toEqual([key]);
  });

  it.each([
    ['https://example.com/index.php?p=123&utm_source=x', 'example.com/?p=123'],
    ['https://example.com/?p=123', 'example.com/?p=123'],
    ['https://example.com/article.php?id=9&story=2', 'example.com/article.php?id=9&story=2'],
    ['https://news.ycombinator.com/item?id=40000000', 'news.ycombinator.com/item?id=40000000'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30', 'youtube.com/watch?t=30&v=dQw4w9WgXcQ'],
  ])('keeps parameters that choose the article: %s', (url, key) => {
    expect(keysOf(url)).toEqual([key]);
  });

  it('sorts the query, so parameter order does not matter', () => {
    expect(keysOf('https://example.com/s?b=2&a=1')).toEqual(keysOf('https://example.com/s?a=1&b=2'));
    expect(keysOf('https://example.com/s?b=2&a=1&b=1')).toEqual(['example.com/s?a=1&b=1&b=2']);
  });

  it('treats trailing slashes, index documents and escape case as one address', () => {
    expect(keysOf('https://example.com/news/')).toEqual(['example.com/news']);
    expect(keysOf('https://example.com/news/index.html')).toEqual(['example.com/news']);
    expect(keysOf('https://example.com/news/default.aspx')).toEqual(['example.com/news']);
    expect(keysOf('https://example.com/caf%c3%a9')).toEqual(keysOf('https://example.com/café'));
    expect(keysOf('https://example.com')).toEqual(['example.com/']);
  });

  it('treats http and https, www and bare host as one page', () => {
    expect(samePage('http://example.com/a', 'https://www.example.com/a')).toBe(true);
  });

  it.each([
    ['https://www.example.com/2024/01/story/amp/', 'https://www.example.com/2024/01/story/'],
    ['https://www.bbc.co.uk/news/amp/world-123', 'https://www.bbc.co.uk/news/world-123'],
    ['https://www.example.com/amp/news/story', 'https://www.example.com/news/story'],
    ['https://example.com/story?amp=1', 'https://example.com/story'],
    ['https://example.com/story?amp', 'https://example.com/story'],
    [
      'https://www.washingtonpost.com/x/2024/story/?outputType=amp',
      'https://www.washingtonpost.com/x/2024/story/',
    ],
    ['https://amp.theguardian.com/world/2024/x', 'https://www.theguardian.com/world/2024/x'],
    ['https://amp.cnn.com/cnn/2024/x/index.html', 'https://www.cnn.com/cnn/2024/x/index.html'],
    ['https://example.com/news/story.amp.html', 'https://example.com/news/story.html'],
    ['https://example.com/news/story.amp', 'https://example.com/news/story'],
    [
      'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story/amp?amp_js_v=0.1&usqp=mq331AQ',
      'https://example.com/news/story',
    ],
    [
      'https://example-com.cdn.ampproject.org/v/s/example.com/news/story?amp_gsa=1',
      'https://example.com/news/story',
    ],
    ['https://www.google.com/amp/s/www.example.com/news/story/amp', 'https://example.com/news/story'],
  ])('finds the AMP copy %s under the page %s', (amp, plain) => {
    expect(samePage(amp, plain)).toBe(true);
  });

  it('keeps the literal key of an AMP address beside its AMP-free key', () => {
    expect(keysOf('https://example.com/story/amp')).toEqual(['example.com/story/amp', 'example.com/story']);
  });

  it('does not read AMP where there is none', () => {
    expect(keysOf('https://example.com/amp')).toEqual(['example.com/amp']);
    expect(keysOf('https://amp.dev/documentation')).toEqual(['amp.dev/documentation']);
    expect(keysOf('https://example.com/stamp/ampere?amplitude=3')).toEqual([
      'example.com/stamp/ampere?amplitude=3',
    ]);
  });

  it.each([
    ['https://example.com/story?id=1', 'https://example.com/story?id=2'],
    ['https://example.com/?p=10', 'https://example.com/?p=11'],
    ['https://example.com/News/Story', 'https://example.com/news/story'],
    ['https://example.com/a/b', 'https://example.com/a/b/c'],
    ['https://example.com/a', 'https://example.org/a'],
    ['https://blog.example.com/a', 'https://example.com/a'],
    ['https://example.com:8080/a', 'https://example.com/a'],
    ['https://example.com/index.php?story=5', 'https://example.com/index.php?story=6'],
    ['https://example.com/#!/story/1', 'https://example.com/#!/story/2'],
    ['https://example.com/#/story/1', 'https://example.com/'],
    ['https://example.com/search?q=amp', 'https://example.com/search'],
    ['https://example.com/tags/news/amp-1', 'https://example.com/tags/news'],
  ])('keeps different articles apart: %s and %s', (a, b) => {
    expect(samePage(a, b)).toBe(false);
  });

  it('keeps a syndicated copy apart unless it names the original as canonical', () => {
    const copy = 'https://partner.example.net/wire/story-1';
    const original = 'https://wire.example.com/story-1';
    expect(samePage(copy, original)).toBe(false);
    expect(pageKeys({ url: copy, canonicalUrl: original })).toContain(keysOf(original)[0]);
  });

  it('gives a saved page on disk its file address, and the live article through its canonical one', () => {
    expect(keysOf('file:///home/me/Saved%20page.html#top')).toEqual(['file:///home/me/Saved%20page.html']);
    expect(keysOf('file:///home/me/page.html', 'https://example.com/story')).toEqual([
      'example.com/story',
      'file:///home/me/page.html',
    ]);
  });

  it.each([
    'about:blank',
    'data:text/html,<p>x</p>',
    'chrome://newtab/',
    'blob:https://example.com/1',
    'not a url',
    '',
  ])('gives no keys for %j', (url) => {
    expect(keysOf(url)).toEqual([]);
    expect(keysOf(url, 'javascript:alert(1)')).toEqual([]);
  });

  it('never repeats a key', () => {
    const keys = keysOf('https://www.example.com/a/?utm_source=x', 'http://example.com/a');
    expect(keys).toEqual(['example.com/a']);
  });
});
