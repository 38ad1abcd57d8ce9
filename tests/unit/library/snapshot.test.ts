// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  offlineHtml,
  snapshotInputFromPage,
  type SnapshotInput,
} from '../../../lib/library/snapshot';
import { harborPage } from '../helpers/pages';

/** Attributes offlineHtml may leave; none of them can name something to load. */
const PLAIN_ATTRIBUTES = new Set(['href', 'title', 'lang', 'dir', 'colspan', 'rowspan', 'datetime']);

/**
 * What a browser could fetch while showing this HTML: every attribute that is not plain, every href that
 * is not an http(s) or mailto link, every element that loads, and any CSS at all.
 */
function loadingParts(html: string): string[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const element of parsed.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    // The parser's own frame, and where it puts <meta>, <link> and <style> when they come first.
    if (tag === 'html' || tag === 'head' || tag === 'body') continue;
    if (
      /^(?:img|image|picture|source|video|audio|track|iframe|frame|object|embed|svg|math|canvas|link|style|script|noscript|meta|base|form|input|button|template|use)$/.test(
        tag,
      )
    )
      found.push(`<${tag}>`);
    for (const { name, value } of element.attributes) {
      if (!PLAIN_ATTRIBUTES.has(name)) found.push(`${tag}[${name}]`);
      else if (name === 'href' && (!/^(?:https?:|mailto:)/i.test(value) || !/^(?:a|area)$/.test(tag)))
        found.push(`${tag}[href=${value}]`);
    }
  }
  if (/url\s*\(|@import/i.test(html)) found.push('CSS');
  return found;
}

/** Hostile or careless article HTML, one trick per line, each naming an address on a *.tracker host. */
const HOSTILE = `
  <p style="background:url(https://a.tracker/style.png)">Text <img src="https://a.tracker/img.jpg" srcset="https://a.tracker/2x.jpg 2x" alt="The old bridge"></p>
  <figure><img src="https://b.tracker/c.jpg" alt="Crowd"><figcaption>The hearing on Tuesday</figcaption></figure>
  <figure><img src="https://b.tracker/d.jpg" alt="Empty caption"><figcaption> </figcaption></figure>
  <picture><source srcset="https://c.tracker/d.webp" type="image/webp"><img src="https://c.tracker/d.jpg" alt="Ferry at dawn"></picture>
  <video poster="https://d.tracker/p.jpg" src="https://d.tracker/v.mp4"><track src="https://d.tracker/t.vtt">Your browser cannot play this.</video>
  <audio src="https://d.tracker/a.mp3"><source src="https://d.tracker/a.ogg">No audio.</audio>
  <iframe src="https://e.tracker/"></iframe><iframe srcdoc="<img src=https://e.tracker/srcdoc.png>"></iframe>
  <svg><image href="https://f.tracker/e.png"/><use xlink:href="https://f.tracker/sprite.svg#i"/><a href="https://f.tracker/svg-link"><text>svg</text></a></svg>
  <image src="https://f.tracker/html-image.png" alt="Parsed as img">
  <math><mi href="https://g.tracker/math">x</mi></math>
  <object data="https://h.tracker/o.swf"><embed src="https://h.tracker/e.swf"></object>
  <link rel="stylesheet" href="https://i.tracker/s.css"><link rel="preload" as="image" href="https://i.tracker/pre.png">
  <style>@import url(https://i.tracker/imp.css); p { background: url(https://i.tracker/b.png) }</style>
  <meta http-equiv="refresh" content="0;url=https://j.tracker/"><base href="https://j.tracker/">
  <p data-src="https://k.tracker/lazy.jpg" data-srcset="https://k.tracker/lazy2.jpg 2x" data-bg="https://k.tracker/bg.jpg">Lazy</p>
  <img data-src="https://k.tracker/lazy3.jpg" class="lazy" alt="A lazy image">
  <noscript><img src="https://k.tracker/noscript.jpg" alt="No-script copy"></noscript>
  <table background="https://l.tracker/table.png"><tr><td background="https://l.tracker/td.png" colspan="2">Cell</td></tr></table>
  <form action="https://m.tracker/submit"><input type="image" src="https://m.tracker/input.png"><button formaction="https://m.tracker/b">Go</button></form>
  <blockquote cite="https://n.tracker/cite">Quoted</blockquote><q cite="https://n.tracker/q">short</q>
  <p><a href="https://harbor.example/more" ping="https://o.tracker/ping" onclick="x()" target="_blank">More</a>
  <a href="javascript:alert(1)">bad</a> <a href=" JaVaScRiPt:alert(2)">bad2</a> <a href="data:text/html,hi">data</a>
  <a href="/relative/o.tracker">relative</a> <a href="mailto:desk@harbor.example">Mail the desk</a></p>
  <area href="https://harbor.example/map" shape="rect">
  <div><span lang="de" dir="ltr" title="Wasser">Wasser</span> <time datetime="2026-03-03">March 3</time></div>`;

