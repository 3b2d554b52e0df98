import nock from 'nock';

/**
 * useNock sets nock up for one test file: only loopback may be reached, and nock lets go of http when the file
 * is done (Jest 30 breaks on the next file otherwise). Only the files that use nock call it: with nock loaded
 * into every file, a later nock file in the same Jest worker could find an earlier file's interceptor.
 */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/u);
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.restore();
  });
}
