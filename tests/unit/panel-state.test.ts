/** lib/panel-state: what the panel shows as the analysis arrives, and how it groups quotes and sources. */
import { describe, expect, it } from 'vitest';
import type { Analysis, Quote, Source } from '../../lib/analyze/types';
import {
  ANALYSIS_FAILED,
  groupQuotes,
  groupSources,
  resultView,
  showsAnalysis,
  withAnalysis,
  withAnalysisFailure,
  withPassageNote,
} from '../../lib/panel-state';
import { analyzedPage } from './helpers/pages';

const page = () => analyzedPage();

const quote = (speaker: string | null, anonymous = false): Quote => ({
  text: 'x',
  speaker,
  speakerMention: null,
  cue: null,
  anonymous,
  paragraph: 0,
  start: 0,
  end: 1,
  selector: { exact: 'x', prefix: '', suffix: '' },
});

const source = (name: string, kind: Source['kind'], mentions = 1): Source => ({
  name,
  kind,
  mentions,
  url: null,
  places: [],
});

describe('the result view', () => {
  const analysis: Analysis = {
    quotes: [quote('Ana Ruiz')],
    sources: [source('AP', 'wire')],
    glance: {
      quotes: 1,
      speakers: 1,
      unattributedQuotes: 0,
      namedSources: 1,
      anonymousSources: 0,
      quotedShare: 0.1,
      linksOut: 0,
      minutesToUpdate: null,
    },
  };

  it('starts with the analysis running and no note', () => {
    expect(resultView(4, page())).toMatchObject({
      kind: 'result',
      tabId: 4,
      forced: false,
      analysis: { state: 'running' },
      passageNote: null,
    });
  });

  it('takes the analysis into the page, keeping "Analyze anyway" and the byline', () => {
    const forced = { ...resultView(4, { ...page(), isArticle: false }), forced: true };
    const done = withAnalysis(forced, analysis, 7);
    expect(done.analysis).toEqual({ state: 'done' });
    expect(done.forced).toBe(true);
    expect(showsAnalysis(done)).toBe(true);
    expect(done.page.quotes).toBe(analysis.quotes);
    expect(done.page.sources).toBe(analysis.sources);
    expect(done.page.glance).toBe(analysis.glance);
    expect(done.page.timings.analysis).toBe(7);
    expect(done.page.byline).toBe(forced.page.byline);
    // The view it came from is left as it was.
    expect(forced.page.quotes).toEqual([]);
  });

  it('says in plain words when the analysis failed', () => {
    expect(withAnalysisFailure(resultView(1, page())).analysis).toEqual({
      state: 'failed',
      message: ANALYSIS_FAILED,
    });
  });

  it('sets and clears the passage note', () => {
    const view = resultView(1, page());
    expect(withPassageNote(view, null)).toBe(view);
    expect(withPassageNote(view, 'Not found.').passageNote).toBe('Not found.');
  });
});

describe('groupQuotes', () => {
  it('puts the most quoted first, ties in order of first appearance, unattributed last', () => {
    const groups = groupQuotes([
      quote(null),
      quote('Ana Ruiz'),
      quote('Devon Price'),
      quote('a city official', true),
      quote('Devon Price'),
      quote(null),
      quote(null),
      quote('a city official', true),
      quote(null, true),
    ]);
    expect(
      groups.map((group) => [group.speaker, group.anonymous, group.unattributed, group.quotes.length]),
    ).toEqual([
      ['Devon Price', false, false, 2],
      ['a city official', true, false, 2],
      ['Ana Ruiz', false, false, 1],
      [null, true, false, 1],
      [null, false, true, 3],
    ]);
    expect(new Set(groups.map((group) => group.key)).size).toBe(groups.length);
  });

  it('keeps a named speaker and an anonymous one of the same words apart', () => {
    expect(groupQuotes([quote('official'), quote('official', true)])).toHaveLength(2);
  });
});

describe('groupSources', () => {
  it('lists kinds in a fixed order, most mentioned first, empty kinds left out', () => {
    const groups = groupSources([
      source('example.org', 'link', 1),
      source('Jane Roe', 'person', 1),
      source('Reuters', 'wire', 1),
      source('AP', 'wire', 4),
      source('a source', 'anonymous', 2),
    ]);
    expect(groups.map((group) => [group.kind, group.sources.map((s) => s.name)])).toEqual([
      ['wire', ['AP', 'Reuters']],
      ['person', ['Jane Roe']],
      ['anonymous', ['a source']],
      ['link', ['example.org']],
    ]);
  });
});
