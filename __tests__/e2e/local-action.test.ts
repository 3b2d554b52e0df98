/**
 * `npm run local` (@github/local-action) runs the TypeScript source, main and then post, with local-action's
 * stubs of @actions/core underneath. scripts/local-check.mjs runs it against the stand-ins with cleanup: restore;
 * the post step can only restore from the state main saved, which the stubs carry from one step to the next.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

test('npm run local carries main state to the post step: main narrows, post restores', async () => {
  const { stdout } = await execFileP(process.execPath, ['scripts/local-check.mjs'], { timeout: 60_000 });
  expect(stdout).toContain('Updates C1 saw: [["20.42.7.9/32"],["10.0.0.0/8"]]; blue-whale-12345 now allows ["10.0.0.0/8"].');
  expect(stdout).toContain('OK: main narrowed the credential and post restored it from the state main saved.');
  expect(stdout).toContain("Post step: restored personal client 'blue-whale-12345'");
});
