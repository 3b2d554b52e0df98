import type { GitHubTarget } from '../config/rotate.js';
import { GitHubError, githubMessage, send, type GitHubAnswer, type GitHubRequest, type GitHubRetry } from './api.js';
import { seal } from './seal.js';

/** Existing is what GitHub holds under a name before the rotation: absent, or present with its org visibility. */
export interface Existing {
  readonly exists: boolean;
  /** A variable's current value (variables are readable). */
  readonly value?: string;
  readonly visibility?: string;
  readonly selectedRepositoryIds?: readonly number[];
}

/** Preflight is what the GitHub check read: the key to seal with, and what the two names hold now. */
export interface Preflight {
  readonly key: { readonly keyId: string; readonly key: string };
  readonly secret: Existing;
  readonly clientId: Existing;
}

const MAX_PAGES = 200;

/**
 * GitHubStore reads and writes the Actions secret and the client-ID secret or variable of one scope
 * (repository, environment in a repository, or organization), through the REST paths GitHub documents.
 */
export class GitHubStore {
  constructor(
    private readonly target: GitHubTarget,
    private readonly request: GitHubRequest,
    private readonly retry: GitHubRetry
  ) {}

  /** where names the scope in messages and the summary. */
  where(): string {
    const t = this.target;
    if (t.scope === 'organization') return `organization ${t.organization ?? ''}`;
    if (t.scope === 'environment') return `environment ${t.environment ?? ''} of ${t.owner}/${t.repo}`;
    return `repository ${t.owner}/${t.repo}`;
  }

  /** preflight reads the public key, the secret's metadata and the client ID's; it proves read access to secrets. */
  async preflight(): Promise<Preflight> {
    const [key, secret, clientId] = await Promise.all([
      this.publicKey(),
      this.readSecret(this.target.secretName),
      this.target.clientId.as === 'secret' ? this.readSecret(this.target.clientId.name) : this.readVariable(this.target.clientId.name)
    ]);
    return { key, secret, clientId };
  }

  /** putSecret seals and writes a secret; an org secret keeps its visibility and selected repositories. */
  async putSecret(name: string, value: string, key: Preflight['key'], existing: Existing): Promise<void> {
    const body: Record<string, unknown> = { encrypted_value: await seal(value, key.key), key_id: key.keyId };
    if (this.target.scope === 'organization') Object.assign(body, this.visibility(existing));
    const what = `write of secret ${name} (${this.where()})`;
    const answer = await send(this.request, this.retry, what, 'PUT', this.secretPath(name), body);
    if (answer.status !== 201 && answer.status !== 204) throw this.refusal(what, answer);
  }

  /** writeVariable creates or updates a variable: POST, on 409 PATCH; PATCH, on 404 POST. */
  async writeVariable(name: string, value: string, existing: Existing): Promise<void> {
    const what = `write of variable ${name} (${this.where()})`;
    const create = async (): Promise<GitHubAnswer> => {
      const body: Record<string, unknown> = { name, value };
      if (this.target.scope === 'organization') Object.assign(body, this.visibility(existing));
      return send(this.request, this.retry, what, 'POST', this.variablesPath(), body);
    };
    const update = async (): Promise<GitHubAnswer> =>
      send(this.request, this.retry, what, 'PATCH', `${this.variablesPath()}/${enc(name)}`, { name, value });
    let answer = existing.exists ? await update() : await create();
    // A first call that may have been applied leaves the outcome unknown whatever the second one says.
    const uncertain = answer.uncertain === true;
    if (existing.exists && answer.status === 404) answer = await create();
    else if (!existing.exists && answer.status === 409) answer = await update();
    if (answer.status < 200 || answer.status >= 300)
      throw this.refusal(what, { ...answer, uncertain: uncertain || answer.uncertain === true });
  }

  /** writeClientId writes the client ID where the inputs say: a variable or a secret. */
  async writeClientId(value: string, pre: Preflight): Promise<void> {
    const { as, name } = this.target.clientId;
    if (as === 'variable') await this.writeVariable(name, value, pre.clientId);
    else await this.putSecret(name, value, pre.key, pre.clientId);
  }

  private async publicKey(): Promise<Preflight['key']> {
    const what = `read of the Actions public key (${this.where()})`;
    const answer = await send(this.request, this.retry, what, 'GET', `${this.secretsPath()}/public-key`);
    if (answer.status !== 200) throw this.refusal(what, answer);
    const data = answer.data as Record<string, unknown> | null;
    if (typeof data?.key_id !== 'string' || typeof data.key !== 'string' || data.key === '') {
      throw new GitHubError(`GitHub ${what} answered without key_id and key.`, 200, 'rejected');
    }
    return { keyId: data.key_id, key: data.key };
  }

