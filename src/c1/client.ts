import type { Auth } from '../config/connection.js';
import type { ClientId, Tenant } from '../config/tenant.js';
import { TimeoutError, type HttpResponse, type Transport } from '../net/http.js';
import type { ClientSecret } from '../config/secret.js';
import { assertionForm, tokenRequest, type TokenDeps } from './auth.js';
import { bodyMessage, C1Error, excerpt, messageOf, shapeOf, statusText } from './errors.js';
import { backoffMs, parseRetryAfter, RETRYABLE_STATUSES, type RetryPolicy } from './retry.js';
import { isObject, readPersonalClient, type ClientFields, type PersonalClient } from './types.js';
import { parseClientSecret, secretMasks } from '../config/secret.js';
import {
  checkId,
  collectionPath,
  createBody,
  credentialPath,
  describe,
  expectRecord,
  listName,
  toRecord,
  type CredentialRecord,
  type CredentialRef,
  type NewCredential,
  type Owner
} from './credentials.js';

export interface C1ClientOptions {
  readonly tenant: Tenant;
  readonly auth: Auth;
  readonly transport: Transport;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly tokenDeps: TokenDeps;
  /** `core.debug`: method, path, status and duration of each request; never headers or bodies. */
  readonly debug: (line: string) => void;
}

interface Call {
  /** What the error message calls this request: "Update of personal client 'blue-whale'". */
  readonly what: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  readonly bearer: boolean;
  /** Runner-IP detection asks once, with its own short timeout and cancellation (the quorum is its redundancy). */
  readonly once?: { readonly timeoutMs: number; readonly signal: AbortSignal };
  /** Sent once, whatever the answer (a Create, which is not idempotent); its caller decides about a 429. */
  readonly single?: boolean;
}

/** MintAttempt is how one token request with a credential's own key went, for verification to judge. */
export type MintAttempt =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly status: number; readonly oauthError: string | undefined; readonly message: string }
  | { readonly kind: 'network'; readonly message: string };

/**
 * AcceptedMalformed is an Update that C1 accepted (a 2xx with a JSON body) whose answer is not the record C1
 * promises: the change went through, so the step records it as accepted, and still fails naming the Update.
 */
export class AcceptedMalformed extends C1Error {
  readonly accepted = true;
}

/** CreatedCredential is a Create's answer: the new record and its secret, already masked. */
export interface CreatedCredential {
  readonly record: CredentialRecord;
  readonly secret: ClientSecret;
  /** The secret as C1 wrote it, for GitHub; never logged. */
  readonly secretText: string;
}

export interface ListPage {
  readonly list: readonly PersonalClient[];
  readonly nextPageToken: string;
}

/**
 * C1Client is the one place that talks to C1: it builds URLs and headers, mints and renews the access token,
 * applies the timeout and the retry policy, and turns failures into messages that name the operation.
 */
export class C1Client {
  private token: Promise<string> | undefined;

  constructor(private readonly options: C1ClientOptions) {}

  /** accessToken gives the bearer token: the given one, or one minted once per step and shared by all calls. */
  accessToken(): Promise<string> {
    const auth = this.options.auth;
    if (auth.kind === 'token') return Promise.resolve(auth.token);
    this.token ??= this.mint(auth);
    return this.token;
  }

  private async mint(auth: Exclude<Auth, { kind: 'token' }>): Promise<string> {
    const request = await tokenRequest(auth, this.options.tenant.hostname, this.options.tokenDeps);
    const body = await this.call(
      { what: `token request with ${request.what}`, method: 'POST', path: '/auth/v1/token', form: request.form, bearer: false },
      request.what
    );
    const token = isObject(body) && typeof body.access_token === 'string' && body.access_token !== '' ? body.access_token : undefined;
    if (token === undefined) {
      throw new C1Error(`C1's token endpoint answered without an access_token for ${request.what}.`, 200, false);
    }
    this.options.tokenDeps.mask(token);
    return token;
  }

