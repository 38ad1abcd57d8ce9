/**
 * The page side of `npm run bench -- --only library` (scripts/bench-library.ts bundles this file with
 * esbuild and calls it through page.evaluate, as `ScrutinyLibraryBench.*`).
 *
 * A generated library, the same on every run: each article is made from a PRNG seeded with the run's seed
 * and the article's number, so any article (with its versions, highlights, page note and clippings) can be
 * made again on its own, in any order and in any page, without keeping the others. Text is drawn from
 * vocabularies the Node side reads from the evaluation corpora (most frequent first, with a Zipf law),
 * extended with made-up words the way a large library keeps meeting new names and rare words.
 *
 * Then the measurements that run in the page: saving through lib/store, building and querying
 * lib/library/search's index, the catalog the library page's worker loads, diffing two versions of a long
 * article, and what the database takes; and, in the extension's library page, filling its database with
 * raw IndexedDB writes and scrolling its list with long tasks observed.
 */
import { pageKeys } from '../lib/annotations/page-keys';
import type { Annotation, HighlightColour, Selector } from '../lib/annotations/types';
import type { Analysis, Quote, Source, SourceKind, SourcePlace } from '../lib/analyze/types';
import { LibraryCatalog } from '../lib/library/catalog';
import { diffArticles, type ArticleDiff, type DiffableArticle } from '../lib/library/diff';
import {
  annotationDocument,
  articleDocument,
  clippingDocument,
  LibraryIndex,
  type LibraryDocument,
} from '../lib/library/search';
import { contentHash, type SnapshotInput } from '../lib/library/snapshot';
import type { ArticleSnapshot, Clipping, SavedArticle, StoredByline } from '../lib/library/types';
import { openAnnotationStore, saveArticle, type SaveStatus, type ScrutinyDatabase } from '../lib/store';
import type { StoredCollection } from '../lib/store/schema';

// ---------------------------------------------------------------------------------------------------
// Randomness

type Random = () => number;

/** mulberry32: small, fast, and the same sequence in every engine. */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One seed from several numbers (the run's seed, a stream, an article number). */
function mixSeed(...parts: number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x01000193);
    hash ^= hash >>> 15;
    hash = Math.imul(hash, 0x2c1b3c6d);
    hash ^= hash >>> 12;
  }
  return hash >>> 0;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const chance = (random: Random, probability: number) => random() < probability;

