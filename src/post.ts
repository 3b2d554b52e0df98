import { cleanup } from './cleanup.js';
import { coreRuntime, fail, onCancel } from './wiring.js';

onCancel('post');
cleanup(coreRuntime()).then(
  () => process.exit(),
  (error: unknown) => {
    fail(error);
    process.exit();
  }
);
