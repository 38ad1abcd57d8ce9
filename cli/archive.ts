/**
 * The inputs of `npm run analyze` that hold many pages, read one page at a time so that memory stays
 * bounded whatever their size: a WARC file (plain or gzipped, through warcio: HTML responses only, with
 * their target address and date from the record headers), a folder of saved pages, and a manifest
 * (path<TAB>url lines). Each page has an `id` that is unique in its input (the WARC-Record-ID, or the
 * path relative to the folder or manifest), which `--resume` looks for in an earlier output.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { WARCParser } from 'warcio';
import { MAX_PAGE_BYTES } from './load-page';

/** One page to analyze: a file to read, or bytes already read from an archive. */
export interface ArchivePage {
  id: string;
  /** The file the page is in: the page file, or the WARC file. */
  file: string;
  /** Where to read it from (absolute); absent when `bytes` holds the page. */
  path?: string;
  bytes?: Uint8Array;
  /** The page's address, when the input gives one (as given; checked before use). */
  url?: string;
  /** WARC records: the record's id and date (WARC-Record-ID, WARC-Date). */
  warcRecordId?: string;
  warcDate?: string;
  /** A record that cannot be analyzed, with why (too large): reported as that record's error. */
  problem?: string;
}

/** What an input yields: pages, and records passed over with why (counted in the summary). */
export type ArchiveEntry = { page: ArchivePage } | { skipped: string };

/** The pages of an input, read as they are asked for, and how far the reading has got. */
export interface ArchiveReader {
  entries: AsyncIterable<ArchiveEntry>;
  /** Share of the input read so far, 0 to 1 (for the time left). */
  progress(): number;
  /** What the reader noticed about its input as a whole (a WARC file cut off), for the summary. */
  notes: string[];
}

export class ArchiveError extends Error {}

/** Does `path` name a WARC file (by its name: .warc or .warc.gz)? */
export function isWarcPath(path: string): boolean {
  return /\.warc(?:\.gz)?$/i.test(path);
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/** The HTML responses of a WARC file, streamed; other records are passed over and counted. */
export async function warcReader(path: string, name: string): Promise<ArchiveReader> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ArchiveError(`Cannot read the WARC file ${name}.`);
  }
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      done(null, chunk);
    },
  });
  const notes: string[] = [];
  async function* entries(): AsyncGenerator<ArchiveEntry> {
    const stream = createReadStream(path).pipe(counter);
    const parser = new WARCParser(stream);
    let records = 0;
    try {
      for await (const record of parser) {
        records++;
        if (record.warcType !== 'response') {
          // Request, metadata and warcinfo records hold no page; they are not counted as skipped.
          await record.skipFully();
          continue;
        }
        const id = record.warcHeader('WARC-Record-ID') ?? `${name}#${records}`;
        const status = record.httpHeaders?.statusCode;
        const type = record.httpHeaders?.headers.get('content-type') ?? '';
        if (status !== 200 || !HTML_TYPES.test(type)) {
          await record.skipFully();
          yield {
            skipped: status !== 200 ? `HTTP status ${String(status)}` : `not HTML (${type || 'no type'})`,
          };
          continue;
        }
        const page: ArchivePage = {
          id,
          file: name,
          url: record.warcTargetURI ?? undefined,
          warcRecordId: id,
          warcDate: record.warcDate ?? undefined,
        };
        const length = Number(record.warcHeader('Content-Length') ?? 0);
        if (length > MAX_PAGE_BYTES + 64 * 1024) {
          await record.skipFully();
          yield {
            page: {
              ...page,
              problem: `The record is too large (${(length / 2 ** 20).toFixed(1)} MB); Scrutiny does not read pages over ${MAX_PAGE_BYTES / 2 ** 20} MB.`,
            },
          };
          continue;
        }
        // The payload with its transfer and content encodings undone.
        const bytes = await record.readFully(true);
        yield { page: { ...page, bytes } };
      }
      // warcio stops quietly at a gzip member cut off in the middle (an interrupted download).
      if (parser.offset < size)
        notes.push(
          `${name} ends in a record cut off after byte ${parser.offset.toLocaleString('en')} of ${size.toLocaleString('en')}, which was passed over`,
        );
    } catch (error) {
      throw new ArchiveError(
        `The WARC file ${name} cannot be read past record ${records} (${(error as Error).message.split('\n')[0]}); the records before it were analyzed.`,
      );
    }
  }
  return { entries: entries(), progress: () => (size ? read / size : 1), notes };
}

const PAGE_FILE = /\.(?:html?|xhtml)(?:\.gz)?$/i;

/**
 * Whether a symbolic link leads to a file: a folder of links into a corpus is read like a folder of
 * copies. Links to folders are not followed (a link back up the tree would never end).
 */
async function linksToFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Every saved page (.html, .htm, .xhtml, gzipped or not) under a folder, in a stable order. */
export async function folderReader(folder: string): Promise<ArchiveReader> {
  const files: string[] = [];
  const walk = async (at: string): Promise<void> => {
    const children = await readdir(at, { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      const path = join(at, child.name);
      if (child.isDirectory()) await walk(path);
      else if (
        PAGE_FILE.test(child.name) &&
        (child.isFile() || (child.isSymbolicLink() && (await linksToFile(path))))
      )
        files.push(path);
    }
  };
  try {
    await walk(folder);
  } catch {
    throw new ArchiveError(`Cannot read the folder ${folder}.`);
  }
  let done = 0;
  async function* entries(): AsyncGenerator<ArchiveEntry> {
    for (const path of files) {
      done++;
      const id = relative(folder, path).split('\\').join('/');
      yield { page: { id, file: id, path } };
    }
  }
  return {
    entries: entries(),
    progress: () => (files.length ? done / files.length : 1),
    notes: [],
  };
}

/** The pages of a manifest: one `path<TAB>url` a line, paths relative to the manifest's folder. */
export async function manifestReader(listPath: string): Promise<ArchiveReader> {
  let list: string;
  try {
    list = await readFile(listPath, 'utf8');
  } catch {
    throw new ArchiveError(`Cannot read the manifest ${listPath}.`);
  }
  const base = dirname(listPath);
  const lines = list
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [rawPath = '', rawUrl] = line.split('\t');
      return { file: rawPath.trim(), url: rawUrl?.trim() || undefined };
    });
  let done = 0;
  const seen = new Map<string, number>();
  async function* entries(): AsyncGenerator<ArchiveEntry> {
    for (const { file, url } of lines) {
      done++;
      // A file listed again (with another address, say) gets its own id: "page.html#2".
      const times = (seen.get(file) ?? 0) + 1;
      seen.set(file, times);
      yield { page: { id: times > 1 ? `${file}#${times}` : file, file, path: resolve(base, file), url } };
    }
  }
  return {
    entries: entries(),
    progress: () => (lines.length ? done / lines.length : 1),
    notes: [],
  };
}
