/**
 * The page side of `npm run bench -- --only export` (scripts/bench-export.ts bundles this file and calls it
 * as `ScrutinyExportBench.*`). The library is generated and stored by bench-library-page.ts; the export is
 * what the library page's Export dialog runs (entrypoints/library/transfer.ts: readExportData, then
 * exportFiles with progress), and the import is what the background runs on the backup (importText:
 * read, validate, plan and write in one transaction), here into a second, empty database.
 */
import { exportFiles, fileSize, fileText } from '../lib/export';
import type { ExportFormat } from '../lib/export/types';
import { importText, openAnnotationStore, readExportData } from '../lib/store';
import { store } from './bench-library-page';

export { fillStore, setUp } from './bench-library-page';

export interface ExportRun {
  format: ExportFormat;
  layout: 'zip' | 'combined';
  ms: number;
  /** Of which reading the records from IndexedDB. */
  readMs: number;
  bytes: number;
  /** Longest time without a progress report (from the start, between reports, to the end). */
  longestProgressGapMs: number;
  /** Where the longest wait was: the phase and the share of it reported on either side. */
  longestGapAt: string;
  progressReports: number;
  /** Highest JS heap seen during the export minus the heap before it (sampled every 20 ms and at each report). */
  peakHeapBytes: number;
}

export interface ImportRun {
  ms: number;
  ok: boolean;
  problem?: string;
  added: Record<string, number>;
}

const state: { backup: string | null } = { backup: null };

function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

function collectGarbage(): void {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

/** One export of everything in `format`, timed as the dialog runs it. */
export async function measureExport(format: ExportFormat, layout: 'zip' | 'combined'): Promise<ExportRun> {
  const db = await store();
  collectGarbage();
  const baseline = heap();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, heap())), 20);
  const reports: { at: number; where: string }[] = [];
  const started = performance.now();
  // As entrypoints/library/transfer.ts makeExport: reading reports progress too.
  const data = await readExportData(db, { kind: 'everything' }, (share) => {
    reports.push({ at: performance.now(), where: `reading ${(share * 100).toFixed(1)} %` });
    peak = Math.max(peak, heap());
  });
  const readMs = performance.now() - started;
  peak = Math.max(peak, heap());
  const file = await exportFiles(data, format, {
    markdownLayout: layout,
    now: new Date(),
    onProgress: (share) => {
      reports.push({ at: performance.now(), where: `writing ${(share * 100).toFixed(1)} %` });
      peak = Math.max(peak, heap());
    },
  });
  const ended = performance.now();
  clearInterval(sampler);
  peak = Math.max(peak, heap());
  const marks = [{ at: started, where: 'start' }, ...reports, { at: ended, where: 'end' }];
  let longest = 0;
  let longestGapAt = '';
  for (let index = 1; index < marks.length; index++) {
    const gap = marks[index]!.at - marks[index - 1]!.at;
    if (gap <= longest) continue;
    longest = gap;
    longestGapAt = `${marks[index - 1]!.where} → ${marks[index]!.where}`;
  }
  if (format === 'json') state.backup = fileText(file);
  return {
    format,
    layout,
    ms: ended - started,
    readMs,
    bytes: fileSize(file),
    longestProgressGapMs: longest,
    longestGapAt,
    progressReports: reports.length,
    peakHeapBytes: peak - baseline,
  };
}

/** The last JSON backup imported into a new, empty database (merge, as into a fresh profile). */
export async function measureImport(run: number): Promise<ImportRun> {
  if (!state.backup) throw new Error('export a JSON backup first');
  const db = openAnnotationStore(`scrutiny-bench-import-${run}`);
  await db.open();
  collectGarbage();
  const started = performance.now();
  const result = await importText(db, state.backup, 'merge');
  const ms = performance.now() - started;
  const added = result.ok
    ? Object.fromEntries(Object.entries(result.plan.counts).map(([kind, counts]) => [kind, counts.added]))
    : {};
  db.close();
  await indexedDB.deleteDatabase(`scrutiny-bench-import-${run}`);
  return result.ok ? { ms, ok: true, added } : { ms, ok: false, problem: result.problem, added };
}
