import { describe, expect, it } from 'vitest';
import { givenNameGender } from '../../../lib/analyze/given-names';
import { findQuotes } from '../../../lib/analyze/quotes';
import { buildSpeakerContext } from '../../../lib/analyze/speakers';

function quotes(text: string, lang = 'en') {
  return findQuotes(text, { lang, speakers: buildSpeakerContext(text) });
}
const texts = (text: string, lang?: string) => quotes(text, lang).map((q) => q.text);
const speakers = (text: string, lang?: string) => quotes(text, lang).map((q) => q.speaker);
const names = (text: string) => buildSpeakerContext(text).mentions.map((mention) => mention.name);

describe('findQuotes: marks', () => {
  it('reads curly and straight English quotes, without marks and without the attribution comma', () => {
    const text =
      '“We will rebuild the pier this year,” Mayor Ana Ruiz said.\n\n"The budget is tight, but it holds," said Robert Kim.';
    expect(quotes(text)).toMatchObject([
      {
        text: 'We will rebuild the pier this year',
        speaker: 'Ana Ruiz',
        speakerMention: 'Mayor Ana Ruiz',
        cue: 'said',
      },
      { text: 'The budget is tight, but it holds', speaker: 'Robert Kim', cue: 'said' },
    ]);
  });

  it('reads German „…“ and »…« and French « … » with narrow no-break spaces', () => {
    const german =
      'Die Stadträtin Petra Lange äußerte sich am Abend. „Wir brauchen mehr Busse in der Innenstadt“, sagte Lange.\n\n»Die Pläne sind seit Jahren bekannt«, erklärte Oberbürgermeister Jens Scholz.';
    expect(quotes(german, 'de')).toMatchObject([
      { text: 'Wir brauchen mehr Busse in der Innenstadt', speaker: 'Petra Lange', cue: 'sagte' },
      { text: 'Die Pläne sind seit Jahren bekannt', speaker: 'Jens Scholz', cue: 'erklärte' },
    ]);
    const french =
      '«\u202FNous tiendrons cette promesse devant les habitants\u202F», a déclaré Hélène Marchand.';
    expect(quotes(french, 'fr')).toMatchObject([
      {
        text: 'Nous tiendrons cette promesse devant les habitants',
        speaker: 'Hélène Marchand',
        cue: 'a déclaré',
      },
    ]);
  });

  it('keeps a nested quote inside the outer one', () => {
    const text =
      '“Patients tell us, ‘I’m fine, I grew up without air conditioning,’ but the nights have changed,” said Dr. Priya Nair.';
    expect(texts(text)).toEqual([
      'Patients tell us, ‘I’m fine, I grew up without air conditioning,’ but the nights have changed',
    ]);
    expect(speakers(text)).toEqual(['Priya Nair']);
  });

  it('takes a party and a parliamentary title off the name ("Tory MP Neil Parish")', () => {
    expect(speakers('“The Lords picked up where we left off,” said Tory MP Neil Parish.')).toEqual([
      'Neil Parish',
    ]);
    expect(speakers('Labour MEP Jude Kirton-Darling spoke. “We will not compromise,” she said.')).toEqual([
      'Jude Kirton-Darling',
    ]);
  });

  it('reads single marks as quotes in a text that has no double mark at all (British style)', () => {
    const straight =
      "'We remain focused on getting trade deals that work for our farmers,' a Government spokesman said. 'The farmers' union agrees.'\n\nLast night Neil Parish said the Lords had 'raised the stakes' in a rock 'n' roll debate about the children's futures.";
    expect(quotes(straight)).toMatchObject([
      {
        text: "We remain focused on getting trade deals that work for our farmers … The farmers' union agrees.",
        speaker: 'a Government spokesman',
        marks: "''",
      },
      { text: 'raised the stakes', speaker: 'Neil Parish', marks: "''" },
    ]);
    const curly = '‘We will not compromise on food standards,’ said Liz Truss.';
    expect(quotes(curly)).toMatchObject([
      { text: 'We will not compromise on food standards', speaker: 'Liz Truss', marks: '‘’' },
    ]);
    // Where the text quotes with double marks, single ones are apostrophes or quotes within quotes.
    const mixed =
      "“It's the 'big three' again,” said Ana Ruiz. The carmakers' 'plan' was 'not new', Ruiz said.";
    expect(texts(mixed)).toEqual(["It's the 'big three' again"]);
  });

  it('joins a quote that runs on into the next paragraph', () => {
    const text =
      'Ruiz spoke after the vote. “Without the transfer, we would be closing two fire stations.\n\n“Next year we will have to make harder choices.”';
    expect(texts(text)).toEqual([
      'Without the transfer, we would be closing two fire stations. Next year we will have to make harder choices.',
    ]);
  });
});

