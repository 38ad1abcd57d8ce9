/**
 * Turning the content script's byline clues (metadata.ts) into the byline the reader sees: who wrote
 * it, for which outlet, when it was published and updated, each with where it was read. Pure string
 * work, on the extension side and in Node; the content script never loads this module.
 */
import {
  cleanPersonName,
  looksLikePersonName,
  parseByline,
  wireServiceName,
  type ParsedByline,
} from './byline';
import { dateFromUrl, normalizeDate, parseDateText } from './dates';
import { metadataText } from './text';
import { emptyEvidence } from './types';
import type { Author, Byline, BylineClue, BylineEvidence, FieldSource } from './types';

export interface BylineContext {
  /** Readability's byline, used when the page's own clues name nobody. */
  readabilityByline?: string | null;
  /** Readability's publishedTime, used when the page's own clues give no date. */
  readabilityPublished?: string | null;
  /** The article's plain text: a date printed under the headline, contributor credits. */
  articleText?: string;
}

/** Meta keys for each field, strongest first. */
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
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'parsely-pub-date',
  'sailthru.date',
  'publish-date',
  'publish_date',
  'publishdate',
  'pubdate',
  'article_date_original',
  'original-publish-date',
  'cxenseparse:recs:publishtime',
  'datecreated',
  'dc.date',
  'dcterms.date',
  'dc.date.created',
  'dcterms.created',
  'date',
  'pdate',
  'displaydate',
  'ptime',
  'dc.date.available',
];
/** Site-specific keys that say what they hold ("shareaholic:article_published_time", "publication_date"). */
const OTHER_PUBLISHED_META = /publish|pub_?date|publication|created_at|uploaded/;
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

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

/** Names from one kind of clue; `declared` clues are fields meant to hold names (meta, JSON-LD). */
function namesFrom(clues: BylineClue[], declared: boolean): Author[] {
  const authors: Author[] = [];
  for (const clue of clues) {
    const names = parseByline(clue.text, { declared }).authors;
    for (const name of names) {
      if (authors.some((author) => sameName(author.name, name))) continue;
      const author: Author = { name, source: clue.source };
      // A profile link belongs to the one person its clue names.
      if (clue.url && names.length === 1) author.url = clue.url;
      authors.push(author);
    }
  }
  return authors;
}

/** Letters only, lower case: "Jane Doe" and /author/jane-doe/ both become "janedoe". */
const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]+/gu, '');

/**
 * A one-word byline ("Paul") is a name when the profile link it sits in says so (/author/paul/):
 * on its own, one capitalised word is more often a label than a person.
 */
function linkConfirms(clue: BylineClue): boolean {
  // Only author pages: /people/ and /profile/ also hold topic pages ("/people/prince/").
  const slug = clue.url
    ? /\/(?:authors?|autor(?:en|in)?|auteurs?|by|writers?|journalists?|staff|columnists?|redaktion)\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(
        clue.url,
      )?.[1]
    : undefined;
  const text = clue.text.replace(/^(?:by|von|par)\b/i, '');
  return slug !== undefined && letters(slug) === letters(text) && letters(text).length > 1;
}

/** The first visible byline that names someone, nearest to the headline first. */
function visibleByline(clues: BylineClue[]): { parsed: ParsedByline; clue: BylineClue } | null {
  for (const clue of clues) {
    const confirmed = linkConfirms(clue);
    const parsed = parseByline(clue.text, { declared: confirmed, confirmedByLink: confirmed });
    // A collective credit ("By BWW News Desk") is the byline too; the names after it are other stories'.
    if (parsed.authors.length > 0 || parsed.collective) return { parsed, clue };
  }
  return null;
}

/** Pages in these locales write 02/10/2020 for 2 October; American English (and no tag) for 10 February. */
function dayFirstLocale(locale: string | undefined): boolean {
  if (!locale) return false;
  const [language, region] = locale.toLowerCase().split(/[-_]/);
  return language !== 'en' || (region !== undefined && !['us', 'ca', 'ph'].includes(region));
}

/**
 * A printed date line split into its parts: "Published March 3, 2026, 4:12 PM ET · Updated March 4,
 * 2026" gives the first date to `published` and the second to `modified`.
 */
export function splitDateLine(
  text: string,
  dayFirst = false,
): { published: string | null; modified: string | null } {
  let published: string | null = null;
  let modified: string | null = null;
  for (const part of text.split(/\s*(?:·|•|\||\n|\s[-–—]\s|;)\s*/)) {
    const value = parseDateText(part, dayFirst);
    if (!value) continue;
    // An update label counts when it stands before the date ("Updated March 4"), not after it
    // ("January 19, 2020 … Updated 8 hours ago" is the publication date).
    const label = part.search(/updat|aktualisiert|geändert|mis à jour|modifi/i);
    if (label >= 0 && label < part.search(/\d/)) modified ??= value;
    else published ??= value;
  }
  return { published, modified };
}

