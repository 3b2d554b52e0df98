import { generateKeyPairSync } from 'node:crypto';
import { parseConnection, type Environment, type ReadInput } from '../src/config/connection.js';
import { parseDuration } from '../src/config/durations.js';
import { InputError } from '../src/config/errors.js';
import { parseConfig, type Config } from '../src/config/inputs.js';
import { parseBoolean, parseChoice, parseInteger, parseList } from '../src/config/lists.js';
import { parseClientSecret } from '../src/config/secret.js';
import { parseClientId, parseTenant } from '../src/config/tenant.js';
import { inputErrorOf } from './helpers.js';

type Inputs = Readonly<Record<string, string>>;

const NOW = new Date('2026-03-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** reader builds the `read` function the action gets from `core.getInput`: a missing input reads as ''. */
function reader(inputs: Inputs): ReadInput {
  return (name) => inputs[name] ?? '';
}

function configOf(inputs: Inputs, env: Environment = {}): Config {
  return parseConfig(reader(inputs), env, NOW);
}

interface Secret {
  readonly value: string;
  readonly encoded: string;
  readonly d: string;
}

/** makeSecret builds a real C1 client secret around a fresh Ed25519 key. */
function makeSecret(extra: Readonly<Record<string, string>> = {}): Secret {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const encoded = Buffer.from(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d, ...extra })).toString('base64url');
  return { value: `secret-token:conductorone.com:v1:${encoded}`, encoded, d: jwk.d ?? '' };
}

const SECRET = makeSecret();
const OIDC_ENV = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'rt' };
const PCC = 'blue-whale-1@acme.conductor.one/pcc';
const SPC = 'robot-7@acme.conductor.one/spc';
const WFE = 'trust-3@acme.conductor.one/wfe';

/** A valid minimal main-step input set; cases override or add to it. */
const BASE: Inputs = { token: 't', tenant: 'acme', 'personal-client-id': 'blue-whale-1', 'display-name': 'ci' };

function expectNoSecret(message: string, secret: Secret = SECRET): void {
  expect(message).not.toContain(secret.value);
  expect(message).not.toContain(secret.encoded.slice(0, 16));
  expect(message).not.toContain(secret.d);
}

