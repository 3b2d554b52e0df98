import { allowsAll, parseCidr, unique } from '../net/cidr.js';
import { parseAddress, type Address } from '../net/ip.js';
import { parseConnection, type Auth, type Connection, type Environment, type ReadInput } from './connection.js';
import { parseDuration } from './durations.js';
import { InputError, quote } from './errors.js';
import { optional, parseBoolean, parseChoice, parseInteger, parseList } from './lists.js';
import { Defaults, FIELDS, Input, type Field } from './names.js';
import { isLoopback, parseClientId } from './tenant.js';
import { isCallersOwn, parseVerify, type VerifyConfig } from './verify.js';
import { widens } from '../plan/widening.js';

export type CidrMode = 'replace' | 'add' | 'remove';
export type Cleanup = 'none' | 'restore' | 'lock';
export type IpVersion = 'ipv4' | 'ipv6' | 'both';

/** Target names the credential: its `id`, its full client ID (resolved through List), or the caller's own. */
export type Target = { readonly kind: 'id'; readonly id: string } | { readonly kind: 'clientId'; readonly clientId: string };

/** CidrRequest is `allow-source-cidr`: explicit CIDRs, and whether `runner` was asked for. */
export interface CidrRequest {
  readonly cidrs: readonly string[];
  readonly runner: boolean;
}

export interface RunnerIpConfig {
  /** `runner-ip`, when given: used as is and detection is skipped. */
  readonly given: readonly Address[] | undefined;
  /** URLs, or `c1` for C1's own test-source-ip. */
  readonly sources: readonly string[];
  readonly version: IpVersion;
  readonly quorum: number;
  readonly ipv4Prefix: number;
  readonly ipv6Prefix: number;
  /** min(5 s, request-timeout): the other sources are the redundancy, so one slow source must not stall. */
  readonly timeoutMs: number;
}

