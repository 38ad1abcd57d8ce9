/** prepareSource: what jsdom is handed is within its limits, and says what was changed. */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../cli/html-dom';
import { prepareSource, removeMarkup } from '../../../cli/page-source';
import { deepMarkupWarning } from '../../../lib/extract/guard';
import {
  XML_FEED,
  articlePage,
  articleParagraphs,
  deepDomPage,
  hugeJsonLdPage,
  hugePage,
  utf16PageBytes,
  windows1251PageBytes,
} from '../../fixtures/hostile/pages';

type ParsedNode = DefaultTreeAdapterTypes.Node;

/** Deepest element, element count and widest sibling list, as parse5 (jsdom's parser) builds the tree. */
function shapeOf(html: string) {
  const pending: Array<[ParsedNode, number]> = [[parse(html, { scriptingEnabled: false }), -1]];
  let deepest = 0;
  let elements = 0;
  let widest = 0;
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    const isElement = 'tagName' in node;
    if (isElement) {
      elements++;
      deepest = Math.max(deepest, depth);
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    widest = Math.max(widest, children.filter((child) => 'tagName' in child).length);
    for (const child of children) pending.push([child, depth + 1]);
    if ('content' in node && node.content)
      for (const child of node.content.childNodes) pending.push([child, depth + 1]);
  }
  return { deepest, elements, widest };
}

const prepared = (html: string | Buffer) => {
  const source = prepareSource(Buffer.isBuffer(html) ? html : Buffer.from(html));
  return { ...source, text: source.bytes.toString('utf8') };
};

/** Generous: a busy machine may take many times longer than an idle one; no test here measures speed. */
const SLOW_MACHINE_MS = 120_000;

