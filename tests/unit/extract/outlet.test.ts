/** The outlet, checked against the site's address: titles' suffixes, copyright lines and section names. */
import { describe, expect, it } from 'vitest';
import { chooseOutlet, siteName } from '../../../lib/extract/outlet';
import {
  agreesWithDomain,
  copyrightHolder,
  titleSuffix,
  titleWithoutSiteSuffix,
} from '../../../lib/extract/site-names';
import { resolveByline } from '../../../lib/extract/resolve';
import { emptyEvidence, type BylineEvidence } from '../../../lib/extract/types';

describe('the outlet and the address', () => {
  it('reads the site name at the end of a title, not a headline without one', () => {
    expect(titleSuffix('Rates rise again | Reuters')).toBe('Reuters');
    expect(titleSuffix('Manhole Fires and Burst Pipes - The New York Times')).toBe('The New York Times');
    expect(titleSuffix('Hafen Göteborg: Umschlag auf Rekordniveau  - Eurailpress')).toBe('Eurailpress');
    expect(titleSuffix('Weinbergsbahnen fahren wieder – – lokalo.de')).toBe('lokalo.de');
    expect(titleSuffix('The Park Hyatt | · Luxury Haven')).toBe('Luxury Haven');
    expect(titleSuffix('Axios Future')).toBeNull();
    expect(titleSuffix('Self-driving cars: a well-known problem')).toBeNull();
  });

  it('reads the holder of a copyright line', () => {
    expect(copyrightHolder('© 2019 Cleveland.com. All rights reserved (About Us).')).toBe('Cleveland.com');
    expect(copyrightHolder('Copyright Axios Media, 2020')).toBe('Axios Media');
    expect(copyrightHolder('Copyright © St.Galler Tagblatt. Alle Rechte vorbehalten.')).toBe(
      'St.Galler Tagblatt',
    );
    expect(copyrightHolder('© 2015–2020 The Daily Planet | Privacy')).toBe('The Daily Planet');
    expect(copyrightHolder('© Johannes Gregor/hessenschau.de')).toBe('hessenschau.de');
    expect(copyrightHolder('© 2023 – lokalo.de')).toBe('lokalo.de');
    expect(copyrightHolder('© Krimiblog-Archiv ist lizensiert unter einer Creative Commons Lizenz')).toBe(
      'Krimiblog-Archiv',
    );
    expect(copyrightHolder('© 2020')).toBeNull();
  });

  it('knows the site by its registrable name under the Public Suffix List', () => {
    expect(siteName('https://www.nytimes.com/2020/01/01/x.html')).toEqual({ key: 'nytimes', suffix: 'com' });
    expect(siteName('https://www.bbc.co.uk/news/x')).toEqual({ key: 'bbc', suffix: 'couk' });
    expect(siteName('https://alice.blogspot.com/p')).toEqual({ key: 'alice', suffix: 'blogspotcom' });
    expect(siteName('not an address')).toBeNull();
  });

  it('agrees a name with its site in the ways outlets name themselves, and nothing else', () => {
    const at = (url: string) => siteName(url);
    expect(agreesWithDomain('The New York Times', at('https://www.nytimes.com/a'))).toBe(true);
    expect(agreesWithDomain('Cleveland.com', at('https://www.cleveland.com/a'))).toBe(true);
    expect(agreesWithDomain('AOC média', at('https://aoc.media/a'))).toBe(true);
    expect(agreesWithDomain('Spektrum der Wissenschaft', at('https://www.spektrum.de/a'))).toBe(true);
    expect(agreesWithDomain('St.Galler Tagblatt AG', at('https://www.tagblatt.ch/a'))).toBe(true);
    expect(agreesWithDomain('British Broadcasting Corporation', at('https://www.bbc.co.uk/a'))).toBe(true);
    expect(agreesWithDomain('Le Monde', at('https://www.lemonde.fr/a'))).toBe(true);
    // A section, an author and another outlet do not.
    expect(agreesWithDomain('U.S.', at('https://www.reuters.com/a'))).toBe(false);
    expect(agreesWithDomain('Jane Doe', at('https://www.reuters.com/a'))).toBe(false);
    expect(agreesWithDomain('The Washington Post', at('https://www.nytimes.com/a'))).toBe(false);
    expect(agreesWithDomain('Reuters', null)).toBe(false);
  });

  it('takes the name the address agrees with, a written name over a handle, else the metadata alone', () => {
    const candidates = (...names: [string, boolean][]) =>
      names.map(([name, standsAlone]) => ({ name, standsAlone }));
    // A section name in og:site_name: the title's suffix names the site.
    expect(chooseOutlet(candidates(['U.S.', true], ['Reuters', false]), 'https://www.reuters.com/a')).toBe(1);
    expect(
      chooseOutlet(
        candidates(['cleveland', true], ['cleveland.com', false], ['Cleveland.com', false]),
        'https://www.cleveland.com/a',
      ),
    ).toBe(2);
    // Nothing agrees: metadata stands alone, a title suffix does not.
    expect(chooseOutlet(candidates(['Yahoo', true]), 'https://example.org/a')).toBe(0);
    expect(chooseOutlet(candidates(['Jane Doe', false]), 'https://blog.example/a')).toBe(-1);
  });

  it('uses a title suffix only when the address agrees, so a title ending with its author names no outlet', () => {
    const evidence = (url: string, suffix: string): BylineEvidence => ({
      ...emptyEvidence(),
      outlets: [{ text: suffix, source: 'meta', via: 'title-suffix' }],
      published: [{ text: url, source: 'url', via: 'url' }],
    });
    expect(resolveByline(evidence('https://www.axios.com/a', 'Axios')).outlet).toEqual({
      name: 'Axios',
      source: 'meta',
    });
    expect(resolveByline(evidence('https://blog.example/a', 'Jane Doe')).outlet).toBeNull();
  });

  it('prefers the site named by the address over a section in og:site_name', () => {
    const byline = resolveByline({
      ...emptyEvidence(),
      outlets: [{ text: 'Reuters', source: 'meta', via: 'title-suffix' }],
      meta: [{ text: 'U.S.', source: 'meta', via: 'og:site_name' }],
      published: [{ text: 'https://www.reuters.com/article/us-x', source: 'url', via: 'url' }],
    });
    expect(byline.outlet?.name).toBe('Reuters');
  });

  it('does not take a placeholder, a handle, a platform or a section of the address for the outlet', () => {
    const alone = (name: string, url: string) => chooseOutlet([{ name, standsAlone: true }], url);
    expect(alone('{$plugin.tx_news.opengraph.site_name}', 'https://www.mpimet.example/a')).toBe(-1);
    expect(alone('@politifact', 'https://www.factcheck.example/a')).toBe(-1);
    expect(alone('Blogger', 'https://www.linknaija.com/2018/08/a.html')).toBe(-1);
    expect(alone('Magazine', 'https://www.nationalgeographic.com/magazine/article/toys')).toBe(-1);
    expect(alone('U.S.', 'https://www.reuters.com/article/us-usa-fed-idUSKBN1430G4')).toBe(-1);
    // On its own address a platform is the outlet; a name the path does not spell stands alone.
    expect(alone('Medium', 'https://medium.com/@jane/flags')).toBe(0);
    expect(alone('Harbor Daily', 'https://news.example/harbor/daily-news')).toBe(0);
  });

  it('reads a page saved to a file by the address in its canonical link, not a placeholder', () => {
    const byline = resolveByline({
      ...emptyEvidence(),
      meta: [{ text: 'U.S.', source: 'meta', via: 'og:site_name' }],
      outlets: [{ text: 'Reuters', source: 'meta', via: 'title-suffix' }],
      published: [
        { text: 'https://example.invalid/', source: 'url', via: 'url' },
        { text: 'https://www.reuters.com/article/us-x', source: 'url', via: 'url' },
      ],
    });
    expect(byline.outlet?.name).toBe('Reuters');
  });

  it('takes the site’s name off a title for a citation, only when it is the outlet', () => {
    expect(titleWithoutSiteSuffix('Rates rise again | Reuters', 'Reuters')).toBe('Rates rise again');
    expect(titleWithoutSiteSuffix('Pipes burst - The New York Times', 'The New York Times')).toBe(
      'Pipes burst',
    );
    expect(titleWithoutSiteSuffix('Pipes burst - Jane Doe', 'The New York Times')).toBe(
      'Pipes burst - Jane Doe',
    );
    expect(titleWithoutSiteSuffix('Rates rise again | Reuters', null)).toBe('Rates rise again | Reuters');
  });
});
