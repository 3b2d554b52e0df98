/**
 * Every example a user copies (the files in examples/ and every YAML snippet in the README that runs this
 * action) follows the two-credential model:
 *
 * - No step of this action narrows or locks the credential it authenticates with. C1 checks a credential's
 *   allowSourceCidr when it mints a token, so that credential's next run, from another runner, could not
 *   authenticate. A managing credential (or a keyless wfe trust) authenticates; a second credential is narrowed.
 * - No other step of the job gets the secret the action authenticates with: the job's own steps only ever see
 *   the narrowed credential.
 *
 * And every example file starts with a header that names each secret and variable it reads (with what it is),
 * the environment it uses and the permissions it grants, so a user knows what to set up before it runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

type Scalar = string | number | boolean | null;
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, Scalar>;
  env?: Record<string, Scalar>;
}
interface Job {
  env?: Record<string, Scalar>;
  environment?: string | { name: string };
  permissions?: Record<string, string> | string;
  steps?: Step[];
}
interface Workflow extends Job {
  jobs?: Record<string, Job>;
}
/** A job as a snippet shows it: its steps and the environment variables they inherit. */
interface JobView {
  env: Record<string, string>;
  steps: Step[];
}

const text = (value: Scalar | undefined): string => (value === undefined || value === null ? '' : String(value).trim());
const strings = (record: Record<string, Scalar> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(record ?? {}).map(([name, value]) => [name, text(value)]));

/** The main action (not the rotate action, which has its own rules): `./` here, the published name in examples. */
const isLeash = (uses: string | undefined): boolean => uses === './' || /^your-org\/c1-credential-leash@/u.test(uses ?? '');

/** jobsOf reads a whole workflow, a job fragment (`steps:` at the top) or a bare list of steps. */
function jobsOf(document: unknown): JobView[] {
  if (Array.isArray(document)) return [{ env: {}, steps: document as Step[] }];
  if (typeof document !== 'object' || document === null) return [];
  const workflow = document as Workflow;
  const jobs = workflow.jobs === undefined ? [workflow] : Object.values(workflow.jobs);
  return jobs.map((job) => ({ env: { ...strings(workflow.env), ...strings(job.env) }, steps: job.steps ?? [] }));
}

