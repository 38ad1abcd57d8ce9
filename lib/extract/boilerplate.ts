/**
 * Boilerplate that Readability keeps inside article bodies (share bars, "Related:" boxes, author bios,
 * correction notes, polls, advertising boxes, comment sections, captions), removed from the private
 * copy before Readability runs. Conservative: a block goes when its class, id or opening words name
 * it, it is short, and it holds no headline and no run of article prose.
 */

import { isAllCaps } from './text';

/** Class / id words of boxes that are never article text. */
const BOILERPLATE_NAME =
  /(?:^|[\s_-])(?:share|sharing|sharebar|social|related|recirc|more-?stories|read-?more|readmore|newsletter|signup|subscribe|subscription|advert\w*|ad|ads|adslot|ad-?slot|ad-?container|dfp|sponsor\w*|promo|outbrain|taboola|comments?|disqus|author-?box|author-?bio|about-?the-?author|bio|poll|cookie\w*|correction|corrections|accuracy|caption|credit|credits|(?:post-|entry-|article-)?tags|breadcrumbs?)(?:$|[\s_-])/i;

/** Bios and correction notes are prose themselves, so the prose guard does not protect them. */
const PROSE_BOILERPLATE =
  /author-?box|author-?bio|about-?the-?author|(?:^|[\s_-])bio(?:$|[\s_-])|correction|accuracy/i;

/**
 * Opening words of short teaser, sign-up and credit lines (English, German, French), and whole lines of
 * a page's controls ("Advert", "Image 1 of 5", "Caption", "Close", "Print Article").
 */
const BOILERPLATE_TEXT =
  /^(?:related(?: stories| articles| coverage)?:|read (?:more|also|next)\b|more:|see also\b|also read\b|recommended\b|you may also like|sign up\b|subscribe\b|follow us\b|click here\b|advertisement$|advert$|anzeige$|publicité$|caption$|close$|skip to content$|print article$|order reprints$|text size$|this slideshow requires javascript\.?$|image \d+ of\s*\/?\s*\d+$|mehr zum thema\b|lesen sie auch\b|weiterlesen\b|à lire aussi\b|lire aussi\b|image copyright\b|image caption\b|photo:|foto:|\(image credit\b|copyright ©|©)/i;

/**
 * A line that introduces a list of other stories ("You may also like...", "Trending", "More Great WIRED
 * Stories", "Don't miss"): the links that follow it go with it.
 */
const TEASER_LEAD =
  /^(?:related(?: stories| articles| coverage| news| content)?|read (?:more|also|next)|more|see also|also read|recommended(?: for you| reading| stories)?|you (?:may|might) also (?:like|enjoy)|(?:more|other|top|popular|latest)(?: \S+){0,3} (?:stories|news|articles|headlines|reads)|trending(?: now| stories)?|most (?:read|popular|viewed)|don['’]t miss|mehr zum thema|lesen sie auch|das könnte sie auch interessieren|weitere artikel|à lire aussi|lire aussi|sur le même sujet)\s*[:.…]*$/i;

/** Navigation is never article text (Readability's second pass, on a short article, lets it back in). */
const NAVIGATION_SELECTOR = 'nav, [role="navigation"], [role="menu"], [role="menubar"]';

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

/** Whether the element's text is links and nothing else (a bullet or separator aside). */
function linksOnly(element: Element): boolean {
  const text = (element.textContent ?? '').replace(/[\s•·|»›–—-]+/g, '');
  if (!text) return false;
  let linked = 0;
  for (const link of Array.from(element.getElementsByTagName('a')))
    if (link.getAttribute('href')?.trim())
      linked += (link.textContent ?? '').replace(/[\s•·|»›–—-]+/g, '').length;
  return linked >= text.length;
}

/** The host without a leading "www.". */
const siteHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** Whether every link in the element goes to a page of the document's own host. */
function linksToThisSite(element: Element): boolean {
  const doc = element.ownerDocument;
  let here: string;
  try {
    here = siteHost(new URL(doc.URL).hostname);
  } catch {
    return false;
  }
  return Array.from(element.getElementsByTagName('a')).every((link) => {
    try {
      return siteHost(new URL(link.getAttribute('href') ?? '', doc.baseURI).hostname) === here;
    } catch {
      return false;
    }
  });
}

/**
 * The blocks after a teaser lead that only link elsewhere (each a paragraph or list of links), up to the
 * first that holds anything else; empty blocks between them (ad slots) are passed over.
 */
function teaserLinksAfter(lead: Element): Element[] {
  const links: Element[] = [];
  for (let next = lead.nextElementSibling; next; next = next.nextElementSibling) {
    if (!(next.textContent ?? '').trim() && !next.querySelector('img, picture, video')) continue;
    if (!linksOnly(next)) break;
    links.push(next);
  }
  return links;
}

function isTeaserLead(element: Element, text: string): boolean {
  return text.length < 80 && element.childElementCount <= 1 && TEASER_LEAD.test(text);
}

/**
 * Remove, from the article Readability chose, each teaser lead and the links after it. Done on the
 * article rather than the page: taking sidebar lists out of the page beforehand can change which
 * container Readability picks.
 */
export function removeTeaserRuns(article: Element): number {
  const doomed: Element[] = [];
  for (const element of Array.from(
    article.querySelectorAll('p, div, span, h2, h3, h4, h5, h6, strong, b, li'),
  )) {
    const text = (element.textContent ?? '').trim();
    if (isTeaserLead(element, text)) doomed.push(element, ...teaserLinksAfter(element));
    // A paragraph that is one shouted link to this site ("TAYLOR SWIFT CLEARED TO PERFORM HITS AT
    // AMAs") is another of its stories' headline set between this one's paragraphs; a shouted link
    // elsewhere ("CLICK FOR FULL STATE SWIM RESULTS") is the article's own pointer to its source.
    else if (
      element.tagName === 'P' &&
      isAllCaps(text) &&
      text.split(/\s+/).length >= 3 &&
      linksOnly(element) &&
      linksToThisSite(element)
    )
      doomed.push(element);
  }
  for (const element of doomed) element.remove();
  return doomed.length;
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
  // A navigation element that holds paragraphs of prose is a page that misuses the tag (or never
  // closes it) around its article.
  for (const navigation of Array.from(body.querySelectorAll(NAVIGATION_SELECTOR)))
    if (!holders.has(navigation) && proseLength(navigation) < MAX_PROSE_CHARS) doomed.push(navigation);
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
      // A teaser lead stays for removeTeaserRuns, which takes the links after it with it.
      (text.length < 200 && BOILERPLATE_TEXT.test(text) && !isTeaserLead(element, text))
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
