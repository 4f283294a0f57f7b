// Runs before `npm start` and `npm test`: installs the npm dependencies when
// node_modules is missing or older than package-lock.json, and (for tests,
// with --browser) Debian's Chromium when it is missing, so the README's two
// commands work on a fresh machine. Plain JavaScript: it runs before anything
// is installed.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const stamp = 'node_modules/.package-lock.json';
const stale = !fs.existsSync(stamp) || fs.statSync('package-lock.json').mtimeMs > fs.statSync(stamp).mtimeMs;
if (stale) {
  console.log('Installing npm dependencies (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (process.argv.includes('--browser') && !fs.existsSync(chromium)) {
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log("Installing Debian's Chromium for the browser tests (apt-get install chromium)...");
    execSync('apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
  } else {
    console.error(`The browser tests need Debian's Chromium at ${chromium}: run "sudo apt-get install chromium" (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
}
