/**
 * The annotator's session in a test DOM, with a backend that keeps annotations in memory (the message
 * protocol and the database have tests of their own; the e2e tests run the whole chain in real browsers).
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CitedWork } from '../../../lib/annotations/citation';
import { describeRange } from '../../../lib/anchor/highlights';
import type {
  AnchorReport,
  CitedWorkResponse,
  ClipResponse,
  StoreResponse,
} from '../../../lib/annotations/messages';
import type {
  AnnotatedPage,
  Annotation,
  HighlightColour,
  PassageSelectors,
} from '../../../lib/annotations/types';
import { HOST_TAG } from '../../../lib/annotator/overlay';
import { AnnotatorSession, describePage, type AnnotatorBackend } from '../../../lib/annotator/session';

const ARTICLE = `<!doctype html><html><head><title>Bridge closes</title>
<link rel="canonical" href="https://news.example/bridge"></head><body><article>
<h1>Bridge closes</h1>
<p id="one">The city council voted on Tuesday to close the old harbor bridge for eight months of repairs.</p>
<p id="two">A ferry will run every twenty minutes while the bridge is closed, the transit agency said.</p>
<p id="three">Residents can comment on the detour plan at a public meeting on March 12.</p>
</article></body></html>`;

class MemoryBackend implements AnnotatorBackend {
  annotations: Annotation[] = [];
  reports: AnchorReport[] = [];
  opened: string[] = [];
  copied: string[] = [];
  failWith: string | null = null;
  private next = 1;

  async list(): Promise<StoreResponse> {
    return { ok: true, annotations: this.annotations };
  }

  async createHighlight(
    page: AnnotatedPage,
    selectors: PassageSelectors,
    colour: HighlightColour,
    note: string,
  ): Promise<StoreResponse> {
    if (this.failWith) return { ok: false, error: this.failWith };
    const annotation = stored(
      `00000000-0000-4000-8000-00000000000${this.next++}`,
      page,
      selectors,
      colour,
      note,
    );
    this.annotations.push(annotation);
    return { ok: true, annotations: [annotation] };
  }

  report(report: AnchorReport): void {
    this.reports.push(report);
  }

  openNote(id: string): void {
    this.opened.push(id);
  }

  async copy(text: string): Promise<boolean> {
    this.copied.push(text);
    return true;
  }

  clips: { page: AnnotatedPage; selectors: PassageSelectors }[] = [];

  async clip(page: AnnotatedPage, selectors: PassageSelectors): Promise<ClipResponse> {
    if (this.failWith) return { ok: false, error: this.failWith };
    this.clips.push({ page, selectors });
    return { ok: true, id: '00000000-0000-4000-8000-0000000000c1' };
  }

  /** What the background would cite of the page (tests set it; the panel's byline in the extension). */
  work: CitedWork = { title: 'Bridge closes', authors: [], outlet: null, published: null, lang: null };

  async citedWork(): Promise<CitedWorkResponse> {
    if (this.failWith) return { ok: false, error: this.failWith };
    return { ok: true, work: this.work };
  }

  get lastReport(): AnchorReport | undefined {
    return this.reports.at(-1);
  }
}

function stored(
  id: string,
  page: AnnotatedPage,
  selectors: PassageSelectors,
  colour: HighlightColour = 'yellow',
  note = '',
): Annotation {
  return {
    id,
    kind: 'highlight',
    target: { ...page, selector: [selectors.range, selectors.position, selectors.quote] },
    body: { note, tags: [], colour },
    pageKeys: ['news.example/bridge'],
    created: '2026-11-27T08:00:00.000Z',
    modified: '2026-11-27T08:00:00.000Z',
  };
}

