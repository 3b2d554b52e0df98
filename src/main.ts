import { run } from './flows/update.js';
import { coreRuntime, fail, onCancel } from './runner/wiring.js';

onCancel('main');
// No process.exit(): the exit code is set (by setFailed) and stdout drains, so a last error line is never lost.
run(coreRuntime()).catch(fail);
