import { describe, expect, it } from 'vitest';
import {
  speakerDescription,
  trustSpeaker,
  trustedName,
  withoutTopic,
  type SpeakerEvidence,
} from '../../../lib/analyze/mentions';
import { findQuotes, mentionBefore } from '../../../lib/analyze/quotes';
import { givenNameGender } from '../../../lib/analyze/given-names';
import { personName } from '../../../lib/analyze/names';
import { buildSpeakerContext } from '../../../lib/analyze/speakers';

function evidence(text: string, lang = 'en', known: string[] = []): SpeakerEvidence {
  return { text, lang, isKnownName: (name) => known.includes(name) };
}

function quotes(text: string, lang = 'en') {
  return findQuotes(text, { lang, speakers: buildSpeakerContext(text) });
}
const speakers = (text: string, lang?: string) => quotes(text, lang).map((q) => q.speaker);
/** The people the name finder sees in a text, in reading order. */
const names = (text: string) => buildSpeakerContext(text).mentions.map((mention) => mention.name);

describe('trustedName: what is no name', () => {
  it('refuses sentence openers and function words the text also prints in lower case', () => {
    const text = 'But the plan failed. When it rained, but not before, the pier flooded.';
    expect(trustedName('But', evidence(text))).toBe(false);
    expect(trustedName('When', evidence(text))).toBe(false);
  });

  it('leaves "whatever", "whoever" and their kin out of the name they open', () => {
    const text =
      'Whatever Apple did for key stability was kept. Whoever Ana Ruiz hires will start soon, Ana Ruiz said.';
    expect(names(text)).not.toContain('Whatever Apple');
    expect(names(text)).not.toContain('Whoever Ana Ruiz');
    expect(names(text)).toContain('Ana Ruiz');
  });

  it('refuses numbers first, possessives, prepositions and lone letters inside a name', () => {
    const text = 'Two Clinton donors spoke.';
    expect(trustedName('Two Clinton', evidence(text))).toBe(false);
    expect(trustedName('Ivan Ilyich’s', evidence(text))).toBe(false);
    expect(trustedName('Basis Behind', evidence(text))).toBe(false);
  });

  it('refuses German nouns: capitalised words the text prints after an article', () => {
    const text =
      'Die Worte gingen ihr ins Herz. Das Herz schlug schneller. Zu Zeiten der Pest war die Pest überall.';
    expect(trustedName('Herz', evidence(text, 'de'))).toBe(false);
    expect(trustedName('Zeiten der Pest', evidence(text, 'de'))).toBe(false);
  });

  it('refuses one word the text capitalises only where a sentence starts', () => {
    const text =
      '„Wir bleiben.“ Demgegenüber pochte Generalsekretär Volker Kauder auf das Grundgesetz. „Das ist gut.“ Tatsächlich spricht viel dafür.';
    expect(trustedName('Demgegenüber', evidence(text, 'de'))).toBe(false);
    expect(trustedName('Tatsächlich', evidence(text, 'de'))).toBe(false);
    // A mononym or surname the text also prints within a sentence is a name.
    const named = '“Not yet,” Loriot said. The sketch made Loriot famous. “So it is fair?” Schiff asked.';
    expect(trustedName('Loriot', evidence(named))).toBe(true);
    // After a question or exclamation closing a quote, the sentence goes on into its attribution.
    expect(trustedName('Schiff', evidence(named))).toBe(true);
  });

  it('keeps real names, also one printed after a relative pronoun or with name particles', () => {
    const text =
      'Die Modelle, die Foucault entwickelte, sind bekannt. Foucault schrieb viel. Foucault lehrte. Ursula von der Leyen sprach. Von der Leyen lachte.';
    expect(trustedName('Foucault', evidence(text, 'de'))).toBe(true);
    expect(trustedName('Ursula von der Leyen', evidence(text, 'de', ['Ursula von der Leyen']))).toBe(true);
    expect(trustedName('Ana Ruiz', evidence('Mayor Ana Ruiz said so.'))).toBe(true);
    expect(trustedName('Ministry of Health', evidence('the Ministry of Health said'))).toBe(true);
  });
});

describe('speakerDescription: how the article describes a speaker', () => {
  it('keeps descriptions of people', () => {
    expect(speakerDescription('the minister')).toBe('the minister');
    expect(speakerDescription('un ténor de la droite')).toBe('un ténor de la droite');
    expect(speakerDescription('die Managerin')).toBe('die Managerin');
    expect(speakerDescription('die 50-Jährige über die Schwierigkeiten in Zeiten des Virus')).toBe(
      'die 50-Jährige',
    );
  });

  it('refuses speech nouns, abstract nouns, German things and clauses', () => {
    expect(speakerDescription('his remarks')).toBeNull();
    expect(speakerDescription('die Äußerungen')).toBeNull();
    expect(speakerDescription('die Unterscheidung')).toBeNull();
    expect(speakerDescription('der Disziplin')).toBeNull();
    expect(speakerDescription('die Vision einer')).toBeNull();
    expect(speakerDescription('Her expressed hope was that')).toBeNull();
  });

  it('reads the head before a complement: a thing "of" someone describes no one', () => {
    expect(speakerDescription('L’émergence des podcasts natifs')).toBeNull();
    expect(speakerDescription('L’hypothèse de Stephen Smith')).toBeNull();
    expect(speakerDescription('the remarks of the senator')).toBeNull();
    expect(speakerDescription('The CEO of California’s grid operator')).toBe(
      'The CEO of California’s grid operator',
    );
    expect(speakerDescription('le ministre de l’Intérieur')).toBe('le ministre de l’Intérieur');
  });

  it('credits the one whose words or idea the phrase names', () => {
    const text = 'Stephen Smith a publié un livre. L’hypothèse de Stephen Smith est simple.';
    const answer = (name: string) =>
      trustSpeaker({ name, anonymous: false }, name, evidence(text, 'fr', ['Stephen Smith']));
    expect(answer('L’hypothèse de Stephen Smith')).toEqual({ name: 'Stephen Smith', anonymous: false });
    expect(answer('the remarks of the senator')).toEqual({ name: 'the senator', anonymous: false });
    expect(answer('L’émergence des podcasts natifs')).toBeNull();
  });

  it('cuts the topic off', () => {
    expect(withoutTopic('Eliane Steinmeyer über die Zwangspause in der Gastronomie')).toBe(
      'Eliane Steinmeyer',
    );
    expect(withoutTopic('Marc Henry sur la réforme')).toBe('Marc Henry');
  });
});

describe('trustSpeaker', () => {
  const none = evidence('');
  it('takes the name after a possessive, and leaves unnamed sources alone', () => {
    expect(trustSpeaker({ name: 'ACLU’s Jay Stanley', anonymous: false }, null, none)).toEqual({
      name: 'Jay Stanley',
      anonymous: false,
    });
    const anonymous = { name: 'a senior official', anonymous: true };
    expect(trustSpeaker(anonymous, 'a senior official', none)).toBe(anonymous);
  });

  it('gives the description, not a person named after a preposition in it', () => {
    expect(
      trustSpeaker({ name: 'Edouard Philippe', anonymous: false }, 'un proche d’Edouard Philippe', none),
    ).toEqual({ name: 'un proche d’Edouard Philippe', anonymous: false });
  });

  it('keeps the organisation a spokesperson speaks for', () => {
    expect(
      trustSpeaker(
        { name: 'Corvane Pharmaceuticals', anonymous: false },
        'a spokesperson for Corvane Pharmaceuticals',
        none,
      ),
    ).toEqual({ name: 'Corvane Pharmaceuticals', anonymous: false });
  });
});

describe('findQuotes: speakers a reader can trust', () => {
  it('leaves a quote unattributed rather than credit it to a German noun or a sentence opener', () => {
    const german = 'Die Worte gingen ihm ins Herz. Herz erklärte: „Das ist alles nicht so einfach gewesen.“';
    expect(speakers(german, 'de')).toEqual([null]);
    const english = 'But the vote was close. But said “we will not give up on the pier this year.”';
    expect(speakers(english)).toEqual([null]);
  });

  it('reads the subject after a subordinating word, not the sentence opener', () => {
    const text =
      'But it was not so easy when the minister read this prayer: “O Lord, support us all the day long.” But the hour was late.';
    expect(speakers(text)).toEqual(['the minister']);
  });

  it('does not give a partial quote inside a relative clause with its own subject to the sentence’s subject', () => {
    const text =
      'Mark Zuckerberg offered a primer on his strategies during testimony Tuesday in a lawsuit with ' +
      'ZeniMax Media, which accuses Oculus and Facebook of "misappropriating" trade secrets.';
    expect(speakers(text)).not.toContain('Mark Zuckerberg');
    expect(speakers('Mark Zuckerberg called the lawsuit "a distraction" on Tuesday.')).toEqual([
      'Mark Zuckerberg',
    ]);
    // A clause with a subject of its own keeps what its subject said: “accidental” is Nixon’s word.
    const nixon =
      'Activists offered buttons reading "Erase the Memoirs," a reference to the gap in the Watergate tapes, ' +
      'which Nixon fobbed off as an "accidental" erasure.';
    expect(quotes(nixon).map((quote) => quote.text)).toContain('accidental');
  });

  it('reads a new sentence whose cue hands on to the next quote as that quote’s lead-in', () => {
    expect(
      speakers(
        'Kirstie Alley met Dan Wootton. Wootton asked her, “Did you get it from a tick?” She answered, “Yeah, in Maine I got a tick bite.”',
      ),
    ).toEqual(['Dan Wootton', 'Kirstie Alley']);
    // A colon hands the cue on whatever came before.
    expect(
      speakers(
        'Caitlyn Smith and Kate York wrote it. “It’s a totally different muscle,” York said. “You have to take yourself out of it.” Smith agreed: “It’s a different job altogether.”',
      ),
    ).toEqual(['Kate York', 'Caitlyn Smith']);
    // Without a lead-in of its own the quote keeps the cue after it, as the next quote does.
    expect(
      speakers(
        'Yun Che asked about it. “Evil Emperor.” Chi Wuyao said, “The turning point of your fate is here.”',
      ),
    ).toEqual(['Chi Wuyao', 'Chi Wuyao']);
    // A lower-case second part is the same quote, split: both parts are his.
    expect(speakers('Dan Wootton met Kirstie Alley. “Really?” Wootton said, “that is awful.”')).toEqual([
      'Dan Wootton',
      'Dan Wootton',
    ]);
  });

  it('reads the pronoun after a relative word as its subject, and leaves an adverb out of the speaker', () => {
    expect(
      speakers(
        'Jennifer Aniston joined the show. The host quipped, “isn’t that against the rules of Hollywood?” to which she replied, “apparently, it is.”',
      ),
    ).toEqual(['The host', 'Jennifer Aniston']);
    expect(mentionBefore('When asked what she took, the actress authoritatively')).toBe('the actress');
    expect(mentionBefore('Ana Ruiz quickly')).toBe('Ana Ruiz');
    expect(mentionBefore('In a statement, the family')).toBe('the family');
  });

  it('leaves a passive “was often told” unattributed', () => {
    const text =
      'As an adolescent, I was often told that “self, self, self is all you think about,” but I was not.';
    expect(speakers(text)).toEqual([null]);
  });

  it('does not give a later partial quote in another sentence to the speaker before', () => {
    const text =
      '“We will rebuild the pier this year,” Mayor Ana Ruiz said. Her critics on the council spoke of “a reckless and unfair plan for the harbor.”';
    expect(speakers(text)).toEqual(['Ana Ruiz', null]);
  });

  it('does not take a German object for the subject: “Den Clip kommentierte er”', () => {
    const text =
      'Will Smith hat ein Video geteilt. Den Clip kommentierte er mit sehr aufrichtigen Worten und schrieb: „Es war nicht immer so zwischen uns.“';
    expect(speakers(text, 'de')).toEqual(['Will Smith']);
  });

  it('reads words between the verb and the name, and a title in lower case', () => {
    expect(speakers('“Le calendrier est tenu”, a déclaré lundi Marc Henry.', 'fr')).toEqual(['Marc Henry']);
    expect(speakers('„Wir bleiben dabei“, sagte am Dienstag Eva Roth.', 'de')).toEqual(['Eva Roth']);
    expect(speakers('“The budget holds for now,” said spokeswoman Ana Ruiz.')).toEqual(['Ana Ruiz']);
  });

  it('reads wider speech verbs and a speaker named before a participle', () => {
    expect(speakers('“This is a disgrace to the whole city,” fumed Ana Ruiz.')).toEqual(['Ana Ruiz']);
    expect(speakers('„Das ist eine Frechheit gegenüber allen“, schimpfte Eva Roth.', 'de')).toEqual([
      'Eva Roth',
    ]);
    expect(speakers('Ana Ruiz issued a statement saying “the pier will be rebuilt this year.”')).toEqual([
      'Ana Ruiz',
    ]);
  });

  it('gives “he” to the one person the sentence before names', () => {
    const text =
      '“It was wonderful because we were on wires,” Emma Stone says. For Damien Chazelle, the hardest scene was a fight over dinner. “It is an extended conversation that is completely on the actors,” he claims.';
    expect(speakers(text)).toEqual(['Emma Stone', 'Damien Chazelle']);
  });

  it('gives a role to the person named in the paragraph only when the text gives them that role', () => {
    const text =
      'Le 31 août, Gérald Darmanin a obtenu un non-lieu, au motif que « le défaut de consentement ne suffit pas », a expliqué le juge.';
    expect(speakers(text, 'fr')).toEqual(['le juge']);
  });
});

