/**
 * Names in running text: people (with the titles printed before them), organisations, and how a later
 * mention ("Ruiz", "the mayor", "she", "the ministry") points back to them.
 */
import { givenNameGender } from './given-names';
import { isSpace, matchesAtCapitals, type Words } from './words';

/** Titles and roles printed before a name; stripped to get the name itself. */
const TITLE_WORDS = new Set(
  (
    'mayor president vice sen senator rep representative gov governor dr doctor prof professor mr mrs ms ' +
    'miss mx council councilman councilwoman councilmember councilor councillor member chair chairman ' +
    'chairwoman chairperson secretary minister prime premier chancellor spokesman spokeswoman spokesperson ' +
    'judge justice chief general gen lt lieutenant col colonel capt captain sgt sergeant officer detective ' +
    'sheriff commissioner superintendent director attorney prosecutor ambassador king queen prince princess ' +
    'pope bishop rev reverend father sister state supreme leader deputy assistant acting former ' +
    'ceo cfo coo cto founder executive manager coach head commander admiral adm speaker leader minority majority ' +
    'mp mep msp ' +
    'herr frau bundeskanzler bundeskanzlerin kanzler kanzlerin ministerin bürgermeister bürgermeisterin ' +
    'oberbürgermeister oberbürgermeisterin präsident präsidentin sprecher sprecherin vorsitzende vorsitzender ' +
    'abgeordnete abgeordneter bundespräsident bundespräsidentin landrat landrätin ' +
    'm mme mlle me maire ministre président présidente porte-parole député députée sénateur sénatrice ' +
    'premier première secrétaire directeur directrice général générale le la les der die das the'
  ).split(' '),
);

/** Roles that make someone an official when printed with their name. */
export const OFFICIAL_ROLES =
  /\b(?:mayor|president|senator|sen\.|rep\.|representative|governor|gov\.|minister|chancellor|secretary|council|councilman|councilwoman|councilmember|commissioner|sheriff|judge|justice|prosecutor|attorney general|ambassador|spokesman|spokeswoman|spokesperson|official|officer|chief|superintendent|director of|premier|prime|leader|lawmaker|legislator|congressman|congresswoman|diplomat|police|general|admiral|bürgermeister\p{L}*|minister\p{L}*|kanzler\p{L}*|präsident\p{L}*|sprecher\p{L}*|abgeordnete\p{L}*|maire|ministre|président\p{L}*|porte-parole|député\p{L}*|sénat\p{L}*|préfet\p{L}*)\b/iu;

/** Words that make a capitalised phrase an organisation rather than a person. */
export const ORGANISATION_WORDS =
  /\b(?:ministry|department|fed|agency|administration|government|council|committee|commission|office|university|college|institute|school|hospital|center|centre|foundation|association|union|federation|party|company|corporation|corp\.?|inc\.?|ltd\.?|llc|group|bank|fund|court|police|army|navy|force|forces|service|services|board|authority|bureau|organization|organisation|society|church|club|team|league|network|press|times|post|journal|news|tribune|herald|gazette|chronicle|reuters|taliban|nations|congress|senate|parliament|house|assembly|cabinet|council|municipality|city|county|state|states|republic|kingdom|trust|emirate|coalition|alliance|campaign|network|institution|laboratory|labs?|clinic|airlines?|railways?|motors|productions|records|studios|entertainment|pharma\p{L}*|\p{L}*(?:ministerium|amt|behörde|verband|verbund|partei|gewerkschaft|universität|hochschule|institut|gericht|polizei|regierung|stiftung|verein|tag|rat|gemeinde|konzern|werke|bahn|kasse|kammer|gesellschaft|agentur|zentrale|klinik|klinikum)(?:e?s)?|ministère|gouvernement|mairie|préfecture|université|syndicat|parti|tribunal|conseil|agence|société|association|fédération|commission|assemblée)\b/iu;

/**
 * Last words that make a run of capitals a place or a thing, not a person ("the Harlan Springs Cafe",
 * "Big Machine"). Not words that are also common surnames (Hall, Park, Lake, Street, Hill, Law, Banks).
 */