  /**
   * mintOnce asks the token endpoint, once and without retries, for a token with a credential's own key (not
   * the caller's): verification proves that C1 accepts that credential from here. The token is masked and
   * thrown away; nothing is thrown, the caller judges the attempt.
   */
  async mintOnce(clientId: ClientId, secret: ClientSecret): Promise<MintAttempt> {
    const form = assertionForm(clientId, secret, this.options.tenant.hostname, this.options.tokenDeps);
    const started = Date.now();
    let response: HttpResponse;
    try {
      response = await this.send(
        { what: 'verification token request', method: 'POST', path: '/auth/v1/token', form, bearer: false },
        undefined
      );
    } catch (error) {
      return { kind: 'network', message: describeNetworkError(error) };
    }
    this.options.debug(`POST /auth/v1/token (verification) → ${response.status} in ${Date.now() - started} ms`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      parsed = undefined;
    }
    if (response.status >= 200 && response.status < 300) {
      const token =
        isObject(parsed) && typeof parsed.access_token === 'string' && parsed.access_token !== '' ? parsed.access_token : undefined;
      if (token === undefined)
        return { kind: 'refused', status: response.status, oauthError: undefined, message: 'an answer without an access_token' };
      this.options.tokenDeps.mask(token);
      return { kind: 'accepted' };
    }
    return {
      kind: 'refused',
      status: response.status,
      oauthError: isObject(parsed) && typeof parsed.error === 'string' ? parsed.error : undefined,
      message: `${statusText(response.status)}: ${bodyMessage(response.body)}`
    };
  }

  /** listPage reads one page of the caller's personal clients, looking for the one a client ID names. */
  async listPage(pageToken: string, lookingFor: string): Promise<ListPage> {
    const query = pageToken === '' ? '' : `?pageToken=${encodeURIComponent(pageToken)}`;
    const what = `List of personal clients (looking for ${lookingFor})`;
    const body = await this.call({ what, method: 'GET', path: `/api/v1/iam/personal_clients${query}`, bearer: true });
    const list = isObject(body) ? body.list : undefined;
    if (!isObject(body) || !(list === undefined || list === null || Array.isArray(list))) {
      throw new C1Error(`C1 ${what} answered 200 with a body that is not a list.`, 200, false);
    }
    const records: PersonalClient[] = [];
    for (const [index, item] of (list ?? []).entries()) {
      const record = readPersonalClient(item);
      if (typeof record === 'string')
        throw new C1Error(`C1 ${what} answered 200 with a malformed record (item ${index}: ${record}).`, 200, false);
      records.push(record);
    }
    const next = body.nextPageToken;
    if (!(next === undefined || next === null || typeof next === 'string')) {
      throw new C1Error(`C1 ${what} answered 200 with a nextPageToken that is not a string.`, 200, false);
    }
    return { list: records, nextPageToken: next ?? '' };
  }

  /** get reads one credential by its id. */
  async get(id: string): Promise<PersonalClient> {
    const what = `Get of personal client '${id}'`;
    const record = readClient(await this.call({ what, method: 'GET', path: clientPath(id), bearer: true }));
    if (typeof record === 'string') throw new C1Error(`C1 ${what} answered 200 ${record}.`, 200, false);
    return record;
  }

  /**
   * update sets the masked fields. Update is idempotent (it sets named fields to given values), so the retry
   * policy may safely send it again after a timeout or a 5xx whose outcome is unknown.
   */
  async update(id: string, client: ClientFields, mask: readonly string[]): Promise<PersonalClient> {
    const what = `Update of personal client '${id}' (fields ${mask.join(', ')})`;
    const body = await this.call({
      what,
      method: 'POST',
      path: clientPath(id),
      json: { client, updateMask: mask.join(',') },
      bearer: true
    });
    const record = readClient(body);
    if (typeof record === 'string') {
      throw new AcceptedMalformed(`C1 accepted the ${what} (HTTP 200), but answered ${record}.`, 200, false);
    }
    return record;
  }

