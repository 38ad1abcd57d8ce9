/**
 * Byline metadata from every place a page states it: JSON-LD, OpenGraph and article:* meta, Dublin Core,
 * citation_*, <meta name="author">, microdata, rel="author", <time datetime> and the visible byline.
 * Reads the document only; never changes it.
 */
import { dateFromUrl, normalizeDate } from './dates';
import { cleanPersonName, looksLikePersonName, parseByline, wireServiceName } from './byline';
import {
  firstString,
  isArticleNode,
  isJsonObject,
  readJsonLd,
  resolveRef,
  typesOf,
  type JsonLdResult,
  type JsonObject,
  type JsonValue,
} from './jsonld';
import { collapseWhitespace, metadataText } from './text';
import { safeHttpUrl } from './urls';
import type { Author, Byline, FieldSource, Outlet } from './types';

export interface PageMetadata {
  /** Candidate headlines, strongest first. */
  titles: string[];
  /** The visible headline, when the page has a clear one. */
  visibleTitle: string | null;
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
  const limit = Math.min(metas.length, 2000);
  for (let i = 0; i < limit; i++) {
    const meta = metas[i]!;
    const content = meta.getAttribute('content') ?? meta.getAttribute('datetime');
    if (content === null) continue;
    for (const attribute of ['name', 'property', 'itemprop', 'http-equiv']) {
      const keys = meta.getAttribute(attribute);
      if (!keys) continue;
      // RDFa allows several space-separated properties on one tag.
      for (const key of keys.toLowerCase().split(/\s+/)) {
        if (!key) continue;
        const list = index.get(key) ?? [];
        list.push(content);
        index.set(key, list);
      }
    }
  }
  return index;
}

function firstMeta(index: Map<string, string[]>, keys: string[]): string | null {
  for (const key of keys) {
    const values = index.get(key);
    if (values) for (const value of values) if (value.trim()) return value;
  }
  return null;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'og:published_time',
  'published_time',
  'article.published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dc.date.created',
  'dcterms.created',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'parsely-pub-date',
  'sailthru.date',
  'publish-date',
  'publish_date',
  'publishdate',
  'pubdate',
  'date',
  'article_date_original',
  'original-publish-date',
  'cxenseparse:recs:publishtime',
  'datecreated',
  'pdate',
  'displaydate',
  'ptime',
  'dc.date.available',
];
const MODIFIED_META = [
  'article:modified_time',
  'og:article:modified_time',
  'datemodified',
  'og:updated_time',
  'article:modified',
  'modified_time',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
  'lastmod',
  'utime',
];
const AUTHOR_META = [
  'author',
  'article:author',
  'og:article:author',
  'dc.creator',
  'dcterms.creator',
  'citation_author',
  'parsely-author',
  'sailthru.author',
  'byl',
  'twitter:creator:name',
  'cxenseparse:author',
];
const OUTLET_META = [
  'og:site_name',
  'application-name',
  'dc.publisher',
  'dcterms.publisher',
  'citation_publisher',
  'citation_journal_title',
  'publisher',
];

/** Names of people from a JSON-LD `author` value: strings, Person objects, arrays, @id references. */
function jsonLdPeople(
  value: JsonValue | undefined,
  jsonld: JsonLdResult,
  publisherName: string | null,
): Author[] {
  const authors: Author[] = [];
  const items = Array.isArray(value) ? value.slice(0, 30) : value === undefined ? [] : [value];
  for (const raw of items) {
    const item = resolveRef(raw, jsonld.byId);
    if (typeof item === 'string') {
      for (const name of parseByline(metadataText(item, 200)).authors)
        authors.push({ name, source: 'jsonld' });
      continue;
    }
    if (!isJsonObject(item)) continue;
    const types = typesOf(item);
    const name = metadataText(firstString(item['name']) ?? '', 120);
    if (!name) continue;
    if (
      types.includes('organization') ||
      types.includes('newsmediaorganization') ||
      (publisherName && name === publisherName)
    )
      continue;
    const parsed = parseByline(name).authors;
    const url = safeHttpUrl(firstString(item['url']) ?? firstString(item['@id']) ?? undefined) ?? undefined;
    for (const person of parsed)
      authors.push(url ? { name: person, source: 'jsonld', url } : { name: person, source: 'jsonld' });
  }
  return authors;
}

