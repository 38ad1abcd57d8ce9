/**
 * What the annotator (a content script in the page) and its note frame (an extension page shown in an
 * <iframe> inside the annotator's closed shadow root) say to each other.
 *
 * The reader's own words (a note being written, a note shown on hover) live only in the frame: the page
 * cannot read into a frame of another origin, `window.find()` does not search it, and keys typed in it
 * never reach the page's listeners.
 *
 * The two talk over a MessageChannel whose port the annotator hands the frame in a first message (the
 * hello). Extension ports would be simpler, but in Firefox an extension frame inside a web page gets only
 * what content scripts get, and never hears another content script's `runtime.connect` (w3c/webextensions
 * issue 35). The hello is safe from the page because of a token:
 * - the annotator makes a random token for each load of the frame, registers it in the extension's own
 *   storage (which no page can write) and puts it in the frame's address (inside the closed shadow root,
 *   which no page can read);
 * - the hello goes to the frame's origin only, carrying the token and the port;
 * - the frame takes the first hello whose token is its own and registered, and deletes the registration:
 *   a page that embeds the frame itself (it is web-accessible) cannot register a token, so that frame stays
 *   blank and deaf; a page that navigates ours away cannot learn the token, and the annotator notices the
 *   load and starts again with a new one.
 * Messages on the channel are private to its two ends, and every one is checked on arrival.
 */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../annotations/types';

/** The frame's page in the extension (entrypoints/annotator-frame). */
export const FRAME_PAGE = '/annotator-frame.html';

/** The key under which a frame token is registered in the extension's storage (storage.local). */
const TOKEN_KEY_PREFIX = 'scrutiny-frame-token:';

/** A registration older than this no longer opens a frame (the frame loads within moments of it). */
export const FRAME_TOKEN_LIFETIME_MS = 10 * 60_000;

/** The type of the hello (annotator → frame, by postMessage to the frame's origin, with the port). */
export const FRAME_HELLO = 'scrutiny/frame-hello';

/** The longest note the frame takes or shows (the store's own limit is lower and says so in plain words). */
export const MAX_FRAME_NOTE_LENGTH = 1_000_000;

/** Annotator → frame. */
export type FrameCommand =
  /** Show a highlight's note (the reader's pointer is on the highlight). */
  | { type: 'tip'; note: string }
  /** Open the note editor, with what the reader had written so far. */
  | { type: 'edit'; draft: string; colour: HighlightColour }
  /** Show nothing. */
  | { type: 'hide' }
  /**
   * Put this on the clipboard, from the frame's own document: the page's `copy` listeners never see it
   * (used when the content script's own clipboard call was refused).
   */
  | { type: 'copy'; text: string };

/** Frame → annotator. */
export type FrameEvent =
  /** The frame's content is this big now (CSS pixels); the annotator sizes the <iframe> to it. */
  | { type: 'size'; width: number; height: number }
  /** What the reader has written so far (kept in the content script, so a reloaded frame gets it back). */
  | { type: 'draft'; note: string }
  | { type: 'save'; note: string }
  | { type: 'cancel' }
  /** The answer to a `copy`. */
  | { type: 'copied'; ok: boolean };

/** A random token for one frame: 128 bits, as hex. */
export function newFrameToken(random: (bytes: Uint8Array) => Uint8Array): string {
  return [...random(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const isToken = (value: string) => /^[0-9a-f]{32}$/.test(value);

export function frameTokenKey(token: string): string {
  return `${TOKEN_KEY_PREFIX}${token}`;
}

/** Whether a registration (the time it was made) still opens a frame at `now`. */
export function tokenStillValid(registeredAt: unknown, now: number): boolean {
  return (
    typeof registeredAt === 'number' &&
    registeredAt <= now + 1_000 &&
    now - registeredAt <= FRAME_TOKEN_LIFETIME_MS
  );
}

/**
 * The keys of registrations that can no longer open a frame (a frame the page removed before it loaded
 * never spends its token): the background deletes them when the browser starts.
 */
export function staleFrameTokenKeys(stored: Record<string, unknown>, now: number): string[] {
  return Object.entries(stored)
    .filter(([key, registeredAt]) => key.startsWith(TOKEN_KEY_PREFIX) && !tokenStillValid(registeredAt, now))
    .map(([key]) => key);
}

/** Whether a message is the hello for the frame with this token. */
export function isFrameHello(value: unknown, token: string): boolean {
  return (
    isObject(value) &&
    hasOnly(value, ['type', 'token']) &&
    value.type === FRAME_HELLO &&
    value.token === token
  );
}

/** The token in the frame's own address (`…/annotator-frame.html#<token>`), or null. */
export function tokenOfFrameUrl(url: string): string | null {
  const hash = url.split('#')[1] ?? '';
  return isToken(hash) ? hash : null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnly = (value: Record<string, unknown>, keys: string[]) =>
  Object.keys(value).length === keys.length && keys.every((key) => key in value);
const isNote = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_FRAME_NOTE_LENGTH;
const isSize = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000;

export function parseFrameCommand(value: unknown): FrameCommand | null {
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'tip':
      return hasOnly(value, ['type', 'note']) && isNote(value.note)
        ? { type: 'tip', note: value.note }
        : null;
    case 'edit':
      return hasOnly(value, ['type', 'draft', 'colour']) &&
        isNote(value.draft) &&
        (HIGHLIGHT_COLOURS as readonly unknown[]).includes(value.colour)
        ? { type: 'edit', draft: value.draft, colour: value.colour as HighlightColour }
        : null;
    case 'hide':
      return hasOnly(value, ['type']) ? { type: 'hide' } : null;
    case 'copy':
      return hasOnly(value, ['type', 'text']) && isNote(value.text)
        ? { type: 'copy', text: value.text }
        : null;
    default:
      return null;
  }
}

export function parseFrameEvent(value: unknown): FrameEvent | null {
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'size':
      return hasOnly(value, ['type', 'width', 'height']) && isSize(value.width) && isSize(value.height)
        ? { type: 'size', width: value.width, height: value.height }
        : null;
    case 'draft':
    case 'save':
      return hasOnly(value, ['type', 'note']) && isNote(value.note)
        ? { type: value.type, note: value.note }
        : null;
    case 'cancel':
      return hasOnly(value, ['type']) ? { type: 'cancel' } : null;
    case 'copied':
      return hasOnly(value, ['type', 'ok']) && typeof value.ok === 'boolean'
        ? { type: 'copied', ok: value.ok }
        : null;
    default:
      return null;
  }
}

/** How the annotator reaches its frame; the entry point wires it to the extension, tests to memory. */
export interface FrameLink {
  /** The frame page's origin: the hello is posted to it only. */
  origin: string;
  /**
   * A fresh address for the frame (`…/annotator-frame.html#<token>`), its token registered in the
   * extension's storage; null when it could not be registered.
   */
  prepare(): Promise<string | null>;
}
