/**
 * Speech and writing cues in English, German and French: the words that tie a quote to its speaker
 * ("said", "told the AP", "sagte", "so", "a-t-il ajouté", "selon").
 */
import { findWords, wordKey, type Words } from './words';

const ENGLISH_VERBS = [
  'said',
  'says',
  // Participles that carry the speaker named before them: "Ruiz issued a statement saying …".
  'saying',
  'adding',
  'writing',
  'noting',
  'warning',
  'arguing',
  'claiming',
  'insisting',
  'explaining',
  'stating',
  'declaring',
  'say',
  'told',
  'tells',
  'added',
  'adds',
  'asked',
  'asks',
  'explained',
  'explains',
  'wrote',
  'writes',
  'noted',
  'notes',
  'stated',
  'states',
  'declared',
  'declares',
  'argued',
  'argues',
  'insisted',
  'insists',
  'warned',
  'warns',
  'continued',
  'continues',
  'replied',
  'replies',
  'responded',
  'responds',
  // After "would" or "’d": "he’d respond, “…”".
  'respond',
  'reply',
  'explain',
  'recall',
  'recalled',
  'recalls',
  'acknowledged',
  'acknowledges',
  'admitted',
  'admits',
  'announced',
  'announces',
  'claimed',
  'claims',
  'concluded',
  'concludes',
  'confirmed',
  'confirms',
  'emphasized',
  'emphasised',
  'emphasizes',
  'stressed',
  'stresses',
  'suggested',
  'suggests',
  'tweeted',
  'tweets',
  'posted',
  'posts',
  'testified',
  'testifies',
  'cautioned',
  'cautions',
  'observed',
  'observes',
  'remarked',
  'remarks',
  'complained',
  'complains',
  'conceded',
  'concedes',
  'countered',
  'counters',
  'predicted',
  'predicts',
  'urged',
  'urges',
  'agreed',
  'agrees',
  'joked',
  'jokes',
  'quipped',
  'shouted',
  'yelled',
  'whispered',
  'pleaded',
  'vowed',
  'vows',
  'promised',
  'promises',
  'boasted',
  'lamented',
  'laments',
  'mused',
  'muses',
  'reiterated',
  'reiterates',
  'maintained',
  'maintains',
  'contended',
  'contends',
  'conceded',
  'announced',
  'disclosed',
  'revealed',
  'reported',
  'reports',
  'described',
  'describes',
  'called',
  'calls',
  'texted',
  'messaged',
  'emailed',
  'commented',
  'comments',
  'explained',
  'assured',
  'assures',
  'charged',
  'alleged',
  'alleges',
  'demanded',
  'demands',
  'affirmed',
  'affirms',
  'asserted',
  'asserts',
  'read',
  'reads',
  'continued',
  'elaborated',
  'offered',
  'sighed',
  'laughed',
  'answered',
  'answers',
  'wondered',
  'questioned',
  'challenged',
  'added',
  // The wider range of speech verbs: how something was said.
  'fumed',
  'fumes',
  'interjected',
  'snapped',
  'scoffed',
  'retorted',
  'chided',
  'grumbled',
  'groaned',
  'gushed',
  'raved',
  'opined',
  'ventured',
  'reasoned',
  'recounted',
  'recounts',
  'clarified',
  'exclaimed',
  'marveled',
  'marvelled',
  'teased',
  'sang',
  'sings',
  'muttered',
  'stammered',
  'thundered',
  'blasted',
  'bristled',
];

/**
 * Separable particles of the German speech verbs, which close the clause: "fügte er hinzu", "räumte der
 * Minister ein", "teilte ein Sprecher mit", "gab sie zu bedenken".
 */
export const GERMAN_PARTICLES = 'mit|hinzu|ein|an|aus|fest|klar|hervor|hin|zu bedenken|zu';