/** Config is every input of the main step, validated and typed. */
export interface Config extends Connection {
  readonly target: Target;
  readonly displayName: string | undefined;
  readonly scopedRoles: readonly string[] | undefined;
  readonly allowSourceCidr: CidrRequest | undefined;
  readonly cidrMode: CidrMode;
  readonly allowUnrestricted: boolean;
  /** The new expiry, from `expires-time` or `expires-in`. */
  readonly expiresTime: Date | undefined;
  readonly refreshWithinMs: number | undefined;
  /** The fields to send: `update-mask`, or the fields whose inputs were given. */
  readonly mask: readonly Field[];
  readonly runnerIp: RunnerIpConfig;
  readonly cleanup: Cleanup;
  readonly lockCidr: readonly string[];
  readonly dryRun: boolean;
  readonly jobSummary: boolean;
  readonly verify: VerifyConfig;
  /** Things worth a warning that are not errors (an input that has no effect). */
  readonly warnings: readonly string[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/u;

/** parseConfig turns every input of the main step into one Config, or throws the first InputError. */
export function parseConfig(read: ReadInput, env: Environment, now: Date): Config {
  const connection = parseConnection(read, env);
  const cidrMode = parseChoice<CidrMode>(Input.cidrMode, read(Input.cidrMode), ['replace', 'add', 'remove'], 'replace');
  const allowSourceCidr = parseCidrRequest(read(Input.allowSourceCidr));
  const displayName = optional(read(Input.displayName));
  const scopedRoles = parseRoles(read(Input.scopedRoles));
  const expiresTime = parseExpiry(read(Input.expiresTime), read(Input.expiresIn), now);
  const refreshWithinMs = parseRefreshWithin(read(Input.refreshWithin), expiresTime);
  const allowUnrestricted = parseBoolean(Input.allowUnrestricted, read(Input.allowUnrestricted), false);
  const given: Field[] = [];
  if (displayName !== undefined) given.push('displayName');
  if (scopedRoles !== undefined) given.push('scopedRoles');
  if (allowSourceCidr !== undefined) given.push('allowSourceCidr');
  if (expiresTime !== undefined) given.push('expiresTime');
  const mask = parseMask(read(Input.updateMask), given);

  if (cidrMode !== 'replace' && allowSourceCidr === undefined) {
    throw new InputError(Input.cidrMode, `${cidrMode} needs allow-source-cidr: the CIDRs to ${cidrMode}.`);
  }
  if (!allowUnrestricted) {
    // A masked field with no input is cleared; for these three fields, clearing widens the credential.
    const missing: readonly (readonly [Field, boolean, string])[] = [
      ['allowSourceCidr', allowSourceCidr === undefined, Input.allowSourceCidr],
      ['scopedRoles', scopedRoles === undefined, Input.scopedRoles],
      ['expiresTime', expiresTime === undefined, `${Input.expiresTime} or ${Input.expiresIn}`]
    ];
    const cleared = missing.find(([field, absent]) => absent && mask.includes(field));
    if (cleared !== undefined) {
      const [field, , input] = cleared;
      throw new InputError(
        Input.updateMask,
        `lists ${field} without ${input}, which clears it and leaves ${widens(field, field === 'expiresTime' ? null : [])}; ` +
          'set allow-unrestricted: true if that is really meant.'
      );
    }
    if (cidrMode !== 'remove' && allowSourceCidr !== undefined && allowSourceCidr.cidrs.length > 0 && allowsAll(allowSourceCidr.cidrs)) {
      throw new InputError(
        Input.allowSourceCidr,
        `got ${allowSourceCidr.cidrs.join(', ')}, which covers every address of a family: C1 treats that like an empty list, ` +
          '"allow from anywhere"; set allow-unrestricted: true if that is really meant.'
      );
    }
  }

  const runnerIp = parseRunnerIp(read, connection.requestTimeoutMs);
  const cleanup = parseChoice<Cleanup>(Input.cleanup, read(Input.cleanup), ['none', 'restore', 'lock'], 'none');
  const warnings = [...connection.warnings];
  if (allowSourceCidr?.runner !== true && runnerInputsChanged(read, runnerIp)) {
    warnings.push(
      "runner-ip inputs are set to other than their defaults but allow-source-cidr does not use 'runner'; they have no effect."
    );
  }
  if (cleanup !== 'none' && connection.auth.kind === 'token') {
    warnings.push(
      `cleanup: ${cleanup} runs at the end of the job with the same access token, which fails if the job outlives it; ` +
        'client-id with client-secret, or a wfe client-id, lets the post step mint a fresh one.'
    );
  }
  const target = parseTarget(read(Input.personalClientId), connection);
  const verify = parseVerify(read, connection, target);
  warnings.push(...verify.warnings);
  const own = ownCredential(target, connection.auth);
  if (own !== undefined && cleanup === 'lock') throw selfLock(own);
  if (own !== undefined && allowSourceCidr !== undefined && cleanup === 'none' && cidrMode !== 'remove') {
    warnings.push(
      allowSourceCidr.runner
        ? `allow-source-cidr narrows ${own}, the credential this action authenticates with, to this runner's address with ` +
            'cleanup: none: C1 checks the list when a token is minted, so the next run from another address cannot authenticate. ' +
            'Authenticate with a managing credential (or a wfe client-id) and narrow a second one, or use cleanup: restore.'
        : `allow-source-cidr narrows ${own}, the credential this action authenticates with, to a fixed list: C1 checks the list ` +
            'when a token is minted, so the next run must come from inside that list. Authenticate with a managing credential ' +
            '(or a wfe client-id) to narrow a second one.'
    );
  }
  return {
    ...connection,
    target,
    displayName,
    scopedRoles,
    allowSourceCidr,
    cidrMode,
    allowUnrestricted,
    expiresTime,
    refreshWithinMs,
    mask,
    runnerIp,
    cleanup,
    lockCidr: parseLockCidr(read(Input.lockCidr)),
    dryRun: parseBoolean(Input.dryRun, read(Input.dryRun), false),
    jobSummary: parseBoolean(Input.jobSummary, read(Input.jobSummary), true),
    verify: verify.verify,
    warnings
  };
}

/** CleanupConfig is what the post step reads from the inputs: how to reach C1, which credential, and the lock. */
export interface CleanupConfig extends Connection {
  readonly target: Target;
  readonly lockCidr: readonly string[];
  readonly allowUnrestricted: boolean;
  readonly jobSummary: boolean;
}

/**
 * parseCleanupConfig reads the inputs the post step needs. Not parseConfig: by the end of the job an
 * `expires-time` may no longer be in the future, and the post step must still lock.
 */
export function parseCleanupConfig(read: ReadInput, env: Environment): CleanupConfig {
  const connection = parseConnection(read, env);
  return {
    ...connection,
    target: parseTarget(read(Input.personalClientId), connection),
    lockCidr: parseLockCidr(read(Input.lockCidr)),
    allowUnrestricted: parseBoolean(Input.allowUnrestricted, read(Input.allowUnrestricted), false),
    jobSummary: parseBoolean(Input.jobSummary, read(Input.jobSummary), true)
  };
}

/**
 * ownCredential names the caller's client ID when the target is the credential the action authenticates with
 * (`self`, its full client ID, or an id equal to its name), or undefined when it is another one.
 */
export function ownCredential(target: Target, auth: Auth): string | undefined {
  return auth.caller !== undefined && isCallersOwn(target, auth.caller) ? auth.caller.value : undefined;
}

/** selfLock is the refusal of `cleanup: lock` on the credential the action authenticates with. */
export function selfLock(own: string): InputError {
  return new InputError(
    Input.cleanup,
    `lock would leave ${own}, the credential this action authenticates with, usable only from lock-cidr: C1 checks the ` +
      'list when a token is minted, so the next run could not authenticate. Let a second credential hold the leash: ' +
      'authenticate with a managing credential (or a wfe client-id) and lock the one the job uses, or use cleanup: restore.'
  );
}

/** isPersonalClientId is the rule for a credential id, from the `personal-client-id` input or from C1. */
export function isPersonalClientId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u.test(id);
}

/** parseTarget reads `personal-client-id`; `self` needs the caller's pcc client ID. */
export function parseTarget(value: string, connection: Connection): Target {
  const v = value.trim();
  if (v === '') {
    throw new InputError(Input.personalClientId, 'is required: the credential id (blue-whale-12345), its full client ID, or self.');
  }
  if (v === 'self') {
    const caller = connection.auth.caller;
    if (caller === undefined) {
      throw new InputError(
        Input.personalClientId,
        'self needs to know the caller: give client-id (or set CONDUCTORONE_CLIENT_ID) with the personal (pcc) client ID in use.'
      );
    }
    if (caller.kind !== 'pcc') {
      throw new InputError(
        Input.personalClientId,
        `self means the caller's own personal credential, but the caller ${caller.value} is of kind ${caller.kind}, not pcc.`
      );
    }
    return { kind: 'clientId', clientId: caller.value };
  }
  if (v.includes('@')) {
    const parsed = parseClientId(Input.personalClientId, v);
    if (parsed.kind !== 'pcc') {
      throw new InputError(Input.personalClientId, `got ${quote(v)}; a personal client ID ends in /pcc.`);
    }
    return { kind: 'clientId', clientId: parsed.value };
  }
  if (!isPersonalClientId(v)) {
    throw new InputError(Input.personalClientId, `got ${quote(v)}; expected an id such as blue-whale-12345, a client ID, or self.`);
  }
  return { kind: 'id', id: v };
}

function parseRoles(value: string): string[] | undefined {
  const roles = parseRoleIds(Input.scopedRoles, value);
  return roles.length === 0 ? undefined : roles;
}

/** isRoleId is the rule for a role ID, from an input or from saved state. */
export function isRoleId(role: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/u.test(role);
}

/** parseRoleIds reads a list of role IDs, deduplicated, each checked. */
export function parseRoleIds(input: string, value: string): string[] {
  const roles = unique(parseList(value));
  const bad = roles.find((role) => !isRoleId(role));
  if (bad !== undefined) throw new InputError(input, `got ${quote(bad)}; expected role IDs (letters, digits, . _ : -).`);
  return roles;
}

/** parseCidrList reads a list of CIDRs or IPs, deduplicated, with the 32-entry limit checked on the inputs. */
export function parseCidrList(input: string, items: readonly string[]): string[] {
  const cidrs = unique(items.map((item) => parseCidr(input, item)));
  if (cidrs.length > Defaults.maxCidrs) {
    throw new InputError(input, `holds ${cidrs.length} CIDRs; C1 allows at most ${Defaults.maxCidrs}.`);
  }
  return cidrs;
}

function parseCidrRequest(value: string): CidrRequest | undefined {
  const items = parseList(value);
  if (items.length === 0) return undefined;
  const runner = items.some((i) => i.toLowerCase() === 'runner');
  return {
    cidrs: parseCidrList(
      Input.allowSourceCidr,
      items.filter((i) => i.toLowerCase() !== 'runner')
    ),
    runner
  };
}

function parseLockCidr(value: string): string[] {
  const items = parseList(value);
  if (items.length === 0) return [Defaults.lockCidr];
  if (items.some((i) => i.toLowerCase() === 'runner')) {
    throw new InputError(Input.lockCidr, "cannot hold 'runner': a lock must not depend on where the job ran.");
  }
  const cidrs = parseCidrList(Input.lockCidr, items);
  if (allowsAll(cidrs)) {
    throw new InputError(Input.lockCidr, `got ${cidrs.join(', ')}, which covers every address of a family: that locks nothing.`);
  }
  return cidrs;
}

function parseExpiry(timeText: string, inText: string, now: Date): Date | undefined {
  const time = timeText.trim();
  const inValue = inText.trim();
  if (time !== '' && inValue !== '') throw new InputError(Input.expiresIn, 'cannot be combined with expires-time; give one.');
  if (inValue !== '') return new Date(now.getTime() + parseDuration(Input.expiresIn, inValue));
  if (time === '') return undefined;
  const at = RFC3339.test(time) && isRealDateTime(time) ? new Date(time) : undefined;
  if (at === undefined || Number.isNaN(at.getTime())) {
    throw new InputError(Input.expiresTime, `got ${quote(time)}; expected RFC 3339 such as 2027-01-31T00:00:00Z.`);
  }
  if (at.getTime() <= now.getTime()) throw new InputError(Input.expiresTime, `got ${time}, which is not in the future.`);
  return at;
}

/** isRealDateTime refuses dates that `new Date` would silently roll over (2027-02-30, 24:00:00). */
function isRealDateTime(text: string): boolean {
  const [year, month, day, hour, minute, second] = (text.match(/\d+/gu) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined)
    return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

function parseRefreshWithin(value: string, expiresTime: Date | undefined): number | undefined {
  if (value.trim() === '') return undefined;
  const ms = parseDuration(Input.refreshWithin, value);
  if (expiresTime === undefined) throw new InputError(Input.refreshWithin, 'needs expires-time or expires-in: the expiry to refresh to.');
  return ms;
}

function parseMask(value: string, given: readonly Field[]): Field[] {
  const names = parseList(value);
  if (names.length === 0) {
    if (given.length === 0) {
      throw new InputError(
        Input.updateMask,
        'nothing to change: give at least one of display-name, scoped-roles, allow-source-cidr, expires-time or expires-in (or update-mask to clear a field).'
      );
    }
    return [...given];
  }
  const mask: Field[] = [];
  for (const name of names) {
    const field = FIELDS.find((f) => f === name);
    if (field === undefined) {
      const camel = name.replace(/_([a-z])/gu, (_m, c: string) => c.toUpperCase());
      const hint = FIELDS.some((f) => f === camel) ? ` (C1 wants lowerCamelCase: ${camel})` : '';
      throw new InputError(Input.updateMask, `got unknown field ${quote(name)}${hint}; expected some of ${FIELDS.join(', ')}.`);
    }
    if (!mask.includes(field)) mask.push(field);
  }
  for (const field of given) {
    if (!mask.includes(field)) {
      throw new InputError(Input.updateMask, `leaves out ${field}, whose input is given; add it to the mask or drop the input.`);
    }
  }
  return mask;
}

/**
 * runnerInputsChanged says whether a runner-IP input asks for something other than its default. The runner
 * passes every declared input with its default filled in, so presence cannot tell what the workflow gave.
 */
function runnerInputsChanged(read: ReadInput, parsed: RunnerIpConfig): boolean {
  return (
    parsed.given !== undefined ||
    read(Input.runnerIpSources).trim() !== '' ||
    parsed.version !== 'ipv4' ||
    parsed.quorum !== Defaults.quorum ||
    parsed.ipv4Prefix !== Defaults.ipv4Prefix ||
    parsed.ipv6Prefix !== Defaults.ipv6Prefix
  );
}

function parseRunnerIp(read: ReadInput, requestTimeoutMs: number): RunnerIpConfig {
  const version = parseChoice<IpVersion>(Input.runnerIpVersion, read(Input.runnerIpVersion), ['ipv4', 'ipv6', 'both'], 'ipv4');
  const givenItems = parseList(read(Input.runnerIp));
  const given =
    givenItems.length === 0
      ? undefined
      : givenItems
          .map((item) => {
            const address = parseAddress(item);
            if (address === undefined)
              throw new InputError(Input.runnerIp, `got ${quote(item)}; expected IP addresses such as 203.0.113.7 or 2001:db8::7.`);
            return address;
          })
          .filter((address, i, all) => all.findIndex((a) => a.text === address.text) === i);
  // Deduplicated after normalising, so the same URL written two ways (case, trailing slash) cannot vote twice.
  const sourceItems = unique(parseList(read(Input.runnerIpSources)).map(parseSource));
  const sources =
    sourceItems.length > 0
      ? sourceItems
      : version === 'ipv4'
        ? [...Defaults.ipv4Sources]
        : version === 'ipv6'
          ? [...Defaults.ipv6Sources]
          : [...Defaults.ipv4Sources, ...Defaults.ipv6Sources];
  const quorumText = read(Input.runnerIpQuorum);
  const quorum = parseInteger(Input.runnerIpQuorum, quorumText, 1, 100, Defaults.quorum);
  if (quorum > sources.length) {
    throw new InputError(
      Input.runnerIpQuorum,
      `is ${quorum} but there ${sources.length === 1 ? 'is 1 source' : `are ${sources.length} sources`}; ` +
        'give more runner-ip-sources, or set runner-ip-quorum: 1 to trust a single source.'
    );
  }
  return {
    given,
    sources,
    version,
    quorum,
    ipv4Prefix: parseInteger(Input.runnerIpv4Prefix, read(Input.runnerIpv4Prefix), 1, 32, Defaults.ipv4Prefix),
    ipv6Prefix: parseInteger(Input.runnerIpv6Prefix, read(Input.runnerIpv6Prefix), 1, 128, Defaults.ipv6Prefix),
    timeoutMs: Math.min(Defaults.detectTimeoutCapMs, requestTimeoutMs)
  };
}

function parseSource(item: string): string {
  if (item.toLowerCase() === 'c1') return 'c1';
  let url: URL | undefined;
  try {
    url = new URL(item);
  } catch {
    url = undefined;
  }
  const loopback = url !== undefined && isLoopback(url.hostname);
  if (
    url === undefined ||
    url.username !== '' ||
    url.password !== '' ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))
  ) {
    throw new InputError(Input.runnerIpSources, `got ${quote(item)}; expected https:// URLs (http:// only for loopback) or the word c1.`);
  }
  return url.href;
}
