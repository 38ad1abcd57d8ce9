/**
 * `npm run analyze` over many pages (cli/analyze.ts, cli/archive.ts): a WARC file built here from the
 * fixture pages (gzipped, with request, image, redirect, JSON and cut-off records mixed in) gives the
 * same records as the single-file CLI; a folder; a page that crashes its worker; resuming an
 * interrupted run; every record valid against the schema, and the committed JSON Schema current.
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/analyze';
import { ANALYSIS_RECORD, recordJsonSchema } from '../../../cli/record-schema';
import { articlePage, hugePage } from '../../fixtures/hostile/pages';
import { buildWarc, WARC_PAGES } from '../../fixtures/warc/build';

/** Generous: a busy machine may take many times longer than an idle one; nothing here measures speed. */
const SLOW_MACHINE_MS = 300_000;
const PATIENT = ['--timeout', '600'];
const folder = mkdtempSync(join(tmpdir(), 'scrutiny-archive-'));
const PAGES = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');

async function analyze(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...PATIENT, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: folder,
  });
  return { code, stdout, stderr };
}

const recordsIn = (path: string) =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** A record without where it came from and without timings: what the single-file CLI prints too. */
function analysisOf(record: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...record };
  for (const key of ['id', 'file', 'warcRecordId', 'warcDate', 'timings']) delete rest[key];
  return rest;
}

beforeAll(async () => {
  writeFileSync(join(folder, 'crawl.warc.gz'), await buildWarc({ truncated: true }));
  writeFileSync(join(folder, 'crawl.warc'), await buildWarc({ gzip: false }));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a WARC file', { timeout: SLOW_MACHINE_MS }, () => {
  it('gives one record per HTML response, in order, the same as the single-file CLI', async () => {
    const run = await analyze(['--jobs', '2', '--out', 'crawl.jsonl', 'crawl.warc.gz']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    // The image, the redirect and the JSON are passed over; the cut-off last record is named.
    expect(run.stderr).toMatch(
      /^Scrutiny analyzed 3 pages in [\d.]+ s \([\d.]+ pages\/s, 2 jobs, peak memory [\d,]+ MB\): 0 with an error, 3 records passed over \(not HTML pages\); crawl\.warc\.gz ends in a record cut off after byte [\d,]+ of [\d,]+, which was passed over\.\n$/,
    );
    const records = recordsIn(join(folder, 'crawl.jsonl'));
    expect(records.map((record) => record.url)).toEqual(WARC_PAGES.map((page) => page.url));
    for (const record of records) {
      expect(ANALYSIS_RECORD.safeParse(record).success).toBe(true);
      expect(record.id).toMatch(/^<urn:uuid:[\da-f-]{36}>$/);
      expect(record.warcRecordId).toBe(record.id);
      expect(record.warcDate).toBe('2026-03-03T10:00:00Z');
      expect(record.file).toBe('crawl.warc.gz');
    }
    expect(new Set(records.map((record) => record.id)).size).toBe(3);
    for (const [index, page] of WARC_PAGES.entries()) {
      const single = await analyze(['--url', page.url, join(PAGES, page.file)]);
      expect(single.code).toBe(0);
      expect(analysisOf(records[index]!)).toEqual(
        analysisOf(JSON.parse(single.stdout) as Record<string, unknown>),
      );
    }
  });

  it('reads an uncompressed WARC the same', async () => {
    const run = await analyze(['--jobs', '1', 'crawl.warc']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { url: string }).url)).toEqual(
      WARC_PAGES.map((page) => page.url),
    );
    expect(run.stderr).toMatch(/^Scrutiny analyzed 3 pages .*: 0 with an error, 3 records passed over/);
  });

  it('--resume repairs a line cut off by an interrupted run and analyzes only the pages missing', async () => {
    const out = join(folder, 'resumed.jsonl');
    expect((await analyze(['--jobs', '2', '--out', out, 'crawl.warc.gz'])).code).toBe(0);
    const complete = recordsIn(out);
    // Interrupted while writing the second record.
    const text = readFileSync(out, 'utf8');
    const firstLineEnd = text.indexOf('\n') + 1;
    truncateSync(out, Buffer.byteLength(text.slice(0, firstLineEnd + 200)));
    const run = await analyze(['--jobs', '2', '--resume', '--out', out, 'crawl.warc.gz']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Scrutiny analyzed 2 pages .*, 1 already in .*resumed\.jsonl/);
    const resumed = recordsIn(out);
    expect(resumed.map(analysisOf)).toEqual(complete.map(analysisOf));
    expect(resumed.map((record) => record.id)).toEqual(complete.map((record) => record.id));
    // A third run finds everything done.
    const again = await analyze(['--resume', '--out', out, 'crawl.warc.gz']);
    expect(again.stderr).toMatch(/Scrutiny analyzed 0 pages .*, 3 already in /);
    expect(recordsIn(out)).toHaveLength(3);
  });
});

