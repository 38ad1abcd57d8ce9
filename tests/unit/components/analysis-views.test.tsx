// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PanelScreen, type PanelActions } from '../../../components/PanelScreen';
import type { Analysis, Quote, Source, TextQuoteSelector } from '../../../lib/analyze/types';
import type { AnalyzedPage } from '../../../lib/extract/types';
import { formatPageDate } from '../../../lib/format';
import { emptyNotes, harborPage } from '../helpers/pages';
import {
  ANALYSIS_FAILED,
  PASSAGE_NOT_FOUND,
  resultView,
  withAnalysis,
  withAnalysisFailure,
  withPassageNote,
  type ResultView,
} from '../../../lib/panel-state';

const HOSTILE = '<img src=x onerror="globalThis.hacked=1">Evil';

function page(): AnalyzedPage {
  const harbor = harborPage();
  return harborPage({
    byline: {
      ...harbor.byline,
      authors: [{ name: 'Marta Ellingsen', source: 'byline' }],
      publishedSource: 'jsonld',
      wire: null,
      contributors: [],
    },
  });
}

const selector = (exact: string): TextQuoteSelector => ({ exact, prefix: 'before ', suffix: ' after' });

let position = 0;
function quote(text: string, fields: Partial<Quote> = {}): Quote {
  position += 100;
  return {
    text,
    speaker: null,
    speakerMention: null,
    cue: null,
    anonymous: false,
    paragraph: position / 100,
    start: position,
    end: position + text.length,
    selector: selector(text),
    ...fields,
  };
}

function source(name: string, kind: Source['kind'], fields: Partial<Source> = {}): Source {
  return {
    name,
    kind,
    mentions: 1,
    url: null,
    places: [{ start: 0, end: name.length, selector: selector(name) }],
    ...fields,
  };
}

const QUOTES: Quote[] = [
  quote('We will not vote tonight', { speaker: 'Ana Ruiz', speakerMention: 'Mayor Ruiz', cue: 'said' }),
  quote('The fee is too high', {
    speaker: 'Hibatullah Akhundzada',
    speakerMention: 'the message',
    cue: 'said',
  }),
  quote('Nobody asked us', { speaker: null, cue: null }),
  quote('The numbers do not add up', {
    speaker: 'a senior official',
    speakerMention: 'a senior official',
    cue: 'told the AP',
    anonymous: true,
    origin: 'Associated Press',
  }),
  quote('We seek good relations', {
    speaker: 'Hibatullah Akhundzada',
    speakerMention: 'Akhundzada',
    cue: 'told CNN',
    origin: 'CNN',
  }),
  quote('It was decided weeks ago', { speaker: null, cue: 'according to a memo' }),
  quote(HOSTILE, { speaker: HOSTILE, speakerMention: HOSTILE, cue: HOSTILE }),
  quote('We fully assure neighboring countries', {
    speaker: 'Hibatullah Akhundzada',
    speakerMention: 'Hibatullah Akhundzada',
    cue: 'the statement added',
  }),
];

const SOURCES: Source[] = [
  source('Jane Roe', 'person'),
  source('Associated Press', 'wire', { mentions: 3 }),
  source('Reuters', 'wire', { mentions: 1 }),
  source('Harbor budget report', 'link', {
    linkKind: 'primary-document',
    url: 'https://city.example/budget.pdf',
    mentions: 2,
  }),
  source('Evil link', 'link', { linkKind: 'other', url: 'javascript:alert(1)' }),
  source('a senior official', 'anonymous', { mentions: 2 }),
  source(HOSTILE, 'organization', { url: 'https://ngo.example/?q=<b>' }),
  source('Council minutes', 'document', { places: [] }),
];

const ANALYSIS: Analysis = {
  quotes: QUOTES,
  sources: SOURCES,
  glance: {
    quotes: 8,
    speakers: 4,
    unattributedQuotes: 2,
    namedSources: 5,
    anonymousSources: 1,
    quotedShare: 0.337,
    linksOut: 2,
    minutesToUpdate: 1038,
  },
};

function show(view: ResultView) {
  const container = document.createElement('div');
  document.body.append(container);
  const actions: PanelActions = {
    analyzeAnyway: vi.fn(),
    retry: vi.fn(),
    allowAllSites: vi.fn(),
    showPassage: vi.fn(),
  };
  const settings = { shortcut: '', allSitesAllowed: true, allSitesRefused: false };
  act(() =>
    render(<PanelScreen view={view} settings={settings} actions={actions} notes={emptyNotes()} />, container),
  );
  const one = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string, within: ParentNode = container) =>
    Array.from(within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const texts = (id: string, within?: ParentNode) => all(id, within).map((node) => node.textContent);
  return { container, actions, one, all, texts };
}

const analyzed = () => withAnalysis(resultView(1, page()), ANALYSIS, 12);

afterEach(() => {
  document.body.textContent = '';
});

