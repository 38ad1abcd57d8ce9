/** What the panel shows for the tab it follows. */
import { analyzeArticle, MAX_ANALYZED_CHARACTERS, TextTooLongError } from './analyze';
import { SOURCE_KINDS, type Analysis, type Quote, type Source, type SourceKind } from './analyze/types';
import type { AnalyzedPage } from './extract/types';

/** How far the quotes-and-sources step has got; it runs after the byline card is on screen. */
export type AnalysisStatus =
  | { state: 'running' }
  | { state: 'done' }
  /** `message` is shown to the reader, so plain words. */
  | { state: 'failed'; message: string };

export type PanelView =
  /** Waiting for the first tab. */
  | { kind: 'idle' }
  | { kind: 'loading'; tabId: number }
  /** A page no extension may read (browser pages, stores, PDF viewer). */
  | { kind: 'restricted'; tabId: number; reason: string }
  /** The reader has not granted access to this page yet. */
  | { kind: 'needs-permission'; tabId: number }
  | { kind: 'error'; tabId: number; message: string }
  /** The analysis; `forced` once the reader chose "Analyze anyway" on a non-article. */
  | {
      kind: 'result';
      tabId: number;
      page: AnalyzedPage;
      forced: boolean;
      /** The quotes and sources in `page` are final once this is `done`. */
      analysis: AnalysisStatus;
      /** Set when a quote or source could not be shown in the page: plain words for the reader. */
      passageNote: string | null;
    };

export type ResultView = Extract<PanelView, { kind: 'result' }>;

export const ANALYSIS_FAILED =
  'Scrutiny could not work out the quotes and sources of this article. The byline above is not affected.';
/** The analysis's own limit (lib/analyze), which the CLI keeps to as well. */
export { MAX_ANALYZED_CHARACTERS };
export const ANALYSIS_TOO_LONG =
  'This text is too long for Scrutiny to look for quotes and sources in it. The byline above is not affected.';
export const PASSAGE_NOT_FOUND = 'Scrutiny could not find this passage in the page (it may have changed).';
export const PAGE_UNREACHABLE =
  'Scrutiny could not reach the page to show this passage. Reload the page, analyze it again and try once more.';

/** A freshly read page: byline ready, quotes and sources still to come. */
export function resultView(tabId: number, page: AnalyzedPage): ResultView {
  return { kind: 'result', tabId, page, forced: false, analysis: { state: 'running' }, passageNote: null };
}

/** The quotes-and-sources step's outcome, to merge into whichever view still shows the page. */
export type AnalysisOutcome =
  | { ok: true; analysis: Analysis; ms: number }
  /** `message`: plain words for the reader. */
  | { ok: false; message: string };

/** Run the quotes-and-sources analysis of a page already on screen. Never throws. */
export function analyzeQuotesAndSources(page: AnalyzedPage): AnalysisOutcome {
  const started = performance.now();
  try {
    const analysis = analyzeArticle(page);
    return { ok: true, analysis, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof TextTooLongError) return { ok: false, message: ANALYSIS_TOO_LONG };
    console.warn('Scrutiny: finding quotes and sources failed:', error);
    return { ok: false, message: ANALYSIS_FAILED };
  }
}

/** Should the panel show the analysis, or the "not an article" notice first? */
export function showsAnalysis(view: PanelView): boolean {
  return view.kind === 'result' && (view.page.isArticle || view.forced);
}

/** The view with the finished analysis of its page. */
export function withAnalysis(view: ResultView, analysis: Analysis, ms?: number): ResultView {
  const timings = ms === undefined ? view.page.timings : { ...view.page.timings, analysis: ms };
  return {
    ...view,
    page: {
      ...view.page,
      quotes: analysis.quotes,
      sources: analysis.sources,
      glance: analysis.glance,
      timings,
    },
    analysis: { state: 'done' },
  };
}

/** The view when the analysis failed or was not run: the byline stays, the views say why. */
export function withAnalysisFailure(view: ResultView, message = ANALYSIS_FAILED): ResultView {
  return { ...view, analysis: { state: 'failed', message } };
}

/** The view once the quotes-and-sources step is over, whichever way it went. */
export function withAnalysisOutcome(view: ResultView, outcome: AnalysisOutcome): ResultView {
  return outcome.ok
    ? withAnalysis(view, outcome.analysis, outcome.ms)
    : withAnalysisFailure(view, outcome.message);
}

export function withPassageNote(view: ResultView, passageNote: string | null): ResultView {
  return view.passageNote === passageNote ? view : { ...view, passageNote };
}

/** The quotes of one speaker (or the unattributed ones), in reading order. */
export interface QuoteGroup {
  /** Stable and unique among the groups; for keys and element ids. */
  key: string;
  /** The canonical name; null for unattributed quotes and unnamed anonymous speakers. */
  speaker: string | null;
  anonymous: boolean;
  /** Unattributed: no speaker and not an anonymous source. Listed last, never guessed. */
  unattributed: boolean;
  quotes: Quote[];
}

/** Quotes grouped by speaker, most quoted first (ties: who is quoted first), unattributed last. */
export function groupQuotes(quotes: Quote[]): QuoteGroup[] {
  const groups = new Map<string, QuoteGroup>();
  for (const quote of quotes) {
    const unattributed = quote.speaker === null && !quote.anonymous;
    const key = unattributed
      ? 'unattributed'
      : `${quote.anonymous ? 'anonymous' : 'named'}:${quote.speaker ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, speaker: quote.speaker, anonymous: quote.anonymous, unattributed, quotes: [] };
      groups.set(key, group);
    }
    group.quotes.push(quote);
  }
  const order = [...groups.values()];
  // Array.prototype.sort is stable: equal counts keep the order of first appearance.
  return order.sort(
    (a, b) => Number(a.unattributed) - Number(b.unattributed) || b.quotes.length - a.quotes.length,
  );
}

/** Source kinds in the order the Sources view lists them. */
export const SOURCE_KIND_ORDER: readonly SourceKind[] = SOURCE_KINDS;

export interface SourceGroup {
  kind: SourceKind;
  sources: Source[];
}

/** Sources grouped by kind in SOURCE_KIND_ORDER, each group most mentioned first; empty kinds left out. */
export function groupSources(sources: Source[]): SourceGroup[] {
  return SOURCE_KIND_ORDER.map((kind) => ({
    kind,
    sources: sources.filter((source) => source.kind === kind).sort((a, b) => b.mentions - a.mentions),
  })).filter((group) => group.sources.length > 0);
}
