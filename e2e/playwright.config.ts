// End-to-end journeys: Debian's Chromium drives the release build in dist/, served by the real
// server binary on its own port with a fresh database, exactly as a user would meet it.
//
// Environment (all optional; the defaults are one run on this machine):
//   E2E_PORT           the app server's loopback port, default 8181 (the "new version" test's own
//                      servers use E2E_PORT + 89 + the worker index)
//   E2E_PARTNER_PORT   the demo partner site's port on 127.0.0.2 and 127.0.0.3, default 8191
//   E2E_OUTPUT_DIR     traces and failure artefacts, default e2e/test-results
//   E2E_DIST_DIR       the build to serve, default dist/
//   E2E_EXPECT_TIMEOUT ms an expect() waits for its condition, default 15000 (a bound for a
//                      condition that never comes, not a schedule: a busy machine is slow)
//   E2E_TEST_TIMEOUT   ms a test may take, default 120000; a long journey is marked test.slow()
//                      (three times that). Measured: at load 25 on 2 cores the embed journey
//                      took over 90 s and the 25 condition links over 30 s.
//   SERVER_BIN         the server binary, default $CARGO_TARGET_DIR/release/server (the test
//                      command passes the debug one its server tests built: same code)
//   CARGO_TARGET_DIR   where release/server is
// Two runs at once need their own E2E_PORT, E2E_PARTNER_PORT and E2E_OUTPUT_DIR.
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const targetDir = process.env.CARGO_TARGET_DIR ?? `${root}/target`;
/** The server binary every test starts or asks (`list`, `export`). */
export const serverBin = process.env.SERVER_BIN ?? `${targetDir}/release/server`;
const port = Number(process.env.E2E_PORT ?? 8181);
export const baseURL = `http://127.0.0.1:${port}`;
const partnerPort = Number(process.env.E2E_PARTNER_PORT ?? 8191);
export const partnerOrigin = `http://127.0.0.2:${partnerPort}`;
export const strangerOrigin = `http://127.0.0.3:${partnerPort}`;
// One data folder for the run: the workers inherit it, so a test can read what the server stored.
export const dataDir = (process.env.CT_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'ct-e2e-')));

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

export default defineConfig({
  testDir: './tests',
  outputDir: process.env.E2E_OUTPUT_DIR || './test-results',
  timeout: Number(process.env.E2E_TEST_TIMEOUT || 120_000),
  expect: { timeout: Number(process.env.E2E_EXPECT_TIMEOUT || 15_000) },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL,
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  // Every journey at a phone's width and at a desktop's, except those tagged '@any-width': what
  // they check (the server's answers, the eligibility paths, the retry keys, the allowlist…) is
  // the same at any width, so they run once, at the phone's, where most patients are. A test
  // that lays anything out, or runs axe, stays in both.
  projects: [
    { name: 'phone', use: { ...devices['Desktop Chrome'], viewport: { width: 390, height: 844 } } },
    {
      name: 'desktop',
      grepInvert: /@any-width/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: [{
    command: serverBin,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Its log in this run's output (warnings and errors only, RUST_LOG=warn), on either stream,
    // so a server that fails to start or fails a request says why.
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      BIND_ADDR: `127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DIST_DIR: process.env.E2E_DIST_DIR ?? `${root}/dist`,
      PUBLIC_URL: baseURL,
      RUST_LOG: 'warn',
      // The embed tests' demo partner (e2e/partner/) may frame the embed; 127.0.0.3 may not.
      PARTNERS: `demo-clinic=${partnerOrigin}`,
    },
  }, {
    command: 'node partner/serve.cjs',
    url: `${partnerOrigin}/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PARTNER_PORT: String(partnerPort), E2E_APP_ORIGIN: baseURL },
  }],
});