/** Ranks 0..n-1, drawn with probability proportional to 1 / (rank + 1)^s. */
class Zipf {
  private readonly cumulative: Float64Array;
  constructor(n: number, s: number) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let rank = 0; rank < n; rank++) this.cumulative[rank] = total += 1 / Math.pow(rank + 1, s);
    for (let rank = 0; rank < n; rank++) this.cumulative[rank]! /= total;
  }
  sample(random: Random): number {
    const target = random();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** A UUID-shaped id from the PRNG, so two runs write the same records. */
function uuid(random: Random): string {
  let hex = '';
  for (let part = 0; part < 4; part++)
    hex += Math.floor(random() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `total` split over `count` slots in proportion to skewed random weights, summing to `total` exactly. */
function skewedCounts(random: Random, count: number, total: number): Uint32Array {
  const counts = new Uint32Array(count);
  if (count === 0 || total === 0) return counts;
  // Squared exponential weights: many articles with a few notes, some with dozens, some with none.
  const weights = Array.from({ length: count }, () => Math.pow(-Math.log(1 - random()), 2));
  const sum = weights.reduce((all, weight) => all + weight, 0);
  const remainders: { slot: number; rest: number }[] = [];
  let given = 0;
  weights.forEach((weight, slot) => {
    const share = (weight / sum) * total;
    counts[slot] = Math.floor(share);
    given += counts[slot]!;
    remainders.push({ slot, rest: share - counts[slot]! });
  });
  remainders.sort((a, b) => b.rest - a.rest || a.slot - b.slot);
  for (let at = 0; given < total; at++, given++) counts[remainders[at % count]!.slot]!++;
  return counts;
}

// ---------------------------------------------------------------------------------------------------
// The generated library

export type Lang = 'en' | 'de' | 'fr';
const LANGS: readonly Lang[] = ['en', 'de', 'fr'];

export interface LibraryShape {
  seed: number;
  articles: number;
  /** Highlights and page notes, spread over the articles. */
  notes: number;
  clippings: number;
  collections: number;
}

export interface GeneratorInput extends LibraryShape {
  /** Words of the evaluation corpora by language, lowercased, most frequent first. */
  corpusWords: Record<Lang, string[]>;
}

/** One saved article with everything that belongs to it. */
export interface GeneratedItem {
  article: SavedArticle;
  /** Oldest first; the last is the article's latest version. */
  snapshots: ArticleSnapshot[];
  annotations: Annotation[];
  clippings: Clipping[];
}

const VOCABULARY_SIZE = 30_000;
/** Shares of English, German and French articles. */
const LANG_SHARES: Record<Lang, number> = { en: 0.6, de: 0.25, fr: 0.15 };
const SYLLABLES: Record<Lang, readonly string[]> = {
  en: ['ber', 'ton', 'man', 'ley', 'ing', 'ster', 'ford', 'ash', 'wick', 'ment', 'ly', 'ous', 'tion', 'er'],
  de: ['sch', 'berg', 'ung', 'keit', 'lich', 'stadt', 'mann', 'ver', 'ge', 'ein', 'über', 'straße', 'heit'],
  fr: ['eau', 'ière', 'tion', 'ment', 'ville', 'court', 'ré', 'dé', 'ain', 'elle', 'oir', 'ée', 'ance'],
};
const FIRST_NAMES = (
  'Ana Hibatullah Jane John Maria Thomas Sophie Jean Lukas Fatima Olaf Emmanuel Angela Ahmed Chen Priya ' +
  'Ursula Kwame Elena Pierre Jürgen Zoë'
).split(' ');
const SURNAMES = 'Akhundzada Ruiz Müller Lefèvre Scholz Macron Okafor Nakamura Novák'.split(' ');
const OUTLET_WORDS: Record<Lang, readonly string[]> = {
  en: ['Times', 'Post', 'Herald', 'Tribune', 'Courier', 'Gazette', 'Observer'],
  de: ['Zeitung', 'Rundschau', 'Anzeiger', 'Kurier', 'Allgemeine', 'Nachrichten'],
  fr: ['Courrier', 'Matin', 'Dépêche', 'Républicain', 'Journal', 'Écho'],
};
const TOP_LEVEL_DOMAIN: Record<Lang, string> = { en: 'com', de: 'de', fr: 'fr' };
const WIRES = ['Associated Press', 'Reuters', 'Agence France-Presse', 'Deutsche Presse-Agentur'];
const COLOURS: readonly HighlightColour[] = ['yellow', 'yellow', 'yellow', 'green', 'blue', 'pink', 'purple'];
const DAY_MS = 86_400_000;
const FIRST_PUBLISHED = Date.UTC(2023, 0, 1);
const PUBLISHING_DAYS = 1_280;

/** How a quote stands in a sentence, per language: before, the quote, between, the speaker, after. */
const QUOTE_FORMS: Record<Lang, { cue: string; parts(quote: string, name: string): string[] }> = {
  en: { cue: 'said', parts: (quote, name) => ['"', quote, '," ', name, ' said.'] },
  de: { cue: 'sagte', parts: (quote, name) => ['„', quote, '“, sagte ', name, '.'] },
  fr: { cue: 'a déclaré', parts: (quote, name) => ['« ', quote, ' », a déclaré ', name, '.'] },
};

/** A paragraph before it is text: plain sentences and quotes with their speaker. */
type Segment = { kind: 'sentence'; text: string } | { kind: 'quote'; quote: string; speaker: string };

interface ComposedText {
  text: string;
  html: string;
  paragraphs: string[];
  /** Offset of each paragraph in `text`. */
  paragraphStarts: number[];
  quotes: Quote[];
  /** Where each speaker's name stands after their quotes. */
  speakerPlaces: Map<string, SourcePlace[]>;
}

interface Outlet {
  name: string;
  host: string;
  lang: Lang;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const slugOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function selectorAround(text: string, start: number, end: number) {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
  };
}

export class LibraryGenerator {
  readonly shape: LibraryShape;
  readonly vocabulary: Record<Lang, string[]>;
  /** Speakers: the first ones are quoted far more often than the rest. */
  readonly people: string[];
  readonly authors: string[];
  readonly outlets: Outlet[];
  readonly tags: string[];
  readonly collections: StoredCollection[];
  private readonly wordRank = new Zipf(VOCABULARY_SIZE, 1.05);
  private readonly speakerRank: Zipf;
  private readonly authorRank: Zipf;
  private readonly noteCounts: Uint32Array;
  private readonly clippingCounts: Uint32Array;

  constructor(input: GeneratorInput) {
    this.shape = {
      seed: input.seed,
      articles: input.articles,
      notes: input.notes,
      clippings: input.clippings,
      collections: input.collections,
    };
    const random = mulberry32(mixSeed(input.seed, 1));
    this.vocabulary = { en: [], de: [], fr: [] };
    for (const lang of LANGS) {
      const words = (input.corpusWords[lang] ?? []).slice(0, VOCABULARY_SIZE);
      const seen = new Set(words);
      while (words.length < VOCABULARY_SIZE) {
        const word = this.madeUpWord(random, lang);
        if (!seen.has(word)) {
          words.push(word);
          seen.add(word);
        }
      }
      this.vocabulary[lang] = words;
    }
    const surnames = [...SURNAMES];
    const surnameSet = new Set(surnames);
    while (surnames.length < 3_000) {
      const surname = capitalized(this.madeUpWord(random, pick(random, LANGS)));
      if (!surnameSet.has(surname)) {
        surnames.push(surname);
        surnameSet.add(surname);
      }
    }
    const names = surnames.map((surname) => `${pick(random, FIRST_NAMES)} ${surname}`);
    this.people = names.slice(0, 2_500);
    this.authors = names.slice(2_500);
    this.speakerRank = new Zipf(this.people.length, 0.9);
    this.authorRank = new Zipf(this.authors.length, 0.8);
    this.outlets = Array.from({ length: 60 }, (_, at) => {
      const lang: Lang = at < 36 ? 'en' : at < 51 ? 'de' : 'fr';
      const word = capitalized(this.madeUpWord(random, lang));
      const name =
        lang === 'fr'
          ? `Le ${word} ${pick(random, OUTLET_WORDS.fr)}`
          : `${word} ${pick(random, OUTLET_WORDS[lang])}`;
      return { name, host: `www.${slugOf(name)}-${at}.${TOP_LEVEL_DOMAIN[lang]}`, lang };
    });
    this.tags = Array.from({ length: 200 }, (_, at) => `${this.madeUpWord(random, 'en')}${at}`);
    const created = new Date(FIRST_PUBLISHED).toISOString();
    this.collections = Array.from({ length: input.collections }, (_, at) => {
      const name = `${capitalized(this.madeUpWord(random, 'en'))} research ${at + 1}`;
      return { id: uuid(random), name, nameKey: name.toLowerCase(), created, modified: created };
    });
    this.noteCounts = skewedCounts(mulberry32(mixSeed(input.seed, 2)), input.articles, input.notes);
    this.clippingCounts = skewedCounts(mulberry32(mixSeed(input.seed, 3)), input.articles, input.clippings);
  }

  private madeUpWord(random: Random, lang: Lang): string {
    let word = '';
    for (let count = between(random, 2, 4); count > 0; count--) word += pick(random, SYLLABLES[lang]);
    return word;
  }

  /** `low` to `high` words of the language, the first capitalized, without a full stop. */
  words(random: Random, lang: Lang, low: number, high: number): string {
    const words: string[] = [];
    const vocabulary = this.vocabulary[lang];
    for (let count = between(random, low, high); count > 0; count--)
      words.push(vocabulary[this.wordRank.sample(random)]!);
    words[0] = capitalized(words[0]!);
    return words.join(' ');
  }

  private langOf(random: Random): Lang {
    const roll = random();
    return roll < LANG_SHARES.en ? 'en' : roll < LANG_SHARES.en + LANG_SHARES.de ? 'de' : 'fr';
  }

  /** Paragraphs of plain sentences, about `targetWords` words, with `quoteCount` quotes put among them. */
  private paragraphs(
    random: Random,
    lang: Lang,
    targetWords: number,
    quoteCount: number,
    speakers: string[],
  ) {
    const paragraphs: Segment[][] = [];
    let words = 0;
    while (words < targetWords) {
      const paragraph: Segment[] = [];
      for (let count = between(random, 2, 5); count > 0; count--) {
        const sentence = `${this.words(random, lang, 8, 22)}.`;
        words += sentence.split(' ').length;
        paragraph.push({ kind: 'sentence', text: sentence });
      }
      paragraphs.push(paragraph);
    }
    for (let count = 0; count < quoteCount; count++) {
      const paragraph = pick(random, paragraphs);
      const quote = this.words(random, lang, 6, 18);
      paragraph.splice(between(random, 0, paragraph.length), 0, {
        kind: 'quote',
        quote,
        speaker: pick(random, speakers),
      });
    }
    return paragraphs;
  }

  /** Text, HTML and quotes of the paragraphs, with every offset where lib/analyze would put it. */
  compose(random: Random, lang: Lang, paragraphs: readonly Segment[][]): ComposedText {
    const texts: string[] = [];
    const paragraphStarts: number[] = [];
    const quotes: Quote[] = [];
    const speakerPlaces = new Map<string, SourcePlace[]>();
    const quoteSpans: { paragraph: number; start: number; end: number; speaker: string; quote: string }[] =
      [];
    let offset = 0;
    paragraphs.forEach((segments, paragraphIndex) => {
      paragraphStarts.push(offset);
      let text = '';
      for (const segment of segments) {
        if (text) text += ' ';
        if (segment.kind === 'sentence') {
          text += segment.text;
          continue;
        }
        const [before, quote, middle, name, after] = QUOTE_FORMS[lang].parts(segment.quote, segment.speaker);
        const quoteStart = offset + text.length + before!.length;
        const nameStart = quoteStart + quote!.length + middle!.length;
        quoteSpans.push({
          paragraph: paragraphIndex,
          start: quoteStart,
          end: quoteStart + quote!.length,
          speaker: segment.speaker,
          quote: quote!,
        });
        const places = speakerPlaces.get(segment.speaker) ?? [];
        places.push({
          start: nameStart,
          end: nameStart + name!.length,
          selector: { exact: '', prefix: '', suffix: '' },
        });
        speakerPlaces.set(segment.speaker, places);
        text += before! + quote! + middle! + name! + after!;
      }
      texts.push(text);
      offset += text.length + 2;
    });
    const fullText = texts.join('\n\n');
    for (const span of quoteSpans)
      quotes.push({
        text: span.quote,
        speaker: span.speaker,
        speakerMention: span.speaker,
        cue: QUOTE_FORMS[lang].cue,
        anonymous: false,
        paragraph: span.paragraph,
        start: span.start,
        end: span.end,
        selector: selectorAround(fullText, span.start, span.end),
      });
    for (const places of speakerPlaces.values())
      for (const place of places) place.selector = selectorAround(fullText, place.start, place.end);
    // A link on the first word of about one paragraph in four, as articles link their sources.
    const html = texts
      .map((text) => {
        if (!chance(random, 0.25)) return `<p>${escapeHtml(text)}</p>`;
        const space = text.indexOf(' ');
        const first = space > 0 ? text.slice(0, space) : text;
        const href = `https://www.example.org/${slugOf(first) || 'source'}`;
        return `<p><a href="${href}">${escapeHtml(first)}</a>${escapeHtml(text.slice(first.length))}</p>`;
      })
      .join('\n');
    return { text: fullText, html, paragraphs: texts, paragraphStarts, quotes, speakerPlaces };
  }

  private sources(random: Random, composed: ComposedText, outlet: Outlet): Source[] {
    const sources: Source[] = [];
    const somewhere = (): SourcePlace => {
      const paragraph = between(random, 0, composed.paragraphs.length - 1);
      const start = composed.paragraphStarts[paragraph]!;
      const end = start + Math.min(24, composed.paragraphs[paragraph]!.length);
      return { start, end, selector: selectorAround(composed.text, start, end) };
    };
    const add = (name: string, kind: SourceKind, places: SourcePlace[], url: string | null = null) =>
      sources.push({ name, kind, mentions: places.length, url, places });
    for (const [speaker, places] of composed.speakerPlaces)
      add(speaker, chance(random, 0.3) ? 'official' : 'person', places);
    if (chance(random, 0.3)) add(pick(random, WIRES), 'wire', [somewhere()]);
    if (chance(random, 0.5)) add(pick(random, this.outlets).name, 'news-outlet', [somewhere(), somewhere()]);
    if (chance(random, 0.3)) add('the report', 'document', [somewhere()]);
    if (chance(random, 0.2)) add('a study', 'study', [somewhere()]);
    if (chance(random, 0.2)) add('a senior official', 'anonymous', [somewhere()]);
    for (let count = between(random, 0, 3); count > 0; count--) {
      const url = `https://${pick(random, [outlet.host, 'www.example.org', 'data.example.gov'])}/${between(random, 1, 99_999)}`;
      sources.push({
        name: url,
        kind: 'link',
        mentions: 1,
        url,
        linkKind: pick(random, ['primary-document', 'other-outlet', 'same-site'] as const),
        places: [somewhere()],
      });
    }
    return sources;
  }

  private analysis(
    random: Random,
    composed: ComposedText,
    outlet: Outlet,
    minutesToUpdate: number | null,
  ): Analysis {
    const sources = this.sources(random, composed, outlet);
    const quoted = composed.quotes.reduce((sum, quote) => sum + quote.end - quote.start, 0);
    return {
      quotes: composed.quotes,
      sources,
      glance: {
        quotes: composed.quotes.length,
        speakers: composed.speakerPlaces.size,
        unattributedQuotes: 0,
        namedSources: sources.filter((source) => source.kind !== 'anonymous' && source.kind !== 'link')
          .length,
        anonymousSources: sources.filter((source) => source.kind === 'anonymous').length,
        quotedShare: composed.text.length ? quoted / composed.text.length : 0,
        linksOut: sources.filter((source) => source.kind === 'link').length,
        minutesToUpdate,
      },
    };
  }

  /** Article number `index` (0 ≤ index; numbers past `shape.articles` are articles with no notes). */
  item(index: number): GeneratedItem {
    const random = mulberry32(mixSeed(this.shape.seed, 10, index));
    const outlet = pick(random, this.outlets);
    const lang: Lang = chance(random, 0.85) ? outlet.lang : this.langOf(random);
    const speakers = Array.from(
      { length: between(random, 1, 4) },
      () => this.people[this.speakerRank.sample(random)]!,
    );
    const paragraphs = this.paragraphs(
      random,
      lang,
      between(random, 500, 900),
      between(random, 0, 10),
      speakers,
    );
    const composed = this.compose(random, lang, paragraphs);
    const published = FIRST_PUBLISHED + Math.floor(random() * PUBLISHING_DAYS * DAY_MS);
    const savedAt = published + Math.floor(random() * 30 * DAY_MS);
    const modified = chance(random, 0.3) ? published + between(random, 1, 48) * 3_600_000 : null;
    const title = this.words(random, lang, 6, 12);
    const canonicalUrl = `https://${outlet.host}/${isoDay(published).replace(/-/g, '/')}/${slugOf(title)}-${index}`;
    const url = chance(random, 0.3) ? `${canonicalUrl}?utm_source=newsletter` : canonicalUrl;
    const byline: StoredByline = {
      authors: Array.from({ length: between(random, 1, 4) }, () => ({
        name: this.authors[this.authorRank.sample(random)]!,
        source: 'jsonld' as const,
      })),
      outlet: { name: outlet.name, source: 'jsonld' },
      published: new Date(published).toISOString(),
      modified: modified === null ? null : new Date(modified).toISOString(),
      publishedSource: 'jsonld',
      modifiedSource: modified === null ? null : 'jsonld',
      wire: null,
      contributors: [],
    };
    const analysis = this.analysis(
      random,
      composed,
      outlet,
      modified === null ? null : Math.round((modified - published) / 60_000),
    );
    const articleId = uuid(random);
    const latest: ArticleSnapshot = {
      id: uuid(random),
      articleId,
      savedAt: new Date(savedAt).toISOString(),
      contentHash: '',
      url,
      canonicalUrl,
      title,
      lang,
      byline,
      html: composed.html,
      text: composed.text,
      wordCount: composed.text.split(/\s+/).length,
      excerpt: composed.paragraphs[0]!.slice(0, 200),
      analysis,
    };
    const snapshots = [latest];
    // One article in ten was saved twice: first without its last paragraph.
    if (chance(random, 0.1) && composed.paragraphs.length > 1) {
      const text = composed.paragraphs.slice(0, -1).join('\n\n');
      snapshots.unshift({
        ...latest,
        id: uuid(random),
        savedAt: new Date(savedAt - between(random, 1, 20) * DAY_MS).toISOString(),
        html: composed.html.slice(0, composed.html.lastIndexOf('\n<p>')),
        text,
        wordCount: text.split(/\s+/).length,
      });
    }
    const keys = pageKeys({ url, canonicalUrl });
    const article: SavedArticle = {
      id: articleId,
      pageKeys: keys,
      url,
      canonicalUrl,
      title,
      authors: byline.authors.map((author) => author.name),
      outlet: outlet.name,
      lang,
      published: byline.published,
      modified: byline.modified,
      savedAt: snapshots[0]!.savedAt,
      updatedAt: latest.savedAt,
      latestVersionId: latest.id,
      versionCount: snapshots.length,
      collectionIds: chance(random, 0.2)
        ? [...new Set(Array.from({ length: between(random, 1, 2) }, () => pick(random, this.collections).id))]
        : [],
      tags: chance(random, 0.4)
        ? [...new Set(Array.from({ length: between(random, 1, 3) }, () => pick(random, this.tags)))]
        : [],
      speakers: [...new Set(analysis.quotes.map((quote) => quote.speaker!))].sort(),
      sourceKinds: [...new Set(analysis.sources.map((source) => source.kind))].sort(),
      wordCount: latest.wordCount,
      excerpt: latest.excerpt,
    };
    const annotations: Annotation[] = [];
    const noteCount = index < this.shape.articles ? this.noteCounts[index]! : 0;
    let pageNoted = false;
    for (let count = 0; count < noteCount; count++) {
      const created = new Date(savedAt + Math.floor(random() * 60 * DAY_MS)).toISOString();
      const target = { url, canonicalUrl, title };
      const body = {
        tags: chance(random, 0.3) ? [pick(random, this.tags)] : [],
        colour: pick(random, COLOURS),
      };
      if (!pageNoted && chance(random, 0.1)) {
        pageNoted = true;
        annotations.push({
          id: uuid(random),
          kind: 'page-note',
          target: { ...target, selector: [] },
          body: { ...body, note: `${this.words(random, lang, 10, 60)}.` },
          pageKeys: keys,
          created,
          modified: created,
        });
        continue;
      }
      annotations.push({
        id: uuid(random),
        kind: 'highlight',
        target: { ...target, selector: this.passageSelectors(random, composed) },
        body: { ...body, note: chance(random, 0.5) ? '' : `${this.words(random, lang, 5, 40)}.` },
        pageKeys: keys,
        created,
        modified: created,
      });
    }
    const clippings: Clipping[] = [];
    const clippingCount = index < this.shape.articles ? this.clippingCounts[index]! : 0;
    for (let count = 0; count < clippingCount; count++) {
      const created = new Date(savedAt + Math.floor(random() * 60 * DAY_MS)).toISOString();
      const [range, position, quote] = this.passageSelectors(random, composed);
      if (range?.type !== 'RangeSelector' || position?.type !== 'TextPositionSelector') continue;
      if (quote?.type !== 'TextQuoteSelector') continue;
      clippings.push({
        id: uuid(random),
        collectionId: pick(random, this.collections).id,
        text: quote.exact,
        selectors: { range, position, quote },
        citation: {
          title,
          authors: article.authors,
          outlet: outlet.name,
          published: byline.published,
          url: canonicalUrl,
          accessed: created,
          lang,
        },
        pageKeys: pageKeys({ url: canonicalUrl, canonicalUrl: null }),
        note: chance(random, 0.5) ? '' : `${this.words(random, lang, 5, 30)}.`,
        tags: chance(random, 0.3) ? [pick(random, this.tags)] : [],
        annotationId: null,
        created,
        modified: created,
      });
    }
    return { article, snapshots, annotations, clippings };
  }

  /** A passage of 4 to 30 words inside one paragraph, described as lib/anchor describes a selection. */
  private passageSelectors(random: Random, composed: ComposedText): Selector[] {
    const paragraph = between(random, 0, composed.paragraphs.length - 1);
    const text = composed.paragraphs[paragraph]!;
    const wordStarts = [...text.matchAll(/\S+/g)].map((match) => [
      match.index,
      match.index + match[0].length,
    ]);
    const first = between(random, 0, Math.max(0, wordStarts.length - 4));
    const last = Math.min(wordStarts.length - 1, first + between(random, 3, 29));
    const startInParagraph = wordStarts[first]![0]!;
    const endInParagraph = wordStarts[last]![1]!;
    const start = composed.paragraphStarts[paragraph]! + startInParagraph;
    const end = composed.paragraphStarts[paragraph]! + endInParagraph;
    return [
      {
        type: 'RangeSelector',
        startContainer: `/p[${paragraph + 1}]`,
        startOffset: startInParagraph,
        endContainer: `/p[${paragraph + 1}]`,
        endOffset: endInParagraph,
      },
      { type: 'TextPositionSelector', start, end },
      { type: 'TextQuoteSelector', ...selectorAround(composed.text, start, end) },
    ];
  }

  /**
   * Two versions of one long article, as an outlet edits it: `words` words with 30 quotes; then five
   * paragraphs reworded (a few words each), three added, two removed, two quotes altered, one dropped and
   * one added, the headline kept and the "updated" date moved.
   */
  editedArticlePair(words: number): { older: DiffableArticle; newer: DiffableArticle } {
    const random = mulberry32(mixSeed(this.shape.seed, 20, words));
    const lang: Lang = 'en';
    const speakers = Array.from({ length: 6 }, () => this.people[this.speakerRank.sample(random)]!);
    const paragraphs = this.paragraphs(random, lang, words, 30, speakers);
    const edited = paragraphs.map((segments) => segments.map((segment) => ({ ...segment })));
    const replaceWords = (text: string, count: number) => {
      const parts = text.split(' ');
      for (let change = 0; change < count; change++)
        parts[between(random, 1, parts.length - 1)] = this.vocabulary[lang][between(random, 0, 3_000)]!;
      return parts.join(' ');
    };
    const plainAt = () => {
      for (;;) {
        const paragraph = edited[between(random, 0, edited.length - 1)]!;
        const at = paragraph.findIndex((segment) => segment.kind === 'sentence');
        if (at >= 0) return paragraph[at] as { kind: 'sentence'; text: string };
      }
    };
    for (let count = 0; count < 5; count++) {
      const sentence = plainAt();
      sentence.text = replaceWords(sentence.text, 3);
    }
    const quotes = edited.flatMap((segments) =>
      segments.filter((segment): segment is Extract<Segment, { kind: 'quote' }> => segment.kind === 'quote'),
    );
    for (const quote of quotes.slice(0, 2)) quote.quote = replaceWords(quote.quote, 2);
    const droppedQuote = quotes[2];
    for (const segments of edited) {
      const at = segments.findIndex((segment) => segment === droppedQuote);
      if (at >= 0) segments.splice(at, 1);
    }
    const withQuote = edited[between(random, 0, edited.length - 1)]!;
    withQuote.push({
      kind: 'quote',
      quote: this.words(random, lang, 8, 16),
      speaker: pick(random, speakers),
    });
    for (let count = 0; count < 2; count++) edited.splice(between(random, 0, edited.length - 1), 1);
    for (let count = 0; count < 3; count++)
      edited.splice(between(random, 0, edited.length), 0, [
        { kind: 'sentence', text: `${this.words(random, lang, 10, 22)}.` },
        { kind: 'sentence', text: `${this.words(random, lang, 10, 22)}.` },
      ]);
    const outlet = this.outlets[0]!;
    const byline: StoredByline = {
      authors: [{ name: this.authors[0]!, source: 'jsonld' }],
      outlet: { name: outlet.name, source: 'jsonld' },
      published: '2026-03-01T08:00:00Z',
      modified: '2026-03-01T08:00:00Z',
      publishedSource: 'jsonld',
      modifiedSource: 'jsonld',
      wire: null,
      contributors: [],
    };
    const title = this.words(random, lang, 8, 12);
    const version = (segments: Segment[][], modified: string): DiffableArticle => {
      const composed = this.compose(random, lang, segments);
      return {
        title,
        text: composed.text,
        byline: { ...byline, modified },
        analysis: this.analysis(random, composed, outlet, null),
      };
    };
    return {
      older: version(paragraphs, '2026-03-01T08:00:00Z'),
      newer: version(edited, '2026-03-01T15:30:00Z'),
    };
  }
}

/** The snapshots with their content hashes, as saveArticle would have written them. */
async function withContentHashes(item: GeneratedItem): Promise<GeneratedItem> {
  for (const snapshot of item.snapshots) snapshot.contentHash = await contentHash(snapshot);
  return item;
}

function snapshotInput(snapshot: ArticleSnapshot): SnapshotInput {
  return {
    url: snapshot.url,
    canonicalUrl: snapshot.canonicalUrl,
    title: snapshot.title,
    lang: snapshot.lang,
    byline: snapshot.byline,
    html: snapshot.html,
    text: snapshot.text,
    wordCount: snapshot.wordCount,
    excerpt: snapshot.excerpt,
    analysis: snapshot.analysis,
  };
}

// ---------------------------------------------------------------------------------------------------
// The page's state between page.evaluate calls

interface PageState {
  generator: LibraryGenerator | null;
  db: ScrutinyDatabase | null;
  /** Everything filled, as the index sees it (Part A only). */
  documents: LibraryDocument[];
  index: LibraryIndex | null;
}

const state: PageState = { generator: null, db: null, documents: [], index: null };

function generator(): LibraryGenerator {
  if (!state.generator) throw new Error('setUp first');
  return state.generator;
}

/** The database "scrutiny" in this page's origin, through lib/store (the extension's Dexie schema). */
/** The database the generated library is filled into (other benches read it: bench-export-page.ts). */
export async function store(): Promise<ScrutinyDatabase> {
  if (!state.db) {
    state.db = openAnnotationStore();
    await state.db.open();
  }
  return state.db;
}

/** Runs only with --js-flags=--expose-gc; without it the heap numbers include garbage. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/** The JS heap in use (precise with --enable-precise-memory-info), after a full collection. */
function heapBytes(): number {
  collectGarbage();
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
}

function progress(message: string): void {
  console.log(`[bench-library] ${message}`);
}

export interface SetUpResult {
  vocabulary: Record<Lang, number>;
  corpusWords: Record<Lang, number>;
  people: number;
  outlets: number;
}

export function setUp(input: GeneratorInput): SetUpResult {
  state.generator = new LibraryGenerator(input);
  state.documents = [];
  state.index = null;
  return {
    vocabulary: { en: VOCABULARY_SIZE, de: VOCABULARY_SIZE, fr: VOCABULARY_SIZE },
    corpusWords: {
      en: Math.min(VOCABULARY_SIZE, input.corpusWords.en.length),
      de: Math.min(VOCABULARY_SIZE, input.corpusWords.de.length),
      fr: Math.min(VOCABULARY_SIZE, input.corpusWords.fr.length),
    },
    people: state.generator.people.length + state.generator.authors.length,
    outlets: state.generator.outlets.length,
  };
}

// ---------------------------------------------------------------------------------------------------
// Filling a database

export interface FillResult {
  ms: number;
  articles: number;
  versions: number;
  annotations: number;
  highlights: number;
  clippings: number;
  collections: number;
  words: number;
  /** Length of each table's records as JSON, summed: the data before IndexedDB's own encoding. */
  jsonCharacters: Record<
    'articles' | 'articleVersions' | 'annotations' | 'clippings' | 'collections',
    number
  >;
}

interface Batch {
  articles: SavedArticle[];
  versions: ArticleSnapshot[];
  annotations: Annotation[];
  clippings: Clipping[];
}

const FILL_BATCH = 200;

/** Articles `from` to `to` (exclusive) of the generated library, with their hashes, in batches. */
async function* batches(from: number, to: number): AsyncGenerator<{ batch: Batch; items: GeneratedItem[] }> {
  for (let start = from; start < to; start += FILL_BATCH) {
    const items: GeneratedItem[] = [];
    for (let index = start; index < Math.min(to, start + FILL_BATCH); index++)
      items.push(await withContentHashes(generator().item(index)));
    yield {
      items,
      batch: {
        articles: items.map((item) => item.article),
        versions: items.flatMap((item) => item.snapshots),
        annotations: items.flatMap((item) => item.annotations),
        clippings: items.flatMap((item) => item.clippings),
      },
    };
  }
}

function emptyFill(): FillResult {
  return {
    ms: 0,
    articles: 0,
    versions: 0,
    annotations: 0,
    highlights: 0,
    clippings: 0,
    collections: 0,
    words: 0,
    jsonCharacters: { articles: 0, articleVersions: 0, annotations: 0, clippings: 0, collections: 0 },
  };
}

const jsonLength = (records: readonly unknown[]) =>
  records.reduce<number>((sum, record) => sum + JSON.stringify(record).length, 0);

/** Counts the batch into the result; its size as JSON only when asked (stringifying it all takes seconds). */
function tally(result: FillResult, batch: Batch, measureJson: boolean): void {
  result.articles += batch.articles.length;
  result.versions += batch.versions.length;
  result.annotations += batch.annotations.length;
  result.highlights += batch.annotations.filter((annotation) => annotation.kind === 'highlight').length;
  result.clippings += batch.clippings.length;
  result.words += batch.articles.reduce((sum, article) => sum + article.wordCount, 0);
  if (!measureJson) return;
  result.jsonCharacters.articles += jsonLength(batch.articles);
  result.jsonCharacters.articleVersions += jsonLength(batch.versions);
  result.jsonCharacters.annotations += jsonLength(batch.annotations);
  result.jsonCharacters.clippings += jsonLength(batch.clippings);
}

/**
 * Part A: fills the database with the whole generated library, one transaction per batch of articles,
 * and keeps every item as a LibraryDocument for the index.
 */
export async function fillStore(): Promise<FillResult> {
  const db = await store();
  const result = emptyFill();
  const started = performance.now();
  await db.collections.bulkPut(generator().collections);
  result.collections = generator().collections.length;
  result.jsonCharacters.collections = jsonLength(generator().collections);
  const total = generator().shape.articles;
  for await (const { batch, items } of batches(0, total)) {
    await db.transaction('rw', [db.articles, db.articleVersions, db.annotations, db.clippings], async () => {
      await db.articleVersions.bulkPut(batch.versions);
      await db.articles.bulkPut(batch.articles);
      await db.annotations.bulkPut(batch.annotations);
      await db.clippings.bulkPut(batch.clippings);
    });
    tally(result, batch, true);
    for (const item of items) {
      state.documents.push(articleDocument(item.article, item.snapshots.at(-1)!));
      for (const annotation of item.annotations)
        state.documents.push(annotationDocument(annotation, item.article));
      for (const clipping of item.clippings) state.documents.push(clippingDocument(clipping));
    }
    if (result.articles % 2_000 === 0) progress(`filled ${result.articles}/${total} articles`);
  }
  result.ms = performance.now() - started;
  return result;
}

/** Part A: articles numbered `from` to `from + articleCount` (no notes) through bulkPut, for their size. */
export async function insertArticles(from: number, articleCount: number): Promise<FillResult> {
  const db = await store();
  const result = emptyFill();
  const started = performance.now();
  for await (const { batch } of batches(from, from + articleCount)) {
    await db.transaction('rw', [db.articles, db.articleVersions], async () => {
      await db.articleVersions.bulkPut(batch.versions);
      await db.articles.bulkPut(batch.articles);
    });
    tally(result, batch, true);
  }
  result.ms = performance.now() - started;
  return result;
}

export interface StorageEstimateResult {
  usage: number | null;
  quota: number | null;
  /** Chromium's per-system breakdown, when it gives one. */
  indexedDB: number | null;
}

export async function estimateStorage(): Promise<StorageEstimateResult> {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
    usageDetails?: { indexedDB?: number };
  };
  return {
    usage: estimate.usage ?? null,
    quota: estimate.quota ?? null,
    indexedDB: estimate.usageDetails?.indexedDB ?? null,
  };
}

/** Raw IndexedDB: resolves when the request succeeds. */
function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
  });
}

