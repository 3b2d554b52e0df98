import { parseConnection, type Connection, type Environment, type ReadInput } from './connection.js';
import { formatDuration, parseDuration, parseDurationUpTo } from './durations.js';
import { InputError, quote } from './errors.js';
import { isPersonalClientId, parseCidrList, parseRoleIds } from './inputs.js';
import { optional, parseBoolean, parseChoice, parseList } from './lists.js';
import { isLoopback, parseClientId, type ClientId } from './tenant.js';
import { Input } from './names.js';

/** The rotate action's own input names, exactly as `rotate/action.yml` spells them (connection inputs are shared). */
export const RotateInput = {
  credential: 'credential',
  servicePrincipalId: 'service-principal-id',
  expiresIn: 'expires-in',
  rotateWithin: 'rotate-within',
  displayName: 'display-name',
  allowSourceCidr: 'allow-source-cidr',
  scopedRoles: 'scoped-roles',
  allowUnrestricted: 'allow-unrestricted',
  githubToken: 'github-token',
  secretName: 'secret-name',
  clientIdVariable: 'client-id-variable',
  clientIdSecret: 'client-id-secret',
  scope: 'scope',
  repository: 'repository',
  environment: 'environment',
  organization: 'organization',
  githubApiUrl: 'github-api-url',
  verify: 'verify',
  verifyTimeout: 'verify-timeout',
  revokeOld: 'revoke-old',
  dryRun: 'dry-run'
} as const;

const DAY_MS = 86_400_000;
const SPC_MAX_MS = 180 * DAY_MS;
const DEFAULT_EXPIRES_MS = 30 * DAY_MS;
const DEFAULT_VERIFY_MS = 90_000;

/**
 * RotateTarget is the credential to replace. `self` is the caller's own (its client ID known, its secret too
 * when given, so it can be written back); a service principal credential without a known service principal
 * is resolved through introspect (self only).
 */
export type RotateTarget =
  | { readonly kind: 'pcc'; readonly self: boolean; readonly id: string | undefined; readonly clientId: string | undefined }
  | {
      readonly kind: 'spc';
      readonly self: boolean;
      readonly id: string | undefined;
      readonly clientId: string | undefined;
      /** undefined: introspect tells (self only). */
      readonly servicePrincipalId: string | undefined;
    };

export type Scope = 'repository' | 'environment' | 'organization';

/** GitHubTarget is where the new pair goes. */
export interface GitHubTarget {
  readonly token: string | undefined;
  readonly apiUrl: string;
  readonly scope: Scope;
  readonly owner: string;
  readonly repo: string;
  readonly environment: string | undefined;
  readonly organization: string | undefined;
  readonly secretName: string;
  readonly clientId: { readonly as: 'variable' | 'secret'; readonly name: string };
}

export interface RotateConfig extends Connection {
  readonly target: RotateTarget;
  readonly expiresInMs: number;
  readonly rotateWithinMs: number | undefined;
  readonly displayName: string | undefined;
  readonly allowSourceCidr: readonly string[] | undefined;
  readonly scopedRoles: readonly string[] | undefined;
  readonly allowUnrestricted: boolean;
  readonly github: GitHubTarget;
  readonly verify: boolean;
  readonly verifyTimeoutMs: number;
  readonly revokeOld: boolean;
  readonly dryRun: boolean;
  readonly jobSummary: boolean;
  readonly warnings: readonly string[];
}

