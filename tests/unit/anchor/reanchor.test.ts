/** lib/anchor anchorAll / anchorPassage: stored selectors back to the passage, or orphaned, after page edits. */
import { describe as suite, expect, it } from 'vitest';
import type { PassageSelectors, Selector } from '../../../lib/annotations/types';
import { anchorAll, anchorPassage } from '../../../lib/anchor/highlights';
import { describe, page, startId, STORY, storyPage } from './helpers';

/** The story page, with paragraph `id`'s HTML replaced (or removed with ''). */
function edited(changes: Record<string, string>, before: string[] = []): Document {
  const paragraphs: Record<string, string> = {
    p1: STORY.lead,
    p2: `${STORY.buses} ${STORY.critics}`,
    p3: STORY.mayor,
    p4: `${STORY.cost} ${STORY.residents}`,
    p5: STORY.next,
  };
  return storyPage([
    ...before,
    ...Object.entries(paragraphs).flatMap(([id, html]) => {
      const changed = changes[id] ?? html;
      return changed === '' ? [] : [`<p id="${id}">${changed}</p>`];
    }),
  ]);
}

suite('anchorAll: the same page', () => {
  it('finds every passage again by its range selector, in the article root', () => {
    const document = storyPage();
    const stored = [
      describe(document, STORY.buses),
      describe(document, STORY.mayor),
      describe(document, 'late and crowded'),
    ];
    const anchors = anchorAll(document, stored);
    expect(anchors.map((anchor) => anchor?.method)).toEqual(['range', 'range', 'range']);
    expect(anchors.map((anchor) => anchor?.range.toString())).toEqual([
      STORY.buses,
      STORY.mayor,
      'late and crowded',
    ]);
    expect(anchors[0]!.root.id).toBe('story');
    expect(anchors[0]!.score).toBe(1);
    expect(anchors[0]!.position).toEqual(stored[0]!.position);
  });

  it('takes the selectors as stored on an annotation, in any order', () => {
    const document = storyPage();
    const { range, position, quote } = describe(document, STORY.cost);
    const stored: Selector[] = [quote, position, range];
    expect(anchorPassage(document, stored)?.range.toString()).toBe(STORY.cost);
    // A quote alone still finds it.
    expect(anchorPassage(document, [quote])).toMatchObject({ method: 'quote' });
    // Without a quote nothing can confirm a range or position: orphaned.
    expect(anchorPassage(document, [range, position])).toBeNull();
  });

  it('describes a selection outside the article against the body, and finds it there', () => {
    const document = storyPage();
    const stored = describe(document, 'Harbour board delays vote');
    expect(stored.range.startContainer).toBe('/main[1]/aside[1]/ol[1]/li[1]');
    const anchor = anchorPassage(document, stored);
    expect(anchor?.root).toBe(document.body);
    expect(startId(anchor?.range)).toBe('mr1');
  });
});

