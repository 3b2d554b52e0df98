import { messageOf } from '../c1/errors.js';
import { realSleep } from '../c1/retry.js';
import { createTransport } from '../net/http.js';
import type { Runtime } from './runtime.js';
import { neutralise } from './text.js';
import * as workflow from './workflow.js';

const USER_AGENT = 'c1-credential-leash-action/1';

// Every value masked so far. A message C1 sends back may quote one (an echoed header, say): the runner would
// mask it on display, but it must not be written to the log at all.
const secrets = new Set<string>();

function setSecret(secret: string): void {
  secrets.add(secret);
  workflow.setSecret(secret);
}

/** redact replaces every masked value in a message before it is written anywhere. */
export function redact(message: string): string {
  let out = message;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}

/** coreRuntime wires the runner's workflow commands, the real clock and the proxy-aware transport into a Runtime. */
export function coreRuntime(): Runtime {
  return {
    read: workflow.getInput,
    env: process.env,
    now: () => new Date(),
    transport: createTransport(USER_AGENT),
    sleep: realSleep,
    random: Math.random,
    state: { save: workflow.saveState, get: workflow.getState },
    log: {
      info: (line) => workflow.info(neutralise(redact(line))),
      notice: (line) => workflow.notice(neutralise(redact(line))),
      warning: (line) => workflow.warning(neutralise(redact(line))),
      debug: (line) => workflow.debug(neutralise(redact(line)))
    },
    setSecret,
    setOutput: workflow.setOutput,
    writeSummary: (markdown) => {
      // A missing or unwritable summary file must not fail a step whose change already went through.
      try {
        workflow.appendSummary(markdown);
      } catch (error) {
        workflow.warning(redact(`Could not write the job summary: ${messageOf(error)}`));
      }
      return Promise.resolve();
    },
    // Loaded only on the keyless path: @actions/core brings its OIDC client, and undici with it.
    getIdToken: async (audience) => (await import('@actions/core')).getIDToken(audience),
    runLink: () => {
      // The run's address from the variables @actions/github's context reads itself: importing that package
      // (and undici with it) for three variables cost 80-150 ms per step (docs/performance.md).
      const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = process.env;
      if (server === undefined || server === '' || repository === undefined || repository === '' || runId === undefined || runId === '') {
        return Promise.resolve(undefined);
      }
      return Promise.resolve(`[workflow run ${runId}](${server}/${repository}/actions/runs/${runId})`);
    }
  };
}

/** fail reports any error, of any type, as the step's failure. */
export function fail(error: unknown): void {
  workflow.setFailed(neutralise(redact(messageOf(error))));
}

/**
 * onCancel makes a cancelled step (SIGINT, then SIGTERM from the runner) end at once with a clear line. What
 * main saved for the post step is already on disk: state is appended synchronously before each Update.
 */
export function onCancel(step: 'main' | 'post'): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      workflow.setFailed(
        step === 'main'
          ? `The main step was cancelled (${signal}); the post step still runs its cleanup, if one is set.`
          : `The post step was cancelled (${signal}) before it finished: the credential may still be open; check it in C1.`
      );
      process.exit(1);
    });
  }
}
