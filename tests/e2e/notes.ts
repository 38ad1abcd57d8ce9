/**
 * Shared by the Chromium and Firefox suites for highlights and notes: one article in three versions
 * (as first read, edited by its outlet, with an annotated passage gone), and functions that run in the
 * article page (page.evaluate) to select text and to read what the extension drew.
 *
 * In web pages the annotator draws highlights as inert boxes in a closed shadow root, so that the page's
 * scripts cannot list them (no `CSS.highlights`). The tests read them from outside the page's reach: in
 * Chromium from the pierced DOM over the DevTools protocol (`drawnHighlightsIn`), in both browsers from
 * the extension side (`askDrawnMarks`, answered by test builds only); then `textUnderMarks` reads in the
 * page which words lie under the boxes, i.e. what the reader sees highlighted.
 */
import type { Page as PlaywrightPage } from 'playwright-core';

const HEADLINE = 'Harbor bridge to close for repairs';

const PARAGRAPHS = {
  lead: 'The city council voted on Tuesday to close the old harbor bridge for eight months of repairs, after engineers found corrosion in three of its main cables.',
  quote:
    '“We cannot keep people on a bridge we would not walk on ourselves,” said Mayor Ana Ruiz, who called the decision painful but necessary.',
  ferry:
    'Shop owners on both banks worry about losing customers. A ferry will run every twenty minutes while the bridge is closed, the transit agency said.',
  report:
    'Engineers first raised concerns in a 2024 inspection report, which recommended replacing the cables within five years.',
  cost: 'The repairs are expected to cost 42 million dollars, most of it from a state infrastructure grant approved last spring.',
  meeting: 'Residents can comment on the detour plan at a public meeting on March 12 at the central library.',
};

/** The passages the tests annotate, as they read in the first version. */
export const PASSAGES = {
  lead: 'close the old harbor bridge for eight months of repairs',
  ferry: 'A ferry will run every twenty minutes while the bridge is closed',
  report: 'recommended replacing the cables within five years',
};

/** The same passages in the edited version. */
export const EDITED_PASSAGES = {
  lead: 'close the old harbor bridge for nine months of repairs',
  ferry: 'A ferry will run every 20 minutes while the bridge is closed',
  report: 'recommended replacing the cables within five years',
};

export const NOTE = 'Check the ferry schedule against the agency’s timetable.';

export type ArticleVersion = 'original' | 'edited' | 'without-ferry';

