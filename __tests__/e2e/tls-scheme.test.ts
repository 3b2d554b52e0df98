/**
 * A tenant written with https (or without a scheme, which means https) in front of a server that speaks plain
 * http: OpenSSL reports "wrong version number", which no retry can fix. The step fails at once and says to
 * check the scheme, instead of retrying five times.
 */
import { apiCalls, expectFailure, runMain, startWorld, tokenInputs, type C1 } from './fixtures.js';

let c1: C1;
beforeEach(async () => {
  c1 = await startWorld();
});
afterEach(async () => {
  await c1.close();
});

test('https to a plain-http C1 fails at once with a hint about the scheme', async () => {
  const https = c1.url.replace(/^http:/u, 'https:');
  const main = await runMain(tokenInputs(c1, { tenant: https, 'allow-source-cidr': '198.51.100.0/24' }));
  const error = expectFailure(main);
  expect(error).toContain('wrong version number');
  expect(error).toContain(`The server at ${https} does not speak TLS there: check the tenant's scheme and port`);
  expect(main.stdout).not.toMatch(/attempt 2 of/u);
  expect(apiCalls(c1)).toEqual([]);
});
