import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner's workflow commands, as `@actions/core` writes them: inputs from `INPUT_*`, outputs and state
 * through the `GITHUB_OUTPUT`/`GITHUB_STATE` files in heredoc form, `::command::` lines on stdout, the step
 * summary file. Kept here, in a few lines, because importing `@actions/core` also loads its OIDC client and
 * with it undici, about 0.9 MB and 50 ms of every start (see docs/performance.md); `@actions/core` itself is
 * loaded only for `getIDToken`, on the keyless path.
 */

/** getInput reads an input as the runner passes it: `INPUT_<NAME>`, spaces as `_`, hyphens kept, trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /gu, '_').toUpperCase()}`] ?? '').trim();
}

/** getState reads what the main step saved, as the runner hands it to the post step. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

export function setOutput(name: string, value: string): void {
  fileCommand('GITHUB_OUTPUT', 'set-output', name, value);
}

export function saveState(name: string, value: string): void {
  fileCommand('GITHUB_STATE', 'save-state', name, value);
}

/** setSecret masks a value in every later log line (`::add-mask::`); each line of a multi-line value apart. */
export function setSecret(secret: string): void {
  for (const line of secret.split(/\r?\n/u)) if (line !== '') command('add-mask', line);
}

export function info(line: string): void {
  process.stdout.write(`${line}${EOL}`);
}

export function debug(line: string): void {
  command('debug', line);
}

export function notice(line: string): void {
  command('notice', line);
}

export function warning(line: string): void {
  command('warning', line);
}

/** setFailed writes the error annotation and makes the step fail. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  command('error', message);
}

/** appendSummary adds Markdown to the job's step summary. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') throw new Error('GITHUB_STEP_SUMMARY is not set: no job summary is written.');
  appendFileSync(file, markdown, 'utf8');
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}

function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/**
 * fileCommand appends `name<<DELIM`, the value, `DELIM` to the runner's file, with a random delimiter the value
 * cannot contain; without the file (an old runner), the legacy `::set-output`/`::save-state` command.
 */
function fileCommand(variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE', legacy: string, name: string, value: string): void {
  const file = process.env[variable];
  if (file === undefined || file === '') {
    process.stdout.write(`::${legacy} name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
    return;
  }
  if (!existsSync(file)) throw new Error(`${variable} names a file that does not exist: ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected delimiter in ${name}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}
