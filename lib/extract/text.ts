/** Plain-text helpers shared by the extraction steps. None of them touches the live page. */

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2028\u2029\uFEFF]/g;

/** Collapse every run of whitespace (NBSP and narrow NBSP included) to one space and trim. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/** Elements whose content is code, not text: dropped whole when they turn up inside metadata. */
const CODE_ELEMENTS = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** A tag or a tag cut off at the end: "<" followed by a letter, "/", "!" or "?" (so "3 < 5" stays). */
const TAG = /<[a-z/!?][^>]*>?/gi;

/**
 * Turn a metadata value into display text: metadata is text, never markup, so tags (escaped or not)
 * and script bodies are removed, control characters dropped, whitespace collapsed and the length
 * capped. Entities are decoded first, so "&lt;b&gt;" (common in JSON-LD) goes the same way as "<b>".
 */
export function metadataText(value: unknown, maxLength = 400): string {
  if (typeof value !== 'string') return '';
  let text = value.length > 20_000 ? value.slice(0, 20_000) : value;
  text = decodeBasicEntities(text);
  text = text.replace(CODE_ELEMENTS, ' ').replace(TAG, ' ').replace(CONTROL_CHARS, '');
  text = collapseWhitespace(text).replace(TAG_END_RESIDUE, '').replace(TAG_START_RESIDUE, '');
  // What is left of a broken tag ("\", "\">") names nothing.
  if (!/[\p{L}\p{N}]/u.test(text)) return '';
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

/**
 * The rest of a tag a broken attribute cut in two: `<meta content=""> The Ledger">` or a CMS that
 * escaped it (`&quot;&gt; The Ledger`) leaves `"> The Ledger`; a value cut before a tag leaves `… <`.
 */
const TAG_END_RESIDUE = /^(?:["'\\]*\s*\/?>\s*)+/;
const TAG_START_RESIDUE = /(?:\s*["']?\s*<\/?)+$/;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
};

/** JSON-LD and some CMSs store entity-escaped text; decode the common entities once. */
function decodeBasicEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Lone surrogates and NUL would make broken text; leave those references as they are.
      const valid = code > 0 && code < 0x110000 && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const LOWERCASE_PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'der',
  'den',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'y',
  'bin',
  'al',
]);

/** "JANE O'NEIL-SMITH" → "Jane O'Neil-Smith"; "MCDONALD" → "McDonald". Only used on all-caps names. */
export function titleCaseName(name: string): string {
  return name
    .toLowerCase()
    .split(' ')
    .map((word, index) => {
      if (index > 0 && LOWERCASE_PARTICLES.has(word)) return word;
      return word
        .replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())
        .replace(/^Mc(\p{L})/u, (_m, letter: string) => `Mc${letter.toUpperCase()}`);
    })
    .join(' ');
}

export function isAllCaps(value: string): boolean {
  const letters = value.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu);
  return words ? words.length : 0;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/**
 * The text of an element with a blank line between blocks and collapsed whitespace inside them.
 * Iterative, so a deeply nested tree cannot overflow the stack.
 */
export function blockText(root: Node): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = collapseWhitespace(current);
    if (text) blocks.push(text);
    current = '';
  };
  // Stack of [node, leaving] pairs: "leaving" marks the end of a block element.
  const stack: Array<[Node, boolean]> = [[root, false]];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    if (leaving) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    if (tag === 'BR') {
      current += ' ';
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      stack.push([node, true]);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  flush();
  return blocks.join('\n\n');
}

/** The first `maxLength` characters of a text, cut at a word boundary. */
export function excerptOf(text: string, maxLength = 280): string {
  const flat = collapseWhitespace(text);
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > maxLength / 2 ? lastSpace : maxLength).trimEnd()}…`;
}

/** How much of the article's opening the byline reads for a date printed under the headline. */
export const BYLINE_OPENING_CHARS = 600;
/** How much of the article's end the byline reads for contributor credits. */
export const BYLINE_CLOSING_CHARS = 3000;

/**
 * The parts of an article's text the byline reads: all of it when short, else its opening and its end.
 * Made in the page (see PageCapture.bylineText), so that the byline can be resolved without a DOM, in
 * the background as in the panel, from the same capture.
 */
export function bylineTextOf(text: string): string {
  if (text.length <= BYLINE_OPENING_CHARS + BYLINE_CLOSING_CHARS) return text;
  return `${text.slice(0, BYLINE_OPENING_CHARS)}\n${text.slice(-BYLINE_CLOSING_CHARS)}`;
}
