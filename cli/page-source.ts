/**
 * Bringing a saved page's bytes within what jsdom can parse safely and in reasonable time (Node only).
 *
 * jsdom recurses once per level whenever it inserts a node (a page nested 10,000 deep overflows the
 * stack, and 5,000 deep already takes seconds), compares every attribute of an element with every
 * other, opens a whole window for each <iframe>, and parses about a megabyte a second. So before jsdom
 * sees a page, parse5 (the parser jsdom itself uses, so the tree is the same) measures it, and the
 * source is rewritten where it would hurt. Each rewrite is reported as a warning in plain words.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { DEFAULT_LIMITS, deepMarkupWarning } from '../lib/extract/guard';
import { decodePage } from './html-dom';
import { JSONLD_MAX_BYTES, JSONLD_MAX_TOTAL_BYTES } from '../lib/extract/jsonld';

type ParsedNode = DefaultTreeAdapterTypes.Node;
type ParsedDocument = DefaultTreeAdapterTypes.Document;
type ParsedElement = DefaultTreeAdapterTypes.Element;

export interface SourceLimits {
  /**
   * Characters handed to jsdom at most, structured data (JSON-LD) aside; a larger page loses its
   * scripts, styles and the like, then its tail.
   */
  maxParsedChars: number;
  /**
   * Elements parsed at most; the page is cut before the first one over. In jsdom, metadata, Readability
   * and DOMPurify together take about half a millisecond per element, so 10,000 keeps any page under
   * 10 s on a small machine; a news article page has 1,500 to 8,000.
   */
  maxElements: number;
  /**
   * Child elements of one element at most; the page is cut before the first one over. jsdom takes
   * time linear in the number of siblings for every insertion or removal, so Readability, which
   * rewrites every <div> it keeps, takes time quadratic in it (30 s for 10,000 sibling <div>s).
   */
  maxChildren: number;
  /** Elements nested deeper than this lose their tags (their text stays). */
  maxDepth: number;
  /** Attributes kept per element (jsdom takes time quadratic in their number). */
  maxAttributes: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxParsedChars: 1024 * 1024,
  maxElements: 10_000,
  maxChildren: 2_000,
  maxDepth: DEFAULT_LIMITS.maxDepth,
  maxAttributes: 256,
};

export interface PreparedSource {
  /** The bytes to hand jsdom, in the page's own encoding. */
  bytes: Buffer;
  /** The content type to parse them as ("text/html", with a charset when the page declares none). */
  contentType: string;
  /** What was changed to make the page safe to parse, in plain words. */
  warnings: string[];
  /** The HTML standard's tree of `bytes` as decoded for the DOM, when it was parsed already. */
  parsed?: ParsedDocument;
}

export interface PrepareOptions {
  limits?: Partial<SourceLimits>;
  /** Parse a standalone XML document (an RSS feed, say) as XML; false to force HTML. */
  allowXml?: boolean;
  /** Leave out every <style>: jsdom throws on some style sheets, and extraction never needs them. */
  dropStyles?: boolean;
}

/** The rewrites failed to bring the markup within limits (never seen; the last resort). */
export class UnreadableMarkupError extends Error {}

/**
 * The page as text, in a form where byte positions and character positions agree, so it can be
 * rewritten and turned back into the same bytes. Every encoding a saved page realistically uses keeps
 * `<`, `>`, quotes and tag names as single ASCII bytes, except UTF-16; so UTF-16 (recognised by its
 * byte-order mark, as browsers do) is decoded, and everything else is read byte for byte as latin1.
 */
interface SourceText {
  text: string;
  toBytes: (text: string) => Buffer;
  /** Decoded from UTF-16, so the result carries its own byte-order mark and needs no charset. */
  isUtf16: boolean;
}

const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);

function sourceTextOf(bytes: Buffer): SourceText {
  const isLittleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
  const isBigEndian = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!isLittleEndian && !isBigEndian) {
    return { text: bytes.toString('latin1'), toBytes: (text) => Buffer.from(text, 'latin1'), isUtf16: false };
  }
  let body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
  if (isBigEndian) body = body.swap16();
  return {
    text: body.toString('utf16le'),
    toBytes: (text) => Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')]),
    isUtf16: true,
  };
}

const megabytes = (count: number) => `${(count / 1024 / 1024).toFixed(1)} MB`;

