import { C1Client, type CreatedCredential } from '../c1/client.js';
import { describe, listName, type CredentialRecord, type Owner } from '../c1/credentials.js';
import { C1Error, messageOf } from '../c1/errors.js';
import { listPages } from '../c1/paging.js';
import { mintUntilAccepted } from '../c1/verify.js';
import { Env, Input } from '../config/names.js';
import { parseRotateConfig, RotateInput, type RotateConfig } from '../config/rotate.js';
import { parseClientId, type ClientId } from '../config/tenant.js';
import { GitHubError } from '../github/api.js';
import { octokitRequest } from '../github/octokit.js';
import { GitHubStore } from '../github/store.js';
import { isOrphan, planRotation, rollbackFor, type Failure } from '../plan/rotation.js';
import { rotationOutputs, rotationSummary, type Progress } from '../runner/rotation-report.js';
import type { Runtime } from '../runner/runtime.js';
import { maskSecretInputs, openClient } from './session.js';

/**
 * rotate is the rotate action: validate → (C1 token, read ‖ GitHub preflight) → due? → Create → verify →
 * store the secret, then the client ID → revoke the old. Every failure after the Create undoes what its row of
 * the failure table says, and the outputs and summary are written whatever happened, as far as known.
 */
export async function rotate(rt: Runtime): Promise<void> {
  maskSecretInputs(rt);
  const githubToken = rt.read(RotateInput.githubToken).trim();
  if (githubToken !== '') rt.setSecret(githubToken);
  const config = parseRotateConfig(rt.read, rt.env);
  for (const warning of config.warnings) rt.log.warning(warning);
  const progress: Progress = {
    dryRun: config.dryRun,
    verify: config.verify,
    revokeOld: config.revokeOld,
    secretName: config.github.secretName,
    clientIdName: config.github.clientId,
    where: '',
    rotated: false,
    verified: false,
    revoked: false,
    secretStored: false,
    clientIdStored: false,
    notes: []
  };
  try {
    await run(rt, config, progress);
  } catch (error) {
    progress.error = messageOf(error);
    throw error;
  } finally {
    for (const [name, value] of Object.entries(rotationOutputs(progress))) rt.setOutput(name, value);
    if (config.jobSummary) await rt.writeSummary(rotationSummary(progress));
  }
}