describe('parseConnection: authentication precedence', () => {
  test.each<[string, Inputs, Environment, { kind: string; caller: string | undefined; token?: string; audience?: string }]>([
    ['uses the token input as a bearer token', { token: 'tok', tenant: 'acme' }, {}, { kind: 'token', caller: undefined, token: 'tok' }],
    [
      'lets a client-id beside a token only name the caller',
      { token: 'tok', 'client-id': PCC },
      {},
      { kind: 'token', caller: PCC, token: 'tok' }
    ],
    [
      'signs an assertion for a pcc client-id with its secret',
      { 'client-id': PCC, 'client-secret': SECRET.value },
      {},
      { kind: 'assertion', caller: PCC }
    ],
    [
      'signs an assertion for an spc client-id with its secret',
      { 'client-id': SPC, 'client-secret': SECRET.value },
      {},
      { kind: 'assertion', caller: SPC }
    ],
    [
      'exchanges a GitHub OIDC token for a wfe client-id, audience defaulting to the tenant host',
      { 'client-id': WFE },
      OIDC_ENV,
      { kind: 'oidc', caller: WFE, audience: 'acme.conductor.one' }
    ],
    [
      'uses oidc-audience when given',
      { 'client-id': WFE, 'oidc-audience': 'custom-aud' },
      OIDC_ENV,
      { kind: 'oidc', caller: WFE, audience: 'custom-aud' }
    ],
    [
      'uses the host name without port as the default OIDC audience',
      { 'client-id': 'trust-3@localhost:8443/wfe' },
      OIDC_ENV,
      { kind: 'oidc', caller: 'trust-3@localhost:8443/wfe', audience: 'localhost' }
    ],
    [
      'falls back to env CONDUCTORONE_ACCESS_TOKEN',
      { tenant: 'acme' },
      { CONDUCTORONE_ACCESS_TOKEN: 'envtok' },
      { kind: 'token', caller: undefined, token: 'envtok' }
    ],
    [
      'lets env CONDUCTORONE_CLIENT_ID name the caller of an env access token',
      {},
      { CONDUCTORONE_ACCESS_TOKEN: 'envtok', CONDUCTORONE_CLIENT_ID: PCC },
      { kind: 'token', caller: PCC, token: 'envtok' }
    ],
    [
      'falls back to env CONDUCTORONE_CLIENT_ID with CONDUCTORONE_CLIENT_SECRET',
      {},
      { CONDUCTORONE_CLIENT_ID: PCC, CONDUCTORONE_CLIENT_SECRET: SECRET.value },
      { kind: 'assertion', caller: PCC }
    ],
    [
      'falls back to an env wfe CONDUCTORONE_CLIENT_ID with the OIDC exchange',
      {},
      { CONDUCTORONE_CLIENT_ID: WFE, ...OIDC_ENV },
      { kind: 'oidc', caller: WFE, audience: 'acme.conductor.one' }
    ],
    [
      'prefers the token input to env CONDUCTORONE_ACCESS_TOKEN',
      { token: 'tok', tenant: 'acme' },
      { CONDUCTORONE_ACCESS_TOKEN: 'envtok' },
      { kind: 'token', caller: undefined, token: 'tok' }
    ],
    [
      'prefers client-id and client-secret inputs to env CONDUCTORONE_ACCESS_TOKEN',
      { 'client-id': PCC, 'client-secret': SECRET.value },
      { CONDUCTORONE_ACCESS_TOKEN: 'envtok' },
      { kind: 'assertion', caller: PCC }
    ],
    [
      'prefers the token input to env client credentials, the env client ID naming the caller',
      { token: 'tok' },
      { CONDUCTORONE_CLIENT_ID: PCC, CONDUCTORONE_CLIENT_SECRET: SECRET.value },
      { kind: 'token', caller: PCC, token: 'tok' }
    ],
    ['trims white space around the token', { token: '  tok \n', tenant: 'acme' }, {}, { kind: 'token', caller: undefined, token: 'tok' }]
  ])('%s', (_name, inputs, env, expected) => {
    const { auth } = parseConnection(reader(inputs), env);
    expect(auth.kind).toBe(expected.kind);
    expect(auth.caller?.value).toBe(expected.caller);
    if (expected.token !== undefined) expect(auth).toMatchObject({ token: expected.token });
    if (expected.audience !== undefined) expect(auth).toMatchObject({ audience: expected.audience });
  });

  test('keeps the parsed key and kid of an assertion secret', () => {
    const withKid = makeSecret({ kid: 'key-1' });
    const { auth } = parseConnection(reader({ 'client-id': PCC, 'client-secret': withKid.value }), {});
    if (auth.kind !== 'assertion') throw new Error('expected assertion auth');
    expect(auth.secret.kid).toBe('key-1');
    expect(auth.secret.d).toBe(withKid.d);
    expect(auth.secret.key.asymmetricKeyType).toBe('ed25519');
  });

  test.each<[string, Inputs, Environment, string, RegExp]>([
    [
      'rejects client-secret beside token as ambiguous',
      { token: 't', 'client-id': PCC, 'client-secret': SECRET.value },
      {},
      'client-secret',
      /ambiguous/u
    ],
    [
      'rejects client-secret beside token even without client-id',
      { token: 't', tenant: 'acme', 'client-secret': SECRET.value },
      {},
      'client-secret',
      /token/u
    ],
    ['rejects client-secret without client-id', { tenant: 'acme', 'client-secret': SECRET.value }, {}, 'client-secret', /needs client-id/u],
    [
      'rejects client-secret input without client-id input even when env CONDUCTORONE_CLIENT_ID is set',
      { 'client-secret': SECRET.value },
      { CONDUCTORONE_CLIENT_ID: PCC },
      'client-secret',
      /needs client-id/u
    ],
    ['requires client-secret with a pcc client-id', { 'client-id': PCC }, {}, 'client-secret', /required with a pcc/u],
    ['requires client-secret with an spc client-id', { 'client-id': SPC }, {}, 'client-secret', /required with a spc/u],
    ['rejects client-secret with a wfe client-id', { 'client-id': WFE, 'client-secret': SECRET.value }, OIDC_ENV, 'client-secret', /wfe/u],
    [
      'says to add id-token: write when a wfe client-id has no OIDC request env',
      { 'client-id': WFE },
      {},
      'client-id',
      /permissions: id-token: write/u
    ],
    [
      'says to add id-token: write when only ACTIONS_ID_TOKEN_REQUEST_URL is set',
      { 'client-id': WFE },
      { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x/' },
      'client-id',
      /id-token: write/u
    ],
    [
      'says to add id-token: write when only ACTIONS_ID_TOKEN_REQUEST_TOKEN is set',
      { 'client-id': WFE },
      { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' },
      'client-id',
      /ACTIONS_ID_TOKEN_REQUEST_URL/u
    ],
    [
      'says to add id-token: write for an env wfe CONDUCTORONE_CLIENT_ID',
      {},
      { CONDUCTORONE_CLIENT_ID: WFE },
      'CONDUCTORONE_CLIENT_ID',
      /id-token: write/u
    ],
    [
      'requires CONDUCTORONE_CLIENT_SECRET with an env pcc CONDUCTORONE_CLIENT_ID',
      {},
      { CONDUCTORONE_CLIENT_ID: PCC },
      'CONDUCTORONE_CLIENT_SECRET',
      /required/u
    ],
    ['rejects a malformed client-id', { 'client-id': 'not-a-client-id', token: 't' }, {}, 'client-id', /<name>@<host>\/<kind>/u],
    [
      'rejects a client-id of an unknown kind',
      { 'client-id': 'blue@acme.conductor.one/xyz', token: 't' },
      {},
      'client-id',
      /pcc, spc or wfe/u
    ],
    [
      'rejects a malformed env CONDUCTORONE_CLIENT_ID, naming it',
      { tenant: 'acme' },
      { CONDUCTORONE_ACCESS_TOKEN: 't', CONDUCTORONE_CLIENT_ID: 'nope' },
      'CONDUCTORONE_CLIENT_ID',
      /expected/u
    ],
    ['rejects retry-max-attempts of 0', { token: 't', tenant: 'acme', 'retry-max-attempts': '0' }, {}, 'retry-max-attempts', /1 to 10/u],
    ['rejects retry-max-attempts of 11', { token: 't', tenant: 'acme', 'retry-max-attempts': '11' }, {}, 'retry-max-attempts', /1 to 10/u],
    ['rejects a request-timeout over 5m', { token: 't', tenant: 'acme', 'request-timeout': '10m' }, {}, 'request-timeout', /at most 5m/u],
    [
      'rejects a request-timeout that is not a duration',
      { token: 't', tenant: 'acme', 'request-timeout': '15' },
      {},
      'request-timeout',
      /duration/u
    ]
  ])('%s', (_name, inputs, env, input, pattern) => {
    const error = inputErrorOf(() => parseConnection(reader(inputs), env));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `, 'u'));
    expect(error.message).toMatch(pattern);
    expectNoSecret(error.message);
  });

  test('with no auth input and no env, lists every way to authenticate', () => {
    const error = inputErrorOf(() => parseConnection(reader({ tenant: 'acme' }), {}));
    expect(error.message).toMatch(/^Input 'token': /u);
    for (const option of [
      'token',
      'client-id',
      'client-secret',
      'id-token: write',
      'CONDUCTORONE_ACCESS_TOKEN',
      'CONDUCTORONE_CLIENT_ID',
      'CONDUCTORONE_CLIENT_SECRET'
    ]) {
      expect(error.message).toContain(option);
    }
  });

  // Contract: "5. Nothing: an error that lists these options." With no input and no env at all, the tenant
  // cannot be resolved either, and that error comes first; it does not list the ways to authenticate.
  test('with nothing given at all, still lists the ways to authenticate ', () => {
    const error = inputErrorOf(() => parseConnection(reader({}), {}));
    expect(error.message).toContain('CONDUCTORONE_ACCESS_TOKEN');
    expect(error.message).toContain('client-secret');
  });

  test('reads retry-max-attempts and request-timeout, with defaults 5 and 15s', () => {
    expect(parseConnection(reader({ token: 't', tenant: 'acme' }), {})).toMatchObject({ retryMaxAttempts: 5, requestTimeoutMs: 15_000 });
    expect(parseConnection(reader({ token: 't', tenant: 'acme', 'retry-max-attempts': '3', 'request-timeout': '30s' }), {})).toMatchObject({
      retryMaxAttempts: 3,
      requestTimeoutMs: 30_000
    });
  });
});

describe('parseConnection: tenant derivation', () => {
  test.each<[string, Inputs, Environment, string]>([
    [
      'uses the tenant input first',
      { token: 't', tenant: 'other', 'client-id': PCC },
      { CONDUCTORONE_SERVER_URL: 'https://server.example' },
      'https://other.conductor.one'
    ],
    [
      'then the host inside client-id',
      { token: 't', 'client-id': 'blue@acme.c1eu.ai/pcc' },
      { CONDUCTORONE_SERVER_URL: 'https://server.example', CONDUCTORONE_TENANT_DOMAIN: 'dom.example' },
      'https://acme.c1eu.ai'
    ],
    [
      'keeps the port of the client-id host, over https',
      { token: 't', 'client-id': 'blue@localhost:8443/pcc' },
      {},
      'https://localhost:8443'
    ],
    [
      'then env CONDUCTORONE_SERVER_URL',
      { token: 't' },
      {
        CONDUCTORONE_SERVER_URL: 'https://server.example',
        CONDUCTORONE_TENANT_DOMAIN: 'dom.example',
        CONDUCTORONE_CLIENT_ID: 'x@env.example/pcc'
      },
      'https://server.example'
    ],
    [
      'then env CONDUCTORONE_TENANT_DOMAIN',
      { token: 't' },
      { CONDUCTORONE_TENANT_DOMAIN: 'dom.example', CONDUCTORONE_CLIENT_ID: 'x@env.example/pcc' },
      'https://dom.example'
    ],
    [
      'reads a bare word in CONDUCTORONE_TENANT_DOMAIN as a conductor.one tenant',
      { token: 't' },
      { CONDUCTORONE_TENANT_DOMAIN: 'acme' },
      'https://acme.conductor.one'
    ],
    [
      'then the host inside env CONDUCTORONE_CLIENT_ID',
      { token: 't' },
      { CONDUCTORONE_CLIENT_ID: 'x@env.example/pcc' },
      'https://env.example'
    ],
    [
      'takes the tenant of env client credentials from their client ID',
      {},
      { CONDUCTORONE_CLIENT_ID: 'x@acme.c1eu.ai/pcc', CONDUCTORONE_CLIENT_SECRET: SECRET.value },
      'https://acme.c1eu.ai'
    ]
  ])('%s', (_name, inputs, env, baseUrl) => {
    expect(parseConnection(reader(inputs), env).tenant.baseUrl).toBe(baseUrl);
  });

  test('fails naming tenant when nothing says which tenant', () => {
    const error = inputErrorOf(() => parseConnection(reader({ token: 't' }), {}));
    expect(error.input).toBe('tenant');
    expect(error.message).toMatch(/CONDUCTORONE_SERVER_URL/u);
  });

  test('names CONDUCTORONE_SERVER_URL when that env value is hostile', () => {
    const error = inputErrorOf(() => parseConnection(reader({ token: 't' }), { CONDUCTORONE_SERVER_URL: 'http://evil.example' }));
    expect(error.input).toBe('CONDUCTORONE_SERVER_URL');
  });
});

describe('parseTenant', () => {
  test.each<[string, string, string]>([
    ['acme', 'https://acme.conductor.one', 'acme.conductor.one'],
    ['ACME', 'https://acme.conductor.one', 'acme.conductor.one'],
    ['  acme  ', 'https://acme.conductor.one', 'acme.conductor.one'],
    ['acme.conductor.one', 'https://acme.conductor.one', 'acme.conductor.one'],
    ['acme.c1eu.ai', 'https://acme.c1eu.ai', 'acme.c1eu.ai'],
    ['c1.example.com', 'https://c1.example.com', 'c1.example.com'],
    ['acme:8443', 'https://acme.conductor.one:8443', 'acme.conductor.one'],
    ['acme.c1eu.ai:8443', 'https://acme.c1eu.ai:8443', 'acme.c1eu.ai'],
    ['https://acme.conductor.one', 'https://acme.conductor.one', 'acme.conductor.one'],
    ['https://acme.conductor.one/', 'https://acme.conductor.one', 'acme.conductor.one'],
    ['HTTPS://Acme.Conductor.One', 'https://acme.conductor.one', 'acme.conductor.one'],
    ['https://acme.conductor.one:8443', 'https://acme.conductor.one:8443', 'acme.conductor.one'],
    ['localhost:8080', 'https://localhost:8080', 'localhost'],
    ['http://localhost:8080', 'http://localhost:8080', 'localhost'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', '127.0.0.1'],
    ['http://127.8.9.10', 'http://127.8.9.10', '127.8.9.10'],
    ['http://[::1]:8080', 'http://[::1]:8080', '::1']
  ])('reads %j as %s (host name %s)', (value, baseUrl, hostname) => {
    expect(parseTenant('tenant', value)).toEqual({ baseUrl, hostname });
  });

  test.each<[string, string]>([
    ['a fragment with userinfo-looking text, no scheme', 'evil.com#@acme.conductor.one'],
    ['a fragment with userinfo-looking text', 'https://evil.com#@acme.conductor.one'],
    ['userinfo', 'https://user@acme.conductor.one'],
    ['userinfo with a password', 'https://user:pw@acme.conductor.one'],
    ['a path', 'https://acme.conductor.one/path'],
    ['a path without a scheme', 'acme.conductor.one/path'],
    ['a query', 'https://acme.conductor.one?q'],
    ['a query after a slash', 'https://acme.conductor.one/?q=1'],
    ['a fragment', 'https://acme.conductor.one#frag'],
    ['plain http to a non-loopback host', 'http://acme.conductor.one'],
    ['plain http to a host that only starts like loopback', 'http://127.0.0.1.evil.com'],
    ['plain http to a name that only starts with localhost', 'http://localhost.evil.com'],
    ['a backslash before @', 'https://acme.conductor.one\\@evil.com'],
    ['backslashes as the slashes', 'https:\\\\evil.com'],
    ['a backslash in a bare host', 'acme.conductor.one\\evil'],
    ['another scheme', 'ftp://acme.conductor.one'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a port out of range', 'https://acme.conductor.one:99999'],
    ['inner white space', 'https://acme .conductor.one'],
    ['a percent-encoded slash', 'https://acme.conductor.one%2f@evil.com'],
    ['a non-ASCII host', 'https://аcme.conductor.one'],
    ['an empty host', 'https://']
  ])('rejects a tenant with %s', (_what, value) => {
    const error = inputErrorOf(() => parseTenant('tenant', value));
    expect(error.input).toBe('tenant');
    expect(error.message).toMatch(/^Input 'tenant': /u);
  });

  test('says http is only for loopback', () => {
    expect(inputErrorOf(() => parseTenant('tenant', 'http://acme.conductor.one')).message).toMatch(/loopback/u);
  });
});

describe('parseConnection: tenant and client ID on different hosts', () => {
  test('warns, naming both, when the tenant is not the client ID host', () => {
    const connection = parseConnection(reader({ tenant: 'other.conductor.one', token: 't', 'client-id': PCC }), {});
    expect(connection.warnings).toEqual([expect.stringMatching(/other\.conductor\.one.*acme/u)]);
  });

  test('does not warn when they agree', () => {
    expect(parseConnection(reader({ tenant: 'acme', token: 't', 'client-id': PCC }), {}).warnings).toEqual([]);
  });
});

describe('parseConnection: tenant variables that lose to an earlier source', () => {
  test.each<[string, Inputs, Environment, RegExp[]]>([
    [
      'CONDUCTORONE_SERVER_URL beside a tenant input naming another tenant',
      { token: 't', tenant: 'acme' },
      { CONDUCTORONE_SERVER_URL: 'https://other.example' },
      [/^CONDUCTORONE_SERVER_URL is set but not used: the tenant https:\/\/acme\.conductor\.one comes from the tenant input/u]
    ],
    [
      'CONDUCTORONE_TENANT_DOMAIN beside a client-id on another host',
      { token: 't', 'client-id': PCC },
      { CONDUCTORONE_TENANT_DOMAIN: 'other' },
      [/^CONDUCTORONE_TENANT_DOMAIN is set but not used: .* comes from the host of client-id/u]
    ],
    [
      'CONDUCTORONE_TENANT_DOMAIN beside a CONDUCTORONE_SERVER_URL that wins',
      { token: 't' },
      { CONDUCTORONE_SERVER_URL: 'https://server.example', CONDUCTORONE_TENANT_DOMAIN: 'dom.example' },
      [/^CONDUCTORONE_TENANT_DOMAIN is set but not used: .* comes from CONDUCTORONE_SERVER_URL/u]
    ],
    [
      'both naming the tenant in use: nothing to say',
      { token: 't', tenant: 'acme' },
      { CONDUCTORONE_SERVER_URL: 'acme', CONDUCTORONE_TENANT_DOMAIN: 'acme.conductor.one' },
      []
    ],
    ['a variable that is the one used: nothing to say', { token: 't' }, { CONDUCTORONE_SERVER_URL: 'https://server.example' }, []]
  ])('%s', (_name, inputs, env, expected) => {
    expect(parseConnection(reader(inputs), env).warnings).toEqual(expected.map((pattern): unknown => expect.stringMatching(pattern)));
  });
});

describe('parseConnection: CONDUCTORONE_OIDC_TOKEN', () => {
  const WFE = 'deployer@acme.conductor.one/wfe';
  test('with a wfe CONDUCTORONE_CLIENT_ID it is the subject token, and GitHub is not needed', () => {
    expect(parseConnection(reader({}), { CONDUCTORONE_CLIENT_ID: WFE, CONDUCTORONE_OIDC_TOKEN: 'eyJ.x.y' }).auth).toMatchObject({
      kind: 'oidc',
      subjectToken: 'eyJ.x.y',
      audience: 'acme.conductor.one'
    });
  });

  test('a wfe client-id input ignores it and still needs id-token: write', () => {
    const error = inputErrorOf(() => parseConnection(reader({ 'client-id': WFE }), { CONDUCTORONE_OIDC_TOKEN: 'eyJ.x.y' }));
    expect(error.message).toMatch(/id-token: write/u);
  });
});

describe('parseClientId', () => {
  test.each<[string, { name: string; host: string; kind: string }]>([
    ['blue-whale-12345@acme.conductor.one/pcc', { name: 'blue-whale-12345', host: 'acme.conductor.one', kind: 'pcc' }],
    ['robot@ACME.c1eu.ai/spc', { name: 'robot', host: 'acme.c1eu.ai', kind: 'spc' }],
    ['trust@localhost:8443/wfe', { name: 'trust', host: 'localhost:8443', kind: 'wfe' }],
    ['  blue@acme.conductor.one/pcc  ', { name: 'blue', host: 'acme.conductor.one', kind: 'pcc' }]
  ])('reads %j', (value, expected) => {
    expect(parseClientId('client-id', value)).toEqual({ value: value.trim(), ...expected });
  });

  test.each([
    'blue-whale-12345',
    '@acme.conductor.one/pcc',
    'blue@acme.conductor.one',
    'blue@acme.conductor.one/PCC',
    'blue@acme.conductor.one/pcc/extra',
    'blue@/pcc',
    'blue@evil.com#x/pcc',
    'blue@acme.conductor.one:99999/pcc',
    'blue@user@acme.conductor.one/pcc',
    'bl ue@acme.conductor.one/pcc',
    // A single-label host would resolve through the runner's DNS search domain, not to C1.
    'blue@acme/pcc',
    'blue@acme:8443/pcc'
  ])('rejects %j, naming the input', (value) => {
    const error = inputErrorOf(() => parseClientId('client-id', value));
    expect(error.message).toMatch(/^Input 'client-id': .*<name>@<host>\/<kind>/u);
  });
});

describe('parseClientSecret', () => {
  test('reads a secret-token:conductorone.com:v1 Ed25519 JWK', () => {
    const parsed = parseClientSecret('client-secret', SECRET.value);
    expect(parsed.kid).toBeUndefined();
    expect(parsed.d).toBe(SECRET.d);
    expect(parsed.key.type).toBe('private');
    expect(parsed.key.asymmetricKeyType).toBe('ed25519');
  });

  test('keeps the kid of a JWK that has one', () => {
    expect(parseClientSecret('client-secret', makeSecret({ kid: 'k1' }).value).kid).toBe('k1');
  });

  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'jwk' });
  test.each<[string, string]>([
    ['a wrong prefix', `secret-token:example.com:v1:${SECRET.encoded}`],
    ['a wrong version', `secret-token:conductorone.com:v2:${SECRET.encoded}`],
    ['too few parts', `conductorone.com:v1:${SECRET.encoded}`],
    ['too many parts', `${SECRET.value}:extra`],
    ['a key part that is not base64url', `secret-token:conductorone.com:v1:${SECRET.encoded}==`],
    ['a key part that is not JSON', `secret-token:conductorone.com:v1:${Buffer.from('not json d=secretvalue').toString('base64url')}`],
    ['an RSA key', `secret-token:conductorone.com:v1:${enc(rsa)}`],
    ['a JWK without d', `secret-token:conductorone.com:v1:${enc({ kty: 'OKP', crv: 'Ed25519', x: jwk.x })}`],
    ['an X25519 JWK', `secret-token:conductorone.com:v1:${enc({ kty: 'OKP', crv: 'X25519', x: jwk.x, d: jwk.d })}`],
    ['a d that is not a key', `secret-token:conductorone.com:v1:${enc({ kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: 'c2hvcnQ' })}`],
    ['an empty key part', 'secret-token:conductorone.com:v1:'],
    ['a bare token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl']
  ])('rejects %s without repeating the value', (_what, value) => {
    const error = inputErrorOf(() => parseClientSecret('client-secret', value));
    expect(error.message).toMatch(/^Input 'client-secret': /u);
    // The key material is what follows the last ':' (the prefix is public and may appear in the hint).
    const keyPart = value.slice(value.lastIndexOf(':') + 1);
    if (keyPart.length > 0) expect(error.message).not.toContain(keyPart.slice(0, 12));
    expect(error.message).not.toContain(jwk.d ?? '');
    expect(error.message).not.toContain(SECRET.encoded.slice(0, 12));
  });

  test('a bad env CONDUCTORONE_CLIENT_SECRET is named as that variable and not repeated', () => {
    const bad = `secret-token:conductorone.com:v1:${enc({ kty: 'OKP', crv: 'Ed25519', x: jwk.x })}`;
    const error = inputErrorOf(() => parseConnection(reader({}), { CONDUCTORONE_CLIENT_ID: PCC, CONDUCTORONE_CLIENT_SECRET: bad }));
    expect(error.input).toBe('CONDUCTORONE_CLIENT_SECRET');
    expect(error.message).not.toContain(bad);
  });
});

describe('parseConfig: which credential', () => {
  test.each<[string, Inputs, Environment, Config['target']]>([
    ['reads a plain id', { ...BASE, 'personal-client-id': 'blue-whale-12345' }, {}, { kind: 'id', id: 'blue-whale-12345' }],
    [
      'reads a full pcc client ID for resolution through List',
      { ...BASE, 'personal-client-id': 'blue-whale-12345@acme.conductor.one/pcc' },
      {},
      { kind: 'clientId', clientId: 'blue-whale-12345@acme.conductor.one/pcc' }
    ],
    [
      'resolves self to the caller named by client-id',
      { ...BASE, 'client-id': PCC, 'personal-client-id': 'self' },
      {},
      { kind: 'clientId', clientId: PCC }
    ],
    [
      'resolves self to the caller named by env CONDUCTORONE_CLIENT_ID',
      { ...BASE, token: '', 'personal-client-id': 'self' },
      { CONDUCTORONE_ACCESS_TOKEN: 'e', CONDUCTORONE_CLIENT_ID: PCC },
      { kind: 'clientId', clientId: PCC }
    ],
    [
      'resolves self for an assertion caller',
      { tenant: 'acme', 'display-name': 'x', 'client-id': PCC, 'client-secret': SECRET.value, 'personal-client-id': 'self' },
      {},
      { kind: 'clientId', clientId: PCC }
    ]
  ])('%s', (_name, inputs, env, target) => {
    expect(configOf(inputs, env).target).toEqual(target);
  });

  test.each<[string, Inputs, Environment, RegExp]>([
    ['requires personal-client-id', { ...BASE, 'personal-client-id': '' }, {}, /is required/u],
    [
      'rejects self with no caller client ID, saying why',
      { ...BASE, 'personal-client-id': 'self' },
      {},
      /self needs to know the caller.*client-id/u
    ],
    ['rejects self when the caller is an spc', { ...BASE, 'client-id': SPC, 'personal-client-id': 'self' }, {}, /kind spc, not pcc/u],
    ['rejects self when the caller is a wfe', { ...BASE, 'client-id': WFE, 'personal-client-id': 'self' }, OIDC_ENV, /kind wfe, not pcc/u],
    ['rejects a full client ID that is not a pcc', { ...BASE, 'personal-client-id': 'robot@acme.conductor.one/spc' }, {}, /ends in \/pcc/u],
    ['rejects a malformed full client ID', { ...BASE, 'personal-client-id': 'blue@/pcc' }, {}, /expected/u],
    ['rejects an id with a slash', { ...BASE, 'personal-client-id': 'blue/../x' }, {}, /expected an id/u],
    ['rejects an id with spaces', { ...BASE, 'personal-client-id': 'blue whale' }, {}, /expected an id/u]
  ])('%s', (_name, inputs, env, pattern) => {
    const error = inputErrorOf(() => configOf(inputs, env));
    expect(error.input).toBe('personal-client-id');
    expect(error.message).toMatch(pattern);
  });
});

describe('parseConfig: what to change and update-mask', () => {
  const noFields: Inputs = { token: 't', tenant: 'acme', 'personal-client-id': 'blue-whale-1' };

  test.each<[string, Inputs, readonly string[]]>([
    [
      'defaults the mask to the fields whose inputs were given',
      { ...noFields, 'display-name': 'ci', 'expires-in': '1d' },
      ['displayName', 'expiresTime']
    ],
    [
      'includes every given field in contract order',
      { ...noFields, 'expires-time': '2027-01-31T00:00:00Z', 'allow-source-cidr': '10.0.0.0/8', 'scoped-roles': 'r1', 'display-name': 'x' },
      ['displayName', 'scopedRoles', 'allowSourceCidr', 'expiresTime']
    ],
    [
      'takes an explicit mask separated by commas',
      { ...noFields, 'display-name': 'ci', 'update-mask': 'displayName,scopedRoles', 'allow-unrestricted': 'true' },
      ['displayName', 'scopedRoles']
    ],
    [
      'takes an explicit mask separated by newlines and spaces, deduplicated',
      { ...noFields, 'display-name': 'ci', 'update-mask': 'displayName\nexpiresTime displayName', 'allow-unrestricted': 'true' },
      ['displayName', 'expiresTime']
    ],
    [
      'accepts allowSourceCidr in the mask with no input when allow-unrestricted is true',
      { ...noFields, 'update-mask': 'allowSourceCidr', 'allow-unrestricted': 'true' },
      ['allowSourceCidr']
    ]
  ])('%s', (_name, inputs, mask) => {
    expect(configOf(inputs).mask).toEqual(mask);
  });

  test.each<[string, Inputs, keyof Config]>([
    ['clears displayName when masked without an input', { ...noFields, 'update-mask': 'displayName' }, 'displayName'],
    [
      'clears scopedRoles when masked without an input and allow-unrestricted',
      { ...noFields, 'update-mask': 'scopedRoles', 'allow-unrestricted': 'true' },
      'scopedRoles'
    ],
    [
      'clears expiresTime when masked without an input and allow-unrestricted',
      { ...noFields, 'update-mask': 'expiresTime', 'allow-unrestricted': 'true' },
      'expiresTime'
    ],
    [
      'clears allowSourceCidr when masked without an input and allow-unrestricted',
      { ...noFields, 'update-mask': 'allowSourceCidr', 'allow-unrestricted': 'TRUE' },
      'allowSourceCidr'
    ]
  ])('%s (the field is in the mask, its value is unset)', (_name, inputs, key) => {
    const config = configOf(inputs);
    expect(config[key]).toBeUndefined();
    expect(config.mask).toHaveLength(1);
  });

  test.each<[string, Inputs, string, RegExp]>([
    [
      'rejects an unknown mask field, naming it',
      { ...noFields, 'display-name': 'x', 'update-mask': 'displayName,colour' },
      'update-mask',
      /unknown field "colour"/u
    ],
    [
      'hints lowerCamelCase for a snake_case mask field',
      { ...noFields, 'allow-source-cidr': '10.0.0.0/8', 'update-mask': 'allow_source_cidr' },
      'update-mask',
      /lowerCamelCase: allowSourceCidr/u
    ],
    [
      'hints lowerCamelCase for expires_time',
      { ...noFields, 'update-mask': 'expires_time' },
      'update-mask',
      /lowerCamelCase: expiresTime/u
    ],
    ['rejects a read-only field in the mask', { ...noFields, 'update-mask': 'clientId' }, 'update-mask', /unknown field "clientId"/u],
    [
      'rejects a given field that the mask leaves out',
      { ...noFields, 'display-name': 'x', 'expires-in': '1d', 'update-mask': 'expiresTime' },
      'update-mask',
      /leaves out displayName/u
    ],
    [
      'rejects a given allow-source-cidr that the mask leaves out',
      { ...noFields, 'allow-source-cidr': '10.0.0.0/8', 'display-name': 'x', 'update-mask': 'displayName' },
      'update-mask',
      /leaves out allowSourceCidr/u
    ],
    [
      'refuses to clear allowSourceCidr through the mask without allow-unrestricted',
      { ...noFields, 'update-mask': 'allowSourceCidr' },
      'update-mask',
      /allow-unrestricted: true/u
    ],
    [
      'refuses to clear allowSourceCidr through the mask with allow-unrestricted false',
      { ...noFields, 'update-mask': 'allowSourceCidr', 'allow-unrestricted': 'false' },
      'update-mask',
      /anywhere/u
    ],
    ['needs at least one field to change', noFields, 'update-mask', /nothing to change/u],
    [
      'rejects cidr-mode add without allow-source-cidr',
      { ...noFields, 'display-name': 'x', 'cidr-mode': 'add' },
      'cidr-mode',
      /add needs allow-source-cidr/u
    ],
    [
      'rejects cidr-mode remove without allow-source-cidr',
      { ...noFields, 'display-name': 'x', 'cidr-mode': 'remove' },
      'cidr-mode',
      /remove needs allow-source-cidr/u
    ],
    [
      'rejects an unknown cidr-mode',
      { ...noFields, 'allow-source-cidr': '10.0.0.0/8', 'cidr-mode': 'merge' },
      'cidr-mode',
      /replace, add, remove/u
    ],
    ['rejects an unknown cleanup', { ...noFields, 'display-name': 'x', cleanup: 'undo' }, 'cleanup', /none, restore, lock/u],
    ['rejects a scoped role with odd characters', { ...noFields, 'scoped-roles': 'r1 r/2' }, 'scoped-roles', /"r\/2"/u],
    [
      'rejects a non-boolean allow-unrestricted',
      { ...noFields, 'display-name': 'x', 'allow-unrestricted': 'yes' },
      'allow-unrestricted',
      /true or false/u
    ],
    ['rejects a non-boolean dry-run', { ...noFields, 'display-name': 'x', 'dry-run': '1' }, 'dry-run', /true or false/u],
    ['rejects a non-boolean job-summary', { ...noFields, 'display-name': 'x', 'job-summary': 'no' }, 'job-summary', /true or false/u]
  ])('%s', (_name, inputs, input, pattern) => {
    const error = inputErrorOf(() => configOf(inputs));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `, 'u'));
    expect(error.message).toMatch(pattern);
  });

  test('reads scoped-roles as a deduplicated list', () => {
    expect(configOf({ ...noFields, 'scoped-roles': 'r1, r2\nr1 r3' }).scopedRoles).toEqual(['r1', 'r2', 'r3']);
  });

  test('reads cidr-mode and cleanup in any case, with defaults replace and none', () => {
    expect(configOf(BASE)).toMatchObject({
      cidrMode: 'replace',
      cleanup: 'none',
      dryRun: false,
      jobSummary: true,
      allowUnrestricted: false
    });
    expect(configOf({ ...BASE, 'allow-source-cidr': '10.0.0.0/8', 'cidr-mode': 'ADD', cleanup: 'Restore' })).toMatchObject({
      cidrMode: 'add',
      cleanup: 'restore'
    });
  });
});

