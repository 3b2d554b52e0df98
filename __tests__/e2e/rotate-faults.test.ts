// One fault test per row of the rotation contract's failure table. After each, the invariant: what GitHub holds
// mints a token on the C1 stand-in right now (or, where the row keeps both credentials, both stay alive), and no
// credential this run created is left alive unless GitHub holds it or the row says both are kept. The step
// fails with one clear line, writes its outputs and a summary, and leaks no secret.
import type { ChildProcess } from 'node:child_process';
import { generateCredential } from '../standin/c1.mjs';
import { runStep } from './runner.mjs';
import {
  errorLine,
  ID_VAR,
  leaks,
  mintsToken,
  REPO,
  runRotate,
  SECRET,
  selfInputs,
  startRotationWorld,
  stopWorld,
  type StepResult,
  type World
} from './rotate-fixtures.js';

let world: World | undefined;
afterEach(async () => {
  await stopWorld(world);
  world = undefined;
});

async function start(): Promise<World> {
  world = await startRotationWorld();
  return world;
}

/** held is the pair GitHub holds in the repository scope. */
function held(w: World): { id: string | undefined; secret: string | undefined } {
  return { id: w.gh.variable(REPO, ID_VAR), secret: w.gh.secret(REPO, SECRET) };
}

/**
 * expectInvariant checks the table's promise. `keepsBoth`: the row keeps the old and the new credential alive
 * (GitHub may hold a pair a person must finish); otherwise what GitHub holds mints, and nothing created this run
 * is alive unless GitHub holds it.
 */
async function expectInvariant(w: World, result: StepResult, keepsBoth = false): Promise<void> {
  const pair = held(w);
  const alive = w.c1.createdAlive();
  if (keepsBoth) {
    expect(alive).toHaveLength(1);
    expect(w.c1.alive(w.c1.caller.clientId)).toBe(true);
  } else {
    expect(await mintsToken(w.c1, pair.id, pair.secret)).toBe(true);
    expect(alive.filter((id) => id !== pair.id)).toEqual([]);
  }
  expect(result.summary).toContain('ConductorOne credential rotation (failed)');
  expect(Object.keys(result.outputs).sort()).toEqual(
    ['expires-time', 'new-client-id', 'new-id', 'old-client-id', 'old-id', 'revoked', 'rotated', 'verified'].sort()
  );
  const secrets = [w.c1.caller.secret, pair.secret, w.gh.appToken, ...alive.map((id) => w.c1.secretOf(id))];
  expect(leaks(result, secrets)).toEqual([]);
}

/** shown is the summary as a reader sees it: the escapes for untrusted text turned back into characters. */
function shown(result: StepResult): string {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };
  return result.summary.replace(/&(#\d+|lt|gt|quot|amp);/gu, (_, e: string) =>
    e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : (named[e] ?? '')
  );
}

function failed(result: StepResult): string {
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('');
  const error = errorLine(result);
  expect(error).not.toBe('');
  return error;
}

test('1-3: a GitHub preflight failure stops before anything is created', async () => {
  const w = await start();
  w.gh.addFault('publicKey', { status: 503 }, 2);
  const result = await runRotate(selfInputs(w));
  expect(failed(result)).toMatch(/read of the Actions public key .*failed after 2 attempt/u);
  expect(w.c1.requests.map((r) => r.route)).not.toContain('create');
  expect(held(w)).toEqual({ id: w.c1.caller.clientId, secret: w.c1.caller.secret });
  await expectInvariant(w, result);
});

test('a GitHub preflight 403 still gives the old credential it read in old-id and old-client-id', async () => {
  const w = await start();
  w.gh.addFault('publicKey', { status: 403 });
  const result = await runRotate(selfInputs(w));
  failed(result);
  expect(result.outputs).toMatchObject({ 'old-id': w.c1.caller.id, 'old-client-id': w.c1.caller.clientId, 'new-id': '' });
  await expectInvariant(w, result);
});

