// @vitest-environment jsdom
/** The library's Export and Import dialogs, as the reader uses them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import {
  ExportDialog,
  type ExportRequest,
  type ExportScopeChoice,
} from '../../../components/library/ExportDialog';
import { ImportDialog, type ImportPreview } from '../../../components/library/ImportDialog';
import { EXPORT_FORMATS } from '../../../lib/export';
import type { ImportPlan } from '../../../lib/export/import-plan';
import { StoreError } from '../../../lib/store/errors';

afterEach(() => {
  document.body.textContent = '';
});

function mount(element: preact.JSX.Element) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(element, container));
  const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const button = (name: string) =>
    [...container.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name) ??
    null;
  return { container, byTestId, button };
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

const scopes: ExportScopeChoice[] = [
  {
    key: 'result',
    label: 'The current search result (2 items)',
    options: [{ label: 'The current search result (2 items)', scope: { kind: 'items', ids: ['a', 'b'] } }],
  },
  {
    key: 'collection',
    label: 'A collection',
    options: [
      { label: 'Bridges', scope: { kind: 'collection', collectionId: 'c1' } },
      { label: 'Ferries', scope: { kind: 'collection', collectionId: 'c2' } },
    ],
  },
  {
    key: 'everything',
    label: 'Everything',
    options: [{ label: 'Everything', scope: { kind: 'everything' } }],
  },
];

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ExportDialog', () => {
  it('is a dialog called Export offering each scope and format, and exports what the reader chose', async () => {
    const onExport = vi.fn(async (_request: ExportRequest) => 'Harbor Daily - bridges.csv');
    const { container, byTestId, button } = mount(
      <ExportDialog scopes={scopes} formats={EXPORT_FORMATS} onExport={onExport} onClose={vi.fn()} />,
    );
    const dialog = container.querySelector('dialog')!;
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Export');
    expect(container.querySelectorAll('input[name="export-scope"]')).toHaveLength(3);
    const format = byTestId('export-format') as HTMLSelectElement;
    expect([...format.options].map((option) => option.value)).toEqual(
      EXPORT_FORMATS.map((candidate) => candidate.format),
    );
    // Markdown of several articles: one .zip or one file.
    choose(format, 'markdown');
    expect(container.querySelector('[role="radiogroup"][aria-label="Markdown files"]')).not.toBeNull();
    choose(format, 'csv');
    expect(container.querySelector('[aria-label="Markdown files"]')).toBeNull();
    choose(container.querySelector<HTMLSelectElement>('select[aria-label="A collection"]')!, '1');

    act(() => button('Download')!.click());
    await settle();
    expect(onExport).toHaveBeenCalledTimes(1);
    const request = onExport.mock.calls[0]![0];
    expect(request.scope).toEqual({ kind: 'collection', collectionId: 'c2' });
    expect(request.format).toBe('csv');
    expect(byTestId('export-message')?.textContent).toBe(
      'Exported “Harbor Daily - bridges.csv” to your downloads.',
    );
  });

  it('shows progress while exporting, and Cancel stops the export with nothing downloaded', async () => {
    let request: ExportRequest | null = null;
    const onExport = (next: ExportRequest) =>
      new Promise<string>((_resolve, reject) => {
        request = next;
        next.signal.addEventListener('abort', () => reject(new DOMException('Stopped', 'AbortError')));
      });
    const { container, byTestId, button } = mount(
      <ExportDialog scopes={scopes} formats={EXPORT_FORMATS} onExport={onExport} onClose={vi.fn()} />,
    );
    act(() => button('Download')!.click());
    act(() => request!.onProgress(0.4));
    const progress = container.querySelector('progress')!;
    expect(progress.getAttribute('aria-label')).toBe('Export progress');
    expect(progress.value).toBeCloseTo(0.4);
    expect(button('Download')).toBeNull();

    act(() => button('Cancel')!.click());
    await settle();
    expect(request!.signal.aborted).toBe(true);
    expect(container.querySelector('progress')).toBeNull();
    expect(byTestId('export-message')?.textContent).toBe('Export cancelled. Nothing was downloaded.');
  });

  it('says what the store said when reading fails', async () => {
    const onExport = () =>
      Promise.reject(new StoreError('unavailable', 'Scrutiny could not open your notes.'));
    const { byTestId, button } = mount(
      <ExportDialog scopes={scopes} formats={EXPORT_FORMATS} onExport={onExport} onClose={vi.fn()} />,
    );
    act(() => button('Download')!.click());
    await settle();
    expect(byTestId('export-message')?.getAttribute('role')).toBe('alert');
    expect(byTestId('export-message')?.textContent).toBe('Scrutiny could not open your notes.');
  });

  it('offers Copy for one article’s Markdown, and only then', async () => {
    const onCopy = vi.fn(async () => undefined);
    const article: ExportScopeChoice = {
      key: 'article',
      label: 'This article: Harbor bridge to close',
      options: [{ label: 'This article', scope: { kind: 'article', articleId: 'a1' } }],
    };
    const { byTestId, button } = mount(
      <ExportDialog
        scopes={[article, ...scopes]}
        formats={EXPORT_FORMATS}
        onExport={vi.fn()}
        onCopy={onCopy}
        onClose={vi.fn()}
      />,
    );
    choose(byTestId('export-format') as HTMLSelectElement, 'markdown');
    act(() => button('Copy')!.click());
    await settle();
    expect(onCopy).toHaveBeenCalledWith({ kind: 'article', articleId: 'a1' });
    expect(byTestId('export-message')?.textContent).toBe('Copied the article as Markdown.');
    choose(byTestId('export-format') as HTMLSelectElement, 'csv');
    expect(button('Copy')).toBeNull();
  });
});

function plan(change: Partial<ImportPlan> = {}): ImportPlan {
  const none = { added: 0, updated: 0, unchanged: 0, skipped: 0, removed: 0 };
  return {
    mode: 'merge',
    write: { articles: [], versions: [], annotations: [], clippings: [], collections: [], settings: null },
    deleteAll: false,
    counts: {
      articles: { ...none, added: 2 },
      versions: { ...none, added: 3 },
      annotations: { ...none, added: 5, updated: 1 },
      clippings: none,
      collections: { ...none, unchanged: 1 },
    },
    conflicts: [
      {
        kind: 'annotations',
        id: 'n1',
        title: 'Which council?',
        resolution: 'The backup’s copy is newer and replaces yours.',
      },
    ],
    skipped: [],
    changesNothing: false,
    ...change,
  };
}

function pickFile(input: HTMLInputElement) {
  const file = new File(['{}'], 'backup.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ImportDialog', () => {
  const backupPreview = (
    merge = plan(),
    replace = plan({ mode: 'replace', deleteAll: true }),
  ): ImportPreview => ({
    ok: true,
    source: 'backup',
    plans: { merge, replace },
    skipped: [{ reason: 'a reply to another annotation', count: 2 }],
  });

  it('shows what will be imported before writing, and merges when asked', async () => {
    const onImport = vi.fn(async () => ({ ok: true as const, changesNothing: false }));
    const { container, byTestId, button } = mount(
      <ImportDialog onRead={async () => backupPreview()} onImport={onImport} onClose={vi.fn()} />,
    );
    const dialog = container.querySelector('dialog')!;
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Import');
    pickFile(byTestId('import-file') as HTMLInputElement);
    await settle();
    expect(onImport).not.toHaveBeenCalled();
    expect(byTestId('import-preview')?.textContent).toContain('This file is a Scrutiny backup.');
    const cells = [...byTestId('import-count-annotations')!.querySelectorAll('td')].map(
      (cell) => cell.textContent,
    );
    expect(cells).toEqual(['5', '1', '0', '0']);
    expect(byTestId('import-conflicts')?.textContent).toContain(
      'Which council?: The backup’s copy is newer and replaces yours.',
    );
    expect(byTestId('import-skipped')?.textContent).toContain('2: a reply to another annotation');

    act(() => button('Merge')!.click());
    await settle();
    expect(onImport).toHaveBeenCalledWith('merge');
    expect(byTestId('import-message')?.textContent).toBe('Imported.');
  });

  it('asks again, plainly, before replacing the library', async () => {
    const onImport = vi.fn(async () => ({ ok: true as const, changesNothing: false }));
    const replace = plan({ mode: 'replace', deleteAll: true });
    replace.counts.annotations.removed = 4;
    const { container, byTestId, button } = mount(
      <ImportDialog
        onRead={async () => backupPreview(plan(), replace)}
        onImport={onImport}
        onClose={vi.fn()}
      />,
    );
    pickFile(byTestId('import-file') as HTMLInputElement);
    await settle();
    act(() => container.querySelectorAll<HTMLInputElement>('input[name="import-mode"]')[1]!.click());
    act(() => button('Replace…')!.click());
    expect(onImport).not.toHaveBeenCalled();
    expect(byTestId('import-confirm')?.textContent).toMatch(
      /^Replace your whole library\? Everything in it now is deleted, including 4 highlights and notes not in the backup.*cannot be undone\.$/,
    );
    act(() => button('Go back')!.click());
    expect(byTestId('import-confirm')).toBeNull();
    act(() => button('Replace…')!.click());
    act(() => button('Replace my library')!.click());
    await settle();
    expect(onImport).toHaveBeenCalledWith('replace');
    expect(byTestId('import-message')?.textContent).toBe('Your library was replaced by the backup.');
  });

  it('shows a broken file’s problem and offers no import', async () => {
    const onImport = vi.fn();
    const { byTestId, button } = mount(
      <ImportDialog
        onRead={async () => ({
          ok: false,
          problem: 'The file ends too early: it was cut off before the end (truncated).',
        })}
        onImport={onImport}
        onClose={vi.fn()}
      />,
    );
    pickFile(byTestId('import-file') as HTMLInputElement);
    await settle();
    expect(byTestId('import-message')?.getAttribute('role')).toBe('alert');
    expect(byTestId('import-message')?.textContent).toBe(
      'The file ends too early: it was cut off before the end (truncated). Nothing was imported.',
    );
    expect(button('Merge')).toBeNull();
    expect(onImport).not.toHaveBeenCalled();
  });

  it('says when importing changes nothing, and offers no import', async () => {
    const { byTestId, button } = mount(
      <ImportDialog
        onRead={async () => backupPreview(plan({ changesNothing: true }))}
        onImport={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    pickFile(byTestId('import-file') as HTMLInputElement);
    await settle();
    expect(byTestId('import-nothing')?.textContent).toBe(
      'Importing this file changes nothing: your library already holds everything in it.',
    );
    expect(button('Merge')).toBeNull();
  });

  it('offers only Merge for a Hypothesis export', async () => {
    const { container, byTestId, button } = mount(
      <ImportDialog
        onRead={async () => ({ ok: true, source: 'hypothesis', plans: { merge: plan() }, skipped: [] })}
        onImport={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    pickFile(byTestId('import-file') as HTMLInputElement);
    await settle();
    expect(byTestId('import-preview')?.textContent).toContain('This file is a Hypothesis export.');
    expect(container.querySelector('input[name="import-mode"]')).toBeNull();
    expect(button('Merge')).not.toBeNull();
  });
});
