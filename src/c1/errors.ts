/**
 * C1Error is a failed C1 call: the operation, the credential it was about, the HTTP status and C1's own message.
 * `retryable` says whether the last failure was transient; `maybeApplied` that some attempt's outcome was
 * unknown (a network error, a timeout, a 5xx), so C1 may have acted on the request even though the call failed.
 */
export class C1Error extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly maybeApplied = false
  ) {
    super(message);
    this.name = 'C1Error';
  }
}

/** messageOf gives the message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const GRPC_NAMES: Record<number, string> = {
  400: 'invalid argument',
  401: 'unauthenticated',
  403: 'permission denied',
  404: 'not found',
  409: 'conflict',
  429: 'resource exhausted',
  500: 'internal error',
  502: 'bad gateway',
  503: 'unavailable',
  504: 'gateway timeout'
};

/** statusText names an HTTP status the way C1's gRPC gateway means it. */
export function statusText(status: number): string {
  return `HTTP ${status}${GRPC_NAMES[status] === undefined ? '' : ` (${GRPC_NAMES[status]})`}`;
}

/** bodyMessage picks C1's own words out of an error body: google.rpc.Status `message`, or OAuth `error`. */
export function bodyMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) {
      const o = parsed as Record<string, unknown>;
      if (typeof o.error === 'string') {
        return typeof o.error_description === 'string' && o.error_description !== '' ? `${o.error}: ${o.error_description}` : o.error;
      }
      if (typeof o.message === 'string' && o.message !== '') return o.message;
    }
  } catch {
    // Not JSON: fall through to a short excerpt.
  }
  return excerpt(body);
}

/**
 * shapeOf says what a parsed answer was, for an error when it is not what was expected: its first keys, never
 * its values (they may be anything, nested arbitrarily deep, which JSON.stringify would not survive).
 */
export function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) {
    return `an object with ${JSON.stringify(
      Object.keys(value)
        .slice(0, 5)
        .map((k) => k.slice(0, 40))
    )}`;
  }
  return JSON.stringify(value === null ? null : typeof value);
}

/** excerpt shows the first bytes of a body that is not what was expected (a captive portal's HTML, say). */
export function excerpt(body: string): string {
  const flat = body.replace(/\s+/gu, ' ').trim();
  if (flat === '') return 'an empty body';
  return `a body starting ${JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat)}`;
}