async function run(rt: Runtime, config: RotateConfig, progress: Progress): Promise<void> {
  const client = openClient(config, rt);
  const token = config.github.token;
  const store =
    token === undefined
      ? undefined
      : new GitHubStore(config.github, octokitRequest(token, config.github.apiUrl, config.requestTimeoutMs), {
          maxAttempts: config.retryMaxAttempts,
          sleep: rt.sleep,
          random: rt.random,
          now: rt.now,
          log: rt.log.info
        });
  progress.where = store?.where() ?? '';
  if (store === undefined) rt.log.notice('Dry run without github-token: the GitHub check is skipped.');

  // Both settle before either failure is thrown, so that a read credential reaches the outputs even when the
  // GitHub check fails first.
  const [read, checked] = await Promise.allSettled([readCurrent(client, config), store?.preflight()]);
  if (read.status === 'fulfilled') progress.old = read.value;
  if (read.status === 'rejected') throw read.reason;
  if (checked.status === 'rejected') throw checked.reason;
  const current = read.value;
  const pre = checked.value;
  const plan = planRotation(config, current, rt.now());
  if (!plan.due.rotate) {
    rt.log.notice(plan.due.notice);
    progress.notes.push(plan.due.notice);
    return;
  }
  if (config.dryRun) {
    const line = `Dry run: would create a credential '${plan.create.displayName}' for ${current.clientId} (expires in ${plan.create.expires}), store it in ${progress.where || 'GitHub'} and ${config.revokeOld ? 'revoke' : 'keep'} the old one.`;
    rt.log.info(line);
    progress.notes.push(line);
    return;
  }
  if (store === undefined || pre === undefined) throw new Error('internal: no GitHub store outside a dry run');

  const owner: Owner = current.ref.kind === 'pcc' ? { kind: 'pcc' } : { kind: 'spc', servicePrincipalId: current.ref.servicePrincipalId };
  const sentAt = rt.now();
  let created: CreatedCredential;
  try {
    created = await client.createCredential(owner, plan.create);
  } catch (error) {
    if (error instanceof C1Error && error.maybeApplied) {
      const found = await revokeOrphans(client, owner, plan.create.displayName, current.ref.id, sentAt, rt, progress);
      throw new Error(`${messageOf(error)} The outcome is unknown, so the Create was not sent again. ${found} GitHub is unchanged.`);
    }
    if (error instanceof C1Error && error.status === 403 && owner.kind === 'pcc') {
      throw new Error(
        `${messageOf(error)} Whether a personal client's own token may create personal clients is not documented; ` +
          'a service principal credential, or a user token (token input), is the way. Nothing was created; GitHub is unchanged.'
      );
    }
    throw new Error(`${messageOf(error)} Nothing was created; GitHub is unchanged.`);
  }
  const fresh = created.record;
  // Parsed once: verification mints with it, and a self-revoke refusal is retried with its token.
  const freshId = clientIdOf(fresh.clientId);
  progress.created = fresh;
  progress.expiresTime = fresh.expiresTime ?? plan.expiresTime;
  rt.log.info(`Created ${describe(fresh.ref)} with client ID ${fresh.clientId}.`);

  // `clientIdUnknown`: the client-ID write may have been applied, so the old client ID is written back too.
  const fail = async (failure: Failure, cause: string, clientIdUnknown = false): Promise<never> => {
    const oldSecret = oldSecretText(rt, config);
    const rollback = rollbackFor(failure, oldSecret !== undefined);
    if (rollback.writeBack && oldSecret !== undefined) {
      let secretBack = false;
      try {
        await store.putSecret(config.github.secretName, oldSecret, pre.key, pre.secret);
        secretBack = true;
        if (clientIdUnknown) await store.writeClientId(current.clientId, pre);
        progress.notes.push(`The old secret${clientIdUnknown ? ' and client ID were' : ' was'} written back to ${progress.where}.`);
      } catch (error) {
        if (secretBack) {
          // The old secret is back, so only the old client ID matches it: the new one would pair it with the wrong secret.
          progress.holds = `the old secret; the client ID may be the old one (${current.clientId}) or the new one (${fresh.clientId})`;
          progress.action = `Set ${config.github.clientId.name} to the old client ID ${current.clientId} (or rerun); both credentials were kept valid.`;
          throw new Error(
            `${cause} The old secret was written back to ${config.github.secretName}, but writing the old client ID back failed (${messageOf(error)}): ` +
              `${config.github.clientId.name} may hold ${current.clientId} or ${fresh.clientId}; set it to the old client ID ${current.clientId}. Both credentials are kept.`
          );
        }
        progress.holds = `either pair: the secret may be the new one or the old one, the client ID ${current.clientId} or ${fresh.clientId}`;
        progress.action = `Set ${config.github.secretName} and ${config.github.clientId.name} to a matching pair by hand (or rerun); both credentials were kept valid.`;
        throw new Error(
          `${cause} Writing the old values back failed as well (${messageOf(error)}): both credentials are kept; ` +
            `store the new client ID ${fresh.clientId} in ${config.github.clientId.name}, or set both back by hand.`
        );
      }
    }
    if (rollback.revokeNew) {
      try {
        await client.revokeCredential(fresh.ref);
        progress.newRevoked = true;
      } catch (error) {
        progress.action = `Revoke the new credential ${fresh.clientId} in C1 by hand; GitHub holds the old pair.`;
        throw new Error(`${cause} Revoking the new credential ${fresh.clientId} failed as well (${messageOf(error)}): revoke it by hand.`);
      }
      throw new Error(`${cause} The new credential ${fresh.clientId} was revoked; GitHub holds the old pair, which still works.`);
    }
    if (rollback.keepBoth) {
      if (failure === 'secret-unknown') {
        progress.holds = `the old pair, or the new secret beside the old client ID ${current.clientId}`;
        progress.action = `Set ${config.github.clientId.name} to ${fresh.clientId} if ${config.github.secretName} holds the new secret (or rerun), then revoke the one not in use.`;
        throw new Error(
          `${cause} Both credentials are kept: old ${current.clientId}, new ${fresh.clientId}. ${config.github.secretName} may hold either secret; ` +
            `the client ID was not written (it is still ${current.clientId}).`
        );
      }
      progress.holds = `the new secret; the client ID may be the old one (${current.clientId})`;
      progress.action = `Store the new client ID ${fresh.clientId} in ${config.github.clientId.name}, then revoke the old credential ${current.clientId}.`;
      throw new Error(
        `${cause} Both credentials are kept: store the new client ID ${fresh.clientId} in ${config.github.clientId.name} by hand.`
      );
    }
    throw new Error(cause);
  };

  // Verify: the new credential mints a token from this runner before anything depends on it.
  if (config.verify) {
    const verification =
      freshId === undefined
        ? undefined
        : await mintUntilAccepted(client, { clientId: freshId, secret: created.secret }, config.verifyTimeoutMs, {
            clock: () => rt.now().getTime(),
            sleep: rt.sleep,
            log: rt.log.info,
            retryOAuth400: false
          });
    progress.verifyMs = verification?.afterMs;
    if (verification?.accepted !== true) {
      const why = verification === undefined ? `C1 gave a client ID that is not <name>@<host>/<kind>` : verification.last;
      await fail(
        'verify',
        `The new credential ${fresh.clientId} did not mint a token within ${config.verifyTimeoutMs / 1000} s (last: ${why}).`
      );
    }
    progress.verified = true;
    rt.log.info(`Verified: the new credential mints a token (after ${verification?.attempts ?? 1} attempt(s)).`);
  }

  // Store: the secret first; the client ID names it, so a reader never sees a new ID beside an old secret.
  try {
    await store.putSecret(config.github.secretName, created.secretText, pre.key, pre.secret);
  } catch (error) {
    const unknown = error instanceof GitHubError && error.outcome === 'unknown';
    if (unknown) progress.secretMaybe = true;
    await fail(unknown ? 'secret-unknown' : 'secret-rejected', messageOf(error));
  }
  progress.secretStored = true;
  try {
    await store.writeClientId(fresh.clientId, pre);
  } catch (error) {
    await fail('client-id', messageOf(error), !(error instanceof GitHubError && error.outcome === 'rejected'));
  }
  progress.clientIdStored = true;
  progress.rotated = true;
  rt.log.notice(
    `Rotated ${current.clientId} → ${fresh.clientId}; stored in ${progress.where} (${config.github.secretName}, ${config.github.clientId.name}).`
  );

  if (!config.revokeOld) {
    progress.notes.push('The old credential was kept (revoke-old: false).');
    return;
  }
  await revokeOld(client, config, current, freshId, created, rt);
  progress.revoked = true;
}

