/**
 * Launching the real browsers with the built extension. Under CI=true a missing browser fails the run;
 * elsewhere the suite is skipped with a loud message, never silently.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'scrutiny@scrutiny.example';
/** Fixed through the extensions.webextensions.uuids pref, so the tests know the moz-extension:// address. */
export const FIREFOX_UUID = '6f1b5c2e-9d4a-4e37-a1c8-2b7e5d9f0a13';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** The test build; SCRUTINY_TEST_OUT_DIR points at another one (built with SCRUTINY_OUT_DIR). */
const TEST_OUT = process.env.SCRUTINY_TEST_OUT_DIR ?? join(ROOT, '.output', 'test');
export const TEST_BUILD = {
  chrome: join(TEST_OUT, 'chrome-mv3'),
  firefox: join(TEST_OUT, 'firefox-mv2'),
};
export const SHIPPED_BUILD = {
  chrome: join(ROOT, '.output', 'chrome-mv3'),
  firefox: join(ROOT, '.output', 'firefox-mv2'),
};

/** Whether a browser can be used; throws under CI when it is missing. */
export function browserAvailable(path: string, name: string): boolean {
  if (existsSync(path)) return true;
  const message = `${name} is not installed at ${path}.`;
  if (process.env.CI === 'true') throw new Error(`${message} CI must install it (see .ci/run).`);
  console.warn(`\n*** SKIPPING ${name} end-to-end tests: ${message} ***\n`);
  return false;
}

export function temporaryProfile(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Poll `read` until `accept` holds; a read that throws (a page between two documents cannot answer
 * yet) is tried again. Gives up after `timeoutMs`, saying the last value and the last error.
 */
export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 20_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline)
      throw new Error(
        `Timed out after ${timeoutMs / 1000} s; last value ${JSON.stringify(last)}; last error ${String(lastError)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The flags that load one unpacked extension into Chromium, and no other. */
export function loadExtensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--no-default-browser-check',
];

/**
 * puppeteer's launch options for Firefox ESR over WebDriver BiDi, with the test extension's fixed
 * moz-extension:// address and no phoning home; `prefs` add to (or override) those preferences.
 */
export function firefoxLaunchOptions(prefs: Record<string, string | number | boolean> = {}) {
  return {
    browser: 'firefox' as const,
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi' as const,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'xpinstall.signatures.required': false,
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      ...prefs,
    },
  };
}
