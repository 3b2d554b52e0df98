/**
 * A stand-in for ConductorOne (C1): a real HTTP(S) server on loopback for tests and the demo.
 *
 * It serves what the action uses (the token endpoint with its three grants, personal client List/Get/Update and
 * test-source-ip) and is strict where C1 is strict, so a request C1 would refuse fails here too. Tests can queue
 * faults per route and read a log of every request.
 *
 * Like C1, the token endpoint checks a personal client's allowSourceCidr when its credential mints a token,
 * against the address C1 sees (`sourceIp`, else the request's remote address); a changed list applies only
 * `cidrDelayMs` after the Update that changed it, as C1 may take a while to apply one.
 */
import { STATUS_CODES, createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * @typedef {'pcc' | 'spc' | 'wfe'} CredentialKind
 * @typedef {{ id: string, clientId: string, secret: string, publicKey: import('node:crypto').KeyObject, d: string, x: string }} Credential
 * @typedef {{
 *   id: string, clientId: string, userId: string, displayName: string,
 *   allowSourceCidr: string[] | null, scopedRoles: string[] | null, expiresTime: string | null,
 *   createdAt: string | null, updatedAt: string | null, lastUsedAt: string | null, deletedAt: string | null
 * }} PersonalClient
 * @typedef {'token' | 'list' | 'get' | 'update' | 'testSourceIp' | RotationRoute} Route
 * @typedef {{
 *   method: string, path: string, route: Route | 'unknown', status: number, body: unknown,
 *   bearer: string | undefined, headers: import('node:http').IncomingHttpHeaders, at: number
 * }} LoggedRequest
 * @typedef {{ status: number, body?: unknown, headers?: Record<string, string> }
 *   | { delayMs: number }
 *   | { reset: true }
 *   | { truncate: true }
 *   | { rawBody: string, status?: number, contentType?: string }
 *   | { appliedRawBody: string }
 *   | { applyThenStatus: number }} Fault
 * @typedef {{ publicKey: import('node:crypto').KeyObject, issuer: string, audience: string }} OidcTrust
 * @typedef {{
 *   host?: string, audience?: string, pageSize?: number, delayMs?: number,
 *   tls?: { key: string | Buffer, cert: string | Buffer }, tokenLifetime?: number, oidc?: OidcTrust, clientHost?: string
 * }} C1Options
 * @typedef {{ status: number, body: unknown, headers?: Record<string, string>, commit?: () => void }} Answer
 * @typedef {{ url: URL, raw: string, body: unknown, form: boolean, bearer: string | undefined, remoteAddress: string }} Incoming
 */

const SECRET_PREFIX = 'secret-token:conductorone.com:v1:';
const CLIENT_CREDENTIALS = 'client_credentials';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

const TOKEN_PATH = '/auth/v1/token';
const COLLECTION = '/api/v1/iam/personal_clients';
const TEST_SOURCE_IP_PATH = '/api/v1/settings/session/test-source-ip';

/** @type {readonly Route[]} */
const ROUTES = ['token', 'list', 'get', 'update', 'testSourceIp', ...rotationRouteNames()];
const WRITABLE = ['displayName', 'scopedRoles', 'allowSourceCidr', 'expiresTime'];
const READ_ONLY = ['id', 'clientId', 'userId', 'createdAt', 'updatedAt', 'deletedAt', 'lastUsedAt'];
const MAX_CIDRS = 32;

// C1 wants an assertion's exp within five minutes; a GitHub subject token must be under ten minutes old.
const MAX_ASSERTION_LIFETIME_S = 300;
const MAX_SUBJECT_TOKEN_AGE_S = 600;
const CLOCK_SKEW_S = 5;

/** The grpc-gateway mapping from HTTP status to google.rpc.Code; anything else is UNKNOWN (2). */
const GRPC_CODES = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 6, 429: 8, 500: 13, 503: 14, 504: 4 };
const DEFAULT_USER_ID = '2bzDCqWfNHAeJEmWxkr9oUcsSpB';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * generateCredential makes a fresh Ed25519 key pair and the C1 client ID and secret that go with it.
 * @param {string} name the credential's short name, which is also its record id
 * @param {string} host the tenant host written into the client ID (may carry a port)
 * @param {CredentialKind} [kind]
 * @returns {Credential}
 */
export function generateCredential(name, host, kind = 'pcc') {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { x, d } = /** @type {{ x: string, d: string }} */ (privateKey.export({ format: 'jwk' }));
  const jwk = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x, d });
  return {
    id: name,
    clientId: `${name}@${host}/${kind}`,
    secret: SECRET_PREFIX + Buffer.from(jwk).toString('base64url'),
    publicKey,
    d,
    x
  };
}

/**
 * startC1 starts the stand-in on an ephemeral port of `options.host` and resolves once it listens.
 * @param {C1Options} [options]
 */
