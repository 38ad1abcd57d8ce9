/**
 * Who a speaker mention points to. "Mayor Ana Ruiz" is Ana Ruiz; "Ruiz" is the Ana Ruiz named before;
 * "she" is the person last named; "the mayor" the person last named with that title; "the message" whoever
 * the text says issued it; "a senior official who spoke on condition of anonymity" is an anonymous source.
 */
import { firstNameGender } from './given-names';
import {
  ORGANISATION_WORDS,
  findPeople,
  isPronoun,
  organisationName,
  PARTICLE_SURNAME,
  personName,
  stripTitles,
  THIRD_PERSON_PLURAL,
  THIRD_PERSON_SINGULAR,
  type PersonMention,
} from './names';
import { germanPersonNoun } from './mentions';
import { isOutletName } from './outlets';
import { sentenceStart } from './paragraphs';
import {
  findWords,
  isSpace,
  matchesAtCapitals,
  matchesBeforeAnchors,
  mayBeLetter,
  type Words,
} from './words';

export interface SpeakerContext {
  text: string;
  /** The words of `text`, for the scans that go through all of them. */
  words: Words;
  /** People named with at least two name words, and later mentions of them by surname, in reading order. */
  mentions: PersonMention[];
  /** The mentions of each surname (a name's last word), in reading order. */
  mentionsBySurname: Map<string, PersonMention[]>;
  /** For each word of a name ("Ana", "Ruiz"), the first mention whose name has it. */
  firstMentionByNameWord: Map<string, PersonMention>;
  /** Organisations named in the text, in reading order. */
  organisations: { name: string; start: number }[];
  /** Who issued a message, statement, letter … as the text says, in reading order. */
  issuers: { noun: string; name: string; person: boolean; start: number }[];
  /** What titles and appositions say of each person's gender, for "she said" / "a-t-il ajouté". */
  genders: Map<string, Gender>;
  /**
   * The names the text uses as a person's: with a title or a gender, or once at least without an
   * article, a possessive or a preposition of place before it. "He" or "she" stands only for these, not
   * for "the Gush Etzion settlement bloc", "at the Hilton Toronto" or "l'affaire KPMG".
   */
  actingAsPerson: Set<string>;
}

const DOCUMENT_NOUNS =
  'message|statement|letter|post|tweet|email|e-mail|memo|note|report|release|communiqué|declaration|video|speech|transcript|filing|lawsuit|complaint|ruling|order|decree|mitteilung|erklärung|pressemitteilung|stellungnahme|brief|schreiben|botschaft|communiqué|déclaration|lettre|message';

const ANY_DOCUMENT = new RegExp(String.raw`(?:${DOCUMENT_NOUNS})`, 'u');
const DOCUMENT_NOUN = new RegExp(`^(?:${DOCUMENT_NOUNS})$`, 'iu');
const ISSUED_BY = new RegExp(
  String.raw`\b(${DOCUMENT_NOUNS})\s+(?:(?:issued|released|posted|published|sent|signed|written)\s+)?(?:from|by|of|von|vom|des|der|de la|de l'|de|du)\s+((?:[\p{L}.'’-]+\s+){0,4}\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|of|the|for|de|des|du|der|für))*)`,
  'gu',
);
/** "… said in a statement": from the verb up to the document, after the speaker's name. */
const SAID_IN_A_DOCUMENT = String.raw`(?:said|wrote|announced|added|stated|declared|erklärte|teilte|a déclaré|a annoncé)\s+(?:in\s+)?(?:a|an|its|his|her|their|einer|einem|une|un|dans un|dans une)\s+(?:written\s+|brief\s+|short\s+)?`;
/** Sticky: tried where a capital leads up to SAID_ANCHOR. */
const SAID_IN_DOCUMENT = new RegExp(
  String.raw`(\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]+|of|the|for)){0,6})\s+${SAID_IN_A_DOCUMENT}(${DOCUMENT_NOUNS})`,
  'uy',
);
const SAID_ANCHOR = new RegExp(String.raw`\s(?=${SAID_IN_A_DOCUMENT}(?:${DOCUMENT_NOUNS}))`, 'gu');
/** "In a written statement released Tuesday night, Brightwell said …" */
const IN_DOCUMENT_LEAD = new RegExp(
  String.raw`\b(?:In|in)\s+(?:a|an|its|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}(${DOCUMENT_NOUNS})\b[^,.]{0,60},\s+(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,4})\s+(?:said|wrote|announced|stated|erklärte|teilte|a déclaré|a annoncé)`,
  'gu',
);
/** "Brightwell’s statement": what follows the apostrophe up to the document. */
const POSSESSIVE = String.raw`s?\s+(?:[\p{Ll}-]+\s+){0,2}`;
/** Sticky: tried where a capital leads up to POSSESSIVE_ANCHOR. */
const POSSESSIVE_DOCUMENT = new RegExp(
  String.raw`(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,4})['’]${POSSESSIVE}(${DOCUMENT_NOUNS})\b`,
  'uy',
);
const POSSESSIVE_ANCHOR = new RegExp(String.raw`['’](?=${POSSESSIVE}(?:${DOCUMENT_NOUNS})\b)`, 'gu');

/** What may stand between the capital that starts an issuer's name and the anchor after the name. */
const inIssuerName = (code: number) =>
  isSpace(code) || mayBeLetter(code) || code === 0x2e || code === 0x27 || code === 0x2019 || code === 0x2d;

function addIssuer(issuers: SpeakerContext['issuers'], noun: string, phrase: string, start: number) {
  const person = personName(phrase);
  const organisation = person ? null : organisationName(phrase);
  const name = person ?? organisation;
  if (name) issuers.push({ noun: noun.toLowerCase(), name, person: Boolean(person), start });
}

