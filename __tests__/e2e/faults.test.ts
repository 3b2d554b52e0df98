// End-to-end fault injection (issue "Reliability and security"): the built dist/main runs as the runner runs it
// against the C1 stand-in, which answers with injected faults. Each test checks what a user relies on: a transient
// fault is retried once and the change lands exactly; a persistent one fails with a message naming the operation
// and leaves the credential as it was (or, for an Update applied whose answer was lost, as the Update set it:
// never half-applied); statuses that retrying cannot fix fail at once; and secrets that an error body echoes back
// never reach the log, debug mode included.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCredential } from '../standin/c1.mjs';
import { apiCalls, assertionInputs, expectFailure, expectSuccess, runMain, startWorld, TARGET, tokenInputs, type C1 } from './fixtures.js';
import type { StepResult } from './runner.mjs';

type Fault = Parameters<C1['addFault']>[1];
type Route = 'token' | 'update';
type Credential = NonNullable<ReturnType<C1['record']>>;

/** Two attempts and a 1 s timeout keep every scenario short; the fault counts below are chosen against them. */
const FAST = { 'retry-max-attempts': '2', 'request-timeout': '1s' } as const;
const CHANGE = { 'display-name': 'rotated under faults', 'allow-source-cidr': '198.51.100.0/24' } as const;
/** A generous bound on the time from the first request to the step's end: 2 attempts, a 1 s timeout each, ≤ 0.5 s backoff. */
const BUDGET_MS = 10_000;
const LATE_MS = 3_000;

/** inWorld starts a stand-in for one test and always stops it: the tests here run concurrently, without hooks. */
async function inWorld<T>(fn: (c1: C1) => Promise<T>): Promise<T> {
  const c1 = await startWorld();
  try {
    return await fn(c1);
  } finally {
    await c1.close();
  }
}

/** target reads the credential, without `updatedAt` (the stand-in stamps every accepted Update). */
function target(c1: C1): Partial<Credential> {
  const record: Partial<Credential> | undefined = c1.record(TARGET);
  if (record === undefined) throw new Error('the target credential is gone');
  delete record.updatedAt;
  return record;
}

/** changed is the credential exactly as the Update of CHANGE sets it, and nothing else. */
function changed(before: Partial<Credential>): Partial<Credential> {
  return { ...before, displayName: CHANGE['display-name'], allowSourceCidr: [CHANGE['allow-source-cidr']] };
}

function lines(result: StepResult): string[] {
  return result.stdout.split('\n');
}

/** retryLines are the log lines the retry policy wrote ("attempt 2 of 2 after …"). */
function retryLines(result: StepResult): string[] {
  return lines(result).filter((l) => /\battempt \d+ of \d+\b/u.test(l));
}

/** untilEnd is the time from the first request the stand-in saw to the step's end, leaving out Node's start-up. */
function untilEnd(c1: C1, endedAt: number): number {
  const first = c1.requests[0]?.at;
  if (first === undefined) throw new Error('no request was made');
  return endedAt - first;
}

function updateBodies(c1: C1): unknown[] {
  return c1.requests.filter((r) => r.route === 'update').map((r) => r.body);
}

const RETRIED: readonly (readonly [string, Fault, number | undefined])[] = [
  ['a 429', { status: 429 }, 429],
  ['a 500', { status: 500 }, 500],
  ['a 502', { status: 502 }, 502],
  ['a 503', { status: 503 }, 503],
  ['a 504', { status: 504 }, 504],
  ['a connection reset', { reset: true }, undefined],
  ['a truncated answer', { truncate: true }, undefined],
  ['an answer later than request-timeout', { delayMs: LATE_MS }, undefined]
];
const CASES = (['token', 'update'] as const).flatMap((route) => RETRIED.map(([name, fault, status]) => ({ route, name, fault, status })));

/** The requests a run makes when the faulted route is asked `attempts` times and the step then stops or goes on. */
function expectedCalls(route: Route, attempts: number, succeeded: boolean): string[] {
  if (route === 'token') return [...Array<string>(attempts).fill('POST token'), ...(succeeded ? ['POST update'] : [])];
  return ['POST token', ...Array<string>(attempts).fill('POST update')];
}