  /**
   * testSourceIp asks C1 which address it sees this request come from: once, for runner-IP detection, within
   * the detection timeout, token included.
   */
  async testSourceIp(once: { timeoutMs: number; signal: AbortSignal }): Promise<string> {
    const what = 'test-source-ip';
    const deadline = AbortSignal.timeout(once.timeoutMs);
    const signal = AbortSignal.any([once.signal, deadline]);
    let body: unknown;
    try {
      body = await this.call({
        what,
        method: 'POST',
        path: '/api/v1/settings/session/test-source-ip',
        json: {},
        bearer: true,
        once: { ...once, signal }
      });
    } catch (error) {
      if (deadline.aborted && !once.signal.aborted) throw new TimeoutError(once.timeoutMs);
      throw error;
    }
    if (!isObject(body) || typeof body.checkedIp !== 'string') throw new C1Error(`C1's ${what} answered without checkedIp.`, 200, false);
    return body.checkedIp;
  }

  // ——— Rotation (the rotate action): introspect, and Get/List/Create/Delete of pcc and spc credentials. ———

  /** introspect asks C1 who the caller is; for a token minted by an spc credential, `userId` is its service principal. */
  async introspect(): Promise<{ readonly userId: string }> {
    const what = 'introspect';
    const body = await this.call({ what, method: 'GET', path: '/api/v1/auth/introspect', bearer: true });
    if (!isObject(body) || typeof body.userId !== 'string' || body.userId === '') {
      throw new C1Error(`C1 ${what} answered without a userId (got ${shapeOf(body)}).`, 200, false);
    }
    // The rotate action puts it into a path as the service principal id.
    checkId(what, 'userId', body.userId);
    return { userId: body.userId };
  }

  /** readCredential reads one pcc or spc credential by its id. */
  async readCredential(ref: CredentialRef): Promise<CredentialRecord> {
    const what = `Get of ${describe(ref)}`;
    const body = await this.call({ what, method: 'GET', path: credentialPath(ref), bearer: true });
    return expectRecord(ref, what, isObject(body) ? (ref.kind === 'pcc' ? body.client : body.credential) : undefined);
  }

  /** credentialPage reads one page of an owner's credentials; records that are not credentials are skipped. */
  async credentialPage(owner: Owner, pageToken: string): Promise<{ list: CredentialRecord[]; nextPageToken: string }> {
    const query = pageToken === '' ? '' : `?pageToken=${encodeURIComponent(pageToken)}`;
    const what = listName(owner);
    const body = await this.call({ what, method: 'GET', path: `${collectionPath(owner)}${query}`, bearer: true });
    const list = isObject(body) ? body.list : undefined;
    if (!isObject(body) || !(list === undefined || list === null || Array.isArray(list))) {
      throw new C1Error(`C1 ${what} answered 200 with a body that is not a list.`, 200, false);
    }
    return {
      list: (list ?? []).flatMap((raw: unknown) => toRecord(owner, raw, what) ?? []),
      nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : ''
    };
  }

  /**
   * createCredential sends a Create once: it is not idempotent, so only a 429 (nothing was created) is sent
   * again. The new secret is masked (whole, key part, JWK `d`) before anything else is done with the answer.
   * A C1Error with `maybeApplied` means the outcome is unknown: a credential may exist that nobody holds.
   */
  async createCredential(owner: Owner, fields: NewCredential): Promise<CreatedCredential> {
    const what = `Create of a ${owner.kind === 'pcc' ? 'personal client' : `credential of service principal '${owner.servicePrincipalId}'`}`;
    const call: Call = { what, method: 'POST', path: collectionPath(owner), json: createBody(owner, fields), bearer: true, single: true };
    let body: unknown;
    for (let attempt = 1; ; attempt++) {
      try {
        body = await this.call(call);
        break;
      } catch (error) {
        if (!(error instanceof C1Error) || error.status !== 429 || error.maybeApplied || attempt >= this.options.retry.maxAttempts)
          throw error;
        await this.wait(attempt, this.options.retry.maxAttempts, statusText(429), undefined);
      }
    }
    const secretText = isObject(body) && typeof body.clientSecret === 'string' ? body.clientSecret : '';
    for (const mask of secretMasks(secretText)) this.options.tokenDeps.mask(mask);
    let secret: ClientSecret | undefined;
    try {
      secret = secretText === '' ? undefined : parseClientSecret('clientSecret', secretText);
    } catch {
      secret = undefined;
    }
    if (secret !== undefined) this.options.tokenDeps.mask(secret.d);
    let record: CredentialRecord | undefined;
    try {
      record = isObject(body) ? toRecord(owner, owner.kind === 'pcc' ? body.client : body.credential, what) : undefined;
    } catch (error) {
      // Created, but under an id that cannot be named in a path: the orphan search reports it.
      throw new C1Error(messageOf(error), 200, false, true);
    }
    if (record === undefined || secret === undefined) {
      // C1 answered 200, so something may have been created, but without what is needed to use it.
      throw new C1Error(
        `C1 ${what} answered 200 without ${record === undefined ? 'the new credential' : 'a usable client secret'}.`,
        200,
        false,
        true
      );
    }
    return { record, secret, secretText };
  }

