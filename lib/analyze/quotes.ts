/**
 * Direct quotes and who said them. Finds quoted passages by their marks (English “…” and "…", German
 * „…“ and »…«, French « … »), joins quotes split by their attribution or run across paragraphs, leaves
 * out scare quotes, titles and terms, and ties each quote to a speaker through the cue next to it.
 */
import {
  cueLanguages,
  cueLexicon,
  findCues,
  GERMAN_PARTICLES,
  GERMAN_SPEECH_PARTICIPLES,
  DESCRIBED_OBJECT,
  NAMING_CUE,
  TERM_MARKERS,
  type CueLexicon,
  type CueMatch,
} from './cues';
import {
  germanPersonNoun,
  speakerDescription,
  trustSpeaker,
  withoutTopic,
  type SpeakerEvidence,
} from './mentions';
import { firstNameGender } from './given-names';
import { isPronoun, PARTICLE_SURNAME, personName, THIRD_PERSON_SINGULAR } from './names';
import {
  anyStartingBetween,
  pronounFits,
  resolveSpeaker,
  startingBetween,
  UNNAMED_SUBJECT,
  type SpeakerContext,
  SUBJECT_VERB_AFTER,
} from './speakers';
import {
  MAX_SENTENCE,
  selectorFor,
  sentenceEnd,
  sentenceStart,
  splitParagraphs,
  type Paragraph,
} from './paragraphs';
import { collapseWhitespace } from '../extract/text';
import type { Quote } from './types';

/** Which marks close a quote opened by each mark. */
const CLOSERS: Record<string, string> = {
  '“': '”',
  '"': '"',
  '„': '“”',
  '«': '»',
  '»': '«',
  '‟': '”',
};
const OPENERS = Object.keys(CLOSERS).join('');
const OPENER = new RegExp(`[${OPENERS}]`, 'g');

interface Span {
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
  /** The quoted text in each paragraph the quote runs through (offsets into the text). */
  parts: { start: number; end: number }[];
  paragraph: number;
  endParagraph: number;
}

