// The benchmark: how close the bundled action (dist/) comes to the least work its job needs. It starts the C1
// and IP-echo stand-ins on 127.0.0.1, runs dist/ exactly as the runner does (__tests__/e2e/runner.mjs), and
// prints Markdown tables of medians, each with a ratio measured in the same run:
//
//   1. cold start: the action against a floor script that sends the same one Update with node:http;
//   2. round trips: every answer delayed 100 ms, so the wall time shows how many round trips are in a row;
//   3. the same flows as a bash script of sequential curl calls (what a user would write without the action);
//   4. a source that never answers beside two good ones;
//   5. bundle sizes, peak memory, and what the start costs before the first request (and which module).
//
// Usage: node scripts/bench.mjs. BENCH_RUNS (default 15) sets the runs per measurement; BENCH_ONLY (default
// cold,trips,hang,bundle,load) the sections; BENCH_NODE (default this node) the node binary that runs the action
// and the floor, e.g. the Node 24 of the runtime:
//   npm install --no-save --prefix .node24 node@24 && BENCH_NODE=.node24/node_modules/node/bin/node node scripts/bench.mjs
// Nothing leaves the machine. Not part of npm test: timings depend on the machine and on its load (on a shared
// machine, `nice -n -10` as root steadies them).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStep } from '../__tests__/e2e/runner.mjs';
import { startC1 } from '../__tests__/standin/c1.mjs';
import { startEcho } from '../__tests__/standin/echo.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = positiveInteger(process.env.BENCH_RUNS ?? '15', 'BENCH_RUNS');
const NODE = resolve(process.env.BENCH_NODE || process.execPath);
/** Whether dist/main loads source-map-support at start (a build without ncc's --no-source-map-register). */
const HAS_REGISTER = readFileSync(join(ROOT, 'dist', 'main', 'index.js'), 'utf8').includes("import './sourcemap-register.cjs';");
/** Which sections to run (BENCH_ONLY=cold,trips,hang,bundle,load; default all): a quicker look at one. */
const ONLY = new Set((process.env.BENCH_ONLY || 'cold,trips,hang,bundle,load').split(',').map((s) => s.trim()));
/** The latency of every stand-in answer in the round-trip sections. */
const DELAY_MS = 100;
/** What the echo stand-ins report as the runner's egress address (publicly routable, as the action demands). */
const RUNNER_IP = '20.42.7.9';
const RUNNER_CIDR = `${RUNNER_IP}/32`;
const ID = 'blue-whale-12345';
/** The credential's list before each run; restore puts it back. */
const BEFORE = ['10.0.0.0/8'];

/**
 * @typedef {Awaited<ReturnType<typeof startLab>>} Lab
 * @typedef {{ key: string, title: string, ideal: number, step: 'main' | 'post', inputs: (lab: Lab) => Record<string, string>,
 *   startsWith: string[], endsWith: string[], script: string, scriptCalls: number }} Flow
 * @typedef {{ code: number | string | null, ms: number, stdout: string, stderr: string }} Spawned
 * @typedef {{ preloaded: number, firstConnect: number | null, exit: number, maxRssKb: number, cpuMs: number, wallMs: number, files: string[],
 *   hooks: boolean, marks?: { bodyStart?: number, bodyEnd?: number, smrStart?: number, smrEnd?: number, modules?: Record<string, number> } }} Probe
 */

// ---------------------------------------------------------------------------------------------------------
// Helper processes written to a temporary directory: the floor, and a probe preloaded into measured processes.

/**
 * The floor: the one request the action must send (the Update), with node:http and nothing else. It is an ES
 * module like the bundle, so the floor pays the same ESM loader the runner imposes on the action. It requires
 * node:http as the bundle does (ncc turns imports of built-ins into createRequire): an ESM `import` of
 * node:http builds a namespace of every export, which runs the lazy http.WebSocket getter and loads Node's
 * own undici, some 50 ms here, that neither the action nor a tight floor pays.
 */
const FLOOR_SCRIPT = `import { createRequire } from 'node:module';
(globalThis.__benchMarks ??= {}).bodyStart = performance.now();
const http = createRequire(import.meta.url)('node:http');
const body = process.env.FLOOR_BODY;
const request = http.request(process.env.FLOOR_URL, {
  method: 'POST',
  headers: { authorization: 'Bearer ' + process.env.FLOOR_TOKEN, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
}, (response) => {
  response.resume();
  response.on('end', () => process.exit(response.statusCode === 200 ? 0 : 1));
});
request.on('error', () => process.exit(2));
request.end(body);
`;

/**
 * The probe, preloaded with NODE_OPTIONS=--require: when the first socket connects (so the start cost before
 * the first request can be read from inside the process), the CPU time, the peak RSS, and, with
 * BENCH_PROBE_FILES, every file the module loader resolves. Peak RSS is process.resourceUsage().maxRSS, the
 * getrusage figure /usr/bin/time -v prints too; /usr/bin/time itself would need a wrapper as runStep's node,
 * and a /bin/sh wrapper drops the INPUT_* variables (their names hold hyphens), so the probe works everywhere.
 */
const PROBE_SCRIPT = `const { performance } = require('node:perf_hooks');
const net = require('node:net');
const { writeFileSync } = require('node:fs');
const { registerHooks } = require('node:module');
const probe = { preloaded: performance.now(), firstConnect: null, files: [], hooks: typeof registerHooks === 'function' };
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  probe.firstConnect ??= performance.now();
  return connect.apply(this, args);
};
if (probe.hooks && process.env.BENCH_PROBE_FILES) {
  registerHooks({ resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    if (resolved.url.startsWith('file:')) probe.files.push(resolved.url);
    return resolved;
  } });
}
process.on('exit', () => {
  probe.exit = performance.now();
  probe.maxRssKb = process.resourceUsage().maxRSS;
  const cpu = process.cpuUsage();
  probe.cpuMs = (cpu.user + cpu.system) / 1000;
  probe.marks = globalThis.__benchMarks;
  writeFileSync(process.env.BENCH_PROBE_OUT, JSON.stringify(probe));
});
`;

/**
 * The toolkit floor: the least a toolkit action does for the same one Update: `@actions/core` reads the inputs,
 * `@actions/http-client` sends the POST, bundled by ncc like the action. Built in every run (from a file under
 * the project, so ncc resolves the same node_modules), so it moves with the installed toolkit versions.
 */
const TOOLKIT_FLOOR_SOURCE = `import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
const client = new HttpClient('toolkit-floor');
const response = await client.post(core.getInput('url'), core.getInput('body'), {
  authorization: 'Bearer ' + core.getInput('token'),
  'content-type': 'application/json'
});
await response.readBody();
if (response.message.statusCode !== 200) core.setFailed('HTTP ' + response.message.statusCode);
`;

// ---------------------------------------------------------------------------------------------------------
// The flows. Each ends with a known credential, checked after every run so a fast wrong answer cannot pass.

const tokenAuth = (/** @type {Lab} */ lab) => ({ tenant: lab.c1.url, token: lab.token, 'personal-client-id': ID, 'job-summary': 'false' });
const secretAuth = (/** @type {Lab} */ lab) => ({
  tenant: lab.c1.url,
  'client-id': lab.c1.caller.clientId,
  'client-secret': lab.c1.caller.secret,
  'personal-client-id': ID,
  'job-summary': 'false'
});
const detect = (/** @type {Lab} */ lab) => ({ 'allow-source-cidr': 'runner', 'runner-ip-sources': lab.good.map((e) => e.url).join(',') });

