/**
 * The in-page half of `npm run bench` (scripts/bench.ts): bundled by esbuild into an IIFE that sets the
 * global `ScrutinyBench`, evaluated in each corpus page loaded in headless Chromium. Everything here is
 * synchronous so that one `page.evaluate` measures one page without round trips between the runs.
 *
 * Per-step timing needs no copy of the pipeline: when bench.ts bundles this file, every function that
 * lib/extract/capture.ts and index.ts import is wrapped in `timedStep` (see its esbuild plugin), so the
 * profile follows the library as it changes.
 */
import { Readability } from '@mozilla/readability';
import { analyzeArticle } from '../lib/analyze/index';
import { buildAnalyzedPage, capturePage, type AnalyzedPage, type PageCapture } from '../lib/extract/index';

/** Steps measured next to the pipeline, for comparison; not part of it. */
export const SIDE_STEPS = ['baseline: cloneNode', 'baseline: Readability.parse', 'capture as JSON'] as const;
/** What capturePage and buildAnalyzedPage spend outside every wrapped call. */
export const CAPTURE_REST = 'capturePage (rest)';
export const BUILD_REST = 'buildAnalyzedPage (rest)';

export interface PageRuns {
  elementCount: number;
  /** Milliseconds of the page's first call, before any warm-up; only for the one that went first. */
  coldFull: number | null;
  coldReadability: number | null;
  /** Exclusive milliseconds per step in that first call, when it was the full extraction's. */
  coldSteps: Record<string, number> | null;
  /** Milliseconds, one entry per timed run. */
  full: number[];
  capture: number[];
  build: number[];
  readability: number[];
  /** The analysis (quotes, sources) of the extracted article, one entry per timed run. */
  analysis: number[];
  /** The page's first analysis, with the analysis code not yet compiled in this page. */
  coldAnalysis: number;
  quotes: number;
  /** Exclusive milliseconds per pipeline step, one entry per profiling run, in the order they first ran. */
  steps: Record<string, number[]>;
  /** Milliseconds per side measurement (SIDE_STEPS), one entry per profiling run. */
  sideSteps: Record<string, number[]>;
  articleWords: number;
  isArticle: boolean;
  readabilityFound: boolean;
}

export interface MeasureOptions {
  url: string;
  /** Untimed runs of each measurement first: the JIT keeps speeding the code up over the first few. */
  warmUps: number;
  runs: number;
  profileRuns: number;
  /**
   * Which measurement gets the page's first, cold call. Only one of the two can, since they share
   * Readability's code; bench.ts alternates it from page to page.
   */
  coldFirst: 'full' | 'readability';
}

const now = () => performance.now();

type GarbageCollector = (options?: { type: 'minor' | 'major' }) => void;
const gc = (globalThis as { gc?: GarbageCollector }).gc;

/**
 * Empty the young generation between runs, so one run's short-lived garbage is not charged to the next
 * (needs --expose-gc). Only a minor collection: a full one takes 20–50 ms per call on a news page, which
 * would make the bench last far longer than the runs it separates.
 */
function collectGarbage(): void {
  gc?.({ type: 'minor' });
}

// ---------------------------------------------------------------------------------------------------
// Step timing

interface StepFrame {
  name: string;
  /** Time spent in wrapped calls made from inside this one, so that each step counts only its own. */
  nested: number;
}

let profiling: { frames: StepFrame[]; totals: Map<string, number> } | null = null;

function timeStep<T>(name: string, run: () => T): T {
  const session = profiling;
  if (!session) return run();
  const frame: StepFrame = { name, nested: 0 };
  // Enter the name on first use, so that the totals list the steps in the order they start.
  if (!session.totals.has(name)) session.totals.set(name, 0);
  session.frames.push(frame);
  const started = now();
  try {
    return run();
  } finally {
    const elapsed = now() - started;
    session.frames.pop();
    session.totals.set(name, session.totals.get(name)! + elapsed - frame.nested);
    const caller = session.frames.at(-1);
    if (caller) caller.nested += elapsed;
  }
}

/** Wraps a library function so that, while profiling, its time is recorded under `name`. */
export function timedStep<Args extends unknown[], Result>(
  name: string,
  step: (...args: Args) => Result,
): (...args: Args) => Result {
  return function (this: unknown, ...args: Args): Result {
    return profiling ? timeStep(name, () => step.apply(this, args)) : step.apply(this, args);
  };
}

/**
 * DOM and platform calls that capturePage and buildAnalyzedPage make themselves: patched while
 * profiling, and counted only when called straight from those two (Readability and DOMPurify use some
 * of them internally, and that time belongs to them).
 */
function patchPlatformSteps(): () => void {
  const fromPipeline = () => {
    const caller = profiling?.frames.at(-1)?.name;
    return caller === CAPTURE_REST || caller === BUILD_REST;
  };
  const restores: Array<() => void> = [];

  const cloneNode = Node.prototype.cloneNode;
  Node.prototype.cloneNode = function (this: Node, deep?: boolean) {
    return deep && this.nodeType === Node.DOCUMENT_NODE && fromPipeline()
      ? timeStep('cloneNode (document)', () => cloneNode.call(this, deep))
      : cloneNode.call(this, deep);
  };
  restores.push(() => (Node.prototype.cloneNode = cloneNode));

  const clone = globalThis.structuredClone;
  globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) =>
    fromPipeline()
      ? timeStep('structuredClone', () => clone(value, options))
      : clone(value, options)) as typeof structuredClone;
  restores.push(() => (globalThis.structuredClone = clone));

  const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
  Object.defineProperty(Element.prototype, 'innerHTML', {
    ...innerHtml,
    get(this: Element) {
      return fromPipeline()
        ? timeStep('innerHTML (serialize)', () => innerHtml.get!.call(this) as string)
        : (innerHtml.get!.call(this) as string);
    },
  });
  restores.push(() => Object.defineProperty(Element.prototype, 'innerHTML', innerHtml));

  return () => restores.forEach((restore) => restore());
}

