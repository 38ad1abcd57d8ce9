import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../lib/analyze/types';
import { diffArticles, type DiffableArticle } from '../../../lib/library/diff';

const quote = (text: string, speaker: string | null = 'Ana Ruiz'): Quote => ({
  text,
  speaker,
  speakerMention: speaker,
  cue: 'said',
  anonymous: false,
  paragraph: 0,
  start: 0,
  end: text.length,
  selector: { exact: text, prefix: '', suffix: '' },
});

function article(paragraphs: string[], change: Partial<DiffableArticle> = {}): DiffableArticle {
  return {
    title: 'Harbor bridge to close',
    text: paragraphs.join('\n\n'),
    byline: {
      authors: [{ name: 'Jane Doe', source: 'jsonld' }],
      outlet: { name: 'Harbor Daily', source: 'jsonld' },
      published: '2026-03-03',
      modified: null,
    },
    analysis: { quotes: [quote('We cannot keep people on a bridge we would not walk on ourselves.')] },
    ...change,
  };
}

const P = [
  'The city council voted on Tuesday to close the old harbor bridge for eight months of repairs.',
  'Shop owners on both banks worry about losing customers.',
  'The repairs are expected to cost 42 million dollars.',
];

describe('diffArticles', () => {
  it('finds nothing between two copies that differ only in whitespace', () => {
    const diff = diffArticles(article(P), article(P.map((p) => `  ${p.replace(/ /g, '  ')} `)));
    expect(diff).toMatchObject({
      identical: true,
      paragraphs: [],
      quotes: [],
      fields: [],
      updatedDate: 'none',
    });
  });

  it('reports a reworded paragraph word by word, and an edit without a new updated date', () => {
    const edited = [P[0]!.replace('eight', 'nine'), P[1]!, P[2]!];
    const diff = diffArticles(article(P), article(edited));
    expect(diff.paragraphs).toHaveLength(1);
    const [change] = diff.paragraphs;
    expect(change).toMatchObject({ kind: 'reworded', oldIndex: 0, newIndex: 0 });
    if (change?.kind !== 'reworded') throw new Error('not reworded');
    expect(change.words.filter((word) => word.removed).map((word) => word.value)).toEqual(['eight']);
    expect(change.words.filter((word) => word.added).map((word) => word.value)).toEqual(['nine']);
    expect(diff.updatedDate).toBe('unchanged');
    expect(diff.summary).toEqual({ added: 0, removed: 0, reworded: 1, quotesChanged: 0 });
  });

  it('reports paragraphs added and removed in reading order, and a moved updated date', () => {
    const newer = article([P[0]!, 'A ferry will run every twenty minutes.', P[2]!], {
      byline: { ...article(P).byline, modified: '2026-03-04' },
    });
    const diff = diffArticles(article(P), newer);
    expect(diff.paragraphs.map((change) => change.kind).sort()).toEqual(['added', 'removed']);
    expect(diff.fields).toEqual([{ field: 'modified', old: null, new: '2026-03-04' }]);
    expect(diff.updatedDate).toBe('moved');
  });

  it('tells quotes altered, dropped and added apart', () => {
    const older = article(P, {
      analysis: {
        quotes: [
          quote('We cannot keep people on a bridge we would not walk on ourselves.'),
          quote('It is painful.', 'Tom Bell'),
        ],
      },
    });
    const newer = article(P, {
      analysis: {
        quotes: [
          quote('We cannot keep anyone on a bridge we would not cross ourselves.'),
          quote('Ferries are ready.', 'Lee Park'),
        ],
      },
    });
    const kinds = diffArticles(older, newer).quotes.map((change) => `${change.kind}:${change.speaker}`);
    expect(kinds).toEqual(['altered:Ana Ruiz', 'dropped:Tom Bell', 'added:Lee Park']);
  });

  it('reports headline and byline changes', () => {
    const newer = article(P, {
      title: 'Bridge closes for nine months',
      byline: {
        ...article(P).byline,
        authors: [
          { name: 'Jane Doe', source: 'jsonld' },
          { name: 'Tom Bell', source: 'byline' },
        ],
      },
    });
    const diff = diffArticles(article(P), newer);
    expect(diff.fields.map((field) => field.field)).toEqual(['title', 'authors']);
    expect(diff.updatedDate).toBe('unchanged');
  });

  it('stays bounded on an article rewritten from end to end', () => {
    const older = Array.from(
      { length: 2000 },
      (_, i) => `Old paragraph ${i} with words alpha beta gamma ${i * 7}.`,
    );
    const newer = Array.from({ length: 2000 }, (_, i) => `New text ${i} about delta epsilon zeta ${i * 11}.`);
    const diff = diffArticles(article(older), article(newer));
    // Past the comparison budget nothing is paired word by word: every paragraph is added or removed.
    expect(diff.summary.added + diff.summary.reworded).toBe(2000);
    expect(diff.summary.removed + diff.summary.reworded).toBe(2000);
    expect(diff.paragraphs.length).toBeLessThanOrEqual(4000);
  });
});