describe('parseConfig: allow-source-cidr and lock-cidr', () => {
  const cidrs = (value: string): Config['allowSourceCidr'] => configOf({ ...BASE, 'allow-source-cidr': value }).allowSourceCidr;

  test.each<[string, string, readonly string[], boolean]>([
    ['turns a bare IPv4 into /32', '203.0.113.7', ['203.0.113.7/32'], false],
    ['turns a bare IPv6 into /128', '2001:db8::7', ['2001:db8::7/128'], false],
    ['writes IPv6 in its canonical short form', '2001:0DB8:0000:0000:0000:0000:0000:0000/32', ['2001:db8::/32'], false],
    ['writes IPv4-mapped IPv6 as IPv4', '::ffff:10.0.0.1', ['10.0.0.1/32'], false],
    ['removes duplicates, including ones written differently', '10.0.0.0/8, 10.0.0.0/8\n::ffff:10.0.0.0/104', ['10.0.0.0/8'], false],
    [
      'takes newlines, commas and spaces as separators',
      '10.0.0.0/8\n192.168.0.0/16,172.16.0.0/12 8.8.8.8',
      ['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12', '8.8.8.8/32'],
      false
    ],
    ['marks the word runner and keeps it out of the CIDRs', 'runner, 10.0.0.0/8', ['10.0.0.0/8'], true],
    ['accepts runner in any case', 'RUNNER', [], true]
  ])('%s', (_name, value, list, runner) => {
    expect(cidrs(value)).toEqual({ cidrs: list, runner });
  });

  test('accepts exactly 32 CIDRs', () => {
    const list = Array.from({ length: 32 }, (_v, i) => `10.0.${i}.0/24`).join(',');
    expect(cidrs(list)?.cidrs).toHaveLength(32);
  });

  test('counts 32 CIDRs after removing duplicates', () => {
    const list = [...Array.from({ length: 32 }, (_v, i) => `10.0.${i}.0/24`), '10.0.0.0/24'].join(',');
    expect(cidrs(list)?.cidrs).toHaveLength(32);
  });

  test.each<[string, Inputs, string, RegExp]>([
    [
      'rejects a CIDR with host bits, naming the network',
      { 'allow-source-cidr': '10.1.2.3/8' },
      'allow-source-cidr',
      /host bits set; the network is 10\.0\.0\.0\/8/u
    ],
    [
      'rejects an IPv6 CIDR with host bits, naming the network',
      { 'allow-source-cidr': '2001:db8::1/32' },
      'allow-source-cidr',
      /the network is 2001:db8::\/32/u
    ],
    [
      'rejects 33 CIDRs',
      { 'allow-source-cidr': Array.from({ length: 33 }, (_v, i) => `10.0.${i}.0/24`).join(' ') },
      'allow-source-cidr',
      /holds 33 CIDRs; C1 allows at most 32/u
    ],
    ['rejects something that is not an IP', { 'allow-source-cidr': 'example.com' }, 'allow-source-cidr', /"example\.com"/u],
    ['rejects a prefix out of range', { 'allow-source-cidr': '10.0.0.0/33' }, 'allow-source-cidr', /prefix length must be 0 to 32/u],
    ['rejects runner in lock-cidr', { 'lock-cidr': 'runner' }, 'lock-cidr', /cannot hold 'runner'/u],
    [
      'rejects a lock-cidr with host bits, naming the network',
      { 'lock-cidr': '192.168.1.1/24' },
      'lock-cidr',
      /the network is 192\.168\.1\.0\/24/u
    ],
    [
      'rejects 33 lock CIDRs',
      { 'lock-cidr': Array.from({ length: 33 }, (_v, i) => `10.0.${i}.0/24`).join(' ') },
      'lock-cidr',
      /at most 32/u
    ]
  ])('%s', (_name, extra, input, pattern) => {
    const error = inputErrorOf(() => configOf({ ...BASE, ...extra }));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `, 'u'));
    expect(error.message).toMatch(pattern);
  });

  test('defaults lock-cidr to 192.0.2.1/32 and normalises a given one', () => {
    expect(configOf(BASE).lockCidr).toEqual(['192.0.2.1/32']);
    expect(configOf({ ...BASE, 'lock-cidr': '192.0.2.9, 2001:DB8::1' }).lockCidr).toEqual(['192.0.2.9/32', '2001:db8::1/128']);
  });
});

describe('parseConfig: expiry', () => {
  test.each<[string, Inputs, string]>([
    ['reads expires-time in RFC 3339', { 'expires-time': '2027-01-31T00:00:00Z' }, '2027-01-31T00:00:00.000Z'],
    ['reads expires-time with an offset', { 'expires-time': '2027-01-31T02:00:00+02:00' }, '2027-01-31T00:00:00.000Z'],
    ['reads expires-time with fractional seconds', { 'expires-time': '2027-01-31T00:00:00.5Z' }, '2027-01-31T00:00:00.500Z'],
    ['reads expires-in from now', { 'expires-in': '30d' }, new Date(NOW.getTime() + 30 * DAY).toISOString()],
    ['reads expires-in in ISO 8601', { 'expires-in': 'PT12H' }, new Date(NOW.getTime() + 12 * HOUR).toISOString()]
  ])('%s', (_name, extra, iso) => {
    expect(configOf({ ...BASE, ...extra }).expiresTime?.toISOString()).toBe(iso);
  });

  test('reads refresh-within alongside an expiry', () => {
    expect(configOf({ ...BASE, 'expires-in': '30d', 'refresh-within': '7d' }).refreshWithinMs).toBe(7 * DAY);
    expect(configOf({ ...BASE, 'expires-time': '2027-01-31T00:00:00Z', 'refresh-within': 'P1W' }).refreshWithinMs).toBe(7 * DAY);
  });

  test.each<[string, Inputs, string, RegExp]>([
    ['rejects an expires-time that is only a date', { 'expires-time': '2027-01-31' }, 'expires-time', /RFC 3339/u],
    ['rejects an expires-time without a zone', { 'expires-time': '2027-01-31T00:00:00' }, 'expires-time', /RFC 3339/u],
    ['rejects an expires-time in words', { 'expires-time': 'tomorrow' }, 'expires-time', /RFC 3339/u],
    ['rejects an expires-time with month 13', { 'expires-time': '2027-13-01T00:00:00Z' }, 'expires-time', /RFC 3339/u],
    ['rejects an expires-time in the past', { 'expires-time': '2026-02-28T00:00:00Z' }, 'expires-time', /not in the future/u],
    ['rejects an expires-time equal to now', { 'expires-time': '2026-03-01T12:00:00Z' }, 'expires-time', /not in the future/u],
    [
      'rejects expires-in with expires-time',
      { 'expires-time': '2027-01-31T00:00:00Z', 'expires-in': '1d' },
      'expires-in',
      /cannot be combined with expires-time/u
    ],
    ['rejects an expires-in that is not a duration', { 'expires-in': '30' }, 'expires-in', /duration/u],
    ['rejects refresh-within without an expiry', { 'refresh-within': '7d' }, 'refresh-within', /needs expires-time or expires-in/u],
    [
      'rejects a refresh-within that is not a duration',
      { 'expires-in': '30d', 'refresh-within': 'P1M' },
      'refresh-within',
      /no years, months/u
    ]
  ])('%s', (_name, extra, input, pattern) => {
    const error = inputErrorOf(() => configOf({ ...BASE, ...extra }));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `, 'u'));
    expect(error.message).toMatch(pattern);
  });

  // `new Date` rolls impossible calendar dates over (2027-02-30 would become 2027-03-02): they must be refused.
  test.each([['2027-02-30T00:00:00Z'], ['2027-01-31T24:00:00Z'], ['2027-04-31T00:00:00Z']])(
    'rejects an expires-time that is not a real calendar time (%s)',
    (value) => {
      const error = inputErrorOf(() => configOf({ ...BASE, 'expires-time': value }));
      expect(error.input).toBe('expires-time');
    }
  );
});

