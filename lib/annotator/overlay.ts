/**
 * The annotator's own UI in the page: the toolbar next to a selection, the note editor, the note shown
 * when hovering a highlight, and short status messages. All of it lives in a closed Shadow DOM under one
 * zero-sized, fixed host element, so the page's styles do not reach in, ours do not leak out, nothing
 * shifts the page's layout, and `destroy()` removes every trace. Styles are set through the CSSOM
 * (constructed style sheets, element.style), which a page's Content-Security-Policy does not block.
 */
import { COLOUR_NAMES, HIGHLIGHT_COLOURS, type HighlightColour } from '../annotations/types';
import { COLOUR_RGB } from './highlighter';

export const HOST_TAG = 'scrutiny-annotator';

/** How much of a note the hover tip shows. */
const MAX_TIP_CHARACTERS = 280;

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1d21; }
.toolbar, .editor, .tip, .status {
  position: fixed; z-index: 2147483647; background: #fff; color: #1b1d21;
  border: 1px solid #c9ced6; border-radius: 8px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
}
.toolbar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 2px; padding: 3px; max-width: calc(100vw - 16px);
}
button {
  font: inherit; color: inherit; background: transparent; border: 0; border-radius: 6px;
  padding: 5px 8px; cursor: pointer; white-space: nowrap;
}
button:hover { background: #eef1f5; }
button:focus-visible, textarea:focus-visible { outline: 2px solid #1a5fd1; outline-offset: 1px; }
.swatch { width: 22px; height: 22px; padding: 0; display: inline-grid; place-items: center; }
.swatch span { width: 14px; height: 14px; border-radius: 50%; border: 1px solid rgba(0, 0, 0, 0.25); }
.swatch[aria-pressed="true"] span { box-shadow: 0 0 0 2px #fff, 0 0 0 4px #1a5fd1; }
.sep { width: 1px; align-self: stretch; background: #dde1e7; margin: 2px 3px; }
.editor { width: 300px; padding: 8px; display: grid; gap: 6px; }
.editor label { font-weight: 600; }
.editor textarea {
  font: inherit; color: inherit; background: #fff; width: 100%; min-height: 84px; resize: vertical;
  border: 1px solid #c9ced6; border-radius: 6px; padding: 6px;
}
.editor .actions { display: flex; justify-content: flex-end; gap: 6px; }
.editor .primary { background: #1a5fd1; color: #fff; }
.editor .primary:hover { background: #174fae; }
.tip { max-width: 320px; padding: 6px 8px; white-space: pre-wrap; pointer-events: none; }
.tip .hint { display: block; color: #5b6270; font-size: 12px; margin-top: 2px; }
.status { padding: 6px 10px; bottom: 16px; right: 16px; }
.status.error { border-color: #c62828; }
@media (prefers-color-scheme: dark) {
  .layer, .toolbar, .editor, .tip, .status, .editor textarea { background: #23262c; color: #e8eaed; border-color: #4a4f58; }
  button:hover { background: #33373f; }
  .tip .hint { color: #a9afba; }
  .sep { background: #4a4f58; }
}
@media (prefers-reduced-motion: no-preference) { .toolbar, .editor { transition: opacity 0.1s; } }
`;

/** A box in viewport coordinates (a DOMRect, or what a test gives). */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface OverlayActions {
  highlight(colour: HighlightColour): void;
  addNote(): void;
  copyCitation(): void;
  /** Put the passage into a collection (the panel then offers which one, a note and tags). */
  clip(): void;
  saveNote(note: string): void;
  cancelNote(): void;
}

/** Where to put a box of `size` next to `anchor` (viewport coordinates): below it, else above, kept on screen. */
export function placeNear(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  const gap = 8;
  const below = anchor.bottom + gap;
  const top = below + size.height <= viewport.height ? below : Math.max(gap, anchor.top - gap - size.height);
  const left = Math.min(Math.max(gap, anchor.left), Math.max(gap, viewport.width - size.width - gap));
  return { top: Math.round(top), left: Math.round(left) };
}

function adoptStyles(document: Document, root: ShadowRoot): void {
  try {
    const view = document.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
    if (!view) throw new Error('no window');
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Browsers that refuse a constructed sheet from an extension's script get a <style> element instead.
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

export class Overlay {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private layer: HTMLElement | null = null;
  private toolbar: HTMLElement | null = null;
  private editor: HTMLElement | null = null;
  private tip: HTMLElement | null = null;
  private status: HTMLElement | null = null;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private colour: HighlightColour;

  constructor(
    private readonly document: Document,
    private readonly actions: OverlayActions,
    colour: HighlightColour,
    /** Closed, so the page's scripts cannot read the reader's note as it is typed; tests open it. */
    private readonly shadowMode: ShadowRootMode = 'closed',
  ) {
    this.colour = colour;
  }

  /** The host element, made the first time something is shown. */
  private ensureLayer(): HTMLElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    const host = this.document.createElement(HOST_TAG);
    // Zero-sized and fixed: whatever the page does, the host takes no room and moves nothing.
    for (const [property, value] of Object.entries({
      position: 'fixed',
      top: '0',
      left: '0',
      width: '0',
      height: '0',
      overflow: 'visible',
      'z-index': '2147483647',
      display: 'block',
    }))
      host.style.setProperty(property, value, 'important');
    const root = host.attachShadow({ mode: this.shadowMode });
    adoptStyles(this.document, root);
    const layer = this.document.createElement('div');
    layer.className = 'layer';
    root.append(layer);
    (this.document.documentElement ?? this.document.body).append(host);
    this.host = host;
    this.root = root;
    this.layer = layer;
    return layer;
  }

  /** Whether an event's target is part of this overlay (clicks on it must not clear the selection's toolbar). */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  get toolbarShown(): boolean {
    return this.toolbar !== null;
  }

  get editorShown(): boolean {
    return this.editor !== null;
  }

  setColour(colour: HighlightColour): void {
    this.colour = colour;
  }

  private button(label: string, text: string, onClick: () => void, className = ''): HTMLButtonElement {
    const button = this.document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    if (label !== text) button.setAttribute('aria-label', label);
    button.title = label;
    if (className) button.className = className;
    // mousedown would move the page's selection away before the click lands.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      onClick();
    });
    return button;
  }

  private place(element: HTMLElement, anchor: Box): void {
    const view = this.document.defaultView;
    const rect = element.getBoundingClientRect();
    const { top, left } = placeNear(
      anchor,
      { width: rect.width || 300, height: rect.height || 40 },
      { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 },
    );
    element.style.top = `${top}px`;
    element.style.left = `${left}px`;
  }

  /** The toolbar next to a selection whose box is `anchor`. */
  showToolbar(anchor: Box): void {
    this.hideTip();
    if (!this.toolbar) {
      const toolbar = this.document.createElement('div');
      toolbar.className = 'toolbar';
      toolbar.setAttribute('role', 'toolbar');
      toolbar.setAttribute('aria-label', 'Scrutiny: annotate the selection');
      toolbar.append(this.button('Highlight', 'Highlight', () => this.actions.highlight(this.colour)));
      for (const colour of HIGHLIGHT_COLOURS) {
        const swatch = this.button(`Highlight in ${COLOUR_NAMES[colour].toLowerCase()}`, '', () => {
          this.colour = colour;
          this.actions.highlight(colour);
        });
        swatch.className = 'swatch';
        swatch.setAttribute('aria-pressed', String(colour === this.colour));
        const dot = this.document.createElement('span');
        dot.style.setProperty('background', `rgb(${COLOUR_RGB[colour]})`);
        swatch.append(dot);
        toolbar.append(swatch);
      }
      const separator = this.document.createElement('span');
      separator.className = 'sep';
      toolbar.append(separator);
      toolbar.append(this.button('Add note', 'Add note', () => this.actions.addNote()));
      toolbar.append(this.button('Clip', 'Clip', () => this.actions.clip()));
      toolbar.append(
        this.button('Copy with citation', 'Copy with citation', () => this.actions.copyCitation()),
      );
      toolbar.addEventListener('keydown', (event) => this.moveFocus(event, toolbar));
      this.ensureLayer().append(toolbar);
      this.toolbar = toolbar;
    }
    this.place(this.toolbar, anchor);
  }

  /** Arrow keys move between the toolbar's buttons (WAI-ARIA toolbar pattern); Escape closes it. */
  private moveFocus(event: KeyboardEvent, toolbar: HTMLElement): void {
    const buttons = [...toolbar.querySelectorAll('button')];
    const index = buttons.indexOf(this.root?.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      this.hideToolbar();
      return;
    }
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    buttons[(index + step + buttons.length) % buttons.length]?.focus();
  }

  hideToolbar(): void {
    this.toolbar?.remove();
    this.toolbar = null;
    this.tidy();
  }

  /** The note editor next to `anchor`; focus goes into it. */
  showEditor(anchor: Box, initial = ''): void {
    this.hideToolbar();
    this.hideEditor();
    const editor = this.document.createElement('div');
    editor.className = 'editor';
    editor.setAttribute('role', 'dialog');
    editor.setAttribute('aria-label', 'Add a note to the highlight');
    const label = this.document.createElement('label');
    label.textContent = 'Note';
    const textarea = this.document.createElement('textarea');
    textarea.value = initial;
    textarea.id = 'scrutiny-note';
    label.htmlFor = textarea.id;
    const actions = this.document.createElement('div');
    actions.className = 'actions';
    const save = () => this.actions.saveNote(textarea.value);
    actions.append(
      this.button('Cancel', 'Cancel', () => this.actions.cancelNote()),
      this.button('Save note', 'Save', save, 'primary'),
    );
    editor.addEventListener('keydown', (event) => {
      // The page must not see typing meant for the note (its own shortcuts would fire).
      event.stopPropagation();
      if (event.key === 'Escape') this.actions.cancelNote();
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
    });
    editor.append(label, textarea, actions);
    this.ensureLayer().append(editor);
    this.editor = editor;
    this.place(editor, anchor);
    textarea.focus();
  }

  hideEditor(): void {
    this.editor?.remove();
    this.editor = null;
    this.tidy();
  }

  /** A highlight's note, shown while the pointer is over it. */
  showTip(note: string, at: { x: number; y: number }): void {
    if (this.toolbar || this.editor) return;
    if (!this.tip) {
      const tip = this.document.createElement('div');
      tip.className = 'tip';
      tip.setAttribute('role', 'tooltip');
      this.ensureLayer().append(tip);
      this.tip = tip;
    }
    // A long note is for the panel; the tip shows its start.
    this.tip.textContent =
      note.length > MAX_TIP_CHARACTERS ? `${note.slice(0, MAX_TIP_CHARACTERS).trimEnd()}…` : note;
    const hint = this.document.createElement('span');
    hint.className = 'hint';
    hint.textContent = 'Click to open it in Scrutiny';
    this.tip.append(hint);
    this.place(this.tip, { top: at.y, bottom: at.y + 12, left: at.x, right: at.x });
  }

  hideTip(): void {
    this.tip?.remove();
    this.tip = null;
    this.tidy();
  }

  /** A short message in the corner of the page (role=status, or an alert for errors). */
  say(message: string, kind: 'info' | 'error' = 'info'): void {
    const layer = this.ensureLayer();
    if (!this.status) {
      this.status = this.document.createElement('div');
      layer.append(this.status);
    }
    this.status.className = kind === 'error' ? 'status error' : 'status';
    this.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    this.status.textContent = message;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(
      () => {
        this.status?.remove();
        this.status = null;
        this.tidy();
      },
      kind === 'error' ? 8000 : 2500,
    );
  }

  /** Nothing shown: take the host out of the page, so the DOM is as the page left it. */
  private tidy(): void {
    if (this.toolbar || this.editor || this.tip || this.status) return;
    this.destroy();
  }

  destroy(): void {
    clearTimeout(this.statusTimer);
    this.host?.remove();
    this.host = this.root = this.layer = this.toolbar = this.editor = this.tip = this.status = null;
  }
}
