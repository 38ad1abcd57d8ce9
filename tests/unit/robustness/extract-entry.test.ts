// @vitest-environment jsdom
/**
 * Finding 6, at the content script: when reading the page fails altogether, the panel is answered with
 * a plain sentence, never the error's own message ("a.getAttribute is not a function").
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_FAILED } from '../../../lib/extract/errors';

vi.mock('../../../lib/extract/capture', () => ({
  capturePageInSlices: () => Promise.reject(new TypeError('a.getAttribute is not a function')),
}));

type Listener = (raw: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => unknown;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the extract content script', () => {
  it('answers a failed capture with a plain sentence', async () => {
    let listener: Listener | null = null;
    vi.stubGlobal('defineUnlistedScript', (definition: unknown) => definition);
    vi.stubGlobal('browser', {
      runtime: { id: 'scrutiny', onMessage: { addListener: (added: Listener) => (listener = added) } },
    });
    const script = (await import('../../../entrypoints/extract')).default as unknown as { main(): unknown };
    script.main();
    const sendResponse = vi.fn();
    // True: the answer comes later, once the page has been copied in slices.
    expect(listener!({ type: 'scrutiny/extract' }, { id: 'scrutiny' }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: CAPTURE_FAILED }));
    expect(CAPTURE_FAILED).not.toMatch(/function|TypeError|getAttribute/);
    // As the panel shows it: "Scrutiny could not read this page: " + the answer.
    expect(`Scrutiny could not read this page: ${CAPTURE_FAILED}`).toMatch(
      /^Scrutiny could not read this page: [a-z].*\.$/,
    );
  });
});
