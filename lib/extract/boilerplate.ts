/**
 * Boilerplate that Readability keeps inside article bodies (share bars, "Related:" boxes, author bios,
 * correction notes, polls, advertising boxes, comment sections, captions), removed from the private
 * copy before Readability runs. Conservative: a block goes when its class, id or opening words name
 * it, it is short, and it holds no headline and no run of article prose.
 */

/** Class / id words of boxes that are never article text. */
const BOILERPLATE_NAME =
  /(?:^|[\s_-])(?:share|sharing|sharebar|social|related|recirc|more-?stories|read-?more|readmore|newsletter|signup|subscribe|subscription|advert\w*|ad|ads|adslot|ad-?slot|ad-?container|dfp|sponsor\w*|promo|outbrain|taboola|comments?|disqus|author-?box|author-?bio|about-?the-?author|bio|poll|cookie\w*|correction|corrections|accuracy|caption|credit|credits|(?:post-|entry-|article-)?tags|breadcrumbs?)(?:$|[\s_-])/i;

/** Bios and correction notes are prose themselves, so the prose guard does not protect them. */
const PROSE_BOILERPLATE =
  /author-?box|author-?bio|about-?the-?author|(?:^|[\s_-])bio(?:$|[\s_-])|correction|accuracy/i;

/** Opening words of short teaser, sign-up and credit lines (English, German, French). */
const BOILERPLATE_TEXT =
  /^(?:related(?: stories| articles| coverage)?:|read (?:more|also|next)\b|more:|see also\b|also read\b|recommended\b|you may also like|sign up\b|subscribe\b|follow us\b|click here\b|advertisement$|anzeige$|publicité$|mehr zum thema\b|lesen sie auch\b|weiterlesen\b|à lire aussi\b|lire aussi\b|image copyright\b|image caption\b|photo:|foto:|\(image credit\b|copyright ©|©)/i;

const MAX_BOILERPLATE_CHARS = 2000;
/** Paragraph text beyond which a named block is taken for article prose after all. */
const MAX_PROSE_CHARS = 500;

/** Text in the element's paragraphs, links not counted: what a reader would call prose. */
function proseLength(element: Element): number {
  let length = 0;
  for (const paragraph of element.tagName === 'P'
    ? [element]
    : Array.from(element.getElementsByTagName('p'))) {
    length += (paragraph.textContent ?? '').length;
    for (const link of Array.from(paragraph.getElementsByTagName('a')))
      length -= (link.textContent ?? '').length;
  }
  return length;
}

/** Paragraph text below which an <article> card can be a teaser (a headline and a line or two). */
const MAX_TEASER_PROSE_CHARS = 400;

/** The address without its query and fragment, for telling this page from another. */
function pageKey(address: string, base: string): string | null {
  try {
    const url = new URL(address, base);
    return `${url.origin}${url.pathname}`;
  } catch {
    return null;
  }
}

/**
 * Teaser cards: one <article> of several that holds no other, has little prose, and whose headings all
 * link to another page: a story the site recommends (Digg's cards around its own story), not this one.
 */
function teaserCards(doc: Document, body: HTMLElement): Element[] {
  const articles = Array.from(body.getElementsByTagName('article'));
  if (articles.length < 2) return [];
  const here = pageKey(doc.URL, doc.URL);
  const elsewhere = (link: Element | null) => {
    const href = link?.getAttribute('href')?.trim();
    if (!href || href.startsWith('#')) return false;
    const key = pageKey(href, doc.baseURI);
    return key !== null && key !== here;
  };
  return articles.filter((article) => {
    if (article.getElementsByTagName('article').length > 0) return false;
    const headings = Array.from(article.querySelectorAll('h1, h2, h3, h4'));
    return (
      headings.length > 0 &&
      headings.every((heading) => elsewhere(heading.closest('a') ?? heading.querySelector('a'))) &&
      proseLength(article) < MAX_TEASER_PROSE_CHARS
    );
  });
}

/** Remove boilerplate blocks from a document the caller owns. Returns how many were removed. */
export function removeBoilerplate(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const cards = teaserCards(doc, body);
  for (const card of cards) card.remove();
  const doomed: Element[] = [];
  // Blocks that hold the headline or the article: every ancestor of one, found once rather than
  // with a querySelector per block.
  const holders = new Set<Element>();
  for (const landmark of Array.from(body.querySelectorAll('h1, article, main, [itemprop~="articleBody"]')))
    for (let node: Element | null = landmark; node && !holders.has(node); node = node.parentElement)
      holders.add(node);
  const candidates = body.querySelectorAll(
    'div, section, aside, ul, ol, span, p, figure, figcaption, footer, header, h2, h3, h4, li',
  );
  // A comment section too big to remove is left whole: taking the small parts out of some comments
  // (the "X wrote on …" lines) makes them look like article prose to Readability.
  let untouched: Element | null = null;
  for (let i = 0; i < candidates.length && i < 20_000; i++) {
    const element = candidates[i]!;
    if (untouched?.contains(element)) continue;
    const marker = `${element.getAttribute('class') ?? ''} ${element.id} ${element.getAttribute('data-component') ?? ''}`;
    const named = BOILERPLATE_NAME.test(marker);
    // Reading the text of every big container would be slow: an unnamed block is only looked at when
    // it is small enough to be a single line.
    if (!named && element.tagName !== 'FIGCAPTION' && element.childElementCount > 4) continue;
    if (holders.has(element)) {
      if (/comment/i.test(marker)) untouched = element;
      continue;
    }
    const text = (element.textContent ?? '').trim();
    if (text.length > MAX_BOILERPLATE_CHARS) {
      if (/comment/i.test(marker)) untouched = element;
      continue;
    }
    if (
      element.tagName === 'FIGCAPTION' ||
      (named && (PROSE_BOILERPLATE.test(marker) || proseLength(element) < MAX_PROSE_CHARS)) ||
      (text.length < 200 && BOILERPLATE_TEXT.test(text))
    )
      doomed.push(element);
  }
  for (const element of doomed) {
    // A caption box that holds the image itself ("wp-caption"): the image stays, its caption goes.
    const media = /caption|credit/i.test(element.getAttribute('class') ?? '')
      ? Array.from(element.querySelectorAll('img, picture, video'))
      : [];
    element.replaceWith(...media);
  }
  return cards.length + doomed.length;
}
