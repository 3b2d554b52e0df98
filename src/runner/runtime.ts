import type { Environment, ReadInput } from '../config/connection.js';
import type { Transport } from '../net/http.js';
import type { StateStore } from './state.js';

/** RunLink is the address of this workflow run and what to call it. */
export interface RunLink {
  readonly label: string;
  readonly url: string;
}

/**
 * Runtime is everything the flows take from the outside world: `@actions/core`, the clock, the network and
 * the environment. The entry files build it; tests build their own.
 */
export interface Runtime {
  readonly read: ReadInput;
  readonly env: Environment;
  readonly now: () => Date;
  readonly transport: Transport;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly state: StateStore;
  readonly log: {
    readonly info: (line: string) => void;
    readonly notice: (line: string) => void;
    readonly warning: (line: string) => void;
    readonly debug: (line: string) => void;
  };
  readonly setSecret: (secret: string) => void;
  readonly setOutput: (name: string, value: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  readonly getIdToken: (audience: string) => Promise<string>;
  /** A link to this workflow run, for the summary: its label and address. */
  readonly runLink: () => Promise<RunLink | undefined>;
}
