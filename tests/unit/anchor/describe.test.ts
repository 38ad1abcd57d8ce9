/** lib/anchor describeRange: a selection in, its three selectors out. */
import { describe as suite, expect, it } from 'vitest';
import { describeRange } from '../../../lib/anchor/highlights';
import { page, select } from './helpers';

suite('describeRange', () => {
  it('gives the range, the position in normalized text and the quote with 32 characters of context', () => {
    const document = page(
      '<div id="root"><p>Intro text comes first.</p><p>The mayor said “we will not vote tonight” to reporters, who left.</p></div>',
    );
    const root = document.getElementById('root')!;
    const range = select(document, 'we will not vote tonight');
    expect(describeRange(root, range)).toEqual({
      range: {
        type: 'RangeSelector',
        startContainer: '/p[2]',
        startOffset: 16,
        endContainer: '/p[2]',
        endOffset: 40,
      },
      // "Introtextcomesfirst." is 20 characters, "Themayorsaid“" 13 more: whitespace is not counted.
      position: { type: 'TextPositionSelector', start: 33, end: 53 },
      quote: {
        type: 'TextQuoteSelector',
        exact: 'we will not vote tonight',
        // 32 visible characters each side (the prefix starts inside "Intro"), as a reader would copy
        // them: the paragraph break is a blank line.
        prefix: 'ntro text comes first.\n\nThe mayor said “',
        suffix: '” to reporters, who left.',
      },
    });
  });

  it('ends the prefix with the paragraph break when the passage begins a paragraph', () => {
    const document = page(
      '<div id="root"><p>First paragraph ends here.</p><p>Second one starts here and goes on.</p></div>',
    );
    const selectors = describeRange(document.getElementById('root')!, select(document, 'Second one starts'));
    expect(selectors.quote.prefix).toBe('First paragraph ends here.\n\n');
    expect(selectors.quote.suffix).toBe(' here and goes on.');
  });

  it('shrinks the selection to the visible characters it covers', () => {
    const document = page('<div id="root"><p>Alpha beta.</p>\n   <p>  Gamma delta.  </p></div>');
    const paragraph = document.querySelectorAll('p')[1]!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const selectors = describeRange(document.getElementById('root')!, range);
    expect(selectors.quote.exact).toBe('Gamma delta.');
    expect(selectors.position).toEqual({ type: 'TextPositionSelector', start: 10, end: 21 });
    expect(selectors.range).toMatchObject({ startContainer: '/p[2]', startOffset: 2, endOffset: 14 });
  });

  it('writes a passage across paragraphs with a blank line, inline markup and NBSP as plain spaces', () => {
    const document = page('<div id="root"><p>One <em>two</em>&nbsp;three.</p><p>Four\n   five.</p></div>');
    const range = document.createRange();
    range.setStart(document.querySelector('em')!.firstChild!, 0);
    range.setEnd(document.querySelectorAll('p')[1]!.firstChild!, 4);
    const selectors = describeRange(document.getElementById('root')!, range);
    expect(selectors.quote.exact).toBe('two three.\n\nFour');
    expect(selectors.range).toEqual({
      type: 'RangeSelector',
      startContainer: '/p[1]',
      startOffset: 4,
      endContainer: '/p[2]',
      endOffset: 4,
    });
  });

  it('keeps typographic quotes in the quote and counts them as one character in the position', () => {
    const document = page('<div id="root"><p>She said it’s “fine”.</p></div>');
    const selectors = describeRange(document.getElementById('root')!, select(document, 'it’s “fine”'));
    expect(selectors.quote.exact).toBe('it’s “fine”');
    // "Shesaid" is 7 characters, "it’s“fine”" 10.
    expect(selectors.position).toEqual({ type: 'TextPositionSelector', start: 7, end: 17 });
  });

  it('leaves hidden text out of positions and quotes', () => {
    const document = page(
      '<div id="root"><p>Before <span hidden>SECRET</span><script>var x = 1;</script>after the break.</p></div>',
    );
    const selectors = describeRange(document.getElementById('root')!, select(document, 'after the break'));
    expect(selectors.position).toEqual({ type: 'TextPositionSelector', start: 6, end: 19 });
    expect(selectors.quote.prefix).toBe('Before ');
  });

  it('refuses a selection with no visible text', () => {
    const document = page('<div id="root"><p>Text.</p>   <p hidden>Hidden.</p></div>');
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p[hidden]')!);
    expect(() => describeRange(document.getElementById('root')!, range)).toThrow(RangeError);
  });
  it('reads a page whose form clobbers tagName and hasAttribute', () => {
    const document = page(
      '<div id="root"><form><input name="tagName"><input name="hasAttribute"><p>Inside the form a passage sits.</p></form><p>After it, more.</p></div>',
    );
    // Browsers expose named form controls as own properties of the form; jsdom does not, so do it by hand.
    const form = document.querySelector('form')!;
    for (const name of ['tagName', 'hasAttribute'])
      Object.defineProperty(form, name, { value: form.querySelector(`[name="${name}"]`) });
    const selectors = describeRange(document.getElementById('root')!, select(document, 'a passage sits'));
    expect(selectors.quote.exact).toBe('a passage sits');
    expect(selectors.quote.suffix).toBe('.\n\nAfter it, more.');
  });
});
