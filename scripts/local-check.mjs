// Runs the action's TypeScript source with @github/local-action (`npm run local`'s command), main and then
// post, against the C1 and IP-echo stand-ins on 127.0.0.1, and checks that the post step got main's state:
// with cleanup: restore, the credential must be narrowed by main and put back by post (two Updates), which
// post can only do from the state main saved. Prints local-action's output; exits 1 if the check fails.
//
//   node scripts/local-check.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startC1 } from '../__tests__/standin/c1.mjs';
import { startEcho } from '../__tests__/standin/echo.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ID = 'blue-whale-12345';
const BEFORE = ['10.0.0.0/8'];

const c1 = await startC1();
const echoes = [await startEcho({ answer: '20.42.7.9' }), await startEcho({ answer: '20.42.7.9' })];
c1.seed({ id: ID, displayName: 'deploy bot', allowSourceCidr: BEFORE, scopedRoles: ['role-read'], expiresTime: null });
c1.clearLog();
const dir = mkdtempSync(join(tmpdir(), 'c1-leash-local-'));
const envFile = join(dir, '.env');
writeFileSync(
  envFile,
  [
    `INPUT_TENANT=${c1.url}`,
    `INPUT_CLIENT-ID=${c1.caller.clientId}`,
    `INPUT_CLIENT-SECRET=${c1.caller.secret}`,
    `INPUT_PERSONAL-CLIENT-ID=${ID}`,
    'INPUT_ALLOW-SOURCE-CIDR=runner',
    `INPUT_RUNNER-IP-SOURCES=${echoes.map((e) => e.url).join(',')}`,
    'INPUT_CLEANUP=restore',
    'GITHUB_REPOSITORY=acme/app',
    'GITHUB_RUN_ID=4242',
    'GITHUB_SERVER_URL=https://github.com',
    `GITHUB_STEP_SUMMARY=${join(dir, 'summary.md')}`,
    ''
  ].join('\n')
);
writeFileSync(join(dir, 'summary.md'), '');

const bin = join(ROOT, 'node_modules', '.bin', 'local-action');
const args = ['run', ROOT, 'scripts/local-action/main.ts', envFile, '--post', 'scripts/local-action/post.ts'];
const child = spawn(bin, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));
const code = await new Promise((done) => child.on('close', done));

const updates = c1.requests
  .filter((r) => r.route === 'update')
  .map((r) => /** @type {{ client: { allowSourceCidr: string[] } }} */ (r.body).client.allowSourceCidr);
const after = c1.record(ID)?.allowSourceCidr;
await Promise.all([c1.close(), ...echoes.map((e) => e.close())]);
rmSync(dir, { recursive: true, force: true });

process.stdout.write(output.split(c1.caller.secret).join('***'));
const ok =
  code === 0 && JSON.stringify(updates) === JSON.stringify([['20.42.7.9/32'], BEFORE]) && JSON.stringify(after) === JSON.stringify(BEFORE);
console.log(`\nlocal-action exited ${code}; Updates C1 saw: ${JSON.stringify(updates)}; ${ID} now allows ${JSON.stringify(after)}.`);
console.log(
  ok
    ? 'OK: main narrowed the credential and post restored it from the state main saved.'
    : "FAILED: post did not restore from main's state."
);
process.exit(ok ? 0 : 1);
