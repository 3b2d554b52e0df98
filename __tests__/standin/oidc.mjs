/**
 * A stand-in for GitHub's OIDC token endpoint, the one `core.getIDToken` calls through
 * ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN. It mints RS256 JWTs shaped like GitHub's.
 */
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';

const ISSUER = 'https://token.actions.githubusercontent.com';
const DEFAULT_AUDIENCE = 'https://github.com/acme';
const LIFETIME_S = 300;

/**
 * @typedef {{ iatOffsetSeconds?: number }} OidcOptions
 * @typedef {{ audience: string | undefined, authorized: boolean, at: number }} OidcRequest
 */

/**
 * startOidc starts the token endpoint on an ephemeral loopback port and resolves once it listens.
 * `iatOffsetSeconds` is added to every token's `iat` (negative for an old token); it can be changed later.
 * @param {OidcOptions} [options]
 */
export async function startOidc(options = {}) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const requestToken = randomBytes(24).toString('base64url');
  /** @type {OidcRequest[]} */
  const requests = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://oidc');
    if (req.method !== 'GET' || url.pathname !== '/token') {
      json(res, 404, { message: 'Not Found' });
      return;
    }
    const audience = url.searchParams.get('audience') ?? undefined;
    const authorized = req.headers.authorization === `Bearer ${requestToken}`;
    requests.push({ audience, authorized, at: Date.now() });
    if (!authorized) {
      json(res, 401, { message: 'Unauthorized' });
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      jti: randomUUID(),
      sub: 'repo:acme/app:ref:refs/heads/main',
      aud: audience ?? DEFAULT_AUDIENCE,
      ref: 'refs/heads/main',
      repository: 'acme/app',
      repository_owner: 'acme',
      run_id: '4242424242',
      run_attempt: '1',
      event_name: 'push',
      runner_environment: 'github-hosted',
      iss: ISSUER,
      nbf: now,
      exp: now + LIFETIME_S,
      iat: now + oidc.iatOffsetSeconds
    };
    json(res, 200, { value: signJwt({ alg: 'RS256', typ: 'JWT', kid }, claims, privateKey) });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const url = `http://127.0.0.1:${port}`;

  const oidc = {
    url,
    port,
    issuer: ISSUER,
    publicKey,
    requestToken,
    /** The value for ACTIONS_ID_TOKEN_REQUEST_URL; core.getIDToken appends `&audience=<aud>`. */
    requestUrl: `${url}/token?api-version=2.0`,
    requests,
    /** Seconds added to `iat` of the tokens minted from now on. */
    iatOffsetSeconds: options.iatOffsetSeconds ?? 0,
    /** close stops the server and drops keep-alive connections. @returns {Promise<void>} */
    close() {
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeAllConnections();
      return /** @type {Promise<void>} */ (closed);
    }
  };
  return oidc;
}

/**
 * signJwt makes a compact RS256 JWS.
 * @param {Record<string, unknown>} header @param {Record<string, unknown>} claims @param {import('node:crypto').KeyObject} key
 */
function signJwt(header, claims, key) {
  const encode = (/** @type {unknown} */ part) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