// The user's scripts: strictly sequential curl calls, JSON read with bash's own regex (no jq process to pay for).
const CURL = 'curl -sSf --max-time 10';
const TOKEN_CALL = `tok=$(${CURL} --data grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" "$C1/auth/v1/token")
[[ $tok =~ \\"access_token\\":\\"([^\\"]+)\\" ]]; TOKEN=\${BASH_REMATCH[1]}`;
const ECHO_CALL = `ip=$(${CURL} "$ECHO")`;
const GET_CALL = `cur=$(${CURL} -H "authorization: Bearer $TOKEN" "$C1/api/v1/iam/personal_clients/$ID")
[[ $cur =~ \\"allowSourceCidr\\":\\[([^]]*)\\] ]]; list=\${BASH_REMATCH[1]}`;
const updateCall = (/** @type {string} */ list) =>
  `${CURL} -o /dev/null -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' ` +
  `--data "{\\"client\\":{\\"allowSourceCidr\\":[${list}]},\\"updateMask\\":\\"allowSourceCidr\\"}" "$C1/api/v1/iam/personal_clients/$ID"`;

/** @type {Flow[]} */
const FLOWS = [
  {
    key: 'a',
    title: 'token + replace (runner-ip given)',
    ideal: 1,
    step: 'main',
    inputs: (lab) => ({ ...tokenAuth(lab), 'allow-source-cidr': 'runner', 'runner-ip': RUNNER_IP }),
    startsWith: BEFORE,
    endsWith: [RUNNER_CIDR],
    script: updateCall(`\\"$RUNNER_IP/32\\"`),
    scriptCalls: 1
  },
  {
    key: 'b',
    title: 'client credentials + detection (2 sources, quorum 2) + replace',
    ideal: 2,
    step: 'main',
    inputs: (lab) => ({ ...secretAuth(lab), ...detect(lab) }),
    startsWith: BEFORE,
    endsWith: [RUNNER_CIDR],
    script: [ECHO_CALL, TOKEN_CALL, updateCall('\\"$ip/32\\"')].join('\n'),
    scriptCalls: 3
  },
  {
    key: 'c',
    title: 'client credentials + detection + cidr-mode add',
    ideal: 3,
    step: 'main',
    inputs: (lab) => ({ ...secretAuth(lab), ...detect(lab), 'cidr-mode': 'add' }),
    startsWith: BEFORE,
    endsWith: [...BEFORE, RUNNER_CIDR],
    script: [
      ECHO_CALL,
      TOKEN_CALL,
      GET_CALL,
      '[[ $list == *"\\"$ip/32\\""* ]] || list="${list:+$list,}\\"$ip/32\\""',
      updateCall('$list')
    ].join('\n'),
    scriptCalls: 4
  },
  {
    key: 'd',
    title: 'post step: restore after flow b (main unmeasured)',
    ideal: 3,
    step: 'post',
    inputs: (lab) => ({ ...secretAuth(lab), ...detect(lab), cleanup: 'restore' }),
    startsWith: [RUNNER_CIDR],
    endsWith: BEFORE,
    // As the action does: put the old list back only if the credential still holds what the run set.
    script: [TOKEN_CALL, GET_CALL, '[[ $list == "\\"$RUNNER_IP/32\\"" ]] || exit 0', updateCall('\\"$PREVIOUS\\"')].join('\n'),
    scriptCalls: 3
  }
];

/** withSummary is a flow with the job summary on, as by default. @param {Flow} flow @returns {Flow} */
const withSummary = (flow) => ({ ...flow, inputs: (lab) => ({ ...flow.inputs(lab), 'job-summary': 'true' }) });

// ---------------------------------------------------------------------------------------------------------
// The measurements.

/**
 * benchColdStart: the action's one-Update flow against both floors (the bare node:http POST and the toolkit
 * floor), no latency, interleaved run by run.
 */
async function benchColdStart(/** @type {Lab} */ lab) {
  lab.setDelay(0);
  const flow = /** @type {Flow} */ (FLOWS[0]);
  const floor = () => runFloor(lab);
  const toolkit = () => runToolkitFloor(lab);
  const action = async () => (await runFlow(lab, flow)).ms;
  const [floorMs, toolkitMs, actionMs] = await interleaved([floor, toolkit, action]);
  const toBare = median(actionMs) / median(floorMs);
  const toToolkit = median(actionMs) / median(toolkitMs);
  printTable(
    '1. Cold start (stand-ins answer at once; one Update; `token` and `runner-ip` given; `job-summary: false`)',
    ['process', 'median ms', 'min ms', 'max ms'],
    [
      ['bare floor: the same POST with node:http (ESM, own node process)', ...stats(floorMs)],
      ['toolkit floor: ncc bundle of @actions/core + @actions/http-client, the same POST', ...stats(toolkitMs)],
      ['action: dist/main/index.js via runStep', ...stats(actionMs)],
      ['**ratio action/toolkit floor** (target ≤ 1.2)', `**${fmt(toToolkit, 2)}** ${verdict(toToolkit <= 1.2)}`, '', ''],
      ['**ratio action/bare floor** (target ≤ 1.5)', `**${fmt(toBare, 2)}** ${verdict(toBare <= 1.5)}`, '', ''],
      ['ratio toolkit floor/bare floor (what the toolkit itself costs)', fmt(median(toolkitMs) / median(floorMs), 2), '', '']
    ]
  );
}

/**
 * benchRoundTrips: every answer 100 ms late. Per flow, four measurements take turns: the floor, the action with
 * no latency, the action at 100 ms, and the curl script at 100 ms. The action's own difference between 100 ms
 * and no latency counts the round trips on its critical path exactly, whatever its start costs.
 */
async function benchRoundTrips(/** @type {Lab} */ lab) {
  const curl = hasCurl();
  const rows = [];
  const versus = [];
  for (const flow of FLOWS) {
    /** @type {number[]} */
    const requests = [];
    const delayed = async () => {
      const run = await runFlow(lab, flow, DELAY_MS);
      requests.push(run.requests);
      return run.ms;
    };
    const measurements = [() => runFloor(lab), () => runToolkitFloor(lab), async () => (await runFlow(lab, flow, 0)).ms, delayed];
    if (curl) measurements.push(() => runScript(lab, flow));
    const [floorMs, toolkitMs, instantMs, delayedMs, scriptMs = NaN] = /** @type {number[]} */ (
      (await interleaved(measurements)).map(median)
    );
    // The ideal is anchored on the toolkit floor: the least any action built on @actions/core starts in (issue 10).
    const idealMs = flow.ideal * DELAY_MS + toolkitMs;
    const ratio = delayedMs / idealMs;
    const bareRatio = delayedMs / (flow.ideal * DELAY_MS + floorMs);
    rows.push([
      `(${flow.key}) ${flow.title}`,
      String(flow.ideal),
      String(median(requests)),
      fmt(floorMs),
      fmt(toolkitMs),
      fmt(instantMs),
      fmt(delayedMs),
      fmt((delayedMs - instantMs) / DELAY_MS, 1),
      fmt(idealMs),
      `${fmt(ratio, 2)} ${verdict(ratio <= 1.2)}`,
      fmt(bareRatio, 2)
    ]);
    if (!curl) continue;
    const versusScript = delayedMs / scriptMs;
    const target = flow.ideal >= 2 ? ` ${verdict(versusScript < 1)}` : ' (1 round trip: not a target)';
    versus.push([
      `(${flow.key}) ${flow.title}`,
      fmt(delayedMs),
      fmt(scriptMs),
      String(flow.scriptCalls),
      `${fmt(versusScript, 2)}${target}`
    ]);
  }
  printTable(
    `2. Round trips (every stand-in answer delayed ${DELAY_MS} ms; both floors, action at 0 ms and at ${DELAY_MS} ms measured in turns per flow)`,
    [
      'flow',
      'ideal round trips',
      'requests sent',
      'bare floor ms',
      'toolkit floor ms',
      'action, 0 ms latency',
      `action, ${DELAY_MS} ms latency`,
      `round trips in a row ((${DELAY_MS} ms − 0 ms) / ${DELAY_MS})`,
      `ideal ms (ideal × ${DELAY_MS} + toolkit floor)`,
      'ratio to ideal (target ≤ 1.2)',
      `ratio to ideal × ${DELAY_MS} + bare floor (for reference)`
    ],
    rows
  );
  if (!curl) {
    console.log('\n### 3. Against a curl script\n\ncurl is not installed here: section 3 skipped.');
    return;
  }
  printTable(
    `3. Against a bash script of sequential curl calls (same runs as section 2; target: action faster on flows of ≥ 2 round trips)`,
    ['flow', 'action ms', 'curl script ms', 'curl calls in a row', 'ratio action/script'],
    versus
  );
}

