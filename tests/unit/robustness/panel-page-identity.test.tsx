// @vitest-environment jsdom
/**
 * Finding 5: the panel's Notes tab asked for the notes of whatever page the annotator (which runs inside
 * the page) said it was on. The panel now decides the page itself, from the address the browser reports
 * for the tab, and keeps a canonical address only on the same site, as the background does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { ANNOTATOR_STARTED, type StoreRequest } from '../../../lib/annotations/messages';
import type { AnnotatedPage } from '../../../lib/annotations/types';
import { pageOfTab, useNotes, type NotesState } from '../../../entrypoints/sidepanel/use-notes';

const TAB = 7;
const FRAME = 'https://alice.github.io/copied-story';
const CLAIMED: AnnotatedPage = { url: FRAME, canonicalUrl: 'https://bob.github.io/story', title: 'Story' };

/** A browser whose tab shows FRAME while the annotator in it reports `reported`. */
function fakeBrowser(reported: AnnotatedPage, tabUrl: string | null = FRAME) {
  const storeRequests: StoreRequest[] = [];
  const api = {
    runtime: {
      id: 'scrutiny',
      sendMessage: vi.fn(async (request: StoreRequest) => {
        storeRequests.push(request);
        return { ok: true, annotations: [] };
      }),
      onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
    },
    scripting: {
      executeScript: vi.fn(async () => [{ result: ANNOTATOR_STARTED }]),
      insertCSS: vi.fn(async () => undefined),
    },
    tabs: {
      get: vi.fn(async () => ({ id: TAB, ...(tabUrl === null ? {} : { url: tabUrl }) })),
      sendMessage: vi.fn(async () => ({
        type: 'scrutiny/anchor-report',
        page: reported,
        anchored: [],
        orphaned: [],
      })),
    },
    storage: { session: { get: vi.fn(async () => ({})), remove: vi.fn(async () => undefined) } },
    permissions: { contains: vi.fn(async () => false) },
  };
  vi.stubGlobal('browser', api);
  return { api, storeRequests };
}

/** Render useNotes for the tab and wait until the panel has asked for the page's notes. */
async function notesShownFor(storeRequests: StoreRequest[]): Promise<NotesState> {
  let state: NotesState | null = null;
  function Probe() {
    [state] = useNotes(TAB, true, null);
    return null;
  }
  const root = document.createElement('div');
  await act(async () => {
    render(h(Probe, null), root);
  });
  await vi.waitFor(() => expect(storeRequests.length).toBeGreaterThan(0));
  await act(async () => undefined);
  render(null, root);
  return state!;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the page the panel lists notes for', () => {
  it('is not the other site’s article the annotator claims as canonical', async () => {
    const { storeRequests } = fakeBrowser(CLAIMED);
    const state = await notesShownFor(storeRequests);
    const list = storeRequests.find((request) => request.type === 'scrutiny/annotations-list');
    expect(list && 'page' in list && list.page).toEqual({ url: FRAME, canonicalUrl: null, title: 'Story' });
    expect(state.page).toEqual({ url: FRAME, canonicalUrl: null, title: 'Story' });
  });

  it('takes the address from the browser even when the annotator reports another one', async () => {
    const { storeRequests } = fakeBrowser({
      url: 'https://bob.github.io/story',
      canonicalUrl: null,
      title: '',
    });
    await notesShownFor(storeRequests);
    const list = storeRequests.find((request) => request.type === 'scrutiny/annotations-list');
    expect(list && 'page' in list && list.page.url).toBe(FRAME);
  });

  it('keeps a canonical address on the page’s own site', async () => {
    const own = { url: FRAME, canonicalUrl: 'https://alice.github.io/story', title: 'Story' };
    fakeBrowser(own);
    expect(await pageOfTab(TAB, own)).toEqual(own);
  });

  it('has no page when the browser reports no address for the tab', async () => {
    fakeBrowser(CLAIMED, null);
    expect(await pageOfTab(TAB, CLAIMED)).toBeNull();
  });
});
