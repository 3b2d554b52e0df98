import { createPrivateKey, type KeyObject } from 'node:crypto';
import { InputError } from './errors.js';

/** ClientSecret is a parsed `secret-token:conductorone.com:v1:<base64url JWK>`: the Ed25519 signing key. */
export interface ClientSecret {
  readonly key: KeyObject;
  /** The JWK's `kid`, which goes into the JWS header when present. */
  readonly kid: string | undefined;
  /** The JWK's private part, so callers can mask it too. */
  readonly d: string;
}

/**
 * secretMasks is what to mask for a secret before it can appear anywhere: the whole value, and for a C1 client
 * secret its key part too, a secret on its own should anything quote it alone (the JWK's `d` is masked once
 * parsed).
 */
export function secretMasks(value: string): string[] {
  const whole = value.trim();
  if (whole === '') return [];
  const keyPart = whole.split(':')[3];
  return whole.startsWith('secret-token:') && keyPart !== undefined && keyPart !== '' ? [whole, keyPart] : [whole];
}

const EXPECTED = 'expected secret-token:conductorone.com:v1:<base64url Ed25519 JWK> (the value is not repeated here)';

/** parseClientSecret decodes the secret without ever putting any part of it in an error message. */
export function parseClientSecret(input: string, value: string): ClientSecret {
  const parts = value.trim().split(':');
  if (parts.length !== 4 || parts[0] !== 'secret-token' || parts[1] !== 'conductorone.com' || parts[2] !== 'v1') {
    throw new InputError(input, `the value is not a C1 client secret; ${EXPECTED}.`);
  }
  const encoded = parts[3] ?? '';
  if (!/^[A-Za-z0-9_-]+$/u.test(encoded)) throw new InputError(input, `the key part is not base64url; ${EXPECTED}.`);
  let jwk: unknown;
  try {
    jwk = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new InputError(input, `the key part is not a JSON Web Key; ${EXPECTED}.`);
  }
  if (!isEd25519Jwk(jwk)) throw new InputError(input, `the key is not an Ed25519 private JWK (kty OKP, crv Ed25519, x, d); ${EXPECTED}.`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, format: 'jwk' });
  } catch {
    throw new InputError(input, `the Ed25519 key could not be loaded; ${EXPECTED}.`);
  }
  return { key, kid: typeof jwk.kid === 'string' ? jwk.kid : undefined, d: jwk.d };
}

interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d: string;
  kid?: unknown;
}

function isEd25519Jwk(v: unknown): v is Ed25519Jwk {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o.kty === 'OKP' && o.crv === 'Ed25519' && typeof o.x === 'string' && typeof o.d === 'string';
}
