import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../lib/analyze/quotes';
import { classifyLink, findSources, linkSite, type LinkOut } from '../../../lib/analyze/sources';
import { buildSpeakerContext } from '../../../lib/analyze/speakers';

function sources(text: string, { links = [] as LinkOut[], ownNames = [] as string[], lang = 'en' } = {}) {
  const speakers = buildSpeakerContext(text);
  const quotes = findQuotes(text, { lang, speakers });
  return findSources(text, quotes, speakers, {
    lang,
    pageUrl: 'https://news.example/2026/story',
    ownNames,
    links,
  });
}
const byKind = (text: string, options?: Parameters<typeof sources>[1]) =>
  sources(text, options).map((source) => [source.kind, source.name]);

describe('findSources', () => {
  it('finds wire services and other outlets the story cites', () => {
    const text =
      'Talks continued in Qatar, according to the AP. Reuters first reported the offer. Hal Brenner told The Meridian Times last week that the route mattered.';
    const found = byKind(text);
    expect(found).toContainEqual(['wire', 'Associated Press (AP)']);
    expect(found).toContainEqual(['wire', 'Reuters']);
    expect(found).toContainEqual(['news-outlet', 'The Meridian Times']);
  });

  it('reads no outlet into a word of a person’s name (Evan Spiegel is no Spiegel)', () => {
    const text =
      'Snapchat CEO Evan Spiegel rebuffed a takeover offer in 2013. Der Spiegel reported the offer a year later.';
    const outlets = byKind(text).filter(([kind]) => kind === 'news-outlet');
    expect(outlets).toEqual([['news-outlet', 'Der Spiegel']]);
  });

  it('reads a document word only whole: “her native Quebec had reportedly …” cites no report', () => {
    const text =
      'Magazines in her native Quebec had reportedly been cruel. Her team cited a report by the Quebec Press Council.';
    const documents = byKind(text).filter(([kind]) => kind === 'document');
    expect(documents).toEqual([['document', 'Quebec Press Council']]);
  });

  it('reads the German noun “Bild” (picture) as the paper only with its article, marks or full name', () => {
    const outlets = (text: string) =>
      byKind(text, { lang: 'de' })
        .filter(([kind]) => kind === 'news-outlet')
        .map(([, name]) => name);
    expect(outlets('Kein Bild, kein Ton und trotzdem bestens informiert: Der Ticker läuft.')).toEqual([]);
    expect(outlets('Das sagte er der „Bild“ am Montag.')).toEqual(['Bild']);
    expect(outlets('Wie die Bild-Zeitung berichtete, sank der Kurs.')).toEqual(['Bild']);
    expect(outlets('Das sagte sie der Bild am Sonntag.')).toEqual(['Bild']);
    expect(outlets('Ein Bild sagt mehr als tausend Worte, schrieb BILD.')).toEqual(['BILD']);
    expect(outlets('Am Tag X BILD ist nichts.')).toEqual([]);
  });

  it('reads “führt” and “stellt” as speech only with their particle', () => {
    const people = (text: string) =>
      byKind(text, { lang: 'de' })
        .filter(([kind]) => kind === 'person' || kind === 'official')
        .map(([, name]) => name);
    expect(people('Moderator Sebastian Hellmann führt ab 17:30 Uhr durch die Vorberichte.')).toEqual([]);
    expect(people('Der Trainer Thomas Tuchel führte aus, dass er zufrieden sei.')).toEqual(['Thomas Tuchel']);
    expect(people('Die Ministerin Eva Roth stellte fest, dass die Lage ernst sei.')).toEqual(['Eva Roth']);
  });

  it('takes an outlet’s reporter for the person, and something of someone’s for no person', () => {
    const text =
      'Bloomberg’s Mark Gurman said the launch slipped. Mark Gurman said it twice. Google’s Stadia said nothing, and Google’s Stadia never will.';
    const people = byKind(text).filter(([kind]) => kind === 'person' || kind === 'official');
    expect(people).toContainEqual(['person', 'Mark Gurman']);
    expect(people.map(([, name]) => name)).not.toContain('Google’s Stadia');
    expect(people.map(([, name]) => name)).not.toContain('Stadia');
    expect(people.map(([, name]) => name)).not.toContain('Bloomberg’s Mark Gurman');
  });

  it('reads no outlet into a title-cased heading’s words before "TV" or "Times"', () => {
    const text =
      'The Controller Is Only Necessary For Playing On A TV, But It Is Comfortable\n\nHal Brenner told the Harbor Bay Times that the route mattered.';
    const found = byKind(text);
    expect(found.filter(([kind]) => kind === 'news-outlet')).toEqual([['news-outlet', 'Harbor Bay Times']]);
  });

  it('knows outlets whose names have no newspaper word: tech sites, broadcasters, French weeklies', () => {
    const found = byKind(
      'The chip was first tested by AnandTech. Le Point a révélé l’affaire, reprise par Europe 1. Der MDR berichtete zuerst.',
    );
    expect(found).toContainEqual(['news-outlet', 'AnandTech']);
    expect(found).toContainEqual(['news-outlet', 'Le Point']);
    expect(found).toContainEqual(['news-outlet', 'Europe 1']);
    expect(found).toContainEqual(['news-outlet', 'MDR']);
    // Words that are also ordinary nouns are left out of the list: "Salon" is a hairdresser's.
    expect(byKind('Der Salon blieb wochenlang geschlossen, sagte die Friseurin.')).toEqual([]);
  });

  it('never lists the reporting outlet or its wire credit as a source', () => {
    const found = byKind('The Associated Press reported that the vote passed.', {
      ownNames: ['Associated Press'],
    });
    expect(found.map(([kind]) => kind)).not.toContain('wire');
  });

  it('finds quoted and paraphrased people, officials and organisations', () => {
    const text =
      'President Joe Biden has said that the withdrawal will finish by August.\n\n“We are against paying twice,” said Ana Ruiz, a retired teacher.\n\n“Nobody wants to price a family off the island,” Mayor Robert Kim said.\n\n“We are reviewing the findings,” a spokesperson for Corvane Pharmaceuticals said.';
    const found = byKind(text);
    expect(found).toContainEqual(['official', 'Joe Biden']);
    expect(found).toContainEqual(['person', 'Ana Ruiz']);
    expect(found).toContainEqual(['official', 'Robert Kim']);
    expect(found).toContainEqual(['organization', 'Corvane Pharmaceuticals']);
  });

  it('finds documents, studies and social posts', () => {
    const text =
      'According to a 2025 engineering report, the pier is failing. The findings come from a study by researchers at Stanford University published in the journal Nature. Prime Minister Andrej Kovalin wrote in a post on X that he would not sign.';
    const found = byKind(text);
    expect(found).toContainEqual(['document', '2025 engineering report']);
    expect(found.some(([kind, name]) => kind === 'study' && /study|Nature/.test(name!))).toBe(true);
    expect(found).toContainEqual(['social', "Andrej Kovalin's post on X"]);
  });

  it('reads no outlet in a headline that runs on past an outlet-like word', () => {
    const found = byKind(
      'Read more: Latest SD Express Memory Card Spec Promises 4GB/s Transfer Speeds. The Daily Express reported the sale on Monday.',
    );
    expect(found.filter(([kind]) => kind === 'news-outlet')).toEqual([['news-outlet', 'The Daily Express']]);
  });

  it('names no source by a bare document noun, unless the text says where it appeared', () => {
    const found = byKind(
      'The company said in a statement that the recall was voluntary. According to a memo, staff were told in May. According to a report in the Argus Leader, the slogan cost $5 million.',
    );
    expect(found).not.toContainEqual(['document', 'statement']);
    expect(found).not.toContainEqual(['document', 'memo']);
    expect(found).toContainEqual(['document', 'report']);
    // Several words in lower case name no one either: the statement is the speaker's own.
    const own = byKind(
      '“I was not aware of it,” Kurt Volker said in his opening statement. A new study found more.',
    );
    expect(own).not.toContainEqual(['document', 'opening statement']);
    expect(own).not.toContainEqual(['study', 'new study']);
    // Unless the text says where it was filed.
    expect(
      byKind('According to a criminal complaint filed in Hollis County Circuit Court, the men argued.'),
    ).toContainEqual(['document', 'criminal complaint']);
  });

  it('finds anonymous sources by what makes them anonymous, and skips vague groups and non-responders', () => {
    const text =
      'A port official who was not authorized to speak publicly said the repairs could not wait. People familiar with the matter said talks had stalled. Officials said the road would reopen. The Harbor Company did not respond to a request for comment.';
    const found = byKind(text);
    expect(found).toContainEqual(['anonymous', 'A port official who was not authorized to speak publicly']);
    expect(found).toContainEqual(['anonymous', 'People familiar with the matter']);
    expect(found.map(([, name]) => name)).not.toContain('Harbor Company');
    expect(found.map(([, name]) => name)).not.toContain('Officials');
  });

  it('classifies links out of the article and gives a cited source its address', () => {
    const text =
      'The findings line up with a 2025 report from the Environmental Protection Agency. The Harbor Post reported last summer that centers closed early. See also our earlier story.';
    const found = sources(text, {
      links: [
        {
          url: 'https://www.epa.gov/files/warm-nights-2025.pdf',
          text: 'a 2025 report from the Environmental Protection Agency',
        },
        {
          url: 'https://harbor-post.example/2025/08/04/cooling/',
          text: 'The Harbor Post reported last summer',
        },
        { url: 'https://news.example/2025/earlier-story', text: 'our earlier story' },
      ],
    });
    expect(found.find((s) => s.name.includes('Environmental Protection Agency'))).toMatchObject({
      kind: 'document',
      url: 'https://www.epa.gov/files/warm-nights-2025.pdf',
      linkKind: 'primary-document',
    });
    expect(found.find((s) => s.name === 'The Harbor Post')).toMatchObject({
      kind: 'news-outlet',
      url: 'https://harbor-post.example/2025/08/04/cooling/',
      linkKind: 'other-outlet',
    });
    expect(found.find((s) => s.url === 'https://news.example/2025/earlier-story')).toMatchObject({
      kind: 'link',
      linkKind: 'same-site',
    });
  });

  it('names a link to another outlet by the outlet, never by the words linked; unnamed, it is a link', () => {
    const text =
      'Le 4 décembre 2019, la députée a été mise en examen. Quelques jours plus tard, peut-on lire dans Le Monde, elle a démissionné. Le 11 octobre, une autre enquête a été ouverte.';
    const found = sources(text, {
      lang: 'fr',
      links: [
        { url: 'https://www.lefigaro.fr/politique/2019/12/04/enquete', text: 'Le 4 décembre 2019' },
        {
          url: 'https://www.lemonde.fr/politique/article/2019/12/09/demission',
          text: 'Quelques jours plus tard',
        },
        { url: 'https://www.lefigaro.fr/politique/2019/10/11/autre-enquete', text: 'Le 11 octobre' },
      ],
    });
    const outlets = found.filter((source) => source.kind === 'news-outlet');
    // The Monde's link joins the Monde named in the text; the Figaro's two links, whose words name no
    // outlet, are one link to its site, not a cited outlet.
    expect(outlets.map((source) => source.name)).toEqual(['Le Monde']);
    expect(found.find((source) => source.name === 'lefigaro.fr')).toMatchObject({
      kind: 'link',
      linkKind: 'other-outlet',
      mentions: 2,
    });
    expect(outlets.find((source) => source.name === 'Le Monde')?.url).toBe(
      'https://www.lemonde.fr/politique/article/2019/12/09/demission',
    );
  });

  it('takes an organisation known by its letters as a source, not a role', () => {
    const found = sources(
      'WASHINGTON — NASA announced Nov. 18 that it was adding five companies. The CEO said the plan was sound.',
    );
    expect(found.find((s) => s.name === 'NASA')?.kind).toBe('organization');
    expect(found.map((s) => s.name)).not.toContain('CEO');
  });

  it('takes a study or document linked from words that name nothing for a link to its site', () => {
    const text =
      'Farmers burn 40 to 80 percent of the stubble. There is a water shortage. The Lancet Commission on pollution and health counted the dead.';
    const found = sources(text, {
      links: [
        { url: 'https://www.ncbi.nlm.nih.gov/pubmed/16741810', text: '40 to 80 percent' },
        { url: 'https://www.ncbi.nlm.nih.gov/pubmed/99', text: 'water shortage' },
        {
          url: 'https://www.thelancet.com/commissions/pollution-and-health',
          text: 'Lancet Commission on pollution and health',
        },
      ],
    });
    expect(found.find((s) => s.name === 'Lancet Commission on pollution and health')?.kind).toBe('study');
    expect(found.filter((s) => s.url?.includes('ncbi'))).toEqual([
      expect.objectContaining({ name: 'nih.gov', kind: 'link', linkKind: 'study', mentions: 2 }),
    ]);
  });

  it('names a linked social post by its account, not by the date its embed shows', () => {
    const text = 'The attorney general posted a warning.\n\n— AG Owen Delaney (@AGOwenDelaney) May 13, 2026';
    const found = sources(text, {
      links: [{ url: 'https://x.com/AGOwenDelaney/status/19224', text: 'May 13, 2026' }],
    });
    expect(found.find((s) => s.kind === 'social')).toMatchObject({
      name: '@AGOwenDelaney on X',
      linkKind: 'social',
    });
  });

  it('leaves out the accounts of the reporting outlet and of its authors (an author note, a share box)', () => {
    const text =
      'The pipes froze overnight.\n\nCorey Kilgannon is a Metro reporter. @coreykilgannon • Facebook\n\n— AG Owen Delaney (@AGOwenDelaney) May 13, 2026';
    const found = sources(text, {
      ownNames: ['The New Ledger', 'Corey Kilgannon', 'Amy Kuperinsky'],
      links: [
        { url: 'https://x.com/coreykilgannon', text: '@coreykilgannon' },
        { url: 'https://www.facebook.com/corey.kilgannon.9', text: 'Facebook' },
        { url: 'https://x.com/amykup', text: 'Follow Amy' },
        { url: 'https://x.com/thenewledger', text: 'Follow us' },
        { url: 'https://x.com/AGOwenDelaney/status/19224', text: 'May 13, 2026' },
      ],
    });
    expect(found.filter((s) => s.kind === 'social').map((s) => s.name)).toEqual(['@AGOwenDelaney on X']);
  });

  it('takes no social post from a word that names no one (“Others tweeted”), and names a tweet’s platform', () => {
    const text =
      'Ana Ruiz tweeted that the pier was safe. Others tweeted that it was not. NASA tweeted a photo.';
    const social = sources(text)
      .filter((s) => s.kind === 'social')
      .map((s) => s.name);
    expect(social).toEqual(["Ana Ruiz's post on X", "NASA's post on X"]);
  });

  it('finds a broadcaster someone spoke to', () => {
    const text =
      '“Families deserve to know why,” Gregory Hale said in an interview with Ridgeline Public Radio.';
    expect(byKind(text)).toContainEqual(['news-outlet', 'Ridgeline Public Radio']);
  });

  it('counts mentions and points to each place', () => {
    const text = '“We are against paying twice,” said Ana Ruiz.\n\nRuiz later spoke again. Ruiz left.';
    const ruiz = sources(text).find((source) => source.name === 'Ana Ruiz');
    expect(ruiz?.mentions).toBe(3);
    expect(ruiz?.places.map((place) => text.slice(place.start, place.end))).toEqual([
      'Ana Ruiz',
      'Ruiz',
      'Ruiz',
    ]);
  });
});

