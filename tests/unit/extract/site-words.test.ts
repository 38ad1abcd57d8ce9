/**
 * The site's name as the page's text writes it: looked for inside the page without the Public Suffix
 * List (siteWordsIn), kept by the panel only when it is the registrable name (isRegistrableName).
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRegistrableName } from '../../../lib/extract/outlet';
import { siteWordsIn } from '../../../lib/extract/site-words';

describe('siteWordsIn', () => {
  it('gives each host label the text spells capitalised, as a whole word', () => {
    const url = 'https://www.refinery29.com/2016/12/statement-shirts';
    expect(siteWordsIn('Six artists told Refinery29 about it.', url)).toEqual(['Refinery29']);
    expect(siteWordsIn('REFINERY29 STYLE', url)).toEqual(['REFINERY29']);
    // Not in lower case, an address, a handle or a longer word; "www" and "com" are too short.
    expect(siteWordsIn('refinery29 refinery29.com @Refinery29 Refinery29s Www Com', url)).toEqual([]);
    expect(
      siteWordsIn('Politics and more at Newsroomdaily.', 'https://politics.newsroomdaily.co.uk/a'),
    ).toEqual(['Politics', 'Newsroomdaily']);
  });

  it('reads nothing from what is not an address', () => {
    expect(siteWordsIn('Refinery29', null)).toEqual([]);
    expect(siteWordsIn('Refinery29', 'not an address')).toEqual([]);
  });
});

describe('isRegistrableName', () => {
  it('is the name before the public suffix, private suffixes included', () => {
    expect(isRegistrableName('Refinery29', 'https://www.refinery29.com/x')).toBe(true);
    expect(isRegistrableName('Politics', 'https://politics.newsroomdaily.co.uk/a')).toBe(false);
    expect(isRegistrableName('Newsroomdaily', 'https://politics.newsroomdaily.co.uk/a')).toBe(true);
    expect(isRegistrableName('Alice', 'https://alice.github.io/post')).toBe(true);
    expect(isRegistrableName('Github', 'https://alice.github.io/post')).toBe(false);
    expect(isRegistrableName('Refinery29', null)).toBe(false);
  });
});

describe('the extraction script', () => {
  it('carries no Public Suffix List into the pages it reads', async () => {
    // What runs inside every page read stays small: tldts (a hundred kilobytes) once slipped in through
    // the site-word reading, which tripled the script.
    const root = resolve(import.meta.dirname, '../../..');
    const result = await build({
      entryPoints: [resolve(root, 'entrypoints/extract.ts')],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      logLevel: 'silent',
      tsconfig: resolve(root, 'tsconfig.json'),
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('lib/extract/metadata.ts'))).toBe(true);
    expect(inputs.filter((input) => input.includes('node_modules/tldts'))).toEqual([]);
  });
});