describe('the name finder: German nouns before a name', () => {
  it('leaves out the noun after an article or preposition, at the start of a sentence or within it', () => {
    expect(names('Der Förster Norbert Döring zeigt die Scheune.')).toEqual(['Norbert Döring']);
    expect(names('Heute zeigt der Förster Norbert Döring die Scheune.')).toEqual(['Norbert Döring']);
    expect(names('Mit Hilfe des Direktors für Bioinformatik Timothy Sackton gelang es.')).toEqual([
      'Timothy Sackton',
    ]);
  });

  it('reads a soft hyphen as part of a word, and two nouns after a determiner as no name', () => {
    // "Über\u00ADwachen" is one word, broken for layout; "seinem Buch Überwachen" names a book.
    expect(
      names('In seinem Buch \u00DCber\u00ADwachen und Strafen beschreibt Michel Foucault die Pest.'),
    ).toEqual(['Michel Foucault']);
    expect(
      names('Grenzen und \u00DCber\u00ADg\u00E4nge kontrollierte der Stadtrat, sagte Eva Roth.'),
    ).toEqual(['Eva Roth']);
    expect(names('Das erzählte sie ihrem Sohn Peter Müller.')).toEqual(['Peter Müller']);
    // A role and a given name still name someone.
    expect(names('Er hatte seinen Sohn Paolo beauftragt.').some((name) => name.endsWith('Paolo'))).toBe(true);
    expect(names('Das sagte Sabine Leut\u00ADheusser am Montag.')).toEqual(['Sabine Leut\u00ADheusser']);
  });

  it('keeps three-word names that follow no article', () => {
    expect(names('It was Mary Ann Evans who spoke, with Martin Luther King.')).toEqual([
      'Mary Ann Evans',
      'Martin Luther King',
    ]);
  });
});

describe('the name finder: conjunctions and nicknames', () => {
  it('ends a name at a capitalised conjunction: “the U.S. And the singer” names no “S. And”', () => {
    expect(names('It went platinum in the U.S. And the singer thanked Ana Ruiz.')).toEqual(['Ana Ruiz']);
    expect(names('Lawyers for Smith And Wesson met Eva Roth.')).toEqual(['Eva Roth']);
  });

  it('takes a compound ending in a title for a title, not a name word: “BVB-Coach Lucien Favre”', () => {
    expect(names('Natürlich ruft BVB-Coach Lucien Favre zum Angriff auf.')).toEqual(['Lucien Favre']);
    // A double-barrelled surname keeps its last part, title or not.
    expect(names('Then Anna Smith-King spoke.')).toEqual(['Anna Smith-King']);
  });

  it('takes words that fill a quotation, full stop and all, for a nickname: “Canine Dion.”', () => {
    expect(
      names('She had been given the unkind nickname of “Canine Dion.” Céline Dion laughed.'),
    ).not.toContain('Canine Dion');
    expect(names('They called it “Black Water,” said Ana Ruiz.')).toEqual(['Ana Ruiz']);
  });
});

describe('the name finder: a surname after an office or a form of address', () => {
  it('takes the one word after an office, a German compound office or a form of address', () => {
    expect(names('Dann sprach BKA-Präsident Ziercke lange.')).toEqual(['Ziercke']);
    expect(names('Es äußerte sich der CSU-Vorsitzende Stoiber. Stoiber blieb dabei.')).toEqual([
      'Stoiber',
      'Stoiber',
    ]);
    expect(names('Then Mayor Adams spoke, and M. Dupont answered.')).toEqual(['Adams', 'Dupont']);
  });

  it('not after a word that also opens the names of things, nor an office or a month as the name', () => {
    expect(names('Secretary General Guterres met General Electric and State Street.')).toEqual([]);
    expect(names('Die Zeit schreibt, Präsident Januar sei nichts, President Minister auch nicht.')).toEqual(
      [],
    );
  });

  it('gives the speaker of a colon lead-in that names only an office and a surname', () => {
    const text =
      'Die Staatsanwaltschaft ermittelt. BKA-Präsident Ziercke: „Mit diesem Ansatz setzt das BKA ein Signal.“';
    expect(speakers(text, 'de')).toEqual(['Ziercke']);
  });
});

describe('the name finder and the colon lead-in: a name after a preposition', () => {
  it('leaves the preposition out of the name, and keeps name particles inside it', () => {
    expect(names('In eine ähnliche Richtung geht die Kritik von Gisela Piltz; sie ist Sprecherin.')).toEqual([
      'Gisela Piltz',
    ]);
    expect(names('Der Kritik von Anna Roth folgte Ursula von der Leyen.')).toEqual([
      'Anna Roth',
      'Ursula von der Leyen',
    ]);
  });

  it('does not take the name after a preposition as the speaker of a colon lead-in', () => {
    const text =
      'Der Bundespräsident Horst Köhler sprach lange.\n\nDie Arbeit seit dem Amtsantritt von Angela Merkel lobte er einerseits mit den Worten: „Die Koalition handelt pragmatisch.“';
    expect(speakers(text, 'de')).not.toContain('Angela Merkel');
    // A name that is no preposition's object stays the speaker.
    const named =
      'Ask Damien Chazelle, the director of the film, and he will answer: “Freeway gridlock. Anyone who lived there knows.”';
    expect(speakers(named)).toEqual(['Damien Chazelle']);
  });
});

describe('the name finder: German determiners open no name', () => {
  it('leaves out “Deren Haltung”, “Viele Firmen”, “Einige Anhänger”', () => {
    expect(
      names('Deren Haltung war klar. Viele Firmen zogen mit. Einige Anhänger Saddam Husseins protestierten.'),
    ).toEqual(['Saddam Husseins']);
  });
});

describe('the colon lead-in: a pronoun opening the sentence', () => {
  it('takes “Sie”/“Er” opening the lead-in, not the impersonal French “Il”', () => {
    const german =
      'Heidi Simonis tritt ab. Sie wird auf dem Parteitag nicht mehr kandidieren. Sie wird mit den Worten zitiert: „Ich will dem Wechsel nicht im Wege stehen.“';
    expect(speakers(german, 'de')).toEqual(['Heidi Simonis']);
    const french =
      'La ministre Laura Flessel annonce sa démission. Il n’aura pas fallu 24 heures pour que le journal révèle ces raisons : « Le fisc a saisi la commission des infractions fiscales. »';
    expect(speakers(french, 'fr')).not.toContain('Laura Flessel');
  });
});

describe('the colon lead-in: a German object is not the speaker', () => {
  it('takes the pronoun, not the name after “den …”', () => {
    const text =
      'Angela Merkel sprach in München. Dabei griff sie auch direkt den iranischen Präsidenten Mahmud Ahmadinedschad an: „Ein Präsident, der den Holocaust leugnet, kann keine Toleranz erwarten.“';
    expect(speakers(text, 'de')).toEqual(['Angela Merkel']);
  });
});

describe('the name finder: what German text around a name is not part of it', () => {
  it('ends a name before where the person works, and keeps "von der" that is part of it', () => {
    expect(personName('Seniorautorin Naomi Halas von der Rice University')).toBe('Naomi Halas');
    expect(personName('Wendel Trio von der Umweltorganisation Greenpeace')).toBe('Wendel Trio');
    expect(personName('Andreas Friedrich vom Deutschen Wetterdienst')).toBe('Andreas Friedrich');
    expect(personName('Ursula von der Leyen')).toBe('Ursula von der Leyen');
    expect(
      speakers(
        '„Der Katalysator zeigt eine sehr hohe Reaktivität“, sagt Seniorautorin Naomi Halas von der Rice University.',
        'de',
      ),
    ).toEqual(['Naomi Halas']);
  });

  it('starts a name only at a word: no initial from the end of an acronym', () => {
    expect(
      names('Er stand für die Vernunft in der SPD. Er war ein Schwergewicht, sagte Angela Merkel.'),
    ).toEqual(['Angela Merkel']);
  });

  it('ends a name at an article that no von, van or de carries', () => {
    expect(
      names(
        'Dann ersetzte Peter Struck den SPD-Obmann, und es sprach Filiz Polat von den Grünen mit Jan van den Berg.',
      ),
    ).toEqual(['Peter Struck', 'Filiz Polat', 'Jan van den Berg']);
    expect(names('Es kam Ursula von der Leyen.')).toEqual(['Ursula von der Leyen']);
  });

  it('takes a role noun after an article and an adjective off the name, and keeps it as a title', () => {
    const text = 'Gefunden wurde der Sohn des ehemaligen Skistars Willy Bogner.';
    expect(names(text)).toEqual(['Willy Bogner']);
    expect(
      buildSpeakerContext('Es bat die britische Königin Elisabeth Windsor um Ruhe.').mentions[0]!.titles,
    ).toContain('königin');
  });

  it('reads the name after a body or a medium, and an amount with its unit, as no person', () => {
    expect(names('Heute hat die Staatsanwaltschaft München Nord ein Ergebnis genannt.')).toEqual([]);
    expect(names('Er will zwei Milliarden Euro ausgeben, dazu 300 Millionen Dollar.')).toEqual([]);
  });

  it('takes no abstract noun after an office for a surname', () => {
    expect(names('Der Bundeskanzler nahm zu der Entscheidung des Bundespräsidenten Stellung.')).toEqual([]);
  });

  it('takes no capitalised preposition opening a sentence into a name', () => {
    const found = names('Gegenüber NDR Info sagte er das. Um Gocta herum ist es still.');
    expect(found).not.toContain('Gegenüber NDR Info');
    expect(found).not.toContain('Um Gocta');
  });

  it('counts no article after a comma against a name: it may open a relative clause', () => {
    const text =
      'Unterschritten ist die Marke, die Gerhard Schröder zum Erfolgskriterium erklärt hatte: „Ich rechne damit, dass es uns gelingt.“';
    expect(speakers(text, 'de')).toEqual(['Gerhard Schröder']);
  });
});