test('Create rejected by C1: nothing to undo, GitHub unchanged', async () => {
  const w = await start();
  w.c1.addFault('create', { status: 400 });
  const result = await runRotate(selfInputs(w));
  expect(failed(result)).toMatch(/Create of a personal client failed.*Nothing was created; GitHub is unchanged/u);
  expect(w.c1.requests.filter((r) => r.route === 'create')).toHaveLength(1);
  expect(w.gh.writes()).toEqual([]);
  await expectInvariant(w, result);
});

test('Create refused with 403 for a personal client says how to create one', async () => {
  const w = await start();
  w.c1.pccCreateForbidden = true;
  const error = failed(await runRotate(selfInputs(w)));
  expect(error).toContain('a service principal credential, or a user token');
});

test('Create outcome unknown (applied, then 502): not sent again; the orphan is found and revoked', async () => {
  const w = await start();
  w.c1.addFault('create', { applyThenStatus: 502 });
  const result = await runRotate(selfInputs(w));
  const error = failed(result);
  expect(error).toMatch(/outcome is unknown, so the Create was not sent again\. Found and revoked rotated-/u);
  expect(w.c1.requests.filter((r) => r.route === 'create')).toHaveLength(1);
  expect(w.c1.createdAlive()).toEqual([]);
  expect(w.gh.writes()).toEqual([]);
  await expectInvariant(w, result);
});

test('Create answered 200 with a body that is not JSON: an unknown outcome, so the orphan is found and revoked', async () => {
  const w = await start();
  w.c1.addFault('create', { appliedRawBody: '{"clientSecret":"secret-token:conductorone.com:v1:eyJrdHkiOiJPS1Ai' });
  const result = await runRotate(selfInputs(w));
  const error = failed(result);
  expect(error).toMatch(/answered 200 with something that is not JSON\. The outcome is unknown.* Found and revoked rotated-/u);
  expect(error).not.toContain('eyJrdHkiOiJPS1Ai');
  expect(w.c1.createdAlive()).toEqual([]);
  await expectInvariant(w, result);
});

test('Create outcome unknown and the orphan search fails: the summary says a person must act', async () => {
  const w = await start();
  w.c1.addFault('create', { applyThenStatus: 502 });
  w.c1.addFault('list', { delayMs: 0 }); // the read of the old credential
  w.c1.addFault('list', { status: 400 }); // the orphan search
  const result = await runRotate(selfInputs(w));
  expect(failed(result)).toContain('Looking for a credential it may have created failed');
  expect(shown(result)).toMatch(/Action needed: Check C1 for a credential named/u);
  expect(shown(result)).not.toContain('Action needed: none');
});

test('Create outcome unknown and the orphan cannot be revoked: the summary names it to revoke', async () => {
  const w = await start();
  w.c1.addFault('create', { applyThenStatus: 502 });
  w.c1.addFault('delete', { status: 400 });
  const result = await runRotate(selfInputs(w));
  const orphan = w.c1.createdAlive()[0] ?? '';
  expect(orphan).toMatch(/^rotated-/u);
  expect(failed(result)).toContain('could not revoke it');
  expect(shown(result)).toContain(`Action needed: Revoke ${orphan} in C1 by hand.`);
});

test('Create outcome unknown (connection reset, not applied): the search finds nothing', async () => {
  const w = await start();
  w.c1.addFault('create', { reset: true });
  const result = await runRotate(selfInputs(w));
  expect(failed(result)).toContain('No credential created by this run was found');
  expect(w.c1.requests.filter((r) => r.route === 'create')).toHaveLength(1);
  await expectInvariant(w, result);
});

test('Create answered 429 is sent again (nothing was created)', async () => {
  const w = await start();
  w.c1.addFault('create', { status: 429 });
  const result = await runRotate(selfInputs(w));
  expect(result.code).toBe(0);
  expect(w.c1.requests.filter((r) => r.route === 'create').map((r) => r.status)).toEqual([429, 200]);
});

