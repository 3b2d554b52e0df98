import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startC1 } from '../standin/c1.mjs';
import { startEcho } from '../standin/echo.mjs';
import { runMain, TARGET, type C1 } from './fixtures.js';

// The proxy test needs Debian's tinyproxy, which .ci/run installs. On a machine without it the test is
// skipped with a notice, except in CI, where a missing proxy must fail rather than pass silently.
const HOST = 'c1.proxytest.internal';
const haveTinyproxy = spawnSync('tinyproxy', ['-v']).status === 0;
if (!haveTinyproxy && process.env.CI === 'true') throw new Error('tinyproxy is not installed: .ci/run must install it.');
const describeProxy = haveTinyproxy ? describe : describe.skip;
if (!haveTinyproxy) console.warn('proxy.test.ts skipped: tinyproxy is not installed (apt-get install tinyproxy).');

const tls = resolve('__tests__/fixtures/tls');
const dnsStub = resolve('__tests__/fixtures/dns-stub.cjs');

/** startForwarder is tinyproxy's upstream: it answers CONNECT for any name by dialling 127.0.0.1. */
async function startForwarder(): Promise<Server> {
  const server = createServer();
  server.on('connect', (req, client, head) => {
    const port = Number((req.url ?? '').split(':').pop());
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const port = portOf(probe);
  await new Promise((done) => probe.close(done));
  return port;
}

describeProxy('behind a corporate proxy', () => {
  let c1: C1;
  let forwarder: Server;
  let proxy: ChildProcess;
  let proxyPort: number;
  let dir: string;
  let logFile: string;

  beforeAll(async () => {
    c1 = await startC1({
      tls: { key: readFileSync(join(tls, 'server.key')), cert: readFileSync(join(tls, 'server.pem')) },
      audience: HOST
    });
    forwarder = await startForwarder();
    dir = mkdtempSync(join(tmpdir(), 'c1-leash-proxy-'));
    chmodSync(dir, 0o777); // tinyproxy may drop to nobody before it opens its log
    logFile = join(dir, 'tinyproxy.log');
    proxyPort = await freePort();
    writeFileSync(
      join(dir, 'tinyproxy.conf'),
      [
        `Port ${proxyPort}`,
        'Listen 127.0.0.1',
        'Allow 127.0.0.1',
        'Timeout 30',
        `ConnectPort ${c1.port}`,
        `LogFile "${logFile}"`,
        'LogLevel Info',
        'MaxClients 20',
        `Upstream http 127.0.0.1:${portOf(forwarder)}`
      ].join('\n')
    );
    proxy = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
    const started = Date.now();
    while (!readLog().includes('Starting main loop')) {
      if (Date.now() - started > 10_000) throw new Error(`tinyproxy did not start: ${readLog()}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  });

  afterAll(async () => {
    proxy.kill();
    await new Promise((done) => forwarder.close(done));
    await c1.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function readLog(): string {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  }

  const inputs = (): Record<string, string> => ({
    tenant: `https://${HOST}:${c1.port}`,
    'client-id': c1.caller.clientId,
    'client-secret': c1.caller.secret,
    'personal-client-id': TARGET,
    'allow-source-cidr': '198.51.100.0/24'
  });

  beforeEach(() => {
    c1.seed({ id: TARGET, clientId: `${TARGET}@${HOST}/pcc`, allowSourceCidr: ['10.0.0.0/8'] });
  });

  test('sends every request through https_proxy (CONNECT to the tenant name) and trusts NODE_EXTRA_CA_CERTS', async () => {
    const before = readLog().split(`CONNECT ${HOST}:${c1.port}`).length - 1;
    const result = await runMain(inputs(), {
      env: { https_proxy: `http://127.0.0.1:${proxyPort}`, NODE_EXTRA_CA_CERTS: join(tls, 'ca.pem') }
    });
    expect(result.code).toBe(0);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['198.51.100.0/24']);
    const connects = readLog().split(`CONNECT ${HOST}:${c1.port}`).length - 1 - before;
    expect(connects).toBeGreaterThanOrEqual(1);
  });

  test('goes direct for a host in no_proxy, past the proxy', async () => {
    const before = readLog();
    const result = await runMain(inputs(), {
      env: {
        https_proxy: `http://127.0.0.1:${proxyPort}`,
        no_proxy: HOST,
        NODE_EXTRA_CA_CERTS: join(tls, 'ca.pem'),
        NODE_OPTIONS: `--require ${dnsStub}`
      }
    });
    expect(result.code).toBe(0);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['198.51.100.0/24']);
    expect(readLog().slice(before.length)).not.toContain(`CONNECT ${HOST}`);
  });

  test('mixes an https tenant with plain-http loopback IP sources in one step', async () => {
    // Each protocol needs its own agent: an http.Agent cannot carry an https request, whichever comes first.
    const echoes = [await startEcho({ answer: '8.8.4.4' }), await startEcho({ answer: '8.8.4.4' })];
    try {
      const result = await runMain(
        { ...inputs(), 'allow-source-cidr': 'runner', 'runner-ip-sources': echoes.map((e) => e.url).join(',') },
        { env: { no_proxy: HOST, NODE_EXTRA_CA_CERTS: join(tls, 'ca.pem'), NODE_OPTIONS: `--require ${dnsStub}` } }
      );
      expect(result.code).toBe(0);
      expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['8.8.4.4/32']);
    } finally {
      await Promise.all(echoes.map((e) => e.close()));
    }
  });

  test('fails at once, naming NODE_EXTRA_CA_CERTS, when the certificate is not trusted', async () => {
    const before = readLog().split(`CONNECT ${HOST}:${c1.port}`).length - 1;
    const result = await runMain(inputs(), { env: { https_proxy: `http://127.0.0.1:${proxyPort}` } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::C1 token request .*certificate.*NODE_EXTRA_CA_CERTS/iu);
    // Not retried: exactly one tunnel was opened.
    expect(readLog().split(`CONNECT ${HOST}:${c1.port}`).length - 1 - before).toBe(1);
    expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['10.0.0.0/8']);
  });
});
