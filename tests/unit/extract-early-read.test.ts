// @vitest-environment jsdom
/**
 * The early read (entrypoints/extract.ts): the background asks the page to start reading itself on the
 * reader's gesture, and the panel's request a moment later gets that read instead of a second one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const captures = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../lib/extract/capture', () => ({
  capturePageInSlices: () => Promise.resolve({ url: location.href, read: ++captures.count }),
}));

type Listener = (raw: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => unknown;

const OWN = { id: 'scrutiny' };
let listener: Listener;

/** Ask as the panel does; resolves with the page's answer. */
function askAsPanel(): Promise<unknown> {
  return new Promise((resolve) => {
    expect(listener({ type: 'scrutiny/extract' }, OWN, resolve)).toBe(true);
  });
}

beforeEach(async () => {
  captures.count = 0;
  vi.resetModules();
  vi.stubGlobal('defineUnlistedScript', (definition: unknown) => definition);
  vi.stubGlobal('browser', {
    runtime: { id: 'scrutiny', onMessage: { addListener: (added: Listener) => (listener = added) } },
  });
  delete window.__scrutinyExtractReady;
  const script = (await import('../../entrypoints/extract')).default as unknown as { main(): unknown };
  script.main();
});

afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

describe('the early read', () => {
  it('is what the panel gets, read once; the next request reads the page again', async () => {
    const noAnswer = vi.fn();
    expect(listener({ type: 'scrutiny/extract', early: true }, OWN, noAnswer)).toBeUndefined();
    // A second gesture while the first read is under way starts no second read.
    listener({ type: 'scrutiny/extract', early: true }, OWN, noAnswer);
    expect(await askAsPanel()).toMatchObject({ ok: true, capture: { read: 1 } });
    expect(captures.count).toBe(1);
    expect(await askAsPanel()).toMatchObject({ ok: true, capture: { read: 2 } });
    expect(noAnswer).not.toHaveBeenCalled();
  });

  it('is not given for another address (the page navigated within itself)', async () => {
    listener({ type: 'scrutiny/extract', early: true }, OWN, vi.fn());
    history.pushState(null, '', '/another-story');
    expect(await askAsPanel()).toMatchObject({ ok: true, capture: { read: 2, url: location.href } });
  });

  it('is refused from anyone but the extension itself', async () => {
    expect(listener({ type: 'scrutiny/extract', early: true }, { id: 'evil@example.org' }, vi.fn())).toBe(
      undefined,
    );
    expect(captures.count).toBe(0);
  });
});
