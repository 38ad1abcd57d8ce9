/**
 * `npx tsx scripts/bench-dom.ts <corpora-dir> jsdom|linkedom|happy-dom [--json FILE]`: the CLI's
 * extraction and analysis (extractArticle, then the analysis in withAnalysis) on the Zyte benchmark's
 * pages with one DOM implementation, for choosing one by measurement (docs/research.md): linkedom as
 * the CLI uses it (cli/html-dom.ts), jsdom as the CLI used it before, happy-dom. Body F1 against
 * the benchmark's ground truth (the same shingle scoring as `npm run eval -- zyte`), pages per second of
 * one core, peak RSS, and each page's authors and title (so two runs can be compared page by page). One
 * implementation per process, so that memory is its own.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Window as HappyWindow } from 'happy-dom';
import { withAnalysis } from '../lib/analyze';
import { extractArticle } from '../lib/extract';
import { loadPage } from '../cli/load-page';
import { prepareSource } from '../cli/page-source';
import { macroPrecisionRecall, shingleMatch, f1Of } from './eval/scoring';

type Implementation = 'jsdom' | 'linkedom' | 'happy-dom';

function parse(
  implementation: Implementation,
  bytes: Buffer,
  url: string,
): { document: Document; window: Window; close(): void } {
  // linkedom as the CLI uses it: parse5's tree in linkedom, sanitizing in jsdom (cli/html-dom.ts).
  if (implementation === 'linkedom') return loadPage(bytes, url);
  if (implementation === 'jsdom') {
    // The CLI before linkedom: the same guarded source (cli/page-source.ts), parsed by jsdom.
    const jsdomOf = (dropStyles: boolean) => {
      const source = prepareSource(bytes, { allowXml: false, dropStyles });
      return new JSDOM(source.bytes, {
        url,
        contentType: source.contentType,
        virtualConsole: new VirtualConsole(),
      });
    };
    let dom: JSDOM;
    try {
      dom = jsdomOf(false);
    } catch {
      dom = jsdomOf(true); // jsdom throws on some style sheets
    }
    return {
      document: dom.window.document,
      window: dom.window as unknown as Window,
      close: () => dom.window.close(),
    };
  }
  const html = bytes.toString('utf8');
  const window = new HappyWindow({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  return {
    document: document as unknown as Document,
    window: window as unknown as Window,
    close: () => void window.happyDOM.abort().then(() => window.close()),
  };
}

const [corpora, implementation, ...rest] = process.argv.slice(2) as [string, Implementation, ...string[]];
if (!corpora || !['jsdom', 'linkedom', 'happy-dom'].includes(implementation)) {
  process.stderr.write(
    'Usage: npx tsx scripts/bench-dom.ts <corpora-dir> jsdom|linkedom|happy-dom [--json FILE]\n',
  );
  process.exit(2);
}
const json = rest[0] === '--json' ? rest[1] : undefined;
const dir = join(corpora, 'article-extraction-benchmark');
const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { articleBody: string; url: string }
>;
const files = readdirSync(join(dir, 'html'))
  .filter((name) => name.endsWith('.html.gz'))
  .sort();
const pages: { key: string; ms: number; authors: string[] | null; title: string | null; error?: string }[] =
  [];
const counts = [];
let peakRss = process.memoryUsage().rss;
const started = process.cpuUsage();
for (const name of files) {
  const key = name.replace(/\.html\.gz$/, '');
  const bytes = gunzipSync(readFileSync(join(dir, 'html', name)));
  const url = gold[key]?.url ?? 'https://example.invalid/';
  const begin = performance.now();
  let text = '';
  try {
    const { document, window, close } = parse(implementation, bytes, url);
    try {
      const page = withAnalysis(extractArticle(document, { url, window, documentIsCopy: true }));
      text = page.article.text;
      pages.push({
        key,
        ms: performance.now() - begin,
        authors: page.byline.authors.map((a) => a.name),
        title: page.title,
      });
    } finally {
      close();
    }
  } catch (error) {
    pages.push({
      key,
      ms: performance.now() - begin,
      authors: null,
      title: null,
      error: (error as Error).message.split('\n')[0],
    });
  }
  counts.push(shingleMatch(gold[key]?.articleBody ?? '', text));
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const cpu = process.cpuUsage(started);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const { precision, recall } = macroPrecisionRecall(counts);
const summary = {
  implementation,
  pages: files.length,
  errors: pages.filter((page) => page.error).length,
  bodyF1: f1Of(precision, recall),
  pagesPerCpuSecond: files.length / cpuSeconds,
  peakRssMB: peakRss / 2 ** 20,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
if (json) writeFileSync(json, JSON.stringify({ summary, pages }, null, 2));
