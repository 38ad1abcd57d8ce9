/**
 * What a story rests on: wire services and other outlets, officials, organisations and people, documents
 * and studies, social posts, anonymous sources, and the links out of the article.
 */
import { siteOfHost } from '../annotations/page-trust';
import { cueLexicon, findCues, lacksItsParticle } from './cues';
import { OFFICIAL_ROLES, organisationName, personName } from './names';
import { MAX_SENTENCE, selectorFor, sentenceStart } from './paragraphs';
import { mentionBefore } from './quotes';
import { resolveSpeaker, startingBetween, type SpeakerContext } from './speakers';
import { isOutletName, OUTLET_ANCHOR, OUTLET_SHAPE, OUTLETS, WIRES, inOutletName } from './outlets';
import { matchesBeforeAnchors, mayBeLetter } from './words';
import type { LinkKind, Quote, Source, SourceKind, SourcePlace, TextSpan } from './types';

const PLATFORMS =
  'X|Twitter|Facebook|Instagram|TikTok|Telegram|Threads|Bluesky|Truth Social|LinkedIn|YouTube|Weibo|WhatsApp|Reddit|Substack|Mastodon';
const SOCIAL = new RegExp(
  String.raw`(?:(?:the|an?|his|her|their|its)\s+)?(?:official\s+)?(?:${PLATFORMS})\s+(?:account|page|feed|post|posts|channel|video|thread|profile)\s+(?:of|by|from)\s+((?:[\p{L}.'’-]+\s+){0,4}\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)|(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})['’]s?\s+(?:official\s+)?(?:${PLATFORMS})\s+(?:account|page|feed|post|channel)|(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})(?:,[^,.]{0,100},)?\s+(?:tweeted|posted on (?:${PLATFORMS})|wrote on (?:${PLATFORMS})|(?:said|wrote|announced) (?:in a (?:post|video|thread|message) )?on (?:${PLATFORMS}))`,
  'gu',
);

/** Institutions named in lower case in French and English: "le ministère de la Culture", "the state Geological Survey". */
const INSTITUTION =
  /^(?:ministère|ministry|department|agence|direction|préfecture|mairie|conseil|tribunal|cour|state|federal|city|county)\b/iu;
const CITED_ORGANISATION =
  /\b(?:[Aa]ccording to|[Ll]aut|zufolge|[Ss]elon|[Dd]['’]après|[Nn]ach Angaben (?:des|der|von)|spokes(?:man|woman|person) (?:for|of|at)|[Ss]precher(?:in)? (?:des|der)|porte-parole (?:de la|de l['’]|du|des|de))\s+(?:(?:the|le|la|les|l['’]|der|die|das|des|dem)\s*)?((?:(?:ministère|ministry|department|agence|direction|préfecture|mairie|conseil|tribunal|cour|state|federal|city|county)[ \u00A0]+(?:(?:de la|de l['’]|des|du|de|of(?: the)?|for)[ \u00A0]+)?)?\p{Lu}[\p{L}'’&-]*(?:[ \u00A0]+(?:\p{Lu}[\p{L}'’&-]*|of|for|and|de|des|du|der|für|et)){0,6})/gu;

/** A cheap test for what the social-post pattern needs, so most pages skip it. */
const SOCIAL_HINT = new RegExp(
  String.raw`\b(?:${PLATFORMS})\s+(?:account|page|feed|post|posts|channel|video|thread|profile)\b|\btweeted\b|\bon\s+(?:${PLATFORMS})\b`,
  'u',
);
const PLATFORM = new RegExp(String.raw`\b(?:${PLATFORMS})\b`, 'u');

const DOCUMENT_KINDS =
  'report|document|documents|filing|filings|lawsuit|complaint|court records|records|memo|memorandum|letter|audit|budget|indictment|affidavit|transcript|ruling|order|decree|bill|data|figures|statistics|analysis|statement|message|press release|release|Bericht|Studie|Gutachten|Urteil|Klageschrift|Mitteilung|Pressemitteilung|Erklärung|Dokument|Dokumente|Unterlagen|rapport|document|communiqué|arrêt|décision|lettre|étude|enquête';
const STUDY_KINDS =
  /\b(?:study|studies|survey|paper|research|clinical trial|poll|meta-analysis|preprint|Studie|Umfrage|étude|enquête|sondage)\b/iu;
