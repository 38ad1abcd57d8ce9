import { describe, expect, it } from 'vitest';
import { SharedValues } from '../../../lib/library/shared-values';

describe('SharedValues', () => {
  it('gives one copy of equal strings and equal lists', () => {
    const shared = new SharedValues();
    const first = shared.list(['Jane Doe', 'Ana Ruiz']);
    expect(shared.list(['Jane Doe', 'Ana Ruiz'])).toBe(first);
    expect(shared.list(['Ana Ruiz', 'Jane Doe'])).not.toBe(first);
    expect(shared.list(['Ana Ruiz', 'Jane Doe'])).toEqual(['Ana Ruiz', 'Jane Doe']);
    expect(shared.string('Harbor Daily')).toBe('Harbor Daily');
  });

  it('keeps lists apart that joining would confuse', () => {
    const shared = new SharedValues();
    expect(shared.list([])).toEqual([]);
    expect(shared.list([''])).toEqual(['']);
    expect(shared.list(['a\u0000b'])).toEqual(['a\u0000b']);
    expect(shared.list(['a', 'b'])).toEqual(['a', 'b']);
    expect(shared.list(['a\u0000', 'b'])).toEqual(['a\u0000', 'b']);
    expect(shared.list(['a', '\u0000b'])).toEqual(['a', '\u0000b']);
  });

  it('hands out lists nobody can change under the records that share them', () => {
    const list = new SharedValues().list(['water']);
    expect(Object.isFrozen(list)).toBe(true);
  });
});