describe('speaker phrases: setting, objects and topics after the speaker', () => {
  it('leaves where and when a named speaker spoke out of the name', () => {
    expect(
      speakers(
        'Mainz verlor. „Das war kein gutes Spiel von uns“, sagte Thomas Tuchel in einem Interview mit der Sportschau.',
        'de',
      ),
    ).toEqual(['Thomas Tuchel']);
    expect(
      speakers(
        'Der Papst trat zurück. „Wir haben Respekt vor ihm“, sagte Seibert in Berlin. Später redete Merkel.',
        'de',
      ),
    ).toEqual(['Seibert']);
    expect(
      speakers('“We will rebuild the pier,” said Mayor Ana Ruiz at a news conference on Monday.'),
    ).toEqual(['Ana Ruiz']);
  });

  it('keeps a long phrase whole, so a clause does not pass for a speaker', () => {
    const text =
      'Die Rolling-Stones-Tour „A Bigger Bang“ stellte mit Einnahmen von einer halben Milliarde Dollar einen neuen Weltrekord auf diesem Gebiet auf.';
    expect(speakers(text, 'de')).toEqual([]);
  });

  it('takes a pronoun followed by an object or a setting as the whole speaker', () => {
    const text =
      'Thomas Berg war Trainer.\n\nDer Ausfall kam überraschend. „Es war ein schwerer Fehler“, erklärte er seinen Anhängern.\n\nSpäter äußerte er sich noch einmal. „Ich bereue es“, sagte er in einem Interview mit der Financial Times.';
    expect(quotes(text, 'de').map((q) => q.speakerMention)).toEqual(['er', 'er']);
  });

  it('keeps the pronoun out of a speaker phrase whose pronoun has a verb of its own', () => {
    const text =
      'He met Ryan Gosling at a party. Gosling, who apparently told Chazelle he “had been wanting to do a kind of Gene Kelly-ish thing,” signed on.';
    expect(speakers(text)).toEqual(['Ryan Gosling']);
  });

  it('takes no name after a preposition that reports a source ("unter Berufung auf") for a speaker', () => {
    const text =
      'Der Minister kündigte eine Lösung an. „BBC News“ berichtet unter Berufung auf einen Gefängniswärter, dass die Gefangenen die Türen aufgebrochen haben.';
    expect(quotes(text, 'de').map((q) => q.speakerMention)).not.toContain('unter Berufung');
  });

  it('takes no topic of a colon lead-in for its speaker', () => {
    const text =
      'Er wollte die Angriffe auf Paul Kirchhoff zurückweisen. Seine Meinung zu Kirchhoff: „Ich dachte, es darf doch nicht wahr sein.“';
    expect(speakers(text, 'de')).not.toContain('Paul Kirchhoff');
  });

  it('gives a role no one named in the paragraph holds to no one: the phrase itself is no evidence', () => {
    const text =
      'Demnach hat der Sohn, Bernhard Bogner, Selbstmord begangen. Der Staatsanwalt sagte, der Sohn habe sich „bewusst und gewollt stranguliert“.';
    expect(speakers(text, 'de')).not.toContain('Bernhard Bogner');
  });
});

describe('speakers: the German impersonal cue "heißt es" and the document it quotes', () => {
  it('names a body quoted in the genitive as it is named', () => {
    for (const [genitive, body] of [
      ['des Ministeriums', 'Ministerium'],
      ['des Bauernverbandes', 'Bauernverband'],
      ['des Robert-Koch-Instituts', 'Robert-Koch-Institut'],
    ])
      expect(
        quotes(
          `„Grundlose Berichte haben Verwirrung gestiftet“, hieß es in einer Erklärung ${genitive}.`,
          'de',
        )[0]?.speakerMention,
      ).toBe(body);
  });

  const mentions = (text: string) => quotes(text, 'de').map((q) => [q.speaker, q.speakerMention]);

  it('after the quote: the body that issued the document, or the person named', () => {
    expect(
      mentions(
        'Der Chaos Computer Club (CCC) fordert Nummernschilder. „Werden Straftaten nicht verfolgt, ist das schlimm“, heißt es dazu in einer Pressemitteilung des CCC.',
      ),
    ).toEqual([['Chaos Computer Club', 'CCC']]);
    expect(
      mentions(
        'Der Sprengsatz explodierte. „Alle Anzeichen deuteten auf einen Anschlag hin“, hieß es vom Abgeordneten des russischen Föderationsrates Viktor Oserow.',
      ),
    ).toEqual([['Viktor Oserow', 'Viktor Oserow']]);
    expect(
      mentions(
        'Der Verband protestierte. „Wir möchten Sie dringend auffordern, das zu tun“, heißt es in dem LSVD-Schreiben an Polizei und Veranstalter.',
      )[0]![1],
    ).toBe('LSVD');
  });

  it('before a colon: the document, not a person the sentence before names', () => {
    expect(
      mentions(
        'Ulla Jelpke stellte einen Antrag. In dem Antrag heißt es wörtlich: „Die Aufhebung der Einstufung ist nötig.“ Dann kam die Abstimmung.',
      ),
    ).toEqual([[null, 'Antrag']]);
    expect(
      mentions(
        'Die Mutter wurde bedroht. So heißt es in dem Schreiben wörtlich: „Behandelt wird die Sicherstellung der Kinder.“ Sie wandte sich ab.',
      ),
    ).toEqual([[null, 'Schreiben']]);
  });
});

describe('speakers: German descriptions and appositions in a lead-in', () => {
  it('takes a description opening a colon lead-in as its speaker, the head before a genitive', () => {
    expect(
      speakers(
        'Greenpeace lobte den Bericht. Ein WWF-Sprecher schätzte ein: „Sie haben einen bedeutenden Beitrag geleistet.“',
        'de',
      ),
    ).toEqual(['Ein WWF-Sprecher']);
    expect(
      speakers(
        'Das Dorf ist klein. Die Bewohner des Dorfes sehen alles gelassen: „Das sind Leute wie du und ich.“',
        'de',
      ),
    ).toEqual(['Die Bewohner des Dorfes']);
    // Not a thing: "Die Firma" is no description of a person.
    expect(
      speakers(
        'Die Firma empfindet die Kritik als ungerechtfertigt: „Nun müssen wir die Ware ja irgendwo lagern.“',
        'de',
      ),
    ).toEqual([null]);
  });

  it('refuses two sentences run together as one description', () => {
    expect(speakerDescription('der Papst.Der ältere Bruder des Papstes')).toBeNull();
    expect(speakerDescription('der ältere Bruder des Papstes')).toBe('der ältere Bruder des Papstes');
  });

  it('takes no subordinate clause for a speaker, however a setting cut would shorten it', () => {
    const text =
      'Weil Brauereien auf Trinkwasser angewiesen sind, warnte der Hauptgeschäftsführer des Deutschen Brauer-Bundes, Peter Hahn, die Politik in einem Brief: „Durch Fracking kann diese Sicherheit beseitigt werden.“';
    expect(speakers(text, 'de')).toEqual(['Peter Hahn']);
  });

  it('prefers the name in apposition to a description', () => {
    const text =
      'Da Brauereien auf die sichere Versorgung mit qualitativ einwandfreiem Trinkwasser notwendigerweise angewiesen sind, warnte der Hauptgeschäftsführer des Deutschen Brauer-Bundes, Peter Hahn, die Politik in einem Brief: „Durch die Gewinnung von Erdgas kann diese Sicherheit beseitigt werden.“';
    expect(speakers(text, 'de')).toEqual(['Peter Hahn']);
  });
});

describe('speakers: the sentence after a quote, and the writer', () => {
  it('takes no cue deep in the next sentence for the speaker of a quote that ends its own', () => {
    const text =
      'As songs came together, Damien Chazelle kept writing. He claims, somewhat sheepishly, that “Ryan and Emma were in the back of my head when I was writing.” While working his way through the awards-season circuit, he met Ryan Gosling, who told Chazelle about it.';
    expect(quotes(text).map((q) => [q.speaker, q.speakerMention])).toEqual([['Damien Chazelle', 'He']]);
    // A next sentence that opens with its speaker and cue is the quote's.
    expect(speakers('The vote failed. “I am not a crook.” Richard Nixon said it twice.')).toEqual([
      'Richard Nixon',
    ]);
  });

  it('reads no attribution after a semicolon: it opens another clause', () => {
    const text =
      'Ryan Gosling met the director. He told Chazelle he “had been wanting to do a kind of Gene Kelly-ish thing”; Emma Stone agreed.';
    expect(speakers(text)).toEqual(['Ryan Gosling']);
  });

  it('gives "I" and "we" to the writer, never to the person quoted before', () => {
    const text =
      'Mary Edwards taught us. “Which one?” she answered.\n\nIn many ways, it was a good school. “It was fluently enough, but without much comprehension,” I wrote back then.';
    expect(speakers(text)).toEqual(['Mary Edwards', null]);
  });
});

describe('speakers: a preposition cue closing the sentence after a quote', () => {
  it('not the next sentence, after a quote that ends its own', () => {
    const text =
      'Reinhold Gall warnte. „Eine Beschränkung dieses Rechts darf nur in engen Schranken erfolgen.“ Diesen Vorgaben entspricht der Entwurf nach Ansicht der Landes-SPD nicht.';
    expect(quotes(text, 'de')[0]!.speakerMention).not.toMatch(/SPD/u);
  });

  it('names the source of the whole sentence', () => {
    expect(
      speakers(
        'Concrete information remains elusive, but “sickness, navigational error, a rapidly falling tide” are all thought to contribute, according to the New Zealand Department of Conservation.',
      ),
    ).toEqual(['New Zealand Department of Conservation']);
    expect(
      speakers(
        'Die Lage ist ernst, und „die Versorgung ist nicht gesichert“, laut Innenminister Thomas de Maizière.',
        'de',
      ),
    ).toEqual(['Thomas de Maizière']);
  });
});