/** The article node that best describes the page, when the JSON-LD has one. */
function pickArticleNode(jsonld: JsonLdResult): JsonObject | null {
  const articles = jsonld.nodes.filter(isArticleNode);
  if (articles.length === 0) return null;
  // Prefer a node with a headline and an author; list pages embed several thin ones.
  return (
    articles.find((node) => node['headline'] !== undefined && node['author'] !== undefined) ?? articles[0]!
  );
}

/** Containers that hold other people's names: comments, author bios, related stories, footers. */
const NOT_BYLINE_CONTEXT =
  /comment|related|recommend|sidebar|footer|promo|newsletter|author-?box|author-?bio|bio-|biography|about-?the-?author|teaser|most-?popular|trending|share/i;

function inForeignContext(element: Element): boolean {
  for (
    let node: Element | null = element, depth = 0;
    node && depth < 12;
    node = node.parentElement, depth++
  ) {
    const tag = node.tagName;
    if (tag === 'FOOTER' || tag === 'NAV' || tag === 'ASIDE') return true;
    const marker = `${node.getAttribute('class') ?? ''} ${node.id}`;
    if (marker.trim() && NOT_BYLINE_CONTEXT.test(marker)) return true;
  }
  return false;
}

const BYLINE_SELECTOR_GROUPS = [
  '[class*="byline" i], [id*="byline" i], [data-testid*="byline" i], [data-component*="byline" i]',
  '[itemprop~="author"]',
  '[rel~="author"]',
  '[class*="author" i]:not(body):not(article):not(html), address',
];

interface VisibleByline {
  authors: string[];
  organization: string | null;
  date: string | null;
}

/** The byline a reader sees near the headline. */
function readVisibleByline(doc: Document): VisibleByline | null {
  for (const selector of BYLINE_SELECTOR_GROUPS) {
    const authors: string[] = [];
    let organization: string | null = null;
    let date: string | null = null;
    const elements = Array.from(doc.querySelectorAll(selector)).slice(0, 40);
    for (const element of elements) {
      if (inForeignContext(element)) continue;
      const itemName = element.querySelector('[itemprop~="name"]');
      const content = element.tagName === 'META' ? element.getAttribute('content') : null;
      const text = collapseWhitespace(content ?? itemName?.textContent ?? element.textContent ?? '');
      if (!text || text.length > 250) continue;
      const parsed = parseByline(text);
      for (const name of parsed.authors) if (!authors.includes(name)) authors.push(name);
      organization ??= parsed.organization;
      date ??= parsed.date;
    }
    if (authors.length > 0 || organization) return { authors, organization, date };
  }
  return readBylineLine(doc);
}

/** A plain "By JANE DOE" line with no byline markup. */
function readBylineLine(doc: Document): VisibleByline | null {
  const blocks =
    doc.body?.querySelectorAll('p, div, span, address, h2, h3, h4, h5, h6, strong, em, b, li') ?? [];
  const limit = Math.min(blocks.length, 3000);
  for (let i = 0; i < limit; i++) {
    const element = blocks[i]!;
    if (element.childElementCount > 4) continue;
    const text = collapseWhitespace(element.textContent ?? '');
    if (text.length > 200 || !/^(?:by|von|par)\s+\p{Lu}/iu.test(text) || inForeignContext(element)) continue;
    const parsed = parseByline(text);
    if (parsed.authors.length > 0 || parsed.organization) return parsed;
  }
  return null;
}

/** The visible headline: the h1 that agrees with the metadata title, or the only h1. */
function readVisibleTitle(doc: Document, metadataTitles: string[]): string | null {
  const headings = Array.from(doc.querySelectorAll('h1')).slice(0, 10);
  const texts = headings.map((h) => metadataText(h.textContent ?? '', 300)).filter((t) => t.length > 3);
  const loose = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  for (const text of texts) {
    const key = loose(text);
    if (metadataTitles.some((title) => loose(title).includes(key) || key.includes(loose(title)))) return text;
  }
  return texts.length === 1 ? texts[0]! : null;
}

