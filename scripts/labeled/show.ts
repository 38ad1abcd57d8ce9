/**
 * Print one page of the labeled set for a labeler, so nobody needs to open the raw HTML:
 *
 *   npx tsx scripts/labeled/show.ts <id> [--corpora DIR] [--links] [--no-text]
 *
 * Prints the manifest entry, the <title> and <h1>, the meta tags, the JSON-LD blocks, what the corpus's
 * own index says about the page, and the page's visible text, block by block, with headings (#),
 * list items (-), captions ([caption]), boxes ([blockquote], [aside]) and, with --links, every link's
 * address after its text. It shows the whole page as a reader sees it, not what Scrutiny extracts:
 * labels must not lean on the system they measure.
 *
 * The corpora folder defaults to ../shared/corpora next to the repository (or $SCRUTINY_CORPORA).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPage, readPageBytes } from '../../cli/load-page';
import { blockText } from '../../lib/extract/text';
import { EXTRA_SETS, LABELED_DIR, MANIFEST_PATH, type ManifestEntry } from './select';

const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_CORPORA = process.env.SCRUTINY_CORPORA ?? resolve(REPO_DIR, '../shared/corpora');
/** Long values (an articleBody in JSON-LD, a giant description) are cut here. */
const MAX_VALUE = 600;

const cut = (text: string, max = MAX_VALUE) => (text.length > max ? `${text.slice(0, max)}… [cut]` : text);

/** What the corpus's own index file says about the page (not gold by the fixtures README's rules). */
function corpusRecord(corporaDir: string, entry: ManifestEntry): unknown {
  const dir = join(corporaDir, entry.corpus);
  const read = (path: string): unknown =>
    JSON.parse(readFileSync(path, 'utf8').replace(/:\s*NaN\b/g, ': null'));
  const inner = entry.path.slice(entry.corpus.length + 1);
  if (entry.corpus === 'trafilatura-eval') {
    const records = read(join(dir, 'evaldata.json')) as Record<string, { file: string }>;
    return Object.values(records).find((record) => `html/${record.file}.gz` === inner) ?? null;
  }
  if (entry.corpus === 'postlight-parser-fixtures') {
    const records = read(join(dir, 'expected.json')) as Array<{ file: string }>;
    return records.find((record) => record.file === inner) ?? null;
  }
  if (entry.corpus === 'readability-test-pages') {
    const path = join(dir, dirname(inner), 'expected-metadata.json');
    return existsSync(path) ? read(path) : null;
  }
  if (entry.corpus === 'article-extraction-benchmark') {
    const records = read(join(dir, 'ground-truth.json')) as Record<string, { articleBody?: string }>;
    const key = inner.replace(/^html\//, '').replace(/\.html\.gz$/, '');
    const body = records[key]?.articleBody;
    return body === undefined
      ? null
      : { articleBody: cut(body, 300), articleBodyWords: body.split(/\s+/).length };
  }
  return null;
}

/** Marks that tell a labeler what kind of block a line is; inserted as text before blockText runs. */
function markBlocks(document: Document, showLinks: boolean): void {
  for (const element of [...document.querySelectorAll('[hidden], [style]')]) {
    const style = element.getAttribute('style') ?? '';
    if (element.hasAttribute('hidden') || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
      element.remove();
  }
  const prefix = (selector: string, mark: (element: Element) => string) => {
    for (const element of document.querySelectorAll(selector))
      if ((element.textContent ?? '').trim())
        element.insertBefore(document.createTextNode(mark(element)), element.firstChild);
  };
  prefix('h1, h2, h3, h4, h5, h6', (element) => `${'#'.repeat(Number(element.tagName[1]))} `);
  prefix('li', () => '- ');
  prefix('figcaption', () => '[caption] ');
  prefix('blockquote', () => '[blockquote] ');
  prefix('aside', () => '[aside] ');
  if (showLinks)
    for (const link of document.querySelectorAll('a[href]')) {
      const href = (link as HTMLAnchorElement).href;
      if (/^https?:/.test(href)) link.append(document.createTextNode(` <${href}>`));
    }
}

function jsonLdBlocks(document: Document): string[] {
  return [...document.querySelectorAll('script[type*="ld+json" i]')].map((script) => {
    const raw = script.textContent ?? '';
    try {
      const value = JSON.parse(raw) as unknown;
      return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? cut(item) : item), 2);
    } catch {
      return `(not valid JSON) ${cut(raw)}`;
    }
  });
}