const PLACE_OR_THING_LAST_WORD =
  /^(?:avenue|road|boulevard|square|plaza|airport|station|stadium|arena|museum|library|theat(?:er|re)|building|tower|mall|market|cafe|café|restaurant|hotel|motel|pub|ranch|prison|jail|cemetery|springs|island|beach|valley|river|mountains|straße|strasse|platz|bahnhof|flughafen)$/iu;
/**
 * Offices that end no one's name, though they follow a word that may ("Finance Minister", "Vice
 * President"); not those that are also surnames (King, Bishop, Judge, Mayor, General).
 */
const OFFICE_LAST_WORD =
  /^(?:minister|president|secretary|chancellor|governor|senator|spokesman|spokeswoman|spokesperson|commissioner|superintendent|director|ambassador|prosecutor|premier|chairman|chairwoman|chairperson|ministerin|präsident|präsidentin|sprecher|sprecherin|vorsitzende|vorsitzender|ministre|président|présidente|porte-parole)$/iu;

/**
 * "Harlan Springs Cafe", "Big Machine", "Finance Minister": a name ending in a word for a place, a thing
 * or an office names no one.
 */
const namesPlaceThingOrOffice = (words: readonly string[]) => {
  const last = words.at(-1)?.replace(/[.,]$/u, '');
  return (
    (last !== undefined && (PLACE_OR_THING_LAST_WORD.test(last) || OFFICE_LAST_WORD.test(last))) ||
    PLACE_FIRST_WORD.test(words[0] ?? '')
  );
};

/** First words of places, never of a person's name: "New York", "New Delhi", "North Carolina", "West Bank". */
const PLACE_FIRST_WORD = /^(?:New|North|South|East|West)$/u;

// A full stop belongs to a name word only as an initial ("J."), so "… hours. Müller said" is two runs.
const NAME_TOKEN = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{Lu}'’\u00AD-]*)`;
const PARTICLE = String.raw`(?:de|da|del|della|der|den|van|von|zu|di|du|le|la|al|el|bin|ibn|dos|das|y|St\.)`;
/** The lowercase particles a name may hold ("Ursula von der Leyen", "Ibn al Walid"). */
export const NAME_PARTICLES = new Set(
  'de da del della der den van von zu di du le la al el bin ibn dos das y'.split(' '),
);
/** Space within a line: a name never runs across a paragraph break. */
const GAP = String.raw`[^\S\n]+`;

/**
 * A surname that opens with its particle, capitalised at a sentence's start ("Von der Leyen betonte"): no
 * preposition. Only the particle and one capitalised word; the speaker resolution then needs the
 * person the text named in full ("Von der Regierung" names no one).
 */
export const PARTICLE_SURNAME =
  /^(?:Von|Van|Vom|De|Di|Da|Du|Del|Della|Le|La) (?:(?:der|den|la) )?\p{Lu}[\p{Ll}'’-]+$/u;

/** A run of capitalised words, allowing name particles inside ("Ursula von der Leyen"). */
export const CAPITALISED_RUN = new RegExp(
  String.raw`${NAME_TOKEN}(?:${GAP}(?:${PARTICLE}${GAP})*${NAME_TOKEN})*`,
  'gu',
);

const MONTHS_AND_DAYS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Januar|Februar|März|Juni|Juli|Oktober|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)$/;

/** Ordinary words that start sentences in capitals and are no part of a name. */
export const LEADING_WORDS = new Set(
  (
    'the a an and but or nor so yet for if when while after before since because although though as at ' +
    'in on by with without from into of to this that these those it its he she they we our his her their ' +
    'some many most other both each every still then now also last next first meanwhile however instead later earlier ' +
    'maybe perhaps like unlike my your enter meet ' +
    'there here what who why how where which whatever whoever whichever whenever wherever according despite during until unless once even only just ' +
    'der die das ein eine einer eines dem den des und aber oder doch auch nach laut im am vom zum zur bei ' +
    'mit seit als wie wenn weil dass so für gegen über unter vor zwischen sein seine ihr ihre dieser diese ' +
    'deren dessen denen jene jener jenes jeder jede jedes welche welcher alle viele einige beide solche ' +
    'manche mehrere kein keine meine unsere gegenüber um aus an auf durch ohne wegen trotz während ' +
    'le la les un une des du de et mais ou donc car selon pour dans sur avec sans chez par depuis pendant ' +
    'son sa ses leur leurs ce cette ces il elle ils elles'
  ).split(' '),
);