suite('anchorAll: edits around and inside the passage', () => {
  const stored = describe(storyPage(), STORY.buses);

  it('keeps the range selector when words inside the paragraph get markup', () => {
    const document = edited({
      p2: `After three hours of <em>debate</em>, the council approved <a href="/buses">12 new electric buses</a> for the northern routes, officials said. ${STORY.critics}`,
    });
    const anchor = anchorPassage(document, stored);
    expect(anchor?.method).toBe('range');
    expect(anchor?.range.toString()).toBe(STORY.buses);
  });

  it('falls back to the position when line breaks and NBSP change the raw offsets', () => {
    const document = edited({
      p2: `After three hours of debate, the council\n      approved 12&nbsp;new electric buses for the northern routes, officials said. ${STORY.critics}`,
    });
    const anchor = anchorPassage(document, stored);
    expect(anchor?.method).toBe('position');
    expect(anchor?.range.toString()).toBe(
      'After three hours of debate, the council\n      approved 12\u00a0new electric buses for the northern routes, officials said.',
    );
  });

  it('searches the quote when a paragraph inserted above moves every XPath and position', () => {
    const document = edited({}, [
      '<p id="note">Editor’s note: this story was updated on Wednesday with the final vote count.</p>',
    ]);
    const anchor = anchorPassage(document, stored);
    expect(anchor?.method).toBe('quote');
    expect(anchor?.range.toString()).toBe(STORY.buses);
    expect(startId(anchor?.range)).toBe('p2');
  });

  it('finds the quote when the range selector is broken and the position shifted', () => {
    const broken: PassageSelectors = {
      ...stored,
      range: { ...stored.range, startContainer: '/div[7]/p[1]' },
      position: { ...stored.position, start: stored.position.start + 40, end: stored.position.end + 40 },
    };
    const anchor = anchorPassage(storyPage(), broken);
    expect(anchor?.method).toBe('quote');
    expect(startId(anchor?.range)).toBe('p2');
    // The range selector alone broken: the position still holds.
    expect(anchorPassage(storyPage(), { ...stored, range: broken.range })?.method).toBe('position');
  });

  it('finds the passage when a sentence is inserted right before or right after it', () => {
    // Before: the offsets in the paragraph move and the prefix changes; the suffix still agrees.
    const before = edited({ p2: `A second vote is planned. ${STORY.buses} ${STORY.critics}` });
    const anchor = anchorPassage(before, stored);
    expect(anchor?.method).toBe('quote');
    expect(anchor?.range.toString()).toBe(STORY.buses);
    // After: the range selector still holds, its quote checked.
    const after = edited({ p2: `${STORY.buses} The vote was 7 to 2. ${STORY.critics}` });
    expect(anchorPassage(after, stored)).toMatchObject({ method: 'range' });
    expect(anchorPassage(after, stored)?.range.toString()).toBe(STORY.buses);
  });

  it('finds the edited passage by fuzzy matching after a typo fix inside it', () => {
    const withTypo = STORY.critics.replace('expensive', 'expensvie');
    const paragraphs = (critics: string) => [
      `<p id="p1">${STORY.lead}</p>`,
      `<p id="p2">${critics} Then the vote.</p>`,
    ];
    const stored = describe(storyPage(paragraphs(withTypo)), withTypo);
    const anchor = anchorPassage(storyPage(paragraphs(STORY.critics)), stored);
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor?.range.toString()).toBe(STORY.critics);
    expect(anchor!.score).toBeGreaterThan(0.9);
  });

  it('spans words inserted inside the passage', () => {
    const document = edited({
      p2: `After three hours of heated debate, the council narrowly approved 12 new electric buses for the northern routes, officials said. ${STORY.critics}`,
    });
    const anchor = anchorPassage(document, stored);
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor?.range.toString()).toBe(
      'After three hours of heated debate, the council narrowly approved 12 new electric buses for the northern routes, officials said.',
    );
  });

  it('finds a whole paragraph moved elsewhere in the article', () => {
    const whole = describe(storyPage(), STORY.mayor);
    const document = storyPage([
      `<p id="p1">${STORY.lead}</p>`,
      `<p id="p2">${STORY.buses} ${STORY.critics}</p>`,
      `<p id="p4">${STORY.cost} ${STORY.residents}</p>`,
      `<p id="p5">${STORY.next}</p>`,
      `<p id="p3">${STORY.mayor}</p>`,
    ]);
    const anchor = anchorPassage(document, whole);
    expect(anchor?.method).toBe('quote');
    expect(startId(anchor?.range)).toBe('p3');
  });

  it('finds a passage in a paragraph that moved, by its unchanged context', () => {
    const inside = describe(storyPage(), 'approved 12 new electric buses for the northern routes');
    const document = storyPage([
      `<p id="p1">${STORY.lead}</p>`,
      `<p id="p3">${STORY.mayor}</p>`,
      `<p id="p4">${STORY.cost} ${STORY.residents}</p>`,
      `<p id="p2">${STORY.buses} ${STORY.critics}</p>`,
      `<p id="p5">${STORY.next}</p>`,
    ]);
    expect(startId(anchorPassage(document, inside)?.range)).toBe('p2');
  });
});

suite('anchorAll: repeated passages', () => {
  const twice = (extra = '') =>
    page(`<article>${extra}
      <p id="a">The vote was close. We will not raise fares this year, the mayor said at the start of the meeting.</p>
      <p id="b">Later she repeated the promise. We will not raise fares this year, the mayor said again to reporters outside.</p>
      <p>${STORY.lead} ${STORY.next} ${STORY.residents}</p></article>`);

  const promise = 'We will not raise fares this year, the mayor said';

  it('lets prefix and suffix pick the right occurrence, before and after the page shifts', () => {
    const second = describe(twice(), promise, 1);
    expect(startId(anchorPassage(twice(), second)?.range)).toBe('b');
    const shifted = twice('<p>Update: the council has since voted on the fares.</p>');
    const anchor = anchorPassage(shifted, second);
    expect(anchor?.method).toBe('quote');
    expect(startId(anchor?.range)).toBe('b');
    expect(startId(anchorPassage(shifted, describe(twice(), promise, 0))?.range)).toBe('a');
  });

  it('places a short phrase only where the passages found for sure say it is', () => {
    const phrase = describe(twice(), 'We will not raise fares', 1);
    const shifted = twice('<p>Update: the council has since voted on the fares.</p>');
    // Alone on the page, moved by the update above it: nothing pins it down, so it is orphaned.
    expect(anchorPassage(shifted, phrase)).toBeNull();
    // With the rest of its sentence highlighted too, the order says which occurrence it is.
    const landmarks = [describe(twice(), 'the mayor said again to reporters outside.'), phrase];
    expect(anchorAll(shifted, landmarks).map((anchor) => startId(anchor?.range))).toEqual(['b', 'b']);
  });
});

