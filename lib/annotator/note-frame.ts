/**
 * The note frame, seen from the annotator: an <iframe> of the extension's own page (annotator-frame.html)
 * inside the layer host's closed shadow root. It alone shows a highlight's note on hover and takes the
 * reader's note as it is written (see frame-protocol.ts for why).
 *
 * The <iframe> is made once, when the annotator starts, so the page learns nothing from frames coming and
 * going on hovers or notes. Every load of it gets a fresh token and a fresh channel (the hello, see
 * frame-protocol.ts); the frame counts as ready only once it has answered on that channel. A load the
 * annotator did not ask for (the page moved the host, or navigated the <iframe> elsewhere, which a parent
 * may do) hides whatever was shown and loads the frame afresh, so a look-alike page never receives the
 * reader's typing.
 */
import {
  FRAME_HELLO,
  parseFrameEvent,
  tokenOfFrameUrl,
  type FrameCommand,
  type FrameEvent,
  type FrameLink,
} from './frame-protocol';
import type { Box } from './overlay';
import { placeNear } from './overlay';
import type { SafeDom } from './safe-dom';
import type { HighlightColour } from '../annotations/types';

/** The editor's size until the frame says how big it is. */
const EDITOR_SIZE = { width: 320, height: 150 };
const TIP_WIDTH = 320;
const TITLE_HEIGHT = 17;
/** How long a copy through the frame may take before it counts as refused. */
const COPY_WAIT_MS = 5_000;
/** Loads of the frame the annotator did not ask for, after which it gives up on this page. */
const MAX_UNASKED_LOADS = 20;
/** How long the frame may take to answer a hello before it is loaded afresh. */
const ANSWER_WAIT_MS = 10_000;

export interface NoteFrameHandlers {
  save(note: string): void;
  cancel(): void;
  /** The frame could not be shown or was taken over; `message` says so in plain words. */
  failed(message: string): void;
}

export const FRAME_UNAVAILABLE =
  'Scrutiny could not open its note editor on this page. Highlight the passage here, then write the note in Scrutiny’s panel.';

type Shown =
  | { kind: 'none' }
  | { kind: 'tip'; note: string; at: { x: number; y: number } }
  | { kind: 'editor'; anchor: Box; draft: string; colour: HighlightColour };

export class NoteFrame {
  private iframe: HTMLIFrameElement | null = null;
  private port: MessagePort | null = null;
  /** The token of the address last given to the <iframe>, until its load is seen. */
  private expected: string | null = null;
  /** The frame answered on the channel since its last load. */
  private ready = false;
  private shown: Shown = { kind: 'none' };
  private size = { width: TIP_WIDTH, height: 40 };
  private unaskedLoads = 0;
  private gaveUp = false;
  private mounting = false;
  private destroyed = false;
  /** Started at each hello: a frame that does not answer in time is loaded afresh. */
  private answerTimer: ReturnType<typeof setTimeout> | undefined;
  private copying: ((ok: boolean) => void) | null = null;

  constructor(
    private readonly window: Window,
    private readonly dom: SafeDom,
    private readonly container: () => HTMLElement,
    private readonly link: FrameLink | null,
    private readonly handlers: NoteFrameHandlers,
  ) {}

  private get document(): Document {
    return this.window.document;
  }

  /** Whether a note can be shown or written here. */
  get available(): boolean {
    return this.link !== null && !this.gaveUp;
  }

  get editorShown(): boolean {
    return this.shown.kind === 'editor';
  }

  /** Whether the frame answered on its current channel (until it does, nothing is shown in it). */
  get connected(): boolean {
    return this.ready;
  }

  /** What the reader has written in the open editor so far (a reloaded frame gets it back), or null. */
  get draft(): string | null {
    return this.shown.kind === 'editor' ? this.shown.draft : null;
  }

