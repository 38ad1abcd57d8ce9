/**
 * The annotator's own UI in the page, in two closed shadow roots the page's scripts cannot enter:
 *
 * - the toolbar host (`<scrutiny-annotator>`, fixed and zero-sized): the toolbar next to a selection and
 *   short status messages. It is in the page only while one of them shows, so the DOM is as the page left
 *   it otherwise. Nothing in it is the reader's own words.
 * - the layer host (`<scrutiny-highlights>`, zero-sized at the document's origin): the inert boxes that
 *   draw the highlights (marks.ts) and the note frame (note-frame.ts), an extension page in an <iframe>
 *   that alone shows and takes the reader's notes. It stays while the annotator runs, so the page learns
 *   nothing from it coming and going.
 *
 * Both are kept in the page by a HostKeeper. Every control acts only on events the browser marks as the
 * reader's (`isTrusted`): a page can neither click the toolbar nor press its keys. Styles are set through
 * the CSSOM (constructed style sheets, element.style), which a page's Content-Security-Policy does not block.
 */
import { COLOUR_NAMES, HIGHLIGHT_COLOURS, type HighlightColour } from '../annotations/types';
import { COLOUR_RGB } from './highlighter';
import type { HostKeeper, KeptHost } from './host-keeper';
import { MARKS_CSS, type MarkSurface } from './marks';
import type { SafeDom } from './safe-dom';

export const HOST_TAG = 'scrutiny-annotator';
export const LAYER_TAG = 'scrutiny-highlights';

