/** File names safe on every common file system. */
import { describe, expect, it } from 'vitest';
import { articleFileName, safeFileName, uniqueFileNames } from '../../../lib/export/file-names';

describe('file names', () => {
  it('are built from outlet, date and title, without characters any system refuses', () => {
    expect(
      articleFileName(
        { outlet: 'The Times', date: '2026-03-03T16:12:00Z', title: 'Who/what: "why"? <now>|*\\' },
        'md',
      ),
    ).toBe('The Times 2026-03-03 Who what why now.md');
    expect(safeFileName('a\u0000b\u001fc\u0085d', 'csv')).toBe('a b c d.csv');
  });

  it('avoid reserved Windows names and trailing dots', () => {
    expect(safeFileName('CON', 'md')).toBe('_CON.md');
    expect(safeFileName('lpt1.notes', 'md')).toBe('_lpt1.notes.md');
    expect(safeFileName('Ends with dots...', 'md')).toBe('Ends with dots.md');
  });

  it('stay within 120 characters, extension included, without splitting a character', () => {
    const name = safeFileName('🌍'.repeat(300), 'json');
    expect(Array.from(name).length).toBeLessThanOrEqual(120);
    expect(name.endsWith('🌍.json')).toBe(true);
  });

  it('are made unique within a set regardless of case', () => {
    const unique = uniqueFileNames();
    expect([unique('a.md'), unique('A.md'), unique('a.md')]).toEqual(['a.md', 'A (2).md', 'a (3).md']);
  });
});
