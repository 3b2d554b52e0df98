// The demo: runs the bundled action (dist/) exactly as the runner would, against the embedded C1 stand-in and
// two IP-echo stand-ins, all on 127.0.0.1, and (for the rotation) the GitHub stand-in. Nothing leaves the machine.
//
// It shows the two-credential model: a managing credential (the stand-in's caller) authenticates the action
// and changes the deploy credential blue-whale-12345, which is the only one the job's own steps would use.
// The C1 stand-in checks a personal client's allowSourceCidr when it mints a token, against the address it
// sees (`sourceIp`), so the demo can show blue-whale-12345 accepted from the runner and refused elsewhere.
import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import { generateCredential, startC1 } from '../__tests__/standin/c1.mjs';
import { startEcho } from '../__tests__/standin/echo.mjs';
import { startGitHub } from '../__tests__/standin/github.mjs';
import { runStep } from '../__tests__/e2e/runner.mjs';

const RUNNER_IP = '20.42.7.9'; // what the echo stand-ins report as "the runner's egress IP", and where C1 sees it
const ELSEWHERE = '198.51.100.7'; // where a leaked copy of a secret would be used from
const c1 = await startC1();
const echoes = [await startEcho({ answer: RUNNER_IP }), await startEcho({ answer: RUNNER_IP })];
c1.sourceIp = RUNNER_IP;
const id = 'blue-whale-12345';
const deploy = generateCredential(id, `127.0.0.1:${c1.port}`);
c1.register(deploy);
c1.seed({
  id,
  clientId: deploy.clientId,
  displayName: 'deploy bot',
  allowSourceCidr: ['10.0.0.0/8'],
  scopedRoles: ['role-read'],
  expiresTime: new Date(Date.now() + 5 * 86_400_000).toISOString()
});

const SECRETS = new Set(['client-secret', 'verify-client-secret']);
const auth = { tenant: c1.url, 'client-id': c1.caller.clientId, 'client-secret': c1.caller.secret, 'personal-client-id': id };
const show = (title, value) => console.log(`\n--- ${title}\n${value}`);
const record = () => {
  const r = c1.record(id);
  return JSON.stringify({ allowSourceCidr: r.allowSourceCidr, expiresTime: r.expiresTime, displayName: r.displayName });
};

async function step(title, kind, inputs, state) {
  console.log(`\n=== ${title}`);
  const shown = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, SECRETS.has(k) ? '***' : v]));
  show('inputs', kind === 'post' ? "the main step's (the runner gives the post step the same inputs)" : JSON.stringify(shown, null, 2));
  const result = await runStep(kind, { inputs, state });
  const log = result.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('::add-mask::') && !l.startsWith('::debug::'));
  show(`log (exit code ${result.code}, ${result.ms} ms)`, log.join('\n'));
  if (kind === 'main') {
    // The `client` output is the whole credential as JSON: the table and the line below show the same.
    const outputs = Object.entries(result.outputs).filter(([name]) => name !== 'client');
    show('outputs (but client)', outputs.map(([name, value]) => `${name}=${value}`).join('\n'));
  }
  show('job summary', result.summary.trim() || '(none)');
  show(`${id} on the C1 stand-in now`, record());
  if (result.code !== 0) process.exitCode = 1;
  return result;
}

/**
 * mint asks the stand-in's token endpoint for a token with a credential, as a deploy script would (a signed
 * client assertion), with C1 seeing the request come from `from`, and shows what C1 answered. The demo fails
 * when that is not what the model promises.
 */
async function mint(title, credential, from, expected) {
  const jwk = JSON.parse(Buffer.from(credential.secret.split(':')[3], 'base64url').toString('utf8'));
  const now = Math.floor(Date.now() / 1000);
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { iss: credential.clientId, sub: credential.clientId, aud: ['127.0.0.1'], iat: now, nbf: now - 120, exp: now + 120 };
  const signingInput = `${part({ alg: 'EdDSA', nonce: randomBytes(16).toString('hex') })}.${part(claims)}`;
  const signature = sign(null, Buffer.from(signingInput), createPrivateKey({ key: jwk, format: 'jwk' })).toString('base64url');
  const seenAt = c1.sourceIp;
  c1.sourceIp = from;
  try {
    const answer = await fetch(`${c1.url}/auth/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credential.clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: `${signingInput}.${signature}`
      })
    });
    const body = await answer.json();
    show(title, answer.ok ? 'C1 mints a token' : `C1 refuses: ${answer.status} ${body.error}: ${body.error_description}`);
    if (answer.ok !== (expected === 'mints')) {
      console.log(`UNEXPECTED: C1 should have ${expected === 'mints' ? 'minted a token' : 'refused'}`);
      process.exitCode = 1;
    }
  } finally {
    c1.sourceIp = seenAt;
  }
}

console.log(`C1 stand-in at ${c1.url}, holding two personal clients:`);
console.log(`  ${c1.caller.clientId}: the managing credential; it authenticates the action (allowSourceCidr empty)`);
console.log(`  ${deploy.clientId}: the deploy credential; the action changes it, the job's steps use it`);
console.log(`    ${record()}`);
console.log(`The echo stand-ins say the runner's egress IP is ${RUNNER_IP}; the C1 stand-in sees this runner there too.`);

await step(`1. Scheduled expiry refresh: push ${id}'s expiry to 30 days, only when it is within 7 days`, 'main', {
  ...auth,
  'expires-in': '30d',
  'refresh-within': '7d'
});
const scopingInputs = {
  ...auth,
  'allow-source-cidr': 'runner',
  'runner-ip-sources': echoes.map((e) => e.url).join(','),
  verify: 'token',
  'verify-client-secret': deploy.secret,
  cleanup: 'lock'
};
const main = await step(
  `2. Per-run scoping, main step: narrow ${id} to the runner's egress IP, and prove C1 accepts it from there`,
  'main',
  scopingInputs
);
await mint(`the job's deploy step, with ${id}, from the runner (${RUNNER_IP})`, deploy, RUNNER_IP, 'mints');
await mint(`a leaked copy of ${id}'s secret, used from ${ELSEWHERE}`, deploy, ELSEWHERE, 'refuses');

await step(`3. Per-run scoping, post step (end of the job): lock ${id}`, 'post', scopingInputs, main.state);
await mint(`${id}, from another address (${ELSEWHERE}) after the job`, deploy, ELSEWHERE, 'refuses');
await mint(`${id}, from the runner's own address (${RUNNER_IP}) after the job: locked`, deploy, RUNNER_IP, 'refuses');
await mint(
  `the managing credential, from ${ELSEWHERE}: the next run can authenticate (and so could a leaked copy of it)`,
  c1.caller,
  ELSEWHERE,
  'mints'
);

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