const GERMAN_VERBS = [
  'sagte',
  'sagten',
  'sagt',
  'sagen',
  'erklärte',
  'erklärten',
  'erklärt',
  'betonte',
  'betonten',
  'betont',
  'meinte',
  'meint',
  'schrieb',
  'schreibt',
  'kritisierte',
  'kritisiert',
  'warnte',
  'warnt',
  'forderte',
  'fordert',
  'erläuterte',
  'erläutert',
  'berichtete',
  'berichtet',
  'bekräftigte',
  'bekräftigt',
  'unterstrich',
  'unterstreicht',
  'ergänzte',
  'ergänzt',
  'äußerte',
  'äußert',
  'antwortete',
  'antwortet',
  'verkündete',
  'verkündet',
  'versicherte',
  'versichert',
  'fragte',
  'fragt',
  'mahnte',
  'mahnt',
  'kündigte',
  'bestätigte',
  'bestätigt',
  'sprach',
  'spricht',
  'hob',
  'fügte',
  'räumte',
  'teilte',
  'stellte',
  'zitierte',
  'twitterte',
  'bilanzierte',
  'resümierte',
  'beklagte',
  'beklagt',
  'lobte',
  'lobt',
  'urteilte',
  'ergänzten',
  'appellierte',
  'versprach',
  'verspricht',
  'argumentierte',
  'entgegnete',
  'widersprach',
  'behauptete',
  'behauptet',
  'gab',
  'hieß',
  'heißt',
  'rief',
  'sagt',
  'nannte',
  'nennt',
  'glaubt',
  'glaubte',
  'zeigte',
  'zeigt',
  'begründete',
  'begründet',
  'pochte',
  'zitiert',
  'sagen',
  'meinen',
  'kommentierte',
  'kommentiert',
  'reagierte',
  'schilderte',
  'schildert',
  'beschrieb',
  'beschreibt',
  'bezeichnete',
  'bezeichnet',
  'erinnerte',
  'erinnert',
  'drohte',
  'droht',
  'kündigt',
  'schloss',
  'folgerte',
  'bemerkte',
  'bemerkt',
  'wandte',
  'verwies',
  'verweist',
  'klagte',
  'klagt',
  'jubelte',
  'freute',
  'freut',
  'räumt',
  'gestand',
  'gesteht',
  'vermutete',
  'vermutet',
  'befürchtete',
  'befürchtet',
  'hoffte',
  'hofft',
  'sicherte',
  'beteuerte',
  'beteuert',
  'verteidigte',
  'verteidigt',
  'zitierte',
  'wiederholte',
  'fasste',
  'präzisierte',
  'analysierte',
  'stellt',
  'gibt',
  'sieht',
  'sah',
  'ergänzen',
  'erklären',
  'betonen',
  'kritisieren',
  'fordern',
  'warnen',
  'schreiben',
  'sprechen',
  'führte',
  'führt',
  'äußerten',
  'bekannte',
  'gestand',
  'bilanziert',
  'resümiert',
  'warb',
  'wirbt',
  'meldete',
  'bedauerte',
  'bedauert',
  'lachte',
  'scherzte',
  'rechtfertigte',
  'relativierte',
  'zweifelte',
  'schimpfte',
  'schimpft',
  'wetterte',
  'wettert',
  'polterte',
  'spottete',
  'witzelte',
  'seufzte',
  'stöhnte',
  'erzählte',
  'erzählt',
  'schwärmte',
  'schwärmt',
  'konterte',
  'kontert',
  'entgegnet',
  'singt',
  'sang',
  'bekennt',
  'gesteht',
  'präzisiert',
  'lästerte',
  'ätzte',
  // "würdigte Ligeti als „großen Österreicher“", "warf der Regierung vor", "meldet die Agentur".
  'würdigte',
  'würdigt',
  'warf',
  'wirft',
  'meldet',
  'prophezeite',
  'prophezeit',
  'verlautete',
  'werfen',
  'begrüßte',
  'begrüßt',
];

