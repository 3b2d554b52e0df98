import * as core from '@actions/core';
import { messageOf } from '../c1/errors.js';
import { realSleep } from '../c1/retry.js';
import { createTransport } from '../net/http.js';
import type { Runtime } from './runtime.js';
import { neutralise } from './text.js';

const USER_AGENT = 'c1-credential-leash-action/1';

// Every value masked so far. A message C1 sends back may quote one (an echoed header, say): the runner would
// mask it on display, but it must not be written to the log at all.
const secrets = new Set<string>();

function setSecret(secret: string): void {
  secrets.add(secret);
  core.setSecret(secret);
}

/** redact replaces every masked value in a message before it is written anywhere. */
export function redact(message: string): string {
  let out = message;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}

/** safe is what every line goes through before the log: secrets out, then nothing that reads as a command. */
const safe = (line: string): string => neutralise(redact(line));

/**
 * coreRuntime wires `@actions/core` (inputs, outputs, state, masking, annotations, the job summary, OIDC), the
 * real clock and the proxy-aware transport into a Runtime.
 */
export function coreRuntime(): Runtime {
  return {
    read: (name) => core.getInput(name),
    env: process.env,
    now: () => new Date(),
    transport: createTransport(USER_AGENT),
    sleep: realSleep,
    random: Math.random,
    state: { save: core.saveState, get: core.getState },
    log: {
      info: (line) => core.info(safe(line)),
      notice: (line) => core.notice(safe(line)),
      warning: (line) => core.warning(safe(line)),
      debug: (line) => core.debug(safe(line))
    },
    setSecret,
    setOutput: core.setOutput,
    writeSummary: async (markdown) => {
      // A missing or unwritable summary file must not fail a step whose change already went through.
      try {
        // Redacted like every log line: a message C1 sends back may quote a masked value.
        await core.summary.addRaw(redact(markdown)).write();
      } catch (error) {
        core.summary.emptyBuffer();
        core.warning(safe(`Could not write the job summary: ${messageOf(error)}`));
      }
    },
    getIdToken: (audience) => core.getIDToken(audience),
    runLink: async () => {
      // Loaded only here, at the end of a step: @actions/github brings Octokit, which nothing before needs.
      const { context } = await import('@actions/github');
      let repo: { owner: string; repo: string };
      try {
        repo = context.repo;
      } catch {
        return undefined; // no GITHUB_REPOSITORY: not on a runner
      }
      if (!Number.isSafeInteger(context.runId) || context.serverUrl === '') return undefined;
      return {
        label: `workflow run ${context.runId}`,
        url: `${context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${context.runId}`
      };
    }
  };
}

/** fail reports any error, of any type, as the step's failure. */
export function fail(error: unknown): void {
  core.setFailed(safe(messageOf(error)));
}

/**
 * onCancel makes a cancelled step (SIGINT, then SIGTERM from the runner) end at once with a clear line, written
 * out before the process ends. What main saved for the post step is already on disk: state is appended
 * synchronously before each Update.
 */
export function onCancel(step: 'main' | 'post' | 'rotate'): void {
  const message: Record<typeof step, string> = {
    main: 'The main step was cancelled (SIGNAL); the post step still runs its cleanup, if one is set.',
    post: 'The post step was cancelled (SIGNAL) before it finished: the credential may still be open; check it in C1.',
    rotate:
      "The rotation was cancelled (SIGNAL) before it finished and wrote no summary: a new credential may exist. Check C1 for credentials with the rotation's display name, and which secret GitHub holds."
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      core.setFailed(message[step].replace('SIGNAL', signal));
      process.stdout.write('', () => process.exit(1));
    });
  }
}
