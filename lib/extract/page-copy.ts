/**
 * The private copy of a page that extraction works on, made within a budget. Readability and the
 * metadata readers cost time that grows faster than the page (Readability alone took 39 s on a 25 MB
 * page in Chromium, in one task that froze the tab), so the copy holds at most a budget of text and
 * elements and is cut where the budget runs out. In the page, the copy is made in slices of a few
 * milliseconds with pauses between them, so the tab keeps answering its reader while it is made.
 */
import { blockText } from './text';
import { builtIn, callBuiltIn } from './guard';

export interface CopyBudget {
  /** Characters of text (outside scripts and style sheets) copied at most; the copy is cut there. */
  maxTextChars: number;
  /** Elements copied at most; the copy is cut before the first one over. */
  maxElements: number;
  /** Elements nested deeper than this are copied as their text (Readability recurses on depth). */
  maxDepth: number;
  /** Elements left out of the copy with everything in them (lower-case names). */
  leaveOut: ReadonlySet<string>;
}

/**
 * Text a page copy holds at most: more than any article page of the Zyte benchmark has in all (91,000
 * characters at most, whitespace included), and less than the analysis reads at most
 * (MAX_ANALYZED_CHARACTERS, 200,000 in lib/analyze), so the article read from a cut page can still be
 * analysed.
 */
export const PAGE_TEXT_BUDGET = 180_000;

/**
 * Elements a page copy holds at most: twenty times the most an article page of the Zyte benchmark
 * has (1,737), and few enough for Readability to go through in well under a second.
 */
export const PAGE_ELEMENT_BUDGET = 30_000;

/** The budget of the copy the extension reads in the page. */
export const PAGE_COPY_BUDGET: CopyBudget = {
  maxTextChars: PAGE_TEXT_BUDGET,
  maxElements: PAGE_ELEMENT_BUDGET,
  maxDepth: 400,
  // Readability removes style sheets first thing, and copying one makes the browser parse its CSS again.
  leaveOut: new Set(['style']),
};

/** Where a copy was cut because the page is larger than the budget. */
export interface CopyCut {
  /** Characters of text the copy holds (outside scripts and style sheets). */
  readChars: number;
}

export interface PageCopy {
  copy: Document;
  /** How many subtrees deeper than the budget's maxDepth were replaced by their text. */
  flattened: number;
  /** Set when the page did not fit the budget: the copy holds its beginning only. */
  cut: CopyCut | null;
}

