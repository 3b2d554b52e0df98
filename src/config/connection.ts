import { InputError } from './errors.js';
import { parseDurationUpTo } from './durations.js';
import { parseInteger } from './lists.js';
import { Defaults, Env, Input } from './names.js';
import { parseClientSecret, type ClientSecret } from './secret.js';
import { parseClientId, parseTenant, tenantFromHost, type ClientId, type Tenant } from './tenant.js';

/** Auth says how the action gets its bearer token. */
export type Auth =
  | { readonly kind: 'token'; readonly token: string; readonly caller: ClientId | undefined }
  | { readonly kind: 'assertion'; readonly caller: ClientId; readonly secret: ClientSecret }
  | {
      readonly kind: 'oidc';
      readonly caller: ClientId;
      readonly audience: string;
      /** A ready subject token from env CONDUCTORONE_OIDC_TOKEN, used instead of asking GitHub for one. */
      readonly subjectToken?: string;
    };

/** Connection is everything both steps need to reach C1: tenant, auth, retry budget and timeout. */
export interface Connection {
  readonly tenant: Tenant;
  readonly auth: Auth;
  readonly retryMaxAttempts: number;
  readonly requestTimeoutMs: number;
  /** Worth a warning, not an error: a tenant other than the client ID's host. */
  readonly warnings: readonly string[];
}

export type ReadInput = (name: string) => string;
export type Environment = Readonly<Record<string, string | undefined>>;

/** parseConnection resolves tenant and authentication per the contract's precedence rules. */
export function parseConnection(read: ReadInput, env: Environment): Connection {
  const token = read(Input.token).trim();
  const clientIdText = read(Input.clientId).trim();
  const secretText = read(Input.clientSecret).trim();
  const audienceText = read(Input.oidcAudience).trim();

  checkToken(Input.token, token);
  if (token !== '' && secretText !== '') {
    throw new InputError(Input.clientSecret, 'cannot be combined with token (ambiguous: give one way to authenticate).');
  }
  if (secretText !== '' && clientIdText === '') {
    throw new InputError(Input.clientSecret, 'needs client-id: the secret belongs to a client ID (<name>@<host>/pcc or /spc).');
  }
  const inputCaller = clientIdText === '' ? undefined : parseClientId(Input.clientId, clientIdText);
  const envCallerText = (env[Env.clientId] ?? '').trim();
  const envCaller = envCallerText === '' ? undefined : parseClientId(Env.clientId, envCallerText);
  // With no way at all to authenticate, say that first: it is the root cause, and a missing tenant follows from it.
  if (token === '' && inputCaller === undefined && envCaller === undefined && (env[Env.accessToken] ?? '').trim() === '') throw noAuth();
  const { tenant, ignored } = resolveTenant(read(Input.tenant).trim(), inputCaller, envCaller, env);

  const oidc = (caller: ClientId, from: string): Auth => {
    const audience = audienceText === '' ? tenant.hostname : audienceText;
    // As C1's Go SDK, cone and the Terraform provider do: a ready subject token beside a wfe client ID in the env.
    const subjectToken = from === Env.clientId ? (env[Env.oidcToken] ?? '').trim() : '';
    if (subjectToken !== '') return { kind: 'oidc', caller, audience, subjectToken };
    if (env.ACTIONS_ID_TOKEN_REQUEST_URL === undefined || env.ACTIONS_ID_TOKEN_REQUEST_TOKEN === undefined) {
      throw new InputError(
        from,
        `${caller.value} is a workload federation (wfe) client ID, which needs a GitHub OIDC token, but ` +
          'ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: add `permissions: id-token: write` to the job.'
      );
    }
    return { kind: 'oidc', caller, audience };
  };
  const withSecret = (caller: ClientId, callerFrom: string, secret: string, secretFrom: string): Auth => {
    if (caller.kind === 'wfe') {
      if (secret !== '')
        throw new InputError(secretFrom, `is not used with a workload federation (wfe) client ID (${caller.value}); remove it.`);
      return oidc(caller, callerFrom);
    }
    if (secret === '') {
      throw new InputError(secretFrom, `is required with a ${caller.kind} client ID (${caller.value}).`);
    }
    return { kind: 'assertion', caller, secret: parseClientSecret(secretFrom, secret) };
  };

  let auth: Auth;
  if (token !== '') {
    // The caller (for `self`) is the client-id input, else the environment's, as the contract's `self` says.
    auth = { kind: 'token', token, caller: inputCaller ?? envCaller };
  } else if (inputCaller !== undefined) {
    auth = withSecret(inputCaller, Input.clientId, secretText, Input.clientSecret);
  } else if ((env[Env.accessToken] ?? '').trim() !== '') {
    auth = { kind: 'token', token: checkToken(Env.accessToken, (env[Env.accessToken] ?? '').trim()), caller: envCaller };
  } else if (envCaller !== undefined) {
    auth = withSecret(envCaller, Env.clientId, (env[Env.clientSecret] ?? '').trim(), Env.clientSecret);
  } else {
    throw noAuth();
  }
  const caller = auth.caller;
  const warnings =
    caller !== undefined && new URL(`https://${caller.host}`).hostname !== tenant.hostname
      ? [`The tenant ${tenant.hostname} is not the host of client ID ${caller.value}: check that both name the same C1 tenant.`]
      : [];
  warnings.push(...ignored);
  return {
    tenant,
    auth,
    warnings,
    retryMaxAttempts: parseInteger(Input.retryMaxAttempts, read(Input.retryMaxAttempts), 1, 10, Defaults.retryMaxAttempts),
    requestTimeoutMs: parseDurationUpTo(Input.requestTimeout, read(Input.requestTimeout), Defaults.requestTimeoutMs, 300_000)
  };
}