describe('speakers: German inverted subjects, "so" and titles in quotation marks', () => {
  it('reads the subject after the verb up to a colon, a setting, a year or an adverb', () => {
    expect(
      speakers(
        'In der Talkshow sagte Loriot 1979 im Gespräch mit Marianne Koch einst selbst: Satire richte sich „grundsätzlich gegen die Macht“. Gut.',
        'de',
      ),
    ).toEqual(['Loriot']);
    expect(
      speakers(
        'In der Talkshow sagte Loriot 1979 einst selbst: Satire richte sich „grundsätzlich gegen die Macht“.',
        'de',
      ),
    ).toEqual(['Loriot']);
  });

  it('takes ", so X," in the quote’s sentence as its attribution, not "so" opening a list', () => {
    expect(
      speakers(
        'Michel Foucault schrieb viel. Die Behörden, so Foucault, träumten den „politischen Traum“ der Disziplin.',
        'de',
      ),
    ).toEqual(['Michel Foucault']);
    expect(
      speakers(
        'Viele gratulierten Obama, so Silvio Berlusconi, der Leiter der IAEA, Mohammed ElBaradei („Mir fällt niemand ein, der diese Ehre mehr verdient hätte.“), und andere.',
        'de',
      ),
    ).not.toContain('Silvio Berlusconi');
  });

  it('reads a few words in marks with no comma after them as a title, not a quote of the speaker after', () => {
    const text =
      'In der Talkshow „3 nach 9“ sagte Loriot 1979 im Gespräch mit Marianne Koch: Satire richte sich „grundsätzlich gegen die Macht“. Gut.';
    expect(quotes(text, 'de').map((q) => q.text)).toEqual(['grundsätzlich gegen die Macht']);
    // A sentence quoted without the comma keeps its speaker: writers leave it out.
    expect(
      speakers(
        'Der CCC protestiert. „Werden Straftaten von Polizisten nicht verfolgt, ist das schlimm“ sagte Frank Rieger.',
        'de',
      ),
    ).toEqual(['Frank Rieger']);
  });
});

describe('speakers: quotes listed in one sentence, and "fait" that reports nothing', () => {
  it('gives quotes listed in one sentence the attribution that closes it', () => {
    const text =
      'Avant d’être nommée ministre, Françoise Nyssen dirigeait Actes Sud. En 1997, Françoise Nyssen avait fait réaliser les travaux « sans autorisation », ni « déclaration au fisc », écrit Le Canard enchaîné.';
    expect(speakers(text, 'fr')).toEqual(['Le Canard enchaîné', 'Le Canard enchaîné']);
    expect(speakers('The council met. The plan is “reckless” and “unfair,” Mayor Ana Ruiz said.')).toEqual([
      'Ana Ruiz',
      'Ana Ruiz',
    ]);
  });

  it('takes "fait" as a cue only in "fait savoir", "fait remarquer" and the like', () => {
    expect(
      quotes(
        'Le chantier a duré. Françoise Nyssen avait fait réaliser les travaux « sans autorisation préalable de la mairie ».',
        'fr',
      ).map((q) => q.cue),
    ).not.toContain('avait fait');
    expect(
      speakers('Le ministre a parlé. « Nous ne céderons pas », a fait savoir Marc Henry lundi.', 'fr'),
    ).toEqual(['Marc Henry']);
  });
});

describe('speakers: a pull quote', () => {
  it('takes no speaker from the paragraph before when it repeats a quote found elsewhere', () => {
    const text =
      'Nixon blamed the gap on his secretary, Rosemary Woods, who said, “I pressed the wrong button.”\n\n“I put lipstick on a pig.”\n\nTony Schwartz wrote the book. “I put lipstick on a pig,” Schwartz told the New Yorker.';
    const found = quotes(text).filter((q) => q.text.startsWith('I put lipstick'));
    expect(found.map((q) => q.speaker)).toEqual(['Tony Schwartz']);
  });
});

describe('speakers: a surname that opens with its particle at a sentence start', () => {
  it('is the person the text named in full, not a preposition', () => {
    const text =
      'Ursula von der Leyen ist Ministerin. Die Pleite ist groß.\n\nVon der Leyen betonte, unter den Verkäuferinnen seien „viele Frauen, viele Alleinerziehende, die Erfahrung haben“. Gut.';
    expect(speakers(text, 'de')).toEqual(['Ursula von der Leyen']);
  });

  it('names no one when the text names no such person', () => {
    const text =
      'Die Pleite ist groß.\n\nVon der Regierung hieß es, die Lage sei „viele Frauen, viele Alleinerziehende, die Erfahrung haben“. Gut.';
    expect(speakers(text, 'de')).toEqual([null]);
  });
});

describe('speakers: German separable verbs', () => {
  it('leaves the particle out of the speaker after the quote', () => {
    expect(speakers('Ana Roth kam spät. „Das war ein Fehler“, fügte sie hinzu.', 'de')).toEqual(['Ana Roth']);
    expect(
      quotes('„Das war ein Fehler“, teilte ein Sprecher der Stadt mit.', 'de').map((q) => q.speakerMention),
    ).toEqual(['ein Sprecher der Stadt']);
  });

  it('takes the particle into the cue only where it closes the clause, not where it opens the speaker', () => {
    const [said] = quotes('„Das ist eine kluge Geschichte“, sagte ein Jury-Mitglied.', 'de');
    expect(said).toMatchObject({ speaker: 'ein Jury-Mitglied', anonymous: true, cue: 'sagte' });
    expect(quotes('Der Minister räumte ein: „Das war ein Fehler.“', 'de')[0]).toMatchObject({
      speaker: 'Der Minister',
      cue: 'räumte ein',
    });
  });
});

describe('speakers: German prepositions and passives', () => {
  it('ends the phrase after "laut" before the next article, and reads it as an unnamed source', () => {
    const text =
      'Kathrin Passig gewann den Preis. Das Buch ist laut einem Jury-Mitglied eine „kluge und komische Geschichte über das Nicht-Überleben“. Sie freut sich.';
    expect(quotes(text, 'de')[0]).toMatchObject({ speaker: 'einem Jury-Mitglied', anonymous: true });
  });

  it('reads "wird X … wie folgt zitiert:" as X', () => {
    const text =
      'Watzke ist Geschäftsführer. Zur aktuellen Lage wird Watzke auf der Internetseite von Borussia Dortmund wie folgt zitiert: „Es gab bestimmt auch Jahre hier beim BVB, wo ich das Amt lieber übernommen hätte.“';
    expect(speakers(text, 'de')).toEqual(['Watzke']);
  });
});

describe('speakers: a sentence that opens with "Wie X sagte," or "As X said,"', () => {
  it('gives the quote to the opener’s subject, not to the main clause’s', () => {
    expect(
      speakers(
        'Wie der Finanzminister Hartmut Möllring am Dienstag in Hannover erklärte, sieht die Landesregierung in dem Gesetz „kein Hindernis für den freien Kapitalverkehr“.',
        'de',
      ),
    ).toEqual(['Hartmut Möllring']);
    expect(
      speakers('Wie die Polizei mitteilte, war der Fahrer „stark alkoholisiert und sehr schnell“.', 'de'),
    ).toEqual(['Polizei']);
    expect(
      speakers('As Mayor Ana Ruiz said on Tuesday, the pier is “a disgrace to the city” and must go.'),
    ).toEqual(['Ana Ruiz']);
  });

  it('needs a speech verb in the opener', () => {
    expect(
      speakers('As the storm approached, the pier was “a disgrace to the whole city” and had to go.'),
    ).toEqual([null]);
  });
});

describe('speakers: names in long subjects and lead-ins', () => {
  it('prefers the clause that is a full name over a one-word clause of an apposition', () => {
    expect(
      speakers(
        'Maurice Obstfeld, a former IMF chief economist who now teaches at the University of California, Berkeley, has warned that the Fed could “drive the world economy into an unnecessarily harsh contraction.”',
      ),
    ).toEqual(['Maurice Obstfeld']);
  });

  it('takes the name before the first comma after "according to"', () => {
    expect(
      speakers(
        'The agent was gone. According to Patrick Nielsen Hayden, shortly before Ford’s death, his agent Valerie Smith “was beginning the process of essentially vanishing” from the industry.',
      ),
    ).toEqual(['Patrick Nielsen Hayden']);
    expect(
      speakers(
        'Nach Angaben der Sprecherin der FDP-Fraktion, Gisela Piltz, ist der Plan „völlig verfehlt und teuer“.',
        'de',
      ),
    ).toEqual(['Gisela Piltz']);
  });

  it('does not take a place in a colon lead-in for the speaker', () => {
    expect(
      speakers(
        'Marsha P. Johnson avait été l’une des premières à s’engager lors des émeutes de Stonewall à New York, en 1969 : «C’est la révolution. Dieu merci.» Marsha était une fleur.',
        'fr',
      ),
    ).toEqual(['Marsha P. Johnson']);
  });

  it('names no one for a pronoun joined to a name ("he and Mike")', () => {
    expect(
      speakers(
        'Martha added that before the death, he and Mike had corresponded, and the letter Mike wrote was “kind and loving.”',
      ),
    ).toEqual([null]);
  });
});

describe('the name finder: the rest of an organisation’s name, and German abstract nouns', () => {
  it('finds no person in "Center for Disaster Preparedness" or "Department of Water Resources"', () => {
    expect(
      names(
        'Jeff Schlegelmilch, deputy director of the National Center for Disaster Preparedness, spoke. The Department of Water Resources agreed. Secretary of State Mike Pompeo came.',
      ),
    ).toEqual(['Jeff Schlegelmilch', 'Mike Pompeo']);
  });

  it('finds no person in what an office is of: "Head of Fundamental Research", "Governor of New York"', () => {
    expect(
      names(
        'Rusmik Oza, Head of Fundamental Research at a bank, spoke. The Governor of New York agreed. Pankaj Pandey came.',
      ),
    ).toEqual(['Rusmik Oza', 'Pankaj Pandey']);
    // So a pronoun after "Head of Research" goes to the person just named, not to a department.
    expect(
      speakers(
        'Rusmik Oza, Head of Fundamental Research at a bank, spoke first.\n\nPankaj Pandey, Head of Research at a broker, pointed out that this is a stock-specific market.\n\n“It is a stock-specific market,” he said.',
      ),
    ).toEqual(['Pankaj Pandey']);
  });

  it('takes no German abstract noun for a first name', () => {
    expect(names('Nach ihrer letzten Veröffentlichung Lyophilia kam das Buch. Neil Young sang.')).toEqual([
      'Neil Young',
    ]);
  });
});

describe('speakers: the subject of a later verb, and of paragraphs that carry it on', () => {
  it('keeps the verb nearest the quote when it has a subject of its own after "when"', () => {
    expect(
      speakers(
        'Boris Johnson came. Audience members laughed when he urged voters, “Look what I have said I’m going to do.”',
      ),
    ).toEqual(['Boris Johnson']);
    expect(
      quotes('She wrote that the evidence described in the report was “thin and badly sourced” and more.')[0]!
        .cue,
    ).toBe('wrote');
  });

  it('follows paragraphs that open with the same pronoun back to the person they are about', () => {
    const text =
      'Taylor Swift posted on Twitter accusing Big Machine of trying to stop her.\n\nShe claimed the label thought the performance would amount to a re-recording.\n\n"I just want to be able to perform my own music," she said.';
    expect(speakers(text)).toEqual(['Taylor Swift']);
    expect(speakers(text.replace('She claimed', 'Critics claimed'))).toEqual([null]);
  });
});