suite('anchorAll: orphaned rather than wrong', () => {
  it('orphans a passage that was removed', () => {
    const stored = describe(storyPage(), STORY.mayor);
    expect(anchorPassage(edited({ p3: '' }), stored)).toBeNull();
  });

  it('orphans a paragraph that was rewritten in place', () => {
    const stored = describe(storyPage(), STORY.mayor);
    const rewritten = edited({
      p3: 'Mayor Ana Ruiz told reporters after the vote that families had waited long enough.',
    });
    expect(anchorPassage(rewritten, stored)).toBeNull();
  });

  it('does not let the same sentence with another figure elsewhere capture the note', () => {
    const stored = describe(storyPage(), STORY.cost);
    const document = edited({
      p4: STORY.residents,
      p5: `${STORY.next} The buses will cost $16.8 million over the next four years, according to a budget document.`,
    });
    expect(anchorPassage(document, stored)).toBeNull();
    // The figure corrected in place, with the words on both sides unchanged, is the same passage edited.
    const corrected = edited({ p4: `${STORY.cost.replace('14.2', '14.7')} ${STORY.residents}` });
    expect(anchorPassage(corrected, stored)?.range.toString()).toBe(STORY.cost.replace('14.2', '14.7'));
  });

  it('does not let the same sentence with another name elsewhere capture the note', () => {
    const stored = describe(storyPage(), STORY.residents);
    const document = edited({
      p4: STORY.cost,
      p1: `${STORY.lead} Residents of Eastfield have complained for years about late and crowded buses.`,
    });
    expect(anchorPassage(document, stored)).toBeNull();
  });

  it('does not attach to a pull quote repeating a deleted paragraph', () => {
    const withPullQuote = (mayor: boolean) =>
      storyPage([
        `<p id="p1">${STORY.lead}</p>`,
        `<p id="p2">${STORY.buses} ${STORY.critics}</p>`,
        ...(mayor ? [`<p id="p3">${STORY.mayor}</p>`] : []),
        `<p id="p4">${STORY.cost} ${STORY.residents}</p>`,
        `<aside class="pull-quote"><p>${STORY.mayor}</p></aside>`,
        `<p id="p5">${STORY.next}</p>`,
      ]);
    const stored = describe(withPullQuote(true), STORY.mayor, 0);
    expect(startId(anchorPassage(withPullQuote(true), stored)?.range)).toBe('p3');
    expect(anchorPassage(withPullQuote(false), stored)).toBeNull();
  });

  it('does not take the paragraph that followed a deleted one for it, however alike', () => {
    const first = 'In 2019 the council approved 12 new electric buses for the northern routes.';
    const second = 'In 2020 the council approved 14 new electric buses for the southern routes.';
    const document = (withFirst: boolean) =>
      storyPage([
        `<p id="p1">${STORY.lead}</p>`,
        ...(withFirst ? [`<p id="first">${first}</p>`] : []),
        `<p id="second">${second}</p>`,
        `<p id="p5">${STORY.next} ${STORY.critics}</p>`,
      ]);
    const stored = describe(document(true), first);
    expect(startId(anchorPassage(document(true), stored)?.range)).toBe('first');
    expect(anchorPassage(document(false), stored)).toBeNull();
  });

  it('needs both sides of context for a short phrase, and orphans it when its sentence is gone', () => {
    const stored = describe(storyPage(), 'late and crowded');
    expect(anchorPassage(storyPage(), stored)?.method).toBe('range');
    const document = edited({
      p4: STORY.cost,
      p5: `${STORY.next} Commuters in Eastfield call the trams late and crowded as well.`,
    });
    expect(anchorPassage(document, stored)).toBeNull();
  });

  it('keeps weak matches within the order of the passages found for sure', () => {
    // Three highlights; the middle one's sentence is deleted, and a copy of it with one side of its
    // context stands two paragraphs further down, out of order with the third highlight.
    const sentence = 'The authority will publish its own estimate of the cost before the vote.';
    const before = storyPage([
      `<p id="p1">${STORY.lead}</p>`,
      `<p id="p2">${STORY.buses} ${sentence}</p>`,
      `<p id="p3">${STORY.mayor}</p>`,
      `<p id="p4">${STORY.cost} ${STORY.residents}</p>`,
      `<p id="p5">${STORY.next}</p>`,
    ]);
    const stored = [describe(before, STORY.lead), describe(before, sentence), describe(before, STORY.mayor)];
    const after = storyPage([
      `<p id="p1">${STORY.lead}</p>`,
      `<p id="p2">${STORY.buses}</p>`,
      `<p id="p3">${STORY.mayor}</p>`,
      `<p id="p4">${STORY.cost} ${STORY.residents}</p>`,
      `<p id="p5">${STORY.buses} ${sentence} ${STORY.critics}</p>`,
    ]);
    const anchors = anchorAll(after, stored);
    expect(anchors.map((anchor) => startId(anchor?.range))).toEqual(['p1', null, 'p3']);
  });
});