/** What the copy keeps of <head>: metadata (and JSON-LD, which is a <script>). */
const HEAD_KEEPS = new Set(['title', 'meta', 'link', 'base']);
/** Elements whose text is code or style, not writing: it does not count against the text budget. */
const NOT_WRITING = new Set(['script', 'style', 'noscript', 'template']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** How many nodes are copied between two looks at the clock (reading the clock costs time too). */
const NODES_PER_CLOCK_CHECK = 64;

/** An element being copied, whose children are being copied into `clone`. */
interface OpenElement {
  clone: Node;
  /** The element is <head>: only metadata is copied from it. */
  isHead: boolean;
  /** The element is (inside) a script, style sheet or the like: its text is code, not writing. */
  inCode: boolean;
}

/**
 * Copies a document node by node, without changing it, and can stop and go on later: `copySome`
 * copies until told that time is up. Walks the original with a TreeWalker, one node per step (the
 * body of a big page can have 50,000 children; listing them would be one long step), and reads it
 * through the DOM's own properties, past any DOM clobbering (a form's firstChild or nextSibling can be
 * clobbered into one of its own controls). A page script may change the page between two slices; the
 * copy then mixes the before and the after, which is fine for reading.
 */
export class PageCopier {
  readonly copy: Document;
  private readonly budget: CopyBudget;
  private readonly walker: TreeWalker;
  private readonly head: Node | null;
  private readonly importNode: Document['importNode'];
  private readonly appendChild: Node['appendChild'];
  private readonly createTextNode: Document['createTextNode'];
  /** The elements the walker is inside, innermost last; the first is the document itself. */
  private readonly open: OpenElement[];
  private done: boolean;
  private textChars = 0;
  private elements = 0;
  private flattened = 0;
  private cut: CopyCut | null = null;

  constructor(doc: Document, budget: CopyBudget) {
    this.budget = budget;
    this.copy = callBuiltIn(doc, 'cloneNode', false) as Document;
    // The DOM's own methods, taken before the copy holds anything that could clobber them.
    this.importNode = builtIn(this.copy, 'importNode') as Document['importNode'];
    this.appendChild = builtIn(this.copy, 'appendChild') as Node['appendChild'];
    this.createTextNode = builtIn(this.copy, 'createTextNode') as Document['createTextNode'];
    this.walker = callBuiltIn(doc, 'createTreeWalker', doc, 0xffffffff /* SHOW_ALL */) as TreeWalker;
    this.head = builtIn(doc, 'head') as Node | null;
    this.open = [{ clone: this.copy, isHead: false, inCode: false }];
    this.done = !this.walker.firstChild();
  }

  /** Copy until done (true) or until `timeUp()` says to stop for now (false). */
  copySome(timeUp: () => boolean): boolean {
    let sinceClock = 0;
    while (!this.done) {
      if (++sinceClock >= NODES_PER_CLOCK_CHECK) {
        sinceClock = 0;
        if (timeUp()) return false;
      }
      const opened = this.copyNode(this.walker.currentNode);
      if (this.done) break;
      if (opened && this.walker.firstChild()) {
        this.open.push(opened);
        continue;
      }
      // On to the next node: the next sibling, or that of the nearest ancestor that has one.
      while (!this.walker.nextSibling()) {
        if (this.open.length === 1 || !this.walker.parentNode()) {
          this.done = true;
          break;
        }
        this.open.pop();
      }
    }
    return true;
  }

  result(): PageCopy {
    return { copy: this.copy, flattened: this.flattened, cut: this.cut };
  }

  /** Copy one node (not its children); returns the element opened when its children are to follow. */
  private copyNode(node: Node): OpenElement | null {
    const parent = this.open[this.open.length - 1]!;
    const type = builtIn(node, 'nodeType');
    if (type === TEXT_NODE && !parent.inCode) {
      this.appendText(parent.clone, (builtIn(node, 'data') as string | undefined) ?? '');
      return null;
    }
    if (type !== ELEMENT_NODE) {
      this.appendChild.call(parent.clone, this.importNode.call(this.copy, node, false));
      return null;
    }
    const name = builtIn(node, 'localName') as string;
    if (this.budget.leaveOut.has(name)) return null;
    if (parent.isHead && !HEAD_KEEPS.has(name) && !isJsonLd(node, name)) return null;
    if (this.elements >= this.budget.maxElements) {
      this.stop();
      return null;
    }
    this.elements++;
    const clone = this.appendChild.call(parent.clone, this.importNode.call(this.copy, node, false));
    // The document is open[0] and documentElement at depth 0, so this element's depth is:
    const depth = this.open.length - 1;
    if (depth >= this.budget.maxDepth && this.hasElementChildren(node)) {
      this.appendText(clone, blockText(node));
      this.flattened++;
      return null;
    }
    return { clone, isHead: node === this.head, inCode: parent.inCode || NOT_WRITING.has(name) };
  }

  private hasElementChildren(node: Node): boolean {
    const walker = this.walker;
    let found = false;
    for (let child = walker.firstChild(); child; child = walker.nextSibling())
      if (builtIn(child, 'nodeType') === ELEMENT_NODE) {
        found = true;
        break;
      }
    walker.currentNode = node;
    return found;
  }

  /** Copy text into `parent` up to the budget; the copy stops where the budget runs out. */
  private appendText(parent: Node, text: string): void {
    const room = this.budget.maxTextChars - this.textChars;
    const kept = text.length > room ? text.slice(0, Math.max(0, room)) : text;
    if (kept) this.appendChild.call(parent, this.createTextNode.call(this.copy, kept));
    this.textChars += kept.length;
    if (kept.length < text.length) this.stop();
  }

  /** The budget ran out: nothing more is copied. */
  private stop(): void {
    this.done = true;
    this.cut = { readChars: this.textChars };
  }
}

function isJsonLd(node: Node, name: string): boolean {
  if (name !== 'script') return false;
  const type = callBuiltIn(node, 'getAttribute', 'type');
  return typeof type === 'string' && /ld\+json/i.test(type);
}

/** The whole copy in one go (Node, tests, and documents too deep for cloneNode). */
export function copyWithinBudget(doc: Document, budget: CopyBudget): PageCopy {
  const copier = new PageCopier(doc, budget);
  copier.copySome(() => false);
  return copier.result();
}

export interface Slicing {
  /** Milliseconds of copying between two pauses. */
  sliceMs: number;
  now: () => number;
  /** Lets the page run (its input, rendering and timers) before the next slice. */
  pause: () => Promise<void>;
}

/**
 * A pause that lets the page run whatever it has queued, and no longer: a message on a channel of our
 * own comes back as soon as that has run, where a timer in a background tab waits a second or more.
 */
export function letThePageRun(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The copy in slices of `sliceMs`, with a pause after each, so the page stays responsive. */
export async function copyInSlices(doc: Document, budget: CopyBudget, slicing: Slicing): Promise<PageCopy> {
  const copier = new PageCopier(doc, budget);
  for (;;) {
    const deadline = slicing.now() + slicing.sliceMs;
    if (copier.copySome(() => slicing.now() >= deadline)) return copier.result();
    await slicing.pause();
  }
}
