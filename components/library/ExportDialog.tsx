/**
 * The Export dialog: what to export (this article, a collection, a tag, the current search result,
 * everything), in which format, and for Markdown one `.zip` or one file. A large export shows its progress
 * and can be cancelled; the page does the work (`onExport`) and hands the file to the browser's download.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat, ExportScope } from '@/lib/export/types';
import { StoreError } from '@/lib/store/errors';
import { Dialog } from './Dialog';

export interface ExportScopeOption {
  label: string;
  scope: ExportScope;
}

/** One line of "What": a single scope, or several to pick from (each collection, each tag). */
export interface ExportScopeChoice {
  /** Unique among the choices (the value of its radio button). */
  key: string;
  label: string;
  options: ExportScopeOption[];
  /** The option chosen at first. */
  initial?: number;
}

export interface ExportFormatChoice {
  format: ExportFormat;
  label: string;
  extension: string;
}

export interface ExportRequest {
  scope: ExportScope;
  format: ExportFormat;
  markdownLayout: 'zip' | 'combined';
  onProgress(done: number): void;
  signal: AbortSignal;
}

type Phase =
  | { kind: 'choosing' }
  | { kind: 'running'; done: number }
  | { kind: 'finished'; message: string }
  | { kind: 'failed'; message: string };

const CANCELLED = 'Export cancelled. Nothing was downloaded.';

export function ExportDialog({
  scopes,
  formats,
  onExport,
  onCopy,
  onClose,
}: {
  /** The first is chosen at first. */
  scopes: ExportScopeChoice[];
  formats: readonly ExportFormatChoice[];
  /** Reads, converts and downloads; resolves to the downloaded file's name. */
  onExport(request: ExportRequest): Promise<string>;
  /** Copies one article's Markdown; offered only for a single article. */
  onCopy?: (scope: ExportScope) => Promise<void>;
  onClose(): void;
}) {
  const [scopeKey, setScopeKey] = useState(scopes[0]?.key ?? '');
  const [picked, setPicked] = useState<Record<string, number>>(() =>
    Object.fromEntries(scopes.map((candidate) => [candidate.key, candidate.initial ?? 0])),
  );
  const [format, setFormat] = useState<ExportFormat>(formats[0]?.format ?? 'markdown');
  const [layout, setLayout] = useState<'zip' | 'combined'>('zip');
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const running = useRef<AbortController | null>(null);
  const choice = scopes.find((candidate) => candidate.key === scopeKey) ?? scopes[0];
  const scope = choice ? choice.options[picked[choice.key] ?? 0]?.scope : undefined;
  const oneArticle = scope?.kind === 'article';
  // Stop an export still running when the dialog goes away.
  useEffect(() => () => running.current?.abort(), []);

  const start = async () => {
    if (!scope) return;
    const controller = new AbortController();
    running.current = controller;
    setPhase({ kind: 'running', done: 0 });
    try {
      const name = await onExport({
        scope,
        format,
        markdownLayout: oneArticle ? 'combined' : layout,
        onProgress: (done) => {
          if (!controller.signal.aborted) setPhase({ kind: 'running', done });
        },
        signal: controller.signal,
      });
      setPhase(
        controller.signal.aborted
          ? { kind: 'failed', message: CANCELLED }
          : { kind: 'finished', message: `Exported “${name}” to your downloads.` },
      );
    } catch (error) {
      setPhase({
        kind: 'failed',
        message: controller.signal.aborted ? CANCELLED : errorText(error),
      });
    } finally {
      running.current = null;
    }
  };

  const copy = async () => {
    if (!scope || !onCopy) return;
    try {
      await onCopy(scope);
      setPhase({ kind: 'finished', message: 'Copied the article as Markdown.' });
    } catch (error) {
      setPhase({ kind: 'failed', message: errorText(error) });
    }
  };

  const busy = phase.kind === 'running';
  return (
    <Dialog title="Export" onClose={onClose} closable={!busy} testId="export-dialog">
      <form
        class="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <fieldset disabled={busy}>
          <legend>What</legend>
          {scopes.map((candidate) => (
            <div key={candidate.key} class="dialog-choice">
              <label>
                <input
                  type="radio"
                  name="export-scope"
                  value={candidate.key}
                  checked={candidate.key === choice?.key}
                  onChange={() => setScopeKey(candidate.key)}
                />{' '}
                {candidate.label}
              </label>
              {candidate.options.length > 1 && (
                <>
                  {' '}
                  <select
                    aria-label={candidate.label}
                    value={String(picked[candidate.key] ?? 0)}
                    onChange={(event) => {
                      setScopeKey(candidate.key);
                      setPicked({ ...picked, [candidate.key]: Number(event.currentTarget.value) });
                    }}
                  >
                    {candidate.options.map((option, index) => (
                      <option key={index} value={String(index)}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </div>
          ))}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>Format</legend>
          <label>
            Format{' '}
            <select
              value={format}
              onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)}
              data-testid="export-format"
            >
              {formats.map((candidate) => (
                <option key={candidate.format} value={candidate.format}>
                  {candidate.label} (.{candidate.extension})
                </option>
              ))}
            </select>
          </label>
          {format === 'markdown' && !oneArticle && (
            <div role="radiogroup" aria-label="Markdown files">
              <label class="dialog-choice">
                <input
                  type="radio"
                  name="markdown-layout"
                  checked={layout === 'zip'}
                  onChange={() => setLayout('zip')}
                />{' '}
                One .zip with a file per article
              </label>
              <label class="dialog-choice">
                <input
                  type="radio"
                  name="markdown-layout"
                  checked={layout === 'combined'}
                  onChange={() => setLayout('combined')}
                />{' '}
                One file
              </label>
            </div>
          )}
        </fieldset>
        {phase.kind === 'running' && (
          <progress
            max={1}
            value={phase.done}
            aria-label="Export progress"
            aria-valuetext={`${Math.round(phase.done * 100)}%`}
            data-testid="export-progress"
          />
        )}
        {(phase.kind === 'finished' || phase.kind === 'failed') && (
          <p
            class={phase.kind === 'failed' ? 'dialog-message error' : 'dialog-message'}
            role={phase.kind === 'failed' ? 'alert' : 'status'}
            data-testid="export-message"
          >
            {phase.message}
          </p>
        )}
        <div class="dialog-buttons">
          {busy ? (
            <button
              type="button"
              class="secondary"
              onClick={() => running.current?.abort()}
              data-testid="export-cancel"
            >
              Cancel
            </button>
          ) : (
            <>
              <button type="submit" data-testid="export-start">
                Download
              </button>
              {oneArticle && format === 'markdown' && onCopy && (
                <button type="button" class="secondary" onClick={() => void copy()} data-testid="export-copy">
                  Copy
                </button>
              )}
              <button type="button" class="secondary" onClick={onClose}>
                Close
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}

function errorText(error: unknown): string {
  return error instanceof StoreError
    ? error.message
    : 'Scrutiny could not make this export. Nothing was downloaded: try again.';
}
