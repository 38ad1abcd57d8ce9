/**
 * Full-text search over the reader's library: saved articles, clippings, highlights and page notes, as one
 * index (MiniSearch, chosen by measurement: docs/search.md). Words are folded and stemmed by
 * lib/library/text-folding; the last word of a query is searched as a prefix while the reader types;
 * names (authors, speakers) are also matched with a typo or two. Filters run inside the search, and ties
 * are broken by date saved, newest first, then id, so the same query always lists the same order.
 *
 * The index keeps the terms and, per item, the small facts the filters and facets read; never an item's
 * text, which the caller already holds.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import {
  IndexReader,
  scoreWords,
  termsHeldBy,
  type FieldWeight,
  type IndexTables,
  type ScoredWord,
  type TermTree,
  type WeightedTerm,
} from './scoring';
import type { Annotation } from '../annotations/types';
import {
  foldText,
  foldedWordsOf,
  guessLanguage,
  indexTermsOf,
  isIndexableWord,
  isQueryStopword,
  queryWord,
  stemmerLanguage,
  termMatcher,
  WORD_PATTERN,
  wordsOf,
  type StemmerLanguage,
} from './text-folding';
import { quoteOf } from '../annotations/selectors';
import { SharedValues } from './shared-values';
import type { ArticleSnapshot, Clipping, SavedArticle } from './types';

export type LibraryItemKind = 'article' | 'clipping' | 'highlight' | 'note';

/** One item as the index sees it: the words to search and the facts to filter and sort on. */
export interface LibraryDocument {
  id: string;
  kind: LibraryItemKind;
  title: string;
  /** An article's text, a clipping's or highlight's passage; empty for a page note. */
  text: string;
  /** The article's quotes, one a line. */
  quotes: string;
  speakers: string[];
  authors: string[];
  outlet: string | null;
  /** The reader's note on a clipping or highlight, or a page note's text. */
  note: string;
  tags: string[];
  lang: string | null;
  collectionIds: string[];
  sourceKinds: string[];
  /** The outlet's publication time, as the page gives it. */
  published: string | null;
  /** When the reader last saved the article, or clipped or made the item. */
  saved: string;
  /** The saved article / page this item belongs to, for grouping. */
  pageKey: string | null;
}

export interface LibraryFilters {
  kinds?: LibraryItemKind[];
  collectionId?: string;
  /** Compared without regard to case or accents, like author, speaker and outlet. */
  tag?: string;
  outlet?: string;
  author?: string;
  speaker?: string;
  sourceKind?: string;
  /** A language tag; "en" also takes "en-GB". */
  lang?: string;
  dateField?: 'published' | 'saved';
  /** ISO days (YYYY-MM-DD), inclusive, compared with the day as the date is written. */
  from?: string;
  to?: string;
}

export type LibrarySort = 'relevance' | 'saved' | 'published';

export interface SearchHit {
  id: string;
  kind: LibraryItemKind;
  score: number;
  /**
   * The index terms that matched in this item (folded words and stems: "zwangspaus", "akhundzada"), for
   * `markMatches` and `snippet`; empty when there was no query.
   */
  terms: string[];
}

export interface LibraryFacets {
  outlets: string[];
  authors: string[];
  speakers: string[];
  tags: string[];
  langs: string[];
  sourceKinds: string[];
}

/** The searchable fields and how much a match in each counts: titles and names above body text. */
const FIELD_BOOSTS = {
  title: 3,
  names: 3,
  outlet: 1.5,
  tags: 2,
  note: 1.5,
  quotes: 1.2,
  text: 1,
} as const;
export type SearchField = keyof typeof FIELD_BOOSTS;
export const SEARCH_FIELDS = Object.keys(FIELD_BOOSTS) as SearchField[];

/** A name with a typo counts half as much as the name spelt right. */
const FUZZY_NAME_BOOST = FIELD_BOOSTS.names / 2;
/** Where a query's terms are looked up: every field, at its boost; a name with a typo, in names only. */
const ALL_FIELDS: readonly FieldWeight[] = SEARCH_FIELDS.map((field) => ({
  field,
  boost: FIELD_BOOSTS[field],
}));
const FUZZY_NAME_FIELDS: readonly FieldWeight[] = [{ field: 'names', boost: FUZZY_NAME_BOOST }];
/** The last word is searched as a prefix from its third letter; shorter words are searched as words. */
const MIN_PREFIX_LENGTH = 3;
/**
 * A prefix is searched as the terms it begins that are found in the most items, this many at most: in a
 * library of 100,000 items three letters begin thousands of terms, and scoring all of them took hundreds
 * of milliseconds (docs/search.md). The rarer completions are found once another letter is typed.
 */
