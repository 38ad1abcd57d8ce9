/**
 * Every export format behind one call: `exportFiles(data, format, options)` turns the records of a scope
 * into one file. Pure: no store and no browser API, so the extension's pages and the command line
 * (cli/export.ts) make the same bytes.
 *
 * Large exports stay responsive: the work is cut into batches of records with a pause for the event loop
 * (a macrotask) between them, progress is reported at each pause, an aborted signal stops the export with
 * an AbortError, and the text is encoded into byte chunks as it is made: the file is held once, in pieces
 * (ExportFile.chunks), never whole as text and again as bytes.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { backupPieces } from './backup';
import { bibtex, citationItems, cslJson, ris } from './citations';
import { articleCsvRows, csvHeader } from './csv';
import { byCreatedThenId, sortInSlices, type Breather } from './order';
import { articleFileName, isoDay, safeFileName, uniqueFileNames } from './file-names';
import { articleGroups, type ArticleGroup } from './grouping';
import { COMBINED_SEPARATOR, articleMarkdown, articleMarkdownName } from './markdown';
import type { ExportData, ExportFile, ExportFormat, ExportOptions } from './types';
import { w3cPieces } from './w3c';

export type { ExportData, ExportFile, ExportFormat, ExportOptions, ExportScope } from './types';

export { EXPORT_FORMATS } from './formats';

const MIME_TYPES: Record<ExportFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  w3c: 'application/ld+json',
  'csl-json': 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex;charset=utf-8',
  ris: 'application/x-research-info-systems;charset=utf-8',
};

/** Records handled between two pauses for the event loop, at most. */
const BATCH_SIZE = 1000;
/** Time between two pauses, at most: progress moves and the page answers within a frame or three. */
const BATCH_MS = 50;
/** Text gathered before it is encoded into a byte chunk: large enough that chunks stay few. */
const CHUNK_CHARACTERS = 1 << 20;

export async function exportFiles(
  records: ExportData,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportFile> {
  options.signal?.throwIfAborted();
  let data = records;
  const total =
    data.articles.length + data.versions.length + data.annotations.length + data.clippings.length + 1;
  const pacer = new Pacer(total, options);
  pacer.report();
  // W3C puts notes and clippings in time order (lib/export/w3c); sorted here first, in slices with
  // pauses, its own sort finds them in order and takes a moment. Markdown and CSV group them paced.
  if (format === 'w3c') data = await inTimeOrder(data, pacer);
  let file: ExportFile;
  switch (format) {
    case 'json':
      file = {
        name: wholeName('backup', 'json', options.now),
        mime: MIME_TYPES.json,
        chunks: await encodePieces(backupPieces(data, options.now), pacer),
      };
      break;
    case 'w3c':
      file = {
        name: wholeName('annotations', 'jsonld', options.now),
        mime: MIME_TYPES.w3c,
        chunks: await encodePieces(w3cPieces(data, options.now), pacer),
      };
      break;
    case 'csv':
      file = await csvFile(data, options, pacer);
      break;
    case 'markdown':
      file = await markdownFile(data, options, pacer);
      break;
    case 'csl-json':
    case 'bibtex':
    case 'ris':
      file = await citationFile(data, format, options, pacer);
      break;
  }
  pacer.finish();
  return file;
}

/** Counts work done, pauses for the event loop every batch, reports progress and honours the signal. */
class Pacer implements Breather {
  private done = 0;
  private sinceBreak = 0;
  private lastBreak = performance.now();

  constructor(
    private readonly total: number,
    private readonly options: ExportOptions,
  ) {}

  report(): void {
    this.options.onProgress?.(Math.min(1, this.done / this.total));
  }

  /**
   * Counts `units` records; after BATCH_SIZE records or BATCH_MS milliseconds, whichever comes first, it
   * yields a macrotask and reports progress.
   */
  async advance(units = 1): Promise<void> {
    this.done += units;
    this.sinceBreak += units;
    if (this.sinceBreak < BATCH_SIZE) return this.breathe();
    await this.pause();
  }

  /** Pauses (as `advance` does) when BATCH_MS have gone by since the last pause: for work not counted. */
  async breathe(): Promise<void> {
    if (performance.now() - this.lastBreak >= BATCH_MS) await this.pause();
  }

  private async pause(): Promise<void> {
    this.sinceBreak = 0;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.lastBreak = performance.now();
    this.options.signal?.throwIfAborted();
    this.report();
  }

  finish(): void {
    this.done = this.total;
    this.report();
  }
}

async function inTimeOrder(data: ExportData, pacer: Pacer): Promise<ExportData> {
  return {
    ...data,
    annotations: await sortInSlices(data.annotations, byCreatedThenId, pacer),
    clippings: await sortInSlices(data.clippings, byCreatedThenId, pacer),
  };
}

/** Text encoded into UTF-8 chunks as it comes. */
class ByteSink {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private pending = '';

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARACTERS) this.flush();
  }

  private flush(): void {
    if (this.pending === '') return;
    const chunk = this.encoder.encode(this.pending);
    this.chunks.push(chunk);
    this.pending = '';
  }

  result(): Uint8Array[] {
    this.flush();
    return this.chunks.splice(0);
  }
}

