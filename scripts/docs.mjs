// Generates the README's input and output tables from action.yml, the single source of their descriptions.
// `node scripts/docs.mjs` rewrites the README between the markers; `--check` fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} text */
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * renderTables turns action.yml's text into the README's two Markdown tables.
 * @param {string} actionYml
 */
export function renderTables(actionYml) {
  const action = parse(actionYml);
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} | ${spec.default ? `\`${cell(spec.default)}\`` : ''} |`
  );
  const outputs = Object.entries(action.outputs ?? {}).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`);
  return {
    inputs: ['| input | description | default |', '| --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| output | description |', '| --- | --- |', ...outputs].join('\n')
  };
}

/**
 * renderReadme replaces what stands between `<!-- inputs:start -->`/`<!-- inputs:end -->` (and the same for
 * outputs) with the tables; `prefix` names another action's markers (`rotate-` for rotate/action.yml).
 * @param {string} readme
 * @param {string} actionYml
 * @param {string} [prefix]
 */
export function renderReadme(readme, actionYml, prefix = '') {
  const tables = renderTables(actionYml);
  let out = readme;
  for (const key of /** @type {const} */ (['inputs', 'outputs'])) {
    const start = `<!-- ${prefix}${key}:start -->`;
    const end = `<!-- ${prefix}${key}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
    out = `${out.slice(0, from + start.length)}\n${tables[key]}\n${out.slice(to)}`;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const main = renderReadme(readme, readFileSync(join(root, 'action.yml'), 'utf8'));
  const fresh = renderReadme(main, readFileSync(join(root, 'rotate', 'action.yml'), 'utf8'), 'rotate-');
  if (process.argv.includes('--check')) {
    if (fresh !== readme) {
      console.error("README.md's input/output tables are stale: run 'npm run docs'.");
      process.exit(1);
    }
    console.log('README.md tables match action.yml.');
  } else {
    writeFileSync(readmePath, fresh);
  }
}