const MAX_COMPLETIONS = 40;
/** How many three-letter beginnings keep their terms between queries (see `termsBeginning`). */
const COMPLETION_BUCKETS = 16;
/** A completion counts less than the word itself, the more so the more letters it adds (as MiniSearch weighs prefixes). */
const COMPLETION_WEIGHT = 0.375;
/** The shortest stem a typed word's beginning is looked up as (see `planQuery`). */
const MIN_STEM_LENGTH = 4;
/** Words past this many are ignored: a pasted paragraph is not a query. */
const MAX_QUERY_WORDS = 12;

/** The terms of every hit of an empty query: one frozen array, not 100,000 empty ones. */
const NO_TERMS = Object.freeze([]) as unknown as string[];

/**
 * A hit of a query. Which of the query's terms the item holds is looked up when first asked for: a query
 * can match tens of thousands of items, and only the hits on screen are marked. What it needs for that is
 * kept in private fields, so a hit compares (and logs) as its id, kind and score.
 */
class ScoredHit implements SearchHit {
  readonly id: string;
  readonly kind: LibraryItemKind;
  readonly #facts: ItemFacts;
  readonly #shortId: number;
  readonly #tables: IndexTables;
  readonly #words: readonly ScoredWord[];
  /** When the item was saved, in ms (-Infinity when unreadable): ties are broken on it. */
  readonly #savedTime: number;
  #terms: string[] | null = null;

  constructor(
    facts: ItemFacts,
    readonly score: number,
    shortId: number,
    savedTime: number,
    tables: IndexTables,
    words: readonly ScoredWord[],
  ) {
    this.id = facts.id;
    this.kind = facts.kind;
    this.#facts = facts;
    this.#shortId = shortId;
    this.#savedTime = savedTime;
    this.#tables = tables;
    this.#words = words;
  }

  /**
   * Hits best first, ties newest saved first, then by id (for the ISO dates the library writes, the order
   * `BY_SAVED` gives). A query can match 30,000 items with only a thousand distinct scores; one comparator
   * over them all took 20 to 40 ms. So the scores are sorted as numbers, the hits placed by their score's
   * rank, and only the hits of each score are compared, by numbers (the saved date is parsed once per item).
   */
  static sortByRelevance(hits: ScoredHit[]): void {
    const count = hits.length;
    if (count < 2) return;
    const distinct = new Float64Array(count);
    for (let at = 0; at < count; at++) distinct[at] = -hits[at]!.score;
    distinct.sort();
    let ranks = 0;
    for (let at = 0; at < count; at++)
      if (ranks === 0 || distinct[at] !== distinct[ranks - 1]) distinct[ranks++] = distinct[at]!;
    const rankOf = (score: number) => {
      let low = 0;
      let high = ranks - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (distinct[middle]! < -score) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    const rank = new Int32Array(count);
    const starts = new Int32Array(ranks + 1);
    for (let at = 0; at < count; at++) {
      rank[at] = rankOf(hits[at]!.score);
      starts[rank[at]! + 1]!++;
    }
    for (let at = 0; at < ranks; at++) starts[at + 1] = starts[at + 1]! + starts[at]!;
    const placed = new Array<ScoredHit>(count);
    const next = starts.slice();
    for (let at = 0; at < count; at++) placed[next[rank[at]!]!++] = hits[at]!;
    const newerFirst = (a: ScoredHit, b: ScoredHit) =>
      b.#savedTime - a.#savedTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    for (let at = 0; at < ranks; at++) {
      const start = starts[at]!;
      const end = starts[at + 1]!;
      if (end - start < 2) continue;
      const tied = placed.slice(start, end).sort(newerFirst);
      for (let offset = 0; offset < tied.length; offset++) placed[start + offset] = tied[offset]!;
    }
    for (let at = 0; at < count; at++) hits[at] = placed[at]!;
  }

  get facts(): ItemFacts {
    return this.#facts;
  }

  get terms(): string[] {
    this.#terms ??= termsHeldBy(this.#tables, this.#words, this.#shortId);
    return this.#terms;
  }
}