/** parseRotateConfig turns every input of the rotate action into one RotateConfig, or throws the first InputError. */
export function parseRotateConfig(read: ReadInput, env: Environment): RotateConfig {
  const connection = parseConnection(read, env);
  const servicePrincipalId = optional(read(RotateInput.servicePrincipalId));
  if (servicePrincipalId !== undefined && !isPersonalClientId(servicePrincipalId)) {
    throw new InputError(RotateInput.servicePrincipalId, `got ${quote(servicePrincipalId)}; expected a service principal id.`);
  }
  const target = parseRotateTarget(read(RotateInput.credential), servicePrincipalId, connection.auth.caller);
  const expiresInMs =
    optional(read(RotateInput.expiresIn)) === undefined
      ? DEFAULT_EXPIRES_MS
      : parseDuration(RotateInput.expiresIn, read(RotateInput.expiresIn));
  if (expiresInMs < 3_600_000) throw new InputError(RotateInput.expiresIn, `got ${formatDuration(expiresInMs)}; expected at least 1h.`);
  if (target.kind === 'spc' && expiresInMs > SPC_MAX_MS) {
    throw new InputError(RotateInput.expiresIn, `got ${formatDuration(expiresInMs)}; a service principal credential lives at most 180d.`);
  }
  const rotateWithinText = optional(read(RotateInput.rotateWithin));
  const rotateWithinMs = rotateWithinText === undefined ? undefined : parseDuration(RotateInput.rotateWithin, rotateWithinText);
  const warnings = [...connection.warnings];
  if (rotateWithinMs !== undefined && rotateWithinMs >= expiresInMs) {
    warnings.push(
      `rotate-within (${formatDuration(rotateWithinMs)}) is at least expires-in (${formatDuration(expiresInMs)}): every run will rotate.`
    );
  }
  const cidrItems = parseList(read(RotateInput.allowSourceCidr));
  if (cidrItems.length === 0 && read(RotateInput.allowSourceCidr).trim() !== '') {
    throw new InputError(RotateInput.allowSourceCidr, 'holds no CIDRs; leave it empty to copy the old list.');
  }
  if (cidrItems.some((i) => i.toLowerCase() === 'runner')) {
    throw new InputError(RotateInput.allowSourceCidr, "cannot hold 'runner' here: a rotated credential outlives this job's runner.");
  }
  const dryRun = parseBoolean(RotateInput.dryRun, read(RotateInput.dryRun), false);
  const verifyTimeoutMs = parseDurationUpTo(RotateInput.verifyTimeout, read(RotateInput.verifyTimeout), DEFAULT_VERIFY_MS, 600_000);
  return {
    ...connection,
    target,
    expiresInMs,
    rotateWithinMs,
    displayName: optional(read(RotateInput.displayName)),
    allowSourceCidr: cidrItems.length === 0 ? undefined : parseCidrList(RotateInput.allowSourceCidr, cidrItems),
    scopedRoles: parseRoles(read(RotateInput.scopedRoles)),
    allowUnrestricted: parseBoolean(RotateInput.allowUnrestricted, read(RotateInput.allowUnrestricted), false),
    github: parseGitHub(read, env, dryRun),
    verify: parseBoolean(RotateInput.verify, read(RotateInput.verify), true),
    verifyTimeoutMs,
    revokeOld: parseBoolean(RotateInput.revokeOld, read(RotateInput.revokeOld), true),
    dryRun,
    jobSummary: parseBoolean(Input.jobSummary, read(Input.jobSummary), true),
    warnings
  };
}

// GitHub's own rule for secret and variable names: letters, digits, underscores; no leading digit or GITHUB_.
const GITHUB_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/u;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/u;
const REPO = /^[A-Za-z0-9._-]{1,100}$/u;

/** parseRotateTarget reads `credential`: self, a pcc id or client ID, an spc client ID, or an id with service-principal-id. */
export function parseRotateTarget(value: string, servicePrincipalId: string | undefined, caller: ClientId | undefined): RotateTarget {
  const v = value.trim() === '' ? 'self' : value.trim();
  if (v === 'self') {
    if (caller === undefined) {
      throw new InputError(RotateInput.credential, 'self needs to know the caller: give client-id (or set CONDUCTORONE_CLIENT_ID).');
    }
    if (caller.kind === 'wfe') {
      throw new InputError(
        RotateInput.credential,
        `self means the caller's own credential, but ${caller.value} is a workload federation (wfe) client ID, which has no secret to rotate.`
      );
    }
    return caller.kind === 'pcc'
      ? { kind: 'pcc', self: true, id: undefined, clientId: caller.value }
      : { kind: 'spc', self: true, id: caller.name, clientId: caller.value, servicePrincipalId };
  }
  if (v.includes('@')) {
    const parsed = parseClientId(RotateInput.credential, v);
    const self = caller !== undefined && caller.value.toLowerCase() === parsed.value.toLowerCase();
    if (parsed.kind === 'pcc') {
      if (servicePrincipalId !== undefined)
        throw new InputError(RotateInput.servicePrincipalId, 'is only for service principal (spc) credentials.');
      return { kind: 'pcc', self, id: undefined, clientId: parsed.value };
    }
    if (parsed.kind === 'wfe')
      throw new InputError(RotateInput.credential, `got ${quote(v)}; a workload federation (wfe) client ID has no secret to rotate.`);
    if (servicePrincipalId === undefined && !self) {
      throw new InputError(
        RotateInput.servicePrincipalId,
        `is required for a service principal credential other than self (${parsed.value}).`
      );
    }
    return { kind: 'spc', self, id: parsed.name, clientId: parsed.value, servicePrincipalId };
  }
  if (!isPersonalClientId(v))
    throw new InputError(RotateInput.credential, `got ${quote(v)}; expected self, a credential id (blue-whale-12345) or a full client ID.`);
  const self =
    caller !== undefined && caller.name === v && (servicePrincipalId === undefined ? caller.kind === 'pcc' : caller.kind === 'spc');
  return servicePrincipalId === undefined
    ? { kind: 'pcc', self, id: v, clientId: undefined }
    : { kind: 'spc', self, id: v, clientId: undefined, servicePrincipalId };
}

function parseRoles(value: string): string[] | undefined {
  const roles = parseRoleIds(RotateInput.scopedRoles, value);
  if (roles.length === 0 && value.trim() !== '')
    throw new InputError(RotateInput.scopedRoles, 'holds no role IDs; leave it empty to copy the old roles.');
  return roles.length === 0 ? undefined : roles;
}

