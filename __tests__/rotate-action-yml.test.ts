import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RotateInput } from '../src/config/rotate.js';
import { Input } from '../src/config/names.js';
import { RotateOutput } from '../src/runner/rotation-report.js';

/** rotate/action.yml held against the code that reads it: the same inputs and outputs, and the runner contract. */
interface Spec {
  description?: string;
  required?: boolean;
  default?: string;
}
const action = parse(readFileSync('rotate/action.yml', 'utf8')) as {
  inputs: Record<string, Spec>;
  outputs: Record<string, Spec>;
  runs: Record<string, string>;
};

test('node24, the rotate bundle, no post step', () => {
  expect(action.runs).toEqual({ using: 'node24', main: '../dist/rotate/index.js' });
});

test('declares exactly the inputs the parser reads', () => {
  const connection = [
    Input.tenant,
    Input.token,
    Input.clientId,
    Input.clientSecret,
    Input.oidcAudience,
    Input.retryMaxAttempts,
    Input.requestTimeout,
    Input.jobSummary
  ];
  expect(Object.keys(action.inputs).sort()).toEqual([...connection, ...Object.values(RotateInput)].sort());
});

test('declares exactly the outputs the report writes', () => {
  expect(Object.keys(action.outputs).sort()).toEqual(Object.values(RotateOutput).sort());
});

test('every input has a one-line description; only secret-name is required; environment defaults are empty', () => {
  for (const [name, spec] of Object.entries(action.inputs)) {
    expect([name, typeof spec.description === 'string' && spec.description !== '' && !spec.description.includes('\n')]).toEqual([
      name,
      true
    ]);
    expect([name, spec.required === true]).toEqual([name, name === 'secret-name']);
  }
  for (const name of ['tenant', 'repository', 'github-api-url', 'service-principal-id']) expect(action.inputs[name]?.default).toBe('');
});