/** The terms of a part of MiniSearch's tree with how many items hold each, most common first. */
function termsWithCounts(tree: TermTree): { term: string; items: number }[] {
  const found: { term: string; items: number }[] = [];
  for (const [term, fields] of tree) found.push({ term, items: itemsHolding(fields) });
  return found.sort((a, b) => b.items - a.items || (a.term < b.term ? -1 : 1));
}

/** How many items hold a term, counted once per field it is in (an estimate: only the order matters). */
function itemsHolding(fields: ReadonlyMap<number, ReadonlyMap<number, number>> | undefined): number {
  let items = 0;
  for (const postings of fields?.values() ?? []) items += postings.size;
  return items;
}

/**
 * Each item's facts and saved time by MiniSearch's short id, to read a hit's without two map lookups
 * and a date parse. Short ids only grow and an item added again gets a new one, so only the ids given
 * since the last query are looked up; the id of an item removed since keeps its old facts, but the
 * scorer no longer returns it.
 */
class FactsByShortId {
  facts: (ItemFacts | undefined)[] = [];
  savedTimes: number[] = [];

  sync(tables: IndexTables, items: ReadonlyMap<string, ItemFacts>): this {
    if (tables.nextId < this.facts.length) {
      this.facts = [];
      this.savedTimes = [];
    }
    for (let shortId = this.facts.length; shortId < tables.nextId; shortId++) {
      const id = tables.documentIds.get(shortId);
      const facts = id === undefined ? undefined : items.get(id);
      const time = facts ? Date.parse(facts.saved) : NaN;
      this.facts.push(facts);
      this.savedTimes.push(Number.isNaN(time) ? -Infinity : time);
    }
    return this;
  }
}

/** What the index keeps of an item besides its terms, with folded copies for filtering. */
interface ItemFacts {
  id: string;
  kind: LibraryItemKind;
  authors: readonly string[];
  speakers: readonly string[];
  outlet: string | null;
  tags: readonly string[];
  lang: string | null;
  collectionIds: readonly string[];
  sourceKinds: readonly string[];
  published: string | null;
  saved: string;
  pageKey: string | null;
  /** The item as a hit of an empty query, made once: listing 100,000 items allocates nothing. */
  unscored: SearchHit;
  folded: {
    authors: readonly string[];
    speakers: readonly string[];
    outlet: string | null;
    tags: readonly string[];
    lang: string | null;
  };
}

/**
 * The facts of an item. Names, outlets, tags and lists repeat across items (every note on a page carries
 * its article's authors and outlet), so each is held once, through `shared`.
 */
function factsOf(document: LibraryDocument, shared: SharedValues): ItemFacts {
  const nullable = (value: string | null) => (value === null ? null : shared.string(value));
  const lang = primaryLanguage(document.lang);
  return {
    id: document.id,
    kind: document.kind,
    authors: shared.list(document.authors),
    speakers: shared.list(document.speakers),
    outlet: nullable(document.outlet),
    tags: shared.list(document.tags),
    lang: nullable(document.lang),
    collectionIds: shared.list(document.collectionIds),
    sourceKinds: shared.list(document.sourceKinds),
    published: nullable(document.published),
    saved: document.saved,
    pageKey: nullable(document.pageKey),
    unscored: Object.freeze({ id: document.id, kind: document.kind, score: 0, terms: NO_TERMS }),
    folded: {
      authors: shared.list(document.authors.map(foldName)),
      speakers: shared.list(document.speakers.map(foldName)),
      outlet: document.outlet === null ? null : shared.string(foldName(document.outlet)),
      tags: shared.list(document.tags.map(foldName)),
      lang: nullable(lang),
    },
  };
}

/** A name or tag as filters compare it: folded, whitespace collapsed. */
function foldName(name: string): string {
  return foldText(name).replace(/\s+/g, ' ').trim();
}

function primaryLanguage(lang: string | null | undefined): string | null {
  return lang?.trim().toLowerCase().split(/[-_]/)[0] || null;
}

/** The document whose language was worked out last: `fieldTerms` is called once per field. */
let languageOf: { document: LibraryDocument | null; language: StemmerLanguage | null } = {
  document: null,
  language: null,
};