/** Make a saved page safe and quick for jsdom to parse. Throws only UnreadableMarkupError. */
export function prepareSource(bytes: Buffer, options: PrepareOptions = {}): PreparedSource {
  const limits = { ...DEFAULT_SOURCE_LIMITS, ...options.limits };
  const source = sourceTextOf(bytes);
  const warnings: string[] = [];
  let text = source.text;

  if (options.allowXml !== false && isStandaloneXml(text) && xmlFitsLimits(text, limits)) {
    return { bytes, contentType: 'application/xml', warnings };
  }

  // Frames always go: jsdom builds a whole window for each (1,000 empty iframes take 40 s and 2 GB),
  // and an article's text is never inside one. Cutting far past the element limit here, by counting
  // start tags, saves parse5 parsing what would be cut anyway; the exact limit is applied after
  // flattening deep markup, which can take thousands of elements away.
  const tagLimit = limits.maxElements * PRE_CUT_FACTOR;
  const light = removeMarkup(text, { frames: true, styles: options.dropStyles === true }, { tags: tagLimit });
  text = light.text;
  const preCut = light.truncated === 'tags';
  if (text.length - light.jsonLdChars <= limits.maxParsedChars) {
    if (preCut) warnings.push(elementLimitWarning(tagLimit));
  } else {
    const everything = {
      frames: true,
      styles: true,
      scripts: true,
      comments: true,
      svg: true,
      dataUrls: true,
    };
    const budgeted = removeMarkup(text, everything, { chars: limits.maxParsedChars });
    text = budgeted.text;
    const size = megabytes(bytes.length);
    const budget = megabytes(limits.maxParsedChars);
    const leftOut = 'its scripts, style sheets, comments, inline SVG and embedded images';
    warnings.push(
      budgeted.truncated === 'chars'
        ? `This page is ${size}, more than Scrutiny parses at once (${budget}); it left out ${leftOut}, then read only the first ${budget} of the rest, so the article text may be cut short.`
        : `This page is ${size}, more than Scrutiny parses at once (${budget}); it left out ${leftOut}, which hold no article text.`,
    );
    if (preCut && budgeted.truncated !== 'chars') warnings.push(elementLimitWarning(tagLimit));
  }

  const contentTypeOf = (result: Buffer) => (source.isUtf16 ? 'text/html' : htmlContentType(result));
  // Most pages are within the limits: they are parsed once, decoded as the DOM reads them, and that
  // tree becomes the DOM. Only a page over a limit is parsed again, with source locations (in the
  // byte-for-byte text, where the tags are where the rewrites need them), to be rewritten. Decoding
  // changes no tag: every encoding read here keeps markup characters as single ASCII bytes.
  const unchanged = source.toBytes(text);
  const unchangedType = contentTypeOf(unchanged);
  const parsed = parse(decodePage(unchanged, unchangedType), { scriptingEnabled: false });
  const report = measureTree(parsed, limits);
  if (report.tooDeep.length === 0 && report.tooManyAttributes.length === 0 && !report.overCount) {
    return {
      bytes: unchanged,
      contentType: unchangedType,
      parsed,
      warnings: finalWarnings(warnings, limits),
    };
  }

  text = limitStructure(text, limits, warnings);
  const result = source.toBytes(text);
  return { bytes: result, contentType: contentTypeOf(result), warnings: finalWarnings(warnings, limits) };
}

/** The warnings, each once; when the exact element limit cut the page, the rough cut before it goes without saying. */
function finalWarnings(warnings: string[], limits: SourceLimits): string[] {
  const exactCut = warnings.includes(elementLimitWarning(limits.maxElements));
  const roughCut = elementLimitWarning(limits.maxElements * PRE_CUT_FACTOR);
  return [...new Set(warnings)].filter((warning) => !exactCut || warning !== roughCut);
}

/**
 * "text/html", with a charset when jsdom would otherwise guess wrong. jsdom, like a browser, looks for
 * <meta charset> only in the first 1024 bytes and falls back to windows-1252, which turns every
 * non-ASCII letter into mojibake. So a declaration further down the page is passed on, and a page
 * that declares nothing but is valid UTF-8 (saved pages almost always are) is read as UTF-8.
 */
function htmlContentType(bytes: Buffer): string {
  const head = bytes.subarray(0, 1024).toString('latin1');
  // Only a tag that ends within those bytes counts: one cut at the 1,024th byte is not read there.
  if (/^\xEF\xBB\xBF/.test(head) || /<meta\b[^>]*charset[^>]*>/i.test(head)) return 'text/html';
  const declared = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(
    bytes.subarray(0, 64 * 1024).toString('latin1'),
  );
  if (declared) return `text/html; charset=${declared[1]}`;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
}