/** revokeOld revokes the old credential with the caller's token; for self, a refusal is retried once with the new one's. */
async function revokeOld(
  client: C1Client,
  config: RotateConfig,
  current: CredentialRecord,
  newId: ClientId | undefined,
  created: CreatedCredential,
  rt: Runtime
): Promise<void> {
  try {
    await client.revokeCredential(current.ref);
    return;
  } catch (error) {
    if (!(config.target.self && error instanceof C1Error && error.status === 403 && newId !== undefined)) {
      throw new Error(`${messageOf(error)} The old credential ${current.clientId} (id ${current.ref.id}) is still valid: revoke it.`);
    }
  }
  const asNew = openClient({ ...config, auth: { kind: 'assertion', caller: newId, secret: created.secret } }, rt);
  try {
    await asNew.revokeCredential(current.ref);
  } catch (error) {
    throw new Error(`${messageOf(error)} The old credential ${current.clientId} (id ${current.ref.id}) is still valid: revoke it.`);
  }
}

/** readCurrent resolves and reads the credential to rotate. */
async function readCurrent(client: C1Client, config: RotateConfig): Promise<CredentialRecord> {
  const target = config.target;
  let owner: Owner;
  let inferred = '';
  if (target.kind === 'pcc') {
    owner = { kind: 'pcc' };
  } else {
    let sp = target.servicePrincipalId;
    if (sp === undefined) {
      sp = (await client.introspect()).userId;
      inferred = ` (service principal ${sp} is the caller's userId from introspect, taken as its service principal; give service-principal-id if that is wrong)`;
    }
    owner = { kind: 'spc', servicePrincipalId: sp };
  }
  if (target.clientId === undefined) {
    if (target.id === undefined) throw new Error('internal: a target without id or client ID');
    return client.readCredential({ ...owner, id: target.id });
  }
  const wanted = target.clientId.toLowerCase();
  for await (const page of listPages(`C1 ${listName(owner)}`, (pageToken) => client.credentialPage(owner, pageToken))) {
    const found = page.list.find((c) => c.clientId.toLowerCase() === wanted);
    if (found !== undefined) return found;
  }
  throw new Error(
    `${target.clientId} was not found among the ${owner.kind === 'pcc' ? "caller's personal clients" : `credentials of service principal ${owner.servicePrincipalId}`}${inferred}.`
  );
}