/**
 * checkToken refuses a bearer token with a line break or another control character: it cannot be part of a
 * token, and in a header the HTTP client refuses it on every attempt, which would read as a network error. The
 * value is never quoted.
 */
function checkToken(from: string, token: string): string {
  if ([...token].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    throw new InputError(from, 'holds a line break or another control character; give the access token alone, on one line.');
  }
  return token;
}

function noAuth(): InputError {
  return new InputError(
    Input.token,
    'no way to authenticate: give token, or client-id with client-secret (pcc/spc), or a wfe client-id with ' +
      '`permissions: id-token: write`; or set CONDUCTORONE_ACCESS_TOKEN, or CONDUCTORONE_CLIENT_ID with CONDUCTORONE_CLIENT_SECRET.'
  );
}

interface TenantChoice {
  readonly tenant: Tenant;
  /** Warnings for tenant variables that are set but lost to an earlier source and name another tenant. */
  readonly ignored: string[];
}

function resolveTenant(tenant: string, inputCaller: ClientId | undefined, envCaller: ClientId | undefined, env: Environment): TenantChoice {
  const serverUrl = (env[Env.serverUrl] ?? '').trim();
  const domain = (env[Env.tenantDomain] ?? '').trim();
  let chosen: { tenant: Tenant; from: string } | undefined;
  if (tenant !== '') chosen = { tenant: parseTenant(Input.tenant, tenant), from: `the ${Input.tenant} input` };
  else if (inputCaller !== undefined)
    chosen = { tenant: tenantFromHost(Input.clientId, inputCaller.host), from: `the host of ${Input.clientId}` };
  else if (serverUrl !== '') chosen = { tenant: parseTenant(Env.serverUrl, serverUrl), from: Env.serverUrl };
  else if (domain !== '') chosen = { tenant: parseTenant(Env.tenantDomain, domain), from: Env.tenantDomain };
  else if (envCaller !== undefined) chosen = { tenant: tenantFromHost(Env.clientId, envCaller.host), from: `the host of ${Env.clientId}` };
  if (chosen === undefined) {
    throw new InputError(
      Input.tenant,
      'could not tell which tenant to use: give tenant (acme, acme.conductor.one or https://host), or a client-id, ' +
        'or set CONDUCTORONE_SERVER_URL, CONDUCTORONE_TENANT_DOMAIN or CONDUCTORONE_CLIENT_ID.'
    );
  }
  const ignored: string[] = [];
  for (const [name, value] of [
    [Env.serverUrl, serverUrl],
    [Env.tenantDomain, domain]
  ] as const) {
    if (value === '' || chosen.from === name) continue;
    // Said only when it would have named another tenant: the same tenant set twice is not worth a warning.
    let other: Tenant | undefined;
    try {
      other = parseTenant(name, value);
    } catch {
      other = undefined;
    }
    if (other?.baseUrl !== chosen.tenant.baseUrl) {
      ignored.push(`${name} is set but not used: the tenant ${chosen.tenant.baseUrl} comes from ${chosen.from}, which takes precedence.`);
    }
  }
  return { tenant: chosen.tenant, ignored };
}