// ---------------------------------------------------------------------------------------------------
// Removing markup that extraction never needs, with a small tokenizer that knows where tags, quoted
// attribute values, comments and raw-text elements begin and end (so "<iframe>" inside an attribute
// value or a script is left alone).

interface Removals {
  frames?: boolean;
  styles?: boolean;
  scripts?: boolean;
  comments?: boolean;
  svg?: boolean;
  dataUrls?: boolean;
}

/** Elements whose content the HTML tokenizer reads as text up to their own end tag. */
const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);
/** Attribute values longer than this that start with "data:" are embedded files, emptied when large. */
const DATA_URL_KEPT_CHARS = 1024;

const isSpace = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

interface ScannedTag {
  name: string;
  /** Index just after the closing ">" (or the end of the text). */
  end: number;
  selfClosing: boolean;
  attributeCount: number;
  /** [start, end) of attribute values that are large data: URLs. */
  dataUrls: Array<[number, number]>;
  isJsonLd: boolean;
}

/** Read the tag that starts at `start` ("<name" or "</name"), honouring quoted attribute values. */
function scanTag(text: string, start: number, nameStart: number): ScannedTag {
  let i = nameStart;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '/' && text[i] !== '>') i++;
  const name = text.slice(nameStart, i).toLowerCase();
  const dataUrls: Array<[number, number]> = [];
  let isJsonLd = false;
  let selfClosing = false;
  let attributeCount = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '>') return { name, end: i + 1, selfClosing, attributeCount, dataUrls, isJsonLd };
    if (isSpace(text.charCodeAt(i)) || char === '/') {
      selfClosing = char === '/';
      i++;
      continue;
    }
    selfClosing = false;
    attributeCount++;
    const attributeStart = i;
    while (i < text.length && !isSpace(text.charCodeAt(i)) && !'/>='.includes(text[i]!)) i++;
    const attribute = text.slice(attributeStart, i).toLowerCase();
    let j = i;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (text[j] !== '=') continue;
    j++;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    const quote = text[j];
    let valueStart: number;
    let valueEnd: number;
    if (quote === '"' || quote === "'") {
      valueStart = j + 1;
      const close = text.indexOf(quote, valueStart);
      valueEnd = close < 0 ? text.length : close;
      i = close < 0 ? text.length : close + 1;
    } else {
      valueStart = j;
      while (j < text.length && !isSpace(text.charCodeAt(j)) && text[j] !== '>') j++;
      valueEnd = j;
      i = j;
    }
    if (attribute === 'type' && /^\s*application\/ld\+json/i.test(text.slice(valueStart, valueEnd)))
      isJsonLd = true;
    if (
      valueEnd - valueStart > DATA_URL_KEPT_CHARS &&
      text.slice(valueStart, valueStart + 5).toLowerCase() === 'data:'
    ) {
      dataUrls.push([valueStart, valueEnd]);
    }
  }
  return { name, end: text.length, selfClosing, attributeCount, dataUrls, isJsonLd };
}

/** Where the end tag `</name` of a raw-text element starts, from `from` on; -1 when there is none. */
const endTagPatterns = new Map<string, RegExp>();
function rawTextEnd(text: string, name: string, from: number): number {
  let pattern = endTagPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
    endTagPatterns.set(name, pattern);
  }
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

export interface RemovedMarkup {
  text: string;
  /** Characters of JSON-LD kept in `text`: they do not count against the budget. */
  jsonLdChars: number;
  /** Which budget the text was cut at, if any. */
  truncated: 'chars' | 'tags' | null;
}

/** How much text to keep: characters (JSON-LD aside) and start tags. */
interface MarkupBudget {
  chars?: number;
  tags?: number;
}

/** The first, cheap cut by start tags keeps this many times the element limit. */
const PRE_CUT_FACTOR = 4;

function elementLimitWarning(maxElements: number): string {
  return `This page has more than ${maxElements.toLocaleString('en')} elements; Scrutiny read only the part before that, so the article text may be cut short.`;
}

/**
 * The text with the chosen kinds of markup removed, and cut where it exceeds the budget: at the text
 * position past `budget.chars` characters, or before the start tag past `budget.tags`. JSON-LD blocks
 * (up to what lib/extract/jsonld.ts reads) do not count against the budget: they are cheap to parse
 * and hold the byline. Linear in the length of the text.
 */
