import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Defaults, Input } from '../src/config/names.js';
import { Output } from '../src/runner/report.js';

interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string; 'post-if': string };
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;

test('declares exactly the inputs of the contract, each with a one-line description', () => {
  expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort());
  for (const [name, spec] of Object.entries(action.inputs)) {
    expect([name, spec.description.trim().length > 0 && !spec.description.includes('\n')]).toEqual([name, true]);
  }
});

test('declares every input optional: the action itself says which are needed, before any network call', () => {
  const required = Object.entries(action.inputs).filter(([, spec]) => spec.required !== false);
  expect(required.map(([name]) => name)).toEqual([]);
});

test('declares exactly the outputs of the contract', () => {
  expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort());
});

test('defaults in action.yml agree with the defaults the parser applies', () => {
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? '']));
  expect(defaults).toMatchObject({
    [Input.cidrMode]: 'replace',
    [Input.allowUnrestricted]: 'false',
    [Input.runnerIpVersion]: 'ipv4',
    [Input.runnerIpQuorum]: String(Defaults.quorum),
    [Input.runnerIpv4Prefix]: String(Defaults.ipv4Prefix),
    [Input.runnerIpv6Prefix]: String(Defaults.ipv6Prefix),
    [Input.cleanup]: 'none',
    [Input.lockCidr]: Defaults.lockCidr,
    [Input.dryRun]: 'false',
    [Input.retryMaxAttempts]: String(Defaults.retryMaxAttempts),
    [Input.requestTimeout]: `${Defaults.requestTimeoutMs / 1000}s`,
    [Input.jobSummary]: 'true',
    [Input.verify]: 'none',
    [Input.verifyTimeout]: `${Defaults.verifyTimeoutMs / 1000}s`
  });
});

test('runs on node24 with a post step that always runs, from bundles that exist', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/main/index.js', post: 'dist/post/index.js', 'post-if': 'always()' });
  expect(existsSync(action.runs.main) && existsSync(action.runs.post)).toBe(true);
  expect(action.name && action.description && action.author && action.branding.icon && action.branding.color).toBeTruthy();
});