/** Numbers in words or digits: "Two Clinton donors" names no one called Two. */
export const NUMBER_WORD =
  /^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozens?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)(?:-\p{L}+)?$/iu;

/** Prepositions and other small words that never stand inside a person's name ("Basis Behind"). */
export const NEVER_IN_NAME = new Set(
  (
    'behind above below under over through across against between among around beyond within without ' +
    'toward towards upon about after before during since until is was are were has had have would ' +
    'ask asked speaking learn read see watch click sign subscribe follow share ' +
    'aside den dem einen einem eines nicht kein keine ist war sind hat wird wurde ' +
    'est était sont a ont sera'
  ).split(' '),
);

/**
 * The words of a capitalised run from the first that is not an ordinary sentence-initial word
 * ("Although Ana Ruiz" → Ana, Ruiz); the last word always stays.
 */
/** A capitalised word that opens a run but no name: "But", "Two" (Clinton donors), "Ask" (Damien Chazelle). */
function startsNoName(word: string): boolean {
  const lower = word.toLowerCase();
  return LEADING_WORDS.has(lower) || NEVER_IN_NAME.has(lower) || NUMBER_WORD.test(word);
}

/** Conjunctions, which join two names or open a sentence but stand inside none: "the U.S. And the singer". */
const CONJUNCTION = /^(?:And|But|Or|Nor|Yet|Und|Aber|Oder|Et|Mais|Ou)$/u;

function namedWords(run: string): string[] {
  const words = run.split(/\s+/);
  let first = 0;
  while (first < words.length - 1 && startsNoName(words[first]!)) first++;
  const joined = words.findIndex((word, i) => i > first && CONJUNCTION.test(word));
  return words.slice(first, joined > first ? joined : undefined);
}

const PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'it',
  'er',
  'sie',
  'es',
  'il',
  'elle',
  'ils',
  'elles',
  'we',
  'i',
]);

/** "he", "she" and their German and French forms: a pronoun for one person, not a group or a thing. */
export const THIRD_PERSON_SINGULAR = /^(?:he|she|il|elle|er|sie)$/iu;
/** Not German "sie", which is also "she". */
export const THIRD_PERSON_PLURAL = /^(?:they|ils|elles)$/u;

export function isPronoun(word: string): boolean {
  return PRONOUNS.has(word.toLowerCase());
}

/** German compound titles: "Verkehrsdezernent", "Oberbürgermeisterin", "Regierungssprecher", "Seniorautorin". */
const GERMAN_TITLE =
  /(?:dezernent|minister|bürgermeister|sprecher|präsident|vorsitzende|chef|leiter|direktor|referent|beauftragte|sekretär|kommissar|senator|abgeordnete|rat|rätin|autor|trainer)(?:in|en|r|s|es|n)?$/iu;

const isTitleWord = (word: string) => {
  const bare = word.toLowerCase().replace(/\.$/, '');
  // "BVB-Coach Lucien Favre", "Ex-President": a compound whose last part is a title.
  const lastPart = bare.slice(bare.lastIndexOf('-') + 1);
  return (
    TITLE_WORDS.has(bare) ||
    (word.length > 6 && GERMAN_TITLE.test(bare)) ||
    (lastPart !== bare && lastPart.length > 2 && TITLE_WORDS.has(lastPart))
  );
};

/**
 * How many words at the start of a phrase are titles: everything up to the last title word goes
 * ("Veldorian Prime Minister Andrej Kovalin": 3). The last word always stays.
 */
function titleCount(words: string[]): number {
  let first = 0;
  for (let i = 0; i < words.length - 1; i++)
    if (isTitleWord(words[i]!) && !/^(?:the|le|la|der|die|das|de)$/i.test(words[i]!)) first = i + 1;
  while (first < words.length - 1 && isTitleWord(words[first]!)) first++;
  return first;
}

/** "Mayor Ana Ruiz" → "Ana Ruiz"; "Taliban supreme leader Hibatullah Akhundzada" → "Hibatullah Akhundzada". */
export function stripTitles(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  return words.slice(titleCount(words)).join(' ');
}