/** What the failure message must name: the token request, or the Update of this credential. */
const OPERATION: { readonly [R in Route]: RegExp } = {
  token: /token request|client credentials/u,
  update: new RegExp(`Update of personal client '${TARGET}'`, 'u')
};

describe('a transient fault is retried once, and the change lands exactly', () => {
  test.concurrent.each(CASES)('$route: $name, then a normal answer', async ({ route, fault }) => {
    await inWorld(async (c1) => {
      const before = target(c1);
      c1.addFault(route, fault);

      const result = await runMain(assertionInputs(c1, { ...CHANGE, ...FAST }));

      expectSuccess(result);
      expect(target(c1)).toEqual(changed(before));
      expect(result.outputs.updated).toBe('true');
      expect(retryLines(result)).toEqual([expect.stringMatching(/^attempt 2 of 2 after /u)]);
      expect(apiCalls(c1)).toEqual(expectedCalls(route, 2, true));
      // The Update is idempotent: a retry sends the same request again, not a different one.
      const bodies = updateBodies(c1);
      expect(bodies[bodies.length - 1]).toEqual({
        client: { displayName: CHANGE['display-name'], allowSourceCidr: [CHANGE['allow-source-cidr']] },
        updateMask: expect.stringMatching(/^(?:displayName,allowSourceCidr|allowSourceCidr,displayName)$/u) as unknown
      });
      if (route === 'update') expect(bodies[0]).toEqual(bodies[1]);
    });
  });
});

describe('a persistent fault fails clearly within the budget, never half-applied', () => {
  test.concurrent.each(CASES)('$route: $name every time', async ({ route, name, fault, status }) => {
    await inWorld(async (c1) => {
      const before = target(c1);
      c1.addFault(route, fault, 3);

      const result = await runMain(assertionInputs(c1, { ...CHANGE, ...FAST }));
      const endedAt = Date.now();

      const error = expectFailure(result);
      expect(error).toMatch(OPERATION[route]);
      if (status !== undefined) expect(error).toContain(String(status));
      expect(error).toContain('after 2 attempts');
      expect(retryLines(result)).toEqual([expect.stringMatching(/^attempt 2 of 2 after /u)]);
      expect(apiCalls(c1)).toEqual(expectedCalls(route, 2, false));
      expect(untilEnd(c1, endedAt)).toBeLessThan(BUDGET_MS);
      // The stand-in applies a late-answered Update before answering: the credential then holds exactly that Update.
      const applied = route === 'update' && name === 'an answer later than request-timeout';
      expect(target(c1)).toEqual(applied ? changed(before) : before);
      expect(result.outputs.updated).not.toBe('true');
    });
  });

  // A token endpoint that keeps answering 429 or 5xx did not reject the credentials: the message names the token
  // request (as for a network error) so that a user does not go and rotate a good secret.
  test.concurrent.each([429, 500, 502, 503, 504])(
    'token: a persistent %i names the token request and does not blame the credentials',
    async (code) => {
      await inWorld(async (c1) => {
        c1.addFault('token', { status: code }, 3);

        const result = await runMain(assertionInputs(c1, { ...CHANGE, ...FAST }));

        const error = expectFailure(result);
        expect(error).toContain(String(code));
        expect(error).toMatch(/token request/u);
        expect(error).not.toMatch(/rejected/u);
      });
    }
  );
});

describe('Retry-After', () => {
  test.concurrent.each(['token', 'update'] as const)(
    '%s: a 503 with Retry-After: 1 waits about a second before the retry',
    async (route) => {
      await inWorld(async (c1) => {
        const before = target(c1);
        c1.addFault(route, { status: 503, headers: { 'Retry-After': '1' } });

        const result = await runMain(assertionInputs(c1, { ...CHANGE, ...FAST }));

        expectSuccess(result);
        expect(target(c1)).toEqual(changed(before));
        expect(retryLines(result)).toEqual([expect.stringMatching(/^attempt 2 of 2 after HTTP 503\b.*waiting 1\.0 s/u)]);
        const asked = c1.requests.filter((r) => r.route === route);
        expect(asked).toHaveLength(2);
        const [first, second] = asked;
        expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(900);
        expect((second?.at ?? 0) - (first?.at ?? 0)).toBeLessThan(5_000);
      });
    }
  );
});

