/** The post step's entry for @github/local-action (see main.ts beside it): the cleanup flow of src/post.ts. */
import { cleanup } from '../../src/flows/cleanup.js';
import { coreRuntime, fail } from '../../src/runner/wiring.js';

export async function run(): Promise<void> {
  await cleanup(coreRuntime()).catch(fail);
}
