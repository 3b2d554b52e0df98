import type { Connection, ReadInput } from './connection.js';
import { parseDurationUpTo } from './durations.js';
import { InputError } from './errors.js';
import type { Target } from './inputs.js';
import { parseChoice } from './lists.js';
import { Defaults, Input } from './names.js';
import { parseClientSecret, type ClientSecret } from './secret.js';
import { parseClientId, type ClientId } from './tenant.js';

/**
 * VerifyConfig is `verify` and what it needs: the target credential's own secret (a token minted with it is
 * the only proof that C1 accepts the credential from this runner) and how long to keep trying.
 */
export type VerifyConfig =
  | { readonly mode: 'none' }
  | {
      readonly mode: 'token';
      readonly secret: ClientSecret;
      /** The input the secret came from, for messages: `client-secret` (or its env variable) or `verify-client-secret`. */
      readonly secretFrom: string;
      /** The target's client ID when the inputs name it; otherwise C1's answer (the read or the Update) does. */
      readonly clientId: ClientId | undefined;
      readonly timeoutMs: number;
    };

export interface ParsedVerify {
  readonly verify: VerifyConfig;
  readonly warnings: readonly string[];
}

/**
 * parseVerify reads `verify`, `verify-client-secret` and `verify-timeout`. With `verify: token` there must be a
 * way to mint for the target, known before the network (dry run included): its own secret in
 * `verify-client-secret`, or the target is the caller's own personal credential and the action signs with its
 * secret. A bearer token or the OIDC exchange carries no key the action could sign with.
 */
export function parseVerify(read: ReadInput, connection: Connection, target: Target): ParsedVerify {
  const mode = parseChoice<'none' | 'token'>(Input.verify, read(Input.verify), ['none', 'token'], 'none');
  const timeoutMs = parseDurationUpTo(
    Input.verifyTimeout,
    read(Input.verifyTimeout),
    Defaults.verifyTimeoutMs,
    Defaults.maxVerifyTimeoutMs
  );
  const secretText = read(Input.verifyClientSecret).trim();
  const given = secretText === '' ? undefined : parseClientSecret(Input.verifyClientSecret, secretText);
  if (mode === 'none') {
    const warnings = given === undefined ? [] : [`${Input.verifyClientSecret} is given but verify is none; it has no effect.`];
    return { verify: { mode }, warnings };
  }
  const auth = connection.auth;
  const caller = auth.caller !== undefined && isCallersOwn(target, auth.caller) ? auth.caller : undefined;
  const clientId = caller ?? (target.kind === 'clientId' ? parseClientId(Input.personalClientId, target.clientId) : undefined);
  if (given !== undefined) {
    return { verify: { mode, secret: given, secretFrom: Input.verifyClientSecret, clientId, timeoutMs }, warnings: [] };
  }
  if (caller !== undefined && auth.kind === 'assertion') {
    return { verify: { mode, secret: auth.secret, secretFrom: Input.clientSecret, clientId: auth.caller, timeoutMs }, warnings: [] };
  }
  const why =
    auth.kind === 'token'
      ? 'the action authenticates with an access token, which holds no key to sign with'
      : auth.kind === 'oidc'
        ? 'the action authenticates through the GitHub OIDC exchange, which holds no key to sign with'
        : `the action's client-secret belongs to ${auth.caller.value}, not to the credential being changed`;
  throw new InputError(
    Input.verifyClientSecret,
    `is required with verify: token: proving the credential means minting a token with its own secret, and ${why}. ` +
      "Give the changed credential's client secret here, or set verify: none."
  );
}

/**
 * isCallersOwn says whether the target is the credential the action authenticates with: `self`, the caller's
 * client ID, or an id equal to its name (C1's ids are the part of the client ID before `@`).
 */
export function isCallersOwn(target: Target, caller: ClientId): boolean {
  if (caller.kind !== 'pcc') return false;
  // Case-insensitive, as List matches client IDs: on the safe side, a differently cased name is the same one.
  if (target.kind === 'id') return target.id.toLowerCase() === caller.name.toLowerCase();
  const named = parseClientId(Input.personalClientId, target.clientId);
  return named.kind === 'pcc' && named.value.toLowerCase() === caller.value.toLowerCase();
}