export function removeMarkup(text: string, remove: Removals, budget: MarkupBudget = {}): RemovedMarkup {
  const maxChars = budget.chars ?? Infinity;
  const maxTags = budget.tags ?? Infinity;
  let tags = 0;
  const kept: string[] = [];
  let keptFrom = 0;
  let removedChars = 0;
  let jsonLdChars = 0;
  let truncated: RemovedMarkup['truncated'] = null;
  const cut = (start: number, end: number) => {
    if (start > keptFrom) kept.push(text.slice(keptFrom, start));
    const from = Math.max(start, keptFrom);
    if (end > from) removedChars += end - from;
    keptFrom = Math.max(keptFrom, end);
  };
  /** Nesting depth inside an <svg> being removed, and where it started. */
  let svgDepth = 0;
  let svgStart = 0;
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<', i);
    // Where the output would reach the budget; only text lies between `i` and `open`, so cutting
    // there cuts text, never a tag, a comment or the content of a raw-text element.
    const limitAt = maxChars + removedChars + jsonLdChars;
    if (svgDepth === 0 && (open < 0 ? text.length : open) > limitAt) {
      cut(Math.max(i, Math.floor(limitAt)), text.length);
      truncated = 'chars';
      break;
    }
    if (open < 0) break;
    const next = text.charCodeAt(open + 1);
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      const end = close < 0 ? text.length : close + 3;
      if (remove.comments && svgDepth === 0) cut(open, end);
      i = end;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      // Doctype, CDATA or a bogus comment: up to the next ">".
      const close = text.indexOf('>', open);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    const isEndTag = next === 0x2f; /* / */
    if (!isAsciiLetter(text.charCodeAt(open + (isEndTag ? 2 : 1)))) {
      i = open + 1;
      continue;
    }
    const tag = scanTag(text, open, open + (isEndTag ? 2 : 1));
    i = tag.end;
    if (isEndTag) {
      if (tag.name === 'svg' && svgDepth > 0 && --svgDepth === 0) cut(svgStart, tag.end);
      continue;
    }
    if (svgDepth > 0) {
      if (tag.name === 'svg' && !tag.selfClosing) svgDepth++;
      continue;
    }
    if (++tags > maxTags) {
      cut(open, text.length);
      truncated = 'tags';
      break;
    }
    if (tag.name === 'plaintext') break; // everything after it is text
    if (tag.name === 'frame' && remove.frames) {
      cut(open, tag.end);
      continue;
    }
    if (tag.name === 'svg' && remove.svg) {
      if (tag.selfClosing) cut(open, tag.end);
      else {
        svgDepth = 1;
        svgStart = open;
      }
      continue;
    }
    if (!RAW_TEXT_ELEMENTS.has(tag.name)) {
      if (remove.dataUrls) for (const [start, end] of tag.dataUrls) cut(start, end);
      continue;
    }
    const contentEnd = rawTextEnd(text, tag.name, tag.end);
    const elementEnd = contentEnd < 0 ? text.length : scanTag(text, contentEnd, contentEnd + 2).end;
    if ((tag.name === 'iframe' && remove.frames) || (tag.name === 'style' && remove.styles)) {
      cut(open, elementEnd);
    } else {
      if (remove.dataUrls) for (const [start, end] of tag.dataUrls) cut(start, end);
      const content = (contentEnd < 0 ? text.length : contentEnd) - tag.end;
      if (tag.name === 'script' && tag.isJsonLd) {
        if (content <= JSONLD_MAX_BYTES && jsonLdChars + content <= JSONLD_MAX_TOTAL_BYTES) {
          jsonLdChars += content;
        }
      } else if (tag.name === 'script' && remove.scripts) {
        cut(tag.end, tag.end + content);
      }
    }
    i = elementEnd;
  }
  if (svgDepth > 0) cut(svgStart, text.length);
  if (keptFrom === 0) return { text, jsonLdChars, truncated };
  if (keptFrom < text.length) kept.push(text.slice(keptFrom));
  return { text: kept.join(''), jsonLdChars, truncated };
}

// ---------------------------------------------------------------------------------------------------
// Depth, attribute and element limits, measured with parse5 on exactly the tree jsdom would build.

/** Elements whose content is text to the tokenizer: removing only their tags would turn it into markup. */
const TEXT_CONTENT_ELEMENTS = new Set([...RAW_TEXT_ELEMENTS, 'plaintext']);
const MAX_REWRITE_ROUNDS = 4;

