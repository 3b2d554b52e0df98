import type { GitHubRequest } from './api.js';

/**
 * octokitRequest sends GitHub REST requests through Octokit from `@actions/github` (its proxy support and user
 * agent), at `baseUrl` (GitHub Enterprise Server: `https://<host>/api/v3`). Octokit throws on any status from
 * 400; this gives such answers back as answers, and throws only when none came. Octokit (and undici with it)
 * is loaded on first use, so a run that never reaches GitHub does not pay for it.
 */
export function octokitRequest(token: string, baseUrl: string, timeoutMs: number): GitHubRequest {
  let octokit: Promise<{ request: (route: string, options: Record<string, unknown>) => Promise<unknown> }> | undefined;
  return async (method, path, body) => {
    octokit ??= import('@actions/github').then(({ getOctokit }) => getOctokit(token, { baseUrl }));
    const client = await octokit;
    try {
      const response = (await client.request(`${method} ${path}`, { ...body, request: { signal: AbortSignal.timeout(timeoutMs) } })) as {
        status: number;
        data: unknown;
        headers: Record<string, string | number | undefined>;
      };
      return { status: response.status, data: response.data, headers: response.headers };
    } catch (error) {
      const response = (error as { response?: { status: number; data: unknown; headers: Record<string, string | number | undefined> } })
        .response;
      if (response === undefined) throw new Error(`no answer from GitHub (${error instanceof Error ? error.message : String(error)})`);
      return { status: response.status, data: response.data, headers: response.headers };
    }
  };
}
