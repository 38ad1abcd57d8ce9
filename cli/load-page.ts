/** Reading saved pages from disk for the CLI, the evaluation and the benchmark (Node only). */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../lib/extract';
import type { AnalyzedPage } from '../lib/extract/types';

/** Largest page the CLI inflates or parses; a bigger one stops with "too large". */
export const MAX_PAGE_BYTES = 40 * 1024 * 1024;

/** A problem with the input file, reported in one plain line (no stack trace). */
export class PageFileError extends Error {}

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

/** The bytes of a page file, inflated when gzip-compressed (by content, not by name), with a size cap. */
export async function readPageBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : 'it cannot be read';
    throw new PageFileError(`Cannot read ${path}: ${why}.`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_PAGE_BYTES });
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new PageFileError(
          `${path} inflates to more than ${MAX_PAGE_BYTES / 1024 / 1024} MB; Scrutiny does not read pages that large.`,
        );
      }
      throw new PageFileError(`${path} is not a valid gzip file (${(error as Error).message}).`);
    }
  }
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new PageFileError(
      `${path} is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; Scrutiny does not read pages over ${MAX_PAGE_BYTES / 1024 / 1024} MB.`,
    );
  }
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '')
    throw new PageFileError(`${path} is empty.`);
  const binary = looksBinary(bytes);
  if (binary) throw new PageFileError(`${path} is not a web page: ${binary}.`);
  return bytes;
}

/** Parse page bytes into a jsdom window. jsdom sniffs the encoding (BOM, <meta charset>) itself. */
export function parsePage(bytes: Buffer, url: string): JSDOM {
  return new JSDOM(bytes, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
}

/** Read, parse and extract one saved page. */
export async function analyzeFile(path: string, url?: string): Promise<AnalyzedPage> {
  const bytes = await readPageBytes(path);
  const dom = parsePage(bytes, url ?? 'https://example.invalid/');
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