describe('a status that retrying cannot fix fails at once with C1 own message', () => {
  const REJECTIONS = [
    { route: 'update', status: 400, body: { code: 3, message: 'expiresTime: cannot be extended for this credential', details: [] } },
    { route: 'update', status: 403, body: { code: 7, message: 'permission denied: cannot change allowSourceCidr', details: [] } },
    { route: 'token', status: 400, body: { error: 'invalid_grant', error_description: 'assertion nonce was already used' } },
    { route: 'token', status: 403, body: { error: 'access_denied', error_description: 'client is disabled by an administrator' } }
  ] as const;

  test.concurrent.each(REJECTIONS)('$route: $status', async ({ route, status, body }) => {
    await inWorld(async (c1) => {
      const before = target(c1);
      c1.addFault(route, { status, body });

      const result = await runMain(assertionInputs(c1, { ...CHANGE, ...FAST }));

      const error = expectFailure(result);
      expect(error).toMatch(OPERATION[route]);
      expect(error).toContain(String(status));
      expect(error).toContain('error' in body ? `${body.error}: ${body.error_description}` : body.message);
      expect(retryLines(result)).toEqual([]);
      expect(c1.requests.filter((r) => r.route === route)).toHaveLength(1);
      expect(apiCalls(c1)).toEqual(expectedCalls(route, 1, false));
      expect(target(c1)).toEqual(before);
    });
  });
});

describe('a 200 that is not JSON (a captive portal) fails naming the operation and showing the body', () => {
  const PORTAL = '<!DOCTYPE html>\n<html><head><title>Hotel WiFi Login</title></head><body>Please accept the terms</body></html>';

  test.concurrent.each([
    { route: 'get', operation: new RegExp(`Get of personal client '${TARGET}'`, 'u') },
    { route: 'token', operation: /token request/u }
  ] as const)('$route', async ({ route, operation }) => {
    await inWorld(async (c1) => {
      const before = target(c1);
      c1.addFault(route, { rawBody: PORTAL, status: 200, contentType: 'text/html' });

      // cidr-mode add needs the current list, so the credential is read (Get) before any Update.
      const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7', 'cidr-mode': 'add', ...FAST }));

      const error = expectFailure(result);
      expect(error).toMatch(operation);
      expect(error).toContain('<!DOCTYPE html>');
      expect(error).toContain('<title>Hotel WiFi Login');
      expect(apiCalls(c1)).toEqual(route === 'get' ? ['POST token', 'GET get'] : ['POST token']);
      expect(target(c1)).toEqual(before);
    });
  });
});

