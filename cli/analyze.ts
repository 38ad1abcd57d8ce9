/**
 * npm run -s analyze -- [--url URL] FILE            one JSON object on stdout
 * npm run -s analyze -- [--jobs N] [--resume] [--out FILE] ARCHIVE.warc[.gz] | FOLDER | --manifest LIST.tsv
 *                                                   JSON Lines: one record per page, in input order
 *
 * Every problem ends as one plain line (on stderr, or as the `error` field of the page's record), never
 * as a stack trace. Pages are analyzed in worker threads (`--jobs`, default one per core) with a time
 * and a memory limit, so a page that would take forever, exhaust memory or crash is reported as that
 * page's error and the run goes on. `--resume` skips the pages whose id the output already holds.
 * Records are described in docs/research.md (JSON Schema: docs/record.schema.json).
 *
 * `npm run analyze` runs this file built into plain JavaScript (scripts/build-cli.mjs writes
 * .output/cli/analyze.mjs and analyze-worker.mjs), so a start costs no TypeScript compilation. The
 * tests call `runCli` in process.
 */
import { createReadStream, createWriteStream, realpathSync, statSync, type WriteStream } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { safeHttpUrl } from '../lib/extract/urls';
import type { AnalyzedPage } from '../lib/extract/types';
import type { AnalyzeReply, AnalyzeRequest } from './analyze-worker';
import { recordJsonSchema } from './record-schema';
import {
  ArchiveError,
  folderReader,
  isWarcPath,
  manifestReader,
  warcReader,
  type ArchivePage,
  type ArchiveReader,
} from './archive';

const USAGE =
  'Usage: npm run -s analyze -- [--url URL] [--timeout SECONDS] FILE.html[.gz]  |  npm run -s analyze -- [--jobs N] [--resume] [--out FILE] [--timeout SECONDS] [--max-memory MB] ARCHIVE.warc[.gz] | FOLDER | --manifest LIST.tsv  |  npm run -s analyze -- --schema';

/** Seconds one page may take, worker start included, before it is reported as too slow. */
const DEFAULT_TIMEOUT_SECONDS = 60;
/** Heap one page may use (unless --max-memory says); past it the worker ends and the page is reported. */
const WORKER_HEAP_MB = 512;

/** Where the CLI writes its output or its one-line errors: a Node stream, or anything with `write`. */
export interface TextOutput {
  write(text: string): unknown;
}

/** What the CLI reads from and writes to, instead of the process's own streams and folder. */
export interface CliIo {
  stdout: TextOutput;
  stderr: TextOutput;
  /** Folder that relative FILE and manifest paths are read from. */
  cwd: string;
  /** Whether stderr is a terminal: then a progress line is kept up to date there. */
  stderrIsTerminal?: boolean;
}

/** A problem to report in one line; the CLI's own errors, as opposed to bugs. */
class CliError extends Error {}

/**
 * Built (.output/cli/analyze.mjs), this module starts the built worker next to it. Run from source
 * (tsx, vitest), it starts the TypeScript worker; workers inherit no loader, so the worker first
 * registers tsx's.
 */
const RUNS_FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_BOOT_FROM_SOURCE = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

function startWorker(heapMb: number): Worker {
  const options = {
    // A young generation larger than a worker's default: a page's DOM is short-lived garbage, and
    // with the default the collector took a third of the time (181 Zyte pages, one job: 32 s of CPU
    // with the default, 17–23 s with 64 MB; docs/research.md).
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 },
    stdout: true, // the worker never writes to stdout; nothing it might print may corrupt the JSON
  };
  if (!RUNS_FROM_SOURCE) return new Worker(new URL('./analyze-worker.mjs', import.meta.url), options);
  return new Worker(WORKER_BOOT_FROM_SOURCE, {
    ...options,
    eval: true,
    workerData: {
      tsxApi: import.meta.resolve('tsx/esm/api'),
      entry: new URL('./analyze-worker.ts', import.meta.url).href,
    },
  });
}

/** Runs pages one at a time in a worker thread, replacing the worker after a timeout or a crash. */
class IsolatedAnalyzer {
  private worker: Worker | null = null;
  private lastId = 0;

  constructor(
    private readonly timeoutSeconds: number,
    private readonly heapMb = WORKER_HEAP_MB,
  ) {}

  private start(): Worker {
    const worker = startWorker(this.heapMb);
    worker.stdout.resume();
    return worker;
  }

