// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { NotesView, type NoteEntry, type NotesViewProps } from '../../../components/NotesView';
import type { Annotation, AnnotationBody } from '../../../lib/annotations/types';

const HOSTILE = '<img src=x onerror="globalThis.hacked=1">Evil';

function annotation(
  id: string,
  {
    exact = `Passage ${id}`,
    kind = 'highlight',
    created = '2026-03-01T10:00:00.000Z',
    modified = created,
    ...body
  }: Partial<AnnotationBody> & {
    exact?: string;
    kind?: Annotation['kind'];
    created?: string;
    modified?: string;
  } = {},
): Annotation {
  return {
    id,
    kind,
    target: {
      url: 'https://news.example/a',
      canonicalUrl: null,
      title: 'A',
      selector:
        kind === 'page-note'
          ? []
          : [
              {
                type: 'RangeSelector',
                startContainer: '/p[1]',
                startOffset: 0,
                endContainer: '/p[1]',
                endOffset: 4,
              },
              { type: 'TextPositionSelector', start: 0, end: exact.length },
              { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
            ],
    },
    body: { note: '', tags: [], colour: 'yellow', ...body },
    pageKeys: ['news.example/a'],
    created,
    modified,
  };
}

const entry = (
  id: string,
  status: NoteEntry['status'],
  order: number | null,
  fields: Parameters<typeof annotation>[1] = {},
): NoteEntry => ({ annotation: annotation(id, fields), status, order });

const ENTRIES: NoteEntry[] = [
  entry('gone', 'orphaned', null, { exact: 'A sentence the page dropped', note: 'Was this corrected?' }),
  entry('late', 'anchored', 40, { exact: 'The vote was delayed', colour: 'blue', tags: ['council'] }),
  entry('waiting', 'pending', null, { exact: 'Not answered yet' }),
  entry('early', 'anchored', 3, {
    exact: 'Officials said the fee is too high',
    note: 'Which officials?',
    tags: ['sourcing', 'fees'],
    created: '2026-03-02T09:00:00.000Z',
    modified: '2026-03-04T18:30:00.000Z',
  }),
];

function baseProps(overrides: Partial<NotesViewProps> = {}): NotesViewProps {
  return {
    entries: ENTRIES,
    pageNote: null,
    restore: 'on-open',
    focusedId: null,
    undoable: null,
    error: null,
    onShowInPage: vi.fn(),
    onSaveNote: vi.fn(),
    onSaveTags: vi.fn(),
    onSetColour: vi.fn(),
    onDelete: vi.fn(),
    onUndo: vi.fn(),
    onSavePageNote: vi.fn(),
    onAllowAutomatic: vi.fn(),
    ...overrides,
  };
}

function show(overrides: Partial<NotesViewProps> = {}, { hidden = false } = {}) {
  const container = document.createElement('div');
  // As in a tab panel that is not selected.
  container.hidden = hidden;
  document.body.append(container);
  let props = baseProps(overrides);
  act(() => render(<NotesView {...props} />, container));
  const one = (id: string, within: ParentNode = container) =>
    within.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string, within: ParentNode = container) =>
    Array.from(within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const noteEntry = (id: string) => all('note-entry').find((node) => node.dataset.annotationId === id)!;
  /** The same view with some props changed, as the panel re-renders it. */
  const update = (changes: Partial<NotesViewProps>) => {
    props = { ...props, ...changes };
    act(() => render(<NotesView {...props} />, container));
  };
  return { container, props, one, all, noteEntry, update };
}

const click = (element: Element | null | undefined) => act(() => (element as HTMLElement).click());
function type(field: Element | null | undefined, value: string) {
  act(() => {
    (field as HTMLInputElement).value = value;
    field!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const press = (element: Element | null | undefined, key: string, init: KeyboardEventInit = {}) =>
  act(() => {
    element!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
const entryIds = (section: HTMLElement | null) =>
  Array.from(section?.querySelectorAll<HTMLElement>('[data-testid="note-entry"]') ?? []).map(
    (node) => node.dataset.annotationId,
  );

afterEach(() => {
  document.body.textContent = '';
  vi.restoreAllMocks();
});

describe('the Notes view', () => {
  it('lists found highlights in reading order, then pending ones, and lost ones in their own section', () => {
    const { one, noteEntry } = show();
    expect(entryIds(one('notes-in-page'))).toEqual(['early', 'late', 'waiting']);
    expect(entryIds(one('notes-orphaned'))).toEqual(['gone']);
    expect(one('notes-in-page')?.querySelector('h3')?.textContent).toBe('Highlights 3 highlights');
    const orphaned = one('notes-orphaned')!;
    expect(orphaned.querySelector('h3')?.textContent).toBe('Not found on this page (1)');
    expect(orphaned.textContent).toContain(
      'The page has changed and these passages are no longer in it. Your notes are kept.',
    );
    expect(noteEntry('early').dataset.status).toBe('anchored');
    expect(noteEntry('gone').dataset.status).toBe('orphaned');
    // Only a found passage can be shown in the page; a pending one says it is being looked for.
    expect(one('note-passage', noteEntry('early'))?.tagName).toBe('BUTTON');
    expect(one('note-passage', noteEntry('gone'))?.tagName).toBe('P');
    expect(one('note-passage', noteEntry('waiting'))?.tagName).toBe('P');
    expect(one('note-looking', noteEntry('waiting'))?.textContent).toBe('Looking for it in the page…');
    expect(one('note-looking', noteEntry('early'))).toBeNull();
    // Lost highlights keep their note and can still be edited and deleted.
    expect(one('note-text', noteEntry('gone'))?.textContent).toBe('Was this corrected?');
    expect(one('note-edit', noteEntry('gone'))).not.toBeNull();
    expect(one('note-delete', noteEntry('gone'))).not.toBeNull();
  });

  it('shows each highlight’s passage with its colour, note, tags and dates', () => {
    const { one, noteEntry } = show();
    const early = noteEntry('early');
    expect(one('note-passage', early)?.textContent).toBe('“Officials said the fee is too high”');
    expect(early.querySelector('.note-mark')?.classList.contains('note-colour-yellow')).toBe(true);
    expect(noteEntry('late').querySelector('.note-mark')?.classList.contains('note-colour-blue')).toBe(true);
    expect(one('note-text', early)?.textContent).toBe('Which officials?');
    expect(Array.from(one('note-tags', early)!.querySelectorAll('li'), (chip) => chip.textContent)).toEqual([
      'sourcing',
      'fees',
    ]);
    const times = Array.from(one('note-dates', early)!.querySelectorAll('time'));
    expect(times.map((node) => node.dateTime)).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-04T18:30:00.000Z',
    ]);
    expect(one('note-dates', early)?.textContent).toMatch(/^Added .+ · edited .+$/);
    expect(one('note-dates', noteEntry('late'))?.textContent).not.toContain('edited');
    // A bare highlight has no note paragraph and no tag list.
    expect(one('note-text', noteEntry('waiting'))).toBeNull();
    expect(one('note-tags', noteEntry('waiting'))).toBeNull();
  });

  it('cuts a very long passage short', () => {
    const long = `${'The council met again on Tuesday. '.repeat(30)}End.`;
    const { one } = show({ entries: [entry('long', 'anchored', 1, { exact: long })] });
    const text = one('note-passage')!.textContent!;
    expect(text.length).toBeLessThan(300);
    expect(text.endsWith('…”')).toBe(true);
  });

  it('asks to show a found passage in the page when it is clicked', () => {
    const { one, noteEntry, props } = show();
    click(one('note-passage', noteEntry('late')));
    expect(props.onShowInPage).toHaveBeenCalledWith('late');
  });

  it('edits a note in place: Edit opens it, Save sends the new text and returns to Edit', () => {
    const { one, noteEntry, props } = show();
    const early = () => noteEntry('early');
    click(one('note-edit', early()));
    const input = one('note-input', early()) as HTMLTextAreaElement;
    expect(input.value).toBe('Which officials?');
    expect(document.activeElement).toBe(input);
    type(input, '  Which officials? None are named.  ');
    click(one('note-save', early()));
    expect(props.onSaveNote).toHaveBeenCalledWith('early', 'Which officials? None are named.');
    expect(props.onSaveTags).not.toHaveBeenCalled();
    expect(one('note-editor', early())).toBeNull();
    expect(document.activeElement).toBe(one('note-edit', early()));
  });

  it('saves with Ctrl+Enter or Cmd+Enter and cancels with Escape', () => {
    const { one, noteEntry, props } = show();
    const late = () => noteEntry('late');
    click(one('note-edit', late()));
    type(one('note-input', late()), 'A first note');
    press(one('note-input', late()), 'Enter', { ctrlKey: true });
    expect(props.onSaveNote).toHaveBeenCalledWith('late', 'A first note');

    click(one('note-edit', noteEntry('early')));
    type(one('note-input', noteEntry('early')), 'Thrown away');
    press(one('note-input', noteEntry('early')), 'Escape');
    expect(one('note-editor', noteEntry('early'))).toBeNull();
    expect(one('note-text', noteEntry('early'))?.textContent).toBe('Which officials?');
    expect(props.onSaveNote).toHaveBeenCalledTimes(1);

    click(one('note-edit', late()));
    type(one('note-input', late()), 'Second try');
    press(one('note-input', late()), 'Enter', { metaKey: true });
    expect(props.onSaveNote).toHaveBeenLastCalledWith('late', 'Second try');
  });

  it('edits tags as comma-separated text, shown as chips, saved trimmed without repeats or empties', () => {
    const { one, noteEntry, props } = show();
    const early = () => noteEntry('early');
    click(one('note-edit', early()));
    const tags = one('note-tags-input', early()) as HTMLInputElement;
    expect(tags.value).toBe('sourcing, fees');
    type(tags, ' sourcing , , Sourcing,city  hall,  ');
    expect(Array.from(one('note-tags', early())!.querySelectorAll('li'), (chip) => chip.textContent)).toEqual(
      ['sourcing', 'city hall'],
    );
    click(one('note-save', early()));
    expect(props.onSaveTags).toHaveBeenCalledWith('early', ['sourcing', 'city hall']);
    expect(props.onSaveNote).not.toHaveBeenCalled();
  });

  it('opens the editor again with the reader’s words when the save fails', () => {
    const { one, noteEntry, update } = show();
    click(one('note-edit', noteEntry('early')));
    type(one('note-input', noteEntry('early')), 'Words worth keeping');
    click(one('note-save', noteEntry('early')));
    expect(one('note-editor', noteEntry('early'))).toBeNull();
    update({ error: 'Your browser has no room left to save notes.' });
    expect((one('note-input', noteEntry('early')) as HTMLTextAreaElement).value).toBe('Words worth keeping');
  });

  it('changes colour with a radio group named by colour', () => {
    const { one, noteEntry, props } = show();
    const colours = one('note-colours', noteEntry('late'))!;
    expect(colours.tagName).toBe('FIELDSET');
    expect(colours.querySelector('legend')?.textContent).toBe('Colour');
    const radios = Array.from(colours.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    expect(radios.map((radio) => radio.getAttribute('aria-label'))).toEqual([
      'Yellow',
      'Green',
      'Blue',
      'Pink',
      'Purple',
    ]);
    expect(radios.filter((radio) => radio.checked).map((radio) => radio.value)).toEqual(['blue']);
    // One group per highlight, so arrow keys stay within it.
    expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);
    expect(radios[0]!.name).not.toBe(one('note-colours', noteEntry('early'))!.querySelector('input')!.name);
    click(radios[3]);
    expect(props.onSetColour).toHaveBeenCalledWith('late', 'pink');
  });

  it('deletes, says so with an Undo button that keyboard readers land on, and focuses the entry undone', () => {
    const { one, noteEntry, props, update } = show();
    const status = one('notes-undo')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');

    const deleteButton = one('note-delete', noteEntry('late'))!;
    deleteButton.focus();
    click(deleteButton);
    expect(props.onDelete).toHaveBeenCalledWith('late');
    const deleted = ENTRIES.find((item) => item.annotation.id === 'late')!;
    update({ entries: ENTRIES.filter((item) => item !== deleted), undoable: deleted.annotation });
    expect(status.textContent).toBe('Highlight deleted. Undo');
    expect(document.activeElement).toBe(one('notes-undo-button'));

    click(one('notes-undo-button'));
    expect(props.onUndo).toHaveBeenCalledTimes(1);
    update({ entries: ENTRIES, undoable: null });
    expect(status.textContent).toBe('');
    expect(document.activeElement).toBe(noteEntry('late'));
  });

  it('writes, tags and saves the page note', () => {
    const pageNote = annotation('page', { kind: 'page-note', note: 'Thin sourcing.', tags: ['council'] });
    const { one, props, update } = show({ pageNote });
    const section = one('page-note')!;
    expect(section.querySelector('h3')?.textContent).toBe('What I think of this article');
    const input = one('page-note-input') as HTMLTextAreaElement;
    expect(input.value).toBe('Thin sourcing.');
    expect((one('page-note-tags-input') as HTMLInputElement).value).toBe('council');
    expect(one('page-note-state')?.textContent).toMatch(/^Saved /);

    type(input, 'Thin sourcing; no documents linked. ');
    type(one('page-note-tags-input'), 'council, , fees, Council');
    expect(one('page-note-state')?.textContent).toBe('Not saved yet');
    click(one('page-note-save'));
    expect(props.onSavePageNote).toHaveBeenCalledWith('Thin sourcing; no documents linked.', [
      'council',
      'fees',
    ]);

    // The stored note follows the save; Ctrl+Enter saves too.
    update({
      pageNote: annotation('page', {
        kind: 'page-note',
        note: 'Thin sourcing; no documents linked.',
        tags: ['council', 'fees'],
      }),
    });
    expect(one('page-note-state')?.textContent).toMatch(/^Saved /);
    type(input, 'Revised.');
    press(input, 'Enter', { ctrlKey: true });
    expect(props.onSavePageNote).toHaveBeenLastCalledWith('Revised.', ['council', 'fees']);
  });

  it('does not save an unchanged page note', () => {
    const { one, props } = show();
    click(one('page-note-save'));
    expect(props.onSavePageNote).not.toHaveBeenCalled();
  });

  it('says how highlights come back, and offers to bring them back automatically', () => {
    const onOpen = show({ restore: 'on-open' });
    expect(onOpen.one('notes-restore')?.textContent).toBe(
      'Your highlights come back when you open Scrutiny on this page. Bring them back automatically',
    );
    click(onOpen.one('allow-automatic'));
    expect(onOpen.props.onAllowAutomatic).toHaveBeenCalledTimes(1);

    const automatic = show({ restore: 'automatic' });
    expect(automatic.one('notes-restore')?.textContent).toBe(
      'Your highlights come back by themselves whenever you open this site.',
    );
    expect(automatic.one('allow-automatic')).toBeNull();
  });

  it('brings the focused note into view and focuses it, also when it arrives after the request', () => {
    const scrolled: Element[] = [];
    // jsdom has no scrollIntoView; the view must work without it and use it when there.
    const first = show({ focusedId: 'late' });
    expect(document.activeElement).toBe(first.noteEntry('late'));
    expect(first.noteEntry('late').classList.contains('note-entry-focused')).toBe(true);
    document.body.textContent = '';

    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const { noteEntry, update } = show({ entries: [], focusedId: 'gone' });
      update({ entries: ENTRIES });
      expect(document.activeElement).toBe(noteEntry('gone'));
      expect(scrolled).toEqual([noteEntry('gone')]);
      // Re-rendering does not pull focus back from where the reader went.
      noteEntry('early').querySelector<HTMLElement>('[data-testid="note-edit"]')!.focus();
      update({ entries: [...ENTRIES] });
      expect(scrolled).toHaveLength(1);
      update({ focusedId: 'early' });
      expect(document.activeElement).toBe(noteEntry('early'));
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('waits for a hidden tab panel to be shown, and focuses the same note again on a new request', () => {
    const { container, one, noteEntry, update } = show(
      { focusedId: 'late', focusRequest: 1 },
      { hidden: true },
    );
    expect(document.activeElement).toBe(document.body);
    // The panel switches to the Notes tab a render later.
    container.hidden = false;
    update({});
    expect(document.activeElement).toBe(noteEntry('late'));
    one('page-note-input')!.focus();
    update({});
    expect(document.activeElement).toBe(one('page-note-input'));
    // The reader clicks the same highlight in the page again.
    update({ focusRequest: 2 });
    expect(document.activeElement).toBe(noteEntry('late'));
  });

  it('says how to make a highlight when there are none', () => {
    const { one, all } = show({ entries: [] });
    expect(one('notes-empty')?.textContent).toBe(
      'No highlights yet. Select text in the article and choose Highlight or Add note (or right-click → Scrutiny).',
    );
    expect(all('note-entry')).toEqual([]);
    expect(one('notes-in-page')).toBeNull();
    expect(one('notes-orphaned')).toBeNull();
    expect(one('page-note')).not.toBeNull();
  });

  it('shows the last error as an alert', () => {
    expect(show().one('notes-error')).toBeNull();
    const { one } = show({ error: 'The page was closed before the highlight was saved.' });
    expect(one('notes-error')?.getAttribute('role')).toBe('alert');
    expect(one('notes-error')?.textContent).toBe('The page was closed before the highlight was saved.');
  });

  it('gives every control an accessible name and uses lists and headings', () => {
    const { container, one, noteEntry } = show({ pageNote: annotation('page', { kind: 'page-note' }) });
    click(one('note-edit', noteEntry('early')));
    const nameOf = (control: HTMLElement): string => {
      const labelledBy = control.getAttribute('aria-labelledby');
      if (labelledBy) return document.getElementById(labelledBy)?.textContent ?? '';
      const labels = (control as HTMLInputElement).labels;
      return (
        control.getAttribute('aria-label') ??
        (labels && labels.length > 0 ? labels[0]!.textContent : control.textContent) ??
        ''
      ).trim();
    };
    const controls = Array.from(container.querySelectorAll<HTMLElement>('button, input, textarea'));
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) expect(nameOf(control), control.outerHTML).not.toBe('');
    expect(container.querySelectorAll('ul.notes-list > li[data-testid="note-entry"]')).toHaveLength(4);
    expect(Array.from(container.querySelectorAll('h3'), (heading) => heading.textContent)).toEqual([
      'What I think of this article',
      'Highlights 3 highlights',
      'Not found on this page (1)',
    ]);
  });

  it('keeps hostile text as text everywhere', () => {
    const { container, one, noteEntry } = show({
      entries: [entry('bad', 'anchored', 1, { exact: HOSTILE, note: HOSTILE, tags: [HOSTILE] })],
      pageNote: annotation('page', { kind: 'page-note', note: HOSTILE, tags: [HOSTILE] }),
      error: HOSTILE,
    });
    expect(one('note-passage', noteEntry('bad'))?.textContent).toBe(`“${HOSTILE}”`);
    expect(one('note-text', noteEntry('bad'))?.textContent).toBe(HOSTILE);
    expect(one('notes-error')?.textContent).toBe(HOSTILE);
    expect((one('page-note-input') as HTMLTextAreaElement).value).toBe(HOSTILE);
    expect(container.querySelector('img')).toBeNull();
    expect((globalThis as { hacked?: unknown }).hacked).toBeUndefined();
  });
});
