/**
 * What a page says about itself, read in the content script: headline candidates, language, canonical
 * address, and the byline clues (JSON-LD, OpenGraph and article:* meta, Dublin Core, citation_*,
 * <meta name="author">, microdata, rel="author", author links, <time>, date-named elements, the visible
 * byline). Clues stay unparsed here: `resolveByline` (./resolve.ts) parses them on the extension side,
 * which keeps the name and date tables out of the content script. Reads the document; never changes it.
 */
import { firstString, isArticleNode, isJsonObject, readJsonLd, resolveRef, typesOf } from './jsonld';
import type { JsonLdResult, JsonObject, JsonValue } from './jsonld';
import { collapseWhitespace, metadataText } from './text';
import { safeHttpUrl } from './urls';
import { emptyByline, emptyEvidence } from './types';
import type { Byline, BylineClue, BylineEvidence, FieldSource } from './types';
import { copyrightHolder, titleSuffix } from './site-names';
import { siteWordsIn } from './site-words';

export interface PageMetadata {
  /** Candidate headlines, strongest first. */
  titles: string[];
  /** The visible headline, when the page has a clear one. */
  visibleTitle: string | null;
  /** Authors, outlet and dates are empty here; `byline.evidence` carries the clues for `resolveByline`. */
  byline: Byline;
  lang: string | null;
  canonicalUrl: string | null;
  description: string | null;
  /** JSON-LD or og:type says this page is an article. */
  declaresArticle: boolean;
  warnings: string[];
}

/** Meta tags indexed by lower-cased name / property / itemprop, each with all its values in order. */
function indexMetaTags(doc: Document): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length && i < 2000; i++) {
    const meta = metas[i]!;
    // `value` as well: some saved pages (Postlight's fixtures among them) carry it instead of `content`.
    const content =
      meta.getAttribute('content') ?? meta.getAttribute('value') ?? meta.getAttribute('datetime');
    if (!content?.trim()) continue;
    for (const attribute of ['name', 'property', 'itemprop', 'http-equiv']) {
      // RDFa allows several space-separated properties on one tag.
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        if (key) index.set(key, [...(index.get(key) ?? []), content]);
      }
    }
  }
  return index;
}

/** Meta keys that may hold a byline field; `resolveByline` decides which key wins. */
const BYLINE_META =
  /date|time|publish|modif|updat|author|creator|byl|site_name|publisher|application-name|journal_title|created|issued|uploaded/;

/** The article node that best describes the page, when the JSON-LD has one. */
function pickArticleNode(jsonld: JsonLdResult): JsonObject | null {
  const articles = jsonld.nodes.filter(isArticleNode);
  // Prefer a node with a headline and an author; list pages embed several thin ones.
  return (
    articles.find((node) => node['headline'] !== undefined && node['author'] !== undefined) ??
    articles[0] ??
    null
  );
}

/** Containers that hold other people's names and dates: comments, bios, related stories, footers. */
const FOREIGN_CONTEXT =
  /comment|sidebar|footer|promo|newsletter|author-?box|author-?bio|bio-|biography|about-?the-?author|teaser|trending|(?<!author-)share|card|list__item|rail/i;

/** Containers of other stories, whose bylines are never this article's. */
const OTHER_STORIES = /related|recommend|recirc|more-?stories|most-?popular/i;

/**
 * Where an element sits relative to the headline: `shared` is the depth of the deepest ancestor it
 * shares with the headline (deeper means nearer: the byline shares the header, a "related stories"
 * list only the page body); `between` are its own ancestors below that shared one.
 */
interface Placement {
  element: Element;
  shared: number;
  between: Element[];
  index: number;
}

function placeAll(elements: Element[], headline: Element | null): Placement[] {
  const headlineAncestors = new Map<Element, number>();
  const chain: Element[] = [];
  for (let node = headline; node; node = node.parentElement) chain.unshift(node);
  chain.forEach((node, depth) => headlineAncestors.set(node, depth));
  return elements.map((element, index) => {
    const between: Element[] = [];
    let node: Element | null = element;
    while (node && !headlineAncestors.has(node) && between.length < 40) {
      between.push(node);
      node = node.parentElement;
    }
    return { element, shared: node ? (headlineAncestors.get(node) ?? -1) : -1, between, index };
  });
}

/**
 * Candidates nearest to the headline first: by the ancestor they share with it, then in reading
 * order after it. Candidates inside comments, bios, related lists, navigation or footers are dropped,
 * except in the headline's own block, where a "comments" or "share" class is the byline's toolbar.
 */
