/** Hand-made AnalyzedPage values for tests of the panel and its views. */
import type { NotesPanel } from '../../../components/AnalysisViews';
import { emptyByline, type AnalyzedPage } from '../../../lib/extract/types';

/** An article with nothing in it but what `overrides` gives. */
export function analyzedPage(overrides: Partial<AnalyzedPage> = {}): AnalyzedPage {
  return {
    url: 'https://news.example/story',
    title: 'A story',
    lang: 'en',
    isArticle: true,
    articleReason: 'The page describes itself as an article.',
    byline: emptyByline(),
    article: { text: 'x', html: '<p>x</p>', wordCount: 1, readingMinutes: 1, excerpt: 'x' },
    quotes: [],
    sources: [],
    glance: null,
    warnings: [],
    timings: { total: 1, readability: 1 },
    ...overrides,
  };
}

/** The harbor story of tests/fixtures/pages, as the panel receives it: every byline field filled. */
export function harborPage(overrides: Partial<AnalyzedPage> = {}): AnalyzedPage {
  return analyzedPage({
    title: 'Harbor council delays vote',
    byline: {
      authors: [
        { name: 'Marta Ellingsen', source: 'byline' },
        { name: 'Devon Price', source: 'byline' },
      ],
      outlet: { name: 'Coastline Gazette', source: 'meta' },
      published: '2026-03-03T16:12:00-05:00',
      modified: '2026-03-04T09:30:00-05:00',
      publishedSource: 'text',
      modifiedSource: 'text',
      wire: 'Associated Press',
      contributors: ['Lena Okafor'],
    },
    article: { text: 'x', html: '<p>x</p>', wordCount: 412, readingMinutes: 2, excerpt: 'x' },
    ...overrides,
  });
}

/** The Notes tab's props for a page with no notes, doing nothing when used. */
export function emptyNotes(): NotesPanel {
  const ignore = () => undefined;
  return {
    focusRequests: 0,
    view: {
      entries: [],
      pageNote: null,
      restore: 'on-open',
      focusedId: null,
      undoable: null,
      error: null,
      onShowInPage: ignore,
      onSaveNote: ignore,
      onSaveTags: ignore,
      onSetColour: ignore,
      onDelete: ignore,
      onUndo: ignore,
      onSavePageNote: ignore,
      onAllowAutomatic: ignore,
    },
  };
}