interface StructureReport {
  /** Elements nested deeper than the limit. */
  tooDeep: ParsedElement[];
  /** Elements with more attributes than the limit. */
  tooManyAttributes: ParsedElement[];
  /** Where to cut the page: before the first element over the element or the children limit. */
  cutAt: { offset: number; warning: string } | null;
  /** Whether any element is over the element or the children limit (located or not). */
  overCount: boolean;
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

function childrenOf(node: ParsedNode): ParsedNode[] {
  const children: ParsedNode[] = 'childNodes' in node ? [...node.childNodes] : [];
  // Template contents are a separate fragment in the DOM, but jsdom inserts them just the same.
  if ('content' in node && node.content) children.push(...node.content.childNodes);
  return children;
}

function measureStructure(text: string, limits: SourceLimits): StructureReport {
  return measureTree(parse(text, { scriptingEnabled: false, sourceCodeLocationInfo: true }), limits);
}

/** What is over the limits in a parsed tree; offsets only where the tree was parsed with locations. */
function measureTree(document: ParsedDocument, limits: SourceLimits): StructureReport {
  const report: StructureReport = { tooDeep: [], tooManyAttributes: [], cutAt: null, overCount: false };
  const cutBefore = (element: ParsedElement, warning: string) => {
    report.overCount = true;
    // Elements the parser made up (no location) cannot be cut before; the next located one can.
    const offset = element.sourceCodeLocation?.startOffset;
    if (offset !== undefined && offset > 0 && (!report.cutAt || offset < report.cutAt.offset)) {
      report.cutAt = { offset, warning };
    }
  };
  let elements = 0;
  // [node, depth of the node if it is an element]; <html> is depth 0, as in lib/extract/guard.ts.
  const pending: Array<[ParsedNode, number]> = childrenOf(document)
    .reverse()
    .map((node) => [node, 0]);
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (!('tagName' in node)) continue;
    if (++elements > limits.maxElements) cutBefore(node, elementLimitWarning(limits.maxElements));
    if (depth > limits.maxDepth) report.tooDeep.push(node);
    if (node.attrs.length > limits.maxAttributes) report.tooManyAttributes.push(node);
    const children = childrenOf(node);
    let elementChildren = 0;
    for (const child of children) {
      if ('tagName' in child && ++elementChildren > limits.maxChildren) {
        cutBefore(
          child,
          `This page has more than ${limits.maxChildren.toLocaleString('en')} elements side by side in one place; Scrutiny read only the first ${limits.maxChildren.toLocaleString('en')}, so the article text may be cut short.`,
        );
        break;
      }
    }
    for (let index = children.length - 1; index >= 0; index--) pending.push([children[index]!, depth + 1]);
  }
  return report;
}

/**
 * Source ranges to delete: the tags of elements nested too deep (their text stays where it was, in the
 * nearest shallow enough ancestor), whole elements whose content would otherwise be read as markup,
 * and the attributes past the limit.
 */
