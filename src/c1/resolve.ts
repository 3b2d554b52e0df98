import type { C1Client } from './client.js';
import { C1Error } from './errors.js';
import type { PersonalClient } from './types.js';
import { isPersonalClientId, type Target } from '../config/inputs.js';

/** Resolved is the credential's id, and the record when it was read on the way. */
export interface Resolved {
  readonly id: string;
  readonly current: PersonalClient | undefined;
}

/** List follows at most this many pages: a server that always hands out a new token would page forever. */
export const MAX_LIST_PAGES = 200;
/** List stops after this long, however many pages it has read: a slow server must not hold the step. */
export const MAX_LIST_MS = 120_000;
/** A page token longer than this is not C1's (its tokens are short): each would be held and sent back. */
export const MAX_PAGE_TOKEN_LENGTH = 4096;

/**
 * resolveTarget finds the credential: an `id` is used as is (and read with Get only when `read` is set); a full
 * client ID is looked up through List, page by page, whose record already holds the current values. What List
 * says is untrusted: paging is bounded, and the id found must pass the `personal-client-id` rule before it is
 * used in a path or a log line.
 */
export async function resolveTarget(client: C1Client, target: Target, read: boolean, now: () => number = Date.now): Promise<Resolved> {
  if (target.kind === 'id') return { id: target.id, current: read ? await client.get(target.id) : undefined };
  const wanted = target.clientId.toLowerCase();
  const what = `C1 List of personal clients (looking for ${target.clientId})`;
  let pageToken = '';
  let pages = 0;
  const seen = new Set<string>();
  const started = now();
  do {
    if (pages > 0 && now() - started > MAX_LIST_MS) {
      throw new C1Error(
        `${what} took more than ${MAX_LIST_MS / 1000} s over ${pages} pages without the credential; stopped there.`,
        200,
        false
      );
    }
    if (pages >= MAX_LIST_PAGES) {
      throw new C1Error(`${what} gave more than ${MAX_LIST_PAGES} pages without the credential; stopped there.`, 200, false);
    }
    const page = await client.listPage(pageToken, target.clientId);
    pages++;
    const found = page.list.find((c) => c.clientId?.toLowerCase() === wanted);
    if (found !== undefined) {
      const id = found.id ?? '';
      if (!isPersonalClientId(id)) {
        throw new C1Error(
          `${what} answered with an id for it that is not a valid personal client id: ${JSON.stringify(id.slice(0, 80))}.`,
          200,
          false
        );
      }
      return { id, current: found };
    }
    pageToken = page.nextPageToken;
    if (pageToken.length > MAX_PAGE_TOKEN_LENGTH) {
      throw new C1Error(`${what} answered page ${pages} with a page token of ${pageToken.length} characters; stopped there.`, 200, false);
    }
    // A server that hands back a token it gave before would page forever.
    if (seen.has(pageToken)) throw new C1Error(`${what} repeated a page token after ${pages} pages; stopped there.`, 200, false);
    seen.add(pageToken);
  } while (pageToken !== '');
  throw new Error(
    `Personal client ${target.clientId} was not found among the caller's personal clients (List, ${pages} page${pages === 1 ? '' : 's'}). ` +
      'List shows only the credentials of the user the token belongs to.'
  );
}
