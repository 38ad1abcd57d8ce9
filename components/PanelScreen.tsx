import type { TextQuoteSelector } from '@/lib/analyze/types';
import type { PanelView } from '@/lib/panel-state';
import { showsAnalysis } from '@/lib/panel-state';
import { AnalysisViews, type NotesPanel } from './AnalysisViews';
import { BylineCard, PageWarnings } from './BylineCard';
import { SavedArticleBar, type SavedArticleActions, type SavedArticleState } from './SavedArticleBar';
import { StatusNotice } from './StatusNotice';

export interface PanelActions {
  analyzeAnyway(): void;
  retry(): void;
  /** Ask for the optional permission to analyze every page without a click. */
  allowAllSites(): void;
  /** Scroll the page to a quote or a source mention and light it up. */
  showPassage(selector: TextQuoteSelector): void;
}

export interface PanelSettings {
  /** The keyboard shortcut as the browser has it, e.g. "Alt+Shift+S"; empty when unset. */
  shortcut: string;
  allSitesAllowed: boolean;
  /** The reader was asked for all sites and the browser did not grant it. */
  allSitesRefused: boolean;
}

function FollowSetting({ settings, actions }: { settings: PanelSettings; actions: PanelActions }) {
  if (settings.allSitesAllowed) {
    return <p class="setting">Scrutiny analyzes every page you open while this panel is open.</p>;
  }
  return (
    <p class="setting">
      <button type="button" class="secondary" onClick={actions.allowAllSites} data-testid="allow-all-sites">
        Analyze every article I open
      </button>
      {settings.allSitesRefused && (
        <span class="setting-refused" role="status" data-testid="all-sites-refused">
          {' '}
          Access to all sites was not granted, so Scrutiny still reads a page only when you ask it to.
        </span>
      )}
    </p>
  );
}

/** Everything the panel can show for one tab. */
export function PanelScreen({
  view,
  settings,
  actions,
  notes,
  saved,
}: {
  view: PanelView;
  settings: PanelSettings;
  actions: PanelActions;
  notes: NotesPanel;
  /** The reader's saved copy of the article; absent where the panel has no library (tests of the views). */
  saved?: { state: SavedArticleState; actions: SavedArticleActions };
}) {
  const gesture = settings.shortcut
    ? `click the Scrutiny button in the toolbar or press ${settings.shortcut}`
    : 'click the Scrutiny button in the toolbar';
  switch (view.kind) {
    case 'idle':
    case 'loading':
      return (
        <StatusNotice title="Reading the page…" testId="loading">
          <p>Scrutiny is finding the article, its byline and its dates.</p>
        </StatusNotice>
      );
    case 'restricted':
      return (
        <StatusNotice title="Scrutiny cannot read this page" testId="restricted">
          <p>{view.reason}</p>
        </StatusNotice>
      );
    case 'needs-permission':
      return (
        <StatusNotice title="Analyze this page?" testId="needs-permission">
          <p>Scrutiny only reads a page when you ask it to. To analyze this one, {gesture}.</p>
          <FollowSetting settings={settings} actions={actions} />
        </StatusNotice>
      );
    case 'error':
      return (
        <StatusNotice title="Something went wrong" tone="error" testId="error">
          <p>{view.message}</p>
          <button type="button" onClick={actions.retry} data-testid="retry">
            Try again
          </button>
        </StatusNotice>
      );
    case 'result':
      if (!showsAnalysis(view)) {
        return (
          <StatusNotice title="This does not look like an article" tone="warning" testId="not-article">
            <p>{view.page.articleReason}</p>
            <PageWarnings warnings={view.page.warnings} />
            <button type="button" onClick={actions.analyzeAnyway} data-testid="analyze-anyway">
              Analyze anyway
            </button>
          </StatusNotice>
        );
      }
      return (
        <>
          {!view.page.isArticle && (
            <p class="forced-note" role="note">
              Shown on request: {view.page.articleReason}
            </p>
          )}
          {saved && <SavedArticleBar state={saved.state} actions={saved.actions} />}
          <BylineCard page={view.page} />
          <AnalysisViews
            page={view.page}
            analysis={view.analysis}
            passageNote={view.passageNote}
            notes={notes}
            onShowPassage={actions.showPassage}
          />
          {!settings.allSitesAllowed && (
            <footer class="panel-footer">
              <FollowSetting settings={settings} actions={actions} />
            </footer>
          )}
        </>
      );
  }
}
