// The demo: runs the bundled action (dist/) exactly as the runner would, against the embedded C1 stand-in and
// two IP-echo stand-ins, all on 127.0.0.1, and (for the rotation) the GitHub stand-in. Nothing leaves the machine.
import { startC1 } from '../__tests__/standin/c1.mjs';
import { startEcho } from '../__tests__/standin/echo.mjs';
import { startGitHub } from '../__tests__/standin/github.mjs';
import { runStep } from '../__tests__/e2e/runner.mjs';

const RUNNER_IP = '20.42.7.9'; // what the echo stand-ins report as "the runner's egress IP"
const c1 = await startC1();
const echoes = [await startEcho({ answer: RUNNER_IP }), await startEcho({ answer: RUNNER_IP })];
const id = 'blue-whale-12345';
c1.seed({
  id,
  clientId: `${id}@127.0.0.1:${c1.port}/pcc`,
  displayName: 'deploy bot',
  allowSourceCidr: ['10.0.0.0/8'],
  scopedRoles: ['role-read'],
  expiresTime: new Date(Date.now() + 5 * 86_400_000).toISOString()
});

const auth = { tenant: c1.url, 'client-id': c1.caller.clientId, 'client-secret': c1.caller.secret, 'personal-client-id': id };
const show = (title, value) => console.log(`\n--- ${title}\n${value}`);
const record = () => {
  const r = c1.record(id);
  return JSON.stringify({ allowSourceCidr: r.allowSourceCidr, expiresTime: r.expiresTime, displayName: r.displayName });
};

async function step(title, kind, inputs, state) {
  console.log(`\n=== ${title}`);
  const shown = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, k === 'client-secret' ? '***' : v]));
  show('inputs', JSON.stringify(shown, null, 2));
  const result = await runStep(kind, { inputs, state });
  const log = result.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('::add-mask::') && !l.startsWith('::debug::'));
  show(`log (exit code ${result.code}, ${result.ms} ms)`, log.join('\n'));
  if (kind === 'main') show('outputs', JSON.stringify(result.outputs, null, 2));
  show('job summary', result.summary.trim() || '(none)');
  show('credential on the C1 stand-in now', record());
  if (result.code !== 0) process.exitCode = 1;
  return result;
}

console.log(`C1 stand-in at ${c1.url}; credential ${id} starts as ${record()}`);
await step('1. Scheduled expiry refresh: push the expiry to 30 days, only when it is within 7 days', 'main', {
  ...auth,
  'expires-in': '30d',
  'refresh-within': '7d'
});
const scopingInputs = {
  ...auth,
  'allow-source-cidr': 'runner',
  'runner-ip-sources': echoes.map((e) => e.url).join(','),
  cleanup: 'restore'
};
const main = await step("2. Per-run scoping, main step: narrow allowSourceCidr to the runner's egress IP", 'main', scopingInputs);
await step('3. Per-run scoping, post step (end of the job): restore what the main step changed', 'post', scopingInputs, main.state);

// ——— 4. Rotation: the rotate action replaces the caller's credential, stored in the GitHub stand-in. ———
const gh = await startGitHub();
const scope = 'repo:acme/app';
gh.setSecret(scope, 'C1_CLIENT_SECRET', c1.caller.secret);
gh.setVariable(scope, 'C1_CLIENT_ID', c1.caller.clientId);
console.log(
  `\n=== 4. Rotation: a new credential for ${c1.caller.clientId}, verified, stored in GitHub (stand-in at ${gh.url}), old one revoked`
);
const rotation = await runStep('rotate', {
  inputs: {
    tenant: c1.url,
    'client-id': c1.caller.clientId,
    'client-secret': c1.caller.secret,
    'github-token': gh.appToken,
    'github-api-url': gh.url,
    'secret-name': 'C1_CLIENT_SECRET',
    'client-id-variable': 'C1_CLIENT_ID'
  },
  env: { GITHUB_REPOSITORY: 'acme/app' }
});
const rotationLog = rotation.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('::add-mask::') && !l.startsWith('::debug::'));
show(`log (exit code ${rotation.code}, ${rotation.ms} ms)`, rotationLog.join('\n'));
show('outputs', JSON.stringify(rotation.outputs, null, 2));
show('job summary', rotation.summary.trim());
const heldId = gh.variable(scope, 'C1_CLIENT_ID');
const heldSecret = gh.secret(scope, 'C1_CLIENT_SECRET') ?? '';
show(
  'what the GitHub stand-in holds now',
  `variable C1_CLIENT_ID = ${heldId}\nsecret C1_CLIENT_SECRET = ${heldSecret.slice(0, 33)}… (sealed box opened by the stand-in; ${heldSecret === c1.caller.secret ? 'the OLD secret' : 'a new secret'})`
);
const mintWith = async (clientId, secret) => {
  const check = await runStep('main', {
    inputs: {
      tenant: c1.url,
      'client-id': clientId,
      'client-secret': secret,
      'personal-client-id': 'self',
      'display-name': 'rotated by the demo',
      'job-summary': 'false'
    }
  });
  return check.code === 0
    ? 'mints a token (an Update with it succeeded)'
    : `does NOT work: ${check.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''}`;
};
show('the stored pair', await mintWith(heldId ?? '', heldSecret));
show('the old pair', await mintWith(c1.caller.clientId, c1.caller.secret));
if (rotation.code !== 0) process.exitCode = 1;

await Promise.all([c1.close(), gh.close(), ...echoes.map((e) => e.close())]);
