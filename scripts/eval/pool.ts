/**
 * Runs the CLI pipeline over many pages in child processes, each page with a time limit: a page that
 * hangs is reported as a timeout and its process replaced, instead of stalling the whole evaluation.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/** One page to analyze. `key` is the set's own id for it (file name, URL, hash). */
export interface PageJob {
  key: string;
  path: string;
  url?: string;
  /** Optional HTML whose text is returned as `referenceText` (Readability's expected output). */
  referencePath?: string;
}

/** What the scorers need from an AnalyzedPage; the sanitized HTML stays in the child. */
export interface PageSummary {
  title: string;
  authors: string[];
  authorSources: string[];
  outlet: string | null;
  published: string | null;
  publishedSource: string | null;
  modified: string | null;
  wire: string | null;
  contributors: string[];
  /** news, opinion, analysis, review or sponsored, once the analysis tells; null until then. */
  genre?: string | null;
  text: string;
  isArticle: boolean;
  quotes: unknown[];
  sources: unknown[];
  warnings: string[];
  /** Time the extraction pipeline itself reports (Readability + metadata + sanitizing), in ms. */
  pipelineMs: number;
  /** The analysis alone, timed again with the name finder of `--people` (scripts/eval/people-finders.ts). */
  analysisMs?: number;
  referenceText?: string;
}

export interface JobRequest extends Omit<PageJob, 'key'> {
  id: number;
}

export type JobReply =
  | { id: number; status: 'ok'; page: PageSummary; ms: number }
  | { id: number; status: 'error'; error: string; ms: number };

/** The result for one page; `ms` is wall time in the child including reading and parsing the file. */
export type PageOutcome =
  | { key: string; status: 'ok'; page: PageSummary; ms: number }
  | { key: string; status: 'error'; error: string; ms: number }
  | { key: string; status: 'timeout'; ms: number };

export interface PoolOptions {
  /** Child processes working at once. */
  concurrency?: number;
  /** A page taking longer than this is killed and reported as a timeout. */
  timeoutMs?: number;
  /** Called after each page, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

const WORKER_PATH = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * A new child, resolved once it has loaded its modules (it says "ready"), so that loading time never
 * counts against a page's time limit.
 */
function startWorker(): Promise<ChildProcess> {
  // process.execArgv carries tsx's loader flags, so the child can run TypeScript too.
  const child = fork(WORKER_PATH, [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) =>
      reject(new Error(`The evaluation worker could not start (exit code ${code}).`)),
    );
  });
}

/** Analyze every job; results come back in job order. */
export async function analyzePages(jobs: PageJob[], options: PoolOptions = {}): Promise<PageOutcome[]> {
  const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length || 1));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const outcomes: PageOutcome[] = new Array(jobs.length);
  let next = 0;
  let done = 0;

  const runLane = async (): Promise<void> => {
    let worker: ChildProcess | null = null;
    try {
      while (next < jobs.length) {
        // A killed or dead child is replaced before the next page.
        if (!worker || worker.exitCode !== null || worker.killed) worker = await startWorker();
        const index = next++;
        const job = jobs[index]!;
        const outcome = await new Promise<PageOutcome>((resolve) => {
          const started = performance.now();
          const current = worker!;
          const finish = (result: PageOutcome) => {
            clearTimeout(timer);
            current.off('message', onMessage);
            current.off('exit', onExit);
            resolve(result);
          };
          const onMessage = (reply: JobReply) => {
            if (reply.id !== index) return;
            finish(
              reply.status === 'ok'
                ? { key: job.key, status: 'ok', page: reply.page, ms: reply.ms }
                : { key: job.key, status: 'error', error: reply.error, ms: reply.ms },
            );
          };
          const onExit = (code: number | null, signal: string | null) => {
            finish({
              key: job.key,
              status: 'error',
              error: `the process died (${signal ?? `exit code ${code}`})`,
              ms: performance.now() - started,
            });
          };
          const timer = setTimeout(() => {
            current.off('exit', onExit);
            current.kill('SIGKILL');
            finish({ key: job.key, status: 'timeout', ms: performance.now() - started });
          }, timeoutMs);
          current.on('message', onMessage);
          current.on('exit', onExit);
          const request: JobRequest = {
            id: index,
            path: job.path,
            url: job.url,
            referencePath: job.referencePath,
          };
          current.send(request);
        });
        outcomes[index] = outcome;
        options.onProgress?.(++done, jobs.length);
      }
    } finally {
      worker?.kill();
    }
  };

  await Promise.all(Array.from({ length: concurrency }, runLane));
  return outcomes;
}