/** The titles printed before a name, lowercased ("mayor", "council chair"). */
function titlesOf(words: string[]): string[] {
  const titles: string[] = [];
  for (const word of words.slice(0, -1)) {
    if (!isTitleWord(word)) break;
    titles.push(word.toLowerCase().replace(/\.$/, ''));
  }
  return titles;
}

/**
 * The person's name in a speaker phrase: the last run of capitalised words that is not a title, an
 * organisation or a month. "Taliban supreme leader Hibatullah Akhundzada" → "Hibatullah Akhundzada".
 */
export function personName(phrase: string): string | null {
  let best: string | null = null;
  // "Naomi Halas von der Rice University", "Wendel Trio von der Umweltorganisation Greenpeace": where a
  // person works comes after "von der" or "vom" in two words or more; one word is a surname's particle
  // ("Ursula von der Leyen").
  const affiliation = AFFILIATION_AFTER_NAME.exec(phrase);
  if (affiliation && affiliation.index > 0) {
    const before = personName(phrase.slice(0, affiliation.index));
    if (before) return before;
  }
  for (const match of phrase.matchAll(CAPITALISED_RUN)) {
    const named = namedWords(match[0]);
    const words = named.slice(titleCount(named));
    words[words.length - 1] = words.at(-1)!.replace(/[.,]$/, '');
    const name = words.join(' ');
    if (words.every(isTitleWord)) continue;
    if (words.length === 1 && MONTHS_AND_DAYS.test(name)) continue;
    if (ORGANISATION_WORDS.test(name)) continue;
    if (namesPlaceThingOrOffice(words)) continue;
    if (/^\p{Lu}+$/u.test(name.replace(/\s/g, '')) && name.length <= 5) continue; // "AP", "U.S"
    best = name;
  }
  return best;
}

const AFFILIATION_AFTER_NAME = /\s(?:von\s+(?:der|dem|den)|vom)\s+\p{Lu}[\p{L}-]*\s+\p{Lu}/u;

/** An organisation named in a phrase ("the Ministry of Health", "Harbor Council"). */
const ORGANISATION_RUN = new RegExp(
  String.raw`(?:${NAME_TOKEN}${GAP})*(?:${NAME_TOKEN})(?:${GAP}(?:of|for|on|des|der|du|de la|de|für)${GAP}(?:the${GAP})?${NAME_TOKEN}(?:${GAP}${NAME_TOKEN})*)?`,
  'gu',
);

export function organisationName(phrase: string): string | null {
  if (!ORGANISATION_WORDS.test(phrase)) return null;
  let best: string | null = null;
  for (const match of phrase.matchAll(ORGANISATION_RUN)) {
    if (ORGANISATION_WORDS.test(match[0])) best = match[0].replace(/^(?:The|Der|Die|Das|Le|La|Les)\s+/u, '');
  }
  return best;
}

export interface PersonMention {
  name: string;
  start: number;
  end: number;
  titles: string[];
}

/** Two or more capitalised words; sticky, tried at the capitals. */
const NAME_RUNS = new RegExp(String.raw`${NAME_TOKEN}(?:${GAP}(?:${PARTICLE}${GAP})*${NAME_TOKEN})+`, 'uy');

/**
 * Every person named with at least two name words, in reading order, with the titles printed before
 * them. Organisation names and sentence-initial capitals of ordinary words are left out. `words`: the
 * words of `text`.
 */
