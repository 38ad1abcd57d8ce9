/** Full-text search over the library: folding, stems, prefixes, fuzzy names, filters, order, marks. */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/annotations/types';
import {
  annotationDocument,
  articleDocument,
  clippingDocument,
  LibraryIndex,
  markMatches,
  snippet,
  type LibraryDocument,
  type LibraryFilters,
} from '../../../lib/library/search';
import { foldText, guessLanguage, queryWord, stemOf } from '../../../lib/library/text-folding';
import type { ArticleSnapshot, Clipping, SavedArticle } from '../../../lib/library/types';

function item(id: string, change: Partial<LibraryDocument> = {}): LibraryDocument {
  return {
    id,
    kind: 'article',
    title: '',
    text: '',
    quotes: '',
    speakers: [],
    authors: [],
    outlet: null,
    note: '',
    tags: [],
    lang: 'en',
    collectionIds: [],
    sourceKinds: [],
    published: null,
    saved: '2026-01-01T10:00:00.000Z',
    pageKey: null,
    ...change,
  };
}

const LIBRARY: LibraryDocument[] = [
  item('bridge', {
    title: 'Harbor bridge closes for repairs',
    text: 'The council voted to close the bridge. The elections in May were declared void.',
    quotes: 'We cannot keep people on a bridge we would not walk on ourselves.',
    speakers: ['Ana Ruiz'],
    authors: ['Jane Doe'],
    outlet: 'Harbor Daily',
    tags: ['Transport'],
    sourceKinds: ['official'],
    collectionIds: ['roads'],
    lang: 'en-GB',
    published: '2026-03-03T16:12:00Z',
    saved: '2026-03-05T09:00:00.000Z',
  }),
  item('taliban', {
    title: 'Taliban leader extends an offer',
    text: 'The message was read out by a spokesman during the war.',
    speakers: ['Hibatullah Akhundzada'],
    authors: ['Jack Davis'],
    outlet: 'The Western Journal',
    sourceKinds: ['anonymous'],
    published: '2021-07-17',
    saved: '2026-03-04T09:00:00.000Z',
  }),
  item('gastro', {
    lang: 'de',
    title: 'Gastronomie in der Zwangspause',
    text: 'Die Zwangspausen treffen die Gastronomie hart, sagte Eliane Müller über die Lage an der Straße in Zürich.',
    speakers: ['Eliane Müller'],
    outlet: 'Hamburger Abendblatt',
    tags: ['Gastronomie'],
    published: '2020-04-01',
    saved: '2026-03-03T09:00:00.000Z',
  }),
  item('elysee', {
    lang: 'fr',
    title: "L'Élysée a déclaré la fin de la grève",
    text: 'Le président a déclaré que les déclarations du ministre étaient prématurées.',
    speakers: ['Emmanuel Macron'],
    outlet: 'Le Monde',
    published: '2024-01-10T08:00:00+01:00',
    saved: '2026-03-02T09:00:00.000Z',
  }),
  item('clip', {
    kind: 'clipping',
    title: 'Harbor bridge closes for repairs',
    text: 'Ferries will run every twenty minutes while the bridge is closed.',
    note: 'Compare with the ferry timetable',
    tags: ['transport', 'ferries'],
    collectionIds: ['roads'],
    outlet: 'Harbor Daily',
    authors: ['Jane Doe'],
    published: '2026-03-03T16:12:00Z',
    saved: '2026-03-06T09:00:00.000Z',
  }),
  item('note', {
    kind: 'note',
    lang: null,
    title: 'Budget talks',
    note: 'Mueller says the budget is short of money for schools.',
    saved: '2026-03-01T09:00:00.000Z',
  }),
];

const ids = (index: LibraryIndex, query: string, filters?: LibraryFilters) =>
  index.search(query, filters).map((hit) => hit.id);

