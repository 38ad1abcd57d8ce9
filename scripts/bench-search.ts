/**
 * The library's search, measured on a generated library (docs/search.md has the results and the choice):
 *
 *   npm run bench -- --only search [--articles 10000] [--notes 100000] [--queries 200]
 *                                  [--engines minisearch,flexsearch] [--json FILE]
 *
 * (or `npx tsx scripts/bench-search.ts` with the same options). Each engine runs in its own Node process
 * started with --expose-gc, so the heap it reports is its own: the heap in use after a full collection,
 * with the generated library loaded, before and after the index is built. Then: query times (p50/p95/max
 * over --queries queries of each kind, all matches returned and sorted, as the library page asks), the
 * time to replace or remove one article, the serialized size and the time to load it, and a table of what
 * each engine can do of what the library needs.
 *
 * Engines:
 * - minisearch: lib/library/search (LibraryIndex) as the library page uses it: folding, stemming by
 *   language, prefix on the last word, fuzzy names, field boosts, filters.
 * - minisearch-N: the same over only the first N words of each article's text (title, quotes, names,
 *   notes whole): what indexing less would save.
 * - flexsearch: FlexSearch 0.8 per-field indexes fed the same folded and stemmed terms and queried with
 *   the same plan (see `flexSearchEngine`).
 *
 * The library is generated from a seeded PRNG, so every run indexes the same text: words drawn from a
 * Zipf distribution over vocabularies read from the evaluation corpora (English and French Readability test
 * pages, German Wikinews articles), extended to 60,000 words per language with real words given made-up
 * endings, the way a large library keeps meeting new names and rare words. Articles are 60 % English, 25 % German, 15 % French,
 * about 700 words in paragraphs, with quotes from named speakers; notes are 10 to 60 words.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Index, Resolver } from 'flexsearch';
import SearchableMap from 'minisearch/SearchableMap';
import {
  fieldTerms,
  LibraryIndex,
  planQuery,
  SEARCH_FIELDS,
  type LibraryDocument,
  type LibraryItemKind,
  type SearchField,
} from '../lib/library/search';
import { stemmerLanguage } from '../lib/library/text-folding';
import { quantile } from './stats';

const CORPORA = '/work/shared/corpora';
const SCRIPT = fileURLToPath(import.meta.url);

interface Options {
  articles: number;
  notes: number;
  queries: number;
  engines: string[];
  json: string | null;
  engine: string | null;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return {
    articles: Number(value('articles') ?? 10_000),
    notes: Number(value('notes') ?? 100_000),
    queries: Number(value('queries') ?? 200),
    engines: (value('engines') ?? 'minisearch,flexsearch').split(','),
    json: value('json') ?? null,
    engine: value('engine') ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// A deterministic library

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^s. */
class Zipf {
  private readonly cumulative: Float64Array;
  constructor(n: number, s = 1.05) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let rank = 0; rank < n; rank++) this.cumulative[rank] = sum += 1 / Math.pow(rank + 1, s);
    for (let rank = 0; rank < n; rank++) this.cumulative[rank]! /= sum;
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

type Lang = 'en' | 'de' | 'fr';
const VOCABULARY_SIZE = 60_000;
const SYLLABLES: Record<Lang, string[]> = {
  en: ['ber', 'ton', 'man', 'ley', 'ing', 'ster', 'ford', 'ash', 'wick', 'ment', 'ly', 'ous', 'tion', 'er'],
  de: ['sch', 'berg', 'ung', 'keit', 'lich', 'stadt', 'mann', 'ver', 'ge', 'ein', 'über', 'straße', 'heit'],
  fr: ['eau', 'ière', 'tion', 'ment', 'ville', 'court', 'ré', 'dé', 'ain', 'elle', 'oir', 'ée', 'ance'],
};

function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
}