  /** revokeCredential deletes a credential; 404 means it is already gone. `revoked` says which it was. */
  async revokeCredential(ref: CredentialRef): Promise<'revoked' | 'already gone'> {
    const what = `Delete of ${describe(ref)}`;
    try {
      await this.call({ what, method: 'DELETE', path: credentialPath(ref), json: {}, bearer: true });
      return 'revoked';
    } catch (error) {
      if (error instanceof C1Error && error.status === 404) return 'already gone';
      throw error;
    }
  }

  private async call(call: Call, tokenWhat?: string): Promise<unknown> {
    const outcome = { uncertain: false };
    try {
      return await this.attempt(call, tokenWhat, outcome);
    } catch (error) {
      // An Update whose earlier attempt timed out may have been applied, whatever the last attempt said.
      if (outcome.uncertain && error instanceof C1Error && !error.maybeApplied) {
        throw new C1Error(error.message, error.status, error.retryable, true);
      }
      throw error;
    }
  }

  private async attempt(call: Call, tokenWhat: string | undefined, outcome: { uncertain: boolean }): Promise<unknown> {
    const maxAttempts = call.once === undefined && call.single !== true ? this.options.retry.maxAttempts : 1;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      // Minting fails with its own message and its own retries; only the transport's errors are retried here.
      const minted = call.bearer ? this.accessToken() : undefined;
      const bearer = call.once === undefined ? await minted : await untilAborted(minted, call.once.signal);
      const started = Date.now();
      let response: HttpResponse;
      try {
        response = await this.send(call, bearer);
      } catch (error) {
        if (call.once?.signal.aborted === true) throw error;
        outcome.uncertain = true;
        this.options.debug(`${call.method} ${call.path} failed after ${Date.now() - started} ms`);
        const reason = describeNetworkError(error);
        if (isTlsFailure(error)) {
          // A certificate that does not verify will not verify on the next attempt either.
          throw new C1Error(
            `C1 ${call.what} failed: ${reason}. If a proxy or gateway re-signs TLS, give its CA in NODE_EXTRA_CA_CERTS.`,
            undefined,
            false
          );
        }
        if (isTlsProtocolFailure(error)) {
          // Nor will a server that does not speak TLS at all: OpenSSL's "wrong version number" is an http answer.
          throw new C1Error(
            `C1 ${call.what} failed: ${reason}. The server at ${this.options.tenant.baseUrl} does not speak TLS there: ` +
              "check the tenant's scheme and port (http:// is allowed only for loopback), or a proxy that breaks TLS.",
            undefined,
            false
          );
        }
        if (attempt >= maxAttempts) {
          throw new C1Error(`C1 ${call.what} failed${attempts(attempt)}: ${reason}.`, undefined, true);
        }
        await this.wait(attempt, maxAttempts, reason, undefined);
        continue;
      }
      this.options.debug(`${call.method} ${call.path} → ${response.status} in ${Date.now() - started} ms`);
      if (response.status >= 200 && response.status < 300) return parseJson(call.what, response.body, call.single === true);
      if (response.status >= 500) outcome.uncertain = true;

      if (response.status === 401 && call.bearer) {
        if (this.options.auth.kind === 'token') {
          throw new C1Error(
            `C1 ${call.what} failed: the access token was rejected (expired or revoked?): ${statusText(401)}: ${bodyMessage(response.body)}`,
            401,
            false
          );
        }
        if (!renewed) {
          // A minted token can expire or be revoked mid-step: mint once more and try again, once.
          renewed = true;
          // Only the first of several calls refused with the same token mints anew; the others share it.
          if (this.token === minted) this.token = undefined;
          attempt--;
          continue;
        }
      }
      const retryable = RETRYABLE_STATUSES.has(response.status);
      if (retryable && attempt < maxAttempts) {
        const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), this.options.tokenDeps.now());
        await this.wait(attempt, maxAttempts, statusText(response.status), retryAfter);
        continue;
      }
      // Only a 4xx from the token endpoint is C1 rejecting the credentials; a 5xx or 429 is C1 failing.
      const message =
        tokenWhat !== undefined && response.status < 500 && response.status !== 429
          ? `C1 rejected ${tokenWhat}: ${bodyMessage(response.body)} (${statusText(response.status)})${attempts(attempt)}.`
          : `C1 ${call.what} failed${attempts(attempt)}: ${statusText(response.status)}: ${bodyMessage(response.body)}`;
      throw new C1Error(message, response.status, retryable);
    }
  }

  private send(call: Call, bearer: string | undefined): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(call.form).toString();
    }
    if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
    return this.options.transport({
      method: call.method,
      url: `${this.options.tenant.baseUrl}${call.path}`,
      headers,
      ...(body === undefined ? {} : { body }),
      timeoutMs: call.once?.timeoutMs ?? this.options.timeoutMs,
      ...(call.once === undefined ? {} : { signal: call.once.signal })
    });
  }

  private async wait(attempt: number, maxAttempts: number, reason: string, retryAfterMs: number | undefined): Promise<void> {
    const ms = retryAfterMs ?? backoffMs(attempt, this.options.retry.random);
    this.options.retry.log(`attempt ${attempt + 1} of ${maxAttempts} after ${reason}, waiting ${(ms / 1000).toFixed(1)} s`);
    await this.options.retry.sleep(ms);
  }
}