/** The stemmer for a document: its language when it gives one the index stems, else a guess from its text. */
function documentLanguage(document: LibraryDocument): StemmerLanguage | null {
  if (languageOf.document !== document)
    languageOf = {
      document,
      language:
        document.lang === null
          ? guessLanguage(`${document.title}\n${document.text.slice(0, 2_000)}\n${document.note}`)
          : stemmerLanguage(document.lang),
    };
  return languageOf.language;
}

/** The words of one field of a document, as index terms joined by spaces (exported for the benchmark). */
export function fieldTerms(document: LibraryDocument, field: SearchField): string {
  switch (field) {
    case 'names':
      return foldedWordsOf([...document.authors, ...document.speakers].join('\n')).join(' ');
    case 'outlet':
      return document.outlet ? foldedWordsOf(document.outlet).join(' ') : '';
    case 'title':
      return indexTermsOf(document.title, documentLanguage(document)).join(' ');
    case 'tags':
      return indexTermsOf(document.tags.join('\n'), documentLanguage(document)).join(' ');
    case 'note':
      // The reader may write notes in another language than the article's.
      return indexTermsOf(
        document.note,
        guessLanguage(document.note) ?? documentLanguage(document),
        true,
      ).join(' ');
    case 'quotes':
    case 'text':
      return indexTermsOf(document[field], documentLanguage(document), true).join(' ');
  }
}

const MINISEARCH_OPTIONS: Options<LibraryDocument> = {
  idField: 'id',
  fields: SEARCH_FIELDS,
  storeFields: [],
  extractField: (document, field) =>
    field === 'id' ? document.id : fieldTerms(document, field as SearchField),
  // Terms arrive folded and stemmed, from `fieldTerms` when indexing and from `planQuery` when searching.
  tokenize: (text) => (text ? text.split(' ') : []),
  processTerm: (term) => term || null,
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
};

