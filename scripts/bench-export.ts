/**
 * `npm run bench -- --only export [--articles N] [--notes N] [--runs N] [--json FILE]`: export and import
 * of a generated library in real Chromium (issue 11's measure). The library is the library bench's
 * (scripts/bench-library-page.ts: 1,000 articles and 100,000 notes by default), stored through lib/store;
 * then everything is exported as a JSON backup, a Markdown zip and CSV, each `--runs` times, with the
 * time, the longest wait between progress reports and the peak heap; then the backup is imported into an
 * empty database. The code is the extension's own (lib/export, lib/store), run in a page of its own so
 * that nothing else in the library page competes with it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportRun, ImportRun } from './bench-export-page';
import {
  PAGE_URL,
  SEED,
  bundlePageScript,
  call,
  corpusWords,
  forwardProgress,
  launch,
  progress,
} from './bench-library';
import { median } from './stats';

export interface ExportBenchOptions {
  articles: number;
  notes: number;
  runs: number;
  json: string | null;
}

const FORMATS: [string, 'zip' | 'combined'][] = [
  ['json', 'combined'],
  ['markdown', 'zip'],
  ['csv', 'combined'],
];

const TARGET_EXPORT_MS = 5_000;
const TARGET_PROGRESS_GAP_MS = 250;
const TARGET_IMPORT_MS = 10_000;

export function parseExportBenchArgs(args: string[]): ExportBenchOptions {
  const options: ExportBenchOptions = { articles: 1_000, notes: 100_000, runs: 3, json: null };
  for (let at = 0; at < args.length; at++) {
    const value = args[at + 1];
    const number = () => {
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${args[at]} takes a whole number`);
      at++;
      return parsed;
    };
    if (args[at] === '--articles') options.articles = number();
    else if (args[at] === '--notes') options.notes = number();
    else if (args[at] === '--runs') options.runs = number();
    else if (args[at] === '--json' && value) {
      options.json = value;
      at++;
    } else throw new Error(`unknown option ${args[at]}`);
  }
  return options;
}

export async function runExportBench(options: ExportBenchOptions): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg()[0]!;
  const script = await bundlePageScript('scripts/bench-export-page.ts', 'ScrutinyExportBench');
  const profile = mkdtempSync(join(tmpdir(), 'scrutiny-bench-export-'));
  const context = await launch(profile, ['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  try {
    await context.route('**/*', (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: '<!doctype html><html lang="en"><title>Scrutiny export bench</title><body></body></html>',
          })
        : route.abort('blockedbyclient'),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    forwardProgress(page);
    await page.goto(PAGE_URL);
    await page.evaluate(script);
    const library = {
      articles: options.articles,
      notes: options.notes,
      clippings: Math.round(options.articles / 10),
      collections: 30,
    };
    await call(
      page,
      `ScrutinyExportBench.setUp(${JSON.stringify({ seed: SEED, ...library, corpusWords: corpusWords() })})`,
    );
    progress(`Filling the database: ${library.articles} articles, ${library.notes} notes…`);
    const fill = await call<{ ms: number; annotations: number; clippings: number; versions: number }>(
      page,
      'ScrutinyExportBench.fillStore()',
    );
    progress(
      `Filled in ${(fill.ms / 1000).toFixed(1)} s: ${fill.annotations} annotations, ${fill.clippings} clippings, ${fill.versions} versions`,
    );
    const exports: ExportRun[] = [];
    const imports: ImportRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      for (const [format, layout] of FORMATS) {
        const result = await call<ExportRun>(
          page,
          `ScrutinyExportBench.measureExport(${JSON.stringify(format)}, ${JSON.stringify(layout)})`,
        );
        progress(
          `  run ${run + 1} ${format}${format === 'markdown' ? ' zip' : ''}: ${result.ms.toFixed(0)} ms, ` +
            `longest progress gap ${result.longestProgressGapMs.toFixed(0)} ms (${result.longestGapAt}), ` +
            `heap +${(result.peakHeapBytes / 2 ** 20).toFixed(0)} MB, ${(result.bytes / 2 ** 20).toFixed(1)} MB`,
        );
        exports.push(result);
      }
      // After the exports: the import's database is deleted at its end, and IndexedDB's cleanup of
      // 200 MB would otherwise slow the next export's reads.
      const imported = await call<ImportRun>(page, `ScrutinyExportBench.measureImport(${run})`);
      progress(
        `  run ${run + 1} import: ${imported.ms.toFixed(0)} ms ${imported.ok ? '' : imported.problem}`,
      );
      imports.push(imported);
    }
    const rows = FORMATS.map(([format]) => {
      const runs = exports.filter((run) => run.format === format);
      const ms = median(runs.map((run) => run.ms));
      const gap = Math.max(...runs.map((run) => run.longestProgressGapMs));
      return {
        format,
        medianMs: ms,
        readMs: median(runs.map((run) => run.readMs)),
        longestProgressGapMs: gap,
        peakHeapMB: Math.max(...runs.map((run) => run.peakHeapBytes)) / 2 ** 20,
        outputMB: runs[0]!.bytes / 2 ** 20,
        met: ms <= TARGET_EXPORT_MS && gap <= TARGET_PROGRESS_GAP_MS,
      };
    });
    const importMs = median(imports.map((run) => run.ms));
    const report = {
      machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg()[0]! },
      chromium: context.browser()?.version() ?? 'unknown',
      library,
      notes: fill.annotations,
      exports: rows,
      import: {
        medianMs: importMs,
        ok: imports.every((run) => run.ok),
        added: imports[0]?.added,
        met: importMs <= TARGET_IMPORT_MS,
      },
      seconds: (Date.now() - started) / 1000,
    };
    process.stdout.write(
      `\nExport and import in Chromium ${report.chromium} (${report.machine.cpus} cores, load ${loadBefore.toFixed(1)} → ${report.machine.loadAfter.toFixed(1)}), ` +
        `${library.articles} articles, ${fill.annotations} notes, median of ${options.runs}:\n\n` +
        '| format | time | of which reading | longest wait for progress | peak heap | file | target (≤ 5 s, progress ≤ 250 ms) |\n' +
        '|---|---|---|---|---|---|---|\n' +
        rows
          .map(
            (row) =>
              `| ${row.format} | ${(row.medianMs / 1000).toFixed(2)} s | ${(row.readMs / 1000).toFixed(2)} s | ${row.longestProgressGapMs.toFixed(0)} ms | +${row.peakHeapMB.toFixed(0)} MB | ${row.outputMB.toFixed(1)} MB | ${row.met ? 'met' : 'missed'} |`,
          )
          .join('\n') +
        `\n| import of the backup into an empty database | ${(importMs / 1000).toFixed(2)} s | | | | | ${report.import.met ? 'met' : 'missed'} (≤ 10 s) |\n` +
        `\n${report.seconds.toFixed(0)} s in all.\n`,
    );
    if (options.json) writeFileSync(options.json, JSON.stringify(report, null, 2));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
