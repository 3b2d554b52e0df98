// Runs the bundled action the way the GitHub Actions runner does (see the runner contract): inputs as env
// `INPUT_<NAME>` with hyphens kept, `GITHUB_OUTPUT`/`GITHUB_STATE`/`GITHUB_STEP_SUMMARY` files read back after
// the step, and the post step given main's state as `STATE_<name>`. Used by the end-to-end tests and the demo.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * @typedef {{ inputs?: Record<string, string>, env?: Record<string, string>, state?: Record<string, string>,
 *   node?: string, killAfter?: (child: import('node:child_process').ChildProcess, stdout: () => string) => void,
 *   timeoutMs?: number }} StepOptions
 * @typedef {{ code: number | string | null, ms: number, stdout: string, stderr: string,
 *   outputs: Record<string, string>, state: Record<string, string>, stateFile: string, outputFile: string,
 *   summary: string }} StepResult
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * parseCommandFile reads a file the way the runner does on Linux: split on `\n` only, `name=value` lines and
 * `name<<DELIM` heredocs; a later value for the same name wins. A heredoc whose delimiter never comes fails,
 * as the runner fails the step ("Matching delimiter not found").
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseCommandFile(text) {
  /** @type {Record<string, string>} */
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]);
      if (i >= lines.length) throw new Error(`Matching delimiter not found '${delimiter}'`);
      out[name] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

/**
 * declaredDefaults reads the inputs an action.yml declares, with their defaults: the runner passes every one of
 * them, the default filled in where the workflow gave none (an input without a default arrives empty).
 * @param {string} actionFile
 * @returns {Record<string, string>}
 */
export function declaredDefaults(actionFile) {
  const action = parse(readFileSync(actionFile, 'utf8'));
  /** @type {Record<string, string>} */
  const out = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) out[name] = spec?.default === undefined ? '' : String(spec.default);
  return out;
}

/** Which action.yml each bundle belongs to. */
const ACTION_FILES = { main: join(root, 'action.yml'), post: join(root, 'action.yml'), rotate: join(root, 'rotate', 'action.yml') };

/**
 * runStep runs dist/<step>/index.js as a child process, with every input its action.yml declares.
 * @param {'main' | 'post' | 'rotate'} step
 * @param {StepOptions} options
 * @returns {Promise<StepResult>}
 */
export async function runStep(step, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), `c1-leash-${step}-`));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: dir,
    ...files,
    ...options.env
  };
  const inputs = { ...declaredDefaults(ACTION_FILES[step]), ...options.inputs };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  const started = Date.now();
  const child = spawn(options.node ?? process.execPath, [join(root, 'dist', step, 'index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  options.killAfter?.(child, () => stdout);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  /** @type {number | string | null} */
  const code = await new Promise((done) => child.on('close', (c, signal) => done(c ?? signal)));
  clearTimeout(timer);
  const read = (/** @type {string} */ f) => readFileSync(f, 'utf8');
  const result = {
    code,
    ms: Date.now() - started,
    stdout,
    stderr,
    outputs: parseCommandFile(read(files.GITHUB_OUTPUT)),
    state: parseCommandFile(read(files.GITHUB_STATE)),
    stateFile: read(files.GITHUB_STATE),
    outputFile: read(files.GITHUB_OUTPUT),
    summary: read(files.GITHUB_STEP_SUMMARY)
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}
