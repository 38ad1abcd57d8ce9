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
import { UPDATED_LABEL, dateFromUrl, normalizeDate, parseDateText, splitDateLine } from './dates';
import { readGenre } from './genre';
import { BYLINE_CLOSING_CHARS, BYLINE_OPENING_CHARS, metadataText } from './text';
import { emptyEvidence } from './types';
import type {
  Author,
  Byline,
  BylineCandidate,
  BylineClue,
  BylineDecision,
  BylineEvidence,
  FieldSource,
} from './types';
import { chooseOutlet, isRegistrableName } from './outlet';
import { hostOf } from './urls';
import type { PageCapture } from './capture';

export { splitDateLine };

export interface BylineContext {
  /** Readability's byline, used when the page's own clues name nobody. */
  readabilityByline?: string | null;
  /** Readability's publishedTime, used when the page's own clues give no date. */
  readabilityPublished?: string | null;
  /**
   * The article's plain text, or the parts of it the byline reads (bylineTextOf): a date printed under
   * the headline, contributor credits.
   */
  articleText?: string;
  /** The page's description meta tag: a last resort for the date ("News of 14 January 2020"). */
  description?: string | null;
}

/**
 * The byline from what the content script sent: its clues, parsed here, with Readability's byline and
 * date as the last resort. From the capture alone (no DOM), so that the panel and Copy with citation,
 * which runs in the background, name the same authors, outlet and date.
 */
export function bylineOfCapture(capture: PageCapture): Byline {
  return resolveByline(capture.page.byline.evidence, {
    readabilityByline: capture.readabilityByline,
    readabilityPublished: capture.readabilityPublished,
    articleText: capture.bylineText,
    description: capture.page.article.excerpt,
  });
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

/**
 * The line of a byline clue that spells one of the page's author tags ("By Cindy mangomini" and
 * "cindy mangomini"), as a name, or null.
 */
function nameTagConfirms(clue: BylineClue, tagNames: string[]): string | null {
  for (const line of clue.text.split('\n')) {
    const written = letters(cleanPersonName(line));
    if (!tagNames.includes(written)) continue;
    // Still read as a byline: a job title ("Editor") or an organisation is no person's name.
    const [name] = parseByline(line, { declared: true, confirmedByLink: true, shown: true }).authors;
    if (name && letters(name) === written) return name;
  }
  return null;
}

interface VisibleByline {
  parsed: ParsedByline;
  clue: BylineClue;
}

/**
 * The first visible byline that names someone, nearest to the headline first. `tagNames` are the
 * page's author tags (letters only): a byline that spells one of them is a name as written, lower case
 * and all. When no clue names anyone, the nearest one that credits an organisation ("By The New York
 * Times") is returned, for the outlet and the wire credit.
 */
function visibleByline(clues: BylineClue[], tagNames: string[]): VisibleByline | null {
  let firstOrganization: VisibleByline | null = null;
  for (const [index, clue] of clues.entries()) {
    const confirmed = linkConfirms(clue);
    const parsed = parseByline(clue.text, { declared: confirmed, confirmedByLink: confirmed, shown: true });
    // Only the name the tag spells is taken as written; the rest of the clue is read as usual.
    const tagged = nameTagConfirms(clue, tagNames);
    if (tagged && !parsed.authors.some((name) => letters(name) === letters(tagged)))
      parsed.authors.push(tagged);
    // A collective credit ("By BWW News Desk") is the byline too; the names after it are other stories'.
    if (parsed.authors.length > 0 || parsed.collective) return { parsed, clue };
    if (index === 0 && parsed.organization) firstOrganization = { parsed, clue };
  }
  return firstOrganization;
}

/** Pages in these locales write 02/10/2020 for 2 October; American English (and no tag) for 10 February. */
function dayFirstLocale(locale: string | undefined): boolean {
  if (!locale) return false;
  const [language, region] = locale.toLowerCase().split(/[-_]/);
  return language !== 'en' || (region !== undefined && !['us', 'ca', 'ph'].includes(region));
}

type DateParser = (text: string) => string | null;
type DateClue = [string | null | undefined, FieldSource, DateParser];

/** The first clue, in order, that reads as a date. */
function firstDate(candidates: DateClue[]): BylineCandidate | null {
  for (const [text, source, parse] of candidates) {
    const value = text ? parse(text) : null;
    if (value) return { value, source };
  }
  return null;
}

/** The first value each source gives, in the order of the clues: what each source claims. */
function claimsBySource(candidates: DateClue[], sources: FieldSource[]): BylineCandidate[] {
  const claims: BylineCandidate[] = [];
  for (const [text, source, parse] of candidates) {
    if (!sources.includes(source) || claims.some((claim) => claim.source === source)) continue;
    const value = text ? parse(text) : null;
    if (value) claims.push({ value, source });
  }
  return claims;
}

/** Does an ISO value name an instant (a time with a zone)? */
const isInstant = (value: string) => /T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:\d{2})$/.test(value);

