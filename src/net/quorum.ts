import { isPublic, parseAddress, type Address, type Family } from './ip.js';

/** SourceAnswer is what one IP source said: an answer body or an error, or `pending` while it is still asked. */
export type SourceAnswer =
  | { readonly source: string; readonly state: 'pending' }
  | { readonly source: string; readonly state: 'answered'; readonly body: string }
  | { readonly source: string; readonly state: 'failed'; readonly error: string };

/** Vote is an answer read as a publicly routable address, or the reason it does not count. */
export type Vote = { readonly address: Address } | { readonly rejected: string };

/** readVote counts an answer only if it is exactly one IP literal, after trimming, that is publicly routable. */
export function readVote(body: string): Vote {
  const text = body.trim();
  const address = parseAddress(text);
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (address === undefined) return { rejected: `${shown} is not a single IP address` };
  if (!isPublic(address)) return { rejected: `${address.text} is not publicly routable (${address.parsed.range()})` };
  return { address };
}

/** Agreement is one family's address and the sources that agreed on it. */
export interface Agreement {
  readonly address: Address;
  readonly sources: readonly string[];
}

/** Tally is where detection stands: each family's agreement, and whether waiting longer could change anything. */
export interface Tally {
  readonly agreed: readonly Agreement[];
  readonly settled: boolean;
}

/**
 * tally applies the quorum to the answers so far. A family is settled once an address has `quorum` votes, or
 * once no address can reach it even if every pending source agreed; detection is settled when every family it
 * wants is, so it stops at the first quorum and never waits on a source that cannot matter.
 */
export function tally(answers: readonly SourceAnswer[], families: readonly Family[], quorum: number): Tally {
  const pending = answers.filter((a) => a.state === 'pending').length;
  const agreed: Agreement[] = [];
  let settled = true;
  for (const family of families) {
    const votes = new Map<string, { address: Address; sources: string[] }>();
    for (const answer of answers) {
      if (answer.state !== 'answered') continue;
      const vote = readVote(answer.body);
      if (!('address' in vote) || vote.address.family !== family) continue;
      const entry = votes.get(vote.address.text) ?? { address: vote.address, sources: [] };
      entry.sources.push(answer.source);
      votes.set(vote.address.text, entry);
    }
    const best = [...votes.values()].sort((a, b) => b.sources.length - a.sources.length)[0];
    if (best !== undefined && best.sources.length >= quorum) agreed.push(best);
    else if ((best?.sources.length ?? 0) + pending >= quorum) settled = false;
  }
  return { agreed, settled };
}

/** describeAnswers lists every source with its answer or error, for the failure message and the summary. */
export function describeAnswers(answers: readonly SourceAnswer[]): string {
  return answers
    .map((a) => {
      if (a.state === 'pending') return `${a.source}: no answer (cancelled or still waiting)`;
      if (a.state === 'failed') return `${a.source}: ${a.error}`;
      const vote = readVote(a.body);
      return 'address' in vote ? `${a.source}: ${vote.address.text}` : `${a.source}: ${vote.rejected}`;
    })
    .join('; ');
}
