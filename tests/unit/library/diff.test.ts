import { describe, expect, it } from 'vitest';
import type { Analysis, Quote } from '../../../lib/analyze/types';
import {
  diffArticles,
  diffParagraphs,
  paragraphsOf,
  wordChanges,
  MAX_WORD_EDITS,
  type DiffableArticle,
  type ParagraphChange,
} from '../../../lib/library/diff';
import type { StoredByline } from '../../../lib/library/types';

function quote(text: string, speaker: string | null, paragraph = 0): Quote {
  return {
    text,
    speaker,
    speakerMention: speaker,
    cue: 'said',
    anonymous: false,
    paragraph,
    start: 0,
    end: text.length,
    selector: { exact: text, prefix: '', suffix: '' },
  };
}

function analysis(quotes: Quote[]): Analysis {
  return {
    quotes,
    sources: [],
    glance: {
      quotes: quotes.length,
      speakers: 0,
      unattributedQuotes: 0,
      namedSources: 0,
      anonymousSources: 0,
      quotedShare: 0,
      linksOut: 0,
      minutesToUpdate: null,
    },
  };
}

const BYLINE: StoredByline = {
  authors: [
    { name: 'Jane Doe', source: 'jsonld' },
    { name: 'Tom Bell', source: 'byline' },
  ],
  outlet: { name: 'Harbor Daily', source: 'jsonld' },
  published: '2026-03-03T10:00:00Z',
  modified: '2026-03-03T12:00:00Z',
  publishedSource: 'jsonld',
  modifiedSource: 'jsonld',
  wire: null,
  contributors: [],
};

const PARAGRAPHS = [
  'The city council voted on Tuesday to close the old harbor bridge for eight months of repairs.',
  'Shop owners on both banks worry about losing customers during the closure.',
  'The repairs are expected to cost 42 million dollars, paid by the state.',
  'A ferry service will run while the bridge is closed.',
];

const QUOTES = [
  quote('We cannot keep people on a bridge we would not walk on ourselves.', 'Ana Ruiz', 0),
  quote('It is painful for every shop on the river.', 'Tom Bell', 1),
];

function article(change: Partial<DiffableArticle> = {}, paragraphs = PARAGRAPHS): DiffableArticle {
  return {
    title: 'Harbor bridge to close',
    text: paragraphs.join('\n\n'),
    byline: BYLINE,
    analysis: analysis(QUOTES),
    ...change,
  };
}

const kinds = (changes: ParagraphChange[]) => changes.map((change) => change.kind);

describe('diffArticles: nothing changed', () => {
  it('calls two equal versions identical', () => {
    const diff = diffArticles(article(), article());
    expect(diff).toEqual({
      identical: true,
      paragraphs: [],
      quotes: [],
      fields: [],
      updatedDate: 'none',
      summary: { added: 0, removed: 0, reworded: 0, quotesChanged: 0 },
    });
  });

  it('calls whitespace-only changes identical: spaces, line breaks, blank lines between paragraphs', () => {
    const spaced = PARAGRAPHS.map((paragraph) => `  ${paragraph.replace(/ /g, ' \u00a0')}\n`).join('\n\n\n');
    const split = PARAGRAPHS.join('\n\n').replace('for eight months', 'for eight\n\nmonths');
    for (const text of [spaced, split]) {
      const diff = diffArticles(article(), article({ text, title: ' Harbor  bridge to close ' }));
      expect(diff.identical).toBe(true);
      expect(diff.updatedDate).toBe('none');
    }
  });

  it('does not count a reordered author list, or the same instant written another way', () => {
    const newer = article({
      byline: {
        ...BYLINE,
        authors: [...BYLINE.authors].reverse(),
        modified: '2026-03-03T13:00:00+01:00',
      },
    });
    expect(diffArticles(article(), newer).identical).toBe(true);
  });
});

