import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TextQuoteSelector } from '@/lib/analyze/types';
import type { AnalyzedPage } from '@/lib/extract/types';
import type { AnalysisStatus } from '@/lib/panel-state';
import { notesCount } from '@/lib/notes-view-state';
import { GlanceView } from './GlanceView';
import { NotesView, type NotesViewProps } from './NotesView';
import { QuotesView } from './QuotesView';
import { SourcesView } from './SourcesView';

const TABS = [
  { id: 'quotes', label: 'Quotes' },
  { id: 'sources', label: 'Sources' },
  { id: 'glance', label: 'At a glance' },
  { id: 'notes', label: 'Notes' },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** Keys that move between tabs (WAI-ARIA tabs pattern, automatic activation). */
function nextTab(key: string, index: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % TABS.length;
    case 'ArrowLeft':
      return (index - 1 + TABS.length) % TABS.length;
    case 'Home':
      return 0;
    case 'End':
      return TABS.length - 1;
    default:
      return null;
  }
}

function Pending({ analysis }: { analysis: AnalysisStatus }) {
  if (analysis.state === 'running')
    return (
      <p class="pending" data-testid="analysis-running">
        Finding quotes and sources…
      </p>
    );
  if (analysis.state === 'failed')
    return (
      <p class="analysis-failed" data-testid="analysis-failed">
        {analysis.message}
      </p>
    );
  return null;
}

/** The reader's notes for the page, and how many times a highlight in the page asked to be shown. */
export interface NotesPanel {
  view: NotesViewProps;
  focusRequests: number;
}

/** Quotes, Sources, At a glance and the reader's Notes, as tabs under the byline card. */
export function AnalysisViews({
  page,
  analysis,
  passageNote,
  notes,
  onShowPassage,
}: {
  page: AnalyzedPage;
  analysis: AnalysisStatus;
  passageNote: string | null;
  notes: NotesPanel;
  onShowPassage(selector: TextQuoteSelector): void;
}) {
  const [selected, setSelected] = useState<TabId>('quotes');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const done = analysis.state === 'done';
  const counts: Record<TabId, number | null> = {
    quotes: done ? page.quotes.length : null,
    sources: done ? page.sources.length : null,
    glance: null,
    notes: notesCount(notes.view.entries, notes.view.pageNote) || null,
  };

  // A click on a highlight in the page brings its note up here.
  useEffect(() => {
    if (notes.focusRequests > 0) setSelected('notes');
  }, [notes.focusRequests]);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((tab) => tab.id === selected);
    const next = nextTab(event.key, index);
    if (next === null) return;
    event.preventDefault();
    setSelected(TABS[next]!.id);
    tabs.current[next]?.focus();
  };

  return (
    <section
      class="analysis"
      aria-label="Quotes and sources"
      data-testid="analysis"
      data-analysis={analysis.state}
    >
      <div class="tabs" role="tablist" aria-label="What the article rests on" onKeyDown={onKeyDown}>
        {TABS.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            class="tab"
            aria-selected={tab.id === selected}
            aria-controls={`view-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            data-testid={`tab-${tab.id}`}
            onClick={() => setSelected(tab.id)}
          >
            {tab.label}
            {counts[tab.id] !== null && <span class="tab-count"> {counts[tab.id]}</span>}
          </button>
        ))}
      </div>
      {/* Always there, so screen readers announce a note when it appears. */}
      <p class="passage-note" role="status" data-testid="passage-note">
        {passageNote ?? ''}
      </p>
      {TABS.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`view-${tab.id}`}
          class="tabpanel"
          aria-labelledby={`tab-${tab.id}`}
          tabIndex={0}
          hidden={tab.id !== selected}
          data-testid={`view-${tab.id}`}
        >
          {tab.id !== 'notes' && <Pending analysis={analysis} />}
          {tab.id === 'quotes' && done && <QuotesView quotes={page.quotes} onShowPassage={onShowPassage} />}
          {tab.id === 'sources' && done && (
            <SourcesView sources={page.sources} onShowPassage={onShowPassage} />
          )}
          {tab.id === 'glance' && <GlanceView page={page} running={!done} />}
          {tab.id === 'notes' && <NotesView {...notes.view} />}
        </div>
      ))}
    </section>
  );
}