describe('text folding', () => {
  it('folds case and diacritics, and spells out letters that do not decompose', () => {
    expect(foldText('Élysée ÇA Zürich')).toBe('elysee ca zurich');
    expect(foldText('Straße ẞ Ærø Œuvre Łódź')).toBe('strasse ss aero oeuvre lodz');
    expect(foldText('ﬁnance')).toBe('finance');
  });

  it('stems English plurals, German inflections and French participles to one stem', () => {
    expect(stemOf('elections', 'en')).toBe(stemOf('election', 'en'));
    expect(stemOf('zwangspausen', 'de')).toBe(stemOf('zwangspause', 'de'));
    expect(stemOf('häuser', 'de')).toBe(stemOf('haus', 'de'));
    expect(stemOf('déclaré', 'fr')).toBe(stemOf('déclarer', 'fr'));
    expect(stemOf('déclarations', 'fr')).toBe('declar');
  });

  it('stems a query word in all three languages and respells umlauts both ways', () => {
    const word = queryWord('Mueller');
    expect(word.folded).toBe('mueller');
    expect(word.respellings).toEqual(['muller']);
    expect(queryWord('Müller').respellings).toEqual(['mueller']);
    expect(queryWord('Zwangspausen').exact).toContain(stemOf('zwangspause', 'de'));
  });

  it('guesses the language of a text from its function words, or says it cannot', () => {
    expect(guessLanguage('Die Zwangspausen sind lang und die Gastronomie leidet.')).toBe('de');
    expect(guessLanguage('Le président a dit que la grève est finie.')).toBe('fr');
    expect(guessLanguage('The council said that the bridge was closed.')).toBe('en');
    expect(guessLanguage('Akhundzada')).toBeNull();
  });
});

