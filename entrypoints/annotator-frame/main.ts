/**
 * The note frame: an extension page the annotator shows in an <iframe> inside its closed shadow root
 * (lib/annotator/note-frame.ts). It shows a highlight's note on hover and takes the reader's note as it
 * is written, where the web page around it can neither read nor hear it. It listens to one channel only:
 * the one handed over in the first hello that carries this page's token, and only when the extension's
 * storage holds that token (see lib/annotator/frame-protocol.ts). A page that embeds this frame itself
 * gets a blank frame that listens to nobody.
 */
import {
  frameTokenKey,
  isFrameHello,
  parseFrameCommand,
  tokenOfFrameUrl,
  tokenStillValid,
  type FrameEvent,
} from '@/lib/annotator/frame-protocol';
import { FRAME_CSS, NoteFrameView } from '@/lib/annotator/note-frame-view';

const style = document.createElement('style');
style.textContent = FRAME_CSS;
document.head.append(style);

const token = tokenOfFrameUrl(location.href);
let port: MessagePort | null = null;
let hello: MessagePort | null = null;
let registered: boolean | null = null;

const view = new NoteFrameView(document, (event: FrameEvent) => {
  try {
    port?.postMessage(event);
  } catch {
    port = null;
  }
});

/** Take the channel once both the hello and the registration are in (they may come in either order). */
function accept(): void {
  if (port || !hello || registered !== true) return;
  port = hello;
  port.onmessage = (message: MessageEvent) => {
    const command = parseFrameCommand(message.data);
    if (command) view.handle(command);
  };
  // The first answer: the annotator counts this frame as its own from here on.
  view.start();
}

window.addEventListener('message', (event) => {
  // Only the first hello with our token counts; the annotator posts it from the page's window.
  if (!token || hello || event.source !== window.parent || !isFrameHello(event.data, token)) return;
  const handed = event.ports[0];
  if (!handed) return;
  hello = handed;
  accept();
});

if (token) {
  const key = frameTokenKey(token);
  void browser.storage.local
    .get(key)
    .then(async (stored) => {
      registered = tokenStillValid(stored[key], Date.now());
      // Spent: a second load with the same address (by the page, or a reload) opens nothing.
      await browser.storage.local.remove(key);
      accept();
    })
    .catch(() => {
      registered = false;
    });
}
