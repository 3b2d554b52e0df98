/** The action's input names, exactly as `action.yml` and the README spell them. */
export const Input = {
  tenant: 'tenant',
  token: 'token',
  clientId: 'client-id',
  clientSecret: 'client-secret',
  oidcAudience: 'oidc-audience',
  personalClientId: 'personal-client-id',
  displayName: 'display-name',
  scopedRoles: 'scoped-roles',
  allowSourceCidr: 'allow-source-cidr',
  cidrMode: 'cidr-mode',
  allowUnrestricted: 'allow-unrestricted',
  expiresTime: 'expires-time',
  expiresIn: 'expires-in',
  refreshWithin: 'refresh-within',
  updateMask: 'update-mask',
  runnerIp: 'runner-ip',
  runnerIpSources: 'runner-ip-sources',
  runnerIpVersion: 'runner-ip-version',
  runnerIpQuorum: 'runner-ip-quorum',
  runnerIpv4Prefix: 'runner-ipv4-prefix',
  runnerIpv6Prefix: 'runner-ipv6-prefix',
  cleanup: 'cleanup',
  lockCidr: 'lock-cidr',
  dryRun: 'dry-run',
  retryMaxAttempts: 'retry-max-attempts',
  requestTimeout: 'request-timeout',
  jobSummary: 'job-summary',
  verify: 'verify',
  verifyClientSecret: 'verify-client-secret',
  verifyTimeout: 'verify-timeout'
} as const;

/** The environment variables C1's SDKs, `cone` and the Terraform provider share. */
export const Env = {
  accessToken: 'CONDUCTORONE_ACCESS_TOKEN',
  clientId: 'CONDUCTORONE_CLIENT_ID',
  clientSecret: 'CONDUCTORONE_CLIENT_SECRET',
  tenantDomain: 'CONDUCTORONE_TENANT_DOMAIN',
  serverUrl: 'CONDUCTORONE_SERVER_URL',
  oidcToken: 'CONDUCTORONE_OIDC_TOKEN'
} as const;

/** The credential fields the action can change, in C1's lowerCamelCase update-mask names. */
export const FIELDS = ['displayName', 'scopedRoles', 'allowSourceCidr', 'expiresTime'] as const;
export type Field = (typeof FIELDS)[number];

/** Defaults, in one place. */
export const Defaults = {
  lockCidr: '192.0.2.1/32',
  retryMaxAttempts: 5,
  requestTimeoutMs: 15_000,
  quorum: 2,
  ipv4Prefix: 32,
  ipv6Prefix: 128,
  maxCidrs: 32,
  detectTimeoutCapMs: 5_000,
  verifyTimeoutMs: 60_000,
  maxVerifyTimeoutMs: 300_000,
  ipv4Sources: ['https://api.ipify.org', 'https://checkip.amazonaws.com', 'https://ipv4.icanhazip.com'],
  ipv6Sources: ['https://api6.ipify.org', 'https://ipv6.icanhazip.com']
} as const;