/** Words of the corpora by language, most frequent first, lowercased. */
function corpusWords(): Record<Lang, string[]> {
  const texts: Record<Lang, string[]> = { en: [], de: [], fr: [] };
  const pages = join(CORPORA, 'readability-test-pages');
  for (const name of readdirSync(pages)) {
    const metadata = join(pages, name, 'expected-metadata.json');
    if (!existsSync(metadata)) continue;
    const lang = (JSON.parse(readFileSync(metadata, 'utf8')) as { lang?: string }).lang?.slice(0, 2);
    if (lang === 'en' || lang === 'fr' || lang === 'de')
      texts[lang].push(stripTags(readFileSync(join(pages, name, 'expected.html'), 'utf8')));
  }
  const wikinews = join(CORPORA, 'german-news-quotation-attribution-2024', 'data');
  for (const split of readdirSync(wikinews))
    for (const file of readdirSync(join(wikinews, split))) {
      const record = JSON.parse(gunzipSync(readFileSync(join(wikinews, split, file))).toString('utf8')) as {
        originalText?: string;
      };
      if (record.originalText) texts.de.push(record.originalText);
    }
  const ranked = {} as Record<Lang, string[]>;
  for (const lang of ['en', 'de', 'fr'] as const) {
    const counts = new Map<string, number>();
    for (const text of texts[lang])
      for (const word of text.toLowerCase().match(/\p{L}[\p{L}\p{M}]*/gu) ?? [])
        if (word.length > 1 || lang === 'fr') counts.set(word, (counts.get(word) ?? 0) + 1);
    ranked[lang] = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([w]) => w);
  }
  return ranked;
}

