/**
 * A stand-in for GitHub's REST API (Actions secrets and variables): a real HTTP server on loopback for the rotate
 * action's tests and the demo.
 *
 * Each scope (a repository, an environment of one, an organization) has its own X25519 key pair, generated with
 * libsodium; a secret PUT is opened with the private key, so tests can read the plaintext GitHub would hold.
 * Tokens carry permissions: a `GITHUB_TOKEN`-like token reads the public key but gets 403 "Resource not
 * accessible by integration" on secrets and variables. Faults can be queued per route, as in the C1 stand-in.
 */
import { createServer } from 'node:http';
import sodium from 'libsodium-wrappers';

/**
 * @typedef {'publicKey' | 'getSecret' | 'putSecret' | 'repositories' | 'getVariable' | 'createVariable' | 'updateVariable'} GitHubRoute
 * @typedef {{ status: number, body?: unknown, headers?: Record<string, string> } | { reset: true } | { applyThenStatus: number }
 *   | { applyThenReset: true } | { delayMs: number }} GitHubFault
 * @typedef {{ secrets: 'write' | 'read' | 'none', variables: 'write' | 'read' | 'none', org: boolean }} Permissions
 * @typedef {{ plaintext: string, visibility?: string, selected?: number[], updatedAt: number }} StoredSecret
 * @typedef {{ value: string, visibility?: string, selected?: number[] }} StoredVariable
 * @typedef {{ keyId: string, publicKey: Uint8Array, privateKey: Uint8Array, secrets: Map<string, StoredSecret>,
 *   variables: Map<string, StoredVariable> }} Scope
 * @typedef {{ method: string, path: string, route: GitHubRoute | 'unknown', status: number, body: unknown, at: number }} GitHubRequest
 */

/** @type {readonly GitHubRoute[]} */
const ROUTES = ['publicKey', 'getSecret', 'putSecret', 'repositories', 'getVariable', 'createVariable', 'updateVariable'];

