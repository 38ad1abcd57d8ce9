/**
 * The captions and links of an article, read from its sanitized HTML without parsing it into a DOM.
 *
 * `article.html` is the browser's serialization of DOMPurify's output, so it is regular: every element
 * but the void ones has an end tag and elements nest properly, attribute values are double-quoted, and
 * the only character references are &amp; &lt; &gt; &quot; and &nbsp;. The sanitizer leaves no comments,
 * scripts, templates or raw-text elements. Scanning the tags costs a fraction of parsing the HTML again
 * (about a quarter of the analysis of a news article went into DOMParser).
 */
import { collapseWhitespace } from '../extract/text';
import type { LinkOut } from './sources';

export interface ArticleStructure {
  /** Texts of captions and asides, and of quotes nested in quotes: they repeat or frame the story. */
  furniture: Set<string>;
  /** Each http(s) address the article links, once, in reading order, with the text of its first link. */
  links: LinkOut[];
}

/** The elements whose text counts as furniture (a `blockquote` only inside another one). */
const FURNITURE = new Set(['figcaption', 'caption', 'aside']);

/** After a tag's name: its attributes (values may hold ">") and the closing ">". */
const TAG_REST = /[^>"]*(?:"[^"]*"[^>"]*)*>/y;
const HREF = /\shref="([^"]*)"/;
const CHARACTER_REFERENCE = /&(amp|lt|gt|quot|nbsp);/g;
const DECODED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00A0' };

const decode = (html: string) =>
  html.includes('&') ? html.replace(CHARACTER_REFERENCE, (_, name: string) => DECODED[name]!) : html;

const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/** An element whose text is wanted, from its start tag to its end tag. */
interface OpenElement {
  /** Index in `chunks` of the element's first piece of text. */
  firstChunk: number;
  /** Where its text goes: a link's slot, the furniture, or nowhere (a link already seen). */
  link: LinkOut | null;
  furniture: boolean;
}

export function readStructure(html: string): ArticleStructure {
  const furniture = new Set<string>();
  const links: LinkOut[] = [];
  const seen = new Set<string>();
  const open: OpenElement[] = [];
  let quoteDepth = 0;
  // The raw text between tags while an element of interest is open.
  const chunks: string[] = [];
  let textStart = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const isEnd = html.charCodeAt(at + 1) === 47; // "/"
    const nameStart = at + (isEnd ? 2 : 1);
    if (!isAsciiLetter(html.charCodeAt(nameStart))) continue;
    let nameEnd = nameStart + 1;
    for (let code = html.charCodeAt(nameEnd); code > 32 && code !== 47 && code !== 62;)
      code = html.charCodeAt(++nameEnd);
    TAG_REST.lastIndex = nameEnd;
    if (!TAG_REST.test(html)) break;
    const tagEnd = TAG_REST.lastIndex;
    if (open.length > 0) chunks.push(html.slice(textStart, at));
    textStart = tagEnd;
    at = tagEnd - 1;
    const name = html.slice(nameStart, nameEnd);
    const isQuote = name === 'blockquote';
    if (name !== 'a' && !isQuote && !FURNITURE.has(name)) continue;
    if (isEnd) {
      if (isQuote) quoteDepth--;
      const element = open.pop();
      if (!element) continue;
      if (element.link || element.furniture) {
        const text = collapseWhitespace(decode(chunks.slice(element.firstChunk).join('')));
        if (element.link) element.link.text = text;
        if (element.furniture && text) furniture.add(text);
      }
      if (open.length === 0) chunks.length = 0;
      continue;
    }
    let link: LinkOut | null = null;
    if (name === 'a') {
      const href = HREF.exec(html.slice(nameEnd, tagEnd));
      const url = href ? decode(href[1]!) : '';
      if (/^https?:\/\//i.test(url) && !seen.has(url)) {
        seen.add(url);
        link = { url, text: '' };
        links.push(link);
      }
    }
    open.push({
      firstChunk: chunks.length,
      link,
      furniture: FURNITURE.has(name) || (isQuote && quoteDepth > 0),
    });
    if (isQuote) quoteDepth++;
  }
  return { furniture, links };
}
