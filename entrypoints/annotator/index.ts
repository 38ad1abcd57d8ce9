/**
 * The annotator, injected into a page on demand (see inject.ts): wires lib/annotator's session to the
 * message protocol. The database stays in the extension's own origin; this script only asks for what
 * it needs.
 */
import {
  ANNOTATOR_READY,
  ANNOTATOR_STARTED,
  parseClipResponse,
  readAnnotationMessage,
  type AnchorReport,
  type OpenNoteRequest,
  type ShowAnnotationResponse,
  type StoreRequest,
} from '@/lib/annotations/messages';
import { AnnotatorSession, type AnnotatorBackend } from '@/lib/annotator/session';
import { askStore } from './store-client';

declare global {
  interface Window {
    __scrutinyAnnotator?: boolean;
  }
}

const STORAGE_UNREACHABLE = 'Scrutiny could not reach its storage. Reload the page and try again.';

const ask = (request: StoreRequest) => askStore(request, STORAGE_UNREACHABLE);

/** The clipboard API where the page lets us, else the older copy command (allowed by clipboardWrite). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.setProperty('position', 'fixed');
    area.style.setProperty('opacity', '0');
    document.documentElement.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}

export default defineUnlistedScript({
  /** Returns ANNOTATOR_STARTED or _READY, which becomes the injection's result (see inject.ts). */
  main() {
    if (window.__scrutinyAnnotator) return ANNOTATOR_READY;
    window.__scrutinyAnnotator = true;
    const send = (message: AnchorReport | OpenNoteRequest) =>
      void browser.runtime.sendMessage(message).catch(() => undefined);
    const backend: AnnotatorBackend = {
      list: (page) => ask({ type: 'scrutiny/annotations-list', page }),
      createHighlight: (page, selectors, colour, note) =>
        ask({ type: 'scrutiny/highlight-create', page, selectors, colour, note }),
      report: send,
      openNote: (id) => send({ type: 'scrutiny/open-note', id }),
      copy,
      clip: async (page, selectors, citation) => {
        try {
          return parseClipResponse(
            await browser.runtime.sendMessage({ type: 'scrutiny/clip-create', page, selectors, citation }),
          );
        } catch {
          return { ok: false, error: STORAGE_UNREACHABLE };
        }
      },
    };
    const session = new AnnotatorSession(window, backend);
    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      const message = readAnnotationMessage(raw, sender, browser.runtime.id);
      switch (message?.type) {
        case 'scrutiny/annotations-changed':
          if (session.concerns(message.pageKeys)) void session.load();
          return undefined;
        case 'scrutiny/anchor-report-request':
          sendResponse(session.report());
          return true;
        case 'scrutiny/show-annotation': {
          const response: ShowAnnotationResponse = { found: session.show(message.id) };
          sendResponse(response);
          return true;
        }
        case 'scrutiny/selection-action':
          void session.act(message.action);
          return undefined;
        default:
          return undefined;
      }
    });
    void session.start();
    return ANNOTATOR_STARTED;
  },
});
