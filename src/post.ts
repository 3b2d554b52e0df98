import { cleanup } from './flows/cleanup.js';
import { coreRuntime, fail, onCancel } from './runner/wiring.js';

onCancel('post');
// No process.exit(): the exit code is set (by setFailed) and stdout drains, so a last error line is never lost.
cleanup(coreRuntime()).catch(fail);
