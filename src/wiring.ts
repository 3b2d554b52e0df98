import * as core from '@actions/core';
import { messageOf } from './c1/errors.js';
import { realSleep } from './c1/retry.js';
import { createTransport } from './net/http.js';
import type { Runtime } from './runtime.js';

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

/** coreRuntime wires `@actions/core`, the real clock and the proxy-aware transport into a Runtime. */
export function coreRuntime(): Runtime {
  return {
    read: (name) => core.getInput(name),
    env: process.env,
    now: () => new Date(),
    transport: createTransport(USER_AGENT),
    sleep: realSleep,
    random: Math.random,
    state: { save: (key, value) => core.saveState(key, value), get: (key) => core.getState(key) },
    log: {
      info: (line) => core.info(redact(line)),
      notice: (line) => core.notice(redact(line)),
      warning: (line) => core.warning(redact(line)),
      debug: (line) => core.debug(redact(line))
    },
    setSecret,
    setOutput: core.setOutput,
    writeSummary: async (markdown) => {
      // A missing or unwritable summary file must not fail a step whose change already went through.
      try {
        await core.summary.addRaw(markdown).write();
      } catch (error) {
        core.warning(redact(`Could not write the job summary: ${messageOf(error)}`));
      }
    },
    getIdToken: (audience) => core.getIDToken(audience),
    runLink: async () => {
      // Loaded lazily: @actions/github is large, and only the summary needs its context.
      const { context } = await import('@actions/github');
      const repository = process.env.GITHUB_REPOSITORY;
      if (repository === undefined || repository === '' || !context.runId) return undefined;
      return `[workflow run ${context.runId}](${context.serverUrl}/${repository}/actions/runs/${context.runId})`;
    }
  };
}

/** fail reports any error, of any type, as the step's failure. */
export function fail(error: unknown): void {
  core.setFailed(redact(messageOf(error)));
}

/**
 * onCancel makes a cancelled step (SIGINT, then SIGTERM from the runner) end at once with a clear line. What
 * main saved for the post step is already on disk: state is appended synchronously before each Update.
 */
export function onCancel(step: 'main' | 'post'): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      core.setFailed(
        step === 'main'
          ? `The main step was cancelled (${signal}); the post step still runs its cleanup, if one is set.`
          : `The post step was cancelled (${signal}) before it finished: the credential may still be open; check it in C1.`
      );
      process.exit(1);
    });
  }
}
