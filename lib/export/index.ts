/**
 * Every export format behind one call: `exportFiles(data, format, options)` turns the records of a scope
 * into one file. Pure: no store and no browser API, so the extension's pages and the command line
 * (cli/export.ts) make the same bytes.
 *
 * Large exports stay responsive: the work is cut into batches of records with a pause for the event loop
 * (a macrotask) between them, progress is reported at each pause, an aborted signal stops the export with
 * an AbortError, and the text is encoded into byte chunks as it is made, so the file is held once in
 * pieces and once whole, never as several full copies.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { backupPieces } from './backup';
import { bibtex, citationItems, cslJson, ris } from './citations';
import { articleCsvRows, csvHeader } from './csv';
import { articleFileName, isoDay, safeFileName, uniqueFileNames } from './file-names';
import { articleGroups, type ArticleGroup } from './grouping';
import { COMBINED_SEPARATOR, articleMarkdown, articleMarkdownName } from './markdown';
import type { ExportData, ExportFile, ExportFormat, ExportOptions } from './types';
import { w3cPieces } from './w3c';

export type { ExportData, ExportFile, ExportFormat, ExportOptions, ExportScope } from './types';

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string; extension: string }[] = [
  { format: 'markdown', label: 'Markdown', extension: 'md' },
  { format: 'csv', label: 'CSV (spreadsheet)', extension: 'csv' },
  { format: 'json', label: 'JSON backup', extension: 'json' },
  { format: 'w3c', label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld' },
  { format: 'csl-json', label: 'CSL-JSON (Zotero, pandoc)', extension: 'json' },
  { format: 'bibtex', label: 'BibTeX', extension: 'bib' },
  { format: 'ris', label: 'RIS', extension: 'ris' },
];

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
  data: ExportData,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportFile> {
  options.signal?.throwIfAborted();
  const total =
    data.articles.length + data.versions.length + data.annotations.length + data.clippings.length + 1;
  const pacer = new Pacer(total, options);
  pacer.report();
  let file: ExportFile;
  switch (format) {
    case 'json':
      file = {
        name: wholeName('backup', 'json', options.now),
        mime: MIME_TYPES.json,
        bytes: await encodePieces(backupPieces(data, options.now), pacer),
      };
      break;
    case 'w3c':
      file = {
        name: wholeName('annotations', 'jsonld', options.now),
        mime: MIME_TYPES.w3c,
        bytes: await encodePieces(w3cPieces(data, options.now), pacer),
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
      file = citationFile(data, format, options);
      break;
  }
  pacer.finish();
  return file;
}

/** Counts work done, pauses for the event loop every batch, reports progress and honours the signal. */
class Pacer {
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
    if (this.sinceBreak < BATCH_SIZE && performance.now() - this.lastBreak < BATCH_MS) return;
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

/** Text encoded into UTF-8 chunks as it comes, joined once at the end. */
class ByteSink {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private pending = '';
  private length = 0;

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARACTERS) this.flush();
  }

  private flush(): void {
    if (this.pending === '') return;
    const chunk = this.encoder.encode(this.pending);
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.pending = '';
  }

  bytes(): Uint8Array {
    this.flush();
    const bytes = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks.splice(0)) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }
}

/** Each piece is at most one record (see backupPieces, w3cPieces). */
async function encodePieces(pieces: Iterable<string>, pacer: Pacer): Promise<Uint8Array> {
  const sink = new ByteSink();
  for (const piece of pieces) {
    sink.write(piece);
    await pacer.advance();
  }
  return sink.bytes();
}

/** Records one article group stands for, for progress. */
function groupSize(group: ArticleGroup): number {
  return 1 + group.pageNotes.length + group.highlights.length + group.clippings.length;
}

async function csvFile(data: ExportData, options: ExportOptions, pacer: Pacer): Promise<ExportFile> {
  const groups = articleGroups(data);
  const sink = new ByteSink();
  sink.write(csvHeader());
  for (const group of groups) {
    sink.write(articleCsvRows(group, data));
    await pacer.advance(groupSize(group));
  }
  return {
    name: fileNameFor(groups, 'csv', 'notes', options.now),
    mime: MIME_TYPES.csv,
    bytes: sink.bytes(),
  };
}

async function markdownFile(data: ExportData, options: ExportOptions, pacer: Pacer): Promise<ExportFile> {
  const groups = articleGroups(data);
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
      bytes: sink.bytes(),
    };
  }
  const zipChunks: Uint8Array[] = [];
  let zipLength = 0;
  let zipError: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    zipChunks.push(chunk);
    zipLength += chunk.length;
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
  const bytes = new Uint8Array(zipLength);
  let at = 0;
  for (const chunk of zipChunks.splice(0)) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { name: wholeName('notes', 'zip', options.now), mime: 'application/zip', bytes };
}

function citationFile(
  data: ExportData,
  format: 'csl-json' | 'bibtex' | 'ris',
  options: ExportOptions,
): ExportFile {
  const items = citationItems(data);
  const text = format === 'csl-json' ? cslJson(items) : format === 'bibtex' ? bibtex(items) : ris(items);
  const extension = format === 'csl-json' ? 'json' : format === 'bibtex' ? 'bib' : 'ris';
  const groups = articleGroups(data);
  return {
    name: fileNameFor(groups, extension, 'citations', options.now),
    mime: MIME_TYPES[format],
    bytes: new TextEncoder().encode(text),
  };
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