function page(paragraphs: string[], path: string): string {
  const jsonld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: HEADLINE,
    author: { '@type': 'Person', name: 'Jane Doe' },
    publisher: { '@type': 'Organization', name: 'Harbor Daily' },
    datePublished: '2026-03-03T16:12:00Z',
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${HEADLINE}</title>
<link rel="canonical" href="${path}">
<script type="application/ld+json">${jsonld}</script>
<style>body { font: 18px/1.6 serif; max-width: 40em; margin: 2em auto; }</style></head>
<body><header><nav><a href="/">Home</a></nav></header>
<main><article><h1>${HEADLINE}</h1><p class="byline">By Jane Doe</p>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</article></main><footer>© Harbor Daily</footer></body></html>`;
}

/** The article as the outlet serves it in `version`, naming `path` as its canonical address. */
export function notesArticle(version: ArticleVersion, path = '/notes/story'): string {
  const { lead, quote, ferry, report, cost, meeting } = PARAGRAPHS;
  if (version === 'original') return page([lead, quote, ferry, report, cost, meeting], path);
  const editedLead = lead.replace('eight months', 'nine months');
  const editedFerry = ferry.replace('twenty minutes', '20 minutes');
  // Same words, other markup: the passage now spans an <em>.
  const editedReport = report.replace('replacing the cables', 'replacing <em>the cables</em>');
  const update = 'Updated at 5 p.m. with the cost of the repairs and the date of the public meeting.';
  const withoutFerry = 'Shop owners on both banks worry about losing customers.';
  return page(
    [
      update,
      editedLead,
      quote,
      version === 'edited' ? editedFerry : withoutFerry,
      editedReport,
      meeting,
      cost,
    ],
    path,
  );
}

/** Runs in the page: select the first occurrence of `text` (within one text node, after `<em>` is read through). */
export function selectText(text: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let whole = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    whole += (node as Text).data;
  }
  const at = whole.indexOf(text);
  if (at < 0) return false;
  const locate = (offset: number, end: boolean) => {
    let seen = 0;
    for (const node of nodes) {
      const length = node.data.length;
      if (offset < seen + length || (end && offset === seen + length)) return { node, offset: offset - seen };
      seen += length;
    }
    throw new Error('offset past the text');
  };
  const start = locate(at, false);
  const finish = locate(at + text.length, true);
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(finish.node, finish.offset);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * Runs in an extension page (the library's reader view draws with the Highlight API there, out of any web
 * page's reach): the highlights drawn, by colour, in reading order within each colour.
 */
export function drawnHighlights(): Record<string, string[]> {
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } })
    .CSS?.highlights;
  const drawn: Record<string, string[]> = {};
  for (const colour of ['yellow', 'green', 'blue', 'pink', 'purple']) {
    const highlight = registry?.get(`scrutiny-${colour}`);
    if (!highlight) continue;
    drawn[colour] = [...highlight]
      .map((range) => range as Range)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((range) => range.toString().replace(/\s+/g, ' '));
  }
  return drawn;
}

/** Runs in the page: whether the annotator's toolbar host is in the page (its toolbar or a message is up). */
export function annotatorShown(): boolean {
  return document.querySelector('scrutiny-annotator') !== null;
}

/** One highlight (or the passage being noted, the highlight in focus, a flash) as drawn: its boxes on screen. */
export interface MarkOnScreen {
  /** A colour ("yellow"…), or "pending", "focus", "passage". */
  kind: string;
  /** In viewport coordinates when read. */
  rects: { left: number; top: number; width: number; height: number }[];
}

/** The colours of highlights, as `kind` names them. */
export const COLOUR_KINDS = ['yellow', 'green', 'blue', 'pink', 'purple'];

/**
 * Runs in the web page: which words lie under each mark (the middle of a character inside one of its
 * boxes), in reading order, by kind. Only colours unless `kinds` says otherwise.
 */
export function textUnderMarks(arg: { marks: MarkOnScreen[]; kinds?: string[] }): Record<string, string[]> {
  const kinds = arg.kinds ?? ['yellow', 'green', 'blue', 'pink', 'purple'];
  const marks = arg.marks.filter((mark) => kinds.includes(mark.kind));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let whole = '';
  const first = marks.map(() => -1);
  const last = marks.map(() => -1);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (parent && /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(parent.tagName)) continue;
    for (let i = 0; i < node.data.length; i++) {
      const at = whole.length + i;
      if (/\s/.test(node.data[i]!)) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      marks.forEach((mark, index) => {
        const inside = mark.rects.some(
          (box) => x >= box.left && x <= box.left + box.width && y >= box.top && y <= box.top + box.height,
        );
        if (!inside) return;
        if (first[index] === -1) first[index] = at;
        last[index] = at;
      });
    }
    whole += node.data;
  }
  const found = marks
    .map((mark, index) => ({ kind: mark.kind, at: first[index]!, end: last[index]! }))
    .filter((mark) => mark.at >= 0)
    .sort((a, b) => a.at - b.at);
  const shown: Record<string, string[]> = {};
  for (const mark of found)
    (shown[mark.kind] ??= []).push(whole.slice(mark.at, mark.end + 1).replace(/\s+/g, ' '));
  return shown;
}

/**
 * Runs in an extension page of a test build: the marks the annotator drew in the tab's page, asked over
 * extension messaging (which no web page can send).
 */
export async function askDrawnMarks(tabId: number): Promise<MarkOnScreen[]> {
  const api = globalThis as unknown as {
    browser?: { tabs: { sendMessage(tabId: number, message: unknown, options?: object): Promise<unknown> } };
    chrome?: { tabs: { sendMessage(tabId: number, message: unknown, options?: object): Promise<unknown> } };
  };
  const tabs = (api.browser ?? api.chrome)!.tabs;
  const marks = await tabs.sendMessage(tabId, { type: 'scrutiny/drawn-marks' }, { frameId: 0 });
  return Array.isArray(marks) ? (marks as MarkOnScreen[]) : [];
}

interface PiercedNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  attributes?: string[];
  children?: PiercedNode[];
  shadowRoots?: PiercedNode[];
  contentDocument?: PiercedNode;
}

/**
 * Chromium: the annotator's marks in a page, read from the DOM as DevTools sees it (closed shadow roots
 * included), with their boxes on screen.
 */
export async function marksByDevTools(page: PlaywrightPage): Promise<MarkOnScreen[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const send = (method: string, params?: object) => session.send(method as never, params as never);
    const { root } = (await send('DOM.getDocument', { depth: -1, pierce: true })) as { root: PiercedNode };
    const groups = new Map<string, MarkOnScreen>();
    const attribute = (node: PiercedNode, name: string) => {
      const index = node.attributes?.findIndex((value, i) => i % 2 === 0 && value === name) ?? -1;
      return index >= 0 ? node.attributes![index + 1] : undefined;
    };
    const marks: PiercedNode[] = [];
    const walk = (node: PiercedNode) => {
      if (attribute(node, 'class') === 'mark' && attribute(node, 'data-kind')) marks.push(node);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
    };
    walk(root);
    for (const node of marks) {
      const model = (await send('DOM.getBoxModel', { nodeId: node.nodeId }).catch(() => null)) as {
        model: { border: number[] };
      } | null;
      if (!model) continue; // not shown (display: none)
      const [x1, y1, , , x3, y3] = model.model.border;
      const kind = attribute(node, 'data-kind')!;
      const key = `${kind}:${attribute(node, 'data-mark') ?? ''}`;
      const group = groups.get(key) ?? { kind, rects: [] };
      group.rects.push({ left: x1!, top: y1!, width: x3! - x1!, height: y3! - y1! });
      groups.set(key, group);
    }
    return [...groups.values()];
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Chromium: the highlights the reader sees in a web page, by colour, in reading order within each colour. */
export async function drawnHighlightsIn(
  page: PlaywrightPage,
  kinds = COLOUR_KINDS,
): Promise<Record<string, string[]>> {
  const marks = await marksByDevTools(page);
  return page.evaluate(textUnderMarks, { marks, kinds });
}

/**
 * A point on the highlight whose words contain `text`, as the reader would put the pointer there;
 * `evaluate` runs a function in the web page (Playwright's or Puppeteer's page.evaluate).
 */
export async function pointOnMark(
  marks: MarkOnScreen[],
  text: string,
  evaluate: (marks: MarkOnScreen[]) => Promise<Record<string, string[]>>,
): Promise<{ x: number; y: number } | null> {
  for (const mark of marks.filter((candidate) => COLOUR_KINDS.includes(candidate.kind))) {
    const words = (await evaluate([mark]))[mark.kind]?.[0] ?? '';
    const box = mark.rects[0];
    if (box && words.includes(text))
      return { x: box.left + Math.min(20, box.width / 2), y: box.top + box.height / 2 };
  }
  return null;
}

/** Chromium: a point on the highlight whose words contain `text`. */
export async function pointOnHighlightIn(
  page: PlaywrightPage,
  text: string,
): Promise<{ x: number; y: number } | null> {
  return pointOnMark(await marksByDevTools(page), text, (marks) =>
    page.evaluate(textUnderMarks, { marks, kinds: COLOUR_KINDS }),
  );
}

/**
 * Runs in a frame: the note frame's text and whether its editor has the caret; null in any other frame
 * (Firefox over BiDi may not report a frame's address, so each frame is asked).
 */
export function noteFrameState(): { text: string; editing: boolean } | null {
  if (location.pathname !== '/annotator-frame.html') return null;
  return { text: document.body.innerText, editing: document.activeElement?.tagName === 'TEXTAREA' };
}

/** Chromium: the text of the annotator's note frame (the hover tip or the editor), or null when it has none. */
export async function noteFrameText(page: PlaywrightPage): Promise<string | null> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/annotator-frame.html'));
  if (!frame) return null;
  return (await frame.evaluate(noteFrameState).catch(() => null))?.text ?? null;
}

/**
 * Runs in the web page: where a reader puts the mouse down and lets go to select the first occurrence of
 * `text` (within one text node): just inside its first and its last character, on the middle of their line.
 */
export function passageEnds(
  text: string,
): { from: { x: number; y: number }; to: { x: number; y: number } } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const first = range.getBoundingClientRect();
    range.setStart(node, at + text.length - 1);
    range.setEnd(node, at + text.length);
    const last = range.getBoundingClientRect();
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }
  return null;
}

/**
 * The hostile-page suites (hostile-chromium.test.ts, hostile-firefox.test.ts): two blogs on one shared
 * host, which the Public Suffix List says are two sites (blogspot.com is a private suffix), mapped to
 * the fixture server by the browsers. Alice's page carries the reader's notes and a third-party script that
 * logs keys; Bob's copies her article and names it as its canonical address.
 */
export const HOSTILE_HOST = 'blogspot.com';
export const VICTIM_PATH = '/2026/03/harbor-bridge.html';
export const SIBLING_PATH = '/2026/03/harbor-bridge-copy.html';
export const CLOBBERING_PATH = '/hostile/clobbering.html';
export const CLEANING_PATH = '/hostile/cleaning.html';

/** What the keylogger of a page saw: `type:key-or-data` for every key and input event on its window. */
const KEYLOGGER = `<script>
window.__keysSeen = [];
for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionend', 'paste'])
  window.addEventListener(type, (event) => window.__keysSeen.push(type + ':' + (event.key ?? event.data ?? '')), true);
</script>`;

/** Alice's article, as she publishes it, with a third-party script that logs every key. */
export function victimArticle(victimUrl: string): string {
  return notesArticle('original', victimUrl).replace('</head>', `${KEYLOGGER}</head>`);
}

/** Bob's copy of Alice's article, naming her address as its canonical one. */
export function siblingCopy(victimUrl: string): string {
  return notesArticle('original', victimUrl).replace('<title>', '<title>Copy: ');
}

/**
 * The article with DOM clobbering: its paragraphs in a form with an input named `tagName` (so
 * `form.tagName` is that input), and an image named `createElement` (so `document.createElement` is
 * that image, in every script world).
 */
export function clobberingArticle(): string {
  return notesArticle('original', CLOBBERING_PATH)
    .replace(
      '<p class="byline">',
      '<img name="createElement" alt=""><form id="comments"><input name="tagName" type="hidden"><p class="byline">',
    )
    .replace('</article>', '</form></article>');
}

/** The article with a script that removes every element of a kind it does not know, as soon as it appears. */
export function cleaningArticle(): string {
  const cleaner = `<script>
const KNOWN = new Set('html head body title meta link style script header nav main article footer h1 h2 p a em strong span div img br'.split(' '));
new MutationObserver((records) => {
  for (const record of records)
    for (const node of record.addedNodes)
      if (node.nodeType === 1 && !KNOWN.has(node.localName)) node.remove();
}).observe(document.documentElement, { childList: true, subtree: true });
</script>`;
  return notesArticle('original', CLEANING_PATH).replace('</head>', `${cleaner}</head>`);
}

/** Runs in the web page, as its own scripts would: every range in `CSS.highlights`, as text. */
export function pageReadsHighlightRegistry(): string[] {
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } })
    .CSS?.highlights;
  const texts: string[] = [];
  for (const [name, highlight] of registry ?? [])
    for (const range of highlight) texts.push(`${name}: ${(range as Range).toString()}`);
  return texts;
}

/** Runs in the web page: `window.find()` for each text (it searches closed shadow roots too); the ones found. */
export function pageFinds(texts: string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    window.getSelection()?.removeAllRanges();
    const finder = window as unknown as {
      find(text: string, caseSensitive?: boolean, backwards?: boolean, wrap?: boolean): boolean;
    };
    if (finder.find(text, false, false, true)) found.push(text);
  }
  window.getSelection()?.removeAllRanges();
  return found;
}

/**
 * Runs in the web page: synthetic pointer moves and clicks on the passage, then `window.find()` for the
 * note (the attack of finding 1: make the hover tip show the note, read it through find()).
 */
export async function pageHoversAndClicks(arg: { passage: string; note: string[] }): Promise<string[]> {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let point: { x: number; y: number; target: Element } | null = null;
  for (let node = walker.nextNode() as Text | null; node && !point; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(arg.passage);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + arg.passage.length);
    const rect = range.getClientRects()[0]!;
    point = {
      x: rect.left + Math.min(30, rect.width / 2),
      y: rect.top + rect.height / 2,
      target: node.parentElement!,
    };
  }
  if (!point) throw new Error(`no "${arg.passage}" in the page`);
  const { x, y, target } = point;
  const init = { clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true, view: window };
  for (const type of ['pointermove', 'mousemove', 'mouseover'])
    target.dispatchEvent(
      type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init),
    );
  window.dispatchEvent(new MouseEvent('mousemove', init));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const found: string[] = [];
  for (const text of arg.note) {
    window.getSelection()?.removeAllRanges();
    if ((window as unknown as { find(text: string): boolean }).find(text)) found.push(text);
  }
  for (const type of ['mousedown', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, init));
  window.getSelection()?.removeAllRanges();
  return found;
}

/**
 * Runs in the web page: the attack of finding 2. Select the passage by script, send a synthetic mouseup
 * and keyup, then the toolbar's keys (`keys`: H, N, C, K) each followed by `execCommand('insertText')`, as a
 * page can.
 */
export async function pageActsForReader(arg: { passage: string; keys: string[] }): Promise<void> {
  const { passage, keys } = arg;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(passage);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + passage.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getClientRects()[0]!;
    const init = {
      clientX: rect.right - 2,
      clientY: rect.top + 2,
      bubbles: true,
      cancelable: true,
      composed: true,
      view: window,
    };
    node.parentElement!.dispatchEvent(new MouseEvent('mouseup', init));
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (const key of keys) {
      for (const target of [document.activeElement ?? document.body, document, window])
        target.dispatchEvent(
          new KeyboardEvent('keydown', {
            key,
            code: `Key${key.toUpperCase()}`,
            bubbles: true,
            cancelable: true,
            composed: true,
          }),
        );
      await new Promise((resolve) => setTimeout(resolve, 150));
      document.execCommand('insertText', false, 'Words of the page’s choosing');
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    return;
  }
  throw new Error(`no "${passage}" in the page`);
}

/** Runs in the web page: whether any of the texts is anywhere in the page's DOM (open shadow roots included). */
export function pageDomContains(texts: string[]): string[] {
  const seen: string[] = [];
  const visit = (root: Document | ShadowRoot | Element, into: string[]) => {
    into.push(
      root instanceof Document ? root.documentElement.outerHTML : ((root as Element).innerHTML ?? ''),
    );
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot, into);
  };
  const html: string[] = [];
  visit(document, html);
  const all = html.join('\n') + document.body.innerText;
  for (const text of texts) if (all.includes(text)) seen.push(text);
  return seen;
}

/**
 * Runs in the web page: embed Scrutiny's note frame itself (it is web-accessible) with a token of the
 * page's making, hand it a channel as the annotator would, and ask it for the editor. What it answered.
 */
export async function pageDrivesNoteFrame(frameUrl: string): Promise<string[]> {
  const token = 'ab'.repeat(16);
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${frameUrl}#${token}`;
  document.body.append(frame);
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 3000))]);
  const channel = new MessageChannel();
  const heard: string[] = [];
  channel.port1.onmessage = (event) => heard.push(JSON.stringify(event.data));
  frame.contentWindow?.postMessage({ type: 'scrutiny/frame-hello', token }, '*', [channel.port2]);
  channel.port1.postMessage({ type: 'edit', draft: '', colour: 'yellow' });
  channel.port1.postMessage({ type: 'tip', note: 'Page text' });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  frame.remove();
  return heard;
}
