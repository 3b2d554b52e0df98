import type { C1Client } from './client.js';
import type { PersonalClient } from './types.js';
import type { Target } from '../config/inputs.js';

/** Resolved is the credential's id, and the record when it was read on the way. */
export interface Resolved {
  readonly id: string;
  readonly current: PersonalClient | undefined;
}

/**
 * resolveTarget finds the credential: an `id` is used as is (and read with Get only when `read` is set); a full
 * client ID is looked up through List, every page, whose record already holds the current values.
 */
export async function resolveTarget(client: C1Client, target: Target, read: boolean): Promise<Resolved> {
  if (target.kind === 'id') return { id: target.id, current: read ? await client.get(target.id) : undefined };
  const wanted = target.clientId.toLowerCase();
  let pageToken = '';
  let pages = 0;
  const seen = new Set<string>();
  do {
    const page = await client.listPage(pageToken, target.clientId);
    const found = page.list.find((c) => c.clientId?.toLowerCase() === wanted);
    if (found !== undefined) {
      if (found.id === undefined || found.id === '') throw new Error(`C1 listed personal client ${target.clientId} without an id.`);
      return { id: found.id, current: found };
    }
    pageToken = page.nextPageToken;
    pages++;
    // A server that hands back a token it gave before would page forever.
    if (seen.has(pageToken)) throw new Error(`C1 List of personal clients repeated a page token after ${pages} pages.`);
    seen.add(pageToken);
  } while (pageToken !== '');
  throw new Error(
    `Personal client ${target.clientId} was not found among the caller's personal clients (List, ${pages} page${pages === 1 ? '' : 's'}). ` +
      'List shows only the credentials of the user the token belongs to.'
  );
}