/**
 * benchHangingSource: flow b with a source that never answers listed first, against flow b without it; with
 * dist/main, and, if dist/main loads source-map-support (a build without --no-source-map-register), with a copy
 * of it that does not, which is what the difference came from (Node formats the stack of the cancelled request's
 * AbortError, and source-map-support then parses the whole index.js.map, synchronously).
 */
async function benchHangingSource(/** @type {Lab} */ lab) {
  const flow = /** @type {Flow} */ (FLOWS[1]);
  const withHang = {
    ...flow,
    inputs: (/** @type {Lab} */ l) => ({ ...flow.inputs(l), 'runner-ip-sources': [l.hanging, ...l.good].map((e) => e.url).join(',') })
  };
  // The copy without the register only means something when dist/main loads it.
  const noRegister = HAS_REGISTER ? copyBundle(lab, 'hang-without-register', { dropSourceMaps: true }) : null;
  let hangingRuns = 0;
  let asked = 0;
  /** counted checks that the hanging source really was asked (and so had to be cancelled). @param {number} ms */
  const counted = (ms) => {
    hangingRuns++;
    if (lab.hanging.requests.length > 0) asked++;
    return ms;
  };
  const [plain = [], hanging = [], plainCopy = [], hangingCopy = []] = await interleaved([
    async () => (await runFlow(lab, flow, DELAY_MS)).ms,
    async () => counted((await runFlow(lab, withHang, DELAY_MS)).ms),
    ...(noRegister
      ? [
          async () => (await spawnBundle(lab, noRegister.file, flow, {}, DELAY_MS)).ms,
          async () => counted((await spawnBundle(lab, noRegister.file, withHang, {}, DELAY_MS)).ms)
        ]
      : [])
  ]);
  const row = (/** @type {string} */ name, /** @type {number[]} */ without, /** @type {number[]} */ withIt) => {
    const difference = median(withIt) - median(without);
    return [name, fmt(median(without)), fmt(median(withIt)), `**${fmt(difference)}** ${verdict(Math.abs(difference) < DELAY_MS / 10)}`];
  };
  printTable(
    `4. A source that never answers, listed first (flow b; the good sources answer in ${DELAY_MS} ms; the hanging one was asked in ${asked} of ${hangingRuns} runs)`,
    ['bundle', '2 good sources, ms', 'hanging + 2 good, ms', 'difference (target ≈ 0)'],
    [
      row(`dist/main (via runStep${HAS_REGISTER ? '' : '; built without the source-map register'})`, plain, hanging),
      ...(noRegister ? [row('copy of dist/main without the sourcemap-register.cjs import', plainCopy, hangingCopy)] : [])
    ]
  );
}

/** benchBundle: sizes of what the runner loads, and peak RSS of each step (through the probe). */
async function benchBundle(/** @type {Lab} */ lab) {
  const sizeRows = ['main', 'post'].map((step) => {
    const dir = join(ROOT, 'dist', step);
    const size = (/** @type {string} */ f) => (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0);
    const chunks = readdirSync(dir).filter((f) => /^\d+\.index\.js$/.test(f));
    const start = size('index.js') + (HAS_REGISTER ? size('sourcemap-register.cjs') : 0);
    return [
      `dist/${step}`,
      kb(size('index.js')),
      chunks.map((c) => `${c} ${kb(size(c))}`).join(', ') || '(none)',
      ...(HAS_REGISTER ? [kb(size('sourcemap-register.cjs'))] : []),
      kb(start),
      kb(start + chunks.reduce((n, c) => n + size(c), 0))
    ];
  });
  printTable(
    '5a. Bundle sizes (without source maps)',
    ['bundle', 'index.js', 'chunks (lazy)', ...(HAS_REGISTER ? ['sourcemap-register.cjs'] : []), 'loaded at start', 'total'],
    sizeRows
  );

  lab.setDelay(0);
  const runs = Math.min(RUNS, 5);
  const flowB = /** @type {Flow} */ (FLOWS[1]);
  const flowD = /** @type {Flow} */ (FLOWS[3]);
  const summaryOn = withSummary(/** @type {Flow} */ (FLOWS[0]));
  /** @type {[string, () => Promise<Probe>][]} */
  const subjects = [
    ['floor (node:http POST)', () => probeFloor(lab)],
    ['main, flow a (job-summary: false)', () => probeFlow(lab, /** @type {Flow} */ (FLOWS[0]))],
    ['main, flow a with job-summary: true', () => probeFlow(lab, summaryOn)],
    ['main, flow b (client credentials + detection)', () => probeFlow(lab, flowB)],
    ['post, flow d (restore)', () => probeFlow(lab, flowD)]
  ];
  const rows = [];
  for (const [name, probe] of subjects) {
    /** @type {Probe[]} */
    const probes = [];
    for (let i = 0; i < runs; i++) probes.push(await probe());
    const m = (/** @type {(p: Probe) => number} */ pick) => median(probes.map(pick));
    rows.push([
      name,
      `${fmt(m((p) => p.maxRssKb) / 1024, 1)} MB`,
      ...[(/** @type {Probe} */ p) => p.firstConnect ?? NaN, (/** @type {Probe} */ p) => p.exit, (/** @type {Probe} */ p) => p.cpuMs].map(
        (pick) => fmt(m(pick), 1)
      )
    ]);
  }
  printTable(
    `5b. Peak memory, first request and CPU (probe preloaded with --require: process.resourceUsage().maxRSS, the first socket connect, process.cpuUsage(); median of ${runs}; stand-ins answer at once)`,
    ['process', 'peak RSS', 'first connect, ms after process start', 'exit, ms after process start', 'CPU time (user + system) ms'],
    rows
  );
}

