// @vitest-environment jsdom
/** The panel's saved-article line, the changes view and the clip card, as the reader sees them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ChangesView, summarizeChanges } from '../../../components/ChangesView';
import { ClipCard, parseTags } from '../../../components/ClipCard';
import { SavedArticleBar, type SavedArticleState } from '../../../components/SavedArticleBar';
import type { ArticleDiff } from '../../../lib/library/diff';
import type { Clipping, Collection, SavedArticle } from '../../../lib/library/types';

afterEach(() => {
  document.body.textContent = '';
});

function mount(element: preact.JSX.Element) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(element, container));
  const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { container, byTestId };
}

const article: SavedArticle = {
  id: '11111111-1111-4111-8111-111111111111',
  pageKeys: ['harbor.example/story'],
  url: 'https://harbor.example/story',
  canonicalUrl: null,
  title: 'Harbor bridge to close',
  authors: ['Jane Doe'],
  outlet: 'Harbor Daily',
  lang: 'en',
  published: '2026-03-03T16:12:00Z',
  modified: null,
  savedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
  latestVersionId: '22222222-2222-4222-8222-222222222222',
  versionCount: 2,
  collectionIds: [],
  tags: [],
  speakers: ['Ana Ruiz'],
  sourceKinds: ['official'],
  wordCount: 120,
  excerpt: 'The city council voted…',
};

const diff: ArticleDiff = {
  identical: false,
  paragraphs: [
    {
      kind: 'reworded',
      oldIndex: 0,
      newIndex: 0,
      words: [
        { value: 'for ' },
        { value: 'eight', removed: true },
        { value: 'nine', added: true },
        { value: ' months' },
      ],
    },
    { kind: 'added', after: 3, text: 'A new paragraph.' },
  ],
  quotes: [
    {
      kind: 'altered',
      speaker: 'Ana Ruiz',
      old: 'keep people',
      new: 'keep anyone',
      words: [{ value: 'keep ' }, { value: 'people', removed: true }, { value: 'anyone', added: true }],
    },
  ],
  fields: [{ field: 'title', old: 'Bridge to close', new: 'Harbor bridge to close' }],
  updatedDate: 'unchanged',
  summary: { added: 1, removed: 0, reworded: 1, quotesChanged: 1 },
};

const state = (change: Partial<SavedArticleState> = {}): SavedArticleState => ({
  status: 'not-saved',
  article: null,
  changes: null,
  message: null,
  error: null,
  analysisPending: false,
  ...change,
});

describe('SavedArticleBar', () => {
  it('offers "Save article" until the article is saved, then says when', () => {
    const save = vi.fn();
    const { byTestId, container } = mount(
      <SavedArticleBar state={state()} actions={{ save, openLibrary: vi.fn(), exportArticle: vi.fn() }} />,
    );
    const button = byTestId('save-article') as HTMLButtonElement;
    expect(button.textContent).toBe('Save article');
    button.click();
    expect(save).toHaveBeenCalledOnce();
    act(() =>
      render(
        <SavedArticleBar
          state={state({ status: 'saved', article, message: 'Saved to your library.' })}
          actions={{ save, openLibrary: vi.fn(), exportArticle: vi.fn() }}
        />,
        container,
      ),
    );
    expect(byTestId('save-article')).toBeNull();
    expect(byTestId('saved-status')?.textContent).toMatch(/^Saved .*2 versions/);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved to your library.');
  });

  it('waits for the quotes before saving, and shows what changed with "Save new version"', () => {
    const { byTestId, container } = mount(
      <SavedArticleBar
        state={state({ analysisPending: true })}
        actions={{ save: vi.fn(), openLibrary: vi.fn(), exportArticle: vi.fn() }}
      />,
    );
    expect((byTestId('save-article') as HTMLButtonElement).disabled).toBe(true);
    const save = vi.fn();
    act(() =>
      render(
        <SavedArticleBar
          state={state({ status: 'saved', article, changes: diff })}
          actions={{ save, openLibrary: vi.fn(), exportArticle: vi.fn() }}
        />,
        container,
      ),
    );
    expect(byTestId('changed-since-saved')?.textContent).toContain('Changed since you saved it');
    byTestId('save-new-version')!.click();
    expect(save).toHaveBeenCalledOnce();
  });

  it('says nothing about changes when the diff finds none', () => {
    const { byTestId } = mount(
      <SavedArticleBar
        state={state({ status: 'saved', article, changes: { ...diff, identical: true } })}
        actions={{ save: vi.fn(), openLibrary: vi.fn(), exportArticle: vi.fn() }}
      />,
    );
    expect(byTestId('changed-since-saved')).toBeNull();
  });
});

describe('ChangesView', () => {
  it('shows reworded words as deleted and inserted, quotes, the headline and an undated edit', () => {
    const { byTestId, container } = mount(<ChangesView diff={diff} />);
    expect(byTestId('edited-without-date')?.textContent).toContain('without changing its “updated” date');
    expect(byTestId('paragraph-changes')?.querySelector('del')?.textContent).toBe('eight');
    expect(byTestId('paragraph-changes')?.querySelector('ins')?.textContent).toBe('nine');
    expect(byTestId('quote-changes')?.textContent).toBe('Altered (Ana Ruiz): keep peopleanyone');
    expect(container.textContent).toContain('Headline');
    expect(summarizeChanges(diff)).toBe(
      '1 paragraph reworded; 1 paragraph added; 1 quote changed; Headline changed',
    );
  });

  it('keeps markup in the text as text', () => {
    const hostile: ArticleDiff = {
      ...diff,
      paragraphs: [{ kind: 'added', after: 0, text: '<img src=x onerror=alert(1)>' }],
    };
    const { container } = mount(<ChangesView diff={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('ClipCard', () => {
  const collections: Collection[] = [
    { id: '33333333-3333-4333-8333-333333333333', name: 'Clippings', created: '', modified: '' },
    { id: '44444444-4444-4444-8444-444444444444', name: 'Harbor', created: '', modified: '' },
  ];
  const clipping: Clipping = {
    id: '55555555-5555-4555-8555-555555555555',
    collectionId: collections[0]!.id,
    text: 'A ferry will run every twenty minutes',
    selectors: null,
    citation: {
      title: 'Harbor bridge to close',
      authors: ['Jane Doe'],
      outlet: 'Harbor Daily',
      published: null,
      url: 'https://harbor.example/story',
      accessed: '2026-12-04T10:00:00.000Z',
      lang: 'en',
    },
    pageKeys: ['harbor.example/story'],
    note: '',
    tags: [],
    annotationId: null,
    created: '2026-12-04T10:00:00.000Z',
    modified: '2026-12-04T10:00:00.000Z',
  };

  it('moves the clipping into a collection named on the spot, with a note and tags', () => {
    const onSave = vi.fn();
    const { byTestId, container } = mount(
      <ClipCard
        clipping={clipping}
        collections={collections}
        error={null}
        onSave={onSave}
        onRemove={vi.fn()}
        onDone={vi.fn()}
      />,
    );
    expect(container.querySelector('h3')?.textContent).toBe('Clipped to “Clippings”');
    const select = byTestId('clip-collection') as HTMLSelectElement;
    act(() => {
      select.value = '__new__';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const name = byTestId('clip-new-collection') as HTMLInputElement;
    const note = byTestId('clip-note') as HTMLTextAreaElement;
    const tags = byTestId('clip-tags') as HTMLInputElement;
    act(() => {
      name.value = ' Ferry research ';
      name.dispatchEvent(new Event('input', { bubbles: true }));
      note.value = 'Check the timetable';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      tags.value = 'transport, #ferry, transport';
      tags.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => byTestId('clip-save')!.click());
    expect(onSave).toHaveBeenCalledWith({
      collectionId: null,
      newCollection: 'Ferry research',
      note: 'Check the timetable',
      tags: ['transport', 'ferry'],
    });
  });

  it('reads tags separated by commas or lines, without the hash and without repeats', () => {
    expect(parseTags('a, #b\nc,, a ')).toEqual(['a', 'b', 'c']);
    expect(parseTags('  ')).toEqual([]);
  });
});
