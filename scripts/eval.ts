/**
 * npm run eval -- <set> <dir> [options]
 *
 * Sets: zyte, postlight, htmldate, trafilatura, fixtures, labeled, robustness, german-quotes
 * (see docs/accuracy.md). `labeled` takes the corpora folder and scores the labeled pages of
 * tests/fixtures/labeled/manifest.json, dev and test halves apart (tests/fixtures/labeled/README.md).
 * Options:
 *   --json              print machine-readable numbers instead of tables
 *   --reference FILE    zyte only: score a reference-outputs JSON instead of running the extractor
 *   --jobs N            pages analyzed at once (child processes); default: CPU count
 *   --timeout SECONDS   a page taking longer is killed and reported as a timeout (default 60, robustness 30)
 *   --limit N           only the first N pages
 *   --only TEXT         only pages whose key (file name) contains TEXT
 *   --misses            list every miss on stderr (page, expected, got)
 *   --dump FILE         write per-page scores as JSON lines (zyte), for comparing two runs
 *   --labels DIR        labeled only: the folder with manifest.json and the labels
 *   --half dev|test     labeled only: analyze, score and report one half (so --misses shows dev only)
 *   --people NAME       labeled only: find people with ours, compromise or both, and time the analysis
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PEOPLE_FINDERS } from './eval/people-finders';
import { SETS, type EvalOptions, type SetReport, type Table } from './eval/sets';

const USAGE = `Usage: npm run eval -- <${Object.keys(SETS).join('|')}> <dir> [--json] [--reference FILE] [--jobs N] [--timeout S] [--limit N] [--only TEXT] [--misses] [--dump FILE] [--labels DIR] [--half dev|test] [--people ours|compromise|both]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function positiveNumber(value: string | undefined, option: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) fail(`${option} needs a positive number. ${USAGE}`);
  return number;
}

function renderTable(table: Table): string {
  const cells = [table.header, ...table.rows.map((row) => row.map(String))];
  const widths = table.header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [
    table.title,
    line(table.header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

function renderReport(report: SetReport, seconds: number): string {
  const parts = [`== ${report.set}: ${report.pages} pages from ${report.dir} (${seconds.toFixed(0)} s)`];
  for (const table of report.tables) parts.push(renderTable(table));
  for (const list of report.lists ?? [])
    parts.push(`${list.title} (${list.items.length}):\n  ${list.items.join('\n  ')}`);
  if (report.notes.length > 0)
    parts.push(`Problems (${report.notes.length}):\n  ${report.notes.join('\n  ')}`);
  return `${parts.join('\n\n')}\n`;
}

async function main(argv: string[]): Promise<void> {
  const options: EvalOptions = {};
  let json = false;
  let dump: string | undefined;
  let people = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--reference') options.reference = argv[++i] ?? fail(USAGE);
    else if (arg === '--jobs') options.jobs = positiveNumber(argv[++i], arg);
    else if (arg === '--timeout') options.timeoutMs = positiveNumber(argv[++i], arg) * 1000;
    else if (arg === '--limit') options.limit = positiveNumber(argv[++i], arg);
    else if (arg === '--only') options.only = argv[++i] ?? fail(USAGE);
    else if (arg === '--misses') options.showMisses = true;
    else if (arg === '--dump') dump = argv[++i] ?? fail(USAGE);
    else if (arg === '--half') {
      const half = argv[++i];
      if (half !== 'dev' && half !== 'test') fail(`--half takes dev or test. ${USAGE}`);
      options.half = half;
    } else if (arg === '--people') {
      const finder = argv[++i] ?? '';
      if (!(PEOPLE_FINDERS as readonly string[]).includes(finder))
        fail(`--people takes ${PEOPLE_FINDERS.join(', ')}. ${USAGE}`);
      // The evaluation's child processes inherit it (scripts/eval/worker.ts).
      process.env.SCRUTINY_EVAL_PEOPLE = finder;
      people = true;
    } else if (arg === '--labels') options.labelsDir = resolve(argv[++i] ?? fail(USAGE));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (arg.startsWith('--')) fail(`Unknown option ${arg}. ${USAGE}`);
    else positional.push(arg);
  }
  const [setName, dir] = positional;
  if (!setName || !dir || positional.length > 2) fail(USAGE);
  const run = SETS[setName] ?? fail(`Unknown set "${setName}". ${USAGE}`);
  if (options.reference && setName !== 'zyte') fail('--reference works with the zyte set only.');
  if (options.labelsDir && setName !== 'labeled') fail('--labels works with the labeled set only.');
  if (people && setName !== 'labeled') fail('--people works with the labeled set only.');
  options.quiet = json;
  const started = performance.now();
  const report = await run(resolve(dir), options);
  const seconds = (performance.now() - started) / 1000;
  if (dump) writeFileSync(dump, (report.perPage ?? []).map((row) => `${JSON.stringify(row)}\n`).join(''));
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ set: report.set, dir: report.dir, pages: report.pages, seconds, numbers: report.numbers, notes: report.notes, lists: report.lists }, null, 2)}\n`,
    );
  } else process.stdout.write(renderReport(report, seconds));
}

// A missing folder or gold file is a one-line message; EVAL_DEBUG=1 shows the stack.
main(process.argv.slice(2)).catch((error: unknown) =>
  fail(error instanceof Error ? (process.env.EVAL_DEBUG && error.stack) || error.message : String(error)),
);
