/** What the annotator and its note frame say to each other: checked on arrival, tokens that only the extension makes. */
import { describe, expect, it } from 'vitest';
import {
  FRAME_HELLO,
  FRAME_TOKEN_LIFETIME_MS,
  frameTokenKey,
  isFrameHello,
  newFrameToken,
  parseFrameCommand,
  parseFrameEvent,
  staleFrameTokenKeys,
  tokenOfFrameUrl,
  tokenStillValid,
} from '../../../lib/annotator/frame-protocol';

describe('the note frame protocol', () => {
  it('makes 128-bit tokens and finds them only where they belong', () => {
    const token = newFrameToken((bytes) => bytes.map((_, i) => i * 17));
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(tokenOfFrameUrl(`chrome-extension://abc/annotator-frame.html#${token}`)).toBe(token);
    expect(tokenOfFrameUrl('chrome-extension://abc/annotator-frame.html#short')).toBeNull();
    expect(tokenOfFrameUrl('chrome-extension://abc/annotator-frame.html')).toBeNull();
    expect(frameTokenKey(token)).toBe(`scrutiny-frame-token:${token}`);
  });

  it('takes a hello only with its own token and nothing more', () => {
    const token = 'ab'.repeat(16);
    expect(isFrameHello({ type: FRAME_HELLO, token }, token)).toBe(true);
    expect(isFrameHello({ type: FRAME_HELLO, token: 'cd'.repeat(16) }, token)).toBe(false);
    expect(isFrameHello({ type: FRAME_HELLO, token, extra: 1 }, token)).toBe(false);
    expect(isFrameHello('hello', token)).toBe(false);
  });

  it('lets a registration open a frame for a while only', () => {
    const now = 1_000_000_000;
    expect(tokenStillValid(now - 1000, now)).toBe(true);
    expect(tokenStillValid(now - FRAME_TOKEN_LIFETIME_MS - 1, now)).toBe(false);
    expect(tokenStillValid(now + 60_000, now)).toBe(false);
    expect(tokenStillValid(undefined, now)).toBe(false);
    expect(tokenStillValid('1', now)).toBe(false);
  });

  it('names the registrations left behind by frames that never loaded, and nothing else', () => {
    const now = 1_000_000_000;
    const fresh = frameTokenKey('ab'.repeat(16));
    const spent = frameTokenKey('cd'.repeat(16));
    const stored = { [fresh]: now - 1000, [spent]: now - FRAME_TOKEN_LIFETIME_MS - 1, 'other-setting': 1 };
    expect(staleFrameTokenKeys(stored, now)).toEqual([spent]);
  });

  it('checks every command and event, refusing other shapes', () => {
    expect(parseFrameCommand({ type: 'tip', note: 'A note' })).toEqual({ type: 'tip', note: 'A note' });
    expect(parseFrameCommand({ type: 'edit', draft: '', colour: 'green' })).toEqual({
      type: 'edit',
      draft: '',
      colour: 'green',
    });
    expect(parseFrameCommand({ type: 'edit', draft: '', colour: 'red' })).toBeNull();
    expect(parseFrameCommand({ type: 'tip', note: 'x', html: '<b>' })).toBeNull();
    expect(parseFrameCommand({ type: 'tip', note: 'x'.repeat(1_000_001) })).toBeNull();
    expect(parseFrameCommand({ type: 'copy', text: 'Quote' })).toEqual({ type: 'copy', text: 'Quote' });
    expect(parseFrameCommand({ type: 'hide' })).toEqual({ type: 'hide' });
    expect(parseFrameCommand(null)).toBeNull();
    expect(parseFrameEvent({ type: 'save', note: 'Mine' })).toEqual({ type: 'save', note: 'Mine' });
    expect(parseFrameEvent({ type: 'size', width: 300, height: 120 })).toEqual({
      type: 'size',
      width: 300,
      height: 120,
    });
    expect(parseFrameEvent({ type: 'size', width: -1, height: 120 })).toBeNull();
    expect(parseFrameEvent({ type: 'size', width: Number.NaN, height: 1 })).toBeNull();
    expect(parseFrameEvent({ type: 'copied', ok: 'yes' })).toBeNull();
    expect(parseFrameEvent({ type: 'cancel' })).toEqual({ type: 'cancel' });
    expect(parseFrameEvent({ type: 'draft', note: 4 })).toBeNull();
  });
});