/**
 * Part B, inside the extension's library page: fills the extension's own database "scrutiny" (which the
 * page created at its current version) with raw IndexedDB puts into its object stores, since the extension
 * bundle exposes no functions. The records are what lib/store writes; the key paths are all `id` (and
 * `key` for settings), inline.
 */
export async function fillExtensionDatabase(): Promise<FillResult> {
  const opening = indexedDB.open('scrutiny');
  opening.onupgradeneeded = () => opening.transaction?.abort();
  const db = await requestDone(opening).catch(() => {
    throw new Error('The extension has not created its database yet: open library.html first.');
  });
  const result = emptyFill();
  const started = performance.now();
  try {
    const put = async (records: Partial<Record<string, readonly unknown[]>>) => {
      const stores = Object.keys(records);
      const transaction = db.transaction(stores, 'readwrite');
      const done = transactionDone(transaction);
      for (const name of stores) {
        const objectStore = transaction.objectStore(name);
        for (const record of records[name]!) objectStore.put(record);
      }
      await done;
    };
    await put({ collections: generator().collections });
    result.collections = generator().collections.length;
    result.jsonCharacters.collections = jsonLength(generator().collections);
    const total = generator().shape.articles;
    for await (const { batch } of batches(0, total)) {
      await put({
        articleVersions: batch.versions,
        articles: batch.articles,
        annotations: batch.annotations,
        clippings: batch.clippings,
      });
      tally(result, batch, false);
      if (result.articles % 2_000 === 0) progress(`filled ${result.articles}/${total} articles`);
    }
  } finally {
    db.close();
  }
  result.ms = performance.now() - started;
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Part A measurements

export interface SaveTimes {
  status: SaveStatus;
  /** Every call, ms, in order. */
  times: number[];
  /** Calls that ended with another status than `status` (should be none). */
  unexpected: number;
}

/**
 * saveArticle (lib/store) on `count` articles the library does not hold yet (numbers from `from`), then
 * the same again unchanged, then each with its text edited (a new version). Each call is awaited alone,
 * so a time is one save's transaction, hash included.
 */
export async function measureSaves(from: number, articleCount: number): Promise<SaveTimes[]> {
  const db = await store();
  const inputs: SnapshotInput[] = [];
  for (let index = from; index < from + articleCount; index++)
    inputs.push(snapshotInput(generator().item(index).snapshots.at(-1)!));
  const edited = inputs.map((input) => ({
    ...input,
    text: input.text.replace(/\. /, '. An editor added this sentence. '),
  }));
  const run = async (status: SaveStatus, batch: readonly SnapshotInput[], now: Date): Promise<SaveTimes> => {
    const times: number[] = [];
    let unexpected = 0;
    for (const input of batch) {
      const started = performance.now();
      const outcome = await saveArticle(db, input, now);
      times.push(performance.now() - started);
      if (outcome.status !== status) unexpected++;
    }
    return { status, times, unexpected };
  };
  return [
    await run('created', inputs, new Date('2026-07-01T10:00:00Z')),
    await run('unchanged', inputs, new Date('2026-07-02T10:00:00Z')),
    await run('new-version', edited, new Date('2026-07-03T10:00:00Z')),
  ];
}

export interface IndexResult {
  documents: number;
  /** Items by kind. */
  kinds: Record<string, number>;
  words: number;
  buildMs: number;
  /** JS heap after building, minus before, after full collections. */
  heapBytes: number;
  /** JSON.stringify(index.toJSON()).length, and how long that and loading it back (parse + fromJSON) take. */
  serializedCharacters: number;
  serializeMs: number;
  loadMs: number;
}

/** LibraryIndex.build over everything filled, from scratch; then its size. */
export function measureIndex(): IndexResult {
  const documents = state.documents;
  state.index = null;
  const kinds: Record<string, number> = {};
  let words = 0;
  for (const document of documents) {
    kinds[document.kind] = (kinds[document.kind] ?? 0) + 1;
    words += (document.text.match(/\S+/g)?.length ?? 0) + (document.note.match(/\S+/g)?.length ?? 0);
  }
  const before = heapBytes();
  const started = performance.now();
  const index = LibraryIndex.build(documents);
  const buildMs = performance.now() - started;
  const after = heapBytes();
  const serializeStarted = performance.now();
  let json: string | null = JSON.stringify(index.toJSON());
  const serializeMs = performance.now() - serializeStarted;
  const serializedCharacters = json.length;
  const loadStarted = performance.now();
  LibraryIndex.fromJSON(JSON.parse(json));
  const loadMs = performance.now() - loadStarted;
  json = null;
  state.index = index;
  return {
    documents: documents.length,
    kinds,
    words,
    buildMs,
    heapBytes: after - before,
    serializedCharacters,
    serializeMs,
    loadMs,
  };
}

export interface QueryTimes {
  kind: string;
  queries: string[];
  times: number[];
  hits: number[];
}

const QUERY_WARM_UPS = 10;

/** The query sets: `count` queries of each kind, made from the generated library. */
function querySets(perKind: number): { kind: string; queries: string[] }[] {
  const library = generator();
  const random = mulberry32(mixSeed(library.shape.seed, 30));
  const midWord = (lowRank: number, minLength: number) => {
    for (;;) {
      const word = library.vocabulary[pick(random, LANGS)][between(random, lowRank, 5_000)]!;
      if (word.length >= minLength) return word;
    }
  };
  const articleNumber = () => between(random, 0, Math.max(0, library.shape.articles - 1));
  const times = (make: () => string) => Array.from({ length: perKind }, make);
  const twoWords = () => {
    const text = library.item(articleNumber()).snapshots.at(-1)!.text;
    const words = (text.match(/\p{L}{5,}/gu) ?? []).filter((word) => !/^\p{Lu}/u.test(word));
    return words.length ? `${pick(random, words)} ${pick(random, words)}` : midWord(30, 1);
  };
  // Every prefix of a word from its third letter on, as a reader typing it sees results.
  const typed: string[] = [];
  while (typed.length < perKind) {
    const word = midWord(100, 7);
    for (let length = 3; length <= word.length && typed.length < perKind; length++)
      typed.push(word.slice(0, length));
  }
  // A quoted person's or an author's name with one letter dropped, doubled, swapped or replaced.
  const misspelled = () => {
    const article = library.item(articleNumber()).article;
    const names = [...article.speakers, ...article.authors];
    const [first, ...rest] = pick(random, names).split(' ');
    const surname = rest.join(' ');
    const at = between(random, 1, Math.max(1, surname.length - 2));
    const letter = pick(random, [...'aeinorst']);
    const typo = [
      surname.slice(0, at) + surname.slice(at + 1),
      surname.slice(0, at) + surname[at] + surname.slice(at),
      surname.slice(0, at - 1) + surname[at] + surname[at - 1] + surname.slice(at + 1),
      surname.slice(0, at) + letter + surname.slice(at + 1),
    ];
    return `${first} ${pick(random, typo)}`;
  };
  return [
    { kind: 'one word', queries: times(() => midWord(30, 1)) },
    { kind: 'two words', queries: times(twoWords) },
    { kind: 'prefix, as typed', queries: typed },
    { kind: 'misspelled name', queries: times(misspelled) },
  ];
}

/** LibraryIndex.search as the catalog calls it (every match, sorted by relevance), each query timed. */
export function measureQueries(perKind: number): QueryTimes[] {
  const index = state.index;
  if (!index) throw new Error('measureIndex first');
  return querySets(perKind).map(({ kind, queries }) => {
    for (const query of queries.slice(0, QUERY_WARM_UPS)) index.search(query, {}, 'relevance');
    const times: number[] = [];
    const hits: number[] = [];
    for (const query of queries) {
      const started = performance.now();
      const found = index.search(query, {}, 'relevance');
      times.push(performance.now() - started);
      hits.push(found.length);
    }
    return { kind, queries, times, hits };
  });
}

export interface CatalogResult {
  /** LibraryCatalog.load: every record read from the database, then the index built. */
  loadMs: number;
  /** The first query of the library page (everything, newest first) and its first 30 rows. */
  firstRowsMs: number;
  /** A one-word search among the articles, and then its first 30 rows with the lines around each match. */
  searchQueryMs: number;
  searchRowsMs: number;
  total: number;
  heapBytes: number;
}

/** What the library page's worker does on opening, here on the page's main thread. */
export async function measureCatalog(): Promise<CatalogResult> {
  state.index = null;
  state.documents = [];
  const before = heapBytes();
  const started = performance.now();
  const db = await store();
  const catalog = await LibraryCatalog.load(db);
  const loadMs = performance.now() - started;
  const rowsStarted = performance.now();
  const total = catalog.query({ text: '', filters: {}, sort: 'saved' });
  catalog.rows(0, 30);
  const firstRowsMs = performance.now() - rowsStarted;
  // A search's rows show each article's lines around its matches, read from the database.
  const searchStarted = performance.now();
  catalog.query({
    text: generator().vocabulary.en[200]!,
    filters: { kinds: ['article'] },
    sort: 'relevance',
  });
  const searchQueryMs = performance.now() - searchStarted;
  catalog.rows(0, 30);
  const searchRowsMs = performance.now() - searchStarted - searchQueryMs;
  return { loadMs, firstRowsMs, searchQueryMs, searchRowsMs, total, heapBytes: heapBytes() - before };
}

export interface DiffResult {
  words: { older: number; newer: number };
  paragraphs: { older: number; newer: number };
  firstCallMs: number;
  times: number[];
  summary: ArticleDiff['summary'];
  updatedDate: ArticleDiff['updatedDate'];
}

/** diffArticles on two versions of a `words`-word article: the first call, then `runs` timed ones. */
export function measureDiff(words: number, runs: number): DiffResult {
  const { older, newer } = generator().editedArticlePair(words);
  const started = performance.now();
  const diff = diffArticles(older, newer);
  const firstCallMs = performance.now() - started;
  for (let warmUp = 0; warmUp < 3; warmUp++) diffArticles(older, newer);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const runStarted = performance.now();
    diffArticles(older, newer);
    times.push(performance.now() - runStarted);
  }
  const countWords = (text: string) => text.split(/\s+/).length;
  const countParagraphs = (text: string) => text.split('\n\n').length;
  return {
    words: { older: countWords(older.text), newer: countWords(newer.text) },
    paragraphs: { older: countParagraphs(older.text), newer: countParagraphs(newer.text) },
    firstCallMs,
    times,
    summary: diff.summary,
    updatedDate: diff.updatedDate,
  };
}