function rangesToDelete(report: StructureReport, limits: SourceLimits): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const element of report.tooDeep) {
    const location = element.sourceCodeLocation;
    if (!location) continue; // an element the parser made up has no tags to delete
    if (element.namespaceURI === HTML_NAMESPACE && TEXT_CONTENT_ELEMENTS.has(element.tagName)) {
      ranges.push([location.startOffset, location.endTag?.endOffset ?? location.endOffset]);
      continue;
    }
    if (location.startTag) ranges.push([location.startTag.startOffset, location.startTag.endOffset]);
    if (location.endTag) ranges.push([location.endTag.startOffset, location.endTag.endOffset]);
  }
  for (const element of report.tooManyAttributes) {
    const attributes = element.sourceCodeLocation?.attrs;
    if (!attributes) continue;
    for (const attribute of element.attrs.slice(limits.maxAttributes)) {
      const range = attributes[attribute.name];
      if (range) ranges.push([range.startOffset, range.endOffset]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function deleteRanges(text: string, ranges: Array<[number, number]>): string {
  const kept: string[] = [];
  let keptFrom = 0;
  for (const [start, end] of ranges) {
    // Overlaps come from elements the parser cloned (they share their tags); delete each range once.
    if (start < keptFrom) continue;
    kept.push(text.slice(keptFrom, start));
    keptFrom = end;
  }
  kept.push(text.slice(keptFrom));
  return kept.join('');
}

/** The earliest source offset among elements over a limit, to cut the page there as a last resort. */
function firstOffending(report: StructureReport): number | null {
  const offsets = [...report.tooDeep, ...report.tooManyAttributes]
    .map((element) => element.sourceCodeLocation?.startOffset)
    .filter((offset): offset is number => offset !== undefined);
  return offsets.length > 0 ? Math.min(...offsets) : null;
}

/**
 * Rewrite the text until parse5 finds nothing over the limits. Deleting tags can change how the rest
 * parses (a deleted <svg> changes what its content means), so each round is measured again; after
 * two rounds of deleting, the page is cut before the first element still over a limit.
 */
function limitStructure(text: string, limits: SourceLimits, warnings: string[]): string {
  const notes = new Set<string>();
  for (let round = 0; ;) {
    const report = measureStructure(text, limits);
    if (report.tooDeep.length === 0 && report.tooManyAttributes.length === 0) {
      // Only now cut at the element and children limits: flattening can take elements away.
      if (!report.cutAt || report.cutAt.offset >= text.length) break;
      text = text.slice(0, report.cutAt.offset);
      notes.add(report.cutAt.warning);
      continue;
    }
    if (report.tooDeep.length > 0) notes.add(deepMarkupWarning(limits.maxDepth));
    if (report.tooManyAttributes.length > 0) {
      notes.add(
        `Some elements of this page carry more than ${limits.maxAttributes} attributes; Scrutiny ignored the rest of them.`,
      );
    }
    const cutAt = firstOffending(report);
    if (round >= MAX_REWRITE_ROUNDS || (round >= 2 && cutAt === null)) {
      throw new UnreadableMarkupError(
        `its markup is nested more than ${limits.maxDepth} levels deep in a way Scrutiny cannot flatten safely`,
      );
    }
    if (round < 2) text = deleteRanges(text, rangesToDelete(report, limits));
    else {
      text = text.slice(0, cutAt!);
      notes.add('Scrutiny read this page only up to the markup it could not flatten.');
    }
    round++;
  }
  warnings.push(...notes);
  return text;
}

// ---------------------------------------------------------------------------------------------------
// Standalone XML documents (feeds, sitemaps saved as .html): parsed as XML they have no <body>, which
// is the honest answer; parsed as HTML their tags would run together into one "article".

function isStandaloneXml(text: string): boolean {
  const start = text.replace(/^(?:\uFEFF|\xEF\xBB\xBF)/, '').trimStart();
  if (!start.startsWith('<?xml')) return false;
  // The root element, after the prolog's processing instructions, comments and doctype.
  const root =
    /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<([A-Za-z_][\w.:-]*)/.exec(
      start.slice(0, 64 * 1024),
    );
  return root !== null && root[1]!.toLowerCase() !== 'html';
}

/**
 * Whether an XML text is within the limits, so jsdom may parse it as it is: XML leaves no doubt about
 * nesting, so counting tags is exact. Frames send it down the HTML path, which removes them.
 */
function xmlFitsLimits(text: string, limits: SourceLimits): boolean {
  if (text.length > limits.maxParsedChars || /<(?:iframe|frame)[\s/>]/i.test(text)) return false;
  let depth = 0;
  let elements = 0;
  let i = 0;
  const skipTo = (terminator: string, from: number) => {
    const close = text.indexOf(terminator, from);
    return close < 0 ? text.length : close + terminator.length;
  };
  while (i < text.length) {
    const open = text.indexOf('<', i);
    if (open < 0) break;
    if (text.startsWith('<!--', open)) i = skipTo('-->', open + 4);
    else if (text.startsWith('<![CDATA[', open)) i = skipTo(']]>', open + 9);
    else if (text.startsWith('<?', open)) i = skipTo('?>', open + 2);
    else if (text.startsWith('<!', open)) {
      // A doctype, with an internal subset in brackets when "[" comes before the first ">".
      const bracket = text.indexOf('[', open);
      const close = text.indexOf('>', open);
      i = bracket >= 0 && bracket < close ? skipTo(']', bracket) : skipTo('>', open);
    } else if (text[open + 1] === '/') {
      depth--;
      i = skipTo('>', open + 2);
    } else {
      const tag = scanTag(text, open, open + 1);
      if (tag.attributeCount > limits.maxAttributes || ++elements > limits.maxElements) return false;
      if (!tag.selfClosing && ++depth > limits.maxDepth + 1) return false;
      i = tag.end;
    }
  }
  return true;
}