describe('speakers: more English cues', () => {
  it('reads "As X put it, “…”" and "he’d respond, “…”"', () => {
    expect(
      speakers(
        'Neil Gaiman came. As Gaiman put it, “Had he taken The Dragon Waiting and written a sequence of five books.”',
      ),
    ).toEqual(['Neil Gaiman']);
    expect(
      speakers(
        'John Ford wrote. When his editors would ask him to explain himself more, he’d respond, “I have a horror of being obvious.”',
      ),
    ).toEqual(['John Ford']);
  });

  it('takes the name right before the cue when the writer’s words finish the quote’s sentence', () => {
    expect(
      speakers(
        'Jane Starner came. “The thing with Elise bothered” Ford’s family, Starner said. “I don’t know whether they were completely estranged.”',
      ),
    ).toEqual(['Jane Starner', 'Jane Starner']);
    expect(speakers('“It was an attempt,” Ana Ruiz, a spokeswoman, said.')).toEqual(['Ana Ruiz']);
  });
});

describe('speakers: words in brackets right after a name', () => {
  it('are that person’s', () => {
    expect(
      speakers(
        'Auch Sprecher gratulierten Obama, so der Leiter der IAEA, Mohammed ElBaradei („Mir fällt niemand ein, der das mehr verdient“), und Jens Stoltenberg.',
        'de',
      ),
    ).toEqual(['Mohammed ElBaradei']);
    expect(
      speakers(
        'Several officials praised the plan, including Mayor Ana Ruiz (“We will rebuild it better”) and others.',
      ),
    ).toEqual(['Ana Ruiz']);
  });
});

describe('speakers: a German possessive after the speaker is the verb’s object', () => {
  it('ends the speaker before "seine Entscheidung"', () => {
    expect(
      speakers(
        '„Eine Beihilfe zu einem völkerrechtswidrigen Krieg liegt nicht vor“, begründet das Gericht seine Entscheidung für den Freispruch.',
        'de',
      ),
    ).toEqual(['Gericht']);
  });
});

describe('the name finder: a place or a thing is no person', () => {
  it('leaves out runs of capitals that end in a word for a place, and keeps surnames that are such words', () => {
    expect(
      names('Sitting in a booth at the Harlan Springs Cafe, Ruth Calloway met Stuart Hall and Grace Park.'),
    ).toEqual(['Ruth Calloway', 'Stuart Hall', 'Grace Park']);
    expect(names('The company that runs the AMAs, Dick Clark Productions, denies it.')).toEqual([]);
  });
});

describe('the name finder: a name given to a thing', () => {
  it('leaves out what follows "think of as" or "called them"', () => {
    expect(
      names(
        'These moments, which I came to think of as Iceberg Passages, came after the novelist Jo Walton explained them.',
      ),
    ).toEqual(['Jo Walton']);
    expect(names('The band called them Blue Notes, and Ana Ruiz kept the name.')).toEqual(['Ana Ruiz']);
    expect(names('A man known as John Smith called Ana Ruiz.')).toEqual(['John Smith', 'Ana Ruiz']);
  });
});

describe('speakers: "he" or "they" after a paragraph that names someone else', () => {
  const text = [
    'Big Machine Records said it was wrong. “At no point did we say she could not perform,” they said.',
    '“It should be noted that artists do not need label approval.”',
    'The company that runs the AMAs, Dick Clark Productions, denies that anything has been sorted, though.',
    '“Any final agreement needs to be made with her team,” they said.',
  ].join('\n\n');

  it('is not the speaker of the quote before; "they" is the one organisation the sentence before names', () => {
    expect(speakers(text).at(-1)).toBe('Dick Clark Productions');
  });

  it('names no one when the sentence before names a person too', () => {
    expect(
      speakers(
        text.replace(
          'Dick Clark Productions, denies',
          'Dick Clark Productions, and its head, Mark Lane, deny',
        ),
      ).at(-1),
    ).not.toBe('Big Machine Records');
  });

  it('names no one for "they" after several people: they are all of them, not the last', () => {
    const several =
      'The letter is backed by the presenter Anita Rani, the chef Hugh Fearnley-Whittingstall and charities.\n\nAnd they say the pandemic has “raised the stakes” for farmers.';
    expect(speakers(several)).toEqual([null]);
    const one =
      'The chef Hugh Fearnley-Whittingstall backs the letter.\n\nAnd he says the pandemic has “raised the stakes” for farmers.';
    expect(speakers(one)).toEqual(['Hugh Fearnley-Whittingstall']);
  });

  it('is the person named in the paragraph between, not the speaker of the quote before', () => {
    expect(
      speakers(
        'Mayor Ana Ruiz spoke first. “We will rebuild the pier,” she said.\n\nThe council chair, Maria Lopez, disagrees.\n\n“It will take ten years,” she said.',
      ),
    ).toEqual(['Ana Ruiz', 'Maria Lopez']);
  });

  it('still carries the speaker over paragraphs that name no one', () => {
    expect(
      speakers(
        'Mayor Ana Ruiz spoke first. “We will rebuild the pier,” she said.\n\nThe pier closed in May.\n\n“It will take a year,” she said.',
      ),
    ).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });
});

describe('speakers: a lead-in sentence with a preposition cue', () => {
  it('is the next quote’s lead-in when the cue opens it', () => {
    expect(
      speakers(
        'Nach Ansicht von Ministerpräsident Christian Wulff ist noch keine Vorentscheidung gefallen. „Es ist nur eine gutachterliche Stellungnahme.“ Aber auch wenn das Gesetz fällt, bleibt es.',
        'de',
      ),
    ).toEqual(['Christian Wulff']);
  });

  it('is not when the cue closes it: that sentence rests on what it names, the quote may not', () => {
    expect(
      speakers(
        'Puis, ils ont classé les tweets les plus partagés selon la source. "Normalement, ce sont les utilisateurs ordinaires qui propagent la désinformation, mais ce fut une exception".',
        'fr',
      ),
    ).toEqual([null]);
  });
});

describe('speakers: a "Wie X" clause with an apposition, or inside the sentence', () => {
  it('reads the opener past an apposition or a relative clause, and names the person in it', () => {
    expect(
      speakers(
        'Wie der Vorsitzende Richter, Ottmar Breidling, ausführte, hätte es durch die Anschläge „ein ungeheures Blutbad gegeben mit vielen Toten“.',
        'de',
      ),
    ).toEqual(['Ottmar Breidling']);
    expect(
      speakers(
        'Wie Norman Paech, der als Begleitung des Anwalts anwesend war, dazu feststellt, verlangt „der Tatbestand der Verschwörung zumindest das Mitwissen des Abschusses.“',
        'de',
      ),
    ).toEqual(['Norman Paech']);
  });

  it('reads "…, wie X sagt, „…“" and "…, as X put it, “…”" right before the quote', () => {
    expect(
      speakers(
        'Das Leben ist schwer, und dennoch, wie Hilde Domin sagt, „wir müssen dem Wunder leise wie einem Vogel die Hand hinhalten“.',
        'de',
      ),
    ).toEqual(['Hilde Domin']);
    expect(
      speakers('The plan was bad, as Ana Ruiz put it, “reckless and unfair to the whole town”.'),
    ).toEqual(['Ana Ruiz']);
  });
});

describe('speakers: German word order around the verb', () => {
  it('gives the quote to a person named before the verb, not to the object after it', () => {
    expect(
      speakers(
        'Der frühere Bürgermeister und Justizsenator, Henning Scherf (SPD), warnte die CDU vor einem „populistischen Wahlkampf“.',
        'de',
      ),
    ).toEqual(['Henning Scherf']);
    expect(
      speakers(
        'David Gamkrelids, der Parteivorsitzende, begründete die Forderung damit, dass Saakaschwili „ohne Vernunft und verantwortungslos“ entschieden habe.',
        'de',
      ),
    ).toEqual(['David Gamkrelids']);
  });

  it('keeps the subject after the verb when something else opens the sentence', () => {
    const [quote] = quotes(
      'Als Begründung sagte ein Wissenschaftler: „Das ist ein sehr breites Feld an Erkrankungen.“',
      'de',
    );
    expect(quote?.speakerMention).toBe('ein Wissenschaftler');
  });

  it('ends the speaker at a dash, a hyphen between spaces included', () => {
    const [quote] = quotes(
      'Die Verkehrsträger unterschiedlich zu besteuern sei aus „Verbrauchersicht völlig unverständlich“, warnt er - zumal auch der Bus ein klimafreundliches Verkehrsmittel sei.',
      'de',
    );
    expect(quote?.speakerMention).toBe('er');
  });

  it('never takes a sentence adverb for the speaker: the pronoun after the verb is', () => {
    expect(mentionBefore('Endlich habe ')).toBe('');
    for (const text of [
      'Zugleich mahnte sie: „Wir dürfen jetzt nicht aufgeben.“',
      'Freilich sagt er „das ist doch alles Quatsch“ und lacht.',
    ])
      expect(quotes(text, 'de')[0]?.speakerMention).toMatch(/^(?:sie|er)$/);
  });

  it('reads "„…“ Das sagte X": the demonstrative is the object, the subject follows the verb', () => {
    expect(
      speakers(
        '„Das ist ein großer Erfolg für uns alle.“ Das sagte Ursula von der Leyen am Montag in Brüssel.',
        'de',
      ),
    ).toEqual(['Ursula von der Leyen']);
  });

  it('ends the speaker at a second verb, and keeps a pronoun without the adverbs after it', () => {
    expect(
      speakers('„Wir müssen die Straße sofort sperren“, sagt Tobias Trommer und zeigt auf den Damm.', 'de'),
    ).toEqual(['Tobias Trommer']);
    for (const text of [
      '„Das war knapp, aber am Ende hat es gereicht“, sagte er damals.',
      '„Das war knapp, aber es hat gereicht“, sagte er sichtlich überrascht.',
    ])
      expect(quotes(text, 'de')[0]?.speakerMention).toBe('er');
    expect(quotes('„Wir kommen bald wieder“, sagten sie und ihr Mann.', 'de')[0]?.speakerMention).toBe(
      'sie und ihr Mann',
    );
  });

  it('reads a subject past the parenthesis that describes it', () => {
    expect(
      speakers(
        'Prof. Dr. Alexander Saberschinsky (Theologieprofessor und Referent für Liturgie in der ' +
          'Hauptabteilung Seelsorge des Generalvikariats Köln) erklärt im Domradio-Interview die Wirkung ' +
          'des Segens so: "Ich möchte einen Vergleich heranziehen aus dem zwischenmenschlichen Bereich."',
        'de',
      ),
    ).toEqual(['Alexander Saberschinsky']);
    expect(mentionBefore('Sen. Ben Sasse (R-Nebraska) ')).toBe('Sen. Ben Sasse');
  });

  it('takes "so" before a verb for the verb, and a pronoun without the manner after it', () => {
    expect(quotes('„Wir“, so sagen sie voller Stolz, „sind arbeitende Kinder“.', 'de')[0]).toMatchObject({
      speakerMention: 'sie',
      cue: 'sagen',
    });
    expect(speakers('„Wir sind“, so sagte Merkel, „arbeitende Kinder“.', 'de')).toEqual(['Merkel']);
    expect(speakers('„Wir sind arbeitende Kinder“, sagte Merkel voller Stolz.', 'de')).toEqual(['Merkel']);
  });

  it('names nobody who is only described through a noun before them', () => {
    expect(mentionBefore('Diese Abteilung hat 60 Dokumentare, ein großer Apparat, dessen Chef ')).toBe('');
    expect(
      speakers(
        'Diese Abteilung hat 60 Dokumentare, ein großer Apparat, dessen Chef sagt: »Wir glauben nichts.«',
        'de',
      ),
    ).toEqual([null]);
  });

  it('hears nobody in "es gibt"', () => {
    expect(
      quotes('Es gibt zahlreiche "erste" Erwähnungen der Traube, doch die älteste ist von 1435.', 'de'),
    ).toEqual([]);
  });

  it('takes no preposition phrase or modal clause for a speaker', () => {
    expect(mentionBefore('Neben dem sehr gemischten Ergebnis ')).toBe('');
    expect(mentionBefore('Ich möchte mich eigentlich nicht beschweren ')).toBe('');
    expect(mentionBefore('Das erklärte der Präsident der 27')).toBe('');
    expect(mentionBefore('Die Initiative Kopfbahnhof 21 ')).toBe('Die Initiative Kopfbahnhof 21');
  });

  it('leaves where, when and how out of the name, and reads past "auf Nachfrage"', () => {
    expect(speakers('„Das war ein schöner Abend“, sagte Deniz Yücel mit einem Augenzwinkern.', 'de')).toEqual(
      ['Deniz Yücel'],
    );
    expect(speakers('„Das war ein schöner Abend“, so Chris Eubank jüngst in einem Interview.', 'de')).toEqual(
      ['Chris Eubank'],
    );
    expect(speakers('„Das war ein schöner Abend“, erklärte damals Morten Hundt.', 'de')).toEqual([
      'Morten Hundt',
    ]);
    expect(
      speakers(
        'Eine offenbar fast unendliche Geschichte: „Mit dem Gutachter wird das Vorgehen abgestimmt“, erklärt auf Nachfrage Martin Rölen, Sprecher der Stadt.',
        'de',
      ),
    ).toEqual(['Martin Rölen']);
  });

  it('takes no clause in the subjunctive of reported speech for a speaker, and reads its auxiliary', () => {
    expect(mentionBefore('Weil die schadhaften Stellen wichtig für die Beweisaufnahme seien')).toBe('');
    expect(mentionBefore('Die Firma habe ')).toBe('Die Firma');
    expect(mentionBefore('Der Minister habe am Montag ')).toBe('Der Minister');
  });
});

