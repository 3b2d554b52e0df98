import { rotate } from './flows/rotate.js';
import { coreRuntime, fail, onCancel } from './runner/wiring.js';

onCancel('rotate');
// Octokit's keep-alive sockets would hold the process open for seconds after the flow: end it once stdout has
// drained (the exit code is already set by setFailed), so a last error line is never lost.
void rotate(coreRuntime())
  .catch(fail)
  .finally(() => process.stdout.write('', () => process.exit()));
