import { C1Error } from './errors.js';

/** List follows at most this many pages: a server that always hands out a new token would page forever. */
export const MAX_LIST_PAGES = 200;
/** List stops after this long, however many pages it has read: a slow server must not hold the step. */
export const MAX_LIST_MS = 120_000;
/** A page token longer than this is not C1's (its tokens are short): each would be held and sent back. */
export const MAX_PAGE_TOKEN_LENGTH = 4096;

/**
 * listPages yields the pages of a C1 List, one request at a time, until a page has no next token. What C1 says
 * is untrusted, so paging is bounded for every List the actions make: at most MAX_LIST_PAGES pages in
 * MAX_LIST_MS, no page token over MAX_PAGE_TOKEN_LENGTH characters, and none given twice; past any of these
 * it fails, naming the List (`what`), rather than stop quietly with a partial answer.
 */
export async function* listPages<P extends { readonly nextPageToken: string }>(
  what: string,
  fetchPage: (pageToken: string) => Promise<P>,
  now: () => number = Date.now
): AsyncGenerator<P, void, undefined> {
  let pageToken = '';
  let pages = 0;
  const seen = new Set<string>();
  const started = now();
  do {
    if (pages > 0 && now() - started > MAX_LIST_MS) {
      throw new C1Error(`${what} took more than ${MAX_LIST_MS / 1000} s over ${pages} pages; stopped there.`, 200, false);
    }
    if (pages >= MAX_LIST_PAGES) throw new C1Error(`${what} gave more than ${MAX_LIST_PAGES} pages; stopped there.`, 200, false);
    const page = await fetchPage(pageToken);
    pages++;
    yield page;
    pageToken = page.nextPageToken;
    if (pageToken.length > MAX_PAGE_TOKEN_LENGTH) {
      throw new C1Error(`${what} answered page ${pages} with a page token of ${pageToken.length} characters; stopped there.`, 200, false);
    }
    if (seen.has(pageToken)) throw new C1Error(`${what} repeated a page token after ${pages} pages; stopped there.`, 200, false);
    seen.add(pageToken);
  } while (pageToken !== '');
}
