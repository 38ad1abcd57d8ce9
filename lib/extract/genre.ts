import type { BylineClue, BylineEvidence, FieldSource } from './types';
import { pathSegments } from './urls';

/** What kind of piece a page is: the label set's values (tests/fixtures/labeled, scripts/eval). */
export const GENRES = ['news', 'opinion', 'analysis', 'review', 'sponsored'] as const;
export type Genre = (typeof GENRES)[number];

export interface GenreReading {
  genre: Genre;
  source: FieldSource;
  /** The clue that said so: "jsonld-type", "jsonld-section", "article:section", "label", "headline" or "url". */
  via: string;
}

/** schema.org types that name a genre (lower-cased, as `typesOf` gives them). */
const TYPE_GENRES: Record<string, Genre> = {
  opinionnewsarticle: 'opinion',
  analysisnewsarticle: 'analysis',
  reviewnewsarticle: 'review',
  review: 'review',
  criticreview: 'review',
  advertisercontentarticle: 'sponsored',
};

/**
 * Section names and address segments that name a genre, in English, German and French. Whole
 * words only: "Opinion" is a genre, "Public opinion polls" is a topic.
 */
const WORD_GENRES: [RegExp, Genre][] = [
  [
    /^(?:opinions?|op-?eds?|meinung(?:en)?|kommentare?|tribunes?|editorials?|commentary|commentaires?|chroniques?|columns?|leitartikel|gastbeitrag)$/,
    'opinion',
  ],
  [/^(?:analysis|analyses|analyse|hintergrund|decryptage|décryptage)$/, 'analysis'],
  [/^(?:reviews?|kritiken?|critiques?|rezensionen?)$/, 'review'],
  [/^(?:sponsored|sponsored-content|advertorial|paid-post|anzeige|partner-content|brandvoice)$/, 'sponsored'],
];

function genreOfWord(word: string): Genre | null {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return WORD_GENRES.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** Sections and labels: the whole text, or one part of a path or list, is a genre word. */
const SECTION_VIAS = new Set(['jsonld-section', 'article:section', 'label']);

/**
 * A label before the headline's text: "Opinion: …", "Analyse | …", "Review — …". Not "Kritik: …",
 * which in a German headline is as often news about criticism.
 */
const HEADLINE_LABEL = /^([\p{L}-]+)\s*(?::|\||–|—)\s+\S/u;
/** "Star Wars Jedi: Fallen Order review - shoots for the moon": a product, "review", the verdict. */
const REVIEW_IN_HEADLINE = /\S\s+review\s*(?::|\||–|—|-)\s+\S/iu;

/**
 * The genre the headline shows: a label before it ("Opinion: …"), or, for a review, "… review - verdict"
 * when the address ends in "-review" too (a headline alone may be news about someone's review).
 */
function headlineGenre(headline: string, addresses: readonly string[]): Genre | null {
  const label = HEADLINE_LABEL.exec(headline)?.[1];
  if (label && !/^(?:kritik|critique)/iu.test(label)) {
    const genre = genreOfWord(label);
    if (genre) return genre;
  }
  const reviewAddress = addresses.some((address) => /-review$/i.test(pathSegments(address).at(-1) ?? ''));
  return reviewAddress && REVIEW_IN_HEADLINE.test(headline) ? 'review' : null;
}

/**
 * The genre the page declares: its structured data type first (the publisher's own word), then its
 * section (JSON-LD articleSection, article:section) or the label shown above its headline, then its
 * headline ("Opinion: …"), then its address (/opinion/, /meinung/). Null when nothing says; the
 * caller takes "news" only for a page that is an article.
 */
export function readGenre(evidence: BylineEvidence): GenreReading | null {
  const clues: BylineClue[] = evidence.genres ?? [];
  const addresses = evidence.published.filter((c) => c.via === 'url').map((c) => c.text);
  for (const clue of clues.filter((c) => c.via === 'jsonld-type')) {
    const genre = TYPE_GENRES[clue.text.toLowerCase()];
    if (genre) return { genre, source: clue.source, via: clue.via };
  }
  for (const clue of clues.filter((c) => SECTION_VIAS.has(c.via))) {
    // A section may be a path of its own ("Meinung > Kommentare") or a list ("News, Opinion").
    const genre = clue.text
      .split(/\s*[>/|,;·]\s*/)
      .map(genreOfWord)
      .find((found) => found !== null);
    if (genre) return { genre, source: clue.source, via: clue.via };
  }
  for (const clue of clues.filter((c) => c.via === 'headline')) {
    const genre = headlineGenre(clue.text, addresses);
    if (genre) return { genre, source: clue.source, via: clue.via };
  }
  for (const address of addresses) {
    const genre = pathSegments(address)
      .map(genreOfWord)
      .find((found) => found !== null);
    if (genre) return { genre, source: 'url', via: 'url' };
  }
  return null;
}

/**
 * Quoted words are other people's: "I" inside them says nothing of the writer. A quote running on into
 * the next paragraph opens each of its paragraphs and closes only the last, so an unclosed one runs to
 * its paragraph's end.
 */
const QUOTED = /“[^”]*(?:”|$)|"[^"]*(?:"|$)|„[^“”]*(?:[“”]|$)|«[^»]*(?:»|$)|»[^«]*(?:«|$)/gu;
/** The writer speaking as "I": first-person singular words, by language. */
const FIRST_PERSON: Record<string, RegExp> = {
  en: /\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]yself|[Mm]ine)\b/gu,
  de: /(?<![\p{L}])(?:[Ii]ch|[Mm]ich|[Mm]ir|[Mm]ein(?:e[nmrs]?)?)(?![\p{L}])/gu,
  fr: /(?<![\p{L}])(?:[Jj]e|[Jj]['’](?=\p{L})|[Mm]oi|[Mm]on|[Mm]a|[Mm]es)(?![\p{L}'’])/gu,
};
/**
 * An interview or a transcript speaks in the first person without being opinion: its paragraphs open
 * with who speaks ("Q:", "Atim:", "ALEXANDRIA DOUZIECH:") or are the interviewer's questions.
 */
