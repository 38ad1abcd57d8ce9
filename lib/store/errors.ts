/**
 * Every failure of lib/store reaches the caller as a StoreError whose message can be shown to the reader
 * as it is: what happened, that nothing was changed, and what to do. The original error stays in `cause`
 * for the console.
 */

export type StoreFailure =
  /** The browser refused to write because the disk (or the browser's share of it) is full. */
  | 'disk-full'
  /** The request itself is wrong: a note too long, an unknown colour, a malformed id. */
  | 'invalid'
  /** The annotation asked for is not there (deleted in another window, or never saved). */
  | 'not-found'
  /** The database could not be opened at all. */
  | 'unavailable'
  | 'unexpected';

/** What the reader was doing, so the message can say what did not happen. */
export type StoreAction = 'save' | 'delete' | 'load';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly failure: StoreFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const COULD_NOT: Record<StoreAction, string> = {
  save: 'could not save this',
  delete: 'could not delete this',
  load: 'could not open your notes',
};

const NOTHING_CHANGED = 'Nothing was changed';

function diskFullMessage(action: StoreAction): string {
  return `Your disk is full, so Scrutiny ${COULD_NOT[action]}. ${NOTHING_CHANGED}: free some space and try again.`;
}

/** The failure as a StoreError with a plain message; a StoreError passes through unchanged. */
export function toStoreError(error: unknown, action: StoreAction): StoreError {
  if (error instanceof StoreError) return error;
  const chain = errorChain(error);
  if (chain.some(isQuotaError)) {
    return new StoreError('disk-full', diskFullMessage(action), { cause: error });
  }
  if (chain.some((link) => UNAVAILABLE_ERRORS.has(link.name))) {
    return new StoreError(
      'unavailable',
      `Scrutiny could not open the storage where it keeps your notes, so it ${COULD_NOT[action]}. ${NOTHING_CHANGED}: close and reopen the browser, then try again.`,
      { cause: error },
    );
  }
  return new StoreError(
    'unexpected',
    `Something went wrong in Scrutiny’s storage, so it ${COULD_NOT[action]}. ${NOTHING_CHANGED}: try again.`,
    { cause: error },
  );
}

/** Dexie's and the browser's names for "the database cannot be opened or reached". */
const UNAVAILABLE_ERRORS = new Set(['MissingAPIError', 'OpenFailedError', 'DatabaseClosedError']);

interface ErrorLink {
  name: string;
  message: string;
  code?: unknown;
}

/**
 * The error and every error it wraps: Dexie keeps the browser's error in `inner` (an AbortError around
 * the transaction's QuotaExceededError), bulk and modify errors keep theirs in `failures`, and ours in
 * `cause`.
 */
function errorChain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0 && seen.size < 50) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const { name, message, code, inner, cause, failures } = next as Record<string, unknown>;
    links.push({ name: String(name ?? ''), message: String(message ?? ''), code });
    queue.push(inner, cause);
    if (typeof failures === 'object' && failures !== null) queue.push(...Object.values(failures));
  }
  return links;
}

function isQuotaError({ name, message, code }: ErrorLink): boolean {
  return (
    name === 'QuotaExceededError' ||
    // Firefox's name for it before QuotaExceededError, and the legacy DOMException code.
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    /quota (?:exceeded|reached)|no space left|disk (?:is )?full/i.test(message)
  );
}
