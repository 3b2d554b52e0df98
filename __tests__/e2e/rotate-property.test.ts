// A property over random fault schedules across the C1 and GitHub routes of a rotation: whatever fails, and
// wherever, after the step (built bundle, both stand-ins) either GitHub holds a pair that mints a token right
// now and no credential this run created is alive unless GitHub holds it (or C1 refused to revoke it and the
// error names it for a person), or the step failed saying that both credentials are kept (and both are alive). No secret appears in the log, outputs, state or summary.
import fc from 'fast-check';
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
  stopWorld
} from './rotate-fixtures.js';

const SEED = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261201);

type C1Route = 'token' | 'list' | 'create' | 'delete';
type GhRoute = 'publicKey' | 'getSecret' | 'getVariable' | 'putSecret' | 'updateVariable';
type Fault = { status: number } | { reset: true } | { applyThenStatus: number };

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.constantFrom(400, 403, 404, 429, 500, 502, 503).map((status) => ({ status })),
  fc.constant({ reset: true as const }),
  fc.constantFrom(500, 502).map((applyThenStatus) => ({ applyThenStatus }))
);
const scheduleArb = fc.record({
  c1: fc.array(
    fc
      .record({
        route: fc.constantFrom<C1Route>('token', 'list', 'create', 'delete'),
        fault: faultArb,
        times: fc.integer({ min: 1, max: 2 })
      })
      // The contract reads a Delete's 404 as "already revoked": a 404 that left the credential alive is not C1.
      .filter((f) => !(f.route === 'delete' && 'status' in f.fault && f.fault.status === 404)),
    { maxLength: 2 }
  ),
  gh: fc.array(
    fc.record({
      route: fc.constantFrom<GhRoute>('publicKey', 'getSecret', 'getVariable', 'putSecret', 'updateVariable'),
      fault: faultArb,
      times: fc.integer({ min: 1, max: 2 })
    }),
    { maxLength: 2 }
  ),
  verifyDelayMs: fc.constantFrom(0, 0, 700)
});

test('random fault schedules keep GitHub working and leak nothing', async () => {
  await fc.assert(
    fc.asyncProperty(scheduleArb, async (schedule) => {
      const w = await startRotationWorld();
      try {
        for (const f of schedule.c1) w.c1.addFault(f.route, f.fault, f.times);
        for (const f of schedule.gh) w.gh.addFault(f.route, f.fault, f.times);
        w.c1.newCredentialDelayMs = schedule.verifyDelayMs;
        const result = await runRotate(selfInputs(w, { 'verify-timeout': '3s', 'request-timeout': '3s' }));
        // Faults the step did not use must not fail the checks' own token request.
        for (const queue of Object.values(w.c1.faults)) queue.length = 0;
        const pair = { id: w.gh.variable(REPO, ID_VAR), secret: w.gh.secret(REPO, SECRET) };
        const alive = w.c1.createdAlive();
        const keptBoth = result.code !== 0 && /Both credentials are kept|both credentials are kept/u.test(errorLine(result));
        if (keptBoth) {
          if (!w.c1.alive(w.c1.caller.clientId) || alive.length !== 1) return false;
        } else {
          if (!(await mintsToken(w.c1, pair.id, pair.secret))) return false;
          // A leftover C1 would not revoke (its Delete refused) is allowed only when the error names it for a person.
          const error = errorLine(result);
          if (alive.some((id) => id !== pair.id && !(error.includes(id) && error.includes('by hand')))) return false;
        }
        if (result.code === 0 && result.outputs.rotated !== 'true') return false;
        const secrets = [w.c1.caller.secret, pair.secret, w.gh.appToken, ...alive.map((id) => w.c1.secretOf(id))];
        return leaks(result, secrets).length === 0 && result.stderr === '';
      } finally {
        await stopWorld(w);
      }
    }),
    { numRuns: Number(process.env.ROTATE_RUNS ?? 25), seed: SEED, endOnFailure: true }
  );
}, 300_000);