/** startGitHub starts the stand-in on an ephemeral loopback port. */
export async function startGitHub() {
  await sodium.ready;
  /** @type {Map<string, Scope>} */
  const scopes = new Map();
  /** @type {Map<string, Permissions>} */
  const tokens = new Map();
  /** @type {Record<GitHubRoute, GitHubFault[]>} */
  const faults = /** @type {Record<GitHubRoute, GitHubFault[]>} */ (Object.fromEntries(ROUTES.map((r) => [r, []])));
  /** @type {GitHubRequest[]} */
  const requests = [];
  let keySerial = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((/** @type {Error} */ error) => {
      if (!res.headersSent) reply(res, undefined, 500, { message: `stand-in failure: ${error.message}` });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;

  const standIn = {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Milliseconds to wait before every answer (the benchmark's latency). */
    delayMs: 0,
    /** A token that may write secrets and variables (an App installation token with both permissions). */
    appToken: token({ secrets: 'write', variables: 'write', org: true }),
    /** A `GITHUB_TOKEN`-like token: reads the public key, nothing about secrets or variables. */
    workflowToken: token({ secrets: 'none', variables: 'none', org: false }),
    /** token makes a token with the given permissions. @param {Permissions} permissions */
    token,
    /** scopeKey names a scope: `repo:o/r`, `env:o/r:name` or `org:name`. */
    /** secret gives a secret's plaintext as GitHub would hold it. @param {string} scope @param {string} name */
    secret: (scope, name) => scopes.get(scope)?.secrets.get(name)?.plaintext,
    /** secretEntry gives a secret with its org visibility. @param {string} scope @param {string} name */
    secretEntry: (scope, name) => scopes.get(scope)?.secrets.get(name),
    /** variable gives a variable's value. @param {string} scope @param {string} name */
    variable: (scope, name) => scopes.get(scope)?.variables.get(name)?.value,
    variableEntry: (scope, name) => scopes.get(scope)?.variables.get(name),
    /** setSecret seeds a secret. @param {string} scope @param {string} name @param {string} plaintext @param {{ visibility?: string, selected?: number[] }} [org] */
    setSecret(scope, name, plaintext, org = {}) {
      scopeOf(scope).secrets.set(name, { plaintext, ...org, updatedAt: Date.now() });
    },
    /** setVariable seeds a variable. @param {string} scope @param {string} name @param {string} value @param {{ visibility?: string, selected?: number[] }} [org] */
    setVariable(scope, name, value, org = {}) {
      scopeOf(scope).variables.set(name, { value, ...org });
    },
    /** addFault queues a one-shot fault for the next request(s) on a route. @param {GitHubRoute} route @param {GitHubFault} fault @param {number} [times] */
    addFault(route, fault, times = 1) {
      if (!ROUTES.includes(route)) throw new TypeError(`addFault: unknown route "${route}"`);
      for (let i = 0; i < times; i++) faults[route].push(fault);
    },
    /** writes lists the secret and variable writes that reached the stand-in, as `ROUTE name`. */
    writes() {
      return requests.filter((r) => ['putSecret', 'createVariable', 'updateVariable'].includes(r.route)).map((r) => `${r.route} ${r.path}`);
    },
    /** @returns {Promise<void>} */
    close() {
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeAllConnections();
      return closed;
    }
  };
  return standIn;

  /** @param {Permissions} permissions */
  function token(permissions) {
    const value = `ghs_${Buffer.from(sodium.randombytes_buf(18)).toString('hex')}`;
    tokens.set(value, permissions);
    return value;
  }

  /** @param {string} key */
  function scopeOf(key) {
    let scope = scopes.get(key);
    if (scope === undefined) {
      const pair = sodium.crypto_box_keypair();
      scope = {
        keyId: `key-${++keySerial}`,
        publicKey: pair.publicKey,
        privateKey: pair.privateKey,
        secrets: new Map(),
        variables: new Map()
      };
      scopes.set(key, scope);
    }
    return scope;
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    /** @type {unknown} */
    let body;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    if (standIn.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, standIn.delayMs));
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const parsed = parse(req.method ?? '', url.pathname);
    /** @type {GitHubRequest} */
    const entry = { method: req.method ?? '', path: url.pathname, route: parsed?.route ?? 'unknown', status: 0, body, at: Date.now() };
    requests.push(entry);
    if (parsed === undefined) return reply(res, entry, 404, { message: 'Not Found' });
    const auth = /^(?:token|Bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const permissions = auth === undefined ? undefined : tokens.get(auth);
    if (permissions === undefined) return reply(res, entry, 401, { message: 'Bad credentials' });

    const fault = faults[parsed.route].shift();
    if (fault && 'reset' in fault) return void req.socket.destroy();
    if (fault && 'status' in fault)
      return reply(res, entry, fault.status, fault.body ?? { message: `injected fault: ${fault.status}` }, fault.headers);
    if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

    const answer = respond(parsed, permissions, body, url);
    if (fault && 'applyThenReset' in fault) {
      answer.commit?.();
      return void req.socket.destroy();
    }
    if (fault && 'applyThenStatus' in fault) {
      answer.commit?.();
      return reply(res, entry, fault.applyThenStatus, { message: `injected fault: ${fault.applyThenStatus}` });
    }
    answer.commit?.();
    return reply(res, entry, answer.status, answer.body);
  }

  /**
   * @param {{ route: GitHubRoute, scope: string, org: boolean, name: string | undefined }} p @param {Permissions} perms @param {unknown} body @param {URL} url
   * @returns {{ status: number, body?: unknown, commit?: () => void }}
   */
  function respond(p, perms, body, url) {
    const forbidden = { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } };
    if (p.org && !perms.org && p.route !== 'publicKey') return forbidden;
    const scope = scopeOf(p.scope);
    const name = p.name ?? '';
    const b = /** @type {Record<string, unknown>} */ (typeof body === 'object' && body !== null ? body : {});
    switch (p.route) {
      case 'publicKey':
        return { status: 200, body: { key_id: scope.keyId, key: sodium.to_base64(scope.publicKey, sodium.base64_variants.ORIGINAL) } };
      case 'getSecret': {
        if (perms.secrets === 'none') return forbidden;
        const found = scope.secrets.get(name);
        if (!found) return { status: 404, body: { message: 'Not Found' } };
        const meta = { name, created_at: new Date(found.updatedAt).toISOString(), updated_at: new Date(found.updatedAt).toISOString() };
        return {
          status: 200,
          body: p.org
            ? { ...meta, visibility: found.visibility ?? 'private', selected_repositories_url: `${url.pathname}/repositories` }
            : meta
        };
      }
      case 'putSecret': {
        if (perms.secrets !== 'write') return forbidden;
        if (typeof b.encrypted_value !== 'string' || typeof b.key_id !== 'string')
          return { status: 422, body: { message: 'encrypted_value and key_id are required' } };
        if (b.key_id !== scope.keyId) return { status: 422, body: { message: 'key_id does not match the current public key' } };
        let plaintext;
        try {
          const sealed = sodium.from_base64(b.encrypted_value, sodium.base64_variants.ORIGINAL);
          plaintext = sodium.to_string(sodium.crypto_box_seal_open(sealed, scope.publicKey, scope.privateKey));
        } catch {
          return { status: 422, body: { message: 'encrypted_value could not be decrypted with the key' } };
        }
        const org = {};
        if (p.org) {
          if (!['all', 'private', 'selected'].includes(String(b.visibility)))
            return { status: 422, body: { message: 'visibility is required' } };
          Object.assign(org, {
            visibility: b.visibility,
            selected: Array.isArray(b.selected_repository_ids) ? b.selected_repository_ids : undefined
          });
        }
        const existed = scope.secrets.has(name);
        return { status: existed ? 204 : 201, commit: () => scope.secrets.set(name, { plaintext, ...org, updatedAt: Date.now() }) };
      }
      case 'repositories': {
        const kind = url.pathname.includes('/secrets/') ? 'secrets' : 'variables';
        if (perms[kind] === 'none') return forbidden;
        const found = kind === 'secrets' ? scope.secrets.get(name) : scope.variables.get(name);
        if (!found) return { status: 404, body: { message: 'Not Found' } };
        const ids = found.selected ?? [];
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? '30'));
        const page = Number(url.searchParams.get('page') ?? '1');
        const slice = ids.slice((page - 1) * perPage, page * perPage);
        return { status: 200, body: { total_count: ids.length, repositories: slice.map((id) => ({ id, name: `repo-${id}` })) } };
      }
      case 'getVariable': {
        if (perms.variables === 'none') return forbidden;
        const found = scope.variables.get(name);
        if (!found) return { status: 404, body: { message: 'Not Found' } };
        return { status: 200, body: { name, value: found.value, ...(p.org ? { visibility: found.visibility ?? 'private' } : {}) } };
      }
      case 'createVariable': {
        if (perms.variables !== 'write') return forbidden;
        if (typeof b.name !== 'string' || typeof b.value !== 'string')
          return { status: 422, body: { message: 'name and value are required' } };
        if (scope.variables.has(b.name)) return { status: 409, body: { message: 'Already exists' } };
        if (p.org && !['all', 'private', 'selected'].includes(String(b.visibility)))
          return { status: 422, body: { message: 'visibility is required' } };
        const org = p.org
          ? { visibility: String(b.visibility), selected: Array.isArray(b.selected_repository_ids) ? b.selected_repository_ids : undefined }
          : {};
        const vname = b.name;
        const value = b.value;
        return { status: 201, body: {}, commit: () => scope.variables.set(vname, { value, ...org }) };
      }
      case 'updateVariable': {
        if (perms.variables !== 'write') return forbidden;
        const found = scope.variables.get(name);
        if (!found) return { status: 404, body: { message: 'Not Found' } };
        if (typeof b.value !== 'string') return { status: 422, body: { message: 'value is required' } };
        const value = b.value;
        return { status: 204, commit: () => scope.variables.set(name, { ...found, value }) };
      }
    }
  }
}