describe('diffArticles: paragraphs', () => {
  it('reports a reworded paragraph word by word', () => {
    const edited = [...PARAGRAPHS];
    edited[0] = edited[0]!.replace('eight', 'nine');
    const diff = diffArticles(article(), article({}, edited));
    expect(diff.paragraphs).toHaveLength(1);
    const [change] = diff.paragraphs;
    if (change?.kind !== 'reworded') throw new Error(`expected reworded, got ${change?.kind}`);
    expect(change).toMatchObject({ oldIndex: 0, newIndex: 0 });
    expect(change.words.filter((word) => word.removed).map((word) => word.value)).toEqual(['eight']);
    expect(change.words.filter((word) => word.added).map((word) => word.value)).toEqual(['nine']);
    expect(change.words.map((word) => (word.added ? '' : word.value)).join('')).toBe(PARAGRAPHS[0]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, reworded: 1, quotesChanged: 0 });
  });

  it('reports added and removed paragraphs in the new text’s reading order, with their indices', () => {
    const edited = [
      PARAGRAPHS[0]!,
      'Cyclists may still cross on a temporary walkway.',
      PARAGRAPHS[2]!,
      PARAGRAPHS[3]!,
    ];
    const diff = diffArticles(article(), article({}, edited));
    expect(diff.paragraphs).toEqual([
      { kind: 'removed', before: 1, text: PARAGRAPHS[1] },
      { kind: 'added', after: 1, text: 'Cyclists may still cross on a temporary walkway.' },
    ]);
    const appended = diffArticles(article(), article({}, [...PARAGRAPHS, 'Editor’s note: updated.']));
    expect(appended.paragraphs).toEqual([{ kind: 'added', after: 4, text: 'Editor’s note: updated.' }]);
    const cut = diffArticles(article(), article({}, PARAGRAPHS.slice(1)));
    expect(cut.paragraphs).toEqual([{ kind: 'removed', before: 0, text: PARAGRAPHS[0] }]);
    expect(cut.summary).toMatchObject({ added: 0, removed: 1 });
  });

  it('pairs a reworded paragraph inside a run of changes and keeps the others added or removed', () => {
    const edited = [
      'An editor’s note opens the story now.',
      PARAGRAPHS[0]!.replace('Tuesday', 'Monday'),
      PARAGRAPHS[2]!,
      PARAGRAPHS[3]!,
    ];
    const diff = diffArticles(article(), article({}, edited));
    expect(kinds(diff.paragraphs)).toEqual(['added', 'reworded', 'removed']);
    expect(diff.paragraphs[1]).toMatchObject({ oldIndex: 0, newIndex: 1 });
  });

  it('does not pair paragraphs sharing less than half their words', () => {
    const edited = [...PARAGRAPHS];
    edited[1] = 'Shop owners said nothing at all when asked yesterday about anything.';
    expect(kinds(diffArticles(article(), article({}, edited)).paragraphs)).toEqual(['removed', 'added']);
  });

  it('aligns around repeated paragraphs without reporting them', () => {
    const withAds = (paragraphs: string[]) => paragraphs.flatMap((paragraph) => [paragraph, 'Advertisement']);
    const edited = [...PARAGRAPHS];
    edited[2] = 'The repairs are expected to cost 45 million dollars, paid by the state.';
    const diff = diffParagraphs(withAds(PARAGRAPHS).join('\n\n'), withAds(edited).join('\n\n'));
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatchObject({ kind: 'reworded', oldIndex: 4, newIndex: 4 });
  });

  it('reads paragraphs as blocks between blank lines', () => {
    expect(paragraphsOf('One\n\nTwo  words\n \n\nThree\nlines\n\n')).toEqual([
      'One',
      'Two words',
      'Three lines',
    ]);
  });
});

describe('diffArticles: quotes', () => {
  it('tells quotes altered, dropped and added apart', () => {
    const newer = article({
      analysis: analysis([
        quote('We cannot keep anyone on a bridge we would not cross ourselves.', 'Ana Ruiz', 0),
        quote('Ferries are ready to run.', 'Lee Park', 3),
      ]),
    });
    const diff = diffArticles(article(), newer);
    expect(diff.quotes.map((change) => `${change.kind}:${change.speaker}`)).toEqual([
      'altered:Ana Ruiz',
      'dropped:Tom Bell',
      'added:Lee Park',
    ]);
    const altered = diff.quotes[0]!;
    expect(altered.old).toBe(QUOTES[0]!.text);
    expect(altered.new).toBe('We cannot keep anyone on a bridge we would not cross ourselves.');
    expect(altered.words?.filter((word) => word.removed).map((word) => word.value)).toEqual([
      'people',
      'walk on',
    ]);
    expect(diff.summary.quotesChanged).toBe(3);
    expect(diff.updatedDate).toBe('unchanged');
  });

  it('prefers the quote of the same speaker when two are equally similar', () => {
    const older = article({
      analysis: analysis([
        quote('The bridge will close in May.', 'Ana Ruiz'),
        quote('The bridge will close in May.', 'Tom Bell'),
      ]),
    });
    const newer = article({ analysis: analysis([quote('The bridge will close in June.', 'Tom Bell')]) });
    const diff = diffArticles(older, newer);
    expect(diff.quotes.map((change) => `${change.kind}:${change.speaker}`)).toEqual([
      'dropped:Ana Ruiz',
      'altered:Tom Bell',
    ]);
  });

  it('counts the same words credited to someone else as the same quote, and skips quotes without an analysis', () => {
    const recredited = article({ analysis: analysis([QUOTES[0]!, { ...QUOTES[1]!, speaker: 'Lee Park' }]) });
    expect(diffArticles(article(), recredited).quotes).toEqual([]);
    expect(diffArticles(article({ analysis: null }), article({ analysis: analysis([]) })).quotes).toEqual([]);
    expect(diffArticles(article(), article({ analysis: null })).identical).toBe(true);
  });
});

