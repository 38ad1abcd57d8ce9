/**
 * The citation files read back by an independent parser, citation-js (the library Zotero's own
 * citation tooling shares its data model with: CSL-JSON), with the fields a reference manager needs
 * checked: names split into family and given with particles and suffixes, organisations whole, the
 * outlet as container title, dates, address, accessed date and language.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { exportFiles, fileBytes } from '../../../lib/export';
import type { ExportFormat } from '../../../lib/export/types';
import { NOW, trickyLibrary } from './library';

async function readBack(format: ExportFormat): Promise<Record<string, unknown>[]> {
  const file = await exportFiles(trickyLibrary(), format, { markdownLayout: 'combined', now: NOW });
  return new Cite(new TextDecoder().decode(fileBytes(file))).data;
}

const HARBOR_AUTHORS = [
  { family: 'Sartre', given: 'Jean-Paul' },
  { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
  { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
];

describe('citation files read back by citation-js', () => {
  it('BibTeX: people split, particles and suffixes kept, organisations whole, outlet, dates, language', async () => {
    const [harbor, talks, bridge] = await readBack('bibtex');
    expect(harbor).toMatchObject({
      title: 'Harbor bridge to close: "a decision" & what_it_costs #1',
      'container-title': 'Harbor Daily',
      author: HARBOR_AUTHORS,
      issued: { 'date-parts': [[2026, 3, 3]] },
      accessed: { 'date-parts': [[2026, 11, 1]] },
      language: 'en',
    });
    expect(harbor?.URL).toMatch(/^https:\/\//);
    // BibTeX has no literal names: the braces keep an organisation whole, read as a one-part family name.
    expect(talks?.author).toEqual([
      { family: '毛', given: '泽东' },
      { family: 'al-Sharif', given: 'Ahmed' },
      { family: 'Associated Press' },
    ]);
    expect(bridge).toMatchObject({ title: 'Brücke über den Hafen wird geschlossen', language: 'de' });
  });

  it('RIS: a newspaper article with its outlet, address, accessed date and language', async () => {
    const [harbor, talks, bridge] = await readBack('ris');
    expect(harbor).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'Harbor Daily',
      accessed: { 'date-parts': [[2026, 11, 1]] },
      language: 'en',
    });
    expect(harbor?.URL).toMatch(/^https:\/\//);
    // citation-js maps the authors of a NEWS record to CSL "reporter" and keeps them as written, one
    // "Family, Given, Suffix" each (Zotero reads AU as authors); the names must come back whole and
    // in order, an organisation with no comma.
    expect(harbor?.reporter).toEqual([
      'Sartre, Jean-Paul',
      'van Beethoven, Ludwig',
      'King, Martin Luther, Jr.',
    ]);
    expect(talks?.reporter).toEqual(['毛, 泽东', 'al-Sharif, Ahmed', 'Associated Press']);
    expect(bridge).toMatchObject({ title: 'Brücke über den Hafen wird geschlossen', language: 'de' });
  });

  it('CSL-JSON: read as CSL items with every field Zotero imports', async () => {
    const [harbor, talks] = await readBack('csl-json');
    expect(harbor).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'Harbor Daily',
      author: HARBOR_AUTHORS,
      issued: { 'date-parts': [[2026, 3, 3]] },
      accessed: { 'date-parts': [[2026, 11, 1]] },
      language: 'en',
    });
    expect(talks).toMatchObject({
      'container-title': 'World Wire',
      issued: { 'date-parts': [[2026, 4, 5]] },
      URL: 'https://news.example/story-2',
    });
    expect(talks?.author).toEqual([
      { family: '毛', given: '泽东' },
      { family: 'al-Sharif', given: 'Ahmed' },
      { literal: 'Associated Press' },
    ]);
  });
});