describe('findQuotes: one quote or several', () => {
  it('joins a quote split by its attribution, in both shapes', () => {
    expect(
      texts(
        '“This budget keeps every library open,” said Mayor Ana Ruiz, who chairs the board, “and it raises no taxes.”',
      ),
    ).toEqual(['This budget keeps every library open … and it raises no taxes.']);
    expect(texts('“We saved for a storm,” Ruiz said. “The storm is here.”')).toEqual([
      'We saved for a storm … The storm is here.',
    ]);
  });

  it('does not join a name in quotation marks after the attribution: „A“, sagte X der „Zeitung“', () => {
    expect(texts('„Das ist schwierig“, sagte Eliane Steinmeyer der „Süddeutschen Zeitung“.', 'de')).toEqual([
      'Das ist schwierig',
    ]);
    expect(texts('„Das ist schwierig“, sagte Eliane Steinmeyer. „Wir machen weiter.“', 'de')).toEqual([
      'Das ist schwierig … Wir machen weiter.',
    ]);
  });

  it('keeps the quotation marks the article wrote', () => {
    const marks = (text: string, lang = 'en') => quotes(text, lang).map((quote) => quote.marks);
    expect(marks('« Nous sommes prêts », a déclaré lundi Marc Henry.', 'fr')).toEqual(['«»']);
    expect(marks('„Wir sind bereit“, sagte Eva Roth.', 'de')).toEqual(['„“']);
    expect(marks('“We are ready,” Ruiz said.')).toEqual(['“”']);
  });

  it('keeps two quotes with their own attributions apart', () => {
    const text = '“We saved for a storm,” Ana Ruiz said. “The storm is here,” she added.';
    expect(texts(text)).toEqual(['We saved for a storm', 'The storm is here']);
  });

  it('keeps two partial quotes separated by the writer’s words apart, with the same speaker', () => {
    const text =
      'Although many nations have left, the message said that “all foreign diplomats and investors” should be assured that “they will not face any problems from our side.”';
    expect(quotes(text)).toMatchObject([
      { text: 'all foreign diplomats and investors', speakerMention: 'the message' },
      { text: 'they will not face any problems from our side.', speakerMention: 'the message' },
    ]);
  });

  it('counts a pull quote that repeats a body quote once, as the attributed one', () => {
    const text =
      '“We will not permit anyone to pose a threat to any other country.”\n\nThe statement went further. “We will not permit anyone to pose a threat to any other country,” Hibatullah Akhundzada said.';
    expect(quotes(text)).toMatchObject([{ speaker: 'Hibatullah Akhundzada' }]);
  });

  it('does not count captions or other furniture', () => {
    const text =
      'Mayor Ana Ruiz at the rally: “We will fight for every bus line,” she said.\n\nThe council voted on Tuesday.';
    const furniture = new Set(['Mayor Ana Ruiz at the rally: “We will fight for every bus line,” she said.']);
    expect(findQuotes(text, { lang: 'en', furniture, speakers: buildSpeakerContext(text) })).toEqual([]);
  });
});

describe('findQuotes: what is not a quote', () => {
  it('leaves out scare quotes, titles of works, nicknames, terms and concept names', () => {
    const text = [
      'The council dipped into its so-called “rainy-day fund” again.',
      'She wrote the memoir “The Long Road Home” in 2019.',
      'The former linebacker Marcus “The Hammer” Delgado now works in television.',
      'Readers keep asking about the word “literally” and its meaning “true.”',
      'Die Grünen fordern seit Jahren die sogenannte „Verkehrswende“ in der Stadt.',
      'Le projet est la pièce maîtresse du « Plan Climat » voté l’an dernier.',
    ].join('\n\n');
    expect(texts(text)).toEqual([]);
  });

  it('counts a one-word partial quote tied to a speaker', () => {
    const text =
      'Council member Tom Baker, who cast one of the votes against the plan, called it “reckless” and left.';
    expect(quotes(text)).toMatchObject([{ text: 'reckless', speaker: 'Tom Baker' }]);
  });

  it('lists a full-sentence quote without attribution as unattributed, not guessed', () => {
    const text = 'Shoppers asked one question all week.\n\n“Is it safe to eat?”\n\nThe company has not said.';
    expect(quotes(text)).toMatchObject([
      { text: 'Is it safe to eat?', speaker: null, speakerMention: null, cue: null },
    ]);
  });
});

