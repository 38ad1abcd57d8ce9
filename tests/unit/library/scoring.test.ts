/**
 * The library's scorer against MiniSearch's own search: the same items, the same scores, the same matched
 * terms, on generated indexes and queries.
 */
import fc from 'fast-check';
import MiniSearch, { type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { IndexReader, scoreWords, termsHeldBy, type ScoredWord } from '../../../lib/library/scoring';

const FIELDS = ['title', 'names', 'text'] as const;
const VOCABULARY = [
  'bridge',
  'harbor',
  'council',
  'vote',
  'ana',
  'ruiz',
  'repair',
  'ferry',
  'tunnel',
  'mayor',
];

interface Doc {
  id: string;
  title: string;
  names: string;
  text: string;
}

function miniSearchOf(docs: readonly Doc[]): MiniSearch<Doc> {
  const miniSearch = new MiniSearch<Doc>({
    fields: [...FIELDS],
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term || null,
    searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
  });
  miniSearch.addAll(docs);
  return miniSearch;
}

/** The query MiniSearch would run for these words: every word, each through any of its terms. */
function miniSearchQuery(words: readonly ScoredWord[]): Query {
  return {
    combineWith: 'AND',
    queries: words.map((word) => ({
      combineWith: 'OR',
      queries: word.terms.map((term) => ({
        queries: [term.term],
        fields: term.fields.map((field) => field.field),
        boost: Object.fromEntries(term.fields.map((field) => [field.field, field.boost])),
        boostTerm: () => term.boost,
      })),
    })),
  };
}

const fieldText = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 8 }).map((words) => words.join(' '));
const docs = fc
  .array(fc.record({ title: fieldText, names: fieldText, text: fieldText }), { minLength: 1, maxLength: 30 })
  .map((records) => records.map((record, at): Doc => ({ id: `d${at}`, ...record })));
const field = fc.record({
  field: fc.constantFrom(...FIELDS),
  boost: fc.constantFrom(0.5, 1, 1.5, 3),
});
const words = fc.array(
  fc.record({
    terms: fc.array(
      fc.record({
        term: fc.constantFrom(...VOCABULARY, 'absent'),
        fields: fc.uniqueArray(field, { minLength: 1, maxLength: 3, selector: (weight) => weight.field }),
        boost: fc.constantFrom(1, 0.375, 0.2),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    items: fc.nat(50),
  }),
  { minLength: 1, maxLength: 3 },
);

function scored(miniSearch: MiniSearch<Doc>, query: readonly ScoredWord[]) {
  const tables = new IndexReader(miniSearch).tables();
  const { shortIds, scores } = scoreWords(tables, query);
  return [...shortIds]
    .map((shortId, at) => ({
      id: tables.documentIds.get(shortId)!,
      score: scores[at]!,
      terms: termsHeldBy(tables, query, shortId),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function expected(miniSearch: MiniSearch<Doc>, query: readonly ScoredWord[]) {
  return miniSearch
    .search(miniSearchQuery(query))
    .map((result) => ({ id: result.id as string, score: result.score, terms: result.terms }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function expectSame(actual: ReturnType<typeof scored>, wanted: ReturnType<typeof expected>): void {
  expect(actual.map((hit) => hit.id)).toEqual(wanted.map((hit) => hit.id));
  actual.forEach((hit, at) => {
    expect(hit.score).toBeCloseTo(wanted[at]!.score, 9);
    expect([...hit.terms].sort()).toEqual([...wanted[at]!.terms].sort());
  });
}

describe('scoreWords', () => {
  it('finds and scores the items MiniSearch finds, with the terms it reports', () => {
    fc.assert(
      fc.property(docs, words, (library, query) => {
        const miniSearch = miniSearchOf(library);
        expectSame(scored(miniSearch, query), expected(miniSearch, query));
      }),
      { numRuns: 300 },
    );
  });

  it('reads words in any order: the rarest first gives the same answer', () => {
    fc.assert(
      fc.property(docs, words, (library, query) => {
        const miniSearch = miniSearchOf(library);
        const reversed = query.map((word, at) => ({ ...word, items: query.length - at }));
        expectSame(scored(miniSearch, reversed), expected(miniSearch, query));
      }),
      { numRuns: 100 },
    );
  });

  it('leaves out items discarded since indexing, and items added since are scored', () => {
    fc.assert(
      fc.property(docs, words, fc.nat(), (library, query, seed) => {
        const miniSearch = miniSearchOf(library);
        const reader = new IndexReader(miniSearch);
        reader.tables();
        const gone = library[seed % library.length]!;
        miniSearch.discard(gone.id);
        miniSearch.add({ ...gone, id: `${gone.id}-again` });
        const tables = reader.tables();
        const { shortIds } = scoreWords(tables, query);
        const found = [...shortIds].map((shortId) => tables.documentIds.get(shortId)).sort();
        const wanted = miniSearch
          .search(miniSearchQuery(query))
          .map((result) => result.id as string)
          .sort();
        expect(found).toEqual(wanted);
        expect(found).not.toContain(gone.id);
      }),
      { numRuns: 100 },
    );
  });

  it('counts a term once per item when two words share it', () => {
    const miniSearch = miniSearchOf([{ id: 'a', title: 'bridge vote', names: '', text: 'bridge' }]);
    const all = FIELDS.map((name) => ({ field: name, boost: 1 }));
    const query: ScoredWord[] = [
      { terms: [{ term: 'bridge', fields: all, boost: 1 }], items: 1 },
      {
        terms: [
          { term: 'vote', fields: all, boost: 1 },
          { term: 'bridge', fields: all, boost: 1 },
        ],
        items: 2,
      },
    ];
    expectSame(scored(miniSearch, query), expected(miniSearch, query));
  });
});
