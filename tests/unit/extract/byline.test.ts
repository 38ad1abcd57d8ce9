import { describe, expect, it } from 'vitest';
import { looksLikePersonName, parseByline, wireServiceName } from '../../../lib/extract/byline';

describe('parseByline', () => {
  it('splits two people and keeps the wire service as the organisation', () => {
    const parsed = parseByline('By Jane Doe and John Roe, Associated Press');
    expect(parsed.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(parsed.organization).toBe('Associated Press');
  });

  it('reads the place after the names and where they work as no author', () => {
    const parsed = parseByline('By Nada Tawfik, BBC News, New York');
    expect(parsed.authors).toEqual(['Nada Tawfik']);
    expect(parsed.organization).toBe('BBC News');
    expect(parseByline('By Jane Doe, Reuters, Washington Heights').authors).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe, TIME, and Mary Roe, CNN').authors).toEqual(['Jane Doe', 'Mary Roe']);
  });

  it('gives an all-caps wire byline normal case', () => {
    expect(parseByline('By JANE DOE').authors).toEqual(['Jane Doe']);
    expect(parseByline('By MARTA ELLINGSEN and DEVON PRICE, Associated Press').authors).toEqual([
      'Marta Ellingsen',
      'Devon Price',
    ]);
  });

  it('takes one word in capitals after a name for where they work, even in a field meant for names', () => {
    expect(parseByline('John Patrick Pullen, TIME', { declared: true }).authors).toEqual([
      'John Patrick Pullen',
    ]);
    expect(parseByline('Jane Doe, NPR').authors).toEqual(['Jane Doe']);
    // A field meant for names still takes a one-word name of its own, and two people in capitals.
    expect(parseByline('Madonna', { declared: true }).authors).toEqual(['Madonna']);
    expect(parseByline('JANE DOE, JOHN ROE', { declared: true }).authors).toEqual(['Jane Doe', 'John Roe']);
  });

  it('drops job titles after a comma and without one', () => {
    expect(parseByline('By Jane Doe, Staff Writer').authors).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe, Senior White House Correspondent').authors).toEqual(['Jane Doe']);
    expect(parseByline('Jane Doe Health Reporter').authors).toEqual(['Jane Doe']);
  });

  it('drops a date and an "Updated" stamp stuck to the byline, and reads the date', () => {
    const parsed = parseByline('By Jane Doe | March 3, 2026 at 4:12 pm');
    expect(parsed.authors).toEqual(['Jane Doe']);
    expect(parsed.date).toBe('2026-03-03');
    expect(parseByline('By Jane DoeUpdated March 4, 2026').authors).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe Updated 9:30 AM ET').authors).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe March 3, 2026').authors).toEqual(['Jane Doe']);
  });

  it('reads a credit that follows the date ("… 10:44 am PST by Jane Doe")', () => {
    expect(parseByline('Wednesday January 18, 2017 10:44 am PST by Juli Clover').authors).toEqual([
      'Juli Clover',
    ]);
  });

  it('reads German bylines', () => {
    expect(parseByline('Von Anna Schmidt und Jonas Weber').authors).toEqual(['Anna Schmidt', 'Jonas Weber']);
    const withAgency = parseByline('Von Anna Schmidt, dpa');
    expect(withAgency.authors).toEqual(['Anna Schmidt']);
    expect(withAgency.organization).toBe('dpa');
    expect(parseByline('Ein Kommentar von Anna Schmidt').authors).toEqual(['Anna Schmidt']);
    expect(parseByline('Anna Schmidt, Korrespondentin in Brüssel').authors).toEqual(['Anna Schmidt']);
    expect(parseByline('Von Anna Schmidt | Stand: 17.07.2021, 10:51 Uhr').authors).toEqual(['Anna Schmidt']);
  });

  it('reads French bylines', () => {
    const parsed = parseByline('Par Jeanne Dupont et Luc Martin, AFP');
    expect(parsed.authors).toEqual(['Jeanne Dupont', 'Luc Martin']);
    expect(parsed.organization).toBe('Agence France-Presse');
    expect(parseByline('Par Jeanne Dupont, envoyée spéciale à Kyiv').authors).toEqual(['Jeanne Dupont']);
    expect(parseByline('Par Jeanne Dupont Publié le 3 mars 2026 à 16h12').authors).toEqual(['Jeanne Dupont']);
  });

  it('keeps particles and initials in names', () => {
    expect(parseByline('By Lisa de Moraes').authors).toEqual(['Lisa de Moraes']);
    expect(parseByline('By T.C. Sottek').authors).toEqual(['T.C. Sottek']);
    expect(parseByline('By William K. Rashbaum').authors).toEqual(['William K. Rashbaum']);
  });

  it('treats line breaks from the markup as separators', () => {
    expect(parseByline('Gina Trapani\nCEO').authors).toEqual(['Gina Trapani']);
    expect(parseByline('By\nTravis Haney').authors).toEqual(['Travis Haney']);
    // A headline list under the name is not more authors.
    expect(
      parseByline('Lisa de Moraes\nTV Columnist\nDebates Set For Houston, But Format Details TBA').authors,
    ).toEqual(['Lisa de Moraes']);
  });

  it('keeps a place after the name out of it', () => {
    expect(parseByline('By Julia Carrie Wong in San Francisco').authors).toEqual(['Julia Carrie Wong']);
  });

  it('leaves photo credits and labels out', () => {
    expect(parseByline('By Jane Doe. Photos by John Roe').authors).toEqual(['Jane Doe']);
    expect(parseByline('Share this article').authors).toEqual([]);
    expect(parseByline('Sign in').authors).toEqual([]);
    expect(parseByline('Watch Live').authors).toEqual([]);
  });

  it('reports a collective credit apart from people', () => {
    const parsed = parseByline('By AOL Staff');
    expect(parsed.authors).toEqual([]);
    expect(parsed.collective).toBe('AOL Staff');
  });

  it('drops a social handle or an e-mail address printed with the name; a handle alone names nobody', () => {
    expect(parseByline('By Jane Doe @jdoe').authors).toEqual(['Jane Doe']);
    expect(parseByline('Jane Doe (@jdoe)').authors).toEqual(['Jane Doe']);
    expect(parseByline('Junichi Niino（jniino）').authors).toEqual(['Junichi Niino']);
    expect(parseByline('Williams Perdomo @wperdomod', { declared: true }).authors).toEqual([
      'Williams Perdomo',
    ]);
    expect(parseByline('By Jane Doe jdoe@example.com').authors).toEqual(['Jane Doe']);
    expect(parseByline('By @jdoe').authors).toEqual([]);
    // A capitalised or dotted word in brackets is no user name: a place, an address.
    expect(parseByline('Deutsche Welle (www.dw.com)', { declared: true }).authors).toEqual([]);
    // What is left of a credit to a handle is no name.
    expect(parseByline('Originalbild von @goebelmasse').authors).toEqual([]);
  });

  it('reads a wire service in brackets after the name as the organisation', () => {
    const parsed = parseByline('By Jane Doe (AP)');
    expect(parsed.authors).toEqual(['Jane Doe']);
    expect(parsed.organization).toBe('Associated Press');
  });

  it('reads the names after a section or a date and a separator', () => {
    expect(parseByline('Politik · Jochen Bittner, Tina Hildebrandt').authors).toEqual([
      'Jochen Bittner',
      'Tina Hildebrandt',
    ]);
    expect(parseByline('March 3, 2026 | Jane Doe').authors).toEqual(['Jane Doe']);
    // Read for names only: a menu credits no organisation.
    expect(parseByline('Home | News | Politics')).toMatchObject({ authors: [], organization: null });
    // The separator after the names still ends them.
    expect(parseByline('Jane Doe · Politik').authors).toEqual(['Jane Doe']);
  });

  it('reads an organisation with "and" in its name as one organisation', () => {
    expect(parseByline('By U.S. Customs and Border Protection')).toMatchObject({
      authors: [],
      organization: 'U.S. Customs and Border Protection',
    });
    expect(parseByline('By Jane Doe and John Roe').authors).toEqual(['Jane Doe', 'John Roe']);
  });

  it('in a field meant for names, takes a conjunction before lower-case words for a phrase', () => {
    expect(
      parseByline('Zone Justice et faits divers - ICI.Radio-Canada.ca', { declared: true }).authors,
    ).toEqual([]);
    expect(parseByline('Jane Doe and John Roe', { declared: true }).authors).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
    expect(parseByline('Jane Doe and staff writers', { declared: true }).authors).toEqual(['Jane Doe']);
    expect(parseByline('Jane Doe y María de la Cruz', { declared: true }).authors).toEqual([
      'Jane Doe',
      'María de la Cruz',
    ]);
  });

  it('reads Japanese credits that put the role after the name: the writer, not the translators', () => {
    expect(parseByline('Eric Freeman 著、嶋田 健志 監訳、木下 哲也 訳').authors).toEqual(['Eric Freeman']);
    expect(parseByline('山田 太郎 著', { shown: true }).authors).toEqual(['山田 太郎']);
    // Without a space the last character is part of the name (博文 is a given name).
    expect(parseByline('伊藤博文', { shown: true }).authors).toEqual(['伊藤博文']);
  });

  it('accepts one-word and uncased names only where a name is declared', () => {
    expect(parseByline('Heiko').authors).toEqual([]);
    expect(parseByline('Heiko', { declared: true }).authors).toEqual(['Heiko']);
    expect(parseByline('松村太郎', { declared: true }).authors).toEqual(['松村太郎']);
    expect(parseByline('mikecason', { declared: true }).authors).toEqual([]);
    expect(parseByline('doumae', { declared: true, confirmedByLink: true }).authors).toEqual(['doumae']);
    // "Last, First" in a name field is one person.
    expect(parseByline('Gillman, Steve', { declared: true }).authors).toEqual(['Steve Gillman']);
  });
});