test('Verify times out: the new credential is revoked, GitHub unchanged', async () => {
  const w = await start();
  w.c1.newCredentialDelayMs = 600_000;
  const result = await runRotate(selfInputs(w, { 'verify-timeout': '2s' }));
  expect(failed(result)).toMatch(/did not mint a token within 2 s .*was revoked; GitHub holds the old pair/u);
  expect(result.outputs).toMatchObject({ rotated: 'false', verified: 'false' });
  expect(result.outputs['new-client-id']).toMatch(/^rotated-/u);
  expect(w.gh.writes()).toEqual([]);
  await expectInvariant(w, result);
});

test('Verify times out and revoking the new one fails: the summary says to revoke it', async () => {
  const w = await start();
  w.c1.newCredentialDelayMs = 600_000;
  w.c1.addFault('delete', { status: 400 });
  const result = await runRotate(selfInputs(w, { 'verify-timeout': '2s' }));
  const fresh = result.outputs['new-client-id'] ?? '';
  expect(failed(result)).toContain(`Revoking the new credential ${fresh} failed as well`);
  expect(shown(result)).toContain(`Action needed: Revoke the new credential ${fresh} in C1 by hand`);
  expect(held(w)).toEqual({ id: w.c1.caller.clientId, secret: w.c1.caller.secret });
});

test('Secret write rejected: the new credential is revoked, GitHub unchanged', async () => {
  const w = await start();
  w.gh.addFault('putSecret', { status: 422 });
  const result = await runRotate(selfInputs(w));
  expect(failed(result)).toMatch(/write of secret C1_CLIENT_SECRET .*HTTP 422.*was revoked/u);
  expect(held(w)).toEqual({ id: w.c1.caller.clientId, secret: w.c1.caller.secret });
  await expectInvariant(w, result);
});

test('Secret write outcome unknown (applied): both kept, the client ID not written, both IDs named', async () => {
  const w = await start();
  w.gh.addFault('putSecret', { applyThenStatus: 502 }, 2);
  const result = await runRotate(selfInputs(w));
  const error = failed(result);
  const fresh = w.c1.createdAlive()[0] ?? '';
  expect(error).toContain(w.c1.caller.clientId);
  expect(error).toContain(fresh);
  expect(error).toContain('may hold either secret');
  // The new secret beside the old client ID: a person (or a rerun) sets the client ID.
  expect(held(w)).toEqual({ id: w.c1.caller.clientId, secret: w.c1.secretOf(fresh) });
  expect(w.gh.writes().filter((x) => x.startsWith('updateVariable'))).toEqual([]);
  expect(shown(result)).toContain(`Set ${ID_VAR} to ${fresh}`);
  await expectInvariant(w, result, true);
});

test('Secret write outcome unknown (not applied): both kept, GitHub still holds the old pair', async () => {
  const w = await start();
  w.gh.addFault('putSecret', { reset: true }, 2);
  const result = await runRotate(selfInputs(w));
  failed(result);
  expect(held(w)).toEqual({ id: w.c1.caller.clientId, secret: w.c1.caller.secret });
  await expectInvariant(w, result, true);
});

test('Client-ID write rejected (self with its secret): the old secret is written back and the new revoked', async () => {
  const w = await start();
  // Refused every time: the variable never changed, so only the secret is written back.
  w.gh.addFault('updateVariable', { status: 422 }, 3);
  const result = await runRotate(selfInputs(w));
  expect(failed(result)).toMatch(/write of variable C1_CLIENT_ID .*was revoked; GitHub holds the old pair/u);
  expect(held(w)).toEqual({ id: w.c1.caller.clientId, secret: w.c1.caller.secret });
  expect(w.gh.writes().map((x) => x.split(' ')[0])).toEqual(['putSecret', 'updateVariable', 'putSecret']);
  expect(w.c1.createdAlive()).toEqual([]);
  await expectInvariant(w, result);
});

test('Client-ID write outcome unknown (applied): the old client ID is written back too', async () => {
  const w = await start();
  w.gh.addFault('updateVariable', { applyThenStatus: 502 }, 2);
  const result = await runRotate(selfInputs(w));
  failed(result);
  expect(held(w)).toEqual({ id: w.c1.caller.clientId, secret: w.c1.caller.secret });
  await expectInvariant(w, result);
});