  /** Make the <iframe> (once), with the frame's first address already in it. */
  mount(): void {
    if (!this.link || this.iframe || this.mounting) return;
    this.mounting = true;
    void this.prepare().then((prepared) => {
      if (!prepared || this.destroyed) return;
      const iframe = this.dom.createElement(this.document, 'iframe');
      iframe.title = 'Scrutiny note';
      iframe.setAttribute('tabindex', '-1');
      // The frame needs no permission of the page's.
      iframe.setAttribute('allow', '');
      iframe.referrerPolicy = 'no-referrer';
      // Set before the <iframe> is in the page: no load of an empty frame comes first.
      iframe.src = prepared.url;
      this.expected = prepared.token;
      iframe.addEventListener('load', () => this.loaded());
      const title = this.dom.createElement(this.document, 'div');
      title.className = 'frame-title';
      title.textContent = 'Scrutiny · Note';
      const box = this.container();
      this.dom.appendChild(box, title);
      this.dom.appendChild(box, iframe);
      this.iframe = iframe;
    });
  }

  private async prepare(): Promise<{ url: string; token: string } | null> {
    const url = await this.link?.prepare().catch(() => null);
    const token = url ? tokenOfFrameUrl(url) : null;
    return url && token ? { url, token } : null;
  }

  /** Give the <iframe> a fresh address (a new registered token). */
  private async load(): Promise<void> {
    const prepared = await this.prepare();
    if (!prepared || !this.iframe || this.destroyed) return;
    this.expected = prepared.token;
    this.iframe.src = prepared.url;
  }

  /** The <iframe> loaded: our frame with the token we gave it, or a load we did not ask for. */
  private loaded(): void {
    this.port?.close();
    this.port = null;
    this.ready = false;
    const token = this.expected;
    this.expected = null;
    if (token) {
      this.hello(token);
      return;
    }
    this.unasked();
  }

  /** Moved by the page (the frame reloaded with a spent token) or navigated elsewhere: hide, start again. */
  private unasked(): void {
    this.ready = false;
    this.box()?.classList.remove('shown', 'editing');
    if (++this.unaskedLoads > MAX_UNASKED_LOADS) {
      this.gaveUp = true;
      const wasEditing = this.shown.kind === 'editor';
      this.shown = { kind: 'none' };
      if (wasEditing) this.handlers.failed(FRAME_UNAVAILABLE);
      return;
    }
    void this.load();
  }

  /** Hand the frame its end of a fresh channel, posted to the frame's origin only. */
  private hello(token: string): void {
    const target = this.iframe?.contentWindow;
    const view = this.window as Window & typeof globalThis;
    const Channel = view.MessageChannel ?? globalThis.MessageChannel;
    if (!target || !this.link || typeof Channel !== 'function') return;
    const channel = new Channel();
    channel.port1.onmessage = (message: MessageEvent) => {
      const event = parseFrameEvent(message.data);
      if (event) this.received(event);
    };
    this.port = channel.port1;
    target.postMessage({ type: FRAME_HELLO, token }, this.link.origin, [channel.port2]);
    // Not our page after all (the page navigated the frame while ours was on its way): load ours again.
    clearTimeout(this.answerTimer);
    this.answerTimer = setTimeout(() => {
      if (!this.ready && !this.destroyed) this.unasked();
    }, ANSWER_WAIT_MS);
  }

  private received(event: FrameEvent): void {
    const wasReady = this.ready;
    this.ready = true;
    clearTimeout(this.answerTimer);
    switch (event.type) {
      case 'size':
        this.size = { width: event.width, height: event.height };
        if (!wasReady) this.resend();
        else this.layout();
        return;
      case 'draft':
        if (this.shown.kind === 'editor') this.shown.draft = event.note;
        return;
      case 'save':
        if (this.shown.kind === 'editor') this.handlers.save(event.note);
        return;
      case 'cancel':
        if (this.shown.kind === 'editor') this.handlers.cancel();
        return;
      case 'copied':
        this.copying?.(event.ok);
        this.copying = null;
        return;
    }
  }

  /** After a (re)load, show again what should be shown. */
  private resend(): void {
    const shown = this.shown;
    this.layout();
    if (shown.kind === 'tip') this.send({ type: 'tip', note: shown.note });
    else if (shown.kind === 'editor') this.openEditor(shown.draft, shown.colour);
  }

