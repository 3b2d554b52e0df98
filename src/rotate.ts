import { rotate } from './flows/rotate.js';
import { coreRuntime, fail } from './runner/wiring.js';

// No onCancel: its lines speak of main's post step, which the rotate action does not have.
rotate(coreRuntime()).then(
  () => process.exit(),
  (error: unknown) => {
    fail(error);
    process.exit();
  }
);
