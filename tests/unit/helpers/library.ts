/** What the library tests save: one article with a byline, a quote and a source, and a clipping's citation. */
import type { SnapshotInput } from '../../../lib/library/snapshot';

export function articleInput(change: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    url: 'https://harbor.example/story?utm_source=feed',
    canonicalUrl: 'https://harbor.example/story',
    title: 'Harbor bridge to close',
    lang: 'en',
    byline: {
      authors: [{ name: 'Jane Doe', source: 'jsonld' }],
      outlet: { name: 'Harbor Daily', source: 'jsonld' },
      published: '2026-03-03T16:12:00Z',
      modified: null,
      publishedSource: 'jsonld',
      modifiedSource: null,
      wire: null,
      contributors: [],
    },
    html: '<p>The council voted.</p>',
    text: 'The council voted.\n\nA ferry will run.',
    wordCount: 7,
    excerpt: 'The council voted.',
    analysis: {
      quotes: [
        {
          text: 'We cannot keep people on a bridge',
          speaker: 'Ana Ruiz',
          speakerMention: 'Mayor Ana Ruiz',
          cue: 'said',
          anonymous: false,
          paragraph: 0,
          start: 0,
          end: 10,
          selector: { exact: 'We cannot', prefix: '', suffix: '' },
        },
      ],
      sources: [{ name: 'transit agency', kind: 'official', mentions: 1, url: null, places: [] }],
      glance: {
        quotes: 1,
        speakers: 1,
        unattributedQuotes: 0,
        namedSources: 1,
        anonymousSources: 0,
        quotedShare: 0.1,
        linksOut: 0,
        minutesToUpdate: null,
      },
    },
    ...change,
  };
}

export const citation = {
  title: 'Harbor bridge to close',
  authors: ['Jane Doe'],
  outlet: 'Harbor Daily',
  published: '2026-03-03',
  url: 'https://harbor.example/story',
  accessed: '2026-12-04T10:00:00.000Z',
  lang: 'en',
};