/** The publication date printed near the headline: `<time>` or an itemprop, in the article's header area. */
function readVisibleDates(doc: Document): { published: string | null; modified: string | null } {
  let published: string | null = null;
  let modified: string | null = null;
  const times = Array.from(
    doc.querySelectorAll('time[datetime], [itemprop~="datePublished"], [itemprop~="dateModified"]'),
  ).slice(0, 30);
  for (const element of times) {
    if (inForeignContext(element)) continue;
    const value = normalizeDate(
      element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent,
    );
    if (!value) continue;
    const marker = `${element.getAttribute('itemprop') ?? ''} ${element.getAttribute('class') ?? ''} ${element.parentElement?.getAttribute('class') ?? ''} ${element.parentElement?.textContent?.slice(0, 60) ?? ''}`;
    if (/modified|updated|aktualisiert|mis à jour/i.test(marker)) modified ??= value;
    else published ??= value;
  }
  return { published, modified };
}

/** A "Contributing: A, B" or "A and B contributed to this report" credit in the text. */
export function readContributors(text: string): string[] {
  const names: string[] = [];
  const tail = text.slice(-3000);
  const patterns = [
    /(?:^|\n)\s*(?:contributing|additional reporting)(?: by)?\s*:\s*([^\n]{3,200})/gi,
    /(?:^|[.\n]\s*)([^.\n]{3,200}?)\s+contributed(?: reporting)? to this (?:report|story|article)/gi,
  ];
  for (const pattern of patterns) {
    for (const match of tail.matchAll(pattern)) {
      const credit = match[1]!.replace(/\b(?:of|from)\s+(?:the\s+)?[\p{Lu}][\p{L}\s]+$/u, '');
      for (const part of credit.split(/\s*(?:,|;|\band\b|&)\s*/)) {
        const name = cleanPersonName(part.replace(/\s+in\s+[\p{Lu}][\p{L}. ]+$/u, ''));
        if (looksLikePersonName(name) && !names.includes(name)) names.push(name);
      }
    }
  }
  return names;
}