describe('diffArticles: headline, byline and the updated date', () => {
  it('reports headline, author, outlet and publication changes', () => {
    const newer = article({
      title: 'Harbor bridge closes for nine months',
      byline: {
        ...BYLINE,
        authors: [{ name: 'Jane Doe', source: 'jsonld' }],
        outlet: { name: 'Harbor Daily News', source: 'jsonld' },
        published: '2026-03-02T10:00:00Z',
      },
    });
    const diff = diffArticles(article(), newer);
    expect(diff.fields).toEqual([
      { field: 'title', old: 'Harbor bridge to close', new: 'Harbor bridge closes for nine months' },
      { field: 'authors', old: 'Jane Doe, Tom Bell', new: 'Jane Doe' },
      { field: 'outlet', old: 'Harbor Daily', new: 'Harbor Daily News' },
      { field: 'published', old: '2026-03-03T10:00:00Z', new: '2026-03-02T10:00:00Z' },
    ]);
    expect(diff.identical).toBe(false);
    expect(diff.updatedDate).toBe('unchanged');
  });

  it('says the updated date moved when it did, with or without other changes', () => {
    const later = { ...BYLINE, modified: '2026-03-04T08:00:00Z' };
    const edited = [...PARAGRAPHS];
    edited[3] = 'A ferry service will run every twenty minutes while the bridge is closed.';
    const diff = diffArticles(article(), article({ byline: later }, edited));
    expect(diff.updatedDate).toBe('moved');
    expect(diff.fields).toEqual([
      { field: 'modified', old: '2026-03-03T12:00:00Z', new: '2026-03-04T08:00:00Z' },
    ]);
    const dateOnly = diffArticles(article(), article({ byline: later }));
    expect(dateOnly).toMatchObject({ identical: false, updatedDate: 'moved', paragraphs: [] });
    const firstDate = diffArticles(
      article({ byline: { ...BYLINE, modified: null } }),
      article({ byline: later }),
    );
    expect(firstDate.updatedDate).toBe('moved');
  });

  it('says the text was edited without a new updated date', () => {
    const edited = [...PARAGRAPHS];
    edited[3] = 'A ferry service will run every twenty minutes while the bridge is closed.';
    expect(diffArticles(article(), article({}, edited)).updatedDate).toBe('unchanged');
  });
});

describe('diffArticles: bounded on hostile input', () => {
  it('lists 2,000 paragraphs replaced by 2,000 others as removed and added, pairing none', () => {
    const older = Array.from(
      { length: 2000 },
      (_, at) => `Old paragraph ${at} with alpha beta gamma ${at * 7}.`,
    );
    const newer = Array.from(
      { length: 2000 },
      (_, at) => `New text ${at} about delta epsilon zeta ${at * 11}.`,
    );
    const diff = diffArticles(article({}, older), article({}, newer));
    expect(diff.summary).toEqual({ added: 2000, removed: 2000, reworded: 0, quotesChanged: 0 });
    expect(diff.paragraphs).toHaveLength(4000);
  });

  it('pairs each paragraph at most once and in order when every paragraph looks like every other', () => {
    // Every word is in every paragraph: too common to suggest pairs, so nothing is compared word by word.
    const same = (at: number) => `alpha beta gamma delta epsilon ${'zeta '.repeat(at % 3)}${at}`;
    const older = Array.from({ length: 500 }, (_, at) => same(at));
    const newer = Array.from({ length: 500 }, (_, at) => same(at + 1000));
    const diff = diffArticles(article({}, older), article({}, newer));
    const reworded = diff.paragraphs.filter((change) => change.kind === 'reworded');
    expect(reworded).toHaveLength(0);
    expect(diff.summary.added + diff.summary.reworded).toBe(500);
    expect(diff.summary.removed + diff.summary.reworded).toBe(500);
  });

  it('lists paragraphs moved from end to start as removed and added, each once', () => {
    const older = Array.from({ length: 2000 }, (_, at) => `Paragraph number ${at} says something.`);
    const diff = diffArticles(article({}, older), article({}, [...older].reverse()));
    expect(diff.summary.reworded).toBe(0);
    expect(diff.summary.added).toBe(diff.summary.removed);
    expect(diff.summary.added).toBeLessThan(2000);
    const removed = diff.paragraphs.flatMap((change) => (change.kind === 'removed' ? [change.before] : []));
    expect(new Set(removed).size).toBe(removed.length);
  });

  it('shows a block rewritten in too many places as replaced whole instead of diffing it word by word', () => {
    const words = Array.from({ length: 3 * MAX_WORD_EDITS }, (_, at) => `w${at}`);
    const older = words.join(' ');
    const newer = words.map((word, at) => (at % 2 ? `x${at}` : word)).join(' ');
    expect(wordChanges(older, newer)).toEqual([
      { value: older, removed: true },
      { value: newer, added: true },
    ]);
    const fewEdits = words.map((word, at) => (at === 10 ? 'changed' : word)).join(' ');
    expect(wordChanges(older, fewEdits).filter((change) => change.added || change.removed)).toHaveLength(2);
  });
});
