/**
 * Scores a planned library query on MiniSearch's index: every word must match, each word through any of its
 * terms, with MiniSearch's BM25 and its rule that an item matching more of the query's terms counts more
 * (the score is multiplied by how many distinct terms it matched).
 *
 * Why not MiniSearch's own `search`: it builds a result object with arrays of matched terms and fields
 * for every posting it reads, and merges them map by map for each term of a word; a three-letter prefix
 * or a common first name in a library of 100,000 items matches 20,000 to 30,000 of them, and that took
 * 200 to 400 ms (docs/benchmarks.md, "Library"). Here the postings are read once into typed arrays indexed
 * by MiniSearch's own short ids, words rarest first, so a later word only looks at items every earlier
 * word matched. The scores are MiniSearch's (tests/unit/library/scoring.test.ts compares the two on
 * generated libraries); which terms an item matched is worked out only for the hits that are shown.
 *
 * MiniSearch keeps these tables private: `IndexReader` checks that they are where this module reads them,
 * and throws, failing the tests, if a new version keeps them elsewhere.
 */
import type SearchableMap from 'minisearch/SearchableMap';

/** Postings: per term, per field id, the items holding it (MiniSearch's short ids) and how often. */
export type TermTree = SearchableMap<Map<number, Map<number, number>>>;

/** What of MiniSearch's index the scorer reads. */
export interface IndexTables {
  terms: TermTree;
  /** Short id → the item's id; an item discarded since indexing is no longer here. */
  documentIds: Map<number, string>;
  fieldIds: Record<string, number>;
  /** The item's length in terms of each field: at `shortId * fieldCount + fieldId`. */
  fieldLengths: Uint32Array;
  fieldCount: number;
  averageFieldLength: number[];
  documentCount: number;
  /** One more than the largest short id given so far. */
  nextId: number;
  /** Items discarded whose postings have not been swept yet. */
  dirtCount: number;
}

interface MiniSearchPrivate {
  _index?: Partial<TermTree>;
  _documentIds?: unknown;
  _fieldIds?: unknown;
  _fieldLength?: unknown;
  _avgFieldLength?: unknown;
  _documentCount?: unknown;
  _nextId?: unknown;
  _dirtCount?: unknown;
}

/**
 * Reads a MiniSearch index for the scorer. The items' field lengths, which MiniSearch keeps in a map of
 * arrays, are copied into one flat array as items are added: looking them up in the map cost a cache miss
 * for every posting read, most of a large query's time.
 */
export class IndexReader {
  private lengths = new Uint32Array(0);
  /** Short ids below this have their field lengths copied. */
  private covered = 0;

  constructor(private readonly miniSearch: object) {}

  /** The index as it is now. */
  tables(): IndexTables {
    const inside = this.miniSearch as MiniSearchPrivate;
    const terms = inside._index;
    if (
      typeof terms?.atPrefix !== 'function' ||
      typeof terms.get !== 'function' ||
      !(inside._documentIds instanceof Map) ||
      !(inside._fieldLength instanceof Map) ||
      typeof inside._fieldIds !== 'object' ||
      inside._fieldIds === null ||
      !Array.isArray(inside._avgFieldLength) ||
      typeof inside._documentCount !== 'number' ||
      typeof inside._nextId !== 'number' ||
      typeof inside._dirtCount !== 'number'
    )
      throw new Error(
        'MiniSearch keeps its index elsewhere than this module reads it: see lib/library/scoring.',
      );
    const fieldIds = inside._fieldIds as Record<string, number>;
    const fieldCount = Object.keys(fieldIds).length;
    const nextId = inside._nextId;
    // Short ids only grow (an item added again gets a new one), so what was copied stays right.
    if (nextId < this.covered) this.covered = 0;
    if (nextId > this.covered) {
      if (this.lengths.length < nextId * fieldCount) {
        const grown = new Uint32Array(Math.ceil(nextId * 1.25 + 64) * fieldCount);
        grown.set(this.lengths.subarray(0, this.covered * fieldCount));
        this.lengths = grown;
      }
      const fieldLength = inside._fieldLength as Map<number, number[]>;
      for (let shortId = this.covered; shortId < nextId; shortId++) {
        const lengths = fieldLength.get(shortId);
        for (let fieldId = 0; fieldId < fieldCount; fieldId++)
          this.lengths[shortId * fieldCount + fieldId] = lengths?.[fieldId] ?? 0;
      }
      this.covered = nextId;
    }
    return {
      terms: terms as TermTree,
      documentIds: inside._documentIds as Map<number, string>,
      fieldIds,
      fieldLengths: this.lengths,
      fieldCount,
      averageFieldLength: inside._avgFieldLength as number[],
      documentCount: inside._documentCount,
      nextId,
      dirtCount: inside._dirtCount,
    };
  }
}

/** A field a term is looked up in, and how much a match there counts. */
export interface FieldWeight {
  field: string;
  boost: number;
}

/** One index term a query word matches through, where, and how much it counts. */
export interface WeightedTerm {
  term: string;
  fields: readonly FieldWeight[];
  /** MiniSearch's term boost: 1 for the word itself, less for a completion of a prefix. */
  boost: number;
}

/** A word of the query: it matches an item when any of its terms does. */
export interface ScoredWord {
  terms: readonly WeightedTerm[];
  /** About how many items hold its terms: the rarest word is read first. */
  items: number;
}

/** MiniSearch's BM25 parameters (its defaults, which the library does not change). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** The items matching every word, with their scores: `shortIds[i]` scored `scores[i]`. */
export interface ScoredItems {
  shortIds: Int32Array;
  scores: Float64Array;
}

