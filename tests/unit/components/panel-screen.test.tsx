// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PanelScreen, type PanelActions, type PanelSettings } from '../../../components/PanelScreen';
import { resultView, type PanelView } from '../../../lib/panel-state';
import { emptyNotes, harborPage } from '../helpers/pages';
import { formatPageDate } from '../../../lib/format';

const page = harborPage;

const defaultSettings: PanelSettings = {
  shortcut: 'Alt+Shift+S',
  allSitesAllowed: false,
  allSitesRefused: false,
};

function show(view: PanelView, actions: Partial<PanelActions> = {}, settings = defaultSettings) {
  const container = document.createElement('div');
  document.body.append(container);
  const all: PanelActions = {
    analyzeAnyway: vi.fn(),
    retry: vi.fn(),
    allowAllSites: vi.fn(),
    showPassage: vi.fn(),
    ...actions,
  };
  act(() =>
    render(<PanelScreen view={view} settings={settings} actions={all} notes={emptyNotes()} />, container),
  );
  const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);
  return { container, actions: all, byTestId };
}

afterEach(() => {
  document.body.textContent = '';
});

describe('PanelScreen', () => {
  it('shows every byline field with where it came from', () => {
    const { byTestId, container } = show(resultView(1, page()));
    expect(byTestId('headline')?.textContent).toBe('Harbor council delays vote');
    expect(Array.from(container.querySelectorAll('[data-testid="author"]'), (li) => li.textContent)).toEqual([
      'Marta Ellingsen from the visible byline',
      'Devon Price from the visible byline',
    ]);
    expect(byTestId('outlet')?.textContent).toBe(
      'OutletCoastline Gazette from meta tagsWire credit: Associated Press',
    );
    expect(byTestId('published')?.textContent).toBe(
      `Published${formatPageDate('2026-03-03T16:12:00-05:00')} from the article text`,
    );
    expect(byTestId('modified')?.textContent).toContain('17 hours later than published');
    expect(byTestId('contributors')?.textContent).toContain('Lena Okafor');
    expect(byTestId('length')?.textContent).toBe('Length412 words · 2 min read');
  });

  it('shows the kind of piece and where it was read, and no kind when there is none', () => {
    const opinion = page();
    opinion.byline = {
      ...opinion.byline,
      genre: 'opinion',
      genreSource: 'meta',
      genreVia: 'article:section',
    };
    expect(show(resultView(1, opinion)).byTestId('genre')?.textContent).toBe(
      "KindOpinion from the page's section",
    );
    document.body.textContent = '';
    const news = page();
    news.byline = { ...news.byline, genre: 'news', genreSource: null, genreVia: null };
    expect(show(resultView(1, news)).byTestId('genre')?.textContent).toContain(
      'News an article with no sign',
    );
    document.body.textContent = '';
    expect(show(resultView(1, page())).byTestId('genre')).toBeNull();
  });

  it('renders hostile page text as text', () => {
    const hostile = '<img src=x onerror="globalThis.hacked=1">Evil';
    const { byTestId } = show(resultView(1, page({ title: hostile, warnings: [hostile] })));
    expect(byTestId('headline')?.textContent).toBe(hostile);
    expect(byTestId('headline')?.querySelector('img')).toBeNull();
    expect(byTestId('warnings')?.querySelector('img')).toBeNull();
  });

  it('offers "Analyze anyway" on a page that is not an article', () => {
    const { byTestId, actions } = show(
      resultView(1, page({ isArticle: false, articleReason: 'This page looks like a front page.' })),
    );
    expect(byTestId('not-article')?.textContent).toContain('This page looks like a front page.');
    expect(byTestId('headline')).toBeNull();
    (byTestId('analyze-anyway') as HTMLButtonElement).click();
    expect(actions.analyzeAnyway).toHaveBeenCalledOnce();
  });

  it('names the gesture that grants access, and the all-sites option', () => {
    const { byTestId, actions } = show({ kind: 'needs-permission', tabId: 1 });
    expect(byTestId('needs-permission')?.textContent).toContain('press Alt+Shift+S');
    (byTestId('allow-all-sites') as HTMLButtonElement).click();
    expect(actions.allowAllSites).toHaveBeenCalledOnce();
    expect(byTestId('all-sites-refused')).toBeNull();
  });

  it('says so when the browser refuses access to all sites', () => {
    const { byTestId } = show(
      { kind: 'needs-permission', tabId: 1 },
      {},
      { ...defaultSettings, allSitesRefused: true },
    );
    expect(byTestId('all-sites-refused')?.textContent).toContain('was not granted');
    expect(byTestId('allow-all-sites')).not.toBeNull();
  });

  it('explains restricted pages and errors in plain words', () => {
    expect(
      show({ kind: 'restricted', tabId: 1, reason: 'This is a PDF.' }).byTestId('restricted')?.textContent,
    ).toContain('This is a PDF.');
    const error = show({ kind: 'error', tabId: 1, message: 'The page did not answer.' });
    expect(error.byTestId('error')?.getAttribute('role')).toBe('alert');
  });
});