/** Dates as sortable keys: missing ones sort last. */
function byDateThenId(date: (facts: ItemFacts) => string | null) {
  return (a: ItemFacts, b: ItemFacts): number => {
    const first = date(a) ?? '';
    const second = date(b) ?? '';
    if (first !== second) return first < second ? 1 : -1;
    if (a.saved !== b.saved) return a.saved < b.saved ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
const BY_SAVED = byDateThenId((facts) => facts.saved);
const BY_PUBLISHED = byDateThenId((facts) => facts.published);

/** One word of a query as an index looks it up (exported for the benchmark, which runs other engines). */
export interface PlannedWord {
  /** The index terms the word matches as written: its folded form, its stems, its umlaut respellings. */
  terms: string[];
  /** Name words within a typo or two: searched in authors and speakers only. */
  names: string[];
  /** When the word is the last and still being typed: the beginnings of index terms to look for. */
  prefixes: string[];
  /** And the word's own beginnings looked up as stems: "declarati" is on its way to "declar". */
  stems: string[];
}

/**
 * What a query looks for, word by word; every word must match. A word matches through its folded form,
 * its stem in any of the three languages, its respelling with or without umlauts, a name within one or
 * two typos (`namesLike`), and, for the last word while it is being typed, any term it begins or that
 * begins it (the index holds stems: "declarati" is on its way to "déclaration", indexed as "declar").
 * Function words are left out unless the query has nothing else. Empty when there is nothing to search.
 */
export function planQuery(query: string, namesLike: (folded: string) => string[]): PlannedWord[] {
  const words = wordsOf(query.slice(0, 1_000))
    .filter(isIndexableWord)
    .slice(0, MAX_QUERY_WORDS)
    .map((word) => queryWord(word));
  const typing = !/[\s\p{P}]$/u.test(query);
  const last = words[words.length - 1];
  const content = words.filter((word) => !isQueryStopword(word.folded));
  return (content.length ? content : words).map((word) => {
    const prefixed = typing && word === last && word.folded.length >= MIN_PREFIX_LENGTH;
    const terms = [...new Set([...word.exact, ...word.respelled])];
    const stems: string[] = [];
    if (prefixed)
      for (
        let length = Math.max(MIN_STEM_LENGTH, word.folded.length - 3);
        length < word.folded.length;
        length++
      )
        if (!terms.includes(word.folded.slice(0, length))) stems.push(word.folded.slice(0, length));
    return {
      terms,
      names: namesLike(word.folded),
      prefixes: prefixed ? [...new Set([word.folded, ...word.respellings])] : [],
      stems,
    };
  });
}

/** Serialized index, as `toJSON` writes it. */
interface SerializedIndex {
  format: typeof SERIALIZED_FORMAT;
  index: AsPlainObject;
  items: ItemFacts[];
}
const SERIALIZED_FORMAT = 'scrutiny-library-index/1';

export class LibraryIndex {
  private miniSearch = new MiniSearch<LibraryDocument>(MINISEARCH_OPTIONS);
  private reader = new IndexReader(this.miniSearch);
  private readonly items = new Map<string, ItemFacts>();
  /** Names, tags and lists the items' facts share (see `factsOf`). */
  private readonly shared = new SharedValues();
  private byShortId = new FactsByShortId();
  /** Words of authors' and speakers' names, with how many items carry each: what fuzzy matching searches. */
  private readonly nameWords = new SearchableMap<number>();
  /** Items in date order, computed on demand and dropped on any change. */
  private ordered: Partial<Record<'saved' | 'published', ItemFacts[]>> = {};
  private facetCache: LibraryFacets | null = null;
  /** The terms each three letters begin, most common first (see `termsBeginning`). */
  private readonly completionBuckets = new Map<string, { term: string; items: number }[]>();

  private constructor() {}

  static build(documents: Iterable<LibraryDocument>): LibraryIndex {
    const index = new LibraryIndex();
    // A later document with the same id replaces an earlier one, as `upsert` would.
    const byId = new Map<string, LibraryDocument>();
    for (const document of documents) byId.set(document.id, document);
    for (const document of byId.values()) index.remember(document);
    index.miniSearch.addAll([...byId.values()]);
    return index;
  }

  /** Add an item, or replace the one with the same id. */
  upsert(document: LibraryDocument): void {
    this.remove(document.id);
    this.remember(document);
    this.miniSearch.add(document);
  }

  remove(id: string): void {
    const facts = this.items.get(id);
    if (!facts) return;
    this.items.delete(id);
    this.countNames(facts, -1);
    // discard needs only the id (remove would need the whole text again); the terms are swept later.
    this.miniSearch.discard(id);
    this.changed();
  }

  get size(): number {
    return this.items.size;
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  private remember(document: LibraryDocument): void {
    const facts = factsOf(document, this.shared);
    this.items.set(document.id, facts);
    this.countNames(facts, 1);
    this.changed();
  }

  private countNames(facts: ItemFacts, delta: 1 | -1): void {
    for (const word of foldedWordsOf([...facts.authors, ...facts.speakers].join('\n'))) {
      const count = (this.nameWords.get(word) ?? 0) + delta;
      if (count > 0) this.nameWords.set(word, count);
      else this.nameWords.delete(word);
    }
  }

  private changed(): void {
    this.ordered = {};
    this.facetCache = null;
    this.completionBuckets.clear();
  }

  /**
   * The terms a prefix begins, most common first; the terms past the prefix's first three letters are
   * only filtered from those of the three. Reading a three-letter prefix's thousands of terms out of
   * MiniSearch's tree takes milliseconds, and a reader typing a word goes through its third, fourth and
   * fifth letters in turn, so each three letters' terms are kept until the index changes.
   */
  private termsBeginning(prefix: string, terms: TermTree): readonly { term: string; items: number }[] {
    const key = prefix.slice(0, MIN_PREFIX_LENGTH);
    let bucket = this.completionBuckets.get(key);
    if (bucket) this.completionBuckets.delete(key);
    // A longer beginning not typed letter by letter (a pasted word) is read on its own: its terms are few.
    else if (prefix.length > key.length) return termsWithCounts(terms.atPrefix(prefix));
    else bucket = termsWithCounts(terms.atPrefix(key));
    // The most recently used last: the oldest goes first when there are too many.
    this.completionBuckets.set(key, bucket);
    if (this.completionBuckets.size > COMPLETION_BUCKETS)
      this.completionBuckets.delete(this.completionBuckets.keys().next().value!);
    return bucket;
  }

  /**
   * Items matching the query and the filters, best first (or newest first for the date sorts). An empty
   * query lists every item that passes the filters, newest first for `relevance` and `saved`.
   */
  search(
    query: string,
    filters: LibraryFilters = {},
    sort: LibrarySort = 'relevance',
    limit = Infinity,
  ): SearchHit[] {
    const passes = filterOf(filters);
    const plan = planQuery(query, (folded) => this.namesLike(folded));
    if (!plan.length) {
      const hits: SearchHit[] = [];
      for (const facts of this.inOrder(sort === 'published' ? 'published' : 'saved')) {
        if (hits.length >= limit) break;
        if (passes(facts)) hits.push(facts.unscored);
      }
      return hits;
    }
    const tables = this.reader.tables();
    const words = plan.map((word) => this.wordQuery(word, tables.terms));
    const { shortIds, scores } = scoreWords(tables, words);
    const byShortId = this.byShortId.sync(tables, this.items);
    const matches: ScoredHit[] = [];
    for (let at = 0; at < shortIds.length; at++) {
      const shortId = shortIds[at]!;
      const facts = byShortId.facts[shortId];
      if (facts && passes(facts))
        matches.push(
          new ScoredHit(facts, scores[at]!, shortId, byShortId.savedTimes[shortId]!, tables, words),
        );
    }
    const order = sort === 'published' ? BY_PUBLISHED : sort === 'saved' ? BY_SAVED : null;
    if (order) matches.sort((a, b) => order(a.facts, b.facts));
    else ScoredHit.sortByRelevance(matches);
    if (matches.length > limit) matches.length = limit;
    return matches;
  }

  /**
   * One word of a query as the scorer reads it, with about how many items it matches: any of its terms,
   * a name within a typo or two, and the most common terms its prefix begins (see MAX_COMPLETIONS).
   */
  private wordQuery(word: PlannedWord, terms: TermTree): ScoredWord {
    const weighted: WeightedTerm[] = [];
    let items = 0;
    const exact = new Set([...word.terms, ...word.stems]);
    for (const term of exact) {
      weighted.push({ term, fields: ALL_FIELDS, boost: 1 });
      items += itemsHolding(terms.get(term));
    }
    for (const name of word.names) {
      weighted.push({ term: name, fields: FUZZY_NAME_FIELDS, boost: 1 });
      items += itemsHolding(terms.get(name));
    }
    const completions: { term: string; items: number; prefix: string }[] = [];
    for (const prefix of word.prefixes) {
      // Most common first: the first MAX_COMPLETIONS not searched already are kept below.
      let taken = 0;
      for (const completion of this.termsBeginning(prefix, terms)) {
        if (taken >= MAX_COMPLETIONS) break;
        if (exact.has(completion.term) || !completion.term.startsWith(prefix)) continue;
        completions.push({ ...completion, prefix });
        taken++;
      }
    }
    completions.sort((a, b) => b.items - a.items || (a.term < b.term ? -1 : 1));
    const kept = new Map<string, { items: number; prefix: string }>();
    for (const completion of completions) {
      if (kept.size >= MAX_COMPLETIONS) break;
      if (!kept.has(completion.term)) kept.set(completion.term, completion);
    }
    for (const [term, { items: count, prefix }] of kept) {
      const letters = term.length - prefix.length;
      weighted.push({
        term,
        fields: ALL_FIELDS,
        boost: (COMPLETION_WEIGHT * term.length) / (term.length + 0.3 * letters),
      });
      items += count;
    }
    return { terms: weighted, items };
  }

  /** Name words within one typo of a word of 4 to 7 letters, two of a longer one; not the word itself. */
  private namesLike(folded: string): string[] {
    if (folded.length < 4 || /^\d+$/.test(folded)) return [];
    const distance = folded.length < 8 ? 1 : 2;
    const found: string[] = [];
    for (const [name] of this.nameWords.fuzzyGet(folded, distance)) if (name !== folded) found.push(name);
    return found;
  }

  private inOrder(sort: 'saved' | 'published'): ItemFacts[] {
    const cached = this.ordered[sort];
    if (cached) return cached;
    const ordered = [...this.items.values()].sort(sort === 'saved' ? BY_SAVED : BY_PUBLISHED);
    this.ordered[sort] = ordered;
    return ordered;
  }

  /** Distinct values for the filter menus, sorted; names spelt two ways are listed once. */
  facets(): LibraryFacets {
    if (this.facetCache) return this.facetCache;
    const outlets = new Distinct();
    const authors = new Distinct();
    const speakers = new Distinct();
    const tags = new Distinct();
    const langs = new Distinct();
    const sourceKinds = new Distinct();
    for (const facts of this.items.values()) {
      if (facts.outlet) outlets.add(facts.outlet);
      for (const author of facts.authors) authors.add(author);
      for (const speaker of facts.speakers) speakers.add(speaker);
      for (const tag of facts.tags) tags.add(tag);
      if (facts.folded.lang) langs.add(facts.folded.lang);
      for (const kind of facts.sourceKinds) sourceKinds.add(kind);
    }
    this.facetCache = {
      outlets: outlets.sorted(),
      authors: authors.sorted(),
      speakers: speakers.sorted(),
      tags: tags.sorted(),
      langs: langs.sorted(),
      sourceKinds: sourceKinds.sorted(),
    };
    return this.facetCache;
  }

  /** The whole index as plain data, to keep it between sessions instead of building it again. */
  toJSON(): unknown {
    const serialized: SerializedIndex = {
      format: SERIALIZED_FORMAT,
      index: this.miniSearch.toJSON(),
      items: [...this.items.values()],
    };
    return serialized;
  }

  /** An index from `toJSON`'s output; throws when the data is not one. */
  static fromJSON(json: unknown): LibraryIndex {
    if (!isSerializedIndex(json)) throw new Error('Not a saved library index, or one of another format.');
    const index = new LibraryIndex();
    index.miniSearch = MiniSearch.loadJS(json.index, MINISEARCH_OPTIONS);
    index.reader = new IndexReader(index.miniSearch);
    index.byShortId = new FactsByShortId();
    for (const facts of json.items) {
      index.items.set(facts.id, facts);
      index.countNames(facts, 1);
    }
    return index;
  }
}

function isSerializedIndex(json: unknown): json is SerializedIndex {
  if (typeof json !== 'object' || json === null) return false;
  const candidate = json as Partial<SerializedIndex>;
  return (
    candidate.format === SERIALIZED_FORMAT &&
    typeof candidate.index === 'object' &&
    candidate.index !== null &&
    Array.isArray(candidate.items)
  );
}

/** Distinct display values, one per folded spelling (the first seen), sorted as a reader expects. */
class Distinct {
  private readonly values = new Map<string, string>();
  add(value: string): void {
    const key = foldName(value);
    if (key && !this.values.has(key)) this.values.set(key, value.trim());
  }
  sorted(): string[] {
    return [...this.values.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  }
}

/** The filters as one test on an item's facts; text filters compare folded values. */
function filterOf(filters: LibraryFilters): (facts: ItemFacts) => boolean {
  const tests: ((facts: ItemFacts) => boolean)[] = [];
  if (filters.kinds?.length) {
    const kinds = new Set(filters.kinds);
    tests.push((facts) => kinds.has(facts.kind));
  }
  const { collectionId, sourceKind } = filters;
  if (collectionId) tests.push((facts) => facts.collectionIds.includes(collectionId));
  if (sourceKind) tests.push((facts) => facts.sourceKinds.includes(sourceKind));
  const tag = filters.tag ? foldName(filters.tag) : '';
  if (tag) tests.push((facts) => facts.folded.tags.includes(tag));
  const outlet = filters.outlet ? foldName(filters.outlet) : '';
  if (outlet) tests.push((facts) => facts.folded.outlet === outlet);
  const author = filters.author ? foldName(filters.author) : '';
  if (author) tests.push((facts) => facts.folded.authors.includes(author));
  const speaker = filters.speaker ? foldName(filters.speaker) : '';
  if (speaker) tests.push((facts) => facts.folded.speakers.includes(speaker));
  const lang = primaryLanguage(filters.lang);
  if (lang) tests.push((facts) => facts.folded.lang === lang);
  if (filters.from || filters.to) {
    const field = filters.dateField ?? 'saved';
    const from = filters.from?.slice(0, 10) ?? '';
    const to = filters.to?.slice(0, 10) ?? '';
    tests.push((facts) => {
      const day = facts[field]?.slice(0, 10);
      if (!day) return false;
      return (!from || day >= from) && (!to || day <= to);
    });
  }
  return (facts) => tests.every((test) => test(facts));
}

/** The first page address of an item: its saved article's when it has one, so they group together. */
function firstKey(keys: readonly string[]): string | null {
  return keys[0] ?? null;
}

function uniqueNames(names: Iterable<string | null | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name ? foldName(name) : '';
    if (key && !seen.has(key)) seen.set(key, name!.trim());
  }
  return [...seen.values()];
}

/** A saved article as an item: its newest snapshot's text, headline, quotes and speakers. */
export function articleDocument(article: SavedArticle, snapshot: ArticleSnapshot | null): LibraryDocument {
  const quotes = snapshot?.analysis?.quotes ?? [];
  return {
    id: article.id,
    kind: 'article',
    title: article.title,
    text: snapshot?.text ?? article.excerpt,
    quotes: quotes.map((quote) => quote.text).join('\n'),
    speakers: uniqueNames([...article.speakers, ...quotes.map((quote) => quote.speaker)]),
    authors: [...article.authors],
    outlet: article.outlet,
    note: '',
    tags: [...article.tags],
    lang: article.lang,
    collectionIds: [...article.collectionIds],
    sourceKinds: [...article.sourceKinds],
    published: article.published,
    saved: article.updatedAt,
    pageKey: firstKey(article.pageKeys),
  };
}

/** A clipping as an item: its passage and note, and what its citation says. */
export function clippingDocument(clipping: Clipping): LibraryDocument {
  return {
    id: clipping.id,
    kind: 'clipping',
    title: clipping.citation.title,
    text: clipping.text,
    quotes: '',
    speakers: [],
    authors: [...clipping.citation.authors],
    outlet: clipping.citation.outlet,
    note: clipping.note,
    tags: [...clipping.tags],
    lang: clipping.citation.lang,
    collectionIds: [clipping.collectionId],
    sourceKinds: [],
    published: clipping.citation.published,
    saved: clipping.created,
    pageKey: firstKey(clipping.pageKeys),
  };
}

/**
 * A highlight or page note as an item. With the saved article of its page, it also carries the article's
 * authors, outlet, language and dates, so filtering by outlet or author finds the reader's notes too.
 */
export function annotationDocument(
  annotation: Annotation,
  articleForPage?: SavedArticle | null,
): LibraryDocument {
  const article = articleForPage ?? null;
  return {
    id: annotation.id,
    kind: annotation.kind === 'highlight' ? 'highlight' : 'note',
    title: annotation.target.title || article?.title || '',
    text: quoteOf(annotation)?.exact ?? '',
    quotes: '',
    speakers: [],
    authors: article ? [...article.authors] : [],
    outlet: article?.outlet ?? null,
    note: annotation.body.note,
    tags: [...annotation.body.tags],
    lang: article?.lang ?? null,
    collectionIds: [],
    sourceKinds: [],
    published: article?.published ?? null,
    saved: annotation.created,
    pageKey: firstKey(article?.pageKeys ?? annotation.pageKeys),
  };
}

/**
 * The text in runs, the words a search matched marked: a word is marked when its folded form, or its stem
 * in English, German or French, is one of `terms` (a SearchHit's terms, or words folded by the caller).
 * Plain strings in, plain strings out: nothing in the text is interpreted, whatever it holds.
 */
export function markMatches(text: string, terms: readonly string[]): { text: string; match: boolean }[] {
  const runs: { text: string; match: boolean }[] = [];
  if (!text) return runs;
  const matches = termMatcher(terms);
  let plainFrom = 0;
  for (const found of text.matchAll(WORD_PATTERN)) {
    if (!matches(found[0])) continue;
    const start = found.index;
    if (start > plainFrom) runs.push({ text: text.slice(plainFrom, start), match: false });
    runs.push({ text: found[0], match: true });
    plainFrom = start + found[0].length;
  }
  if (plainFrom < text.length) runs.push({ text: text.slice(plainFrom), match: false });
  return runs;
}

/**
 * About `length` characters of the text around its first matched word, cut at word boundaries, with "…"
 * where text was left out; the text's beginning when nothing matches.
 */
export function snippet(text: string, terms: readonly string[], length = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const matches = termMatcher(terms);
  let at = -1;
  if (terms.length) {
    for (const found of flat.matchAll(WORD_PATTERN)) {
      if (matches(found[0])) {
        at = found.index;
        break;
      }
    }
  }
  // The match a third of the way in, so the words leading up to it show.
  let start = at < 0 ? 0 : Math.max(0, Math.min(at - Math.floor(length / 3), flat.length - length));
  let end = Math.min(flat.length, start + length);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < (at < 0 ? end : at)) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start && space > at) end = space;
  }
  return (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
}
