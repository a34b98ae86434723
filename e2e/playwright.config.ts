// End-to-end journeys: Debian's Chromium drives the release build in dist/, served by the real
// server binary on its own port with a fresh database, exactly as a user would meet it.
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
export const targetDir = process.env.CARGO_TARGET_DIR ?? `${root}/target`;
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
  projects: [
    { name: 'phone', use: { ...devices['Desktop Chrome'], viewport: { width: 390, height: 844 } } },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
  ],
  webServer: [{
    command: `${targetDir}/release/server`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 30_000,
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
    timeout: 10_000,
    env: { E2E_PARTNER_PORT: String(partnerPort), E2E_APP_ORIGIN: baseURL },
  }],
});
