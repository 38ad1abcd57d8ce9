/**
 * Re-anchoring highlights, measured in headless Chromium (run by scripts/bench.ts):
 *
 *   npm run bench -- --only anchoring [--warm-ups N] [--runs N] [--limit N] [--json FILE]
 *
 * Speed: a generated article of about 18,000 words with 200 highlights described in the page, then
 * anchorAll over all 200 (page text read included) in three versions of the page: unchanged (the range
 * selectors hold), with an editor's note on top (every XPath and position moved, so the quotes are
 * searched), and with a typo fixed inside every passage (fuzzy matching). The median of the timed runs.
 *
 * Precision: the edit generator (scripts/anchoring-edits.ts) in the same browser: articles with
 * highlights, edited, re-anchored, judged against the ground truth. Once with many highlights per
 * article (each passage has landmarks nearby), once with few.
 *
 * The pages are generated, set with page.setContent and never leave the machine: every request is aborted.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { PassageSelectors } from '../lib/annotations/types';
import { DISTINCTIVE_QUOTE_LENGTH } from '../lib/anchor/match';
import {
  countOutcomes,
  DEFAULT_EDIT_RUN,
  FATES,
  GONE_FATES,
  runEditCases,
  timingScenario,
  type AnchoringTimes,
  type CaseResult,
  type EditRunOptions,
  type Fate,
  type LocatedAnchor,
  type OutcomeCounts,
  type PageDriver,
  type Span,
} from './anchoring-edits';
import { median } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface AnchoringBenchOptions {
  warmUps: number;
  runs: number;
  /** Articles in each precision run (Infinity: the default count). */
  articleLimit: number;
}

const TIMING = { seed: 4242, words: 18_000, highlights: 200 };

/** Many highlights per article (dense landmarks), then few (little order to go by). */
const PRECISION_RUNS: Array<{ label: string; options: EditRunOptions }> = [
  { label: '60 highlights per article', options: DEFAULT_EDIT_RUN },
  {
    label: '5 highlights per article',
    options: { ...DEFAULT_EDIT_RUN, seed: DEFAULT_EDIT_RUN.seed + 1, articles: 96, highlightsPerArticle: 5 },
  },
];

export interface TimingResult {
  variant: string;
  /** anchorAll over all highlights, ms: median and extremes of the timed runs, and the page's first call. */
  median: number;
  min: number;
  max: number;
  firstCall: number;
  methods: Record<string, number>;
  orphaned: number;
}

export interface PrecisionResult {
  label: string;
  options: EditRunOptions;
  total: OutcomeCounts;
  byFate: Record<string, OutcomeCounts>;
  /** Passages under DISTINCTIVE_QUOTE_LENGTH normalized characters (a few words), and the rest. */
  byLength: { short: OutcomeCounts; distinctive: OutcomeCounts };
  methods: Record<string, number>;
}

export interface AnchoringReport {
  article: { words: number; characters: number; highlights: number };
  /** describeRange for one selection (the root's text read included), ms, median over the highlights. */
  describeMedian: number;
  timings: TimingResult[];
  precision: PrecisionResult[];
}

