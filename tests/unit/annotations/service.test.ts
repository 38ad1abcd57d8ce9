/** The background's answers to store requests: who may do what, for which page, and what changed. */
import { describe, expect, it } from 'vitest';
import { answerStoreRequest } from '../../../lib/annotations/service';
import { article, fillTheDisk, freshDatabase, passage } from '../store/database';

const FRAME = 'https://www.example.com/news/2024/05/water-plan?utm_source=twitter';
const create = {
  type: 'scrutiny/highlight-create' as const,
  page: article,
  selectors: passage('the water plan', 40),
  colour: 'green' as const,
  note: 'Who pays?',
};

describe('answering store requests', () => {
  it('lets a page’s annotator add to and list its own page, and says which page keys changed', async () => {
    const db = freshDatabase();
    const made = await answerStoreRequest(db, create, FRAME);
    expect(made.response.ok).toBe(true);
    expect(made.changedKeys).toContain('example.com/news/2024/05/water-plan');
    const listed = await answerStoreRequest(db, { type: 'scrutiny/annotations-list', page: article }, FRAME);
    expect(listed.changedKeys).toEqual([]);
    expect(listed.response.ok && listed.response.annotations.map((a) => a.body.note)).toEqual(['Who pays?']);
    // Stored under the frame's address as the browser reported it, not the one the page claimed.
    expect(listed.response.ok && listed.response.annotations[0]!.target.url).toBe(FRAME);
  });

  it('does not hand a page the notes of another site it names as its canonical address', async () => {
    const db = freshDatabase();
    await answerStoreRequest(db, create, undefined);
    const claimed = { url: 'https://evil.example/copy', canonicalUrl: article.canonicalUrl, title: '' };
    const listed = await answerStoreRequest(
      db,
      { type: 'scrutiny/annotations-list', page: claimed },
      claimed.url,
    );
    expect(listed.response).toEqual({ ok: true, annotations: [] });
  });

  it('keeps changing and deleting for the extension’s own pages', async () => {
    const db = freshDatabase();
    const made = await answerStoreRequest(db, create, undefined);
    const id = made.response.ok ? made.response.annotations[0]!.id : '';
    const fromPage = await answerStoreRequest(db, { type: 'scrutiny/annotation-delete', id }, FRAME);
    expect(fromPage.response).toEqual({ ok: false, error: 'Notes can be changed only in Scrutiny’s panel.' });
    const updated = await answerStoreRequest(
      db,
      { type: 'scrutiny/annotation-update', id, changes: { tags: ['water', ' Water '] } },
      undefined,
    );
    expect(updated.response.ok && updated.response.annotations[0]!.body.tags).toEqual(['water']);
    const deleted = await answerStoreRequest(db, { type: 'scrutiny/annotation-delete', id }, undefined);
    expect(deleted.changedKeys.length).toBeGreaterThan(0);
    const restored = await answerStoreRequest(
      db,
      {
        type: 'scrutiny/annotation-restore',
        annotation: deleted.response.ok ? deleted.response.annotations[0]! : null!,
      },
      undefined,
    );
    expect(restored.response.ok && restored.response.annotations[0]!.id).toBe(id);
  });

  it('passes the store’s plain words on when the disk is full', async () => {
    const db = freshDatabase();
    await fillTheDisk(db);
    const answer = await answerStoreRequest(db, create, FRAME);
    expect(answer.response).toEqual({
      ok: false,
      error:
        'Your disk is full, so Scrutiny could not save this. Nothing was changed: free some space and try again.',
    });
    expect(answer.changedKeys).toEqual([]);
  });

  it('refuses a page whose address the browser did not give', async () => {
    const answer = await answerStoreRequest(freshDatabase(), create, null);
    expect(answer.response.ok).toBe(false);
  });
});
