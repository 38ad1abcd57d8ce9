// @ts-check
/**
 * Builds the command lines (cli/analyze.ts and its page worker, cli/analyze-worker.ts; cli/export.ts)
 * into plain JavaScript, so that `npm run analyze` and `npm run export` start node on JavaScript instead
 * of compiling TypeScript at every start.
 *
 *   node scripts/build-cli.mjs                 build into .output/cli/
 *   node scripts/build-cli.mjs --if-stale      build only when the bundle is missing or older than
 *                                              a file it was built from (or the lock file)
 *   node scripts/build-cli.mjs --outdir DIR    build into DIR instead
 *
 * Plain JavaScript on purpose: `npm run analyze` and `npm run export` run it with --if-stale before
 * every start, and node starts it in a few tens of milliseconds where tsx would take half a second.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY_POINTS = {
  analyze: 'cli/analyze.ts',
  'analyze-worker': 'cli/analyze-worker.ts',
  export: 'cli/export.ts',
};
/** esbuild's record of the files each build read; --if-stale compares their times with the bundle's. */
const METAFILE = 'meta.json';

/** @param {string} path */
function modifiedMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Whether the bundle in `outdir` is missing or older than any file it was built from, this script, or
 * package-lock.json (a dependency updated).
 * @param {string} outdir
 */
export function isStale(outdir) {
  const builtMs = Math.min(
    ...Object.keys(ENTRY_POINTS).map((name) => modifiedMs(join(outdir, `${name}.mjs`)) ?? -Infinity),
  );
  /** @type {{ inputs: Record<string, unknown> }} */
  let meta;
  try {
    meta = JSON.parse(readFileSync(join(outdir, METAFILE), 'utf8'));
  } catch {
    return true;
  }
  const sources = [
    ...Object.keys(meta.inputs).map((input) => resolve(ROOT, input)),
    fileURLToPath(import.meta.url),
    join(ROOT, 'package-lock.json'),
  ];
  // A source that is gone counts as changed: an import of it moved somewhere else.
  return sources.some((source) => (modifiedMs(source) ?? Infinity) > builtMs);
}

/**
 * Build the bundle into `outdir`.
 * @param {string} outdir
 */
export async function buildCli(outdir) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Dependencies load from node_modules as they are. Bundling them too (all but jsdom, which reads
    // its own files such as default-stylesheet.css next to its code) saved no measurable time: one
    // page took 2.0 s of CPU either way, and --help loads none of them.
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(outdir, METAFILE), JSON.stringify(result.metafile));
}

const isScript = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isScript) {
  const args = process.argv.slice(2);
  const outdirIndex = args.indexOf('--outdir');
  const outdirArg = outdirIndex >= 0 ? args[outdirIndex + 1] : join(ROOT, '.output', 'cli');
  if (!outdirArg || outdirArg.startsWith('--')) {
    process.stderr.write('--outdir needs a folder.\n');
    process.exit(1);
  }
  const outdir = resolve(outdirArg);
  const ifStale = args.includes('--if-stale');
  if (!ifStale || isStale(outdir)) {
    try {
      await buildCli(outdir);
    } catch {
      // esbuild has already printed what went wrong, with file and line.
      process.stderr.write('Could not build the command line (see above).\n');
      process.exit(1);
    }
    // stderr, so that `npm run -s analyze` keeps stdout pure JSON
    if (!ifStale)
      process.stderr.write(`Built the command line into ${relative(process.cwd(), outdir) || '.'}/\n`);
  }
}