export function findPeople(text: string, words: Words): PersonMention[] {
  const people: PersonMention[] = [];
  // Runs of two or more capitalised words; the up to three words before each are read afterwards
  // (one regex with the lead-in inside backtracks at every word of a long page).
  for (const match of matchesAtCapitals(text, NAME_RUNS, words)) {
    const run = match[0];
    // Only from a word's start: "D. Er" is no name in "der SPD. Er war …".
    if (match.index > 0 && /[\p{L}\p{N}]/u.test(text[match.index - 1]!)) continue;
    const named = namedWords(run);
    let nameWords = named.slice(titleCount(named));
    let roleNoun: string | undefined;
    const lead = leadBefore(text, match.index);
    // "der Förster Norbert Döring", "für Bioinformatik Timothy Sackton": after a German article or
    // preposition (in the text before, or opening the run), the first of three capitalised words is a
    // noun: German capitalises them all.
    if (nameWords.length >= 3) {
      const runWords = run.split(/\s+/);
      const opening = runWords.slice(0, runWords.length - nameWords.length).join(' ');
      if (GERMAN_NOUN_BEFORE.test(`${lead}${opening ? `${opening} ` : ''}`)) {
        // After a body or a medium the words are its name: "die Staatsanwaltschaft München I", "der
        // Internetseite von Borussia Dortmund".
        if (GERMAN_BODY_NOUN.test(nameWords[0]!)) continue;
        // The noun is often the person's role ("der britischen Königin Elisabeth II."): kept as a title.
        roleNoun = nameWords[0]!.toLowerCase();
        nameWords = nameWords.slice(1);
      }
    }
    // "Peter Struck den SPD-Obmann", "Geschäftsführers der SPD-Bundestagsfraktion", "Filiz Polat von den
    // Grünen": der on its own or after anything but von, van or de ("Ursula von der Leyen"), and den
    // after anything but van ("Jan van den Berg"), is a German article; a particle left at the end goes.
    const article = nameWords.findIndex(
      (word, i) =>
        i > 0 &&
        ((word === 'der' && !/^(?:von|van|de)$/u.test(nameWords[i - 1]!)) ||
          (word === 'den' && nameWords[i - 1] !== 'van')),
    );
    if (article > 0) {
      nameWords = nameWords.slice(0, article);
      while (nameWords.length > 0 && NAME_PARTICLES.has(nameWords.at(-1)!))
        nameWords = nameWords.slice(0, -1);
    }
    // "mit dem Willen Relotius' zu tun", "in seinem Buch Überwachen und Strafen": two words after a German
    // article or determiner, the first no given name, are a noun and a surname or a title.
    if (
      nameWords.length === 2 &&
      named.length === 2 &&
      /(?:^|\s)(?:der|den|dem|des|das|einem|einen|eines|einer|(?:sein|ihr|unser|dies)(?:em|en|er|es))\s+$/u.test(
        lead,
      ) &&
      !givenNameGender(nameWords[0]!) &&
      // "seinen Sohn Paolo": a role and a given name still name someone.
      !givenNameGender(nameWords[1]!)
    )
      continue;
    // "Explaining Beijing’s changed position": an English participle opens no name.
    if (/^\p{Lu}\p{Ll}{4,}ing$/u.test(nameWords[0]!) && !givenNameGender(nameWords[0]!))
      nameWords = nameWords.slice(1);
    // "Judge Neil Ford QC", "Sir Keir Starmer MP": letters after a name are an honour or an office, no
    // part of it ("Judge Ford" later is Neil Ford).
    while (nameWords.length > 2 && POST_NOMINALS.test(nameWords.at(-1)!)) nameWords = nameWords.slice(0, -1);
    // "ihrer letzten Veröffentlichung Lyophilia": a German abstract noun is no first name.
    if (nameWords.length >= 2 && ABSTRACT_FIRST_WORD.test(nameWords[0]!)) nameWords = nameWords.slice(1);
    // "die Kritik von Gisela Piltz": with the noun gone, a particle left in front is a preposition.
    while (nameWords.length > 2 && NAME_PARTICLES.has(nameWords[0]!)) nameWords = nameWords.slice(1);
    // "Unterstützung bekam Santorum von Sarah Palin": a particle before a given name and a surname is a
    // preposition; the name is what follows it ("Ursula von der Leyen", "Charles de Gaulle" keep theirs).
    const particle = nameWords.findIndex(
      (word, i) =>
        i > 0 && NAME_PARTICLES.has(word) && nameWords.length - i > 2 && givenNameGender(nameWords[i + 1]!),
    );
    if (particle > 0) nameWords = nameWords.slice(particle + 1);
    // "Woman’s Weekly", "the ACLU’s Jay Stanley": a possessive inside the run owns what follows it, a
    // name only if two words or more.
    const owner = nameWords.slice(0, -1).findLastIndex((word) => /\p{L}(?:['’]s|s['’])$/u.test(word));
    if (owner >= 0) {
      nameWords = nameWords.slice(owner + 1);
      if (nameWords.length < 2) continue;
    }
    // "Viele Sketche von Loriot": and with one word after it, that word alone is no full name.
    if (roleNoun !== undefined && nameWords.length === 2 && NAME_PARTICLES.has(nameWords[0]!)) continue;
    // "BKA-Präsident Ziercke", "President Gusmão", "Frau Merkel": one name word after an office or a
    // form of address is a surname.
    const surnameAfterTitle =
      nameWords.length === 1 &&
      named.length >= 2 &&
      isSurnameTitle(named[named.length - 2]!) &&
      isSurname(nameWords[0]!);
    if ((nameWords.length < 2 && !surnameAfterTitle) || nameWords.length > 5) continue;
    // "Taylor Swift’s albums", "Jones' car": the possessive is no part of the name.
    nameWords[nameWords.length - 1] = nameWords
      .at(-1)!
      .replace(/(?<=\p{L})(?:['’]s|s['’])$/u, (ending) => (ending.startsWith('s') ? 's' : ''));
    const stripped = nameWords.join(' ');
    if (ORGANISATION_WORDS.test(stripped)) continue;
    if (namesPlaceThingOrOffice(nameWords)) continue;
    if (nameWords.some((word) => MONTHS_AND_DAYS.test(word))) continue;
    if (nameWords.every((word) => INITIALS.test(word))) continue;
    // "O Lord": a lone capital without a full stop opens no name. "Sure I may not have …": the pronoun
    // ends none either, unless it is a ruler's number after a given name ("Elizabeth I").
    if (/^\p{Lu}$/u.test(nameWords[0]!)) continue;
    if (nameWords.length === 2 && nameWords[1] === 'I' && !givenNameGender(nameWords[0]!)) continue;
    // “Black Water,”, “Canine Dion.”: words that fill a quotation are a title or a nickname, not a person.
    const closing = /[,.!?]/u.test(text[match.index + run.length] ?? '')
      ? match.index + run.length + 1
      : match.index + run.length;
    if (QUOTE_MARKS.includes(text[match.index - 1] ?? '') && QUOTE_MARKS.includes(text[closing] ?? ''))
      continue;
    // "the group Port-Salines Autrement", "l’association Estuaire Mobilité": an organisation's name.
    if (ORGANISATION_LEAD.test(lead)) continue;
    // "which I came to think of as Iceberg Passages", "we called them Blue Notes": a name given to a thing.
    if (NAMING_LEAD.test(lead)) continue;
    // "the National Center for Disaster Preparedness", "the Department of Water Resources": the rest of
    // an organisation's name, after "for", or after "of" following a word for a body. "Head of
    // Fundamental Research", "Governor of New York": after an office and "of", what the office is of.
    const continued = ORGANISATION_CONTINUES.exec(lead);
    if (
      named.length === 2 &&
      continued &&
      (/^f/u.test(continued[2]!) ||
        ORGANISATION_WORDS.test(continued[1]!) ||
        TITLE_WORDS.has(continued[1]!.toLowerCase()))
    )
      continue;
    // "2 Milliarden Euro", "300 Grad Celsius": an amount and its unit.
    if (AMOUNT_BEFORE.test(lead)) continue;
    const start = match.index + run.indexOf(stripped);
    const titles = [
      ...titlesOf(named),
      ...(roleNoun ? [roleNoun] : []),
      ...lead
        .toLowerCase()
        .split(/[\s,]+/)
        .filter((w) => TITLE_WORDS.has(w) && !/^(?:the|le|la|les|der|die|das)$/.test(w)),
    ];
    people.push({ name: stripped, start, end: start + stripped.length, titles });
  }
  return people;
}