describe('findQuotes: speakers', () => {
  it('gives a finished quote after a colon lead-in to that sentence, not to the next one', () => {
    expect(
      speakers(
        'Die Anwendung der Richtlinie stellte der SPD-Vorsitzende Franz Müntefering in Frage: „Wer das macht, der weiß, dass die Koalition zu Ende ist.“ Demgegenüber pochte Generalsekretär Volker Kauder auf das Grundgesetz.',
        'de',
      ),
    ).toEqual(['Franz Müntefering']);
    expect(
      speakers(
        'Der Vorsitzende Franz Müntefering sagte dazu: „Wer das macht, der weiß, dass die Koalition zu Ende ist.“ Volker Kauder widersprach am Abend.',
        'de',
      ),
    ).toEqual(['Franz Müntefering']);
    // The phrase before the cue names no one ("Vorbehalte und wagte die Prognose"): the person the
    // lead-in names is the speaker.
    expect(
      speakers(
        'Auch die Familienministerin Renate Schmidt äußerte Vorbehalte und wagte die Prognose, bei der Wahl würden nicht alle für sie stimmen: „Ich gehe davon aus, dass nicht alle Stimmen auf sie entfallen werden.“',
        'de',
      ),
    ).toEqual(['Renate Schmidt']);
    // A quote that goes on into its attribution is that attribution's.
    expect(
      speakers(
        'Half a century later, another politician had to defend his honor: “I am not a crook,” President Richard Nixon told a group of editors.',
      ),
    ).toEqual(['Richard Nixon']);
  });

  it('takes the speaker a preposition names in the writer’s sentence before the quote', () => {
    expect(
      speakers(
        'According to Mayor Ana Ruiz, the pier is “a danger to everyone who walks on it at night.”\n\nThe plan, according to Robert Kim, is “reckless and unfair to the people of the east bank.”',
      ),
    ).toEqual(['Ana Ruiz', 'Robert Kim']);
    expect(
      speakers(
        'Nach Ansicht von Ministerpräsident Christian Wulff ist mit der Empfehlung „noch keine Vorentscheidung gefallen“.\n\nLaut Bürgermeisterin Eva Roth ist das Projekt „ein großer Schritt für die ganze Stadt“.\n\nNach Angaben des Innenministers Thomas de Maizière sei die Lage „sehr ernst und nicht zu unterschätzen“.',
        'de',
      ),
    ).toEqual(['Christian Wulff', 'Eva Roth', 'Thomas de Maizière']);
    expect(
      quotes(
        'Die Krankheit gilt nach Aussagen des Gesundheitsministers Karl Lauterbach als „weltweit häufigste Virusinfektion dieser Art“.',
        'de',
      ).map((quote) => quote.speaker),
    ).toEqual(['Karl Lauterbach']);
    // A word or two in quotation marks inside the paraphrase is a term, not a quote.
    expect(quotes('Selon le ministère, la situation reste « préoccupante » dans la région.', 'fr')).toEqual(
      [],
    );
  });

  it('reads French “Pour elle, « … »” as her words, and only with a pronoun opening the clause', () => {
    const intro = 'Marie-Pierre Dausse enseigne à Paris-8 depuis vingt ans. ';
    const quote = '« c’est une opportunité rare de mener une expérience pédagogique »';
    expect(speakers(`${intro}Pour elle, ${quote}.`, 'fr')).toEqual(['Marie-Pierre Dausse']);
    expect(speakers(`${intro}Et, pour elle, ${quote}.`, 'fr')).toEqual(['Marie-Pierre Dausse']);
    // For them, not by them; and a pronoun inside the sentence is no cue.
    expect(speakers(`${intro}Pour les étudiants, ${quote}.`, 'fr')).toEqual([null]);
    expect(speakers(`${intro}Mais pour elle, ${quote}.`, 'fr')).toEqual([null]);
  });

  it('reads the speaker a French quote names inside its own marks, a name only', () => {
    const quote =
      '« La désinformation a été une des caractéristiques de la pandémie, rappelle Ana Sofia Cardenal, professeure de sciences politiques. Dans certains cas, il s’agissait de rumeurs. »';
    expect(quotes(quote, 'fr')).toMatchObject([{ speaker: 'Ana Sofia Cardenal', cue: 'rappelle' }]);
    // Someone the speaker cites or reports on is not the speaker; a clause of the speaker's own after the
    // comma names no one; a pronoun is not settled here.
    expect(speakers('« Rien ne change, selon Jeanne Roux. Nous restons. »', 'fr')).toEqual([null]);
    expect(
      speakers('« Rien ne change, la ministre Jeanne Roux a affirmé le contraire. Nous restons. »', 'fr'),
    ).toEqual([null]);
    expect(speakers('« Nous sommes prêts, la situation est grave. Le combat continue. »', 'fr')).toEqual([
      null,
    ]);
    expect(
      quotes('Antoine enseigne ici. « Je suis inquiet, glisse-t-il. Mon contrat finit en mai. »', 'fr'),
    ).toMatchObject([{ speaker: null, speakerMention: null }]);
    // Only where French keeps the inciso inside the marks; and the quote's speaker outside comes first.
    expect(speakers('“We are ready, says Ana Ruiz. The fight goes on.”')).toEqual([null]);
    expect(
      speakers('« Nous sommes prêts, affirme Jean Dupont. Le combat continue », a déclaré Marie Roux.', 'fr'),
    ).toEqual(['Marie Roux']);
  });

  it('takes the speaker of a German passive “wird … zitiert”', () => {
    expect(
      speakers(
        '„Das wird das größte Update aller Zeiten“, wird Firmenchef Kevin Lynch in einem Bericht zitiert.\n\nDies ist eine Chance, im Web ein „Bürger erster Klasse zu werden“, wird Mike Downey, Produktmanager bei Macromedia, zitiert.',
        'de',
      ),
    ).toEqual(['Kevin Lynch', 'Mike Downey']);
  });

  it('takes the speaker of a German perfect tense “hatte X … erklärt” and of “ließ X verlauten”', () => {
    const text =
      'Die Umrüstung läuft. „Wir wollen unsere Produktionssysteme erneuern“, hatte VW-Chef Winterkorn in einem Interview erklärt.\n\n„Wir werden nicht aufgeben, niemals und nirgends“, hat die Ministerin Anna Roth am Montag betont.\n\n„Der IWF unterstützt Griechenland dabei, die Krise zu meistern“, ließ ein IWF-Sprecher aus Washington kurz verlauten.';
    const found = quotes(text, 'de');
    // The unnamed spokesman is shown as described: "aus Washington" says where, not who.
    expect(found.map((quote) => quote.speaker)).toEqual([
      'Winterkorn',
      'Anna Roth',
      'ein IWF-Sprecher aus Washington',
    ]);
    expect(found[2]!.anonymous).toBe(true);
    // A perfect tense whose participle is no speech verb attributes nothing.
    expect(speakers('„Das ist gut und richtig so“, hatte Anna Roth das Haus verkauft.', 'de')).toEqual([
      null,
    ]);
  });

  it('takes the subject, not the object, of “würdigte X als „…“” and “described X as “…””', () => {
    expect(
      speakers(
        'Ligeti galt als Komponist. Der österreichische Bundeskanzler Wolfgang Schüssel würdigte Ligeti als „großen Österreicher in der Welt der Musik“.',
        'de',
      ),
    ).toEqual(['Wolfgang Schüssel']);
    expect(
      speakers('The mayor spoke. Ana Ruiz described Tom Bell as “reckless and unfair to everyone”.'),
    ).toEqual(['Ana Ruiz']);
  });

  it('ends a sentence at a German closing mark („…“), so the next one has its own lead-in', () => {
    const text =
      'Die Firma ist klein. Die Firma empfindet die Kritik als ungerechtfertigt: „Nun müssen wir die Ware ja irgendwo lagern.“ Der Geschäftsführer fragte: „Was spricht dagegen, diesen Reis zu verkaufen?“ Greenpeace widerspricht.';
    expect(quotes(text, 'de').map((quote) => quote.speakerMention)).toEqual([null, 'Der Geschäftsführer']);
  });

  it('keeps what a naming verb called “the plan” as a quote, and a plan’s name as none', () => {
    expect(
      quotes('The senator spoke. Ana Ruiz called the plan “reckless and unfair to the town”.').map((q) => [
        q.text,
        q.speaker,
      ]),
    ).toEqual([['reckless and unfair to the town', 'Ana Ruiz']]);
    expect(quotes('The senator spoke. Ana Ruiz called the plan “Vision 2040 for the town”.')).toEqual([]);
  });

  it('gives a naming verb’s quote to its subject, never to its object (“called X a “…””, “nannte X „…“”)', () => {
    expect(
      speakers('The senator spoke. Ana Ruiz called Tom Bell a “reckless and unfair mayor of the town”.'),
    ).toEqual(['Ana Ruiz']);
    expect(
      speakers(
        'Die Senatorin sprach. Ana Ruiz nannte Patersons Entscheidung „eine sehr schlechte Wahl für uns“.',
        'de',
      ),
    ).toEqual(['Ana Ruiz']);
    // The subject after the verb, the object cut off after it.
    expect(
      speakers(
        'Die Senatorin sprach. Am Montag nannte Ana Ruiz den Plan „eine sehr schlechte Wahl für uns“.',
        'de',
      ),
    ).toEqual(['Ana Ruiz']);
    // A pronoun after the verb is the subject, the phrase before it the object.
    const pronoun = quotes(
      'Guttenberg sprach. Deren Haltung gegenüber der PKK bezeichnete er als „zutiefst verlogen und heuchlerisch“.',
      'de',
    );
    expect(pronoun.map((quote) => quote.speakerMention)).toEqual(['er']);
    // The second verb of an earlier subject: its object names no one, and no guess is made.
    expect(
      speakers(
        'Am Montag befand der Premier den Angriff als gerechtfertigt und nannte Trumps Angriffsauftrag „schnell, kraftvoll und entschieden“.',
        'de',
      ),
    ).not.toContain('Trumps Angriffsauftrag');
  });

  it('reads the name before an apposition after the verb, not a noun after it', () => {
    expect(
      speakers(
        'Es gibt Alternativen. Angesichts solcher Alternativen nannte Reinhard Jung, Geschäftsführer des Bauernbundes Brandenburg, die Kartoffel Amflora „überflüssig wie einen Kropf“.',
        'de',
      ),
    ).toEqual(['Reinhard Jung']);
  });

  it('reads the subject before an auxiliary whose participle is the cue (“X hatte am Mittwoch erklärt, …”)', () => {
    expect(
      speakers(
        'Schröder kam. Der Regierungssprecher Béla Anda hatte am Mittwoch erklärt, für den Kanzler sei entscheidend, „ob er für seine Politik das Vertrauen hat“. Dann ging er.',
        'de',
      ),
    ).toEqual(['Béla Anda']);
    expect(
      speakers(
        'Die Studie ist da. Die Autoren der Studie werfen den Behörden vor: „Eine Überprüfung der Qualität findet nicht statt.“',
        'de',
      ),
      // "Autoren" is a word for people: the description the article gives is the speaker.
    ).toEqual(['Die Autoren der Studie']);
    expect(
      quotes(
        'Die Studie ist da. Die Autoren der Studie werfen den Behörden vor: „Eine Überprüfung der Qualität findet nicht statt.“',
        'de',
      )[0]!.speakerMention,
    ).toBe('Die Autoren der Studie');
  });

  it('takes the outlet where the words were read, by its whole name', () => {
    expect(
      speakers(
        'L’Ancien Monde a fermé. Son directeur Alexandre Nardella – « premier responsable du parti à être entendu par les juges », peut-on lire dans Le Monde – est mis en examen.',
        'fr',
      ),
    ).toEqual(['Le Monde']);
  });

  it('takes no sentence adverb after a finished quote for its speaker', () => {
    expect(
      speakers(
        'Der Minister widersprach. „Wer das macht, der weiß, dass die Koalition zu Ende ist.“ Demgegenüber pochte der Generalsekretär auf das Grundgesetz.',
        'de',
      ),
    ).toEqual([null]);
  });

  it('takes the speaker before the quote, cue first or speaker first', () => {
    expect(
      speakers('Said Council member Tom Baker: “We are spending the emergency fund on a sunny afternoon.”'),
    ).toEqual(['Tom Baker']);
    expect(
      speakers('Kanzler Scholz sagte: „Wir werden die Innenstadt den Menschen zurückgeben.“', 'de'),
    ).toEqual(['Scholz']);
  });

  it('resolves a surname and a pronoun to the person named before', () => {
    const text =
      'Dr. Lorraine Whitfield, the city’s finance director, spoke first. “We are still above the line the agencies look at,” she said.\n\nState Sen. Marcus Bell disagreed. “The legislature is not going to backfill a city budget,” Bell said.';
    expect(speakers(text)).toEqual(['Lorraine Whitfield', 'Marcus Bell']);
  });

  it('reads the attribution that closes a sentence the quote opened', () => {
    expect(
      speakers(
        '“It makes for a compelling story” if the lights go out for want of plants, Bill Powers said.',
      ),
    ).toEqual(['Bill Powers']);
    expect(
      speakers(
        'Tim Morrison spoke last. “Every day spent on this is a day lost” for both countries, he warned.',
      ),
    ).toEqual(['Tim Morrison']);
    expect(
      speakers(
        '“We are like every other school district” trying to keep students safe, says Jennifer Johnson, a spokesperson.',
      ),
    ).toEqual(['Jennifer Johnson']);
    // The last comma's clause is no speaker ("…, which critics said"): nothing is guessed.
    expect(speakers('“Every day spent on this is a day lost” for the city, which critics said.')).toEqual([
      null,
    ]);
    // The cue does not close the sentence: it reports something else.
    expect(
      speakers(
        '“Every day spent on this is a day lost” for the city, Powers said on a visit to the plant that failed.',
      ),
    ).toEqual([null]);
  });

  it('gives “and added, “…”” to the subject of the sentence’s first verb', () => {
    expect(
      speakers(
        'Kurt Volker said he never used the term "three amigos" and added, “I frankly cringe when I hear it.”',
      ),
    ).toEqual(['Kurt Volker']);
    // The first verb's subject is not named right before it: nobody is guessed.
    expect(
      speakers(
        'On one Facebook page an unnamed poster put up her picture writing and wrote they found it was “disrespectful, rude, tacky, and against the Flag Code.”',
      ),
    ).toEqual([null]);
  });

  it('cuts a German object off a subject that follows the cue, but not off the one quoted', () => {
    const text =
      'Der Förster Norbert Döring zeigt die Scheune. „Hier nehmen wir das Laub an und trocknen es“, erklärt Döring den Prozess.';
    expect(speakers(text, 'de')).toEqual(['Norbert Döring']);
    // "zitiert Welt-Online den Minister": the newspaper quotes the minister, who is the speaker.
    const quoted =
      'Innenminister Wolfgang Schäuble will das Gesetz. „Es muss so rasch wie möglich umgesetzt werden“, zitiert Welt-Online den Minister.';
    expect(quotes(quoted, 'de')[0]?.speakerMention).not.toBe('Welt-Online');
    // A long phrase before the article is no subject: "stellte mit Einnahmen von … Dollar einen Rekord auf".
    expect(
      speakers(
        'Die Tour „A Bigger Bang“ stellte mit Einnahmen von einer halben Milliarde Dollar einen neuen Weltrekord auf diesem Gebiet auf.',
        'de',
      ),
    ).toEqual([]);
  });

  it('gives “il” right after a described speaker’s attribution to that speaker, not to a name in it', () => {
    const text =
      'Jacques Chirac ne l’aimait guère.\n\n« Chirac l’a tout de même soutenu en 1999 », a ajouté un ténor de la droite sur l’influence de Jean-Paul Delevoye. « Cela relativise tout ça », met-il en perspective.';
    expect(speakers(text, 'fr')).toEqual(['un ténor de la droite', 'un ténor de la droite']);
    // A sentence of the writer's in between: "he" is read as before, not given to the quote before.
    const apart =
      '“We rehearsed on wires,” Emma Stone says. For Damien Chazelle, the toughest thing was a scene over dinner. “It is an extended conversation that is completely on the actors,” he claims.';
    expect(speakers(apart)[1]).not.toBe('Emma Stone');
  });

  it('gives a pronoun to a person named in its paragraph or the one before, not paragraphs earlier', () => {
    const near =
      'Mayor Ana Ruiz opened the meeting on the harbour plan.\n\nThe council listened. “We will rebuild the pier,” she said.';
    expect(speakers(near)).toEqual(['Ana Ruiz']);
    const far =
      'Mayor Ana Ruiz opened the meeting on the harbour plan.\n\nThe council then turned to the budget.\n\nMy mother and I quarrelled over it for years. She told me that at night she prayed I would “come back into the fold of the church.”';
    // Not Ana Ruiz, paragraphs earlier: the sentence before names the one she stands for.
    expect(speakers(far)).toEqual(['my mother']);
  });

  it('reads a gender from a given name, so “she” is not Neil’s or Tom’s', () => {
    expect(
      speakers(
        '“He would make art anywhere,” Neil Gaiman told me. When Tom Ford visited his editor Teresa Hayden at her office, he would scribble poems. “Life was not long enough,” she recalled.',
      ),
    ).toEqual(['Neil Gaiman', 'Teresa Hayden']);
    expect([givenNameGender('Teresa'), givenNameGender('neil'), givenNameGender('Ruiz')]).toEqual([
      'f',
      'm',
      null,
    ]);
  });

  it('gives “he” to the one person a verb follows in the sentence before, of two named there', () => {
    expect(
      speakers(
        'Tony Schwartz wrote the book in 1987.\n\nIn 2016, as Donald Trump’s rise continued, Schwartz disavowed the book. “I put lipstick on a pig,” he told a reporter.',
      ),
    ).toEqual(['Tony Schwartz']);
  });

  it('does not give “he” to a name the sentence before has as the object of the same “he”', () => {
    expect(
      speakers(
        'Tom Ford struggled with the book. On July 27 he emailed Neil Gaiman about it. “It is not easy to write,” he wrote.',
      ),
    ).toEqual(['Tom Ford']);
  });

  it('gives “she” or “he” to a relative opening the sentence before, when the gender fits', () => {
    expect(
      speakers(
        'Mayor Ana Ruiz spoke.\n\nHis father never came. He said the harbour “was finished long ago.”',
      ),
    ).toEqual(['his father']);
    expect(
      speakers(
        'Mayor Ana Ruiz spoke.\n\nHis father never came. She said the harbour “was finished long ago.”',
      ),
    ).not.toEqual(['his father']);
  });

  it('reads a gender from the noun before a name (“une femme, Cha Soona”), so “il” is not hers', () => {
    const text =
      'Il reçoit le mot d’une femme, Cha Soona, qui vivait dans le même quartier.\n\n« Ce sont surtout des souvenirs des interventions », ajoute-t-il.';
    expect(speakers(text, 'fr')).toEqual([null]);
    const english = 'A woman, Ana Ruiz, wrote to him.\n\n“These are memories of the demolitions,” he added.';
    expect(speakers(english)).toEqual([null]);
  });

  it('goes on with the speaker in a quote paragraph after a caption or crosshead, not after a sentence', () => {
    const afterCaption =
      '“The harbour is dying,” says Ana Ruiz, who has fished here for forty years.\n\nAna Ruiz on her boat at dawn\n\n“We have lost half the catch in a decade. Nobody listens to us.”';
    expect(speakers(afterCaption)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
    const afterCrosshead =
      '“The harbour is dying,” says Ana Ruiz.\n\nA shrinking catch\n\n“We have lost half the catch in a decade. Nobody listens to us.”';
    expect(speakers(afterCrosshead)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
    // A paragraph of the writer's in between may introduce someone else: the next quote stays unattributed.
    const afterSentence =
      '“The harbour is dying,” says Ana Ruiz.\n\nThe port authority disputes the figures and points to new quotas.\n\n“We have lost half the catch in a decade. Nobody listens to us.”';
    expect(speakers(afterSentence)).toEqual(['Ana Ruiz', null]);
  });

  it('matches a pronoun to a person of the same gender', () => {
    const text =
      '« Ce tramway est une promesse faite aux habitants », a déclaré la maire, Hélène Marchand.\n\nMarc Lefèvre, président de l’association, reste sceptique. « Le tram restera vide aux heures creuses », dit-il.\n\nLa maire reconnaît que le calendrier est long. « Nous aurions aimé aller plus vite », a-t-elle concédé.';
    expect(speakers(text, 'fr')).toEqual(['Hélène Marchand', 'Marc Lefèvre', 'Hélène Marchand']);
  });

  it('resolves “the message” and “the statement” to whoever the text says issued them', () => {
    const text =
      'The offer was contained in a message from Taliban supreme leader Hibatullah Akhundzada posted on Twitter.\n\n“We seek good relations with all world countries including America,” the message said.\n\n“We fully assure neighboring countries that Afghanistan will not permit anyone to pose a threat,” the statement added.';
    expect(quotes(text).map((q) => [q.speaker, q.speakerMention])).toEqual([
      ['Hibatullah Akhundzada', 'the message'],
      ['Hibatullah Akhundzada', 'the statement'],
    ]);
  });

  it('gives a statement to the organisation that issued it', () => {
    const text =
      'In Kalvia the Foreign Ministry struck a cautious tone. "The Republic remains committed to a fair agreement," the ministry said in a statement.\n\n"No agreement will be signed under pressure or on a deadline set by others," the statement said.';
    expect(speakers(text)).toEqual(['Foreign Ministry', 'Foreign Ministry']);
  });

  it('marks anonymous speakers as anonymous, with their description', () => {
    const text =
      '"We are closer than we have been at any point this year," said a senior administration official who spoke on condition of anonymity.';
    expect(quotes(text)).toMatchObject([{ speaker: 'a senior administration official', anonymous: true }]);
  });

  it('gives a spokesperson’s words to the organisation', () => {
    const text =
      '“Patients should not stop their medication without talking to a doctor,” a spokesperson for Corvane Pharmaceuticals said.';
    expect(quotes(text)).toMatchObject([{ speaker: 'Corvane Pharmaceuticals', anonymous: false }]);
  });

  it('reads the cue with whom it was told', () => {
    const text =
      '"We are not going to negotiate against ourselves," Trade Representative Gail Morrow told The Associated Press.';
    expect(quotes(text)).toMatchObject([{ speaker: 'Gail Morrow', cue: 'told The Associated Press' }]);
  });
});

describe('findQuotes: speakers in longer sentences', () => {
  it('skips a word that only looks like a cue inside the subject', () => {
    const text =
      'Judge Ellen Marsh ruled on Friday. In her ruling, she wrote that the facts described in the filing showed “a pattern of deliberate delay.”';
    expect(quotes(text)).toMatchObject([{ speaker: 'Ellen Marsh', speakerMention: 'she', cue: 'wrote' }]);
  });

  it('gives “she said” to an unnamed person the paragraph introduced', () => {
    const text =
      'Councilwoman Dana Fitch spoke first.\n\nA shop owner who declined to give her name said she had lost half her customers. “We cannot wait another year for the road,” she said.';
    expect(quotes(text)).toMatchObject([{ speaker: 'A shop owner', anonymous: true }]);
  });

  it('gives “she said” to an unnamed person the sentence before introduces, not to a name further back', () => {
    const text =
      'Dana Fitch runs the agency.\n\nWIRED spoke to one mother, who knew her son had a public account. “I am so ahead of every other parent I know,” she said.';
    expect(quotes(text)).toMatchObject([{ speaker: 'one mother', anonymous: true }]);
    // Not a man for "she", nor the one unnamed person when a person is named there too.
    expect(speakers(text.replace('one mother', 'one father'))).not.toContain('one father');
    expect(speakers(text.replace('WIRED spoke', 'Dana Fitch spoke'))).toEqual(['Dana Fitch']);
    // Not a noun that only describes another ("a student alliance"), nor after the pronoun stood for
    // someone already.
    const alliance =
      'One student at Duke said he solidified his views early.\n\nAnother time, he said, he was barred from going to an Asian-American student alliance meeting. “People were so into political correctness,” he said.';
    expect(speakers(alliance)).toEqual([null]);
    expect(speakers(alliance.replace(' alliance meeting', ''))).toEqual([null]);
    expect(speakers('Reporters visited a student union. “It has never been so full,” she said.')).toEqual([
      null,
    ]);
  });

  it('reads a clause after the speaker the cue names as no part of the speaker', () => {
    const text =
      'The company confirmed it had been contacted.\n\n“We received an inquiry and are cooperating,” said a WeWork spokesperson when contacted by Reuters.';
    expect(quotes(text)).toMatchObject([{ speaker: 'WeWork', speakerMention: 'a WeWork spokesperson' }]);
  });

  it('gives “he said” to the subject of the quote’s own sentence over the people of the sentence before', () => {
    const text =
      'Ambassador Gordon Sondland will face questions about a call with President Donald Trump.\n\nSondland, a wealthy hotelier Trump tapped as his ambassador, is more entangled than any witness yet. Yet Sondland has already amended his testimony once — “I now do recall,” he said.';
    expect(speakers(text)).toEqual(['Gordon Sondland']);
  });

  it('takes a lower-case title and full name before the cue for the subject, not the noun after it', () => {
    const text =
      'Hibernation is not possible yet, research team head Jennifer Ngo-Anh says the idea “is actually not so crazy.”';
    expect(quotes(text)).toMatchObject([{ speaker: 'Jennifer Ngo-Anh' }]);
    expect(
      speakers('One request is the time, and the new Echo Dot says the hour “right on the side of the box.”'),
    ).not.toContain('Echo Dot');
  });

  it('reads what a “that” after the cue opens as what was said, not who said it', () => {
    const text =
      'A spokesperson for the British Foreign Office reiterated the UK’s position that settlements “are illegal under international law.”';
    expect(speakers(text)).toEqual(['British Foreign Office']);
  });

  it('reads no German possessive before a thing as a speaker', () => {
    expect(
      speakers(
        'Seine Eindrücke fasste eines der Kinder zusammen: „Die anderen Kinder sind faul und wissen gar nichts.“',
        'de',
      ),
    ).not.toContain('Eindrücke');
    expect(speakers('Seine Frau sagte: „Wir wussten nichts davon und sind sehr traurig.“', 'de')).toEqual([
      'Seine Frau',
    ]);
  });

  it('ends a preposition’s speaker at the parenthesis that closes it', () => {
    const text =
      'He had practised for weeks, and he was “very confident he would bring the house down” (according to the Chicago Tribune), but he was not willing to risk it.';
    expect(quotes(text)).toMatchObject([
      { speaker: 'Chicago Tribune', speakerMention: 'the Chicago Tribune' },
    ]);
  });

  it('reads “Maybe”, “Like” and “My” opening a sentence as no part of a name', () => {
    const found = names(
      'Like Instagram head Adam Mosseri, Jack Dorsey has spoken out. Maybe Instagram likes it that way. My Struggle became a bestseller.',
    );
    expect(found).toContain('Adam Mosseri');
    for (const name of ['Like Instagram', 'Maybe Instagram', 'My Struggle'])
      expect(found).not.toContain(name);
  });

  it('reads “the order also noted” as the order, not as the person named in the paragraph', () => {
    const text = 'The order also noted that Paul Reyes had “repeatedly ignored the court’s deadlines.”';
    expect(quotes(text)[0]?.speaker).not.toBe('Paul Reyes');
  });

  it('gives a quote to the subject of “as she noted”, not to the sentence’s subject', () => {
    const text =
      'Margaret Thatcher moved slowly at first. The central problem, as she noted in her memoirs, was that “there was a revolution still to be made, but too few revolutionaries.”';
    expect(quotes(text)).toMatchObject([
      { speaker: 'Margaret Thatcher', speakerMention: 'she', cue: 'noted' },
    ]);
  });

  it('leaves an auxiliary out of the speaker: “one commentator has argued”', () => {
    const text =
      'As one commentator has argued, “identity politics has become an agenda of inclusionary neoliberalism.”';
    expect(quotes(text)).toMatchObject([{ speakerMention: 'one commentator', anonymous: true }]);
  });

  it('does not give a quote to the cue of the next sentence when that cue reports something else', () => {
    const text =
      'We might call the first the “complexity canard.” Technocrats like to say that entire sectors of policy are too complicated.';
    expect(speakers(text)).toEqual([]);
    const said = '“We will rebuild the pier.” Mayor Ana Ruiz said so on Friday.';
    expect(speakers(said)).toEqual(['Ana Ruiz']);
  });

  it('gives a pronoun that opens a clause right after a name to that name', () => {
    const text =
      'Hillary Clinton spoke in Ohio on Sunday.\n\nThe Hillary Clinton campaign has canceled joint appearances with former primary opponent Bernie Sanders after he admitted that “of course” it bothered him.';
    expect(quotes(text)).toMatchObject([{ speaker: 'Bernie Sanders', speakerMention: 'he' }]);
  });

  it('reads no clause with a finite verb as a speaker', () => {
    const text =
      'Saima Shahid forscht in Berlin. Ihre Anwesenheit könnte mit den Genen zusammenhängen. »Wenn Transposons springen« Die transponierbaren Elemente könnten dabei helfen, vermutet sie.';
    expect(quotes(text, 'de').map((quote) => quote.speakerMention)).not.toContainEqual(
      expect.stringContaining('Elemente'),
    );
  });

  it('does not give “we” or “I” outside a quote to a person the paragraph named', () => {
    const text =
      'Ecobee’s thermostat works with Siri and Alexa, says Mark Lee. We called it “a very compelling option for many households.” I wrote that it was “the best we tested.”';
    expect(quotes(text).map((quote) => quote.speaker)).toEqual([null, null]);
  });
});

describe('findQuotes: offsets', () => {
  it('points into the text, with a selector that finds the first part', () => {
    const text = 'The vote was close.\n\n“We saved for a storm,” Ruiz said. “The storm is here.”';
    const [quote] = quotes(text);
    expect(quote).toBeDefined();
    expect(text.slice(quote!.start, quote!.end)).toBe(
      'We saved for a storm,” Ruiz said. “The storm is here.',
    );
    expect(quote!.paragraph).toBe(1);
    expect(quote!.selector.exact).toBe('We saved for a storm,');
    expect(quote!.selector.prefix.endsWith('“')).toBe(true);
  });
});