function parseGitHub(read: ReadInput, env: Environment, dryRun: boolean): GitHubTarget {
  const token = optional(read(RotateInput.githubToken));
  if (token === undefined && !dryRun) {
    throw new InputError(
      RotateInput.githubToken,
      'is required: a token that may write Actions secrets (and variables), e.g. a GitHub App token from actions/create-github-app-token or a fine-grained PAT; GITHUB_TOKEN cannot write secrets.'
    );
  }
  const secretName = githubName(RotateInput.secretName, read(RotateInput.secretName), true) ?? '';
  const variable = githubName(RotateInput.clientIdVariable, read(RotateInput.clientIdVariable), false);
  const secret = githubName(RotateInput.clientIdSecret, read(RotateInput.clientIdSecret), false);
  if ((variable === undefined) === (secret === undefined)) {
    throw new InputError(
      RotateInput.clientIdVariable,
      'give exactly one of client-id-variable (preferred: the client ID is not secret) and client-id-secret.'
    );
  }
  if (secret !== undefined && secret.toUpperCase() === secretName.toUpperCase()) {
    throw new InputError(
      RotateInput.clientIdSecret,
      `is the same secret as secret-name (${secretName}); the client ID and its secret need two.`
    );
  }
  const scope = parseChoice<Scope>(RotateInput.scope, read(RotateInput.scope), ['repository', 'environment', 'organization'], 'repository');
  const environment = optional(read(RotateInput.environment));
  const organization = optional(read(RotateInput.organization));
  const repositoryText = optional(read(RotateInput.repository));
  if (scope !== 'environment' && environment !== undefined)
    throw new InputError(RotateInput.environment, `is only used with scope: environment (scope is ${scope}).`);
  if (scope !== 'organization' && organization !== undefined)
    throw new InputError(RotateInput.organization, `is only used with scope: organization (scope is ${scope}).`);
  if (scope === 'organization' && repositoryText !== undefined)
    throw new InputError(RotateInput.repository, 'is not used with scope: organization.');
  if (scope === 'environment' && environment === undefined)
    throw new InputError(RotateInput.environment, 'is required with scope: environment.');
  // Dot segments would be collapsed by the URL and name another path, whatever the encoding.
  if (
    environment !== undefined &&
    (environment.length > 255 || /[\r\n]/u.test(environment) || environment === '.' || environment === '..')
  ) {
    throw new InputError(RotateInput.environment, `got ${quote(environment)}; expected an environment name.`);
  }
  if (scope === 'organization' && organization === undefined)
    throw new InputError(RotateInput.organization, 'is required with scope: organization.');
  if (organization !== undefined && !OWNER.test(organization))
    throw new InputError(RotateInput.organization, `got ${quote(organization)}; expected an organization name.`);
  let owner = '';
  let repo = '';
  if (scope !== 'organization') {
    const text = repositoryText ?? (env.GITHUB_REPOSITORY ?? '').trim();
    const from = repositoryText === undefined ? 'GITHUB_REPOSITORY' : RotateInput.repository;
    const [o = '', r = '', extra] = text.split('/');
    if (text === '') throw new InputError(RotateInput.repository, 'is required (owner/name): GITHUB_REPOSITORY is not set.');
    if (extra !== undefined || !OWNER.test(o) || !REPO.test(r) || r === '.' || r === '..')
      throw new InputError(from, `got ${quote(text)}; expected owner/name.`);
    owner = o;
    repo = r;
  }
  const apiText = optional(read(RotateInput.githubApiUrl)) ?? optional(env.GITHUB_API_URL ?? '') ?? 'https://api.github.com';
  return {
    token,
    apiUrl: parseApiUrl(apiText),
    scope,
    owner,
    repo,
    environment,
    organization,
    secretName,
    clientId: variable !== undefined ? { as: 'variable', name: variable } : { as: 'secret', name: secret ?? '' }
  };
}

function githubName(input: string, value: string, required: boolean): string | undefined {
  const v = value.trim();
  if (v === '') {
    if (required)
      throw new InputError(input, 'is required: the Actions secret that receives the new client secret (e.g. C1_CLIENT_SECRET).');
    return undefined;
  }
  if (!GITHUB_NAME.test(v) || v.toUpperCase().startsWith('GITHUB_')) {
    throw new InputError(
      input,
      `got ${quote(v)}; GitHub names hold letters, digits and underscores, do not start with a digit or GITHUB_.`
    );
  }
  return v;
}

function parseApiUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const loopback = url !== undefined && isLoopback(url.hostname);
  if (
    url === undefined ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))
  ) {
    throw new InputError(
      RotateInput.githubApiUrl,
      `got ${quote(text)}; expected https://api.github.com or https://<ghes-host>/api/v3 (http:// only for loopback).`
    );
  }
  return url.href.replace(/\/$/u, '');
}
