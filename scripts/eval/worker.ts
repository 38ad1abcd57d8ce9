/**
 * Child process of the evaluation pool: analyzes one page per message with the CLI pipeline and sends
 * back what the scorers need. A separate process, so that a page that hangs can be killed without
 * taking the evaluation down, and so that jsdom's memory goes away with it.
 */
import { readFile } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeFile, parsePage, readPageBytes } from '../../cli/load-page';
import { extractArticle } from '../../lib/extract';
import type { AnalyzedPage } from '../../lib/extract/types';
import { blockText } from '../../lib/extract/text';
import type { JobReply, JobRequest, PageSummary } from './pool';

/**
 * The visible text of a reference HTML file (Readability's expected output), for faithfulness checks.
 * Read as UTF-8, as Readability's own test harness does: the files carry no charset.
 */
async function referenceText(path: string): Promise<string> {
  const dom = new JSDOM(await readFile(path, 'utf8'), {
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
  try {
    return blockText(dom.window.document.body);
  } finally {
    dom.window.close();
  }
}

const isUtf8 = (bytes: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Parse a saved corpus page. Two differences from the CLI's loadPage, both about encodings:
 * - A page that declares no encoding (no BOM, no charset in its first 1024 bytes) is read as UTF-8
 *   when it is valid UTF-8. The corpora are UTF-8 throughout, but jsdom, like a browser, falls back
 *   to windows-1252, which turns Korean or Russian text into mojibake no extractor can be scored on.
 * - html-encoding-sniffer throws on a malformed charset attribute
 *   (content="text/html; charset="UTF-8"); the page is then read with its encoding stated up front.
 * Both state the encoding with a <meta charset> put before the page.
 */
function parseAsSaved(bytes: Buffer, url: string): JSDOM {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const declared = /^(?:\xEF\xBB\xBF|\xFE\xFF|\xFF\xFE)/.test(head) || /<meta[^>]+charset/i.test(head);
  const withCharset = () =>
    Buffer.concat([Buffer.from(`<meta charset="${isUtf8(bytes) ? 'utf-8' : 'windows-1252'}">`), bytes]);
  try {
    return parsePage(declared || !isUtf8(bytes) ? bytes : withCharset(), url);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return parsePage(withCharset(), url);
  }
}

/** cli/load-page.ts's analyzeFile, with the UTF-8 default above. */
async function analyzeSavedPage(path: string, url: string | undefined): Promise<AnalyzedPage> {
  const dom = parseAsSaved(await readPageBytes(path), url ?? 'https://example.invalid/');
  try {
    const page = extractArticle(dom.window.document, {
      url,
      window: dom.window as unknown as Window,
      documentIsCopy: true,
    });
    if (!url && page.url === 'https://example.invalid/') page.url = '';
    return page;
  } finally {
    dom.window.close();
  }
}

async function handle(request: JobRequest): Promise<JobReply> {
  const started = performance.now();
  try {
    const page = request.exactCli
      ? await analyzeFile(request.path, request.url)
      : await analyzeSavedPage(request.path, request.url);
    const summary: PageSummary = {
      title: page.title,
      authors: page.byline.authors.map((author) => author.name),
      authorSources: page.byline.authors.map((author) => author.source),
      outlet: page.byline.outlet?.name ?? null,
      published: page.byline.published,
      publishedSource: page.byline.publishedSource,
      modified: page.byline.modified,
      wire: page.byline.wire,
      contributors: page.byline.contributors,
      text: page.article.text,
      isArticle: page.isArticle,
      quotes: page.quotes,
      sources: page.sources,
      warnings: page.warnings,
      pipelineMs: page.timings.total,
      referenceText: request.referencePath ? await referenceText(request.referencePath) : undefined,
    };
    return { id: request.id, status: 'ok', page: summary, ms: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { id: request.id, status: 'error', error: message, ms: performance.now() - started };
  }
}

process.send?.({ ready: true });
process.on('message', (request: JobRequest) => {
  void handle(request).then((reply) => process.send?.(reply));
});