/** benchModuleLoad: what loading the bundle costs, where that time goes, and what leaner bundles would save. */
async function benchModuleLoad(/** @type {Lab} */ lab) {
  lab.setDelay(0);
  const bare = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const [e0, mainLoad, postLoad] = await interleaved([
    async () => (await spawnTimed(NODE, ['-e', '0'], bare)).ms,
    // With no inputs, main fails its validation before any request; post has no state and does nothing.
    async () => (await spawnTimed(NODE, [join(ROOT, 'dist/main/index.js')], bare)).ms,
    async () => (await spawnTimed(NODE, [join(ROOT, 'dist/post/index.js')], bare)).ms
  ]);
  printTable(
    '5c. Module load (no inputs, so no request: load, validate, exit)',
    ['command', 'median ms', 'above `node -e 0`'],
    [
      ['node -e 0', fmt(median(e0)), ''],
      ['node dist/main/index.js (fails validation before any request)', fmt(median(mainLoad)), fmt(median(mainLoad) - median(e0))],
      ['node dist/post/index.js (no state: nothing to do)', fmt(median(postLoad)), fmt(median(postLoad) - median(e0))]
    ]
  );
  await loadBreakdown(lab);
  await leanerBundles(lab);
  await chunkCheck(lab);
}

/** loadBreakdown runs an instrumented copy of dist/main (flow a) and splits its time before the first request. */
async function loadBreakdown(/** @type {Lab} */ lab) {
  const bundle = copyBundle(lab, 'instrumented', { instrument: true });
  const flow = /** @type {Flow} */ (FLOWS[0]);
  const [floors = [], probes = []] = await interleaved([() => probeFloor(lab), () => probeBundle(lab, bundle.file, flow)]);
  const action = (/** @type {(p: Probe) => number} */ pick) => fmt(median(probes.map(pick)), 1);
  const floor = (/** @type {(p: Probe) => number} */ pick) => fmt(median(floors.map(pick)), 1);
  const mark = (/** @type {Probe} */ p, /** @type {'bodyStart' | 'bodyEnd' | 'smrStart' | 'smrEnd'} */ name) => p.marks?.[name] ?? NaN;
  const moduleMs = (/** @type {Probe} */ p, /** @type {string[]} */ ids) => ids.reduce((sum, id) => sum + (p.marks?.modules?.[id] ?? 0), 0);
  const connect = (/** @type {Probe} */ p) => p.firstConnect ?? NaN;
  const loaderEnd = (/** @type {Probe} */ p) => (p.marks?.smrStart ?? p.marks?.bodyStart ?? NaN) - p.preloaded;
  // Each top-level require on its own row when it costs 1 ms or more; the rest together.
  const groups = groupModules(bundle.topLevel).map((g) => ({ ...g, ms: median(probes.map((p) => moduleMs(p, g.ids))) }));
  const big = groups.filter((g) => g.ms >= 1).sort((x, y) => y.ms - x.ms);
  const small = groups.filter((g) => g.ms < 1);
  const smallIds = small.flatMap((g) => g.ids);
  const allIds = bundle.topLevel.map((t) => t.id);
  printTable(
    `5d. Where the start goes (instrumented copy of dist/main, flow a, median of ${RUNS}; the marks themselves cost a little)`,
    ['phase', 'action ms', 'floor ms'],
    [
      ['node boots, the probe is preloaded', action((p) => p.preloaded), floor((p) => p.preloaded)],
      [`ESM loader reads and compiles the entry (index.js: ${kb(bundle.size)}; floor: 1 KiB)`, action(loaderEnd), floor(loaderEnd)],
      ...(HAS_REGISTER
        ? [['sourcemap-register.cjs runs (source-map-support)', action((p) => mark(p, 'smrEnd') - mark(p, 'smrStart')), '']]
        : []),
      ...big.map((g) => [`top level requires ${g.name}`, fmt(g.ms, 1), '']),
      [
        `other top-level requires, each < 1 ms: ${small.map((g) => g.name.replace('built-in ', '')).join(', ')}`,
        action((p) => moduleMs(p, smallIds)),
        ''
      ],
      [
        'rest of the top level (own code and what ncc concatenates: ES modules, inline requires of built-ins such as node:https)',
        action((p) => mark(p, 'bodyEnd') - mark(p, 'bodyStart') - moduleMs(p, allIds)),
        ''
      ],
      [
        'run(): inputs, config, client, until the Update connects (floor: its whole script)',
        action((p) => connect(p) - mark(p, 'bodyEnd')),
        floor((p) => connect(p) - mark(p, 'bodyStart'))
      ],
      ['**first connect, ms after process start**', `**${action(connect)}**`, `**${floor(connect)}**`],
      ['Update answered, outputs written, exit', action((p) => p.exit - connect(p)), floor((p) => p.exit - connect(p))],
      ['CPU time of the whole process (user + system)', action((p) => p.cpuMs), floor((p) => p.cpuMs)]
    ]
  );
}

/**
 * leanerBundles times copies of dist/main without the source-map register and/or without undici (flow a), for
 * whichever of them dist/main still loads at start; none left, it prints a note instead.
 */
async function leanerBundles(/** @type {Lab} */ lab) {
  // The undici/tunnel copies only mean something while index.js requires them at its top level; a build that
  // loads them lazily (in a chunk) would give copies identical to dist/main, so they are left out with a note.
  const topLevel = topLevelRequires(readFileSync(join(ROOT, 'dist', 'main', 'index.js'), 'utf8'));
  const required = (/** @type {string} */ pkg) => topLevel.some((t) => t.name.includes(`/node_modules/${pkg}/`));
  const candidates = [
    ...(HAS_REGISTER ? [{ name: 'without the sourcemap-register.cjs import', options: { dropSourceMaps: true } }] : []),
    { name: 'without undici (its modules emptied, never required)', options: { drop: ['undici'] } },
    {
      name: HAS_REGISTER ? 'without the register, undici and tunnel' : 'without undici and tunnel',
      options: { dropSourceMaps: true, drop: ['undici', 'tunnel'] }
    }
  ];
  const kept = candidates.filter((v) => (v.options.dropSourceMaps && HAS_REGISTER) || (v.options.drop ?? []).some(required));
  const skipped = ['undici', 'tunnel'].filter((pkg) => !required(pkg));
  if (kept.length === 0) {
    console.log(
      `\n### 5e. What a leaner bundle would save\n\nSkipped: dist/main/index.js does not require ${skipped.join(' or ')} at its own top level ` +
        '(@actions/http-client does, as it loads: see its row in 5d), so copies that drop only them cannot be made here; ' +
        'section 1 sets the action against the toolkit floor, which loads the same packages.'
    );
    return;
  }
  if (skipped.length > 0)
    console.log(`\n(5e: ${skipped.join(' and ')} not required by index.js at start; copies that drop only them are left out.)`);
  const variants = [{ name: 'dist/main as built (copy)', options: {} }, ...kept].map((v) => ({
    ...v,
    bundle: copyBundle(lab, v.name.replace(/\W+/g, '-'), v.options)
  }));
  const flow = /** @type {Flow} */ (FLOWS[0]);
  const probes = await interleaved([() => probeFloor(lab), ...variants.map((v) => () => probeBundle(lab, v.bundle.file, flow))]);
  // CPU time (user + system) is the steadier figure when other work shares the machine.
  const [wall, cpu] = [(/** @type {Probe} */ p) => p.wallMs, (/** @type {Probe} */ p) => p.cpuMs].map((pick) =>
    probes.map((runs) => median(runs.map(pick)))
  );
  const row = (/** @type {string} */ name, /** @type {string} */ size, /** @type {number} */ i) => [
    name,
    size,
    fmt(wall?.[i] ?? NaN),
    fmt((wall?.[i] ?? NaN) / (wall?.[0] ?? NaN), 2),
    fmt(cpu?.[i] ?? NaN),
    fmt((cpu?.[i] ?? NaN) / (cpu?.[0] ?? NaN), 2)
  ];
  printTable(
    '5e. What a leaner bundle would save (flow a, stand-ins answer at once, probe preloaded; copies in a temporary directory, dist/ untouched)',
    ['bundle', 'loaded at start', 'wall ms', 'wall ratio to floor', 'CPU ms', 'CPU ratio to floor'],
    [row('floor', '', 0), ...variants.map((v, i) => row(v.name, kb(v.bundle.size + v.bundle.smrSize), i + 1))]
  );
}

