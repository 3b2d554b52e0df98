import { run } from './run.js';
import { coreRuntime, fail, onCancel } from './wiring.js';

onCancel('main');
run(coreRuntime()).then(
  () => process.exit(),
  (error: unknown) => {
    fail(error);
    process.exit();
  }
);