describe('parseDuration', () => {
  test.each<[string, number]>([
    ['30s', 30_000],
    ['15m', 15 * 60_000],
    ['12h', 12 * HOUR],
    ['30d', 30 * DAY],
    ['1w', 7 * DAY],
    ['1h30m', 90 * 60_000],
    ['1w2d3h4m5s', 9 * DAY + 3 * HOUR + 4 * 60_000 + 5_000],
    [' 2h ', 2 * HOUR],
    ['P30D', 30 * DAY],
    ['PT12H', 12 * HOUR],
    ['P1W', 7 * DAY],
    ['PT1M', 60_000],
    ['PT30S', 30_000],
    ['P1DT12H', 36 * HOUR]
  ])('reads %j as %d ms', (value, ms) => {
    expect(parseDuration('expires-in', value)).toBe(ms);
  });

  test.each([
    ['years', 'P1Y'],
    ['months', 'P1M'],
    ['a bare number', '30'],
    ['a negative value', '-1d'],
    ['a repeated unit', '1h1h'],
    ['units out of order', '30m1h'],
    ['an empty ISO time part', 'P1DT'],
    ['ISO with no parts', 'P'],
    ['ISO with an empty time', 'PT'],
    ['Unicode digits', '１d'],
    ['Arabic-Indic digits', '٣d'],
    ['a zero duration', '0s'],
    ['a fraction', '1.5h'],
    ['an inner space', '1h 30m'],
    ['an upper-case short unit', '1H'],
    ['an unknown unit', '3y'],
    ['more than 100 years', '36600d'],
    ['nothing', '']
  ])('rejects %s (%j), naming the input', (_what, value) => {
    const error = inputErrorOf(() => parseDuration('refresh-within', value));
    expect(error.message).toMatch(/^Input 'refresh-within': /u);
  });
});