/** Forms of address before a name: a woman's, a man's. */
const FEMININE_ADDRESS = 'Mrs|Ms|Miss|Frau|Mme|Madame|Mlle';
const MASCULINE_ADDRESS = String.raw`Mr|Herr|M\.|Monsieur`;
// German feminine role nouns by their endings ("Sprecherin", "Präsidentin", "Ärztin"), not any word in
// -in: "Berlin", "Kremlin", "Putin" and "Martin" are no women.
const FEMININE = new RegExp(
  String.raw`\b(?:${FEMININE_ADDRESS}|spokeswoman|councilwoman|chairwoman|congresswoman|businesswoman|stateswoman|actress|queen|princess|sister|mother|daughter|wife|grandmother|woman|femme|mère|fille|présidente|directrice|adjointe|députée|sénatrice|conseillère|avocate|fondatrice|\p{L}+(?:erin|istin|orin|antin|entin|ärztin|rätin|chefin|beamtin|anwältin|königin|fürstin|gräfin|göttin|wirtin|köchin|kandidatin|soldatin|diplomatin|kratin|innen))\b`,
  'u',
);
const MASCULINE = new RegExp(
  String.raw`\b(?:${MASCULINE_ADDRESS}|spokesman|councilman|chairman|congressman|businessman|statesman|actor|king|prince|brother|father|son|husband|grandfather|man|homme|père|fils|président|directeur|adjoint|député|sénateur|conseiller|avocat|fondateur|Bürgermeister|Minister|Sprecher|Präsident|Vorsitzender)\b`,
  'u',
);

/** 'f' or 'm' when a title or an apposition says so ("Mme", "présidente du groupe", "spokeswoman"). */
function genderNear(text: string, person: PersonMention): Gender {
  // The word before the name and its spaces, within 40 characters ("Mayor" in "said Mayor Ana Ruiz").
  const from = Math.max(0, person.start - 40);
  let titleEnd = person.start;
  while (titleEnd > from && isSpace(text.charCodeAt(titleEnd - 1))) titleEnd--;
  let titleStart = titleEnd;
  while (titleStart > from && !isSpace(text.charCodeAt(titleStart - 1))) titleStart--;
  const lastTitle = titleEnd < person.start ? text.slice(titleStart, titleEnd) : '';
  const apposition = /^,\s+([^,.;]{0,60})/u.exec(text.slice(person.end))?.[1] ?? '';
  const near = `${person.titles.join(' ')} ${lastTitle} ${apposition.split(/\s+/).slice(0, 3).join(' ')}`;
  // Check feminine first: "Bürgermeisterin" must not read as "Bürgermeister".
  if (FEMININE.test(near)) return 'f';
  if (MASCULINE.test(near)) return 'm';
  return null;
}

export type Gender = 'f' | 'm' | null;

/** A verb in the past or of saying right after a name: its subject ("Schwartz disavowed", "The commission issued"). */
export const SUBJECT_VERB_AFTER =
  /^\s+(?:\p{Ll}{2,}ed|said|says|told|tells|wrote|writes|was|is|had|has|did|made|took|gave|went|came|saw|knew|thought|felt|became|began|left|sent|spoke|met|ran|won|lost|got|put|kept|held|brought|found|heard|chose|fought|led|paid|sold|stood|taught|understood|wore)\b/u;

/**
 * A preposition or an indefinite article right before a name: the name is an object, or a noun's
 * modifier, not a sentence's subject ("for Jenny Craig", "a Jenny Craig spokeswoman", "mit Olaf
 * Scholz", "avec Marc Henry"), titles or given names between them included ("for Jenny
 * Craig" when only "Craig" was found there). Not "to" ("according to Ruiz" names the source), nor
 * "von" or "de", which also open names.
 */
const PREPOSITIONS_BEFORE_NAME =
  'a|an|for|of|with|from|at|about|against|toward|towards|behind|between|into|on|over|under|für|mit|bei|gegen|über|pour|avec|chez|contre';
