import { isIP } from 'node:net';
import { InputError, quote } from './errors.js';

/** Tenant is where the action talks to C1: the base URL and the host name that JWT audiences use. */
export interface Tenant {
  /** `https://acme.conductor.one` or `http://127.0.0.1:8080`, no trailing slash. */
  readonly baseUrl: string;
  /** The host name without port: the assertion's `aud` and the default OIDC audience. */
  readonly hostname: string;
}

export type ClientKind = 'pcc' | 'spc' | 'wfe';

/** ClientId is a parsed `<name>@<host>/<kind>`. */
export interface ClientId {
  readonly value: string;
  readonly name: string;
  readonly host: string;
  readonly kind: ClientKind;
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/u;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u;

/** parseClientId reads `<name>@<host>/<kind>`; the host is lower-cased and may carry a port. */
export function parseClientId(input: string, value: string): ClientId {
  const v = value.trim();
  const expected = 'expected <name>@<host>/<kind> with kind pcc, spc or wfe, e.g. blue-whale-12345@acme.conductor.one/pcc';
  const at = v.indexOf('@');
  const slash = v.indexOf('/', at + 1);
  if (at <= 0 || slash < 0) throw new InputError(input, `got ${quote(v)}; ${expected}.`);
  const name = v.slice(0, at);
  const host = v.slice(at + 1, slash).toLowerCase();
  const kind = v.slice(slash + 1);
  // A single-label host (`x@acme/pcc`) would resolve through the runner's DNS search domain, not to C1.
  const hostname = host.split(':')[0] ?? '';
  const qualified = hostname.includes('.') || hostname === 'localhost';
  if (!NAME.test(name) || !isHostPort(host) || !qualified || (kind !== 'pcc' && kind !== 'spc' && kind !== 'wfe')) {
    throw new InputError(input, `got ${quote(v)}; ${expected}.`);
  }
  return { value: v, name, host, kind };
}

function isHostPort(hostPort: string): boolean {
  if (!HOST.test(hostPort)) return false;
  const port = /:(\d+)$/u.exec(hostPort)?.[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

/** isLoopback says whether a URL host name is loopback: 127.0.0.0/8, localhost or [::1]. */
export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return isIP(hostname) === 4 && hostname.startsWith('127.');
}

/**
 * parseTenant turns `acme`, `acme.conductor.one`, `host:port` or `https://host[:port]` into a Tenant. It refuses
 * anything that could send credentials somewhere other than the named host: userinfo, paths, queries,
 * fragments, legacy IPv4 spellings the URL parser would rewrite (`127.1`, `0x7f.0.0.1`), and plain http to
 * anything but loopback.
 */
export function parseTenant(input: string, value: string): Tenant {
  const v = value.trim();
  const expected =
    'expected a tenant name (acme), a host (acme.conductor.one, acme.c1eu.ai) or https://host[:port]; ' + 'http:// only for loopback';
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//iu.exec(v);
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? 'https';
  if (scheme !== 'https' && scheme !== 'http') throw new InputError(input, `got ${quote(v)}; ${expected}.`);
  const hostPort = (schemeMatch === null ? v : v.slice(schemeMatch[0].length).replace(/\/$/u, '')).toLowerCase();
  if (/[/?#@\\]/u.test(hostPort)) {
    throw new InputError(input, `got ${quote(v)}; a tenant cannot carry userinfo, a path, a query or a fragment.`);
  }
  const parts = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/u.exec(hostPort);
  const port = parts?.[2];
  let host = parts?.[1] ?? '';
  // An IPv6 literal needs its scheme (https://[::1]): written bare, it reads too much like a typo.
  const literal = host.startsWith('[');
  if (
    parts === null ||
    (literal ? schemeMatch === null : !HOST.test(host)) ||
    (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535))
  ) {
    throw new InputError(input, `got ${quote(v)}; ${expected}.`);
  }
  // A bare word is a tenant name; with a scheme, the user named the exact host.
  if (schemeMatch === null && !host.includes('.') && host !== 'localhost') host = `${host}.conductor.one`;
  let url: URL;
  try {
    url = new URL(`${scheme}://${host}${port === undefined ? '' : `:${port}`}`);
  } catch {
    throw new InputError(input, `got ${quote(v)}; ${expected}.`);
  }
  if (url.hostname !== host) {
    throw new InputError(input, `got ${quote(v)}; ${host} is not written as a plain host name or address (it would mean ${url.hostname}).`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InputError(input, `got ${quote(v)}; http:// is allowed only for loopback hosts (127.0.0.0/8, localhost, [::1]).`);
  }
  return { baseUrl: url.origin, hostname: url.hostname.replace(/^\[|\]$/gu, '') };
}

/** tenantFromHost makes a Tenant from the host inside a client ID (always https, port kept). */
export function tenantFromHost(input: string, host: string): Tenant {
  return parseTenant(input, `https://${host}`);
}
