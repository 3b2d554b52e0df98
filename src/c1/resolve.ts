import type { C1Client } from './client.js';
import { C1Error } from './errors.js';
import { listPages } from './paging.js';
import type { PersonalClient } from './types.js';
import { isPersonalClientId, type Target } from '../config/inputs.js';

/** Resolved is the credential's id, and the record when it was read on the way. */
export interface Resolved {
  readonly id: string;
  readonly current: PersonalClient | undefined;
}

/**
 * resolveTarget finds the credential: an `id` is used as is (and read with Get only when `read` is set); a full
 * client ID is looked up through List, page by page (bounded: listPages), whose record already holds the current
 * values. What List says is untrusted: the id found must pass the `personal-client-id` rule before it is
 * used in a path or a log line.
 */
export async function resolveTarget(client: C1Client, target: Target, read: boolean, now: () => number = Date.now): Promise<Resolved> {
  if (target.kind === 'id') return { id: target.id, current: read ? await client.get(target.id) : undefined };
  const wanted = target.clientId.toLowerCase();
  const what = `C1 List of personal clients (looking for ${target.clientId})`;
  let pages = 0;
  for await (const page of listPages(what, (pageToken) => client.listPage(pageToken, target.clientId), now)) {
    pages++;
    const found = page.list.find((c) => c.clientId?.toLowerCase() === wanted);
    if (found === undefined) continue;
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
  throw new Error(
    `Personal client ${target.clientId} was not found among the caller's personal clients (List, ${pages} page${pages === 1 ? '' : 's'}). ` +
      'List shows only the credentials of the user the token belongs to.'
  );
}