describe('a folder', { timeout: SLOW_MACHINE_MS }, () => {
  it('gives a record per page file; a page that crashes its worker is that record’s error and the run goes on', async () => {
    const pages = join(folder, 'saved');
    mkdirSync(join(pages, 'b'), { recursive: true });
    writeFileSync(join(pages, 'a.html'), articlePage());
    writeFileSync(join(pages, 'b', 'huge.html'), hugePage());
    writeFileSync(join(pages, 'c.htm'), articlePage({ title: 'A second article' }));
    writeFileSync(join(pages, 'notes.txt'), 'not a page');
    // 64 MB: a news page needs under 48 here, the 25 MB page over 80, so its worker runs out of memory.
    const run = await analyze(['--jobs', '2', '--max-memory', '64', 'saved']);
    expect(run.code).toBe(0);
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => record.id)).toEqual(['a.html', 'b/huge.html', 'c.htm']);
    expect(records[0]!.title).toBe('Council closes the old bridge for repairs');
    expect(records[1]).toEqual({
      id: 'b/huge.html',
      file: 'b/huge.html',
      url: null,
      error: `${join(pages, 'b', 'huge.html')} needs more memory than Scrutiny allows for one page (64 MB); it was not analyzed.`,
    });
    expect(records[2]!.title).toBe('A second article');
    for (const record of records) expect(ANALYSIS_RECORD.safeParse(record).success).toBe(true);
    expect(run.stderr).toMatch(/^Scrutiny analyzed 3 pages .*: 1 with an error\.\n$/);
  });
});

describe('a folder of links', { timeout: SLOW_MACHINE_MS }, () => {
  it('reads a link to a page file as the page, and leaves links to folders and broken links alone', async () => {
    const elsewhere = join(folder, 'corpus');
    const links = join(folder, 'links');
    mkdirSync(elsewhere, { recursive: true });
    mkdirSync(links, { recursive: true });
    writeFileSync(join(elsewhere, 'story.html'), articlePage());
    symlinkSync(join(elsewhere, 'story.html'), join(links, 'linked.html'));
    symlinkSync(join(elsewhere, 'gone.html'), join(links, 'broken.html'));
    symlinkSync(elsewhere, join(links, 'up.html'));
    const run = await analyze(['links']);
    expect(run.code).toBe(0);
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => record.id)).toEqual(['linked.html']);
    expect(records[0]!.title).toBe('Council closes the old bridge for repairs');
  });
});

describe('usage', () => {
  it('refuses --resume without --out, --jobs that is no whole number, and --url with many pages', async () => {
    expect((await analyze(['--resume', 'crawl.warc'])).stderr).toMatch(/^--resume needs --out FILE/);
    expect((await analyze(['--jobs', '0', 'crawl.warc'])).stderr).toMatch(
      /^--jobs needs a whole number above 0/,
    );
    expect((await analyze(['--jobs', '1.5', 'crawl.warc'])).stderr).toMatch(/^--jobs needs a whole number/);
    expect((await analyze(['--url', 'https://a.example/', 'crawl.warc'])).stderr).toMatch(
      /^--url is for a single page file/,
    );
    const missing = await analyze(['missing.warc.gz']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Cannot read the WARC file missing.warc.gz.\n');
  });

  it('prints the JSON Schema of a record, the one committed as docs/record.schema.json', async () => {
    const run = await analyze(['--schema']);
    expect(JSON.parse(run.stdout)).toEqual(recordJsonSchema());
    const committed: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'record.schema.json'), 'utf8'),
    );
    // If this fails after a change to cli/record-schema.ts: npm run -s analyze -- --schema > docs/record.schema.json
    expect(committed).toEqual(recordJsonSchema());
  });
});