/** The page side (lib/anchor and the generator's page functions) as one script for page.evaluate. */
async function bundlePageCode(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/anchoring-edits.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ScrutinyAnchoring',
    footer: { js: 'globalThis.ScrutinyAnchoring = ScrutinyAnchoring;' },
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** Runs the generator's page functions in a Chromium tab; each load replaces the page and its script. */
class ChromiumDriver implements PageDriver {
  constructor(
    private readonly tab: Page,
    private readonly pageCode: string,
  ) {}

  async load(html: string): Promise<void> {
    await this.tab.setContent(html, { waitUntil: 'load' });
    await this.tab.evaluate(this.pageCode);
  }

  // Strings, not functions: tsx's transpiled functions do not survive serialization into the page.
  private call<T>(expression: string): Promise<T> {
    return this.tab.evaluate(expression) as Promise<T>;
  }

  bodyText(): Promise<string> {
    return this.call('ScrutinyAnchoring.bodyText(document)');
  }

  describeSpans(spans: Span[]): Promise<PassageSelectors[]> {
    return this.call(`ScrutinyAnchoring.describeSpans(document, ${JSON.stringify(spans)})`);
  }

  locateAnchors(selectors: PassageSelectors[]): Promise<Array<LocatedAnchor | null>> {
    return this.call(`ScrutinyAnchoring.locateAnchors(document, ${JSON.stringify(selectors)})`);
  }

  timeAnchoring(selectors: PassageSelectors[], warmUps: number, runs: number): Promise<AnchoringTimes> {
    return this.call(
      `ScrutinyAnchoring.timeAnchoring(document, ${JSON.stringify(selectors)}, ${warmUps}, ${runs})`,
    );
  }

  describeTimes(spans: Span[]): Promise<number[]> {
    return this.call(`ScrutinyAnchoring.timeDescribing(document, ${JSON.stringify(spans)})`);
  }
}

function summarizePrecision(label: string, options: EditRunOptions, results: CaseResult[]): PrecisionResult {
  const byFate: Record<string, OutcomeCounts> = {};
  for (const fate of Object.keys(FATES) as Fate[]) {
    const cases = results.filter((result) => result.fate === fate);
    if (cases.length > 0) byFate[fate] = countOutcomes(cases);
  }
  const methods: Record<string, number> = {};
  for (const result of results) {
    if (result.outcome === 'correct' && result.method)
      methods[result.method] = (methods[result.method] ?? 0) + 1;
  }
  const short = (result: CaseResult) => result.quoteLength < DISTINCTIVE_QUOTE_LENGTH;
  const byLength = {
    short: countOutcomes(results.filter(short)),
    distinctive: countOutcomes(results.filter((result) => !short(result))),
  };
  return { label, options, total: countOutcomes(results), byFate, byLength, methods };
}

export async function runAnchoringBench(
  browser: Browser,
  options: AnchoringBenchOptions,
): Promise<AnchoringReport> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const tab = await context.newPage();
  // The pages are self-contained; nothing they might ask for leaves the machine.
  await tab.route('**/*', (route) => route.abort('blockedbyclient'));
  const pageCode = await bundlePageCode();
  const driver = new ChromiumDriver(tab, pageCode);
  try {
    const scenario = timingScenario(TIMING.seed, TIMING.words, TIMING.highlights);
    await driver.load(scenario.original.html);
    const selectors = await driver.describeSpans(scenario.spans);
    const describeMedian = median(await driver.describeTimes(scenario.spans));
    const timings: TimingResult[] = [];
    for (const variant of scenario.variants) {
      await driver.load(variant.page.html);
      const times = await driver.timeAnchoring(selectors, options.warmUps, options.runs);
      timings.push({
        variant: variant.name,
        median: median(times.runs),
        min: Math.min(...times.runs),
        max: Math.max(...times.runs),
        firstCall: times.firstCall,
        methods: times.methods,
        orphaned: times.orphaned,
      });
      process.stderr.write(`  anchoring: timed ${variant.name}\n`);
    }
    const precision: PrecisionResult[] = [];
    for (const run of PRECISION_RUNS) {
      const runOptions = { ...run.options, articles: Math.min(run.options.articles, options.articleLimit) };
      const started = Date.now();
      const results = await runEditCases(driver, runOptions);
      precision.push(summarizePrecision(run.label, runOptions, results));
      process.stderr.write(
        `  anchoring: ${results.length} edit cases (${run.label}), ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
    return {
      article: {
        words: TIMING.words,
        characters: scenario.original.text.length,
        highlights: TIMING.highlights,
      },
      describeMedian,
      timings,
      precision,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Output

const VARIANT_LABELS: Record<string, string> = {
  unchanged: 'page unchanged',
  shifted: "editor's note on top (quotes searched)",
  edited: 'typo fixed in every passage (fuzzy)',
};

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  return [header, ...rows]
    .map((cells) =>
      cells
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function printAnchoringReport(report: AnchoringReport, options: AnchoringBenchOptions): void {
  const { article } = report;
  console.log(
    `\nRe-anchoring highlights: anchorAll over ${article.highlights} highlights in a generated article of ` +
      `${article.words.toLocaleString('en')} words (${article.characters.toLocaleString('en')} characters ` +
      `of normalized text); median of ${options.runs} runs after ${options.warmUps} warm-ups, page text read included (ms)`,
  );
  const methods = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([method, count]) => `${method} ${count}`)
      .join(', ');
  console.log(
    table(
      ['page', 'median', 'min', 'max', 'first call', 'per highlight', 'found by', 'orphaned'],
      report.timings.map((timing) => [
        VARIANT_LABELS[timing.variant] ?? timing.variant,
        timing.median.toFixed(2),
        timing.min.toFixed(2),
        timing.max.toFixed(2),
        timing.firstCall.toFixed(2),
        (timing.median / article.highlights).toFixed(3),
        methods(timing.methods),
        String(timing.orphaned),
      ]),
    ),
  );
  const exact = report.timings.filter((timing) => timing.variant !== 'edited');
  const slowest = Math.max(...exact.map((timing) => timing.median));
  console.log(
    `exact matches: ${slowest.toFixed(2)} ms at most for ${article.highlights} highlights ` +
      `(${slowest <= 50 ? 'within' : 'ABOVE'} the 50 ms target); describeRange: ${report.describeMedian.toFixed(2)} ms per selection (median)`,
  );

  for (const run of report.precision) {
    const { total } = run;
    console.log(
      `\nEdit generator, ${run.label}: ${total.cases} cases in ${run.options.articles} articles of ` +
        `~${run.options.wordsPerArticle.toLocaleString('en')} words, ${run.options.editsElsewhere} edits elsewhere each (seed ${run.options.seed})`,
    );
    const row = (label: string, counts: OutcomeCounts) => [
      label,
      String(counts.cases),
      String(counts.correct),
      String(counts.lost),
      String(counts.orphaned),
      String(counts.wrong),
    ];
    console.log(
      table(
        ['fate', 'cases', 'correct', 'lost', 'orphaned', 'WRONG'],
        [
          ...Object.entries(run.byFate).map(([fate, counts]) =>
            row(GONE_FATES.has(fate as Fate) ? `${fate} (gone)` : fate, counts),
          ),
          row('all', total),
        ],
      ),
    );
    console.log(
      `re-anchored correctly: ${percent(total.correct, total.present)} of the ${total.present} passages still there ` +
        `(lost: ${percent(total.lost, total.present)}); correctly orphaned: ${percent(total.orphaned, total.gone)} of the ` +
        `${total.gone} gone; WRONGLY ATTACHED: ${total.wrong} (${percent(total.wrong, total.cases)} of all cases, target 0). ` +
        `Found by: ${methods(run.methods)}`,
    );
    const { short, distinctive } = run.byLength;
    console.log(
      `by quote length: ${percent(distinctive.correct, distinctive.present)} of the ${distinctive.present} passages of ` +
        `${DISTINCTIVE_QUOTE_LENGTH}+ characters still there re-anchored, ${percent(short.correct, short.present)} of the ` +
        `${short.present} shorter ones (a few words: never fuzzy, only where context and order pin them down)`,
    );
  }
}
