import { afterEach, describe, expect, it } from 'vitest';
import {
  announceLibraryChange,
  onLibraryChange,
  readLibraryChange,
  type LibraryChange,
} from '../../../lib/library/sync';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('library changes between the extension’s pages', () => {
  it('reaches every listener of the channel, in this page too', async () => {
    const heard: LibraryChange[] = [];
    stops.push(onLibraryChange((change) => heard.push(change)));
    announceLibraryChange({ tables: ['articles'], ids: ['a1'], pageKeys: ['news.example/story'] });
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]).toEqual({
      type: 'scrutiny/library-changed',
      tables: ['articles'],
      ids: ['a1'],
      pageKeys: ['news.example/story'],
    });
  });

  it('ignores anything that is not a well-formed change', async () => {
    const heard: LibraryChange[] = [];
    stops.push(onLibraryChange((change) => heard.push(change)));
    const channel = new BroadcastChannel('scrutiny-library');
    channel.postMessage({ type: 'scrutiny/library-changed', tables: ['passwords'], ids: [], pageKeys: [] });
    channel.postMessage('hello');
    channel.postMessage({ type: 'scrutiny/library-changed', tables: ['articles'], ids: [1], pageKeys: [] });
    announceLibraryChange({ tables: ['clippings'], ids: [], pageKeys: [] });
    channel.close();
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]!.tables).toEqual(['clippings']);
  });

  it('checks a message field by field and copies what it keeps', () => {
    const ids = ['x'];
    const read = readLibraryChange({
      type: 'scrutiny/library-changed',
      tables: ['annotations'],
      ids,
      pageKeys: [],
    });
    expect(read?.ids).toEqual(['x']);
    expect(read?.ids).not.toBe(ids);
    expect(readLibraryChange(null)).toBeNull();
    expect(
      readLibraryChange({ type: 'scrutiny/library-changed', tables: 'articles', ids: [], pageKeys: [] }),
    ).toBeNull();
    expect(
      readLibraryChange({ type: 'scrutiny/library-changed', tables: ['articles'], ids: [], pageKeys: 'k' }),
    ).toBeNull();
  });
});
