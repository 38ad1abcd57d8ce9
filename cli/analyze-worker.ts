/**
 * The worker thread behind `npm run analyze` (cli/analyze.ts): analyzes one page per message. It runs
 * apart from the main thread so that a page that takes too long can be stopped, and one that needs
 * too much memory ends this thread instead of the whole CLI.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeBytes, analyzeFile, checkedPageBytes, PageFileError } from './load-page';
import type { AnalyzedPage } from '../lib/extract/types';

/** main thread → worker: a page file to read, or a page's bytes from an archive record named `path`. */
export interface AnalyzeRequest {
  id: number;
  path: string;
  url?: string;
  bytes?: Uint8Array;
}

/** worker → main thread */
export type AnalyzeReply =
  { id: number; ok: true; page: AnalyzedPage } | { id: number; ok: false; error: string };

/** One line for the reader: the message of a PageFileError, the first line of anything else. */
export function describeFailure(error: unknown): string {
  if (error instanceof PageFileError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not analyze the page: ${message.split('\n')[0]!.trim() || 'unknown error'}`;
}

function analyzeRequest(request: AnalyzeRequest): Promise<AnalyzedPage> {
  if (!request.bytes) return analyzeFile(request.path, request.url);
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  return Promise.resolve().then(() => analyzeBytes(checkedPageBytes(bytes, request.path), request.url));
}

parentPort?.on('message', (request: AnalyzeRequest) => {
  analyzeRequest(request).then(
    (page) => parentPort!.postMessage({ id: request.id, ok: true, page } satisfies AnalyzeReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        ok: false,
        error: describeFailure(error),
      } satisfies AnalyzeReply),
  );
});
