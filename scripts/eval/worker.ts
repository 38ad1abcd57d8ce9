/**
 * Child process of the evaluation pool: analyzes one page per message with the CLI pipeline and sends
 * back what the scorers need. A separate process, so that a page that hangs can be killed without
 * taking the evaluation down, and so that jsdom's memory goes away with it.
 */
import { readFile } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeFile } from '../../cli/load-page';
import { analyzeArticle } from '../../lib/analyze';
import { PEOPLE_FINDERS, peopleFinder, type PeopleFinderName } from './people-finders';
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

/** `--people NAME` (scripts/eval.ts): the name finder to analyze with, timed apart; unset: the pipeline as it is. */
const PEOPLE = PEOPLE_FINDERS.find((name) => name === process.env.SCRUTINY_EVAL_PEOPLE) as
  PeopleFinderName | undefined;

async function handle(request: JobRequest): Promise<JobReply> {
  const started = performance.now();
  try {
    const page = await analyzeFile(request.path, request.url);
    let analysisMs: number | undefined;
    if (PEOPLE) {
      const analyzing = performance.now();
      const analysis = analyzeArticle(page, { findPeople: peopleFinder(PEOPLE, page.lang) });
      analysisMs = performance.now() - analyzing;
      Object.assign(page, { quotes: analysis.quotes, sources: analysis.sources });
    }
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
      genre: page.byline.genre ?? null,
      text: page.article.text,
      isArticle: page.isArticle,
      quotes: page.quotes,
      sources: page.sources,
      warnings: page.warnings,
      pipelineMs: page.timings.total,
      analysisMs,
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