describe('parseBoolean, parseChoice, parseInteger, parseList', () => {
  test.each<[string, boolean, boolean]>([
    ['true', false, true],
    ['TRUE', false, true],
    ['True', false, true],
    ['false', true, false],
    ['False', true, false],
    [' true\n', false, true],
    ['', true, true],
    ['', false, false]
  ])('parseBoolean reads %j (fallback %s) as %s', (value, fallback, expected) => {
    expect(parseBoolean('dry-run', value, fallback)).toBe(expected);
  });

  test.each(['yes', 'no', '1', '0', 'on', 'off', 't', 'truee'])('parseBoolean rejects %j, naming the input', (value) => {
    expect(inputErrorOf(() => parseBoolean('dry-run', value, false)).message).toBe(
      `Input 'dry-run': got "${value}"; expected true or false.`
    );
  });

  test.each<[string, string]>([
    ['', 'ipv4'],
    ['ipv6', 'ipv6'],
    ['BOTH', 'both'],
    [' ipv4 ', 'ipv4']
  ])('parseChoice reads %j as %s', (value, expected) => {
    expect(parseChoice('runner-ip-version', value, ['ipv4', 'ipv6', 'both'], 'ipv4')).toBe(expected);
  });

  test.each(['v4', 'ipv5', 'ipv4,ipv6'])('parseChoice rejects %j, listing the choices', (value) => {
    expect(inputErrorOf(() => parseChoice('runner-ip-version', value, ['ipv4', 'ipv6', 'both'], 'ipv4')).message).toMatch(
      /^Input 'runner-ip-version': .*ipv4, ipv6, both/u
    );
  });

  test.each<[string, number]>([
    ['', 2],
    ['1', 1],
    [' 3 ', 3],
    ['10', 10]
  ])('parseInteger reads %j as %d', (value, expected) => {
    expect(parseInteger('runner-ip-quorum', value, 1, 10, 2)).toBe(expected);
  });

  test.each(['0', '11', '-1', '+2', '1.5', '2e1', 'two', '１', '0x2'])('parseInteger rejects %j, naming the input', (value) => {
    expect(inputErrorOf(() => parseInteger('runner-ip-quorum', value, 1, 10, 2)).message).toMatch(/^Input 'runner-ip-quorum': .*1 to 10/u);
  });

  test.each<[string, readonly string[]]>([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a, b', ['a', 'b']],
    ['a\nb\r\nc', ['a', 'b', 'c']],
    [' a  b\t,c ,', ['a', 'b', 'c']],
    [',,\n', []]
  ])('parseList splits %j on newlines, commas and spaces', (value, expected) => {
    expect(parseList(value)).toEqual(expected);
  });
});

