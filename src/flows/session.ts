import { C1Client } from '../c1/client.js';
import type { Connection } from '../config/connection.js';
import { Env, Input } from '../config/names.js';
import { secretMasks } from '../config/secret.js';
import type { VerifyConfig } from '../config/verify.js';
import type { Runtime } from '../runner/runtime.js';

/** maskSecretInputs masks every secret input before anything could echo one, before any parsing even. */
export function maskSecretInputs(rt: Runtime): void {
  const secrets = [
    rt.read(Input.token),
    rt.read(Input.clientSecret),
    rt.read(Input.verifyClientSecret),
    rt.env[Env.accessToken] ?? '',
    rt.env[Env.clientSecret] ?? '',
    rt.env[Env.oidcToken] ?? ''
  ];
  for (const mask of secrets.flatMap(secretMasks)) rt.setSecret(mask);
}

/** maskVerifySecret masks the JWK's private `d` of `verify-client-secret`, as openClient does for `client-secret`. */
export function maskVerifySecret(rt: Runtime, verify: VerifyConfig): void {
  if (verify.mode === 'token') rt.setSecret(verify.secret.d);
}

/**
 * openClient masks what the parsed connection adds (the JWK's private `d`) and builds the one C1 client both
 * steps use, from the connection settings and the runtime.
 */
export function openClient(connection: Connection, rt: Runtime): C1Client {
  if (connection.auth.kind === 'assertion') rt.setSecret(connection.auth.secret.d);
  return new C1Client({
    tenant: connection.tenant,
    auth: connection.auth,
    transport: rt.transport,
    timeoutMs: connection.requestTimeoutMs,
    retry: { maxAttempts: connection.retryMaxAttempts, sleep: rt.sleep, random: rt.random, log: rt.log.info },
    tokenDeps: { now: rt.now, getIdToken: rt.getIdToken, mask: rt.setSecret },
    debug: rt.log.debug
  });
}
