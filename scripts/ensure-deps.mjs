// Runs before `npm start` and `npm test`: installs the npm dependencies when
// node_modules is missing or older than package-lock.json, so the README's two
// commands work on a fresh clone. Plain JavaScript: it runs before anything is installed.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const stamp = 'node_modules/.package-lock.json';
const stale = !fs.existsSync(stamp) || fs.statSync('package-lock.json').mtimeMs > fs.statSync(stamp).mtimeMs;
if (stale) {
  console.log('Installing npm dependencies (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