function nearHeadline(elements: Element[], headline: Element | null): Element[] {
  let headlineDepth = 0;
  for (let node = headline?.parentElement; node; node = node.parentElement) headlineDepth++;
  const after = (p: Placement) => (headline ? headline.compareDocumentPosition(p.element) & 4 : 1);
  return placeAll(elements, headline)
    .filter(
      (p) =>
        // Inside a link with a headline's worth of text (a teaser card), or in a list of other stories,
        // even in the headline's own block.
        !p.between.some(
          (node, depth) =>
            (node.tagName === 'A' && node !== p.element && (node.textContent ?? '').length > 150) ||
            (depth < 6 && OTHER_STORIES.test(`${node.getAttribute('class') ?? ''} ${node.id}`)),
        ) &&
        ((headline && p.shared >= headlineDepth - 2) ||
          // Six levels up: page-wide wrappers ("mainwrap sidebar", WordPress body classes) say nothing.
          !p.between
            .slice(0, 6)
            .some(
              (node) =>
                /^(?:FOOTER|NAV)$/.test(node.tagName) ||
                (node.tagName !== 'BODY' &&
                  FOREIGN_CONTEXT.test(`${node.getAttribute('class') ?? ''} ${node.id}`)),
            )),
    )
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        (after(b) ? 1 : 0) - (after(a) ? 1 : 0) ||
        (after(a) ? a.index - b.index : b.index - a.index),
    )
    .map((p) => p.element);
}

/**
 * An element's text with a line break wherever two pieces of text touch without a space in the markup
 * ("Jane Doe</a><span>CEO" → "Jane Doe\nCEO") and at <br> and block boundaries, so that the parser can
 * tell a name from the label glued to it. Scripts and styles are skipped.
 */
export function clueText(root: Element): string {
  let text = '';
  const walker = root.ownerDocument.createTreeWalker(root, 5, {
    acceptNode: (node) => (/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|BUTTON|SVG)$/i.test(node.nodeName) ? 2 : 1),
  });
  for (let node = walker.nextNode(); node && text.length < 600; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      // Line breaks in the source are spaces; only the markup's own boundaries become "\n".
      const value = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      if (text && /\S$/.test(text) && /^\S/.test(value)) text += '\n';
      text += value;
    } else if (/^(?:BR|P|DIV|LI|H\d|TIME|UL|SECTION)$/.test(node.nodeName)) text += '\n';
  }
  return text.split(/\n/).map(collapseWhitespace).filter(Boolean).join('\n');
}

/** Class, id or test-id words of byline elements. */
const BYLINE_NAME = /byline|author|writer/i;
/** Links to an author's page. */
const AUTHOR_LINK =
  /\/(?:authors?|autor|auteur|profiles?|people|staff|journalists?|reporters?|contributors?|columnists?|writers|editors|redaktion)\b/i;
/** Class or id words of elements that hold a date. */
const DATE_NAME = /date|time|posted|publish|meta|submitted/i;
const CANDIDATE_NAME = new RegExp(`${BYLINE_NAME.source}|${DATE_NAME.source}`, 'i');

/**
 * Byline and date candidates in one pass over the page's elements, in page order. A regular
 * expression per element instead of case-insensitive attribute selectors, which some DOMs (jsdom)
 * run a hundred times slower.
 */
function findCandidates(body: HTMLElement): { bylines: Element[]; dates: Element[] } {
  const bylines: Element[] = [];
  const dates: Element[] = [];
  // The elements that carry one of the rarer attributes, found natively at once: reading four more
  // attributes of every element would cost more than the whole rest of the scan.
  const marked = new Set(body.querySelectorAll('[itemprop], [rel], [property], [data-testid]'));
  // A static list: indexing a live collection is slow in some DOMs.
  const elements = body.querySelectorAll('*');
  for (let i = 0; i < elements.length && i < 60_000; i++) {
    const element = elements[i]!;
    const tag = element.tagName;
    // Most elements carry no attributes at all: only their tag can make them a candidate.
    if (!element.hasAttributes()) {
      if (tag === 'ADDRESS' && bylines.length < 200) bylines.push(element);
      else if (tag === 'TIME' && dates.length < 300) dates.push(element);
      continue;
    }
    const isMarked = marked.has(element);
    const name = `${element.getAttribute('class') ?? ''} ${element.id} ${isMarked ? (element.getAttribute('data-testid') ?? '') : ''}`;
    const itemprop = isMarked ? (element.getAttribute('itemprop') ?? '') : '';
    const property = isMarked ? (element.getAttribute('property') ?? '') : '';
    // One test for both name patterns; most names match neither.
    const named = CANDIDATE_NAME.test(name);
    if (
      bylines.length < 200 &&
      ((named && BYLINE_NAME.test(name)) ||
        (isMarked && /\bauthor\b/.test(`${itemprop} ${element.getAttribute('rel')}`)) ||
        tag === 'ADDRESS' ||
        (tag === 'A' && AUTHOR_LINK.test(element.getAttribute('href') ?? '')))
    )
      bylines.push(element);
    if (
      dates.length < 300 &&
      (tag === 'TIME' ||
        (tag === 'ABBR' && element.hasAttribute('title')) ||
        (isMarked && (/date/i.test(`${itemprop} ${property}`) || /created/i.test(property))) ||
        (named && DATE_NAME.test(name)))
    )
      dates.push(element);
  }
  return { bylines, dates };
}