/** Everything the page says about itself, with where each byline field came from. */
export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const jsonld = readJsonLd(doc);
  const meta = indexMetaTags(doc);
  const article = pickArticleNode(jsonld);
  const warnings = [...jsonld.warnings];

  // Outlet.
  const publisherNode = article ? resolveRef(article['publisher'], jsonld.byId) : undefined;
  const jsonLdPublisher = metadataText(firstString(publisherNode) ?? '', 120) || null;
  const orgNode = jsonld.nodes.find((node) =>
    typesOf(node).some((t) => t === 'newsmediaorganization' || t === 'organization'),
  );
  let outlet: Outlet | null = jsonLdPublisher ? { name: jsonLdPublisher, source: 'jsonld' } : null;
  const metaOutlet = metadataText(firstMeta(meta, OUTLET_META) ?? '', 120);
  if (!outlet && metaOutlet) outlet = { name: metaOutlet, source: 'meta' };
  if (!outlet && orgNode) {
    const name = metadataText(firstString(orgNode['name']) ?? '', 120);
    if (name) outlet = { name, source: 'jsonld' };
  }

  // Authors: JSON-LD, then the visible byline, then meta tags.
  const visible = readVisibleByline(doc);
  let authors: Author[] = article
    ? jsonLdPeople(article['author'] ?? article['creator'], jsonld, outlet?.name ?? null)
    : [];
  if (authors.length === 0 && visible && visible.authors.length > 0) {
    authors = visible.authors.map((name) => ({ name, source: 'byline' as FieldSource }));
  }
  if (authors.length === 0) {
    for (const key of AUTHOR_META) {
      for (const value of meta.get(key) ?? []) {
        const text = metadataText(value, 200);
        if (!text || safeHttpUrl(text)) continue; // article:author is often a profile URL
        for (const name of parseByline(text).authors) {
          if (!authors.some((a) => a.name === name)) authors.push({ name, source: 'meta' });
        }
      }
      if (authors.length > 0) break;
    }
  }
  // An author that is really the outlet ("By The Western Journal") is not a person.
  authors = authors.filter((a) => !outlet || a.name.toLowerCase() !== outlet.name.toLowerCase()).slice(0, 20);

  let wire: string | null = null;
  if (visible?.organization) {
    const wireName = wireServiceName(visible.organization) ?? visible.organization;
    if (!outlet) outlet = { name: wireName, source: 'byline' };
    else if (!outlet.name.toLowerCase().includes(wireName.toLowerCase())) wire = wireName;
  }

  // Dates.
  const visibleDates = readVisibleDates(doc);
  const publishedCandidates: Array<[unknown, FieldSource]> = [
    [article ? firstString(article['datePublished']) : null, 'jsonld'],
    [firstMeta(meta, PUBLISHED_META), 'meta'],
    [visibleDates.published, 'text'],
    [visible?.date, 'byline'],
    [article ? firstString(article['dateCreated']) : null, 'jsonld'],
    [dateFromUrl(pageUrl), 'url'],
  ];
  let published: string | null = null;
  let publishedSource: FieldSource | null = null;
  for (const [value, source] of publishedCandidates) {
    published = normalizeDate(value);
    if (published) {
      publishedSource = source;
      break;
    }
  }
  const modifiedCandidates: Array<[unknown, FieldSource]> = [
    [article ? firstString(article['dateModified']) : null, 'jsonld'],
    [firstMeta(meta, MODIFIED_META), 'meta'],
    [visibleDates.modified, 'text'],
  ];
  let modified: string | null = null;
  let modifiedSource: FieldSource | null = null;
  for (const [value, source] of modifiedCandidates) {
    modified = normalizeDate(value);
    if (modified) {
      modifiedSource = source;
      break;
    }
  }
  // An update stamp equal to the publication is no update.
  if (modified && published && (modified === published || Date.parse(modified) <= Date.parse(published))) {
    modified = null;
    modifiedSource = null;
  }

  // Titles.
  const titles = [
    article ? metadataText(firstString(article['headline']) ?? '', 300) : '',
    metadataText(firstMeta(meta, ['og:title']) ?? '', 300),
    metadataText(firstMeta(meta, ['twitter:title']) ?? '', 300),
    metadataText(firstMeta(meta, ['dc.title', 'citation_title', 'headline']) ?? '', 300),
    metadataText(doc.title, 300),
  ].filter(Boolean);

  const langAttribute = doc.documentElement?.getAttribute('lang') ?? '';
  const lang =
    metadataText(article ? (firstString(article['inLanguage']) ?? '') : '', 20) ||
    metadataText(langAttribute, 20) ||
    metadataText(firstMeta(meta, ['og:locale', 'content-language', 'dc.language', 'language']) ?? '', 20) ||
    null;

  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  const ogType = (firstMeta(meta, ['og:type']) ?? '').toLowerCase();

  return {
    titles,
    visibleTitle: readVisibleTitle(doc, titles),
    byline: {
      authors,
      outlet,
      published,
      modified,
      publishedSource,
      modifiedSource,
      wire,
      contributors: [],
    },
    lang: lang ? normalizeLang(lang) : null,
    canonicalUrl: safeHttpUrl(canonical ?? undefined, pageUrl),
    description:
      metadataText(firstMeta(meta, ['description', 'og:description', 'twitter:description']) ?? '', 500) ||
      null,
    declaresArticle: article !== null || ogType === 'article' || ogType.startsWith('article:'),
    warnings,
  };
}

/** "en-US" / "en_US" → "en". */
function normalizeLang(value: string): string | null {
  const match = /^([a-z]{2,3})(?:[-_]|$)/i.exec(value.trim());
  return match ? match[1]!.toLowerCase() : null;
}
