/**
 * The reader's wait, as the panel sees it: every analysis gets a number, and each of its steps a
 * Performance mark (`scrutiny:<step>`) carrying that number and the tab. `npm run bench -- --only panel`
 * (scripts/bench-panel.ts) reads them through another page of the extension and sets them against the
 * moment of the reader's gesture, taken there. Each mark carries the wall clock (`at`), which all pages
 * share: `performance.timeOrigin` is not comparable across documents in Firefox (a new window's was 50 ms
 * off). Marks stay in the panel's own document, which no web page can read.
 */

/** In the order they happen; `byline-painted` and `quotes-painted` are taken after the browser painted. */
export const PANEL_STEPS = [
  'requested',
  'injected',
  'captured',
  'built',
  'byline-painted',
  'analyzed',
  'quotes-painted',
] as const;
export type PanelStep = (typeof PANEL_STEPS)[number];

export const PANEL_MARK_PREFIX = 'scrutiny:';

export interface PanelMarkDetail {
  request: number;
  tabId: number;
  /** Date.now() when marked (set by markStep). */
  at?: number;
  /** On `byline-painted`: what the panel showed (`result`, or why there is no analysis). */
  view?: string;
  /** On the panel's first `requested`: how its own start-up went (ms since its document began). */
  startUp?: PanelStartUp;
}

/** The panel's start-up: its HTML parsed (`domInteractive`), then its first script's body begun. */
export interface PanelStartUp {
  htmlParsed: number;
  scriptsEvaluated: number;
}

/** Until the first request reports it (once). */
let scriptsEvaluatedAt: number | null = null;

/**
 * Called first thing in the panel's entry script, whose body runs once every module it imports has been
 * fetched, parsed and evaluated: what the panel's code costs before it can do anything.
 */
export function noteScriptsEvaluated(): void {
  scriptsEvaluatedAt = performance.now();
}

function startUpOnce(): PanelStartUp | undefined {
  if (scriptsEvaluatedAt === null) return undefined;
  const scriptsEvaluated = scriptsEvaluatedAt;
  scriptsEvaluatedAt = null;
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return { htmlParsed: navigation?.domInteractive ?? NaN, scriptsEvaluated };
}

export function markStep(step: PanelStep, detail: PanelMarkDetail): void {
  // A new analysis starts a new set: the marks never pile up in a panel that stays open all day.
  let startUp: PanelStartUp | undefined;
  if (step === 'requested') {
    performance.clearMarks();
    startUp = startUpOnce();
  }
  performance.mark(PANEL_MARK_PREFIX + step, { detail: { ...detail, at: Date.now(), startUp } });
}

/**
 * Mark once what the last render put on screen has been painted: the frame's callback runs before its
 * paint, the task after it once the paint is done. A hidden panel paints nothing and marks nothing.
 */
export function markAfterPaint(step: PanelStep, detail: PanelMarkDetail): void {
  requestAnimationFrame(() => setTimeout(() => markStep(step, detail), 0));
}

/**
 * Marked when an analysis made in the background (lib/background-analyses.ts) is kept for its tab, so
 * that the end-to-end test can switch to the tab once there is something to show. Not a step of a
 * request: under a prefix of its own, which the bench's reading of the steps passes over.
 */
export const BACKGROUND_KEPT_MARK = 'scrutiny-background:kept';

export function markKeptInBackground(tabId: number): void {
  performance.mark(BACKGROUND_KEPT_MARK, { detail: { tabId, at: Date.now() } });
}
