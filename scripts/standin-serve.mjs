// Serves the C1 stand-in and two IP-echo stand-ins on 127.0.0.1 until it is stopped, for the workflow that runs
// the action with `uses: ./` (.github/workflows/ci.yml) and for running the TypeScript source with
// @github/local-action (.env.example). Nothing leaves the machine.
//
//   node scripts/standin-serve.mjs [--ready <file>]
//
// It seeds the credential blue-whale-12345 (allowSourceCidr 10.0.0.0/8); both echo services answer 20.42.7.9
// as "the runner's egress IP". Inside a GitHub Actions step (GITHUB_ENV is set) it masks the caller's secret
// with `::add-mask::` first, then appends C1_URL, C1_CLIENT_ID, ECHO_SOURCES and C1_CLIENT_SECRET to
// $GITHUB_ENV for the later steps. Elsewhere it prints the INPUT_* lines to paste into .env. Once all of
// that is written it creates the --ready file (if given), and it serves until SIGINT or SIGTERM.
import { appendFileSync, writeFileSync } from 'node:fs';
import { startC1 } from '../__tests__/standin/c1.mjs';
import { startEcho } from '../__tests__/standin/echo.mjs';

const CREDENTIAL_ID = 'blue-whale-12345';
const RUNNER_IP = '20.42.7.9';
const DAY_MS = 24 * 60 * 60 * 1000;

const args = process.argv.slice(2);
const readyAt = args.indexOf('--ready');
const readyFile = readyAt === -1 ? undefined : args[readyAt + 1];
if ((readyAt !== -1 && !readyFile) || args.length !== (readyAt === -1 ? 0 : 2)) {
  console.error('usage: node scripts/standin-serve.mjs [--ready <file>]');
  process.exit(2);
}

const c1 = await startC1();
const echoes = [await startEcho({ answer: RUNNER_IP }), await startEcho({ answer: RUNNER_IP })];
c1.seed({
  id: CREDENTIAL_ID,
  displayName: 'deploy bot',
  allowSourceCidr: ['10.0.0.0/8'],
  scopedRoles: ['role-read'],
  expiresTime: new Date(Date.now() + 5 * DAY_MS).toISOString()
});

const echoSources = echoes.map((echo) => echo.url).join(',');
const githubEnv = process.env.GITHUB_ENV;
if (githubEnv) {
  // The mask must reach the runner before the secret can show up anywhere (GITHUB_ENV values are not masked).
  console.log(`::add-mask::${c1.caller.secret}`);
  appendFileSync(githubEnv, `C1_URL=${c1.url}\nC1_CLIENT_ID=${c1.caller.clientId}\nECHO_SOURCES=${echoSources}\n`);
  appendFileSync(githubEnv, `C1_CLIENT_SECRET=${c1.caller.secret}\n`);
  console.log(`C1 stand-in at ${c1.url}, echo stand-ins at ${echoSources} (answering ${RUNNER_IP}).`);
  console.log(`Credential ${CREDENTIAL_ID} allows 10.0.0.0/8. C1_URL, C1_CLIENT_ID, ECHO_SOURCES and C1_CLIENT_SECRET are in $GITHUB_ENV.`);
} else {
  console.log(`C1 stand-in at ${c1.url}, echo stand-ins at ${echoSources} (answering ${RUNNER_IP}).`);
  console.log(`Credential ${CREDENTIAL_ID} allows 10.0.0.0/8. Paste these lines into .env (a test key, valid only here):\n`);
  console.log(`INPUT_TENANT=${c1.url}`);
  console.log(`INPUT_CLIENT-ID=${c1.caller.clientId}`);
  console.log(`INPUT_CLIENT-SECRET=${c1.caller.secret}`);
  console.log(`INPUT_RUNNER-IP-SOURCES=${echoSources}`);
  console.log('\nServing until Ctrl-C.');
}
if (readyFile) writeFileSync(readyFile, `${c1.url}\n`);

let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const record = c1.record(CREDENTIAL_ID);
    console.log(`Stopping (${signal}); ${CREDENTIAL_ID} allows ${JSON.stringify(record?.allowSourceCidr ?? null)}.`);
    void Promise.all([c1.close(), ...echoes.map((echo) => echo.close())]).then(() => process.exit(0));
  });
}
