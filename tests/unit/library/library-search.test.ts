/** Full-text search over the library: folding, stems, prefixes, fuzzy names, filters, order, marks. */
import { describe, expect, it } from 'vitest';
import { LibraryIndex, markMatches, snippet, type LibraryDocument } from '../../../lib/library/search';

function doc(id: string, change: Partial<LibraryDocument> = {}): LibraryDocument {
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
    saved: '2026-12-01T10:00:00.000Z',
    pageKey: null,
    ...change,
  };
}

const library = () =>
  LibraryIndex.build([
    doc('bridge', {
      title: 'Harbor bridge closes for repairs',
      text: 'The council closed the bridge. Ferries will run while repairs continue.',
      quotes: 'We cannot keep people on a bridge we would not walk on ourselves.',
      speakers: ['Ana Ruiz'],
      authors: ['Jane Doe'],
      outlet: 'Harbor Daily',
      tags: ['transport'],
      sourceKinds: ['official'],
      published: '2026-03-03T16:12:00Z',
      saved: '2026-12-02T10:00:00.000Z',
      collectionIds: ['c1'],
    }),
    doc('taliban', {
      title: 'Taliban extends offer',
      text: 'The message was read out by a spokesman.',
      speakers: ['Hibatullah Akhundzada'],
      authors: ['Jack Davis'],
      outlet: 'The Western Journal',
      published: '2021-07-17',
      saved: '2026-12-01T10:00:00.000Z',
    }),
    doc('gastro', {
      lang: 'de',
      title: 'Gastronomie in der Zwangspause',
      text: 'Die Zwangspausen treffen die Gastronomie hart, sagte Eliane Steinmeyer über die Lage in Zürich.',
      speakers: ['Eliane Steinmeyer'],
      outlet: 'Hamburger Abendblatt',
      published: '2020-04-01',
      saved: '2026-11-30T10:00:00.000Z',
    }),
    doc('lagarde', {
      lang: 'fr',
      title: 'Lagarde a déclaré la fin des achats',
      text: 'La présidente a déclaré que la banque centrale arrêterait ses achats.',
      speakers: ['Christine Lagarde'],
      outlet: 'Le Monde',
      saved: '2026-11-29T10:00:00.000Z',
    }),
    doc('note-1', {
      kind: 'highlight',
      title: 'Harbor bridge closes for repairs',
      text: 'Ferries will run while repairs continue',
      note: 'Check the ferry timetable',
      saved: '2026-12-03T10:00:00.000Z',
    }),
  ]);

const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);

