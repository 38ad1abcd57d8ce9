/**
 * The note frame from the annotator's side: the hello on each load the annotator asked for, nothing shown
 * until the frame answers, loads it did not ask for (the page moved or navigated the frame) start over
 * with a new token, and the reader's words never go into the page's DOM.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_HELLO, parseFrameCommand, type FrameCommand } from '../../../lib/annotator/frame-protocol';
import { NoteFrame } from '../../../lib/annotator/note-frame';
import { safeDom } from '../../../lib/annotator/safe-dom';

const ORIGIN = 'chrome-extension://scrutiny';
const box = { top: 100, bottom: 120, left: 40, right: 200 };
/** Lets promises settle (the frame's address is prepared asynchronously); messages are waited for by condition. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

interface Hello {
  data: unknown;
  origin: string;
  port: MessagePort;
}

function setUp() {
  const dom = new JSDOM('<!doctype html><html><body><p>Page text</p></body></html>', {
    pretendToBeVisual: true,
  });
  const window = dom.window as unknown as Window;
  const document = window.document;
  const container = document.createElement('div');
  document.documentElement.append(container);
  let tokens = 0;
  const prepare = vi.fn(async () => `${ORIGIN}/annotator-frame.html#${String(++tokens).padStart(32, '0')}`);
  const handlers = { save: vi.fn(), cancel: vi.fn(), failed: vi.fn() };
  const frame = new NoteFrame(
    window,
    safeDom(window),
    () => container,
    { origin: ORIGIN, prepare },
    handlers,
  );
  const hellos: Hello[] = [];
  const ports: MessagePort[] = [];
  /** The <iframe>, with its window's postMessage recording what the annotator posts to it. */
  const iframe = () => {
    const element = container.querySelector('iframe')!;
    const target = element.contentWindow!;
    if (!(target as unknown as { recording?: boolean }).recording)
      Object.assign(target, {
        recording: true,
        postMessage: (data: unknown, origin: string, transfer: MessagePort[]) => {
          hellos.push({ data, origin, port: transfer[0]! });
          ports.push(transfer[0]!);
        },
      });
    return element;
  };
  /** The frame's side of the last hello: what it was told, and a way to answer. */
  const frameSide = () => {
    const port = hellos.at(-1)!.port;
    const heard: FrameCommand[] = [];
    port.onmessage = (event) => {
      const command = parseFrameCommand(event.data);
      if (command) heard.push(command);
    };
    return { heard, answer: (event: object) => port.postMessage(event) };
  };
  return { dom, document, container, frame, prepare, handlers, hellos, ports, iframe, frameSide };
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup) step();
  cleanup = [];
});

async function mounted() {
  const context = setUp();
  cleanup.push(() => {
    context.frame.destroy();
    for (const port of context.ports) port.close();
  });
  context.frame.mount();
  await tick();
  return context;
}