/** How much of the page's text is read for the site's name as it writes it (siteWordsIn). */
const SITE_WORD_TEXT = 200_000;

/** The page's visible text from its start, up to `limit` characters (not the whole of a huge page). */
function textStart(body: HTMLElement | null, limit: number): string {
  if (!body) return '';
  const parts: string[] = [];
  let length = 0;
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    if (/^(?:SCRIPT|STYLE|NOSCRIPT)$/.test(node.parentElement?.tagName ?? '')) continue;
    const value = (node.nodeValue ?? '').slice(0, limit - length);
    parts.push(value);
    length += value.length + 1;
  }
  return parts.join(' ');
}

/**
 * One pass over the page's text: short elements that start with a credit word ("By Jane Doe" with no
 * byline markup), and the lines that follow a date label ("Datum: 26. Januar 2022", "Posted on").
 */
function scanLabels(body: HTMLElement): { credits: Element[]; dated: string[]; anyDates: string[] } {
  const credits: Element[] = [];
  const dated: string[] = [];
  // Short texts with a year, in page order: the last resort for a page with no other date.
  const anyDates: string[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, 4);
  for (let node = walker.nextNode(), seen = 0; node && seen < 30_000; node = walker.nextNode(), seen++) {
    const value = node.nodeValue ?? '';
    // The three tests first: most text nodes pass none, and then their parent need not be looked at.
    const credit = credits.length < 30 && /^\s*(?:by|von|par)\b/i.test(value);
    const label =
      dated.length < 6 &&
      /^\s*(?:datum|date|veröffentlicht|publiziert|erstellt|erschienen|published|posted|publié|créé)(?!\w)/i.test(
        value,
      );
    const year = anyDates.length < 8 && value.length < 120 && /\b(?:19|20)\d\d\b/.test(value);
    if (!credit && !label && !year) continue;
    const parent = node.parentElement;
    if (!parent || parent.tagName === 'SCRIPT' || parent.tagName === 'STYLE') continue;
    if (credit && (parent.textContent ?? '').length <= 200) credits.push(parent);
    if (label) {
      // The label may sit in its own element ("<strong>Date</strong> 23.05.2011"): read its parent line.
      const line = (value.trim().length < 16 ? parent.parentElement : parent)?.textContent ?? '';
      dated.push(collapseWhitespace(line).slice(0, 200));
    }
    if (year) anyDates.push(collapseWhitespace(value));
  }
  return { credits, dated, anyDates };
}

/** The visible byline clues, nearest to the headline first. */
function readBylineClues(
  body: HTMLElement,
  headline: Element | null,
  found: Element[],
  credits: Element[],
): BylineClue[] {
  const clues: BylineClue[] = [];
  const doc = body.ownerDocument;
  const candidates = [...new Set([...found, ...credits])]
    .filter(
      (element) =>
        !/^(?:BODY|HTML|ARTICLE|MAIN|HEADER)$/.test(element.tagName) && !element.querySelector('h1'),
    )
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  for (const element of nearHeadline(candidates, headline)) {
    if (clues.length >= 12) break;
    // An author link alone says little ("Jane Doe"); its parent line says more ("By Jane Doe and John Roe").
    const parent = element.tagName === 'A' ? element.parentElement : null;
    const line = parent && (parent.textContent ?? '').length <= 200 ? parent : element;
    const text = element.tagName === 'META' ? (element.getAttribute('content') ?? '') : clueText(line);
    if (!text || text.length > 300 || clues.some((clue) => clue.text === text)) continue;
    const link = safeHttpUrl(
      element.getAttribute('href') ?? line.querySelector('a')?.getAttribute('href'),
      doc.URL,
    );
    clues.push(
      link ? { text, source: 'byline', via: 'byline', url: link } : { text, source: 'byline', via: 'byline' },
    );
  }
  return clues;
}