describe('prepareSource', { timeout: SLOW_MACHINE_MS }, () => {
  it('hands an ordinary page over unchanged, with a charset only when it declares none', () => {
    const page = articlePage();
    const source = prepared(page);
    expect(source.text).toBe(page);
    expect(source.contentType).toBe('text/html');
    expect(source.warnings).toEqual([]);

    const undeclared = page.replace('<meta charset="utf-8">', '');
    expect(prepared(undeclared).contentType).toBe('text/html; charset=utf-8');
    const late = `<!--${'x'.repeat(2000)}-->${page.replace('utf-8', 'windows-1251')}`.replace(
      '<meta charset="utf-8">',
      '',
    );
    expect(prepared(late).contentType).toBe('text/html; charset=windows-1251');
    // A declaration that starts within the first 1,024 bytes but ends after them is not read there.
    const straddling = page.replace('<meta charset="utf-8">', '');
    const cut = straddling.indexOf('</head>');
    const padded = `${straddling.slice(0, cut)}<meta name="keywords" content="${'x'.repeat(970 - cut)}"><meta charset="utf-8">${straddling.slice(cut)}`;
    expect(padded.indexOf('<meta charset')).toBeLessThan(1024);
    expect(padded.indexOf('<meta charset') + '<meta charset="utf-8">'.length).toBeGreaterThan(1024);
    expect(prepared(padded).contentType).toBe('text/html; charset=utf-8');
  });

  it('flattens a page nested 20,000 deep to 400 levels, keeping the text', () => {
    const source = prepared(deepDomPage(20_000));
    expect(source.warnings).toEqual([deepMarkupWarning(400)]);
    expect(shapeOf(source.text).deepest).toBeLessThanOrEqual(400);
    expect(source.text).toContain('Deepest paragraph.');
    expect(source.text.length).toBeLessThan(deepDomPage(20_000).length);
  });

  it('flattens deep markup inside <template> and drops deep raw-text elements whole', () => {
    const deep = `${'<div>'.repeat(500)}<textarea>${'<p>'.repeat(1000)}</textarea><span>kept</span>${'</div>'.repeat(500)}`;
    const source = prepared(articlePage({ body: `<template>${deep}</template>${deep}` }));
    expect(shapeOf(source.text).deepest).toBeLessThanOrEqual(400);
    expect(source.text).toContain('kept');
  });

  it('keeps at most 256 attributes per element', () => {
    const attributes = Array.from({ length: 20_000 }, (_, i) => `a${i}="1"`).join(' ');
    const source = prepared(articlePage({ body: `<p ${attributes}>Text</p>${articleParagraphs()}` }));
    expect(source.warnings).toEqual([
      'Some elements of this page carry more than 256 attributes; Scrutiny ignored the rest of them.',
    ]);
    const paragraph = /<p [^>]*>Text/.exec(source.text)![0];
    expect(paragraph.match(/="1"/g)).toHaveLength(256);
  });

  it('removes frames (jsdom opens a window for each), but not "<iframe>" inside an attribute or a script', () => {
    const page = articlePage({
      body: `${'<iframe src="https://ads.example/"></iframe>'.repeat(2000)}<frameset><frame src="a.html"></frameset>
<p title="<iframe>">kept</p><script>document.write("<iframe>")</script>${articleParagraphs()}`,
    });
    const source = prepared(page);
    expect(source.text).not.toContain('ads.example');
    expect(source.text).not.toContain('<frame ');
    expect(source.text).toContain('<p title="<iframe>">kept</p>');
    expect(source.text).toContain('document.write("<iframe>")');
  });

  it('reads a 25 MB page only in part, and says so', () => {
    const source = prepared(hugePage());
    expect(source.text.length).toBeLessThanOrEqual(1024 * 1024);
    expect(source.warnings).toEqual([
      'This page is 25.2 MB, more than Scrutiny parses at once (1.0 MB); it left out its scripts, style sheets, comments, inline SVG and embedded images, then read only the first 1.0 MB of the rest, so the article text may be cut short.',
    ]);
    expect(source.text).toContain('<h1>Council closes the old bridge for repairs</h1>');
  });

  it('keeps a 5 MB JSON-LD block whole: structured data does not count against the size limit', () => {
    const page = hugeJsonLdPage();
    const source = prepared(page);
    expect(source.text).toBe(page);
    expect(source.warnings).toEqual([]);
  });

  it('leaves out scripts, styles, comments, SVG and data: URLs before cutting a large page', () => {
    const bulk = `<script>var x = "${'x'.repeat(600_000)}";</script><style>p{}${' '.repeat(600_000)}</style>
<!--${'c'.repeat(600_000)}--><svg><path d="${'1 '.repeat(300_000)}"/></svg><img src="data:image/png;base64,${'A'.repeat(600_000)}">`;
    const source = prepared(articlePage({ head: bulk }));
    expect(source.warnings).toEqual([
      expect.stringMatching(
        /left out its scripts, style sheets, comments, inline SVG and embedded images, which hold no article text\.$/,
      ),
    ]);
    expect(source.text).toContain('<script></script>');
    expect(source.text).toContain('<img src="">');
    expect(source.text).not.toMatch(/<style|<svg|<!--/);
    expect(source.text).toContain(articleParagraphs());
  });

  it('cuts a page with more than 10,000 elements, and with more than 2,000 side by side', () => {
    const sections = `<section>${'<p><b>x</b></p>'.repeat(100)}</section>`.repeat(100);
    const many = prepared(articlePage({ body: sections }));
    expect(shapeOf(many.text).elements).toBeLessThanOrEqual(10_000);
    expect(many.warnings).toEqual([
      'This page has more than 10,000 elements; Scrutiny read only the part before that, so the article text may be cut short.',
    ]);
    const wide = prepared(articlePage({ body: '<div>item</div>'.repeat(5_000) }));
    expect(shapeOf(wide.text).widest).toBeLessThanOrEqual(2_000);
    expect(wide.warnings).toEqual([
      'This page has more than 2,000 elements side by side in one place; Scrutiny read only the first 2,000, so the article text may be cut short.',
    ]);
  });

  it('parses a standalone XML document as XML, and XHTML as HTML', () => {
    expect(prepared(XML_FEED).contentType).toBe('application/xml');
    const xhtml = `<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head></html>`;
    expect(prepared(xhtml).contentType).toMatch(/^text\/html/);
    const deepXml = `<?xml version="1.0"?><r>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</r>`;
    const deep = prepared(deepXml);
    expect(deep.contentType).toMatch(/^text\/html/);
    expect(shapeOf(deep.text).deepest).toBeLessThanOrEqual(400);
  });

  it('keeps UTF-16 and windows-1251 pages in their own encoding', () => {
    const utf16 = utf16PageBytes();
    expect(prepareSource(utf16).bytes.equals(utf16)).toBe(true);
    const cp1251 = windows1251PageBytes();
    const source = prepareSource(cp1251);
    expect(source.bytes.equals(cp1251)).toBe(true);
    expect(source.contentType).toBe('text/html');
  });

  it('hands over the tree it parsed when nothing was rewritten, decoded as the DOM reads the page', () => {
    const textOf = (node: ParsedNode): string =>
      'value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
    for (const bytes of [windows1251PageBytes(), utf16PageBytes(), Buffer.from(articlePage())]) {
      const source = prepareSource(bytes);
      expect(source.parsed).toBeDefined();
      const decoded = decodePage(source.bytes, source.contentType);
      expect(textOf(source.parsed!)).toBe(textOf(parse(decoded, { scriptingEnabled: false })));
    }
    expect(textOf(prepareSource(windows1251PageBytes()).parsed!)).toMatch(/[А-я]{3}/);
    // A rewritten page is parsed again from what was handed over.
    expect(prepareSource(Buffer.from(deepDomPage(1000))).parsed).toBeUndefined();
  });

  it('rewrites a UTF-16 page without breaking its encoding', () => {
    const page = `${articlePage().replace('<meta charset="utf-8">', '')}${'<div>'.repeat(1000)}Тест${'</div>'.repeat(1000)}`;
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(page, 'utf16le').swap16()]);
    const source = prepareSource(bytes);
    expect(source.warnings).toEqual([deepMarkupWarning(400)]);
    expect(source.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(source.bytes.subarray(2).toString('utf16le')).toContain('Тест');
  });
});

describe('removeMarkup', { timeout: SLOW_MACHINE_MS }, () => {
  it('keeps JSON-LD scripts when it removes the others', () => {
    const html = '<script type="application/ld+json">{"a":1}</script><script>var b = 2;</script><p>x</p>';
    expect(removeMarkup(html, { scripts: true }).text).toBe(
      '<script type="application/ld+json">{"a":1}</script><script></script><p>x</p>',
    );
  });

  it('is not fooled by tags inside quoted attribute values or raw text', () => {
    const html = `<a title='<iframe>' href="x">a</a><textarea><iframe></textarea><style>/* <iframe> */</style>`;
    expect(removeMarkup(html, { frames: true }).text).toBe(html);
  });

  it('removes an unclosed <iframe> to the end of the page, as the parser would swallow it', () => {
    expect(removeMarkup('<p>a</p><iframe><p>b</p>', { frames: true }).text).toBe('<p>a</p>');
  });
});
