/**
 * A small library for the export tests: articles whose bylines hold the names citation formats get
 * wrong (a hyphenated given name, a Dutch particle, a suffix, a Chinese and an Arabic name, a wire
 * service), a German article, highlights out of reading order, a page note, a clipping in a collection,
 * and text that looks like Markdown, HTML, CSV formulas and TeX. Plus a generator of large libraries.
 */
import type { Annotation, HighlightColour } from '../../../lib/annotations/types';
import type { ArticleSnapshot, Clipping, SavedArticle } from '../../../lib/library/types';
import type { ExportData } from '../../../lib/export/types';

/** A fixed UUID per number, so fixtures and golden files stay stable. */
export function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export const NOW = new Date('2026-12-04T12:00:00.000Z');

const COLLECTION = uuid(900);

function article(n: number, facts: Partial<SavedArticle>): SavedArticle {
  return {
    id: uuid(n),
    pageKeys: [`news.example/story-${n}`],
    url: `https://news.example/story-${n}`,
    canonicalUrl: null,
    title: `Story ${n}`,
    authors: [],
    outlet: 'News Example',
    lang: 'en',
    published: '2026-03-03T16:12:00Z',
    modified: null,
    savedAt: '2026-11-01T12:00:00.000Z',
    updatedAt: '2026-11-01T12:00:00.000Z',
    latestVersionId: uuid(n + 100),
    versionCount: 1,
    collectionIds: [],
    tags: [],
    speakers: [],
    sourceKinds: [],
    wordCount: 9,
    excerpt: '',
    ...facts,
  };
}

function snapshot(saved: SavedArticle, wire: string | null = null): ArticleSnapshot {
  return {
    id: saved.latestVersionId,
    articleId: saved.id,
    savedAt: saved.updatedAt,
    contentHash: `hash-${saved.id}`,
    url: saved.url,
    canonicalUrl: saved.canonicalUrl,
    title: saved.title,
    lang: saved.lang,
    byline: {
      authors: saved.authors.map((name) => ({ name, source: 'jsonld' })),
      outlet: saved.outlet ? { name: saved.outlet, source: 'meta' } : null,
      published: saved.published,
      modified: saved.modified,
      publishedSource: saved.published ? 'jsonld' : null,
      modifiedSource: null,
      wire,
      contributors: [],
      genre: wire ? 'news' : 'opinion',
      genreSource: wire ? null : 'jsonld',
      genreVia: wire ? null : 'jsonld-type',
    },
    html: '<p>The council voted.</p>',
    text: 'The council voted. A ferry will run.',
    wordCount: saved.wordCount,
    excerpt: saved.excerpt,
    analysis: null,
  };
}

export function highlight(
  n: number,
  page: SavedArticle,
  exact: string,
  start: number,
  change: { note?: string; tags?: string[]; colour?: HighlightColour; created?: string } = {},
): Annotation {
  const created = change.created ?? `2026-11-02T12:00:${String(n % 60).padStart(2, '0')}.000Z`;
  return {
    id: uuid(n),
    kind: 'highlight',
    target: {
      url: page.url,
      canonicalUrl: page.canonicalUrl,
      title: page.title,
      selector: [
        {
          type: 'RangeSelector',
          startContainer: '/p[1]',
          startOffset: start,
          endContainer: '/p[1]',
          endOffset: start + exact.length,
        },
        { type: 'TextPositionSelector', start, end: start + exact.length },
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      ],
    },
    body: { note: change.note ?? '', tags: change.tags ?? [], colour: change.colour ?? 'yellow' },
    pageKeys: page.pageKeys,
    created,
    modified: created,
  };
}

export function pageNote(n: number, page: SavedArticle, note: string): Annotation {
  return {
    id: uuid(n),
    kind: 'page-note',
    target: { url: page.url, canonicalUrl: page.canonicalUrl, title: page.title, selector: [] },
    body: { note, tags: ['review'], colour: 'yellow' },
    pageKeys: page.pageKeys,
    created: '2026-11-02T11:00:00.000Z',
    modified: '2026-11-02T11:30:00.000Z',
  };
}

