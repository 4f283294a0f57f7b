// `npm test`: lint (ESLint), check formatting (Prettier), type-check the
// server code (resolver types generated first) and the web app (codegen
// first), then run vitest; a lint, format or type error fails the run
// before any test starts. Arguments go to vitest (`npm test -- test/api`).
// Prints how long each step took.
// Plain JavaScript, like ensure-deps.mjs: it needs nothing but Node.
import { spawnSync } from 'node:child_process';

const steps = [
  { name: 'lint (ESLint)', command: 'npx', args: ['eslint', '.'] },
  { name: 'format (Prettier; fix with npm run format)', command: 'npx', args: ['prettier', '--check', '--log-level', 'warn', '.'] },
  { name: 'resolver types (GraphQL codegen for the api)', command: 'npm', args: ['run', '--silent', 'codegen:api'] },
  { name: 'type check (api, indexer, mappings, scripts, test)', command: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'type check (web: GraphQL codegen + svelte-check)', command: 'npm', args: ['run', '--silent', 'check:web'] },
  { name: 'tests (vitest)', command: 'npx', args: ['vitest', 'run', ...process.argv.slice(2)] },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();
for (const step of steps) {
  const stepStarted = Date.now();
  console.log(`\n== ${step.name}`);
  const { status, signal } = spawnSync(step.command, step.args, { stdio: 'inherit' });
  console.log(`== ${step.name}: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds(Date.now() - stepStarted)}`);
  if (status !== 0) {
    console.error(`npm test failed at "${step.name}" (${signal ?? `exit ${status}`}) after ${seconds(Date.now() - started)}`);
    process.exit(status ?? 1);
  }
}
console.log(`\nnpm test: all steps passed in ${seconds(Date.now() - started)}`);
