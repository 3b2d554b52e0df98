import { apiCalls, assertionInputs, runMain, startWorld, TARGET, type C1 } from './fixtures.js';

let c1: C1;
beforeEach(async () => {
  c1 = await startWorld();
});
afterEach(() => c1.close());

test('replaces the CIDR list with one token request and one Update, and reports it', async () => {
  const result = await runMain(assertionInputs(c1, { 'allow-source-cidr': '198.51.100.7' }));
  expect(result.code).toBe(0);
  expect(c1.record(TARGET)?.allowSourceCidr).toEqual(['198.51.100.7/32']);
  expect(apiCalls(c1)).toEqual(['POST token', 'POST update']);
  expect(c1.requests[1]?.body).toEqual({ client: { allowSourceCidr: ['198.51.100.7/32'] }, updateMask: 'allowSourceCidr' });
  expect(result.outputs).toMatchObject({ id: TARGET, updated: 'true', 'allow-source-cidr': '198.51.100.7/32', 'previous-allow-source-cidr': '' });
});