describe('secrets that an error body echoes back never leak, debug mode included', () => {
  interface Scenario {
    readonly result: StepResult;
    /** Secrets the step must mask before any other occurrence. */
    readonly masked: readonly string[];
    /** Parts of secrets that must never be shown except on an `::add-mask::` line. */
    readonly neverShown: readonly string[];
    readonly operation: RegExp;
    readonly echoed: string;
  }

  /** once runs a scenario for the first test that asks, and shares its result with the others. */
  function once(run: () => Promise<Scenario>): () => Promise<Scenario> {
    let started: Promise<Scenario> | undefined;
    return () => (started ??= run());
  }

  const scenarios: { readonly [name: string]: () => Promise<Scenario> } = {
    'an Update error that quotes the bearer token (token input)': once(() =>
      inWorld(async (c1) => {
        const inputs = tokenInputs(c1, { ...CHANGE, ...FAST });
        const token = inputs.token ?? '';
        c1.addFault('update', { status: 400, body: { code: 3, message: `bad request from Bearer ${token}` } });
        const result = await runMain(inputs, { env: { RUNNER_DEBUG: '1' } });
        return { result, masked: [token], neverShown: [], operation: OPERATION.update, echoed: 'bad request from Bearer' };
      })
    ),
    'a token error that quotes the client secret and its private key': once(() =>
      inWorld(async (c1) => {
        const { secret, d } = c1.caller;
        c1.addFault('token', {
          status: 400,
          body: { error: 'invalid_client', error_description: `secret ${secret} with key ${d} does not match` }
        });
        const result = await runMain(assertionInputs(c1, { ...CHANGE, ...FAST }), { env: { RUNNER_DEBUG: '1' } });
        const form = c1.requests[0]?.body as { client_assertion?: string } | undefined;
        const assertion = form?.client_assertion ?? '';
        return {
          result,
          masked: [secret, d, assertion],
          neverShown: [secret.split(':').at(-1) ?? ''],
          operation: OPERATION.token,
          echoed: 'invalid_client'
        };
      })
    ),
    'a token endpoint that echoes the assertion and every header back': once(async () => {
      const echo = await startEcho();
      try {
        const credential = generateCredential('ci-caller', `127.0.0.1:${echo.port}`);
        echo.secret = credential.secret;
        const inputs = {
          tenant: echo.url,
          'client-id': credential.clientId,
          'client-secret': credential.secret,
          'personal-client-id': TARGET,
          ...CHANGE,
          ...FAST
        };
        const result = await runMain(inputs, { env: { RUNNER_DEBUG: '1' } });
        const assertion = echo.assertions[0] ?? '';
        return {
          result,
          masked: [credential.secret, credential.d, assertion],
          neverShown: [credential.secret.split(':').at(-1) ?? ''],
          operation: OPERATION.token,
          echoed: 'invalid_client'
        };
      } finally {
        await echo.close();
      }
    })
  };

  describe.each(Object.keys(scenarios))('%s', (name) => {
    const scenario = scenarios[name] ?? (() => Promise.reject(new Error(`no scenario ${name}`)));

    test.concurrent('the step fails naming the operation and C1 own words, with every secret masked first', async () => {
      const { result, masked, neverShown, operation, echoed } = await scenario();

      const error = expectFailure(result);
      expect(error).toMatch(operation);
      expect(error).toContain(echoed);
      expect(lines(result).some((l) => l.startsWith('::debug::'))).toBe(true);
      const out = lines(result);
      for (const secret of [...masked, ...neverShown]) {
        expect(secret.length).toBeGreaterThan(8);
        const elsewhere = { stderr: result.stderr, outputs: result.outputFile, state: result.stateFile, summary: result.summary };
        for (const [surface, text] of Object.entries(elsewhere))
          expect({ surface, leaked: text.includes(secret) }).toEqual({ surface, leaked: false });
        const first = out.findIndex((l) => l.includes(secret));
        if (first >= 0) expect(out[first]).toMatch(/^::add-mask::/u);
      }
      for (const secret of masked) {
        const mask = out.indexOf(`::add-mask::${secret}`);
        expect(mask).toBeGreaterThanOrEqual(0);
        expect(out.findIndex((l) => l.includes(secret))).toBe(mask);
      }
    });

    // interface.md: secrets "are never written to logs … debug mode included". The runner's mask would hide an
    // echoed secret on display, but it must not be written anywhere but its `::add-mask::` line.
    test.concurrent('no secret appears in the log except on its ::add-mask:: line', async () => {
      const { result, masked, neverShown } = await scenario();

      const shown = lines(result).filter((l) => !l.startsWith('::add-mask::'));
      for (const secret of [...masked, ...neverShown]) {
        expect({ secret: secret.slice(0, 6), leaked: shown.filter((l) => l.includes(secret)).map((l) => l.slice(0, 60)) }).toEqual({
          secret: secret.slice(0, 6),
          leaked: []
        });
      }
    });
  });
});

interface Echo {
  readonly url: string;
  readonly port: number;
  /** The client assertions posted so far. */
  readonly assertions: string[];
  secret: string;
  close(): Promise<void>;
}

/**
 * startEcho starts a token endpoint that refuses every request with an OAuth error whose description echoes the
 * whole request back: the form (client assertion included), the Authorization header, and the client secret.
 */
async function startEcho(): Promise<Echo> {
  const assertions: string[] = [];
  const echo: { secret: string } = { secret: '' };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const form = Object.fromEntries(new URLSearchParams(raw));
      if (typeof form.client_assertion === 'string') assertions.push(form.client_assertion);
      const description = `cannot accept ${form.client_assertion ?? raw} (authorization ${req.headers.authorization ?? 'none'}) for ${echo.secret}`;
      const body = JSON.stringify({ error: 'invalid_client', error_description: description });
      res.writeHead(401, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    assertions,
    get secret() {
      return echo.secret;
    },
    set secret(value: string) {
      echo.secret = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