describe('the note frame, from the annotator’s side', () => {
  it('hands the frame a channel on its load, posted to the frame’s origin only, with the token of its address', async () => {
    const { dom, iframe, hellos } = await mounted();
    const element = iframe();
    expect(element.src).toBe(`${ORIGIN}/annotator-frame.html#${'1'.padStart(32, '0')}`);
    element.dispatchEvent(new dom.window.Event('load'));
    expect(hellos).toHaveLength(1);
    expect(hellos[0]!.data).toEqual({ type: FRAME_HELLO, token: '1'.padStart(32, '0') });
    expect(hellos[0]!.origin).toBe(ORIGIN);
  });

  it('shows nothing until the frame answers, then the editor, and passes on the reader’s note', async () => {
    const { dom, container, frame, handlers, iframe, frameSide } = await mounted();
    expect(frame.showEditor(box, 'yellow')).toBe(true);
    iframe().dispatchEvent(new dom.window.Event('load'));
    const side = frameSide();
    await tick();
    // Not answered yet: nothing is shown, and the editor is not asked for.
    expect(container.classList.contains('shown')).toBe(false);
    expect(container.getAttribute('role')).toBeNull();
    expect(side.heard).toEqual([]);
    side.answer({ type: 'size', width: 318, height: 150 });
    await vi.waitFor(() => expect(side.heard).toEqual([{ type: 'edit', draft: '', colour: 'yellow' }]));
    expect(container.classList.contains('shown')).toBe(true);
    expect(container.classList.contains('editing')).toBe(true);
    expect(container.getAttribute('role')).toBe('dialog');
    expect(container.textContent).toBe('Scrutiny · Note');
    side.answer({ type: 'draft', note: 'My' });
    side.answer({ type: 'save', note: 'My note' });
    await vi.waitFor(() => expect(handlers.save).toHaveBeenCalledWith('My note'));
    frame.hideEditor();
    await vi.waitFor(() => expect(side.heard.at(-1)).toEqual({ type: 'hide' }));
    expect(container.classList.contains('shown')).toBe(false);
  });

  it('sends a note to the frame, never into the page’s DOM', async () => {
    const { dom, document, frame, iframe, frameSide } = await mounted();
    iframe().dispatchEvent(new dom.window.Event('load'));
    const side = frameSide();
    side.answer({ type: 'size', width: 200, height: 40 });
    await vi.waitFor(() => expect(frame.connected).toBe(true));
    frame.showTip('Check the ferry schedule', { x: 10, y: 10 });
    await vi.waitFor(() => expect(side.heard).toEqual([{ type: 'tip', note: 'Check the ferry schedule' }]));
    expect(document.documentElement.outerHTML).not.toContain('ferry');
  });

  it('starts over with a new token when the frame loads without being asked, keeping the draft', async () => {
    const { dom, container, frame, prepare, hellos, iframe, frameSide } = await mounted();
    iframe().dispatchEvent(new dom.window.Event('load'));
    const first = frameSide();
    first.answer({ type: 'size', width: 318, height: 150 });
    await vi.waitFor(() => expect(frame.connected).toBe(true));
    frame.showEditor(box, 'green');
    first.answer({ type: 'draft', note: 'Half a thought' });
    await vi.waitFor(() => expect(frame.draft).toBe('Half a thought'));
    expect(container.classList.contains('shown')).toBe(true);
    // The page moves the host (the frame reloads with its spent token) or navigates the frame.
    iframe().dispatchEvent(new dom.window.Event('load'));
    expect(container.classList.contains('shown')).toBe(false);
    await tick();
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(iframe().src).toBe(`${ORIGIN}/annotator-frame.html#${'2'.padStart(32, '0')}`);
    expect(hellos).toHaveLength(1);
    iframe().dispatchEvent(new dom.window.Event('load'));
    expect(hellos.at(-1)!.data).toEqual({ type: FRAME_HELLO, token: '2'.padStart(32, '0') });
    const second = frameSide();
    second.answer({ type: 'size', width: 318, height: 150 });
    await vi.waitFor(() =>
      expect(second.heard).toEqual([{ type: 'edit', draft: 'Half a thought', colour: 'green' }]),
    );
    expect(container.classList.contains('shown')).toBe(true);
  });

  it('gives up, and says so, on a page that keeps taking the frame away', async () => {
    const { dom, frame, handlers, iframe, frameSide } = await mounted();
    iframe().dispatchEvent(new dom.window.Event('load'));
    frameSide().answer({ type: 'size', width: 318, height: 150 });
    await vi.waitFor(() => expect(frame.connected).toBe(true));
    frame.showEditor(box, 'yellow');
    for (let round = 0; round < 25; round++) {
      iframe().dispatchEvent(new dom.window.Event('load'));
      iframe().dispatchEvent(new dom.window.Event('load'));
      await tick();
    }
    expect(handlers.failed).toHaveBeenCalledOnce();
    expect(frame.available).toBe(false);
  });
});