describe('findSources: names', () => {
  it('spells out an acronym the text spelled out before', () => {
    const text =
      'The Federal Aviation Administration opened an inquiry in May. In a statement, the FAA said its review “is continuing and no findings have been made.”';
    const speakers = buildSpeakerContext(text);
    expect(findQuotes(text, { lang: 'en', speakers })[0]?.speaker).toBe('Federal Aviation Administration');
  });

  it('finds institutions named in lower case, and genitives after “nach Angaben”', () => {
    expect(
      byKind('Selon le ministère de la Santé, les urgences ont reçu 40 000 patients.', { lang: 'fr' }),
    ).toContainEqual(['organization', 'ministère de la Santé']);
    expect(
      byKind('Nach Angaben des Bundesamts für Statistik stiegen die Preise.', { lang: 'de' }).map(
        ([, name]) => name,
      ),
    ).toContain('Bundesamts für Statistik');
    expect(
      byKind('According to the state Highway Patrol, the road reopened at noon.').map(([, name]) => name),
    ).toContain('state Highway Patrol');
  });

  it('never runs a name across a paragraph break', () => {
    const text =
      'Sports & Weather\n\nNina Alvarez, a spokesperson for the county, said the roads were clear.';
    const names = byKind(text).map(([, name]) => name);
    expect(names).toContain('Nina Alvarez');
    expect(names.some((name) => name!.includes('Weather'))).toBe(false);
  });
});

