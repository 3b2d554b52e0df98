import http from 'node:http';
import https from 'node:https';
import type { HttpClient } from '@actions/http-client';
import { getProxyUrl } from '@actions/http-client/lib/proxy';

/** HttpResponse is a whole answer: status, headers and body text. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The whole request, connect to last byte, must finish within this. */
  readonly timeoutMs: number;
  /** Cancels the request early (runner-IP detection stops the slower sources once a quorum agrees). */
  readonly signal?: AbortSignal;
}

/** Transport sends one HTTP request; tests and the C1 client take it as a parameter. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** TimeoutError marks a request that ran out of time, which the retry policy treats like a network error. */
export class TimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no complete answer within ${timeoutMs / 1000} s`);
    this.name = 'TimeoutError';
  }
}

// Bodies past this are not C1 answers; reading them whole would only cost memory.
const MAX_BODY = 4 * 1024 * 1024;

/**
 * createTransport sends requests with Node's own http/https, which gives a true total timeout and cancellation
 * (http-client's request API can do neither). Which requests go through a proxy is `@actions/http-client`'s
 * decision (`https_proxy`, `no_proxy`, loopback always direct), and a proxied request uses its tunnelling
 * agent. The client is imported only then, although @actions/core loads it at start anyway: a static import
 * here puts undici into every test file that touches the C1 client, and nock then stops intercepting in the
 * files Jest runs after one of those in the same worker.
 */
export function createTransport(userAgent: string): Transport {
  const direct = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  // One HttpClient per protocol: each caches the first agent it makes, and an http.Agent cannot carry https.
  let proxied: Promise<{ http: HttpClient; https: HttpClient }> | undefined;
  const agentFor = async (url: URL): Promise<http.Agent> => {
    const secure = url.protocol === 'https:';
    if (getProxyUrl(url) === undefined) return secure ? direct.https : direct.http;
    proxied ??= import('@actions/http-client').then(({ HttpClient: Client }) => ({
      http: new Client(userAgent, [], { keepAlive: true }),
      https: new Client(userAgent, [], { keepAlive: true })
    }));
    const clients = await proxied;
    return (secure ? clients.https : clients.http).getAgent(url.href);
  };
  return async (request) => {
    const url = new URL(request.url);
    const agent = await agentFor(url);
    return new Promise<HttpResponse>((resolve, reject) => {
      const timeout = AbortSignal.timeout(request.timeoutMs);
      const signal = request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]);
      const headers: Record<string, string> = { 'user-agent': userAgent, ...request.headers };
      if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
      const options: https.RequestOptions = { method: request.method, headers, agent, signal };
      const module = url.protocol === 'https:' ? https : http;
      const req = module.request(url, options, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) {
            req.destroy(new Error(`answer larger than ${MAX_BODY} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => reject(toError(error, timeout, request.timeoutMs)));
      });
      req.on('error', (error) => reject(toError(error, timeout, request.timeoutMs)));
      req.end(request.body);
    });
  };
}

function toError(error: Error, timeout: AbortSignal, timeoutMs: number): Error {
  return timeout.aborted ? new TimeoutError(timeoutMs) : error;
}