const FRENCH_VERBS = [
  'déclaré',
  'dit',
  'affirmé',
  'expliqué',
  'ajouté',
  'précisé',
  'souligné',
  'indiqué',
  'estimé',
  'assuré',
  'martelé',
  'lancé',
  'confié',
  'insisté',
  'rappelé',
  'reconnu',
  'annoncé',
  'prévenu',
  'averti',
  'confirmé',
  'regretté',
  'dénoncé',
  'jugé',
  'écrit',
  'tweeté',
  'répondu',
  'observé',
  'noté',
  'relevé',
  'résumé',
  'commenté',
  // Not "fait" alone: "avait fait réaliser les travaux" reports no speech.
  'fait savoir',
  'fait remarquer',
  'fait valoir',
  'fait observer',
  'raconté',
  'poursuivi',
  'conclu',
  'admis',
  'plaidé',
  'déclare',
  'explique',
  'ajoute',
  'précise',
  'souligne',
  'indique',
  'estime',
  'assure',
  'affirme',
  'martèle',
  'lance',
  'confie',
  'insiste',
  'rappelle',
  'reconnaît',
  'annonce',
  'prévient',
  'confirme',
  'regrette',
  'dénonce',
  'juge',
  'écrit',
  'répond',
  'observe',
  'note',
  'relève',
  'résume',
  'raconte',
  'poursuit',
  'conclut',
  'admet',
  'plaide',
  'dit',
  'déclarait',
  'expliquait',
  'disait',
  'fulminé',
  'tempêté',
  'ironisé',
  'lâché',
  'glissé',
  'soupiré',
  'témoigné',
  'détaillé',
  'rétorqué',
  'nuancé',
  'renchéri',
  'tonné',
  'déploré',
  'fustigé',
  'raillé',
  'ironise',
  'lâche',
  'glisse',
  'soupire',
  'témoigne',
  'détaille',
  'rétorque',
  'nuance',
  'renchérit',
  'tonne',
  'déplore',
  'fustige',
  'raille',
  'avoue',
  'avoué',
  // "a mentionné le directeur général du Conseil, Norman Sabourin", "concède-t-elle", and the imperfect.
  'mentionné',
  'mentionne',
  'concédé',
  'concède',
  'constaté',
  'constate',
  'répété',
  'répète',
  'réagi',
  'réagit',
  'protesté',
  'proteste',
  'affirmait',
  'ajoutait',
  'estimait',
  'précisait',
  'soulignait',
  'racontait',
  'confiait',
];

/** Each verb also capitalised, for cues that open a sentence ("Said Council member Tom Baker: …"). */
const withCapitals = (words: string[]) =>
  words.flatMap((word) => [word, word[0]!.toUpperCase() + word.slice(1)]);
const unique = (words: string[]) => [...new Set(withCapitals(words))].sort((a, b) => b.length - a.length);
const alternation = (words: string[]) => unique(words).map(escapeRegExp).join('|');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What may follow a verb as part of its cue ("told the AP", "said in a statement", "teilte mit"). */
const ENGLISH_CUE_TAIL = String.raw`(?:\s+(?:(?:in|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,2}(?:statement|interview|email|e-mail|letter|post|message|tweet|video|speech|news conference|press conference|briefing|podcast|filing|op-ed|essay|memo|note|thread)|on\s+(?:X|Twitter|Facebook|Instagram|TikTok|Telegram|Threads|Bluesky|Truth Social|LinkedIn|YouTube)))?`;

/**
 * A speech verb's -s form that is a plural noun here, after a determiner or a verb of receiving: "she
 * received comments including “…”", "his remarks". Checked after the verb matched, not at every
 * character.
 */
const NOUN_NOT_VERB = String.raw`(?<!\b(?:the|his|her|their|its|these|those|such|many|some|several|(?:received|receives|receiving|got|gets|drew|draws|attracted|posted|left|read)(?:\s+\p{Ll}[\p{L}-]*)?)\s+(?:comments|notes|claims|remarks|replies|posts|tweets|reports|writes))`;

/** Whom someone told: "told the AP", "told reporters", "told The New York Times in an interview". */
const TOLD_OBJECT = String.raw`\s+(?:(?:the\s+)?(?:AP|Associated Press|Reuters|AFP|reporters|journalists|lawmakers|senators|the court|the crowd|the jury|the committee|students|supporters|the audience|[\p{Lu}][\p{L}.&-]*(?:\s+(?:of\s+)?[\p{Lu}][\p{L}.&-]*){0,4})|the media|the press|members of the press|fans|followers|(?:the|his|her|their)\s+(?:girl|boy|woman|man|magazine|newspaper|paper|station|network|website|outlet|show|podcast|programme|program|broadcaster|agency|host|interviewer|judge|officers?|police|panel|room|singer|star)|him|her|them|us|me|a\s+(?:reporter|crowd|news conference|press conference))`;

export type CueLanguage = 'en' | 'de' | 'fr';

