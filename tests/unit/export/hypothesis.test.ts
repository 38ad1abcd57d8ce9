/** Importing a Hypothesis export: highlights and page notes with their selectors; the rest skipped by reason. */
import { describe, expect, it } from 'vitest';
import { parseHypothesisExport } from '../../../lib/export/hypothesis';

/** Rows as Hypothesis's API and its "Export" give them (fields abridged to those read, plus a few others). */
const highlightRow = {
  id: 'Xyz123AbC',
  created: '2024-02-01T10:00:00.123456+00:00',
  updated: '2024-02-02T10:00:00.000000+00:00',
  user: 'acct:reader@hypothes.is',
  uri: 'https://www.news.example/story?utm_source=x',
  text: 'Check this <script>alert(1)</script>',
  tags: ['budget', ' budget '],
  group: '__world__',
  target: [
    {
      source: 'https://www.news.example/story',
      selector: [
        {
          type: 'RangeSelector',
          startContainer: '/main[1]/p[2]',
          startOffset: 0,
          endContainer: '/main[1]/p[2]',
          endOffset: 18,
        },
        { type: 'TextPositionSelector', start: 120, end: 138 },
        { type: 'TextQuoteSelector', exact: 'The council voted.', prefix: 'Tuesday. ', suffix: ' A ferry' },
        { type: 'FragmentSelector', value: 'p2' },
      ],
    },
  ],
  document: { title: ['Harbor bridge to close'] },
  links: { html: 'https://hypothes.is/a/Xyz123AbC' },
};
const pageNoteRow = {
  ...highlightRow,
  id: 'PageNote1',
  text: 'Whole article is thin.',
  target: [{ source: highlightRow.uri }],
};
const replyRow = { ...highlightRow, id: 'Reply1', references: ['Xyz123AbC'] };
const pdfRow = { ...highlightRow, id: 'Pdf1', uri: 'urn:x-pdf:abc123' };

describe('parseHypothesisExport', () => {
  it('reads highlights and page notes from an export file, skipping replies and PDFs by reason', () => {
    const text = JSON.stringify({
      export_date: '2024-03-01',
      annotations: [highlightRow, pageNoteRow, replyRow, pdfRow],
    });
    const result = parseHypothesisExport(text);
    if (!result.ok) throw new Error(result.problem);
    const [highlight, note] = result.annotations;
    expect(highlight).toMatchObject({
      kind: 'highlight',
      target: { url: highlightRow.uri, title: 'Harbor bridge to close' },
      body: { note: 'Check this <script>alert(1)</script>', tags: ['budget'], colour: 'yellow' },
      created: '2024-02-01T10:00:00.123Z',
      modified: '2024-02-02T10:00:00.000Z',
    });
    expect(highlight?.target.selector.map((selector) => selector.type)).toEqual([
      'RangeSelector',
      'TextPositionSelector',
      'TextQuoteSelector',
    ]);
    expect(highlight?.pageKeys).toContain('news.example/story');
    expect(note).toMatchObject({
      kind: 'page-note',
      target: { selector: [] },
      body: { note: 'Whole article is thin.' },
    });
    expect(result.skipped).toEqual([
      { reason: 'a reply to another annotation', count: 1 },
      { reason: 'made on a PDF or another document without a web address', count: 1 },
    ]);
  });

  it('gives one Hypothesis annotation the same id every time, so a second import adds nothing', () => {
    const once = parseHypothesisExport(JSON.stringify([highlightRow]));
    const again = parseHypothesisExport(JSON.stringify([highlightRow, { ...highlightRow, id: 'Other' }]));
    if (!once.ok || !again.ok) throw new Error('expected both to be read');
    expect(again.annotations[0]?.id).toBe(once.annotations[0]?.id);
    expect(again.annotations[1]?.id).not.toBe(once.annotations[0]?.id);
    expect(once.annotations[0]?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('refuses files that are not Hypothesis exports', () => {
    expect(parseHypothesisExport('not json')).toEqual({
      ok: false,
      problem: expect.stringMatching(/not valid JSON/),
    });
    expect(parseHypothesisExport('{"format": "scrutiny-backup"}')).toMatchObject({ ok: false });
    expect(parseHypothesisExport('[{"hello": 1}]')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/none of its entries/),
    });
    expect(parseHypothesisExport('['.repeat(100_000))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/nests/),
    });
  });
});
