/**
 * npm start: build the Chrome extension, serve the bundled demo article on 127.0.0.1 and open
 * Chromium with Scrutiny loaded on it. Click the Scrutiny toolbar button (or press Alt+Shift+S).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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
    demoUrl,
  ],
  { stdio: 'inherit' },
);
browser.on('exit', () => {
  void server.close().then(() => process.exit(0));
});