const QUOTE_MARKS = '“”"„«»‘’\'';

/** Honours, degrees and offices printed after a British or Irish name: "QC", "MP", "OBE", "PhD". */
const POST_NOMINALS = /^(?:QC|KC|SC|MP|MEP|MSP|MLA|TD|OBE|CBE|MBE|KBE|DBE|PhD|MD|Esq\.?)$/u;

/**
 * Offices and forms of address that a bare surname follows ("Mayor Adams", "Bundesinnenminister
 * Schäuble", "M. Dupont"); not generic words such as "former", "state", "leader" or "general", which
 * also open names of things ("General Electric", "State Street").
 */
const SURNAME_TITLES = new Set(
  (
    'mr mrs ms dr prof president senator sen rep gov governor mayor minister chancellor judge pope king ' +
    'queen prince princess bishop rev reverend capt captain sgt sergeant detective sheriff ambassador ' +
    'herr frau m mme mlle maire ministre président présidente'
  ).split(' '),
);
const isSurnameTitle = (word: string) => {
  const bare = word.toLowerCase().replace(/\.$/, '');
  return SURNAME_TITLES.has(bare) || (word.length > 6 && GERMAN_TITLE.test(bare));
};
/** A German abstract noun ("Veröffentlichung", "Gesellschaft"); long, so "Young" stays a name. */
const ABSTRACT_FIRST_WORD = /^\p{Lu}\p{Ll}{2,}(?:ung|heit|keit|schaft|tion|ismus)$/u;
/** A surname standing alone: a capital, then small letters ("Ziercke", "O'Neill"); no title, month or leading word. */
const isSurname = (word: string) =>
  /^\p{Lu}['’]?\p{Ll}[\p{L}'’-]*$/u.test(word) &&
  // "des Bundespräsidenten Stellung": German abstract nouns are no surnames.
  !/\p{Ll}(?:ung|heit|keit|schaft|tion|tät|ismus|nis)$/u.test(word) &&
  !isTitleWord(word) &&
  !startsNoName(word) &&
  !MONTHS_AND_DAYS.test(word) &&
  !ORGANISATION_WORDS.test(word);

