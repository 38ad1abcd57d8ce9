/**
 * npm run -s analyze -- [--url URL] FILE            one JSON object on stdout
 * npm run -s analyze -- --manifest LIST.tsv         one JSON object per line (path<TAB>url), in order
 *
 * Every problem ends as one plain line (on stderr, or as the `error` field of a manifest line), never
 * as a stack trace. Pages are analyzed in a worker thread with a time and a memory limit, so a page
 * that would take forever or exhaust memory is reported and the manifest goes on with the next one.
 *
 * `npm run analyze` runs this file built into plain JavaScript (scripts/build-cli.mjs writes
 * .output/cli/analyze.mjs and analyze-worker.mjs), so a start costs no TypeScript compilation. The
 * tests call `runCli` in process.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { safeHttpUrl } from '../lib/extract/urls';
import type { AnalyzedPage } from '../lib/extract/types';
import type { AnalyzeReply, AnalyzeRequest } from './analyze-worker';

const USAGE =
  'Usage: npm run -s analyze -- [--url URL] [--timeout SECONDS] FILE.html[.gz]  |  npm run -s analyze -- [--timeout SECONDS] --manifest LIST.tsv';

/** Seconds one page may take, worker start included, before it is reported as too slow. */
const DEFAULT_TIMEOUT_SECONDS = 60;
/** Heap one page may use; past it the worker ends and the page is reported, not the CLI killed. */
const WORKER_HEAP_MB = 2048;

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

function startWorker(): Worker {
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
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

  constructor(private readonly timeoutSeconds: number) {}

  private start(): Worker {
    const worker = startWorker();
    worker.stdout.resume();
    return worker;
  }

  private discard(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  analyze(path: string, url: string | undefined): Promise<AnalyzedPage> {
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
            ? `${path} needs more memory than Scrutiny allows for one page (${WORKER_HEAP_MB / 1024} GB); it was not analyzed.`
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
      worker.postMessage({ id, path, url } satisfies AnalyzeRequest);
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

async function runManifest(listPath: string, analyzer: IsolatedAnalyzer, stdout: TextOutput): Promise<void> {
  let list: string;
  try {
    list = await readFile(listPath, 'utf8');
  } catch {
    throw new CliError(`Cannot read the manifest ${listPath}.`);
  }
  const base = dirname(listPath);
  for (const line of list.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [rawPath = '', rawUrl] = line.split('\t');
    const path = rawPath.trim();
    const url = rawUrl?.trim() || undefined;
    let output: Record<string, unknown>;
    try {
      const page = await analyzer.analyze(resolve(base, path), checkedUrl(url));
      output = { file: path, ...page };
    } catch (error) {
      output = { file: path, url: url ?? null, error: describeError(error) };
    }
    stdout.write(`${JSON.stringify(output)}\n`);
  }
}

interface Arguments {
  url?: string;
  manifest?: string;
  timeoutSeconds: number;
  files: string[];
  help: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, files: [], help: false };
  const valueOf = (option: string, value: string | undefined) => {
    if (value === undefined || value.startsWith('--'))
      throw new CliError(`${option} needs a value. ${USAGE}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') parsed.url = valueOf(arg, argv[++i]);
    else if (arg === '--manifest') parsed.manifest = valueOf(arg, argv[++i]);
    else if (arg === '--timeout') {
      const seconds = Number(valueOf(arg, argv[++i]));
      if (!(seconds > 0)) throw new CliError(`--timeout needs a number of seconds above 0. ${USAGE}`);
      parsed.timeoutSeconds = seconds;
    } else if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg.startsWith('--')) throw new CliError(`Unknown option ${arg}. ${USAGE}`);
    else parsed.files.push(arg);
  }
  return parsed;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArguments(argv);
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.manifest ? args.files.length > 0 || args.url !== undefined : args.files.length !== 1) {
    throw new CliError(USAGE);
  }
  const url = checkedUrl(args.url);
  const analyzer = new IsolatedAnalyzer(args.timeoutSeconds);
  try {
    if (args.manifest) await runManifest(resolve(io.cwd, args.manifest), analyzer, io.stdout);
    else {
      const page = await analyzer.analyze(resolve(io.cwd, args.files[0]!), url);
      io.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
    }
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
    cwd: process.cwd(),
  });
}
