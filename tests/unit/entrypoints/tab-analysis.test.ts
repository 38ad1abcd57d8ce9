// @vitest-environment jsdom
/** The panel's wiring for "show this passage in the page" and for running the analysis after a paint. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSAGE_HIGHLIGHT_CSS } from '../../../lib/anchor/flash';
import { capturePage } from '../../../lib/extract/capture';
import {
  EXTRACT_SCRIPT,
  EXTRACT_SCRIPT_READY,
  SHOW_PASSAGE_SCRIPT_READY,
  SHOW_PASSAGE_SCRIPT_STARTED,
} from '../../../lib/messages';
import {
  SHOW_PASSAGE_SCRIPT,
  afterNextPaint,
  analyzeTab,
  showPassageInTab,
} from '../../../entrypoints/sidepanel/tab-analysis';

const selector = { exact: 'We fully assure', prefix: 'turf. “', suffix: ' neighboring' };

function fakeBrowser(injected: unknown, answer: unknown) {
  const api = {
    scripting: {
      executeScript: vi.fn(async () => [{ result: injected }]),
      insertCSS: vi.fn(async () => undefined),
    },
    tabs: {
      sendMessage: vi.fn(async () => {
        if (answer instanceof Error) throw answer;
        return answer;
      }),
    },
  };
  vi.stubGlobal('browser', api);
  return api;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('showPassageInTab', () => {
  it('injects the script, adds the highlight style the first time, and asks the page', async () => {
    const api = fakeBrowser(SHOW_PASSAGE_SCRIPT_STARTED, { found: true });
    expect(await showPassageInTab(7, selector)).toBe('shown');
    expect(api.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: [SHOW_PASSAGE_SCRIPT],
    });
    expect(api.scripting.insertCSS).toHaveBeenCalledWith({
      target: { tabId: 7 },
      css: PASSAGE_HIGHLIGHT_CSS,
    });
    expect(api.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'scrutiny/show-passage', selector });
  });

  it('does not add the style again once the script is in the page', async () => {
    const api = fakeBrowser(SHOW_PASSAGE_SCRIPT_READY, { found: true });
    expect(await showPassageInTab(7, selector)).toBe('shown');
    expect(api.scripting.insertCSS).not.toHaveBeenCalled();
  });

  it('tells "not in the page" from "could not reach the page"', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fakeBrowser(SHOW_PASSAGE_SCRIPT_READY, { found: false });
    expect(await showPassageInTab(7, selector)).toBe('not-found');
    fakeBrowser(SHOW_PASSAGE_SCRIPT_READY, { found: 'yes' });
    expect(await showPassageInTab(7, selector)).toBe('unreachable');
    fakeBrowser(SHOW_PASSAGE_SCRIPT_READY, new Error('Could not establish connection'));
    expect(await showPassageInTab(7, selector)).toBe('unreachable');
    // The browser reports the injection done, but the script never ran (a page it protects).
    const api = fakeBrowser(undefined, { found: true });
    expect(await showPassageInTab(7, selector)).toBe('unreachable');
    expect(api.tabs.sendMessage).not.toHaveBeenCalled();
    api.scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await showPassageInTab(7, selector)).toBe('unreachable');
  });
});

describe('analyzeTab', () => {
  const NO_LISTENER = new Error('Could not establish connection. Receiving end does not exist.');

  /** A tab on an article, and the extraction script's answer (`answers`: what each ask gets, in turn). */
  function fakeTab(answers: unknown[]) {
    const article = document.createElement('article');
    article.append(document.createElement('h1'), document.createElement('p'));
    article.firstElementChild!.textContent = 'Council delays the vote';
    article.lastElementChild!.textContent = 'The council met on Tuesday. '.repeat(40);
    document.body.replaceChildren(article);
    const capture = capturePage(document, { url: 'https://news.example/vote' });
    const api = {
      tabs: {
        get: vi.fn(async () => ({ id: 7, url: 'https://news.example/vote' })),
        sendMessage: vi.fn(async () => {
          const answer = answers.shift();
          if (answer instanceof Error) throw answer;
          return answer === 'capture' ? { ok: true, capture } : answer;
        }),
      },
      scripting: { executeScript: vi.fn(async () => [{ result: EXTRACT_SCRIPT_READY }]) },
    };
    vi.stubGlobal('browser', api);
    return api;
  }

  it('asks the extraction script already in the page, without injecting it again', async () => {
    const api = fakeTab(['capture']);
    const steps: string[] = [];
    const view = await analyzeTab(7, (step) => steps.push(step));
    expect(view.kind).toBe('result');
    expect(api.scripting.executeScript).not.toHaveBeenCalled();
    expect(api.tabs.sendMessage).toHaveBeenCalledTimes(1);
    expect(steps).toEqual(['captured', 'built']);
  });

  it('injects the script where nothing answers (a page not read yet), then asks it', async () => {
    const api = fakeTab([NO_LISTENER, 'capture']);
    const steps: string[] = [];
    expect((await analyzeTab(7, (step) => steps.push(step))).kind).toBe('result');
    expect(api.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: [EXTRACT_SCRIPT],
    });
    expect(api.tabs.sendMessage).toHaveBeenCalledTimes(2);
    expect(steps).toEqual(['injected', 'captured', 'built']);
  });

  it('injects where only another script of Scrutiny listens, answering nothing or something else', async () => {
    for (const answer of [undefined, { found: true }]) {
      const api = fakeTab([answer, 'capture']);
      expect((await analyzeTab(7)).kind).toBe('result');
      expect(api.scripting.executeScript).toHaveBeenCalledTimes(1);
    }
  });

  it('says why when the page cannot take the script, and when it does not answer after it', async () => {
    const api = fakeTab([NO_LISTENER]);
    api.scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect((await analyzeTab(7)).kind).toBe('needs-permission');
    fakeTab([NO_LISTENER, NO_LISTENER]);
    expect(await analyzeTab(7)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/did not answer/),
    });
  });
});

describe('afterNextPaint', () => {
  it('runs the work once, after the next frame or, in a hidden panel, after a short wait', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const work = vi.fn();
    afterNextPaint(work);
    expect(work).not.toHaveBeenCalled();
    frames[0]!(0);
    // Not inside the frame itself: in a task after it, once the frame is painted.
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(200);
    expect(work).toHaveBeenCalledOnce();

    const hidden = vi.fn();
    afterNextPaint(hidden);
    vi.advanceTimersByTime(99);
    expect(hidden).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(hidden).toHaveBeenCalledOnce();
  });
});