/**
 * Do two dates say the same thing? Two instants agree within a minute; otherwise the days as written
 * must be the same (a date alone agrees with any time on that day).
 */
function sameDate(a: string, b: string): boolean {
  if (isInstant(a) && isInstant(b)) return Math.abs(Date.parse(a) - Date.parse(b)) <= 60_000;
  return a.slice(0, 10) === b.slice(0, 10);
}

/** The hour offsets news pages are written in: Hawaii to the Line Islands. */
const EARLIEST_OFFSET_HOURS = -10;
const LATEST_OFFSET_HOURS = 14;

/**
 * Can the day the page prints (in its address, byline or date line) be a UTC stamp's day for the
 * reader the page was written for? Only when it is another day and some real time zone puts the stamp
 * on it: 02:00Z is the evening before in New York, 13:49Z is the same day from Hawaii to Berlin.
 */
function isLocalDayOf(utc: string, printed: string): boolean {
  const instant = Date.parse(utc);
  const day = Date.parse(`${printed.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(instant) || !Number.isFinite(day) || printed.slice(0, 10) === utc.slice(0, 10))
    return false;
  const hour = 3_600_000;
  // Some offset in the range puts the instant inside the printed day.
  return (
    instant + LATEST_OFFSET_HOURS * hour >= day && instant + EARLIEST_OFFSET_HOURS * hour < day + 24 * hour
  );
}

/**
 * Is a printed local time ("3/5/2022 22:41", no zone) a UTC stamp (02:41Z on the 4th) seen from a
 * real time zone, on another day? The minutes must agree to a quarter hour, as zones do; a page prints
 * the minute, so the stamp's seconds do not count ("6:09 p.m." is 01:09:55 UTC seen from Denver).
 */
function isLocalTimeOf(utc: string, printed: string): boolean {
  if (!/T\d{2}:\d{2}(?::\d{2})?$/.test(printed) || printed.slice(0, 10) === utc.slice(0, 10)) return false;
  const shift = minutesAhead(utc, printed);
  return (
    Number.isFinite(shift) &&
    shift % 15 === 0 &&
    shift >= EARLIEST_OFFSET_HOURS * 60 &&
    shift <= LATEST_OFFSET_HOURS * 60
  );
}

/** How many minutes a printed local time (no zone) is ahead of a UTC stamp, minute against minute. */
function minutesAhead(utc: string, printed: string): number {
  const minute = 60_000;
  return Math.floor(Date.parse(`${printed}Z`) / minute) - Math.floor(Date.parse(utc) / minute);
}

/**
 * Does a printed date name a moment after the UTC stamp, whatever the zone: "20 Nov 2019, 9:42am" against
 * 13:16 UTC on the 19th, a teaser's time further down the page? It cannot be when the stamped article
 * came out. (An earlier printed time may be: the first filing, the stamp an update.) A day without a time
 * names no moment.
 */
function isLaterMoment(utc: string, printed: string): boolean {
  if (!/T\d{2}:\d{2}/.test(printed)) return false;
  const hour = 3_600_000;
  const stamp = Date.parse(utc);
  const earliest = isInstant(printed)
    ? Date.parse(printed)
    : Date.parse(`${printed}Z`) - LATEST_OFFSET_HOURS * hour;
  return earliest - stamp >= 2 * 60_000;
}

/** A printed local time with the offset that makes it the UTC stamp: "2022-05-03T22:41:00-04:00". */
function withOffsetOf(utc: string, printed: string): string {
  const time = printed.length === 16 ? `${printed}:00` : printed;
  const shift = minutesAhead(utc, time);
  const hours = String(Math.floor(Math.abs(shift) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(shift) % 60).padStart(2, '0');
  return `${time}${shift < 0 ? '-' : '+'}${hours}:${minutes}`;
}

/** How each source is named in a decision's reason. */
const SOURCE_WORDS: Record<FieldSource, string> = {
  jsonld: 'the structured data (JSON-LD)',
  meta: 'the meta tags',
  byline: 'the byline',
  text: 'the date printed on the page',
  url: 'the page address',
};

/** Why a source is read before the others, in plain words. */
const SOURCE_RANK_REASON: Record<FieldSource, string> = {
  jsonld:
    'it is written for this article itself, while meta tags and printed dates are more often site-wide defaults, updates or other stories’ dates',
  meta: 'the page declares it for this article, while a date printed on the page may belong to another story or to an update',
  byline: 'the byline under the headline belongs to this article',
  text: 'it is the date printed nearest the headline',
  url: 'nothing more specific dates the page',
};

const listOfSources = (candidates: BylineCandidate[]) =>
  [...new Set(candidates.map((candidate) => SOURCE_WORDS[candidate.source]))].join(' and ');

/** A decision for a date field, when other sources claim another date; null when they all agree. */
function dateDecision(
  field: BylineDecision['field'],
  chosen: BylineCandidate | null,
  claims: BylineCandidate[],
  reason?: string,
): BylineDecision | null {
  if (!chosen) return null;
  const rejected = claims.filter(
    (claim) => claim.source !== chosen.source && !sameDate(claim.value, chosen.value),
  );
  if (rejected.length === 0) return null;
  return {
    field,
    chosen,
    rejected,
    reason:
      reason ??
      `Read from ${SOURCE_WORDS[chosen.source]} rather than ${listOfSources(rejected)}: ${SOURCE_RANK_REASON[chosen.source]}.`,
  };
}

/** The names of an author list as one value, for a decision. */
const nameList = (authors: Author[]) => authors.map((author) => author.name).join(', ');

/** Everything the clues say, parsed: authors, outlet, wire, dates, each with its source. */
export function resolveByline(evidence: BylineEvidence | undefined, context: BylineContext = {}): Byline {
  const clues = { ...emptyEvidence(), ...evidence };
  const of = (list: BylineClue[], via: (v: string) => boolean) => list.filter((clue) => via(clue.via));
  /** Meta clues for the keys, in the keys' order (the first value of each key unless `all`). */
  const metaFor = (keys: string[], all = false) =>
    keys.flatMap((key) => of(clues.meta, (via) => via === key).slice(0, all ? 20 : 1));
  const decisions: BylineDecision[] = [];

  // Outlet: JSON-LD publisher, then og:site_name and the other meta keys, then a JSON-LD organisation.
  // The title's suffix and the copyright line come last and count only when the address agrees; the
  // address also overrules a site name that is a section ("U.S.") when another clue names the site.
  const unverified = (via: string) => via === 'title-suffix' || via === 'copyright';
  // A page read from a file (the command line's folders, placed at a reserved .invalid address) names
  // its web address in its canonical link.
  const pageUrl =
    of(clues.published, (via) => via === 'url').find((clue) => {
      const host = hostOf(clue.text);
      return host !== '' && !host.endsWith('.invalid');
    })?.text ?? null;
  const outletCandidates = [
    ...of(clues.outlets, (via) => via === 'jsonld'),
    ...metaFor(OUTLET_META),
    ...of(clues.outlets, (via) => via !== 'jsonld' && via !== 'site-word' && !unverified(via)),
    ...of(clues.outlets, unverified),
    // Last: the domain's name as the text spells it, for a page whose metadata names no outlet.
    ...of(clues.outlets, (via) => via === 'site-word').filter((clue) =>
      isRegistrableName(clue.text, pageUrl),
    ),
  ].filter((clue) => clue.text.length <= 120);
  const outletClue =
    outletCandidates[
      chooseOutlet(
        outletCandidates.map((clue) => ({ name: clue.text, standsAlone: !unverified(clue.via) })),
        pageUrl,
      )
    ];
  const outlets = outletCandidates.filter((clue) => !unverified(clue.via) || clue === outletClue);
  let outlet = outletClue ? { name: outletClue.text, source: outletClue.source } : null;

  // An author that is really the outlet ("By The Western Journal") is not a person.
  // (Equality, not containment: "Daniel Lemire's blog" is written by Daniel Lemire.)
  const outletNames = outlets.map((clue) => letters(clue.text).replace(/^the/, ''));
  const isOutlet = (name: string) => outletNames.includes(letters(name).replace(/^the/, ''));

  // Authors: JSON-LD people; else the visible byline and the meta tags (the first key that names
  // someone), reconciled; else Readability's byline.
  const metaClues = metaFor(AUTHOR_META, true).filter((clue) => !/^https?:/i.test(clue.text));
  const byline = visibleByline(
    of(clues.authors, (via) => via === 'byline'),
    metaClues.map((clue) => letters(clue.text)).filter((name) => name.length > 1),
  );
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
  let declaredKey = '';
  for (const key of new Set(metaClues.map((clue) => clue.via))) {
    declared = namesFrom(
      metaClues.filter((clue) => clue.via === key),
      true,
    );
    declaredKey = key;
    if (declared.length > 0) break;
  }
  // Structured data that names the site itself as the author (AppleInsider's) names no one: the
  // byline the reader sees then decides.
  const fromJsonLd = namesFrom(
    of(clues.authors, (via) => via === 'jsonld'),
    true,
  ).filter((author) => !isOutlet(author.name));
  let authors = fromJsonLd;
  let authorReason = '';
  // Structured data often names the first of several authors only ("By Stefan Becket, Kathryn Watson,
  // Grace Segers" against one JSON-LD author): a byline naming every structured author and more is whole.
  // The names it adds must read plainly as people's: two or three capitalised words ("Kathryn Watson"),
  // not a role or a desk ("Mitglied der Tonight", "ACLU Racial Justice Program").
  const bylineExtends =
    shown.length > fromJsonLd.length &&
    fromJsonLd.length > 0 &&
    fromJsonLd.every((author) => shown.some((other) => sameName(author.name, other.name))) &&
    shown.every(
      (author) =>
        fromJsonLd.some((other) => sameName(author.name, other.name)) ||
        /^\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}'’-]+){1,2}$/u.test(author.name),
    );
  if (bylineExtends) {
    authors = shown;
    authorReason =
      'The byline names every author of the structured data (JSON-LD) and more; the structured data lists only some of them.';
  } else if (authors.length > 0) {
    authorReason =
      'The structured data (JSON-LD) names the authors for this article itself; it is read before the meta tags and the byline.';
  } else {
    // Meta names the reader can also see in a byline are confirmed; a byline that shares no name with
    // a confirmed meta list is some other story's ("Related: … By John Roe").
    // (A tag that only spells the organisation the byline credits, "ASCII" in "オカモト／ASCII編集部",
    // confirms nobody.)
    const credited = letters(byline?.parsed.organization ?? '');
    const confirmedIn = (text: string) =>
      declared.length > 0 &&
      declared.every(
        (author) =>
          letters(text).includes(letters(author.name)) &&
          !(credited && credited.includes(letters(author.name))),
      );
    const overlapConfirmed = byline !== null && confirmedIn(byline.clue.text);
    const confirmed = confirmedIn(
      of(clues.authors, (via) => via === 'byline')
        .map((clue) => clue.text)
        .join(' '),
    );
    const overlap = shown.some((a) => declared.some((b) => sameName(a.name, b.name)));
    // Scholarly citation tags list every author, one to a tag; a byline often shows the first only.
    const everyAuthorTagged = declaredKey === 'citation_author' && declared.length > 1;
    if (shown.length === 0) authors = declared;
    else if (declared.length === 0) authors = shown;
    // The meta list is longer than the byline shown (it parsed one link of several): take it when the
    // byline line itself names them all; photo and styling credits elsewhere do not count.
    else if (overlap) {
      authors = (overlapConfirmed || everyAuthorTagged) && declared.length > shown.length ? declared : shown;
      authorReason =
        authors === declared
          ? 'The meta tags list more authors than the byline shows, and name the byline’s too.'
          : 'The byline names the authors the reader sees; the meta tags name others the byline does not show.';
    } else {
      authors = confirmed ? declared : shown;
      authorReason = confirmed
        ? 'The byline nearest the headline names nobody in the page’s author tags, and the tags’ names are printed elsewhere in a byline: that first byline is another story’s.'
        : 'The byline names the authors the reader sees; the meta tags name someone the page does not show.';
    }
  }
  const decided = authors;
  if (authors.length === 0 && context.readabilityByline) {
    // Keep its line breaks: "投稿者\n Masafumi Negishi" is a label and a name.
    const text = context.readabilityByline
      .split(/\n/)
      .map((line) => metadataText(line, 300))
      .join('\n');
    authors = namesFrom([{ text, source: 'byline', via: 'readability' }], false);
  }
  // "Elliot Brownstein Florida Today": a byline printed with the outlet after the name, the line break
  // between them lost. The name is what comes before the outlet's, when two words or more are left.
  const printedOutlets = outlets
    .map((clue) => clue.text.replace(/^the\s+/i, '').trim())
    .filter((name) => /\s/.test(name) || name.length > 3);
  authors = authors.map((author) => {
    for (const outletName of printedOutlets) {
      if (!author.name.toLowerCase().endsWith(` ${outletName.toLowerCase()}`)) continue;
      const person = author.name.slice(0, -outletName.length).trim();
      if (person.split(/\s+/).length >= 2) return { ...author, name: person };
    }
    return author;
  });
  authors = authors.filter((author) => !isOutlet(author.name)).slice(0, 20);

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
    // An organisation that is neither the outlet nor a wire is the author when the byline credits it
    // alone ("By Human Rights Watch"), not when it is a phrase that merely names one.
    else if (
      authors.length === 0 &&
      byline?.parsed.organization === organization &&
      letters(byline.clue.text.split('\n')[0]!.replace(/^\s*(?:by|von|par)\s+/i, '')) ===
        letters(organization) &&
      /^\s*(?:by|von|par)\s/i.test(byline.clue.text) &&
      !wireServiceName(organization) &&
      !isOutlet(organization) &&
      !letters(outlet.name).includes(letters(organization).replace(/^the/, ''))
    )
      authors = [{ name: organization, source: 'byline' }];
  }
  // A dateline credits the wire a story came from: "ST. JOSEPH, Mich. (AP) — Michigan health …".
  if (!wire) {
    const credit = datelineWire(context.articleText ?? '');
    const wireName = credit ? wireServiceName(credit) : null;
    const outletWords = (outlet?.name ?? '').toLowerCase().split(/[^\p{L}]+/u);
    if (
      credit &&
      wireName &&
      !outletWords.includes(credit.toLowerCase()) &&
      letters(outlet?.name ?? '') !== letters(wireName)
    )
      wire = wireName;
  }

  // Authors the sources disagree on: which list was taken, and why.
  if (authors.length > 0 && authorReason && letters(nameList(authors)) === letters(nameList(decided))) {
    const chosenNames = authors.map((author) => letters(author.name));
    const rejected: BylineCandidate[] = [];
    for (const [list, source] of [
      [fromJsonLd, 'jsonld'],
      [declared.filter((author) => !isOutlet(author.name)), 'meta'],
      [shown, 'byline'],
    ] as const) {
      // A source that names only some of the chosen authors (an author tag with the first of two)
      // does not disagree; one that names someone else does.
      if (source !== authors[0]!.source && list.some((author) => !chosenNames.includes(letters(author.name))))
        rejected.push({ value: nameList(list), source });
    }
    if (rejected.length > 0)
      decisions.push({
        field: 'authors',
        chosen: { value: nameList(authors), source: authors[0]!.source },
        rejected,
        reason: authorReason,
      });
  }

  const machine = (list: BylineClue[], via: (v: string) => boolean) =>
    of(list, via).map((clue): DateClue => [clue.text, clue.source, normalizeDate]);
  const publishedMeta = [
    ...metaFor(PUBLISHED_META),
    ...of(
      clues.meta,
      (via) => !PUBLISHED_META.includes(via) && OTHER_PUBLISHED_META.test(via) && !/modif|updat/.test(via),
    ),
  ];
  const dayFirst = dayFirstLocale(clues.locale);
  const parseText = (text: string) => splitDateLine(text, dayFirst).published;
  const texts = (via: (v: string) => boolean) =>
    of(clues.dateTexts, via).map((clue): DateClue => [
      clue.text,
      clue.source,
      clue.via === 'datetime' ? normalizeDate : parseText,
    ]);
  const anyDate = (via: (v: string) => boolean) =>
    of(clues.dateTexts, via).map((clue): DateClue => [
      clue.text,
      clue.source,
      (text) => parseDateText(text, dayFirst),
    ]);
  const fromUrl = of(clues.published, (via) => via === 'url').map((clue): DateClue => [
    clue.text,
    'url',
    dateFromUrl,
  ]);
  const shownDate = (via: string) => via === 'datetime' || via === 'date-element';
  const fromJsonLdDate = machine(clues.published, (via) => via === 'jsonld');
  const fromMeta = machine(publishedMeta, () => true);
  const fromByline: DateClue = [byline?.clue.text, 'byline', parseText];
  const publishedClues: DateClue[] = [
    ...fromJsonLdDate,
    ...fromMeta,
    fromByline,
    ...texts(shownDate),
    ...texts((via) => via === 'after-headline' || via === 'date-label'),
    ...fromUrl,
    ...machine(clues.published, (via) => via === 'jsonld-created'),
    [context.readabilityPublished, 'meta', normalizeDate],
    // Last resorts: any date at all, an update stamp included, beats none.
    ...anyDate((via) => via === 'title'),
    [context.description, 'meta', (text) => parseDateText(text, dayFirst)],
    [context.articleText?.slice(0, BYLINE_OPENING_CHARS), 'text', (text) => parseDateText(text, dayFirst)],
    ...anyDate((via) => via === 'page-text'),
  ];
  let published = firstDate(publishedClues);
  let publishedReason: string | undefined;
  // A machine stamp in UTC can fall on the next or previous day for the reader the page was written
  // for; the day printed with the article, else the day in the address, is that reader's day (the
  // page's own words first: an address keeps the day a story was first filed under).
  if (published && isInstant(published.value) && /(?:Z|[+-]00:00)$/.test(published.value)) {
    const local = firstDate([
      [byline?.clue.text, 'byline', parseText],
      ...texts((via) => via === 'date-element' || via === 'after-headline' || via === 'date-label'),
      ...fromUrl,
    ]);
    // Elsewhere on the page, only a printed time that is the same instant in some zone says so.
    const utc = published.value;
    const sameInstant = local
      ? null
      : anyDate((via) => via === 'page-text')
          .map(([text]) => (text ? parseDateText(text, dayFirst) : null))
          .find((value) => value !== null && isLocalTimeOf(utc, value));
    if (local && isLocalDayOf(utc, local.value) && !isLaterMoment(utc, local.value)) {
      publishedReason = `The stamp in ${SOURCE_WORDS[published.source]} is in UTC; ${SOURCE_WORDS[local.source]} gives the day in the page’s own time zone.`;
      // The same moment printed in local time: keep it, with the offset that makes it so.
      published = isLocalTimeOf(utc, local.value)
        ? { value: withOffsetOf(utc, local.value), source: local.source }
        : local;
    } else if (sameInstant) {
      publishedReason = `The stamp in ${SOURCE_WORDS[published.source]} is in UTC; the page prints the same moment in its own time zone, on another day.`;
      published = { value: withOffsetOf(utc, sameInstant), source: 'text' };
    }
  } else if (published && published.value.length === 10 && published.source !== 'text') {
    // A bare day one off the stamp printed with the article, to the minute: the print edition's day,
    // or a day in another zone. The reader is shown the stamp.
    const stamp = firstDate([
      [byline?.clue.text, 'byline', parseText],
      ...texts((via) => via === 'date-element' || via === 'after-headline' || via === 'date-label'),
    ]);
    const gap = stamp ? Math.abs(Date.parse(stamp.value.slice(0, 10)) - Date.parse(published.value)) : 0;
    if (stamp && stamp.value.length > 10 && gap === 86_400_000) {
      publishedReason = `Only a day is given in ${SOURCE_WORDS[published.source]}; ${SOURCE_WORDS[stamp.source]} shows the publication to the minute next to the article, one day off.`;
      published = stamp;
    }
  }
  const publishedDecision = dateDecision(
    'published',
    published,
    claimsBySource(
      [...fromJsonLdDate, ...fromMeta, fromByline, ...fromUrl],
      ['jsonld', 'meta', 'byline', 'url'],
    ),
    publishedReason,
  );
  if (publishedDecision) decisions.push(publishedDecision);

  // Updates: a date without a year ("Updated 9:30 a.m. EST March 4") is in the publication's year.
  const year = published ? Number(published.value.slice(0, 4)) : undefined;
  const parseUpdate = (text: string) => splitDateLine(text, dayFirst, year).modified;
  const shownDates = of(clues.dateTexts, (via) => via === 'date-element' || via === 'after-headline');
  // The structured data's update stamp counts only when the page tells the reader of an update: an
  // "Updated", "Aktualisiert" or "Mis à jour" by a date there, or a printed stamp marked as the update.
  // Without one, dateModified is a re-save or a site's migration ("updated six years later" on a 2016
  // review), which no reader was told of.
  const updateShown =
    of(clues.modified, (via) => via === 'datetime').length > 0 ||
    [byline?.clue.text ?? '', ...shownDates.map((clue) => clue.text)].some((text) =>
      UPDATED_LABEL.test(text),
    );
  const modifiedClues: DateClue[] = [
    ...(updateShown
      ? [
          ...machine(clues.modified, (via) => via === 'jsonld'),
          ...machine(metaFor(MODIFIED_META), () => true),
          ...machine(clues.modified, (via) => via === 'datetime-hidden'),
        ]
      : []),
    ...machine(clues.modified, (via) => via === 'datetime'),
    [byline?.clue.text, 'byline', parseUpdate],
    ...shownDates.map((clue): DateClue => [clue.text, clue.source, parseUpdate]),
  ];
  let modified = firstDate(modifiedClues);
  // An update stamp equal to or before the publication is no update.
  if (modified && published && !(Date.parse(modified.value) > Date.parse(published.value))) modified = null;
  const modifiedDecision = dateDecision(
    'modified',
    modified,
    claimsBySource(modifiedClues, ['jsonld', 'meta', 'byline']).filter(
      // Claims at or before the publication are no update either.
      (claim) => !published || Date.parse(claim.value) > Date.parse(published.value),
    ),
  );
  if (modifiedDecision) decisions.push(modifiedDecision);

  const articleText = context.articleText ?? '';
  const genre = readGenre(clues);
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
    decisions,
    genre: genre?.genre ?? null,
    genreSource: genre?.source ?? null,
    genreVia: genre?.via ?? null,
  };
}

/**
 * The credit in parentheses of a dateline that opens a line near the article's start: "AP" in
 * "ST. JOSEPH, Mich. (AP) — …" or "(Reuters) - …". Whether it names a wire is for wireServiceName.
 */
function datelineWire(text: string): string | null {
  const match = /(?:^|\n)\s*(?:\p{Lu}[^\n()]{0,80}?)?\(([\p{L}][\p{L}/ .-]{0,30})\)\s*[—–-]\s/u.exec(
    text.slice(0, 400),
  );
  return match ? match[1]!.trim() : null;
}

/** A "Contributing: A, B" or "A and B contributed to this report" credit in the text. */
export function readContributors(text: string): string[] {
  const names: string[] = [];
  const tail = text.slice(-BYLINE_CLOSING_CHARS);
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