function clipping(n: number, page: SavedArticle, text: string, note: string): Clipping {
  return {
    id: uuid(n),
    collectionId: COLLECTION,
    text,
    selectors: null,
    citation: {
      title: page.title,
      authors: page.authors,
      outlet: page.outlet,
      published: page.published,
      url: page.url,
      accessed: '2026-11-03T12:00:00.000Z',
      lang: page.lang,
    },
    pageKeys: page.pageKeys,
    note,
    tags: ['evidence'],
    annotationId: null,
    created: '2026-11-03T12:00:00.000Z',
    modified: '2026-11-03T12:00:00.000Z',
  };
}

/** The library the golden files are made from. */
export function trickyLibrary(): ExportData {
  const harbor = article(1, {
    title: 'Harbor bridge to close: "a decision" & what_it_costs #1',
    authors: ['Jean-Paul Sartre', 'Ludwig van Beethoven', 'Martin Luther King Jr.'],
    outlet: 'Harbor Daily',
    savedAt: '2026-11-01T12:00:00.000Z',
    collectionIds: [COLLECTION],
    tags: ['transport', 'city council'],
  });
  const wire = article(2, {
    title: 'Talks resume in Doha',
    authors: ['毛泽东', 'Ahmed al-Sharif', 'Associated Press'],
    outlet: 'World Wire',
    published: '2026-04-05',
    savedAt: '2026-11-02T12:00:00.000Z',
    updatedAt: '2026-11-02T12:00:00.000Z',
  });
  const german = article(3, {
    title: 'Brücke über den Hafen wird geschlossen',
    authors: ['Jürgen Müller'],
    outlet: 'Süddeutsche Beispiel',
    lang: 'de',
    published: '2026-05-06T08:00:00+02:00',
    savedAt: '2026-11-03T12:00:00.000Z',
    updatedAt: '2026-11-03T12:00:00.000Z',
  });
  const articles = [harbor, wire, german];
  return {
    articles,
    versions: [snapshot(harbor), snapshot(wire, 'Associated Press'), snapshot(german)],
    annotations: [
      // Made in the opposite order to reading order.
      highlight(11, harbor, 'A ferry will run.', 19, {
        note: '=HYPERLINK("http://evil.example","click")\nsecond line, with "quotes"',
        tags: ['ferry'],
        colour: 'blue',
        created: '2026-11-02T12:00:01.000Z',
      }),
      highlight(12, harbor, 'The council voted.', 0, {
        note: '<script>alert(1)</script> *not emphasis* # not a heading',
        colour: 'green',
        created: '2026-11-02T12:00:05.000Z',
      }),
      pageNote(13, harbor, 'Read with the budget report.\n\n- not a list\n1. not a list'),
      highlight(14, german, 'Die Brücke wird geschlossen.', 0, { note: '+49 30 1234 — Grüße, @team' }),
    ],
    clippings: [clipping(21, harbor, 'The council voted.', '-2 votes against')],
    collections: [
      {
        id: COLLECTION,
        name: 'Bridge research',
        created: '2026-11-01T12:00:00.000Z',
        modified: '2026-11-01T12:00:00.000Z',
      },
    ],
    settings: { lastCollectionId: COLLECTION },
  };
}

/** A library of `count` highlights over `count / 100` articles, with unicode and empty fields. */
export function generatedLibrary(count: number): ExportData {
  const articles: SavedArticle[] = [];
  const versions: ArticleSnapshot[] = [];
  const annotations: Annotation[] = [];
  const samples = [
    '',
    'Grüße 🌍 “quoted” \\ back\u2028slash',
    'العربية',
    '中文笔记',
    'line\nbreak\ttab',
    '"json" {braces} [brackets]',
  ];
  const articleCount = Math.max(1, Math.ceil(count / 100));
  for (let a = 0; a < articleCount; a++) {
    const saved = article(1_000_000 + a, {
      title: samples[a % samples.length] || `Article ${a}`,
      authors: a % 2 ? [] : ['Jane Doe'],
      outlet: a % 3 ? null : 'Outlet',
      latestVersionId: uuid(2_000_000 + a),
    });
    articles.push(saved);
    versions.push(snapshot(saved));
  }
  for (let n = 0; n < count; n++) {
    const page = articles[n % articleCount] as SavedArticle;
    const sample = samples[n % samples.length] ?? '';
    annotations.push(
      highlight(3_000_000 + n, page, `passage ${n} ${sample}`, n, {
        note: n % 4 ? sample : '',
        tags: n % 5 ? [] : ['t', sample].filter(Boolean),
      }),
    );
  }
  return { articles, versions, annotations, clippings: [], collections: [], settings: null };
}