const TOOLBAR_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1d21; }
.toolbar, .status {
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
button:focus-visible { outline: 2px solid #1a5fd1; outline-offset: 1px; }
.swatch { width: 22px; height: 22px; padding: 0; display: inline-grid; place-items: center; }
.swatch span { width: 14px; height: 14px; border-radius: 50%; border: 1px solid rgba(0, 0, 0, 0.25); }
.swatch[aria-pressed="true"] span { box-shadow: 0 0 0 2px #fff, 0 0 0 4px #1a5fd1; }
.sep { width: 1px; align-self: stretch; background: #dde1e7; margin: 2px 3px; }
.status { padding: 6px 10px; bottom: 16px; right: 16px; max-width: min(420px, calc(100vw - 32px)); }
.status.error { border-color: #c62828; }
@media (prefers-color-scheme: dark) {
  .layer, .toolbar, .status { background: #23262c; color: #e8eaed; border-color: #4a4f58; }
  button:hover { background: #33373f; }
  .sep { background: #4a4f58; }
}
@media (prefers-reduced-motion: no-preference) { .toolbar { transition: opacity 0.1s; } }
`;

const LAYER_CSS = `
:host { all: initial; }
.marks { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; pointer-events: none; }
${MARKS_CSS}
.frame-box {
  position: fixed; z-index: 2147483647; display: none; margin: 0; padding: 0; pointer-events: none;
  font: 600 11px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #5b6270;
}
.frame-box.shown { display: block; }
.frame-box.editing { pointer-events: auto; }
.frame-title { display: none; padding: 0 0 3px 4px; text-shadow: 0 0 3px #fff; }
.frame-box.editing .frame-title { display: block; }
iframe {
  display: block; border: 1px solid #c9ced6; border-radius: 8px; background: #fff; color-scheme: light dark;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18); width: 300px; height: 40px; margin: 0; padding: 0;
}
@media (prefers-color-scheme: dark) {
  iframe { border-color: #4a4f58; background: #23262c; }
  .frame-title { color: #c4c9d2; text-shadow: 0 0 3px #000; }
}
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

function adoptStyles(window: Window, dom: SafeDom, root: ShadowRoot, css: string): void {
  try {
    const sheet = new (window as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Browsers that refuse a constructed sheet from an extension's script get a <style> element instead.
    const style = dom.createElement(window.document, 'style');
    style.textContent = css;
    dom.appendChild(root, style);
  }
}

/** The inline styles of a host: !important, so the page's own style sheets cannot move or hide it. */
function styleHost(host: HTMLElement, position: 'fixed' | 'absolute'): void {
  for (const [property, value] of Object.entries({
    position,
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    margin: '0',
    padding: '0',
    border: '0',
    overflow: 'visible',
    'z-index': '2147483647',
    display: 'block',
    visibility: 'visible',
    opacity: '1',
    transform: 'none',
    'pointer-events': position === 'absolute' ? 'none' : 'auto',
  }))
    host.style.setProperty(property, value, 'important');
}

interface ShadowHost extends KeptHost {
  root: ShadowRoot;
  layer: HTMLElement;
}

export class Overlay implements MarkSurface {
  private toolbarHost: ShadowHost | null = null;
  private layerHost: ShadowHost | null = null;
  private marksLayer: HTMLElement | null = null;
  private frameBox: HTMLElement | null = null;
  private toolbar: HTMLElement | null = null;
  private status: HTMLElement | null = null;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private colour: HighlightColour;

  constructor(
    private readonly window: Window,
    private readonly dom: SafeDom,
    private readonly keeper: HostKeeper,
    private readonly actions: OverlayActions,
    colour: HighlightColour,
    /** Whether an event is the reader's (the browser's `isTrusted`; tests stand in for the browser). */
    private readonly trusted: (event: Event) => boolean,
    /** Closed, so the page's scripts cannot reach in; tests open it. */
    private readonly shadowMode: ShadowRootMode = 'closed',
  ) {
    this.colour = colour;
  }

  private get document(): Document {
    return this.window.document;
  }

  private makeHost(tag: string, position: 'fixed' | 'absolute', css: string): ShadowHost {
    const element = this.dom.createElement(this.document, tag);
    styleHost(element, position);
    const root = element.attachShadow({ mode: this.shadowMode });
    adoptStyles(this.window, this.dom, root, css);
    const layer = this.dom.createElement(this.document, 'div');
    layer.className = 'layer';
    this.dom.appendChild(root, layer);
    return { element, root, layer, restyle: () => styleHost(element, position) };
  }

  /** The toolbar host, put in the page the first time something is shown. */
  private toolbarLayer(): HTMLElement {
    if (!this.toolbarHost) this.toolbarHost = this.makeHost(HOST_TAG, 'fixed', TOOLBAR_CSS);
    this.keeper.keep(this.toolbarHost);
    return this.toolbarHost.layer;
  }

  /** The layer host, in the page from the annotator's start to its end. */
  private layerRoot(): ShadowHost {
    if (!this.layerHost) {
      const host = this.makeHost(LAYER_TAG, 'absolute', LAYER_CSS);
      const marks = this.dom.createElement(this.document, 'div');
      marks.className = 'marks';
      const frameBox = this.dom.createElement(this.document, 'div');
      frameBox.className = 'frame-box';
      this.dom.appendChild(host.layer, marks);
      this.dom.appendChild(host.layer, frameBox);
      this.layerHost = host;
      this.marksLayer = marks;
      this.frameBox = frameBox;
      this.keeper.keep(host);
    }
    return this.layerHost;
  }

  /** Put the layer host into the page (the annotator starts). */
  mountLayer(): void {
    this.layerRoot();
  }

  /** MarkSurface: where the highlight boxes go. */
  layer(): HTMLElement | null {
    return this.layerHost ? this.marksLayer : null;
  }

  /** MarkSurface: where the layer's (0, 0) is in the viewport. */
  origin(): { x: number; y: number } {
    if (!this.layerHost) return { x: 0, y: 0 };
    const rect = this.dom.getBoundingClientRect(this.layerHost.element);
    return { x: rect.left, y: rect.top };
  }

  /** The box the note frame goes in (note-frame.ts). */
  frameContainer(): HTMLElement {
    this.layerRoot();
    return this.frameBox!;
  }

  /** Whether an event's target is part of this overlay (events from inside a shadow root point at its host). */
  contains(target: EventTarget | null): boolean {
    return target !== null && (target === this.toolbarHost?.element || target === this.layerHost?.element);
  }

  /** Whether a node is one of the overlay's hosts (the page's mutation observers see them come and go). */
  owns(node: Node): boolean {
    return this.contains(node);
  }

  get toolbarShown(): boolean {
    return this.toolbar !== null;
  }

  setColour(colour: HighlightColour): void {
    this.colour = colour;
  }

  private button(label: string, text: string, onClick: () => void, className = ''): HTMLButtonElement {
    const button = this.dom.createElement(this.document, 'button');
    button.type = 'button';
    button.textContent = text;
    if (label !== text) button.setAttribute('aria-label', label);
    button.title = label;
    if (className) button.className = className;
    // mousedown would move the page's selection away before the click lands.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      if (this.trusted(event)) onClick();
    });
    return button;
  }

  private place(element: HTMLElement, anchor: Box): void {
    const rect = this.dom.getBoundingClientRect(element);
    const { top, left } = placeNear(
      anchor,
      { width: rect.width || 300, height: rect.height || 40 },
      { width: this.window.innerWidth || 1024, height: this.window.innerHeight || 768 },
    );
    element.style.top = `${top}px`;
    element.style.left = `${left}px`;
  }

  /** The toolbar next to a selection whose box is `anchor`. */
  showToolbar(anchor: Box): void {
    if (!this.toolbar) {
      const toolbar = this.dom.createElement(this.document, 'div');
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
        const dot = this.dom.createElement(this.document, 'span');
        dot.style.setProperty('background', `rgb(${COLOUR_RGB[colour]})`);
        swatch.append(dot);
        toolbar.append(swatch);
      }
      const separator = this.dom.createElement(this.document, 'span');
      separator.className = 'sep';
      toolbar.append(separator);
      toolbar.append(this.button('Add note', 'Add note', () => this.actions.addNote()));
      toolbar.append(this.button('Clip', 'Clip', () => this.actions.clip()));
      toolbar.append(
        this.button('Copy with citation', 'Copy with citation', () => this.actions.copyCitation()),
      );
      toolbar.addEventListener('keydown', (event) => {
        if (this.trusted(event)) this.moveFocus(event, toolbar);
      });
      this.toolbarLayer().append(toolbar);
      this.toolbar = toolbar;
    } else this.toolbarLayer();
    this.place(this.toolbar, anchor);
  }

  /** Arrow keys move between the toolbar's buttons (WAI-ARIA toolbar pattern); Escape closes it. */
  private moveFocus(event: KeyboardEvent, toolbar: HTMLElement): void {
    const buttons = [...toolbar.querySelectorAll('button')];
    const index = buttons.indexOf(this.toolbarHost?.root.activeElement as HTMLButtonElement);
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

  /** A short message in the corner of the page (role=status, or an alert for errors). */
  say(message: string, kind: 'info' | 'error' = 'info'): void {
    const layer = this.toolbarLayer();
    if (!this.status) {
      this.status = this.dom.createElement(this.document, 'div');
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

  /** Nothing shown on the toolbar host: take it out of the page, so the DOM is as the page left it. */
  private tidy(): void {
    if (this.toolbar || this.status || !this.toolbarHost) return;
    this.keeper.release(this.toolbarHost.element);
  }

  destroy(): void {
    clearTimeout(this.statusTimer);
    if (this.toolbarHost) this.keeper.release(this.toolbarHost.element);
    if (this.layerHost) this.keeper.release(this.layerHost.element);
    this.toolbarHost = this.layerHost = null;
    this.marksLayer = this.frameBox = this.toolbar = this.status = null;
  }
}
