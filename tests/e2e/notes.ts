/**
 * Shared by the Chromium and Firefox suites for highlights and notes: one article in three versions
 * (as first read, edited by its outlet, with an annotated passage gone), and functions that run in the
 * article page (page.evaluate) to select text as a reader would and to read what the extension drew.
 */

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

/** Runs in the page: the highlights the extension drew, by colour, in reading order within each colour. */
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

/** Runs in the page: the viewport point at the middle of the first highlighted passage containing `text`. */
export function pointOnHighlight(text: string): { x: number; y: number } | null {
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } })
    .CSS?.highlights;
  for (const [name, highlight] of registry ?? []) {
    if (!name.startsWith('scrutiny-')) continue;
    for (const range of highlight) {
      if (!(range as Range).toString().includes(text)) continue;
      const rect = (range as Range).getClientRects()[0];
      if (rect) return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/** Runs in the page: whether the annotator's host element is in the page (its toolbar, editor or tip is up). */
export function annotatorShown(): boolean {
  return document.querySelector('scrutiny-annotator') !== null;
}