describe('speakers: a pronoun stands for a person', () => {
  it('never for a name the text only gives with an article or a preposition of place before it', () => {
    expect(
      speakers(
        'Benjamin Netanyahu spoke on Monday. He then visited the Gush Etzion settlement bloc. “Here we are on a historic day,” he said.',
      ),
    ).toEqual(['Benjamin Netanyahu']);
    expect(
      speakers('The talks were held at the Hilton Toronto last week. “Nobody expected that,” he told me.'),
    ).toEqual([null]);
    expect(
      speakers(
        'Will Smith hat ein Video geteilt. Den Clip kommentierte er und schrieb: „Es war nicht immer so zwischen uns.“',
        'de',
      ),
    ).toEqual(['Will Smith']);
  });

  it('never for a country, a trust or an office the sentence before names', () => {
    expect(
      speakers(
        'Meghan moved to the United States last year. “I was not allowed to drive anywhere,” she said.',
      ),
    ).toEqual([null]);
    expect(
      speakers('The Independent Transportation Trust met on Monday. “We need the full service,” he said.'),
    ).toEqual([null]);
    expect(
      speakers('Mitchell later met the Finance Minister in Paris. “It went well and we agreed,” he said.'),
    ).toEqual([null]);
  });
});

describe('speakers: an antecedent comes before its pronoun', () => {
  it('takes no name the pronoun’s own sentence gives after it, nor one a paragraph opened by the same pronoun gives as its object', () => {
    const text =
      'Patrick Carlineo, 55, pleaded guilty on Monday.\n\nHe was arrested in April for the March 21 call to the offices of Ilhan Omar.\n\nDuring the call, he asked about the Muslim Brotherhood, called Ilhan Omar a “terrorist and a traitor to the country” and hung up.';
    expect(speakers(text)).toEqual(['Patrick Carlineo']);
  });
});

describe('speakers: what follows a verb is not always who spoke', () => {
  it('takes nobody after a participle that follows the quote', () => {
    const [quote] = quotes(
      'Pompeo said that the settlements were "not, per se, inconsistent with international law", ' +
        'saying he trusted the Israeli courts to decide.',
    );
    expect(quote?.speakerMention).toBe('Pompeo');
    expect(quote?.cue).toBe('said');
  });

  it('reads no party and state as a speaker', () => {
    expect(
      quotes(
        'Sen. Ben Sasse, R-Neb., called his death "a crisis of public trust" within the prison system.',
      )[0]?.speakerMention,
    ).toBe('Sen. Ben Sasse');
  });

  it('reads no region after a place for the speaker', () => {
    expect(mentionBefore('Jane Doe of Austin, Texas, ')).toBe('Jane Doe of Austin');
    expect(
      quotes('A resident of Austin, Texas, said the plan was “a disaster for everyone.”')[0],
    ).toMatchObject({
      speakerMention: 'A resident of Austin',
      anonymous: true,
    });
    expect(mentionBefore('Ana Ruiz, Texas ')).toBe('Texas');
    expect(mentionBefore('Ana Ruiz, the mayor of Austin, Texas, ')).toBe('Ana Ruiz');
    expect(mentionBefore('a student at Wesleyan University, the college in Middletown, Connecticut, ')).toBe(
      'a student at Wesleyan University',
    );
  });

  it('takes the subject of what was said for no speaker', () => {
    expect(
      speakers('SBM Intel, a Lagos intelligence firm, says Nigeria is “at risk” of another recession.'),
    ).toEqual(['SBM Intel']);
  });

  it('keeps an unnamed reader or user unnamed, whatever platform or place is named with them', () => {
    for (const mention of ['one Weibo commenter', 'a Harvard student'])
      expect(quotes(`“We will be back soon, all of us,” ${mention} said.`)[0]).toMatchObject({
        speaker: mention,
        anonymous: true,
      });
  });
});

describe('speakers: a sentence that reacts to a quote', () => {
  it('takes no speaker from a sentence that laughs or sighs after the quote', () => {
    const text =
      'Mr. Trump told the story at a meeting. “And I said, ‘I want more.’ They said, ‘Tell them to buy ' +
      'larger tractors. It’s very simple.’” The cabinet members gathered around Mr. Trump laughed.';
    expect(quotes(text)[0]?.speakerMention).not.toBe('The cabinet members gathered around Mr. Trump');
    expect(quotes('“It is all very simple, really,” Ana Ruiz laughed.')[0]?.speakerMention).toBe('Ana Ruiz');
  });

  it('ends the sentence with a quote that ends inside a quote of its own', () => {
    const text = '“They said, ‘It’s very simple.’” The mayor sighed.';
    expect(quotes(text)[0]?.speakerMention ?? null).toBeNull();
  });
});

describe("speakers: someone's source", () => {
  it('keeps a source unnamed, whoever and wherever is named around it', () => {
    expect(
      quotes(
        "Reporter Nisan Ahmado's source inside the Rukban camp said that the ministry’s claim is “absolutely not true.”",
      )[0],
    ).toMatchObject({ speaker: "Reporter Nisan Ahmado's source inside the Rukban camp", anonymous: true });
  });
});

describe('cues: a capitalised verb inside a name', () => {
  it('reads "States" in "the United States" as no cue, and still reads a cue opening a sentence', () => {
    expect(
      quotes(
        'The United States faced stiff criticism on Tuesday, while the premier cheered on the "historic" move.',
      ),
    ).toEqual([]);
    expect(
      speakers(
        'The vote was close. Said Council member Tom Baker: "We will be back next week with a better plan."',
      ),
    ).toEqual(['Tom Baker']);
  });
});

describe('speakers: the tenth round (split quotes, wire marks, pronouns)', () => {
  it('joins “A,” he said. “B.” when the next sentence declines to say anything', () => {
    const text =
      'Marco Villa, the chief operating officer, said Tyvak would build landers. “We’re going to start with something smaller,” he said. “Our flexibility is going to lead us to fulfill more complex missions.” He declined to say when the lander would be ready.';
    expect(quotes(text)).toMatchObject([
      {
        text: 'We’re going to start with something smaller … Our flexibility is going to lead us to fulfill more complex missions.',
        speaker: 'Marco Villa',
      },
    ]);
  });

  it('reads a wire’s two closing single marks as one double mark, offsets unchanged', () => {
    const text =
      'Critics cried foul.\n\n“It was an attempt to mislead voters,’’ Will Moy, chief executive of Full Fact, told the BBC. “And I think it is misleading.”';
    const [quote] = quotes(text);
    expect(quote).toMatchObject({
      text: 'It was an attempt to mislead voters … And I think it is misleading.',
      speaker: 'Will Moy',
    });
    expect(quote!.selector.exact).toBe('It was an attempt to mislead voters,');
    expect(text.slice(quote!.selector.exact.length + quote!.start).startsWith('’’ Will Moy')).toBe(true);
  });

  it('takes the pronoun before the verb as its subject, but not in a clause of its own', () => {
    expect(
      speakers(
        'Director Bong Joon Ho said backstage that no one could predict the Oscars.\n\nSpeaking through an interpreter he added; “It is true that the momentum is building and we are part of the race.”',
      ),
    ).toEqual(['Bong Joon Ho']);
    expect(
      quotes(
        'John Podesta wrote an op-ed with the headline "Something is deeply broken at the FBI," calling the department out for what he said was a "lackadaisical response to the plot."',
      ).map((quote) => quote.text),
    ).toEqual(['Something is deeply broken at the FBI', 'lackadaisical response to the plot.']);
  });

  it('gives a partial quote to a pronoun that closes the sentence, the day after the verb', () => {
    const text =
      '“The worst is yet to come,” said chief economist Pierre-Olivier Gourinchas. Three economies are stalling. Countries will contract, suggesting that 2023 “will feel like a recession” to many people around the world, he said Tuesday.';
    expect(speakers(text)).toEqual(['Pierre-Olivier Gourinchas', 'Pierre-Olivier Gourinchas']);
  });

  it('leaves a pronoun unattributed when the paragraph before names two people of unknown gender', () => {
    const text =
      'Taylor Swift got support last week.\n\nTaylor Swift’s albums were bought by a company owned by Scooter Braun earlier this year.\n\nIn a post at the time she described this as the “worst case scenario” and “years of manipulative bullying”.';
    expect(speakers(text)).toEqual([null, null]);
  });

  it('prefers the person known to be of the pronoun’s gender in the sentence before', () => {
    const text =
      'He wrote plays. When Ford visited his editor Teresa Nielsen Hayden at her office, he would scribble poems. “Life was not long enough,” she recalled, “for Mike to do all the stuff.”';
    expect(speakers(text)).toEqual(['Teresa Nielsen Hayden']);
    const before = 'Ford, whom John M. Ford’s friends knew well, wrote plays. ' + text;
    expect(speakers(before)).toEqual(['Teresa Nielsen Hayden']);
  });
});

