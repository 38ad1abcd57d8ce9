/** Reading saved pages from disk for the CLI, the evaluation and the benchmark (Node only). */
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { withAnalysis } from '../lib/analyze';
import { extractArticle } from '../lib/extract';
import type { AnalyzedPage } from '../lib/extract/types';
import {
  prepareSource,
  UnreadableMarkupError,
  type PreparedSource,
  type PrepareOptions,
} from './page-source';
import { hostOf } from '../lib/extract/urls';
import { parsePageDom, type PageDom } from './html-dom';

/** Largest page the CLI reads or inflates; a bigger one stops with "too large". */
export const MAX_PAGE_BYTES = 40 * 1024 * 1024;

/** The address pages are parsed under when the caller gives none (never reported as the page's URL). */
const PLACEHOLDER_URL = 'https://example.invalid/';

/** A problem with the input file, reported in one plain line (no stack trace). */
export class PageFileError extends Error {}

const megabytesOf = (count: number) => `${(count / 1024 / 1024).toFixed(1)} MB`;

function looksBinary(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'it is a PDF document';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03) return 'it is a ZIP archive';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null; // UTF-16 BOM
  let control = 0;
  for (const byte of head)
    if (byte === 0 || (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12)) control++;
  return control > head.length * 0.05 ? 'it holds binary data' : null;
}

function unreadable(path: string, error: unknown): PageFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : 'it cannot be read';
  return new PageFileError(`Cannot read ${path}: ${why}.`);
}

/** The bytes of a page file, inflated when gzip-compressed (by content, not by name), with a size cap. */
export async function readPageBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    // A FIFO or a device would block or never end; pages are files.
    if (!info.isFile()) throw new PageFileError(`Cannot read ${path}: it is not a regular file.`);
    if (info.size > MAX_PAGE_BYTES) {
      throw new PageFileError(
        `${path} is too large: ${megabytesOf(info.size)}; Scrutiny does not read pages over ${megabytesOf(MAX_PAGE_BYTES)}.`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    throw error instanceof PageFileError ? error : unreadable(path, error);
  }
  return checkedPageBytes(bytes, path);
}

/**
 * Page bytes as read from a file or an archive record named `name`: inflated when gzip-compressed, with
 * the size cap; an empty or binary page is refused with a PageFileError.
 */
export function checkedPageBytes(bytes: Buffer, name: string): Buffer {
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new PageFileError(
      `${name} is too large: ${megabytesOf(bytes.length)}; Scrutiny does not read pages over ${megabytesOf(MAX_PAGE_BYTES)}.`,
    );
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // maxOutputLength stops inflating at the cap, so a gzip bomb costs a fraction of a second.
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_PAGE_BYTES });
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new PageFileError(
          `${name} is too large: it inflates to more than ${megabytesOf(MAX_PAGE_BYTES)}; Scrutiny stopped inflating it there and does not read pages that large.`,
        );
      }
      throw new PageFileError(`${name} is not a valid gzip file (${(error as Error).message}).`);
    }
  }
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '')
    throw new PageFileError(`${name} is empty.`);
  const binary = looksBinary(bytes);
  if (binary) throw new PageFileError(`${name} is not a web page: ${binary}.`);
  return bytes;
}

/** A parsed page and what was changed to parse it safely (see ./page-source.ts). */
export interface LoadedPage extends PageDom {
  warnings: string[];
}

/**
 * Parse page bytes (see ./html-dom.ts for the DOMs), after bringing them within what a DOM in Node
 * handles safely and in reasonable time (depth, size, attributes, frames).
 */
export function loadPage(bytes: Buffer, url: string): LoadedPage {
  // Each attempt reads the page more loosely than the one before:
  // - XML that is not well-formed is read as HTML, as a browser opening a .html file would;
  // - a style sheet the parser throws on (jsdom's, on an unclosed calc()) is left out: extraction
  //   never needs them.
  const attempts: PrepareOptions[] = [{}, { allowXml: false }, { allowXml: false, dropStyles: true }];
  for (let index = 0; ; index++) {
    let source: PreparedSource;
    try {
      source = prepareSource(bytes, attempts[index]);
    } catch (error) {
      if (error instanceof UnreadableMarkupError) {
        throw new PageFileError(`This page cannot be read: ${error.message}.`);
      }
      throw error;
    }
    try {
      return {
        ...parsePageDom(source.bytes, source.contentType, url, source.parsed),
        warnings: source.warnings,
      };
    } catch (error) {
      const isXml = source.contentType === 'application/xml';
      const retry = isXml ? 1 : (error as Error).name === 'SyntaxError' ? 2 : null;
      if (retry === null || retry <= index) throw error;
      index = retry - 1;
    }
  }
}

/** Read, parse and extract one saved page. `url` must be an http(s) address when given. */
export async function analyzeFile(path: string, url?: string): Promise<AnalyzedPage> {
  return analyzeBytes(await readPageBytes(path), url);
}

/** Parse and extract a page's bytes (checked with checkedPageBytes). `url`: an http(s) address or none. */
export function analyzeBytes(bytes: Buffer, url?: string): AnalyzedPage {
  const { document, window, warnings, close } = loadPage(bytes, url ?? PLACEHOLDER_URL);
  try {
    const page = withAnalysis(extractArticle(document, { url, window, documentIsCopy: true }));
    // A relative canonical link resolves against the placeholder; that is no address either.
    if (!url && hostOf(page.url) === hostOf(PLACEHOLDER_URL)) page.url = '';
    page.warnings.unshift(...warnings);
    return page;
  } finally {
    close();
  }
}
