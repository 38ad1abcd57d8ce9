/**
 * Export and import as the extension's pages do them. Exports are read and made in the page itself: the
 * database is the page's own origin (as for the catalog worker), reading needs no writer, and the records
 * cross no message, so a large export is held once. Imports are written by the background, the database's
 * one writer: the page reads the file and shows the plan, then sends the text over the import port.
 */
import {
  IMPORT_PIECE_LENGTH,
  IMPORT_PORT,
  parseImportResponse,
  type ImportResponse,
} from '@/lib/annotations/messages';
import { exportFiles, fileBytes } from '@/lib/export';
import { planImport, type ImportMode } from '@/lib/export/import-plan';
import type { ExportFile, ExportOptions, ExportScope, ExportFormat } from '@/lib/export/types';
import { importModes, readExportData, readImportFile, type ScrutinyDatabase } from '@/lib/store';
import type { ImportPreview } from '@/components/library/ImportDialog';

/** The share of the progress bar given to reading the records. */
const READ_SHARE = 0.5;

/** Reads the scope and makes the file (progress and cancelling as `options` says). */
export async function makeExport(
  db: ScrutinyDatabase,
  scope: ExportScope,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportFile> {
  // Reading is about half the time of a large export: the bar moves through it too.
  const progress = options.onProgress;
  const data = await readExportData(db, scope, progress && ((done) => progress(done * READ_SHARE)));
  options.signal?.throwIfAborted();
  return exportFiles(data, format, {
    ...options,
    onProgress: progress && ((done) => progress(READ_SHARE + done * (1 - READ_SHARE))),
  });
}

/**
 * Hands the file to the browser's download, as a link to a blob of this page would be: no permission
 * needed, and the browser asks where to save it when the reader set it to.
 */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob(file.chunks as Uint8Array<ArrayBuffer>[], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox reads the blob after the click returns; a minute is ample for it to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function copyText(file: ExportFile): Promise<void> {
  // Without a byte order mark (TextDecoder drops it): pasted text has no use for one.
  await navigator.clipboard.writeText(new TextDecoder().decode(fileBytes(file)));
}

/** What importing the file would do in each mode it allows, computed against the library as it is. */
export async function previewImport(db: ScrutinyDatabase, text: string): Promise<ImportPreview> {
  const read = readImportFile(text);
  if (!read.ok) return read;
  const existing = await readExportData(db, { kind: 'everything' });
  const plans = Object.fromEntries(
    importModes(read.source).map((mode) => [mode, planImport(existing, read.incoming, mode)]),
  );
  return { ok: true, source: read.source, plans, skipped: read.skipped };
}

const UNREACHABLE =
  'Scrutiny’s background did not answer, so nothing was imported. Reload this page and try again.';

/** Sends the file's text to the background in pieces and waits for its answer. */
export function sendImport(text: string, mode: ImportMode): Promise<ImportResponse> {
  return new Promise((resolve) => {
    let port: Browser.runtime.Port;
    try {
      port = browser.runtime.connect({ name: IMPORT_PORT });
    } catch {
      return resolve({ ok: false, error: UNREACHABLE });
    }
    let answered = false;
    port.onMessage.addListener((raw: unknown) => {
      answered = true;
      resolve(parseImportResponse(raw));
      port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      if (!answered) resolve({ ok: false, error: UNREACHABLE });
    });
    for (let at = 0; at < text.length; at += IMPORT_PIECE_LENGTH)
      port.postMessage({ type: 'scrutiny/import-piece', text: text.slice(at, at + IMPORT_PIECE_LENGTH) });
    port.postMessage({ type: 'scrutiny/import-apply', mode });
  });
}