describe('the name finder: a German noun, a preposition and one word', () => {
  it('reads “Sketche von Loriot” as no name, and Loriot’s words as his', () => {
    expect(names('Viele Sketche von Loriot sind berühmt.')).toEqual([]);
    expect(names('Bundespräsident von Weizsäcker sprach.')).toEqual(['von Weizsäcker']);
    // "Enter" and "Meet" open a heading that introduces someone, and are no given names.
    expect(names('Enter Stuart R. Kaplan, who sold tarot cards. Meet Jane Doe, the mayor.')).toEqual([
      'Stuart R. Kaplan',
      'Jane Doe',
    ]);
    expect(
      speakers(
        'Viele Sketche von Loriot sind berühmt. In der Talkshow sagte Loriot 1979 einst selbst: Satire richte sich „grundsätzlich gegen die Macht“.',
        'de',
      ),
    ).toEqual(['Loriot']);
  });

  it('reads a particle before a given name and a surname as a preposition: “Santorum von Sarah Palin”', () => {
    expect(names('Unterstützung bekam Santorum von Sarah Palin am Montag.')).toEqual(['Sarah Palin']);
    expect(names('Es sprachen Ursula von der Leyen, Charles de Gaulle und Vincent van Gogh.')).toEqual([
      'Ursula von der Leyen',
      'Charles de Gaulle',
      'Vincent van Gogh',
    ]);
  });
});

describe('speakers: a reported clause with a speaker of its own', () => {
  it('gives the words to the subject of “that … had called”, not to whoever reports it', () => {
    const lead = 'The council met late. ';
    expect(
      speakers(
        `${lead}Ana Ruiz reported that the mayor had called the plan “reckless and unfair” on Monday.`,
      ),
    ).toEqual(['the mayor']);
    expect(
      speakers(`${lead}Ana Ruiz said that she had called the plan “reckless and unfair” on Monday.`),
    ).toEqual(['Ana Ruiz']);
    const relayed =
      'Sui-Lee Wee covers China for the paper. Wee of the Times reports that censors had also instructed news aggregators to “block and control” discussions of the plague.';
    expect(speakers(relayed)).not.toContain('Sui-Lee Wee');
  });
});

describe('speakers: a pronoun and its verb before a participle cue', () => {
  it('reads “He estimated …, adding: “…”” as his, and a relative clause’s subject as its own', () => {
    expect(
      speakers(
        'Donald Trump spoke on Tuesday. He estimated the price to be $4 billion, adding: “Cancel order!”',
      ),
    ).toEqual(['Donald Trump']);
    expect(
      speakers(
        'Damien Chazelle wrote the film. On the circuit, he met Ryan Gosling, who apparently told Chazelle he “had been wanting to do a kind of Gene Kelly-ish thing.”',
      ),
    ).toEqual(['Ryan Gosling']);
  });
});

describe('speakers: nouns that look like cues, and cues in a leading clause', () => {
  it('reads a possessive inside a run of capitals as an owner: “Woman’s Weekly” is no person', () => {
    expect(names('She spoke to Woman’s Weekly about it.')).toEqual([]);
    expect(names('A lawyer, the ACLU’s Jay Stanley, said so.')).toEqual(['Jay Stanley']);
  });

  it('reads “received comments including “…”” as a noun, not the verb “comments”', () => {
    const lead = 'Céline Dion sang at the gala. ';
    expect(speakers(`${lead}She received comments including “Eat something please” and more.`)).not.toContain(
      'Céline Dion',
    );
    expect(speakers(`${lead}She comments, “It is fine.”`)).toEqual(['Céline Dion']);
  });

  it('gives a main clause’s quote to no verb of a leading “When …,” clause', () => {
    const lead = 'Céline Dion sang at the gala. ';
    expect(
      speakers(
        `${lead}When Dion posted photos of her gown, for example, she received comments including “Eat something please” and more.`,
      ),
    ).not.toContain('Céline Dion');
    expect(speakers(`${lead}When she said the plan was “a disaster”, nobody laughed.`)).toEqual([
      'Céline Dion',
    ]);
  });
});

describe('speakers: German nouns after an article and its adjectives', () => {
  it('reads a noun the text prints after “der deutschen” as no name, even where no article stands before it', () => {
    const text =
      'Es ist, als hätte es sich die deutsche Sprache zur Aufgabe gemacht. Ich bin der deutschen Sprache zugewandt. ' +
      'Der Umgang liegt zwar nicht in der Sprache, aber in der Vergangenheit begründet: „Das ist lange her.“';
    expect(speakers(text, 'de')).toEqual([null]);
  });

  it('reads “das heißt” as “that is”, no cue: “Das heißt die Unterscheidung, so Foucault, „…“”', () => {
    expect(
      speakers(
        'Michel Foucault schrieb viel. Das heißt die Unterscheidung, so Foucault, „was leben soll und was sterben kann“.',
        'de',
      ),
    ).toEqual(['Michel Foucault']);
    expect(
      speakers('Der Bericht ist da. „Wir sind zufrieden“, heißt es in der Erklärung des Ministeriums.', 'de'),
    ).toEqual(['Ministerium']);
  });

  it('keeps “die frühere Gouverneurin Alaskas” as a description: the head before a name’s genitive', () => {
    expect(
      speakers('Es war ein langer Tag. „Genug ist genug“, sagte die frühere Gouverneurin Alaskas.', 'de'),
    ).toEqual(['die frühere Gouverneurin Alaskas']);
  });
});

describe('speakers: whom the words went to, and what was posted', () => {
  it('gives “Its statement” and “the company’s statement” to the one organisation named just before', () => {
    expect(
      speakers(
        'Big Machine Records fired back on Friday.\n\nThe company’s statement claimed, “We were shocked to see her posts.” The firm’s statement asserted, “We will defend ourselves.”',
      ),
    ).toEqual(['Big Machine Records', 'Big Machine Records']);
    expect(
      speakers(
        'Big Machine Records and Acme Corp fired back on Friday. Its statement claimed, “We were shocked to see her posts.”',
      ),
    ).toEqual([null]);
    expect(speakers('“We will defend ourselves,” Tom Baker asserted.')).toEqual(['Tom Baker']);
    // Not the issuer of an earlier statement.
    expect(
      speakers(
        'Kirstie Alley issued a statement on Monday.\n\nThe firm’s statement asserted, “We will defend ourselves against these claims.”',
      ),
    ).toEqual([null]);
  });

  it('reads an object pronoun after the verb as no speaker, and an unnamed friend as anonymous', () => {
    expect(
      quotes('Ein langjähriger Freund sagte Ihnen einmal: „Sharon, du bist wie ein Ferrari.“', 'de').map(
        (quote) => [quote.speaker, quote.anonymous],
      ),
    ).toEqual([['Ein langjähriger Freund', true]]);
  });

  it('reads a document after the verb as its object, not its speaker', () => {
    expect(
      speakers(
        'Brendan Eich stepped down on April 3, 2014 and Mitchell Baker, chairwoman of Mozilla Corporation, posted a statement on the Mozilla blog: "We didn’t move fast enough."',
      ),
    ).toEqual(['Mitchell Baker']);
    // A document and then a clause of the subject's own: the subject's words.
    expect(
      speakers(
        'Kirstie Alley got Lyme disease. And she wrote an angry post about it on Twitter, calling the illness a “miserable, hideous creepazoid” and adding “f**k ticks.”',
      ),
    ).toEqual(['Kirstie Alley', 'Kirstie Alley']);
    // "the release of the hostages" is no document.
    expect(
      speakers(
        'Secretary of State Mike Pompeo said the release of the hostages “gives us hope for the negotiations.”',
      ),
    ).toEqual(['Mike Pompeo']);
  });

  it('gives a pronoun no one from paragraphs before, when its paragraph opens a sentence with someone unnamed', () => {
    const text =
      'Der Datenschützer Johannes Caspar erklärt die Regeln. „Die Meldung muss binnen 72 Stunden erfolgen“, sagte er dem NDR.\n\nDaten aus Protest\n\nReporter fanden die Person. Der Mann veröffentlicht regelmäßig Daten. Er sagt von sich selbst: „Ich habe die Daten veröffentlicht“, schrieb er dem NDR.';
    expect(speakers(text, 'de')).toEqual(['Johannes Caspar', null]);
    expect(
      speakers(
        'Der Datenschützer Johannes Caspar erklärt die Regeln.\n\nDer Mann veröffentlicht regelmäßig Daten. Er sagt: „Ich habe die Daten veröffentlicht.“',
        'de',
      ),
    ).toEqual([null]);
  });
});

describe('cues: going on, whom it was told to, and a pronoun after a setting', () => {
  it('reads “X went on, “…”” as X’s, and not “went on to win”', () => {
    expect(
      speakers('Kirstie Alley spoke. Alley went on, “I also remember that I owed the IRS a lot of money.”'),
    ).toEqual(['Kirstie Alley']);
    expect(
      quotes('The show went on to win prizes. “It was great,” Tom Baker said.').map((quote) => quote.cue),
    ).toEqual(['said']);
  });

  it('reads “told the girl”, “added to the magazine” and “an officer”', () => {
    expect(
      quotes('"Come on, sweetheart. You are going to be OK," an officer told the girl.').map((quote) => [
        quote.speaker,
        quote.cue,
      ]),
    ).toEqual([['an officer', 'told the girl']]);
    expect(
      speakers('Céline Dion danced. “I do this four times a week,” Dion added to the magazine.'),
    ).toEqual(['Céline Dion']);
  });

  it('takes the pronoun before the verb when a setting opens the clause, not after a comma', () => {
    expect(
      speakers('Kirstie Alley spoke. Back in 2009 she told Oprah, “This paparazzo said to me, turn around.”'),
    ).toEqual(['Kirstie Alley']);
    expect(
      speakers(
        '“It is difficult,” Michelle Hege said.\n\nWhile the “Meth. We’re on it.” campaign did not appeal to Julie Graham, a public information officer, she said she did not want to judge it.',
      ),
    ).toEqual(['Michelle Hege', null]);
  });
});

describe('the name finder: possessives and compound given names', () => {
  it('leaves the possessive out of a name', () => {
    expect(names("Taylor Swift’s albums and Ana Jones’ car and Tom Baker's dog met Later Day.")).toEqual([
      'Taylor Swift',
      'Ana Jones',
      'Tom Baker',
    ]);
  });

  it('reads a compound given name by its first part', () => {
    expect([
      givenNameGender('Pierre-Yves'),
      givenNameGender('Marie-Pierre'),
      givenNameGender('Jean-Paul'),
    ]).toEqual(['m', 'f', null]);
  });
});

describe('the name finder: the pronoun I', () => {
  it('ends no name with the pronoun I, but keeps a ruler’s number after a given name', () => {
    const found = names(
      'WOW. I couldn’t believe this. Sure I may not have planned to cure cancer. But I had plans! Queen Elizabeth I ruled long.',
    );
    expect(found).toContain('Elizabeth I');
    expect(found).not.toContain('Sure I');
  });
});