  private discard(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  /** The page file at `path`, or `bytes` read from an archive (then `path` names the record). */
  analyze(path: string, url: string | undefined, bytes?: Uint8Array): Promise<AnalyzedPage> {
    const worker = (this.worker ??= this.start());
    const id = ++this.lastId;
    return new Promise((resolvePage, reject) => {
      const settle = (outcome: () => void, discardWorker: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (discardWorker) this.discard();
        outcome();
      };
      const onMessage = (reply: AnalyzeReply) => {
        if (reply.id !== id) return;
        settle(() => (reply.ok ? resolvePage(reply.page) : reject(new CliError(reply.error))), false);
      };
      const onError = (error: Error & { code?: string }) => {
        const message =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `${path} needs more memory than Scrutiny allows for one page (${this.heapMb} MB); it was not analyzed.`
            : `Could not analyze the page: ${error.message.split('\n')[0]}`;
        settle(() => reject(new CliError(message)), true);
      };
      const onExit = (code: number) =>
        settle(
          () => reject(new CliError(`Could not analyze ${path}: the analysis stopped (exit code ${code}).`)),
          true,
        );
      const timer = setTimeout(
        () =>
          settle(
            () =>
              reject(
                new CliError(
                  `${path} took longer than ${this.timeoutSeconds} s to analyze; Scrutiny stopped reading it.`,
                ),
              ),
            true,
          ),
        this.timeoutSeconds * 1000,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, path, url, bytes } satisfies AnalyzeRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

function describeError(error: unknown): string {
  if (error instanceof CliError) return oneLine(error.message);
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return oneLine(`Could not analyze the page: ${message}`);
}

/** The URL given for a page, checked: only http(s) addresses are accepted. */
function checkedUrl(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  const safe = safeHttpUrl(url);
  if (!safe) throw new CliError(`The URL ${JSON.stringify(url.slice(0, 200))} is not an http(s) address.`);
  return safe;
}

/** Pages finished but not yet written, at most (a slow page holds back the ones after it). */
const MAX_WAITING_RECORDS_PER_JOB = 8;

interface ArchiveRun {
  jobs: number;
  timeoutSeconds: number;
  heapMb: number;
  /** The output file (JSON Lines); stdout when absent. */
  out?: string;
  resume: boolean;
}

/**
 * The ids an earlier output holds, read line by line. A last line cut off by an interrupted run is
 * removed, so that what is appended starts on a line of its own.
 */
async function idsInOutput(path: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return ids; // Nothing written yet: nothing to skip.
  }
  let kept = 0;
  let offset = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    const end = offset + Buffer.byteLength(line) + 1;
    try {
      const id = (JSON.parse(line) as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
      if (end <= size) kept = end;
    } catch {
      // A line that is no JSON can only be the one an interrupted run was writing.
    }
    offset = end;
  }
  if (kept < size) {
    const file = await open(path, 'r+');
    try {
      await file.truncate(kept);
    } finally {
      await file.close();
    }
  }
  return ids;
}

/** The record for one page: where it came from, then the analysis or the error. */
function recordOf(page: ArchivePage, result: AnalyzedPage | { error: string }): Record<string, unknown> {
  const origin = {
    id: page.id,
    file: page.file,
    ...(page.warcRecordId ? { warcRecordId: page.warcRecordId } : {}),
    ...(page.warcDate ? { warcDate: page.warcDate } : {}),
  };
  return 'error' in result
    ? { ...origin, url: page.url ?? null, error: result.error }
    : { ...origin, ...result };
}

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);

/** Analyzes every page of `reader` on `run.jobs` workers and writes one record a page, in input order. */
async function runArchive(reader: ArchiveReader, run: ArchiveRun, io: CliIo): Promise<void> {
  const resumed = run.resume && run.out ? await idsInOutput(run.out) : new Set<string>();
  let stream: WriteStream | null = null;
  if (run.out) {
    stream = createWriteStream(run.out, { flags: run.resume ? 'a' : 'w' });
    await new Promise<void>((resolveOpen, reject) => {
      stream!.once('open', () => resolveOpen());
      stream!.once('error', () => reject(new CliError(`Cannot write the output file ${run.out}.`)));
    });
  }
  const write = async (text: string) => {
    if (!stream) return void io.stdout.write(text);
    if (!stream.write(text)) await new Promise<void>((drained) => stream!.once('drain', () => drained()));
  };
  const analyzers = Array.from(
    { length: run.jobs },
    () => new IsolatedAnalyzer(run.timeoutSeconds, run.heapMb),
  );
  const idle = [...analyzers];
  const running = new Set<Promise<void>>();
  const finished = new Map<number, string>();
  const counts = { analyzed: 0, errors: 0, skipped: 0, resumed: 0 };
  let started = 0;
  let written = 0;
  const began = Date.now();
  let lastProgress = 0;

  const showProgress = () => {
    if (!io.stderrIsTerminal || Date.now() - lastProgress < 500) return;
    lastProgress = Date.now();
    const elapsed = Date.now() - began;
    const done = counts.analyzed + counts.errors;
    const share = reader.progress();
    const left =
      share > 0.01 && share < 1 ? ` · about ${seconds((elapsed * (1 - share)) / share)} s left` : '';
    const rate = elapsed > 0 ? (done * 1000) / elapsed : 0;
    io.stderr.write(`\r\x1b[K${done} pages · ${rate.toFixed(1)} pages/s · ${counts.errors} errors${left}`);
  };
  const flush = async () => {
    for (let line = finished.get(written); line !== undefined; line = finished.get(written)) {
      finished.delete(written++);
      await write(line);
    }
  };
  const launch = (page: ArchivePage, index: number) => {
    const analyzer = idle.pop()!;
    const task = (async () => {
      let record: Record<string, unknown>;
      try {
        if (page.problem) throw new CliError(page.problem);
        const url = checkedUrl(page.url);
        record = recordOf(
          page,
          await analyzer.analyze(page.path ?? `${page.file} ${page.id}`, url, page.bytes),
        );
        counts.analyzed++;
      } catch (error) {
        record = recordOf(page, { error: describeError(error) });
        counts.errors++;
      }
      idle.push(analyzer);
      finished.set(index, `${JSON.stringify(record)}\n`);
      await flush();
      showProgress();
    })();
    running.add(task);
    void task.finally(() => running.delete(task));
  };

  let failure: unknown = null;
  try {
    for await (const entry of reader.entries) {
      if ('skipped' in entry) {
        counts.skipped++;
        continue;
      }
      if (resumed.has(entry.page.id)) {
        counts.resumed++;
        continue;
      }
      // A worker free, and not too many records waiting behind a slow one.
      while (idle.length === 0 || finished.size >= run.jobs * MAX_WAITING_RECORDS_PER_JOB)
        await Promise.race(running);
      launch(entry.page, started++);
    }
  } catch (error) {
    failure = error;
  }
  await Promise.all(running);
  await flush();
  await Promise.all(analyzers.map((analyzer) => analyzer.close()));
  if (stream) await new Promise<void>((closed) => stream!.end(closed));
  const elapsed = Date.now() - began;
  const done = counts.analyzed + counts.errors;
  if (io.stderrIsTerminal) io.stderr.write('\r\x1b[K');
  io.stderr.write(
    `Scrutiny analyzed ${done} page${done === 1 ? '' : 's'} in ${seconds(elapsed)} s ` +
      `(${elapsed > 0 ? ((done * 1000) / elapsed).toFixed(1) : '0'} pages/s, ${run.jobs} job${run.jobs === 1 ? '' : 's'}, ` +
      // The whole process (the reader and every job's worker): what a scheduler's memory limit sees.
      `peak memory ${Math.round(process.resourceUsage().maxRSS / 1024).toLocaleString('en')} MB): ` +
      `${counts.errors} with an error` +
      (counts.skipped ? `, ${counts.skipped} records passed over (not HTML pages)` : '') +
      (counts.resumed ? `, ${counts.resumed} already in ${run.out}` : '') +
      reader.notes.map((note) => `; ${note}`).join('') +
      '.\n',
  );
  if (failure) throw failure;
}

interface Arguments {
  url?: string;
  manifest?: string;
  out?: string;
  resume: boolean;
  jobs?: number;
  heapMb: number;
  timeoutSeconds: number;
  files: string[];
  help: boolean;
  schema: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = {
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    heapMb: WORKER_HEAP_MB,
    resume: false,
    files: [],
    help: false,
    schema: false,
  };
  const valueOf = (option: string, value: string | undefined) => {
    if (value === undefined || value.startsWith('--'))
      throw new CliError(`${option} needs a value. ${USAGE}`);
    return value;
  };
  const positive = (option: string, value: string | undefined, what: string) => {
    const number = Number(valueOf(option, value));
    if (!(number > 0)) throw new CliError(`${option} needs ${what} above 0. ${USAGE}`);
    return number;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') parsed.url = valueOf(arg, argv[++i]);
    else if (arg === '--manifest') parsed.manifest = valueOf(arg, argv[++i]);
    else if (arg === '--out') parsed.out = valueOf(arg, argv[++i]);
    else if (arg === '--resume') parsed.resume = true;
    else if (arg === '--jobs') {
      parsed.jobs = positive(arg, argv[++i], 'a whole number');
      if (!Number.isInteger(parsed.jobs)) throw new CliError(`--jobs needs a whole number above 0. ${USAGE}`);
    } else if (arg === '--max-memory') parsed.heapMb = positive(arg, argv[++i], 'a number of megabytes');
    else if (arg === '--timeout') parsed.timeoutSeconds = positive(arg, argv[++i], 'a number of seconds');
    else if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg === '--schema') parsed.schema = true;
    else if (arg.startsWith('--')) throw new CliError(`Unknown option ${arg}. ${USAGE}`);
    else parsed.files.push(arg);
  }
  return parsed;
}

/** The reader for a FOLDER, a WARC file or a manifest; null for a single page file. */
async function archiveReader(args: Arguments, cwd: string): Promise<ArchiveReader | null> {
  if (args.manifest) return manifestReader(resolve(cwd, args.manifest));
  const [input] = args.files;
  const path = resolve(cwd, input!);
  if (isWarcPath(path)) return warcReader(path, input!);
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    // Not there: reported as the single page file it was taken for.
  }
  return folder ? folderReader(path) : null;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArguments(argv);
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.schema) {
    // The JSON Schema of a JSON Lines record (docs/record.schema.json is this, committed).
    io.stdout.write(`${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
    return 0;
  }
  if (args.manifest ? args.files.length > 0 || args.url !== undefined : args.files.length !== 1) {
    throw new CliError(USAGE);
  }
  if (args.resume && !args.out)
    throw new CliError(`--resume needs --out FILE: the output to go on with. ${USAGE}`);
  let reader: ArchiveReader | null;
  try {
    reader = await archiveReader(args, io.cwd);
  } catch (error) {
    throw error instanceof ArchiveError ? new CliError(error.message) : error;
  }
  if (reader) {
    if (args.url !== undefined) throw new CliError(`--url is for a single page file. ${USAGE}`);
    const out = args.out ? resolve(io.cwd, args.out) : undefined;
    try {
      await runArchive(
        reader,
        {
          jobs: args.jobs ?? Math.max(1, availableParallelism()),
          timeoutSeconds: args.timeoutSeconds,
          heapMb: args.heapMb,
          out,
          resume: args.resume,
        },
        io,
      );
    } catch (error) {
      throw error instanceof ArchiveError ? new CliError(error.message) : error;
    }
    return 0;
  }
  if (args.resume || args.jobs !== undefined)
    throw new CliError(`--jobs and --resume are for a WARC file, a folder or a manifest. ${USAGE}`);
  const url = checkedUrl(args.url);
  const analyzer = new IsolatedAnalyzer(args.timeoutSeconds, args.heapMb);
  try {
    const page = await analyzer.analyze(resolve(io.cwd, args.files[0]!), url);
    const text = `${JSON.stringify(page, null, 2)}\n`;
    if (args.out) {
      await writeFile(resolve(io.cwd, args.out), text).catch(() => {
        throw new CliError(`Cannot write the output file ${args.out}.`);
      });
    } else io.stdout.write(text);
  } finally {
    await analyzer.close();
  }
  return 0;
}

/**
 * The whole command line: reads `argv` (the arguments after the script's name), writes JSON to
 * `io.stdout` or one line to `io.stderr`, and resolves to the exit code (0, or 1 after a problem).
 * It never rejects.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr.write(`${describeError(error)}\n`);
    return 1;
  }
}

/** Whether this module is the script node was started with (and not imported by a test). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A reader piping into `head` closes stdout early; that is no error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`Cannot write the output: ${oneLine(error.message)}\n`);
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // npm runs scripts in the package's folder; relative paths are meant from where npm was started.
    cwd: process.env.INIT_CWD || process.cwd(),
    stderrIsTerminal: process.stderr.isTTY,
  });
}