/** revokeOrphans looks for what an unanswered Create may have made and revokes it; it says what it found. */
async function revokeOrphans(
  client: C1Client,
  owner: Owner,
  displayName: string,
  oldId: string,
  sentAt: Date,
  rt: Runtime,
  progress: Progress
): Promise<string> {
  const found: string[] = [];
  const failed: string[] = [];
  const failedIds: string[] = [];
  try {
    for await (const page of listPages(`C1 ${listName(owner)}`, (pageToken) => client.credentialPage(owner, pageToken))) {
      for (const record of page.list.filter((r) => isOrphan(r, displayName, oldId, sentAt))) {
        try {
          await client.revokeCredential(record.ref);
          found.push(record.clientId);
        } catch (error) {
          failed.push(`${record.clientId} (${messageOf(error)})`);
          failedIds.push(record.clientId);
        }
      }
    }
  } catch (error) {
    progress.action = `Check C1 for a credential named '${displayName}' created just now and revoke it.`;
    return `Looking for a credential it may have created failed (${messageOf(error)}): check C1 for a credential named '${displayName}' created just now and revoke it.`;
  }
  rt.log.info(`Orphan search: revoked ${found.length}, failed ${failed.length}.`);
  if (failed.length > 0) {
    progress.action = `Revoke ${failedIds.join(', ')} in C1 by hand.`;
    return `Found ${failed.join(', ')} but could not revoke it: revoke it by hand.`;
  }
  return found.length === 0 ? 'No credential created by this run was found.' : `Found and revoked ${found.join(', ')}.`;
}

/** oldSecretText is the old credential's secret when this run holds it: `self` with a given secret. */
function oldSecretText(rt: Runtime, config: RotateConfig): string | undefined {
  if (!config.target.self || config.auth.kind !== 'assertion') return undefined;
  const text = rt.read(Input.clientId).trim() !== '' ? rt.read(Input.clientSecret) : (rt.env[Env.clientSecret] ?? '');
  return text.trim() === '' ? undefined : text.trim();
}

function clientIdOf(value: string): ClientId | undefined {
  try {
    return parseClientId('new client ID', value);
  } catch {
    return undefined;
  }
}