/** The first clue, in order, that reads as a date. */
function firstDate(
  candidates: Array<[string | null | undefined, FieldSource, (text: string) => string | null]>,
) {
  for (const [text, source, parse] of candidates) {
    const value = text ? parse(text) : null;
    if (value) return { value, source };
  }
  return null;
}

/** Everything the clues say, parsed: authors, outlet, wire, dates, each with its source. */
export function resolveByline(evidence: BylineEvidence | undefined, context: BylineContext = {}): Byline {
  const clues = { ...emptyEvidence(), ...evidence };
  const of = (list: BylineClue[], via: (v: string) => boolean) => list.filter((clue) => via(clue.via));
  /** Meta clues for the keys, in the keys' order (the first value of each key unless `all`). */
  const metaFor = (keys: string[], all = false) =>
    keys.flatMap((key) => of(clues.meta, (via) => via === key).slice(0, all ? 20 : 1));

  // Outlet: JSON-LD publisher, then og:site_name and the other meta keys, then a JSON-LD organisation.
  const outlets = [
    ...of(clues.outlets, (via) => via === 'jsonld'),
    ...metaFor(OUTLET_META),
    ...of(clues.outlets, (via) => via !== 'jsonld'),
  ];
  const outletClue = outlets.find((clue) => clue.text.length <= 120);
  let outlet = outletClue ? { name: outletClue.text, source: outletClue.source } : null;

  // Authors: JSON-LD people; else the visible byline and the meta tags (the first key that names
  // someone), reconciled; else Readability's byline.
  const byline = visibleByline(of(clues.authors, (via) => via === 'byline'));
  let authors = namesFrom(
    of(clues.authors, (via) => via === 'jsonld'),
    true,
  );
  if (authors.length === 0) {
    const shown: Author[] = [];
    if (byline && byline.parsed.authors.length > 0) {
      const { parsed, clue } = byline;
      for (const name of parsed.authors)
        shown.push(
          clue.url && parsed.authors.length === 1
            ? { name, source: clue.source, url: clue.url }
            : { name, source: clue.source },
        );
    }
    let declared: Author[] = [];
    const metaClues = metaFor(AUTHOR_META, true);
    for (const key of new Set(metaClues.map((clue) => clue.via))) {
      declared = namesFrom(
        metaClues.filter((clue) => clue.via === key && !/^https?:/i.test(clue.text)),
        true,
      );
      if (declared.length > 0) break;
    }
    // Meta names the reader can also see in a byline are confirmed; a byline that shares no name with
    // a confirmed meta list is some other story's ("Related: … By John Roe").
    const confirmedIn = (text: string) =>
      declared.length > 0 && declared.every((author) => letters(text).includes(letters(author.name)));
    const overlapConfirmed = byline !== null && confirmedIn(byline.clue.text);
    const confirmed = confirmedIn(
      of(clues.authors, (via) => via === 'byline')
        .map((clue) => clue.text)
        .join(' '),
    );
    const overlap = shown.some((a) => declared.some((b) => sameName(a.name, b.name)));
    if (shown.length === 0) authors = declared;
    else if (declared.length === 0) authors = shown;
    // The meta list is longer than the byline shown (it parsed one link of several): take it when the
    // byline line itself names them all; photo and styling credits elsewhere do not count.
    else if (overlap) authors = overlapConfirmed && declared.length > shown.length ? declared : shown;
    else authors = confirmed ? declared : shown;
  }
  if (authors.length === 0 && context.readabilityByline) {
    // Keep its line breaks: "投稿者\n Masafumi Negishi" is a label and a name.
    const text = context.readabilityByline
      .split(/\n/)
      .map((line) => metadataText(line, 300))
      .join('\n');
    authors = namesFrom([{ text, source: 'byline', via: 'readability' }], false);
  }
  // An author that is really the outlet ("By The Western Journal") is not a person.
  // (Equality, not containment: "Daniel Lemire's blog" is written by Daniel Lemire.)
  const outletNames = outlets.map((clue) => letters(clue.text).replace(/^the/, ''));
  authors = authors
    .filter((author) => !outletNames.includes(letters(author.name).replace(/^the/, '')))
    .slice(0, 20);

  // No person named: a collective credit ("By AOL Staff") is what the page gives as its byline.
  if (authors.length === 0) {
    const credits = [...(byline ? [byline.clue] : []), ...metaFor(AUTHOR_META, true)];
    for (const clue of credits) {
      const collective = parseByline(clue.text).collective;
      if (collective) {
        authors = [{ name: collective, source: clue.source }];
        break;
      }
    }
  }

  // A wire service credited in the byline or as a JSON-LD author organisation.
  let wire: string | null = null;
  const organization =
    byline?.parsed.organization ??
    of(clues.authors, (via) => via === 'jsonld-organization')
      .map((clue) => wireServiceName(clue.text))
      .find(Boolean) ??
    null;
  if (organization) {
    const wireName = wireServiceName(organization) ?? organization;
    if (!outlet) outlet = { name: wireName, source: 'byline' };
    else if (!outlet.name.toLowerCase().includes(wireName.toLowerCase()) && wireServiceName(wireName))
      wire = wireName;
  }

  const machine = (list: BylineClue[], via: (v: string) => boolean) =>
    of(list, via).map((clue): [string, FieldSource, typeof normalizeDate] => [
      clue.text,
      clue.source,
      normalizeDate,
    ]);
  const publishedMeta = [
    ...metaFor(PUBLISHED_META),
    ...of(
      clues.meta,
      (via) => !PUBLISHED_META.includes(via) && OTHER_PUBLISHED_META.test(via) && !/modif|updat/.test(via),
    ),
  ];
  const dayFirst = dayFirstLocale(clues.locale);
  const parseText = (text: string) => splitDateLine(text, dayFirst).published;
  const parseUpdate = (text: string) => splitDateLine(text, dayFirst).modified;
  const texts = (via: (v: string) => boolean) =>
    of(clues.dateTexts, via).map((clue): [string, FieldSource, (text: string) => string | null] => [
      clue.text,
      clue.source,
      clue.via === 'datetime' ? normalizeDate : parseText,
    ]);
  const anyDate = (via: (v: string) => boolean) =>
    of(clues.dateTexts, via).map((clue): [string, FieldSource, (text: string) => string | null] => [
      clue.text,
      clue.source,
      (text) => parseDateText(text, dayFirst),
    ]);
  const fromUrl = of(clues.published, (via) => via === 'url').map(
    (clue): [string, FieldSource, typeof dateFromUrl] => [clue.text, 'url', dateFromUrl],
  );
  const shown = (via: string) => via === 'datetime' || via === 'date-element';
  let published = firstDate([
    ...machine(clues.published, (via) => via === 'jsonld'),
    ...machine(publishedMeta, () => true),
    [byline?.clue.text, 'byline', parseText],
    ...texts(shown),
    ...texts((via) => via === 'after-headline' || via === 'date-label'),
    ...fromUrl,
    ...machine(clues.published, (via) => via === 'jsonld-created'),
    [context.readabilityPublished, 'meta', normalizeDate],
    // Last resorts: any date at all, an update stamp included, beats none.
    ...anyDate((via) => via === 'title'),
    [context.articleText?.slice(0, 600), 'text', (text) => parseDateText(text, dayFirst)],
    ...anyDate((via) => via === 'page-text'),
  ]);
  // A machine date in UTC (or with no zone) can fall on the next or previous day for the reader the
  // page was written for; the day in the address or printed on the page is that reader's day.
  if (published && !/[+-]\d{2}:\d{2}$/.test(published.value.replace(/[+-]00:00$/, ''))) {
    const local = firstDate([
      ...fromUrl,
      [byline?.clue.text, 'byline', parseText],
      ...texts((via) => !shown(via) || via === 'date-element'),
    ]);
    const gap = local
      ? Math.abs(Date.parse(local.value.slice(0, 10)) - Date.parse(published.value.slice(0, 10)))
      : 0;
    if (local && gap === 86_400_000) published = { value: local.value, source: local.source };
  }
  let modified = firstDate([
    ...machine(clues.modified, (via) => via === 'jsonld'),
    ...machine(metaFor(MODIFIED_META), () => true),
    ...machine(clues.modified, (via) => via === 'datetime'),
    [byline?.clue.text, 'byline', parseUpdate],
    ...of(clues.dateTexts, (via) => via === 'date-element' || via === 'after-headline').map(
      (clue): [string, FieldSource, typeof parseUpdate] => [clue.text, clue.source, parseUpdate],
    ),
  ]);
  // An update stamp equal to or before the publication is no update.
  if (modified && published && !(Date.parse(modified.value) > Date.parse(published.value))) modified = null;

  const articleText = context.articleText ?? '';
  return {
    authors,
    outlet,
    published: published?.value ?? null,
    publishedSource: published?.source ?? null,
    modified: modified?.value ?? null,
    modifiedSource: modified?.source ?? null,
    wire,
    contributors: readContributors(articleText).filter(
      (name) => !authors.some((a) => sameName(a.name, name)),
    ),
  };
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
