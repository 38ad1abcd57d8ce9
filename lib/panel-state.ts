/** What the panel shows for the tab it follows. */
import type { AnalyzedPage } from './extract/types';

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
  | { kind: 'result'; tabId: number; page: AnalyzedPage; forced: boolean };

/** Should the panel show the analysis, or the "not an article" notice first? */
export function showsAnalysis(view: PanelView): boolean {
  return view.kind === 'result' && (view.page.isArticle || view.forced);
}