/** Dates in <time>, itemprop and date-named elements, outside comments and related-story lists. */
function readDateClues(
  doc: Document,
  headline: Element | null,
  elements: Element[],
  evidence: BylineEvidence,
): void {
  let found = 0;
  for (const element of nearHeadline(elements, headline)) {
    if (found++ >= 24) break;
    const text = collapseWhitespace(element.textContent ?? '');
    // A machine-readable value: <time datetime>, itemprop content, or an ISO date in a title
    // (<abbr class="published" title="2016-12-23T05:11:00-05:00">).
    const title = element.getAttribute('title') ?? '';
    const machine =
      element.getAttribute('datetime') ??
      element.getAttribute('content') ??
      (/^\d{4}-\d{2}-\d{2}/.test(title) ? title : null);
    // <abbr title="Freitag, 6. Oktober 2017 um 04:00">: the title is the date as words.
    if (!machine && /\b(?:19|20)\d\d\b/.test(title) && title.length < 80)
      evidence.dateTexts.push({ text: title, source: 'text', via: 'date-element' });
    const marker = `${element.getAttribute('itemprop')} ${element.getAttribute('class')} ${element.parentElement?.getAttribute('class')} ${text.slice(0, 40)}`;
    // Machine values keep their place among the printed dates: nearest to the headline first.
    const update = /modif|updat|aktualisiert|mis à jour/i.test(marker);
    const list = update ? evidence.modified : evidence.dateTexts;
    // An update stamp the reader does not see (<meta itemprop="dateModified"> in the body) is kept
    // apart from one printed on the page.
    if (machine && /\d/.test(machine))
      list.push({
        text: machine.slice(0, 100),
        source: 'text',
        via: update && !text ? 'datetime-hidden' : 'datetime',
      });
    // A long block is only read when it is one line of the page (a <p class="postmetadata">).
    else if (
      text.length >= 6 &&
      (text.length <= 300 || /^(?:P|SPAN|SMALL|LI)$/.test(element.tagName)) &&
      /\d/.test(text)
    )
      evidence.dateTexts.push({ text: text.slice(0, 300), source: 'text', via: 'date-element' });
  }
  // The lines under the headline, where most pages print the date even without date markup.
  if (!headline) return;
  let text = '';
  const walker = doc.createTreeWalker(doc.body ?? doc, 4);
  walker.currentNode = headline;
  for (let node = walker.nextNode(); node && text.length < 400; node = walker.nextNode())
    if (!/^(?:SCRIPT|STYLE|NOSCRIPT)$/.test(node.parentElement?.tagName ?? '')) text += ` ${node.nodeValue}`;
  text = collapseWhitespace(text);
  if (text) evidence.dateTexts.push({ text, source: 'text', via: 'after-headline' });
}

/** The visible headline: the h1 that agrees with the metadata title, or the only h1. */
function findHeadline(doc: Document, metadataTitles: string[]): Element | null {
  const loose = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const titles = metadataTitles.map(loose);
  const headingsOf = (tag: string) =>
    Array.from(doc.querySelectorAll(tag))
      .slice(0, 10)
      .filter((h) => loose(h.textContent ?? '').length > 3);
  // The longest heading the titles contain: a site-name <h1> ("Ethify") also sits in "Story | Ethify".
  const longestNamed = (headings: Element[]) =>
    headings
      .filter((h) => {
        const key = loose(h.textContent ?? '');
        return titles.some((title) => title.includes(key) || key.includes(title));
      })
      .sort((a, b) => (b.textContent ?? '').length - (a.textContent ?? '').length)[0];
  const h1s = headingsOf('h1');
  // An <h2> only when no <h1> will do: some pages give the headline one level down. A lone <h1> the
  // titles do not name is the headline more often than not, but only after the <h2>s were checked
  // (Digg's one <h1> is a story it recommends).
  return longestNamed(h1s) ?? longestNamed(headingsOf('h2')) ?? (h1s.length === 1 ? h1s[0]! : null);
}

/**
 * Short texts printed just before the headline, nearest first: the headline's own earlier siblings and
 * its block's (a kicker such as "Opinion" or "Analyse"). Menus are not labels: an element in a <nav>
 * or holding several links is passed over.
 */
