/**
 * npm run -s analyze -- [--url URL] FILE            one JSON object on stdout
 * npm run -s analyze -- --manifest LIST.tsv         one JSON object per line (path<TAB>url), in order
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyzeFile, PageFileError } from './load-page';

const USAGE =
  'Usage: npm run -s analyze -- [--url URL] FILE.html[.gz]  |  npm run -s analyze -- --manifest LIST.tsv';

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(1);
}

function describe(error: unknown): string {
  if (error instanceof PageFileError) return error.message;
  return `Could not analyze the page: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}

async function runManifest(listPath: string): Promise<void> {
  let list: string;
  try {
    list = await readFile(listPath, 'utf8');
  } catch {
    fail(`Cannot read the manifest ${listPath}.`);
  }
  const base = dirname(resolve(listPath));
  for (const line of list.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [path = '', url] = line.split('\t');
    const file = resolve(base, path.trim());
    try {
      const page = await analyzeFile(file, url?.trim() || undefined);
      process.stdout.write(`${JSON.stringify({ file: path.trim(), ...page })}\n`);
    } catch (error) {
      process.stdout.write(
        `${JSON.stringify({ file: path.trim(), url: url?.trim() ?? null, error: describe(error) })}\n`,
      );
    }
  }
}

async function main(argv: string[]): Promise<void> {
  let url: string | undefined;
  let manifest: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') url = argv[++i];
    else if (arg === '--manifest') manifest = argv[++i];
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (arg.startsWith('--')) fail(`Unknown option ${arg}. ${USAGE}`);
    else files.push(arg);
  }
  if (manifest) return runManifest(manifest);
  if (files.length !== 1) fail(USAGE);
  try {
    const page = await analyzeFile(files[0]!, url);
    process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
  } catch (error) {
    fail(describe(error));
  }
}

main(process.argv.slice(2)).catch((error: unknown) => fail(describe(error)));