export async function startC1(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const audience = options.audience ?? host;
  const pageSize = options.pageSize ?? 2;
  const tokenLifetime = options.tokenLifetime ?? 3600;
  const oidc = options.oidc;

  /** @type {Map<string, PersonalClient>} */
  const records = new Map();
  /** @type {Map<string, { list: string[], from: number }[]>} each record's allowSourceCidr as the token endpoint applies it, by id */
  const appliedCidrs = new Map();
  /** @type {Map<string, Credential>} credentials that may authenticate, by client ID */
  const credentials = new Map();
  const wfeClients = new Set();
  /** @type {Map<string, number>} issued access tokens and when each expires (ms) */
  const tokens = new Map();
  /** @type {LoggedRequest[]} */
  const requests = [];
  /** @type {Record<Route, Fault[]>} */
  const faults = /** @type {Record<Route, Fault[]>} */ (Object.fromEntries(ROUTES.map((r) => [r, []])));
  const sleeper = createSleeper();

  const handler = (/** @type {import('node:http').IncomingMessage} */ req, /** @type {import('node:http').ServerResponse} */ res) => {
    handle(req, res).catch((/** @type {Error} */ error) => {
      // A bug in the stand-in must surface in the test, not as a hang.
      if (!res.headersSent && !req.socket.destroyed) send(req, res, undefined, rpcError(500, `stand-in failure: ${error.message}`));
    });
  };
  const server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  await listen(server, host);
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const urlHost = isIPv6(host) ? `[${host}]` : host;
  const clientHost = options.clientHost ?? `${urlHost}:${port}`;
  const caller = generateCredential('ci-caller', clientHost);

  const standIn = {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    caller,
    requests,
    faults,
    /**
     * The address C1 sees this client at: what test-source-ip reports as checkedIp and what a personal client's
     * allowSourceCidr is checked against when it mints a token. Undefined means the request's remote address.
     */
    sourceIp: /** @type {string | undefined} */ (undefined),
    /** Milliseconds after an Update before a changed allowSourceCidr applies at the token endpoint. */
    cidrDelayMs: 0,
    /** Every access token the token endpoint has handed out, so tests can look for them where none may appear. */
    minted: /** @type {string[]} */ ([]),
    /** When true, test-source-ip answers 403, as for a caller without admin rights. */
    testSourceIpForbidden: false,
    /** Milliseconds to wait before every answer. */
    delayMs: options.delayMs ?? 0,
    /**
     * A hostile List: when set, every page is empty and hands out a new page token of this many characters, so
     * a client that pages until the tokens stop never ends.
     */
    endlessPageTokenLength: /** @type {number | undefined} */ (undefined),

    /** seed adds or replaces a personal client record, filling the fields C1 always has. @param {Partial<PersonalClient> & { id: string }} record */
    seed(record) {
      if (typeof record.id !== 'string' || record.id === '') throw new TypeError('seed: a record needs an id');
      const now = timestamp(Date.now());
      records.set(record.id, {
        id: record.id,
        clientId: `${record.id}@${clientHost}/pcc`,
        userId: DEFAULT_USER_ID,
        displayName: '',
        allowSourceCidr: [],
        scopedRoles: [],
        expiresTime: null,
        createdAt: now,
        updatedAt: now,
        lastUsedAt: null,
        deletedAt: null,
        ...clone(record)
      });
      appliedCidrs.set(record.id, [{ list: [...(records.get(record.id)?.allowSourceCidr ?? [])], from: 0 }]);
    },
    /** record returns a copy of the record with this id. @param {string} id @returns {PersonalClient | undefined} */
    record(id) {
      const found = records.get(id);
      return found && clone(found);
    },
    /** records returns copies of every record, ordered by id. @returns {PersonalClient[]} */
    records() {
      return sortedRecords().map(clone);
    },
    /** register lets a pcc or spc credential authenticate at the token endpoint. @param {Credential} credential */
    register(credential) {
      credentials.set(credential.clientId, credential);
    },
    /** registerWfe allows the OIDC token exchange for a `<name>@<host>/wfe` client ID. @param {string} clientId */
    registerWfe(clientId) {
      wfeClients.add(clientId);
    },
    /** issueToken mints a valid access token directly, for tests of the `token` input. */
    issueToken() {
      const token = newToken();
      tokens.set(token, Date.now() + tokenLifetime * 1000);
      return token;
    },
    /** revokeTokens makes every token issued so far answer 401. */
    revokeTokens() {
      tokens.clear();
    },
    /**
     * addFault queues a one-shot fault for the next request(s) on a route; queued faults are used in order.
     * @param {Route} route @param {Fault} fault @param {number} [times] how many requests in a row get it
     */
    addFault(route, fault, times = 1) {
      if (!ROUTES.includes(route)) throw new TypeError(`addFault: unknown route "${route}"`);
      for (let i = 0; i < times; i++) faults[route].push(fault);
    },
    clearLog() {
      requests.length = 0;
    },
    /** close stops the server, drops keep-alive and pending connections, and ends pending delays. @returns {Promise<void>} */
    close() {
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeAllConnections();
      sleeper.wakeAll();
      return closed;
    }
  };

  const rotation = rotationRoutes({ records, credentials, tokens, clientHost, now: () => Date.now(), tokenEndpoint });
  standIn.register(caller);
  standIn.seed({
    id: caller.id,
    clientId: caller.clientId,
    displayName: 'CI caller',
    expiresTime: timestamp(Date.now() + 30 * DAY_MS)
  });
  const full = Object.assign(standIn, rotation.api);
  rotation.settingsFrom(full);
  return full;

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const form = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
    /** @type {Incoming} */
    const incoming = {
      url,
      raw,
      body: parseBody(raw, form),
      form,
      bearer: /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1],
      remoteAddress: unmapped(req.socket.remoteAddress ?? '')
    };
    const route = rotationRouteOf(req.method ?? '', url.pathname) ?? routeOf(req.method ?? '', url.pathname);
    /** @type {LoggedRequest} */
    const entry = {
      method: req.method ?? '',
      path: req.url ?? '',
      route,
      status: 0,
      body: incoming.body,
      bearer: incoming.bearer,
      headers: { ...req.headers },
      at: Date.now()
    };
    requests.push(entry);

    const fault = route === 'unknown' ? undefined : faults[route].shift();
    // Faults other than a delay stand for an answer that never came from C1's logic, so nothing is applied.
    if (fault && 'reset' in fault) {
      await sleeper.sleep(standIn.delayMs);
      req.socket.destroy();
      return;
    }
    if (fault && 'rawBody' in fault) {
      await sleeper.sleep(standIn.delayMs);
      send(req, res, entry, {
        status: fault.status ?? 200,
        body: fault.rawBody,
        headers: { 'content-type': fault.contentType ?? 'text/html' }
      });
      return;
    }
    if (fault && 'applyThenStatus' in fault) {
      // Applied, then answered with an error: an outcome the client cannot know.
      respond(route, incoming).commit?.();
      await sleeper.sleep(standIn.delayMs);
      send(req, res, entry, faultAnswer(route, { status: fault.applyThenStatus }));
      return;
    }
    if (fault && 'status' in fault) {
      await sleeper.sleep(standIn.delayMs);
      send(req, res, entry, faultAnswer(route, fault));
      return;
    }

    const answer = respond(route, incoming);
    if (fault && 'appliedRawBody' in fault) {
      // The request takes effect as usual, and C1 answers with this text: an accepted call with an odd answer.
      answer.commit?.();
      await sleeper.sleep(standIn.delayMs);
      send(req, res, entry, { status: answer.status, body: fault.appliedRawBody });
      return;
    }
    if (fault && 'truncate' in fault) {
      await sleeper.sleep(standIn.delayMs);
      truncate(req, res, answer);
      return;
    }
    // Applied first and answered late: a delay past the client's timeout is an Update whose answer was lost.
    answer.commit?.();
    await sleeper.sleep(standIn.delayMs + (fault && 'delayMs' in fault ? fault.delayMs : 0));
    send(req, res, entry, answer);
  }

  /** @param {Route | 'unknown'} route @param {Incoming} incoming @returns {Answer} */
  function respond(route, incoming) {
    if (route === 'token') return tokenEndpoint(incoming);
    if (route === 'unknown') {
      if (incoming.url.pathname === `${COLLECTION}/`) {
        return {
          status: 301,
          body: `<a href="${COLLECTION}">Moved Permanently</a>.\n`,
          headers: { location: COLLECTION, 'content-type': 'text/html; charset=utf-8' }
        };
      }
      return rpcError(404, 'Not Found');
    }
    const expiresAt = incoming.bearer === undefined ? undefined : tokens.get(incoming.bearer);
    if (expiresAt === undefined || expiresAt <= Date.now()) return rpcError(401, 'unauthenticated: invalid or expired token');
    if (rotation.handles(route)) return rotation.respond(route, incoming);
    switch (route) {
      case 'list':
        return list(incoming.url.searchParams.get('pageToken') ?? '');
      case 'get':
        return get(idOf(incoming.url.pathname));
      case 'update':
        return update(idOf(incoming.url.pathname), incoming.raw);
      case 'testSourceIp':
        if (standIn.testSourceIpForbidden) return rpcError(403, 'permission denied: the caller may not test source IPs');
        return ok({ allowed: true, checkedIp: standIn.sourceIp ?? incoming.remoteAddress, details: null });
    }
  }

  /** @param {Incoming} incoming @returns {Answer} */
  function tokenEndpoint(incoming) {
    if (!incoming.form) return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    const form = /** @type {Record<string, string>} */ (incoming.body ?? {});
    if (form.grant_type === undefined) return oauthError(400, 'invalid_request', 'grant_type is required');
    if (form.grant_type === CLIENT_CREDENTIALS) return clientCredentials(form, standIn.sourceIp ?? incoming.remoteAddress);
    if (form.grant_type === TOKEN_EXCHANGE) return tokenExchange(form);
    return oauthError(400, 'unsupported_grant_type', `grant_type "${form.grant_type}" is not supported`);
  }

  /** @param {Record<string, string>} form @param {string} seenAt the address C1 sees @returns {Answer} */
  function clientCredentials(form, seenAt) {
    const clientId = form.client_id;
    if (!clientId) return oauthError(400, 'invalid_request', 'client_id is required');
    const hasAssertion = form.client_assertion !== undefined;
    const hasSecret = form.client_secret !== undefined;
    if (hasAssertion === hasSecret) return oauthError(400, 'invalid_request', 'give exactly one of client_assertion and client_secret');
    if (hasAssertion && form.client_assertion_type !== JWT_BEARER) {
      return oauthError(400, 'invalid_request', `client_assertion_type must be ${JWT_BEARER}`);
    }
    const credential = credentials.get(clientId);
    if (!credential) return oauthError(401, 'invalid_client', 'unknown client_id');
    if (!rotation.usable(clientId)) return oauthError(401, 'invalid_client', 'client is not active yet');
    if (hasSecret) {
      return form.client_secret === credential.secret
        ? rotation.owned(tokenAnswer(), clientId)
        : oauthError(401, 'invalid_client', 'client_secret does not match');
    }
    const problem = assertionProblem(/** @type {string} */ (form.client_assertion), credential, audience);
    if (problem !== undefined) return oauthError(401, 'invalid_client', problem);
    return sourceAllowed(credential.id, seenAt)
      ? rotation.owned(tokenAnswer(), clientId)
      : oauthError(401, 'invalid_client', `source address ${seenAt} is not allowed`);
  }

  /**
   * sourceAllowed checks the address against the list that applies now to the personal client with this id (a
   * credential with no record, such as an spc, is not checked); an empty list allows any address.
   * @param {string} id @param {string} address
   */
  function sourceAllowed(id, address) {
    const now = Date.now();
    const applied = (appliedCidrs.get(id) ?? []).filter((entry) => entry.from <= now).at(-1);
    if (!records.has(id) || applied === undefined || applied.list.length === 0) return true;
    return applied.list.some((cidr) => cidrContains(cidr, address));
  }

  /** @param {Record<string, string>} form @returns {Answer} */
  function tokenExchange(form) {
    if (!oidc) return oauthError(400, 'unsupported_grant_type', 'token exchange is not enabled on this tenant');
    if (form.subject_token_type !== JWT_TOKEN_TYPE)
      return oauthError(400, 'invalid_request', `subject_token_type must be ${JWT_TOKEN_TYPE}`);
    if (!form.subject_token) return oauthError(400, 'invalid_request', 'subject_token is required');
    if (!form.client_id) return oauthError(400, 'invalid_request', 'client_id is required');
    if (!wfeClients.has(form.client_id)) return oauthError(401, 'invalid_client', 'unknown workload federation trust');
    const problem = subjectTokenProblem(form.subject_token, oidc);
    return problem === undefined ? tokenAnswer({ issued_token_type: ACCESS_TOKEN_TYPE }) : oauthError(401, 'invalid_grant', problem);
  }

  /** @param {Record<string, unknown>} [extra] @returns {Answer} */
  function tokenAnswer(extra = {}) {
    const token = newToken();
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: tokenLifetime, ...extra },
      headers: { 'cache-control': 'no-store' },
      commit: () => {
        tokens.set(token, Date.now() + tokenLifetime * 1000);
        standIn.minted.push(token);
      }
    };
  }

  /** @param {string} pageToken @returns {Answer} */
  function list(pageToken) {
    if (standIn.endlessPageTokenLength !== undefined) {
      const token = `${pageToken.length}-${randomBytes(8).toString('hex')}`.padEnd(standIn.endlessPageTokenLength, 'x');
      return ok({ list: [], nextPageToken: token });
    }
    const all = sortedRecords();
    let start = 0;
    if (pageToken !== '') {
      const after = decodePageToken(pageToken);
      if (after === undefined) return rpcError(400, `invalid pageToken "${pageToken}"`);
      start = all.findIndex((record) => record.id > after);
      if (start === -1) start = all.length;
    }
    const page = all.slice(start, start + pageSize);
    const last = page.at(-1);
    const more = start + pageSize < all.length && last !== undefined;
    return ok({ list: page.map(clone), nextPageToken: more ? encodePageToken(last.id) : '' });
  }

  /** @param {string} id @returns {Answer} */
  function get(id) {
    const record = records.get(id);
    return record ? ok({ client: clone(record) }) : notFound(id);
  }

  /** @param {string} id @param {string} raw @returns {Answer} */
  function update(id, raw) {
    /** @type {unknown} */
    let body;
    try {
      body = JSON.parse(raw);
    } catch (error) {
      return rpcError(400, `invalid JSON body: ${/** @type {Error} */ (error).message}`);
    }
    if (!isObject(body)) return rpcError(400, 'the request body must be a JSON object');
    // protojson reads a null message as an absent one.
    const client = body.client ?? {};
    if (!isObject(client)) return rpcError(400, 'client must be an object');
    const mask = body.updateMask;
    if (typeof mask !== 'string' || mask === '') return rpcError(400, 'updateMask is required: a comma-separated list of field paths');
    const paths = mask.split(',');
    for (const path of paths) {
      // FieldMask's JSON form is lowerCamelCase; protojson refuses a path with '_'.
      if (path.includes('_') || (!WRITABLE.includes(path) && !READ_ONLY.includes(path))) {
        return rpcError(400, `unknown field "${path}" in updateMask`);
      }
      if (READ_ONLY.includes(path)) return rpcError(400, `field "${path}" in updateMask is read-only`);
    }
    /** @type {Record<string, unknown>} */
    const changes = {};
    for (const path of paths) {
      const value = fieldValue(path, client);
      if ('problem' in value) return rpcError(400, value.problem);
      changes[path] = value.value;
    }
    const current = records.get(id);
    if (!current) return notFound(id);
    const next = { ...clone(current), ...changes, updatedAt: timestamp(Date.now()) };
    const commit = () => {
      records.set(id, next);
      if ('allowSourceCidr' in changes) {
        appliedCidrs.get(id)?.push({ list: [...(next.allowSourceCidr ?? [])], from: Date.now() + standIn.cidrDelayMs });
      }
    };
    return { ...ok({ client: clone(next) }), commit };
  }

  function sortedRecords() {
    return [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/**
 * fieldValue reads one masked field from an Update's client, cleared when absent, and validates it.
 * protojson accepts a field's JSON name and its proto name, and reads null as the default value.
 * @param {string} path @param {Record<string, unknown>} client
 * @returns {{ value: unknown } | { problem: string }}
 */
function fieldValue(path, client) {
  const snake = path.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  const given = client[path] ?? client[snake] ?? null;
  switch (path) {
    case 'displayName':
      if (given === null) return { value: '' };
      return typeof given === 'string'
        ? { value: given }
        : { problem: `invalid value for string field displayName: ${JSON.stringify(given)}` };
    case 'scopedRoles':
      if (given === null) return { value: [] };
      return isStringList(given)
        ? { value: [...given] }
        : { problem: `scopedRoles must be a list of strings, got ${JSON.stringify(given)}` };
    case 'allowSourceCidr': {
      if (given === null) return { value: [] };
      if (!isStringList(given)) return { problem: `allowSourceCidr must be a list of strings, got ${JSON.stringify(given)}` };
      if (given.length > MAX_CIDRS) return { problem: `allowSourceCidr: at most ${MAX_CIDRS} CIDRs are allowed, got ${given.length}` };
      for (const [index, cidr] of given.entries()) {
        const problem = cidrProblem(cidr);
        if (problem !== undefined) return { problem: `allowSourceCidr[${index}]: "${cidr}" ${problem}` };
      }
      return { value: [...given] };
    }
    default: {
      // expiresTime, the last writable field
      if (given === null) return { value: null };
      const normalized = typeof given === 'string' ? normalizeTimestamp(given) : undefined;
      return normalized === undefined
        ? { problem: `expiresTime: ${JSON.stringify(given)} is not an RFC 3339 timestamp` }
        : { value: normalized };
    }
  }
}

/**
 * assertionProblem says why a client assertion fails C1's checks, or returns undefined when it passes.
 * @param {string} assertion @param {Credential} credential @param {string} audience @returns {string | undefined}
 */
function assertionProblem(assertion, credential, audience) {
  const jws = decodeJws(assertion);
  if (typeof jws === 'string') return jws;
  const { header, claims } = jws;
  if (header.alg !== 'EdDSA') return `alg must be EdDSA, got ${JSON.stringify(header.alg)}`;
  if (typeof header.nonce !== 'string' || !/^[0-9a-f]{32}$/.test(header.nonce)) return 'header nonce must be 32 lowercase hex characters';
  if (!verify(null, jws.signingInput, credential.publicKey, jws.signature)) return 'signature does not verify with the client key';
  if (claims.iss !== credential.clientId) return 'iss must be the client_id';
  if (claims.sub !== credential.clientId) return 'sub must be the client_id';
  const aud = Array.isArray(claims.aud) && claims.aud.length === 1 ? claims.aud[0] : claims.aud;
  if (aud !== audience) return `aud must be "${audience}", got ${JSON.stringify(claims.aud)}`;
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number') return 'exp claim is required';
  if (claims.exp <= now) return 'assertion has expired';
  if (claims.exp - now > MAX_ASSERTION_LIFETIME_S) return `exp must be within ${MAX_ASSERTION_LIFETIME_S} s from now`;
  if (typeof claims.nbf !== 'number') return 'nbf claim is required';
  if (claims.nbf > now + CLOCK_SKEW_S) return 'assertion is not valid yet (nbf)';
  if (typeof claims.iat !== 'number') return 'iat claim is required';
  if (claims.iat > now + CLOCK_SKEW_S) return 'iat is in the future';
  return undefined;
}

/**
 * subjectTokenProblem says why a GitHub OIDC token fails the workload federation trust, or returns undefined.
 * @param {string} token @param {OidcTrust} trust @returns {string | undefined}
 */
function subjectTokenProblem(token, trust) {
  const jws = decodeJws(token);
  if (typeof jws === 'string') return `subject_token: ${jws}`;
  const { header, claims } = jws;
  if (header.alg !== 'RS256') return `subject_token alg must be RS256, got ${JSON.stringify(header.alg)}`;
  if (!verify('sha256', jws.signingInput, trust.publicKey, jws.signature)) return 'subject_token signature does not verify';
  if (claims.iss !== trust.issuer) return `subject_token iss must be "${trust.issuer}"`;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(trust.audience)) return `subject_token aud must contain "${trust.audience}", got ${JSON.stringify(claims.aud)}`;
  const now = Date.now() / 1000;
  if (typeof claims.iat !== 'number') return 'subject_token iat claim is required';
  if (now - claims.iat >= MAX_SUBJECT_TOKEN_AGE_S) return `subject_token was issued more than ${MAX_SUBJECT_TOKEN_AGE_S / 60} minutes ago`;
  if (claims.iat > now + CLOCK_SKEW_S) return 'subject_token iat is in the future';
  if (typeof claims.exp !== 'number' || claims.exp <= now) return 'subject_token has expired';
  if (typeof claims.nbf === 'number' && claims.nbf > now + CLOCK_SKEW_S) return 'subject_token is not valid yet (nbf)';
  return undefined;
}

/**
 * decodeJws splits a compact JWS into its parsed parts, or returns why it is malformed.
 * @param {string} compact
 * @returns {{ header: Record<string, unknown>, claims: Record<string, unknown>, signingInput: Buffer, signature: Buffer } | string}
 */
function decodeJws(compact) {
  const parts = compact.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return 'not a compact JWS of three base64url parts';
  const [header, claims, signature] = /** @type {[string, string, string]} */ (parts);
  const decoded = [header, claims].map((part) => {
    try {
      return /** @type {unknown} */ (JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    } catch {
      return undefined;
    }
  });
  const [headerJson, claimsJson] = decoded;
  if (!isObject(headerJson)) return 'JWS header is not a JSON object';
  if (!isObject(claimsJson)) return 'JWS payload is not a JSON object';
  return {
    header: headerJson,
    claims: claimsJson,
    signingInput: Buffer.from(`${header}.${claims}`),
    signature: Buffer.from(signature, 'base64url')
  };
}

/**
 * cidrProblem says why text is not a canonical CIDR (the network address, spelled canonically), or returns
 * undefined when it is one. IPv6 is canonical in RFC 5952 short form.
 * @param {string} text @returns {string | undefined}
 */
function cidrProblem(text) {
  const match = /^([^/]+)\/(0|[1-9]\d{0,2})$/.exec(text);
  if (!match) return 'is not a CIDR (address/prefix)';
  const [, address = '', prefixText] = match;
  const prefix = Number(prefixText);
  const words = addressWords(address);
  if (!words) return 'does not hold a valid IP address';
  const width = words.length === 4 ? 8 : 16;
  if (prefix > words.length * width) return `has a prefix longer than ${words.length * width}`;
  const network = words.map((word, index) => {
    const kept = Math.min(width, Math.max(0, prefix - index * width));
    return kept === 0 ? 0 : (word >> (width - kept)) << (width - kept);
  });
  const canonical = `${network.length === 4 ? network.join('.') : formatIPv6(network)}/${prefix}`;
  return canonical === text ? undefined : `is not a canonical network CIDR (expected "${canonical}")`;
}

/**
 * cidrContains says whether a CIDR holds an address (of the same family).
 * @param {string} cidr @param {string} address @returns {boolean}
 */
function cidrContains(cidr, address) {
  const [network = '', prefixText = ''] = cidr.split('/');
  const net = addressWords(network);
  const words = addressWords(unmapped(address));
  if (!net || !words || net.length !== words.length) return false;
  const width = words.length === 4 ? 8 : 16;
  const prefix = Number(prefixText);
  return words.every((word, index) => {
    const kept = Math.min(width, Math.max(0, prefix - index * width));
    return kept === 0 || word >> (width - kept) === (net[index] ?? 0) >> (width - kept);
  });
}

/**
 * addressWords parses an IP literal into four bytes (IPv4) or eight 16-bit groups (IPv6); undefined if invalid.
 * @param {string} address @returns {number[] | undefined}
 */
function addressWords(address) {
  if (isIPv4(address)) return address.split('.').map(Number);
  if (!isIPv6(address) || address.includes('%')) return undefined;
  let text = address;
  const embedded = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (embedded) {
    const [a, b, c, d] = embedded.slice(1).map(Number);
    text = `${text.slice(0, embedded.index)}${(((a ?? 0) << 8) | (b ?? 0)).toString(16)}:${(((c ?? 0) << 8) | (d ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16));
}

/**
 * formatIPv6 writes eight groups in RFC 5952 form: lower-case hex, the first longest run of two or more zero
 * groups shortened to `::`.
 * @param {number[]} groups @returns {string}
 */
function formatIPv6(groups) {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < groups.length;) {
    let end = start;
    while (end < groups.length && groups[end] === 0) end++;
    if (end - start > best.length) best = { start, length: end - start };
    start = end === start ? start + 1 : end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * normalizeTimestamp checks an RFC 3339 timestamp and rewrites it as protojson prints one: UTC, `Z`, and 0, 3, 6
 * or 9 fraction digits. Undefined when the text is not a valid timestamp.
 * @param {string} text @returns {string | undefined}
 */
function normalizeTimestamp(text) {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const [, , , , , , , fraction = '', , sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const local = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
  // Date.UTC rolls 30 February over into March; reading the parts back catches impossible dates and times.
  const back = [
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds()
  ];
  if (back.some((part, index) => part !== [year, month, day, hour, minute, second][index])) return undefined;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const nanos = fraction.padEnd(9, '0');
  const digits = /^0+$/.test(nanos) ? '' : nanos.endsWith('000000') ? nanos.slice(0, 3) : nanos.endsWith('000') ? nanos.slice(0, 6) : nanos;
  return `${new Date(local.getTime() - offsetMs).toISOString().slice(0, 19)}${digits && `.${digits}`}Z`;
}

/** timestamp prints a time as protojson does (no fraction when it is zero). @param {number} ms */
function timestamp(ms) {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** @param {string} method @param {string} pathname @returns {Route | 'unknown'} */
function routeOf(method, pathname) {
  if (pathname === TOKEN_PATH) return method === 'POST' ? 'token' : 'unknown';
  if (pathname === TEST_SOURCE_IP_PATH) return method === 'POST' ? 'testSourceIp' : 'unknown';
  if (pathname === COLLECTION) return method === 'GET' ? 'list' : 'unknown';
  if (idOf(pathname) === '') return 'unknown';
  if (method === 'GET') return 'get';
  return method === 'POST' ? 'update' : 'unknown';
}

/** idOf is the record id in a `/personal_clients/{id}` path, or '' when the path is not one. @param {string} pathname */
function idOf(pathname) {
  const rest = pathname.startsWith(`${COLLECTION}/`) ? pathname.slice(COLLECTION.length + 1) : '';
  if (rest.includes('/')) return '';
  try {
    return decodeURIComponent(rest);
  } catch {
    return '';
  }
}

/** @param {string} id */
function encodePageToken(id) {
  return Buffer.from(JSON.stringify({ after: id })).toString('base64url');
}

/** @param {string} token @returns {string | undefined} */
function decodePageToken(token) {
  try {
    const decoded = /** @type {unknown} */ (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return isObject(decoded) && typeof decoded.after === 'string' ? decoded.after : undefined;
  } catch {
    return undefined;
  }
}

/** @param {Route | 'unknown'} route @param {{ status: number, body?: unknown, headers?: Record<string, string> }} fault @returns {Answer} */
function faultAnswer(route, fault) {
  const headers = Object.fromEntries(Object.entries(fault.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  if (fault.body !== undefined) return { status: fault.status, body: fault.body, headers };
  const description = `injected fault: ${fault.status} ${STATUS_CODES[fault.status] ?? ''}`.trim();
  if (route !== 'token') return { ...rpcError(fault.status, description), headers };
  const error =
    fault.status === 401
      ? 'invalid_client'
      : fault.status === 503
        ? 'temporarily_unavailable'
        : fault.status >= 500
          ? 'server_error'
          : 'invalid_request';
  return { ...oauthError(fault.status, error, description), headers };
}

/** @param {unknown} body @returns {Answer} */
function ok(body) {
  return { status: 200, body };
}

/** rpcError is a google.rpc.Status answer, as grpc-gateway writes one. @param {number} status @param {string} message @returns {Answer} */
function rpcError(status, message) {
  return { status, body: { code: GRPC_CODES[/** @type {keyof typeof GRPC_CODES} */ (status)] ?? 2, message, details: [] } };
}

/** @param {string} id */
function notFound(id) {
  return rpcError(404, `personal client "${id}" not found`);
}

/** @param {number} status @param {string} error @param {string} description @returns {Answer} */
function oauthError(status, error, description) {
  return { status, body: { error, error_description: description }, headers: { 'cache-control': 'no-store' } };
}

/**
 * send writes an answer and records its status in the log entry. A client that gave up (its timeout) gets nothing.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {LoggedRequest | undefined} entry @param {Answer} answer
 */
function send(req, res, entry, answer) {
  if (entry) entry.status = answer.status;
  if (req.socket.destroyed) return;
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * truncate announces the whole answer's length, sends half of it and drops the connection.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {Answer} answer
 */
function truncate(req, res, answer) {
  if (req.socket.destroyed) return;
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers, 'content-length': Buffer.byteLength(text) });
  res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * parseBody reads a body for the log and the routes: form fields, else JSON, else the raw text (undefined if empty).
 * @param {string} raw @param {boolean} form @returns {unknown}
 */
function parseBody(raw, form) {
  if (form) return Object.fromEntries(new URLSearchParams(raw));
  if (raw === '') return undefined;
  try {
    return /** @type {unknown} */ (JSON.parse(raw));
  } catch {
    return raw;
  }
}

/**
 * createSleeper makes delays that close() can end at once, so a stopped stand-in leaves no timers behind.
 */
function createSleeper() {
  /** @type {Set<{ timer: ReturnType<typeof setTimeout>, resolve: () => void }>} */
  const pending = new Set();
  return {
    /** @param {number} ms @returns {Promise<void>} */
    sleep(ms) {
      if (ms <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        const wait = {
          timer: setTimeout(() => {
            pending.delete(wait);
            resolve();
          }, ms),
          resolve
        };
        pending.add(wait);
      });
    },
    wakeAll() {
      for (const wait of pending) {
        clearTimeout(wait.timer);
        wait.resolve();
      }
      pending.clear();
    }
  };
}

/** @param {import('node:net').Server} server @param {string} host @returns {Promise<void>} */
function listen(server, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function newToken() {
  return randomBytes(32).toString('base64url');
}

/** unmapped writes an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) as IPv4. @param {string} address */
function unmapped(address) {
  return address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/** @template T @param {T} value @returns {T} */
function clone(value) {
  return /** @type {T} */ (JSON.parse(JSON.stringify(value)));
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value @returns {value is string[]} */
function isStringList(value) {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

// ——— Rotation (the rotate action): Create, Delete and introspect, and service principal credentials. ———
//
// A block of its own: personal client Create (POST on the collection) and Delete, `GET /api/v1/auth/introspect`
// (the caller's userId: for a token minted by an spc credential, its service principal), and the service
// principal credential routes List/Get/Create/Delete. A new credential can be made usable only after a delay
// (`newCredentialDelayMs`), a revoked one stops minting at once, and a credential revoking itself can be refused
// (`refuseSelfRevoke`), as tests of the rotate action need.

/** @typedef {'create' | 'delete' | 'introspect' | 'spcList' | 'spcGet' | 'spcCreate' | 'spcDelete'} RotationRoute */
/**
 * @typedef {{
 *   id: string, clientId: string, servicePrincipalId: string, displayName: string, allowSourceCidrs: string[] | null,
 *   scopedRoleIds: string[] | null, expiresAt: string | null, createdAt: string, lastUsedAt: string | null, requireDpop: boolean
 * }} SpcRecord
 */

/** rotationRouteNames is a function so that ROUTES, near the top, can use it. @returns {RotationRoute[]} */
function rotationRouteNames() {
  return ['create', 'delete', 'introspect', 'spcList', 'spcGet', 'spcCreate', 'spcDelete'];
}
const ROTATION_ROUTES = rotationRouteNames();
const INTROSPECT_PATH = '/api/v1/auth/introspect';
const SP_PREFIX = '/api/v1/service_principals/';
const SPC_MAX_S = 180 * 86_400;

/**
 * rotationRouteOf names the rotation routes; undefined for every other path, which routeOf then reads.
 * @param {string} method @param {string} pathname @returns {RotationRoute | undefined}
 */
function rotationRouteOf(method, pathname) {
  if (pathname === INTROSPECT_PATH) return method === 'GET' ? 'introspect' : undefined;
  if (pathname === COLLECTION && method === 'POST') return 'create';
  if (method === 'DELETE' && idOf(pathname) !== '') return 'delete';
  const sp = spcPath(pathname);
  if (sp === undefined) return undefined;
  if (sp.id === undefined) return method === 'GET' ? 'spcList' : method === 'POST' ? 'spcCreate' : undefined;
  return method === 'GET' ? 'spcGet' : method === 'DELETE' ? 'spcDelete' : undefined;
}

/** @param {string} pathname @returns {{ sp: string, id: string | undefined } | undefined} */
function spcPath(pathname) {
  if (!pathname.startsWith(SP_PREFIX)) return undefined;
  const parts = pathname.slice(SP_PREFIX.length).split('/');
  if (parts.length < 2 || parts.length > 3 || parts[1] !== 'credentials' || parts[0] === '') return undefined;
  try {
    const sp = decodeURIComponent(parts[0] ?? '');
    const id = parts[2] === undefined ? undefined : decodeURIComponent(parts[2]);
    return id === '' ? undefined : { sp, id };
  } catch {
    return undefined;
  }
}

/**
 * rotationRoutes holds the rotation state beside the stand-in's own and answers its routes.
 * @param {{ records: Map<string, PersonalClient>, credentials: Map<string, Credential>, tokens: Map<string, number>,
 *   clientHost: string, now: () => number, tokenEndpoint: (incoming: Incoming) => Answer }} world
 */
function rotationRoutes(world) {
  /** @type {Map<string, Map<string, SpcRecord>>} */
  const spcs = new Map();
  /** @type {Map<string, number>} client ID → when it may first mint */
  const usableAt = new Map();
  /** @type {Map<string, string>} access token → the client ID that minted it */
  const minters = new Map();
  /** @type {string[]} client IDs made by Create, in order */
  const madeByCreate = [];
  let serial = 0;
  const api = {
    /** Milliseconds before a newly created credential may mint a token. */
    newCredentialDelayMs: 0,
    /** When true, a credential may not delete itself (403), as C1 may refuse. */
    refuseSelfRevoke: false,
    /** When true, personal client Create answers 403, as for a personal client's own token. */
    pccCreateForbidden: false,
    /** seedSpc adds a service principal credential and lets it mint. @param {string} sp @param {string} name @param {Partial<SpcRecord>} [fields] */
    seedSpc(sp, name, fields = {}) {
      const credential = generateCredential(name, world.clientHost, 'spc');
      world.credentials.set(credential.clientId, credential);
      spcsOf(sp).set(name, {
        id: name,
        clientId: credential.clientId,
        servicePrincipalId: sp,
        displayName: '',
        allowSourceCidrs: [],
        scopedRoleIds: [],
        expiresAt: null,
        createdAt: timestamp(world.now() - 86_400_000),
        lastUsedAt: null,
        requireDpop: false,
        ...clone(fields)
      });
      return credential;
    },
    /** spcRecords returns copies of a service principal's credentials. @param {string} sp @returns {SpcRecord[]} */
    spcRecords(sp) {
      return [...spcsOf(sp).values()].map(clone);
    },
    /** secretOf gives the secret of a credential the stand-in made (for tests that compare what GitHub holds). @param {string} clientId */
    secretOf(clientId) {
      return world.credentials.get(clientId)?.secret;
    },
    /** createdAlive lists the client IDs of credentials Create made that are not revoked. @returns {string[]} */
    createdAlive() {
      return madeByCreate.filter((clientId) => world.credentials.has(clientId));
    },
    /**
     * tokenStatus answers a token request form exactly as the token endpoint would, without a socket: tests
     * check "this pair mints a token right now" without making HTTP requests inside the test process.
     * @param {Record<string, string>} form @returns {number}
     */
    tokenStatus(form) {
      const raw = new URLSearchParams(form).toString();
      const url = new URL(TOKEN_PATH, 'http://stand-in');
      return world.tokenEndpoint({ url, raw, body: form, form: true, bearer: undefined, remoteAddress: '127.0.0.1' }).status;
    },
    /** alive says whether a client ID may still authenticate (not revoked). @param {string} clientId */
    alive(clientId) {
      return world.credentials.has(clientId);
    }
  };
  // Tests set the switches on the stand-in object that Object.assign copied them to: read them there.
  let settings = api;
  return {
    api,
    /** @param {typeof api} full */
    settingsFrom(full) {
      settings = full;
    },
    /** @param {Route | 'unknown'} route @returns {route is RotationRoute} */
    handles: (route) => ROTATION_ROUTES.includes(/** @type {RotationRoute} */ (route)),
    /** @param {string} clientId */
    usable: (clientId) => (usableAt.get(clientId) ?? 0) <= world.now(),
    /** owned records which client minted a token, when the answer is committed. @param {Answer} answer @param {string} clientId @returns {Answer} */
    owned(answer, clientId) {
      const token = /** @type {{ access_token?: string }} */ (answer.body).access_token;
      const commit = answer.commit;
      return {
        ...answer,
        commit: () => {
          commit?.();
          if (token !== undefined) minters.set(token, clientId);
        }
      };
    },
    /** @param {RotationRoute} route @param {Incoming} incoming @returns {Answer} */
    respond(route, incoming) {
      const caller = incoming.bearer === undefined ? undefined : minters.get(incoming.bearer);
      const path = spcPath(incoming.url.pathname);
      switch (route) {
        case 'introspect':
          return ok({
            userId: userOf(caller),
            principleId: userOf(caller),
            tenantId: 'tenant-1',
            roles: [],
            permissions: [],
            features: []
          });
        case 'create':
          if (settings.pccCreateForbidden) return rpcError(403, 'permission denied: personal clients cannot create personal clients');
          return create('pcc', DEFAULT_USER_ID, incoming.raw);
        case 'delete':
          return revoke(caller, idOf(incoming.url.pathname), () => {
            const record = world.records.get(idOf(incoming.url.pathname));
            return record && { clientId: record.clientId, drop: () => world.records.delete(record.id) };
          });
        case 'spcList': {
          const all = [...spcsOf(path?.sp ?? '').values()].sort((a, b) => (a.id < b.id ? -1 : 1));
          const after = incoming.url.searchParams.get('pageToken') ?? '';
          const start = after === '' ? 0 : all.findIndex((r) => r.id > (decodePageToken(after) ?? '\uffff'));
          const from = start < 0 ? all.length : start;
          const page = all.slice(from, from + 2);
          const more = from + 2 < all.length;
          return ok({ list: page.map(clone), nextPageToken: more ? encodePageToken(page.at(-1)?.id ?? '') : '' });
        }
        case 'spcGet': {
          const record = spcsOf(path?.sp ?? '').get(path?.id ?? '');
          return record ? ok({ credential: clone(record) }) : rpcError(404, `credential "${path?.id ?? ''}" not found`);
        }
        case 'spcCreate':
          return create('spc', path?.sp ?? '', incoming.raw);
        case 'spcDelete':
          return revoke(caller, path?.id ?? '', () => {
            const records = spcsOf(path?.sp ?? '');
            const record = records.get(path?.id ?? '');
            return record && { clientId: record.clientId, drop: () => records.delete(record.id) };
          });
      }
    }
  };

  /** @param {string} sp */
  function spcsOf(sp) {
    let found = spcs.get(sp);
    if (found === undefined) {
      found = new Map();
      spcs.set(sp, found);
    }
    return found;
  }

  /** userOf: a personal client's user, or for an spc credential its service principal. @param {string | undefined} clientId */
  function userOf(clientId) {
    for (const [sp, records] of spcs) for (const record of records.values()) if (record.clientId === clientId) return sp;
    return DEFAULT_USER_ID;
  }

  /**
   * create makes a credential of either kind from a Create body, strict on the fields C1 reads.
   * @param {'pcc' | 'spc'} kind @param {string} owner @param {string} raw @returns {Answer}
   */
  function create(kind, owner, raw) {
    /** @type {unknown} */
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return rpcError(400, 'invalid JSON body');
    }
    if (!isObject(body)) return rpcError(400, 'the request body must be a JSON object');
    const cidrField = kind === 'pcc' ? 'allowSourceCidr' : 'allowSourceCidrs';
    const cidrs = body[cidrField] ?? [];
    const roles = body.scopedRoles ?? [];
    if (!isStringList(cidrs) || cidrs.length > MAX_CIDRS || cidrs.some((c) => cidrProblem(c) !== undefined)) {
      return rpcError(400, `${cidrField} must be at most ${MAX_CIDRS} canonical CIDRs`);
    }
    if (!isStringList(roles)) return rpcError(400, 'scopedRoles must be a list of strings');
    if (typeof body.displayName !== 'string') return rpcError(400, 'displayName is required');
    const expires = typeof body.expires === 'string' ? /^(\d+)s$/.exec(body.expires) : null;
    if (body.expires !== undefined && body.expires !== null && expires === null)
      return rpcError(400, `expires: invalid Duration ${JSON.stringify(body.expires)}`);
    const seconds = expires === null ? undefined : Number(expires[1]);
    if (kind === 'spc' && (seconds === undefined || seconds > SPC_MAX_S)) return rpcError(400, 'expires must be set and at most 180 days');
    const name = `rotated-${++serial}-${randomBytes(3).toString('hex')}`;
    const credential = generateCredential(name, world.clientHost, kind);
    const now = world.now();
    const expiresTime = seconds === undefined ? null : timestamp(now + seconds * 1000);
    const commit = () => {
      world.credentials.set(credential.clientId, credential);
      madeByCreate.push(credential.clientId);
      usableAt.set(credential.clientId, now + settings.newCredentialDelayMs);
      if (kind === 'pcc') {
        world.records.set(name, {
          id: name,
          clientId: credential.clientId,
          userId: owner,
          displayName: body.displayName,
          allowSourceCidr: [...cidrs],
          scopedRoles: [...roles],
          expiresTime,
          createdAt: timestamp(now),
          updatedAt: timestamp(now),
          lastUsedAt: null,
          deletedAt: null
        });
      } else {
        spcsOf(owner).set(name, {
          id: name,
          clientId: credential.clientId,
          servicePrincipalId: owner,
          displayName: body.displayName,
          allowSourceCidrs: [...cidrs],
          scopedRoleIds: [...roles],
          expiresAt: expiresTime,
          createdAt: timestamp(now),
          lastUsedAt: null,
          requireDpop: false
        });
      }
    };
    const record =
      kind === 'pcc'
        ? {
            client: {
              id: name,
              clientId: credential.clientId,
              displayName: body.displayName,
              allowSourceCidr: cidrs,
              scopedRoles: roles,
              expiresTime,
              createdAt: timestamp(now)
            }
          }
        : {
            credential: {
              id: name,
              clientId: credential.clientId,
              servicePrincipalId: owner,
              displayName: body.displayName,
              allowSourceCidrs: cidrs,
              scopedRoleIds: roles,
              expiresAt: expiresTime,
              createdAt: timestamp(now),
              requireDpop: false
            }
          };
    return { status: 200, body: { ...record, clientSecret: credential.secret }, commit };
  }

  /**
   * revoke deletes a credential: it stops minting at once; 404 when it does not exist.
   * @param {string | undefined} caller @param {string} id @param {() => { clientId: string, drop: () => void } | undefined} find
   * @returns {Answer}
   */
  function revoke(caller, id, find) {
    const found = find();
    if (found === undefined) return rpcError(404, `credential "${id}" not found`);
    if (settings.refuseSelfRevoke && caller === found.clientId)
      return rpcError(403, 'permission denied: a credential cannot revoke itself');
    return {
      ...ok({}),
      commit: () => {
        found.drop();
        world.credentials.delete(found.clientId);
      }
    };
  }
}
