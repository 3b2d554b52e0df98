/**
 * C1Error is a failed C1 call: the operation, the credential it was about, the HTTP status and C1's own message.
 * `retryable` tells the retry policy whether another attempt could help.
 */
export class C1Error extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly retryAfterMs: number | undefined = undefined
  ) {
    super(message);
    this.name = 'C1Error';
  }
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

/** excerpt shows the first bytes of a body that is not what was expected (a captive portal's HTML, say). */
export function excerpt(body: string): string {
  const flat = body.replace(/\s+/gu, ' ').trim();
  if (flat === '') return 'an empty body';
  return `a body starting ${JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat)}`;
}
