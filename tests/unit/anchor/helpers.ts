/** Pages and selections for the lib/anchor tests (jsdom, with its style cascade). */
import { JSDOM } from 'jsdom';
import type { PassageSelectors } from '../../../lib/annotations/types';
import { anchorRootFor, describeRange } from '../../../lib/anchor/highlights';
import { normalizeForMatch } from '../../../lib/anchor/normalize';
import { rangeOfText, readVisibleText } from '../../../lib/anchor/text';

/** A page whose body holds `html`. */
export const page = (html: string): Document =>
  new JSDOM(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`).window.document;

/** The Range of the `occurrence`-th appearance of `text` in the page's visible text (whitespace aside). */
export function select(document: Document, text: string, occurrence = 0): Range {
  const visible = readVisibleText(document.body);
  const wanted = normalizeForMatch(text);
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    at = visible.text.indexOf(wanted, at + 1);
    if (at === -1) throw new Error(`"${text}" (${occurrence}) is not in the page`);
  }
  return rangeOfText(visible, at, at + wanted.length)!;
}

/** What the annotator stores for a selection: the root it picks, then describeRange. */
export function describe(document: Document, text: string, occurrence = 0): PassageSelectors {
  const range = select(document, text, occurrence);
  return describeRange(anchorRootFor(document, range), range);
}

/** The element a range starts in. */
export const startElement = (range: Range | null | undefined): Element | null => {
  const node = range?.startContainer;
  return node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
};

/** The id of the nearest element with one around the range's start. */
export const startId = (range: Range | null | undefined) => startElement(range)?.closest('[id]')?.id ?? null;

/** Sentences of a plausible local news story, long enough for the article root to be found. */
export const STORY = {
  lead: 'The city council met on Tuesday evening to debate the transit budget for the coming year.',
  buses:
    'After three hours of debate, the council approved 12 new electric buses for the northern routes, officials said.',
  critics:
    'Critics argued that the plan was too expensive and poorly timed, and called for an independent review.',
  mayor: '“We cannot keep asking families to wait,” Mayor Ana Ruiz told reporters after the vote.',
  cost: 'The buses will cost $14.2 million over the next four years, according to a budget document.',
  residents: 'Residents of Northgate have complained for years about late and crowded buses.',
  next: 'The budget still needs the approval of the regional transit authority, which meets again in March.',
};

/** The story as an article page with a menu and footer around it; `paragraphs` replace the default body. */
export function storyPage(paragraphs?: string[]): Document {
  const body = paragraphs ?? [
    `<p id="p1">${STORY.lead}</p>`,
    `<p id="p2">${STORY.buses} ${STORY.critics}</p>`,
    `<p id="p3">${STORY.mayor}</p>`,
    `<p id="p4">${STORY.cost} ${STORY.residents}</p>`,
    `<p id="p5">${STORY.next}</p>`,
  ];
  return page(`
    <header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/politics">Politics</a></nav></header>
    <main>
      <article id="story">
        <h1>Council approves new buses</h1>
        ${body.join('\n        ')}
      </article>
      <aside id="most-read"><h2>Most read</h2><ol><li id="mr1">Harbour board delays vote on expansion</li></ol></aside>
    </main>
    <footer><p>© 2026 The Daily Example</p></footer>`);
}