describe('classifyLink', () => {
  const page = 'https://www.news.example/2026/story';
  it.each([
    ['https://news.example/other-story', 'same-site'],
    ['https://cdn.news.example/x', 'same-site'],
    ['https://twitter.com/someone/status/1', 'social'],
    ['https://doi.org/10.1000/xyz', 'study'],
    ['https://www.congress.gov/bill/1', 'primary-document'],
    ['https://files.example.org/report.pdf', 'primary-document'],
    ['https://www.nytimes.com/2026/01/01/x.html', 'other-outlet'],
    ['https://blog.example.net/post', 'other'],
  ])('%s is %s', (url, kind) => {
    expect(classifyLink(url, page)).toBe(kind);
  });
});

describe('links by their registrable domain (finding 7)', () => {
  const disguised = `https://www.reuters.com.${'world-news-update-'.repeat(4)}x.attacker.example/article`;

  it('names a link by the domain it registered, not by the labels in front of it', () => {
    expect(linkSite(disguised)).toBe('attacker.example');
    expect(linkSite('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk');
    expect(linkSite('https://alice.github.io/post')).toBe('alice.github.io');
    expect(linkSite('not a url')).toBe('');
  });

  it('classifies a link by its registrable domain', () => {
    const page = 'https://www.news.example/2026/story';
    expect(classifyLink(disguised, page)).toBe('other');
    expect(classifyLink('https://news.attacker.example/x', page)).toBe('other');
    expect(classifyLink('https://www.reuters.com/world/x', page)).toBe('other-outlet');
    // Sibling blogs under a shared suffix are other sites, not the page's own.
    expect(classifyLink('https://bob.blogspot.com/x', 'https://alice.blogspot.com/y')).toBe('other');
  });

  it('a link with no text is labelled by its site, not by its whole host', () => {
    const text = 'Officials met on Monday.';
    const found = sources(text, { links: [{ url: disguised, text: '' }] });
    expect(found.find((source) => source.url === disguised)).toMatchObject({
      name: 'attacker.example',
      kind: 'link',
      linkKind: 'other',
    });
  });
});

describe('findSources: the one named after a cue that follows the sentence’s comma', () => {
  it('takes “…, said Justice Secretary Humza Yousaf.” and “…, said Joe Carbone, who …”', () => {
    const text =
      'Turkey and Saba have also been removed from the list of travel corridors, said Justice Secretary Humza Yousaf.\n\nPotholes form when water seeps into cracks, said Joe Carbone, who works for the Transportation Department.';
    const names = sources(text).map((source) => source.name);
    expect(names).toContain('Humza Yousaf');
    expect(names).toContain('Joe Carbone');
  });

  it('takes no object of the cue, and reads no German noun so', () => {
    const text =
      'Michael Reed, who will be the chairman, told investors of New Media, the parent, that the merger would help.';
    expect(sources(text).map((source) => source.name)).not.toContain('New Media');
    const german = 'Das sei schwierig, sagt der Tierarzt Tom Baker. Die Lage, sagt Verhältnis zu Leipzig.';
    expect(sources(german, { lang: 'de' }).map((source) => source.name)).not.toContain(
      'Verhältnis zu Leipzig',
    );
  });
});

describe('findSources: an outlet with an exclamation mark in its name', () => {
  it('reads “a new report by E! News” as E! News, not “E”', () => {
    const names = sources(
      'Scooter Braun is unhappy with his partner, according to a new report by E! News. Wow! News is bad.',
    ).map((source) => source.name);
    expect(names).toContain('E! News');
    expect(names).not.toContain('E');
  });
});