describe('a saved copy', () => {
  it('keeps nothing that loads: no address of any tracker is left, however it was hidden', () => {
    // The check below sees the tricks when they are there.
    expect(loadingParts(`<meta http-equiv="refresh" content="0"><p>${HOSTILE}`)).toEqual(
      expect.arrayContaining([
        '<meta>',
        '<link>',
        '<style>',
        '<img>',
        '<svg>',
        'p[style]',
        'p[data-src]',
        'img[srcset]',
        'table[background]',
        'a[href=javascript:alert(1)]',
        'CSS',
      ]),
    );
    const html = offlineHtml(HOSTILE);
    expect(html).not.toMatch(/tracker/);
    expect(loadingParts(html)).toEqual([]);
  });

  it('keeps what a reader reads: text, links, image descriptions, captions and plain attributes', () => {
    const html = offlineHtml(HOSTILE);
    expect(html).toContain('Text [The old bridge]');
    expect(html).toContain('<figcaption>The hearing on Tuesday</figcaption>');
    // A caption says what the image shows; an empty caption does not.
    expect(html).not.toContain('[Crowd]');
    expect(html).toContain('[Empty caption]');
    expect(html).toContain('[Ferry at dawn]');
    expect(html).toContain('[Parsed as img]');
    expect(html).toContain('[A lazy image]');
    expect(html).toContain('<a href="https://harbor.example/more">More</a>');
    expect(html).toContain('<a href="mailto:desk@harbor.example">Mail the desk</a>');
    expect(html).toContain('<a>bad</a> <a>bad2</a> <a>data</a>');
    expect(html).toContain('<a>relative</a>');
    expect(html).toContain('<td colspan="2">Cell</td>');
    expect(html).toContain('<blockquote>Quoted</blockquote>');
    expect(html).toContain('<span lang="de" dir="ltr" title="Wasser">Wasser</span>');
    expect(html).toContain('<time datetime="2026-03-03">March 3</time>');
    expect(html).toContain('<p>Lazy</p>');
    // Media go with their fallback text: a saved copy cannot play them.
    expect(html).not.toContain('cannot play');
    expect(html).not.toContain('No audio');
  });

  it('is already offline after one pass', () => {
    const once = offlineHtml(HOSTILE);
    expect(offlineHtml(once)).toBe(once);
    expect(offlineHtml('')).toBe('');
    expect(offlineHtml('<p>Plain <em>text</em> & <strong>more</strong></p>')).toBe(
      '<p>Plain <em>text</em> &amp; <strong>more</strong></p>',
    );
  });

  it('keeps the byline without the page’s raw clues, the analysis as given, and offline html', () => {
    const page = harborPage({
      article: {
        text: 'The council voted.',
        html: '<p>The council voted. <img src="https://cdn.example/a.jpg" alt="Council"></p>',
        wordCount: 3,
        readingMinutes: 1,
        excerpt: 'The council voted.',
      },
    });
    const analysis = {
      quotes: [],
      sources: [],
      glance: {
        quotes: 0,
        speakers: 0,
        unattributedQuotes: 0,
        namedSources: 0,
        anonymousSources: 0,
        quotedShare: 0,
        linksOut: 0,
        minutesToUpdate: null,
      },
    };
    const input = snapshotInputFromPage(
      {
        ...page,
        byline: {
          ...page.byline,
          evidence: { authors: [], outlets: [], published: [], modified: [], meta: [], dateTexts: [] },
        },
      },
      'https://coastline.example/story',
      analysis,
    );
    expect('evidence' in input.byline).toBe(false);
    expect(input).toEqual({
      url: page.url,
      canonicalUrl: 'https://coastline.example/story',
      title: page.title,
      lang: page.lang,
      byline: page.byline,
      html: '<p>The council voted. [Council]</p>',
      text: 'The council voted.',
      wordCount: 3,
      excerpt: 'The council voted.',
      analysis,
    });
  });
});

