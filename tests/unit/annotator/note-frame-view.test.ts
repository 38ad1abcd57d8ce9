/** Inside the note frame: the tip and the editor, in the frame's own document. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { FrameEvent } from '../../../lib/annotator/frame-protocol';
import { MAX_TIP_CHARACTERS, NoteFrameView } from '../../../lib/annotator/note-frame-view';

function setUp() {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const document = dom.window.document;
  const sent: FrameEvent[] = [];
  const view = new NoteFrameView(document, (event) => sent.push(event));
  view.start();
  return { dom, document, sent, view };
}

describe('the note frame’s view', () => {
  it('says hello with its size when it starts', () => {
    const { sent } = setUp();
    expect(sent).toEqual([{ type: 'size', width: 0, height: 0 }]);
  });

  it('shows a note as text, never as markup, and the start of a long one', () => {
    const { document, view } = setUp();
    view.handle({ type: 'tip', note: '<img src=x onerror=alert(1)>' });
    const tip = document.querySelector('[role="tooltip"]')!;
    expect(tip.querySelector('img')).toBeNull();
    expect(tip.textContent).toBe('<img src=x onerror=alert(1)>Click to open it in Scrutiny');
    view.handle({ type: 'tip', note: 'word '.repeat(400) });
    const text = document.querySelector('[role="tooltip"]')!.textContent!;
    expect(text.length).toBeLessThan(MAX_TIP_CHARACTERS + 40);
    expect(text).toMatch(/^(word ){55}word…Click to open it in Scrutiny$/);
    view.handle({ type: 'tip', note: '' });
    expect(document.body.textContent).toContain('Highlight without a note.');
    view.handle({ type: 'hide' });
    expect(document.body.textContent).toBe('');
  });

  it('takes a note: a labelled text box with the caret in it, saved on Ctrl+Enter, cancelled on Escape', () => {
    const { dom, document, sent, view } = setUp();
    view.handle({ type: 'edit', draft: 'Draft', colour: 'yellow' });
    const textarea = document.querySelector('textarea')!;
    expect(document.activeElement).toBe(textarea);
    expect(document.querySelector(`label[for="${textarea.id}"]`)?.textContent).toBe('Note');
    expect(textarea.value).toBe('Draft');
    textarea.value = 'My note';
    textarea.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    expect(sent.at(-1)).toEqual({ type: 'draft', note: 'My note' });
    textarea.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    );
    expect(sent.at(-1)).toEqual({ type: 'save', note: 'My note' });
    textarea.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(sent.at(-1)).toEqual({ type: 'cancel' });
    // Escape with the focus anywhere in the frame (it can come before the text box has it).
    sent.length = 0;
    document.body.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(sent).toEqual([{ type: 'cancel' }]);
    document.querySelector<HTMLButtonElement>('button[aria-label="Save note"]')!.click();
    expect(sent.at(-1)).toEqual({ type: 'save', note: 'My note' });
    [...document.querySelectorAll('button')].find((button) => button.textContent === 'Cancel')!.click();
    expect(sent.at(-1)).toEqual({ type: 'cancel' });
  });

  it('copies from its own document and says whether it could', () => {
    const { document, sent, view } = setUp();
    let copied = '';
    Object.assign(document, {
      execCommand: (command: string) => {
        copied = command === 'copy' ? (document.querySelector('textarea')?.value ?? '') : '';
        return command === 'copy';
      },
    });
    view.handle({ type: 'copy', text: '“A quote” — Source' });
    expect(copied).toBe('“A quote” — Source');
    expect(sent.at(-1)).toEqual({ type: 'copied', ok: true });
    expect(document.querySelector('textarea')).toBeNull();
  });
});