function madeUpWord(random: Random, lang: Lang): string {
  // Up to six syllables: 13 syllables make 5 million words, enough to draw 60,000 distinct ones.
  let word = '';
  for (let count = between(random, 2, 6); count > 0; count--) word += pick(random, SYLLABLES[lang]);
  return word;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
function madeUpEnding(random: Random): string {
  let ending = '';
  for (let count = between(random, 2, 5); count > 0; count--) ending += pick(random, [...LETTERS]);
  return ending;
}

interface Generated {
  documents: LibraryDocument[];
  vocabulary: Record<Lang, string[]>;
  people: string[];
}

const FIRST_NAMES = [
  'Ana',
  'Hibatullah',
  'Jane',
  'John',
  'Maria',
  'Thomas',
  'Sophie',
  'Jean',
  'Lukas',
  'Fatima',
  'Olaf',
  'Emmanuel',
  'Angela',
  'Ahmed',
  'Chen',
  'Priya',
  'Ursula',
  'Kwame',
  'Elena',
  'Pierre',
  'Jürgen',
  'Zoë',
];
const SURNAMES = [
  'Akhundzada',
  'Ruiz',
  'Müller',
  'Lefèvre',
  'Scholz',
  'Macron',
  'Okafor',
  'Nakamura',
  'Novák',
];
const QUOTE_STYLE: Record<Lang, (quote: string, name: string) => string> = {
  en: (quote, name) => `"${quote}," ${name} said.`,
  de: (quote, name) => `„${quote}“, sagte ${name}.`,
  fr: (quote, name) => `« ${quote} », a déclaré ${name}.`,
};

function generateLibrary(articleCount: number, noteCount: number): Generated {
  const random = mulberry32(20_260_401);
  const corpus = corpusWords();
  const vocabulary = {} as Record<Lang, string[]>;
  for (const lang of ['en', 'de', 'fr'] as const) {
    const words = corpus[lang].slice(0, VOCABULARY_SIZE);
    const seen = new Set(words);
    // The rare words are real words with a made-up ending, so they begin the way real words do: a made-up
    // word of syllables alone would crowd a few beginnings and make prefix search look slower than it is.
    const real = words.length;
    while (words.length < VOCABULARY_SIZE) {
      const stem = words[Math.floor(random() * real)]!;
      const word = stem.slice(0, Math.max(3, stem.length - 2)) + madeUpEnding(random);
      if (seen.has(word)) continue;
      words.push(word);
      seen.add(word);
    }
    vocabulary[lang] = words;
  }
  const zipf = new Zipf(VOCABULARY_SIZE);
  const surnames = [...SURNAMES];
  while (surnames.length < 3000) {
    const word = madeUpWord(random, pick(random, ['en', 'de', 'fr'] as const));
    surnames.push(word[0]!.toUpperCase() + word.slice(1));
  }
  const people = surnames.map((surname) => `${pick(random, FIRST_NAMES)} ${surname}`);
  const personRank = new Zipf(people.length, 0.9);
  const authors = people.slice(1000, 1500);
  const outlets = Array.from({ length: 60 }, (_, at) => `Outlet ${madeUpWord(random, 'en')} ${at}`);
  const tags = Array.from({ length: 200 }, () => madeUpWord(random, 'en'));
  const collections = Array.from({ length: 30 }, (_, at) => `collection-${at}`);
  const sourceKinds = ['wire', 'news-outlet', 'official', 'organization', 'person', 'document', 'anonymous'];

  const sentence = (lang: Lang, low: number, high: number) => {
    const words: string[] = [];
    for (let count = between(random, low, high); count > 0; count--)
      words.push(vocabulary[lang][zipf.sample(random)]!);
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    return words.join(' ');
  };
  const day = (start: number, spanDays: number) =>
    new Date(
      start + Math.floor(random() * spanDays) * 86_400_000 + Math.floor(random() * 86_400_000),
    ).toISOString();

  const documents: LibraryDocument[] = [];
  const articles: LibraryDocument[] = [];
  for (let at = 0; at < articleCount; at++) {
    const roll = random();
    const lang: Lang = roll < 0.6 ? 'en' : roll < 0.85 ? 'de' : 'fr';
    const speakers = Array.from({ length: between(random, 1, 4) }, () => people[personRank.sample(random)]!);
    const quotes: string[] = [];
    const paragraphs: string[] = [];
    let words = 0;
    while (words < 700) {
      const sentences: string[] = [];
      for (let count = between(random, 2, 5); count > 0; count--) sentences.push(sentence(lang, 8, 22) + '.');
      if (random() < 0.35) {
        const quote = sentence(lang, 6, 18);
        quotes.push(quote);
        sentences.push(QUOTE_STYLE[lang](quote, pick(random, speakers)));
      }
      const paragraph = sentences.join(' ');
      words += paragraph.split(' ').length;
      paragraphs.push(paragraph);
    }
    const published = day(Date.UTC(2023, 0, 1), 1_100);
    const article: LibraryDocument = {
      id: `article-${String(at).padStart(6, '0')}`,
      kind: 'article',
      title: sentence(lang, 6, 12),
      text: paragraphs.join('\n\n'),
      quotes: quotes.join('\n'),
      speakers: [...new Set(speakers)],
      authors: Array.from({ length: between(random, 1, 2) }, () => pick(random, authors)),
      outlet: pick(random, outlets),
      note: '',
      tags: Array.from({ length: between(random, 0, 3) }, () => pick(random, tags)),
      lang: lang === 'en' ? pick(random, ['en', 'en-US', 'en-GB']) : lang,
      collectionIds: Array.from({ length: between(random, 0, 2) }, () => pick(random, collections)),
      sourceKinds: sourceKinds.filter(() => random() < 0.4),
      published,
      saved: day(Date.parse(published), 30),
      pageKey: `example.com/${at}`,
    };
    articles.push(article);
    documents.push(article);
  }
  for (let at = 0; at < noteCount; at++) {
    const article = articles[Math.floor(random() * articles.length)]!;
    const lang = (stemmerLanguage(article.lang) ?? 'en') as Lang;
    const roll = random();
    const kind: LibraryItemKind = roll < 0.5 ? 'highlight' : roll < 0.8 ? 'note' : 'clipping';
    documents.push({
      ...article,
      id: `${kind}-${String(at).padStart(6, '0')}`,
      kind,
      text: kind === 'note' ? '' : sentence(lang, 10, 40),
      quotes: '',
      speakers: [],
      note: kind === 'highlight' && random() < 0.5 ? '' : sentence(lang, 5, 30),
      tags: Array.from({ length: between(random, 0, 2) }, () => pick(random, tags)),
      collectionIds: kind === 'clipping' ? [pick(random, collections)] : [],
      sourceKinds: [],
      saved: day(Date.parse(article.saved), 60),
    });
  }
  return { documents, vocabulary, people };
}

// ---------------------------------------------------------------------------------------------------------
// Queries

interface QuerySet {
  kind: string;
  queries: string[];
}

function querySets(library: Generated, count: number): QuerySet[] {
  const random = mulberry32(7);
  const langs = ['en', 'de', 'fr'] as const;
  const midWord = () => library.vocabulary[pick(random, langs)][between(random, 30, 5_000)]!;
  const articles = library.documents.filter((document) => document.kind === 'article');
  const twoWords = () => {
    const article = pick(random, articles);
    const words = (article.text.match(/\p{L}{5,}/gu) ?? []).filter((word) => !/^\p{Lu}/u.test(word));
    return `${pick(random, words)} ${pick(random, words)}`;
  };
  const typo = (name: string) => {
    const surname = name.split(' ').pop()!;
    const at = between(random, 1, surname.length - 2);
    return surname.slice(0, at) + surname.slice(at + 1);
  };
  const times = <T>(make: () => T) => Array.from({ length: count }, make);
  return [
    { kind: 'one word', queries: times(midWord) },
    {
      kind: 'common word',
      queries: times(() => library.vocabulary[pick(random, langs)][between(random, 0, 20)]!),
    },
    { kind: 'two words', queries: times(twoWords) },
    { kind: 'prefix, 3 letters', queries: times(() => midWord().slice(0, 3)) },
    { kind: 'prefix, 4-5 letters', queries: times(() => midWord().slice(0, between(random, 4, 5))) },
    { kind: 'name with a typo', queries: times(() => typo(pick(random, library.people.slice(0, 500)))) },
    {
      kind: 'name + word',
      queries: times(() => {
        const article = pick(random, articles);
        const words = (article.text.match(/\p{L}{5,}/gu) ?? []).filter((word) => !/^\p{Lu}/u.test(word));
        return `${pick(random, article.speakers).split(' ').pop()} ${pick(random, words)}`;
      }),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Engines

interface Engine {
  capabilities: Capabilities;
  build(documents: LibraryDocument[]): void;
  search(query: string): number;
  /** An empty query with a filter: the list the library opens on. */
  list?(): number;
  upsert(document: LibraryDocument): void;
  remove(id: string): void;
  serializedBytes?(): { bytes: number; loadMs: number };
}

function truncatedText(document: LibraryDocument, words: number): LibraryDocument {
  if (document.kind !== 'article') return document;
  const kept = document.text.split(/\s+/).slice(0, words).join(' ');
  return { ...document, text: kept };
}

function miniSearchEngine(textWords: number | null): Engine {
  let index = LibraryIndex.build([]);
  const cut = (document: LibraryDocument) => (textWords ? truncatedText(document, textWords) : document);
  return {
    capabilities: MINISEARCH_CAN,
    build(documents) {
      index = LibraryIndex.build(textWords ? documents.map(cut) : documents);
    },
    search: (query) => index.search(query, {}, 'relevance').length,
    list: () => index.search('', { kinds: ['article', 'clipping'] }, 'saved').length,
    upsert: (document) => index.upsert(cut(document)),
    remove: (id) => index.remove(id),
    serializedBytes() {
      const json = JSON.stringify(index.toJSON());
      const load = clock(() => LibraryIndex.fromJSON(JSON.parse(json)));
      return { bytes: json.length, loadMs: load.cpu };
    },
  };
}

/** What the library needs of a search engine, and whether each engine does it (docs/search.md). */
const NEEDS = [
  'field boosts',
  'fuzzy names',
  'prefix on the last word only',
  'filters inside the search',
  'relevance order',
  'matched terms, for marking',
  'remove / update one item',
  'serialization',
] as const;
type Capabilities = Record<(typeof NEEDS)[number], string>;

const MINISEARCH_CAN: Capabilities = {
  'field boosts': 'yes (per field, per query)',
  'fuzzy names': 'yes (fuzzyGet on a SearchableMap of name words; fuzzy per query and field)',
  'prefix on the last word only': 'yes (per query term; expansions capped by LibraryIndex)',
  'filters inside the search': 'yes (filter callback, boostDocument)',
  'relevance order': 'yes (BM25 scores)',
  'matched terms, for marking': 'yes (result.terms)',
  'remove / update one item': 'yes (discard by id, add)',
  serialization: 'yes (toJSON / loadJS, synchronous)',
};
const FLEXSEARCH_CAN: Capabilities = {
  'field boosts': 'partly (Resolver boost shifts a field by whole score slots)',
  'fuzzy names': 'no edit distance (phonetic encoders only): needs a separate fuzzy map, here MiniSearch’s',
  'prefix on the last word only': 'only with a second, forward-tokenized index (here one over all fields)',
  'filters inside the search': 'tags only (Document); other filters after the search',
  'relevance order': 'partly: by word position in the field, no term frequency or rarity, no scores',
  'matched terms, for marking': 'no (highlight needs the stored text)',
  'remove / update one item': 'yes (fastupdate)',
  serialization: 'yes (export / import per key, many chunks)',
};

/** The same terms LibraryIndex indexes, field by field. */
function fieldTermsOf(document: LibraryDocument): Record<SearchField, string> {
  const terms = {} as Record<SearchField, string>;
  for (const field of SEARCH_FIELDS) terms[field] = fieldTerms(document, field);
  return terms;
}

/** Every match: a FlexSearch index answers 100 by default. */
const ALL = 1_000_000;

/** LibraryIndex's field boosts as FlexSearch's: whole slots of its 9-slot relevance scale. */
const FLEX_BOOSTS: Record<SearchField, number> = {
  title: 4,
  names: 4,
  outlet: 1,
  tags: 2,
  note: 1,
  quotes: 0,
  text: 0,
};

/**
 * FlexSearch 0.8: one strict index per field, fed the terms LibraryIndex indexes, plus one forward-tokenized
 * index over each item's distinct terms for the last word's prefix (a forward index matches every term as a prefix, so the
 * finished words need the strict ones). Queries are planned as LibraryIndex plans them (`planQuery`): every
 * term of a word in every field, OR, with the field's boost; the words AND. Fuzzy names come from a
 * SearchableMap of name words, as in LibraryIndex: FlexSearch has no edit distance.
 */
function flexSearchEngine(): Engine {
  const encode = (text: string) => (text ? text.split(' ') : []);
  type Indexes = Record<SearchField | 'prefixes', Index>;
  const make = (fastupdate = true): Indexes => {
    const indexes = {} as Indexes;
    for (const field of SEARCH_FIELDS) indexes[field] = new Index({ tokenize: 'strict', encode, fastupdate });
    indexes.prefixes = new Index({ tokenize: 'forward', encode, fastupdate });
    return indexes;
  };
  let indexes = make();
  const nameWords = new SearchableMap<number>();
  const namesLike = (folded: string) => {
    if (folded.length < 4) return [];
    return [...nameWords.fuzzyGet(folded, folded.length < 8 ? 1 : 2).keys()].filter(
      (name) => name !== folded,
    );
  };
  const add = (document: LibraryDocument) => {
    const terms = fieldTermsOf(document);
    for (const field of SEARCH_FIELDS) if (terms[field]) indexes[field].add(document.id, terms[field]);
    // Each term once: the prefix index only says which items hold a term that begins so.
    indexes.prefixes.add(
      document.id,
      [...new Set(SEARCH_FIELDS.flatMap((field) => encode(terms[field])))].join(' '),
    );
    for (const word of terms.names.split(' ')) if (word) nameWords.set(word, (nameWords.get(word) ?? 0) + 1);
  };
  const remove = (id: string) => {
    for (const index of Object.values(indexes)) index.remove(id);
  };
  return {
    capabilities: FLEXSEARCH_CAN,
    build(documents) {
      indexes = make();
      for (const document of documents) add(document);
    },
    search(query) {
      const words = planQuery(query, namesLike).map((word) => {
        const options: { index: Index; query: string; boost: number; limit: number }[] = [];
        for (const term of [...word.terms, ...word.stems])
          for (const field of SEARCH_FIELDS)
            options.push({ index: indexes[field], query: term, boost: FLEX_BOOSTS[field], limit: ALL });
        for (const name of word.names)
          options.push({ index: indexes.names, query: name, boost: 2, limit: ALL });
        for (const prefix of word.prefixes)
          options.push({ index: indexes.prefixes, query: prefix, boost: 0, limit: ALL });
        const resolver = new Resolver(options[0]);
        return options.length > 1 ? resolver.or(...options.slice(1)) : resolver;
      });
      if (!words.length) return 0;
      const all = words.length > 1 ? words[0]!.and(...words.slice(1)) : words[0]!;
      // When the first word matches nothing, `and` given Resolvers returns its empty result array instead
      // of itself (FlexSearch 0.8.212 reads the last argument's `resolve` method as the option).
      if (Array.isArray(all)) return all.length;
      return (all.resolve({ limit: ALL }) as unknown[]).length;
    },
    upsert(document) {
      remove(document.id);
      add(document);
    },
    remove,
    serializedBytes() {
      const chunks: [keyof Indexes, string, string][] = [];
      for (const [name, index] of Object.entries(indexes) as [keyof Indexes, Index][])
        void index.export((key: string, data: string) => void chunks.push([name, key, data ?? '']));
      const load = clock(() => {
        // FlexSearch imports into an index without fastupdate only: removing from it searches every term.
        const loaded = make(false);
        for (const [name, key, data] of chunks) void loaded[name].import(key, data);
      });
      return { bytes: chunks.reduce((sum, [, , data]) => sum + data.length, 0), loadMs: load.cpu };
    },
  };
}

function engineNamed(name: string): Engine {
  if (name === 'minisearch') return miniSearchEngine(null);
  const truncated = /^minisearch-(\d+)$/.exec(name);
  if (truncated) return miniSearchEngine(Number(truncated[1]));
  if (name === 'flexsearch') return flexSearchEngine();
  throw new Error(`Unknown engine ${name}`);
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/**
 * Milliseconds one call takes: CPU time of this process (user + system), and wall time. The machine these
 * numbers come from is shared, so wall time includes waiting for a core; CPU time is what the call costs.
 */
function clock(run: () => unknown): { cpu: number; wall: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { cpu: (cpu.user + cpu.system) / 1000, wall };
}

interface Times {
  p50: number;
  p95: number;
  max: number;
  wallP50: number;
  wallP95: number;
}

function timeEach<T>(items: readonly T[], run: (item: T) => unknown): Times {
  const times = items.map((item) => clock(() => run(item)));
  const cpu = times.map((time) => time.cpu).sort((a, b) => a - b);
  const wall = times.map((time) => time.wall).sort((a, b) => a - b);
  return {
    p50: quantile(cpu, 0.5),
    p95: quantile(cpu, 0.95),
    max: cpu[cpu.length - 1]!,
    wallP50: quantile(wall, 0.5),
    wallP95: quantile(wall, 0.95),
  };
}

interface EngineReport {
  engine: string;
  capabilities: Capabilities;
  documents: number;
  words: number;
  buildMs: number;
  buildWallMs: number;
  heapMb: number;
  serializedMb?: number;
  loadMs?: number;
  queries: (Times & { kind: string; meanHits: number })[];
  list?: Times;
  upsert: Times;
  remove: Times;
}

function measureEngine(name: string, options: Options): EngineReport {
  const library = generateLibrary(options.articles, options.notes);
  const words = library.documents.reduce(
    (sum, document) => sum + (document.text.match(/\S+/g)?.length ?? 0),
    0,
  );
  const engine = engineNamed(name);
  const before = heapMb();
  const build = clock(() => engine.build(library.documents));
  const heap = heapMb() - before;
  const queries = querySets(library, options.queries).map(({ kind, queries }) => {
    for (const query of queries.slice(0, 10)) engine.search(query); // warm up
    let hits = 0;
    const times = timeEach(queries, (query) => (hits += engine.search(query)));
    return { kind, ...times, meanHits: Math.round(hits / queries.length) };
  });
  const list = engine.list ? timeEach(Array.from({ length: 20 }), () => engine.list!()) : undefined;
  const random = mulberry32(99);
  const articles = library.documents.filter((document) => document.kind === 'article');
  const edited = Array.from({ length: 100 }, () => {
    const article = pick(random, articles);
    return {
      ...article,
      text: article.text.replace(/\. /, '. An editor added this sentence. '),
      title: article.title + ' (updated)',
    };
  });
  const upsert = timeEach(edited, (document) => engine.upsert(document));
  const step = Math.floor(library.documents.length / 100);
  const removed = Array.from({ length: 100 }, (_, at) => library.documents[at * step]!.id);
  const remove = timeEach(removed, (id) => engine.remove(id));
  const serialized = engine.serializedBytes?.();
  return {
    engine: name,
    capabilities: engine.capabilities,
    documents: library.documents.length,
    words,
    buildMs: build.cpu,
    buildWallMs: build.wall,
    heapMb: heap,
    serializedMb: serialized ? serialized.bytes / 1_048_576 : undefined,
    loadMs: serialized?.loadMs,
    queries,
    list,
    upsert,
    remove,
  };
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** A fixed piece of work to compare machines by: sorting a million numbers, the best of five, CPU ms. */
function referenceSortMs(): number {
  const random = mulberry32(1);
  const numbers = Array.from({ length: 1_000_000 }, random);
  return Math.min(...Array.from({ length: 5 }, () => clock(() => [...numbers].sort((a, b) => a - b)).cpu));
}

function printReports(reports: EngineReport[], options: Options): void {
  const first = reports[0];
  if (!first) return;
  console.log(
    `\nReference: sorting 1,000,000 numbers takes ${referenceSortMs().toFixed(0)} ms of CPU on this machine ` +
      `(load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores).`,
  );
  console.log(
    `\nLibrary: ${options.articles} articles + ${options.notes} notes = ${first.documents} items, ` +
      `${(first.words / 1e6).toFixed(1)} M words of text; ${options.queries} queries of each kind.\n`,
  );
  console.log(
    '| engine | build CPU (wall) | heap | serialized | load serialized | upsert p50/p95 | remove p50/p95 | list p50/p95 |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const report of reports)
    console.log(
      `| ${report.engine} | ${(report.buildMs / 1000).toFixed(1)} s (${(report.buildWallMs / 1000).toFixed(1)} s) | ` +
        `${report.heapMb.toFixed(0)} MB | ` +
        `${report.serializedMb ? report.serializedMb.toFixed(0) + ' MB' : '–'} | ` +
        `${report.loadMs ? (report.loadMs / 1000).toFixed(1) + ' s' : '–'} | ` +
        `${ms(report.upsert.p50)} / ${ms(report.upsert.p95)} ms | ${ms(report.remove.p50)} / ${ms(report.remove.p95)} ms | ` +
        `${report.list ? `${ms(report.list.p50)} / ${ms(report.list.p95)} ms` : '–'} |`,
    );
  console.log('\nQuery times, ms of CPU (p50 / p95 / max) [wall p95], mean matches:\n');
  console.log(`| query | ${reports.map((report) => report.engine).join(' | ')} |`);
  console.log(`|---|${reports.map(() => '---').join('|')}|`);
  for (const [at, { kind }] of first.queries.entries())
    console.log(
      `| ${kind} | ${reports
        .map((report) => {
          const query = report.queries[at]!;
          return `${ms(query.p50)} / ${ms(query.p95)} / ${ms(query.max)} [${ms(query.wallP95)}] (${query.meanHits})`;
        })
        .join(' | ')} |`,
    );
  console.log('\nWhat the library needs:\n');
  console.log(`| need | ${reports.map((report) => report.engine).join(' | ')} |`);
  console.log(`|---|${reports.map(() => '---').join('|')}|`);
  for (const need of NEEDS)
    console.log(`| ${need} | ${reports.map((report) => report.capabilities[need]).join(' | ')} |`);
}

/** `npm run bench -- --only search …` and `npx tsx scripts/bench-search.ts …` both land here. */
export function runSearchBench(argv: string[]): void {
  const options = parseOptions(argv);
  if (options.engine) {
    console.log(JSON.stringify(measureEngine(options.engine, options)));
    return;
  }
  const reports: EngineReport[] = [];
  for (const engine of options.engines) {
    console.error(`measuring ${engine}…`);
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx', SCRIPT, ...argv, '--engine', engine],
      { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) {
      console.error(`${engine} failed (exit ${child.status ?? child.signal})`);
      continue;
    }
    reports.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as EngineReport);
  }
  printReports(reports, options);
  if (options.json) writeFileSync(options.json, JSON.stringify(reports, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === SCRIPT) runSearchBench(process.argv.slice(2));