describe('the analysis views', () => {
  it('show the byline card at once and "Finding quotes and sources…" while the analysis runs', () => {
    const { one, all } = show(resultView(1, page()));
    expect(one('headline')?.textContent).toBe('Harbor council delays vote');
    expect(one('analysis')?.dataset.analysis).toBe('running');
    expect(all('analysis-running').map((node) => node.textContent)).toEqual([
      'Finding quotes and sources…',
      'Finding quotes and sources…',
      'Finding quotes and sources…',
    ]);
    expect(one('quote')).toBeNull();
    // The byline's provenance needs no analysis.
    expect(one('glance-outlet-source')?.textContent).toBe('Outletmeta tags');
  });

  it('say in plain words when the analysis failed, and keep the byline', () => {
    const { one } = show(withAnalysisFailure(resultView(1, page())));
    expect(one('headline')?.textContent).toBe('Harbor council delays vote');
    expect(one('analysis-failed')?.textContent).toBe(ANALYSIS_FAILED);
    expect(one('analysis-running')).toBeNull();
  });

  it('are tabs that follow the WAI-ARIA pattern, arrow keys included', () => {
    const { one, container } = show(analyzed());
    const tablist = container.querySelector('[role="tablist"]')!;
    expect(tablist.getAttribute('aria-label')).toBeTruthy();
    const tabs = Array.from(container.querySelectorAll<HTMLElement>('[role="tab"]'));
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Quotes 8', 'Sources 8', 'At a glance', 'Notes']);
    const state = () => tabs.map((tab) => [tab.getAttribute('aria-selected'), tab.tabIndex]);
    expect(state()).toEqual([
      ['true', 0],
      ['false', -1],
      ['false', -1],
      ['false', -1],
    ]);
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute('aria-controls')!)!;
      expect(panel.getAttribute('role')).toBe('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).toBe(tab.id);
    }
    const press = (key: string) =>
      act(() => {
        (document.activeElement ?? tabs[0]!).dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true }),
        );
      });
    tabs[0]!.focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(tabs[1]);
    expect(state()[1]).toEqual(['true', 0]);
    expect(one('view-sources')?.hidden).toBe(false);
    expect(one('view-quotes')?.hidden).toBe(true);
    press('End');
    expect(document.activeElement).toBe(tabs[3]);
    press('ArrowRight');
    expect(document.activeElement).toBe(tabs[0]);
    press('ArrowLeft');
    expect(document.activeElement).toBe(tabs[3]);
    press('Home');
    expect(document.activeElement).toBe(tabs[0]);
    act(() => tabs[2]!.click());
    expect(one('view-glance')?.hidden).toBe(false);
  });

  describe('Quotes', () => {
    it('groups quotes by speaker, most quoted first, unattributed last, each group with its count', () => {
      const { texts } = show(analyzed());
      expect(texts('quote-group-heading')).toEqual([
        'Hibatullah Akhundzada 3 quotes',
        'Ana Ruiz 1 quote',
        'a senior official anonymous 1 quote',
        `${HOSTILE} 1 quote`,
        'Unattributed 2 quotes',
      ]);
    });

    it('shows each quote in full with its cue, the mention when it differs from the name, and a second-hand origin', () => {
      const { all, texts } = show(analyzed());
      const groups = all('quote-group');
      expect(texts('quote', groups[0])).toEqual([
        '“The fee is too high” said · as “the message”',
        '“We seek good relations” told CNN · second-hand',
        '“We fully assure neighboring countries” the statement added',
      ]);
      expect(texts('quote', groups[1])).toEqual(['“We will not vote tonight” said · as “Mayor Ruiz”']);
      // An anonymous speaker is marked; a mention that is the name or part of it ("Akhundzada") is not repeated.
      expect(groups[2]!.querySelector('.tag')?.textContent).toBe('anonymous');
      // A second-hand quote says so, and where from when its cue does not name the outlet.
      expect(texts('quote', groups[2])).toEqual([
        '“The numbers do not add up” told the AP · second-hand, via Associated Press',
      ]);
      // Unattributed quotes are listed as such, never given a guessed speaker.
      expect(texts('quote', groups[4])).toEqual([
        '“Nobody asked us”',
        '“It was decided weeks ago” according to a memo',
      ]);
    });

    it('asks to show a quote in the page when it is clicked', () => {
      const { all, actions } = show(analyzed());
      const button = all('quote').find((node) => node.textContent?.includes('We fully assure'))!;
      expect(button.tagName).toBe('BUTTON');
      act(() => button.click());
      expect(actions.showPassage).toHaveBeenCalledWith(selector('We fully assure neighboring countries'));
    });

    it('say when there are no quotes', () => {
      const view = withAnalysis(resultView(1, page()), { ...ANALYSIS, quotes: [] });
      expect(show(view).one('no-quotes')?.textContent).toContain('no direct quotes');
    });
  });

  describe('Sources', () => {
    it('groups sources by kind with plain labels, most mentioned first', () => {
      const { texts, all } = show(analyzed());
      expect(texts('source-group-heading')).toEqual([
        'Wire services 2 sources',
        'Organizations 1 source',
        'People 1 source',
        'Documents and statements 1 source',
        'Anonymous sources 1 source',
        'Links out of the article 2 sources',
      ]);
      const groups = all('source-group');
      expect(texts('source', groups[0])).toEqual(['Associated Press 3 mentions', 'Reuters 1 mention']);
      expect(texts('source', groups[5])).toEqual([
        'Harbor budget report 2 mentions primary documentcity.example',
        'Evil link 1 mention other page',
      ]);
    });

    it('links only http(s) addresses, in a new tab without opener or referrer', () => {
      const { container } = show(analyzed());
      const links = Array.from(
        container.querySelectorAll<HTMLAnchorElement>('[data-testid="view-sources"] a'),
      );
      expect(links.map((link) => link.getAttribute('href'))).toEqual([
        'https://ngo.example/?q=%3Cb%3E',
        'https://city.example/budget.pdf',
      ]);
      for (const link of links) {
        expect(link.target).toBe('_blank');
        expect(link.rel).toBe('noopener noreferrer');
      }
      expect(container.innerHTML).not.toContain('javascript:');
    });

    it('goes to the first place a source is used; a source without places is plain text', () => {
      const { all, actions } = show(analyzed());
      const ap = all('source').find((node) => node.textContent?.startsWith('Associated Press'))!;
      act(() => ap.querySelector('button')!.click());
      expect(actions.showPassage).toHaveBeenCalledWith(selector('Associated Press'));
      const minutes = all('source').find((node) => node.textContent?.startsWith('Council minutes'))!;
      expect(minutes.querySelector('button')).toBeNull();
    });
  });

  describe('At a glance', () => {
    it('gives plain counts, the quoted share, the update delay and where each byline field was read', () => {
      const { one } = show(analyzed());
      expect(one('glance-quotes')?.textContent).toBe('Quotes8 quotes from 4 speakers');
      expect(one('glance-unattributed')?.textContent).toBe('Unattributed2 quotes');
      expect(one('glance-sources')?.textContent).toBe('Sources5 named, 1 anonymous');
      expect(one('glance-quoted-share')?.textContent).toBe('Quoted text34% of the article');
      expect(one('glance-links')?.textContent).toBe('Links out2 links');
      expect(one('glance-published')?.textContent).toBe(
        `Published${formatPageDate('2026-03-03T16:12:00-05:00')}`,
      );
      expect(one('glance-update')?.textContent).toBe('UpdatedUpdated 17 hours later');
      expect(one('glance-author-source')?.textContent).toBe('Authorthe visible byline');
      expect(one('glance-outlet-source')?.textContent).toBe('Outletmeta tags');
      expect(one('glance-published-source')?.textContent).toBe('Publishedstructured data (JSON-LD)');
      expect(one('glance-modified-source')?.textContent).toBe('Updatedthe article text');
      expect(one('glance-decisions')).toBeNull();
    });

    it('says where the page disagreed with itself about the byline, which value is shown and why', () => {
      const base = page();
      const decisions = [
        {
          field: 'authors' as const,
          chosen: { value: 'Ana Ruiz', source: 'byline' as const },
          rejected: [{ value: 'Harbor Desk', source: 'jsonld' as const }],
          reason: 'The visible byline names a person; the structured data names a desk.',
        },
      ];
      const { all } = show(
        withAnalysis(resultView(1, { ...base, byline: { ...base.byline, decisions } }), ANALYSIS, 12),
      );
      expect(all('glance-decision').map((field) => field.textContent)).toEqual([
        'AuthorsShown: Ana Ruiz (the visible byline). Also given: Harbor Desk (structured data (JSON-LD)). ' +
          'The visible byline names a person; the structured data names a desk.',
      ]);
    });
  });

  it('keeps hostile page text as text everywhere', () => {
    const { container } = show(analyzed());
    for (const id of ['view-quotes', 'view-sources']) {
      const view = container.querySelector(`[data-testid="${id}"]`)!;
      expect(view.textContent).toContain(HOSTILE);
      expect(view.querySelector('img')).toBeNull();
      expect(view.querySelector('b')).toBeNull();
    }
    expect((globalThis as { hacked?: unknown }).hacked).toBeUndefined();
  });

  it('shows a plain-words note when a passage could not be found in the page', () => {
    const { one } = show(withPassageNote(analyzed(), PASSAGE_NOT_FOUND));
    expect(one('passage-note')?.getAttribute('role')).toBe('status');
    expect(one('passage-note')?.textContent).toBe(
      'Scrutiny could not find this passage in the page (it may have changed).',
    );
    expect(show(analyzed()).one('passage-note')?.textContent).toBe('');
  });
});
