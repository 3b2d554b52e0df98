import { randomBytes, sign } from 'node:crypto';
import type { Auth } from '../config/connection.js';
import type { ClientId } from '../config/tenant.js';
import type { ClientSecret } from '../config/secret.js';
import { messageOf } from './errors.js';

/** TokenRequest is the form posted to `/auth/v1/token`, and what to call the exchange in errors. */
export interface TokenRequest {
  readonly form: Readonly<Record<string, string>>;
  readonly what: string;
}

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * buildAssertion signs the client-credentials JWT exactly as C1's SDKs do: EdDSA, a random 16-byte hex `nonce`
 * in the protected header (and `kid` only when the JWK has one), `iss` = `sub` = the client ID, `aud` = the
 * tenant host without port, and a ±120 s validity window (C1 wants `exp` within five minutes).
 */
export function buildAssertion(caller: ClientId, secret: ClientSecret, audience: string, now: Date): string {
  const header: Record<string, string> = { alg: 'EdDSA', nonce: randomBytes(16).toString('hex') };
  if (secret.kid !== undefined) header.kid = secret.kid;
  const iat = Math.floor(now.getTime() / 1000);
  const claims = { iss: caller.value, sub: caller.value, aud: audience, iat, nbf: iat - 120, exp: iat + 120 };
  const signingInput = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
  return `${signingInput}.${b64(sign(null, Buffer.from(signingInput), secret.key))}`;
}

export interface TokenDeps {
  readonly now: () => Date;
  /** `core.getIDToken`: GitHub's OIDC token for an audience. */
  readonly getIdToken: (audience: string) => Promise<string>;
  /** `core.setSecret`: masks a value before it can appear anywhere. */
  readonly mask: (secret: string) => void;
}

/** assertionForm is the client-credentials form for a credential's own key, its signed assertion masked first. */
export function assertionForm(
  clientId: ClientId,
  secret: ClientSecret,
  audience: string,
  deps: Pick<TokenDeps, 'now' | 'mask'>
): Record<string, string> {
  const assertion = buildAssertion(clientId, secret, audience, deps.now());
  deps.mask(assertion);
  return {
    client_id: clientId.value,
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion
  };
}

/** tokenRequest builds the token-endpoint form for an auth mode that mints its own token. */
export async function tokenRequest(auth: Exclude<Auth, { kind: 'token' }>, tenantHost: string, deps: TokenDeps): Promise<TokenRequest> {
  if (auth.kind === 'assertion') return { what: 'the client credentials', form: assertionForm(auth.caller, auth.secret, tenantHost, deps) };
  let subjectToken = auth.subjectToken ?? '';
  if (subjectToken === '') {
    try {
      subjectToken = await deps.getIdToken(auth.audience);
    } catch (error) {
      throw new Error(`Could not get a GitHub OIDC token for audience '${auth.audience}': ${messageOf(error)}`);
    }
  }
  deps.mask(subjectToken);
  return {
    what: auth.subjectToken === undefined ? 'the GitHub OIDC token exchange' : 'the OIDC token exchange (CONDUCTORONE_OIDC_TOKEN)',
    form: {
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: subjectToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      client_id: auth.caller.value
    }
  };
}