/**
 * A German article or preposition right before a run of capitalised words, or with an adjective between
 * ("des ehemaligen Skistars Willy Bogner"): its first word is a noun.
 */
const GERMAN_NOUN_BEFORE =
  /(?:^|\s)(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|für|vom|zum|zur|beim|im|einige[nr]?|viele[nr]?|alle[nr]?|beide[nr]?|deren|dessen|manche[nr]?|mehrere[nr]?|solche[nr]?|jede[nrms]?|keine[nrms]?|seine[nrms]?|ihre[nrms]?|unsere[nrms]?)\s+(?:\p{Ll}+e[nmrs]?\s+)?$/iu;

/** German nouns for bodies, places and media, whose name may follow: "Staatsanwaltschaft", "Tageszeitung", "Internetseite". */
const GERMAN_BODY_NOUN =
  /(?:schaft|ung|amt|ium|behörde|büro|gericht|blatt|magazin|sender|haus|werk|partei|verband|verein|bank|firma|konzern|gruppe|seite|stadt|land)$/u;

/** A number right before a run of capitalised words: "2 Milliarden Euro", "zwei Millionen Dollar". */
const AMOUNT_BEFORE =
  /(?:\d|(?:^|\s)(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|hundert|tausend|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|deux|trois|quatre|cinq|sept|huit|neuf|dix|cent|mille))\s+$/iu;

/** "AP", "U.S.", "J.": capitals only. */
const INITIALS = /^\p{Lu}+\.?$/u;
const ORGANISATION_CONTINUES = /(\p{Lu}[\p{L}'’.-]*)\s+(for|für|of)\s+$/u;
/** Words that give a thing a name: what follows is that name, no person's. */
const NAMING_LEAD =
  /(?:\bthinks?|\bthought|\bthinking)\s+of\s+(?:\p{L}+\s+)?as\s+$|\b(?:call|calls|called|calling|dubbed)\s+(?:it|them|this|these|those)\s+$/iu;
const ORGANISATION_LEAD =
  /(?:group|groupe|association|party|parti|partei|company|firm|band|verein|verband|initiative|collectif|campaign|movement|mouvement|bewegung|label|brand|marque)\s+$/iu;

/**
 * The up to three words before `at` with the space after each ("said the mayor, "), from the 60
 * characters before it; '' unless a space comes right before `at`. Walks back over the characters: a
 * regex anchored at the end would be tried at each of them.
 */
function leadBefore(text: string, at: number): string {
  const from = Math.max(0, at - 60);
  if (at === from || !isSpace(text.charCodeAt(at - 1))) return '';
  let words = 0;
  // A word starts where a non-space follows a space.
  for (let i = at - 1; i > from; i--)
    if (!isSpace(text.charCodeAt(i)) && isSpace(text.charCodeAt(i - 1)) && ++words === 3)
      return text.slice(i, at);
  return text.slice(from, at).trimStart();
}
