import { cleanup } from './flows/cleanup.js';
import { coreRuntime, fail, onCancel } from './runner/wiring.js';

onCancel('post');
cleanup(coreRuntime()).then(
  () => process.exit(),
  (error: unknown) => {
    fail(error);
    process.exit();
  }
);
