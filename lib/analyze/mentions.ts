/**
 * The mentions stage as far as speakers go: can a phrase found next to a quote stand for who spoke?
 * A speaker is a person, a group or an organisation, or the description the article gives of one ("a
 * police spokesman", "die Managerin"). Never a sentence opener ("But", "When"), a speech noun
 * ("remarks", "Äußerungen"), a topic ("über die Zwangspause"), a common noun in capitals (German
 * "Herz", "Zeiten der Pest") or a fragment of a longer name ("Two Clinton" of "Two Clinton donors").
 * Precision first: a phrase that fails these tests leaves the quote unattributed.
 */
import { LEADING_WORDS, NAME_PARTICLES, NEVER_IN_NAME, NUMBER_WORD, organisationName } from './names';

/** Words that stand for speech, not for a speaker: "his remarks", "die Äußerungen", "ses propos". */
const SPEECH_NOUNS =
  /^(?:remarks?|statements?|comments?|words?|speech(?:es)?|interviews?|messages?|letters?|posts?|tweets?|emails?|notes?|reports?|releases?|videos?|testimony|answers?|replies|reply|quotes?|phrases?|sentences?|äußerung(?:en)?|aussagen?|worten?|erklärung(?:en)?|mitteilung(?:en)?|stellungnahmen?|interviews?|sätzen?|satz|zitate?|propos|déclarations?|mots|paroles?|communiqués?|phrases?|lettres?|messages?)$/iu;

/** Abstract nouns by their endings: never a speaker ("die Unterscheidung", "la situation", "the momentum"). */
const ABSTRACT_NOUN =
  /\p{L}{3,}(?:ung|ungen|heit|keit|schaft|ismus|tion|tionen|tät|nis|tum|ment|ness|ity|ité|isme|ance|ence|thèse|thesis)$/iu;

/**
 * German nouns for people, by their endings: "Managerin", "Kauffrau", "Branchenkenner", "50-Jährige",
 * "Vorsitzende", "Präsident", "Polizist". A capitalised head without one ("Disziplin", "Problem") is a thing.
 */
const GERMAN_PERSON_NOUN =
  /(?:er|erin|innen|ent|entin|enten|ant|antin|anten|ist|istin|isten|eur|eurin|frau|frauen|mann|männer|leute|chef|chefin|jährige[rn]?|beamte[rn]?|vorsitzende[rn]?|angestellte[rn]?|abgeordnete[rn]?|kind|kinder|sohn|tochter|mutter|vater|arzt|ärztin|ärzte|mitglied|mitglieder|experte|experten|expertin|zeuge|zeugen|zeugin|kollege|kollegen|kollegin|or|orin|oren|mensch|menschen|kunde|kunden|kundin|nachbar|nachbarin|nachbarn|person|personen|freund|freundin|freunde|bekannte[rn]?)$/u;

/** Is a German noun (its last part after a hyphen) a word for a person: "Jury-Mitglied", "Anwohnerin"? */
export function germanPersonNoun(noun: string): boolean {
  const last = (noun.split('-').at(-1) ?? '').replace(/\u00AD/g, '');
  return /^\p{Lu}/u.test(last) && GERMAN_PERSON_NOUN.test(last.toLowerCase());
}

