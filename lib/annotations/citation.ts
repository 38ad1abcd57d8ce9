/**
 * "Copy with citation": the selected passage with who wrote the article, its title, outlet, date and
 * address. The metadata is read straight from the page's tags (JSON-LD, OpenGraph, meta), cheaply,
 * because this runs in the annotator inside the page, not in the panel where the full byline lives.
 * JSON-LD is read with lib/extract's reader (size limits, prototype-safe copies, `@id` references).
 */
import {
  firstString,
  isArticleNode,
  readJsonLd,
  resolveRef,
  type JsonLdResult,
  type JsonValue,
} from '../extract/jsonld';
import { parseByline } from '../extract/byline';
import { clueText } from '../extract/metadata';
import {
  copyrightHolder,
  hostSites,
  pickOutlet,
  titleSuffix,
  titleWithoutSiteSuffix,
  type OutletCandidate,
} from '../extract/site-names';

export interface CitationSource {
  title: string;
  authors: string[];
  outlet: string | null;
  /** As the page gives it (ISO 8601 mostly); only its date part is printed. */
  published: string | null;
  url: string;
}

function metaContent(document: Document, names: string[]): string | null {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** Each name a JSON-LD author or publisher gives (a string, a Person, an `@id` reference, a list of them). */
function namesOf(value: JsonValue | undefined, byId: JsonLdResult['byId']): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((item) => firstString(resolveRef(item, byId) ?? null))
    .filter((name): name is string => Boolean(name));
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Elements that print the byline on the page, for pages that state it nowhere else. */
const VISIBLE_BYLINE = '[rel~="author"], [itemprop~="author"], .byline, .author, [class*="byline"]';

/**
 * The names a printed byline gives, read with the panel's byline parser: "By Ana Ruiz and Tom Lee" →
 * ["Ana Ruiz", "Tom Lee"]; reading times, places and job titles after the names are not names.
 */
function visibleAuthors(document: Document): string[] {
  const element = document.querySelector(VISIBLE_BYLINE);
  return element ? parseByline(clueText(element)).authors : [];
}

/** The date a page prints in a <time> element, when its tags give none. */
function visibleDate(document: Document): string | null {
  return (
    document.querySelector('[itemprop~="datePublished"]')?.getAttribute('content') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null
  );
}

/**
 * The outlet as the panel chooses it (lib/extract/outlet.ts): the publisher and site-name tags, then the
 * title's suffix and the copyright line, the first the address agrees with ("U.S." on a news agency's
 * page gives way to "Reuters" at its title's end); else the tags alone.
 */
function citedOutlet(
  document: Document,
  url: string,
  publisher: string | null,
  title: string,
): string | null {
  const tagged = [
    publisher,
    metaContent(document, ['og:site_name']),
    metaContent(document, ['application-name']),
  ];
  const candidates: OutletCandidate[] = [
    ...tagged.filter((name): name is string => Boolean(name)).map((name) => ({ name, standsAlone: true })),
    ...[titleSuffix(clean(document.title ?? '')), titleSuffix(title), copyrightHolderOf(document)]
      .filter((name): name is string => Boolean(name))
      .map((name) => ({ name, standsAlone: false })),
  ].filter((candidate) => candidate.name.length <= 120);
  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    // No address to agree with: the tags alone.
  }
  return candidates[pickOutlet(candidates, hostSites(hostname))]?.name ?? null;
}

/** The holder named in the page's copyright line, from its footer. */
function copyrightHolderOf(document: Document): string | null {
  const footer = document.querySelector('footer, [class*="copyright" i]');
  const line = /(?:©|\(c\)|copyright)[^\n]{0,120}/iu.exec((footer?.textContent ?? '').slice(0, 5000))?.[0];
  return line ? copyrightHolder(line.replace(/\s+/g, ' ')) : null;
}

/** What a citation needs, read from the page's own tags. */
export function readCitationSource(document: Document, url: string): CitationSource {
  const { nodes, byId } = readJsonLd(document);
  const article = nodes.find(isArticleNode);
  const headline = firstString(article?.headline);
  const jsonAuthors = namesOf(article?.author, byId);
  const metaAuthor = metaContent(document, ['author', 'article:author', 'citation_author', 'dc.creator']);
  const authors = (
    jsonAuthors.length
      ? jsonAuthors
      : metaAuthor && !/^https?:/.test(metaAuthor)
        ? [metaAuthor]
        : visibleAuthors(document)
  )
    .map(clean)
    .filter((name, index, all) => name && all.indexOf(name) === index);
  const publisher = namesOf(article?.publisher, byId)[0] ?? null;
  const published = firstString(article?.datePublished);
  const title = clean(
    headline ?? metaContent(document, ['og:title', 'twitter:title']) ?? document.title ?? '',
  );
  const outlet = citedOutlet(document, url, publisher, title);
  return {
    // The outlet is named apart: "Rates rise | Reuters" is cited as "Rates rise".
    title: titleWithoutSiteSuffix(title, outlet),
    authors,
    outlet,
    published:
      published ??
      metaContent(document, ['article:published_time', 'citation_publication_date', 'date']) ??
      visibleDate(document),
    url,
  };
}

/** The reader's own calendar day (not UTC's, which is tomorrow in an American evening). */
function localDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** Quotation marks inside the passage become single ones, as inside any quotation. */
function nested(passage: string): string {
  return passage
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"([^"]*)"/g, '‘$1’');
}

function listNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The date part of what the page gave, when it reads as a date. */
function datePart(value: string | null): string | null {
  if (!value) return null;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  if (match) return match[0];
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/**
 * The passage in quotation marks, then the reference:
 * “…” — Jane Doe and John Roe, “Title”, Outlet, 2026-03-03. https://… (accessed 2026-11-27)
 */
export function formatCitation(passage: string, source: CitationSource, accessed: Date): string {
  const parts = [
    source.authors.length ? listNames(source.authors) : null,
    source.title ? `“${source.title}”` : null,
    source.outlet,
    datePart(source.published),
  ].filter((part): part is string => Boolean(part));
  const reference = `${parts.join(', ')}${parts.length ? '. ' : ''}${source.url} (accessed ${localDay(accessed)})`;
  return `“${nested(clean(passage))}”\n— ${reference}`;
}