/** Meta tags that say nothing about the article (apps, viewport, verification codes). */
const NOISE_META =
  /^(?:viewport|theme-color|al:|twitter:app:|apple-|msapplication|fb:|format-detection|google-site-verification|referrer)/i;

function metaTags(document: Document): string[] {
  return [...document.querySelectorAll('meta[content]')]
    .map((meta) => {
      const key =
        meta.getAttribute('property') ??
        meta.getAttribute('name') ??
        meta.getAttribute('itemprop') ??
        meta.getAttribute('http-equiv');
      return key && !NOISE_META.test(key)
        ? `${key} = ${cut((meta.getAttribute('content') ?? '').trim(), 300)}`
        : '';
    })
    .filter(Boolean);
}

async function main(argv: string[]): Promise<void> {
  let corporaDir = DEFAULT_CORPORA;
  let showLinks = false;
  let showText = true;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--corpora') corporaDir = resolve(argv[++i] ?? '');
    else if (arg === '--links') showLinks = true;
    else if (arg === '--no-text') showText = false;
    else positional.push(arg);
  }
  const [id] = positional;
  if (!id) {
    process.stderr.write(
      'Usage: npx tsx scripts/labeled/show.ts <id> [--corpora DIR] [--links] [--no-text]\n',
    );
    process.exit(2);
  }
  // The main set first, then the extra dev sets (scripts/labeled/select.ts, EXTRA_SETS).
  const sets = [
    { path: MANIFEST_PATH, dir: LABELED_DIR, name: 'manifest' },
    ...EXTRA_SETS.map((set) => ({ path: set.manifestPath, dir: set.dir, name: set.name })),
  ].filter((set) => existsSync(set.path));
  let found: { manifest: ManifestEntry[]; entry: ManifestEntry; dir: string; name: string } | undefined;
  for (const set of sets) {
    const manifest = JSON.parse(readFileSync(set.path, 'utf8')) as ManifestEntry[];
    const entry = manifest.find((item) => item.id === id);
    if (entry) {
      found = { manifest, entry, dir: set.dir, name: set.name };
      break;
    }
  }
  if (!found) {
    process.stderr.write(`${id} is in neither ${sets.map((set) => set.path).join(' nor ')}.\n`);
    process.exit(2);
  }
  const { manifest, entry } = found;
  const labelPath = join(found.dir, `${id}.expected.json`);
  const { document, close } = loadPage(await readPageBytes(join(corporaDir, entry.path)), entry.url);
  const out: string[] = [
    `== ${entry.id}  (${entry.lang}, ${entry.half} half, ${found.name} #${manifest.indexOf(entry) + 1})`,
    `file:  ${entry.path}`,
    `url:   ${entry.url}`,
    `label: ${labelPath} (${existsSync(labelPath) ? 'exists' : 'not written yet'})`,
    '',
    `-- <html lang>: ${document.documentElement.getAttribute('lang') ?? '(none)'}`,
    `-- <title>: ${document.title.trim()}`,
    ...[...document.querySelectorAll('h1')].map((h1) => `-- <h1>: ${(h1.textContent ?? '').trim()}`),
    '',
    '-- meta tags',
    ...metaTags(document).map((line) => `  ${line}`),
    '',
  ];
  const blocks = jsonLdBlocks(document);
  out.push(`-- JSON-LD (${blocks.length} block${blocks.length === 1 ? '' : 's'})`, ...blocks, '');
  out.push(
    '-- the corpus index (its own labels, made by its own rules: a hint, not our gold)',
    JSON.stringify(corpusRecord(corporaDir, entry), null, 2),
    '',
  );
  if (showText) {
    markBlocks(document, showLinks);
    out.push('-- visible text of the whole page, block by block', blockText(document.body));
  }
  close();
  process.stdout.write(`${out.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