describe('wireServiceName and looksLikePersonName', () => {
  it('maps wire credits to the names readers know', () => {
    expect(wireServiceName('AP')).toBe('Associated Press');
    expect(wireServiceName('The Associated Press')).toBe('Associated Press');
    expect(wireServiceName('Thomson Reuters')).toBe('Reuters');
    expect(wireServiceName('Jane Doe')).toBeNull();
  });

  it('tells names from other short texts', () => {
    expect(looksLikePersonName('Jane Doe')).toBe(true);
    expect(looksLikePersonName("Tim O'Reilly")).toBe(true);
    expect(looksLikePersonName('jane doe')).toBe(false);
    expect(looksLikePersonName('Jane Doe 2')).toBe(false);
    expect(looksLikePersonName('https://example.com/jane')).toBe(false);
    // A particle comes before a surname, never last.
    expect(looksLikePersonName('Lisa de Moraes')).toBe(true);
    expect(looksLikePersonName('Rezept von')).toBe(false);
    expect(looksLikePersonName('Thanh Le')).toBe(true);
  });
});

describe('names in scripts without capitals', () => {
  it('are names in a printed byline, not in running text', () => {
    expect(parseByline('松村太郎', { shown: true }).authors).toEqual(['松村太郎']);
    expect(parseByline('谢若含', { shown: true }).authors).toEqual(['谢若含']);
    expect(parseByline('松村太郎').authors).toEqual([]);
    // A family name written 文 is no credit label.
    expect(parseByline('文在寅', { shown: true }).authors).toEqual(['文在寅']);
  });

  it('after a credit label, even behind a date', () => {
    expect(parseByline('2019/02/22 17:23 著者：後藤大地').authors).toEqual(['後藤大地']);
    const parsed = parseByline('文● オカモト／ASCII編集部', { shown: true });
    expect(parsed.authors).toEqual(['オカモト']);
    expect(parsed.organization).toBe('ASCII編集部');
  });

  it('without the brackets, outlet and job title printed with them', () => {
    expect(parseByline('[\n田中宏昌，\nITmedia]', { shown: true }).authors).toEqual(['田中宏昌']);
    expect(parseByline('홍길동 기자', { shown: true }).authors).toEqual(['홍길동']);
  });

  it('but not labels, links and departments', () => {
    expect(parseByline('記者ページ', { shown: true }).authors).toEqual([]);
    expect(parseByline('编辑部', { shown: true }).authors).toEqual([]);
    expect(parseByline('新华社', { shown: true }).authors).toEqual([]);
  });
});

describe('a lower-case name another clue spells', () => {
  it('counts when confirmed, not otherwise', () => {
    expect(looksLikePersonName('Cindy mangomini', { declared: true, confirmedByLink: true })).toBe(true);
    expect(looksLikePersonName('Cindy mangomini', { declared: true })).toBe(false);
    expect(looksLikePersonName('Cindy mangomini')).toBe(false);
  });
});

describe('titles and organisations in the byline', () => {
  it('drops a compound job title before the name', () => {
    expect(parseByline('Von FOCUS-Online-Experte Robin Tschöpe').authors).toEqual(['Robin Tschöpe']);
    expect(parseByline('SPIEGEL-Korrespondentin Anna Schmidt').authors).toEqual(['Anna Schmidt']);
  });
});