// ---------------------------------------------------------------------------------------------------
// Part B: the library page's list

export interface LongFrame {
  start: number;
  duration: number;
  /** The frame's long tasks' time past 50 ms each: what kept input waiting. */
  blockingDuration: number;
  /** The scripts that ran longest in the frame: where they came from and what called them. */
  scripts: { source: string; invoker: string; duration: number }[];
}

export interface ScrollResult {
  rows: number;
  scrollHeight: number;
  /** Jumps spread evenly from the top of the list to its bottom, each waiting for its rows. */
  jumps: number;
  /** ms from setting scrollTop until no row on screen was waiting for the worker. */
  rowWaits: number[];
  /** Rows that were still waiting after a jump's time limit. */
  unfilledJumps: number;
  /** Frames scrolled one screen at a time from the top, without waiting. */
  flingFrames: number;
  /** When the jumps ended and the screens a frame began (performance.now()). */
  flingStart: number;
  /** Every long task (over 50 ms) seen while scrolling, start and duration in ms. */
  longTasks: { start: number; duration: number }[];
  /** The five longest animation frames over 50 ms (Long Animation Frames API), with their scripts. */
  longFrames: LongFrame[];
  ms: number;
}

/** What the Long Animation Frames API reports (Chromium 123+; not yet in TypeScript's DOM types). */
interface AnimationFrameEntry extends PerformanceEntry {
  blockingDuration: number;
  scripts: { sourceURL: string; sourceFunctionName: string; invoker: string; duration: number }[];
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Scrolls `[data-testid="library-list"]` from top to bottom: `jumps` positions spread evenly over the
 * whole list (as dragging the scroll bar), each until its rows have come from the worker (2 s at most);
 * then `flingFrames` frames from the top scrolling one screen a frame (as a fast wheel or fling). Long
 * tasks and long animation frames are observed from before the first step.
 */
export async function scrollLibraryList(jumps: number, flingFrames: number): Promise<ScrollResult> {
  const list = document.querySelector<HTMLElement>('[data-testid="library-list"]');
  if (!list) throw new Error('No [data-testid="library-list"] on the page');
  const longTasks: { start: number; duration: number }[] = [];
  const taskObserver = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  });
  taskObserver.observe({ type: 'longtask' });
  const longFrames: LongFrame[] = [];
  const recordFrames = (entries: PerformanceEntryList) => {
    for (const entry of entries as AnimationFrameEntry[])
      longFrames.push({
        start: entry.startTime,
        duration: entry.duration,
        blockingDuration: entry.blockingDuration,
        scripts: [...entry.scripts]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((script) => ({
            source: `${script.sourceURL.replace(/^.*\//, '')} ${script.sourceFunctionName}`.trim(),
            invoker: script.invoker,
            duration: script.duration,
          })),
      });
  };
  const frameObserver = new PerformanceObserver((entries) => recordFrames(entries.getEntries()));
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
    frameObserver.observe({ type: 'long-animation-frame' });
  const pending = () => list.querySelector('.library-row-pending') !== null;
  const started = performance.now();
  const rowWaits: number[] = [];
  let unfilledJumps = 0;
  const bottom = list.scrollHeight - list.clientHeight;
  for (let step = 0; step <= jumps; step++) {
    list.scrollTop = Math.round((bottom * step) / jumps);
    const jumped = performance.now();
    await nextFrame();
    while (pending() && performance.now() - jumped < 2_000) await nextFrame();
    if (pending()) unfilledJumps++;
    rowWaits.push(performance.now() - jumped);
  }
  list.scrollTop = 0;
  await nextFrame();
  const flingStart = performance.now();
  for (let frame = 0; frame < flingFrames; frame++) {
    list.scrollTop += list.clientHeight;
    await nextFrame();
  }
  // Let the last rows arrive, and the observers hear of the last tasks.
  const settled = performance.now();
  while (pending() && performance.now() - settled < 2_000) await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const entry of taskObserver.takeRecords())
    longTasks.push({ start: entry.startTime, duration: entry.duration });
  // The last frames' entries may not have been delivered yet.
  recordFrames(frameObserver.takeRecords());
  taskObserver.disconnect();
  frameObserver.disconnect();
  return {
    rows: Number(list.querySelector('[aria-setsize]')?.getAttribute('aria-setsize') ?? NaN),
    scrollHeight: list.scrollHeight,
    jumps,
    rowWaits,
    unfilledJumps,
    flingFrames,
    flingStart,
    longTasks,
    longFrames: longFrames.sort((a, b) => b.duration - a.duration).slice(0, 5),
    ms: performance.now() - started,
  };
}