/**
 * chunkCheck asks the module loader which files each step loads (only index.js for the common flows? the
 * lazy chunks only for the summary?) and times flow a with and without the summary. The keyless (OIDC) path,
 * which loads @actions/core's chunk, and a proxied request are not run here.
 */
async function chunkCheck(/** @type {Lab} */ lab) {
  const flow = /** @type {Flow} */ (FLOWS[0]);
  const summaryOn = withSummary(flow);
  const off = await probeFlow(lab, flow, { BENCH_PROBE_FILES: '1' });
  const on = await probeFlow(lab, summaryOn, { BENCH_PROBE_FILES: '1' });
  const secret = await probeFlow(lab, /** @type {Flow} */ (FLOWS[1]), { BENCH_PROBE_FILES: '1' });
  const post = await probeFlow(lab, /** @type {Flow} */ (FLOWS[3]), { BENCH_PROBE_FILES: '1' });
  const files = (/** @type {Probe} */ p) =>
    p.hooks ? p.files.map((f) => basename(fileURLToPath(f))).join(', ') : 'not checked: module.registerHooks needs Node ≥ 22.15';
  const [offMs, onMs] = await interleaved([async () => (await runFlow(lab, flow)).ms, async () => (await runFlow(lab, summaryOn)).ms]);
  printTable(
    `5f. Which files load, and the summary (files the module loader resolves, through module.registerHooks in the probe; stand-ins answer at once; median of ${RUNS} for the timed rows)`,
    ['run', 'files loaded', 'median ms'],
    [
      ['flow a (token given), job-summary: false', files(off), fmt(median(offMs))],
      ['flow a (token given), job-summary: true (the default)', files(on), fmt(median(onMs))],
      ['cost of the summary', '', fmt(median(onMs) - median(offMs))],
      ['flow b (client credentials + detection), job-summary: false', files(secret), ''],
      ['post, flow d (restore), job-summary: false', files(post), '']
    ]
  );
}

// ---------------------------------------------------------------------------------------------------------
// Running things.

/** startLab starts the stand-ins and writes the floor and the probe; everything the measurements share. */
async function startLab() {
  const c1 = await startC1();
  const good = [await startEcho({ answer: RUNNER_IP }), await startEcho({ answer: RUNNER_IP })];
  const hanging = await startEcho({ hang: true });
  const dir = mkdtempSync(join(os.tmpdir(), 'c1-leash-bench-'));
  const floor = join(dir, 'floor.mjs');
  const probe = join(dir, 'probe.cjs');
  writeFileSync(floor, FLOOR_SCRIPT);
  writeFileSync(probe, PROBE_SCRIPT);
  const toolkitFloor = buildToolkitFloor(dir);
  return {
    c1,
    good,
    hanging,
    dir,
    floor,
    toolkitFloor,
    probe,
    token: c1.issueToken(),
    /** setDelay sets the latency of every C1 and good echo answer. @param {number} ms */
    setDelay(ms) {
      c1.delayMs = ms;
      for (const echo of good) echo.set({ delayMs: ms });
    },
    /** reset puts the credential back to a known list and empties the request logs. @param {string[]} cidrs */
    reset(cidrs) {
      c1.seed({
        id: ID,
        displayName: 'deploy bot',
        allowSourceCidr: cidrs,
        scopedRoles: ['role-read'],
        expiresTime: new Date(Date.now() + 5 * 86_400_000).toISOString()
      });
      c1.clearLog();
      for (const echo of [...good, hanging]) echo.requests.length = 0;
    },
    /** requests counts what the stand-ins received since the last reset. */
    requests() {
      return c1.requests.length + good.reduce((n, e) => n + e.requests.length, 0) + hanging.requests.length;
    },
    async close() {
      await Promise.all([c1.close(), ...good.map((e) => e.close()), hanging.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/**
 * runFlow runs one flow's step through runStep, at the given latency, and checks where the credential ends.
 * For the post step, main runs first at no latency (not measured) and hands over its state.
 * @param {Lab} lab @param {Flow} flow @param {number} [delayMs] @param {Record<string, string>} [env]
 */
async function runFlow(lab, flow, delayMs = 0, env = {}) {
  lab.setDelay(0);
  lab.reset(BEFORE);
  /** @type {Record<string, string> | undefined} */
  let state;
  if (flow.step === 'post') {
    const main = await runStep('main', { inputs: flow.inputs(lab), node: NODE });
    check(main.code === 0 && sameList(lab, flow.startsWith), `main before ${flow.key}`, main);
    state = main.state;
    lab.reset(flow.startsWith);
  }
  lab.setDelay(delayMs);
  const result = await runStep(flow.step, { inputs: flow.inputs(lab), node: NODE, env, ...(state && { state }) });
  check(result.code === 0 && sameList(lab, flow.endsWith), `action, flow ${flow.key}`, result);
  return { ms: result.ms, requests: lab.requests() };
}

/** runScript runs a flow's curl script under bash at 100 ms latency; the same end state is checked. */
async function runScript(/** @type {Lab} */ lab, /** @type {Flow} */ flow) {
  lab.setDelay(0);
  lab.reset(flow.startsWith);
  lab.setDelay(DELAY_MS);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    C1: lab.c1.url,
    ID,
    TOKEN: lab.token,
    CLIENT_ID: lab.c1.caller.clientId,
    CLIENT_SECRET: lab.c1.caller.secret,
    ECHO: /** @type {{ url: string }} */ (lab.good[0]).url,
    RUNNER_IP,
    PREVIOUS: /** @type {string} */ (BEFORE[0])
  };
  const result = await spawnTimed('bash', ['-c', `set -euo pipefail\n${flow.script}`], env);
  check(result.code === 0 && sameList(lab, flow.endsWith), `curl script, flow ${flow.key}`, result);
  return result.ms;
}

/** runFloor sends the floor's one Update, in its own node process, with the same base environment. */
async function runFloor(/** @type {Lab} */ lab, /** @type {Record<string, string>} */ env = {}) {
  lab.setDelay(0);
  lab.reset(BEFORE);
  const result = await spawnTimed(NODE, [lab.floor], { ...floorEnv(lab), ...env });
  check(result.code === 0 && sameList(lab, [RUNNER_CIDR]), 'floor', result);
  return result.ms;
}

/** buildToolkitFloor bundles the toolkit floor with ncc into the lab directory and returns its entry file. */
function buildToolkitFloor(/** @type {string} */ dir) {
  const sourceDir = mkdtempSync(join(ROOT, '.bench-toolkit-floor-'));
  try {
    const source = join(sourceDir, 'index.mjs');
    writeFileSync(source, TOOLKIT_FLOOR_SOURCE);
    const out = join(dir, 'toolkit-floor');
    const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'ncc'), ['build', source, '-o', out, '--quiet'], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`could not build the toolkit floor: ${built.stderr}`);
    return join(out, 'index.mjs'); // ncc names the bundle after an .mjs entry
  } finally {
    rmSync(sourceDir, { recursive: true, force: true });
  }
}

/** runToolkitFloor sends the toolkit floor's one Update, its inputs as the runner passes them. */
async function runToolkitFloor(/** @type {Lab} */ lab) {
  lab.setDelay(0);
  lab.reset(BEFORE);
  const env = floorEnv(lab);
  const result = await spawnTimed(NODE, [lab.toolkitFloor], {
    PATH: env.PATH,
    HOME: env.HOME,
    INPUT_URL: env.FLOOR_URL,
    INPUT_TOKEN: env.FLOOR_TOKEN,
    INPUT_BODY: env.FLOOR_BODY
  });
  check(result.code === 0 && sameList(lab, [RUNNER_CIDR]), 'toolkit floor', result);
  return result.ms;
}

const floorEnv = (/** @type {Lab} */ lab) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  FLOOR_URL: `${lab.c1.url}/api/v1/iam/personal_clients/${ID}`,
  FLOOR_TOKEN: lab.token,
  FLOOR_BODY: JSON.stringify({ client: { allowSourceCidr: [RUNNER_CIDR] }, updateMask: 'allowSourceCidr' })
});