/** The page's language as far as cues go; unknown languages get all three lexicons. */
export function cueLanguages(lang: string | null): CueLanguage[] {
  const base = (lang ?? '').slice(0, 2).toLowerCase();
  return base === 'en' || base === 'de' || base === 'fr' ? [base] : ['en', 'de', 'fr'];
}

const FRENCH = alternation(FRENCH_VERBS);
const CUE_ALTERNATIVES: Record<CueLanguage, string> = {
  // "As Gaiman put it, “…”", "she puts it this way:". "Alley went on, “…”": only right before its comma
  // or colon ("the show went on to win" says nothing). Whom the words went to is part of the cue: "Dion
  // revealed to the media, “…”", "“…,” Dion explained to People.". "telling Mayer, “…”" only with whom it tells:
  // "a telling detail" is none.
  en: String.raw`(?:told|tells|telling)${TOLD_OBJECT}${ENGLISH_CUE_TAIL}|puts? it|(?:went|goes) on(?=\s*(?:[,:]|$))|(?:${alternation(ENGLISH_VERBS)})${NOUN_NOT_VERB}(?:\s+to${TOLD_OBJECT})?${ENGLISH_CUE_TAIL}`,
  // A separable particle belongs to the cue only where the clause ends with it ("räumte ein, dass",
  // "fügte hinzu: „…“"): in "sagte ein Jury-Mitglied" the "ein" opens the speaker.
  // "Es gibt zahlreiche „erste“ Erwähnungen": "es gibt" and "es gab" say what there is, not what was said;
  // "das heißt" says "that is".
  de: String.raw`(?:(?<![Ee]s\s+)(?:[Gg]ibt|[Gg]ab)\b|(?!(?:[Gg]ibt|[Gg]ab)\b)(?:${alternation(GERMAN_VERBS)})(?<![Dd]as\s+heißt))(?:\s+es|\s+(?:${GERMAN_PARTICLES})(?=\s*(?:[,.;:!?„“"]|dass\s|$)))?`,
  // Inverted cues carry their pronoun: "a-t-il ajouté", "affirme-t-elle", "dit-il".
  fr: String.raw`peut-on lire\s+(?:dans|sur)|(?:a|avait)-t-(?:il|elle|ils|elles)\s+(?:${FRENCH})|(?:s['’])?\p{L}+(?:-t)?-(?:il|elle|ils|elles)|(?:a|ont|avait|avaient)\s+(?:${FRENCH})|(?:${FRENCH})`,
};

/** Cues that come before the speaker and need no verb: "according to X", "so X" (German), "selon X". */
const PREPOSITION_CUES: Record<CueLanguage, string> = {
  en: 'according to|as told by',
  de: 'so|laut|zufolge|nach Angaben von|nach Angaben des|nach Angaben der',
  fr: "selon|d'après|d’après",
};

/**
 * Preposition cues that open a phrase naming the speaker before the quote, inside the writer's
 * sentence: "According to Mayor Ana Ruiz, the pier is “…”", "Laut Bürgermeisterin Eva Roth ist das
 * Projekt „…“", "Nach Ansicht von Christian Wulff ist …", "Selon la maire, « … »", "Pour elle, « … »".
 * German "so" and "zufolge" stand after the quote or after the name, and are read there.
 */
const PREPOSITION_CUES_BEFORE: Record<CueLanguage, string> = {
  en: 'according to',
  de: 'laut|nach Angaben(?: von)?|nach (?:den )?(?:Worten|Aussagen?|Ansicht|Auffassung|Meinung|Einschätzung|Darstellung|Überzeugung)(?: von)?',
  // "Pour elle, « … »" is her view. Only "pour" opening a sentence or a clause with a pronoun and its
  // comma: "Pour les étudiants, « … »" may be for them, and "une lettre pour elle : « … »" is to her.
  fr: String.raw`selon|d'après|d’après|(?<=(?:^|[.!?…»”,])\s*)pour(?=\s+(?:lui|elle|eux|elles)\s*(?:,|$))`,
};

