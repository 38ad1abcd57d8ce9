/**
 * What a saved copy of an article holds, made from what the panel extracted and analysed: the article's
 * HTML with nothing left in it that loads from the network (so opening a saved copy never contacts the
 * outlet), its text, byline (without the page's raw clues), addresses and analysis; and the digest by
 * which two saves of the same content are known to be one version.
 */
import type { Analysis } from '../analyze/types';
import type { AnalyzedPage } from '../extract/types';
import type { ArticleSnapshot, StoredByline } from './types';

/** What a snapshot holds before the store gives it an id, its article and its time. */
export type SnapshotInput = Omit<ArticleSnapshot, 'id' | 'articleId' | 'savedAt' | 'contentHash'>;

/**
 * Elements that load, run or submit something, or draw what a text copy cannot hold: dropped with their
 * content. (<picture> is not among them: it is unwrapped, so its <img> can leave its description.)
 */
const DROPPED = new Set([
  'SOURCE',
  'VIDEO',
  'AUDIO',
  'TRACK',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'APPLET',
  'SVG',
  'MATH',
  'CANVAS',
  'LINK',
  'STYLE',
  'SCRIPT',
  'NOSCRIPT',
  'META',
  'BASE',
  'FORM',
  'INPUT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'TEMPLATE',
  'PORTAL',
  'IMAGE',
]);

/**
 * The only attributes kept, none of which can name something to load: every other one goes (src, srcset,
 * style, on*, data-*, poster, background, ping, xlink:href …), so a lazy-loading trick or a CSS url()
 * has nowhere to hide.
 */
const KEPT_ATTRIBUTES = new Set(['href', 'title', 'lang', 'dir', 'colspan', 'rowspan', 'datetime']);
/** Only links that open on a click keep their address; the attribute stays on <a> and <area> alone. */
const SAFE_HREF = /^(?:https?:|mailto:)/i;
const LINKS = new Set(['A', 'AREA']);

const oneLine = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** What stands for an image: its description, or nothing when a caption next to it will show. */
function imageStandIn(image: Element): string {
  const alt = oneLine(image.getAttribute('alt'));
  const caption = image.closest('figure')?.querySelector('figcaption');
  return alt && !oneLine(caption?.textContent) ? `[${alt}]` : '';
}

/**
 * The article's HTML, sanitized already (lib/extract/sanitize), made offline: each image becomes its alt
 * text (an image in a figure with a caption leaves the caption to say it), media, frames, styles and
 * anything else that loads go, and of the attributes only plain ones stay (links keep an http(s) or
 * mailto address). Parsed in a document of its own with no browsing context, so nothing loads or runs
 * while it is cleaned. `doc` is any document of the current environment (the panel's, or jsdom's in tests).
 */
export function offlineHtml(html: string, doc: Document = globalThis.document): string {
  const inert = doc.implementation.createHTMLDocument('');
  const root = inert.createElement('div');
  // An inert document: its <img> never fetch and its scripts never run, and every loading part goes below.
  // eslint-disable-next-line no-unsanitized/property
  root.innerHTML = html;
  for (const element of [...root.querySelectorAll('*')]) {
    // Inside something already dropped or replaced.
    if (!root.contains(element)) continue;
    const tag = element.tagName.toUpperCase();
    if (tag === 'IMG') {
      element.replaceWith(inert.createTextNode(imageStandIn(element)));
    } else if (tag === 'PICTURE') {
      element.querySelectorAll('source').forEach((source) => source.remove());
      element.querySelectorAll('img').forEach((image) => {
        image.replaceWith(inert.createTextNode(imageStandIn(image)));
      });
      element.replaceWith(...element.childNodes);
    } else if (DROPPED.has(tag) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      element.remove();
    } else {
      for (const { name, value } of [...element.attributes]) {
        const kept =
          KEPT_ATTRIBUTES.has(name.toLowerCase()) &&
          (name.toLowerCase() !== 'href' || (LINKS.has(tag) && SAFE_HREF.test(value.trim())));
        if (!kept) element.removeAttribute(name);
      }
    }
  }
  return root.innerHTML;
}

/** A snapshot of the page as the panel has it; `analysis` null when quotes and sources failed. */
export function snapshotInputFromPage(
  page: AnalyzedPage,
  canonicalUrl: string | null,
  analysis: Analysis | null,
  doc?: Document,
): SnapshotInput {
  const byline: StoredByline = { ...page.byline };
  delete (byline as { evidence?: unknown }).evidence;
  return {
    url: page.url,
    canonicalUrl,
    title: page.title,
    lang: page.lang,
    byline,
    html: offlineHtml(page.article.html, doc),
    text: page.article.text,
    wordCount: page.article.wordCount,
    excerpt: page.article.excerpt,
    analysis,
  };
}

/** Whitespace collapsed and Unicode composed, so neither re-wrapping nor re-encoding makes a new version. */
const collapse = (text: string | null | undefined) => oneLine(text).normalize('NFC');

/**
 * SHA-256 (hex) of what a reader would call the article's content: headline, text, authors, outlet and
 * dates. Whitespace is collapsed first, so a re-wrapped paragraph is the same version.
 */
export async function contentHash(input: Pick<SnapshotInput, 'title' | 'text' | 'byline'>): Promise<string> {
  const canonical = JSON.stringify([
    collapse(input.title),
    collapse(input.text),
    input.byline.authors.map((author) => collapse(author.name)),
    collapse(input.byline.outlet?.name),
    input.byline.published ?? null,
    input.byline.modified ?? null,
  ]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