/** The first word of who made a document, which may hold an exclamation mark before its next word ("E! News"). */
const OWNER_FIRST_WORD = String.raw`\p{Lu}[\p{L}'’&-]*(?:!(?=\s+\p{Lu}))?`;
const DOCUMENT_PHRASE = new RegExp(
  String.raw`(?:[Aa]ccording to|cited in|citing|in|with|from|under|on|[Ll]aut|gemäß|selon|d['’]après|published in|released in|outlined in|detailed in|described in|reviewed by [\p{L} ]+ of)\s+((?:a|an|the|its|his|her|their|einer|einem|dem|der|den|un|une|le|la|l['’])\s+(?:[\p{L}\d-]+\s+){0,4}?(?:${DOCUMENT_KINDS}|study|survey|paper|research|poll|clinical trial)s?(?![\p{L}])(?:\s+(?:by|from|of|published by|released by|von|des|der|de la|du|de)\s+(?:the\s+)?(?:${OWNER_FIRST_WORD}|of|for|and|the)(?:\s+(?:\p{Lu}[\p{L}'’&-]*|of|for|and|the|\p{Ll}+(?=(?:\s+\p{Ll}+)?\s+\p{Lu}))){0,6})?)`,
  'gu',
);
/** "A survey last year by the Midland Language Survey project": who made the study or report. */
const STUDY_BY = new RegExp(
  String.raw`\b(survey|study|poll|report|analysis|audit|review|Studie|Umfrage|Bericht|étude|enquête|sondage|rapport)\s+(?:[\p{Ll}\d]+\s+){0,3}(?:by|from|conducted by|commissioned by|von|der|des|de la|du|de l['’]|réalisée? par|menée? par)\s+(?:the\s+)?(${OWNER_FIRST_WORD}(?:\s+(?:\p{Lu}[\p{L}'’&-]*|of|for|and|für|des|de)){0,6})`,
  'gu',
);
const JOURNAL =
  /\b(?:published|appeared)\s+(?:on\s+\w+\s+)?in\s+(?:the\s+)?(?:journal\s+)?((?:\p{Lu}[\p{L}&-]*|of|and|the)(?:\s+(?:\p{Lu}[\p{L}&-]*|of|and|the)){0,6})/gu;

const ANONYMOUS = new RegExp(
  String.raw`\b((?:a|an|one|two|three|four|several|some|other)\s+(?:[\p{L}-]+\s+){0,4}?(?:officials?|sources?|persons?|people|diplomats?|aides?|officers?|employees?|executives?|insiders?|advis[eo]rs?|staffers?|members?|investigators?|officials|lawmakers?|residents?|workers?)(?:\s+(?:familiar with|close to|with (?:direct )?knowledge of|briefed on|involved in|who (?:spoke|asked|requested|declined|insisted|was not|were not|is not|are not|did not want)|speaking on (?:the )?condition)[^.,;]*))|\b(people familiar with [^.,;]*)|\b(sources close to [^.,;]*)|\b((?:eine?r?|ein)\s+(?:[\p{L}-]+\s+){0,3}?(?:Insider|Quelle|Sprecher\p{L}*|Beamte[rn]?|Diplomat\p{L}*)[^.,;]*?(?:nicht genannt werden wollte|ungenannt bleiben wollte|anonym bleiben wollte))|\b(aus (?:Regierungs|Sicherheits|Verhandlungs|Partei|Unternehmens)kreisen)|\b((?:une?|des)\s+(?:[\p{L}-]+\s+){0,3}?(?:sources?|responsables?|diplomates?|conseillers?|proches?)\s+[^.,;]*?sous (?:le )?couvert (?:de l['’])?anonymat)|\b(une source proche [^.,;]*)`,
  'giu',
);
const ANONYMITY_MARKER =
  /familiar with|close to|knowledge of|briefed on|involved in|who (?:spoke|asked|requested|declined|insisted|was not|were not|is not|are not|did not want)|speaking on (?:the )?condition|nicht genannt|ungenannt|anonym|[Kk]reisen|couvert|source proche/gu;
const ANONYMITY =
  /anonymity|not authori[sz]ed|familiar with|close to|knowledge of|briefed on|asked not to|requested|declined to be|insisted|nicht genannt|ungenannt|anonym|Kreisen|couvert|source proche|involved in/iu;

