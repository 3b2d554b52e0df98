/**
 * A stand-in for an "IP echo" service such as api.ipify.org: it answers every request with an IP as plain text.
 * Tests make it lie, fail, stall or hang to exercise the runner-IP quorum.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * @typedef {{ answer?: string | undefined, status?: number, delayMs?: number, hang?: boolean, contentType?: string }} EchoSettings
 * @typedef {EchoSettings & { host?: string, tls?: { key: string | Buffer, cert: string | Buffer } }} EchoOptions
 * @typedef {{ method: string, path: string, headers: import('node:http').IncomingHttpHeaders, at: number }} EchoRequest
 */

/**
 * startEcho starts an echo server on an ephemeral port and resolves once it listens.
 * `answer` defaults to the caller's address; `hang` accepts requests and never answers until close().
 * @param {EchoOptions} [options]
 */
export async function startEcho(options = {}) {
  const { host = '127.0.0.1', tls, ...initial } = options;
  /** @type {Required<Omit<EchoSettings, 'answer'>> & { answer?: string | undefined }} */
  const settings = { status: 200, delayMs: 0, hang: false, contentType: 'text/plain', ...initial };
  /** @type {EchoRequest[]} */
  const requests = [];
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();

  const handler = (/** @type {import('node:http').IncomingMessage} */ req, /** @type {import('node:http').ServerResponse} */ res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: { ...req.headers }, at: Date.now() });
    // The settings at arrival decide the answer, so set() mid-request does not change a request already taken.
    const { answer, status, delayMs, hang, contentType } = settings;
    if (hang) return;
    const body = answer ?? unmapped(req.socket.remoteAddress ?? '');
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (req.socket.destroyed) return;
      res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }, delayMs);
    timers.add(timer);
  };
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(undefined));
  });
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;

  return {
    url: `${tls ? 'https' : 'http'}://${isIPv6(host) ? `[${host}]` : host}:${port}`,
    port,
    requests,
    /** set changes the settings for the requests that arrive from now on. @param {EchoSettings} changes */
    set(changes) {
      Object.assign(settings, changes);
    },
    /** close stops the server and destroys open sockets, hanging ones included. @returns {Promise<void>} */
    close() {
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeAllConnections();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return /** @type {Promise<void>} */ (closed);
    }
  };
}

/** unmapped writes an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) as IPv4. @param {string} address */
function unmapped(address) {
  return address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
}