/** Each piece is at most one record (see backupPieces, w3cPieces). */
async function encodePieces(pieces: Iterable<string>, pacer: Pacer): Promise<Uint8Array[]> {
  const sink = new ByteSink();
  for (const piece of pieces) {
    sink.write(piece);
    await pacer.advance();
  }
  return sink.result();
}

/** Records one article group stands for, for progress. */
function groupSize(group: ArticleGroup): number {
  return 1 + group.pageNotes.length + group.highlights.length + group.clippings.length;
}

async function csvFile(data: ExportData, options: ExportOptions, pacer: Pacer): Promise<ExportFile> {
  const groups = await articleGroups(data, pacer);
  const sink = new ByteSink();
  sink.write(csvHeader());
  for (const group of groups) {
    sink.write(articleCsvRows(group, data));
    await pacer.advance(groupSize(group));
  }
  return {
    name: fileNameFor(groups, 'csv', 'notes', options.now),
    mime: MIME_TYPES.csv,
    chunks: sink.result(),
  };
}

async function markdownFile(data: ExportData, options: ExportOptions, pacer: Pacer): Promise<ExportFile> {
  const groups = await articleGroups(data, pacer);
  if (options.markdownLayout === 'combined' || groups.length <= 1) {
    const sink = new ByteSink();
    for (const [index, group] of groups.entries()) {
      if (index > 0) sink.write(COMBINED_SEPARATOR);
      sink.write(articleMarkdown(group, data, groups.length > 1 ? 'section' : 'file'));
      await pacer.advance(groupSize(group));
    }
    return {
      name: fileNameFor(groups, 'md', 'notes', options.now),
      mime: MIME_TYPES.markdown,
      chunks: sink.result(),
    };
  }
  const zipChunks: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    zipChunks.push(chunk);
  });
  const unique = uniqueFileNames();
  for (const group of groups) {
    const entry = new ZipDeflate(unique(articleMarkdownName(group)), { level: 6 });
    entry.mtime = options.now;
    zip.add(entry);
    entry.push(strToU8(articleMarkdown(group, data)), true);
    await pacer.advance(groupSize(group));
  }
  zip.end();
  if (zipError) throw zipError;
  return { name: wholeName('notes', 'zip', options.now), mime: 'application/zip', chunks: zipChunks };
}

async function citationFile(
  data: ExportData,
  format: 'csl-json' | 'bibtex' | 'ris',
  options: ExportOptions,
  pacer: Pacer,
): Promise<ExportFile> {
  const items = citationItems(data);
  const text = format === 'csl-json' ? cslJson(items) : format === 'bibtex' ? bibtex(items) : ris(items);
  const extension = format === 'csl-json' ? 'json' : format === 'bibtex' ? 'bib' : 'ris';
  const groups = await articleGroups(data, pacer);
  return {
    name: fileNameFor(groups, extension, 'citations', options.now),
    mime: MIME_TYPES[format],
    chunks: [new TextEncoder().encode(text)],
  };
}

/** The file's size in bytes. */
export function fileSize(file: ExportFile): number {
  return file.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
}

/** The file's bytes as one array (for the command line's stdout, the clipboard and tests). */
export function fileBytes(file: ExportFile): Uint8Array {
  if (file.chunks.length === 1) return file.chunks[0]!;
  const bytes = new Uint8Array(fileSize(file));
  let at = 0;
  for (const chunk of file.chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The file as text (it is UTF-8; a byte order mark, as CSV's, is kept). */
export function fileText(file: ExportFile): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(fileBytes(file));
}

/** One article: "Outlet 2026-03-03 Title.ext"; several: "Scrutiny notes 2026-12-04.ext". */
function fileNameFor(groups: readonly ArticleGroup[], extension: string, what: string, now: Date): string {
  const [only] = groups;
  if (groups.length === 1 && only) {
    return articleFileName({ outlet: only.outlet, date: only.published, title: only.title }, extension);
  }
  return wholeName(what, extension, now);
}

function wholeName(what: string, extension: string, now: Date): string {
  return safeFileName(`Scrutiny ${what} ${isoDay(now.toISOString()) ?? ''}`, extension);
}