/**
 * parse reads a REST path into its route and scope key, or undefined for any path this stand-in does not serve.
 * @param {string} method @param {string} pathname
 * @returns {{ route: GitHubRoute, scope: string, org: boolean, name: string | undefined } | undefined}
 */
function parse(method, pathname) {
  const parts = pathname
    .split('/')
    .slice(1)
    .map((p) => decodeURIComponent(p));
  let scope;
  let rest;
  let org = false;
  if (parts[0] === 'repos' && parts[3] === 'actions') {
    scope = `repo:${parts[1]}/${parts[2]}`;
    rest = parts.slice(4);
  } else if (parts[0] === 'repos' && parts[3] === 'environments') {
    scope = `env:${parts[1]}/${parts[2]}:${parts[4]}`;
    rest = parts.slice(5);
  } else if (parts[0] === 'orgs' && parts[2] === 'actions') {
    scope = `org:${parts[1]}`;
    rest = parts.slice(3);
    org = true;
  } else {
    return undefined;
  }
  const [kind, name, extra] = rest;
  if (kind === 'secrets') {
    if (name === 'public-key' && extra === undefined)
      return method === 'GET' ? { route: 'publicKey', scope, org, name: undefined } : undefined;
    if (name === undefined) return undefined;
    if (extra === 'repositories') return org && method === 'GET' ? { route: 'repositories', scope, org, name } : undefined;
    if (extra !== undefined) return undefined;
    if (method === 'GET') return { route: 'getSecret', scope, org, name };
    if (method === 'PUT') return { route: 'putSecret', scope, org, name };
    return undefined;
  }
  if (kind === 'variables') {
    if (name === undefined) return method === 'POST' ? { route: 'createVariable', scope, org, name: undefined } : undefined;
    if (extra === 'repositories') return org && method === 'GET' ? { route: 'repositories', scope, org, name } : undefined;
    if (extra !== undefined) return undefined;
    if (method === 'GET') return { route: 'getVariable', scope, org, name };
    if (method === 'PATCH') return { route: 'updateVariable', scope, org, name };
  }
  return undefined;
}

/**
 * @param {import('node:http').ServerResponse} res @param {GitHubRequest | undefined} entry @param {number} status
 * @param {unknown} body @param {Record<string, string>} [headers]
 */
function reply(res, entry, status, body, headers = {}) {
  if (entry) entry.status = status;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ratelimit-remaining': '4999',
    ...headers,
    'content-length': Buffer.byteLength(text)
  });
  res.end(text);
}