/** untilAborted waits for a promise, or rejects as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T> | undefined, signal: AbortSignal): Promise<T | undefined> {
  if (promise === undefined) return Promise.resolve(undefined);
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** clientPath refuses an empty id: C1 answers a trailing-slash path with a redirect to the collection. */
function clientPath(id: string): string {
  if (id === '') throw new Error('internal: empty personal client id');
  return `/api/v1/iam/personal_clients/${encodeURIComponent(id)}`;
}

function attempts(n: number): string {
  return n > 1 ? ` after ${n} attempts` : '';
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * parseJson reads a 2xx body. For a `single` call (a Create) the body may hold a new secret not yet masked,
 * so no excerpt is shown, and the outcome is unknown: something may have been created.
 */
function parseJson(what: string, body: string, single: boolean): unknown {
  try {
    return JSON.parse(body);
  } catch {
    if (single) throw new C1Error(`C1 ${what} answered 200 with something that is not JSON.`, 200, false, true);
    throw new C1Error(`C1 ${what} answered 200 with something that is not JSON: ${excerpt(body)}.`, 200, false);
  }
}

/** readClient reads `{"client": PersonalClient}`, or says what is wrong with it, without echoing the body. */
function readClient(body: unknown): PersonalClient | string {
  if (!isObject(body) || !isObject(body.client)) return `without a client (got ${shapeOf(body)})`;
  const record = readPersonalClient(body.client);
  return typeof record === 'string' ? `with a malformed client (${record})` : record;
}

function isTlsFailure(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/u.test(code);
}

/** isTlsProtocolFailure is a TLS handshake that failed on the protocol itself (OpenSSL's EPROTO), not the network. */
function isTlsProtocolFailure(error: unknown): boolean {
  const e = error as NodeJS.ErrnoException | undefined;
  return (e?.code === 'EPROTO' || /^ERR_SSL_/u.test(e?.code ?? '')) && /SSL routines|wrong version number/u.test(e?.message ?? '');
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined ? error.message : `${code} (${error.message})`;
  }
  return String(error);
}