/** Can the mark at `at` open a quote? Straight and » marks only after a space, a bracket or a dash. */
function canOpen(text: string, at: number): boolean {
  const mark = text[at]!;
  const next = text[at + 1] ?? '';
  if (!next || (/\s/.test(next) && mark !== '«')) return false;
  if (mark !== '"' && mark !== '»') return true;
  const before = text[at - 1] ?? ' ';
  return /[\s([{—–\-/]/.test(before);
}

/** Longer than this between two marks is no quote (and the search stays linear in a huge block). */
const MAX_QUOTE = 4_000;

/**
 * Where the next closing mark of each kind is, for searches that move forward through the text: each
 * answer is kept until the search passes it, so finding the closers of every opening mark of a text
 * costs one pass per kind of mark, also when none of them is ever closed.
 */
class NextMarks {
  private readonly found = new Map<string, { from: number; at: number }>();
  constructor(private readonly text: string) {}

  /** Offset of the first of `marks` at or after `from`; -1 if there is none. */
  after(marks: string, from: number): number {
    let first = -1;
    for (const mark of marks) {
      let known = this.found.get(mark);
      // A search from further back than the last one (a quote going on into the next paragraph) asks anew.
      if (!known || from < known.from || (known.at >= 0 && from > known.at)) {
        known = { from, at: this.text.indexOf(mark, from) };
        this.found.set(mark, known);
      }
      if (known.at >= 0 && (first < 0 || known.at < first)) first = known.at;
    }
    return first;
  }
}

/** Offset of the mark that closes the quote opened at `open`, within [from, limit); -1 if none. */
function findCloser(text: string, open: number, from: number, end: number, next: NextMarks): number {
  const limit = Math.min(end, from + MAX_QUOTE);
  const mark = text[open]!;
  const closers = CLOSERS[mark]!;
  // No closing mark before the limit: nothing to count nested quotes for.
  const firstCloser = next.after(closers, from);
  if (firstCloser < 0 || firstCloser >= limit) return -1;
  let depth = 0;
  for (let at = from; at < limit; at++) {
    const char = text[at]!;
    // A nested quote of the same kind ("“… “…” …”") closes before the outer one does.
    if (char === mark && mark !== '"' && !closers.includes(char) && canOpen(text, at)) depth++;
    else if (closers.includes(char)) {
      if (depth === 0) return at;
      depth--;
    }
  }
  return -1;
}

function findSpans(text: string, paragraphs: Paragraph[]): Span[] {
  const spans: Span[] = [];
  const next = new NextMarks(text);
  // Every quote mark that might open a quote, in reading order: the scan jumps from one to the next.
  const marks = Array.from(text.matchAll(OPENER), (match) => match.index);
  let mark = 0;
  let resumeAt = 0;
  // A quote left open in paragraph p that finds no close in the paragraphs after it leaves every
  // later quote left open in p, and in those paragraphs, without one too: they are not searched again.
  let unclosedThrough = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    let at = Math.max(paragraph.start, resumeAt);
    while (at < paragraph.end) {
      while (mark < marks.length && marks[mark]! < at) mark++;
      if (mark === marks.length || marks[mark]! >= paragraph.end) break;
      at = marks[mark]!;
      if (!canOpen(text, at)) {
        at++;
        continue;
      }
      const close = findCloser(text, at, at + 1, paragraph.end, next);
      if (close >= 0) {
        spans.push({
          open: at,
          close,
          parts: [{ start: at + 1, end: close }],
          paragraph: p,
          endParagraph: p,
        });
        at = close + 1;
        continue;
      }
      // No closing mark: the quote may go on in the next paragraphs, each opening with a mark again.
      if (p < unclosedThrough) {
        at++;
        continue;
      }
      const parts = [{ start: at + 1, end: paragraph.end }];
      let closed: Span | null = null;
      let q = p + 1;
      for (; q < paragraphs.length; q++) {
        const following = paragraphs[q]!;
        if (!OPENERS.includes(text[following.start] ?? '')) break;
        const end = findCloser(text, following.start, following.start + 1, following.end, next);
        if (end >= 0) {
          parts.push({ start: following.start + 1, end });
          closed = { open: at, close: end, parts, paragraph: p, endParagraph: q };
          break;
        }
        parts.push({ start: following.start + 1, end: following.end });
      }
      if (!closed) {
        unclosedThrough = q;
        at++;
        continue;
      }
      spans.push(closed);
      resumeAt = closed.close + 1;
      break;
    }
  }
  return spans;
}

/** Quote text as the gold format wants it: whitespace collapsed, no trailing comma. */
export function cleanQuoteText(raw: string): string {
  return collapseWhitespace(raw).replace(/\s*,$/, '');
}

interface Attribution {
  mention: string;
  cue: string;
  /** Where it was found: after the quote, before it (ending the lead-in), or earlier in the sentence. */
  where: 'after' | 'before' | 'sentence' | 'inside';
  /**
   * Named by a preposition ("according to X", "laut X", "selon X"): the sentence is the writer's
   * paraphrase, so a word or two in quotation marks inside it is a term, not a quote.
   */
  paraphrase?: boolean;
  /** Taken from the quote before, for a quote whose own sentence may have another speaker: keeps the quote, names no one. */
  speakerUnknown?: boolean;
}

const CLAUSE_CUT = /,\s*(?:who|which|whose|der|die|das|qui|dont)\b|\s+(?:who|which)\s|,\s|\s[–—-]\s|\(/u;

/**
 * Where and when a named speaker spoke is no part of the name: "Thomas Tuchel in einem Interview mit der
 * Sportschau", "Seibert in Berlin", "Mayor Adams at a news conference", "Marc Henry lors d'un point
 * presse". In German every noun is capitalised, so left on, the place would be taken for the name.
 * Only after a capitalised word or a year ("sagte Loriot 1979 im Gespräch"), and never "of", "für", "de",
 * which join the words of an organisation's name ("Bank of America", "Institut für Arbeitsmarkt",
 * "ministère de l'Intérieur").
 */
const SETTING_AFTER_NAME =
  /(?<=(?:\p{Lu}[\p{L}.'’-]*|\d{4}))\s+(?:in|im|bei|beim|nach|vor|auf|am|laut|während|at|during|to|à|au|aux|lors|dans|devant|pendant|mit\s+(?:einem|einer|seinem|seiner|ihrem|ihrer)|with\s+(?:a|an|his|her)|voller|jüngst|damals|zuletzt|kürzlich|einst|bereits)(?:\s|$)/u;

/** Words a speaker is named in, at most, before a setting: "der Oberkommandierende General der US-Streitkräfte". */
const MAX_WORDS_BEFORE_SETTING = 5;

/** The phrase without the setting after a short name; a longer phrase is no speaker and stays whole. */
function withoutSetting(phrase: string): string {
  // A verb after it makes the phrase a clause ("Brauereien auf Trinkwasser angewiesen sind"), which the
  // cut would hide.
  if (FINITE_VERB_INSIDE.test(` ${phrase} `)) return phrase;
  const setting = SETTING_AFTER_NAME.exec(phrase);
  return setting && wordCount(phrase.slice(0, setting.index)) <= MAX_WORDS_BEFORE_SETTING
    ? phrase.slice(0, setting.index)
    : phrase;
}

/** The pronouns that stand for a speaker as the subject of a sentence. */
const SUBJECT_PRONOUNS = 'er|sie|he|she|il|elle|they';

/**
 * A lower-case subject pronoun before an object or a setting ("er seinen Ausfall", "er in einem
 * Interview", "she to reporters"), not before a verb of its own ("he met Gosling, who …"). "Sie" may be
 * the formal "you".
 */
const PRONOUN_HEAD = new RegExp(
  String.raw`^\s*(${SUBJECT_PRONOUNS}|ils|elles)\s+(?:(?:sein|seine|seinen|seinem|seiner|ihr|ihre|ihren|ihrem|ihrer|den|dem|der|die|das|einen|einem|einer|in|im|am|bei|beim|vor|nach|auf|gegenüber|mit|zu|zum|zur|to|at|during|à|au|aux|dans|lors|devant)\s|\p{Lu})`,
  'u',
);

/**
 * "sagte er damals", "sagte er sichtlich überrascht", "sagen sie voller Stolz": a pronoun and the adverbs
 * of time or manner after it (not "er und sein Bruder", not "she wrote that the facts …").
 */
const SPEAKER_ADVERB =
  'damals|später|zuvor|dann|noch|erneut|weiter|abschließend|gestern|heute|zuletzt|jüngst|einst|kürzlich|bereits|schon|nun|jetzt|sofort|deutlich|offen|knapp|sichtlich|sichtbar|hörbar|merklich|lachend|lächelnd|schmunzelnd|augenzwinkernd|überrascht|gerührt|bewegt|erleichtert|stolz|zufrieden|enttäuscht|trocken|nüchtern|alors|ensuite|encore|aussi';
const PRONOUN_BEFORE_ADVERBS = new RegExp(
  String.raw`^\s*(er|sie|il|elle|ils|elles)(?:\s+(?:${SPEAKER_ADVERB}|voller\s+\p{Lu}\p{Ll}+)){1,3}[\s,;:.!?]*$`,
  'u',
);

/** An English subject pronoun ending a phrase, not in a clause of its own ("for what he [said]"). */
const TRAILING_PRONOUN =
  /(?<!\b(?:what|that|which|who|whom|whose|when|where|why|how|if|as|because|since|while|after|before|until|once|though|although|than|whether))\s(he|she|they)$/iu;

/** The speaker phrase cleaned: appositions and relative clauses cut off, punctuation trimmed. */
function cleanMention(phrase: string): string {
  // "Back in 2009 she [told Oprah]": the pronoun before the verb, taken before the setting ("in 2009
  // she") is taken off with it; only in a short phrase of one clause, since after a comma the pronoun
  // may open a clause of its own.
  const pronounAfterSetting =
    !/[,;:]/u.test(phrase) && wordCount(phrase) <= 8 ? TRAILING_PRONOUN.exec(phrase.trim()) : null;
  if (pronounAfterSetting) return pronounAfterSetting[1]!;
  let mention = withoutSetting(withoutTopic(phrase.trim()));
  const cut = CLAUSE_CUT.exec(mention);
  if (cut && cut.index > 0) mention = mention.slice(0, cut.index);
  // "sagte er seinen Anhängern", "erklärte er in einem Interview mit der Financial Times", "she told
  // reporters": a subject pronoun is the whole speaker; what follows is the verb's object or setting.
  const pronoun = PRONOUN_HEAD.exec(mention) ?? PRONOUN_BEFORE_ADVERBS.exec(mention);
  if (pronoun) return pronoun[1]!;
  // "Speaking through an interpreter he added", "After the vote she said": an English pronoun right
  // before the verb is its subject, whatever opens the clause without a comma. Not in a clause of its
  // own: "calling the department out for what he [said was …]".
  const trailingPronoun = TRAILING_PRONOUN.exec(mention);
  if (trailingPronoun) return trailingPronoun[1]!;
  // "sagt Trommer und zeigt auf den Damm": a second verb of the speaker ends the name.
  mention = mention.replace(/\s+und\s+\p{Ll}+(?:t|te|ten)\s.*$/u, '');
  return (
    mention
      .replace(/^[\s,;:.–—-]+|[\s,;:.–—-]+$/g, '')
      .replace(
        /\s+(?:also|later|previously|earlier|repeatedly|again|then|however|too|auch|noch|aussi|encore|alors)$/iu,
        '',
      )
      .replace(AUXILIARY_AT_END, '')
      .replace(ADVERB_AT_END, '')
      .replace(PARTICLE_AT_END, '')
      // "he’d respond": the pronoun without its "would".
      .replace(/^(he|she|they|we|I)['’](?:d|ll)$/iu, '$1')
      .trim()
  );
}

/**
 * An English adverb between the subject and its verb: "the actress authoritatively [stated]", "Ruiz
 * quickly [added]". Not a noun in -ly ("the family", "an ally").
 */
const ADVERB_AT_END =
  /\s+(?!(?:family|ally|assembly|rally|monopoly|anomaly|bully|belly|jelly|lily|folly|homily|supply|reply|melancholy|fly|butterfly|firefly|panoply|oligopoly)$)\p{Ll}{2,}ly$/u;

/** The particle of a German speech verb after its subject: "fügte er hinzu" → "er", "teilte die Stadt mit". */
const PARTICLE_AT_END = new RegExp(String.raw`\s+(?:${GERMAN_PARTICLES})$`, 'u');

/**
 * German puts the verb's object after the subject that follows the cue: "erklärt Döring den Prozess",
 * "beschreibt Cai den Forschungsansatz", "sagte der Chef dem Sender". An accusative or dative article
 * after a capitalised word ends the speaker ("der Chef der Bundesagentur", a genitive, stays whole); so
 * does "ein" or "eine", which open the next phrase ("laut einem Jury-Mitglied eine „…“"), and a possessive
 * that is no genitive ("begründet das Gericht seine Entscheidung").
 */
const GERMAN_OBJECT_ARTICLES = 'den|dem|ein|eine|einen|einem|seine|seinen|seinem|ihre|ihren|ihrem';
const OBJECT_AFTER_NAME = new RegExp(
  String.raw`(?<=\p{Lu}[\p{L}.'’-]*)\s+(?:${GERMAN_OBJECT_ARTICLES})\s.*$`,
  'u',
);

/**
 * An auxiliary or modal between the subject and the cue is no part of the speaker: "As one commentator
 * has argued" → "one commentator", "Technocrats like to say" → "Technocrats", "Merkel hat gesagt".
 */
const AUXILIARY_AT_END =
  /(?:\s+(?:has|have|had|is|was|were|are|will|would|could|should|might|may|must|can|did|does|do|hat|hatte|haben|hatten|habe|ist|war|wird|wurde|würde|werde|(?:likes?|liked|wants?|wanted|used|tends?|tended|loves?|seems?|seemed) to))+$/iu;

/**
 * "Der Regierungssprecher Béla Anda hatte am Mittwoch [erklärt]", "Die Universität hatte anlässlich des
 * Entzugs [erklärt]": the subject before an auxiliary whose participle is the cue; what stands between
 * them is no part of the speaker. Not across a subordinate clause ("… was away when she [said]").
 */
function withoutAuxiliaryTail(phrase: string): string {
  const split = /^(.{2,80}?)\s+(?:hat|hatte|haben|hatten|habe|has|had|have)\s+([^,;:]{1,60})$/u.exec(
    phrase.trim(),
  );
  if (!split || SUBORDINATE.test(` ${split[2]!} `) || FINITE_VERB_INSIDE.test(` ${split[1]!} `))
    return phrase;
  return split[1]!;
}

/** The last subordinating word of a phrase with words after it ("… when the minister" → "the minister"). */
const SUBORDINATE =
  /^.*(?:^|\s)(?:when|while|if|because|although|though|as|since|that|whom|where|after|before|until|wenn|als|weil|obwohl|dass|während|nachdem|bevor|quand|lorsque|si|parce que|puisque|que|qu['’]|alors que|tandis que)\s+(?=\S)/iu;

/**
 * The subject right before a verb: "But it was not so easy when the minister" → "the minister", "Her
 * hope was that when she" → "she".
 */
function subjectOfLastClause(mention: string): string {
  const subordinate = SUBORDINATE.exec(mention);
  return subordinate ? mention.slice(subordinate[0].length) : mention;
}

const MAX_MENTION_WORDS = 10;
/** A speaker is named, or introduced by a determiner ("the message", "a senior official"), or a pronoun. */
const SPEAKER_START =
  /^(?:\p{Lu}|(?:the|a|an|his|her|its|their|our|one|two|three|several|some|many|other|der|die|das|ein|eine|einer|le|la|les|l['’]|un|une|des|he|she|they|it|we|i|er|sie|es|wir|ich|il|elle|ils|elles|nous|je|on)(?:\s|$))/u;

/**
 * Phrases that open a sentence but are no speaker: "In einem Interview", "Am Montag", "After the vote".
 * German "an" only before its article ("An diesem Tag"), or before a phrase too long to be a short
 * English description: "an officer" is a speaker, "an unnamed poster put up her picture" is not.
 */
const NOT_A_SPEAKER =
  /^(?:in|im|am|an(?=\s+(?:der|die|das|den|dem|des|diesem|dieser|diesen|einem|einer|jedem|jeder|seinem|seiner|ihrem|ihrer)\s|(?:\s+\S+){4})|auf|bei|beim|nach|neben|ab|bis|samt|nebst|vor|von|vom|aus|ins|durch|ohne|um|wegen|trotz|gegen|den|dem|einen|einem|mit|zu|zur|zum|für|über|unter|seit|während|laut|gegenüber|dabei|dazu|damit|darauf|daraufhin|außerdem|auch|doch|jedoch|zudem|weiter|später|heute|gestern|morgen|dann|so|hier|dort|on|at|after|before|during|later|earlier|in|dans|lors|après|avant|pour|en|au|aux|sur|par|this|that|it|es|there|here|angesichts|infolge|aufgrund|anlässlich|bezüglich|hinsichtlich|mangels|statt|anstatt|außer|innerhalb|außerhalb|jenseits|dank|zufolge|gemäß|entgegen|seitens|despite|amid|following|with|without|under|among|through|since|until|upon|against|within|malgré|face|contre|chez|sans|sous|vers|depuis|pendant|parmi)(?:\s|$)/iu;

/**
 * A word that opens a German sentence (or an English or French one) and is no subject: a sentence adverb
 * ("Zugleich mahnte sie", "Freilich sagt er"), or a demonstrative that stands for what was said ("Das
 * sagte der Präsident"). German puts the subject after the verb there.
 */
const SENTENCE_ADVERB =
  /^(?:zugleich|gleichzeitig|freilich|allerdings|dennoch|trotzdem|deshalb|deswegen|darum|daher|nun|jetzt|damals|schließlich|immerhin|vielmehr|stattdessen|ebenso|ebenfalls|anschließend|zuvor|zunächst|inzwischen|mittlerweile|bereits|schon|sogar|natürlich|tatsächlich|offenbar|jedenfalls|indes|indessen|hingegen|dagegen|ferner|überdies|zuletzt|kürzlich|einst|bisher|bislang|danach|hierzu|wiederum|endlich|das|dies|dieses|however|meanwhile|instead|moreover|furthermore|nevertheless|nonetheless|afterwards?|pourtant|cependant|toutefois|néanmoins|ensuite|puis|alors|enfin|désormais|ainsi|donc)$/iu;

const plausibleMention = (mention: string) => {
  if (
    !mention ||
    SENTENCE_ADVERB.test(mention) ||
    !SPEAKER_START.test(mention) ||
    (NOT_A_SPEAKER.test(mention) && !/^(?:it|es)$/iu.test(mention) && !PARTICLE_SURNAME.test(mention))
  )
    return false;
  // "Sen. Ben Sasse, R-Neb., said": a party and state after a name describe it.
  if (PARTY_AND_STATE.test(mention)) return false;
  // "Ein Freund sagte Ihnen einmal: „…“": an object pronoun is whom the words went to.
  if (OBJECT_PRONOUN_FIRST.test(mention)) return false;
  const words = mention.split(/\s+/).length;
  if (words > MAX_MENTION_WORDS) return false;
  // A finite verb inside is a clause, not a speaker: "Die transponierbaren Elemente könnten dabei helfen".
  if (FINITE_VERB_INSIDE.test(` ${mention} `)) return false;
  // "Seine Eindrücke [fasste eines der Kinder …]": a German possessive before a noun that is no person
  // is the verb's object, put first; the subject follows.
  const owned = /^(?:sein|seine|seinen|ihr|ihre|ihren|unser|unsere|dessen|deren)\s+(\p{Lu}[\p{L}-]*)$/iu.exec(
    mention,
  );
  if (owned && !germanPersonNoun(owned[1]!)) return false;
  // A subject with its verb and an infinitive's "to" is no speaker: "“…” He declined to say when …".
  if (/\sto$/u.test(mention)) return false;
  // A phrase cut at an ordinal names no one whole: "der Präsident der 27[. UN-Klimakonferenz]".
  if (/\s(?:der|des|die|den|dem|the|of|du|de)\s\d{1,3}\.?$/u.test(mention)) return false;
  // A quote mark inside means the phrase runs into another quote.
  return !/[“”„«»"]/.test(mention);
};

/** A document after a verb, its object: "a statement on the Mozilla blog", "his letter to the board". */
const DOCUMENT_OBJECT =
  /^(?:a|an|the|his|her|their|its)\s+(?:[\p{Ll}-]+\s+)?(?:statement|letter|message|post|note|tweet|video|comment|response|reply|e-?mail|memo)\b/u;

const OBJECT_PRONOUN_FIRST = /^(?:ihm|ihnen|mir|dir|uns|euch|ihn|mich|dich|him|them|me|us)(?:\s|$)/iu;

const REACTION_CUE = /^(?:laughed|sighed|lachte|seufzte)$/iu;

const ENGLISH_PARTICIPLE = /^(?!according\b)\p{Ll}+ing$/u;

const REPORTED_SUBJECT_AT_END =
  /\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|remains|ist|sind|war|waren|sei|seien|hat|habe|haben|wird|werde|werden|est|sont|était|sera)$/u;

const PARTY_AND_STATE = /^[DRI]-\p{Lu}[\p{L}.]*$/u;

const FINITE_VERB_INSIDE =
  /\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|würde|würden|kann|können|könnte|könnten|muss|müssen|soll|sollen|sei|seien|habe|werde|könne|müsse|solle|wolle|will|wollen|wollte|wollten|möchte|möchten|darf|dürfen|durfte|mag|mögen|sollte|sollten|müsste|müssten|konnte|konnten|musste|mussten|est|sont|était|étaient|ont|avait|peut|peuvent|pourrait|pourraient|doit|doivent)\s/u;

/**
 * Words between a verb and its speaker: "said Tuesday", "said to reporters", "a déclaré lundi",
 * "sagte am Dienstag", "sagte gegenüber Journalisten".
 */
const BETWEEN_VERB_AND_NAME =
  /^(?:\s+(?:(?:on|am|le|ce)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:morning|afternoon|evening|night|morgen|abend|nachmittag|matin|soir|après-midi))?|\s+(?:to|gegenüber)\s+(?:reporters|journalists|journalisten|reportern|der presse)|\s+aux journalistes|\s+auf (?:Nachfrage|Anfrage)|\s+(?:yesterday|today|tonight|gestern|heute|damals|jüngst|zuletzt|bereits|hier|aujourd['’]hui|also|auch|aussi|encore|ebenfalls|dann|ensuite|then))+(?=\s)/iu;

/**
 * A subordinate clause after the speaker the cue names is about when or why they spoke, not who they
 * are: "said a WeWork spokesperson when contacted by Reuters" → "a WeWork spokesperson". Not German
 * "als", which also describes ("sagte der als Hardliner bekannte Minister").
 */
const CLAUSE_AFTER_SPEAKER =
  /\s+(?:when|while|after|before|once|because|although|though|if|wenn|weil|obwohl|nachdem|bevor|quand|lorsque|lorsqu['’]|parce)\s.*$/su;

/** A cue as matched, without the punctuation and spaces it ran into ("said," → "said"). */
const trimCue = (cue: string) => cue.replace(/[\s,.;:]+$/, '');

/**
 * "wird X (in einem Bericht) zitiert": X, to a comma or the place the words appeared in; after the quote
 * ("„…“, wird Firmenchef Kevin Lynch zitiert") or closing the lead-in ("wird Watzke auf der Internetseite
 * des Vereins wie folgt zitiert: „…“").
 */
const PASSIVE_QUOTED_CORE = String.raw`(?:wird|wurde)\s+(\p{Lu}.{1,120}?)\s+(?:(?:in|im|von|vom|auf|bei|mit|gegenüber)\s+[^,.;]{1,60}?\s+)?(?:so\s+|wie folgt\s+)?zitiert(?![\p{L}])`;
const PASSIVE_QUOTED = new RegExp(`^${PASSIVE_QUOTED_CORE}`, 'u');
const PASSIVE_QUOTED_BEFORE = new RegExp(String.raw`(?:^|[\s,])${PASSIVE_QUOTED_CORE}\s*$`, 'u');

/**
 * A sentence that opens with "Wie X sagte," ("As X said,", "Comme l'a dit X,"): X is the speaker of the
 * sentence's quote. German subordinate clauses join a separable verb to its particle ("wie die Polizei
 * mitteilte").
 */
const AS_SAID_OPENER = /^(?:Wie|As)\s+([^,;:]{2,120})(?:,\s|$)/u;
const AS_SAID_BEFORE_QUOTE = /[,;–—]\s*(?:wie|as)\s+([^,;:„“”"«»]{2,100})$/u;
const GERMAN_SUBORDINATE_CUE =
  /\s(?:mitteilte|mitteilten|mitteilt|hinzufügte|hinzufügt|einräumte|einräumt|ankündigte|ankündigt|bekanntgab|bekanntgibt|feststellte|feststellt|klarstellte|klarstellt|ausführte|ausführt|hervorhob|hervorhebt)$/u;

/**
 * German perfect tenses, the auxiliary first and the participle last: "„…“, hatte VW-Chef Winterkorn in
 * einem Interview erklärt", "„…“, hat die Ministerin damals gesagt"; and "ließ X verlauten".
 */
const PERFECT_SAID = new RegExp(
  String.raw`^(?:hat|hatte|haben|hatten|ließ|ließen)\s+((?:\p{Lu}|(?:der|die|das|ein|eine)\s).{0,80}?)\s+` +
    String.raw`(?:(?:in|im|am|auf|bei|beim|gegenüber|vor|nach|damals|zuvor|bereits|schon|einmal|noch|dazu|dann|später|kürzlich|jüngst|gestern|heute|kurz|nur|zudem|ebenfalls|auch)(?:\s[^,.;„“”]{0,60}?)?\s+)?` +
    String.raw`(?:${GERMAN_SPEECH_PARTICIPLES})(?![\p{L}])`,
  'u',
);

/** An accusative or dative article a few words before a name: the name is the verb's object. */
const GERMAN_OBJECT_BEFORE_NAME = new RegExp(
  String.raw`(?:^|\s)(?:${GERMAN_OBJECT_ARTICLES})\s+(?:[\p{L}-]+\s+){0,3}$`,
  'u',
);

/** A subject pronoun opening a phrase: "[bezeichnete] er als". */
const PRONOUN_FIRST = new RegExp(String.raw`^(${SUBJECT_PRONOUNS})\s`, 'u');
/** A subject pronoun in a colon lead-in; capitalised only where it opens it ("Sie wird … zitiert:"), never "Il". */
const LEAD_IN_PRONOUN = new RegExp(
  String.raw`(?:^|\s)(${SUBJECT_PRONOUNS}|(?<=^)(?:Er|Sie|He|She|Elle))(?=\s)`,
  'gu',
);

/** A preposition right before a name: the name is its object ("von Angela Merkel", "with Ana Ruiz"). */
const PREPOSITION_BEFORE_NAME =
  /(?:^|\s)(?:von|vom|mit|für|gegen|über|an|bei|zu|nach|of|with|for|against|about|by|from|de|d['’]|avec|pour|contre)\s+$/iu;

/**
 * A preposition whose object is what a lead-in speaks about, not who speaks: "Seine Meinung zu
 * Kirchhoff:", "His view on Ruiz:". Not "von", "by", "de", which may name the speaker ("Die Antwort von
 * Merkel:").
 */
const TOPIC_PREPOSITIONS = 'zu|über|gegen|für|an|about|on|against|over|sur|contre|envers';

/** A preposition of place: "lors des émeutes de Stonewall à New York, en 1969 :" names a city, not who speaks. */
const PLACE_PREPOSITIONS = 'à|au|aux|en|dans|in|im|at|near|aus|nach';

/** A name after a preposition of topic or place is no colon lead-in's subject. */
const NO_SUBJECT_PREPOSITION_BEFORE_NAME = new RegExp(
  String.raw`(?:^|\s)(?:${TOPIC_PREPOSITIONS}|${PLACE_PREPOSITIONS})\s+$`,
  'iu',
);

/**
 * A German sentence's subject when it is a description and opens the sentence, the verb after it (German
 * puts the verb second): "Ein WWF-Sprecher schätzte ein", "Der Ermittler, der als Zeuge gilt, will",
 * "Die Bewohner des Dorfes sehen", "Ein Beamter der Nationalpolizei:".
 */
const GERMAN_SUBJECT_DESCRIPTION =
  /^((?:Ein|Eine|Der|Die)\s+(?:\p{Ll}+\s+){0,2}\p{Lu}[\p{L}-]*(?:\s+(?:des|der)\s+(?:\p{Ll}+\s+){0,2}\p{Lu}[\p{L}-]*)?)(?=[\s,:])/u;

/**
 * The German impersonal cue and the text it quotes: "heißt es in dem LSVD-Schreiben an …", "hieß es in
 * einer Pressemitteilung des CCC", "hieß es vom Abgeordneten Viktor Oserow", "In dem Antrag heißt es
 * wörtlich:". The document or body is the speaker: a noun phrase after the preposition, with a
 * genitive after it ("einer gemeinsamen Erklärung des Airbus-Gesamtbetriebsrats").
 */
const GERMAN_SOURCE_PHRASE = String.raw`(?:[\p{Ll}-]+\s+){0,3}\p{Lu}[\p{L}-]*(?:\s+(?:des|der|von|vom)\s+(?:[\p{Ll}-]+\s+){0,2}\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})?`;
const GERMAN_SOURCE_PREPOSITION = String.raw`(?:(?:in|aus|von|seitens|bei)\s+(?:dem|der|einem|einer|den|des)|im|vom|beim|aus|seitens)`;
const IMPERSONAL_CUE_AFTER = new RegExp(
  String.raw`^(?:so\s+)?(heißt|hieß|heisst|hiess)\s+es\s+(?:(?:dazu|darin|weiter|wörtlich|unter anderem|auch|ferner|etwa|zudem|dort|nun|jetzt|damals|ebenfalls)\s+)*${GERMAN_SOURCE_PREPOSITION}\s+(${GERMAN_SOURCE_PHRASE})`,
  'u',
);
const IMPERSONAL_CUE_BEFORE = new RegExp(
  String.raw`(?:^|[\s,])(?:[Ii]n\s+(?:dem|der|einem|einer)|[Ii]m)\s+(${GERMAN_SOURCE_PHRASE})\s+(?:heißt|hieß|heisst|hiess|steht|stand)\s+es\b[^:]{0,40}:\s*$|(?:heißt|hieß|heisst|hiess)\s+es\s+(?:(?:dazu|darin|weiter|wörtlich|unter anderem|auch|ferner|etwa|zudem|dort)\s+)*${GERMAN_SOURCE_PREPOSITION}\s+(${GERMAN_SOURCE_PHRASE})[^:]{0,40}:\s*$`,
  'u',
);

/** A German body's name in the genitive, one noun: "Ministeriums", "Verbandes", "Bundestags". */
const GENITIVE_BODY =
  /^([\p{L}-]*?(?:ministerium|zentrum|gremium|präsidium|institut|amt|rat|gericht|büro|komitee|kabinett|parlament|verband|verein|konzern|bundestag|landtag|senat))e?s$/iu;

/**
 * Who a document or body that `heißt es` quotes stands for: the person it names ("Abgeordneten des
 * Föderationsrates Viktor Oserow"), the body after des/der/von ("Pressemitteilung des CCC"), the acronym
 * a compound opens with ("LSVD-Schreiben"); else the phrase itself ("Antrag").
 */
function issuerOf(phrase: string): string {
  const person = personName(phrase);
  if (person && person.includes(' ') && /\s/u.test(phrase.slice(0, phrase.indexOf(person)))) return person;
  const genitive =
    /\s(?:des|der|von|vom)\s+(?:[\p{Ll}-]+\s+){0,2}(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)$/u.exec(phrase);
  // "des Ministeriums", "des Verbandes": the body as it is named, not in the genitive.
  if (genitive) return genitive[1]!.replace(GENITIVE_BODY, '$1');
  const acronym = /^(?:[\p{Ll}-]+\s+)*(\p{Lu}{2,})-\p{L}+$/u.exec(phrase);
  return acronym ? acronym[1]! : phrase;
}

/** Words, at most, of a title or name in quotation marks inside a German sentence ("„3 nach 9“"). */
const MAX_TITLE_WORDS = 4;

/** Words, at most, of a speaker that opens the sentence after a quote ending its own: "the mayor's spokesman said". */
const MAX_SPEAKER_BEFORE_CUE = 4;

/** What may follow a cue that closes its sentence: the day it was said, then the full stop. */
const SENTENCE_CLOSES =
  /^(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today))?[\s.!?…]*$/iu;

/**
 * A person's name after up to three words of a title in lower case ("spokeswoman Ana Ruiz", "investment
 * banker Anthony Scaramucci", "Sprecherin Eva Roth"); not a preposition's object ("unter Berufung auf …").
 * `strict`, where no cue right before vouches for it: no preposition or pronoun among the words before the
 * name ("deal with DirecTV", "wie er auf Sächsisch").
 */
function titledPerson(phrase: string, strict = false): boolean {
  const titled = /^((?:[\p{Ll}-]+\s+){1,3})(\p{Lu}.*)$/u.exec(phrase);
  if (
    !titled ||
    NOT_A_SPEAKER.test(phrase) ||
    personName(phrase) !== titled[2] ||
    !plausibleMention(titled[2]!)
  )
    return false;
  return (
    !strict ||
    !titled[1]!
      .trim()
      .split(/\s+/)
      .some((word) => isPronoun(word) || PREPOSITION_BEFORE_NAME.test(` ${word} `))
  );
}

/**
 * A title in lower case before a full name: "research team head Jennifer Ngo-Anh". Not one name word
 * ("the letter Mike [wrote]").
 */
function titledFullName(phrase: string): boolean {
  if (!titledPerson(phrase, true)) return false;
  // A given name first: "the new Echo Dot [with a clock]" names a thing.
  const name = personName(phrase);
  return !!name?.includes(' ') && firstNameGender(name.split(' ')[0]!) !== null;
}

/** Attribution after the quote: `, the message said`, `, said Mayor Ana Ruiz, who …`, `, a-t-il ajouté`. */
function attributionAfter(
  after: string,
  lexicon: CueLexicon,
  quoteEndsSentence = false,
  around = { nextOpensSentence: false, hasLeadIn: false },
): Attribution | null {
  // "“…”; Stone agreed": a semicolon opens another clause, with its own subject.
  if (/^\s*;/u.test(after)) return null;
  const rest = after.slice(/^[\s,;:–—-]*/.exec(after)![0].length);
  // German passive: "„…“, wird Firmenchef Kevin Lynch in einem Bericht zitiert".
  const passive = PASSIVE_QUOTED.exec(rest);
  if (passive) {
    const mention = cleanMention(passive[1]!);
    if (plausibleMention(mention)) return { mention, cue: 'zitiert', where: 'after' };
  }
  const impersonal = IMPERSONAL_CUE_AFTER.exec(rest);
  if (impersonal) return { mention: issuerOf(impersonal[2]!), cue: `${impersonal[1]!} es`, where: 'after' };
  const perfect = PERFECT_SAID.exec(rest);
  if (perfect) {
    const mention = cleanMention(perfect[1]!);
    if (plausibleMention(mention))
      return { mention, cue: trimCue(perfect[0].split(/\s+/).at(-1)!), where: 'after' };
  }
  // "„Wir“, so sagen sie, „…“", "so sagte Merkel": German "so" before a verb is no preposition, and the
  // verb is the cue.
  const soThenVerb = /^so\s+/u.exec(rest);
  const spoken =
    soThenVerb && lexicon.leading.test(rest.slice(soThenVerb[0].length))
      ? rest.slice(soThenVerb[0].length)
      : rest;
  const leading = lexicon.leading.exec(spoken) ?? lexicon.preposition.exec(spoken);
  if (leading) {
    const cue = trimCue(leading[0]);
    // "“…”, saying he trusted the courts", "“…”, adding that …": a participle after a quote says what
    // the same subject said next; the words after it are what was said, never the speaker.
    if (ENGLISH_PARTICIPLE.test(cue)) return null;
    const inverted = /-(?:t-)?(il|elle|ils|elles)\b/u.exec(cue);
    // German reflexive cues: "erinnerte sich Trotnow", "äußerte sich der Chef der Bundesagentur".
    const whole = cleanMention(
      spoken
        .slice(cue.length)
        .replace(/^\s+(?:sich|es)\s+/u, ' ')
        .replace(BETWEEN_VERB_AND_NAME, ' ')
        .replace(CLAUSE_AFTER_SPEAKER, ''),
    );
    // "erklärt Döring den Prozess": the object cut off after a short subject; but "zitiert Welt-Online
    // den Minister" quotes the minister, and the object is the speaker.
    const subject = whole.replace(OBJECT_AFTER_NAME, '');
    const following =
      plausibleMention(subject) && wordCount(subject) <= 3 && !/^zitier/iu.test(cue) ? subject : whole;
    if (inverted && !/^\p{Lu}/u.test(following)) return { mention: inverted[1]!, cue, where: 'after' };
    // "a déclaré la maire, Hélène Marchand": a role, then the name in apposition.
    const apposition = /^,\s*([^,.;]+)/u.exec(spoken.slice(cue.length).trim().slice(whole.length))?.[1];
    if (apposition && !personName(following) && personName(apposition)) {
      const named = cleanMention(apposition);
      if (plausibleMention(named)) return { mention: named, cue, where: 'after' };
    }
    if (plausibleMention(following)) return { mention: following, cue, where: 'after' };
    // "said spokeswoman Ana Ruiz", "sagte Sprecherin Eva Roth": a title in lower case before the name.
    return titledPerson(following) ? { mention: following, cue, where: 'after' } : null;
  }
  const match = findCues(rest.slice(0, 200), lexicon)[0];
  if (!match || match.index === 0 || match.index > 160) return null;
  const afterCue = rest.slice(match.index + match.text.length);
  // After a quote that ends its sentence, the next sentence is the quote's only if it opens with its
  // speaker and cue ("“I am not a crook.” Nixon said."); "“…” While working his way through the circuit,
  // he met Gosling, who told Chazelle …" is another sentence about something else.
  if (
    quoteEndsSentence &&
    (wordCount(rest.slice(0, match.index)) > MAX_SPEAKER_BEFORE_CUE ||
      /[,;]/u.test(rest.slice(0, match.index)) ||
      // "“… It’s very simple.” The cabinet members gathered around Mr. Trump laughed.": a sentence of
      // its own that laughs or sighs reacts to the quote; it does not say it.
      REACTION_CUE.test(match.text))
  )
    return null;
  // "Wootton asked her, “Did you get it from a tick?” She answered, “Yeah …”", "“…,” York said. “You have
  // to …” Smith agreed: “It’s a different job …”": a sentence after the quote whose cue hands on to a
  // quote that opens a sentence too is that quote's lead-in, when a colon says so or when this quote had
  // a lead-in of its own. "“Evil Emperor.” Chi Wuyao said, “The turning point …”", with neither, gives both
  // to Chi Wuyao; "“Really?” he said, “that is awful.”" splits one quote.
  if (
    quoteEndsSentence &&
    around.nextOpensSentence &&
    (/^\s*:\s*$/u.test(afterCue) || (around.hasLeadIn && /^\s*,\s*$/u.test(afterCue)))
  )
    return null;
  // "“…” Technocrats like to say that entire sectors …": a cue followed by what it reports speaks of
  // that, not of the quote before it.
  if (REPORTED_CLAUSE.test(afterCue)) return null;
  // "„…“ Das sagte der Präsident der Kommission am Montag.": the demonstrative is the quote, the verb's
  // object; its subject follows the verb.
  if (/^(?:Das|Dies)$/u.test(rest.slice(0, match.index).trim())) {
    const following = afterCue
      .replace(BETWEEN_VERB_AND_NAME, ' ')
      // The sentence's end, not an ordinal's full stop ("der 27. UN-Klimakonferenz").
      .split(/(?<=[^\d\s][.!?])\s/u)[0]!;
    const subject = cleanMention(following).replace(OBJECT_AFTER_NAME, '');
    return plausibleMention(subject) && wordCount(subject) <= 8
      ? { mention: subject, cue: trimCue(match.text), where: 'after' }
      : null;
  }
  // "“The thing with Elise bothered” Ford’s family, Starner said": the writer's words finish the sentence
  // the quote began, and the name right before the cue that closes it is its subject (not "Ana Ruiz, a
  // spokeswoman, said").
  // So does a pronoun: "2023 “will feel like a recession” to many people around the world, he said
  // Tuesday."
  const clauses = rest.slice(0, match.index).trim().split(/,\s+/u);
  const lastClause = cleanMention(clauses.at(-1)!);
  const subjectLast =
    clauses.length >= 2 &&
    personName(clauses[0]!) !== cleanMention(clauses[0]!) &&
    (personName(lastClause) === lastClause || /^(?:he|she|they)$/u.test(lastClause)) &&
    plausibleMention(lastClause) &&
    SENTENCE_CLOSES.test(afterCue);
  const mention = subjectLast ? lastClause : cleanMention(rest.slice(0, match.index));
  // "“…,” investment banker Anthony Scaramucci said": a title in lower case before the name.
  if (!plausibleMention(mention) && !titledPerson(mention, true)) return null;
  const cue = trimCue(match.text);
  return { mention, cue, where: 'after' };
}

/**
 * A quote that opens its sentence, the writer's words after it, and the sentence's own attribution
 * closing it: "“It makes for a compelling story” if you have blackouts …, Mr. Powers said.", "“…” mutually
 * shared by both countries, he warned.", "“…” trying to keep students safe, says Jennifer Johnson". The
 * speaker stands right after a comma: before a cue that ends the sentence, or after one that opens it.
 */
function attributionClosing(after: string, lexicon: CueLexicon): Attribution | null {
  const cues = findCues(after, lexicon);
  // Cue first, after a comma: "“…” trying to keep students safe, says Jennifer Johnson, a spokesperson".
  for (const cue of cues) {
    if (!/,\s+$/u.test(after.slice(0, cue.index))) continue;
    const found = attributionAfter(after.slice(after.lastIndexOf(',', cue.index)), lexicon);
    if (found && /^\p{Lu}/u.test(found.mention)) return found;
  }
  const match = cues.at(-1);
  if (!match || !/^[\s.!?…]*$/u.test(after.slice(match.index + match.text.length))) return null;
  const lead = after.slice(0, match.index);
  const comma = lead.lastIndexOf(', ');
  if (comma < 0) return null;
  const mention = cleanMention(lead.slice(comma + 2));
  if (
    !plausibleMention(mention) ||
    wordCount(mention) > 5 ||
    !/^(?:\p{Lu}|(?:he|she|they|er|sie|il|elle)$)/u.test(mention)
  )
    return null;
  return { mention, cue: trimCue(match.text), where: 'after' };
}

/** A clause after a comma that is no apposition: "erklärte Koppelin, dass …", "schildert Dickie, wie …". */
const SUBORDINATE_OPENER =
  /^(?:that|whether|how|why|when|where|what|which|who|if|dass|ob|wie|warum|wann|wo|was|weil|wenn|als|der|die|das|welche[rs]?|que|qu['’]|si|comment|pourquoi|quand|où|qui)(?:\s|$)/iu;

/** What opens reported speech after a cue: "said that", "fragte, ob", "a dit que". */
const REPORTED_CLAUSE = /^[\s,]*(?:that|whether|dass|ob|que|qu['’])(?:\s|$)/iu;

/**
 * The speaker phrase that ends `lead` (the sentence up to a cue), back to the start of its clause; when
 * an apposition or relative clause sits between ("Hal Brenner, president of …, told"), the sentence's
 * first clause.
 */
export function mentionBefore(text: string, strict = false): string {
  // "Prof. Alexander Saberschinsky (Referent für Liturgie im Generalvikariat) erklärt", "Sen. Ben Sasse
  // (R-Neb.) said": a parenthesis between the subject and its verb describes the subject.
  const described = PARENTHESIS_AT_END.exec(text);
  const lead = described && described.index > 0 ? text.slice(0, described.index) : text;
  const clauses = lead
    .split(/[,;:]\s|\s[–—]\s/)
    .map((clause) =>
      cleanMention(withoutAuxiliaryTail(clause.split(/\s+/).slice(-MAX_MENTION_WORDS).join(' '))),
    );
  // The clause right before the cue, or before its comma.
  const lastWords = clauses.at(-1) === '' ? clauses.length - 2 : clauses.length - 1;
  if (lastWords >= 0) clauses[lastWords] = pronounSubject(clauses[lastWords]!);
  // "Jane Doe of Austin, Texas, said": the region after a place says where, not who.
  if (lastWords > 0 && REGION.test(clauses[lastWords]!) && PLACE_AT_END.test(clauses[lastWords - 1]!)) {
    clauses.splice(lastWords, 1);
    // "a student at Wesleyan University, the college in Middletown, Connecticut, wrote": and the
    // description of a place before it describes the subject named before that.
    if (lastWords > 1 && /^(?:the|a|an)\s/iu.test(clauses[lastWords - 1]!)) clauses.splice(lastWords - 1, 1);
  }
  const last = clauses.at(-1) ?? '';
  // "ein großer Apparat, dessen Chef sagt": someone described only through a noun before them, whom
  // the sentence does not name; not the noun.
  if (/^(?:dessen|deren)\s/u.test(last)) return '';
  // "The host quipped, “…?” to which she replied,": a pronoun after the relative word is its clause's subject.
  const relativeSubject = /(?:^|\s)(?:which|whom)\s+(he|she|they|we|I)\s*$/u.exec(lead)?.[1];
  if (relativeSubject) return relativeSubject;
  if (plausibleMention(last) && !RELATIVE.test(last)) return last;
  // "…, research team head Jennifer Ngo-Anh says": a title in lower case before the name.
  if (titledFullName(last)) return last;
  // "The central problem, as she noted in her memoirs, was": the clause that holds the cue has its own
  // subject after its subordinating word, and that is who spoke.
  const subordinateSubject = subjectOfLastClause(last);
  if (
    !strict &&
    subordinateSubject !== last &&
    plausibleMention(subordinateSubject) &&
    !RELATIVE.test(subordinateSubject)
  )
    return subordinateSubject;
  // strict: a subject we cannot read ("officials from both countries said") and no earlier clause
  // stands in for it.
  if (strict && last && !RELATIVE.test(last)) return '';
  // "Hal Brenner, president of …, told" / "Der Leiter der WHO, Klaus Stöhr, sagte": the clause that names a person.
  // Not a clause that opens with a subordinating word: "If Trump actually read it, Schwartz would have
  // been surprised, telling Mayer" names the main clause's subject after it, not in it.
  const earlier = clauses
    .slice(0, -1)
    .reverse()
    .filter(
      (clause) => plausibleMention(clause) && !RELATIVE.test(clause) && !SUBORDINATE_CLAUSE.test(clause),
    );
  // An apposition ("a Kansas Republican who …") describes the subject named before it. A clause that is
  // a full name wins over one word: "Maurice Obstfeld, who teaches at the University of California,
  // Berkeley, has warned".
  const named = earlier.filter((clause) => personName(clause));
  return (
    named.find((clause) => clause.includes(' ') && personName(clause) === clause) ??
    named.find((clause) => !/^(?:a|an|ein|eine|un|une)\s/iu.test(clause)) ??
    named[0] ??
    earlier.at(-1) ??
    ''
  );
}

/**
 * "He estimated the price to be $4 billion[, adding: “…”]": a clause that opens with a pronoun and its
 * verb has the pronoun for its subject. Not one that goes on to a "that" clause: in "She wrote that the
 * evidence [described in …]" the later word may be no verb of hers, which the caller checks on the
 * clause as written.
 */
function pronounSubject(clause: string): string {
  const pronoun = /^(?:he|she|they)(?=\s)/iu.exec(clause)?.[0];
  return pronoun && SUBJECT_VERB_AFTER.test(clause.slice(pronoun.length)) && !/\sthat\s/u.test(clause)
    ? pronoun
    : clause;
}

const RELATIVE = /^(?:who|which|whose|der|die|das|qui|dont)\b/u;
/** A clause opened by a subordinating word, whose subject is not the sentence's. */
const SUBORDINATE_CLAUSE =
  /^(?:if|when|whenever|although|though|because|while|whereas|unless|once|wenn|falls|obwohl|weil|während|nachdem|bevor|si|quand|lorsque|lorsqu['’]|bien qu['’e]|parce qu['’e])\s/iu;
const PARENTHESIS_AT_END = /\s*\([^()]*\)\s*$/u;
/** One or two capitalised words: "Texas", "North Carolina". */
const REGION = /^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?$/u;
/** A phrase ending in a place after its preposition: "Jane Doe of Austin", "a resident of Middletown". */
const PLACE_AT_END = /\s(?:of|in|at|near|from)\s\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?$/u;

/** A subject right after a word that opens an adverbial clause: "… laughed when he", "… als die Ministerin". */
const ADVERBIAL_SUBJECT_AT_END =
  /\s(?:when|while|after|before|because|since|until|once|as|wenn|als|weil|nachdem|während|quand|lorsque|lorsqu['’]|après que)\s+(?:(?:he|she|they|we|I|er|sie|il|elle|ils|elles)|(?:(?:the|der|die|das|le|la)\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/u;

/** The verb that closes a "Wie" clause: a German subordinate form ("mitteilte"), else its last cue. */
function closingCue(clause: string, lexicon: CueLexicon): { index: number; text: string } | undefined {
  const subordinate = GERMAN_SUBORDINATE_CUE.exec(clause);
  return subordinate
    ? { index: subordinate.index, text: subordinate[0].trim() }
    : findCues(clause, lexicon).at(-1);
}

/** "Wie der Minister am Dienstag erklärte, sieht die Regierung „…“": the opener's subject. */
function attributionAsSaid(lead: string, lexicon: CueLexicon): Attribution | null {
  const opener = AS_SAID_OPENER.exec(lead);
  if (!opener) return null;
  const clause = opener[1]!;
  const found = closingCue(clause, lexicon);
  if (!found) return asSaidWithApposition(lead, lexicon);
  // The verb closes the clause (German) or follows its subject ("As Ruiz put it"): nothing but a
  // setting after it.
  const mention = cleanMention(withoutAuxiliaryTail(clause.slice(0, found.index)));
  if (!plausibleMention(mention) || wordCount(mention) > 8) return null;
  return { mention, cue: trimCue(found.text), where: 'before' };
}

/** A clause that describes the name before it: "der Vorsitzende Richter, Ottmar Breidling,", "…, der dort war,". */
const APPOSITION_START = /^(?:der|die|das|den|dem|des|ein|eine|einer|the|a|an|who|which|\p{Lu})/u;
/** The verb that closes a "Wie" clause after an apposition, with at most a few words before it. */
const MAX_WORDS_WITH_CLOSING_CUE = 4;

/**
 * "Wie der Vorsitzende Richter, Ottmar Breidling, ausführte, …", "Wie Norman Paech, der … anwesend war,
 * dazu feststellt, …": the opener's subject, then appositions, then a short clause that ends on the verb.
 * The person's name is the mention: the opening phrase when it names one, else the apposition that does.
 */
function asSaidWithApposition(lead: string, lexicon: CueLexicon): Attribution | null {
  const opener = /^(?:Wie|As)\s+(.+)$/su.exec(lead);
  if (!opener) return null;
  const clauses = opener[1]!.split(/,\s+/u);
  for (let at = 1; at < clauses.length && at <= 3; at++) {
    const clause = clauses[at]!;
    if (wordCount(clause) > MAX_WORDS_WITH_CLOSING_CUE) {
      if (APPOSITION_START.test(clause)) continue;
      return null;
    }
    // A space first, so that a clause of the verb alone ("ausführte") is read too.
    const cue = closingCue(` ${clause}`, lexicon)?.text;
    // The verb closes the clause: nothing after it.
    if (!cue || !clause.trimEnd().endsWith(trimCue(cue))) {
      if (APPOSITION_START.test(clause)) continue;
      return null;
    }
    const phrases = clauses.slice(0, at).map((phrase) => cleanMention(phrase));
    if (!plausibleMention(phrases[0]!) || wordCount(phrases[0]!) > 8) return null;
    // A full name in an apposition wins over a title that may read as one ("Richter", a surname too).
    const fullName = (phrase: string) => plausibleMention(phrase) && personName(phrase)?.includes(' ');
    const mention = (fullName(phrases[0]!) ? phrases[0] : phrases.slice(1).find(fullName)) ?? phrases[0]!;
    return { mention, cue: trimCue(cue), where: 'before' };
  }
  return null;
}

/**
 * The cues of a lead-in that can attribute what follows. Not an English participle that opens the
 * phrase or follows a preposition that may tie it to an object: "Explaining why he argued …" and
 * "accused Bloomberg of arguing “…”" name no subject for it (who argued, Bloomberg or the one who
 * accused him of it?). "came in for criticism after saying “…”" is the subject's.
 */
function attributingCues(lead: string, lexicon: CueLexicon): CueMatch[] {
  return findCues(lead, lexicon).filter(
    (cue) =>
      !/^\p{L}+ing\b/u.test(cue.text) ||
      !/(?:^|(?:^|\s)(?:of|for|about|from|on|in)\s+)$/iu.test(lead.slice(0, cue.index).trimStart()),
  );
}

/** How many cues before the last one attributionBefore tries. */
const MAX_CUES_BACK = 4;
/** How much of a paragraph before a quote's sentence is read for the speaker it introduced. */
const MAX_LEAD_IN = 2 * MAX_SENTENCE;

/** Attribution in the lead-in: `Baker said, “`, `said Council member Tom Baker: “`, `the message said that “`. */
function attributionBefore(before: string, lexicon: CueLexicon): Attribution | null {
  const lead = before.replace(/[\s,:;–—-]+$/, '').replace(/\s+(?:that|dass|que|qu['’])$/u, '');
  if (!lead) return null;
  const passive = PASSIVE_QUOTED_BEFORE.exec(lead);
  if (passive) {
    const mention = cleanMention(passive[1]!);
    if (plausibleMention(mention)) return { mention, cue: 'zitiert', where: 'before' };
  }
  const asSaid = attributionAsSaid(lead, lexicon);
  if (asSaid) return asSaid;
  // "… und dennoch, wie Hilde Domin sagt, „…“", "…, as Ruiz put it, “…”": the same clause right before
  // the quote, inside the sentence.
  const asSaidLast = AS_SAID_BEFORE_QUOTE.exec(lead);
  const asSaidInside = asSaidLast ? attributionAsSaid(`Wie ${asSaidLast[1]!}`, lexicon) : null;
  if (asSaidInside) return asSaidInside;
  const cues = attributingCues(lead, lexicon);
  let last = cues.at(-1);
  if (!last) return attributionByPreposition(lead, lexicon);
  let subjectBefore = mentionBefore(lead.slice(0, last.index));
  // "she wrote that the evidence described in …": the subject found holds a cue of its own, so the
  // later word was no speech verb ("described") and the earlier cue is the attribution. A few steps
  // back at most: a lead-in with dozens of cue words is a list, and each step reads it again.
  const earliest = Math.max(0, cues.length - 1 - MAX_CUES_BACK);
  // Not when the later verb has a subject of its own after "when", "als", "quand": "Audience members
  // laughed when he urged voters, “…”".
  for (
    let i = cues.length - 2;
    i >= earliest &&
    attributingCues(subjectBefore, lexicon).length > 0 &&
    !ADVERBIAL_SUBJECT_AT_END.test(subjectBefore);
    i--
  ) {
    last = cues[i]!;
    subjectBefore = mentionBefore(lead.slice(0, last.index));
  }
  // "Volker said he never used the term … and added, “…”": a second verb of the same subject, named
  // right before the sentence's first verb.
  if (
    !plausibleMention(subjectBefore) &&
    cues[0] !== last &&
    /\s(?:and|und|et)\s*$/iu.test(lead.slice(0, last.index))
  ) {
    const firstLead = lead.slice(0, cues[0]!.index).trimEnd();
    const firstSubject = mentionBefore(firstLead, true);
    if (firstSubject && wordCount(firstSubject) <= 5 && firstLead.endsWith(firstSubject))
      subjectBefore = firstSubject;
  }
  subjectBefore = subjectOfLastClause(subjectBefore);
  // "research team head Jennifer Ngo-Anh says": a title in lower case before a name is a subject too.
  const subjectFound = plausibleMention(subjectBefore) || titledFullName(subjectBefore);
  const cue = last.text;
  const cueEnd = last.index + cue.length;
  const rawTail = lead.slice(cueEnd);
  const tail = rawTail.trim();
  if (!tail) return subjectFound ? { mention: subjectBefore, cue, where: 'before' } : null;
  // "When the star posted photos of her gown, for example, she received comments including “…”": a verb
  // in a leading subordinate clause speaks for none of the main clause's quotes.
  const subordinateEnd = lead.indexOf(', ');
  if (SUBORDINATE_CLAUSE.test(lead) && subordinateEnd > cueEnd) return null;
  // German puts the subject after the verb when something else opens the sentence:
  // "In einem Interview äußerte sich der EU-Außenbeauftragte Javier Solana zuversichtlich:"
  // "… befand X den Luftangriff als gerechtfertigt und nannte Trumps Auftrag „…“": a second verb of an
  // earlier subject; what follows it is its object.
  const sharedSubject = /\s(?:und|and|et)\s*$/iu.test(lead.slice(0, last.index));
  if (!subjectFound && !/^\s*,/.test(rawTail) && !(sharedSubject && NAMING_CUE.test(cue))) {
    // "Am Montag nannte Ana Ruiz den Plan „…“": the object after the name is cut off.
    let words = withoutTopic(
      tail
        .replace(/^(?:sich|es)\s+/u, '')
        .split(/\s+/)
        .slice(0, 10)
        .join(' '),
    )
      // "sagte Loriot 1979 einst selbst: Satire richte sich …": what a colon introduces is what was said.
      .replace(/\s*[:;].*$/u, '')
      .replace(OBJECT_AFTER_NAME, '');
    // "sagte Loriot 1979 im Gespräch mit Marianne Koch": where and when, not who.
    words = withoutSetting(words);
    // "nannte Reinhard Jung, Geschäftsführer des Bauernbundes, die Kartoffel „…“": the name before an
    // apposition, not a noun after it.
    const [beforeComma, afterComma] = words.split(/,\s/u, 2);
    const apposition = afterComma !== undefined && !SUBORDINATE_OPENER.test(afterComma);
    const name = (apposition ? personName(beforeComma!) : null) ?? personName(words);
    // Up to the end of the name, titles included: "der EU-Außenbeauftragte Javier Solana".
    const named = name && words.includes(name) ? words.slice(0, words.indexOf(name) + name.length) : null;
    const nominal =
      /^(?:(?:der|die|das|den|dem|ein|eine|einer|le|la|les|the)\s+[\p{L}-]+|er|sie|il|elle)/u.exec(
        words,
      )?.[0];
    const mention = named && named.split(/\s+/).length <= 8 ? named : nominal;
    if (mention && plausibleMention(mention)) return { mention, cue, where: 'before' };
  }
  // "Schüssel würdigte Ligeti als „…“", "Ruiz called Tom Bell a “…”", "McCarthy nannte Patersons
  // Entscheidung „…“": the words after the verb are its object, and the quote says what the subject called
  // it; or the subject is a pronoun right after the verb ("Deren Haltung bezeichnete er als „…“").
  if (NAMING_CUE.test(cue) || /\s(?:als|as|comme)$/iu.test(tail)) {
    const pronoun = PRONOUN_FIRST.exec(tail)?.[1];
    if (pronoun) return { mention: pronoun, cue, where: 'before' };
    return subjectFound ? { mention: subjectBefore, cue, where: 'sentence' } : null;
  }
  // Cue first: "said Council member Tom Baker".
  const inverted = /-(?:t-)?(il|elle|ils|elles)\b/u.exec(cue);
  if (inverted && tail.length < 3) return { mention: inverted[1]!, cue, where: 'before' };
  // "… and Mitchell Baker, chairwoman of Mozilla, posted a statement on the Mozilla blog: “…”": a
  // document after the verb is its object, not the speaker; and the subject the lead-in gives is no
  // safe guess either (here it would be the clause before the "and").
  // Only a tail that is the document and nothing more: "wrote an angry post about it on Twitter, calling
  // the illness a “…”" goes on to a clause of the subject's own.
  if (DOCUMENT_OBJECT.test(tail) && !tail.includes(',')) return null;
  if (
    !/^\s*,/.test(rawTail) &&
    // "SBM Intel says Nigeria is “at risk”": a name with its verb after the cue is the subject of what
    // was said, not the speaker.
    !REPORTED_SUBJECT_AT_END.test(tail) &&
    // "… reiterated the UK's position that settlements “…”": what a "that" opens was said, not who said it.
    !/\s(?:that|dass|que|qu['’])\s/u.test(` ${tail} `) &&
    tail.split(/\s+/).length <= 6 &&
    /\p{Lu}/u.test(tail) &&
    !/[.!?]/.test(tail.replace(/\b\p{Lu}[\p{L}]*\./gu, ''))
  ) {
    const mention = cleanMention(tail);
    // "Henning Scherf (SPD) warnte die CDU vor einem „…“", "Gamkrelids begründete die Forderung damit,
    // dass …": a person named before the verb is its subject, and a phrase after it that names nobody is
    // its object.
    // Only a subject that opens the sentence, or an apposition in it: not "Als Begründung sagte ein …".
    const at = lead.indexOf(subjectBefore);
    const opens = at >= 0 && /^(?:.*[,(]\s*)?$/su.test(lead.slice(0, at));
    if (plausibleMention(mention) && !(opens && namesSomeone(subjectBefore) && namesNobody(mention)))
      return { mention, cue, where: 'before' };
  }
  // A partial quote in running text: "Ruiz called the plan “reckless”", "the message said that “…” should…".
  // Not one inside a relative clause after the verb, which has a subject of its own: "Zuckerberg offered
  // a primer … in a lawsuit with ZeniMax Media, which accuses Oculus of “misappropriating” …"; unless a
  // pronoun there is the subject's again ("the plan, which she called “reckless”").
  if (OTHER_SUBJECT_CLAUSE.test(tail)) return null;
  // "Ruiz reported that the mayor had called the plan “reckless”", "Wee reports that censors had
  // instructed aggregators to “block and control”": the reported clause has a subject of its own who
  // speaks or orders, and the words are that subject's, not the reporter's. A pronoun there may be the
  // reporter again ("Ruiz said that she had called it “reckless”").
  const reported = REPORTED_SPEAKER.exec(tail);
  if (reported && !/^(?:he|she|they|I|we)$/iu.test(reported[1]!)) {
    const inner = cleanMention(reported[1]!);
    return plausibleMention(inner) ? { mention: inner, cue: reported[2]!, where: 'before' } : null;
  }
  return subjectFound ? { mention: subjectBefore, cue, where: 'sentence' } : null;
}

/**
 * A "that" clause with a subject that speaks, names or orders, in the past: "that the mayor had called",
 * "that censors had also instructed". The verb in a finite past form, after its subject of one to six
 * words, so that "that the evidence described in …" (a participle) is none.
 */
const REPORTED_SPEAKER =
  /^that\s+((?:[\p{L}.'’-]+\s+){0,5}?[\p{L}.'’-]+)\s+(?:had|has|have)\s+(?:also\s+|already\s+|repeatedly\s+)?(called|told|instructed|ordered|urged|asked|warned|described|dubbed|labell?ed|branded|promised|vowed|pledged|said|declared|written|wrote)\b/u;

/**
 * A relative clause whose relative pronoun is its subject: ", which accuses", ", who told", ", qui
 * accuse"; not ", which Nixon fobbed off as".
 */
const OTHER_SUBJECT_CLAUSE =
  /,\s+(?:which|who|qui)\s+(?=\p{Ll})(?!(?:he|she|they|we|i|il|elle|ils|elles|on)\s)[^,]*$/u;

/**
 * A phrase that names no one: no name in it, or a German noun with its article and nothing capitalised
 * after it ("die Forderung damit", "den Plan"), where every noun is capitalised and so reads as a name.
 */
const GERMAN_COMMON_NOUN_PHRASE =
  /^(?:die|das|den|dem|ein|eine|einen|einem)\s+\p{Lu}[\p{Ll}-]+(?:\s+\p{Ll}+)*$/u;
const namesNobody = (phrase: string) => !personName(phrase) || GERMAN_COMMON_NOUN_PHRASE.test(phrase);
/** A phrase that is a name, or holds a full one: "Scherf", "David Gamkrelids"; not "Als Begründung". */
const namesSomeone = (phrase: string) => {
  const name = personName(phrase);
  return name !== null && (name === phrase || name.includes(' '));
};

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const FINITE_VERB_AFTER_PHRASE =
  /\s(?:is|are|was|were|has|have|had|will|would|ist|sind|war|waren|sei|seien|hat|habe|haben|hatte|wird|werde|werden|würde|würden|könne|könnte|müsse|solle|gebe|gibt|fehle|fehlt|est|sont|était|a|ont|avait|sera|serait)\s/u;

/** Words read after a preposition cue for the speaker's name, at most. */
const MAX_PREPOSITION_PHRASE = 10;

/**
 * The speaker a preposition cue names in the writer's sentence before the quote: "According to Mayor
 * Ana Ruiz, the pier is “…”" (Ana Ruiz), "Nach Ansicht von Ministerpräsident Christian Wulff ist …
 * „…“", "according to the mayor, …" (the description, to its comma).
 */
function attributionByPreposition(lead: string, lexicon: CueLexicon): Attribution | null {
  const found = [...lead.matchAll(lexicon.prepositionBefore)].at(-1);
  if (!found) return null;
  const cue = found[0];
  const rest = lead.slice(found.index + cue.length).trim();
  // The phrase ends where the sentence's verb stands ("… Christian Wulff ist mit der Empfehlung").
  const verb = FINITE_VERB_AFTER_PHRASE.exec(rest);
  const words = (verb ? rest.slice(0, verb.index) : rest)
    .split(/\s+/)
    .slice(0, MAX_PREPOSITION_PHRASE)
    .join(' ');
  // A name before the first comma is the speaker ("According to Patrick Nielsen Hayden, shortly before
  // Ford’s death, his agent Valerie Smith “…”"); else one after it ("der Sprecherin der FDP-Fraktion,
  // Gisela Piltz").
  const beforeComma = personName(words.split(',')[0]!);
  const name = (beforeComma?.includes(' ') ? beforeComma : null) ?? personName(words);
  // Up to the end of the name, titles and roles included: "der Sprecherin der FDP-Fraktion, Gisela Piltz".
  // Without a name, up to a comma, or to an article that opens the sentence's next phrase: "Das Buch ist
  // laut einem Jury-Mitglied eine „…“".
  const mention =
    name && words.includes(name)
      ? words.slice(0, words.indexOf(name) + name.length)
      : // "(according to the Chicago Tribune)": a parenthesis closes the phrase too.
        cleanMention(/^[^,;:()]*/u.exec(rest)![0].replace(OBJECT_AFTER_NAME, ''));
  // After "laut" the article is a dative ("laut dem Sprecher", "laut einem Jury-Mitglied"), which opens no
  // speaker elsewhere but does here.
  const phrase = mention.replace(/^(?:dem|einem)\s+(?=\p{Lu})/u, '');
  if (!plausibleMention(phrase) || wordCount(mention) > MAX_PREPOSITION_PHRASE) return null;
  return { mention, cue, where: 'before', paraphrase: true };
}

/**
 * A preposition cue closing the writer's sentence after the quote: "… but “sickness, navigational error …”
 * are all thought to contribute, according to the New Zealand Department of Conservation." The cue
 * names the source of the whole sentence, if that sentence is the quote's: not after a quote that ends its
 * own ("„…“ Diesen Vorgaben entspricht der Entwurf nach Ansicht der Landes-SPD nicht.").
 */
function attributionTrailingPreposition(
  after: string,
  lexicon: CueLexicon,
  quoteEndsSentence: boolean,
): Attribution | null {
  return quoteEndsSentence ? null : attributionByPreposition(after, lexicon);
}

/**
 * A German parenthetical attribution in the quote's sentence before it: "die Unterscheidung, so Foucault,
 * „…“", "Die Behörden, so der Historiker, träumten den „…“". Not "so" as "such as", opening a list:
 * "gratulierten Obama, so der italienische Ministerpräsident Berlusconi, der Leiter der IAEA, …".
 */
const GERMAN_SO_PARENTHETICAL =
  /,\s+so\s+((?:der|die)\s+\p{Lu}[\p{L}-]*|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})\s*,(?!\s*(?:der|die|das|den|dem|des|ein|eine|und)\s)/gu;

function attributionParenthetical(before: string, after: string, german: boolean): Attribution | null {
  // "Mohammed ElBaradei („Mir fällt niemand ein …“)", "Ana Ruiz (“We will rebuild”)": the words set in
  // brackets right after a name are that person's.
  const bracketed = NAME_BEFORE_BRACKET.exec(before);
  if (bracketed && /^\s*\)/u.test(after)) {
    const name = personName(bracketed[1]!);
    if (name && bracketed[1]!.endsWith(name)) return { mention: name, cue: '', where: 'before' };
  }
  if (!german) return null;
  const found = [...before.matchAll(GERMAN_SO_PARENTHETICAL)].at(-1);
  if (!found || !plausibleMention(found[1]!)) return null;
  return { mention: found[1]!, cue: 'so', where: 'before' };
}

/**
 * French leaves the speaker's inciso inside the guillemets: « Nous ne lâcherons rien, affirme Jean
 * Dupont. Le combat continue. » A comma, then a cue verb first and its subject after it, in the quote's
 * own words, name the speaker of a quote that names no one outside its marks.
 */
function attributionInside(quote: string, lexicon: CueLexicon): Attribution | null {
  for (const comma of quote.matchAll(/,\s+(?=\p{Ll})/gu)) {
    const rest = quote.slice(comma.index);
    // A verb first ("affirme Jean Dupont"), not a preposition ("selon Jeanne Roux", whom the speaker
    // cites) or a subject ("la ministre a affirmé", whom the speaker reports on).
    if (!lexicon.leading.test(rest.slice(comma[0].length))) continue;
    const found = attributionAfter(rest.slice(0, sentenceEnd(rest, 0)), lexicon);
    // A name, not a pronoun ("soupire-t-elle"), which the sentence before the quote may not settle.
    if (found && /^\p{Lu}/u.test(found.mention)) return { ...found, where: 'inside' };
  }
  return null;
}

/** Up to four capitalised words right before an opening bracket that the quote follows. */
const NAME_BEFORE_BRACKET = /((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)\s*\(\s*$/u;

/** Title Case: every word but short function words capitalised ("The Art of the Deal"). */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0 || words.length > 12) return false;
  const small =
    /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from|is|de|la|le|les|du|des|et|und|der|die|das|von)$/i;
  return words.every((word, index) => /^[\p{Lu}\d]/u.test(word) || (index > 0 && small.test(word)));
}

interface Candidate {
  span: Span;
  text: string;
  attribution: Attribution | null;
  /**
   * The person a colon lead-in names, when the attribution is another phrase of that sentence: the
   * speaker if that phrase names no one ("äußerte Vorbehalte und wagte die Prognose: „…“").
   */
  leadIn?: Attribution;
  /** The sentence the quote starts in (offset of its start). */
  sentence: number;
  afterEnd: number;
}

export interface QuoteOptions {
  lang: string | null;
  /**
   * Texts of captions, asides and other furniture: no quotes counted in a paragraph that is one of them
   * or part of one.
   */
  furniture?: Set<string>;
  /** Offsets to resolve names, roles and pronouns against. */
  speakers: SpeakerContext;
}

/**
 * Wire copy writes a double mark as two single ones (AP's “…’’, ‘‘…’’). Each pair becomes the double mark
 * and a space, so that every offset stays that of the article's text.
 */
function withPairedMarksAsOne(text: string): string {
  return text.replace(/‘‘/gu, ' “').replace(/’’/gu, '” ');
}

/** Any double quotation mark: a text that has one does not quote with single marks. */
const DOUBLE_MARK = /[“”„‟"«»]/u;
/** A single mark that can open a quote: after a space or an opening bracket or dash, before a letter. */
const SINGLE_OPENER = /(?<=^|[\s([{—–\-/])['‘](?=\p{L})/gu;
/** A single mark that can close a quote: after a letter or punctuation, before a space, punctuation or the end. */
const SINGLE_CLOSER = /(?<=[\p{L}\p{N}.,!?…)\]])['’](?=$|[\s.,;:!?…)\]—–-])/gu;
/**
 * A closer that may be a plural's apostrophe instead ("the farmers' union"): after an "s" and before a
 * lower-case word. Taken only when no other closer comes before the next opener.
 */
const WEAK_CLOSER_AFTER = /^\s+\p{Ll}/u;

/**
 * A text that quotes with single marks only ('…' or ‘…’, as British tabloids do) and has no double mark
 * anywhere: each pair of an opening and a closing single mark in a paragraph becomes “…”, at the same
 * offsets, so that the rest of the search reads it as any other quote. A mark that pairs with nothing
 * (an apostrophe) stays as it is.
 */
function withSingleMarksAsDouble(text: string): string {
  if (DOUBLE_MARK.test(text) || !/['‘]/u.test(text)) return text;
  // Offsets count UTF-16 units, and every mark here is one.
  const out = text.split('');
  for (const paragraph of splitParagraphs(text)) {
    const openers = Array.from(paragraph.text.matchAll(SINGLE_OPENER), (match) => match.index);
    const closers = Array.from(paragraph.text.matchAll(SINGLE_CLOSER), (match) => match.index);
    const isWeak = (at: number) =>
      paragraph.text[at - 1] === 's' && WEAK_CLOSER_AFTER.test(paragraph.text.slice(at + 1, at + 4));
    let from = 0;
    for (let o = 0; o < openers.length; o++) {
      const open = openers[o]!;
      if (open < from) continue;
      const nextOpen = openers[o + 1] ?? Infinity;
      const after = closers.filter((at) => at > open + 1);
      const close = after.find((at) => at < nextOpen && !isWeak(at)) ?? after.find((at) => at < nextOpen);
      // "rock 'n' roll" quotes nothing.
      if (close === undefined || !/\p{L}{2}/u.test(paragraph.text.slice(open + 1, close))) continue;
      out[paragraph.start + open] = '“';
      out[paragraph.start + close] = '”';
      from = close + 1;
    }
  }
  return out.join('');
}

/** Every direct quote in `articleText` (an article's plain text, paragraphs separated by blank lines). */
export function findQuotes(articleText: string, options: QuoteOptions): Quote[] {
  const text = withSingleMarksAsDouble(withPairedMarksAsOne(articleText));
  const paragraphs = splitParagraphs(text);
  // Every piece of furniture in one string, and each paragraph looked up once, however many quotes it has.
  const furniture = [...(options.furniture ?? [])].join('\u0000');
  const furnitureParagraphs = new Map<number, boolean>();
  const isFurniture = (paragraph: Paragraph) => {
    let found = furnitureParagraphs.get(paragraph.index);
    if (found === undefined) {
      found = furniture.includes(paragraph.text);
      furnitureParagraphs.set(paragraph.index, found);
    }
    return found;
  };
  const lexicon = cueLexicon(options.lang);
  const languages = cueLanguages(options.lang);
  const german = languages.includes('de');
  const french = languages.includes('fr');
  const candidates: Candidate[] = [];
  for (const span of findSpans(text, paragraphs)) {
    const first = paragraphs[span.paragraph]!;
    const last = paragraphs[span.endParagraph]!;
    if (isFurniture(first)) continue;
    const raw = span.parts.map((part) => text.slice(part.start, part.end)).join(' ');
    const quoteText = cleanQuoteText(raw);
    if (!quoteText || !/\p{L}/u.test(quoteText)) continue;
    const sentence = sentenceStart(text, span.open, first.start);
    const before = text.slice(sentence, span.open);
    // What follows the quote up to the end of its sentence or the next quote mark.
    let afterEnd = Math.min(sentenceEnd(text, span.close + 1), last.end);
    for (let at = span.close + 1; at < afterEnd; at++)
      if (OPENERS.includes(text[at]!) && canOpen(text, at)) {
        afterEnd = at;
        break;
      }
    const after = text.slice(span.close + 1, afterEnd);
    // Whether a quote follows this one's sentence opening a sentence of its own, and whether this one had a
    // lead-in ("Wootton asked her, “…”"): attributionAfter decides by them whose the cue between is.
    const around = {
      nextOpensSentence: /^[“"„«‘‹]\s*\p{Lu}/u.test(text.slice(afterEnd, afterEnd + 3)),
      hasLeadIn: /[,:]\s*$/u.test(text.slice(Math.max(sentence, span.open - 3), span.open)),
    };
    // "called the plan “reckless and unfair”": what the subject called it, in words of its own, not the
    // plan's name (“Vision 2040”), which a term marker ("the plan") announces otherwise.
    const calledObject =
      DESCRIBED_OBJECT.test(before) && /^\p{Ll}/u.test(quoteText) && wordCount(quoteText) >= 3;
    if (TERM_MARKERS.test(before.slice(-40)) && !calledObject) continue;
    // A lead-in ending in a colon names its speaker somewhere in the sentence: "Dabei griff sie … an: „…“",
    // "Im Kongress warb Obama für … mit den Worten: „…“". Take the person last named there, or a pronoun.
    const introduced = /:\s*$/.test(before);
    let leadIn: Attribution | undefined;
    if (introduced) {
      // A name, not a role the finder also keeps ("der Parteivorsitzenden", a genitive here).
      // Not a German object: "Dabei griff sie den iranischen Präsidenten Mahmud Ahmadinedschad an:".
      const named = startingBetween(options.speakers.mentions, sentence, span.open)
        .filter(
          (m) =>
            m.end <= span.open &&
            /^\p{Lu}/u.test(m.name) &&
            !GERMAN_OBJECT_BEFORE_NAME.test(text.slice(Math.max(sentence, m.start - 50), m.start)) &&
            !NO_SUBJECT_PREPOSITION_BEFORE_NAME.test(text.slice(Math.max(sentence, m.start - 12), m.start)),
        )
        .at(-1);
      const pronoun = [...before.matchAll(LEAD_IN_PRONOUN)].at(-1);
      // "Die Arbeit seit dem Amtsantritt von Angela Merkel lobte er mit den Worten:": a name after a
      // preposition is no subject, and the pronoun after it is.
      const pronounLast =
        pronoun &&
        (!named ||
          (sentence + pronoun.index! > named.start &&
            PREPOSITION_BEFORE_NAME.test(text.slice(Math.max(sentence, named.start - 12), named.start))));
      const mention = pronounLast ? pronoun[1] : named ? text.slice(named.start, named.end) : undefined;
      // Else a German description opening the sentence, where the subject stands: "Ein WWF-Sprecher
      // schätzte ein:", "Die Bewohner des Dorfes sehen alles gelassen:".
      const described = mention || !german ? undefined : GERMAN_SUBJECT_DESCRIPTION.exec(before)?.[1];
      const subject = mention ?? (described && speakerDescription(described) ? described : undefined);
      if (subject) leadIn = { mention: subject, cue: '', where: 'before' };
    }
    // "In dem Antrag heißt es wörtlich:": the document is the speaker, whoever else the sentence names.
    const impersonal = introduced ? IMPERSONAL_CUE_BEFORE.exec(before) : null;
    const documentLeadIn: Attribution | null = impersonal
      ? { mention: issuerOf((impersonal[1] ?? impersonal[2])!), cue: 'heißt es', where: 'before' }
      : null;
    // A quote that a lead-in introduces and that ends its sentence is that lead-in's: the sentence
    // after it is another one ("Stoiber betonte: „…“ Demgegenüber pochte Kauder auf …"). One that goes
    // on ("…: “I am not a crook,” Nixon told …") is the attribution's after it.
    // A quote inside it may close the sentence: "… They said, ‘It’s very simple.’”".
    const endsSentence = /[.!?…]['’]?$/u.test(quoteText) && /^\s*(?:\p{Lu}|$)/u.test(after);
    // German sets off a quote from the attribution after it with a comma („…“, sagte er), unless the
    // quote ends in its own mark („…?“ fragte er): without either, a few words in marks are a title or
    // name inside the writer's sentence ("In der Talkshow „3 nach 9“ sagte Loriot"). Longer quotes
    // keep it: writers do leave the comma out.
    const germanTitle =
      german &&
      wordCount(quoteText) <= MAX_TITLE_WORDS &&
      !/^\s*,/u.test(after) &&
      !/[,?!…]\s*$/u.test(text.slice(span.parts.at(-1)!.start, span.close));
    let attribution =
      introduced && endsSentence
        ? (documentLeadIn ?? attributionBefore(before, lexicon) ?? leadIn ?? null)
        : ((germanTitle ? null : attributionAfter(after, lexicon, endsSentence, around)) ??
          attributionBefore(before, lexicon) ??
          (before.trim() === '' ? attributionClosing(after, lexicon) : null) ??
          attributionTrailingPreposition(after, lexicon, endsSentence) ??
          attributionParenthetical(before, after, german) ??
          leadIn ??
          (french ? attributionInside(raw, lexicon) : null) ??
          null);
    // The person the lead-in names stands by in case the phrase taken instead names no one.
    if (attribution === leadIn || isPronoun(leadIn?.mention ?? '')) leadIn = undefined;
    // A lead-in sentence earlier in the paragraph: "Ruiz … acknowledged that the budget buys time. “…”"
    if (!attribution && sentence > first.start && before.trim() === '') {
      const leadIn = text.slice(sentenceStart(text, sentence - 2, first.start), sentence);
      const found = attributionBefore(leadIn.replace(/[.!?]\s*$/, ''), lexicon);
      // Not "… classés selon la source. “…”": a preposition closing a sentence names whom that
      // sentence's words rest on. One opening it ("Nach Ansicht von Wulff ist … „…“") or a verb
      // ("acknowledged that …") makes the sentence the next quote's lead-in.
      const closingPreposition =
        found?.paraphrase && !leadIn.trimStart().toLowerCase().startsWith(found.cue.toLowerCase());
      if (found && !closingPreposition && !/[“”„«»"]/.test(leadIn))
        attribution = { ...found, where: 'sentence' };
    }
    // A paragraph that is nothing but the quote, after a paragraph whose last sentence reports what a
    // person named in full says: "Erekat said it was only the latest move … ¶ "They wanted us …"". Not a
    // pronoun there ("He said …"), which that paragraph may not settle, nor a preposition ("Selon X, …"),
    // nor a word that only looks like a name ("Shoppers asked one question all week.").
    if (
      !attribution &&
      sentence === first.start &&
      before.trim() === '' &&
      span.paragraph > 0 &&
      last.end - span.close <= 2
    ) {
      const previousParagraph = paragraphs[span.paragraph - 1]!;
      const leadIn = text.slice(
        sentenceStart(text, previousParagraph.end - 2, previousParagraph.start),
        previousParagraph.end,
      );
      const found = /[.]\s*$/u.test(leadIn)
        ? attributionBefore(leadIn.replace(/[.]\s*$/u, ''), lexicon)
        : null;
      const person =
        found && !found.paraphrase && !isPronoun(found.mention)
          ? resolveSpeaker(found.mention, span.open, options.speakers)
          : null;
      if (
        person?.name &&
        !person.anonymous &&
        person.name.includes(' ') &&
        personName(person.name) === person.name &&
        !isFurniture(previousParagraph) &&
        !/[“”„«»"]/u.test(leadIn)
      )
        attribution = { ...found!, where: 'sentence' };
    }
    candidates.push({ span, text: quoteText, attribution, leadIn, sentence, afterEnd });
  }

  // Join quotes split by their attribution: “A,” X said. “B.” / “A,” said X, who …, “and b.”
  const joined: Candidate[] = [];
  for (const candidate of candidates) {
    const previous = joined.at(-1);
    if (
      previous &&
      previous.span.endParagraph === candidate.span.paragraph &&
      previous.attribution?.where === 'after' &&
      // “A,” said X / „A“, sagte X / « A », a-t-il dit: the comma before the attribution.
      (/,$/.test(text.slice(previous.span.parts.at(-1)!.start, previous.span.close).trim()) ||
        text[previous.span.close + 1] === ',') &&
      /^[\s.,;:–—-]*$/.test(text.slice(previous.afterEnd, candidate.span.open)) &&
      // „A“, sagte X der „Süddeutschen Zeitung“: after an article or preposition the marks hold a name
      // or title inside the writer's sentence, not the quote's next part.
      !EMBEDDING_WORD_BEFORE.test(text.slice(previous.span.close + 1, candidate.span.open)) &&
      // The second part has no attribution of its own: at most the lead-in it shares with the first.
      candidate.attribution?.where !== 'after'
    ) {
      // The parts shown apart, as the article wrote them: “A … B”, not a run-on “A B”.
      previous.text = `${previous.text} … ${candidate.text}`;
      previous.span = {
        ...previous.span,
        close: candidate.span.close,
        parts: [...previous.span.parts, ...candidate.span.parts],
        endParagraph: candidate.span.endParagraph,
      };
      continue;
    }
    joined.push(candidate);
  }

  // Quotes listed in one sentence share the attribution that closes it: "les travaux « sans
  // autorisation », ni « déclaration au fisc », écrit Le Canard enchaîné", "“reckless” and “unfair,” the
  // mayor said".
  for (let i = joined.length - 2; i >= 0; i--) {
    const candidate = joined[i]!;
    const next = joined[i + 1]!;
    if (
      !candidate.attribution &&
      next.attribution?.where === 'after' &&
      next.sentence === candidate.sentence &&
      LIST_BETWEEN_QUOTES.test(text.slice(candidate.span.close + 1, next.span.open))
    )
      candidate.attribution = { ...next.attribution, where: 'sentence' };
  }

  const textCounts = new Map<string, number>();
  for (const candidate of joined) {
    const key = normalise(candidate.text);
    textCounts.set(key, (textCounts.get(key) ?? 0) + 1);
  }

  // Quotes without their own attribution: same sentence or paragraph as an attributed quote, or a
  // paragraph that is nothing but a quote right after one.
  const kept: { candidate: Candidate; attribution: Attribution | null }[] = [];
  for (let i = 0; i < joined.length; i++) {
    const candidate = joined[i]!;
    let attribution = candidate.attribution;
    const previous = kept.at(-1);
    if (!attribution && previous?.attribution) {
      const sameParagraph = previous.candidate.span.endParagraph === candidate.span.paragraph;
      const paragraph = paragraphs[candidate.span.paragraph]!;
      const onlyQuote =
        nothingSaidBetween(
          paragraphs,
          previous.candidate.span.endParagraph,
          candidate.span.paragraph,
          isFurniture,
        ) &&
        candidate.span.open - paragraph.start <= 1 &&
        paragraph.end - candidate.span.close <= 2;
      // A paragraph that only repeats a quote found elsewhere is a pull quote: it is that quote's, not
      // the paragraph before's ("“I put lipstick on a pig.”" set between paragraphs).
      const pullQuote = onlyQuote && (textCounts.get(normalise(candidate.text)) ?? 0) > 1;
      if (sameParagraph || (onlyQuote && !pullQuote))
        attribution = { ...previous.attribution, where: 'sentence' };
      // A partial quote inside a later sentence of the writer's ("… she was told to “…”") has a
      // subject of its own, which may be anyone: it is kept as a quote, without the speaker.
      const partial = /\p{L}/u.test(text.slice(candidate.sentence, candidate.span.open));
      // German reported speech goes on in the subjunctive ("Damit seien „…“"): the speaker stays.
      if (attribution && partial && !german && candidate.sentence > previous.candidate.afterEnd)
        attribution = { ...attribution, speakerUnknown: true };
    }
    const short = wordCount(candidate.text) < 6;
    // Unattributed and short: kept only as a whole sentence ("Is it safe to eat?"), never a lone term.
    if (
      !attribution &&
      short &&
      !(wordCount(candidate.text) >= 3 && /^\p{Lu}.*[.!?…]$/u.test(candidate.text))
    )
      continue;
    if (isTitleCase(candidate.text) && wordCount(candidate.text) <= 8 && attribution?.where !== 'after')
      continue;
    // A single capitalised word in running text is a term or a name ("Verkehrswende"), not a quote.
    if (attribution?.where === 'sentence' && short && /^\p{Lu}\S*$/u.test(candidate.text)) continue;
    if (attribution?.paraphrase && wordCount(candidate.text) < 3) continue;
    kept.push({ candidate, attribution });
  }

  const quotes: Quote[] = [];
  const people = new Set(options.speakers.mentions.map((mention) => mention.name));
  const evidence: SpeakerEvidence = {
    text,
    lang: options.lang,
    isKnownName: (name) => people.has(name),
  };
  // "the ministry said in a statement" … "the statement said": who issued each kind of document.
  const issuedBy = new Map<string, ReturnType<typeof resolveSpeaker>>();
  for (const { candidate, attribution: found } of kept) {
    let attribution = found?.speakerUnknown ? null : found;
    const { span } = candidate;
    const firstPart = span.parts[0]!;
    const lastPart = span.parts.at(-1)!;
    const startTrim =
      text.slice(firstPart.start, firstPart.end).length -
      text.slice(firstPart.start, firstPart.end).trimStart().length;
    const start = firstPart.start + startTrim;
    const end =
      lastPart.end -
      (text.slice(lastPart.start, lastPart.end).length -
        text.slice(lastPart.start, lastPart.end).trimEnd().length);
    const firstEnd =
      firstPart.end -
      (text.slice(firstPart.start, firstPart.end).length -
        text.slice(firstPart.start, firstPart.end).trimEnd().length);
    const documentNoun = attribution
      ? /^(?:the|der|die|das|le|la|l['’])\s*([\p{L}-]+)$/iu.exec(attribution.mention)?.[1]?.toLowerCase()
      : undefined;
    let resolved = attribution
      ? (documentNoun && issuedBy.get(documentNoun)) ||
        resolveSpeaker(attribution.mention, start, options.speakers)
      : null;
    // "A neighbor who declined to give her name … said she heard shouting. “…,” she said.": the pronoun
    // points to the speaker the paragraph introduced in a lead-in sentence, named or not.
    if (attribution && isPronoun(attribution.mention) && resolved) {
      const paragraph = paragraphs[span.paragraph]!;
      const leadInEnd = sentenceStart(text, span.open, paragraph.start);
      const leadIn = text.slice(Math.max(paragraph.start, leadInEnd - MAX_LEAD_IN), leadInEnd);
      const introduced = leadIn ? attributionBefore(leadIn.replace(/[.!?]\s*$/, ''), lexicon) : null;
      if (introduced && !isPronoun(introduced.mention)) {
        const subject = resolveSpeaker(introduced.mention, start, options.speakers);
        if (subject.anonymous) resolved = subject;
      }
    }
    // "“…,” a-t-elle précisé" in a paragraph that names nobody: the person quoted just before. Not "I"
    // or "we": the writer ("When my teacher reported that I could read “…”"). Nor when a paragraph
    // between them names someone else: "Dick Clark Productions denies … ¶ “…,” they said" is theirs.
    if (attribution && isPronoun(attribution.mention) && !FIRST_PERSON.test(attribution.mention)) {
      const previous = quotes.at(-1);
      const since =
        previous && previous.paragraph < span.paragraph
          ? paragraphs[previous.paragraph + 1]!.start
          : paragraphs[span.paragraph]!.start;
      const namedHere =
        anyStartingBetween(options.speakers.mentions, since, start) ||
        (/^(?:they|it|sie|es|ils|elles)$/iu.test(attribution.mention) &&
          anyStartingBetween(options.speakers.organisations, since, start));
      const fits =
        previous?.speaker &&
        pronounFits(attribution.mention, options.speakers.genders.get(previous.speaker) ?? null);
      if (
        !namedHere &&
        fits &&
        previous?.speaker &&
        !previous.anonymous &&
        span.paragraph - previous.paragraph <= 2 &&
        personName(previous.speaker) &&
        // Nor when a sentence there opens with someone unnamed: "Der Mann veröffentlicht … Er sagt …".
        !UNNAMED_SUBJECT.test(text.slice(since, start))
      )
        resolved = { name: previous.speaker, anonymous: false };
    }
    // "“…”, a ajouté un ténor de la droite sur l'influence de Delevoye. “…”, met-il en perspective.": "he"
    // or "she" in the sentence right after the quote before, in the same paragraph, is that quote's
    // speaker, named or described, not the last person the sentence between happened to name.
    const previousQuote = quotes.at(-1);
    if (
      attribution &&
      THIRD_PERSON_SINGULAR.test(attribution.mention) &&
      previousQuote?.speaker &&
      previousQuote.paragraph === span.paragraph &&
      previousQuote.cue &&
      followsItsAttribution(text, previousQuote.end, previousQuote.cue, start) &&
      pronounFits(attribution.mention, options.speakers.genders.get(previousQuote.speaker) ?? null) &&
      describedGenderFits(attribution.mention, previousQuote.speaker)
    )
      resolved = { name: previousQuote.speaker, anonymous: previousQuote.anonymous };
    resolved = trustSpeaker(resolved, attribution?.mention ?? null, evidence);
    // "warnte der Hauptgeschäftsführer des Deutschen Brauer-Bundes, Peter Hahn, die Politik …:": the
    // name in apposition to the description is who it describes.
    const apposition =
      resolved?.name === attribution?.mention &&
      candidate.leadIn &&
      text
        .slice(candidate.sentence, span.open)
        .includes(`${attribution!.mention}, ${candidate.leadIn.mention}`);
    if ((!resolved?.name || apposition) && candidate.leadIn && attribution === candidate.attribution) {
      attribution = candidate.leadIn;
      resolved = trustSpeaker(
        resolveSpeaker(attribution.mention, start, options.speakers),
        attribution.mention,
        evidence,
      );
    }
    // Only "in a statement" introduces a document; "in the statement" refers back to one already issued.
    const issued =
      attribution &&
      /\b(?:in|via)\s+(?:a|an|its|his|her|their)\s+(?:[\p{Ll}-]+\s+)?([\p{L}-]+)$/u.exec(
        attribution.cue,
      )?.[1];
    if (issued && resolved?.name) issuedBy.set(issued.toLowerCase(), resolved);
    quotes.push({
      text: candidate.text,
      speaker: resolved?.name ?? null,
      speakerMention: attribution?.mention ?? null,
      cue: attribution?.cue || null,
      anonymous: resolved?.anonymous ?? false,
      paragraph: span.paragraph,
      start,
      end,
      selector: selectorFor(articleText, start, firstEnd),
      marks: quoteMarks(text, span, articleText),
    });
  }
  return dropRepeats(quotes);
}

/** What stands between two quotes of one list: a comma or a conjunction ("« A », ni « B »", "“A” and “B”"). */
const LIST_BETWEEN_QUOTES = /^[\s,;]*(?:(?:and|or|nor|und|oder|sowie|et|ou|ni)\s*)?$/iu;

/** Words of a paragraph, at most, that may be a crosshead or a caption left in the text. */
const INTERLUDE_WORDS = 15;

/**
 * Whether paragraph `to` comes right after paragraph `from`, but for captions, crossheads and other
 * short lines without a sentence between them: a photo's caption or a "Related: …" line between a quote
 * and the quote paragraph that goes on with it does not change who is speaking.
 */
function nothingSaidBetween(
  paragraphs: Paragraph[],
  from: number,
  to: number,
  isFurniture: (paragraph: Paragraph) => boolean,
): boolean {
  if (to <= from) return false;
  for (let index = from + 1; index < to; index++) {
    const paragraph = paragraphs[index]!;
    if (isFurniture(paragraph)) continue;
    const line = paragraph.text.trim();
    if (/[.!?…:;"“”„«»]\s*$/u.test(line) || /[“”„«»"]/u.test(line) || wordCount(line) > INTERLUDE_WORDS)
      return false;
  }
  return true;
}

const FIRST_PERSON = /^(?:i|we|ich|wir|je|nous)$/iu;

/**
 * Whether the quote starting at `start` opens the sentence right after the attribution of the quote
 * ending at `end`: between them, past that quote's closing mark, its cue, one sentence end at most and
 * no other quotation.
 */
function followsItsAttribution(text: string, end: number, cue: string, start: number): boolean {
  const between = text.slice(end, start);
  const closing = between.search(/[”"»“]/u);
  const rest = (closing >= 0 ? between.slice(closing + 1) : between).replace(/[\s“”„«»"]+$/u, '');
  if (!rest.includes(cue) || /[“”„«»"]/u.test(rest)) return false;
  return (rest.match(/[.!?…]\s/gu) ?? []).length + (/[.!?…]$/u.test(rest) ? 1 : 0) <= 1;
}

/** "une élue" is no "il", "un ténor" no "elle": the article of a description tells its gender. */
function describedGenderFits(pronoun: string, speaker: string): boolean {
  const article = /^(un|une|ein|eine)\s/iu.exec(speaker)?.[1]?.toLowerCase();
  if (!article) return true;
  return pronounFits(pronoun, article === 'une' || article === 'eine' ? 'f' : 'm');
}

/** Words after which quotation marks hold a name or title within the sentence ("der „Spiegel“"). */
const EMBEDDING_WORD_BEFORE =
  /(?:^|\s)(?:the|of|in|on|for|der|die|das|dem|den|des|im|ins|vom|zum|zur|au|aux|du|de|la|le|les|l['’]|dans)\s*$/iu;

/**
 * The quote's opening and closing marks as the article wrote them ("«»", "„“", "“”", "''"): `text` is
 * the article's text as searched, `written` as the article has it (single marks read as double in the
 * search).
 */
function quoteMarks(text: string, span: Span, written: string): string {
  const writtenOpen = written[span.open] ?? '';
  if (/['‘]/u.test(writtenOpen) && text[span.open] === '“') return writtenOpen + (written[span.close] ?? '');
  const open = text[span.open] ?? '“';
  const closers = CLOSERS[open] ?? '”';
  const close = text[span.close] ?? '';
  // A quote running on through paragraphs may end without its mark: the usual one for its opener.
  return open + (close && closers.includes(close) ? close : closers[0]!);
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** How many longer quotes starting with the same words are checked for holding a quote. */
const MAX_CONTAINERS_CHECKED = 64;

/**
 * A pull quote or caption repeating a quote is counted once, as the attributed one. Alike quotes are
 * grouped by their normalised text; a quote held in a longer one is found through an index of the
 * first words of every word position, so a page of thousands of quotes costs no more per quote than
 * one of ten.
 */
function dropRepeats(quotes: Quote[]): Quote[] {
  const normalised = quotes.map((quote) => normalise(quote.text));
  // Alike quotes: the first attributed one stays, or the first one when none is attributed.
  const alike = new Map<string, { first: number; firstAttributed: number }>();
  normalised.forEach((text, index) => {
    const group = alike.get(text) ?? { first: index, firstAttributed: -1 };
    if (group.firstAttributed < 0 && quotes[index]!.speaker) group.firstAttributed = index;
    alike.set(text, group);
  });
  const texts = [...alike.keys()];
  const held = heldInLonger(texts);
  return quotes.filter((quote, index) => {
    const own = normalised[index]!;
    const group = alike.get(own)!;
    const repeat = quote.speaker
      ? index !== group.firstAttributed
      : group.firstAttributed >= 0 || index !== group.first;
    if (repeat) return false;
    // Held in a longer quote: dropped unless attributed and long enough to stand on its own.
    return !(held.has(own) && (!quote.speaker || wordCount(own) >= 6));
  });
}

/** Which of `texts` (distinct, normalised: words joined by single spaces) stand inside a longer one. */
function heldInLonger(texts: string[]): Set<string> {
  const KEY_WORDS = 3;
  // Every word position of every text, under the key of its next one, two and three words.
  const positions = new Map<string, { text: number; at: number }[]>();
  texts.forEach((text, index) => {
    const words = text.split(' ');
    let at = 0;
    for (let word = 0; word < words.length; word++) {
      let key = '';
      for (let size = 1; size <= KEY_WORDS && word + size <= words.length; size++) {
        key = size === 1 ? words[word]! : `${key} ${words[word + size - 1]!}`;
        const list = positions.get(key);
        if (list) list.push({ text: index, at });
        else positions.set(key, [{ text: index, at }]);
      }
      at += words[word]!.length + 1;
    }
  });
  const held = new Set<string>();
  texts.forEach((own, index) => {
    if (!own) return;
    const key = own.split(' ', KEY_WORDS).join(' ');
    let checked = 0;
    for (const place of positions.get(key) ?? []) {
      if (place.text === index) continue;
      const theirs = texts[place.text]!;
      if (theirs.length > own.length && theirs.startsWith(own, place.at)) {
        held.add(own);
        break;
      }
      if (++checked >= MAX_CONTAINERS_CHECKED) break;
    }
  });
  return held;
}
