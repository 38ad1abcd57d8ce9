import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { TextQuoteSelector } from '@/lib/analyze/types';
import type { AnalyzedPage } from '@/lib/extract/types';
import type { AnalysisStatus } from '@/lib/panel-state';
import { GlanceView } from './GlanceView';
import { QuotesView } from './QuotesView';
import { SourcesView } from './SourcesView';

const TABS = [
  { id: 'quotes', label: 'Quotes' },
  { id: 'sources', label: 'Sources' },
  { id: 'glance', label: 'At a glance' },
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

/** Quotes, Sources and At a glance, as tabs under the byline card. */
export function AnalysisViews({
  page,
  analysis,
  passageNote,
  onShowPassage,
}: {
  page: AnalyzedPage;
  analysis: AnalysisStatus;
  passageNote: string | null;
  onShowPassage(selector: TextQuoteSelector): void;
}) {
  const [selected, setSelected] = useState<TabId>('quotes');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const done = analysis.state === 'done';
  const counts: Record<TabId, number | null> = {
    quotes: done ? page.quotes.length : null,
    sources: done ? page.sources.length : null,
    glance: null,
  };

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
          <Pending analysis={analysis} />
          {tab.id === 'quotes' && done && <QuotesView quotes={page.quotes} onShowPassage={onShowPassage} />}
          {tab.id === 'sources' && done && (
            <SourcesView sources={page.sources} onShowPassage={onShowPassage} />
          )}
          {tab.id === 'glance' && <GlanceView page={page} running={!done} />}
        </div>
      ))}
    </section>
  );
}
