import { run } from './flows/update.js';
import { coreRuntime, fail, onCancel } from './runner/wiring.js';

onCancel('main');
run(coreRuntime()).then(
  () => process.exit(),
  (error: unknown) => {
    fail(error);
    process.exit();
  }
);