describe('contentHash', () => {
  const base = snapshotInputFromPage(
    harborPage({
      article: {
        text: 'The council voted on Tuesday.\n\nA ferry will run — “for now”, she said.',
        html: '<p>The council voted on Tuesday.</p><p>A ferry will run.</p>',
        wordCount: 14,
        readingMinutes: 1,
        excerpt: 'The council voted.',
      },
    }),
    null,
    null,
  );

  it('is a SHA-256 in hex, the same for the same content', async () => {
    const hash = await contentHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await contentHash({ ...base })).toBe(hash);
  });

  it('does not change with whitespace, Unicode encoding, html or analysis', async () => {
    const hash = await contentHash(base);
    const rewrapped = {
      ...base,
      title: `  ${base.title.replace(/ /g, '\u00a0 ')}\n`,
      text: base.text.replace(/ /g, ' \n\t'),
      byline: {
        ...base.byline,
        authors: base.byline.authors.map((author) => ({ ...author, name: ` ${author.name} ` })),
      },
    };
    expect(await contentHash(rewrapped)).toBe(hash);
    const decomposed = { ...base, title: 'Café', text: 'Gemeinderat öffnet' };
    expect(await contentHash({ ...decomposed, title: 'Cafe\u0301', text: 'Gemeinderat o\u0308ffnet' })).toBe(
      await contentHash(decomposed),
    );
    const otherwiseSaved: SnapshotInput = {
      ...base,
      html: '<p>other</p>',
      wordCount: 1,
      excerpt: 'y',
      url: 'https://x.example/',
    };
    expect(await contentHash(otherwiseSaved)).toBe(hash);
  });

  it('changes with the headline, the text, the authors, the outlet and either date', async () => {
    const hash = await contentHash(base);
    const changed = [
      { ...base, title: `${base.title}!` },
      { ...base, text: `${base.text} More.` },
      { ...base, text: base.text.replace('“for now”', '“for good”') },
      { ...base, byline: { ...base.byline, authors: base.byline.authors.slice(1) } },
      { ...base, byline: { ...base.byline, authors: [...base.byline.authors].reverse() } },
      { ...base, byline: { ...base.byline, outlet: null } },
      { ...base, byline: { ...base.byline, published: '2026-03-02T16:12:00-05:00' } },
      { ...base, byline: { ...base.byline, modified: '2026-03-05T09:30:00-05:00' } },
      { ...base, byline: { ...base.byline, modified: null } },
    ];
    const hashes = await Promise.all(changed.map((input) => contentHash(input)));
    for (const other of hashes) expect(other).not.toBe(hash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('keeps fields apart: text moved from the headline into the body is a change', async () => {
    expect(await contentHash({ ...base, title: 'A B', text: 'C' })).not.toBe(
      await contentHash({ ...base, title: 'A', text: 'B C' }),
    );
  });
});
