/**
 * npm run -s export -- --format markdown|csv|json|w3c|csl-json|bibtex|ris [--out PATH] BACKUP.json
 *
 * Converts a Scrutiny backup (docs/backup-format.md) with the extension's own exporters (lib/export).
 * Without --out the result goes to stdout; Markdown is then one combined file, and a zip is written only
 * to an --out path ending in .zip. A bad backup or bad arguments end in one plain line on stderr and exit
 * status 1, never a stack trace.
 *
 * `npm run export` runs this file built into plain JavaScript (scripts/build-cli.mjs writes
 * .output/cli/export.mjs). The tests call `runCli` in process.
 */
import { realpathSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORT_FORMATS, exportFiles, fileText } from '../lib/export';
import { MAX_BACKUP_CHARACTERS, parseBackup } from '../lib/export/backup';
import type { ExportFormat } from '../lib/export/types';

const FORMATS = EXPORT_FORMATS.map((entry) => entry.format);
const USAGE = `Usage: npm run -s export -- --format ${FORMATS.join('|')} [--out PATH] BACKUP.json`;

export interface TextOutput {
  write(text: string): unknown;
}

/** What the CLI reads from and writes to, instead of the process's own streams and folder. */
export interface CliIo {
  stdout: TextOutput;
  stderr: TextOutput;
  /** Folder that relative BACKUP and --out paths are resolved from. */
  cwd: string;
}

/** A problem to report in one line; the CLI's own errors, as opposed to bugs. */
class CliError extends Error {}

interface Arguments {
  format: ExportFormat;
  out: string | null;
  backup: string;
}

function readArguments(argv: readonly string[]): Arguments {
  let format: string | null = null;
  let out: string | null = null;
  const files: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--format' || arg === '--out') {
      const value = argv[++index];
      if (value === undefined || value.startsWith('--')) throw new CliError(`${arg} needs a value. ${USAGE}`);
      if (arg === '--format') format = value;
      else out = value;
    } else if (arg === '--help' || arg === '-h') {
      throw new CliError(USAGE);
    } else if (arg.startsWith('--')) {
      throw new CliError(`Unknown option ${arg}. ${USAGE}`);
    } else files.push(arg);
  }
  if (format === null) throw new CliError(`--format is required. ${USAGE}`);
  const known = FORMATS.find((name) => name === format);
  if (!known) throw new CliError(`Unknown format ${JSON.stringify(format)}. ${USAGE}`);
  const [backup, ...extra] = files;
  if (!backup || extra.length > 0) throw new CliError(`Give exactly one backup file. ${USAGE}`);
  return { format: known, out, backup };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = readArguments(argv);
  const path = resolve(io.cwd, args.backup);
  let text: string;
  try {
    // A character takes at most four bytes, so a larger file holds more characters than a backup may.
    if ((await stat(path)).size > MAX_BACKUP_CHARACTERS * 4) {
      throw new CliError(`${args.backup} is too large to be a Scrutiny backup.`);
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read ${args.backup}.`);
  }
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new CliError(`${args.backup}: ${parsed.problem}`);
  const file = await exportFiles(parsed.backup.data, args.format, {
    markdownLayout: args.out?.toLowerCase().endsWith('.zip') ? 'zip' : 'combined',
    now: new Date(),
  });
  if (args.out === null) {
    // fileText keeps the CSV's byte order mark, which tells spreadsheets the text is UTF-8.
    io.stdout.write(fileText(file));
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, args.out), file.chunks);
  } catch {
    throw new CliError(`Cannot write ${args.out}.`);
  }
  return 0;
}

/** Runs the command line; returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    const message =
      error instanceof CliError
        ? error.message
        : `The export failed: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr.write(`${oneLine(message)}\n`);
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
  });
}