  /**
   * Give the frame the focus, then ask it for the editor (it puts the caret in its text box). Once only:
   * focusing the <iframe> again would take the caret out of the text box.
   */
  private openEditor(draft: string, colour: HighlightColour): void {
    this.iframe?.focus();
    this.send({ type: 'edit', draft, colour });
  }

  private send(command: FrameCommand): void {
    if (!this.ready || !this.port) return;
    try {
      this.port.postMessage(command);
    } catch {
      // The frame is gone; its next load starts a new channel.
    }
  }

  private box(): HTMLElement | null {
    return this.iframe ? this.container() : null;
  }

  /** Size and place the frame for what it shows; show it only once it answered. */
  private layout(): void {
    const box = this.box();
    const iframe = this.iframe;
    if (!box || !iframe) return;
    const shown = this.shown;
    if (shown.kind === 'none' || !this.ready) {
      box.classList.remove('shown', 'editing');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      return;
    }
    const width = Math.ceil(shown.kind === 'tip' ? Math.min(this.size.width, TIP_WIDTH) : this.size.width);
    const height = Math.ceil(this.size.height);
    iframe.style.setProperty('width', `${width + 2}px`);
    iframe.style.setProperty('height', `${height + 2}px`);
    const viewport = { width: this.window.innerWidth || 1024, height: this.window.innerHeight || 768 };
    const editing = shown.kind === 'editor';
    const anchor = editing
      ? shown.anchor
      : { top: shown.at.y, bottom: shown.at.y + 12, left: shown.at.x, right: shown.at.x };
    const { top, left } = placeNear(
      anchor,
      { width: width + 2, height: height + 2 + (editing ? TITLE_HEIGHT : 0) },
      viewport,
    );
    box.style.setProperty('top', `${top}px`);
    box.style.setProperty('left', `${left}px`);
    box.classList.add('shown');
    box.classList.toggle('editing', editing);
    box.setAttribute('role', editing ? 'dialog' : 'tooltip');
    box.setAttribute('aria-label', editing ? 'Scrutiny: note on the selected passage' : 'Scrutiny: note');
  }

  /** A highlight's note, shown while the pointer is over it. */
  showTip(note: string, at: { x: number; y: number }): void {
    if (this.shown.kind === 'editor' || !this.iframe) return;
    this.shown = { kind: 'tip', note, at };
    this.send({ type: 'tip', note });
    this.layout();
  }

  hideTip(): void {
    if (this.shown.kind !== 'tip') return;
    this.shown = { kind: 'none' };
    this.send({ type: 'hide' });
    this.layout();
  }

  /** The note editor next to `anchor`; focus goes into the frame. Returns false when there is no frame. */
  showEditor(anchor: Box, colour: HighlightColour, draft = ''): boolean {
    if (!this.iframe) return false;
    this.shown = { kind: 'editor', anchor, draft, colour };
    this.size = EDITOR_SIZE;
    this.layout();
    // Not ready yet: the editor opens when the frame answers (see resend).
    if (this.ready) this.openEditor(draft, colour);
    return true;
  }

  hideEditor(): void {
    if (this.shown.kind !== 'editor') return;
    this.shown = { kind: 'none' };
    this.send({ type: 'hide' });
    this.layout();
    this.iframe?.blur();
    // Keys go to the page again (the reader may go on selecting and pressing H).
    this.window.focus();
  }

  /** Put text on the clipboard from the frame's document (see FrameCommand `copy`); false when it could not. */
  copy(text: string): Promise<boolean> {
    if (!this.ready || !this.port) return Promise.resolve(false);
    this.copying?.(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), COPY_WAIT_MS);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        if (this.copying === finish) this.copying = null;
        resolve(ok);
      };
      this.copying = finish;
      this.send({ type: 'copy', text });
    });
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.answerTimer);
    this.copying?.(false);
    this.copying = null;
    this.port?.close();
    this.port = null;
    this.ready = false;
    this.shown = { kind: 'none' };
    this.iframe = null;
  }
}