/** probeEnv preloads the probe and names the file it reports to. */
function probeEnv(/** @type {Lab} */ lab, /** @type {Record<string, string>} */ extra = {}) {
  const out = join(lab.dir, `probe-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  return {
    env: { NODE_OPTIONS: `--require ${lab.probe}`, BENCH_PROBE_OUT: out, ...extra },
    read: () => /** @type {Probe} */ (JSON.parse(readFileSync(out, 'utf8')))
  };
}

/** @returns {Promise<Probe>} */
async function probeFloor(/** @type {Lab} */ lab) {
  const probe = probeEnv(lab);
  const wallMs = await runFloor(lab, probe.env);
  return { ...probe.read(), wallMs };
}

/** @returns {Promise<Probe>} */
async function probeFlow(/** @type {Lab} */ lab, /** @type {Flow} */ flow, /** @type {Record<string, string>} */ extra = {}) {
  const probe = probeEnv(lab, extra);
  const { ms } = await runFlow(lab, flow, 0, probe.env);
  return { ...probe.read(), wallMs: ms };
}

/** @returns {Promise<Probe>} */
async function probeBundle(/** @type {Lab} */ lab, /** @type {string} */ file, /** @type {Flow} */ flow) {
  const probe = probeEnv(lab);
  const { ms } = await spawnBundle(lab, file, flow, probe.env);
  return { ...probe.read(), wallMs: ms };
}

/**
 * spawnBundle runs a copy of the main bundle (outside dist/, which runStep cannot point at) with the runner's
 * environment: inputs as INPUT_*, and the command files.
 * @param {Lab} lab @param {string} file @param {Flow} flow @param {Record<string, string>} [extra] @param {number} [delayMs]
 */
async function spawnBundle(lab, file, flow, extra = {}, delayMs = 0) {
  lab.setDelay(0);
  lab.reset(BEFORE);
  lab.setDelay(delayMs);
  /** @type {Record<string, string>} */
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GITHUB_ACTIONS: 'true', RUNNER_TEMP: lab.dir, ...extra };
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    env[name] = join(lab.dir, name.toLowerCase());
    writeFileSync(env[name], '');
  }
  for (const [name, value] of Object.entries(flow.inputs(lab))) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await spawnTimed(NODE, [file], env);
  check(result.code === 0 && sameList(lab, flow.endsWith), `bundle ${file}`, result);
  return result;
}

/**
 * spawnTimed runs a command to its end and times it from spawn to close, as runStep does (Date.now, 1 ms).
 * @param {string} command @param {string[]} args @param {Record<string, string>} env @returns {Promise<Spawned>}
 */
function spawnTimed(command, args, env) {
  return new Promise((done, fail) => {
    const started = Date.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code: code ?? signal, ms: Date.now() - started, stdout, stderr }));
  });
}

/**
 * interleaved runs each measurement once to warm up (page cache, first-run costs), then RUNS times in turns,
 * rotating who goes first, so that a change in the machine's load hits every measurement alike.
 * @template T @param {(() => Promise<T>)[]} measurements @returns {Promise<T[][]>}
 */
async function interleaved(measurements) {
  for (const measure of measurements) await measure();
  /** @type {T[][]} */
  const results = measurements.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < measurements.length; k++) {
      const i = (run + k) % measurements.length;
      /** @type {T[]} */ (results[i]).push(await /** @type {() => Promise<T>} */ (measurements[i])());
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// Bundle copies for the load breakdown and the leaner variants. dist/ itself is never touched.

/**
 * copyBundle copies dist/main into the lab directory, optionally instrumented (marks at the start and end of
 * the top level, per top-level require), without the source-map register, or without some packages.
 * @param {Lab} lab @param {string} name
 * @param {{ instrument?: boolean, dropSourceMaps?: boolean, drop?: string[] }} options
 */
function copyBundle(lab, name, options) {
  const source = join(ROOT, 'dist', 'main');
  const dir = join(lab.dir, name);
  mkdirSync(dir);
  for (const file of readdirSync(source).filter((f) => !f.endsWith('.map'))) copyFileSync(join(source, file), join(dir, file));
  let text = readFileSync(join(source, 'index.js'), 'utf8');
  const topLevel = topLevelRequires(text);
  for (const pkg of options.drop ?? []) text = dropPackage(text, topLevel, pkg);
  if (options.dropSourceMaps) text = text.replace("import './sourcemap-register.cjs';", '');
  const register = join(dir, 'sourcemap-register.cjs');
  if (options.instrument) text = instrument(text);
  if (options.instrument && existsSync(register)) {
    writeFileSync(
      register,
      `(globalThis.__benchMarks ??= {}).smrStart = performance.now();\n${readFileSync(register, 'utf8')}\nglobalThis.__benchMarks.smrEnd = performance.now();\n`
    );
  }
  const file = join(dir, 'index.js');
  writeFileSync(file, text);
  return {
    file,
    size: Buffer.byteLength(text),
    smrSize: options.dropSourceMaps || !existsSync(register) ? 0 : statSync(register).size,
    topLevel
  };
}

/**
 * topLevelRequires lists the CommonJS modules the bundle's top level requires, by the name ncc writes above
 * each (`// EXTERNAL MODULE: ./node_modules/undici/index.js`). ES modules are concatenated, not required.
 * @param {string} text @returns {{ id: string, name: string }[]}
 */
function topLevelRequires(text) {
  return [...text.matchAll(/^\/\/ EXTERNAL MODULE: (.+)\r?\nvar \w+ = __nccwpck_require__\((\d+)\);/gm)].map((m) => ({
    id: String(m[2]),
    name: String(m[1])
  }));
}

/** groupModules names a top-level require by its package, or by the Node built-in it is. @param {{ id: string, name: string }[]} topLevel */
function groupModules(topLevel) {
  /** @type {Map<string, string[]>} */
  const groups = new Map();
  for (const { id, name } of topLevel) {
    const label = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name)?.[1] ?? `built-in ${/external "(.+)"/.exec(name)?.[1] ?? name}`;
    groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  return [...groups].map(([name, ids]) => ({ name, ids }));
}

/**
 * instrument adds timing marks: the start of the top level, each top-level require (inclusive of what it
 * requires), and the end of the top level, just before the entry's own code (src/main.ts) runs.
 * @param {string} text
 */
function instrument(text) {
  const setup =
    'const __benchMarks = (globalThis.__benchMarks ??= {}); __benchMarks.bodyStart = performance.now(); __benchMarks.modules = {}; let __benchDepth = 0;\n' +
    'const __benchRequire = (id, load) => { const t = performance.now(); __benchDepth++; try { load(); } finally { __benchDepth--; ' +
    'if (__benchDepth === 0 && __benchMarks.bodyEnd === undefined) __benchMarks.modules[id] = (__benchMarks.modules[id] ?? 0) + performance.now() - t; } };\n';
  const call = '__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);';
  const entry = ';// CONCATENATED MODULE: ./src/main.ts';
  if (!text.includes(call) || !text.includes(entry))
    throw new Error('bench: the bundle does not have the shape the instrumentation expects (ncc changed?)');
  const firstLineEnd = text.indexOf('\n') + 1;
  return (text.slice(0, firstLineEnd) + setup + text.slice(firstLineEnd))
    .replace(call, `__benchRequire(moduleId, () => ${call.slice(0, -1)});`)
    .replace(entry, `__benchMarks.bodyEnd = performance.now();\n${entry}`);
}

/**
 * dropPackage empties every bundled module that only one package's top-level require reaches, and replaces
 * that require with an empty object: what the bundle would weigh if src/ never pulled the package in.
 * @param {string} text @param {{ id: string, name: string }[]} topLevel @param {string} pkg
 */
function dropPackage(text, topLevel, pkg) {
  const root = topLevel.find((t) => t.name.includes(`/node_modules/${pkg}/`));
  if (root === undefined) return text;
  const modules = bundledModules(text);
  const reach = (/** @type {string[]} */ from) => {
    const seen = new Set(from);
    for (const id of seen) for (const dep of modules.get(id)?.deps ?? []) seen.add(dep);
    return seen;
  };
  const others = reach(topLevel.filter((t) => t !== root).map((t) => t.id));
  const drop = [...reach([root.id])].filter((id) => !others.has(id));
  let out = text;
  // From the last module to the first, so earlier offsets stay valid.
  for (const id of drop.sort((x, y) => (modules.get(y)?.start ?? 0) - (modules.get(x)?.start ?? 0))) {
    const m = /** @type {{ start: number, end: number }} */ (modules.get(id));
    out = `${out.slice(0, m.start)}/***/ (() => {}),\n\n${out.slice(m.end)}`;
  }
  return out.replace(new RegExp(`^var (\\w+) = __nccwpck_require__\\(${root.id}\\);`, 'm'), 'var $1 = {};');
}

/**
 * bundledModules finds each module of ncc's `__webpack_modules__` table: where its function starts and ends,
 * and which modules it requires.
 * @param {string} text @returns {Map<string, { start: number, end: number, deps: string[] }>}
 */
function bundledModules(text) {
  const tableEnd = text.indexOf('\n/******/ });');
  const headers = [...text.slice(0, tableEnd).matchAll(/^\/\*\*\*\/ (\d+):\n/gm)];
  /** @type {Map<string, { start: number, end: number, deps: string[] }>} */
  const modules = new Map();
  headers.forEach((h, i) => {
    const start = /** @type {number} */ (h.index) + h[0].length;
    const end = i + 1 < headers.length ? /** @type {number} */ (headers[i + 1]?.index) : tableEnd + 1;
    const deps = [...text.slice(start, end).matchAll(/__nccwpck_require__\((\d+)\)/g)].map((d) => String(d[1]));
    modules.set(String(h[1]), { start, end, deps });
  });
  return modules;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers.

/** check stops the benchmark when a run did not do its job: a fast failure is not a result. */
function check(
  /** @type {boolean} */ ok,
  /** @type {string} */ what,
  /** @type {{ code: unknown, stdout: string, stderr: string }} */ result
) {
  if (ok) return;
  throw new Error(`bench: ${what} did not end as expected (exit ${String(result.code)}).\n${result.stdout}\n${result.stderr}`);
}

/** sameList tells whether the credential on the stand-in holds exactly this list. */
function sameList(/** @type {Lab} */ lab, /** @type {string[]} */ expected) {
  return JSON.stringify(lab.c1.record(ID)?.allowSourceCidr ?? []) === JSON.stringify(expected);
}

function hasCurl() {
  return spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? /** @type {number} */ (sorted[mid])
    : /** @type {number} */ (sorted[mid - 1] + /** @type {number} */ (sorted[mid])) / 2;
}

/** @param {number[]} values */
function stats(values) {
  return [fmt(median(values)), fmt(Math.min(...values)), fmt(Math.max(...values))];
}

function fmt(/** @type {number} */ value, digits = 0) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function kb(/** @type {number} */ bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

function verdict(/** @type {boolean} */ met) {
  return met ? '✓ met' : '✗ not met';
}

/** @param {string} value @param {string} name */
function positiveInteger(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}

/** printTable prints a Markdown table, so the output can go straight into docs/performance.md. */
function printTable(/** @type {string} */ title, /** @type {string[]} */ headers, /** @type {string[][]} */ rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n### ${title}\n\n${line(headers)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}`);
}

function printMachine() {
  const version = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  console.log('## c1-credential-leash benchmark\n');
  console.log(`- node: ${NODE} (${version})${process.env.BENCH_NODE ? '' : ' — this node; set BENCH_NODE for another'}`);
  console.log(
    `- machine: ${os.availableParallelism()} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}`
  );
  console.log(`- load average at start: ${load}`);
  if ((os.loadavg()[0] ?? 0) > os.availableParallelism() / 2) {
    console.log('- **the machine is busy**: timings are noisy; compare the ratios within a table, which are measured in turns.');
  }
  console.log(`- runs per measurement: ${RUNS} (BENCH_RUNS), after one warm-up each; medians; curl: ${hasCurl() ? 'present' : 'missing'}`);
}

// ---------------------------------------------------------------------------------------------------------
// 6. Verification (issue 12): what `verify: token` adds when C1 applies the narrowed list at once.

/**
 * benchVerify: flow a, and flow a with `verify: token` (a token minted with the changed credential's own
 * secret, C1 seeing the runner where the list narrows it to), each with no latency and with every answer 100 ms
 * late, in turns. (verified at 100 ms − at 0 ms) − (plain at 100 ms − at 0 ms), over 100 ms, is how many round
 * trips verification adds in a row, whatever the start costs: one token request. Runs with section 2
 * (BENCH_ONLY=trips, or BENCH_ONLY=verify alone).
 */
async function benchVerify(/** @type {Lab} */ lab) {
  const { generateCredential } = await import('../__tests__/standin/c1.mjs');
  const target = generateCredential(ID, new URL(lab.c1.url).host);
  lab.c1.register(target);
  const plain = /** @type {Flow} */ (FLOWS[0]);
  /** @type {Flow} */
  const verified = {
    ...plain,
    key: 'a + verify',
    title: `${plain.title} + verify: token`,
    inputs: (l) => ({ ...plain.inputs(l), verify: 'token', 'verify-client-secret': target.secret })
  };
  const run = async (/** @type {Flow} */ flow, /** @type {number} */ delayMs) => {
    lab.setDelay(0);
    lab.reset(BEFORE);
    lab.setDelay(delayMs);
    const result = await runStep('main', { inputs: flow.inputs(lab), node: NODE });
    const expected = flow === verified ? 'true' : 'false';
    check(result.code === 0 && sameList(lab, plain.endsWith) && result.outputs.verified === expected, `flow ${flow.key}`, result);
    return { ms: result.ms, requests: lab.c1.requests.length, mints: lab.c1.requests.filter((r) => r.route === 'token').length };
  };
  lab.c1.sourceIp = RUNNER_IP;
  try {
    const [plain0 = [], plainDelayed = [], verified0 = [], verifiedDelayed = []] = await interleaved([
      () => run(plain, 0),
      () => run(plain, DELAY_MS),
      () => run(verified, 0),
      () => run(verified, DELAY_MS)
    ]);
    const ms = (/** @type {{ ms: number }[]} */ runs) => median(runs.map((r) => r.ms));
    const inRow = (/** @type {{ ms: number }[]} */ instant, /** @type {{ ms: number }[]} */ delayed) =>
      (ms(delayed) - ms(instant)) / DELAY_MS;
    const added = inRow(verified0, verifiedDelayed) - inRow(plain0, plainDelayed);
    printTable(
      `3b. Verification (every stand-in answer delayed ${DELAY_MS} ms or not, in turns; C1 applies the narrowed list at once)`,
      ['flow', 'requests sent', 'token requests', 'action, 0 ms latency', `action, ${DELAY_MS} ms latency`, 'round trips in a row'],
      [
        [plain, plain0, plainDelayed],
        [verified, verified0, verifiedDelayed]
      ].map(([flow, instant, delayed]) => [
        `(${/** @type {Flow} */ (flow).key}) ${/** @type {Flow} */ (flow).title}`,
        String(median(/** @type {{ requests: number }[]} */ (delayed).map((r) => r.requests))),
        String(median(/** @type {{ mints: number }[]} */ (delayed).map((r) => r.mints))),
        fmt(ms(/** @type {{ ms: number }[]} */ (instant))),
        fmt(ms(/** @type {{ ms: number }[]} */ (delayed))),
        fmt(inRow(/** @type {{ ms: number }[]} */ (instant), /** @type {{ ms: number }[]} */ (delayed)), 1)
      ])
    );
    const requests = (/** @type {{ requests: number }[]} */ runs) => median(runs.map((r) => r.requests));
    const extra = requests(verifiedDelayed) - requests(plainDelayed);
    console.log(
      `\n- verify: token adds ${extra} request and ${fmt(added, 1)} round trips in a row (target: exactly 1) ` +
        verdict(extra === 1 && Math.round(added) === 1)
    );
  } finally {
    lab.c1.sourceIp = undefined;
  }
}

async function main() {
  if (!existsSync(NODE)) throw new Error(`BENCH_NODE: no node binary at ${NODE}`);
  printMachine();
  const lab = await startLab();
  try {
    if (ONLY.has('cold')) await benchColdStart(lab);
    if (ONLY.has('trips')) await benchRoundTrips(lab);
    if (ONLY.has('trips') || ONLY.has('verify')) await benchVerify(lab);
    if (ONLY.has('hang')) await benchHangingSource(lab);
    if (ONLY.has('bundle')) await benchBundle(lab);
    if (ONLY.has('load')) await benchModuleLoad(lab);
    if (ONLY.has('rotate') || !process.env.BENCH_ONLY) await benchRotation(lab);
  } finally {
    await lab.close();
  }
  console.log(
    `\n- load average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Rotation (the rotate action), self-contained: its own C1 and GitHub stand-ins per run, since every rotation
// revokes the credential it started from. BENCH_ONLY=rotate runs it alone; it runs by default too.

/**
 * ROTATION_IDEAL: the round trips in a row a rotation cannot avoid. The C1 token and the read (List, to resolve
 * the client ID) come one after the other while GitHub's preflight (public key, secret metadata, variable) runs
 * beside them; then Create, the verification token, the secret PUT, the variable PATCH and the Delete, each
 * waiting for the one before (the contract's order).
 */
const ROTATION_IDEAL = 7;

/** runRotation runs dist/rotate once against fresh stand-ins at a latency and checks that GitHub's pair changed. */
async function runRotation(/** @type {number} */ delayMs) {
  // Imported here so that this section stays self-contained.
  const { startGitHub } = await import('../__tests__/standin/github.mjs');
  const [c1, gh] = await Promise.all([startC1(), startGitHub()]);
  try {
    gh.setSecret('repo:acme/app', 'C1_CLIENT_SECRET', c1.caller.secret);
    gh.setVariable('repo:acme/app', 'C1_CLIENT_ID', c1.caller.clientId);
    c1.delayMs = delayMs;
    gh.delayMs = delayMs;
    const result = await runStep('rotate', {
      node: NODE,
      inputs: {
        tenant: c1.url,
        'client-id': c1.caller.clientId,
        'client-secret': c1.caller.secret,
        'github-token': gh.appToken,
        'github-api-url': gh.url,
        'secret-name': 'C1_CLIENT_SECRET',
        'client-id-variable': 'C1_CLIENT_ID',
        'job-summary': 'false'
      }
    });
    const held = gh.variable('repo:acme/app', 'C1_CLIENT_ID');
    check(result.code === 0 && held !== c1.caller.clientId && result.outputs.revoked === 'true', 'rotation', result);
    return { ms: result.ms, requests: c1.requests.length + gh.requests.length };
  } finally {
    await Promise.all([c1.close(), gh.close()]);
  }
}

/** benchRotation: the rotation at 0 and 100 ms per answer against its ideal (round trips × latency + floor). */
async function benchRotation(/** @type {Lab} */ lab) {
  /** @type {number[]} */
  const requests = [];
  const [floorMs, instantMs, delayedMs] = /** @type {number[]} */ (
    (
      await interleaved([
        () => runFloor(lab),
        async () => (await runRotation(0)).ms,
        async () => {
          const run = await runRotation(DELAY_MS);
          requests.push(run.requests);
          return run.ms;
        }
      ])
    ).map(median)
  );
  const idealMs = ROTATION_IDEAL * DELAY_MS + floorMs;
  const ratio = delayedMs / idealMs;
  printTable(
    `7. Rotation (dist/rotate, pcc self, repository secret + variable, verify and revoke; every C1 and GitHub answer ${DELAY_MS} ms late)`,
    [
      'ideal round trips',
      'requests sent',
      'floor ms',
      'action, 0 ms',
      `action, ${DELAY_MS} ms`,
      'round trips in a row',
      'ideal ms',
      'ratio (target ≤ 1.2)'
    ],
    [
      [
        String(ROTATION_IDEAL),
        String(median(requests)),
        fmt(floorMs),
        fmt(instantMs),
        fmt(delayedMs),
        fmt((delayedMs - instantMs) / DELAY_MS, 1),
        fmt(idealMs),
        `${fmt(ratio, 2)} ${verdict(ratio <= 1.2)}`
      ]
    ]
  );
}

await main();
