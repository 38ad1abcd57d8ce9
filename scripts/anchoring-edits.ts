/**
 * The edit generator for re-anchoring: a long generated news article with highlights at random
 * passages, edited the ways real pages change between two visits, with the true place of every passage
 * known afterwards (or known to be gone). Deterministic: everything comes from one seeded PRNG.
 *
 * The article is a model (blocks → sentences → words, every word with an id), rendered to HTML with the
 * page around it (menu, "most read" box, footer, hidden and script text). Edits change the model; after
 * them a passage's true place is the span from its first to its last surviving word, and a passage whose
 * words are all gone (deleted, rewritten) should be orphaned.
 *
 * The page side (describeSpans, locateAnchors, timeAnchoring) uses only the Document it is given, so the
 * same cases run under jsdom in the unit tests and in headless Chromium in `npm run bench`.
 */
import type { PassageSelectors } from '../lib/annotations/types';
import { anchorAll, anchorRootFor, describeRange, type AnchorMethod } from '../lib/anchor/highlights';
import { describeRangeIn } from '../lib/anchor/describe';
import { normalizeForMatch } from '../lib/anchor/normalize';
import { rangeOfText, readVisibleText, textIndexOfPoint, type VisibleText } from '../lib/anchor/text';

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, and the same sequence in Node and in the page. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as Array<[T, number]>;
    let roll = this.next() * entries.reduce((total, [, weight]) => total + weight, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary and sentences

const FIRST_NAMES = [
  'Maria',
  'James',
  'Aisha',
  'Tomás',
  'Priya',
  'Daniel',
  'Olena',
  'Kwame',
  'Sofia',
  'Hiroshi',
  'Fatima',
  'Liam',
  'Ingrid',
  'Mateo',
  'Amara',
  'Chen',
  'Rebecca',
  'Yusuf',
  'Elena',
  'Samuel',
];
const LAST_NAMES = [
  'Alvarez',
  'Whitfield',
  'Okafor',
  'Lindqvist',
  'Ramanathan',
  'Kowalski',
  'Haddad',
  'Brennan',
  'Nakamura',
  'Osei',
  'Delacroix',
  'Moreno',
  'Petrov',
  'Achterberg',
  'Mensah',
  'Fitzgerald',
  'Castellano',
  'Varga',
  'Holloway',
  'Sato',
];
const ROLES = [
  'the mayor',
  'the finance director',
  'a council member',
  'the transport commissioner',
  'who chairs the residents’ association',
  'a spokeswoman for the utility',
  'the city’s chief economist',
  'the union’s regional secretary',
  'a professor of urban planning',
  'the governor’s chief of staff',
];
const ORGANIZATIONS = [
  'the city council',
  'the regional transit authority',
  'the Ministry of Finance',
  'the harbour board',
  'the water utility',
  'the teachers’ union',
  'the chamber of commerce',
  'the state auditor',
  'the housing agency',
  'the university hospital',
];
const PLACES = [
  'Northgate',
  'the river district',
  'Eastfield',
  'the old harbour',
  'Millbrook',
  'the university quarter',
  'Southmoor',
  'Linden Park',
  'the industrial estate',
  'Westbury',
];
const ITEMS = [
  'electric buses',
  'affordable homes',
  'classrooms',
  'hospital beds',
  'bike lanes',
  'street lights',
  'charging stations',
  'apprenticeships',
  'flood barriers',
  'rail cars',
];
const TOPICS = [
  'transit budget',
  'housing plan',
  'water rate increase',
  'school merger',
  'harbour expansion',
  'tax reform',
  'parking overhaul',
  'hospital contract',
  'flood defence programme',
  'pension deal',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ADJECTIVES = [
  'expensive',
  'overdue',
  'ambitious',
  'risky',
  'popular',
  'unworkable',
  'modest',
  'unfair',
  'necessary',
  'premature',
  'vague',
  'generous',
];
const SOURCES = [
  'meeting minutes',
  'a budget document',
  'two people familiar with the talks',
  'a statement from the agency',
  'public records',
  'the agency’s annual report',
];
const PROBLEMS = [
  'late buses',
  'rising rents',
  'flooded basements',
  'crowded classrooms',
  'potholes',
  'noise from the port',
  'long waits at the clinic',
  'power cuts',
];
const QUOTE_LINES = [
  'We cannot keep asking families to wait',
  'This is the most important vote we will take this year',
  'Nobody told us the costs had doubled',
  'We were promised a plan, and we still do not have one',
  'The numbers simply do not add up',
  'People deserve a straight answer',
  'We will not sign anything we have not read',
  'This city has waited long enough',
];
const SUBHEADS = [
  'What happens next',
  'A long dispute',
  'The cost question',
  'Who pays',
  'Voices from the street',
  'The fine print',
  'A tight schedule',
  'Looking back',
];
const FILLER_WORDS = [
  'reportedly',
  'also',
  'largely',
  'still',
  'now',
  'new',
  'long-delayed',
  'roughly',
  'nearly',
];

/** The facts a sentence is made of; a near-duplicate changes one of them. */
interface Facts {
  person: string;
  role: string;
  org: string;
  place: string;
  item: string;
  topic: string;
  day: string;
  month: string;
  year: number;
  year2: number;
  n: number;
  n2: number;
  money: string;
  percent: number;
  adj: string;
  adj2: string;
  source: string;
  problem: string;
  line: string;
}

const FACT_KEYS = [
  'person',
  'place',
  'day',
  'month',
  'year',
  'n',
  'money',
  'percent',
  'item',
  'adj',
] as const;

function randomFacts(random: Random): Facts {
  const year = random.int(2009, 2024);
  return {
    person: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    role: random.pick(ROLES),
    org: random.pick(ORGANIZATIONS),
    place: random.pick(PLACES),
    item: random.pick(ITEMS),
    topic: random.pick(TOPICS),
    day: random.pick(DAYS),
    month: random.pick(MONTHS),
    year,
    year2: year + random.int(2, 9),
    n: random.int(3, 240),
    n2: random.int(1, 6),
    money: `$${random.int(1, 98)}.${random.int(1, 9)} million`,
    percent: random.int(2, 45),
    adj: random.pick(ADJECTIVES),
    adj2: random.pick(ADJECTIVES),
    source: random.pick(SOURCES),
    problem: random.pick(PROBLEMS),
    line: random.pick(QUOTE_LINES),
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Sentence shapes of a local news story; the same facts fit all of them (a rewrite picks another). */
const TEMPLATES: ReadonlyArray<(f: Facts) => string> = [
  (f) => `${f.person}, ${f.role}, said the ${f.topic} would cost ${f.money} over the next ${f.n2 + 2} years.`,
  (f) => `${capitalize(f.org)} approved ${f.n} new ${f.item} on ${f.day}, according to ${f.source}.`,
  (f) => `“${f.line},” ${f.person} told reporters after the meeting on ${f.day}.`,
  (f) =>
    `By ${f.month}, the number of ${f.item} in ${f.place} had risen to ${f.n}, up ${f.percent} percent from a year earlier.`,
  (f) => `Residents of ${f.place} have complained for years about ${f.problem}.`,
  (f) => `${f.person} did not respond to a request for comment on ${f.day}.`,
  (f) =>
    `The report, published by ${f.org} in ${f.month}, found that ${f.percent} percent of ${f.item} were out of service.`,
  (f) => `In ${f.place}, where about ${f.n},000 people live, the ${f.topic} has divided neighbours.`,
  (f) =>
    `Officials expect work on the ${f.topic} to begin in ${f.month} ${f.year2} and to finish within ${f.n} months.`,
  (f) =>
    `${f.person} argued that the ${f.topic} was ${f.adj} and ${f.adj2}, and called for an independent review.`,
  (f) => `Under the proposal, ${f.org} would pay ${f.money} toward ${f.n} ${f.item} in ${f.place}.`,
  (f) => `“It is ${f.adj}, and everyone in this room knows it,” said ${f.person}, ${f.role}.`,
  (f) => `The vote on the ${f.topic} was ${f.n2 + 5} to ${f.n2}, with two members absent.`,
  (f) =>
    `Last ${f.month}, ${f.org} estimated the shortfall at ${f.money}, a figure it has since revised twice.`,
  (f) =>
    `${capitalize(f.source)} show that spending on ${f.item} fell by ${f.percent} percent between ${f.year} and ${f.year2}.`,
  (f) => `${f.person} said she had raised the issue with ${f.org} as early as ${f.year}.`,
  (f) =>
    `Critics say the ${f.topic} does little for people in ${f.place}, where ${f.problem} remain the main concern.`,
  (f) => `Supporters counter that without it, the ${f.item} in ${f.place} would keep deteriorating.`,
  (f) => `The ${f.topic} still needs the approval of ${f.org}, which meets again on ${f.day}.`,
  (f) => `At a public hearing on ${f.day}, more than ${f.n} residents of ${f.place} signed up to speak.`,
  (f) =>
    `${f.person}, who has led ${f.org} since ${f.year}, is expected to present a revised plan in ${f.month}.`,
  (f) =>
    `The ${f.topic} is the largest of its kind since ${f.year}, when ${f.org} spent ${f.money} on ${f.item}.`,
  (f) => `Asked whether the ${f.topic} would go ahead, ${f.person} said: “${f.line}.”`,
  (f) => `A spokesperson for ${f.org} said the figures were ${f.adj} and would be updated by ${f.month}.`,
  (f) => `Traffic in ${f.place} has grown by ${f.percent} percent since ${f.year}, according to ${f.source}.`,
  (f) => `Several members questioned why the cost of ${f.item} had risen so quickly since ${f.year}.`,
  (f) => `${capitalize(f.org)} first proposed the ${f.topic} in ${f.month} ${f.year}.`,
  (f) => `That estimate did not include ${f.money} for ${f.item}, ${f.person} noted.`,
  (f) => `For many in ${f.place}, the debate is less about money than about ${f.problem}.`,
  (f) => `The agency plans to hire ${f.n} inspectors and open an office in ${f.place} by ${f.month}.`,
];

// ---------------------------------------------------------------------------------------------------
// The article model

type Wrap = 'em' | 'strong' | 'a';

export interface Word {
  id: number;
  text: string;
  /** Inline markup around a run of words: words with the same group share one element. */
  wrap?: { tag: Wrap; group: number };
  /** Set: the first `split` characters are in a <b> of their own ("<b>Coun</b>cil"). */
  split?: number;
  /** The whitespace written before the word in the HTML source. */
  space: ' ' | '\n        ' | '\u00a0';
}

interface Sentence {
  template: number;
  facts: Facts;
  words: Word[];
}

type BlockKind = 'p' | 'h2' | 'pull-quote' | 'blockquote' | 'li' | 'caption';

interface Block {
  id: number;
  kind: BlockKind;
  sentences: Sentence[];
  /** A <div> put around the block by an edit (a paywall or ad container), which changes its XPath. */
  wrapped?: boolean;
}

export interface ArticleModel {
  title: string;
  byline: string;
  /** The menu above the article, and the "most read" box beside it: page text outside the article. */
  menu: string[];
  mostRead: Block[];
  blocks: Block[];
  nextId: number;
}

class ModelBuilder {
  constructor(
    readonly random: Random,
    readonly model: ArticleModel,
  ) {}

  id(): number {
    return this.model.nextId++;
  }

  words(text: string): Word[] {
    return text.split(' ').map((word) => ({ id: this.id(), text: word, space: this.space() }));
  }

  space(): Word['space'] {
    const roll = this.random.next();
    return roll < 0.9 ? ' ' : roll < 0.97 ? '\n        ' : '\u00a0';
  }

  sentence(template: number, facts: Facts): Sentence {
    const sentence = { template, facts, words: this.words(TEMPLATES[template]!(facts)) };
    if (this.random.chance(0.15)) this.addMarkup(sentence.words);
    return sentence;
  }

  /** The article's sentences so far: a new one is never a verbatim repeat (only pull quotes repeat on purpose). */
  private seen: Set<string> | null = null;

  isNew(text: string): boolean {
    if (!this.seen) {
      const blocks = [...this.model.blocks, ...this.model.mostRead];
      this.seen = new Set(
        blocks.flatMap((block) => block.sentences.map((s) => s.words.map((w) => w.text).join(' '))),
      );
    }
    if (this.seen.has(text)) return false;
    this.seen.add(text);
    return true;
  }

  freshSentence(): Sentence {
    for (;;) {
      const template = this.random.int(0, TEMPLATES.length - 1);
      const facts = randomFacts(this.random);
      if (this.isNew(TEMPLATES[template]!(facts))) return this.sentence(template, facts);
    }
  }

  /** The same sentence with one fact changed: "12 new buses" where the original said "14". */
  nearDuplicate(of: Sentence): Sentence {
    const original = TEMPLATES[of.template]!(of.facts);
    for (let attempt = 0; attempt < 50; attempt++) {
      const key = this.random.pick(FACT_KEYS);
      const facts = { ...of.facts, [key]: randomFacts(this.random)[key] };
      const text = TEMPLATES[of.template]!(facts);
      if (text !== original && this.isNew(text)) return this.sentence(of.template, facts);
    }
    return this.freshSentence();
  }

  /** The same facts told in another sentence: what a rewritten paragraph says instead. */
  paraphrase(of: Sentence): Sentence {
    for (let attempt = 0; attempt < 50; attempt++) {
      const template = this.random.int(0, TEMPLATES.length - 1);
      if (template !== of.template && this.isNew(TEMPLATES[template]!(of.facts)))
        return this.sentence(template, of.facts);
    }
    return this.freshSentence();
  }

  addMarkup(words: Word[]): void {
    if (words.length < 2) return;
    const tag = this.random.pick<Wrap>(['em', 'strong', 'a']);
    const start = this.random.int(0, words.length - 1);
    const group = this.id();
    for (let i = start; i < Math.min(words.length, start + this.random.int(1, 3)); i++) {
      words[i]!.wrap = { tag, group };
    }
  }

  copySentence(of: Sentence, quoteMarks: boolean): Sentence {
    const words = of.words.map((word) => ({ id: this.id(), text: word.text, space: word.space }));
    if (quoteMarks && words.length > 0 && !words[0]!.text.startsWith('“')) {
      words[0]!.text = `“${words[0]!.text}`;
      words[words.length - 1]!.text = `${words[words.length - 1]!.text}”`;
    }
    return { template: of.template, facts: of.facts, words };
  }

  block(kind: BlockKind, sentences: Sentence[]): Block {
    return { id: this.id(), kind, sentences };
  }
}

export interface ArticleOptions {
  /** About this many words of article text. */
  words: number;
}

const wordCount = (blocks: Block[]) =>
  blocks.reduce((total, block) => total + block.sentences.reduce((sum, s) => sum + s.words.length, 0), 0);

/** A long news article with subheads, pull quotes, lists, captions and near-duplicate sentences. */
export function generateArticle(random: Random, options: ArticleOptions): ArticleModel {
  const model: ArticleModel = { title: '', byline: '', menu: [], mostRead: [], blocks: [], nextId: 1 };
  const build = new ModelBuilder(random, model);
  const lead = randomFacts(random);
  model.title = `${capitalize(lead.org)} weighs ${lead.money} ${lead.topic} as ${lead.place} waits`;
  model.byline = `By ${lead.person}`;
  model.menu = ['Home', 'Local', 'Politics', 'Business', 'Opinion', 'Sport', 'Weather'];
  const written: Sentence[] = [];
  const quoted = new Set<Sentence>();
  const nextSentence = () => {
    // One sentence in ten repeats an earlier one with a fact changed, as stories restate figures.
    const sentence =
      written.length > 5 && random.chance(0.1)
        ? build.nearDuplicate(random.pick(written))
        : build.freshSentence();
    written.push(sentence);
    return sentence;
  };
  let paragraphs = 0;
  while (wordCount(model.blocks) < options.words) {
    const roll = random.next();
    if (paragraphs > 3 && roll < 0.06) {
      model.blocks.push(
        build.block('h2', [{ template: -1, facts: lead, words: build.words(random.pick(SUBHEADS)) }]),
      );
    } else if (paragraphs > 3 && roll < 0.12 && written.some((sentence) => !quoted.has(sentence))) {
      // A pull quote repeats a recent sentence, and no sentence is pulled twice.
      const recent = written.filter((sentence) => !quoted.has(sentence)).slice(-8);
      const source = random.pick(recent);
      quoted.add(source);
      const copied = build.copySentence(source, true);
      model.blocks.push(build.block(random.chance(0.7) ? 'pull-quote' : 'blockquote', [copied]));
    } else if (roll < 0.15) {
      for (let i = random.int(3, 5); i > 0; i--) model.blocks.push(build.block('li', [nextSentence()]));
    } else if (roll < 0.18) {
      model.blocks.push(build.block('caption', [nextSentence()]));
    } else {
      const count = random.weighted({ 1: 2, 2: 3, 3: 4, 4: 2, 5: 1 });
      model.blocks.push(build.block('p', Array.from({ length: Number(count) }, nextSentence)));
      paragraphs++;
    }
  }
  // The "most read" box repeats some of the article's sentences with a fact changed, outside the article.
  for (let i = 0; i < 5; i++) {
    const sentence =
      i < 2 && written.length > 0 ? build.nearDuplicate(random.pick(written)) : build.freshSentence();
    model.mostRead.push(build.block('li', [sentence]));
  }
  return model;
}

// ---------------------------------------------------------------------------------------------------
// Rendering, with each word's place in the page text as lib/anchor reads it

export interface RenderedPage {
  html: string;
  /** The body's visible text, normalized as lib/anchor reads it (a check that the two agree). */
  text: string;
  /** Each rendered word's [start, end) in `text`. */
  wordSpans: Map<number, [number, number]>;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

class PageWriter {
  html = '';
  text = '';
  wordSpans = new Map<number, [number, number]>();

  markup(html: string): void {
    this.html += html;
  }

  visible(text: string): void {
    this.html += escapeHtml(text);
    this.text += normalizeForMatch(text);
  }

  words(words: Word[]): void {
    let open: Word['wrap'] | undefined;
    words.forEach((word, index) => {
      if (open && open.group !== word.wrap?.group) {
        this.markup(`</${open.tag}>`);
        open = undefined;
      }
      if (index > 0) this.markup(word.space === '\u00a0' ? '&nbsp;' : word.space);
      if (word.wrap && open?.group !== word.wrap.group) {
        open = word.wrap;
        this.markup(word.wrap.tag === 'a' ? '<a href="#related">' : `<${word.wrap.tag}>`);
      }
      const start = this.text.length;
      if (word.split && word.split < word.text.length) {
        this.markup('<b>');
        this.visible(word.text.slice(0, word.split));
        this.markup('</b>');
        this.visible(word.text.slice(word.split));
      } else {
        this.visible(word.text);
      }
      this.wordSpans.set(word.id, [start, this.text.length]);
    });
    if (open) this.markup(`</${open.tag}>`);
  }

  block(block: Block): void {
    const words = block.sentences.flatMap((sentence) => sentence.words);
    if (words.length === 0) return;
    const tags: Record<BlockKind, [string, string]> = {
      p: ['<p>', '</p>'],
      h2: ['<h2>', '</h2>'],
      'pull-quote': ['<aside class="pull-quote"><p>', '</p></aside>'],
      blockquote: ['<blockquote><p>', '</p></blockquote>'],
      li: ['<li>', '</li>'],
      caption: ['<figure><img alt=""><figcaption>', '</figcaption></figure>'],
    };
    const [open, close] = tags[block.kind];
    if (block.wrapped) this.markup('\n      <div class="inline-offer">');
    this.markup(`\n      ${open}`);
    this.words(words);
    this.markup(close);
    if (block.wrapped) this.markup('</div>');
  }
}

export function renderPage(model: ArticleModel): RenderedPage {
  const page = new PageWriter();
  page.markup('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  page.markup(`<title>${escapeHtml(model.title)}</title>`);
  page.markup('<style>.ad-slot { display: none } .pull-quote { font-size: 1.4em }</style></head>\n<body>\n');
  page.markup('  <header><nav>');
  model.menu.forEach((item, index) => {
    if (index > 0) page.markup(' ');
    page.markup('<a href="#">');
    page.visible(item);
    page.markup('</a>');
  });
  page.markup('</nav></header>\n  <main>\n    <article>\n      <h1>');
  page.visible(model.title);
  page.markup('</h1>\n      <p class="byline">');
  page.visible(model.byline);
  page.markup('</p>\n      <div class="ad-slot">Advertisement: The article continues below</div>');
  const first = model.blocks.find((block) => block.kind === 'p');
  const lead = first?.sentences.map((s) => s.words.map((w) => w.text).join(' ')).join(' ') ?? '';
  page.markup(`\n      <script type="application/ld+json">${JSON.stringify({ articleBody: lead })}</script>`);
  let list = false;
  for (const block of model.blocks) {
    if (block.kind === 'li' && !list) page.markup('\n      <ul>');
    if (block.kind !== 'li' && list) page.markup('\n      </ul>');
    list = block.kind === 'li';
    page.block(block);
  }
  if (list) page.markup('\n      </ul>');
  page.markup('\n      <p hidden>Subscribe to keep reading.</p>\n    </article>');
  page.markup('\n    <aside class="most-read"><h2>');
  page.visible('Most read');
  page.markup('</h2><ol>');
  for (const block of model.mostRead) page.block(block);
  page.markup('\n    </ol></aside>\n  </main>\n  <footer><p>');
  page.visible('© 2026 The Daily Example. All rights reserved.');
  page.markup('</p></footer>\n</body></html>\n');
  return { html: page.html, text: page.text, wordSpans: page.wordSpans };
}

// ---------------------------------------------------------------------------------------------------
// Highlights and edits

type SpanKind = 'words' | 'sentence' | 'two-sentences' | 'across-sentences' | 'paragraph';

/** What happens to a highlighted passage between the two visits. */
export const FATES = {
  /** Still there, ground truth: where its words are now. */
  unchanged: 10,
  'typo fixed inside': 10,
  'typo fixed next to it': 6,
  'words inserted inside': 10,
  'figure corrected inside': 6,
  'markup and whitespace changed': 10,
  'sentence inserted before': 5,
  'sentence inserted after': 5,
  'paragraph moved': 5,
  'paragraph split': 4,
  'paragraph wrapped in a div': 3,
  /** Gone, ground truth: orphaned. */
  'passage deleted': 7,
  'passage rewritten': 7,
  'deleted, near-duplicate elsewhere': 7,
  'deleted, pull quote of it remains': 5,
} as const;

export type Fate = keyof typeof FATES;

/** Fates after which the passage is gone: the right answer is to orphan it. */
export const GONE_FATES: ReadonlySet<Fate> = new Set<Fate>([
  'passage deleted',
  'passage rewritten',
  'deleted, near-duplicate elsewhere',
  'deleted, pull quote of it remains',
]);

export interface Highlight {
  blockId: number;
  kind: SpanKind;
  /** The ids of the highlighted words, in order. */
  wordIds: number[];
  fate: Fate;
  /** In the "most read" box, outside the article. */
  outsideArticle: boolean;
}

function findBlock(model: ArticleModel, blockId: number): { list: Block[]; index: number } | null {
  for (const list of [model.blocks, model.mostRead]) {
    const index = list.findIndex((block) => block.id === blockId);
    if (index !== -1) return { list, index };
  }
  return null;
}

function pickSpan(random: Random, block: Block): { kind: SpanKind; words: Word[] } {
  const sentences = block.sentences;
  const all = sentences.flatMap((sentence) => sentence.words);
  const kinds: SpanKind[] = ['words', 'sentence', 'sentence', 'paragraph'];
  if (sentences.length > 1) kinds.push('two-sentences', 'across-sentences', 'words');
  const kind = random.pick(kinds);
  const s = random.int(0, sentences.length - 1);
  const sentence = sentences[s]!.words;
  switch (kind) {
    case 'words': {
      const length = Math.min(sentence.length, random.int(2, 6));
      const start = random.int(0, sentence.length - length);
      return { kind, words: sentence.slice(start, start + length) };
    }
    case 'sentence':
      return { kind, words: sentence };
    case 'paragraph':
      return { kind, words: all };
    case 'two-sentences': {
      const first = Math.min(s, sentences.length - 2);
      return { kind, words: [...sentences[first]!.words, ...sentences[first + 1]!.words] };
    }
    case 'across-sentences': {
      const first = Math.min(s, sentences.length - 2);
      const a = sentences[first]!.words;
      const b = sentences[first + 1]!.words;
      return {
        kind,
        words: [...a.slice(random.int(1, a.length - 1)), ...b.slice(0, random.int(1, b.length - 1))],
      };
    }
  }
}

/** Highlights at random passages, one per block, in paragraphs (mostly), lists, captions and the "most read" box. */
export function pickHighlights(random: Random, model: ArticleModel, count: number): Highlight[] {
  const candidates = model.blocks.filter(
    (block) => block.kind === 'p' || (block.kind !== 'h2' && random.chance(0.3)),
  );
  const chosen = new Set<Block>();
  const highlights: Highlight[] = [];
  const build = new ModelBuilder(random, model);
  while (highlights.length < count && chosen.size < candidates.length) {
    const outside = random.chance(0.03);
    const block = outside ? random.pick(model.mostRead) : random.pick(candidates);
    if (chosen.has(block)) continue;
    chosen.add(block);
    const span = pickSpan(random, block);
    let fate = outside ? random.pick<Fate>(['unchanged', 'passage deleted']) : random.weighted<Fate>(FATES);
    // Only a paragraph gets a pull quote of its own.
    if (fate === 'deleted, pull quote of it remains' && block.kind !== 'p') fate = 'passage deleted';
    if (fate === 'deleted, pull quote of it remains') {
      // The pull quote is in the page from the start, a few blocks further down; a sentence the article
      // already pulls out keeps its one pull quote.
      const sentence = block.sentences.find((s) => s.words.includes(span.words[0]!))!;
      const copy = build.copySentence(sentence, true);
      const text = (words: Word[]) => words.map((word) => word.text).join(' ');
      const pulled = model.blocks.some(
        (other) =>
          (other.kind === 'pull-quote' || other.kind === 'blockquote') &&
          text(other.sentences[0]?.words ?? []) === text(copy.words),
      );
      if (!pulled) {
        const at = Math.min(model.blocks.length, model.blocks.indexOf(block) + random.int(2, 6));
        model.blocks.splice(at, 0, build.block(random.chance(0.6) ? 'pull-quote' : 'blockquote', [copy]));
      }
    }
    highlights.push({
      blockId: block.id,
      kind: span.kind,
      wordIds: span.words.map((word) => word.id),
      fate,
      outsideArticle: outside,
    });
  }
  return highlights;
}

function typo(random: Random, word: Word): void {
  const letters = [...word.text]
    .map((char, index) => (/\p{L}/u.test(char) ? index : -1))
    .filter((i) => i >= 0);
  if (letters.length < 3) {
    word.text = `${word.text}s`;
    return;
  }
  const chars = [...word.text];
  const at = random.pick(letters.slice(1));
  const kind = random.int(0, 2);
  if (kind === 0) chars[at] = chars[at] === 'e' ? 'a' : 'e';
  else if (kind === 1) chars.splice(at, 0, chars[at]!);
  else [chars[at - 1], chars[at]] = [chars[at]!, chars[at - 1]!];
  word.text = chars.join('');
}

interface Located {
  block: Block;
  sentenceIndexes: number[];
}

/** The block and sentences that hold a highlight's words (after earlier edits). */
function locate(model: ArticleModel, highlight: Highlight): Located | null {
  const found = findBlock(model, highlight.blockId);
  if (!found) return null;
  const block = found.list[found.index]!;
  const ids = new Set(highlight.wordIds);
  const sentenceIndexes = block.sentences
    .map((sentence, index) => (sentence.words.some((word) => ids.has(word.id)) ? index : -1))
    .filter((index) => index >= 0);
  return sentenceIndexes.length > 0 ? { block, sentenceIndexes } : null;
}

/** Applies a highlight's fate to the model. */
function applyFate(
  random: Random,
  model: ArticleModel,
  highlight: Highlight,
  protectedBlocks: Set<number>,
): void {
  const build = new ModelBuilder(random, model);
  const where = locate(model, highlight);
  if (!where) return;
  const { block, sentenceIndexes } = where;
  const ids = new Set(highlight.wordIds);
  const spanWords = block.sentences.flatMap((s) => s.words).filter((word) => ids.has(word.id));
  const firstSentence = sentenceIndexes[0]!;
  const lastSentence = sentenceIndexes[sentenceIndexes.length - 1]!;
  const removeSentences = () => {
    block.sentences.splice(firstSentence, lastSentence - firstSentence + 1);
  };
  switch (highlight.fate) {
    case 'unchanged':
      return;
    case 'typo fixed inside':
      typo(random, random.pick(spanWords));
      return;
    case 'typo fixed next to it': {
      const all = block.sentences.flatMap((s) => s.words);
      const first = all.indexOf(spanWords[0]!);
      const last = all.indexOf(spanWords[spanWords.length - 1]!);
      const near = [...all.slice(Math.max(0, first - 3), first), ...all.slice(last + 1, last + 4)];
      if (near.length > 0) typo(random, random.pick(near));
      return;
    }
    case 'words inserted inside': {
      if (spanWords.length < 3) return;
      const after = spanWords[random.int(0, spanWords.length - 2)]!;
      const sentence = block.sentences.find((s) => s.words.includes(after))!;
      const inserted = build.words(
        Array.from({ length: random.int(1, 2) }, () => random.pick(FILLER_WORDS)).join(' '),
      );
      sentence.words.splice(sentence.words.indexOf(after) + 1, 0, ...inserted);
      return;
    }
    case 'figure corrected inside': {
      const figure = spanWords.find((word) => /\d/.test(word.text));
      const name = spanWords.find(
        (word, index) => index > 0 && LAST_NAMES.includes(word.text.replace(/\W+$/, '')),
      );
      if (figure) figure.text = figure.text.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
      else if (name) name.text = name.text.replace(/^\p{L}+/u, random.pick(LAST_NAMES));
      else typo(random, random.pick(spanWords));
      return;
    }
    case 'markup and whitespace changed': {
      build.addMarkup(spanWords);
      const split = random.pick(spanWords);
      if (split.text.length > 3) split.split = random.int(1, split.text.length - 2);
      for (const word of spanWords)
        if (random.chance(0.3)) word.space = random.pick(['\n        ', '\u00a0'] as const);
      return;
    }
    case 'sentence inserted before':
      block.sentences.splice(firstSentence, 0, build.freshSentence());
      return;
    case 'sentence inserted after':
      block.sentences.splice(lastSentence + 1, 0, build.freshSentence());
      return;
    case 'paragraph moved': {
      const found = findBlock(model, block.id)!;
      found.list.splice(found.index, 1);
      let to = found.index;
      while (Math.abs(to - found.index) < 5) to = random.int(0, found.list.length);
      found.list.splice(to, 0, block);
      return;
    }
    case 'paragraph split': {
      if (block.sentences.length < 2) return;
      const at = random.int(1, block.sentences.length - 1);
      const found = findBlock(model, block.id)!;
      const second = build.block(block.kind, block.sentences.splice(at));
      protectedBlocks.add(second.id);
      found.list.splice(found.index + 1, 0, second);
      return;
    }
    case 'paragraph wrapped in a div':
      block.wrapped = true;
      return;
    case 'passage deleted':
    case 'deleted, pull quote of it remains':
      removeSentences();
      return;
    case 'passage rewritten': {
      const rewritten = block.sentences
        .slice(firstSentence, lastSentence + 1)
        .map((s) => build.paraphrase(s));
      block.sentences.splice(firstSentence, lastSentence - firstSentence + 1, ...rewritten);
      return;
    }
    case 'deleted, near-duplicate elsewhere': {
      const original = block.sentences[firstSentence]!;
      removeSentences();
      // Elsewhere: a paragraph a few blocks away, never where the passage stood (that would be a correction).
      const found = findBlock(model, block.id)!;
      const others = found.list.filter(
        (other, index) =>
          other.kind === 'p' && Math.abs(index - found.index) >= 2 && !protectedBlocks.has(other.id),
      );
      const host = others.length > 0 ? random.pick(others) : null;
      if (host) host.sentences.splice(random.int(0, host.sentences.length), 0, build.nearDuplicate(original));
      else found.list.push(build.block('p', [build.nearDuplicate(original)]));
      return;
    }
  }
}

export interface EditOptions {
  /** Edits elsewhere in the article, each: paragraphs inserted, deleted, swapped; sentences added; typos fixed. */
  editsElsewhere: number;
}

/**
 * The article at the second visit: every highlight's fate applied, then unrelated edits elsewhere (never
 * inside a highlighted block): paragraphs inserted (one at the very top, an editor's note), deleted and
 * swapped, sentences added, typos fixed, the menu changed.
 */
export function editArticle(
  random: Random,
  original: ArticleModel,
  highlights: Highlight[],
  options: EditOptions,
): ArticleModel {
  const model = structuredClone(original);
  const build = new ModelBuilder(random, model);
  const protectedBlocks = new Set(highlights.map((highlight) => highlight.blockId));
  for (const highlight of highlights) applyFate(random, model, highlight, protectedBlocks);
  for (const highlight of highlights) {
    // Blocks the fates emptied go, as an editor would remove an empty paragraph.
    const found = findBlock(model, highlight.blockId);
    if (found && found.list[found.index]!.sentences.length === 0) found.list.splice(found.index, 1);
  }
  const free = () =>
    model.blocks
      .map((block, index) => ({ block, index }))
      .filter(({ block }) => block.kind === 'p' && !protectedBlocks.has(block.id));
  // Half the pages put an editor's note on top, which moves every position and XPath below it.
  if (random.chance(0.5)) model.blocks.unshift(build.block('p', [build.freshSentence()]));
  model.menu.splice(random.int(1, model.menu.length), 0, 'Newsletters');
  for (let edit = 0; edit < options.editsElsewhere; edit++) {
    const candidates = free();
    if (candidates.length < 4) break;
    const kind = random.int(0, 4);
    const { block, index } = random.pick(candidates);
    if (kind === 0)
      model.blocks.splice(
        random.int(0, model.blocks.length),
        0,
        build.block('p', [build.freshSentence(), build.freshSentence()]),
      );
    else if (kind === 1) model.blocks.splice(index, 1);
    else if (kind === 2) {
      const other = random.pick(candidates);
      model.blocks[index] = other.block;
      model.blocks[other.index] = block;
    } else if (kind === 3)
      block.sentences.splice(random.int(0, block.sentences.length), 0, build.freshSentence());
    else typo(random, random.pick(block.sentences.flatMap((s) => s.words)));
  }
  return model;
}

/** The true place of a highlight in a rendered page: its first to last surviving word, or null when none survives. */
export function truePlace(page: RenderedPage, highlight: Highlight): [number, number] | null {
  let start = Infinity;
  let end = -Infinity;
  for (const id of highlight.wordIds) {
    const span = page.wordSpans.get(id);
    if (!span) continue;
    start = Math.min(start, span[0]);
    end = Math.max(end, span[1]);
  }
  return end > start ? [start, end] : null;
}

/** The pages the speed bench anchors 200 highlights in: as described, and after edits. */
export interface TimingScenario {
  original: RenderedPage;
  spans: Span[];
  /** `shifted`: an editor's note on top, so positions and XPaths fail and the quote is searched; `edited`: also a typo inside every passage, so each needs fuzzy matching. */
  variants: Array<{ name: 'unchanged' | 'shifted' | 'edited'; page: RenderedPage }>;
}

export function timingScenario(seed: number, words: number, highlights: number): TimingScenario {
  const random = new Random(seed);
  const model = generateArticle(random, { words });
  const chosen = pickHighlights(random, model, highlights).map((highlight) => ({
    ...highlight,
    fate: 'unchanged' as Fate,
  }));
  const original = renderPage(model);
  const withNote = (fate: Fate) => {
    const edited = structuredClone(model);
    const build = new ModelBuilder(random, edited);
    for (const highlight of chosen) applyFate(random, edited, { ...highlight, fate }, new Set());
    edited.blocks.unshift(build.block('p', [build.freshSentence()]));
    return renderPage(edited);
  };
  return {
    original,
    spans: chosen.map((highlight) => truePlace(original, highlight)!),
    variants: [
      { name: 'unchanged', page: original },
      { name: 'shifted', page: withNote('unchanged') },
      { name: 'edited', page: withNote('typo fixed inside') },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// The page side: run inside the Document under test (jsdom or Chromium)

export type Span = [number, number];

/** The selectors of each span of the body's text, each described against the root the annotator would use. */
export function describeSpans(document: Document, spans: Span[]): PassageSelectors[] {
  const body = readVisibleText(document.body);
  const texts = new Map<Element, VisibleText>();
  return spans.map(([start, end]) => {
    const range = rangeOfText(body, start, end);
    if (!range) throw new Error(`no text at ${start}–${end}`);
    const root = anchorRootFor(document, range);
    let visible = texts.get(root);
    if (!visible) texts.set(root, (visible = readVisibleText(root)));
    const selectors = describeRangeIn(visible, range);
    if (!selectors) throw new Error(`no selectors for ${start}–${end}`);
    return selectors;
  });
}

export interface LocatedAnchor {
  /** Where the anchored passage is, in the body's normalized text. */
  start: number;
  end: number;
  method: AnchorMethod;
  score: number;
  inArticle: boolean;
}

/** anchorAll over the document, with each result's place in the body's text (null: orphaned). */
export function locateAnchors(
  document: Document,
  selectors: PassageSelectors[],
): Array<LocatedAnchor | null> {
  const anchors = anchorAll(document, selectors);
  const body = readVisibleText(document.body);
  return anchors.map(
    (anchor) =>
      anchor && {
        start: textIndexOfPoint(body, anchor.range.startContainer, anchor.range.startOffset),
        end: textIndexOfPoint(body, anchor.range.endContainer, anchor.range.endOffset),
        method: anchor.method,
        score: anchor.score,
        inArticle: anchor.root !== document.body,
      },
  );
}

/** The body's text as lib/anchor reads it, to check the generator's ground truth against. */
export function bodyText(document: Document): string {
  return readVisibleText(document.body).text;
}

export interface AnchoringTimes {
  /** Each timed run: anchorAll over all the selectors, page text read included (ms). */
  runs: number[];
  /** The first call in this page, before the timed runs. */
  firstCall: number;
  methods: Record<string, number>;
  orphaned: number;
}

/** Times anchorAll over the same selectors `runs` times after `warmUps` untimed calls. */
export function timeAnchoring(
  document: Document,
  selectors: PassageSelectors[],
  warmUps: number,
  runs: number,
): AnchoringTimes {
  const clock = document.defaultView?.performance ?? performance;
  let started = clock.now();
  const first = anchorAll(document, selectors);
  const firstCall = clock.now() - started;
  for (let i = 0; i < warmUps; i++) anchorAll(document, selectors);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = clock.now();
    anchorAll(document, selectors);
    times.push(clock.now() - started);
  }
  const methods: Record<string, number> = {};
  for (const anchor of first) if (anchor) methods[anchor.method] = (methods[anchor.method] ?? 0) + 1;
  return { runs: times, firstCall, methods, orphaned: first.filter((anchor) => anchor === null).length };
}

/** describeRange for each span, as the annotator calls it on a selection (root found, text read), in ms. */
export function timeDescribing(document: Document, spans: Span[]): number[] {
  const clock = document.defaultView?.performance ?? performance;
  const body = readVisibleText(document.body);
  return spans.map(([start, end]) => {
    const range = rangeOfText(body, start, end)!;
    const started = clock.now();
    describeRange(anchorRootFor(document, range), range);
    return clock.now() - started;
  });
}

// ---------------------------------------------------------------------------------------------------
// Running cases and scoring them

/** Loads pages and runs the page-side functions in them: jsdom in tests, Chromium in the bench. */
export interface PageDriver {
  load(html: string): Promise<void>;
  bodyText(): Promise<string>;
  describeSpans(spans: Span[]): Promise<PassageSelectors[]>;
  locateAnchors(selectors: PassageSelectors[]): Promise<Array<LocatedAnchor | null>>;
}

export type Outcome = 'correct' | 'lost' | 'orphaned' | 'wrong';

export interface CaseResult {
  fate: Fate;
  kind: SpanKind;
  outsideArticle: boolean;
  /** Was the passage still in the page (ground truth)? */
  present: boolean;
  outcome: Outcome;
  method: AnchorMethod | null;
  score: number | null;
  quoteLength: number;
}

/** Anchored over at least half of the true passage, and at least half of what was anchored is the passage. */
export function overlapsSubstantially(found: Span, truth: Span): boolean {
  const overlap = Math.min(found[1], truth[1]) - Math.max(found[0], truth[0]);
  return overlap >= 0.5 * (truth[1] - truth[0]) && overlap >= 0.5 * (found[1] - found[0]);
}

export function judge(truth: Span | null, found: LocatedAnchor | null): Outcome {
  if (!truth) return found ? 'wrong' : 'orphaned';
  if (!found) return 'lost';
  return overlapsSubstantially([found.start, found.end], truth) ? 'correct' : 'wrong';
}

export interface EditRunOptions {
  seed: number;
  articles: number;
  wordsPerArticle: number;
  highlightsPerArticle: number;
  editsElsewhere: number;
}

export const DEFAULT_EDIT_RUN: EditRunOptions = {
  seed: 20261127,
  articles: 24,
  wordsPerArticle: 6000,
  highlightsPerArticle: 60,
  editsElsewhere: 24,
};

/** Generates, edits, re-anchors and judges every case; throws when the page's text and the model disagree. */
export async function runEditCases(driver: PageDriver, options: EditRunOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (let article = 0; article < options.articles; article++) {
    const random = new Random(options.seed + article * 7919);
    const original = generateArticle(random, { words: options.wordsPerArticle });
    const highlights = pickHighlights(random, original, options.highlightsPerArticle);
    const before = renderPage(original);
    await driver.load(before.html);
    if ((await driver.bodyText()) !== before.text)
      throw new Error(`article ${article}: page text differs from the model`);
    const spans = highlights.map((highlight) => truePlace(before, highlight)!);
    const selectors = await driver.describeSpans(spans);

    const edited = editArticle(random, original, highlights, { editsElsewhere: options.editsElsewhere });
    const after = renderPage(edited);
    await driver.load(after.html);
    if ((await driver.bodyText()) !== after.text)
      throw new Error(`article ${article}: edited text differs from the model`);
    const anchors = await driver.locateAnchors(selectors);
    highlights.forEach((highlight, index) => {
      const truth = truePlace(after, highlight);
      const found = anchors[index] ?? null;
      results.push({
        fate: highlight.fate,
        kind: highlight.kind,
        outsideArticle: highlight.outsideArticle,
        present: truth !== null,
        outcome: judge(truth, found),
        method: found?.method ?? null,
        score: found?.score ?? null,
        quoteLength: spans[index]![1] - spans[index]![0],
      });
    });
  }
  return results;
}

export interface OutcomeCounts {
  cases: number;
  present: number;
  gone: number;
  correct: number;
  lost: number;
  orphaned: number;
  wrong: number;
}

export function countOutcomes(results: CaseResult[]): OutcomeCounts {
  const count = (outcome: Outcome) => results.filter((result) => result.outcome === outcome).length;
  return {
    cases: results.length,
    present: results.filter((result) => result.present).length,
    gone: results.filter((result) => !result.present).length,
    correct: count('correct'),
    lost: count('lost'),
    orphaned: count('orphaned'),
    wrong: count('wrong'),
  };
}

/** A driver over jsdom-like documents made by `parse`, running the page side in this process. */
export function inProcessDriver(parse: (html: string) => Document): PageDriver {
  let document: Document | null = null;
  const current = () => {
    if (!document) throw new Error('no page loaded');
    return document;
  };
  return {
    load: async (html) => {
      document = parse(html);
    },
    bodyText: async () => bodyText(current()),
    describeSpans: async (spans) => describeSpans(current(), spans),
    locateAnchors: async (selectors) => locateAnchors(current(), selectors),
  };
}