describe('LibraryIndex', () => {
  it('finds words in text, headlines, quotes, speakers and notes, in any case or inflection', () => {
    const index = library();
    expect(ids(index.search('closed', {}, 'relevance'))).toContain('bridge');
    expect(ids(index.search('walk', {}, 'relevance'))).toEqual(['bridge']);
    expect(ids(index.search('timetable', {}, 'relevance'))).toEqual(['note-1']);
    expect(ids(index.search('Zwangspause', {}, 'relevance'))).toEqual(['gastro']);
    expect(ids(index.search('zurich', {}, 'relevance'))).toEqual(['gastro']);
    expect(ids(index.search('declare', {}, 'relevance'))).toEqual(['lagarde']);
    expect(ids(index.search('PRÉSIDENTE', {}, 'relevance'))).toEqual(['lagarde']);
  });

  it('takes the last word as a prefix while the reader types, and forgives a typo in a name', () => {
    const index = library();
    expect(ids(index.search('Akhun', {}, 'relevance'))).toEqual(['taliban']);
    expect(ids(index.search('Akhundzda', {}, 'relevance'))).toEqual(['taliban']);
    expect(ids(index.search('Steinmayer', {}, 'relevance'))).toEqual(['gastro']);
  });

  it('needs every word of a two-word query', () => {
    const index = library();
    expect(ids(index.search('bridge ferries', {}, 'relevance')).sort()).toEqual(['bridge', 'note-1']);
    expect(ids(index.search('bridge Lagarde', {}, 'relevance'))).toEqual([]);
  });

  it('filters inside the search: kind, collection, tag, outlet, author, person quoted, source, language, dates', () => {
    const index = library();
    expect(ids(index.search('', { kinds: ['highlight'] }, 'saved'))).toEqual(['note-1']);
    expect(ids(index.search('', { collectionId: 'c1' }, 'saved'))).toEqual(['bridge']);
    expect(ids(index.search('', { tag: 'Transport' }, 'saved'))).toEqual(['bridge']);
    expect(ids(index.search('', { outlet: 'le monde' }, 'saved'))).toEqual(['lagarde']);
    expect(ids(index.search('', { author: 'Jack Davis' }, 'saved'))).toEqual(['taliban']);
    expect(ids(index.search('', { speaker: 'Ana Ruiz' }, 'saved'))).toEqual(['bridge']);
    expect(ids(index.search('', { sourceKind: 'official' }, 'saved'))).toEqual(['bridge']);
    expect(ids(index.search('', { lang: 'de' }, 'saved'))).toEqual(['gastro']);
    expect(
      ids(index.search('', { dateField: 'published', from: '2020-01-01', to: '2021-12-31' }, 'published')),
    ).toEqual(['taliban', 'gastro']);
    expect(ids(index.search('', { dateField: 'saved', from: '2026-12-02' }, 'saved'))).toEqual([
      'note-1',
      'bridge',
    ]);
  });

  it('sorts by date saved, date published, or relevance', () => {
    const index = library();
    expect(ids(index.search('', {}, 'saved'))).toEqual(['note-1', 'bridge', 'taliban', 'gastro', 'lagarde']);
    expect(ids(index.search('', {}, 'published')).slice(0, 3)).toEqual(['bridge', 'taliban', 'gastro']);
    // A headline match counts more than one in the text.
    const hits = index.search('council', {}, 'relevance');
    expect(ids(hits)).toEqual(['bridge']);
    const headline = index.search('Lagarde', {}, 'relevance');
    expect(ids(headline)).toEqual(['lagarde']);
    const scores = index.search('repairs', {}, 'relevance').map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('stays consistent with every change', () => {
    const index = library();
    index.remove('taliban');
    expect(ids(index.search('Akhundzada', {}, 'relevance'))).toEqual([]);
    expect(index.size).toBe(4);
    index.upsert(
      doc('bridge', { title: 'Tunnel opens', text: 'A new tunnel.', saved: '2026-12-02T10:00:00.000Z' }),
    );
    expect(ids(index.search('bridge', { kinds: ['article'] }, 'relevance'))).toEqual([]);
    expect(ids(index.search('tunnel', {}, 'relevance'))).toEqual(['bridge']);
    expect(index.facets().authors).not.toContain('Jack Davis');
  });

  it('lists the values each filter can take', () => {
    const facets = library().facets();
    expect(facets.outlets).toEqual(expect.arrayContaining(['Harbor Daily', 'Le Monde']));
    expect(facets.speakers).toContain('Hibatullah Akhundzada');
    expect(facets.langs).toEqual(expect.arrayContaining(['en', 'de', 'fr']));
    expect(facets.tags).toEqual(['transport']);
  });
});

describe('marking matches', () => {
  it('marks the words a hit matched, in their written form', () => {
    const index = library();
    const [hit] = index.search('zwangspause', {}, 'relevance');
    const runs = markMatches('Die Zwangspausen treffen', hit!.terms);
    expect(runs.filter((run) => run.match).map((run) => run.text)).toEqual(['Zwangspausen']);
  });

  it('keeps markup and regular-expression characters as plain text', () => {
    const runs = markMatches('<img src=x onerror=alert(1)> (a+b)*', ['img', '(a+b)*', '.*']);
    expect(runs.map((run) => run.text).join('')).toBe('<img src=x onerror=alert(1)> (a+b)*');
    expect(() => markMatches('text', ['[', '\\'])).not.toThrow();
  });

  it('cuts a window of text around the first match', () => {
    const text = `${'Filler words here. '.repeat(40)}The ferry runs every twenty minutes. ${'More filler. '.repeat(40)}`;
    const window = snippet(text, ['ferry'], 80);
    expect(window).toContain('ferry');
    expect(window.length).toBeLessThanOrEqual(90);
  });
});