function labelsAboveHeadline(headline: Element | null): string[] {
  const labels: string[] = [];
  let node = headline;
  for (let level = 0; node && level < 2; level++, node = node.parentElement) {
    let sibling = node.previousElementSibling;
    for (let count = 0; sibling && count < 3; count++, sibling = sibling.previousElementSibling) {
      if (sibling.closest('nav') || sibling.querySelectorAll('a').length > 1) continue;
      const text = collapseWhitespace(sibling.textContent ?? '');
      if (text && text.length <= 40) labels.push(text);
    }
  }
  return labels;
}

/** Everything the page says about itself; the byline as unparsed clues with where each came from. */
export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const jsonld = readJsonLd(doc);
  const meta = indexMetaTags(doc);
  const article = pickArticleNode(jsonld);
  const metaValue = (keys: string[]) => keys.map((key) => meta.get(key)?.[0]).find(Boolean) ?? '';
  const evidence: BylineEvidence = emptyEvidence();
  const clue = (
    list: BylineClue[],
    value: unknown,
    source: FieldSource,
    via: string,
    url?: string | null,
  ) => {
    const text = metadataText(value, 300);
    if (text) list.push(url ? { text, source, via, url } : { text, source, via });
  };

  // JSON-LD: the article's people, publisher and dates.
  if (article) {
    const people = article['author'] ?? article['creator'];
    for (const raw of (Array.isArray(people) ? people : [people]).slice(0, 30)) {
      const item: JsonValue | undefined = resolveRef(raw, jsonld.byId);
      const isOrganization =
        isJsonObject(item) && typesOf(item).some((type) => type.includes('organization'));
      const name = isJsonObject(item) ? firstString(item['name']) : item;
      // An @id is a profile link only when it is a page, not a node name ("https://site/#jane").
      const id = isJsonObject(item) ? firstString(item['@id']) : null;
      const url = isJsonObject(item)
        ? safeHttpUrl(firstString(item['url']) ?? (id?.includes('#') ? null : id))
        : null;
      clue(evidence.authors, name, 'jsonld', isOrganization ? 'jsonld-organization' : 'jsonld', url);
    }
    clue(evidence.outlets, firstString(resolveRef(article['publisher'], jsonld.byId)), 'jsonld', 'jsonld');
    clue(evidence.published, firstString(article['datePublished']), 'jsonld', 'jsonld');
    clue(evidence.modified, firstString(article['dateModified']), 'jsonld', 'jsonld');
    // What kind of piece: the article's own type (OpinionNewsArticle) and section ("Meinung").
    const genres: BylineClue[] = (evidence.genres = []);
    for (const type of typesOf(article)) clue(genres, type, 'jsonld', 'jsonld-type');
    const sections = article['articleSection'];
    for (const section of (Array.isArray(sections) ? sections : [sections]).slice(0, 5))
      clue(genres, firstString(section), 'jsonld', 'jsonld-section');
  }
  for (const section of (meta.get('article:section') ?? []).slice(0, 5))
    clue((evidence.genres ??= []), section, 'meta', 'article:section');
  for (const [key, values] of meta)
    if (BYLINE_META.test(key))
      for (const value of values.slice(0, 20)) clue(evidence.meta, value, 'meta', key);
  // Microdata: an author item named only in an attribute (<link itemprop="name" content="…">). The
  // authors of comments and reviews inside the page's item are other people.
  const microdataNames = doc.querySelectorAll('[itemprop~=author]>[itemprop~=name][content]');
  for (const name of Array.from(microdataNames).slice(0, 9)) {
    const item = name.parentElement!.parentElement?.closest('[itemscope]');
    if (!/comment|review/i.test(item?.getAttribute('itemtype') ?? ''))
      clue(evidence.meta, name.getAttribute('content'), 'meta', 'author');
  }
  const organization = jsonld.nodes.find((node) =>
    typesOf(node).some((type) => type.includes('organization')),
  );
  if (organization)
    clue(evidence.outlets, firstString(organization['name']), 'jsonld', 'jsonld-organization');
  // No article node: a WebPage node's datePublished (Yoast @graph) still dates the page.
  const dated = article ? null : jsonld.nodes.find((node) => typeof node['datePublished'] === 'string');
  if (dated) clue(evidence.published, firstString(dated['datePublished']), 'jsonld', 'jsonld');

  // Titles.
  const titles = [
    article ? firstString(article['headline']) : '',
    metaValue(['og:title']),
    metaValue(['twitter:title']),
    metaValue(['dc.title', 'citation_title', 'headline']),
    doc.title,
  ]
    .map((title) => metadataText(title, 300))
    .filter(Boolean);
  const headline = findHeadline(doc, titles);
  // The site's name at the end of its titles and in its copyright line: believed only when the
  // address agrees (resolveByline), since a title may as well end with its author's name.
  for (const title of [metadataText(doc.title, 300), metadataText(metaValue(['og:title']), 300)]) {
    const suffix = titleSuffix(title);
    if (suffix) clue(evidence.outlets, suffix, 'meta', 'title-suffix');
  }
  // What kind of piece, as the page shows it: a label just above the headline ("Opinion", "Analyse")
  // and the headline itself ("Review: …"); lib/extract/genre reads them after the page's metadata.
  const genres = (evidence.genres ??= []);
  for (const label of labelsAboveHeadline(headline)) clue(genres, label, 'text', 'label');
  clue(genres, headline ? headline.textContent : titles[0], 'text', 'headline');
  const holder = copyrightHolderIn(doc);
  if (holder) clue(evidence.outlets, holder, 'text', 'copyright');
  const siteWords = siteWordsIn(
    [metaValue(['description']), metaValue(['og:description']), textStart(doc.body, SITE_WORD_TEXT)].join(
      '\n',
    ),
    pageUrl,
  );
  for (const word of siteWords) clue(evidence.outlets, word, 'text', 'site-word');

  // The visible byline and dates, nearest to the headline first.
  if (doc.body) {
    const labels = scanLabels(doc.body);
    const candidates = findCandidates(doc.body);
    evidence.authors.push(...readBylineClues(doc.body, headline, candidates.bylines, labels.credits));
    readDateClues(doc, headline, candidates.dates, evidence);
    for (const text of labels.dated) evidence.dateTexts.push({ text, source: 'text', via: 'date-label' });
    for (const text of labels.anyDates) evidence.dateTexts.push({ text, source: 'text', via: 'page-text' });
  }
  // Some pages name the day only in their title ("Bericht zur Coronalage vom 22.04.2020").
  for (const title of titles) evidence.dateTexts.push({ text: title, source: 'text', via: 'title' });
  if (article) clue(evidence.published, firstString(article['dateCreated']), 'jsonld', 'jsonld-created');
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  for (const address of [pageUrl, canonical, metaValue(['og:url'])]) {
    const url = safeHttpUrl(address, pageUrl || undefined);
    if (url) evidence.published.push({ text: url, source: 'url', via: 'url' });
  }

  // The full tag ("en-GB") says how to read 02/10/2020; `lang` below keeps only the language.
  evidence.locale =
    metadataText(
      doc.documentElement?.getAttribute('lang') || metaValue(['og:locale', 'content-language']),
      20,
    ) || undefined;
  const lang =
    (article ? firstString(article['inLanguage']) : null) ||
    doc.documentElement?.getAttribute('lang') ||
    metaValue(['og:locale', 'content-language', 'dc.language', 'language']);
  const ogType = metaValue(['og:type']).toLowerCase();
  return {
    titles,
    visibleTitle: headline ? metadataText(headline.textContent, 300) : null,
    byline: { ...emptyByline(), evidence },
    lang: /^([a-z]{2,3})(?:[-_]|$)/i.exec(lang?.trim() ?? '')?.[1]!.toLowerCase() ?? null,
    canonicalUrl: safeHttpUrl(canonical, pageUrl || undefined),
    description:
      metadataText(metaValue(['description', 'og:description', 'twitter:description']), 500) || null,
    declaresArticle: article !== null || ogType === 'article' || ogType.startsWith('article:'),
    warnings: [...jsonld.warnings],
  };
}

/** The copyright line's holder, from the page's footers or elements named for it (a few only). */
function copyrightHolderIn(doc: Document): string | null {
  const places = doc.querySelectorAll(
    'footer, [class*="copyright" i], [id*="copyright" i], [class*="footer" i]',
  );
  for (const place of [...places].slice(0, 20)) {
    const text = (place.textContent ?? '').slice(0, 5000);
    const line = /(?:©|\(c\)|copyright)[^\n]{0,120}/iu.exec(text)?.[0];
    const holder = line ? copyrightHolder(line.replace(/\s+/g, ' ')) : null;
    if (holder) return holder;
  }
  return null;
}
