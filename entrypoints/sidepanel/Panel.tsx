/** The panel's container: follows the tab, runs the analysis, hands the result to the views. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { NotesPanel } from '@/components/AnalysisViews';
import { PanelScreen, type PanelActions, type PanelSettings } from '@/components/PanelScreen';
import type { AnalyzedPage } from '@/lib/extract/types';
import {
  analyzeQuotesAndSources,
  PAGE_UNREACHABLE,
  PASSAGE_NOT_FOUND,
  withAnalysisOutcome,
  withPassageNote,
  type PanelView,
  type ResultView,
} from '@/lib/panel-state';
import {
  ALL_SITES,
  afterNextPaint,
  analyzeTab,
  activeTabId,
  followTabs,
  hasAllSitesPermission,
  saveForcedTabs,
  showPassageInTab,
  type PanelStart,
  type PanelTarget,
} from './tab-analysis';
import { BackgroundAnalyses } from '@/lib/background-analyses';
import { markAfterPaint, markKeptInBackground, markStep } from './timing';
import { useNotes } from './use-notes';
import { useSavedArticle } from './use-saved-article';
import { useClip } from './use-clip';
import { takePendingSave } from './pending-note';
import { ClipCard } from '@/components/ClipCard';
import { parseAnnotationMessage } from '@/lib/annotations/messages';
// Not the store's index: it also carries the import code and its schemas (zod), which the panel does
// not need and would parse on every opening.
import { openLibraryWriter } from '../library/first-screen-copy';

/** The library's database, in the extension's own origin (the panel writes saved articles itself). */
const libraryDb = openLibraryWriter();

async function readShortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === 'analyze-page')?.shortcut ?? '';
  } catch {
    return '';
  }
}

