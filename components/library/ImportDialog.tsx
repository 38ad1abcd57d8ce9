/**
 * The Import dialog: the reader picks a file (a Scrutiny backup or a Hypothesis export) and, before
 * anything is written, sees what the import would do: counts, conflicts, what is skipped and why. Merge or
 * Replace; Replace asks again in plain words. A file that cannot be imported shows its problem and
 * writes nothing.
 */
import { useState } from 'preact/hooks';
import type { ImportMode, ImportPlan, ImportRecordKind } from '@/lib/export/import-plan';
import type { ImportSource } from '@/lib/store/import';
import { Dialog } from './Dialog';

export type ImportPreview =
  | {
      ok: true;
      source: ImportSource;
      /** A plan for each mode this file may be imported in (a Hypothesis export: merge only). */
      plans: Partial<Record<ImportMode, ImportPlan>>;
      /** What the file holds that no plan imports, and why. */
      skipped: { reason: string; count: number }[];
    }
  | { ok: false; problem: string };

export type ImportResult = { ok: true; changesNothing: boolean } | { ok: false; error: string };

type Phase =
  | { kind: 'choosing' }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: Extract<ImportPreview, { ok: true }>; confirming: boolean }
  | { kind: 'writing' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

const KIND_NAMES: Record<ImportRecordKind, string> = {
  articles: 'Saved articles',
  versions: 'Saved versions',
  annotations: 'Highlights and notes',
  clippings: 'Clippings',
  collections: 'Collections',
};
const KINDS = Object.keys(KIND_NAMES) as ImportRecordKind[];
const SOURCE_NAMES: Record<ImportSource, string> = {
  backup: 'a Scrutiny backup',
  hypothesis: 'a Hypothesis export',
};
const SHOWN_CONFLICTS = 20;

export function ImportDialog({
  onRead,
  onImport,
  onClose,
}: {
  /** Reads the file and plans the import without writing anything. */
  onRead(file: File): Promise<ImportPreview>;
  /** Writes the file last read, in this mode. */
  onImport(mode: ImportMode): Promise<ImportResult>;
  onClose(): void;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const [mode, setMode] = useState<ImportMode>('merge');

  const read = async (file: File | undefined) => {
    if (!file) return;
    setPhase({ kind: 'reading' });
    setMode('merge');
    try {
      const preview = await onRead(file);
      setPhase(
        preview.ok
          ? { kind: 'preview', preview, confirming: false }
          : { kind: 'failed', message: `${preview.problem} Nothing was imported.` },
      );
    } catch {
      setPhase({ kind: 'failed', message: 'Scrutiny could not read this file. Nothing was imported.' });
    }
  };

  const write = async () => {
    setPhase({ kind: 'writing' });
    const result = await onImport(mode).catch((): ImportResult => ({
      ok: false,
      error: 'Scrutiny could not import this file. Nothing was changed.',
    }));
    setPhase(
      !result.ok
        ? { kind: 'failed', message: result.error }
        : result.changesNothing
          ? { kind: 'done', message: 'Nothing changed: your library already holds everything in this file.' }
          : {
              kind: 'done',
              message: mode === 'replace' ? 'Your library was replaced by the backup.' : 'Imported.',
            },
    );
  };

  const busy = phase.kind === 'reading' || phase.kind === 'writing';
  const plan = phase.kind === 'preview' ? phase.preview.plans[mode] : undefined;
  return (
    <Dialog title="Import" onClose={onClose} closable={!busy} testId="import-dialog">
      <div class="dialog-form">
        <label>
          File to import (a Scrutiny backup or a Hypothesis export){' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(event) => void read(event.currentTarget.files?.[0])}
            data-testid="import-file"
          />
        </label>
        {phase.kind === 'reading' && <p role="status">Reading the file…</p>}
        {phase.kind === 'writing' && <p role="status">Importing…</p>}
        {phase.kind === 'preview' && plan && (
          <ImportSummary
            source={phase.preview.source}
            plan={plan}
            skipped={[...phase.preview.skipped, ...plan.skipped]}
            modes={Object.keys(phase.preview.plans) as ImportMode[]}
            mode={mode}
            onMode={(next) => {
              setMode(next);
              setPhase({ ...phase, confirming: false });
            }}
          />
        )}
        {phase.kind === 'preview' && phase.confirming && plan && (
          <p class="dialog-message error" role="alert" data-testid="import-confirm">
            Replace your whole library? Everything in it now is deleted, {removedSummary(plan)}, and the
            backup takes its place. This cannot be undone.
          </p>
        )}
        {(phase.kind === 'done' || phase.kind === 'failed') && (
          <p
            class={phase.kind === 'failed' ? 'dialog-message error' : 'dialog-message'}
            role={phase.kind === 'failed' ? 'alert' : 'status'}
            data-testid="import-message"
          >
            {phase.message}
          </p>
        )}
        <div class="dialog-buttons">
          {phase.kind === 'preview' && plan && !plan.changesNothing && !phase.confirming && (
            <button
              type="button"
              onClick={() => (mode === 'replace' ? setPhase({ ...phase, confirming: true }) : void write())}
              data-testid="import-start"
            >
              {mode === 'replace' ? 'Replace…' : 'Merge'}
            </button>
          )}
          {phase.kind === 'preview' && phase.confirming && (
            <>
              <button type="button" class="danger" onClick={() => void write()} data-testid="import-replace">
                Replace my library
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => setPhase({ ...phase, confirming: false })}
              >
                Go back
              </button>
            </>
          )}
          {!busy && (
            <button type="button" class="secondary" onClick={onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

function ImportSummary({
  source,
  plan,
  skipped,
  modes,
  mode,
  onMode,
}: {
  source: ImportSource;
  plan: ImportPlan;
  skipped: { reason: string; count: number }[];
  modes: ImportMode[];
  mode: ImportMode;
  onMode(mode: ImportMode): void;
}) {
  const replacing = mode === 'replace';
  return (
    <section aria-label="What will be imported" data-testid="import-preview">
      <p>This file is {SOURCE_NAMES[source]}.</p>
      {modes.length > 1 && (
        <div role="radiogroup" aria-label="How to import">
          <label class="dialog-choice">
            <input
              type="radio"
              name="import-mode"
              checked={mode === 'merge'}
              onChange={() => onMode('merge')}
            />{' '}
            Merge: add the file’s records to your library; where both have a record, keep the one changed last
          </label>
          <label class="dialog-choice">
            <input
              type="radio"
              name="import-mode"
              checked={mode === 'replace'}
              onChange={() => onMode('replace')}
            />{' '}
            Replace: your library becomes exactly the backup
          </label>
        </div>
      )}
      <table class="import-counts">
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">New</th>
            <th scope="col">Updated</th>
            <th scope="col">Unchanged</th>
            <th scope="col">Skipped</th>
            {replacing && <th scope="col">Deleted</th>}
          </tr>
        </thead>
        <tbody>
          {KINDS.map((kind) => {
            const counts = plan.counts[kind];
            return (
              <tr key={kind} data-testid={`import-count-${kind}`}>
                <th scope="row">{KIND_NAMES[kind]}</th>
                <td>{counts.added.toLocaleString()}</td>
                <td>{counts.updated.toLocaleString()}</td>
                <td>{counts.unchanged.toLocaleString()}</td>
                <td>{counts.skipped.toLocaleString()}</td>
                {replacing && <td>{counts.removed.toLocaleString()}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {plan.changesNothing && (
        <p role="status" data-testid="import-nothing">
          Importing this file changes nothing: your library already holds everything in it.
        </p>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <h3>Changed on both sides ({plan.conflicts.length.toLocaleString()})</h3>
          <ul data-testid="import-conflicts">
            {plan.conflicts.slice(0, SHOWN_CONFLICTS).map((conflict) => (
              <li key={`${conflict.kind}:${conflict.id}`}>
                {conflict.title}: {conflict.resolution}
              </li>
            ))}
            {plan.conflicts.length > SHOWN_CONFLICTS && (
              <li>and {(plan.conflicts.length - SHOWN_CONFLICTS).toLocaleString()} more</li>
            )}
          </ul>
        </>
      )}
      {skipped.length > 0 && (
        <>
          <h3>Not imported</h3>
          <ul data-testid="import-skipped">
            {skipped.map((item) => (
              <li key={item.reason}>
                {item.count.toLocaleString()}: {item.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function removedSummary(plan: ImportPlan): string {
  const parts = KINDS.filter((kind) => kind !== 'versions' && plan.counts[kind].removed > 0).map(
    (kind) =>
      `${plan.counts[kind].removed.toLocaleString()} ${KIND_NAMES[kind].toLowerCase()} not in the backup`,
  );
  return parts.length ? `including ${parts.join(', ')}` : 'though the backup holds the same records';
}
