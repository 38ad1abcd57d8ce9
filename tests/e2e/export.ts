/**
 * Shared by the Chromium and Firefox suites for export and import: what the reader makes on the seed
 * article and a German one, and how the downloaded files are read and checked.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { backupText, parseBackup } from '../../lib/export/backup';
import { ROOT } from './browsers';

export const SEED_PATH = '/pages/western-journal-taliban.html';
export const GERMAN_PATH = '/pages/german-quotes.html';
/** Highlighted in the seed article, with a note; then clipped into EXPORT_COLLECTION. */
export const EXPORT_HIGHLIGHT = 'the Taliban will leave the rest of the world alone';
export const EXPORT_HIGHLIGHT_NOTE = 'Compare with the UN monitoring report.';
export const EXPORT_PAGE_NOTE = 'Statement quoted at length; no independent source.';
export const EXPORT_CLIP = 'refrain from all interference in our own internal affairs';
export const EXPORT_COLLECTION = 'Taliban statements';

/** The example backup in the docs is rewritten only when asked: `SCRUTINY_WRITE_EXAMPLES=1`. */
export const WRITE_EXAMPLES = process.env.SCRUTINY_WRITE_EXAMPLES === '1';
export const EXAMPLE_BACKUP = join(ROOT, 'docs', 'examples', 'backup.json');

/** The files of a downloaded `.zip`, as text by name. */
export function readZip(path: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/**
 * Checks the downloaded backup reads back, and when asked (and `mayWriteExample`: the Chromium suite
 * writes it) writes it to docs/examples/backup.json in a form
 * that is the same on every run: the test server's address, the random ids and the times of the run are
 * replaced, in a fixed order, by stable ones; nothing else is touched, and the result must read back too.
 */
export function keepBackup(path: string, serverOrigin: string, mayWriteExample = true): void {
  const text = readFileSync(path, 'utf8');
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`The downloaded backup does not read back: ${parsed.problem}`);
  if (!WRITE_EXAMPLES || !mayWriteExample) return;
  const { data } = parsed.backup;
  const ids = [
    ...[...data.collections].sort((a, b) => a.name.localeCompare(b.name)),
    ...[...data.articles].sort((a, b) => a.url.localeCompare(b.url)),
    ...[...data.versions].sort((a, b) => a.url.localeCompare(b.url) || a.savedAt.localeCompare(b.savedAt)),
    ...[...data.annotations].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.created.localeCompare(b.created),
    ),
    ...[...data.clippings].sort((a, b) => a.created.localeCompare(b.created)),
  ].map((record) => record.id);
  // The extension's own times (toISOString: milliseconds and Z), in order; the pages' dates stay as they are.
  const times = [...new Set(text.match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g) ?? [])].sort();
  let stable = text
    .split(serverOrigin)
    .join('https://news.example')
    .split(new URL(serverOrigin).host)
    .join('news.example');
  ids.forEach((id, index) => {
    stable = stable.split(id).join(`00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`);
  });
  times.forEach((time, index) => {
    stable = stable.split(time).join(new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString());
  });
  const reread = parseBackup(stable);
  if (!reread.ok) throw new Error(`The example backup does not read back: ${reread.problem}`);
  mkdirSync(join(ROOT, 'docs', 'examples'), { recursive: true });
  writeFileSync(EXAMPLE_BACKUP, backupText(reread.backup.data, new Date(reread.backup.exported)));
}

/** Firefox preferences that save every download into `dir` without asking. */
export function downloadPrefs(dir: string): Record<string, string | number | boolean> {
  return {
    'browser.download.dir': dir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.manager.showWhenStarting': false,
    'browser.helperApps.neverAsk.saveToDisk':
      'text/markdown,text/csv,application/json,application/zip,application/octet-stream',
  };
}

/**
 * The path of the first complete file in `dir` that is not among `before`, once the browser has finished
 * writing it (no `.part` file beside it).
 */
export async function nextDownload(
  dir: string,
  before: ReadonlySet<string>,
  timeout = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const names = readdirSync(dir);
    const fresh = names.find((name) => !before.has(name) && !name.endsWith('.part'));
    if (fresh && !names.some((name) => name.endsWith('.part'))) return join(dir, fresh);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No download arrived in ${dir}`);
}
