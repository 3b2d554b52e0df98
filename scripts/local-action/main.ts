/**
 * The main step's entry for @github/local-action, which imports a module and calls its exported `run()`.
 * src/main.ts cannot be that module: it runs the flow as soon as it is imported. This one runs the same flow with
 * the same wiring (local-action stubs @actions/core underneath) and reports a failure the way src/main.ts does.
 *
 *   npx local-action run . scripts/local-action/main.ts .env --post scripts/local-action/post.ts
 */
import { run as runMain } from '../../src/flows/update.js';
import { coreRuntime, fail } from '../../src/runner/wiring.js';

export async function run(): Promise<void> {
  await runMain(coreRuntime()).catch(fail);
}