/**
 * Per-item tallies, kept from one query to the next and cleared before each: allocating them, and an
 * entry array per posting, is what made large queries slow (each young-generation collection copies what
 * is alive, and in a worker holding a 500 MB index each took tens of milliseconds).
 */
class Tallies {
  total: Float64Array;
  /** How many words, in the order they are read, an item has matched so far. */
  matchedWords: Uint8Array;
  /** How many distinct terms an item matched. */
  distinctTerms: Uint16Array;
  /** The last term (its number + 1) counted for an item in `distinctTerms`. */
  lastTerm: Int32Array;
  /** Items that matched every word. */
  matched: Int32Array;

  constructor(readonly size: number) {
    this.total = new Float64Array(size);
    this.matchedWords = new Uint8Array(size);
    this.distinctTerms = new Uint16Array(size);
    this.lastTerm = new Int32Array(size);
    this.matched = new Int32Array(size);
  }

  clear(): void {
    this.total.fill(0);
    this.matchedWords.fill(0);
    this.distinctTerms.fill(0);
    this.lastTerm.fill(0);
  }
}
let tallies: Tallies | null = null;

function talliesFor(size: number): Tallies {
  // Grown with room to spare, so a library that gains an item does not allocate anew on every query.
  if (!tallies || tallies.size < size) tallies = new Tallies(Math.ceil(size * 1.25) + 64);
  else tallies.clear();
  return tallies;
}

/**
 * The items every word matches, scored as MiniSearch scores the query
 * `{ combineWith: 'AND', queries: words.map(word => OR of its terms) }`: per term and field,
 * term boost × field boost × BM25 (the term's rarity among live items, its frequency in the item, the
 * item's field length against the average), summed, times the number of distinct terms the item matched.
 */
export function scoreWords(tables: IndexTables, words: readonly ScoredWord[]): ScoredItems {
  if (!words.length) return { shortIds: new Int32Array(0), scores: new Float64Array(0) };
  const { total, matchedWords, distinctTerms, lastTerm, matched } = talliesFor(tables.nextId);
  let matchedCount = 0;
  const order = words.map((_, at) => at).sort((a, b) => words[a]!.items - words[b]!.items);
  // A term that appears in more than one word (or twice in one) is counted once per item, as in MiniSearch.
  const termNumbers = new Map<string, number>();
  const repeated = new Map<string, Set<number>>();
  for (const word of words)
    for (const { term } of word.terms) {
      if (termNumbers.has(term)) repeated.set(term, new Set());
      else termNumbers.set(term, termNumbers.size + 1);
    }
  const dirty = tables.dirtCount > 0;
  const { documentIds, fieldLengths, fieldCount, averageFieldLength, documentCount } = tables;
  for (let step = 0; step < order.length; step++) {
    const last = step === order.length - 1;
    const word = words[order[step]!]!;
    for (const { term, fields, boost } of word.terms) {
      const postingsByField = tables.terms.get(term);
      if (!postingsByField) continue;
      const number = termNumbers.get(term)!;
      const seen = repeated.get(term);
      for (const { field, boost: fieldBoost } of fields) {
        const fieldId = tables.fieldIds[field];
        if (fieldId === undefined) continue;
        const postings = postingsByField.get(fieldId);
        if (!postings) continue;
        let holding = postings.size;
        if (dirty)
          postings.forEach((_, shortId) => {
            if (!documentIds.has(shortId)) holding--;
          });
        const rarity = Math.log(1 + (documentCount - holding + 0.5) / (holding + 0.5));
        const average = averageFieldLength[fieldId]!;
        const weight = boost * fieldBoost;
        // forEach, not for…of: no entry array per posting.
        postings.forEach((frequency, shortId) => {
          const before = matchedWords[shortId]!;
          // Only items every earlier word matched can match the query.
          if (before < step) return;
          if (dirty && !documentIds.has(shortId)) return;
          const length = fieldLengths[shortId * fieldCount + fieldId]!;
          const saturation =
            (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / average));
          total[shortId] = total[shortId]! + weight * rarity * (BM25.d + saturation);
          if (before === step) {
            matchedWords[shortId] = step + 1;
            if (last) matched[matchedCount++] = shortId;
          }
          if (lastTerm[shortId] !== number) {
            lastTerm[shortId] = number;
            if (!seen) distinctTerms[shortId]!++;
            else if (!seen.has(shortId)) {
              seen.add(shortId);
              distinctTerms[shortId]!++;
            }
          }
        });
      }
    }
  }
  const shortIds = matched.slice(0, matchedCount);
  const scores = new Float64Array(matchedCount);
  for (let at = 0; at < matchedCount; at++)
    scores[at] = total[shortIds[at]!]! * distinctTerms[shortIds[at]!]!;
  return { shortIds, scores };
}

/** The terms of a query an item holds, in the query's order: what its hit marks in the item's text. */
export function termsHeldBy(tables: IndexTables, words: readonly ScoredWord[], shortId: number): string[] {
  const held: string[] = [];
  for (const word of words)
    for (const { term, fields } of word.terms) {
      if (held.includes(term)) continue;
      const postingsByField = tables.terms.get(term);
      if (!postingsByField) continue;
      for (const { field } of fields) {
        const fieldId = tables.fieldIds[field];
        if (fieldId !== undefined && postingsByField.get(fieldId)?.has(shortId)) {
          held.push(term);
          break;
        }
      }
    }
  return held;
}