// ---------------------------------------------------------------------------------------------------
// Runs

function timeFull(url: string, full: number[], capture: number[], build: number[]) {
  collectGarbage();
  const started = now();
  const captured = capturePage(document, { url });
  const captureDone = now();
  const page = buildAnalyzedPage(captured, window);
  const finished = now();
  full.push(finished - started);
  capture.push(captureDone - started);
  build.push(finished - captureDone);
  return page;
}

function timeAnalysis(page: AnalyzedPage, analysis: number[]) {
  collectGarbage();
  const started = now();
  const result = analyzeArticle(page);
  analysis.push(now() - started);
  return result;
}

function timeReadability(readability: number[]) {
  collectGarbage();
  const started = now();
  const parsed = new Readability(document.cloneNode(true) as Document).parse();
  readability.push(now() - started);
  return parsed;
}

interface ProfiledRun {
  captured: PageCapture;
  /** Exclusive milliseconds per step, in the order the steps started. */
  steps: Map<string, number>;
  total: number;
}

/** The full extraction with every step timed. */
function profiledFull(url: string): ProfiledRun {
  const session = { frames: [], totals: new Map<string, number>() };
  const restore = patchPlatformSteps();
  profiling = session;
  try {
    const started = now();
    const captured = timeStep(CAPTURE_REST, () => capturePage(document, { url }));
    timeStep(BUILD_REST, () => buildAnalyzedPage(captured, window));
    return { captured, steps: session.totals, total: now() - started };
  } finally {
    profiling = null;
    restore();
  }
}

/** One profiled run of the full extraction, then the side measurements. */
function profileOnce(url: string, steps: Record<string, number[]>, sideSteps: Record<string, number[]>) {
  collectGarbage();
  const { captured, steps: times } = profiledFull(url);
  for (const [name, time] of times) (steps[name] ??= []).push(time);

  collectGarbage();
  let started = now();
  const copy = document.cloneNode(true) as Document;
  sideSteps['baseline: cloneNode']!.push(now() - started);
  started = now();
  void new Readability(copy).parse();
  sideSteps['baseline: Readability.parse']!.push(now() - started);
  // The capture crosses from the content script to the panel as a message (JSON-serializable data).
  started = now();
  void JSON.parse(JSON.stringify(captured));
  sideSteps['capture as JSON']!.push(now() - started);
}

/**
 * Time one page: the first, cold call of one of the two measurements in this fresh page (what the
 * extension pays, as it injects its content script anew), `warmUps` untimed runs of each, then `runs`
 * timed runs of the full extraction and of Readability alone, alternating which goes first, then
 * `profileRuns` step-by-step runs.
 */
export function measure({ url, warmUps, runs, profileRuns, coldFirst }: MeasureOptions): PageRuns {
  const full: number[] = [];
  const capture: number[] = [];
  const build: number[] = [];
  const readability: number[] = [];
  const cold: number[] = [];
  gc?.({ type: 'major' });
  let coldSteps: Record<string, number> | null = null;
  if (coldFirst === 'full') {
    // Profiled, to see which steps pay for compiling; the wrappers cost microseconds.
    const first = profiledFull(url);
    cold.push(first.total);
    coldSteps = Object.fromEntries(first.steps);
  } else {
    timeReadability(cold);
  }
  const firstPage = timeFull(url, [], [], []);
  const firstReadability = timeReadability([]);
  for (let run = 1; run < warmUps; run++) {
    timeFull(url, [], [], []);
    timeReadability([]);
  }
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      timeFull(url, full, capture, build);
      timeReadability(readability);
    } else {
      timeReadability(readability);
      timeFull(url, full, capture, build);
    }
  }
  const coldAnalysis: number[] = [];
  const analysis: number[] = [];
  const analyzed = timeAnalysis(firstPage, coldAnalysis);
  for (let run = 1; run < warmUps; run++) timeAnalysis(firstPage, []);
  for (let run = 0; run < runs; run++) timeAnalysis(firstPage, analysis);
  const steps: Record<string, number[]> = {};
  const sideSteps = Object.fromEntries(SIDE_STEPS.map((step) => [step, [] as number[]]));
  for (let run = 0; run < profileRuns; run++) profileOnce(url, steps, sideSteps);
  return {
    elementCount: document.getElementsByTagName('*').length,
    coldFull: coldFirst === 'full' ? cold[0]! : null,
    coldReadability: coldFirst === 'readability' ? cold[0]! : null,
    coldSteps,
    full,
    capture,
    build,
    readability,
    analysis,
    coldAnalysis: coldAnalysis[0]!,
    quotes: analyzed.quotes.length,
    steps,
    sideSteps,
    articleWords: firstPage.article.wordCount,
    isArticle: firstPage.isArticle,
    readabilityFound: firstReadability !== null,
  };
}