function setUp(html = ARTICLE) {
  const dom = new JSDOM(html, { url: 'https://news.example/bridge?utm_source=x', pretendToBeVisual: true });
  const window = dom.window as unknown as Window;
  const backend = new MemoryBackend();
  // jsdom marks every dispatched event untrusted, as a browser marks a page's synthetic events: the
  // events a test makes as the reader are the ones in this set.
  const fromReader = new WeakSet<Event>();
  const options = { shadowMode: 'open' as const, trusted: (event: Event) => fromReader.has(event) };
  const session = new AnnotatorSession(window, backend, options);
  const document = window.document;
  /** Select `text` inside the element with this id, as a reader would. */
  const select = (id: string, text: string) => {
    const node = document.getElementById(id)!.firstChild as Text;
    const at = node.data.indexOf(text);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return range;
  };
  /** Selectors of a passage as a reader highlighted it, for an annotation made earlier. */
  const selectorsOf = (id: string, text: string) => describeRange(document.body, select(id, text));
  /** An event at the window, as the reader makes it or (reader: false) as a page's script does. */
  const fire = (event: Event, reader: boolean) => {
    if (reader) fromReader.add(event);
    window.dispatchEvent(event);
  };
  const view = dom.window;
  const mouseUp = (reader: boolean) => fire(new view.MouseEvent('mouseup', { bubbles: true }), reader);
  const key = (name: string, reader: boolean) =>
    fire(new view.KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }), reader);
  const shadow = () => document.querySelector(HOST_TAG)?.shadowRoot ?? null;
  return { window, document, backend, session, options, select, selectorsOf, mouseUp, key, shadow };
}

afterEach(() => vi.useRealTimers());