describe('LibraryIndex search', () => {
  const index = LibraryIndex.build(LIBRARY);

  it('finds German words without their umlauts, with ß as ss, and French words without accents', () => {
    expect(ids(index, 'zurich')).toEqual(['gastro']);
    expect(ids(index, 'strasse')).toEqual(['gastro']);
    expect(ids(index, 'elysee')).toEqual(['elysee']);
    expect(ids(index, 'ÉLYSÉE')).toEqual(['elysee']);
    expect(ids(index, 'PRÉSIDENT')).toEqual(['elysee']);
  });

  it('finds "Müller" typed as "Mueller", and "Mueller" typed as "Müller"', () => {
    expect(ids(index, 'Mueller')).toContain('gastro');
    expect(ids(index, 'Müller')).toContain('note');
  });

  it('finds other forms of a word through its stem', () => {
    expect(ids(index, 'Zwangspausen')).toEqual(['gastro']);
    expect(ids(index, 'election')).toEqual(['bridge']);
    expect(ids(index, 'déclarer')).toContain('elysee');
    expect(ids(index, 'declaration')).toContain('elysee');
  });

  it('searches the last word as a prefix while it is being typed, not once it is finished', () => {
    expect(ids(index, 'Zwangsp')).toEqual(['gastro']);
    expect(ids(index, 'Zwangsp ')).toEqual([]);
    expect(ids(index, 'gastronomie zwangsp')).toEqual(['gastro']);
    expect(ids(index, 'zwangsp gastronomie')).toEqual([]);
    // "declarati" reaches past the stem "declar" that the index holds.
    expect(ids(index, 'declarati')).toContain('elysee');
  });

  it('searches a prefix as the terms it begins in the most items, so three letters stay quick', () => {
    const large = LibraryIndex.build([
      item('common', { title: 'Parliament' }),
      item('common-too', { title: 'Parliament' }),
      // More rare completions than a prefix is expanded to, each in one item.
      ...Array.from({ length: 60 }, (_, at) => item(`rare-${at}`, { title: `par${'abc'[at % 3]}${at}q` })),
    ]);
    const found = ids(large, 'par');
    expect(found).toEqual(expect.arrayContaining(['common', 'common-too']));
    expect(found.length).toBeLessThan(62);
    expect(ids(large, 'para')).toHaveLength(20); // another letter reaches the rarer ones
    expect(ids(index, 'bri')).toContain('bridge');
  });

  it('finds authors and speakers with a typo, but not body words', () => {
    expect(ids(index, 'Akhundzda')).toEqual(['taliban']);
    expect(ids(index, 'Akhunzadda')).toEqual(['taliban']);
    expect(ids(index, 'Jane Doe')).toEqual(['clip', 'bridge']);
    expect(ids(index, 'spokesman')).toEqual(['taliban']);
    expect(ids(index, 'spakesman')).toEqual([]);
    expect(ids(index, 'Akhundzada bridge')).toEqual([]);
  });

  it('searches headlines, text, quotes, notes, tags and outlets', () => {
    expect(ids(index, 'walk ourselves')).toEqual(['bridge']);
    expect(ids(index, 'timetable')).toEqual(['clip']);
    expect(ids(index, 'ferries')).toEqual(['clip']);
    expect(ids(index, 'Western Journal')).toEqual(['taliban']);
    expect(ids(index, 'schools')).toEqual(['note']);
  });

  it('requires every word, and leaves out function words unless there is nothing else', () => {
    expect(ids(index, 'bridge ferries')).toEqual(['clip']);
    expect(ids(index, 'the bridge of')).toEqual(expect.arrayContaining(['bridge', 'clip']));
    expect(ids(index, 'war')).toEqual(['taliban']);
    // A rare word next to a common one: the rare word's items are searched first, with the same answer.
    const common = LibraryIndex.build([
      ...Array.from({ length: 12 }, (_, at) => item(`bridge-${at}`, { title: 'Bridge' })),
      item('both', { title: 'Bridge timetable' }),
      item('rare', { title: 'Timetable' }),
    ]);
    expect(ids(common, 'bridge timetable ')).toEqual(['both']);
    expect(ids(common, 'timetable bridge')).toEqual(['both']);
  });

  it('ranks a match in the headline above one in the text', () => {
    const ranked = LibraryIndex.build([
      item('in-text', { text: 'A long report that mentions the harbor once among many other words.' }),
      item('in-title', { title: 'Harbor', text: 'A long report about many other things entirely.' }),
    ]);
    expect(ids(ranked, 'harbor')).toEqual(['in-title', 'in-text']);
    const scores = index.search('bridge').map((hit) => hit.score);
    expect(scores.length).toBeGreaterThan(1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('is not thrown by regular expression characters, markup or empty queries', () => {
    for (const query of ['.*', '(', '[a-z]+', '\\', '<script>alert(1)</script>', '   ', '$^|?'])
      expect(() => index.search(query)).not.toThrow();
    // Markup in a query is words like any other.
    expect(ids(index, '<b>bridge</b>')).toEqual(ids(index, 'bridge'));
    expect(ids(index, '.*')).toHaveLength(LIBRARY.length);
  });

  it('gives the matched terms of each hit, for marking', () => {
    const [hit] = index.search('Zwangspause');
    expect(hit?.terms).toEqual([stemOf('zwangspause', 'de')]);
    const marked = markMatches('Die Zwangspausen treffen', hit!.terms).filter((run) => run.match);
    expect(marked.map((run) => run.text)).toEqual(['Zwangspausen']);
    expect(index.search('')[0]?.terms).toEqual([]);
  });
});

describe('LibraryIndex filters', () => {
  const index = LibraryIndex.build(LIBRARY);
  const all = (filters: LibraryFilters) => ids(index, '', filters).sort();

  it.each<[string, LibraryFilters, string[]]>([
    ['kinds', { kinds: ['clipping', 'note'] }, ['clip', 'note']],
    ['collection', { collectionId: 'roads' }, ['bridge', 'clip']],
    ['tag, without regard to case', { tag: 'TRANSPORT' }, ['bridge', 'clip']],
    ['outlet', { outlet: 'harbor daily' }, ['bridge', 'clip']],
    ['author', { author: 'Jack Davis' }, ['taliban']],
    ['speaker, without regard to accents', { speaker: 'eliane muller' }, ['gastro']],
    ['source kind', { sourceKind: 'anonymous' }, ['taliban']],
    ['language, by its primary tag', { lang: 'en' }, ['bridge', 'clip', 'taliban']],
    ['language with a region', { lang: 'de-CH' }, ['gastro']],
    [
      'published from, inclusive',
      { dateField: 'published', from: '2024-01-10' },
      ['bridge', 'clip', 'elysee'],
    ],
    ['published to, inclusive', { dateField: 'published', to: '2021-07-17' }, ['gastro', 'taliban']],
    ['saved between, inclusive', { from: '2026-03-02', to: '2026-03-03' }, ['elysee', 'gastro']],
  ])('filters by %s', (_name, filters, expected) => {
    expect(all(filters)).toEqual(expected);
  });

  it('combines filters with the query', () => {
    expect(ids(index, 'bridge', { kinds: ['clipping'] })).toEqual(['clip']);
    expect(ids(index, 'bridge', { tag: 'ferries', outlet: 'Harbor Daily' })).toEqual(['clip']);
    expect(ids(index, 'bridge', { lang: 'fr' })).toEqual([]);
  });

  it('filters before the limit: the best match passing the filter is returned', () => {
    expect(index.search('bridge', {}, 'relevance', 1)).toHaveLength(1);
    expect(index.search('bridge', { kinds: ['clipping'] }, 'relevance', 1).map((hit) => hit.id)).toEqual([
      'clip',
    ]);
    expect(index.search('', { kinds: ['note'] }, 'saved', 1).map((hit) => hit.id)).toEqual(['note']);
  });
});

describe('LibraryIndex order', () => {
  it('lists everything newest saved first for an empty query, and by publication on request', () => {
    const index = LibraryIndex.build(LIBRARY);
    expect(ids(index, '')).toEqual(['clip', 'bridge', 'taliban', 'gastro', 'elysee', 'note']);
    expect(index.search('', {}, 'published').map((hit) => hit.id)).toEqual([
      // Same publication time: the one saved later first. No publication date: last.
      'clip',
      'bridge',
      'elysee',
      'taliban',
      'gastro',
      'note',
    ]);
  });

  it('sorts matches by date when asked, and breaks ties in relevance by date saved, then id', () => {
    const twins = LibraryIndex.build([
      item('b', { title: 'Bridge', saved: '2026-01-02T00:00:00Z' }),
      item('c', { title: 'Bridge', saved: '2026-01-03T00:00:00Z' }),
      item('a', { title: 'Bridge', saved: '2026-01-02T00:00:00Z' }),
      item('d', { title: 'Bridge', saved: '2026-01-01T00:00:00Z', published: '2026-01-05' }),
    ]);
    expect(ids(twins, 'bridge')).toEqual(['c', 'a', 'b', 'd']);
    expect(twins.search('bridge', {}, 'saved').map((hit) => hit.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(twins.search('bridge', {}, 'published').map((hit) => hit.id)).toEqual(['d', 'c', 'a', 'b']);
  });
});

describe('LibraryIndex changes', () => {
  it('replaces an item on upsert and forgets it on remove', () => {
    const index = LibraryIndex.build(LIBRARY);
    expect(index.size).toBe(LIBRARY.length);
    index.upsert(
      item('bridge', { title: 'Tunnel opens', speakers: ['Tom Bell'], saved: '2026-03-07T00:00:00Z' }),
    );
    expect(index.size).toBe(LIBRARY.length);
    expect(ids(index, 'harbor')).toEqual(['clip']);
    expect(ids(index, 'tunnel')).toEqual(['bridge']);
    expect(ids(index, '')[0]).toBe('bridge');
    expect(index.facets().speakers).toContain('Tom Bell');
    expect(index.facets().speakers).not.toContain('Ana Ruiz');
    expect(ids(index, 'Rui')).toEqual([]);

    index.remove('bridge');
    index.remove('no-such-item');
    expect(index.size).toBe(LIBRARY.length - 1);
    expect(ids(index, 'tunnel')).toEqual([]);
    expect(ids(index, '')).not.toContain('bridge');
    expect(index.facets().speakers).not.toContain('Tom Bell');
    expect(ids(index, 'Bel')).toEqual([]);

    index.upsert(LIBRARY[0]!);
    expect(ids(index, 'harbor')).toEqual(['clip', 'bridge']);
  });

  it('filters and orders a replaced item by what it says now, after searches read what it said before', () => {
    const index = LibraryIndex.build(LIBRARY);
    expect(ids(index, 'bridge', { outlet: 'Harbor Daily' }).sort()).toEqual(['bridge', 'clip']);
    index.upsert({ ...LIBRARY[0]!, outlet: 'Tunnel Times' });
    expect(ids(index, 'bridge', { outlet: 'Harbor Daily' })).toEqual(['clip']);
    expect(ids(index, 'bridge', { outlet: 'Tunnel Times' })).toEqual(['bridge']);
    const twins = LibraryIndex.build([
      item('old', { text: 'ferries', saved: '2026-01-01T00:00:00.000Z' }),
      item('new', { text: 'ferries', saved: '2026-02-01T00:00:00.000Z' }),
    ]);
    expect(ids(twins, 'ferries')).toEqual(['new', 'old']);
    twins.upsert(item('old', { text: 'ferries', saved: '2026-03-01T00:00:00.000Z' }));
    expect(ids(twins, 'ferries')).toEqual(['old', 'new']);
  });

  it('finds a term added after its first three letters were searched, as the reader types on', () => {
    const index = LibraryIndex.build(LIBRARY);
    expect(ids(index, 'Zwa')).toEqual(['gastro']);
    expect(ids(index, 'Zwangsa')).toEqual([]);
    index.upsert(item('camp', { title: 'Zwangsarbeit im Lager', lang: 'de' }));
    expect(ids(index, 'Zwa').sort()).toEqual(['camp', 'gastro']);
    expect(ids(index, 'Zwangsa')).toEqual(['camp']);
    index.remove('camp');
    expect(ids(index, 'Zwangsa')).toEqual([]);
  });

  it('keeps the last of two items with the same id when building', () => {
    const index = LibraryIndex.build([item('x', { title: 'First' }), item('x', { title: 'Second' })]);
    expect(index.size).toBe(1);
    expect(ids(index, 'first')).toEqual([]);
    expect(ids(index, 'second')).toEqual(['x']);
  });

  it('lists distinct facet values, sorted, one per spelling', () => {
    const index = LibraryIndex.build([
      ...LIBRARY,
      item('dupe', { tags: ['transport'], outlet: 'harbor daily', lang: 'EN-us' }),
    ]);
    expect(index.facets()).toEqual({
      outlets: ['Hamburger Abendblatt', 'Harbor Daily', 'Le Monde', 'The Western Journal'],
      authors: ['Jack Davis', 'Jane Doe'],
      speakers: ['Ana Ruiz', 'Eliane Müller', 'Emmanuel Macron', 'Hibatullah Akhundzada'],
      tags: ['ferries', 'Gastronomie', 'Transport'],
      langs: ['de', 'en', 'fr'],
      sourceKinds: ['anonymous', 'official'],
    });
  });

  it('comes back from its JSON form with the same answers, and refuses anything else', () => {
    const index = LibraryIndex.build(LIBRARY);
    const copy = LibraryIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    for (const query of ['bridge', 'Zwangsp', 'Akhundzda', ''])
      expect(copy.search(query, { lang: 'en' })).toEqual(index.search(query, { lang: 'en' }));
    expect(copy.facets()).toEqual(index.facets());
    expect(() => LibraryIndex.fromJSON({ format: 'other' })).toThrow();
    expect(() => LibraryIndex.fromJSON(null)).toThrow();
  });
});

describe('markMatches and snippet', () => {
  const join = (runs: { text: string }[]) => runs.map((run) => run.text).join('');

  it('marks the words whose folded form or stem matched', () => {
    const text = 'Die Zwangspausen, eine ZWANGSPAUSE: Zwangspause.';
    const runs = markMatches(text, [stemOf('zwangspause', 'de')]);
    expect(join(runs)).toBe(text);
    expect(runs.filter((run) => run.match).map((run) => run.text)).toEqual([
      'Zwangspausen',
      'ZWANGSPAUSE',
      'Zwangspause',
    ]);
    expect(markMatches('Élysée and elysee', ['elysee']).filter((run) => run.match)).toHaveLength(2);
  });

  it('keeps markup as text and is not thrown by regular expression characters', () => {
    const text = '<b onclick="x()">bridge</b> (.*) [a-z]+ $1 \\';
    for (const terms of [['bridge'], ['.*', '(', '[a-z]+', '$1', '\\'], [], ['']]) {
      const runs = markMatches(text, terms);
      expect(join(runs)).toBe(text);
    }
    expect(markMatches(text, ['bridge']).filter((run) => run.match)).toEqual([
      { text: 'bridge', match: true },
    ]);
    expect(markMatches(text, ['onclick']).filter((run) => run.match)).toEqual([
      { text: 'onclick', match: true },
    ]);
    expect(markMatches('', ['x'])).toEqual([]);
  });

  it('cuts a window around the first match, at word boundaries', () => {
    const text = `${'early words here '.repeat(30)}the Akhundzada message ${'later words there '.repeat(30)}`;
    const cut = snippet(text, ['akhundzada'], 80);
    expect(cut).toContain('Akhundzada');
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(82);
    // Whole words at both ends.
    expect(cut.slice(1).split(' ')[0]).toMatch(/^(early|words|here|the)$/);
    expect(cut.slice(0, -1).split(' ').pop()).toMatch(/^(later|words|there|message)$/);
    expect(snippet(text, ['nowhere'], 40).startsWith('early words')).toBe(true);
    expect(snippet('short <b>text</b>', ['.*'], 40)).toBe('short <b>text</b>');
  });
});

describe('documents from records', () => {
  const article: SavedArticle = {
    id: 'a1',
    pageKeys: ['example.com/story', 'example.com/story?amp=1'],
    url: 'https://example.com/story',
    canonicalUrl: null,
    title: 'Bridge closes',
    authors: ['Jane Doe'],
    outlet: 'Harbor Daily',
    lang: 'en',
    published: '2026-03-03',
    modified: null,
    savedAt: '2026-03-04T00:00:00Z',
    updatedAt: '2026-03-05T00:00:00Z',
    latestVersionId: 's1',
    versionCount: 2,
    collectionIds: ['c1'],
    tags: ['transport'],
    speakers: ['Ana Ruiz'],
    sourceKinds: ['official'],
    wordCount: 10,
    excerpt: 'The bridge…',
  };

  it('takes an article’s text, quotes and speakers from its newest snapshot', () => {
    const snapshot = {
      text: 'The bridge closes.\n\nFerries run.',
      analysis: {
        quotes: [
          { text: 'We cannot keep people on a bridge', speaker: 'Ana Ruiz' },
          { text: 'Ferries are ready', speaker: 'Tom Bell' },
        ],
      },
    } as unknown as ArticleSnapshot;
    const document = articleDocument(article, snapshot);
    expect(document).toMatchObject({
      id: 'a1',
      kind: 'article',
      title: 'Bridge closes',
      text: 'The bridge closes.\n\nFerries run.',
      quotes: 'We cannot keep people on a bridge\nFerries are ready',
      speakers: ['Ana Ruiz', 'Tom Bell'],
      saved: '2026-03-05T00:00:00Z',
      pageKey: 'example.com/story',
    });
    expect(articleDocument(article, null).text).toBe('The bridge…');
  });

  it('takes a clipping’s citation, and a highlight’s passage and its article’s byline', () => {
    const clipping = {
      id: 'k1',
      collectionId: 'c2',
      text: 'Ferries run.',
      citation: {
        title: 'Bridge closes',
        authors: ['Jane Doe'],
        outlet: 'Harbor Daily',
        published: null,
        lang: 'en',
      },
      pageKeys: ['example.com/story'],
      note: 'check',
      tags: ['t'],
      created: '2026-03-06T00:00:00Z',
    } as unknown as Clipping;
    expect(clippingDocument(clipping)).toMatchObject({
      kind: 'clipping',
      collectionIds: ['c2'],
      authors: ['Jane Doe'],
      note: 'check',
      saved: '2026-03-06T00:00:00Z',
    });
    const highlight = {
      id: 'h1',
      kind: 'highlight',
      target: {
        url: 'https://example.com/story?amp=1',
        canonicalUrl: null,
        title: '',
        selector: [{ type: 'TextQuoteSelector', exact: 'Ferries run.', prefix: '', suffix: '' }],
      },
      body: { note: 'good', tags: ['x'], colour: 'yellow' },
      pageKeys: ['example.com/story?amp=1'],
      created: '2026-03-07T00:00:00Z',
      modified: '2026-03-07T00:00:00Z',
    } as Annotation;
    expect(annotationDocument(highlight, article)).toMatchObject({
      kind: 'highlight',
      title: 'Bridge closes',
      text: 'Ferries run.',
      note: 'good',
      outlet: 'Harbor Daily',
      lang: 'en',
      pageKey: 'example.com/story',
    });
    const pageNote = {
      ...highlight,
      kind: 'page-note',
      target: { ...highlight.target, selector: [] },
    } as Annotation;
    expect(annotationDocument(pageNote)).toMatchObject({
      kind: 'note',
      text: '',
      note: 'good',
      outlet: null,
      pageKey: 'example.com/story?amp=1',
    });
  });
});