const NO_COMMENT =
  /did not (?:immediately )?respond|declined to comment|could not be reached|did not return|was not available for comment|no comment|reagierte nicht|nicht erreichbar|n['’]a pas répondu|pas donné suite/iu;

const SOCIAL_HOSTS =
  /(?:^|\.)(?:twitter\.com|x\.com|facebook\.com|instagram\.com|tiktok\.com|t\.me|threads\.net|bsky\.app|youtube\.com|youtu\.be|linkedin\.com|truthsocial\.com|reddit\.com|mastodon\.social)$/;
const STUDY_HOSTS =
  /(?:^|\.)(?:doi\.org|nature\.com|science\.org|sciencemag\.org|thelancet\.com|nejm\.org|jamanetwork\.com|bmj\.com|cell\.com|plos\.org|arxiv\.org|medrxiv\.org|biorxiv\.org|pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov|sciencedirect\.com|springer\.com|wiley\.com|pnas\.org|ssrn\.com|jstor\.org)$/;
const DOCUMENT_HOSTS =
  /(?:\.gov|\.gov\.[a-z]{2}|\.gouv\.fr|\.bund\.de|\.int|\.mil|\.europa\.eu|\.parliament\.uk|\.judiciary\.uk|courtlistener\.com|documentcloud\.org|scribd\.com)$/;
/** Tested on a link's registrable domain, so "reuters.com.attacker.example" is no news site. */
const NEWS_SITES =
  /^(?:nytimes|washingtonpost|wsj|latimes|ft|theguardian|guardian|telegraph|economist|theatlantic|newyorker|bbc|cnn|npr|nbcnews|cbsnews|abcnews|foxnews|msnbc|pbs|politico|axios|bloomberg|reuters|apnews|afp|propublica|vox|aljazeera|spiegel|sueddeutsche|faz|zeit|bild|tagesschau|zdf|taz|lemonde|lefigaro|liberation|leparisien|francetvinfo|bfmtv|mediapart|elpais|usatoday|cnbc|forbes|time|newsweek|wired|theverge|techcrunch|businessinsider|dpa|news|times|post|tribune|herald|gazette|chronicle)\.[a-z.]+$/;

export interface LinkOut {
  url: string;
  text: string;
}

export interface SourceOptions {
  lang: string | null;
  pageUrl: string;
  /** The reporting outlet, its wire credit and its authors: never sources of their own story. */
  ownNames: string[];
  links: LinkOut[];
}

interface Draft {
  name: string;
  /** The name normalised, for telling two spellings of one source apart. */
  key: string;
  kind: SourceKind;
  url: string | null;
  linkKind?: LinkKind;
  places: { start: number; end: number }[];
  /** Where to point when the text never names the source (a speaker found through "the message"). */
  fallback?: { start: number; end: number };
}

const norm = (value: string) =>
  value
    .toLowerCase()
    .replace(/^(?:the|a|an|der|die|das|le|la|l['’])\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Offset of `mark` at or before `at`, no more than `reach` characters back; -1 if there is none. */
function lastIndexWithin(text: string, mark: string, at: number, reach: number): number {
  const limit = Math.max(0, at - reach);
  for (let index = Math.min(at, text.length - 1); index >= limit; index--)
    if (text[index] === mark) return index;
  return -1;
}

/** Offset of `mark` at or after `at`, no more than `reach` characters on; else `at + reach` (or the end). */
function indexWithin(text: string, mark: string, at: number, reach: number): number {
  const limit = Math.min(text.length, at + reach);
  for (let index = at; index < limit; index++) if (text[index] === mark) return index;
  return limit;
}

/** What the text's person mentions say of each name: the first with titles, and the first of all. */
interface PersonIndex {
  titled: Map<string, SpeakerContext['mentions'][number]>;
  firstAt: Map<string, number>;
}

function indexPeople(mentions: SpeakerContext['mentions']): PersonIndex {
  const index: PersonIndex = { titled: new Map(), firstAt: new Map() };
  for (const mention of mentions) {
    if (mention.titles.length > 0 && !index.titled.has(mention.name)) index.titled.set(mention.name, mention);
    if (!index.firstAt.has(mention.name)) index.firstAt.set(mention.name, mention.start);
  }
  return index;
}

function officialOrPerson(text: string, name: string, people: PersonIndex): SourceKind {
  const first = people.titled.get(name);
  if (first && first.titles.some((title) => OFFICIAL_ROLES.test(title))) return 'official';
  // "Ana Ruiz, the mayor," / "Robert Kim, who chairs the council": where the text first names them.
  const at = people.firstAt.get(name) ?? text.indexOf(name);
  if (
    at >= 0 &&
    OFFICIAL_ROLES.test(text.slice(Math.max(0, at - 40), at + name.length + 50).replace(name, ''))
  )
    return /\b(?:spokes|official|minister|mayor|president|senator|governor|council|chair|sheriff|judge|prosecutor|chancellor|secretary|ambassador|bürgermeister|minister|kanzler|präsident|maire|ministre|président)/iu.test(
      text.slice(Math.max(0, at - 40), at),
    )
      ? 'official'
      : 'person';
  return 'person';
}

/** Can this UTF-16 code unit be part of a letter (a name's neighbour must not be, so "Kim" is not in "Kimberly")? */
const isLetterUnit = (code: number) => !Number.isNaN(code) && mayBeLetter(code);

/**
 * Where each of `names` stands in `text` as whole words (no letter right before or after), in reading
 * order, an occurrence never overlapping the one before. One pass over the text, trying at each place
 * where a word may start only the names that begin with its character and fit: the work is linear in
 * the text whatever the number of names.
 */
function findWholeNames(text: string, names: Set<string>): Map<string, number[]> {
  const found = new Map<string, number[]>();
  /** Names by their first code unit, then by length. */
  const byStart = new Map<number, Map<number, Set<string>>>();
  for (const name of names) {
    const first = name.charCodeAt(0);
    let byLength = byStart.get(first);
    if (!byLength) byStart.set(first, (byLength = new Map()));
    let sameLength = byLength.get(name.length);
    if (!sameLength) byLength.set(name.length, (sameLength = new Set()));
    sameLength.add(name);
  }
  const lastEnd = new Map<string, number>();
  for (let at = 0; at < text.length; at++) {
    const byLength = byStart.get(text.charCodeAt(at));
    if (!byLength || (at > 0 && isLetterUnit(text.charCodeAt(at - 1)))) continue;
    for (const [length, sameLength] of byLength) {
      if (at + length > text.length || isLetterUnit(text.charCodeAt(at + length))) continue;
      const candidate = text.slice(at, at + length);
      if (!sameLength.has(candidate) || at < (lastEnd.get(candidate) ?? 0)) continue;
      lastEnd.set(candidate, at + length);
      const starts = found.get(candidate);
      if (starts) starts.push(at);
      else found.set(candidate, [at]);
    }
  }
  return found;
}

/** A phrase without its determiners and titles: "the Harbor Council" → "Harbor Council". */
function stripLeading(phrase: string): string {
  return phrase.replace(/^(?:(?:the|a|an|der|die|das|le|la|les|l['’])\s+)+/iu, '').trim();
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The site a link goes to, as the reader should be shown it: the registrable domain of its host under
 * the Public Suffix List ("www.reuters.com.example-attacker.net" → "example-attacker.net"); "" for an
 * address that does not parse. A page chooses its links' text and their hosts' first labels, but not
 * the domain it had to register.
 */
export function linkSite(url: string): string {
  return siteOfHost(hostOf(url));
}

const PLATFORM_NAMES: Record<string, string> = {
  'twitter.com': 'X',
  'x.com': 'X',
  'facebook.com': 'Facebook',
  'instagram.com': 'Instagram',
  'tiktok.com': 'TikTok',
  'threads.net': 'Threads',
  'bsky.app': 'Bluesky',
  'youtube.com': 'YouTube',
  'truthsocial.com': 'Truth Social',
  't.me': 'Telegram',
};

/** "https://x.com/AGOwenDelaney/status/1" → "@AGOwenDelaney on X": an embed's link text is often only its date. */
function socialAccount(url: string): string | null {
  const host = hostOf(url).replace(/^(?:mobile|m)\./, '');
  const platform = PLATFORM_NAMES[host];
  if (!platform) return null;
  try {
    const first = new URL(url).pathname.split('/').filter(Boolean)[0];
    if (!first || /^(?:status|watch|p|reel|posts|share|intent|hashtag|i|search)$/i.test(first)) return null;
    return `${first.startsWith('@') ? first : `@${first}`} on ${platform}`;
  } catch {
    return null;
  }
}

/**
 * Is this account the reporting outlet's or an author's own ("@9to5mac" on 9to5Mac, "@coreykilgannon" or
 * "@amykup" under Corey Kilgannon's or Amy Kuperinsky's story)? Their links sit in author notes and
 * share boxes: no source of the story.
 */
export function isOwnAccount(account: string, ownNames: readonly string[]): boolean {
  const handle = compactOutlet(account.split(/\s/)[0]!);
  if (handle.length < 3) return false;
  return ownNames.some((name) => {
    const compact = compactOutlet(name);
    if (compact.length >= 4 && (handle.includes(compact) || (handle.length >= 5 && compact.includes(handle))))
      return true;
    const words = name
      .toLowerCase()
      .split(/\s+/)
      .map((word) => word.replace(/[^\p{L}]/gu, ''));
    const [first, last] = [words[0]!, words.at(-1)!];
    if (words.length < 2 || last.length < 3) return false;
    return (
      (last.length >= 4 && handle.includes(last)) ||
      (handle.startsWith(first) && handle.includes(last.slice(0, 3)))
    );
  });
}

export function classifyLink(url: string, pageUrl: string): LinkKind {
  return linkKindOf(url, hostOf(url), hostOf(pageUrl));
}

/** What the page at `url` (on `host`) is, linked from a page on `pageHost`. */
function linkKindOf(url: string, host: string, pageHost: string): LinkKind {
  const site = siteOfHost(host);
  if (site && pageHost && site === siteOfHost(pageHost)) return 'same-site';
  // These lists name whole host endings, so the host itself is safe to test.
  if (SOCIAL_HOSTS.test(host)) return 'social';
  if (STUDY_HOSTS.test(host)) return 'study';
  if (DOCUMENT_HOSTS.test(host) || /\.pdf(?:$|[?#])/i.test(url)) return 'primary-document';
  if (NEWS_SITES.test(site)) return 'other-outlet';
  return 'other';
}

/**
 * An organisation known by its letters: "NASA announced", "the IMF said" (three to six capitals; not a
 * role such as "CEO").
 */
function acronymOf(mention: string): string | null {
  const bare = mention.replace(/^(?:the|der|die|das|le|la|l['’])\s*/iu, '');
  return /^\p{Lu}{3,6}$/u.test(bare) && !/^(?:CEO|CFO|COO|CTO|PDG)$/u.test(bare) ? bare : null;
}

const GENERIC_ORGANISATION =
  /^(?:ministry|department|agency|government|council|committee|company|group|court|police|office|union|party|Verband|Ministerium|Regierung|Polizei|Gericht|Partei|Unternehmen|Behörde|ministère|gouvernement|mairie|entreprise|société)$/iu;

/** An outlet's name as its site spells it: "Le Monde" → "lemonde", "The Guardian" → "theguardian". */
export function compactOutlet(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A site's name without its suffix: "lemonde" of lemonde.fr, "bbc" of bbc.co.uk. */
export function siteLabel(site: string): string {
  return site.split('.')[0]!;
}

const LINK_KIND_TO_SOURCE: Record<LinkKind, SourceKind> = {
  'primary-document': 'document',
  study: 'study',
  'other-outlet': 'news-outlet',
  social: 'social',
  'same-site': 'link',
  other: 'link',
};

const SOURCE_TO_LINK_KIND: Partial<Record<SourceKind, LinkKind>> = {
  document: 'primary-document',
  study: 'study',
  'news-outlet': 'other-outlet',
  wire: 'other-outlet',
  social: 'social',
};

/** How many characters the longest of `places` shares with [start, end). */
function overlapOf(places: TextSpan[], start: number, end: number): number {
  let most = 0;
  for (const place of places) most = Math.max(most, Math.min(place.end, end) - Math.max(place.start, start));
  return most;
}

/** Every source the story cites, most used first. */
export function findSources(
  text: string,
  quotes: Quote[],
  context: SpeakerContext,
  options: SourceOptions,
): Source[] {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const byName = new Map<string, Draft>();
  /** The first draft of each kind with each word in its key: a surname alone finds its full name. */
  const byKindAndWord = new Map<string, Draft>();
  const people = indexPeople(context.mentions);
  const kinds = new Map<string, SourceKind>();
  /** officialOrPerson once per name: a long page quotes the same people many times. */
  const personKind = (name: string) => {
    let kind = kinds.get(name);
    if (!kind) {
      kind = officialOrPerson(text, name, people);
      kinds.set(name, kind);
    }
    return kind;
  };
  const own = options.ownNames.map(norm).filter(Boolean);
  const isOwnKey = (key: string) => own.some((o) => key === o || (o.length > 3 && key.includes(o)));
  /** `start` -1: no place of its own (a quoted speaker: the places are where the text names them). */
  const add = (name: string, kind: SourceKind, start: number, end: number) => {
    let clean = name.replace(/^[\s,;:.]+|[\s,;:.]+$/g, '').trim();
    // "Bloomberg's Mark Gurman": an outlet's reporter is the person. "Google's Stadia", "China’s Inner
    // Mongolia": something of someone's is no person at all.
    const owned = kind === 'person' || kind === 'official' ? /^(.+?)['’]s\s+(\S.*)$/u.exec(clean) : null;
    if (owned) {
      if (!isOutletName(owned[1]!)) return;
      clean = owned[2]!;
    }
    const key = norm(clean);
    if (clean.length < 2 || isOwnKey(key)) return;
    // "Verband", "Ministry" alone name nobody in particular.
    if (!clean.includes(' ') && GENERIC_ORGANISATION.test(clean)) return;
    const place = start >= 0 ? [{ start, end }] : [];
    // A surname alone joins the full name found before ("Ruiz" → "Ana Ruiz"); longer names must match.
    const known =
      byKey.get(key) ??
      (key.length > 3 && !key.includes(' ') ? byKindAndWord.get(`${kind} ${key}`) : undefined);
    if (known) {
      if (start >= 0 && !known.places.some((p) => p.start === start)) known.places.push({ start, end });
      return;
    }
    const draft: Draft = { name: clean, key, kind, url: null, places: place, fallback: { start, end } };
    drafts.push(draft);
    if (!byKey.has(key)) byKey.set(key, draft);
    if (!byName.has(clean)) byName.set(clean, draft);
    for (const word of key.split(' '))
      if (!byKindAndWord.has(`${kind} ${word}`)) byKindAndWord.set(`${kind} ${word}`, draft);
  };

  // Sentences that only say someone did not comment do not make a source. The sentence runs from the
  // full stop before to the one after, within MAX_SENTENCE either way (a text without full stops would
  // otherwise make each test read all of it).
  const noComment = (start: number) => {
    const from = lastIndexWithin(text, '.', start, MAX_SENTENCE) + 1;
    const to = indexWithin(text, '.', start, MAX_SENTENCE);
    return NO_COMMENT.test(text.slice(Math.max(from, start - MAX_SENTENCE), to));
  };

  const lexicon = cueLexicon(options.lang);
  const english = !options.lang || options.lang.startsWith('en');
  for (const [pattern, canonical] of WIRES) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      // "AP" inside an all-caps run or a credit line ("Associated Press writer X contributed") is no citation.
      const line = text.slice(
        Math.max(lastIndexWithin(text, '\n', start, MAX_SENTENCE) + 1, start - MAX_SENTENCE),
        indexWithin(text, '\n', start, MAX_SENTENCE),
      );
      if (/contributed|Contributing|Mitarbeit|avec AFP$/iu.test(line)) continue;
      // "Agence France-Presse (AFP)": the full name, and the short one the text uses.
      const printed = match[0].replace(/^the\s+/i, '').trim();
      const name = !canonical
        ? printed
        : printed !== canonical && /^[A-Z]{2,5}$/.test(printed)
          ? `${canonical} (${printed})`
          : canonical;
      add(name, 'wire', start, start + match[0].length);
    }
  }
  // A shape that runs on into more capitalised words is part of a headline or a product's name ("Latest
  // SD Express Memory Card Spec", "The Best PCI Express NVMe Drives"), not an outlet.
  const outletShapes = matchesBeforeAnchors(text, OUTLET_SHAPE, OUTLET_ANCHOR, inOutletName, context.words);
  const inLongerTitle = (match: RegExpExecArray) =>
    /^[ \t]+\p{Lu}[\p{Ll}\p{Lu}]/u.test(
      text.slice(match.index + match[0].length, match.index + match[0].length + 3),
    );
  for (const match of [...text.matchAll(OUTLETS), ...outletShapes.filter((shape) => !inLongerTitle(shape))]) {
    const start = match.index;
    if (noComment(start)) continue;
    // "Snapchat CEO Evan Spiegel": a word of a person's name is no outlet.
    if (
      startingBetween(context.mentions, Math.max(0, start - 40), start + 1).some(
        (mention) => mention.start < start && mention.end >= start + match[0].length,
      )
    )
      continue;
    add(match[0].replace(/^The\s+/, 'The '), 'news-outlet', start, start + match[0].length);
  }
  for (const match of SOCIAL_HINT.test(text) ? text.matchAll(SOCIAL) : []) {
    const start = match.index ?? 0;
    const poster = match[3] ? (personName(match[3]) ?? stripLeading(match[3])) : null;
    // "Others tweeted that …": one capitalised word the text names nowhere else is no poster.
    if (poster && /^\p{Lu}\p{Ll}+$/u.test(poster) && !context.firstMentionByNameWord.has(poster)) continue;
    const platform = PLATFORM.exec(match[0])?.[0] ?? (/\btweeted\b/.test(match[0]) ? 'X' : '');
    const name = poster
      ? `${poster}'s post on ${platform}`
      : match[0].replace(/^(?:the|an?|his|her|their|its)\s+/i, '');
    add(name, 'social', start, start + match[0].length);
  }
  for (const match of text.matchAll(DOCUMENT_PHRASE)) {
    const phrase = match[1]!;
    const start = (match.index ?? 0) + match[0].length - phrase.length;
    const name = phrase.replace(
      /^(?:a|an|the|its|his|her|their|einer|einem|dem|der|den|un|une|le|la|l['’])\s+/iu,
      '',
    );
    // "according to state figures", "said in a statement": a bare noun names no source a reader can look
    // up, unless the text says where it appeared ("a report in the Argus Leader").
    if (/^(?:data|figures|statistics|records)$/i.test(name)) continue;
    const end = (match.index ?? 0) + match[0].length;
    // Nor does "his opening statement", "a new study": words in lower case with no one named, unless
    // the text says where it was filed or who issued it ("a criminal complaint filed in Hollis County
    // Circuit Court").
    if (
      /^\p{Ll}[\p{Ll}\s-]*$/u.test(name) &&
      !/^\s+(?:(?:filed|released|issued|published|obtained|submitted|lodged)\s+(?:in|with|by)|in|by|from)\s+(?:the\s+)?\p{Lu}/u.test(
        text.slice(end, end + 60),
      )
    )
      continue;
    add(name, STUDY_KINDS.test(name) ? 'study' : 'document', start, start + phrase.length);
  }
  for (const match of text.matchAll(STUDY_BY)) {
    const owner = match[2]!;
    const start = (match.index ?? 0) + match[0].length - owner.length;
    if (isOwnKey(norm(owner))) continue;
    add(owner, STUDY_KINDS.test(match[1]!) ? 'study' : 'document', start, start + owner.length);
  }
  for (const match of text.matchAll(JOURNAL)) {
    const start = (match.index ?? 0) + match[0].length - match[1]!.length;
    if (/\p{Lu}/u.test(match[1]!)) add(match[1]!, 'study', start, start + match[1]!.length);
  }
  // Anonymous sources: find what makes a source anonymous first, then read its description around it
  // (the descriptor pattern tried at every word of a long page costs milliseconds).
  for (const marker of text.matchAll(ANONYMITY_MARKER)) {
    const at = marker.index ?? 0;
    const from = Math.max(0, at - 90);
    const window = text.slice(from, at + marker[0].length + 120);
    ANONYMOUS.lastIndex = 0;
    for (const match of window.matchAll(ANONYMOUS)) {
      const phrase = match.slice(1).find(Boolean) ?? match[0];
      if (!ANONYMITY.test(phrase)) continue;
      const start = from + (match.index ?? 0) + match[0].indexOf(phrase);
      // The descriptor ends where its verb starts: "a port official who … publicly said the repairs …".
      const verb = findCues(phrase, lexicon)[0];
      const descriptor = (verb ? phrase.slice(0, verb.index) : phrase).trim();
      add(descriptor, 'anonymous', start, start + descriptor.length);
    }
  }

  // Quoted speakers, when they have a name: "the lycéen", "la directrice" unresolved are descriptions.
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    if (!quote.anonymous && !/^\p{Lu}/u.test(quote.speaker)) continue;
    if (quote.anonymous) {
      add(quote.speaker, 'anonymous', quote.start, quote.end);
      continue;
    }
    const kind: SourceKind =
      personName(quote.speaker) === quote.speaker ? personKind(quote.speaker) : 'organization';
    add(quote.speaker, kind, -1, -1);
    const draft = byName.get(quote.speaker);
    if (draft && (!draft.fallback || draft.fallback.start < 0))
      draft.fallback = { start: quote.start, end: quote.end };
  }

  // People and organisations the text leans on without quoting them: "Biden has said that …",
  // "Tessa Drummond, a spokeswoman for the campaign, said …", "according to the ministry".
  for (const match of findCues(text, lexicon, context.words)) {
    const start = match.index;
    if (noComment(start) || lacksItsParticle(text, match)) continue;
    const sentence = sentenceStart(
      text,
      start,
      Math.max(0, lastIndexWithin(text, '\n', start, MAX_SENTENCE)),
    );
    const lead = text
      .slice(sentence, start)
      .replace(/\s+(?:has|have|had|hat|haben|also|later|previously|earlier|repeatedly)\s*$/u, ' ');
    // "…, said Justice Secretary Humza Yousaf.", "…, said Joe Carbone, who works for …": the writer's
    // sentence rests on the one named after a cue that follows its comma.
    // Only a person the name finder took there, named in full, as the phrase's last words.
    if (/,\s*$/u.test(lead)) {
      const cueEnd = start + match.text.length;
      const phrase = /^\s+([^,.;:!?()\n]{2,80})/u.exec(text.slice(cueEnd, cueEnd + 90));
      const phraseEnd = phrase ? cueEnd + phrase[0].trimEnd().length : cueEnd;
      const named = phrase
        ? startingBetween(context.mentions, cueEnd, phraseEnd).find(
            (m) => m.end === phraseEnd && m.name.includes(' ') && text.slice(m.start, m.end) === m.name,
          )
        : undefined;
      // Only titles before it ("said Justice Secretary Humza Yousaf"), not an object ("told investors of
      // New Media").
      const before = named ? text.slice(cueEnd, named.start).trim().split(/\s+/).filter(Boolean) : [];
      if (
        named &&
        english &&
        before.length <= 3 &&
        !before.some((word) =>
          /^(?:of|to|for|from|with|in|on|at|by|about|that|the|a|an|his|her|their|its)$/iu.test(word),
        )
      ) {
        add(named.name, personKind(named.name), named.start, named.end);
        continue;
      }
    }
    const mention = mentionBefore(lead, true);
    if (!/\p{Lu}/u.test(mention)) continue;
    const person = personName(mention);
    const organisation = person ? null : (organisationName(mention) ?? acronymOf(mention));
    const name = person ?? organisation;
    // Only a name that is the subject ("President Joe Biden has said"), not one inside a longer phrase
    // ("a message from the leader of the Taliban claims").
    if (!name || stripLeading(mention).split(/\s+/).length > name.split(/\s+/).length + 3) continue;
    if (!name.includes(' ') && person && !context.firstMentionByNameWord.has(name)) continue;
    const resolved = resolveSpeaker(name, start, context);
    const canonical = resolved.name ?? name;
    const at = sentence + lead.indexOf(name);
    add(canonical, person ? personKind(canonical) : 'organization', at, at + name.length);
  }
  // "according to the state Geological Survey", "selon le ministère de la Culture", "nach Angaben des
  // Landesrechnungshofs", and the organisation a spokesperson speaks for.
  for (const match of text.matchAll(CITED_ORGANISATION)) {
    const phrase = match[1]!;
    const start = (match.index ?? 0) + match[0].length - phrase.length;
    const institution = INSTITUTION.test(phrase);
    const organisation = institution ? phrase : organisationName(phrase);
    const person = organisation ? null : personName(phrase);
    const name = organisation ?? person;
    if (!name) continue;
    const resolved = institution ? { name } : resolveSpeaker(name, start, context);
    add(
      resolved.name ?? name,
      person ? personKind(resolved.name ?? name) : 'organization',
      start,
      start + phrase.length,
    );
  }

  // Links out of the article.
  // Parsed once, and only when there are links: an address that does not parse costs an exception.
  const pageHost = options.links.length > 0 ? hostOf(options.pageUrl) : '';
  for (const link of options.links) {
    const host = hostOf(link.url);
    const linkKind = linkKindOf(link.url, host, pageHost);
    const linked = link.text.trim();
    const at = link.text ? text.indexOf(linked) : -1;
    const start = Math.max(0, at);
    const end = start + linked.length;
    // A link on a source already found gives that source its address (and says what kind of page it
    // is): the source it overlaps most, the first one of those.
    let named: Draft | undefined;
    if (linkKind !== 'same-site' && at >= 0) {
      let most = 0;
      for (const draft of drafts) {
        if (draft.url || draft.kind === 'link') continue;
        const overlap = overlapOf(draft.places, start, end);
        if (overlap > most) {
          most = overlap;
          named = draft;
        }
      }
    }
    if (named) {
      named.url = link.url;
      named.linkKind = linkKind === 'other' ? (SOURCE_TO_LINK_KIND[named.kind] ?? 'other') : linkKind;
      continue;
    }
    if (drafts.some((d) => d.url === link.url)) continue;
    const anchor = link.text.replace(/\s+/g, ' ').trim().slice(0, 120);
    // A link whose words name nothing is a link to its site, one per site and kind of page, not a named
    // source: the text does not say it rests on it (on the labeled pages no such link was one).
    const linkToSite = (site: string) => {
      const same = drafts.find((d) => d.kind === 'link' && d.linkKind === linkKind && d.key === norm(site));
      if (same) {
        if (at >= 0) same.places.push({ start, end });
        return;
      }
      drafts.push({
        name: site,
        key: norm(site),
        kind: 'link',
        url: link.url,
        linkKind,
        places: at >= 0 ? [{ start, end }] : [],
      });
    };
    // A link to another outlet whose words name no outlet ("Le 4 décembre 2019", "reported") joins the
    // outlet the text names for its site ("Le Monde" for lemonde.fr); else it is a link to that site.
    if (linkKind === 'other-outlet' && !isOutletName(anchor)) {
      const site = siteOfHost(host);
      const named = drafts.find(
        (d) =>
          (d.kind === 'news-outlet' || d.kind === 'wire') &&
          (d.key === norm(site) || compactOutlet(d.name) === siteLabel(site)),
      );
      if (named) {
        if (at >= 0) named.places.push({ start, end });
        named.url ??= link.url;
        named.linkKind ??= linkKind;
      } else linkToSite(site);
      continue;
    }
    // So is a study or document linked from words that name nothing ("40 to 80 percent", "prenatal
    // exposure").
    if ((linkKind === 'study' || linkKind === 'primary-document') && !/\p{Lu}/u.test(anchor)) {
      linkToSite(siteOfHost(host));
      continue;
    }
    const account = linkKind === 'social' ? socialAccount(link.url) : null;
    if (account && isOwnAccount(account, options.ownNames)) continue;
    const label = account ?? (anchor || siteOfHost(host));
    drafts.push({
      name: label,
      key: norm(label),
      kind: LINK_KIND_TO_SOURCE[linkKind],
      url: link.url,
      linkKind,
      places: at >= 0 ? [{ start, end }] : [],
    });
  }

  // Count every mention of each named source in the text: its name, and a person's surname alone
  // unless another source has that surname too. One pass over the text finds all the names.
  const counted = drafts.filter((draft) => draft.kind !== 'link' && draft.kind !== 'anonymous');
  const namesOf = new Map<Draft, string[]>();
  const surnameOwners = new Map<string, number>();
  for (const draft of counted) {
    const names = [draft.name];
    if (draft.kind === 'person' || draft.kind === 'official') {
      const surname = draft.name.split(/\s+/).at(-1)!;
      if (surname !== draft.name) {
        names.push(surname);
        surnameOwners.set(surname, (surnameOwners.get(surname) ?? 0) + 1);
      }
    }
    namesOf.set(draft, names);
  }
  const searched = new Set<string>();
  for (const [draft, names] of namesOf) {
    const kept = names.filter(
      (name, index) => name.length >= 3 && (index === 0 || surnameOwners.get(name) === 1),
    );
    namesOf.set(draft, kept);
    for (const name of kept) searched.add(name);
  }
  const occurrences = findWholeNames(text, searched);
  for (const draft of counted) {
    // Offsets already counted for this source ("Ana Ruiz" first, then "Ruiz" must not count it again).
    const taken = new Set<number>();
    // Only where a word starts can another mention of the same source start.
    const take = (start: number, end: number) => {
      taken.add(start);
      for (let i = text.indexOf(' ', start); i >= 0 && i < end; i = text.indexOf(' ', i + 1))
        taken.add(i + 1);
    };
    for (const place of draft.places) take(place.start, place.end);
    for (const name of namesOf.get(draft) ?? []) {
      for (const start of occurrences.get(name) ?? []) {
        if (taken.has(start)) continue;
        draft.places.push({ start, end: start + name.length });
        take(start, start + name.length);
      }
    }
  }

  const quotesBy = new Map<string, number>();
  for (const quote of quotes)
    if (quote.speaker) quotesBy.set(quote.speaker, (quotesBy.get(quote.speaker) ?? 0) + 1);
  return drafts
    .map((draft): Source => {
      if (draft.places.length === 0 && draft.fallback && draft.fallback.start >= 0)
        draft.places.push(draft.fallback);
      const places: SourcePlace[] = draft.places
        .sort((a, b) => a.start - b.start)
        .map((place) => ({ ...place, selector: selectorFor(text, place.start, place.end) }));
      return {
        name: draft.name,
        kind: draft.kind,
        // A quoted speaker is used at least once per quote, even when only "the message" names them.
        mentions: Math.max(1, places.length, quotesBy.get(draft.name) ?? 0),
        url: draft.url,
        ...(draft.linkKind ? { linkKind: draft.linkKind } : {}),
        places,
      };
    })
    .sort((a, b) => b.mentions - a.mentions);
}