describe('the annotator session', () => {
  it('describes its page: the address, the canonical address and the title', () => {
    const { document } = setUp();
    expect(describePage(document)).toEqual({
      url: 'https://news.example/bridge?utm_source=x',
      canonicalUrl: 'https://news.example/bridge',
      title: 'Bridge closes',
    });
  });

  it('finds stored highlights again and tells the panel which are in the page and which are orphaned', async () => {
    const { backend, session, selectorsOf, window } = setUp();
    const page = describePage(window.document);
    const meeting = selectorsOf('three', 'a public meeting on March 12');
    const ferry = selectorsOf('two', 'A ferry will run every twenty minutes');
    const gone = {
      ...ferry,
      quote: { ...ferry.quote, exact: 'A passage this page never had in it at all', prefix: '', suffix: '' },
    };
    gone.range = { ...gone.range, startContainer: '/nowhere', endContainer: '/nowhere' };
    backend.annotations = [
      stored('00000000-0000-4000-8000-0000000000a1', page, meeting),
      stored('00000000-0000-4000-8000-0000000000a2', page, ferry),
      stored('00000000-0000-4000-8000-0000000000a3', page, gone),
    ];
    await session.start();
    expect(backend.lastReport).toMatchObject({
      // Reading order, not the order they were stored in.
      anchored: ['00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a1'],
      orphaned: ['00000000-0000-4000-8000-0000000000a3'],
    });
    session.destroy();
  });

  it('keeps a highlight of the selection with all three selectors, and draws it at once', async () => {
    const { backend, session, select } = setUp();
    await session.start();
    select('one', 'close the old harbor bridge');
    await session.act('highlight');
    expect(backend.annotations).toHaveLength(1);
    const [range, position, quote] = backend.annotations[0]!.target.selector;
    expect(range?.type).toBe('RangeSelector');
    expect(position?.type).toBe('TextPositionSelector');
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'close the old harbor bridge' });
    expect(backend.annotations[0]!.target.url).toBe('https://news.example/bridge?utm_source=x');
    expect(backend.lastReport?.anchored).toEqual([backend.annotations[0]!.id]);
    session.destroy();
  });

  it('says in the page what went wrong when the highlight could not be kept, and draws nothing', async () => {
    const { backend, session, select, document } = setUp();
    await session.start();
    backend.failWith = 'Your disk is full, so Scrutiny could not save this. Nothing was changed.';
    select('two', 'A ferry will run');
    await session.act('highlight');
    const alert = document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(backend.failWith);
    expect(session.report().anchored).toEqual([]);
    session.destroy();
  });

  it('copies the selection with the citation the background gives, at the page’s own address', async () => {
    const { backend, session, select } = setUp();
    backend.work = {
      title: 'Bridge closes',
      authors: ['Ana Ruiz', 'Tom Lee'],
      outlet: 'News Example',
      published: '2026-03-03T09:00:00-05:00',
      lang: 'en',
    };
    await session.start();
    select('two', 'A ferry will run every twenty minutes');
    await session.act('copy-citation');
    expect(backend.copied).toHaveLength(1);
    expect(backend.copied[0]).toMatch(
      /^“A ferry will run every twenty minutes”\n— Ana Ruiz and Tom Lee, “Bridge closes”, News Example, 2026-03-03\. https:\/\/news\.example\/bridge \(accessed \d{4}-\d{2}-\d{2}\)$/,
    );
    session.destroy();
  });

  it('copies nothing, and says so, when the page’s details cannot be had', async () => {
    const { backend, session, select, document } = setUp();
    await session.start();
    backend.failWith = 'Scrutiny could not read this page’s details for the citation, so nothing was copied.';
    select('two', 'A ferry will run every twenty minutes');
    await session.act('copy-citation');
    expect(backend.copied).toEqual([]);
    const alert = document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(backend.failWith);
    session.destroy();
  });

  it('clips the selection with its selectors, and says where to go on', async () => {
    const { backend, session, select, document } = setUp();
    await session.start();
    select('two', 'A ferry will run every twenty minutes');
    await session.act('clip');
    expect(backend.clips).toHaveLength(1);
    const [clip] = backend.clips;
    expect(clip!.selectors.quote.exact).toBe('A ferry will run every twenty minutes');
    expect(clip!.page.canonicalUrl).toBe('https://news.example/bridge');
    const status = document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('[role="status"]');
    expect(status?.textContent).toBe('Clipped. Choose its collection, a note and tags in Scrutiny’s panel.');
    // No highlight is made by a clip.
    expect(backend.annotations).toEqual([]);
    session.destroy();
  });

  it('asks for a selection when a menu item comes without one, and ignores text being typed', async () => {
    const { backend, session, document, window } = setUp(
      ARTICLE.replace('</article>', '<textarea id="comment">My comment</textarea></article>'),
    );
    await session.start();
    await session.act('highlight');
    const status = document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('[role="status"]');
    expect(status?.textContent).toBe('Select some text in the article first.');
    const textarea = document.getElementById('comment') as HTMLTextAreaElement;
    const range = document.createRange();
    range.selectNodeContents(textarea);
    window.getSelection()!.addRange(range);
    await session.act('highlight');
    expect(backend.annotations).toEqual([]);
    session.destroy();
  });

  it('finds a passage the page adds after load, and reports it', async () => {
    const html = ARTICLE.replace(/<p id="three">.*?<\/p>/, '');
    const { backend, session, document, window } = setUp(html);
    const page = describePage(document);
    // The passage as it was highlighted on an earlier visit, when the page had the paragraph.
    const earlier = setUp().selectorsOf('three', 'a public meeting on March 12');
    backend.annotations = [stored('00000000-0000-4000-8000-0000000000b1', page, earlier)];
    await session.start();
    expect(backend.lastReport?.orphaned).toEqual(['00000000-0000-4000-8000-0000000000b1']);
    const late = document.createElement('p');
    late.textContent = 'Residents can comment on the detour plan at a public meeting on March 12.';
    document.querySelector('article')!.append(late);
    await vi.waitFor(
      () => expect(backend.lastReport?.anchored).toEqual(['00000000-0000-4000-8000-0000000000b1']),
      {
        timeout: 3000,
      },
    );
    expect(window.document.querySelector(HOST_TAG)).toBeNull();
    session.destroy();
  });

  it('takes the last page’s highlights out when a single-page site moves to another page', async () => {
    const { backend, session, selectorsOf, window, document } = setUp();
    const page = describePage(document);
    backend.annotations = [
      stored('00000000-0000-4000-8000-0000000000c1', page, selectorsOf('two', 'A ferry will run')),
    ];
    await session.start();
    expect(session.report().anchored).toEqual(['00000000-0000-4000-8000-0000000000c1']);
    window.history.pushState({}, '', '/another-story');
    document
      .querySelector('link[rel="canonical"]')!
      .setAttribute('href', 'https://news.example/another-story');
    backend.annotations = [];
    await session.load();
    expect(session.report()).toMatchObject({
      page: { canonicalUrl: 'https://news.example/another-story' },
      anchored: [],
      orphaned: [],
    });
    session.destroy();
  });

  it('shows nothing for a selection the page makes in the moment after the reader’s click', async () => {
    const { session, select, mouseUp, shadow } = setUp();
    await session.start();
    // The reader clicks (nothing selected); before the toolbar would show, the page's script selects.
    mouseUp(true);
    select('one', 'close the old harbor bridge');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(shadow()?.querySelector('[role="toolbar"]') ?? null).toBeNull();
    // The reader's own selection, as it stands when they let go, shows it.
    mouseUp(true);
    await vi.waitFor(() => expect(shadow()?.querySelector('[role="toolbar"]')).toBeTruthy());
    session.destroy();
  });

  it('acts on the reader’s mouse and keys only: a page’s synthetic mouseup and "h" keep nothing (finding 2)', async () => {
    const { backend, session, select, mouseUp, key, shadow } = setUp();
    await session.start();
    select('one', 'close the old harbor bridge');
    // The page's script: it selected the text, now it lets go of a mouse and presses H.
    mouseUp(false);
    key('h', false);
    key('n', false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(shadow()?.querySelector('[role="toolbar"]') ?? null).toBeNull();
    expect(backend.annotations).toEqual([]);
    // The reader's own mouse and key do it.
    mouseUp(true);
    await vi.waitFor(() => expect(shadow()?.querySelector('[role="toolbar"]')).toBeTruthy());
    key('h', false);
    expect(backend.annotations).toEqual([]);
    key('h', true);
    await vi.waitFor(() => expect(backend.annotations).toHaveLength(1));
    session.destroy();
  });

  it('closes a note editor whose frame has not taken the focus yet on the reader’s Escape, not the page’s', async () => {
    const { window, backend, select, shadow } = setUp();
    // A frame that never answers: on a busy machine the reader may press Escape before it loads.
    const prepare = vi.fn(async () => `chrome-extension://scrutiny/annotator-frame.html#${'0'.repeat(32)}`);
    const session = new AnnotatorSession(window, backend, {
      shadowMode: 'open',
      trusted: (event: Event) => reader.has(event),
      frame: { origin: 'chrome-extension://scrutiny', prepare },
    });
    const reader = new WeakSet<Event>();
    const view = window as unknown as typeof globalThis;
    const press = (name: string, byReader: boolean) => {
      const event = new view.KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
      if (byReader) reader.add(event);
      window.dispatchEvent(event);
    };
    await session.start();
    select('two', 'A ferry will run');
    const up = new view.MouseEvent('mouseup', { bubbles: true });
    reader.add(up);
    window.dispatchEvent(up);
    await vi.waitFor(() => expect(shadow()?.querySelector('[role="toolbar"]')).toBeTruthy());
    press('n', true);
    const editorShown = () => (session as unknown as { frame: { editorShown: boolean } }).frame.editorShown;
    await vi.waitFor(() => expect(editorShown()).toBe(true));
    press('Escape', false);
    expect(editorShown()).toBe(true);
    press('Escape', true);
    expect(editorShown()).toBe(false);
    // The reader's selection is back, for another action on the same words.
    expect(window.getSelection()?.toString()).toBe('A ferry will run');
    expect(backend.annotations).toEqual([]);
    session.destroy();
  });

  it('knows which changes concern its page, under any of its addresses', () => {
    const { session } = setUp();
    expect(session.concerns(['news.example/bridge'])).toBe(true);
    expect(session.concerns(['news.example/other'])).toBe(false);
  });
});