export function Panel({ starting }: { starting: Promise<PanelStart> }) {
  const [view, setView] = useState<PanelView>({ kind: 'idle' });
  const [settings, setSettings] = useState<PanelSettings>({
    shortcut: '',
    allSitesAllowed: false,
    allSitesRefused: false,
  });
  const target = useRef<PanelTarget | null>(null);
  const currentTab = useRef<number | null>(null);
  // Every analysis gets a number; a result that arrives after a newer request is dropped.
  const latestRequest = useRef(0);
  // Finished analyses by tab, so switching back to a tab shows it at once. Dropped when the tab navigates.
  const analyzedTabs = useRef(new Map<number, ResultView>());
  // The newest analysis asked of each tab: an older one that finishes after it (two requests on opening,
  // seen in Firefox) must not replace its result, or the quotes of the one on screen are never shown.
  const newestForTab = useRef(new Map<number, number>());
  // Tabs where the reader chose "Analyze anyway" on a page that does not look like an article.
  const forcedTabs = useRef(new Set<number>());
  // Set by "Analyze anyway" so keyboard focus lands on the analysis, not on a button that is gone.
  const focusHeadline = useRef(false);
  /** A result as the reader left its tab: "Analyze anyway" holds until the tab loads another page. */
  const withForcedChoice = (view: ResultView): ResultView =>
    forcedTabs.current.has(view.tabId) ? { ...view, forced: true } : view;
  // Tabs of the window that finish loading are analysed in the background, so a switch shows them at once.
  // Only where Scrutiny may already read the page (a host permission): elsewhere the injection fails.
  const [inBackground] = useState(
    () =>
      new BackgroundAnalyses<ResultView>({
        analyze: async (tabId) => {
          const analyzed = await analyzeTab(tabId);
          if (analyzed.kind !== 'result') return null;
          return withForcedChoice(withAnalysisOutcome(analyzed, analyzeQuotesAndSources(analyzed.page)));
        },
        known: (tabId) => analyzedTabs.current.has(tabId),
        keep: (tabId, result) => {
          analyzedTabs.current.set(tabId, result);
          markKeptInBackground(tabId);
        },
        failed: (error) => console.warn('Scrutiny: a background analysis failed:', error),
      }),
  );

  /**
   * Change the result shown for `page` in a tab, in the cache and on screen, if it is still that page
   * (the tab may have moved on, or the panel to another tab, while the page worked).
   */
  const updateResult = useCallback(
    (tabId: number, page: AnalyzedPage, change: (view: ResultView) => ResultView) => {
      const known = analyzedTabs.current.get(tabId);
      if (known?.page === page) analyzedTabs.current.set(tabId, change(known));
      setView((current) =>
        current.kind === 'result' && current.tabId === tabId && current.page === page
          ? change(current)
          : current,
      );
    },
    [],
  );

  const analyze = useCallback(
    async (tabId: number) => {
      const request = ++latestRequest.current;
      const marked = { request, tabId };
      markStep('requested', marked);
      currentTab.current = tabId;
      newestForTab.current.set(tabId, request);
      setView({ kind: 'loading', tabId });
      const analyzed = await analyzeTab(tabId, (step) => markStep(step, marked));
      const result = analyzed.kind === 'result' ? withForcedChoice(analyzed) : analyzed;
      if (result.kind === 'result' && newestForTab.current.get(tabId) === request)
        analyzedTabs.current.set(tabId, result);
      if (request === latestRequest.current) {
        setView(result);
        markAfterPaint('byline-painted', { ...marked, view: result.kind });
      }
      if (result.kind !== 'result') return;
      // The byline card first; quotes and sources once it is on screen, without freezing the panel.
      const page = result.page;
      afterNextPaint(() => {
        if (analyzedTabs.current.get(tabId)?.page !== page) return; // the tab has moved on
        const outcome = analyzeQuotesAndSources(page);
        markStep('analyzed', marked);
        updateResult(tabId, page, (view) => withAnalysisOutcome(view, outcome));
        markAfterPaint('quotes-painted', marked);
      });
    },
    [updateResult],
  );

  /** Show an analysis already made, marking it for the bench as any other. */
  const present = useCallback((known: ResultView, marked: { request: number; tabId: number }) => {
    setView(known);
    markAfterPaint('byline-painted', { ...marked, view: known.kind });
    if (known.analysis.state !== 'running') markAfterPaint('quotes-painted', marked);
  }, []);

  const show = useCallback(
    (tabId: number) => {
      const known = analyzedTabs.current.get(tabId);
      const running = inBackground.runningFor(tabId);
      if (!known && !running) return void analyze(tabId);
      const marked = { request: ++latestRequest.current, tabId };
      markStep('requested', marked);
      currentTab.current = tabId;
      if (known) return present(known, marked);
      // Half done in the background: finish that rather than start again.
      setView({ kind: 'loading', tabId });
      void running!.then(() => {
        if (marked.request !== latestRequest.current) return; // the reader has moved on
        const ready = analyzedTabs.current.get(tabId);
        if (ready) present(ready, marked);
        else void analyze(tabId);
      });
    },
    [analyze, present],
  );

  useEffect(() => {
    let stop: (() => void) | undefined;
    void (async () => {
      // The settings only change wording; they do not hold up the first analysis.
      void Promise.all([readShortcut(), hasAllSitesPermission()]).then(([shortcut, allSitesAllowed]) =>
        setSettings((current) => ({ ...current, shortcut, allSitesAllowed })),
      );
      const { target: resolved, tabId, forcedTabs: forced } = await starting;
      target.current = resolved;
      forcedTabs.current = forced;
      stop = followTabs(resolved, () => currentTab.current, {
        onTabActivated: show,
        onTabNavigating: (tabId) => {
          inBackground.navigated(tabId);
          analyzedTabs.current.delete(tabId);
          if (forcedTabs.current.delete(tabId)) void saveForcedTabs(forcedTabs.current);
        },
        onTabLoaded: (tabId) => void analyze(tabId),
        onBackgroundTabLoaded: (tabId) => inBackground.schedule(tabId),
        onAnalyzeRequested: (tabId) => void analyze(tabId),
      });
      // A tab switch between reading the active tab and listening for switches would be lost: the
      // panel would go on showing the tab it opened on. Read it again now that the panel listens.
      const active = await activeTabId(resolved).catch(() => tabId);
      if (active !== null && active !== tabId) show(active);
      else if (tabId !== null) await analyze(tabId);
    })();
    return () => stop?.();
  }, [analyze, show, starting]);

  useEffect(() => {
    if (!focusHeadline.current || view.kind !== 'result') return;
    focusHeadline.current = false;
    document.getElementById('headline')?.focus();
  }, [view]);

  // The reader's notes follow the tab whose page is shown (a page Scrutiny could read).
  const [notesState, notesActions] = useNotes(
    view.kind === 'result' ? view.tabId : null,
    view.kind === 'result',
    settings.allSitesAllowed,
  );
  const notes: NotesPanel = {
    focusRequests: notesState.focusRequests,
    view: {
      entries: notesState.entries,
      pageNote: notesState.pageNote,
      restore: notesState.restore,
      focusedId: notesState.focusedId,
      focusRequest: notesState.focusRequests,
      undoable: notesState.undoable,
      error: notesState.error,
      onShowInPage: notesActions.showInPage,
      onSaveNote: notesActions.saveNote,
      onSaveTags: notesActions.saveTags,
      onSetColour: notesActions.setColour,
      onDelete: notesActions.remove,
      onUndo: notesActions.undo,
      onSavePageNote: notesActions.savePageNote,
      onAllowAutomatic: () => actions.allowAllSites(),
      onAddToCollection: (id) => {
        const annotation = notesState.entries.find((entry) => entry.annotation.id === id)?.annotation;
        if (!annotation || view.kind !== 'result') return;
        const { byline, title, lang } = view.page;
        clipActions.addHighlight(annotation, {
          title: title || annotation.target.title,
          authors: byline.authors.map((author) => author.name),
          outlet: byline.outlet?.name ?? null,
          published: byline.published,
          url: annotation.target.canonicalUrl ?? annotation.target.url,
          lang,
        });
      },
    },
  };

  const [savedState, savedActions] = useSavedArticle(libraryDb, view);
  const [clipState, clipActions] = useClip(libraryDb, view.kind === 'result' ? view.tabId : null);

  // "Save article" from the menu or a shortcut: saved once the quotes and sources are known.
  const saveRequested = useRef<number | null>(null);
  const shownTab = view.kind === 'result' ? view.tabId : null;
  useEffect(() => {
    if (shownTab === null) return;
    void takePendingSave(shownTab).then((pending) => {
      if (pending) saveRequested.current = shownTab;
    });
    // Only the background sends this: a message from a page's content script carries its tab.
    const listener = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
      const message = sender.id === browser.runtime.id && !sender.tab ? parseAnnotationMessage(raw) : null;
      if (message?.type === 'scrutiny/save-article-request' && message.tabId === shownTab) {
        void browser.storage.session.remove('pendingSave').catch(() => undefined);
        saveRequested.current = shownTab;
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [shownTab]);
  useEffect(() => {
    if (saveRequested.current === null || saveRequested.current !== shownTab) return;
    if (savedState.analysisPending || savedState.status === 'checking' || savedState.status === 'saving')
      return;
    saveRequested.current = null;
    savedActions.save();
  });

  const actions: PanelActions = {
    analyzeAnyway: () => {
      if (view.kind !== 'result') return;
      const forced = { ...view, forced: true };
      forcedTabs.current.add(view.tabId);
      void saveForcedTabs(forcedTabs.current);
      analyzedTabs.current.set(view.tabId, forced);
      focusHeadline.current = true;
      setView(forced);
    },
    retry: () => {
      if (currentTab.current !== null) void analyze(currentTab.current);
    },
    showPassage: (selector) => {
      if (view.kind !== 'result') return;
      const { tabId, page } = view;
      // Cleared first, so a note that comes again is announced again.
      setView((current) => (current.kind === 'result' ? withPassageNote(current, null) : current));
      void showPassageInTab(tabId, selector).then((outcome) => {
        const note =
          outcome === 'shown' ? null : outcome === 'not-found' ? PASSAGE_NOT_FOUND : PAGE_UNREACHABLE;
        setView((current) =>
          current.kind === 'result' && current.tabId === tabId && current.page === page
            ? withPassageNote(current, note)
            : current,
        );
      });
    },
    allowAllSites: () => {
      // permissions.request must be the first thing the click does, or the browser refuses it.
      void browser.permissions.request(ALL_SITES).then((granted) => {
        setSettings((current) => ({ ...current, allSitesAllowed: granted, allSitesRefused: !granted }));
        if (granted && currentTab.current !== null) void analyze(currentTab.current);
      });
    },
  };

  return (
    <main class="panel" data-view={view.kind}>
      <header class="panel-header">
        <span class="brand">Scrutiny</span>
      </header>
      {clipState.clipping && (
        <ClipCard
          clipping={clipState.clipping}
          collections={clipState.collections}
          error={clipState.error}
          onSave={clipActions.save}
          onRemove={clipActions.remove}
          onDone={clipActions.close}
        />
      )}
      <PanelScreen
        view={view}
        settings={settings}
        actions={actions}
        notes={notes}
        saved={{ state: savedState, actions: savedActions }}
      />
    </main>
  );
}
