/**
 * The annotator, injected into a page on demand (see inject.ts): wires lib/annotator's session to the
 * message protocol, and its note frame to an extension port. The database stays in the extension's own
 * origin; this script only asks for what it needs. Everything here comes from the extension (messages
 * and ports a page can neither send nor read); nothing is taken from the page's scripts.
 */
import {
  ANNOTATOR_READY,
  ANNOTATOR_STARTED,
  parseCitedWorkResponse,
  parseClipResponse,
  readAnnotationMessage,
  type AnchorReport,
  type OpenNoteRequest,
  type ShowAnnotationResponse,
  type StoreRequest,
} from '@/lib/annotations/messages';
import { FRAME_PAGE, frameTokenKey, newFrameToken, type FrameLink } from '@/lib/annotator/frame-protocol';
import { DRAWN_MARKS_REQUEST } from '@/lib/annotator/marks';
import { AnnotatorSession, type AnnotatorBackend } from '@/lib/annotator/session';
import { askStore } from './store-client';

declare global {
  interface Window {
    __scrutinyAnnotator?: boolean;
  }
}

const STORAGE_UNREACHABLE = 'Scrutiny could not reach its storage. Reload the page and try again.';
const CITATION_UNREACHABLE =
  'Scrutiny could not read this page’s details for the citation, so nothing was copied. Reload the page and try again.';

/** The host permission only test builds carry (wxt.config.ts; tests/e2e/manifest.test.ts checks it). */
const TEST_SERVER_PERMISSION = 'http://127.0.0.1/*';

const ask = (request: StoreRequest) => askStore(request, STORAGE_UNREACHABLE);

/** The clipboard API; when the page's document refuses it, the session copies through its note frame. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The note frame's addresses: each with a fresh random token, registered in the extension's storage
 * (which no page can write) so that the frame knows the hello with that token comes from us.
 */
function frameLink(): FrameLink {
  const page = browser.runtime.getURL(FRAME_PAGE);
  return {
    // Chrome gives the frame's address under the session's dynamic id (use_dynamic_url), but the page loads
    // with the extension's own origin: the hello goes to that.
    origin: new URL(browser.runtime.getURL('/')).origin,
    async prepare() {
      const token = newFrameToken((bytes) => crypto.getRandomValues(bytes));
      try {
        await browser.storage.local.set({ [frameTokenKey(token)]: Date.now() });
      } catch {
        return null;
      }
      return `${page}#${token}`;
    },
  };
}

function isTestBuild(): boolean {
  const manifest = browser.runtime.getManifest() as { permissions?: string[]; host_permissions?: string[] };
  return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].includes(
    TEST_SERVER_PERMISSION,
  );
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
      clip: async (page, selectors) => {
        try {
          return parseClipResponse(
            await browser.runtime.sendMessage({ type: 'scrutiny/clip-create', page, selectors }),
          );
        } catch {
          return { ok: false, error: STORAGE_UNREACHABLE };
        }
      },
      citedWork: async () => {
        try {
          return parseCitedWorkResponse(await browser.runtime.sendMessage({ type: 'scrutiny/cited-work' }));
        } catch {
          return { ok: false, error: CITATION_UNREACHABLE };
        }
      },
    };
    const session = new AnnotatorSession(window, backend, { frame: frameLink() });
    const testBuild = isTestBuild();
    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      if (
        testBuild &&
        sender.id === browser.runtime.id &&
        typeof raw === 'object' &&
        raw !== null &&
        (raw as { type?: unknown }).type === DRAWN_MARKS_REQUEST
      ) {
        sendResponse(session.drawnMarks());
        return true;
      }
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