const SPEAKER_LABEL = /^(?:\p{Lu}[\p{L}.’'*-]*\s?){1,3}:\s/u;
const INTERVIEW_LABELS = 2;
const INTERVIEW_QUESTIONS = 3;
/** How often, at least, the writer says "I": per 1,000 words outside quotes, in all, and in paragraphs. */
const FIRST_PERSON_RATE = 10;
const FIRST_PERSON_MIN = 8;
const FIRST_PERSON_PARAGRAPHS = 3;
/** Within how many paragraphs from the top the writer first says "I". */
const FIRST_PERSON_OPENING = 3;

/**
 * An article that names no genre but whose writer speaks as "I" throughout, outside quotes: a column,
 * an essay, a personal account ("Lessons from my mother", "mein Leben irgendwo dazwischen"). News
 * reports keep the writer out of the text; interviews printed as questions and answers do not count.
 */
export function firstPersonGenre(text: string, lang: string): GenreReading | null {
  const pattern = FIRST_PERSON[lang.slice(0, 2).toLowerCase()];
  if (!pattern) return null;
  const paragraphs = text.split(/\n\s*\n/u).map((paragraph) => paragraph.trim());
  if (paragraphs.filter((paragraph) => SPEAKER_LABEL.test(paragraph)).length >= INTERVIEW_LABELS) return null;
  if (paragraphs.filter((paragraph) => /\?$/u.test(paragraph)).length >= INTERVIEW_QUESTIONS) return null;
  let count = 0;
  let words = 0;
  let inParagraphs = 0;
  let firstAt = -1;
  for (const [index, paragraph] of paragraphs.filter(Boolean).entries()) {
    const own = paragraph.replace(QUOTED, ' ');
    words += own.split(/\s+/u).filter(Boolean).length;
    const found = own.match(pattern)?.length ?? 0;
    if (found === 0) continue;
    count += found;
    inParagraphs++;
    if (firstAt < 0) firstAt = index;
  }
  // A writer speaking for themselves does so from the start; an "I" that begins halfway down is
  // someone else's words printed whole (a statement, a letter) or a column's aside.
  const voiced =
    firstAt >= 0 &&
    firstAt < FIRST_PERSON_OPENING &&
    count >= FIRST_PERSON_MIN &&
    inParagraphs >= FIRST_PERSON_PARAGRAPHS &&
    (count * 1000) / Math.max(words, 1) >= FIRST_PERSON_RATE;
  return voiced ? { genre: 'opinion', source: 'text', via: 'first-person' } : null;
}

/** A book's page count ("176 pages", "320 Seiten", "288 S."). */
const PAGE_COUNT = /\b\d{2,4}\s*(?:pages|Seiten|S\.|pp\.)(?!\p{L})/u;
/** A price or a publisher, which a review prints with the page count. */
const PRICE_OR_PUBLISHER =
  /\b\d+(?:[.,]\d{1,2})?\s*(?:euros?|€|CHF|Fr\.|dollars)(?!\p{L})|[$€£]\s?\d|\b(?:éditions|Verlag|Press|Books|Publishing)\b/iu;
/** The line that closes a stage review with the next performances. */
const NEXT_PERFORMANCES =
  /^(?:(?:nächste|weitere)\s+(?:vorstellungen|aufführungen)|prochaines?\s+représentations?|(?:further|next|remaining)\s+performances)\b/iu;
/** Longer than this, a paragraph is the writer's prose, not a work's particulars. */
const PARTICULARS_CHARS = 400;

/**
 * An article that names no genre but prints the particulars of the one work it reviews, as reviews do:
 * a book's publisher or price with its page count ("éditions Philippe Picquier, 2017, 176 pages, 17,50
 * euros"), a play's next performances ("Nächste Vorstellungen: 20.10., 17 Uhr"). Essays that cite
 * several books in notes list several such lines, and are no review of one.
 */
export function reviewedWorkGenre(text: string): GenreReading | null {
  let particulars = 0;
  for (const paragraph of text.split(/\n\s*\n/u)) {
    const line = paragraph.trim();
    if (!line || line.length > PARTICULARS_CHARS) continue;
    if ((PAGE_COUNT.test(line) && PRICE_OR_PUBLISHER.test(line)) || NEXT_PERFORMANCES.test(line))
      particulars++;
  }
  return particulars === 1 ? { genre: 'review', source: 'text', via: 'particulars' } : null;
}

/** The genre as the reader sees it ("Opinion"). */
export const GENRE_LABELS: Record<Genre, string> = {
  news: 'News',
  opinion: 'Opinion',
  analysis: 'Analysis',
  review: 'Review',
  sponsored: 'Sponsored',
};

/** Where the genre was read, in plain words; the default "news" says why it is the default. */
export function describeGenreOrigin(via: string | null | undefined): string {
  if (via === 'jsonld-type') return "from the page's structured data type";
  if (via === 'jsonld-section' || via === 'article:section') return "from the page's section";
  if (via === 'label') return 'from the label above the headline';
  if (via === 'headline') return 'from the headline';
  if (via === 'url') return 'from the page address';
  if (via === 'first-person') return 'from the text: the writer speaks as “I” throughout, outside quotes';
  if (via === 'particulars')
    return 'from the text: it prints the particulars of the work it reviews (publisher, pages, price, next performances)';
  return 'an article with no sign of opinion, analysis, review or sponsorship';
}
