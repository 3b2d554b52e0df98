import nock from 'nock';

// Tests only ever talk to loopback; nock lets loopback through and blocks the rest.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);

afterAll(() => {
  // Jest 30 breaks on the next file unless nock lets go of http (toolchain notes).
  nock.restore();
});