test('Client-ID write unknown, the old secret written back, the old client ID not: told to set the OLD client ID', async () => {
  const w = await start();
  w.gh.addFault('updateVariable', { applyThenStatus: 502 }, 2);
  w.gh.addFault('updateVariable', { status: 422 }); // writing the old client ID back
  const result = await runRotate(selfInputs(w));
  const fresh = w.c1.createdAlive()[0] ?? '';
  const error = failed(result);
  expect(error).toContain(`set it to the old client ID ${w.c1.caller.clientId}`);
  expect(error).not.toContain(`store the new client ID ${fresh}`);
  // GitHub holds the old secret beside the new client ID: only the old client ID makes a working pair again.
  expect(held(w)).toEqual({ id: fresh, secret: w.c1.caller.secret });
  expect(shown(result)).toContain(`Action needed: Set ${ID_VAR} to the old client ID ${w.c1.caller.clientId}`);
  await expectInvariant(w, result, true);
});

test('Client-ID write fails without the old secret: both kept, the new client ID named to store by hand', async () => {
  const w = await start();
  const target = generateCredential('deploy-bot-2', `127.0.0.1:${new URL(w.c1.url).port}`);
  w.c1.register(target);
  w.c1.seed({ id: target.id, clientId: target.clientId, displayName: 'deploy' });
  w.gh.setSecret(REPO, SECRET, target.secret);
  w.gh.setVariable(REPO, ID_VAR, target.clientId);
  w.gh.addFault('updateVariable', { status: 422 });
  const result = await runRotate(selfInputs(w, { credential: target.id }));
  const fresh = w.c1.createdAlive()[0] ?? '';
  expect(failed(result)).toContain(`store the new client ID ${fresh} in ${ID_VAR} by hand`);
  expect(w.c1.alive(target.clientId)).toBe(true);
  expect(w.c1.createdAlive()).toEqual([fresh]);
  expect(shown(result)).toContain(`Store the new client ID ${fresh}`);
});

test('Client-ID write fails and writing back fails too: both kept, a person must act', async () => {
  const w = await start();
  w.gh.addFault('updateVariable', { status: 422 });
  w.gh.addFault('putSecret', { delayMs: 0 });
  w.gh.addFault('putSecret', { status: 422 });
  const result = await runRotate(selfInputs(w));
  const error = failed(result);
  expect(error).toContain('Writing the old values back failed as well');
  expect(shown(result)).toMatch(/Action needed: Set C1_CLIENT_SECRET and C1_CLIENT_ID to a matching pair/u);
  await expectInvariant(w, result, true);
});

test('Revoke of the old fails: the step fails naming it, rotated true, revoked false', async () => {
  const w = await start();
  w.c1.addFault('delete', { status: 400 });
  const result = await runRotate(selfInputs(w));
  expect(failed(result)).toContain(`The old credential ${w.c1.caller.clientId} (id ci-caller) is still valid: revoke it.`);
  expect(result.outputs).toMatchObject({ rotated: 'true', revoked: 'false', verified: 'true' });
  expect(w.c1.alive(w.c1.caller.clientId)).toBe(true);
  await expectInvariant(w, result);
});

test('cancelled during the Create: the line says a credential may exist and where to look, not at a summary', async () => {
  const w = await start();
  w.c1.addFault('create', { delayMs: 3000 });
  let signalled = false;
  const killAfter = (child: ChildProcess): void => {
    const poll = setInterval(() => {
      if (w.c1.requests.some((r) => r.route === 'create')) {
        clearInterval(poll);
        signalled = child.kill('SIGTERM');
      }
    }, 10);
    child.once('exit', () => clearInterval(poll));
  };
  const result = await runStep('rotate', { inputs: selfInputs(w), killAfter });
  expect(signalled).toBe(true);
  const error = errorLine(result);
  expect(error).toContain('cancelled (SIGTERM)');
  expect(error).toContain('a new credential may exist');
  expect(error).not.toContain('job summary');
  expect(result.summary).toBe('');
});
