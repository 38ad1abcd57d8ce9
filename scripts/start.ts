/**
 * npm start: build the Chrome extension, serve the bundled demo article on 127.0.0.1 and open
 * Chromium with Scrutiny loaded on it. Click the Scrutiny toolbar button (or press Alt+Shift+S).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from './fixture-server';

const root = resolve(import.meta.dirname, '..');
const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
];
const chromiumPath = candidates.find((path): path is string => Boolean(path && existsSync(path)));
if (!chromiumPath) {
  console.error(
    'Chromium was not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH. ' +
      'Google Chrome no longer loads unpacked extensions from the command line; load .output/chrome-mv3 by hand instead (see README).',
  );
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found: npm start opens a browser window, so run it in a desktop session.');
  process.exit(1);
}

const build = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Chromium refuses to start as root with its sandbox on (a fresh server or a container often runs
// as root), and says so only in a line easily lost among its other messages.
const runsAsRoot = process.getuid?.() === 0;
if (runsAsRoot) {
  console.log(
    'Running as root: starting Chromium with --no-sandbox, since it refuses to run as root with its sandbox. Run npm start as an ordinary user to keep the sandbox.',
  );
}

const server = await startFixtureServer();
const demoUrl = server.url('/pages/harbor-council-vote.html');
const extension = join(root, '.output', 'chrome-mv3');
const profile = mkdtempSync(join(tmpdir(), 'scrutiny-demo-'));
console.log(
  `Demo article: ${demoUrl}\nClick the Scrutiny button in the toolbar (puzzle-piece menu) or press Alt+Shift+S.`,
);
const browser = spawn(
  chromiumPath,
  [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--no-default-browser-check',
    ...(runsAsRoot ? ['--no-sandbox'] : []),
    demoUrl,
  ],
  { stdio: 'inherit' },
);

let finished = false;
/** Stop the demo server, remove the throwaway profile and end npm start with `exitCode`. */
function finish(exitCode: number, message?: string): void {
  if (finished) return; // a failed start can report both 'error' and 'exit'
  finished = true;
  if (message) console.error(message);
  rmSync(profile, { recursive: true, force: true });
  void server.close().finally(() => process.exit(exitCode));
}

browser.on('error', (error) => finish(1, `Could not start Chromium (${chromiumPath}): ${error.message}`));
browser.on('exit', (code, signal) => {
  if (code === 0) finish(0);
  else
    finish(
      code ?? 1,
      `Chromium stopped with ${code === null ? `signal ${signal}` : `exit code ${code}`} (its own messages are above), so the demo ended.`,
    );
});
