/**
 * Inside the note frame (an extension page, entrypoints/annotator-frame): the hover tip that shows a
 * highlight's note and the editor where the reader writes one. It renders into the frame's own document,
 * which no web page can read, and answers the annotator through `send` (the entry point wires it to the
 * port). Notes are set as text, never as markup.
 */
import type { FrameCommand, FrameEvent } from './frame-protocol';

/** How much of a note the hover tip shows; a long note is for the panel. */
export const MAX_TIP_CHARACTERS = 280;

export const FRAME_CSS = `
:root { color-scheme: light dark; }
html, body { margin: 0; padding: 0; background: #fff; color: #1b1d21; overflow: hidden; }
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
.tip { position: absolute; top: 0; left: 0; width: max-content; max-width: 318px; padding: 6px 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.tip .hint { display: block; color: #5b6270; font-size: 12px; margin-top: 2px; }
.editor { position: absolute; top: 0; left: 0; width: 318px; padding: 8px; display: grid; gap: 6px; margin: 0; }
.editor label { font-weight: 600; }
.editor textarea {
  font: inherit; color: inherit; background: #fff; width: 100%; min-height: 84px; resize: vertical;
  border: 1px solid #c9ced6; border-radius: 6px; padding: 6px;
}
.editor .actions { display: flex; justify-content: flex-end; gap: 6px; }
button {
  font: inherit; color: inherit; background: transparent; border: 0; border-radius: 6px;
  padding: 5px 8px; cursor: pointer; white-space: nowrap;
}
button:hover { background: #eef1f5; }
button:focus-visible, textarea:focus-visible { outline: 2px solid #1a5fd1; outline-offset: 1px; }
.primary { background: #1a5fd1; color: #fff; }
.primary:hover { background: #174fae; }
@media (prefers-color-scheme: dark) {
  html, body, .editor textarea { background: #23262c; color: #e8eaed; }
  .editor textarea { border-color: #4a4f58; }
  button:hover { background: #33373f; }
  .tip .hint { color: #a9afba; }
}
`;

export class NoteFrameView {
  private content: HTMLElement | null = null;
  private resizeObserver: ResizeObserver | null = null;

  constructor(
    private readonly document: Document,
    private readonly send: (event: FrameEvent) => void,
  ) {
    // Escape anywhere in the frame closes the editor, not only in its text box: the frame can have the
    // focus a moment before the text box does.
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.content?.classList.contains('editor')) return;
      event.preventDefault();
      this.send({ type: 'cancel' });
    });
  }

  /** Say hello (with a size): the annotator counts the frame as its own from this answer on. */
  start(): void {
    const view = this.document.defaultView as (Window & typeof globalThis) | null;
    if (!this.resizeObserver && view && typeof view.ResizeObserver === 'function')
      this.resizeObserver = new view.ResizeObserver(() => this.reportSize());
    this.reportSize();
  }

  private reportSize(): void {
    const rect = this.content?.getBoundingClientRect();
    this.send({
      type: 'size',
      width: Math.min(10_000, Math.ceil(rect?.width ?? 0)),
      height: Math.min(10_000, Math.ceil(rect?.height ?? 0)),
    });
  }

  private show(content: HTMLElement | null): void {
    this.resizeObserver?.disconnect();
    this.content?.remove();
    this.content = content;
    if (content) {
      this.document.body.append(content);
      this.resizeObserver?.observe(content);
    }
    this.reportSize();
  }

  handle(command: FrameCommand): void {
    if (command.type === 'copy') this.copy(command.text);
    else if (command.type === 'hide') this.show(null);
    else if (command.type === 'tip') this.showTip(command.note);
    else this.showEditor(command.draft);
  }

  /** The extension's clipboardWrite permission lets its own pages copy without a click in them. */
  private copy(text: string): void {
    const area = this.document.createElement('textarea');
    area.value = text;
    area.setAttribute('aria-hidden', 'true');
    area.style.setProperty('position', 'fixed');
    area.style.setProperty('opacity', '0');
    area.style.setProperty('pointer-events', 'none');
    this.document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = this.document.execCommand('copy');
    } catch {
      ok = false;
    } finally {
      area.remove();
    }
    this.send({ type: 'copied', ok });
  }

  private showTip(note: string): void {
    const tip = this.document.createElement('div');
    tip.className = 'tip';
    tip.setAttribute('role', 'tooltip');
    const text = note || 'Highlight without a note.';
    tip.textContent =
      text.length > MAX_TIP_CHARACTERS ? `${text.slice(0, MAX_TIP_CHARACTERS).trimEnd()}…` : text;
    const hint = this.document.createElement('span');
    hint.className = 'hint';
    hint.textContent = 'Click to open it in Scrutiny';
    tip.append(hint);
    this.show(tip);
  }

  private showEditor(draft: string): void {
    const editor = this.document.createElement('form');
    editor.className = 'editor';
    editor.setAttribute('aria-label', 'Add a note to the highlight');
    const label = this.document.createElement('label');
    label.textContent = 'Note';
    const textarea = this.document.createElement('textarea');
    textarea.id = 'note';
    textarea.value = draft;
    label.htmlFor = textarea.id;
    const actions = this.document.createElement('div');
    actions.className = 'actions';
    const cancel = this.document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    const save = this.document.createElement('button');
    save.type = 'submit';
    save.className = 'primary';
    save.textContent = 'Save';
    save.setAttribute('aria-label', 'Save note');
    actions.append(cancel, save);
    editor.append(label, textarea, actions);
    cancel.addEventListener('click', () => this.send({ type: 'cancel' }));
    editor.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send({ type: 'save', note: textarea.value });
    });
    textarea.addEventListener('input', () => this.send({ type: 'draft', note: textarea.value }));
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.send({ type: 'save', note: textarea.value });
      }
    });
    this.show(editor);
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }
}