/** The `secrets.NAME` references in a value, and a reference to the whole `secrets` context (toJSON(secrets)). */
function secretRefs(value: string): string[] {
  return [...value.matchAll(/\bsecrets\b(?:\.([A-Za-z_][\w-]*)|\[['"]([\w-]+)['"]\])?/gu)].map(
    ([, dotted, indexed]) => `secrets.${dotted ?? indexed ?? '*'}`
  );
}

const stepText = (step: Step): string =>
  [step.run ?? '', ...Object.values(strings(step.with)), ...Object.values(strings(step.env))].join('\n');

/** The short name of a literal client ID (`blue-whale-12345@acme.conductor.one/pcc` → `blue-whale-12345`). */
const nameOf = (clientId: string): string | undefined => /^([^@\s$]+)@[^/\s]+\/[a-z]+$/u.exec(clientId)?.[1];

/**
 * leashProblems holds one job to the two-credential model and says what breaks it, in words a reviewer
 * reads: an empty list means the job follows it.
 */
function leashProblems(job: JobView): string[] {
  const problems: string[] = [];
  job.steps.forEach((step, index) => {
    if (!isLeash(step.uses)) return;
    const input = strings(step.with);
    const env = { ...job.env, ...strings(step.env) };
    const at = `step ${index + 1}`;
    // Who authenticates, as the action reads it: the inputs, else the CONDUCTORONE_* environment.
    const byInputs = input['client-id'] !== undefined || input.token !== undefined;
    const callerId = input['client-id'] ?? env.CONDUCTORONE_CLIENT_ID ?? '';
    const callerSecrets = byInputs
      ? [input['client-secret'] ?? '', input.token ?? '']
      : [env.CONDUCTORONE_CLIENT_SECRET ?? '', env.CONDUCTORONE_ACCESS_TOKEN ?? ''];
    const secrets = callerSecrets.flatMap(secretRefs);
    if (callerId === '' && !callerSecrets.some((s) => s !== '')) problems.push(`${at}: does not say which credential authenticates`);

    const target = input['personal-client-id'] ?? '';
    if (target === '') problems.push(`${at}: gives no personal-client-id`);
    const narrows = (input['allow-source-cidr'] ?? '') !== '' && input['cidr-mode'] !== 'add';
    const locks = input.cleanup === 'lock';
    if (narrows || locks) {
      const what = [narrows ? 'narrows' : '', locks ? 'locks' : ''].filter(Boolean).join(' and ');
      const own =
        target === 'self' ||
        (callerId !== '' && target.toLowerCase() === callerId.toLowerCase()) ||
        (nameOf(callerId) !== undefined && target === nameOf(callerId)) ||
        (input['verify-client-secret'] !== undefined && callerSecrets.includes(input['verify-client-secret']));
      if (own) problems.push(`${at}: ${what} ${target}, the credential it authenticates with (${callerId || 'its secret'})`);
    }

    for (const [laterIndex, later] of job.steps.entries()) {
      if (isLeash(later.uses)) continue;
      const seen = secretRefs(stepText(later)).filter((ref) => secrets.includes(ref) || ref === 'secrets.*');
      for (const ref of new Set(seen)) problems.push(`step ${laterIndex + 1}: gets ${ref}, which the action authenticates with`);
    }
  });
  return problems;
}

/** The YAML code blocks of a Markdown text. */
const yamlBlocks = (markdown: string): string[] => [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gmu)].map(([, body]) => body ?? '');

const EXAMPLES = readdirSync('examples')
  .filter((f) => /\.ya?ml$/u.test(f))
  .map((f) => `examples/${f}`)
  .sort();
const README_SNIPPETS = yamlBlocks(readFileSync('README.md', 'utf8')).filter((block) => /c1-credential-leash@/u.test(block));
const leashSteps = (document: unknown): number =>
  jobsOf(document)
    .flatMap((job) => job.steps)
    .filter((step) => isLeash(step.uses)).length;

describe('no example narrows or locks the credential it authenticates with, or hands its secret to other steps', () => {
  test.each(EXAMPLES)('%s', (file) => {
    const document: unknown = parse(readFileSync(file, 'utf8'));
    expect(jobsOf(document).flatMap(leashProblems)).toEqual([]);
  });

  test('every README snippet that runs the action', () => {
    // The README shows each use (plain step, refresh, per-run scoping, keyless) at least once.
    expect(README_SNIPPETS.length).toBeGreaterThanOrEqual(4);
    const problems = README_SNIPPETS.flatMap((block, index) =>
      jobsOf(parse(block)).flatMap((job) => leashProblems(job).map((p) => `snippet ${index + 1}: ${p}`))
    );
    expect(problems).toEqual([]);
    for (const block of README_SNIPPETS) expect(leashSteps(parse(block))).toBeGreaterThan(0);
  });

  test('every example file runs the action', () => {
    const running = EXAMPLES.filter((file) => /c1-credential-leash@/u.test(readFileSync(file, 'utf8')));
    for (const file of running) expect([file, leashSteps(parse(readFileSync(file, 'utf8')))]).not.toEqual([file, 0]);
  });

  // The rule itself, on what the examples used to teach and on the ways to break it.
  const step = (lines: string[]): string =>
    ['steps:', '  - uses: your-org/c1-credential-leash@v1', '    with:', ...lines.map((l) => `      ${l}`)].join('\n');
  const deploy = (env: string[]): string => ['  - run: ./deploy.sh', '    env:', ...env.map((l) => `      ${l}`)].join('\n');
  test.each([
    [
      'one credential for the action and the deploy (the old per-run example)',
      `${step([
        'client-id: ${{ vars.C1_CLIENT_ID }}',
        'client-secret: ${{ secrets.C1_CLIENT_SECRET }}',
        'personal-client-id: blue-whale-12345',
        'allow-source-cidr: runner',
        'cleanup: lock'
      ])}\n${deploy(['CONDUCTORONE_CLIENT_ID: ${{ vars.C1_CLIENT_ID }}', 'CONDUCTORONE_CLIENT_SECRET: ${{ secrets.C1_CLIENT_SECRET }}'])}`,
      ['step 2: gets secrets.C1_CLIENT_SECRET, which the action authenticates with']
    ],
    [
      'self narrowed to a fixed list (the old plain-step example)',
      step([
        'client-id: ${{ vars.C1_CLIENT_ID }}',
        'client-secret: ${{ secrets.C1_CLIENT_SECRET }}',
        'personal-client-id: self',
        'allow-source-cidr: 203.0.113.0/24'
      ]),
      ['step 1: narrows self, the credential it authenticates with (${{ vars.C1_CLIENT_ID }})']
    ],
    [
      "the caller's own id locked",
      step([
        'client-id: blue-whale-12345@acme.conductor.one/pcc',
        'client-secret: ${{ secrets.S }}',
        'personal-client-id: blue-whale-12345',
        'cleanup: lock'
      ]),
      ['step 1: locks blue-whale-12345, the credential it authenticates with (blue-whale-12345@acme.conductor.one/pcc)']
    ],
    [
      "the caller's own full client ID narrowed, from a variable",
      step([
        'client-id: ${{ vars.C1_ID }}',
        'client-secret: ${{ secrets.S }}',
        'personal-client-id: ${{ vars.C1_ID }}',
        'allow-source-cidr: runner',
        'cidr-mode: remove'
      ]),
      ['step 1: narrows ${{ vars.C1_ID }}, the credential it authenticates with (${{ vars.C1_ID }})']
    ],
    [
      'authenticated from the environment, its own secret given to verify',
      [
        'env:',
        '  CONDUCTORONE_CLIENT_ID: ${{ vars.C1_ID }}',
        '  CONDUCTORONE_CLIENT_SECRET: ${{ secrets.S }}',
        step(['personal-client-id: blue-whale-12345', 'allow-source-cidr: runner', 'verify-client-secret: ${{ secrets.S }}'])
      ].join('\n'),
      ['step 1: narrows blue-whale-12345, the credential it authenticates with (${{ vars.C1_ID }})']
    ],
    [
      'every secret handed to a later step',
      `${step(['client-id: ${{ vars.M }}', 'client-secret: ${{ secrets.M }}', 'personal-client-id: blue-whale-12345', 'allow-source-cidr: runner'])}\n${deploy(['ALL: ${{ toJSON(secrets) }}'])}`,
      ['step 2: gets secrets.*, which the action authenticates with']
    ],
    [
      'no way to tell who authenticates, and no target',
      step(['allow-source-cidr: runner']),
      ['step 1: does not say which credential authenticates', 'step 1: gives no personal-client-id']
    ]
  ])('flags %s', (_, yaml, expected) => {
    expect(jobsOf(parse(yaml)).flatMap(leashProblems)).toEqual(expected);
  });

  test.each([
    [
      'a managing credential narrowing and locking a second one',
      `${step([
        'client-id: ${{ vars.M }}',
        'client-secret: ${{ secrets.M }}',
        'personal-client-id: blue-whale-12345',
        'allow-source-cidr: runner',
        'verify-client-secret: ${{ secrets.D }}',
        'cleanup: lock'
      ])}\n${deploy(['CONDUCTORONE_CLIENT_SECRET: ${{ secrets.D }}'])}`
    ],
    [
      'self given a later expiry (not narrowed)',
      step(['client-id: ${{ vars.M }}', 'client-secret: ${{ secrets.M }}', 'personal-client-id: self', 'expires-in: 30d'])
    ],
    [
      'self given one more CIDR (add only widens)',
      step([
        'client-id: ${{ vars.M }}',
        'client-secret: ${{ secrets.M }}',
        'personal-client-id: self',
        'allow-source-cidr: 203.0.113.0/24',
        'cidr-mode: add'
      ])
    ]
  ])('passes %s', (_, yaml) => {
    expect(jobsOf(parse(yaml)).flatMap(leashProblems)).toEqual([]);
  });
});

describe('every example file starts with a header saying what it needs', () => {
  const header = (source: string): string => /^(?:#.*\n)+/u.exec(source)?.[0] ?? '';

  test.each(EXAMPLES)('%s names each secret and variable it reads, on a line saying what it is', (file) => {
    const source = readFileSync(file, 'utf8');
    const head = header(source);
    const body = source.slice(head.length);
    const used = new Set([...body.matchAll(/\b(secrets|vars)\.([A-Za-z_]\w*)/gu)].map(([ref]) => ref));
    // Named in the header, with more said on the same line (whose credential it is, what it holds).
    const undescribed = [...used].filter((ref) => !new RegExp(`^#.*\\b${ref.replace('.', '\\.')}\\b.*\\w.*$`, 'mu').test(head));
    expect(undescribed).toEqual([]);
  });

  test.each(EXAMPLES)('%s states the permissions it grants and the environment it uses', (file) => {
    const source = readFileSync(file, 'utf8');
    const head = header(source);
    const workflow = parse(source) as Workflow;
    const grants = [workflow.permissions, ...Object.values(workflow.jobs ?? {}).map((job) => job.permissions)].filter(
      (p) => p !== undefined
    );
    const missing: string[] = [];
    if (!/permissions/iu.test(head)) missing.push('the word permissions');
    for (const grant of grants) {
      if (typeof grant === 'string') {
        if (!head.includes(grant)) missing.push(grant);
      } else if (Object.keys(grant).length === 0) {
        if (!/permissions: none/iu.test(head)) missing.push('permissions: none');
      } else {
        for (const [scope, level] of Object.entries(grant)) if (!head.includes(`${scope}: ${level}`)) missing.push(`${scope}: ${level}`);
      }
    }
    for (const job of Object.values(workflow.jobs ?? {})) {
      const environment = typeof job.environment === 'string' ? job.environment : job.environment?.name;
      if (environment !== undefined && !head.includes(`Environment ${environment}`)) missing.push(`Environment ${environment}`);
    }
    expect(missing).toEqual([]);
  });
});