/** Words that open a description of a speaker: determiners, possessives, numbers. */
const DESCRIPTION_START =
  /^(?:the|a|an|one|two|three|four|five|several|some|many|my|his|her|its|their|our|your|der|die|das|ein|eine|einer|eines|sein|seine|ihr|ihre|unser|unsere|le|la|les|l['’]|un|une|des|d['’]|son|sa|ses|mon|ma|mes|leur|leurs|plusieurs)(?:\s|(?<=['’]))/iu;

/** Topics after a speaker: "Eliane Steinmeyer über die Zwangspause", "Ruiz about the plan", "Henry sur la réforme". */
const TOPIC =
  /\s(?:about|regarding|concerning|über|zur|zum|gegenüber|sur|à propos (?:de|du|des)|au sujet (?:de|du|des)|concernant)\s.*$/iu;

/** The speaker phrase without the topic it speaks about. */
export function withoutTopic(phrase: string): string {
  return phrase.replace(TOPIC, '').trim();
}

const GERMAN_ARTICLE = /^(?:der|die|das|den|dem|des)$/u;
const GERMAN_DETERMINER = /^(?:der|die|das|ein|eine|einer|eines|sein|seine|ihr|ihre|unser|unsere)\s/iu;

const GERMAN_ARTICLES =
  'der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|im|ins|am|ans|vom|zum|zur|beim|aufs';
const ARTICLE_BEFORE = new RegExp(String.raw`(?:^|[\s(])(?:${GERMAN_ARTICLES})\s+$`, 'iu');
/**
 * An article and one or two inflected adjectives: "der deutschen ", "einer gewissen ". The article in
 * lower case: a capital one may be a demonstrative before a verb ("Das sagte Ursula von der Leyen").
 */
const ARTICLE_ADJECTIVES_BEFORE = new RegExp(
  String.raw`(?:^|[\s(])(?:${GERMAN_ARTICLES})\s+(?:\p{Ll}[\p{L}-]*(?:e|en|er|es|em)\s+){1,2}$`,
  'u',
);

/**
 * Is `word` used as a common noun in a German text: printed after an article, or an article and its
 * adjectives ("das Herz", "ins Herz", "der deutschen Sprache"), at least half the times it stands as a
 * word of its own? A name, too, may follow a relative pronoun that looks like an article ("die Modelle,
 * die Foucault entwickelte"), but seldom.
 */
function germanNoun(word: string, text: string): boolean {
  let uses = 0;
  let afterArticle = 0;
  let from = 0;
  for (let at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, from)) {
    from = at + word.length;
    // The whole word only: "Pest" in "Pestzustand" or "Pest-Reglemente" is another word.
    const after = text[at + word.length] ?? ' ';
    if (/[\p{L}\u00AD-]/u.test(after) || /[\p{L}\u00AD-]/u.test(text[at - 1] ?? ' ')) continue;
    const before = text.slice(Math.max(0, at - 48), at);
    // ", die Gerhard Schröder … erklärt hatte": right after a comma and before another capitalised word,
    // der/die/das opens a relative clause whose subject is a name as often as it opens a noun phrase, so
    // that use tells nothing either way.
    if (/,\s*(?:der|die|das)\s+$/iu.test(before) && /^\s+\p{Lu}/u.test(text.slice(from, from + 3))) continue;
    uses++;
    // "von der Leyen": the particles of a name, not an article.
    if (ARTICLE_ADJECTIVES_BEFORE.test(before)) afterArticle++;
    else if (ARTICLE_BEFORE.test(before) && !/\b(?:von|van|vom)\s+\S+\s+$/iu.test(before)) afterArticle++;
  }
  return afterArticle > 0 && afterArticle * 2 >= uses;
}

/** Does the lowercase form of `word` stand in the text as a word of its own ("but" for "But")? */
function usedInLowerCase(word: string, text: string): boolean {
  const lower = word.toLowerCase();
  if (lower === word) return false;
  let from = 0;
  for (let at = text.indexOf(lower, from); at >= 0; at = text.indexOf(lower, from)) {
    from = at + lower.length;
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = text[at + lower.length] ?? ' ';
    if (!/[\p{L}\p{N}'’-]/u.test(before) && !/[\p{L}\p{N}-]/u.test(after)) return true;
  }
  return false;
}

/** Does `word` stand in the text, capitalised, after a word of the same sentence ("said Loriot", "von Musk")? */
function capitalisedWithinSentence(word: string, text: string): boolean {
  let from = 0;
  for (let at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, from)) {
    from = at + word.length;
    if (/[\p{L}\p{N}-]/u.test(text[at + word.length] ?? ' ') || /[\p{L}\p{N}-]/u.test(text[at - 1] ?? ' '))
      continue;
    // What precedes, past spaces and quotation marks or brackets: a letter, a digit or a comma is the
    // same sentence; a full stop, colon, line break or nothing is a start.
    const before = /[^\s“”„"«»‹›()[\]'‘’]?[\s“”„"«»‹›()[\]'‘’]*$/u.exec(
      text.slice(Math.max(0, at - 12), at),
    )![0];
    // "“…?” Schiff asked": a question or exclamation closing a quote goes on into its attribution.
    if (/^(?:[\p{L}\p{N},;–—-]|[?!][”“"»«])/u.test(before)) return true;
  }
  return false;
}

export interface SpeakerEvidence {
  /** The article text, to tell names from common words. */
  text: string;
  /** The page's language ('de' reads capitalised words after an article as nouns). */
  lang: string | null;
  /** Names the text gives people in full (two or more name words), and organisations it names. */
  isKnownName: (name: string) => boolean;
}

/** Where a complement starts in a phrase's words: "of", "de", "des", "du", "d’…" after the first word. */
const complementAt = (words: string[]) =>
  words.findIndex((word, i) => i > 0 && /^(?:of|de|des|du|d['’].+)$/iu.test(word));

/**
 * Whose a thing is, when a phrase names a speech or an abstract thing and then someone: "Stephen Smith"
 * for "L’hypothèse de Stephen Smith", "the senator" for "the remarks of the senator"; the empty string
 * when the thing belongs to something ("L’émergence des podcasts"); null when the phrase's head is no
 * such thing.
 */
function thingOf(words: string[]): string | null {
  const at = complementAt(words);
  if (at <= 0 || at > 3) return null;
  const front = words[at - 1]!.replace(/^[ld]['’]/iu, '');
  if (!SPEECH_NOUNS.test(front) && !ABSTRACT_NOUN.test(front)) return null;
  const elided = /^d['’](.+)$/iu.exec(words[at]!)?.[1];
  const owner = [...(elided ? [elided] : []), ...words.slice(at + 1)].join(' ');
  return /^(?:des|du)$/iu.test(words[at]!) ? '' : owner;
}

/**
 * A description of a speaker as the article gives it ("the minister", "un ténor de la droite", "die
 * Managerin"), or null when the phrase describes no one: a speech noun, an abstract noun, a phrase
 * ending in a function word, or a long clause.
 */
export function speakerDescription(phrase: string): string | null {
  const description = withoutTopic(phrase);
  if (!DESCRIPTION_START.test(description)) return null;
  const words = description.split(/\s+/);
  if (words.length < 2 || words.length > 7) return null;
  // "der Papst.Der ältere Bruder": two sentences run together, not one description.
  if (/\p{Ll}[.!?]\p{Lu}/u.test(description)) return null;
  const head = words.at(-1)!.replace(/[.,;:!?]+$/, '');
  if (SPEECH_NOUNS.test(head) || ABSTRACT_NOUN.test(head)) return null;
  // The noun a complement hangs on is the head too: "the CEO of the grid operator" is a person,
  // "L’émergence des podcasts", "L’hypothèse de Stephen Smith" are no one.
  if (thingOf(words) !== null) return null;
  if (LEADING_WORDS.has(head.toLowerCase()) || NEVER_IN_NAME.has(head.toLowerCase())) return null;
  // German prints every noun in capitals: a description's head must be one, and a word for a person.
  if (GERMAN_DETERMINER.test(description)) {
    // The head stands before a genitive: "die Bewohner des Dorfes", "ein Beamter der Nationalpolizei",
    // "die frühere Gouverneurin Alaskas".
    const genitive = words.findIndex((word, i) => i > 1 && /^(?:des|der)$/u.test(word));
    const beforeName = words.length > 2 && /^\p{Lu}\p{Ll}+s$/u.test(head) ? words.at(-2)! : null;
    const german =
      genitive > 0
        ? words[genitive - 1]!
        : beforeName && germanPersonNoun(beforeName) && !germanPersonNoun(head)
          ? beforeName
          : head;
    if (!germanPersonNoun(german)) return null;
  }
  // "Her expressed hope was that …": a verb inside means a clause, not a description.
  if (words.some((word) => /^(?:is|was|were|are|has|had|ist|war|sind|est|était|a|ont)$/iu.test(word)))
    return null;
  return description;
}

/**
 * Is `name` (a resolved speaker name, not a description) a name a reader can trust? Names the text
 * gives in full pass; a name found only in the phrase must look like one: capitalised words, no
 * sentence opener, no number first, no possessive, no word the text also uses as an ordinary word.
 */
export function trustedName(name: string, evidence: SpeakerEvidence): boolean {
  const words = name.split(/\s+/);
  if (words.some((word) => /['’]s?$/u.test(word) && word.length > 2)) return false;
  const organisation = organisationName(name) === name;
  const german = evidence.lang?.startsWith('de') ?? false;
  for (const [index, word] of words.entries()) {
    const lower = word.toLowerCase();
    if (!/^\p{Lu}/u.test(word)) {
      // "Zeiten der Pest", "Grad das Modell": in German an article between capitals is a noun phrase.
      if (german && GERMAN_ARTICLE.test(word) && !/^(?:von|van|vom|zu|de)$/iu.test(words[index - 1] ?? ''))
        return false;
      if (organisation && /^(?:of|for|on|the|and|de|du|des|la|der|für|&)$/u.test(word)) continue;
      if (index > 0 && NAME_PARTICLES.has(lower)) continue;
      return false;
    }
    if (NEVER_IN_NAME.has(lower) || SPEECH_NOUNS.test(word)) return false;
    if (index === 0 && (LEADING_WORDS.has(lower) || NUMBER_WORD.test(word))) return false;
  }
  if (organisation) return true;
  // In German every noun is capitalised: a word the text prints after an article is a noun.
  if (german && words.some((word) => germanNoun(word, evidence.text))) return false;
  if (evidence.isKnownName(name)) return true;
  // "Demgegenüber pochte Kauder …", "Tatsächlich spricht …", "Dies sagte der Präsident": one word the
  // text capitalises only where a sentence starts is that sentence's first word, not a name.
  if (words.length === 1 && !capitalisedWithinSentence(words[0]!, evidence.text)) return false;
  // "But", "When", "Speaking", "Learn": a word the text also prints in lower case is no name. (A name
  // the text gives in full may start with one: "Will Smith", "Mark Green".)
  return !usedInLowerCase(words[0]!, evidence.text);
}

/** Words after which a name is an object, not the speaker: "rapists from Mexico", "un proche d'Edouard Philippe". */
const PREPOSITION_BEFORE =
  /(?:^|\s)(?:of|from|in|at|to|with|on|by|for|about|against|von|vom|aus|mit|bei|gegen|für|de|d['’]|du|des|à|au|aux|avec|contre|pour|en|dans|chez)\s*$/iu;

/** Is `name` an object in the phrase as written: printed right after a preposition? */
function objectInPhrase(name: string, mention: string | null): boolean {
  // "De Iesu said" of Antonio De Iesu: the particle opens the surname, no preposition.
  if (!mention || name.endsWith(` ${mention}`)) return false;
  const surname = name.split(/\s+/).at(-1)!;
  const at = mention.indexOf(name) >= 0 ? mention.indexOf(name) : mention.indexOf(surname);
  return at > 0 && PREPOSITION_BEFORE.test(mention.slice(0, at));
}

/** A speaker as resolved: a name or description, and whether it is an unnamed source. */
export interface SpeakerAnswer {
  name: string | null;
  anonymous: boolean;
}

/**
 * The resolved speaker if a reader can trust it; else the article's own description of the speaker
 * (from `mention`, the phrase as written); else null. Unnamed sources stay as they are.
 */
export function trustSpeaker(
  resolved: SpeakerAnswer | null,
  mention: string | null,
  evidence: SpeakerEvidence,
): SpeakerAnswer | null {
  if (!resolved?.name || resolved.anonymous) return resolved;
  // "the ACLU's Jay Stanley": the name after the possessive.
  const owned = /^.*\p{L}['’]s?\s+(?=\p{Lu}\S*\s+\p{Lu})/u.exec(resolved.name);
  const name = owned ? resolved.name.slice(owned[0].length) : resolved.name;
  if (DESCRIPTION_START.test(name)) {
    const description = speakerDescription(name);
    if (description) return { name: description, anonymous: false };
    // "L’hypothèse de Stephen Smith … écrit-il": the one whose idea or words the phrase names.
    const owner = thingOf(withoutTopic(name).split(/\s+/));
    if (!owner) return null;
    if (trustedName(owner, evidence)) return { name: owner, anonymous: false };
    const ownerDescription = speakerDescription(owner);
    return ownerDescription ? { name: ownerDescription, anonymous: false } : null;
  }
  // An organisation after "for" is whom a spokesperson speaks for; a person after "of" is not the speaker.
  const organisation = organisationName(name) === name;
  if (trustedName(name, evidence) && (organisation || !objectInPhrase(name, mention)))
    return { name, anonymous: false };
  const description = mention ? speakerDescription(mention) : null;
  return description ? { name: description, anonymous: false } : null;
}