  private async readSecret(name: string): Promise<Existing> {
    const what = `read of secret ${name}'s metadata (${this.where()})`;
    const answer = await send(this.request, this.retry, what, 'GET', this.secretPath(name));
    if (answer.status === 404) return { exists: false };
    if (answer.status !== 200) throw this.refusal(what, answer);
    return this.withVisibility(what, answer.data, `${this.secretPath(name)}/repositories`);
  }

  private async readVariable(name: string): Promise<Existing> {
    const what = `read of variable ${name} (${this.where()})`;
    const path = `${this.variablesPath()}/${enc(name)}`;
    const answer = await send(this.request, this.retry, what, 'GET', path);
    if (answer.status === 404) return { exists: false };
    if (answer.status !== 200) throw this.refusal(what, answer);
    const existing = await this.withVisibility(what, answer.data, `${path}/repositories`);
    const value = (answer.data as Record<string, unknown> | null)?.value;
    return typeof value === 'string' ? { ...existing, value } : existing;
  }

  /** withVisibility reads an org item's visibility, and its selected repositories (paged, 100 a page). */
  private async withVisibility(what: string, data: unknown, repositoriesPath: string): Promise<Existing> {
    if (this.target.scope !== 'organization') return { exists: true };
    const visibility = (data as Record<string, unknown> | null)?.visibility;
    if (typeof visibility !== 'string') throw new GitHubError(`GitHub ${what} answered without a visibility.`, 200, 'rejected');
    if (visibility !== 'selected') return { exists: true, visibility };
    const ids: number[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await send(
        this.request,
        this.retry,
        `${what}: selected repositories`,
        'GET',
        `${repositoriesPath}?per_page=100&page=${page}`
      );
      if (answer.status !== 200) throw this.refusal(`${what}: selected repositories`, answer);
      const body = answer.data as Record<string, unknown> | null;
      const repos = Array.isArray(body?.repositories) ? (body.repositories as unknown[]) : [];
      for (const repo of repos) {
        const id = (repo as Record<string, unknown> | null)?.id;
        if (typeof id === 'number') ids.push(id);
      }
      const total = typeof body?.total_count === 'number' ? body.total_count : ids.length;
      if (repos.length < 100 || ids.length >= total) return { exists: true, visibility, selectedRepositoryIds: ids };
    }
    throw new GitHubError(`GitHub ${what}: more than ${MAX_PAGES} pages of selected repositories.`, 200, 'rejected');
  }

  /** visibility is what an org write sends: the existing visibility (and repositories), or private for a new one. */
  private visibility(existing: Existing): Record<string, unknown> {
    const visibility = existing.visibility ?? 'private';
    return visibility === 'selected'
      ? { visibility, selected_repository_ids: [...(existing.selectedRepositoryIds ?? [])] }
      : { visibility };
  }

  private base(): string {
    const t = this.target;
    if (t.scope === 'organization') return `/orgs/${enc(t.organization ?? '')}/actions`;
    const repo = `/repos/${enc(t.owner)}/${enc(t.repo)}`;
    return t.scope === 'environment' ? `${repo}/environments/${enc(t.environment ?? '')}` : `${repo}/actions`;
  }

  private secretsPath(): string {
    return `${this.base()}/secrets`;
  }

  private secretPath(name: string): string {
    return `${this.secretsPath()}/${enc(name)}`;
  }

  private variablesPath(): string {
    return `${this.base()}/variables`;
  }

  /**
   * refusal turns a final non-2xx answer into an error, rejected unless an earlier attempt may have been applied
   * (then unknown); a permission 403 carries the hint about GITHUB_TOKEN.
   */
  private refusal(what: string, answer: GitHubAnswer): GitHubError {
    const said = githubMessage(answer.data);
    let hint = '';
    if (answer.status === 403 || answer.status === 401) {
      hint =
        this.target.scope === 'organization'
          ? " The token may not manage this organization's Actions secrets and variables: it needs the organization's Secrets and Variables permissions (a GitHub App or fine-grained PAT) or admin:org (classic PAT)."
          : ' The token may not write Actions secrets here. GITHUB_TOKEN cannot write secrets: use a GitHub App installation token (actions/create-github-app-token with permission-secrets: write and permission-variables: write) or a fine-grained PAT with Secrets and Variables read and write.';
    } else if (answer.status === 404) {
      hint = ` Check that ${this.where()} exists and that the token can see it.`;
    }
    return new GitHubError(
      `GitHub ${what} failed: HTTP ${answer.status}${said === '' ? '' : ` (${said})`}.${hint}`,
      answer.status,
      answer.uncertain === true ? 'unknown' : 'rejected'
    );
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