const FIRST_WORDS: Record<CueLanguage, string[]> = {
  en: ['told', 'tells', 'telling', 'put', 'puts', 'went', 'goes', ...ENGLISH_VERBS],
  de: GERMAN_VERBS,
  // "« … », peut-on lire dans Le Monde": where the words were read.
  fr: ['a', 'avait', 'ont', 'avaient', 'peut', ...FRENCH_VERBS],
};

/** French inverted cues carry their pronoun: any verb will do ("s’interroge-t-il", "poursuit-elle"). */
const INVERTED = /-(?:t-)?(?:il|elle|ils|elles)$/u;

export interface CueMatch {
  index: number;
  text: string;
}

/**
 * Every cue in `text`, in order. Goes through the words once and tries the cue pattern only where a cue
 * word stands: a regex of hundreds of alternatives tried at every character costs milliseconds per
 * article. `words`: the words of `text`, when the caller has them already.
 */
export function findCues(text: string, lexicon: CueLexicon, words: Words = findWords(text)): CueMatch[] {
  const found: CueMatch[] = [];
  let after = 0;
  for (let i = 0; i < words.starts.length; i++) {
    const index = words.starts[i]!;
    if (index < after) continue;
    // Most words are no cue word, and their key tells so without slicing them out of the text. A word
    // without a key may still be one, or a French inverted cue ("dit-il").
    const key = words.keys[i]!;
    if (key >= 0 && !lexicon.firstWordKeys.has(key)) continue;
    const token = text.slice(index, words.ends[i]);
    const dash = token.indexOf('-');
    const first = (dash < 0 ? token : token.slice(0, dash)).toLowerCase();
    if (!lexicon.firstWords.has(first) && (dash < 0 || !INVERTED.test(token))) continue;
    // A capital opens a sentence ("Said Tom Baker: …"); right after another capitalised word it is part
    // of a name: "the United States".
    if (i > 0 && /^\p{Lu}/u.test(token) && /^\p{Lu}/u.test(text[words.starts[i - 1]!] ?? '')) {
      const between = text.slice(words.ends[i - 1], index);
      if (/^\s+$/u.test(between)) continue;
    }
    lexicon.sticky.lastIndex = index;
    const match = lexicon.sticky.exec(text);
    if (!match) continue;
    found.push({ index, text: match[0] });
    after = index + match[0].length;
  }
  return found;
}

export interface CueLexicon {
  /** A cue at the very start of a string. */
  leading: RegExp;
  /** A preposition cue at the start of a string ("according to", "so", "selon"). */
  preposition: RegExp;
  /** Preposition cues anywhere, that name the speaker before the quote (global; "according to", "laut"). */
  prepositionBefore: RegExp;
  /** A cue starting exactly at lastIndex (sticky): tried only where a cue's first word stands. */
  sticky: RegExp;
  /** Lowercased first words of the cues: where `sticky` is worth trying. */
  firstWords: Set<string>;
  /** Their keys (Words.keys): a quick first test. */
  firstWordKeys: Set<number>;
}

const lexicons = new Map<string, CueLexicon>();

export function cueLexicon(lang: string | null): CueLexicon {
  const languages = cueLanguages(lang);
  const key = languages.join();
  const known = lexicons.get(key);
  if (known) return known;
  const verbs = languages.map((language) => CUE_ALTERNATIVES[language]).join('|');
  const prepositions = languages.map((language) => PREPOSITION_CUES[language]).join('|');
  const firstWords = new Set(
    languages.flatMap((language) => FIRST_WORDS[language]).map((word) => word.toLowerCase()),
  );
  const lexicon: CueLexicon = {
    // Not passive ("should be assured"), not a verb taking an infinitive ("continued to meet", "claims to seek").
    leading: new RegExp(String.raw`^(?:${verbs})(?![\p{L}])(?!\s+to\s)`, 'u'),
    preposition: new RegExp(String.raw`^(?:${prepositions})(?![\p{L}])`, 'u'),
    prepositionBefore: new RegExp(
      String.raw`(?<![\p{L}])(?:${languages.map((language) => PREPOSITION_CUES_BEFORE[language]).join('|')})(?![\p{L}])`,
      'giu',
    ),
    sticky: new RegExp(
      String.raw`(?<!\b(?:be|been|being|is|are|was|were|get|gets|got)\s(?:(?:often|also|never|not|always|once|repeatedly|\p{Ll}+ly)\s)?)(?:${verbs})(?![\p{L}])(?!\s+to\s)`,
      'uy',
    ),
    firstWords,
    firstWordKeys: new Set([...firstWords].map(wordKey)),
  };
  lexicons.set(key, lexicon);
  return lexicon;
}