describe('parseConfig: runner IP detection inputs', () => {
  const RUNNER: Inputs = { ...BASE, 'allow-source-cidr': 'runner' };

  test('defaults to three IPv4 sources, quorum 2, /32 and /128, and min(5s, request-timeout)', () => {
    expect(configOf(RUNNER).runnerIp).toEqual({
      given: undefined,
      sources: ['https://api.ipify.org', 'https://checkip.amazonaws.com', 'https://ipv4.icanhazip.com'],
      version: 'ipv4',
      quorum: 2,
      ipv4Prefix: 32,
      ipv6Prefix: 128,
      timeoutMs: 5_000
    });
  });

  test.each<[string, Inputs, Partial<Config['runnerIp']>]>([
    [
      'uses the IPv6 default sources for ipv6',
      { 'runner-ip-version': 'ipv6' },
      { version: 'ipv6', sources: ['https://api6.ipify.org', 'https://ipv6.icanhazip.com'] }
    ],
    [
      'uses both default source sets for both',
      { 'runner-ip-version': 'both' },
      {
        version: 'both',
        sources: [
          'https://api.ipify.org',
          'https://checkip.amazonaws.com',
          'https://ipv4.icanhazip.com',
          'https://api6.ipify.org',
          'https://ipv6.icanhazip.com'
        ]
      }
    ],
    [
      'takes c1 as C1 own view, in any case',
      { 'runner-ip-sources': 'C1, https://api.ipify.org', 'runner-ip-quorum': '1' },
      { sources: ['c1', 'https://api.ipify.org/'], quorum: 1 }
    ],
    [
      'allows http to 127.0.0.0/8',
      { 'runner-ip-sources': 'http://127.0.0.1:8080/ip http://127.9.9.9/' },
      { sources: ['http://127.0.0.1:8080/ip', 'http://127.9.9.9/'] }
    ],
    [
      'allows http to localhost and [::1]',
      { 'runner-ip-sources': 'http://localhost:1/ http://[::1]:2/' },
      { sources: ['http://localhost:1/', 'http://[::1]:2/'] }
    ],
    ['accepts a quorum equal to the number of sources', { 'runner-ip-quorum': '3' }, { quorum: 3 }],
    ['reads the prefixes', { 'runner-ipv4-prefix': '24', 'runner-ipv6-prefix': '64' }, { ipv4Prefix: 24, ipv6Prefix: 64 }],
    ['caps the detection timeout at request-timeout when that is lower', { 'request-timeout': '2s' }, { timeoutMs: 2_000 }],
    ['takes runner-ip as given, any family, no routability check', { 'runner-ip': '203.0.113.7, 10.0.0.1 2001:db8::7' }, {}]
  ])('%s', (_name, extra, expected) => {
    expect(configOf({ ...RUNNER, ...extra }).runnerIp).toMatchObject(expected);
  });

  test('reads runner-ip as addresses, with IPv4-mapped read as IPv4', () => {
    const given = configOf({ ...RUNNER, 'runner-ip': '203.0.113.7 ::ffff:10.0.0.1 2001:DB8::7' }).runnerIp.given;
    expect(given?.map((a) => [a.family, a.text])).toEqual([
      ['ipv4', '203.0.113.7'],
      ['ipv4', '10.0.0.1'],
      ['ipv6', '2001:db8::7']
    ]);
  });

  test.each<[string, Inputs, string, RegExp]>([
    ['rejects a quorum above the number of sources', { 'runner-ip-quorum': '4' }, 'runner-ip-quorum', /is 4 but there are 3 sources/u],
    ['rejects a quorum of 2 with one source', { 'runner-ip-sources': 'https://api.ipify.org' }, 'runner-ip-quorum', /there is 1 source/u],
    ['rejects a quorum of 0', { 'runner-ip-quorum': '0' }, 'runner-ip-quorum', /expected a whole number/u],
    ['rejects a quorum that is not a number', { 'runner-ip-quorum': 'two' }, 'runner-ip-quorum', /"two"/u],
    ['rejects an IPv4 prefix above 32', { 'runner-ipv4-prefix': '33' }, 'runner-ipv4-prefix', /1 to 32/u],
    ['rejects an IPv4 prefix of 0', { 'runner-ipv4-prefix': '0' }, 'runner-ipv4-prefix', /1 to 32/u],
    ['rejects an IPv6 prefix above 128', { 'runner-ipv6-prefix': '129' }, 'runner-ipv6-prefix', /1 to 128/u],
    ['rejects a prefix written with a slash', { 'runner-ipv4-prefix': '/24' }, 'runner-ipv4-prefix', /whole number/u],
    ['rejects an unknown runner-ip-version', { 'runner-ip-version': 'ipv5' }, 'runner-ip-version', /ipv4, ipv6, both/u],
    [
      'rejects a source that is not a URL',
      { 'runner-ip-sources': 'api.ipify.org https://x.example' },
      'runner-ip-sources',
      /"api\.ipify\.org"/u
    ],
    [
      'rejects a plain-http source that is not loopback',
      { 'runner-ip-sources': 'http://api.ipify.org https://x.example' },
      'runner-ip-sources',
      /http:\/\/ only for loopback/u
    ],
    [
      'rejects a source of another scheme',
      { 'runner-ip-sources': 'ftp://x.example https://y.example' },
      'runner-ip-sources',
      /https:\/\//u
    ],
    [
      'rejects a source with userinfo',
      { 'runner-ip-sources': 'https://u:p@x.example https://y.example' },
      'runner-ip-sources',
      /expected https/u
    ],
    ['rejects a runner-ip that is not an IP', { 'runner-ip': 'runner.example' }, 'runner-ip', /"runner\.example"/u],
    ['rejects a runner-ip given as a CIDR', { 'runner-ip': '203.0.113.0/24' }, 'runner-ip', /expected IP addresses/u]
  ])('%s', (_name, extra, input, pattern) => {
    const error = inputErrorOf(() => configOf({ ...RUNNER, ...extra }));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `, 'u'));
    expect(error.message).toMatch(pattern);
  });

  test('warns when runner-ip inputs are set but allow-source-cidr does not use runner', () => {
    expect(configOf({ ...BASE, 'runner-ip-version': 'ipv6' }).warnings).toEqual([expect.stringMatching(/no effect/u)]);
    expect(configOf({ ...RUNNER, 'runner-ip-version': 'ipv6' }).warnings).toEqual([]);
  });

  // A DNS name that merely begins with "127." is any host on the internet, not loopback.
  test('rejects plain http to a DNS name that only starts with 127.', () => {
    const error = inputErrorOf(() => configOf({ ...RUNNER, 'runner-ip-sources': 'http://127.evil.example/ https://x.example' }));
    expect(error.input).toBe('runner-ip-sources');
  });

  // One source written twice (trailing slash, upper-case host) must not make a quorum of 2 on its own.
  test.each([['https://api.ipify.org https://api.ipify.org/'], ['https://api.ipify.org https://API.ipify.org']])(
    'does not count one source twice toward the quorum (%s)',
    (sources) => {
      let outcome: string[] | InputError;
      try {
        outcome = [...configOf({ ...RUNNER, 'runner-ip-sources': sources }).runnerIp.sources];
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        outcome = error;
      }
      // Either one source (then quorum 2 is refused) or an error is right; two equal URLs are not.
      expect(outcome).toBeInstanceOf(InputError);
    }
  );
});

describe('errors never repeat a secret', () => {
  test.each<[string, Inputs, Environment]>([
    ['ambiguous token and secret', { token: 'tok', tenant: 'acme', 'personal-client-id': 'x', 'client-secret': SECRET.value }, {}],
    ['secret without client-id', { tenant: 'acme', 'client-secret': SECRET.value }, {}],
    ['secret with a wfe client-id', { 'client-id': WFE, 'client-secret': SECRET.value }, OIDC_ENV],
    [
      'a later input error after valid credentials',
      { 'client-id': PCC, 'client-secret': SECRET.value, 'personal-client-id': 'x', 'display-name': 'n', 'dry-run': 'maybe' },
      {}
    ],
    [
      'a later input error after valid env credentials',
      { 'personal-client-id': 'x', 'expires-in': 'soon' },
      { CONDUCTORONE_CLIENT_ID: PCC, CONDUCTORONE_CLIENT_SECRET: SECRET.value }
    ]
  ])('%s', (_name, inputs, env) => {
    const error = inputErrorOf(() => configOf(inputs, env));
    expectNoSecret(error.message);
  });
});