// Case is spelled out: under the "i" flag \p{Lu} would match lower-case letters too.
const PREPOSITION_BEFORE_NAME = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${PREPOSITIONS_BEFORE_NAME.split('|')
    .map((word) => `[${word[0]}${word[0]!.toUpperCase()}]${word.slice(1)}`)
    .join('|')})\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}$`,
  'u',
);

function afterPreposition(text: string, mention: PersonMention): boolean {
  return PREPOSITION_BEFORE_NAME.test(text.slice(Math.max(0, mention.start - 48), mention.start));
}

/** The mentions that follow no preposition, if any does; else all of them. */
function preferringSubjects(text: string, mentions: PersonMention[]): PersonMention[] {
  const subjects = mentions.filter((m) => !afterPreposition(text, m));
  return subjects.length > 0 ? subjects : mentions;
}

/** An article, a possessive or a preposition of place right before a name: a place or a thing's. */
const THING_BEFORE_NAME =
  /(?:(?:^|[^\p{L}])(?:the|a|an|der|die|das|des|dem|den|le|la|les|du|at|in|im|à|au)|['’]s?|\bl['’])\s*$/iu;

/** Nouns for a woman or a man, which only "she" or only "he" can stand for. */
const FEMININE_PERSON =
  'woman|mother|wife|sister|daughter|grandmother|aunt|girl|widow|actress|waitress|(?:business|spokes|congress|police|chair)woman';
const MASCULINE_PERSON =
  'man|father|husband|brother|son|grandfather|uncle|boy|widower|actor|waiter|(?:business|spokes|congress|police|chair)man';
/**
 * An unnamed person the text introduces: "one mother", "a neighbor who asked not to be named", "an
 * elderly resident". Group 1 is the description, group 2 its noun; the noun closes its phrase ("a student
 * alliance" is none).
 */
const INDEFINITE_PERSON = new RegExp(
  String.raw`(?<![\p{L}])((?:a|an|one)\s+(?:[\p{Ll}-]+\s+){0,2}?(${FEMININE_PERSON}|${MASCULINE_PERSON}|parent|resident|neighbou?r|witness|worker|employee|student|teacher|nurse|doctor|official|officer|customer|patient|passenger|voter|survivor|farmer|owner|shopper|driver|commenter|user|reader|source|person))(?=\s*(?:[,.;:!?)]|$)|\s+(?:who|whose|that|at|in|from|of|with|on|for|named|called|living|working)\s)`,
  'giu',
);

/** A sentence that opens with an unnamed person: "The man …", "Der Mann …", "La femme …". */
export const UNNAMED_SUBJECT = new RegExp(
  String.raw`(?:^|[.!?…]\s+)(?:[Tt]he|[Dd]er|[Dd]ie|[Ll]e|[Ll]a)\s+(?:${FEMININE_PERSON}|${MASCULINE_PERSON}|Mann|Frau|Täter|Täterin|homme|femme|suspect|suspectin)\s`,
  'u',
);

const FEMININE_PERSON_NOUN = new RegExp(`^(?:${FEMININE_PERSON})$`, 'iu');
const MASCULINE_PERSON_NOUN = new RegExp(`^(?:${MASCULINE_PERSON})$`, 'iu');

/** Whether "he" or "she" can stand for an unnamed person of that noun ("a mother" is no "he"). */
function describedPersonFits(pronoun: string, noun: string): boolean {
  const gender = FEMININE_PERSON_NOUN.test(noun) ? 'f' : MASCULINE_PERSON_NOUN.test(noun) ? 'm' : null;
  return pronounFits(pronoun, gender);
}

/** A sentence opening with a possessive and a relative: "My mother", "Her husband", "Sa femme". */
const RELATIVE_OPENING =
  /^(?:my|his|her|their|our|mein|meine|sein|seine|ihr|ihre|mon|ma|son|sa)\s+(?:mother|father|wife|husband|sister|brother|daughter|son|grandmother|grandfather|aunt|uncle|mutter|vater|frau|mann|schwester|bruder|tochter|sohn|mère|père|femme|mari|sœur|frère|fille|fils)\b/iu;
const FEMININE_RELATIVE =
  /\b(?:mother|wife|sister|daughter|grandmother|aunt|mutter|frau|schwester|tochter|mère|femme|sœur|fille)$/iu;

/** "She" after "My mother", "he" after "His father": the relative's gender is the word's. */
function relativeFits(pronoun: string, relative: string): boolean {
  return pronounFits(pronoun, FEMININE_RELATIVE.test(relative) ? 'f' : 'm');
}

const FEMININE_PRONOUNS = new Set(['she', 'her', 'elle', 'sie']);
const MASCULINE_PRONOUNS = new Set(['he', 'him', 'il', 'er']);

/** Can this pronoun point to someone of this gender (unknown fits anything)? */
export function pronounFits(pronoun: string, gender: Gender): boolean {
  const lower = pronoun.toLowerCase();
  if (gender === 'm' && FEMININE_PRONOUNS.has(lower)) return false;
  if (gender === 'f' && MASCULINE_PRONOUNS.has(lower)) return false;
  return true;
}

/** A run of capitalised words that may name an organisation; sticky, tried at the capitals. */
const ORGANISATION_CANDIDATE =
  /(?:\p{Lu}[\p{L}'’&.-]*[^\S\n]+)*\p{Lu}[\p{L}'’&.-]*(?:[^\S\n]+(?:of|for|on|des|der|du|de la|de|für)[^\S\n]+(?:the[^\S\n]+)?\p{Lu}[\p{L}'’&.-]*(?:[^\S\n]+\p{Lu}[\p{L}'’&.-]*)*)?/uy;

function findOrganisations(text: string, words: Words): SpeakerContext['organisations'] {
  const organisations: SpeakerContext['organisations'] = [];
  for (const match of matchesAtCapitals(text, ORGANISATION_CANDIDATE, words)) {
    const name = organisationName(match[0]);
    if (name) organisations.push({ name, start: match.index });
  }
  return organisations;
}

/** "Ruiz’s" → "Ruiz", "Jones'" → "Jones". */
function withoutPossessive(word: string): string {
  const last = word.at(-1);
  if (last === "'" || last === '’') return word.slice(0, -1);
  const beforeLast = word.at(-2);
  return last === 's' && (beforeLast === "'" || beforeLast === '’') ? word.slice(0, -2) : word;
}

/**
 * Later mentions by surname alone ("Ruiz said"), once the full name has been given: one pass over the
 * capitalised words of the text, not one search per person.
 */
function surnameMentions(text: string, words: Words, people: PersonMention[]): PersonMention[] {
  const bySurname = new Map<string, PersonMention>();
  for (const person of people) bySurname.set(person.name.split(/\s+/).at(-1)!, person);
  const mentions: PersonMention[] = [];
  let next = 0;
  let capital = 0;
  for (let i = 0; i < words.starts.length; i++) {
    // From the word's first capital: "McAdam", and "Ruiz" in "al-Ruiz".
    const end = words.ends[i]!;
    while (capital < words.capitals.length && words.capitals[capital]! < words.starts[i]!) capital++;
    const start = words.capitals[capital] ?? end;
    if (start >= end) continue;
    const person = bySurname.get(withoutPossessive(text.slice(start, end)));
    if (!person) continue;
    while (next < people.length && people[next]!.end <= start) next++;
    const inside = next < people.length && start >= people[next]!.start && start < people[next]!.end;
    if (!inside) mentions.push({ name: person.name, start, end, titles: [] });
  }
  return mentions;
}

const MASCULINE_TITLE = new RegExp(String.raw`^(?:${MASCULINE_ADDRESS})\.?$`, 'iu');
const FEMININE_TITLE = new RegExp(String.raw`^(?:${FEMININE_ADDRESS})\.?$`, 'iu');

/** The gender the title nearest the name says: "mr" a man's, "mrs", "ms", "frau", "mme" a woman's. */
function titleGender(titles: string[]): Gender {
  // Titles are kept in lower case without their full stop ("m" for "M."): the stop is put back.
  const nearest = `${titles[0] ?? ''}.`;
  if (MASCULINE_TITLE.test(nearest)) return 'm';
  if (FEMININE_TITLE.test(nearest)) return 'f';
  return null;
}

/**
 * "Mr Anderson", "Judge Ford": a surname after a title, once the text has named one person in full with
 * that surname ("Chris Anderson"), is that person. With two ("Chris and Lucy Anderson" named in full),
 * it stays as written, unless the title says a gender only one of them has ("Mr Anderson" after "Zoe
 * Anderson" and "Chris Anderson").
 */
function withFullNames(people: PersonMention[]): PersonMention[] {
  const bySurname = new Map<string, Set<string>>();
  for (const person of people) {
    const words = person.name.split(/\s+/u);
    if (words.length < 2) continue;
    const names = bySurname.get(words.at(-1)!) ?? new Set<string>();
    bySurname.set(words.at(-1)!, names.add(person.name));
  }
  return people.map((person) => {
    const full = person.titles.length > 0 ? bySurname.get(person.name) : undefined;
    if (full?.size === 1) return { ...person, name: [...full][0]! };
    const gender = titleGender(person.titles);
    const ofGender = gender
      ? [...(full ?? [])].filter((name) => firstNameGender(name.split(/\s+/u)[0]!) === gender)
      : [];
    return ofGender.length === 1 ? { ...person, name: ofGender[0]! } : person;
  });
}

/** Who a name word points to, looked up once per word rather than by splitting every name each time. */
function indexNames(
  mentions: PersonMention[],
): Pick<SpeakerContext, 'mentionsBySurname' | 'firstMentionByNameWord'> {
  const mentionsBySurname = new Map<string, PersonMention[]>();
  const firstMentionByNameWord = new Map<string, PersonMention>();
  const nameWords = new Map<string, string[]>();
  for (const mention of mentions) {
    let words = nameWords.get(mention.name);
    if (!words) {
      words = mention.name.split(/\s+/);
      nameWords.set(mention.name, words);
    }
    const surname = words.at(-1)!;
    const withSurname = mentionsBySurname.get(surname);
    if (withSurname) withSurname.push(mention);
    else mentionsBySurname.set(surname, [mention]);
    for (const word of words)
      if (!firstMentionByNameWord.has(word)) firstMentionByNameWord.set(word, mention);
  }
  return { mentionsBySurname, firstMentionByNameWord };
}

/** Who issued which message, statement, letter …, as the text says, in reading order. */
function findIssuers(text: string, words: Words): SpeakerContext['issuers'] {
  const issuers: SpeakerContext['issuers'] = [];
  // A cheap test first skips the text that names no document.
  if (!ANY_DOCUMENT.test(text)) return issuers;
  for (const match of text.matchAll(ISSUED_BY)) addIssuer(issuers, match[1]!, match[2]!, match.index);
  for (const match of matchesBeforeAnchors(text, SAID_IN_DOCUMENT, SAID_ANCHOR, inIssuerName, words))
    addIssuer(issuers, match[2]!, match[1]!, match.index);
  for (const match of text.matchAll(IN_DOCUMENT_LEAD)) addIssuer(issuers, match[1]!, match[2]!, match.index);
  for (const match of matchesBeforeAnchors(text, POSSESSIVE_DOCUMENT, POSSESSIVE_ANCHOR, inIssuerName, words))
    addIssuer(issuers, match[2]!, match[1]!, match.index);
  return issuers.sort((a, b) => a.start - b.start);
}

/** Finds the people a text names in full (two or more name words), in reading order. */
export type PeopleFinder = (text: string, words: Words) => PersonMention[];

/**
 * Who the text names and how: people, their surnames, pronouns' genders, document issuers. `findPersons`
 * is the name finder, lib/analyze/names' own unless another is being measured against it
 * (scripts/eval/people-finders.ts).
 */
export function buildSpeakerContext(text: string, findPersons: PeopleFinder = findPeople): SpeakerContext {
  const words = findWords(text);
  const people = withFullNames(findPersons(text, words));
  const genders = new Map<string, Gender>();
  for (const person of people)
    if (!genders.get(person.name))
      genders.set(person.name, genderNear(text, person) ?? firstNameGender(person.name.split(/\s+/u)[0]!));
  const mentions = [...people, ...surnameMentions(text, words, people)].sort((a, b) => a.start - b.start);
  const actingAsPerson = new Set<string>();
  for (const mention of mentions)
    if (
      genders.get(mention.name) ||
      mention.titles.length > 0 ||
      !THING_BEFORE_NAME.test(text.slice(Math.max(0, mention.start - 12), mention.start))
    )
      actingAsPerson.add(mention.name);
  return {
    text,
    words,
    mentions,
    actingAsPerson,
    ...indexNames(mentions),
    issuers: findIssuers(text, words),
    genders,
    // Only "it said" and "the ministry said" need the organisations; most articles never ask.
    get organisations() {
      const value = findOrganisations(text, words);
      Object.defineProperty(this, 'organisations', { value });
      return value;
    },
  };
}

export interface ResolvedSpeaker {
  /** Canonical name, or the descriptor for anonymous and unresolved nominal speakers; null if unknown. */
  name: string | null;
  anonymous: boolean;
}

const ANONYMOUS_MARKERS =
  /anonymity|anonymously|not authori[sz]ed|declined to be (?:named|identified)|declined to give (?:her|his|their) (?:full |last )?name|asked not to be (?:named|identified)|requested anonymity|familiar with|insisted on anonymity|nicht genannt|ungenannt|anonym|sous couvert|sous le couvert|requis l['’]anonymat|proche du dossier/iu;
const INDEFINITE =
  /^(?:a|an|one|two|three|four|five|several|some|ein|eine|einer|eines|einem|un|une|des|plusieurs)\s/iu;
const SPOKESPERSON_FOR =
  /\b(?:spokes(?:man|woman|person)|representative|sprecher(?:in)?|porte-parole|représentant(?:e)?)\s+(?:for|of|at|from|des|der|de la|de l['’]|du|de)\s+(?:the\s+)?(.+)$/iu;
/**
 * The role of an unnamed source: "a Veldorian diplomat in Geneva", "one senior official", "one Weibo
 * commenter" (the platform named, not the person).
 */
const ANONYMOUS_ROLE =
  /^(?:a|an|one|two|three|several|some|ein|eine|einer|un|une)\s+(?:[\p{L}-]+\s+){0,3}?(?:officials?|sources?|diplomats?|aides?|officers?|employees?|executives?|insiders?|advis[eo]rs?|staffers?|persons?|people|members?|investigators?|neighbou?rs?|residents?|witness(?:es)?|relatives?|workers?|commenters?|users?|readers?|viewers?|callers?|voters?|supporters?|protesters?|students?|parents?|passengers?|customers?|patients?|Beamte[rn]?|Diplomat(?:in|en)?|Insider|Quelle|Mitarbeiter(?:in)?|responsables?|diplomates?|conseill(?:er|ère)s?|sources?)\b/iu;
/**
 * A German indefinite description of a person, which German capitals make look like a name: "ein
 * Jury-Mitglied", "laut einem Experten", "eine langjährige Anwohnerin".
 */
const GERMAN_INDEFINITE_NOUN =
  /^[Ee](?:in|ine|iner|ines|inem)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(\p{Lu}[\p{L}-]*)$/u;
const germanUnnamed = (phrase: string) => {
  const noun = GERMAN_INDEFINITE_NOUN.exec(phrase)?.[1];
  return noun !== undefined && germanPersonNoun(noun);
};
/** "Nisan Ahmado's source inside the camp": someone's source is unnamed, whoever is named around it. */
const SOMEONES_SOURCE = /['’]s\s+(?:\p{Ll}+\s+)?(?:sources?|contacts?)\b/u;
const DEFINITE = /^(?:(?:the|der|die|das|den|dem|le|la|les)\s+|l['’]\s*)/iu;

/** Index of the first item (the list sorted by start) that starts at or after `position`. */
function firstFrom<T extends { start: number }>(items: T[], position: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The items (sorted by start) that start in [from, to). */
export function startingBetween<T extends { start: number }>(items: T[], from: number, to: number): T[] {
  const found: T[] = [];
  for (let i = firstFrom(items, from); i < items.length && items[i]!.start < to; i++) found.push(items[i]!);
  return found;
}

/** Is there an item (the list sorted by start) that starts in [from, to)? */
export function anyStartingBetween<T extends { start: number }>(
  items: T[],
  from: number,
  to: number,
): boolean {
  const first = firstFrom(items, from);
  return first < items.length && items[first]!.start < to;
}

/**
 * How far back a paragraph is looked for: a longer "paragraph" is a list, a table or a page without
 * breaks, and looking back through all of it for every quote would make a long page cost its square.
 */
const MAX_PARAGRAPH = 3_000;

/**
 * Where the paragraph holding `position` starts (`article.text` separates paragraphs with a blank
 * line), at most MAX_PARAGRAPH characters back.
 */
function paragraphStartBefore(text: string, position: number): number {
  const limit = Math.max(0, position - MAX_PARAGRAPH);
  // The last blank line starting at or before `position`, as text.lastIndexOf('\n\n', position) finds it.
  for (let at = Math.min(position + 1, text.length - 1); at > limit; at--)
    if (text.charCodeAt(at) === 10 && text.charCodeAt(at - 1) === 10) return at + 1;
  return limit;
}

/** Where the paragraph before the one starting at `paragraphStart` starts; 0 when there is none. */
function previousParagraphStart(text: string, paragraphStart: number): number {
  return paragraphStart > 2 ? paragraphStartBefore(text, paragraphStart - 3) : 0;
}

/** How many items lastBefore walks back over: the nearest match that far back is as good as any. */
const MAX_LOOK_BACK = 500;

/** The last item (by start, the list sorted) before `position` that `keep` accepts. */
function lastBefore<T extends { start: number }>(items: T[], position: number, keep: (item: T) => boolean) {
  // Binary search, then walk back a bounded way: resolving every quote of a long page stays linear.
  const last = firstFrom(items, position) - 1;
  for (let i = last; i >= 0 && i > last - MAX_LOOK_BACK; i--) if (keep(items[i]!)) return items[i];
  return undefined;
}

/** Answers that depend on the text alone, not on where a quote is, kept per text: a long page asks them again and again. */
const rememberedAnswers = new WeakMap<SpeakerContext, Map<string, unknown>>();

function remembered<T>(context: SpeakerContext, question: string, answer: () => T): T {
  let answers = rememberedAnswers.get(context);
  if (!answers) rememberedAnswers.set(context, (answers = new Map()));
  if (answers.has(question)) return answers.get(question) as T;
  const value = answer();
  answers.set(question, value);
  return value;
}

/** The person last named before `position` with this surname, else the first the text names with it. */
function personBySurname(
  context: SpeakerContext,
  surname: string,
  position: number,
): PersonMention | undefined {
  return (
    lastBefore(context.mentionsBySurname.get(surname) ?? [], position, () => true) ??
    context.firstMentionByNameWord.get(surname)
  );
}

/**
 * The organisation named before `position` (else anywhere) whose name holds `noun`, one that holds more
 * than the noun first: "die Gemeinde" is the "Gemeinde Boltigen" named before, not a capitalised
 * "Gemeinde" on its own; "das Kultusministerium", named only so, is the "Kultusministerium".
 */
function organisationHolding(noun: string, position: number, context: SpeakerContext) {
  const holds = (org: { name: string }) => org.name.toLowerCase().includes(noun);
  const fuller = (org: { name: string }) => holds(org) && org.name.toLowerCase() !== noun;
  return (
    lastBefore(context.organisations, position, fuller) ??
    remembered(context, `fuller organisation ${noun}`, () => context.organisations.find(fuller)) ??
    lastBefore(context.organisations, position, holds) ??
    remembered(context, `organisation ${noun}`, () => context.organisations.find(holds))
  );
}

/** A document its issuer owns: "Its statement", "the company’s release", "their letter". */
const OWNED_DOCUMENT = new RegExp(
  String.raw`^(?:its|their|(?:the|der|die|das)\s+([\p{Ll}-]+)['’]s?)\s+(?:[\p{Ll}-]+\s+)?(?:${DOCUMENT_NOUNS})$`,
  'iu',
);

/**
 * "Big Machine Records fired back. Its statement claimed, “…”", "The company’s release continued": the one
 * organisation named since the paragraph before (or, after "the company’s", the one whose name holds
 * "company"); with several, no one.
 */
function ownerOfDocument(owned: RegExpExecArray, position: number, context: SpeakerContext): string | null {
  const noun = owned[1]?.toLowerCase();
  const holding = noun ? organisationHolding(noun, position, context) : undefined;
  if (holding) return holding.name;
  const paragraphStart = paragraphStartBefore(context.text, position);
  const since = previousParagraphStart(context.text, paragraphStart);
  const named = new Set(startingBetween(context.organisations, since, position).map((org) => org.name));
  return named.size === 1 ? [...named][0]! : null;
}

export function resolveSpeaker(mention: string, position: number, context: SpeakerContext): ResolvedSpeaker {
  const phrase = mention.trim();
  // An owned document whose owner is not that one organisation is no one's we can name: not the issuer of
  // some other document ("The firm’s statement asserted" is not Ms. Alley's, whose statement came before).
  const owned = OWNED_DOCUMENT.exec(phrase);
  if (owned) return { name: ownerOfDocument(owned, position, context), anonymous: false };
  // "peut-on lire dans Le Monde", "the Guardian reported": the outlet, whose article is part of its name.
  if (isOutletName(phrase)) return { name: phrase.replace(/^the\s+/, ''), anonymous: false };
  const spokesperson = SPOKESPERSON_FOR.exec(phrase);
  if (spokesperson && !personName(phrase.slice(0, spokesperson.index))) {
    const organisation = organisationName(spokesperson[1]!) ?? personName(spokesperson[1]!);
    return { name: organisation ?? spokesperson[1]!.trim(), anonymous: false };
  }
  // "he and Mike", "sie und ihr Mann": two people, one of them a pronoun: no one name is the speaker.
  const conjuncts = phrase.split(/\s+(?:and|und|et)\s+/u);
  if (conjuncts.length === 2 && conjuncts.some((part) => isPronoun(part)))
    return { name: null, anonymous: false };
  const named = personName(phrase);
  if (
    ANONYMOUS_MARKERS.test(phrase) ||
    SOMEONES_SOURCE.test(phrase) ||
    (INDEFINITE.test(phrase) &&
      (!named ||
        ANONYMOUS_ROLE.test(phrase) ||
        germanUnnamed(phrase) ||
        // "one buyer on the Evolution market": the name after a preposition is where the unnamed
        // person is, not who. Not a document's issuer ("a report from Kotak Institutional Equities").
        (!DOCUMENT_NOUN.test(phrase.split(/\s+/)[1] ?? '') &&
          /\s(?:on|at|of|from|in|for|with|auf|bei|von|aus|sur|chez|de)\s+(?:(?:the|der|die|das|dem|le|la|les)\s+)?$/iu.test(
            phrase.slice(0, phrase.indexOf(named)),
          ))))
  )
    return { name: phrase, anonymous: true };

  const words = phrase.split(/\s+/);
  if (words.length === 1 && isPronoun(phrase)) {
    const lower = phrase.toLowerCase();
    // "where we called it …", "as I wrote": the writer or the outlet, not a person the text named.
    if (lower === 'we' || lower === 'i') return { name: null, anonymous: false };
    if (lower === 'it' || lower === 'es') {
      const organisation = lastBefore(context.organisations, position, () => true);
      return { name: organisation?.name ?? null, anonymous: false };
    }
    // The subject of the paragraph (its first person named before the quote) is who "she said" means
    // far more often than whoever was named last.
    const paragraphStart = paragraphStartBefore(context.text, position);
    const fits = (m: PersonMention) =>
      pronounFits(lower, context.genders.get(m.name) ?? null) &&
      (!THIRD_PERSON_SINGULAR.test(lower) || context.actingAsPerson.has(m.name));
    // An antecedent comes before its pronoun: "During the call, he asked about …, called Omar a “…”" is
    // not Omar's.
    const ownSentence = sentenceStart(context.text, position, paragraphStart);
    const pronounWord = new RegExp(String.raw`(?<![\p{L}])${lower}(?![\p{L}])`, 'iu');
    const pronounInSentence = pronounWord.exec(context.text.slice(ownSentence, position));
    const pronounAt = pronounInSentence ? ownSentence + pronounInSentence.index : position;
    // "Parting ways with Jenny Craig led to a bad period for Alley. … She explained, “…”": the first person
    // named without a preposition; when every one has one, none is the paragraph's subject.
    const inParagraph = startingBetween(context.mentions, paragraphStart, pronounAt).find(
      (m) => fits(m) && !afterPreposition(context.text, m),
    );
    // "La maire reconnaît … « … », a-t-elle concédé": the paragraph opens with a role named before.
    const role = /^(?:the|der|die|das|le|la|l['’])\s+([\p{Ll}-]+)/iu.exec(
      context.text.slice(paragraphStart, position),
    )?.[1];
    const titled = role
      ? lastBefore(context.mentions, position, (m) => fits(m) && m.titles.includes(role.toLowerCase()))
      : undefined;
    // "For Chazelle, the hardest scene was … “…,” he claims": the one person the sentence before names.
    const previousSentence = sentenceStart(context.text, ownSentence - 1, paragraphStart);
    // For "she", of the people there who may be hers, those known to be women, if any: "When Ford visited
    // his editor Teresa Nielsen Hayden … “…,” she recalled" is not Ford's. Not for "he": the given names
    // the list lacks are often men's ("Montell Figgins, who represents Thomas, said … He said …").
    // A name after a preposition is no subject when someone there is named without one: "the former
    // Chief Marketing Officer for Jenny Craig, Leesa Eichberger, spoke to … “…,” she said" is Eichberger's.
    const fitting = preferringSubjects(
      context.text,
      startingBetween(context.mentions, previousSentence, position).filter(fits),
    );
    const women = fitting.filter((m) => context.genders.get(m.name) === 'f');
    const namedBefore = /^(?:she|elle)$/u.test(lower) && women.length > 0 ? women : fitting;
    // "Ryan Suter, who joked about Parise’s penchant for changing sticks, could see …": an owner named
    // with a possessive is no subject, when someone else there is named without one.
    // A surname mention's word keeps its possessive ("Parise’s"); a full name's does not.
    const isOwner = (m: PersonMention) =>
      /['’]s?$/u.test(context.text.slice(m.start, m.end)) ||
      /^['’]/u.test(context.text.slice(m.end, m.end + 1));
    const notOwners = namedBefore.filter((m) => !isOwner(m));
    const justNamed = new Set((notOwners.length > 0 ? notOwners : namedBefore).map((m) => m.name));
    // "On July 27 he emailed Gaiman about it. “…,” he wrote": the same pronoun before the name there
    // is the subject, and the name its object.
    const firstNamed = namedBefore[0];
    const pronounFirst =
      firstNamed && pronounWord.test(context.text.slice(previousSentence, firstNamed.start));
    // "In 2016, as Trump’s rise continued, Schwartz disavowed the book. “…,” he told Mayer": of two
    // people there, the one a verb follows is the subject.
    const subjectsBetween = (from: number, to: number, keep: (m: PersonMention) => boolean) =>
      new Set(
        startingBetween(context.mentions, from, to)
          .filter((m) => keep(m) && SUBJECT_VERB_AFTER.test(context.text.slice(m.end, m.end + 24)))
          .map((m) => m.name),
      );
    const subjects = subjectsBetween(previousSentence, ownSentence, fits);
    // "Yet Sondland has already amended his testimony — “I now do recall,” he said": the subject of the
    // quote's own sentence, when it names one, whoever the sentence before named as well.
    const ownSubjects = subjectsBetween(ownSentence, pronounAt, (m) => fits(m) && !isOwner(m));
    const previous = pronounFirst
      ? undefined
      : ownSubjects.size === 1
        ? [...ownSubjects][0]!
        : justNamed.size === 1
          ? [...justNamed][0]!
          : subjects.size === 1
            ? [...subjects][0]!
            : undefined;
    // "WIRED spoke to one mother, who … “…,” she said": with no one named there, the one unnamed person
    // the sentence before introduces is who "she" is.
    if (justNamed.size === 0 && !pronounFirst && THIRD_PERSON_SINGULAR.test(lower)) {
      const described = [
        ...context.text.slice(previousSentence, pronounAt).matchAll(INDEFINITE_PERSON),
      ].filter(
        (match) =>
          describedPersonFits(lower, match[2]!) &&
          // "Another time, he said, he was barred from … an Asian-American student …": a pronoun before
          // the description already stands for someone else.
          !pronounWord.test(context.text.slice(previousSentence, previousSentence + match.index!)),
      );
      if (described.length === 1) return { name: described[0]![1]!, anonymous: true };
    }
    // "My mother and I quarrelled. She told me she prayed I would “…”": a sentence before that names no
    // one and opens with a relative of the writer's or the subject's, of the pronoun's gender, is theirs.
    const relative =
      justNamed.size === 0
        ? RELATIVE_OPENING.exec(context.text.slice(previousSentence, ownSentence))?.[0]
        : undefined;
    if (relative && THIRD_PERSON_SINGULAR.test(lower) && relativeFits(lower, relative))
      return { name: relative.replace(/^\p{Lu}/u, (first) => first.toLowerCase()), anonymous: false };
    // "… opponent Bernie Sanders after he admitted that “…”": a pronoun opening a clause right after a
    // name is that name's, whoever else the sentence or paragraph named.
    const clause = [
      ...context.text
        .slice(ownSentence, position)
        .matchAll(
          new RegExp(
            String.raw`[\s,]*\b(?:after|because|when|while|since|before|until|once|as|nachdem|weil|als|après que|parce qu['’]|quand|lorsqu['’])\s*${lower}\b`,
            'giu',
          ),
        ),
    ].at(-1);
    const adjoining =
      clause &&
      startingBetween(context.mentions, ownSentence, position).find(
        (m) => m.end === ownSentence + clause.index! && fits(m),
      );
    // Otherwise the last person named, in this paragraph or the one before (found from its last
    // character, before the blank line that opens this one): a person last named paragraphs earlier is a
    // guess, and a wrong name is worse than none. Except that paragraphs which open with the same pronoun
    // and name no one carry on the subject of the paragraph before them, the first person it names:
    // "Taylor Swift posted … accusing Big Machine … ¶ She claimed … ¶ “…,” she said." (two at most).
    const namedRecently = () => {
      // Not a name after the pronoun in its own sentence, nor one in a paragraph before that the same
      // pronoun opens: "He was arrested for the call to Omar. ¶ During the call, he … called Omar a “…”"
      // is not Omar's, but the subject the paragraphs carry on.
      const last = lastBefore(context.mentions, pronounAt, fits);
      // The subject of the sentence that ends with an owner, rather than the owner: its first person
      // ("Ryan Suter, who joked about Parise’s penchant …, could see … ¶ “…,” he said"), not the last
      // before the owner ("Mr Anderson, who quit Future Publishing …, had taken the witness box during
      // Hartley's trial").
      const ownersSentence = last
        ? sentenceStart(context.text, last.start, paragraphStartBefore(context.text, last.start))
        : 0;
      const subjectOfOwnersSentence =
        last && isOwner(last)
          ? startingBetween(context.mentions, ownersSentence, last.start).find((m) => fits(m) && !isOwner(m))
          : undefined;
      const recent = subjectOfOwnersSentence ?? last;
      const paragraphBefore = previousParagraphStart(context.text, paragraphStart);
      const samePronoun = new RegExp(String.raw`^${lower}\s`, 'iu');
      const objectOfSamePronoun =
        recent !== undefined &&
        recent.start < paragraphStart &&
        samePronoun.test(context.text.slice(paragraphBefore, paragraphBefore + 12));
      if (recent && recent.start >= paragraphBefore && !objectOfSamePronoun) {
        const namedSince = startingBetween(context.mentions, paragraphBefore, pronounAt);
        const distinctPeople = (mentions: typeof namedSince) => new Set(mentions.map((m) => m.name)).size;
        // "they" after several people are named is all of them, not the last: "backed by Anita Rani,
        // chef Hugh Fearnley-Whittingstall and charities … ¶ And they say …".
        if (THIRD_PERSON_PLURAL.test(lower) && distinctPeople(namedSince) > 1) return undefined;
        if (context.genders.get(recent.name) != null) return recent;
        // Of two people or more there who may be the pronoun's, the last named is no safe guess unless it
        // is known to be of the pronoun's gender: "Taylor Swift's albums were bought by a company owned
        // by Scooter Braun. ¶ … she described …".
        return THIRD_PERSON_SINGULAR.test(lower) && distinctPeople(namedSince.filter(fits)) > 1
          ? undefined
          : recent;
      }
      let chain = paragraphBefore;
      for (let step = 0; step < 2 && chain > 2; step++) {
        if (!samePronoun.test(context.text.slice(chain, chain + 12))) return undefined;
        const opener = previousParagraphStart(context.text, chain);
        const subject = startingBetween(context.mentions, opener, chain).find(fits);
        if (subject) return subject;
        chain = opener;
      }
      return undefined;
    };
    // "Der Mann veröffentlicht … Er sagt …": a paragraph whose sentence opens with an unnamed person is
    // about them, not about whoever the paragraphs before named.
    const unnamedSubject = () =>
      THIRD_PERSON_SINGULAR.test(lower) &&
      UNNAMED_SUBJECT.test(context.text.slice(paragraphStart, pronounAt));
    const person = adjoining
      ? adjoining
      : previous
        ? { name: previous }
        : (inParagraph ?? titled ?? (unnamedSubject() ? undefined : namedRecently()));
    // "The company that runs the AMAs, Dick Clark Productions, denies it. ¶ “…,” they said": "they"
    // with no one named since the sentence before, which names one organisation and no person, is it.
    if (THIRD_PERSON_PLURAL.test(lower) && !inParagraph && !adjoining && !previous) {
      const lastSentence = sentenceStart(context.text, Math.max(0, ownSentence - 2));
      if (!anyStartingBetween(context.mentions, lastSentence, position)) {
        const named = new Set(
          startingBetween(context.organisations, lastSentence, position).map((o) => o.name),
        );
        if (named.size === 1) return { name: [...named][0]!, anonymous: false };
      }
    }
    return { name: person?.name ?? null, anonymous: false };
  }

  // "Von der Leyen betonte": the person the text named in full with that surname, or no one.
  if (PARTICLE_SURNAME.test(phrase))
    return { name: personBySurname(context, words.at(-1)!, position)?.name ?? null, anonymous: false };
  if (named) {
    const nameWords = named.split(/\s+/);
    if (nameWords.length >= 2) {
      // "Ana Ruiz" when the text named "Ana María Ruiz" earlier: keep the fuller name.
      const fuller = remembered(context, `fuller ${named}`, () =>
        context.mentions.find(
          (person) =>
            person.name !== named &&
            person.name.endsWith(nameWords.at(-1)!) &&
            person.name.startsWith(nameWords[0]!),
        ),
      );
      return { name: fuller?.name ?? named, anonymous: false };
    }
    const person = personBySurname(context, nameWords[0]!, position);
    if (person) return { name: person.name, anonymous: false };
  }

  const organisation = organisationName(phrase);
  if (organisation && !DEFINITE.test(phrase)) return { name: organisation, anonymous: false };
  // "The Electoral Commission issued a statement [warning that …]": the organisation after the article
  // is the subject of the verb that follows it.
  const afterArticle = phrase.replace(DEFINITE, '');
  if (
    organisation &&
    afterArticle.startsWith(organisation) &&
    SUBJECT_VERB_AFTER.test(afterArticle.slice(organisation.length))
  )
    return { name: organisation, anonymous: false };

  // "the FTC", "the Taliban": a proper name after the article; an acronym spelled out earlier
  // ("the Federal Trade Commission … the FTC") gets the full name.
  const proper =
    /^(?:(?:the|der|die|das|le|la|les)\s+|l['’]\s*)(\p{Lu}[\p{L}'’&.-]*(?:\s+\p{Lu}[\p{L}'’&.-]*)*)$/u.exec(
      phrase,
    )?.[1];
  const acronym = (proper ?? phrase).match(/^\p{Lu}{2,6}$/u)?.[0];
  if (acronym) {
    const spelled = remembered(context, `acronym ${acronym}`, () =>
      context.organisations.find(
        (org) =>
          org.name
            .split(/\s+/)
            .filter((w) => /^\p{Lu}/u.test(w))
            .map((w) => w[0])
            .join('') === acronym,
      ),
    );
    if (spelled) return { name: spelled.name, anonymous: false };
  }
  // "die Gemeinde", "das Landratsamt": German capitalises every noun, so a body's common noun after its
  // article is no proper name; it is the body the text named in full ("Gemeinde Boltigen"), if any.
  const germanBody =
    proper !== undefined &&
    /^(?:der|die|das)\s/u.test(phrase) &&
    /^\p{Lu}\p{Ll}+$/u.test(proper) &&
    ORGANISATION_WORDS.test(proper);
  if (proper)
    return {
      name: (germanBody && organisationHolding(proper.toLowerCase(), position, context)?.name) || proper,
      anonymous: false,
    };

  if (DEFINITE.test(phrase)) {
    const noun = (words.at(-1) ?? '').toLowerCase();
    if (DOCUMENT_NOUN.test(noun)) {
      // The nearest issuer named before, of this kind of document if any; a person over an organisation
      // named in the same breath ("a message from the Taliban's leader Hibatullah Akhundzada").
      const sameNoun = remembered(context, `issuers ${noun}`, () =>
        context.issuers.filter((issuer) => issuer.noun === noun),
      );
      const pool = sameNoun.length > 0 ? sameNoun : context.issuers;
      const nearest = lastBefore(pool, position, () => true);
      const issuer =
        nearest ??
        remembered(context, `person issuer ${sameNoun.length > 0 ? noun : ''}`, () =>
          pool.find((candidate) => candidate.person),
        ) ??
        pool[0];
      if (issuer) return { name: issuer.name, anonymous: false };
    }
    // "the minister" is the person titled "minister" or "prime minister"; a short title ("m", "me",
    // "dr") is no prefix of a role.
    const titled = lastBefore(context.mentions, position, (person) =>
      person.titles.some(
        (title) =>
          title === noun || (title.length >= 4 && (noun.startsWith(title) || title.startsWith(noun))),
      ),
    );
    if (titled) return { name: titled.name, anonymous: false };
    const bare = noun.replace(/s$/, '');
    const organisationMatch = organisationHolding(bare, position, context);
    if (organisationMatch) return { name: organisationMatch.name, anonymous: false };
    // "Mathis Robert, 17 ans, révise … « … », dit le lycéen": a description of the one person the
    // paragraph has named before the quote (not "the order" or "the ministry": documents and bodies).
    if (DOCUMENT_NOUN.test(noun) || ORGANISATION_WORDS.test(noun)) return { name: phrase, anonymous: false };
    // Only when the paragraph gives that person the role: "le juge" is not the minister the paragraph
    // named, unless the text calls him "juge" between his name and the quote.
    const paragraphStart = paragraphStartBefore(context.text, position);
    const inParagraph = startingBetween(context.mentions, paragraphStart, position);
    const named = new Set(inParagraph.map((m) => m.name));
    const stem = noun.replace(/(?:in|innen|e|es|s)$/u, '').slice(0, 6);
    if (named.size === 1 && stem.length >= 3) {
      const since = context.text.slice(inParagraph[0]!.start, position).toLowerCase();
      // Not the phrase itself: "Der Staatsanwalt sagte" gives no one the role of prosecutor.
      const own = since.lastIndexOf(phrase.toLowerCase());
      if ((own >= 0 ? since.slice(0, own) : since).includes(stem))
        return { name: [...named][0]!, anonymous: false };
    }
    return { name: phrase, anonymous: false };
  }
  if (named) return { name: named, anonymous: false };
  return { name: stripTitles(phrase) || null, anonymous: false };
}