/** German past participles of speech verbs, for perfect tenses read after a quote ("hatte X … erklärt"). */
export const GERMAN_SPEECH_PARTICIPLES =
  'gesagt|erklärt|betont|geschrieben|gefordert|kritisiert|gewarnt|erläutert|berichtet|bekräftigt|unterstrichen|ergänzt|geäußert|geantwortet|verkündet|versichert|gefragt|gemahnt|angekündigt|bestätigt|hinzugefügt|eingeräumt|mitgeteilt|getwittert|bilanziert|beklagt|gelobt|geurteilt|versprochen|argumentiert|entgegnet|widersprochen|behauptet|gerufen|kommentiert|geschildert|beschrieben|gemeint|verlauten|mitteilen|wissen';

/** English verbs that give their object a name. */
const ENGLISH_NAMING_VERBS = String.raw`call(?:s|ed)?|label(?:s|l?ed)|brand(?:s|ed)|term(?:s|ed)`;

/** Verbs that give their object a name, the quote: "called X a “…”", "nannte X „…“", "a qualifié X de « … »". */
export const NAMING_CUE = new RegExp(
  String.raw`(?:^|\s)(?:${ENGLISH_NAMING_VERBS}|dub(?:s|bed)|nannte[n]?|nennt|nennen|bezeichnete[n]?|bezeichnet|bezeichnen|qualifi(?:é|e|ait)|traité|traite)$`,
  'iu',
);

/** A naming verb and its object right before a quote: "called the plan", "labelled his rival's bill". */
export const DESCRIBED_OBJECT = new RegExp(
  String.raw`\b(?:${ENGLISH_NAMING_VERBS})\s+(?:the|this|that|his|her|their|its)\s+(?:[\p{L}'’-]+\s+)?[\p{L}-]+\s*$`,
  'iu',
);

/** "so-called", "the word", "titled" right before a quote: what follows is a term, a name or a title. */
export const TERM_MARKERS =
  /(?:so-called|so called|the (?:word|words|term|phrase|slogan|motto|hashtag|title|label|name|nickname|book|film|movie|song|album|show|series|report|program|programme|project|campaign|plan|initiative|operation)|titled|entitled|named|dubbed|nicknamed|known as|called|headlined|call(?:s|ed|ing)?\s+(?:it\s+|this\s+)?(?:a|an|the)|meaning|means|meant|as in|spelled|(?:sense|meaning|use|uses|usage|definition|spelling|pronunciation|word) of|sogenannte[nmrs]?|so genannte[nmrs]?|das Wort|der Begriff|den Begriff|die Formel|unter dem (?:Titel|Motto|Namen)|mit dem Titel|le mot|le terme|intitulée?s?|baptisée?s?|dite?s?|surnommée?s?|le (?:plan|programme|projet|livre|film)|la (?:formule|campagne)|l'opération|l’opération|(?:the|a|an|its|his|her|their|den|dem|der|die|das|le|la|du|des)\s+(?:[\p{L}-]+\s+)?\p{L}*(?:report|book|film|movie|novel|album|bericht|studie|buch|roman|rapport|livre|roman|programme|slogan)s?)\s*$/iu;

/** German verbs that report speech only with a separable particle: "führte aus", "stellte fest". */
const PARTICLE_VERB = /^(?:führt|führte|führten|stellt|stellte|stellten)$/iu;

/**
 * A cue that reports nothing without its particle, and has none in its clause: "Moderator Sebastian
 * Hellmann führt durch die Vorberichte". A quote's own cue may stand without it ("Er führte weiter:
 * „…“"), so only what a text leans on without quoting is read this strictly.
 */
export function lacksItsParticle(text: string, cue: CueMatch): boolean {
  if (!PARTICLE_VERB.test(cue.text)) return false;
  const clause = /^[^.;:!?„“”"«»]*/u.exec(text.slice(cue.index + cue.text.length))![0];
  return !/(?:^|\s)(?:aus|fest|klar|dar)(?=\s|$)/u.test(clause);
}
