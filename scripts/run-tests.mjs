// `npm test`: lint (ESLint), check formatting (Prettier), type-check the
// server code (resolver types generated first) and the web app (codegen
// first), then run vitest; a lint, format or type error fails the run
// before any test starts. Arguments go to vitest (`npm test -- test/api`).
// Prints how long each step took.
//
// The checks run in two lanes at once (each tool uses about one core), and
// the local engine (unless ELASTICSEARCH_URL names one) starts in the
// background meanwhile: its half minute of start-up overlaps the checks
// instead of following them, and so does loading the tests' shared skills
// and occupations indices into it. The tests' global setup then finds both;
// this script stops the engine at the end if it started it (KEEP_ENGINE=1 keeps it).
// Plain JavaScript, like ensure-deps.mjs: it needs nothing but Node.
import { spawn } from 'node:child_process';

/** Steps of one lane run in order; the lanes run side by side. */
const lanes = [
  [
    { name: 'lint (ESLint)', command: 'npx', args: ['eslint', '.'] },
    { name: 'format (Prettier; fix with npm run format)', command: 'npx', args: ['prettier', '--check', '--log-level', 'warn', '.'] },
  ],
  [
    { name: 'resolver types (GraphQL codegen for the api)', command: 'npm', args: ['run', '--silent', 'codegen:api'] },
    { name: 'type check (api, indexer, mappings, scripts, test)', command: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
    { name: 'type check (web: GraphQL codegen + svelte-check)', command: 'npm', args: ['run', '--silent', 'check:web'] },
    // Here rather than in the browser tests' global setup, so it overlaps lane one (a no-op when web/build is fresh).
    { name: 'web app build (for the browser tests)', command: 'npm', args: ['run', '--silent', 'build:web'] },
  ],
];
const tests = { name: 'tests (vitest)', command: 'npx', args: ['vitest', 'run', ...process.argv.slice(2)] };

// The engine this run starts (and any the tests start) is short-lived: it compiles with the JVM's quick compiler
// only, which saves a good part of its CPU (scripts/engine/settings.ts). An explicit ENGINE_QUICK_JIT=0 keeps C2.
process.env.ENGINE_QUICK_JIT ??= '1';

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();

/** Runs a command; its output is printed as it comes (`live`) or in one block when it ends, so lanes never interleave lines. */
function run(step, { live = false } = {}) {
  const stepStarted = Date.now();
  if (live) console.log(`\n== ${step.name}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: step.env ?? process.env });
    let output = '';
    if (!live) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.once('close', (status, signal) => {
      const ok = status === 0;
      if (!live) console.log(`\n== ${step.name}${output.trim() ? `\n${output.trimEnd()}` : ''}`);
      console.log(`== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds(Date.now() - stepStarted)}`);
      resolve({ ok, step, how: signal ?? `exit ${status}`, output });
    });
  });
}

/** The steps of a lane in order, stopping at the first failure. */
async function runLane(steps) {
  for (const step of steps) {
    const result = await run(step);
    if (!result.ok) return result;
  }
  return null;
}

/** `npm run engine` in the background, or nothing when ELASTICSEARCH_URL names an engine. */
function startEngineInBackground() {
  if (process.env.ELASTICSEARCH_URL) return null;
  return run({ name: 'engine (started during the checks)', command: 'npm', args: ['run', '--silent', 'engine'] });
}

// The tests' shared skills and occupations indices, loaded once the engine is up, also during the checks
// (test/support/preload-taxonomy.ts); vitest finds them through TEST_TAXONOMY_PREFIX and deletes them at its end.
const taxonomyPrefix = `test-taxonomy-run-${process.pid}`;
const preload = (...args) => ({
  name: args[0] === '--delete' ? 'shared taxonomy deleted' : 'shared taxonomy loaded (during the checks)',
  command: process.execPath,
  args: ['--import', 'tsx', 'test/support/preload-taxonomy.ts', ...args],
});
let engineUrl = process.env.ELASTICSEARCH_URL;

/** The engine's URL once it answers (from `npm run engine`'s output), or null when it failed to start. */
async function engineReady(starting) {
  if (!starting) return engineUrl;
  const result = await starting;
  engineUrl = /Elasticsearch: (\S+)/.exec(result.output)?.[1];
  return result.ok ? engineUrl : null;
}

function withEngineUrl(step) {
  return { ...step, env: { ...process.env, ELASTICSEARCH_URL: engineUrl } };
}

const engineStarting = startEngineInBackground();
const taxonomyLoading = engineReady(engineStarting).then((url) => (url ? run(withEngineUrl(preload(taxonomyPrefix))) : null));
let failure;
try {
  failure = (await Promise.all(lanes.map(runLane))).find(Boolean) ?? null;
  // A failed engine start or preload is not fatal here: the tests' global setup tries again and reports the cause.
  if (!failure) {
    const loaded = await taxonomyLoading;
    const result = await run(
      { ...tests, env: { ...process.env, ...(loaded?.ok ? { TEST_TAXONOMY_PREFIX: taxonomyPrefix } : {}) } },
      { live: true },
    );
    if (!result.ok) failure = result;
  }
} finally {
  // vitest's global setup deletes them; this covers runs that stopped before it, or ran no engine tests.
  if ((await taxonomyLoading)?.ok) await run(withEngineUrl(preload('--delete', taxonomyPrefix)));
  const engine = await engineStarting;
  if (engine && /\(started\)/.test(engine.output) && process.env.KEEP_ENGINE !== '1') {
    await run({ name: 'engine stop (started by this run)', command: 'npm', args: ['run', '--silent', 'engine:stop'] });
  }
}
if (failure) {
  console.error(`npm test failed at "${failure.step.name}" (${failure.how}) after ${seconds(Date.now() - started)}`);
  process.exit(1);
}
console.log(`\nnpm test: all steps passed in ${seconds(Date.now() - started)}`);