describe('speakers: genders near a name', () => {
  it('reads no city or surname in -in as a German feminine role noun', () => {
    const text =
      'Anis Amri, suspect in Berlin truck attack, was killed.\n\nSome accounts said that Amri screamed during the shooting. All accounts agreed he yelled, “police b——s” during the shootout.';
    expect(speakers(text)).toEqual(['Anis Amri']);
    expect(
      speakers(
        'Eva Roth, Sprecherin der Stadt, kam. Tom Baker kam auch. „Wir bauen die Brücke neu“, sagte sie.',
        'de',
      ),
    ).toEqual(['Eva Roth']);
  });

  it('takes no owner named with a possessive for the subject, when someone else is named without one', () => {
    const text =
      'Zach Parise scored twice. Wild defenseman Ryan Suter, who joked about Parise’s penchant for changing sticks, could see the frustration on his friend’s face.\n\n“He’s used to scoring goals, getting points,” he said.';
    expect(speakers(text)).toEqual(['Ryan Suter']);
    expect(speakers(text.replace('\n\n', ' '))).toEqual(['Ryan Suter']);
  });

  it('takes no name after a preposition for the subject, when someone there is named without one', () => {
    const apposition =
      'Kirstie Alley came back.\n\nIn 2014 the former chief marketing officer for Jenny Craig, Leesa Eichberger, spoke to the website Ad Age about Alley being welcomed back. “Her humor set her apart,” she said.';
    expect(speakers(apposition)).toEqual(['Leesa Eichberger']);
    // Every person in the paragraph after a preposition: none is its subject, and the last named is no
    // safe guess either.
    const objects =
      'Parting ways with Jenny Craig led to a bad period for Kirstie Alley. In 2009 she told People that she had gained weight. She explained, “There is responsibility.”';
    expect(speakers(objects)).toEqual([null]);
    // Nor a name after "a": "a Jenny Craig weight loss spokeswoman" is a kind of spokeswoman.
    expect(
      speakers(
        'Kirstie Alley lost weight. That same year, Alley became a Jenny Craig weight loss spokeswoman. And in 2005 she told The Telegraph newspaper, “I was never comfortable with being fat.”',
      ),
    ).toEqual(['Kirstie Alley']);
  });

  it('reads “telling NAME” as whom the subject told, and no subject inside a leading “if” clause', () => {
    expect(
      speakers(
        'Donald Trump wrote a book with Tony Schwartz. Tony Schwartz spoke at length, telling reporters, “I put lipstick on a pig.”',
      ),
    ).toEqual(['Tony Schwartz']);
    expect(
      speakers(
        'Donald Trump wrote a book with Tony Schwartz. If Trump actually read it, Schwartz would have been surprised, telling Mayer, “I doubt that he ever read a book.”',
      ),
    ).toEqual([null]);
    expect(speakers('It was a telling moment. “I put lipstick on a pig,” Tony Schwartz said.')).toEqual([
      'Tony Schwartz',
    ]);
  });

  it('reads “issued a statement warning that …” as the organisation’s, named after its article', () => {
    expect(
      speakers(
        'The Electoral Commission issued a statement warning that “voters are entitled to transparency.”',
      ),
    ).toEqual(['Electoral Commission']);
    expect(
      speakers(
        'The Taxpayers Alliance published figures in March, insisting that “the budget does not add up.”',
      ),
    ).toEqual(['Taxpayers Alliance']);
    // A passive: the organisation heard the words.
    expect(speakers('The vote ended late. The Electoral Commission was told: “The count is wrong.”')).toEqual(
      [null],
    );
  });

  it('takes no participle after a preposition, or opening the sentence, for a cue', () => {
    expect(
      speakers(
        'Michael Bloomberg spoke. Sen. Elizabeth Warren quickly accused Michael Bloomberg of arguing “the economy would be better off if we let banks be more racist.”',
      ),
    ).toEqual([null]);
    expect(
      quotes(
        'Michael Bloomberg spoke. Explaining why he argued in 2015 that throwing young minorities “up against walls” was smart.',
      ).map((quote) => quote.cue),
    ).toEqual(['argued']);
    // After "after", "before", "by", "while": the subject's own words.
    expect(
      speakers(
        'Health Minister Stephen Donnelly came in for criticism last night after saying "the virus" would be responsible.',
      ),
    ).toEqual(['Stephen Donnelly']);
  });

  it('keeps an unnamed person described by where they are, not the place’s name', () => {
    expect(
      speakers(
        'As one buyer on the Evolution market, elmo666, wrote to me over the site’s messaging system, “My motivations were selfish.”',
      ),
    ).toEqual(['one buyer on the Evolution market']);
  });

  it('reads whom the words went to as part of the cue', () => {
    expect(
      speakers('Indeed, Céline Dion adamantly revealed to the media, “I’ve never felt this in charge.”'),
    ).toEqual(['Céline Dion']);
    expect(speakers('“Dancing has been in my DNA all of my life,” Céline Dion explained to People.')).toEqual(
      ['Céline Dion'],
    );
  });

  it('takes the first person of the owner’s sentence for its subject, not the last before the owner', () => {
    const text =
      'Chris Anderson and Lee Hartley were in court.\n\nMr Anderson, who quit Future Publishing in 2001 and now runs TED, had taken the witness box during Hartley’s trial.\n\nHe told the jury: “She was days away from flying out to New York.”';
    expect(speakers(text)).toEqual(['Chris Anderson']);
  });

  it('gives a surname after a title the one full name the text gave it', () => {
    expect(names('His Honour Judge Neil Ford QC sentenced him. Judge Ford said more.')).toEqual([
      'Neil Ford',
      'Neil Ford',
    ]);
    expect(names('Chris Anderson came. Mr Anderson left.')).toEqual(['Chris Anderson', 'Chris Anderson']);
    expect(names('Chris Anderson and Lucy Anderson came. Dr Anderson left.')).toEqual([
      'Chris Anderson',
      'Lucy Anderson',
      'Anderson',
    ]);
    // A title of one gender, and one of the two of that gender.
    expect(names('Chris Anderson and Lucy Anderson came. Mr Anderson left. Ms Anderson stayed.')).toEqual([
      'Chris Anderson',
      'Lucy Anderson',
      'Chris Anderson',
      'Lucy Anderson',
    ]);
    // "M." keeps its full stop in the text and loses it in the title.
    expect(names('Marc Henry et Marie Henry sont venus. M. Henry est parti. Mme Henry est restée.')).toEqual([
      'Marc Henry',
      'Marie Henry',
      'Marc Henry',
      'Marie Henry',
    ]);
    expect(names('Chris Anderson and Tom Anderson came. Mr Anderson left.')).toEqual([
      'Chris Anderson',
      'Tom Anderson',
      'Anderson',
    ]);
  });

  it('takes no place opening with New, North, South, East or West for a person', () => {
    expect(names('New York has more cases than any country. North Carolina voted.')).toEqual([]);
  });

  it('reads “he” as a man named with a short form the given-name list leaves out (“Bill”)', () => {
    const text =
      'New York state now has more cases than any country.\n\nNew York City Mayor Bill de Blasio indicated that burials might be needed.\n\n"Obviously the place we have used historically is Hart Island," he said.';
    expect(speakers(text)).toEqual(['Bill de Blasio']);
    expect(speakers(text.replace(/New York (?:state|City)/gu, 'Albany'))).toEqual(['Bill de Blasio']);
    expect(
      speakers(
        'Jordan Baker and Bill Evans spoke. Evans said burials might be needed.\n\n"Obviously it is Hart Island," he said.',
      ),
    ).toEqual(['Bill Evans']);
  });

  it('reads a German body’s common noun after its article as the body named in full before', () => {
    const text =
      'Am Samstag warnte die Gemeinde Boltigen vor belastetem Leitungswasser. Auf Nachfrage führte die Gemeinde weiter aus, dass «geringe Mengen» des Bakteriums gefunden wurden.';
    expect(speakers(text, 'de')).toEqual(['Gemeinde Boltigen']);
    // With no body named in full, the noun it is.
    expect(speakers(text.replace('die Gemeinde Boltigen', 'man'), 'de')).toEqual(['Gemeinde']);
  });

  it('takes no “Fed” for a person', () => {
    expect(names('Officials at the New York Fed met. But the Fed and Sobel are skeptical.')).toEqual([]);
  });
});

describe('speakers: "he" and a given name the list lacks', () => {
  it('keeps the subject whose given name is unlisted for “he”', () => {
    const text =
      'Michael Thomas was charged.\n\nMontell Figgins, who represents Thomas, said his client chose not to accept a plea. He said a guilty plea would “ruin his life.”';
    expect(speakers(text)).toEqual(['Montell Figgins']);
  });
});

describe('the name finder: a noun or a participle before a surname', () => {
  it('reads a German noun after an article, and an English participle, as no given name', () => {
    expect(names("Die Affäre habe mit dem Willen Relotius' zu tun, sagt der Kollege Tom Baker.")).toEqual([
      'Tom Baker',
    ]);
    expect(names('Explaining Beijing’s changed position, observers spoke to Irving Berlin.')).toEqual([
      'Irving Berlin',
    ]);
  });
});

describe('speakers: a surname that opens with its particle', () => {
  it('gives “De Iesu said” to Antonio De Iesu, the particle no preposition', () => {
    const text =
      'Officers asked him for identification, said Antonio De Iesu, director of the Milan police.\n\n“It was a regular patrol,” De Iesu said.';
    expect(speakers(text)).toEqual(['Antonio De Iesu']);
    expect(speakers('« Nous ne céderons jamais sur ce point », a dit Le Pen.', 'fr')).toEqual([null]);
  });
});

describe('speakers: a title in lower case before the name after a quote', () => {
  it('gives “…,” investment banker Anthony Scaramucci said … to him, not to the paper it cites', () => {
    const text =
      '“This will be the first American president with a pro-gay-rights stance,” investment banker Anthony Scaramucci said on the BBC, according to the New York Times.';
    expect(speakers(text)).toEqual(['Anthony Scaramucci']);
  });

  it('takes no name after a preposition or a pronoun there', () => {
    expect(
      speakers('The network signed a “most favored nation” deal with DirecTV called a first of its kind.'),
    ).toEqual([]);
    expect(speakers('Das „Stremel“, wie er auf Sächsisch heißt, ist ein Stück.', 'de')).not.toContain(
      'Sächsisch',
    );
  });
});

describe('cues: more French verbs', () => {
  it('reads « … », a mentionné le directeur général du Conseil, Norman Sabourin', () => {
    expect(
      speakers(
        '« Dans les trois cas, il y aura un examen du Conseil sur les allégations », a mentionné le directeur général du Conseil, Norman Sabourin.',
        'fr',
      ),
    ).toEqual(['Norman Sabourin']);
    expect(speakers('« Nous avons perdu du temps », concède Marie Dupont, la maire.', 'fr')).toEqual([
      'Marie Dupont',
    ]);
  });
});

describe('speakers: a paragraph that is only a quote, after one that reports a named person', () => {
  it('gives it to the person the paragraph before reports, never to a pronoun there', () => {
    const text =
      'Saeb Erekat spoke in Ramallah.\n\nErekat said it was only the latest move by the US to try to force the Palestinians to capitulate and give up their claims to an independent state.\n\n"They wanted us on our knees and they used every trick to put pressure on us."';
    expect(speakers(text)).toEqual(['Saeb Erekat']);
    const pronoun =
      'Saeb Erekat spoke in Ramallah.\n\nHe said it was only the latest move by the US.\n\n"They wanted us on our knees and they used every trick to put pressure on us."';
    expect(speakers(pronoun)).toEqual([null]);
  });
});
